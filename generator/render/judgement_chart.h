// The overall judgement over time, drawn as an inline SVG: a line over the
// four-point scale, each point with a different shape and a text label, so it
// reads in greyscale, in print and without colour. The same numbers go in a
// table beside it; the SVG has a title and a description for screen readers.
#pragma once

#include "render/html.h"
#include "support/date.h"

#include <string>
#include <vector>

namespace safesite {

struct ChartPoint {
    Date date;
    int rank;           // 1 best to 4 worst
    std::string label;  // "Good"
};

// `id` makes the chart's ids unique on its page.
Html judgement_chart(const std::string& id, const std::string& title, const std::vector<ChartPoint>& points);

// The words for a rank on the shared scale: 3 is "Requires improvement or adequate".
std::string rank_label(int rank);

}  // namespace safesite
