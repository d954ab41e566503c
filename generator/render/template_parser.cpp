// Reading a template: a small HTML tokenizer that tracks where each
// {{ }} tag stands, and the stack of open elements.
#include "render/template.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace safesite {

namespace {

enum class State {
    data,
    tag_name,
    in_tag,
    attribute_name,
    after_attribute_name,
    before_value,
    value_double,
    value_single,
    value_unquoted,
    self_closing,
    end_tag,
    comment,
    declaration,
    raw_text,
};

constexpr std::array<std::string_view, 13> kVoidElements = {"area", "base", "br",   "col",   "embed", "hr",  "img",
                                                            "input", "link", "meta", "source", "track", "wbr"};

bool is_void(std::string_view tag) {
    return std::find(kVoidElements.begin(), kVoidElements.end(), tag) != kVoidElements.end();
}

struct OpenElement {
    std::string tag;
    Location where;
    bool operator==(const OpenElement& o) const { return tag == o.tag; }
};

// What must be the same at both ends of a section for any number of
// repetitions of it to keep the page well formed.
struct Position {
    State state;
    std::vector<OpenElement> stack;
    int tag_serial;
    bool operator==(const Position& o) const {
        return state == o.state && stack == o.stack && (state == State::data || tag_serial == o.tag_serial);
    }
};

struct OpenSection {
    TemplateNode node;
    Position at_open;
    bool in_otherwise = false;
};

class Parser {
public:
    Parser(std::string path, std::string_view source, Diagnostics& diags)
        : path_(std::move(path)), src_(source), diags_(diags), locate_(path_, source) {}

    std::vector<TemplateNode> run();

private:
    Location here(std::size_t offset) { return locate_(offset); }
    void fail(std::size_t offset, std::string message, std::string hint = {});
    std::vector<TemplateNode>& target();
    void flush_literal(std::size_t end);
    void step(char c, std::size_t i);
    void finish_start_tag(std::size_t i, bool self_closed);
    void finish_end_tag(std::size_t i);
    void handle_tag(std::string_view inside, std::size_t start);
    Position position() const { return {state_, stack_, tag_serial_}; }

