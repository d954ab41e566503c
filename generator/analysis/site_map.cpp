#include "analysis/site_map.h"

#include "support/path_segments.h"
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
    auto it = by_path_.find(site_path);
    return it == by_path_.end() ? nullptr : &pages_[it->second];
}

void SiteMap::add_file(const PublishedFile& file) { files_.emplace(file.file, &file); }

namespace {

// The path in the site that `link` names from `from_file`, without any
// "#fragment"; nullopt if it climbs above the top of the site.
std::optional<std::string> site_path_of(std::string_view link, std::string_view from_file) {
    if (std::size_t hash = link.find('#'); hash != std::string_view::npos) link = link.substr(0, hash);
    return resolve_segments(link.starts_with('/') ? std::string_view() : folder_of(from_file), link);
}

}  // namespace

const PublishedFile* SiteMap::published_file_for(std::string_view link, std::string_view from_file) const {
    if (published_kind(link.substr(0, link.find('#'))).empty()) return nullptr;
    auto path = site_path_of(link, from_file);
    if (!path) return nullptr;
    auto it = files_.find(*path);
    return it == files_.end() ? nullptr : it->second;
}

std::optional<std::string> SiteMap::file_for(std::string_view link, std::string_view from_file) const {
    std::string fragment;
    if (std::size_t hash = link.find('#'); hash != std::string_view::npos) fragment = std::string(link.substr(hash));
    if (const PublishedFile* f = published_file_for(link, from_file)) return f->file + fragment;
    auto resolved = site_path_of(link, from_file);
    if (!resolved) return std::nullopt;
    std::string path = std::move(*resolved);
    if (path.rfind("pages/", 0) == 0) path = path.substr(6);
    for (std::string_view ext : {".md", ".html"})
        if (path.size() > ext.size() && path.ends_with(ext)) path.resize(path.size() - ext.size());
    if (path == "index") path.clear();
    if (path.ends_with("/index")) path.resize(path.size() - 6);
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

std::string relative_url(std::string_view from_file, std::string_view to_file) { return relative_path(from_file, to_file); }

bool is_external_link(std::string_view url) {
    std::string lower = lower_ascii(url.substr(0, 8));
    return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0 ||
           lower.rfind("tel:", 0) == 0;
}

}  // namespace safesite
