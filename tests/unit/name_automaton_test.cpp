#include "analysis/name_automaton.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>

using namespace safesite;

namespace {

NameAutomaton automaton(std::initializer_list<const char*> names) {
    NameAutomaton a;
    std::uint32_t id = 0;
    for (const char* n : names) a.add(NameAutomaton::normal(n), id++);
    a.build();
    return a;
}

// The id found in `text`, or -1.
long found(const NameAutomaton& a, std::string_view text) {
    auto m = a.find(text);
    return m ? static_cast<long>(m->id) : -1;
}

// The leak guard's name search before the automaton: every word, and every
// run of two and three words, looked up whole. The automaton must find what it found.
long reference(const std::map<std::string, std::uint32_t>& names, std::string_view out) {
    auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80; };
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i <= out.size(); ++i) {
        char c = i < out.size() ? out[i] : ' ';
        if (name_char(c)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (word.ends_with("'s")) word.resize(word.size() - 2);
        while (!word.empty() && word.back() == '\'') word.pop_back();
        if (word.empty()) continue;
        words.push_back(word);
        word.clear();
        if (words.size() > 3) words.erase(words.begin());
        std::string joined;
        for (std::size_t n = 1; n <= 3 && n <= words.size(); ++n) {
            joined = n == 1 ? words.back() : words[words.size() - n] + " " + joined;
            if (auto it = names.find(joined); it != names.end()) return it->second;
        }
        if (c == '<' || c == '>' || c == '"') words.clear();
    }
    return -1;
}

}  // namespace

TEST_CASE("a name is found only as whole words, in either case") {
    auto a = automaton({"Ada", "c-7"});
    CHECK(found(a, "<p>Ada went home</p>") == 0);
    CHECK(found(a, "ADA") == 0);
    CHECK(found(a, "aDa.") == 0);
    CHECK(found(a, "Adam and Adaline, Nada, ada-lou") == -1);
    CHECK(found(a, "see c-7 here") == 1);
    CHECK(found(a, "see c-77 or bc-7") == -1);
    CHECK(found(a, "") == -1);
}

TEST_CASE("a possessive or a trailing apostrophe is not part of the word") {
    auto a = automaton({"Ada", "Jo O'Neill"});
    CHECK(found(a, "Ada's day") == 0);
    CHECK(found(a, "ADA'S day") == 0);
    CHECK(found(a, "the Adas' day") == -1);
    CHECK(found(a, "Ada' day") == 0);
    CHECK(found(a, "Ada''s day") == 0);
    CHECK(found(a, "Ada's's day") == -1);  // "ada's" is the word
    CHECK(found(a, "jo o'neill's") == 1);
    CHECK(found(a, "Mrs O'Neill") == -1);
}

TEST_CASE("a name's words may be apart by spaces and punctuation, not by markup") {
    auto a = automaton({"Ann Lee"});
    CHECK(found(a, "Ann Lee") == 0);
    CHECK(found(a, "ann,  lee") == 0);
    CHECK(found(a, "Ann &amp; Lee") == -1);  // "amp" is a word between them
    CHECK(found(a, "Ann</b> Lee") == -1);
    CHECK(found(a, "<a title=\"Ann\">Lee</a>") == -1);
    CHECK(found(a, "Ann ,\" Lee") == 0);  // markup ends a run only right after a word, as before
    CHECK(found(a, "Lee Ann") == -1);
}

TEST_CASE("names that overlap are all found, the one whose last word comes first, then the shortest") {
    auto a = automaton({"Ann Lee Ross", "Lee", "Ross Kay", "Ann Lee"});
    CHECK(found(a, "Ann Lee Ross") == 1);  // "Lee" and "Ann Lee" both end at Lee: the shorter
    auto b = automaton({"Ann Lee Ross", "Lee Rossi", "Ross Kay"});
    CHECK(found(b, "Ann Lee Rossi") == 1);
    CHECK(found(b, "Ann Lee Ross Kay") == 0);
    CHECK(found(b, "ann lee ann lee ross") == 0);
    auto c = automaton({"Jo Jo Jo", "Jo Jo Ma"});
    CHECK(found(c, "jo jo jo jo ma") == 0);
    CHECK(found(c, "jo jo jo ma") == 0);
    CHECK(found(c, "xx jo jo ma") == 1);
}

TEST_CASE("bytes of other scripts are part of a word: a name is not found inside one") {
    auto a = automaton({"Zoë", "Ada"});
    CHECK(found(a, "Zoë said") == 0);
    CHECK(found(a, "Zoëy said") == -1);
    CHECK(found(a, "ZOë") == 0);  // only ASCII letters fold
    CHECK(found(a, "ZOË") == -1);
    CHECK(found(a, "éAda") == -1);
    CHECK(found(a, "Ada\u2026") == -1);
    CHECK(found(a, "\u00abAda\u00bb") == -1);
    CHECK(found(a, "Ada\xff") == -1);
}

TEST_CASE("a name under two bytes or of more than three words is not searched for; the first of equal names is found") {
    auto a = automaton({"J", "Ann Marie Lee Ross", "Mo", "MO"});
    CHECK(found(a, "J") == -1);
    CHECK(found(a, "Ann Marie Lee Ross") == -1);
    CHECK(found(a, "mo") == 2);
    NameAutomaton empty;
    empty.build();
    CHECK(empty.find("anything").has_value() == false);
}

