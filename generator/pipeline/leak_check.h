// The leak guard over a whole build, at any number of children.
//
// Every public file is searched for every child's needles before the site
// is put in place. While the needles fit in a fixed budget they are held in
// memory and each file is searched as it is written. A council's thousands
// of records do not fit: their needles are then read back from what the
// build keeps of each record (pipeline/child_cache.h), a budget's worth at a
// time, and the public files read back from the unpublished site and
// searched once for each part, before anything is published.
//
// A public file kept from the last build was searched then, for the needles
// of that build; it is searched again only for the children whose records
// are new or changed since.
#pragma once

#include "analysis/leak_guard.h"
#include "output/site_writer.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

class LeakCheck {
public:
    // `budget`: text needles held at once (16 bytes each), in all.
    LeakCheck(FileSystem& fs, const std::string& content_dir, std::size_t budget);

    // In the children pass, in order: each child's needles, and whether its
    // record was read afresh (new or changed) rather than kept.
    void add(const ChildNeedles& needles, bool changed);

    // A public file about to be written: the leak in it, if the needles are
    // in memory and one is found. Safe to call from several threads.
    std::optional<Leak> find(const std::string& path, std::string_view data);

    // Once every public file is written (staged) or kept, and the record's
    // parts (of `parts` written to `restricted`) are staged: searches what
    // could not be searched as it was written. An error for each leak.
    bool finish(SiteWriter& site, SiteWriter& restricted, int parts, Diagnostics& diags);

    // Names held at once past the budget. When only a few of each child's
    // texts are held (analysis/page_places.h), the names set how many
    // children a part has: with 5,000 children in one part, the build's peak
    // memory went from 55 to 76 MiB; in parts of about 1,000 it stays at 55.
    static constexpr std::size_t kNamesAtOnce = 10000;

    // A leak as the build reports it.
    static void report(const std::string& path, const Leak& leak, Diagnostics& diags);

private:
    std::unique_ptr<LeakGuard> guard();
    FileSystem& fs_;
    std::string content_dir_;
    std::size_t budget_;
    std::unique_ptr<LeakGuard> all_;      // every child's needles, while they fit
    std::unique_ptr<LeakGuard> changed_;  // the new and changed children's, while they fit
    std::size_t all_texts_ = 0, changed_texts_ = 0, held_ = 0;  // text needles in each, and in both
    bool any_changed_ = false;
    std::mutex lock_;
    std::vector<std::string> searched_;  // public files searched as they were written
};

}  // namespace safesite
