// A file system held in memory, for tests. It records every path read and
// written so a test can assert the exact access pattern of a build.
#pragma once

#include "support/file_system.h"

#include <map>
#include <mutex>
#include <set>

namespace safesite {

class MemoryFileSystem final : public FileSystem {
public:
    void add_file(const std::string& path, std::string contents);
    void add_symlink(const std::string& path, const std::string& target);
    // Later writes fail with "No space left on device" once this many bytes are stored.
    void set_capacity(std::size_t bytes) { capacity_ = bytes; }

    std::optional<std::string> read(const std::string& path, std::string* err) override;
    bool exists(const std::string& path) override;
    bool is_directory(const std::string& path) override;
    bool is_symlink(const std::string& path) override;
    std::vector<DirectoryEntry> list(const std::string& dir) override;
    std::optional<std::string> real_path(const std::string& path) override;
    std::optional<long long> size(const std::string& path) override;
    std::optional<FileStamp> stamp(const std::string& path) override;
    bool write(const std::string& path, std::string_view data, std::string* err) override;
    bool write_owner_only(const std::string& path, std::string_view data, std::string* err) override;
    bool make_directories(const std::string& path, std::string* err) override;
    bool remove_all(const std::string& path, std::string* err) override;
    bool move_file(const std::string& from, const std::string& to, std::string* err) override;
    bool remove_file(const std::string& path, const std::string& stop, std::string* err) override;
    bool swap_into_place(const std::string& from, const std::string& to, std::string* err) override;
    bool sync_tree(const std::string&, std::string*) override { return true; }
    bool restrict_to_owner(const std::string& path, std::string* err) override;
    bool restrict_one_to_owner(const std::string& path, std::string* err) override;
    // Whether a file or folder was last made owner-only (by restrict_to_owner, or written or made by write_owner_only).
    bool owner_only(const std::string& path) const { return owner_only_.count(path) > 0; }

    const std::map<std::string, std::string>& files() const { return files_; }
    const std::vector<std::string>& reads() const { return reads_; }
    const std::vector<std::string>& writes() const { return writes_; }
    // Files under `dir`, keyed by their path relative to it.
    std::map<std::string, std::string> tree(const std::string& dir) const;

private:
    std::size_t stored_bytes() const;

    std::map<std::string, std::string> files_;
    std::map<std::string, long long> modified_;  // a counter stands in for the clock
    long long clock_ = 0;
    std::map<std::string, std::string> symlinks_;
    std::set<std::string> directories_;
    std::set<std::string> owner_only_;
    std::vector<std::string> reads_;
    std::vector<std::string> writes_;
    std::size_t capacity_ = static_cast<std::size_t>(-1);
    // Pages are read and written from several threads. A copy of the file system
    // (tests copy a prepared one) gets a lock of its own.
    struct Lock {
        std::recursive_mutex mutex;  // members call each other
        Lock() = default;
        Lock(const Lock&) {}
        Lock& operator=(const Lock&) { return *this; }
    } lock_;
};

}  // namespace safesite
