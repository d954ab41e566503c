// The Circle of Change drawn as an inline SVG: the child at the centre;
// around them what is going well, what people are worried about and what
// needs to happen; in the outer ring the people who will help. The SVG has
// a title and a full text description, and the page repeats every part as
// text, so nothing depends on seeing the drawing.
#pragma once

#include "render/html.h"

#include <string>
#include <vector>

namespace safesite {

struct CircleOfChange {
    std::string name;     // the child's preferred name
    int working_well = 0; // how many things in each part
    int worries = 0;
    int goals = 0;
    std::vector<std::string> helpers;  // "Kelly (Mum)"
    std::string description;           // the whole plan in words, for the <desc>
};

Html circle_of_change_svg(const CircleOfChange& circle);

}  // namespace safesite
