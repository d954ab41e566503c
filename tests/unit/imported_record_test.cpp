// What a worker meets on a record an import wrote: one line of work for the
// impacts and one for the agencies, no "not updated" on a closed case, no
// plan written to a child by an id, and the caseload that lists them all.
#include <doctest/doctest.h>

#include "render/child/caseload.h"
#include "test_site.h"

#include <regex>

using namespace safesite;
using namespace safesite::testing;

namespace {

// An imported record as `import cin` writes it, with `extra` entries after
// the imported ones (a worker's, or more of the import's).
std::string imported_record(const std::string& extra = "", const std::string& name = R"(<name placeholder="true">Child SYN000002 (name not recorded)</name>)") {
    return R"(<child id="child-syn000002" source-id="SYN000002">
  )" + name + R"(
  <born date="2020-06-12"/>
  <chronology>
    <entry date="2020-07-04" agency="childrens-social-care" category="referral" source="cin-census" key="referral:2020-07-04">
      <event>Referral to children's social care from the GP.</event>
    </entry>
    <entry date="2020-07-06" agency="childrens-social-care" category="assessment" source="cin-census" key="assessment:2020-08-01">
      <event>Assessment completed and authorised (started 6 July 2020).</event>
    </entry>
    <entry date="2020-09-01" agency="childrens-social-care" category="plan-start" plan-kind="child-in-need" source="cin-census" key="cin-plan-start:2020-09-01">
      <event>Child in need plan started.</event><impact>Imported entries may have an impact written by a worker.</impact>
    </entry>
)" + extra + R"(  </chronology>
</child>
)";
}

std::string findings_of(const std::string& xml, const std::string& today = "2025-06-01") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/child-syn000002/child.xml", xml);
    BuildOptions o = options();
    o.today = parse_full_date(today).value();
    o.publish = false;
    BuildReport r = build_site(fs, o);
    std::string out;
    for (const auto& d : r.diags.sorted()) out += std::to_string(d.where.line) + " " + d.message + " [" + d.code + "]\n";
    return out;
}

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

const char* kWorkerEntry = R"(    <entry date="2021-01-10" agency="health" category="hospital-attendance"><event>Seen at A and E.</event></entry>
)";

}  // namespace

TEST_CASE("an imported record gets one impact finding and one agencies finding, not one a entry") {
    std::string out = findings_of(imported_record());
    CHECK(count_of(out, "[impact-not-written]") == 1);
    CHECK(out.find("5 2 of the 3 entries imported from the returns do not yet say what they meant for the child [impact-not-written]\n") != std::string::npos);
    CHECK(out.find("1 nothing in the chronology comes from the police, health services or school yet: the returns hold only what children's social "
                   "care recorded [agencies-missing]\n") != std::string::npos);
    CHECK(out.find("[entry-without-impact]") == std::string::npos);
    CHECK(out.find("[single-agency-chronology]") == std::string::npos);
    // The stand-in name is never repeated in a finding.
    CHECK(out.find("SYN000002") == std::string::npos);
}

TEST_CASE("a worker's entry in an imported record keeps its own impact check, and counts as its agency") {
    std::string out = findings_of(imported_record(kWorkerEntry));
    CHECK(out.find("14 the entry does not say what it meant for the child [entry-without-impact]\n") != std::string::npos);
    CHECK(count_of(out, "[entry-without-impact]") == 1);
    CHECK(count_of(out, "[impact-not-written]") == 1);
    CHECK(out.find("nothing in the chronology comes from the police or school yet") != std::string::npos);
}

TEST_CASE("the impact finding's words: one entry, some, all") {
    std::string one = imported_record();
    // Only the first imported entry left without an impact.
    one.replace(one.find("</event>\n    </entry>\n    <entry date=\"2020-07-06\""), 8, "</event><impact>Seen.</impact>");
    CHECK(findings_of(one).find("1 of the 3 entries imported from the returns does not yet say what it meant for the child") != std::string::npos);
    std::string all = imported_record();
    all.replace(all.find("<impact>Imported entries"), std::string("<impact>Imported entries may have an impact written by a worker.</impact>").size(), "");
    CHECK(findings_of(all).find("none of the 3 entries imported from the returns says yet what it meant for the child") != std::string::npos);
}

