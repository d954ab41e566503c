// Markdown to HTML, our own renderer over cmark-gfm's tree: GOV.UK classes,
// stable heading ids, glossary abbreviations expanded on first use, links
// to other pages made relative, footnotes with the "footnote-label" heading
// their references point at. Raw HTML is never output.
#pragma once

#include "analysis/abbreviations.h"
#include "content/published_file.h"
#include "render/html.h"

#include <cmark-gfm.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace safesite {

struct Heading {
    int level;
    std::string text;
    std::string id;
};

// What one page knows while rendering its Markdown. Owned by that page, so
// pages can be rendered at the same time.
struct MarkdownContext {
    const AbbreviationIndex* abbreviations = nullptr;
    std::string glossary_url;  // relative to this page, e.g. "glossary.html"
    // Internal link (as written) to a URL relative to this page.
    std::function<std::optional<std::string>(std::string_view)> resolve_link;
    // The image or document a link (as written) names, if the site publishes one there.
    std::function<const PublishedFile*(std::string_view)> find_file;
    std::set<const Term*> expanded;  // abbreviations already expanded on this page
    std::set<std::string> ids;       // ids already used on this page
    int footnote_sections = 0;
};

struct RenderedMarkdown {
    Html body;
    std::vector<Heading> headings;
};

RenderedMarkdown render_markdown(cmark_node* document, MarkdownContext& context);

}  // namespace safesite
