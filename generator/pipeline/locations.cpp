#include "pipeline/locations.h"

#include <filesystem>

namespace safesite {

std::string installed_templates() {
    // PREFIX/bin/safesite beside PREFIX/share/safesite/templates, wherever
    // PREFIX is; else where this build would install it.
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        std::filesystem::path beside = exe.parent_path().parent_path() / "share/safesite/templates";
        if (std::filesystem::is_regular_file(beside / "layout.html", ec)) return beside.string();
    }
    return SAFESITE_INSTALLED_TEMPLATES;
}

std::string find_templates(FileSystem& fs, const std::string& content_dir, const std::string& installed, Diagnostics& diags) {
    std::string beside = std::filesystem::path(content_dir + "/../templates").lexically_normal().string();
    while (beside.size() > 1 && beside.back() == '/') beside.pop_back();
    for (const std::string& dir : {beside, installed})
        if (!dir.empty() && fs.exists(join_path(dir, "layout.html"))) return dir;
    diags.error({beside, 0, 0}, "cannot find the templates: there is no layout.html in " + beside + " (beside the content folder) or in " + installed + " (the installed theme)",
                "pass --templates DIR, or put the templates folder beside the content folder");
    return {};
}

std::string restricted_beside(const std::string& out_dir) {
    std::string out = out_dir;
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out + "-restricted";
}

}  // namespace safesite
