// Code lists, returns into entries, and the one writer that merges them into
// children's records.
#include <doctest/doctest.h>

#include "content/schema.h"
#include "importers/child_record_writer.h"
#include "importers/cin_census.h"
#include "importers/code_lists.h"
#include "importers/return_import.h"
#include "importers/ssda903.h"
#include "shared_files.h"
#include "test_site.h"
#include "support/concat.h"
#include "support/memory_file_system.h"

#include <fstream>
#include <iterator>

using namespace safesite;
using testing::messages;

namespace {

const char* kCensus = R"(<Message>
<Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
<Children>
<Child>
<ChildIdentifiers><LAchildID>Ab_1</LAchildID><UPN>Q123456789012</UPN><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
<Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-01</AssessmentAuthorisationDate>
<FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors><AssessmentFactors>18B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
<Section47><S47ActualStartDate>2024-05-03</S47ActualStartDate><DateOfInitialCPC>2024-05-20</DateOfInitialCPC></Section47>
<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP>
<Reviews><CPPreviewDate>2024-08-20</CPPreviewDate></Reviews></ChildProtectionPlans>
</CINdetails>
</Child>
</Children>
</Message>
)";

ImportedChild only_child(const std::string& census_text, const std::string& year = "2024-25") {
    Diagnostics diags;
    CinCensus census = read_cin_census("cin.xml", census_text, diags);
    CodeLists lists(year);
    auto children = cin_children(census, lists, diags);
    REQUIRE_MESSAGE(children.size() == 1, messages(diags));
    return children[0];
}

std::string events_of(const ImportedChild& c) {
    std::string out;
    for (const auto& e : c.entries) out += e.date.iso() + " " + e.category + (e.plan_kind.empty() ? "" : "/" + e.plan_kind) + " " + e.key + ": " + e.event + "\n";
    return out;
}

bool valid_child_record(const std::string& text) {
    Diagnostics diags;
    auto doc = XmlDocument::parse("child.xml", text, diags);
    if (!doc) return false;
    validate(*doc, "child", diags);
    if (diags.has_errors()) MESSAGE(messages(diags));
    return !diags.has_errors();
}

}  // namespace

TEST_CASE("code lists: a code in its list is words; one that is not names the list, its year and its codes") {
    CodeLists lists("2024-25");
    Diagnostics diags;
    CHECK(lists.words("cin-referral-source", "6", {"cin.xml", 3, 1}, diags) == "the police");
    CHECK(lists.words("cin-category-of-abuse", "NEG", {}, diags) == "neglect");
    CHECK(lists.words("903-placement", "K3", {}, diags) == "supported accommodation (registered with Ofsted)");
    CHECK(messages(diags) == "");
    CHECK_FALSE(lists.words("cin-primary-need", "N11", {"cin.xml", 7, 3}, diags));
    CHECK(messages(diags) ==
          "cin.xml:7:3: error: PrimaryNeedCode 'N11' is not a code for 2024-25 (the census year of this file)\n"
          "  hint: use one of N0, N1, N2, N3, N4, N5, N6, N7, N8, N9\n");
}

TEST_CASE("code lists: 18A and 19A are replaced from 2024-25, and 903 placements change in 2024-25 and 2025-26") {
    Diagnostics diags;
    CodeLists before("2023-24"), after("2024-25"), later("2025-26");
    CHECK(before.words("cin-assessment-factors", "18A", {}, diags) == "physical abuse");
    CHECK(after.words("cin-assessment-factors", "18C", {}, diags) == "physical abuse by another child");
    CHECK_FALSE(before.words("903-placement", "K3", {"e.csv", 2, 1}, diags));
    CHECK(after.words("903-placement", "H5", {}, diags));
    CHECK(later.words("903-placement", "Z11", {}, diags));
    CHECK_FALSE(later.words("903-placement", "P2", {"e.csv", 3, 1}, diags));
    CHECK_FALSE(after.words("cin-assessment-factors", "18A", {"cin.xml", 9, 1}, diags));
    CHECK(messages(diags) ==
          "cin.xml:9:1: error: AssessmentFactors '18A' is no longer used in 2024-25 (the census year of this file)\n"
          "  hint: use 18B (by an adult) or 18C (by another child) instead\n"
          "e.csv:2:1: error: PLACE 'K3' is not a code for 2023-24 (the collection year of this return)\n"
          "  hint: did you mean K1 (a secure children's home)? the 27 placement type codes for 2023-24 are listed in the manual: docs/code-lists.md, under 903-placement\n"
          "e.csv:3:1: error: PLACE 'P2' is no longer used in 2025-26 (the collection year of this return)\n"
          "  hint: use K3 or one of Z11 to Z14 instead\n");
}

