// The partnership page and the yearly reports: the full report, numbered
// and printable, and a summary for children and young people.
#include "render/pages/pages.h"

#include "analysis/asks.h"
#include "analysis/inspection_areas.h"
#include "render/bar_chart.h"
#include "render/pages/ask_status.h"
#include "support/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace safesite {

namespace {

std::string number_text(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return with_thousands(static_cast<long long>(v));
    return one_decimal(v);
}

std::string pounds(double v) { return "£" + with_thousands(std::llround(v)); }

struct Status {
    const char* label;
    const char* symbol;  // beside the words, never instead of them
};

Status status_of(const std::string& s) {
    if (s == "achieved") return {"Achieved", "\xE2\x9C\x93"};           // ✓
    if (s == "on-track") return {"On track", "\xE2\x86\x92"};           // →
    if (s == "some-progress") return {"Some progress", "\xE2\x97\x90"}; // ◐
    return {"Little progress", "\xE2\x9C\x97"};                          // ✗
}

// A figure's value in its unit: "1,350", "19%" or "314.0" (rates to one
// decimal place, as the Department gives them; a rate's "per 10,000
// children" is said once, beside the latest value).
std::string value_text(const Figure& f, double v) {
    if (f.unit == "rate") return one_decimal(v);
    return number_text(v) + (f.unit == "percent" ? "%" : "");
}

// "down 4% on 2022-23, which is better". A percentage's change is the
// difference in percentage points, never a percent of a percent: 20% to 19%
// is "down 1 percentage point", not "down 5%".
std::string change_words(const Figure& f) {
    if (f.values.size() < 2) return {};
    const FigureValue& before = f.values[f.values.size() - 2];
    const FigureValue& now = f.values.back();
    double change = 0;
    std::string amount;
    if (f.unit == "percent") {
        change = std::round((now.value - before.value) * 10.0) / 10.0;
        if (change == 0) return "about the same as " + before.period;
        amount = number_text(std::fabs(change)) + (std::fabs(change) == 1.0 ? " percentage point" : " percentage points");
    } else {
        if (before.value == 0) return {};
        change = (now.value - before.value) / before.value * 100.0;
        long rounded = std::lround(std::fabs(change));
        if (rounded == 0) return "about the same as " + before.period;
        amount = std::to_string(rounded) + "%";
    }
    bool up = change > 0;
    std::string out = std::string(up ? "up " : "down ") + amount + " on " + before.period;
    if (f.better == "higher") out += up ? ", which is better" : ", which is worse";
    else if (f.better == "lower") out += up ? ", which is worse" : ", which is better";
    return out;
}

Html markdown(const MarkdownText& md, MarkdownContext& ctx) { return render_markdown(md.tree.get(), ctx).body; }

const std::map<std::string, std::string>& review_kinds() {
    static const std::map<std::string, std::string> kinds = {{"rapid-review", "Rapid reviews"},
                                                             {"local-child-safeguarding-practice-review", "Local child safeguarding practice reviews"},
                                                             {"national-review", "National reviews"},
                                                             {"other", "Other reviews"}};
    return kinds;
}

const Report* find_report(const Content& content, std::string_view period) {
    for (const Report& r : content.reports)
        if (r.period == period) return &r;
    return nullptr;
}

// The asks a report shows: every one, answered or not, on the latest report
// (which `check` holds to answering them) and on any report that answers
// some; an older report written before it answered any shows none.
std::vector<Ask> shown_asks(const Content& content, const Report& r) {
    bool latest = !content.reports.empty() && &content.reports.back() == &r;
    if (!latest && r.responses.empty()) return {};
    return asks_of(content, r);
}

// "Local child safeguarding practice review, 2024"
std::string source_name(const Content& content, const Inspection& i) {
    const Framework* f = content.framework(i.framework);
    auto when = published_on(i);
    return (f ? f->name : i.title) + ", " + std::to_string((when ? *when : i.visit_start).year);
}

List ask_rows(const SiteContext& site, const SitePage& page, const Report& r, const std::vector<Ask>& asks, MarkdownContext& ctx) {
    const Date end = period_end(r.period);
    List rows;
    for (const Ask& a : asks) {
        const Inspection& i = *a.inspection;
        const Recommendation& rec = *a.recommendation;
        std::string timescale(label_of(recommendation_timescales(), rec.timescale));
        Record row = ask_status(a.response ? a.response->status : std::string());
        row.insert_or_assign("text", rec.text);
        row.insert_or_assign("id", rec.id);
        row.insert_or_assign("owner", rec.owner);
        row.insert_or_assign("source", source_name(site.content, i));
        row.insert_or_assign("source_title", i.title);
        row.insert_or_assign("source_href", href_to(site, page, "inspections/" + i.id));
        row.insert_or_assign("timescale", timescale.empty() ? std::string("No timescale given") : timescale);
        row.insert_or_assign("due", a.due ? a.due->long_form() : std::string());
        row.insert_or_assign("overdue", overdue(a, end));
        row.insert_or_assign("response", a.response ? render_markdown(a.response->text.tree.get(), ctx).body : Html());
        row.insert_or_assign("for_children", std::string(response_status(a.response ? a.response->status : std::string()).for_children));
        row.insert_or_assign("asker", std::string(i.practice_review() ? "A review" : "Inspectors"));
        rows.push_back(std::move(row));
    }
    return rows;
}

// "Inspectors and reviews asked us to do 3 things. We have done 1, 1 is
// going as planned, and we have not said yet what we did about 1."
std::string asks_in_words(const std::vector<Ask>& asks) {
    int done = 0, on_track = 0, behind = 0, not_started = 0, unanswered = 0;
    for (const Ask& a : asks) {
        std::string s = a.response ? a.response->status : std::string();
        (s == "done" ? done : s == "on-track" ? on_track : s == "behind" ? behind : s == "not-started" ? not_started : unanswered)++;
    }
    std::vector<std::string> parts;
    if (done) parts.push_back("we have done " + std::to_string(done));
    if (on_track) parts.push_back(std::to_string(on_track) + (on_track == 1 ? " is" : " are") + " going as planned");
    if (behind) parts.push_back(std::to_string(behind) + (behind == 1 ? " is" : " are") + " going more slowly than we planned");
    if (not_started) parts.push_back("we have not started " + std::to_string(not_started) + " yet");
    if (unanswered) parts.push_back("we have not said yet what we did about " + std::to_string(unanswered));
    std::string out = "Inspectors and reviews asked us to do " + std::to_string(asks.size()) + (asks.size() == 1 ? " thing" : " things") + ". ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string p = parts[i];
        if (i == 0) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
        out += (i == 0 ? "" : i + 1 == parts.size() ? ", and " : ", ") + p;
    }
    return out + ".";
}

}  // namespace

