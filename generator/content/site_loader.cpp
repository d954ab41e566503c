// content/site.xml into a Site.
#include "content/site_loader.h"

#include "content/xml_file.h"

namespace safesite {

namespace {

Contact read_contact(const xmlNode* n) {
    return {attribute(n, "email").value_or(""), attribute(n, "phone").value_or("")};
}

}  // namespace

std::optional<Site> load_site(ContentFolder& folder, Diagnostics& diags) {
    auto doc = load_xml_file(folder, "site.xml", "site", true, diags);
    if (!doc) return std::nullopt;
    const xmlNode* root = doc->root();
    Site site;
    site.lang = attribute(root, "lang").value_or("en-GB");
    site.exit_this_page = attribute(root, "exit-this-page").value_or("off") == "on";
    site.name = folded_text(first_child(root, "name"));
    site.short_name = folded_text(first_child(root, "short-name"));
    if (site.short_name.empty()) site.short_name = site.name;
    const xmlNode* authority = first_child(root, "authority");
    site.authority = folded_text(authority);
    site.authority_code = attribute(authority, "code").value_or("");
    site.base_url = folded_text(first_child(root, "base-url"));
    site.description = folded_text(first_child(root, "description"));
    site.contact = read_contact(first_child(root, "contact"));
    for (const xmlNode* link : child_elements(first_child(root, "navigation"), "link"))
        site.navigation.push_back({attribute(link, "href").value_or(""), folded_text(link), doc->locate_attribute(link, "href")});
    if (const xmlNode* exit = first_child(root, "exit-this-page")) site.exit_url = attribute(exit, "href").value_or(site.exit_url);

    if (const xmlNode* t = first_child(root, "practice-thresholds")) {
        auto read = [&](const char* name, int& into) {
            if (auto v = attribute(t, name)) into = std::stoi(*v);
        };
        PracticeThresholds& p = site.thresholds;
        read("police-notifications", p.police_notifications);
        read("police-notifications-months", p.police_notifications_months);
        read("missing-episodes", p.missing_episodes);
        read("missing-episodes-days", p.missing_episodes_days);
        read("hospital-attendances", p.hospital_attendances);
        read("hospital-attendances-months", p.hospital_attendances_months);
        read("repeat-referral-months", p.repeat_referral_months);
        read("chronology-start-months", p.chronology_start_months);
        read("chronology-update-months", p.chronology_update_months);
    }

    if (const xmlNode* r = first_child(root, "readability"))
        site.thresholds.reading_age_target = std::stoi(attribute(r, "target-age").value_or("11"));

    const xmlNode* a11y = first_child(root, "accessibility");
    AccessibilityFacts& facts = site.accessibility;
    facts.where = doc->locate(a11y);
    facts.reviewed = parse_full_date(attribute(a11y, "reviewed").value_or("")).value_or(Date{});
    if (auto prepared = attribute(a11y, "prepared")) facts.prepared = parse_full_date(*prepared);
    facts.compliance = attribute(a11y, "compliance").value_or("none");
    const xmlNode* contact = first_child(a11y, "contact");
    facts.contact = read_contact(contact);
    facts.reply_within_days = std::stoi(attribute(contact, "reply-within-days").value_or("0"));
    for (const xmlNode* p : child_elements(a11y, "problem")) {
        AccessibilityProblem problem{attribute(p, "reason").value_or(""), folded_text(p), std::nullopt};
        if (auto fix = attribute(p, "fix-by")) problem.fix_by = parse_full_date(*fix);
        facts.problems.push_back(std::move(problem));
    }
    facts.tested = folded_text(first_child(a11y, "tested"));
    if (facts.contact.email.empty() && facts.contact.phone.empty())
        diags.add(doc->diagnostic_at(doc->locate(contact), Severity::error, "the accessibility contact has no email or phone",
                                     "add email=\"...\" or phone=\"...\" so people can report a problem"));
    return site;
}

}  // namespace safesite
