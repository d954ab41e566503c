#include "importers/child_record_writer.h"

#include "content/xml_document.h"
#include "support/escape.h"

#include <pugixml.hpp>

#include <map>
#include <set>

namespace safesite {

std::string child_folder_name(std::string_view source_id) {
    std::string out;
    for (char c : source_id) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    // A prefix, because the leak guard looks for every child's id in the
    // public pages, and a bare id such as "32" is in ordinary text; an id
    // that has it already ("CHILD-0001") is not given it twice.
    if (out.empty() || (out.starts_with("child-") && out.size() > 6)) return out;
    return "child-" + out;
}

namespace {

// Keys made unique within one child: two events of the same kind on the same
// day get "#2", "#3" in the order the return lists them, which is the same
// order every year.
std::vector<std::pair<std::string, const ImportedEntry*>> keyed(const ImportedChild& child) {
    std::vector<std::pair<std::string, const ImportedEntry*>> out;
    std::map<std::string, int> seen;
    for (const ImportedEntry& e : child.entries) {
        int n = ++seen[e.key];
        out.emplace_back(n == 1 ? e.key : e.key + "#" + std::to_string(n), &e);
    }
    return out;
}

void append_entry(std::string& out, const std::string& indent, const std::string& key, const ImportedEntry& e, std::string_view source) {
    out += indent + "<entry date=\"" + e.date.iso() + "\" agency=\"childrens-social-care\" category=\"" + e.category + "\"";
    if (!e.significance.empty()) out += " significance=\"" + e.significance + "\"";
    if (!e.plan_kind.empty()) out += " plan-kind=\"" + e.plan_kind + "\"";
    out += " source=\"" + std::string(source) + "\" key=\"" + escape_attribute(key) + "\">\n";
    out += indent + "  <event>" + escape_text(e.event) + "</event>\n";
    out += indent + "</entry>\n";
}

std::string new_record(const std::string& id, const ImportedChild& child, std::string_view source) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<!-- Made by safesite import from the ";
    out += source == kCinSource ? "Children in Need census" : "SSDA903 return";
    out += ". Entries with a source are the import's: the next import adds to them and never changes anything else,"
           " so write your own entries, impacts and the plan here as usual. -->\n";
    out += "<child id=\"" + id + "\" source-id=\"" + escape_attribute(child.source_id) + "\">\n";
    out += "  <name placeholder=\"true\">Child " + escape_text(child.source_id) + " (name not recorded)</name>\n";
    out += "  <born date=\"" + child.born->iso() + "\"" + (child.born_expected ? " approx=\"true\"" : "") + "/>\n";
    if (!child.sex.empty()) out += "  <sex>" + escape_text(child.sex) + "</sex>\n";
    out += "  <chronology>\n";
    for (const auto& [key, e] : keyed(child)) append_entry(out, "    ", key, *e, source);
    out += "  </chronology>\n</child>\n";
    return out;
}

// Where a node's markup starts: pugixml gives the offset of an element's
// name and of a comment's text, not of their '<'.
std::size_t start_of(const pugi::xml_node& node, const std::string& text) {
    auto at = static_cast<std::size_t>(node.offset_debug());
    switch (node.type()) {
    case pugi::node_element:
    case pugi::node_pi:
    case pugi::node_declaration: return text.rfind('<', at);
    case pugi::node_comment: return text.rfind("<!--", at);
    default: return at;
    }
}

// Where an element ends: where its next sibling starts, or its parent's end
// tag, found backwards from where the parent ends.
std::size_t end_of(const pugi::xml_node& node, const std::string& text);

std::size_t end_tag_start(const pugi::xml_node& node, const std::string& text) {
    std::size_t end = node.parent().type() == pugi::node_document ? text.size() : end_of(node, text);
    std::size_t at = text.rfind("</" + std::string(node.name()), end);
    return at == std::string::npos ? end : at;
}

std::size_t end_of(const pugi::xml_node& node, const std::string& text) {
    if (pugi::xml_node next = node.next_sibling()) return start_of(next, text);
    return end_tag_start(node.parent(), text);
}

// The start of the line `at` is on, when only spaces come before it there.
std::size_t line_start_if_blank(const std::string& text, std::size_t at) {
    std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
    start = start == std::string::npos ? 0 : start + 1;
    return text.find_first_not_of(" \t", start) == at ? start : at;
}

std::string indent_of(const std::string& text, std::size_t at) {
    std::size_t start = line_start_if_blank(text, at);
    return start == at && (at == 0 || text[at - 1] != '\n') ? std::string() : text.substr(start, at - start);
}

}  // namespace