PageFrame partnership_page(const SiteContext& site, const SitePage& page) {
    static const Partnership none;
    const Partnership& p = site.content.partnership ? *site.content.partnership : none;
    List partners, agencies, groups, steps, reports;
    for (const Partner& x : p.partners)
        partners.push_back(Record{{"organisation", x.organisation}, {"role", x.role == "lead" ? std::string("Lead") : std::string("Delegated")},
                                  {"representative", x.representative}});
    for (const std::string& a : p.relevant_agencies) agencies.push_back(a);
    std::map<std::string, std::string> names;
    for (const Group& g : p.groups) names[g.id] = g.name;
    for (const Group& g : p.groups) {
        List members;
        for (const std::string& m : g.members) members.push_back(m);
        groups.push_back(Record{{"id", "group-" + g.id}, {"name", g.name}, {"purpose", g.purpose}, {"meets", g.meets}, {"members", members},
                                {"reports_to", g.reports_to.empty() ? std::string() : names[g.reports_to]},
                                {"reports_to_href", g.reports_to.empty() ? std::string() : "#group-" + g.reports_to}});
    }
    for (const EscalationStep& s : p.escalation)
        steps.push_back(Record{{"days", s.from_day == s.to_day ? "Day " + std::to_string(s.from_day)
                                                                : "Days " + std::to_string(s.from_day) + " to " + std::to_string(s.to_day)},
                               {"who", s.who}, {"text", s.text}});
    for (auto it = site.content.reports.rbegin(); it != site.content.reports.rend(); ++it)
        reports.push_back(Record{{"title", it->title}, {"href", href_to(site, page, "reports/" + it->period)},
                                 {"published", it->published ? it->published->long_form() : std::string()}});
    // The groups as a diagram: each group a box, an arrow to the group it reports to.
    HtmlWriter w;
    if (!p.groups.empty()) {
        double box_w = 420, box_h = 56, gap = 40, x = 70;
        double height = double(p.groups.size()) * (box_h + gap);
        std::string description = "How the groups report to each other: ";
        for (const Group& g : p.groups)
            description += g.name + (g.reports_to.empty() ? " reports to no other group" : " reports to " + names[g.reports_to]) + "; ";
        w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"viewBox", "0 0 560 " + std::to_string(static_cast<int>(height))},
                       {"class", "app-chart__svg"}, {"role", "img"}, {"aria-labelledby", "groups-title groups-desc"}, {"font-family", "system-ui, sans-serif"}});
        w.element("title", "How the partnership's groups fit together", {{"id", "groups-title"}});
        w.element("desc", description, {{"id", "groups-desc"}});
        std::map<std::string, double> top_of;
        for (std::size_t i = 0; i < p.groups.size(); ++i) top_of[p.groups[i].id] = double(i) * (box_h + gap) + 4;
        for (std::size_t i = 0; i < p.groups.size(); ++i) {
            const Group& g = p.groups[i];
            double y = top_of[g.id];
            w.open("rect", {{"x", std::to_string(static_cast<int>(x))}, {"y", std::to_string(static_cast<int>(y))}, {"width", "420"}, {"height", "56"},
                            {"fill", "#ffffff"}, {"stroke", "#0b0c0c"}, {"stroke-width", "3"}, {"rx", "6"}})
                .close();
            w.element("text", g.name, {{"x", std::to_string(static_cast<int>(x + box_w / 2))}, {"y", std::to_string(static_cast<int>(y + 34))},
                                       {"text-anchor", "middle"}, {"font-size", "17"}, {"font-weight", "bold"}, {"fill", "#0b0c0c"}});
            if (auto parent = top_of.find(g.reports_to); parent != top_of.end()) {
                // Arrow from this box up (or down) to the one it reports to, drawn at the side.
                double from = y + box_h / 2, to = parent->second + box_h / 2;
                int side = static_cast<int>(x + box_w + 25);
                w.open("path", {{"d", "M" + std::to_string(static_cast<int>(x + box_w)) + " " + std::to_string(static_cast<int>(from)) + " H" +
                                          std::to_string(side) + " V" + std::to_string(static_cast<int>(to)) + " H" +
                                          std::to_string(static_cast<int>(x + box_w + 8))},
                                {"fill", "none"}, {"stroke", "#0b0c0c"}, {"stroke-width", "2"}})
                    .close();
                w.open("path", {{"d", "M" + std::to_string(static_cast<int>(x + box_w)) + " " + std::to_string(static_cast<int>(to)) + " l10 -6 v12 z"},
                                {"fill", "#0b0c0c"}})
                    .close();
            }
        }
    }
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/partnership";
    frame.exit_this_page = site.content.site.exit_this_page;
    frame.values = Record{{"summary", p.summary}, {"since", p.since ? p.since->long_form() : std::string()}, {"partners", partners},
                          {"agencies", agencies}, {"groups", groups}, {"diagram", w.finish()}, {"steps", steps},
                          {"scrutiny_by", p.scrutiny_by}, {"scrutiny", p.scrutiny}, {"funding", p.funding}, {"reports", reports},
                          {"description", "Who the safeguarding partners are, how their groups work together, and every yearly report."}};
    frame.contents = {{2, "The safeguarding partners", "partners"}, {2, "How the groups fit together", "groups"},
                      {2, "When professionals disagree", "escalation"}, {2, "Yearly reports", "reports"}};
    return frame;
}

