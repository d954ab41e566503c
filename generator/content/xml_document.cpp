#include "content/xml_document.h"

#include "support/text.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <cctype>
#include <cstdint>
#include <algorithm>
#include <cstring>

namespace safesite {

namespace {

struct ParseState {
    XmlDocument* document;
    Diagnostics* diags;
    const std::string* text;
    const std::string* path;
    bool refused = false;
};

ParseState* state_of(void* ctx) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    return static_cast<ParseState*>(ctxt->_private);
}

std::size_t current_offset(xmlParserCtxtPtr ctxt) {
    return static_cast<std::size_t>(ctxt->input->consumed) + static_cast<std::size_t>(ctxt->input->cur - ctxt->input->base);
}

void refuse(void* ctx, std::string message, std::string hint) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    ParseState* st = state_of(ctx);
    if (st->refused) return;
    st->refused = true;
    Location where = locate_offset(*st->path, *st->text, current_offset(ctxt));
    Diagnostic d{where, Severity::error, std::move(message), std::move(hint), {}, std::string(line_of(*st->text, where.line))};
    st->diags->add(std::move(d));
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
    ParseState* st = state_of(ctx);
    std::size_t end = std::min(current_offset(ctxt), st->text->size());
    std::size_t open = st->text->rfind('<', end ? end - 1 : 0);
    if (ctxt->node) ctxt->node->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(open == std::string::npos ? 0 : open + 1));
}

void on_error(void* ctx, xmlErrorPtr error) {
    ParseState* st = state_of(ctx);
    if (st->refused || !error) return;
    std::string message = error->message ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    Location where{*st->path, error->line, error->int2 > 0 ? error->int2 : 1};
    Diagnostic d{where,
                 error->level == XML_ERR_WARNING ? Severity::warning : Severity::error,
                 "malformed XML: " + message,
                 "fix the markup at this point; every element needs a matching end tag and attribute values need quotes",
                 {},
                 std::string(line_of(*st->text, where.line))};
    st->diags->add(std::move(d));
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

}  // namespace

std::unique_ptr<XmlDocument> XmlDocument::parse(std::string path, std::string text, Diagnostics& diags) {
    std::unique_ptr<XmlDocument> document(new XmlDocument(std::move(path), std::move(text)));
    document->line_starts_.push_back(0);
    for (std::size_t i = 0; i < document->text_.size(); ++i)
        if (document->text_[i] == '\n') document->line_starts_.push_back(i + 1);
    if (!is_utf8_declared_or_default(document->text_)) {
        diags.error({document->path_, 1, 1}, "the document is not in UTF-8", "save the file as UTF-8 and declare encoding=\"UTF-8\"");
        return nullptr;
    }
    if (document->text_.size() > static_cast<std::size_t>(INT32_MAX)) {
        diags.error({document->path_, 1, 1}, "the document is too large", "split it into smaller files");
        return nullptr;
    }

    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.entityDecl = on_entity_declaration;
    sax.internalSubset = on_internal_subset;
    sax.externalSubset = on_external_subset;
    sax.startElementNs = on_start_element;
    sax.serror = on_error;

    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(document->text_.data(), static_cast<int>(document->text_.size()));
    if (!ctxt) {
        diags.error({document->path_, 1, 1}, "could not start the XML parser");
        return nullptr;
    }
    ParseState state{document.get(), &diags, &document->text_, &document->path_};
    // Replace the default handler with ours; libxml2 frees ctxt->sax itself.
    xmlFree(ctxt->sax);
    ctxt->sax = static_cast<xmlSAXHandler*>(xmlMalloc(sizeof(xmlSAXHandler)));
    std::memcpy(ctxt->sax, &sax, sizeof sax);
    ctxt->userData = ctxt;
    ctxt->_private = &state;
    // No NOENT (never substitute entities), no DTDLOAD/DTDATTR/DTDVALID, no
    // XINCLUDE, and NONET in case anything tries anyway.
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    ctxt->linenumbers = 1;

    int errors_before = diags.error_count();
    xmlParseDocument(ctxt);
    document->doc_ = ctxt->myDoc;
    bool ok = ctxt->wellFormed && !state.refused && diags.error_count() == errors_before;
    ctxt->myDoc = nullptr;
    xmlFreeParserCtxt(ctxt);
    if (!ok || !document->doc_ || !xmlDocGetRootElement(document->doc_)) {
        if (ok) diags.error({document->path_, 1, 1}, "the document has no root element");
        return nullptr;
    }
    return document;
}

