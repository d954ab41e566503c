// Findings as JSON, for editors and CI: the same findings as the text
// format, one object each, with the same fields a reader of the text sees.
#pragma once

#include "support/diagnostics.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace safesite {

// {"errors":N,"warnings":N,"findings":[{"file":..,"line":..,"column":..,
// "severity":"error"|"warning","code":..,"message":..,"hint":..}, ...]}
// line and column are null where a finding has no place in a file; code and
// hint are "" when a finding has none. Always valid UTF-8, whatever the
// content held.
std::string diagnostics_json(const std::vector<Diagnostic>& findings);
// The same for every finding of `diags`, sorted, written as it is made.
void write_diagnostics_json(const Diagnostics& diags, std::ostream& out);

// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

}  // namespace safesite
