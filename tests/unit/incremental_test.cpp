// Incremental builds: a build after the first redoes only what changed,
// and its result is always exactly what a full build would publish.
#include <doctest/doctest.h>

#include "content/site_loader.h"
#include "output/site_writer.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

// A site of several pages in a menu, so that pages show each other's titles.
MemoryFileSystem several_pages() {
    MemoryFileSystem fs = project_site();
    for (int i = 1; i <= 5; ++i)
        fs.add_file("content/pages/part-" + std::to_string(i) + ".md",
                    "---\norder: " + std::to_string(i) + "\n---\n# Part " + std::to_string(i) + "\n\nThe LADO reads part " + std::to_string(i) + ".\n");
    return fs;
}

// Builds `fs` as it is now from nothing, and returns what that published.
std::map<std::string, std::string> full_build_of(const MemoryFileSystem& fs) {
    MemoryFileSystem fresh = fs;
    fresh.remove_all("site", nullptr);
    BuildReport r = build_site(fresh, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    return published(fresh);
}

// The files a build wrote into `tree` (all writes are staged in "<tree>.new/"),
// after `from` writes, without its own record.
std::set<std::string> written_since(const MemoryFileSystem& fs, std::size_t from, const std::string& tree = "site") {
    std::string staging = tree + ".new/";
    std::set<std::string> out;
    for (std::size_t i = from; i < fs.writes().size(); ++i)
        if (fs.writes()[i].starts_with(staging)) out.insert(fs.writes()[i].substr(staging.size()));
    out.erase(".safesite");
    out.erase(".safesite-commit.part");
    return out;
}

BuildReport rebuild(MemoryFileSystem& fs, std::size_t& writes_before) {
    writes_before = fs.writes().size();
    BuildReport r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    return r;
}

}  // namespace

TEST_CASE("a build with nothing changed writes nothing") {
    MemoryFileSystem fs = several_pages();
    REQUIRE(build_site(fs, options()).ok());
    auto before = fs.tree("site");
    std::size_t mark = 0;
    BuildReport r = rebuild(fs, mark);
    CHECK(r.updated);
    CHECK(r.files == 0);
    CHECK(r.removed == 0);
    CHECK(r.pages_built < r.pages);
    CHECK(fs.writes().size() == mark);
    CHECK(fs.tree("site") == before);
}

TEST_CASE("changing one page's text rebuilds and writes only that page") {
    MemoryFileSystem fs = several_pages();
    REQUIRE(build_site(fs, options()).ok());
    fs.add_file("content/pages/part-3.md", "---\norder: 3\n---\n# Part 3\n\nThe LADO reads a new part 3.\n");
    std::size_t mark = 0;
    BuildReport r = rebuild(fs, mark);
    CHECK(written_since(fs, mark) == std::set<std::string>{"part-3.html", "search/part-1.json"});
    CHECK(published(fs) == full_build_of(fs));
    CHECK(fs.tree("site")["part-3.html"].find("a new part 3") != std::string::npos);
}

TEST_CASE("an update is the same as a full build, whatever changed") {
    MemoryFileSystem fs = several_pages();
    { BuildReport first = build_site(fs, options()); REQUIRE_MESSAGE(first.ok(), messages(first)); }
    std::size_t mark = 0;

    SUBCASE("a page's title, which other pages show") {
        fs.add_file("content/pages/part-2.md", "---\norder: 2\n---\n# The second part\n\nText.\n");
        rebuild(fs, mark);
        CHECK(fs.tree("site")["part-3.html"].find("The second part") != std::string::npos);  // "previous" link
    }
    SUBCASE("a new page") {
        fs.add_file("content/pages/part-9.md", "# Part 9\n\nNew.\n");
        rebuild(fs, mark);
        CHECK(fs.tree("site").count("part-9.html") == 1);
    }
    SUBCASE("a page taken away, whose file is removed") {
        fs.remove_all("content/pages/part-5.md", nullptr);
        BuildReport r = rebuild(fs, mark);
        CHECK(fs.tree("site").count("part-5.html") == 0);
        CHECK(r.removed == 1);
    }
    SUBCASE("the glossary, which every page uses") {
        fs.add_file("content/glossary.xml", std::string(kGlossaryXml).replace(std::string(kGlossaryXml).find("The person"), 10, "The officer"));
        rebuild(fs, mark);
        CHECK(fs.tree("site")["part-1.html"].find("The officer") != std::string::npos);
    }
    SUBCASE("a template") {
        std::string layout = *fs.read("templates/layout.html", nullptr);
        fs.add_file("templates/layout.html", layout.replace(layout.find("</main>"), 7, "<p>changed</p></main>"));
        BuildReport r = rebuild(fs, mark);
        CHECK(r.pages_built == r.pages);
    }
    SUBCASE("a page's place in the menu, which its neighbours show") {
        fs.add_file("content/pages/part-5.md", "---\norder: 0\n---\n# Part 5\n\nThe LADO reads part 5.\n");
        BuildReport r = rebuild(fs, mark);
        CHECK(r.pages_built == r.pages);
    }
    SUBCASE("the date the build runs as") {
        BuildOptions o = options();
        o.today = parse_full_date("2027-11-22").value();  // the accessibility statement is now overdue
        REQUIRE(build_site(fs, o).ok());
        MemoryFileSystem fresh = fs;
        fresh.remove_all("site", nullptr);
        REQUIRE(build_site(fresh, o).ok());
        CHECK(published(fs) == published(fresh));
        return;
    }
    CHECK(published(fs) == full_build_of(fs));
}

