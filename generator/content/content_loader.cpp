// A whole content folder, loaded kind by kind. Every loader reports into
// the same diagnostics, so one run shows every problem.
#include "content/child_loader.h"
#include "content/framework_loader.h"
#include "content/offer_loader.h"
#include "content/report_loader.h"
#include "content/site_loader.h"

namespace safesite {

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
    content.pages = load_pages(folder, diags, page_cache);
    content.frameworks = load_frameworks(folder, diags);
    content.inspections = load_inspections(folder, diags);
    if (with_children) content.children = load_children(folder, diags);
    content.local_offer = load_local_offer(folder, diags);
    content.partnership = load_partnership(folder, diags);
    content.reports = load_reports(folder, diags);
    if (auto theme = load_theme(fs, templates_dir, templates_dir, diags)) content.theme = std::move(*theme);
    return content;
}

}  // namespace safesite
