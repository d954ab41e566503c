// The care leavers' local offer: a home page that asks "How old are you?",
// a page for each age band and each topic, one for each entitlement, and an
// A to Z. Every page says when the offer was last reviewed and links to
// "your rights and how to complain".
#include "render/pages/pages.h"

#include "analysis/offer_topics.h"
#include "support/text.h"

#include <algorithm>
#include <cctype>

namespace safesite {

namespace {

// "£3,000", "£57.50 a week", "up to £2,000 a year".
std::string money(const Amount& a) {
    std::string whole = a.value, pence;
    if (std::size_t dot = a.value.find('.'); dot != std::string::npos) {
        whole = a.value.substr(0, dot);
        pence = a.value.substr(dot + 1);
        if (pence.size() == 1) pence += "0";
        if (pence == "00") pence.clear();
    }
    std::string out = (a.up_to ? "up to £" : "£") + with_thousands(std::stoll(whole.empty() ? "0" : whole)) + (pence.empty() ? "" : "." + pence);
    if (a.per == "week") out += " a week";
    else if (a.per == "month") out += " a month";
    else if (a.per == "year") out += " a year";
    else if (a.per == "once") out += ", once";
    return out;
}

std::string ages(const Entitlement& e) {
    if (e.min_age == 16 && e.max_age == 25) return "16 to 25";
    if (e.min_age == e.max_age) return std::to_string(e.min_age);
    return std::to_string(e.min_age) + " to " + std::to_string(e.max_age);
}

Record summary(const SiteContext& site, const SitePage& from, const Entitlement& e) {
    return Record{{"title", e.title}, {"href", href_to(site, from, "local-offer/" + e.id)}, {"amount", e.amount ? money(*e.amount) : std::string()},
                  {"ages", ages(e)}, {"who", e.who}};
}

// Entitlements grouped by topic, in the topics' order.
List by_topic(const SiteContext& site, const SitePage& from, const std::function<bool(const Entitlement&)>& keep) {
    List groups;
    for (const NamedValue& topic : offer_topics()) {
        List items;
        for (const Entitlement& e : site.content.local_offer->entitlements)
            if (e.topic == topic.id && keep(e)) items.push_back(summary(site, from, e));
        if (!items.empty())
            groups.push_back(Record{{"label", std::string(topic.label)}, {"id", std::string(topic.id)},
                                    {"href", href_to(site, from, "local-offer/topic-" + std::string(topic.id))}, {"items", items}});
    }
    return groups;
}

// What every local offer page shows: when it was reviewed, and the way to rights and complaints.
Record offer_common(const SiteContext& site, const SitePage& from) {
    const LocalOffer& offer = *site.content.local_offer;
    return Record{{"offer_reviewed", offer.reviewed.long_form()},
                  {"offer_reviewed_iso", offer.reviewed.iso()},
                  {"rights_href", href_to(site, from, "local-offer/topic-rights")},
                  {"offer_home", href_to(site, from, "local-offer")},
                  {"team", offer.team},
                  {"team_phone", offer.team_phone},
                  {"team_phone_href", offer.team_phone.empty() ? std::string() : tel_url(offer.team_phone)},
                  {"team_email", offer.team_email}};
}

PageFrame offer_frame(const SiteContext& site, const SitePage& page, const std::string& template_name, Record values, bool under_home = true) {
    Record common = offer_common(site, page);
    for (auto& [k, v] : common) values.emplace(k, v);
    PageFrame frame;
    frame.page = &page;
    frame.template_name = template_name;
    frame.exit_this_page = site.content.site.exit_this_page;
    if (under_home) frame.parents = {{"Care leavers", "local-offer/index.html"}};
    frame.values = std::move(values);
    return frame;
}

}  // namespace

PageFrame offer_home_page(const SiteContext& site, const SitePage& page) {
    const LocalOffer& offer = *site.content.local_offer;
    List bands;
    for (const AgeBand& b : age_bands())
        bands.push_back(Record{{"label", std::string(b.label)}, {"href", href_to(site, page, "local-offer/age-" + std::string(b.id))}});
    List topics;
    for (const NamedValue& t : offer_topics())
        if (const SitePage* p = site.map.find("local-offer/topic-" + std::string(t.id)))
            topics.push_back(Record{{"label", std::string(t.label)}, {"href", relative_url(page.file, p->file)}});
    Html intro;
    if (offer.intro) {
        MarkdownContext ctx = markdown_context_for(site, page.file);
        intro = render_markdown(offer.intro->tree.get(), ctx).body;
    }
    PageFrame frame = offer_frame(site, page, "pages/offer-home",
                                  Record{{"authority", offer.authority}, {"bands", bands}, {"topics", topics}, {"intro", intro},
                                         {"count", static_cast<int>(offer.entitlements.size())},
                                         {"a_to_z_href", href_to(site, page, "local-offer/a-to-z")},
                                         {"consulted", offer.consulted ? offer.consulted->long_form() : std::string()},
                                         {"description", "What care leavers aged 16 to 25 can get from " + offer.authority + ", how much, and how to ask."}},
                                  false);
    frame.crumb = "Care leavers";
    return frame;
}

PageFrame offer_age_page(const SiteContext& site, const SitePage& page) {
    const AgeBand* band = nullptr;
    for (const AgeBand& b : age_bands())
        if (b.id == page.key) band = &b;
    int from = band->from, to = band->to;
    List groups = by_topic(site, page, [&](const Entitlement& e) { return e.min_age <= to && e.max_age >= from; });
    List others;
    for (const AgeBand& b : age_bands())
        if (b.id != page.key) others.push_back(Record{{"label", std::string(b.label)}, {"href", href_to(site, page, "local-offer/age-" + std::string(b.id))}});
    return offer_frame(site, page, "pages/offer-list",
                       Record{{"heading", "If you are " + std::string(band->label)},
                              {"lead", "What you can get if you are " + std::string(band->label) + ", grouped by topic."},
                              {"groups", groups},
                              {"others", others},
                              {"description", "What care leavers aged " + std::string(band->label) + " can get, and how to ask."}});
}

PageFrame offer_topic_page(const SiteContext& site, const SitePage& page) {
    std::string label(label_of(offer_topics(), page.key));
    List groups = by_topic(site, page, [&](const Entitlement& e) { return e.topic == page.key; });
    return offer_frame(site, page, "pages/offer-list",
                       Record{{"heading", label}, {"lead", "Everything in this part of the offer, for every age."}, {"groups", groups},
                              {"others", List{}}, {"description", label + ": what care leavers can get, and how to ask."}});
}

PageFrame offer_a_to_z_page(const SiteContext& site, const SitePage& page) {
    std::vector<const Entitlement*> all;
    for (const Entitlement& e : site.content.local_offer->entitlements) all.push_back(&e);
    std::stable_sort(all.begin(), all.end(), [](const Entitlement* a, const Entitlement* b) { return lower_ascii(a->title) < lower_ascii(b->title); });
    List items;
    for (const Entitlement* e : all) items.push_back(summary(site, page, *e));
    return offer_frame(site, page, "pages/offer-a-to-z",
                       Record{{"items", items}, {"description", "Everything care leavers can get, from A to Z."}});
}

PageFrame entitlement_page(const SiteContext& site, const SitePage& page) {
    const Entitlement* found = nullptr;
    for (const Entitlement& e : site.content.local_offer->entitlements)
        if (e.id == page.key) found = &e;
    const Entitlement& e = *found;
    Html more;
    std::vector<Heading> headings;
    if (e.more) {
        MarkdownContext ctx = markdown_context_for(site, page.file);
        RenderedMarkdown r = render_markdown(e.more->tree.get(), ctx);
        more = r.body;
    }
    std::string topic(label_of(offer_topics(), e.topic));
    PageFrame frame = offer_frame(site, page, "pages/entitlement",
                                  Record{{"title", e.title},
                                         {"topic", topic},
                                         {"topic_href", href_to(site, page, "local-offer/topic-" + e.topic)},
                                         {"ages", ages(e)},
                                         {"amount", e.amount ? money(*e.amount) : std::string()},
                                         {"who", e.who},
                                         {"how", e.how},
                                         {"contact", e.contact},
                                         {"law", e.law},
                                         {"more", more},
                                         {"description", e.title + ": who can get it, how much, and how to ask."}});
    frame.parents.push_back({topic, "local-offer/topic-" + e.topic + ".html"});
    return frame;
}

}  // namespace safesite
