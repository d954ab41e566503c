#include "pipeline/children_pass.h"

#include "analysis/practice_checks.h"
#include "content/child_loader.h"
#include "render/child/child_words.h"
#include "support/parallel.h"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace safesite {

namespace {

constexpr std::size_t kBatch = 64;

}  // namespace

ChildrenResult build_children(const ChildrenPass& pass, LeakGuard& guard, Diagnostics& diags) {
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

    std::vector<Child> batch;
    std::vector<Diagnostics> findings;
    auto flush = [&] {
        if (building() && !batch.empty() && open()) {
            std::vector<Diagnostics> problems(batch.size());
            std::vector<int> pages(batch.size(), 0);
            std::atomic<bool> failed{false};
            parallel_for(batch.size(), pass.options.jobs ? pass.options.jobs : default_jobs(), [&](std::size_t i) {
                if (!render_child_documents(*context, batch[i], findings[i], write, problems[i], &pages[i])) failed = true;
            });
            for (std::size_t i = 0; i < batch.size(); ++i) {
                diags.append(problems[i]);
                result.pages += pages[i];
            }
            if (failed) result.failed = true;
        }
        batch.clear();
        findings.clear();
    };
    for_each_child(folder, diags, [&](Child&& c) {
        Diagnostics f = check_child(c, pass.abbreviations, pass.content.site.thresholds, pass.options.today);
        check_child_words(c, f);
        diags.append(f);
        guard.add(c);
        result.children.push_back(summary_of(c, f));
        if (building() && open()) {
            PageRecord record;
            record.stamp = pass.fs.stamp(join_path(pass.options.content_dir, c.source_path)).value_or(FileStamp{-1, -1});
            auto files = child_document_files(c);
            bool keep = false;
            if (reuse)
                if (auto last = before->pages.find(c.source_path); last != before->pages.end())
                    keep = last->second.stamp == record.stamp && record.stamp.size >= 0 &&
                           std::all_of(files.begin(), files.end(), [&](const std::string& file) { return pass.restricted.can_keep(file); });
            pass.restricted.manifest().pages[c.source_path] = std::move(record);
            if (keep) {
                for (const auto& file : files) pass.restricted.keep(file);
                result.pages += static_cast<int>(files.size());
                ++result.kept;
                return;
            }
        }
        batch.push_back(std::move(c));
        findings.push_back(std::move(f));
        if (batch.size() == kBatch) flush();
    });
    flush();
    return result;
}

}  // namespace safesite
