#include "analysis/practice_checks.h"

#include "analysis/controlled_lists.h"
#include "analysis/readability.h"
#include "analysis/timeliness/case_events.h"
#include "analysis/timeliness/timeliness.h"
#include "support/concat.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <functional>
#include <set>

namespace safesite {

namespace {

class ChildChecks {
public:
    ChildChecks(const Child& c, const AbbreviationIndex& g, const PracticeThresholds& t, Date today)
        : c_(c), glossary_(g), t_(t), today_(today) {}
    Diagnostics run();

private:
    void finding(Location at, std::string code, std::string message, std::string hint) {
        at.path = c_.source_path;
        diags_.warning(at, std::move(message), std::move(hint), std::move(code));
    }
    void plan_checks();
    void chronology_checks();
    void pattern(const std::vector<const ChronologyEntry*>& entries, std::set<std::string> categories, int count,
                 std::function<Date(Date)> window_end, const std::string& window_words, const std::string& code, const std::string& what);
    void child_facing(const Said& text);
    void impact_checks(const std::vector<const ChronologyEntry*>& entries);
    bool case_closed(const std::vector<const ChronologyEntry*>& entries) const;
    // Who a finding is about: an import's stand-in name ("Child SYN000002
    // (name not recorded)") is not a name to repeat in every line.
    std::string who() const { return c_.name_placeholder ? std::string("the child") : c_.preferred; }

    const Child& c_;
    const AbbreviationIndex& glossary_;
    const PracticeThresholds& t_;
    Date today_;
    Diagnostics diags_;
    std::set<std::string> unexplained_;
};

std::string possessive(const std::string& name) { return name + (name.ends_with("s") ? "'" : "'s"); }

// "police, health or school or college": the last two joined by `last`.
std::string words_joined(const std::vector<std::string>& words, const std::string& last) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += i + 1 == words.size() ? " " + last + " " : ", ";
        out += words[i];
    }
    return out;
}

std::string imported_impact_words(int without, int imported, const std::string& who) {
    if (imported == 1) return "the entry imported from the returns does not yet say what it meant for " + who;
    if (without == imported) return "none of the " + std::to_string(imported) + " entries imported from the returns says yet what it meant for " + who;
    return std::to_string(without) + " of the " + std::to_string(imported) + " entries imported from the returns " +
           (without == 1 ? "does not yet say what it meant for " : "do not yet say what they meant for ") + who;
}

void ChildChecks::child_facing(const Said& text) {
    int target = reading_age_for(c_, today_, t_.reading_age_target);
    for (const SentenceLevel& s : sentences_above(text.text, target, glossary_.known_words()))
        finding(text.where, "reading-level-too-high",
                "\"" + s.sentence + "\" reads at about age " + std::to_string(static_cast<int>(std::floor(s.reading_age))) + ", above " +
                    possessive(who()) + " reading age of " + std::to_string(target),
                "use shorter sentences and everyday words; docs/site-pages.md explains the measure");
    for (const auto& [offset, word] : abbreviation_like_words(text.text)) {
        if (glossary_.lookup(word) || !unexplained_.insert(std::string(word)).second) continue;
        finding(text.where, "unexplained-abbreviation",
                concat("'", word, "' will not mean anything to ", who(), ": the glossary does not explain it"),
                "write it out in words, or add it to glossary.xml so the plan can explain it");
    }
}

void ChildChecks::plan_checks() {
    if (!c_.plan) return;
    const Plan& p = *c_.plan;
    if (!p.review)
        finding(p.where, "plan-without-review", "the plan has no review date", "add review=\"YYYY-MM-DD\": when everyone will look at the plan again");
    else if (*p.review < today_)
        finding(p.where, "review-overdue", "the plan's review date, " + p.review->long_form() + ", has passed",
                "hold the review, then record the next date");
    for (const Goal& g : p.goals) {
        if (!g.measure)
            finding(g.where, "goal-without-measure", "goal '" + g.id + "' does not say how progress will be measured",
                    "add <measure>: what will be different, and how everyone will know");
        for (const PlanAction& a : g.actions) {
            if (a.who.empty())
                finding(a.where, "action-without-owner", "action has no owner",
                        "add who=\"...\": the named person who will do it; an agency alone is not an owner");
            if (!a.by) finding(a.where, "action-without-date", "action has no date", "add by=\"YYYY-MM-DD\": when it will be done");
        }
    }
    if (p.child_says.empty() && c_.about_me.empty())
        finding(p.where, "child-voice-missing", "neither the plan nor 'about me' has " + possessive(who()) + " own words",
                "ask " + who() + ", and write what they say in <child-says> or <about-me><says>");
    for (const Said& s : p.worries) child_facing(s);
    for (const Said& s : p.working_well) child_facing(s);
    for (const Goal& g : p.goals) {
        child_facing(g.outcome);
        for (const PlanAction& a : g.actions) child_facing({a.text, a.where});
    }
    if (p.if_no_change) child_facing(*p.if_no_change);
}