PageFrame report_page(const SiteContext& site, const SitePage& page) {
    const Report& r = *find_report(site.content, page.key);
    MarkdownContext ctx = markdown_context_for(site, page.file);
    List contents, sections;
    int n = 0;
    auto part = [&](const std::string& id, const std::string& title) {
        ++n;
        contents.push_back(Record{{"number", std::to_string(n)}, {"title", title}, {"href", "#" + id}});
        return std::to_string(n);
    };
    for (const ReportSection& s : r.sections) {
        std::string number = part(s.id, s.title);
        sections.push_back(Record{{"number", number}, {"id", s.id}, {"title", s.title}, {"body", markdown(s.text, ctx)}});
    }
    Record numbers;
    List priorities;
    if (!r.priorities.empty()) {
        numbers["priorities"] = part("priorities", "Our priorities and how far we got");
        for (const Priority& p : r.priorities) {
            List evidence;
            for (const auto& e : p.evidence) evidence.push_back(e);
            Status st = status_of(p.status);
            priorities.push_back(Record{{"title", p.title}, {"status", std::string(st.label)}, {"symbol", std::string(st.symbol)},
                                        {"status_id", p.status}, {"evidence", evidence}});
        }
    }
    List figures;
    if (!r.figures.empty()) {
        numbers["figures"] = part("figures", "What the figures show");
        for (const Figure& f : r.figures) {
            std::vector<Bar> bars;
            List rows;
            for (const FigureValue& v : f.values) {
                bars.push_back({v.period, v.value, value_text(f, v.value)});
                rows.push_back(Record{{"period", v.period}, {"value", value_text(f, v.value)}});
            }
            List comparators;
            for (const Comparator& c : f.comparators)
                comparators.push_back(Record{{"name", c.name}, {"period", c.period}, {"value", c.text + (f.unit == "percent" && !c.per ? "%" : "")},
                                             {"per", c.per ? " per " + with_thousands(c.per) + " children" : std::string()}});
            const char* column = f.unit == "percent" ? "Percentage" : f.unit == "rate" ? "Per 10,000 children" : "Number";
            figures.push_back(Record{{"id", "figure-" + f.id}, {"label", f.label}, {"latest", value_text(f, f.values.back().value)},
                                     {"per", f.unit == "rate" ? std::string("per 10,000 children") : std::string()}, {"column", std::string(column)},
                                     {"latest_period", f.values.back().period}, {"change", change_words(f)},
                                     {"chart", bar_chart("chart-" + f.id, f.label, bars)}, {"rows", rows}, {"comparators", comparators}});
        }
    }
    List reviews;
    if (!r.reviews.empty()) {
        numbers["reviews"] = part("reviews", "Learning from reviews");
        for (const Review& v : r.reviews) {
            List learning, changes;
            for (const auto& l : v.learning) learning.push_back(l);
            for (const auto& c : v.changes) changes.push_back(c);
            auto kind = review_kinds().find(v.kind);
            reviews.push_back(Record{{"kind", kind == review_kinds().end() ? v.kind : kind->second}, {"count", std::to_string(v.count)},
                                     {"learning", learning}, {"changes", changes}});
        }
    }
    List asks;
    if (auto shown = shown_asks(site.content, r); !shown.empty()) {
        numbers["asks"] = part("asks", "What inspectors and reviews asked, and what we did");
        asks = ask_rows(site, page, r, shown, ctx);
    }
    List audits;
    if (!r.audits.empty()) {
        numbers["audits"] = part("audits", "What audits found");
        for (const Audit& a : r.audits) {
            List findings;
            for (const auto& f : a.findings) findings.push_back(f);
            audits.push_back(Record{{"theme", a.theme}, {"cases", a.cases >= 0 ? std::to_string(a.cases) : std::string()}, {"findings", findings}});
        }
    }
    List training;
    int sessions = 0, attended = 0;
    if (!r.training.empty()) {
        numbers["training"] = part("training", "Training");
        for (const Training& t : r.training) {
            training.push_back(Record{{"course", t.course}, {"sessions", t.sessions >= 0 ? number_text(t.sessions) : std::string()},
                                      {"attended", t.attended >= 0 ? number_text(t.attended) : std::string()}});
            sessions += std::max(0, t.sessions);
            attended += std::max(0, t.attended);
        }
    }
    Html voice, scrutiny;
    if (r.voice) {
        numbers["voice"] = part("voice", "What children and families told us");
        voice = markdown(*r.voice, ctx);
    }
    if (r.scrutiny) {
        numbers["scrutiny"] = part("scrutiny", "Independent scrutiny");
        scrutiny = markdown(*r.scrutiny, ctx);
    }
    List funding;
    double total = 0;
    for (const Contribution& c : r.funding) total += c.amount;
    if (!r.funding.empty()) {
        numbers["funding"] = part("funding", "Funding");
        for (const Contribution& c : r.funding) {
            char share[16];
            std::snprintf(share, sizeof share, "%.0f%%", total > 0 ? c.amount / total * 100.0 : 0.0);
            funding.push_back(Record{{"partner", c.partner}, {"amount", pounds(c.amount)}, {"share", std::string(share)}});
        }
    }
    for (const char* key : {"priorities", "figures", "reviews", "asks", "audits", "training", "voice", "scrutiny", "funding"}) numbers.emplace(key, std::string());
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/report";
    frame.exit_this_page = site.content.site.exit_this_page;
    frame.parents = {{"The partnership", "partnership.html"}};
    frame.crumb = "Report " + r.period;
    frame.values = Record{{"title", r.title}, {"period", "1 April " + std::to_string(r.start_year()) + " to 31 March " + std::to_string(r.start_year() + 1)}, {"published", r.published ? r.published->long_form() : std::string()},
                          {"contents_list", contents}, {"sections", sections}, {"n", numbers}, {"priorities", priorities}, {"figures", figures},
                          {"reviews", reviews}, {"asks", asks}, {"audits", audits}, {"training", training}, {"training_sessions", number_text(sessions)},
                          {"training_attended", number_text(attended)}, {"voice", voice}, {"scrutiny", scrutiny}, {"scrutiny_by", r.scrutiny_by},
                          {"funding", funding}, {"funding_total", pounds(total)},
                          {"children_href", href_to(site, page, "reports/" + r.period + "/children")},
                          {"description", r.title + ": what the partnership did, what difference it made, and what it learned."}};
    return frame;
}

