#include <algorithm>
#include "support/memory_file_system.h"

#include <vector>

namespace safesite {

namespace {

// Normalises "a/./b//c/../d" to "a/b/d" without touching a disk.
std::string normalise(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    bool absolute = !path.empty() && path[0] == '/';
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string part = path.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += '/';
        out += parts[i];
    }
    return out.empty() ? "." : out;
}

bool is_under(const std::string& path, const std::string& dir) {
    return dir == "." || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

}  // namespace

void MemoryFileSystem::add_file(const std::string& path, std::string contents) {
    std::lock_guard guard(lock_.mutex);
    std::string p = normalise(path);
    files_[p] = std::move(contents);
    modified_[p] = ++clock_;
    for (std::size_t slash = p.find('/', 1); slash != std::string::npos; slash = p.find('/', slash + 1))
        directories_.insert(p.substr(0, slash));
}

void MemoryFileSystem::add_symlink(const std::string& path, const std::string& target) {
    std::lock_guard guard(lock_.mutex);
    symlinks_[normalise(path)] = target;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path, std::string* err) {
    std::lock_guard guard(lock_.mutex);
    auto real = real_path(path);
    reads_.push_back(normalise(path));
    auto it = real ? files_.find(*real) : files_.end();
    if (it == files_.end()) {
        if (err) *err = "No such file or directory";
        return std::nullopt;
    }
    return it->second;
}

bool MemoryFileSystem::exists(const std::string& path) {
    std::lock_guard guard(lock_.mutex);
    std::string p = normalise(path);
    return files_.count(p) || directories_.count(p) || symlinks_.count(p);
}

bool MemoryFileSystem::is_symlink(const std::string& path) {
    std::lock_guard guard(lock_.mutex);
    return symlinks_.count(normalise(path)) > 0;
}

bool MemoryFileSystem::is_directory(const std::string& path) {
    std::lock_guard guard(lock_.mutex);
    auto real = real_path(path);
    return real && directories_.count(*real);
}

std::vector<DirectoryEntry> MemoryFileSystem::list(const std::string& dir) {
    std::lock_guard guard(lock_.mutex);
    std::string d = normalise(dir);
    std::map<std::string, DirectoryEntry> found;
    auto consider = [&](const std::string& p, bool is_dir, bool is_link) {
        if (!is_under(p, d)) return;
        std::string rest = d == "." ? p : p.substr(d.size() + 1);
        if (rest.find('/') != std::string::npos) return;
        found[rest] = {rest, is_dir, is_link, std::nullopt};
    };
    for (const auto& [p, _] : files_) consider(p, false, false);
    for (const auto& p : directories_) consider(p, true, false);
    for (const auto& [p, target] : symlinks_) consider(p, is_directory(p), true);
    std::vector<DirectoryEntry> out;
    for (auto& [_, e] : found) out.push_back(e);
    return out;
}

std::optional<std::string> MemoryFileSystem::real_path(const std::string& path) {
    std::lock_guard guard(lock_.mutex);
    std::string p = normalise(path);
    // Follow a symlink on any prefix of the path; a bounded number of hops.
    for (int hops = 0; hops < 16; ++hops) {
        bool followed = false;
        for (const auto& [link, target] : symlinks_) {
            if (p == link || is_under(p, link)) {
                std::string base = link.substr(0, link.rfind('/') == std::string::npos ? 0 : link.rfind('/'));
                std::string resolved = target.size() && target[0] == '/' ? target : (base.empty() ? target : base + "/" + target);
                p = normalise(resolved + p.substr(link.size()));
                followed = true;
                break;
            }
        }
        if (!followed) break;
    }
    if (files_.count(p) || directories_.count(p)) return p;
    return std::nullopt;
}

std::optional<long long> MemoryFileSystem::size(const std::string& path) {
    std::lock_guard guard(lock_.mutex);
    auto real = real_path(path);
    auto it = real ? files_.find(*real) : files_.end();
    if (it == files_.end()) return std::nullopt;
    return static_cast<long long>(it->second.size());
}

std::optional<FileStamp> MemoryFileSystem::stamp(const std::string& path) {
    std::string p = normalise(path);
    std::lock_guard guard(lock_.mutex);
    auto it = files_.find(p);
    auto when = modified_.find(p);
    if (it == files_.end() || when == modified_.end()) return std::nullopt;
    return FileStamp{static_cast<long long>(it->second.size()), when->second};
}

bool MemoryFileSystem::move_file(const std::string& from, const std::string& to, std::string* err) {
    std::string f = normalise(from), t = normalise(to);
    std::lock_guard guard(lock_.mutex);
    auto it = files_.find(f);
    if (it == files_.end()) {
        if (err) *err = "No such file or directory";
        return false;
    }
    std::string data = std::move(it->second);
    long long when = modified_[f];
    files_.erase(it);
    modified_.erase(f);
    add_file(t, std::move(data));
    modified_[t] = when;  // a move keeps the time the file was written, and who may read it
    if (owner_only_.erase(f)) owner_only_.insert(t);
    else owner_only_.erase(t);
    return true;
}

bool MemoryFileSystem::remove_file(const std::string& path, const std::string& stop, std::string*) {
    std::string p = normalise(path), top = normalise(stop);
    std::lock_guard guard(lock_.mutex);
    files_.erase(p);
    modified_.erase(p);
    for (std::size_t slash = p.rfind('/'); slash != std::string::npos && slash > top.size(); slash = p.rfind('/', slash - 1)) {
        std::string dir = p.substr(0, slash);
        if (!is_under(dir, top)) break;
        bool empty = std::none_of(files_.begin(), files_.end(), [&](const auto& kv) { return is_under(kv.first, dir); }) &&
                     std::none_of(directories_.begin(), directories_.end(), [&](const auto& d) { return is_under(d, dir); });
        if (!empty) break;
        directories_.erase(dir);
    }
    return true;
}

std::size_t MemoryFileSystem::stored_bytes() const {
    std::size_t n = 0;
    for (const auto& [_, data] : files_) n += data.size();
    return n;
}

bool MemoryFileSystem::write(const std::string& path, std::string_view data, std::string* err) {
    std::string p = normalise(path);
    std::lock_guard guard(lock_.mutex);
    if (capacity_ != static_cast<std::size_t>(-1) && stored_bytes() + data.size() > capacity_) {
        if (err) *err = "No space left on device";
        return false;
    }
    writes_.push_back(p);
    add_file(p, std::string(data));
    return true;
}

bool MemoryFileSystem::write_owner_only(const std::string& path, std::string_view data, std::string* err) {
    std::string p = normalise(path);
    std::lock_guard guard(lock_.mutex);
    std::vector<std::string> made;
    for (std::size_t slash = p.find('/', 1); slash != std::string::npos; slash = p.find('/', slash + 1))
        if (!directories_.count(p.substr(0, slash))) made.push_back(p.substr(0, slash));
    if (!write(p, data, err)) return false;
    owner_only_.insert(p);
    owner_only_.insert(made.begin(), made.end());
    return true;
}

bool MemoryFileSystem::make_directories(const std::string& path, std::string*) {
    std::lock_guard guard(lock_.mutex);
    std::string p = normalise(path);
    directories_.insert(p);
    for (std::size_t slash = p.find('/', 1); slash != std::string::npos; slash = p.find('/', slash + 1))
        directories_.insert(p.substr(0, slash));
    return true;
}

bool MemoryFileSystem::remove_all(const std::string& path, std::string*) {
    std::lock_guard guard(lock_.mutex);
    std::string p = normalise(path);
    std::erase_if(files_, [&](const auto& kv) { return kv.first == p || is_under(kv.first, p); });
    std::erase_if(modified_, [&](const auto& kv) { return kv.first == p || is_under(kv.first, p); });
    std::erase_if(directories_, [&](const auto& d) { return d == p || is_under(d, p); });
    return true;
}

bool MemoryFileSystem::swap_into_place(const std::string& from, const std::string& to, std::string*) {
    std::lock_guard guard(lock_.mutex);
    std::string f = normalise(from), t = normalise(to);
    // Re-key each entry under one tree to the other; both move at once.
    auto swapped = [&](const std::string& key) -> std::optional<std::string> {
        if (key == f || is_under(key, f)) return t + key.substr(f.size());
        if (key == t || is_under(key, t)) return f + key.substr(t.size());
        return std::nullopt;
    };
    std::map<std::string, std::string> files;
    for (auto& [k, v] : files_) files[swapped(k).value_or(k)] = std::move(v);
    std::map<std::string, long long> modified;
    for (auto& [k, v] : modified_) modified[swapped(k).value_or(k)] = v;
    modified_ = std::move(modified);
    std::set<std::string> dirs;
    for (const auto& d : directories_) dirs.insert(swapped(d).value_or(d));
    std::set<std::string> owner_only;
    for (const auto& o : owner_only_) owner_only.insert(swapped(o).value_or(o));
    owner_only_ = std::move(owner_only);
    files_ = std::move(files);
    directories_ = std::move(dirs);
    return true;
}

bool MemoryFileSystem::restrict_to_owner(const std::string& path, std::string*) {
    std::lock_guard guard(lock_.mutex);
    std::string p = normalise(path);
    for (const auto& [k, v] : files_)
        if (k == p || is_under(k, p)) owner_only_.insert(k);
    for (const auto& d : directories_)
        if (d == p || is_under(d, p)) owner_only_.insert(d);
    return true;
}

bool MemoryFileSystem::restrict_one_to_owner(const std::string& path, std::string*) {
    std::lock_guard guard(lock_.mutex);
    owner_only_.insert(normalise(path));
    return true;
}

std::map<std::string, std::string> MemoryFileSystem::tree(const std::string& dir) const {
    std::string d = normalise(dir);
    std::map<std::string, std::string> out;
    for (const auto& [p, data] : files_)
        if (is_under(p, d)) out[p.substr(d.size() + 1)] = data;
    return out;
}

}  // namespace safesite
