// SSDA903 as chronology entries.
#include "importers/entry_maker.h"
#include "support/concat.h"

#include <algorithm>

namespace safesite {

namespace {

class LookedAfterEntries : public EntryMaker {
public:
    using EntryMaker::EntryMaker;

    void episodes(std::vector<LookedAfterEpisode> rows) {
        std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const LookedAfterEpisode& e = rows[i];
            std::string reason = words("903-reason-new-episode", e.reason_new, e.where);
            std::string legal = words("903-legal-status", e.legal_status, e.where);
            std::string place = words("903-placement", e.placement, e.where);
            if (!e.category_of_need.empty()) words("903-category-of-need", e.category_of_need, e.where);
            bool placement_changed = e.reason_new != "L";
            bool status_changed = e.reason_new == "S" || e.reason_new == "L" || e.reason_new == "B" || e.reason_new == "U";
            if (e.reason_new == "S") {
                add("placement-start", e.start, "placement-start",
                    "Started to be looked after: " + legal + ". Placement: " + place + ".", {}, "high");
            } else {
                if (placement_changed) add("placement-start", e.start, "placement-start", "Placement: " + place + " (" + reason + ").");
                if (status_changed) {
                    bool court = lists_.flag("903-legal-status", e.legal_status, "court") == "yes";
                    add("legal-status", e.start, court ? "court" : "other", "Legal status changed: " + legal + ".");
                }
            }
            if (!e.end) continue;
            if (e.reason_end != "X1" && !e.reason_end.empty()) {
                add("placement-end", e.end, "placement-end",
                    "Stopped being looked after: " + words("903-reason-episode-ceased", e.reason_end, e.where) + ".", {}, "high");
            } else {
                if (e.reason_end.empty()) words("903-reason-episode-ceased", e.reason_end, e.where);
                bool next_moves = i + 1 < rows.size() && rows[i + 1].reason_new != "L";
                if (next_moves) {
                    std::string why = e.reason_place_change.empty() ? std::string()
                                                                   : ": " + words("903-reason-place-change", e.reason_place_change, e.where);
                    add("placement-end", e.end, "placement-end", "Placement ended (" + place + ")" + why + ".");
                }
            }
        }
    }

    void missing(const MissingPeriod& m) {
        std::string kind = words("903-missing", m.kind, m.where);
        std::string text = kind == "missing" ? "Missing from placement" : "Away from placement without permission";
        if (m.end && m.start) {
            long days = m.end->days_since_epoch() - m.start->days_since_epoch();
            text += days <= 0 ? ", back the same day." : " until " + m.end->long_form() + " (" + std::to_string(days) + (days == 1 ? " day)." : " days).");
        } else {
            text += ".";
        }
        add("missing", m.start, "missing-episode", text);
    }

    void review(const LookedAfterReview& r) {
        std::string how = r.participation.empty() ? std::string() : concat(" ", capitalised(words("903-review-participation", r.participation, r.where)), ".");
        add("review", r.date, "review", "Looked-after review." + how);
    }

    void care_leaver(const CareLeaverCheck& c, const std::optional<Date>& born, const std::string& year) {
        if (!born || year.size() != 7) return;
        // The check is on the birthday that falls in the collection year.
        int start = std::stoi(year.substr(0, 4));
        Date birthday{born->month >= 4 ? start : start + 1, born->month, born->month == 2 && born->day == 29 ? 28 : born->day};
        int age = birthday.year - born->year;
        std::string text = "Care leaver on their " + std::to_string(age) + ordinal_suffix(age) + " birthday: " + words("903-in-touch", c.in_touch, c.where);
        if (!c.activity.empty()) text += "; " + words("903-activity", c.activity, c.where);
        if (!c.accommodation.empty()) text += "; " + words("903-accommodation", c.accommodation, c.where);
        add("care-leaver", birthday, "other", text + ".");
    }

private:
    static std::string capitalised(std::string s) {
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    }
    static std::string ordinal_suffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) return "th";
        return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    }

};

}  // namespace

std::string looked_after_year(const LookedAfterReturn& ret) {
    std::optional<Date> latest;
    auto see = [&](const std::optional<Date>& d) {
        if (d && (!latest || *d > *latest)) latest = d;
    };
    // Episode starts only: an end date or a review may be mistyped years
    // ahead, but nothing starts after the return was made.
    for (const auto& c : ret.children)
        for (const auto& e : c.episodes) see(e.start);
    return latest ? collection_year_of(latest->year, latest->month) : std::string();
}

std::optional<ImportedChild> looked_after_child(const LookedAfterChild& c, CodeLists& lists, Diagnostics& diags) {
    if (c.has_errors) return std::nullopt;
    ImportedChild child;
    child.source_id = c.child_id;
    child.where = c.where;
    child.born = c.born;
    LookedAfterEntries entries(lists, diags, child);
    if (!c.sex.empty()) child.sex = entries.words("903-sex", c.sex, c.where);
    if (!child.born) {
        diags.error(c.where, "child '" + c.child_id + "' has no birth date (DOB)",
                    "a child's record needs a birth date; add it to the case management system and export the return again");
        return std::nullopt;
    }
    entries.episodes(c.episodes);
    for (const auto& m : c.missing) entries.missing(m);
    for (const auto& r : c.reviews) entries.review(r);
    for (const auto& cl : c.care_leaver) entries.care_leaver(cl, c.born, lists.year());
    if (entries.failed) return std::nullopt;
    return child;
}

std::vector<ImportedChild> looked_after_children(const LookedAfterReturn& ret, CodeLists& lists, Diagnostics& diags) {
    std::vector<ImportedChild> out;
    for (const LookedAfterChild& c : ret.children)
        if (auto child = looked_after_child(c, lists, diags)) out.push_back(std::move(*child));
    return out;
}

}  // namespace safesite
