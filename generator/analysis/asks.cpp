#include "analysis/asks.h"

#include "analysis/timeliness/calendar.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace safesite {

namespace {

// Ofsted asks for a written action plan on areas for priority action within
// 70 working days of the letter's publication.
constexpr int kPriorityWorkingDays = 70;

// site.xml must give its code; when it could not be read, an inspection
// with a code cannot be known to be of this area, so it is left out rather
// than asked of the report.
bool of_this_area(const Content& content, const Inspection& i) {
    return i.authority_code.empty() || i.authority_code == content.site.authority_code;
}

std::string ref_of(const Inspection& i, const Recommendation& r) { return i.id + "/" + r.id; }

struct Found {
    const Inspection* inspection = nullptr;
    const Recommendation* recommendation = nullptr;
};

std::map<std::string, Found> by_ref(const Content& content) {
    std::map<std::string, Found> out;
    for (const Inspection& i : content.inspections)
        for (const Recommendation& r : i.recommendations) out.emplace(ref_of(i, r), Found{&i, &r});
    return out;
}

// What `ref` was carried from, nearest first; a loop (an error of its own)
// stops the walk.
std::vector<std::string> earlier_of(const std::map<std::string, Found>& refs, const std::string& ref) {
    std::vector<std::string> out;
    for (std::string at = ref;;) {
        auto it = refs.find(at);
        if (it == refs.end() || it->second.recommendation->carried_from.empty()) break;
        at = it->second.recommendation->carried_from;
        if (at == ref || std::find(out.begin(), out.end(), at) != out.end()) break;
        out.push_back(at);
    }
    return out;
}

bool names(const AskResponse& response, const std::string& ref, const std::vector<std::string>& earlier) {
    return response.to == ref || std::find(earlier.begin(), earlier.end(), response.to) != earlier.end();
}

}  // namespace

std::optional<Date> published_on(const Inspection& i) {
    if (i.published) return i.published;
    if (i.visited && i.visit_end.year > 0) return i.visit_end;
    return std::nullopt;
}

std::optional<Date> ask_due(const Inspection& i, const Recommendation& r) {
    if (!i.published) return std::nullopt;
    const Date& from = *i.published;
    if (r.timescale == "immediate") return from;
    if (r.timescale == "three-months") return add_months(from, 3);
    if (r.timescale == "six-months") return add_months(from, 6);
    if (r.timescale == "priority") return timeliness::add_working_days(from, kPriorityWorkingDays);
    return std::nullopt;
}

std::vector<Ask> asks_of(const Content& content, const Report& report) {
    const Date end = period_end(report.period);
    auto in_time = [&](const Inspection& i) {
        auto when = published_on(i);
        return of_this_area(content, i) && when && *when <= end;
    };
    auto refs = by_ref(content);
    // Marked met, by itself or by a later recommendation carried from it;
    // or carried forward into one that is also asked of this report.
    std::map<std::string, bool> met, carried_on;
    for (const Inspection& i : content.inspections)
        for (const Recommendation& r : i.recommendations) {
            if (r.status == "met") met[ref_of(i, r)] = true;
            if (r.carried_from.empty()) continue;
            if (r.status == "met") met[r.carried_from] = true;
            if (in_time(i)) carried_on[r.carried_from] = true;
        }
    std::vector<Ask> out;
    for (const Inspection& i : content.inspections) {
        if (!in_time(i)) continue;
        for (const Recommendation& r : i.recommendations) {
            std::string ref = ref_of(i, r);
            if (met.count(ref) || carried_on.count(ref)) continue;
            Ask a{&i, &r, ref, earlier_of(refs, ref), ask_due(i, r), nullptr, nullptr, true};
            for (const AskResponse& x : report.responses)
                if (names(x, a.ref, a.earlier_refs)) a.response = &x;
            for (const Report& earlier : content.reports) {
                if (earlier.period > report.period) break;
                for (const AskResponse& x : earlier.responses)
                    if (!a.done_in && x.status == "done" && names(x, a.ref, a.earlier_refs)) a.done_in = &earlier;
            }
            // Done by an earlier report's account: closed, as if found met.
            if (a.done_in && a.done_in != &report) continue;
            out.push_back(std::move(a));
        }
    }
    // A response to an ask the report need not answer (found met, of another
    // area, published after the year) is still shown, with what it answers.
    for (const AskResponse& x : report.responses) {
        bool shown = false;
        for (const Ask& a : out) shown = shown || answers(x, a);
        auto it = refs.find(x.to);
        if (shown || it == refs.end()) continue;  // a to= naming nothing is an error of its own
        const auto& [i, r] = it->second;
        out.push_back(Ask{i, r, x.to, earlier_of(refs, x.to), ask_due(*i, *r), &x, nullptr, false});
    }
    auto when = [](const Ask& a) { return published_on(*a.inspection).value_or(Date{}); };
    std::stable_sort(out.begin(), out.end(), [&](const Ask& a, const Ask& b) { return when(a) < when(b); });
    return out;
}

bool answers(const AskResponse& response, const Ask& ask) { return names(response, ask.ref, ask.earlier_refs); }

LatestResponse latest_response(const Content& content, const std::string& ref) {
    auto earlier = earlier_of(by_ref(content), ref);
    LatestResponse out;
    for (const Report& r : content.reports)  // oldest first, so the last found is the latest
        for (const AskResponse& x : r.responses)
            if (names(x, ref, earlier)) out = {&x, &r};
    return out;
}

const ResponseStatus& response_status(std::string_view id) {
    static const ResponseStatus statuses[] = {
        {"done", "Done", "We have done this", "\xE2\x9C\x93"},  // ✓
        {"on-track", "On track", "We are doing this, and it is going as planned", "\xE2\x86\x92"},  // →
        {"behind", "Behind", "We are doing this, but more slowly than we planned", "!"},
        {"not-started", "Not started", "We have not started this yet", "\xE2\x97\x8B"},  // ○
        {"not-answered", "Not answered", "We have not said yet what we did about this", "?"},
    };
    for (const ResponseStatus& s : statuses)
        if (s.id == id) return s;
    return statuses[std::size(statuses) - 1];
}

bool overdue(const Ask& a, Date end) { return a.due && *a.due < end && !a.done_in; }

}  // namespace safesite
