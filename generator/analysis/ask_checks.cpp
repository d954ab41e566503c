#include "analysis/ask_checks.h"

#include "analysis/asks.h"
#include "analysis/inspection_areas.h"
#include "support/text.h"

#include <cctype>
#include <set>

namespace safesite {

namespace {

const char* kStatuses = "done, on-track, behind or not-started";

std::string source_words(const Ask& a) {
    std::string out = a.inspection->id + " (" + a.inspection->title;
    if (auto when = published_on(*a.inspection)) out += ", published " + when->long_form();
    return out + ")";
}

// "As a priority" gives "as a priority", to sit inside a sentence.
std::string lower_first(std::string_view label) {
    std::string out(label);
    if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string upper_first(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// "r1, r2 and r3"
std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
    return out;
}

void check_targets(const Content& content, const Report& report, Diagnostics& diags) {
    std::vector<std::string> inspection_ids;
    for (const Inspection& i : content.inspections) inspection_ids.push_back(i.id);
    std::set<std::string> answered;
    for (const AskResponse& x : report.responses) {
        Location at = x.to_where;
        at.path = report.source_path;
        // Two answers to one ask would disagree on the page; only one can be shown.
        if (!answered.insert(x.to).second)
            diags.warning(at, "the " + report.period + " report answers " + x.to + " twice; only this last response is shown",
                          "keep one <response to=\"" + x.to + "\">, saying everything that was done", "ask-answered-twice");
        std::size_t slash = x.to.find('/');
        std::string id = x.to.substr(0, slash), rec = slash == std::string::npos ? std::string() : x.to.substr(slash + 1);
        const Inspection* found = nullptr;
        for (const Inspection& i : content.inspections)
            if (i.id == id) found = &i;
        if (!found) {
            std::string nearest = nearest_name(id, inspection_ids);
            diags.error(at, "to=\"" + x.to + "\" names no inspection or review: there is no '" + id + "' in content/inspections/",
                        nearest.empty() ? "write the id of an inspection or review, as its file in content/inspections/ is named"
                                        : "did you mean " + nearest + "/" + rec + "?");
            continue;
        }
        std::vector<std::string> rec_ids;
        bool has = false;
        for (const Recommendation& r : found->recommendations) {
            rec_ids.push_back(r.id);
            has = has || r.id == rec;
        }
        if (has) continue;
        std::string nearest = nearest_name(rec, rec_ids);
        // Ids like r1, r2, r3 are all near each other: the list says more than a guess.
        std::string list = rec_ids.empty() ? id + " has no recommendations" : "its recommendations are " + join_words(rec_ids);
        std::string hint = nearest.empty() ? list : "did you mean " + id + "/" + nearest + "? " + (rec_ids.size() <= 12 ? upper_first(list) : "");
        while (hint.ends_with(' ')) hint.pop_back();
        diags.error(at, "to=\"" + x.to + "\" names no recommendation: " + id + " has no recommendation '" + rec + "'", hint);
    }
}

}  // namespace

void check_asks(const Content& content, Diagnostics& diags) {
    for (const Report& r : content.reports) check_targets(content, r, diags);
    if (content.reports.empty()) return;
    const Report& latest = content.reports.back();
    Location at = latest.where;
    at.path = latest.source_path;
    const Date end = period_end(latest.period);
    for (const Ask& a : asks_of(content, latest)) {
        if (!a.expected) continue;
        const Recommendation& rec = *a.recommendation;
        if (!a.response)
            diags.warning(at,
                          "the " + latest.period + " report does not answer " + rec.id + " of " + source_words(a) + ", which asked: \"" + rec.text + "\"",
                          "add <response to=\"" + a.ref + "\" status=\"...\">what was done, and what changed for children</response>, with status " +
                              kStatuses + "; or, if a later inspection found it met, record that there",
                          "ask-not-answered");
        if (overdue(a, end))
            diags.warning(at,
                          "the " + latest.period + " report does not say that " + rec.id + " of " + a.inspection->id + ", asked " +
                              lower_first(label_of(recommendation_timescales(), rec.timescale)) + " and due by " + a.due->long_form() +
                              ", was done: \"" + rec.text + "\"",
                          a.response ? "its response says " + a.response->status + "; say what is still to do and when it will be done, or "
                                                                                  "status=\"done\" once it is"
                                     : "answer it with <response to=\"" + a.ref + "\" status=\"...\">, saying what is still to do and when it will be done",
                          "priority-ask-overdue");
    }
}

}  // namespace safesite
