// Reading the command line. No side effects: main() acts on the result.
#pragma once

#include "cli/figures_command.h"
#include "pipeline/site_build.h"

#include <string>
#include <vector>

namespace safesite {

enum class Command { build, check, import_ofsted, figures, help, version };

struct CommandLine {
    Command command = Command::help;
    std::string help_topic;  // "build", "check" or empty for the overview
    BuildOptions options;
    bool quiet = false;
    std::string import_file;  // for `import ofsted`
    std::string import_id;
    FiguresRequest figures;  // for `figures`
    std::string error;  // a usage error; main exits 2
};

CommandLine parse_command_line(const std::vector<std::string>& args);
std::string help_text(const std::string& topic);
std::string version_text();

}  // namespace safesite
