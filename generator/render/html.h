// HTML fragments. Text becomes HTML only through support/escape.h, here or
// in the template engine; a finished fragment is an `Html`, a type that other
// code cannot make from a plain string.
#pragma once

#include "support/escape.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

class Html {
public:
    Html() = default;
    const std::string& markup() const& { return markup_; }
    std::string markup() && { return std::move(markup_); }
    bool empty() const { return markup_.empty(); }

private:
    explicit Html(std::string markup) : markup_(std::move(markup)) {}
    std::string markup_;
    friend class HtmlWriter;
    friend class Template;
};

// Appends `url` as an attribute value, made safe by safe_url (nothing when
// it refuses the URL). A URL that plainly needs no change (printable ASCII
// with no scheme, no backslash, not starting "//", as the site's own links
// are) skips safe_url's copies; it gives the same bytes either way.
void append_url_attribute(std::string& out, std::string_view url);

struct Attribute {
    std::string_view name;   // always a literal in our code
    std::string_view value;  // escaped here; URLs checked for URL attributes
};

// Builds a balanced HTML fragment. Elements are closed in order, so what it
// produces is well formed by construction.
class HtmlWriter {
public:
    HtmlWriter& open(std::string_view tag, std::initializer_list<Attribute> attributes = {});
    HtmlWriter& open(std::string_view tag, const std::vector<Attribute>& attributes);
    HtmlWriter& close();
    // A void element (br, hr, img, input ...).
    HtmlWriter& leaf(std::string_view tag, std::initializer_list<Attribute> attributes = {});
    HtmlWriter& leaf(std::string_view tag, const std::vector<Attribute>& attributes);
    HtmlWriter& text(std::string_view text);
    HtmlWriter& fragment(const Html& html);
    // Element with text content in one call.
    HtmlWriter& element(std::string_view tag, std::string_view text, std::initializer_list<Attribute> attributes = {});
    std::size_t depth() const { return open_.size(); }
    // Closes whatever is still open and returns the fragment.
    Html finish();

private:
    void start_tag(std::string_view tag, const Attribute* begin, const Attribute* end);
    std::string out_;
    std::vector<std::string> open_;
};

}  // namespace safesite
