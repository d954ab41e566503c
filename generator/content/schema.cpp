#include "content/schema.h"

#include <libxml/relaxng.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <regex>

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

xmlRelaxNGPtr compile(std::string_view name) {
    auto& schemas = compiled();
    std::lock_guard guard(schemas.lock);
    if (auto it = schemas.by_name.find(name); it != schemas.by_name.end()) return it->second;
    std::string_view text = built_in_schema(name);
    xmlRelaxNGPtr schema = nullptr;
    if (!text.empty()) {
        xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
        schema = xmlRelaxNGParse(parser);
        xmlRelaxNGFreeParserCtxt(parser);
    }
    schemas.by_name.emplace(std::string(name), schema);
    return schema;
}

struct ValidationState {
    const XmlDocument* document;
    std::vector<Diagnostic> found;
    std::string schema_file;
};

// libxml2 follows a precise fault with vaguer ones about each enclosing
// element; these are only worth showing when nothing more precise was said.
bool is_follow_on(const std::string& message) {
    return message.find("is missing something it needs") != std::string::npos || message == "Invalid sequence in interleave" ||
           message.find("Expecting an element") == 0 || message.find("Extra element") == 0;
}

// libxml2's messages name the schema's machinery; say it in the content's terms.
std::string plain_message(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    static const std::regex extra(R"(Element (\S+) has extra content: (\S+))");
    static const std::regex unexpected(R"(Did not expect element (\S+) there)");
    static const std::regex expecting(R"(Expecting element (\S+), got (\S+))");
    static const std::regex bad_attr(R"(Invalid attribute (\S+) for element (\S+))");
    static const std::regex bad_value(R"(Element (\S+) failed to validate attributes)");
    static const std::regex missing(R"(Element (\S+) failed to validate content)");
    static const std::regex datatype(R"(Type (\S+) doesn't allow value '(.*)')");
    static const std::regex no_value(R"(Error validating value\s*(\S*))");
    static const std::regex bad_datatype(R"(Error validating datatype (\S+))");
    std::smatch m;
    if (std::regex_search(message, m, extra)) return "<" + m[1].str() + "> does not allow <" + m[2].str() + "> here";
    if (std::regex_search(message, m, unexpected)) return "<" + m[1].str() + "> is not expected here";
    if (std::regex_search(message, m, expecting)) return "expected <" + m[1].str() + "> here, found <" + m[2].str() + ">";
    if (std::regex_search(message, m, bad_attr)) return "<" + m[2].str() + "> has no attribute '" + m[1].str() + "'";
    if (std::regex_search(message, m, bad_value)) return "<" + m[1].str() + "> has a missing or invalid attribute";
    if (std::regex_search(message, m, missing)) return "<" + m[1].str() + "> is missing something it needs or has something it does not allow";
    if (std::regex_search(message, m, datatype)) return "'" + m[2].str() + "' is not a valid " + m[1].str();
    if (std::regex_search(message, m, no_value)) return "a value here is not one of those allowed";
    if (std::regex_search(message, m, bad_datatype)) return "the value is not a valid " + m[1].str();
    return message;
}

void on_validation_error(void* data, xmlErrorPtr error) {
    auto* st = static_cast<ValidationState*>(data);
    if (!error) return;
    const auto* node = static_cast<const xmlNode*>(error->node);
    bool element = node && node->type == XML_ELEMENT_NODE;
    Location where = element ? st->document->locate(node) : Location{st->document->path(), error->line, 1};
    std::string message = plain_message(error->message ? error->message : "invalid content");
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
        message = "<" + element_name(node) + "> has the value '" + folded_text(node) + "', which is not a valid " +
                  (kind == kinds.end() ? type : kind->second);
    }
    // Point at the attribute itself when one is named.
    if (std::size_t at = message.find("has no attribute '"); element && at != std::string::npos) {
        std::string attr = message.substr(at + 18, message.size() - at - 19);
        where = st->document->locate_attribute(node, attr);
    }
    for (const auto& d : st->found)
        if (d.where.line == where.line && d.where.column == where.column && d.message == message) return;
    st->found.push_back(st->document->diagnostic_at(where, Severity::error, message,
                                                    "see the content contract in CONTENT.md; the schema is generator/schemas/" +
                                                        st->schema_file));
}

}  // namespace

bool validate(const XmlDocument& document, std::string_view name, Diagnostics& diags) {
    xmlRelaxNGPtr schema = compile(name);
    if (!schema) {
        diags.error({document.path(), 1, 1}, "internal error: no built-in schema named '" + std::string(name) + "'");
        return false;
    }
    ValidationState state{&document, {}, std::string(name) + ".rng"};
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(ctxt, on_validation_error, &state);
    int result = xmlRelaxNGValidateDoc(ctxt, document.doc());
    xmlRelaxNGFreeValidCtxt(ctxt);
    bool precise = std::any_of(state.found.begin(), state.found.end(), [](const Diagnostic& d) { return !is_follow_on(d.message); });
    for (auto& d : state.found)
        if (!precise || !is_follow_on(d.message)) diags.add(std::move(d));
    if (result != 0 && state.found.empty())
        diags.error(document.locate(document.root()), "the document does not match its schema",
                    "see generator/schemas/" + std::string(name) + ".rng");
    return result == 0;
}

}  // namespace safesite
