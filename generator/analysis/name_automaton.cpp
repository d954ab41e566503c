#include "analysis/name_automaton.h"

#include <algorithm>
#include <array>

namespace safesite {

namespace {

// What each byte is to the scan.
enum Kind : unsigned char { kOther, kWord, kMarkup };

constexpr std::array<unsigned char, 256> kinds() {
    std::array<unsigned char, 256> k{};
    for (int b = 0; b < 256; ++b) {
        bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        k[static_cast<std::size_t>(b)] = alnum || b == '-' || b == '\'' || b >= 0x80 ? kWord : b == '<' || b == '>' || b == '"' ? kMarkup : kOther;
    }
    return k;
}
constexpr std::array<unsigned char, 256> kKind = kinds();

constexpr std::array<unsigned char, 256> folds() {
    std::array<unsigned char, 256> f{};
    for (int b = 0; b < 256; ++b) f[static_cast<std::size_t>(b)] = static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    return f;
}
constexpr std::array<unsigned char, 256> kFold = folds();

constexpr unsigned char kBoundary = ' ';  // never inside a word, so it marks where words start and end

}  // namespace

std::string NameAutomaton::normal(std::string_view name) {
    std::string out;
    bool space = false;
    for (char c : name) {
        auto b = static_cast<unsigned char>(c);
        if (kKind[b] == kWord) {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += static_cast<char>(kFold[b]);
        } else {
            space = true;
        }
    }
    return out;
}

void NameAutomaton::add(std::string_view name, std::uint32_t id) {
    if (name.size() < 2 || std::count(name.begin(), name.end(), ' ') > 2) return;
    std::string pattern;
    pattern.reserve(name.size() + 2);
    pattern += static_cast<char>(kBoundary);
    pattern += name;
    pattern += static_cast<char>(kBoundary);
    names_.emplace_back(std::move(pattern), id);
    nodes_.clear();
}

std::uint32_t NameAutomaton::child(std::uint32_t state, unsigned char byte) const {
    const Node& n = nodes_[state];
    for (std::uint32_t e = n.first_edge; e < n.first_edge + n.edge_count; ++e)
        if (edges_[e].byte == byte) return edges_[e].to;
    return kNone;
}

std::uint32_t NameAutomaton::next(std::uint32_t state, unsigned char byte) const {
    for (;;) {
        if (state == start_) return from_start_[byte];
        std::uint32_t to = child(state, byte);
        if (to != kNone) return to;
        if (state == 0) return 0;
        state = nodes_[state].fail;
    }
}

void NameAutomaton::build() {
    nodes_.clear();
    edges_.clear();
    from_start_.clear();
    if (names_.empty()) return;
    // The first id added for a name wins: a stable sort keeps it first among equals.
    std::stable_sort(names_.begin(), names_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    names_.erase(std::unique(names_.begin(), names_.end(), [](const auto& a, const auto& b) { return a.first == b.first; }), names_.end());

    // The trie, breadth first: each state stands for the names in a range of
    // the sorted list that share its first `depth` bytes, so its edges are
    // made together and lie side by side.
    struct Pending {
        std::uint32_t state;
        std::size_t lo, hi, depth;
    };
    std::vector<Pending> queue{{0, 0, names_.size(), 0}};
    nodes_.emplace_back();
    for (std::size_t q = 0; q < queue.size(); ++q) {
        Pending p = queue[q];
        std::size_t i = p.lo;
        if (names_[i].first.size() == p.depth) nodes_[p.state].id = names_[i++].second;
        nodes_[p.state].first_edge = static_cast<std::uint32_t>(edges_.size());
        while (i < p.hi) {
            unsigned char byte = static_cast<unsigned char>(names_[i].first[p.depth]);
            std::size_t j = i;
            while (j < p.hi && static_cast<unsigned char>(names_[j].first[p.depth]) == byte) ++j;
            auto state = static_cast<std::uint32_t>(nodes_.size());
            nodes_.emplace_back();
            edges_.push_back({byte, state});
            queue.push_back({state, i, j, p.depth + 1});
            i = j;
        }
        nodes_[p.state].edge_count = static_cast<std::uint32_t>(edges_.size()) - nodes_[p.state].first_edge;
    }
    queue = {};

    // Failure links, breadth first (the order states were made in).
    start_ = child(0, kBoundary);
    from_start_.assign(256, 0);
    for (std::uint32_t s = 0; s < nodes_.size(); ++s) {
        const Node& parent = nodes_[s];
        for (std::uint32_t e = parent.first_edge; e < parent.first_edge + parent.edge_count; ++e) {
            std::uint32_t to = edges_[e].to;
            unsigned char byte = edges_[e].byte;
            std::uint32_t fail = 0;
            if (s != 0) {
                std::uint32_t f = parent.fail;
                while (f != 0 && child(f, byte) == kNone) f = nodes_[f].fail;
                std::uint32_t c = child(f, byte);
                fail = c != kNone && c != to ? c : 0;
            }
            nodes_[to].fail = fail;
            nodes_[to].output = nodes_[fail].id != kNone ? fail : nodes_[fail].output;
        }
    }
    // Every word starts at start_: its moves are looked up, not searched for.
    for (int b = 0; b < 256; ++b) {
        auto byte = static_cast<unsigned char>(b);
        std::uint32_t to = child(start_, byte);
        from_start_[byte] = to != kNone ? to : byte == kBoundary ? start_ : 0;
    }
}

std::size_t NameAutomaton::bytes() const {
    return nodes_.capacity() * sizeof(Node) + edges_.capacity() * sizeof(Edge) + from_start_.capacity() * sizeof(std::uint32_t);
}

std::optional<NameAutomaton::Match> NameAutomaton::find(std::string_view text) const {
    if (nodes_.empty()) return std::nullopt;
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const std::size_t n = text.size();
    std::uint32_t state = start_;
    for (std::size_t i = 0;;) {
        while (i < n && kKind[at(i)] != kWord) ++i;
        if (i == n) return std::nullopt;
        // A word: fed to the automaton until no name can go on through it.
        const std::size_t word = i;
        std::size_t fed = i;
        for (; i < n && kKind[at(i)] == kWord; ++i) {
            unsigned char c = at(i);
            // An apostrophe, or an s after one, may be a possessive's: fed once a letter follows.
            if (c == '\'' || ((c == 's' || c == 'S') && i > word && at(i - 1) == '\'')) continue;
            for (; fed <= i && state != 0; ++fed) state = next(state, kFold[at(fed)]);
            if (state == 0) {
                while (i < n && kKind[at(i)] == kWord) ++i;
                break;
            }
        }
        const unsigned char after = i < n ? at(i) : kBoundary;
        if (state == 0) {
            state = start_;  // the word itself was no name's
            continue;
        }
        std::size_t end = i;
        if (end - word >= 2 && at(end - 2) == '\'' && kFold[at(end - 1)] == 's') end -= 2;
        while (end > word && at(end - 1) == '\'') --end;
        if (end == word) continue;  // only apostrophes: not a word
        for (; fed < end && state != 0; ++fed) state = next(state, kFold[at(fed)]);
        state = next(state, kBoundary);
        std::uint32_t found = nodes_[state].id != kNone ? state : nodes_[state].output;
        if (found != kNone) {
            // The shortest name ending here lies deepest down the chain.
            while (nodes_[found].output != kNone) found = nodes_[found].output;
            return Match{nodes_[found].id, i};
        }
        if (kKind[after] == kMarkup) state = start_;
    }
}

}  // namespace safesite
