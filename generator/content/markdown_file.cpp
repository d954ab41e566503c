#include "content/markdown_file.h"

#include "support/text.h"

namespace safesite {

std::optional<MarkdownText> read_markdown_file(ContentFolder& folder, const XmlDocument& doc, const xmlNode* n, Diagnostics& diags) {
    std::string href = attribute(n, "href").value_or("");
    Location at = doc.locate_attribute(n, "href");
    if (!folder.check_reference(href, at, diags)) return std::nullopt;
    if (!href.ends_with(".md")) {
        diags.add(doc.diagnostic_at(at, Severity::error, "'" + href + "' is not a Markdown file", "name a .md file"));
        return std::nullopt;
    }
    auto text = folder.read(href, diags);
    if (!text) return std::nullopt;
    MarkdownText md{href, std::move(*text), {}};
    md.tree = parse_markdown(md.source);
    return md;
}

std::string take_title(MarkdownText& text) {
    for (cmark_node* n = cmark_node_first_child(text.tree.get()); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            std::string title = trim(plain_text(n));
            cmark_node_free(n);
            return title;
        }
    return {};
}

}  // namespace safesite
