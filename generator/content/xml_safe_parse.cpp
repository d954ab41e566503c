#include "content/xml_safe_parse.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace safesite {

Location XmlBytes::locate(std::size_t offset) const {
    offset = std::clamp(offset, start, start + text.size());
    Location where = locate_offset(path, text, offset - start);
    where.line += lines_before;
    return where;
}

std::string XmlBytes::line(int number) const {
    if (number <= lines_before) return {};
    std::string out(line_of(text, number - lines_before));
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return out;
}

void XmlBytes::drop_before(std::size_t offset) {
    if (offset <= start) return;
    std::size_t n = std::min(offset - start, text.size());
    lines_before += static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(n), '\n'));
    text.erase(0, n);
    start += n;
}

std::size_t parse_offset(xmlParserCtxtPtr ctxt) {
    return static_cast<std::size_t>(ctxt->input->consumed) + static_cast<std::size_t>(ctxt->input->cur - ctxt->input->base);
}

std::size_t element_offset(const xmlNode* element) {
    auto stored = reinterpret_cast<std::uintptr_t>(element ? element->_private : nullptr);
    return stored ? static_cast<std::size_t>(stored - 1) : 0;
}

namespace {

SafeParse* state_of(void* ctx) { return static_cast<SafeParse*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

void refuse(void* ctx, std::string message, std::string hint) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    SafeParse* st = state_of(ctx);
    if (st->refused) return;
    st->refused = true;
    Location where = st->bytes->locate(parse_offset(ctxt));
    st->diags->add({where, Severity::error, std::move(message), std::move(hint), {}, st->bytes->line(where.line)});
    xmlStopParser(ctxt);
}

// Any entity declaration is refused before libxml2 can store or expand it:
// this is what stops "billion laughs" and external entity reads.
void on_entity_declaration(void* ctx, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
    refuse(ctx, "the document declares an entity (" + std::string(reinterpret_cast<const char*>(name)) + "); entities are not allowed",
           "remove the <!ENTITY ...> declaration and write the text out in full");
}

void on_internal_subset(void* ctx, const xmlChar* name, const xmlChar* external_id, const xmlChar* system_id) {
    if (external_id || system_id) {
        refuse(ctx, "the document refers to an external DTD; external files are never loaded",
               "remove the <!DOCTYPE ...> line: safesite checks content against its own schemas");
        return;
    }
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

void on_external_subset(void* ctx, const xmlChar*, const xmlChar* external_id, const xmlChar* system_id) {
    if (external_id || system_id) on_internal_subset(ctx, nullptr, external_id, system_id);
}

void on_start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nb_namespaces,
                      const xmlChar** namespaces, int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
    // The parser stands at the end of the start tag; its '<' is the last
    // one before here, because '<' cannot appear inside an attribute value.
    const XmlBytes& bytes = *state_of(ctx)->bytes;
    std::size_t end = std::clamp(parse_offset(ctxt), bytes.start, bytes.start + bytes.text.size()) - bytes.start;
    std::size_t open = bytes.text.rfind('<', end ? end - 1 : 0);
    std::size_t offset = open == std::string::npos ? 0 : bytes.start + open;
    if (ctxt->node) ctxt->node->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(offset + 1));
}

void on_end_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
    xmlSAX2EndElementNs(ctx, localname, prefix, uri);
    SafeParse* st = state_of(ctx);
    if (st->element_ended) st->element_ended(static_cast<xmlParserCtxtPtr>(ctx));
}

void on_error(void* ctx, xmlErrorPtr error) {
    SafeParse* st = state_of(ctx);
    if (st->refused || !error) return;
    std::string message = error->message ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    Location where{st->bytes->path, error->line, error->int2 > 0 ? error->int2 : 1};
    st->diags->add({where, error->level == XML_ERR_WARNING ? Severity::warning : Severity::error, "malformed XML: " + message,
                    "fix the markup at this point; every element needs a matching end tag and attribute values need quotes", {},
                    st->bytes->line(where.line)});
}

}  // namespace

xmlSAXHandler safe_sax_handler() {
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.entityDecl = on_entity_declaration;
    sax.internalSubset = on_internal_subset;
    sax.externalSubset = on_external_subset;
    sax.startElementNs = on_start_element;
    sax.endElementNs = on_end_element;
    sax.serror = on_error;
    return sax;
}

bool is_utf8_declared_or_default(std::string_view text) {
    if (text.substr(0, 5) != "<?xml") return true;
    std::size_t end = text.find("?>");
    std::string_view decl = text.substr(0, end);
    std::size_t enc = decl.find("encoding");
    if (enc == std::string_view::npos) return true;
    std::string value;
    for (std::size_t i = decl.find_first_of("\"'", enc) + 1; i < decl.size() && decl[i] != '"' && decl[i] != '\''; ++i)
        value += static_cast<char>(std::tolower(static_cast<unsigned char>(decl[i])));
    return value == "utf-8" || value == "utf8";
}

}  // namespace safesite
