#include "support/text.h"

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

}  // namespace safesite
