#include "build/reuse.h"

#include "support/hash.h"

#include <filesystem>

namespace safesite {

std::uint64_t options_key(const BuildOptions& options) {
    namespace fs = std::filesystem;
    auto absolute = [](const std::string& p) { return fs::absolute(p).lexically_normal().string(); };
    return Hasher()
        .add(options.tool)
        .add(options.today.iso())
        .add(absolute(options.content_dir))
        .add(absolute(options.templates_dir))
        .add(options.limits.max_file_bytes)
        .value();
}

std::uint64_t outline_of(const Content& content) {
    Hasher h;
    for (const Page& p : content.pages)
        h.add(p.slug).add(p.title).add(p.description).add(p.order).add(p.in_navigation ? 1 : 0).add(p.exit_this_page ? (*p.exit_this_page ? 1 : 0) : -1);
    return h.value();
}

PageRecord record_of(const Page& page) {
    PageRecord r;
    r.stamp = page.stamp;
    r.body_first_line = page.body_first_line;
    r.order = page.order;
    r.in_navigation = page.in_navigation;
    r.exit_this_page = page.exit_this_page;
    r.title = page.title;
    r.description = page.description;
    return r;
}

std::function<std::optional<Page>(const std::string&, const std::optional<FileStamp>&)> unchanged_pages(const Manifest& before) {
    return [&before](const std::string& path, const std::optional<FileStamp>& now) -> std::optional<Page> {
        auto record = before.pages.find(path);
        if (record == before.pages.end() || !now || !(record->second.stamp == *now)) return std::nullopt;
        const PageRecord& r = record->second;
        Page p;
        p.stamp = r.stamp;
        p.body_first_line = r.body_first_line;
        p.order = r.order;
        p.in_navigation = r.in_navigation;
        p.exit_this_page = r.exit_this_page;
        p.title = r.title;
        p.description = r.description;
        return p;
    };
}

}  // namespace safesite
