#include "render/html.h"

namespace safesite {

void HtmlWriter::start_tag(std::string_view tag, const Attribute* begin, const Attribute* end) {
    out_ += '<';
    out_ += tag;
    for (const Attribute* a = begin; a != end; ++a) {
        std::string value;
        if (is_url_attribute(a->name)) value = safe_url(a->value).value_or("");
        else value = a->value;
        out_ += ' ';
        out_ += a->name;
        out_ += "=\"";
        append_attribute_value(out_, value);
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
