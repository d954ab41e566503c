// Everything a build reads, in typed form: nothing past the loaders sees XML.
#pragma once

#include "model/child.h"
#include "model/glossary.h"
#include "model/inspection.h"
#include "model/local_offer.h"
#include "model/report.h"
#include "model/page.h"
#include "model/published_file.h"
#include "model/site.h"
#include "model/theme.h"

#include <vector>

namespace safesite {

struct Content {
    Site site;
    Glossary glossary;
    std::vector<Page> pages;  // each section's page before the pages in it
    std::vector<PublishedFile> files;  // images and documents beside the pages
    Theme theme;
    std::vector<Framework> frameworks;   // built in, then the content folder's own
    std::vector<Inspection> inspections; // in the order of their files
    std::vector<Child> children;         // restricted: never on the public site
    std::optional<LocalOffer> local_offer;
    std::optional<Partnership> partnership;
    std::vector<Report> reports;  // oldest first

    const Framework* framework(std::string_view id) const {
        for (const Framework& f : frameworks)
            if (f.id == id) return &f;
        return nullptr;
    }
    // False when site.xml could not be loaded: pages are still checked, so
    // that every problem is reported in one run, but nothing is built.
    bool site_loaded = false;
    bool glossary_loaded = false;
};

}  // namespace safesite
