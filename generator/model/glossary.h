// Terms that partnership documents use, with their plain-English meaning.
#pragma once

#include "support/diagnostics.h"

#include <string>
#include <vector>

namespace safesite {

struct Term {
    std::string id;    // anchor on the glossary page, e.g. "camhs"
    std::string abbr;  // may be empty for terms that are not abbreviations
    std::string name;
    std::string plain;
    Location where;
};

struct Glossary {
    std::vector<Term> terms;  // in the order written
};

}  // namespace safesite
