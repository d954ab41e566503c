// Publishing a site atomically: everything is written into a fresh folder
// beside the target, which replaces the target in one rename only when the
// whole build has succeeded. A failed or killed build leaves the previous
// site exactly as it was.
#pragma once

#include "support/diagnostics.h"
#include "support/file_system.h"

#include <atomic>

namespace safesite {

class SiteWriter {
public:
    SiteWriter(FileSystem& fs, std::string target);
    ~SiteWriter();

    // Prepares the staging folder. Refuses a target that exists but was not
    // made by safesite, so a mistyped --out cannot replace other files.
    bool begin(Diagnostics& diags);
    bool write(const std::string& relative, std::string_view data, Diagnostics& diags);
    // Swaps the staged tree into place and removes the old one.
    bool commit(Diagnostics& diags);
    // Drops everything staged; the target is untouched.
    void abandon();

    int files_written() const { return files_.load(); }
    const std::string& staging() const { return staging_; }

    // The file that marks a folder as one safesite made.
    static constexpr const char* kMarker = ".safesite";

private:
    FileSystem& fs_;
    std::string target_;
    std::string staging_;
    bool open_ = false;
    std::atomic<int> files_{0};  // write() may be called from several threads
};

}  // namespace safesite
