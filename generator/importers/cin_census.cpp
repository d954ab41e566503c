#include "importers/cin_census.h"

#include "content/xml_stream.h"
#include "support/concat.h"

namespace safesite {

namespace {

// Reads one child's elements, reporting bad values at their own line.
class ChildReader {
public:
    ChildReader(const XmlPlaces& doc, Diagnostics& diags, CinChild& child) : doc_(doc), diags_(diags), child_(child) {}

    void error(const xmlNode* at, std::string message, std::string hint = {}) {
        diags_.add(doc_.diagnostic_at(doc_.locate(at), Severity::error, std::move(message), std::move(hint)));
        child_.has_errors = true;
    }

    std::string text(const xmlNode* parent, std::string_view name) { return folded_text(first_child(parent, name)); }

    std::optional<Date> date(const xmlNode* parent, std::string_view name) {
        const xmlNode* e = first_child(parent, name);
        if (!e) return std::nullopt;
        std::string value = folded_text(e);
        if (value.empty()) return std::nullopt;
        auto d = parse_full_date(value);
        if (!d) error(e, concat("<", name, "> has the value '", value, "', which is not a date"), "write dates as YYYY-MM-DD, e.g. 2024-03-31");
        return d;
    }

    std::optional<bool> flag(const xmlNode* parent, std::string_view name) {
        const xmlNode* e = first_child(parent, name);
        if (!e) return std::nullopt;
        std::string value = folded_text(e);
        if (value == "1" || value == "true") return true;
        if (value == "0" || value == "false") return false;
        if (!value.empty()) error(e, concat("<", name, "> has the value '", value, "', which is not true or false"), "write 1 or true, 0 or false");
        return std::nullopt;
    }

    std::optional<int> count(const xmlNode* parent, std::string_view name) {
        const xmlNode* e = first_child(parent, name);
        if (!e) return std::nullopt;
        std::string value = folded_text(e);
        if (value.empty()) return std::nullopt;
        if (value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos) {
            error(e, concat("<", name, "> has the value '", value, "', which is not a whole number"));
            return std::nullopt;
        }
        return std::stoi(value);
    }

    std::vector<std::string> texts(const xmlNode* parent, std::string_view list, std::string_view item) {
        std::vector<std::string> out;
        for (const xmlNode* e : child_elements(first_child(parent, list), item))
            if (auto v = folded_text(e); !v.empty()) out.push_back(std::move(v));
        return out;
    }

    CinAssessment assessment(const xmlNode* e) {
        CinAssessment a;
        a.where = doc_.locate(e);
        a.start = date(e, "AssessmentActualStartDate");
        a.internal_review = date(e, "AssessmentInternalReviewDate");
        a.authorised = date(e, "AssessmentAuthorisationDate");
        a.factors = texts(e, "FactorsIdentifiedAtAssessment", "AssessmentFactors");
        return a;
    }

    CinSection47 section47(const xmlNode* e) {
        CinSection47 s;
        s.where = doc_.locate(e);
        s.start = date(e, "S47ActualStartDate");
        s.conference_target = date(e, "InitialCPCtarget");
        s.conference = date(e, "DateOfInitialCPC");
        s.conference_not_required = flag(e, "ICPCnotRequired");
        return s;
    }

    CinProtectionPlan protection_plan(const xmlNode* e) {
        CinProtectionPlan p;
        p.where = doc_.locate(e);
        p.start = date(e, "CPPstartDate");
        p.end = date(e, "CPPendDate");
        p.initial_category = text(e, "InitialCategoryOfAbuse");
        p.latest_category = text(e, "LatestCategoryOfAbuse");
        p.previous_plans = count(e, "NumberOfPreviousCPP");
        for (const xmlNode* r : child_elements(first_child(e, "Reviews"), "CPPreviewDate")) {
            std::string value = folded_text(r);
            if (auto d = parse_full_date(value)) p.reviews.push_back(*d);
            else error(r, "<CPPreviewDate> has the value '" + value + "', which is not a date", "write dates as YYYY-MM-DD, e.g. 2024-03-31");
        }
        return p;
    }

