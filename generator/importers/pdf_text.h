// The text of a report file: a PDF read with poppler, or plain text as it is.
// Anything else is refused with a reason the user can act on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safesite {

// Reports are a few megabytes; a file past this is not a report, and is
// refused before it is read.
constexpr std::uintmax_t kLargestReport = 64u * 1024 * 1024;

struct ReportText {
    std::string text;   // pages separated by form feeds
    std::string error;  // why the file cannot be read as a report; empty when it can
};

// The bytes of a file: a PDF's text page by page in physical layout (a
// table's columns stay on one line, cells apart by spaces); UTF-8 text as
// it is, with CRLF as LF.
ReportText report_text(std::string_view bytes);

// The same from a file on disk, checking its size first.
ReportText read_report_file(const std::string& path);

}  // namespace safesite
