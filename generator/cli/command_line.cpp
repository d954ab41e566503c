#include "cli/command_line.h"

#include <stdexcept>

namespace safesite {

namespace {

constexpr const char* kOverview = R"(safesite: accessible HTML for safeguarding partnerships, from structured content.

Usage:
  safesite build [options]   check the content, then write the site
  safesite check [options]   check the content and report every problem
  safesite import ofsted REPORT.txt [--id ID]
                             turn a published Ofsted report into an inspection file
  safesite figures cin FILE.xml --period YYYY-YY [--903 DIR] [--population N]
                             the year's standard measures from the statutory returns
  safesite --help            this text; 'safesite build --help' for one command
  safesite --version         the version

Problems are printed as path:line:col: error|warning: message, each with a
hint. Exit status: 0 when there are no errors, 1 when the content has errors,
2 when the command line is wrong.
)";

constexpr const char* kBuild = R"(safesite build: check the content, then write the site.

Usage: safesite build [--content DIR] [--out DIR] [--restricted-out DIR] [--templates DIR]
                      [--today YYYY-MM-DD] [--jobs N] [--full] [--quiet]

  --content DIR         the content folder (default: content)
  --out DIR             where the public site goes (default: site)
  --restricted-out DIR  where children's plans and chronologies go (default:
                        site-restricted); never inside the public site
  --templates DIR       the theme: layout, partials, page templates, assets (default: templates)
  --today DATE          the date that date-based checks and pages use (default: today)
  --max-file-size BYTES refuse content files larger than this (default: 8388608, 8 MiB)
  --jobs N              render pages on N threads (default: one per core); the
                        output is the same for any N
  --full                build every page again, ignoring what the last build made
  --quiet               print problems only, not the summary line or progress

Nothing is written if the content has an error: the previous site stays as it
was. The first build (and --full) writes the whole site beside the old one
and swaps it in with a single rename. Later builds rebuild only the pages
whose content, templates or settings changed, write only files whose bytes
changed, and remove files the site no longer has; the result is the same as
a full build. A build with nothing changed writes nothing. An update trusts
the output folder to hold what the last build wrote: after editing or
deleting files there by hand, build with --full.
)";

constexpr const char* kCheck = R"(safesite check: check the content and report every problem at once.

Usage: safesite check [--content DIR] [--templates DIR] [--today YYYY-MM-DD] [--quiet]

  --content DIR      the content folder (default: content)
  --templates DIR    the theme to check against (default: templates)
  --today DATE       the date that date-based checks use (default: today)
  --max-file-size N  refuse content files larger than N bytes (default: 8 MiB)
  --quiet            print problems only, not the summary line

Writes nothing. Exit status 1 if there is any error; warnings alone give 0.
)";

constexpr const char* kImport = R"(safesite import ofsted: turn the plain text of a published Ofsted report into
an inspection file for content/inspections/.

Usage: safesite import ofsted REPORT.txt [--id ID] > content/inspections/ID.xml

  --id ID    the inspection's id (default: the authority and year, e.g. halton-2014)

It reads the authority, the inspection and publication dates, the framework
(from the report's title), every judgement with its grade, every area for
improvement under its timescale heading, and the listed strengths. What it
cannot find it says in an XML comment; it never guesses a grade. Check the
file against the report before publishing it.
)";

}  // namespace

std::string help_text(const std::string& topic) {
    if (topic == "build") return kBuild;
    if (topic == "check") return kCheck;
    if (topic == "import") return kImport;
    if (topic == "figures") return kFiguresHelp;
    return kOverview;
}

std::string version_text() { return "safesite " SAFESITE_VERSION "\n"; }

