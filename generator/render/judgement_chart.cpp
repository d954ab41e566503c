#include "render/judgement_chart.h"

#include "support/concat.h"
#include "support/text.h"

#include <algorithm>

namespace safesite {

namespace {

constexpr double kWidth = 640, kHeight = 280;
constexpr double kLeft = 200, kRight = 40, kTop = 30, kBottom = 50;

// One shape per rank, so points differ without colour.
void marker(HtmlWriter& w, int rank, double x, double y) {
    switch (rank) {
        case 1:  // filled circle
        case 2:  // open circle
            w.open("circle", {{"cx", one_decimal(x)}, {"cy", one_decimal(y)}, {"r", "7"}, {"fill", rank == 1 ? "#0b0c0c" : "#ffffff"},
                              {"stroke", "#0b0c0c"}, {"stroke-width", "3"}})
                .close();
            return;
        case 3:
            w.open("rect", {{"x", one_decimal(x - 7)}, {"y", one_decimal(y - 7)}, {"width", "14"}, {"height", "14"}, {"fill", "#ffffff"},
                            {"stroke", "#0b0c0c"}, {"stroke-width", "3"}})
                .close();
            return;
        default:
            w.open("path", {{"d", concat("M", one_decimal(x), " ", one_decimal(y - 9), " L", one_decimal(x + 8), " ", one_decimal(y + 6), " L", one_decimal(x - 8), " ", one_decimal(y + 6), " Z")},
                            {"fill", "#0b0c0c"}, {"stroke", "#0b0c0c"}, {"stroke-width", "2"}})
                .close();
    }
}

}  // namespace

std::string rank_label(int rank) {
    switch (rank) {
        case 1: return "Outstanding";
        case 2: return "Good";
        case 3: return "Requires improvement or adequate";
        default: return "Inadequate";
    }
}

Html judgement_chart(const std::string& id, const std::string& title, const std::vector<ChartPoint>& points) {
    std::string description = "Overall judgement at each graded inspection, on a scale from 1 (outstanding, at the top) to 4 (inadequate): ";
    for (std::size_t i = 0; i < points.size(); ++i)
        description += (i ? "; " : "") + points[i].date.long_form() + ", " + points[i].label + " (" + std::to_string(points[i].rank) + ")";
    description += ".";

    HtmlWriter w;
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"viewBox", "0 0 640 280"}, {"class", "app-chart__svg"}, {"role", "img"}, {"font-family", "system-ui, sans-serif"},
                   {"aria-labelledby", id + "-title " + id + "-desc"}, {"focusable", "false"}});
    w.element("title", title, {{"id", id + "-title"}});
    w.element("desc", description, {{"id", id + "-desc"}});

    double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
    auto y_of = [&](int rank) { return kTop + (rank - 1) * plot_h / 3.0; };
    for (int rank = 1; rank <= 4; ++rank) {
        double y = y_of(rank);
        w.open("line", {{"x1", one_decimal(kLeft)}, {"x2", one_decimal(kWidth - kRight)}, {"y1", one_decimal(y)}, {"y2", one_decimal(y)}, {"stroke", "#b1b4b6"}, {"stroke-width", "1"}}).close();
        // A long label goes on two lines: "3 Requires improvement" above "or adequate".
        std::string label = std::to_string(rank) + " " + rank_label(rank);
        std::size_t split = label.find(" or ");
        w.open("text", {{"x", one_decimal(kLeft - 12)}, {"y", one_decimal(split == std::string::npos ? y + 5 : y - 3)}, {"text-anchor", "end"},
                        {"font-size", "14"}, {"fill", "#0b0c0c"}});
        if (split == std::string::npos) {
            w.text(label);
        } else {
            w.element("tspan", label.substr(0, split), {{"x", one_decimal(kLeft - 12)}});
            w.element("tspan", label.substr(split + 1), {{"x", one_decimal(kLeft - 12)}, {"dy", "16"}});
        }
        w.close();
    }
    if (points.empty()) return w.finish();

    long first = points.front().date.days_since_epoch(), last = points.back().date.days_since_epoch();
    // Pad the time axis by a year either side so points do not sit on the edge.
    first -= 365;
    last += 365;
    auto x_of = [&](const Date& d) { return kLeft + plot_w * double(d.days_since_epoch() - first) / double(std::max(1L, last - first)); };

    std::string line;
    for (const auto& p : points) {
        if (!line.empty()) line += ' ';
        line += concat(one_decimal(x_of(p.date)), ",", one_decimal(y_of(p.rank)));
    }
    if (points.size() > 1) w.open("polyline", {{"points", line}, {"fill", "none"}, {"stroke", "#0b0c0c"}, {"stroke-width", "3"}}).close();
    for (const auto& p : points) {
        double x = x_of(p.date), y = y_of(p.rank);
        marker(w, p.rank, x, y);
        w.element("text", std::to_string(p.date.year), {{"x", one_decimal(x)}, {"y", one_decimal(kHeight - kBottom + 28)}, {"text-anchor", "middle"}, {"font-size", "14"}, {"fill", "#0b0c0c"}});
        // Labels sit above a point, or below it on the top line.
        double ly = p.rank == 1 ? y + 24 : y - 14;
        w.element("text", p.label, {{"x", one_decimal(x)}, {"y", one_decimal(ly)}, {"text-anchor", "middle"}, {"font-size", "13"}, {"font-weight", "bold"}, {"fill", "#0b0c0c"}});
    }
    return w.finish();
}

}  // namespace safesite
