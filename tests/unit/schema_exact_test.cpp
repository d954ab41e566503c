// When a schema's rules are exact, validate() trusts check_structure alone and
// does not run libxml2's RELAX NG validator. These tests hold the two side by
// side: the sample's real content files, broken in every way a hand or an
// import could break them, must never pass the rules and fail the schema.
#include <doctest/doctest.h>

#include "content/schema.h"
#include "content/schema_rules.h"
#include "content/structure_check.h"
#include "content/xml_document.h"

#include <libxml/tree.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>

using namespace safesite;

namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The sample's files of one schema.
std::vector<std::filesystem::path> sample_files(std::string_view schema) {
    std::filesystem::path content = SAFESITE_SOURCE_DIR "/content";
    std::vector<std::filesystem::path> out;
    auto all_in = [&](const std::filesystem::path& folder, const std::string& file) {
        if (!std::filesystem::exists(folder)) return;
        for (const auto& e : std::filesystem::directory_iterator(folder)) {
            if (e.is_directory() && !file.empty() && std::filesystem::exists(e.path() / file)) out.push_back(e.path() / file);
            if (file.empty() && e.path().extension() == ".xml") out.push_back(e.path());
        }
    };
    if (schema == "child") all_in(content / "children", "child.xml");
    if (schema == "report") all_in(content / "reports", "report.xml");
    if (schema == "inspection") all_in(content / "inspections", "");
    if (schema == "site") out.push_back(content / "site.xml");
    if (schema == "glossary") out.push_back(content / "glossary.xml");
    if (schema == "partnership") out.push_back(content / "partnership.xml");
    if (schema == "offer") out.push_back(content / "local-offer" / "offer.xml");
    if (schema == "framework") all_in(SAFESITE_SOURCE_DIR "/generator/frameworks", "");
    if (schema == "theme") out.push_back(SAFESITE_SOURCE_DIR "/templates/theme.xml");
    std::erase_if(out, [](const auto& p) { return !std::filesystem::exists(p); });
    std::sort(out.begin(), out.end());
    return out;
}

std::string serialised(xmlDoc* doc) {
    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &bytes, &size, "UTF-8");
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    xmlFree(bytes);
    return out;
}

std::vector<xmlNode*> elements_of(xmlNode* root) {
    std::vector<xmlNode*> out;
    std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
        out.push_back(n);
        for (xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) walk(c);
    };
    walk(root);
    return out;
}

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Values a hand or an import might write, at and past each datatype's edges.
const std::vector<std::string> kValues = {
    "", " ", "\t", "x", "  x  ", "a b", "x\ny", "2024", "2024-01", "2024-01-15", " 2024-01-15 ", "2024-1-5", "2024-13-01", "2024-02-30",
    "2024-01-15Z", "20240", "true", "false", "TRUE", "1", "0", "-3", "+5", "3", "4", "18", "19", "1.5", "en", "en-GB", "en_GB",
    "P2W", "P2", "PW", "P1Y2M", "c-1001", "C-1001", "-a", "a-", "police", "referral", "cp", "child-protection", "https://example.org/",
};

struct Tally {
    int mutants = 0, both_accept = 0, both_refuse = 0;
    std::vector<std::string> rules_only;  // passed the rules, refused by the schema: must stay empty
};

// Parses a mutant, then asks the rules and the schema.
void judge(const std::string& text, std::string_view schema, const std::string& what, Tally& tally) {
    Diagnostics parse_diags;
    auto doc = XmlDocument::parse("mutant.xml", text, parse_diags);
    if (!doc) return;
    ++tally.mutants;
    Diagnostics diags;
    bool rules = check_structure(*doc, *schema_rules(schema), schema, diags);
    bool whole = schema_accepts(*doc, schema);
    if (rules && whole) ++tally.both_accept;
    if (!rules && !whole) ++tally.both_refuse;
    if (rules && !whole && tally.rules_only.size() < 5) tally.rules_only.push_back(what + "\n" + text.substr(0, 600));
}

