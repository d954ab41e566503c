#include "importers/report_dates.h"

#include "support/concat.h"
#include "support/text.h"

#include <array>
#include <cctype>

namespace safesite {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};

// "November", "Nov", "Nov.", "Sept" as 11, 11, 11, 9; 0 when not a month.
int month_of(std::string word) {
    word = lower_ascii(word);
    if (!word.empty() && word.back() == '.') word.pop_back();
    if (word.size() < 3) return 0;
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (word == kMonths[i] || (word.size() <= 4 && kMonths[i].starts_with(word))) return static_cast<int>(i) + 1;
    return 0;
}

struct Part {
    int day = 0, month = 0, year = 0;
};

bool real_date(const Part& p) {
    static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (p.year < 2000 || p.year > 2100 || p.month < 1 || p.month > 12 || p.day < 1) return false;
    bool leap = (p.year % 4 == 0 && p.year % 100 != 0) || p.year % 400 == 0;
    return p.day <= days[static_cast<std::size_t>(p.month - 1)] - (p.month == 2 && !leap ? 1 : 0);
}

// Words of a date line: numbers (with "st", "nd", "rd", "th" dropped),
// months, and "dd/mm/yyyy" as three parts at once.
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '/') word += c;
        else flush();
    }
    flush();
    return out;
}

