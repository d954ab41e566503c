// The Department for Education's code lists for the statutory returns, as
// data (generator/code-lists/, one file per list and the collection year it
// applies from), so next year's codes are a data change, not a code change.
#pragma once

#include "support/diagnostics.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct CodeList {
    std::string id;    // "cin-referral-source"
    std::string from;  // the first collection year it applies to, "2013-14"
    std::string name;  // "referral source"
    std::string field; // the return's field, "ReferralSource"
    std::string replaces;  // the list an earlier year used for the same field ("cin-gender" for "cin-sex"), if another
    std::map<std::string, std::string> words;               // code -> plain words
    std::vector<std::string> order;                         // the codes as the list gives them
    std::map<std::string, std::map<std::string, std::string>> flags;  // code -> attribute -> value
    std::map<std::string, std::string> retired;             // code -> what replaced it
};

const std::map<std::string, std::string_view, std::less<>>& built_in_code_list_all();
std::string_view built_in_code_list(std::string_view name);

// "2024-25" from the census day or any date in the year (April to March).
std::string collection_year_of(int year, int month);

// The lists for one collection year.
class CodeLists {
public:
    explicit CodeLists(std::string year) : year_(std::move(year)) {}
    const std::string& year() const { return year_; }

    // The list `id` in force in the year: the latest file whose year is not
    // after it, or the earliest there is for a field that began later (a
    // 2023-24 census may already use Sex). Null when there is none.
    const CodeList* find(std::string_view id);

    // The words for `code`. A code not in the list is an error at `where`
    // naming the list, its year and its codes; then nullopt.
    std::optional<std::string> words(std::string_view id, const std::string& code, const Location& where, Diagnostics& diags);

    // An attribute of a code in its list, e.g. court="yes"; empty if none.
    std::string flag(std::string_view id, const std::string& code, const std::string& attribute);

private:
    // The list in force the year before `list` began (or the one it replaced).
    const CodeList* earlier(const CodeList& list);

    std::string year_;
    std::map<std::string, CodeList, std::less<>> cache_;
    std::map<std::string, CodeList, std::less<>> earlier_;
};

}  // namespace safesite
