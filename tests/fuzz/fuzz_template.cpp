// libFuzzer: any bytes as a template. If it parses, it is rendered with
// hostile values; the output must never carry the hostile markup unescaped.
#include "render/template_set.h"

#include <cstdlib>
#include <string>

using namespace safesite;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string source(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    auto t = Template::parse("t", "templates/t.html", source, diags);
    if (!t) return 0;
    static const Value values = Record{
        {"x", "<script>alert(1)</script>"}, {"u", "javascript:alert(1)"}, {"list", List{Record{{"x", "\"><img src=x onerror=alert(1)>"}}, Value(true)}},
        {"yes", true}, {"no", false}, {"rec", Record{{"x", "'><svg onload=alert(1)>"}}}};
    TemplateSet set;
    set.add(*t);
    auto html = t->render(values, set, diags);
    if (!html) return 0;
    const std::string& out = html->markup();
    // Hostile values appear only escaped: a marker in the output that the
    // template's own text does not hold came from a value, unescaped.
    for (const char* marker : {"<script>alert(1)", "onerror=alert", "href=\"javascript:", "<svg onload"})
        if (out.find(marker) != std::string::npos && source.find(marker) == std::string::npos) std::abort();
    return 0;
}
