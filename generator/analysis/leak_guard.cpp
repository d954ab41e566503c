#include "analysis/leak_guard.h"

#include "support/escape.h"
#include "support/hash.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace safesite {

namespace {

// The first 8 bytes of a text, as one number: read in one load at every place of a page.
std::uint64_t prefix_key(const char* text) {
    std::uint64_t key;
    std::memcpy(&key, text, sizeof key);
    return key;
}

std::size_t filter_bit(std::uint64_t key, unsigned bits) { return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> (64 - bits)); }

// Four bytes, as one number (a text's bytes 8 to 11 are kept so).
std::uint32_t four_at(const char* bytes) {
    std::uint32_t four;
    std::memcpy(&four, bytes, sizeof four);
    return four;
}

// The page scan's grams are 8 bytes: few places in a page share 8 bytes
// with a text's start, where 4 bytes ("the ", "and ") are shared everywhere.
std::size_t gram_bit(std::uint64_t gram, unsigned bits) { return static_cast<std::size_t>((gram * 0xc2b2ae3d27d4eb4fULL) >> (64 - bits)); }

// The smallest power of two bits for `items` at `per_item` bits each, within [2^16, 2^max_bits].
unsigned bits_for(std::size_t items, std::size_t per_item, unsigned max_bits) {
    unsigned bits = 16;
    while (bits < max_bits && (std::size_t{1} << bits) < items * per_item) ++bits;
    return bits;
}

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

