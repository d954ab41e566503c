// What every XML parse in safesite shares, whether the file is read whole
// (XmlDocument) or a piece at a time (XmlStream): libxml2's SAX2 tree
// builder with entity declarations and external DTDs refused before anything
// is stored or read, each element's start offset kept for messages, and
// libxml2's own errors told at their line.
#pragma once

#include "support/diagnostics.h"

#include <libxml/parser.h>

#include <functional>
#include <string>

namespace safesite {

// The bytes of a document that are still held: all of them for a document
// read whole; for a stream, from the end of the last record let go.
struct XmlBytes {
    std::string path;
    std::string text;
    std::size_t start = 0;  // the offset in the file of text[0]
    int lines_before = 0;   // lines that ended before `start`

    // `offset` is in the file; it must not be before `start`.
    Location locate(std::size_t offset) const;
    // The file's line `number` as written, when it is still held.
    std::string line(int number) const;
    // Lets go of the bytes before `offset`.
    void drop_before(std::size_t offset);
};

struct SafeParse {
    XmlBytes* bytes;
    Diagnostics* diags;
    bool refused = false;
    // Called after each element ends, with the parser standing just past it.
    std::function<void(xmlParserCtxtPtr)> element_ended;
};

// The handlers, for a context whose `_private` is a SafeParse.
xmlSAXHandler safe_sax_handler();

// The options every parse uses: no entity substitution, no DTD loading or
// validation, no XInclude, no network. The spaces that only indent elements
// are not kept as nodes (a third of a child's record): no schema gives them a
// meaning, and text inside an element, spaces included, is kept as written.
constexpr int kSafeParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS;

// Where the parser stands, as an offset in the file.
std::size_t parse_offset(xmlParserCtxtPtr ctxt);

// The offset of an element's start tag, as the handlers stored it.
std::size_t element_offset(const xmlNode* element);

// True when the XML declaration names no encoding or UTF-8.
bool is_utf8_declared_or_default(std::string_view text);

}  // namespace safesite