TEST_CASE("warnings about pages that did not change are still reported") {
    MemoryFileSystem fs = several_pages();
    fs.add_file("content/pages/part-2.md", "---\norder: 2\n---\n# Part 2\n\nAsk the CAMHS team. <b>bold</b>\n");
    BuildReport first = build_site(fs, options());
    REQUIRE(first.ok());
    REQUIRE(first.diags.warning_count() > 0);
    BuildReport second = build_site(fs, options());
    CHECK(second.files == 0);
    CHECK(messages(second) == messages(first));
}

TEST_CASE("--full ignores the last build and writes the whole site again") {
    MemoryFileSystem fs = several_pages();
    REQUIRE(build_site(fs, options()).ok());
    fs.add_file("site/part-4.html", "edited by hand");  // an update trusts site/ to be as it left it
    fs.remove_all("site/part-3.html", nullptr);
    BuildOptions o = options();
    o.full = true;
    BuildReport r = build_site(fs, o);
    REQUIRE(r.ok());
    CHECK_FALSE(r.updated);
    CHECK(r.pages_built == r.pages);
    CHECK(r.files == static_cast<int>(fs.tree("site").size()) - 1);  // all but the record
    CHECK(published(fs) == full_build_of(fs));
}

TEST_CASE("an update with an error writes nothing, record included") {
    MemoryFileSystem fs = several_pages();
    REQUIRE(build_site(fs, options()).ok());
    auto before = fs.tree("site");
    fs.add_file("content/pages/part-3.md", "# Part 3\n\n[a bad link](javascript:alert(1))\n");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(fs.tree("site") == before);
    CHECK(fs.tree("site.new").empty());
}

TEST_CASE("an update killed while moving files in is finished by the next build") {
    MemoryFileSystem fs = several_pages();
    REQUIRE(build_site(fs, options()).ok());
    fs.add_file("content/pages/part-1.md", "---\norder: 1\n---\n# Part 1\n\nThe LADO reads a changed part 1.\n");
    MemoryFileSystem updated = fs;
    REQUIRE(build_site(updated, options()).ok());
    // What the update staged, as if it was killed before moving anything in.
    fs.add_file("site.new/part-1.html", updated.tree("site")["part-1.html"]);
    fs.add_file("site.new/search/part-1.json", updated.tree("site")["search/part-1.json"]);
    fs.add_file("site.new/.safesite", updated.tree("site")[".safesite"]);
    fs.add_file("site.new/.safesite-commit", "move\tpart-1.html\nmove\tsearch/part-1.json\nmove\t../escape.html\n");
    SiteWriter writer(fs, "site");
    REQUIRE(writer.previous() != nullptr);
    CHECK(fs.tree("site") == updated.tree("site"));
    CHECK(fs.tree("site.new").empty());
    CHECK_FALSE(fs.exists("escape.html"));
}

TEST_CASE("a record of the last build that this version cannot read means a full build") {
    CHECK_FALSE(Manifest::parse("This folder was generated by safesite.\n"));
    Manifest m;
    m.key = 1;
    m.pages["pages/a.md"].title = "Tab\there, and a\nnew line";
    m.pages["pages/a.md"].warnings.push_back({{"pages/a.md", 3, 4}, Severity::warning, "msg", "hint", "code", {}});
    m.outputs["a.html"] = {42};
    auto back = Manifest::parse(m.text());
    REQUIRE(back);
    CHECK(back->text() == m.text());
    CHECK(back->pages["pages/a.md"].title == "Tab\there, and a\nnew line");
    std::string cut = m.text();
    CHECK_FALSE(Manifest::parse(cut.substr(0, cut.size() - 3)));  // a build killed while writing it
}

