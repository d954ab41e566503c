#include <doctest/doctest.h>

#include "render/html.h"

using namespace safesite;

TEST_CASE("text is escaped") {
    CHECK(escape_text("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;");
}

TEST_CASE("attribute values escape quotes too") {
    std::string out;
    append_attribute_value(out, "a\" onmouseover='x'");
    CHECK(out == "a&quot; onmouseover=&#39;x&#39;");
}

TEST_CASE("control characters, invalid UTF-8 and non-characters become U+FFFD") {
    CHECK(escape_text(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
    CHECK(escape_text("a\x01\x7F" "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    CHECK(escape_text("\xC3") == "\xEF\xBF\xBD");              // truncated sequence
    CHECK(escape_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(escape_text("\xEF\xBF\xBE") == "\xEF\xBF\xBD");      // U+FFFE
    CHECK(escape_text("tab\tnew\nline") == "tab\tnew\nline");
    CHECK(escape_text("Zoë 👍 مرحبا") == "Zoë 👍 مرحبا");
}

TEST_CASE("only safe URL schemes pass") {
    CHECK(safe_url("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c");
    CHECK(safe_url("mailto:a@example.org") == "mailto:a@example.org");
    CHECK(safe_url("tel:01925000000") == "tel:01925000000");
    CHECK(safe_url("../glossary.html#cse") == "../glossary.html#cse");
    CHECK(safe_url("#main-content") == "#main-content");
    CHECK_FALSE(safe_url("javascript:alert(1)"));
    CHECK_FALSE(safe_url("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(safe_url("java\tscript:alert(1)"));
    CHECK_FALSE(safe_url(" \x01javascript:alert(1)"));
    CHECK_FALSE(safe_url("data:text/html,<b>x</b>"));
    CHECK_FALSE(safe_url("vbscript:x"));
    CHECK_FALSE(safe_url("file:///etc/passwd"));
    CHECK_FALSE(safe_url("//evil.example/x"));
    CHECK_FALSE(safe_url("\\\\evil\\share"));
}

TEST_CASE("the writer closes what it opens, in order, and escapes attributes") {
    HtmlWriter w;
    w.open("p", {{"class", "govuk-body"}}).text("a < b").open("a", {{"href", "javascript:x"}}).text("link");
    CHECK(w.depth() == 2);
    Html html = w.finish();
    CHECK(html.markup() == "<p class=\"govuk-body\">a &lt; b<a href=\"\">link</a></p>");
}

TEST_CASE("a URL attribute gives exactly what safe_url gives, by the short way or the long") {
    const std::vector<std::string> urls = {
        "",  "../glossary.html#cse", "#main-content", "a/b/c.html?x=1&y='2'\"", "https://example.org/a?b=1#c", "mailto:a@example.org",
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " \x01javascript:alert(1)", "data:text/html,<b>x</b>",
        "//evil.example/x", "/\\evil", "\\\\evil\\share", " page.html ", "page\n.html", "caf\xC3\xA9.html", "bad\xC3.html",
        "a\x7F" "b", std::string("a\0b", 3), "<script>", "x:y/z", "a/b:c", "/", "//", "?q=a:b", "#fn-1",
        "http://example.org", "https://example.org/a:b", "HTTPS://example.org", "http:x", "https:", "tel:", "mailto:", "httpx:y",
        "ftp://example.org", "https://exa mple.org", "https://example.org/\\x", "tel:0192 500", "a#b:c", "a?b:c", "h:", ":",
    };
    for (const auto& url : urls) {
        CAPTURE(url);
        std::string fast, slow;
        append_url_attribute(fast, url);
        append_attribute_value(slow, safe_url(url).value_or(""));
        CHECK(fast == slow);
    }
}
