// What the preview server knows about the last build, shared between the
// thread that rebuilds and the threads that answer the browser.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace safesite {

class PreviewState {
public:
    struct Build {
        std::uint64_t generation = 0;  // counts builds, good or bad
        bool ok = true;
        std::string errors;  // the diagnostics, as `check` prints them, when not ok
    };

    void finished(bool ok, std::string errors) {
        {
            std::lock_guard lock(mutex_);
            ++last_.generation;
            last_.ok = ok;
            last_.errors = std::move(errors);
        }
        changed_.notify_all();
    }

    Build last() const {
        std::lock_guard lock(mutex_);
        return last_;
    }

    // Waits up to `timeout` for a build after `seen`; returns the latest either way.
    Build wait_after(std::uint64_t seen, std::chrono::milliseconds timeout) const {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return last_.generation > seen; });
        return last_;
    }

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    Build last_;
};

}  // namespace safesite
