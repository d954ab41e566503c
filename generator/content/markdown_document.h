// A Markdown file parsed by cmark-gfm with the GitHub extensions (tables,
// strikethrough, autolinks, tag filter, task lists) and footnotes. Raw HTML
// is kept in the tree only so that checks can point at it; no renderer of
// ours ever outputs it.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string>

namespace safesite {

struct CmarkNodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// Registers the extensions once. cmark-gfm keeps them in a plain static,
// so this must happen before any thread parses.
void prepare_markdown();

// Parses `text`; threads may call it at once. cmark-gfm's inline parser
// shares one table between parsers: when that cannot be made safe (see
// content/markdown_characters.h), parses take turns.
CmarkTree parse_markdown(std::string_view text);
bool markdown_parses_at_once();

// The text of a node's inline content, without markup: "Who *we* are" gives "Who we are".
std::string plain_text(cmark_node* node);

}  // namespace safesite
