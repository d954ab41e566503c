// folded_spaces: how every value and text of a content file is read, as the
// schemas' "token" reads it: runs of spaces, tabs and line ends become one
// space, none at either end.
#include <doctest/doctest.h>

#include "support/text.h"

#include <random>

using namespace safesite;

TEST_CASE("spaces are folded as a token's are, at the ends and inside, with a run of words copied whole") {
    CHECK(folded_spaces("") == "");
    CHECK(folded_spaces(" \t\r\n") == "");
    CHECK(folded_spaces("a") == "a");
    CHECK(folded_spaces("Mia goes to school") == "Mia goes to school");
    CHECK(folded_spaces("  Mia goes  ") == "Mia goes");
    CHECK(folded_spaces("Mia  goes") == "Mia goes");
    CHECK(folded_spaces("Mia\ngoes\tto\r\nschool") == "Mia goes to school");
    CHECK(folded_spaces("Mia \n goes") == "Mia goes");
    CHECK(folded_spaces("Mia ") == "Mia");
    CHECK(folded_spaces(" a b ") == "a b");
    // Only these four are spaces: a no-break space (UTF-8 C2 A0) is kept.
    CHECK(folded_spaces("a\xC2\xA0 b") == "a\xC2\xA0 b");
    CHECK(folded_spaces("a\vb") == "a\vb");
}

namespace {

// Folding as the schemas' token reads it, a byte at a time, written plainly.
std::string plain_fold(const std::string& s) {
    std::string out, word;
    for (char c : s + ' ') {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!word.empty()) out += (out.empty() ? "" : " ") + word;
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("folding is the same wherever a space, a second space or a line end falls against 16-byte blocks") {
    // Every place in texts around the block size, for each kind of space.
    for (std::size_t size : {15u, 16u, 17u, 31u, 32u, 33u, 48u}) {
        std::string base;
        for (std::size_t k = 0; k < size; ++k) base += k % 5 == 4 ? ' ' : static_cast<char>('a' + k % 26);
        if (base.back() == ' ') base.back() = 'z';
        for (std::size_t at = 0; at < size; ++at)
            for (const char* insert : {" ", "  ", "\n", "\t", "\r", " \n"}) {
                std::string text = base;
                text.insert(at, insert);
                CAPTURE(text);
                CHECK(folded_spaces(text) == plain_fold(text));
            }
    }
    std::mt19937 rng(7);
    const std::string alphabet = "ab  \n\t\rc\xC3\xA9";
    for (int round = 0; round < 5000; ++round) {
        std::string text(rng() % 70, ' ');
        for (char& c : text) c = alphabet[rng() % alphabet.size()];
        CAPTURE(text);
        CHECK(folded_spaces(text) == plain_fold(text));
    }
}
