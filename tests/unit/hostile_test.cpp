// Hostile input is normal input: every value of tests/hostile/values.txt is
// placed in every text field and attribute of every content kind and in
// every Markdown file, and each build's pages are parsed to prove that no
// element, attribute or URL scheme outside an allow-list appears, and that
// the value still reads as the text that was written.
#include <doctest/doctest.h>

#include "support/escape.h"
#include "support/text.h"
#include "test_site.h"

#include <libxml/HTMLparser.h>

#include <fstream>
#include <set>

using namespace safesite;
using namespace safesite::testing;

namespace {

std::vector<std::string> hostile_values() {
    std::ifstream in(SAFESITE_SOURCE_DIR "/tests/hostile/values.txt", std::ios::binary);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.rfind("## ", 0) == 0) continue;  // "## " lines are comments; "# heading" is a value
        std::string v;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] != '\\' || i + 1 == line.size()) {
                v += line[i];
                continue;
            }
            char k = line[++i];
            if (k == 'n') v += '\n';
            else if (k == 't') v += '\t';
            else if (k == 'r') v += '\r';
            else if (k == 'x') {
                v += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else if (k == 'u') {
                unsigned cp = static_cast<unsigned>(std::stoi(line.substr(i + 1, 4), nullptr, 16));
                // Surrogates and non-characters go in as raw (invalid) UTF-8 bytes on purpose.
                v += static_cast<char>(0xE0 | (cp >> 12));
                v += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                v += static_cast<char>(0x80 | (cp & 0x3F));
                i += 4;
            } else v += k;
        }
        out.push_back(v);
    }
    return out;
}

std::string xml_escaped(const std::string& v) { return escape_attribute(v); }

// Content with @@H@@ wherever free text or a free-text attribute goes.
const char* kSite = R"(<site lang="en-GB"><name>@@H@@</name><short-name>@@H@@</short-name><authority code="E06000007">@@H@@</authority>
<base-url>https://test.example.org/</base-url><description>@@H@@</description><contact email="a@example.org"/>
<navigation><link href="about">@@H@@</link></navigation>
<accessibility reviewed="2026-10-01" compliance="partial"><contact email="a@example.org"/><problem reason="non-compliance">@@H@@</problem><tested>@@H@@</tested></accessibility></site>)";
const char* kGlossary = R"(<glossary><term abbr="LADO"><name>@@H@@</name><plain>@@H@@</plain></term></glossary>)";
const char* kInspection = R"(<inspection id="x-2014" authority="@@H@@" inspectorate="@@H@@" framework="sif-2013"><title>@@H@@</title>
<visit start="2014-11-18" end="2014-12-10"/><judgement area="overall" grade="good"/>
<recommendations><recommendation id="r1" timescale="priority" status="open" owner="@@H@@">@@H@@</recommendation></recommendations>
<strengths><strength>@@H@@</strength></strengths><for-children>@@H@@</for-children><source href="https://example.org/">@@H@@</source></inspection>)";
const char* kOffer = R"(<offer authority="@@H@@" reviewed="2026-06-01"><intro href="intro.md"/><team>@@H@@</team>
<entitlement id="e1" topic="money" min-age="16" max-age="25"><title>@@H@@</title><who>@@H@@</who><how>@@H@@</how><contact>@@H@@</contact><law>@@H@@</law><more href="more.md"/></entitlement></offer>)";
const char* kReport = R"(<report period="2023-24" published="2024-09-27"><title>@@H@@</title><section id="s" href="s.md"/>
<priority id="p" status="achieved"><title>@@H@@</title><evidence>@@H@@</evidence></priority>
<figure id="f" better="lower"><label>@@H@@</label><value period="2022-23">5</value><value period="2023-24">4</value><comparator name="@@H@@" period="2023-24">3</comparator></figure>
<review kind="rapid-review" count="1"><learning>@@H@@</learning><change>@@H@@</change></review>
<audit theme="@@H@@" cases="2"><finding>@@H@@</finding></audit><training course="@@H@@" sessions="1" attended="2"/>
<contribution partner="@@H@@" amount="100"/><scrutiny by="@@H@@" href="s.md"/><voice href="s.md"/>
<response to="x-2014/r1" status="on-track">@@H@@</response></report>)";
const char* kPartnership = R"(<partnership><summary>@@H@@</summary><partner role="lead" organisation="@@H@@">@@H@@</partner><relevant-agency>@@H@@</relevant-agency>
<group id="g" meets="@@H@@"><name>@@H@@</name><purpose>@@H@@</purpose><member>@@H@@</member></group>
<escalation><step from-day="1" to-day="2" who="@@H@@">@@H@@</step></escalation><scrutiny by="@@H@@">@@H@@</scrutiny><funding>@@H@@</funding></partnership>)";
const char* kChild = R"(<child id="c-1"><name preferred="@@H@@">@@H@@</name><born date="2015-03-14"/><pronouns>@@H@@</pronouns>
<worker agency="childrens-social-care">@@H@@</worker><about-me><says>@@H@@</says></about-me>
<network><person relationship="@@H@@">@@H@@</person></network>
<chronology><entry date="2015-03-14" agency="health" category="birth" recorded-by="@@H@@"><event>@@H@@</event><impact>@@H@@</impact><action>@@H@@</action></entry></chronology>
<plan kind="child-protection" review="2027-01-01"><worries><worry>@@H@@</worry></worries><working-well><item>@@H@@</item></working-well><child-says>@@H@@</child-says>
<goal id="g1"><outcome>@@H@@</outcome><measure>@@H@@</measure><action who="@@H@@" agency="family" by="2026-12-01">@@H@@</action></goal>
<scale question="@@H@@" value="4" out-of="10"/><if-things-do-not-change>@@H@@</if-things-do-not-change></plan></child>)";
const char* kMarkdown = "# Title @@H@@\n\n@@H@@\n\n[@@H@@](/glossary)\n\n- @@H@@\n\n| a | b |\n|---|---|\n| @@H@@ | x |\n";
// A link whose address is the hostile value: refused by `check`, or published with a safe address.
const char* kLinkMarkdown = "# Links\n\n[a link](@@H@@) and ![an image](@@H@@) and <@@H@@>\n";

