#include "model/markdown_arena.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace safesite {

namespace {

thread_local MarkdownArena* parsing_into = nullptr;
std::atomic<std::size_t> system_blocks{0};

// In front of every block cmark-gfm is given: how many bytes it may hold,
// and whether it came from the system (freed there) or from an arena (freed with it).
struct Header {
    std::size_t size;
    std::size_t from_system;
};
constexpr std::size_t kHeader = sizeof(Header);
static_assert(kHeader % alignof(std::max_align_t) == 0, "blocks keep the system's alignment");

constexpr std::size_t kLargestBlock = 1024 * 1024;

Header* header_of(void* p) { return reinterpret_cast<Header*>(static_cast<std::byte*>(p) - kHeader); }

[[noreturn]] void out_of_memory() {
    std::fputs("safesite: out of memory while reading Markdown\n", stderr);
    std::abort();  // as cmark-gfm's own allocator does
}

void* from_system(std::size_t bytes) {
    auto* h = static_cast<Header*>(std::calloc(1, kHeader + bytes));
    if (!h) out_of_memory();
    *h = {bytes, 1};
    system_blocks.fetch_add(1, std::memory_order_relaxed);
    return h + 1;
}

// A block of `bytes`, zeroed as calloc's are when `zeroed`; realloc's need not be.
void* block(std::size_t bytes, bool zeroed) {
    if (bytes > SIZE_MAX - 2 * kHeader) out_of_memory();
    if (!parsing_into) return from_system(bytes);
    void* p = parsing_into->take(bytes);
    if (zeroed) std::memset(p, 0, bytes);
    return p;
}

void* arena_calloc(std::size_t count, std::size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    return block(count * size, true);
}

void* arena_realloc(void* p, std::size_t bytes) {
    if (!p) return block(bytes, false);
    Header* h = header_of(p);
    if (h->from_system) {
        if (bytes > SIZE_MAX - 2 * kHeader) out_of_memory();
        auto* grown = static_cast<Header*>(std::realloc(h, kHeader + bytes));
        if (!grown) out_of_memory();
        grown->size = bytes;
        return grown + 1;
    }
    if (bytes <= h->size) return p;
    void* moved = block(bytes, false);
    std::memcpy(moved, p, h->size);
    return moved;
}

void arena_free(void* p) {
    if (p && header_of(p)->from_system) std::free(header_of(p));
}

cmark_mem allocator_functions = {arena_calloc, arena_realloc, arena_free};

}  // namespace

cmark_mem* MarkdownArena::allocator() { return &allocator_functions; }

std::size_t MarkdownArena::blocks_from_system() { return system_blocks.load(std::memory_order_relaxed); }

MarkdownArena::Parsing::Parsing(MarkdownArena& arena) : before_(parsing_into) { parsing_into = &arena; }
MarkdownArena::Parsing::~Parsing() { parsing_into = before_; }

void* MarkdownArena::take(std::size_t bytes) {
    const std::size_t rounded = (bytes + kHeader - 1) / kHeader * kHeader;
    const std::size_t need = kHeader + rounded;
    if (static_cast<std::size_t>(end_ - next_) < need) {
        std::size_t size = blocks_.empty() ? first_block_ : std::min(blocks_.back().size * 2, kLargestBlock);
        size = std::max(size, need);
        blocks_.push_back({std::make_unique_for_overwrite<std::byte[]>(size), size});
        next_ = blocks_.back().bytes.get();
        end_ = next_ + size;
    }
    auto* h = reinterpret_cast<Header*>(next_);
    next_ += need;
    *h = {rounded, 0};
    return h + 1;
}

std::size_t MarkdownArena::held() const {
    std::size_t total = 0;
    for (const Block& b : blocks_) total += b.size;
    return total;
}

}  // namespace safesite
