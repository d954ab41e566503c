// content/local-offer/offer.xml, with the Markdown files it names.
#pragma once

#include "content/content_folder.h"
#include "model/local_offer.h"

namespace safesite {

std::optional<LocalOffer> load_local_offer(ContentFolder& folder, Diagnostics& diags);

}  // namespace safesite
