// templates/theme.xml into a Theme.
#include "content/schema.h"
#include "content/site_loader.h"
#include "support/text.h"

namespace safesite {

std::optional<Theme> load_theme(FileSystem& fs, const std::string& templates_dir, const std::string& display_dir, Diagnostics& diags) {
    Theme theme;
    std::string path = join_path(templates_dir, "theme.xml");
    std::string shown = join_path(display_dir, "theme.xml");
    if (!fs.exists(path)) return theme;
    std::string err;
    auto text = fs.read(path, &err);
    if (!text) {
        diags.error({shown, 0, 0}, "cannot read the theme: " + err);
        return std::nullopt;
    }
    auto doc = XmlDocument::parse(shown, std::move(*text), diags);
    if (!doc || !validate(*doc, "theme", diags)) return std::nullopt;
    const xmlNode* colour = first_child(doc->root(), "brand-colour");
    theme.brand_colour = lower_ascii(folded_text(colour));
    theme.where = doc->locate(colour);
    if (const xmlNode* logo = first_child(doc->root(), "logo")) {
        theme.logo = attribute(logo, "src").value_or("");
        theme.logo_alt = attribute(logo, "alt").value_or("");
        if (!fs.exists(join_path(join_path(templates_dir, "assets"), theme.logo)))
            diags.add(doc->diagnostic_at(doc->locate_attribute(logo, "src"), Severity::error,
                                         "the logo '" + theme.logo + "' is not in " + join_path(display_dir, "assets"),
                                         "put the SVG file there, or correct its name"));
    }
    return theme;
}

}  // namespace safesite
