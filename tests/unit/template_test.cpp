#include <doctest/doctest.h>

#include "support/concat.h"

#include "render/template_set.h"

using namespace safesite;

namespace {

struct Rendered {
    std::optional<std::string> html;
    Diagnostics diags;
};

Rendered render(std::string_view source, Record data, std::vector<std::pair<std::string, std::string>> partials = {}) {
    Rendered r;
    TemplateSet set;
    for (auto& [name, text] : partials)
        if (auto p = Template::parse(name, "templates/" + name + ".html", text, r.diags)) set.add(std::move(*p));
    auto t = Template::parse("t", "templates/t.html", source, r.diags);
    if (!t) return r;
    if (auto html = t->render(Value(std::move(data)), set, r.diags)) r.html = html->markup();
    return r;
}

std::string first_error(const Rendered& r) {
    return r.diags.items().empty() ? std::string() : format_diagnostic(r.diags.items().front());
}

}  // namespace

TEST_CASE("a value is escaped for text, attributes and URLs") {
    auto r = render("<p title=\"{{v}}\">{{v}}</p><a href=\"{{u}}\">x</a>",
                    Record{{"v", "\"><script>alert(1)</script>"}, {"u", "javascript:alert(1)"}});
    REQUIRE(r.html);
    CHECK(*r.html ==
          "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"
          "<a href=\"\">x</a>");
}

TEST_CASE("sections repeat, choose and count") {
    auto r = render("<ul>{{#each items}}<li>{{@number}}. {{name}}{{#if @last}}!{{/if}}</li>{{else}}<li>none</li>{{/each}}</ul>"
                    "{{#unless flag}}<p>off</p>{{/unless}}",
                    Record{{"items", List{Record{{"name", "a"}}, Record{{"name", "b"}}}}, {"flag", false}});
    REQUIRE(r.html);
    CHECK(*r.html == "<ul><li>1. a</li><li>2. b!</li></ul><p>off</p>");
    auto empty = render("<ul>{{#each items}}<li>{{.}}</li>{{else}}<li>none</li>{{/each}}</ul>", Record{{"items", List{}}});
    CHECK(*empty.html == "<ul><li>none</li></ul>");
}

TEST_CASE("a section may add a whole attribute inside a tag") {
    auto r = render("<a href=\"x\"{{#if current}} aria-current=\"page\"{{/if}}>x</a>", Record{{"current", true}});
    CHECK(*r.html == "<a href=\"x\" aria-current=\"page\">x</a>");
}

TEST_CASE("names are looked up from the innermost scope outwards, and through dots") {
    auto r = render("{{#each people}}{{name}} of {{site.name}};{{/each}}",
                    Record{{"site", Record{{"name", "WSP"}}}, {"people", List{Record{{"name", "Jo"}}}}});
    CHECK(*r.html == "Jo of WSP;");
}

TEST_CASE("HTML the generator built goes in as markup, but never into an attribute") {
    HtmlWriter w;
    w.element("em", "hi");
    Html html = w.finish();
    auto ok = render("<div>{{body}}</div>", Record{{"body", html}});
    CHECK(*ok.html == "<div><em>hi</em></div>");
    auto bad = render("<div title=\"{{body}}\"></div>", Record{{"body", html}});
    CHECK_FALSE(bad.html);
    CHECK(first_error(bad) == "templates/t.html:1:13: error: 'body' is HTML and cannot go inside an attribute\n");
}

TEST_CASE("a missing value is an error that names the template, line and column, with the names available") {
    auto r = render("<p>\n  {{titel}}</p>", Record{{"title", "x"}});
    CHECK_FALSE(r.html);
    CHECK(first_error(r) == "templates/t.html:2:3: error: no value named 'titel' here\n  hint: values here: title\n");
}