TEST_CASE("code lists: a code of the list an earlier year used is named with both years' codes") {
    Diagnostics diags;
    CodeLists cin("2024-25"), looked_after("2024-25"), before("2023-24");
    CHECK_FALSE(cin.words("cin-sex", "1", {"cin.xml", 4, 2}, diags));
    CHECK_FALSE(looked_after.words("903-sex", "2", {"h.csv", 5, 1}, diags));
    CHECK(before.words("903-sex", "2", {}, diags) == "female");
    CHECK_FALSE(cin.words("cin-sex", "X", {"cin.xml", 6, 2}, diags));
    CHECK(messages(diags) ==
          "cin.xml:4:2: error: Sex '1' is not a code for 2024-25 (the census year of this file); 2024-25 uses M, F and U, where earlier "
          "years used 0, 1, 2 and 9 in GenderCurrent\n"
          "  hint: use one of M, F, U\n"
          "cin.xml:6:2: error: Sex 'X' is not a code for 2024-25 (the census year of this file)\n"
          "  hint: use one of M, F, U\n"
          "h.csv:5:1: error: SEX '2' is not a code for 2024-25 (the collection year of this return); 2024-25 uses M, F and U, where "
          "earlier years used 1 and 2 in SEX\n"
          "  hint: use one of M, F, U\n");
}

