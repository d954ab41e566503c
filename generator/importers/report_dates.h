// The dates a report prints: when inspectors visited, and when it was
// published. Every way Ofsted has written them since 2009: "13 to 17
// November 2023", "8 October 2018 to 19 October 2018", "2 June 2014 –
// 25 June 2014", "17–30 January 2013", "19/11/2013 to 29/11/2013", visits
// in two parts ("4 to 8 and 18 to 22 March 2019"), the label with or
// without a colon, singular or plural.
#pragma once

#include "importers/report_lines.h"
#include "support/date.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct VisitDates {
    std::optional<Date> start, end;
    std::string problem;  // why they could not be read; empty when they were
    std::string warning;  // read, but they cannot be right as printed (a visit of a year, or one ending before it starts)
};

// The dates in a piece of text, in order, each month and year taken from
// the next date that states them ("13 to 17 November 2023" is two dates).
// Empty when a day is left without a month or year.
std::vector<Date> dates_in(std::string_view text);

VisitDates read_visit_dates(const std::vector<ReportLine>& lines);
std::optional<Date> read_published(const std::vector<ReportLine>& lines);

}  // namespace safesite
