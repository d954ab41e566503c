// What inspectors and reviews asked of the area ("asks": recommendations
// and priority actions), and how the yearly reports answered them. The
// checks and the pages share this one reading, so that what `check` calls
// unanswered is exactly what the report page shows as unanswered.
#pragma once

#include "model/content.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct Ask {
    const Inspection* inspection = nullptr;
    const Recommendation* recommendation = nullptr;
    std::string ref;                         // "halton-2014/r1"
    std::vector<std::string> earlier_refs;   // what it was carried from, nearest first
    std::optional<Date> due;                 // when a time-bound ask had to be done by
    const AskResponse* response = nullptr;   // the report's own answer, if any
    const Report* done_in = nullptr;         // this report, if it says the ask was done
    bool expected = true;                    // the report must answer it; false when shown only because it does
};

// The day an inspection or review was published, or, when that is not
// recorded, the last day of its visit (the report cannot come before it).
std::optional<Date> published_on(const Inspection& i);

// When a time-bound ask is due: immediately (at publication); three or six
// months after publication; a priority action 70 working days after
// publication, when Ofsted expects the council's action plan. Other asks
// have no date.
std::optional<Date> ask_due(const Inspection& i, const Recommendation& r);

// Every ask `report` is expected to answer: of an inspection or review of
// this area (its authority code is the site's, or it has none), published by
// the end of the report's period, not marked met (by itself or by a later
// recommendation carried from it), not said to be done in an earlier
// report, and not carried forward into a later one that is also in time
// (that one is the ask now). Then any other recommendation the report
// answers all the same, not expected of it. Oldest first.
std::vector<Ask> asks_of(const Content& content, const Report& report);

// Whether `response` answers `ask`: it names the ask or one it was carried from.
bool answers(const AskResponse& response, const Ask& ask);

// The latest response, in any report, to a recommendation or to a later one
// carried from it; with the report it is in.
struct LatestResponse {
    const AskResponse* response = nullptr;
    const Report* report = nullptr;
};
LatestResponse latest_response(const Content& content, const std::string& ref);

// A response's status in words, for a child, and as a symbol beside its
// colour; an empty or unknown status is "not answered".
struct ResponseStatus {
    std::string_view id, words, for_children, symbol;
};
const ResponseStatus& response_status(std::string_view id);

// Past its date, at the end of the report's year `end`, without a done response.
bool overdue(const Ask& a, Date end);

}  // namespace safesite
