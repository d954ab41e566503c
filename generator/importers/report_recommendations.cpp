#include "importers/report_recommendations.h"

#include "importers/ask_prose.h"
#include "support/concat.h"
#include "support/text.h"

#include <cctype>
#include <optional>
#include <set>

namespace safesite {

namespace {

bool ends_in_number(const std::string& words) { return !words.empty() && std::isdigit(static_cast<unsigned char>(words.back())); }

// The heading as printed, without a footnote mark glued to it ("What needs to improve?1").
std::string printed_heading(const std::string& line) {
    std::string raw = trim(line);
    // A contents line sets its page number apart by a wide gap: "What needs to improve?      4".
    if (std::size_t gap = raw.rfind("  "); gap != std::string::npos && raw.find_first_not_of("0123456789 ", gap) == std::string::npos) return tidy_words(raw);
    std::string t = tidy_words(raw);
    std::size_t digits = t.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(t[digits - 1]))) --digits;
    std::size_t mark = digits > 1 && t[digits - 1] == ' ' ? digits - 1 : digits;  // "improve? 1" as poppler may space it
    if (digits < t.size() && mark > 0 && (t[mark - 1] == '?' || t[mark - 1] == ':')) t.resize(mark);
    return t;
}

std::string heading_words(const std::string& line) {
    std::string w = lower_ascii(printed_heading(line));
    while (!w.empty() && (w.back() == ':' || w.back() == '?' || w.back() == '.')) w.pop_back();
    return w;
}

// The timescale a heading gives the items under it; nothing if it is not one.
std::optional<std::string> timescale_of(const std::string& w) {
    if (w.size() > 90 || ends_in_number(w)) return std::nullopt;  // a contents line ends in its page number
    // Only the heading itself: a sentence may start "areas for priority action identified in May 2019 ...".
    for (std::string_view h : {"areas for priority action", "area for priority action", "area(s) for priority action", "areas of priority action",
                               "priority action", "priority actions", "areas for priority and immediate action"})
        if (w == h) return "priority";
    if (w.starts_with("priority and immediate action")) return "priority";
    if (w == "immediately" || w.starts_with("take immediate action") || w == "immediate action" || w == "areas for immediate action")
        return "immediate";
    if (w.starts_with("within three months") || w.starts_with("within 3 months")) return "three-months";
    if (w.starts_with("within six months") || w.starts_with("within 6 months")) return "six-months";
    if (w.starts_with("what needs to improve") || w == "areas for improvement" || w.starts_with("and in addition") || w == "recommendations" ||
        w.starts_with("areas for improvement in") || w == "what needs to be improved")
        return "improvement";
    return std::nullopt;
}

// A heading starts with a capital and is not a sentence running on: "what
// needs to improve. They have embarked on ..." is prose that wrapped there.
bool is_heading(const std::string& line, const std::string& words) {
    return !line.empty() && !std::islower(static_cast<unsigned char>(line[0])) && words.find(". ") == std::string::npos;
}

// A contents line: words, a wide gap, a page number.
bool is_contents_line(const std::string& line) {
    std::string t = trim(line);
    std::size_t gap = t.rfind("   ");
    return gap != std::string::npos && gap > 0 && t.find_first_not_of("0123456789 ", gap) == std::string::npos;
}

// Whether `next` carries on a sentence that `text` leaves unfinished.
bool carries_on(const std::string& text, const std::string& next) {
    if (text.empty() || next.empty() || text.back() == '.' || text.back() == ':' || text.back() == '?') return false;
    auto first = static_cast<unsigned char>(next[0]);
    return std::islower(first) || std::isdigit(first);
}

// The timescale of asks a paragraph outside any section introduces, as
// "... the following areas for improvement have been identified at this
// visit:" or "... needs to take swift and decisive action to address the
// following areas of weakness:".
std::optional<std::string> introduced_timescale(const std::string& paragraph) {
    std::string lower = lower_ascii(paragraph);
    if (lower.size() > 1200) return std::nullopt;
    if (lower.find("swift and decisive action to") != std::string::npos && lower.find("following") != std::string::npos) return "priority";
    if (lower.find("following areas for priority action") != std::string::npos) return "priority";
    if (lower.find("following areas for improvement") != std::string::npos) return "improvement";
    return std::nullopt;
}

// The sentence a paragraph ends with, to stand for a heading.
std::string last_sentence(const std::string& paragraph) {
    std::size_t from = paragraph.rfind(". ");
    return trim(from == std::string::npos ? paragraph : paragraph.substr(from + 2));
}

bool is_strengths_heading(const std::string& w) {
    return w.size() < 60 && !ends_in_number(w) && (w.ends_with("strengths") || w == "areas of strength" || w == "key strengths");
}

bool starts_next_part(const std::string& w) {
    for (std::string_view part : {"strengths", "weaknesses", "summary", "information about", "judgement", "progress since", "about this",
                                  "findings", "what does the", "what the inspection", "contents", "annex"})
        if (w.find(part) != std::string::npos) return true;
    return false;
}

