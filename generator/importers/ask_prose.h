// What a paragraph of prose under a heading of asks ("Areas for priority
// action", "What needs to improve") says about them. Most letters list their
// asks as bullets; some introduce the list with a sentence ("The local
// authority needs to take swift and decisive action to address the following
// areas of weakness:"), some run the asks on in that sentence, some say there
// are none, and some say the asks of an earlier visit remain.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct AskProse {
    enum class Kind {
        introduction,  // a list follows
        none,          // "There are no priority actions following this focused visit."
        earlier,       // "The areas for priority action set at the last focused visit in February 2020 remain."
        asks,          // the asks themselves, run on in the sentence
        unknown,       // none of these: the importer cannot tell the asks apart
    } kind = Kind::unknown;
    std::vector<std::string> asks;  // for Kind::asks, each in the report's words
};

// `paragraph`: the paragraph's lines joined with single spaces;
// `introduced`: a sentence before it said the asks follow, so sentences that
// are none of the above are the asks.
AskProse read_ask_prose(std::string_view paragraph, bool introduced);

}  // namespace safesite
