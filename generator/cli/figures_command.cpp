#include "cli/figures_command.h"

#include "analysis/return_figures.h"
#include "importers/cin_census.h"
#include "importers/ssda903.h"
#include "render/figure_elements.h"

#include <charconv>

namespace safesite {

const char* const kFiguresHelp = R"(safesite figures: the year's standard measures from the statutory returns, as
<figure> elements for a yearly report.

Usage: safesite figures cin FILE.xml --period YYYY-YY [--903 DIR] [--population N]

  --period YYYY-YY   the year, April to March (2023-24 is 1 April 2023 to 31 March 2024)
  --903 DIR          also the SSDA903 files (header.csv, episodes.csv, oc3.csv ...)
                     in DIR: children looked after, placement moves, care leavers
  --population N     the number of children under 18 in the area: adds rates
                     per 10,000 children

The figures go to standard output, each with the Department for Education's
id, a label, its unit (count, percent or rate) and which way is better;
problems in the files go to standard error. The definitions are in the
manual, docs/figures.md. Exit status: 0 when the
figures were written, 1 when a file cannot be read, 2 when the command line
is wrong.
)";

namespace {

bool valid_period(const std::string& p) {
    if (p.size() != 7 || p[4] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (p[i] < '0' || p[i] > '9') return false;
    int start = std::stoi(p.substr(0, 4)), end = std::stoi(p.substr(5, 2));
    return (start + 1) % 100 == end;
}

}  // namespace

std::optional<std::string> parse_figures_arguments(const std::vector<std::string>& args, FiguresRequest& into) {
    if (args.empty()) return "figures needs a return: safesite figures cin FILE.xml --period YYYY-YY";
    if (args[0] != "cin") return "safesite makes figures from 'cin' (the Children in Need census), not '" + args[0] + "'";
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size() || args[i + 1].empty()) return std::nullopt;
            return args[++i];
        };
        if (a == "--period" || a == "--903" || a == "--population") {
            auto v = value();
            if (!v) return a + " needs a value";
            if (a == "--period") {
                if (!valid_period(*v)) return "--period wants a year from April to March as YYYY-YY, e.g. 2023-24, not '" + *v + "'";
                into.period = *v;
            } else if (a == "--903") {
                into.lac_dir = *v;
            } else {
                long n = 0;
                auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
                if (ec != std::errc() || end != v->data() + v->size() || n < 1)
                    return "--population wants the number of children under 18, a whole number above 0, not '" + *v + "'";
                into.population = n;
            }
        } else if (a.starts_with("-")) {
            return "unknown option '" + a + "' for figures";
        } else if (into.cin_file.empty()) {
            into.cin_file = a;
        } else {
            return "figures reads one census file at a time";
        }
    }
    if (into.cin_file.empty()) return "figures cin needs the census file: safesite figures cin FILE.xml --period YYYY-YY";
    if (into.period.empty()) return "figures needs --period YYYY-YY, the year to count";
    return std::nullopt;
}

FiguresOutput make_figures(FileSystem& fs, const FiguresRequest& request) {
    FiguresOutput out;
    // The census is counted as it is read, a child at a time: the figures of
    // 20,000 children take the memory of one.
    std::optional<ChildrenInNeedTally> tally;
    CinHeader header;
    read_cin_census_stream(
        fs, request.cin_file, out.diags,
        [&](const CinHeader& h, CinChild&& child) {
            if (!tally) tally.emplace(request.period, h.reference_date, request.cin_file, out.diags);
            tally->add(child);
            return true;
        },
        &header);
    if (!tally) tally.emplace(request.period, header.reference_date, request.cin_file, out.diags);
    std::vector<ReturnFigure> figures = tally->figures();
    std::string sources = request.cin_file + " (the Children in Need census)";
    if (!request.lac_dir.empty()) {
        LookedAfterReturn lac = read_ssda903(fs, request.lac_dir, out.diags);
        std::vector<ReturnFigure> more = looked_after_figures(lac, request.period, out.diags);
        figures.insert(figures.end(), more.begin(), more.end());
        sources += " and the SSDA903 tables in " + request.lac_dir;
    }
    if (request.population > 0) {
        std::vector<ReturnFigure> rates = rates_per_10000(figures, request.population);
        figures.insert(figures.end(), rates.begin(), rates.end());
    }
    if (!out.diags.has_errors()) out.xml = figure_elements(figures, request.period, sources);
    return out;
}

}  // namespace safesite
