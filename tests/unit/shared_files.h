// Where the team's shared seeds and fixtures are: $SAFESITE_SHARED, or the
// shared/ folder beside the project, or /work/shared.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace safesite::testing {

inline std::string shared_folder() {
    if (const char* env = std::getenv("SAFESITE_SHARED")) return env;
    for (std::string candidate : {std::string(SAFESITE_SOURCE_DIR) + "/../shared", std::string("/work/shared")})
        if (std::filesystem::is_directory(candidate + "/seeds")) return candidate;
    return "(shared folder not found: set SAFESITE_SHARED)";
}

}  // namespace safesite::testing
