// An imported report as content/inspections/<id>.xml: what was found as
// elements, what was not as XML comments the reviewer sees.
#pragma once

#include "importers/ofsted_report.h"

#include <string>

namespace safesite {

// The id the file is named by: the authority and the year of the visit
// ("halton-2014"), with the kind of letter after it for letters
// ("halton-2019-focused-visit"). Empty when the authority is not known.
std::string inspection_id(const OfstedReport& report);

// With an empty id, inspection_id's is used.
std::string inspection_xml(const OfstedReport& report, std::string id, const std::string& source_name);

}  // namespace safesite
