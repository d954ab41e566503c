// The readers of the two statutory returns: the CIN census (XML) and SSDA903 (CSV).
#include <doctest/doctest.h>

#include "importers/cin_census.h"
#include "importers/csv_table.h"
#include "importers/ssda903.h"
#include "shared_files.h"
#include "support/memory_file_system.h"

using namespace safesite;

namespace {

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.sorted()) out += format_diagnostic(d);
    return out;
}

std::string census_with(const std::string& children, const std::string& collection = "CIN") {
    return "<Message>\n<Header><CollectionDetails><Collection>" + collection +
           "</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n" + children +
           "</Children>\n</Message>\n";
}

const char* kGoodChild = R"(<Child>
<ChildIdentifiers><LAchildID>A1</LAchildID><UPN>A123456789012</UPN><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>HAND</Disability></Disabilities></ChildCharacteristics>
<CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
<ReferralNFA>false</ReferralNFA>
<Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-01</AssessmentAuthorisationDate>
<FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>18B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
<Section47><S47ActualStartDate>2024-05-03</S47ActualStartDate><DateOfInitialCPC>2024-05-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
<NumberOfPreviousCPP>1</NumberOfPreviousCPP><Reviews><CPPreviewDate>2024-08-20</CPPreviewDate><CPPreviewDate>2025-02-20</CPPreviewDate></Reviews></ChildProtectionPlans>
<PreProceedingsandFGDM><PreProceedingsStartDate>2025-01-10</PreProceedingsStartDate><FGDMOffered>true</FGDMOffered></PreProceedingsandFGDM>
</CINdetails>
</Child>
)";

}  // namespace

TEST_CASE("a CIN census child is read with every part of its episode, and without its UPN") {
    Diagnostics diags;
    CinCensus c = read_cin_census("cin.xml", census_with(kGoodChild), diags);
    CHECK(messages(diags) == "");
    CHECK(c.collection_year == "2025");
    REQUIRE(c.reference_date);
    CHECK(c.reference_date->iso() == "2025-03-31");
    REQUIRE(c.children.size() == 1);
    const CinChild& child = c.children[0];
    CHECK(child.la_child_id == "A1");
    CHECK(child.born->iso() == "2015-03-27");
    CHECK(child.sex == "F");
    CHECK(child.ethnicity == "WBRI");
    CHECK(child.disabilities == std::vector<std::string>{"HAND"});
    CHECK(child.where.line == 4);
    REQUIRE(child.episodes.size() == 1);
    const CinEpisode& e = child.episodes[0];
    CHECK(e.referral->iso() == "2024-05-01");
    CHECK(e.referral_source == "1A");
    CHECK(e.primary_need == "N1");
    CHECK(e.referral_nfa == false);
    REQUIRE(e.assessments.size() == 1);
    CHECK(e.assessments[0].factors == std::vector<std::string>{"2A", "18B"});
    CHECK(e.assessments[0].authorised->iso() == "2024-06-01");
    REQUIRE(e.section47s.size() == 1);
    CHECK(e.section47s[0].conference->iso() == "2024-05-20");
    CHECK(e.section47s[0].conference_not_required == false);
    REQUIRE(e.protection_plans.size() == 1);
    CHECK(e.protection_plans[0].latest_category == "EMO");
    CHECK(e.protection_plans[0].previous_plans == 1);
    CHECK(e.protection_plans[0].reviews.size() == 2);
    REQUIRE(e.pre_proceedings.size() == 1);
    CHECK(e.pre_proceedings[0].fields.size() == 2);
    CHECK(e.pre_proceedings[0].fields[1].first == "FGDMOffered");
}

TEST_CASE("GenderCurrent is read as the child's sex in returns before 2024-25") {
    Diagnostics diags;
    CinCensus c = read_cin_census("cin.xml", census_with("<Child><ChildIdentifiers><LAchildID>B</LAchildID><GenderCurrent>2</GenderCurrent></ChildIdentifiers></Child>\n"), diags);
    REQUIRE(c.children.size() == 1);
    CHECK(c.children[0].sex == "2");
}

TEST_CASE("a bad child is reported at its line and the others are still read") {
    std::string bad = "<Child>\n<ChildIdentifiers><PersonBirthDate>2015-02-30</PersonBirthDate></ChildIdentifiers>\n"
                      "<CINdetails><CINreferralDate>yesterday</CINreferralDate></CINdetails>\n</Child>\n";
    Diagnostics diags;
    CinCensus c = read_cin_census("cin.xml", census_with(bad + kGoodChild), diags);
    CHECK(messages(diags) ==
          "cin.xml:5:1: error: this child has no <LAchildID>\n    <ChildIdentifiers><PersonBirthDate>2015-02-30</PersonBirthDate></ChildIdentifiers>\n    ^\n"
          "  hint: every <Child> needs the council's own id for the child in <ChildIdentifiers>\n"
          "cin.xml:5:19: error: <PersonBirthDate> has the value '2015-02-30', which is not a date\n"
          "    <ChildIdentifiers><PersonBirthDate>2015-02-30</PersonBirthDate></ChildIdentifiers>\n                      ^\n"
          "  hint: write dates as YYYY-MM-DD, e.g. 2024-03-31\n"
          "cin.xml:6:13: error: <CINreferralDate> has the value 'yesterday', which is not a date\n"
          "    <CINdetails><CINreferralDate>yesterday</CINreferralDate></CINdetails>\n                ^\n"
          "  hint: write dates as YYYY-MM-DD, e.g. 2024-03-31\n");
    REQUIRE(c.children.size() == 2);
    CHECK(c.children[0].has_errors);
    CHECK_FALSE(c.children[1].has_errors);
    CHECK(c.children[1].la_child_id == "A1");
}