void LeakGuard::for_each_text(const Child& c, const std::function<void(const std::string&)>& each) {
    // Short texts ("Mum", "he/him") are everywhere; only names are searched at that length.
    auto text = [&](const std::string& t) {
        if (t.empty()) return;
        // Most texts have nothing to escape: the same bytes in text and in an attribute.
        if (escapes_as_itself(t)) {
            if (t.size() >= kShortest) each(t);
            return;
        }
        std::string as_text = escape_text(t), as_attribute = escape_attribute(t);
        if (as_text.size() >= kShortest) each(as_text);
        if (as_attribute != as_text && as_attribute.size() >= kShortest) each(as_attribute);
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

ChildNeedles LeakGuard::needles_of(const Child& c) {
    ChildNeedles n;
    n.child_id = c.id;
    n.source_path = c.source_path;
    n.names.push_back(c.id);
    n.names.push_back(c.name);
    n.names.push_back(c.preferred);
    for (const auto& p : c.network) n.names.push_back(p.name);
    for (const auto& w : c.workers) n.names.push_back(w.name);
    for_each_text(c, [&](const std::string& form) {
        std::string_view searched = std::string_view(form).substr(0, kLongest);
        n.texts.push_back({prefix_key(form.data()), static_cast<std::uint32_t>(hash_bytes(searched)), static_cast<std::uint32_t>(searched.size()),
                           four_at(form.data() + 8)});
    });
    return n;
}

void LeakGuard::add(const ChildNeedles& child) {
    auto source = static_cast<std::uint32_t>(std::min(sources_.size(), kMostChildren));
    if (sources_.size() <= kMostChildren) sources_.push_back({child.child_id, child.source_path});
    for (const std::string& name : child.names) {
        names_.add(NameAutomaton::normal(name), static_cast<std::uint32_t>(name_needles_.size()));
        name_needles_.push_back({source, name});
    }
    for (const ChildNeedles::Text& t : child.texts) {
        texts_.push_back({t.key, t.whole, (source << 12) | (t.length & 0xfff)});
        nexts_.push_back(t.next);
    }
    sealed_ = false;
}

void LeakGuard::group_in_buckets() const {
    bucket_bits_ = 4;
    while (bucket_bits_ < 30 && (std::size_t{1} << bucket_bits_) * 2 < texts_.size()) ++bucket_bits_;
    const std::size_t buckets = std::size_t{1} << bucket_bits_;
    auto bucket_of = [&](const TextNeedle& t) { return filter_bit(t.key, bucket_bits_); };
    bucket_starts_.assign(buckets + 1, 0);
    for (const TextNeedle& t : texts_) ++bucket_starts_[bucket_of(t) + 1];
    for (std::size_t b = 0; b < buckets; ++b) bucket_starts_[b + 1] += bucket_starts_[b];
    // Each text is moved straight to its bucket, in place: where one is taken
    // from, the text that belongs there is put. (The order is the same in every
    // build of the same records.)
    std::vector<std::uint32_t> filled(bucket_starts_.begin(), bucket_starts_.end() - 1);
    for (std::size_t b = 0; b < buckets; ++b)
        while (filled[b] < bucket_starts_[b + 1]) {
            TextNeedle moving = texts_[filled[b]];
            for (std::size_t to = bucket_of(moving); to != b; to = bucket_of(moving)) std::swap(moving, texts_[filled[to]++]);
            texts_[filled[b]++] = moving;
        }
    // In a bucket, texts that begin alike are tried shortest first, so a place's
    // bytes are hashed once for each length.
    auto before = [](const TextNeedle& a, const TextNeedle& b) { return a.key != b.key ? a.key < b.key : a.length() < b.length(); };
    for (std::size_t b = 0; b < buckets; ++b) {
        TextNeedle* first = texts_.data() + bucket_starts_[b];
        TextNeedle* last = texts_.data() + bucket_starts_[b + 1];
        if (last - first > 16) std::sort(first, last, before);
        else if (last - first > 1)
            for (TextNeedle* t = first + 1; t < last; ++t)
                for (TextNeedle* u = t; u > first && before(*u, u[-1]); --u) std::swap(*u, u[-1]);
    }
}

void LeakGuard::seal() const {
    std::lock_guard hold(seal_lock_);
    if (sealed_) return;
    // Every text sets its bits in one pass, in the order added.
    // Grams: 8 bits each, so that about one place looked at in eight is tried; at the texts
    // budget (pipeline/leak_check.h) that is at most 4 MB. Each text's first kShortest
    // bytes are its key's 8 and the 4 held beside it until now.
    gram_bits_ = bits_for(texts_.size() * kGramPlaces, 8, 25);
    grams_.assign((std::size_t{1} << gram_bits_) / 64, 0);
    // The filter: about 16 bits a needle, so few false hits, and for a few children's
    // worth of needles small enough to stay in the processor's nearest cache.
    filter_bits_ = bits_for(texts_.size(), 16, 28);
    filter_.assign((std::size_t{1} << filter_bits_) / 64, 0);
    pairs_.assign(65536 / 64, 0);
    for (std::size_t k = 0; k < texts_.size(); ++k) {
        const std::uint64_t key = texts_[k].key;
        char first[kShortest];
        std::memcpy(first, &key, 8);
        std::memcpy(first + 8, &nexts_[k], 4);
        for (std::size_t at = 0; at < kGramPlaces; ++at) {
            std::size_t g = gram_bit(prefix_key(first + at), gram_bits_);
            grams_[g / 64] |= std::uint64_t{1} << (g % 64);
        }
        std::size_t bit = filter_bit(key, filter_bits_);
        filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
        auto pair = static_cast<std::uint16_t>(key);
        pairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
    }
    std::vector<std::uint32_t>().swap(nexts_);
    // The texts are grouped by a hash of their first 8 bytes into buckets of
    // about two, found at once from a place's bytes, rather than sorted whole:
    // sorting a council's millions of texts was most of the end of its build,
    // on one core. The names' automaton is built on another core meanwhile.
    std::thread other;
    if (texts_.size() >= kBuiltApart) other = std::thread([this] { names_.build(); });
    else names_.build();
    group_in_buckets();
    if (other.joinable()) other.join();
    sealed_ = true;
}

std::optional<Leak> LeakGuard::find(std::string_view out) const {
    if (!sealed_) seal();
    if (!texts_.empty() && out.size() >= kShortest) {
        // A text starting at place s covers s to s + kShortest, so one of
        // every kGramPlaces places from s holds 8 of its first 12 bytes: only
        // those places are looked at, and where their 8 bytes could belong to
        // a text, each place it could start from is tried, in order.
        const char* bytes = out.data();
        const std::uint64_t* pairs = pairs_.data();
        const std::uint64_t* grams = grams_.data();
        const std::size_t last_start = out.size() - kShortest;
        for (std::size_t at = 0; at <= last_start + kGramPlaces - 1; at += kGramPlaces) {
            std::size_t g = gram_bit(prefix_key(bytes + at), gram_bits_);
            if (!(grams[g / 64] >> (g % 64) & 1)) continue;
            for (std::size_t i = at >= kGramPlaces - 1 ? at - (kGramPlaces - 1) : 0; i <= at && i <= last_start; ++i) {
                // Most places are passed over on their first two bytes alone, with no multiply.
                std::uint16_t pair;
                std::memcpy(&pair, bytes + i, sizeof pair);
                if (!(pairs[pair / 64] >> (pair % 64) & 1)) continue;
                std::uint64_t key = prefix_key(bytes + i);
                std::size_t bit = filter_bit(key, filter_bits_);
                if (!(filter_[bit / 64] >> (bit % 64) & 1)) continue;
                const std::size_t bucket = filter_bit(key, bucket_bits_);
                const TextNeedle* t = texts_.data() + bucket_starts_[bucket];
                const TextNeedle* const last = texts_.data() + bucket_starts_[bucket + 1];
                while (t != last && t->key < key) ++t;
                std::uint32_t hashed_length = 0, hash = 0;
                for (; t != last && t->key == key; ++t) {
                    if (i + t->length() > out.size()) break;  // the rest are no shorter
                    if (t->length() != hashed_length) {
                        hashed_length = t->length();
                        hash = static_cast<std::uint32_t>(hash_bytes(out.substr(i, hashed_length)));
                    }
                    if (hash != t->whole) continue;
                    const Source& s = sources_[std::min<std::size_t>(t->source(), sources_.size() - 1)];
                    std::string_view found = out.substr(i, t->length());
                    if (!confirm_ || confirm_(s.source_path, found)) return Leak{s.child_id, unescaped(found), s.source_path};
                }
            }
        }
    }
    if (auto name = names_.find(out)) {
        const NameNeedle& n = name_needles_[name->id];
        return Leak{sources_[n.source].child_id, n.original, sources_[n.source].source_path};
    }
    return std::nullopt;
}

}  // namespace safesite
