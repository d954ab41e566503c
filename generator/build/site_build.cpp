#include "build/site_build.h"

#include "analysis/inspection_checks.h"
#include "analysis/leak_guard.h"
#include "analysis/offer_checks.h"
#include "analysis/report_checks.h"
#include "analysis/practice_checks.h"
#include "analysis/site_checks.h"
#include "content/site_loader.h"
#include "output/site_writer.h"
#include "render/pages/pages.h"
#include "render/child/child_documents.h"
#include "render/search_index.h"
#include "render/theme_css.h"
#include "support/parallel.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

#include <filesystem>
#include <map>

namespace safesite {

namespace {

// Files under templates/assets are copied as they are.
bool copy_assets(FileSystem& fs, const std::string& from, const std::string& to, SiteWriter& writer, Diagnostics& diags) {
    for (const auto& e : fs.list(from)) {
        if (e.is_symlink) continue;
        std::string source = join_path(from, e.name);
        std::string dest = join_path(to, e.name);
        if (e.is_directory) {
            if (!copy_assets(fs, source, dest, writer, diags)) return false;
            continue;
        }
        std::string err;
        auto data = fs.read(source, &err);
        if (!data) {
            diags.error({source, 0, 0}, "cannot read the asset: " + err);
            return false;
        }
        if (!writer.write(dest, *data, diags)) return false;
    }
    return true;
}

// True if one folder is the other or inside it.
bool nested(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::string x = fs::absolute(a).lexically_normal().string(), y = fs::absolute(b).lexically_normal().string();
    while (x.size() > 1 && x.back() == '/') x.pop_back();
    while (y.size() > 1 && y.back() == '/') y.pop_back();
    auto inside = [](const std::string& p, const std::string& q) { return p == q || (p.size() > q.size() && p.starts_with(q) && p[q.size()] == '/'); };
    return inside(x, y) || inside(y, x);
}

bool check_theme_built(FileSystem& fs, const BuildOptions& options, Diagnostics& diags) {
    std::string css = join_path(options.templates_dir, "assets/safesite.css");
    if (fs.exists(css)) return true;
    diags.error({css, 0, 0}, "the theme's stylesheet has not been compiled",
                "run scripts/setup, which compiles templates/scss with GOV.UK Frontend");
    return false;
}

}  // namespace

namespace {

BuildReport run_build(FileSystem& fs, const BuildOptions& options);

}  // namespace

BuildReport build_site(FileSystem& fs, const BuildOptions& options) {
    BuildReport report = run_build(fs, options);
    // Checks that run after loading know a line but not its text.
    report.diags.quote_source_lines([&](const std::string& path) -> std::optional<std::string> {
        std::string err;
        return fs.read(join_path(options.content_dir, path), &err);
    });
    return report;
}

namespace {

BuildReport run_build(FileSystem& fs, const BuildOptions& options) {
    BuildReport report;
    Diagnostics& diags = report.diags;

    // Load.
    auto templates = TemplateSet::load(fs, options.templates_dir, options.templates_dir, diags);
    auto content = load_content(fs, options.content_dir, options.templates_dir, diags, options.limits);

    // Check.
    SiteMap map = plan_site(content);
    AbbreviationIndex abbreviations(content.glossary);
    check_site(content, map, abbreviations, options.today, diags);
    check_inspections(content, diags);
    check_local_offer(content, map, abbreviations, options.today, diags);
    check_reports(content, map, abbreviations, options.today, diags);
    std::map<std::string, Diagnostics> findings;
    for (const Child& c : content.children) {
        Diagnostics f = check_child(c, abbreviations, content.site.thresholds, options.today);
        diags.append(f);
        findings.emplace(c.id, std::move(f));
    }
    if (options.publish) check_theme_built(fs, options, diags);
    if (options.publish && !content.children.empty() && nested(options.out_dir, options.restricted_dir))
        diags.error({options.restricted_dir, 0, 0}, "children's documents cannot go inside the public site, or the site inside them",
                    "give --restricted-out a folder outside " + options.out_dir);
    if (diags.has_errors() || !templates || !options.publish) return report;

    // Render and publish.
    SiteContext site{content, map, abbreviations, *templates, options.today, pages_in_order(content), {}};
    for (std::size_t i = 0; i < site.ordered_pages.size(); ++i) site.position.emplace(site.ordered_pages[i], i);
    LeakGuard guard;
    for (const Child& c : content.children) guard.add(c);
    SiteWriter writer(fs, options.out_dir);
    if (!writer.begin(diags)) return report;
    // Every public file passes the leak guard on its way out.
    auto publish_to = [&](const std::string& path, std::string_view data, Diagnostics& into) {
        if (auto leak = guard.find(data)) {
            into.error({leak->source_path, 0, 0},
                       "the public page " + path + " would contain \"" + leak->found + "\" from this child's record; nothing was published",
                       "case data is never published: remove it from the public content or the templates");
            return false;
        }
        return writer.write(path, data, into);
    };
    auto publish = [&](const std::string& path, std::string_view data) { return publish_to(path, data, diags); };
    std::unordered_map<std::string, const Page*> pages_by_slug;
    for (const Page& p : content.pages) pages_by_slug.emplace(p.slug, &p);
    auto page_frame = [&](const SitePage& page) -> PageFrame {
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
        if (page.kind == "partnership") return partnership_page(site, page);
        if (page.kind == "report") return report_page(site, page);
        if (page.kind == "report-children") return report_children_page(site, page);
        if (auto it = pages_by_slug.find(page.key); it != pages_by_slug.end()) return free_page(site, page, *it->second);
        return {};
    };
    // Pages are rendered and written in parallel: each depends only on the
    // loaded content and itself, and writes only its own file and slot. The
    // page's HTML is released as soon as it is written; only its text stays,
    // for the search index, which is put together in site map order.
    const auto& pages = map.pages();
    std::vector<Diagnostics> page_diags(pages.size());
    std::vector<SearchIndex> page_text(pages.size());
    std::atomic<bool> failed{false};
    parallel_for(pages.size(), options.jobs ? options.jobs : default_jobs(), [&](std::size_t i) {
        if (failed) return;
        const SitePage& page = pages[i];
        auto html = render_in_layout(site, page_frame(page), page_diags[i]);
        if (!html || !publish_to(page.file, *html, page_diags[i])) {
            failed = true;
            return;
        }
        if (page.kind != "not-found" && page.kind != "search") page_text[i].add(page.file, page.title, *html);
    });
    for (auto& d : page_diags) diags.append(d);
    if (failed) return report;
    report.pages = static_cast<int>(pages.size());
    SearchIndex search;
    for (auto& t : page_text) search.merge(std::move(t));
    if (!publish("sitemap.xml", sitemap_xml(site)) || !publish("search-index.json", search.json()) || !publish("robots.txt", robots_txt(site)) ||
        !publish("assets/theme.css", theme_css(content.theme)) ||
        !copy_assets(fs, join_path(options.templates_dir, "assets"), "assets", writer, diags))
        return report;

    // Children's documents go to their own tree, written and swapped in the same way.
    SiteWriter restricted(fs, options.restricted_dir);
    if (!content.children.empty()) {
        if (!restricted.begin(diags)) return report;
        RestrictedContext ctx{content, *templates, abbreviations, options.today, findings};
        std::mutex diags_lock;
        auto write = [&](const std::string& path, std::string_view data) {
            Diagnostics local;
            bool ok = restricted.write(path, data, local);
            if (!ok) {
                std::lock_guard hold(diags_lock);
                diags.append(local);
            }
            return ok;
        };
        if (!render_restricted(ctx, write, diags, &report.restricted_pages, options.jobs ? options.jobs : default_jobs())) return report;
    }
    if (!writer.commit(diags)) return report;
    if (!content.children.empty() && !restricted.commit(diags)) return report;
    report.files = writer.files_written() + (content.children.empty() ? 0 : restricted.files_written());
    return report;
}

}  // namespace

}  // namespace safesite