TEST_CASE("templates whose elements do not balance are refused") {
    CHECK(first_error(render("<div><p></div>", {})) ==
          "templates/t.html:1:9: error: </div> does not match <p> opened at line 1\n"
          "    <div><p></div>\n"
          "            ^\n"
          "  hint: close <p> first; inside {{#if}} and {{#each}} every element must close before the section ends\n");
    CHECK(first_error(render("<main>", {})).starts_with("templates/t.html:1:1: error: <main> is never closed"));
    CHECK(first_error(render("{{#if x}}<div>{{/if}}</div>", {})).find("is still open") != std::string::npos);
    CHECK(first_error(render("<div>{{#if x}}</div><p>{{/if}}</div>", {})).find("closes an element opened outside it") != std::string::npos);
    CHECK(first_error(render("<div/>", {})).find("does not close the element") != std::string::npos);
    CHECK(render("<svg><circle r=\"1\"/></svg><br><img src=\"a\" alt=\"\">", {}).html.has_value());
}

TEST_CASE("values may only stand in text or in quoted attribute values") {
    CHECK(first_error(render("<p {{x}}>", {})).find("can only stand in text") != std::string::npos);
    CHECK(first_error(render("<p class={{x}}>", {})).find("can only stand in text") != std::string::npos);
    CHECK(first_error(render("<a onclick=\"{{x}}\">", {})).find("event handler") != std::string::npos);
    CHECK(first_error(render("<p style=\"{{x}}\"></p>", {})).find("style attribute") != std::string::npos);
    CHECK(first_error(render("<script>{{x}}</script>", {})).find("inside <script>") != std::string::npos);
    CHECK(first_error(render("<!-- {{x}} -->", {})).empty());  // comments are left alone
}

TEST_CASE("partials are included and their absence is an error") {
    auto r = render("<div>{{> partials/p}}</div>", Record{{"x", "1"}}, {{"partials/p", "<span>{{x}}</span>"}});
    CHECK(*r.html == "<div><span>1</span></div>");
    auto missing = render("<div>{{> partials/nope}}</div>", {});
    CHECK(first_error(missing) == "templates/t.html:1:6: error: no partial named 'partials/nope'\n");
}

TEST_CASE("a partial that includes itself stops with an error") {
    auto r = render("{{> partials/loop}}", {}, {{"partials/loop", "<i>{{> partials/loop}}</i>"}});
    CHECK_FALSE(r.html);
    CHECK(first_error(r).find("more than 32 deep") != std::string::npos);
}

TEST_CASE("sections must close, and close in order") {
    CHECK(first_error(render("{{#if a}}<p></p>", {})).find("is never closed") != std::string::npos);
    CHECK(first_error(render("{{#if a}}{{/each}}", {})).find("does not match") != std::string::npos);
    CHECK(first_error(render("{{/if}}", {})).find("closes nothing") != std::string::npos);
    CHECK(first_error(render("{{else}}", {})).find("outside") != std::string::npos);
}

