#include "importers/ofsted_report.h"

#include "support/escape.h"
#include "support/text.h"

#include <array>
#include <regex>

namespace safesite {

namespace {

constexpr std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};

int month_number(std::string word) {
    word = lower_ascii(word);
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (word == kMonths[i]) return static_cast<int>(i) + 1;
    return 0;
}

std::optional<Date> make_date(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return parse_full_date(buf);
}

const char* kMonthPattern = "(January|February|March|April|May|June|July|August|September|October|November|December)";

// "17 – 30 January 2013", "18 November 2014 - 10 December 2014", "14th-17th June 2022".
void read_visit(const std::string& line, OfstedReport& r) {
    std::string ord = "(?:st|nd|rd|th)?";
    std::regex range("(\\d{1,2})" + ord + "\\s*(?:" + std::string(kMonthPattern) + "\\s*(\\d{4})?)?\\s*[-\xE2\x80\x93\xE2\x80\x94]+\\s*(\\d{1,2})" + ord +
                         "\\s+" + kMonthPattern + "\\s+(\\d{4})",
                     std::regex::icase);
    std::smatch m;
    if (!std::regex_search(line, m, range)) return;
    int end_year = std::stoi(m[6]), end_month = month_number(m[5]);
    int start_month = m[2].matched ? month_number(m[2]) : end_month;
    int start_year = m[3].matched ? std::stoi(m[3]) : end_year;
    r.visit_start = make_date(start_year, start_month, std::stoi(m[1]));
    r.visit_end = make_date(end_year, end_month, std::stoi(m[4]));
}

std::optional<Date> read_single_date(const std::string& line) {
    std::regex one("(\\d{1,2})(?:st|nd|rd|th)?\\s+" + std::string(kMonthPattern) + "\\s+(\\d{4})", std::regex::icase);
    std::smatch m;
    if (!std::regex_search(line, m, one)) return std::nullopt;
    return make_date(std::stoi(m[3]), month_number(m[2]), std::stoi(m[1]));
}

struct Title {
    const char* words;
    const char* framework;
    const char* reason;
};

constexpr std::array<Title, 4> kTitles = {{
    {"joint inspection of multi-agency arrangements for the protection of children", "cp-2012",
     "the title names the joint inspection of arrangements for the protection of children (2012 to 2013)"},
    {"inspection of services for children in need of help and protection", "sif-2013",
     "the title names the single inspection framework (2013 to 2017)"},
    {"inspection of local authority children's services", "ilacs-2018", "the title names the ILACS framework (2018 on)"},
    {"joint targeted area inspection", "jtai", "the title names a joint targeted area inspection"},
}};

// The report's grade words as the framework's grade id; empty if none.
std::string grade_of(std::string words, const std::string& framework) {
    words = lower_ascii(words);
    if (words.find("outstanding") != std::string::npos) return "outstanding";
    if (words.find("inadequate") != std::string::npos) return "inadequate";
    if (words.find("adequate") != std::string::npos) return "adequate";
    if (words.find("requires improvement to be good") != std::string::npos) return "requires-improvement-to-be-good";
    if (words.find("require improvement") != std::string::npos || words.find("requires improvement") != std::string::npos)
        return framework == "ilacs-2018" ? "requires-improvement-to-be-good" : "requires-improvement";
    if (words.find("good") != std::string::npos) return "good";
    return {};
}

// The area a judgement's label names; empty if it names none we know.
std::string area_of(std::string label) {
    label = lower_ascii(label);
    if (label.find("overall") != std::string::npos) return "overall";
    if (label.find("adoption") != std::string::npos) return "adoption";
    if (label.find("care leavers") != std::string::npos) return "care-leavers";
    if (label.find("looked after") != std::string::npos) return "looked-after-and-permanence";
    if (label.find("children in care") != std::string::npos) return "children-in-care";
    if (label.find("help and protection") != std::string::npos) return "help-and-protection";
    if (label.find("quality of practice") != std::string::npos) return "quality-of-practice";
    if (label.find("leadership") != std::string::npos) return "leadership";
    if (label.find("safeguarding children board") != std::string::npos || label.find("lscb") != std::string::npos) return "lscb";
    return {};
}

void add_judgement(OfstedReport& r, ImportedJudgement j) {
    for (const auto& existing : r.judgements) {
        if (existing.area != j.area) continue;
        if (existing.grade != j.grade)
            r.notes.push_back("the report grades " + j.area + " both " + existing.grade + " and " + j.grade + "; check which is right");
        return;
    }
    r.judgements.push_back(std::move(j));
}

// Headings that start a list of what must improve, and the timescale each gives.
std::optional<std::string> timescale_heading(const std::string& lower) {
    if (lower.starts_with("take immediate action")) return "immediate";
    if (lower.starts_with("priority and immediate action") || lower.starts_with("priority action")) return "priority";
    if (lower.starts_with("within three months")) return "three-months";
    if (lower.starts_with("within six months")) return "six-months";
    if (lower == "areas for improvement" || lower.starts_with("and in addition")) return "improvement";
    return std::nullopt;
}

// Headings after which a report moves on from its lists.
bool ends_list(const std::string& lower) {
    for (const char* h : {"inspection judgement", "summary", "record of main findings", "what the inspection judgements mean",
                          "about this inspection", "information about this", "key judgement", "what does the"})
        if (lower.starts_with(h)) return true;
    return false;
}

constexpr std::size_t kLongestItem = 600;

bool is_strengths_heading(const std::string& lower) {
    return lower.ends_with("strengths") && lower.size() < 60;
}

struct ListItem {
    bool is_item = false;
    int number = 0;  // 0 when the item has none
    std::string text;
};

// "- 4. Ensure ...", "■ Ensure ...", "144. Put in place ...".
ListItem list_item(const std::string& line) {
    static const std::regex bullet(R"(^(?:-|\xE2\x96\xA0|\xE2\x80\xA2)\s*(?:(\d+)\.\s+)?(.+)$)");
    static const std::regex numbered(R"(^(\d+)\.\s+(.+)$)");
    std::smatch m;
    if (std::regex_match(line, m, bullet)) return {true, m[1].matched ? std::stoi(m[1]) : 0, trim(m[2].str())};
    if (std::regex_match(line, m, numbered)) return {true, std::stoi(m[1]), trim(m[2].str())};
    return {};
}

}  // namespace

