#include <doctest/doctest.h>

#include "content/schema.h"
#include "content/xml_document.h"
#include "importers/authorities.h"
#include "importers/inspection_xml.h"
#include "importers/ofsted_report.h"
#include "importers/pdf_text.h"
#include "importers/report_dates.h"
#include "shared_files.h"
#include "support/file_system.h"
#include "support/text.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

using namespace safesite;

namespace {

OfstedReport import_seed(const std::string& name) {
    DiskFileSystem disk;
    std::string err;
    auto text = disk.read(testing::shared_folder() + "/seeds/" + name, &err);
    REQUIRE_MESSAGE(text.has_value(), "cannot read seed " << name << ": " << err);
    return read_ofsted_report(*text);
}

OfstedReport import_fixture(const std::string& name) {
    ReportText text = read_report_file(testing::shared_folder() + "/fixtures/ofsted/" + name);
    REQUIRE_MESSAGE(text.error.empty(), name << ": " << text.error);
    return read_ofsted_report(text.text);
}

std::string judgements_of(const OfstedReport& r) {
    std::string out;
    for (const auto& j : r.judgements) out += (j.parent.empty() ? "" : j.parent + ">") + j.area + "=" + j.grade + "\n";
    return out;
}

std::string grade_of(const OfstedReport& r, const std::string& area) {
    for (const auto& j : r.judgements)
        if (j.area == area) return j.grade;
    return "(none)";
}

int count_timescale(const OfstedReport& r, const std::string& t) {
    int n = 0;
    for (const auto& rec : r.recommendations) n += rec.timescale == t;
    return n;
}

bool has_note(const OfstedReport& r, std::string_view words) {
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string& n) { return n.find(words) != std::string::npos; });
}

void check_valid_xml(const OfstedReport& r, const std::string& id) {
    Diagnostics diags;
    auto doc = XmlDocument::parse("inspections/" + id + ".xml", inspection_xml(r, id, "report.pdf"), diags);
    REQUIRE(doc);
    CHECK(validate(*doc, "inspection", diags));
    for (const auto& d : diags.items()) FAIL(format_diagnostic(d));
}

// "requires improvement" as the framework's grade id.
std::string grade_id_of(std::string label, const std::string& framework) {
    if (label == "requires improvement") return framework == "ilacs-2018" ? "requires-improvement-to-be-good" : "requires-improvement";
    return label;
}

std::vector<std::map<std::string, std::string>> read_labels() {
    std::ifstream in(testing::shared_folder() + "/fixtures/ofsted/labels.csv");
    REQUIRE(in);
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> head;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells(1);
        for (char c : line) {
            if (c == ',') cells.emplace_back();
            else if (c != '\r') cells.back() += c;
        }
        if (head.empty()) {
            head = cells;
            continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < head.size() && i < cells.size(); ++i) row[head[i]] = cells[i];
        rows.push_back(row);
    }
    return rows;
}

// The number of areas for improvement each shared report lists, counted by
// hand from the reports ("What needs to improve?" since 2018; the local
// authority's and the board's "What does ... need to improve?" before).
const std::map<std::string, int>& improvement_counts() {
    static const std::map<std::string, int> counts = {
        {"barking-and-dagenham-2023-09-04.pdf", 5}, {"blackpool-2023-02-01.pdf", 6},          {"bromley-2024-01-12.pdf", 1},
        {"cheshire-west-and-chester-2024-08-28.pdf", 5}, {"enfield-2024-09-04.pdf", 3},       {"hampshire-2024-07-23.pdf", 2},
        {"hounslow-2023-12-01.pdf", 3},               {"kirklees-2024-08-28.pdf", 4},          {"lincolnshire-2023-06-14.pdf", 2},
        {"milton-keynes-2024-12-17.pdf", 3},          {"north-tyneside-2025-01-13.pdf", 1},    {"plymouth-2024-03-15.pdf", 6},
        {"rutland-2024-07-12.pdf", 3},                {"tameside-2024-02-13.pdf", 6},          {"waltham-forest-2024-08-20.pdf", 3},
        {"westmorland-and-furness-2024-07-12.pdf", 4},
    };
    return counts;
}

}  // namespace

TEST_CASE("every labelled ILACS report in the shared sample imports as its label says") {
    auto labels = read_labels();
    REQUIRE(labels.size() == 16);
    for (const auto& label : labels) {
        const std::string& file = label.at("file");
        CAPTURE(file);
        OfstedReport r = import_fixture(file);
        CHECK(lower_ascii(r.authority) == label.at("authority"));
        CHECK(r.authority_code.starts_with("E0"));
        CHECK(r.framework == label.at("framework"));
        REQUIRE(r.visit_start);
        CHECK(r.visit_start->iso() == label.at("visit_start"));
        CHECK(r.visit_end->iso() == label.at("visit_end"));
        CHECK_FALSE(r.published);  // ILACS reports do not print it
        if (label.at("lead_inspector") != "None") CHECK(lower_ascii(r.lead_inspector) == label.at("lead_inspector"));
        CHECK(grade_of(r, "overall") == grade_id_of(label.at("overall"), r.framework));
        CHECK(grade_of(r, "leadership") == grade_id_of(label.at("leadership"), r.framework));
        CHECK(grade_of(r, "help-and-protection") == grade_id_of(label.at("help_and_protection"), r.framework));
        if (label.at("care_leavers") == "inspection_pre_dates_judgement") {
            CHECK(grade_of(r, "children-in-care-and-care-leavers") == grade_id_of(label.at("in_care"), r.framework));
            CHECK(grade_of(r, "care-leavers") == "(none)");
            CHECK(r.judgements.size() == 4);
        } else {
            CHECK(grade_of(r, "children-in-care") == grade_id_of(label.at("in_care"), r.framework));
            CHECK(grade_of(r, "care-leavers") == grade_id_of(label.at("care_leavers"), r.framework));
            CHECK(r.judgements.size() == 5);
        }
        CHECK(static_cast<int>(r.recommendations.size()) == improvement_counts().at(file));
        CHECK(count_timescale(r, "improvement") == static_cast<int>(r.recommendations.size()));
        check_valid_xml(r, inspection_id(r));
    }
}

