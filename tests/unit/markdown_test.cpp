#include <doctest/doctest.h>

#include "content/markdown_characters.h"
#include "content/markdown_document.h"
#include "render/markdown_html.h"

#include <atomic>
#include <cmark-gfm-core-extensions.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>
#include <vector>

using namespace safesite;

namespace {

struct Fixture {
    Glossary glossary{{{"cse", "CSE", "Child sexual exploitation", "plain", {}}}};
    AbbreviationIndex index{glossary};

    RenderedMarkdown render(std::string_view md) {
        MarkdownContext ctx;
        ctx.abbreviations = &index;
        ctx.glossary_url = "glossary.html";
        ctx.resolve_link = [](std::string_view link) -> std::optional<std::string> {
            if (link == "about" || link == "/about") return std::string("about.html");
            return std::nullopt;
        };
        auto tree = parse_markdown(md);
        return render_markdown(tree.get(), ctx);
    }
    std::string html(std::string_view md) { return render(md).body.markup(); }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "raw HTML is never passed through") {
    CHECK(html("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>") == "<p class=\"govuk-body\">Hi there</p>");
}

TEST_CASE_FIXTURE(Fixture, "headings get stable, unique ids and GOV.UK classes") {
    auto r = render("## Who we are\n\n## Who we are\n\n### Our *groups*\n");
    CHECK(r.body.markup() ==
          "<h2 class=\"govuk-heading-l\" id=\"who-we-are\">Who we are</h2>"
          "<h2 class=\"govuk-heading-l\" id=\"who-we-are-2\">Who we are</h2>"
          "<h3 class=\"govuk-heading-m\" id=\"our-groups\">Our <em>groups</em></h3>");
    REQUIRE(r.headings.size() == 3);
    CHECK(r.headings[2].text == "Our groups");
}

TEST_CASE_FIXTURE(Fixture, "the first use of a glossary abbreviation is expanded and linked, later ones are not") {
    CHECK(html("CSE is harm. CSE again.") ==
          "<p class=\"govuk-body\"><a class=\"govuk-link app-abbr\" href=\"glossary.html#cse\">"
          "<abbr title=\"Child sexual exploitation\">CSE</abbr></a> is harm. CSE again.</p>");
    CHECK(html("## About CSE\n\n[CSE](about) and CSE") ==
          "<h2 class=\"govuk-heading-l\" id=\"about-cse\">About CSE</h2><p class=\"govuk-body\">"
          "<a class=\"govuk-link\" href=\"about.html\">CSE</a> and <a class=\"govuk-link app-abbr\" href=\"glossary.html#cse\">"
          "<abbr title=\"Child sexual exploitation\">CSE</abbr></a></p>");
}

TEST_CASE_FIXTURE(Fixture, "unsafe and unknown links become plain text") {
    CHECK(html("[x](javascript:alert(1)) [y](nowhere) [z](https://example.org)") ==
          "<p class=\"govuk-body\">x y <a class=\"govuk-link\" href=\"https://example.org\">z</a></p>");
}

TEST_CASE_FIXTURE(Fixture, "footnotes carry the footnote-label heading their references point at") {
    std::string out = html("Text.[^a]\n\n[^a]: The note.\n");
    CHECK(out.find("aria-describedby=\"footnote-label\"") != std::string::npos);
    CHECK(out.find("<h2 class=\"govuk-heading-m\" id=\"footnote-label\">Notes</h2>") != std::string::npos);
    CHECK(out.find("<li id=\"fn-1\"><p class=\"govuk-body\">The note. <a class=\"govuk-link app-footnote-back\" href=\"#fnref-1\">") !=
          std::string::npos);
    CHECK(out.find("id=\"fnref-1\"") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "tables are GOV.UK tables in a scrollable, labelled region") {
    std::string out = html("## Figures\n\n| Measure | Value |\n|:--|--:|\n| A | 1 |\n");
    CHECK(out.find("<div class=\"app-table-wrapper\" role=\"region\" aria-label=\"Table: Figures\" tabindex=\"0\"><table class=\"govuk-table\">"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th class=\"govuk-table__header\" scope=\"col\">Measure</th>"
                   "<th class=\"govuk-table__header govuk-table__header--numeric\" scope=\"col\">Value</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\"><tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">A</td>"
                   "<td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td></tr></tbody></table></div>") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "task lists say done or to do in words, strikethrough is <del>, autolinks link") {
    std::string out = html("- [x] one\n- [ ] two\n\n~~old~~ www.example.org");
    CHECK(out.find(">Done</strong> one</li>") != std::string::npos);
    CHECK(out.find(">To do</strong> two</li>") != std::string::npos);
    CHECK(out.find("<del>old</del>") != std::string::npos);
    CHECK(out.find("<a class=\"govuk-link\" href=\"http://www.example.org\">www.example.org</a>") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "text is escaped and quotes are made typographic") {
    CHECK(html("a < b & \"c\"") == "<p class=\"govuk-body\">a &lt; b &amp; \xE2\x80\x9C" "c\xE2\x80\x9D</p>");
}

TEST_CASE_FIXTURE(Fixture, "pages parsed on several threads at once come out as they do one at a time") {
    // cmark-gfm shares one table of inline characters between parsers
    // (content/markdown_characters.h): a parse that took '~' or '|' out of it
    // while another was using it would lose a struck-out word or a table cell.
    const std::string md =
        "# Title\n\n| Service | Children |\n|---|---:|\n| ~~Old~~ team | 12 |\n| www.example.org | 3 |\n\n"
        "Some ~~struck~~ text, a link to https://www.gov.uk/report-child-abuse and CSE.\n\n- [x] done\n- [ ] to do\n";
    const std::string expected = html(md);
    REQUIRE(expected.find("<del>struck</del>") != std::string::npos);
    REQUIRE(expected.find("<table") != std::string::npos);
    REQUIRE(expected.find("href=\"http://www.example.org\"") != std::string::npos);
    CHECK(markdown_parses_at_once());
    long long calls = extension_character_calls();
    std::atomic<int> differing{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                if (html(md) != expected) ++differing;
        });
    for (auto& t : threads) t.join();
    CHECK(differing == 0);
    // The library called the function taken over, so the table really is left alone.
    CHECK(extension_character_calls() > calls);
}

namespace {

// cmark-gfm's own HTML of a tree, with the extensions a parse attaches; `mem` is the tree's allocator.
std::string cmark_html(cmark_node* doc, cmark_mem* mem = MarkdownArena::allocator()) {
    cmark_llist* extensions = nullptr;
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) extensions = cmark_llist_append(cmark_get_default_mem_allocator(), extensions, ext);
    char* html = cmark_render_html(doc, CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_UNSAFE, extensions);
    std::string out(html);
    mem->free(html);  // made with the tree's allocator
    cmark_llist_free(cmark_get_default_mem_allocator(), extensions);
    return out;
}

// The same text parsed with cmark-gfm's own allocator, as safesite parsed it before its trees had blocks of their own.
std::string cmark_html_with_system_memory(std::string_view text) {
    prepare_markdown();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    std::string html = cmark_html(doc, cmark_get_default_mem_allocator());
    cmark_node_free(doc);
    return html;
}

}  // namespace

TEST_CASE("a tree parsed into its own blocks is the tree cmark-gfm makes with the system's memory") {
    // Real Markdown: the manual and the sample's pages, one at a time and all
    // at once (a tree of many blocks), each parsed and rendered both ways.
    std::vector<std::string> texts;
    std::string all;
    for (const char* dir : {"/docs", "/content/pages"})
        for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(SAFESITE_SOURCE_DIR) + dir))
            if (e.path().extension() == ".md") {
                std::ifstream in(e.path(), std::ios::binary);
                texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
                all += texts.back() + "\n\n";
            }
    REQUIRE(texts.size() >= 10);
    texts.push_back(all);
    texts.push_back("| a | b |\n|---|---|\n| ~~x~~ | www.example.org |\n\n- [ ] task\n\n<script>no</script>\n\nA footnote[^1].\n\n[^1]: Here.\n");
    // Text that is not well-formed UTF-8 is checked by cmark-gfm, which puts U+FFFD for each bad
    // sequence; well-formed text is checked first, by safesite, and not again.
    for (const char* bad : {"a\xE2\x82x and \xC0\xAF\n", "# T\xED\xA0\x80itle\n\ncaf\xC3\xA9 \xF4\x90\x80\x80 \xF0\x9F\x98\x80\n",
                            "ends cut short \xF0\x9F\x98", "| \xFF | b |\n|---|---|\n| \xE0\x9F\xBF | *\xC2* |\n"})
        texts.push_back(std::string("Well-formed caf\xC3\xA9 first, then: ") + bad);
    for (const std::string& text : texts) {
        auto tree = parse_markdown(text);
        REQUIRE(tree);
        REQUIRE(tree.get_deleter().arena);
        CHECK(cmark_html(tree.get()) == cmark_html_with_system_memory(text));
    }
    CHECK(parse_markdown(all).get_deleter().arena->held() > 1024 * 1024);  // many blocks
}

