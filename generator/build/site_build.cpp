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
#include "build/input_scan.h"
#include "build/search_parts.h"
#include "content/site_loader.h"
#include "support/hash.h"
#include "support/parallel.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <filesystem>
#include <map>

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

// Everything that decides what any page looks like besides the inputs'
// stamps: the program and its options.
std::uint64_t options_key(const BuildOptions& options) {
    namespace fs = std::filesystem;
    auto absolute = [](const std::string& p) { return fs::absolute(p).lexically_normal().string(); };
    return Hasher()
        .add(options.tool)
        .add(options.today.iso())
        .add(absolute(options.content_dir))
        .add(absolute(options.templates_dir))
        .add(options.limits.max_file_bytes)
        .value();
}

// Every free page's address, title and place: other pages show these (the
// menu, previous and next, links), so when one changes every page is rebuilt.
std::uint64_t outline_of(const Content& content) {
    Hasher h;
    for (const Page& p : content.pages)
        h.add(p.slug).add(p.title).add(p.description).add(p.order).add(p.in_navigation ? 1 : 0).add(p.exit_this_page ? (*p.exit_this_page ? 1 : 0) : -1);
    return h.value();
}

PageRecord record_of(const Page& p, FileStamp stamp) {
    PageRecord r;
    r.stamp = stamp;
    r.body_first_line = p.body_first_line;
    r.order = p.order;
    r.in_navigation = p.in_navigation;
    r.exit_this_page = p.exit_this_page;
    r.title = p.title;
    r.description = p.description;
    return r;
}

