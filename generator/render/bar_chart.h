// A figure's values over the years as a horizontal bar chart, inline SVG:
// black bars with the number written at the end of each, so it reads in
// greyscale and in print. The same numbers go in a table beside it.
#pragma once

#include "render/html.h"

#include <string>
#include <vector>

namespace safesite {

struct Bar {
    std::string label;  // "2023-24"
    double value;
    std::string value_text;  // "1,350"
};

Html bar_chart(const std::string& id, const std::string& title, const std::vector<Bar>& bars);

}  // namespace safesite
