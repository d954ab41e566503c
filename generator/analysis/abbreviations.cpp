#include "analysis/abbreviations.h"

#include <algorithm>
#include <cctype>

namespace safesite {

namespace {

// ASCII tests, as in the "C" locale, without a library call per character.
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_alnum(char c) { return ascii_digit(c) || ascii_upper(c) || (c >= 'a' && c <= 'z'); }

bool word_char(char c) { return ascii_alnum(c) || c == '&' || static_cast<unsigned char>(c) >= 0x80; }

template <typename F>
void for_each_word(std::string_view text, F f) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!word_char(text[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && word_char(text[i])) ++i;
        std::size_t end = i;
        // "CAMHS'" or "LADO's" still name the abbreviation.
        std::string_view word = text.substr(start, end - start);
        while (!word.empty() && word.back() == '&') word.remove_suffix(1);
        f(start, word);
    }
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
            if (ascii_upper(c)) ++upper;
            else if (c != '&' && !ascii_digit(c)) {
                all = false;
                break;
            }
        }
        if (all && upper >= 2) out.emplace_back(offset, word);
    });
    return out;
}

}  // namespace safesite
