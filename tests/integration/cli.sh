#!/usr/bin/env bash
# Whole builds of the real sample content through the real program: the
# summary line, exit codes, a deliberately broken copy whose exact
# diagnostics are pinned, and the previous site surviving it byte for byte.
# Usage: tests/integration/cli.sh PATH/TO/safesite
set -uo pipefail
safesite=$(realpath "$1")
project=$(cd "$(dirname "$0")/../.." && pwd)
expected="$project/tests/integration/expected"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failures=$((failures + 1)); }
expect_status() { # name wanted actual
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (exit $3, wanted $2)"; fi
}

cd "$project"
# Content copied into the work folder finds the theme beside it, as a partnership's would.
ln -s "$project/templates" "$work/templates"
today=(--today 2026-11-22)

# 1. The sample content builds, and says what it did in one line.
restricted=(--restricted-out "$work/restricted")
"$safesite" build --content content --out "$work/site" "${restricted[@]}" "${today[@]}" >"$work/out" 2>"$work/err"
expect_status "sample content builds" 0 $?
grep -Eq '^safesite: wrote [0-9]+ pages to .*/site/ and [0-9]+ restricted documents to .*/restricted/ \([0-9]+ files\) in [0-9.]+ s, 19 warnings$' "$work/out" \
  && pass "summary line" || fail "summary line: $(cat "$work/out")"
# The sample children are written to show the practice checks; their findings are pinned.
if diff -u "$expected/sample-findings.txt" "$work/err" >"$work/diff"; then pass "sample findings"; else fail "sample findings"; cat "$work/diff"; fi
[ -f "$work/restricted/c-1002/my-plan.html" ] && pass "children's documents are in their own tree" || fail "no children's documents"
grep -rqi "Kai\|c-1002\|Brennan" "$work/site" && fail "a child's name reached the public site" || pass "no child in the public site"

# 2. A second build of the same content is byte-identical.
cp -a "$work/site" "$work/first"
cp -a "$work/restricted" "$work/first-restricted"
"$safesite" build --content content --out "$work/site" "${restricted[@]}" "${today[@]}" -q 2>/dev/null
diff -r "$work/first" "$work/site" >/dev/null && pass "rebuild is byte-identical" || fail "rebuild differs"
diff -r "$work/first-restricted" "$work/restricted" >/dev/null && pass "restricted rebuild is byte-identical" || fail "restricted rebuild differs"

# 3. check writes nothing and reports no errors on the sample.
"$safesite" check --content content "${today[@]}" >"$work/out" 2>&1
expect_status "check on sample" 0 $?
grep -q '^safesite: 0 errors, 19 warnings' "$work/out" && pass "check summary" || fail "check summary: $(cat "$work/out")"

# 4. A broken copy: every problem at once, exactly, and the old site untouched.
cp -a content "$work/broken"
sed -i 's|<base-url>https://safeguarding.example.org/</base-url>|<base-url>safeguarding.example.org</base-url>|' "$work/broken/site.xml"
sed -i 's|<term abbr="CSE">|<term abbr="CSE" colour="red">|' "$work/broken/glossary.xml"
sed -i 's|\[how our groups work together\](how-we-work)|[how our groups work together](how-we-wrok)|' "$work/broken/pages/about.md"
printf -- '---\nexit-this-page: maybe\n---\n# Draft\n' >"$work/broken/pages/draft.md"
(cd "$work/broken/pages" && ln -s /etc/passwd leaked.md)
rm -rf "$work/broken/children"
"$safesite" build --content "$work/broken" --out "$work/site" "${today[@]}" >"$work/out" 2>"$work/err"
expect_status "broken content fails" 1 $?
if diff -u "$expected/broken.txt" "$work/err" >"$work/diff"; then pass "broken content diagnostics"; else fail "broken content diagnostics"; cat "$work/diff"; fi
grep -q '^safesite: 5 errors, 4 warnings; nothing was written' "$work/out" && pass "broken summary" || fail "broken summary: $(cat "$work/out")"
diff -r "$work/first" "$work/site" >/dev/null && pass "previous site survives a failed build" || fail "previous site changed"
[ ! -e "$work/site.new" ] && pass "no staging folder left behind" || fail "staging folder left behind"

