// A free page from content/pages/*.md.
#pragma once

#include "model/markdown_tree.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <optional>
#include <string>

namespace safesite {

// What planning the site needs of a page, read from its front matter and
// first heading; a build's record keeps it, so an unchanged page need not
// be read again.
struct PagePlan {
    int body_first_line = 1;  // where Markdown starts after any front matter
    std::string title;        // the first heading
    std::string description;
    std::optional<bool> exit_this_page;  // unset: the site's default
    int order = 100;                     // position in the navigation
    bool in_navigation = true;
    bool operator==(const PagePlan&) const = default;
};

struct Page : PagePlan {
    // The page's address: its path in pages/ without .md ("about",
    // "practitioners/training"); a section's index.md is the section's own
    // ("practitioners"). The page is <slug>.html, or <slug>/index.html for a section.
    std::string slug;
    std::string source_path;  // "pages/about.md", "pages/practitioners/index.md"
    bool section_index = false;  // a section's own page: its index.md, or made for it
    bool generated = false;      // made for a section without an index.md: it lists the section's pages
    bool linked = false;         // its file in pages/ is a symlink (the listing says so: no look at each file)

    std::string source;       // the file as written, for quoting lines
    FileStamp stamp;          // its size and time when read
    CmarkTree tree;           // the body, with the title heading removed
    // Set when the page came from the last build's record because its file
    // has not changed since; `source` and `tree` are then empty.
    bool unchanged = false;

    // Pages are loaded once to plan the site, then their trees dropped, and
    // their text too past a budget, so memory does not grow with every
    // page's text; a page without its text is read again to be checked and built.
    bool has_body() const { return tree != nullptr; }
    std::string file() const { return section_index ? slug + "/index.html" : slug + ".html"; }
    // The section the page is in ("" for the top of the site); a section's own page is in the one above.
    std::string parent() const {
        std::size_t slash = slug.rfind('/');
        return slash == std::string::npos ? std::string() : slug.substr(0, slash);
    }
    void release_body() {
        std::string().swap(source);  // frees it: assigning an empty string would keep the buffer
        tree.reset();
    }
};

}  // namespace safesite
