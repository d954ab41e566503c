#include "render/child/child_words.h"

#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <vector>

namespace safesite {

namespace {

// The verb after "you": "goes" -> "go", "has" -> "have", "feels" -> "feel".
std::string verb_for_you(const std::string& verb) {
    static const std::map<std::string, std::string> irregular = {
        {"is", "are"}, {"was", "were"}, {"has", "have"}, {"does", "do"}, {"goes", "go"}, {"says", "say"}, {"doesn't", "don't"}, {"isn't", "aren't"},
        {"wasn't", "weren't"}, {"hasn't", "haven't"}};
    if (auto it = irregular.find(verb); it != irregular.end()) return it->second;
    // Words after a name that end in "s" but are not verbs.
    static const std::set<std::string> not_verbs = {"always", "sometimes", "across", "as", "this", "its", "less", "unless", "thus", "perhaps",
                                                    "plus", "towards", "afterwards", "upstairs", "downstairs", "yes", "was", "us"};
    if (not_verbs.count(verb)) return verb;
    if (verb.size() < 3 || verb.back() != 's' || verb.ends_with("ss") || verb.ends_with("us")) return verb;
    if (verb.ends_with("ies") && verb.size() > 4) return verb.substr(0, verb.size() - 3) + "y";
    for (const char* ending : {"ches", "shes", "sses", "xes", "zes", "oes"})
        if (verb.ends_with(ending)) return verb.substr(0, verb.size() - 2);
    return verb.substr(0, verb.size() - 1);
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

std::string to_second_person(std::string_view text, std::string_view name, std::string_view pronouns) {
    // The child's own pronouns, from "he/him", "she/her" or "they/them".
    std::string subject, object;
    if (std::size_t slash = pronouns.find('/'); slash != std::string_view::npos) {
        subject = std::string(pronouns.substr(0, slash));
        object = std::string(pronouns.substr(slash + 1));
    }
    static const std::map<std::string, std::string> possessive_of = {{"he", "his"}, {"she", "her"}, {"they", "their"}};
    static const std::map<std::string, std::string> reflexive_of = {{"he", "himself"}, {"she", "herself"}, {"they", "themselves"}};
    std::string possessive = possessive_of.count(subject) ? possessive_of.at(subject) : "";
    std::string reflexive = reflexive_of.count(subject) ? reflexive_of.at(subject) : "";
    // After "her", these words mean it was "you", not "your".
    static const std::set<std::string> not_a_noun = {"to", "and", "or", "with", "at", "in", "on", "about", "for", "from", "up", "out",
                                                     "off", "back", "again", "that", "because", "when", "if", "how", "what", "a", "the",
                                                     "feel", "be", "know", "safe", "first", "every", "each", "too", "more", "so", "is"};

    // Split into words and the text between them, to change words one by one.
    std::vector<std::string> parts;  // even: separators, odd: words
    std::string current;
    bool in_word = false;
    for (char c : text) {
        bool w = is_word_char(c);
        if (w != in_word) {
            parts.push_back(current);
            current.clear();
            in_word = w;
        }
        current += c;
    }
    parts.push_back(current);
    if (!in_word) parts.push_back("");  // keep words at odd places
    auto lower = [](std::string w) {
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return w;
    };
    auto next_word = [&](std::size_t i) { return i + 2 < parts.size() ? lower(parts[i + 2]) : std::string(); };
    auto sentence_start = [&](std::size_t i) {
        for (std::size_t k = i; k-- > 0;) {
            std::string_view gap = parts[k];
            if (k % 2 == 1) return false;  // a word before it
            if (gap.find_first_of(".!?") != std::string_view::npos) return true;
            if (k == 0) return true;
        }
        return true;
    };
    std::string out;
    bool make_verb_agree = false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string part = parts[i];
        if (i % 2 == 0) {
            out += part;
            continue;
        }
        std::string lw = lower(part);
        std::string replacement;
        bool subject_you = false;
        if (part == name) replacement = "you", subject_you = true;
        else if (part == std::string(name) + "'s") replacement = "your";
        else if (!subject.empty() && lw == subject) replacement = "you", subject_you = true;
        else if (!subject.empty() && lw == subject + "'s") replacement = "you're";
        else if (!possessive.empty() && lw == possessive && possessive != "her") replacement = "your";
        else if (lw == "her" && subject == "she") replacement = not_a_noun.count(next_word(i)) || next_word(i).empty() ? "you" : "your";
        else if (!object.empty() && lw == object) replacement = "you";
        else if (!reflexive.empty() && lw == reflexive) replacement = "yourself";
        else if (make_verb_agree && std::islower(static_cast<unsigned char>(part[0]))) replacement = verb_for_you(part);
        // "does Kai feel" becomes "do you feel".
        if (subject_you && !out.empty()) {
            static const std::map<std::string, std::string> before_you = {{"does ", "do "}, {"is ", "are "}, {"has ", "have "}, {"was ", "were "},
                                                                          {"Does ", "Do "}, {"Is ", "Are "}, {"Has ", "Have "}, {"Was ", "Were "}};
            for (const auto& [from, to] : before_you)
                if (out.ends_with(from) && (out.size() == from.size() || !is_word_char(out[out.size() - from.size() - 1]))) {
                    out.replace(out.size() - from.size(), from.size(), to);
                    subject_you = false;  // the verb came first; the next word needs no change
                    break;
                }
        }
        // An adverb between "you" and the verb ("you always try") keeps the verb waiting.
        static const std::set<std::string> adverbs = {"always", "sometimes", "often", "never", "usually", "now", "still", "also", "really", "nearly"};
        make_verb_agree = subject_you || (make_verb_agree && adverbs.count(lw));
        if (replacement.empty()) {
            out += part;
            continue;
        }
        if (sentence_start(i) && !replacement.empty()) replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
        out += replacement;
    }
    return out;
}

Html explained_in_place(std::string_view text, const AbbreviationIndex& glossary, std::set<const Term*>& explained) {
    HtmlWriter w;
    std::size_t at = 0;
    for (const auto& m : glossary.find(text)) {
        if (explained.count(m.term)) continue;
        explained.insert(m.term);
        w.text(text.substr(at, m.offset + m.length - at));
        std::string meaning = m.term->name;
        if (!meaning.empty()) meaning[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(meaning[0])));
        w.element("span", " (" + meaning + ")", {{"class", "explained"}});
        at = m.offset + m.length;
    }
    w.text(text.substr(at));
    return w.finish();
}

std::string every_in_words(std::string_view duration) {
    static const std::regex single(R"(^P(\d+)([DWMY])$)");
    std::string d(duration);
    std::smatch m;
    if (!std::regex_match(d, m, single)) return d.empty() ? std::string() : "on the schedule " + d;
    int n = std::stoi(m[1]);
    std::string unit = m[2] == "D" ? "day" : m[2] == "W" ? "week" : m[2] == "M" ? "month" : "year";
    return n == 1 ? "every " + unit : "every " + std::to_string(n) + " " + unit + "s";
}

}  // namespace safesite
