#include "content/xml_file.h"

#include "content/schema.h"
#include "content/structure_check.h"

namespace safesite {

std::unique_ptr<XmlDocument> load_xml_file(ContentFolder& folder, const std::string& relative, std::string_view schema,
                                           bool required, Diagnostics& diags) {
    if (!folder.has(relative)) {
        if (required)
            diags.error({relative, 0, 0}, "the file is missing", "every content folder needs " + relative + "; " + guide_reference(schema));
        return nullptr;
    }
    auto text = folder.read(relative, diags);
    if (!text) return nullptr;
    auto document = XmlDocument::parse(relative, std::move(*text), diags);
    if (!document) return nullptr;
    if (!validate(*document, schema, diags)) return nullptr;
    return document;
}

}  // namespace safesite
