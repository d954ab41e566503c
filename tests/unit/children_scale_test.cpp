// A council's number of children's records: what a build keeps of each
// record between builds, updates that read only the changed records,
// findings set aside on disk, and the leak guard past its budget.
#include <doctest/doctest.h>

#include "analysis/leak_guard.h"
#include "analysis/page_places.h"
#include "pipeline/child_cache.h"
#include "test_child.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

std::string record(const std::string& id, const std::string& name, const std::string& extra = "") {
    return "<child id=\"" + id + "\">\n  <name preferred=\"" + name + "\">" + name + " Example</name>\n  <born date=\"2015-03-14\"/>\n" +
           "  <chronology>\n" + extra +
           "    <entry date=\"2019-06\" agency=\"police\" category=\"referral\"><event>Referral after a row at home for " + name +
           ".</event></entry>\n" +
           "    <entry date=\"2020-01-05\" agency=\"police\" category=\"referral\"><event>A second referral about " + name +
           ".</event><impact>" + name + " was scared.</impact></entry>\n" +
           "  </chronology>\n</child>\n";
}

MemoryFileSystem three_children() {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-1/child.xml", record("c-1", "Ada"));
    fs.add_file("content/children/c-1-2/child.xml", record("c-1-2", "Bea"));
    fs.add_file("content/children/c-3/child.xml", record("c-3", "Cai"));
    return fs;
}

std::string all_messages(const BuildReport& r) {
    std::string out;
    r.diags.for_each_sorted([&](const Diagnostic& d) { out += format_diagnostic(d); });
    return out;
}

// A build of `fs` with an about page saying `words`, holding at most `budget` texts of the children's at once.
BuildReport build_with_about(MemoryFileSystem& fs, const std::string& words, std::size_t budget) {
    fs.add_file("content/pages/about.md", "# About us\n\n" + words + "\n");
    BuildOptions o = options();
    o.leak_budget = budget;
    return build_site(fs, o);
}

}  // namespace

TEST_CASE("what a build keeps of a child's record reads back exactly, and damaged bytes are refused") {
    CachedChild c;
    c.folder = "c-7";
    c.stamp = {1234, 5678};
    c.summary = {"c-7", "Ada Example", "Ada", "Child in need", 2, false, {}};
    c.findings.push_back({{"children/c-7/child.xml", 4, 5}, Severity::warning, "Ada has no plan", "write one", "no-plan", "  <child>"});
    c.findings.push_back({{"children/c-7/child.xml", 0, 0}, Severity::error, "broken", "", "", ""});
    c.summary.kinds = finding_kinds(c.findings);
    CHECK(c.summary.kinds == std::vector<FindingKind>{{"no-plan", 1, 4}, {"", 1, 0}});
    c.needles = {"c-7", "children/c-7/child.xml", {"c-7", "Ada Example", "Ada"}, {{0x1122334455667788ULL, 99, 14}, {1, 2, 4095}}};
    std::string bytes = encode_cached_child(c);
    auto back = decode_cached_child(bytes);
    REQUIRE(back);
    CHECK(*back == c);
    CHECK_FALSE(decode_cached_child(bytes.substr(0, bytes.size() - 1)));
    CHECK_FALSE(decode_cached_child(bytes + "x"));
    CHECK_FALSE(decode_cached_child(""));
}

TEST_CASE("an update reads only the records that changed, and reports what a full build reports") {
    MemoryFileSystem fs = three_children();
    BuildReport first = build_site(fs, options());
    REQUIRE(first.ok());
    CHECK(first.children_kept == 0);
    // The record's parts are in the restricted tree, readable by its owner only.
    CHECK(fs.exists("site-restricted/" + child_cache_part(0)));
    CHECK(fs.owner_only("site-restricted/" + child_cache_part(0)));

    // "c-1-2" comes before "c-1" in path order; every record is found all the same.
    BuildReport same = build_site(fs, options());
    REQUIRE(same.ok());
    CHECK(same.children_kept == 3);
    CHECK(all_messages(same) == all_messages(first));

    fs.add_file("content/children/c-3/child.xml", record("c-3", "Cai", "    <entry date=\"2021-02-02\" agency=\"police\" category=\"referral\"><event>A third referral.</event></entry>\n"));
    BuildReport changed = build_site(fs, options());
    REQUIRE(changed.ok());
    CHECK(changed.children_kept == 2);
    CHECK(fs.tree("site-restricted")["c-3/chronology.html"].find("A third referral.") != std::string::npos);
    BuildOptions full = options();
    full.full = true;
    BuildReport again = build_site(fs, full);
    CHECK(all_messages(changed) == all_messages(again));
    CHECK(changed.diags.warning_count() == again.diags.warning_count());
}

TEST_CASE("findings set aside on disk are shown in the same order and counted the same") {
    MemoryFileSystem fs = three_children();
    BuildReport held = build_site(fs, options());
    BuildOptions aside = options();
    aside.findings_in_memory = 0;
    aside.full = true;
    BuildReport set_aside = build_site(fs, aside);
    REQUIRE(held.diags.warning_count() > 3);
    CHECK(set_aside.diags.set_aside_count() > 0);
    CHECK(set_aside.diags.items().size() < held.diags.items().size());
    CHECK(all_messages(set_aside) == all_messages(held));
    CHECK(messages(set_aside) == messages(held));
    CHECK(set_aside.diags.warning_count() == held.diags.warning_count());
    CHECK(set_aside.diags.error_count() == held.diags.error_count());
}

