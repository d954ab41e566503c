// content/children/<id>/child.xml into Children. Restricted data: it flows
// only to the restricted documents and to checks.
#pragma once

#include "content/content_folder.h"
#include "model/child.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

// The folders of content/children/, in name order.
std::vector<std::string> child_folders(ContentFolder& folder);

// children/<name>/child.xml; nothing, with the reasons in `diags`, when it cannot be used.
// `text`, if given, receives the file's bytes as read, so its lines can be quoted without reading it again.
std::optional<Child> load_child(ContentFolder& folder, const std::string& name, Diagnostics& diags, std::string* text = nullptr);

// Every child, loaded one at a time and handed to `each`, which may keep it
// or let it go: a build with thousands of children holds only a few at once.
void for_each_child(ContentFolder& folder, Diagnostics& diags, const std::function<void(Child&&)>& each);

// Every child, all at once.
std::vector<Child> load_children(ContentFolder& folder, Diagnostics& diags);

}  // namespace safesite
