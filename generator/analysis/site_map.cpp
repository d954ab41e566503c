#include "analysis/site_map.h"

#include "support/text.h"

#include <algorithm>

namespace safesite {

void SiteMap::reserve(std::size_t pages) {
    pages_.reserve(pages);
    by_path_.reserve(pages);
}

void SiteMap::add(SitePage page) {
    by_path_.emplace(page.site_path, pages_.size());
    pages_.push_back(std::move(page));
}

const SitePage* SiteMap::find(std::string_view site_path) const {
    auto it = by_path_.find(std::string(site_path));
    return it == by_path_.end() ? nullptr : &pages_[it->second];
}

std::optional<std::string> SiteMap::file_for(std::string_view link) const {
    std::string fragment;
    if (std::size_t hash = link.find('#'); hash != std::string_view::npos) {
        fragment = std::string(link.substr(hash));
        link = link.substr(0, hash);
    }
    std::string path(link);
    while (!path.empty() && path.front() == '/') path.erase(path.begin());
    while (!path.empty() && path.back() == '/') path.pop_back();
    if (path.rfind("pages/", 0) == 0) path = path.substr(6);
    for (std::string_view ext : {".md", ".html"})
        if (path.size() > ext.size() && path.ends_with(ext)) path.resize(path.size() - ext.size());
    if (path == "index") path.clear();
    const SitePage* page = find(path);
    if (!page) return std::nullopt;
    return page->file + fragment;
}

std::size_t page_list_length(std::size_t pages) { return pages <= kPagesShown ? 0 : (pages + kPagesPerList - 1) / kPagesPerList; }

std::string page_list_path(std::size_t n) { return n == 1 ? "all-pages" : "all-pages/" + std::to_string(n); }

std::string root_prefix(std::string_view file) {
    std::string out;
    for (char c : file)
        if (c == '/') out += "../";
    return out;
}

std::string relative_url(std::string_view from_file, std::string_view to_file) {
    // Drop the folders both share, then climb out of the rest of `from`.
    std::size_t common = 0;
    for (std::size_t i = 0; i < from_file.size() && i < to_file.size() && from_file[i] == to_file[i]; ++i)
        if (from_file[i] == '/') common = i + 1;
    return root_prefix(from_file.substr(common)) + std::string(to_file.substr(common));
}

bool is_external_link(std::string_view url) {
    std::string lower = lower_ascii(url.substr(0, 8));
    return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0 ||
           lower.rfind("tel:", 0) == 0;
}

}  // namespace safesite
