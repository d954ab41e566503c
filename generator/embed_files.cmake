# Writes a C++ file holding the text of every file in DIR matching EXT, so
# the program needs no files beside it. Files are named without their
# extension ("ilacs-2018"), or with it when EXT is "*" ("site.xml").
# FUNCTION names the lookup function, declared in HEADER.
file(GLOB files "${DIR}/*.${EXT}")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  if(EXT STREQUAL "*")
    get_filename_component(name "${f}" NAME)
  else()
    get_filename_component(name "${f}" NAME_WE)
  endif()
  file(READ "${f}" text)
  string(APPEND body "    {\"${name}\", R\"SAFESITE_EMBED(${text})SAFESITE_EMBED\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${DIR} by embed_files.cmake. Do not edit.
#include \"${HEADER}\"

#include <map>
#include <string>

namespace safesite {

const std::map<std::string, std::string_view, std::less<>>& ${FUNCTION}_all() {
  static const std::map<std::string, std::string_view, std::less<>> files = {
${body}  };
  return files;
}

std::string_view ${FUNCTION}(std::string_view name) {
  const auto& files = ${FUNCTION}_all();
  auto it = files.find(name);
  return it == files.end() ? std::string_view() : it->second;
}

}  // namespace safesite
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
