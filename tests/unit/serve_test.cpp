#include <doctest/doctest.h>

#include "serve/request_path.h"
#include "serve/served_file.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace safesite;

namespace {

std::string relative_of(std::string_view target) {
    auto p = request_path(target);
    return p ? (p->restricted ? "restricted:" : "") + p->relative : "refused";
}

}  // namespace

TEST_CASE("a request names a file under the public or the restricted folder") {
    CHECK(relative_of("/") == "index.html");
    CHECK(relative_of("/about") == "about");
    CHECK(request_path("/about").value().try_html);
    CHECK_FALSE(request_path("/about.html").value().try_html);
    CHECK(relative_of("/practitioners/") == "practitioners/index.html");
    CHECK(relative_of("/assets/safesite.css?v=2#x") == "assets/safesite.css");
    CHECK(relative_of("/how%20we%20work") == "how we work");
    CHECK(relative_of("/restricted/") == "restricted:index.html");
    CHECK(relative_of("/restricted") == "restricted:index.html");
    CHECK(relative_of("/restricted/c-1001/my-plan.html") == "restricted:c-1001/my-plan.html");
    CHECK(relative_of("/restrictedx") == "restrictedx");
}

TEST_CASE("a request that could leave the served folder is refused, however it is written") {
    for (const char* target : {"/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd",
                               "/..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/.%2e/x", "/restricted/../site",
                               "/restricted/%2e%2e/x", "/..\\etc", "/%5c..%5cetc", "/a%00.html", "/./index.html", "/.safesite",
                               "/a//b", "/%zz", "/%2", "relative", "", "/%0a"}) {
        INFO(target);
        CHECK(relative_of(target) == "refused");
    }
    // Decoded once only: "%252e" is a file literally named "%2e", which cannot climb.
    CHECK(relative_of("/%252e%252e/x") == "%2e%2e/x");
}

TEST_CASE("a served file is read only when no step of the way is a link") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / ("safesite-serve-test-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "site" / "section");
    std::ofstream(root / "site" / "section" / "page.html") << "<p>page</p>";
    std::ofstream(root / "secret.txt") << "secret";
    fs::create_symlink(root / "secret.txt", root / "site" / "link.html");
    fs::create_directory_symlink(root, root / "site" / "up");
    std::string site = (root / "site").string();

    CHECK(read_served_file(site, "section/page.html") == std::optional<std::string>("<p>page</p>"));
    CHECK_FALSE(read_served_file(site, "link.html"));
    CHECK_FALSE(read_served_file(site, "up/secret.txt"));
    CHECK_FALSE(read_served_file(site, "section"));  // a folder is not a file
    CHECK_FALSE(read_served_file(site, "missing.html"));
    fs::remove_all(root);
}

TEST_CASE("files are served with their type") {
    CHECK(content_type_for("a/b.html") == "text/html; charset=utf-8");
    CHECK(content_type_for("logo.svg") == "image/svg+xml");
    CHECK(content_type_for("report.pdf") == "application/pdf");
    CHECK(content_type_for("unknown.bin") == "application/octet-stream");
}
