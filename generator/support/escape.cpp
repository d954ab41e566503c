#include "support/escape.h"

#include "support/byte_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace safesite {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Decodes one UTF-8 sequence at `s[i]`; returns its length, or 0 if invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    unsigned char c = b(0);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    static constexpr std::array<char32_t, 5> min_for_len = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool allowed(char32_t cp) {
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    if (cp >= 0x7F && cp <= 0x9F) return false;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
    if ((cp & 0xFFFE) == 0xFFFE) return false;
    return true;
}

// The bytes that are not copied as they are: all but printable ASCII other
// than markup's own characters (and, in attributes, quotes).
template <bool Attribute>
bytes16::Chunk not_plain(bytes16::Chunk c) {
    using namespace bytes16;
    Chunk hit = below(c, 0x20) | high(c) | equal(c, 0x7F) | equal(c, '&') | equal(c, '<') | equal(c, '>');
    if constexpr (Attribute) hit = hit | equal(c, '"') | equal(c, '\'');
    return hit;
}

template <bool Attribute>
void append_escaped(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size());
    for (std::size_t i = 0; i < text.size();) {
        // Characters that pass as they are, copied a run at a time.
        std::size_t j = bytes16::find(text, i, not_plain<Attribute>);
        out.append(text.data() + i, j - i);
        i = j;
        if (i == text.size()) break;
        char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"':
                    if (Attribute) out += "&quot;";
                    else out += c;
                    break;
                case '\'':
                    if (Attribute) out += "&#39;";
                    else out += c;
                    break;
                default:
                    if (allowed(static_cast<char32_t>(c))) out += c;
                    else out += kReplacement;
            }
            ++i;
            continue;
        }
        char32_t cp = 0;
        std::size_t len = decode(text, i, cp);
        if (len == 0) {
            out += kReplacement;
            ++i;
        } else {
            if (allowed(cp)) out.append(text.substr(i, len));
            else out += kReplacement;
            i += len;
        }
    }
}

// The bytes clean_text does not keep as they are without decoding: all but allowed ASCII.
bytes16::Chunk not_clean_ascii(bytes16::Chunk c) {
    using namespace bytes16;
    Chunk control = below(c, 0x20);
    Chunk kept = equal(c, '\t') | equal(c, '\n') | equal(c, '\r');
    // A control that is not kept: below 0x20 and none of the three (they are all below 0x20).
    return (control ^ kept) | high(c) | equal(c, 0x7F);
}

}  // namespace

void append_text(std::string& out, std::string_view text) { append_escaped<false>(out, text); }
void append_attribute_value(std::string& out, std::string_view text) { append_escaped<true>(out, text); }

std::string escape_text(std::string_view text) {
    std::string out;
    append_text(out, text);
    return out;
}

std::string escape_attribute(std::string_view text) {
    std::string out;
    append_attribute_value(out, text);
    return out;
}

bool escapes_as_itself(std::string_view text) {
    // Most texts asked about are a class name or a word: a byte at a time is quicker than a padded chunk.
    if (text.size() < 16) {
        // The same rule as the chunks', asked once of every byte.
        static const auto kAsItself = [] {
            std::array<bool, 256> t{};
            for (std::size_t from = 0; from < t.size(); from += 16) {
                char bytes[16];
                for (std::size_t k = 0; k < 16; ++k) bytes[k] = static_cast<char>(from + k);
                const unsigned hits = bytes16::mask(not_plain<true>(bytes16::load(bytes)));
                for (std::size_t k = 0; k < 16; ++k) t[from + k] = !(hits >> k & 1);
            }
            return t;
        }();
        return std::all_of(text.begin(), text.end(), [](char c) { return kAsItself[static_cast<unsigned char>(c)]; });
    }
    return bytes16::find(text, 0, not_plain<true>) == text.size();
}

