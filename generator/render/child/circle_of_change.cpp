#include "render/child/circle_of_change.h"

#include "support/concat.h"
#include "support/text.h"

#include <cmath>

namespace safesite {

namespace {

constexpr double kCentre = 300, kInner = 85, kMiddle = 195, kOuter = 290;
constexpr double kPi = 3.14159265358979323846;

// A ring sector from angle a to b (degrees, 0 at the top, clockwise).
std::string sector(double a, double b, double r1, double r2) {
    auto pt = [](double r, double deg) {
        double rad = (deg - 90) * kPi / 180;
        return concat(one_decimal(kCentre + r * std::cos(rad)), " ", one_decimal(kCentre + r * std::sin(rad)));
    };
    std::string large = (b - a) > 180 ? "1" : "0";
    return concat("M", pt(r2, a), " A", one_decimal(r2), " ", one_decimal(r2), " 0 ", large, " 1 ", pt(r2, b), " L", pt(r1, b), " A", one_decimal(r1), " ",
                  one_decimal(r1), " 0 ", large, " 0 ", pt(r1, a), " Z");
}

void label(HtmlWriter& w, double deg, double r, const std::string& line1, const std::string& line2, bool bold) {
    double rad = (deg - 90) * kPi / 180;
    double x = kCentre + r * std::cos(rad), y = kCentre + r * std::sin(rad);
    w.open("text", {{"x", one_decimal(x)}, {"y", one_decimal(line2.empty() ? y + 6 : y - 4)}, {"text-anchor", "middle"}, {"font-size", bold ? "19" : "16"},
                    {"font-weight", bold ? "bold" : "normal"}, {"fill", "#0b0c0c"}});
    w.element("tspan", line1, {{"x", one_decimal(x)}});
    if (!line2.empty()) w.element("tspan", line2, {{"x", one_decimal(x)}, {"dy", "22"}});
    w.close();
}

}  // namespace

Html circle_of_change_svg(const CircleOfChange& c) {
    HtmlWriter w;
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"viewBox", "-80 0 760 600"}, {"class", "circle"}, {"role", "img"},
                   {"aria-labelledby", "circle-title circle-desc"}, {"font-family", "system-ui, sans-serif"}});
    w.element("title", "Your Circle of Change", {{"id", "circle-title"}});
    w.element("desc", c.description, {{"id", "circle-desc"}});
    // Three parts around the child, each a different shade and pattern of
    // line, so they stay apart in greyscale and print.
    struct Part {
        double from, to;
        const char* fill;
        const char* dash;
        std::string title, count;
    };
    Part parts[] = {
        {0, 120, "#e2f1e8", "", "Going well", std::to_string(c.working_well) + (c.working_well == 1 ? " thing" : " things")},
        {120, 240, "#fbe9d4", "8 4", "Worries", std::to_string(c.worries) + (c.worries == 1 ? " worry" : " worries")},
        {240, 360, "#e1ecf7", "2 4", "What needs", "to happen"},
    };
    for (const Part& p : parts) {
        w.open("path", {{"d", sector(p.from, p.to, kInner, kMiddle)}, {"fill", p.fill}, {"stroke", "#0b0c0c"}, {"stroke-width", "2"},
                        {"stroke-dasharray", p.dash}})
            .close();
        label(w, (p.from + p.to) / 2, (kInner + kMiddle) / 2, p.title, p.count, true);
    }
    // The people who help, around the outside.
    w.open("circle", {{"cx", one_decimal(kCentre)}, {"cy", one_decimal(kCentre)}, {"r", one_decimal(kOuter)}, {"fill", "none"}, {"stroke", "#505a5f"}, {"stroke-width", "2"}}).close();
    std::size_t shown = std::min<std::size_t>(c.helpers.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) {
        double deg = 360.0 * double(i) / double(shown) + 22.5;
        std::string text = c.helpers[i];
        if (i + 1 == shown && c.helpers.size() > shown) text = "and " + std::to_string(c.helpers.size() - shown + 1) + " more";
        std::string second;
        if (std::size_t paren = text.find(" ("); paren != std::string::npos) {
            second = text.substr(paren + 1);
            text = text.substr(0, paren);
        }
        label(w, deg, (kMiddle + kOuter) / 2, text, second, false);
    }
    // The child at the centre.
    w.open("circle", {{"cx", one_decimal(kCentre)}, {"cy", one_decimal(kCentre)}, {"r", one_decimal(kInner)}, {"fill", "#ffffff"}, {"stroke", "#0b0c0c"}, {"stroke-width", "4"}}).close();
    label(w, 0, 0, c.name, "at the centre", true);
    return w.finish();
}

}  // namespace safesite
