#include "content/child_loader.h"

#include "analysis/controlled_lists.h"
#include "content/xml_file.h"

namespace safesite {

namespace {

class ChildReader {
public:
    ChildReader(const XmlDocument& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}
    Child read(const std::string& path);

private:
    Said said(const xmlNode* n) const { return {folded_text(n), doc_.locate(n)}; }
    // A controlled value: reported with the whole list when it is not on it.
    std::string listed(const xmlNode* n, const char* attr, const std::vector<NamedValue>& list, const char* what);
    std::optional<Date> date(const xmlNode* n, const char* attr);

    const XmlDocument& doc_;
    Diagnostics& diags_;
};

std::string ChildReader::listed(const xmlNode* n, const char* attr, const std::vector<NamedValue>& list, const char* what) {
    auto value = attribute(n, attr);
    if (!value) return {};
    if (label_of(list, *value).empty())
        diags_.add(doc_.diagnostic_at(doc_.locate_attribute(n, attr), Severity::error, "'" + *value + "' is not " + what,
                                      "use one of " + list_of_ids(list)));
    return *value;
}

std::optional<Date> ChildReader::date(const xmlNode* n, const char* attr) {
    auto value = attribute(n, attr);
    if (!value) return std::nullopt;
    auto d = parse_date(*value);
    if (!d)
        diags_.add(doc_.diagnostic_at(doc_.locate_attribute(n, attr), Severity::error, "'" + *value + "' is not a real date",
                                      "write YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known"));
    return d;
}

Child ChildReader::read(const std::string& path) {
    const xmlNode* root = doc_.root();
    Child c;
    c.source_path = path;
    c.where = doc_.locate_attribute(root, "id");
    c.id = attribute(root, "id").value_or("");
    const xmlNode* name = first_child(root, "name");
    c.name = folded_text(name);
    c.preferred = attribute(name, "preferred").value_or(c.name);
    c.name_placeholder = attribute(name, "placeholder").value_or("false") == "true";
    c.sex = folded_text(first_child(root, "sex"));
    const xmlNode* born = first_child(root, "born");
    c.born = date(born, "date").value_or(Date{});
    c.born_approx = attribute(born, "approx").value_or("false") == "true";
    c.pronouns = folded_text(first_child(root, "pronouns"));
    c.first_language = attribute(first_child(root, "language"), "first").value_or("");
    if (const xmlNode* r = first_child(root, "reading-age")) c.reading_age = std::stoi(folded_text(r));
    if (const xmlNode* status = first_child(root, "status")) {
        c.status = folded_text(status);
        if (label_of(child_statuses(), c.status).empty())
            diags_.add(doc_.diagnostic_at(doc_.locate(status), Severity::error, "'" + c.status + "' is not a status",
                                          "use one of " + list_of_ids(child_statuses())));
        c.status_since = date(status, "since");
    }
    for (const xmlNode* w : child_elements(root, "worker"))
        c.workers.push_back({folded_text(w), "worker", listed(w, "agency", agencies(), "an agency"), doc_.locate(w)});
    for (const xmlNode* s : child_elements(first_child(root, "about-me"), "says")) c.about_me.push_back(said(s));
    for (const xmlNode* p : child_elements(first_child(root, "network"), "person"))
        c.network.push_back({folded_text(p), attribute(p, "relationship").value_or(""), listed(p, "agency", agencies(), "an agency"),
                             doc_.locate(p)});
    const std::vector<const xmlNode*> entries = child_elements(first_child(root, "chronology"), "entry");
    c.chronology.reserve(entries.size());  // a record's hundreds of entries are not moved as the list grows
    for (const xmlNode* e : entries) {
        ChronologyEntry entry;
        entry.date = date(e, "date").value_or(Date{});
        entry.approx = attribute(e, "approx").value_or("false") == "true";
        entry.agency = listed(e, "agency", agencies(), "an agency");
        entry.category = listed(e, "category", chronology_categories(), "a category");
        entry.significance = listed(e, "significance", significances(), "a significance");
        entry.plan_kind = listed(e, "plan-kind", plan_kinds(), "a kind of plan");
        entry.recorded_by = attribute(e, "recorded-by").value_or("");
        entry.recorded_on = date(e, "recorded-on");
        entry.source = attribute(e, "source").value_or("");
        entry.key = attribute(e, "key").value_or("");
        entry.event = folded_text(first_child(e, "event"));
        entry.impact = folded_text(first_child(e, "impact"));
        entry.action = folded_text(first_child(e, "action"));
        entry.where = doc_.locate(e);
        c.chronology.push_back(std::move(entry));
    }
    if (const xmlNode* p = first_child(root, "plan")) {
        Plan plan;
        plan.kind = listed(p, "kind", plan_kinds(), "a kind of plan");
        plan.start = date(p, "start");
        plan.review = date(p, "review");
        plan.where = doc_.locate(p);
        for (const xmlNode* w : child_elements(first_child(p, "worries"), "worry")) plan.worries.push_back(said(w));
        for (const xmlNode* w : child_elements(first_child(p, "working-well"), "item")) plan.working_well.push_back(said(w));
        for (const xmlNode* s : child_elements(p, "child-says")) plan.child_says.push_back(said(s));
        for (const xmlNode* g : child_elements(p, "goal")) {
            Goal goal;
            goal.id = attribute(g, "id").value_or("");
            goal.where = doc_.locate(g);
            goal.outcome = said(first_child(g, "outcome"));
            if (const xmlNode* m = first_child(g, "measure")) goal.measure = said(m);
            for (const xmlNode* a : child_elements(g, "action"))
                goal.actions.push_back({folded_text(a), attribute(a, "who").value_or(""), listed(a, "agency", agencies(), "an agency"),
                                        date(a, "by"), attribute(a, "every").value_or(""), doc_.locate(a)});
            plan.goals.push_back(std::move(goal));
        }
        for (const xmlNode* s : child_elements(p, "scale"))
            plan.scales.push_back({attribute(s, "question").value_or(""), std::stoi(attribute(s, "value").value_or("0")),
                                   std::stoi(attribute(s, "out-of").value_or("10")), date(s, "date")});
        if (const xmlNode* n = first_child(p, "if-things-do-not-change")) plan.if_no_change = said(n);
        c.plan = std::move(plan);
    }
    return c;
}

}  // namespace

std::vector<Child> load_children(ContentFolder& folder, Diagnostics& diags) {
    std::vector<Child> out;
    for_each_child(folder, diags, [&](Child&& c) { out.push_back(std::move(c)); });
    return out;
}

std::optional<Child> load_child(ContentFolder& folder, const std::string& name, Diagnostics& diags, std::string* text) {
    std::string path = "children/" + name + "/child.xml";
    if (!folder.has(path)) {
        diags.error({"children/" + name, 0, 0}, "the folder has no child.xml", "each child's folder holds one child.xml");
        return std::nullopt;
    }
    auto doc = load_xml_file(folder, path, "child", true, diags);
    if (!doc) return std::nullopt;
    ChildReader reader(*doc, diags);
    Child c = reader.read(path);
    if (c.id != name) {
        diags.add(doc->diagnostic_at(c.where, Severity::error, "the id '" + c.id + "' differs from the folder name '" + name + "'",
                                     "name the folder children/" + c.id + "/, or set id=\"" + name + "\""));
        return std::nullopt;
    }
    for (auto& person : c.workers) person.where.path = path;
    if (text) *text = doc->text();
    return c;
}

std::vector<std::string> child_folders(ContentFolder& folder) {
    std::vector<std::string> names;
    if (!folder.has("children")) return names;
    for (const auto& entry : folder.list("children"))
        if (entry.is_directory) names.push_back(entry.name);
    return names;
}

void for_each_child(ContentFolder& folder, Diagnostics& diags, const std::function<void(Child&&)>& each) {
    for (const std::string& name : child_folders(folder))
        if (auto c = load_child(folder, name, diags)) each(std::move(*c));
}

}  // namespace safesite
