// Every page the site will have, known before any is rendered, so links and
// navigation can be checked and each page can be rendered on its own.
#pragma once

#include <optional>
#include <string>
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
    // Accepts "about", "/about", "about.md", "/about.html", "/" and a
    // trailing "#fragment"; nullopt if no page has that path.
    std::optional<std::string> file_for(std::string_view link) const;
    const SitePage* find(std::string_view site_path) const;

private:
    std::vector<SitePage> pages_;
    std::unordered_map<std::string, std::size_t> by_path_;  // every page looks up others: keep it O(1)
};

// The URL of `to` as written in `from`, both site files: "../glossary.html".
std::string relative_url(std::string_view from_file, std::string_view to_file);
// "../" once for each folder `file` is in: what a page puts before asset paths.
std::string root_prefix(std::string_view file);
// True for links that leave the site (http:, https:, mailto:, tel:).
bool is_external_link(std::string_view url);

}  // namespace safesite