# 5. XML entities are refused with a clear message.
cp -a content "$work/entities"
sed -i 's|<site lang="en-GB" exit-this-page="off">|<!DOCTYPE site [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<site lang="en-GB" exit-this-page="off">|' "$work/entities/site.xml"
"$safesite" check --content "$work/entities" "${today[@]}" -q 2>"$work/err"
expect_status "entity declaration fails" 1 $?
grep -q '^site.xml:5:[0-9]*: error: the document declares an entity (x); entities are not allowed$' "$work/err" \
  && pass "entity message" || fail "entity message: $(cat "$work/err")"
grep -q 'root:' "$work/err" && fail "file contents leaked into the message" || pass "nothing read through the entity"

# 6. Usage errors exit 2; help and version exit 0.
"$safesite" >/dev/null 2>&1; expect_status "no command" 2 $?
"$safesite" publish >/dev/null 2>&1; expect_status "unknown command" 2 $?
"$safesite" build --today 22/11/2026 >/dev/null 2>&1; expect_status "bad --today" 2 $?
"$safesite" check --out x >/dev/null 2>&1; expect_status "--out is not for check" 2 $?
"$safesite" build --help | grep -q -- '--out DIR' && pass "build --help" || fail "build --help"
"$safesite" --version | grep -Eq '^safesite [0-9]+\.[0-9]+\.[0-9]+$' && pass "--version" || fail "--version"

# 7. A folder safesite did not make is never replaced.
mkdir -p "$work/precious" && echo keep >"$work/precious/file.txt"
"$safesite" build --content content --out "$work/precious" "${restricted[@]}" "${today[@]}" -q 2>/dev/null
expect_status "refuses to replace a foreign folder" 1 $?
[ "$(cat "$work/precious/file.txt")" = keep ] && pass "foreign folder intact" || fail "foreign folder changed"

# 8. Importing a published Ofsted report gives an inspection file that checks cleanly.
shared=${SAFESITE_SHARED:-}
for candidate in "$project/../shared" /work/shared; do [ -z "$shared" ] && [ -d "$candidate/seeds" ] && shared=$candidate; done
if [ -z "$shared" ]; then
  fail "import ofsted: the shared seeds were not found (set SAFESITE_SHARED)"
