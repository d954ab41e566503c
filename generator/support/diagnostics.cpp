#include "support/diagnostics.h"

#include "support/binary_codec.h"

#include <algorithm>
#include <cstdio>
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

namespace {

bool before(const Location& a, const Location& b) { return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column); }

}  // namespace

struct Diagnostics::Aside {
    std::FILE* file = nullptr;
    std::size_t count = 0;
    int errors = 0;
    Location last;
    Aside() : file(std::tmpfile()) {}
    ~Aside() {
        if (file) std::fclose(file);
    }
    Aside(const Aside&) = delete;
    Aside& operator=(const Aside&) = delete;
    bool put(const Diagnostic& d) {
        BinaryOut o;
        o.diagnostic(d);
        auto length = static_cast<std::uint32_t>(o.bytes.size());
        if (std::fwrite(&length, sizeof length, 1, file) != 1 || std::fwrite(o.bytes.data(), 1, o.bytes.size(), file) != o.bytes.size()) return false;
        ++count;
        if (d.severity == Severity::error) ++errors;
        last = d.where;
        return true;
    }
    // Reads them back in the order they were put; each is handed over and let go.
    void for_each(const std::function<void(const Diagnostic&)>& each) const {
        if (std::fflush(file) != 0 || std::fseek(file, 0, SEEK_SET) != 0) return;
        std::string bytes;
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t length = 0;
            if (std::fread(&length, sizeof length, 1, file) != 1) break;
            bytes.resize(length);
            if (std::fread(bytes.data(), 1, length, file) != length) break;
            Diagnostic d;
            BinaryIn in(bytes);
            if (in.diagnostic(d)) each(d);
        }
        std::fseek(file, 0, SEEK_END);
    }
};

void Diagnostics::set_aside(const Diagnostic& d) {
    if (!aside_) aside_ = std::make_shared<Aside>();
    bool in_order = aside_->count == 0 || !before(d.where, aside_->last);
    if (!aside_->file || !in_order || !aside_->put(d)) add(d);
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
    if (other.aside_ && other.aside_ != aside_) other.aside_->for_each([&](const Diagnostic& d) { set_aside(d); });
}

std::size_t Diagnostics::set_aside_count() const { return aside_ ? aside_->count : 0; }

int Diagnostics::error_count() const { return errors_ + (aside_ ? aside_->errors : 0); }

int Diagnostics::warning_count() const {
    return static_cast<int>(items_.size()) - errors_ + (aside_ ? static_cast<int>(aside_->count) - aside_->errors : 0);
}

void Diagnostics::for_each_sorted(const std::function<void(const Diagnostic&)>& each) const {
    std::vector<const Diagnostic*> held;
    held.reserve(items_.size());
    for (const Diagnostic& d : items_) held.push_back(&d);
    std::stable_sort(held.begin(), held.end(), [](const Diagnostic* a, const Diagnostic* b) { return before(a->where, b->where); });
    auto next = held.begin();
    // Of findings at the same place, those held in memory came first.
    if (aside_)
        aside_->for_each([&](const Diagnostic& d) {
            for (; next != held.end() && !before(d.where, (*next)->where); ++next) each(**next);
            each(d);
        });
    for (; next != held.end(); ++next) each(**next);
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out;
    out.reserve(items_.size() + set_aside_count());
    for_each_sorted([&](const Diagnostic& d) { out.push_back(d); });
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

Location OffsetLocator::operator()(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < scanned_) scanned_ = line_start_ = 0, line_ = 1;
    for (std::size_t i = scanned_; i < offset; ++i) {
        if (text_[i] == '\n') {
            ++line_;
            line_start_ = i + 1;
        }
    }
    scanned_ = offset;
    return {path_, line_, column_of(text_.substr(line_start_), offset - line_start_)};
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