PageFrame report_children_page(const SiteContext& site, const SitePage& page) {
    const Report& r = *find_report(site.content, page.key);
    MarkdownContext ctx = markdown_context_for(site, page.file);
    Html summary;
    if (r.children_summary) summary = render_markdown(r.children_summary->tree.get(), ctx).body;
    List priorities;
    for (const Priority& p : r.priorities) {
        Status st = status_of(p.status);
        priorities.push_back(Record{{"title", p.title}, {"status", std::string(st.label)}, {"symbol", std::string(st.symbol)}});
    }
    auto shown = shown_asks(site.content, r);
    List asks = ask_rows(site, page, r, shown, ctx);
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/report-children";
    frame.exit_this_page = site.content.site.exit_this_page;
    frame.parents = {{"The partnership", "partnership.html"}, {"Report " + r.period, "reports/" + r.period + "/index.html"}};
    frame.crumb = "For children and young people";
    frame.values = Record{{"period", period_words(r.period)}, {"summary", summary}, {"priorities", priorities},
                          {"asks", asks}, {"asks_in_words", shown.empty() ? std::string() : asks_in_words(shown)},
                          {"report_href", href_to(site, page, "reports/" + r.period)},
                          {"description", "What the safeguarding partnership did in " + period_words(r.period) + ", for children and young people."}};
    return frame;
}

}  // namespace safesite