// Every mutation of one file, each made on a fresh copy of it.
void mutate_all(const std::string& original, std::string_view schema, Tally& tally) {
    const SchemaRules& rules = *schema_rules(schema);
    std::set<std::string> element_names, attribute_names;
    for (const auto& e : rules.elements) {
        element_names.insert(e.name);
        for (const auto& a : e.attributes) attribute_names.insert(a.name);
    }
    xmlDoc* base = xmlReadMemory(original.data(), static_cast<int>(original.size()), "base.xml", "UTF-8", XML_PARSE_NONET);
    REQUIRE(base);
    std::size_t count = elements_of(xmlDocGetRootElement(base)).size();
    // The first element of each name, so every kind is broken without
    // breaking each of two hundred chronology entries the same way.
    std::map<std::string, int> seen;
    std::vector<std::size_t> chosen;
    {
        auto all = elements_of(xmlDocGetRootElement(base));
        for (std::size_t i = 0; i < count; ++i)
            if (seen[reinterpret_cast<const char*>(all[i]->name)]++ == 0) chosen.push_back(i);
    }
    // Runs `change` on a copy whose element number i is passed, then judges it.
    auto on_copy = [&](std::size_t i, const std::string& what, const std::function<bool(xmlDoc*, xmlNode*)>& change) {
        xmlDoc* copy = xmlCopyDoc(base, 1);
        xmlNode* node = elements_of(xmlDocGetRootElement(copy))[i];
        if (change(copy, node)) judge(serialised(copy), schema, what, tally);
        xmlFreeDoc(copy);
    };
    for (std::size_t i : chosen) {
        std::string at = "element " + std::to_string(i) + ": ";
        on_copy(i, at + "removed", [](xmlDoc* d, xmlNode* n) {
            if (n == xmlDocGetRootElement(d)) return false;
            xmlUnlinkNode(n);
            xmlFreeNode(n);
            return true;
        });
        on_copy(i, at + "doubled", [](xmlDoc* d, xmlNode* n) {
            if (n == xmlDocGetRootElement(d)) return false;
            xmlAddNextSibling(n, xmlCopyNode(n, 1));
            return true;
        });
        on_copy(i, at + "swapped with the next", [](xmlDoc*, xmlNode* n) {
            xmlNode* next = xmlNextElementSibling(n);
            if (!next) return false;
            xmlUnlinkNode(next);
            xmlAddPrevSibling(n, next);
            return true;
        });
        on_copy(i, at + "moved into the one before", [](xmlDoc*, xmlNode* n) {
            xmlNode* before = xmlPreviousElementSibling(n);
            if (!before) return false;
            xmlUnlinkNode(n);
            xmlAddChild(before, n);
            return true;
        });
        on_copy(i, at + "given stray text", [](xmlDoc* d, xmlNode* n) {
            xmlAddChild(n, xmlNewDocText(d, x("stray words")));
            return true;
        });
        on_copy(i, at + "given a comment and CDATA", [](xmlDoc* d, xmlNode* n) {
            xmlAddChild(n, xmlNewDocComment(d, x("note")));
            xmlAddChild(n, xmlNewCDataBlock(d, x("kept"), 4));
            return true;
        });
        on_copy(i, at + "put in a namespace", [](xmlDoc*, xmlNode* n) {
            xmlSetNs(n, xmlNewNs(n, x("https://example.org/ns"), x("p")));
            return true;
        });
        on_copy(i, at + "given a namespaced attribute", [](xmlDoc*, xmlNode* n) {
            xmlSetNsProp(n, xmlSearchNsByHref(n->doc, n, x("http://www.w3.org/XML/1998/namespace")), x("lang"), x("en"));
            return true;
        });
        for (const std::string& name : element_names) {
            on_copy(i, at + "renamed <" + name + ">", [&](xmlDoc* d, xmlNode* n) {
                if (n == xmlDocGetRootElement(d)) return false;
                xmlNodeSetName(n, x(name.c_str()));
                return true;
            });
            on_copy(i, at + "given an empty <" + name + ">", [&](xmlDoc*, xmlNode* n) {
                xmlNewChild(n, nullptr, x(name.c_str()), nullptr);
                return true;
            });
        }
        for (const std::string& value : kValues)
            on_copy(i, at + "text '" + value + "'", [&](xmlDoc*, xmlNode* n) {
                if (xmlFirstElementChild(n)) return false;
                xmlNodeSetContent(n, nullptr);
                xmlNodeAddContent(n, x(value.c_str()));
                return true;
            });
        for (const std::string& name : attribute_names)
            for (const std::string& value : {std::string("x"), std::string("2024-01-15"), std::string("true"), std::string("police")})
                on_copy(i, at + name + "=\"" + value + "\"", [&](xmlDoc*, xmlNode* n) {
                    xmlSetProp(n, x(name.c_str()), x(value.c_str()));
                    return true;
                });
        // Each attribute it has: taken away, or given each value.
        std::vector<std::string> has;
        {
            xmlDoc* copy = xmlCopyDoc(base, 1);
            for (xmlAttr* a = elements_of(xmlDocGetRootElement(copy))[i]->properties; a; a = a->next)
                has.push_back(reinterpret_cast<const char*>(a->name));
            xmlFreeDoc(copy);
        }
        for (const std::string& name : has) {
            on_copy(i, at + "without " + name, [&](xmlDoc*, xmlNode* n) { return xmlUnsetProp(n, x(name.c_str())) == 0; });
            for (const std::string& value : kValues)
                on_copy(i, at + name + "='" + value + "'", [&](xmlDoc*, xmlNode* n) {
                    xmlSetProp(n, x(name.c_str()), x(value.c_str()));
                    return true;
                });
        }
    }
    xmlFreeDoc(base);
}

