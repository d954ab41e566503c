// `safesite serve`: builds the site, serves it and the children's documents
// on the loopback address only, rebuilds on every saved change, and tells the
// open page to reload. A build with errors leaves the last good site served
// and sends the open page to a page listing the errors.
#pragma once

#include "pipeline/site_build.h"
#include "support/file_system.h"

#include <functional>
#include <string>

namespace safesite {

struct PreviewOptions {
    BuildOptions build;
    int port = 8000;  // 0: any free port
    bool quiet = false;
};

// Runs until the process is stopped. Returns the exit status: 1 when the
// port cannot be used or nothing can be watched.
int run_preview(FileSystem& fs, PreviewOptions options);

}  // namespace safesite
