#include "support/path_segments.h"

#include <cctype>
#include <vector>

namespace safesite {

std::string path_escape_reason(std::string_view p) {
    if (p.empty()) return "the path is empty";
    if (p.find('\\') != std::string_view::npos) return "it uses '\\'; write paths with '/'";
    if (p[0] == '/') return "it is an absolute path";
    if (p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':') return "it is a Windows drive path";
    if (p.find('\0') != std::string_view::npos) return "it contains a NUL character";
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t slash = p.find('/', start);
        if (slash == std::string_view::npos) slash = p.size();
        std::string_view part = p.substr(start, slash - start);
        if (part == "..") return "it climbs out of the folder with '..'";
        start = slash + 1;
    }
    return {};
}

std::optional<std::string> resolve_segments(std::string_view folder, std::string_view path) {
    std::vector<std::string_view> parts;
    auto add = [&](std::string_view p) {
        for (std::size_t start = 0; start <= p.size();) {
            std::size_t end = p.find('/', start);
            if (end == std::string_view::npos) end = p.size();
            std::string_view part = p.substr(start, end - start);
            start = end + 1;
            if (part.empty() || part == ".") continue;
            if (part != "..") parts.push_back(part);
            else if (parts.empty()) return false;
            else parts.pop_back();
        }
        return true;
    };
    if (!add(folder) || !add(path)) return std::nullopt;
    std::string out;
    for (std::string_view part : parts) {
        if (!out.empty()) out += '/';
        out += part;
    }
    return out;
}

std::string_view folder_of(std::string_view file) {
    std::size_t slash = file.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : file.substr(0, slash);
}

std::string relative_path(std::string_view from_file, std::string_view to_file) {
    // Drop the folders both share, then climb out of the rest of `from`.
    std::size_t common = 0;
    for (std::size_t i = 0; i < from_file.size() && i < to_file.size() && from_file[i] == to_file[i]; ++i)
        if (from_file[i] == '/') common = i + 1;
    std::string out;
    for (char c : from_file.substr(common))
        if (c == '/') out += "../";
    return out + std::string(to_file.substr(common));
}

}  // namespace safesite
