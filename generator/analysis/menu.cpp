#include "analysis/menu.h"

#include "support/text.h"

#include <cmath>

namespace safesite {

std::vector<MenuItem> menu_items(const Site& site, const SiteMap& map, const std::vector<const Page*>& ordered_pages) {
    std::vector<MenuItem> items;
    auto add = [&](const std::string& label, const SitePage* target) {
        if (target) items.push_back({label, target});
    };
    if (!site.navigation.empty()) {
        for (const auto& link : site.navigation) add(link.label, map.find(link.href));
        return items;
    }
    add("Home", map.find(""));
    // A menu is for finding your way, not a site map: the first pages by
    // their order, and the home page and search for the rest.
    constexpr std::size_t kMenuPages = 8;
    for (std::size_t i = 0; i < ordered_pages.size() && i < kMenuPages; ++i) add(ordered_pages[i]->title, map.find(ordered_pages[i]->slug));
    add("Partnership and reports", map.find("partnership"));
    add("Inspections", map.find("inspections"));
    add("Care leavers", map.find("local-offer"));
    add("Glossary", map.find("glossary"));
    return items;
}

namespace {

// Advance widths in thousandths of the font size, of Arial (whose metrics
// Liberation Sans and most system sans-serif fonts are close to), for the
// printable ASCII letters from space on. Bold, for the current page, is wider.
constexpr int kWidths[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                                // 0 to 9
    278, 278, 584, 584, 584, 556, 1015,                                              // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                 // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                 // N to Z
    278, 278, 278, 469, 556, 333,                                                    // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                 // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                 // n to z
    334, 260, 334, 584};                                                             // { to ~

constexpr double kFontPixels = 19;     // govuk-font(19), the menu's links
constexpr double kBoldFactor = 1.08;   // the current page's link is bold
constexpr int kGapPixels = 30;         // govuk-spacing(6) after each link
constexpr int kRowPixels = 960;        // the width container at desktop width

double label_width(const std::string& label) {
    double thousandths = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(label[i]);
        if ((c & 0xC0) == 0x80) continue;  // the rest of a letter outside ASCII
        thousandths += c >= 32 && c < 127 ? kWidths[c - 32] : 556;
    }
    return thousandths * kFontPixels / 1000;
}

}  // namespace

int menu_width_pixels(const std::vector<MenuItem>& items) {
    double width = 0, widest = 0;
    for (const auto& item : items) {
        double w = label_width(item.label);
        width += w + kGapPixels;
        widest = std::max(widest, w);
    }
    return static_cast<int>(std::lround(width + widest * (kBoldFactor - 1)));
}

void check_menu_width(const Content& content, const SiteMap& map, const std::vector<const Page*>& ordered_pages, Diagnostics& diags) {
    if (!content.site_loaded) return;
    auto items = menu_items(content.site, map, ordered_pages);
    int width = menu_width_pixels(items);
    if (width <= kRowPixels) return;
    bool chosen = !content.site.navigation.empty();
    Location at = chosen ? content.site.navigation.front().where : Location{"site.xml", 0, 0};
    diags.warning(at,
                  "the menu's " + std::to_string(items.size()) + " links take about " + with_thousands(width) +
                      " pixels, more than the " + std::to_string(kRowPixels) + " of one row at desktop width, so it wraps onto a second row",
                  std::string(chosen ? "list fewer pages in <navigation>, or shorten their labels" : "list the pages the menu needs in <navigation> in site.xml") +
                      "; group the rest into sections (a sub-folder of pages/, whose index.md is the section's page) and link each section once; see \"site.xml\" in docs/content.md",
                  "menu-too-wide");
}

}  // namespace safesite
