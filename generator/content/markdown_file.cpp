#include "content/markdown_file.h"

#include "support/text.h"

namespace safesite {

std::optional<MarkdownText> read_markdown_file(ContentFolder& folder, const XmlDocument& doc, const xmlNode* n, Diagnostics& diags) {
    std::string href = attribute(n, "href").value_or("");
    Location at = doc.locate_attribute(n, "href");
    std::string reason;
    std::string path = resolve_beside(doc.path(), href, &reason);
    if (path.empty()) {
        diags.add(doc.diagnostic_at(at, Severity::error, "the path '" + href + "' is refused: " + reason,
                                    "name a file inside the content folder, relative to this file, e.g. foreword.md"));
        return std::nullopt;
    }
    // Until the next release, a path written from the content folder, as
    // before, is still read, with a warning that says how to write it now.
    if (!folder.has(path) && path != href && path_escape_reason(href).empty() && folder.has(href)) {
        diags.add(doc.diagnostic_at(at, Severity::warning,
                                    "'" + href + "' is written from the content folder; paths are now read from the file that names them",
                                    "write href=\"" + relative_path(doc.path(), href) + "\"; the old form will not be read after the next release",
                                    "content-relative-href"));
        path = href;
    }
    if (!folder.has(path)) {
        diags.add(doc.diagnostic_at(at, Severity::error, "there is no file " + path + " ('" + href + "' read from the folder of " + doc.path() + ")",
                                    "check the spelling, or add the file; paths are relative to the file that names them"));
        return std::nullopt;
    }
    if (!folder.check_reference(path, at, diags)) return std::nullopt;
    if (!path.ends_with(".md")) {
        diags.add(doc.diagnostic_at(at, Severity::error, "'" + href + "' is not a Markdown file", "name a .md file"));
        return std::nullopt;
    }
    auto text = folder.read(path, diags);
    if (!text) return std::nullopt;
    MarkdownText md{path, std::move(*text), {}};
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