else
  mkdir -p "$work/imported/inspections"
  # The sample's site facts without its menu, whose pages this folder does not have.
  sed '/<navigation>/,/<\/navigation>/d' content/site.xml >"$work/imported/site.xml"
  "$safesite" import ofsted "$shared/seeds/002_f0d2b5c06809a76c.txt" >"$work/imported/inspections/halton-2014.xml" 2>"$work/err"
  expect_status "import ofsted" 0 $?
  [ -s "$work/err" ] && fail "import ofsted warned: $(cat "$work/err")" || pass "import ofsted found everything"
  "$safesite" check --content "$work/imported" "${today[@]}" -q 2>"$work/err"
  expect_status "imported inspection checks cleanly" 0 $?
  "$safesite" import ofsted "$work/missing.txt" >/dev/null 2>&1; expect_status "import of a missing file" 1 $?
  "$safesite" import pdf x >/dev/null 2>&1; expect_status "import of an unknown kind" 2 $?

  # Every report PDF in the shared sample, written straight into a content folder, checks cleanly as written.
  written=0
  for pdf in "$shared"/fixtures/ofsted/*.pdf; do
    "$safesite" import ofsted "$pdf" --published 2024-12-31 --into "$work/imported" >/dev/null 2>"$work/err" && written=$((written + 1))
  done
  [ "$written" = 23 ] && pass "import ofsted --into wrote all 23 shared reports" || fail "import ofsted --into wrote $written of 23"
  "$safesite" check --content "$work/imported" "${today[@]}" -q 2>"$work/err"
  expect_status "the imported reports check cleanly" 0 $?
  [ -s "$work/err" ] && fail "check of imported reports: $(cat "$work/err")" || pass "no warnings on the imported reports"
  grep -q '<inspection id="bromley-2023" authority="Bromley" authority-code="E09000006" inspectorate="Ofsted" framework="ilacs-2018">' \
    "$work/imported/inspections/bromley-2023.xml" && pass "an imported inspection is named by authority and year" || fail "bromley-2023.xml"
  "$safesite" import ofsted "$shared/fixtures/ofsted/bromley-2024-01-12.pdf" --into "$work/imported" >/dev/null 2>"$work/err"
  expect_status "import --into never replaces a file" 1 $?
  grep -q 'bromley-2023.xml: error: cannot write the inspection: it already exists' "$work/err" && pass "the refusal says why" || fail "refusal: $(cat "$work/err")"

  # Every shared focused-visit letter: its areas for priority action imported as priority, never a grade,
  # and a warning naming the section and page where a letter's asks cannot be read.
  mkdir -p "$work/letters"
  cp "$work/imported/site.xml" "$work/letters/"
  : >"$work/letters.err"
  for pdf in "$shared"/fixtures/ofsted/focused-visits/*.pdf; do
    "$safesite" import ofsted "$pdf" --published 2024-12-31 --into "$work/letters" >/dev/null 2>>"$work/letters.err"
  done
  [ "$(ls "$work/letters/inspections" | wc -l)" = 10 ] && pass "import ofsted --into wrote all 10 shared letters" || fail "letters: $(ls "$work/letters/inspections")"
  [ "$(grep -c 'timescale="priority"' "$work/letters/inspections/wakefield-2018-focused-visit.xml")" = 3 ] &&
    pass "a letter's areas for priority action after an introduction are imported as priority" || fail "wakefield: $(grep -c priority "$work/letters/inspections/wakefield-2018-focused-visit.xml")"
  grep -q '<judgement' "$work/letters/inspections/"*.xml && fail "a letter was given a grade" || pass "no letter is given a grade"
  grep -q 'nottingham-2021-08-09.pdf: warning: the section "Areas for priority action" on page 2 says the asks of an earlier visit remain and lists none' \
    "$work/letters.err" && pass "a section of asks not imported is a warning naming it and its page" || fail "letters warned: $(cat "$work/letters.err")"
  "$safesite" check --content "$work/letters" "${today[@]}" -q 2>"$work/err"
  expect_status "the imported letters check with no error" 0 $?

  # Anything that is not a report is refused, with the reason.
  : >"$work/empty.pdf"
  "$safesite" import ofsted "$work/empty.pdf" >/dev/null 2>"$work/err"; expect_status "an empty file is refused" 1 $?
  grep -qx "$work/empty.pdf: error: cannot import the report: the file is empty" "$work/err" && pass "empty file message" || fail "empty: $(cat "$work/err")"
  head -c 4096 /dev/urandom >"$work/noise.bin"
  "$safesite" import ofsted "$work/noise.bin" >/dev/null 2>&1; expect_status "a binary file is refused" 1 $?
  truncate -s 500M "$work/huge.pdf"
  "$safesite" import ofsted "$work/huge.pdf" >/dev/null 2>"$work/err"; expect_status "a 500 MB file is refused" 1 $?
  grep -q 'the file is 500 MB' "$work/err" && pass "huge file message" || fail "huge: $(cat "$work/err")"
  rm -f "$work/huge.pdf"
fi

# 9. Later builds are updates: nothing changed writes nothing; a change
#    rebuilds what it touches; the result is always what a full build gives.
cp -a content "$work/inc"
inc=(--content "$work/inc" --out "$work/inc-site" --restricted-out "$work/inc-restricted" "${today[@]}")
stamps() { (cd "$1" && find . -type f -printf '%p %s %T@\n' | sort); }
same_as_full() { # name
  rm -rf "$work/full-site" "$work/full-restricted"
  "$safesite" build --content "$work/inc" --out "$work/full-site" --restricted-out "$work/full-restricted" "${today[@]}" -q 2>/dev/null
  if diff -r -x .safesite "$work/full-site" "$work/inc-site" >/dev/null && diff -r -x .safesite "$work/full-restricted" "$work/inc-restricted" >/dev/null; then
    pass "$1: the update is byte-identical to a full build"
  else
    fail "$1: the update differs from a full build"
  fi
}
"$safesite" build "${inc[@]}" -q 2>/dev/null
stamps "$work/inc-site" >"$work/before"
"$safesite" build "${inc[@]}" >"$work/out" 2>/dev/null
grep -Eq '^safesite: .*/inc-site/ is up to date; nothing written \([0-9.]+ s\), 19 warnings$' "$work/out" \
  && pass "nothing changed: says so" || fail "nothing changed: $(cat "$work/out")"
stamps "$work/inc-site" | cmp -s - "$work/before" && pass "nothing changed: no file touched" || fail "nothing changed: files were touched"
printf '\nA sentence added to the page.\n' >>"$work/inc/pages/about.md"
"$safesite" build "${inc[@]}" >"$work/out" 2>/dev/null
grep -Eq '^safesite: updated .*/inc-site/: 1 of [0-9]+ pages rebuilt, 2 files written, 0 removed' "$work/out" \
  && pass "one page changed: one rebuilt" || fail "one page changed: $(cat "$work/out")"
