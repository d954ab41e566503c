// Numbers and texts packed into bytes and read back, for records a build
// keeps for itself (never for other programs): numbers in this machine's
// byte order, a text as its length and its bytes. Reading checks every
// length, so a damaged record is refused, never overrun.
#pragma once

#include "support/diagnostics.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace safesite {

class BinaryOut {
public:
    template <typename T>
    void number(T v) {
        static_assert(std::is_arithmetic_v<T>);
        char b[sizeof v];
        std::memcpy(b, &v, sizeof v);
        bytes.append(b, sizeof v);
    }
    void text(std::string_view t) {
        number(static_cast<std::uint32_t>(t.size()));
        bytes.append(t);
    }
    void diagnostic(const Diagnostic& d) {
        text(d.where.path);
        number(static_cast<std::int32_t>(d.where.line));
        number(static_cast<std::int32_t>(d.where.column));
        number(static_cast<std::uint8_t>(d.severity == Severity::error));
        for (const std::string* t : {&d.message, &d.hint, &d.code, &d.source_line}) text(*t);
    }
    std::string bytes;
};

class BinaryIn {
public:
    explicit BinaryIn(std::string_view b) : bytes(b) {}
    template <typename T>
    bool number(T& v) {
        static_assert(std::is_arithmetic_v<T>);
        if (bytes.size() - at < sizeof v) return false;
        std::memcpy(&v, bytes.data() + at, sizeof v);
        at += sizeof v;
        return true;
    }
    bool text(std::string& t) {
        std::uint32_t n = 0;
        if (!number(n) || bytes.size() - at < n) return false;
        t.assign(bytes.substr(at, n));
        at += n;
        return true;
    }
    bool diagnostic(Diagnostic& d) {
        std::int32_t line = 0, column = 0;
        std::uint8_t error = 0;
        if (!text(d.where.path) || !number(line) || !number(column) || !number(error) || !text(d.message) || !text(d.hint) || !text(d.code) ||
            !text(d.source_line))
            return false;
        d.where.line = line;
        d.where.column = column;
        d.severity = error ? Severity::error : Severity::warning;
        return true;
    }
    bool done() const { return at == bytes.size(); }
    std::string_view bytes;
    std::size_t at = 0;
};

}  // namespace safesite
