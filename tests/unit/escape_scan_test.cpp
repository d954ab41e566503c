// The escaping and the search index's text read 16 bytes at a time
// (support/byte_scan.h). Here they are held to the byte-at-a-time versions
// they replaced, on random text with every kind of byte at every place
// against the 16-byte blocks and the text's end.
#include "render/search_index.h"
#include "support/concat.h"
#include "support/escape.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <vector>

using namespace safesite;

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The length of the well-formed UTF-8 sequence at `i` (the Unicode
// standard's table 3-7), or 0; `cp` is its character.
std::size_t well_formed(std::string_view s, std::size_t i, char32_t& cp) {
    struct Form {
        unsigned char lead_lo, lead_hi, second_lo, second_hi;
        std::size_t length;
    };
    static constexpr Form kForms[] = {{0x00, 0x7F, 0, 0, 1},       {0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
                                      {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
                                      {0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4}};
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    for (const Form& f : kForms) {
        if (at(0) < f.lead_lo || at(0) > f.lead_hi) continue;
        if (i + f.length > s.size()) return 0;
        if (f.length > 1 && (at(1) < f.second_lo || at(1) > f.second_hi)) return 0;
        for (std::size_t k = 2; k < f.length; ++k)
            if (at(k) < 0x80 || at(k) > 0xBF) return 0;
        static constexpr unsigned char kLeadBits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
        cp = at(0) & kLeadBits[f.length];
        for (std::size_t k = 1; k < f.length; ++k) cp = cp << 6 | (at(k) & 0x3F);
        return f.length;
    }
    return 0;
}

// Characters a page may hold: not C0 controls but tab and newlines, not C1 or DEL, not non-characters.
bool old_allowed(char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return true;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
    const bool noncharacter = (cp >= 0xFDD0 && cp < 0xFDF0) || cp % 0x10000 >= 0xFFFE;
    return !control && !noncharacter;
}

// The text cut into characters: each well-formed sequence with its
// character, or a single byte of an ill-formed one with none.
std::vector<std::pair<std::string_view, std::optional<char32_t>>> characters(std::string_view text) {
    std::vector<std::pair<std::string_view, std::optional<char32_t>>> out;
    for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
        char32_t cp = 0;
        len = well_formed(text, i, cp);
        if (len) out.emplace_back(text.substr(i, len), cp);
        else out.emplace_back(text.substr(i, 1), std::nullopt), len = 1;
    }
    return out;
}

// The escaping, a character at a time.
std::string old_escape(std::string_view text, bool attribute) {
    const std::map<std::string_view, std::string_view> entities = {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}};
    const std::map<std::string_view, std::string_view> quotes = {{"\"", "&quot;"}, {"'", "&#39;"}};
    std::string out;
    for (auto [piece, cp] : characters(text)) {
        if (!cp || !old_allowed(*cp)) out += kReplacement;
        else if (entities.count(piece)) out += entities.at(piece);
        else if (attribute && quotes.count(piece)) out += quotes.at(piece);
        else out += piece;
    }
    return out;
}

std::string old_clean_text(std::string_view text) {
    std::string out;
    for (auto [piece, cp] : characters(text)) out += cp && old_allowed(*cp) ? piece : kReplacement;
    return out;
}

// The URL policy, in the words of escape.h, on a copy of the URL.
std::optional<std::string> old_safe_url(std::string_view url) {
    std::string u(url);
    std::erase_if(u, [](char c) { return c == '\t' || c == '\n' || c == '\r'; });
    const auto first = std::find_if(u.begin(), u.end(), [](char c) { return static_cast<unsigned char>(c) > 0x20; });
    const auto last = std::find_if(u.rbegin(), u.rend(), [](char c) { return static_cast<unsigned char>(c) > 0x20; }).base();
    u = first < last ? std::string(first, last) : std::string();
    if (u.find('\\') != std::string::npos) return std::nullopt;
    const std::size_t scheme_end = u.find(':');
    if (scheme_end != std::string::npos && u.substr(0, scheme_end).find_first_of("/?#") == std::string::npos) {
        std::string scheme;
        for (char c : u.substr(0, scheme_end)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::set<std::string> allowed = {"http", "https", "mailto", "tel"};
        if (!allowed.count(scheme)) return std::nullopt;
    }
    if (u.starts_with("//")) return std::nullopt;
    return old_clean_text(u);
}

std::string old_json(std::string_view text) {
    const std::map<char, std::string_view> named = {{'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\t', "\\t"}, {'\r', "\\r"}, {'<', "\\u003c"}};
    std::string out = "\"";
    for (char c : text) {
        if (named.count(c)) {
            out += named.at(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// The search index's text, one byte at a time: a tag is skipped (with all
// of a script, style or svg), the five entities turned back, white space
// folded to single spaces, and a byte joins a run if it is plain, or is a
// space with a plain byte after it.
std::string old_text_of_html(std::string_view html) {
    auto plain = [](char c) { return std::string_view("<& \n\t\r").find(c) == std::string_view::npos; };
    std::string out;
    bool pending_space = false;
    auto put = [&](std::string_view what) {
        if (!out.empty() && pending_space) out += ' ';
        pending_space = false;
        out += what;
    };
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;
            std::size_t next = close + 1;
            const std::string_view inside = html.substr(i + 1, close - i - 1);
            for (std::string_view skipped : {"script", "style", "svg"}) {
                if (inside.substr(0, skipped.size()) != skipped) continue;
                const std::string ending = concat("</", skipped, ">");
                const std::size_t at = html.find(ending, close);
                next = at == std::string_view::npos ? html.size() : at + ending.size();
            }
            i = next;
            pending_space = true;
        } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending_space = true;
            ++i;
        } else if (c == '&' && html.substr(i, 5) == "&amp;") {
            put("&"), i += 5;
        } else if (c == '&' && html.substr(i, 4) == "&lt;") {
            put("<"), i += 4;
        } else if (c == '&' && html.substr(i, 4) == "&gt;") {
            put(">"), i += 4;
        } else if (c == '&' && html.substr(i, 6) == "&quot;") {
            put("\""), i += 6;
        } else if (c == '&' && html.substr(i, 5) == "&#39;") {
            put("'"), i += 5;
        } else {
            std::size_t j = i + 1;
            while (j < html.size() && (plain(html[j]) || (html[j] == ' ' && j + 1 < html.size() && plain(html[j + 1])))) ++j;
            put(html.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

// Random text: long plain runs broken by every byte the scans stop at.
std::string random_text(std::mt19937& rng, bool markup) {
    static const std::vector<std::string> pieces = {
        "a",  "plain words go on ", "0123456789abcdefXYZ", " ",  "  ",  "\t", "\n", "\r", "&",   "&amp;", "&lt;", "<",   ">",    "\"",     "'",
        "\\", "\x01",               "\x1f",                "\x7f", "\x80", "\xC3\xA9", "\xC3", "\xEF\xBF\xBE", "\xF0\x9F\x91\x8D", "\xC2\x85", ":", "/", "#", "?", std::string(1, '\0'),
    };
    static const std::vector<std::string> tags = {"<p>", "</p>", "<script>x</script>", "<svg><p>y</p></svg>", "<style>", "<em class=\"a\">"};
    std::string t(rng() % 40, 'x');  // moves everything against the 16-byte blocks
    for (std::size_t n = rng() % 24; n > 0; --n) {
        if (markup && rng() % 5 == 0) t += tags[rng() % tags.size()];
        else t += pieces[rng() % pieces.size()];
    }
    return t;
}

}  // namespace

TEST_CASE("escaping a run at a time gives what escaping a byte at a time gave") {
    std::mt19937 rng(11);
    for (int round = 0; round < 20000; ++round) {
        std::string text = random_text(rng, false);
        INFO("text: " << text);
        CHECK(escape_text(text) == old_escape(text, false));
        CHECK(escape_attribute(text) == old_escape(text, true));
        // The leak guard searches a text as it is only when this says escaping leaves it so.
        if (escapes_as_itself(text)) CHECK((escape_text(text) == text && escape_attribute(text) == text));
        CHECK(clean_text(text) == old_clean_text(text));
        std::string json;
        append_json_string(json, text);
        CHECK(json == old_json(text));
    }
}

TEST_CASE("a text escapes as itself exactly when it is printable ASCII without markup's characters") {
    CHECK(escapes_as_itself(""));
    CHECK(escapes_as_itself("Mia went to the GP with her nan, who is 67."));
    CHECK(escapes_as_itself("govuk-body"));
    // Long texts are looked at sixteen bytes at a time, short ones a byte at a time: both are asked.
    for (std::string_view marked : {"a & b", "a < b", "a > b", "say \"hi\"", "Mia's", "tab\there", "caf\xC3\xA9", "bell\x07", "del\x7F"}) {
        CHECK_FALSE(escapes_as_itself(std::string(40, 'x') + std::string(marked)));
        CHECK_FALSE(escapes_as_itself(marked));
    }
}

TEST_CASE("a URL is judged as it was when it was copied a byte at a time") {
    std::mt19937 rng(12);
    const std::vector<std::string> starts = {"", "http:", "HTTPS://", "MailTo:", "tel:", "javascript:", "JaVa\tScript:", " \x01", "//", "\t/", "a/b:", "data:", "x?y:", "\\"};
    for (int round = 0; round < 20000; ++round) {
        std::string url = starts[rng() % starts.size()] + random_text(rng, false) + (rng() % 2 ? " \t" : "");
        INFO("url: " << url);
        CHECK(safe_url(url) == old_safe_url(url));
    }
    CHECK(safe_url("\t h\tttp:// x ") == "http:// x");
    CHECK_FALSE(safe_url("ht\ntp\\://x"));
    CHECK_FALSE(safe_url("Tel\r:x\\y"));
}

TEST_CASE("the search index's text, read 16 bytes at a time, is what it was") {
    std::mt19937 rng(13);
    for (int round = 0; round < 20000; ++round) {
        std::string html = random_text(rng, true);
        INFO("html: " << html);
        CHECK(text_of_html(html) == old_text_of_html(html));
    }
    // A single space between words keeps a run going to the text's very end, or stops it there.
    for (std::size_t at = 1; at < 40; ++at) {
        std::string words = std::string(at, 'w') + " a";
        CHECK(text_of_html(words) == words);
        CHECK(text_of_html(words + " ") == words);
        CHECK(text_of_html(words + "  b") == words + " b");
        CHECK(text_of_html(words + " &lt;") == words + " <");
    }
}

TEST_CASE("a tag is found first and last as find and rfind find it, wherever it lies against the blocks") {
    std::mt19937 rng(14);
    const std::vector<std::string> pieces = {"<main", "</main>", "<", "</mai", "main>", "x", "<p>", "</main", "  "};
    for (int round = 0; round < 20000; ++round) {
        std::string html(rng() % 40, 'y');
        for (std::size_t n = rng() % 12; n > 0; --n) html += pieces[rng() % pieces.size()];
        INFO("html: " << html);
        CHECK(first_tag(html, "<main") == std::string_view(html).find("<main"));
        CHECK(last_tag(html, "</main>") == std::string_view(html).rfind("</main>"));
    }
    CHECK(first_tag("", "<main") == std::string_view::npos);
    CHECK(last_tag("</main", "</main>") == std::string_view::npos);
}

TEST_CASE("text is well-formed UTF-8 exactly when it is cut into well-formed characters, on both sides of every limit") {
    auto reference = [](std::string_view text) {
        char32_t cp;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t len = well_formed(text, i, cp);
            if (len == 0) return false;
            i += len;
        }
        return true;
    };
    // Each limit of table 3-7, just inside and just outside.
    for (std::string_view one : {"\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xF0\x90\x80\x80",
                                 "\xF4\x8F\xBF\xBF"})
        CHECK(is_valid_utf8(one));
    for (std::string_view one : {"\x80", "\xC1\xBF", "\xC2\x7F", "\xC2\xC0", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
                                 "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xE2\x82", "\xF0\x9F\x98"})
        CHECK_FALSE(is_valid_utf8(one));
    // Random text: mostly ASCII with some characters of every length and some bad bytes,
    // at every place against the 16-byte blocks, the end included.
    std::mt19937 random(20261207);
    const std::string_view pieces[] = {"a", "b ", "\n", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\x80", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80"};
    int valid = 0, invalid = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 40);
        for (int k = 0; k < length; ++k) text += pieces[random() % 100 < 90 ? random() % 6 : 6 + random() % 4];
        const bool expected = reference(text);
        CHECK_MESSAGE(is_valid_utf8(text) == expected, text);
        (expected ? valid : invalid)++;
    }
    CHECK(valid > 500);
    CHECK(invalid > 500);
}
