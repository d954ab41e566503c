#include <doctest/doctest.h>

#include <algorithm>

#include "support/concat.h"
#include "analysis/leak_guard.h"
#include "analysis/practice_checks.h"
#include "analysis/readability.h"
#include "render/child/child_words.h"
#include "test_child.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

// What the guard finds in `page`, or "(nothing)": a failed search fails the check rather than reading an empty optional.
std::string found_by(const LeakGuard& guard, std::string_view page) {
    auto leak = guard.find(page);
    return leak ? leak->found : std::string("(nothing)");
}

// A deliberately weak record: every practice check has something to find.
const char* kWeak = R"(<child id="c-0042">
  <name preferred="Sam">Samuel Example</name>
  <born date="2015-03-14"/>
  <pronouns>he/him</pronouns>
  <reading-age>8</reading-age>
  <chronology>
    <entry date="2019-06" agency="police" category="referral"><event>Referral after a row at home.</event></entry>
    <entry date="2019-11-02" agency="police" category="referral"><event>Second referral.</event><impact>Sam was scared.</impact></entry>
    <entry date="2020-01-05" agency="police" category="police-notification"><event>Police called.</event><impact>Sam hid.</impact></entry>
    <entry date="2020-03-05" agency="police" category="domestic-abuse-notification"><event>Police called again.</event><impact>Sam hid.</impact></entry>
    <entry date="2020-05-05" agency="police" category="police-notification"><event>And again.</event><impact>Sam cried.</impact></entry>
    <entry date="2021-01-10" agency="police" category="plan-start" plan-kind="child-protection"><event>First plan.</event><impact>Help came.</impact></entry>
    <entry date="2023-02-10" agency="police" category="plan-start" plan-kind="child-protection"><event>Second plan.</event><impact>Help again.</impact></entry>
  </chronology>
  <plan kind="child-protection" start="2023-02-10">
    <worries><worry>Consequently, multi-agency intervention necessitates comprehensive reconsideration of parental accountability.</worry></worries>
    <goal id="g1">
      <outcome>Sam is safe and sees the DSL.</outcome>
      <action agency="police">Police visit.</action>
    </goal>
  </plan>
</child>
)";

const Diagnostic* last_error(const BuildReport& r) {
    const Diagnostic* error = nullptr;
    for (const auto& d : r.diags.items())
        if (d.severity == Severity::error) error = &d;
    return error;
}

std::string findings(const std::string& xml, const std::string& today = "2025-06-01") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-0042/child.xml", xml);
    BuildOptions o = options();
    o.today = parse_full_date(today).value();
    o.publish = false;
    BuildReport r = build_site(fs, o);
    std::string out;
    for (const auto& d : r.diags.sorted())
        out += d.where.path + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.message + " [" + d.code + "]\n";
    return out;
}

}  // namespace

