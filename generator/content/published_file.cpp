#include "content/published_file.h"

#include "content/xml_document.h"
#include "support/text.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace safesite {

namespace {

unsigned byte_at(std::string_view b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
unsigned big16(std::string_view b, std::size_t i) { return byte_at(b, i) << 8 | byte_at(b, i + 1); }
unsigned little16(std::string_view b, std::size_t i) { return byte_at(b, i) | byte_at(b, i + 1) << 8; }
unsigned little24(std::string_view b, std::size_t i) { return little16(b, i) | byte_at(b, i + 2) << 16; }
std::uint32_t big32(std::string_view b, std::size_t i) { return static_cast<std::uint32_t>(big16(b, i)) << 16 | big16(b, i + 2); }

std::optional<PixelSize> sized(std::uint64_t w, std::uint64_t h) {
    // Nothing real is wider than this; a header that says so is broken.
    constexpr std::uint64_t kMost = 1u << 20;
    if (w == 0 || h == 0 || w > kMost || h > kMost) return std::nullopt;
    return PixelSize{static_cast<int>(w), static_cast<int>(h)};
}

// PNG: the signature, then the IHDR chunk with width and height.
std::optional<PixelSize> png_size(std::string_view b) {
    if (b.size() < 24 || b.substr(0, 8) != "\x89PNG\r\n\x1a\n" || b.substr(12, 4) != "IHDR") return std::nullopt;
    return sized(big32(b, 16), big32(b, 20));
}

// GIF: the logical screen's size follows the version.
std::optional<PixelSize> gif_size(std::string_view b) {
    if (b.size() < 10 || (b.substr(0, 6) != "GIF87a" && b.substr(0, 6) != "GIF89a")) return std::nullopt;
    return sized(little16(b, 6), little16(b, 8));
}

// JPEG: segments one after another until a start-of-frame, which holds the size.
std::optional<PixelSize> jpeg_size(std::string_view b) {
    if (b.size() < 4 || byte_at(b, 0) != 0xFF || byte_at(b, 1) != 0xD8) return std::nullopt;
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (byte_at(b, i) != 0xFF) return std::nullopt;
        unsigned marker = byte_at(b, i + 1);
        if (marker == 0xFF) {  // padding
            ++i;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            i += 2;
            continue;
        }
        unsigned length = big16(b, i + 2);
        if (length < 2) return std::nullopt;
        bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (i + 9 > b.size()) return std::nullopt;
            return sized(big16(b, i + 7), big16(b, i + 5));
        }
        i += 2 + length;
    }
    return std::nullopt;
}

// WebP: a RIFF file with one of three kinds of first chunk.
std::optional<PixelSize> webp_size(std::string_view b) {
    if (b.size() < 30 || b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WEBP") return std::nullopt;
    std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8X") return sized(little24(b, 24) + 1ull, little24(b, 27) + 1ull);
    if (chunk == "VP8 " && byte_at(b, 23) == 0x9D && byte_at(b, 24) == 0x01 && byte_at(b, 25) == 0x2A)
        return sized(little16(b, 26) & 0x3FFF, little16(b, 28) & 0x3FFF);
    if (chunk == "VP8L" && byte_at(b, 20) == 0x2F) {
        std::uint32_t bits = byte_at(b, 21) | byte_at(b, 22) << 8 | byte_at(b, 23) << 16 | static_cast<std::uint32_t>(byte_at(b, 24)) << 24;
        return sized((bits & 0x3FFF) + 1ull, ((bits >> 14) & 0x3FFF) + 1ull);
    }
    return std::nullopt;
}

// "120", "120px" or "120.5" as whole pixels; nullopt for "50%", "10em" and the like.
std::optional<int> svg_length(std::optional<std::string> value) {
    if (!value) return std::nullopt;
    std::string v = trim(*value);
    if (v.ends_with("px")) v.resize(v.size() - 2);
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(d > 0) || d > (1 << 20)) return std::nullopt;
    return static_cast<int>(d + 0.5);
}