std::optional<MergedRecord> merge_child_record(const std::optional<std::string>& existing, const std::string& path, const std::string& id,
                                               const ImportedChild& child, std::string_view source, Diagnostics& diags) {
    if (!existing) return MergedRecord{new_record(id, child, source), static_cast<int>(child.entries.size())};
    // The safe parser first: it refuses entities and external DTDs that pugixml would pass over.
    if (!XmlDocument::parse(path, *existing, diags)) return std::nullopt;
    const std::string& text = *existing;
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments,
                                                    pugi::encoding_utf8);
    pugi::xml_node root = doc.child("child");
    if (!parsed || !root) {
        diags.error({path, 1, 1}, "this is not a child's record", "a child's record is a <child> element; move this file out of children/");
        return std::nullopt;
    }
    std::string owner = root.attribute("source-id").value();
    if (!owner.empty() && owner != child.source_id) {
        diags.error({path, 1, 1}, "this folder holds child '" + owner + "', not '" + child.source_id + "', though both ids give the folder name '" + id + "'",
                    "rename one child's folder and id in the content, then import again");
        return std::nullopt;
    }
    std::set<std::string> have;
    pugi::xml_node chronology = root.child("chronology");
    for (pugi::xml_node e : chronology.children("entry"))
        if (source == e.attribute("source").value()) have.insert(e.attribute("key").value());
    std::string indent = "    ";
    pugi::xml_node last_entry;
    for (pugi::xml_node e : chronology.children("entry")) last_entry = e;
    if (last_entry) indent = indent_of(text, start_of(last_entry, text));
    std::string added;
    int count = 0;
    for (const auto& [key, e] : keyed(child)) {
        if (have.count(key)) continue;
        append_entry(added, indent, key, *e, source);
        ++count;
    }
    if (count == 0) return MergedRecord{text, 0};
    std::string out;
    if (chronology && chronology.first_child()) {
        std::size_t at = line_start_if_blank(text, end_tag_start(chronology, text));
        if (at > 0 && text[at - 1] != '\n') added = "\n" + added;
        out = text.substr(0, at) + added + text.substr(at);
    } else if (chronology) {  // <chronology/> or <chronology></chronology>
        std::size_t start = start_of(chronology, text);
        std::size_t end = end_of(chronology, text);
        std::size_t close = text.rfind('>', end) + 1;
        std::string own = indent_of(text, start);
        out = text.substr(0, start) + "<chronology>\n" + added + own + "</chronology>" + text.substr(close);
    } else {
        std::size_t at = line_start_if_blank(text, end_tag_start(root, text));
        std::string block = "  <chronology>\n" + added + "  </chronology>\n";
        if (at > 0 && text[at - 1] != '\n') block = "\n" + block;
        out = text.substr(0, at) + block + text.substr(at);
    }
    return MergedRecord{std::move(out), count};
}

void ChildRecordWriter::add(const ImportedChild& child) {
    std::string id = child_folder_name(child.source_id);
    if (id.empty()) {
        diags_.error(child.where, "the child's id '" + child.source_id + "' has no letters or digits to name a folder with");
        return;
    }
    auto [it, fresh] = folders_.emplace(id, child.source_id);
    if (!fresh) {
        diags_.error(child.where, "children '" + it->second + "' and '" + child.source_id + "' would share the folder children/" + id + "/",
                     "safesite names folders in lower case with hyphens; give one of them another id in the return");
        return;
    }
    std::string relative = "children/" + id + "/child.xml";
    std::string path = join_path(content_dir_, relative);
    std::optional<std::string> existing;
    if (fs_.exists(path)) {
        std::string err;
        existing = fs_.read(path, &err);
        if (!existing) {
            diags_.error({relative, 0, 0}, "cannot read the record: " + err);
            return;
        }
    }
    auto merged = merge_child_record(existing, relative, id, child, source_, diags_);
    if (!merged) return;
    ++summary_.children;
    if (existing && merged->added == 0) {
        ++summary_.unchanged;
        return;
    }
    std::string err;
    std::string temporary = path + ".importing";
    if (!fs_.make_directories(join_path(content_dir_, "children/" + id), &err) || !fs_.write(temporary, merged->text, &err) ||
        !fs_.move_file(temporary, path, &err)) {
        diags_.error({relative, 0, 0}, "cannot write the record: " + err);
        return;
    }
    ++(existing ? summary_.updated : summary_.created);
    summary_.entries_added += merged->added;
}

ImportSummary write_child_records(FileSystem& fs, const std::string& content_dir, const std::vector<ImportedChild>& children,
                                  std::string_view source, Diagnostics& diags) {
    ChildRecordWriter writer(fs, content_dir, source, diags);
    for (const ImportedChild& child : children) writer.add(child);
    return writer.summary();
}

}  // namespace safesite
