// What an import adds to a child's record: the child's birth date and sex,
// and chronology entries in plain words, each with a key that stays the same
// from one year's return to the next. Made from the typed records of a
// return; written into children/<id>/child.xml by the child-record writer.
#pragma once

#include "importers/code_lists.h"
#include "model/statutory_returns.h"
#include "support/date.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct ImportedEntry {
    std::string key;  // "referral:2024-05-01": stable across imports
    Date date;
    std::string category;  // from CONTENT.md's list
    std::string plan_kind;   // child-in-need, child-protection, care; or empty
    std::string significance;  // high, or empty
    std::string event;       // plain words
};

struct ImportedChild {
    std::string source_id;  // the id in the return, e.g. "DfEX0000001"
    std::optional<Date> born;
    bool born_expected = false;  // an unborn child: the expected date
    std::string sex;             // in words: "female"; empty if not known
    std::vector<ImportedEntry> entries;
    Location where;
};

// The source names written on every imported entry.
inline constexpr const char* kCinSource = "cin-census";
inline constexpr const char* kLookedAfterSource = "ssda903";

// Each child of the census with their entries. A code not in its list is an
// error at the record's line and leaves the child out; the others go on.
std::vector<ImportedChild> cin_children(const CinCensus& census, CodeLists& lists, Diagnostics& diags);
// One child of the census; nullopt when it is left out.
std::optional<ImportedChild> cin_child(const CinChild& child, CodeLists& lists, Diagnostics& diags);
std::vector<ImportedChild> looked_after_children(const LookedAfterReturn& ret, CodeLists& lists, Diagnostics& diags);
// One child of an SSDA903 return; nullopt when it is left out.
std::optional<ImportedChild> looked_after_child(const LookedAfterChild& child, CodeLists& lists, Diagnostics& diags);

// The collection year of an SSDA903 return: the year (April to March) of its
// latest episode start. Empty when it has none.
std::string looked_after_year(const LookedAfterReturn& ret);

}  // namespace safesite
