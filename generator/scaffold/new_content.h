// `safesite new`: a new project, or a new file of one kind, written so that
// it passes `safesite check` as it stands, with comments saying what each
// part is for. The starting texts are data (generator/scaffolds/), built in.
#pragma once

#include "support/date.h"
#include "support/file_system.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace safesite {

enum class NewKind { site, page, child, report, inspection, offer };

struct NewFiles {
    std::vector<std::pair<std::string, std::string>> files;  // path under the content folder, text
    std::string error;  // a NAME that cannot be used, and how to write one
};

// The kind named on the command line ("page"), or false.
bool parse_new_kind(std::string_view word, NewKind& kind);

// The files for one kind and NAME (a page's file name, a child's id, a
// report's period, an inspection's id, the offer's authority; for a site,
// its title). Pure: nothing is read or written.
// For an inspection, `framework` may name a practice review (lcspr,
// rapid-review or national-review) to scaffold one instead.
NewFiles new_content_files(NewKind kind, const std::string& name, Date today, const std::string& framework = {});

// Writes `files` under `folder`, refusing before writing anything if any
// of them exists. Returns the message for the user; empty on success.
std::string write_new_files(FileSystem& fs, const std::string& folder, const NewFiles& files);

// Copies the theme folder `from` to `to` (which must not exist), every file
// and folder, refusing links.
std::string copy_theme(FileSystem& fs, const std::string& from, const std::string& to);

std::string_view built_in_scaffold(std::string_view name);

}  // namespace safesite
