// The year's measures that match the timeliness findings, from the returns
// themselves: reviews on time and plans open two years or more (CIN census),
// three or more placements and reviews on time (SSDA903). They use the same
// deadlines as the findings (review_timing.h). Definitions: docs/timeliness.md.
#pragma once

#include "analysis/return_figures.h"

namespace safesite::timeliness {

// `first` and `last`: 1 April and 31 March of the year, both counted.
// The census's measures, a child at a time.
class ProtectionPlanTally {
public:
    ProtectionPlanTally(Date first, Date last) : first_(first), last_(last) {}
    void add(const CinChild& child);
    std::vector<ReturnFigure> figures() const;

private:
    Date first_, last_;
    long reviewed_ = 0, reviewed_on_time_ = 0, open_two_years_ = 0;
};
std::vector<ReturnFigure> protection_plan_measures(const CinCensus& census, Date first, Date last);
std::vector<ReturnFigure> looked_after_measures(const LookedAfterReturn& lac, Date first, Date last);

}  // namespace safesite::timeliness
