#!/bin/sh
# The library exports exactly the intended symbols: the SCSEC_API
# declarations in the public headers, the names in the version script and
# the defined dynamic symbols of libscsec.so must be the same three lists,
# and every name must start with scsec_.
set -eu
: "${top_srcdir:?}" "${top_builddir:?}"
NM=${NM:-nm}
so=${SCSEC_LIBRARY:-$(sh "$top_srcdir/tests/built-library.sh" "$top_builddir")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -f "$so" ] || { echo "exports: $so not built"; exit 1; }

# Declarations: the identifier before '(' on each SCSEC_API line.
cat "$top_srcdir"/include/scsec/*.h "$top_builddir"/include/scsec/version.h |
	sed -n 's/^SCSEC_API[^(]*[ *]\([A-Za-z_][A-Za-z0-9_]*\)(.*/\1/p' | sort -u >"$tmp/headers"

# Version script: the names between 'global:' and 'local:'.
sed -n '/global:/,/local:/p' "$top_srcdir/lib/libscsec.map" |
	sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' | sort -u >"$tmp/map"

# The library: defined dynamic symbols, without version suffixes and the
# version-node symbols themselves. ($NM may carry options: libtool sets "nm -B".)
# shellcheck disable=SC2086
$NM -D --defined-only "$so" | awk '$2 != "A" { print $3 }' | sed 's/@.*//' | sort -u >"$tmp/so"

status=0
if ! diff -u "$tmp/headers" "$tmp/map" >"$tmp/d1"; then
	echo "exports: headers (-) and lib/libscsec.map (+) differ:"; cat "$tmp/d1"; status=1
fi
if ! diff -u "$tmp/map" "$tmp/so" >"$tmp/d2"; then
	echo "exports: lib/libscsec.map (-) and libscsec.so (+) differ:"; cat "$tmp/d2"; status=1
fi
if grep -v '^scsec_' "$tmp/so"; then
	echo "exports: the symbols above do not start with scsec_"; status=1
fi
n=$(wc -l <"$tmp/so")
[ "$n" -gt 0 ] || { echo "exports: no symbols found"; status=1; }
[ $status -eq 0 ] && echo "exports: $n symbols, headers = version script = libscsec.so"
exit $status
