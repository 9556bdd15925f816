#!/bin/sh
# The library's layers (doc/internals.md), enforced:
#
#   lib/util  <  lib/model  <  lib/eval  <  lib/io
#
# 1. A file includes private headers only from its own layer or the layers
#    before it ("model/x.h" from lib/eval is fine, "io/x.h" from lib/model
#    is not), besides config.h and the public scsec/ headers.
# 2. util, model and eval include no dependency's header: only the C and
#    POSIX headers listed below (util/digest.c alone sees libcrypto).
# 3. The Makefile gives the model and engine no dependency flags, and each
#    of their files compiles with nothing but the project's own -I flags.
# 4. Every library source lives in a layer.
set -eu
: "${top_srcdir:?}" "${top_builddir:?}"
CC=${CC:-cc}
lib=$top_srcdir/lib
status=0
fail() { echo "layers: $*"; status=1; }

rank() {
	case $1 in
	util) echo 1 ;; model) echo 2 ;; eval) echo 3 ;; io) echo 4 ;; *) echo 0 ;;
	esac
}

system_ok=' assert.h ctype.h errno.h fcntl.h inttypes.h limits.h math.h pthread.h stdarg.h
 stdatomic.h stdbool.h stddef.h stdint.h stdio.h stdlib.h string.h strings.h time.h unistd.h
 sys/stat.h sys/types.h '
system_ok=" $(echo $system_ok) "

for dir in util model eval io; do
	r=$(rank "$dir")
	for f in "$lib/$dir"/*.c "$lib/$dir"/*.h; do
		[ -f "$f" ] || continue
		case $f in */embedded-data.c) continue ;; esac
		rel=lib/$dir/${f##*/}
		# 1. private includes
		for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
			case $inc in
			config.h | scsec/*) continue ;;
			*/*) ;;
			*) fail "$rel includes \"$inc\": name private headers by layer (\"util/$inc\", ...)"; continue ;;
			esac
			layer=${inc%%/*}
			ir=$(rank "$layer")
			if [ "$ir" -eq 0 ]; then
				fail "$rel includes \"$inc\", which is in no layer"
			elif [ "$ir" -gt "$r" ]; then
				fail "$rel ($dir) includes \"$inc\" from the later layer $layer"
			elif [ ! -f "$lib/$inc" ]; then
				fail "$rel includes \"$inc\", which does not exist"
			fi
		done
		# 2. system includes
		[ "$dir" = io ] && continue
		for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f"); do
			case $system_ok in *" $inc "*) continue ;; esac
			case $rel:$inc in lib/util/digest.c:openssl/*) continue ;; esac
			fail "$rel ($dir) includes <$inc>: only io may use a dependency's headers"
		done
	done
done

# 3. No dependency flags for the model and the engine, in the Makefile and
# in fact: each file compiles with the project's own include paths only.
mk=$top_builddir/Makefile
for layer in model eval; do
	flags=$(sed -n "s/^lib_libscsec_${layer}_la_CFLAGS = //p" "$mk")
	[ -n "$flags" ] || fail "Makefile: no lib_libscsec_${layer}_la_CFLAGS line"
	case $flags in
	*'$('*) [ "$flags" = '$(LIB_CFLAGS)' ] ||
		fail "Makefile: the $layer layer's CFLAGS are '$flags', not \$(LIB_CFLAGS) alone" ;;
	esac
	for f in "$lib/$layer"/*.c; do
		if ! $CC -std=c11 -fsyntax-only -I"$top_builddir" -I"$top_srcdir/include" \
			-I"$top_builddir/include" -I"$lib" "$f" 2>"$top_builddir/tests/layers.err"; then
			fail "lib/$layer/${f##*/} does not compile without dependency flags:"
			cat "$top_builddir/tests/layers.err"
		fi
	done
done
rm -f "$top_builddir/tests/layers.err"

# 4. Only the build-time embedder sits outside the layers.
for f in "$lib"/*.c "$lib"/*.h; do
	[ -f "$f" ] || continue
	case ${f##*/} in embed.c) continue ;; esac
	fail "lib/${f##*/} is in no layer: move it into lib/util, lib/model, lib/eval or lib/io"
done

[ $status -eq 0 ] && echo "layers: util < model < eval < io hold"
exit $status
