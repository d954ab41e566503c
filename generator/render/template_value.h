// The values a template can show: text (always escaped), HTML that the
// generator itself built, yes/no, lists and records.
#pragma once

#include "render/html.h"

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace safesite {

class Value;
class Record;
using List = std::vector<Value>;

class Value {
public:
    Value() = default;
    Value(bool b) : v_(b) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string_view s) : v_(std::string(s)) {}
    Value(int n) : v_(std::to_string(n)) {}
    Value(long n) : v_(std::to_string(n)) {}
    Value(Html h) : v_(std::move(h)) {}
    Value(List l) : v_(std::make_shared<const List>(std::move(l))) {}
    Value(Record r);

    bool is_text() const { return std::holds_alternative<std::string>(v_); }
    bool is_html() const { return std::holds_alternative<Html>(v_); }
    bool is_list() const { return std::holds_alternative<std::shared_ptr<const List>>(v_); }
    bool is_record() const { return std::holds_alternative<std::shared_ptr<const Record>>(v_); }
    bool is_nothing() const { return std::holds_alternative<std::monostate>(v_); }

    const std::string& text() const { return std::get<std::string>(v_); }
    const Html& html() const { return std::get<Html>(v_); }
    const List& list() const { return *std::get<std::shared_ptr<const List>>(v_); }
    const Record& record() const { return *std::get<std::shared_ptr<const Record>>(v_); }

    // False for no, nothing, empty text, empty HTML and empty lists.
    bool truthy() const {
        return std::visit(
            [](const auto& x) -> bool {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, std::monostate>) return false;
                else if constexpr (std::is_same_v<T, bool>) return x;
                else if constexpr (std::is_same_v<T, std::string>) return !x.empty();
                else if constexpr (std::is_same_v<T, Html>) return !x.empty();
                else if constexpr (std::is_same_v<T, std::shared_ptr<const List>>) return !x->empty();
                else return true;
            },
            v_);
    }

private:
    // Lists and records are shared, not copied, when a value is passed on.
    std::variant<std::monostate, bool, std::string, Html, std::shared_ptr<const List>, std::shared_ptr<const Record>> v_;
};

// Named values, kept in the order of their names: the interface of a
// std::map<std::string, Value> (find, at, emplace, insert_or_assign, ...),
// over one sorted vector. A page builds hundreds of small records; this
// makes each one allocation instead of one per name, and a lookup a binary
// search through adjacent memory. As with a map, the first of two values
// given the same name is kept, and emplace does not replace. Unlike a map,
// adding a name moves the others: hold no reference into a record across
// an insertion.
class Record {
public:
    using key_type = std::string;
    using mapped_type = Value;
    using value_type = std::pair<std::string, Value>;
    using size_type = std::size_t;
    using iterator = std::vector<value_type>::iterator;
    using const_iterator = std::vector<value_type>::const_iterator;

    // One name and value of a record written out in braces, {"title", t}.
    // The value is mutable so that the record can move it out of the list
    // (whose items are const) rather than copy it a second time: a named
    // std::initializer_list<Entry> is used up by the first record made from it.
    struct Entry {
        template <typename K, typename V>
        Entry(K&& name, V&& v) : first(std::forward<K>(name)), second(std::forward<V>(v)) {}
        Entry(std::string name, Value v) : first(std::move(name)), second(std::move(v)) {}
        std::string first;
        mutable Value second;
    };

    Record() = default;
    // Sorts the names first, then moves each value once, into place.
    Record(std::initializer_list<Entry> values) {
        constexpr std::size_t kSmall = 32;
        const Entry* small[kSmall];
        std::vector<const Entry*> large;
        const Entry** order = small;
        if (values.size() > kSmall) {
            large.resize(values.size());
            order = large.data();
        }
        std::size_t n = 0;
        for (const Entry& v : values) {
            // Insertion sort, stable, so the first of two equal names comes first and is kept.
            std::size_t at = n++;
            while (at > 0 && name_less(v.first, order[at - 1]->first)) {
                order[at] = order[at - 1];
                --at;
            }
            order[at] = &v;
        }
        items_.reserve(n);
        for (std::size_t k = 0; k < n; ++k)
            if (k == 0 || !same_name(order[k]->first, order[k - 1]->first)) items_.emplace_back(order[k]->first, std::move(order[k]->second));
    }

