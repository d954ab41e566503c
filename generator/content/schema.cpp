#include "content/schema.h"

#include "content/schema_rules.h"
#include "content/structure_check.h"
#include "support/concat.h"
#include "support/text.h"

#include <libxml/relaxng.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace safesite {

namespace {

// Compiled once per process and shared: validation only reads a schema.
struct CompiledSchemas {
    std::mutex lock;
    std::map<std::string, xmlRelaxNGPtr, std::less<>> by_name;
    ~CompiledSchemas() {
        for (auto& [_, schema] : by_name)
            if (schema) xmlRelaxNGFree(schema);
    }
};

CompiledSchemas& compiled() {
    static CompiledSchemas schemas;
    return schemas;
}

// The schema as libxml2 checks it: without its value patterns. Every value
// has already been matched against its pattern by check_structure (through
// one automaton a pattern, kept), before libxml2 sees the document; libxml2
// compiles a pattern's automaton again for every value it checks, which was a
// tenth of a build of 5,000 children's records.
std::string without_patterns(std::string_view text) {
    std::string out(text);
    if (out.empty()) return out;
    static constexpr std::string_view open = "<param name=\"pattern\">", close = "</param>";
    for (std::size_t at = out.find(open); at != std::string::npos; at = out.find(open, at)) {
        std::size_t end = out.find(close, at);
        if (end == std::string::npos) break;
        out.erase(at, end + close.size() - at);
    }
    return out;
}

// `whole`: with the value patterns, as the contract states them.
xmlRelaxNGPtr compile(std::string_view name, bool whole = false) {
    auto& schemas = compiled();
    std::string key = std::string(name) + (whole ? "#whole" : "");
    std::lock_guard guard(schemas.lock);
    if (auto it = schemas.by_name.find(key); it != schemas.by_name.end()) return it->second;
    std::string text = schema_rules(name) && !whole ? without_patterns(built_in_schema(name)) : std::string(built_in_schema(name));
    xmlRelaxNGPtr schema = nullptr;
    if (!text.empty()) {
        xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
        schema = xmlRelaxNGParse(parser);
        xmlRelaxNGFreeParserCtxt(parser);
    }
    schemas.by_name.emplace(std::move(key), schema);
    return schema;
}

struct ValidationState {
    const XmlDocument* document;
    std::vector<Diagnostic> found;
    std::string schema_name;
};

// libxml2 follows a precise fault with vaguer ones about each enclosing
// element; these are only worth showing when nothing more precise was said.
bool is_follow_on(const std::string& message) {
    return message.find("is missing something it needs") != std::string::npos || message == "Invalid sequence in interleave" ||
           message.find("Expecting an element") == 0 || message.find("Extra element") == 0;
}

// libxml2's messages name the schema's machinery; say it in the content's
// terms. Plain string matching: a message can quote a value of any length,
// and a backtracking regex on that could exhaust the stack.
std::string plain_message(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    // The words after `prefix` up to the next space, or empty.
    auto word_after = [&](std::string_view prefix, std::size_t from = 0) -> std::string {
        std::size_t at = message.find(prefix, from);
        if (at == std::string::npos) return {};
        at += prefix.size();
        return message.substr(at, message.find(' ', at) - at);
    };
    auto starts = [&](std::string_view prefix) { return message.rfind(prefix, 0) == 0; };
    if (starts("Element ") && message.find(" has extra content: ") != std::string::npos)
        return concat("<", word_after("Element "), "> does not allow <", word_after(" has extra content: "), "> here");
    if (starts("Did not expect element ")) return concat("<", word_after("Did not expect element "), "> is not expected here");
    if (starts("Expecting element ")) {
        std::string expected = word_after("Expecting element ");
        if (!expected.empty() && expected.back() == ',') expected.pop_back();
        return concat("expected <", expected, "> here, found <", word_after(", got "), ">");
    }
    if (starts("Invalid attribute ")) return concat("<", word_after(" for element "), "> has no attribute '", word_after("Invalid attribute "), "'");
    if (message.find(" failed to validate attributes") != std::string::npos)
        return concat("<", word_after("Element "), "> has a missing or invalid attribute");
    if (message.find(" failed to validate content") != std::string::npos)
        return concat("<", word_after("Element "), "> is missing something it needs or has something it does not allow");
    if (starts("Type ") && message.find(" doesn't allow value") != std::string::npos) return concat("a value is not a valid ", word_after("Type "));
    if (starts("Error validating value")) return "a value here is not one of those allowed";
    if (starts("Error validating datatype ")) return concat("the value is not a valid ", word_after("Error validating datatype "));
    return message;
}

void on_validation_error(void* data, xmlErrorPtr error) {
    auto* st = static_cast<ValidationState*>(data);
    if (!error) return;
    const auto* node = static_cast<const xmlNode*>(error->node);
    bool element = node && node->type == XML_ELEMENT_NODE;
    Location where = element ? st->document->locate(node) : Location{st->document->path(), error->line, 1};
    std::string message = plain_message(error->message ? error->message : "invalid content");
    // Only reached when the walk over the schema's rules found nothing, which
    // should not happen; still, the validator's own vocabulary never reaches a user.
    for (const char* jargon : {"interleave", "Expecting", "Extra element", "Invalid sequence", "Element ", "datatype", "RNG", "grammar"})
        if (message.find(jargon) != std::string::npos)
            message = element ? concat("<", element_name(node), "> is not written as the content guide says") : "this file is not written as the content guide says";
    // Say which value, and of what, when libxml2 only names the datatype.
    if (element && message.starts_with("the value is not a valid")) {
        static const std::map<std::string, std::string, std::less<>> kinds = {
            {"anyURI", "web address (write it in full, e.g. https://example.org/)"},
            {"date", "date (write it as YYYY-MM-DD)"},
            {"positiveInteger", "whole number above 0"},
            {"nonNegativeInteger", "whole number"},
            {"decimal", "number"},
            {"language", "language code (such as en-GB)"},
        };
        std::string type = message.substr(25);
        auto kind = kinds.find(type);
        message = concat("<", element_name(node), "> has the value '", folded_text(node), "', which is not a valid ",
                         kind == kinds.end() ? type : kind->second);
    }
    // Point at the attribute itself when one is named.
    if (std::size_t at = message.find("has no attribute '"); element && at != std::string::npos) {
        std::string attr = message.substr(at + 18, message.size() - at - 19);
        where = st->document->locate_attribute(node, attr);
    }
    for (const auto& d : st->found)
        if (d.where.line == where.line && d.where.column == where.column && d.message == message) return;
    st->found.push_back(st->document->diagnostic_at(where, Severity::error, message,
                                                    guide_reference(st->schema_name)));
}

}  // namespace

