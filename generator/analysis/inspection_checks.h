// Checks that inspections say only what their framework allows, and that
// recommendations carried between inspections point at real ones.
#pragma once

#include "model/content.h"

namespace safesite {

void check_inspections(const Content& content, Diagnostics& diags);

// The rank (1 best to 4 worst) of an inspection's overall judgement, if graded.
std::optional<int> overall_rank(const Content& content, const Inspection& inspection);

}  // namespace safesite
