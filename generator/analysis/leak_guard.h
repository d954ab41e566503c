// The last line of defence for case data: every file of the public site is
// searched, before it is written, for each child's names, id and recorded
// text. A match fails the build.
#pragma once

#include "analysis/name_automaton.h"
#include "model/child.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct Leak {
    std::string child_id;
    std::string found;        // what was found, as it was written in the record
    std::string source_path;  // the child's file
};

class LeakGuard {
public:
    void add(const Child& child);
    // The first child text in `output`, if any. Safe to call from several
    // threads once every child has been added.
    std::optional<Leak> find(std::string_view output) const;

private:
    // A child's text is kept as hashes, not as the text: a big council's
    // records would otherwise all sit in memory for the whole build.
    struct TextNeedle {
        std::uint64_t key = 0;    // its first 8 bytes
        std::uint64_t whole = 0;  // hash of all of it
        std::uint32_t length = 0;
        std::uint32_t source = 0;  // index into sources_
    };
    struct NameNeedle {
        std::uint32_t source = 0;
        std::string original;  // as written in the record, for the message
    };
    struct Source {
        std::string child_id, source_path;
    };
    void add_text(const std::string& text, std::uint32_t source);
    void add_name(const std::string& name, std::uint32_t source);
    void seal() const;

    static constexpr std::size_t kKey = 12;  // texts shorter than this are searched for only as names
    std::vector<Source> sources_;
    mutable std::vector<TextNeedle> texts_;  // sorted by key on the first find
    std::vector<NameNeedle> name_needles_;
    mutable NameAutomaton names_;  // ids are indexes into name_needles_; built on the first find
    mutable std::vector<std::uint64_t> filter_;  // a bit per key hash (top bits), to pass over most places at once
    mutable unsigned filter_bits_ = 12;          // its size: 1 << filter_bits_ bits
    mutable std::atomic<bool> sealed_{false};
    mutable std::mutex seal_lock_;
};

}  // namespace safesite