TEST_CASE("the automaton finds what looking up every run of words found, on random text") {
    std::mt19937 rng(7);
    const std::vector<std::string> pieces = {"a", "b", "ab", "s", "S", "'", "'s", " ", " ", ", ", "<", ">", "\"", "-", "\xc3\xa9", "A", "ba"};
    auto text = [&](std::size_t n) {
        std::string t;
        for (std::size_t i = 0; i < n; ++i) t += pieces[rng() % pieces.size()];
        return t;
    };
    for (int round = 0; round < 300; ++round) {
        NameAutomaton a;
        std::map<std::string, std::uint32_t> names;
        for (std::uint32_t id = 0; id < 1 + rng() % 8; ++id) {
            std::string n = NameAutomaton::normal(text(1 + rng() % 6));
            a.add(n, id);
            if (n.size() >= 2 && std::count(n.begin(), n.end(), ' ') <= 2) names.emplace(n, id);
        }
        a.build();
        for (int t = 0; t < 40; ++t) {
            std::string sample = text(rng() % 30);
            INFO("text: " << sample);
            CHECK(found(a, sample) == reference(names, sample));
        }
    }
}

// The scan reads a text 64 bytes at a time, and a word's start as its first
// bytes, which may lie in the next block or past the text's end.
TEST_CASE("a name is found wherever it lies against the blocks the scan reads, to the text's last byte") {
    auto a = automaton({"Ann Lee", "J Smith", "Mo", "Ada"});
    for (std::size_t at = 0; at < 200; ++at) {
        const std::string before(at, 'x');  // one long word, or none
        for (const char* gap : {" ", ", <b>", "\xc3\xa9 "}) {
            std::string filler = at == 0 ? "" : before + gap;
            INFO("at " << at << " after '" << gap << "'");
            CHECK(found(a, filler + "Ann Lee") == 0);
            CHECK(found(a, filler + "ann lee.") == 0);
            CHECK(found(a, filler + "J Smith") == 1);
            CHECK(found(a, filler + "j's smith") == 1);
            CHECK(found(a, filler + "MO") == 2);
            CHECK(found(a, filler + "Mo's") == 2);
            CHECK(found(a, filler + "Ada'") == 3);
            CHECK(found(a, filler + "Ann") == -1);
            CHECK(found(a, filler + "J") == -1);
            CHECK(found(a, filler + "Adam") == -1);
            CHECK(found(a, filler + "Ada\xc3\xa9") == -1);
            CHECK(found(a, filler + "Mo-") == -1);
            CHECK(found(a, filler + "Ann</b>Lee") == -1);
        }
        // A word that runs on over a block's end, and a name inside words of other scripts.
        CHECK(found(a, std::string(at, ' ') + std::string(70, 'a') + "da Mo") == 2);
        CHECK(found(a, std::string(at, ' ') + std::string(70, 'a') + "da Mox") == -1);
        CHECK(found(a, std::string(at + 1, '\xc3') + "Ada") == -1);
        CHECK(found(a, std::string(at, '.') + "Ada" + std::string(at, '\xa9')) == (at == 0 ? 3 : -1));
    }
}

TEST_CASE("on long random text, names cut from the text itself are found as looking up every run of words found them") {
    std::mt19937 rng(15);
    const std::vector<std::string> pieces = {"a", "b", "ab", "s", "S", "'", "'s", " ", " ", ", ", "<", ">", "\"", "-", "\xc3\xa9", "A", "ba", "j", "J", "Mo"};
    for (int round = 0; round < 2000; ++round) {
        std::string sample;
        for (std::size_t i = rng() % 150; i > 0; --i) sample += pieces[rng() % pieces.size()];
        NameAutomaton a;
        std::map<std::string, std::uint32_t> names;
        for (std::uint32_t id = 0; id < 1 + rng() % 4 && !sample.empty(); ++id) {
            const std::size_t from = rng() % sample.size();
            std::string n = NameAutomaton::normal(sample.substr(from, 1 + rng() % 12));
            a.add(n, id);
            if (n.size() >= 2 && std::count(n.begin(), n.end(), ' ') <= 2) names.emplace(n, id);
        }
        a.build();
        INFO("text: " << sample);
        CHECK(found(a, sample) == reference(names, sample));
    }
}

// Words are passed over on their first two bytes (bit 5 of each set) before
// their first three are hashed: a name must still be found at the text's
// start and end, in either case, after a first word of one byte, and beside
// words that share its first two bytes.
TEST_CASE("the two-byte filter on a word's start passes over no name") {
    const std::vector<std::string> names = {"J Smith", "Jo", "c-7", "'t Hooft", "\xc3\x96zil Ali", "Ann Lee", "x1", "Mo's", "Ed"};
    NameAutomaton a;
    std::map<std::string, std::uint32_t> by_name;
    for (std::uint32_t id = 0; id < names.size(); ++id) {
        std::string n = NameAutomaton::normal(names[id]);
        a.add(n, id);
        by_name.emplace(n, id);
    }
    a.build();
    auto upper = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s;
    };
    const std::vector<std::string> near = {"Jon", "J.", "Joe", "c-77", "'tis", "\xc3\x96z", "\xe3\x96zil", "Anne", "x12", "Ed-", "ED'S", "jj"};
    for (const std::string& name : names)
        for (const std::string& form : {name, upper(name)})
            for (const char* end : {"", " ", ".", "<", "'", "'s", "\xc3\xa9", "-", "_"})
                for (const std::string& before : {std::string(), std::string("x "), std::string(63, 'y') + " ", near[form.size() % near.size()] + " "}) {
                    const std::string text = before + form + end;
                    INFO("text: " << text);
                    CHECK(found(a, text) == reference(by_name, text));
                }
    for (const std::string& word : near) {
        INFO("word: " << word);
        CHECK(found(a, word) == reference(by_name, word));
        CHECK(found(a, "<p>" + word + "</p>") == reference(by_name, "<p>" + word + "</p>"));
    }
    CHECK(found(a, "j smith") == 0);
    CHECK(found(a, "J\tSMITH") == 0);
    CHECK(found(a, "ED") == 8);
}
