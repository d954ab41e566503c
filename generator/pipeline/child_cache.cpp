#include "pipeline/child_cache.h"

#include "output/site_writer.h"

#include <cstdio>
#include <cstring>

namespace safesite {

namespace {

constexpr std::string_view kMagic = "safesite children 1\n";

// Numbers in this machine's byte order: the record is read back only by the build that wrote it, here.
class Out {
public:
    template <typename T>
    void number(T v) {
        char b[sizeof v];
        std::memcpy(b, &v, sizeof v);
        s.append(b, sizeof v);
    }
    void text(std::string_view t) {
        number(static_cast<std::uint32_t>(t.size()));
        s.append(t);
    }
    std::string s;
};

class In {
public:
    explicit In(std::string_view b) : bytes(b) {}
    template <typename T>
    bool number(T& v) {
        if (bytes.size() - at < sizeof v) return false;
        std::memcpy(&v, bytes.data() + at, sizeof v);
        at += sizeof v;
        return true;
    }
    bool text(std::string& t) {
        std::uint32_t n = 0;
        if (!number(n) || bytes.size() - at < n) return false;
        t.assign(bytes.substr(at, n));
        at += n;
        return true;
    }
    std::string_view bytes;
    std::size_t at = 0;
};

}  // namespace

std::string child_cache_part(int part) {
    char name[32];
    std::snprintf(name, sizeof name, ".safesite-children/%05d.bin", part);
    return name;
}

std::string encode_cached_child(const CachedChild& c) {
    Out o;
    o.text(c.folder);
    o.number(c.stamp.size);
    o.number(c.stamp.modified_ns);
    for (const std::string* t : {&c.summary.id, &c.summary.name, &c.summary.preferred, &c.summary.status}) o.text(*t);
    o.number(static_cast<std::int32_t>(c.summary.findings));
    o.number(static_cast<std::uint32_t>(c.findings.size()));
    for (const Diagnostic& d : c.findings) {
        o.text(d.where.path);
        o.number(static_cast<std::int32_t>(d.where.line));
        o.number(static_cast<std::int32_t>(d.where.column));
        o.number(static_cast<std::uint8_t>(d.severity == Severity::error));
        for (const std::string* t : {&d.message, &d.hint, &d.code, &d.source_line}) o.text(*t);
    }
    o.text(c.needles.child_id);
    o.text(c.needles.source_path);
    o.number(static_cast<std::uint32_t>(c.needles.names.size()));
    for (const std::string& n : c.needles.names) o.text(n);
    o.number(static_cast<std::uint32_t>(c.needles.texts.size()));
    for (const ChildNeedles::Text& t : c.needles.texts) {
        o.number(t.key);
        o.number(t.whole);
        o.number(t.length);
    }
    return std::move(o.s);
}

std::optional<CachedChild> decode_cached_child(std::string_view bytes) {
    In in(bytes);
    CachedChild c;
    std::int32_t findings = 0;
    std::uint32_t count = 0;
    bool ok = in.text(c.folder) && in.number(c.stamp.size) && in.number(c.stamp.modified_ns) && in.text(c.summary.id) && in.text(c.summary.name) &&
              in.text(c.summary.preferred) && in.text(c.summary.status) && in.number(findings) && in.number(count);
    if (!ok || count > bytes.size()) return std::nullopt;
    c.summary.findings = findings;
    c.findings.resize(count);
    for (Diagnostic& d : c.findings) {
        std::int32_t line = 0, column = 0;
        std::uint8_t error = 0;
        if (!in.text(d.where.path) || !in.number(line) || !in.number(column) || !in.number(error) || !in.text(d.message) || !in.text(d.hint) ||
            !in.text(d.code) || !in.text(d.source_line))
            return std::nullopt;
        d.where.line = line;
        d.where.column = column;
        d.severity = error ? Severity::error : Severity::warning;
    }
    if (!in.text(c.needles.child_id) || !in.text(c.needles.source_path) || !in.number(count) || count > bytes.size()) return std::nullopt;
    c.needles.names.resize(count);
    for (std::string& n : c.needles.names)
        if (!in.text(n)) return std::nullopt;
    if (!in.number(count) || count > bytes.size()) return std::nullopt;
    c.needles.texts.resize(count);
    for (ChildNeedles::Text& t : c.needles.texts)
        if (!in.number(t.key) || !in.number(t.whole) || !in.number(t.length)) return std::nullopt;
    if (in.at != bytes.size()) return std::nullopt;
    return c;
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
            In in(std::string_view(data_).substr(at_));
            std::uint32_t length = 0;
            if (!in.number(length) || in.bytes.size() - in.at < length) {
                done_ = true;
                data_.clear();
                return std::nullopt;
            }
            held_ = in.bytes.substr(in.at, length);
            at_ += in.at + length;
            In name(held_);
            if (!name.text(held_folder_)) {
                held_ = {};
                continue;
            }
        }
        if (held_folder_ > folder) return std::nullopt;
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
