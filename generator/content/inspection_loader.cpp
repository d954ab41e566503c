// content/inspections/<id>.xml into Inspections.
#include "content/framework_loader.h"
#include "content/xml_file.h"

namespace safesite {

namespace {

Judgement read_judgement(const XmlDocument& doc, const xmlNode* n) {
    Judgement j;
    j.area = attribute(n, "area").value_or("");
    j.grade = attribute(n, "grade").value_or("");
    j.where = doc.locate_attribute(n, "area");
    j.grade_where = doc.locate_attribute(n, "grade");
    for (const xmlNode* part : child_elements(n, "judgement")) j.parts.push_back(read_judgement(doc, part));
    return j;
}

Inspection read_inspection(const XmlDocument& doc, const std::string& path, Diagnostics& diags) {
    const xmlNode* root = doc.root();
    Inspection i;
    i.source_path = path;
    i.where = doc.locate_attribute(root, "id");
    i.framework_where = doc.locate_attribute(root, "framework");
    i.id = attribute(root, "id").value_or("");
    i.authority = attribute(root, "authority").value_or("");
    i.authority_code = attribute(root, "authority-code").value_or("");
    i.inspectorate = attribute(root, "inspectorate").value_or("");
    i.framework = attribute(root, "framework").value_or("");
    i.title = folded_text(first_child(root, "title"));
    if (const xmlNode* published = first_child(root, "published")) i.published = parse_full_date(folded_text(published));
    if (const xmlNode* visit = first_child(root, "visit")) {
        auto start = parse_date(attribute(visit, "start").value_or(""));
        auto end = parse_date(attribute(visit, "end").value_or(""));
        if (!start || !end)
            diags.add(doc.diagnostic_at(doc.locate(visit), Severity::error, "the visit dates are not real dates",
                                        "write them as YYYY-MM-DD, or YYYY-MM or YYYY when only that is known"));
        i.visit_start = start.value_or(Date{});
        i.visit_end = end.value_or(Date{});
    } else if (i.published) {
        // A practice review has no visit: it is placed in time by the day it was published.
        i.visited = false;
        i.visit_start = i.visit_end = *i.published;
    } else {
        i.visited = false;
        diags.add(doc.diagnostic_at(i.where, Severity::error, "the inspection has neither a <visit> nor a <published> date",
                                    "add <visit start=\"YYYY-MM-DD\" end=\"YYYY-MM-DD\"/>, or for a practice review <published>YYYY-MM-DD</published>"));
    }
    for (const xmlNode* j : child_elements(root, "judgement")) i.judgements.push_back(read_judgement(doc, j));
    for (const xmlNode* r : child_elements(first_child(root, "recommendations"), "recommendation"))
        i.recommendations.push_back({attribute(r, "id").value_or(""), attribute(r, "timescale").value_or(""),
                                     attribute(r, "status").value_or(""), attribute(r, "carried-from").value_or(""),
                                     attribute(r, "owner").value_or(""), folded_text(r), doc.locate(r)});
    for (const xmlNode* s : child_elements(first_child(root, "strengths"), "strength")) i.strengths.push_back(folded_text(s));
    i.for_children = folded_text(first_child(root, "for-children"));
    if (const xmlNode* source = first_child(root, "source")) {
        i.source_href = attribute(source, "href").value_or("");
        i.source_label = folded_text(source);
    }
    return i;
}

}  // namespace

std::vector<Inspection> load_inspections(ContentFolder& folder, Diagnostics& diags) {
    std::vector<Inspection> out;
    if (!folder.has("inspections")) return out;
    for (const auto& entry : folder.list("inspections")) {
        if (entry.is_directory || !entry.name.ends_with(".xml")) continue;
        std::string path = "inspections/" + entry.name;
        auto doc = load_xml_file(folder, path, "inspection", true, diags);
        if (!doc) continue;
        Inspection i = read_inspection(*doc, path, diags);
        std::string expected = entry.name.substr(0, entry.name.size() - 4);
        if (i.id != expected) {
            diags.add(doc->diagnostic_at(i.where, Severity::error, "the id '" + i.id + "' differs from the file name '" + entry.name + "'",
                                         "name the file " + i.id + ".xml, or set id=\"" + expected + "\"; other inspections refer to it by this id"));
            continue;
        }
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace safesite