same_as_full "one page changed"
sed -i 's|</glossary>|  <term abbr="ZZT"><name>Zed zed team</name><plain>A team made up for this test.</plain></term>\n</glossary>|' "$work/inc/glossary.xml"
"$safesite" build "${inc[@]}" -q 2>/dev/null
grep -q "Zed zed team" "$work/inc-site/glossary.html" && pass "glossary changed: glossary page rebuilt" || fail "glossary changed: not shown"
same_as_full "glossary changed"
printf -- '---\norder: 50\n---\n# A new page\n\nIt is new.\n' >"$work/inc/pages/a-new-page.md"
"$safesite" build "${inc[@]}" -q 2>/dev/null
same_as_full "page added"
rm "$work/inc/pages/a-new-page.md"
"$safesite" build "${inc[@]}" >"$work/out" 2>/dev/null
[ ! -e "$work/inc-site/a-new-page.html" ] && grep -q ", 1 removed" "$work/out" && pass "page removed: its file removed" || fail "page removed: $(cat "$work/out")"
same_as_full "page removed"
sed -i 's|<born date="[^"]*"|<born date="2013-02-01"|' "$work/inc/children/c-1001/child.xml"
"$safesite" build "${inc[@]}" -q 2>/dev/null
same_as_full "child record changed"
echo "edited by hand" >"$work/inc-site/about.html"
"$safesite" build "${inc[@]}" --full >"$work/out" 2>/dev/null
grep -q "^safesite: wrote" "$work/out" && ! grep -q "edited by hand" "$work/inc-site/about.html" \
  && pass "--full rebuilds everything, putting back a file edited by hand" || fail "--full: $(cat "$work/out")"
same_as_full "--full"

# 10. Run from a folder that has nothing to do with the site: the templates
#     are found beside the content, children's documents go beside the
#     site (not into the current folder), readable by their owner only
#     whatever the umask.
mkdir -p "$work/unrelated" "$work/far"
(cd "$work/unrelated" && umask 022 && "$safesite" build --content "$project/content" --out "$work/far/site" "${today[@]}" -q 2>/dev/null)
expect_status "a build run from an unrelated folder" 0 $?
[ -z "$(ls -A "$work/unrelated")" ] && pass "nothing written into the current folder" || fail "the current folder got: $(ls -A "$work/unrelated")"
[ -f "$work/far/site-restricted/c-1002/my-plan.html" ] && pass "children's documents beside the site" || fail "no $work/far/site-restricted"
[ -z "$(find "$work/far/site-restricted" -type d ! -perm 700)" ] && [ -z "$(find "$work/far/site-restricted" -type f ! -perm 600)" ] \
  && pass "restricted tree is 0700/0600 under umask 022" || fail "restricted modes: $(find "$work/far/site-restricted" -printf '%m %p\n' | head -5)"
[ "$(stat -c %a "$work/far/site/index.html")" = 644 ] && pass "public site stays readable" || fail "public site mode $(stat -c %a "$work/far/site/index.html")"

# 11. Two builds of the same content into different folders, on different
#     numbers of threads, are byte-identical, the build's record included.
"$safesite" build --content content --out "$work/same-a" "${today[@]}" --jobs 1 -q 2>/dev/null
"$safesite" build --content content --out "$work/same-b" "${today[@]}" --jobs 3 -q 2>/dev/null
diff -r "$work/same-a" "$work/same-b" >"$work/diff" && diff -r "$work/same-a-restricted" "$work/same-b-restricted" >>"$work/diff" \
  && pass "two builds are byte-identical, .safesite included" || { fail "two builds differ"; head -20 "$work/diff"; }
cmp -s "$work/same-a/.safesite" "$work/same-b/.safesite" && pass "the records of the two builds are the same bytes" || fail ".safesite differs"

# 12. Content laid out as people lay it out, broken in every way at once:
#     an SVG with a script, a missing image, an image without alt text, a
#     file safesite does not publish, a dead link in a section, and a path
#     in the old form.
cp -a content "$work/layout"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<script>alert(1)</script>\n</svg>\n' >"$work/layout/pages/practitioners/images/chart.svg"
printf '# Broken\n\n![A chart](images/chart.svg)\n\n![](images/training-places.png)\n\n![A map](images/map.png)\n\nSee the [glossary](glossary).\n' \
  >"$work/layout/pages/practitioners/broken.md"
