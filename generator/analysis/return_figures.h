// The Department for Education's yearly measures of a council's work with
// children, computed from the two statutory returns: the Children in Need
// census and SSDA903 on children looked after. Definitions are written out
// in docs/figures.md; each function here
// follows them, and a record too broken to count (an assessment authorised
// before it started, say) is left out with a warning at its place in the file.
#pragma once

#include "model/statutory_returns.h"
#include "support/diagnostics.h"

#include <memory>
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

namespace timeliness {
class ProtectionPlanTally;
}

// The year's figures from a CIN census, for `period` ("2023-24": 1 April 2023
// to 31 March 2024), counted a child at a time as the census is read, so
// that only the counts are held, not the children.
class ChildrenInNeedTally {
public:
    // `path`: the census file, for the message when its year is not `period`.
    ChildrenInNeedTally(const std::string& period, std::optional<Date> reference_date, const std::string& path, Diagnostics& diags);
    ~ChildrenInNeedTally();
    void add(const CinChild& child);
    std::vector<ReturnFigure> figures() const;

private:
    struct Counts;
    std::string period_;
    std::optional<Date> reference_date_;
    Diagnostics& diags_;
    std::unique_ptr<Counts> counts_;
    std::unique_ptr<timeliness::ProtectionPlanTally> plans_;
};

// The same for a census held whole, read from `path`.
std::vector<ReturnFigure> children_in_need_figures(const CinCensus& census, const std::string& path, const std::string& period, Diagnostics& diags);

// Children looked after at 31 March, their placement moves, and care leavers.
std::vector<ReturnFigure> looked_after_figures(const LookedAfterReturn& lac, const std::string& period, Diagnostics& diags);

// A rate per 10,000 children for each count among `figures` that has a
// published rate (referrals, enquiries, conferences, plans, children looked
// after), given the council's population of children under 18.
std::vector<ReturnFigure> rates_per_10000(const std::vector<ReturnFigure>& figures, long children);

}  // namespace safesite
