#!/bin/sh
# Makes doc/portfolio-dashboard.png, the README's screenshot of the
# portfolio dashboard: the project's own command over the bundled example
# suppliers (data/examples) and their contracts (doc/portfolio-contracts.csv), rendered in headless chromium by
# tests/browser.py. Run from the top of a built tree:
#
#   sh doc/screenshot.sh [path/to/scsec]
#
# (tools/scsec by default; the built-in METI set, as of 2026-12-01.)
set -eu
scsec=${1:-tools/scsec}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$scsec" portfolio --as-of 2026-12-01 --within 180 \
	--contracts doc/portfolio-contracts.csv data/examples/*.xml -o "$tmp/dashboard.html"
python3 tests/browser.py --width 1100 --height 1500 --viewport \
	--png doc/portfolio-dashboard.png "$tmp/dashboard.html" >/dev/null
echo "wrote doc/portfolio-dashboard.png"
