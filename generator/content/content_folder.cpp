#include "content/content_folder.h"

namespace safesite {

std::string resolve_beside(std::string_view file, std::string_view href, std::string* reason) {
    // Only ".." may be in it: anything else path_escape_reason refuses is refused here too.
    std::string why = path_escape_reason(href);
    if (!why.empty() && why.find("'..'") == std::string::npos) {
        *reason = why;
        return {};
    }
    std::optional<std::string> path = resolve_segments(folder_of(file), href);
    if (!path || path->empty()) {
        *reason = "it climbs out of the content folder with '..'";
        return {};
    }
    return std::move(*path);
}

ContentFolder::ContentFolder(FileSystem& fs, std::string root, ContentLimits limits)
    : fs_(fs), root_(std::move(root)), limits_(limits) {
    real_root_ = fs_.real_path(root_);
}

bool ContentFolder::within(const std::string& real, bool or_root) const {
    if (or_root && real == *real_root_) return true;
    return real.size() > real_root_->size() && real.compare(0, real_root_->size(), *real_root_) == 0 && real[real_root_->size()] == '/';
}

// A file's folder is inside the content folder: each folder is worked out once.
bool ContentFolder::folder_inside(const std::string& relative) {
    std::size_t slash = relative.rfind('/');
    std::lock_guard hold(folders_lock_);
    return known_inside(slash == std::string::npos ? std::string() : relative.substr(0, slash));
}

// A folder that is not a link is inside if the folder holding it is: only a
// link's real path is worked out, and the content folder's. (A council's
// thousands of children's folders are one lstat each, not a walk of the path.)
bool ContentFolder::known_inside(const std::string& folder) {
    if (auto known = folders_inside_.find(folder); known != folders_inside_.end()) return known->second;
    bool inside;
    std::string path = join_path(root_, folder);
    if (!folder.empty() && !fs_.is_symlink(path) && fs_.is_directory(path)) {
        std::size_t slash = folder.rfind('/');
        inside = known_inside(slash == std::string::npos ? std::string() : folder.substr(0, slash));
    } else {
        auto real = fs_.real_path(path);
        inside = real && within(*real, true);
    }
    folders_inside_.emplace(folder, inside);
    return inside;
}

bool ContentFolder::inside(const std::string& relative) {
    if (!real_root_ || !path_escape_reason(relative).empty()) return false;
    std::string path = join_path(root_, relative);
    // A file that is not a link is inside if its folder is. A link is followed to see where it ends.
    if (!fs_.is_symlink(path)) return folder_inside(relative);
    auto real = fs_.real_path(path);
    return real && within(*real, false);
}

bool ContentFolder::check_reference(std::string_view relative, const Location& from, Diagnostics& diags) {
    std::string reason = path_escape_reason(relative);
    if (!reason.empty()) {
        diags.error(from, "the path '" + std::string(relative) + "' is refused: " + reason,
                    "name a file inside the content folder, relative to it, e.g. reports/2023-24/foreword.md");
        return false;
    }
    std::string rel(relative);
    if (!fs_.exists(join_path(root_, rel))) {
        diags.error(from, "'" + rel + "' does not exist in the content folder", "check the spelling, or add the file");
        return false;
    }
    if (!inside(rel)) {
        diags.error(from, "the path '" + rel + "' is refused: it leads outside the content folder through a link",
                    "copy the file into the content folder instead of linking to it");
        return false;
    }
    return true;
}

std::optional<std::string> ContentFolder::read(const std::string& relative, Diagnostics& diags, FileStamp* stamp) {
    Location at{relative, 0, 0};
    auto refused = [&] {
        diags.error(at, "refused: the file leads outside the content folder through a link",
                    "copy the file into the content folder instead of linking to it");
        return std::nullopt;
    };
    if (!real_root_ || !path_escape_reason(relative).empty() || !folder_inside(relative)) return refused();
    // Opened without following a link: one that stays inside is then read through.
    std::string path = join_path(root_, relative);
    FileSystem::Checked r = fs_.read_checked(path, limits_.max_file_bytes, false);
    if (r.problem == FileSystem::Checked::is_link) {
        if (!inside(relative)) return refused();
        r = fs_.read_checked(path, limits_.max_file_bytes, true);
    }
    if (r.problem == FileSystem::Checked::too_big) {
        diags.error(at, "the file is " + std::to_string(r.size) + " bytes, over the limit of " + std::to_string(limits_.max_file_bytes),
                    "split it into smaller files");
        return std::nullopt;
    }
    if (!r.data) diags.error(at, "cannot read the file: " + r.error);
    if (stamp) *stamp = r.stamp;
    return std::move(r.data);
}

}  // namespace safesite
