#include <doctest/doctest.h>

#include "support/date.h"

using namespace safesite;

TEST_CASE("partial dates parse and read as people write them") {
    CHECK(parse_date("2019").value().long_form() == "2019");
    CHECK(parse_date("2019-06").value().long_form() == "June 2019");
    CHECK(parse_date("2015-03-14").value().long_form() == "14 March 2015");
    // The first and last months and days, and a year of another length.
    CHECK(parse_date("2026-01-01").value().long_form() == "1 January 2026");
    CHECK(parse_date("1999-12-31").value().long_form() == "31 December 1999");
    CHECK(Date{12026, 9, 0}.long_form() == "September 12026");
    // And as ISO 8601: months and days in two digits, on both sides of ten.
    CHECK(parse_date("2026-01-09").value().iso() == "2026-01-09");
    CHECK(parse_date("2026-10-10").value().iso() == "2026-10-10");
    CHECK(parse_date("2026-12").value().iso() == "2026-12");
    CHECK(parse_date("2026").value().iso() == "2026");
    CHECK(parse_date("2024-02-29").has_value());
}

TEST_CASE("impossible dates are refused") {
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2019-13"));
    CHECK_FALSE(parse_date("19-06-2019"));
    CHECK_FALSE(parse_date("2019-6-1"));
    CHECK_FALSE(parse_full_date("2019-06"));
}

TEST_CASE("partial dates order before the full dates inside them") {
    CHECK(parse_date("2019").value() < parse_date("2019-01-01").value());
    CHECK(parse_date("2019-06").value() < parse_date("2019-06-14").value());
}

TEST_CASE("adding months clamps to the end of the month") {
    CHECK(add_months(parse_date("2025-01-31").value(), 1).iso() == "2025-02-28");
    CHECK(add_months(parse_date("2025-10-01").value(), 12).iso() == "2026-10-01");
}
