// "safesite: built 4,200 of 10,000 pages" on one line of a terminal,
// rewritten in place, for builds that take more than a second.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>

namespace safesite {

class ProgressLine {
public:
    // Shows nothing unless `enabled` (a terminal, and not --quiet), and
    // nothing until the build has taken `after`.
    ProgressLine(std::FILE* out, bool enabled, std::chrono::milliseconds after = std::chrono::seconds(1));
    ~ProgressLine() { clear(); }

    // Called from any thread.
    void update(std::size_t done, std::size_t total);
    // Removes the line, so what follows starts on a clean one.
    void clear();

private:
    std::FILE* out_;
    bool enabled_;
    std::chrono::milliseconds after_;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_{};
    std::mutex lock_;
    bool shown_ = false;
};

}  // namespace safesite