struct Item {
    bool is_item = false;
    int number = 0;  // 0 when the item has none
    std::string text;
};

// "- Ensure ...", "- 4. Ensure ...", "144. Put in place ...", "12 Ensure ...".
Item item_of(const std::string& line) {
    std::string t = trim(line);
    bool bullet = t.starts_with("- ");
    if (bullet) t = trim(std::string_view(t).substr(2));
    std::size_t digits = 0;
    while (digits < t.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
    // A year starting a line ("2019 inspection, the following ...") is a sentence wrapping, not a number.
    bool year = digits == 4 && (t.starts_with("19") || t.starts_with("20"));
    if (digits > 0 && !year && digits < t.size() && (t[digits] == '.' || t[digits] == ')' || t[digits] == ' ')) {
        std::string rest = trim(std::string_view(t).substr(digits + 1));
        if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest[0])))
            return {true, std::stoi(t.substr(0, digits)), rest};
    }
    if (bullet) return {true, 0, t};
    // "(a) ...", "a) ...", "(1) ...": lettered and bracketed lists.
    std::string_view v = t;
    if (v.starts_with("(")) v.remove_prefix(1);
    std::size_t mark = 0;
    while (mark < v.size() && mark < 2 && std::isalnum(static_cast<unsigned char>(v[mark]))) ++mark;
    if (mark > 0 && mark + 2 < v.size() && v[mark] == ')' && v[mark + 1] == ' ' && (mark == 1 || std::isdigit(static_cast<unsigned char>(v[0])))) {
        std::string rest = trim(v.substr(mark + 1));
        if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest[0]))) return {true, 0, rest};
    }
    return {};
}

}  // namespace

