// A report's text as lines, with what PDFs add taken out: typographic quotes,
// dashes and bullets become plain ones, and the running header, footer and
// page number of every page are dropped. Spacing inside a line is kept: in
// physical layout it is what tells a table's columns apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct ReportLine {
    std::string text;  // as laid out, right-trimmed; a bullet of any kind is "- "
    int page = 1;
};

std::vector<ReportLine> report_lines(std::string_view text);

// The words of a line with single spaces and no footnote digits glued to a
// word ("board1" is "board").
std::string tidy_words(std::string_view line);
// The same, lowercased: for matching.
std::string plain_words(std::string_view line);

// Lines [from, to) joined with single spaces, as a sentence that wraps is read.
std::string joined(const std::vector<ReportLine>& lines, std::size_t from, std::size_t to);

}  // namespace safesite