// A url(...) in CSS that names anything but a part of the same file (#id).
bool external_css_reference(std::string_view css) {
    std::string lower = lower_ascii(css);
    if (lower.find("@import") != std::string::npos) return true;
    for (std::size_t at = lower.find("url("); at != std::string::npos; at = lower.find("url(", at + 4)) {
        std::string inside = trim(std::string_view(lower).substr(at + 4));
        if (!inside.empty() && (inside[0] == '"' || inside[0] == '\'')) inside = inside.substr(1);
        if (inside.empty() || inside[0] != '#') return true;
    }
    return false;
}

void check_svg_element(const XmlDocument& doc, const xmlNode* element, Diagnostics& diags) {
    std::string name = lower_ascii(element_name(element));
    auto refuse = [&](const Location& at, std::string message) {
        diags.add(doc.diagnostic_at(at, Severity::error, std::move(message),
                                    "an SVG on the site may only draw: remove it, or save the image as PNG"));
    };
    if (name == "script") refuse(doc.locate(element), "the SVG has a <script>, and is not published");
    if (name == "foreignobject") refuse(doc.locate(element), "the SVG has a <foreignObject> (HTML inside the image), and is not published");
    for (const xmlAttr* a = element->properties; a; a = a->next) {
        const char* raw = reinterpret_cast<const char*>(a->name);
        std::string attr = lower_ascii(raw);
        const xmlNode* text = a->children;
        std::string value = text && text->content ? reinterpret_cast<const char*>(text->content) : "";
        Location at = doc.locate_attribute(element, raw);
        if (attr.starts_with("on")) refuse(at, "the SVG has an event handler (" + attr + "), and is not published");
        else if ((attr == "href" || attr == "src") && !trim(value).starts_with("#"))
            refuse(at, "the SVG refers to '" + value + "' outside itself, and is not published");
        else if (attr == "attributename" && lower_ascii(value).find("href") != std::string::npos)
            refuse(at, "the SVG animates a link, and is not published");
        else if (external_css_reference(value))
            refuse(at, "the SVG's " + attr + " refers to something outside itself, and is not published");
    }
    if (name == "style") {
        for (const xmlNode* c = element->children; c; c = c->next)
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
                external_css_reference(reinterpret_cast<const char*>(c->content)))
                refuse(doc.locate(element), "the SVG's <style> refers to something outside itself, and is not published");
    }
    for (const xmlNode* c = element->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) check_svg_element(doc, c, diags);
}

}  // namespace

std::optional<PixelSize> raster_size(std::string_view kind, std::string_view bytes) {
    if (kind == "PNG") return png_size(bytes);
    if (kind == "GIF") return gif_size(bytes);
    if (kind == "JPEG") return jpeg_size(bytes);
    if (kind == "WebP") return webp_size(bytes);
    return std::nullopt;
}

std::optional<PixelSize> check_svg(const std::string& path, std::string_view text, Diagnostics& diags) {
    Diagnostics found;
    auto doc = XmlDocument::parse(path, std::string(text), found);
    if (doc && lower_ascii(element_name(doc->root())) != "svg")
        found.error({path, 0, 0}, "the file is not an SVG image (its first element is <" + element_name(doc->root()) + ">)");
    else if (doc)
        check_svg_element(*doc, doc->root(), found);
    bool refused = !doc || found.has_errors();
    diags.append(found);
    if (refused) return std::nullopt;
    PixelSize size;
    auto w = svg_length(attribute(doc->root(), "width")), h = svg_length(attribute(doc->root(), "height"));
    if (w && h) return PixelSize{*w, *h};
    // Without both, the viewBox gives the proportions and a natural size.
    if (auto box = attribute(doc->root(), "viewBox")) {
        double x = 0, y = 0, bw = 0, bh = 0;
        if (std::sscanf(box->c_str(), "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &x, &y, &bw, &bh) == 4 && bw > 0 && bh > 0 && bw < (1 << 20) && bh < (1 << 20)) {
            size.width = static_cast<int>(bw + 0.5);
            size.height = static_cast<int>(bh + 0.5);
        }
    }
    return size;
}

std::string human_size(long long bytes) {
    char buffer[32];
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes < 1024 * 1024) {
        std::snprintf(buffer, sizeof buffer, "%lld KB", (bytes + 512) / 1024);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

}  // namespace safesite
