// The accessibility statement, with what regulation 7 of the Public Sector
// Bodies (Websites and Mobile Applications) (No. 2) Accessibility
// Regulations 2018 requires: compliance status, what is not accessible and
// why, alternatives, how to report a problem, the enforcement procedure,
// and when the statement was prepared and reviewed.
#include "render/pages/pages.h"

#include "support/text.h"

namespace safesite {


PageFrame accessibility_page(const SiteContext& site, const SitePage& page) {
    const Site& s = site.content.site;
    const AccessibilityFacts& a = s.accessibility;
    auto problems_for = [&](std::string_view reason) {
        List out;
        for (const auto& p : a.problems)
            if (p.reason == reason) out.push_back(Record{{"text", p.text}, {"fix_by", p.fix_by ? p.fix_by->long_form() : std::string()}});
        return out;
    };
    std::string status = a.compliance == "full"      ? "fully compliant"
                         : a.compliance == "partial" ? "partially compliant"
                                                     : "not compliant";
    PageFrame frame;
    frame.page = &page;
    frame.template_name = "pages/accessibility";
    frame.values = Record{
        {"description", "How accessible this website is, how to report a problem and what to do if you are not happy with our reply."},
        {"base_url", s.base_url},
        {"compliance_full", a.compliance == "full"},
        {"compliance_status", status},
        {"email", a.contact.email},
        {"phone", a.contact.phone},
        {"email_href", a.contact.email.empty() ? std::string() : "mailto:" + a.contact.email},
        {"phone_href", a.contact.phone.empty() ? std::string() : tel_url(a.contact.phone)},
        {"reply_within_days", a.reply_within_days > 0 ? std::to_string(a.reply_within_days) : std::string()},
        {"non_compliance", problems_for("non-compliance")},
        {"disproportionate_burden", problems_for("disproportionate-burden")},
        {"out_of_scope", problems_for("out-of-scope")},
        {"tested", a.tested},
        {"prepared", a.prepared ? a.prepared->long_form() : a.reviewed.long_form()},
        {"reviewed", a.reviewed.long_form()},
        {"reviewed_iso", a.reviewed.iso()},
    };
    frame.contents = {{2, "How accessible this website is", "how-accessible"},
                      {2, "Reporting accessibility problems", "reporting-problems"},
                      {2, "Enforcement procedure", "enforcement"},
                      {2, "Technical information", "technical-information"},
                      {2, "Preparation of this statement", "preparation"}};
    return frame;
}

}  // namespace safesite
