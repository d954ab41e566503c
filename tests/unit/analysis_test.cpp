#include <doctest/doctest.h>

#include "analysis/abbreviations.h"
#include "analysis/contrast.h"
#include "analysis/site_map.h"

#include <algorithm>
#include <cctype>
#include <random>
#include <tuple>

using namespace safesite;

TEST_CASE("relative URLs climb out of folders and share what they can") {
    CHECK(relative_url("about.html", "glossary.html") == "glossary.html");
    CHECK(relative_url("inspections/halton.html", "glossary.html") == "../glossary.html");
    CHECK(relative_url("inspections/halton.html", "inspections/halton-2014.html") == "halton-2014.html");
    CHECK(relative_url("a/b/c.html", "a/d.html") == "../d.html");
    CHECK(root_prefix("a/b/c.html") == "../../");
    CHECK(root_prefix("index.html").empty());
}

TEST_CASE("content links name pages in several ways") {
    SiteMap map;
    map.add({"", "index.html", "Home", "home", ""});
    map.add({"about", "about.html", "About", "page", "about"});
    CHECK(map.file_for("about") == "about.html");
    CHECK(map.file_for("/about") == "about.html");
    CHECK(map.file_for("about.md") == "about.html");
    CHECK(map.file_for("pages/about.md#who") == "about.html#who");
    CHECK(map.file_for("/") == "index.html");
    CHECK_FALSE(map.file_for("abut"));
    CHECK(is_external_link("HTTPS://example.org"));
    CHECK_FALSE(is_external_link("javascript:x"));
}

TEST_CASE("contrast follows the WCAG 2.2 formula") {
    CHECK(contrast_ratio(parse_hex_colour("#000000").value(), parse_hex_colour("#ffffff").value()) == doctest::Approx(21.0));
    CHECK(contrast_ratio(parse_hex_colour("#1d70b8").value(), parse_hex_colour("#FFFFFF").value()) == doctest::Approx(5.17).epsilon(0.01));
    CHECK(contrast_ratio(parse_hex_colour("#00594f").value(), Rgb{255, 255, 255}) > 4.5);
    CHECK_FALSE(parse_hex_colour("#fff"));
    CHECK_FALSE(parse_hex_colour("#gggggg"));
}

TEST_CASE("abbreviations are found as whole, case-sensitive words") {
    Glossary g{{{"cse", "CSE", "Child sexual exploitation", "p", {}}, {"a-and-e", "A&E", "Accident and emergency", "p", {}}}};
    AbbreviationIndex index(g);
    auto found = index.find("CSE, not CSEs or cse; A&E.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].offset == 0);
    CHECK(found[1].term->abbr == "A&E");
    auto words = abbreviation_like_words("The MARAC met the GP and Mr Smith in 2019.");
    REQUIRE(words.size() == 2);
    CHECK(words[0].second == "MARAC");
    CHECK(words[1].second == "GP");
}

TEST_CASE("words that look like abbreviations: capitals with digits or ampersands, whole words, bytes beyond ASCII part of a word") {
    auto words = [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& [offset, word] : abbreviation_like_words(text)) out.emplace_back(word);
        return out;
    };
    CHECK(words("A&E, S47 and R2D2 then LADO's and CAMHS& too") == std::vector<std::string>{"A&E", "R2D2", "LADO", "CAMHS"});
    CHECK(words("AB\xC3\x89 \xC3\xA9GP GPx xGP G P GP") == std::vector<std::string>{"GP"});
    CHECK(words("NHS") == std::vector<std::string>{"NHS"});
    CHECK(words("a-HMRC_DWP.") == std::vector<std::string>{"HMRC", "DWP"});
    CHECK(words("").empty());
}

