#include "content/framework_loader.h"

#include "content/schema.h"
#include "content/xml_file.h"

namespace safesite {

namespace {

std::optional<Framework> read_framework(const XmlDocument& doc) {
    const xmlNode* root = doc.root();
    Framework f;
    f.id = attribute(root, "id").value_or("");
    f.from = attribute(root, "from").value_or("");
    f.to = attribute(root, "to").value_or("");
    f.name = folded_text(first_child(root, "name"));
    f.description = folded_text(first_child(root, "description"));
    f.where = doc.locate(root);
    for (const xmlNode* g : child_elements(root, "grade"))
        f.grades.push_back({attribute(g, "id").value_or(""), std::stoi(attribute(g, "rank").value_or("0")),
                            folded_text(first_child(g, "label")), folded_text(first_child(g, "meaning")),
                            folded_text(first_child(g, "for-children"))});
    return f;
}

}  // namespace

std::vector<Framework> load_frameworks(ContentFolder& folder, Diagnostics& diags) {
    std::vector<Framework> frameworks;
    for (const auto& [name, text] : built_in_framework_all()) {
        auto doc = XmlDocument::parse("generator/frameworks/" + name + ".xml", std::string(text), diags);
        if (doc && validate(*doc, "framework", diags))
            if (auto f = read_framework(*doc)) frameworks.push_back(std::move(*f));
    }
    if (!folder.has("frameworks")) return frameworks;
    for (const auto& entry : folder.list("frameworks")) {
        if (entry.is_directory || !entry.name.ends_with(".xml")) continue;
        std::string path = "frameworks/" + entry.name;
        auto doc = load_xml_file(folder, path, "framework", true, diags);
        if (!doc) continue;
        auto f = read_framework(*doc);
        if (!f) continue;
        bool replaced = false;
        for (auto& existing : frameworks)
            if (existing.id == f->id) {
                existing = std::move(*f);  // a content folder may reword a built-in scale
                replaced = true;
                break;
            }
        if (!replaced) frameworks.push_back(std::move(*f));
    }
    return frameworks;
}

}  // namespace safesite
