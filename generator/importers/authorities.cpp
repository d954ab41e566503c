#include "importers/authorities.h"

#include "support/text.h"

#include <cctype>

namespace safesite {

namespace {

// One CSV record; fields may be quoted ("Bournemouth, Christchurch and Poole").
std::vector<std::string> csv_fields(std::string_view line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

std::vector<Authority> parse_table(std::string_view csv) {
    std::vector<Authority> out;
    for (std::string_view line : split_lines(csv)) {
        if (line.empty() || line.starts_with("#") || line.starts_with("code,")) continue;
        auto f = csv_fields(line);
        if (f.size() < 5) continue;
        Authority a{f[0], f[1], parse_full_date(f[2]), parse_full_date(f[3]), {}};
        for (std::size_t at = 0; !f[4].empty() && at != std::string::npos;) {
            std::size_t bar = f[4].find('|', at);
            a.also.push_back(f[4].substr(at, bar == std::string::npos ? std::string::npos : bar - at));
            at = bar == std::string::npos ? bar : bar + 1;
        }
        out.push_back(std::move(a));
    }
    return out;
}

// Letters and digits lowercased, "&" as "and", everything else one space.
std::string folded(std::string_view s) {
    std::string out = " ";
    for (char c : s) {
        if (c == '&') out += out.back() == ' ' ? "and " : " and ";
        else if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (c == '\'') continue;
        else if (out.back() != ' ') out += ' ';
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

}  // namespace

const std::vector<Authority>& english_authorities() {
    static const std::vector<Authority> table = parse_table(built_in_authorities("england"));
    return table;
}

std::optional<Authority> find_authority(std::string_view text, std::optional<Date> when) {
    std::string hay = folded(text);
    const Authority* best = nullptr;
    std::size_t best_length = 0, best_at = std::string::npos;
    bool tie = false;
    for (const Authority& a : english_authorities()) {
        if (when && ((a.from && *when < *a.from) || (a.to && *a.to < *when))) continue;
        std::vector<std::string> names = a.also;
        names.push_back(a.name);
        for (const std::string& n : names) {
            std::string needle = folded(n);
            std::size_t at = hay.find(needle);
            if (at == std::string::npos) continue;
            // The longest name wins ("North East Lincolnshire" over "Lincolnshire"); then the first.
            if (needle.size() > best_length || (needle.size() == best_length && at < best_at)) {
                tie = best && best != &a && needle.size() == best_length && at == best_at;
                best = &a;
                best_length = needle.size();
                best_at = at;
            }
        }
    }
    if (!best || tie) return std::nullopt;
    return *best;
}

}  // namespace safesite
