// A Markdown file that an XML content file names in href="...".
#pragma once

#include "content/content_folder.h"
#include "content/markdown_document.h"
#include "content/xml_document.h"
#include "model/local_offer.h"

namespace safesite {

// Reads and parses the file `element`'s href names, refusing paths that
// leave the content folder. Problems are reported at the href.
std::optional<MarkdownText> read_markdown_file(ContentFolder& folder, const XmlDocument& doc, const xmlNode* element, Diagnostics& diags);

// Takes the first heading out of a parsed text and returns its words.
std::string take_title(MarkdownText& text);

}  // namespace safesite
