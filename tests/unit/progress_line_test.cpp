#include <doctest/doctest.h>

#include "cli/progress_line.h"

#include <cstdio>
#include <string>

using namespace safesite;

namespace {

std::string written(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string out;
    for (int c; (c = std::fgetc(f)) != EOF;) out += static_cast<char>(c);
    return out;
}

}  // namespace

TEST_CASE("the progress line rewrites one line, then clears it") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    {
        ProgressLine line(f, true, std::chrono::milliseconds(0));
        line.update(4200, 10000);
        line.update(10000, 10000);  // the last always shows
        line.clear();
    }
    CHECK(written(f) == "\rsafesite: built 4,200 of 10,000 pages\033[K\rsafesite: built 10,000 of 10,000 pages\033[K\r\033[K");
    std::fclose(f);
}

TEST_CASE("no progress line when turned off, or for a build quicker than a second") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    {
        ProgressLine off(f, false, std::chrono::milliseconds(0));
        off.update(1, 2);
        ProgressLine quick(f, true);
        quick.update(1, 2);
    }
    CHECK(written(f).empty());
    std::fclose(f);
}
