// A template: HTML with {{value}}, {{#if}}, {{#unless}}, {{#each}},
// {{#with}}, {{else}} and {{> partial}}. The parser reads the HTML around each tag, so
// it knows whether a value lands in text, in an attribute or in a URL and
// escapes it for that place; values cannot go anywhere else. It also checks
// that the template's own elements balance, inside every section too, so
// whatever the data, the output is well formed.
#pragma once

#include "render/template_value.h"
#include "support/diagnostics.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

class TemplateSet;

enum class Slot { text, attribute, url };

struct TemplateNode {
    enum class Kind { literal, value, when, unless, each, with, partial };
    Kind kind = Kind::literal;
    std::string text;               // literal text, or the name as written
    std::vector<std::string> path;  // the name split at dots
    Slot slot = Slot::text;
    std::vector<TemplateNode> body;
    std::vector<TemplateNode> otherwise;
    Location where;
};

class Template {
public:
    // `name` is how others refer to it ("partials/header"); `path` is where
    // it came from, for messages. Problems go to `diags`.
    static std::optional<Template> parse(std::string name, std::string path, std::string_view source, Diagnostics& diags);
    // A stylesheet to be included whole inside <style>, for documents that
    // must load nothing. It may not contain '<', so it cannot end the element.
    static std::optional<Template> stylesheet(std::string name, std::string path, std::string_view source, Diagnostics& diags);

    // Renders with `data` (a record) as the outermost scope.
    std::optional<Html> render(const Value& data, const TemplateSet& set, Diagnostics& diags) const;

    const std::string& name() const { return name_; }
    const std::string& path() const { return path_; }
    // Every partial named in this template, with where it was named.
    std::vector<const TemplateNode*> partials() const;
    const std::vector<TemplateNode>& nodes_for_render() const { return nodes_; }

private:
    // How long this template's last output was: the next is given that room
    // at once, instead of being copied each time it outgrows its buffer (a
    // chronology of 200 entries is 200 KB). Shared by threads; only a hint.
    struct SizeHint {
        mutable std::atomic<std::size_t> bytes{16384};
        SizeHint() = default;
        SizeHint(const SizeHint& other) : bytes(other.bytes.load(std::memory_order_relaxed)) {}
        SizeHint& operator=(const SizeHint& other) {
            bytes.store(other.bytes.load(std::memory_order_relaxed), std::memory_order_relaxed);
            return *this;
        }
    };

    std::string name_;
    std::string path_;
    std::vector<TemplateNode> nodes_;
    SizeHint last_size_;
};

}  // namespace safesite