void ChildChecks::pattern(const std::vector<const ChronologyEntry*>& entries, std::set<std::string> categories, int count,
                          std::function<Date(Date)> window_end, const std::string& window_words, const std::string& code,
                          const std::string& what) {
    std::vector<const ChronologyEntry*> hits;
    for (const auto* e : entries)
        if (categories.count(e->category)) hits.push_back(e);
    for (std::size_t i = 0; i + count <= hits.size();) {
        std::size_t j = i + static_cast<std::size_t>(count) - 1;
        if (window_end(hits[i]->date) < hits[j]->date) {
            ++i;
            continue;
        }
        // Take in every later one that still falls in the same window.
        while (j + 1 < hits.size() && !(window_end(hits[i]->date) < hits[j + 1]->date)) ++j;
        finding(hits[j]->where, code,
                std::to_string(j - i + 1) + " " + what + " within " + window_words + " (" + hits[i]->date.long_form() + " to " +
                    hits[j]->date.long_form() + "): a pattern worth a conversation",
                "look at these entries together, and at what they mean for " + who());
        i = j + 1;
    }
}

// A worker's entry is judged on its own. Entries an import wrote come from a
// return that holds what services did, never what it meant for the child,
// and only children's social care's: a record of 40 census entries gets one
// line of work for each, not 40.
void ChildChecks::impact_checks(const std::vector<const ChronologyEntry*>& entries) {
    std::set<std::string> agencies_seen;
    const ChronologyEntry* first_imported = nullptr;
    int imported = 0, imported_without_impact = 0;
    for (const auto* e : entries) {
        agencies_seen.insert(e->agency);
        if (!e->source.empty()) {
            ++imported;
            if (e->impact.empty() && !imported_without_impact++) first_imported = e;
        } else if (e->impact.empty()) {
            finding(e->where, "entry-without-impact", "the entry does not say what it meant for " + who(),
                    "add <impact>: what happened to the child, not only what services did");
        }
    }
    if (imported_without_impact)
        finding(first_imported->where, "impact-not-written", imported_impact_words(imported_without_impact, imported, who()),
                "add <impact> to each, starting with the turning points: the returns say what services did, not what it meant for the child");
    if (imported) {
        std::vector<std::string> missing;
        for (auto [agency, words] : {std::pair{"police", "the police"}, std::pair{"health", "health services"}, std::pair{"education", "school"}})
            if (!agencies_seen.count(agency)) missing.push_back(words);
        if (!missing.empty())
            finding(c_.where, "agencies-missing",
                    "nothing in the chronology comes from " + words_joined(missing, "or") + " yet: the returns hold only what children's social care recorded",
                    "ask " + words_joined(missing, "and") + " what they know about " + who() + ", and add it as entries of their own");
    } else if (agencies_seen.size() == 1) {
        finding(c_.where, "single-agency-chronology",
                "every entry comes from one agency (" + std::string(label_of(agencies(), *agencies_seen.begin())) + ")",
                "ask school, health, police and the family what they know, and add it");
    }
}

// Closed: the last referral was followed by a closure, or the child left care
// and was not referred again. A closed case has nothing new to record.
bool ChildChecks::case_closed(const std::vector<const ChronologyEntry*>& entries) const {
    const ChronologyEntry* referral = nullptr;
    const ChronologyEntry* closure = nullptr;
    for (const auto* e : entries) {
        if (e->category == "referral") referral = e;
        if (e->category == "case-closed") closure = e;
    }
    if (closure && (!referral || !(closure->date < referral->date))) return true;
    auto events = timeliness::case_events(entries, c_.status, c_.status_since);
    if (events.care.empty() || !events.care.back().end) return false;
    return !referral || !(*events.care.back().end < referral->date);
}

