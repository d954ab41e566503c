#include "analysis/inspection_checks.h"

#include "analysis/inspection_areas.h"

#include <map>
#include <set>

namespace safesite {

namespace {

std::string grade_list(const Framework& f) {
    std::string out;
    for (std::size_t i = 0; i < f.grades.size(); ++i) {
        if (i) out += i + 1 == f.grades.size() ? " or " : ", ";
        out += f.grades[i].id;
    }
    return out;
}

void check_judgement(const Inspection& i, const Framework& f, const Judgement& j, Diagnostics& diags) {
    Location at = j.where;
    at.path = i.source_path;
    if (label_of(inspection_areas(), j.area).empty())
        diags.error(at, "'" + j.area + "' is not an area inspections judge", "use one of " + list_of_ids(inspection_areas()));
    Location grade_at = j.grade_where;
    grade_at.path = i.source_path;
    if (f.graded() && j.grade.empty())
        diags.error(at, "the judgement of '" + j.area + "' has no grade", "add grade=\"...\": " + grade_list(f));
    else if (!f.graded() && !j.grade.empty())
        diags.error(grade_at, "a " + f.id + " gives no grades, so '" + j.grade + "' cannot be one", "remove grade=\"" + j.grade + "\"");
    else if (f.graded() && !f.grade(j.grade))
        diags.error(grade_at, "'" + j.grade + "' is not a grade of the " + f.id + " framework",
                    "its grades, best first, are " + grade_list(f));
    for (const Judgement& part : j.parts) check_judgement(i, f, part, diags);
}

}  // namespace

void check_inspections(const Content& content, Diagnostics& diags) {
    std::map<std::string, const Inspection*> by_id;
    for (const Inspection& i : content.inspections) by_id[i.id] = &i;

    for (const Inspection& i : content.inspections) {
        Location at = i.framework_where;
        at.path = i.source_path;
        const Framework* f = content.framework(i.framework);
        if (!f) {
            std::string known;
            for (const Framework& fw : content.frameworks) known += (known.empty() ? "" : ", ") + fw.id;
            diags.error(at, "there is no inspection framework '" + i.framework + "'",
                        "use one of " + known + ", or describe it in content/frameworks/" + i.framework + ".xml");
        } else {
            for (const Judgement& j : i.judgements) check_judgement(i, *f, j, diags);
            if (f->graded() && !i.overall()) {
                Location root = i.where;
                root.path = i.source_path;
                diags.warning(root, "the inspection has no overall judgement", "add <judgement area=\"overall\" grade=\"...\"/>",
                              "inspection-without-overall");
            }
        }
        if (i.visit_end < i.visit_start) {
            Location root = i.where;
            root.path = i.source_path;
            diags.error(root, "the visit ends before it starts", "check <visit start=\"...\" end=\"...\"/>");
        }

        std::set<std::string> ids;
        for (const Recommendation& r : i.recommendations) {
            Location rat = r.where;
            rat.path = i.source_path;
            if (!ids.insert(r.id).second) diags.error(rat, "there is already a recommendation '" + r.id + "' in this inspection", "give each one its own id");
            // A practice review's recommendations often have no timescale.
            if (r.timescale.empty() && !i.practice_review())
                diags.error(rat, "recommendation '" + r.id + "' has no timescale",
                            "add timescale=\"...\" as the report heads it: " + list_of_ids(recommendation_timescales()));
            else if (!r.timescale.empty() && label_of(recommendation_timescales(), r.timescale).empty())
                diags.error(rat, "'" + r.timescale + "' is not a timescale", "use one of " + list_of_ids(recommendation_timescales()));
            if (r.carried_from.empty()) continue;
            std::size_t slash = r.carried_from.find('/');
            auto earlier = by_id.find(r.carried_from.substr(0, slash));
            bool found = false;
            if (earlier != by_id.end())
                for (const Recommendation& e : earlier->second->recommendations)
                    if (e.id == r.carried_from.substr(slash + 1)) found = true;
            if (!found)
                diags.error(rat, "carried-from=\"" + r.carried_from + "\" points at no recommendation",
                            earlier == by_id.end() ? "there is no inspection '" + r.carried_from.substr(0, slash) + "' in content/inspections/"
                                                   : "inspection '" + earlier->first + "' has no recommendation '" + r.carried_from.substr(slash + 1) + "'");
            else if (earlier->second->visit_start >= i.visit_start)
                diags.error(rat, "carried-from=\"" + r.carried_from + "\" points at an inspection that is not earlier than this one",
                            "a recommendation can only be carried forward in time");
        }
    }
}

std::optional<int> overall_rank(const Content& content, const Inspection& inspection) {
    const Framework* f = content.framework(inspection.framework);
    const Judgement* overall = inspection.overall();
    if (!f || !overall) return std::nullopt;
    const Grade* g = f->grade(overall->grade);
    if (!g) return std::nullopt;
    return g->rank;
}

}  // namespace safesite
