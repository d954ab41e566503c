#include "model/markdown_tree.h"

namespace safesite {

void settle_texts(cmark_node* root) {
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        // Each returns null for a node that has no such text.
        cmark_node_get_literal(n);
        cmark_node_get_url(n);
        cmark_node_get_title(n);
        cmark_node_get_fence_info(n);
        cmark_node_get_on_enter(n);
        cmark_node_get_on_exit(n);
    }
    cmark_iter_free(it);
}

std::string plain_text(cmark_node* node) {
    std::string out;
    cmark_iter* it = cmark_iter_new(node);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (const char* lit = cmark_node_get_literal(n)) out += lit;
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out += ' '; break;
            default: break;
        }
    }
    cmark_iter_free(it);
    return out;
}

}  // namespace safesite
