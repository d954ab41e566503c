#include <doctest/doctest.h>

#include "support/working_days.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace safesite;

namespace {

std::vector<std::string> holidays(int year) {
    std::vector<std::string> out;
    for (const Date& d : english_bank_holidays(year)) out.push_back(d.iso());
    return out;
}

Date day(const char* iso) { return parse_full_date(iso).value(); }

}  // namespace

// Each list is the one GOV.UK publishes for England and Wales.
TEST_CASE("a year with no weekend holidays and no one-off changes") {
    CHECK(holidays(2024) == std::vector<std::string>{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
                                                     "2024-12-25", "2024-12-26"});
    CHECK(holidays(2025) == std::vector<std::string>{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
                                                     "2025-12-25", "2025-12-26"});
}

TEST_CASE("holidays on a weekend have substitute days") {
    // 2021: Christmas on Saturday, Boxing Day on Sunday.
    CHECK(holidays(2021) == std::vector<std::string>{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
                                                     "2021-12-27", "2021-12-28"});
    // 2026: Boxing Day on Saturday; 2027: Christmas on Saturday, Easter in March.
    CHECK(holidays(2026).back() == "2026-12-28");
    CHECK(holidays(2027) == std::vector<std::string>{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
                                                     "2027-12-27", "2027-12-28"});
    // 2011: New Year's Day on Saturday, Christmas on Sunday.
    CHECK(holidays(2011).front() == "2011-01-03");
    CHECK(is_english_bank_holiday(day("2011-12-26")));
    CHECK(is_english_bank_holiday(day("2011-12-27")));
    // 2023: New Year's Day on Sunday.
    CHECK(holidays(2023).front() == "2023-01-02");
}

TEST_CASE("one-off changes: jubilees, VE day, a state funeral and a coronation") {
    CHECK(holidays(2012) == std::vector<std::string>{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05",
                                                     "2012-08-27", "2012-12-25", "2012-12-26"});
    CHECK(holidays(2020) == std::vector<std::string>{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
                                                     "2020-12-25", "2020-12-28"});
    CHECK(holidays(2022) == std::vector<std::string>{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
                                                     "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"});
    CHECK(holidays(2023) == std::vector<std::string>{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
                                                     "2023-08-28", "2023-12-25", "2023-12-26"});
    CHECK(is_english_bank_holiday(day("2011-04-29")));  // the royal wedding
    CHECK_FALSE(is_english_bank_holiday(day("2020-05-04")));
    CHECK_FALSE(is_english_bank_holiday(day("2022-05-30")));
}

TEST_CASE("working days skip weekends and bank holidays and count the end day, not the start") {
    CHECK(weekday(day("2023-05-08")) == 0);  // a Monday
    CHECK(weekday(day("2023-05-07")) == 6);
    CHECK(working_days_between(day("2023-05-05"), day("2023-05-05")) == 0);
    // Friday to Tuesday over the coronation Monday: only the Tuesday.
    CHECK(working_days_between(day("2023-05-05"), day("2023-05-09")) == 1);
    // Friday 22 December 2023 to Tuesday 2 January 2024: 27, 28, 29 December and 2 January.
    CHECK(working_days_between(day("2023-12-22"), day("2024-01-02")) == 4);
    CHECK(working_days_between(day("2024-01-02"), day("2023-12-22")) == -4);
    // A plain fortnight: ten working days.
    CHECK(working_days_between(day("2024-06-03"), day("2024-06-17")) == 10);
    CHECK_FALSE(is_working_day(day("2022-09-19")));
    CHECK(is_working_day(day("2022-09-20")));
}

TEST_CASE("working days are counted as by asking of every day whether it is one, across years and bank holidays") {
    // The count takes weeks at once and the bank holidays between: it must
    // agree with asking each day, for spans that start and end on every day
    // of the week, on and next to holidays, across the turn of years, long
    // and short, both ways round.
    auto one_day_at_a_time = [](Date from, Date to) {
        bool back = to < from;
        if (back) std::swap(from, to);
        int count = 0;
        for (long n = from.days_since_epoch() + 1; n <= to.days_since_epoch(); ++n) count += is_working_day(from_days_since_epoch(n)) ? 1 : 0;
        return back ? -count : count;
    };
    const long first = day("1997-12-20").days_since_epoch(), last = day("2031-01-10").days_since_epoch();
    // Every start around the holidays of 2022 (a jubilee, a funeral) with every end up to 40 days on.
    for (long a = day("2022-05-25").days_since_epoch(); a <= day("2022-06-10").days_since_epoch(); ++a)
        for (long b = a - 3; b <= a + 40; ++b)
            REQUIRE(working_days_between(from_days_since_epoch(a), from_days_since_epoch(b)) == one_day_at_a_time(from_days_since_epoch(a), from_days_since_epoch(b)));
    // And pseudo-random spans of up to ten years anywhere in the years known.
    unsigned long state = 20261207;
    auto next = [&](long below) {
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        return static_cast<long>((state >> 33) % static_cast<unsigned long>(below));
    };
    for (int k = 0; k < 3000; ++k) {
        const long a = first + next(last - first);
        const long b = std::clamp(a + next(2 * 3650) - 3650, first, last);
        REQUIRE(working_days_between(from_days_since_epoch(a), from_days_since_epoch(b)) == one_day_at_a_time(from_days_since_epoch(a), from_days_since_epoch(b)));
    }
    // Days before 1970 count the same way.
    CHECK(working_days_between(day("1969-12-26"), day("1970-01-05")) == one_day_at_a_time(day("1969-12-26"), day("1970-01-05")));
}
