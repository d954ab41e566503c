#include "analysis/funding_checks.h"

#include "support/text.h"

#include <set>

namespace safesite {

void check_funding(const Report& report, const Partnership& partnership, Diagnostics& diags) {
    // A report without contributions already has its own warning; naming
    // each missing partner as well would say the same thing again.
    if (report.funding.empty()) return;
    std::vector<std::string> organisations;
    for (const Partner& p : partnership.partners) organisations.push_back(p.organisation);
    std::set<std::string> known(organisations.begin(), organisations.end());
    known.insert(partnership.relevant_agencies.begin(), partnership.relevant_agencies.end());
    std::set<std::string> contributed;
    for (const Contribution& c : report.funding) {
        contributed.insert(c.partner);
        if (known.count(c.partner)) continue;
        std::string near = nearest_name(c.partner, organisations);
        Location at = c.where;
        at.path = report.source_path;
        diags.warning(at, "'" + c.partner + "' is not a partner in partnership.xml" + (near.empty() ? "" : "; did you mean '" + near + "'?"),
                      "name the organisation as the organisation=\"...\" of a <partner> in partnership.xml does, or add it there; see \"partnership.xml\" in docs/content.md",
                      "contribution-not-a-partner");
        if (!near.empty()) contributed.insert(near);  // one mistake, told once
    }
    for (const Partner& p : partnership.partners) {
        if (contributed.count(p.organisation)) continue;
        Location at = report.where;
        at.path = report.source_path;
        diags.warning(at, "the " + report.period + " report shows no contribution from " + p.organisation + ", a partner in partnership.xml",
                      "add <contribution partner=\"" + p.organisation + "\" amount=\"...\"/>, with amount=\"0\" if it gave nothing; see \"reports/<period>/report.xml\" in docs/content.md",
                      "partner-without-contribution");
    }
}

}  // namespace safesite
