#include "analysis/leak_guard.h"

#include "support/escape.h"
#include "support/hash.h"

#include <algorithm>

namespace safesite {

namespace {

constexpr std::uint64_t kBase = 0x100000001b3ULL;
constexpr unsigned kFilterBits = 22;  // 4 million bits, 512 KiB

// kBase to the power n.
constexpr std::uint64_t power(std::size_t n) {
    std::uint64_t p = 1;
    for (std::size_t i = 0; i < n; ++i) p *= kBase;
    return p;
}

std::uint64_t roll_start(std::string_view text, std::size_t n) {
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < n; ++i) h = h * kBase + static_cast<unsigned char>(text[i]);
    return h;
}

std::size_t filter_bit(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> (64 - kFilterBits)); }

// The few entities escaping writes, turned back, for the message.
std::string unescaped(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        bool matched = false;
        if (html[i] == '&')
            for (auto [entity, ch] : {std::pair<std::string_view, char>{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}})
                if (html.substr(i, entity.size()) == entity) {
                    out += ch;
                    i += entity.size() - 1;
                    matched = true;
                    break;
                }
        if (!matched) out += html[i];
    }
    return out;
}

}  // namespace

void LeakGuard::add_text(const std::string& text, std::uint32_t source) {
    // Short texts ("Mum", "he/him") are everywhere; only names are searched at that length.
    std::string as_text = escape_text(text), as_attribute = escape_attribute(text);
    for (const std::string* form : {&as_text, &as_attribute}) {
        if (form->size() < kKey || (form == &as_attribute && as_attribute == as_text)) continue;
        texts_.push_back({roll_start(*form, kKey), hash_bytes(*form), static_cast<std::uint32_t>(form->size()), source});
    }
    sealed_ = false;
}

void LeakGuard::add_name(const std::string& name, std::uint32_t source) {
    names_.add(NameAutomaton::normal(name), static_cast<std::uint32_t>(name_needles_.size()));
    name_needles_.push_back({source, name});
    sealed_ = false;
}

void LeakGuard::seal() const {
    std::lock_guard hold(seal_lock_);
    if (sealed_) return;
    std::sort(texts_.begin(), texts_.end(), [](const TextNeedle& a, const TextNeedle& b) { return a.key < b.key; });
    filter_.assign((std::size_t{1} << kFilterBits) / 64, 0);
    for (const TextNeedle& t : texts_) filter_[filter_bit(t.key) / 64] |= std::uint64_t{1} << (filter_bit(t.key) % 64);
    names_.build();
    sealed_ = true;
}

void LeakGuard::add(const Child& c) {
    auto source = static_cast<std::uint32_t>(sources_.size());
    sources_.push_back({c.id, c.source_path});
    add_name(c.id, source);
    add_name(c.name, source);
    add_name(c.preferred, source);
    for (const auto& p : c.network) add_name(p.name, source);
    for (const auto& w : c.workers) add_name(w.name, source);
    auto text = [&](const std::string& t) {
        if (!t.empty()) add_text(t, source);
    };
    for (const auto& s : c.about_me) text(s.text);
    for (const auto& p : c.network) text(p.name);
    for (const auto& e : c.chronology) {
        text(e.event);
        text(e.impact);
        text(e.action);
    }
    if (c.plan) {
        for (const auto& s : c.plan->worries) text(s.text);
        for (const auto& s : c.plan->working_well) text(s.text);
        for (const auto& s : c.plan->child_says) text(s.text);
        for (const auto& g : c.plan->goals) {
            text(g.outcome.text);
            if (g.measure) text(g.measure->text);
            for (const auto& a : g.actions) text(a.text);
        }
        if (c.plan->if_no_change) text(c.plan->if_no_change->text);
    }
}

std::optional<Leak> LeakGuard::find(std::string_view out) const {
    if (!sealed_) seal();
    if (!texts_.empty() && out.size() >= kKey) {
        // A rolling hash of each kKey bytes; the filter passes over almost
        // every place, and a hit is confirmed by the whole text's hash.
        static constexpr std::uint64_t top = power(kKey - 1);
        std::uint64_t key = roll_start(out, kKey);
        for (std::size_t i = 0;; ++i) {
            std::size_t bit = filter_bit(key);
            if (filter_[bit / 64] >> (bit % 64) & 1) {
                auto range = std::equal_range(texts_.begin(), texts_.end(), TextNeedle{key, 0, 0, 0},
                                              [](const TextNeedle& a, const TextNeedle& b) { return a.key < b.key; });
                for (auto t = range.first; t != range.second; ++t)
                    if (i + t->length <= out.size() && hash_bytes(out.substr(i, t->length)) == t->whole)
                        return Leak{sources_[t->source].child_id, unescaped(out.substr(i, t->length)), sources_[t->source].source_path};
            }
            if (i + kKey >= out.size()) break;
            key = (key - static_cast<unsigned char>(out[i]) * top) * kBase + static_cast<unsigned char>(out[i + kKey]);
        }
    }
    if (auto name = names_.find(out)) {
        const NameNeedle& n = name_needles_[name->id];
        return Leak{sources_[n.source].child_id, n.original, sources_[n.source].source_path};
    }
    return std::nullopt;
}

}  // namespace safesite
