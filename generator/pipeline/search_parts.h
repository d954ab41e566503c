// Writing the search index's parts as pages are built: each part is written
// as soon as its last page is done and its text then released, so memory
// holds a few parts at most; in an update, a part whose pages were all kept
// is kept too, and one with rebuilt pages takes the others' entries from
// the part the last build wrote.
#pragma once

#include "output/site_writer.h"
#include "render/search_index.h"

#include <atomic>
#include <functional>

namespace safesite {

class SearchParts {
public:
    using Publish = std::function<bool(const std::string& path, std::string_view data, Diagnostics& into)>;

    // `reuse`: the site plan is the last build's, so page i is in the same part as before.
    SearchParts(std::size_t pages, bool reuse, SiteWriter& writer, FileSystem& fs, std::string out_dir);

    std::size_t parts() const { return remaining_.size(); }
    // Whether page i may be kept: the last build's part holding it is there to reuse.
    bool reusable(std::size_t page) const { return reusable_[page / kPagesPerSearchPart]; }

    // One call per page, from any thread, once it is done: with its entry
    // (empty if the page is not searched), or with kept=true and `entry` the
    // page's address (empty if not searched), to reuse the entry the last
    // build wrote.
    bool done(std::size_t page, std::string entry, bool kept, const Publish& publish, Diagnostics& into);

private:
    bool finish_part(std::size_t part, const Publish& publish, Diagnostics& into);

    SiteWriter& writer_;
    FileSystem& fs_;
    std::string out_dir_;
    std::size_t pages_;
    std::vector<char> reusable_;  // by part
    std::vector<std::atomic<std::size_t>> remaining_;  // by part: its pages not yet done
    std::vector<std::string> entries_;  // by page; released part by part
    std::vector<char> kept_;            // by page
};

}  // namespace safesite
