#include "analysis/readability.h"

#include "support/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace safesite {

constexpr int kShortestJudged = 5;

std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        current += text[i];
        bool end = text[i] == '.' || text[i] == '!' || text[i] == '?';
        // "Mr." and "e.g." do not end a sentence; a full stop before a space and a capital or the end does.
        if (end && (i + 1 == text.size() || (text[i + 1] == ' ' && (i + 2 >= text.size() || !std::islower(static_cast<unsigned char>(text[i + 2])))))) {
            std::string s = trim(current);
            bool title = s.ends_with("Mr.") || s.ends_with("Mrs.") || s.ends_with("Ms.") || s.ends_with("Dr.");
            if (!title) {
                if (!s.empty()) out.push_back(s);
                current.clear();
            }
        }
    }
    if (std::string s = trim(current); !s.empty()) out.push_back(s);
    return out;
}

int count_syllables(std::string_view word) {
    std::string w;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty()) return 0;
    if (w.size() <= 3) return 1;
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    int groups = 0;
    bool in_vowels = false;
    for (char c : w) {
        bool v = vowel(c);
        if (v && !in_vowels) ++groups;
        in_vowels = v;
    }
    // A silent final "e" ("home", "safe"), but not "-le" ("little") or "-ee".
    if (w.back() == 'e' && !w.ends_with("le") && !w.ends_with("ee") && groups > 1) --groups;
    // ... and before "-ly" ("safely", "lonely").
    if (w.ends_with("ely") && groups > 1) --groups;
    // "-ed" is silent after most letters ("stayed", "helped") but not after t or d ("started").
    if (w.ends_with("ed") && w.size() > 3 && w[w.size() - 3] != 't' && w[w.size() - 3] != 'd' && groups > 1) --groups;
    return std::max(1, groups);
}

SentenceLevel sentence_level(std::string_view sentence, const KnownWords& known) {
    SentenceLevel level;
    level.sentence = std::string(sentence);
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        // A name (a capital inside the sentence) counts as one syllable:
        // children know the names of the people in their lives.
        bool name = level.words > 0 && std::isupper(static_cast<unsigned char>(word[0]));
        ++level.words;
        level.syllables += name || known.count(lower_ascii(word)) ? 1 : count_syllables(word);
        word.clear();
    };
    for (char c : sentence) {
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'' || static_cast<unsigned char>(c) >= 0x80) word += c;
        else if (std::isdigit(static_cast<unsigned char>(c))) word += 'x';  // a number reads as one short word
        else flush();
    }
    flush();
    if (level.words == 0) {
        level.reading_age = 5;
        return level;
    }
    double grade = 0.39 * level.words + 11.8 * double(level.syllables) / level.words - 15.59;
    level.reading_age = std::max(5.0, grade + 5.0);
    return level;
}

std::vector<SentenceLevel> sentences_above(std::string_view text, int target, const KnownWords& known) {
    std::vector<SentenceLevel> out;
    for (const std::string& s : split_sentences(text)) {
        SentenceLevel level = sentence_level(s, known);
        // The formula means little for a very short sentence ("Police visit.").
        if (level.words < kShortestJudged) continue;
        if (static_cast<int>(std::floor(level.reading_age)) > target) out.push_back(std::move(level));
    }
    return out;
}

}  // namespace safesite
