// The disk, behind an interface: loaders read through it and the output
// stage writes through it, so tests can run a whole build in memory and
// assert exactly what was read and written.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

// Joins two '/'-separated path parts.
std::string join_path(const std::string& a, const std::string& b);

// What a build remembers of a file to tell, without reading it, whether it
// has changed: its size and when it was last written (as make and git do).
struct FileStamp {
    long long size = 0;
    long long modified_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

struct DirectoryEntry {
    std::string name;
    bool is_directory = false;
    bool is_symlink = false;
    std::optional<FileStamp> stamp;  // filled by list_stamps() for files
};

class FileSystem {
public:
    virtual ~FileSystem() = default;

    // Whole-file read. On failure returns nullopt and sets *err.
    virtual std::optional<std::string> read(const std::string& path, std::string* err) = 0;

    // A read that refuses, before reading, a file over `max_bytes` or (with
    // !follow_links) a symlink, saying which. One open on a disk, where
    // asking first would cost a look-up each.
    struct Checked {
        enum Problem { none, too_big, is_link, failed } problem = none;
        std::optional<std::string> data;
        long long size = 0;
        std::string error;
        FileStamp stamp;  // of the file as it was read
    };
    virtual Checked read_checked(const std::string& path, long long max_bytes, bool follow_links) {
        Checked r;
        if (!follow_links && is_symlink(path)) {
            r.problem = Checked::is_link;
            return r;
        }
        r.size = size(path).value_or(0);
        if (r.size > max_bytes) {
            r.problem = Checked::too_big;
            return r;
        }
        r.stamp = stamp(path).value_or(FileStamp{-1, -1});
        r.data = read(path, &r.error);
        if (!r.data) r.problem = Checked::failed;
        return r;
    }
    // A file too large to hold whole, read `piece` bytes at a time into
    // `each` (which returns false to stop), refused before reading when over
    // `max_bytes`, as read_checked does; `data` stays empty.
    virtual Checked read_in_pieces(const std::string& path, long long max_bytes, std::size_t piece,
                                   const std::function<bool(std::string_view)>& each) {
        Checked r = read_checked(path, max_bytes, true);
        if (!r.data) return r;
        std::string whole = std::move(*r.data);
        r.data.reset();
        for (std::size_t at = 0; at < whole.size(); at += piece)
            if (!each(std::string_view(whole).substr(at, piece))) break;
        return r;
    }

    virtual bool exists(const std::string& path) = 0;
    virtual bool is_directory(const std::string& path) = 0;
    // True if the path itself is a symlink (not what it points to).
    virtual bool is_symlink(const std::string& path) = 0;
    // Entries sorted by name, so builds are deterministic.
    virtual std::vector<DirectoryEntry> list(const std::string& dir) = 0;
    // As list(), with each file's stamp: much quicker on a disk than a
    // stamp() per file, which looks up the whole path each time.
    virtual std::vector<DirectoryEntry> list_stamps(const std::string& dir) {
        auto entries = list(dir);
        for (auto& e : entries)
            if (!e.is_directory) e.stamp = stamp(join_path(dir, e.name));
        return entries;
    }
    // The path with every symlink followed, or nullopt if it does not exist.
    virtual std::optional<std::string> real_path(const std::string& path) = 0;
    virtual std::optional<long long> size(const std::string& path) = 0;
    // Size and modification time of a regular file, following symlinks.
    virtual std::optional<FileStamp> stamp(const std::string& path) = 0;

    virtual bool write(const std::string& path, std::string_view data, std::string* err) = 0;
    // As write(), but the file is readable by its owner only (0600), and so
    // is each folder made for it (0700), whatever the umask: a tree written
    // this way needs no walk to close it.
    virtual bool write_owner_only(const std::string& path, std::string_view data, std::string* err) = 0;
    virtual bool make_directories(const std::string& path, std::string* err) = 0;
    virtual bool remove_all(const std::string& path, std::string* err) = 0;
    // Moves one file, replacing any file at `to` atomically and making its folders.
    virtual bool move_file(const std::string& from, const std::string& to, std::string* err) = 0;
    // Removes one file (a missing file is not an error), then any folders
    // above it, up to `stop`, that it leaves empty.
    virtual bool remove_file(const std::string& path, const std::string& stop, std::string* err) = 0;
    // Makes sure everything written under `dir` is on the disk, not just in memory.
    virtual bool sync_tree(const std::string& dir, std::string* err) = 0;
    // Makes `path` and everything under it readable by its owner only
    // (folders 0700, files 0600), whatever the umask was when they were made.
    virtual bool restrict_to_owner(const std::string& path, std::string* err) = 0;
    // The same for `path` alone, not what is under it.
    virtual bool restrict_one_to_owner(const std::string& path, std::string* err) = 0;
    // Atomically puts `from` where `to` was. If `to` existed, it ends up at
    // `from` (an exchange), so no moment exists with neither in place.
    virtual bool swap_into_place(const std::string& from, const std::string& to, std::string* err) = 0;
};

// Every file under `dir` and in its folders but hidden ones (".git", ".DS_Store"), each named by its path from
// `dir` ("practitioners/training.md"), in name order, a folder's files at
// its place; with `stamps`, each with its stamp. A link to a folder is
// listed as an entry, not followed. A folder named `leave_out` at the top
// is not listed at all.
std::vector<DirectoryEntry> list_tree(FileSystem& fs, const std::string& dir, bool stamps, std::string_view leave_out = {});

// The real disk.
class DiskFileSystem final : public FileSystem {
public:
    std::optional<std::string> read(const std::string& path, std::string* err) override;
    Checked read_checked(const std::string& path, long long max_bytes, bool follow_links) override;
    Checked read_in_pieces(const std::string& path, long long max_bytes, std::size_t piece,
                           const std::function<bool(std::string_view)>& each) override;
    bool exists(const std::string& path) override;
    bool is_directory(const std::string& path) override;
    bool is_symlink(const std::string& path) override;
    std::vector<DirectoryEntry> list(const std::string& dir) override;
    std::vector<DirectoryEntry> list_stamps(const std::string& dir) override;
    std::optional<std::string> real_path(const std::string& path) override;  // std::filesystem::canonical
    std::optional<long long> size(const std::string& path) override;
    std::optional<FileStamp> stamp(const std::string& path) override;  // stat(2); regular files only
    bool write(const std::string& path, std::string_view data, std::string* err) override;  // making a new folder first
    bool write_owner_only(const std::string& path, std::string_view data, std::string* err) override;  // open(0600), fchmod, mkdir(0700)
    bool make_directories(const std::string& path, std::string* err) override;
    bool remove_all(const std::string& path, std::string* err) override;
    bool move_file(const std::string& from, const std::string& to, std::string* err) override;  // rename(2)
    bool remove_file(const std::string& path, const std::string& stop, std::string* err) override;  // unlink(2), then rmdir(2) up to stop
    bool swap_into_place(const std::string& from, const std::string& to, std::string* err) override;  // renameat2(2), RENAME_EXCHANGE
    bool sync_tree(const std::string& dir, std::string* err) override;
    bool restrict_to_owner(const std::string& path, std::string* err) override;
    bool restrict_one_to_owner(const std::string& path, std::string* err) override;
};


}  // namespace safesite
