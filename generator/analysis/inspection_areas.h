// What inspections judge: areas and recommendation timescales, in the
// words a board member or member of the public would use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct NamedValue {
    std::string_view id;
    std::string_view label;
};

const std::vector<NamedValue>& inspection_areas();
const std::vector<NamedValue>& recommendation_timescales();
// The label for an id, or empty if it is not on the list.
std::string_view label_of(const std::vector<NamedValue>& list, std::string_view id);
// "a, b or c", for messages that say what is allowed.
std::string list_of_ids(const std::vector<NamedValue>& list);

}  // namespace safesite
