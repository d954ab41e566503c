#include "build/site_build.h"

#include "analysis/inspection_checks.h"
#include "analysis/site_checks.h"
#include "content/site_loader.h"
#include "output/site_writer.h"
#include "render/pages/pages.h"
#include "render/theme_css.h"

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
    if (options.publish) check_theme_built(fs, options, diags);
    if (diags.has_errors() || !templates || !options.publish) return report;

    // Render and publish.
    SiteContext site{content, map, abbreviations, *templates, options.today};
    SiteWriter writer(fs, options.out_dir);
    if (!writer.begin(diags)) return report;
    auto page_frame = [&](const SitePage& page) -> PageFrame {
        if (page.kind == "home") return home_page(site, page);
        if (page.kind == "glossary") return glossary_page(site, page);
        if (page.kind == "accessibility") return accessibility_page(site, page);
        if (page.kind == "not-found") return not_found_page(site, page);
        if (page.kind == "inspections") return inspections_index_page(site, page);
        if (page.kind == "inspection") return inspection_page(site, page);
        if (page.kind == "authority") return authority_page(site, page);
        if (page.kind == "grades") return grades_page(site, page);
        for (const Page& p : content.pages)
            if (p.slug == page.key) return free_page(site, page, p);
        return {};
    };
    for (const SitePage& page : map.pages()) {
        auto html = render_in_layout(site, page_frame(page), diags);
        if (!html || !writer.write(page.file, *html, diags)) return report;
        ++report.pages;
    }
    if (!writer.write("sitemap.xml", sitemap_xml(site), diags) || !writer.write("robots.txt", robots_txt(site), diags) ||
        !writer.write("assets/theme.css", theme_css(content.theme), diags) ||
        !copy_assets(fs, join_path(options.templates_dir, "assets"), "assets", writer, diags))
        return report;
    if (!writer.commit(diags)) return report;
    report.files = writer.files_written();
    return report;
}

}  // namespace

}  // namespace safesite
