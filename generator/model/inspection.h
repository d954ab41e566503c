// Inspections and reviews of an area's children's services, and the
// frameworks whose grade scales they use.
#pragma once

#include "support/date.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct Grade {
    std::string id;  // "requires-improvement"
    int rank = 0;    // 1 best to 4 worst, the same scale across frameworks
    std::string label;
    std::string meaning;
    std::string for_children;
};

struct Framework {
    std::string id;
    std::string name;
    std::string description;
    std::string from, to;  // years in use; `to` empty while current
    std::vector<Grade> grades;  // best first; empty when the framework gives no grade
    Location where;

    bool graded() const { return !grades.empty(); }
    const Grade* grade(std::string_view grade_id) const {
        for (const Grade& g : grades)
            if (g.id == grade_id) return &g;
        return nullptr;
    }
};

struct Judgement {
    std::string area;   // "overall", "help-and-protection" ...
    std::string grade;  // empty for frameworks that give no grade
    std::vector<Judgement> parts;
    Location where;
    Location grade_where;
};

struct Recommendation {
    std::string id;
    std::string timescale;  // immediate, three-months, six-months, priority, improvement, consider
    std::string status;     // open, in-progress, met, or empty when not recorded
    std::string carried_from;  // "<inspection id>/<recommendation id>"
    std::string owner;         // who a practice review asks to act, where it names one
    std::string text;
    Location where;
};

struct Inspection {
    std::string id;
    std::string authority;
    std::string authority_code;
    std::string inspectorate;
    std::string framework;
    std::string title;
    Date visit_start;
    Date visit_end;
    bool visited = true;  // false for a practice review, which has no visit: its dates are the published date
    std::optional<Date> published;
    std::vector<Judgement> judgements;
    std::vector<Recommendation> recommendations;
    std::vector<std::string> strengths;
    std::string for_children;
    std::string source_href;
    std::string source_label;
    std::string source_path;  // "inspections/halton-2014.xml"
    Location where;
    Location framework_where;

    // A practice review (local, rapid or national) rather than an inspection:
    // it has recommendations and no grade, and often no visit.
    bool practice_review() const { return framework == "lcspr" || framework == "rapid-review" || framework == "national-review"; }

    const Judgement* overall() const {
        for (const Judgement& j : judgements)
            if (j.area == "overall") return &j;
        return nullptr;
    }
};

}  // namespace safesite
