// Reading the command line. No side effects: main() acts on the result.
#pragma once

#include "cli/figures_command.h"
#include "pipeline/site_build.h"
#include "scaffold/new_content.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

enum class Command { build, check, serve, new_content, import_ofsted, import_cin, import_ssda903, figures, help, version };

enum class OutputFormat { text, json };

struct CommandLine {
    Command command = Command::help;
    std::string help_topic;  // "build", "check" or empty for the overview
    BuildOptions options;
    bool quiet = false;
    OutputFormat format = OutputFormat::text;  // for check and build
    int port = 8000;                           // for serve; 0 means any free port
    NewKind new_kind = NewKind::page;          // for new
    std::string new_name;                      // for new: the file's name, or the new site's folder
    std::string new_title;                     // for new site: the partnership's name
    std::string new_framework;                 // for new inspection: a practice review's framework
    std::string import_file;  // for `import ofsted`, `import cin` (a file) and `import ssda903` (a folder)
    std::string import_id;
    std::optional<Date> import_published;  // --published
    std::string import_into;               // --into: a content folder
    std::string import_year;  // --year for the returns: which year's code lists
    FiguresRequest figures;  // for `figures`
    std::string error;  // a usage error; main exits 2
};

CommandLine parse_command_line(const std::vector<std::string>& args);
std::string help_text(const std::string& topic);
std::string version_text();

}  // namespace safesite
