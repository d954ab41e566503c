#include "analysis/inspection_areas.h"

namespace safesite {

const std::vector<NamedValue>& inspection_areas() {
    static const std::vector<NamedValue> areas = {
        {"overall", "Overall effectiveness"},
        {"help-and-protection", "Children who need help and protection"},
        {"quality-of-practice", "Quality of practice"},
        {"looked-after-and-permanence", "Children looked after and achieving permanence"},
        {"children-in-care", "Children in care"},
        {"children-in-care-and-care-leavers", "Children in care and care leavers"},
        {"adoption", "Adoption performance"},
        {"care-leavers", "Care leavers"},
        {"leadership", "Leadership, management and governance"},
        {"lscb", "The local safeguarding children board"},
        {"safeguarding", "Safeguarding services"},
        {"looked-after-children", "Services for looked after children"},
        {"capacity-for-improvement", "Capacity for improvement"},
    };
    return areas;
}

const std::vector<NamedValue>& recommendation_timescales() {
    static const std::vector<NamedValue> timescales = {
        {"immediate", "Immediately"},
        {"three-months", "Within three months"},
        {"six-months", "Within six months"},
        {"priority", "As a priority"},
        {"improvement", "Areas for improvement"},
        {"consider", "For the council to consider"},
    };
    return timescales;
}

std::string_view label_of(const std::vector<NamedValue>& list, std::string_view id) {
    for (const auto& v : list)
        if (v.id == id) return v.label;
    return {};
}

std::string list_of_ids(const std::vector<NamedValue>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += i + 1 == list.size() ? " or " : ", ";
        out += list[i].id;
    }
    return out;
}

}  // namespace safesite
