#include "analysis/name_automaton.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace safesite {

namespace {

// What each byte is to the scan.
enum Kind : unsigned char { kOther, kWord, kMarkup };

constexpr std::array<unsigned char, 256> kinds() {
    std::array<unsigned char, 256> k{};
    for (int b = 0; b < 256; ++b) {
        bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        k[static_cast<std::size_t>(b)] = alnum || b == '-' || b == '\'' || b >= 0x80 ? kWord : b == '<' || b == '>' || b == '"' ? kMarkup : kOther;
    }
    return k;
}
constexpr std::array<unsigned char, 256> kKind = kinds();

constexpr std::array<unsigned char, 256> folds() {
    std::array<unsigned char, 256> f{};
    for (int b = 0; b < 256; ++b) f[static_cast<std::size_t>(b)] = static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    return f;
}
constexpr std::array<unsigned char, 256> kFold = folds();

constexpr unsigned char kBoundary = ' ';  // never inside a word, so it marks where words start and end

// The bytes that go on a word of two bytes or more: after any other, a word
// of one byte has ended. As a mask of the third byte of four read at once.
constexpr std::array<std::uint32_t, 256> continuations() {
    std::array<std::uint32_t, 256> c{};
    for (int b = 0; b < 256; ++b) c[static_cast<std::size_t>(b)] = kKind[static_cast<std::size_t>(b)] == kWord && b != '\'' ? 0xff0000u : 0;
    return c;
}
constexpr std::array<std::uint32_t, 256> kContinues = continuations();

// A word's start, its first three bytes (the low three of `bytes`, the first
// lowest), as a bit of NameAutomaton::first_starts_. Letters are folded to lower case by setting a
// bit that folds a few other bytes together too, and after a word of one byte the third byte is left out.
constexpr std::uint32_t kStartBits = 1 << 16;
// A word's first two bytes (the low two of `bytes`), folded as start_bit folds them, as a bit of NameAutomaton::first_pairs_.
std::uint32_t pair_bit(std::uint32_t bytes) { return (bytes | 0x2020u) & 0xffffu; }
std::uint32_t start_bit(std::uint32_t bytes) {
    const std::uint32_t start = (bytes & (0xffffu | kContinues[bytes >> 8 & 0xff])) | 0x202020u;
    return start * 0x9e3779b1u >> 16;
}

// The four bytes at `p`, the first lowest.
std::uint32_t four_bytes(const unsigned char* p) {
    std::uint32_t bytes;
    std::memcpy(&bytes, p, 4);
    if constexpr (std::endian::native == std::endian::big)
        bytes = bytes >> 24 | (bytes >> 8 & 0xff00u) | (bytes << 8 & 0xff0000u) | bytes << 24;
    return bytes;
}

}  // namespace

std::string NameAutomaton::normal(std::string_view name) {
    std::string out;
    bool space = false;
    for (char c : name) {
        auto b = static_cast<unsigned char>(c);
        if (kKind[b] == kWord) {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += static_cast<char>(kFold[b]);
        } else {
            space = true;
        }
    }
    return out;
}

void NameAutomaton::add(std::string_view name, std::uint32_t id) {
    if (name.size() < 2 || std::count(name.begin(), name.end(), ' ') > 2) return;
    std::string pattern;
    pattern.reserve(name.size() + 2);
    pattern += static_cast<char>(kBoundary);
    pattern += name;
    pattern += static_cast<char>(kBoundary);
    names_.emplace_back(std::move(pattern), id);
    fail_.clear();  // find() finds nothing until the next build()
}

std::uint32_t NameAutomaton::child(std::uint32_t state, unsigned char byte) const {
    for (std::uint32_t c = first_child_[state]; c < first_child_[state + 1]; ++c)
        if (byte_[c] == byte) return c;
    return kNone;
}

std::uint32_t NameAutomaton::child_or_root(std::uint32_t state, unsigned char byte) const {
    for (std::uint32_t c = first_child_[state], last = first_child_[state + 1]; c < last; ++c)
        if (byte_[c] == byte) return c;
    return 0;
}

std::uint32_t NameAutomaton::next(std::uint32_t state, unsigned char byte) const {
    for (;;) {
        if (state == start_) return from_start_[byte];
        std::uint32_t to = child(state, byte);
        if (to != kNone) return to;
        if (state == 0) return 0;
        state = fail_[state];
    }
}

