#include "cli/command_line.h"

#include <map>
#include <stdexcept>

namespace safesite {

namespace {

constexpr const char* kOverview = R"(safesite: accessible HTML for safeguarding partnerships, from structured content.

Usage:
  safesite build [options]   check the content, then write the site
  safesite check [options]   check the content and report every problem
  safesite serve [options]   preview the site on this computer, rebuilt as you save
  safesite new site DIR      start a new site: content and a theme to change
  safesite new page|child|report|inspection|offer NAME
                             start a new file of that kind, ready to fill in
  safesite import ofsted REPORT.pdf [--id ID] [--published DATE] [--into DIR]
                             turn a published Ofsted report into an inspection file
  safesite import cin FILE.xml [--content DIR] [--year YYYY-YY]
  safesite import ssda903 DIR [--content DIR] [--year YYYY-YY]
                             add the Children in Need census or the SSDA903 return
                             to the children's records in the content folder
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
                      [--today YYYY-MM-DD] [--jobs N] [--full] [--format text|json] [--quiet]

  --content DIR         the content folder (default: content)
  --out DIR             where the public site goes (default: site)
  --restricted-out DIR  where children's plans and chronologies go (default: the
                        --out folder's name with -restricted, beside it); never
                        inside the public site. Readable by its owner only.
  --templates DIR       the theme: layout, partials, page templates, assets (default:
                        templates beside the content folder, else the installed theme)
  --today DATE          the date that date-based checks and pages use (default: today)
  --max-file-size BYTES refuse content files larger than this (default: 8388608, 8 MiB)
  --jobs N              render pages on N threads (default: one per core); the
                        output is the same for any N
  --full                build every page again, ignoring what the last build made
  --format FORMAT       text (default) or json: the problems as one JSON object
                        on standard output, for editors and CI
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

Usage: safesite check [--content DIR] [--templates DIR] [--today YYYY-MM-DD] [--format text|json] [--quiet]

  --content DIR      the content folder (default: content)
  --templates DIR    the theme to check against (default: templates beside the
                     content folder, else the installed theme)
  --today DATE       the date that date-based checks use (default: today)
  --max-file-size N  refuse content files larger than N bytes (default: 8 MiB)
  --format FORMAT    text (default) or json: every problem as an object with
                     file, line, column, severity, code, message and hint,
                     in one JSON object on standard output
  --quiet            print problems only, not the summary line

Writes nothing. Exit status 1 if there is any error; warnings alone give 0.
)";

constexpr const char* kServe = R"(safesite serve: preview the site on this computer while you edit it.

Usage: safesite serve [--content DIR] [--out DIR] [--restricted-out DIR] [--templates DIR]
                      [--today YYYY-MM-DD] [--port N] [--quiet]

  --port N   the port on 127.0.0.1 to serve on (default: 8000; 0 picks a free one)
  (the other options are as for build)

Builds the site, then serves it at http://127.0.0.1:N/ and the children's
documents under http://127.0.0.1:N/restricted/. It answers this computer
only, never the network. Every time a file in the content or templates
folder is saved it rebuilds what changed, and the page open in the browser
reloads itself. If the content has an error, the browser shows the same
messages as `check`, and the last good site stays served. Stop it with Ctrl+C.
)";

constexpr const char* kImport = R"(safesite import: bring in what was written elsewhere.

Usage: safesite import ofsted REPORT.pdf [--id ID] [--published DATE] [--into DIR]
       safesite import cin FILE.xml [--content DIR] [--year YYYY-YY]
       safesite import ssda903 DIR [--content DIR] [--year YYYY-YY]

import cin and import ssda903 read the Children in Need census (XML) or the
SSDA903 tables (the .csv files in DIR) and write children/<id>/child.xml in
the content folder (default: content) for every child: a new record, or the
entries an existing record does not have yet. Entries a person wrote, and
everything else in a record, are never changed. UPNs, NHS numbers and
postcodes are never copied. --year picks the year's code lists (default: the
census day, or the return's latest date).

