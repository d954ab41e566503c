// DfE, Characteristics of children in need: repeat plans are a measure of
// whether help lasted. Here: a child protection plan that starts after an
// earlier plan ended (not the same day: that is one plan carried on) and on
// or before the same date two years after that
// end. The finding names the earlier plan.
#include "analysis/timeliness/rule.h"

namespace safesite::timeliness {

void repeat_cp_plan(const CaseEvents& events, const RuleContext& rule) {
    const auto& plans = events.protection_plans;
    for (std::size_t i = 1; i < plans.size(); ++i) {
        const ProtectionPlan* earlier = nullptr;
        for (std::size_t j = 0; j < i; ++j)
            if (plans[j].end && *plans[j].end < plans[i].start && (!earlier || *plans[j].end > *earlier->end)) earlier = &plans[j];
        if (!earlier || plans[i].start > add_months(*earlier->end, 24)) continue;
        long n = plans[i].start.days_since_epoch() - earlier->end->days_since_epoch();
        rule.finding(*plans[i].entry, "repeat-cp-plan",
                     "this child protection plan starts on " + plans[i].start.long_form() + ", " + days(n) + " after the plan from " +
                         earlier->start.long_form() + " to " + earlier->end->long_form() + " ended: within two years",
                     "look at what changed after the earlier plan ended, and what did not");
    }
}

}  // namespace safesite::timeliness
