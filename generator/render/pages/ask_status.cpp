#include "render/pages/ask_status.h"

#include "analysis/asks.h"

namespace safesite {

Record ask_status(const std::string& status) {
    const ResponseStatus& s = response_status(status);
    return Record{{"status", std::string(s.words)},
                  {"status_id", status.empty() ? std::string("not-answered") : status},
                  {"symbol", std::string(s.symbol)}};
}

}  // namespace safesite
