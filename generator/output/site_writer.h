// Publishing a site safely and doing as little as possible.
//
// With no usable record of the last build (or --full), everything is
// written into a fresh folder beside the target, which replaces the target
// in one rename only when the whole build has succeeded.
//
// Otherwise the build is an update: a file whose bytes are what the last
// build published is not written again, changed files are staged beside
// the target, and on commit they are moved in (each move atomic) and files
// the site no longer has are removed. The list of moves is written before
// the first one, so a build killed part way through is finished by the
// next run. A failed build changes nothing in either case.
#pragma once

#include "output/manifest.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <vector>

namespace safesite {

class SiteWriter {
public:
    enum class Readers { everyone, owner_only };
    // With Readers::owner_only every folder is 0700 and every file 0600
    // (children's documents), whatever the umask.
    SiteWriter(FileSystem& fs, std::string target, Readers readers = Readers::everyone);
    ~SiteWriter();

    // The last build's record, if the target has one this version can use.
    // Read on the first call, which may be on another thread while the
    // inputs are scanned; usable before begin().
    const Manifest* previous();

    // Prepares the staging folder. Refuses a target that exists but was not
    // made by safesite, so a mistyped --out cannot replace other files.
    // `full` ignores the last build's record.
    bool begin(Diagnostics& diags, bool full = false);
    // Writes a file unless the target already has exactly these bytes.
    bool write(const std::string& relative, std::string_view data, Diagnostics& diags);
    // Keeps a file the last build published without rendering it again.
    // False if there is no record of it.
    bool keep(const std::string& relative);
    // Whether keep() would succeed; records nothing, so threads can ask at once.
    bool can_keep(const std::string& relative) const;
    // Where a file of the new site is until commit(): staged, or kept in the target.
    std::string current_path(const std::string& relative) const;
    // Whether a file was written anew by this build (rather than kept as the target has it).
    bool staged(const std::string& relative) const { return !updating_ || staged_set_.count(relative) > 0; }
    // The record the next build will read; the build fills in its pages.
    Manifest& manifest() { return next_; }
    // Puts the new site in place, and removes files it no longer has.
    bool commit(Diagnostics& diags);
    // Drops everything staged; the target is untouched.
    void abandon();

    bool updating() const { return updating_; }
    int files_written() const { return files_.load(); }
    int files_removed() const { return removed_; }

    // The file that marks a folder as one safesite made, and holds its manifest.
    static constexpr const char* kMarker = ".safesite";
    // In the staging folder: the moves an update makes, written before the first.
    static constexpr const char* kJournal = ".safesite-commit";

private:
    bool record_output(const std::string& relative, std::uint64_t hash);
    bool apply_journal(std::string* err);
    bool write_file(const std::string& path, std::string_view data, std::string* err);
    bool restrict(const std::string& path, std::string* err);
    bool restrict_one(const std::string& path, std::string* err);
    bool close_folders_made(std::string* err);

    FileSystem& fs_;
    std::string target_;
    std::string staging_;
    Readers readers_;
    bool open_ = false;
    bool updating_ = false;
    bool read_previous_ = false;
    std::optional<Manifest> previous_;
    Manifest next_;
    std::vector<std::string> staged_;  // paths written to staging in an update
    std::unordered_set<std::string> staged_set_;
    std::mutex lock_;                  // write() and keep() are called from several threads
    std::atomic<int> files_{0};
    int removed_ = 0;
};

}  // namespace safesite
