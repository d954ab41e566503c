// A Markdown file parsed by cmark-gfm with the GitHub extensions (tables,
// strikethrough, autolinks, tag filter, task lists) and footnotes. Raw HTML
// is kept in the tree only so that checks can point at it; no renderer of
// ours ever outputs it.
#pragma once

#include "model/markdown_tree.h"

#include <string>
#include <string_view>

namespace safesite {

// Registers the extensions once. cmark-gfm keeps them in a plain static,
// so this must happen before any thread parses.
void prepare_markdown();

// Parses `text`; threads may call it at once. cmark-gfm's inline parser
// shares one table between parsers: when that cannot be made safe (see
// content/markdown_characters.h), parses take turns.
CmarkTree parse_markdown(std::string_view text);
bool markdown_parses_at_once();

}  // namespace safesite
