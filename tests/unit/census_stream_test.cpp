// The census read a child at a time: records across the pieces the file is
// read in are whole, every place is told at its own line however far into the
// file, and a file broken halfway imports nothing.
#include <doctest/doctest.h>

#include "support/concat.h"

#include "content/xml_stream.h"
#include "importers/cin_census.h"
#include "importers/return_import.h"
#include "test_site.h"

using namespace safesite;
using testing::messages;

namespace {

// `children` children of two lines each, after a three-line header; child
// `bad` (counted from 0) has a date that is not one. Child i's <Child> is on
// line 4 + 3 * i.
std::string census(int children, int bad = -1, const std::string& extra_header = "") {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + extra_header +
                      "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>"
                      "<ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n";
    for (int i = 0; i < children; ++i) {
        std::string date = i == bad ? "2024-13-45" : "2024-05-01";
        out += "<Child>\n<ChildIdentifiers><LAchildID>C" + std::to_string(i) + "</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex>" +
               "</ChildIdentifiers><CINdetails><CINreferralDate>" + date +
               "</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode></CINdetails>\n</Child>\n";
    }
    return out + "</Children>\n</Message>\n";
}

}  // namespace

TEST_CASE("a census read in pieces gives every child whole, each at its own line, and a bad value at its line far into the file") {
    int n = 4000;  // about 900 KB: several of the stream's pieces
    std::string text = census(n, 3500);
    REQUIRE(text.size() > 3 * XmlStream::kPiece);
    Diagnostics diags;
    std::vector<CinChild> children;
    CinHeader header;
    bool ok = read_cin_census_text(
        "cin.xml", text, diags,
        [&](const CinHeader&, CinChild&& c) {
            children.push_back(std::move(c));
            return true;
        },
        &header);
    CHECK(ok);
    REQUIRE(children.size() == static_cast<std::size_t>(n));
    CHECK(header.reference_date->iso() == "2025-03-31");
    CHECK(header.collection_year == "2025");
    for (int i : {0, 1, 999, 2000, 3999}) {
        CAPTURE(i);
        CHECK(children[static_cast<std::size_t>(i)].la_child_id == concat("C", std::to_string(i)));
        CHECK(children[static_cast<std::size_t>(i)].where.line == 4 + 3 * i);
        CHECK(children[static_cast<std::size_t>(i)].episodes.size() == 1);
    }
    CHECK(children[3500].has_errors);
    CHECK_FALSE(children[3499].has_errors);
    std::string out = messages(diags);
    int line = 4 + 3 * 3500 + 1;
    CHECK(out.find("cin.xml:" + std::to_string(line) + ":") != std::string::npos);
    CHECK(out.find("<CINreferralDate> has the value '2024-13-45', which is not a date") != std::string::npos);
    // The line is quoted as written, though the bytes before it were let go.
    CHECK(out.find("<LAchildID>C3500</LAchildID>") != std::string::npos);
}

TEST_CASE("a census stream refuses entities and says what is wrong with an empty file, a broken one and one that is not a census") {
    auto errors = [](const std::string& text) {
        Diagnostics diags;
        int children = 0;
        bool ok = read_cin_census_text("cin.xml", text, diags, [&](const CinHeader&, CinChild&&) { return ++children, true; });
        CHECK_FALSE(ok);
        return messages(diags);
    };
    CHECK(errors(census(3, -1, "<!DOCTYPE Message [<!ENTITY x \"y\">]>\n")).find("declares an entity (x); entities are not allowed") != std::string::npos);
    CHECK(errors(census(3, -1, "<!DOCTYPE Message SYSTEM \"http://example.org/a.dtd\">\n")).find("refers to an external DTD") != std::string::npos);
    CHECK(errors("  \n\n ").find("cin.xml:1:1: error: the file is empty") != std::string::npos);
    std::string cut = census(2000);
    cut.resize(cut.size() / 2);
    CHECK(errors(cut).find("malformed XML") != std::string::npos);
    CHECK(errors("<Message><Header/><Returns><Child/></Returns></Message>").find("this is not a Children in Need census file") != std::string::npos);
    CHECK(errors("<Other/>").find("this is not a Children in Need census file") != std::string::npos);
}

TEST_CASE("a census broken halfway imports nothing; a whole one imports every child through the stream") {
    MemoryFileSystem fs;
    fs.add_file("content/site.xml", testing::kSiteXml);
    std::string whole = census(1500);
    std::string cut = whole.substr(0, whole.size() * 2 / 3);
    fs.add_file("in/cut.xml", cut);
    Diagnostics diags;
    ReturnImport r = import_cin_census(fs, "in/cut.xml", "content", "", diags);
    CHECK(diags.has_errors());
    CHECK(r.summary.children == 0);
    for (const auto& [path, _] : fs.files()) CHECK_FALSE(path.starts_with("content/children/"));

    fs.add_file("in/whole.xml", whole);
    Diagnostics again;
    r = import_cin_census(fs, "in/whole.xml", "content", "", again);
    CHECK_MESSAGE(!again.has_errors(), messages(again));
    CHECK(r.in_return == 1500);
    CHECK(r.summary.created == 1500);
    CHECK(fs.files().count("content/children/child-c1499/child.xml") == 1);
}
