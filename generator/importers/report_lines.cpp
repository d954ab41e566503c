#include "importers/report_lines.h"

#include "support/text.h"

#include <array>
#include <map>
#include <set>

namespace safesite {

namespace {

struct Swap {
    std::string_view from, to;
};

// Typography as plain characters; every bullet Ofsted has used as "-".
constexpr std::array<Swap, 22> kSwaps = {{
    {"\xE2\x80\x98", "'"},  {"\xE2\x80\x99", "'"},  {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x93", "-"},
    {"\xE2\x80\x94", "-"},  {"\xE2\x80\x92", "-"},  {"\xE2\x88\x92", "-"},  {"\xE2\x94\x80", "-"},  {"\xC2\xA0", " "},
    {"\xE2\x80\xA2", "-"},  {"\xE2\x97\xBC", "-"},  {"\xE2\x96\xA0", "-"},  {"\xE2\x96\xAA", "-"},  {"\xE2\x97\x8F", "-"},
    {"\xE2\x97\xA6", "-"},  {"\xEF\x82\xA7", "-"},  {"\xEF\x82\xB7", "-"},  {"\xE2\x80\x90", "-"},  {"\xE2\x80\x91", "-"},
    {"\xEF\xAC\x81", "fi"}, {"\xEF\xAC\x82", "fl"},
}};

std::string plain_characters(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        bool swapped = false;
        if (static_cast<unsigned char>(s[i]) >= 0x80)
            for (const Swap& w : kSwaps)
                if (s.substr(i).starts_with(w.from)) {
                    out += w.to;
                    i += w.from.size();
                    swapped = true;
                    break;
                }
        // Symbol fonts' private-use characters (U+F000 to U+F0FF) are bullets in Ofsted's PDFs.
        if (!swapped && s.substr(i).size() >= 3 && static_cast<unsigned char>(s[i]) == 0xEF &&
            (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0x80) {
            out += '-';
            i += 3;
            continue;
        }
        if (swapped) continue;
        if (s[i] == '\t') out += "    ";  // a tab parts columns as a wide gap does
        else out += s[i];
        ++i;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\r')) out.pop_back();
    // A bullet glued to its text, or on its own with the text after spaces, reads as "- text".
    std::size_t lead = out.find_first_not_of(' ');
    if (lead != std::string::npos && out[lead] == '-' && lead + 1 < out.size() && out[lead + 1] != '-') {
        std::size_t text = out.find_first_not_of(' ', lead + 1);
        if (text != std::string::npos) out = out.substr(0, lead) + "- " + out.substr(text);
    }
    return out;
}

// A line's shape with its numbers hidden: the same header on page 3 and page 4.
std::string shape(std::string_view line) {
    std::string out;
    bool in_number = false;
    for (char c : trim(line)) {
        bool digit = c >= '0' && c <= '9';
        if (digit && !in_number) out += '#';
        if (!digit && c != ' ') out += c;
        in_number = digit;
    }
    return out;
}

bool only_digits(std::string_view s) {
    std::string t = trim(s);
    if (t.empty() || t.size() > 3) return false;
    for (char c : t)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::vector<ReportLine> report_lines(std::string_view text) {
    // Pages, each as plain lines.
    std::vector<std::vector<std::string>> pages(1);
    for (std::string_view raw : split_lines(text)) {
        for (std::size_t ff; (ff = raw.find('\f')) != std::string_view::npos;) {
            pages.back().push_back(plain_characters(raw.substr(0, ff)));
            pages.emplace_back();
            raw.remove_prefix(ff + 1);
        }
        pages.back().push_back(plain_characters(raw));
    }
    // A header or footer is a line among the first or last three of a page
    // whose shape recurs at the edge of three pages or more.
    auto edges = [](const std::vector<std::string>& page, auto&& visit) {
        std::vector<std::size_t> at;
        for (std::size_t i = 0; i < page.size() && at.size() < 3; ++i)
            if (!trim(page[i]).empty()) at.push_back(i);
        std::size_t tail = 0;
        for (std::size_t i = page.size(); i-- > 0 && tail < 3;)
            if (!trim(page[i]).empty()) at.push_back(i), ++tail;
        for (std::size_t i : at) visit(i);
    };
    std::map<std::string, std::set<std::size_t>> seen_on;
    for (std::size_t p = 0; p < pages.size(); ++p)
        edges(pages[p], [&](std::size_t i) { seen_on[shape(pages[p][i])].insert(p); });

    std::vector<ReportLine> out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::set<std::size_t> drop;
        edges(pages[p], [&](std::size_t i) {
            if (only_digits(pages[p][i]) || (p > 0 && seen_on[shape(pages[p][i])].size() >= 3)) drop.insert(i);
        });
        for (std::size_t i = 0; i < pages[p].size(); ++i)
            if (!drop.contains(i)) out.push_back({pages[p][i], static_cast<int>(p) + 1});
    }
    return out;
}

std::string tidy_words(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        // A footnote mark: digits straight after a letter, then a space or the end.
        if (c >= '0' && c <= '9' && !out.empty() && std::isalpha(static_cast<unsigned char>(out.back()))) {
            std::size_t j = i;
            while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
            if (j == line.size() || line[j] == ' ' || line[j] == ',' || line[j] == '.') {
                i = j - 1;
                continue;
            }
        }
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string plain_words(std::string_view line) { return lower_ascii(tidy_words(line)); }

std::string joined(const std::vector<ReportLine>& lines, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to && i < lines.size(); ++i) {
        std::string t = trim(lines[i].text);
        if (t.empty()) continue;
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

}  // namespace safesite
