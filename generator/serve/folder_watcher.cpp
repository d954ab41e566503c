#include "serve/folder_watcher.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace safesite {

namespace {

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF |
                                  IN_MOVE_SELF | IN_ATTRIB;

bool is_folder(const std::string& path) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

FolderWatcher::FolderWatcher(const std::vector<std::string>& folders) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd_ < 0 || wake_ < 0) {
        error_ = std::string("cannot watch files: ") + std::strerror(errno);
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        return;
    }
    for (const std::string& f : folders)
        if (is_folder(f)) watch_tree(f);
    if (folders_.empty()) {
        error_ = "none of the folders to watch exists";
        ::close(fd_);
        fd_ = -1;
    }
}

FolderWatcher::~FolderWatcher() {
    if (fd_ >= 0) ::close(fd_);
    if (wake_ >= 0) ::close(wake_);
}

void FolderWatcher::watch_tree(const std::string& folder) {
    int wd = ::inotify_add_watch(fd_, folder.c_str(), kEvents | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (wd < 0) {
        if (error_.empty()) error_ = folder + ": cannot watch: " + std::strerror(errno);
        return;
    }
    folders_[wd] = folder;
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    while (dirent* e = ::readdir(dir)) {
        if (e->d_name[0] == '.') continue;  // ".", ".." and editors' hidden files
        std::string child = folder + "/" + e->d_name;
        if (is_folder(child)) watch_tree(child);
    }
    ::closedir(dir);
}

bool FolderWatcher::drain() {
    bool changed = false;
    alignas(inotify_event) char buf[16384];
    for (;;) {
        ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) break;
        for (char* p = buf; p < buf + n;) {
            auto* e = reinterpret_cast<inotify_event*>(p);
            p += sizeof(inotify_event) + e->len;
            auto folder = folders_.find(e->wd);
            if (e->mask & IN_IGNORED) {
                if (folder != folders_.end()) folders_.erase(folder);
                continue;
            }
            if (e->mask & IN_Q_OVERFLOW) {
                changed = true;  // some events were lost: rebuild to be sure
                continue;
            }
            if (folder == folders_.end()) continue;
            std::string name = e->len ? e->name : "";
            // Editors' swap and backup files are not content.
            if (!name.empty() && (name[0] == '.' || name.back() == '~' || name.ends_with(".swp") || name.ends_with(".swx")))
                continue;
            if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR)) watch_tree(folder->second + "/" + name);
            changed = true;
        }
    }
    return changed;
}

bool FolderWatcher::wait_for_change(std::chrono::milliseconds settle) {
    if (fd_ < 0) return false;
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_, POLLIN, 0}};
    bool changed = false;
    while (!changed) {
        if (::poll(fds, 2, -1) < 0 && errno != EINTR) return false;
        if (fds[1].revents & POLLIN) return false;
        if (fds[0].revents & POLLIN) changed = drain();
    }
    // Let the burst of events from one save finish.
    for (;;) {
        int ready = ::poll(fds, 2, static_cast<int>(settle.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return true;
        if (fds[1].revents & POLLIN) return false;
        drain();
    }
}

void FolderWatcher::stop() {
    std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_, &one, sizeof one);
}

}  // namespace safesite
