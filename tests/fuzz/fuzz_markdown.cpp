// libFuzzer: any bytes as a page's Markdown, parsed, checked and rendered.
// The rendered HTML must never contain a raw "<script" or an event handler.
#include "analysis/abbreviations.h"
#include "analysis/site_checks.h"
#include "content/markdown_document.h"
#include "render/markdown_html.h"

#include <cctype>
#include <cstdlib>
#include <string>

using namespace safesite;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    prepare_markdown();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    static Glossary glossary{{{"cse", "CSE", "Child sexual exploitation", "p", {}}}};
    static AbbreviationIndex index(glossary);
    static SiteMap map = [] {
        SiteMap m;
        m.add({"", "index.html", "Home", "home", ""});
        m.add({"about", "about.html", "About", "page", "about"});
        return m;
    }();
    CmarkTree tree = parse_markdown(text);
    std::string path = "pages/fuzz.md";
    Diagnostics diags;
    check_markdown({path, text, 1, tree.get()}, map, &index, diags);
    MarkdownContext ctx;
    ctx.abbreviations = &index;
    ctx.glossary_url = "glossary.html";
    ctx.resolve_link = [](std::string_view link) -> std::optional<std::string> {
        if (link == "about") return std::string("about.html");
        return std::nullopt;
    };
    std::string html = render_markdown(tree.get(), ctx).body.markup();
    // Text is escaped, so every '<' in the output opens a tag we wrote.
    // Look inside each tag: no script-like element, no event handler, no
    // unsafe URL.
    for (std::size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
        std::size_t gt = html.find('>', lt);
        if (gt == std::string::npos) std::abort();  // an unterminated tag
        std::string tag = html.substr(lt + 1, gt - lt - 1);
        for (const char* element : {"script", "iframe", "style", "object", "embed", "svg", "math"})
            if (tag.rfind(element, 0) == 0) std::abort();
        // Attribute names are what follows a space and precedes '=' outside quotes.
        bool quoted = false;
        for (std::size_t i = 0; i < tag.size(); ++i) {
            if (tag[i] == '"') quoted = !quoted;
            if (quoted || tag[i] != ' ') continue;
            std::string rest = tag.substr(i + 1);
            if (rest.rfind("on", 0) == 0) std::abort();
            for (const char* url : {"href=\"", "src=\""})
                if (rest.rfind(url, 0) == 0) {
                    std::string value = rest.substr(std::string(url).size());
                    value = value.substr(0, value.find('"'));
                    // A scheme is what comes before a ':' that has no '/', '?' or '#' before it.
                    std::size_t colon = value.find(':');
                    if (colon == std::string::npos || value.find_first_of("/?#") < colon) continue;
                    std::string scheme = value.substr(0, colon);
                    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    if (scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel") std::abort();
                }
        }
    }
    return 0;
}
