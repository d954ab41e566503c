#include "analysis/controlled_lists.h"

namespace safesite {

const std::vector<NamedValue>& agencies() {
    static const std::vector<NamedValue> list = {
        {"childrens-social-care", "Children's social care"},
        {"early-help", "Early help"},
        {"police", "Police"},
        {"health", "Health"},
        {"education", "School or college"},
        {"probation", "Probation"},
        {"youth-justice", "Youth justice"},
        {"housing", "Housing"},
        {"adult-mental-health", "Adult mental health"},
        {"substance-misuse", "Drug and alcohol service"},
        {"advocacy", "Advocacy"},
        {"voluntary-sector", "Voluntary sector"},
        {"family", "Family"},
        {"other", "Other"},
    };
    return list;
}

const std::vector<NamedValue>& chronology_categories() {
    static const std::vector<NamedValue> list = {
        {"birth", "Birth"},
        {"referral", "Referral"},
        {"assessment", "Assessment"},
        {"strategy-discussion", "Strategy discussion"},
        {"section-47", "Section 47 enquiry"},
        {"conference", "Child protection conference"},
        {"plan-start", "Plan started"},
        {"plan-end", "Plan ended"},
        {"review", "Review"},
        {"domestic-abuse-notification", "Domestic abuse notification"},
        {"police-notification", "Police notification"},
        {"hospital-attendance", "Hospital attendance"},
        {"missing-episode", "Missing episode"},
        {"return-home-interview", "Return home interview"},
        {"school-exclusion", "School exclusion"},
        {"school-move", "School move"},
        {"house-move", "House move"},
        {"placement-start", "Placement started"},
        {"placement-end", "Placement ended"},
        {"family-change", "Change in the family"},
        {"health", "Health"},
        {"education", "Education"},
        {"achievement", "Achievement"},
        {"court", "Court"},
        {"case-closed", "Case closed"},
        {"other", "Other"},
    };
    return list;
}

const std::vector<NamedValue>& significances() {
    static const std::vector<NamedValue> list = {{"high", "High"}, {"medium", "Medium"}, {"low", "Low"}};
    return list;
}

const std::vector<NamedValue>& child_statuses() {
    static const std::vector<NamedValue> list = {
        {"early-help", "Early help"},
        {"child-in-need", "Child in need"},
        {"child-protection-plan", "Child protection plan"},
        {"looked-after", "Looked after"},
        {"care-leaver", "Care leaver"},
    };
    return list;
}

const std::vector<NamedValue>& plan_kinds() {
    static const std::vector<NamedValue> list = {
        {"early-help", "Early help plan"},
        {"child-in-need", "Child in need plan"},
        {"child-protection", "Child protection plan"},
        {"care", "Care plan"},
        {"pathway", "Pathway plan"},
    };
    return list;
}

}  // namespace safesite
