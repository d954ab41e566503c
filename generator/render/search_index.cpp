#include "render/search_index.h"

#include "support/byte_scan.h"

#include <array>
#include <bit>
#include <cstdio>
#include <utility>

namespace safesite {

namespace {

constexpr std::size_t kMaxTextPerPage = 20000;

// What a byte of HTML is to its text.
enum HtmlByte : unsigned char { kPlain, kTagStart, kEntityStart, kSpace };
constexpr std::array<HtmlByte, 256> kHtmlBytes = [] {
    std::array<HtmlByte, 256> t{};
    t['<'] = kTagStart;
    t['&'] = kEntityStart;
    t[' '] = t['\n'] = t['\t'] = t['\r'] = kSpace;
    return t;
}();
HtmlByte kind_of(char c) { return kHtmlBytes[static_cast<unsigned char>(c)]; }

// Where a run of text that goes on at `from` ends: at the first byte that is
// not plain, other than a single space with a plain byte after it.
std::size_t run_end(std::string_view html, std::size_t from) {
    const std::size_t n = html.size();
    std::size_t j = from;
    // Sixteen bytes at a time while the byte after them can be read too.
    for (; j + 17 <= n; j += 16) {
        using namespace bytes16;
        auto special = [](Chunk c) { return equal(c, '<') | equal(c, '&') | equal(c, '\n') | equal(c, '\t') | equal(c, '\r'); };
        Chunk here = load(html.data() + j), next = load(html.data() + j + 1);
        Chunk ends = special(here) | (equal(here, ' ') & (special(next) | equal(next, ' ')));
        if (unsigned m = mask(ends)) return j + static_cast<std::size_t>(std::countr_zero(m));
    }
    for (; j < n; ++j) {
        if (kind_of(html[j]) == kPlain) continue;
        if (html[j] != ' ' || j + 1 >= n || kind_of(html[j + 1]) != kPlain) break;
    }
    return j;
}

}  // namespace

// A page has a hundred tags before <main> and after </main>: places are
// tried only where the tag's first two bytes are, sixteen places at a time.
std::size_t first_tag(std::string_view html, std::string_view tag) {
    if (tag.size() < 2) return html.find(tag);
    const std::size_t n = html.size();
    std::size_t i = 0;
    for (; i + 17 <= n; i += 16) {
        using namespace bytes16;
        for (unsigned m = mask(equal(load(html.data() + i), tag[0]) & equal(load(html.data() + i + 1), tag[1])); m != 0; m &= m - 1) {
            const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(m));
            if (html.substr(at, tag.size()) == tag) return at;
        }
    }
    return html.find(tag, i);
}

std::size_t last_tag(std::string_view html, std::string_view tag) {
    if (tag.size() < 2) return html.rfind(tag);
    // Places j - 16 to j - 1, each with the byte after it, while those can be read; the last byte starts no tag.
    std::size_t j = html.empty() ? 0 : html.size() - 1;
    for (; j >= 16; j -= 16) {
        using namespace bytes16;
        for (unsigned m = mask(equal(load(html.data() + j - 16), tag[0]) & equal(load(html.data() + j - 15), tag[1])); m != 0;) {
            const auto k = static_cast<std::size_t>(std::bit_width(m) - 1);
            if (html.substr(j - 16 + k, tag.size()) == tag) return j - 16 + k;
            m &= ~(1u << k);
        }
    }
    // The first j places: one that starts the tag starts it before j + tag.size() - 1.
    return html.substr(0, std::min(html.size(), j + tag.size() - 1)).rfind(tag);
}

std::string text_of_html(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    bool space = false;
    auto emit = [&](std::string_view run) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += run;
    };
    const std::size_t n = html.size();
    for (std::size_t i = 0; i < n;) {
        switch (kind_of(html[i])) {
            case kTagStart: {
                // Skip the tag, and the whole of any <svg>, <script> or <style>.
                std::size_t end = html.find('>', i);
                if (end == std::string_view::npos) return out;
                std::string_view tag = html.substr(i + 1, end - i - 1);
                static constexpr std::pair<std::string_view, std::string_view> kSkipped[] = {
                    {"script", "</script>"}, {"style", "</style>"}, {"svg", "</svg>"}};
                if (!tag.empty() && tag[0] == 's')
                    for (auto [name, closing_tag] : kSkipped)
                        if (tag.starts_with(name)) {
                            std::size_t closing = html.find(closing_tag, end);
                            end = closing == std::string_view::npos ? n - 1 : closing + closing_tag.size() - 1;
                        }
                i = end + 1;
                space = true;
                continue;
            }
            case kEntityStart: {
                static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
                    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
                bool matched = false;
                for (auto [entity, ch] : kEntities)
                    if (html.substr(i, entity.size()) == entity) {
                        emit(ch);
                        i += entity.size();
                        matched = true;
                        break;
                    }
                if (matched) continue;
                break;  // an ampersand of its own starts a run
            }
            case kSpace:
                space = true;
                ++i;
                continue;
            case kPlain:
                break;
        }
        // A run of ordinary characters at once, through single spaces between words (which are kept as they are).
        std::size_t j = run_end(html, i + 1);
        emit(html.substr(i, j - i));
        i = j;
    }
    return out;
}


std::string search_entry(const std::string& file, const std::string& title, std::string_view page_html) {
    std::size_t start = first_tag(page_html, "<main");
    std::size_t end = last_tag(page_html, "</main>");
    std::string_view main = start == std::string_view::npos || end == std::string_view::npos ? page_html : page_html.substr(start, end - start);
    std::string text = text_of_html(main);
    if (text.size() > kMaxTextPerPage) {
        text.resize(kMaxTextPerPage);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // whole characters only
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
    }
    std::string out = "{\"u\":";
    append_json_string(out, file);
    out += ",\"t\":";
    append_json_string(out, title);
    out += ",\"x\":";
    append_json_string(out, text);
    out += "}";
    return out;
}

std::unordered_map<std::string_view, std::string_view> search_entries(std::string_view json) {
    std::unordered_map<std::string_view, std::string_view> out;
    constexpr std::string_view kStart = "{\"u\":\"";
    for (std::size_t start = 0; start < json.size();) {
        std::size_t end = json.find('\n', start);
        if (end == std::string_view::npos) end = json.size();
        std::string_view line = json.substr(start, end - start);
        start = end + 1;
        if (line.ends_with(",")) line.remove_suffix(1);
        if (!line.starts_with(kStart)) continue;
        // Addresses are our own file names: no quotes or escapes in them.
        std::size_t quote = line.find('"', kStart.size());
        if (quote == std::string_view::npos) continue;
        out.emplace(line.substr(kStart.size(), quote - kStart.size()), line);
    }
    return out;
}

std::string search_part_file(std::size_t part) { return "search/part-" + std::to_string(part) + ".json"; }

std::string search_index_json(std::size_t parts) {
    std::string out = "{\"parts\":[";
    for (std::size_t i = 1; i <= parts; ++i) {
        if (i > 1) out += ",";
        append_json_string(out, search_part_file(i));
    }
    out += "]}\n";
    return out;
}

std::string search_part_json(const std::vector<std::string_view>& entries) {
    std::size_t size = 4;
    for (auto e : entries) size += e.size() + 2;
    std::string out;
    out.reserve(size);
    out += "[\n";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        out += entries[i];
        out += i + 1 < entries.size() ? ",\n" : "\n";
    }
    out += "]\n";
    return out;
}

}  // namespace safesite
