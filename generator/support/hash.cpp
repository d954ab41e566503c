#include "support/hash.h"

#include <cstring>

namespace safesite {

namespace {

constexpr std::uint64_t kMul = 0xff51afd7ed558ccdULL;

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= kMul;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

}  // namespace

// Eight bytes at a time, four independent lanes so the multiplies overlap.
std::uint64_t hash_bytes(std::string_view data, std::uint64_t seed) {
    const char* p = data.data();
    std::size_t n = data.size();
    std::uint64_t lane[4] = {seed ^ 0x243f6a8885a308d3ULL, seed ^ 0x13198a2e03707344ULL, seed ^ 0xa4093822299f31d0ULL, seed ^ 0x082efa98ec4e6c89ULL};
    while (n >= 32) {
        for (auto& l : lane) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            l = (l ^ w) * kMul;
            l ^= l >> 29;
            p += 8;
        }
        n -= 32;
    }
    std::uint64_t h = mix(lane[0]) ^ (mix(lane[1]) * 3) ^ (mix(lane[2]) * 5) ^ (mix(lane[3]) * 7);
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = mix(h ^ w);
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    return mix(h ^ tail ^ (static_cast<std::uint64_t>(data.size()) << 3));
}

Hasher& Hasher::add(std::string_view text) {
    state_ = mix(state_ ^ hash_bytes(text, state_) ^ text.size());
    return *this;
}

Hasher& Hasher::add(long long number) {
    state_ = mix(state_ ^ static_cast<std::uint64_t>(number) ^ 0x5bd1e995ULL);
    return *this;
}

std::string hex64(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 15];
    return out;
}

bool parse_hex64(std::string_view text, std::uint64_t& value) {
    if (text.size() != 16) return false;
    value = 0;
    for (char c : text) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        value = value << 4 | static_cast<std::uint64_t>(d);
    }
    return true;
}

}  // namespace safesite
