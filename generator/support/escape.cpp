#include "support/escape.h"

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

template <bool Attribute>
void append_escaped(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size());
    // Characters that pass as they are, copied a run at a time.
    auto plain = [](char c) {
        unsigned char u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7F && c != '&' && c != '<' && c != '>' && (!Attribute || (c != '"' && c != '\''));
    };
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (plain(c)) {
            std::size_t j = i + 1;
            while (j < text.size() && plain(text[j])) ++j;
            out.append(text.data() + i, j - i);
            i = j;
            continue;
        }
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

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
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
    std::string cleaned;
    for (char c : url)
        if (c != '\t' && c != '\n' && c != '\r') cleaned += c;
    // Leading and trailing C0 controls and spaces are stripped by browsers.
    auto is_edge = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!cleaned.empty() && is_edge(cleaned.front())) cleaned.erase(cleaned.begin());
    while (!cleaned.empty() && is_edge(cleaned.back())) cleaned.pop_back();
    if (cleaned.find('\\') != std::string::npos) return std::nullopt;
    std::size_t colon = cleaned.find(':');
    std::size_t boundary = cleaned.find_first_of("/?#");
    if (colon != std::string::npos && (boundary == std::string::npos || colon < boundary)) {
        std::string scheme = cleaned.substr(0, colon);
        std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
        if (scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel") return std::nullopt;
    }
    // A protocol-relative URL would load from another host.
    if (cleaned.rfind("//", 0) == 0) return std::nullopt;
    return clean_text(cleaned);
}

bool is_url_attribute(std::string_view name) {
    return name == "href" || name == "src" || name == "action" || name == "formaction" || name == "poster" ||
           name == "cite" || name == "xlink:href" || name == "srcset" || name == "data" || name == "background";
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t plain = 0;  // start of the run not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<') continue;
        out.append(text, plain, i - plain);
        plain = i + 1;
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
    out.append(text, plain, text.size() - plain);
    out += '"';
}

}  // namespace safesite
