#include <doctest/doctest.h>

#include "cli/command_line.h"

using namespace safesite;

TEST_CASE("build takes its folders, the date and --quiet") {
    auto cl = parse_command_line({"build", "--content", "c", "--out", "o", "--templates", "t", "--today", "2025-06-02", "-q"});
    CHECK(cl.error.empty());
    CHECK(cl.command == Command::build);
    CHECK(cl.options.content_dir == "c");
    CHECK(cl.options.out_dir == "o");
    CHECK(cl.options.templates_dir == "t");
    CHECK(cl.options.today.iso() == "2025-06-02");
    CHECK(cl.options.publish);
    CHECK(cl.quiet);
}

TEST_CASE("check never publishes and has no --out") {
    auto cl = parse_command_line({"check"});
    CHECK_FALSE(cl.options.publish);
    CHECK(parse_command_line({"check", "--out", "x"}).error == "unknown option '--out' for check");
}

TEST_CASE("usage errors say what is wrong") {
    CHECK(parse_command_line({}).error == "no command given");
    CHECK(parse_command_line({"publish"}).error == "unknown command 'publish'");
    CHECK(parse_command_line({"build", "--out"}).error == "--out needs a value");
    CHECK(parse_command_line({"build", "--today", "2025-02-30"}).error == "--today wants a date as YYYY-MM-DD, not '2025-02-30'");
}

TEST_CASE("help is available for each command") {
    auto cl = parse_command_line({"build", "--help"});
    CHECK(cl.command == Command::help);
    CHECK(help_text(cl.help_topic).find("--out DIR") != std::string::npos);
    CHECK(help_text("check").find("Writes nothing") != std::string::npos);
    CHECK(parse_command_line({"--version"}).command == Command::version);
}
