// DfE, Children looked after in England, placement stability: children with
// "three or more placements" in a year. Here: three or more placements
// starting within any 12 months (the first and the last less than 12 months
// apart: on 1 January 2023 and before 1 January 2024). Each run of
// placements is reported once, at its last placement.
#include "analysis/timeliness/rule.h"

namespace safesite::timeliness {

void placement_moves_in_year(const CaseEvents& events, const RuleContext& rule) {
    const auto& p = events.placements;
    for (std::size_t i = 0; i + 3 <= p.size();) {
        Date window_end = add_months(p[i]->date, 12);
        std::size_t j = i + 2;
        if (!(p[j]->date < window_end)) {
            ++i;
            continue;
        }
        while (j + 1 < p.size() && p[j + 1]->date < window_end) ++j;
        long n = p[j]->date.days_since_epoch() - p[i]->date.days_since_epoch();
        rule.finding(*p[j], "placement-moves-in-year",
                     std::to_string(j - i + 1) + " placements started within 12 months (" + p[i]->date.long_form() + " to " + p[j]->date.long_form() +
                         ", " + days(n) + ")",
                     "ask " + rule.child.preferred + " how the moves have felt, and what would help them stay");
        i = j + 1;
    }
}

}  // namespace safesite::timeliness
