// The search page. With JavaScript it searches the text of every public
// page (search-index.json); without it, it lists every page, so nothing is
// out of reach: every page but the free pages, of which it shows the first
// few and links to their full list when there are more.
#include "render/pages/pages.h"

#include "analysis/site_checks.h"

#include <algorithm>
#include <map>
#include <span>
#include <utility>

namespace safesite {

PageFrame search_page(const SiteContext& site, const SitePage& page) {
    // Sections in the order they first appear in the site map.
    std::vector<std::string> order;
    std::map<std::string, List> sections;
    // With a full list of the free pages, the first of them, where the first one is.
    bool long_list = page_list_length(site.content.pages.size()) > 0, shown = false;
    for (const SitePage& p : site.map.pages()) {
        if (p.kind == "not-found" || p.kind == "search" || p.kind == "all-pages") continue;
        if ((p.kind == "page" || p.kind == "section") && long_list) {
            if (std::exchange(shown, true)) continue;
            std::span<const Page* const> listed(site.listed.data(), std::min(site.listed.size(), kPagesShown));
            if (!sections.count("About the partnership")) order.push_back("About the partnership");
            for (const Page* free : listed)
                sections["About the partnership"].push_back(Record{{"title", free->title}, {"href", relative_url(page.file, free->file())}});
            continue;
        }
        // A free page in a section is listed under its section at the top of the site.
        const SitePage* top = (p.kind == "page" || p.kind == "section") && p.key.find('/') != std::string::npos
                                  ? site.map.find(p.key.substr(0, p.key.find('/')))
                                  : (p.kind == "page" || p.kind == "section") && p.file.ends_with("/index.html") ? &p : nullptr;
        std::string section = top                                  ? top->title
                              : p.file.starts_with("local-offer/") ? "Care leavers"
                              : p.file.starts_with("inspections/") ? "Inspections"
                                                                   : "About the partnership";
        if (!sections.count(section)) order.push_back(section);
        sections[section].push_back(Record{{"title", p.file == "index.html" ? std::string("Home") : p.title}, {"href", relative_url(page.file, p.file)}});
    }
    List groups;
    for (const std::string& s : order) groups.push_back(Record{{"label", s}, {"pages", sections[s]}});
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/search";
    frame.values = Record{{"groups", groups}, {"all_pages", all_pages_link(site, page)}, {"description", "Search every page of this site."}};
    return frame;
}

}  // namespace safesite
