#include "cli/summary_line.h"

#include "support/text.h"

#include <cstdio>

namespace safesite {

std::string build_summary_line(const BuildReport& report, bool check_only, const std::string& out_dir, double seconds) {
    char time[32];
    std::snprintf(time, sizeof time, "%.2f s", seconds);
    int errors = report.diags.error_count();
    std::string warnings = counted(report.diags.warning_count(), "warning", "warnings");
    if (check_only || !report.ok())
        return "safesite: " + counted(errors, "error", "errors") + ", " + warnings +
               (report.ok() || check_only ? "" : "; nothing was written") + " (" + time + ")\n";
    if (report.updated && report.files == 0 && report.removed == 0)
        return "safesite: " + out_dir + "/ is up to date; nothing written (" + time + "), " + warnings + "\n";
    if (report.updated)
        return "safesite: updated " + out_dir + "/: " + with_thousands(report.pages_built) + " of " + counted(report.pages, "page", "pages") +
               " rebuilt, " + counted(report.files, "file", "files") + " written, " + with_thousands(report.removed) + " removed (" + time +
               "), " + warnings + "\n";
    std::string restricted;
    if (report.restricted_pages)
        restricted = " and " + counted(report.restricted_pages, "restricted document", "restricted documents") + " to " + report.restricted_dir + "/";
    return "safesite: wrote " + counted(report.pages, "page", "pages") + " to " + out_dir + "/" + restricted + " (" +
           counted(report.files, "file", "files") + ") in " + time + ", " + warnings + "\n";
}

std::string import_errors_line(int errors) {
    return counted(errors, "error", "errors") + (errors == 1 ? ": the child it names was left out" : ": the children they name were left out") +
           "; the others were imported.\n";
}

std::string figures_errors_line(int errors) {
    return "safesite: " + counted(errors, "error", "errors") + " in the returns; no figures written\n";
}

}  // namespace safesite