BuildReport run_build(FileSystem& fs, const BuildOptions& options) {
    BuildReport report;
    Diagnostics& diags = report.diags;

    // What the last build made, and which inputs have changed since.
    // Both look at thousands of files; they run at once.
    SiteWriter writer(fs, options.out_dir);
    const Manifest* before = nullptr;
    InputScan inputs;
    if (options.publish) {
        // Without a record of the last build there is nothing to compare the pages with.
        bool comparable = !options.full && fs.exists(join_path(options.out_dir, SiteWriter::kMarker));
        std::thread look([&] { before = options.full ? nullptr : writer.previous(); });
        inputs = scan_inputs(fs, options.content_dir, options.templates_dir, comparable);
        look.join();
    }
    std::uint64_t key = options_key(options);
    if (before && before->key != key) before = nullptr;
    PageCache page_cache;
    page_cache.jobs = options.jobs;
    page_cache.listing = std::move(inputs.page_listing);
    if (before)
        page_cache.unchanged = [&](const std::string& path) -> std::optional<Page> {
            auto record = before->pages.find(path);
            auto now = inputs.pages.find(path);
            if (record == before->pages.end() || now == inputs.pages.end() || !(record->second.stamp == now->second)) return std::nullopt;
            const PageRecord& r = record->second;
            Page p;
            p.stamp = r.stamp;
            p.body_first_line = r.body_first_line;
            p.order = r.order;
            p.in_navigation = r.in_navigation;
            p.exit_this_page = r.exit_this_page;
            p.title = r.title;
            p.description = r.description;
            return p;
        };

    // Load.
    auto templates = TemplateSet::load(fs, options.templates_dir, options.templates_dir, diags);
    auto content = load_content(fs, options.content_dir, options.templates_dir, diags, options.limits, page_cache);

    // Check the site as a whole; each free page is checked when it is read again below.
    SiteMap map = plan_site(content);
    AbbreviationIndex abbreviations(content.glossary);
    check_site(content, map, options.today, diags);
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
    bool publishing = options.publish && templates && !diags.has_errors();
    if (publishing && !writer.begin(diags, options.full)) return report;

    // A page can be kept as the last build left it only if nothing it shows has changed.
    std::uint64_t outline = outline_of(content);
    bool keep_pages = publishing && before && writer.updating() && before->global == inputs.global && before->outline == outline;

    // Pages are checked, rendered and written in parallel: each depends only
    // on the plan of the site and itself, and writes only its own file and
    // slot. A free page's body is read and parsed again here and released as
    // soon as the page is written; its search entry stays until its part of
    // the index is written.
    std::optional<SiteContext> site;
    if (publishing) {
        site.emplace(SiteContext{content, map, abbreviations, *templates, options.today, pages_in_order(content), {}});
        for (std::size_t i = 0; i < site->ordered_pages.size(); ++i) site->position.emplace(site->ordered_pages[i], i);
    }
    LeakGuard guard;
    for (const Child& c : content.children) guard.add(c);
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
        const SiteContext& s = *site;
        if (page.kind == "home") return home_page(s, page);
        if (page.kind == "glossary") return glossary_page(s, page);
        if (page.kind == "accessibility") return accessibility_page(s, page);
        if (page.kind == "not-found") return not_found_page(s, page);
        if (page.kind == "inspections") return inspections_index_page(s, page);
        if (page.kind == "inspection") return inspection_page(s, page);
        if (page.kind == "authority") return authority_page(s, page);
        if (page.kind == "grades") return grades_page(s, page);
        if (page.kind == "offer") return offer_home_page(s, page);
        if (page.kind == "offer-age") return offer_age_page(s, page);
        if (page.kind == "offer-topic") return offer_topic_page(s, page);
        if (page.kind == "offer-a-to-z") return offer_a_to_z_page(s, page);
        if (page.kind == "entitlement") return entitlement_page(s, page);
        if (page.kind == "search") return search_page(s, page);
        if (page.kind == "partnership") return partnership_page(s, page);
        if (page.kind == "report") return report_page(s, page);
        if (page.kind == "report-children") return report_children_page(s, page);
        return {};
    };
    ContentFolder folder(fs, options.content_dir, options.limits);
    const auto& pages = map.pages();
    std::vector<Diagnostics> page_diags(pages.size());
    std::vector<char> kept(pages.size(), 0);
    SearchParts search(pages.size(), keep_pages, writer, fs, options.out_dir);
    std::atomic<bool> failed{false};
    std::atomic<std::size_t> done{0}, built{0};
    parallel_for(pages.size(), options.jobs ? options.jobs : default_jobs(), [&](std::size_t i) {
        const SitePage& page = pages[i];
        Diagnostics& here = page_diags[i];
        bool searchable = page.kind != "not-found" && page.kind != "search";
        // Every page ends here, once: its search entry (if any) goes to its part.
        auto finish = [&](std::string entry, bool keeping) {
            if (publishing && !failed && !search.done(i, std::move(entry), keeping, publish_to, here)) failed = true;
            if (options.progress) options.progress(++done, pages.size());
        };
        const Page* source = nullptr;
        if (auto it = page.kind == "page" ? pages_by_slug.find(page.key) : pages_by_slug.end(); it != pages_by_slug.end()) source = it->second;
        // Other pages show only the site plan and the inputs other than the
        // free pages' text (which is not even in memory), so they are kept
        // whenever those are unchanged; a free page, when its file is too.
        if (keep_pages && (!source || source->unchanged) && search.reusable(i) && writer.can_keep(page.file)) {
            if (source)
                for (const Diagnostic& d : before->pages.at(source->source_path).warnings) here.add(d);
            kept[i] = 1;
            return finish(searchable ? page.file : std::string(), true);
        }
        std::optional<Page> body;
        if (source) {
            body = read_page(folder, source->source_path, here);
            if (!body) {
                failed = true;
                return finish({}, false);
            }
            check_markdown({body->source_path, body->source, body->body_first_line, body->tree.get()}, map,
                           content.glossary_loaded ? &abbreviations : nullptr, here);
        }
        if (!publishing || failed || here.has_errors()) {
            if (here.has_errors()) failed = true;
            return finish({}, false);
        }
        ++built;
        auto html = render_in_layout(*site, source ? free_page(*site, page, *source, body->tree.get()) : page_frame(page), here);
        body.reset();
        if (!html || !publish_to(page.file, *html, here)) {
            failed = true;
            return finish({}, false);
        }
        finish(searchable ? search_entry(page.file, page.title, *html) : std::string(), false);
    });
    for (auto& d : page_diags) diags.append(d);
    if (failed || !publishing) return report;
    report.pages = static_cast<int>(pages.size());
    report.pages_built = static_cast<int>(built.load());
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (kept[i]) writer.keep(pages[i].file);
    // The next build's record of each free page: its plan, and the warnings its checks gave.
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto it = pages[i].kind == "page" ? pages_by_slug.find(pages[i].key) : pages_by_slug.end();
        if (it == pages_by_slug.end()) continue;
        const Page& p = *it->second;
        PageRecord r = record_of(p, p.stamp);
        for (const Diagnostic& item : page_diags[i].items())
            if (item.where.path == p.source_path && item.severity == Severity::warning) {
                r.warnings.push_back(item);
                r.warnings.back().source_line.clear();
            }
        writer.manifest().pages.emplace(p.source_path, std::move(r));
    }
    // The files beside the pages depend only on the site plan and the templates.
    auto kept_all = [&](std::initializer_list<const char*> files) {
        return keep_pages && std::all_of(files.begin(), files.end(), [&](const char* f) { return writer.keep(f); });
    };
    if (!kept_all({"sitemap.xml", "search-index.json", "robots.txt", "assets/theme.css"}) &&
        (!publish("sitemap.xml", sitemap_xml(*site)) || !publish("search-index.json", search_index_json(search.parts())) ||
         !publish("robots.txt", robots_txt(*site)) || !publish("assets/theme.css", theme_css(content.theme))))
        return report;
    if (!copy_assets(fs, join_path(options.templates_dir, "assets"), "assets", writer, keep_pages, diags)) return report;
    Manifest& next = writer.manifest();
    next.key = key;
    next.global = inputs.global;
    next.outline = outline;

    // Children's documents go to their own tree, written and swapped in the same way.
    SiteWriter restricted(fs, options.restricted_dir);
    if (!content.children.empty()) {
        if (!restricted.begin(diags, options.full)) return report;
        restricted.manifest().key = key;
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
    report.updated = writer.updating();
    report.removed = writer.files_removed() + (content.children.empty() ? 0 : restricted.files_removed());
    return report;
}

}  // namespace

}  // namespace safesite
