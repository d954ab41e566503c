#include "serve/request_path.h"

#include <vector>

namespace safesite {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes %XX once. A malformed escape refuses the whole request rather than
// being passed through, so no later decoding can see a different path.
std::optional<std::string> percent_decoded(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return std::nullopt;
        int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

}  // namespace

std::optional<RequestPath> request_path(std::string_view raw_target) {
    std::string_view target = raw_target.substr(0, raw_target.find_first_of("?#"));
    if (target.empty() || target.front() != '/') return std::nullopt;
    auto decoded = percent_decoded(target);
    if (!decoded) return std::nullopt;

    RequestPath result;
    std::string_view path = *decoded;
    if (path.starts_with(kRestrictedPrefix) || path == kRestrictedPrefix.substr(0, kRestrictedPrefix.size() - 1)) {
        result.restricted = true;
        path.remove_prefix(std::min(path.size(), kRestrictedPrefix.size() - 1));
    }

    std::vector<std::string_view> segments;
    std::size_t start = 1;  // after the leading '/'
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view segment = path.substr(start, end - start);
        // "." and ".." would climb; other dot-names are the build's own
        // records (.safesite) and never part of the site.
        if (segment.starts_with('.')) return std::nullopt;
        for (char c : segment)
            if (c == '\0' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return std::nullopt;
        if (!segment.empty()) segments.push_back(segment);
        else if (end != path.size()) return std::nullopt;  // "//": an empty segment in the middle
        start = end + 1;
    }

    bool folder = path.empty() || path.back() == '/';
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i) result.relative += '/';
        result.relative += segments[i];
    }
    if (folder) {
        if (!result.relative.empty()) result.relative += '/';
        result.relative += "index.html";
    } else {
        std::string_view last = segments.back();
        result.try_html = last.find('.') == std::string_view::npos;
    }
    return result;
}

}  // namespace safesite
