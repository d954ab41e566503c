// The values a template can show: text (always escaped), HTML that the
// generator itself built, yes/no, lists and records.
#pragma once

#include "render/html.h"

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace safesite {

class Value;
using List = std::vector<Value>;
using Record = std::map<std::string, Value, std::less<>>;

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
    Value(Record r) : v_(std::make_shared<const Record>(std::move(r))) {}

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

}  // namespace safesite
