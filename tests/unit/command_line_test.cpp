#include <doctest/doctest.h>

#include "cli/command_line.h"

#include <fstream>
#include <regex>

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

TEST_CASE("check and build give their findings as JSON with --format json") {
    CHECK(parse_command_line({"check", "--format", "json"}).format == OutputFormat::json);
    CHECK(parse_command_line({"build", "--format", "text"}).format == OutputFormat::text);
    CHECK(parse_command_line({"check"}).format == OutputFormat::text);
    CHECK(parse_command_line({"check", "--format", "xml"}).error == "--format is text or json, not 'xml'");
}

TEST_CASE("serve publishes, takes the build's folders and a port, and nothing else") {
    auto cl = parse_command_line({"serve", "--content", "c", "--out", "o", "--port", "0"});
    CHECK(cl.error.empty());
    CHECK(cl.command == Command::serve);
    CHECK(cl.options.publish);
    CHECK(cl.options.out_dir == "o");
    CHECK(cl.port == 0);
    CHECK(parse_command_line({"serve"}).port == 8000);
    CHECK(parse_command_line({"serve", "--port", "70000"}).error == "--port wants a number from 0 to 65535, not '70000'");
    CHECK(parse_command_line({"serve", "--port", "80x"}).error == "--port wants a number from 0 to 65535, not '80x'");
    CHECK(parse_command_line({"build", "--port", "80"}).error == "unknown option '--port' for build");
    CHECK(parse_command_line({"serve", "--full"}).error == "unknown option '--full' for serve");
    CHECK(help_text("serve").find("127.0.0.1") != std::string::npos);
}

TEST_CASE("the man page names every command and every option that --help names") {
    std::ifstream file(SAFESITE_SOURCE_DIR "/docs/safesite.1");
    std::string man((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(man.empty());
    // roff writes a hyphen as \-; the page's words are what a reader sees.
    std::string plain;
    for (std::size_t i = 0; i < man.size(); ++i)
        if (!(man[i] == '\\' && i + 1 < man.size() && man[i + 1] == '-')) plain += man[i];
    std::regex option("--[a-z][a-z-]*");
    for (const char* topic : {"", "build", "check", "serve", "new", "import", "figures"}) {
        std::string help = help_text(topic);
        for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it) {
            INFO("help for '" << topic << "' names " << it->str());
            CHECK(plain.find(it->str()) != std::string::npos);
        }
    }
    for (const char* command : {".B build", ".B check", ".B serve", "new site", "import ofsted", "import cin", "import ssda903", "figures cin"}) {
        INFO(command);
        CHECK(plain.find(command) != std::string::npos);
    }
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

TEST_CASE("new inspection takes --framework for a practice review, and only new inspection does") {
    auto cl = parse_command_line({"new", "inspection", "--framework", "lcspr", "warrington-lcspr-2025"});
    CHECK(cl.error.empty());
    CHECK(cl.command == Command::new_content);
    CHECK(cl.new_framework == "lcspr");
    CHECK(cl.new_name == "warrington-lcspr-2025");
    CHECK(parse_command_line({"new", "inspection", "x-2025", "--framework"}).error == "--framework needs a value");
    CHECK(parse_command_line({"new", "page", "about", "--framework", "lcspr"}).error == "unknown option '--framework' for new page");
}