echo "notes to self" >"$work/layout/pages/practitioners/notes.txt"
echo "# Draft" >"$work/layout/reports/2023-24/draft.md"
sed -i 's|<voice href="voice.md"/>|<voice href="reports/2023-24/voice.md"/>|' "$work/layout/reports/2023-24/report.xml"
"$safesite" check --content "$work/layout" "${today[@]}" >"$work/out" 2>"$work/err"
expect_status "broken layout fails" 1 $?
awk '/^[^ ]/{keep = ($0 !~ /^(children|partnership\.xml|reports\/2024-25)/)} keep' <"$work/err" >"$work/layout-err"
if diff -u "$expected/layout-broken.txt" "$work/layout-err" >"$work/diff"; then pass "broken layout diagnostics"; else fail "broken layout diagnostics"; cat "$work/diff"; fi

# 13. A yearly report copied to start the next year needs no path edits.
cp -a content "$work/next-year"
cp -a "$work/next-year/reports/2023-24" "$work/next-year/reports/2025-26"
sed -i '/<report /s|period="2023-24" published="[^"]*"|period="2025-26" published="2026-09-25"|' "$work/next-year/reports/2025-26/report.xml"
sed -i 's|^# .*|# Foreword to the year 2025 to 2026|' "$work/next-year/reports/2025-26/foreword.md"
"$safesite" build --content "$work/next-year" --out "$work/next-year-site" "${today[@]}" -q 2>"$work/err"
expect_status "a report copied to a new year builds" 0 $?
grep -q "content-relative-href\|error" "$work/err" && fail "copied report: $(grep -m3 'error\|href' "$work/err")" || pass "copied report: no path needed editing"
grep -q "Foreword to the year 2025 to 2026" "$work/next-year-site/reports/2025-26/index.html" && pass "copied report reads its own files" || fail "copied report shows the wrong foreword"

# 14. Figures from the statutory returns: a hand-made census and SSDA903
#     return, their answers worked out by hand (tests/data/figures/), pinned
#     exactly; the output is a valid part of a report; the shared fixtures
#     (some deliberately invalid) never crash it and their bad values are named.
figures_data=tests/data/figures
"$safesite" figures cin "$figures_data/cin-2023-24.xml" --period 2023-24 --903 "$figures_data/ssda903-2023-24" --population 2000 \
  >"$work/figures.xml" 2>"$work/err"
expect_status "figures on the hand-made returns" 0 $?
[ -s "$work/err" ] && fail "figures warned: $(cat "$work/err")" || pass "figures: the hand-made returns have no problems"
if diff -u "$expected/figures-2023-24.xml" "$work/figures.xml" >"$work/diff"; then pass "figures: every value as worked out by hand"; else fail "figures"; cat "$work/diff"; fi
cp -a content "$work/with-figures"
{ echo '<report period="2023-24"><title>Figures</title>'; cat "$work/figures.xml"; echo '</report>'; } >"$work/with-figures/reports/2023-24/report.xml"
"$safesite" check --content "$work/with-figures" "${today[@]}" -q 2>"$work/err"
expect_status "figures: the output checks as part of a report" 0 $?
"$safesite" figures cin "$figures_data/cin-2023-24.xml" --period 2023-24x >/dev/null 2>"$work/err"
expect_status "figures: a wrong year is a usage error" 2 $?
grep -q "^safesite: --period wants a year from April to March as YYYY-YY, e.g. 2023-24, not '2023-24x'$" "$work/err" \
  && pass "figures: says what is wrong with the year" || fail "figures: $(head -1 "$work/err")"
"$safesite" figures cin "$work/missing.xml" --period 2023-24 >"$work/out" 2>"$work/err"
expect_status "figures: a missing census" 1 $?
grep -q "missing.xml: error: cannot read the file: No such file or directory$" "$work/err" && [ ! -s "$work/out" ] \
  && pass "figures: names the missing file and writes nothing" || fail "figures: $(cat "$work/err")"
sed 's|<AssessmentAuthorisationDate>2023-08-04<|<AssessmentAuthorisationDate>2023-08-41<|' "$figures_data/cin-2023-24.xml" >"$work/bad-cin.xml"
"$safesite" figures cin "$work/bad-cin.xml" --period 2023-24 >"$work/out" 2>"$work/err"
expect_status "figures: a census with a bad date" 1 $?
grep -q "bad-cin.xml:[0-9]*:[0-9]*: error: <AssessmentAuthorisationDate> has the value '2023-08-41', which is not a date" "$work/err" \
  && grep -q "^safesite: 1 error in the returns; no figures written$" "$work/err" && [ ! -s "$work/out" ] \
  && pass "figures: names the bad date and writes no figures" || fail "figures: $(cat "$work/err")"
