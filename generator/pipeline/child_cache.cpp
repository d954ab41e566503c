#include "pipeline/child_cache.h"

#include "output/site_writer.h"
#include "support/binary_codec.h"

#include <cstdio>
#include <cstring>

namespace safesite {

namespace {

constexpr std::string_view kMagic = "safesite children 3\n";

}  // namespace

std::string child_cache_part(int part) {
    char name[32];
    std::snprintf(name, sizeof name, ".safesite-children/%05d.bin", part);
    return name;
}

std::string encode_cached_child(const CachedChild& c) {
    BinaryOut o;
    o.text(c.folder);
    o.number(c.stamp.size);
    o.number(c.stamp.modified_ns);
    for (const std::string* t : {&c.summary.id, &c.summary.name, &c.summary.preferred, &c.summary.status}) o.text(*t);
    o.number(static_cast<std::int32_t>(c.summary.findings));
    o.number(static_cast<std::int32_t>(c.summary.my_plan));
    o.number(static_cast<std::uint32_t>(c.findings.size()));
    for (const Diagnostic& d : c.findings) o.diagnostic(d);
    o.text(c.needles.child_id);
    o.text(c.needles.source_path);
    o.number(static_cast<std::uint32_t>(c.needles.names.size()));
    for (const std::string& n : c.needles.names) o.text(n);
    o.number(static_cast<std::uint32_t>(c.needles.texts.size()));
    for (const ChildNeedles::Text& t : c.needles.texts) {
        o.number(t.key);
        o.number(t.whole);
        o.number(t.length);
        o.number(t.next);
    }
    return std::move(o.bytes);
}

std::optional<CachedChild> decode_cached_child(std::string_view bytes) {
    BinaryIn in(bytes);
    CachedChild c;
    std::int32_t findings = 0, my_plan = 0;
    std::uint32_t count = 0;
    bool ok = in.text(c.folder) && in.number(c.stamp.size) && in.number(c.stamp.modified_ns) && in.text(c.summary.id) && in.text(c.summary.name) &&
              in.text(c.summary.preferred) && in.text(c.summary.status) && in.number(findings) && in.number(my_plan) && in.number(count);
    if (!ok || count > bytes.size()) return std::nullopt;
    c.summary.findings = findings;
    c.summary.my_plan = my_plan != 0;
    c.findings.resize(count);
    for (Diagnostic& d : c.findings)
        if (!in.diagnostic(d)) return std::nullopt;
    c.summary.kinds = finding_kinds(c.findings);
    if (!in.text(c.needles.child_id) || !in.text(c.needles.source_path) || !in.number(count) || count > bytes.size()) return std::nullopt;
    c.needles.names.resize(count);
    for (std::string& n : c.needles.names)
        if (!in.text(n)) return std::nullopt;
    if (!in.number(count) || count > bytes.size()) return std::nullopt;
    c.needles.texts.resize(count);
    for (ChildNeedles::Text& t : c.needles.texts)
        if (!in.number(t.key) || !in.number(t.whole) || !in.number(t.length) || !in.number(t.next)) return std::nullopt;
    if (!in.done()) return std::nullopt;
    return c;
}

void for_each_cached_child(std::string_view part, const std::function<void(const CachedChild&)>& each) {
    if (!part.starts_with(kMagic)) return;
    BinaryIn in(part.substr(kMagic.size()));
    while (!in.done()) {
        std::uint32_t length = 0;
        if (!in.number(length) || in.bytes.size() - in.at < length) return;
        auto child = decode_cached_child(in.bytes.substr(in.at, length));
        in.at += length;
        if (child) each(*child);
    }
}

bool ChildCacheReader::next_part() {
    if (done_) return false;
    std::string err;
    auto data = fs_.read(join_path(dir_, child_cache_part(part_++)), &err);
    if (!data || !std::string_view(*data).starts_with(kMagic)) {
        done_ = true;
        data_.clear();
        return false;
    }
    data_ = std::move(*data);
    at_ = kMagic.size();
    return true;
}

std::optional<std::string_view> ChildCacheReader::find(const std::string& folder) {
    for (;;) {
        if (held_.empty()) {
            // The next record: a length, then the record, which starts with its folder's name.
            while (at_ >= data_.size())
                if (!next_part()) return std::nullopt;
            BinaryIn in(std::string_view(data_).substr(at_));
            std::uint32_t length = 0;
            if (!in.number(length) || in.bytes.size() - in.at < length) {
                done_ = true;
                data_.clear();
                return std::nullopt;
            }
            held_ = in.bytes.substr(in.at, length);
            at_ += in.at + length;
            BinaryIn name(held_);
            if (!name.text(held_folder_)) {
                held_ = {};
                continue;
            }
        }
        // Folders come in the order of their files' paths ("a-b/" before "a/").
        if (held_folder_ + '/' > folder + '/') return std::nullopt;
        std::string_view record = held_;
        held_ = {};
        if (held_folder_ == folder) return record;
    }
}

bool ChildCacheWriter::add(std::string_view record, Diagnostics& diags) {
    if (data_.empty()) data_ = kMagic;
    auto length = static_cast<std::uint32_t>(record.size());
    char b[sizeof length];
    std::memcpy(b, &length, sizeof length);
    data_.append(b, sizeof length);
    data_.append(record);
    return ++count_ < kPerPart || flush(diags);
}

bool ChildCacheWriter::flush(Diagnostics& diags) {
    if (count_ == 0) return true;
    bool ok = restricted_.write(child_cache_part(part_++), data_, diags);
    data_.clear();
    count_ = 0;
    return ok;
}

bool ChildCacheWriter::finish(Diagnostics& diags) { return flush(diags); }

}  // namespace safesite