TEST_CASE("files that are not a census are refused with one clear error") {
    auto refused = [](const std::string& text) {
        Diagnostics diags;
        CinCensus c = read_cin_census("in.xml", text, diags);
        CHECK(c.children.empty());
        CHECK(diags.error_count() == 1);
        return diags.items().empty() ? std::string() : diags.items()[0].message;
    };
    CHECK(refused("") == "the file is empty");
    CHECK(refused(" \n") == "the file is empty");
    CHECK(refused("<site><name>x</name></site>") == "this is not a Children in Need census file");
    CHECK(refused(census_with(kGoodChild, "CLA")) == "this is not a Children in Need census file");
    CHECK(refused("CHILD,SEX,DOB\n1,2,01/01/2010\n").find("malformed XML") == 0);
    CHECK(refused("<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY a \"aaaa\">]>\n<Message><Children/></Message>") ==
          "the document declares an entity (a); entities are not allowed");
}

TEST_CASE("a census file larger than the limit is refused before it is read") {
    MemoryFileSystem fs;
    fs.add_file("big.xml", census_with(kGoodChild));
    Diagnostics diags;
    CinCensus c = read_cin_census_file(fs, "big.xml", diags, 100);
    CHECK(c.children.empty());
    CHECK(messages(diags).find("big.xml: error: the file is") == 0);
    CHECK(fs.reads().empty());
    Diagnostics fine;
    CHECK(read_cin_census_file(fs, "big.xml", fine).children.size() == 1);
}

TEST_CASE("both CIN census fixtures are read; the invalid one still gives every child") {
    std::string dir = testing::shared_folder() + "/fixtures/cin-census/";
    DiskFileSystem disk;
    Diagnostics old_diags;
    CinCensus old = read_cin_census_file(disk, dir + "fake_CIN_data.xml", old_diags);
    CHECK(messages(old_diags) == "");
    CHECK(old.children.size() == 332);
    std::size_t episodes = 0;
    for (const auto& ch : old.children) episodes += ch.episodes.size();
    CHECK(episodes == 402);
    CHECK(old.children[0].sex == "1");  // GenderCurrent
    Diagnostics new_diags;
    CinCensus recent = read_cin_census_file(disk, dir + "CIN_Census_2024.xml", new_diags);
    REQUIRE(recent.children.size() == 2);
    CHECK(recent.children[0].sex == "1");  // Sex
    CHECK(recent.children[0].episodes[0].assessments[0].factors == std::vector<std::string>{"1C", "RB", "6B"});
}

TEST_CASE("CSV: quoted fields, doubled quotes, line breaks in quotes, a BOM and CRLF") {
    Diagnostics diags;
    CsvTable t = CsvTable::parse("t.csv", "\xEF\xBB\xBF" "A,B,C\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\r\n3,,z\r\n", diags);
    CHECK(messages(diags) == "");
    CHECK(t.columns() == std::vector<std::string>{"A", "B", "C"});
    REQUIRE(t.rows().size() == 3);
    CHECK(t.field(t.rows()[0], "B") == "x, y");
    CHECK(t.field(t.rows()[0], "C") == "say \"hi\"");
    CHECK(t.field(t.rows()[1], "B") == "two\nlines");
    CHECK(t.rows()[2].line == 6);
    CHECK(t.field(t.rows()[2], "C") == "z");
    CHECK(t.field(t.rows()[2], "D") == "");
}

TEST_CASE("CSV: a row with the wrong number of fields and an unclosed quote are reported by line") {
    Diagnostics diags;
    CsvTable t = CsvTable::parse("t.csv", "A,B\n1,2\n1,2,3\n4,5\n", diags);
    CHECK(t.rows().size() == 2);
    CHECK(messages(diags) == "t.csv:3:1: error: row has 3 fields but the header has 2\n  hint: a comma inside a value needs the value in double quotes\n");
    Diagnostics open;
    CsvTable::parse("u.csv", "A,B\n1,\"2\n3,4\n", open);
    CHECK(messages(open) ==
          "u.csv:2:1: error: a quoted field starts on this row and is never closed\n  hint: close the field with a double quote; write a quote inside a field as two (\"\")\n");
}

