#include "analysis/offer_topics.h"

namespace safesite {

const std::vector<NamedValue>& offer_topics() {
    static const std::vector<NamedValue> list = {
        {"money", "Money"},
        {"housing", "A place to live"},
        {"health", "Health and wellbeing"},
        {"education", "Education and training"},
        {"work", "Work"},
        {"relationships", "Family, friends and relationships"},
        {"rights", "Your rights and how to complain"},
        {"participation", "Having your say"},
        {"support", "Support from your personal adviser"},
    };
    return list;
}

const std::vector<NamedValue>& statutory_areas() {
    static const std::vector<NamedValue> list = {
        {"health-and-wellbeing", "health and wellbeing"},
        {"relationships", "relationships"},
        {"education-and-training", "education and training"},
        {"employment", "employment"},
        {"accommodation", "accommodation"},
        {"participation-in-society", "participation in society"},
    };
    return list;
}

std::string_view area_for_topic(std::string_view topic) {
    if (topic == "health") return "health-and-wellbeing";
    if (topic == "relationships") return "relationships";
    if (topic == "education") return "education-and-training";
    if (topic == "work") return "employment";
    if (topic == "housing") return "accommodation";
    if (topic == "participation") return "participation-in-society";
    return {};
}

const std::vector<AgeBand>& age_bands() {
    static const std::vector<AgeBand> bands = {{"16-to-17", "16 to 17", 16, 17}, {"18-to-20", "18 to 20", 18, 20}, {"21-to-25", "21 to 25", 21, 25}};
    return bands;
}

}  // namespace safesite
