// A whole content folder, loaded kind by kind. Every loader reports into
// the same diagnostics, so one run shows every problem.
#include "content/child_loader.h"
#include "content/framework_loader.h"
#include "content/offer_loader.h"
#include "content/report_loader.h"
#include "content/site_loader.h"
#include "support/text.h"

#include <algorithm>
#include <set>
#include <vector>

namespace safesite {

namespace {

// The files a content folder keeps beside its content on purpose, named in
// its .safesite-ignore, one a line ("notes.txt", or "drafts/" for a folder;
// "#" starts a comment): safesite leaves them alone, without a warning.
std::vector<std::string> kept_aside(ContentFolder& folder, Diagnostics& diags) {
    std::vector<std::string> out;
    if (!folder.has(".safesite-ignore")) return out;
    auto text = folder.read(".safesite-ignore", diags);
    if (!text) return out;
    for (std::string_view line : split_lines(*text)) {
        std::string name = trim(line.substr(0, line.find('#')));
        if (!name.empty()) out.push_back(name);
    }
    return out;
}

// Every file in the content folder outside pages/ (which load_pages looks
// after) that no loader read gets a warning: nothing is skipped in silence.
void warn_unread_files(ContentFolder& folder, const Content& content, Diagnostics& diags) {
    std::set<std::string> read;
    const std::vector<std::string> aside = kept_aside(folder, diags);
    auto add = [&](const std::optional<MarkdownText>& md) {
        if (md) read.insert(md->source_path);
    };
    if (content.local_offer) {
        add(content.local_offer->intro);
        for (const Entitlement& e : content.local_offer->entitlements) add(e.more);
    }
    for (const Report& r : content.reports) {
        for (const ReportSection& s : r.sections) read.insert(s.text.source_path);
        add(r.scrutiny);
        add(r.voice);
        add(r.children_summary);
    }
    // A page in pages/ may be a symlink to a file elsewhere in the folder, so
    // that the same Markdown reads well where it is (a project's docs/, say):
    // the file it points to is read, as that page. The listing said which
    // pages are links, so thousands of pages are not looked at one by one.
    auto linked = [](const Page& page) { return page.linked; };
    auto real_root = std::any_of(content.pages.begin(), content.pages.end(), linked) ? folder.fs().real_path(folder.root()) : std::nullopt;
    for (const Page& page : content.pages) {
        if (!page.linked || !real_root) continue;
        auto real = folder.fs().real_path(join_path(folder.root(), page.source_path));
        if (real && real->starts_with(*real_root + "/")) read.insert(real->substr(real_root->size() + 1));
    }
    // A folder whose XML file did not load (it has errors of its own) may
    // name every file beside it: they are not called unread, which would send
    // people to the wrong file.
    std::set<std::string> loaded;
    for (const Report& r : content.reports) loaded.insert(r.source_path);
    if (content.local_offer) loaded.insert(content.local_offer->source_path);
    std::vector<DirectoryEntry> entries = list_tree(folder.fs(), folder.root(), false, "pages");
    std::vector<std::string> not_loaded;
    for (const DirectoryEntry& e : entries) {
        bool names_files = e.name == "local-offer/offer.xml" ||
                           (e.name.starts_with("reports/") && e.name.ends_with("/report.xml") &&
                            std::count(e.name.begin(), e.name.end(), '/') == 2);
        if (names_files && !loaded.count(e.name)) not_loaded.push_back(e.name.substr(0, e.name.rfind('/') + 1));
    }
    auto beside_unloaded = [&](const std::string& path) {
        return std::any_of(not_loaded.begin(), not_loaded.end(), [&](const std::string& dir) { return path.starts_with(dir); });
    };
    // pages/ is left to load_pages, which warns of what it does not read there itself.
    for (const DirectoryEntry& e : entries) {
        const std::string& path = e.name;
        if (beside_unloaded(path)) continue;
        if (std::any_of(aside.begin(), aside.end(), [&](const std::string& a) { return a.ends_with('/') ? path.starts_with(a) : path == a; }))
            continue;
        std::size_t slash = path.find('/');
        std::string top = path.substr(0, slash), rest = slash == std::string::npos ? std::string() : path.substr(slash + 1);
        bool known = path == "site.xml" || path == "glossary.xml" || path == "partnership.xml" || top == "pages" || read.count(path) ||
                     ((top == "inspections" || top == "frameworks") && rest.find('/') == std::string::npos && rest.ends_with(".xml")) ||
                     ((top == "children" || top == "reports") && std::count(rest.begin(), rest.end(), '/') == 1 &&
                      rest.ends_with(top == "children" ? "/child.xml" : "/report.xml")) ||
                     path == "local-offer/offer.xml";
        if (!known)
            diags.warning({path, 0, 0}, "safesite does not read this file, and does not publish it",
                          "a page goes in pages/; a Markdown text is named by the XML file beside it, e.g. <section href=\"foreword.md\"/>; "
                          "anything else belongs outside the content folder",
                          "not-published");
    }
}

}  // namespace

Content load_content(FileSystem& fs, const std::string& content_dir, const std::string& templates_dir, Diagnostics& diags,
                     ContentLimits limits, const PageCache& page_cache, bool with_children) {
    Content content;
    ContentFolder folder(fs, content_dir, limits);
    if (!folder.exists()) {
        diags.error({content_dir, 0, 0}, "the content folder does not exist", "pass --content DIR, or run from the project folder");
        return content;
    }
    if (auto site = load_site(folder, diags)) {
        content.site = std::move(*site);
        content.site_loaded = true;
    }
    if (auto glossary = load_glossary(folder, diags)) {
        content.glossary = std::move(*glossary);
        content.glossary_loaded = true;
    }
    content.pages = load_pages(folder, diags, page_cache, &content.files);
    content.frameworks = load_frameworks(folder, diags);
    content.inspections = load_inspections(folder, diags);
    if (with_children) content.children = load_children(folder, diags);
    content.local_offer = load_local_offer(folder, diags);
    content.partnership = load_partnership(folder, diags);
    content.reports = load_reports(folder, diags);
    warn_unread_files(folder, content, diags);
    if (auto theme = load_theme(fs, templates_dir, templates_dir, diags)) content.theme = std::move(*theme);
    return content;
}

}  // namespace safesite
