#include <doctest/doctest.h>

#include "content/schema.h"
#include "content/xml_document.h"
#include "importers/ofsted_report.h"
#include "shared_files.h"
#include "support/file_system.h"

#include <algorithm>

using namespace safesite;

namespace {

OfstedReport import_seed(const std::string& name) {
    DiskFileSystem disk;
    std::string err;
    auto text = disk.read(testing::shared_folder() + "/seeds/" + name, &err);
    REQUIRE_MESSAGE(text.has_value(), "cannot read seed " << name << ": " << err);
    return read_ofsted_report(*text);
}

std::string judgements_of(const OfstedReport& r) {
    std::string out;
    for (const auto& j : r.judgements) out += (j.parent.empty() ? "" : j.parent + ">") + j.area + "=" + j.grade + "\n";
    return out;
}

int count_timescale(const OfstedReport& r, const std::string& t) {
    int n = 0;
    for (const auto& rec : r.recommendations) n += rec.timescale == t;
    return n;
}

void check_valid_xml(const OfstedReport& r, const std::string& id) {
    Diagnostics diags;
    auto doc = XmlDocument::parse("inspections/" + id + ".xml", inspection_xml(r, id, "seed.txt"), diags);
    REQUIRE(doc);
    CHECK(validate(*doc, "inspection", diags));
    for (const auto& d : diags.items()) FAIL(format_diagnostic(d));
}

}  // namespace

TEST_CASE("the Warrington 2013 report imports as its record of main findings states") {
    OfstedReport r = import_seed("000_d8d3ea5625b419fe.txt");
    CHECK(r.authority == "Warrington");
    CHECK(r.framework == "cp-2012");
    CHECK(r.visit_start->iso() == "2013-01-17");
    CHECK(r.visit_end->iso() == "2013-01-30");
    CHECK_FALSE(r.published);
    // Record of main findings: every judgement Good.
    CHECK(judgements_of(r) == "overall=good\nhelp-and-protection=good\nquality-of-practice=good\nleadership=good\n");
    REQUIRE(r.recommendations.size() == 9);
    CHECK(count_timescale(r, "immediate") == 2);
    CHECK(count_timescale(r, "improvement") == 7);
    CHECK(r.recommendations[0].text.starts_with("ensure that all services identify and fully consider all historical information"));
    // A wrapped line joins the item it belongs to.
    CHECK(r.recommendations[7].text.ends_with("have clear access arrangements to child and adolescent mental health service (CAMHS) provision"));
    CHECK(r.notes == std::vector<std::string>{"the publication date was not found (a line starting \"Report published\")"});
    check_valid_xml(r, "warrington-2013");
}

TEST_CASE("the Halton 2014 report imports every judgement, including the LSCB review") {
    OfstedReport r = import_seed("002_f0d2b5c06809a76c.txt");
    CHECK(r.authority == "Halton");
    CHECK(r.framework == "sif-2013");
    CHECK(r.visit_start->iso() == "2014-11-18");
    CHECK(r.visit_end->iso() == "2014-12-10");
    CHECK(r.published->iso() == "2015-02-03");
    CHECK(judgements_of(r) ==
          "overall=requires-improvement\n"
          "help-and-protection=requires-improvement\n"
          "looked-after-and-permanence=good\n"
          "looked-after-and-permanence>adoption=good\n"
          "looked-after-and-permanence>care-leavers=good\n"
          "leadership=requires-improvement\n"
          "lscb=requires-improvement\n");
    // Local authority: 1-3 priority, 4-19 improvement; LSCB: 136-137 priority, 138-144 improvement.
    REQUIRE(r.recommendations.size() == 28);
    CHECK(count_timescale(r, "priority") == 5);
    CHECK(count_timescale(r, "improvement") == 23);
    CHECK(r.recommendations.front().id == "r1");
    CHECK(r.recommendations[18].id == "r19");
    CHECK(r.recommendations[19].id == "r136");
    CHECK(r.recommendations.back().id == "r144");
    CHECK(r.strengths.size() == 11);
    CHECK(r.notes.empty());
    check_valid_xml(r, "halton-2014");
}

TEST_CASE("a report with no judgements is imported without guessing one") {
    OfstedReport r = read_ofsted_report("Some council\n\nA letter about our visit.\n");
    CHECK(r.judgements.empty());
    CHECK(std::find(r.notes.begin(), r.notes.end(), "no overall judgement was found; none has been guessed") != r.notes.end());
    std::string xml = inspection_xml(r, "", "letter.txt");
    CHECK(xml.find("<judgement") == std::string::npos);
    CHECK(xml.find("<!-- Not found or unclear: the framework could not be told from the report's title. -->") != std::string::npos);
}

TEST_CASE("text from the report is escaped in the XML, and comments cannot be closed early") {
    OfstedReport r;
    r.authority = "A & B <x>";
    r.notes.push_back("a note with --> in it");
    r.recommendations.push_back({"r1", "improvement", "Areas for improvement", "Use <b>bold</b> & \"quotes\""});
    std::string xml = inspection_xml(r, "x", "r.txt");
    CHECK(xml.find("authority=\"A &amp; B &lt;x&gt;\"") != std::string::npos);
    CHECK(xml.find("Use &lt;b&gt;bold&lt;/b&gt; &amp; \"quotes\"") != std::string::npos);
    CHECK(xml.find("a note with - -> in it") != std::string::npos);
}
