#include "cli/extras.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace safesite {

namespace {

constexpr const char* kIdentityVariable = "SAFESITE_CALLER_IDENTITY";

bool runnable(const std::filesystem::path& p) { return ::access(p.c_str(), X_OK) == 0; }

}  // namespace

std::string extras_program() {
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // A build folder: the two programs side by side.
        if (auto beside = exe.parent_path() / "safesite-extras"; runnable(beside)) return beside.string();
        // Installed: PREFIX/bin/safesite and PREFIX/libexec/safesite-extras, wherever PREFIX is.
        if (auto installed = exe.parent_path().parent_path() / SAFESITE_LIBEXEC_NAME / "safesite-extras"; runnable(installed))
            return installed.string();
    }
    if (runnable(SAFESITE_INSTALLED_EXTRAS)) return SAFESITE_INSTALLED_EXTRAS;
    return {};
}

int run_extras(char** argv, const std::string& identity) {
    std::string program = extras_program();
    if (program.empty()) {
        std::cerr << "safesite: this command needs safesite-extras, which is not beside the program or in " << SAFESITE_INSTALLED_EXTRAS
                  << "\n  hint: install safesite again with cmake --install, which puts both programs in place\n";
        return 2;
    }
    ::setenv(kIdentityVariable, identity.c_str(), 1);
    ::execv(program.c_str(), argv);
    std::cerr << "safesite: cannot run " << program << ": " << std::strerror(errno) << "\n";
    return 2;
}

const char* identity_from_caller() { return std::getenv(kIdentityVariable); }

}  // namespace safesite
