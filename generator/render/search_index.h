// The index that the search page searches in the browser: every public
// page's address, title and text, as JSON in parts. It is built from the pages as
// rendered, so it holds only what the public site already shows.
#pragma once

#include "support/escape.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safesite {

// One page's entry in the index: a line of JSON holding its address, title
// and the text inside <main> of the rendered page.
std::string search_entry(const std::string& file, const std::string& title, std::string_view page_html);

// The entries of an index this program wrote, by page address, as views
// into `json`: an update reuses the entries of pages it did not rebuild.
std::unordered_map<std::string_view, std::string_view> search_entries(std::string_view json);

// The index comes in parts of this many pages each, in site order, so that
// an update rewrites only the parts that hold pages it rebuilt, and a
// browser can fetch them side by side. search-index.json lists the parts.
constexpr std::size_t kPagesPerSearchPart = 500;

// "search/part-3.json" for part 3 (counting from 1).
std::string search_part_file(std::size_t part);
// One part: its entries, in site order.
std::string search_part_json(const std::vector<std::string_view>& entries);
// search-index.json: {"parts":["search/part-1.json", ...]}.
std::string search_index_json(std::size_t parts);

// Where `tag` (a string that starts with '<') is first, or last, in `html`,
// or npos: as find and rfind, found by each '<' 16 bytes at a time.
std::size_t first_tag(std::string_view html, std::string_view tag);
std::size_t last_tag(std::string_view html, std::string_view tag);

// The readable text of an HTML fragment: tags dropped, the few entities we
// write turned back into characters, white space folded.
std::string text_of_html(std::string_view html);

}  // namespace safesite
