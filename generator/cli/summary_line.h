// The one line a command prints when it ends, with every count's noun
// agreeing with it ("1 warning", "2 warnings").
#pragma once

#include "pipeline/site_build.h"

#include <string>

namespace safesite {

// After `build` or `check`: what was written (or why nothing was), how long
// it took and how many findings there are. Ends with a newline.
std::string build_summary_line(const BuildReport& report, bool check_only, const std::string& out_dir, double seconds);

// After an import with errors: the children they name were left out.
std::string import_errors_line(int errors);

// After `figures` with errors.
std::string figures_errors_line(int errors);

}  // namespace safesite
