// The catalogue of mistakes (tests/mistakes.txt), in the manner of cmark's
// spec tests: each example is the files a person wrote, a line holding only
// ".", and every message `safesite check` must give for them, exactly.
#include <doctest/doctest.h>

#include "test_site.h"

#include <fstream>
#include <sstream>

using namespace safesite;
using namespace safesite::testing;

namespace {

struct Example {
    std::string title;
    int line = 0;  // where it starts in the catalogue
    std::vector<std::pair<std::string, std::string>> files;
    std::string expected;
};

const char* kCatalogue = SAFESITE_SOURCE_DIR "/tests/mistakes.txt";

std::vector<Example> read_catalogue(const std::string& text) {
    std::vector<Example> out;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    enum { preamble, files, expected } part = preamble;
    while (std::getline(in, line)) {
        ++number;
        if (line.starts_with("## ")) {
            out.push_back({line.substr(3), number, {}, {}});
            part = files;
        } else if (part == files && line.starts_with("--- ")) {
            out.back().files.push_back({line.substr(4), {}});
        } else if (part == files && line == ".") {
            part = expected;
        } else if (part == files && !out.back().files.empty()) {
            out.back().files.back().second += line + "\n";
        } else if (part == expected) {
            out.back().expected += line + "\n";
        }
    }
    for (auto& e : out) {
        while (e.expected.ends_with("\n")) e.expected.pop_back();
        if (!e.expected.empty()) e.expected += "\n";
    }
    return out;
}

std::string check_messages(const Example& e) {
    MemoryFileSystem fs = project_site();
    for (const auto& [path, text] : e.files) fs.add_file("content/" + path, text);
    BuildOptions o = options();
    o.publish = false;
    return messages(build_site(fs, o));
}

}  // namespace

TEST_CASE("every mistake in the catalogue gets exactly its messages") {
    std::ifstream file(kCatalogue, std::ios::binary);
    REQUIRE(file);
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto examples = read_catalogue(text);
    CHECK(examples.size() >= 40);
    // SAFESITE_WRITE_CATALOGUE=1 writes each example's actual messages back,
    // for a person to read through before committing; the test then passes.
    bool rewrite = std::getenv("SAFESITE_WRITE_CATALOGUE") != nullptr;
    std::string rewritten;
    std::istringstream in(text);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    std::size_t copied = 0;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const Example& e = examples[i];
        std::string actual = check_messages(e);
        if (rewrite) {
            std::size_t start = static_cast<std::size_t>(e.line) - 1;
            for (; copied < start; ++copied) rewritten += lines[copied] + "\n";
            for (; copied < lines.size() && lines[copied] != "."; ++copied) rewritten += lines[copied] + "\n";
            rewritten += ".\n" + actual + "\n";
            std::size_t end = i + 1 < examples.size() ? static_cast<std::size_t>(examples[i + 1].line) - 1 : lines.size();
            copied = end;
            continue;
        }
        INFO("Example " << i + 1 << " (line " << e.line << "): " << e.title);
        CHECK(actual == e.expected);
    }
    if (rewrite) std::ofstream(kCatalogue, std::ios::binary) << rewritten;
}
