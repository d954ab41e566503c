// `safesite serve` and `safesite import ofsted` need a web server and a PDF
// reader, which bring some thirty shared libraries with them: loading those
// took about 19 ms of every run, builds included. So the program people run
// leaves those two commands to a second one, safesite-extras (the same
// command line, with everything linked), which it runs in its own place:
// from beside it in a build folder, else from PREFIX/libexec.
#pragma once

#include <string>

namespace safesite {

// Where safesite-extras is, or empty if it cannot be found.
std::string extras_program();

// Runs safesite-extras in this process's place with the same arguments,
// telling it this program's identity (see tool_identity in cli/main.cpp).
// Returns only if that fails, with the exit status to use.
int run_extras(char** argv, const std::string& identity);

// The identity a program run by run_extras was given, if it was.
const char* identity_from_caller();

}  // namespace safesite
