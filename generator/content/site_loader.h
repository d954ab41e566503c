#pragma once

#include <functional>
#include "content/content_folder.h"
#include "model/content.h"

namespace safesite {

std::optional<Site> load_site(ContentFolder& folder, Diagnostics& diags);
std::optional<Glossary> load_glossary(ContentFolder& folder, Diagnostics& diags);
// What a build already knows of the pages before loading them: the listing
// of content/pages (read once per build, with each file's stamp), and from
// the last build each page without its body, if its file still has the
// stamp it had then (nullopt to read it).
struct PageCache {
    unsigned jobs = 0;  // threads to read pages on; 0 means one per core
    std::optional<std::vector<DirectoryEntry>> listing;
    std::function<std::optional<Page>(const std::string& source_path, const std::optional<FileStamp>& now)> unchanged;
    // Bytes of pages' text kept from planning, so that the build need not
    // read them again; past this, a page is read again when it is built.
    std::size_t text_budget = 0;
};

// Every page's address, title and settings, without its body, from pages/
// and its folders (sections); a section without an index.md gets a page made
// for it. The images and documents beside the pages go to `files`; any other
// file gets a warning.
std::vector<Page> load_pages(ContentFolder& folder, Diagnostics& diags, const PageCache& cache = {}, std::vector<PublishedFile>* files = nullptr);
// One page in full, body included: content/`source_path` ("pages/about.md").
// With `plan_only`, only what planning the site needs (the title and front
// matter), and the body may be left unparsed.
std::optional<Page> read_page(ContentFolder& folder, const std::string& source_path, Diagnostics& diags, bool plan_only = false);
// The same, from the file's text as already read.
std::optional<Page> page_from_text(const std::string& source_path, std::string text, const FileStamp& stamp, Diagnostics& diags, bool plan_only = false);
// The theme lives with the templates, not the content.
std::optional<Theme> load_theme(FileSystem& fs, const std::string& templates_dir, const std::string& display_dir, Diagnostics& diags);

// All of a content folder, as much as could be loaded; what could not is
// in `diags`, and a build must not go on past checking if it has errors.
// Without `with_children`, children's records are left for for_each_child.
Content load_content(FileSystem& fs, const std::string& content_dir, const std::string& templates_dir, Diagnostics& diags,
                     ContentLimits limits = {}, const PageCache& page_cache = {}, bool with_children = true);

}  // namespace safesite
