#include "content/schema.h"

#include <libxml/relaxng.h>

#include <map>
#include <mutex>
#include <regex>

namespace safesite {

namespace {

struct CompiledSchemas {
    std::mutex lock;
    std::map<std::string, xmlRelaxNGPtr, std::less<>> by_name;
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
    Diagnostics* diags;
    std::string schema_file;
    int reported = 0;
};

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
    std::smatch m;
    if (std::regex_search(message, m, extra)) return "<" + m[1].str() + "> does not allow <" + m[2].str() + "> here";
    if (std::regex_search(message, m, unexpected)) return "<" + m[1].str() + "> is not expected here";
    if (std::regex_search(message, m, expecting)) return "expected <" + m[1].str() + "> here, found <" + m[2].str() + ">";
    if (std::regex_search(message, m, bad_attr)) return "<" + m[2].str() + "> has no attribute '" + m[1].str() + "'";
    if (std::regex_search(message, m, bad_value)) return "<" + m[1].str() + "> has a missing or invalid attribute";
    if (std::regex_search(message, m, missing)) return "<" + m[1].str() + "> is missing something it needs or has something it does not allow";
    if (std::regex_search(message, m, datatype)) return "'" + m[2].str() + "' is not a valid " + m[1].str();
    if (std::regex_search(message, m, no_value)) return "a value here is not one of those allowed";
    return message;
}

void on_validation_error(void* data, xmlErrorPtr error) {
    auto* st = static_cast<ValidationState*>(data);
    if (!error) return;
    const auto* node = static_cast<const xmlNode*>(error->node);
    Location where = node && node->type == XML_ELEMENT_NODE ? st->document->locate(node)
                                                             : Location{st->document->path(), error->line, 1};
    std::string message = plain_message(error->message ? error->message : "invalid content");
    // libxml2 repeats the same fault for each enclosing element; keep the first.
    for (const auto& d : st->diags->items())
        if (d.where.path == where.path && d.where.line == where.line && d.message == message) return;
    st->diags->add(st->document->diagnostic_at(where, Severity::error, message,
                                               "see the content contract in CONTENT.md; the schema is generator/schemas/" +
                                                   st->schema_file));
    ++st->reported;
}

}  // namespace

bool validate(const XmlDocument& document, std::string_view name, Diagnostics& diags) {
    xmlRelaxNGPtr schema = compile(name);
    if (!schema) {
        diags.error({document.path(), 1, 1}, "internal error: no built-in schema named '" + std::string(name) + "'");
        return false;
    }
    ValidationState state{&document, &diags, std::string(name) + ".rng"};
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(ctxt, on_validation_error, &state);
    int result = xmlRelaxNGValidateDoc(ctxt, document.doc());
    xmlRelaxNGFreeValidCtxt(ctxt);
    if (result != 0 && state.reported == 0)
        diags.error(document.locate(document.root()), "the document does not match its schema",
                    "see generator/schemas/" + state.schema_file);
    return result == 0;
}

}  // namespace safesite