bool is_number(std::string_view s) {
    if (s.empty() || s.size() > 4) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

std::vector<Date> dates_in(std::string_view text) {
    std::vector<Part> parts;
    for (std::string t : tokens(text)) {
        if (t.find('/') != std::string::npos) {  // 19/11/2013
            auto a = t.find('/'), b = t.find('/', a + 1);
            std::string d = t.substr(0, a), m = b == std::string::npos ? "" : t.substr(a + 1, b - a - 1),
                        y = b == std::string::npos ? "" : t.substr(b + 1);
            if (!is_number(d) || !is_number(m) || !is_number(y)) return {};
            int year = std::stoi(y);
            parts.push_back({std::stoi(d), std::stoi(m), year < 100 ? 2000 + year : year});
            continue;
        }
        std::string lower = lower_ascii(t);
        for (const char* ord : {"st", "nd", "rd", "th"})
            if (lower.size() > 2 && lower.ends_with(ord) && std::isdigit(static_cast<unsigned char>(lower[lower.size() - 3])))
                lower.resize(lower.size() - 2);
        if (is_number(lower)) {
            int n = std::stoi(lower);
            if (lower.size() == 4) {
                if (parts.empty() || parts.back().year) return {};
                parts.back().year = n;
            } else {
                parts.push_back({n, 0, 0});
            }
        } else if (int m = month_of(lower)) {
            if (parts.empty() || parts.back().month) return {};
            parts.back().month = m;
        }
        // Other words ("to", "and", "-") only join dates.
    }
    // A day without a month or year takes them from the next date that has them.
    for (std::size_t i = parts.size(); i-- > 0;) {
        if (i + 1 < parts.size()) {
            if (!parts[i].month) parts[i].month = parts[i + 1].month;
            if (!parts[i].year) parts[i].year = parts[i + 1].year;
        }
    }
    std::vector<Date> out;
    for (const Part& p : parts) {
        if (!real_date(p)) return {};
        out.push_back({p.year, p.month, p.day});
    }
    return out;
}

namespace {

// The text after a label such as "Inspection dates:", with the next line
// when the dates wrap onto it.
std::optional<std::string> labelled(const std::vector<ReportLine>& lines, std::initializer_list<std::string_view> labels,
                                    std::size_t* at = nullptr) {
    for (std::size_t i = 0; i < lines.size() && lines[i].page <= 3; ++i) {
        std::string words = trim(lines[i].text);
        std::string lower = lower_ascii(words);
        for (std::string_view label : labels) {
            if (!lower.starts_with(label)) continue;
            std::string rest = trim(std::string_view(words).substr(label.size()));
            if (rest.starts_with(":")) rest = trim(std::string_view(rest).substr(1));
            else if (!rest.empty() && !std::isdigit(static_cast<unsigned char>(rest[0]))) continue;
            // "... 4 to 8 March and 18 to" goes on: take the next line if it carries on the dates.
            if (i + 1 < lines.size()) {
                std::string next = trim(lines[i + 1].text);
                std::string low = lower_ascii(rest);
                bool open = dates_in(rest).empty() || low.ends_with(" to") || low.ends_with(" and") || low.ends_with("-");
                if (open && !next.empty() && (std::isdigit(static_cast<unsigned char>(next[0])) || month_of(next.substr(0, next.find(' '))) ||
                                              lower_ascii(next).starts_with("to ") || lower_ascii(next).starts_with("and ")))
                    rest += " " + next;
            }
            if (at) *at = i;
            return rest;
        }
    }
    return std::nullopt;
}

// A letter gives its dates in its first sentences: "the findings of the
// focused visit to Derby children's services on 4 and 5 June 2019", "This
// inspection took place from 11 to 15 March 2019".
std::optional<std::string> letter_dates(const std::vector<ReportLine>& lines, std::string* quote) {
    std::string text;
    // A blank line ends a sentence too: a heading has no full stop.
    for (std::size_t i = 0; i < lines.size() && lines[i].page <= 2; ++i) text += trim(lines[i].text).empty() ? std::string("\n") : concat(" ", trim(lines[i].text));
    std::string lower = lower_ascii(text);
    for (std::string_view lead : {"visit to ", "took place ", "inspection of "}) {
        for (std::size_t at = lower.find(lead); at != std::string::npos; at = lower.find(lead, at + 1)) {
            std::size_t stop = lower.find_first_of(".\n", at);
            std::string sentence = lower.substr(at, stop == std::string::npos ? std::string::npos : stop - at);
            for (std::string_view word : {" on ", " from ", " between "}) {
                std::size_t w = sentence.find(word);
                if (w == std::string::npos) continue;
                std::string dates = sentence.substr(w + word.size());
                if (dates.empty() || !std::isdigit(static_cast<unsigned char>(dates[0])) || dates_in(dates).empty()) continue;
                // The sentence as printed, for a warning to quote: from its start to its full stop.
                std::size_t full_stop = lower.rfind(". ", at), blank = lower.rfind('\n', at);
                std::size_t begin = full_stop == std::string::npos ? 0 : full_stop + 2;
                if (blank != std::string::npos && (full_stop == std::string::npos || blank > full_stop)) begin = blank + 1;
                *quote = tidy_words(text.substr(begin, (stop == std::string::npos ? text.size() : stop + (text[stop] == '.')) - begin));
                return dates;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

VisitDates read_visit_dates(const std::vector<ReportLine>& lines) {
    std::size_t at = 0;
    std::string quote;
    auto text = labelled(lines, {"inspection dates", "inspection date", "dates of inspection", "date of inspection", "visit dates",
                                 "dates of visit", "date of visit", "visit date", "inspection visit dates", "inspection visit date"},
                         &at);
    if (text) quote = tidy_words(trim(lines[at].text));
    if (text && !quote.ends_with(tidy_words(*text)) && at + 1 < lines.size())
        quote = tidy_words(quote + " " + trim(lines[at + 1].text));  // wrapped onto the next line
    if (!text) text = letter_dates(lines, &quote);
    if (!text) return {{}, {}, "no line of inspection dates was found (\"Inspection dates: ...\")", {}};
    auto dates = dates_in(*text);
    if (dates.empty()) return {{}, {}, "the inspection dates \"" + *text + "\" could not be read as dates", {}};
    // Kept as printed, even when they cannot be right: a reviewer corrects
    // them from the report, and a guess would hide the misprint.
    VisitDates v{dates.front(), dates.back(), {}, {}};
    bool backwards = false;
    for (std::size_t i = 1; i < dates.size(); ++i) backwards = backwards || dates[i] < dates[i - 1];
    long days = dates.back().days_since_epoch() - dates.front().days_since_epoch();
    if (backwards)
        v.warning = "the visit ends before it starts: \"" + quote + "\"; the dates are kept as printed: check them against the report";
    // An inspection takes at most four weeks on site; one printed in parts ("4 to 8 and 18 to 22 March") may span more.
    else if (days > 28 && dates.size() <= 2)
        v.warning = "the visit spans " + std::to_string(days + 1) + " days, more than the four weeks any visit takes: \"" + quote +
                    "\"; the dates are kept as printed: check them against the report";
    return v;
}

std::optional<Date> read_published(const std::vector<ReportLine>& lines) {
    auto text = labelled(lines, {"report published", "publication date", "date of publication", "published"});
    if (!text) return std::nullopt;
    auto dates = dates_in(*text);
    if (dates.size() != 1) return std::nullopt;
    return dates.front();
}

}  // namespace safesite
