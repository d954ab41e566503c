// English local authorities with children's services, from the committed
// table generator/authorities/england.csv (built into the program): each
// one's short name and ONS code, and the years it existed for the unitary
// changes since 2019 (Dorset, Buckinghamshire, Northamptonshire, Cumbria,
// North Yorkshire, Somerset).
#pragma once

#include "support/date.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct Authority {
    std::string code;  // "E08000025"
    std::string name;  // "Birmingham"
    std::optional<Date> from, to;
    std::vector<std::string> also;  // other names reports use
};

const std::vector<Authority>& english_authorities();

// The table's text, embedded at build time.
std::string_view built_in_authorities(std::string_view name);
const std::map<std::string, std::string_view, std::less<>>& built_in_authorities_all();

// The authority a report's opening names: the longest name or other name
// found in the text, as a whole phrase, that existed on `when` (if known).
// Nothing when none is found, or when two different authorities are named
// equally.
std::optional<Authority> find_authority(std::string_view text, std::optional<Date> when);

}  // namespace safesite
