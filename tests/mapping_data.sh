#!/bin/sh
# The built-in mapping sets and the frameworks' minimal criteria sets in the
# tree are what tools/gen-mappings.py makes of the METI set's
# cross-references (doc/mapping.md, "Built-in mapping sets").
set -eu
: "${top_srcdir:?}"
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "mapping_data: no $PY; skipped"; exit 77; }
"$PY" "$top_srcdir/tools/gen-mappings.py" --check >/dev/null
echo "mapping_data: the built-in mapping sets are in step with their generator"
