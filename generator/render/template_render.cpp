// Filling a template with values. Every value is escaped for the place the
// parser found it in; only Html built by the generator goes in as markup.
#include "render/template.h"
#include "render/template_set.h"

namespace safesite {

namespace {

constexpr int kMaxPartialDepth = 32;

struct Frame {
    const Value* value;
    int number = 0;  // 1-based position inside an {{#each}}, 0 outside
    int count = 0;
};

class Renderer {
public:
    Renderer(const Template& t, const TemplateSet& set, Diagnostics& diags, int depth) : t_(t), set_(set), diags_(diags), depth_(depth) {}

    bool run(const std::vector<TemplateNode>& nodes, std::vector<Frame>& frames, std::string& out);

private:
    const Value* lookup(const TemplateNode& n, const std::vector<Frame>& frames, Value& scratch);
    void fail(const TemplateNode& n, std::string message, std::string hint = {}) {
        diags_.error(n.where, std::move(message), std::move(hint));
        ok_ = false;
    }

    const Template& t_;
    const TemplateSet& set_;
    Diagnostics& diags_;
    int depth_;
    bool ok_ = true;
};

const Value* Renderer::lookup(const TemplateNode& n, const std::vector<Frame>& frames, Value& scratch) {
    const std::string& first = n.path.front();
    const Value* found = nullptr;
    if (first == ".") return frames.back().value;
    if (first[0] == '@') {
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
            if (it->number == 0) continue;
            if (first == "@number") scratch = Value(it->number);
            else if (first == "@first") scratch = Value(it->number == 1);
            else if (first == "@last") scratch = Value(it->number == it->count);
            else break;
            return &scratch;
        }
        fail(n, "'" + first + "' only has a value inside {{#each}}", "use @number, @first or @last inside {{#each}}");
        return nullptr;
    }
    for (auto it = frames.rbegin(); it != frames.rend() && !found; ++it) {
        if (!it->value->is_record()) continue;
        found = it->value->record().get(first);
    }
    if (!found) {
        std::string names;
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
            if (!it->value->is_record()) continue;
            for (const auto& [k, _] : it->value->record()) names += (names.empty() ? "" : ", ") + k;
            break;
        }
        fail(n, "no value named '" + first + "' here", names.empty() ? "" : "values here: " + names);
        return nullptr;
    }
    for (std::size_t k = 1; k < n.path.size(); ++k) {
        if (!found->is_record()) {
            fail(n, "'" + n.path[k - 1] + "' has no parts, so '" + n.text + "' means nothing");
            return nullptr;
        }
        const Value* part = found->record().get(n.path[k]);
        if (!part) {
            fail(n, "'" + n.path[k - 1] + "' has no part named '" + n.path[k] + "'");
            return nullptr;
        }
        found = part;
    }
    return found;
}

bool Renderer::run(const std::vector<TemplateNode>& nodes, std::vector<Frame>& frames, std::string& out) {
    Value scratch;  // holds @number, @first and @last while a node uses them
    for (const TemplateNode& n : nodes) {
        switch (n.kind) {
            case TemplateNode::Kind::literal: out += n.text; break;
            case TemplateNode::Kind::value: {
                const Value* v = lookup(n, frames, scratch);
                if (!v) break;
                if (v->is_html()) {
                    if (n.slot == Slot::text) out += v->html().markup();
                    else fail(n, "'" + n.text + "' is HTML and cannot go inside an attribute");
                } else if (v->is_text()) {
                    if (n.slot == Slot::text) append_text(out, v->text());
                    else if (n.slot == Slot::attribute) append_attribute_value(out, v->text());
                    else append_url_attribute(out, v->text());
                } else if (!v->is_nothing()) {
                    fail(n, "'" + n.text + "' is a list or a record, not text", "use {{#each " + n.text + "}} or name one of its parts");
                }
                break;
            }
            case TemplateNode::Kind::when:
            case TemplateNode::Kind::unless: {
                const Value* v = lookup(n, frames, scratch);
                if (!v) break;
                bool yes = v->truthy() == (n.kind == TemplateNode::Kind::when);
                run(yes ? n.body : n.otherwise, frames, out);
                break;
            }
            case TemplateNode::Kind::with: {
                // The value's parts become names in scope, when it is set.
                const Value* v = lookup(n, frames, scratch);
                if (!v) break;
                if (!v->truthy()) {
                    run(n.otherwise, frames, out);
                    break;
                }
                Value held = *v;
                frames.push_back({&held});
                run(n.body, frames, out);
                frames.pop_back();
                break;
            }
            case TemplateNode::Kind::each: {
                const Value* v = lookup(n, frames, scratch);
                if (!v) break;
                if (v->is_nothing() || (!v->is_list() && !v->truthy())) {
                    run(n.otherwise, frames, out);
                    break;
                }
                if (!v->is_list()) {
                    fail(n, "'" + n.text + "' is not a list", "use {{#if " + n.text + "}} for a single value");
                    break;
                }
                const List& items = v->list();
                if (items.empty()) run(n.otherwise, frames, out);
                int count = static_cast<int>(items.size());
                for (int k = 0; k < count; ++k) {
                    frames.push_back({&items[static_cast<std::size_t>(k)], k + 1, count});
                    run(n.body, frames, out);
                    frames.pop_back();
                }
                break;
            }
            case TemplateNode::Kind::partial: {
                const Template* p = set_.find(n.text);
                if (!p) {
                    fail(n, "no partial named '" + n.text + "'");
                    break;
                }
                if (depth_ >= kMaxPartialDepth) {
                    fail(n, "partials include each other more than " + std::to_string(kMaxPartialDepth) + " deep", "a partial may be including itself");
                    break;
                }
                Renderer inner(*p, set_, diags_, depth_ + 1);
                if (!inner.run(p->nodes_for_render(), frames, out)) ok_ = false;
                break;
            }
        }
        if (!ok_ && depth_ >= kMaxPartialDepth) return false;
    }
    (void)t_;
    return ok_;
}

}  // namespace

std::optional<Html> Template::render(const Value& data, const TemplateSet& set, Diagnostics& diags) const {
    std::vector<Frame> frames{{&data}};
    std::string out;
    // A page's layout filled in is about 11 KB: grown from nothing, it is copied a dozen times.
    std::size_t hint = last_size_.bytes.load(std::memory_order_relaxed);
    out.reserve(std::max<std::size_t>(16384, hint + hint / 8));
    Renderer r(*this, set, diags, 0);
    if (!r.run(nodes_, frames, out)) return std::nullopt;
    last_size_.bytes.store(out.size(), std::memory_order_relaxed);
    return Html(std::move(out));
}

std::vector<const TemplateNode*> Template::partials() const {
    std::vector<const TemplateNode*> out;
    auto walk = [&](const auto& self, const std::vector<TemplateNode>& nodes) -> void {
        for (const auto& n : nodes) {
            if (n.kind == TemplateNode::Kind::partial) out.push_back(&n);
            self(self, n.body);
            self(self, n.otherwise);
        }
    };
    walk(walk, nodes_);
    return out;
}

}  // namespace safesite
