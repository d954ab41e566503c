// The values every page shares: site, navigation, breadcrumbs, footer.
#include "render/site_context.h"

#include "analysis/menu.h"
#include "analysis/site_checks.h"
#include "support/file_system.h"
#include "support/path_segments.h"

#include <algorithm>

namespace safesite {

namespace {

// A contents list helps on long pages; on short ones it is noise.
constexpr std::size_t kContentsListMinHeadings = 3;

std::string canonical_url(const Site& site, const std::string& file) {
    return site.base_url + (file == "index.html" ? "" : file);
}

// Whether the menu's link to a section's own page is marked as holding the
// page `current`: every inspection under "Inspections", say.
bool in_section(const SitePage& target, std::string_view current) {
    constexpr std::string_view kIndex = "/index.html";
    std::string_view file = target.file;
    return file != "index.html" && file.ends_with(kIndex) && current.starts_with(file.substr(0, file.size() - kIndex.size() + 1));
}

template <typename HrefTo>
Value navigation(const std::vector<MenuItem>& menu, const std::string& current, HrefTo href_to) {
    List items;
    items.reserve(menu.size());
    for (const MenuItem& item : menu)
        items.push_back(Record{{"label", item.label},
                               {"href", href_to(item.target->file)},
                               {"current", item.target->file == current},
                               {"section", in_section(*item.target, current)}});
    return Value(std::move(items));
}

// The layout's links to the pages every page links to, with `href_to` the address of a file from the page.
template <typename HrefTo>
Value common_links(const SiteContext& site, HrefTo href_to) {
    auto link_to = [&](std::string_view site_path) -> std::string {
        const SitePage* p = site.map.find(site_path);
        return p ? href_to(p->file) : std::string();
    };
    return Record{{"home", link_to("")}, {"glossary", link_to("glossary")}, {"accessibility", link_to("accessibility")}, {"search", link_to("search")}};
}

// The theme's values for a page whose path to the site's root is `root`.
Value theme_values(const Theme& theme, const std::string& root) {
    return Record{{"logo", theme.logo.empty() ? std::string() : root + "assets/" + theme.logo}, {"logo_alt", theme.logo_alt}};
}

}  // namespace

Value word_on_page(const Term& term, const std::string& glossary_url) {
    return Record{{"abbr", term.abbr}, {"name", term.name}, {"plain", term.plain}, {"href", glossary_url + "#" + term.id}};
}

void arrange_pages(SiteContext& site) {
    site.sections = pages_by_section(site.content);
    for (const auto& [_, pages] : site.sections)
        for (std::size_t i = 0; i < pages.size(); ++i) site.position.emplace(pages[i], i);
    site.listed = pages_listed(site.content);
    site.menu = menu_items(site.content.site, site.map, site.ordered_pages);
    // A link's address depends only on the folder it is written in.
    const SitePage* glossary = site.map.find("glossary");
    for (const SitePage& page : site.map.pages()) {
        std::string folder(folder_of(page.file));
        if (site.folders.count(folder)) continue;
        const std::string from = join_path(folder, "index.html");
        auto href_from_folder = [&](const std::string& file) { return relative_url(from, file); };
        SiteContext::FolderValues values;
        values.plain_navigation = navigation(site.menu, std::string(), href_from_folder);
        // As markdown_context_for gives a page its glossary's address.
        const std::string glossary_url = glossary ? href_from_folder(glossary->file) : std::string();
        for (const Term& t : site.content.glossary.terms) values.words.emplace(&t, word_on_page(t, glossary_url));
        values.links = common_links(site, href_from_folder);
        values.theme = theme_values(site.content.theme, root_prefix(from));
        site.folders.emplace(std::move(folder), std::move(values));
    }
    const Site& s = site.content.site;
    site.site_values = Record{{"name", s.name}, {"short_name", s.short_name}, {"lang", s.lang},
                              {"authority", s.authority}, {"email", s.contact.email}, {"phone", s.contact.phone}};
}

std::string href_to(const SiteContext& site, const SitePage& from, const std::string& site_path) {
    const SitePage* to = site.map.find(site_path);
    return to ? relative_url(from.file, to->file) : std::string();
}

MarkdownContext markdown_context_for(const SiteContext& site, const std::string& file, const std::string& links_from) {
    MarkdownContext ctx;
    ctx.abbreviations = &site.abbreviations;
    if (const SitePage* g = site.map.find("glossary")) ctx.glossary_url = relative_url(file, g->file);
    const SiteMap* map = &site.map;
    ctx.resolve_link = [map, file, links_from](std::string_view link) -> std::optional<std::string> {
        auto target = map->file_for(link, links_from);
        if (!target) return std::nullopt;
        return relative_url(file, *target);
    };
    ctx.find_file = [map, links_from](std::string_view link) { return map->published_file_for(link, links_from); };
    // Ids the layout itself uses.
    ctx.ids = {"main-content", "navigation", "contents", "footnote-label", "section-pages"};
    return ctx;
}

std::optional<std::string> render_in_layout(const SiteContext& site, PageFrame frame, Diagnostics& diags) {
    const Site& s = site.content.site;
    const SitePage& page = *frame.page;
    const std::string root = frame.absolute_root.value_or(root_prefix(page.file));
    auto href_to = [&](const std::string& file) {
        return frame.absolute_root ? *frame.absolute_root + (file == "index.html" ? "" : file) : relative_url(page.file, file);
    };

    // What every page in the folder shows alike is made once (arrange_pages); a page served at any address makes its own.
    auto folder = frame.absolute_root ? site.folders.end() : site.folders.find(std::string(folder_of(page.file)));
    const bool shared = folder != site.folders.end();
    Record common{
        {"root", root},
        {"links", shared ? folder->second.links : common_links(site, href_to)},
        {"site", site.site_values},
        {"page", Record{{"title", page.title}, {"file", page.file}, {"canonical", canonical_url(s, page.file)},
                        {"is_home", page.file == "index.html"}}},
    };
    List contents;
    for (const Heading& h : frame.contents)
        if (h.level == 2) contents.push_back(Record{{"label", h.text}, {"href", "#" + h.id}});
    if (contents.size() < kContentsListMinHeadings) contents.clear();

    std::string description = frame.values.count("description") && frame.values.at("description").is_text()
                                  ? frame.values.at("description").text()
                                  : s.description;
    Record inner = std::move(frame.values);  // the page's body is not copied
    inner.reserve(inner.size() + common.size() + 1);
    for (const auto& [k, v] : common) inner.emplace(k, v);
    inner.emplace("contents", contents);
    auto main = site.templates.render(frame.template_name, Value(std::move(inner)), diags);
    if (!main) return std::nullopt;

    List crumbs;
    if (page.file != "index.html") crumbs.push_back(Record{{"label", "Home"}, {"href", href_to("index.html")}, {"current", false}});
    for (const Crumb& c : frame.parents) crumbs.push_back(Record{{"label", c.label}, {"href", href_to(c.file)}, {"current", false}});
    crumbs.push_back(Record{{"label", page.file == "index.html" ? std::string("Home") : !frame.crumb.empty() ? frame.crumb : page.title},
                            {"href", ""}, {"current", true}});

    const Theme& theme = site.content.theme;
    Record layout;
    layout.reserve(common.size() + 8);
    for (const auto& [k, v] : common) layout.emplace(k, v);
    layout.emplace("main", std::move(*main));
    layout.emplace("title", page.file == "index.html" ? s.name : page.title + " - " + s.name);
    layout.emplace("description", std::move(description));
    // Most pages show the menu as every page in their folder does, and share it.
    bool plain = !frame.absolute_root;
    for (const MenuItem& item : site.menu) plain = plain && item.target->file != page.file && !in_section(*item.target, page.file);
    layout.emplace("navigation", plain && shared ? folder->second.plain_navigation : navigation(site.menu, page.file, href_to));
    layout.emplace("breadcrumbs", crumbs);
    layout.emplace("exit_this_page", frame.exit_this_page);
    layout.emplace("exit_url", s.exit_url);
    layout.emplace("theme", shared ? folder->second.theme : theme_values(theme, root));
    auto html = site.templates.render("layout", Value(std::move(layout)), diags);
    if (!html) return std::nullopt;
    return std::move(*html).markup();
}

}  // namespace safesite
