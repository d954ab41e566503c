#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "content/markdown_document.h"

#include <libxml/parser.h>

int main(int argc, char** argv) {
    xmlInitParser();
    safesite::prepare_markdown();
    doctest::Context context(argc, argv);
    return context.run();
}