fixtures=${shared:-/work/shared}/fixtures
for census in "$fixtures"/cin-census/*.xml; do
  name=$(basename "$census")
  "$safesite" figures cin "$census" --period 2023-24 --903 "$fixtures/ssda903" >"$work/out" 2>"$work/err"
  status=$?
  if [ $status -le 1 ] && ! grep -q "runtime error\|Sanitizer" "$work/err"; then pass "figures on $name: no crash (exit $status)"; else fail "figures on $name crashed (exit $status)"; fi
  grep -v '^  \|^safesite: ' "$work/err" | grep -vq ': \(warning\|error\): ' && fail "figures on $name: a message without its place" || pass "figures on $name: every message has its place"
done
grep -q "CIN_Census_2024.xml:41:17: warning: child DfEX0000001's <AssessmentActualStartDate> is 28 April 2028, after the census's reference date, 31 March 2024 \[date-after-census\]" \
  < <("$safesite" figures cin "$fixtures/cin-census/CIN_Census_2024.xml" --period 2023-24 2>&1 >/dev/null) \
  && pass "figures: the fixture's date in 2028 is named" || fail "figures: the fixture's date in 2028 was not named"

# 15. The preview server, which the program runs from safesite-extras: it builds and serves the site.
"$safesite" serve --content content --out "$work/preview" --restricted-out "$work/preview-restricted" "${today[@]}" --port 0 \
  >"$work/serve-out" 2>"$work/serve-err" &
server=$!
port=""
for _ in $(seq 150); do
  port=$(grep -Eo 'http://127\.0\.0\.1:[0-9]+/' "$work/serve-out" | head -1 | grep -Eo '[0-9]+/$' | tr -d /)
  [ -n "$port" ] && break
  sleep 0.2
done
page() { exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /%s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 && cat <&3; exec 3<&-; }
# The first build may still be running when the address is printed.
served=no
for _ in $(seq 150); do
  [ -n "$port" ] && page about.html >"$work/served" 2>/dev/null &&
    tr -d '\r' <"$work/served" | grep -q '^HTTP/1.[01] 200' && grep -q '<title>About the partnership - ' "$work/served" && served=yes && break
  sleep 0.2
done
if [ "$served" = yes ]; then
  pass "serve runs, through safesite-extras, and serves the built site"
else
  fail "serve: $(cat "$work/serve-out" "$work/serve-err" | tail -5)"
fi
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null

# 16. Timeliness findings on a generated census with timings planted at every
# boundary (tests/bench/timeliness runs it at 5,000 children in the Release build).
# With BUILD=1 the site is built too and the caseload pages checked against the findings.
if BUILD=1 bash "$project/tests/bench/timeliness" "$safesite" 150 200 >"$work/timeliness" 2>&1; then
  pass "timeliness: $(grep '^expected findings' "$work/timeliness")"
  pass "$(grep '^caseload:' "$work/timeliness")"
else
  fail "timeliness: $(grep -v '^check of' "$work/timeliness" | head -8)"
fi

# 17. The manual in docs/ is a content folder: it checks with no errors and
# no warnings, and a broken link in it fails the build, so the manual cannot
# point at a page or heading it does not have.
"$safesite" check --content docs "${today[@]}" >"$work/out" 2>"$work/err"
expect_status "the manual checks" 0 $?
if grep -v -e '^ ' -e '^safesite:' "$work/err" | grep -q .; then
  fail "the manual has warnings: $(grep -v '^ ' "$work/err" | head -5)"
else
  pass "the manual has no warnings"
fi
cp -a docs "$work/manual"
printf '\nSee [the commands](no-such-page).\n' >>"$work/manual/getting-started.md"
"$safesite" build --content "$work/manual" --out "$work/manual-site" "${today[@]}" >"$work/out" 2>"$work/err"
expect_status "a broken link in the manual fails its build" 1 $?
grep -q "^pages/getting-started.md:[0-9]*:[0-9]*: error: there is no page at 'no-such-page'" "$work/err" \
  && pass "the broken link is named at its line" || fail "broken link in the manual: $(head -3 "$work/err")"
[ ! -e "$work/manual-site" ] && pass "nothing of the broken manual was published" || fail "the broken manual was published"

exit $((failures > 0))
