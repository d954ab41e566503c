#include <doctest/doctest.h>

#include "content/schema.h"
#include "content/value_formats.h"
#include "content/xml_document.h"

using namespace safesite;

namespace {

std::string errors_of(const std::string& text) {
    Diagnostics diags;
    XmlDocument::parse("x.xml", text, diags);
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

}  // namespace

TEST_CASE("entity declarations are refused before anything expands") {
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        std::string previous = i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
        std::string ten;
        for (int k = 0; k < 10; ++k) ten += previous;
        laughs += " <!ENTITY lol" + std::to_string(i) + " \"" + ten + "\">\n";
    }
    laughs += "]>\n<lolz>&lol9;</lolz>\n";
    std::string out = errors_of(laughs);
    CHECK(out.starts_with("x.xml:3:"));
    CHECK(out.find("error: the document declares an entity (lol); entities are not allowed") != std::string::npos);
}

TEST_CASE("external entities and DTDs are refused, and nothing is read") {
    CHECK(errors_of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").find("declares an entity (e)") != std::string::npos);
    CHECK(errors_of("<!DOCTYPE x SYSTEM \"http://evil.example/x.dtd\"><x/>").find("refers to an external DTD") != std::string::npos);
    CHECK(errors_of("<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><x/>").find("declares an entity (p)") != std::string::npos);
}

TEST_CASE("malformed XML is reported with its line and column") {
    std::string out = errors_of("<site>\n  <name>x</nam>\n</site>");
    CHECK(out.starts_with("x.xml:2:"));
    CHECK(out.find("malformed XML") != std::string::npos);
}

TEST_CASE("non-UTF-8 documents are refused") {
    CHECK(errors_of("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x/>").find("not in UTF-8") != std::string::npos);
}

TEST_CASE("elements and attributes are located at their start") {
    Diagnostics diags;
    auto doc = XmlDocument::parse("x.xml", "<a>\n  <b>1</b><b\n     id=\"2\"/>\n</a>", diags);
    REQUIRE(doc);
    auto bs = child_elements(doc->root(), "b");
    REQUIRE(bs.size() == 2);
    CHECK(doc->locate(bs[0]).line == 2);
    CHECK(doc->locate(bs[0]).column == 3);
    CHECK(doc->locate(bs[1]).line == 2);
    CHECK(doc->locate(bs[1]).column == 11);
    CHECK(doc->locate_attribute(bs[1], "id").line == 3);
    CHECK(doc->locate_attribute(bs[1], "id").column == 6);
    CHECK(folded_text(bs[0]) == "1");
}

TEST_CASE("elements and attributes are found by their whole name, not by a name they begin or end") {
    Diagnostics diags;
    auto doc = XmlDocument::parse("x.xml", "<a><bb/><b id=\"1\" idx=\"2\" i=\"3\"/><ab/><b/></a>", diags);
    REQUIRE(doc);
    CHECK(child_elements(doc->root(), "b").size() == 2);
    CHECK(child_elements(doc->root(), "bb").size() == 1);
    CHECK(child_elements(doc->root(), "").size() == 4);
    CHECK(child_elements(doc->root(), "bbb").empty());
    const xmlNode* b = first_child(doc->root(), "b");
    REQUIRE(b != nullptr);
    CHECK(attribute(b, "id").value() == "1");
    CHECK(attribute(b, "idx").value() == "2");
    CHECK(attribute(b, "i").value() == "3");
    CHECK_FALSE(attribute(b, "idxx").has_value());
    CHECK_FALSE(attribute(b, "").has_value());
    CHECK(first_child(doc->root(), "a") == nullptr);
    CHECK(first_child(doc->root(), std::string_view("b\0", 2)) == nullptr);
}

TEST_CASE("schema errors point at the element and say what is wrong") {
    Diagnostics diags;
    auto doc = XmlDocument::parse("glossary.xml", "<glossary>\n  <term abbr=\"X\">\n    <plain>p</plain>\n  </term>\n</glossary>", diags);
    REQUIRE(doc);
    CHECK_FALSE(validate(*doc, "glossary", diags));
    REQUIRE(diags.has_errors());
    // Both mistakes, each at its own place, in the content's words.
    REQUIRE(diags.items().size() == 2);
    const Diagnostic& abbr = diags.items()[0];
    CHECK(abbr.where == Location{"glossary.xml", 2, 9});
    CHECK(abbr.message == "abbr=\"X\" on <term> is not an abbreviation");
    CHECK(abbr.hint == "write 2 to 12 letters or digits, for example CAMHS; see \"glossary.xml\" in docs/content.md");
    const Diagnostic& name = diags.items()[1];
    CHECK(name.where == Location{"glossary.xml", 2, 3});
    CHECK(name.message == "<term> needs <name>");
}

TEST_CASE("regression: a schema message quoting a very long value does not exhaust the stack") {
    // Found by the hostile corpus: libxml2 quotes the value, and a
    // backtracking std::regex over 70,000 characters overflowed the stack.
    Diagnostics diags;
    std::string site = "<site lang=\"en-GB\"><name>N</name><authority code=\"" + std::string(70000, 'x') +
                       "\">A</authority><base-url>" + std::string(70000, 'y') + "</base-url><contact/>"
                       "<accessibility reviewed=\"2026-01-01\" compliance=\"full\"><contact/></accessibility></site>";
    auto doc = XmlDocument::parse("site.xml", site, diags);
    REQUIRE(doc);
    CHECK_FALSE(validate(*doc, "site", diags));
    CHECK(diags.has_errors());
}

TEST_CASE("XInclude is never processed: an include is an unknown element, and nothing is read") {
    Diagnostics diags;
    auto doc = XmlDocument::parse("glossary.xml",
                                  "<glossary xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n  <xi:include href=\"/etc/passwd\" parse=\"text\"/>\n</glossary>",
                                  diags);
    REQUIRE(doc);
    CHECK_FALSE(validate(*doc, "glossary", diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().front().where.line == 2);
    for (const auto& d : diags.items()) CHECK(d.message.find("root:") == std::string::npos);
}

TEST_CASE("a partial date is checked by hand exactly as libxml2 checks its pattern") {
    // The chronology's dates (YYYY, YYYY-MM, YYYY-MM-DD) skip libxml2's
    // automaton; the same pattern written another way still goes through it.
    ValueRule by_hand{"token", "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", {}, {}, {}, false};
    ValueRule by_libxml2{"token", "[0-9][0-9][0-9][0-9](-[0-9][0-9](-[0-9][0-9])?)?", {}, {}, {}, false};
    const std::string pieces = "0129-/ a\xd9\xa0x:";
    std::vector<std::string> values = {"", "2025", "2025-06", "2025-06-20", "2025-6-20", "2025-06-2", "20250620", "2025-06-20-", "-2025",
                                       "2025--06", "0000-00-00", "9999-99-99", "2025-06-20 ", " 2025", "2025 - 06", "\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xa0"};
    unsigned state = 7;
    for (int k = 0; k < 20000; ++k) {
        std::string v;
        state = state * 1103515245u + 12345u;
        const unsigned length = (state >> 16) % 12;
        for (unsigned i = 0; i < length; ++i) {
            state = state * 1103515245u + 12345u;
            // Mostly digits and dashes in date-like places, so that many values come near to dates.
            const unsigned pick = (state >> 16) % 100;
            v += pick < 70 ? static_cast<char>('0' + pick % 10) : pick < 88 ? '-' : pieces[pick % pieces.size()];
        }
        values.push_back(v);
    }
    for (const std::string& v : values) REQUIRE_MESSAGE(value_allowed(by_hand, v) == value_allowed(by_libxml2, v), "'" << v << "'");
    CHECK(value_allowed(by_hand, "2025-06-20"));
    CHECK(value_allowed(by_hand, "2025-06"));
    CHECK_FALSE(value_allowed(by_hand, "2025-6"));
}
