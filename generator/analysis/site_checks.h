// Checks on the site as a whole, after loading and before rendering: links
// between pages, the theme's contrast, how current the accessibility
// statement is, and what page text will not show as written.
#pragma once

#include "analysis/abbreviations.h"
#include "analysis/site_map.h"
#include "model/content.h"

#include <unordered_map>

namespace safesite {

// Lists every page the site will have.
SiteMap plan_site(const Content& content);

// The name of an authority's inspection history page: "halton".
std::string authority_slug(std::string_view authority);

// The free pages at the top of the site (pages and sections) that appear in
// the navigation, in their `order`.
std::vector<const Page*> pages_in_order(const Content& content);
// The free pages in the navigation by the section they are in ("" for the
// top of the site, "practitioners" ...), each section's in their `order`.
std::unordered_map<std::string, std::vector<const Page*>> pages_by_section(const Content& content);

// Every free page: those in the top menu in its order, then the others
// (in sections, or out of the menu) as the content folder lists them.
std::vector<const Page*> pages_listed(const Content& content);

// The site as a whole. Each free page's own text is checked by check_markdown
// when the page is read in full to be built.
void check_site(const Content& content, const SiteMap& map, Date today, Diagnostics& diags);

// A Markdown text as checks see it: where it came from and its tree.
struct MarkdownSource {
    const std::string& path;
    const std::string& source;
    int first_line;  // the file line where the Markdown starts
    cmark_node* tree;
    // The site file whose folder its links are read from: a free page's
    // own; other texts link from the top of the site.
    std::string_view links_from = "index.html";
};

// Where a Markdown node is, in its own file.
Location locate_in_markdown(const MarkdownSource& md, cmark_node* node);

// Links to pages that do not exist, unsafe links, raw HTML that will be
// dropped, images, and abbreviations the glossary does not explain (when
// `abbreviations` is given).
void check_markdown(const MarkdownSource& md, const SiteMap& map, const AbbreviationIndex* abbreviations, Diagnostics& diags);

}  // namespace safesite
