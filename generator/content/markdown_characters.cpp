#include "content/markdown_characters.h"

#include <cmark-gfm-extension_api.h>
#include <dlfcn.h>

#include <atomic>

namespace {

std::atomic<bool> characters_fixed{false};
std::atomic<long long> calls{0};

using ManageCharacters = void (*)(cmark_parser*, int);

// The library's own definition: the next one after ours in the lookup order.
ManageCharacters library_definition() {
    static const auto found = reinterpret_cast<ManageCharacters>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    return found;
}

}  // namespace

// Takes the library's place (see markdown_characters.h): the same as the
// library's until the characters are fixed, nothing after.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
    calls.fetch_add(1, std::memory_order_relaxed);
    if (characters_fixed.load(std::memory_order_acquire)) return;
    if (ManageCharacters library = library_definition()) library(parser, add);
}

namespace safesite {

bool fix_extension_characters(cmark_parser* parser) {
    ManageCharacters library = library_definition();
    if (!library) return false;
    library(parser, 1);
    characters_fixed.store(true, std::memory_order_release);
    // A table and a struck-out word make the library add and take out the
    // characters; if it does so without calling ours, the table is shared again.
    long long before = calls.load();
    static constexpr char kTry[] = "| a |\n|---|\n| ~b~ |\n";
    cmark_parser_feed(parser, kTry, sizeof kTry - 1);
    cmark_node_free(cmark_parser_finish(parser));
    if (calls.load() > before) return true;
    characters_fixed.store(false, std::memory_order_release);
    return false;
}

long long extension_character_calls() { return calls.load(); }

}  // namespace safesite
