#include "analysis/site_checks.h"

#include "analysis/contrast.h"
#include "analysis/offer_topics.h"
#include "support/concat.h"
#include "support/escape.h"
#include "support/text.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <set>

namespace safesite {

std::string authority_slug(std::string_view authority) { return slugify(authority); }

SiteMap plan_site(const Content& content) {
    SiteMap map;
    map.reserve(content.pages.size() + 64);
    map.add({"", "index.html", content.site.name, "home", ""});
    for (const Page& p : content.pages) map.add({p.slug, p.file(), p.title, p.generated ? "section" : "page", p.slug});
    for (const PublishedFile& f : content.files) map.add_file(f);
    std::size_t lists = page_list_length(content.pages.size());
    for (std::size_t n = 1; n <= lists; ++n)
        map.add({page_list_path(n), n == 1 ? "all-pages/index.html" : page_list_path(n) + ".html",
                 n == 1 ? "All pages" : "All pages, part " + std::to_string(n) + " of " + std::to_string(lists), "all-pages", std::to_string(n)});
    if (content.partnership || !content.reports.empty())
        map.add({"partnership", "partnership.html", "The partnership and its yearly reports", "partnership", ""});
    for (const Report& r : content.reports) {
        map.add({"reports/" + r.period, "reports/" + r.period + "/index.html", r.title, "report", r.period});
        map.add({"reports/" + r.period + "/children", "reports/" + r.period + "/children.html",
                 "Yearly report " + r.period + ": for children and young people", "report-children", r.period});
    }
    if (!content.inspections.empty()) {
        map.add({"inspections", "inspections/index.html", "Inspections", "inspections", ""});
        std::set<std::string> authorities;
        for (const Inspection& i : content.inspections) authorities.insert(i.authority);
        for (const std::string& a : authorities) {
            std::string slug = authority_slug(a);
            map.add({"inspections/" + slug, "inspections/" + slug + ".html", "Inspections of " + a, "authority", a});
        }
        for (const Inspection& i : content.inspections)
            map.add({"inspections/" + i.id, "inspections/" + i.id + ".html", i.authority + ": " + i.title + " (" + std::to_string(i.visit_start.year) + ")",
                     "inspection", i.id});
        for (const Framework& f : content.frameworks)
            map.add({"inspections/grades-" + f.id, "inspections/grades-" + f.id + ".html", "What the grades mean: " + f.name, "grades", f.id});
    }
    if (content.local_offer) {
        const LocalOffer& offer = *content.local_offer;
        map.add({"local-offer", "local-offer/index.html", "Care leavers: what you can get", "offer", ""});
        for (const AgeBand& band : age_bands())
            map.add({"local-offer/age-" + std::string(band.id), "local-offer/age-" + std::string(band.id) + ".html",
                     "If you are " + std::string(band.label), "offer-age", std::string(band.id)});
        for (const NamedValue& topic : offer_topics()) {
            bool used = false;
            for (const Entitlement& e : offer.entitlements) used = used || e.topic == topic.id;
            if (used)
                map.add({"local-offer/topic-" + std::string(topic.id), "local-offer/topic-" + std::string(topic.id) + ".html",
                         std::string(topic.label), "offer-topic", std::string(topic.id)});
        }
        map.add({"local-offer/a-to-z", "local-offer/a-to-z.html", "Everything you can get, A to Z", "offer-a-to-z", ""});
        for (const Entitlement& e : offer.entitlements)
            map.add({"local-offer/" + e.id, "local-offer/" + e.id + ".html", e.title, "entitlement", e.id});
    }
    map.add({"search", "search.html", "Search this site", "search", ""});
    map.add({"glossary", "glossary.html", "Glossary", "glossary", ""});
    map.add({"accessibility", "accessibility.html", "Accessibility statement", "accessibility", ""});
    map.add({"404", "404.html", "Page not found", "not-found", ""});
    return map;
}

std::vector<const Page*> pages_listed(const Content& content) {
    std::vector<const Page*> pages = pages_in_order(content);
    std::unordered_set<const Page*> listed(pages.begin(), pages.end());
    for (const Page& p : content.pages)
        if (!listed.count(&p)) pages.push_back(&p);
    return pages;
}

std::unordered_map<std::string, std::vector<const Page*>> pages_by_section(const Content& content) {
    std::unordered_map<std::string, std::vector<const Page*>> sections;
    for (const Page& p : content.pages)
        if (p.in_navigation) sections[p.parent()].push_back(&p);
    for (auto& [_, pages] : sections)
        std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) { return a->order < b->order; });
    return sections;
}

std::vector<const Page*> pages_in_order(const Content& content) {
    auto sections = pages_by_section(content);
    return std::move(sections[""]);
}

Location locate_in_markdown(const MarkdownSource& md, cmark_node* node) {
    int line = cmark_node_get_start_line(node) + md.first_line - 1;
    int byte_column = cmark_node_get_start_column(node);
    std::string_view text = line_of(md.source, line);
    return {md.path, line, column_of(text, static_cast<std::size_t>(std::max(byte_column - 1, 0)))};
}

