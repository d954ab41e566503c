// How hard a sentence is to read, as a reading age in years, by the
// Flesch-Kincaid grade level (US school grade) plus five, the usual way to
// turn a US grade into a UK reading age. One sentence at a time, so a finding
// can name the sentence that is too hard. Names (capitalised words after the
// first) and words the glossary explains count as one syllable: the reader
// knows the people in their life, and the site explains its own terms.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct SentenceLevel {
    std::string sentence;
    int words = 0;
    int syllables = 0;
    double reading_age = 0;  // at least 5
};

std::vector<std::string> split_sentences(std::string_view text);
int count_syllables(std::string_view word);
// Words the reader is taken to know, lower case.
using KnownWords = std::set<std::string, std::less<>>;

SentenceLevel sentence_level(std::string_view sentence, const KnownWords& known = {});
// Every sentence of `text` of five words or more whose reading age, rounded
// down, is above `target`. Shorter sentences are not judged: the formula
// means little for them.
std::vector<SentenceLevel> sentences_above(std::string_view text, int target, const KnownWords& known = {});

}  // namespace safesite
