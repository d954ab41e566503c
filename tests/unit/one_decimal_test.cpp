#include <doctest/doctest.h>

#include "support/text.h"

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

using namespace safesite;

namespace {

std::string printed(double v) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

TEST_CASE("a number with one decimal place is written as printf's %.1f writes it") {
    // Charts' coordinates and rates, which were written with printf before.
    CHECK(one_decimal(12.5) == "12.5");
    CHECK(one_decimal(0) == "0.0");
    CHECK(one_decimal(-0.0) == "-0.0");
    CHECK(one_decimal(-0.04) == "-0.0");
    CHECK(one_decimal(199.96) == "200.0");
    // Halves that binary holds exactly go to the even digit; those it cannot hold go as their binary value lies.
    CHECK(one_decimal(0.25) == "0.2");
    CHECK(one_decimal(0.75) == "0.8");
    CHECK(one_decimal(0.05) == printed(0.05));
    CHECK(one_decimal(0.15) == printed(0.15));
    CHECK(one_decimal(1e15) == "1000000000000000.0");
    CHECK(one_decimal(1e100) == printed(1e100));
    CHECK(one_decimal(-1.7976931348623157e308) == printed(-1.7976931348623157e308));

    // Either side of every tenth from -1000 to 1000, and random values of every size.
    for (int tenth = -10000; tenth <= 10000; ++tenth)
        for (double nudge : {-1e-9, -0.05, 0.0, 0.05, 1e-9}) {
            const double v = tenth / 10.0 + nudge;
            REQUIRE_MESSAGE(one_decimal(v) == printed(v), v);
        }
    std::mt19937_64 random(20261208);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_int_distribution<int> power(-12, 40);
    for (int i = 0; i < 20000; ++i) {
        const double v = unit(random) * std::pow(10.0, power(random));
        REQUIRE_MESSAGE(one_decimal(v) == printed(v), v);
    }
}
