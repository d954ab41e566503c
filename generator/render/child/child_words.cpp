#include "render/child/child_words.h"

#include "support/text.h"

#include <array>
#include <cctype>
#include <initializer_list>
#include <map>
#include <regex>
#include <set>
#include <string_view>
#include <vector>

namespace safesite {

namespace {

// A fixed list of words, asked about for every word of a plan: kept by
// first letter, so that a word is compared only with the few that could be
// it (a std::set compared it with seven).
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) {
        for (std::string_view w : words) by_first_[first_of(w)].push_back(w);
    }
    std::size_t count(std::string_view w) const {
        for (std::string_view known : by_first_[first_of(w)])
            if (known == w) return 1;
        return 0;
    }

private:
    static std::size_t first_of(std::string_view w) { return w.empty() ? 0 : static_cast<unsigned char>(w[0]); }
    std::array<std::vector<std::string_view>, 256> by_first_;
};

// The verb after "you": "goes" -> "go", "has" -> "have", "feels" -> "feel".
std::string verb_for_you(const std::string& verb) {
    static const std::map<std::string, std::string> irregular = {
        {"is", "are"}, {"was", "were"}, {"has", "have"}, {"does", "do"}, {"goes", "go"}, {"says", "say"}, {"doesn't", "don't"}, {"isn't", "aren't"},
        {"wasn't", "weren't"}, {"hasn't", "haven't"}};
    if (auto it = irregular.find(verb); it != irregular.end()) return it->second;
    // Words after a name that end in "s" but are not verbs.
    static const WordSet not_verbs = {"always", "sometimes", "across", "as", "this", "its", "less", "unless", "thus", "perhaps",
                                                    "plus", "towards", "afterwards", "upstairs", "downstairs", "yes", "was", "us"};
    if (not_verbs.count(verb)) return verb;
    if (verb.size() < 3 || verb.back() != 's' || verb.ends_with("ss") || verb.ends_with("us")) return verb;
    if (verb.ends_with("ies") && verb.size() > 4) return verb.substr(0, verb.size() - 3) + "y";
    for (const char* ending : {"ches", "shes", "sses", "xes", "zes", "oes"})
        if (verb.ends_with(ending)) return verb.substr(0, verb.size() - 2);
    return verb.substr(0, verb.size() - 1);
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || static_cast<unsigned char>(c) >= 0x80; }

