// Watching the content and template folders for edits (Linux inotify), so
// the preview rebuilds as soon as a file is saved. Sub-folders are watched
// too, including ones made after the watch began.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace safesite {

class FolderWatcher {
public:
    // Folders that do not exist are skipped; `error` says why nothing can be
    // watched at all (for example, inotify limits).
    explicit FolderWatcher(const std::vector<std::string>& folders);
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    bool ok() const { return fd_ >= 0; }
    const std::string& error() const { return error_; }

    // Blocks until a file changes, then until `settle` passes with no more
    // changes (an editor's save is often several events). False once stop()
    // has been called.
    bool wait_for_change(std::chrono::milliseconds settle);
    // Wakes wait_for_change from another thread or a signal handler.
    void stop();

private:
    void watch_tree(const std::string& folder);
    // Reads what is pending; true if any event was about a file's content or name.
    bool drain();

    int fd_ = -1;
    int wake_ = -1;  // an eventfd that stop() writes to
    std::map<int, std::string> folders_;  // watch descriptor -> folder path
    std::string error_;
};

}  // namespace safesite
