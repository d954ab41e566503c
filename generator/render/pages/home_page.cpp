#include "render/pages/pages.h"

#include "analysis/site_checks.h"

namespace safesite {

PageFrame home_page(const SiteContext& site, const SitePage& page) {
    const Site& s = site.content.site;
    // The first pages of the menu; a site with more links to the full list.
    List pages;
    for (const Page* p : site.ordered_pages) {
        if (pages.size() == kPagesShown) break;
        const SitePage* target = site.map.find(p->slug);
        if (!target) continue;
        pages.push_back(Record{{"title", p->title}, {"href", relative_url(page.file, target->file)}, {"description", p->description}});
    }
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/home";
    frame.exit_this_page = s.exit_this_page;
    frame.values = Record{{"description", s.description}, {"pages", pages}, {"all_pages", all_pages_link(site, page)}, {"contact_email", s.contact.email},
                          {"contact_phone", s.contact.phone}};
    return frame;
}

}  // namespace safesite