TEST_CASE("Diagnostics: findings set aside merge with those held, and one out of order is held") {
    Diagnostics d;
    d.warning({"b.xml", 2, 1}, "held b2");
    d.set_aside({{"a.xml", 1, 1}, Severity::warning, "aside a1", "", "", ""});
    d.set_aside({{"b.xml", 2, 1}, Severity::error, "aside b2", "", "", ""});
    d.set_aside({{"a.xml", 9, 1}, Severity::warning, "out of order a9", "", "", ""});  // before b.xml: held instead
    d.warning({"c.xml", 1, 1}, "held c1");
    CHECK(d.set_aside_count() == 2);
    CHECK(d.items().size() == 3);
    CHECK(d.error_count() == 1);
    CHECK(d.warning_count() == 4);
    CHECK(d.has_errors());
    std::string order;
    d.for_each_sorted([&](const Diagnostic& x) { order += x.message + ";"; });
    CHECK(order == "aside a1;out of order a9;held b2;aside b2;held c1;");
    Diagnostics copy;
    copy.append(d);
    CHECK(copy.warning_count() == 4);
    CHECK(copy.sorted().size() == 5);
}

TEST_CASE("past its budget the leak guard still finds a child's name in a public page, and nothing is published") {
    for (std::size_t budget : {std::size_t{500000}, std::size_t{1}}) {
        INFO(budget);
        MemoryFileSystem fs = three_children();
        BuildReport r = build_with_about(fs, "We worked with Bea Example this year.", budget);
        CHECK_FALSE(r.ok());
        CHECK(messages(r).find("children/c-1-2/child.xml: error: the public page about.html would contain \"Bea\" from this child's record; nothing was published") !=
              std::string::npos);
        CHECK(fs.tree("site").empty());
        CHECK(fs.tree("site-restricted").empty());
    }
}

TEST_CASE("a page kept from the last build is searched again for a changed child's new words") {
    for (std::size_t budget : {std::size_t{500000}, std::size_t{1}}) {
        INFO(budget);
        MemoryFileSystem fs = three_children();
        fs.add_file("content/pages/about.md", "# About us\n\nOur chair, Dana Fictional, thanks everyone.\n");
        BuildOptions o = options();
        o.leak_budget = budget;
        REQUIRE(build_site(fs, o).ok());
        auto before = published(fs);
        // Only a child's record changes: the public pages are kept, and searched for the new name.
        std::string c3 = record("c-3", "Cai");
        c3.replace(c3.find("  <chronology>"), 0, "  <network><person relationship=\"aunt\">Dana Fictional</person></network>\n");
        fs.add_file("content/children/c-3/child.xml", c3);
        BuildReport r = build_site(fs, o);
        CHECK_FALSE(r.ok());
        CHECK(messages(r).find("children/c-3/child.xml: error: the public page about.html would contain \"Dana Fictional\"") != std::string::npos);
        CHECK(published(fs) == before);
    }
}

TEST_CASE("a text found by its hashes is reported only when the record holds it") {
    Child c = testing::child_with_events("c-7", {"A long enough event text."});
    c.source_path = "children/c-7/child.xml";
    LeakGuard guard;
    guard.add(c);
    std::string asked;
    guard.confirm_with([&](const std::string& path, std::string_view found) {
        asked = path + ": " + std::string(found);
        return false;
    });
    CHECK_FALSE(guard.find("x A long enough event text. y").has_value());
    CHECK(asked == "children/c-7/child.xml: A long enough event text.");
    CHECK(guard.find("see c-7 here").has_value());  // names are whole words, found as they are
}

TEST_CASE("past its budget, a child's texts that are not in the public pages are set aside, and one that is is found") {
    const std::string words = "We heard that a second referral was made, and we acted.";
    const std::string page = "<main><p>" + words;  // the page ends with them
    PagePlaces places(page.size());
    places.add(page);
    // A text at every place of the page, to its last byte, could be there.
    for (std::size_t at = 0; at + LeakGuard::kShortest <= words.size(); ++at) {
        ChildNeedles n = LeakGuard::needles_of(testing::child_with_events("c-1", {words.substr(at)}));
        REQUIRE(n.texts.size() == 1);
        CHECK_MESSAGE(places.may_hold(n.texts[0].key, n.texts[0].next), "at " << at);
    }
    // Texts that are not in it are set aside, nearly all; the child's names are kept.
    std::vector<std::string> elsewhere;
    for (int i = 0; i < 2000; ++i) elsewhere.push_back("Visit number " + std::to_string(i) + " went well.");
    elsewhere.push_back("a second referral was made");  // in the page
    Child c = testing::child_with_events("c-2", elsewhere);
    c.name = "Bea Example";
    ChildNeedles all = LeakGuard::needles_of(c), kept = places.could_be_in_pages(all);
    CHECK(kept.names == all.names);
    CHECK(kept.child_id == "c-2");
    CHECK(kept.texts.size() >= 1);
    CHECK(kept.texts.size() < 40);  // 16 bits a place: a few in a hundred pass by chance
    CHECK(std::find(kept.texts.begin(), kept.texts.end(), all.texts.back()) != kept.texts.end());

    // And in a build past its budget, a recorded text in a public page fails it.
    for (std::size_t budget : {std::size_t{500000}, std::size_t{1}}) {
        INFO(budget);
        MemoryFileSystem fs = three_children();
        BuildReport r = build_with_about(fs, "From a case file: A second referral about Bea. That is all.", budget);
        CHECK_FALSE(r.ok());
        // The text, not only the name in it: the guard tries texts before names.
        CHECK(messages(r).find("children/c-1-2/child.xml: error: the public page about.html would contain \"A second referral about Bea.\"") != std::string::npos);
        CHECK(fs.tree("site").empty());
    }
}
