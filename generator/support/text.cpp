#include "support/text.h"

#include "support/byte_scan.h"

#include <cstring>

#include <algorithm>
#include <charconv>
#include <cctype>

namespace safesite {

std::string trim(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos) return {};
    std::size_t b = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(a, b - a + 1));
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

namespace {

// Whether `s` is folded already, as most texts are: no tab, line end or
// carriage return, no two spaces together, and none at either end. Looked at
// 16 bytes at a time.
bool already_folded(std::string_view s) {
    if (s.empty()) return true;
    if (s.front() == ' ' || s.back() == ' ') return false;
    using namespace bytes16;
    std::size_t i = 0, n = s.size();
    bool space_before = false;
    for (; i + 16 <= n; i += 16) {
        Chunk c = load(s.data() + i);
        unsigned others = mask(equal(c, '\n') | equal(c, '\t') | equal(c, '\r'));
        unsigned spaces = mask(equal(c, ' '));
        if (others || (spaces & (spaces >> 1)) || (space_before && (spaces & 1))) return false;
        space_before = (spaces & 0x8000) != 0;
    }
    for (; i < n; ++i) {
        char c = s[i];
        if (c == '\n' || c == '\t' || c == '\r' || (c == ' ' && space_before)) return false;
        space_before = c == ' ';
    }
    return true;
}

}  // namespace

std::string folded_spaces(std::string_view s) {
    if (already_folded(s)) return std::string(s);
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0, n = s.size();
    while (i < n) {
        while (i < n && space(s[i])) ++i;
        if (i == n) break;
        // A run of words each parted by one plain space is copied at once.
        std::size_t start = i;
        while (i < n && (!space(s[i]) || (s[i] == ' ' && i + 1 < n && !space(s[i + 1])))) ++i;
        if (!out.empty()) out += ' ';
        out.append(s.data() + start, i - start);
    }
    return out;
}

std::vector<std::size_t> line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (const char *at = text.data(), *end = at + text.size(); (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))); ++at)
        starts.push_back(static_cast<std::size_t>(at - text.data()) + 1);
    return starts;
}

std::string slugify(std::string_view s) {
    std::string out;
    bool dash = false;
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80 && std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(std::tolower(c));
        } else if (c == '&') {
            if (!out.empty()) out += "-and";
            dash = true;
        } else if (c < 0x80) {
            dash = true;
        }
    }
    return out.empty() ? "section" : out;
}

bool starts_with_word(std::string_view s, std::string_view word) {
    return s.substr(0, word.size()) == word && (s.size() == word.size() || !std::isalnum(static_cast<unsigned char>(s[word.size()])));
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::string tel_url(std::string_view phone) {
    std::string out = "tel:";
    for (char c : phone)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') out += c;
    return out;
}

std::string with_thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0) out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++count;
    }
    return n < 0 ? "-" + out : out;
}

namespace {

std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string nearest_name(std::string_view wrong, const std::vector<std::string>& allowed) {
    std::string w = lower_ascii(wrong);
    std::string best;
    std::size_t best_distance = 0;
    for (const auto& name : allowed) {
        std::size_t d = distance(w, lower_ascii(name));
        if (best.empty() || d < best_distance) best = name, best_distance = d;
    }
    std::size_t limit = std::max<std::size_t>(2, w.size() / 3);
    return !best.empty() && best_distance <= limit && best_distance < w.size() ? best : std::string();
}

std::string counted(long long n, std::string_view one, std::string_view many) {
    std::string out = with_thousands(n);
    out += ' ';
    out += n == 1 ? one : many;
    return out;
}

std::string one_decimal(double v) {
    char buf[320];  // the largest double has 309 digits before the point
    auto [end, problem] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return problem == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace safesite
