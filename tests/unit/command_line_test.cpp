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

TEST_CASE("figures takes the census, the year, the 903 folder and the population") {
    auto cl = parse_command_line({"figures", "cin", "census.xml", "--period", "2023-24", "--903", "lac", "--population", "52000"});
    CHECK(cl.error.empty());
    CHECK(cl.command == Command::figures);
    CHECK(cl.figures.cin_file == "census.xml");
    CHECK(cl.figures.period == "2023-24");
    CHECK(cl.figures.lac_dir == "lac");
    CHECK(cl.figures.population == 52000);
    CHECK(parse_command_line({"figures", "--help"}).command == Command::help);
    CHECK(help_text("figures").find("Usage: safesite figures cin FILE.xml --period YYYY-YY [--903 DIR] [--population N]") != std::string::npos);
}

TEST_CASE("figures usage errors say what is wrong") {
    auto error = [](std::vector<std::string> args) { return parse_command_line(args).error; };
    CHECK(error({"figures"}) == "figures needs a return: safesite figures cin FILE.xml --period YYYY-YY");
    CHECK(error({"figures", "903", "x"}) == "safesite makes figures from 'cin' (the Children in Need census), not '903'");
    CHECK(error({"figures", "cin", "--period", "2023-24"}) == "figures cin needs the census file: safesite figures cin FILE.xml --period YYYY-YY");
    CHECK(error({"figures", "cin", "c.xml"}) == "figures needs --period YYYY-YY, the year to count");
    CHECK(error({"figures", "cin", "c.xml", "--period", "2023-25"}) ==
          "--period wants a year from April to March as YYYY-YY, e.g. 2023-24, not '2023-25'");
    CHECK(error({"figures", "cin", "c.xml", "--period", "2099-00"}).empty());
    CHECK(error({"figures", "cin", "c.xml", "--period"}) == "--period needs a value");
    CHECK(error({"figures", "cin", "c.xml", "--period", "2023-24", "--population", "0"}) ==
          "--population wants the number of children under 18, a whole number above 0, not '0'");
    CHECK(error({"figures", "cin", "c.xml", "--period", "2023-24", "--population", "12k"}) ==
          "--population wants the number of children under 18, a whole number above 0, not '12k'");
    CHECK(error({"figures", "cin", "a.xml", "b.xml", "--period", "2023-24"}) == "figures reads one census file at a time");
    CHECK(error({"figures", "cin", "a.xml", "--period", "2023-24", "--jobs", "2"}) == "unknown option '--jobs' for figures");
}
