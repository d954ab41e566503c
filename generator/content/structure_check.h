// Walks a content file against the rules read from its schema and reports
// every mistake at once, each at its own line and column, in words: the
// element, attribute or value that is wrong, how to write it, and the
// nearest allowed name for a misspelt one. Nothing that follows from a
// mistake already reported is reported again.
#pragma once

#include "content/schema_rules.h"
#include "content/xml_document.h"

#include <string>
#include <string_view>

namespace safesite {

// True when the file has none of the mistakes these rules can see.
bool check_structure(const XmlDocument& document, const SchemaRules& rules, std::string_view schema_name, Diagnostics& diags);

// The heading of docs/content.md that describes files of the schema
// `schema_name`, e.g. "reports/<period>/report.xml" for "report".
std::string guide_heading(std::string_view schema_name);
// "see \"reports/<period>/report.xml\" in docs/content.md", for a hint.
std::string guide_reference(std::string_view schema_name);

}  // namespace safesite
