// content/glossary.xml into a Glossary.
#include "content/site_loader.h"
#include "content/xml_file.h"
#include "support/text.h"

#include <map>

namespace safesite {

std::optional<Glossary> load_glossary(ContentFolder& folder, Diagnostics& diags) {
    Glossary glossary;
    auto doc = load_xml_file(folder, "glossary.xml", "glossary", false, diags);
    if (!doc) return folder.has("glossary.xml") ? std::nullopt : std::optional<Glossary>(glossary);
    std::map<std::string, Location> seen_ids;
    for (const xmlNode* t : child_elements(doc->root(), "term")) {
        Term term;
        term.abbr = attribute(t, "abbr").value_or("");
        term.name = folded_text(first_child(t, "name"));
        term.plain = folded_text(first_child(t, "plain"));
        term.where = doc->locate(t);
        term.id = slugify(term.abbr.empty() ? term.name : term.abbr);
        if (auto [it, added] = seen_ids.emplace(term.id, term.where); !added) {
            diags.add(doc->diagnostic_at(term.where, Severity::error,
                                         "the term '" + (term.abbr.empty() ? term.name : term.abbr) + "' is already defined at line " +
                                             std::to_string(it->second.line),
                                         "keep one definition of each term"));
            continue;
        }
        glossary.terms.push_back(std::move(term));
    }
    return glossary;
}

}  // namespace safesite
