// The full list of free pages, a hundred to a page, for sites with more
// than the home and search pages show.
#include "render/pages/pages.h"

#include "analysis/site_checks.h"

#include <algorithm>

namespace safesite {

PageFrame all_pages_page(const SiteContext& site, const SitePage& page) {
    const std::vector<const Page*>& listed = site.listed;
    std::size_t part = std::stoul(page.key), parts = page_list_length(listed.size());
    std::size_t first = (part - 1) * kPagesPerList, last = std::min(listed.size(), first + kPagesPerList);
    List pages;
    for (std::size_t i = first; i < last; ++i)
        pages.push_back(Record{{"title", listed[i]->title}, {"href", relative_url(page.file, listed[i]->file())}});
    auto part_link = [&](std::size_t n) -> Value {
        if (n < 1 || n > parts) return Value();
        const SitePage* target = site.map.find(page_list_path(n));
        if (!target) return Value();
        return Record{{"title", "pages " + std::to_string((n - 1) * kPagesPerList + 1) + " to " + std::to_string(std::min(listed.size(), n * kPagesPerList))},
                      {"href", relative_url(page.file, target->file)}};
    };
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/all-pages";
    frame.values = Record{{"heading", page.title},
                          {"first", std::to_string(first + 1)},
                          {"last", std::to_string(last)},
                          {"count", std::to_string(listed.size())},
                          {"pages", pages},
                          {"pagination", Record{{"previous", part_link(part - 1)}, {"next", part_link(part + 1)}, {"any", parts > 1}}}};
    return frame;
}

Value all_pages_link(const SiteContext& site, const SitePage& page) {
    const SitePage* list = site.map.find(page_list_path(1));
    if (!list) return Value();
    return Record{{"href", relative_url(page.file, list->file)}, {"count", std::to_string(site.content.pages.size())}};
}

}  // namespace safesite
