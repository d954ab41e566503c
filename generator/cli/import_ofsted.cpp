#include "cli/import_ofsted.h"

#include "importers/inspection_xml.h"
#include "importers/ofsted_report.h"
#include "importers/pdf_text.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace safesite {

namespace {

// Writes `text` to a new file; never replaces one.
std::string write_new_file(const std::string& path, const std::string& text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return errno == EEXIST ? "it already exists" : std::strerror(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(path.c_str());
            return why;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        std::string why = std::strerror(errno);
        ::unlink(path.c_str());
        return why;
    }
    return {};
}

}  // namespace

int import_ofsted(const CommandLine& cl, std::ostream& out, std::ostream& err) {
    const std::string& path = cl.import_file;
    ReportText text = read_report_file(path);
    if (!text.error.empty()) {
        err << path << ": error: cannot import the report: " << text.error << "\n"
            << "  hint: give the report as Ofsted publishes it (a PDF), or its plain text\n";
        return 1;
    }
    OfstedReport report = read_ofsted_report(text.text);
    if (cl.import_published) {
        if (report.published && *report.published != *cl.import_published)
            report.notes.push_back("the report prints its publication date as " + report.published->iso() + ", not " +
                                   cl.import_published->iso() + " as --published says; the report's date is kept");
        else report.published = cl.import_published;
    }
    std::erase_if(report.notes, [&](const std::string& n) { return report.published && n.starts_with("the publication date"); });

    std::string id = cl.import_id.empty() ? inspection_id(report) : cl.import_id;
    std::string name = path.substr(path.find_last_of('/') + 1);
    std::string xml = inspection_xml(report, id, name);
    for (const auto& note : report.notes) err << path << ": warning: " << note << "\n";
    if (cl.import_into.empty()) {
        out << xml;
        return 0;
    }
    if (id.empty()) {
        err << path << ": error: the report names no authority safesite knows, so the file has no name\n"
            << "  hint: give one with --id, e.g. --id sometown-2024\n";
        return 1;
    }
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::path(cl.import_into) / "inspections";
    if (!std::filesystem::is_directory(cl.import_into, ec)) {
        err << cl.import_into << ": error: there is no content folder here\n  hint: --into names the content folder, e.g. --into content\n";
        return 1;
    }
    std::filesystem::create_directory(folder, ec);
    std::string target = (folder / (id + ".xml")).string();
    if (std::string why = write_new_file(target, xml); !why.empty()) {
        err << target << ": error: cannot write the inspection: " << why << "\n"
            << "  hint: safesite never replaces an inspection file; remove it first, or give another --id\n";
        return 1;
    }
    out << "safesite: wrote " << target << "\n";
    return 0;
}

}  // namespace safesite
