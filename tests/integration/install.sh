#!/usr/bin/env bash
# `cmake --install` as a user runs it, into a fresh prefix: the program and
# safesite-extras, its man page and the default theme. Then, with only the
# installed program and from an unrelated folder, `safesite new site`, a
# build with no flags, and an Ofsted report imported (through safesite-extras).
# Usage: tests/integration/install.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
project=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SAFESITE_SHARED:-$project/../shared}
[ -d "$shared/fixtures" ] || shared=/work/shared
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
[ -x "$work/prefix/bin/safesite" ] || fail "no program in bin/"
[ -x "$work/prefix/libexec/safesite-extras" ] || fail "no safesite-extras in libexec/ (serve and import ofsted run it)"
[ -f "$work/prefix/share/man/man1/safesite.1" ] || fail "no man page"
[ -f "$work/prefix/share/safesite/templates/layout.html" ] || fail "no theme"
[ -f "$work/prefix/share/safesite/templates/assets/safesite.css" ] || fail "the theme has no compiled stylesheet"
MANWIDTH=80 man -l "$work/prefix/share/man/man1/safesite.1" 2>/dev/null | grep -q "safesite serve" || fail "the man page does not render"

# Away from the project, so nothing can be found there by accident.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
"$work/prefix/bin/safesite" new site our-partnership --title "Testshire Safeguarding Partnership" >/dev/null
[ -f our-partnership/templates/assets/safesite.css ] || fail "new site has no theme stylesheet"
cd our-partnership
"$work/prefix/bin/safesite" new page how-to-report >/dev/null
"$work/prefix/bin/safesite" build --quiet || fail "a new site does not build with no flags"
grep -q "Testshire Safeguarding Partnership" site/index.html || fail "the new site's name is not on its home page"
[ -f site/how-to-report.html ] || fail "the new page was not built"
if "$work/prefix/bin/safesite" new page how-to-report 2>/dev/null; then fail "new overwrote a page"; fi
# A project without a theme of its own uses the installed one.
rm -rf templates site site-restricted
"$work/prefix/bin/safesite" build --quiet || fail "a project without templates/ does not build with the installed theme"
[ -f site/assets/safesite.css ] || fail "the installed theme's stylesheet was not published"
# import ofsted (and serve) run safesite-extras from the install: a report becomes an inspection.
if [ -f "$shared/fixtures/ofsted/bromley-2024-01-12.pdf" ]; then
  "$work/prefix/bin/safesite" import ofsted "$shared/fixtures/ofsted/bromley-2024-01-12.pdf" >"$work/inspection.xml" 2>"$work/err" ||
    fail "the installed program cannot import a report: $(cat "$work/err")"
  grep -q 'authority="Bromley"' "$work/inspection.xml" || fail "the installed import wrote no inspection"
else
  fail "no shared fixtures at $shared"
fi
echo "install: installed; a report imported; a new site, from the installed theme, built with no flags, and with no theme of its own"
