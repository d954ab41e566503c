#include "analysis/timeliness/case_events.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace safesite::timeliness {

namespace {

bool says(const ChronologyEntry& e, std::string_view words) { return e.event.find(words) != std::string::npos; }

std::optional<Date> long_date(std::string_view text) {
    static constexpr std::array<std::string_view, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                                "July",    "August",   "September", "October", "November", "December"};
    std::size_t i = 0;
    int day = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i < 2) day = day * 10 + (text[i++] - '0');
    if (day == 0 || i >= text.size() || text[i] != ' ') return std::nullopt;
    ++i;
    for (std::size_t m = 0; m < months.size(); ++m) {
        if (text.substr(i, months[m].size()) != months[m]) continue;
        std::size_t y = i + months[m].size();
        if (y + 5 > text.size() || text[y] != ' ') return std::nullopt;
        std::string iso = std::string(text.substr(y + 1, 4)) + "-" + (m < 9 ? "0" : "") + std::to_string(m + 1) + "-" + (day < 10 ? "0" : "") +
                          std::to_string(day);
        return parse_full_date(iso);
    }
    return std::nullopt;
}

enum class ReviewOf { protection, care, either };

ReviewOf review_of(const ChronologyEntry& e) {
    if (e.key.starts_with("cp-review") || e.plan_kind == "child-protection") return ReviewOf::protection;
    if ((e.source == "ssda903" && e.key.starts_with("review")) || e.plan_kind == "care") return ReviewOf::care;
    return ReviewOf::either;
}

template <class Span>
Span* open_on(std::vector<Span>& spans, Date d) {
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        if (it->start <= d && (!it->end || d <= *it->end)) return &*it;
    return nullptr;
}

// A placement that ends the day another starts, or the day before, is a move.
bool placement_starts_by(const std::vector<const ChronologyEntry*>& entries, Date end) {
    long day = end.days_since_epoch();
    return std::any_of(entries.begin(), entries.end(), [&](const ChronologyEntry* e) {
        long start = e->date.days_since_epoch();
        return e->category == "placement-start" && (start == day || start == day + 1);
    });
}

}  // namespace

std::optional<Date> start_in_words(const std::string& event) {
    for (std::size_t at = event.find("started "); at != std::string::npos; at = event.find("started ", at + 1)) {
        std::string_view rest = std::string_view(event).substr(at + 8);
        if (rest.starts_with("on ")) rest.remove_prefix(3);
        if (auto d = long_date(rest)) return d;
        if (rest.size() >= 10)
            if (auto d = parse_full_date(rest.substr(0, 10))) return d;
    }
    return std::nullopt;
}

std::optional<Date> reviews_known_from(const std::vector<const ChronologyEntry*>& reviews) {
    for (const ChronologyEntry* r : reviews)
        if (!r->source.empty()) return Date{r->date.month >= 4 ? r->date.year : r->date.year - 1, 4, 1};
    return std::nullopt;
}

CaseEvents case_events(const std::vector<const ChronologyEntry*>& all, const std::string& status, const std::optional<Date>& status_since) {
    std::vector<const ChronologyEntry*> entries;
    for (const ChronologyEntry* e : all)
        if (e->date.is_full()) entries.push_back(e);
    CaseEvents out;
    std::vector<const ChronologyEntry*> enquiries, reviews;
    for (const ChronologyEntry* e : entries) {
        const std::string& c = e->category;
        if (c == "assessment") {
            if (says(*e, "not yet completed")) out.assessments.push_back({e->date, std::nullopt, e});
            else out.assessments.push_back({start_in_words(e->event), e->date, e});
        } else if (c == "section-47" && !says(*e, "was not needed")) {
            enquiries.push_back(e);
        } else if (c == "conference") {
            out.conferences.push_back({e->date, std::nullopt, e});
        } else if (c == "plan-start" && e->plan_kind == "child-protection") {
            // A child is on one plan at a time: a new one ends any the record left open.
            for (ProtectionPlan& p : out.protection_plans)
                if (!p.end) p.end = e->date;
            out.protection_plans.push_back({e->date, std::nullopt, {}, e});
        } else if (c == "plan-end" && e->plan_kind == "child-protection") {
            for (auto it = out.protection_plans.rbegin(); it != out.protection_plans.rend(); ++it)
                if (!it->end) {
                    it->end = e->date;
                    it->end_entry = e;
                    break;
                }
        } else if (c == "placement-start") {
            out.placements.push_back(e);
            if (out.care.empty() || out.care.back().end) out.care.push_back({e->date, std::nullopt, {}, e});
        } else if (c == "placement-end") {
            // Leaving one placement for another is a move; a placement that
            // ends with no other starting by the next day ends the period of care.
            if (!out.care.empty() && !out.care.back().end && !placement_starts_by(entries, e->date)) out.care.back().end = e->date;
        } else if (c == "review") {
            reviews.push_back(e);
        }
    }
    // A plan or a period of care the record leaves open ended, at the latest,
    // when the child's status moved on to something else.
    if (status_since && status_since->is_full()) {
        for (ProtectionPlan& p : out.protection_plans)
            if (!p.end && status != "child-protection-plan" && p.start < *status_since) p.end = *status_since;
        for (CarePeriod& c : out.care)
            if (!c.end && status != "looked-after" && c.start < *status_since) c.end = *status_since;
    }
    // An assessment imported while open and again once authorised is one assessment.
    std::erase_if(out.assessments, [&](const Assessment& a) {
        return !a.authorised && std::any_of(out.assessments.begin(), out.assessments.end(), [&](const Assessment& b) {
                   return b.authorised && b.start && *b.start == *a.start;
               });
    });
    // Each conference follows the latest enquiry before it, since the conference before.
    std::optional<Date> previous;
    for (Conference& conf : out.conferences) {
        for (auto it = enquiries.rbegin(); it != enquiries.rend(); ++it)
            if ((*it)->date <= conf.held && (!previous || (*it)->date > *previous)) {
                conf.enquiry_start = (*it)->date;
                break;
            }
        previous = conf.held;
    }
    for (const ChronologyEntry* r : reviews) {
        ReviewOf of = review_of(*r);
        ProtectionPlan* plan = of == ReviewOf::care ? nullptr : open_on(out.protection_plans, r->date);
        if (plan) {
            plan->reviews.push_back(r);
            continue;
        }
        CarePeriod* period = of == ReviewOf::protection ? nullptr : open_on(out.care, r->date);
        if (period) period->reviews.push_back(r);
    }
    return out;
}

}  // namespace safesite::timeliness
