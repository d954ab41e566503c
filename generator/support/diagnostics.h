// One diagnostics type for every loader, check and template: problems are
// collected, never thrown, so a user sees all of them in one run.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

enum class Severity { warning, error };

// A place in a content or template file. Lines and columns count from 1;
// column counts characters (UTF-8 code points), as editors do.
struct Location {
    std::string path;  // relative to the folder the user named, e.g. "pages/about.md"
    int line = 0;
    int column = 0;
    bool operator==(const Location&) const = default;
};

struct Diagnostic {
    Location where;
    Severity severity = Severity::error;
    std::string message;
    std::string hint;         // how to fix it, in a sentence; may be empty
    std::string code;         // stable identifier users filter on; may be empty
    std::string source_line;  // the offending line, quoted under the message
    bool operator==(const Diagnostic&) const = default;
};

// Finds line `line` (1-based) of `text`, without its newline.
std::string_view line_of(std::string_view text, int line);

class Diagnostics {
public:
    void error(Location where, std::string message, std::string hint = {}, std::string code = {});
    void warning(Location where, std::string message, std::string hint = {}, std::string code = {});
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }
    int warning_count() const { return static_cast<int>(items_.size()) - errors_; }
    const std::vector<Diagnostic>& items() const { return items_; }

    // Quotes the offending line under each diagnostic that has a line but no
    // quote yet, reading each file once through `read` (path to text).
    template <typename Read>
    void quote_source_lines(Read read) {
        struct File {
            std::optional<std::string> text;
            std::vector<std::size_t> starts;  // where each line starts
        };
        std::map<std::string, File> cache;
        for (Diagnostic& d : items_) {
            if (d.where.line <= 0 || !d.source_line.empty()) continue;
            auto [it, fresh] = cache.try_emplace(d.where.path);
            File& f = it->second;
            if (fresh) {
                f.text = read(d.where.path);
                if (f.text) {
                    f.starts.push_back(0);
                    for (std::size_t i = 0; i < f.text->size(); ++i)
                        if ((*f.text)[i] == '\n') f.starts.push_back(i + 1);
                }
            }
            if (!f.text || static_cast<std::size_t>(d.where.line) > f.starts.size()) continue;
            d.source_line = std::string(line_of(std::string_view(*f.text).substr(f.starts[static_cast<std::size_t>(d.where.line) - 1]), 1));
        }
    }

    // Sorted by path, line and column so that output is stable between runs.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> items_;
    int errors_ = 0;
};

// "path:line:col: error: message [code]" then the quoted line with a caret
// and "  hint: ..." lines. The compiler format lets editors jump to the fault.
std::string format_diagnostic(const Diagnostic& d);

// Counts the code points of `line` before byte offset `byte_offset`, plus one.
int column_of(std::string_view line, std::size_t byte_offset);


// Turns a byte offset into a 1-based line and column.
Location locate_offset(std::string path, std::string_view text, std::size_t offset);

}  // namespace safesite
