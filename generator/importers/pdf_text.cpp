#include "importers/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

namespace safesite {

namespace {

// poppler writes its complaints about damaged files to stderr unless told
// otherwise; the importer says what matters in one line of its own.
void quiet_poppler(const std::string&, void*) {}

bool valid_utf8_text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return false;
        if (c < 0x80) {
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return false;
            ++i;
            continue;
        }
        std::size_t n = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 0;
        if (n == 0 || c >= 0xF5 || i + n >= s.size() + (i + n == s.size() ? 1 : 0)) return false;
        for (std::size_t k = 1; k <= n; ++k)
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n + 1;
    }
    return true;
}

ReportText pdf_text(std::string_view bytes) {
    poppler::set_debug_error_function(quiet_poppler, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return {{}, "the file starts like a PDF but poppler cannot read it (damaged or incomplete?)"};
    if (doc->is_locked()) return {{}, "the PDF is protected by a password"};
    ReportText out;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        out.text.append(utf8.begin(), utf8.end());
        // poppler ends a page's text with a form feed of its own; a second would count an empty page.
        if (out.text.empty() || out.text.back() != '\f') out.text += '\f';
    }
    bool any = false;
    for (char c : out.text) any = any || (c != '\f' && c != '\n' && c != ' ');
    if (!any) return {{}, "the PDF has no text to read (a scanned image?); safesite cannot read images"};
    return out;
}

}  // namespace

ReportText report_text(std::string_view bytes) {
    if (bytes.empty()) return {{}, "the file is empty"};
    if (bytes.starts_with("%PDF-")) return pdf_text(bytes);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!valid_utf8_text(bytes)) return {{}, "the file is neither a PDF nor UTF-8 text"};
    std::string start(bytes.substr(0, 512));
    for (auto& c : start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (start.find("<!doctype html") != std::string::npos || start.find("<html") != std::string::npos)
        return {{}, "the file is a web page (HTML), not the report; download the report's PDF from its page on reports.ofsted.gov.uk"};
    ReportText out;
    out.text.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (!(bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')) out.text += bytes[i];
    return out;
}

ReportText read_report_file(const std::string& path) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return {{}, "there is no such file"};
    if (!std::filesystem::is_regular_file(status)) return {{}, "it is not a file"};
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return {{}, "cannot read its size: " + ec.message()};
    if (size > kLargestReport)
        return {{}, "the file is " + std::to_string(size / (1024 * 1024)) + " MB; a report is a few MB, and safesite reads none over " +
                        std::to_string(kLargestReport / (1024 * 1024)) + " MB"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {{}, "cannot open it"};
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) return {{}, "cannot read it to the end"};
    return report_text(bytes);
}

}  // namespace safesite
