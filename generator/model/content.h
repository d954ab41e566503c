// Everything a build reads, in typed form: nothing past the loaders sees XML.
#pragma once

#include "model/glossary.h"
#include "model/page.h"
#include "model/site.h"
#include "model/theme.h"

#include <vector>

namespace safesite {

struct Content {
    Site site;
    Glossary glossary;
    std::vector<Page> pages;
    Theme theme;
};

}  // namespace safesite
