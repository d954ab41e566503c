#!/usr/bin/env python3
"""Checks the caseload pages of a restricted tree against `check --format json`.

Usage: check-caseload.py RESTRICTED_DIR FINDINGS_JSON

Every child is listed once across caseload.html and its pages, most urgent
first; every count is the number of findings of its kind that `check` gave
the child, and links to an entry that the child's chronology holds; each
kind's pages list exactly the children with that kind; every page is the
owner's only (0600) and at most 1 MB. Prints one line of figures; exits 1
with the first problems found.
"""
import collections
import json
import os
import re
import stat
import sys

KINDS = ["conference-over-15-working-days", "assessment-over-45-working-days", "cp-review-late", "cla-review-late",
         "cp-plan-over-two-years", "repeat-cp-plan", "placement-moves-in-year"]
MOST_BYTES = 1024 * 1024
ROW = re.compile(r'<tr><th scope="row"><a href="([^"/]+)/chronology.html">.*?</tr>')
CELL = re.compile(r'<td>(?:<a href="([^"]*)">)?(\d+)')


def pages_of(folder, stem):
    out, n = [], 1
    while True:
        name = stem + (".html" if n == 1 else "-%d.html" % n)
        if not os.path.exists(os.path.join(folder, name)):
            return out
        out.append(name)
        n += 1


def main():
    folder, findings_file = sys.argv[1], sys.argv[2]
    report = json.load(open(findings_file, encoding="utf-8"))
    counts = collections.defaultdict(collections.Counter)
    for d in report["findings"]:
        m = re.match(r"children/([^/]+)/child.xml", d["file"])
        if m:
            counts[m.group(1)][d["code"] if d["code"] in KINDS else "other"] += 1
    children = {name for name in os.listdir(folder) if os.path.isdir(os.path.join(folder, name)) and not name.startswith(".")}
    problems = []
    chronologies = {}

    def entry_exists(child, href):
        if child not in chronologies:
            chronologies[child] = open(os.path.join(folder, child, "chronology.html"), encoding="utf-8").read()
        anchor = href.split("#", 1)[1]
        return ('id="%s"' % anchor) in chronologies[child]

    def rows(stem):
        names = pages_of(folder, stem)
        if not names:
            problems.append("%s.html is missing" % stem)
        listed = []
        for name in names:
            path = os.path.join(folder, name)
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode != 0o600:
                problems.append("%s is mode %o, not 600" % (name, mode))
            if os.path.getsize(path) > MOST_BYTES:
                problems.append("%s is %d bytes, over 1 MB" % (name, os.path.getsize(path)))
            html = open(path, encoding="utf-8").read()
            for row in ROW.finditer(html):
                cells = CELL.findall(row.group(0))
                listed.append((row.group(1), [int(c[1]) for c in cells], [c[0] for c in cells]))
        return names, listed

    names, listed = rows("caseload")
    seen = [child for child, _, _ in listed]
    if sorted(seen) != sorted(children):
        problems.append("caseload lists %d children, %d distinct, of %d records" % (len(seen), len(set(seen)), len(children)))
    keys = []
    for child, numbers, links in listed:
        want = [counts[child][k] for k in KINDS] + [counts[child]["other"]]
        if numbers != want:
            problems.append("%s: caseload says %s, check says %s" % (child, numbers, want))
        for href in links[:len(KINDS)]:
            if href and not entry_exists(child, href):
                problems.append("%s: %s is not an entry of the chronology" % (child, href))
        keys.append(numbers)
    if any(a < b for a, b in zip(keys, keys[1:])):
        problems.append("the caseload is not most urgent first")
    kind_pages = 0
    for k in KINDS:
        with_kind = sorted(c for c in children if counts[c][k])
        if not with_kind:
            if os.path.exists(os.path.join(folder, "caseload-%s.html" % k)):
                problems.append("caseload-%s.html is written though no child has the kind" % k)
            continue
        kind_names, kind_listed = rows("caseload-" + k)
        kind_pages += len(kind_names)
        if sorted(c for c, _, _ in kind_listed) != with_kind:
            problems.append("caseload-%s lists %d children; %d have the kind" % (k, len(kind_listed), len(with_kind)))
    largest = max(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder) if n.startswith("caseload"))
    print("caseload: %d children on %d pages, %d pages by kind, largest page %d KB" % (len(seen), len(names), kind_pages, largest // 1024))
    for p in problems[:10]:
        print("caseload problem: " + p)
    sys.exit(1 if problems else 0)


main()
