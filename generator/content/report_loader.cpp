#include "content/report_loader.h"

#include "content/markdown_file.h"
#include "content/xml_file.h"
#include "support/text.h"

#include <algorithm>
#include <set>

namespace safesite {

Date period_end(const std::string& period) { return Date{std::stoi(period.substr(0, 4)) + 1, 3, 31}; }

std::string period_words(const std::string& period) {
    int start = std::stoi(period.substr(0, 4));
    return std::to_string(start) + " to " + std::to_string(start + 1);
}

std::optional<Partnership> load_partnership(ContentFolder& folder, Diagnostics& diags) {
    auto doc = load_xml_file(folder, "partnership.xml", "partnership", false, diags);
    if (!doc) return std::nullopt;
    const xmlNode* root = doc->root();
    Partnership p;
    p.source_path = "partnership.xml";
    if (auto since = attribute(root, "since")) p.since = parse_full_date(*since);
    p.summary = folded_text(first_child(root, "summary"));
    for (const xmlNode* n : child_elements(root, "partner"))
        p.partners.push_back({attribute(n, "role").value_or(""), attribute(n, "organisation").value_or(""), attribute(n, "sector").value_or(""),
                              folded_text(n)});
    for (const xmlNode* n : child_elements(root, "relevant-agency")) p.relevant_agencies.push_back(folded_text(n));
    std::set<std::string> ids;
    for (const xmlNode* n : child_elements(root, "group")) {
        Group g{attribute(n, "id").value_or(""), folded_text(first_child(n, "name")), folded_text(first_child(n, "purpose")),
                attribute(n, "meets").value_or(""), attribute(n, "reports-to").value_or(""), {}, doc->locate(n)};
        for (const xmlNode* m : child_elements(n, "member")) g.members.push_back(folded_text(m));
        ids.insert(g.id);
        p.groups.push_back(std::move(g));
    }
    for (const Group& g : p.groups)
        if (!g.reports_to.empty() && !ids.count(g.reports_to))
            diags.add(doc->diagnostic_at(g.where, Severity::error, "group '" + g.id + "' reports to '" + g.reports_to + "', which is not a group",
                                         "use the id of another <group>"));
    for (const xmlNode* n : child_elements(first_child(root, "escalation"), "step"))
        p.escalation.push_back({std::stoi(attribute(n, "from-day").value_or("1")), std::stoi(attribute(n, "to-day").value_or("1")),
                                attribute(n, "who").value_or(""), folded_text(n)});
    if (const xmlNode* s = first_child(root, "scrutiny")) {
        p.scrutiny_by = attribute(s, "by").value_or("");
        p.scrutiny = folded_text(s);
    }
    p.funding = folded_text(first_child(root, "funding"));
    return p;
}

namespace {

// An element's text as Markdown: its lines kept (a list needs them), less
// the indentation the XML file gives them, so that an indented line does
// not become a code block.
std::string element_markdown(const xmlNode* element) {
    xmlChar* content = xmlNodeGetContent(element);
    std::string raw = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    std::vector<std::string> lines;
    for (std::string_view l : split_lines(raw)) lines.emplace_back(l);
    auto blank = [](const std::string& l) { return l.find_first_not_of(" \t\r") == std::string::npos; };
    std::size_t indent = std::string::npos;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (!blank(lines[i])) indent = std::min(indent, lines[i].find_first_not_of(" \t"));
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (blank(line)) line.clear();
        else if (i == 0) line.erase(0, line.find_first_not_of(" \t"));  // it follows the start tag
        else line.erase(0, indent);
        out += line + "\n";
    }
    std::size_t end = out.find_last_not_of(" \t\r\n");
    std::size_t start = out.find_first_not_of(" \t\r\n");
    return start == std::string::npos ? std::string() : out.substr(start, end - start + 1) + "\n";
}

Report read_report(ContentFolder& folder, const XmlDocument& doc, const std::string& path, Diagnostics& diags) {
    const xmlNode* root = doc.root();
    Report r;
    r.source_path = path;
    r.where = doc.locate(root);
    r.period = attribute(root, "period").value_or("");
    if (auto published = attribute(root, "published")) r.published = parse_full_date(*published);
    r.title = folded_text(first_child(root, "title"));
    for (const xmlNode* n : child_elements(root, "section"))
        if (auto md = read_markdown_file(folder, doc, n, diags)) {
            ReportSection section{attribute(n, "id").value_or(""), std::move(*md), {}};
            section.title = take_title(section.text);
            if (section.title.empty())
                diags.error({section.text.source_path, 1, 1}, "the section has no heading",
                            "start it with a heading such as '# Foreword'; it becomes the section's title");
            r.sections.push_back(std::move(section));
        }
    for (const xmlNode* n : child_elements(root, "priority")) {
        Priority p{attribute(n, "id").value_or(""), attribute(n, "status").value_or(""), folded_text(first_child(n, "title")), {}};
        for (const xmlNode* e : child_elements(n, "evidence")) p.evidence.push_back(folded_text(e));
        r.priorities.push_back(std::move(p));
    }
    for (const xmlNode* n : child_elements(root, "figure")) {
        Figure f{attribute(n, "id").value_or(""), attribute(n, "better").value_or("neither"), folded_text(first_child(n, "label")),
                 attribute(n, "unit").value_or("count"), {}, {}};
        for (const xmlNode* v : child_elements(n, "value"))
            f.values.push_back({attribute(v, "period").value_or(""), std::stod(folded_text(v)), folded_text(v)});
        std::stable_sort(f.values.begin(), f.values.end(), [](const FigureValue& a, const FigureValue& b) { return a.period < b.period; });
        for (const xmlNode* c : child_elements(n, "comparator"))
            f.comparators.push_back({attribute(c, "name").value_or(""), attribute(c, "period").value_or(""), folded_text(c), std::stod(folded_text(c)),
                                     std::stoi(attribute(c, "per").value_or("0"))});
        r.figures.push_back(std::move(f));
    }
    for (const xmlNode* n : child_elements(root, "review")) {
        Review v{attribute(n, "kind").value_or(""), std::stoi(attribute(n, "count").value_or("0")), {}, {}};
        for (const xmlNode* l : child_elements(n, "learning")) v.learning.push_back(folded_text(l));
        for (const xmlNode* l : child_elements(n, "change")) v.changes.push_back(folded_text(l));
        r.reviews.push_back(std::move(v));
    }
    for (const xmlNode* n : child_elements(root, "audit")) {
        Audit a{attribute(n, "theme").value_or(""), std::stoi(attribute(n, "cases").value_or("-1")), {}};
        for (const xmlNode* f : child_elements(n, "finding")) a.findings.push_back(folded_text(f));
        r.audits.push_back(std::move(a));
    }
    for (const xmlNode* n : child_elements(root, "training"))
        r.training.push_back({attribute(n, "course").value_or(""), std::stoi(attribute(n, "sessions").value_or("-1")),
                              std::stoi(attribute(n, "attended").value_or("-1"))});
    for (const xmlNode* n : child_elements(root, "contribution"))
        r.funding.push_back({attribute(n, "partner").value_or(""), std::stod(attribute(n, "amount").value_or("0")), doc.locate_attribute(n, "partner")});
    for (const xmlNode* n : child_elements(root, "response")) {
        AskResponse a{attribute(n, "to").value_or(""), attribute(n, "status").value_or(""), {}, doc.locate(n), doc.locate_attribute(n, "to")};
        a.text.source_path = path;
        a.text.source = element_markdown(n);
        a.text.tree = parse_markdown(a.text.source);
        r.responses.push_back(std::move(a));
    }
    if (const xmlNode* s = first_child(root, "scrutiny")) {
        r.scrutiny_by = attribute(s, "by").value_or("");
        if (auto md = read_markdown_file(folder, doc, s, diags)) r.scrutiny = std::move(md);
    }
    if (const xmlNode* v = first_child(root, "voice"))
        if (auto md = read_markdown_file(folder, doc, v, diags)) r.voice = std::move(md);
    if (const xmlNode* v = first_child(root, "children-summary"))
        if (auto md = read_markdown_file(folder, doc, v, diags)) r.children_summary = std::move(md);
    for (auto* md : {&r.scrutiny, &r.voice, &r.children_summary})
        if (*md) take_title(**md);  // the page supplies its own headings
    return r;
}

}  // namespace

std::vector<Report> load_reports(ContentFolder& folder, Diagnostics& diags) {
    std::vector<Report> out;
    if (!folder.has("reports")) return out;
    for (const auto& entry : folder.list("reports")) {
        if (!entry.is_directory) continue;
        std::string path = "reports/" + entry.name + "/report.xml";
        if (!folder.has(path)) continue;
        auto doc = load_xml_file(folder, path, "report", true, diags);
        if (!doc) continue;
        Report r = read_report(folder, *doc, path, diags);
        if (r.period != entry.name) {
            diags.add(doc->diagnostic_at(r.where, Severity::error, "the period '" + r.period + "' differs from the folder name '" + entry.name + "'",
                                         "put the report in reports/" + r.period + "/"));
            continue;
        }
        if (std::stoi(r.period.substr(5, 2)) != (r.start_year() + 1) % 100) {
            diags.add(doc->diagnostic_at(r.where, Severity::error, "'" + r.period + "' is not a year from April to March",
                                         "write periods as YYYY-YY, e.g. 2023-24"));
            continue;
        }
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const Report& a, const Report& b) { return a.period < b.period; });
    return out;
}

}  // namespace safesite