std::string lower(std::string w) {
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

// Verbs a child's plan uses, as they follow "he", "she" or a name: after
// "and" these are surely the child's next verb ("and is too tired").
bool is_known_verb(const std::string& w) {
    static const WordSet verbs = {
        "is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't", "gets", "goes", "feels", "says", "wants", "likes", "loves",
        "needs", "helps", "tries", "misses", "lives", "looks", "plays", "worries", "sleeps", "eats", "cries", "shouts", "hides", "stays",
        "comes", "makes", "takes", "keeps", "knows", "thinks", "finds", "tells", "talks", "walks", "runs", "sees", "hears", "hates", "cares",
        "attends", "enjoys", "spends", "struggles", "becomes", "gives", "starts", "stops", "asks", "uses", "leaves", "works", "reads",
        "writes", "sits", "stands", "waits", "watches", "wishes", "wakes", "finishes", "fights", "hurts", "forgets", "remembers",
        "understands", "shares", "visits", "calls", "sends", "brings", "carries", "cooks", "cleans", "learns", "listens", "laughs",
        "smiles", "speaks", "draws", "sings", "rides", "tidies", "washes", "refuses", "avoids", "seems", "means", "prefers", "chooses",
        "decides", "agrees", "manages", "copes", "grows", "drinks", "smokes", "argues", "drives", "stays"};
    return verbs.count(w) > 0;
}

// A word that may be a verb agreeing with someone else ("her mum drinks"):
// a known verb, or a word ending in one "s" that is not a known non-verb.
bool may_be_other_verb(const std::string& w) {
    static const WordSet not_verbs = {"always", "sometimes", "across", "as", "this", "its", "less", "unless", "thus", "perhaps",
                                                    "plus", "towards", "afterwards", "upstairs", "downstairs", "yes", "us", "his", "hers", "its",
                                                    "theirs", "yours", "ours", "bus", "days", "weeks", "months", "years", "times", "nights"};
    if (is_known_verb(w)) return true;
    if (not_verbs.count(w) || w.size() < 4 || w.back() != 's') return false;
    return !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !w.ends_with("'s");
}

// Names that are also ordinary words, where a capital letter at the start
// of a sentence, or a word before ("in May"), leaves it unclear which is meant.
bool is_ordinary_word(const std::string& lower_name) {
    static const WordSet words = {"will", "may", "hope", "summer", "rose", "grace", "joy", "faith", "bill", "mark", "jack",
                                                "sky", "autumn", "april", "june", "august", "art", "pat", "rob", "frank", "dawn", "holly",
                                                "ivy", "iris", "ruby", "amber", "jade", "river", "storm", "bob", "chase", "miles", "reed",
                                                "sunny", "honey", "penny", "robin", "willow", "star", "angel", "harmony", "destiny", "precious",
                                                "sage", "rain", "ray", "guy", "don", "sue", "gene", "carol", "lily", "daisy", "poppy", "hazel"};
    return words.count(lower_name) > 0;
}

// One text turned to "you", sentence by sentence: a sentence where any verb's
// owner is unclear is kept exactly as written, and listed in `unsure`.
class SecondPerson {
public:
    SecondPerson(std::string_view name, std::string_view pronouns) : name_(name) {
        // "he/him", "she/her", "they/them", or a set with its possessive ("ze/hir/hir").
        std::vector<std::string> parts;
        std::string current;
        for (char c : pronouns) {
            if (c == '/') parts.push_back(lower(trim(current))), current.clear();
            else current += c;
        }
        if (!pronouns.empty()) parts.push_back(lower(trim(current)));
        if (parts.size() >= 2) subject_ = parts[0], object_ = parts[1];
        static const std::map<std::string, std::string> possessive_of = {{"he", "his"}, {"she", "her"}, {"they", "their"}};
        static const std::map<std::string, std::string> reflexive_of = {{"he", "himself"}, {"she", "herself"}, {"they", "themselves"}};
        if (possessive_of.count(subject_)) possessive_ = possessive_of.at(subject_);
        if (parts.size() >= 3) possessive_ = parts[2];
        if (reflexive_of.count(subject_)) reflexive_ = reflexive_of.at(subject_);
        else if (!object_.empty()) reflexive_ = object_ + "self";
    }

    std::string convert(std::string_view text, std::vector<std::string>* unsure) {
        split(text);
        std::string out;
        std::size_t sentence_out = 0, sentence_part = 0;
        auto finish_sentence = [&](std::size_t end_part, std::string_view stop) {
            if (relative_) unsure_ = true;  // "Mia, who is 12 ..." with no comma to close it
            if (unsure_) {
                std::string original;
                for (std::size_t k = sentence_part; k < end_part; ++k) original += parts_[k];
                out.replace(sentence_out, std::string::npos, original);
                std::string quoted = trim(original + std::string(stop));
                if (unsure && !quoted.empty()) unsure->push_back(quoted);
            }
            sentence_out = out.size();
            sentence_part = end_part;
            reset_sentence();
        };
        reset_sentence();
        for (std::size_t i = 0; i < parts_.size(); ++i) {
            if (i % 2 == 0) {
                separator(parts_[i], out, [&](std::string_view stop) { finish_sentence(i, stop); });
                continue;
            }
            out += word(i, out);
        }
        finish_sentence(parts_.size(), {});
        return out;
    }

private:
    void split(std::string_view text) {
        parts_.clear();
        std::string current;
        bool in_word = false;
        for (std::size_t k = 0; k < text.size(); ++k) {
            char c = text[k];
            // Curly double quotes are marks, not letters, though outside ASCII.
            bool mark = text.compare(k, 3, "\xE2\x80\x9C") == 0 || text.compare(k, 3, "\xE2\x80\x9D") == 0;
            if (mark) quote_bytes_ = 3;
            bool w = quote_bytes_ ? false : is_word_char(c);
            if (quote_bytes_) --quote_bytes_;
            if (w != in_word) {
                parts_.push_back(current);
                current.clear();
                in_word = w;
            }
            current += c;
        }
        parts_.push_back(current);
        if (!in_word) parts_.push_back("");  // keep words at odd places
    }

    void reset_sentence() {
        unsure_ = relative_ = clause_you_ = other_verb_ = joined_ = agree_next_ = false;
        words_in_sentence_ = 0;
    }

    // Text between words: quotation marks, the end of a sentence, a comma.
    template <typename Finish>
    void separator(const std::string& gap, std::string& out, Finish finish) {
        bool ends = false;
        std::size_t stop = 0;  // the end of the sentence's own marks: '.', '?"'
        for (std::size_t k = 0; k < gap.size(); ++k) {
            char c = gap[k];
            // A child's or parent's own words stay as they said them.
            if (c == '"' || gap.compare(k, 3, "\xE2\x80\x9C") == 0 || gap.compare(k, 3, "\xE2\x80\x9D") == 0) quoted_ = !quoted_;
            if (quoted_) agree_next_ = joined_ = false;
            if ((c == '.' || c == '!' || c == '?') && !quoted_) ends = true, stop = k + 1;
            if (c == ',' && relative_) relative_ = false, agree_next_ = true;  // ", looks after" after "who is 12"
            else if (c == ',' || c == ';' || c == ':') joined_ = false;
        }
        if (ends) {
            finish(std::string_view(gap).substr(0, stop));
            out += gap;
            return;
        }
        out += gap;
    }

    bool at_sentence_start() const { return words_in_sentence_ == 0; }

    std::string next_word(std::size_t i) const { return i + 2 < parts_.size() ? lower(parts_[i + 2]) : std::string(); }
    std::string previous_word(std::size_t i) const { return i >= 2 ? lower(parts_[i - 2]) : std::string(); }

    bool is_name(const std::string& part, std::size_t i) {
        if (part != name_) return false;
        if (!is_ordinary_word(lower(name_))) return true;
        static const WordSet before_a_word = {"in", "on", "since", "by", "until", "from", "last", "next", "of", "this", "the", "a"};
        if (at_sentence_start() ? !is_known_verb(next_word(i)) : before_a_word.count(previous_word(i)) > 0) unsure_ = true;
        return true;
    }

    std::string word(std::size_t i, std::string& out) {
        const std::string& part = parts_[i];
        if (quoted_) {
            ++words_in_sentence_;
            return part;
        }
        std::string lw = lower(part);
        std::string replacement;
        bool subject_you = false;
        static const WordSet adverbs = {"always", "sometimes", "often", "never", "usually", "now", "still", "also", "really", "nearly"};
        static const WordSet joining = {"and", "but", "or", "then"};
        static const WordSet subordinators = {"that", "because", "when", "if", "while", "which", "where", "as", "so", "who"};
        // After "her", these words mean it was "you", not "your".
        static const WordSet not_a_noun = {"to", "and", "or", "with", "at", "in", "on", "about", "for", "from", "up", "out",
                                                         "off", "back", "again", "that", "because", "when", "if", "how", "what", "a", "the",
                                                         "feel", "be", "know", "safe", "first", "every", "each", "too", "more", "so", "is"};
        bool was_agreeing = agree_next_;
        if (relative_ && agree_next_ && lw != "who" && !adverbs.count(lw) && !may_be_other_verb(lw)) unsure_ = true;  // "who her mum calls Mimi"
        // After a verb or a preposition the name is an object ("the teacher who helps Leah is").
        static const WordSet prepositions = {"to", "with", "for", "at", "about", "from", "by", "of", "after", "before",
                                                           "like", "than", "on", "in", "into", "near", "without", "and", "or"};
        std::string before = previous_word(i);
        static const WordSet asking = {"is", "was", "has", "does"};  // "does Kai feel": a question, Kai its subject
        bool object_place = !at_sentence_start() && !asking.count(before) && (may_be_other_verb(before) || prepositions.count(before) > 0);
        if (is_name(part, i)) replacement = "you", subject_you = !object_place;
        else if (part == name_ + "'s") replacement = "your";
        else if (!subject_.empty() && lw == subject_) replacement = "you", subject_you = true;
        else if (!subject_.empty() && lw == subject_ + "'s") replacement = "you're";
        else if (!possessive_.empty() && lw == possessive_ && possessive_ != object_) replacement = "your";
        // "her" and "hir" are "your" before a noun, and "you" otherwise.
        else if (!possessive_.empty() && lw == possessive_) replacement = not_a_noun.count(next_word(i)) || next_word(i).empty() ? "you" : "your";
        else if (!object_.empty() && lw == object_) replacement = "you";
        else if (!reflexive_.empty() && lw == reflexive_) replacement = "yourself";
        else if (agree_next_ && lw == "who") {
            // "Mia, who is 12, looks after": both verbs are hers.
            relative_ = true;
        } else if (agree_next_ && std::islower(static_cast<unsigned char>(part[0]))) {
            replacement = verb_for_you(part);
        } else if (joined_ && std::islower(static_cast<unsigned char>(part[0]))) {
            // "and is too tired": the verb after "and" shares the child as its subject,
            // unless another verb came between ("says her mum drinks and is ill").
            if (is_known_verb(lw)) {
                if (other_verb_) unsure_ = true;
                else replacement = verb_for_you(part);
            } else if (may_be_other_verb(lw)) {
                unsure_ = true;
            }
        } else if (clause_you_ && (subordinators.count(lw) || may_be_other_verb(lw))) {
            other_verb_ = true;
        }
        if (subject_you && !out.empty()) {
            // "does Kai feel" becomes "do you feel".
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
        bool joined_now = joined_ && adverbs.count(lw);
        agree_next_ = subject_you || (agree_next_ && (adverbs.count(lw) || lw == "who"));
        if (subject_you) clause_you_ = true, other_verb_ = false;
        joined_ = joined_now || (clause_you_ && joining.count(lw) > 0);
        if (was_agreeing && !agree_next_ && !relative_) other_verb_ = false;  // the child's own verb is not another's
        if (!replacement.empty() && at_sentence_start())
            replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
        ++words_in_sentence_;
        return replacement.empty() ? part : replacement;
    }

    std::string name_, subject_, object_, possessive_, reflexive_;
    std::vector<std::string> parts_;  // even: separators, odd: words
    bool quoted_ = false;
    int quote_bytes_ = 0;
    bool unsure_ = false, relative_ = false, clause_you_ = false, other_verb_ = false, joined_ = false, agree_next_ = false;
    int words_in_sentence_ = 0;
};

}  // namespace

std::string to_second_person(std::string_view text, std::string_view name, std::string_view pronouns, std::vector<std::string>* unsure) {
    // The same texts are turned when a record is checked and again when its
    // plan is written, one after the other on the same thread: each is
    // turned once. The result depends on the text, name and pronouns alone.
    struct Turned {
        std::string text;
        std::vector<std::string> unsure;
    };
    struct Memo {
        std::string name, pronouns;
        std::map<std::string, Turned, std::less<>> by_text;
    };
    thread_local Memo memo;
    if (memo.name != name || memo.pronouns != pronouns || memo.by_text.size() > 4096) {
        memo.name = name;
        memo.pronouns = pronouns;
        memo.by_text.clear();
    }
    auto it = memo.by_text.find(text);
    if (it == memo.by_text.end()) {
        Turned t;
        t.text = SecondPerson(name, pronouns).convert(text, &t.unsure);
        it = memo.by_text.emplace(std::string(text), std::move(t)).first;
    }
    if (unsure) unsure->insert(unsure->end(), it->second.unsure.begin(), it->second.unsure.end());
    return it->second.text;
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

namespace safesite {

void check_child_words(const Child& c, Diagnostics& diags) {
    if (!c.plan) return;
    auto check = [&](const std::string& text, const Location& where) {
        std::vector<std::string> unsure;
        to_second_person(text, c.preferred, c.pronouns, &unsure);
        for (const auto& sentence : unsure) {
            Location at = where;
            if (at.path.empty()) at.path = c.source_path;
            diags.warning(at, "this is not sure to read well written to " + c.preferred + " as \"you\", so My plan keeps it as written: \"" + sentence + "\"",
                          "give each verb its own subject, for example \"" + c.preferred + " looks after " +
                              "the house. " + c.preferred + " is too tired for school.\"",
                          "child-words-unsure");
        }
    };
    const Plan& p = *c.plan;
    for (const Said& s : p.working_well) check(s.text, s.where);
    for (const Said& s : p.worries) check(s.text, s.where);
    for (const Goal& g : p.goals) {
        check(g.outcome.text, g.outcome.where);
        if (g.measure) check(g.measure->text, g.measure->where);
        for (const PlanAction& a : g.actions) check(a.text, a.where);
    }
    if (!p.scales.empty()) check(p.scales.back().question, p.where);
    if (p.if_no_change) check(p.if_no_change->text, p.if_no_change->where);
}

}  // namespace safesite