int count_fields() {
    int n = 0;
    for (const char* text : {kSite, kGlossary, kInspection, kOffer, kReport, kPartnership, kChild}) {
        std::string s = text;
        for (std::size_t at = s.find("@@H@@"); at != std::string::npos; at = s.find("@@H@@", at + 1)) ++n;
    }
    // Four Markdown files with six places each, and one with three link addresses.
    return n + 4 * 6 + 3;
}

std::string fill(std::string text, const std::string& value) {
    for (std::size_t at = text.find("@@H@@"); at != std::string::npos; at = text.find("@@H@@", at + value.size())) text.replace(at, 5, value);
    return text;
}

const std::set<std::string> kElements = {
    "html", "head", "meta", "title", "link", "body", "a", "div", "span", "header", "nav", "ul", "ol", "li", "main", "h1", "h2", "h3", "h4",
    "h5", "h6", "p", "strong", "em", "del", "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt",
    "dd", "abbr", "sup", "section", "footer", "figure", "figcaption", "svg", "title", "desc", "text", "tspan", "rect", "circle", "line",
    "path", "polyline", "details", "summary", "button", "form", "label", "input", "hr", "br", "script", "time", "q", "small", "style", "img"};

struct Checker {
    std::vector<std::string> problems;
    void walk(xmlNode* n, const std::string& file, bool restricted) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            std::string name = reinterpret_cast<const char*>(n->name);
            if (!kElements.count(name)) problems.push_back(file + ": element <" + name + ">");
            if (name == "script") {
                xmlChar* src = xmlGetProp(n, BAD_CAST "src");
                std::string s = src ? reinterpret_cast<char*>(src) : "";
                xmlFree(src);
                if (!s.ends_with("assets/safesite.js") && !s.ends_with("assets/search.js")) problems.push_back(file + ": script " + s);
                if (n->children) problems.push_back(file + ": inline script");
            }
            if (name == "style" && !restricted) problems.push_back(file + ": <style> in a public page");
            for (xmlAttr* a = n->properties; a; a = a->next) {
                std::string attr = reinterpret_cast<const char*>(a->name);
                xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
                std::string value = v ? reinterpret_cast<char*>(v) : "";
                xmlFree(v);
                if (attr.starts_with("on") || attr == "style" || attr == "srcdoc" || attr == "formaction")
                    problems.push_back(file + ": attribute " + attr);
                if (attr == "href" || attr == "src" || attr == "action") {
                    std::string url = trim(value);
                    std::size_t colon = url.find(':');
                    std::size_t boundary = url.find_first_of("/?#");
                    if (colon != std::string::npos && (boundary == std::string::npos || colon < boundary)) {
                        std::string s = lower_ascii(url.substr(0, colon));
                        if (s != "http" && s != "https" && s != "mailto" && s != "tel") problems.push_back(file + ": URL " + value.substr(0, 60));
                    }
                    if (value.starts_with("//")) problems.push_back(file + ": protocol-relative URL");
                }
                if (name == "meta" && attr == "http-equiv" && value != "Content-Security-Policy") problems.push_back(file + ": meta " + value);
            }
            walk(n->children, file, restricted);
        }
    }
    void page(const std::string& file, const std::string& html, bool restricted) {
        htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), file.c_str(), "UTF-8",
                                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        if (!doc) {
            problems.push_back(file + ": does not parse");
            return;
        }
        walk(xmlDocGetRootElement(doc), file, restricted);
        xmlFreeDoc(doc);
    }
};

