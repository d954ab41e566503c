#include "content/structure_check.h"

#include "content/value_formats.h"
#include "support/concat.h"

#include <map>
#include <set>

namespace safesite {

std::string guide_heading(std::string_view schema_name) {
    static const std::map<std::string, std::string, std::less<>> headings = {
        {"site", "site.xml"},
        {"glossary", "glossary.xml"},
        {"inspection", "inspections/<id>.xml"},
        {"child", "children/<id>/child.xml"},
        {"offer", "local-offer/offer.xml"},
        {"partnership", "partnership.xml"},
        {"report", "reports/<period>/report.xml"},
        {"framework", "frameworks/<id>.xml"},
        {"theme", "templates/theme.xml"},
    };
    auto it = headings.find(schema_name);
    return it == headings.end() ? std::string(schema_name) : it->second;
}

std::string guide_reference(std::string_view schema_name) { return "see \"" + guide_heading(schema_name) + "\" in docs/content.md"; }

namespace {

std::string quoted(std::string_view value) {
    std::string v(value);
    if (v.size() > 60) v = v.substr(0, 57) + "...";
    return v;
}

std::string list_of(const std::vector<std::string>& names, std::string_view before, std::string_view after) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " and " : ", ";
        out += std::string(before) + names[i] + std::string(after);
    }
    return out;
}

