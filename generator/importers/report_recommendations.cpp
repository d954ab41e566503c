#include "importers/report_recommendations.h"

#include "support/concat.h"
#include "support/text.h"

#include <cctype>
#include <optional>
#include <set>

namespace safesite {

namespace {

bool ends_in_number(const std::string& words) { return !words.empty() && std::isdigit(static_cast<unsigned char>(words.back())); }

std::string heading_words(const std::string& line) {
    std::string w = plain_words(line);
    // A footnote mark after the question: "What needs to improve?1".
    std::size_t digits = w.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(w[digits - 1]))) --digits;
    if (digits < w.size() && digits > 0 && (w[digits - 1] == '?' || w[digits - 1] == ':')) w.resize(digits);
    while (!w.empty() && (w.back() == ':' || w.back() == '?' || w.back() == '.')) w.pop_back();
    return w;
}

// The timescale a heading gives the items under it; nothing if it is not one.
std::optional<std::string> timescale_of(const std::string& w) {
    if (w.size() > 90 || ends_in_number(w)) return std::nullopt;  // a contents line ends in its page number
    if (w.starts_with("priority and immediate action") || w.starts_with("areas for priority action") || w == "priority action" ||
        w == "areas for priority and immediate action")
        return "priority";
    if (w == "immediately" || w.starts_with("take immediate action") || w == "immediate action" || w == "areas for immediate action")
        return "immediate";
    if (w.starts_with("within three months") || w.starts_with("within 3 months")) return "three-months";
    if (w.starts_with("within six months") || w.starts_with("within 6 months")) return "six-months";
    if (w.starts_with("what needs to improve") || w == "areas for improvement" || w.starts_with("and in addition") || w == "recommendations" ||
        w.starts_with("areas for improvement in") || w == "what needs to be improved")
        return "improvement";
    return std::nullopt;
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
    if (digits > 0 && digits < t.size() && (t[digits] == '.' || t[digits] == ')' || t[digits] == ' ')) {
        std::string rest = trim(std::string_view(t).substr(digits + 1));
        if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest[0])))
            return {true, std::stoi(t.substr(0, digits)), rest};
    }
    if (bullet) return {true, 0, t};
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

    for (const ReportLine& line : lines) {
        std::string t = trim(line.text);
        if (t.empty()) {
            blank_before = true;
            continue;
        }
        bool after_blank = blank_before;
        blank_before = false;
        std::string w = heading_words(t);
        if (auto ts = timescale_of(w)) {
            section = Section::recommendations;
            timescale = *ts;
            heading = tidy_words(t);
            open_item = nullptr;
            fresh = true;
            after_subheading = false;
            continue;
        }
        if (is_strengths_heading(w)) {
            section = Section::strengths;
            open_item = nullptr;
            fresh = true;
            after_subheading = false;
            continue;
        }
        if (section == Section::none) continue;
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
            section = Section::none;
            open_item = nullptr;
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
                std::string id = concat("r", std::to_string(item.number ? item.number : ++unnumbered));
                while (ids.contains(id)) id = concat("r", std::to_string(++unnumbered));
                ids.insert(id);
                out.recommendations.push_back({id, timescale, heading, tidy_words(item.text)});
                open_item = &out.recommendations.back().text;
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
        if (open_item && !after_subheading && (!after_blank || (unfinished && std::islower(static_cast<unsigned char>(t[0]))))) {
            *open_item += concat(" ", tidy_words(t));
            continue;
        }
        // An introduction to the list ("The local authority should:") is not an item.
        if (t.ends_with(":") && t.size() < 200) {
            open_item = nullptr;
            continue;
        }
        // A short line without a full stop is a subheading grouping items
        // ("Capacity"), unless it names the next part of the report.
        if (after_blank && t.size() < 70 && t.back() != '.' && !item.is_item && !starts_next_part(w)) {
            open_item = nullptr;
            after_subheading = true;
            continue;
        }
        // Anything else is ordinary text: the list is over.
        section = Section::none;
        open_item = nullptr;
    }
    return out;
}

}  // namespace safesite
