#include <doctest/doctest.h>

#include "support/diagnostics.h"
#include "support/diagnostics_json.h"

using namespace safesite;

TEST_CASE("a diagnostic prints in the compiler format with the line, a caret and a hint") {
    Diagnostic d{{"pages/about.md", 3, 5}, Severity::error, "there is no page at 'x'", "link to a page by its name", "", "See [x](x)."};
    CHECK(format_diagnostic(d) ==
          "pages/about.md:3:5: error: there is no page at 'x'\n"
          "    See [x](x).\n"
          "        ^\n"
          "  hint: link to a page by its name\n");
}

TEST_CASE("a warning with a code names the code in brackets") {
    Diagnostic d{{"children/c-1/child.xml", 31, 7}, Severity::warning, "action has no owner", "", "action-without-owner", ""};
    CHECK(format_diagnostic(d) == "children/c-1/child.xml:31:7: warning: action has no owner [action-without-owner]\n");
}

TEST_CASE("columns count characters, not bytes") {
    CHECK(column_of("héllo", 3) == 3);  // 'h', 'é' (2 bytes) then 'l'
    CHECK(column_of("abc", 0) == 1);
}

TEST_CASE("an offset becomes a line and column") {
    Location at = locate_offset("f", "ab\ncd\nef", 7);
    CHECK(at.line == 3);
    CHECK(at.column == 2);
    CHECK(line_of("ab\r\ncd", 1) == "ab");
    CHECK(line_of("ab\ncd", 3).empty());
}

TEST_CASE("offsets located one after another, or going back, agree with locating each alone") {
    const std::string text = "ab\n\xc3\xa9t\xc3\xa9\n\n  x\r\nlast";
    OffsetLocator forward("f", text);
    for (std::size_t at = 0; at <= text.size() + 2; ++at) {
        Location a = forward(at), b = locate_offset("f", text, at);
        CHECK(a.line == b.line);
        CHECK(a.column == b.column);
    }
    OffsetLocator backward("f", text);
    for (std::size_t at = text.size() + 1; at-- > 0;) {
        Location a = backward(at), b = locate_offset("f", text, at);
        CHECK(a.line == b.line);
        CHECK(a.column == b.column);
    }
    CHECK(OffsetLocator("f", text)(text.size()).line == 5);
}

TEST_CASE("diagnostics sort by file, line and column and count errors") {
    Diagnostics diags;
    diags.warning({"b.xml", 1, 1}, "w");
    diags.error({"a.xml", 9, 1}, "e2");
    diags.error({"a.xml", 2, 4}, "e1");
    auto sorted = diags.sorted();
    CHECK(sorted[0].message == "e1");
    CHECK(sorted[1].message == "e2");
    CHECK(sorted[2].message == "w");
    CHECK(diags.error_count() == 2);
    CHECK(diags.warning_count() == 1);
}

TEST_CASE("findings as JSON carry the same fields as the text, and stay valid JSON whatever the content held") {
    Diagnostic placed{{"reports/2023-24/report.xml", 5, 22}, Severity::error, "the date '27/09/2024' is \"wrong\"",
                      "write dates as YYYY-MM-DD", "", "    <report"};
    Diagnostic unplaced{{"glossary.xml", 0, 0}, Severity::warning, "bad byte \xff and a tab\there", "", "unexplained-abbreviation", ""};
    CHECK(diagnostics_json({placed, unplaced}) ==
          "{\"errors\":1,\"warnings\":1,\"findings\":[\n"
          "  {\"file\":\"reports/2023-24/report.xml\",\"line\":5,\"column\":22,\"severity\":\"error\",\"code\":\"\","
          "\"message\":\"the date '27/09/2024' is \\\"wrong\\\"\",\"hint\":\"write dates as YYYY-MM-DD\"},\n"
          "  {\"file\":\"glossary.xml\",\"line\":null,\"column\":null,\"severity\":\"warning\",\"code\":\"unexplained-abbreviation\","
          "\"message\":\"bad byte \xEF\xBF\xBD and a tab\\there\",\"hint\":\"\"}\n"
          "]}\n");
    CHECK(diagnostics_json({}) == "{\"errors\":0,\"warnings\":0,\"findings\":[]}\n");
    CHECK(json_string("a\\b\x01\r") == "\"a\\\\b\xEF\xBF\xBD\\r\"");  // controls become U+FFFD, as on pages
}
