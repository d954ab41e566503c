// Strings joined into one, sized once.
#pragma once

#include <string>
#include <string_view>

namespace safesite {

// The parts written one after another: concat("<", name, "> is not expected
// here"). Use it where a literal would come first in a chain of +: GCC 12 at
// -O2 warns (-Wrestrict, a false alarm: GCC bug 105329) about "literal" + a
// string made on the spot.
template <class... Parts>
std::string concat(const Parts&... parts) {
    std::string out;
    out.reserve((std::string_view(parts).size() + ...));
    (out.append(std::string_view(parts)), ...);
    return out;
}

}  // namespace safesite
