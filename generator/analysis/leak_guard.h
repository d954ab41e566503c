// The last line of defence for case data: every file of the public site is
// searched, before it is written, for each child's names, id and recorded
// text. A match fails the build.
#pragma once

#include "analysis/name_automaton.h"
#include "model/child.h"

#include <atomic>
#include <cstdint>
#include <functional>
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

// What the guard searches for from one child. A text is kept as hashes, not
// as the text, so a council's records need not all sit in memory; this is
// what a build keeps of each child between builds.
struct ChildNeedles {
    struct Text {
        std::uint64_t key = 0;    // its first 8 bytes
        std::uint32_t whole = 0;  // hash of all of it (of its first kLongest bytes, if longer)
        std::uint32_t length = 0;
        std::uint32_t next = 0;   // its bytes 8 to 11, as the page scan's grams need them
        bool operator==(const Text&) const = default;
    };
    std::string child_id, source_path;
    std::vector<std::string> names;  // as written: id, names, the people around the child
    std::vector<Text> texts;
    bool operator==(const ChildNeedles&) const = default;
};

class LeakGuard {
public:
    static constexpr std::size_t kShortest = 12;   // texts shorter than this are searched for only as names
    static constexpr std::size_t kLongest = 4095;  // a longer text is searched for by its first kLongest bytes
    static constexpr std::size_t kMostChildren = (std::size_t{1} << 20) - 1;

    static ChildNeedles needles_of(const Child& child);
    // Each text of a child as it would be written in a page (escaped for text, and for attributes).
    static void for_each_text(const Child& child, const std::function<void(const std::string&)>& each);

    void add(const Child& child) { add(needles_of(child)); }
    void add(const ChildNeedles& child);
    // Hints at how many texts will be added, so that they are held without spare room.
    void expect_texts(std::size_t count) {
        texts_.reserve(count);
        nexts_.reserve(count);
    }
    std::size_t children() const { return sources_.size(); }

    // A text found by its hashes is shown only when `confirm` (given the child's
    // file and the text as the page has it) says the record really holds it.
    // Without one, hashes are taken as proof.
    using Confirm = std::function<bool(const std::string& source_path, std::string_view found)>;
    void confirm_with(Confirm confirm) { confirm_ = std::move(confirm); }

    // The first child text in `output`, if any. Safe to call from several
    // threads once every child has been added.
    std::optional<Leak> find(std::string_view output) const;

private:
    struct TextNeedle {
        std::uint64_t key = 0;
        std::uint32_t whole = 0;
        std::uint32_t length_source = 0;  // length (12 bits) and index into sources_ (20 bits)
        std::uint32_t length() const { return length_source & 0xfff; }
        std::uint32_t source() const { return length_source >> 12; }
    };
    struct NameNeedle {
        std::uint32_t source = 0;
        std::string original;  // as written in the record, for the message
    };
    struct Source {
        std::string child_id, source_path;
    };
    void seal() const;
    void group_in_buckets() const;
    static constexpr std::size_t kBuiltApart = 1 << 16;  // texts enough to build the names' automaton on another core meanwhile

    std::vector<Source> sources_;
    // On the first find, grouped by bucket (a hash of the key) and sorted by key
    // and length in each: bucket b's are texts_[bucket_starts_[b]] up to texts_[bucket_starts_[b + 1]].
    mutable std::vector<TextNeedle> texts_;
    mutable std::vector<std::uint32_t> bucket_starts_;
    mutable unsigned bucket_bits_ = 4;
    mutable std::vector<std::uint32_t> nexts_;  // each text's bytes 8 to 11, in the order added, until the first find
    std::vector<NameNeedle> name_needles_;
    mutable NameAutomaton names_;  // ids are indexes into name_needles_; built on the first find
    mutable std::vector<std::uint64_t> filter_;  // a bit per key hash (top bits), to pass over most places at once
    mutable unsigned filter_bits_ = 16;          // its size: 1 << filter_bits_ bits
    mutable std::vector<std::uint64_t> pairs_;   // a bit for each text's first two bytes
    // A bit per hash of each 8 bytes at the first kGramPlaces places of every
    // text: a page is looked at only every kGramPlaces bytes, where one of
    // these could be, and only there are the places a text could start tried.
    // Every text has kShortest bytes, so 8 of them lie at each of its first 5 places.
    static constexpr std::size_t kGram = 8, kGramPlaces = kShortest - kGram + 1;
    mutable std::vector<std::uint64_t> grams_;
    mutable unsigned gram_bits_ = 16;
    mutable std::atomic<bool> sealed_{false};
    mutable std::mutex seal_lock_;
    Confirm confirm_;
};

}  // namespace safesite