void NameAutomaton::build() {
    first_child_.clear();
    byte_.clear();
    fail_.clear();
    found_.clear();
    from_start_.clear();
    first_starts_.clear();
    first_pairs_.clear();
    if (names_.empty()) return;
    // The first id added for a name wins: a stable sort keeps it first among equals.
    std::stable_sort(names_.begin(), names_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    names_.erase(std::unique(names_.begin(), names_.end(), [](const auto& a, const auto& b) { return a.first == b.first; }), names_.end());

    // The trie, breadth first: each state stands for the names in a range of
    // the sorted list that share its first `depth` bytes, so its children are
    // made together and numbered one after another. States are taken from the
    // queue in the order they were made: the queue's index is the state.
    struct Pending {
        std::size_t lo, hi, depth;
    };
    std::vector<Pending> queue{{0, names_.size(), 0}};
    byte_.push_back(0);
    found_.push_back(kNone);
    for (std::size_t q = 0; q < queue.size(); ++q) {
        Pending p = queue[q];
        std::size_t i = p.lo;
        if (names_[i].first.size() == p.depth) found_[q] = names_[i++].second;
        first_child_.push_back(static_cast<std::uint32_t>(byte_.size()));
        while (i < p.hi) {
            unsigned char byte = static_cast<unsigned char>(names_[i].first[p.depth]);
            std::size_t j = i;
            while (j < p.hi && static_cast<unsigned char>(names_[j].first[p.depth]) == byte) ++j;
            byte_.push_back(byte);
            found_.push_back(kNone);
            queue.push_back({i, j, p.depth + 1});
            i = j;
        }
    }
    first_child_.push_back(static_cast<std::uint32_t>(byte_.size()));
    queue = {};

    // Failure links, breadth first (the order states were made in). A state's
    // found_ becomes the name of the deepest state down its fail chain where a
    // name ends (the shortest such name), or its own.
    start_ = child(0, kBoundary);
    fail_.assign(byte_.size(), 0);
    for (std::uint32_t s = 0; s + 1 < first_child_.size(); ++s) {
        for (std::uint32_t to = first_child_[s]; to < first_child_[s + 1]; ++to) {
            unsigned char byte = byte_[to];
            std::uint32_t fail = 0;
            if (s != 0) {
                std::uint32_t f = fail_[s];
                while (f != 0 && child(f, byte) == kNone) f = fail_[f];
                std::uint32_t c = child(f, byte);
                fail = c != kNone && c != to ? c : 0;
            }
            fail_[to] = fail;
            if (found_[fail] != kNone) found_[to] = found_[fail];
        }
    }
    // Every word starts at start_: its moves are looked up, not searched for.
    from_start_.assign(256, 0);
    for (int b = 0; b < 256; ++b) {
        auto byte = static_cast<unsigned char>(b);
        std::uint32_t to = child(start_, byte);
        from_start_[byte] = to != kNone ? to : byte == kBoundary ? start_ : 0;
    }
    // Each first word's start as a text may show it: "abc..." as its three
    // bytes, "ab" with each byte that may end it, "a" with each byte that may end it.
    first_starts_.assign(kStartBits / 64, 0);
    first_pairs_.assign(65536 / 64, 0);
    auto mark = [&](unsigned char first, unsigned char second, unsigned char third) {
        const std::uint32_t bytes = first | second << 8 | static_cast<std::uint32_t>(third) << 16;
        const std::uint32_t bit = start_bit(bytes), pair = pair_bit(bytes);
        first_starts_[bit / 64] |= std::uint64_t{1} << (bit % 64);
        first_pairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
    };
    for (const auto& [pattern, id] : names_) {
        const auto first = static_cast<unsigned char>(pattern[1]), second = static_cast<unsigned char>(pattern[2]);
        const auto third = pattern.size() > 3 ? static_cast<unsigned char>(pattern[3]) : kBoundary;
        for (int b = 0; b < 256; ++b) {
            const auto end = static_cast<unsigned char>(b);
            if (kKind[end] == kWord && end != '\'') continue;
            if (second == kBoundary) mark(first, end, 0);
            else if (third == kBoundary) mark(first, second, end);
        }
        if (second != kBoundary && third != kBoundary) mark(first, second, third);
    }
    byte_.shrink_to_fit();
    found_.shrink_to_fit();
    first_child_.shrink_to_fit();
}

std::size_t NameAutomaton::bytes() const {
    return first_child_.capacity() * sizeof(std::uint32_t) + byte_.capacity() + fail_.capacity() * sizeof(std::uint32_t) +
           found_.capacity() * sizeof(std::uint32_t) + from_start_.capacity() * sizeof(std::uint32_t) +
           (first_starts_.capacity() + first_pairs_.capacity()) * sizeof(std::uint64_t);
}

namespace {

constexpr std::size_t kBlock = 64;

// Bit k is set if block[k] is a word's byte.
std::uint64_t word_bytes(const unsigned char* block) {
    std::uint64_t mask = 0;
#if defined(__SSE2__)
    for (std::size_t k = 0; k < kBlock; k += 16) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + k));
        // Letters of either case, and digits, shifted to the bottom of the signed bytes.
        __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
        __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(128 - 'a'))), _mm_set1_epi8(static_cast<char>(-128 + 26)));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(128 - '0'))), _mm_set1_epi8(static_cast<char>(-128 + 10)));
        __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
        __m128i other_script = _mm_cmplt_epi8(x, _mm_setzero_si128());
        __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_or_si128(marks, other_script));
        mask |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(word))) << k;
    }
