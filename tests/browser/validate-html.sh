#!/usr/bin/env bash
# Every generated page through the Nu HTML Checker (npm's vnu-jar, run with
# Debian's Java). Any error fails.
# Usage: tests/browser/validate-html.sh SITE_DIR [SITE_DIR...]
# (several folders in one run start Java once)
set -euo pipefail
project=$(cd "$(dirname "$0")/../.." && pwd)
pages=$(find "$@" -name '*.html' | wc -l)
java -jar "$project/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html --format gnu "$@"
echo "validate-html: $pages pages, no errors from the Nu HTML Checker"
