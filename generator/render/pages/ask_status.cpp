#include "render/pages/ask_status.h"

#include "analysis/asks.h"

namespace safesite {

Record ask_status(const std::string& status) {
    const char* symbol = "?";
    if (status == "done") symbol = "\xE2\x9C\x93";              // ✓
    else if (status == "on-track") symbol = "\xE2\x86\x92";     // →
    else if (status == "behind") symbol = "!";
    else if (status == "not-started") symbol = "\xE2\x97\x8B";  // ○
    return Record{{"status", response_status_words(status)},
                  {"status_id", status.empty() ? std::string("not-answered") : status},
                  {"symbol", std::string(symbol)}};
}

}  // namespace safesite
