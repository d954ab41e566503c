#include <doctest/doctest.h>

#include "support/path_segments.h"

using namespace safesite;

TEST_CASE("a path is read from inside a folder as a browser reads a link, and may not climb above the top") {
    CHECK(resolve_segments("reports/2023-24", "foreword.md") == "reports/2023-24/foreword.md");
    CHECK(resolve_segments("reports/2023-24", "../shared/./a.md") == "reports/shared/a.md");
    CHECK(resolve_segments("", "a//b/") == "a/b");
    CHECK(resolve_segments("practitioners", "..") == "");
    CHECK(resolve_segments("practitioners", "../..") == std::nullopt);
    CHECK(resolve_segments("", "../glossary") == std::nullopt);
    CHECK(folder_of("reports/2023-24/report.xml") == "reports/2023-24");
    CHECK(folder_of("site.xml") == "");
    CHECK(relative_path("practitioners/training.html", "glossary.html") == "../glossary.html");
    CHECK(relative_path("practitioners/training.html", "practitioners/index.html") == "index.html");
}
