#include <doctest/doctest.h>

#include "output/site_writer.h"
#include "support/memory_file_system.h"

#include <filesystem>
#include <sys/stat.h>
#include <cstdlib>

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

namespace {

// A folder of its own under /tmp, removed afterwards.
struct TempFolder {
    std::string path;
    TempFolder() {
        char name[] = "/tmp/safesite-writer-XXXXXX";
        path = ::mkdtemp(name) ? name : "";
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

unsigned mode_of(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0xffff;
}

// Sets the umask for a test and puts the old one back.
struct Umask {
    mode_t old;
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
};

}  // namespace

TEST_CASE("owner-only files and folders are made so when written, whatever the umask") {
    TempFolder tmp;
    REQUIRE_FALSE(tmp.path.empty());
    DiskFileSystem fs;
    Umask open_umask(0);
    std::string err;
    REQUIRE(fs.write_owner_only(tmp.path + "/a/b/c.html", "x", &err));
    CHECK(mode_of(tmp.path + "/a/b/c.html") == 0600);
    CHECK(mode_of(tmp.path + "/a/b") == 0700);
    CHECK(mode_of(tmp.path + "/a") == 0700);
    // A file already there, readable by all, is closed as it is written again.
    REQUIRE(fs.write(tmp.path + "/open.html", "x", &err));
    CHECK(mode_of(tmp.path + "/open.html") == 0644);
    REQUIRE(fs.write_owner_only(tmp.path + "/open.html", "y", &err));
    CHECK(mode_of(tmp.path + "/open.html") == 0600);
    CHECK(fs.read(tmp.path + "/open.html", &err) == "y");
    // A public file's new folders keep the umask's modes.
    REQUIRE(fs.write(tmp.path + "/p/q/r.html", "x", &err));
    CHECK(mode_of(tmp.path + "/p/q") == 0777);
    CHECK(mode_of(tmp.path + "/p/q/r.html") == 0644);
}

TEST_CASE("a restricted site is owner-only throughout after a full build and after an update") {
    TempFolder tmp;
    REQUIRE_FALSE(tmp.path.empty());
    DiskFileSystem fs;
    Umask open_umask(0);
    const std::string target = tmp.path + "/site-restricted";
    auto every_mode_closed = [&] {
        int seen = 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(target)) {
            CHECK_MESSAGE(mode_of(e.path()) == (e.is_directory() ? 0700u : 0600u), e.path());
            ++seen;
        }
        CHECK(mode_of(target) == 0700);
        return seen;
    };
    {
        SiteWriter w(fs, target, SiteWriter::Readers::owner_only);
        Diagnostics diags;
        REQUIRE(w.begin(diags));
        REQUIRE(w.write("index.html", "i", diags));
        REQUIRE(w.write("c-1001/my-plan.html", "p", diags));
        REQUIRE(w.commit(diags));
    }
    CHECK(every_mode_closed() == 4);  // two files, a folder and the marker
    {
        SiteWriter w(fs, target, SiteWriter::Readers::owner_only);
        Diagnostics diags;
        REQUIRE(w.begin(diags));
        REQUIRE(w.updating());
        REQUIRE(w.write("index.html", "i2", diags));
        REQUIRE(w.write("c-1001/my-plan.html", "p", diags));
        REQUIRE(w.write("c-1002/deep/chronology.html", "c", diags));
        REQUIRE(w.commit(diags));
    }
    CHECK(every_mode_closed() == 7);
}

TEST_CASE("a folder's listing says which of its files are links, so pages need no look of their own") {
    TempFolder tmp;
    REQUIRE_FALSE(tmp.path.empty());
    DiskFileSystem fs;
    std::string err;
    REQUIRE(fs.write(tmp.path + "/guide.md", "# Guide\n", &err));
    REQUIRE(fs.write(tmp.path + "/pages/about.md", "# About\n", &err));
    REQUIRE(::symlink("../guide.md", (tmp.path + "/pages/guide.md").c_str()) == 0);
    for (bool stamps : {false, true}) {
        std::vector<DirectoryEntry> listed = list_tree(fs, tmp.path + "/pages", stamps);
        REQUIRE(listed.size() == 2);
        CHECK(listed[0].is_symlink != listed[1].is_symlink);
        CHECK(listed[0].name == "about.md");
        CHECK_FALSE(listed[0].is_symlink);
        CHECK(listed[1].name == "guide.md");
        CHECK(listed[1].is_symlink);
        CHECK_FALSE(listed[1].is_directory);
    }
}

TEST_CASE("a folder is listed by name, whatever order the disk keeps its files in") {
    TempFolder tmp;
    REQUIRE_FALSE(tmp.path.empty());
    DiskFileSystem fs;
    std::string err;
    // Made last to first, and with names that sort apart from their lengths.
    std::vector<std::string> names;
    for (int i = 300; i >= 1; --i) names.push_back("page-" + std::to_string(i) + ".md");
    for (const std::string& name : names) REQUIRE(fs.write(tmp.path + "/" + name, "# Page\n", &err));
    std::sort(names.begin(), names.end());
    for (bool stamps : {false, true}) {
        std::vector<std::string> listed;
        for (const DirectoryEntry& e : stamps ? fs.list_stamps(tmp.path) : fs.list(tmp.path)) listed.push_back(e.name);
        CHECK(listed == names);
    }
}
