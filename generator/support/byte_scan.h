// Looking at text 16 bytes at a time: the escaping, the search index's text
// and the word scans find the next byte that needs them this way instead of
// testing every byte. SSE2 where the processor has it (every x86-64), plain
// loops elsewhere; both give the same answers.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace safesite::bytes16 {

#if defined(__SSE2__)
// Sixteen bytes, or sixteen yes/no answers (0xff or 0) about them.
struct Chunk {
    __m128i v;
};
inline Chunk load(const char* p) { return {_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))}; }
inline Chunk equal(Chunk c, char byte) { return {_mm_cmpeq_epi8(c.v, _mm_set1_epi8(byte))}; }
// Bytes below `limit`, taken as unsigned.
inline Chunk below(Chunk c, unsigned char limit) {
    const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
    return {_mm_cmplt_epi8(_mm_xor_si128(c.v, flip), _mm_xor_si128(_mm_set1_epi8(static_cast<char>(limit)), flip))};
}
// Bytes of 0x80 and above: parts of characters beyond ASCII.
inline Chunk high(Chunk c) { return {_mm_cmplt_epi8(c.v, _mm_setzero_si128())}; }
inline Chunk operator|(Chunk a, Chunk b) { return {_mm_or_si128(a.v, b.v)}; }
inline Chunk operator&(Chunk a, Chunk b) { return {_mm_and_si128(a.v, b.v)}; }
inline Chunk operator^(Chunk a, Chunk b) { return {_mm_xor_si128(a.v, b.v)}; }
// Bit k set when answer k is yes.
inline unsigned mask(Chunk c) { return static_cast<unsigned>(_mm_movemask_epi8(c.v)); }
#else
struct Chunk {
    unsigned char b[16];
};
inline Chunk load(const char* p) {
    Chunk c;
    std::memcpy(c.b, p, 16);
    return c;
}
template <typename F>
Chunk each(Chunk c, F f) {
    for (auto& x : c.b) x = f(x) ? 0xff : 0;
    return c;
}
inline Chunk equal(Chunk c, char byte) { return each(c, [&](unsigned char x) { return x == static_cast<unsigned char>(byte); }); }
inline Chunk below(Chunk c, unsigned char limit) { return each(c, [&](unsigned char x) { return x < limit; }); }
inline Chunk high(Chunk c) { return each(c, [](unsigned char x) { return x >= 0x80; }); }
inline Chunk operator|(Chunk a, Chunk b) {
    for (int k = 0; k < 16; ++k) a.b[k] |= b.b[k];
    return a;
}
inline Chunk operator&(Chunk a, Chunk b) {
    for (int k = 0; k < 16; ++k) a.b[k] &= b.b[k];
    return a;
}
inline Chunk operator^(Chunk a, Chunk b) {
    for (int k = 0; k < 16; ++k) a.b[k] ^= b.b[k];
    return a;
}
inline unsigned mask(Chunk c) {
    unsigned m = 0;
    for (int k = 0; k < 16; ++k) m |= static_cast<unsigned>(c.b[k] & 1) << k;
    return m;
}
#endif

// The first place at or after `from` where `hits(chunk)` says yes for a
// byte, or text.size(). The last few bytes are looked at as a chunk too:
// the text's last sixteen, or, in a text shorter than that, a copy padded
// with zeros; only the bytes not yet looked at are answered for.
template <typename Hits>
std::size_t find(std::string_view text, std::size_t from, Hits hits) {
    const char* p = text.data();
    const std::size_t n = text.size();
    std::size_t i = from;
    for (; i + 16 <= n; i += 16)
        if (unsigned m = mask(hits(load(p + i)))) return i + static_cast<std::size_t>(std::countr_zero(m));
    if (i >= n) return n;
    if (n >= 16) {
        // The text's last sixteen bytes, of which the first few were looked at already.
        const unsigned m = mask(hits(load(p + n - 16))) >> (16 - (n - i));
        return m ? i + static_cast<std::size_t>(std::countr_zero(m)) : n;
    }
    char last[16] = {};
    std::memcpy(last, p + i, n - i);
    const unsigned m = mask(hits(load(last))) & ((1u << (n - i)) - 1);
    return m ? i + static_cast<std::size_t>(std::countr_zero(m)) : n;
}

}  // namespace safesite::bytes16
