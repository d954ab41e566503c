// Reading a Children in Need census file (the XML a council sends the
// Department for Education) into typed records. Codes are kept as written;
// UPN, former UPN and any other identifier of the child outside the council
// are never read into the records.
#pragma once

#include "model/statutory_returns.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <functional>
#include <string>

namespace safesite {

// The largest return safesite reads: libxml2 takes at most 2 GiB at once.
constexpr long long kMaxReturnBytes = 2147483647LL;

// What the census's header says.
struct CinHeader {
    std::string collection_year;
    std::optional<Date> reference_date;
};
// Each child as it is read, with the header; false stops the reading.
using EachCinChild = std::function<bool(const CinHeader& header, CinChild&& child)>;

// The census a child at a time, in the memory of one child, not of the file:
// a file that is not XML, declares entities or is not a CIN census is
// refused with one error; a problem in one child is reported at its line and
// marks that child (has_errors). False when the file is refused, broken or
// stopped; the children handed over before a break in the XML were read.
bool read_cin_census_stream(FileSystem& fs, const std::string& path, Diagnostics& diags, const EachCinChild& each, CinHeader* header = nullptr,
                            long long max_bytes = kMaxReturnBytes);
bool read_cin_census_text(const std::string& path, std::string_view text, Diagnostics& diags, const EachCinChild& each,
                          CinHeader* header = nullptr);

// Reads the census in `text` (the file at `path`). A file that is not XML,
// declares entities or is not a CIN census is refused with one error and
// gives no children; a problem in one child is reported at its line, marks
// that child (has_errors) and never stops the others.
CinCensus read_cin_census(const std::string& path, std::string text, Diagnostics& diags);

// The same from a file, refused before reading when it is empty or larger
// than `max_bytes`.
CinCensus read_cin_census_file(FileSystem& fs, const std::string& path, Diagnostics& diags,
                               long long max_bytes = kMaxReturnBytes);

}  // namespace safesite
