"""Children whose timings are known, planted at the boundaries of the
timeliness findings (docs/timeliness.md): day 45 and 46 of an assessment,
day 15 and 16 before a conference, a review on the last day it was due and
the day after, two years to the day, three placements within 12 months and
a day over. Used by generate-returns.py --planted N; each plant records the
findings `safesite check --today <census day>` must give it, and no other
timeliness finding may be on a planted child.

The working-day calendar here is written out by hand from gov.uk's list of
bank holidays in England and Wales, separately from the generator's own."""
import datetime as dt

D = dt.date
DAY = dt.timedelta(days=1)

BANK_HOLIDAYS = {D(*d) for d in [
    (2017, 1, 2), (2017, 4, 14), (2017, 4, 17), (2017, 5, 1), (2017, 5, 29), (2017, 8, 28), (2017, 12, 25), (2017, 12, 26),
    (2018, 1, 1), (2018, 3, 30), (2018, 4, 2), (2018, 5, 7), (2018, 5, 28), (2018, 8, 27), (2018, 12, 25), (2018, 12, 26),
    (2019, 1, 1), (2019, 4, 19), (2019, 4, 22), (2019, 5, 6), (2019, 5, 27), (2019, 8, 26), (2019, 12, 25), (2019, 12, 26),
    (2020, 1, 1), (2020, 4, 10), (2020, 4, 13), (2020, 5, 8), (2020, 5, 25), (2020, 8, 31), (2020, 12, 25), (2020, 12, 28),
    (2021, 1, 1), (2021, 4, 2), (2021, 4, 5), (2021, 5, 3), (2021, 5, 31), (2021, 8, 30), (2021, 12, 27), (2021, 12, 28),
    (2022, 1, 3), (2022, 4, 15), (2022, 4, 18), (2022, 5, 2), (2022, 6, 2), (2022, 6, 3), (2022, 8, 29), (2022, 9, 19),
    (2022, 12, 26), (2022, 12, 27),
    (2023, 1, 2), (2023, 4, 7), (2023, 4, 10), (2023, 5, 1), (2023, 5, 8), (2023, 5, 29), (2023, 8, 28), (2023, 12, 25),
    (2023, 12, 26),
    (2024, 1, 1), (2024, 3, 29), (2024, 4, 1), (2024, 5, 6), (2024, 5, 27), (2024, 8, 26), (2024, 12, 25), (2024, 12, 26),
    (2025, 1, 1), (2025, 4, 18), (2025, 4, 21), (2025, 5, 5), (2025, 5, 26), (2025, 8, 25), (2025, 12, 25), (2025, 12, 26),
    (2026, 1, 1), (2026, 4, 3), (2026, 4, 6), (2026, 5, 4), (2026, 5, 25), (2026, 8, 31), (2026, 12, 25), (2026, 12, 28),
]}
FIRST_YEAR, LAST_YEAR = 2023, 2025  # collection years whose plants stay inside the calendar above


def working(d):
    return d.weekday() < 5 and d not in BANK_HOLIDAYS


def add_wd(d, n):
    while n > 0:
        d += DAY
        if working(d):
            n -= 1
    return d


def add_months(d, n):
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    m += 1
    last = (D(y + (m == 12), m % 12 + 1, 1) - DAY).day
    return D(y, m, min(d.day, last))


def episode(referral, **more):
    ep = {"referral": referral, "source": "6", "need": "N1", "nfa": False, "assessments": [], "plans": [],
          "s47": [], "cpp": [], "pp": [], "closure": None}
    ep.update(more)
    if ep["closure"]:
        ep["reason"] = "RC7"
    return ep


def enquiry(start, conf):
    return {"start": start, "target": start + 21 * DAY, "conf": conf, "not_required": conf is None}


def plan(start, end, reviews, previous=0):
    return {"start": start, "end": end, "initial": "NEG", "latest": "NEG", "previous": previous, "reviews": reviews}


def care_row(child, start, rne, end=None):
    row = {"DECOM": start, "RNE": rne, "LS": "C2", "CIN": "N1", "PLACE": "U4", "PLACE_PROVIDER": "PR1",
           "HOME_POST": child.home, "PL_POST": child.home, "URN": "SC000001"}
    if end:
        row["DEC"], row["REC"], row["REASON_PLACE_CHANGE"] = end, "X1", "CARPL"
    return row


