#include "analysis/contrast.h"

#include <algorithm>
#include <cmath>

namespace safesite {

std::optional<Rgb> parse_hex_colour(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = nibble(hex[static_cast<std::size_t>(i) + 1])) < 0) return std::nullopt;
    return Rgb{double(v[0] * 16 + v[1]), double(v[2] * 16 + v[3]), double(v[4] * 16 + v[5])};
}

double relative_luminance(Rgb c) {
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(Rgb a, Rgb b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace safesite
