#include "render/search_index.h"

#include <cstdio>

namespace safesite {

namespace {

constexpr std::size_t kMaxTextPerPage = 20000;

}  // namespace

std::string text_of_html(std::string_view html) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
        char c = html[i];
        if (c == '<') {
            // Skip the tag, and the whole of any <svg>, <script> or <style>.
            std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string_view tag = html.substr(i + 1, end - i - 1);
            for (std::string_view skip : {"script", "style", "svg"})
                if (tag.substr(0, skip.size()) == skip) {
                    std::string close = "</" + std::string(skip) + ">";
                    std::size_t closing = html.find(close, end);
                    end = closing == std::string_view::npos ? html.size() - 1 : closing + close.size() - 1;
                }
            i = end;
            space = true;
            continue;
        }
        if (c == '&') {
            static const std::pair<std::string_view, char> entities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool matched = false;
            for (auto [entity, ch] : entities)
                if (html.substr(i, entity.size()) == entity) {
                    if (space && !out.empty()) out += ' ';
                    space = false;
                    out += ch;
                    i += entity.size() - 1;
                    matched = true;
                    break;
                }
            if (matched) continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (unsigned char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else if (c == '<') {
                    out += "\\u003c";  // never "</script>" or "<!--" in JSON
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void SearchIndex::add(const std::string& file, const std::string& title, std::string_view page_html) {
    std::size_t start = page_html.find("<main");
    std::size_t end = page_html.rfind("</main>");
    std::string_view main = start == std::string_view::npos || end == std::string_view::npos ? page_html : page_html.substr(start, end - start);
    std::string text = text_of_html(main);
    if (text.size() > kMaxTextPerPage) {
        text.resize(kMaxTextPerPage);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // whole characters only
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
    }
    entries_.push_back({file, title, std::move(text)});
}

void SearchIndex::merge(SearchIndex&& other) {
    for (auto& e : other.entries_) entries_.push_back(std::move(e));
}

std::string SearchIndex::json() const {
    std::string out = "[\n";
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        out += "{\"u\":";
        append_json_string(out, entries_[i].file);
        out += ",\"t\":";
        append_json_string(out, entries_[i].title);
        out += ",\"x\":";
        append_json_string(out, entries_[i].text);
        out += i + 1 < entries_.size() ? "},\n" : "}\n";
    }
    out += "]\n";
    return out;
}

}  // namespace safesite
