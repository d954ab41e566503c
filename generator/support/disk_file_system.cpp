#include "support/file_system.h"
#include "support/sorted.h"

#include <algorithm>
#include <limits>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <dirent.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace safesite {

namespace {

FileStamp stamp_of(const struct stat& st) {
    return FileStamp{static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

}  // namespace

namespace {

void list_into(FileSystem& fs, const std::string& root, const std::string& relative, bool stamps, std::string_view leave_out,
               std::vector<DirectoryEntry>& out) {
    std::string dir = relative.empty() ? root : join_path(root, relative);
    for (DirectoryEntry& e : stamps ? fs.list_stamps(dir) : fs.list(dir)) {
        if (e.name.starts_with('.')) continue;  // git's, an editor's or the desktop's own files
        e.name = relative.empty() ? e.name : relative + "/" + e.name;
        if (e.is_directory && !e.is_symlink && !leave_out.empty() && e.name == leave_out) continue;
        if (e.is_directory && !e.is_symlink) list_into(fs, root, e.name, stamps, {}, out);
        else out.push_back(std::move(e));
    }
}

}  // namespace

std::vector<DirectoryEntry> list_tree(FileSystem& fs, const std::string& dir, bool stamps, std::string_view leave_out) {
    std::vector<DirectoryEntry> out;
    list_into(fs, dir, "", stamps, leave_out, out);
    return out;
}

std::string join_path(const std::string& a, const std::string& b) {
    if (a.empty() || a == ".") return b;
    if (b.empty()) return a;
    if (a.back() == '/') return a + b;
    return a + "/" + b;
}

namespace {

// Opens a file to read, with its size and stamp in `r` when it is a regular
// file; -1, with the problem in `r`, when it cannot be opened or is over `max_bytes`.
int open_to_read(const std::string& path, long long max_bytes, bool follow_links, FileSystem::Checked& r, bool* regular) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW));
    if (fd < 0) {
        r.problem = errno == ELOOP && !follow_links ? FileSystem::Checked::is_link : FileSystem::Checked::failed;
        r.error = std::strerror(errno);
        return -1;
    }
    struct stat st;
    *regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (*regular) {
        r.size = static_cast<long long>(st.st_size);
        r.stamp = stamp_of(st);
        if (r.size > max_bytes) {
            ::close(fd);
            r.problem = FileSystem::Checked::too_big;
            return -1;
        }
    }
    return fd;
}

}  // namespace

FileSystem::Checked DiskFileSystem::read_checked(const std::string& path, long long max_bytes, bool follow_links) {
    Checked r;
    bool regular = false;
    int fd = open_to_read(path, max_bytes, follow_links, r, &regular);
    if (fd < 0) return r;
    std::string data;
    if (regular) {
        // One byte more than the size: a file read whole in one call ends
        // short, and a short read of a regular file is its end.
        data.reserve(static_cast<std::size_t>(r.size) + 1);
    }
    char buffer[65536];
    for (;;) {
        // Straight into the string when its size is known, through a buffer otherwise.
        std::size_t room = data.capacity() - data.size();
        ssize_t n;
        bool ended = false;
        if (room > 0) {
            std::size_t at = data.size();
            data.resize(data.capacity());
            n = ::read(fd, data.data() + at, room);
            data.resize(at + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
            ended = regular && n > 0 && static_cast<std::size_t>(n) < room;
        } else {
            n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) data.append(buffer, static_cast<std::size_t>(n));
        }
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            r.problem = Checked::failed;
            r.error = std::strerror(errno);
            ::close(fd);
            return r;
        }
        if (static_cast<long long>(data.size()) > max_bytes) {  // grew while being read
            ::close(fd);
            r.problem = Checked::too_big;
            r.size = static_cast<long long>(data.size());
            return r;
        }
        if (ended) break;
    }
    ::close(fd);
    r.data = std::move(data);
    return r;
}

