#include "render/figure_elements.h"

#include "support/escape.h"
#include "support/text.h"

namespace safesite {

namespace {

// Text inside <!-- --> may not hold "--".
std::string comment(std::string text) {
    for (std::size_t at; (at = text.find("--")) != std::string::npos;) text.replace(at, 2, "- -");
    if (!text.empty() && text.back() == '-') text += ' ';
    return "<!-- " + clean_text(text) + " -->\n";
}

std::string value_text(const ReturnFigure& f) {
    if (f.unit == "count") return std::to_string(f.count);
    return one_decimal(*f.value);
}

}  // namespace

std::string figure_elements(const std::vector<ReturnFigure>& figures, const std::string& period, const std::string& sources) {
    std::string out = comment("The standard measures for " + period + ", worked out by safesite from " + sources +
                              ". The Department for Education's definitions are in safesite's manual, docs/figures.md. "
                              "Add each <value> to the figure with the same id in reports/" + period + "/report.xml.");
    for (const ReturnFigure& f : figures) {
        if (f.unit == "percent") {
            if (!f.value) {
                out += comment(f.id + ": there were no " + f.counted + " in " + period + ", so there is no percentage");
                continue;
            }
            out += comment(with_thousands(f.count) + " of " + with_thousands(f.out_of) + " " + f.counted);
        } else if (f.unit == "rate") {
            out += comment(with_thousands(f.count) + " " + f.counted + ", for a population of " + with_thousands(f.out_of) + " children under 18");
        }
        out += "<figure id=\"" + escape_attribute(f.id) + "\" unit=\"" + f.unit + "\" better=\"" + f.better + "\">\n";
        out += "  <label>" + escape_text(f.label) + "</label>\n";
        out += "  <value period=\"" + escape_attribute(period) + "\">" + value_text(f) + "</value>\n";
        out += "</figure>\n";
    }
    return out;
}

}  // namespace safesite
