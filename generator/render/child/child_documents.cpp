#include "render/child/child_documents.h"

#include "analysis/controlled_lists.h"
#include "analysis/practice_checks.h"
#include "render/child/child_words.h"
#include "render/child/circle_of_change.h"


#include <algorithm>
#include <map>
#include <set>

namespace safesite {

namespace {

std::string agency_label(const std::string& id) { return std::string(label_of(agencies(), id)); }

std::vector<std::string> texts_of(const std::vector<Said>& said) {
    std::vector<std::string> out;
    for (const Said& s : said) out.push_back(s.text);
    return out;
}

// Each entry of the chronology is found by the line it was written on, which
// no two entries share: findings and the caseload link to it.
std::string entry_anchor(int line) { return "entry-" + std::to_string(line); }

// A finding reads as a sentence on the page; in the terminal it follows "warning:".
std::string sentence_case(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string age_words(int age) { return age == 1 ? "1 year old" : std::to_string(age) + " years old"; }

// The people who will help: the network, the workers and every owner of an
// action, each once.
List helpers(const Child& c) {
    List out;
    std::set<std::string> seen{c.preferred, c.name};
    auto add = [&](const std::string& name, const std::string& relationship, const std::string& agency) {
        if (name.empty() || !seen.insert(name).second) return;
        out.push_back(Record{{"name", name}, {"relationship", relationship}, {"agency", agency.empty() ? std::string() : agency_label(agency)}});
    };
    for (const auto& p : c.network) add(p.name, p.relationship, p.agency);
    for (const auto& w : c.workers) add(w.name, "social worker", w.agency);
    if (c.plan)
        for (const Goal& g : c.plan->goals)
            for (const PlanAction& a : g.actions) add(a.who, "", a.agency);
    return out;
}

std::string plan_title(const Child& c) {
    if (!c.plan) return "Plan";
    std::string kind(label_of(plan_kinds(), c.plan->kind));
    return kind.empty() ? "Plan" : kind;
}

class Renderer {
public:
    Renderer(const RestrictedContext& ctx, const WriteFile& write, Diagnostics& diags) : ctx_(ctx), write_(write), diags_(diags) {}
    bool child(const Child& c, const Diagnostics& findings);
    bool index(const std::vector<ChildSummary>& children);
    bool page(const Child* c, const std::string& file, const std::string& title, const std::string& template_name, Record values);
    int pages = 0;

private:
    Record my_plan(const Child& c);
    Record professional_plan(const Child& c);
    Record chronology(const Child& c);

    const RestrictedContext& ctx_;
    const Diagnostics* findings_ = nullptr;  // the child's being rendered
    const WriteFile& write_;
    Diagnostics& diags_;
};

bool Renderer::page(const Child* c, const std::string& file, const std::string& title, const std::string& template_name, Record values) {
    Record common{{"lang", ctx_.site.lang}, {"site_name", ctx_.site.name}};
    for (auto& [k, v] : common) values.emplace(k, v);
    auto main = ctx_.templates.render(template_name, Value(std::move(values)), diags_);
    if (!main) return false;
    Record layout = std::move(common);
    layout.emplace("title", title);
    layout.emplace("main", std::move(*main));
    layout.emplace("child", c ? Value(Record{{"name", c->preferred}, {"id", c->id}}) : Value());
    layout.emplace("root", c ? std::string("../") : std::string());
    List docs;
    if (c)
        for (auto [doc, label] : {std::pair{"my-plan.html", "My plan"}, std::pair{"professional-plan.html", "Professional plan"},
                                  std::pair{"chronology.html", "Chronology"}})
            if (has_my_plan(*c) || std::string_view(doc) != "my-plan.html")
                docs.push_back(Record{{"href", std::string(doc)}, {"label", std::string(label)}, {"current", file.ends_with(doc)}});
    layout.emplace("documents", docs);
    auto html = ctx_.templates.render("restricted/layout", Value(std::move(layout)), diags_);
    if (!html) return false;
    ++pages;
    return write_(file, html->markup());
}

Record Renderer::my_plan(const Child& c) {
    std::set<const Term*> explained;
    // to_second_person turns each text once per record, though it is checked, shown and described.
    auto you = [&](const std::string& text) { return to_second_person(text, c.preferred, c.pronouns); };
    auto words = [&](const std::string& text) { return Value(explained_in_place(you(text), ctx_.abbreviations, explained)); };
    List own;
    for (const Said& s : c.about_me) own.push_back(s.text);
    List well, worries, goals;
    std::string review, scale_question, scale_value;
    Html if_no_change;
    if (c.plan) {
        const Plan& p = *c.plan;
        for (const Said& s : p.child_says) {
            bool repeated = false;
            for (const Said& a : c.about_me) repeated = repeated || a.text == s.text;
            if (!repeated) own.push_back(s.text);
        }
        for (const Said& s : p.working_well) well.push_back(words(s.text));
        for (const Said& s : p.worries) worries.push_back(words(s.text));
        for (const Goal& g : p.goals) {
            List actions;
            for (const PlanAction& a : g.actions)
                actions.push_back(Record{{"text", words(a.text)}, {"who", a.who == c.preferred || a.who == c.name ? std::string("you") : a.who},
                                         {"by", a.by ? a.by->long_form() : std::string()},
                                         {"every", every_in_words(a.every)}});
            goals.push_back(Record{{"outcome", words(g.outcome.text)}, {"measure", g.measure ? words(g.measure->text) : Value()}, {"actions", actions}});
        }
        if (p.review) review = p.review->long_form();
        if (!p.scales.empty()) {
            scale_question = you(p.scales.back().question);
            scale_value = std::to_string(p.scales.back().value) + " out of " + std::to_string(p.scales.back().out_of);
        }
        if (p.if_no_change) if_no_change = explained_in_place(you(p.if_no_change->text), ctx_.abbreviations, explained);
    }
    List help = helpers(c);
    CircleOfChange circle{c.preferred, static_cast<int>(well.size()), static_cast<int>(worries.size()), static_cast<int>(goals.size()), {}, {}};
    std::string description = "You are in the middle. ";
    // No part of the description ends on an empty list.
    auto part = [&](const char* label, const std::vector<std::string>& texts) {
        description += std::string(label) + ": ";
        if (texts.empty()) description += "not written yet. ";
        for (const std::string& text : texts) description += you(text) + " ";
    };
    if (c.plan) {
        std::vector<std::string> outcomes;
        for (const Goal& g : c.plan->goals) outcomes.push_back(g.outcome.text);
        part("Going well", texts_of(c.plan->working_well));
        part("Worries", texts_of(c.plan->worries));
        part("What needs to happen", outcomes);
    }
    description += "People who will help: ";
    if (help.empty()) description += "not written yet";
    for (std::size_t i = 0; i < help.size(); ++i) {
        const Record& h = help[i].record();
        std::string who = h.at("name").text() + (h.at("relationship").text().empty() ? "" : " (" + h.at("relationship").text() + ")");
        // In the drawing, "Rhiannon from the advocacy service" is "Rhiannon".
        std::string short_name = h.at("name").text().substr(0, h.at("name").text().find(" from "));
        circle.helpers.push_back(short_name + (h.at("relationship").text().empty() ? "" : " (" + h.at("relationship").text() + ")"));
        description += (i ? ", " : "") + who;
    }
    circle.description = description + ".";
    std::string kind = plan_title(c);
    if (!kind.empty()) kind[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(kind[0])));
    return Record{{"name", c.preferred},
                  {"age", age_words(age_on(c.born, ctx_.today))},
                  {"plan_title", kind},
                  {"own_words", own},
                  {"working_well", well},
                  {"worries", worries},
                  {"goals", goals},
                  {"helpers", help},
                  {"review", review},
                  {"scale_question", scale_question},
                  {"scale_value", scale_value},
                  {"if_no_change", if_no_change},
                  {"circle", circle_of_change_svg(circle)}};
}

Record Renderer::professional_plan(const Child& c) {
    Record values{{"name", c.name}, {"preferred", c.preferred}, {"born", c.born.long_form()}, {"plan_title", plan_title(c)},
                  {"status", std::string(label_of(child_statuses(), c.status))},
                  {"status_since", c.status_since ? c.status_since->long_form() : std::string()}, {"has_plan", c.plan.has_value()}};
    List workers;
    for (const auto& w : c.workers) workers.push_back(Record{{"name", w.name}, {"agency", agency_label(w.agency)}});
    values.emplace("workers", workers);
    List network;
    for (const auto& p : c.network)
        network.push_back(Record{{"name", p.name}, {"relationship", p.relationship}, {"agency", p.agency.empty() ? std::string() : agency_label(p.agency)}});
    values.emplace("network", network);
    // The template reads these whether or not there is a plan yet.
    for (const char* empty : {"start", "review", "if_no_change"}) values.emplace(empty, std::string());
    for (const char* none : {"worries", "working_well", "child_says", "goals", "scales"}) values.emplace(none, List{});
    values.emplace("review_overdue", false);
    if (!c.plan) return values;
    const Plan& p = *c.plan;
    auto texts = [](const std::vector<Said>& list) {
        List out;
        for (const Said& s : list) out.push_back(s.text);
        return out;
    };
    List goals;
    for (const Goal& g : p.goals) {
        List actions;
        for (const PlanAction& a : g.actions)
            actions.push_back(Record{{"text", a.text}, {"who", a.who}, {"agency", a.agency.empty() ? std::string() : agency_label(a.agency)},
                                     {"by", a.by ? a.by->long_form() : std::string()}, {"every", every_in_words(a.every)}});
        goals.push_back(Record{{"id", g.id}, {"outcome", g.outcome.text}, {"measure", g.measure ? g.measure->text : std::string()}, {"actions", actions}});
    }
    List scales;
    for (const auto& s : p.scales)
        scales.push_back(Record{{"question", s.question}, {"value", std::to_string(s.value)}, {"out_of", std::to_string(s.out_of)},
                                {"date", s.date ? s.date->long_form() : std::string()}});
    values.insert_or_assign("start", p.start ? p.start->long_form() : std::string());
    values.insert_or_assign("review", p.review ? p.review->long_form() : std::string());
    values.insert_or_assign("review_overdue", p.review && *p.review < ctx_.today);
    values.insert_or_assign("worries", texts(p.worries));
    values.insert_or_assign("working_well", texts(p.working_well));
    values.insert_or_assign("child_says", texts(p.child_says));
    values.insert_or_assign("goals", goals);
    values.insert_or_assign("scales", scales);
    values.insert_or_assign("if_no_change", p.if_no_change ? p.if_no_change->text : std::string());
    return values;
}

Record Renderer::chronology(const Child& c) {
    auto ordered = chronology_in_order(c);
    // One record per entry, shared by the turning points and the year it is in.
    // Built in the keys' order, each value made once in place.
    auto entry_values = [&](const ChronologyEntry& e) {
        Record r;
        r.reserve(12);
        // The keys come in order: each is added at the end, with no search and no move.
        auto put = [&](std::string_view key, Value v) { r.emplace_hint(r.end(), key, std::move(v)); };
        put("action", e.action);
        put("agency", agency_label(e.agency));
        put("anchor", entry_anchor(e.where.line));
        put("approx", e.approx);
        put("category", std::string(label_of(chronology_categories(), e.category)));
        put("date", e.date.long_form());
        put("event", e.event);
        put("high", e.significance == "high");
        put("impact", e.impact);
        put("iso", e.date.iso());
        put("recorded_by", e.recorded_by);
        put("recorded_on", e.recorded_on ? e.recorded_on->long_form() : std::string());
        return Value(std::move(r));
    };
    List entries_in_order;
    entries_in_order.reserve(ordered.size());
    for (const auto* e : ordered) entries_in_order.push_back(entry_values(*e));
    List turning_points;
    for (std::size_t k = 0; k < ordered.size(); ++k)
        if (ordered[k]->significance == "high") turning_points.push_back(entries_in_order[k]);
    List years;
    for (std::size_t i = 0; i < ordered.size();) {
        int year = ordered[i]->date.year;
        List entries;
        for (; i < ordered.size() && ordered[i]->date.year == year; ++i) entries.push_back(std::move(entries_in_order[i]));
        std::string age;
        if (year < c.born.year) age = "before " + c.preferred + " was born";
        else {
            int from = year == c.born.year ? 0 : age_on(c.born, Date{year, 1, 1});
            int to = age_on(c.born, Date{year, 12, 31});
            age = from == to ? "age " + std::to_string(from) : "age " + std::to_string(from) + " to " + std::to_string(to);
        }
        years.push_back(Record{{"year", std::to_string(year)}, {"id", "year-" + std::to_string(year)}, {"age", age}, {"entries", std::move(entries)}});
    }
    List findings;
    std::set<std::string> agencies_seen;
    for (const auto& e : c.chronology) agencies_seen.insert(e.agency);
    std::map<int, std::string> entry_dates;  // by line
    for (const auto* e : ordered) entry_dates.emplace(e->where.line, e->date.long_form());
    if (findings_)
        for (const Diagnostic& d : findings_->sorted()) {
            auto entry = entry_dates.find(d.where.line);
            bool at_entry = entry != entry_dates.end();
            findings.push_back(Record{{"code", d.code},
                                      {"message", sentence_case(d.message)},
                                      {"hint", sentence_case(d.hint)},
                                      {"line", std::to_string(d.where.line)},
                                      {"entry", at_entry ? entry_anchor(d.where.line) : std::string()},
                                      {"entry_date", at_entry ? entry->second : std::string()}});
        }
    return Record{{"name", c.name},
                  {"preferred", c.preferred},
                  {"born", c.born.long_form()},
                  {"age", age_words(age_on(c.born, ctx_.today))},
                  {"entries", static_cast<int>(ordered.size())},
                  {"agencies", static_cast<int>(agencies_seen.size())},
                  {"agencies_words", std::to_string(agencies_seen.size()) + (agencies_seen.size() == 1 ? " agency" : " agencies")},
                  {"first", ordered.empty() ? std::string() : ordered.front()->date.long_form()},
                  {"last", ordered.empty() ? std::string() : ordered.back()->date.long_form()},
                  {"findings", findings},
                  {"has_plan", c.plan.has_value()},
                  {"turning_points", turning_points},
                  {"years", years},
                  {"source", c.source_path}};
}

bool Renderer::child(const Child& c, const Diagnostics& findings) {
    findings_ = &findings;
    if (has_my_plan(c) && !page(&c, c.id + "/my-plan.html", plan_title(c) + " for " + c.preferred, "restricted/my-plan", my_plan(c))) return false;
    return page(&c, c.id + "/professional-plan.html", plan_title(c) + ": " + c.name + " (professional view)", "restricted/professional-plan",
                professional_plan(c)) &&
           page(&c, c.id + "/chronology.html", "Chronology: " + c.name, "restricted/chronology", chronology(c));
}

bool Renderer::index(const std::vector<ChildSummary>& summaries) {
    List children;
    for (const ChildSummary& c : summaries)
        children.push_back(Record{{"id", c.id}, {"name", c.name}, {"preferred", c.preferred}, {"findings", c.findings}, {"status", c.status},
                                  {"my_plan", c.my_plan}});
    return page(nullptr, "index.html", "Children's documents", "restricted/index", Record{{"children", children}});
}

}  // namespace

bool render_child_documents(const RestrictedContext& context, const Child& child, const Diagnostics& findings, const WriteFile& write,
                            Diagnostics& diags, int* pages) {
    Renderer r(context, write, diags);
    bool ok = r.child(child, findings);
    if (pages) *pages += r.pages;
    return ok;
}

bool has_my_plan(const Child& child) { return child.plan && !child.name_placeholder; }

std::vector<std::string> child_document_files(const std::string& id, bool my_plan) {
    if (!my_plan) return {id + "/professional-plan.html", id + "/chronology.html"};
    return {id + "/my-plan.html", id + "/professional-plan.html", id + "/chronology.html"};
}

std::vector<std::string> child_document_files(const Child& child) { return child_document_files(child.id, has_my_plan(child)); }

std::vector<FindingKind> finding_kinds(const std::vector<Diagnostic>& sorted) {
    std::vector<FindingKind> out;
    for (const Diagnostic& d : sorted) {
        auto it = std::find_if(out.begin(), out.end(), [&](const FindingKind& k) { return k.code == d.code; });
        if (it == out.end()) out.push_back({d.code, 1, d.where.line});
        else ++it->count;
    }
    return out;
}

ChildSummary summary_of(const Child& child, const std::vector<Diagnostic>& sorted_findings) {
    return {child.id,
            child.name,
            child.preferred,
            std::string(label_of(child_statuses(), child.status)),
            static_cast<int>(sorted_findings.size()),
            has_my_plan(child),
            finding_kinds(sorted_findings)};
}

bool write_restricted_page(const RestrictedContext& context, const std::string& file, const std::string& title, const std::string& template_name,
                           Record values, const WriteFile& write, Diagnostics& diags, int* pages) {
    Renderer r(context, write, diags);
    bool ok = r.page(nullptr, file, title, template_name, std::move(values));
    if (pages) *pages += r.pages;
    return ok;
}

bool render_children_index(const RestrictedContext& context, const std::vector<ChildSummary>& children, const WriteFile& write,
                           Diagnostics& diags, int* pages) {
    Renderer r(context, write, diags);
    bool ok = r.index(children);
    if (pages) *pages += r.pages;
    return ok;
}

}  // namespace safesite