FileSystem::Checked DiskFileSystem::read_in_pieces(const std::string& path, long long max_bytes, std::size_t piece,
                                                   const std::function<bool(std::string_view)>& each) {
    Checked r;
    bool regular = false;
    int fd = open_to_read(path, max_bytes, true, r, &regular);
    if (fd < 0) return r;
    std::string buffer(piece, '\0');
    long long total = 0;
    for (;;) {
        ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            r.problem = Checked::failed;
            r.error = std::strerror(errno);
            break;
        }
        total += n;
        if (total > max_bytes) {  // grew while being read
            r.problem = Checked::too_big;
            r.size = total;
            break;
        }
        if (!each(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) break;
    }
    ::close(fd);
    return r;
}

std::optional<std::string> DiskFileSystem::read(const std::string& path, std::string* err) {
    Checked r = read_checked(path, std::numeric_limits<long long>::max(), true);
    if (!r.data && err) *err = r.error;
    return std::move(r.data);
}

bool DiskFileSystem::exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

bool DiskFileSystem::is_symlink(const std::string& path) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool DiskFileSystem::is_directory(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

namespace {

// Reads a folder with readdir, asking the file system about an entry only
// when the listing does not say what it is, or when `stamps` asks for sizes
// and times. Those are looked up relative to the open folder, not from the
// root each time, and for a big folder on two threads.
std::vector<DirectoryEntry> read_folder(const std::string& dir, bool stamps) {
    std::vector<DirectoryEntry> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    int fd = ::dirfd(d);
    while (const dirent* e = ::readdir(d)) {
        std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        DirectoryEntry entry;
        entry.name = std::string(name);
        entry.is_symlink = e->d_type == DT_LNK;
        entry.is_directory = e->d_type == DT_DIR;
        // Unknown types (some file systems, and symlinks) need a look; a sentinel marks them
        // (-3: the listing did not say whether it is a link either).
        if (e->d_type != DT_DIR && e->d_type != DT_REG) entry.stamp = FileStamp{e->d_type == DT_UNKNOWN ? -3 : -2, 0};
        out.push_back(std::move(entry));
    }
    auto look = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            DirectoryEntry& entry = out[i];
            bool unknown = entry.stamp.has_value();
            bool maybe_link = unknown && entry.stamp->size == -3;
            entry.stamp.reset();
            if (!stamps && !unknown) continue;
            struct stat st;
            if (maybe_link && ::fstatat(fd, entry.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) entry.is_symlink = S_ISLNK(st.st_mode);
            if (::fstatat(fd, entry.name.c_str(), &st, 0) != 0) continue;
            entry.is_directory = S_ISDIR(st.st_mode);
            if (stamps && S_ISREG(st.st_mode)) entry.stamp = stamp_of(st);
        }
    };
    if (stamps && out.size() >= 2000) {
        std::thread other(look, out.size() / 2, out.size());
        look(0, out.size() / 2);
        other.join();
    } else {
        look(0, out.size());
    }
    ::closedir(d);
    // By name (a folder may hold thousands).
    return sorted_moving_once(std::move(out), [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
}

}  // namespace

std::vector<DirectoryEntry> DiskFileSystem::list(const std::string& dir) { return read_folder(dir, false); }

std::vector<DirectoryEntry> DiskFileSystem::list_stamps(const std::string& dir) { return read_folder(dir, true); }

std::optional<std::string> DiskFileSystem::real_path(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::canonical(path, ec);
    if (ec) return std::nullopt;
    return p.string();
}

std::optional<long long> DiskFileSystem::size(const std::string& path) {
    std::error_code ec;
    auto n = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    return static_cast<long long>(n);
}

std::optional<FileStamp> DiskFileSystem::stamp(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return stamp_of(st);
}

bool DiskFileSystem::move_file(const std::string& from, const std::string& to, std::string* err) {
    if (std::rename(from.c_str(), to.c_str()) == 0) return true;
    if (errno == ENOENT) {  // the folder it goes into may be new
        std::error_code ec;
        fs::create_directories(fs::path(to).parent_path(), ec);
        if (std::rename(from.c_str(), to.c_str()) == 0) return true;
    }
    if (err) *err = std::strerror(errno);
    return false;
}

bool DiskFileSystem::remove_file(const std::string& path, const std::string& stop, std::string* err) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        if (err) *err = std::strerror(errno);
        return false;
    }
    fs::path top = fs::path(stop).lexically_normal();
    for (fs::path dir = fs::path(path).parent_path(); !dir.empty() && dir.lexically_normal() != top; dir = dir.parent_path())
        if (::rmdir(dir.c_str()) != 0) break;  // not empty, or not ours to remove
    return true;
}

