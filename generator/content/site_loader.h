#pragma once

#include "content/content_folder.h"
#include "model/content.h"

namespace safesite {

std::optional<Site> load_site(ContentFolder& folder, Diagnostics& diags);
std::optional<Glossary> load_glossary(ContentFolder& folder, Diagnostics& diags);
std::vector<Page> load_pages(ContentFolder& folder, Diagnostics& diags);
// The theme lives with the templates, not the content.
std::optional<Theme> load_theme(FileSystem& fs, const std::string& templates_dir, const std::string& display_dir, Diagnostics& diags);

// All of a content folder, as much as could be loaded; what could not is
// in `diags`, and a build must not go on past checking if it has errors.
Content load_content(FileSystem& fs, const std::string& content_dir, const std::string& templates_dir, Diagnostics& diags,
                     ContentLimits limits = {});

}  // namespace safesite
