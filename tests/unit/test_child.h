// A child record made in code, for the leak guard's tests.
#pragma once

#include "model/child.h"
#include "support/date.h"

#include <string>
#include <vector>

namespace safesite::testing {

// A child with an id and a chronology entry for each of `events`.
inline Child child_with_events(std::string id, const std::vector<std::string>& events) {
    Child c;
    c.id = std::move(id);
    for (const std::string& text : events) {
        ChronologyEntry e;
        e.date = *parse_date("2020");
        e.event = text;
        c.chronology.push_back(e);
    }
    return c;
}

}  // namespace safesite::testing
