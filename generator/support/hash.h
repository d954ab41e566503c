// A fast 64-bit hash for telling whether a file or a page has changed since
// the last build. Not for security: content authors are trusted with their
// own site, and a collision would at worst keep an old page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace safesite {

std::uint64_t hash_bytes(std::string_view data, std::uint64_t seed = 0);

// Hashes a sequence of values; each is length-prefixed, so ("ab","c") and
// ("a","bc") differ.
class Hasher {
public:
    Hasher& add(std::string_view text);
    Hasher& add(long long number);
    std::uint64_t value() const { return state_; }

private:
    std::uint64_t state_ = 0x9e3779b97f4a7c15ULL;
};

// 16 lower-case hex digits, and back (nullopt-like 0 with ok=false on bad input).
std::string hex64(std::uint64_t value);
bool parse_hex64(std::string_view text, std::uint64_t& value);

}  // namespace safesite
