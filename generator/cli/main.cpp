// The safesite program: the command line around the library.
#include "pipeline/locations.h"
#include "pipeline/site_build.h"
#include "cli/command_line.h"
#include "cli/extras.h"
#ifndef SAFESITE_LEAN
#include "cli/import_ofsted.h"
#endif
#include "cli/progress_line.h"
#include "cli/summary_line.h"
#include "content/markdown_document.h"
#ifndef SAFESITE_LEAN
#include "serve/preview_server.h"
#endif
#include "support/diagnostics_json.h"
#include "importers/return_import.h"

#include <libxml/parser.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

using namespace safesite;

namespace {

void print_diagnostics(const Diagnostics& diags) {
    // Written in large blocks: standard error is unbuffered, and a council's records can have a hundred thousand findings.
    std::string block;
    diags.for_each_sorted([&](const Diagnostic& d) {
        block += format_diagnostic(d);
        if (block.size() > 1 << 16) {
            std::cerr << block;
            block.clear();
        }
    });
    std::cerr << block;
}

// This program exactly: a rebuilt program, even of the same version, does
// not reuse what the last one built.
std::string tool_identity(FileSystem& fs) {
    if (const char* caller = identity_from_caller()) return caller;  // safesite-extras, run by safesite
    std::string id = version_text();
    if (auto stamp = fs.stamp("/proc/self/exe")) id += std::to_string(stamp->size) + ":" + std::to_string(stamp->modified_ns);
    return id;
}

// The theme a new site starts from: the installed one, or, for a program
// run from its build folder, the project's own.
std::string default_theme(FileSystem& fs) {
    std::string installed = installed_templates();
    return fs.is_directory(installed) ? installed : SAFESITE_SOURCE_THEME;
}

int make_new(const CommandLine& cl) {
    DiskFileSystem disk;
    bool site = cl.new_kind == NewKind::site;
    NewFiles files = new_content_files(cl.new_kind, site ? cl.new_title : cl.new_name, today_utc(), cl.new_framework);
    if (!files.error.empty()) {
        std::cerr << "safesite: " << files.error << "\n";
        return 2;
    }
    if (site && disk.exists(cl.new_name) && !disk.list(cl.new_name).empty()) {
        std::cerr << "safesite: " << cl.new_name << " already exists and is not empty; choose a new folder\n";
        return 1;
    }
    if (!site && !disk.is_directory(cl.options.content_dir)) {
        std::cerr << "safesite: there is no content folder at " << cl.options.content_dir
                  << "; run this in your site's folder (the one with content/ in it) or give --content DIR\n";
        return 1;
    }
    std::string content = site ? join_path(cl.new_name, "content") : cl.options.content_dir;
    std::string problem = write_new_files(disk, content, files);
    if (problem.empty() && site) problem = copy_theme(disk, default_theme(disk), join_path(cl.new_name, "templates"));
    if (!problem.empty()) {
        std::cerr << "safesite: " << problem << "\n";
        return 1;
    }
    for (const auto& [path, text] : files.files) std::cout << "wrote " << join_path(content, path) << "\n";
    if (site)
        std::cout << "wrote " << join_path(cl.new_name, "templates") << "/ (the default theme)\n\nNext:\n  cd " << cl.new_name
                  << "\n  safesite serve     # see it at http://127.0.0.1:8000/ while you edit\n  safesite build     # write the site into site/\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    CommandLine cl = parse_command_line(args);
    if (!cl.error.empty()) {
        std::cerr << "safesite: " << cl.error << "\n\n" << help_text(cl.help_topic.empty() && !args.empty() ? args[0] : "");
        return 2;
    }
    if (cl.command == Command::help) {
        std::cout << help_text(cl.help_topic);
        return 0;
    }
    if (cl.command == Command::version) {
        std::cout << version_text();
        return 0;
    }

#ifdef SAFESITE_LEAN
    // The two commands that need what this program leaves out (cli/extras.h).
    if (cl.command == Command::import_ofsted || cl.command == Command::serve) {
        DiskFileSystem fs;
        return run_extras(argv, tool_identity(fs));
    }
#else
    if (cl.command == Command::import_ofsted) return import_ofsted(cl, std::cout, std::cerr);
#endif

    if (cl.command == Command::new_content) return make_new(cl);

    if (cl.command == Command::import_cin || cl.command == Command::import_ssda903) {
        xmlInitParser();
        DiskFileSystem disk;
        Diagnostics diags;
        bool cin = cl.command == Command::import_cin;
        ReturnImport r = cin ? import_cin_census(disk, cl.import_file, cl.options.content_dir, cl.import_year, diags)
                             : import_ssda903(disk, cl.import_file, cl.options.content_dir, cl.import_year, diags);
        print_diagnostics(diags);
        std::cout << import_summary(r, cl.import_file);
        if (diags.has_errors())
            std::cerr << import_errors_line(diags.error_count());
        return diags.has_errors() ? 1 : 0;
    }

    if (cl.command == Command::figures) {
        xmlInitParser();
        DiskFileSystem disk;
        FiguresOutput result = make_figures(disk, cl.figures);
        result.diags.quote_source_lines([&](const std::string& path) -> std::optional<std::string> {
            std::string err;
            return disk.read(path, &err);
        });
        print_diagnostics(result.diags);
        int errors = result.diags.error_count();
        if (errors) {
            std::cerr << figures_errors_line(errors);
            return 1;
        }
        std::cout << result.xml;
        return 0;
    }

    // Process-wide set-up, before anything could run in parallel.
    xmlInitParser();
    prepare_markdown();

    DiskFileSystem fs;
    cl.options.tool = tool_identity(fs);
#ifndef SAFESITE_LEAN
    if (cl.command == Command::serve) return run_preview(fs, PreviewOptions{cl.options, cl.port, cl.quiet});
#endif

    auto started = std::chrono::steady_clock::now();
    bool json = cl.format == OutputFormat::json;
    ProgressLine progress(stderr, !cl.quiet && !json && ::isatty(STDERR_FILENO));
    cl.options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    BuildReport report = build_site(fs, cl.options);
    progress.clear();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (json) {
        write_diagnostics_json(report.diags, std::cout);
        return report.ok() ? 0 : 1;
    }
    print_diagnostics(report.diags);

    if (!cl.quiet) std::cout << build_summary_line(report, cl.command == Command::check, cl.options.out_dir, seconds);
    return report.ok() ? 0 : 1;
}