void ChildChecks::chronology_checks() {
    auto entries = chronology_in_order(c_);
    if (entries.empty()) {
        finding(c_.where, "chronology-starts-late", "the chronology is empty", "start it at birth, with what every agency knows");
        return;
    }
    const ChronologyEntry& first = *entries.front();
    if (c_.born.year && add_months(c_.born, t_.chronology_start_months) < first.date)
        finding(first.where, "chronology-starts-late",
                "the chronology starts " + first.date.when() + ", more than " + std::to_string(t_.chronology_start_months) +
                    " months after " + who() + " was born",
                "add what is known from birth: health visitors, nursery, school and family history");
    impact_checks(entries);
    const ChronologyEntry& last = *entries.back();
    if (add_months(last.date, t_.chronology_update_months) < today_ && !case_closed(entries))
        finding(last.where, "chronology-not-updated",
                "the last entry is from " + last.date.long_form() + ", more than " + std::to_string(t_.chronology_update_months) + " months ago",
                "add what has happened since");

    auto months = [](int n) { return [n](Date d) { return add_months(d, n); }; };
    pattern(entries, {"police-notification", "domestic-abuse-notification"}, t_.police_notifications, months(t_.police_notifications_months),
            std::to_string(t_.police_notifications_months) + " months", "pattern-police-notifications", "police notifications");
    int days = t_.missing_episodes_days;
    pattern(entries, {"missing-episode"}, t_.missing_episodes,
            [days](Date d) {
                // Days after a date, as a full date.
                using namespace std::chrono;
                year_month_day ymd{sys_days{std::chrono::days{d.days_since_epoch() + days}}};
                return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                            static_cast<int>(static_cast<unsigned>(ymd.day()))};
            },
            std::to_string(days) + " days", "pattern-missing-episodes", "missing episodes");
    pattern(entries, {"hospital-attendance"}, t_.hospital_attendances, months(t_.hospital_attendances_months),
            std::to_string(t_.hospital_attendances_months) + " months", "pattern-hospital-attendances", "hospital attendances");

    const ChronologyEntry* previous_referral = nullptr;
    const ChronologyEntry* first_cp_plan = nullptr;
    for (const auto* e : entries) {
        if (e->category == "referral") {
            if (previous_referral && !(add_months(previous_referral->date, t_.repeat_referral_months) < e->date))
                finding(e->where, "pattern-repeat-referral",
                        "a referral " + e->date.when() + ", within " + std::to_string(t_.repeat_referral_months) + " months of the one " +
                            previous_referral->date.when(),
                        "ask what the first referral's help did not change");
            previous_referral = e;
        }
        if (e->category == "plan-start" && e->plan_kind == "child-protection") {
            if (first_cp_plan)
                finding(e->where, "pattern-repeat-plan",
                        (c_.name_placeholder ? std::string("The child") : c_.preferred) + " is on a second child protection plan; the first began " + first_cp_plan->date.when(),
                        "look at what changed after the first plan ended, and what did not");
            else first_cp_plan = e;
        }
    }
}

Diagnostics ChildChecks::run() {
    if (c_.name_placeholder)
        finding(c_.where, "name-not-recorded",
                "the child's name is not recorded: the record was imported from a statutory return, which holds no names" +
                    std::string(c_.plan ? ", so the plan written to the child is not made until it is" : ""),
                "write the child's name in <name> and remove placeholder=\"true\"");
    if (!c_.plan)
        finding(c_.where, "plan-not-written",
                "there is no plan for " + who() + " yet, so My plan, the plan written to the child, is not made",
                "write <plan> with " + who() + " and the people around them: what is going well, the worries, the goals and who will help");
    plan_checks();
    chronology_checks();
    add_timeliness_findings(c_, today_, diags_);
    return std::move(diags_);
}

}  // namespace

int age_on(Date born, Date on) {
    int age = on.year - born.year;
    if (on.month < born.month || (on.month == born.month && on.day < born.day)) --age;
    return std::max(0, age);
}

int reading_age_for(const Child& child, Date today, int site_target) {
    if (child.reading_age) return *child.reading_age;
    int age = age_on(child.born, today);
    return age < 7 ? site_target : std::min(age, 18);
}

std::vector<const ChronologyEntry*> chronology_in_order(const Child& child) {
    std::vector<const ChronologyEntry*> out;
    for (const auto& e : child.chronology) out.push_back(&e);
    std::stable_sort(out.begin(), out.end(), [](const ChronologyEntry* a, const ChronologyEntry* b) { return a->date < b->date; });
    return out;
}

Diagnostics check_child(const Child& child, const AbbreviationIndex& glossary, const PracticeThresholds& thresholds, Date today) {
    return ChildChecks(child, glossary, thresholds, today).run();
}

}  // namespace safesite
