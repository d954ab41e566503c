#include "importers/judgement_table.h"

#include "importers/copied_table.h"
#include "support/text.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace safesite {

namespace {

bool is_grade_word(std::string_view w) {
    for (std::string_view g : {"outstanding", "good", "requires", "require", "improvement", "to", "be", "inadequate", "adequate"})
        if (w == g) return true;
    return false;
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
        if (c == ' ' || c == '.') {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

// A table line as its label cell and its grade cell. The grade cell is the
// text after the last wide gap (or the whole line, set far to the right),
// and only when every word of it is a grade word.
struct Cells {
    std::string label, grade;
};

Cells cells_of(const std::string& line) {
    std::size_t lead = line.find_first_not_of(' ');
    if (lead == std::string::npos) return {};
    std::size_t gap = line.rfind("   ");
    std::size_t right_from = gap == std::string::npos || gap < lead ? (lead >= 30 ? lead : std::string::npos) : line.find_first_not_of(' ', gap);
    if (right_from == std::string::npos) return {trim(line), {}};
    std::string right = plain_words(line.substr(right_from));
    // "Inadequate Grade 4" in the reports of 2012 and 2013.
    if (std::size_t g = right.rfind(" grade "); g != std::string::npos && g + 8 == right.size() && std::isdigit(static_cast<unsigned char>(right.back())))
        right.resize(g);
    auto words = words_of(right);
    bool grade = !words.empty();
    for (const auto& w : words) grade = grade && is_grade_word(w);
    if (!grade) return {trim(line), {}};
    return {trim(line.substr(0, right_from)), right};
}

// The area a judgement's label names; empty if it names none we know.
std::string area_of(const std::string& label) {
    auto has = [&](std::string_view w) { return label.find(w) != std::string::npos; };
    if (has("capacity for improvement") || has("capacity to improve")) return "capacity-for-improvement";
    if (has("overall effectiveness") || has("overall judgement")) return "overall";
    if (has("safeguarding children board") || has("lscb")) return "lscb";
    if (has("impact of leaders") || has("leadership")) return "leadership";
    if (has("help and protection")) return "help-and-protection";
    if (has("quality of practice")) return "quality-of-practice";
    if (has("children in care and care leavers")) return "children-in-care-and-care-leavers";
    if (has("adoption")) return "adoption";
    if (has("care leavers")) return "care-leavers";
    if (has("looked after and achieving permanence") || has("children looked after")) return "looked-after-and-permanence";
    if (has("children in care")) return "children-in-care";
    if (has("safeguarding services")) return "safeguarding";
    if (has("services for looked after children")) return "looked-after-children";
    return {};
}

// The grades in a block of table lines, in order: the grade cells joined,
// then read as whole grades ("Requires" above "improvement" is one grade).
// Empty if any word is left over.
std::vector<std::string> grades_in(const std::vector<Cells>& block) {
    std::vector<std::string> words;
    for (const Cells& c : block)
        for (auto& w : words_of(c.grade)) words.push_back(w);
    static const std::vector<std::vector<std::string_view>> phrases = {
        {"requires", "improvement", "to", "be", "good"}, {"require", "improvement", "to", "be", "good"}, {"requires", "improvement"},
        {"require", "improvement"}, {"outstanding"}, {"good"}, {"inadequate"}, {"adequate"}};
    std::vector<std::string> out;
    for (std::size_t at = 0; at < words.size();) {
        bool matched = false;
        for (const auto& p : phrases) {
            if (at + p.size() > words.size()) continue;
            bool same = true;
            for (std::size_t k = 0; k < p.size(); ++k) same = same && words[at + k] == p[k];
            if (!same) continue;
            std::string g;
            for (auto w : p) {
                if (!g.empty()) g += ' ';
                g += w;
            }
            out.push_back(g);
            at += p.size();
            matched = true;
            break;
        }
        if (!matched) return {};
    }
    return out;
}

// The labels in a block: a line whose label starts with a capital or a
// number starts a new one; one starting in lower case carries on the last.
std::vector<std::string> labels_in(const std::vector<Cells>& block) {
    std::vector<std::string> out;
    bool in_sentence = false;
    for (const Cells& c : block) {
        std::string w = plain_words(c.label);
        // A judgement sentence printed above the rows, and the line it wraps
        // onto, is read as a sentence; so is the table's own header.
        if (w.starts_with("children's service") || w.starts_with("the overall judgement is") || w.starts_with("the judgements on areas")) {
            in_sentence = true;
            continue;
        }
        if (in_sentence && c.grade.empty() && !w.empty() && !std::isdigit(static_cast<unsigned char>(w[0])) && !w.starts_with("the ")) continue;
        in_sentence = false;
        if (c.label.empty() || (w.starts_with("judgement") && w.ends_with("grade"))) continue;
        auto first = static_cast<unsigned char>(c.label[0]);
        if (out.empty() || std::isupper(first) || std::isdigit(first)) out.push_back(c.label);
        else out.back() += " " + c.label;
    }
    return out;
}

void add(Judgements& js, ImportedJudgement j) {
    std::string key = j.parent + ">" + j.area;
    if (std::find(js.disputed.begin(), js.disputed.end(), key) != js.disputed.end()) return;
    for (auto existing = js.list.begin(); existing != js.list.end(); ++existing) {
        if (existing->area != j.area || existing->parent != j.parent) continue;
        if (existing->grade != j.grade) {
            js.notes.push_back("the report grades " + j.area + " both " + existing->grade + " and " + j.grade + "; neither is written, check the report");
            js.disputed.push_back(key);
            js.list.erase(existing);
        }
        return;
    }
    js.list.push_back(std::move(j));
}

// Where the first pages' summary ends and the body begins.
bool ends_summary(const std::string& words) {
    for (std::string_view h : {"contents", "executive summary", "summary of findings", "section 1", "what needs to improve",
                               "what does the local authority need to improve", "information about this inspection", "the local authority"})
        if (words == h || (words.starts_with(h) && words.size() < h.size() + 40 && h != "the local authority")) return true;
    return false;
}

// The judgement sentences of the summary, which wrap across lines:
// "The overall judgement is requires improvement", "Children's services in
// Birmingham are inadequate", "The effectiveness of the Local Safeguarding
// Children Board (LSCB) is requires improvement".
void read_sentences(const std::string& text, const std::string& framework, Judgements& js) {
    const std::string grade = "(outstanding|good|adequate|inadequate|requires? improvement(?: to be good)?)";
    struct Sentence {
        std::regex pattern;
        const char* area;
    };
    static const std::vector<Sentence> sentences = [&] {
        std::vector<Sentence> s;
        s.push_back({std::regex("the overall judgement is (?:that )?(?:children's services? (?:in [a-z ,&-]+ )?(?:are |is )?)?" + grade + "\\b"), "overall"});
        s.push_back({std::regex("^children's services (?:in [a-z ,&'-]{2,60} )?(?:are|is) " + grade + "\\b"), "overall"});
        s.push_back({std::regex("^children's services (?:in [a-z ,&'-]{2,60}? )?(requires? improvement)\\b"), "overall"});
        s.push_back({std::regex("the effectiveness of the (?:local safeguarding children board|lscb)(?: \\(lscb\\))?(?: in [a-z ,&'-]+)? (?:is|are) (?:judged to be )?" + grade + "\\b"),
                     "lscb"});
        s.push_back({std::regex("the (?:local safeguarding children board|lscb)(?: \\(lscb\\))?(?: in [a-z ,&'-]+)? (?:is|are) " + grade + "\\b"), "lscb"});
        s.push_back({std::regex("the (?:local safeguarding children board|lscb)(?: \\(lscb\\))?(?: in [a-z ,&'-]+)? (requires? improvement)\\b"), "lscb"});
        return s;
    }();
    for (const Sentence& s : sentences) {
        std::smatch m;
        if (!std::regex_search(text, m, s.pattern)) continue;
        std::string g = grade_id(m[1].str(), framework);
        if (!g.empty()) add(js, {s.area, g, "", m[0].str()});
    }
}

}  // namespace

std::string grade_id(std::string words, const std::string& framework) {
    words = plain_words(words);
    if (words == "outstanding" || words == "good" || words == "inadequate") return words;
    if (words == "adequate") return framework == "slac-2009" || framework == "lac-2012" || framework == "cp-2012" ? "adequate" : "";
    bool ri = words == "requires improvement" || words == "require improvement";
    bool ri_good = words == "requires improvement to be good" || words == "require improvement to be good";
    if (framework == "ilacs-2018" && (ri || ri_good)) return "requires-improvement-to-be-good";
    if (ri || ri_good) return framework == "sif-2013" ? "requires-improvement" : "";
    return {};
}

Judgements read_judgements(const std::vector<ReportLine>& laid_out, const std::string& framework) {
    Judgements js;
    const std::vector<ReportLine> lines = rejoin_copied_rows(laid_out);
    // The summary: the first pages, up to the contents or the body.
    std::size_t end = 0;
    while (end < lines.size() && lines[end].page <= 3 && !ends_summary(plain_words(lines[end].text))) ++end;

    // The table, a row at a time: rows are apart by a blank line, and a
    // label or a grade may wrap within its row.
    std::string last_top;  // the area a numbered part ("2.1 Adoption performance") belongs to
    std::string context;   // a heading over rows, e.g. "Safeguarding services"
    static const std::regex part_number(R"(^\d+\.\d+\.?\s)");
    // Before 2014 the grades are also (or only) in a "Record of main findings" near the end.
    std::size_t record = end, record_end = end;
    for (std::size_t i = end; i < lines.size(); ++i)
        if (plain_words(lines[i].text) == "record of main findings") {
            record = i + 1;
            record_end = std::min(lines.size(), record + 80);
        }
    bool by_service = framework == "slac-2009" || framework == "lac-2012";  // graded per service, as "Safeguarding services"
    auto table = [&](std::size_t i, std::size_t to) {
    for (; i < to;) {
        if (trim(lines[i].text).empty()) {
            ++i;
            continue;
        }
        std::size_t row_end = i;
        while (row_end < to && !trim(lines[row_end].text).empty()) ++row_end;
        std::vector<Cells> block;
        for (std::size_t k = i; k < row_end; ++k) block.push_back(cells_of(lines[k].text));
        i = row_end;

        std::vector<std::string> grades = grades_in(block);
        if (grades.empty()) {
            // A short heading over rows, as in a 2009 report's "Safeguarding services".
            std::string words = plain_words(block.front().label);
            if (by_service && block.size() == 1 && words.size() < 60) {
                std::string a = area_of(words);
                if (a == "safeguarding" || a == "looked-after-children") context = a;
            }
            continue;
        }
        // Usually one row; rows printed without a blank line between them
        // are told apart by their labels, each starting with a capital.
        std::vector<std::string> labels = labels_in(block);
        if (labels.size() != grades.size()) {
            // A table of one row a line, under a heading of its own ("Record of main findings" of 2013).
            std::vector<std::string> rows, row_grades;
            bool one_a_line = true;
            for (const Cells& c : block) {
                if (!c.grade.empty() && c.label.empty()) one_a_line = false;
                if (c.grade.empty() || c.label.empty()) continue;
                rows.push_back(c.label);
                auto g = grades_in({c});
                if (g.size() != 1) one_a_line = false;
                else row_grades.push_back(g.front());
            }
            if (one_a_line && !rows.empty() && rows.size() == grades.size()) {
                labels = rows;
                grades = row_grades;
            }
        }
        if (labels.size() != grades.size()) {
            std::string all;
            for (const auto& l : labels) all += (all.empty() ? "" : " / ") + l;
            if (all.size() < 300)
                js.notes.push_back("the judgement table's rows \"" + all + "\" could not be matched with their grades; none was written");
            continue;
        }
        for (std::size_t k = 0; k < labels.size(); ++k) {
            const std::string& label = labels[k];
            std::string words = plain_words(label);
            std::string area = area_of(words);
            std::string grade = grade_id(grades[k], framework);
            if (area.empty() || grade.empty()) {
                if (words.size() < 200 && !by_service)
                    js.notes.push_back("a row of the judgement table, \"" + tidy_words(label) + "\": \"" + grades[k] +
                                       "\", was not read as a judgement (" + (area.empty() ? "an area" : "a grade") + " safesite does not know)");
                continue;
            }
            bool numbered_part = std::regex_search(label, part_number);
            std::string parent;
            if (numbered_part) parent = last_top;
            else if (by_service) {
                // Under a service's heading: its overall grade, and its capacity to improve; the
                // rows on outcomes and provision are not areas inspections record.
                if (context.empty() || (area != "overall" && area != "capacity-for-improvement")) continue;
                if (area == "overall") area = context;
                else parent = context;
            }
            if (parent.empty() && numbered_part) {
                js.notes.push_back("the numbered part \"" + tidy_words(label) + "\" comes before any judgement it could be part of");
                continue;
            }
            add(js, {area, grade, parent, tidy_words(label) + ": " + grades[k]});
            if (parent.empty()) last_top = area;
        }
    }
    };
    table(0, end);
    context.clear();
    if (record < record_end) table(record, record_end);

    // Sentences, a paragraph at a time.
    for (std::size_t i = 0; i < end;) {
        std::size_t p = i;
        while (p < end && !trim(lines[p].text).empty()) ++p;
        std::string text;
        for (std::size_t k = i; k < p; ++k) {
            // Only the label column: a grade cell beside a sentence belongs to a table row.
            std::string w = plain_words(cells_of(lines[k].text).label);
            if (!w.empty()) text += (text.empty() ? "" : " ") + w;
        }
        read_sentences(text, framework, js);
        i = p == i ? i + 1 : p;
    }
    // From 2015 the board's judgement heads its own part of the report:
    // "The Local Safeguarding Children Board (LSCB)" then "The Local
    // Safeguarding Children Board requires improvement".
    for (std::size_t i = end; i < lines.size(); ++i) {
        std::string w = plain_words(lines[i].text);
        if (w != "the local safeguarding children board (lscb)" && w != "the local safeguarding children board") continue;
        std::string text;
        for (std::size_t k = i + 1, taken = 0; k < lines.size() && taken < 2; ++k) {
            std::string next = plain_words(lines[k].text);
            if (next.empty()) continue;
            text += (text.empty() ? "" : " ") + next;
            ++taken;
        }
        Judgements board;
        read_sentences(text, framework, board);
        for (auto& j : board.list)
            if (j.area == "lscb") add(js, j);
    }
    return js;
}

}  // namespace safesite