TEST_CASE("a tree changed after its parse takes its new memory from the system, and frees it") {
    auto tree = parse_markdown("# Title\n\nSome *text* here.\n");
    cmark_node* paragraph = cmark_node_next(cmark_node_first_child(tree.get()));
    REQUIRE(cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH);
    cmark_node* text = cmark_node_first_child(paragraph);
    // A longer literal than the parse gave: a block from the system, freed with the tree.
    const std::string longer(5000, 'x');
    REQUIRE(cmark_node_set_literal(text, longer.c_str()));
    CHECK(std::string(cmark_node_get_literal(text)) == longer);
    // A node of the tree freed on its own (as the page's title heading is) frees nothing twice.
    cmark_node* heading = cmark_node_first_child(tree.get());
    cmark_node_unlink(heading);
    cmark_node_free(heading);
    CHECK(cmark_html(tree.get()).find(longer) != std::string::npos);
}

TEST_CASE("reading a parsed tree changes nothing in it, so threads may render it at once") {
    // cmark-gfm makes a node's C string when it is first asked for and keeps
    // it in the node. Two pages rendering one tree at once (a report's answer
    // to what inspectors asked, shown on the report and on its version for
    // children) would both make it, and one copy was lost. A parse makes
    // them all before the tree is shared.
    const std::string md =
        "# Title\n\nSome *text* [a](http://x.org \"t\") [b](http://y.org) ![i](p.png) `c` and <http://z.org>.\n\n"
        "```sh\ncode\n```\n\nA[^1].\n\n[^1]: Foot.\n\n| a | b |\n|---|---|\n| ~~x~~ | www.example.org |\n";
    auto tree = parse_markdown(md);
    // Blocks taken from the system by walking the tree, and by asking every node for its texts
    // as well: a walk takes its iterator, and asking must take nothing more.
    auto blocks_taken = [&](bool ask) {
        const std::size_t before = MarkdownArena::blocks_from_system();
        cmark_iter* it = cmark_iter_new(tree.get());
        for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
            cmark_node* n = cmark_iter_get_node(it);
            if (ev != CMARK_EVENT_ENTER || !ask) continue;
            cmark_node_get_literal(n);
            cmark_node_get_url(n);
            cmark_node_get_title(n);
            cmark_node_get_fence_info(n);
            cmark_node_get_on_enter(n);
            cmark_node_get_on_exit(n);
        }
        cmark_iter_free(it);
        return MarkdownArena::blocks_from_system() - before;
    };
    CHECK(blocks_taken(true) == blocks_taken(false));

    // A fresh tree's first rendering takes no more than a later one would.
    MarkdownContext ctx;
    ctx.resolve_link = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
    auto fresh = parse_markdown(md);
    auto render_taking = [&](cmark_node* doc, std::string& html) {
        const std::size_t before = MarkdownArena::blocks_from_system();
        MarkdownContext mine;
        mine.resolve_link = ctx.resolve_link;
        html = render_markdown(doc, mine).body.markup();
        return MarkdownArena::blocks_from_system() - before;
    };
    std::string first, later;
    const std::size_t first_taken = render_taking(fresh.get(), first);
    CHECK(first_taken == render_taking(fresh.get(), later));
    CHECK(first == later);
    const std::string expected = first;
    auto shared = parse_markdown(md);  // rendered first by four pages at once
    std::atomic<int> differing{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                MarkdownContext mine;  // a page's own: it keeps the heading ids given
                mine.resolve_link = ctx.resolve_link;
                if (render_markdown(shared.get(), mine).body.markup() != expected) ++differing;
            }
        });
    for (auto& t : threads) t.join();
    CHECK(differing == 0);
}

