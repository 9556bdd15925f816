#!/bin/sh
# Every public header compiles on its own, as C99 -pedantic -Werror and as
# C++ (-pedantic -Werror), and declares its functions with C linkage.
set -eu
: "${top_srcdir:?}" "${top_builddir:?}"
CC=${CC:-cc}
CXX=${CXX:-c++}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0
for h in "$top_srcdir"/include/scsec/*.h "$top_builddir"/include/scsec/version.h; do
	name=scsec/$(basename "$h")
	printf '#include <%s>\n#include <%s>\nint scsec_header_test_dummy;\n' "$name" "$name" >"$tmp/t.c"
	cp "$tmp/t.c" "$tmp/t.cpp"
	inc="-I$top_srcdir/include -I$top_builddir/include"
	# shellcheck disable=SC2086
	if ! $CC -std=c99 -pedantic -Werror -Wall -Wextra $inc -c "$tmp/t.c" -o "$tmp/t.o"; then
		echo "headers: $name does not compile on its own as C99"; status=1
	fi
	# shellcheck disable=SC2086
	if ! $CXX -std=c++11 -pedantic -Werror -Wall -Wextra $inc -c "$tmp/t.cpp" -o "$tmp/tpp.o"; then
		echo "headers: $name does not compile on its own as C++"; status=1
	fi
	n=$((n + 1))
done
# C linkage: a C++ program that takes the address of every declared function
# (the names as tests/exports.sh reads them) links against the C library, and
# calls one; a header without SCSEC_BEGIN_DECLS leaves mangled names unresolved.
{
	printf '#include <scsec/scsec.h>\ntypedef void (*fn)(void);\nstatic const fn fns[] = {\n'
	cat "$top_srcdir"/include/scsec/*.h "$top_builddir"/include/scsec/version.h |
		sed -n 's/^SCSEC_API[^(]*[ *]\([A-Za-z_][A-Za-z0-9_]*\)(.*/\1/p' | sort -u |
		sed 's/.*/\treinterpret_cast<fn>(\&&),/'
	printf '};\nint main(int argc, char **)\n{\n'
	printf '\treturn fns[(unsigned)argc %% (sizeof fns / sizeof *fns)] && scsec_version_number() > 0 ? 0 : 1;\n}\n'
} >"$tmp/link.cpp"
# shellcheck disable=SC2086
# The library where libtool put it, run through libtool (which sets the
# loader's path for the uninstalled library).
so=${SCSEC_LIBRARY:-$(sh "$top_srcdir/tests/built-library.sh" "$top_builddir")}
libtool=${LIBTOOL:-${SHELL:-/bin/sh} $top_builddir/libtool}
# shellcheck disable=SC2086
if ! $CXX -I"$top_srcdir/include" -I"$top_builddir/include" "$tmp/link.cpp" \
	"$so" ${SAN_LDFLAGS:-} -o "$tmp/link" ||
	! $libtool --mode=execute -dlopen "$top_builddir/lib/libscsec.la" "$tmp/link"; then
	echo "headers: a C++ program cannot link and call the library"; status=1
fi
[ $status -eq 0 ] && echo "headers: $n headers compile alone as C99 and C++; $(grep -c reinterpret_cast "$tmp/link.cpp") functions link from C++"
exit $status
