#include "content/offer_loader.h"

#include "analysis/offer_topics.h"
#include "content/markdown_file.h"
#include "content/xml_file.h"

#include <set>

namespace safesite {

std::optional<LocalOffer> load_local_offer(ContentFolder& folder, Diagnostics& diags) {
    const std::string path = "local-offer/offer.xml";
    if (!folder.has(path)) return std::nullopt;
    auto doc = load_xml_file(folder, path, "offer", true, diags);
    if (!doc) return std::nullopt;
    const xmlNode* root = doc->root();
    LocalOffer offer;
    offer.source_path = path;
    offer.where = doc->locate(root);
    offer.authority = attribute(root, "authority").value_or("");
    offer.reviewed = parse_full_date(attribute(root, "reviewed").value_or("")).value_or(Date{});
    if (auto c = attribute(root, "consulted")) offer.consulted = parse_full_date(*c);
    if (const xmlNode* intro = first_child(root, "intro")) offer.intro = read_markdown_file(folder, *doc, intro, diags);
    if (const xmlNode* team = first_child(root, "team")) {
        offer.team = folded_text(team);
        offer.team_phone = attribute(team, "phone").value_or("");
        offer.team_email = attribute(team, "email").value_or("");
    }
    std::set<std::string> ids;
    for (const xmlNode* e : child_elements(root, "entitlement")) {
        Entitlement en;
        en.id = attribute(e, "id").value_or("");
        en.where = doc->locate(e);
        en.topic = attribute(e, "topic").value_or("");
        if (label_of(offer_topics(), en.topic).empty())
            diags.add(doc->diagnostic_at(doc->locate_attribute(e, "topic"), Severity::error, "'" + en.topic + "' is not a topic",
                                         "use one of " + list_of_ids(offer_topics())));
        en.area = attribute(e, "area").value_or(std::string(area_for_topic(en.topic)));
        if (!en.area.empty() && label_of(statutory_areas(), en.area).empty())
            diags.add(doc->diagnostic_at(doc->locate_attribute(e, "area"), Severity::error, "'" + en.area + "' is not a statutory area",
                                         "use one of " + list_of_ids(statutory_areas())));
        en.min_age = std::stoi(attribute(e, "min-age").value_or("16"));
        en.max_age = std::stoi(attribute(e, "max-age").value_or("25"));
        if (en.max_age < en.min_age)
            diags.add(doc->diagnostic_at(doc->locate_attribute(e, "max-age"), Severity::error, "max-age is below min-age",
                                         "the ages are the youngest and oldest a care leaver can be to get it"));
        const xmlNode* title = first_child(e, "title");
        en.title = folded_text(title);
        en.title_where = doc->locate(title);
        if (const xmlNode* a = first_child(e, "amount"))
            en.amount = Amount{folded_text(a), attribute(a, "per").value_or(""), attribute(a, "up-to").value_or("false") == "true"};
        const xmlNode* who = first_child(e, "who");
        en.who = folded_text(who);
        en.who_where = doc->locate(who);
        if (const xmlNode* how = first_child(e, "how")) {
            en.how = folded_text(how);
            en.how_where = doc->locate(how);
        }
        en.contact = folded_text(first_child(e, "contact"));
        en.law = folded_text(first_child(e, "law"));
        if (const xmlNode* more = first_child(e, "more")) en.more = read_markdown_file(folder, *doc, more, diags);
        if (!ids.insert(en.id).second) {
            diags.add(doc->diagnostic_at(en.where, Severity::error, "there is already an entitlement '" + en.id + "'", "give each its own id"));
            continue;
        }
        offer.entitlements.push_back(std::move(en));
    }
    return offer;
}

}  // namespace safesite
