// Read, parse and validate one XML content file in a single step.
#pragma once

#include "content/content_folder.h"
#include "content/xml_document.h"

namespace safesite {

// Null when the file is missing (and `required`), malformed or invalid;
// every problem is in `diags`.
std::unique_ptr<XmlDocument> load_xml_file(ContentFolder& folder, const std::string& relative, std::string_view schema,
                                           bool required, Diagnostics& diags);

}  // namespace safesite