def on_time_cla_reviews(start, until):
    r = [add_wd(start, 20)]
    r.append(add_months(r[-1], 3))
    while add_months(r[-1], 6) < until:
        r.append(add_months(r[-1], 6))
    return [x for x in r if x < until]


class Planter:
    """Each method plants one child and returns the findings it must get:
    (code, date of the entry the finding is on)."""

    def __init__(self, rng, ref):
        self.rng, self.ref = rng, ref
        self.first = D(ref.year - 1, 4, 1)

    def early(self, days=20):
        return self.first + self.rng.randint(0, days) * DAY

    def assessment_done(self, c):
        n = self.rng.choice([44, 45, 46, 47])
        start = self.first + self.rng.randint(0, 200) * DAY
        auth = add_wd(start, n)
        c.episodes.append(episode(start, assessments=[{"start": start, "auth": auth, "factors": ["3A"]}], closure=auth + 5 * DAY))
        return [("assessment-over-45-working-days", auth)] if n > 45 else []

    def assessment_open(self, c):
        n = self.rng.choice([44, 45, 46, 47])
        start = self.ref
        while sum(1 for k in range(1, (self.ref - start).days + 1) if working(start + k * DAY)) < n:
            start -= DAY
        c.episodes.append(episode(start, assessments=[{"start": start, "auth": None, "factors": []}]))
        return [("assessment-over-45-working-days", start)] if n > 45 else []

    def conference(self, c):
        n = self.rng.choice([14, 15, 16, 17])
        referral = self.first + self.rng.randint(0, 250) * DAY
        s47 = referral + 2 * DAY
        conf = add_wd(s47, n)
        c.episodes.append(episode(referral, s47=[enquiry(s47, conf)], closure=conf + 10 * DAY))
        return [("conference-over-15-working-days", conf)] if n > 15 else []

    def protection_reviews(self, c):
        referral = self.early()
        s47 = referral + DAY
        start = add_wd(s47, 10)
        o1, o2 = self.rng.choice([-1, 0, 1]), self.rng.choice([-1, 0, 1])
        r1 = add_months(start, 3) + o1 * DAY
        r2 = add_months(r1, 6) + o2 * DAY
        end = r2 + 20 * DAY
        c.episodes.append(episode(referral, s47=[enquiry(s47, start)], cpp=[plan(start, end, [r1, r2])], closure=end + 5 * DAY))
        return [("cp-review-late", r) for r, o in ((r1, o1), (r2, o2)) if o > 0]

    def protection_no_review(self, c):
        start = add_months(self.ref, -3) + self.rng.choice([-1, 0, 1]) * DAY
        s47 = start - 14 * DAY  # 10 working days or fewer
        c.episodes.append(episode(s47 - DAY, s47=[enquiry(s47, start)], cpp=[plan(start, None, [])]))
        return [("cp-review-late", start)] if self.ref > add_months(start, 3) else []

    def protection_two_years(self, c):
        start = add_months(self.ref, -24) + self.rng.choice([-1, 0, 1]) * DAY
        reviews = [add_months(start, 3)]
        while add_months(reviews[-1], 6) < self.ref:
            reviews.append(add_months(reviews[-1], 6))
        s47 = start - 14 * DAY
        c.episodes.append(episode(s47 - DAY, s47=[enquiry(s47, start)], cpp=[plan(start, None, reviews)]))
        return [("cp-plan-over-two-years", start)] if add_months(start, 24) <= self.ref else []

    def protection_repeat(self, c):
        second = self.ref - self.rng.randint(10, 60) * DAY
        end = add_months(second, -24) - self.rng.choice([-1, 0, 1]) * DAY
        first = end - 60 * DAY
        c.episodes.append(episode(first - 15 * DAY, s47=[enquiry(first - 14 * DAY, first)], cpp=[plan(first, end, [])],
                                  closure=end + 5 * DAY))
        c.episodes.append(episode(second - 15 * DAY, s47=[enquiry(second - 14 * DAY, second)], cpp=[plan(second, None, [], 1)]))
        return [("repeat-cp-plan", second)] if second <= add_months(end, 24) else []

    def care_reviews(self, c):
        start = self.early()
        o1, o2, o3 = (self.rng.choice([-1, 0, 1]) for _ in range(3))
        r1 = add_wd(start, 20 + o1)
        r2 = add_months(r1, 3) + o2 * DAY
        r3 = add_months(r2, 6) + o3 * DAY
        c.care.append(care_row(c, start, "S"))
        c.reviews = [{"REVIEW": r, "REVIEW_CODE": "PN1"} for r in (r1, r2, r3)]
        return [("cla-review-late", r) for r, o in ((r1, o1), (r2, o2), (r3, o3)) if o > 0]

    def care_no_review(self, c):
        candidates = [self.ref - k * DAY for k in range(20, 45) if abs((add_wd(self.ref - k * DAY, 20) - self.ref).days) <= 2]
        start = self.rng.choice(candidates)
        c.care.append(care_row(c, start, "S"))
        return [("cla-review-late", start)] if self.ref > add_wd(start, 20) else []

    def care_moves(self, c):
        start = add_months(self.ref, -14) + self.rng.randint(0, 20) * DAY
        second = start + 100 * DAY
        third = add_months(start, 12) - DAY + self.rng.choice([0, 1]) * DAY
        c.care += [care_row(c, start, "S", second), care_row(c, second, "P", third), care_row(c, third, "P")]
        c.reviews = [{"REVIEW": r, "REVIEW_CODE": "PN1"} for r in on_time_cla_reviews(start, self.ref)]
        return [("placement-moves-in-year", third)] if third < add_months(start, 12) else []

    KINDS = ["assessment_done", "assessment_open", "conference", "protection_reviews", "protection_no_review",
             "protection_two_years", "protection_repeat", "care_reviews", "care_no_review", "care_moves"]

    def plant(self, c, i):
        c.born = self.ref - dt.timedelta(days=365 * 10 + self.rng.randint(0, 1500))
        return getattr(self, self.KINDS[i % len(self.KINDS)])(c)


