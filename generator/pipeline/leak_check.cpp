#include "pipeline/leak_check.h"

#include "analysis/page_places.h"
#include "content/child_loader.h"
#include "content/content_folder.h"
#include "pipeline/child_cache.h"
#include "support/parallel.h"

#include <algorithm>
#include <unordered_set>

namespace safesite {

namespace {

// Files copied from the theme as they are were never searched; everything else published is.
bool searched_file(const std::string& path) { return !path.starts_with("assets/") || path == "assets/theme.css"; }

// The places of `files` (in the unpublished site), if they are few enough bytes for a filter to help.
std::optional<PagePlaces> places_of(FileSystem& fs, SiteWriter& site, const std::vector<std::string>& files) {
    std::size_t bytes = 0;
    for (const std::string& file : files) {
        auto stamp = fs.stamp(site.current_path(file));
        bytes += stamp ? static_cast<std::size_t>(stamp->size) : 0;
        if (bytes > PagePlaces::kMostBytes) return std::nullopt;
    }
    PagePlaces places(bytes);
    for (const std::string& file : files) {
        std::string err;
        auto data = fs.read(site.current_path(file), &err);
        if (!data || data->size() > bytes) return std::nullopt;  // changed, or unreadable: the search reports it
        bytes -= data->size();
        places.add(*data);
    }
    return places;
}

}  // namespace

LeakCheck::LeakCheck(FileSystem& fs, const std::string& content_dir, std::size_t budget)
    : fs_(fs), content_dir_(content_dir), budget_(budget), all_(guard()), changed_(guard()) {}

std::unique_ptr<LeakGuard> LeakCheck::guard() {
    auto g = std::make_unique<LeakGuard>();
    // A text found by its hashes is shown only if the child's record really holds it.
    g->confirm_with([this](const std::string& source_path, std::string_view found) {
        ContentFolder folder(fs_, content_dir_, {});
        std::string_view name = source_path;
        name.remove_prefix(std::min(name.size(), std::string_view("children/").size()));
        Diagnostics ignored;
        auto child = load_child(folder, std::string(name.substr(0, name.find('/'))), ignored);
        bool held = !child;  // a record that cannot be read again is taken at its hashes' word
        if (child)
            LeakGuard::for_each_text(*child, [&](const std::string& text) { held = held || std::string_view(text).substr(0, LeakGuard::kLongest) == found; });
        return held;
    });
    return g;
}

void LeakCheck::add(const ChildNeedles& needles, bool changed) {
    // Both sets share the budget: in a first build every child is new, and is in both.
    auto take = [&](std::unique_ptr<LeakGuard>& into, std::size_t& texts) {
        if (!into) return;
        if (held_ + needles.texts.size() > budget_) {
            held_ -= texts;
            into.reset();  // searched for a part at a time, once every public file is written
            return;
        }
        into->add(needles);
        texts += needles.texts.size();
        held_ += needles.texts.size();
    };
    take(all_, all_texts_);
    if (changed) {
        any_changed_ = true;
        take(changed_, changed_texts_);
    }
}

std::optional<Leak> LeakCheck::find(const std::string& path, std::string_view data) {
    {
        std::lock_guard hold(lock_);
        searched_.push_back(path);
    }
    return all_ ? all_->find(data) : std::nullopt;
}

void LeakCheck::report(const std::string& path, const Leak& leak, Diagnostics& diags) {
    diags.error({leak.source_path, 0, 0}, "the public page " + path + " would contain \"" + leak.found + "\" from this child's record; nothing was published",
                "case data is never published: remove it from the public content or the templates");
}

bool LeakCheck::finish(SiteWriter& site, SiteWriter& restricted, int parts, Diagnostics& diags) {
    // A file written with the bytes the last build gave it is kept, as if it had not been written.
    std::vector<std::string> fresh, kept;
    for (const std::string& path : searched_)
        if (site.staged(path)) fresh.push_back(path);
    std::unordered_set<std::string> written(fresh.begin(), fresh.end());
    for (const auto& [path, _] : site.manifest().outputs)
        if (!written.count(path) && searched_file(path)) kept.push_back(path);
    std::sort(kept.begin(), kept.end());
    std::sort(fresh.begin(), fresh.end());

    // What each kind of file still has to be searched for.
    std::vector<std::string> with_all;  // by every child, a part at a time
    if (!all_) with_all = fresh;
    if (any_changed_ && !changed_) with_all.insert(with_all.end(), kept.begin(), kept.end());
    bool ok = true;
    // The files are read and searched on every core (the guard is only read),
    // and what is found is reported in the files' order.
    auto search = [&](const LeakGuard& g, const std::vector<std::string>& files) {
        std::vector<Diagnostics> found(files.size());
        parallel_for(files.size(), default_jobs(), [&](std::size_t i) {
            std::string err;
            auto data = fs_.read(site.current_path(files[i]), &err);
            if (!data)
                found[i].error({site.current_path(files[i]), 0, 0}, "cannot read the page back to search it for case data: " + err);
            else if (auto leak = g.find(*data))
                report(files[i], *leak, found[i]);
        });
        for (const Diagnostics& d : found)
            if (d.has_errors()) {
                diags.append(d);
                ok = false;
            }
    };
    if (any_changed_ && changed_) search(*changed_, kept);
    if (with_all.empty()) return ok;

    // A small public site is looked at once, and only the texts that could be in it are held.
    std::optional<PagePlaces> places = places_of(fs_, site, with_all);
    ChildNeedles held;
    std::unique_ptr<LeakGuard> part = guard();
    std::size_t texts = 0, names = 0;
    for (int p = 0; p < parts; ++p) {
        std::string err;
        auto data = fs_.read(restricted.current_path(child_cache_part(p)), &err);
        if (!data) {
            diags.error({restricted.current_path(child_cache_part(p)), 0, 0}, "cannot read back what the build keeps of the children's records: " + err);
            return false;
        }
        for_each_cached_child(*data, [&](const CachedChild& c) {
            const ChildNeedles& needles = places ? (held = places->could_be_in_pages(c.needles)) : c.needles;
            if (part->children() > 0 && (texts + needles.texts.size() > budget_ || names + needles.names.size() > kNamesAtOnce)) {
                search(*part, with_all);
                part = guard();
                texts = names = 0;
            }
            part->add(needles);
            texts += needles.texts.size();
            names += needles.names.size();
        });
    }
    if (part->children() > 0) search(*part, with_all);
    return ok;
}

}  // namespace safesite
