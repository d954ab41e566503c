// folded_spaces: how every value and text of a content file is read, as the
// schemas' "token" reads it: runs of spaces, tabs and line ends become one
// space, none at either end.
#include <doctest/doctest.h>

#include "support/text.h"

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