OfstedReport read_ofsted_report(std::string_view text) {
    OfstedReport r;
    auto lines = split_lines(text);

    // Title, authority and framework from the first lines.
    for (std::size_t i = 0; i < lines.size() && i < 20; ++i) {
        std::string line = trim(lines[i]);
        std::string lower = lower_ascii(line);
        for (const Title& t : kTitles)
            if (r.framework.empty() && lower.starts_with(t.words)) {
                r.framework = t.framework;
                r.framework_reason = t.reason;
                r.title = line;
            }
        bool looks_like_name = !line.empty() && line.size() <= 40 && std::isupper(static_cast<unsigned char>(line[0])) &&
                               line.find(':') == std::string::npos && line.find("nspection") == std::string::npos &&
                               line.find("©") == std::string::npos && lower != "contents" && lower != "and";
        if (r.authority.empty() && looks_like_name) r.authority = line;
    }

    enum class Section { none, recommendations, strengths } section = Section::none;
    std::string timescale, heading, last_judgement_area;
    int last_number = 0;
    int unnumbered = 0;
    for (std::string_view raw : lines) {
        std::string line = trim(raw);
        std::string lower = lower_ascii(line);
        if (line.empty()) continue;

        // Judgements, dates and list items are short lines; a long one is a
        // paragraph, and is not worth a backtracking regex.
        bool short_line = line.size() <= kLongestItem * 4;
        if (short_line && lower.starts_with("inspection date")) read_visit(line, r);
        if (short_line && (lower.starts_with("report published") || lower.starts_with("published"))) r.published = read_single_date(line);

        // Sentences that give a judgement.
        static const std::regex overall_judged(R"(overall effectiveness .* is judged to be (\w+(?: \w+)?))", std::regex::icase);
        static const std::regex overall_is(R"(^the overall judgement is that children's services (.+)$)", std::regex::icase);
        static const std::regex lscb_is(R"(^the local safeguarding children board (is \w+|requires improvement)\.?$)", std::regex::icase);
        std::smatch m;
        if (!short_line) {
        } else if (std::regex_search(line, m, overall_judged) || std::regex_match(line, m, overall_is)) {
            if (auto g = grade_of(m[1], r.framework); !g.empty()) add_judgement(r, {"overall", g, "", line});
        } else if (std::regex_match(line, m, lscb_is)) {
            if (auto g = grade_of(m[1], r.framework); !g.empty()) add_judgement(r, {"lscb", g, "", line});
        }
        // Table rows: a label, tabs, then a grade ("2.1 Adoption performance<TAB>Good").
        if (std::size_t tab = std::string(raw).find_last_of('\t'); short_line && tab != std::string::npos) {
            std::string label = trim(std::string(raw).substr(0, tab));
            std::string grade = grade_of(trim(std::string(raw).substr(tab + 1)), r.framework);
            static const std::regex part_number(R"(^\d+\.\d+\s)");
            bool is_part = std::regex_search(label, part_number);
            std::string area = area_of(label);
            if (!grade.empty() && !area.empty()) {
                add_judgement(r, {area, grade, is_part ? last_judgement_area : "", label});
                if (!is_part) last_judgement_area = area;
            }
        }

        // Lists of what must improve, and of strengths.
        if (auto t = timescale_heading(lower)) {
            section = Section::recommendations;
            timescale = *t;
            heading = line;
            continue;
        }
        if (is_strengths_heading(lower)) {
            section = Section::strengths;
            continue;
        }
        if (section == Section::none) continue;
        if (ends_list(lower)) {
            section = Section::none;
            continue;
        }
        if (line.ends_with(":") || lower.ends_with("following action.")) continue;  // an introduction to the list
        ListItem item = short_line ? list_item(line) : ListItem{};
        // Report paragraphs are numbered too; a list item is short.
        if (item.is_item && line[0] != '-' && item.text.size() > kLongestItem) item.is_item = false;
        bool continues_numbering = item.is_item && item.number > 0 && item.number == last_number + 1;
        bool bulleted = item.is_item && (line[0] == '-' || static_cast<unsigned char>(line[0]) >= 0x80);
        if (bulleted || continues_numbering) {
            if (section == Section::recommendations) {
                std::string id = item.number ? "r" + std::to_string(item.number) : "r" + std::to_string(++unnumbered);
                r.recommendations.push_back({id, timescale, heading, item.text});
            } else {
                r.strengths.push_back(item.text);
            }
            if (item.number) last_number = item.number;
            continue;
        }
        if (std::islower(static_cast<unsigned char>(line[0]))) {  // a wrapped item goes on
            if (section == Section::recommendations && !r.recommendations.empty()) r.recommendations.back().text += " " + line;
            else if (section == Section::strengths && !r.strengths.empty()) r.strengths.back() += " " + line;
            continue;
        }
        // A subheading groups recommendations; strengths come as one list.
        if (section == Section::recommendations && line.size() < 70 && line.back() != '.') continue;
        section = Section::none;                               // ordinary text: the list is over
    }

    if (r.authority.empty()) r.notes.push_back("the authority's name was not found near the top of the report");
    if (r.framework.empty()) r.notes.push_back("the framework could not be told from the report's title");
    if (!r.visit_start) r.notes.push_back("the inspection dates were not found (a line starting \"Inspection date\")");
    if (!r.published) r.notes.push_back("the publication date was not found (a line starting \"Report published\")");
    bool overall = false;
    for (const auto& j : r.judgements) overall = overall || j.area == "overall";
    if (!overall) r.notes.push_back("no overall judgement was found; none has been guessed");
    if (r.recommendations.empty()) r.notes.push_back("no areas for improvement were found");
    return r;
}

