// A content XML file, parsed safely: no entity declarations, no external
// DTD, no network, nothing loaded but the bytes given. Every element keeps
// the byte offset of its start tag so problems point at a line and column.
#pragma once

#include "content/xml_safe_parse.h"
#include "support/diagnostics.h"

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

// Where an element of a parsed document was written, for messages: a
// document read whole and a record of a stream answer alike.
class XmlPlaces {
public:
    virtual ~XmlPlaces() = default;
    virtual Location locate(const xmlNode* element) const = 0;
    virtual Diagnostic diagnostic_at(const Location& where, Severity severity, std::string message, std::string hint = {},
                                     std::string code = {}) const = 0;
};

class XmlDocument final : public XmlPlaces {
public:
    // Parses `text` (the file at `path`). Problems go to `diags`; returns
    // null when the document cannot be used at all.
    static std::unique_ptr<XmlDocument> parse(std::string path, std::string text, Diagnostics& diags);
    ~XmlDocument();
    XmlDocument(const XmlDocument&) = delete;
    XmlDocument& operator=(const XmlDocument&) = delete;

    const std::string& path() const { return bytes_.path; }
    const std::string& text() const { return bytes_.text; }
    xmlDoc* doc() const { return doc_; }
    const xmlNode* root() const { return xmlDocGetRootElement(doc_); }

    // Where an element's start tag begins.
    Location locate(const xmlNode* element) const override;
    // Where `name="..."` sits in the element's start tag (the element if absent).
    Location locate_attribute(const xmlNode* element, std::string_view name) const;
    // A Location together with the quoted source line, for a Diagnostic.
    Diagnostic diagnostic_at(const Location& where, Severity severity, std::string message, std::string hint = {},
                             std::string code = {}) const override;

private:
    XmlDocument(std::string path, std::string text) : bytes_{std::move(path), std::move(text)} {}
    std::size_t offset_of(const xmlNode* element) const;

    XmlBytes bytes_;
    xmlDoc* doc_ = nullptr;
    // Where each line starts, so that locating an element is a binary search,
    // not a scan from the top: a 100,000-entry chronology must stay linear.
    std::vector<std::size_t> line_starts_;
    Location locate_at(std::size_t offset) const;
};

// Small, null-safe readers for loaders, in the spirit of pugixml's handles.
std::vector<const xmlNode*> child_elements(const xmlNode* parent, std::string_view name = {});
const xmlNode* first_child(const xmlNode* parent, std::string_view name);
std::optional<std::string> attribute(const xmlNode* element, std::string_view name);
// Text content with runs of white space folded to one space and trimmed,
// since content files wrap long sentences over several lines.
std::string folded_text(const xmlNode* element);
// The text of an element or attribute that holds exactly one text node, as
// nearly all do, read in place; null when it holds none, several, or others.
const char* only_text(const xmlNode* node);
std::string element_name(const xmlNode* element);

}  // namespace safesite
