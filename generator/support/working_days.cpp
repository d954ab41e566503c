#include "support/working_days.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace safesite {

namespace {

Date plus_days(Date d, long n) { return from_days_since_epoch(d.days_since_epoch() + n); }

// Western Easter Sunday (the anonymous Gregorian algorithm).
Date easter_sunday(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return {y, month, day};
}

Date first_monday(int y, int month) {
    Date d{y, month, 1};
    return plus_days(d, (7 - weekday(d)) % 7);
}

Date last_monday(int y, int month) {
    Date d = add_months(Date{y, month, 1}, 1);
    d = plus_days(d, -1);
    return plus_days(d, -weekday(d));
}

// A fixed holiday on a weekend moves to the next weekday not already taken.
void add_with_substitute(std::vector<Date>& days, Date d) {
    while (weekday(d) >= 5 || std::find(days.begin(), days.end(), d) != days.end()) d = plus_days(d, 1);
    days.push_back(d);
}

// The one-off changes, by year: a regular holiday moved (from, to), or a day
// added (from empty). Each was made by royal proclamation.
struct Change {
    Date moved_from;  // year 0 when the day is added
    Date day;
};

const std::multimap<int, Change>& one_off_changes() {
    static const std::multimap<int, Change> changes = {
        {1999, {{}, {1999, 12, 31}}},                   // the millennium
        {2002, {{2002, 5, 27}, {2002, 6, 4}}},          // golden jubilee: spring holiday moved
        {2002, {{}, {2002, 6, 3}}},                     // and a day added
        {2011, {{}, {2011, 4, 29}}},                    // royal wedding
        {2012, {{2012, 5, 28}, {2012, 6, 4}}},          // diamond jubilee: spring holiday moved
        {2012, {{}, {2012, 6, 5}}},                     // and a day added
        {2020, {{2020, 5, 4}, {2020, 5, 8}}},           // early May moved to VE day's 75th anniversary
        {2022, {{2022, 5, 30}, {2022, 6, 2}}},          // platinum jubilee: spring holiday moved
        {2022, {{}, {2022, 6, 3}}},                     // and a day added
        {2022, {{}, {2022, 9, 19}}},                    // the state funeral of Queen Elizabeth II
        {2023, {{}, {2023, 5, 8}}},                     // the coronation of King Charles III
    };
    return changes;
}

}  // namespace

int weekday(Date day) {
    using namespace std::chrono;
    return static_cast<int>(std::chrono::weekday{sys_days{days{day.days_since_epoch()}}}.iso_encoding()) - 1;
}

Date from_days_since_epoch(long n) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{n}}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())), static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::vector<Date> english_bank_holidays(int year) {
    std::vector<Date> days;
    add_with_substitute(days, {year, 1, 1});
    Date easter = easter_sunday(year);
    days.push_back(plus_days(easter, -2));  // Good Friday
    days.push_back(plus_days(easter, 1));   // Easter Monday
    days.push_back(first_monday(year, 5));
    days.push_back(last_monday(year, 5));
    days.push_back(last_monday(year, 8));
    // Christmas first: on a Sunday its substitute is the Monday, and Boxing
    // Day's moves on to the Tuesday (the Department's calendar says the
    // same days the other way round).
    add_with_substitute(days, {year, 12, 25});
    add_with_substitute(days, {year, 12, 26});
    auto [first, last] = one_off_changes().equal_range(year);
    for (auto it = first; it != last; ++it) {
        const Change& c = it->second;
        if (c.moved_from.year) std::erase(days, c.moved_from);
        days.push_back(c.day);
    }
    std::sort(days.begin(), days.end());
    return days;
}

namespace {

// Each year's list, made once a thread: counting an assessment asks about every day in it.
const std::vector<Date>& holidays_of(int year) {
    static thread_local std::map<int, std::vector<Date>> cache;
    auto it = cache.find(year);
    if (it == cache.end()) it = cache.emplace(year, english_bank_holidays(year)).first;
    return it->second;
}

// Monday to Friday from long ago up to and including day `n` (days since
// 1970-01-01): five a week, and the week's own up to `n`.
long weekdays_to(long n) {
    using namespace std::chrono;
    const long into_week = static_cast<long>(std::chrono::weekday{sys_days{days{n}}}.iso_encoding()) - 1;  // 0 on a Monday
    const long weeks = (n - into_week - 4) / 7;  // from the Monday of 1970-01-05, day 4: a whole number of weeks
    return weeks * 5 + std::min(into_week + 1, 5L);
}

}  // namespace

bool is_english_bank_holiday(Date day) {
    const std::vector<Date>& days = holidays_of(day.year);
    return std::binary_search(days.begin(), days.end(), day);
}

bool is_working_day(Date day) { return weekday(day) < 5 && !is_english_bank_holiday(day); }

int working_days_between(Date from, Date to) {
    if (to < from) return -working_days_between(to, from);
    const long start = from.days_since_epoch(), end = to.days_since_epoch();
    // The weekdays after `from` up to `to`, less the bank holidays among them.
    long count = weekdays_to(end) - weekdays_to(start);
    for (int year = from.year; year <= to.year; ++year)
        for (const Date& d : holidays_of(year)) {
            const long n = d.days_since_epoch();
            if (n > start && n <= end && weekday(d) < 5) --count;
        }
    return static_cast<int>(count);
}

}  // namespace safesite
