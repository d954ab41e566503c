#include "render/pages/pages.h"

namespace safesite {

PageFrame free_page(const SiteContext& site, const SitePage& page, const Page& source) {
    MarkdownContext ctx = markdown_context_for(site, page.file);
    RenderedMarkdown body = render_markdown(source.tree.get(), ctx);
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/page";
    frame.exit_this_page = source.exit_this_page.value_or(site.content.site.exit_this_page);
    frame.contents = std::move(body.headings);
    frame.values = Record{{"body", body.body}, {"description", source.description}};
    return frame;
}

}  // namespace safesite
