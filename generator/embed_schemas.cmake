# Writes a C++ file holding every schema's text, so the program needs no
# files beside it to validate content.
file(GLOB schemas "${SCHEMA_DIR}/*.rng")
list(SORT schemas)
set(body "")
foreach(schema IN LISTS schemas)
  get_filename_component(name "${schema}" NAME_WE)
  file(READ "${schema}" text)
  string(APPEND body "    {\"${name}\", R\"SAFESITE_SCHEMA(${text})SAFESITE_SCHEMA\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from generator/schemas by embed_schemas.cmake. Do not edit.
#include \"content/schema.h\"

#include <map>
#include <string>

namespace safesite {

std::string_view built_in_schema(std::string_view name) {
  static const std::map<std::string, std::string_view, std::less<>> schemas = {
${body}  };
  auto it = schemas.find(name);
  return it == schemas.end() ? std::string_view() : it->second;
}

}  // namespace safesite
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
