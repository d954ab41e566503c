// A Markdown document as the model holds it: cmark-gfm's tree, owned. The
// parsing is content/markdown_document.h's; reading a tree needs only this.
#pragma once

#include "model/markdown_arena.h"

#include <cmark-gfm.h>

#include <memory>
#include <string>

namespace safesite {

struct CmarkNodeDeleter {
    // The blocks the tree was parsed into, if it was (model/markdown_arena.h):
    // they go once the nodes are freed, when the tree's owner goes.
    std::unique_ptr<MarkdownArena> arena;
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// cmark-gfm makes a node's text, link or title into a C string the first
// time it is asked for, and keeps it in the node: reading a tree changes it.
// This asks for every one once, so that afterwards the tree is only read and
// threads may read it at once. A parse calls it while the tree's blocks are
// being filled (content/markdown_document.cpp).
void settle_texts(cmark_node* root);

// The text of a node's inline content, without markup: "Who *we* are" gives "Who we are".
std::string plain_text(cmark_node* node);

}  // namespace safesite
