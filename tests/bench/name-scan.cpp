// The leak guard's name scan alone: NameAutomaton::find over every HTML file
// of a built site, with the names the leak guard searches for (LeakGuard::add:
// each child's id, name, preferred name, network's and workers' names).
//
// Usage: safesite_name_scan CONTENT SITE [EXTRA_CHILDREN] [ROUNDS]
// EXTRA_CHILDREN (default 0) adds that many made-up children of 8 names each,
// for a council's scale. Prints the names, the automaton's states and bytes,
// the page bytes scanned, the best round's time and MB/s, and the pages in
// which a name was found (0 on a safe site; the same before and after a change;
// PEEK=1 prints each name found).
// For figures that do not depend on the machine's load, run it under
//   valgrind --tool=callgrind --toggle-collect='safesite::NameAutomaton::find*'
#include "analysis/name_automaton.h"
#include "content/child_loader.h"
#include "content/content_folder.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace safesite;

namespace {

// Made-up, pronounceable names: no real child's.
std::string made_up(std::mt19937& rng) {
    static const char* const parts[] = {"ka", "lo", "mi", "an", "el", "ri", "jo", "sa", "ton", "bel", "ar", "is", "nu", "da", "wyn", "tha",
                                        "or", "fay", "lix", "mar", "co", "ben", "ash", "ley", "ru", "pim", "ty", "gra", "ham", "vi", "sto", "nel"};
    std::string n;
    for (std::size_t k = 0, parts_n = 2 + rng() % 2; k < parts_n; ++k) n += parts[rng() % std::size(parts)];
    n[0] = static_cast<char>(n[0] - 'a' + 'A');
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CONTENT SITE [EXTRA_CHILDREN] [ROUNDS]\n", argv[0]);
        return 2;
    }
    const long extra = argc > 3 ? std::stol(argv[3]) : 0;
    const int rounds = argc > 4 ? std::stoi(argv[4]) : 3;

    NameAutomaton names;
    std::uint32_t id = 0;
    std::vector<std::string> all;
    auto add = [&](const std::string& name) {
        names.add(NameAutomaton::normal(name), id++);
        all.push_back(name);
    };
    DiskFileSystem fs;
    ContentFolder folder(fs, argv[1]);
    Diagnostics diags;
    for_each_child(folder, diags, [&](Child&& c) {
        add(c.id);
        add(c.name);
        add(c.preferred);
        for (const auto& p : c.network) add(p.name);
        for (const auto& w : c.workers) add(w.name);
    });
    std::mt19937 rng(15);
    for (long c = 0; c < extra; ++c) {
        std::string surname = made_up(rng), first = made_up(rng);
        add("c-" + std::to_string(900000 + c));
        add(first + " " + surname);
        add(first);
        for (int k = 0; k < 5; ++k) add(made_up(rng) + " " + (k < 3 ? surname : made_up(rng)));
    }
    names.build();

    std::vector<std::string> pages;
    std::size_t total = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[2])) {
        if (!e.is_regular_file() || e.path().extension() != ".html") continue;
        if (auto text = fs.read(e.path().string(), nullptr)) {
            total += text->size();
            pages.push_back(std::move(*text));
        }
    }

    double best = 1e300;
    std::size_t found = 0;
    for (int r = 0; r < rounds; ++r) {
        found = 0;
        auto start = std::chrono::steady_clock::now();
        for (const std::string& p : pages) {
            auto m = names.find(p);
            if (m && std::getenv("PEEK")) std::printf("%s\n", all[m->id].c_str());
            found += m.has_value();
        }
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("names %u  states %zu  automaton bytes %zu\n", id, names.states(), names.bytes());
    std::printf("pages %zu  bytes %zu  best of %d: %.3f s  %.0f MB/s  pages with a name %zu\n", pages.size(), total, rounds, best,
                static_cast<double>(total) / 1e6 / best, found);
}
