// Reading the SSDA903 return on children looked after (a folder of CSV
// tables) into typed records. Tables are told apart by their columns, not
// their file names, since councils' systems name the files differently.
// UPN, postcodes (HOME_POST, PL_POST), URN and the mother's details are never
// read into the records.
#pragma once

#include "importers/cin_census.h"
#include "model/statutory_returns.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <string>

namespace safesite {

// Reads every .csv table in `dir`: header (required), episodes, reviews,
// missing, oc3 and uasc. A table safesite does not read gets a warning; a
// file over `max_bytes` or empty is refused. A bad row is reported with its
// file and line, marks its child (has_errors) and never stops the others.
LookedAfterReturn read_ssda903(FileSystem& fs, const std::string& dir, Diagnostics& diags,
                               long long max_bytes = kMaxReturnBytes);

// "dd/mm/YYYY" as SSDA903 writes dates.
std::optional<Date> parse_uk_date(std::string_view text);

}  // namespace safesite
