#include "output/site_writer.h"

#include "support/file_system.h"
#include "support/path_segments.h"
#include "support/hash.h"
#include "support/text.h"

#include <algorithm>

namespace safesite {

SiteWriter::SiteWriter(FileSystem& fs, std::string target, Readers readers) : fs_(fs), target_(std::move(target)), readers_(readers) {
    while (target_.size() > 1 && target_.back() == '/') target_.pop_back();
    staging_ = target_ + ".new";
}

SiteWriter::~SiteWriter() {
    if (open_) abandon();
}

const Manifest* SiteWriter::previous() {
    if (!read_previous_) {
        read_previous_ = true;
        std::string err;
        // A build killed while moving files in is finished first, so the record matches the files.
        if (fs_.exists(join_path(staging_, kJournal)) && !apply_journal(&err)) return nullptr;
        if (auto text = fs_.read(join_path(target_, kMarker), &err)) {
            previous_ = Manifest::parse(*text);
        }
    }
    return previous_ ? &*previous_ : nullptr;
}

bool SiteWriter::begin(Diagnostics& diags, bool full) {
    Location at{target_, 0, 0};
    if (target_.empty() || target_ == "." || target_ == "/" || target_ == "..") {
        diags.error(at, "refusing to publish into '" + target_ + "'", "name a folder of its own, such as site");
        return false;
    }
    if (fs_.exists(target_)) {
        // Listed only without a marker: a site of thousands of files need not be read to see it is not empty.
        bool ours = fs_.is_directory(target_) && (fs_.exists(join_path(target_, kMarker)) || fs_.list(target_).empty());
        if (!ours) {
            diags.error(at, "refusing to replace '" + target_ + "': it was not made by safesite",
                        "choose another --out folder, or empty this one first");
            return false;
        }
    }
    updating_ = !full && previous() != nullptr;
    if (updating_) {
        next_.pages.reserve(previous_->pages.size());
        next_.outputs.reserve(previous_->outputs.size());
    }
    std::string err;
    // A build killed earlier may have left its staging folder; it is never the live site.
    // An owner-only staging folder is closed before anything is written in it.
    if (!fs_.remove_all(staging_, &err) || !fs_.make_directories(staging_, &err) || !restrict(staging_, &err)) {
        diags.error({staging_, 0, 0}, "cannot prepare the output folder: " + err);
        return false;
    }
    open_ = true;
    return true;
}

bool SiteWriter::record_output(const std::string& relative, std::uint64_t hash) {
    std::lock_guard hold(lock_);
    next_.outputs[relative] = {hash};
    return true;
}

bool SiteWriter::can_keep(const std::string& relative) const {
    // The target is trusted to hold what the last build wrote: reading it all
    // back would cost more than the rest of an update. --full rewrites it.
    return updating_ && previous_->outputs.count(relative);
}

bool SiteWriter::keep(const std::string& relative) {
    if (!can_keep(relative)) return false;
    return record_output(relative, previous_->outputs.at(relative).hash);
}

// Safe to call from several threads for different files, each with its own `diags`.
bool SiteWriter::write(const std::string& relative, std::string_view data, Diagnostics& diags) {
    std::uint64_t hash = hash_bytes(data);
    if (updating_) {
        auto old = previous_->outputs.find(relative);
        if (old != previous_->outputs.end() && old->second.hash == hash && keep(relative)) return true;
    }
    std::string err;
    if (!write_file(join_path(staging_, relative), data, &err)) {
        diags.error({join_path(target_, relative), 0, 0}, "cannot write: " + err,
                    "check there is space on the disk and that the folder is writable; the previous site is unchanged");
        return false;
    }
    ++files_;
    record_output(relative, hash);
    if (updating_) {
        std::lock_guard hold(lock_);
        staged_.push_back(relative);
        staged_set_.insert(relative);
    }
    return true;
}

std::string SiteWriter::current_path(const std::string& relative) const {
    return join_path(staged(relative) ? staging_ : target_, relative);
}

bool SiteWriter::commit(Diagnostics& diags) {
    std::string err;
    // A tree this program wrote was closed as it was written; one an older version wrote, readable by all, is closed now.
    bool closed = updating_ && previous_->key == next_.key;
    auto close_target = [&] { return closed ? restrict_one(target_, &err) : restrict(target_, &err); };
    if (updating_ && staged_.empty() && next_ == *previous_) {
        abandon();  // nothing changed: nothing is written
        if (!close_target()) {
            diags.error({target_, 0, 0}, "cannot make the folder readable by its owner only: " + err);
            return false;
        }
        return true;
    }
    std::string record = next_.text();
    if (!updating_) {
        if (!write_file(join_path(staging_, kMarker), record, &err) || !restrict_one(staging_, &err) || !fs_.swap_into_place(staging_, target_, &err)) {
            diags.error({target_, 0, 0}, "cannot publish the new site: " + err, "the previous site is unchanged");
            abandon();
            return false;
        }
        open_ = false;
        // After the exchange the staging path holds the previous site.
        fs_.remove_all(staging_, &err);
        return true;
    }
    std::vector<std::string> stale;
    for (const auto& [path, _] : previous_->outputs)
        if (!next_.outputs.count(path)) stale.push_back(path);
    // The journal: the files to move in, then those to remove, one per line.
    std::sort(staged_.begin(), staged_.end());
    std::string journal;
    for (const auto& p : staged_) journal += "move\t" + p + "\n";
    for (const auto& p : stale) journal += "remove\t" + p + "\n";
    std::string journal_path = join_path(staging_, kJournal);
    // The target is closed before files move in, and again after, for the folders the moves made.
    if (!write_file(join_path(staging_, kMarker), record, &err) || !restrict_one(staging_, &err) || !close_target() || !fs_.sync_tree(staging_, &err) ||
        !fs_.write(journal_path + ".part", journal, &err) || !fs_.move_file(journal_path + ".part", journal_path, &err)) {
        diags.error({target_, 0, 0}, "cannot publish the new site: " + err, "the previous site is unchanged");
        abandon();
        return false;
    }
    open_ = false;
    removed_ = static_cast<int>(stale.size());
    if (!apply_journal(&err) || !close_target() || !close_folders_made(&err)) {
        diags.error({target_, 0, 0}, "the site was only partly updated: " + err, "fix the cause and build again; the next build finishes the update");
        return false;
    }
    return true;
}

// Everything staged is written through here: owner-only files and folders are made so, and need no walk to close them.
bool SiteWriter::write_file(const std::string& path, std::string_view data, std::string* err) {
    return readers_ == Readers::everyone ? fs_.write(path, data, err) : fs_.write_owner_only(path, data, err);
}

bool SiteWriter::restrict(const std::string& path, std::string* err) {
    return readers_ == Readers::everyone || fs_.restrict_to_owner(path, err);
}

bool SiteWriter::restrict_one(const std::string& path, std::string* err) {
    return readers_ == Readers::everyone || fs_.restrict_one_to_owner(path, err);
}

// The folders that moving the staged files in may have made.
bool SiteWriter::close_folders_made(std::string* err) {
    std::unordered_set<std::string> done;
    for (const std::string& path : staged_)
        for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            if (done.insert(path.substr(0, slash)).second && !restrict_one(join_path(target_, path.substr(0, slash)), err)) return false;
    return true;
}

// Moves staged files in and removes stale ones. Each step can be repeated,
// so a build killed here is finished by the next.
bool SiteWriter::apply_journal(std::string* err) {
    auto journal = fs_.read(join_path(staging_, kJournal), err);
    if (!journal) return false;
    for (std::string_view line : split_lines(*journal)) {
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        std::string what(line.substr(0, tab)), path(line.substr(tab + 1));
        if (!path_escape_reason(path).empty()) continue;  // only ever paths inside the tree
        std::string from = join_path(staging_, path), to = join_path(target_, path);
        if (what == "move" && fs_.exists(from) && !fs_.move_file(from, to, err)) return false;
        if (what == "remove" && !fs_.remove_file(to, target_, err)) return false;
    }
    std::string marker = join_path(staging_, kMarker);
    if (fs_.exists(marker) && !fs_.move_file(marker, join_path(target_, kMarker), err)) return false;
    return fs_.remove_all(staging_, err);
}

void SiteWriter::abandon() {
    std::string err;
    fs_.remove_all(staging_, &err);
    open_ = false;
}

}  // namespace safesite
