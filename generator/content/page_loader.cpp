// content/pages/*.md into Pages: optional front matter, then Markdown whose
// first heading is the title.
#include "content/markdown_document.h"
#include "content/published_file.h"
#include "content/site_loader.h"
#include "support/parallel.h"
#include "support/sorted.h"
#include "support/text.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <set>

namespace safesite {

namespace {

// Output names the generator itself uses; a free page cannot take them.
// Nor can a section: these are its folders.
constexpr std::array<std::string_view, 13> kReserved = {"index",  "glossary", "accessibility", "404",     "sitemap",     "robots",
                                                        "assets", "search",   "inspections",   "reports", "local-offer", "partnership", "all-pages"};

bool valid_slug(std::string_view s) {
    if (s.empty() || s.size() > 80) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return s.front() != '-' && s.back() != '-';
}

std::optional<bool> yes_no(std::string_view v) {
    if (v == "yes" || v == "true" || v == "on") return true;
    if (v == "no" || v == "false" || v == "off") return false;
    return std::nullopt;
}

// Reads "key: value" lines between two "---" lines at the very top.
bool read_front_matter(Page& page, Diagnostics& diags) {
    std::string_view first = std::string_view(page.source).substr(0, page.source.find('\n'));
    if (trim(first) != "---") return true;  // most pages have none: no need to split them into lines
    auto lines = split_lines(page.source);
    bool ok = true;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        int line_no = static_cast<int>(i) + 1;
        std::string line = trim(lines[i]);
        auto fail = [&](int col, std::string message, std::string hint) {
            diags.add({{page.source_path, line_no, col}, Severity::error, std::move(message), std::move(hint), {}, std::string(lines[i])});
            ok = false;
        };
        if (line == "---") {
            page.body_first_line = line_no + 1;
            return ok;
        }
        if (line.empty() || line[0] == '#') continue;
        std::size_t colon = line.find(':');
        if (colon == std::string::npos) {
            fail(1, "front matter lines are 'name: value'", "or end the front matter with a line of ---");
            continue;
        }
        std::string key = trim(line.substr(0, colon));
        std::string value = trim(line.substr(colon + 1));
        int value_col = static_cast<int>(lines[i].find(value.empty() ? ":" : value)) + 1;
        if (key == "description") page.description = value;
        else if (key == "exit-this-page" || key == "navigation") {
            auto b = yes_no(value);
            if (!b) fail(value_col, "'" + value + "' is not yes or no", "write " + key + ": yes, or " + key + ": no");
            else if (key == "navigation") page.in_navigation = *b;
            else page.exit_this_page = *b;
        } else if (key == "order") {
            try {
                page.order = std::stoi(value);
            } catch (...) {
                fail(value_col, "order must be a whole number", "e.g. order: 2");
            }
        } else {
            fail(1, "unknown front matter '" + key + "'", "known names: description, exit-this-page, navigation, order");
        }
    }
    diags.add({{page.source_path, 1, 1}, Severity::error, "the front matter is never closed", "add a line of --- after it", {}, "---"});
    return false;
}

// The body's first line, if it is a heading that reads the same parsed on
// its own as in the whole page: one "#" line first, with no "[" (a link
// there could refer to a definition further down). Then planning the site
// needs only that line parsed, not the whole page.
std::optional<std::string_view> opening_heading(std::string_view body) {
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            start = end + 1;
            continue;
        }
        std::size_t indent = line.find_first_not_of(' ');
        if (indent > 3 || line[indent] != '#' || line.find('[') != std::string_view::npos) return std::nullopt;
        std::size_t hashes = line.find_first_not_of('#', indent);
        if (hashes == std::string_view::npos) hashes = line.size();
        if (hashes - indent > 6 || (hashes < line.size() && line[hashes] != ' ' && line[hashes] != '\t')) return std::nullopt;
        return line;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Page> read_page(ContentFolder& folder, const std::string& source_path, Diagnostics& diags, bool plan_only) {
    FileStamp stamp;
    auto text = folder.read(source_path, diags, &stamp);
    if (!text) return std::nullopt;
    return page_from_text(source_path, std::move(*text), stamp, diags, plan_only);
}

std::optional<Page> page_from_text(const std::string& source_path, std::string text, const FileStamp& stamp, Diagnostics& diags, bool plan_only) {
    Page page;
    page.source_path = source_path;
    std::string name = source_path.substr(source_path.rfind('/') + 1);
    page.slug = name.substr(0, name.size() - 3);
    page.stamp = stamp;
    page.source = std::move(text);
    if (!read_front_matter(page, diags)) return std::nullopt;
    std::size_t body_start = 0;
    for (int n = 1; n < page.body_first_line; ++n) body_start = page.source.find('\n', body_start) + 1;
    std::string_view body = std::string_view(page.source).substr(body_start);
    if (auto line = plan_only ? opening_heading(body) : std::nullopt) {
        if (auto plain = plain_heading_text(*line)) {
            page.title = trim(*plain);
        } else {
            CmarkTree heading = parse_markdown(*line);
            page.title = trim(plain_text(cmark_node_first_child(heading.get())));
        }
        return page;
    }
    page.tree = parse_markdown(body);
    cmark_node* heading = nullptr;
    for (cmark_node* n = cmark_node_first_child(page.tree.get()); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            heading = n;
            break;
        }
    if (!heading) {
        diags.error({page.source_path, page.body_first_line, 1}, "the page has no heading",
                    "start it with a heading such as '# How to report a concern'; the first heading is the page's title");
        return std::nullopt;
    }
    page.title = trim(plain_text(heading));
    cmark_node_free(heading);  // the template shows the title as the page's h1
    return page;
}

namespace {

// Where a file in pages/ goes, or why it cannot: "practitioners/training.md" is
// the page practitioners/training, and "practitioners/index.md" the section's own.
struct PagePath {
    std::string slug;
    bool section_index = false;
    std::string problem, hint;
};

PagePath page_path(const std::string& name) {
    PagePath out;
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
        std::size_t slash = name.find('/', start);
        parts.push_back(name.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string stem = parts.back().substr(0, parts.back().size() - 3);
    parts.pop_back();
    for (const std::string& folder : parts)
        if (!valid_slug(folder)) {
            out.problem = "the folder name '" + folder + "' cannot be part of a page address";
            out.hint = "use lower-case letters, digits and '-', e.g. pages/for-practitioners/";
            return out;
        }
    out.section_index = stem == "index" && !parts.empty();
    if (!out.section_index && !valid_slug(stem)) {
        out.problem = "the file name '" + stem + ".md' cannot be a page address";
        out.hint = "use lower-case letters, digits and '-', e.g. how-to-report.md";
        return out;
    }
    if (!out.section_index) parts.push_back(stem);
    std::string top = parts.front();
    if (std::find(kReserved.begin(), kReserved.end(), top) != kReserved.end()) {
        out.problem = "'" + top + "' is a name safesite uses for its own pages";
        out.hint = parts.size() > 1 ? "rename the folder" : "rename the file";
        return out;
    }
    for (const std::string& part : parts) out.slug += (out.slug.empty() ? "" : "/") + part;
    return out;
}

// A file's name may become part of an address as it is.
bool valid_file_name(std::string_view name) {
    std::size_t dot = name.rfind('.');
    return dot != std::string_view::npos && dot > 0 && valid_slug(name.substr(0, dot)) &&
           std::all_of(name.begin() + static_cast<std::ptrdiff_t>(dot) + 1, name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// Bigger than this, an image is slow on a phone and a poor connection.
constexpr long long kBigImage = 500 * 1024;

std::optional<PublishedFile> read_published_file(ContentFolder& folder, const std::string& name, Diagnostics& diags) {
    PublishedFile f;
    f.source_path = "pages/" + name;
    f.file = name;
    f.kind = published_kind(name);
    std::string base = name.substr(name.rfind('/') + 1);
    std::size_t slash = name.rfind('/');
    bool folders_ok = true;
    for (std::size_t start = 0; slash != std::string::npos && start < slash;) {
        std::size_t next = name.find('/', start);
        folders_ok = folders_ok && valid_slug(name.substr(start, next - start));
        start = next + 1;
    }
    std::string top = name.substr(0, name.find('/'));
    if (slash != std::string::npos && std::find(kReserved.begin(), kReserved.end(), top) != kReserved.end()) {
        diags.error({f.source_path, 0, 0}, "'" + top + "' is a name safesite uses for its own pages", "rename the folder, e.g. pages/images/");
        return std::nullopt;
    }
    if (!valid_file_name(base) || !folders_ok) {
        diags.error({f.source_path, 0, 0}, "the name '" + name + "' cannot be part of an address",
                    "use lower-case letters, digits and '-', and a lower-case extension, e.g. images/team-photo.jpg");
        return std::nullopt;
    }
    FileStamp stamp;
    auto bytes = folder.read(f.source_path, diags, &stamp);
    if (!bytes) return std::nullopt;
    f.size = static_cast<long long>(bytes->size());
    Diagnostics found;
    if (f.kind == "PDF") {
        if (!bytes->starts_with("%PDF-")) found.error({f.source_path, 0, 0}, "the file is not a PDF", "save it again as PDF, or give it the right extension");
    } else if (f.kind == "SVG") {
        auto size = check_svg(f.source_path, *bytes, found);
        if (size) f.width = size->width, f.height = size->height;
    } else if (auto size = raster_size(f.kind, *bytes)) {
        f.width = size->width;
        f.height = size->height;
    } else {
        found.error({f.source_path, 0, 0}, "the file is not a " + f.kind + " image that safesite can read",
                    "save it again as " + f.kind + ", or give it the extension of what it is");
    }
    f.refused = found.has_errors();
    diags.append(found);
    if (!f.refused && f.is_image() && f.size > kBigImage)
        diags.warning({f.source_path, 0, 0}, "the image is " + human_size(f.size) + "; an image over " + human_size(kBigImage) + " is slow to load on a phone",
                      "make it smaller: fewer pixels, or saved as JPEG or WebP", "big-image");
    return f;
}

// "for-parents" as a heading: "For parents".
std::string section_title(std::string_view slug) {
    std::string name(slug.substr(slug.rfind('/') + 1));
    for (char& c : name)
        if (c == '-') c = ' ';
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

// Sections first, then the pages in them, by each part of the address in turn.
bool tree_order(const Page& a, const Page& b) {
    std::string_view x = a.slug, y = b.slug;
    while (!x.empty() && !y.empty()) {
        std::string_view px = x.substr(0, x.find('/')), py = y.substr(0, y.find('/'));
        if (px != py) return px < py;
        x.remove_prefix(std::min(x.size(), px.size() + 1));
        y.remove_prefix(std::min(y.size(), py.size() + 1));
    }
    return x.empty() && !y.empty();
}

}  // namespace

std::vector<Page> load_pages(ContentFolder& folder, Diagnostics& diags, const PageCache& cache, std::vector<PublishedFile>* files) {
    if (!cache.listing && !folder.has("pages")) return {};
    const std::vector<DirectoryEntry> listing = cache.listing ? std::vector<DirectoryEntry>() : list_tree(folder.fs(), join_path(folder.root(), "pages"), false);
    const std::vector<DirectoryEntry>& entries = cache.listing ? *cache.listing : listing;
    // Each file on its own, on every core (parsing takes its own lock), into
    // its own place; then those that could not be loaded are taken out, so
    // the rest stay in file name order.
    std::vector<Page> pages(entries.size());
    std::vector<std::optional<PublishedFile>> published(entries.size());
    std::vector<Diagnostics> found(entries.size());
    std::atomic<std::size_t> text_kept{0};
    parallel_for(entries.size(), cache.jobs ? cache.jobs : default_jobs(), [&](std::size_t i) {
        const DirectoryEntry& entry = entries[i];
        std::string source_path = "pages/" + entry.name;
        if (!entry.name.ends_with(".md")) {
            if (!published_kind(entry.name).empty() && !entry.is_directory) published[i] = read_published_file(folder, entry.name, found[i]);
            else
                found[i].warning({source_path, 0, 0}, entry.is_directory ? "safesite does not follow a link to a folder, and publishes nothing in it"
                                                                           : "safesite does not publish this file",
                                 "pages/ holds pages (.md) and the images and documents they show (.png, .jpg, .webp, .gif, .svg, .pdf)",
                                 "not-published");
            return;
        }
        PagePath where = page_path(entry.name);
        if (!where.problem.empty()) {
            found[i].error({source_path, 0, 0}, where.problem, where.hint);
            return;
        }
        std::optional<Page> page = cache.unchanged && entry.stamp ? cache.unchanged(source_path, entry.stamp) : std::nullopt;
        if (page) {
            page->source_path = std::move(source_path);
            page->unchanged = true;
        } else {
            page = read_page(folder, source_path, found[i], true);
            if (!page) return;
        }
        page->slug = std::move(where.slug);
        page->section_index = where.section_index;
        page->linked = entry.is_symlink;
        // Only what other pages need stays in memory, with the text as read
        // while it fits the budget; a page past it is read again when it is built.
        page->tree.reset();
        if (std::size_t size = page->source.size(); text_kept.fetch_add(size) + size > cache.text_budget) page->release_body();
        pages[i] = std::move(*page);
    });
    for (const Diagnostics& d : found) diags.append(d);
    std::erase_if(pages, [](const Page& p) { return p.slug.empty(); });  // not loaded
    if (files)
        for (auto& f : published)
            if (f) files->push_back(std::move(*f));

    // Every section has a page: its index.md, or one made to list its pages.
    std::set<std::string> sections, indexed;
    std::map<std::string, const Page*> by_slug;
    for (const Page& p : pages) {
        if (p.section_index) indexed.insert(p.slug);
        for (std::string s = p.parent(); !s.empty(); s = s.substr(0, s.rfind('/') == std::string::npos ? 0 : s.rfind('/'))) sections.insert(s);
        if (auto [it, added] = by_slug.emplace(p.slug, &p); !added)
            diags.error({(p.section_index ? p : *it->second).source_path, 0, 0},
                        "pages/" + p.slug + ".md and the section pages/" + p.slug + "/ would have the same address",
                        "make it the section's own page: move it to pages/" + p.slug + "/index.md");
    }
    for (const std::string& s : sections) {
        if (indexed.count(s)) continue;
        Page made;
        made.slug = s;
        made.section_index = true;
        made.generated = true;
        made.title = section_title(s);
        pages.push_back(std::move(made));
    }
    // Pages are big to move. A site's listing is usually in this order already, but for the sections made.
    return sorted_moving_once(std::move(pages), tree_order);
}

}  // namespace safesite
