#include <doctest/doctest.h>

#include "output/site_writer.h"
#include "support/memory_file_system.h"

using namespace safesite;

TEST_CASE("a committed site replaces the old one whole") {
    MemoryFileSystem fs;
    fs.add_file("site/.safesite", "");
    fs.add_file("site/old.html", "old");
    SiteWriter w(fs, "site");
    Diagnostics diags;
    REQUIRE(w.begin(diags));
    REQUIRE(w.write("index.html", "new", diags));
    REQUIRE(w.commit(diags));
    auto tree = fs.tree("site");
    CHECK(tree.count("index.html") == 1);
    CHECK(tree.count("old.html") == 0);
    CHECK(fs.tree("site.new").empty());
}

TEST_CASE("an abandoned build leaves the previous site exactly as it was") {
    MemoryFileSystem fs;
    fs.add_file("site/.safesite", "m");
    fs.add_file("site/index.html", "previous");
    auto before = fs.tree("site");
    {
        SiteWriter w(fs, "site");
        Diagnostics diags;
        REQUIRE(w.begin(diags));
        REQUIRE(w.write("index.html", "half-written", diags));
    }  // destroyed without commit, as when a later stage fails
    CHECK(fs.tree("site") == before);
    CHECK(fs.tree("site.new").empty());
}

TEST_CASE("a full disk fails the build and keeps the previous site") {
    MemoryFileSystem fs;
    fs.add_file("site/.safesite", "m");
    fs.add_file("site/index.html", "previous");
    auto before = fs.tree("site");
    fs.set_capacity(200);
    SiteWriter w(fs, "site");
    Diagnostics diags;
    REQUIRE(w.begin(diags));
    CHECK_FALSE(w.write("big.html", std::string(500, 'x'), diags));
    w.abandon();
    CHECK(fs.tree("site") == before);
    CHECK(format_diagnostic(diags.items().at(0)).starts_with("site/big.html: error: cannot write: No space left on device"));
}

TEST_CASE("a folder that safesite did not make is never replaced") {
    MemoryFileSystem fs;
    fs.add_file("docs/thesis.txt", "years of work");
    SiteWriter w(fs, "docs");
    Diagnostics diags;
    CHECK_FALSE(w.begin(diags));
    CHECK(diags.items().at(0).message == "refusing to replace 'docs': it was not made by safesite");
    CHECK_FALSE(SiteWriter(fs, ".").begin(diags));
}
