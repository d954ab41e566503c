#include "support/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace safesite {

void Diagnostics::error(Location where, std::string message, std::string hint, std::string code) {
    add({std::move(where), Severity::error, std::move(message), std::move(hint), std::move(code), {}});
}

void Diagnostics::warning(Location where, std::string message, std::string hint, std::string code) {
    add({std::move(where), Severity::warning, std::move(message), std::move(hint), std::move(code), {}});
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::error) ++errors_;
    items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.path, a.where.line, a.where.column) <
               std::tie(b.where.path, b.where.line, b.where.column);
    });
    return out;
}

int column_of(std::string_view line, std::size_t byte_offset) {
    int column = 1;
    for (std::size_t i = 0; i < byte_offset && i < line.size(); ++i) {
        // Count lead bytes only, so a multi-byte character is one column.
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    }
    return column;
}

std::string_view line_of(std::string_view text, int line) {
    std::size_t start = 0;
    for (int n = 1; n < line; ++n) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    std::string_view found = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    if (!found.empty() && found.back() == '\r') found.remove_suffix(1);
    return found;
}

Location locate_offset(std::string path, std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {std::move(path), line, column_of(text.substr(line_start), offset - line_start)};
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.where.path;
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line);
        out += ':' + std::to_string(d.where.column > 0 ? d.where.column : 1);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    out += '\n';
    if (!d.source_line.empty()) {
        out += "    " + d.source_line + '\n';
        out += "    ";
        // Reproduce tabs so the caret lines up under the fault.
        int col = 1;
        for (std::size_t i = 0; i < d.source_line.size() && col < d.where.column; ++i) {
            unsigned char c = static_cast<unsigned char>(d.source_line[i]);
            if ((c & 0xC0) == 0x80) continue;
            out += c == '\t' ? '\t' : ' ';
            ++col;
        }
        out += "^\n";
    }
    if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
    return out;
}

}  // namespace safesite
