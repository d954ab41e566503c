#include "content/markdown_document.h"

#include "content/markdown_characters.h"
#include "support/escape.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <array>
#include <mutex>

namespace safesite {

namespace {

// Whether parses may run at once (see content/markdown_characters.h).
bool parallel_parses = false;

// `valid_utf8`: the text is known to be well-formed UTF-8, so cmark-gfm need
// not check it again line by line (which it does a byte at a time). Otherwise
// it replaces each malformed sequence with U+FFFD.
cmark_parser* new_parser(bool valid_utf8 = false) {
    const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | (valid_utf8 ? 0 : CMARK_OPT_VALIDATE_UTF8);
    cmark_parser* parser = cmark_parser_new_with_mem(options, MarkdownArena::allocator());
    static constexpr std::array<const char*, 5> kExtensions = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    for (const char* name : kExtensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
    return parser;
}

}  // namespace

void prepare_markdown() {
    static std::once_flag once;
    std::call_once(once, [] {
        cmark_gfm_core_extensions_ensure_registered();
        cmark_parser* parser = new_parser();
        parallel_parses = fix_extension_characters(parser);
        cmark_parser_free(parser);
    });
}

bool markdown_parses_at_once() {
    prepare_markdown();
    return parallel_parses;
}

CmarkTree parse_markdown(std::string_view text) {
    prepare_markdown();
    static std::mutex one_at_a_time;
    std::unique_lock hold(one_at_a_time, std::defer_lock);
    if (!parallel_parses) hold.lock();
    // A tree takes about 30 times its text: most trees fit in their first block, and a short text's is small.
    auto arena = std::make_unique<MarkdownArena>(std::clamp<std::size_t>(text.size() * 32, 2048, 256 * 1024));
    cmark_node* doc = nullptr;
    {
        // The parser, the tree and its texts are taken from the tree's own blocks.
        MarkdownArena::Parsing into(*arena);
        cmark_parser* parser = new_parser(is_valid_utf8(text));
        cmark_parser_feed(parser, text.data(), text.size());
        doc = cmark_parser_finish(parser);
        cmark_parser_free(parser);
        settle_texts(doc);  // so that pages rendered on several threads only read it
    }
    return CmarkTree(doc, CmarkNodeDeleter{std::move(arena)});
}

std::optional<std::string> plain_heading_text(std::string_view line) {
    std::size_t at = 0;
    while (at < line.size() && at < 3 && line[at] == ' ') ++at;
    const std::size_t first = at;
    while (at < line.size() && line[at] == '#') ++at;
    if (at == first || at - first > 6 || (at < line.size() && line[at] != ' ')) return std::nullopt;
    std::string_view text = line.substr(at);
    if (text.ends_with('\r')) text.remove_suffix(1);  // a line ending, as the parser reads it
    if (!is_valid_utf8(text)) return std::nullopt;
    char before = ' ';
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        const bool plain = b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || c == ' ' || c == ',' || c == ';' ||
                           c == '?' || c == '(' || c == ')' || c == '/' || c == '%' || c == '+' || c == '=' || ((c == '-' || c == '.') && before != c);
        if (!plain) return std::nullopt;
        before = c;
    }
    // The parser drops the spaces around the heading's text; so does every caller's trim.
    const std::size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) return std::string();
    return std::string(text.substr(start, text.find_last_not_of(' ') - start + 1));
}

}  // namespace safesite
