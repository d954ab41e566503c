// The care leavers' local offer: what a care leaver can get, at what age,
// how much, and how to ask for it.
#pragma once

#include "model/markdown_tree.h"
#include "support/date.h"
#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

// Markdown from a file beside the offer, parsed.
struct MarkdownText {
    std::string source_path;
    std::string source;
    CmarkTree tree;
};

struct Amount {
    std::string value;  // as written, e.g. "3000" or "57.50"
    std::string per;    // once, week, month, year; empty when not said
    bool up_to = false;
};

struct Entitlement {
    std::string id;
    std::string topic;
    std::string area;  // statutory area it counts toward; from the topic unless given
    int min_age = 16;
    int max_age = 25;
    std::string title;
    std::optional<Amount> amount;
    std::string who;
    std::string how;
    std::string contact;
    std::string law;
    std::optional<MarkdownText> more;
    Location where;
    Location title_where, who_where, how_where;
};

struct LocalOffer {
    std::string authority;
    Date reviewed;
    std::optional<Date> consulted;
    std::optional<MarkdownText> intro;
    std::string team;
    std::string team_phone;
    std::string team_email;
    std::vector<Entitlement> entitlements;
    std::string source_path;
    Location where;
};

}  // namespace safesite
