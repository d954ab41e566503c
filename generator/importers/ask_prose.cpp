#include "importers/ask_prose.h"

#include "support/text.h"

#include <cctype>

namespace safesite {

namespace {

bool has(const std::string& text, std::string_view words) { return text.find(words) != std::string::npos; }

// "the timeliness of plans; the quality of assessments; and supervision."
// as three asks; without semicolons, a sentence is an ask.
std::vector<std::string> split_asks(std::string_view text) {
    std::vector<std::string> parts;
    std::string s = trim(text);
    bool by_semicolon = s.find(';') != std::string::npos;
    std::string part;
    auto flush = [&] {
        std::string p = trim(part);
        for (std::string_view joint : {"and ", "or "})
            if (p.starts_with(joint)) p = trim(std::string_view(p).substr(joint.size()));
        if (p.size() > 3) parts.push_back(p);
        part.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (by_semicolon && c == ';') {
            flush();
            continue;
        }
        part += c;
        // A sentence ends at a full stop before a capital: "plans. The quality".
        bool sentence_end = !by_semicolon && c == '.' && i + 2 < s.size() && s[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(s[i + 2]));
        if (sentence_end) flush();
    }
    flush();
    return parts;
}

}  // namespace

AskProse read_ask_prose(std::string_view paragraph, bool introduced) {
    std::string text = trim(paragraph);
    std::string lower = lower_ascii(text);
    AskProse out;
    if (text.empty()) return out;
    // "... set at the last focused visit in February 2020 remain. There are no additional priority actions."
    bool earlier_visit = has(lower, "last focused visit") || has(lower, "last visit") || has(lower, "previous") || has(lower, "last monitoring visit") ||
                         has(lower, "earlier") || has(lower, "last inspection");
    bool still = has(lower, " remain") || has(lower, "not resolved") || has(lower, "not been resolved") || has(lower, "continue to be");
    if ((earlier_visit || has(lower, " inspection in ") || has(lower, " visit in ")) && still && !text.ends_with(":")) {
        out.kind = AskProse::Kind::earlier;
        return out;
    }
    // "There are no priority actions", "no additional areas for improvement", "did not find any areas for priority and immediate action".
    for (std::string_view no : {"no ", "not find any ", "not identify any ", "not identified any ", "not make any ", "not any "}) {
        for (std::size_t at = lower.find(no); at != std::string::npos; at = lower.find(no, at + 1)) {
            if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
            std::string after = lower.substr(at + no.size(), 40);
            if (has(after, "priority") || has(after, "areas for improvement") || has(after, "recommendation")) {
                out.kind = AskProse::Kind::none;
                return out;
            }
        }
    }
    if (text.ends_with(":")) {
        out.kind = AskProse::Kind::introduction;
        return out;
    }
    // The asks run on after the introduction's colon: "... areas of weakness: the timeliness of plans; ...".
    if (std::size_t colon = text.find(':'); colon != std::string::npos && colon > 20) {
        out.asks = split_asks(std::string_view(text).substr(colon + 1));
        out.kind = out.asks.empty() ? AskProse::Kind::unknown : AskProse::Kind::asks;
        return out;
    }
    // "... needs to take swift and decisive action to address the following areas of weakness. The timeliness of plans. ..."
    if (std::size_t following = lower.find("the following"); following != std::string::npos) {
        std::size_t stop = text.find(". ", following);
        if (stop == std::string::npos) {
            out.kind = AskProse::Kind::introduction;  // the asks come after it, as a list or as sentences
            return out;
        }
        out.asks = split_asks(std::string_view(text).substr(stop + 2));
        out.kind = out.asks.empty() ? AskProse::Kind::introduction : AskProse::Kind::asks;
        return out;
    }
    // One ask in a sentence of its own: "The local authority needs to take swift and decisive action to address delays in ...".
    if (has(lower, "swift and decisive") || has(lower, " must ") || has(lower, "needs to ") || has(lower, "need to ") || has(lower, " should ")) {
        out.kind = AskProse::Kind::asks;
        out.asks.push_back(text);
        return out;
    }
    if (introduced) {
        out.asks = split_asks(text);
        if (!out.asks.empty()) out.kind = AskProse::Kind::asks;
    }
    return out;
}

}  // namespace safesite
