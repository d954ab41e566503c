// Whether the latest yearly report answers every open ask of an inspection
// or review, and whether each <response> names a real one.
#pragma once

#include "model/content.h"

namespace safesite {

// Every report's responses must name a real recommendation. The latest
// report alone is asked to answer the open asks: an earlier one is already
// published and cannot change, though what it said still counts.
void check_asks(const Content& content, Diagnostics& diags);

}  // namespace safesite
