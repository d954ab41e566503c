// The two statutory returns every English council sends the Department for
// Education, as typed records: the Children in Need census (XML) and SSDA903
// on children looked after (CSV tables). Importers read the files into these;
// the child-record writer and the yearly figures read only these.
//
// Codes stay as the return writes them ("N4", "RC1"); turning them into words
// is the code lists' job (one list per year), so a record never loses what
// the file said. Identifiers that name a real person outside the council
// (UPN, former UPN, NHS number, postcodes) are deliberately not fields here:
// a reader drops them, so nothing downstream can copy them anywhere.
#pragma once

#include "support/date.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

// ---- Children in Need census ---------------------------------------------

struct CinAssessment {
    std::optional<Date> start;          // AssessmentActualStartDate
    std::optional<Date> internal_review;  // AssessmentInternalReviewDate
    std::optional<Date> authorised;     // AssessmentAuthorisationDate
    std::vector<std::string> factors;   // AssessmentFactors codes, e.g. "2A", "18B"
    Location where;
};

struct CinPlanDates {
    std::optional<Date> start;  // CINPlanStartDate
    std::optional<Date> end;    // CINPlanEndDate
    Location where;
};

struct CinSection47 {
    std::optional<Date> start;               // S47ActualStartDate
    std::optional<Date> conference_target;   // InitialCPCtarget
    std::optional<Date> conference;          // DateOfInitialCPC
    std::optional<bool> conference_not_required;  // ICPCnotRequired
    Location where;
};

struct CinProtectionPlan {
    std::optional<Date> start;            // CPPstartDate
    std::optional<Date> end;              // CPPendDate
    std::string initial_category;         // InitialCategoryOfAbuse
    std::string latest_category;          // LatestCategoryOfAbuse
    std::optional<int> previous_plans;    // NumberOfPreviousCPP
    std::vector<Date> reviews;            // Reviews/CPPreviewDate
    Location where;
};

// From 2025-26: the pre-proceedings and family group decision-making block.
// Fields are kept as name/value pairs in the order the file gives them, so a
// field added next year is carried without a code change.
struct CinPreProceedings {
    std::vector<std::pair<std::string, std::string>> fields;  // element name, text
    Location where;
};

struct CinEpisode {  // one CINdetails block
    std::optional<Date> referral;      // CINreferralDate
    std::string referral_source;       // ReferralSource, e.g. "1A"
    std::string primary_need;          // PrimaryNeedCode, e.g. "N4"
    std::optional<bool> referral_nfa;  // ReferralNFA: no further action
    std::optional<Date> closure;       // CINclosureDate
    std::string closure_reason;        // ReasonForClosure, e.g. "RC1"
    std::optional<Date> initial_conference;  // DateOfInitialCPC at episode level
    std::vector<CinAssessment> assessments;
    std::vector<CinPlanDates> plans;
    std::vector<CinSection47> section47s;
    std::vector<CinProtectionPlan> protection_plans;
    std::vector<CinPreProceedings> pre_proceedings;
    Location where;
};

struct CinChild {
    std::string la_child_id;                // LAchildID: the council's own id
    std::optional<Date> born;               // PersonBirthDate
    std::optional<Date> expected_birth;     // ExpectedPersonBirthDate (unborn)
    std::optional<Date> died;               // PersonDeathDate
    std::string sex;                        // Sex (2024-25 on) or GenderCurrent (to 2023-24): the code
    std::string ethnicity;                  // Ethnicity code
    std::vector<std::string> disabilities;  // Disability codes
    std::vector<CinEpisode> episodes;
    Location where;
    // A problem in this child's record was reported: the child-record writer
    // leaves the child out rather than write half a history.
    bool has_errors = false;
};

struct CinCensus {
    std::string collection_year;       // Header/CollectionDetails/Year, as written
    std::optional<Date> reference_date;  // ReferenceDate: the census day (31 March)
    std::vector<CinChild> children;
};

// ---- SSDA903: children looked after ---------------------------------------

struct LookedAfterEpisode {  // a row of episodes.csv
    std::optional<Date> start;      // DECOM
    std::string reason_new;         // RNE
    std::string legal_status;       // LS
    std::string category_of_need;   // CIN
    std::string placement;          // PLACE
    std::string provider;           // PLACE_PROVIDER
    std::optional<Date> end;        // DEC
    std::string reason_end;         // REC
    std::string reason_place_change;  // REASON_PLACE_CHANGE
    Location where;                 // file and row (line)
};

struct LookedAfterReview {  // reviews.csv
    std::optional<Date> date;  // REVIEW
    std::string participation;  // REVIEW_CODE, e.g. "PN6"
    Location where;
};

struct MissingPeriod {  // missing.csv
    std::string kind;           // MISSING: "M" missing, "A" away without authorisation
    std::optional<Date> start;  // MIS_START
    std::optional<Date> end;    // MIS_END
    Location where;
};

struct CareLeaverCheck {  // oc3.csv: on the 17th to 21st birthday in the year
    std::string in_touch;       // IN_TOUCH, e.g. "YES", "NO", "DIED", "REFU", "NREQ"
    std::string activity;       // ACTIV, e.g. "F1"
    std::string accommodation;  // ACCOM, e.g. "B" or "1"
    Location where;
};

struct LookedAfterChild {
    std::string child_id;  // CHILD: the council's own id
    std::string sex;       // SEX code
    std::optional<Date> born;  // DOB
    std::string ethnicity;     // ETHNIC
    std::optional<Date> unaccompanied_ceased;  // uasc.csv DUC
    std::vector<LookedAfterEpisode> episodes;
    std::vector<LookedAfterReview> reviews;
    std::vector<MissingPeriod> missing;
    std::vector<CareLeaverCheck> care_leaver;
    Location where;  // the header row
    bool has_errors = false;  // as CinChild::has_errors
};

struct LookedAfterReturn {
    std::vector<LookedAfterChild> children;  // in the order header.csv lists them
};

}  // namespace safesite