std::unique_ptr<SchemaRules> rules_of(const std::string& body) {
    return read_schema_rules(R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
<start><element name="a">)" + body + "</element></start></grammar>");
}

}  // namespace

TEST_CASE("a child's record is checked by its rules alone: they say all its schema says") {
    const SchemaRules* rules = schema_rules("child");
    REQUIRE(rules);
    INFO(rules->inexact_because);
    CHECK(rules->exact);
}

TEST_CASE("rules that cannot follow a schema's construct are not exact, so RELAX NG still runs") {
    CHECK(rules_of("<element name=\"b\"><text/></element>")->exact);
    CHECK(rules_of("<interleave><element name=\"b\"><text/></element><optional><element name=\"c\"><text/></element></optional></interleave>")->exact);
    // "one of these"
    auto choice = rules_of("<choice><element name=\"b\"><text/></element><element name=\"c\"><text/></element></choice>");
    CHECK_FALSE(choice->exact);
    CHECK(choice->inexact_because.find("choice") != std::string::npos);
    // "these two together"
    CHECK_FALSE(rules_of("<zeroOrMore><element name=\"b\"><text/></element><element name=\"c\"><text/></element></zeroOrMore>")->exact);
    CHECK_FALSE(rules_of("<optional><attribute name=\"p\"/><attribute name=\"q\"/></optional>")->exact);
    // "in this order, in any order"
    CHECK_FALSE(rules_of("<interleave><group><element name=\"b\"><text/></element><element name=\"c\"><text/></element></group>"
                         "<element name=\"d\"><text/></element></interleave>")
                    ->exact);
    // the same name in two places, text beside elements, a facet the rules do not know
    CHECK_FALSE(rules_of("<element name=\"b\"><text/></element><element name=\"c\"><text/></element><element name=\"b\"><text/></element>")->exact);
    CHECK_FALSE(rules_of("<mixed><element name=\"b\"><text/></element></mixed>")->exact);
    CHECK_FALSE(rules_of("<element name=\"b\"><data type=\"string\"><param name=\"maxLength\">5</param></data></element>")->exact);
    CHECK_FALSE(rules_of("<element name=\"b\"><list><data type=\"token\"/></list></element>")->exact);
}

TEST_CASE("no broken copy of a real content file passes the exact rules and fails its schema") {
    for (const auto& [name, _] : built_in_schema_all()) {
        const SchemaRules* rules = schema_rules(name);
        if (!rules || !rules->exact) continue;
        auto files = sample_files(name);
        CAPTURE(name);
        REQUIRE_MESSAGE(!files.empty(), "an exact schema needs real files to be held against");
        Tally tally;
        // The sample's files as they are pass both.
        for (const auto& path : files) {
            CAPTURE(path.string());
            judge(read_text(path), name, "as written", tally);
            CHECK(tally.both_accept == tally.mutants);
        }
        for (const auto& path : files) mutate_all(read_text(path), name, tally);
        MESSAGE(name << ": " << tally.mutants << " broken copies, " << tally.both_refuse << " refused by both, " << tally.both_accept
                     << " accepted by both");
        // Enough broken copies, and both verdicts among them, for the comparison to mean something.
        CHECK(tally.mutants > 150);
        CHECK(tally.both_refuse > tally.mutants / 3);
        CHECK(tally.both_accept > 10);
        for (const auto& found : tally.rules_only) FAIL_CHECK("passed the rules, refused by the schema: " << found);
    }
}

TEST_CASE("an element or attribute in a namespace is told in the content's words") {
    Diagnostics diags;
    auto doc = XmlDocument::parse("glossary.xml", "<glossary xmlns:p=\"https://example.org/\">\n  <p:term abbr=\"GP\" xml:lang=\"en\"/>\n</glossary>", diags);
    REQUIRE(doc);
    CHECK_FALSE(validate(*doc, "glossary", diags));
    std::string all;
    for (const auto& d : diags.items()) all += format_diagnostic(d);
    CHECK(all.find("glossary.xml:2:3: error: <term> is in a namespace") != std::string::npos);
    CHECK(all.find("has the attribute 'xml:lang', which is in a namespace") != std::string::npos);
}
