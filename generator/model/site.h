// The partnership's site facts, from content/site.xml.
#pragma once

#include "support/date.h"
#include "support/diagnostics.h"

#include <string>
#include <vector>

namespace safesite {

struct Contact {
    std::string email;
    std::string phone;
};

struct NavigationLink {
    std::string href;  // a site path such as "about" or "glossary"
    std::string label;
    Location where;
};

// What regulation 7 of the Public Sector Bodies Accessibility Regulations
// 2018 asks a statement to say.
struct AccessibilityProblem {
    std::string reason;  // non-compliance, disproportionate-burden, out-of-scope
    std::string text;
    std::optional<Date> fix_by;
};

struct AccessibilityFacts {
    Date reviewed;
    std::optional<Date> prepared;
    std::string compliance;  // full, partial, none
    Contact contact;
    int reply_within_days = 0;
    std::vector<AccessibilityProblem> problems;
    std::string tested;
    Location where;
};

// When a chronology pattern is worth a conversation (site.xml's
// <practice-thresholds>); these are the defaults.
struct PracticeThresholds {
    int police_notifications = 3;
    int police_notifications_months = 12;
    int missing_episodes = 3;
    int missing_episodes_days = 90;
    int hospital_attendances = 3;
    int hospital_attendances_months = 12;
    int repeat_referral_months = 12;
    int chronology_start_months = 12;
    int chronology_update_months = 3;
    int reading_age_target = 11;  // site.xml's <readability target-age>
};

struct Site {
    std::string lang;
    std::string name;
    std::string short_name;
    std::string authority;
    std::string authority_code;
    std::string base_url;  // ends with '/'
    std::string description;
    Contact contact;
    std::vector<NavigationLink> navigation;
    bool exit_this_page = false;  // the site-wide default
    std::string exit_url = "https://www.bbc.co.uk/weather";
    AccessibilityFacts accessibility;
    PracticeThresholds thresholds;
};

}  // namespace safesite
