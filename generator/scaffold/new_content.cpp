#include "scaffold/new_content.h"

#include "support/escape.h"

#include <array>
#include <cctype>

namespace safesite {

namespace {

// Fills ${key} in a starting text. Values are escaped for XML: a title
// with "&" in it must not break the file it is written into.
std::string filled(std::string_view scaffold, const std::vector<std::pair<std::string, std::string>>& values, bool xml) {
    std::string out(scaffold);
    for (const auto& [key, value] : values) {
        std::string token = "${" + key + "}";
        std::string text = xml ? escape_attribute(value) : value;
        for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at + text.size()))
            out.replace(at, token.size(), text);
    }
    return out;
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 80 || !std::isalnum(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-')) return false;
    return true;
}

// "how-to-report" gives "How to report".
std::string title_from_slug(std::string_view slug) {
    std::string t(slug);
    for (char& c : t)
        if (c == '-') c = ' ';
    if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    return t;
}

}  // namespace

bool parse_new_kind(std::string_view word, NewKind& kind) {
    static constexpr std::array<std::pair<std::string_view, NewKind>, 6> kKinds = {{
        {"site", NewKind::site}, {"page", NewKind::page}, {"child", NewKind::child},
        {"report", NewKind::report}, {"inspection", NewKind::inspection}, {"offer", NewKind::offer},
    }};
    for (const auto& [name, k] : kKinds)
        if (word == name) {
            kind = k;
            return true;
        }
    return false;
}

NewFiles new_content_files(NewKind kind, const std::string& name, Date today, const std::string& framework) {
    NewFiles r;
    std::vector<std::pair<std::string, std::string>> values = {{"today", today.iso()}};
    auto add = [&](std::string path, std::string_view scaffold) {
        bool xml = path.ends_with(".xml");
        r.files.emplace_back(std::move(path), filled(built_in_scaffold(scaffold), values, xml));
    };
    switch (kind) {
    case NewKind::site: {
        std::string title = name.empty() ? "Our Safeguarding Partnership" : name;
        values.insert(values.end(), {{"title", title}, {"authority", "Our area"}});
        add("site.xml", "site.xml");
        add("glossary.xml", "glossary.xml");
        add("pages/about.md", "about.md");
        break;
    }
    case NewKind::page: {
        // A page in a section is written with its folder: practitioners/training.
        std::string_view rest = name;
        bool ok = !rest.empty();
        while (ok && !rest.empty()) {
            std::size_t slash = rest.find('/');
            ok = is_slug(rest.substr(0, slash));
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        }
        if (!ok) {
            r.error = "a page's name is its file name: lower-case letters, digits and hyphens, e.g. how-to-report"
                      " (or practitioners/training for a page in a section), not '" + name + "'";
            return r;
        }
        values.emplace_back("title", title_from_slug(name.substr(name.rfind('/') + 1)));
        add("pages/" + name + ".md", "page.md");
        break;
    }
    case NewKind::child:
        if (!is_slug(name)) {
            r.error = "a child's id is lower-case letters, digits and hyphens, e.g. c-1042, not '" + name + "'";
            return r;
        }
        values.emplace_back("id", name);
        add("children/" + name + "/child.xml", "child.xml");
        break;
    case NewKind::report: {
        // 2024-25: the second year must follow the first.
        bool ok = name.size() == 7 && name[4] == '-';
        for (std::size_t i : {0, 1, 2, 3, 5, 6}) ok = ok && std::isdigit(static_cast<unsigned char>(name[i]));
        int first = ok ? std::stoi(name.substr(0, 4)) : 0;
        ok = ok && std::stoi(name.substr(5, 2)) == (first + 1) % 100;
        if (!ok) {
            r.error = "a report's name is its period, the years it covers from April to March, e.g. 2024-25, not '" + name + "'";
            return r;
        }
        values.insert(values.end(), {{"period", name}, {"first_year", std::to_string(first)}, {"last_year", std::to_string(first + 1)}});
        add("reports/" + name + "/report.xml", "report.xml");
        add("reports/" + name + "/foreword.md", "foreword.md");
        break;
    }
    case NewKind::inspection: {
        if (!is_slug(name)) {
            r.error = "an inspection's id is the authority and year in lower case, e.g. warrington-2025, not '" + name + "'";
            return r;
        }
        // What each kind of practice review is called, and who makes it.
        static const std::vector<std::array<std::string_view, 3>> kReviews = {
            {"lcspr", "Local child safeguarding practice review", "The safeguarding partners, with an independent reviewer"},
            {"rapid-review", "Rapid review", "The safeguarding partners"},
            {"national-review", "National review", "The Child Safeguarding Practice Review Panel"}};
        if (framework.empty() || framework == "ilacs-2018") {
            values.insert(values.end(), {{"id", name}, {"authority", title_from_slug(name.substr(0, name.rfind('-')))}});
            add("inspections/" + name + ".xml", "inspection.xml");
            break;
        }
        for (const auto& [id, title, by] : kReviews)
            if (framework == id) {
                // A national review is asked of every area: its authority is England.
                std::string authority = framework == "national-review" ? "England" : title_from_slug(name.substr(0, name.find('-')));
                values.insert(values.end(), {{"id", name}, {"authority", authority}, {"framework", framework},
                                             {"title", std::string(title)}, {"inspectorate", std::string(by)}});
                add("inspections/" + name + ".xml", "review.xml");
                return r;
            }
        r.error = "--framework makes a practice review: lcspr, rapid-review or national-review, not '" + framework +
                  "'; for an Ofsted report, use safesite import ofsted REPORT.pdf";
        return r;
    }
    case NewKind::offer:
        values.emplace_back("authority", name.empty() ? "Our area" : name);
        add("local-offer/offer.xml", "offer.xml");
        break;
    }
    return r;
}

std::string write_new_files(FileSystem& fs, const std::string& folder, const NewFiles& files) {
    for (const auto& [path, text] : files.files)
        if (fs.exists(join_path(folder, path)))
            return join_path(folder, path) + " already exists; safesite new never overwrites a file. Choose another name, or edit that file";
    for (const auto& [path, text] : files.files) {
        std::string full = join_path(folder, path), err;
        std::string parent = full.substr(0, full.rfind('/'));
        if (!fs.make_directories(parent, &err) || !fs.write(full, text, &err)) return "cannot write " + full + ": " + err;
    }
    return {};
}

std::string copy_theme(FileSystem& fs, const std::string& from, const std::string& to) {
    if (!fs.is_directory(from)) return "the default theme is not at " + from + "; is safesite installed?";
    std::string err;
    if (!fs.make_directories(to, &err)) return "cannot make " + to + ": " + err;
    for (const DirectoryEntry& e : fs.list(from)) {
        std::string source = join_path(from, e.name), target = join_path(to, e.name);
        if (e.is_symlink) continue;  // a theme is files and folders; a link could point anywhere
        if (e.is_directory) {
            if (std::string problem = copy_theme(fs, source, target); !problem.empty()) return problem;
            continue;
        }
        auto bytes = fs.read(source, &err);
        if (!bytes || !fs.write(target, *bytes, &err)) return "cannot copy " + source + ": " + err;
    }
    return {};
}

}  // namespace safesite
