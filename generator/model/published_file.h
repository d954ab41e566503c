// A file beside the pages that the site publishes as it is: an image
// (PNG, JPEG, WebP, GIF, SVG) or a document (PDF). Images carry their
// size in pixels, read from the file's header, so a page can say how big
// each is before it loads and does not jump.
#pragma once

#include "support/text.h"

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
inline std::string published_kind(std::string_view name) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string ext = lower_ascii(name.substr(dot + 1));
    if (ext == "png") return "PNG";
    if (ext == "jpg" || ext == "jpeg") return "JPEG";
    if (ext == "webp") return "WebP";
    if (ext == "gif") return "GIF";
    if (ext == "svg") return "SVG";
    if (ext == "pdf") return "PDF";
    return {};
}

}  // namespace safesite