TEST_CASE("code lists: a hint never lists a long list, and the manual lists every code of every list") {
    Diagnostics diags;
    CodeLists lists("2024-25");
    CHECK_FALSE(lists.words("cin-assessment-factors", "21Z", {"cin.xml", 2, 2}, diags));
    std::string m = messages(diags);
    CHECK(m.find("hint: did you mean 21 (no factors identified)? the ") != std::string::npos);
    CHECK(m.find("docs/code-lists.md, under cin-assessment-factors") != std::string::npos);
    CHECK(m.find("1A, ") == std::string::npos);
    std::ifstream in(SAFESITE_SOURCE_DIR "/docs/code-lists.md");
    std::string manual((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(manual.empty());
    for (const auto& [name, text] : built_in_code_list_all()) {
        CAPTURE(name);
        CHECK(manual.find(concat("`", name, "`")) != std::string::npos);
        CodeLists year(std::string(name.substr(name.size() - 7)));
        const CodeList* list = year.find(name.substr(0, name.size() - 8));
        REQUIRE(list);
        std::size_t at = manual.find(concat("`", name, "`"));
        std::size_t end = manual.find("\n## ", at);
        std::string section = manual.substr(at, end == std::string::npos ? std::string::npos : end - at);
        for (const std::string& code : list->order) CHECK_MESSAGE(section.find("| `" + code + "` |") != std::string::npos, code);
    }
}

TEST_CASE("code lists: every embedded list is well formed, named by its id and year, with words for every code") {
    for (const auto& [name, text] : built_in_code_list_all()) {
        CAPTURE(name);
        Diagnostics diags;
        auto doc = XmlDocument::parse(name, std::string(text), diags);
        REQUIRE(doc);
        CHECK(name == *attribute(doc->root(), "id") + "-" + *attribute(doc->root(), "from"));
        for (const xmlNode* c : child_elements(doc->root(), "code")) CHECK_FALSE(folded_text(c).empty());
    }
    CHECK(built_in_code_list_all().size() >= 20);
}

TEST_CASE("the census becomes entries in plain words, keyed by what and when") {
    ImportedChild c = only_child(kCensus);
    CHECK(c.source_id == "Ab_1");
    CHECK(c.sex == "female");
    CHECK(c.born->iso() == "2015-03-27");
    CHECK(events_of(c) ==
          "2024-05-01 referral referral:2024-05-01: Referral to children's social care from the police. Main need: abuse or neglect.\n"
          "2024-06-01 assessment assessment:2024-06-01: Assessment completed and authorised (started 2 May 2024). Factors identified: domestic abuse: the child; physical abuse by an adult.\n"
          "2024-05-03 section-47 section-47:2024-05-03: Section 47 enquiry started.\n"
          "2024-05-20 conference conference:2024-05-20: Initial child protection conference.\n"
          "2024-05-20 plan-start/child-protection cp-plan-start:2024-05-20: Child protection plan started under the category of neglect. This is the child's second child protection plan.\n"
          "2024-08-20 review cp-review:2024-08-20: Child protection plan review.\n");
}

TEST_CASE("a child with a code not in its list is left out with the list named; the others are imported") {
    std::string two = kCensus;
    std::string bad = std::string(kCensus).substr(std::string(kCensus).find("<Child>"));
    bad = bad.substr(0, bad.find("</Child>") + 8);
    std::string second = bad;
    second.replace(second.find("Ab_1"), 4, "B2");
    second.replace(second.find("<PrimaryNeedCode>N1"), 19, "<PrimaryNeedCode>N99");
    two.insert(two.find("</Children>"), second + "\n");
    Diagnostics diags;
    CinCensus census = read_cin_census("cin.xml", two, diags);
    CodeLists lists("2024-25");
    auto children = cin_children(census, lists, diags);
    REQUIRE(children.size() == 1);
    CHECK(children[0].source_id == "Ab_1");
    CHECK(messages(diags).find("PrimaryNeedCode 'N99' is not a code for") != std::string::npos);
}

TEST_CASE("GenderCurrent before 2024-25 and Sex from 2024-25 are both read into words") {
    std::string old = kCensus;
    old.replace(old.find("<Sex>F</Sex>"), 12, "<GenderCurrent>1</GenderCurrent>");
    CHECK(only_child(old, "2023-24").sex == "male");
    CHECK(only_child(kCensus).sex == "female");
}

TEST_CASE("SSDA903 becomes placement, legal status, missing, review and care leaver entries") {
    MemoryFileSystem fs;
    fs.add_file("r/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\n7,M,01/06/2006,WBRI,Q123456789012\n");
    fs.add_file("r/episodes.csv",
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                "7,01/04/2020,S,V2,N1,U6,PR1,01/06/2020,X1,,ZZ9 9ZZ,ZZ8 8ZZ,SC1\n"
                "7,01/06/2020,L,C2,N1,U6,PR1,01/09/2021,X1,CARPL,ZZ9 9ZZ,ZZ8 8ZZ,SC1\n"
                "7,01/09/2021,P,C2,N1,K2,PR1,01/06/2024,E17,,ZZ9 9ZZ,,\n");
    fs.add_file("r/missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\n7,01/06/2006,M,02/02/2022,05/02/2022\n");
    fs.add_file("r/reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n7,01/06/2006,15/05/2020,PN1\n");
    fs.add_file("r/oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n7,01/06/2006,YES,F2,U1\n");
    Diagnostics diags;
    LookedAfterReturn ret = read_ssda903(fs, "r", diags);
    CHECK(looked_after_year(ret) == "2021-22");
    CodeLists lists("2024-25");
    auto children = looked_after_children(ret, lists, diags);
    CHECK(messages(diags) == "");
    REQUIRE(children.size() == 1);
    CHECK(events_of(children[0]) ==
          "2020-04-01 placement-start placement-start:2020-04-01: Started to be looked after: accommodated with the parents' agreement (section 20), one period. Placement: foster care with other foster carers, not long-term.\n"
          "2020-06-01 court legal-status:2020-06-01: Legal status changed: a full care order.\n"
          "2021-09-01 placement-end placement-end:2021-09-01: Placement ended (foster care with other foster carers, not long-term): a change to the care plan, or the plan being carried out.\n"
          "2021-09-01 placement-start placement-start:2021-09-01: Placement: a children's home (placement changed).\n"
          "2024-06-01 placement-end placement-end:2024-06-01: Stopped being looked after: turned 18 and stayed with their carers (including staying put).\n"
          "2022-02-02 missing-episode missing:2022-02-02: Missing from placement until 5 February 2022 (3 days).\n"
          "2020-05-15 review review:2020-05-15: Looked-after review. The child came and spoke for themselves.\n"
          "2024-06-01 other care-leaver:2024-06-01: Care leaver on their 18th birthday: in touch; in other education full time; living independently (suitable).\n");
}

TEST_CASE("child ids become safe folder names") {
    CHECK(child_folder_name("DfEX0000001") == "child-dfex0000001");
    CHECK(child_folder_name("Ab_1") == "child-ab-1");
    CHECK(child_folder_name("../../etc/passwd") == "child-etc-passwd");
    CHECK(child_folder_name("  x  y ") == "child-x-y");
    CHECK(child_folder_name("///") == "");
    // An id that already says it is a child is not prefixed twice.
    CHECK(child_folder_name("child-0042") == "child-0042");
    CHECK(child_folder_name("CHILD_0042") == "child-0042");
    CHECK(child_folder_name("child") == "child-child");
    CHECK(child_folder_name("children-7") == "child-children-7");
}

TEST_CASE("a new record is valid, has a name placeholder, and no UPN") {
    ImportedChild c = only_child(kCensus);
    Diagnostics diags;
    auto merged = merge_child_record(std::nullopt, "children/ab-1/child.xml", "ab-1", c, kCinSource, diags);
    REQUIRE(merged);
    CHECK(merged->added == 6);
    CHECK(merged->text.find("<name placeholder=\"true\">Child Ab_1 (name not recorded)</name>") != std::string::npos);
    CHECK(merged->text.find("Q123456789012") == std::string::npos);
    CHECK(valid_child_record(merged->text));
}

TEST_CASE("merging: the same return again adds nothing; a worker's writing stays byte for byte; next year adds only what is new") {
    ImportedChild c = only_child(kCensus);
    Diagnostics diags;
    std::string first = merge_child_record(std::nullopt, "p", "ab-1", c, kCinSource, diags).value().text;
    // A worker names the child, adds their own entry, an impact, a comment and a plan, in their own layout.
    std::string worked = first;
    const std::string placeholder = "<name placeholder=\"true\">Child Ab_1 (name not recorded)</name>";
    worked.replace(worked.find(placeholder), placeholder.size(), "<name preferred=\"Abi\">Abigail  Example</name>");
    worked.insert(worked.find("  <chronology>\n") + 15,
                  "    <!-- Abi's school told us first -->\n"
                  "    <entry date=\"2024-04-20\"   agency=\"education\" category=\"other\">\n"
                  "        <event>Abi came to school with a bruise.</event>\n"
                  "        <impact>Abi was quiet all day.</impact>\n    </entry>\n");
    worked.replace(worked.find("</chronology>\n</child>"), 22,
                   "</chronology>\n  <plan kind=\"child-protection\"><child-says>I want to stay at my school.</child-says></plan>\n</child>\n");
    REQUIRE(valid_child_record(worked));
    auto again = merge_child_record(worked, "p", "ab-1", c, kCinSource, diags);
    REQUIRE(again);
    CHECK(again->added == 0);
    CHECK(again->text == worked);

    // Next year: the plan ends and the case closes.
    std::string next_year = kCensus;
    next_year.replace(next_year.find("<InitialCategoryOfAbuse>"), 0, "<CPPendDate>2025-06-01</CPPendDate>");
    next_year.replace(next_year.find("</CINdetails>"), 0, "<CINclosureDate>2025-07-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>");
    next_year.replace(next_year.find("2025-03-31"), 10, "2026-03-31");
    ImportedChild later = only_child(next_year, "2025-26");
    auto added = merge_child_record(worked, "p", "ab-1", later, kCinSource, diags);
    REQUIRE(added);
    CHECK(added->added == 2);
    std::size_t at = worked.find("  </chronology>");
    CHECK(added->text.substr(0, at) == worked.substr(0, at));
    CHECK(added->text.substr(added->text.size() - (worked.size() - at)) == worked.substr(at));
    std::string inserted = added->text.substr(at, added->text.size() - worked.size());
    CHECK(inserted ==
          "    <entry date=\"2025-06-01\" agency=\"childrens-social-care\" category=\"plan-end\" plan-kind=\"child-protection\" source=\"cin-census\" key=\"cp-plan-end:2025-06-01\">\n"
          "      <event>Child protection plan ended.</event>\n    </entry>\n"
          "    <entry date=\"2025-07-01\" agency=\"childrens-social-care\" category=\"case-closed\" source=\"cin-census\" key=\"closure:2025-07-01\">\n"
          "      <event>Children's social care closed the case: services ended for another reason, including the child no longer being in need.</event>\n    </entry>\n");
    CHECK(valid_child_record(added->text));
    auto third = merge_child_record(added->text, "p", "ab-1", later, kCinSource, diags);
    CHECK(third->added == 0);
    CHECK(messages(diags) == "");
}

TEST_CASE("merging into a record a worker wrote without a chronology, or with an empty one") {
    ImportedChild c = only_child(kCensus);
    Diagnostics diags;
    std::string none = "<child id=\"ab-1\">\n  <name>Abi</name>\n  <born date=\"2015-03-27\"/>\n</child>\n";
    auto a = merge_child_record(none, "p", "ab-1", c, kCinSource, diags);
    REQUIRE(a);
    CHECK(a->added == 6);
    CHECK(a->text.starts_with("<child id=\"ab-1\">\n  <name>Abi</name>\n  <born date=\"2015-03-27\"/>\n  <chronology>\n    <entry"));
    CHECK(a->text.ends_with("    </entry>\n  </chronology>\n</child>\n"));
    CHECK(valid_child_record(a->text));
    std::string empty = "<child id=\"ab-1\"><name>Abi</name><born date=\"2015-03-27\"/><chronology/></child>";
    auto b = merge_child_record(empty, "p", "ab-1", c, kCinSource, diags);
    REQUIRE(b);
    CHECK(b->text.starts_with("<child id=\"ab-1\"><name>Abi</name><born date=\"2015-03-27\"/><chronology>\n    <entry"));
    CHECK(b->text.ends_with("</entry>\n</chronology></child>"));
    CHECK(valid_child_record(b->text));
    CHECK(messages(diags) == "");
}

TEST_CASE("merging refuses a record with entities, and a folder that holds another child") {
    ImportedChild c = only_child(kCensus);
    Diagnostics diags;
    CHECK_FALSE(merge_child_record(std::string("<!DOCTYPE child [<!ENTITY e \"x\">]><child id=\"ab-1\"/>"), "p", "ab-1", c, kCinSource, diags));
    CHECK_FALSE(merge_child_record(std::string("<child id=\"ab-1\" source-id=\"AB-1\"><name>x</name><born date=\"2015\"/></child>"), "p", "ab-1", c,
                                   kCinSource, diags));
    CHECK(messages(diags).find("this folder holds child 'AB-1', not 'Ab_1'") != std::string::npos);
    CHECK(diags.error_count() == 2);
}

TEST_CASE("import cin writes records through the file system; a second import writes nothing") {
    MemoryFileSystem fs;
    fs.add_file("in/cin.xml", kCensus);
    fs.make_directories("content", nullptr);
    Diagnostics diags;
    ReturnImport r = import_cin_census(fs, "in/cin.xml", "content", "", diags);
    CHECK(messages(diags) == "");
    CHECK(r.year == "2024-25");
    CHECK(import_summary(r, "cin.xml") == "Imported 1 of 1 child from cin.xml (2024-25): 1 new record, 0 updated, 0 unchanged; 6 entries added.\n");
    REQUIRE(fs.files().count("content/children/child-ab-1/child.xml"));
    std::size_t writes = fs.writes().size();
    ReturnImport again = import_cin_census(fs, "in/cin.xml", "content", "", diags);
    CHECK(import_summary(again, "cin.xml") == "Imported 1 of 1 child from cin.xml (2024-25): 0 new records, 0 updated, 1 unchanged; 0 entries added.\n");
    CHECK(fs.writes().size() == writes);
    for (const auto& [path, text] : fs.files())
        if (path != "in/cin.xml") CHECK_MESSAGE(text.find("Q123456789012") == std::string::npos, path);
}

TEST_CASE("quoted lines never carry a UPN or postcode") {
    CHECK(without_identifiers("<LAchildID>A</LAchildID><UPN>A123456789012</UPN><FormerUPN>X1</FormerUPN>") ==
          "<LAchildID>A</LAchildID><UPN>...</UPN><FormerUPN>...</FormerUPN>");
    CHECK(without_identifiers("<UPN>A123") == "<UPN>...");
    MemoryFileSystem fs;
    std::string one_line = kCensus;
    one_line.replace(one_line.find("<PersonBirthDate>2015-03-27"), 27, "<PersonBirthDate>2015-13-27");
    fs.add_file("cin.xml", one_line);
    fs.make_directories("content", nullptr);
    Diagnostics diags;
    import_cin_census(fs, "cin.xml", "content", "", diags);
    CHECK(diags.error_count() == 1);
    CHECK(messages(diags).find("<UPN>...</UPN>") != std::string::npos);
    CHECK(messages(diags).find("Q123456789012") == std::string::npos);
}
