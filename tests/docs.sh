#!/bin/sh
# Every public declaration is documented: Doxygen, run over the public
# headers with WARN_IF_UNDOCUMENTED, must not warn. And the man page renders
# without a warning. Skipped (77) without doxygen, except under CI=true.
set -eu
: "${top_srcdir:?}" "${top_builddir:?}"
DOXYGEN=${DOXYGEN:-}
if [ -z "$DOXYGEN" ] || ! command -v "$DOXYGEN" >/dev/null 2>&1; then
	echo "docs: doxygen not installed; skipped"
	# CI installs it: a skip there would hide the check.
	[ "${CI:-}" = true ] && exit 1
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
	cat "$top_builddir/doc/Doxyfile"
	echo "OUTPUT_DIRECTORY = $tmp/out"
	echo "WARN_LOGFILE = $tmp/warnings.log"
	echo "GENERATE_HTML = NO"
	echo "GENERATE_XML = YES"
} >"$tmp/Doxyfile"
"$DOXYGEN" "$tmp/Doxyfile" >/dev/null 2>&1
if [ -s "$tmp/warnings.log" ]; then
	echo "docs: undocumented or mis-documented public API:"
	cat "$tmp/warnings.log"
	exit 1
fi
if command -v groff >/dev/null 2>&1; then
	if ! groff -man -Tutf8 -ww -z "$top_srcdir/doc/scsec.1" 2>"$tmp/man.log" || [ -s "$tmp/man.log" ]; then
		echo "docs: doc/scsec.1 does not render cleanly:"
		cat "$tmp/man.log"
		exit 1
	fi
fi
n=$(grep -ho 'kind="function"' "$tmp"/out/xml/*.xml | wc -l)
echo "docs: $n documented functions, no warnings"
[ "$n" -gt 100 ]
