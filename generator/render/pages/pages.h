// One function per kind of public page: each turns the model into the
// values its template shows. None of them changes anything shared.
#pragma once

#include "render/site_context.h"

namespace safesite {

PageFrame home_page(const SiteContext& site, const SitePage& page);
// `source` is the page as loaded for the site plan; `body` its Markdown, read again to build it.
PageFrame free_page(const SiteContext& site, const SitePage& page, const Page& source, cmark_node* body);
// The page made for a section without an index.md: a list of its pages.
PageFrame section_page(const SiteContext& site, const SitePage& page, const Page& source);
PageFrame glossary_page(const SiteContext& site, const SitePage& page);
PageFrame accessibility_page(const SiteContext& site, const SitePage& page);
PageFrame not_found_page(const SiteContext& site, const SitePage& page);
PageFrame inspections_index_page(const SiteContext& site, const SitePage& page);
PageFrame inspection_page(const SiteContext& site, const SitePage& page);
PageFrame authority_page(const SiteContext& site, const SitePage& page);
PageFrame grades_page(const SiteContext& site, const SitePage& page);
PageFrame offer_home_page(const SiteContext& site, const SitePage& page);
PageFrame offer_age_page(const SiteContext& site, const SitePage& page);
PageFrame offer_topic_page(const SiteContext& site, const SitePage& page);
PageFrame offer_a_to_z_page(const SiteContext& site, const SitePage& page);
PageFrame entitlement_page(const SiteContext& site, const SitePage& page);
PageFrame search_page(const SiteContext& site, const SitePage& page);
PageFrame all_pages_page(const SiteContext& site, const SitePage& page);
// A link to the full list of free pages, when there is one (a null value when not).
Value all_pages_link(const SiteContext& site, const SitePage& page);
PageFrame partnership_page(const SiteContext& site, const SitePage& page);
PageFrame report_page(const SiteContext& site, const SitePage& page);
PageFrame report_children_page(const SiteContext& site, const SitePage& page);

// Any page but a free one, by its kind ("home", "inspection", ...).
PageFrame page_frame_for(const SiteContext& site, const SitePage& page);

// sitemap.xml and robots.txt, from the site map.
std::string sitemap_xml(const SiteContext& site);
std::string robots_txt(const SiteContext& site);

}  // namespace safesite
