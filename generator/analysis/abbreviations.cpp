#include "analysis/abbreviations.h"

#include "support/byte_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>

namespace safesite {

namespace {

// What each byte is to a word, as in the "C" locale, looked up rather than tested.
enum WordByte : unsigned char { kNotWord, kOtherWord, kUpper, kDigit, kAmpersand };
constexpr std::array<WordByte, 256> kWordBytes = [] {
    std::array<WordByte, 256> t{};
    for (int b = 0; b < 256; ++b) {
        auto& k = t[static_cast<std::size_t>(b)];
        if (b >= 'A' && b <= 'Z') k = kUpper;
        else if (b >= '0' && b <= '9') k = kDigit;
        else if (b == '&') k = kAmpersand;
        else if ((b >= 'a' && b <= 'z') || b >= 0x80) k = kOtherWord;
    }
    return t;
}();
WordByte word_byte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }
bool word_char(char c) { return word_byte(c) != kNotWord; }

// Bytes that are part of a word, 16 at a time: as word_char.
bytes16::Chunk word_chars(bytes16::Chunk c) {
    using namespace bytes16;
    Chunk letter = below(plus(with_bits(c, 0x20), static_cast<char>(-'a')), 26);
    Chunk digit = below(plus(c, static_cast<char>(-'0')), 10);
    return letter | digit | equal(c, '&') | high(c);
}

// Each word (a run of word bytes, without the ampersands that end it) with
// where it starts, in order. Where words start and end is found 16 bytes at a
// time, as bits.
template <typename F>
void for_each_word(std::string_view text, F f) {
    const std::size_t n = text.size();
    std::size_t start = 0;
    bool in_word = false;
    auto end_at = [&](std::size_t end) {
        // "CAMHS'" or "LADO's" still name the abbreviation.
        std::string_view word = text.substr(start, end - start);
        while (!word.empty() && word.back() == '&') word.remove_suffix(1);
        f(start, word);
    };
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const unsigned in = bytes16::mask(word_chars(bytes16::load(text.data() + i)));
        const unsigned before = (in << 1 | (in_word ? 1u : 0u)) & 0xffffu;  // bit k: byte k - 1 is in a word
        const unsigned starts = in & ~before, ends = ~in & before & 0xffffu;
        for (unsigned edges = starts | ends; edges != 0; edges &= edges - 1) {
            const auto k = static_cast<std::size_t>(std::countr_zero(edges));
            if (starts >> k & 1) start = i + k;
            else end_at(i + k);
        }
        in_word = in >> 15 & 1;
    }
    for (; i < n; ++i) {
        const bool in = word_char(text[i]);
        if (in && !in_word) start = i;
        if (!in && in_word) end_at(i);
        in_word = in;
    }
    if (in_word) end_at(n);
}

}  // namespace

AbbreviationIndex::AbbreviationIndex(const Glossary& glossary) {
    for (const Term& t : glossary.terms) {
        if (!t.abbr.empty()) {
            by_abbr_.emplace(t.abbr, &t);
            first_chars_[static_cast<unsigned char>(t.abbr[0])] = true;
            longest_ = std::max(longest_, t.abbr.size());
        }
        for (const std::string* text : {&t.name, &t.abbr})
            for_each_word(*text, [&](std::size_t, std::string_view word) {
                std::string w(word);
                for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                // Short words ("and", "of") gain nothing; plurals too.
                if (w.size() > 3) {
                    known_words_.insert(w);
                    known_words_.insert(w + "s");
                }
            });
    }
}

const Term* AbbreviationIndex::lookup(std::string_view abbr) const {
    // Most words cannot be one: looked at before hashing them.
    if (abbr.empty() || abbr.size() > longest_ || !first_chars_[static_cast<unsigned char>(abbr[0])]) return nullptr;
    auto it = by_abbr_.find(abbr);
    return it == by_abbr_.end() ? nullptr : it->second;
}

std::vector<AbbreviationMatch> AbbreviationIndex::find(std::string_view text) const {
    std::vector<AbbreviationMatch> out;
    if (by_abbr_.empty()) return out;
    for_each_word(text, [&](std::size_t offset, std::string_view word) {
        if (const Term* t = lookup(word)) out.push_back({offset, word.size(), t});
    });
    return out;
}

std::vector<std::pair<std::size_t, std::string_view>> abbreviation_like_words(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string_view>> out;
    for_each_word(text, [&](std::size_t offset, std::string_view word) {
        int upper = 0;
        bool all = word.size() >= 2;
        for (char c : word) {
            WordByte k = word_byte(c);
            if (k == kUpper) ++upper;
            else if (k == kOtherWord) {
                all = false;
                break;
            }
        }
        if (all && upper >= 2) out.emplace_back(offset, word);
    });
    return out;
}

}  // namespace safesite