std::string inspection_xml(const OfstedReport& r, std::string id, const std::string& source_name) {
    if (id.empty()) id = slugify(r.authority.empty() ? "inspection" : r.authority) + (r.visit_start ? "-" + std::to_string(r.visit_start->year) : "");
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    auto comment = [&](const std::string& text) {
        std::string safe = clean_text(text);
        // "--" cannot appear inside an XML comment.
        for (std::size_t at; (at = safe.find("--")) != std::string::npos;) safe.replace(at, 2, "- -");
        out += "<!-- " + safe + " -->\n";
    };
    comment("Imported by safesite from " + source_name + ". Check every value against the report before publishing.");
    for (const auto& note : r.notes) comment("Not found or unclear: " + note + ".");
    if (!r.framework_reason.empty()) comment("Framework: " + r.framework_reason + ".");
    comment("authority-code: add the area's ONS code, e.g. E06000006.");
    out += "<inspection id=\"" + escape_attribute(id) + "\" authority=\"" + escape_attribute(r.authority) +
           "\" inspectorate=\"Ofsted\" framework=\"" + escape_attribute(r.framework) + "\">\n";
    out += "  <title>" + escape_text(r.title) + "</title>\n";
    if (r.visit_start && r.visit_end) out += "  <visit start=\"" + r.visit_start->iso() + "\" end=\"" + r.visit_end->iso() + "\"/>\n";
    else out += "  <!-- <visit start=\"YYYY-MM-DD\" end=\"YYYY-MM-DD\"/>: not found in the report -->\n";
    if (r.published) out += "  <published>" + r.published->iso() + "</published>\n";
    for (const auto& j : r.judgements) {
        if (!j.parent.empty()) continue;
        std::string head = "  <judgement area=\"" + j.area + "\" grade=\"" + j.grade + "\"";
        std::vector<const ImportedJudgement*> parts;
        for (const auto& p : r.judgements)
            if (p.parent == j.area) parts.push_back(&p);
        if (parts.empty()) {
            out += head + "/>\n";
            continue;
        }
        out += head + ">\n";
        for (const auto* p : parts) out += "    <judgement area=\"" + p->area + "\" grade=\"" + p->grade + "\"/>\n";
        out += "  </judgement>\n";
    }
    if (!r.recommendations.empty()) {
        out += "  <recommendations>\n";
        std::string last_heading;
        for (const auto& rec : r.recommendations) {
            if (rec.heading != last_heading) {
                out += "    ";
                comment("Under the heading \"" + rec.heading + "\"");
                last_heading = rec.heading;
            }
            out += "    <recommendation id=\"" + rec.id + "\" timescale=\"" + rec.timescale + "\">" + escape_text(rec.text) + "</recommendation>\n";
        }
        out += "  </recommendations>\n";
    }
    if (!r.strengths.empty()) {
        out += "  <strengths>\n";
        for (const auto& s : r.strengths) out += "    <strength>" + escape_text(s) + "</strength>\n";
        out += "  </strengths>\n";
    }
    out += "  <source href=\"https://reports.ofsted.gov.uk/\">The full report</source>\n";
    out += "</inspection>\n";
    return out;
}

}  // namespace safesite
