#include "importers/code_lists.h"

#include "content/xml_document.h"

namespace safesite {

std::string collection_year_of(int year, int month) {
    int start = month >= 4 ? year : year - 1;
    std::string end = std::to_string((start + 1) % 100);
    return std::to_string(start) + "-" + (end.size() < 2 ? "0" : "") + end;
}

namespace {

CodeList parse_list(std::string_view name, std::string_view text) {
    CodeList list;
    Diagnostics ignored;  // the lists are ours and tested; see code_lists_test
    auto doc = XmlDocument::parse("code-lists/" + std::string(name) + ".xml", std::string(text), ignored);
    if (!doc) return list;
    const xmlNode* root = doc->root();
    list.id = attribute(root, "id").value_or("");
    list.from = attribute(root, "from").value_or("");
    list.name = attribute(root, "name").value_or("");
    list.field = attribute(root, "field").value_or("");
    for (const xmlNode* c : child_elements(root, "code")) {
        std::string value = attribute(c, "value").value_or("");
        list.words[value] = folded_text(c);
        list.order.push_back(value);
        for (const xmlAttr* a = c->properties; a; a = a->next) {
            std::string attr = reinterpret_cast<const char*>(a->name);
            if (attr != "value") list.flags[value][attr] = attribute(c, attr).value_or("");
        }
    }
    for (const xmlNode* r : child_elements(root, "retired"))
        list.retired[attribute(r, "value").value_or("")] = attribute(r, "replaced-by").value_or("");
    return list;
}

}  // namespace

const CodeList* CodeLists::find(std::string_view id) {
    if (auto it = cache_.find(id); it != cache_.end()) return &it->second;
    // File names are "<id>-<YYYY-YY>": the latest one not after the year.
    std::string_view best;
    std::string best_name, best_from;
    for (const auto& [name, text] : built_in_code_list_all()) {
        if (name.size() != id.size() + 8 || name.compare(0, id.size(), id) != 0 || name[id.size()] != '-') continue;
        std::string from = name.substr(id.size() + 1);
        bool in_force = from <= year_ && from > best_from;
        bool earliest = best_from.empty() || (best_from > year_ && from < best_from);
        if (in_force || earliest) {
            best = text;
            best_name = name;
            best_from = from;
        }
    }
    if (best.empty()) return nullptr;
    return &cache_.emplace(std::string(id), parse_list(best_name, best)).first->second;
}

std::optional<std::string> CodeLists::words(std::string_view id, const std::string& code, const Location& where, Diagnostics& diags) {
    const CodeList* list = find(id);
    if (!list) {
        diags.error(where, "safesite has no list of codes '" + std::string(id) + "' for " + year_);
        return std::nullopt;
    }
    if (auto it = list->words.find(code); it != list->words.end()) return it->second;
    std::string what = list->field + " '" + code + "'";
    if (auto r = list->retired.find(code); r != list->retired.end()) {
        diags.error(where, what + " is no longer used in " + year_ + " (list " + list->id + " from " + list->from + ")",
                    "use " + r->second + " instead");
        return std::nullopt;
    }
    std::string codes;
    for (const std::string& c : list->order) codes += (codes.empty() ? "" : ", ") + c;
    diags.error(where,
                (code.empty() ? list->field + " is missing" : what + " is not in the list of " + list->name + " codes") + " for " + year_ +
                    " (" + list->id + " from " + list->from + ")",
                "use one of " + codes);
    return std::nullopt;
}

std::string CodeLists::flag(std::string_view id, const std::string& code, const std::string& attr) {
    const CodeList* list = find(id);
    if (!list) return {};
    auto it = list->flags.find(code);
    if (it == list->flags.end()) return {};
    auto f = it->second.find(attr);
    return f == it->second.end() ? std::string() : f->second;
}

}  // namespace safesite