TEST_CASE("a heading's text read without parsing is the text the parser gives, and a line that could hold markup is parsed") {
    // The planning of a site reads every page's first heading; most are plain words.
    auto parsed = [](std::string_view line) {
        CmarkTree tree = parse_markdown(line);
        cmark_node* first = cmark_node_first_child(tree.get());
        REQUIRE(first != nullptr);
        REQUIRE(cmark_node_get_type(first) == CMARK_NODE_HEADING);
        return plain_text(first);
    };
    auto trimmed = [](std::string s) {
        const std::size_t a = s.find_first_not_of(" \t\r\n");
        return a == std::string::npos ? std::string() : s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
    };
    CHECK(plain_heading_text("# How to report a concern").value() == "How to report a concern");
    CHECK(plain_heading_text("   ###   Annual report 2024-25, part 2 (draft)   \r").value() == "Annual report 2024-25, part 2 (draft)");
    CHECK(plain_heading_text("# Gwasanaethau plant – Cymru").value() == "Gwasanaethau plant – Cymru");
    CHECK(plain_heading_text("#").value().empty());
    // Marks the parser reads: smart quotes and dashes, emphasis, entities, links, a closing "#", code.
    for (std::string_view line : {"# Children's services", "# Before -- after", "# Wait...", "# *Note*", "# A &amp; B", "# [a](b)",
                                  "# Title #", "# `code`", "# a\\b", "# http://x.org", "# a@b.org", "# ~~old~~", "#\tTab", "    # Code",
                                  "####### Seven", "#NoSpace", "# bad \xff byte"})
        CHECK_MESSAGE(!plain_heading_text(line).has_value(), line);

    // Random lines: every one read without parsing reads as the parser reads it.
    const std::vector<std::string> pieces = {"a", "Z", "q", "7", " ", "  ", ",", ";", "?", "(", ")", "/", "%", "+", "=", "-", ".", "'", "\"",
                                             "*", "_", "`", "\\", "[", "]", "!", "<", ">", "&", "#", ":", "@", "~", "|", "^", "\t", "\r",
                                             "www.", "http://", "x.org", "é", "’", "\xe2\x80", "&amp;", "--", "...", "1."};
    const std::vector<std::string> starts = {"# ", "## ", "###### ", "   # ", "#", "# ", "#\t", "####### ", "    # "};
    std::mt19937 random(20261208);
    int read = 0, parsed_only = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string line = starts[random() % starts.size()];
        const int n = static_cast<int>(random() % 12);
        for (int k = 0; k < n; ++k) line += pieces[random() % (k % 3 == 0 ? pieces.size() : 20)];  // plain marks more often
        if (auto text = plain_heading_text(line)) {
            ++read;
            CmarkTree tree = parse_markdown(line);
            cmark_node* first = cmark_node_first_child(tree.get());
            REQUIRE_MESSAGE(first != nullptr, line);
            REQUIRE_MESSAGE(cmark_node_get_type(first) == CMARK_NODE_HEADING, line);
            CHECK_MESSAGE(*text == trimmed(plain_text(first)), line);
        } else {
            ++parsed_only;
        }
    }
    CHECK(read > 500);
    CHECK(parsed_only > 500);
    CHECK(parsed("# How to report a concern") == "How to report a concern");
}
