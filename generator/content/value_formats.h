// Whether a value in a content file has the form its schema asks for, and
// how to write it if not, in words a business manager can act on.
#pragma once

#include "content/schema_rules.h"
#include "support/text.h"

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

struct ValueFormat {
    std::string noun;  // "a date"
    std::string fix;   // "write dates as YYYY-MM-DD, for example 2024-09-27"
};

// How to write a value of `rule`; `name` is the attribute or element that
// holds it (an "amount" is in pounds).
ValueFormat value_format(const ValueRule& rule, std::string_view name);

// True when `value` is allowed by `rule`.
bool value_allowed(const ValueRule& rule, std::string_view value);

}  // namespace safesite
