#include "importers/ofsted_report.h"

#include "importers/authorities.h"
#include "importers/report_dates.h"
#include "importers/report_framework.h"
#include "importers/report_lines.h"
#include "support/text.h"

namespace safesite {

namespace {

// "Lead inspector: Claire Beckingham, His Majesty's Inspector",
// "Reporting inspector Gary Lamb HMI".
std::string lead_inspector(const std::vector<ReportLine>& lines) {
    // On the first page since 2018; before, under "Information about this inspection" at the end.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string t = tidy_words(lines[i].text);
        std::string lower = lower_ascii(t);
        for (std::string_view label : {"lead inspector", "reporting inspector", "lead inspectors"}) {
            if (!lower.starts_with(label)) continue;
            std::string name = trim(std::string_view(t).substr(label.size()));
            if (name.starts_with(":")) name = trim(std::string_view(name).substr(1));
            for (std::string_view end : {",", " Her Majesty", " His Majesty", " HMI", " Ofsted", " Senior", "  "})
                if (std::size_t at = name.find(end); at != std::string::npos) name.resize(at);
            name = trim(name);
            // A name is a few capitalised words.
            bool looks = !name.empty() && name.size() < 50 && std::isupper(static_cast<unsigned char>(name[0]));
            return looks ? name : std::string();
        }
    }
    return {};
}

// The opening of the report: the title and what comes before the dates.
std::string opening(const std::vector<ReportLine>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size() && lines[i].page == 1 && i < 20; ++i) {
        std::string w = plain_words(lines[i].text);
        if (w.starts_with("inspection date") || w.starts_with("lead inspector") || w.starts_with("date of") || w.starts_with("dates of")) break;
        out += " " + w;
    }
    return out;
}

// The first authority named on the first two pages, a line at a time; in a
// letter, after its greeting, since Ofsted's own address (Manchester) comes first.
std::optional<Authority> first_authority_named(const std::vector<ReportLine>& lines, std::optional<Date> when) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < lines.size() && lines[i].page == 1; ++i)
        if (plain_words(lines[i].text).starts_with("dear ")) from = i + 1;
    for (std::size_t i = from; i < lines.size() && lines[i].page <= 2; ++i) {
        // Two lines at once, for a name that wraps ("Kingston upon" / "Thames").
        std::string text = lines[i].text + (i + 1 < lines.size() ? " " + lines[i + 1].text : std::string());
        if (auto a = find_authority(lines[i].text, when)) return a;
        if (auto a = find_authority(text, when)) return a;
    }
    return std::nullopt;
}

}  // namespace

OfstedReport read_ofsted_report(std::string_view text) {
    OfstedReport r;
    auto lines = report_lines(text);

    ReportFramework f = recognise_framework(lines);
    r.framework = f.id;
    r.framework_reason = f.reason;
    r.graded = f.graded;
    r.title = f.title;
    if (r.framework.empty()) r.notes.push_back("the framework could not be told from the report's title; no judgement was read");

    VisitDates visit = read_visit_dates(lines);
    r.visit_start = visit.start;
    r.visit_end = visit.end;
    if (!visit.problem.empty()) r.notes.push_back(visit.problem);
    if (!visit.warning.empty()) r.notes.push_back(visit.warning);
    r.published = read_published(lines);
    r.lead_inspector = lead_inspector(lines);
    if (r.lead_inspector.empty()) r.notes.push_back("the lead inspector's name was not found");

    // The title names the authority; before 2018 the lines above it do.
    auto a = find_authority(r.title, r.visit_start);
    if (!a && r.graded) a = find_authority(opening(lines), r.visit_start);
    // A trust or company serving more than one council names the one inspected in its first sentences.
    if (!a && names_a_provider(r.title)) a = first_authority_named(lines, r.visit_start);
    if (a) {
        r.authority = a->name;
        r.authority_code = a->code;
    } else {
        r.notes.push_back("no English local authority was found named in the report's title");
    }

    if (!r.framework.empty() && r.graded) {
        Judgements js = read_judgements(lines, r.framework);
        r.judgements = std::move(js.list);
        for (auto& n : js.notes) r.notes.push_back(std::move(n));
        bool overall = false;
        // A 2009 to 2013 report grades each service overall instead.
        for (const auto& j : r.judgements) overall = overall || j.area == "overall" || j.area == "safeguarding" || j.area == "looked-after-children";
        if (!overall) r.notes.push_back("no overall judgement was found; none has been guessed");
    }
    ReportLists lists = read_lists(lines);
    r.recommendations = std::move(lists.recommendations);
    r.strengths = std::move(lists.strengths);
    for (auto& n : lists.notes) r.notes.push_back(std::move(n));
    if (r.recommendations.empty()) r.notes.push_back("no areas for improvement were found");
    return r;
}

}  // namespace safesite
