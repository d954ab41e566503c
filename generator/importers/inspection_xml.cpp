#include "importers/inspection_xml.h"

#include "support/concat.h"
#include "support/escape.h"
#include "support/text.h"

namespace safesite {

std::string inspection_id(const OfstedReport& r) {
    if (r.authority.empty()) return {};
    std::string id = slugify(r.authority);
    if (r.visit_start) id += concat("-", std::to_string(r.visit_start->year));
    else if (r.published) id += concat("-", std::to_string(r.published->year));
    if (!r.graded && !r.framework.empty()) id += "-" + r.framework;
    return id;
}

std::string inspection_xml(const OfstedReport& r, std::string id, const std::string& source_name) {
    if (id.empty()) id = inspection_id(r);
    if (id.empty()) id = "inspection";
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    auto comment = [&](const std::string& indent, const std::string& text) {
        std::string safe = clean_text(text);
        // "--" cannot appear inside an XML comment, nor "-" at its end.
        for (std::size_t at; (at = safe.find("--")) != std::string::npos;) safe.replace(at, 2, "- -");
        out += indent + "<!-- " + safe + " -->\n";
    };
    comment("", "Imported by safesite from " + source_name + ". Check every value against the report before publishing.");
    for (const auto& note : r.notes) comment("", "Not found or unclear: " + note + ".");
    if (!r.framework_reason.empty()) comment("", "Framework: " + r.framework_reason + ".");
    if (!r.lead_inspector.empty()) comment("", "Lead inspector: " + r.lead_inspector + ".");
    out += "<inspection id=\"" + escape_attribute(id) + "\" authority=\"" + escape_attribute(r.authority) + "\"";
    if (!r.authority_code.empty()) out += " authority-code=\"" + escape_attribute(r.authority_code) + "\"";
    out += " inspectorate=\"Ofsted\" framework=\"" + escape_attribute(r.framework) + "\">\n";
    if (!r.title.empty()) out += "  <title>" + escape_text(r.title) + "</title>\n";
    else comment("  ", "<title>: the report's title was not found");
    if (r.visit_start && r.visit_end) out += "  <visit start=\"" + r.visit_start->iso() + "\" end=\"" + r.visit_end->iso() + "\"/>\n";
    else comment("  ", "<visit start=\"YYYY-MM-DD\" end=\"YYYY-MM-DD\"/>: not found in the report");
    if (r.published) out += "  <published>" + r.published->iso() + "</published>\n";
    else comment("  ", "<published>YYYY-MM-DD</published>: not printed in the report (ILACS reports do not print it); the import's published option sets it");
    for (const auto& j : r.judgements) {
        if (!j.parent.empty()) continue;
        std::string head = "  <judgement area=\"" + j.area + "\" grade=\"" + j.grade + "\"";
        std::vector<const ImportedJudgement*> parts;
        for (const auto& p : r.judgements)
            if (p.parent == j.area) parts.push_back(&p);
        if (parts.empty()) {
            out += head + "/>\n";
            continue;
        }
        out += head + ">\n";
        for (const auto* p : parts) out += "    <judgement area=\"" + p->area + "\" grade=\"" + p->grade + "\"/>\n";
        out += "  </judgement>\n";
    }
    if (!r.recommendations.empty()) {
        out += "  <recommendations>\n";
        std::string last_heading;
        for (const auto& rec : r.recommendations) {
            if (rec.heading != last_heading) {
                comment("    ", "Under the heading \"" + rec.heading + "\"");
                last_heading = rec.heading;
            }
            out += "    <recommendation id=\"" + rec.id + "\" timescale=\"" + rec.timescale + "\">" + escape_text(rec.text) + "</recommendation>\n";
        }
        out += "  </recommendations>\n";
    }
    if (!r.strengths.empty()) {
        out += "  <strengths>\n";
        for (const auto& s : r.strengths) out += "    <strength>" + escape_text(s) + "</strength>\n";
        out += "  </strengths>\n";
    }
    out += "  <source href=\"https://reports.ofsted.gov.uk/\">The full report</source>\n";
    out += "</inspection>\n";
    return out;
}

}  // namespace safesite