TEST_CASE("a weak record gets every practice finding, each with its line and code") {
    CHECK(findings(kWeak) ==
          "children/c-0042/child.xml:1:8 every entry comes from one agency (Police) [single-agency-chronology]\n"
          "children/c-0042/child.xml:7:5 the chronology starts in June 2019, more than 12 months after Sam was born [chronology-starts-late]\n"
          "children/c-0042/child.xml:7:5 the entry does not say what it meant for Sam [entry-without-impact]\n"
          "children/c-0042/child.xml:8:5 a referral on 2 November 2019, within 12 months of the one in June 2019 [pattern-repeat-referral]\n"
          "children/c-0042/child.xml:11:5 3 police notifications within 12 months (5 January 2020 to 5 May 2020): a pattern worth a conversation [pattern-police-notifications]\n"
          "children/c-0042/child.xml:12:5 no child protection review is recorded after the plan started on 10 January 2021 (761 days to the plan's end on 10 February 2023); one was due by 10 April 2021 [cp-review-late]\n"
          "children/c-0042/child.xml:12:5 the child protection plan from 10 January 2021 to 10 February 2023 lasted two years or more (761 days) [cp-plan-over-two-years]\n"
          "children/c-0042/child.xml:13:5 the last entry is from 10 February 2023, more than 3 months ago [chronology-not-updated]\n"
          "children/c-0042/child.xml:13:5 Sam is on a second child protection plan; the first began on 10 January 2021 [pattern-repeat-plan]\n"
          "children/c-0042/child.xml:13:5 no child protection review is recorded after the plan started on 10 February 2023 (842 days to 1 June 2025); one was due by 10 May 2023 [cp-review-late]\n"
          "children/c-0042/child.xml:13:5 the child protection plan that started on 10 February 2023 has been open two years or more (842 days on 1 June 2025) [cp-plan-over-two-years]\n"
          "children/c-0042/child.xml:15:3 the plan has no review date [plan-without-review]\n"
          "children/c-0042/child.xml:15:3 neither the plan nor 'about me' has Sam's own words [child-voice-missing]\n"
          "children/c-0042/child.xml:16:14 \"Consequently, multi-agency intervention necessitates comprehensive reconsideration of parental accountability.\" reads at about age 38, above Sam's reading age of 8 [reading-level-too-high]\n"
          "children/c-0042/child.xml:17:5 goal 'g1' does not say how progress will be measured [goal-without-measure]\n"
          "children/c-0042/child.xml:18:7 'DSL' will not mean anything to Sam: the glossary does not explain it [unexplained-abbreviation]\n"
          "children/c-0042/child.xml:19:7 action has no owner [action-without-owner]\n"
          "children/c-0042/child.xml:19:7 action has no date [action-without-date]\n");
}

TEST_CASE("a review date in the past is overdue, judged on the build date") {
    std::string xml = kWeak;
    xml.replace(xml.find("start=\"2023-02-10\">"), 19, "start=\"2023-02-10\" review=\"2025-05-01\">");
    CHECK(findings(xml, "2025-06-01").find("the plan's review date, 1 May 2025, has passed [review-overdue]") != std::string::npos);
    CHECK(findings(xml, "2025-04-30").find("review-overdue") == std::string::npos);
}

TEST_CASE("the thresholds for patterns come from site.xml") {
    MemoryFileSystem fs = project_site();
    std::string site = kSiteXml;
    site.replace(site.find("  <accessibility"), 0, "  <practice-thresholds police-notifications=\"4\"/>\n");
    fs.add_file("content/site.xml", site);
    fs.add_file("content/children/c-0042/child.xml", kWeak);
    BuildOptions o = options();
    o.publish = false;
    BuildReport r = build_site(fs, o);
    for (const auto& d : r.diags.items()) CHECK(d.code != "pattern-police-notifications");
}

TEST_CASE("controlled lists reject other values and list the allowed ones") {
    std::string xml = kWeak;
    xml.replace(xml.find("agency=\"police\" category=\"referral\""), 15, "agency=\"nhs\"");
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-0042/child.xml", xml);
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    const Diagnostic* error = last_error(r);
    REQUIRE(error);
    INFO(format_diagnostic(*error));
    CHECK(format_diagnostic(*error).starts_with("children/c-0042/child.xml:7:27: error: 'nhs' is not an agency\n"));
    CHECK(error->hint.starts_with("use one of childrens-social-care, early-help, police, health, education"));
}

TEST_CASE("partial dates sort before the full dates they contain") {
    Child c;
    for (const char* d : {"2019-06-14", "2019", "2019-06", "2018-12-31"}) {
        ChronologyEntry e;
        e.date = parse_date(d).value();
        c.chronology.push_back(e);
    }
    auto ordered = chronology_in_order(c);
    CHECK(ordered[0]->date.iso() == "2018-12-31");
    CHECK(ordered[1]->date.iso() == "2019");
    CHECK(ordered[2]->date.iso() == "2019-06");
    CHECK(ordered[3]->date.iso() == "2019-06-14");
}

