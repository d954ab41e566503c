// Reading the files beside the pages that the site publishes as they are
// (model/published_file.h): each image's size from its header, and SVGs
// checked to draw only.
#pragma once

#include "model/published_file.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

struct PixelSize {
    int width = 0, height = 0;
};
// Width and height from a PNG, GIF, JPEG or WebP header; nullopt if the
// bytes are not a readable file of that kind.
std::optional<PixelSize> raster_size(std::string_view kind, std::string_view bytes);

// An SVG parsed with the safe XML reader and refused, with every reason,
// for a script, an event handler or a reference to anything outside the
// file. Returns its size (from width and height, else the viewBox).
std::optional<PixelSize> check_svg(const std::string& path, std::string_view text, Diagnostics& diags);

// "1.2 MB", "245 KB", "900 bytes", as GOV.UK writes a file's size.
std::string human_size(long long bytes);

}  // namespace safesite
