#include "content/schema_rules.h"

#include "content/schema.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

namespace safesite {

const AttributeRule* ElementRule::attribute(std::string_view n) const {
    for (const auto& a : attributes)
        if (a.name == n) return &a;
    return nullptr;
}

const ChildRule* ElementRule::child(std::string_view n) const {
    for (const auto& c : children)
        if (c.element->name == n) return &c;
    return nullptr;
}

namespace {

std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string attribute_of(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::string text_of(const xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::vector<const xmlNode*> elements_in(const xmlNode* n) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) out.push_back(c);
    return out;
}

// Reads one grammar. The schemas use element, attribute, optional,
// zeroOrMore, oneOrMore, interleave, group, ref, data, value, choice (of
// values) and text; that is all this reader needs to know.
class Reader {
public:
    Reader(const xmlNode* grammar, SchemaRules& rules) : rules_(rules) {
        for (const xmlNode* n : elements_in(grammar)) {
            if (name_of(n) == "define") defines_[attribute_of(n, "name")] = n;
            if (name_of(n) == "start") start_ = n;
        }
    }

    const ElementRule* root() {
        for (const xmlNode* n : elements_in(start_))
            if (name_of(n) == "element") return element(n);
        return nullptr;
    }

private:
    struct Context {
        bool required = true;
        bool many = false;
        bool in_choice = false;
    };

    const ElementRule* element(const xmlNode* n) {
        if (auto it = done_.find(n); it != done_.end()) return it->second;
        ElementRule& rule = rules_.elements.emplace_back();
        done_[n] = &rule;  // before the content: an element may hold itself (<judgement>)
        rule.name = attribute_of(n, "name");
        if (rule.name.empty()) inexact("an element named by a pattern, not a name");
        int place = 0;
        for (const xmlNode* c : elements_in(n)) particle(c, rule, Context{}, place, true);
        if (rule.text && !rule.children.empty()) inexact("<" + rule.name + "> mixes text and elements");
        for (std::size_t i = 0; i < rule.children.size(); ++i)
            for (std::size_t j = i + 1; j < rule.children.size(); ++j)
                if (rule.children[i].element->name == rule.children[j].element->name)
                    inexact("<" + rule.name + "> may hold <" + rule.children[i].element->name + "> in two places");
        return &rule;
    }

public:
    // Empty when every construct read is one check_structure follows exactly.
    const std::string& inexact_because() const { return inexact_because_; }

private:
    void inexact(const std::string& why) {
        if (inexact_because_.empty()) inexact_because_ = why;
    }

    // One piece of an element's content; `ordered` when it stands in a sequence.
    void particle(const xmlNode* n, ElementRule& into, Context ctx, int& place, bool ordered) {
        std::string kind = name_of(n);
        if (kind == "element") {
            into.children.push_back({element(n), ctx.required, ctx.many, place});
            if (ordered) ++place;
        } else if (kind == "attribute") {
            if (ctx.many || ctx.in_choice) inexact("a repeated attribute, or a choice of attributes, in <" + into.name + ">");
            AttributeRule a{attribute_of(n, "name"), ctx.required, {}};
            a.value = value(elements_in(n));
            into.attributes.push_back(std::move(a));
        } else if (kind == "optional" || kind == "zeroOrMore" || kind == "oneOrMore" || kind == "group" || kind == "interleave" ||
                   kind == "choice" || kind == "mixed") {
            Context inner = ctx;
            if (kind == "optional" || kind == "zeroOrMore" || kind == "choice") inner.required = false;
            if (kind == "zeroOrMore" || kind == "oneOrMore") inner.many = true;
            bool values_only = kind == "choice" && !elements_in(n).empty() && name_of(elements_in(n).front()) == "value";
            if (values_only) {
                into.text = value({n});
                return;
            }
            // The rules count and order elements one by one: they cannot say
            // "these two together", "one of these" or "in this order, in any order".
            if (kind == "choice" || kind == "mixed") inexact("a <" + kind + "> of content in <" + into.name + ">");
            if (kind == "choice") inner.in_choice = true;
            std::size_t before = into.children.size() + into.attributes.size();
            int start = place;
            bool inner_ordered = kind != "interleave" && kind != "choice" && ordered;
            for (const xmlNode* c : elements_in(n)) particle(c, into, inner, place, inner_ordered);
            if (!inner_ordered && ordered) place = start + 1;
            std::size_t added = into.children.size() + into.attributes.size() - before;
            bool optional_or_repeated = kind == "optional" || kind == "zeroOrMore" || kind == "oneOrMore";
            if (added > 1 && (optional_or_repeated || (kind == "group" && !ordered)))
                inexact("<" + kind + "> around several elements or attributes in <" + into.name + ">");
        } else if (kind == "ref") {
            for (const xmlNode* c : elements_in(defines_.at(attribute_of(n, "name")))) particle(c, into, ctx, place, ordered);
        } else if (kind == "data" || kind == "value" || kind == "text") {
            into.text = value({n});
        } else {
            inexact("<" + kind + "> in <" + into.name + ">");
        }
    }

    // The value pattern in `nodes` (data, value, choice of values, ref to one).
    ValueRule value(const std::vector<const xmlNode*>& nodes) {
        ValueRule v{"text", {}, {}, {}, {}, false};
        for (const xmlNode* n : nodes) {
            std::string kind = name_of(n);
            if (kind == "ref") return value(elements_in(defines_.at(attribute_of(n, "name"))));
            if (kind == "data") {
                v.type = attribute_of(n, "type");
                for (const xmlNode* p : elements_in(n)) {
                    std::string param = attribute_of(p, "name"), text = text_of(p);
                    if (param == "pattern") v.pattern = text;
                    else if (param == "minInclusive") v.min = std::strtod(text.c_str(), nullptr);
                    else if (param == "maxInclusive") v.max = std::strtod(text.c_str(), nullptr);
                    else if (param == "minLength" && text == "1") v.not_empty = true;
                    else inexact("a value with <" + name_of(p) + " name=\"" + param + "\">");
                }
            } else if (kind == "value") {
                if (!attribute_of(n, "type").empty() && attribute_of(n, "type") != "token") inexact("a <value> that is not a token");
                v.type = "token";
                v.choices.push_back(text_of(n));
            } else if (kind == "choice") {
                ValueRule inner = value(elements_in(n));
                v.type = inner.type;
                v.choices = inner.choices;
            }
        }
        return v;
    }

    SchemaRules& rules_;
    std::map<std::string, const xmlNode*> defines_;
    const xmlNode* start_ = nullptr;
    std::map<const xmlNode*, const ElementRule*> done_;
    std::string inexact_because_;
};

}  // namespace

std::unique_ptr<SchemaRules> read_schema_rules(std::string_view text) {
    if (text.empty()) return nullptr;
    // The schemas are built into the program, so this parse is of trusted text.
    xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "schema.rng", nullptr, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    if (!doc) return nullptr;
    auto rules = std::make_unique<SchemaRules>();
    Reader reader(xmlDocGetRootElement(doc), *rules);
    rules->root = reader.root();
    rules->inexact_because = reader.inexact_because();
    rules->exact = rules->root && rules->inexact_because.empty();
    xmlFreeDoc(doc);
    return rules;
}


const SchemaRules* schema_rules(std::string_view name) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<SchemaRules>, std::less<>> by_name;
    std::lock_guard guard(lock);
    if (auto it = by_name.find(name); it != by_name.end()) return it->second.get();
    return by_name.emplace(std::string(name), read_schema_rules(built_in_schema(name))).first->second.get();
}

}  // namespace safesite
