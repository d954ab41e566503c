#include "render/pages/pages.h"

namespace safesite {

PageFrame not_found_page(const SiteContext& site, const SitePage& page) {
    // Served at whatever address was asked for, so its links start from the
    // site's root path, taken from the base URL.
    const std::string& base = site.content.site.base_url;
    std::size_t scheme = base.find("://");
    std::size_t path = scheme == std::string::npos ? std::string::npos : base.find('/', scheme + 3);
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/not-found";
    frame.absolute_root = path == std::string::npos ? std::string("/") : base.substr(path);
    frame.values = Record{{"email", site.content.site.contact.email}};
    return frame;
}

}  // namespace safesite