namespace {

// Makes the folder `dir` and any missing above it with `mode` (less the
// umask, or exactly with `exact`); a folder already there is left as it is.
bool make_folders(const std::string& dir, mode_t mode, bool exact) {
    if (dir.empty()) return false;
    if (::mkdir(dir.c_str(), mode) != 0) {
        if (errno == EEXIST) return true;
        if (errno != ENOENT) return false;
        auto slash = dir.find_last_of('/');
        if (slash == std::string::npos || slash == 0 || !make_folders(dir.substr(0, slash), mode, exact)) return false;
        if (::mkdir(dir.c_str(), mode) != 0) return errno == EEXIST;
    }
    return !exact || ::chmod(dir.c_str(), mode) == 0;
}

// Writes `data` to a file opened with `mode`, making its folders with
// `folder_mode` when they are missing; with `exact`, the file ends with
// `mode` whatever the umask or the mode it had.
bool write_file(const std::string& path, std::string_view data, std::string* err, mode_t mode, mode_t folder_mode, bool exact) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0 && errno == ENOENT) {  // its folder is new: make it, then try again
        auto slash = path.find_last_of('/');
        if (slash != std::string::npos && slash > 0) make_folders(path.substr(0, slash), folder_mode, exact);
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    }
    if (fd < 0 || (exact && ::fchmod(fd, mode) != 0)) {
        if (err) *err = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return false;
    }
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (err) *err = std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        if (err) *err = std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace

bool DiskFileSystem::write(const std::string& path, std::string_view data, std::string* err) {
    return write_file(path, data, err, 0644, 0777, false);
}

bool DiskFileSystem::write_owner_only(const std::string& path, std::string_view data, std::string* err) {
    return write_file(path, data, err, 0600, 0700, true);
}

bool DiskFileSystem::make_directories(const std::string& path, std::string* err) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec && !fs::is_directory(path)) {
        if (err) *err = ec.message();
        return false;
    }
    return true;
}

bool DiskFileSystem::remove_all(const std::string& path, std::string* err) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) {
        if (err) *err = ec.message();
        return false;
    }
    return true;
}

bool DiskFileSystem::swap_into_place(const std::string& from, const std::string& to, std::string* err) {
    // A new tree must be complete on disk before the directory entry changes.
    if (!sync_tree(from, err)) return false;
    if (!exists(to)) {
        if (std::rename(from.c_str(), to.c_str()) != 0) {
            if (err) *err = std::strerror(errno);
            return false;
        }
        return true;
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) != 0) {
        if (err) *err = std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace safesite

namespace safesite {

bool DiskFileSystem::sync_tree(const std::string& dir, std::string* err) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        if (err) *err = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

}  // namespace safesite

namespace safesite {

namespace {

// chmod sets the mode exactly: the umask only ever applies to creation.
bool restrict_one(const fs::path& p, bool folder, std::string* err) {
    if (::chmod(p.c_str(), folder ? 0700 : 0600) == 0) return true;
    if (err) *err = p.string() + ": " + std::strerror(errno);
    return false;
}

}  // namespace

bool DiskFileSystem::restrict_one_to_owner(const std::string& path, std::string* err) {
    std::error_code ec;
    fs::file_status st = fs::symlink_status(path, ec);
    return fs::is_symlink(st) || restrict_one(path, fs::is_directory(st), err);
}

bool DiskFileSystem::restrict_to_owner(const std::string& path, std::string* err) {
    std::error_code ec;
    bool folder = fs::is_directory(fs::symlink_status(path, ec));
    if (!restrict_one(path, folder, err)) return false;
    if (!folder) return true;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        fs::file_status st = it->symlink_status(ec);
        if (ec || fs::is_symlink(st)) continue;  // a link has no mode of its own
        if (!restrict_one(it->path(), fs::is_directory(st), err)) return false;
    }
    if (ec) {
        if (err) *err = ec.message();
        return false;
    }
    return true;
}

}  // namespace safesite
