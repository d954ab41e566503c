// What each element of a content file may hold, read from the built-in
// RELAX NG schema, so that mistakes can be told in the content's own words
// (which element, which attribute, which format) instead of the
// validator's. The schema stays the contract; these rules only explain it.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

// What a value (an attribute, or an element's text) may be.
struct ValueRule {
    std::string type;                  // an XML Schema datatype ("date", "decimal", "token"...); "text" for any
    std::string pattern;               // an XML Schema pattern, when the schema gives one
    std::vector<std::string> choices;  // when the value is one of a list
    std::optional<double> min, max;    // minInclusive, maxInclusive
    bool not_empty = false;            // minLength 1
};

struct AttributeRule {
    std::string name;
    bool required = false;
    ValueRule value;
};

struct ElementRule;

struct ChildRule {
    const ElementRule* element = nullptr;
    bool required = false;
    bool many = false;
    int place = 0;  // children in a sequence come in increasing place; an interleave shares one place
};

struct ElementRule {
    std::string name;
    std::vector<AttributeRule> attributes;
    std::vector<ChildRule> children;
    std::optional<ValueRule> text;  // absent: the element holds only elements

    const AttributeRule* attribute(std::string_view n) const;
    const ChildRule* child(std::string_view n) const;
};

struct SchemaRules {
    const ElementRule* root = nullptr;
    std::deque<ElementRule> elements;  // every element rule, owned here
    // Whether these rules say all the schema says: every element's content
    // is slots in order, each one element or an interleave of elements, each
    // once, optional or repeated, and each value a datatype, pattern, list or
    // range check_structure tests with libxml2's own code. Then a file they
    // pass is one the schema accepts, and RELAX NG need not run again.
    bool exact = false;
    // When not exact, the first construct the rules cannot follow, for tests.
    std::string inexact_because;
};

// The rules of the built-in schema `name` (e.g. "report"), read once per
// process; null if there is no such schema.
const SchemaRules* schema_rules(std::string_view name);
// The rules of the RELAX NG grammar `rng`; null if it has none.
std::unique_ptr<SchemaRules> read_schema_rules(std::string_view rng);

}  // namespace safesite