TEST_CASE("the plan is written to the child") {
    CHECK(to_second_person("Sam goes to school and his teacher says he is doing well.", "Sam", "he/him") ==
          "You go to school and your teacher says you are doing well.");
    CHECK(to_second_person("How safe does Kai feel when he is out?", "Kai", "he/him") == "How safe do you feel when you are out?");
    CHECK(to_second_person("Leah misses her brother. Gill helps her.", "Leah", "she/her") == "You miss your brother. Gill helps you.");
    CHECK(to_second_person("Jordan manages their money. They are doing well.", "Jordan", "they/them") ==
          "You manage your money. You are doing well.");
    CHECK(to_second_person("Sam's dog Pip watches Samantha.", "Sam", "") == "Your dog Pip watches Samantha.");
    CHECK(to_second_person("Sam always tries.", "Sam", "") == "You always try.");
    CHECK(every_in_words("P2W") == "every 2 weeks");
    CHECK(every_in_words("P1M") == "every month");
    CHECK(every_in_words("P10D") == "every 10 days");
}

TEST_CASE("readability is Flesch-Kincaid plus five, one sentence at a time") {
    CHECK(count_syllables("cat") == 1);
    CHECK(count_syllables("safely") == 2);
    CHECK(count_syllables("little") == 2);
    CHECK(count_syllables("helped") == 1);
    CHECK(count_syllables("started") == 2);
    CHECK(split_sentences("Mr. Patel came. He sat down! Was it late?").size() == 3);
    CHECK(sentence_level("The cat sat on the mat.").reading_age == doctest::Approx(5.0));
    auto hard = sentences_above("You are safe. Consequently, comprehensive reconsideration necessitates deliberation.", 9);
    REQUIRE(hard.size() == 1);
    CHECK(hard[0].sentence == "Consequently, comprehensive reconsideration necessitates deliberation.");
}

TEST_CASE("children's documents go to their own tree: noindex, self-contained, never in the public site") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-0042/child.xml", kWeak);
    BuildReport r = build_site(fs, options());
    REQUIRE(r.ok());
    auto restricted = fs.tree("site-restricted");
    for (const char* f : {"index.html", "c-0042/my-plan.html", "c-0042/professional-plan.html", "c-0042/chronology.html"}) {
        INFO(f);
        REQUIRE(restricted.count(f) == 1);
        const std::string& html = restricted[f];
        CHECK(html.find("<meta name=\"robots\" content=\"noindex, nofollow, noarchive\">") != std::string::npos);
        CHECK(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'") != std::string::npos);
        CHECK(html.find("<link") == std::string::npos);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<style>") != std::string::npos);
    }
    CHECK(restricted["c-0042/my-plan.html"].find("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-80 0 760 600\" class=\"circle\" role=\"img\"") != std::string::npos);
    CHECK(restricted["c-0042/professional-plan.html"].find("<span class=\"missing\">No owner</span>") != std::string::npos);
    // The finding's sentence and its fix lead; the rule and the line follow, smaller.
    CHECK(restricted["c-0042/chronology.html"].find("<br><small class=\"rule\">Rule <code>pattern-repeat-plan</code>, line ") != std::string::npos);
    // Every entry is from the police: one agency, not "1 agencies".
    CHECK(restricted["c-0042/chronology.html"].find("<dd>7, from 1 agency, ") != std::string::npos);
    for (const auto& [file, data] : fs.tree("site")) {
        INFO(file);
        CHECK(data.find("Samuel") == std::string::npos);
        CHECK(data.find("c-0042") == std::string::npos);
    }
}

TEST_CASE("a public page that would carry a child's name fails the build and publishes nothing") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-0042/child.xml", kWeak);
    fs.add_file("content/pages/about.md", "# About us\n\nWe worked with Samuel Example this year.\n");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    const Diagnostic* error = last_error(r);
    REQUIRE(error);
    CHECK(format_diagnostic(*error) ==
          "children/c-0042/child.xml: error: the public page about.html would contain \"Samuel Example\" from this child's record; nothing was published\n"
          "  hint: case data is never published: remove it from the public content or the templates\n");
    CHECK(fs.tree("site").empty());
    CHECK(fs.tree("site-restricted").empty());
}