XmlDocument::~XmlDocument() {
    if (doc_) xmlFreeDoc(doc_);
}

std::size_t XmlDocument::offset_of(const xmlNode* element) const {
    auto stored = reinterpret_cast<std::uintptr_t>(element ? element->_private : nullptr);
    return stored ? static_cast<std::size_t>(stored - 1) : 0;
}

Location XmlDocument::locate_at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());  // 1-based
    std::size_t start = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
    return {path_, static_cast<int>(line), column_of(std::string_view(text_).substr(start, end - start), offset - start)};
}

Location XmlDocument::locate(const xmlNode* element) const { return locate_at(offset_of(element)); }

Location XmlDocument::locate_attribute(const xmlNode* element, std::string_view name) const {
    std::size_t start = offset_of(element);
    std::size_t end = text_.find('>', start);
    if (end == std::string::npos) end = text_.size();
    for (std::size_t at = text_.find(name, start); at != std::string::npos && at < end; at = text_.find(name, at + 1)) {
        bool space_before = at > start && std::isspace(static_cast<unsigned char>(text_[at - 1]));
        std::size_t after = at + name.size();
        while (after < end && std::isspace(static_cast<unsigned char>(text_[after]))) ++after;
        if (space_before && after < end && text_[after] == '=') return locate_at(at);
    }
    return locate(element);
}

Diagnostic XmlDocument::diagnostic_at(const Location& where, Severity severity, std::string message, std::string hint,
                                      std::string code) const {
    std::string quoted;
    if (where.line > 0 && static_cast<std::size_t>(where.line) <= line_starts_.size()) {
        std::size_t start = line_starts_[static_cast<std::size_t>(where.line) - 1];
        std::size_t end = text_.find('\n', start);
        quoted = text_.substr(start, (end == std::string::npos ? text_.size() : end) - start);
        if (!quoted.empty() && quoted.back() == '\r') quoted.pop_back();
    }
    return {where, severity, std::move(message), std::move(hint), std::move(code), std::move(quoted)};
}

std::vector<const xmlNode*> child_elements(const xmlNode* parent, std::string_view name) {
    std::vector<const xmlNode*> out;
    if (!parent) return out;
    for (const xmlNode* n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (name.empty() || name == reinterpret_cast<const char*>(n->name)) out.push_back(n);
    }
    return out;
}

const xmlNode* first_child(const xmlNode* parent, std::string_view name) {
    if (!parent) return nullptr;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(n->name)) return n;
    return nullptr;
}

std::optional<std::string> attribute(const xmlNode* element, std::string_view name) {
    if (!element) return std::nullopt;
    for (const xmlAttr* a = element->properties; a; a = a->next) {
        if (name != reinterpret_cast<const char*>(a->name)) continue;
        xmlChar* value = xmlNodeListGetString(element->doc, a->children, 1);
        std::string out = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
        return out;
    }
    return std::nullopt;
}

std::string folded_text(const xmlNode* element) {
    if (!element) return {};
    xmlChar* content = xmlNodeGetContent(element);
    std::string out = folded_spaces(content ? reinterpret_cast<const char*>(content) : "");
    xmlFree(content);
    return out;
}

std::string element_name(const xmlNode* element) { return element ? reinterpret_cast<const char*>(element->name) : ""; }

}  // namespace safesite