    CinEpisode episode(const xmlNode* e) {
        CinEpisode ep;
        ep.where = doc_.locate(e);
        ep.referral = date(e, "CINreferralDate");
        if (folded_text(first_child(e, "CINreferralDate")).empty()) error(e, "this episode of need has no <CINreferralDate>", "every <CINdetails> starts with the date of its referral");
        ep.referral_source = text(e, "ReferralSource");
        ep.primary_need = text(e, "PrimaryNeedCode");
        ep.referral_nfa = flag(e, "ReferralNFA");
        ep.closure = date(e, "CINclosureDate");
        ep.closure_reason = text(e, "ReasonForClosure");
        ep.initial_conference = date(e, "DateOfInitialCPC");
        for (const xmlNode* a : child_elements(e, "Assessments")) ep.assessments.push_back(assessment(a));
        for (const xmlNode* p : child_elements(e, "CINPlanDates")) {
            CinPlanDates plan;
            plan.where = doc_.locate(p);
            plan.start = date(p, "CINPlanStartDate");
            plan.end = date(p, "CINPlanEndDate");
            ep.plans.push_back(plan);
        }
        for (const xmlNode* s : child_elements(e, "Section47")) ep.section47s.push_back(section47(s));
        for (const xmlNode* p : child_elements(e, "ChildProtectionPlans")) ep.protection_plans.push_back(protection_plan(p));
        for (const xmlNode* block : child_elements(e, "PreProceedingsandFGDM")) {
            CinPreProceedings pp;
            pp.where = doc_.locate(block);
            for (const xmlNode* field : child_elements(block)) pp.fields.emplace_back(element_name(field), folded_text(field));
            ep.pre_proceedings.push_back(std::move(pp));
        }
        return ep;
    }

    void read(const xmlNode* e) {
        child_.where = doc_.locate(e);
        const xmlNode* ids = first_child(e, "ChildIdentifiers");
        child_.la_child_id = text(ids, "LAchildID");
        if (child_.la_child_id.empty())
            error(ids ? ids : e, "this child has no <LAchildID>", "every <Child> needs the council's own id for the child in <ChildIdentifiers>");
        child_.born = date(ids, "PersonBirthDate");
        child_.expected_birth = date(ids, "ExpectedPersonBirthDate");
        child_.died = date(ids, "PersonDeathDate");
        // Sex from 2024-25; GenderCurrent in the years before.
        child_.sex_field = first_child(ids, "Sex") ? "Sex" : "GenderCurrent";
        child_.sex = text(ids, child_.sex_field);
        const xmlNode* traits = first_child(e, "ChildCharacteristics");
        child_.ethnicity = text(traits, "Ethnicity");
        child_.disabilities = texts(traits, "Disabilities", "Disability");
        for (const xmlNode* d : child_elements(e, "CINdetails")) child_.episodes.push_back(episode(d));
    }

private:
    const XmlPlaces& doc_;
    Diagnostics& diags_;
    CinChild& child_;
};

}  // namespace

namespace {

// The census a child at a time: the header is read at the first child, and
// a file that is not a census stops there.
class CensusReading {
public:
    CensusReading(const std::string& path, long long max_bytes, Diagnostics& diags, const EachCinChild& each)
        : path_(path), max_bytes_(max_bytes), diags_(diags), each_(each) {}

    XmlStream::Each record() {
        return [this](const xmlNode* e, const XmlStream& stream) {
            if (!header_read_ && !read_header(stream)) return false;
            if (element_name(e) != "Child" || element_name(e->parent) != "Children") return true;
            CinChild child;
            ChildReader(stream, diags_, child).read(e);
            ++children_;
            return each_(header_, std::move(child));
        };
    }

