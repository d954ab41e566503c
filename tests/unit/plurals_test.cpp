// Every message that carries a count agrees with it: "1 record", "2 records",
// "0 records", walked with counts 0, 1 and 2 in each place a count goes.
#include <doctest/doctest.h>

#include "cli/summary_line.h"
#include "importers/return_import.h"
#include "support/text.h"

#include <regex>

using namespace safesite;

namespace {

// A count and a noun that disagree: "1 records", "1 new records", "2 record,".
bool disagrees(const std::string& line) {
    static const std::regex one_many(R"((^|[^0-9,.])1 (new )?(records|entries|children|pages|files|warnings|errors|restricted documents)\b)");
    static const std::regex many_one(R"(\b([02-9]|[0-9]{2,}) (new )?(record|entry|child|page|file|warning|error|restricted document)\b(?!s))");
    return std::regex_search(line, one_many) || std::regex_search(line, many_one);
}

void check_agreement(const std::string& line) { CHECK_MESSAGE(!disagrees(line), line); }

BuildReport report_with(int n, bool updated) {
    BuildReport r;
    for (int i = 0; i < n; ++i) r.diags.warning({"f", 1, 1}, "w");
    r.pages = r.restricted_pages = r.files = r.removed = r.pages_built = n;
    r.updated = updated;
    r.restricted_dir = "site-restricted";
    return r;
}

}  // namespace

TEST_CASE("a count's noun agrees with it") {
    CHECK(counted(0, "record", "records") == "0 records");
    CHECK(counted(1, "record", "records") == "1 record");
    CHECK(counted(2, "record", "records") == "2 records");
    CHECK(counted(1288, "entry", "entries") == "1,288 entries");
}

TEST_CASE("every summary line agrees with its counts, at 0, 1 and 2") {
    for (int n : {0, 1, 2}) {
        CAPTURE(n);
        for (bool updated : {false, true})
            for (bool check_only : {false, true}) check_agreement(build_summary_line(report_with(n, updated), check_only, "site", 0.5));
        BuildReport failed = report_with(n, false);
        for (int i = 0; i < n; ++i) failed.diags.error({"f", 1, 1}, "e");
        check_agreement(build_summary_line(failed, false, "site", 0.5));
        check_agreement(import_errors_line(n));
        check_agreement(figures_errors_line(n));
        ReturnImport r;
        r.in_return = static_cast<std::size_t>(n);
        r.year = "2024-25";
        r.summary = {n, n, n, n, n};
        check_agreement(import_summary(r, "cin.xml"));
    }
    CHECK(build_summary_line(report_with(1, false), false, "site", 0.5) ==
          "safesite: wrote 1 page to site/ and 1 restricted document to site-restricted/ (1 file) in 0.50 s, 1 warning\n");
    CHECK(build_summary_line(report_with(2, true), false, "site", 0.5) ==
          "safesite: updated site/: 2 of 2 pages rebuilt, 2 files written, 2 removed (0.50 s), 2 warnings\n");
    CHECK(import_errors_line(1) == "1 error: the child it names was left out; the others were imported.\n");
}

TEST_CASE("the agreement check itself catches a count that disagrees") {
    CHECK(disagrees("Imported 1 of 2 children: 1 new records, 0 updated"));
    CHECK(disagrees("safesite: 0 error, 2 warnings"));
    CHECK(disagrees("1 of 1 children"));
    CHECK_FALSE(disagrees("Imported 21 of 22 children: 21 new records; 1 entry added."));
    CHECK_FALSE(disagrees("1,001 records and 2 files"));
}