TEST_CASE("a hand-written record keeps today's checks") {
    std::string hand = imported_record();
    hand = std::regex_replace(hand, std::regex(R"( source="cin-census" key="[^"]*")"), "");
    std::string out = findings_of(hand);
    CHECK(count_of(out, "[entry-without-impact]") == 2);
    CHECK(out.find("every entry comes from one agency (Children's social care) [single-agency-chronology]") != std::string::npos);
    CHECK(out.find("[impact-not-written]") == std::string::npos);
    CHECK(out.find("[agencies-missing]") == std::string::npos);
}

TEST_CASE("a closed case is not told that its chronology has not been updated") {
    const char* closure = R"(    <entry date="2020-12-01" agency="childrens-social-care" category="case-closed" source="cin-census" key="closure:2020-12-01">
      <event>Children's social care closed the case.</event>
    </entry>
)";
    CHECK(findings_of(imported_record()).find("[chronology-not-updated]") != std::string::npos);
    CHECK(findings_of(imported_record(closure)).find("[chronology-not-updated]") == std::string::npos);
    // Closed the day of a new referral is closed; a referral the day after reopens it.
    std::string same_day = std::string(closure) + R"(    <entry date="2020-12-01" agency="police" category="referral"><event>Referral.</event></entry>
)";
    CHECK(findings_of(imported_record(same_day)).find("[chronology-not-updated]") == std::string::npos);
    std::string reopened = std::string(closure) + R"(    <entry date="2020-12-02" agency="police" category="referral"><event>Referral.</event></entry>
)";
    CHECK(findings_of(imported_record(reopened)).find("[chronology-not-updated]") != std::string::npos);
}

TEST_CASE("a child who left care (adopted) is not told that the chronology has not been updated") {
    const char* care = R"(    <entry date="2021-02-01" agency="childrens-social-care" category="placement-start" source="ssda903" key="placement-start:2021-02-01">
      <event>Started to be looked after.</event>
    </entry>
    <entry date="2022-05-01" agency="childrens-social-care" category="placement-end" source="ssda903" key="placement-end:2022-05-01">
      <event>Stopped being looked after: adopted.</event>
    </entry>
)";
    CHECK(findings_of(imported_record(care)).find("[chronology-not-updated]") == std::string::npos);
    // Still in care: the same record, without its end, is out of date.
    std::string in_care = care;
    in_care.erase(in_care.find("    <entry date=\"2022-05-01\""));
    CHECK(findings_of(imported_record(in_care)).find("[chronology-not-updated]") != std::string::npos);
}

TEST_CASE("a closure is shown as what it is") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/child-syn000002/child.xml", imported_record(R"(    <entry date="2020-12-01" agency="childrens-social-care" category="case-closed" source="cin-census" key="closure:2020-12-01">
      <event>Children's social care closed the case.</event>
    </entry>
)"));
    BuildReport r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    std::string chronology = fs.tree("site-restricted")["child-syn000002/chronology.html"];
    CHECK(chronology.find(": Case closed <span class=\"tag\">Children's social care</span>") != std::string::npos);
    CHECK(chronology.find(": Other <span") == std::string::npos);
}

TEST_CASE("My plan is not made until a worker has written the plan and the name; the other documents say so, and check once") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/child-syn000002/child.xml", imported_record());
    BuildReport r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    auto tree = fs.tree("site-restricted");
    CHECK(tree.count("child-syn000002/my-plan.html") == 0);
    CHECK(tree.count("child-syn000002/professional-plan.html") == 1);
    CHECK(tree["child-syn000002/professional-plan.html"].find("The plan is not written yet.") != std::string::npos);
    CHECK(tree["child-syn000002/professional-plan.html"].find("<ul></ul>") == std::string::npos);
    CHECK(tree["child-syn000002/chronology.html"].find("The plan is not written yet") != std::string::npos);
    CHECK(tree["child-syn000002/chronology.html"].find("my-plan.html") == std::string::npos);
    CHECK(tree["index.html"].find("child-syn000002/my-plan.html") == std::string::npos);
    CHECK(count_of(messages(r), "[plan-not-written]") == 1);

    // A plan, but the name still the import's: no My plan either, and the name finding says why.
    std::string planned = imported_record();
    planned.replace(planned.find("</child>"), 0, R"(  <plan kind="child-in-need" start="2020-09-01" review="2030-01-01"><goal id="g1"><outcome>Safe at home.</outcome></goal></plan>
)");
    fs.add_file("content/children/child-syn000002/child.xml", planned);
    r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    CHECK(fs.tree("site-restricted").count("child-syn000002/my-plan.html") == 0);
    CHECK(messages(r).find("so the plan written to the child is not made until it is [name-not-recorded]") != std::string::npos);
    CHECK(messages(r).find("[plan-not-written]") == std::string::npos);

    // The name written too: My plan is made, and no sentence on it ends on an empty list.
    std::string named = planned;
    named.replace(named.find("<name placeholder"), named.find("</name>") + 7 - named.find("<name placeholder"), R"(<name preferred="Kai">Kai Example</name>)");
    fs.add_file("content/children/child-syn000002/child.xml", named);
    r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    std::string plan = fs.tree("site-restricted")["child-syn000002/my-plan.html"];
    REQUIRE_FALSE(plan.empty());
    CHECK(plan.find("Your plan, Kai") != std::string::npos);
    CHECK(plan.find(": .") == std::string::npos);
    CHECK(plan.find("People who will help: not written yet.") != std::string::npos);
    CHECK(plan.find("Going well: not written yet.") != std::string::npos);
    CHECK(plan.find("<ul>\n</ul>") == std::string::npos);
}

