#!/usr/bin/env python3
"""Writes fictional, internally consistent statutory returns for testing:
OUTDIR/cin.xml (a Children in Need census) and OUTDIR/903/*.csv (SSDA903 on
children looked after), for one collection year.

    generate-returns.py OUTDIR --children N --seed S --year 2024-25

Every child is invented: ids, dates, UPNs and postcodes come from a seeded
random generator, so the same arguments always give the same files. Histories
hang together: a referral comes before its assessment, a section 47 enquiry
before its conference, a conference before a child protection plan, a closure
after everything in its episode; children are re-referred (some within 12
months), have second plans, come into care, move placements, go missing, leave
care and are asked about on their care leaver birthdays. The 903 CHILD id is
the same as the census LAchildID. Python 3 standard library only.

With --planted N, N more children (ids TP...) have timings planted at the
boundaries of the timeliness findings (timeliness_plants.py), and
OUTDIR/expected-timeliness.tsv lists each planted child and the findings it
must get, and for every other child the findings of the rules that can be
worked out from its history alone; tests/bench/timeliness checks them.
"""
import argparse
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import timeliness_plants  # noqa: E402

D = dt.date
DAY = dt.timedelta(days=1)

REFERRAL_SOURCES = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
                    "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"]
SOURCE_WEIGHTS = [6, 2, 1, 1, 14, 3, 3, 3, 1, 2, 3, 3, 2, 3, 3, 2, 4, 28, 2, 6, 1, 1]
NEEDS = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
NEED_WEIGHTS = [55, 10, 4, 8, 14, 2, 1, 3, 3]
FACTORS_OLD = ["1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
               "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A",
               "14A", "15A", "16A", "17A", "18A", "19A", "20", "22A", "23A", "24A"]
FACTORS_NEW = [f for f in FACTORS_OLD if f not in ("18A", "19A")] + ["18B", "18C", "19B", "19C"]
ABUSE = ["NEG", "EMO", "PHY", "SAB", "MUL"]
ABUSE_WEIGHTS = [50, 36, 7, 4, 3]
ETHNIC = ["WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
          "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"]
ETHNIC_WEIGHTS = [70, 1, 6, 1, 1, 2, 1, 1, 2, 2, 2, 1, 1, 1, 3, 1, 1, 2, 1, 1]
DISABILITIES = ["AUT", "BEH", "COMM", "CON", "DDA", "HAND", "HEAR", "INC", "LD", "MOB", "PC", "VIS"]
LEGAL_START = ["V2", "V2", "V2", "C1", "C1", "L2", "J1"]
REASON_PLACE_CHANGE = ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
                       "PLACE", "OTHER"]
REVIEW_CODES = ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
ACTIVITIES = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"]
ACCOMMODATION = ["B1", "C1", "D1", "E1", "K1", "T1", "U1", "Z1", "B2", "S2", "V2", "W2", "X2", "Y1"]
PROVIDERS = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]


def placements(year_start):
    """Placement types in use in the collection year (the list changed in
    2024-25 and again in 2025-26)."""
    common = ["U1", "U3", "U4", "U4", "U6", "U6", "U6", "U6", "K2", "K2", "P1", "R1", "S1", "U2", "U5"]
    if year_start >= 2025:
        return common + ["K3", "K3", "Z11"]
    if year_start == 2024:
        return common + ["K3", "H5", "P2"]
    return common + ["H5", "H5", "P2", "Z1"]


def ddmmyyyy(d):
    return d.strftime("%d/%m/%Y") if d else ""


def postcode(rng):
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return "%s%s%d %d%s%s" % (rng.choice("BCDEGHLMNPRSTW"), rng.choice("ABDEHLMNRST"), rng.randint(1, 30),
                              rng.randint(1, 9), rng.choice(letters), rng.choice(letters))


def upn(rng):
    return rng.choice("ABCDEFGHJKLMNPRTUVWXYZ") + "".join(str(rng.randint(0, 9)) for _ in range(12))


