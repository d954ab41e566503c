// How a response's status is shown: in words, with a symbol beside them and
// a colour behind them, so that neither the symbol nor the colour carries
// the meaning alone.
#pragma once

#include "render/template_value.h"

#include <string>

namespace safesite {

// A record with status (words), status_id (for the colour class) and symbol;
// an empty status means the ask has no response.
Record ask_status(const std::string& status);

}  // namespace safesite
