#include "analysis/page_places.h"

#include <cstring>

namespace safesite {

PagePlaces::PagePlaces(std::size_t bytes) {
    while (bits_wide_ < 28 && (std::size_t{1} << bits_wide_) < bytes * 16) ++bits_wide_;
    bits_.assign((std::size_t{1} << bits_wide_) / 64, 0);
}

void PagePlaces::add(std::string_view page) {
    for (std::size_t at = 0; at + 12 <= page.size(); ++at) {
        // As the guard reads a text's first 8 bytes and the 4 after them.
        std::uint64_t key;
        std::uint32_t next;
        std::memcpy(&key, page.data() + at, sizeof key);
        std::memcpy(&next, page.data() + at + 8, sizeof next);
        std::size_t bit = bit_of(key, next);
        bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

ChildNeedles PagePlaces::could_be_in_pages(const ChildNeedles& child) const {
    ChildNeedles kept;
    kept.child_id = child.child_id;
    kept.source_path = child.source_path;
    kept.names = child.names;
    for (const ChildNeedles::Text& t : child.texts)
        if (may_hold(t.key, t.next)) kept.texts.push_back(t);
    return kept;
}

}  // namespace safesite
