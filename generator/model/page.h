// A free page from content/pages/*.md.
#pragma once

#include "content/markdown_document.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>

namespace safesite {

struct Page {
    std::string slug;         // file name without .md; the page is <slug>.html
    std::string source_path;  // "pages/about.md"
    std::string source;       // the file as written, for quoting lines
    int body_first_line = 1;  // where Markdown starts after any front matter
    std::string title;        // the first heading
    std::string description;
    std::optional<bool> exit_this_page;  // unset: the site's default
    int order = 100;                     // position in the navigation
    bool in_navigation = true;
    CmarkTree tree;  // the body, with the title heading removed
};

}  // namespace safesite
