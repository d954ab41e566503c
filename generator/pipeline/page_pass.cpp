#include "pipeline/page_pass.h"

#include "analysis/site_checks.h"
#include "pipeline/reuse.h"
#include "pipeline/search_parts.h"
#include "content/site_loader.h"
#include "render/pages/pages.h"
#include "support/parallel.h"

#include <atomic>
#include <unordered_map>

namespace safesite {

PagePassResult build_pages(const PagePass& pass) {
    const auto& pages = pass.map.pages();
    const bool publishing = pass.site != nullptr;
    const bool keep_pages = publishing && pass.before != nullptr;
    std::unordered_map<std::string_view, const Page*> pages_by_slug;
    for (const Page& p : pass.content.pages) pages_by_slug.emplace(p.slug, &p);
    ContentFolder folder(pass.fs, pass.options.content_dir, pass.options.limits);

    PagePassResult result;
    result.diags.resize(pages.size());
    std::vector<char> kept(pages.size(), 0);
    SearchParts search(pages.size(), keep_pages, pass.writer, pass.fs, pass.options.out_dir);
    std::atomic<bool> failed{false};
    std::atomic<std::size_t> done{0}, built{0};
    parallel_for(pages.size(), pass.options.jobs ? pass.options.jobs : default_jobs(), [&](std::size_t i) {
        const SitePage& page = pages[i];
        Diagnostics& here = result.diags[i];
        bool searchable = page.kind != "not-found" && page.kind != "search" && page.kind != "all-pages";
        // Every page ends here, once: its search entry (if any) goes to its part.
        auto finish = [&](std::string entry, bool keeping) {
            if (publishing && !failed && !search.done(i, std::move(entry), keeping, pass.publish, here)) failed = true;
            if (pass.options.progress) pass.options.progress(++done, pages.size());
        };
        const Page* source = nullptr;
        if (auto it = page.kind == "page" || page.kind == "section" ? pages_by_slug.find(page.key) : pages_by_slug.end(); it != pages_by_slug.end())
            source = it->second;
        // Other pages show only the site plan and the inputs other than the
        // free pages' text (which is not even in memory), so they are kept
        // whenever those are unchanged; a free page, when its file is too.
        // A section's made page shows only the plan.
        bool from_file = source && !source->generated;
        if (keep_pages && (!from_file || source->unchanged) && search.reusable(i) && pass.writer.can_keep(page.file)) {
            if (from_file)
                for (const Diagnostic& d : pass.before->pages.at(source->source_path).warnings) here.add(d);
            kept[i] = 1;
            return finish(searchable ? page.file : std::string(), true);
        }
        std::optional<Page> body;
        if (from_file) {
            body = source->source.empty() ? read_page(folder, source->source_path, here)
                                          : page_from_text(source->source_path, source->source, source->stamp, here);
            if (!body) {
                failed = true;
                return finish({}, false);
            }
            check_markdown({body->source_path, body->source, body->body_first_line, body->tree.get(), page.file}, pass.map,
                           pass.content.glossary_loaded ? &pass.abbreviations : nullptr, here);
        }
        if (!publishing || failed || here.has_errors()) {
            if (here.has_errors()) failed = true;
            return finish({}, false);
        }
        ++built;
        auto html = render_in_layout(*pass.site,
                                     from_file ? free_page(*pass.site, page, *source, body->tree.get())
                                     : source  ? section_page(*pass.site, page, *source)
                                               : page_frame_for(*pass.site, page),
                                     here);
        body.reset();
        if (!html || !pass.publish(page.file, *html, here)) {
            failed = true;
            return finish({}, false);
        }
        finish(searchable ? search_entry(page.file, page.title, *html) : std::string(), false);
    });
    result.failed = failed;
    result.built = built;
    result.search_parts = search.parts();
    if (failed || !publishing) return result;

    // The next build's record: what was kept, and each free page's plan and warnings.
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (kept[i]) pass.writer.keep(pages[i].file);
        auto it = pages[i].kind == "page" ? pages_by_slug.find(pages[i].key) : pages_by_slug.end();
        if (it == pages_by_slug.end()) continue;  // a section's made page has no file to record
        const Page& p = *it->second;
        PageRecord r = record_of(p);
        for (const Diagnostic& item : result.diags[i].items())
            if (item.where.path == p.source_path && item.severity == Severity::warning) {
                r.warnings.push_back(item);
                r.warnings.back().source_line.clear();  // quoted again from the file when shown
            }
        pass.writer.manifest().pages.emplace(p.source_path, std::move(r));
    }
    return result;
}

}  // namespace safesite
