#include "build/children_pass.h"

#include "analysis/practice_checks.h"
#include "content/child_loader.h"
#include "support/parallel.h"

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

    std::vector<Child> batch;
    std::vector<Diagnostics> findings;
    auto flush = [&] {
        // Documents are written only while the build has no error: one later on abandons them all.
        if (context && !result.failed && !diags.has_errors() && !batch.empty()) {
            if (!result.opened && !(result.opened = pass.restricted.begin(diags, pass.options.full))) result.failed = true;
            std::vector<Diagnostics> problems(batch.size());
            std::vector<int> pages(batch.size(), 0);
            std::atomic<bool> failed{false};
            if (!result.failed)
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
        diags.append(f);
        guard.add(c);
        result.children.push_back(summary_of(c, f));
        batch.push_back(std::move(c));
        findings.push_back(std::move(f));
        if (batch.size() == kBatch) flush();
    });
    flush();
    return result;
}

}  // namespace safesite