TEST_CASE("the leak guard finds names as whole words and recorded text anywhere") {
    Child c = testing::child_with_events("c-7", {"A long enough event text."});
    c.name = "Ada O'Neill";
    c.preferred = "Ada";
    LeakGuard guard;
    guard.add(c);
    CHECK(found_by(guard, "<p>Ada went home</p>") == "Ada");
    CHECK(found_by(guard, "<p>Ada's day</p>") == "Ada");
    CHECK(guard.find("Adam and Adaline")
              .has_value() == false);
    CHECK(guard.find("<p>ada o'neill</p>").has_value());
    CHECK_FALSE(guard.find("<p>Mrs O'Neill</p>").has_value());
    CHECK(found_by(guard, "x A long enough event text. y") == "A long enough event text.");
    CHECK(found_by(guard, "see c-7 here") == "c-7");
}

TEST_CASE("the restricted tree cannot be inside the public site") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-0042/child.xml", kWeak);
    BuildOptions o = options();
    o.restricted_dir = "site/children";
    BuildReport r = build_site(fs, o);
    CHECK_FALSE(r.ok());
    CHECK(std::any_of(r.diags.items().begin(), r.diags.items().end(), [](const Diagnostic& d) {
        return d.severity == Severity::error && d.message == "children's documents cannot go inside the public site, or the site inside them";
    }));
    CHECK(fs.tree("site").empty());
}

TEST_CASE("the leak guard finds a recorded text at every place in a page, the first one first") {
    // The text scan looks at every fifth place only (analysis/leak_guard.h):
    // a text must be found wherever it starts, in pages of every length,
    // including the shortest text searched and one that ends the page.
    const std::string shortest = "Twelve bytes", longer = "Another recorded event, longer.";
    REQUIRE(shortest.size() == LeakGuard::kShortest);
    LeakGuard guard;
    guard.add(testing::child_with_events("c-9", {shortest, longer}));
    for (const std::string& text : {shortest, longer})
        for (std::size_t before = 0; before < 40; ++before)
            for (std::size_t after : {0, 1, 3, 7}) {
                std::string page = std::string(before, '.') + text + std::string(after, '.');
                auto leak = guard.find(page);
                REQUIRE_MESSAGE(leak.has_value(), "at " << before << " of " << page.size());
                CHECK(leak->found == text);
            }
    // Both in one page: the one that starts first is reported.
    CHECK(found_by(guard, "...Another recorded event, longer. Twelve bytes") == longer);
    CHECK(found_by(guard, "......Twelve bytes Another recorded event, longer.") == shortest);
    // One byte short, or one byte different, is not a text.
    CHECK_FALSE(guard.find("..Twelve byte").has_value());
    CHECK_FALSE(guard.find("..Twelve bytEs..").has_value());
}

TEST_CASE("the leak guard finds each of many texts that begin alike, whatever their lengths") {
    // Enough texts to be sorted on two cores; all share their first 8 bytes,
    // so each place that starts like them tries every length in turn.
    std::vector<std::string> texts;
    for (int i = 0; i < 70000; ++i) texts.push_back("Event number " + std::to_string(i) + " text");
    // And as many that begin each their own way, sorted by their first bytes into many buckets.
    for (int i = 0; i < 70000; ++i) texts.push_back(concat("N", std::to_string(i * 7919 % 100003), " was noted at the review"));
    REQUIRE(texts.size() >= 65536);
    LeakGuard guard;
    guard.add(testing::child_with_events("c-11", texts));
    auto found_in = [&](const std::string& page) { return found_by(guard, page); };
    for (int i : {0, 5, 42, 999, 12345, 69999}) {
        const std::string& text = texts[static_cast<std::size_t>(i)];
        CHECK(found_in("<p>" + text + "</p>") == text);
        CHECK(found_in("<p>" + text) == text);  // ending the page
        CHECK_FALSE(guard.find("<p>" + text.substr(0, text.size() - 1)).has_value());
    }
    for (std::size_t i = 70000; i < texts.size(); i += 4999) CHECK(found_in(concat("x ", texts[i], ".")) == texts[i]);
    CHECK_FALSE(guard.find("<p>N100003 was noted at the review</p>").has_value());
    CHECK_FALSE(guard.find("<p>Event number 70000 text</p>").has_value());
    CHECK_FALSE(guard.find("<p>Event number 12 tex</p>").has_value());
}
