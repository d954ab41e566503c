#include "pipeline/reuse.h"

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
    static_cast<PagePlan&>(r) = page;
    r.stamp = page.stamp;
    return r;
}

std::function<std::optional<Page>(const std::string&, const std::optional<FileStamp>&)> unchanged_pages(const Manifest& before) {
    return [&before](const std::string& path, const std::optional<FileStamp>& now) -> std::optional<Page> {
        auto record = before.pages.find(path);
        if (record == before.pages.end() || !now || !(record->second.stamp == *now)) return std::nullopt;
        Page p;
        static_cast<PagePlan&>(p) = record->second;
        p.stamp = record->second.stamp;
        return p;
    };
}

}  // namespace safesite
