// Finds any of many names in a text in one pass over its bytes, however
// many names there are: an Aho-Corasick automaton over the names' words.
//
// A name is found only as whole words. A word is a run of letters, digits,
// hyphens, apostrophes and non-ASCII bytes; ASCII letters match either
// case; a possessive "'s" or a trailing apostrophe is not part of the word
// ("Sam's" is Sam); words of a name may be separated by any other bytes,
// except that markup (<, > or ") right after a word ends the run, so a name
// is not made of words on either side of a tag. Names of one to three words
// are found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

class NameAutomaton {
public:
    // A name's words as they are matched: folded to lower case, joined by single spaces.
    static std::string normal(std::string_view name);

    // `name` as normal() gives it; more than three words, or under two bytes, is not added.
    // The first id added for a name is the one found.
    void add(std::string_view name, std::uint32_t id);
    bool empty() const { return names_.empty(); }
    // Builds the automaton; find() before it finds nothing. Adding after it needs another build().
    void build();

    struct Match {
        std::uint32_t id = 0;
        std::size_t end = 0;  // where the word that completes the name ends in the text
    };
    // The name whose last word ends first; of names ending at the same word, the one with fewest words.
    std::optional<Match> find(std::string_view text) const;

    std::size_t states() const { return fail_.size(); }
    // The heap bytes of the built automaton (not of the names added).
    std::size_t bytes() const;

private:
    static constexpr std::uint32_t kNone = 0xffffffff;
    // The trie is made breadth first, so a state's children are the states
    // first_child[s] up to first_child[s + 1], and the byte into a state is its own.
    std::vector<std::uint32_t> first_child_;  // one more than there are states
    std::vector<unsigned char> byte_;         // the byte into each state
    std::vector<std::uint32_t> fail_;
    std::vector<std::uint32_t> found_;  // the shortest name that ends here or down the fail chain, or kNone
    std::uint32_t next(std::uint32_t state, unsigned char byte) const;
    std::uint32_t child(std::uint32_t state, unsigned char byte) const;
    std::uint32_t child_or_root(std::uint32_t state, unsigned char byte) const;
    struct Step {
        std::uint32_t state;  // after the word and a boundary
        std::size_t end;      // where the word ends
        bool markup;          // markup follows: the next word starts no name with this one
    };
    // The word that starts at `word`, fed from `state`. Called for few of a page's words.
    [[gnu::noinline]] Step after_word(std::string_view text, std::size_t word, std::uint32_t state) const;

    std::vector<std::pair<std::string, std::uint32_t>> names_;  // each " word word " with its id
    std::uint32_t start_ = 0;            // the state after a word boundary
    std::vector<std::uint32_t> from_start_;  // 256 transitions of start_, the busiest state
    // A bit for each way of starting the first word of a name, by the first
    // three bytes of the word in a text (see start_bit): almost every word of
    // a page is passed over on its start. A word's end may be any byte that
    // ends it, and the bits are shared by a hash: some words pass that start no name.
    std::vector<std::uint64_t> first_starts_;
    // A bit for each first two bytes of such a start, bit 5 of each set (as
    // start_bit folds them): looked up directly, before start_bit's hash, so
    // that most words are passed over on two bytes.
    std::vector<std::uint64_t> first_pairs_;
};

}  // namespace safesite
