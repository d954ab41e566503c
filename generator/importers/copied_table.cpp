#include "importers/copied_table.h"

#include "support/text.h"

#include <array>
#include <cctype>

namespace safesite {

namespace {

constexpr std::array<std::string_view, 8> kGrades = {"outstanding",          "good", "inadequate", "adequate", "requires improvement",
                                                      "require improvement", "requires improvement to be good", "require improvement to be good"};

// The line is a grade and nothing else: "Requires improvement", "Good".
bool is_grade_line(const std::string& text) {
    std::string w = plain_words(text);
    while (!w.empty() && (w.back() == '.' || w.back() == ' ')) w.pop_back();
    for (std::string_view g : kGrades)
        if (w == g) return true;
    return false;
}

// "to be good" below "Requires improvement": the end of a grade that wrapped.
bool ends_a_grade(const std::string& text) { return plain_words(text) == "to be good"; }

bool is_footnote_number(const std::string& text) {
    std::string t = trim(text);
    if (t.empty() || t.size() > 2) return false;
    for (char c : t)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// A line that already ends in a grade cell, set apart by a wide gap.
bool has_grade_cell(const std::string& text) {
    std::size_t gap = text.rfind("   ");
    std::size_t lead = text.find_first_not_of(' ');
    if (gap == std::string::npos || lead == std::string::npos || gap < lead) return false;
    return is_grade_line(text.substr(gap));
}

// A sentence whose grade wrapped onto the next line ("The effectiveness of
// the LSCB is" above "requires improvement") is read as a sentence, not a row.
bool runs_on(const std::string& label) {
    std::string w = plain_words(label);
    for (std::string_view end : {" is", " are", " be", " judged", " that", " as", " was", " were", " been", ","})
        if (w.ends_with(end)) return true;
    // The summary's sentences are read as sentences: "Children's services in Wakefield ..." above "require improvement to be good."
    return w.starts_with("children's services") || w.starts_with("the overall judgement") || w.size() > 80;
}

}  // namespace

std::vector<ReportLine> rejoin_copied_rows(const std::vector<ReportLine>& input) {
    // A grade cell that wrapped, "Requires" above "improvement", is one grade.
    std::vector<ReportLine> lines;
    lines.reserve(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        std::string w = plain_words(input[i].text);
        if ((w == "requires" || w == "require") && i + 1 < input.size() && plain_words(input[i + 1].text).starts_with("improvement") &&
            input[i].text.find_first_not_of(' ') < 30) {
            lines.push_back({trim(input[i].text) + " " + trim(input[i + 1].text), input[i].page});
            ++i;
            continue;
        }
        lines.push_back(input[i]);
    }
    std::vector<ReportLine> out;
    out.reserve(lines.size());
    std::size_t skipped_footnotes = 0;  // footnote numbers held back between an area and its grade
    bool joined_last = false;
    for (const ReportLine& line : lines) {
        std::string t = trim(line.text);
        if (is_footnote_number(t) && !out.empty() && !trim(out.back().text).empty() && !has_grade_cell(out.back().text)) {
            out.push_back(line);
            ++skipped_footnotes;
            continue;
        }
        if (joined_last && ends_a_grade(t)) {
            out.back().text += " " + t;
            continue;
        }
        joined_last = false;
        // A cell has no full stop; a sentence ending in a grade ("... when they were inadequate.") does.
        if (is_grade_line(t) && !t.ends_with(".") && line.text.find_first_not_of(' ') < 30) {
            // The area this grade belongs to: the line above, past any footnote number.
            std::size_t above = out.size() - std::min(out.size(), skipped_footnotes + 1);
            if (above < out.size()) {
                std::string label = trim(out[above].text);
                if (!label.empty() && !is_grade_line(label) && !has_grade_cell(out[above].text) && out[above].page == line.page &&
                    !runs_on(label)) {
                    out.resize(above + 1);  // the footnote numbers go: they are nobody's grade
                    out.back().text = label + "          " + t;
                    joined_last = true;
                    skipped_footnotes = 0;
                    continue;
                }
            }
        }
        skipped_footnotes = 0;
        out.push_back(line);
    }
    return out;
}

}  // namespace safesite
