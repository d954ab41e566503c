#include "analysis/offer_checks.h"

#include "analysis/offer_topics.h"
#include "analysis/readability.h"
#include "analysis/site_checks.h"
#include "model/markdown_tree.h"

#include <cmath>
#include <set>

namespace safesite {

namespace {

void reading_level(const std::string& path, const std::string& text, Location at, int target, const KnownWords& known, Diagnostics& diags) {
    at.path = path;
    for (const SentenceLevel& s : sentences_above(text, target, known))
        diags.warning(at,
                      "\"" + s.sentence + "\" reads at about age " + std::to_string(static_cast<int>(std::floor(s.reading_age))) +
                          ", above the target of " + std::to_string(target),
                      "use shorter sentences and everyday words; docs/site-pages.md explains the measure; the target is site.xml's <readability>",
                      "reading-level-too-high");
}

void markdown_reading_level(const MarkdownText& md, int target, const KnownWords& known, Diagnostics& diags) {
    cmark_iter* it = cmark_iter_new(md.tree.get());
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH && cmark_node_get_type(n) != CMARK_NODE_ITEM)) continue;
        if (cmark_node_get_type(n) == CMARK_NODE_ITEM) continue;  // its paragraphs are checked
        reading_level(md.source_path, plain_text(n), locate_in_markdown({md.source_path, md.source, 1, md.tree.get()}, n), target, known, diags);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
    cmark_iter_free(it);
}

}  // namespace

void check_local_offer(const Content& content, const SiteMap& map, const AbbreviationIndex& abbreviations, Date today, Diagnostics& diags) {
    if (!content.local_offer) return;
    const LocalOffer& offer = *content.local_offer;
    Location root = offer.where;
    root.path = offer.source_path;
    std::set<std::string> covered;
    for (const Entitlement& e : offer.entitlements) covered.insert(e.area);
    for (const NamedValue& area : statutory_areas())
        if (!covered.count(std::string(area.id)))
            diags.warning(root, "the offer has nothing for " + std::string(area.label) + ", one of the six areas the law says it must cover",
                          "add an entitlement with topic or area=\"" + std::string(area.id) + "\"", "offer-area-missing");
    if (offer.reviewed.year && add_months(offer.reviewed, 12) < today)
        diags.warning(root, "the offer was last reviewed on " + offer.reviewed.long_form() + ", more than 12 months ago",
                      "review it with care leavers, then update reviewed=\"YYYY-MM-DD\"", "offer-review-overdue");
    int target = content.site.thresholds.reading_age_target;
    const KnownWords& known = abbreviations.known_words();
    // Without the glossary that loaded, its terms would all count as hard words.
    bool judge_reading = content.glossary_loaded;
    for (const Entitlement& e : offer.entitlements) {
        Location at = e.where;
        at.path = offer.source_path;
        if (e.how.empty())
            diags.warning(at, "'" + e.title + "' does not say how to ask for it", "add <how>: who to ask, and what happens next", "entitlement-without-how");
        if (judge_reading) reading_level(offer.source_path, e.who, e.who_where, target, known, diags);
        if (judge_reading && !e.how.empty()) reading_level(offer.source_path, e.how, e.how_where, target, known, diags);
        if (e.more) {
            check_markdown({e.more->source_path, e.more->source, 1, e.more->tree.get()}, map, &abbreviations, diags);
            if (judge_reading) markdown_reading_level(*e.more, target, known, diags);
        }
    }
    if (offer.intro) {
        check_markdown({offer.intro->source_path, offer.intro->source, 1, offer.intro->tree.get()}, map, &abbreviations, diags);
        if (judge_reading) markdown_reading_level(*offer.intro, target, known, diags);
    }
}

}  // namespace safesite
