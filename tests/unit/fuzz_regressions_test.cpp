// Every input the fuzzers found (tests/fuzz/regressions/), run again through
// the same paths in the ordinary test build. Both findings so far were in
// the fuzz harnesses' own checks, not in safesite; the inputs stay here so
// that the paths they reach keep working.
#include <doctest/doctest.h>

#include "content/markdown_document.h"
#include "render/markdown_html.h"
#include "render/template_set.h"
#include "support/file_system.h"

#include <filesystem>

using namespace safesite;

TEST_CASE("fuzz findings stay fixed") {
    DiskFileSystem disk;
    int inputs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(SAFESITE_SOURCE_DIR "/tests/fuzz/regressions")) {
        std::string err;
        auto data = disk.read(entry.path().string(), &err);
        REQUIRE(data);
        ++inputs;
        std::string name = entry.path().filename().string();
        if (name.starts_with("markdown-")) {
            CmarkTree tree = parse_markdown(*data);
            MarkdownContext ctx;
            std::string html = render_markdown(tree.get(), ctx).body.markup();
            CHECK(html.find("<script") == std::string::npos);
            // A fragment link with a colon after '#' stays a fragment.
            if (name == "markdown-fragment-with-colon") CHECK(html.find("href=\"#/ocal-offer/care-record") != std::string::npos);
        } else if (name.starts_with("template-")) {
            Diagnostics diags;
            auto t = Template::parse("t", "t.html", *data, diags);
            if (t) {
                TemplateSet set;
                set.add(*t);
                (void)t->render(Value(Record{}), set, diags);
            }
        }
    }
    CHECK(inputs >= 2);
}