TEST_CASE("loaded pages keep only what the site plan needs, not their text") {
    MemoryFileSystem fs = several_pages();
    Diagnostics diags;
    Content content = load_content(fs, "content", "templates", diags);
    REQUIRE(content.pages.size() == 6);
    for (const Page& p : content.pages) {
        CHECK_FALSE(p.has_body());
        CHECK(p.source.empty());
        CHECK(p.source.capacity() < 32);  // freed, not just emptied
        CHECK_FALSE(p.title.empty());
    }
}

TEST_CASE("planning reads a page's title from its first line only when that gives the same title as the whole page") {
    for (const char* text : {"# Who *we* are\n\nText.\n", "# About [the team]\n\n[the team]: /glossary\n", "Set-text title\n===\n\nText.\n",
                             "    # indented, so code\n\n# Real title\n", "#NoSpace\n\n# Title\n", "####### Seven\n\n# Title\n",
                             "# A &amp; B `code` <b>x</b>\n", "\n\n   ### Three spaces ###   \n", "# Footnote[^1]\n\n[^1]: note\n"}) {
        MemoryFileSystem fs;
        fs.add_file("content/pages/p.md", text);
        ContentFolder folder(fs, "content");
        Diagnostics diags;
        auto planned = read_page(folder, "pages/p.md", diags, true);
        auto whole = read_page(folder, "pages/p.md", diags, false);
        REQUIRE(planned);
        REQUIRE(whole);
        CHECK_MESSAGE(planned->title == whole->title, text);
    }
}

namespace {

std::string child_xml(const std::string& id, const std::string& name, const std::string& event) {
    return "<child id=\"" + id + "\"><name preferred=\"" + name + "\">" + name + " Fictional</name><born date=\"2015-03-14\"/>"
           "<chronology><entry date=\"2026-10-01\" agency=\"police\" category=\"referral\"><event>" + event + "</event></entry></chronology>"
           "<plan kind=\"child-in-need\" review=\"2027-01-01\"><child-says>I am fine.</child-says><goal id=\"g\"><outcome>You are safe.</outcome>"
           "<action who=\"Jo\" agency=\"family\" by=\"2026-12-01\">Jo helps.</action></goal></plan></child>";
}

}  // namespace

TEST_CASE("an update rewrites only the documents of the child whose record changed") {
    MemoryFileSystem fs = several_pages();
    fs.add_file("content/children/c-1/child.xml", child_xml("c-1", "Ada", "A first referral about Ada."));
    fs.add_file("content/children/c-2/child.xml", child_xml("c-2", "Bea", "A first referral about Bea."));
    REQUIRE(build_site(fs, options()).ok());
    fs.add_file("content/children/c-2/child.xml", child_xml("c-2", "Bea", "A changed referral about Bea."));
    std::size_t mark = fs.writes().size();
    BuildReport r = build_site(fs, options());
    REQUIRE_MESSAGE(r.ok(), messages(r));
    auto written = written_since(fs, mark, "site-restricted");
    CHECK(r.children_kept == 1);  // Ada's documents were not even rendered
    CHECK(written.count("c-2/chronology.html") == 1);
    CHECK(std::none_of(written.begin(), written.end(), [](const std::string& f) { return f.starts_with("c-1/"); }));
    MemoryFileSystem fresh = fs;
    fresh.remove_all("site", nullptr);
    fresh.remove_all("site-restricted", nullptr);
    REQUIRE(build_site(fresh, options()).ok());
    CHECK(published(fs, "site-restricted") == published(fresh, "site-restricted"));
    CHECK(published(fs) == published(fresh));

    SUBCASE("and every child's when what their documents show changes") {
        std::string layout = *fs.read("templates/restricted/layout.html", nullptr);
        fs.add_file("templates/restricted/layout.html", layout.replace(layout.find("</main>"), 7, "<p>changed</p></main>"));
        mark = fs.writes().size();
        r = build_site(fs, options());
        REQUIRE(r.ok());
        CHECK(r.children_kept == 0);
        written = written_since(fs, mark, "site-restricted");
        CHECK(written.count("c-1/my-plan.html") == 1);
        CHECK(written.count("c-2/my-plan.html") == 1);
    }
}
