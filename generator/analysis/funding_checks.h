// Whether a yearly report's funding matches the partnership: every
// contribution from a partner or relevant agency named in partnership.xml,
// and every partner's contribution shown.
#pragma once

#include "model/report.h"

namespace safesite {

void check_funding(const Report& report, const Partnership& partnership, Diagnostics& diags);

}  // namespace safesite
