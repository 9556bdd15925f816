#!/bin/sh
# Build the libFuzzer harnesses of tests/fuzz and run each of them for a
# while: first its regression inputs (tests/fuzz/regressions/<harness>/*),
# then fuzzing from a copy of its seed corpus.
#
#   sh tests/fuzz/run.sh [SECONDS_PER_HARNESS]      (default 45)
#
# Needs clang (with libFuzzer), pkg-config, make, the library's build
# dependencies, and autoreconf when the source tree has no up-to-date
# configure script. Everything is built and written in a temporary
# directory; the source tree is never written to. Exit status: 0 when every
# regression input passes and fuzzing found nothing, 1 when something
# crashed, leaked or timed out (the input is printed), 2 when the build
# failed. Environment: CC (default clang), FUZZ_KEEP=1 keeps the temporary
# directory, UBSAN_OPTIONS / ASAN_OPTIONS are added to the harness's own.
set -u

seconds=${1:-45}
case $seconds in
'' | *[!0-9]*) echo "usage: sh tests/fuzz/run.sh [SECONDS_PER_HARNESS]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd) || exit 2
src=$(cd "$here/../.." && pwd) || exit 2
fuzzdir=$src/tests/fuzz
CC=${CC:-clang}
harnesses="fuzz_criteria_xml fuzz_evidence_xml fuzz_evidence_json fuzz_evidence_csv fuzz_ipa fuzz_evaluate fuzz_oscal fuzz_oscal_results fuzz_xlsx fuzz_signed_evidence fuzz_trust_xml fuzz_result"

if [ ! -f "$src/lib/io/xml.c" ] || [ ! -f "$src/configure.ac" ]; then
	echo "run.sh: $src is not the libscsec source tree" >&2
	exit 2
fi
for tool in "$CC" pkg-config make; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "run.sh: '$tool' not found (Debian: apt-get install clang pkg-config make)" >&2
		exit 2
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scsec-fuzz.XXXXXX") || exit 2
keep=${FUZZ_KEEP:-0}
cleanup() {
	if [ "$keep" = 1 ]; then
		echo "run.sh: kept $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
elapsed() { echo $(($(date +%s) - start)); }
fail_build() {
	echo "run.sh: $1 failed; the last lines of $2:" >&2
	tail -n 40 "$2" >&2
	keep=1
	exit 2
}

# ------------------------------------------------------------ the library
#
# Out of tree, from the source tree itself when it is clean and its
# generated files are up to date; otherwise (configured in tree, no
# configure script, or one older than configure.ac / Makefile.am, which
# would make `make` regenerate files in the source tree) from a copy of
# the sources, regenerated with autoreconf. The copy holds the tracked and
# untracked-but-not-ignored files of a git checkout, or the tree without
# its build outputs.
usable_in_place() {
	[ -f "$src/config.status" ] && return 1
	[ -x "$src/configure" ] || return 1
	for out in configure Makefile.in aclocal.m4 config.h.in; do
		[ -f "$src/$out" ] || return 1
		for in in configure.ac Makefile.am "$src"/m4/*.m4; do
			in=${in#"$src"/}
			[ -f "$src/$in" ] || continue
			[ "$src/$in" -nt "$src/$out" ] && [ "$in" != aclocal.m4 ] && return 1
		done
	done
	[ "$src/aclocal.m4" -nt "$src/configure" ] && return 1
	return 0
}
libsrc=$src
if ! usable_in_place; then
	libsrc=$tmp/src
	mkdir "$libsrc" || exit 2
	if [ -d "$src/.git" ] && command -v git >/dev/null 2>&1 &&
		git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$src" && git ls-files -co --exclude-standard |
			while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done |
			grep -v '^tests/fuzz/corpus/' | tar -cf - -T -) | (cd "$libsrc" && tar -xf -) ||
			fail_build "copying the sources" /dev/null
	else
		(cd "$src" && tar -cf - --exclude=./.git --exclude=./autom4te.cache --exclude='./_build*' \
			--exclude='./_inst*' --exclude='*.o' --exclude='*.lo' --exclude='*.la' --exclude=.libs \
			--exclude=.deps --exclude=.dirstamp --exclude=./tests/stage --exclude=./tests/fuzz/corpus \
			--exclude=./config.status --exclude=./config.log --exclude=./config.h \
			--exclude=./stamp-h1 --exclude=./libtool --exclude=./Makefile \
			--exclude=./include/scsec/version.h --exclude=./pkgconfig/libscsec.pc \
			--exclude=./doc/Doxyfile --exclude=./lib/io/embedded-data.c --exclude=./lib/embed \
			--exclude=./tools/scsec .) | (cd "$libsrc" && tar -xf -) ||
			fail_build "copying the sources" /dev/null
	fi
	if ! command -v autoreconf >/dev/null 2>&1; then
		echo "run.sh: autoreconf not found (Debian: apt-get install autoconf automake libtool)" >&2
		exit 2
	fi
	(cd "$libsrc" && autoreconf -fi) >"$tmp/autoreconf.log" 2>&1 ||
		fail_build "autoreconf" "$tmp/autoreconf.log"
fi

build=$tmp/build
mkdir "$build" || exit 2
san="-fsanitize=fuzzer-no-link,address,undefined"
echo "run.sh: building the library with $CC $san ($(elapsed)s)"
(cd "$build" && "$libsrc/configure" --disable-tests CC="$CC" \
	CFLAGS="-g -O1 $san -fno-omit-frame-pointer") >"$tmp/configure.log" 2>&1 ||
	fail_build "configure" "$tmp/configure.log"
(cd "$build" && make -j2 lib/libscsec-core.la) >"$tmp/make.log" 2>&1 ||
	fail_build "make lib/libscsec-core.la" "$tmp/make.log"
archive=$build/lib/.libs/libscsec-core.a
[ -f "$archive" ] || fail_build "make lib/libscsec-core.la (no $archive)" "$tmp/make.log"

# ------------------------------------------------------------ the harnesses

# The library's own dependencies, as its pkg-config file lists them for
# static linking (less -lscsec itself and its -L: the archive stands in).
libs=$(PKG_CONFIG_PATH="$build/pkgconfig" pkg-config --static --libs libscsec |
	sed -e 's/-lscsec\b//' -e 's/-L[^ ]*//g')
mkdir "$tmp/bin" "$tmp/corpus" "$tmp/artifacts" "$tmp/logs" || exit 2
for h in $harnesses; do
	# shellcheck disable=SC2086
	"$CC" -g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
		-I"$libsrc/include" -I"$build/include" "$fuzzdir/$h.c" "$archive" $libs \
		-o "$tmp/bin/$h" >"$tmp/logs/$h.compile.log" 2>&1 ||
		fail_build "compiling $h" "$tmp/logs/$h.compile.log"
done
echo "run.sh: built $(echo $harnesses | wc -w) harnesses ($(elapsed)s); $seconds s of fuzzing each"

# Undefined behaviour is a finding: stop at the first report.
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS ASAN_OPTIONS

max_len() {
	case $1 in
	fuzz_criteria_xml) echo 131072 ;; # the built-in METI set (83 KB) is a seed
	*) echo 65536 ;;
	esac
}

