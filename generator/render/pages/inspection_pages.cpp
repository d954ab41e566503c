// The inspection pages: one per inspection, one per authority with its
// history, a comparison across authorities, and what each framework's
// grades mean.
#include "render/pages/pages.h"

#include "analysis/asks.h"
#include "analysis/inspection_areas.h"
#include "analysis/inspection_checks.h"
#include "analysis/site_checks.h"
#include "render/judgement_chart.h"
#include "render/pages/ask_status.h"

#include <algorithm>
#include <map>

namespace safesite {

namespace {

const std::string kScaleNote =
    "To compare inspections made under different frameworks, this site puts every grade on one scale from 1 (best) to 4 (worst). "
    "For example, \"adequate\" (used until 2013) and \"requires improvement\" (used since) are both 3.";

Value badge(const Framework* f, const std::string& grade_id) {
    const Grade* g = f ? f->grade(grade_id) : nullptr;
    if (!g) return Value();
    return Record{{"label", g->label}, {"rank", std::to_string(g->rank)}, {"meaning", g->meaning}, {"for_children", g->for_children}};
}

std::string visit_dates(const Inspection& i) {
    if (i.visit_start == i.visit_end) return i.visit_start.long_form();
    return i.visit_start.long_form() + " to " + i.visit_end.long_form();
}

// Inspections of one authority, oldest first.
std::vector<const Inspection*> inspections_of(const Content& content, std::string_view authority) {
    std::vector<const Inspection*> out;
    for (const Inspection& i : content.inspections)
        if (i.authority == authority) out.push_back(&i);
    std::stable_sort(out.begin(), out.end(), [](const Inspection* a, const Inspection* b) { return a->visit_start < b->visit_start; });
    return out;
}

std::string status_label(const std::string& status) {
    if (status == "met") return "Met";
    if (status == "in-progress") return "In progress";
    if (status == "open") return "Open";
    return "Not recorded";
}

const Recommendation* find_recommendation(const Content& content, const std::string& ref, const Inspection** owner) {
    std::size_t slash = ref.find('/');
    for (const Inspection& i : content.inspections) {
        if (i.id != ref.substr(0, slash)) continue;
        for (const Recommendation& r : i.recommendations)
            if (r.id == ref.substr(slash + 1)) {
                *owner = &i;
                return &r;
            }
    }
    return nullptr;
}

Record inspection_summary(const SiteContext& site, const SitePage& from, const Inspection& i) {
    const Framework* f = site.content.framework(i.framework);
    const Judgement* overall = i.overall();
    return Record{{"title", i.title},
                  {"href", href_to(site, from, "inspections/" + i.id)},
                  {"authority", i.authority},
                  {"authority_href", href_to(site, from, "inspections/" + authority_slug(i.authority))},
                  {"framework", f ? f->name : i.framework},
                  {"grades_href", href_to(site, from, "inspections/grades-" + i.framework)},
                  {"dates", visit_dates(i)},
                  {"year", std::to_string(i.visit_start.year)},
                  {"published", i.published ? i.published->long_form() : std::string()},
                  {"overall", overall ? badge(f, overall->grade) : Value()}};
}

void add_judgement_rows(const Framework* f, const Judgement& j, int depth, const std::string& grades_href, List& rows) {
    rows.push_back(Record{{"area", std::string(label_of(inspection_areas(), j.area))},
                          {"part", depth > 0},
                          {"grade", badge(f, j.grade)},
                          {"grades_href", grades_href}});
    for (const Judgement& part : j.parts) add_judgement_rows(f, part, depth + 1, grades_href, rows);
}

}  // namespace

PageFrame inspection_page(const SiteContext& site, const SitePage& page) {
    const Content& content = site.content;
    const Inspection* found = nullptr;
    for (const Inspection& i : content.inspections)
        if (i.id == page.key) found = &i;
    const Inspection& i = *found;
    const Framework* f = content.framework(i.framework);
    std::string grades_href = href_to(site, page, "inspections/grades-" + i.framework);

    List judgements;
    for (const Judgement& j : i.judgements) add_judgement_rows(f, j, 0, grades_href, judgements);

    List groups;
    // An inspection's asks are grouped under the timescale headings its
    // report uses; a review's are one list in its own order, each with its
    // timescale if it has one.
    std::vector<NamedValue> timescales = recommendation_timescales();
    if (i.practice_review()) timescales = {{"", "Recommendations"}};
    for (const NamedValue& t : timescales) {
        List items;
        for (const Recommendation& r : i.recommendations) {
            if (!i.practice_review() && r.timescale != t.id) continue;
            Record item{{"id", r.id}, {"text", r.text}, {"status", r.status.empty() ? std::string() : status_label(r.status)},
                        {"owner", r.owner}, {"carried", Value()}, {"answered", Value()},
                        {"timescale", i.practice_review() ? std::string(label_of(recommendation_timescales(), r.timescale)) : std::string()}};
            // What the partnership last said it did about it, and where.
            if (LatestResponse latest = latest_response(content, i.id + "/" + r.id); latest.response) {
                Record answered = ask_status(latest.response->status);
                answered.insert_or_assign("href", href_to(site, page, "reports/" + latest.report->period) + "#asks");
                answered.insert_or_assign("period", period_words(latest.report->period));
                item["answered"] = std::move(answered);
            }
            const Inspection* earlier = nullptr;
            if (const Recommendation* e = r.carried_from.empty() ? nullptr : find_recommendation(content, r.carried_from, &earlier))
                item["carried"] = Record{{"text", e->text}, {"title", earlier->title}, {"year", std::to_string(earlier->visit_start.year)},
                                         {"href", href_to(site, page, "inspections/" + earlier->id)}};
            items.push_back(std::move(item));
        }
        if (!items.empty()) groups.push_back(Record{{"label", std::string(t.label)}, {"items", items}});
    }
    List strengths;
    for (const std::string& s : i.strengths) strengths.push_back(s);

    const Judgement* overall = i.overall();
    Value overall_badge = overall ? badge(f, overall->grade) : Value();
    std::string for_children = i.for_children;
    if (for_children.empty() && overall)
        if (const Grade* g = f ? f->grade(overall->grade) : nullptr) for_children = g->for_children;

    Record values = inspection_summary(site, page, i);
    values.insert_or_assign("inspectorate", i.inspectorate);
    values.insert_or_assign("graded", f && f->graded());
    values.insert_or_assign("review", i.practice_review());
    values.insert_or_assign("visited", i.visited);
    values.insert_or_assign("judgements", judgements);
    values.insert_or_assign("recommendation_groups", groups);
    values.insert_or_assign("strengths", strengths);
    values.insert_or_assign("for_children", for_children);
    values.insert_or_assign("source_href", i.source_href);
    values.insert_or_assign("source_label", i.source_label.empty() ? std::string("The full report") : i.source_label);
    values.insert_or_assign("scale_note", kScaleNote);
    values.insert_or_assign("description", i.authority + ": " + i.title + ", " + visit_dates(i) + ".");

    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/inspection";
    frame.exit_this_page = content.site.exit_this_page;
    frame.parents = {{"Inspections", "inspections/index.html"},
                     {"Inspections of " + i.authority, "inspections/" + authority_slug(i.authority) + ".html"}};
    frame.crumb = i.authority + " " + std::to_string(i.visit_start.year);
    frame.values = std::move(values);
    return frame;
}

PageFrame authority_page(const SiteContext& site, const SitePage& page) {
    const Content& content = site.content;
    auto history = inspections_of(content, page.key);

    List rows;
    std::vector<ChartPoint> points;
    for (const Inspection* i : history) {
        Record row = inspection_summary(site, page, *i);
        auto rank = overall_rank(content, *i);
        row.insert_or_assign("rank", rank ? std::to_string(*rank) : std::string());
        rows.push_back(std::move(row));
        if (rank) {
            const Grade* g = content.framework(i->framework)->grade(i->overall()->grade);
            points.push_back({i->visit_start, *rank, g->label});
        }
    }

    List carried, open;
    for (const Inspection* i : history)
        for (const Recommendation& r : i->recommendations) {
            if (r.status == "open" || r.status == "in-progress")
                open.push_back(Record{{"text", r.text}, {"status", status_label(r.status)}, {"title", i->title},
                                      {"year", std::to_string(i->visit_start.year)}, {"href", href_to(site, page, "inspections/" + i->id)},
                                      {"timescale", std::string(label_of(recommendation_timescales(), r.timescale))}});
            const Inspection* earlier = nullptr;
            const Recommendation* e = r.carried_from.empty() ? nullptr : find_recommendation(content, r.carried_from, &earlier);
            if (!e) continue;
            carried.push_back(Record{{"earlier_text", e->text}, {"earlier_year", std::to_string(earlier->visit_start.year)},
                                     {"earlier_href", href_to(site, page, "inspections/" + earlier->id)}, {"earlier_title", earlier->title},
                                     {"later_text", r.text}, {"later_year", std::to_string(i->visit_start.year)},
                                     {"later_href", href_to(site, page, "inspections/" + i->id)}, {"later_title", i->title},
                                     {"status", status_label(r.status)}});
        }

    std::string title = "Overall judgement of " + page.key + "'s services for children over time";
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/authority";
    frame.exit_this_page = content.site.exit_this_page;
    frame.parents = {{"Inspections", "inspections/index.html"}};
    frame.values = Record{{"authority", page.key},
                          {"inspections", rows},
                          {"count", static_cast<int>(history.size())},
                          {"chart", points.empty() ? Html() : judgement_chart("history", title, points)},
                          {"chart_title", title},
                          {"has_chart", !points.empty()},
                          {"ungraded", static_cast<int>(history.size() - points.size())},
                          {"carried", carried},
                          {"open", open},
                          {"scale_note", kScaleNote},
                          {"description", "Every inspection of " + page.key + "'s children's services, how the judgements have moved, and which recommendations are still open."}};
    return frame;
}

PageFrame inspections_index_page(const SiteContext& site, const SitePage& page) {
    const Content& content = site.content;
    std::map<std::string, std::vector<const Inspection*>> by_authority;
    for (const Inspection& i : content.inspections) by_authority[i.authority].push_back(&i);

    List authorities;
    for (auto& [name, list] : by_authority) {
        auto history = inspections_of(content, name);
        const Inspection* latest_graded = nullptr;
        for (const Inspection* i : history)
            if (overall_rank(content, *i)) latest_graded = i;
        Record row{{"authority", name}, {"href", href_to(site, page, "inspections/" + authority_slug(name))},
                   {"count", static_cast<int>(history.size())}, {"latest", Value()}};
        if (latest_graded) row["latest"] = inspection_summary(site, page, *latest_graded);
        authorities.push_back(std::move(row));
    }
    std::vector<const Inspection*> all;
    for (const Inspection& i : content.inspections) all.push_back(&i);
    std::stable_sort(all.begin(), all.end(), [](const Inspection* a, const Inspection* b) { return b->visit_start < a->visit_start; });
    List everything;
    for (const Inspection* i : all) everything.push_back(inspection_summary(site, page, *i));
    List frameworks;
    for (const Framework& f : content.frameworks)
        frameworks.push_back(Record{{"name", f.name}, {"href", href_to(site, page, "inspections/grades-" + f.id)}});

    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/inspections";
    frame.exit_this_page = content.site.exit_this_page;
    frame.values = Record{{"authorities", authorities}, {"inspections", everything}, {"frameworks", frameworks}, {"scale_note", kScaleNote},
                          {"description", "The latest inspection judgements for each area, what the grades mean, and every inspection and review."}};
    return frame;
}

PageFrame grades_page(const SiteContext& site, const SitePage& page) {
    const Content& content = site.content;
    const Framework& f = *content.framework(page.key);
    List grades;
    for (const Grade& g : f.grades)
        grades.push_back(Record{{"id", g.id}, {"label", g.label}, {"rank", std::to_string(g.rank)}, {"meaning", g.meaning}, {"for_children", g.for_children}});
    List used;
    for (const Inspection& i : content.inspections)
        if (i.framework == f.id) used.push_back(inspection_summary(site, page, i));
    std::string years = f.from.empty() ? std::string() : f.to.empty() ? "Used since " + f.from + "." : "Used from " + f.from + " to " + f.to + ".";

    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/grades";
    frame.crumb = "What the grades mean";
    frame.exit_this_page = content.site.exit_this_page;
    frame.parents = {{"Inspections", "inspections/index.html"}};
    frame.values = Record{{"name", f.name}, {"framework_description", f.description}, {"years", years}, {"grades", grades},
                          {"graded", f.graded()}, {"used", used}, {"scale_note", kScaleNote},
                          {"description", "What each grade of the " + f.name + " means, in plain English."}};
    return frame;
}

}  // namespace safesite
