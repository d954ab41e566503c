#include "cli/progress_line.h"

#include "support/text.h"

namespace safesite {

ProgressLine::ProgressLine(std::FILE* out, bool enabled, std::chrono::milliseconds after)
    : out_(out), enabled_(enabled), after_(after), started_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    using namespace std::chrono_literals;
    auto now = std::chrono::steady_clock::now();
    if (now - started_ < after_) return;
    std::unique_lock hold(lock_, std::try_to_lock);
    if (!hold || (now - last_ < 100ms && done != total)) return;
    last_ = now;
    shown_ = true;
    std::string line = "\rsafesite: built " + with_thousands(static_cast<long long>(done)) + " of " +
                       with_thousands(static_cast<long long>(total)) + " pages\033[K";
    std::fputs(line.c_str(), out_);
    std::fflush(out_);
}

void ProgressLine::clear() {
    std::lock_guard hold(lock_);
    if (!shown_) return;
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
    shown_ = false;
}

}  // namespace safesite
