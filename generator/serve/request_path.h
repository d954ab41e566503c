// Which file a request for the preview server names, decided from the
// request's raw target alone, before anything touches the disk. Anything
// that could reach outside the served folder is refused here: `..` and `.`
// segments however they are encoded, back-slashes, NUL, and bad escapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

struct RequestPath {
    bool restricted = false;   // under /restricted/: the children's documents
    std::string relative;      // "practitioners/training.html", never empty, no leading '/'
    bool try_html = false;     // no extension was given: "about" may mean "about.html"
};

// The prefix under which the restricted tree is served.
inline constexpr std::string_view kRestrictedPrefix = "/restricted/";

// nullopt: refuse the request (answer 404 without looking at the disk).
std::optional<RequestPath> request_path(std::string_view raw_target);

}  // namespace safesite
