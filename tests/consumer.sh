#!/bin/sh
# Build a small program against the staged installation (tests/stage, made
# by `make install DESTDIR=...`) using only pkg-config, and run it; and
# the data files are installed where the man page says.
set -eu
: "${top_srcdir:?}" "${STAGE:?}" "${libdir:?}"
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

PKG_CONFIG_PATH="$STAGE$libdir/pkgconfig"
PKG_CONFIG_SYSROOT_DIR="$STAGE"
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
unset PKG_CONFIG_LIBDIR || true

"$PKG_CONFIG" --exists libscsec || { echo "consumer: pkg-config cannot find the staged libscsec.pc"; exit 1; }
cflags=$("$PKG_CONFIG" --cflags libscsec)
libs=$("$PKG_CONFIG" --libs libscsec)
echo "consumer: cflags: $cflags"
echo "consumer: libs: $libs"
# The staged headers must be the ones used: nothing from the source tree.
# shellcheck disable=SC2086
$CC -std=c99 -Wall -Wextra -Werror $cflags "$top_srcdir/tests/consumer.c" -o "$tmp/consumer" \
	$libs ${SAN_LDFLAGS:-}
LD_LIBRARY_PATH="$STAGE$libdir" "$tmp/consumer"
# Static-linking metadata is complete: --static lists the private deps.
"$PKG_CONFIG" --static --libs libscsec | grep -q -- '-lxml2' ||
	{ echo "consumer: Requires.private does not reach libxml2"; exit 1; }
# Every file under data/ is installed, unchanged, at the same place under
# $(pkgdatadir), where scsec(1) FILES says (criteria/, schema/, examples/).
: "${datadir:?}"
find "$top_srcdir/data" -type f | while read -r f; do
	rel=${f#"$top_srcdir/data/"}
	cmp -s "$f" "$STAGE$datadir/libscsec/$rel" ||
		{ echo "consumer: data/$rel is not installed as $datadir/libscsec/$rel"; exit 1; }
done
