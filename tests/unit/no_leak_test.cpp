// Case data never leaks: the real sample content is built, and every byte
// of the public tree (pages, sitemap, search index, robots.txt, assets) is
// searched for every child's names, id and recorded text, as written and as
// escaped. This search is separate from the build's own leak guard.
#include <doctest/doctest.h>

#include "pipeline/site_build.h"
#include "content/site_loader.h"
#include "support/escape.h"

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace safesite;
namespace fs = std::filesystem;

TEST_CASE("no child's name, id or recorded text appears anywhere in the public site built from the sample content") {
    fs::path out = fs::temp_directory_path() / ("safesite-no-leak-" + std::to_string(::getpid()));
    fs::remove_all(out);
    DiskFileSystem disk;
    BuildOptions o;
    o.content_dir = SAFESITE_SOURCE_DIR "/content";
    o.templates_dir = SAFESITE_SOURCE_DIR "/templates";
    o.out_dir = (out / "site").string();
    o.restricted_dir = (out / "restricted").string();
    o.today = parse_full_date("2026-11-22").value();
    if (!disk.exists(o.templates_dir + "/assets/safesite.css")) {
        MESSAGE("the theme is not compiled (run scripts/compile-theme); building without it is refused, as it should be");
        return;
    }
    BuildReport r = build_site(disk, o);
    REQUIRE(r.ok());

    Diagnostics diags;
    Content content = load_content(disk, o.content_dir, o.templates_dir, diags);
    REQUIRE(content.children.size() >= 4);
    std::vector<std::string> needles;
    for (const Child& c : content.children) {
        needles.insert(needles.end(), {c.id, c.name, c.preferred});
        for (const auto& p : c.network) needles.push_back(p.name);
        for (const auto& w : c.workers) needles.push_back(w.name);
        for (const auto& s : c.about_me) needles.push_back(s.text);
        for (const auto& e : c.chronology)
            for (const std::string* t : {&e.event, &e.impact, &e.action})
                if (t->size() > 12) needles.push_back(*t);
        if (c.plan)
            for (const auto& w : c.plan->worries) needles.push_back(w.text);
    }
    int files = 0;
    long long bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out / "site")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string data = buffer.str();
        ++files;
        bytes += static_cast<long long>(data.size());
        // Whole words only: "Mo" is a name here, but "Most" is not a leak.
        auto word_char = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
        for (const std::string& n : needles)
            for (const std::string& form : {n, escape_text(n), escape_attribute(n)})
                for (std::size_t at = data.find(form); at != std::string::npos; at = data.find(form, at + 1)) {
                    bool starts = at == 0 || !word_char(data[at - 1]) || !word_char(form.front());
                    bool ends = at + form.size() == data.size() || !word_char(data[at + form.size()]) || !word_char(form.back());
                    if (starts && ends) {
                        FAIL_CHECK(entry.path().string() << " contains \"" << n << "\"");
                        break;
                    }
                }
    }
    MESSAGE("searched " << files << " public files (" << bytes << " bytes) for " << needles.size() << " pieces of case data");
    CHECK(files > 50);
    fs::remove_all(out);
}
