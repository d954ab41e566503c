#include "content/value_formats.h"

#include "support/text.h"

#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>

namespace safesite {

namespace {

// The formats the schemas spell as patterns, by pattern.
const std::map<std::string, ValueFormat, std::less<>>& pattern_formats() {
    static const std::map<std::string, ValueFormat, std::less<>> formats = {
        {"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
         {"a date", "write dates as YYYY-MM-DD, for example 2019-06-14; when the day or month is not known, write 2019-06 or 2019"}},
        {"[0-9]{4}-[0-9]{2}", {"a period", "write a period as YYYY-YY, for example 2023-24 (April 2023 to March 2024)"}},
        {"[a-z0-9][a-z0-9\\-]*", {"an id", "write an id in small letters, digits and hyphens, for example early-help"}},
        {"E0[6-9][0-9]{6}", {"an ONS code", "write the council's ONS code: E06, E07, E08 or E09 then six digits, for example E06000007"}},
        {"[^@\\s]+@[^@\\s]+\\.[^@\\s]+", {"an email address", "write an email address, for example team@example.org"}},
        {"[0-9 +()]{6,20}", {"a phone number", "write a phone number of 6 to 20 digits, spaces, +, ( and ), for example 01925 000 000"}},
        {"P([0-9]+[DWMY])+",
         {"a duration", "write how often as P, a number and D (days), W (weeks), M (months) or Y (years), for example P2W for every two weeks"}},
        {"[a-z0-9][a-z0-9\\-]*/[a-z0-9][a-z0-9\\-]*",
         {"an earlier recommendation", "write the inspection's id, a /, and the recommendation's id, for example halton-2014/r1"}},
        {"[A-Za-z0-9&]{2,12}", {"an abbreviation", "write 2 to 12 letters or digits, for example CAMHS"}},
        {"https?://.+/", {"a web address", "write the address in full, ending in /, for example https://safeguarding.example.org/"}},
        {"https://.+", {"a web address", "write the address in full, starting https://, for example https://www.bbc.co.uk/weather"}},
        {"[a-z0-9][a-z0-9\\-/]*(#[a-z0-9\\-]+)?", {"a page name", "write the name of a page, for example about or how-to-report#who-to-call"}},
        {"#[0-9a-fA-F]{6}", {"a colour", "write # and six hexadecimal digits, for example #1d70b8"}},
        {"[A-Za-z0-9_\\-]+\\.svg", {"an SVG file name", "write the name of an SVG file beside theme.xml, for example logo.svg"}},
    };
    return formats;
}

std::string number_text(double d) { return std::to_string(static_cast<long long>(std::floor(d))); }

// The pattern of a date that may leave out its day or month (a chronology
// entry's, asked of every entry), checked by hand as libxml2 would.
constexpr std::string_view kPartialDate = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

bool partial_date(std::string_view v) {
    auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t k = at; k < at + n; ++k)
            if (v[k] < '0' || v[k] > '9') return false;
        return true;
    };
    if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
    return digits(0, 4) && (v.size() < 7 || (v[4] == '-' && digits(5, 2))) && (v.size() < 10 || (v[7] == '-' && digits(8, 2)));
}

bool matches_pattern(const std::string& pattern, const std::string& value) {
    if (pattern == kPartialDate) return partial_date(value);
    // libxml2's automata, as the validator itself uses: linear in the value,
    // so a 70,000-character value cannot exhaust the stack. Each thread keeps
    // its own: a compiled automaton is not documented as safe to share, and
    // one lock for all was a queue when records are read side by side.
    struct Compiled {
        std::map<std::string, xmlRegexpPtr, std::less<>> by_pattern;
        ~Compiled() {
            for (auto& [_, re] : by_pattern)
                if (re) xmlRegFreeRegexp(re);
        }
    };
    thread_local Compiled compiled;
    auto it = compiled.by_pattern.find(pattern);
    if (it == compiled.by_pattern.end())
        it = compiled.by_pattern.emplace(pattern, xmlRegexpCompile(reinterpret_cast<const xmlChar*>(pattern.c_str()))).first;
    if (!it->second) return true;
    return xmlRegexpExec(it->second, reinterpret_cast<const xmlChar*>(value.c_str())) == 1;
}

