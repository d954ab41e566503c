// libFuzzer: any bytes as a child's record, through the XML parser, the
// schema, the loader and every practice check. Must never crash or hang.
#include "analysis/abbreviations.h"
#include "analysis/practice_checks.h"
#include "content/markdown_document.h"
#include "content/site_loader.h"
#include "support/memory_file_system.h"

#include <libxml/parser.h>

using namespace safesite;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    xmlInitParser();
    prepare_markdown();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemoryFileSystem fs;
    fs.add_file("content/site.xml", R"(<site lang="en-GB"><name>N</name><authority code="E06000007">A</authority>
<base-url>https://x.example/</base-url><contact email="a@b.cd"/>
<accessibility reviewed="2026-01-01" compliance="full"><contact email="a@b.cd"/></accessibility></site>)");
    fs.add_file("content/children/c-1/child.xml", std::string(reinterpret_cast<const char*>(data), size));
    fs.add_file("templates/.keep", "");
    Diagnostics diags;
    Content content = load_content(fs, "content", "templates", diags);
    AbbreviationIndex index(content.glossary);
    for (const Child& c : content.children) {
        Diagnostics findings = check_child(c, index, content.site.thresholds, Date{2026, 11, 22});
        for (const auto& d : findings.items()) (void)format_diagnostic(d);
    }
    for (const auto& d : diags.items()) (void)format_diagnostic(d);
    return 0;
}