TEST_CASE("the single inspection framework reports of 2014 to 2016 in the shared sample import as they state") {
    struct Expected {
        const char* file;
        const char* authority;
        const char* code;
        const char* start;
        const char* end;
        const char* published;  // "" where the report does not print it
        const char* judgements;
        int priority, improvement;
    };
    // Written from each report's first page, its board section and its lists.
    const Expected expected[] = {
        {"barking-and-dagenham-2014-07-07.pdf", "Barking and Dagenham", "E09000002", "2014-04-29", "2014-05-22", "2014-07-07",
         "help-and-protection=requires-improvement\nlooked-after-and-permanence=requires-improvement\n"
         "looked-after-and-permanence>adoption=requires-improvement\nlooked-after-and-permanence>care-leavers=requires-improvement\n"
         "leadership=requires-improvement\noverall=requires-improvement\nlscb=requires-improvement\n",
         0, 0},
        {"bromley-2016-06-27.pdf", "Bromley", "E09000006", "2016-04-11", "2016-05-05", "2016-06-27",
         "help-and-protection=inadequate\nlooked-after-and-permanence=inadequate\nlooked-after-and-permanence>adoption=inadequate\n"
         "looked-after-and-permanence>care-leavers=inadequate\nleadership=inadequate\noverall=inadequate\nlscb=requires-improvement\n",
         0, 0},
        {"hampshire-2014-04-22.pdf", "Hampshire", "E10000014", "2014-02-18", "2014-03-12", "",
         "help-and-protection=good\nlooked-after-and-permanence=good\nlooked-after-and-permanence>adoption=outstanding\n"
         "looked-after-and-permanence>care-leavers=good\nleadership=outstanding\noverall=good\nlscb=good\n",
         0, 0},
        {"kirklees-2016-11-25.pdf", "Kirklees", "E08000034", "2016-09-12", "2016-10-06", "2016-11-25",
         "help-and-protection=inadequate\nlooked-after-and-permanence=inadequate\nlooked-after-and-permanence>adoption=requires-improvement\n"
         "looked-after-and-permanence>care-leavers=requires-improvement\nleadership=inadequate\noverall=inadequate\n",
         0, 0},
        {"milton-keynes-2016-11-25.pdf", "Milton Keynes", "E06000042", "2016-09-12", "2016-10-06", "2016-11-25",
         "help-and-protection=requires-improvement\nlooked-after-and-permanence=requires-improvement\n"
         "looked-after-and-permanence>adoption=requires-improvement\nlooked-after-and-permanence>care-leavers=requires-improvement\n"
         "leadership=requires-improvement\noverall=requires-improvement\n",
         0, 0},
        {"plymouth-2015-01-06.pdf", "Plymouth", "E06000026", "2014-10-22", "2014-11-12", "2015-01-06",
         "help-and-protection=requires-improvement\nlooked-after-and-permanence=requires-improvement\n"
         "looked-after-and-permanence>adoption=requires-improvement\nlooked-after-and-permanence>care-leavers=requires-improvement\n"
         "leadership=requires-improvement\noverall=requires-improvement\n",
         0, 0},
        {"tameside-2016-12-09.pdf", "Tameside", "E08000008", "2016-09-26", "2016-10-20", "2016-12-09",
         "help-and-protection=inadequate\nlooked-after-and-permanence=requires-improvement\nlooked-after-and-permanence>adoption=good\n"
         "looked-after-and-permanence>care-leavers=requires-improvement\nleadership=inadequate\noverall=inadequate\n",
         0, 0},
    };
    for (const Expected& e : expected) {
        CAPTURE(e.file);
        OfstedReport r = import_fixture(e.file);
        CHECK(r.authority == e.authority);
        CHECK(r.authority_code == e.code);
        CHECK(r.framework == "sif-2013");
        REQUIRE(r.visit_start);
        CHECK(r.visit_start->iso() == e.start);
        CHECK(r.visit_end->iso() == e.end);
        CHECK((r.published ? r.published->iso() : "") == e.published);
        CHECK(judgements_of(r) == e.judgements);
        CHECK(count_timescale(r, "priority") == e.priority);
        CHECK(count_timescale(r, "improvement") == e.improvement);
        check_valid_xml(r, inspection_id(r));
    }
}
