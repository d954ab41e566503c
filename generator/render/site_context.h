// What rendering reads. Built once before any page is rendered and never
// changed while pages render, so each page depends only on it and itself.
#pragma once

#include "analysis/abbreviations.h"
#include "analysis/menu.h"
#include "analysis/site_map.h"
#include "model/content.h"
#include "render/markdown_html.h"
#include "render/template_set.h"

#include <unordered_map>

namespace safesite {

struct SiteContext {
    const Content& content;
    const SiteMap& map;
    const AbbreviationIndex& abbreviations;
    const TemplateSet& templates;
    Date today;
    std::vector<const Page*> ordered_pages;  // free pages at the top of the site in the menu, in order; worked out once
    std::unordered_map<const Page*, std::size_t> position;  // each one's place in its section's list
    // The free pages in the menu by section ("" the top), in order: a section's page lists them, and each has its neighbours there.
    std::unordered_map<std::string, std::vector<const Page*>> sections;
    // Every free page, as the full list shows them (see pages_listed); worked out once.
    std::vector<const Page*> listed;
    // The menu's links, worked out once (arrange_pages fills it and `folders`).
    std::vector<MenuItem> menu;
    // What every page in a folder ("" the top, "practitioners") shows alike, made once and shared.
    struct FolderValues {
        // The menu, on a page that is neither in it nor in one of its sections, as most pages are.
        Value plain_navigation;
        // Each glossary term as the foot of a page lists the terms it used, linked from this folder.
        std::unordered_map<const Term*, Value> words;
        Value links;  // the layout's links to the home, glossary, accessibility and search pages
        Value theme;  // the logo, from this folder
    };
    Value site_values;  // the site's name, language, authority and contact, as the templates show them
    std::unordered_map<std::string, FolderValues> folders;
};

// A glossary term as the foot of a page lists it, with its link from `glossary_url`.
Value word_on_page(const Term& term, const std::string& glossary_url);

struct Crumb {
    std::string label;
    std::string file;  // empty for the current page
};

// One page's frame: which template fills the main column, the values it
// needs, and the page's place in the site.
struct PageFrame {
    const SitePage* page = nullptr;
    std::string template_name;  // "pages/glossary"
    Record values;              // the page template's own values
    std::vector<Crumb> parents; // breadcrumbs above this page, after Home
    std::string crumb;          // this page in the breadcrumbs, if not its title
    bool exit_this_page = false;
    std::vector<Heading> contents;  // shown as a contents list when long enough
    // Set for pages served at any address (404.html): links start from the
    // site's root path instead of being relative.
    std::optional<std::string> absolute_root;
};

// Fills in `sections` and `position` from the content's pages.
void arrange_pages(SiteContext& site);

// Renders `frame` inside templates/layout.html. Null on a template error.
std::optional<std::string> render_in_layout(const SiteContext& site, PageFrame frame, Diagnostics& diags);

// The URL from page `from` to the page with `site_path`, or empty if there is none.
std::string href_to(const SiteContext& site, const SitePage& from, const std::string& site_path);

// A MarkdownContext for a page at `file` whose links are read from the
// folder of `links_from`: a free page's own; other texts, the top of the site.
MarkdownContext markdown_context_for(const SiteContext& site, const std::string& file, const std::string& links_from = "index.html");

}  // namespace safesite
