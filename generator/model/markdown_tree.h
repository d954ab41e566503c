// A Markdown document as the model holds it: cmark-gfm's tree, owned. The
// parsing is content/markdown_document.h's; reading a tree needs only this.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string>

namespace safesite {

struct CmarkNodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// The text of a node's inline content, without markup: "Who *we* are" gives "Who we are".
std::string plain_text(cmark_node* node);

}  // namespace safesite
