#include "pipeline/input_scan.h"

#include "support/hash.h"

namespace safesite {

namespace {

void add(Hasher& hash, const std::string& path, const std::optional<FileStamp>& stamp) {
    FileStamp s = stamp.value_or(FileStamp{-1, -1});
    hash.add(path).add(s.size).add(s.modified_ns);
}

void walk(FileSystem& fs, const std::string& root, const std::string& relative, Hasher& global) {
    for (const DirectoryEntry& e : fs.list_stamps(join_path(root, relative))) {
        std::string path = join_path(relative, e.name);
        if (e.is_directory && !e.is_symlink) {
            walk(fs, root, path, global);
            continue;
        }
        add(global, path, e.stamp);
    }
}

}  // namespace

InputScan scan_inputs(FileSystem& fs, const std::string& content_dir, const std::string& templates_dir, bool page_stamps) {
    InputScan scan;
    Hasher global, children;
    for (const DirectoryEntry& e : fs.list_stamps(content_dir)) {
        if (!e.is_directory || e.is_symlink) {
            add(global, e.name, e.stamp);
        } else if (e.name == "children") {
            walk(fs, content_dir, e.name, children);
        } else if (e.name != "pages") {
            walk(fs, content_dir, e.name, global);
        } else {
            // Free pages are content/pages/**.md, each on its own; anything else in there
            // (an image, say, whose size the pages show) is global.
            scan.page_listing = list_tree(fs, join_path(content_dir, "pages"), page_stamps);
            for (const DirectoryEntry& p : *scan.page_listing) {
                if (p.name.ends_with(".md")) continue;  // its stamp stays in the listing
                std::string path = "pages/" + p.name;
                add(global, path, page_stamps ? p.stamp : fs.stamp(join_path(content_dir, path)));
            }
        }
    }
    global.add("templates");
    walk(fs, templates_dir, "", global);
    scan.without_children = global.value();
    scan.global = Hasher().add(static_cast<long long>(scan.without_children)).add(static_cast<long long>(children.value())).value();
    return scan;
}

}  // namespace safesite
