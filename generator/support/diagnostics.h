// One diagnostics type for every loader, check and template: problems are
// collected, never thrown, so a user sees all of them in one run.
#pragma once

#include "support/text.h"

#include <algorithm>
#include <functional>
#include <memory>
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
    // A constructor, not aggregate initialisation: GCC 12 at -O2 takes the
    // path of a Location built in braces inside a braced Diagnostic as maybe
    // uninitialised (-Wmaybe-uninitialized, a false alarm).
    Location() = default;
    Location(std::string path_, int line_ = 0, int column_ = 0) : path(std::move(path_)), line(line_), column(column_) {}
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

    bool has_errors() const { return error_count() > 0; }
    int error_count() const;
    int warning_count() const;
    // The findings held in memory: all of them, unless some were set aside.
    const std::vector<Diagnostic>& items() const { return items_; }

    // Findings that come in order (by path, line and column, after every one
    // set aside before) may be set aside in a temporary file readable only by
    // this program, so a council's thousands of records do not hold every
    // finding in memory at once. One out of order is held in memory instead.
    // Copies of this object share what was set aside.
    void set_aside(const Diagnostic& d);
    std::size_t set_aside_count() const;
    // Every finding, set aside or not, in the order sorted() gives, holding
    // one set-aside finding at a time.
    void for_each_sorted(const std::function<void(const Diagnostic&)>& each) const;

    // Quotes the offending line under each diagnostic that has a line but no
    // quote yet, reading each file once through `read` (path to text).
    template <typename Read>
    void quote_source_lines(Read read) {
        // One file in memory at a time: the diagnostics are taken file by file.
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (items_[i].where.line > 0 && items_[i].source_line.empty()) order.push_back(i);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return items_[a].where.path < items_[b].where.path; });
        std::string current;
        std::optional<std::string> text;
        std::vector<std::size_t> starts;  // where each line starts
        for (std::size_t i : order) {
            Diagnostic& d = items_[i];
            if (d.where.path != current || starts.empty()) {
                current = d.where.path;
                text = read(current);
                starts = text ? line_starts(*text) : std::vector<std::size_t>{0};
            }
            if (!text || static_cast<std::size_t>(d.where.line) > starts.size()) continue;
            d.source_line = std::string(line_of(std::string_view(*text).substr(starts[static_cast<std::size_t>(d.where.line) - 1]), 1));
        }
    }

    // Sorted by path, line and column so that output is stable between runs
    // (set-aside findings included, all in memory: for_each_sorted does not).
    std::vector<Diagnostic> sorted() const;

private:
    struct Aside;
    std::vector<Diagnostic> items_;
    int errors_ = 0;
    std::shared_ptr<Aside> aside_;
};

// "path:line:col: error: message [code]" then the quoted line with a caret
// and "  hint: ..." lines. The compiler format lets editors jump to the fault.
std::string format_diagnostic(const Diagnostic& d);

// Counts the code points of `line` before byte offset `byte_offset`, plus one.
int column_of(std::string_view line, std::size_t byte_offset);


// Turns a byte offset into a 1-based line and column.
Location locate_offset(std::string path, std::string_view text, std::size_t offset);

// The same for many offsets into one text, mostly in increasing order (a
// parser's): each call counts lines only from the last offset asked, so a
// whole parse costs one pass over the text instead of one per offset.
class OffsetLocator {
public:
    OffsetLocator(std::string path, std::string_view text) : path_(std::move(path)), text_(text) {}
    Location operator()(std::size_t offset);

private:
    std::string path_;
    std::string_view text_;
    std::size_t scanned_ = 0;     // lines are counted up to here
    std::size_t line_start_ = 0;  // the start of the line that holds `scanned_`
    int line_ = 1;
};

}  // namespace safesite