bool matches_type(const std::string& type, const std::string& value) {
    static std::once_flag init;
    std::call_once(init, [] { xmlSchemaInitTypes(); });
    // Looked up once per thread and type: the lookup hashes two strings.
    thread_local std::map<std::string, xmlSchemaTypePtr, std::less<>> types;
    auto known = types.find(type);
    if (known == types.end())
        known = types.emplace(type, xmlSchemaGetPredefinedType(reinterpret_cast<const xmlChar*>(type.c_str()),
                                                               reinterpret_cast<const xmlChar*>("http://www.w3.org/2001/XMLSchema"))).first;
    xmlSchemaTypePtr t = known->second;
    if (!t) return true;
    xmlSchemaValPtr parsed = nullptr;
    int result = xmlSchemaValPredefTypeNode(t, reinterpret_cast<const xmlChar*>(value.c_str()), &parsed, nullptr);
    if (parsed) xmlSchemaFreeValue(parsed);
    return result == 0;
}

}  // namespace

ValueFormat value_format(const ValueRule& rule, std::string_view name) {
    if (rule.choices.size() == 1) return {rule.choices[0], "write " + rule.choices[0]};
    if (rule.choices.size() == 2) return {rule.choices[0] + " or " + rule.choices[1], "write " + rule.choices[0] + " or " + rule.choices[1]};
    if (!rule.choices.empty()) {
        std::string list;
        for (std::size_t i = 0; i < rule.choices.size(); ++i) list += (i == 0 ? "" : i + 1 == rule.choices.size() ? " or " : ", ") + rule.choices[i];
        return {"one of " + list, "write one of " + list};
    }
    if (!rule.pattern.empty())
        if (auto it = pattern_formats().find(rule.pattern); it != pattern_formats().end()) return it->second;
    const std::string& t = rule.type;
    if (t == "date") return {"a date", "write dates as YYYY-MM-DD, for example 2024-09-27"};
    if (t == "decimal" && (name == "amount"))
        return {"an amount", "an amount is a number of pounds, without £ or commas, for example 41000"};
    if (t == "decimal") return {"a number", "write a number without commas, spaces or units, for example 1350 or 12.5"};
    if (t == "positiveInteger") return {"a whole number above 0", "write a whole number above 0, without commas, for example 10"};
    if (t == "nonNegativeInteger") return {"a whole number", "write a whole number without commas, for example 12"};
    if (t == "integer" && rule.min && rule.max) {
        std::string range = number_text(*rule.min) + " to " + number_text(*rule.max);
        return {"a whole number from " + range, "write a whole number from " + range + ", for example " + number_text((*rule.min + *rule.max) / 2)};
    }
    if (t == "integer") return {"a whole number", "write a whole number, for example 12"};
    if (t == "boolean") return {"true or false", "write true or false"};
    if (t == "language") return {"a language code", "write a language code, for example en-GB, or en for English"};
    if (t == "gYear") return {"a year", "write a year, for example 2018"};
    if (t == "anyURI") return {"a web address", "write the address in full, for example https://example.org/"};
    if (rule.not_empty) return {"some text", "write some text"};
    return {"a value", "write a value"};
}

bool value_allowed(const ValueRule& rule, std::string_view raw) {
    bool keeps_spaces = rule.type == "text" || rule.type == "string";
    // Most values are text or a token from a list safesite checks itself:
    // nothing here to fold or match.
    bool plain = (keeps_spaces || rule.type == "token") && rule.choices.empty() && rule.pattern.empty() && !rule.min && !rule.max;
    if (plain && (keeps_spaces || !rule.not_empty)) return !rule.not_empty || !raw.empty();
    std::string value = keeps_spaces ? std::string(raw) : folded_spaces(raw);
    if (rule.not_empty && value.empty()) return false;
    if (!rule.choices.empty()) return std::find(rule.choices.begin(), rule.choices.end(), value) != rule.choices.end();
    if (!keeps_spaces && rule.type != "token" && !matches_type(rule.type, value)) return false;
    if ((rule.min || rule.max) && !value.empty()) {
        double d = std::strtod(value.c_str(), nullptr);
        if ((rule.min && d < *rule.min) || (rule.max && d > *rule.max)) return false;
    }
    if (!rule.pattern.empty() && !matches_pattern(rule.pattern, value)) return false;
    return true;
}

}  // namespace safesite
