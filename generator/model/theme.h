// The look a partnership chooses, from templates/theme.xml.
#pragma once

#include "support/diagnostics.h"

#include <string>

namespace safesite {

struct Theme {
    std::string brand_colour = "#1d70b8";  // "#rrggbb"
    std::string logo;                      // file in templates/assets/, may be empty
    std::string logo_alt;
    Location where;
};

}  // namespace safesite
