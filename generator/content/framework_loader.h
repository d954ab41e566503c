// Inspection frameworks: the built-in ones (generator/frameworks/*.xml,
// embedded in the program) and any a content folder adds.
#pragma once

#include "content/content_folder.h"
#include "model/inspection.h"

#include <map>
#include <string_view>

namespace safesite {

std::string_view built_in_framework(std::string_view name);
const std::map<std::string, std::string_view, std::less<>>& built_in_framework_all();

std::vector<Framework> load_frameworks(ContentFolder& folder, Diagnostics& diags);
std::vector<Inspection> load_inspections(ContentFolder& folder, Diagnostics& diags);

}  // namespace safesite
