// Where a build finds its templates and writes children's documents when
// the command line does not say: never the folder the command was run in.
#pragma once

#include "support/diagnostics.h"
#include "support/file_system.h"

#include <string>

namespace safesite {

// The theme that was installed with the program: beside it (PREFIX/share/
// safesite/templates), else the CMake install data dir it was built for.
std::string installed_templates();

// The templates beside the content folder (content/../templates), else the
// installed theme; empty, with an error saying where it looked, if neither
// has a layout.html.
std::string find_templates(FileSystem& fs, const std::string& content_dir, const std::string& installed, Diagnostics& diags);

// The restricted tree's default: beside the public site, "<out>-restricted".
std::string restricted_beside(const std::string& out_dir);

}  // namespace safesite
