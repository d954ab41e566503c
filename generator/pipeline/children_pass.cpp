#include "pipeline/children_pass.h"

#include "analysis/practice_checks.h"
#include "content/child_loader.h"
#include "pipeline/child_cache.h"
#include "render/child/child_words.h"
#include "support/parallel.h"

#include <algorithm>
#include <mutex>

namespace safesite {

namespace {

// Records read and checked at once, on every core, before they are reported in order.
constexpr std::size_t kReadAhead = 64;

}  // namespace

ChildrenResult build_children(const ChildrenPass& pass, LeakCheck& leaks, Diagnostics& diags) {
    ChildrenResult result;
    ContentFolder folder(pass.fs, pass.options.content_dir, pass.options.limits);
    const RestrictedContext* context = nullptr;
    std::optional<RestrictedContext> made;
    if (pass.templates) context = &made.emplace(RestrictedContext{pass.content.site, *pass.templates, pass.abbreviations, pass.options.today});
    std::mutex diags_lock;
    auto write = [&](const std::string& path, std::string_view data) {
        Diagnostics local;
        bool ok = pass.restricted.write(path, data, local);
        if (!ok) {
            std::lock_guard hold(diags_lock);
            diags.append(local);
        }
        return ok;
    };

    // Documents are written only while the build has no error: one later on abandons them all.
    auto building = [&] { return context && !result.failed && !diags.has_errors(); };
    // The restricted tree is opened, and its last record read, at the first child.
    const Manifest* before = nullptr;
    bool reuse = false;
    auto open = [&] {
        if (!result.opened) {
            if (!(result.opened = pass.restricted.begin(diags, pass.options.full))) {
                result.failed = true;
                return false;
            }
            before = pass.restricted.previous();
            reuse = before && pass.restricted.updating() && before->key == pass.key && before->global == pass.context;
        }
        return !result.failed;
    };

    // Findings past the first so many are set aside, which needs them in order: folders are
    // gone through in the order of their files' paths, and each child's findings sorted.
    std::size_t shown = 0;
    auto report = [&](const std::vector<Diagnostic>& found) {
        for (const Diagnostic& d : found)
            if (++shown > pass.options.findings_in_memory)
                diags.set_aside(d);
            else
                diags.add(d);
    };
    std::vector<std::string> names = child_folders(folder);
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return a + '/' < b + '/'; });
    if (names.size() > LeakGuard::kMostChildren) {
        diags.error({"children", 0, 0}, "there are " + std::to_string(names.size()) + " children's records, more than safesite can guard",
                    "build the site from at most " + std::to_string(LeakGuard::kMostChildren) + " records at a time");
        return result;
    }
    // What the last build kept of each record, read as the folders are gone through.
    std::optional<ChildCacheReader> last;
    std::optional<ChildCacheWriter> next;
    // A record whose file is as the last build found it, and whose documents
    // are still there, is not read again: its findings, line in the index
    // and needles come from what the last build kept.
    struct Kept {
        std::string raw;
        CachedChild child;
        std::vector<std::string> files;
    };
    auto keepable = [&](const std::string& name, const FileStamp& stamp) -> std::optional<Kept> {
        if (!reuse || stamp.size < 0) return std::nullopt;
        if (!last) last.emplace(pass.fs, pass.options.restricted_dir);
        auto raw = last->find(name);
        if (!raw) return std::nullopt;
        auto kept = decode_cached_child(*raw);
        if (!kept || !(kept->stamp == stamp)) return std::nullopt;
        auto files = child_document_files(kept->summary.id, kept->summary.my_plan);
        if (!std::all_of(files.begin(), files.end(), [&](const std::string& file) { return pass.restricted.can_keep(file); })) return std::nullopt;
        return Kept{std::string(*raw), std::move(*kept), std::move(files)};
    };
    auto keep = [&](Kept& k) {
        report(k.child.findings);
        leaks.add(k.child.needles, false);
        result.children.push_back(k.child.summary);
        for (const auto& file : k.files) pass.restricted.keep(file);
        result.pages += static_cast<int>(k.files.size());
        ++result.kept;
        if (!next->add(k.raw, diags)) result.failed = true;
    };
    // A record read and checked on any core; what is done with it after is
    // done in the order of the folders, so the output is the same for any
    // number of cores.
    struct Read {
        std::string name;
        FileStamp stamp{-1, -1};
        std::optional<Kept> kept;
        std::optional<Child> child;
        Diagnostics loading;  // the record's own problems, kept apart until their turn
        Diagnostics findings;
        std::vector<Diagnostic> sorted;
        ChildNeedles needles;
        // Its documents, rendered on the same core straight after the checks.
        Diagnostics rendering;
        int pages = 0;
        bool rendered = true;
    };
    // Whether this round of records is rendered: decided before it is read, in order.
    bool render_round = false;
    auto read_and_check = [&](Read& r) {
        std::string source;
        r.child = load_child(folder, r.name, r.loading, &source);
        if (!r.child) return;
        r.findings = check_child(*r.child, pass.abbreviations, pass.content.site.thresholds, pass.options.today);
        check_child_words(*r.child, r.findings);
        // Quoted now, while the file is at hand, so a later build can show them without reading it.
        r.findings.quote_source_lines([&](const std::string& p) -> std::optional<std::string> {
            if (p == r.child->source_path) return source;
            std::string err;
            return pass.fs.read(join_path(pass.options.content_dir, p), &err);
        });
        r.sorted = r.findings.sorted();
        r.needles = LeakGuard::needles_of(*r.child);
        if (render_round) r.rendered = render_child_documents(*context, *r.child, r.findings, write, r.rendering, &r.pages);
    };
    unsigned jobs = pass.options.jobs ? pass.options.jobs : default_jobs();
    for (std::size_t from = 0; from < names.size(); from += kReadAhead) {
        std::vector<Read> reads(std::min(kReadAhead, names.size() - from));
        // In order: each record's stamp in the manifest, and what the last build kept.
        for (std::size_t i = 0; i < reads.size(); ++i) {
            Read& r = reads[i];
            r.name = names[from + i];
            if (!(building() && open())) continue;
            std::string path = "children/" + r.name + "/child.xml";
            r.stamp = pass.fs.stamp(join_path(pass.options.content_dir, path)).value_or(FileStamp{-1, -1});
            PageRecord record;
            record.stamp = r.stamp;
            pass.restricted.manifest().pages[path] = std::move(record);
            if (!next) next.emplace(pass.restricted);
            r.kept = keepable(r.name, r.stamp);
        }
        // Reading, checking, the needles and the documents of every record on every core.
        // A record with an error abandons every document written, so this
        // round's are only wasted work if one of its records has one.
        render_round = building() && result.opened;
        parallel_for(reads.size(), jobs, [&](std::size_t i) {
            if (!reads[i].kept) read_and_check(reads[i]);
        });
        for (Read& r : reads) {
            if (r.kept) {
                keep(*r.kept);
                continue;
            }
            diags.append(r.loading);
            if (!r.child) continue;
            report(r.sorted);
            leaks.add(r.needles, true);
            ChildSummary summary = summary_of(*r.child, r.sorted);
            result.children.push_back(summary);
            if (next && building() && !next->add(encode_cached_child({r.name, r.stamp, summary, std::move(r.sorted), std::move(r.needles)}), diags))
                result.failed = true;
            if (!render_round || !building()) continue;
            diags.append(r.rendering);
            result.pages += r.pages;
            if (!r.rendered) result.failed = true;
        }
    }
    if (next && building() && !next->finish(diags)) result.failed = true;
    if (next) result.cache_parts = next->parts();
    return result;
}

}  // namespace safesite