# First 4 KiB of a file, as hexdump -C shows it.
dump() {
	if command -v hexdump >/dev/null 2>&1; then
		head -c 4096 "$1" | hexdump -C
	else
		head -c 4096 "$1" | od -A x -t x1z -v
	fi
}

# What went wrong, from a libFuzzer log: the assertion or sanitizer report.
reason() {
	grep -E '==FUZZ ASSERTION==|^SUMMARY: (Address|Leak|UndefinedBehavior)|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$1" |
		grep -v 'libFuzzer: deadly signal' | head -n 3 | sed 's/^/    /'
}

status=0
for h in $harnesses; do
	bin=$tmp/bin/$h
	# Regression inputs: each must run clean.
	regdir=$fuzzdir/regressions/$h
	nreg=0
	nbad=0
	if [ -d "$regdir" ]; then
		for f in "$regdir"/*; do
			[ -f "$f" ] || continue
			nreg=$((nreg + 1))
			if ! "$bin" -timeout=10 -rss_limit_mb=2048 "$f" >"$tmp/logs/$h.regression.log" 2>&1; then
				nbad=$((nbad + 1))
				status=1
				echo "$h: REGRESSION FAILED: ${f#"$src"/}"
				reason "$tmp/logs/$h.regression.log"
			fi
		done
	fi

	# Fuzzing, from a writable copy of the seeds.
	corpus=$tmp/corpus/$h
	arts=$tmp/artifacts/$h
	mkdir -p "$corpus" "$arts"
	if [ -d "$fuzzdir/corpus/$h" ]; then
		cp "$fuzzdir/corpus/$h"/* "$corpus"/ 2>/dev/null
	fi
	seeds=$(ls "$corpus" | wc -l)
	log=$tmp/logs/$h.log
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$h")" \
		-dict="$fuzzdir/dict/xml.dict" -artifact_prefix="$arts/" -print_final_stats=1 \
		"$corpus" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | sed 's/ft: //')
	corp=$(grep -o 'corp: [0-9]*/[0-9]*[A-Za-z]*' "$log" | tail -n 1 | sed 's/corp: //')
	found=$(ls "$arts" | wc -l)
	if [ "$found" -gt 0 ] || [ "$rc" -ne 0 ]; then
		result="fuzzing FOUND A PROBLEM"
		status=1
	else
		result="fuzzing found nothing"
	fi
	printf '%s: %s runs, cov %s, ft %s, corpus %s -> %s files (%s), regressions %d/%d passed, %s\n' \
		"$h" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$seeds" "$(ls "$corpus" | wc -l)" "${corp:-?}" \
		$((nreg - nbad)) "$nreg" "$result"
	if [ "$found" -gt 0 ] || [ "$rc" -ne 0 ]; then
		reason "$log"
		for a in "$arts"/*; do
			[ -f "$a" ] || continue
			echo "  $h: artifact $(basename "$a") ($(wc -c <"$a") bytes), first 4 KiB:"
			dump "$a" | sed 's/^/    /'
		done
		[ "$found" -gt 0 ] || tail -n 20 "$log" | sed 's/^/    /'
		keep=1
	fi
done

echo "run.sh: done in $(elapsed)s: $([ $status = 0 ] && echo 'nothing found' || echo 'FAILURES (see above)')"
[ "$status" = 0 ] || echo "run.sh: artifacts and logs are in $tmp (turn an artifact into a regression input: see tests/fuzz/README)"
exit $status