def pick(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def add_days(d, lo, hi, rng):
    return d + dt.timedelta(days=rng.randint(lo, hi))


class Child:
    def __init__(self, number, rng, ref):
        self.id = "LA%07d" % number
        self.born = add_days(ref, -17 * 365 - 300, -30, rng)
        self.sex = rng.choice("MF") if rng.random() < 0.98 else "U"
        self.ethnic = pick(rng, ETHNIC, ETHNIC_WEIGHTS)
        self.disabilities = rng.sample(DISABILITIES, rng.randint(1, 2)) if rng.random() < 0.12 else []
        self.upn = upn(rng)
        self.former_upn = upn(rng) if rng.random() < 0.05 else None
        self.home = postcode(rng)
        self.episodes = []      # CIN episodes: dicts
        self.care = []          # 903 episodes: dicts
        self.reviews = []
        self.missing = []
        self.care_leaver = None
        self.uasc_ceased = None


def make_cin_history(child, rng, ref, year_start):
    """One to four episodes of need, each closed before the next begins; the
    last may still be open on the census day."""
    start = max(child.born + dt.timedelta(days=rng.randint(0, 2000)), ref - dt.timedelta(days=6 * 365))
    if start > ref - dt.timedelta(days=20):
        start = ref - dt.timedelta(days=rng.randint(20, 300))
    previous_plans = 0
    factors = FACTORS_NEW if year_start >= 2024 else FACTORS_OLD
    while start < ref - dt.timedelta(days=10) and len(child.episodes) < 4:
        ep = {"referral": start, "source": pick(rng, REFERRAL_SOURCES, SOURCE_WEIGHTS),
              "need": pick(rng, NEEDS, NEED_WEIGHTS), "nfa": rng.random() < 0.1,
              "assessments": [], "plans": [], "s47": [], "cpp": [], "pp": []}
        last = start
        if not ep["nfa"]:
            a_start = add_days(start, 0, 6, rng)
            a_auth = add_days(a_start, 8, 75, rng)
            if a_auth > ref:
                a_auth = None
            ep["assessments"].append({"start": a_start, "auth": a_auth,
                                      "factors": rng.sample(factors, rng.randint(1, 4)) if a_auth else []})
            last = a_auth or a_start
            if rng.random() < 0.3:
                s47 = add_days(start, 0, 10, rng)
                conf = add_days(s47, 5, 25, rng) if rng.random() < 0.6 else None
                if conf and conf > ref:
                    conf = None
                ep["s47"].append({"start": s47, "target": s47 + dt.timedelta(days=21), "conf": conf,
                                  "not_required": conf is None})
                last = max(last, conf or s47)
                if conf and rng.random() < 0.85:
                    cpp_end = add_days(conf, 90, 900, rng) if rng.random() < 0.97 else add_days(conf, 730, 800, rng)
                    if cpp_end > ref:
                        cpp_end = None
                    category = pick(rng, ABUSE, ABUSE_WEIGHTS)
                    reviews = []
                    r = conf + dt.timedelta(days=rng.randint(80, 92))
                    while r < (cpp_end or ref):
                        reviews.append(r)
                        r += dt.timedelta(days=rng.randint(170, 185))
                    ep["cpp"].append({"start": conf, "end": cpp_end, "initial": category,
                                      "latest": category if rng.random() < 0.85 else pick(rng, ABUSE, ABUSE_WEIGHTS),
                                      "previous": previous_plans, "reviews": reviews})
                    previous_plans += 1
                    last = max(last, cpp_end or ref)
                    if year_start >= 2025 and rng.random() < 0.15:
                        pp = add_days(conf, 60, 200, rng)
                        if pp < ref:
                            ep["pp"].append({"PPStartDate": pp, "LBPSentDate": pp + 3 * DAY,
                                             "FGDMMeetingOffer": "1", "FGDMMeetingFac": rng.choice("01"),
                                             "InitialPPMeetingDate": pp + 10 * DAY,
                                             "ReviewMeetingsCount": str(rng.randint(0, 3))})
                    if cpp_end and rng.random() < 0.3:
                        ep["plans"].append({"start": cpp_end, "end": add_days(cpp_end, 60, 300, rng)})
            if not ep["cpp"] and a_auth and rng.random() < 0.45:
                p_start = add_days(a_auth, 0, 14, rng)
                p_end = add_days(p_start, 90, 500, rng)
                ep["plans"].append({"start": p_start, "end": p_end})
                last = max(last, p_end)
        for p in ep["plans"]:
            if p["end"] and p["end"] > ref:
                p["end"] = None
        close = add_days(last, 1, 40, rng)
        if close < ref and rng.random() < 0.92:
            ep["closure"] = close
            ep["reason"] = "RC8" if ep["nfa"] else rng.choice(["RC7", "RC7", "RC7", "RC8", "RC9", "RC9", "RC5", "RC3", "RC4"])
            child.episodes.append(ep)
            # Re-referral: a third within 12 months.
            start = add_days(close, 20, 330, rng) if rng.random() < 0.35 else add_days(close, 366, 1400, rng)
        else:
            ep["closure"] = None
            child.episodes.append(ep)
            break


def make_care_history(child, rng, ref, year_start):
    """Looked after from some point of an episode of need, with placement
    moves, legal status changes, reviews and missing periods."""
    start = None
    for ep in child.episodes:
        for c in ep["cpp"]:
            start = add_days(c["start"], 30, 400, rng)
            break
    if start is None:
        start = add_days(child.episodes[0]["referral"], 5, 200, rng)
    if start >= ref or start <= child.born:
        return
    eighteen = D(child.born.year + 18, child.born.month, min(child.born.day, 28))
    legal = rng.choice(LEGAL_START)
    place = rng.choice(placements(year_start))
    d, rne, n = start, "S", 0
    need = child.episodes[0]["need"] if child.episodes[0]["need"] != "N9" else "N1"
    ended = False
    while n < 8:
        n += 1
        nxt = add_days(d, 40, 500, rng)
        row = {"DECOM": d, "RNE": rne, "LS": legal, "CIN": need, "PLACE": place,
               "PLACE_PROVIDER": rng.choice(PROVIDERS), "HOME_POST": child.home, "PL_POST": postcode(rng),
               "URN": "SC%06d" % rng.randint(0, 999999)}
        if nxt >= ref and eighteen >= ref:
            child.care.append(row)  # open on the census day
            break
        if eighteen <= nxt:
            row["DEC"], row["REC"] = eighteen, rng.choice(["E17", "E5", "E6", "E8"])
            child.care.append(row)
            ended = True
            break
        if rng.random() < 0.2 and n > 1:
            row["DEC"], row["REC"] = nxt, rng.choice(["E4A", "E11", "E12", "E41", "E45", "E46", "E47", "E4B", "E13"])
            child.care.append(row)
            ended = True
            break
        row["DEC"], row["REC"] = nxt, "X1"
        if rng.random() < 0.3 and legal in ("C1", "V2", "L2", "J1"):
            legal, rne = ("C2" if legal in ("C1", "L2") else "C1"), "L"
        else:
            place, rne = rng.choice(placements(year_start)), "P"
            row["REASON_PLACE_CHANGE"] = rng.choice(REASON_PLACE_CHANGE)
        child.care.append(row)
        d = nxt
    end = child.care[-1].get("DEC") if ended else ref
    r = start + dt.timedelta(days=rng.randint(20, 28))
    while r < end:
        age = (r - child.born).days / 365.25
        child.reviews.append({"REVIEW": r, "REVIEW_CODE": "PN0" if age < 4 else rng.choice(REVIEW_CODES)})
        r += dt.timedelta(days=rng.randint(150, 182))
    age_now = (ref - child.born).days / 365.25
    if age_now > 11 and rng.random() < 0.25:
        m = add_days(start, 10, 200, rng)
        for _ in range(rng.randint(1, 5)):
            if m >= end:
                break
            back = add_days(m, 0, 6, rng)
            child.missing.append({"MISSING": rng.choice("MMA"), "MIS_START": m, "MIS_END": back if back < ref else None})
            m = add_days(back, 5, 120, rng)
    if rng.random() < 0.03:
        child.uasc_ceased = eighteen


def make_care_leaver(number, rng, ref, year_start):
    """An older young person who left care at 18 and has a birthday from 17
    to 21 in the year: asked about their activity and accommodation."""
    child = Child(number, rng, ref)
    age = rng.randint(17, 21)
    birthday = add_days(ref, -364, 0, rng)
    child.born = D(birthday.year - age, birthday.month, min(birthday.day, 28))
    eighteen = D(child.born.year + 18, child.born.month, child.born.day)
    start = add_days(child.born, 13 * 365, 16 * 365, rng)
    child.episodes.append({"referral": add_days(start, -60, -5, rng), "source": "6", "need": "N1", "nfa": False,
                           "assessments": [], "plans": [], "s47": [], "cpp": [], "pp": [],
                           "closure": None})
    if age >= 18:
        child.episodes[0]["closure"] = eighteen
        child.episodes[0]["reason"] = "RC7"
    child.care.append({"DECOM": start, "RNE": "S", "LS": "V2", "CIN": "N1", "PLACE": "U6",
                       "PLACE_PROVIDER": "PR1", "HOME_POST": child.home, "PL_POST": postcode(rng),
                       "URN": "SC%06d" % rng.randint(0, 999999),
                       "DEC": eighteen if eighteen < ref else None, "REC": "E17" if eighteen < ref else None})
    if age >= 19 or age == 17:
        in_touch = rng.choices(["YES", "NO", "REFU", "NREQ", "RHOM"], weights=[88, 5, 3, 2, 2])[0]
        child.care_leaver = {"IN_TOUCH": in_touch,
                             "ACTIV": rng.choice(ACTIVITIES) if in_touch == "YES" else "",
                             "ACCOM": rng.choice(ACCOMMODATION) if in_touch == "YES" else ""}
    return child


def xml_date(d):
    return d.isoformat() if d else None


def write_cin(children, path, ref, year_start):
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n')
    w('      <Collection>CIN</Collection>\n      <Year>%d</Year>\n      <ReferenceDate>%s</ReferenceDate>\n'
      % (year_start + 1, ref.isoformat()))
    w('    </CollectionDetails>\n    <Source>\n      <SourceLevel>L</SourceLevel>\n      <LEA>999</LEA>\n'
      '      <SoftwareCode>generate-returns.py</SoftwareCode>\n      <Release>1</Release>\n'
      '      <SerialNo>1</SerialNo>\n      <DateTime>%sT09:00:00</DateTime>\n    </Source>\n  </Header>\n'
      '  <Children>\n' % (ref + 30 * DAY).isoformat())

    def el(indent, name, value):
        if value is None or value == "":
            return
        if isinstance(value, (dt.date,)):
            value = value.isoformat()
        w("%s<%s>%s</%s>\n" % (" " * indent, name, value, name))

    for c in children:
        if not c.episodes:
            continue  # looked after only: in SSDA903, not the census
        w("    <Child>\n      <ChildIdentifiers>\n")
        el(8, "LAchildID", c.id)
        el(8, "UPN", c.upn)
        el(8, "FormerUPN", c.former_upn)
        el(8, "PersonBirthDate", c.born)
        if year_start >= 2024:
            el(8, "Sex", c.sex)
        else:
            el(8, "GenderCurrent", {"M": "1", "F": "2", "U": "0"}[c.sex])
        w("      </ChildIdentifiers>\n      <ChildCharacteristics>\n")
        el(8, "Ethnicity", c.ethnic)
        w("        <Disabilities>\n")
        for d in c.disabilities or ["NONE"]:
            el(10, "Disability", d)
        w("        </Disabilities>\n      </ChildCharacteristics>\n")
        for ep in c.episodes:
            w("      <CINdetails>\n")
            el(8, "CINreferralDate", ep["referral"])
            el(8, "ReferralSource", ep["source"])
            el(8, "PrimaryNeedCode", ep["need"])
            el(8, "CINclosureDate", ep.get("closure"))
            el(8, "ReasonForClosure", ep.get("reason") if ep.get("closure") else None)
            el(8, "ReferralNFA", "true" if ep["nfa"] else "false")
            for a in ep["assessments"]:
                w("        <Assessments>\n")
                el(10, "AssessmentActualStartDate", a["start"])
                el(10, "AssessmentAuthorisationDate", a["auth"])
                w("          <FactorsIdentifiedAtAssessment>\n")
                for f in a["factors"]:
                    el(12, "AssessmentFactors", f)
                w("          </FactorsIdentifiedAtAssessment>\n        </Assessments>\n")
            for p in ep["plans"]:
                w("        <CINPlanDates>\n")
                el(10, "CINPlanStartDate", p["start"])
                el(10, "CINPlanEndDate", p["end"])
                w("        </CINPlanDates>\n")
            for s in ep["s47"]:
                w("        <Section47>\n")
                el(10, "S47ActualStartDate", s["start"])
                el(10, "InitialCPCtarget", s["target"])
                el(10, "DateOfInitialCPC", s["conf"])
                el(10, "ICPCnotRequired", "true" if s["not_required"] else "false")
                w("        </Section47>\n")
            for p in ep["cpp"]:
                w("        <ChildProtectionPlans>\n")
                el(10, "CPPstartDate", p["start"])
                el(10, "CPPendDate", p["end"])
                el(10, "InitialCategoryOfAbuse", p["initial"])
                el(10, "LatestCategoryOfAbuse", p["latest"])
                el(10, "NumberOfPreviousCPP", str(p["previous"]))
                w("          <Reviews>\n")
                for r in p["reviews"]:
                    el(12, "CPPreviewDate", r)
                w("          </Reviews>\n        </ChildProtectionPlans>\n")
            for pp in ep["pp"]:
                w("        <PreProceedingsandFGDM>\n")
                for k, v in pp.items():
                    el(10, k, v)
                w("        </PreProceedingsandFGDM>\n")
            w("      </CINdetails>\n")
        w("    </Child>\n")
    w("  </Children>\n</Message>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_csv(path, columns, rows):
    def cell(v):
        if v is None:
            return ""
        if isinstance(v, dt.date):
            return ddmmyyyy(v)
        v = str(v)
        return '"%s"' % v.replace('"', '""') if any(ch in v for ch in ',"\n') else v
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(columns) + "\r\n")
        for r in rows:
            f.write(",".join(cell(r.get(c)) for c in columns) + "\r\n")


def write_903(children, folder, year_start):
    os.makedirs(folder, exist_ok=True)
    looked_after = [c for c in children if c.care]
    sex = (lambda s: s) if year_start >= 2024 else (lambda s: {"M": "1", "F": "2", "U": "1"}[s])
    write_csv(os.path.join(folder, "header.csv"), ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
              [{"CHILD": c.id, "SEX": sex(c.sex), "DOB": c.born, "ETHNIC": c.ethnic, "UPN": c.upn} for c in looked_after])
    write_csv(os.path.join(folder, "episodes.csv"),
              ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
               "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
              [dict(e, CHILD=c.id) for c in looked_after for e in c.care])
    write_csv(os.path.join(folder, "reviews.csv"), ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
              [dict(r, CHILD=c.id, DOB=c.born) for c in looked_after for r in c.reviews])
    write_csv(os.path.join(folder, "missing.csv"), ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
              [dict(m, CHILD=c.id, DOB=c.born) for c in looked_after for m in c.missing])
    write_csv(os.path.join(folder, "oc3.csv"), ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
              [dict(c.care_leaver, CHILD=c.id, DOB=c.born) for c in looked_after if c.care_leaver])
    write_csv(os.path.join(folder, "uasc.csv"), ["CHILD", "SEX", "DOB", "DUC"],
              [{"CHILD": c.id, "SEX": sex(c.sex), "DOB": c.born, "DUC": c.uasc_ceased}
               for c in looked_after if c.uasc_ceased])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir")
    p.add_argument("--children", type=int, default=3000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--year", default="2024-25", help="collection year, e.g. 2024-25 (census day 31 March 2025)")
    p.add_argument("--planted", type=int, default=0, help="children with timings at the findings' boundaries")
    a = p.parse_args()
    try:
        year_start = int(a.year[:4])
        assert len(a.year) == 7 and a.year[4] == "-" and int(a.year[5:]) == (year_start + 1) % 100
    except (ValueError, AssertionError):
        sys.exit("generate-returns.py: --year must look like 2024-25")
    rng = random.Random(a.seed)
    ref = D(year_start + 1, 3, 31)
    children = []
    leavers = max(1, a.children // 30)
    for n in range(1, a.children - leavers + 1):
        c = Child(n, rng, ref)
        make_cin_history(c, rng, ref, year_start)
        if c.episodes and rng.random() < 0.15:
            make_care_history(c, rng, ref, year_start)
        children.append(c)
    for n in range(a.children - leavers + 1, a.children + 1):
        children.append(make_care_leaver(n, rng, ref, year_start))
    expected = []
    if a.planted:
        if not timeliness_plants.FIRST_YEAR <= year_start <= timeliness_plants.LAST_YEAR:
            sys.exit("generate-returns.py: --planted needs a --year from %d-%02d to %d-%02d" % (
                timeliness_plants.FIRST_YEAR, (timeliness_plants.FIRST_YEAR + 1) % 100,
                timeliness_plants.LAST_YEAR, (timeliness_plants.LAST_YEAR + 1) % 100))
        for c in children:
            expected.append("%s\tbackground\n" % c.id)
            expected += ["%s\t%s\t%s\n" % (c.id, code, d.isoformat()) for code, d in timeliness_plants.background_findings(c, ref)]
        planter = timeliness_plants.Planter(random.Random(a.seed + 1), ref)
        for i in range(a.planted):
            c = Child(0, rng, ref)
            c.id = "TP%06d" % (i + 1)
            findings = planter.plant(c, i)
            children.append(c)
            expected.append("%s\t%s\n" % (c.id, planter.KINDS[i % len(planter.KINDS)]))
            expected += ["%s\t%s\t%s\n" % (c.id, code, d.isoformat()) for code, d in findings]
    os.makedirs(a.outdir, exist_ok=True)
    if a.planted:
        with open(os.path.join(a.outdir, "expected-timeliness.tsv"), "w", encoding="utf-8") as f:
            f.write("".join(expected))
    write_cin(children, os.path.join(a.outdir, "cin.xml"), ref, year_start)
    write_903(children, os.path.join(a.outdir, "903"), year_start)


if __name__ == "__main__":
    main()
