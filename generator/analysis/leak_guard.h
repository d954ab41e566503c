// The last line of defence for case data: every file of the public site is
// searched, before it is written, for each child's names, id and recorded
// text. A match fails the build.
#pragma once

#include "model/child.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace safesite {

struct Leak {
    std::string child_id;
    std::string found;        // what was found, as it was written in the record
    std::string source_path;  // the child's file
};

class LeakGuard {
public:
    void add(const Child& child);
    // The first child text in `output`, if any.
    std::optional<Leak> find(std::string_view output) const;
    std::size_t size() const { return texts_.size() + names_.size(); }

private:
    struct Needle {
        std::string text;  // as it appears once escaped for HTML
        std::size_t leak;  // index into leaks_
    };
    void add_text(const std::string& text, std::size_t leak);
    void add_name(const std::string& name, std::size_t leak);

    static constexpr std::size_t kKey = 12;  // text needles are found by their first 12 bytes
    std::vector<Leak> leaks_;
    std::vector<Needle> texts_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
    std::unordered_map<std::string, std::size_t> names_;  // whole words and word pairs
};

}  // namespace safesite
