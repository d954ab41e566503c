#include "support/diagnostics_json.h"

#include "support/escape.h"

#include <algorithm>
#include <functional>
#include <ostream>

namespace safesite {

std::string json_string(std::string_view text) {
    // No invalid UTF-8 and no control character but tab, CR and LF can reach the JSON.
    std::string out;
    append_json_string(out, clean_text(text));
    return out;
}

namespace {

std::string finding_json(const Diagnostic& d) {
    bool placed = d.where.line > 0;
    std::string out = "{\"file\":" + json_string(d.where.path);
    out += ",\"line\":" + (placed ? std::to_string(d.where.line) : std::string("null"));
    out += ",\"column\":" + (placed ? std::to_string(d.where.column > 0 ? d.where.column : 1) : std::string("null"));
    out += ",\"severity\":";
    out += d.severity == Severity::error ? "\"error\"" : "\"warning\"";
    out += ",\"code\":" + json_string(d.code);
    out += ",\"message\":" + json_string(d.message);
    out += ",\"hint\":" + json_string(d.hint) + "}";
    return out;
}

// The document around the findings, each handed to `write` as it is made.
void write_json(int errors, int warnings, const std::function<void(const std::function<void(const Diagnostic&)>&)>& findings,
                const std::function<void(std::string_view)>& write) {
    write("{\"errors\":" + std::to_string(errors) + ",\"warnings\":" + std::to_string(warnings) + ",\"findings\":[");
    bool first = true;
    findings([&](const Diagnostic& d) {
        write(first ? "\n  " : ",\n  ");
        first = false;
        write(finding_json(d));
    });
    write(first ? "]}\n" : "\n]}\n");
}

}  // namespace

std::string diagnostics_json(const std::vector<Diagnostic>& findings) {
    int errors = 0;
    for (const Diagnostic& d : findings) errors += d.severity == Severity::error;
    std::string out;
    write_json(errors, static_cast<int>(findings.size()) - errors, [&](const auto& each) { std::for_each(findings.begin(), findings.end(), each); },
               [&](std::string_view s) { out += s; });
    return out;
}

void write_diagnostics_json(const Diagnostics& diags, std::ostream& out) {
    write_json(diags.error_count(), diags.warning_count(), [&](const auto& each) { diags.for_each_sorted(each); },
               [&](std::string_view s) { out << s; });
}

}  // namespace safesite
