// The one escaping path for all output. Text becomes HTML only here or in
// the template engine, which calls these same functions; a finished fragment
// is an `Html`, a type that other code cannot make from a plain string.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

class Html {
public:
    Html() = default;
    const std::string& markup() const { return markup_; }
    bool empty() const { return markup_.empty(); }

private:
    explicit Html(std::string markup) : markup_(std::move(markup)) {}
    std::string markup_;
    friend class HtmlWriter;
    friend class Template;
};

// Appends `text` with & < > escaped. Invalid UTF-8, control characters and
// Unicode non-characters become U+FFFD, so every page is valid HTML whatever
// the content held.
void append_text(std::string& out, std::string_view text);
// As append_text, and quotes escaped too: for attribute values.
void append_attribute_value(std::string& out, std::string_view text);
std::string escape_text(std::string_view text);

// A URL safe to put in href or src: relative, fragment, or http, https,
// mailto or tel. Anything else (javascript:, data:, vbscript:, file: ...)
// gives nullopt. Tabs and newlines are removed first, as browsers do.
std::optional<std::string> safe_url(std::string_view url);
// True for attributes whose value a browser treats as a URL.
bool is_url_attribute(std::string_view name);

// The text with invalid UTF-8 and disallowed characters replaced.
std::string clean_text(std::string_view text);

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
