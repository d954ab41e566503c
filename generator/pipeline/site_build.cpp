#include "pipeline/site_build.h"

#include "analysis/inspection_checks.h"
#include "analysis/menu.h"
#include "analysis/offer_checks.h"
#include "analysis/practice_checks.h"
#include "analysis/report_checks.h"
#include "analysis/site_checks.h"
#include "pipeline/children_pass.h"
#include "pipeline/input_scan.h"
#include "pipeline/leak_check.h"
#include "pipeline/page_pass.h"
#include "pipeline/reuse.h"
#include "content/child_loader.h"
#include "content/site_loader.h"
#include "output/site_writer.h"
#include "render/child/caseload.h"
#include "render/child/child_documents.h"
#include "render/pages/pages.h"
#include "render/search_index.h"
#include "render/theme_css.h"
#include "support/parallel.h"

#include <algorithm>
#include <filesystem>
#include <thread>

namespace safesite {

namespace {

// Files under templates/assets are copied as they are.
// `keep`: the templates are as the last build found them, so each file is kept if it is still there.
bool copy_assets(FileSystem& fs, const std::string& from, const std::string& to, SiteWriter& writer, bool keep, Diagnostics& diags) {
    for (const auto& e : fs.list(from)) {
        if (e.is_symlink) continue;
        std::string source = join_path(from, e.name);
        std::string dest = join_path(to, e.name);
        if (e.is_directory) {
            if (!copy_assets(fs, source, dest, writer, keep, diags)) return false;
            continue;
        }
        if (keep && writer.keep(dest)) continue;
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

BuildReport build_site(FileSystem& fs, const BuildOptions& given) {
    BuildOptions options = given;
    if (options.restricted_dir.empty()) options.restricted_dir = restricted_beside(options.out_dir);
    BuildReport report;
    if (options.templates_dir.empty()) options.templates_dir = find_templates(fs, options.content_dir, options.installed_templates_dir, report.diags);
    if (!options.templates_dir.empty()) report = run_build(fs, options);
    report.restricted_dir = options.restricted_dir;
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

    // What the last build made, and which inputs have changed since.
    // Both look at thousands of files; they run at once.
    // The templates are loaded meanwhile, on the same side as the record.
    SiteWriter writer(fs, options.out_dir);
    const Manifest* before = nullptr;
    InputScan inputs;
    std::optional<TemplateSet> templates;
    Diagnostics template_diags;
    if (options.publish) {
        // Without a record of the last build there is nothing to compare the pages with.
        bool comparable = !options.full && fs.exists(join_path(options.out_dir, SiteWriter::kMarker));
        std::thread look([&] {
            before = options.full ? nullptr : writer.previous();
            templates = TemplateSet::load(fs, options.templates_dir, options.templates_dir, template_diags);
        });
        inputs = scan_inputs(fs, options.content_dir, options.templates_dir, comparable);
        look.join();
    } else {
        templates = TemplateSet::load(fs, options.templates_dir, options.templates_dir, template_diags);
    }
    diags.append(template_diags);
    std::uint64_t key = options_key(options);
    if (before && before->key != key) before = nullptr;
    PageCache page_cache;
    page_cache.jobs = options.jobs;
    page_cache.text_budget = options.page_text_in_memory;
    page_cache.listing = std::move(inputs.page_listing);
    if (before) page_cache.unchanged = unchanged_pages(*before);

    // Load.
    // Children are not loaded with the rest: they are read a batch at a time below.
    auto content = load_content(fs, options.content_dir, options.templates_dir, diags, options.limits, page_cache, false);
    bool has_children = fs.is_directory(join_path(options.content_dir, "children"));

    // Check the site as a whole; each free page is checked when it is read again below.
    SiteMap map = plan_site(content);
    AbbreviationIndex abbreviations(content.glossary);
    check_site(content, map, options.today, diags);
    check_menu_width(content, map, pages_in_order(content), diags);
    check_inspections(content, diags);
    check_local_offer(content, map, abbreviations, options.today, diags);
    check_reports(content, map, abbreviations, options.today, diags);
    if (options.publish) check_theme_built(fs, options, diags);
    if (options.publish && has_children && nested(options.out_dir, options.restricted_dir))
        diags.error({options.restricted_dir, 0, 0}, "children's documents cannot go inside the public site, or the site inside them",
                    "give --restricted-out a folder outside " + options.out_dir);

    // Children's records: checked, guarded against and (when building) their
    // documents written, before any public page, so that the leak guard
    // knows every child when the public pages go out.
    LeakCheck leaks(fs, options.content_dir, options.leak_budget);
    SiteWriter restricted(fs, options.restricted_dir, SiteWriter::Readers::owner_only);
    ChildrenResult children = build_children(
        {fs, options, content, abbreviations, options.publish && templates && !diags.has_errors() ? &*templates : nullptr, restricted, key,
         inputs.without_children},
        leaks, diags);
    if (children.failed) return report;
    bool publishing = options.publish && templates && !diags.has_errors();
    if (publishing && !writer.begin(diags, options.full)) return report;

    // A page can be kept as the last build left it only if nothing it shows has changed.
    std::uint64_t outline = outline_of(content);
    // Children's records are not shown on public pages: a changed record is searched for in the pages kept (pipeline/leak_check.h).
    bool keep_pages = publishing && before && writer.updating() && before->global == inputs.without_children && before->outline == outline;

    std::optional<SiteContext> site;
    if (publishing) {
        site.emplace(SiteContext{content, map, abbreviations, *templates, options.today, pages_in_order(content), {}, {}, {}, {}, {}, {}});
        arrange_pages(*site);
    }
    // Every public file passes the leak guard on its way out.
    auto publish_to = [&](const std::string& path, std::string_view data, Diagnostics& into) {
        if (auto leak = leaks.find(path, data)) {
            LeakCheck::report(path, *leak, into);
            return false;
        }
        return writer.write(path, data, into);
    };
    auto publish = [&](const std::string& path, std::string_view data) { return publish_to(path, data, diags); };

    PagePassResult pass = build_pages({fs, options, content, map, abbreviations, publishing ? &*site : nullptr, writer,
                                       keep_pages ? before : nullptr, publish_to});
    for (auto& d : pass.diags) diags.append(d);
    if (pass.failed || !publishing) return report;
    report.pages = static_cast<int>(map.pages().size());
    report.pages_built = static_cast<int>(pass.built);
    // The files beside the pages depend only on the site plan and the templates.
    auto kept_all = [&](std::initializer_list<const char*> files) {
        return keep_pages && std::all_of(files.begin(), files.end(), [&](const char* f) { return writer.keep(f); });
    };
    if (!kept_all({"sitemap.xml", "search-index.json", "robots.txt", "assets/theme.css"}) &&
        (!publish("sitemap.xml", sitemap_xml(*site)) || !publish("search-index.json", search_index_json(pass.search_parts)) ||
         !publish("robots.txt", robots_txt(*site)) || !publish("assets/theme.css", theme_css(content.theme))))
        return report;
    if (!copy_assets(fs, join_path(options.templates_dir, "assets"), "assets", writer, keep_pages, diags)) return report;
    // Images and documents beside the pages, as they are.
    ContentFolder folder(fs, options.content_dir, options.limits);
    for (const PublishedFile& f : content.files) {
        if (f.refused) continue;
        auto data = folder.read(f.source_path, diags);
        if (!data || !publish(f.file, *data)) return report;
    }
    Manifest& next = writer.manifest();
    next.key = key;
    next.global = inputs.without_children;
    next.outline = outline;

    // The index of children's documents, which were written above.
    report.restricted_pages = children.pages;
    report.children_kept = children.kept;
    if (children.opened) {
        restricted.manifest().key = key;
        restricted.manifest().global = inputs.without_children;
        auto write = [&](const std::string& path, std::string_view data) { return restricted.write(path, data, diags); };
        RestrictedContext restricted_context{content.site, *templates, abbreviations, options.today};
        if (!render_children_index(restricted_context, children.children, write, diags, &report.restricted_pages) ||
            !render_caseload(restricted_context, children.children, write, diags, &report.restricted_pages))
            return report;
    }
    // Files that could not be searched as they were written are searched now, before anything is published.
    if (!leaks.finish(writer, restricted, children.cache_parts, diags)) return report;
    if (!writer.commit(diags)) return report;
    if (children.opened && !restricted.commit(diags)) return report;
    report.files = writer.files_written() + (children.opened ? restricted.files_written() : 0);
    report.updated = writer.updating();
    report.removed = writer.files_removed() + (children.opened ? restricted.files_removed() : 0);
    return report;
}

}  // namespace

}  // namespace safesite