    // After the stream: a file with no children still says whether it is a census.
    bool finish(const XmlStream::Result& r) {
        if (r.file.problem == FileSystem::Checked::too_big) {
            diags_.error({path_, 0, 0},
                         "the file is " + std::to_string(r.file.size) + " bytes, more than safesite reads (" + std::to_string(max_bytes_) + ")",
                         "a census this large is not one council's return; check that this is the right file");
            return false;
        }
        if (r.file.problem != FileSystem::Checked::none) {
            diags_.error({path_, 0, 0}, "cannot read the file: " + r.file.error);
            return false;
        }
        if (r.empty) {
            diags_.error({path_, 1, 1}, "the file is empty", "export the Children in Need census again from the case management system");
            return false;
        }
        return r.ok && is_census_;
    }

    XmlStream::AtEnd at_end() {
        return [this](const XmlStream& stream) {
            if (!header_read_) read_header(stream);
        };
    }

    const CinHeader& header() const { return header_; }
    std::size_t children() const { return children_; }

private:
    bool read_header(const XmlStream& stream) {
        header_read_ = true;
        const xmlNode* root = stream.root();
        const xmlNode* details = first_child(first_child(root, "Header"), "CollectionDetails");
        std::string collection = folded_text(first_child(details, "Collection"));
        if (element_name(root) != "Message" || !first_child(root, "Children") || (!collection.empty() && collection != "CIN")) {
            diags_.add(stream.diagnostic_at(stream.locate(root), Severity::error, "this is not a Children in Need census file",
                                            "the census is a <Message> with <Header><CollectionDetails><Collection>CIN</Collection> and <Children>"));
            is_census_ = false;
            return false;
        }
        header_.collection_year = folded_text(first_child(details, "Year"));
        header_.reference_date = parse_full_date(folded_text(first_child(details, "ReferenceDate")));
        return true;
    }

    const std::string& path_;
    long long max_bytes_;
    Diagnostics& diags_;
    const EachCinChild& each_;
    CinHeader header_;
    bool header_read_ = false;
    bool is_census_ = true;
    std::size_t children_ = 0;
};

// Read the whole census into memory: for the tests, and small returns.
CinCensus collected(const std::function<bool(const EachCinChild&, CinHeader*)>& read) {
    CinCensus census;
    CinHeader header;
    bool ok = read(
        [&](const CinHeader&, CinChild&& child) {
            census.children.push_back(std::move(child));
            return true;
        },
        &header);
    census.collection_year = header.collection_year;
    census.reference_date = header.reference_date;
    if (!ok) census.children.clear();
    return census;
}

}  // namespace

bool read_cin_census_text(const std::string& path, std::string_view text, Diagnostics& diags, const EachCinChild& each, CinHeader* header) {
    CensusReading reading(path, kMaxReturnBytes, diags, each);
    bool ok = reading.finish(XmlStream::read_text(path, text, "Children", reading.record(), diags, reading.at_end()));
    if (header) *header = reading.header();
    return ok;
}

bool read_cin_census_stream(FileSystem& fs, const std::string& path, Diagnostics& diags, const EachCinChild& each, CinHeader* header,
                            long long max_bytes) {
    CensusReading reading(path, max_bytes, diags, each);
    bool ok = reading.finish(XmlStream::read_file(fs, path, max_bytes, "Children", reading.record(), diags, reading.at_end()));
    if (header) *header = reading.header();
    return ok;
}

CinCensus read_cin_census(const std::string& path, std::string text, Diagnostics& diags) {
    return collected([&](const EachCinChild& each, CinHeader* header) { return read_cin_census_text(path, text, diags, each, header); });
}

CinCensus read_cin_census_file(FileSystem& fs, const std::string& path, Diagnostics& diags, long long max_bytes) {
    return collected(
        [&](const EachCinChild& each, CinHeader* header) { return read_cin_census_stream(fs, path, diags, each, header, max_bytes); });
}

}  // namespace safesite
