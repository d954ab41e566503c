// The corpus of sentence shapes in tests/child_words.txt: what My plan says
// to the child for each sentence a worker may write.
#include <doctest/doctest.h>

#include "render/child/child_words.h"

#include <fstream>
#include <set>
#include <sstream>

using namespace safesite;

TEST_CASE("every sentence in the corpus is written to the child as the corpus says") {
    std::ifstream file(SAFESITE_SOURCE_DIR "/tests/child_words.txt");
    REQUIRE(file);
    std::string line, shape, written, name, pronouns;
    int cases = 0, number = 0, written_at = 0;
    std::set<std::string> shapes;
    while (std::getline(file, line)) {
        ++number;
        if (line.starts_with("## ")) shape = line.substr(3);
        if (line.empty() || line[0] == '#') continue;
        if (!line.starts_with("=>")) {
            // "Mia (she/her): Mia looks after her mum."
            std::size_t open = line.find(" ("), close = line.find("): ");
            REQUIRE_MESSAGE((open != std::string::npos && close != std::string::npos), "line " << number << " is not 'Name (pronouns): sentence'");
            name = line.substr(0, open);
            pronouns = line.substr(open + 2, close - open - 2);
            written = line.substr(close + 3);
            written_at = number;
            continue;
        }
        // "=> text": no sentence kept; "=>? text": one sentence kept as written; "=> unsure": all of it.
        bool one_kept = line.starts_with("=>? ");
        std::string expected = line.substr(one_kept ? 4 : 3);
        std::vector<std::string> unsure;
        std::string said = to_second_person(written, name, pronouns, &unsure);
        INFO("line " << written_at << " (" << shape << "): " << written);
        if (expected == "unsure") {
            CHECK(said == written);
            CHECK(unsure == std::vector<std::string>{written});
        } else {
            CHECK(said == expected);
            CHECK(unsure.size() == (one_kept ? 1u : 0u));
        }
        shapes.insert(shape);
        ++cases;
    }
    CHECK(cases >= 40);
    CHECK(shapes.size() >= 8);
}
