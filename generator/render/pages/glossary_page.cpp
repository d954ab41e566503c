#include "render/pages/pages.h"

#include <algorithm>
#include <cctype>

namespace safesite {

PageFrame glossary_page(const SiteContext& site, const SitePage& page) {
    std::vector<const Term*> terms;
    for (const Term& t : site.content.glossary.terms) terms.push_back(&t);
    auto shown = [](const Term* t) { return t->abbr.empty() ? t->name : t->abbr; };
    auto key = [&](const Term* t) {
        std::string k = shown(t);
        std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
        return k;
    };
    std::stable_sort(terms.begin(), terms.end(), [&](const Term* a, const Term* b) { return key(a) < key(b); });

    List letters;
    List current;
    std::string letter;
    auto flush = [&] {
        if (current.empty()) return;
        letters.push_back(Record{{"letter", letter}, {"id", "letter-" + letter}, {"terms", current}});
        current = List{};
    };
    for (const Term* t : terms) {
        char first = static_cast<char>(std::toupper(static_cast<unsigned char>(shown(t)[0])));
        std::string l = std::isalpha(static_cast<unsigned char>(first)) ? std::string(1, first) : std::string("0-9");
        if (l != letter) {
            flush();
            letter = l;
        }
        current.push_back(Record{{"id", t->id}, {"abbr", t->abbr}, {"name", t->name}, {"plain", t->plain}});
    }
    flush();

    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/glossary";
    frame.exit_this_page = site.content.site.exit_this_page;
    frame.values = Record{{"letters", letters},
                          {"count", static_cast<int>(terms.size())},
                          {"description", "Plain-English meanings of the words and abbreviations used on this site."}};
    return frame;
}

}  // namespace safesite
