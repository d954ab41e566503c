// What pages could hold, for the leak guard past its budget.
//
// A council's children have millions of recorded texts; its public site is
// a few hundred pages. Rather than hold every child's texts, a part at a
// time, and search the pages once for each part, the 12 bytes at every
// place of the pages are set as bits of a filter first. A text can be in a
// page only if its first 12 bytes are at some place of it (every text
// searched has 12), so a child's texts whose first 12 bytes are not in the
// filter are set aside before the guard ever holds them: most of them. The
// guard searches the pages for the few left as it would for all
// (analysis/leak_guard.h). The filter can let through a text that is not
// in the pages, never keep out one that is.
#pragma once

#include "analysis/leak_guard.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace safesite {

class PagePlaces {
public:
    // The most bytes of pages it is made for: past them, nearly every text
    // would pass, and the pages are searched for all as before.
    static constexpr std::size_t kMostBytes = std::size_t{4} << 20;

    // For pages of `bytes` in all (at most kMostBytes): 16 to 32 bits for each place, at most 8 MB.
    explicit PagePlaces(std::size_t bytes);
    void add(std::string_view page);
    // Whether a text beginning with these 12 bytes (as ChildNeedles::Text keeps them) could be in one of the pages.
    bool may_hold(std::uint64_t first_eight, std::uint32_t next_four) const {
        std::size_t bit = bit_of(first_eight, next_four);
        return bits_[bit / 64] >> (bit % 64) & 1;
    }
    // `child` with only the texts that could be in the pages; its names are kept, all of them.
    ChildNeedles could_be_in_pages(const ChildNeedles& child) const;

private:
    std::size_t bit_of(std::uint64_t key, std::uint32_t next) const {
        return static_cast<std::size_t>(((key ^ (std::uint64_t{next} << 29)) * 0xd6e8feb86659fd93ULL + next) * 0x9e3779b97f4a7c15ULL >> (64 - bits_wide_));
    }
    unsigned bits_wide_ = 16;
    std::vector<std::uint64_t> bits_;
};

}  // namespace safesite
