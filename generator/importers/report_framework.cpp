#include "importers/report_framework.h"

#include "support/concat.h"
#include "support/text.h"

#include <array>
#include <cctype>
#include <optional>

namespace safesite {

namespace {

struct Title {
    std::string_view words;  // as plain_words gives them
    std::string_view framework;
    std::string_view reason;
    bool graded;
};

// Most particular first: a monitoring visit's letter names the framework it
// follows up, and a re-inspection's title contains the inspection's.
constexpr std::array<Title, 16> kTitles = {{
    {"joint targeted area inspection", "jtai", "the title names a joint targeted area inspection (2016 on)", false},
    {"focused visit", "focused-visit", "the report is a focused visit letter (2018 on)", false},
    {"monitoring visit", "monitoring-visit", "the report is a monitoring visit letter", false},
    {"inspection of safeguarding and looked after children services", "slac-2009",
     "the title names the inspection of safeguarding and looked after children services (2009 to 2012)", true},
    {"joint inspection of multi-agency arrangements for the protection of children", "cp-2012",
     "the title names the joint inspection of multi-agency arrangements for the protection of children (2012 to 2013)", true},
    {"inspection of local authority arrangements for the protection of children", "cp-2012",
     "the title names the inspection of local authority arrangements for the protection of children (2012 to 2013)", true},
    {"arrangements for the protection of children", "cp-2012",
     "the title names the inspection of arrangements for the protection of children (2012 to 2013)", true},
    {"inspection of services for children in need of help and protection", "sif-2013",
     "the title names the single inspection framework (2013 to 2017)", true},
    {"inspection of services for children in need of help and protection, children looked after and care leavers", "sif-2013",
     "the title names the single inspection framework (2013 to 2017)", true},
    {"local authority children's services", "ilacs-2018", "the title names the inspection of local authority children's services (ILACS, 2018 on)",
     true},
    {"inspection of children's social care services", "ilacs-2018",
     "the title names the inspection of children's social care services (ILACS, 2018 on)", true},
    {"inspection of children's services", "ilacs-2018", "the title names the inspection of children's services (ILACS, 2018 on)", true},
    {"children's social care services", "ilacs-2018", "the title names the inspection of children's social care services (ILACS, 2018 on)", true},
    {"review of the effectiveness of the local safeguarding children board", "sif-2013",
     "the title names the review of the local safeguarding children board, part of the single inspection framework (2013 to 2017)", true},
    {"inspection of looked after children services", "lac-2012",
     "the title names the inspection of looked after children services (2012 to 2013)", true},
    {"safeguarding and looked after children", "slac-2009",
     "the title names the inspection of safeguarding and looked after children services (2009 to 2012)", true},
}};

bool is_date_line(const std::string& lower) {
    return lower.starts_with("inspection date") || lower.starts_with("dates of") || lower.starts_with("date of") ||
           lower.starts_with("visit date") || lower.starts_with("lead inspector");
}

std::optional<ReportFramework> letter_subject(const std::vector<ReportLine>& lines) {
    for (std::size_t i = 0; i < lines.size() && i < 60 && lines[i].page == 1; ++i) {
        std::string w = plain_words(lines[i].text);
        for (const Title& t : kTitles) {
            std::string words(t.words);
            bool subject = w.starts_with(words) || w.find(words + " to ") != std::string::npos || w.find(words + " of ") != std::string::npos;
            if (t.graded || !subject) continue;
            std::string printed = tidy_words(trim(lines[i].text));
            if (i + 1 < lines.size() && !trim(lines[i + 1].text).empty() && std::islower(static_cast<unsigned char>(trim(lines[i + 1].text)[0])))
                printed += concat(" ", tidy_words(trim(lines[i + 1].text)));
            return ReportFramework{std::string(t.framework), std::string(t.reason), printed, false};
        }
    }
    return std::nullopt;
}

}  // namespace

bool names_a_provider(std::string_view words) {
    std::string w = lower_ascii(words);
    for (std::string_view name : {" trust", "together for children", "achieving for children", "children first", "brighter futures for children",
                                  "children's services company", "children's company"})
        if (w.find(name) != std::string::npos) return true;
    return false;
}

bool has_ilacs_table(const std::vector<ReportLine>& lines) {
    // The rows only ILACS has, on the first page.
    for (std::size_t i = 0; i < lines.size() && lines[i].page == 1; ++i)
        if (plain_words(lines[i].text).find("the impact of leaders on social work") != std::string::npos) return true;
    return false;
}

ReportFramework recognise_framework(const std::vector<ReportLine>& lines) {
    // The title is what comes before the dates on the first page.
    std::size_t end = 0;
    while (end < lines.size() && lines[end].page == 1 && !is_date_line(plain_words(lines[end].text))) ++end;
    if (end == lines.size() || lines[end].page != 1) end = std::min<std::size_t>(end, 12);
    std::string title;
    for (std::size_t i = 0; i < end; ++i) {
        std::string w = plain_words(lines[i].text);
        if (!w.empty()) title += (title.empty() ? "" : " ") + w;
    }
    ReportFramework out;
    for (const Title& t : kTitles) {
        if (title.find(t.words) == std::string::npos) continue;
        out.id = t.framework;
        out.reason = t.reason;
        out.graded = t.graded;
        break;
    }
    // Since 2023 some titles leave out "local authority": "Inspection of
    // Barking and Dagenham children's services".
    if (out.id.empty() && title.starts_with("inspection of ") && title.find("children's services") != std::string::npos &&
        title.find("children's services") < 120) {
        out = {"ilacs-2018", "the title names the inspection of a council's children's services (ILACS, 2018 on)", {}, true};
    }
    // Some councils' children's services are run by a trust or company, and
    // the report is titled with its name: "Inspection of Bradford Children
    // and Families Trust", "Inspection of Together for Children".
    if (out.id.empty() && title.starts_with("inspection of ") && (names_a_provider(title) || has_ilacs_table(lines))) {
        out = {"ilacs-2018", "the title names the inspection of a trust or company that runs a council's children's services (ILACS, 2018 on)", {}, true};
    }
    // The title as printed: from the line that starts it ("Inspection of ...", "Re-inspection ...").
    std::string printed;
    for (std::size_t i = 0; i < end; ++i) {
        std::string t = trim(lines[i].text);
        std::string lower = lower_ascii(t);
        if (printed.empty() && !(lower.find("inspection") != std::string::npos || lower.find("visit") != std::string::npos)) continue;
        if (!t.empty()) printed += (printed.empty() ? "" : " ") + t;
    }
    out.title = tidy_words(printed);  // without footnote marks ("board1")
    if (out.graded && !out.id.empty()) return out;
    // A letter (focused or monitoring visit, JTAI) opens with addresses;
    // its subject line names what it is, and is its title.
    if (auto letter = letter_subject(lines)) return *letter;
    return out;
}

}  // namespace safesite