ReportLists read_lists(const std::vector<ReportLine>& lines) {
    ReportLists out;
    enum class Section { none, recommendations, strengths } section = Section::none;
    std::string timescale, heading;
    std::set<std::string> ids;
    int unnumbered = 0;
    int last_number = 0;       // the last item's number; 0 when it had none
    bool fresh = false;        // no item yet under the heading
    bool after_subheading = false;
    bool blank_before = false;
    std::string* open_item = nullptr;  // the item a wrapped line carries on
    // The section of asks being read, to say so when nothing in it could be.
    int heading_page = 0;
    std::size_t asks_before = 0;  // asks read before its heading
    bool accounted = true;        // it said there are none, or gave its asks
    bool introduced = false;      // a sentence said the asks follow
    std::string paragraph;        // prose since the last blank line, outside any section

    auto add = [&](int number, std::string text) {
        std::string id = concat("r", std::to_string(number ? number : ++unnumbered));
        while (ids.contains(id)) id = concat("r", std::to_string(++unnumbered));
        ids.insert(id);
        out.recommendations.push_back({id, timescale, heading, std::move(text)});
        open_item = &out.recommendations.back().text;
    };
    // A section of asks ends: one from which nothing was read is said.
    auto close = [&](std::string why) {
        if (section == Section::recommendations && out.recommendations.size() == asks_before && !accounted) {
            if (why.empty()) why = "safesite could not tell its asks apart";
            out.notes.push_back(concat("the section \"", heading, "\" on page ", std::to_string(heading_page), " gave no ask that could be read (", why,
                                       "); none was imported from it: add its asks by hand"));
        }
        section = Section::none;
        open_item = nullptr;
    };
    auto open = [&](std::string ts, std::string head, int page, bool counted) {
        // A heading straight over timescale headings ("Areas for improvement"
        // over "Immediately:") groups them; an empty priority section is still said.
        if (section == Section::recommendations && !(timescale == "priority" && ts != "priority" && ts != "immediate")) accounted = true;
        close({});
        section = Section::recommendations;
        timescale = std::move(ts);
        heading = std::move(head);
        heading_page = page;
        asks_before = out.recommendations.size();
        accounted = counted;
        introduced = false;
        fresh = true;
        after_subheading = false;
    };

    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ReportLine& line = lines[i];
        std::string t = trim(line.text);
        if (t.empty()) {
            blank_before = true;
            paragraph.clear();
            continue;
        }
        bool after_blank = blank_before;
        blank_before = false;
        std::string w = heading_words(t);
        if (auto ts = timescale_of(w); ts && is_heading(t, w)) {
            open(*ts, printed_heading(t), line.page, false);
            continue;
        }
        if (is_strengths_heading(w)) {
            close({});
            section = Section::strengths;
            fresh = true;
            after_subheading = false;
            continue;
        }
        if (section == Section::none) {
            // Asks introduced in a paragraph of their own: "... the following
            // areas for improvement have been identified at this visit:".
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += tidy_words(t);
            if (auto ts = introduced_timescale(paragraph); ts && t.ends_with(":")) {
                open(*ts, last_sentence(paragraph), line.page, false);
                introduced = true;
                paragraph.clear();
            }
            continue;
        }
        // A word broken at the end of the line ("post-" above "16 qualifications") goes on.
        if (open_item && open_item->ends_with("-") && open_item->size() > 1 &&
            std::isalpha(static_cast<unsigned char>((*open_item)[open_item->size() - 2])) && !t.starts_with("- ") && !after_blank) {
            *open_item += tidy_words(t);
            continue;
        }
        Item item = item_of(t);
        // A list goes on only as it was going: the next number, or another
        // bullet. Report paragraphs are numbered too, and one straight after
        // the list ends it.
        if (item.is_item && !fresh && !(item.number ? last_number > 0 && item.number == last_number + 1 : last_number == 0)) {
            // A bullet under a numbered item ("7. Improve ..., by:") is a point of that item.
            if (!item.number && open_item) {
                *open_item += concat(" ", tidy_words(item.text));
                continue;
            }
            close({});
            continue;
        }
        // "2. In order to improve ..., the council should take the following action." introduces the list.
        std::string lower = lower_ascii(item.text);
        if (item.is_item && (lower.ends_with("following action.") || lower.ends_with("following actions."))) {
            open_item = nullptr;
            continue;
        }
        if (item.is_item && item.text.size() < 1500) {
            if (section == Section::recommendations) {
                add(item.number, tidy_words(item.text));
            } else {
                out.strengths.push_back(tidy_words(item.text));
                open_item = &out.strengths.back();
            }
            last_number = item.number;
            fresh = after_subheading = false;
            continue;
        }
        // A wrapped item goes on: straight after its line, or after a page
        // break when the sentence is plainly not finished.
        bool unfinished = open_item && !open_item->empty() && open_item->back() != '.';
        // A short capitalised line without a full stop after a finished item heads the next group ("Planning and support for ...").
        bool group = !unfinished && t.size() < 70 && t.back() != '.' && std::isupper(static_cast<unsigned char>(t[0])) && !starts_next_part(w);
        if (open_item && !after_subheading && !group && (!after_blank || (unfinished && std::islower(static_cast<unsigned char>(t[0]))))) {
            *open_item += concat(" ", tidy_words(t));
            continue;
        }
        // An introduction to the list ("The local authority should:") is not an item.
        if (t.ends_with(":") && t.size() < 200) {
            open_item = nullptr;
            introduced = true;
            continue;
        }
        // A heading met on the contents page ("Recommendations" above
        // "Summary for children and young people    5") holds no asks.
        if (section == Section::recommendations && out.recommendations.size() == asks_before && is_contents_line(line.text)) {
            accounted = true;
            close({});
            continue;
        }
        // A line without a full stop is a subheading grouping items
        // ("Capacity"), unless it names the next part of the report: a short
        // one, or one standing alone above a blank line or an item.
        bool alone = i + 1 == lines.size() || trim(lines[i + 1].text).empty() || item_of(trim(lines[i + 1].text)).is_item;
        if ((after_blank || fresh || group) && (t.size() < 70 || (alone && t.size() < 100)) && t.back() != '.' && !item.is_item &&
            !starts_next_part(w)) {
            // "There are no areas for priority or immediate action" is short too.
            if (section == Section::recommendations && read_ask_prose(t, false).kind == AskProse::Kind::none) accounted = true;
            open_item = nullptr;
            after_subheading = true;
            continue;
        }
        // Prose before any ask: an introduction, a statement that there are
        // none, or the asks run on in sentences.
        if (section == Section::recommendations && out.recommendations.size() == asks_before) {
            std::string prose;
            std::size_t end = i;
            int page = line.page;
            for (; end < lines.size(); ++end) {
                std::string next = trim(lines[end].text);
                if (next.empty()) {
                    // A sentence carried over a page break goes on.
                    std::size_t after = end;
                    while (after < lines.size() && trim(lines[after].text).empty()) ++after;
                    if (after == lines.size() || lines[after].page == page || !carries_on(prose, trim(lines[after].text))) break;
                    end = after;
                    next = trim(lines[end].text);
                }
                if ((item_of(next).is_item && !(next[0] != '-' && carries_on(prose, next))) || timescale_of(heading_words(next))) break;
                prose += (prose.empty() ? "" : " ") + tidy_words(next);
                page = lines[end].page;
            }
            AskProse said = read_ask_prose(prose, introduced);
            if (said.kind == AskProse::Kind::introduction) {
                introduced = true;
                i = end - 1;
                open_item = nullptr;
                continue;
            }
            if (said.kind == AskProse::Kind::asks) {
                for (auto& a : said.asks) add(0, std::move(a));
                last_number = 0;
                fresh = false;
                open_item = nullptr;
                i = end - 1;
                continue;
            }
            if (said.kind == AskProse::Kind::none) accounted = true;
            if (said.kind == AskProse::Kind::earlier) {
                out.notes.push_back(concat("the section \"", heading, "\" on page ", std::to_string(heading_page),
                                           " says the asks of an earlier visit remain and lists none (\"", prose,
                                           "\"); none was imported: add them from that visit's report if they still stand"));
                accounted = true;
            }
            close(prose.size() < 160 ? concat("it says \"", prose, "\"") : std::string());
            i = end - 1;
            continue;
        }
        // Anything else is ordinary text: the list is over.
        close({});
    }
    close({});
    return out;
}

}  // namespace safesite
