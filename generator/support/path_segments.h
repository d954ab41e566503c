// Paths as lists of segments, as a browser reads a link: the one place that
// folds ".", "" and ".." out of a path inside a folder, for content paths
// (content/content_folder.h) and the site's links (analysis/site_map.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

// Why `relative` is not a plain relative path inside a folder, or empty if
// it is: absolute, a Windows path, with "\\", NUL or "..".
std::string path_escape_reason(std::string_view relative);

// `path` read from inside `folder` (both "/"-separated, relative to one top
// folder): empty and "." segments dropped, each ".." taking off the segment
// before it. "reports/2023-24" and "../shared/a.md" give "reports/shared/a.md".
// nullopt if it climbs above the top.
std::optional<std::string> resolve_segments(std::string_view folder, std::string_view path);

// The folder part of a path: "reports/2023-24/report.xml" gives
// "reports/2023-24", a file at the top gives "".
std::string_view folder_of(std::string_view file);

// The path from the folder of `from_file` to `to_file`: "../glossary.html".
std::string relative_path(std::string_view from_file, std::string_view to_file);

}  // namespace safesite
