// The CIN census as chronology entries.
#include "importers/entry_maker.h"

#include <algorithm>

namespace safesite {

namespace {

std::string ordinal(int n) {
    static const char* words[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
    return n >= 1 && n <= 10 ? words[n - 1] : std::to_string(n) + "th";
}

class CinEntries : public EntryMaker {
public:
    using EntryMaker::EntryMaker;

    void episode(const CinEpisode& e) {
        std::string source = words("cin-referral-source", e.referral_source, e.where);
        std::string need = words("cin-primary-need", e.primary_need, e.where);
        std::string referral = "Referral to children's social care from " + source + ". Main need: " + need + ".";
        if (e.referral_nfa == true) referral += " No further action was taken.";
        add("referral", e.referral, "referral", referral);
        for (const CinAssessment& a : e.assessments) {
            std::string factors;
            for (const std::string& f : a.factors) factors += (factors.empty() ? "" : "; ") + words("cin-assessment-factors", f, a.where);
            std::string text = "Assessment completed and authorised";
            if (a.start) text += " (started " + a.start->long_form() + ")";
            text += factors.empty() ? ". No factors were recorded." : ". Factors identified: " + factors + ".";
            if (a.start && !a.authorised) {
                // Its own key: once it is authorised, the next import adds the
                // completed assessment beside it (the findings read them as one).
                add("assessment-started", a.start, "assessment", "Assessment started on " + a.start->long_form() + ", not yet completed.");
            } else if (a.start) {
                add("assessment", a.authorised, "assessment", text);
            } else if (a.authorised) {
                add("assessment-authorised", a.authorised, "assessment", text);
            }
        }
        for (const CinSection47& s : e.section47s) {
            std::string text = "Section 47 enquiry started.";
            if (s.conference_not_required == true) text += " An initial child protection conference was not needed.";
            add("section-47", s.start, "section-47", text, {}, "high");
            add("conference", s.conference, "conference", "Initial child protection conference.");
        }
        bool conference_listed = std::any_of(e.section47s.begin(), e.section47s.end(), [&](const CinSection47& s) {
            return s.conference && e.initial_conference && *s.conference == *e.initial_conference;
        });
        if (!conference_listed) add("conference", e.initial_conference, "conference", "Initial child protection conference.");
        for (const CinPlanDates& p : e.plans) {
            add("cin-plan-start", p.start, "plan-start", "Child in need plan started.", "child-in-need");
            add("cin-plan-end", p.end, "plan-end", "Child in need plan ended.", "child-in-need");
        }
        for (const CinProtectionPlan& p : e.protection_plans) {
            std::string text = "Child protection plan started under the category of " + words("cin-category-of-abuse", p.initial_category, p.where) + ".";
            if (p.previous_plans && *p.previous_plans > 0) text += " This is the child's " + ordinal(*p.previous_plans + 1) + " child protection plan.";
            add("cp-plan-start", p.start, "plan-start", text, "child-protection", "high");
            if (p.end) {
                std::string latest = p.latest_category.empty() ? std::string() : words("cin-category-of-abuse", p.latest_category, p.where);
                add("cp-plan-end", p.end, "plan-end",
                    "Child protection plan ended" + (latest.empty() ? std::string(".") : " (latest category: " + latest + ")."), "child-protection");
            }
            for (const Date& r : p.reviews) add("cp-review", r, "review", "Child protection plan review.");
        }
        for (const CinPreProceedings& pp : e.pre_proceedings) {
            std::optional<Date> start;
            std::string extra;
            for (const auto& [field, value] : pp.fields) {
                if (field == "PPStartDate") start = parse_full_date(value);
                if (field == "FGDMMeetingOffer" && (value == "1" || value == "true")) extra += " A family group decision-making meeting was offered.";
                if (field == "FGDMMeetingFac" && (value == "1" || value == "true")) extra += " A family group decision-making meeting was held.";
            }
            add("pre-proceedings", start, "court", "Pre-proceedings started: the council wrote to the parents before going to court." + extra, {}, "high");
        }
        if (e.closure) {
            std::string reason = e.closure_reason.empty() ? std::string() : words("cin-reason-for-closure", e.closure_reason, e.where);
            add("closure", e.closure, "case-closed", "Children's social care closed the case" + (reason.empty() ? std::string(".") : ": " + reason + "."));
        }
    }

};

}  // namespace

std::optional<ImportedChild> cin_child(const CinChild& c, CodeLists& lists, Diagnostics& diags) {
    if (c.has_errors) return std::nullopt;
    ImportedChild child;
    child.source_id = c.la_child_id;
    child.where = c.where;
    child.born = c.born ? c.born : c.expected_birth;
    child.born_expected = !c.born && c.expected_birth;
    CinEntries entries(lists, diags, child);
    if (!c.sex.empty()) child.sex = entries.words(c.sex_field == "Sex" ? "cin-sex" : "cin-gender", c.sex, c.where);
    if (!child.born) {
        diags.error(c.where, "child '" + c.la_child_id + "' has no birth date (PersonBirthDate or ExpectedPersonBirthDate)",
                    "a child's record needs a birth date; add it to the case management system and export the census again");
        return std::nullopt;
    }
    for (const CinEpisode& e : c.episodes) entries.episode(e);
    if (entries.failed) return std::nullopt;
    return child;
}

std::vector<ImportedChild> cin_children(const CinCensus& census, CodeLists& lists, Diagnostics& diags) {
    std::vector<ImportedChild> out;
    for (const CinChild& c : census.children)
        if (auto child = cin_child(c, lists, diags)) out.push_back(std::move(*child));
    return out;
}

}  // namespace safesite
