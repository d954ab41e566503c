// The Department for Education's yearly measures of a council's work with
// children, computed from the two statutory returns: the Children in Need
// census and SSDA903 on children looked after. Definitions are written out
// in docs/figures.md; each function here
// follows them, and a record too broken to count (an assessment authorised
// before it started, say) is left out with a warning at its place in the file.
#pragma once

#include "model/statutory_returns.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct ReturnFigure {
    std::string id, label;
    std::string unit;    // "count", "percent" or "rate" (per 10,000 children)
    std::string better;  // "higher", "lower" or "neither"
    long count = 0;      // a count's value; a percentage's numerator
    long out_of = 0;     // a percentage's denominator
    std::string counted;  // what was counted, plural: "referrals", "children"
    std::optional<double> value;  // none when a percentage has nothing to divide by
};

// The year's figures from a CIN census read from `path`, for `period`
// ("2023-24": 1 April 2023 to 31 March 2024).
std::vector<ReturnFigure> children_in_need_figures(const CinCensus& census, const std::string& path, const std::string& period, Diagnostics& diags);

// Children looked after at 31 March, their placement moves, and care leavers.
std::vector<ReturnFigure> looked_after_figures(const LookedAfterReturn& lac, const std::string& period, Diagnostics& diags);

// A rate per 10,000 children for each count among `figures` that has a
// published rate (referrals, enquiries, conferences, plans, children looked
// after), given the council's population of children under 18.
std::vector<ReturnFigure> rates_per_10000(const std::vector<ReturnFigure>& figures, long children);

}  // namespace safesite