    std::string path_;
    std::string_view src_;
    Diagnostics& diags_;
    OffsetLocator locate_;
    std::vector<TemplateNode> nodes_;
    std::vector<OpenSection> sections_;
    std::vector<OpenElement> stack_;
    State state_ = State::data;
    std::string tag_;
    std::size_t tag_start_ = 0;
    std::string attribute_;
    int tag_serial_ = 0;
    std::size_t literal_start_ = 0;
    bool failed_ = false;
};

void Parser::fail(std::size_t offset, std::string message, std::string hint) {
    Location where = here(offset);
    diags_.add({where, Severity::error, std::move(message), std::move(hint), {}, std::string(line_of(src_, where.line))});
    failed_ = true;
}

std::vector<TemplateNode>& Parser::target() {
    if (sections_.empty()) return nodes_;
    auto& s = sections_.back();
    return s.in_otherwise ? s.node.otherwise : s.node.body;
}

void Parser::flush_literal(std::size_t end) {
    if (end > literal_start_) {
        TemplateNode n;
        n.kind = TemplateNode::Kind::literal;
        n.text = std::string(src_.substr(literal_start_, end - literal_start_));
        auto& t = target();
        if (!t.empty() && t.back().kind == TemplateNode::Kind::literal) t.back().text += n.text;
        else t.push_back(std::move(n));
    }
}

void Parser::finish_start_tag(std::size_t i, bool self_closed) {
    std::string tag = tag_;
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
    bool in_svg = std::any_of(stack_.begin(), stack_.end(), [](const OpenElement& e) { return e.tag == "svg"; });
    state_ = State::data;
    if (is_void(tag)) return;
    if (self_closed) {
        if (!in_svg) fail(tag_start_, "<" + tag + "/> does not close the element in HTML", "write <" + tag + "></" + tag + ">");
        return;
    }
    stack_.push_back({tag, here(tag_start_)});
    if (tag == "script" || tag == "style") state_ = State::raw_text;
    (void)i;
}

void Parser::finish_end_tag(std::size_t i) {
    std::string tag = tag_;
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
    state_ = State::data;
    if (stack_.empty()) {
        fail(tag_start_, "</" + tag + "> closes nothing", "remove it, or add the matching <" + tag + ">");
        return;
    }
    const OpenElement& top = stack_.back();
    if (top.tag != tag) {
        fail(tag_start_, "</" + tag + "> does not match <" + top.tag + "> opened at line " + std::to_string(top.where.line),
             "close <" + top.tag + "> first; inside {{#if}} and {{#each}} every element must close before the section ends");
        return;
    }
    stack_.pop_back();
    (void)i;
}

void Parser::step(char c, std::size_t i) {
    auto is_space = [](char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f'; };
    switch (state_) {
        case State::data:
            if (c == '<') {
                std::string_view rest = src_.substr(i + 1);
                tag_start_ = i;
                tag_.clear();
                if (rest.substr(0, 3) == "!--") state_ = State::comment;
                else if (rest.substr(0, 1) == "!") state_ = State::declaration;
                else if (rest.substr(0, 1) == "/") state_ = State::end_tag;
                else if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest[0]))) {
                    state_ = State::tag_name;
                    ++tag_serial_;
                } else fail(i, "a '<' that does not start a tag", "write &lt; for a literal '<'");
            }
            return;
        case State::tag_name:
            if (c == '<') return;
            if (is_space(c)) state_ = State::in_tag;
            else if (c == '>') finish_start_tag(i, false);
            else if (c == '/') state_ = State::self_closing;
            else tag_ += c;
            return;
        case State::in_tag:
        case State::after_attribute_name:
            if (is_space(c)) return;
            if (c == '>') finish_start_tag(i, false);
            else if (c == '/') state_ = State::self_closing;
            else if (c == '=' && state_ == State::after_attribute_name) state_ = State::before_value;
            else {
                attribute_.assign(1, c);
                state_ = State::attribute_name;
            }
            return;
        case State::attribute_name:
            if (c == '=') state_ = State::before_value;
            else if (is_space(c)) state_ = State::after_attribute_name;
            else if (c == '>') finish_start_tag(i, false);
            else if (c == '/') state_ = State::self_closing;
            else attribute_ += c;
            return;
        case State::before_value:
            if (is_space(c)) return;
            if (c == '"') state_ = State::value_double;
            else if (c == '\'') state_ = State::value_single;
            else if (c == '>') finish_start_tag(i, false);
            else state_ = State::value_unquoted;
            return;
        case State::value_double:
            if (c == '"') state_ = State::in_tag;
            return;
        case State::value_single:
            if (c == '\'') state_ = State::in_tag;
            return;
        case State::value_unquoted:
            if (is_space(c)) state_ = State::in_tag;
            else if (c == '>') finish_start_tag(i, false);
            return;
        case State::self_closing:
            if (c == '>') finish_start_tag(i, true);
            else if (!is_space(c)) fail(i, "'/' inside a tag must be followed by '>'");
            return;
        case State::end_tag:
            if (c == '/' && tag_.empty()) return;
            if (c == '>') finish_end_tag(i);
            else if (!is_space(c)) tag_ += c;
            return;
        case State::comment:
            if (c == '>' && i >= 2 && src_.substr(i - 2, 3) == "-->" && i - 2 > tag_start_ + 3) state_ = State::data;
            return;
        case State::declaration:
            if (c == '>') state_ = State::data;
            return;
        case State::raw_text: {
            const std::string& open = stack_.back().tag;
            std::string_view rest = src_.substr(i);
            if (c == '<' && rest.size() > open.size() + 2 && rest[1] == '/') {
                std::string name(rest.substr(2, open.size()));
                std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
                if (name == open) {
                    tag_start_ = i;
                    tag_.clear();
                    state_ = State::end_tag;
                }
            }
            return;
        }
    }
}

std::string trim(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t\n\r");
    if (a == std::string_view::npos) return {};
    std::size_t b = s.find_last_not_of(" \t\n\r");
    return std::string(s.substr(a, b - a + 1));
}

