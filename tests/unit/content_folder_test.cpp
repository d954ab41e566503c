#include <doctest/doctest.h>

#include "content/content_folder.h"
#include "content/site_loader.h"
#include "support/memory_file_system.h"

using namespace safesite;

TEST_CASE("paths that leave the content folder are refused, with the reason") {
    CHECK(path_escape_reason("reports/2023-24/foreword.md").empty());
    CHECK(path_escape_reason("../secret.md") == "it climbs out of the folder with '..'");
    CHECK(path_escape_reason("a/../../b") == "it climbs out of the folder with '..'");
    CHECK(path_escape_reason("/etc/passwd") == "it is an absolute path");
    CHECK(path_escape_reason("C:/Windows/win.ini") == "it is a Windows drive path");
    CHECK(path_escape_reason("..\\secret") == "it uses '\\'; write paths with '/'");
    CHECK(path_escape_reason("") == "the path is empty");
}

TEST_CASE("a symlink that points outside the folder is refused") {
    MemoryFileSystem fs;
    fs.add_file("content/site.xml", "<site/>");
    fs.add_file("secrets/child.xml", "secret");
    fs.add_symlink("content/linked.md", "../secrets/child.xml");
    ContentFolder folder(fs, "content");
    Diagnostics diags;
    CHECK_FALSE(folder.check_reference("linked.md", {"site.xml", 4, 3}, diags));
    CHECK(format_diagnostic(diags.items().at(0)) ==
          "site.xml:4:3: error: the path 'linked.md' is refused: it leads outside the content folder through a link\n"
          "  hint: copy the file into the content folder instead of linking to it\n");
    CHECK_FALSE(folder.read("linked.md", diags));
    CHECK(folder.check_reference("site.xml", {"x", 1, 1}, diags));
}

TEST_CASE("a folder that is a link is followed, and refused when it leads outside, however deep the file below it") {
    MemoryFileSystem fs;
    fs.add_file("content/site.xml", "<site/>");
    fs.add_file("content/children/c-1/child.xml", "inside");
    fs.add_file("content/shared/c-2/child.xml", "inside, through a link");
    fs.add_file("secrets/c-3/child.xml", "secret");
    fs.add_file("secrets/deep/c-4/child.xml", "secret");
    fs.add_symlink("content/children/c-2", "../shared/c-2");
    fs.add_symlink("content/children/c-3", "../../secrets/c-3");
    fs.add_symlink("content/children/deep", "../../secrets/deep");
    ContentFolder folder(fs, "content");
    Diagnostics diags;
    CHECK(folder.read("children/c-1/child.xml", diags) == std::optional<std::string>("inside"));
    CHECK(folder.read("children/c-2/child.xml", diags) == std::optional<std::string>("inside, through a link"));
    CHECK_FALSE(diags.has_errors());
    CHECK_FALSE(folder.read("children/c-3/child.xml", diags));
    // A real folder inside a linked one that leads outside is outside too.
    CHECK_FALSE(folder.read("children/deep/c-4/child.xml", diags));
    CHECK(diags.error_count() == 2);
    // Asked again, from what is known: the same answers.
    CHECK(folder.read("children/c-1/child.xml", diags));
    CHECK_FALSE(folder.read("children/deep/c-4/child.xml", diags));
}

TEST_CASE("files over the size limit are refused") {
    MemoryFileSystem fs;
    fs.add_file("content/big.md", std::string(100, 'x'));
    ContentFolder folder(fs, "content", ContentLimits{50});
    Diagnostics diags;
    CHECK_FALSE(folder.read("big.md", diags));
    CHECK(diags.items().at(0).message == "the file is 100 bytes, over the limit of 50");
}

TEST_CASE("pages are in the site's order, a section before the pages that follow it, whatever order the folder lists them in") {
    MemoryFileSystem fs;
    // Listed by name, "care-leavers.md" and "care-leavers-2.md" come after the folder "care/";
    // in the site, a section's pages follow its own page at once.
    for (const char* path : {"care-leavers-2.md", "care/index.md", "care/z.md", "care/a.md", "care-leavers.md", "about.md", "care/more/b.md"})
        fs.add_file(std::string("content/pages/") + path, "# Title\n\nText.\n");
    ContentFolder folder(fs, "content");
    Diagnostics diags;
    std::vector<Page> pages = load_pages(folder, diags);
    std::vector<std::string> slugs;
    for (const Page& p : pages) slugs.push_back(p.slug);
    CHECK(slugs == std::vector<std::string>{"about", "care", "care/a", "care/more", "care/more/b", "care/z", "care-leavers", "care-leavers-2"});
    // The section made for care/more/ has no file; the others keep theirs.
    REQUIRE(pages.size() == 8);
    CHECK(pages[3].generated);
    CHECK(pages[5].source_path == "pages/care/z.md");
    CHECK(pages[6].source_path == "pages/care-leavers.md");
}
