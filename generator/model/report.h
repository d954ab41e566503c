// The partnership's arrangements and its yearly reports.
#pragma once

#include "model/local_offer.h"  // MarkdownText
#include "support/date.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct Partner {
    std::string role;  // lead, delegated
    std::string organisation;
    std::string sector;
    std::string representative;
};

struct Group {
    std::string id, name, purpose, meets, reports_to;
    std::vector<std::string> members;
    Location where;
};

struct EscalationStep {
    int from_day = 1, to_day = 1;
    std::string who, text;
};

struct Partnership {
    std::optional<Date> since;
    std::string summary;
    std::vector<Partner> partners;
    std::vector<std::string> relevant_agencies;
    std::vector<Group> groups;
    std::vector<EscalationStep> escalation;
    std::string scrutiny_by, scrutiny;
    std::string funding;
    std::string source_path;
};

struct ReportSection {
    std::string id;
    MarkdownText text;
    std::string title;  // the Markdown's first heading
};

struct Priority {
    std::string id, status, title;
    std::vector<std::string> evidence;
};

struct FigureValue {
    std::string period;
    double value = 0;
    std::string text;  // as written
};

struct Comparator {
    std::string name, period, text;
    double value = 0;
    int per = 0;  // per 10,000 children, say; 0 when a count
};

struct Figure {
    std::string id, better, label;
    // "count", "percent" (shown as 19%, changes in percentage points) or
    // "rate" (per 10,000 children).
    std::string unit = "count";
    std::vector<FigureValue> values;  // oldest first
    std::vector<Comparator> comparators;
};

struct Review {
    std::string kind;
    int count = 0;
    std::vector<std::string> learning, changes;
};

struct Audit {
    std::string theme;
    int cases = -1;
    std::vector<std::string> findings;
};

struct Training {
    std::string course;
    int sessions = -1, attended = -1;
};

struct Contribution {
    std::string partner;
    double amount = 0;
    Location where;
};

// What the partnership did about one recommendation or priority action of
// an inspection or review (an "ask").
struct AskResponse {
    std::string to;      // "<inspection id>/<recommendation id>"
    std::string status;  // done, on-track, behind, not-started
    MarkdownText text;
    Location where;      // the <response>, in the report
    Location to_where;   // its to="..."
};

struct Report {
    std::string period;  // "2023-24": 1 April 2023 to 31 March 2024
    std::optional<Date> published;
    std::string title;
    std::vector<ReportSection> sections;
    std::vector<Priority> priorities;
    std::vector<Figure> figures;
    std::vector<Review> reviews;
    std::vector<Audit> audits;
    std::vector<Training> training;
    std::vector<Contribution> funding;
    std::vector<AskResponse> responses;
    std::string scrutiny_by;
    std::optional<MarkdownText> scrutiny, voice, children_summary;
    std::string source_path;
    Location where;

    int start_year() const { return std::stoi(period.substr(0, 4)); }
};

// "2023-24" is the year ending 31 March 2024.
Date period_end(const std::string& period);
std::string period_words(const std::string& period);  // "2023 to 2024"

}  // namespace safesite
