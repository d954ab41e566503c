// One child's record: restricted, never published on the public site.
#pragma once

#include "support/date.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

// A piece of text with where it was written, so findings can point at it.
struct Said {
    std::string text;
    Location where;
};

struct NetworkPerson {
    std::string name;
    std::string relationship;
    std::string agency;  // may be empty for family and friends
    Location where;
};

struct ChronologyEntry {
    Date date;
    bool approx = false;
    std::string agency;
    std::string category;
    std::string significance;  // high, medium, low; empty if not given
    std::string plan_kind;     // for plan-start and plan-end entries
    std::string recorded_by;
    std::optional<Date> recorded_on;
    std::string source;  // the importer that wrote it (cin-census, ssda903); empty when a person did
    std::string key;     // the importer's key, stable across imports
    std::string event;
    std::string impact;  // empty when not recorded
    std::string action;
    Location where;
};

struct PlanAction {
    std::string text;
    std::string who;
    std::string agency;
    std::optional<Date> by;
    std::string every;  // ISO 8601 duration, e.g. P2W
    Location where;
};

struct Goal {
    std::string id;
    Said outcome;
    std::optional<Said> measure;
    std::vector<PlanAction> actions;
    Location where;
};

struct SafetyScale {
    std::string question;
    int value = 0;
    int out_of = 10;
    std::optional<Date> date;
};

struct Plan {
    std::string kind;  // early-help, child-in-need, child-protection, care, pathway
    std::optional<Date> start;
    std::optional<Date> review;
    std::vector<Said> worries;
    std::vector<Said> working_well;
    std::vector<Said> child_says;
    std::vector<Goal> goals;
    std::vector<SafetyScale> scales;
    std::optional<Said> if_no_change;
    Location where;
};

struct Child {
    std::string id;
    std::string name;
    std::string preferred;  // the name to use; the full name when none is given
    bool name_placeholder = false;  // an import's stand-in: the returns hold no names
    std::string sex;
    Date born;
    bool born_approx = false;
    std::string pronouns;
    std::string first_language;
    std::optional<int> reading_age;
    std::string status;
    std::optional<Date> status_since;
    std::vector<NetworkPerson> workers;
    std::vector<Said> about_me;
    std::vector<NetworkPerson> network;
    std::vector<ChronologyEntry> chronology;  // as written; sorted when rendered
    std::optional<Plan> plan;
    std::string source_path;  // "children/c-0042/child.xml"
    Location where;
};

}  // namespace safesite
