// Finds glossary abbreviations in running text, so each page can expand the
// first use of each one and link it to the glossary.
#pragma once

#include <array>

#include "model/glossary.h"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safesite {

struct AbbreviationMatch {
    std::size_t offset;
    std::size_t length;
    const Term* term;
};

class AbbreviationIndex {
public:
    explicit AbbreviationIndex(const Glossary& glossary);
    // Whole-word, case-sensitive matches of known abbreviations in `text`.
    std::vector<AbbreviationMatch> find(std::string_view text) const;
    const Term* lookup(std::string_view abbr) const;
    // Every word of every term's name and abbreviation, lower case: the
    // words the site explains, which readability takes as known.
    const std::set<std::string, std::less<>>& known_words() const { return known_words_; }

private:
    std::unordered_map<std::string_view, const Term*> by_abbr_;
    std::array<bool, 256> first_chars_{};  // the first letters of every abbreviation
    std::size_t longest_ = 0;
    bool capitals_first_ = true;  // every abbreviation starts with a capital letter, A to Z
    std::set<std::string, std::less<>> known_words_;
};

// Upper-case words of two or more letters that look like abbreviations, for
// the check that warns about ones the glossary does not explain.
std::vector<std::pair<std::size_t, std::string_view>> abbreviation_like_words(std::string_view text);

}  // namespace safesite
