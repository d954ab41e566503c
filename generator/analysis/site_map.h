// Every page the site will have, known before any is rendered, so links and
// navigation can be checked and each page can be rendered on its own.
#pragma once

#include "model/published_file.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safesite {

struct SitePage {
    std::string site_path;  // how content links to it: "" (home), "glossary", "about"
    std::string file;       // where it is written: "index.html", "glossary.html"
    std::string title;
    std::string kind;       // which renderer makes it: "home", "page", "inspection" ...
    std::string key;        // what it is about: a page's slug, an inspection's id ...
};

class SiteMap {
public:
    void add(SitePage page);
    void reserve(std::size_t pages);
    const std::vector<SitePage>& pages() const { return pages_; }
    // An image or document the site publishes as it is.
    void add_file(const PublishedFile& file);
    // The file that a link names, as written in a page at `from_file`, as a
    // browser reads it: "courses" from "practitioners/training.html" is
    // practitioners/courses.html, "/about" and "../about" from there are
    // about.html. Accepts "about", "about.md", "about.html", "/", a section's
    // "practitioners/", a published file's "images/map.png", and a trailing
    // "#fragment"; nullopt if nothing is there.
    std::optional<std::string> file_for(std::string_view link, std::string_view from_file = "index.html") const;
    // The published file a link names, read as file_for() reads it.
    const PublishedFile* published_file_for(std::string_view link, std::string_view from_file = "index.html") const;
    const SitePage* find(std::string_view site_path) const;

private:
    std::vector<SitePage> pages_;
    std::unordered_map<std::string, const PublishedFile*> files_;  // by path in the site
    // Looked up by string_view as well as string, with no string made for each lookup.
    struct PathHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
    };
    std::unordered_map<std::string, std::size_t, PathHash, std::equal_to<>> by_path_;  // every page looks up others: keep it O(1)
};

// A site with many free pages lists them all on pages of their own, a
// hundred to a page, so that neither the home page nor the search page
// grows with the number of pages: those show the first few and link here.
constexpr std::size_t kPagesShown = 10;      // on the home and search pages
constexpr std::size_t kPagesPerList = 100;   // on each page of the full list
// How many pages the full list of `pages` free pages takes: none when all are shown anyway.
std::size_t page_list_length(std::size_t pages);
// The n-th page of the full list (from 1): "all-pages", "all-pages/2".
std::string page_list_path(std::size_t n);

// The URL of `to` as written in `from`, both site files: "../glossary.html".
std::string relative_url(std::string_view from_file, std::string_view to_file);
// "../" once for each folder `file` is in: what a page puts before asset paths.
std::string root_prefix(std::string_view file);
// True for links that leave the site (http:, https:, mailto:, tel:).
bool is_external_link(std::string_view url);

}  // namespace safesite
