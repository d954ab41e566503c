#include "render/html.h"

#include <array>
#include <cstring>

namespace safesite {

namespace {

// What a byte of a URL means for plainly_safe_url: printable ASCII passes,
// ':' ends the scheme, anything else needs safe_url.
enum UrlByte : unsigned char { kUrlOther, kUrlPlain, kUrlColon };

constexpr std::array<UrlByte, 256> kUrlBytes = [] {
    std::array<UrlByte, 256> t{};
    for (int c = 0x21; c < 0x7F; ++c) t[static_cast<std::size_t>(c)] = kUrlPlain;
    t['\\'] = kUrlOther;
    t[':'] = kUrlColon;
    return t;
}();

// True when safe_url would return `url` unchanged: nothing to strip or
// clean (every byte printable ASCII), no backslash, not protocol-relative,
// and no scheme, or one of the schemes it allows written in small letters
// before the first ':'. Anything else takes the full check.
bool plainly_safe_url(std::string_view url) {
    if (url.starts_with("//")) return false;
    bool scheme_read = false;
    for (std::size_t i = 0; i < url.size(); ++i) {
        UrlByte kind = kUrlBytes[static_cast<unsigned char>(url[i])];
        if (kind == kUrlPlain) continue;
        if (kind == kUrlOther) return false;
        if (!scheme_read) {
            std::string_view scheme = url.substr(0, i);
            if (scheme != "https" && scheme != "http" && scheme != "mailto" && scheme != "tel") return false;
            scheme_read = true;
        }
    }
    return true;
}

}  // namespace

void append_url_attribute(std::string& out, std::string_view url) {
    if (plainly_safe_url(url)) append_attribute_value(out, url);
    else if (auto safe = safe_url(url)) append_attribute_value(out, *safe);
}

void HtmlWriter::start_tag(std::string_view tag, const Attribute* begin, const Attribute* end) {
    // Most attributes are our own class names and ids, which escape as
    // themselves: such a tag is written in one piece, room made once.
    std::size_t size = tag.size() + 2;
    bool as_written = true;
    for (const Attribute* a = begin; a != end && as_written; ++a) {
        size += a->name.size() + a->value.size() + 4;
        as_written = !is_url_attribute(a->name) && escapes_as_itself(a->value);
    }
    if (as_written) {
        const std::size_t at = out_.size();
        out_.resize(at + size);
        char* p = out_.data() + at;
        auto put = [&p](std::string_view s) {
            std::memcpy(p, s.data(), s.size());
            p += s.size();
        };
        *p++ = '<';
        put(tag);
        for (const Attribute* a = begin; a != end; ++a) {
            *p++ = ' ';
            put(a->name);
            *p++ = '=';
            *p++ = '"';
            put(a->value);
            *p++ = '"';
        }
        *p = '>';
        return;
    }
    out_ += '<';
    out_ += tag;
    for (const Attribute* a = begin; a != end; ++a) {
        out_ += ' ';
        out_ += a->name;
        out_ += "=\"";
        if (is_url_attribute(a->name)) append_url_attribute(out_, a->value);
        else append_attribute_value(out_, a->value);
        out_ += '"';
    }
    out_ += '>';
}

HtmlWriter& HtmlWriter::open(std::string_view tag, std::initializer_list<Attribute> attributes) {
    start_tag(tag, attributes.begin(), attributes.end());
    open_.emplace_back(tag);
    return *this;
}

HtmlWriter& HtmlWriter::open(std::string_view tag, const std::vector<Attribute>& attributes) {
    start_tag(tag, attributes.data(), attributes.data() + attributes.size());
    open_.emplace_back(tag);
    return *this;
}

HtmlWriter& HtmlWriter::close() {
    if (open_.empty()) return *this;
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    open_.pop_back();
    return *this;
}

HtmlWriter& HtmlWriter::leaf(std::string_view tag, std::initializer_list<Attribute> attributes) {
    start_tag(tag, attributes.begin(), attributes.end());
    return *this;
}

HtmlWriter& HtmlWriter::leaf(std::string_view tag, const std::vector<Attribute>& attributes) {
    start_tag(tag, attributes.data(), attributes.data() + attributes.size());
    return *this;
}

HtmlWriter& HtmlWriter::text(std::string_view text) {
    append_text(out_, text);
    return *this;
}

HtmlWriter& HtmlWriter::fragment(const Html& html) {
    out_ += html.markup();
    return *this;
}

HtmlWriter& HtmlWriter::element(std::string_view tag, std::string_view text, std::initializer_list<Attribute> attributes) {
    open(tag, attributes);
    append_text(out_, text);
    return close();
}

Html HtmlWriter::finish() {
    while (!open_.empty()) close();
    return Html(std::move(out_));
}

}  // namespace safesite
