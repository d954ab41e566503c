#include "support/date.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

namespace safesite {

namespace {

constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<int> digits(std::string_view s, std::size_t n) {
    if (s.size() != n) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    Date d;
    auto year = digits(text.substr(0, 4), 4);
    if (!year || *year < 1800) return std::nullopt;
    d.year = *year;
    if (text.size() == 4) return d;
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    auto month = digits(text.substr(5, 2), 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    d.month = *month;
    if (text.size() == 7) return d;
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    auto day = digits(text.substr(8, 2), 2);
    if (!day || *day < 1 || *day > days_in_month(d.year, d.month)) return std::nullopt;
    d.day = *day;
    return d;
}

std::optional<Date> parse_full_date(std::string_view text) {
    auto d = parse_date(text);
    if (!d || !d->is_full()) return std::nullopt;
    return d;
}

std::string Date::iso() const {
    // "2015-03-14", "2015-03" or "2015", made in one piece.
    char text[48];
    char* at = std::to_chars(text, text + 24, year).ptr;
    for (int part : {month, day}) {
        if (!part) continue;
        *at++ = '-';
        if (part < 10) *at++ = '0';
        at = std::to_chars(at, text + sizeof text, part).ptr;
    }
    return std::string(text, at);
}

std::string Date::long_form() const {
    // "14 March 2015", "March 2015" or "2015", made in one piece: a chronology shows thousands.
    char text[48];
    char* at = text;
    char* const end = text + sizeof text;
    if (month && day) {
        at = std::to_chars(at, end, day).ptr;
        *at++ = ' ';
    }
    if (month) {
        const std::string_view name = kMonthNames[static_cast<std::size_t>(month - 1)];
        at = std::copy(name.begin(), name.end(), at);
        *at++ = ' ';
    }
    at = std::to_chars(at, end, year).ptr;
    return std::string(text, at);
}

long Date::days_since_epoch() const {
    using namespace std::chrono;
    auto ymd = year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month ? month : 1)},
                              std::chrono::day{static_cast<unsigned>(day ? day : 1)}};
    return static_cast<long>(sys_days{ymd}.time_since_epoch().count());
}

Date today_utc() {
    using namespace std::chrono;
    year_month_day ymd{floor<days>(system_clock::now())};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date add_months(Date d, int months) {
    int total = d.year * 12 + (d.month ? d.month - 1 : 0) + months;
    Date out{total / 12, total % 12 + 1, d.day};
    if (out.day > days_in_month(out.year, out.month)) out.day = days_in_month(out.year, out.month);
    if (!d.month) out.month = 0;
    return out;
}

}  // namespace safesite
