// What turning either return into entries needs: codes into words (noting a
// code that is not in its list) and an entry with its stable key.
#pragma once

#include "importers/imported_child.h"

namespace safesite {

class EntryMaker {
public:
    EntryMaker(CodeLists& lists, Diagnostics& diags, ImportedChild& out) : lists_(lists), diags_(diags), out_(out) {}
    // A code was not in its list: the child is left out.
    bool failed = false;

    std::string words(std::string_view list, const std::string& code, const Location& where) {
        auto w = lists_.words(list, code, where, diags_);
        if (!w) failed = true;
        return w.value_or(code);
    }

    // The key is "<what>:<date>": the same event has the same key in every year's return.
    void add(const std::string& what, const std::optional<Date>& date, std::string category, std::string event, std::string plan_kind = {},
             std::string significance = {}) {
        if (!date) return;
        out_.entries.push_back({what + ":" + date->iso(), *date, std::move(category), std::move(plan_kind), std::move(significance), std::move(event)});
    }

protected:
    CodeLists& lists_;
    Diagnostics& diags_;
    ImportedChild& out_;
};

}  // namespace safesite
