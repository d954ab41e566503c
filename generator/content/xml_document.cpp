#include "content/xml_document.h"

#include "content/xml_safe_parse.h"
#include "support/text.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <cctype>
#include <cstdint>
#include <algorithm>
#include <cstring>

namespace safesite {

std::unique_ptr<XmlDocument> XmlDocument::parse(std::string path, std::string text, Diagnostics& diags) {
    std::unique_ptr<XmlDocument> document(new XmlDocument(std::move(path), std::move(text)));
    const std::string& bytes = document->bytes_.text;
    document->line_starts_ = line_starts(bytes);
    if (!is_utf8_declared_or_default(bytes)) {
        diags.error({document->path(), 1, 1}, "the document is not in UTF-8", "save the file as UTF-8 and declare encoding=\"UTF-8\"");
        return nullptr;
    }
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
        diags.error({document->path(), 1, 1}, "the document is too large", "split it into smaller files");
        return nullptr;
    }

    xmlSAXHandler sax = safe_sax_handler();
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
    if (!ctxt) {
        diags.error({document->path(), 1, 1}, "could not start the XML parser");
        return nullptr;
    }
    SafeParse state{&document->bytes_, &diags, false, {}};
    // Replace the default handler with ours; libxml2 frees ctxt->sax itself.
    xmlFree(ctxt->sax);
    ctxt->sax = static_cast<xmlSAXHandler*>(xmlMalloc(sizeof(xmlSAXHandler)));
    std::memcpy(ctxt->sax, &sax, sizeof sax);
    ctxt->userData = ctxt;
    ctxt->_private = &state;
    // A document is only read once parsed: its short texts (most attribute
    // values, dates, codes) are kept inside their nodes, not allocated apart.
    xmlCtxtUseOptions(ctxt, kSafeParseOptions | XML_PARSE_COMPACT);
    ctxt->linenumbers = 1;

    int errors_before = diags.error_count();
    xmlParseDocument(ctxt);
    document->doc_ = ctxt->myDoc;
    bool ok = ctxt->wellFormed && !state.refused && diags.error_count() == errors_before;
    ctxt->myDoc = nullptr;
    xmlFreeParserCtxt(ctxt);
    if (!ok || !document->doc_ || !xmlDocGetRootElement(document->doc_)) {
        if (ok) diags.error({document->path(), 1, 1}, "the document has no root element");
        return nullptr;
    }
    return document;
}

XmlDocument::~XmlDocument() {
    if (doc_) xmlFreeDoc(doc_);
}

std::size_t XmlDocument::offset_of(const xmlNode* element) const { return element_offset(element); }

Location XmlDocument::locate_at(std::size_t offset) const {
    offset = std::min(offset, bytes_.text.size());
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());  // 1-based
    std::size_t start = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] : bytes_.text.size();
    return {bytes_.path, static_cast<int>(line), column_of(std::string_view(bytes_.text).substr(start, end - start), offset - start)};
}

Location XmlDocument::locate(const xmlNode* element) const { return locate_at(offset_of(element)); }

Location XmlDocument::locate_attribute(const xmlNode* element, std::string_view name) const {
    std::size_t start = offset_of(element);
    std::size_t end = bytes_.text.find('>', start);
    if (end == std::string::npos) end = bytes_.text.size();
    for (std::size_t at = bytes_.text.find(name, start); at != std::string::npos && at < end; at = bytes_.text.find(name, at + 1)) {
        bool space_before = at > start && std::isspace(static_cast<unsigned char>(bytes_.text[at - 1]));
        std::size_t after = at + name.size();
        while (after < end && std::isspace(static_cast<unsigned char>(bytes_.text[after]))) ++after;
        if (space_before && after < end && bytes_.text[after] == '=') return locate_at(at);
    }
    return locate(element);
}

Diagnostic XmlDocument::diagnostic_at(const Location& where, Severity severity, std::string message, std::string hint,
                                      std::string code) const {
    std::string quoted;
    if (where.line > 0 && static_cast<std::size_t>(where.line) <= line_starts_.size()) {
        std::size_t start = line_starts_[static_cast<std::size_t>(where.line) - 1];
        std::size_t end = bytes_.text.find('\n', start);
        quoted = bytes_.text.substr(start, (end == std::string::npos ? bytes_.text.size() : end) - start);
        if (!quoted.empty() && quoted.back() == '\r') quoted.pop_back();
    }
    return {where, severity, std::move(message), std::move(hint), std::move(code), std::move(quoted)};
}

namespace {

// Whether libxml2's name (a C string) is `name`, without measuring it first: most differ in their first bytes.
bool named(const xmlChar* xml, std::string_view name) {
    const auto* s = reinterpret_cast<const char*>(xml);
    for (std::size_t i = 0; i < name.size(); ++i)
        if (s[i] != name[i] || s[i] == '\0') return false;
    return s[name.size()] == '\0';
}

}  // namespace

std::vector<const xmlNode*> child_elements(const xmlNode* parent, std::string_view name) {
    std::vector<const xmlNode*> out;
    if (!parent) return out;
    for (const xmlNode* n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (name.empty() || named(n->name, name)) out.push_back(n);
    }
    return out;
}

const xmlNode* first_child(const xmlNode* parent, std::string_view name) {
    if (!parent) return nullptr;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && named(n->name, name)) return n;
    return nullptr;
}

std::optional<std::string> attribute(const xmlNode* element, std::string_view name) {
    if (!element) return std::nullopt;
    for (const xmlAttr* a = element->properties; a; a = a->next) {
        if (!named(a->name, name)) continue;
        if (!a->children) return std::string();
        if (const char* text = only_text(reinterpret_cast<const xmlNode*>(a))) return std::string(text);
        xmlChar* value = xmlNodeListGetString(element->doc, a->children, 1);
        std::string out = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
        return out;
    }
    return std::nullopt;
}

std::string folded_text(const xmlNode* element) {
    if (!element) return {};
    if (!element->children) return {};
    if (const char* text = only_text(element)) return folded_spaces(text);
    xmlChar* content = xmlNodeGetContent(element);
    std::string out = folded_spaces(content ? reinterpret_cast<const char*>(content) : "");
    xmlFree(content);
    return out;
}

const char* only_text(const xmlNode* node) {
    const xmlNode* only = node ? node->children : nullptr;
    if (!only || only->next || only->type != XML_TEXT_NODE || !only->content) return nullptr;
    return reinterpret_cast<const char*>(only->content);
}

std::string element_name(const xmlNode* element) { return element ? reinterpret_cast<const char*>(element->name) : ""; }

}  // namespace safesite
