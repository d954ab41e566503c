#include "content/xml_stream.h"

#include <libxml/parserInternals.h>

#include <cstring>

namespace safesite {

namespace {

// Where the records are: the root is at depth 1, its containers at 2.
constexpr int kRecordParentDepth = 2;

}  // namespace

XmlStream::~XmlStream() {
    if (!ctxt_) return;
    if (ctxt_->myDoc) xmlFreeDoc(ctxt_->myDoc);
    ctxt_->myDoc = nullptr;
    xmlFreeParserCtxt(ctxt_);
}

bool XmlStream::start(const Each& each, Diagnostics& diags) {
    each_ = &each;
    diags_ = &diags;
    state_ = SafeParse{&bytes_, &xml_, false, [this](xmlParserCtxtPtr ctxt) { ended(ctxt); }};
    xmlSAXHandler sax = safe_sax_handler();
    ctxt_ = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, bytes_.path.c_str());
    if (!ctxt_) {
        diags.error({bytes_.path, 1, 1}, "could not start the XML parser");
        return false;
    }
    ctxt_->userData = ctxt_;
    ctxt_->_private = &state_;
    xmlCtxtUseOptions(ctxt_, kSafeParseOptions);
    ctxt_->linenumbers = 1;
    return true;
}

bool XmlStream::feed(std::string_view piece, bool last) {
    if (stopped_ || state_.refused) return false;
    bytes_.text.append(piece);
    if (blank_) {
        // The parser starts at the first piece that holds more than white
        // space, so an empty file is told as that, not as broken XML.
        if (piece.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
        blank_ = false;
        if (!is_utf8_declared_or_default(bytes_.text)) {
            xml_.error({bytes_.path, 1, 1}, "the document is not in UTF-8", "save the file as UTF-8 and declare encoding=\"UTF-8\"");
            stopped_ = true;
            return false;
        }
        piece = bytes_.text;
    }
    xmlParseChunk(ctxt_, piece.data(), static_cast<int>(piece.size()), last ? 1 : 0);
    return !stopped_ && !state_.refused;
}

XmlStream::Result XmlStream::finish(const AtEnd& at_end) {
    Result r;
    if (blank_) {
        r.empty = true;
        return r;
    }
    if (!stopped_ && !state_.refused) xmlParseChunk(ctxt_, nullptr, 0, 1);
    r.ok = ctxt_->wellFormed && !state_.refused && !stopped_ && !xml_.has_errors();
    diags_->append(xml_);
    if (r.ok && !root()) {
        diags_->error({bytes_.path, 1, 1}, "the document has no root element");
        r.ok = false;
    }
    if (r.ok && at_end) at_end(*this);
    return r;
}

// A record has just ended when the parser is back in the record's container.
void XmlStream::ended(xmlParserCtxtPtr ctxt) {
    if (ctxt->nodeNr != kRecordParentDepth || !ctxt->node || !ctxt->node->last || ctxt->node->last->type != XML_ELEMENT_NODE ||
        container_ != reinterpret_cast<const char*>(ctxt->node->name))
        return;
    xmlNode* container = ctxt->node;
    if (!stopped_ && !(*each_)(container->last, *this)) {
        stopped_ = true;
        xmlStopParser(ctxt);
    }
    // The record, and the white space between records, are let go; so are
    // the bytes up to here, which nothing refers to any more.
    while (xmlNode* gone = container->children) {
        xmlUnlinkNode(gone);
        xmlFreeNode(gone);
    }
    bytes_.drop_before(parse_offset(ctxt));
}

XmlStream::Result XmlStream::read_file(FileSystem& fs, const std::string& path, long long max_bytes, std::string_view container, const Each& each,
                                       Diagnostics& diags, const AtEnd& at_end) {
    XmlStream stream(path, container);
    if (!stream.start(each, diags)) return {};
    FileSystem::Checked file = fs.read_in_pieces(path, max_bytes, kPiece, [&](std::string_view piece) { return stream.feed(piece, false); });
    if (file.problem != FileSystem::Checked::none) return {false, false, std::move(file)};
    Result r = stream.finish(at_end);
    r.file = std::move(file);
    return r;
}

XmlStream::Result XmlStream::read_text(const std::string& path, std::string_view text, std::string_view container, const Each& each,
                                       Diagnostics& diags, const AtEnd& at_end) {
    XmlStream stream(path, container);
    if (!stream.start(each, diags)) return {};
    for (std::size_t at = 0; at < text.size(); at += kPiece)
        if (!stream.feed(text.substr(at, kPiece), false)) break;
    return stream.finish(at_end);
}

const xmlNode* XmlStream::root() const { return ctxt_ && ctxt_->myDoc ? xmlDocGetRootElement(ctxt_->myDoc) : nullptr; }

Location XmlStream::locate(const xmlNode* element) const {
    std::size_t offset = element_offset(element);
    // The bytes of what came before the records (the root, the header) may
    // have been let go; libxml2 kept its line.
    if (offset < bytes_.start && element) return {bytes_.path, static_cast<int>(element->line), 1};
    return bytes_.locate(offset);
}

Diagnostic XmlStream::diagnostic_at(const Location& where, Severity severity, std::string message, std::string hint, std::string code) const {
    return {where, severity, std::move(message), std::move(hint), std::move(code), bytes_.line(where.line)};
}

}  // namespace safesite