TEST_CASE("a record keeps its names in the order a std::map would, and behaves as one") {
    // The same names, given out of order and twice: the first value of a name is kept.
    Record r{{"b", "1"}, {"a", "2"}, {"b", "3"}, {"ab", "4"}, {"\xC3\xA9", "5"}, {"B", "6"}, {"", "7"}};
    std::map<std::string, Value, std::less<>> m{{"b", "1"}, {"a", "2"}, {"b", "3"}, {"ab", "4"}, {"\xC3\xA9", "5"}, {"B", "6"}, {"", "7"}};
    std::vector<std::pair<std::string, std::string>> got, want;
    for (const auto& [k, v] : r) got.emplace_back(k, v.text());
    for (const auto& [k, v] : m) want.emplace_back(k, v.text());
    CHECK(got == want);
    CHECK(r.size() == 6);
    CHECK(r.at("b").text() == "1");
    CHECK(r.count("ab") == 1);
    CHECK(r.count("abc") == 0);
    CHECK(r.find("zz") == r.end());
    CHECK(r.get("a")->text() == "2");
    CHECK(r.get("c") == nullptr);
    CHECK_THROWS_AS(r.at("c"), std::out_of_range);
    CHECK_FALSE(r.emplace("a", "x").second);  // emplace does not replace
    CHECK(r.at("a").text() == "2");
    CHECK_FALSE(r.insert_or_assign("a", "y").second);
    CHECK(r.at("a").text() == "y");
    CHECK(r.emplace("c", Record{{"d", true}}).second);
    CHECK(r.at("c").record().at("d").truthy());
    r["e"] = Value(List{});
    CHECK(r.at("e").is_list());
    CHECK(r.erase("b") == 1);
    CHECK(r.erase("b") == 0);
    // In order at the end, appended; out of order or taken, as emplace.
    Record hinted;
    hinted.emplace_hint(hinted.end(), "b", "1");
    hinted.emplace_hint(hinted.end(), "c", "2");
    hinted.emplace_hint(hinted.end(), "a", "3");
    hinted.emplace_hint(hinted.end(), "c", "4");
    auto hinted_at = hinted.emplace_hint(hinted.begin(), "d", "5");
    CHECK(hinted_at->first == "d");
    std::string hinted_names;
    for (const auto& [k, v] : hinted) hinted_names += k + "=" + v.text() + ",";
    CHECK(hinted_names == "a=3,b=1,c=2,d=5,");
    std::string names;
    for (const auto& [k, _] : r) names += k + ",";
    CHECK(names == ",B,a,ab,c,e,\xC3\xA9,");
    // More names than the constructor sorts on the stack.
    std::initializer_list<Record::Entry> many = {
        {"n39", 39}, {"n38", 38}, {"n37", 37}, {"n36", 36}, {"n35", 35}, {"n34", 34}, {"n33", 33}, {"n32", 32}, {"n31", 31}, {"n30", 30},
        {"n29", 29}, {"n28", 28}, {"n27", 27}, {"n26", 26}, {"n25", 25}, {"n24", 24}, {"n23", 23}, {"n22", 22}, {"n21", 21}, {"n20", 20},
        {"n19", 19}, {"n18", 18}, {"n17", 17}, {"n16", 16}, {"n15", 15}, {"n14", 14}, {"n13", 13}, {"n12", 12}, {"n11", 11}, {"n10", 10},
        {"n09", 9},  {"n08", 8},  {"n07", 7},  {"n06", 6},  {"n05", 5},  {"n04", 4},  {"n03", 3},  {"n02", 2},  {"n01", 1},  {"n01", 0}};
    Record sorted(many);
    CHECK(sorted.size() == 39);
    CHECK(sorted.begin()->first == "n01");
    CHECK(sorted.at("n01").text() == "1");
    CHECK(sorted.at("n39").text() == "39");
}

TEST_CASE("names resolve the same in small records and large ones, through dots and scopes, and missing ones say so") {
    // A record of a few names is read through; one of many is halved. Both find the same.
    Record many;
    for (int k = 0; k < 40; ++k) many.emplace(concat("name", std::to_string(k)), concat("v", std::to_string(k)));
    many.emplace("inner", Record{{"deep", Record{{"x", "found"}}}});
    Record few{{"a", "1"}, {"inner", Record{{"deep", Record{{"x", "near"}}}}}};
    for (const Record* r : {&many, &few}) {
        auto ok = render("{{inner.deep.x}}|{{#each list}}{{inner.deep.x}}{{/each}}", Record{{"inner", r->at("inner")}, {"list", List{*r}}});
        CHECK(*ok.html == (r == &many ? "found|found" : "near|near"));
    }
    auto outer = render("{{#each list}}{{name39}}:{{top}}{{/each}}", Record{{"top", "T"}, {"list", List{many}}});
    CHECK(*outer.html == "v39:T");
    auto no_part = render("{{inner.deep.y}}", Record{{"inner", Record{{"deep", Record{{"x", "1"}}}}}});
    CHECK(first_error(no_part) == "templates/t.html:1:1: error: 'deep' has no part named 'y'\n");
    auto no_parts = render("{{a.b}}", Record{{"a", "text"}});
    CHECK(first_error(no_parts) == "templates/t.html:1:1: error: 'a' has no parts, so 'a.b' means nothing\n");
    auto missing = render("{{#each list}}{{nope}}{{/each}}", Record{{"top", "T"}, {"list", List{Record{{"b", "1"}, {"a", "2"}}}}});
    CHECK(first_error(missing) == "templates/t.html:1:15: error: no value named 'nope' here\n  hint: values here: a, b\n");
}
