// What a build keeps of each child's record between builds, in the
// restricted tree beside the child's documents: the file's stamp, the line
// for the index, the findings and the leak guard's needles. An update reads
// this instead of every record, and parses only the records that changed.
//
// Kept as numbered parts of up to kPerPart children each, in folder order,
// so a part whose children are all unchanged is written with the same bytes
// (and so kept), and no part holds more than a few megabytes.
#pragma once

#include "analysis/leak_guard.h"
#include "render/child/child_documents.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

class SiteWriter;

struct CachedChild {
    std::string folder;  // its folder's name under children/
    FileStamp stamp;
    ChildSummary summary;
    std::vector<Diagnostic> findings;  // with their source lines quoted
    ChildNeedles needles;
    bool operator==(const CachedChild&) const = default;
};

std::string encode_cached_child(const CachedChild& child);
// Nothing when the bytes are not a record this version wrote.
std::optional<CachedChild> decode_cached_child(std::string_view bytes);

// Every record in one part's bytes, in order; nothing for a damaged part.
void for_each_cached_child(std::string_view part, const std::function<void(const CachedChild&)>& each);

// The parts of the last build's record, read in folder order.
class ChildCacheReader {
public:
    ChildCacheReader(FileSystem& fs, std::string restricted_dir) : fs_(fs), dir_(std::move(restricted_dir)) {}
    // The record of the child in `folder`, if the last build kept one. Folders
    // must be asked for in the order of their files' paths; the bytes are as they were written.
    std::optional<std::string_view> find(const std::string& folder);

private:
    bool next_part();
    FileSystem& fs_;
    std::string dir_;
    int part_ = 0;
    bool done_ = false;
    std::string data_;       // the part being read
    std::size_t at_ = 0;     // the next record in it
    std::string_view held_;  // the record read ahead, not yet asked for
    std::string held_folder_;
};

// Writes the parts of this build's record through the restricted tree's writer.
class ChildCacheWriter {
public:
    static constexpr std::size_t kPerPart = 64;
    explicit ChildCacheWriter(SiteWriter& restricted) : restricted_(restricted) {}
    bool add(std::string_view record, Diagnostics& diags);
    bool finish(Diagnostics& diags);
    int parts() const { return part_; }

private:
    bool flush(Diagnostics& diags);
    SiteWriter& restricted_;
    std::string data_;
    std::size_t count_ = 0;
    int part_ = 0;
};

// ".safesite-children/00003.bin"
std::string child_cache_part(int part);

}  // namespace safesite
