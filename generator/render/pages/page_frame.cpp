// Which function builds a generated page, by its kind.
#include "render/pages/pages.h"

namespace safesite {

PageFrame page_frame_for(const SiteContext& site, const SitePage& page) {
    if (page.kind == "home") return home_page(site, page);
    if (page.kind == "glossary") return glossary_page(site, page);
    if (page.kind == "accessibility") return accessibility_page(site, page);
    if (page.kind == "not-found") return not_found_page(site, page);
    if (page.kind == "inspections") return inspections_index_page(site, page);
    if (page.kind == "inspection") return inspection_page(site, page);
    if (page.kind == "authority") return authority_page(site, page);
    if (page.kind == "grades") return grades_page(site, page);
    if (page.kind == "offer") return offer_home_page(site, page);
    if (page.kind == "offer-age") return offer_age_page(site, page);
    if (page.kind == "offer-topic") return offer_topic_page(site, page);
    if (page.kind == "offer-a-to-z") return offer_a_to_z_page(site, page);
    if (page.kind == "entitlement") return entitlement_page(site, page);
    if (page.kind == "search") return search_page(site, page);
    if (page.kind == "all-pages") return all_pages_page(site, page);
    if (page.kind == "partnership") return partnership_page(site, page);
    if (page.kind == "report") return report_page(site, page);
    if (page.kind == "report-children") return report_children_page(site, page);
    return {};
}

}  // namespace safesite
