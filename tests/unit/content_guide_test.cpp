// docs/content.md is part of the product: every element and attribute of
// every schema is described under its kind's heading, and every example in
// it is a valid file of that kind.
#include <doctest/doctest.h>

#include "content/schema.h"
#include "content/schema_rules.h"
#include "content/structure_check.h"

#include <fstream>
#include <set>
#include <sstream>

using namespace safesite;

namespace {

std::string guide() {
    std::ifstream file(SAFESITE_SOURCE_DIR "/docs/content.md", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The text under "## heading", up to the next "## ". A heading that is a
// path with a placeholder is written as code, so <period> is not read as HTML.
std::string section(const std::string& text, const std::string& heading) {
    std::size_t at = text.find("\n## " + heading + "\n");
    if (at == std::string::npos) at = text.find("\n## `" + heading + "`\n");
    if (at == std::string::npos) return {};
    std::size_t end = text.find("\n## ", at + 1);
    return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

void collect(const ElementRule& rule, std::set<const ElementRule*>& seen, std::set<std::string>& elements, std::set<std::string>& attributes) {
    if (!seen.insert(&rule).second) return;
    elements.insert(rule.name);
    for (const auto& a : rule.attributes) attributes.insert(a.name);
    for (const auto& c : rule.children) collect(*c.element, seen, elements, attributes);
}

}  // namespace

TEST_CASE("the content guide describes every element and attribute of every schema") {
    std::string text = guide();
    REQUIRE_FALSE(text.empty());
    for (const auto& [name, _] : built_in_schema_all()) {
        const SchemaRules* rules = schema_rules(name);
        REQUIRE(rules);
        REQUIRE(rules->root);
        std::string part = section(text, guide_heading(name));
        INFO("schema " << name << ".rng, section \"" << guide_heading(name) << "\"");
        REQUIRE_FALSE(part.empty());
        std::set<const ElementRule*> seen;
        std::set<std::string> elements, attributes;
        collect(*rules->root, seen, elements, attributes);
        CHECK(elements.size() >= 3);
        for (const auto& e : elements) CHECK_MESSAGE(part.find("`<" + e + ">`") != std::string::npos, "<" << e << "> is not in the guide");
        for (const auto& a : attributes) CHECK_MESSAGE(part.find("`" + a + "=`") != std::string::npos, a << "= is not in the guide");
    }
}

TEST_CASE("every example in the content guide is a valid file of its kind") {
    std::string text = guide();
    int examples = 0;
    for (const auto& [name, _] : built_in_schema_all()) {
        std::string part = section(text, guide_heading(name));
        for (std::size_t at = part.find("```xml\n"); at != std::string::npos; at = part.find("```xml\n", at + 1)) {
            std::size_t end = part.find("\n```", at + 7);
            REQUIRE(end != std::string::npos);
            Diagnostics diags;
            auto doc = XmlDocument::parse("example.xml", part.substr(at + 7, end - at - 7), diags);
            if (doc) validate(*doc, name, diags);
            std::string messages;
            for (const auto& d : diags.items()) messages += format_diagnostic(d);
            INFO("the example of " << name << ".rng:\n" << messages);
            CHECK(doc);
            CHECK_FALSE(diags.has_errors());
            ++examples;
        }
    }
    CHECK(examples >= 9);
}
