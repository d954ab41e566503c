#include "support/diagnostics_json.h"

#include "support/escape.h"

namespace safesite {

std::string json_string(std::string_view text) {
    // No invalid UTF-8 and no control character but tab, CR and LF can reach the JSON.
    std::string clean = clean_text(text);
    std::string out;
    out.reserve(clean.size() + 2);
    out += '"';
    for (char c : clean) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;  // clean_text left no other control character
        }
    }
    out += '"';
    return out;
}

std::string diagnostics_json(const std::vector<Diagnostic>& findings) {
    int errors = 0;
    for (const Diagnostic& d : findings) errors += d.severity == Severity::error;
    std::string out = "{\"errors\":" + std::to_string(errors) +
                      ",\"warnings\":" + std::to_string(static_cast<int>(findings.size()) - errors) + ",\"findings\":[";
    bool first = true;
    for (const Diagnostic& d : findings) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        bool placed = d.where.line > 0;
        out += "{\"file\":" + json_string(d.where.path);
        out += ",\"line\":" + (placed ? std::to_string(d.where.line) : std::string("null"));
        out += ",\"column\":" + (placed ? std::to_string(d.where.column > 0 ? d.where.column : 1) : std::string("null"));
        out += ",\"severity\":";
        out += d.severity == Severity::error ? "\"error\"" : "\"warning\"";
        out += ",\"code\":" + json_string(d.code);
        out += ",\"message\":" + json_string(d.message);
        out += ",\"hint\":" + json_string(d.hint) + "}";
    }
    out += first ? "]}\n" : "\n]}\n";
    return out;
}

}  // namespace safesite
