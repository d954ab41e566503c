// A file beside the pages that the site publishes as it is: an image
// (PNG, JPEG, WebP, GIF, SVG) or a document (PDF). Images carry their
// size in pixels, read from the file's header, so a page can say how big
// each is before it loads and does not jump.
#pragma once

#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

struct PublishedFile {
    std::string source_path;  // in the content folder: "pages/practitioners/images/map.png"
    std::string file;         // in the site: "practitioners/images/map.png"
    std::string kind;         // "PNG", "JPEG", "WebP", "GIF", "SVG", "PDF": what a reader is told
    long long size = 0;       // bytes
    int width = 0, height = 0;  // pixels; 0 when the file does not say (an SVG with neither)
    bool refused = false;       // not published: its problem was reported
    bool is_image() const { return kind != "PDF"; }
};

// The kind of file safesite publishes with this name, or empty.
std::string published_kind(std::string_view name);

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
