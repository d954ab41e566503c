// An assessment that started and is not yet authorised comes in from the
// census as an entry of its own, under a key of its own, and the findings
// read it and its completion, imported a year later, as one assessment.
#include <doctest/doctest.h>

#include "analysis/timeliness/timeliness.h"
#include "importers/child_record_writer.h"
#include "importers/cin_census.h"
#include "importers/code_lists.h"
#include "test_site.h"

using namespace safesite;
using testing::messages;

namespace {

std::string census(const char* authorised) {
    std::string auth = authorised ? std::string("<AssessmentAuthorisationDate>") + authorised + "</AssessmentAuthorisationDate>" : "";
    return R"(<Message>
<Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
<Children><Child>
<ChildIdentifiers><LAchildID>Ab_1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<CINdetails><CINreferralDate>2025-01-02</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
<Assessments><AssessmentActualStartDate>2025-01-06</AssessmentActualStartDate>)" +
           auth + R"(</Assessments>
</CINdetails>
</Child></Children>
</Message>
)";
}

ImportedChild imported(const char* authorised) {
    Diagnostics diags;
    CinCensus c = read_cin_census("cin.xml", census(authorised), diags);
    CodeLists lists("2024-25");
    auto children = cin_children(c, lists, diags);
    REQUIRE_MESSAGE(children.size() == 1, messages(diags));
    return children[0];
}

}  // namespace

TEST_CASE("import cin: an assessment not yet authorised is an entry, keyed by its start") {
    ImportedChild open = imported(nullptr);
    REQUIRE(open.entries.size() == 2);
    CHECK(open.entries[1].key == "assessment-started:2025-01-06");
    CHECK(open.entries[1].category == "assessment");
    CHECK(open.entries[1].date.iso() == "2025-01-06");
    CHECK(open.entries[1].event == "Assessment started on 6 January 2025, not yet completed.");
    ImportedChild done = imported("2025-02-03");
    REQUIRE(done.entries.size() == 2);
    CHECK(done.entries[1].key == "assessment:2025-02-03");
}

TEST_CASE("import cin: next year's census, with the assessment authorised, adds only the completion; the findings see one assessment") {
    Diagnostics diags;
    auto first = merge_child_record(std::nullopt, "children/child-ab-1/child.xml", "child-ab-1", imported(nullptr), kCinSource, diags);
    REQUIRE(first);
    CHECK(merge_child_record(first->text, "p", "child-ab-1", imported(nullptr), kCinSource, diags).value().added == 0);
    auto second = merge_child_record(first->text, "p", "child-ab-1", imported("2025-03-31"), kCinSource, diags);
    REQUIRE(second);
    CHECK(second->added == 1);
    CHECK(second->text.find("key=\"assessment-started:2025-01-06\"") != std::string::npos);
    CHECK(second->text.find("key=\"assessment:2025-03-31\"") != std::string::npos);
    CHECK(messages(diags) == "");

    // Monday 6 January to Monday 10 March 2025 is 45 working days; 31 March is 60.
    auto as_entries = [](const ImportedChild& c) {
        Child child;
        child.source_path = "children/child-ab-1/child.xml";
        for (const ImportedEntry& e : c.entries) {
            ChronologyEntry ce;
            ce.date = e.date;
            ce.category = e.category;
            ce.event = e.event;
            ce.key = e.key;
            ce.source = kCinSource;
            child.chronology.push_back(ce);
        }
        return child;
    };
    Child open = as_entries(imported(nullptr));
    Diagnostics on_day_45, on_day_46;
    add_timeliness_findings(open, parse_full_date("2025-03-10").value(), on_day_45);
    add_timeliness_findings(open, parse_full_date("2025-03-11").value(), on_day_46);
    CHECK(on_day_45.items().empty());
    REQUIRE(on_day_46.items().size() == 1);
    CHECK(on_day_46.items()[0].code == "assessment-over-45-working-days");
    Child both = as_entries(imported(nullptr));
    Child later = as_entries(imported("2025-03-31"));
    both.chronology.push_back(later.chronology[1]);
    Diagnostics late;
    add_timeliness_findings(both, parse_full_date("2026-01-01").value(), late);
    REQUIRE(late.items().size() == 1);
    CHECK(late.items()[0].message ==
          "the assessment started on 6 January 2025 was authorised on 31 March 2025, 60 working days later: more than 45");
}