std::vector<std::string> split_path(const std::string& name) {
    if (name == ".") return {"."};
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos) dot = name.size();
        parts.push_back(name.substr(start, dot - start));
        start = dot + 1;
    }
    return parts;
}

bool valid_name(const std::string& name) {
    if (name == ".") return true;
    for (const auto& part : split_path(name)) {
        if (part.empty()) return false;
        for (std::size_t k = 0; k < part.size(); ++k) {
            unsigned char ch = static_cast<unsigned char>(part[k]);
            if (!(std::isalnum(ch) || ch == '_' || ch == '-' || (k == 0 && ch == '@'))) return false;
        }
    }
    return true;
}

void Parser::handle_tag(std::string_view inside, std::size_t start) {
    std::string tag = trim(inside);
    if (tag.empty()) return fail(start, "an empty {{ }}", "write the name of a value, as in {{title}}");
    if (tag[0] == '!') return;
    Location where = here(start);

    auto open_section = [&](TemplateNode::Kind kind, std::string word) {
        std::string name = trim(std::string_view(tag).substr(word.size() + 1));
        if (!valid_name(name)) return fail(start, "'" + name + "' is not a value name", "names are letters, digits, '-' and '_', joined by dots");
        TemplateNode n;
        n.kind = kind;
        n.text = name;
        n.path = split_path(name);
        n.where = where;
        sections_.push_back({std::move(n), position(), false});
    };
    auto kind_word = [](TemplateNode::Kind k) {
        return k == TemplateNode::Kind::when     ? "if"
               : k == TemplateNode::Kind::unless ? "unless"
               : k == TemplateNode::Kind::with   ? "with"
                                                 : "each";
    };
    auto section_break_allowed = [&](const OpenSection& s, std::string_view what) {
        if (position() == s.at_open) return true;
        std::string detail = state_ != s.at_open.state ? "the tag or attribute it started in is not finished"
                             : stack_.size() > s.at_open.stack.size()
                                 ? "<" + stack_.back().tag + "> opened at line " + std::to_string(stack_.back().where.line) + " is still open"
                                 : "it closes an element opened outside it";
        fail(start, std::string(what) + " of {{#" + kind_word(s.node.kind) + " " + s.node.text + "}} from line " +
                        std::to_string(s.node.where.line) + " is not allowed here: " + detail,
             "a section must start and end at the same place in the HTML, so that repeating or leaving it out keeps the page well formed");
        return false;
    };

    if (tag.rfind("#if ", 0) == 0) return open_section(TemplateNode::Kind::when, "#if");
    if (tag.rfind("#unless ", 0) == 0) return open_section(TemplateNode::Kind::unless, "#unless");
    if (tag.rfind("#each ", 0) == 0) return open_section(TemplateNode::Kind::each, "#each");
    if (tag.rfind("#with ", 0) == 0) return open_section(TemplateNode::Kind::with, "#with");
    if (tag == "else") {
        if (sections_.empty() || sections_.back().in_otherwise)
            return fail(start, "{{else}} outside {{#if}}, {{#unless}} or {{#each}}");
        section_break_allowed(sections_.back(), "the first part");
        sections_.back().in_otherwise = true;
        return;
    }
    if (tag[0] == '/') {
        std::string word = trim(std::string_view(tag).substr(1));
        if (sections_.empty()) return fail(start, "{{/" + word + "}} closes nothing");
        OpenSection s = std::move(sections_.back());
        if (word != kind_word(s.node.kind))
            return fail(start, "{{/" + word + "}} does not match {{#" + kind_word(s.node.kind) + " " + s.node.text + "}} from line " +
                                   std::to_string(s.node.where.line));
        section_break_allowed(s, "the end");
        sections_.pop_back();
        target().push_back(std::move(s.node));
        return;
    }
    if (tag[0] == '#') return fail(start, "unknown section {{" + tag + "}}", "sections are {{#if name}}, {{#unless name}}, {{#each name}} and {{#with name}}");
    if (tag[0] == '>') {
        bool stylesheet_in_style = state_ == State::raw_text && stack_.back().tag == "style" && tag.ends_with(".css");
        if (state_ != State::data && !stylesheet_in_style)
            return fail(start, "a partial can only be included between elements, not inside a tag",
                        "inside <style>, include only a stylesheet: {{> name.css}}");
        TemplateNode n;
        n.kind = TemplateNode::Kind::partial;
        n.text = trim(std::string_view(tag).substr(1));
        n.where = where;
        target().push_back(std::move(n));
        return;
    }
    if (!valid_name(tag)) return fail(start, "'" + tag + "' is not a value name", "names are letters, digits, '-' and '_', joined by dots");
    TemplateNode n;
    n.kind = TemplateNode::Kind::value;
    n.text = tag;
    n.path = split_path(tag);
    n.where = where;
    if (state_ == State::data) n.slot = Slot::text;
    else if (state_ == State::value_double || state_ == State::value_single) {
        std::string attr = attribute_;
        std::transform(attr.begin(), attr.end(), attr.begin(), [](unsigned char c) { return std::tolower(c); });
        if (attr.rfind("on", 0) == 0) return fail(start, "{{" + tag + "}} inside an event handler attribute", "values cannot become script");
        if (attr == "style") return fail(start, "{{" + tag + "}} inside a style attribute", "use a class instead");
        n.slot = is_url_attribute(attr) ? Slot::url : Slot::attribute;
    } else if (state_ == State::raw_text) {
        return fail(start, "{{" + tag + "}} inside <" + stack_.back().tag + ">", "values cannot go into scripts or styles");
    } else {
        return fail(start, "{{" + tag + "}} can only stand in text or inside a quoted attribute value",
                    "put it between elements, or in an attribute written as name=\"{{" + tag + "}}\"");
    }
    target().push_back(std::move(n));
}

