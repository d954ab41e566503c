#include "pipeline/search_parts.h"

#include <algorithm>

namespace safesite {

SearchParts::SearchParts(std::size_t pages, bool reuse, SiteWriter& writer, FileSystem& fs, std::string out_dir)
    : writer_(writer),
      fs_(fs),
      out_dir_(std::move(out_dir)),
      pages_(pages),
      remaining_((pages + kPagesPerSearchPart - 1) / kPagesPerSearchPart),
      entries_(pages),
      kept_(pages, 0) {
    for (std::size_t p = 0; p < remaining_.size(); ++p) {
        remaining_[p] = std::min(kPagesPerSearchPart, pages - p * kPagesPerSearchPart);
        reusable_.push_back(reuse && writer_.can_keep(search_part_file(p + 1)));
    }
}

bool SearchParts::done(std::size_t page, std::string entry, bool kept, const Publish& publish, Diagnostics& into) {
    entries_[page] = std::move(entry);
    kept_[page] = kept;
    std::size_t part = page / kPagesPerSearchPart;
    // The thread that finishes a part's last page writes the part.
    if (remaining_[part].fetch_sub(1) != 1) return true;
    return finish_part(part, publish, into);
}

bool SearchParts::finish_part(std::size_t part, const Publish& publish, Diagnostics& into) {
    std::size_t first = part * kPagesPerSearchPart, last = std::min(pages_, first + kPagesPerSearchPart);
    std::string file = search_part_file(part + 1);
    bool all_kept = std::all_of(kept_.begin() + static_cast<std::ptrdiff_t>(first), kept_.begin() + static_cast<std::ptrdiff_t>(last), [](char k) { return k; });
    bool ok = true;
    if (all_kept && writer_.keep(file)) {
        // Nothing in this part changed.
    } else {
        std::optional<std::string> old;
        std::unordered_map<std::string_view, std::string_view> old_entries;
        if (reusable_[part] && (old = fs_.read(join_path(out_dir_, file), nullptr))) old_entries = search_entries(*old);
        std::vector<std::string_view> entries;
        for (std::size_t i = first; i < last; ++i) {
            if (!kept_[i]) {
                if (!entries_[i].empty()) entries.push_back(entries_[i]);
                continue;
            }
            // A kept page's entry is the one the last build wrote for it.
            std::string_view address = entries_[i];
            if (address.empty()) continue;  // not searched
            auto found = old_entries.find(address);
            if (found == old_entries.end()) {
                into.error({join_path(out_dir_, file), 0, 0}, "the search index part has no entry for " + std::string(address),
                           "a file in the site was changed by hand: build again with --full");
                ok = false;
                break;
            }
            entries.push_back(found->second);
        }
        ok = ok && publish(file, search_part_json(entries), into);
    }
    for (std::size_t i = first; i < last; ++i) std::string().swap(entries_[i]);  // frees each, which assigning "" would not
    return ok;
}

}  // namespace safesite
