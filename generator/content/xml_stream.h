// A large XML file read a piece at a time, for the statutory returns: each
// record (an element in a container just below the root, such as a <Child>
// in <Message><Children>) is handed over whole once its end tag is read, then
// let go with the bytes before it. Memory holds one record and one piece of the
// file, not the file: a census of 20,000 children reads in the same room as
// one of 500. What XmlDocument refuses, this refuses too.
#pragma once

#include "content/xml_document.h"
#include "support/file_system.h"

#include <functional>
#include <string_view>

namespace safesite {

class XmlStream final : public XmlPlaces {
public:
    // `each` gets every record and this stream (for locating its elements and
    // reading the root's earlier children, the header); it returns false to
    // stop. The result is false when the file is refused or not well-formed.
    using Each = std::function<bool(const xmlNode* record, const XmlStream& stream)>;
    // Called once the whole file has been read well, with the root and what
    // is left of it (a file with no records has only its header).
    using AtEnd = std::function<void(const XmlStream& stream)>;

    struct Result {
        bool ok = false;     // well-formed, nothing refused, not stopped
        bool empty = false;  // nothing but white space: no message given, the caller says what is missing
        FileSystem::Checked file;  // how reading the file went (never too big or failed when ok)
    };
    // The file at `path`, refused before reading when over `max_bytes`.
    // `container` names the element below the root that holds the records.
    static Result read_file(FileSystem& fs, const std::string& path, long long max_bytes, std::string_view container, const Each& each,
                            Diagnostics& diags, const AtEnd& at_end = {});
    // The same from bytes already in memory (the tests' returns).
    static Result read_text(const std::string& path, std::string_view text, std::string_view container, const Each& each, Diagnostics& diags,
                            const AtEnd& at_end = {});

    // The root element, holding what came before the current record.
    const xmlNode* root() const;

    Location locate(const xmlNode* element) const override;
    Diagnostic diagnostic_at(const Location& where, Severity severity, std::string message, std::string hint = {},
                             std::string code = {}) const override;

    static constexpr std::size_t kPiece = 256 * 1024;

private:
    XmlStream(std::string path, std::string_view container) : bytes_{std::move(path), {}}, container_(container) {}
    bool start(const Each& each, Diagnostics& diags);
    bool feed(std::string_view piece, bool last);
    Result finish(const AtEnd& at_end);
    void ended(xmlParserCtxtPtr ctxt);

    XmlBytes bytes_;
    std::string container_;
    SafeParse state_{nullptr, nullptr, false, {}};
    xmlParserCtxtPtr ctxt_ = nullptr;
    const Each* each_ = nullptr;
    Diagnostics* diags_ = nullptr;
    Diagnostics xml_;  // the parser's own findings, apart from what `each` reports
    bool stopped_ = false;
    bool blank_ = true;  // nothing but white space has come yet, so nothing is parsed yet

public:
    ~XmlStream() override;
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;
};

}  // namespace safesite
