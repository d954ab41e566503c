#include "render/markdown_html.h"

#include "analysis/site_map.h"
#include "content/markdown_document.h"
#include "support/text.h"

#include <cmark-gfm-core-extensions.h>

#include <cstring>

namespace safesite {

namespace {

std::string_view type_of(cmark_node* n) { return cmark_node_get_type_string(n); }

std::string unique_id(MarkdownContext& ctx, const std::string& base) {
    std::string id = base;
    for (int n = 2; ctx.ids.count(id); ++n) id = base + "-" + std::to_string(n);
    ctx.ids.insert(id);
    return id;
}

class Renderer {
public:
    Renderer(MarkdownContext& ctx) : ctx_(ctx) {}
    RenderedMarkdown run(cmark_node* doc);

private:
    void enter(cmark_node* n, cmark_iter* it);
    void exit(cmark_node* n);
    void text(std::string_view s);

    MarkdownContext& ctx_;
    HtmlWriter w_;
    std::vector<Heading> headings_;
    int suppress_links_ = 0;   // inside a link or heading: no abbreviation links
    struct OpenLink {
        bool shown;                  // as a link, not only its text
        const PublishedFile* file;   // a document or image it links to
    };
    std::vector<OpenLink> link_stack_;
    std::vector<std::vector<std::string>> alignments_;
    std::size_t cell_index_ = 0;
    bool in_header_row_ = false;
    bool footnotes_open_ = false;
    int footnote_number_ = 0;
    int tables_ = 0;
    std::string last_heading_;
};

void Renderer::text(std::string_view s) {
    if (!ctx_.abbreviations || suppress_links_ > 0) {
        w_.text(s);
        return;
    }
    std::size_t at = 0;
    for (const auto& m : ctx_.abbreviations->find(s)) {
        if (ctx_.expanded.count(m.term)) continue;
        ctx_.expanded.insert(m.term);
        w_.text(s.substr(at, m.offset - at));
        std::string href = ctx_.glossary_url + "#" + m.term->id;
        w_.open("a", {{"class", "govuk-link app-abbr"}, {"href", href}});
        w_.element("abbr", s.substr(m.offset, m.length), {{"title", m.term->name}});
        w_.close();
        at = m.offset + m.length;
    }
    w_.text(s.substr(at));
}

void Renderer::enter(cmark_node* n, cmark_iter* it) {
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_DOCUMENT: return;
        case CMARK_NODE_PARAGRAPH: {
            cmark_node* parent = cmark_node_parent(n);
            // Tight list items keep their text bare, as GitHub renders them.
            bool tight = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM && cmark_node_get_list_tight(cmark_node_parent(parent));
            if (!tight) w_.open("p", {{"class", "govuk-body"}});
            return;
        }
        case CMARK_NODE_HEADING: {
            int level = std::max(2, cmark_node_get_heading_level(n));
            std::string label = trim(plain_text(n));
            std::string id = unique_id(ctx_, slugify(label));
            headings_.push_back({level, label, id});
            last_heading_ = label;
            static constexpr const char* classes[] = {"", "", "govuk-heading-l", "govuk-heading-m", "govuk-heading-s", "govuk-heading-s", "govuk-heading-s"};
            static constexpr const char* tags[] = {"", "", "h2", "h3", "h4", "h5", "h6"};
            w_.open(tags[level], {{"class", classes[level]}, {"id", id}});
            ++suppress_links_;
            return;
        }
        case CMARK_NODE_BLOCK_QUOTE: w_.open("blockquote", {{"class", "app-quote"}}); return;
        case CMARK_NODE_LIST: {
            bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            bool tasks = cmark_node_first_child(n) && type_of(cmark_node_first_child(n)) == "tasklist";
            std::string cls = tasks ? "govuk-list app-task-list" : ordered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet";
            int start = cmark_node_get_list_start(n);
            if (ordered && start != 1) w_.open("ol", {{"class", cls}, {"start", std::to_string(start)}});
            else w_.open(ordered ? "ol" : "ul", {{"class", cls}});
            return;
        }
        case CMARK_NODE_ITEM: {
            w_.open("li");
            if (type_of(n) == "tasklist") {
                bool done = cmark_gfm_extensions_get_tasklist_item_checked(n);
                w_.element("strong", done ? "Done" : "To do", {{"class", done ? "govuk-tag govuk-tag--green app-task-state" : "govuk-tag govuk-tag--grey app-task-state"}});
                w_.text(" ");
            }
            return;
        }
        case CMARK_NODE_CODE_BLOCK:
            w_.open("pre", {{"class", "app-code"}, {"tabindex", "0"}});
            w_.element("code", cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "");
            w_.close();
            return;
        case CMARK_NODE_THEMATIC_BREAK: w_.leaf("hr", {{"class", "govuk-section-break govuk-section-break--l govuk-section-break--visible"}}); return;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: return;  // never passed through; `check` reports it
        case CMARK_NODE_TEXT: text(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : ""); return;
        case CMARK_NODE_SOFTBREAK: w_.text("\n"); return;
        case CMARK_NODE_LINEBREAK: w_.leaf("br"); return;
        case CMARK_NODE_CODE: w_.element("code", cmark_node_get_literal(n) ? cmark_node_get_literal(n) : ""); return;
        case CMARK_NODE_EMPH: w_.open("em"); return;
        case CMARK_NODE_STRONG: w_.open("strong"); return;
        case CMARK_NODE_LINK: {
            std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
            std::optional<std::string> href;
            if (is_external_link(url)) href = safe_url(url);
            else if (!url.empty() && url[0] == '#') href = url;
            else if (ctx_.resolve_link) href = ctx_.resolve_link(url);
            const PublishedFile* file = href && ctx_.find_file && !is_external_link(url) ? ctx_.find_file(url) : nullptr;
            link_stack_.push_back({href.has_value(), file && !file->refused ? file : nullptr});
            if (href) {
                const char* title = cmark_node_get_title(n);
                if (title && *title) w_.open("a", {{"class", "govuk-link"}, {"href", *href}, {"title", title}});
                else w_.open("a", {{"class", "govuk-link"}, {"href", *href}});
            }  // a link we cannot make safe shows as its text; `check` reports it
            ++suppress_links_;
            return;
        }
        case CMARK_NODE_IMAGE: {
            // Images come from the site only, with the size read from the
            // file so the page does not move as they load. The alt text is
            // the children's text; a decorative image has none.
            std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
            std::string alt = trim(plain_text(n));
            bool decorative = cmark_node_get_title(n) && std::strcmp(cmark_node_get_title(n), "decorative") == 0;
            const PublishedFile* file = !is_external_link(url) && ctx_.find_file ? ctx_.find_file(url) : nullptr;
            auto src = file && !file->refused && file->is_image() && ctx_.resolve_link ? ctx_.resolve_link(url) : std::nullopt;
            if (src) {
                if (decorative) alt.clear();
                std::string width = std::to_string(file->width), height = std::to_string(file->height);  // the attributes view them
                std::vector<Attribute> attributes{{"src", *src}, {"alt", alt}};
                if (file->width > 0 && file->height > 0) {
                    attributes.push_back({"width", width});
                    attributes.push_back({"height", height});
                }
                attributes.push_back({"loading", "lazy"});
                attributes.push_back({"class", "app-image"});
                w_.leaf("img", attributes);
            } else {
                w_.text(alt);
            }
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            return;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
            std::string number = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "?";
            std::string ref_id = unique_id(ctx_, "fnref-" + number);
            w_.open("sup", {{"class", "app-footnote-ref"}});
            w_.open("a", {{"class", "govuk-link"}, {"href", "#fn-" + number}, {"id", ref_id}, {"aria-describedby", "footnote-label"}});
            w_.element("span", "Note ", {{"class", "govuk-visually-hidden"}});
            w_.text(number);
            w_.close().close();
            return;
        }
        case CMARK_NODE_FOOTNOTE_DEFINITION: {
            if (!footnotes_open_) {
                footnotes_open_ = true;
                w_.open("section", {{"class", "app-footnotes"}, {"aria-labelledby", "footnote-label"}});
                w_.element("h2", "Notes", {{"class", "govuk-heading-m"}, {"id", "footnote-label"}});
                w_.open("ol", {{"class", "govuk-list govuk-list--number app-footnotes__list"}});
            }
            ++footnote_number_;
            w_.open("li", {{"id", "fn-" + std::to_string(footnote_number_)}});
            return;
        }
        default: break;
    }
    std::string_view t = type_of(n);
    if (t == "table") {
        ++tables_;
        alignments_.emplace_back();
        uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        for (uint16_t c = 0; c < columns; ++c)
            alignments_.back().push_back(align && align[c] == 'r' ? "numeric" : align && align[c] == 'c' ? "centre" : "");
        std::string label = last_heading_.empty() ? "Table " + std::to_string(tables_) : "Table: " + last_heading_;
        w_.open("div", {{"class", "app-table-wrapper"}, {"role", "region"}, {"aria-label", label}, {"tabindex", "0"}});
        w_.open("table", {{"class", "govuk-table"}});
    } else if (t == "table_header") {
        in_header_row_ = true;
        cell_index_ = 0;
        w_.open("thead", {{"class", "govuk-table__head"}});
        w_.open("tr", {{"class", "govuk-table__row"}});
    } else if (t == "table_row") {
        // The body starts with the first row after the header row.
        if (cmark_node_previous(n) && type_of(cmark_node_previous(n)) == "table_header") w_.open("tbody", {{"class", "govuk-table__body"}});
        in_header_row_ = false;
        cell_index_ = 0;
        w_.open("tr", {{"class", "govuk-table__row"}});
    } else if (t == "table_cell") {
        const std::string& align = cell_index_ < alignments_.back().size() ? alignments_.back()[cell_index_] : "";
        ++cell_index_;
        if (in_header_row_) {
            std::string cls = "govuk-table__header" + (align.empty() ? "" : " govuk-table__header--" + align);
            w_.open("th", {{"class", cls}, {"scope", "col"}});
        } else {
            std::string cls = "govuk-table__cell" + (align.empty() ? "" : " govuk-table__cell--" + align);
            w_.open("td", {{"class", cls}});
        }
    } else if (t == "strikethrough") {
        w_.open("del");
    }
    // Anything else (an extension we do not know) shows only its children.
}

void Renderer::exit(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH: {
            cmark_node* parent = cmark_node_parent(n);
            bool tight = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM && cmark_node_get_list_tight(cmark_node_parent(parent));
            if (parent && cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION && !cmark_node_next(n)) {
                w_.text(" ");
                w_.open("a", {{"class", "govuk-link app-footnote-back"}, {"href", "#fnref-" + std::to_string(footnote_number_)}});
                w_.text("Back to the text");
                w_.element("span", " for note " + std::to_string(footnote_number_), {{"class", "govuk-visually-hidden"}});
                w_.close();
            }
            if (!tight) w_.close();
            return;
        }
        case CMARK_NODE_HEADING:
            --suppress_links_;
            w_.close();
            return;
        case CMARK_NODE_LINK:
            if (link_stack_.back().shown) w_.close();
            // What a link to a document will open, as GOV.UK says it: "(PDF, 1.2 MB)".
            if (const PublishedFile* file = link_stack_.back().file) w_.text(" (" + file->kind + ", " + human_size(file->size) + ")");
            link_stack_.pop_back();
            --suppress_links_;
            return;
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_FOOTNOTE_DEFINITION: w_.close(); return;
        default: break;
    }
    std::string_view t = type_of(n);
    if (t == "table") {
        if (cmark_node_last_child(n) && type_of(cmark_node_last_child(n)) == "table_row") w_.close();  // tbody
        w_.close().close();
        alignments_.pop_back();
    } else if (t == "table_header") {
        w_.close().close();
        in_header_row_ = false;
    } else if (t == "table_row" || t == "table_cell" || t == "strikethrough") {
        w_.close();
    }
}

RenderedMarkdown Renderer::run(cmark_node* doc) {
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        // Leaf nodes (text, code ...) have no EXIT; containers always do.
        if (ev == CMARK_EVENT_ENTER) enter(n, it);
        else if (ev == CMARK_EVENT_EXIT) exit(n);
    }
    cmark_iter_free(it);
    return {w_.finish(), std::move(headings_)};
}

}  // namespace

RenderedMarkdown render_markdown(cmark_node* document, MarkdownContext& context) {
    Renderer r(context);
    return r.run(document);
}

}  // namespace safesite