import ofsted turns a published Ofsted report on children's services into an
inspection file for content/inspections/:

  REPORT.pdf        the report as Ofsted publishes it (PDF), or its plain text
  --id ID           the inspection's id (default: the authority and year, e.g.
                    halton-2014; a letter adds its kind: halton-2019-focused-visit)
  --published DATE  the publication date (YYYY-MM-DD), for reports that do not
                    print it (ILACS reports since 2018 do not)
  --into DIR        write DIR/inspections/ID.xml (never over an existing file)
                    instead of printing the file

It reads the authority (and its ONS code), the framework (from the report's
title), the visit dates, the publication date where printed, the lead
inspector, every judgement with its grade, every area for improvement under
its timescale heading, and the listed strengths. What it cannot find it says
in an XML comment and as a warning; it never guesses a grade. Check the file
against the report before publishing it.
)";

constexpr const char* kNew = R"(safesite new: start a new site, or a new file in one.

Usage: safesite new site DIR [--title "NAME"]
       safesite new page|child|report|inspection|offer NAME [--content DIR]
       safesite new inspection --framework lcspr|rapid-review|national-review NAME

  site DIR     a new project in DIR: content/ (site settings, glossary, an
               about page, the accessibility statement to fill in) and
               templates/ (the default theme, ready to change). Then:
               cd DIR && safesite build
  --title      the partnership's name for a new site
  page NAME    content/pages/NAME.md (practitioners/NAME for a section)
  child ID     content/children/ID/child.xml, restricted
  report YYYY-YY   content/reports/YYYY-YY/report.xml and a foreword
  inspection ID    content/inspections/ID.xml, e.g. warrington-2025
  --framework lcspr|rapid-review|national-review
               with inspection: a practice review instead, with its
               published date and recommendations, e.g.
               safesite new inspection --framework lcspr warrington-lcspr-2025
  offer AREA   content/local-offer/offer.xml for the care leavers' offer
  --content DIR    the content folder (default: content)

Every file it writes passes `safesite check` as it stands and says in
comments what each part is for. It never overwrites a file.
)";

}  // namespace

std::string help_text(const std::string& topic) {
    if (topic == "new") return kNew;
    if (topic == "build") return kBuild;
    if (topic == "check") return kCheck;
    if (topic == "import") return kImport;
    if (topic == "serve") return kServe;
    if (topic == "figures") return kFiguresHelp;
    return kOverview;
}

std::string version_text() { return "safesite " SAFESITE_VERSION "\n"; }

