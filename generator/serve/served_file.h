// Reading a file for the preview server: only a regular file, found under
// the served folder without following a symbolic link at any step, so a link
// planted in the output cannot expose anything outside it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

// The bytes of `relative` ("a/b.html") under `root`, or nullopt when it is
// missing, is not a regular file, or any step of the way is a link.
std::optional<std::string> read_served_file(const std::string& root, const std::string& relative);

// The Content-Type to send for a file, by its extension.
std::string_view content_type_for(std::string_view path);

}  // namespace safesite
