#!/usr/bin/env bash
# `safesite import cin` and `safesite import ssda903` through the real
# program: the shared fixtures (one deliberately invalid), generated
# council-sized returns, re-imports that add nothing, a worker's edits kept
# byte for byte, files refused, every record passing `safesite check`, and no
# UPN or postcode anywhere safesite writes or says.
# Usage: tests/integration/import.sh PATH/TO/safesite [SHARED_FOLDER]
set -uo pipefail
safesite=$(realpath "$1")
project=$(cd "$(dirname "$0")/../.." && pwd)
shared=${2:-${SAFESITE_SHARED:-$project/../shared}}
[ -d "$shared/fixtures" ] || shared=/work/shared
fixtures="$shared/fixtures"
work=$(mktemp -d)
# The content folders made here find the theme beside them, as a project's do.
ln -s "$project/templates" "$work/templates"
trap 'rm -rf "$work"' EXIT
failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failures=$((failures + 1)); }
expect_status() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (exit $3, wanted $2)"; fi; }
expect_line() { # name file line
  if grep -qxF -- "$3" "$2"; then pass "$1"; else fail "$1: wanted '$3', got:"; head -5 "$2"; fi
}
cd "$project"
cp -a content "$work/content"
log="$work/all-output"
# What a folder holds, as one line per file and its hash: quicker than copies.
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 md5sum) >"$2"; }
run() { "$safesite" "$@" >"$work/out" 2>"$work/err"; local s=$?; cat "$work/out" "$work/err" >>"$log"; return $s; }

# 1. The older census (GenderCurrent), imported twice: the second adds nothing.
run import cin "$fixtures/cin-census/fake_CIN_data.xml" --content "$work/content"
expect_status "fake_CIN_data.xml imports" 0 $?
expect_line "its summary" "$work/out" "Imported 332 of 332 children from $fixtures/cin-census/fake_CIN_data.xml (2022-23): 332 new records, 0 updated, 0 unchanged; 1,004 entries added."
snapshot "$work/content" "$work/after-first"
run import cin "$fixtures/cin-census/fake_CIN_data.xml" --content "$work/content"
expect_status "a second import succeeds" 0 $?
expect_line "a second import adds nothing" "$work/out" "Imported 332 of 332 children from $fixtures/cin-census/fake_CIN_data.xml (2022-23): 0 new records, 0 updated, 332 unchanged; 0 entries added."
snapshot "$work/content" "$work/now" && cmp -s "$work/after-first" "$work/now" && pass "a second import changes no file" || fail "a second import changed files"

# 2. The 2024-25-era census with deliberately invalid values: each bad child is named, the others imported.
run import cin "$fixtures/cin-census/CIN_Census_2024.xml" --content "$work/content"
expect_status "the invalid census exits 1" 1 $?
expect_line "the good child is imported" "$work/out" "Imported 1 of 2 children from $fixtures/cin-census/CIN_Census_2024.xml (2023-24): 1 new record, 0 updated, 0 unchanged; 3 entries added."
expect_line "the bad sex code is named with its list" "$work/err" "$fixtures/cin-census/CIN_Census_2024.xml:18:9: error: Sex '1' is not a code for 2023-24 (the census year of this file); 2023-24 uses M, F and U, where earlier years used 0, 1, 2 and 9 in GenderCurrent"
expect_line "the bad assessment factor is named with its list" "$work/err" "$fixtures/cin-census/CIN_Census_2024.xml:41:17: error: AssessmentFactors 'RB' is not a code for 2023-24 (the census year of this file)"
[ -d "$work/content/children/child-dfex0000001" ] && fail "the bad child was written" || pass "the bad child was not written"

# 3. Every SSDA903 fixture table, into the same records where the ids match.
run import ssda903 "$fixtures/ssda903" --content "$work/content"
expect_status "the SSDA903 fixtures exit 1 (invalid care leaver codes)" 1 $?
expect_line "their summary" "$work/out" "Imported 2,657 of 2,675 children from $fixtures/ssda903 (2017-18): 2,657 new records, 0 updated, 0 unchanged; 20,568 entries added."
grep -q "oc3.csv:44:1: error: ACTIV '0' is not a code for 2017-18 (the collection year of this return)" "$work/err" \
  && pass "a bad row is named by file and line" || fail "no message for oc3.csv:44"