namespace {

void report(Diagnostics& diags, const MarkdownSource& page, cmark_node* node, Severity severity, std::string message, std::string hint,
            std::string code = {}) {
    Location where = locate_in_markdown(page, node);
    diags.add({where, severity, std::move(message), std::move(hint), std::move(code), std::string(line_of(page.source, where.line))});
}

void check_image(Diagnostics& diags, const MarkdownSource& page, const SiteMap& map, cmark_node* n) {
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    std::string title = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
    if (is_external_link(url) || url.starts_with("//") || url.find(':') != std::string::npos) {
        report(diags, page, n, Severity::error, "the image '" + url + "' is not on this site; the site loads nothing from elsewhere",
               "save the image beside the page, and write ![what it shows](images/name.png)");
        return;
    }
    const PublishedFile* file = map.published_file_for(url, page.links_from);
    if (!file) {
        report(diags, page, n, Severity::error, "there is no image at '" + url + "'",
               published_kind(url).empty() ? "an image is a .png, .jpg, .webp, .gif or .svg file beside the page"
                                           : "check the spelling, or put the file there; its path is read from this page's folder");
        return;
    }
    if (file->refused) return;  // said at the file
    if (!file->is_image()) {
        report(diags, page, n, Severity::error, "'" + url + "' is a " + file->kind + ", not an image", "link to it instead: [what it is](" + url + ")");
        return;
    }
    if (trim(plain_text(n)).empty() && title != "decorative")
        report(diags, page, n, Severity::error, "the image has no alt text",
               "say what it shows, e.g. ![the number of referrals each month](" + url + "); if it only decorates, write ![](" + url + " \"decorative\")");
}

}  // namespace

void check_markdown(const MarkdownSource& page, const SiteMap& map, const AbbreviationIndex* abbreviations, Diagnostics& diags) {
    std::set<std::string> warned_abbreviations;
    cmark_iter* it = cmark_iter_new(page.tree);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_HTML_INLINE:
                report(diags, page, n, Severity::warning, "raw HTML is not published",
                       "write it in Markdown instead; safesite never passes HTML through", "raw-html");
                break;
            case CMARK_NODE_LINK: {
                std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                if (is_external_link(url)) {
                    if (!safe_url(url)) report(diags, page, n, Severity::error, "the link '" + url + "' is not allowed", "use an http, https, mailto or tel link");
                } else if (url.empty()) {
                    report(diags, page, n, Severity::error, "the link has no address", "write [text](address)");
                } else if (url[0] != '#' && !safe_url(url)) {
                    report(diags, page, n, Severity::error, "the link '" + url + "' is not allowed",
                           "links go to another page of the site, or to an http, https, mailto or tel address");
                } else if (url[0] != '#' && !map.file_for(url, page.links_from)) {
                    bool file = !published_kind(url.substr(0, url.find('#'))).empty();
                    std::string from_top = "/" + url;
                    report(diags, page, n, Severity::error, "there is no " + std::string(file ? "file" : "page") + " at '" + url + "'",
                           !file && map.file_for(from_top) ? "links are read from this page's folder, as on the web; for the page at the top of the site, write " + from_top
                           : file ? "check the spelling, or put the file beside the page; its path is read from this page's folder"
                                  : "link to a page by its name, e.g. [how to report](how-to-report) or [glossary](/glossary)");
                }
                break;
            }
            case CMARK_NODE_IMAGE:
                check_image(diags, page, map, n);
                break;
            case CMARK_NODE_TEXT: {
                // Without a glossary that loaded, every abbreviation would look unexplained.
                if (!abbreviations) break;
                const char* text = cmark_node_get_literal(n);
                for (const auto& [offset, word] : abbreviation_like_words(text ? text : "")) {
                    if (abbreviations->lookup(word) || !warned_abbreviations.insert(std::string(word)).second) continue;
                    report(diags, page, n, Severity::warning, concat("'", word, "' looks like an abbreviation the glossary does not explain"),
                           concat("add a <term abbr=\"", word, "\"> to glossary.xml, or write it out in full"), "unexplained-abbreviation");
                }
                break;
            }
            default: break;
        }
    }
    cmark_iter_free(it);
}

void check_site(const Content& content, const SiteMap& map, Date today, Diagnostics& diags) {
    std::unordered_map<std::string_view, const SitePage*> files;
    files.reserve(map.pages().size());
    for (const SitePage& p : map.pages())
        if (auto [it, added] = files.emplace(p.file, &p); !added)
            diags.error({p.kind == "inspection"    ? "inspections/" + p.key + ".xml"
                         : p.kind == "entitlement" ? std::string("local-offer/offer.xml")
                                                   : p.file,
                         0, 0},
                        "two pages would be written to " + p.file + ": " + it->second->title + ", and " + p.title,
                        "give one of them another id");
    if (!content.site_loaded) return;
    for (const auto& link : content.site.navigation)
        if (!map.find(link.href))
            diags.error(link.where, "the navigation links to '" + link.href + "', which is not a page of the site",
                        "use a page's name, such as about or glossary");

    const AccessibilityFacts& a = content.site.accessibility;
    if (a.reviewed.year && add_months(a.reviewed, 12) < today)
        diags.warning(a.where, "the accessibility statement was last reviewed on " + a.reviewed.long_form() + ", more than 12 months ago",
                      "review it, then update reviewed=\"YYYY-MM-DD\"", "accessibility-review-overdue");
    if (a.compliance != "full" && a.problems.empty())
        diags.error(a.where, "the statement says the site is not fully compliant but lists no problems",
                    "add a <problem reason=\"...\"> for each thing that is not accessible");

    if (auto brand = parse_hex_colour(content.theme.brand_colour)) {
        double ratio = contrast_ratio(*brand, Rgb{255, 255, 255});
        if (ratio < 4.5) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.2f", ratio);
            diags.error(content.theme.where, "white text on the brand colour " + content.theme.brand_colour + " has a contrast of " + buf + ":1, below the 4.5:1 that WCAG 2.2 AA needs",
                        "choose a darker brand colour");
        }
    }
}

}  // namespace safesite
