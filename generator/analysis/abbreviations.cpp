#include "analysis/abbreviations.h"

#include "support/byte_scan.h"

#include <algorithm>
#include <array>
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

// The word that starts at `start`, given to `f`; where it ends.
template <typename F>
std::size_t give_word(std::string_view text, std::size_t start, F& f) {
    std::size_t end = start;
    while (end < text.size() && word_char(text[end])) ++end;
    // "CAMHS'" or "LADO's" still name the abbreviation.
    std::string_view word = text.substr(start, end - start);
    while (!word.empty() && word.back() == '&') word.remove_suffix(1);
    f(start, word);
    return end;
}

template <typename F>
void for_each_word(std::string_view text, F f) {
    for (std::size_t i = 0; i < text.size();) i = word_char(text[i]) ? give_word(text, i, f) : i + 1;
}

// The first capital letter (A to Z) at or after `from`, or text.size(): sixteen bytes at a time.
std::size_t next_capital(std::string_view text, std::size_t from) {
    return bytes16::find(text, from, [](bytes16::Chunk c) { return bytes16::below(c, 'Z' + 1) ^ bytes16::below(c, 'A'); });
}

// As for_each_word, for the words with a capital letter in them only: the
// rest of the text, most of it, is passed over sixteen bytes at a time.
template <typename F>
void for_each_word_with_capital(std::string_view text, F f) {
    for (std::size_t capital = next_capital(text, 0); capital < text.size();) {
        // The capital's word starts after the last word given, which ended at a byte that is not a word's.
        std::size_t start = capital;
        while (start > 0 && word_char(text[start - 1])) --start;
        capital = next_capital(text, give_word(text, start, f));
    }
}

}  // namespace

AbbreviationIndex::AbbreviationIndex(const Glossary& glossary) {
    for (const Term& t : glossary.terms) {
        if (!t.abbr.empty()) {
            by_abbr_.emplace(t.abbr, &t);
            first_chars_[static_cast<unsigned char>(t.abbr[0])] = true;
            capitals_first_ = capitals_first_ && t.abbr[0] >= 'A' && t.abbr[0] <= 'Z';
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
    auto each = [&](std::size_t offset, std::string_view word) {
        if (const Term* t = lookup(word)) out.push_back({offset, word.size(), t});
    };
    // A word that starts as no abbreviation does is passed over: when each starts with a capital, so must the word.
    if (capitals_first_) for_each_word_with_capital(text, each);
    else for_each_word(text, each);
    return out;
}

std::vector<std::pair<std::size_t, std::string_view>> abbreviation_like_words(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string_view>> out;
    // Only a word with two capitals can be one.
    for_each_word_with_capital(text, [&](std::size_t offset, std::string_view word) {
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
