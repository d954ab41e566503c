// `safesite import ofsted`: a report file in, an inspection file out.
#pragma once

#include "cli/command_line.h"

#include <ostream>

namespace safesite {

// Reads cl.import_file and prints the inspection to `out`, or writes it
// under cl.import_into. Problems go to `err`. The exit status: 0 when the
// file was written (warnings say what was not found), 1 when the report
// could not be read or the file could not be written.
int import_ofsted(const CommandLine& cl, std::ostream& out, std::ostream& err);

}  // namespace safesite
