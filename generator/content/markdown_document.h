// A Markdown file parsed by cmark-gfm with the GitHub extensions (tables,
// strikethrough, autolinks, tag filter, task lists) and footnotes. Raw HTML
// is kept in the tree only so that checks can point at it; no renderer of
// ours ever outputs it.
#pragma once

#include "model/markdown_tree.h"

#include <optional>
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

// The text of a heading line ("# Title") as parse_markdown and plain_text
// give it, found without parsing, when nothing in the line could be read as
// markup: after one to six "#" and a space, only letters, digits, spaces,
// other scripts (well-formed UTF-8) and the marks , ; ? ( ) / % + = and
// single - and . (two of them are smart punctuation). Otherwise nothing,
// and the line is parsed. Planning a site reads every page's title this way.
std::optional<std::string> plain_heading_text(std::string_view line);

}  // namespace safesite
