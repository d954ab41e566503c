// The safesite program: the command line around the library.
#include "pipeline/site_build.h"
#include "cli/command_line.h"
#include "cli/progress_line.h"
#include "content/markdown_document.h"
#include "importers/ofsted_report.h"

#include <libxml/parser.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

using namespace safesite;

namespace {

void print_diagnostics(const Diagnostics& diags) {
    for (const Diagnostic& d : diags.sorted()) std::cerr << format_diagnostic(d);
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// This program exactly: a rebuilt program, even of the same version, does
// not reuse what the last one built.
std::string tool_identity(FileSystem& fs) {
    std::string id = version_text();
    if (auto stamp = fs.stamp("/proc/self/exe")) id += std::to_string(stamp->size) + ":" + std::to_string(stamp->modified_ns);
    return id;
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

    if (cl.command == Command::import_ofsted) {
        DiskFileSystem disk;
        std::string err;
        auto text = disk.read(cl.import_file, &err);
        if (!text) {
            std::cerr << cl.import_file << ": error: cannot read the report: " << err << "\n";
            return 1;
        }
        OfstedReport report = read_ofsted_report(*text);
        std::string name = cl.import_file.substr(cl.import_file.find_last_of('/') + 1);
        std::cout << inspection_xml(report, cl.import_id, name);
        for (const auto& note : report.notes) std::cerr << cl.import_file << ": warning: " << note << "\n";
        return 0;
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
            std::cerr << "safesite: " << plural(errors, "error", "errors") << " in the returns; no figures written\n";
            return 1;
        }
        std::cout << result.xml;
        return 0;
    }

    // Process-wide set-up, before anything could run in parallel.
    xmlInitParser();
    prepare_markdown();

    auto started = std::chrono::steady_clock::now();
    DiskFileSystem fs;
    cl.options.tool = tool_identity(fs);
    ProgressLine progress(stderr, !cl.quiet && ::isatty(STDERR_FILENO));
    cl.options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    BuildReport report = build_site(fs, cl.options);
    progress.clear();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_diagnostics(report.diags);

    int errors = report.diags.error_count();
    int warnings = report.diags.warning_count();
    if (!cl.quiet) {
        char time[32];
        std::snprintf(time, sizeof time, "%.2f s", seconds);
        if (cl.command == Command::check || !report.ok())
            std::cout << "safesite: " << plural(errors, "error", "errors") << ", " << plural(warnings, "warning", "warnings")
                      << (report.ok() || cl.command == Command::check ? "" : "; nothing was written") << " (" << time << ")\n";
        else if (report.updated && report.files == 0 && report.removed == 0)
            std::cout << "safesite: " << cl.options.out_dir << "/ is up to date; nothing written (" << time << "), "
                      << plural(warnings, "warning", "warnings") << "\n";
        else if (report.updated)
            std::cout << "safesite: updated " << cl.options.out_dir << "/: " << report.pages_built << " of " << plural(report.pages, "page", "pages")
                      << " rebuilt, " << plural(report.files, "file", "files") << " written, " << report.removed << " removed (" << time << "), "
                      << plural(warnings, "warning", "warnings") << "\n";
        else
            std::cout << "safesite: wrote " << plural(report.pages, "page", "pages") << " to " << cl.options.out_dir << "/"
                      << (report.restricted_pages ? " and " + plural(report.restricted_pages, "restricted document", "restricted documents") +
                                                        " to " + cl.options.restricted_dir + "/"
                                                  : std::string())
                      << " (" << plural(report.files, "file", "files") << ") in " << time << ", " << plural(warnings, "warning", "warnings") << "\n";
    }
    return report.ok() ? 0 : 1;
}