bool is_valid_utf8(std::string_view text) {
    auto beyond_ascii = [](bytes16::Chunk c) { return bytes16::high(c); };
    char32_t cp;
    for (std::size_t i = bytes16::find(text, 0, beyond_ascii); i < text.size(); i = bytes16::find(text, i, beyond_ascii)) {
        std::size_t len = decode(text, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // Allowed ASCII, a run at a time; anything else a character at a time.
        std::size_t j = bytes16::find(text, i, not_clean_ascii);
        out.append(text.data() + i, j - i);
        i = j;
        if (i == text.size()) break;
        char32_t cp = 0;
        std::size_t len = decode(text, i, cp);
        if (len == 0 || !allowed(cp)) {
            out += kReplacement;
            i += len ? len : 1;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

std::optional<std::string> safe_url(std::string_view url) {
    using namespace bytes16;
    // Tabs and newlines are removed (a copy is made only when there are any).
    auto removed16 = [](Chunk c) { return equal(c, '\t') | equal(c, '\n') | equal(c, '\r'); };
    auto is_removed = [](unsigned char c) { return c == '\t' || c == '\n' || c == '\r'; };
    std::string removed;
    if (find(url, 0, removed16) != url.size()) {
        for (char c : url)
            if (!is_removed(static_cast<unsigned char>(c))) removed += c;
        url = removed;
    }
    // Leading and trailing C0 controls and spaces are stripped by browsers.
    auto is_edge = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!url.empty() && is_edge(url.front())) url.remove_prefix(1);
    while (!url.empty() && is_edge(url.back())) url.remove_suffix(1);
    // No backslash anywhere; the first colon, and the first of / ? # (which ends a scheme).
    auto marks16 = [](Chunk c) { return equal(c, '\\') | equal(c, ':') | equal(c, '/') | equal(c, '?') | equal(c, '#'); };
    std::size_t colon = std::string_view::npos, boundary = std::string_view::npos;
    for (std::size_t i = find(url, 0, marks16); i < url.size(); i = find(url, i + 1, marks16)) {
        char c = url[i];
        if (c == '\\') return std::nullopt;
        if (c == ':') {
            if (colon == std::string_view::npos) colon = i;
        } else if (boundary == std::string_view::npos) {
            boundary = i;
        }
        if (colon != std::string_view::npos && boundary != std::string_view::npos) {
            if (url.find('\\', i) != std::string_view::npos) return std::nullopt;
            break;
        }
    }
    if (colon != std::string_view::npos && (boundary == std::string_view::npos || colon < boundary)) {
        // The scheme, in any case of ASCII letters.
        std::string_view scheme = url.substr(0, colon);
        auto is = [&](std::string_view allowed_scheme) {
            if (scheme.size() != allowed_scheme.size()) return false;
            for (std::size_t i = 0; i < scheme.size(); ++i) {
                char c = scheme[i];
                if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != allowed_scheme[i]) return false;
            }
            return true;
        };
        if (!is("http") && !is("https") && !is("mailto") && !is("tel")) return std::nullopt;
    }
    // A protocol-relative URL would load from another host.
    if (url.starts_with("//")) return std::nullopt;
    return clean_text(url);
}

bool is_url_attribute(std::string_view name) {
    return name == "href" || name == "src" || name == "action" || name == "formaction" || name == "poster" ||
           name == "cite" || name == "xlink:href" || name == "srcset" || name == "data" || name == "background";
}

void append_json_string(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    auto escaped16 = [](bytes16::Chunk c) {
        using namespace bytes16;
        return below(c, 0x20) | equal(c, '"') | equal(c, '\\') | equal(c, '<');
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A run that needs no escape, at once.
        std::size_t j = bytes16::find(text, i, escaped16);
        out.append(text, i, j - i);
        i = j;
        if (i == text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '<': out += "\\u003c"; break;  // never "</script>" or "<!--" in JSON
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
        }
    }
    out += '"';
}

}  // namespace safesite
