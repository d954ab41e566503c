// Escaping text for HTML and XML, and the URL policy: the one place that
// decides how text becomes markup. The template engine, the HTML writer and
// the importers' XML output all call these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

// Appends `text` with & < > escaped. Invalid UTF-8, control characters and
// Unicode non-characters become U+FFFD, so every page is valid HTML whatever
// the content held.
void append_text(std::string& out, std::string_view text);
// As append_text, and quotes escaped too: for attribute values.
void append_attribute_value(std::string& out, std::string_view text);
std::string escape_text(std::string_view text);
std::string escape_attribute(std::string_view text);
// True when escaping leaves `text` as it is, as text and in an attribute:
// printable ASCII without & < > " or '.
bool escapes_as_itself(std::string_view text);

// Appends `text` as a JSON string, quotes included: quotes, backslashes and
// control characters escaped, and "<" too, so that no "</script>" or "<!--"
// can appear in JSON that a page carries.
void append_json_string(std::string& out, std::string_view text);

// The text with invalid UTF-8 and disallowed characters replaced.
std::string clean_text(std::string_view text);
// True when every byte of `text` belongs to a well-formed UTF-8 character
// (RFC 3629: no overlong forms, surrogates, or code points past U+10FFFF).
// ASCII is passed over sixteen bytes at a time.
bool is_valid_utf8(std::string_view text);

// A URL safe to put in href or src: relative, fragment, or http, https,
// mailto or tel. Anything else (javascript:, data:, vbscript:, file: ...)
// gives nullopt. Tabs and newlines are removed first, as browsers do.
std::optional<std::string> safe_url(std::string_view url);
// True for attributes whose value a browser treats as a URL.
bool is_url_attribute(std::string_view name);

}  // namespace safesite
