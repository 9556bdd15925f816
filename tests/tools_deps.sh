#!/bin/sh
# The command line's files use each other in one direction only, as
# tools/scsec.h draws it: in the graph "A uses a symbol B defines", built
# from the objects of tools/scsec, there is no cycle; and report.c and
# evaluate.c, which once called into each other, use neither the other.
set -eu
: "${top_builddir:?}"
NM=${NM:-nm}
objs=$(ls "$top_builddir"/tools/scsec-*.o 2>/dev/null || true)
if [ -z "$objs" ]; then
	echo "tools_deps: no objects of tools/scsec under $top_builddir/tools"
	exit 99
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/defs"
for o in $objs; do
	f=$(basename "$o" .o)
	f=${f#scsec-}
	$NM -g --defined-only "$o" | awk -v f="$f" 'NF == 3 { print $3, f }' >> "$tmp/defs"
done
: > "$tmp/edges"
for o in $objs; do
	f=$(basename "$o" .o)
	f=${f#scsec-}
	$NM -u "$o" | awk '{ print $NF }' | sort -u > "$tmp/undef"
	awk -v f="$f" 'NR == FNR { used[$1] = 1; next } ($1 in used) && $2 != f { print f, $2 }' \
		"$tmp/undef" "$tmp/defs" >> "$tmp/edges"
done
sort -u "$tmp/edges" -o "$tmp/edges"
status=0
if ! tsort "$tmp/edges" > /dev/null 2> "$tmp/loop"; then
	echo "tools_deps: the files of tools/ use each other in a cycle:"
	cat "$tmp/loop"
	status=1
fi
for pair in "report evaluate" "evaluate report"; do
	if grep -qx "$pair" "$tmp/edges"; then
		set -- $pair
		echo "tools_deps: tools/$1.c uses tools/$2.c (shared pieces belong in render.c or common.c)"
		status=1
	fi
done
[ "$status" = 0 ] && echo "tools_deps: $(wc -l < "$tmp/edges") uses between $(echo $objs | wc -w) files, no cycle"
exit $status
