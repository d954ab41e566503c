// What the timeliness rules read from a child's chronology: the assessments,
// enquiries, conferences, plans, periods of care and reviews, paired up from
// the entries' categories and dates. Entries an import wrote and entries a
// worker wrote are read alike: only the category, the date and, for an
// assessment, the words "started <date>" or "not yet completed" matter
// (docs/timeliness.md gives each reading).
#pragma once

#include "model/child.h"

#include <optional>
#include <vector>

namespace safesite::timeliness {

struct Assessment {
    std::optional<Date> start;       // none when the entry does not say
    std::optional<Date> authorised;  // none while it is still open
    const ChronologyEntry* entry;
};

struct Conference {
    Date held;
    std::optional<Date> enquiry_start;  // the section 47 enquiry it followed
    const ChronologyEntry* entry;
};

struct ProtectionPlan {
    Date start;
    std::optional<Date> end;
    std::vector<const ChronologyEntry*> reviews;  // in date order
    const ChronologyEntry* entry;
    const ChronologyEntry* end_entry = nullptr;
};

struct CarePeriod {
    Date start;
    std::optional<Date> end;  // the day the child stopped being looked after
    std::vector<const ChronologyEntry*> reviews;  // in date order
    const ChronologyEntry* entry;
};

struct CaseEvents {
    std::vector<Assessment> assessments;
    std::vector<Conference> conferences;
    std::vector<ProtectionPlan> protection_plans;  // in start order
    std::vector<CarePeriod> care;                  // in start order
    std::vector<const ChronologyEntry*> placements;  // placement-start entries, in date order
};

// The first day of the data a plan's or a period's reviews come from. A
// return lists only the reviews held in its own year (1 April to 31 March),
// so when any review was imported, reviews before 1 April of the earliest
// one's year are not in the record and a gap that starts before then is
// not judged. Hand-written reviews only: every review counts (none).
std::optional<Date> reviews_known_from(const std::vector<const ChronologyEntry*>& reviews);

// `entries` in date order (chronology_in_order); partial dates are left out.
// A child protection plan with no end entry is open, unless the child's
// `status` has been something else since a date after it started: then it
// ended by that date; the same for a period of care.
CaseEvents case_events(const std::vector<const ChronologyEntry*>& entries, const std::string& status = {},
                       const std::optional<Date>& status_since = std::nullopt);

// "started 3 May 2024", "started on 3 May 2024" or "started 2024-05-03" in an
// entry's words.
std::optional<Date> start_in_words(const std::string& event);

}  // namespace safesite::timeliness
