// Runs fn(0) .. fn(n-1) on up to `jobs` threads. Each index runs once; the
// order they run in is not fixed, so fn must write only to its own slot.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace safesite {

template <typename F>
void parallel_for(std::size_t n, unsigned jobs, F fn) {
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(n)));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < n; ++i) fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
}

inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace safesite
