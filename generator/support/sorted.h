// Sorting a vector of large elements (pages, folder entries): their places
// are sorted, and each element is moved once, into a new vector, instead of
// being swapped about by the sort.
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace safesite {

// `items` in the order of `less`; equal items keep their order. Items
// already in order are returned as they are, without a move.
template <typename T, typename Less>
std::vector<T> sorted_moving_once(std::vector<T> items, Less less) {
    if (std::is_sorted(items.begin(), items.end(), less)) return items;
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); });
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) sorted.push_back(std::move(items[i]));
    return sorted;
}

}  // namespace safesite
