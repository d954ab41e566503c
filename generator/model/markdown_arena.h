// Where a parsed Markdown document's memory comes from. cmark-gfm asks for
// a small block for every node and every piece of text (a page of 1.5 KB
// makes about 300), and frees each again when the tree goes: a tenth of a
// build of many pages went to the system's calloc and free.
//
// While a document is parsed, its blocks are taken one after another from a
// few large ones that the tree owns (MarkdownArena), and freeing one of them
// does nothing; the large blocks go with the tree. A block asked for at any
// other time, when a tree is changed after its parse, comes from the system
// as before. Every block says where it came from, so each is freed the
// right way, whichever tree or thread frees it.
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace safesite {

class MarkdownArena {
public:
    // `first_block`: the size of the first large block; a text's tree takes about 30 times the text.
    explicit MarkdownArena(std::size_t first_block = 16 * 1024) : first_block_(first_block) {}
    MarkdownArena(const MarkdownArena&) = delete;
    MarkdownArena& operator=(const MarkdownArena&) = delete;

    // cmark-gfm's allocator: from the arena being parsed into on this thread, if any.
    static cmark_mem* allocator();

    // While one is alive, blocks asked for on this thread come from `arena`.
    class Parsing {
    public:
        explicit Parsing(MarkdownArena& arena);
        ~Parsing();
        Parsing(const Parsing&) = delete;
        Parsing& operator=(const Parsing&) = delete;

    private:
        MarkdownArena* before_;
    };

    // How many blocks have come from the system since the program began, for tests.
    static std::size_t blocks_from_system();

    // Bytes held in large blocks, for tests.
    std::size_t held() const;

    void* take(std::size_t bytes);  // with its header, not zeroed; used by the allocator

private:
    struct Block {
        std::unique_ptr<std::byte[]> bytes;
        std::size_t size = 0;
    };
    std::vector<Block> blocks_;
    std::size_t first_block_;
    std::byte* next_ = nullptr;  // the next free byte of the last block
    std::byte* end_ = nullptr;
};

}  // namespace safesite
