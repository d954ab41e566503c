// The local offer's topics, the six areas the law says an offer must cover
// (Children and Social Work Act 2017, section 2), and the age bands a care
// leaver picks from.
#pragma once

#include "analysis/inspection_areas.h"

namespace safesite {

const std::vector<NamedValue>& offer_topics();
const std::vector<NamedValue>& statutory_areas();
// The statutory area a topic counts toward; empty for topics that count
// toward none on their own (money, rights, support).
std::string_view area_for_topic(std::string_view topic);

struct AgeBand {
    std::string_view id;     // "18-to-20"
    std::string_view label;  // "18 to 20"
    int from, to;
};
const std::vector<AgeBand>& age_bands();

}  // namespace safesite
