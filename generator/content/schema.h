// Validation of content files against the RELAX NG schemas that ship inside
// safesite (generator/schemas/*.rng), so the contract cannot drift from a
// copy on the user's disk.
#pragma once

#include "content/xml_document.h"

#include <map>
#include <string>
#include <string_view>

namespace safesite {

// The text of a built-in schema, e.g. "site" for site.rng; empty if unknown.
std::string_view built_in_schema(std::string_view name);
const std::map<std::string, std::string_view, std::less<>>& built_in_schema_all();

// Checks `document` against the built-in schema `name`. Each problem is
// reported at the element it concerns. Returns true when valid.
bool validate(const XmlDocument& document, std::string_view name, Diagnostics& diags);

// libxml2's RELAX NG verdict on `document` against the whole built-in schema
// `name`, patterns included, and nothing else: what validate() may skip when
// the schema's rules are exact, so tests can hold the two side by side.
bool schema_accepts(const XmlDocument& document, std::string_view name);

}  // namespace safesite
