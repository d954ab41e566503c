// cmark-gfm keeps one table, for the whole process, of the characters at
// which its inline parser stops to look for syntax. Each parse adds its
// extensions' characters (such as '~' and '|') when it starts on the
// inlines, and takes them out again when it ends, so two parses at once
// race: one takes out what the other is using, and a table or a struck-out
// word is missed at random.
//
// Every parser here attaches the same extensions, so the characters can be
// added once and left in: the library's own function for adding and taking
// them out, which it calls through its table of symbols, is taken over by
// one of ours that does nothing once the characters are in. Whether the
// library really calls ours is tried on a small document; if it does not,
// parses stay one at a time.
#pragma once

#include <cmark-gfm.h>

namespace safesite {

// Adds the characters of `parser`'s extensions for good; call once, before
// any other thread parses. True if parses may then run at once.
bool fix_extension_characters(cmark_parser* parser);

// How many times the library has called the function taken over, in this process.
long long extension_character_calls();

}  // namespace safesite
