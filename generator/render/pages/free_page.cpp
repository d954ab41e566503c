#include "render/pages/pages.h"

#include "analysis/site_checks.h"

#include <algorithm>

namespace safesite {

namespace {

// The glossary terms this page used, to explain them again at its foot.
List words_used(const MarkdownContext& ctx) {
    std::vector<const Term*> terms(ctx.expanded.begin(), ctx.expanded.end());
    std::sort(terms.begin(), terms.end(), [](const Term* a, const Term* b) { return a->abbr < b->abbr; });
    List out;
    for (const Term* t : terms)
        out.push_back(Record{{"abbr", t->abbr}, {"name", t->name}, {"plain", t->plain}, {"href", ctx.glossary_url + "#" + t->id}});
    return out;
}

// Previous and next pages in navigation order, for reading the site through.
Record neighbours(const SiteContext& site, const SitePage& page, const Page& source) {
    const auto& ordered = site.ordered_pages;
    auto link = [&](const Page* p) -> Value {
        if (!p) return Value();
        return Record{{"title", p->title}, {"href", relative_url(page.file, p->slug + ".html")}};
    };
    auto found = site.position.find(&source);
    const Page* previous = nullptr;
    const Page* next = nullptr;
    if (found != site.position.end()) {
        if (found->second > 0) previous = ordered[found->second - 1];
        if (found->second + 1 < ordered.size()) next = ordered[found->second + 1];
    }
    return Record{{"previous", link(previous)}, {"next", link(next)}, {"any", previous || next}};
}

}  // namespace

PageFrame free_page(const SiteContext& site, const SitePage& page, const Page& source, cmark_node* body_tree) {
    MarkdownContext ctx = markdown_context_for(site, page.file);
    RenderedMarkdown body = render_markdown(body_tree, ctx);
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/page";
    frame.exit_this_page = source.exit_this_page.value_or(site.content.site.exit_this_page);
    frame.contents = std::move(body.headings);
    frame.values = Record{{"body", std::move(body.body)}, {"description", source.description}, {"words", words_used(ctx)},
                          {"pagination", neighbours(site, page, source)}};
    return frame;
}

}  // namespace safesite
