// The least a generator must do with the benchmark's pages: read each page,
// parse it with cmark-gfm (the extensions and options safesite uses), render
// cmark-gfm's own HTML and write it to a file of its own, on every core.
// No layout, no checks, no search index, no leak guard. tests/bench/run
// times it beside safesite, so the distance to the floor includes the cost
// of writing ten thousand files that the one-pass floor (cmark-gfm over the
// pages joined into one text) leaves out.
//
// Usage: safesite_floor PAGES_DIR OUT_DIR [JOBS]   (default: one per core)
#include "content/markdown_document.h"
#include "support/parallel.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool read_file(const std::string& path, std::string& into) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool ok = ::fstat(fd, &st) == 0;
    into.resize(ok ? static_cast<std::size_t>(st.st_size) : 0);
    std::size_t got = 0;
    while (ok && got < into.size()) {
        ssize_t n = ::read(fd, into.data() + got, into.size() - got);
        ok = n > 0;
        if (ok) got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return ok;
}

bool write_file(const std::string& path, const char* data, std::size_t size) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    bool ok = true;
    for (std::size_t put = 0; ok && put < size;) {
        ssize_t n = ::write(fd, data + put, size - put);
        ok = n > 0;
        if (ok) put += static_cast<std::size_t>(n);
    }
    return ::close(fd) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: safesite_floor PAGES_DIR OUT_DIR [JOBS]\n");
        return 2;
    }
    const std::string pages = argv[1], out = argv[2];
    const unsigned jobs = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : safesite::default_jobs();
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(pages))
        if (e.path().extension() == ".md") names.push_back(e.path().filename().string());
    std::filesystem::create_directories(out);
    safesite::prepare_markdown();  // registers the extensions, and makes parsing on several threads safe
    static constexpr std::array<const char*, 5> kExtensions = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    std::vector<char> failed(names.size(), 0);
    safesite::parallel_for(names.size(), jobs, [&](std::size_t i) {
        std::string text;
        if (!read_file(pages + "/" + names[i], text)) {
            failed[i] = 1;
            return;
        }
        const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART;
        cmark_parser* parser = cmark_parser_new(options);
        for (const char* name : kExtensions)
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
        cmark_parser_feed(parser, text.data(), text.size());
        cmark_node* doc = cmark_parser_finish(parser);
        char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
        std::string name = names[i].substr(0, names[i].size() - 3) + ".html";
        if (!write_file(out + "/" + name, html, std::strlen(html))) failed[i] = 1;
        free(html);
        cmark_node_free(doc);
        cmark_parser_free(parser);
    });
    std::size_t bad = 0;
    for (char f : failed) bad += static_cast<std::size_t>(f);
    std::printf("%zu pages, %zu failed\n", names.size(), bad);
    return bad == 0 ? 0 : 1;
}