bool validate(const XmlDocument& document, std::string_view name, Diagnostics& diags) {
    // The common mistakes, told in the content's words and all at once; the
    // schema itself is still the contract, checked below unless the rules
    // say all it says (a child's record, read thousands at a time).
    const SchemaRules* rules = schema_rules(name);
    if (rules && !check_structure(document, *rules, name, diags)) return false;
    if (rules && rules->exact) return true;
    xmlRelaxNGPtr schema = compile(name);
    if (!schema) {
        diags.error({document.path(), 1, 1}, "internal error: no built-in schema named '" + std::string(name) + "'");
        return false;
    }
    ValidationState state{&document, {}, std::string(name)};
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(ctxt, on_validation_error, &state);
    int result = xmlRelaxNGValidateDoc(ctxt, document.doc());
    xmlRelaxNGFreeValidCtxt(ctxt);
    bool precise = std::any_of(state.found.begin(), state.found.end(), [](const Diagnostic& d) { return !is_follow_on(d.message); });
    for (auto& d : state.found)
        if (!precise || !is_follow_on(d.message)) diags.add(std::move(d));
    if (result != 0 && state.found.empty())
        diags.error(document.locate(document.root()), "the file is not written as the content guide says", guide_reference(name));
    return result == 0;
}

bool schema_accepts(const XmlDocument& document, std::string_view name) {
    xmlRelaxNGPtr schema = compile(name, true);
    if (!schema) return false;
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(ctxt, [](void*, xmlErrorPtr) {}, nullptr);
    int result = xmlRelaxNGValidateDoc(ctxt, document.doc());
    xmlRelaxNGFreeValidCtxt(ctxt);
    return result == 0;
}

}  // namespace safesite
