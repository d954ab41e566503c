#pragma once

#include "model/theme.h"

#include <string>

namespace safesite {

// The partnership's brand as CSS custom properties over GOV.UK Frontend's.
std::string theme_css(const Theme& theme);

}  // namespace safesite