namespace {

CommandLine parse_new(const std::vector<std::string>& args) {
    CommandLine cl;
    cl.help_topic = "new";
    cl.command = Command::new_content;
    if (args.size() < 2 || !parse_new_kind(args[1], cl.new_kind)) {
        if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) cl.command = Command::help;
        else cl.error = args.size() < 2 ? "new needs a kind: site, page, child, report, inspection or offer"
                                        : "safesite cannot make a new '" + args[1] + "'; it makes: site, page, child, report, inspection, offer";
        return cl;
    }
    for (std::size_t i = 2; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool has_value = i + 1 < args.size() && !args[i + 1].empty();
        if (a == "--help" || a == "-h") {
            cl.command = Command::help;
            return cl;
        }
        if ((a == "--content" && cl.new_kind != NewKind::site) || (a == "--title" && cl.new_kind == NewKind::site) ||
            (a == "--framework" && cl.new_kind == NewKind::inspection)) {
            if (!has_value) {
                cl.error = a + " needs a value";
                return cl;
            }
            (a == "--content" ? cl.options.content_dir : a == "--title" ? cl.new_title : cl.new_framework) = args[++i];
        } else if (a.starts_with("-")) {
            cl.error = "unknown option '" + a + "' for new " + args[1];
            return cl;
        } else if (cl.new_name.empty()) {
            cl.new_name = a;
        } else {
            cl.error = "new makes one thing at a time";
            return cl;
        }
    }
    static const std::map<NewKind, std::string> kExample = {
        {NewKind::site, "our-partnership"}, {NewKind::page, "how-to-report"}, {NewKind::child, "c-1042"},
        {NewKind::report, "2024-25"}, {NewKind::inspection, "warrington-2025"}, {NewKind::offer, "Warrington"}};
    if (cl.new_name.empty())
        cl.error = "new " + args[1] + " needs " + (cl.new_kind == NewKind::site ? "the folder to make" : "a name") +
                   ", e.g. safesite new " + args[1] + " " + kExample.at(cl.new_kind);
    return cl;
}

}  // namespace

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
        const std::string kind = args.size() < 2 ? std::string() : args[1];
        if (kind != "ofsted" && kind != "cin" && kind != "ssda903") {
            cl.error = kind.empty() ? "import needs a kind: safesite import ofsted|cin|ssda903 ..."
                                    : "safesite cannot import '" + kind + "'; it imports: ofsted, cin, ssda903";
            return cl;
        }
        cl.command = kind == "ofsted" ? Command::import_ofsted : kind == "cin" ? Command::import_cin : Command::import_ssda903;
        for (std::size_t i = 2; i < args.size(); ++i) {
            if (args[i] == "--help" || args[i] == "-h") {
                cl.command = Command::help;
                return cl;
            }
            std::string* value = args[i] == "--id" && kind == "ofsted"            ? &cl.import_id
                                 : args[i] == "--content" && kind != "ofsted" ? &cl.options.content_dir
                                 : args[i] == "--year" && kind != "ofsted"    ? &cl.import_year
                                                                              : nullptr;
            if (value) {
                if (i + 1 >= args.size()) {
                    cl.error = args[i] + " needs a value";
                    return cl;
                }
                *value = args[++i];
            } else if ((args[i] == "--published" || args[i] == "--into") && kind == "ofsted") {
                if (i + 1 >= args.size()) {
                    cl.error = args[i] + " needs a value";
                    return cl;
                }
                if (args[i] == "--into") {
                    cl.import_into = args[++i];
                    continue;
                }
                auto date = parse_full_date(args[++i]);
                if (!date) {
                    cl.error = "--published needs a date as YYYY-MM-DD, not '" + args[i] + "'";
                    return cl;
                }
                cl.import_published = date;
            } else if (args[i].starts_with("-")) {
                cl.error = "unknown option '" + args[i] + "' for import " + kind;
                return cl;
            } else if (cl.import_file.empty()) {
                cl.import_file = args[i];
            } else {
                cl.error = "import reads one " + std::string(kind == "ssda903" ? "folder" : kind == "cin" ? "census" : "report") + " at a time";
                return cl;
            }
        }
        if (!cl.import_year.empty() &&
            (cl.import_year.size() != 7 || cl.import_year[4] != '-' || cl.import_year.find_first_not_of("0123456789-") != std::string::npos))
            cl.error = "--year takes a collection year such as 2024-25, not '" + cl.import_year + "'";
        else if (cl.import_file.empty())
            cl.error = kind == "ofsted" ? "import ofsted needs the report (a PDF or its text)"
                       : kind == "cin"  ? "import cin needs the census file (XML)"
                                        : "import ssda903 needs the folder of SSDA903 tables (CSV)";
        return cl;
    }
    if (first == "new") return parse_new(args);
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
    else if (first == "serve") cl.command = Command::serve;
    else {
        cl.error = "unknown command '" + first + "'";
        return cl;
    }
    cl.options.publish = cl.command != Command::check;
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
        else if (a == "--out" && cl.command != Command::check) value(cl.options.out_dir);
        else if (a == "--full" && cl.command == Command::build) cl.options.full = true;
        else if (a == "--restricted-out" && cl.command != Command::check) value(cl.options.restricted_dir);
        else if (a == "--format" && cl.command != Command::serve) {
            std::string text;
            value(text);
            if (!cl.error.empty()) return cl;
            if (text == "json") cl.format = OutputFormat::json;
            else if (text != "text") cl.error = "--format is text or json, not '" + text + "'";
        } else if (a == "--port" && cl.command == Command::serve) {
            std::string text;
            value(text);
            if (!cl.error.empty()) return cl;
            std::size_t used = 0;
            int port = -1;
            try {
                port = std::stoi(text, &used);
            } catch (...) {
            }
            if (used != text.size() || port < 0 || port > 65535) cl.error = "--port wants a number from 0 to 65535, not '" + text + "'";
            else cl.port = port;
        }
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
