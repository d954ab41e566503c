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
today=(--today 2026-11-22)

# 1. The sample content builds, and says what it did in one line.
restricted=(--restricted-out "$work/restricted")
"$safesite" build --content content --out "$work/site" "${restricted[@]}" "${today[@]}" >"$work/out" 2>"$work/err"
expect_status "sample content builds" 0 $?
grep -Eq '^safesite: wrote [0-9]+ pages to .*/site/ and [0-9]+ restricted documents to .*/restricted/ \([0-9]+ files\) in [0-9.]+ s, 12 warnings$' "$work/out" \
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
grep -q '^safesite: 0 errors, 12 warnings' "$work/out" && pass "check summary" || fail "check summary: $(cat "$work/out")"

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
  cp content/site.xml "$work/imported/"
  "$safesite" import ofsted "$shared/seeds/002_f0d2b5c06809a76c.txt" >"$work/imported/inspections/halton-2014.xml" 2>"$work/err"
  expect_status "import ofsted" 0 $?
  [ -s "$work/err" ] && fail "import ofsted warned: $(cat "$work/err")" || pass "import ofsted found everything"
  "$safesite" check --content "$work/imported" "${today[@]}" -q 2>"$work/err"
  expect_status "imported inspection checks cleanly" 0 $?
  "$safesite" import ofsted "$work/missing.txt" >/dev/null 2>&1; expect_status "import of a missing file" 1 $?
  "$safesite" import pdf x >/dev/null 2>&1; expect_status "import of an unknown kind" 2 $?
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
grep -Eq '^safesite: .*/inc-site/ is up to date; nothing written \([0-9.]+ s\), 12 warnings$' "$work/out" \
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

exit $((failures > 0))
