#include "analysis/report_checks.h"

#include "analysis/ask_checks.h"
#include "analysis/funding_checks.h"
#include "analysis/site_checks.h"

#include <algorithm>
#include <set>

namespace safesite {

void check_reports(const Content& content, const SiteMap& map, const AbbreviationIndex& abbreviations, Date today, Diagnostics& diags) {
    const AbbreviationIndex* glossary = content.glossary_loaded ? &abbreviations : nullptr;
    std::set<std::string> periods;
    for (const Report& r : content.reports) {
        periods.insert(r.period);
        Location at = r.where;
        at.path = r.source_path;
        auto missing = [&](bool absent, const std::string& part, const std::string& what, const std::string& hint) {
            if (absent)
                diags.warning(at, "the " + r.period + " report does not say " + what + ", which statutory guidance expects", hint,
                              "report-missing-" + part);
        };
        bool evidence = false;
        for (const auto& p : r.priorities) evidence = evidence || !p.evidence.empty();
        bool learning = false;
        for (const auto& v : r.reviews) learning = learning || !v.learning.empty() || !v.changes.empty();
        missing(r.priorities.empty(), "activity", "what the partnership did", "add a <priority> for each priority, with its status");
        missing(r.figures.empty() && !evidence, "impact", "what difference the work made", "add <figure>s, or <evidence> under each priority");
        missing(!learning, "learning", "what was learned from reviews and what changed", "add a <review> with <learning> and <change>");
        missing(!r.scrutiny, "scrutiny", "what independent scrutiny found", "add <scrutiny by=\"...\" href=\"...md\"/>");
        missing(!r.voice, "voice", "how children's and families' views shaped the work", "add <voice href=\"...md\"/>");
        missing(r.funding.empty(), "funding", "how the arrangements were funded", "add a <contribution> for each partner");
        for (const Figure& f : r.figures)
            for (const FigureValue& v : f.values)
                if (f.unit == "percent" && (v.value < 0 || v.value > 100))
                    diags.error(at, "the figure '" + f.id + "' is a percentage, but its value for " + v.period + " is " + v.text,
                                "a percentage is from 0 to 100; for a count, leave out unit=\"percent\"");
        for (const ReportSection& s : r.sections)
            check_markdown({s.text.source_path, s.text.source, 1, s.text.tree.get()}, map, glossary, diags);
        for (const AskResponse& x : r.responses)
            check_markdown({r.source_path, x.text.source, x.where.line, x.text.tree.get()}, map, glossary, diags);
        for (const auto* md : {&r.scrutiny, &r.voice, &r.children_summary})
            if (*md) check_markdown({(*md)->source_path, (*md)->source, 1, (*md)->tree.get()}, map, glossary, diags);
        if (content.partnership) check_funding(r, *content.partnership, diags);
        if (r.published && today < *r.published)
            diags.warning(at, "the " + r.period + " report says it was published on " + r.published->long_form() + ", which is after today",
                          "write the day it was published, as YYYY-MM-DD; publish it first if it is not published yet",
                          "report-published-in-future");
        if (!r.published && add_months(period_end(r.period), 6) < today)
            diags.warning(at, "the " + r.period + " report has no published date, and the year ended more than six months ago",
                          "publish it, then add published=\"YYYY-MM-DD\"", "report-not-published");
    }
    check_asks(content, diags);
    // A report with errors did not load, so what it must contain cannot be
    // checked yet: say so, rather than let its statutory warnings vanish.
    std::set<std::string> unchecked;
    for (const Diagnostic& d : diags.items()) {
        if (d.severity != Severity::error || !d.where.path.starts_with("reports/")) continue;
        std::string period = d.where.path.substr(8, d.where.path.find('/', 8) - 8);
        if (period.size() == 7 && !periods.count(period)) unchecked.insert(period);
    }
    for (const std::string& period : unchecked)
        diags.warning({"reports/" + period + "/report.xml", 0, 0},
                      "the " + period + " report has errors, so what statutory guidance expects of it (independent scrutiny, children's "
                      "and families' views, funding, a published date) will be checked once they are fixed",
                      "fix its errors, then run check again", "report-not-checked");
    // A year with no report at all, from the first report (or the partnership's start) on.
    if (content.reports.empty() && !content.partnership) return;
    int first = content.reports.empty() ? (content.partnership->since ? content.partnership->since->year : today.year)
                                        : content.reports.front().start_year();
    if (content.partnership && content.partnership->since) {
        const Date& since = *content.partnership->since;
        first = std::min(first, since.month >= 4 ? since.year : since.year - 1);
    }
    for (int year = first; year < today.year; ++year) {
        char period[16];
        std::snprintf(period, sizeof period, "%04d-%02d", year, (year + 1) % 100);
        if (periods.count(period) || !(add_months(period_end(period), 6) < today)) continue;
        // A report that is there but has an error is not also missing.
        std::string folder = "reports/" + std::string(period) + "/";
        if (std::any_of(diags.items().begin(), diags.items().end(),
                        [&](const Diagnostic& d) { return d.severity == Severity::error && d.where.path.starts_with(folder); }))
            continue;
        diags.warning({content.partnership ? content.partnership->source_path : std::string("reports"), 0, 0},
                      "there is no report for " + std::string(period) + ", which ended on " + period_end(period).long_form() + ", more than six months ago",
                      "safeguarding partners must publish a report at least once in every 12 months: add reports/" + std::string(period) + "/report.xml",
                      "report-not-published");
    }
}

}  // namespace safesite
