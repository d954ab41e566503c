#include "importers/code_lists.h"

#include <algorithm>

#include "content/xml_document.h"
#include "support/text.h"

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
    list.replaces = attribute(root, "replaces").value_or("");
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

namespace {

// "the census year of this file": the year is the file's, not the list's.
std::string year_words(const std::string& year, std::string_view id) {
    return year + (id.starts_with("cin-") ? " (the census year of this file)" : " (the collection year of this return)");
}

// "1 and 2", "0, 1, 2 and 9".
std::string codes_and(const std::vector<std::string>& codes) {
    std::string out;
    for (std::size_t i = 0; i < codes.size(); ++i) out += (i == 0 ? "" : i + 1 == codes.size() ? " and " : ", ") + codes[i];
    return out;
}

// The code nearest to a wrong one: of those that begin as it does (K1 for
// K3, not A3), the nearest in spelling; else the nearest of all.
std::string nearest_code(const std::string& wrong, const std::vector<std::string>& codes) {
    auto common = [&](const std::string& c) {
        std::size_t n = 0;
        while (n < c.size() && n < wrong.size() && c[n] == wrong[n]) ++n;
        return n;
    };
    std::size_t longest = 0;
    for (const std::string& c : codes) longest = std::max(longest, common(c));
    std::vector<std::string> alike;
    for (const std::string& c : codes)
        if (longest > 0 && common(c) == longest) alike.push_back(c);
    std::string found = alike.empty() ? std::string() : nearest_name(wrong, alike);
    return found.empty() ? nearest_name(wrong, codes) : found;
}

}  // namespace

// A hint lists a short list whole; a long one only by its nearest code, and
// where the manual lists it.
constexpr std::size_t kCodesInAHint = 12;

std::optional<std::string> CodeLists::words(std::string_view id, const std::string& code, const Location& where, Diagnostics& diags) {
    const CodeList* list = find(id);
    if (!list) {
        diags.error(where, "safesite has no list of codes '" + std::string(id) + "' for " + year_);
        return std::nullopt;
    }
    if (auto it = list->words.find(code); it != list->words.end()) return it->second;
    std::string what = list->field + " '" + code + "'";
    if (auto r = list->retired.find(code); r != list->retired.end()) {
        diags.error(where, what + " is no longer used in " + year_words(year_, id), "use " + r->second + " instead");
        return std::nullopt;
    }
    std::string message = code.empty() ? list->field + " is missing, which " + year_words(year_, id) + " needs"
                                       : what + " is not a code for " + year_words(year_, id);
    // A code from the list this one replaced ("1" for male before Sex was M, F, U).
    if (const CodeList* before = earlier(*list); before && !code.empty() && before->words.count(code))
        message += "; " + year_ + " uses " + codes_and(list->order) + ", where earlier years used " + codes_and(before->order) + " in " +
                   before->field;
    std::string hint;
    if (list->order.size() <= kCodesInAHint) {
        std::string codes;
        for (const std::string& c : list->order) codes += (codes.empty() ? "" : ", ") + c;
        hint = "use one of " + codes;
    } else {
        std::string nearest = code.empty() ? std::string() : nearest_code(code, list->order);
        if (!nearest.empty()) hint = "did you mean " + nearest + " (" + list->words.at(nearest) + ")? ";
        hint += "the " + std::to_string(list->order.size()) + " " + list->name + " codes for " + year_ +
                " are listed in the manual: docs/code-lists.md, under " + list->id;
    }
    diags.error(where, message, hint);
    return std::nullopt;
}

const CodeList* CodeLists::earlier(const CodeList& list) {
    if (list.from <= "2013-14" && list.replaces.empty()) return nullptr;
    // The year before the list began: "2024-25" gives "2023-24".
    int start = std::stoi(list.from.substr(0, 4)) - 1;
    CodeLists before(collection_year_of(start, 4));
    const CodeList* found = before.find(list.replaces.empty() ? list.id : list.replaces);
    if (!found || found->from >= list.from) return nullptr;
    return &earlier_.emplace(found->id + "@" + found->from, *found).first->second;
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
