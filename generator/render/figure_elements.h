// The yearly figures as <figure> elements for a report.xml (see
// generator/schemas/report.rng): one <value> for the year each, with a
// comment saying what a percentage was worked out from.
#pragma once

#include "analysis/return_figures.h"

#include <string>
#include <vector>

namespace safesite {

// `sources` says in words where the figures came from; it goes in the
// opening comment. A percentage with nothing to divide by has no element,
// only a comment saying so.
std::string figure_elements(const std::vector<ReturnFigure>& figures, const std::string& period, const std::string& sources);

}  // namespace safesite