std::string title_of(const std::string& html) {
    std::size_t a = html.find("<title>"), b = html.find("</title>");
    return a == std::string::npos || b == std::string::npos ? "" : html.substr(a + 7, b - a - 7);
}

std::string folded(const std::string& s) { return folded_spaces(s); }

}  // namespace

TEST_CASE("hostile values in every field never become markup, and read as written") {
    auto values = hostile_values();
    REQUIRE(values.size() >= 200);
    MemoryFileSystem base = project_site();
    int builds = 0, built = 0, refused = 0, reads_as_written = 0;
    Checker checker;
    for (const std::string& value : values) {
        std::string x = xml_escaped(value);
        // Public content.
        MemoryFileSystem fs = base;
        fs.add_file("content/site.xml", fill(kSite, x));
        fs.add_file("content/glossary.xml", fill(kGlossary, x));
        fs.add_file("content/inspections/x-2014.xml", fill(kInspection, x));
        fs.add_file("content/local-offer/offer.xml", fill(kOffer, x));
        fs.add_file("content/reports/2023-24/report.xml", fill(kReport, x));
        fs.add_file("content/partnership.xml", fill(kPartnership, x));
        for (const char* md : {"content/pages/about.md", "content/local-offer/intro.md", "content/local-offer/more.md", "content/reports/2023-24/s.md"})
            fs.add_file(md, fill(kMarkdown, value));
        BuildReport r = build_site(fs, options());
        ++builds;
        auto site = fs.tree("site");
        // The value as a link address, in a build of its own.
        MemoryFileSystem links = base;
        links.add_file("content/pages/links.md", fill(kLinkMarkdown, value));
        BuildReport lr = build_site(links, options());
        ++builds;
        if (lr.ok()) checker.page("links.html", links.tree("site")["links.html"], false);
        else CHECK(links.tree("site").empty());
        if (!r.ok()) {
            // Values XML cannot carry (NUL, control characters) are refused with a message, and nothing is written.
            ++refused;
            if (std::getenv("HOSTILE_DEBUG") && refused < 6)
                for (const auto& d : r.diags.items())
                    if (d.severity == Severity::error) MESSAGE(value.substr(0, 40) << " => " << format_diagnostic(d));
            CHECK(r.diags.has_errors());
            CHECK(site.empty());
        } else {
            ++built;
            for (const auto& [file, html] : site)
                if (file.ends_with(".html")) checker.page(file, html, false);
            // The site's name is the home page's title, exactly as written.
            std::string expected;
            append_text(expected, folded(value));
            if (title_of(site["index.html"]) == expected) ++reads_as_written;
            else CHECK_MESSAGE(false, "home page title does not read as written: " << value.substr(0, 80));
        }
        // Restricted content.
        MemoryFileSystem restricted = base;
        restricted.add_file("content/children/c-1/child.xml", fill(kChild, x));
        BuildReport rr = build_site(restricted, options());
        ++builds;
        // The record the build keeps of each child (.safesite-children/) is not a page.
        if (rr.ok()) {
            for (const auto& [file, html] : restricted.tree("site-restricted"))
                if (file.ends_with(".html")) checker.page("restricted/" + file, html, true);
        } else {
            CHECK(restricted.tree("site-restricted").empty());
        }
    }
    for (const auto& p : checker.problems) FAIL_CHECK(p);
    MESSAGE("hostile values: " << values.size() << ", fields: " << count_fields() << ", builds: " << builds << " (public built " << built
                               << ", refused " << refused << "), titles read as written: " << reads_as_written);
}