CommandLine parse_command_line(const std::vector<std::string>& args) {
    CommandLine cl;
    if (args.empty()) {
        cl.error = "no command given";
        return cl;
    }
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
        cl.command = Command::help;
        if (args.size() > 1) cl.help_topic = args[1];
        return cl;
    }
    if (first == "--version") {
        cl.command = Command::version;
        return cl;
    }
    if (first == "import") {
        cl.help_topic = "import";
        if (args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) {
            cl.command = Command::help;
            return cl;
        }
        if (args.size() < 2 || args[1] != "ofsted") {
            cl.error = args.size() < 2 ? "import needs a kind: safesite import ofsted REPORT.txt" : "safesite cannot import '" + args[1] + "'; it imports: ofsted";
            return cl;
        }
        cl.command = Command::import_ofsted;
        for (std::size_t i = 2; i < args.size(); ++i) {
            if (args[i] == "--help" || args[i] == "-h") {
                cl.command = Command::help;
                return cl;
            }
            if (args[i] == "--id") {
                if (i + 1 >= args.size()) {
                    cl.error = "--id needs a value";
                    return cl;
                }
                cl.import_id = args[++i];
            } else if (args[i].starts_with("-")) {
                cl.error = "unknown option '" + args[i] + "' for import";
                return cl;
            } else if (cl.import_file.empty()) {
                cl.import_file = args[i];
            } else {
                cl.error = "import reads one report at a time";
                return cl;
            }
        }
        if (cl.import_file.empty()) cl.error = "import ofsted needs the report's text file";
        return cl;
    }
    if (first == "figures") {
        cl.help_topic = "figures";
        for (const std::string& a : args)
            if (a == "--help" || a == "-h") {
                cl.command = Command::help;
                return cl;
            }
        cl.command = Command::figures;
        if (auto error = parse_figures_arguments({args.begin() + 1, args.end()}, cl.figures)) cl.error = *error;
        return cl;
    }
    if (first == "build") cl.command = Command::build;
    else if (first == "check") cl.command = Command::check;
    else {
        cl.error = "unknown command '" + first + "'";
        return cl;
    }
    cl.options.publish = cl.command == Command::build;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                cl.error = a + " needs a value";
                return;
            }
            into = args[++i];
        };
        if (a == "--help" || a == "-h") {
            cl.help_topic = first;
            cl.command = Command::help;
            return cl;
        }
        if (a == "--quiet" || a == "-q") cl.quiet = true;
        else if (a == "--content") value(cl.options.content_dir);
        else if (a == "--templates") value(cl.options.templates_dir);
        else if (a == "--jobs" || a == "-j") {
            std::string text;
            value(text);
            if (!cl.error.empty()) return cl;
            try {
                int n = std::stoi(text);
                if (n < 1) throw std::out_of_range("jobs");
                cl.options.jobs = static_cast<unsigned>(n);
            } catch (...) {
                cl.error = "--jobs wants a whole number of at least 1, not '" + text + "'";
            }
        } else if (a == "--max-file-size") {
            std::string text;
            value(text);
            if (!cl.error.empty()) return cl;
            try {
                cl.options.limits.max_file_bytes = std::stoll(text);
            } catch (...) {
                cl.error = "--max-file-size wants a number of bytes, not '" + text + "'";
            }
            if (cl.error.empty() && cl.options.limits.max_file_bytes <= 0) cl.error = "--max-file-size must be above 0";
        }
        else if (a == "--out" && cl.command == Command::build) value(cl.options.out_dir);
        else if (a == "--full" && cl.command == Command::build) cl.options.full = true;
        else if (a == "--restricted-out" && cl.command == Command::build) value(cl.options.restricted_dir);
        else if (a == "--today") {
            std::string text;
            value(text);
            if (!cl.error.empty()) return cl;
            auto d = parse_full_date(text);
            if (!d) cl.error = "--today wants a date as YYYY-MM-DD, not '" + text + "'";
            else cl.options.today = *d;
        } else cl.error = "unknown option '" + a + "' for " + first;
        if (!cl.error.empty()) return cl;
    }
    return cl;
}

}  // namespace safesite