// Only the text directly inside `node`, as the schema sees it.
std::string own_text(const xmlNode* node) {
    std::string out;
    for (const xmlNode* c = node->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) out += reinterpret_cast<const char*>(c->content);
    return out;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

class Walker {
public:
    Walker(const XmlDocument& document, std::string_view schema_name, Diagnostics& diags)
        : document_(document), guide_(guide_reference(schema_name)), diags_(diags) {}

    void root(const xmlNode* node, const ElementRule& rule) {
        std::string name = element_name(node);
        if (name != rule.name) {
            std::string near = nearest_name(name, {rule.name});
            error(document_.locate(node), "this file starts with <" + name + ">" + (near.empty() ? "" : "; did you mean <" + near + ">?"),
                  "start it with <" + rule.name + ">");
            return;
        }
        element(node, rule);
    }

    bool found() const { return found_; }

private:
    void error(const Location& where, std::string message, const std::string& fix) {
        found_ = true;
        diags_.add(document_.diagnostic_at(where, Severity::error, std::move(message), fix + "; " + guide_));
    }

    void element(const xmlNode* node, const ElementRule& rule) {
        // The schemas name elements and attributes in no namespace; the rules compare local names.
        if (node->ns)
            error(document_.locate(node), concat("<", element_name(node), "> is in a namespace, which safesite's files do not use"),
                  concat("write <", rule.name, "> without a prefix, and take out xmlns=\"...\""));
        for (const xmlAttr* a = node->properties; a; a = a->next)
            if (a->ns) {
                std::string_view prefix = a->ns->prefix ? reinterpret_cast<const char*>(a->ns->prefix) : "";
                std::string name = concat(prefix, prefix.empty() ? "" : ":", reinterpret_cast<const char*>(a->name));
                error(document_.locate(node), concat("<", rule.name, "> has the attribute '", name, "', which is in a namespace"),
                      concat("take out ", name, "=\"...\""));
            }
        attributes(node, rule);
        children(node, rule);
        text(node, rule);
    }

    void attributes(const xmlNode* node, const ElementRule& rule) {
        // Built only when a mistake is told.
        auto allowed = [&] {
            std::vector<std::string> names;
            for (const auto& a : rule.attributes) names.push_back(a.name);
            return names;
        };
        std::set<std::string> suggested;
        for (const xmlAttr* a = node->properties; a; a = a->next) {
            std::string_view name = reinterpret_cast<const char*>(a->name);
            // Located only for a message: finding it costs a search of the start tag.
            auto where = [&] { return document_.locate_attribute(node, name); };
            const AttributeRule* ar = rule.attribute(name);
            if (!ar) {
                std::string near = nearest_name(name, allowed());
                if (!near.empty() && !node_has_attribute(node, near)) suggested.insert(near);
                std::string message = "<" + rule.name + "> has no attribute '" + std::string(name) + "'";
                if (!near.empty()) message += "; did you mean '" + near + "'?";
                error(where(), message,
                      rule.attributes.empty() ? "<" + rule.name + "> takes no attributes" : "<" + rule.name + "> takes " + list_of(allowed(), "", ""));
                continue;
            }
            // An attribute's value is one text node, read in place, unless it held character references.
            std::string joined;
            const char* in_place = only_text(reinterpret_cast<const xmlNode*>(a));
            if (!in_place) {
                xmlChar* raw = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
                joined = raw ? reinterpret_cast<const char*>(raw) : "";
                xmlFree(raw);
            }
            std::string_view value = in_place ? std::string_view(in_place) : std::string_view(joined);
            if (!value_allowed(ar->value, value))
                value_error(where(), rule.name, std::string(name) + "=\"" + quoted(value) + "\"", ar->name, ar->value, std::string(value));
        }
        for (const auto& a : rule.attributes) {
            if (!a.required || node_has_attribute(node, a.name) || suggested.count(a.name)) continue;
            ValueFormat format = value_format(a.value, a.name);
            bool text = a.value.type == "string" || a.value.type == "text";
            error(document_.locate(node), "<" + rule.name + "> needs the attribute " + a.name + "=\"...\"",
                  "add " + a.name + "=\"...\"" + (text ? "" : ": " + format.fix));
        }
    }

    static bool node_has_attribute(const xmlNode* node, const std::string& name) {
        return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name.c_str())) != nullptr;
    }

    void value_error(const Location& where, const std::string& element, const std::string& shown, const std::string& name, const ValueRule& rule,
                     const std::string& value) {
        ValueFormat format = value_format(rule, name);
        if (rule.not_empty && blank(value) && rule.choices.empty()) {
            if (shown.starts_with("<")) error(where, "<" + element + "> is empty", "write its text between <" + element + "> and </" + element + ">");
            else error(where, shown + " on <" + element + "> is empty", "write its text between the quotation marks");
            return;
        }
        std::string message = shown + (shown.starts_with("<") ? "" : " on <" + element + ">") + " is not " + format.noun;
        if (!rule.choices.empty()) {
            std::string near = nearest_name(value, rule.choices);
            if (!near.empty()) message += "; did you mean '" + near + "'?";
        }
        error(where, message, format.fix);
    }

    void children(const xmlNode* node, const ElementRule& rule) {
        // Built only when a mistake is told.
        auto allowed = [&] {
            std::vector<std::string> names;
            for (const auto& c : rule.children) names.push_back(c.element->name);
            return names;
        };
        // How many of each child rule's element were found, by the rule's place in rule.children.
        std::vector<int> counts(rule.children.size(), 0);
        std::set<std::string> suggested;
        int furthest = -1;
        std::string_view furthest_name;
        bool order_told = false;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            std::string_view name = reinterpret_cast<const char*>(c->name);
            const ChildRule* cr = rule.child(name);
            if (!cr) {
                std::string n(name);
                if (rule.children.empty()) {
                    error(document_.locate(c), "<" + rule.name + "> holds only text, not <" + n + ">", "take out <" + n + "> and keep its words");
                    continue;
                }
                std::string near = nearest_name(name, allowed());
                if (!near.empty()) suggested.insert(near);
                std::string message = "<" + n + "> does not belong in <" + rule.name + ">";
                if (!near.empty()) message += "; did you mean <" + near + ">?";
                error(document_.locate(c), message, "<" + rule.name + "> may hold " + list_of(allowed(), "<", ">"));
                continue;
            }
            if (++counts[static_cast<std::size_t>(cr - rule.children.data())] == 2 && !cr->many)
                error(document_.locate(c), concat("<", rule.name, "> has a second <", name, ">"), concat("keep one <", name, "> in <", rule.name, ">"));
            if (cr->place < furthest && !order_told) {
                order_told = true;
                error(document_.locate(c), concat("<", name, "> comes after <", furthest_name, "> in <", rule.name, ">"),
                      concat("move <", name, "> before <", furthest_name, ">"));
            }
            if (cr->place > furthest) furthest = cr->place, furthest_name = cr->element->name;
            element(c, *cr->element);
        }
        for (std::size_t k = 0; k < rule.children.size(); ++k) {
            const ChildRule& cr = rule.children[k];
            const std::string& name = cr.element->name;
            if (!cr.required || counts[k] || suggested.count(name)) continue;
            error(document_.locate(node), "<" + rule.name + "> needs <" + name + ">", "add <" + name + "> inside <" + rule.name + ">");
        }
    }

    void text(const xmlNode* node, const ElementRule& rule) {
        // Most elements hold one text node, or none: read in place.
        const char* in_place = node->children ? only_text(node) : "";
        if (in_place) {
            std::string_view value = in_place;
            if (!rule.text ? blank(value) : (!rule.children.empty() || value_allowed(*rule.text, value))) return;
        }
        std::string value = own_text(node);
        if (!rule.text) {
            if (!blank(value))
                error(document_.locate(node), "<" + rule.name + "> holds no text of its own, but has '" + quoted(folded_text(node)) + "'",
                      rule.children.empty() ? "take the text out" : "put the text in one of the elements it holds");
            return;
        }
        if (!rule.children.empty()) return;  // no schema here mixes text and elements
        if (!value_allowed(*rule.text, value))
            value_error(document_.locate(node), rule.name, "<" + rule.name + ">" + quoted(folded_text(node)) + "</" + rule.name + ">", rule.name,
                        *rule.text, value);
    }

    const XmlDocument& document_;
    std::string guide_;
    Diagnostics& diags_;
    bool found_ = false;
};

}  // namespace

bool check_structure(const XmlDocument& document, const SchemaRules& rules, std::string_view schema_name, Diagnostics& diags) {
    if (!rules.root || !document.root()) return true;
    Walker walker(document, schema_name, diags);
    walker.root(document.root(), *rules.root);
    return !walker.found();
}

}  // namespace safesite
