#include "analysis/leak_guard.h"

#include "support/escape.h"

#include <cctype>

namespace safesite {

namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80; }

// "Sam's" is Sam.
void drop_possessive(std::string& word) {
    if (word.ends_with("'s")) word.resize(word.size() - 2);
    while (!word.empty() && word.back() == '\'') word.pop_back();
}

// Words of a name, lower-cased, joined by single spaces.
std::string normal_name(std::string_view name) {
    std::string out;
    bool space = false;
    for (char c : name) {
        if (name_char(c)) {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            space = true;
        }
    }
    return out;
}

}  // namespace

void LeakGuard::add_text(const std::string& text, std::size_t leak) {
    // Short texts ("Mum", "he/him") are everywhere; only names are searched at that length.
    for (const std::string& form : {escape_text(text), escape_attribute(text)}) {
        if (form.size() < kKey) continue;
        by_key_[form.substr(0, kKey)].push_back(texts_.size());
        texts_.push_back({form, leak});
    }
}

void LeakGuard::add_name(const std::string& name, std::size_t leak) {
    std::string n = normal_name(name);
    if (n.size() >= 2) names_.emplace(n, leak);
}

void LeakGuard::add(const Child& c) {
    auto leak = [&](const std::string& found) {
        leaks_.push_back({c.id, found, c.source_path});
        return leaks_.size() - 1;
    };
    add_name(c.id, leak(c.id));
    add_name(c.name, leak(c.name));
    add_name(c.preferred, leak(c.preferred));
    for (const auto& p : c.network) add_name(p.name, leak(p.name));
    for (const auto& w : c.workers) add_name(w.name, leak(w.name));
    auto text = [&](const std::string& t) {
        if (!t.empty()) add_text(t, leak(t));
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
    if (!by_key_.empty() && out.size() >= kKey) {
        std::string key(kKey, ' ');
        for (std::size_t i = 0; i + kKey <= out.size(); ++i) {
            key.assign(out.data() + i, kKey);
            auto it = by_key_.find(key);
            if (it == by_key_.end()) continue;
            for (std::size_t idx : it->second)
                if (out.substr(i, texts_[idx].text.size()) == texts_[idx].text) return leaks_[texts_[idx].leak];
        }
    }
    if (names_.empty()) return std::nullopt;
    // Names: each word, and each run of two and three words, whole.
    std::vector<std::string> words;
    std::string word;
    auto check_tail = [&]() -> std::optional<Leak> {
        std::string joined;
        for (std::size_t n = 1; n <= 3 && n <= words.size(); ++n) {
            joined = n == 1 ? words.back() : words[words.size() - n] + " " + joined;
            if (auto it = names_.find(joined); it != names_.end()) return leaks_[it->second];
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i <= out.size(); ++i) {
        char c = i < out.size() ? out[i] : ' ';
        if (name_char(c)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        drop_possessive(word);
        if (word.empty()) continue;
        words.push_back(word);
        word.clear();
        if (words.size() > 3) words.erase(words.begin());
        if (auto leak = check_tail()) return leak;
        // Markup between words breaks a run of words.
        if (c == '<' || c == '>' || c == '"') words.clear();
    }
    return std::nullopt;
}

}  // namespace safesite