std::vector<TemplateNode> Parser::run() {
    std::size_t i = 0;
    while (i < src_.size()) {
        if (src_.compare(i, 2, "{{") == 0 && state_ != State::comment) {
            std::size_t close = src_.find("}}", i + 2);
            if (close == std::string_view::npos) {
                fail(i, "{{ is not closed", "add the matching }}");
                break;
            }
            flush_literal(i);
            handle_tag(src_.substr(i + 2, close - i - 2), i);
            i = close + 2;
            literal_start_ = i;
            continue;
        }
        step(src_[i], i);
        ++i;
    }
    flush_literal(src_.size());
    for (const auto& s : sections_) {
        diags_.add({s.node.where, Severity::error, "{{#... " + s.node.text + "}} is never closed", "add the matching {{/...}}", {},
                    std::string(line_of(src_, s.node.where.line))});
        failed_ = true;
    }
    if (state_ != State::data && !failed_) fail(tag_start_, "the template ends inside a tag or comment");
    for (const auto& e : stack_) {
        Diagnostic d{e.where, Severity::error, "<" + e.tag + "> is never closed", "add </" + e.tag + ">", {},
                     std::string(line_of(src_, e.where.line))};
        diags_.add(std::move(d));
        failed_ = true;
    }
    if (failed_) return {};
    return std::move(nodes_);
}

}  // namespace

std::optional<Template> Template::stylesheet(std::string name, std::string path, std::string_view source, Diagnostics& diags) {
    if (std::size_t lt = source.find('<'); lt != std::string_view::npos) {
        Location where = locate_offset(path, source, lt);
        diags.add({where, Severity::error, "a stylesheet that is included in a page cannot contain '<'",
                   "write it another way; '<' could end the <style> element", {}, std::string(line_of(source, where.line))});
        return std::nullopt;
    }
    Template t;
    t.name_ = std::move(name);
    t.path_ = std::move(path);
    TemplateNode n;
    n.kind = TemplateNode::Kind::literal;
    n.text = std::string(source);
    t.nodes_.push_back(std::move(n));
    return t;
}

std::optional<Template> Template::parse(std::string name, std::string path, std::string_view source, Diagnostics& diags) {
    int before = diags.error_count();
    Parser parser(path, source, diags);
    Template t;
    t.nodes_ = parser.run();
    if (diags.error_count() != before) return std::nullopt;
    t.name_ = std::move(name);
    t.path_ = std::move(path);
    return t;
}

}  // namespace safesite