// The words, against a plain reading of them, on random text.
TEST_CASE("abbreviation-like words on random text are those a plain reading of the words finds") {
    auto reference = [](std::string_view text) {
        std::vector<std::pair<std::size_t, std::string>> out;
        auto in_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '&' || static_cast<unsigned char>(c) >= 0x80; };
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (!in_word(text[i]) || (i > 0 && in_word(text[i - 1]))) continue;
            std::size_t end = i;
            while (end < text.size() && in_word(text[end])) ++end;
            std::string word(text.substr(i, end - i));
            while (!word.empty() && word.back() == '&') word.pop_back();
            const auto capitals = std::count_if(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            const bool only = std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&'; });
            if (word.size() >= 2 && only && capitals >= 2) out.emplace_back(i, word);
        }
        return out;
    };
    std::mt19937 rng(5);
    const std::vector<std::string> pieces = {"GP", "A&E", "&", "NHS", "x", "Mr", " ", ". ", "\xc3\x89", "2019", "LADO's", "-", "CAMHS&&", "a", "Q"};
    for (int round = 0; round < 5000; ++round) {
        std::string text(rng() % 20, ' ');
        for (std::size_t k = rng() % 16; k > 0; --k) text += pieces[rng() % pieces.size()];
        std::vector<std::pair<std::size_t, std::string>> got;
        for (const auto& [offset, word] : abbreviation_like_words(text)) got.emplace_back(offset, word);
        INFO("text: " << text);
        CHECK(got == reference(text));
    }
}

namespace {

// The word scans as they read one byte at a time: words are runs of letters,
// digits, '&' and bytes beyond ASCII, less any '&' at their ends.
std::vector<std::pair<std::size_t, std::string_view>> words_one_byte_at_a_time(std::string_view text) {
    auto word_char = [](unsigned char c) { return std::isalnum(c) || c == '&' || c >= 0x80; };
    std::vector<std::pair<std::size_t, std::string_view>> out;
    for (std::size_t i = 0; i < text.size();) {
        if (!word_char(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && word_char(static_cast<unsigned char>(text[i]))) ++i;
        std::string_view word = text.substr(start, i - start);
        while (!word.empty() && word.back() == '&') word.remove_suffix(1);
        out.emplace_back(start, word);
    }
    return out;
}

}  // namespace

TEST_CASE("abbreviations are found by skipping to capitals exactly as by reading every byte") {
    // The scans pass over text without capitals 16 bytes at a time: every
    // word, at every place against those blocks, must be seen as before.
    Glossary g{{{"cse", "CSE", "Child sexual exploitation", "p", {}},
                {"a-and-e", "A&E", "Accident and emergency", "p", {}},
                {"ehcp", "EHCP", "Education, health and care plan", "p", {}}}};
    Glossary lower_first{{{"ehcp", "eHCP", "Education, health and care plan", "p", {}}, {"cse", "CSE", "Child sexual exploitation", "p", {}}}};
    AbbreviationIndex index(g), other(lower_first);
    const std::vector<std::string> pieces = {"CSE", "A&E", "EHCP", "eHCP", "iPhone", "NHS", "Cse", "CSEs", "A&", "&E", "x", "care", "LADO's",
                                             "2CSE", "CSE2", "\xc3\xa9", "\xc3\x89" "CSE", "&&", "  ", ".", ",", "(", ")", "\n", "-", "'", "ABCdef"};
    std::mt19937 random(20261207);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int n = static_cast<int>(random() % 24);
        for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
        // Where the abbreviation-like words are found: two capitals or more, nothing lower case.
        std::vector<std::pair<std::size_t, std::string_view>> like;
        for (const auto& [offset, word] : words_one_byte_at_a_time(text)) {
            int upper = 0;
            bool all = word.size() >= 2;
            for (char c : word) {
                if (c >= 'A' && c <= 'Z') ++upper;
                else if (!(c >= '0' && c <= '9') && c != '&') all = false;
            }
            if (all && upper >= 2) like.emplace_back(offset, word);
        }
        REQUIRE_MESSAGE(abbreviation_like_words(text) == like, text);
        for (const AbbreviationIndex* in : {&index, &other}) {
            std::vector<std::tuple<std::size_t, std::size_t, const Term*>> expected, found;
            for (const auto& [offset, word] : words_one_byte_at_a_time(text))
                if (const Term* t = in->lookup(word)) expected.emplace_back(offset, word.size(), t);
            for (const AbbreviationMatch& m : in->find(text)) found.emplace_back(m.offset, m.length, m.term);
            REQUIRE_MESSAGE(found == expected, text);
        }
    }
}
