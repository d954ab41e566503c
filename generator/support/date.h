// ISO 8601 calendar dates, possibly partial ("2019", "2019-06", "2019-06-14"),
// as content writes them when the exact day is not known.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesite {

struct Date {
    int year = 0;
    int month = 0;  // 0 when unknown
    int day = 0;    // 0 when unknown

    bool is_full() const { return month > 0 && day > 0; }
    // The ISO text back, e.g. "2019-06".
    std::string iso() const;
    // Plain English: "14 March 2015", "June 2019", "2019".
    std::string long_form() const;
    // With the right preposition: "on 14 March 2015", "in June 2019", "in 2019".
    std::string when() const { return (is_full() ? "on " : "in ") + long_form(); }
    // Days since 1970-01-01 of the first day the date can mean.
    long days_since_epoch() const;

    auto operator<=>(const Date&) const = default;
};

// Accepts YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
std::optional<Date> parse_date(std::string_view text);
// Accepts YYYY-MM-DD only.
std::optional<Date> parse_full_date(std::string_view text);
// Today in UTC.
Date today_utc();
// The same day `months` later (clamped to the month's last day).
Date add_months(Date d, int months);

}  // namespace safesite
