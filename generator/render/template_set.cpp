#include "render/template_set.h"

namespace safesite {

namespace {

void collect(FileSystem& fs, const std::string& dir, const std::string& prefix, std::vector<std::string>& names) {
    for (const auto& e : fs.list(dir)) {
        if (e.is_symlink) continue;  // a theme is plain files; nothing may point outside it
        std::string rel = prefix.empty() ? e.name : prefix + "/" + e.name;
        if (e.is_directory) collect(fs, join_path(dir, e.name), rel, names);
        else if ((rel.size() > 5 && rel.ends_with(".html")) || (rel.size() > 4 && rel.ends_with(".css") && !rel.starts_with("assets/")))
            names.push_back(rel);
    }
}

}  // namespace

std::optional<TemplateSet> TemplateSet::load(FileSystem& fs, const std::string& dir, const std::string& display_dir, Diagnostics& diags) {
    TemplateSet set;
    set.folder_ = dir;
    if (!fs.is_directory(dir)) {
        diags.error({display_dir, 0, 0}, "the templates folder does not exist", "pass --templates DIR, or run from the project folder");
        return std::nullopt;
    }
    std::vector<std::string> names;
    collect(fs, dir, "", names);
    int before = diags.error_count();
    for (const auto& rel : names) {
        std::string err;
        auto source = fs.read(join_path(dir, rel), &err);
        std::string shown = join_path(display_dir, rel);
        if (!source) {
            diags.error({shown, 0, 0}, "cannot read the template: " + err);
            continue;
        }
        // A stylesheet is included whole, as a named .css partial, inside <style>.
        auto t = rel.ends_with(".css") ? Template::stylesheet(rel, shown, *source, diags)
                                       : Template::parse(rel.substr(0, rel.size() - 5), shown, *source, diags);
        if (t) set.add(std::move(*t));
    }
    for (const auto& [name, t] : set.templates_)
        for (const TemplateNode* n : t.partials())
            if (!set.find(n->text))
                diags.error(n->where, "no partial named '" + n->text + "'", "partials are files under templates/, named without .html, e.g. partials/header");
    if (diags.error_count() != before) return std::nullopt;
    return set;
}

void TemplateSet::add(Template t) {
    std::string name = t.name();
    templates_.insert_or_assign(std::move(name), std::move(t));
}

const Template* TemplateSet::find(std::string_view name) const {
    auto it = templates_.find(name);
    return it == templates_.end() ? nullptr : &it->second;
}

std::optional<Html> TemplateSet::render(std::string_view name, const Value& data, Diagnostics& diags) const {
    const Template* t = find(name);
    if (!t) {
        diags.error({join_path(folder_, std::string(name) + ".html"), 0, 0}, "the template '" + std::string(name) + "' is missing",
                    "every kind of page needs its template; restore it from the project's templates/ folder");
        return std::nullopt;
    }
    return t->render(data, *this, diags);
}

}  // namespace safesite
