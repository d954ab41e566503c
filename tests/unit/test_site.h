// A whole site declared inline, over the project's real templates, in memory.
#pragma once

#include "pipeline/site_build.h"
#include "support/file_system.h"
#include "support/memory_file_system.h"

#include <filesystem>
#include <string>

namespace safesite::testing {

inline void copy_tree_into(MemoryFileSystem& mem, const std::string& from, const std::string& to) {
    DiskFileSystem disk;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(from)) {
        if (!entry.is_regular_file()) continue;
        std::string rel = std::filesystem::relative(entry.path(), from).string();
        std::string err;
        mem.add_file(to + "/" + rel, *disk.read(entry.path().string(), &err));
    }
}

inline const char* kSiteXml = R"(<site lang="en-GB">
  <name>Test Partnership</name>
  <authority code="E06000007">Testshire</authority>
  <base-url>https://test.example.org/</base-url>
  <contact email="team@example.org"/>
  <accessibility reviewed="2026-10-01" compliance="full">
    <contact email="a11y@example.org"/>
  </accessibility>
</site>
)";

inline const char* kGlossaryXml = R"(<glossary>
  <term abbr="LADO"><name>Local authority designated officer</name><plain>The person who deals with worries about adults who work with children.</plain></term>
</glossary>
)";

// The project's templates plus a minimal content folder.
inline MemoryFileSystem project_site() {
    MemoryFileSystem fs;
    copy_tree_into(fs, SAFESITE_SOURCE_DIR "/templates", "templates");
    if (!fs.exists("templates/assets/safesite.css")) fs.add_file("templates/assets/safesite.css", "/* compiled by scripts/compile-theme */");
    fs.add_file("content/site.xml", kSiteXml);
    fs.add_file("content/glossary.xml", kGlossaryXml);
    fs.add_file("content/pages/about.md", "# About us\n\nTell the LADO. See the [glossary](/glossary).\n");
    return fs;
}

// Every diagnostic, formatted and sorted, for comparing in tests.
inline std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.sorted()) out += format_diagnostic(d);
    return out;
}
inline std::string messages(const BuildReport& r) { return messages(r.diags); }

inline BuildOptions options() {
    BuildOptions o;
    o.today = *parse_full_date("2026-11-22");
    return o;
}

// The files a build published under `dir`, without its record of the build
// (which holds file times, and so differs between two identical builds).
inline std::map<std::string, std::string> published(const MemoryFileSystem& fs, const std::string& dir = "site") {
    auto tree = fs.tree(dir);
    tree.erase(".safesite");
    return tree;
}

}  // namespace safesite::testing
