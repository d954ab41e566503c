#include "render/pages/pages.h"

#include "analysis/site_checks.h"
#include "support/path_segments.h"

#include <algorithm>

namespace safesite {

namespace {

// The glossary terms this page used, to explain them again at its foot:
// each as every page in the folder shows it, made once.
List words_used(const SiteContext& site, const SitePage& page, const MarkdownContext& ctx) {
    std::vector<const Term*> terms(ctx.expanded.begin(), ctx.expanded.end());
    std::sort(terms.begin(), terms.end(), [](const Term* a, const Term* b) { return a->abbr < b->abbr; });
    auto folder = site.folders.find(std::string(folder_of(page.file)));
    List out;
    out.reserve(terms.size());
    for (const Term* t : terms) {
        const Value* made = nullptr;
        if (folder != site.folders.end())
            if (auto w = folder->second.words.find(t); w != folder->second.words.end()) made = &w->second;
        out.push_back(made ? *made : word_on_page(*t, ctx.glossary_url));
    }
    return out;
}

const std::vector<const Page*>& section_pages(const SiteContext& site, const std::string& section) {
    static const std::vector<const Page*> none;
    auto it = site.sections.find(section);
    return it == site.sections.end() ? none : it->second;
}

// Previous and next pages in navigation order within the page's section, for reading it through.
Record neighbours(const SiteContext& site, const SitePage& page, const Page& source) {
    const auto& ordered = section_pages(site, source.parent());
    auto link = [&](const Page* p) -> Value {
        if (!p) return Value();
        return Record{{"title", p->title}, {"href", relative_url(page.file, p->file())}};
    };
    auto found = site.position.find(&source);
    const Page* previous = nullptr;
    const Page* next = nullptr;
    if (found != site.position.end() && found->second < ordered.size() && ordered[found->second] == &source) {
        if (found->second > 0) previous = ordered[found->second - 1];
        if (found->second + 1 < ordered.size()) next = ordered[found->second + 1];
    }
    return Record{{"previous", link(previous)}, {"next", link(next)}, {"any", previous || next}};
}

// A section's pages, for its own page to list.
List pages_in_section(const SiteContext& site, const SitePage& page, const Page& source) {
    List out;
    if (!source.section_index) return out;
    for (const Page* p : section_pages(site, source.slug))
        out.push_back(Record{{"title", p->title}, {"href", relative_url(page.file, p->file())}, {"description", p->description}});
    return out;
}

// Home, then each section the page is in, from the top.
std::vector<Crumb> sections_above(const SiteContext& site, const Page& source) {
    std::vector<Crumb> crumbs;
    std::string parent = source.parent();
    for (std::size_t end = 0; !parent.empty() && end != std::string::npos;) {
        end = parent.find('/', end + 1);
        if (const SitePage* section = site.map.find(parent.substr(0, end))) crumbs.push_back({section->title, section->file});
    }
    return crumbs;
}

PageFrame section_frame(const SiteContext& site, const SitePage& page, const Page& source) {
    PageFrame frame;
    frame.page = &page;
    frame.parents = sections_above(site, source);
    frame.exit_this_page = source.exit_this_page.value_or(site.content.site.exit_this_page);
    return frame;
}

}  // namespace

PageFrame free_page(const SiteContext& site, const SitePage& page, const Page& source, cmark_node* body_tree) {
    MarkdownContext ctx = markdown_context_for(site, page.file, page.file);
    RenderedMarkdown body = render_markdown(body_tree, ctx);
    PageFrame frame = section_frame(site, page, source);
    frame.template_name = "pages/page";
    frame.contents = std::move(body.headings);
    frame.values = Record{{"body", std::move(body.body)}, {"description", source.description}, {"words", words_used(site, page, ctx)},
                          {"pagination", neighbours(site, page, source)}, {"section_pages", pages_in_section(site, page, source)}};
    return frame;
}

PageFrame section_page(const SiteContext& site, const SitePage& page, const Page& source) {
    PageFrame frame = section_frame(site, page, source);
    frame.template_name = "pages/section";
    frame.values = Record{{"section_pages", pages_in_section(site, page, source)}, {"pagination", neighbours(site, page, source)},
                          {"description", "The pages in " + source.title + "."}};
    return frame;
}

}  // namespace safesite