#else
    for (std::size_t k = 0; k < kBlock; ++k) mask |= static_cast<std::uint64_t>(kKind[block[k]] == kWord) << k;
#endif
    return mask;
}

}  // namespace

NameAutomaton::Step NameAutomaton::after_word(std::string_view text, std::size_t word, std::uint32_t state) const {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::uint32_t before = state;
    std::size_t end = word;
    if (state == start_ && s[end] != '\'') {
        // Inside a word that began at a boundary no state falls back to another but the root: a byte
        // with no move there leaves no name to go on with.
        state = from_start_[kFold[s[end++]]];
        for (; end < n && kKind[s[end]] == kWord && s[end] != '\'' && state != 0; ++end) state = child_or_root(state, kFold[s[end]]);
    }
    for (; end < n && kKind[s[end]] == kWord && s[end] != '\'' && state != 0; ++end) state = next(state, kFold[s[end]]);
    if (end < n && s[end] == '\'' && state != 0) {
        // An apostrophe: the word may end in a possessive, which is not part of it.
        state = before;
        std::size_t after = end;
        while (after < n && kKind[s[after]] == kWord) ++after;
        end = after;
        if (end - word >= 2 && s[end - 2] == '\'' && kFold[s[end - 1]] == 's') end -= 2;
        while (end > word && s[end - 1] == '\'') --end;
        if (end == word) return {before, after, false};  // only apostrophes: not a word
        for (std::size_t b = word; b < end && state != 0; ++b) state = next(state, kFold[s[b]]);
        end = after;
    }
    if (state == 0) return {start_, end, false};  // the word itself was no name's
    return {next(state, kBoundary), end, end < n && kKind[s[end]] == kMarkup};
}

std::optional<NameAutomaton::Match> NameAutomaton::find(std::string_view text) const {
    if (fail_.empty()) return std::nullopt;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::uint64_t* first_starts = first_starts_.data();
    const std::uint64_t* first_pairs = first_pairs_.data();
    unsigned char tail[kBlock + 3];
    std::uint32_t state = start_;
    std::uint64_t carry = 0;  // the block before ends inside a word
    for (std::size_t i = 0; i < n; i += kBlock) {
        // A word's start is read as four bytes, which may lie past the block; the text's end is a word's end.
        const unsigned char* block = s + i;
        if (n - i < kBlock + 3) {
            std::memset(tail, ' ', sizeof tail);
            std::memcpy(tail, block, n - i);
            block = tail;
        }
        const std::uint64_t in_word = word_bytes(block);
        // Words are taken in order from where they start; the next starts after this one ends.
        for (std::uint64_t starts = in_word & ~(in_word << 1 | carry); starts != 0; starts &= starts - 1) {
            const int k = std::countr_zero(starts);
            // After a word boundary most words can start no name: passed over on their first three bytes.
            if (state == start_) {
                const std::uint32_t bytes = four_bytes(block + k), pair = pair_bit(bytes);
                if (!(first_pairs[pair / 64] >> (pair % 64) & 1)) continue;
                const std::uint32_t bit = start_bit(bytes);
                if (!(first_starts[bit / 64] >> (bit % 64) & 1)) continue;
            }
            const Step step = after_word(text, i + static_cast<std::size_t>(k), state);
            if (found_[step.state] != kNone) return Match{found_[step.state], step.end};
            state = step.markup ? start_ : step.state;
        }
        carry = in_word >> 63;
    }
    return std::nullopt;
}

}  // namespace safesite