# 4. A worker's edits survive a re-import byte for byte.
record="$work/content/children/child-566910/child.xml"
python3 - "$record" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('<name placeholder="true">Child 566910 (name not recorded)</name>', '<name preferred="Jo">Joanne   Example</name>')
s = s.replace("  <chronology>\n", "  <chronology>\n    <!-- from the school -->\n    <entry date=\"2016-01-04\" agency=\"education\" category=\"other\">\n      <event>Jo started at a new school.</event>\n      <impact>Jo made friends quickly.</impact>\n    </entry>\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
cp "$record" "$work/edited.xml"
run import ssda903 "$fixtures/ssda903" --content "$work/content"
cmp -s "$record" "$work/edited.xml" && pass "a worker's record is kept byte for byte" || fail "a worker's record changed"

# 5. Council-sized generated returns: both formats into the same children, then again.
python3 tests/data/generate-returns.py "$work/gen" --children 400 --seed 7 --year 2024-25
run import cin "$work/gen/cin.xml" --content "$work/content"
expect_status "generated census imports cleanly" 0 $?
run import ssda903 "$work/gen/903" --content "$work/content"
expect_status "generated SSDA903 imports cleanly" 0 $?
grep -Eq "^Imported [0-9,]+ of [0-9,]+ children from .* \(2024-25\): 0 new records, [0-9,]+ updated" "$work/out" \
  && pass "SSDA903 adds to the children the census made" || fail "SSDA903 did not add to the census's children: $(cat "$work/out")"
snapshot "$work/content" "$work/before-again"
run import cin "$work/gen/cin.xml" --content "$work/content"
grep -Eq "^Imported 400 of 400 children .*: 0 new records, 0 updated, 400 unchanged; 0 entries added\.$" "$work/out" \
  && pass "generated census again adds nothing" || fail "generated census again: $(cat "$work/out")"
run import ssda903 "$work/gen/903" --content "$work/content"
grep -q " 0 entries added\.$" "$work/out" && pass "generated SSDA903 again adds nothing" || fail "generated SSDA903 again: $(cat "$work/out")"
snapshot "$work/content" "$work/now" && cmp -s "$work/before-again" "$work/now" && pass "re-imports change no file" || fail "re-imports changed files"

# 6. Every record written passes check, and builds.
"$safesite" check --content "$work/content" --today 2026-11-22 --quiet >"$work/out" 2>"$work/err"
expect_status "check passes on every imported record" 0 $?
grep -q "\[name-not-recorded\]" "$work/err" && pass "check asks for the names the returns do not hold" || fail "no name-not-recorded finding"
"$safesite" build --content "$work/content" --out "$work/site" --restricted-out "$work/restricted" --today 2026-11-22 --quiet >>"$log" 2>&1
expect_status "the imported content builds" 0 $?
[ -f "$work/restricted/child-la0000005/chronology.html" ] && pass "an imported child's chronology document is written" || fail "no chronology for child-la0000005"

# 7. Files that are not returns are refused cleanly, and write nothing.
snapshot "$work/content" "$work/before-refusals"
: >"$work/empty.xml"
run import cin "$work/empty.xml" --content "$work/content"
expect_status "an empty file is refused" 1 $?
expect_line "with a message" "$work/err" "$work/empty.xml:1:1: error: the file is empty"
printf '<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY x "xxxxxxxx">]>\n<Message><Children/></Message>\n' >"$work/entity.xml"
run import cin "$work/entity.xml" --content "$work/content"
expect_status "a file with entities is refused" 1 $?
grep -q "entity.xml:2:.*error: the document declares an entity (x); entities are not allowed" "$work/err" && pass "with a message" || fail "entity message: $(cat "$work/err")"
run import cin content/site.xml --content "$work/content"
expect_status "a file of the wrong kind is refused" 1 $?
grep -q "site.xml:[0-9]*:1: error: this is not a Children in Need census file" "$work/err" && pass "with a message" || fail "wrong kind: $(cat "$work/err")"
run import ssda903 "$fixtures/cin-census" --content "$work/content"
expect_status "a folder without SSDA903 tables is refused" 1 $?
truncate -s 3G "$work/huge.xml"
run import cin "$work/huge.xml" --content "$work/content"
expect_status "a 3 GB file is refused before reading" 1 $?
expect_line "with a message" "$work/err" "$work/huge.xml: error: the file is 3221225472 bytes, more than safesite reads (2147483647)"
rm -f "$work/huge.xml"
snapshot "$work/content" "$work/now" && cmp -s "$work/before-refusals" "$work/now" && pass "refused files write nothing" || fail "a refused file wrote something"
"$safesite" import cin >/dev/null 2>&1
expect_status "import cin without a file is a usage error" 2 $?

# 8. No UPN, former UPN or postcode anywhere safesite wrote or said.
grep -ohE "<(UPN|FormerUPN)>[^<]+" "$fixtures/cin-census/"*.xml "$work/gen/cin.xml" | sed 's/.*>//' | sort -u >"$work/identifiers"
for f in "$fixtures/ssda903/header.csv" "$work/gen/903/header.csv"; do
  python3 -c 'import csv,sys; [print(r["UPN"]) for r in csv.DictReader(open(sys.argv[1])) if r.get("UPN")]' "$f" >>"$work/identifiers"
done
for f in "$fixtures/ssda903/episodes.csv" "$work/gen/903/episodes.csv"; do
  python3 -c 'import csv,sys; [print(v) for r in csv.DictReader(open(sys.argv[1])) for v in (r["HOME_POST"], r["PL_POST"]) if v.strip()]' "$f" >>"$work/identifiers"
done
sort -u -o "$work/identifiers" "$work/identifiers"
count=$(wc -l <"$work/identifiers")
[ "$count" -gt 1000 ] && pass "$count UPNs and postcodes to look for" || fail "only $count identifiers found in the inputs"
if grep -rqF -f "$work/identifiers" "$work/content" "$work/site" "$work/restricted" "$log"; then
  fail "a UPN or postcode was copied: $(grep -rhoF -f "$work/identifiers" "$work/content" "$work/site" "$work/restricted" "$log" | head -3)"
else
  pass "no UPN or postcode in any record, document, page or message"
fi

echo "$failures failures"
[ "$failures" -eq 0 ]
