#include "render/pages/pages.h"

namespace safesite {

std::string sitemap_xml(const SiteContext& site) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const SitePage& p : site.map.pages()) {
        if (p.file == "404.html") continue;
        out += "  <url><loc>";
        append_text(out, site.content.site.base_url + (p.file == "index.html" ? "" : p.file));
        out += "</loc></url>\n";
    }
    out += "</urlset>\n";
    return out;
}

std::string robots_txt(const SiteContext& site) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + clean_text(site.content.site.base_url) + "sitemap.xml\n";
}

}  // namespace safesite
