// `safesite figures cin FILE.xml --period YYYY-YY [--903 DIR] [--population N]`:
// the year's standard measures from the statutory returns, as <figure>
// elements for a report, on standard output.
#pragma once

#include "support/diagnostics.h"
#include "support/file_system.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace safesite {

struct FiguresRequest {
    std::string cin_file;    // the Children in Need census, XML
    std::string period;      // "2023-24"
    std::string lac_dir;     // SSDA903 CSV files; empty for none
    long population = 0;     // children under 18; 0 for no rates
};

// Reads the arguments after "figures"; the error for a usage problem, if any.
std::optional<std::string> parse_figures_arguments(const std::vector<std::string>& args, FiguresRequest& into);

extern const char* const kFiguresHelp;

struct FiguresOutput {
    std::string xml;  // the <figure> elements; empty when there were errors
    Diagnostics diags;
};

// Reads the returns and works out the figures. Every problem in every file
// is reported at once; with any error there are no figures, since a figure
// missing what could not be read would be wrong without saying so.
FiguresOutput make_figures(FileSystem& fs, const FiguresRequest& request);

}  // namespace safesite