TEST_CASE("SSDA903: tables are told apart by their columns and joined by child") {
    MemoryFileSystem fs;
    fs.add_file("r/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n7,1,01/02/2010,WBRI,A123456789012,,\r\n8,2,03/04/2011,MWBC,,,\r\n");
    fs.add_file("r/eps-2025.csv",
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                "7,01/04/2024,S,C2,N1,U1,PR1,01/06/2024,P1,CARPL,AB1 2CD,EF3 4GH,SC123\n7,01/06/2024,P,C2,N1,K2,PR2,,,,AB1 2CD,,\n");
    fs.add_file("r/reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n7,01/02/2010,15/05/2024,PN1\n");
    fs.add_file("r/missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\n8,03/04/2011,M,02/02/2025,03/02/2025\n");
    fs.add_file("r/oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n8,03/04/2011,YES,F2,S\n");
    fs.add_file("r/uasc.csv", "CHILD,SEX,DOB,DUC\n8,2,03/04/2011,03/04/2029\n");
    fs.add_file("r/notes.txt", "not a table");
    Diagnostics diags;
    LookedAfterReturn r = read_ssda903(fs, "r", diags);
    CHECK(messages(diags) == "");
    REQUIRE(r.children.size() == 2);
    const LookedAfterChild& a = r.children[0];
    CHECK(a.child_id == "7");
    CHECK(a.born->iso() == "2010-02-01");
    REQUIRE(a.episodes.size() == 2);
    CHECK(a.episodes[0].placement == "U1");
    CHECK(a.episodes[0].end->iso() == "2024-06-01");
    CHECK(a.episodes[0].reason_place_change == "CARPL");
    CHECK(a.episodes[0].where == Location{"r/eps-2025.csv", 2, 1});
    CHECK(a.reviews.size() == 1);
    const LookedAfterChild& b = r.children[1];
    CHECK(b.missing.size() == 1);
    CHECK(b.care_leaver[0].activity == "F2");
    CHECK(b.unaccompanied_ceased->iso() == "2029-04-03");
}

TEST_CASE("SSDA903: a bad row marks its child only; unknown children and tables are named") {
    MemoryFileSystem fs;
    fs.add_file("r/header.csv", "CHILD,SEX,DOB,ETHNIC\n7,1,2010-02-01,WBRI\n8,2,03/04/2011,MWBC\n");
    fs.add_file("r/reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n9,01/02/2010,15/05/2024,PN1\n");
    fs.add_file("r/oc2.csv", "CHILD,DOB,SDQ_SCORE\n7,01/02/2010,12\n");
    Diagnostics diags;
    LookedAfterReturn r = read_ssda903(fs, "r", diags);
    CHECK(messages(diags) ==
          "r/header.csv:2:1: error: DOB has the value '2010-02-01', which is not a date\n  hint: SSDA903 writes dates as dd/mm/YYYY, e.g. 31/03/2025\n"
          "r/oc2.csv:1:1: warning: safesite does not read this table (columns CHILD, DOB, SDQ_SCORE)\n  hint: it reads header, episodes, reviews, missing, oc3 and uasc\n"
          "r/reviews.csv:2:1: warning: child '9' is not in the header table; this row is left out\n  hint: every child in the return has a row in the header table\n");
    REQUIRE(r.children.size() == 2);
    CHECK(r.children[0].has_errors);
    CHECK_FALSE(r.children[1].has_errors);
}

TEST_CASE("SSDA903: a folder without a header, a wrong table, an empty or too large file are refused") {
    MemoryFileSystem fs;
    fs.add_file("r/episodes.csv", "CHILD,DOB\n1,01/01/2010\n");
    fs.add_file("r/reviews.csv", "");
    fs.add_file("r/missing.csv", std::string(200, 'x'));
    Diagnostics diags;
    LookedAfterReturn r = read_ssda903(fs, "r", diags, 100);
    CHECK(r.children.empty());
    CHECK(messages(diags) ==
          "r: error: there is no SSDA903 header table (CHILD, SEX, DOB, ETHNIC) in this folder\n"
          "  hint: the header table lists every child in the return; export header.csv with the other tables\n"
          "r/episodes.csv:1:1: error: this is not an SSDA903 episodes table: its columns are CHILD, DOB\n"
          "  hint: the table needs the columns CHILD, DECOM, RNE, LS, CIN, PLACE, DEC, REC\n"
          "r/missing.csv: error: the file is 200 bytes, more than safesite reads (100)\n"
          "  hint: a table this large is not one council's return; check that this is the right file\n"
          "r/reviews.csv:1:1: error: the file is empty\n  hint: export the table again, with its header row of column names\n");
    Diagnostics none;
    read_ssda903(fs, "nowhere", none);
    CHECK(messages(none) == "nowhere: error: this is not a folder\n  hint: name the folder that holds the SSDA903 tables (header.csv, episodes.csv, ...)\n");
}

TEST_CASE("SSDA903: every fixture table is read") {
    DiskFileSystem disk;
    Diagnostics diags;
    LookedAfterReturn r = read_ssda903(disk, testing::shared_folder() + "/fixtures/ssda903", diags);
    CHECK(diags.error_count() == 0);
    CHECK(r.children.size() > 1000);
    std::size_t episodes = 0, reviews = 0;
    for (const auto& c : r.children) {
        episodes += c.episodes.size();
        reviews += c.reviews.size();
    }
    CHECK(episodes > 5000);
    CHECK(reviews > 5000);
}
