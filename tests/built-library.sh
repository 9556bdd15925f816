#!/bin/sh
# Print the path of the shared library just built, as libtool describes it:
# the dlname of lib/libscsec.la in libtool's objdir, never a path written
# into the tests (".libs/libscsec.so.1" is libtool's business and differs
# between platforms). Usage: built-library.sh [TOP_BUILDDIR]
set -eu
top=${1:-${top_builddir:?}}
la=$top/lib/libscsec.la
[ -f "$la" ] || { echo "built-library: $la not built" >&2; exit 1; }
objdir=$(${SHELL:-/bin/sh} "$top/libtool" --config | sed -n 's/^objdir=//p')
dlname=$(sed -n "s/^dlname='\(.*\)'\$/\1/p" "$la")
if [ -z "$objdir" ] || [ -z "$dlname" ]; then
	echo "built-library: $la names no shared library" >&2
	exit 1
fi
case $top in /*) ;; *) top=$(cd "$top" && pwd) ;; esac
printf '%s/lib/%s/%s\n' "$top" "$objdir" "$dlname"
