#!/bin/sh
# The library's ABI against the 1.0 baseline kept in the tree
# (lib/libscsec-1.0.abi, made with `make abi-baseline` from the released
# library). abidiff's exit status is a bit field: 8 = an incompatible change
# (a symbol removed...), 4 = some other change. Added functions are filtered
# out (--no-added-syms: growth is allowed) and so are the opaque types'
# insides (types not declared in include/scsec/ are private), so a 4 that
# remains is a change to a released function or type, which fails too, as
# does abidiff failing. Skipped (77) without libabigail, except under CI=true.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
baseline=$top_srcdir/lib/libscsec-1.0.abi
so=${SCSEC_LIBRARY:-$(sh "$top_srcdir/tests/built-library.sh" "$top_builddir")}
if ! command -v abidiff >/dev/null 2>&1; then
	echo "abi: abidiff not installed (Debian package abigail-tools); skipped"
	# CI installs it: a skip there would hide the check.
	[ "${CI:-}" = true ] && exit 1
	exit 77
fi
[ -f "$baseline" ] || { echo "abi: no baseline $baseline"; exit 1; }
[ -f "$so" ] || { echo "abi: $so not built"; exit 1; }
hd=$top_srcdir/include/scsec
out=$(abidiff --no-added-syms --suppressions "$top_srcdir/lib/libscsec.abignore" --headers-dir1 "$hd" --headers-dir2 "$hd" \
	"$baseline" "$so" 2>&1)
rc=$?
if [ $((rc & 8)) -ne 0 ]; then
	echo "abi: INCOMPATIBLE change against the 1.0 baseline:"
	echo "$out"
	exit 1
fi
if [ $((rc & ~4)) -ne 0 ]; then
	echo "abi: abidiff failed (status $rc):"
	echo "$out"
	exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
	echo "abi: a released function or type changed since 1.0:"
	echo "$out"
	exit 1
fi
echo "abi: the 1.0 interface is unchanged (additions allowed)"
exit 0
