// WCAG 2.2 contrast between two sRGB colours.
#pragma once

#include <optional>
#include <string_view>

namespace safesite {

struct Rgb {
    double r, g, b;  // 0..255
};

std::optional<Rgb> parse_hex_colour(std::string_view hex);
// Relative luminance, WCAG 2.2 definition.
double relative_luminance(Rgb c);
// From 1 (none) to 21 (black on white).
double contrast_ratio(Rgb a, Rgb b);

}  // namespace safesite
