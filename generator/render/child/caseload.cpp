#include "render/child/caseload.h"

#include <algorithm>

namespace safesite {

const std::vector<CaseloadKind>& caseload_kinds() {
    // The order is the order of urgency: a conference or an assessment that is
    // late is a child waiting for protection; then reviews; then drift.
    static const std::vector<CaseloadKind> kinds = {
        {"conference-over-15-working-days", "Late conference", "Initial conferences more than 15 working days after the enquiry began"},
        {"assessment-over-45-working-days", "Late assessment", "Assessments taking more than 45 working days"},
        {"cp-review-late", "Late protection review", "Child protection reviews held late"},
        {"cla-review-late", "Late looked-after review", "Looked-after reviews held late"},
        {"cp-plan-over-two-years", "Plan of 2 years or more", "Child protection plans open two years or more"},
        {"repeat-cp-plan", "Repeat plan", "Child protection plans starting within two years of an earlier one"},
        {"placement-moves-in-year", "3 or more placements in 12 months", "Three or more placements starting in 12 months"},
    };
    return kinds;
}

namespace {

const FindingKind* kind_of(const ChildSummary& c, std::string_view code) {
    for (const FindingKind& k : c.kinds)
        if (k.code == code) return &k;
    return nullptr;
}

int count_of(const ChildSummary& c, std::string_view code) {
    const FindingKind* k = kind_of(c, code);
    return k ? k->count : 0;
}

int other_findings(const ChildSummary& c) {
    int other = c.findings;
    for (const CaseloadKind& k : caseload_kinds()) other -= count_of(c, k.code);
    return other;
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

struct Listing {
    std::string stem;     // "caseload" or "caseload-<code>"
    std::string heading;  // the page's h1
    std::string_view code;  // empty for every child
    std::vector<const ChildSummary*> children;
};

std::string page_file(const std::string& stem, std::size_t page) {
    return page == 0 ? stem + ".html" : stem + "-" + std::to_string(page + 1) + ".html";
}

Record row(const ChildSummary& c) {
    std::string chronology = c.id + "/chronology.html";
    List cells;
    for (const CaseloadKind& k : caseload_kinds()) {
        const FindingKind* found = kind_of(c, k.code);
        // Each count links to the first entry it was found on.
        cells.push_back(Record{{"count", std::to_string(found ? found->count : 0)},
                               {"href", found ? chronology + "#entry-" + std::to_string(found->line) : std::string()},
                               {"what", std::string(k.column)}});
    }
    int other = other_findings(c);
    return Record{{"name", c.name},
                  {"status", c.status},
                  {"href", chronology},
                  {"cells", cells},
                  {"other", std::to_string(other)},
                  {"other_href", other > 0 ? chronology + "#findings" : std::string()}};
}

}  // namespace

std::vector<const ChildSummary*> most_urgent_first(const std::vector<ChildSummary>& children) {
    struct Keyed {
        std::vector<int> key;
        const ChildSummary* child;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(children.size());
    for (const ChildSummary& c : children) {
        Keyed k{{}, &c};
        for (const CaseloadKind& kind : caseload_kinds()) k.key.push_back(count_of(c, kind.code));
        k.key.push_back(other_findings(c));
        keyed.push_back(std::move(k));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key > b.key; });
    std::vector<const ChildSummary*> out;
    out.reserve(keyed.size());
    for (const Keyed& k : keyed) out.push_back(k.child);
    return out;
}

bool render_caseload(const RestrictedContext& context, const std::vector<ChildSummary>& children, const WriteFile& write, Diagnostics& diags,
                     int* pages) {
    std::vector<const ChildSummary*> ordered = most_urgent_first(children);
    std::vector<Listing> listings{{"caseload", "Caseload: every child's findings", {}, ordered}};
    List filters;
    filters.push_back(Record{{"label", std::string("Every child")}, {"count", plural(ordered.size(), "child", "children")}, {"stem", std::string("caseload")},
                             {"href", std::string("caseload.html")}});
    for (const CaseloadKind& k : caseload_kinds()) {
        Listing l{"caseload-" + std::string(k.code), std::string(k.title), k.code, {}};
        for (const ChildSummary* c : ordered)
            if (count_of(*c, k.code) > 0) l.children.push_back(c);
        // Most of this kind first; among equals, the overall order.
        std::stable_sort(l.children.begin(), l.children.end(),
                         [&](const ChildSummary* a, const ChildSummary* b) { return count_of(*a, k.code) > count_of(*b, k.code); });
        filters.push_back(Record{{"label", std::string(k.title)},
                                 {"count", plural(l.children.size(), "child", "children")},
                                 {"stem", l.stem},
                                 {"href", l.children.empty() ? std::string() : l.stem + ".html"}});
        if (!l.children.empty()) listings.push_back(std::move(l));
    }
    List headings;
    for (const CaseloadKind& k : caseload_kinds()) headings.push_back(std::string(k.column));
    for (const Listing& l : listings) {
        std::size_t page_count = std::max<std::size_t>(1, (l.children.size() + kCaseloadPerPage - 1) / kCaseloadPerPage);
        List shown_filters;
        for (const Value& f : filters) {
            Record r = f.record();
            r.insert_or_assign("current", r.at("stem").text() == l.stem);
            shown_filters.push_back(r);
        }
        for (std::size_t page = 0; page < page_count; ++page) {
            std::size_t from = page * kCaseloadPerPage, to = std::min(l.children.size(), from + kCaseloadPerPage);
            List rows;
            for (std::size_t i = from; i < to; ++i) rows.push_back(row(*l.children[i]));
            std::string where = page_count == 1 ? std::string() : "page " + std::to_string(page + 1) + " of " + std::to_string(page_count);
            Record values{{"heading", l.heading},
                          {"filters", shown_filters},
                          {"headings", headings},
                          {"rows", rows},
                          {"total", plural(l.children.size(), "child", "children")},
                          {"showing", l.children.empty() ? std::string() : std::to_string(from + 1) + " to " + std::to_string(to)},
                          {"where", where},
                          {"previous", page > 0 ? page_file(l.stem, page - 1) : std::string()},
                          {"next", page + 1 < page_count ? page_file(l.stem, page + 1) : std::string()}};
            std::string title = l.heading + (where.empty() ? std::string() : ", " + where);
            if (!write_restricted_page(context, page_file(l.stem, page), title, "restricted/caseload", std::move(values), write, diags, pages))
                return false;
        }
    }
    return true;
}

}  // namespace safesite