TEST_CASE("a finding's sentence and fix come first on the chronology; the rule and line follow, and the entry is linked") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/child-syn000002/child.xml", imported_record());
    REQUIRE(build_site(fs, options()).ok());
    std::string chronology = fs.tree("site-restricted")["child-syn000002/chronology.html"];
    CHECK(chronology.find("<li id=\"finding-") != std::string::npos);
    CHECK(chronology.find("2 of the 3 entries imported from the returns do not yet say what they meant for the child (<a href=\"#entry-5\">see the entry of 4 July 2020</a>)<br>Add "
                          "&lt;impact&gt; to each") != std::string::npos);
    CHECK(chronology.find("<small class=\"rule\">Rule <code>impact-not-written</code>, line 5 of the record</small>") != std::string::npos);
    CHECK(chronology.find("<li class=\"entry\" id=\"entry-5\">") != std::string::npos);
}

TEST_CASE("the caseload lists the most urgent first: late conferences and assessments before reviews and drift") {
    auto child = [](std::string id, std::vector<FindingKind> kinds, int other) {
        int total = other;
        for (const FindingKind& k : kinds) total += k.count;
        return ChildSummary{id, id, id, "", total, false, std::move(kinds)};
    };
    std::vector<ChildSummary> children{
        child("drift", {{"cp-plan-over-two-years", 1, 9}}, 3),
        child("review", {{"cp-review-late", 2, 9}}, 0),
        child("nothing", {}, 7),
        child("assessment", {{"assessment-over-45-working-days", 1, 9}, {"cp-review-late", 5, 9}}, 0),
        child("conference", {{"conference-over-15-working-days", 1, 9}}, 0),
        child("two-conferences", {{"conference-over-15-working-days", 2, 9}}, 0),
    };
    std::vector<std::string> order;
    for (const ChildSummary* c : most_urgent_first(children)) order.push_back(c->id);
    CHECK(order == std::vector<std::string>{"two-conferences", "conference", "assessment", "review", "drift", "nothing"});
}

TEST_CASE("the caseload is paged, filtered by kind without JavaScript, and links each count to its entry") {
    MemoryFileSystem fs = project_site();
    std::string late_assessment = R"(    <entry date="2021-05-04" agency="childrens-social-care" category="assessment" source="cin-census" key="assessment:2021-05-04">
      <event>Assessment completed and authorised (started 4 January 2021).</event>
    </entry>
)";
    std::size_t children = kCaseloadPerPage + 5;
    for (std::size_t i = 0; i < children; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "child-syn%06zu", i);
        std::string xml = imported_record(i % 2 ? std::string() : late_assessment);
        xml.replace(xml.find("child-syn000002"), 15, id);
        fs.add_file(std::string("content/children/") + id + "/child.xml", xml);
    }
    BuildReport r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    auto tree = fs.tree("site-restricted");
    REQUIRE(tree.count("caseload.html") == 1);
    REQUIRE(tree.count("caseload-2.html") == 1);
    CHECK(tree.count("caseload-3.html") == 0);
    CHECK(count_of(tree["caseload.html"], "<tr><th scope=\"row\">") == static_cast<int>(kCaseloadPerPage));
    CHECK(count_of(tree["caseload-2.html"], "<tr><th scope=\"row\">") == 5);
    CHECK(tree["caseload.html"].find("<a href=\"caseload-2.html\" rel=\"next\">Next page</a>") != std::string::npos);
    // The children with a late assessment come first, and each count links to the entry.
    CHECK(tree["caseload.html"].find("<tr><th scope=\"row\"><a href=\"child-syn000000/chronology.html\">") <
          tree["caseload.html"].find("<tr><th scope=\"row\"><a href=\"child-syn000001/chronology.html\">"));
    CHECK(tree["caseload.html"].find("<a href=\"child-syn000000/chronology.html#entry-14\">1<span class=\"skip\"> Late assessment") != std::string::npos);
    CHECK(tree["child-syn000000/chronology.html"].find("id=\"entry-14\"") != std::string::npos);
    // The filter: a page of its own for the kind, holding only those children.
    std::string kind = tree["caseload-assessment-over-45-working-days.html"];
    CHECK(count_of(kind, "<tr><th scope=\"row\">") == static_cast<int>((children + 1) / 2));
    CHECK(kind.find("child-syn000001/") == std::string::npos);
    CHECK(tree["caseload.html"].find("<li><a href=\"caseload-assessment-over-45-working-days.html\">Assessments taking more than 45 working days</a> (53 children)</li>") !=
          std::string::npos);
    CHECK(tree["caseload.html"].find("<li>Initial conferences more than 15 working days after the enquiry began (none)</li>") != std::string::npos);
    CHECK(tree.count("caseload-conference-over-15-working-days.html") == 0);
    CHECK(tree["index.html"].find("<a href=\"caseload.html\">caseload</a>") != std::string::npos);
}