# The findings every other generated child must get, worked out here from
# its history for the rules whose reading needs nothing the returns leave
# out (reviews before the year are, so the review rules are checked on the
# planted children only).
BACKGROUND_CODES = ["assessment-over-45-working-days", "conference-over-15-working-days", "cp-plan-over-two-years",
                    "repeat-cp-plan", "placement-moves-in-year"]


def wd_between(a, b):
    return sum(1 for k in range(1, (b - a).days + 1) if working(a + k * DAY))


def background_findings(child, ref):
    out = []
    plans = []
    for ep in child.episodes:
        for a in ep["assessments"]:
            if a["auth"] and wd_between(a["start"], a["auth"]) > 45:
                out.append(("assessment-over-45-working-days", a["auth"]))
            if not a["auth"] and wd_between(a["start"], ref) > 45:
                out.append(("assessment-over-45-working-days", a["start"]))
        for s in ep["s47"]:
            if s["conf"] and wd_between(s["start"], s["conf"]) > 15:
                out.append(("conference-over-15-working-days", s["conf"]))
        plans += ep["cpp"]
    plans.sort(key=lambda p: p["start"])
    for i, p in enumerate(plans):
        if add_months(p["start"], 24) <= (p["end"] or ref):
            out.append(("cp-plan-over-two-years", p["start"]))
        ended = [q["end"] for q in plans[:i] if q["end"] and q["end"] < p["start"]]
        if ended and p["start"] <= add_months(max(ended), 24):
            out.append(("repeat-cp-plan", p["start"]))
    starts = sorted(e["DECOM"] for e in child.care if e["RNE"] != "L")
    i = 0
    while i + 3 <= len(starts):
        end = add_months(starts[i], 12)
        j = i + 2
        if not starts[j] < end:
            i += 1
            continue
        while j + 1 < len(starts) and starts[j + 1] < end:
            j += 1
        out.append(("placement-moves-in-year", starts[j]))
        i = j + 1
    return out
