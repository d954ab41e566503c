// content/pages/*.md into Pages: optional front matter, then Markdown whose
// first heading is the title.
#include "content/site_loader.h"
#include "support/parallel.h"
#include "support/text.h"

#include <algorithm>
#include <array>
#include <set>

namespace safesite {

namespace {

// Output names the generator itself uses; a free page cannot take them.
constexpr std::array<std::string_view, 9> kReserved = {"index", "glossary", "accessibility", "404", "sitemap", "robots", "assets", "search", "all-pages"};

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
    Page page;
    page.source_path = source_path;
    std::string name = source_path.substr(source_path.rfind('/') + 1);
    page.slug = name.substr(0, name.size() - 3);
    auto text = folder.read(page.source_path, diags, &page.stamp);
    if (!text) return std::nullopt;
    page.source = std::move(*text);
    if (!read_front_matter(page, diags)) return std::nullopt;
    std::size_t body_start = 0;
    for (int n = 1; n < page.body_first_line; ++n) body_start = page.source.find('\n', body_start) + 1;
    std::string_view body = std::string_view(page.source).substr(body_start);
    if (auto line = plan_only ? opening_heading(body) : std::nullopt) {
        CmarkTree heading = parse_markdown(*line);
        page.title = trim(plain_text(cmark_node_first_child(heading.get())));
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
        diags.add({{page.source_path, page.body_first_line, 1}, Severity::error, "the page has no heading",
                   "start it with a heading such as '# How to report a concern'; the first heading is the page's title", {}, {}});
        return std::nullopt;
    }
    page.title = trim(plain_text(heading));
    cmark_node_free(heading);  // the template shows the title as the page's h1
    return page;
}

std::vector<Page> load_pages(ContentFolder& folder, Diagnostics& diags, const PageCache& cache) {
    if (!cache.listing && !folder.has("pages")) return {};
    const std::vector<DirectoryEntry> listing = cache.listing ? std::vector<DirectoryEntry>() : folder.list("pages");
    const std::vector<DirectoryEntry>& entries = cache.listing ? *cache.listing : listing;
    // Each file on its own, on every core (parsing takes its own lock), into
    // its own place; then those that could not be loaded are taken out, so
    // the rest stay in file name order.
    std::vector<Page> pages(entries.size());
    std::vector<Diagnostics> found(entries.size());
    parallel_for(entries.size(), cache.jobs ? cache.jobs : default_jobs(), [&](std::size_t i) {
        const DirectoryEntry& entry = entries[i];
        if (entry.is_directory || !entry.name.ends_with(".md")) return;
        std::string slug = entry.name.substr(0, entry.name.size() - 3);
        std::string source_path = "pages/" + entry.name;
        if (!valid_slug(slug)) {
            found[i].error({source_path, 0, 0}, "the file name '" + entry.name + "' cannot be a page address",
                           "use lower-case letters, digits and '-', e.g. how-to-report.md");
            return;
        }
        if (std::find(kReserved.begin(), kReserved.end(), slug) != kReserved.end()) {
            found[i].error({source_path, 0, 0}, "'" + slug + "' is a name safesite uses for its own pages", "rename the file");
            return;
        }
        std::optional<Page> page = cache.unchanged && entry.stamp ? cache.unchanged(source_path, entry.stamp) : std::nullopt;
        if (page) {
            page->slug = std::move(slug);
            page->source_path = std::move(source_path);
            page->unchanged = true;
        } else {
            page = read_page(folder, source_path, found[i], true);
            if (!page) return;
        }
        // Only what other pages need stays in memory; the body is read again when the page is built.
        page->release_body();
        pages[i] = std::move(*page);
    });
    for (const Diagnostics& d : found) diags.append(d);
    std::erase_if(pages, [](const Page& p) { return p.slug.empty(); });  // not loaded
    return pages;
}

}  // namespace safesite
