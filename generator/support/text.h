// Small text operations used across the pipeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safesite {

std::string trim(std::string_view s);
std::string lower_ascii(std::string_view s);
// Runs of white space folded to one space and trimmed, since content files
// wrap long sentences over several lines.
std::string folded_spaces(std::string_view s);
// Where each line of `text` starts: 0, then one past every '\n'.
std::vector<std::size_t> line_starts(std::string_view text);
// An id or file name from free text: "Who we are!" gives "who-we-are".
// Letters outside ASCII are dropped; empty input gives "section".
std::string slugify(std::string_view s);
bool starts_with_word(std::string_view s, std::string_view word);
// Splits at '\n', keeping empty lines.
std::vector<std::string_view> split_lines(std::string_view s);
// "01925 000 001" as a tel: URL ("tel:01925000001"), which allows no spaces.
std::string tel_url(std::string_view phone);
// The number with one decimal place, as printf's "%.1f" writes it: "12.5",
// "0.0", "-0.3". Charts' coordinates and rates; made without printf, which
// takes a hundred times as long (a council's children have one chart each).
std::string one_decimal(double v);
// 1,288 style thousands separators.
std::string with_thousands(long long n);
// A count with its noun agreeing: "0 records", "1 record", "1,288 records".
std::string counted(long long n, std::string_view one, std::string_view many);

// The name in `allowed` nearest to `wrong` (ignoring case, at most a few
// letters away), or empty: "wory" gives "worry", "shortname" "short-name".
std::string nearest_name(std::string_view wrong, const std::vector<std::string>& allowed);

}  // namespace safesite
