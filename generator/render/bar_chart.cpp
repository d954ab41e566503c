#include "render/bar_chart.h"

#include "support/text.h"

#include <algorithm>

namespace safesite {

Html bar_chart(const std::string& id, const std::string& title, const std::vector<Bar>& bars) {
    constexpr double width = 560, label_width = 90, value_room = 90, bar_height = 28, gap = 14, top = 10;
    double height = top * 2 + double(bars.size()) * (bar_height + gap);
    double largest = 0;
    for (const Bar& b : bars) largest = std::max(largest, b.value);
    std::string description = title + ": ";
    for (std::size_t i = 0; i < bars.size(); ++i) description += (i ? "; " : "") + bars[i].label + ", " + bars[i].value_text;
    description += ".";

    HtmlWriter w;
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"viewBox", "0 0 560 " + one_decimal(height)}, {"class", "app-chart__svg"}, {"role", "img"},
                   {"aria-labelledby", id + "-title " + id + "-desc"}, {"font-family", "system-ui, sans-serif"}});
    w.element("title", title, {{"id", id + "-title"}});
    w.element("desc", description, {{"id", id + "-desc"}});
    double plot = width - label_width - value_room;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        double y = top + double(i) * (bar_height + gap);
        double length = largest > 0 ? plot * bars[i].value / largest : 0;
        w.element("text", bars[i].label, {{"x", one_decimal(label_width - 10)}, {"y", one_decimal(y + bar_height * 0.7)}, {"text-anchor", "end"}, {"font-size", "15"}, {"fill", "#0b0c0c"}});
        w.open("rect", {{"x", one_decimal(label_width)}, {"y", one_decimal(y)}, {"width", one_decimal(std::max(length, 1.0))}, {"height", one_decimal(bar_height)}, {"fill", "#0b0c0c"}}).close();
        w.element("text", bars[i].value_text, {{"x", one_decimal(label_width + length + 8)}, {"y", one_decimal(y + bar_height * 0.7)}, {"font-size", "15"}, {"font-weight", "bold"}, {"fill", "#0b0c0c"}});
    }
    return w.finish();
}

}  // namespace safesite
