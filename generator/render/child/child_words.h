// Words for a child to read: the plan written to them ("you", not their
// name), and glossary terms explained where they stand.
#pragma once

#include "analysis/abbreviations.h"
#include "model/child.h"
#include "render/html.h"

#include <set>
#include <string>
#include <vector>
#include <vector>

namespace safesite {

// "Sam goes to school and his teacher says he is doing well" becomes "You go
// to school and your teacher says you are doing well": the child's name and
// their own pronouns (from <pronouns>, e.g. "he/him") become "you" and
// "your", with the verb after "you" agreeing. "Her" is "your" before a noun
// and "you" otherwise. Write other people by name, so that a "he" or "she"
// in a child's plan always means the child. Every verb of the child's agrees,
// joined ones too ("and is too tired" becomes "and are too tired"). A
// sentence where it is not sure whose a verb is stays exactly as written,
// and is added to `unsure`. Words in double quotes are never changed.
std::string to_second_person(std::string_view text, std::string_view name, std::string_view pronouns,
                             std::vector<std::string>* unsure = nullptr);

// Warns (child-words-unsure) about each sentence of a child's plan that My
// plan keeps as written because it is not sure how to say it to them.
void check_child_words(const Child& c, Diagnostics& diags);

// Text with each glossary abbreviation followed by its meaning in brackets
// the first time it appears in `explained`.
Html explained_in_place(std::string_view text, const AbbreviationIndex& glossary, std::set<const Term*>& explained);

// "P2W" as "every 2 weeks".
std::string every_in_words(std::string_view duration);

}  // namespace safesite
