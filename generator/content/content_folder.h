// The content folder as loaders see it: every read goes through here, and
// nothing outside the folder can be reached, by "..", an absolute path, a
// Windows path or a symlink.
#pragma once

#include "support/diagnostics.h"
#include "support/file_system.h"
#include "support/path_segments.h"

#include <mutex>
#include <optional>
#include <unordered_map>
#include <string>

namespace safesite {

struct ContentLimits {
    long long max_file_bytes = 8 * 1024 * 1024;
};

class ContentFolder {
public:
    ContentFolder(FileSystem& fs, std::string root, ContentLimits limits = {});

    FileSystem& fs() { return fs_; }
    const std::string& root() const { return root_; }
    bool exists() { return fs_.is_directory(root_); }

    // True if `relative` names a file inside the folder. Otherwise reports
    // why at `referenced_from` and returns false.
    bool check_reference(std::string_view relative, const Location& referenced_from, Diagnostics& diags);
    // Reads content/`relative`; problems are reported against the file itself.
    // `stamp`, if given, gets the file's size and time as read.
    std::optional<std::string> read(const std::string& relative, Diagnostics& diags, FileStamp* stamp = nullptr);
    bool has(const std::string& relative) { return fs_.exists(join_path(root_, relative)); }
    std::vector<DirectoryEntry> list(const std::string& relative) { return fs_.list(join_path(root_, relative)); }

private:
    bool inside(const std::string& relative);
    bool folder_inside(const std::string& relative);
    bool known_inside(const std::string& folder);  // with folders_lock_ held
    bool within(const std::string& real, bool or_root) const;

    FileSystem& fs_;
    std::string root_;
    std::optional<std::string> real_root_;
    std::mutex folders_lock_;  // pages are read from several threads
    std::unordered_map<std::string, bool> folders_inside_;  // by folder, relative
    ContentLimits limits_;
};

// `href` read relative to the folder of `file` (both inside the content
// folder), as HTML reads a link: "foreword.md" in "reports/2023-24/report.xml"
// is "reports/2023-24/foreword.md". Empty, with *reason set, for a path that
// is absolute or climbs out of the content folder.
std::string resolve_beside(std::string_view file, std::string_view href, std::string* reason);

}  // namespace safesite
