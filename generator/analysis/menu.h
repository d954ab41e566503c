// The site's menu: what it holds, and whether it fits on one row.
#pragma once

#include "analysis/site_map.h"
#include "model/content.h"

#include <string>
#include <vector>

namespace safesite {

struct MenuItem {
    std::string label;
    const SitePage* target = nullptr;
};

// The links in <navigation>, or by default the home page, the first pages
// in their order, and the partnership, inspections, care leavers' and
// glossary pages where the site has them.
std::vector<MenuItem> menu_items(const Site& site, const SiteMap& map, const std::vector<const Page*>& ordered_pages);

// About how many CSS pixels the menu takes on one row at desktop width,
// from the widths of a sans-serif font's letters at 19px, the links' size.
int menu_width_pixels(const std::vector<MenuItem>& items);

// Warns (menu-too-wide) when the menu would wrap onto a second row in the
// 960-pixel page at desktop width, and says how to group pages instead.
void check_menu_width(const Content& content, const SiteMap& map, const std::vector<const Page*>& ordered_pages, Diagnostics& diags);

}  // namespace safesite
