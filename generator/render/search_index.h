// The index that the search page searches in the browser: every public
// page's address, title and text, as JSON. It is built from the pages as
// rendered, so it holds only what the public site already shows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safesite {

class SearchIndex {
public:
    // Adds the text inside <main> of a rendered page.
    void add(const std::string& file, const std::string& title, std::string_view page_html);
    // Appends another index's entries, in their order.
    void merge(SearchIndex&& other);
    std::string json() const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string file, title, text;
    };
    std::vector<Entry> entries_;
};

// The readable text of an HTML fragment: tags dropped, the few entities we
// write turned back into characters, white space folded.
std::string text_of_html(std::string_view html);
void append_json_string(std::string& out, std::string_view text);

}  // namespace safesite