    iterator begin() { return items_.begin(); }
    iterator end() { return items_.end(); }
    const_iterator begin() const { return items_.begin(); }
    const_iterator end() const { return items_.end(); }
    const_iterator cbegin() const { return items_.begin(); }
    const_iterator cend() const { return items_.end(); }
    size_type size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    void clear() { items_.clear(); }
    void reserve(size_type n) { items_.reserve(n); }

    iterator lower_bound(std::string_view key) { return items_.begin() + (bound(key) - items_.data()); }
    const_iterator lower_bound(std::string_view key) const { return items_.begin() + (bound(key) - items_.data()); }
    iterator find(std::string_view key) {
        auto it = lower_bound(key);
        return it != items_.end() && same_name(it->first, key) ? it : items_.end();
    }
    const_iterator find(std::string_view key) const {
        auto it = lower_bound(key);
        return it != items_.end() && same_name(it->first, key) ? it : items_.end();
    }
    // The value named `key`, or null: the lookup the template engine makes.
    const Value* get(std::string_view key) const {
        // A few names are quicker to read through than to halve: most differ
        // in length or first letter, which settles them at once.
        if (items_.size() <= kScan) {
            for (const value_type& v : items_)
                if (same_name(v.first, key)) return &v.second;
            return nullptr;
        }
        const value_type* at = bound(key);
        return at != items_.data() + items_.size() && same_name(at->first, key) ? &at->second : nullptr;
    }
    size_type count(std::string_view key) const { return get(key) ? 1 : 0; }
    bool contains(std::string_view key) const { return get(key) != nullptr; }
    const Value& at(std::string_view key) const {
        if (const Value* v = get(key)) return *v;
        throw std::out_of_range("Record::at: no value named " + std::string(key));
    }
    Value& at(std::string_view key) { return const_cast<Value&>(std::as_const(*this).at(key)); }
    Value& operator[](std::string_view key) { return try_emplace(key).first->second; }

    // Adds `value` as `key` unless the name is taken; says where it is and whether it was added.
    template <typename K, typename... V>
    std::pair<iterator, bool> try_emplace(K&& key, V&&... value) {
        auto it = lower_bound(key);
        if (it != items_.end() && same_name(it->first, key)) return {it, false};
        return {items_.emplace(it, std::string(std::forward<K>(key)), Value(std::forward<V>(value)...)), true};
    }
    template <typename K, typename V>
    std::pair<iterator, bool> emplace(K&& key, V&& value) { return try_emplace(std::forward<K>(key), std::forward<V>(value)); }
    // As emplace; a name given in order at the end (hint end()) is appended
    // without a search, made in its place (a chronology's entries are 200
    // records of twelve names each, for each child).
    template <typename K, typename V>
    iterator emplace_hint(const_iterator hint, K&& key, V&& value) {
        if (hint == items_.end()) {
            const std::string_view name(key);
            if (items_.empty() || name_less(items_.back().first, name)) {
                items_.emplace_back(std::piecewise_construct, std::forward_as_tuple(name), std::forward_as_tuple(std::forward<V>(value)));
                return items_.end() - 1;
            }
        }
        return try_emplace(std::forward<K>(key), std::forward<V>(value)).first;
    }
    std::pair<iterator, bool> insert(value_type v) { return try_emplace(std::move(v.first), std::move(v.second)); }
    template <typename K, typename V>
    std::pair<iterator, bool> insert_or_assign(K&& key, V&& value) {
        auto [it, added] = try_emplace(std::forward<K>(key));
        it->second = Value(std::forward<V>(value));
        return {it, added};
    }
    size_type erase(std::string_view key) {
        auto it = find(key);
        if (it == items_.end()) return 0;
        items_.erase(it);
        return 1;
    }
    iterator erase(const_iterator at) { return items_.erase(at); }

private:
    static constexpr std::size_t kScan = 16;
    // The order of std::string, compared here a byte at a time: names are
    // short and most differ in their first letter, so this is cheaper than
    // calling memcmp.
    static bool name_less(std::string_view a, std::string_view b) {
        std::size_t n = std::min(a.size(), b.size());
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
        return a.size() < b.size();
    }
    static bool same_name(std::string_view a, std::string_view b) {
        if (a.size() != b.size() || (!a.empty() && a[0] != b[0])) return false;
        for (std::size_t i = 1; i < a.size(); ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    const value_type* bound(std::string_view key) const {
        return std::lower_bound(items_.data(), items_.data() + items_.size(), key,
                                [](const value_type& v, std::string_view k) { return name_less(v.first, k); });
    }
    std::vector<value_type> items_;
};

inline Value::Value(Record r) : v_(std::make_shared<const Record>(std::move(r))) {}

}  // namespace safesite
