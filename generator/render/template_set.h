// Every template of a theme, loaded from the templates folder: layout.html,
// partials/*.html and pages/*.html. A partnership edits these files; no
// recompiling.
#pragma once

#include "render/template.h"
#include "support/file_system.h"

#include <map>

namespace safesite {

class TemplateSet {
public:
    // Loads every .html file under `dir`; names are paths without ".html",
    // e.g. "layout", "partials/header". Checks that every partial named
    // exists. Paths in messages are shown as `display_dir`/...
    static std::optional<TemplateSet> load(FileSystem& fs, const std::string& dir, const std::string& display_dir, Diagnostics& diags);

    void add(Template t);
    const Template* find(std::string_view name) const;
    // Renders template `name`; a missing template is an error.
    std::optional<Html> render(std::string_view name, const Value& data, Diagnostics& diags) const;
    // The folder the templates came from, for assets beside them.
    const std::string& folder() const { return folder_; }

private:
    std::map<std::string, Template, std::less<>> templates_;
    std::string folder_;
};

}  // namespace safesite
