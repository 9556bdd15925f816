/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Criteria sets through the public API only: the built-in METI set, the
 * canonical form and its fingerprint, valid and invalid fixtures
 * (tests/data/criteria), hostile input, load options, argument checks and
 * sharing one set between threads.
 *
 * Fixtures named bad-*.xml mark each offending line with an "error"
 * comment; the semantic tests expect a diagnostic on every marked line, so
 * a fixture and its test cannot drift apart. Large hostile inputs (a gzip
 * bomb, deep nesting) are generated here at run time, never committed. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "oracle.h"
#include "testutil.h"

/* Peak-memory checks read the process's maximum RSS. The sanitizers' own
 * memory (ASan's quarantine of freed blocks, TSan's shadow) inflates it,
 * so there they are skipped; LeakSanitizer checks for leaks instead. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define RSS_MEANINGFUL 0
#else
#define RSS_MEANINGFUL 1
#endif

#define MIB ((size_t)1 << 20)

/* ------------------------------------------------------------ helpers */

static const char *fixture_path(char *buf, size_t size, const char *name)
{
	char rel[256];

	snprintf(rel, sizeof rel, "tests/data/criteria/%s", name);
	return test_srcpath(buf, size, rel);
}

static char *read_fixture(const char *name, size_t *len)
{
	char path[4096];
	char *data = test_read_file(fixture_path(path, sizeof path, name), len);

	ck_assert_msg(data != NULL, "cannot read %s", path);
	return data;
}

/* Lines (1-based) of the "<!-- error -->" markers of a fixture. */
static size_t marker_lines(const char *path, unsigned long *lines, size_t max)
{
	char *text = test_read_file(path, NULL);
	const char *p;
	unsigned long line = 1;
	size_t n = 0;

	ck_assert_msg(text != NULL, "cannot read %s", path);
	for (p = text; *p; p++) {
		if (*p == '\n')
			line++;
		else if (!strncmp(p, "<!-- error -->", 14) && n < max)
			lines[n++] = line;
	}
	free(text);
	return n;
}

static scsec_load_options *options_without_schema(void)
{
	scsec_load_options *o = NULL;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, 0));
	return o;
}

static scsec_criteria *load_fixture_ok(const char *name, const scsec_load_options *opts)
{
	char path[4096];
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_load_file(&c, fixture_path(path, sizeof path, name), opts, NULL));
	ck_assert_ptr_nonnull(c);
	return c;
}

static scsec_criteria *builtin_ok(void)
{
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_builtin(&c, NULL));
	ck_assert_ptr_nonnull(c);
	return c;
}

/* The first diagnostic with this code (and line, when non-zero). */
static const scsec_diagnostic *find_diag(const scsec_diagnostics *d, int code, unsigned long line)
{
	size_t i;

	for (i = 0; i < scsec_diagnostics_count(d); i++) {
		const scsec_diagnostic *x = scsec_diagnostics_at(d, i);

		if (scsec_diagnostic_code(x) == code && (!line || scsec_diagnostic_line(x) == line))
			return x;
	}
	return NULL;
}

/* All diagnostics as one string, for failure messages. */
static const char *diag_dump(const scsec_diagnostics *d)
{
	static _Thread_local char buf[4096];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < scsec_diagnostics_count(d) && used < sizeof buf - 1; i++) {
		char *s = NULL;

		if (scsec_diagnostic_format(&s, scsec_diagnostics_at(d, i)) == 0) {
			int w = snprintf(buf + used, sizeof buf - used, "\n  %s", s);

			if (w > 0)
				used += (size_t)w < sizeof buf - used ? (size_t)w : sizeof buf - used - 1;
			scsec_free(s);
		}
	}
	return buf;
}

/* The first failed check of a test that still owns resources: it frees
 * them, then fails, so that a failure leaks nothing under CK_FORK=no. */
typedef struct verdict {
	char why[4096];
} verdict;

static void fail_later(verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail_later(verdict *v, const char *fmt, ...)
{
	va_list ap;

	if (v->why[0])
		return;
	va_start(ap, fmt);
	vsnprintf(v->why, sizeof v->why, fmt, ap);
	va_end(ap);
}

#define CHECK_LATER(v, cond, ...) \
	do { \
		if (!(cond)) \
			fail_later((v), __VA_ARGS__); \
	} while (0)

#define VERDICT(v) ck_assert_msg(!(v).why[0], "%s", (v).why)

static int str_eq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/*
 * Load a bad fixture and check everything the loader promises about a
 * failure: the code, *out set to NULL, the thread's last error (code, file,
 * line of the first problem) and, for every marked line, a diagnostic of
 * @p code in this file, on that line, with a column. @p id, when given,
 * must be the id of the diagnostic on the first marked line.
 */
static void expect_bad_fixture(const char *name, int schema, int code, const char *id)
{
	char path[4096];
	unsigned long lines[16];
	size_t nlines, i;
	scsec_load_options *o = schema ? NULL : options_without_schema();
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = (scsec_criteria *)&lines; /* not NULL: the loader must reset it */
	const scsec_error *e;
	verdict v = { "" };
	int rc;

	fixture_path(path, sizeof path, name);
	nlines = marker_lines(path, lines, sizeof lines / sizeof *lines);
	ck_assert_msg(nlines > 0, "%s has no error marker", name);
	ck_ok(scsec_diagnostics_new(&d));
	scsec_error_clear();
	rc = scsec_criteria_load_file(&c, path, o, d);
	e = scsec_error_last();
	CHECK_LATER(&v, rc == code, "%s: got %d (%s), want %d (%s):%s", name, rc, scsec_strerror(rc),
	            code, scsec_strerror(code), diag_dump(d));
	CHECK_LATER(&v, c == NULL, "%s: *out not reset to NULL", name);
	CHECK_LATER(&v, scsec_error_code(e) == code, "%s: last error code %d", name,
	            scsec_error_code(e));
	CHECK_LATER(&v, str_eq(scsec_error_file(e), path), "%s: last error file '%s'", name,
	            scsec_error_file(e) ? scsec_error_file(e) : "(null)");
	CHECK_LATER(&v, scsec_error_message(e)[0], "%s: empty last error message", name);
	if (nlines == 1) {
		CHECK_LATER(&v, scsec_error_line(e) == lines[0],
		            "%s: last error at line %lu, want %lu: %s", name, scsec_error_line(e),
		            lines[0], scsec_error_message(e));
		CHECK_LATER(&v, scsec_error_column(e) > 0, "%s: last error without a column", name);
	}
	CHECK_LATER(&v, scsec_diagnostics_count(d) >= nlines, "%s: %zu diagnostics for %zu problems:%s",
	            name, scsec_diagnostics_count(d), nlines, diag_dump(d));
	for (i = 0; i < nlines; i++) {
		const scsec_diagnostic *x = find_diag(d, code, lines[i]);

		if (!x) {
			fail_later(&v, "%s: no diagnostic %d on line %lu:%s", name, code, lines[i],
			           diag_dump(d));
			continue;
		}
		CHECK_LATER(&v, scsec_diagnostic_severity(x) == SCSEC_SEVERITY_ERROR,
		            "%s:%lu: not an error", name, lines[i]);
		CHECK_LATER(&v, str_eq(scsec_diagnostic_file(x), path), "%s:%lu: diagnostic file '%s'",
		            name, lines[i], scsec_diagnostic_file(x) ? scsec_diagnostic_file(x) : "(null)");
		CHECK_LATER(&v, scsec_diagnostic_column(x) > 0, "%s:%lu: diagnostic without a column",
		            name, lines[i]);
		CHECK_LATER(&v, scsec_diagnostic_message(x)[0], "%s:%lu: empty diagnostic message", name,
		            lines[i]);
		if (i == 0 && id)
			CHECK_LATER(&v, str_eq(scsec_diagnostic_id(x), id), "%s:%lu: diagnostic id '%s', want '%s'",
			            name, lines[i],
			            scsec_diagnostic_id(x) ? scsec_diagnostic_id(x) : "(null)", id);
	}
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
	VERDICT(v);
}

static int is_lower_hex64(const char *s)
{
	size_t i;

	if (!s || strlen(s) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* ---- gzip in memory ---- */

typedef struct membuf {
	unsigned char *p;
	size_t len, cap;
} membuf;

static void mb_reserve(membuf *b, size_t more)
{
	if (b->cap - b->len < more) {
		size_t cap = b->cap ? b->cap : 65536;
		unsigned char *p;

		while (cap - b->len < more)
			cap *= 2;
		p = realloc(b->p, cap);
		ck_assert_ptr_nonnull(p);
		b->p = p;
		b->cap = cap;
	}
}

static void mb_put(membuf *b, const void *data, size_t n)
{
	mb_reserve(b, n);
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

/* Append a copy of bytes already in the buffer (the pointer may move). */
static void mb_repeat(membuf *b, size_t off, size_t n)
{
	mb_reserve(b, n);
	memcpy(b->p + b->len, b->p + off, n);
	b->len += n;
}

static void mb_free(membuf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

/* Run deflate over one input with the given flush, appending all output. */
static void deflate_into(z_stream *z, const void *in, size_t n, int flush, membuf *out)
{
	int rc;

	z->next_in = (Bytef *)(uintptr_t)in;
	z->avail_in = (uInt)n;
	do {
		mb_reserve(out, 65536);
		z->next_out = out->p + out->len;
		z->avail_out = 65536;
		rc = deflate(z, flush);
		ck_assert_msg(rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR, "deflate: %d", rc);
		out->len += 65536 - z->avail_out;
	} while (z->avail_out == 0 || z->avail_in > 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

static void gzip_mem(membuf *out, const void *data, size_t n)
{
	z_stream z;

	memset(&z, 0, sizeof z);
	ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	deflate_into(&z, data, n, Z_FINISH, out);
	deflateEnd(&z);
}

/* A fixture, gzip-compressed. */
static membuf gzipped_fixture(const char *name)
{
	size_t n;
	char *data = read_fixture(name, &n);
	membuf z = { 0 };

	gzip_mem(&z, data, n);
	free(data);
	return z;
}

/* Inflate a gzip stream completely; Z_STREAM_END means the CRC and length
 * were right. Returns the output, or only counts when @p out is NULL. */
static int gunzip_mem(membuf *out, const void *data, size_t n, uint64_t *total,
                      int (*check)(const unsigned char *, size_t, uint64_t))
{
	z_stream z;
	unsigned char *buf = malloc(MIB);
	int rc;

	ck_assert_ptr_nonnull(buf);
	memset(&z, 0, sizeof z);
	ck_assert_int_eq(inflateInit2(&z, 16 + MAX_WBITS), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	*total = 0;
	do {
		z.next_out = buf;
		z.avail_out = (uInt)MIB;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END)
			break;
		if (check && !check(buf, MIB - z.avail_out, *total)) {
			rc = Z_DATA_ERROR;
			break;
		}
		if (out)
			mb_put(out, buf, MIB - z.avail_out);
		*total += MIB - z.avail_out;
	} while (rc != Z_STREAM_END);
	inflateEnd(&z);
	free(buf);
	return rc == Z_STREAM_END && z.avail_in == 0 ? 0 : -1;
}

static void put_le32(membuf *b, uint32_t v)
{
	unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
		               (unsigned char)(v >> 24) };

	mb_put(b, x, 4);
}

/*
 * A gzip bomb: @p prefix followed by @p nspaces spaces (a multiple of
 * 1 MiB), as one gzip member.
 *
 * Deflate runs in a loop over a 1 MiB buffer of spaces (run-length
 * strategy, a full flush after each MiB). A full flush byte-aligns the
 * output, and run-length matches only reach back one byte, which is a
 * space for every MiB after the first; so once two consecutive MiB give
 * the same compressed bytes, every further MiB gives them too, and they
 * are copied instead of recomputed. That keeps a 10 GB bomb cheap to build
 * (even under valgrind); the CRC comes from crc32_combine() by doubling.
 * The bomb is checked by bomb_generator_makes_valid_gzip.
 */
static void make_space_bomb(membuf *out, const char *prefix, uint64_t nspaces)
{
	static const unsigned char header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	uint64_t chunks = nspaces / MIB, i, have;
	unsigned char *spaces = malloc(MIB);
	size_t plen = strlen(prefix), last_off = 0, last_len = 0;
	uLong crc, crc_chunk, crc_run, crc_pow;
	int stable = 0;
	z_stream z;

	ck_assert_ptr_nonnull(spaces);
	ck_assert_uint_eq(nspaces % MIB, 0);
	memset(spaces, ' ', MIB);
	mb_put(out, header, sizeof header);
	memset(&z, 0, sizeof z);
	ck_assert_int_eq(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_RLE), Z_OK);
	deflate_into(&z, prefix, plen, Z_NO_FLUSH, out);
	for (i = 0; i < chunks; i++) {
		size_t off = out->len;

		if (stable) {
			mb_repeat(out, last_off, last_len);
			continue;
		}
		deflate_into(&z, spaces, MIB, Z_FULL_FLUSH, out);
		if (i > 0 && out->len - off == last_len && !memcmp(out->p + off, out->p + last_off, last_len))
			stable = 1;
		last_off = off;
		last_len = out->len - off;
	}
	/* An empty final block: it refers to nothing before it. */
	deflate_into(&z, NULL, 0, Z_FINISH, out);
	deflateEnd(&z);

	/* CRC of prefix + chunks x 1 MiB of spaces. */
	crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)prefix, (uInt)plen);
	crc_chunk = crc32(crc32(0L, Z_NULL, 0), spaces, (uInt)MIB);
	crc_run = crc32(0L, Z_NULL, 0); /* CRC of the spaces so far (none) */
	crc_pow = crc_chunk;            /* CRC of 2^k MiB of spaces */
	have = 0;
	for (i = 0; (chunks >> i) != 0; i++) {
		uint64_t len = MIB << i;

		if ((chunks >> i) & 1) {
			crc_run = have ? crc32_combine(crc_run, crc_pow, (z_off_t)len) : crc_pow;
			have += len;
		}
		crc_pow = crc32_combine(crc_pow, crc_pow, (z_off_t)len);
	}
	if (have)
		crc = crc32_combine(crc, crc_run, (z_off_t)have);
	put_le32(out, (uint32_t)crc);
	put_le32(out, (uint32_t)(plen + nspaces));
	free(spaces);
}

/* ---- resources ---- */

static long max_rss_kib(void)
{
	struct rusage ru;

	ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
	return ru.ru_maxrss;
}

/*
 * Load hostile input from memory and check that it fails with @p code (or
 * @p alt when non-zero, in which case a diagnostic of @p code must still be
 * in the list), leaves *out NULL, holds less than 64 MiB more at its peak
 * and is quick. Returns the message of the thread's last error.
 */
static const char *expect_hostile(const void *data, size_t len, const char *name,
                                  const scsec_load_options *opts, int code, int alt)
{
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = (scsec_criteria *)&d;
	long rss0, grown;
	double t0, took;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	rss0 = max_rss_kib();
	t0 = test_now();
	rc = scsec_criteria_load_memory(&c, data, len, name, opts, d);
	took = test_now() - t0;
	grown = max_rss_kib() - rss0;
	ck_assert_msg(rc == code || (alt && rc == alt), "%s: got %d (%s), want %d (%s):%s", name, rc,
	              scsec_strerror(rc), code, scsec_strerror(code), diag_dump(d));
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), rc);
	ck_assert_msg(find_diag(d, code, 0) != NULL, "%s: no diagnostic %d in the list:%s", name, code,
	              diag_dump(d));
	ck_assert_msg(!RSS_MEANINGFUL || grown < 64 * 1024, "%s: peak memory grew by %ld KiB", name,
	              grown);
	if (!test_no_fork())
		ck_assert_msg(took < 30.0, "%s: took %.1f s", name, took);
	scsec_diagnostics_free(d);
	return scsec_error_message(scsec_error_last());
}

/* ---- the built-in set as text, written canonically ---- */

static char *written(const scsec_criteria *c, size_t *len)
{
	char *s = NULL;

	ck_ok(scsec_criteria_write_memory(&s, len, c));
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(strlen(s), *len);
	return s;
}

/* Load what was written, write it again: same bytes, same fingerprint,
 * and the fingerprint is the SHA-256 of those bytes. */
static void check_canonical(const scsec_criteria *c, const char *what)
{
	char *w1, *w2, sha[65];
	size_t n1, n2;
	scsec_criteria *back = NULL;

	w1 = written(c, &n1);
	ck_ok(scsec_criteria_load_memory(&back, w1, n1, what, NULL, NULL));
	w2 = written(back, &n2);
	ck_assert_msg(n1 == n2 && !memcmp(w1, w2, n1), "%s: the canonical form does not round-trip",
	              what);
	ck_assert_msg(is_lower_hex64(scsec_criteria_fingerprint(c)), "%s: fingerprint '%s'", what,
	              scsec_criteria_fingerprint(c) ? scsec_criteria_fingerprint(c) : "(null)");
	ck_assert_str_eq(scsec_criteria_fingerprint(back), scsec_criteria_fingerprint(c));
	ck_assert(test_sha256_hex(sha, w1, n1));
	ck_assert_str_eq(scsec_criteria_fingerprint(c), sha);
	scsec_criteria_free(back);
	scsec_free(w1);
	scsec_free(w2);
}

static const char *const valid_fixtures[] = {
	"minimal.xml", "noncumulative.xml", "points.xml", "deductions.xml", "prerequisites.xml",
	"noncanonical.xml", "nested.xml",
};

#define NVALID (sizeof valid_fixtures / sizeof *valid_fixtures)

/* ================================================================ builtin */

START_TEST(builtin_lists_default_set)
{
	size_t i, n = scsec_criteria_builtin_count();
	int seen_default = 0;

	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(scsec_criteria_builtin_id(0), SCSEC_CRITERIA_DEFAULT);
	ck_assert_str_eq(SCSEC_CRITERIA_DEFAULT, "meti-sc-2026-03");
	ck_assert_ptr_null(scsec_criteria_builtin_id(n));
	ck_assert_ptr_null(scsec_criteria_builtin_id(SIZE_MAX));
	for (i = 0; i < n; i++) {
		scsec_criteria *c = NULL;

		ck_ok(scsec_criteria_builtin(&c, scsec_criteria_builtin_id(i)));
		ck_assert_str_eq(scsec_criteria_id(c), scsec_criteria_builtin_id(i));
		seen_default |= !strcmp(scsec_criteria_id(c), SCSEC_CRITERIA_DEFAULT);
		scsec_criteria_free(c);
	}
	ck_assert(seen_default);
}
END_TEST

START_TEST(builtin_unknown_id_not_found)
{
	scsec_criteria *c = (scsec_criteria *)&c;

	ck_assert_int_eq(scsec_criteria_builtin(&c, "meti-sc-2099-01"), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_criteria_builtin(&c, ""), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(c);
}
END_TEST

START_TEST(builtin_identity)
{
	scsec_criteria *c = NULL;
	scsec_date issued;

	ck_ok(scsec_criteria_builtin(&c, SCSEC_CRITERIA_DEFAULT));
	ck_assert_str_eq(scsec_criteria_id(c), "meti-sc-2026-03");
	ck_assert_str_eq(scsec_criteria_version(c), "2026.03");
	ck_assert_str_eq(scsec_criteria_title(c, NULL),
	                 "METI supply-chain security evaluation scheme: ★3/★4 criteria (final "
	                 "version, March 2026)");
	ck_assert_str_eq(scsec_criteria_title(c, "en"), scsec_criteria_title(c, NULL));
	ck_assert_str_eq(scsec_criteria_title(c, "ja"),
	                 "サプライチェーン強化に向けたセキュリティ対策評価制度 ★3・★4 評価基準"
	                 "（2026年3月 最終版）");
	/* Unknown language: English. */
	ck_assert_str_eq(scsec_criteria_title(c, "fr"), scsec_criteria_title(c, "en"));
	ck_assert_ptr_nonnull(scsec_criteria_description(c, NULL));
	ck_assert(strstr(scsec_criteria_description(c, NULL), "153 criteria") != NULL);
	/* No Japanese description: English. */
	ck_assert_str_eq(scsec_criteria_description(c, "ja"), scsec_criteria_description(c, "en"));
	ck_assert_str_eq(scsec_criteria_publisher(c),
	                 "Ministry of Economy, Trade and Industry (METI) / Information-technology "
	                 "Promotion Agency (IPA), Japan");
	ck_ok(scsec_date_parse(&issued, "2026-03-27"));
	ck_assert_int_eq(scsec_criteria_issued(c), issued);
	ck_assert_str_eq(scsec_criteria_source_uri(c), "https://www.meti.go.jp/");
	ck_assert_ptr_nonnull(scsec_criteria_source(c));
	ck_assert_int_eq(scsec_criteria_scoring(c), SCSEC_SCORING_ALL_REQUIRED);
	ck_assert(is_lower_hex64(scsec_criteria_fingerprint(c)));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_levels)
{
	scsec_criteria *c = builtin_ok();
	const scsec_level *l3, *l4;
	const scsec_prerequisite *p;

	ck_assert_uint_eq(scsec_criteria_level_count(c), 2);
	l3 = scsec_criteria_level_at(c, 0);
	l4 = scsec_criteria_level_at(c, 1);
	ck_assert_ptr_null(scsec_criteria_level_at(c, 2));
	ck_assert_ptr_eq(scsec_criteria_level_by_rank(c, 3), l3);
	ck_assert_ptr_eq(scsec_criteria_level_by_rank(c, 4), l4);
	ck_assert_ptr_null(scsec_criteria_level_by_rank(c, 5));
	ck_assert_ptr_null(scsec_criteria_level_by_rank(c, 0));

	ck_assert_int_eq(scsec_level_rank(l3), 3);
	ck_assert_str_eq(scsec_level_label(l3), "★3");
	ck_assert_str_eq(scsec_level_title(l3, NULL),
	                 "★3: basic (self-assessment checked by a security expert)");
	ck_assert_str_eq(scsec_level_title(l3, "ja"), "★3（基礎）");
	ck_assert_int_eq(scsec_level_method(l3), SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert_str_eq(scsec_level_validity(l3), "P1Y");
	ck_assert(scsec_level_validity_provisional(l3));
	ck_assert(!scsec_level_requires_lower(l3));
	ck_assert_uint_eq(scsec_level_prerequisite_count(l3), 1);
	p = scsec_level_prerequisite_at(l3, 0);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(scsec_prerequisite_id(p), "management-pledge");
	ck_assert_ptr_null(scsec_level_prerequisite_at(l3, 1));
	ck_assert_uint_eq(scsec_level_requirement_count(l3), 26);
	ck_assert_uint_eq(scsec_level_criterion_count(l3), 81);

	ck_assert_int_eq(scsec_level_rank(l4), 4);
	ck_assert_str_eq(scsec_level_label(l4), "★4");
	ck_assert_str_eq(scsec_level_title(l4, "ja"), "★4（標準）");
	ck_assert_int_eq(scsec_level_method(l4), SCSEC_METHOD_THIRD_PARTY);
	ck_assert_str_eq(scsec_level_validity(l4), "P3Y");
	ck_assert(scsec_level_validity_provisional(l4));
	ck_assert(!scsec_level_requires_lower(l4));
	ck_assert_uint_eq(scsec_level_prerequisite_count(l4), 0);
	ck_assert_ptr_null(scsec_level_prerequisite_at(l4, 0));
	ck_assert_uint_eq(scsec_level_requirement_count(l4), 43);
	ck_assert_uint_eq(scsec_level_criterion_count(l4), 153);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_prerequisites)
{
	scsec_criteria *c = builtin_ok();
	const scsec_prerequisite *p;

	ck_assert_uint_eq(scsec_criteria_prerequisite_count(c), 1);
	p = scsec_criteria_prerequisite(c, "management-pledge");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_eq(scsec_criteria_prerequisite_at(c, 0), p);
	ck_assert_ptr_null(scsec_criteria_prerequisite_at(c, 1));
	ck_assert_ptr_eq(scsec_level_prerequisite_at(scsec_criteria_level_by_rank(c, 3), 0), p);
	ck_assert_str_eq(scsec_prerequisite_title(p, NULL),
	                 "Self-conformity pledge signed by management");
	ck_assert_str_eq(scsec_prerequisite_title(p, "ja"), "経営層による自己適合宣誓");
	/* Ids of other kinds are not prerequisites. */
	ck_assert_ptr_null(scsec_criteria_prerequisite(c, "4"));
	ck_assert_ptr_null(scsec_criteria_prerequisite(c, "1-1-1-1"));
	ck_assert_ptr_null(scsec_criteria_prerequisite(c, "no-such"));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_categories)
{
	static const char *const top_ids[] = { "1", "2", "3", "4", "5", "6", "7" };
	static const scsec_function top_fn[] = { SCSEC_FUNCTION_GV, SCSEC_FUNCTION_GV,
		                                 SCSEC_FUNCTION_ID, SCSEC_FUNCTION_PR,
		                                 SCSEC_FUNCTION_DE, SCSEC_FUNCTION_RS,
		                                 SCSEC_FUNCTION_RC };
	scsec_criteria *c = builtin_ok();
	size_t i, j, ntop = 0, n = scsec_criteria_category_count(c);
	const scsec_category *cat;

	ck_assert_uint_eq(n, 23);
	ck_assert_ptr_null(scsec_criteria_category_at(c, n));
	for (i = 0; i < n; i++) {
		const scsec_category *parent;

		cat = scsec_criteria_category_at(c, i);
		ck_assert_ptr_nonnull(cat);
		ck_assert_ptr_eq(scsec_criteria_category(c, scsec_category_id(cat)), cat);
		ck_assert_ptr_nonnull(scsec_category_title(cat, NULL));
		parent = scsec_category_parent(cat);
		if (!parent) {
			ck_assert_uint_lt(ntop, 7);
			ck_assert_str_eq(scsec_category_id(cat), top_ids[ntop]);
			ck_assert_int_eq(scsec_category_function(cat), top_fn[ntop]);
			ck_assert_int_eq(scsec_category_depth(cat), 0);
			ntop++;
			continue;
		}
		/* A sub-category: its parent comes first and lends it its function. */
		ck_assert_int_eq(scsec_category_depth(cat), 1);
		ck_assert_int_eq(scsec_category_function(cat), scsec_category_function(parent));
		ck_assert_int_ne(scsec_category_function(cat), SCSEC_FUNCTION_NONE);
		for (j = 0; j < i && scsec_criteria_category_at(c, j) != parent; j++)
			;
		ck_assert_uint_lt(j, i);
	}
	ck_assert_uint_eq(ntop, 7);

	/* Titles: Japanese first in the data, but English is the default. */
	cat = scsec_criteria_category(c, "1");
	ck_assert_str_eq(scsec_category_title(cat, NULL), "Governance");
	ck_assert_str_eq(scsec_category_title(cat, "en"), "Governance");
	ck_assert_str_eq(scsec_category_title(cat, "ja"), "ガバナンスの整備");
	ck_assert_str_eq(scsec_category_title(cat, "fr"), "Governance");
	ck_assert_ptr_null(scsec_criteria_category(c, "8"));
	ck_assert_ptr_null(scsec_criteria_category(c, "4-4-4"));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_lookup_both_directions)
{
	scsec_criteria *c = builtin_ok();
	const scsec_criterion *cr = scsec_criteria_criterion(c, "4-4-4-2");
	const scsec_requirement *r;
	const scsec_category *cat, *top;

	ck_assert_ptr_nonnull(cr);
	ck_assert_str_eq(scsec_criterion_id(cr), "4-4-4-2");
	r = scsec_criterion_requirement(cr);
	ck_assert_str_eq(scsec_requirement_id(r), "4-4-4");
	ck_assert_ptr_eq(scsec_criteria_requirement(c, "4-4-4"), r);
	cat = scsec_requirement_category(r);
	ck_assert_str_eq(scsec_category_id(cat), "4-4");
	ck_assert_ptr_eq(scsec_criteria_category(c, "4-4"), cat);
	top = scsec_category_parent(cat);
	ck_assert_str_eq(scsec_category_id(top), "4");
	ck_assert_ptr_null(scsec_category_parent(top));
	ck_assert_int_eq(scsec_category_function(top), SCSEC_FUNCTION_PR);
	ck_assert_int_eq(scsec_criterion_function(cr), SCSEC_FUNCTION_PR);

	/* Downwards: the requirement lists its criteria in document order. */
	ck_assert_uint_eq(scsec_requirement_criterion_count(r), 3);
	ck_assert_str_eq(scsec_criterion_id(scsec_requirement_criterion_at(r, 0)), "4-4-4-1");
	ck_assert_ptr_eq(scsec_requirement_criterion_at(r, 1), cr);
	ck_assert_str_eq(scsec_criterion_id(scsec_requirement_criterion_at(r, 2)), "4-4-4-3");
	ck_assert_ptr_null(scsec_requirement_criterion_at(r, 3));

	/* Each id belongs to one kind only. */
	ck_assert_ptr_null(scsec_criteria_criterion(c, "4-4-4"));
	ck_assert_ptr_null(scsec_criteria_criterion(c, "4-4"));
	ck_assert_ptr_null(scsec_criteria_requirement(c, "4-4-4-2"));
	ck_assert_ptr_null(scsec_criteria_requirement(c, "4-4"));
	ck_assert_ptr_null(scsec_criteria_category(c, "4-4-4-2"));
	ck_assert_ptr_null(scsec_criteria_criterion(c, "management-pledge"));
	ck_assert_ptr_null(scsec_criteria_criterion(c, "4-4-4-9"));
	ck_assert_ptr_null(scsec_criteria_criterion(c, ""));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_every_object_indexed)
{
	scsec_criteria *c = builtin_ok();
	size_t i, j, n = scsec_criteria_criterion_count(c), sum = 0, at3 = 0, at4 = 0;
	size_t nreq = scsec_criteria_requirement_count(c);

	ck_assert_uint_eq(n, 153);
	ck_assert_uint_eq(nreq, 43);
	ck_assert_ptr_null(scsec_criteria_criterion_at(c, n));
	ck_assert_ptr_null(scsec_criteria_requirement_at(c, nreq));
	for (i = 0; i < nreq; i++) {
		const scsec_requirement *r = scsec_criteria_requirement_at(c, i);
		const char *rid = scsec_requirement_id(r), *cid;

		ck_assert_ptr_eq(scsec_criteria_requirement(c, rid), r);
		ck_assert_ptr_nonnull(scsec_requirement_name(r, NULL));
		ck_assert_ptr_nonnull(scsec_requirement_name(r, "ja"));
		/* Ids nest: category 4-4 holds requirement 4-4-4 holds 4-4-4-2. */
		cid = scsec_category_id(scsec_requirement_category(r));
		ck_assert(!strncmp(rid, cid, strlen(cid)) && rid[strlen(cid)] == '-');
		for (j = 0; j < scsec_requirement_criterion_count(r); j++) {
			const scsec_criterion *cr = scsec_requirement_criterion_at(r, j);

			ck_assert_ptr_eq(scsec_criterion_requirement(cr), r);
			ck_assert(!strncmp(scsec_criterion_id(cr), rid, strlen(rid)));
		}
		sum += scsec_requirement_criterion_count(r);
	}
	ck_assert_uint_eq(sum, n);
	for (i = 0; i < n; i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		int min = scsec_criterion_min_level(cr);

		ck_assert_ptr_eq(scsec_criteria_criterion(c, scsec_criterion_id(cr)), cr);
		ck_assert_ptr_nonnull(scsec_criterion_text(cr, NULL));
		/* English only: every language falls back to it. */
		ck_assert_str_eq(scsec_criterion_text(cr, "ja"), scsec_criterion_text(cr, NULL));
		ck_assert(min == 3 || min == 4);
		ck_assert(scsec_criterion_applies_at(cr, 4));
		ck_assert_int_eq(scsec_criterion_applies_at(cr, 3), min == 3);
		ck_assert(!scsec_criterion_applies_at(cr, 2));
		ck_assert(!scsec_criterion_applies_at(cr, 5));
		ck_assert(scsec_criterion_na_allowed(cr));
		ck_assert_int_eq(scsec_criterion_weight(cr), 1);
		ck_assert(!scsec_criterion_poam_eligible(cr));
		ck_assert_int_eq(scsec_criterion_function(cr),
		                 scsec_category_function(
		                         scsec_requirement_category(scsec_criterion_requirement(cr))));
		at3 += scsec_criterion_applies_at(cr, 3);
		at4 += scsec_criterion_applies_at(cr, 4);
		for (j = 0; j < scsec_criterion_reference_count(cr); j++) {
			const char *fw = NULL, *clauses = NULL;

			ck_ok(scsec_criterion_reference_get(&fw, &clauses, cr, j));
			ck_assert_ptr_nonnull(scsec_criteria_framework_title(c, fw));
			ck_assert_ptr_nonnull(clauses);
		}
	}
	ck_assert_uint_eq(at3, 81);
	ck_assert_uint_eq(at4, 153);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_applies_at)
{
	scsec_criteria *c = builtin_ok();
	const scsec_criterion *a = scsec_criteria_criterion(c, "4-4-4-2");
	const scsec_criterion *b = scsec_criteria_criterion(c, "4-4-4-3");

	ck_assert_int_eq(scsec_criterion_min_level(a), 3);
	ck_assert(scsec_criterion_applies_at(a, 3));
	ck_assert(scsec_criterion_applies_at(a, 4));
	ck_assert_int_eq(scsec_criterion_min_level(b), 4);
	ck_assert(!scsec_criterion_applies_at(b, 3));
	ck_assert(scsec_criterion_applies_at(b, 4));
	ck_assert(!scsec_criterion_applies_at(b, 0));
	ck_assert(!scsec_criterion_applies_at(b, -1));
	ck_assert(!scsec_criterion_applies_at(b, 99));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_references)
{
	scsec_criteria *c = builtin_ok();
	const scsec_criterion *cr = scsec_criteria_criterion(c, "1-1-1-1");
	const char *fw = NULL, *clauses = NULL;

	ck_assert_uint_eq(scsec_criterion_reference_count(cr), 3);
	ck_ok(scsec_criterion_reference_get(&fw, &clauses, cr, 0));
	ck_assert_str_eq(fw, "iso27001");
	ck_assert_str_eq(clauses, "4.1, 4.2, A.5.31");
	ck_ok(scsec_criterion_reference_get(&fw, NULL, cr, 1));
	ck_assert_str_eq(fw, "gov-unified-r7");
	ck_ok(scsec_criterion_reference_get(NULL, &clauses, cr, 2));
	ck_assert_str_eq(clauses, "No.9 (LV1), No.10 (LV2)");
	ck_ok(scsec_criterion_reference_get(NULL, NULL, cr, 2));
	fw = "untouched";
	ck_assert_int_eq(scsec_criterion_reference_get(&fw, &clauses, cr, 3), SCSEC_EINVAL);
	ck_assert_str_eq(fw, "untouched");
	ck_assert_str_eq(scsec_criteria_framework_title(c, "iso27001"), "ISO/IEC 27001:2022");
	ck_assert_str_eq(scsec_criteria_framework_title(c, "cmmc"), "CMMC (32 CFR Part 170)");
	ck_assert_str_eq(scsec_criteria_framework_title(c, "cyber-essentials"), "Cyber Essentials v16");
	ck_assert_ptr_null(scsec_criteria_framework_title(c, "nist-800-171"));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_required_level_questions)
{
	static const char *const ids[] = { "confidential-data", "outage-impact", "system-access" };
	scsec_criteria *c = builtin_ok();
	const scsec_question *q;
	size_t i;

	ck_assert_int_eq(scsec_criteria_required_default(c), 3);
	ck_assert_uint_eq(scsec_criteria_question_count(c), 3);
	for (i = 0; i < 3; i++) {
		q = scsec_criteria_question_at(c, i);
		ck_assert_str_eq(scsec_question_id(q), ids[i]);
		ck_assert_ptr_eq(scsec_criteria_question(c, ids[i]), q);
		ck_assert_int_eq(scsec_question_level_if_yes(q), 4);
		ck_assert_ptr_nonnull(scsec_question_text(q, NULL));
		ck_assert_str_ne(scsec_question_text(q, "ja"), scsec_question_text(q, "en"));
	}
	ck_assert_ptr_null(scsec_criteria_question_at(c, 3));
	ck_assert_ptr_null(scsec_criteria_question(c, "no-such-question"));
	q = scsec_criteria_question(c, "confidential-data");
	ck_assert_str_eq(scsec_question_text(q, "en"),
	                 "Is the buyer's important confidential data handled on the supplier's IT "
	                 "systems?");
	ck_assert_str_eq(scsec_question_text(q, "ja"),
	                 "発注者の重要な機密情報を取引先のITシステムで扱いますか？");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(builtin_handles_are_independent)
{
	scsec_criteria *a = NULL, *b = NULL, *again = NULL;
	char *s = NULL;
	size_t n;

	ck_ok(scsec_criteria_builtin(&a, NULL));
	ck_ok(scsec_criteria_builtin(&b, SCSEC_CRITERIA_DEFAULT));
	ck_assert_str_eq(scsec_criteria_fingerprint(a), scsec_criteria_fingerprint(b));
	scsec_criteria_free(a);
	/* b still works in full after a is gone. */
	ck_assert_str_eq(scsec_criteria_id(b), SCSEC_CRITERIA_DEFAULT);
	ck_assert_ptr_nonnull(scsec_criteria_criterion(b, "4-4-4-2"));
	ck_assert_uint_eq(scsec_criteria_criterion_count(b), 153);
	ck_ok(scsec_criteria_write_memory(&s, &n, b));
	ck_assert_uint_gt(n, 10000);
	scsec_free(s);
	scsec_criteria_free(b);
	/* And a third call after both are freed. */
	ck_ok(scsec_criteria_builtin(&again, NULL));
	ck_assert_uint_eq(scsec_criteria_level_count(again), 2);
	scsec_criteria_free(again);
}
END_TEST

START_TEST(builtin_matches_its_source_file)
{
	char path[4096];
	scsec_criteria *b = builtin_ok(), *f = NULL;

	ck_ok(scsec_criteria_load_file(&f, test_srcpath(path, sizeof path,
	                                                "data/criteria/meti-sc-2026-03.xml"),
	                               NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(f), scsec_criteria_fingerprint(b));
	scsec_criteria_free(f);
	scsec_criteria_free(b);
}
END_TEST

START_TEST(tokens_method_and_function)
{
	scsec_method m = SCSEC_METHOD_NONE;
	scsec_function f = SCSEC_FUNCTION_NONE;

	ck_assert_str_eq(scsec_method_name(SCSEC_METHOD_SELF), "self");
	ck_assert_str_eq(scsec_method_name(SCSEC_METHOD_EXPERT_REVIEWED), "expert-reviewed");
	ck_assert_str_eq(scsec_method_name(SCSEC_METHOD_THIRD_PARTY), "third-party");
	ck_assert_str_eq(scsec_method_name(SCSEC_METHOD_NONE), "");
	ck_assert_str_eq(scsec_method_name((scsec_method)42), "");
	ck_ok(scsec_method_parse(&m, "expert-reviewed"));
	ck_assert_int_eq(m, SCSEC_METHOD_EXPERT_REVIEWED);
	ck_ok(scsec_method_parse(&m, "第三者評価"));
	ck_assert_int_eq(m, SCSEC_METHOD_THIRD_PARTY);
	ck_ok(scsec_method_parse(&m, "自己評価"));
	ck_assert_int_eq(m, SCSEC_METHOD_SELF);
	ck_ok(scsec_method_parse(&m, "専門家確認"));
	ck_assert_int_eq(m, SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert_int_eq(scsec_method_parse(&m, "Self"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_method_parse(&m, ""), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_method_parse(&m, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_method_parse(NULL, "self"), SCSEC_EINVAL);
	ck_assert_int_eq(m, SCSEC_METHOD_EXPERT_REVIEWED);

	ck_assert_str_eq(scsec_function_code(SCSEC_FUNCTION_GV), "GV");
	ck_assert_str_eq(scsec_function_code(SCSEC_FUNCTION_RC), "RC");
	ck_assert_str_eq(scsec_function_code(SCSEC_FUNCTION_NONE), "");
	ck_assert_str_eq(scsec_function_code((scsec_function)SCSEC_FUNCTION_COUNT), "");
	ck_ok(scsec_function_parse(&f, "DE"));
	ck_assert_int_eq(f, SCSEC_FUNCTION_DE);
	ck_assert_int_eq(scsec_function_parse(&f, "de"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_function_parse(&f, ""), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_function_parse(&f, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_function_parse(NULL, "GV"), SCSEC_EINVAL);
	ck_assert_int_eq(f, SCSEC_FUNCTION_DE);
}
END_TEST

/* ============================================================== canonical */

START_TEST(sha256_reference_vectors)
{
	char hex[65];
	char big[1000];

	/* The test's own SHA-256 against FIPS 180-4 examples. */
	ck_assert(test_sha256_hex(hex, "abc", 3));
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert(test_sha256_hex(hex, "", 0));
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ck_assert(test_sha256_hex(hex, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56));
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(big, 'a', sizeof big);
	ck_assert(test_sha256_hex(hex, big, sizeof big));
	ck_assert_str_eq(hex, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}
END_TEST

START_TEST(canonical_builtin_roundtrip)
{
	scsec_criteria *c = builtin_ok();

	check_canonical(c, "<built-in rewritten>");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(canonical_fixtures_roundtrip)
{
	size_t i;

	for (i = 0; i < NVALID; i++) {
		scsec_criteria *c = load_fixture_ok(valid_fixtures[i], NULL);

		check_canonical(c, valid_fixtures[i]);
		scsec_criteria_free(c);
	}
}
END_TEST

START_TEST(canonical_form_shape)
{
	scsec_criteria *b = builtin_ok(), *m = load_fixture_ok("minimal.xml", NULL);
	char *s, *line;
	size_t n;

	s = written(b, &n);
	ck_assert(!strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"meti-sc-2026-03\" version=\"2026.03\">\n",
	                   strlen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"meti-sc-2026-03\" version=\"2026.03\">\n")));
	ck_assert(n > 16 && !strcmp(s + n - 16, "</criteria-set>\n"));
	ck_assert_ptr_null(strstr(s, "<!--"));
	ck_assert_ptr_null(strstr(s, "\r"));
	ck_assert_ptr_null(strstr(s, "\t"));
	/* Two-space indentation: every line starts with an even number of spaces. */
	for (line = s; *line; line = strchr(line, '\n') + 1) {
		size_t sp = strspn(line, " ");

		ck_assert_msg(sp % 2 == 0, "odd indentation: %.60s", line);
		ck_assert(line[sp] == '<');
	}
	ck_assert_ptr_nonnull(strstr(s, "\n  <level rank=\"3\" label=\"★3\" method=\"expert-reviewed\" validity=\"P1Y\" validity-provisional=\"true\" requires-lower=\"false\">\n"));
	scsec_free(s);

	/* Defaults are written out. */
	s = written(m, &n);
	ck_assert_ptr_nonnull(strstr(s, "\n  <scoring model=\"all-required\"/>\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n  <level rank=\"1\" label=\"L1\" method=\"self\" validity=\"P1Y\" validity-provisional=\"false\" requires-lower=\"false\"/>\n"));
	scsec_free(s);
	scsec_criteria_free(m);
	scsec_criteria_free(b);
}
END_TEST

START_TEST(canonical_noncanonical_input_normalised)
{
	char *src, *w;
	size_t nsrc, nw;
	scsec_criteria *c = load_fixture_ok("noncanonical.xml", NULL), *back = NULL;

	src = read_fixture("noncanonical.xml", &nsrc);
	w = written(c, &nw);
	ck_assert(nsrc != nw || memcmp(src, w, nw));
	ck_assert_ptr_nonnull(strstr(w, " validity=\"P14D\" validity-provisional=\"true\" requires-lower=\"false\"/>"));
	ck_assert_ptr_nonnull(strstr(w, "<title xml:lang=\"en\">Tom &amp; Jerry's &lt;criteria&gt; ★4</title>"));
	ck_assert_ptr_nonnull(strstr(w, "<criterion id=\"D-1-1\" level=\"1\" na-allowed=\"false\">"));
	ck_assert_ptr_null(strstr(w, "CDATA["));
	ck_assert_ptr_null(strstr(w, "<c:"));
	ck_ok(scsec_criteria_load_memory(&back, w, nw, "rewritten", NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(back), scsec_criteria_fingerprint(c));
	scsec_criteria_free(back);
	scsec_free(w);
	free(src);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fingerprint_stable_across_loads)
{
	char path[4096];
	scsec_criteria *a = NULL, *b = NULL;
	char *data;
	size_t n;

	fixture_path(path, sizeof path, "prerequisites.xml");
	ck_ok(scsec_criteria_load_file(&a, path, NULL, NULL));
	data = read_fixture("prerequisites.xml", &n);
	ck_ok(scsec_criteria_load_memory(&b, data, n, "another name", NULL, NULL));
	ck_assert(is_lower_hex64(scsec_criteria_fingerprint(a)));
	ck_assert_str_eq(scsec_criteria_fingerprint(a), scsec_criteria_fingerprint(b));
	scsec_criteria_free(a);
	scsec_criteria_free(b);
	free(data);
}
END_TEST

START_TEST(fingerprint_changes_with_one_character)
{
	scsec_criteria *c = load_fixture_ok("minimal.xml", NULL), *d = NULL;
	char *w, *hit, sha[65];
	size_t n;

	w = written(c, &n);
	hit = strstr(w, "Only criterion.");
	ck_assert_ptr_nonnull(hit);
	hit[5] = 'C'; /* "Only Criterion." */
	ck_ok(scsec_criteria_load_memory(&d, w, n, "changed", NULL, NULL));
	ck_assert_str_eq(scsec_criterion_text(scsec_criteria_criterion(d, "x1"), NULL),
	                 "Only Criterion.");
	ck_assert(is_lower_hex64(scsec_criteria_fingerprint(d)));
	ck_assert_str_ne(scsec_criteria_fingerprint(d), scsec_criteria_fingerprint(c));
	ck_assert(test_sha256_hex(sha, w, n));
	ck_assert_str_eq(scsec_criteria_fingerprint(d), sha);
	scsec_criteria_free(d);
	scsec_criteria_free(c);
	scsec_free(w);
}
END_TEST

START_TEST(write_file_plain_and_gzip)
{
	char *dir = test_tmpdir_new("check_criteria"), plain[4200], gz[4200];
	scsec_criteria *c = builtin_ok(), *p = NULL, *g = NULL;
	char *mem, *file, *zfile;
	size_t nmem, nfile, nz;
	membuf unz = { 0 };
	uint64_t total;

	snprintf(plain, sizeof plain, "%s/set.xml", dir);
	snprintf(gz, sizeof gz, "%s/set.xml.gz", dir);
	ck_ok(scsec_criteria_write_file(c, plain, SCSEC_WRITE_DEFAULT));
	ck_ok(scsec_criteria_write_file(c, gz, SCSEC_WRITE_GZIP));
	mem = written(c, &nmem);
	file = test_read_file(plain, &nfile);
	ck_assert_ptr_nonnull(file);
	ck_assert_uint_eq(nfile, nmem);
	ck_assert(!memcmp(file, mem, nmem));
	zfile = test_read_file(gz, &nz);
	ck_assert_ptr_nonnull(zfile);
	ck_assert(nz > 18 && (unsigned char)zfile[0] == 0x1f && (unsigned char)zfile[1] == 0x8b);
	ck_assert_uint_lt(nz, nmem / 2);
	ck_assert_int_eq(gunzip_mem(&unz, zfile, nz, &total, NULL), 0);
	ck_assert_uint_eq(unz.len, nmem);
	ck_assert(!memcmp(unz.p, mem, nmem));

	ck_ok(scsec_criteria_load_file(&p, plain, NULL, NULL));
	ck_ok(scsec_criteria_load_file(&g, gz, NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(p), scsec_criteria_fingerprint(c));
	ck_assert_str_eq(scsec_criteria_fingerprint(g), scsec_criteria_fingerprint(c));
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 2);
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp"), 0);

	mb_free(&unz);
	free(zfile);
	free(file);
	scsec_free(mem);
	scsec_criteria_free(g);
	scsec_criteria_free(p);
	scsec_criteria_free(c);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(write_file_missing_directory)
{
	char *dir = test_tmpdir_new("check_criteria"), path[4200];
	scsec_criteria *c = load_fixture_ok("minimal.xml", NULL);

	snprintf(path, sizeof path, "%s/no-such-dir/set.xml", dir);
	scsec_error_clear();
	ck_assert_int_eq(scsec_criteria_write_file(c, path, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EIO);
	ck_assert_ptr_nonnull(scsec_error_file(scsec_error_last()));
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
	ck_assert_int_eq(scsec_criteria_write_file(c, path, SCSEC_WRITE_GZIP), SCSEC_EIO);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 0);
	scsec_criteria_free(c);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(write_file_replaces_atomically)
{
	char *dir = test_tmpdir_new("check_criteria"), path[4200];
	scsec_criteria *a = load_fixture_ok("minimal.xml", NULL);
	scsec_criteria *b = load_fixture_ok("points.xml", NULL);
	struct stat st1, st2;
	char *wb, *now;
	size_t nb, nnow;
	int fd;

	snprintf(path, sizeof path, "%s/set.xml", dir);
	ck_ok(scsec_criteria_write_file(a, path, SCSEC_WRITE_DEFAULT));
	ck_assert_int_eq(stat(path, &st1), 0);
	/* A reader holding the old file keeps seeing the old file. */
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_ok(scsec_criteria_write_file(b, path, SCSEC_WRITE_DEFAULT));
	ck_assert_int_eq(stat(path, &st2), 0);
	ck_assert_msg(st1.st_ino != st2.st_ino, "the file was rewritten in place, not renamed over");
	{
		char head[200];
		ssize_t got = read(fd, head, sizeof head - 1);

		ck_assert_int_gt(got, 0);
		head[got] = '\0';
		ck_assert_ptr_nonnull(strstr(head, "t-minimal"));
		close(fd);
	}
	wb = written(b, &nb);
	now = test_read_file(path, &nnow);
	ck_assert_uint_eq(nnow, nb);
	ck_assert(!memcmp(now, wb, nb));
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	free(now);
	scsec_free(wb);
	scsec_criteria_free(a);
	scsec_criteria_free(b);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(write_file_failure_keeps_old_file_readonly_dir)
{
	char *dir, path[4200];
	scsec_criteria *a, *b;
	char *wa, *now;
	size_t na, nnow;

	if (geteuid() == 0)
		return; /* root writes into read-only directories: nothing to test */
	dir = test_tmpdir_new("check_criteria");
	a = load_fixture_ok("minimal.xml", NULL);
	b = builtin_ok();
	snprintf(path, sizeof path, "%s/set.xml", dir);
	ck_ok(scsec_criteria_write_file(a, path, SCSEC_WRITE_DEFAULT));
	ck_assert_int_eq(chmod(dir, 0555), 0);
	ck_assert_int_eq(scsec_criteria_write_file(b, path, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_int_eq(scsec_criteria_write_file(b, path, SCSEC_WRITE_GZIP), SCSEC_EIO);
	ck_assert_int_eq(chmod(dir, 0755), 0);
	wa = written(a, &na);
	now = test_read_file(path, &nnow);
	ck_assert_uint_eq(nnow, na);
	ck_assert(!memcmp(now, wa, na));
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	free(now);
	scsec_free(wa);
	scsec_criteria_free(a);
	scsec_criteria_free(b);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(write_file_failure_keeps_old_file_size_limit)
{
	char *dir = test_tmpdir_new("check_criteria"), path[4200];
	scsec_criteria *a = load_fixture_ok("minimal.xml", NULL), *b = builtin_ok();
	struct rlimit old, small;
	void (*old_handler)(int);
	char *wa, *now;
	size_t na, nnow;
	int rc_plain, rc_gzip;

	/* A write that fails part-way, even for root: the file-size limit.
	 * No assertion may run inside the window (Check writes files too). */
	snprintf(path, sizeof path, "%s/set.xml", dir);
	ck_ok(scsec_criteria_write_file(a, path, SCSEC_WRITE_DEFAULT));
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 512;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	rc_plain = scsec_criteria_write_file(b, path, SCSEC_WRITE_DEFAULT);
	rc_gzip = scsec_criteria_write_file(b, path, SCSEC_WRITE_GZIP);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, old_handler);
	ck_assert_int_eq(rc_plain, SCSEC_EIO);
	ck_assert_int_eq(rc_gzip, SCSEC_EIO);
	wa = written(a, &na);
	now = test_read_file(path, &nnow);
	ck_assert_uint_eq(nnow, na);
	ck_assert(!memcmp(now, wa, na));
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	free(now);
	scsec_free(wa);
	scsec_criteria_free(a);
	scsec_criteria_free(b);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(write_file_onto_directory_fails_cleanly)
{
	char *dir = test_tmpdir_new("check_criteria"), path[4200], inner[4300];
	scsec_criteria *c = load_fixture_ok("minimal.xml", NULL);

	snprintf(path, sizeof path, "%s/taken", dir);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	snprintf(inner, sizeof inner, "%s/keep", path);
	test_write_file(inner, "x", 1);
	ck_assert_int_eq(scsec_criteria_write_file(c, path, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	ck_assert_uint_eq(test_count_in_dir(path, ""), 1);
	scsec_criteria_free(c);
	test_tmpdir_free(dir);
}
END_TEST

/* =============================================================== fixtures */

START_TEST(fixture_minimal)
{
	scsec_criteria *c = load_fixture_ok("minimal.xml", NULL);
	const scsec_level *l;
	const scsec_criterion *x;

	ck_assert_str_eq(scsec_criteria_id(c), "t-minimal");
	ck_assert_str_eq(scsec_criteria_version(c), "1");
	/* No English title: the first one, whatever is asked. */
	ck_assert_str_eq(scsec_criteria_title(c, NULL), "最小の評価基準");
	ck_assert_str_eq(scsec_criteria_title(c, "en"), "最小の評価基準");
	ck_assert_str_eq(scsec_criteria_title(c, "ja"), "最小の評価基準");
	ck_assert_ptr_null(scsec_criteria_description(c, NULL));
	ck_assert_ptr_null(scsec_criteria_publisher(c));
	ck_assert_int_eq(scsec_criteria_issued(c), SCSEC_DATE_NONE);
	ck_assert_ptr_null(scsec_criteria_source(c));
	ck_assert_ptr_null(scsec_criteria_source_uri(c));
	ck_assert_int_eq(scsec_criteria_scoring(c), SCSEC_SCORING_ALL_REQUIRED);
	ck_assert_uint_eq(scsec_criteria_prerequisite_count(c), 0);
	ck_assert_uint_eq(scsec_criteria_question_count(c), 0);
	ck_assert_int_eq(scsec_criteria_required_default(c), 0);
	ck_assert_uint_eq(scsec_criteria_level_count(c), 1);
	l = scsec_criteria_level_at(c, 0);
	ck_assert_int_eq(scsec_level_rank(l), 1);
	ck_assert_str_eq(scsec_level_title(l, NULL), "L1"); /* no title: the label */
	ck_assert_str_eq(scsec_level_title(l, "ja"), "L1");
	ck_assert_int_eq(scsec_level_method(l), SCSEC_METHOD_SELF);
	ck_assert(!scsec_level_validity_provisional(l));
	ck_assert_uint_eq(scsec_level_criterion_count(l), 1);
	ck_assert_uint_eq(scsec_level_requirement_count(l), 1);
	ck_assert_uint_eq(scsec_criteria_category_count(c), 1);
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(c, "c1")), SCSEC_FUNCTION_NONE);
	x = scsec_criteria_criterion(c, "x1");
	ck_assert_int_eq(scsec_criterion_function(x), SCSEC_FUNCTION_NONE);
	ck_assert_uint_eq(scsec_criterion_reference_count(x), 0);
	ck_assert_ptr_null(scsec_requirement_text(scsec_criteria_requirement(c, "r1"), NULL));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fixture_noncumulative_levels)
{
	scsec_criteria *c = load_fixture_ok("noncumulative.xml", NULL);
	const scsec_criterion *a = scsec_criteria_criterion(c, "A-1-1");
	const scsec_criterion *b = scsec_criteria_criterion(c, "A-1-2");
	const scsec_criterion *d = scsec_criteria_criterion(c, "A-1-3");
	const scsec_criterion *e = scsec_criteria_criterion(c, "A-1-4");

	ck_assert_str_eq(scsec_criteria_title(c, "de"), "Nicht kumulative Stufen");
	ck_assert_str_eq(scsec_criteria_title(c, NULL), "Non-cumulative levels");
	ck_assert_uint_eq(scsec_criteria_level_count(c), 3);
	/* levels="1 3" */
	ck_assert(scsec_criterion_applies_at(a, 1));
	ck_assert(!scsec_criterion_applies_at(a, 2));
	ck_assert(scsec_criterion_applies_at(a, 3));
	ck_assert_int_eq(scsec_criterion_min_level(a), 1);
	/* levels="2" */
	ck_assert(!scsec_criterion_applies_at(b, 1));
	ck_assert(scsec_criterion_applies_at(b, 2));
	ck_assert(!scsec_criterion_applies_at(b, 3));
	ck_assert_int_eq(scsec_criterion_min_level(b), 2);
	/* levels="3 1": order does not matter */
	ck_assert(scsec_criterion_applies_at(d, 1));
	ck_assert(!scsec_criterion_applies_at(d, 2));
	ck_assert(scsec_criterion_applies_at(d, 3));
	ck_assert_int_eq(scsec_criterion_min_level(d), 1);
	/* level="2": from 2 up */
	ck_assert(!scsec_criterion_applies_at(e, 1));
	ck_assert(scsec_criterion_applies_at(e, 2));
	ck_assert(scsec_criterion_applies_at(e, 3));
	ck_assert(!scsec_criterion_applies_at(e, 4));
	ck_assert_int_eq(scsec_criterion_min_level(e), 2);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 1)), 2);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 2)), 2);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 3)), 3);
	ck_assert_uint_eq(scsec_level_requirement_count(scsec_criteria_level_by_rank(c, 2)), 1);
	ck_assert_str_eq(scsec_level_validity(scsec_criteria_level_by_rank(c, 1)), "P6M");
	ck_assert_int_eq(scsec_level_method(scsec_criteria_level_by_rank(c, 2)),
	                 SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert_int_eq(scsec_criterion_function(a), SCSEC_FUNCTION_ID);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fixture_points_scoring)
{
	scsec_criteria *c = load_fixture_ok("points.xml", NULL);
	char *w, *hi, *mid, *lo;
	size_t n;

	ck_assert_int_eq(scsec_criteria_scoring(c), SCSEC_SCORING_POINTS);
	ck_assert_int_eq(scsec_criterion_weight(scsec_criteria_criterion(c, "P-1-1")), 3);
	ck_assert_int_eq(scsec_criterion_weight(scsec_criteria_criterion(c, "P-1-2")), 0);
	ck_assert_int_eq(scsec_criterion_weight(scsec_criteria_criterion(c, "P-1-3")), 1);
	w = written(c, &n);
	ck_assert_ptr_nonnull(strstr(w, "\n  <scoring model=\"points\" level=\"2\">\n"
	                                "    <points status=\"met\" value=\"2\"/>\n"
	                                "    <points status=\"partial\" value=\"1\"/>\n"
	                                "    <points status=\"not-met\" value=\"0\"/>\n"
	                                "    <points status=\"missing\" value=\"-1\"/>\n"));
	/* Bands come out highest minimum first. */
	hi = strstr(w, "<band min=\"10\" label=\"high\"/>");
	mid = strstr(w, "<band min=\"5\" label=\"medium\"/>");
	lo = strstr(w, "<band min=\"0\" label=\"low\"/>");
	ck_assert(hi && mid && lo && hi < mid && mid < lo);
	ck_assert_ptr_nonnull(strstr(w, "<criterion id=\"P-1-2\" level=\"2\" weight=\"0\">"));
	ck_assert_ptr_nonnull(strstr(w, "<criterion id=\"P-1-3\" level=\"2\">"));
	scsec_free(w);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fixture_deductions_scoring)
{
	scsec_criteria *c = load_fixture_ok("deductions.xml", NULL);
	const scsec_criterion *a = scsec_criteria_criterion(c, "AC.L2-3.1.1");
	const scsec_criterion *b = scsec_criteria_criterion(c, "AC.L2-3.1.3");
	const scsec_criterion *d = scsec_criteria_criterion(c, "AC.L2-3.1.5");
	char *w;
	size_t n;

	ck_assert_int_eq(scsec_criteria_scoring(c), SCSEC_SCORING_DEDUCTIONS);
	ck_assert_int_eq(scsec_criterion_weight(a), 5);
	ck_assert_int_eq(scsec_criterion_weight(b), 1);
	ck_assert_int_eq(scsec_criterion_weight(d), 3);
	ck_assert(!scsec_criterion_poam_eligible(a));
	ck_assert(scsec_criterion_poam_eligible(b));
	ck_assert(scsec_criterion_na_allowed(a));
	ck_assert(!scsec_criterion_na_allowed(d));
	ck_assert_uint_eq(scsec_criteria_level_count(c), 1);
	ck_assert_int_eq(scsec_level_rank(scsec_criteria_level_at(c, 0)), 2);
	ck_assert_ptr_null(scsec_criteria_level_by_rank(c, 1));
	ck_assert(!scsec_criterion_applies_at(a, 1));
	w = written(c, &n);
	ck_assert_ptr_nonnull(strstr(w, "\n  <scoring model=\"deductions\" max=\"110\" floor=\"-203\">\n"
	                                "    <conditional min-score=\"88\" only-poam-eligible=\"false\"/>\n"
	                                "  </scoring>\n"));
	scsec_free(w);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fixture_prerequisites_and_requires_lower)
{
	scsec_criteria *c = load_fixture_ok("prerequisites.xml", NULL);
	const scsec_prerequisite *pledge = scsec_criteria_prerequisite(c, "pledge");
	const scsec_prerequisite *ins = scsec_criteria_prerequisite(c, "insurance");
	const scsec_level *l1 = scsec_criteria_level_by_rank(c, 1);
	const scsec_level *l2 = scsec_criteria_level_by_rank(c, 2);
	const scsec_level *l3 = scsec_criteria_level_by_rank(c, 3);
	const scsec_question *q;

	ck_assert_uint_eq(scsec_criteria_prerequisite_count(c), 2);
	ck_assert_ptr_eq(scsec_criteria_prerequisite_at(c, 0), pledge);
	ck_assert_ptr_eq(scsec_criteria_prerequisite_at(c, 1), ins);
	ck_assert_str_eq(scsec_prerequisite_title(pledge, "ja"), "経営層の宣誓");
	ck_assert_str_eq(scsec_prerequisite_title(ins, "ja"), "Cyber insurance");

	ck_assert(!scsec_level_requires_lower(l1));
	ck_assert_uint_eq(scsec_level_prerequisite_count(l1), 1);
	ck_assert_ptr_eq(scsec_level_prerequisite_at(l1, 0), pledge);
	ck_assert_str_eq(scsec_level_title(l1, NULL), "Level one");

	ck_assert(scsec_level_requires_lower(l2));
	ck_assert_uint_eq(scsec_level_prerequisite_count(l2), 2);
	ck_assert_ptr_eq(scsec_level_prerequisite_at(l2, 0), pledge);
	ck_assert_ptr_eq(scsec_level_prerequisite_at(l2, 1), ins);
	ck_assert_uint_eq(scsec_level_criterion_count(l2), 1);

	/* No criteria, no prerequisites, but requires-lower: a real level. */
	ck_assert(scsec_level_requires_lower(l3));
	ck_assert_uint_eq(scsec_level_criterion_count(l3), 0);
	ck_assert_uint_eq(scsec_level_requirement_count(l3), 0);
	ck_assert_uint_eq(scsec_level_prerequisite_count(l3), 0);
	ck_assert_str_eq(scsec_level_title(l3, NULL), "Three");
	ck_assert_int_eq(scsec_level_method(l3), SCSEC_METHOD_THIRD_PARTY);

	ck_assert_int_eq(scsec_criteria_required_default(c), 1);
	q = scsec_criteria_question(c, "critical");
	ck_assert_int_eq(scsec_question_level_if_yes(q), 3);
	/* Japanese only: the first text whatever is asked. */
	ck_assert_str_eq(scsec_question_text(q, NULL), "重要な取引先ですか？");
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(c, "G-1")), SCSEC_FUNCTION_GV);
	ck_assert_int_eq(scsec_category_depth(scsec_criteria_category(c, "G-1")), 1);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fixture_noncanonical_values)
{
	scsec_criteria *c = load_fixture_ok("noncanonical.xml", NULL);
	const scsec_level *l = scsec_criteria_level_at(c, 0);
	const scsec_criterion *x = scsec_criteria_criterion(c, "D-1-1");
	const char *fw, *clauses;
	scsec_date d;

	ck_assert_str_eq(scsec_criteria_id(c), "t-noncanonical");
	ck_assert_str_eq(scsec_criteria_title(c, NULL), "Tom & Jerry's <criteria> ★4");
	ck_assert_str_eq(scsec_criteria_description(c, NULL), "Uses <CDATA> & friends.");
	ck_assert_str_eq(scsec_criteria_publisher(c), "Example & Co.");
	ck_ok(scsec_date_parse(&d, "2024-02-29"));
	ck_assert_int_eq(scsec_criteria_issued(c), d);
	ck_assert_str_eq(scsec_criteria_source(c), "Example source");
	ck_assert_str_eq(scsec_criteria_source_uri(c), "https://example.invalid/criteria");
	ck_assert_str_eq(scsec_level_label(l), "★1");
	ck_assert_str_eq(scsec_level_validity(l), "P14D");
	ck_assert(scsec_level_validity_provisional(l));
	ck_assert(!scsec_level_requires_lower(l));
	ck_assert(!scsec_criterion_na_allowed(x));
	ck_assert_int_eq(scsec_criterion_weight(x), 1);
	ck_assert_int_eq(scsec_criterion_function(x), SCSEC_FUNCTION_DE);
	ck_assert_str_eq(scsec_requirement_text(scsec_criterion_requirement(x), NULL),
	                 "Line one\nline two");
	ck_ok(scsec_criterion_reference_get(&fw, &clauses, x, 0));
	ck_assert_str_eq(fw, "iso27001");
	ck_assert_str_eq(clauses, "A.8.15, A.8.16");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(fixture_nested_categories)
{
	scsec_criteria *c = load_fixture_ok("nested.xml", NULL);
	const scsec_category *a = scsec_criteria_category(c, "A");
	const scsec_category *a1 = scsec_criteria_category(c, "A.1");
	const scsec_category *a1a = scsec_criteria_category(c, "A.1.a");
	const scsec_category *a1b = scsec_criteria_category(c, "A.1.b");
	const scsec_category *a2 = scsec_criteria_category(c, "A.2");
	const scsec_category *b = scsec_criteria_category(c, "B");
	static const char *const order[] = { "A", "A.1", "A.1.a", "A.1.b", "A.2", "B" };
	size_t i;

	ck_assert_uint_eq(scsec_criteria_category_count(c), 6);
	for (i = 0; i < 6; i++)
		ck_assert_str_eq(scsec_category_id(scsec_criteria_category_at(c, i)), order[i]);
	ck_assert_int_eq(scsec_category_depth(a), 0);
	ck_assert_int_eq(scsec_category_depth(a1), 1);
	ck_assert_int_eq(scsec_category_depth(a1a), 2);
	ck_assert_int_eq(scsec_category_depth(a2), 1);
	ck_assert_int_eq(scsec_category_depth(b), 0);
	ck_assert_ptr_eq(scsec_category_parent(a1a), a1);
	ck_assert_ptr_eq(scsec_category_parent(a1b), a1);
	ck_assert_ptr_eq(scsec_category_parent(a2), a);
	ck_assert_ptr_null(scsec_category_parent(b));
	/* Its own function wins; otherwise the nearest ancestor's. */
	ck_assert_int_eq(scsec_category_function(a1), SCSEC_FUNCTION_ID);
	ck_assert_int_eq(scsec_category_function(a1a), SCSEC_FUNCTION_PR);
	ck_assert_int_eq(scsec_category_function(a1b), SCSEC_FUNCTION_ID);
	ck_assert_int_eq(scsec_criterion_function(scsec_criteria_criterion(c, "A.1.a-r2-1")),
	                 SCSEC_FUNCTION_PR);
	ck_assert_int_eq(scsec_criterion_function(scsec_criteria_criterion(c, "B-r1-1")),
	                 SCSEC_FUNCTION_RC);
	ck_assert_ptr_eq(scsec_requirement_category(scsec_criteria_requirement(c, "A.1.a-r2")), a1a);
	ck_assert_ptr_eq(scsec_requirement_category(scsec_criteria_requirement(c, "B-r1")), b);
	ck_assert_uint_eq(scsec_criteria_requirement_count(c), 5);
	scsec_criteria_free(c);
}
END_TEST

/* '&' in an attribute must load as '&' and survive write/load/write. */
START_TEST(fixture_ampersand_in_attributes)
{
	scsec_criteria *c = load_fixture_ok("ampersand-attributes.xml", NULL), *back = NULL;
	const char *clauses = NULL, *got;
	char *w1 = NULL, *w2 = NULL;
	size_t n1 = 0, n2 = 0;
	verdict v = { "" };

	ck_assert_str_eq(scsec_criteria_title(c, NULL), "Research & development");
	ck_ok(scsec_criterion_reference_get(NULL, &clauses, scsec_criteria_criterion(c, "x1"), 0));
	ck_assert_str_eq(clauses, "1 & 2");
	got = scsec_criteria_source_uri(c);
	CHECK_LATER(&v, str_eq(got, "https://example.invalid/criteria?a=1&b=2"), "source href '%s'",
	            got ? got : "(null)");
	got = scsec_criteria_framework_title(c, "rd");
	CHECK_LATER(&v, str_eq(got, "R&D guideline & annex"), "framework title '%s'",
	            got ? got : "(null)");
	got = scsec_level_label(scsec_criteria_level_at(c, 0));
	CHECK_LATER(&v, str_eq(got, "Q&A"), "level label '%s'", got ? got : "(null)");
	/* write, load, write: the same bytes. */
	ck_ok(scsec_criteria_write_memory(&w1, &n1, c));
	ck_ok(scsec_criteria_load_memory(&back, w1, n1, "rewritten", NULL, NULL));
	ck_ok(scsec_criteria_write_memory(&w2, &n2, back));
	CHECK_LATER(&v, n1 == n2 && !memcmp(w1, w2, n1), "the canonical form does not round-trip: "
	            "'%.80s' became '%.80s'", strstr(w1, "<source"), strstr(w2, "<source"));
	scsec_free(w1);
	scsec_free(w2);
	scsec_criteria_free(back);
	scsec_criteria_free(c);
	VERDICT(v);
}
END_TEST

START_TEST(fixture_utf8_bom_accepted)
{
	char *data = read_fixture("minimal.xml", NULL), *bom;
	size_t n = strlen(data);
	scsec_criteria *c = NULL, *ref = load_fixture_ok("minimal.xml", NULL);

	bom = malloc(n + 3);
	ck_assert_ptr_nonnull(bom);
	memcpy(bom, "\xef\xbb\xbf", 3);
	memcpy(bom + 3, data, n);
	ck_ok(scsec_criteria_load_memory(&c, bom, n + 3, "bom.xml", NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(ref));
	scsec_criteria_free(c);
	scsec_criteria_free(ref);
	free(bom);
	free(data);
}
END_TEST

/* =============================================================== semantic */

static const char criteria_head_for_levels[] =
	"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"levels\" version=\"1\">\n"
	"  <title xml:lang=\"en\">Many levels</title>\n";
static const char levels_tail[] =
	"  <category id=\"c\">\n    <title xml:lang=\"en\">C</title>\n"
	"    <requirement id=\"r\">\n      <name xml:lang=\"en\">R</name>\n"
	"      <criterion id=\"x1\" level=\"1\">\n        <text xml:lang=\"en\">X</text>\n"
	"      </criterion>\n    </requirement>\n  </category>\n</criteria-set>\n";

#define SCHEMA_ON 1
#define SCHEMA_OFF 0

START_TEST(semantic_duplicate_criterion_id)
{
	expect_bad_fixture("bad-duplicate-criterion.xml", SCHEMA_ON, SCSEC_EINVALID, "x1");
}
END_TEST

START_TEST(semantic_duplicate_id_across_kinds)
{
	expect_bad_fixture("bad-duplicate-across-kinds.xml", SCHEMA_ON, SCSEC_EINVALID, "c1");
}
END_TEST

START_TEST(semantic_duplicate_framework_id)
{
	expect_bad_fixture("bad-duplicate-framework.xml", SCHEMA_ON, SCSEC_EINVALID, "iso27001");
}
END_TEST

START_TEST(semantic_duplicate_question_id)
{
	expect_bad_fixture("bad-duplicate-question.xml", SCHEMA_ON, SCSEC_EINVALID, "q1");
}
END_TEST

START_TEST(semantic_duplicate_language)
{
	expect_bad_fixture("bad-duplicate-lang.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_duplicate_level_rank)
{
	expect_bad_fixture("bad-duplicate-rank.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_criterion_undefined_level)
{
	expect_bad_fixture("bad-undefined-level.xml", SCHEMA_ON, SCSEC_EINVALID, "x2");
}
END_TEST

START_TEST(semantic_levels_list_undefined_rank)
{
	expect_bad_fixture("bad-levels-undefined-rank.xml", SCHEMA_ON, SCSEC_EINVALID, "x2");
}
END_TEST

START_TEST(semantic_level_and_levels_both_given)
{
	/* The schema cannot say "exactly one of"; the loader does. */
	expect_bad_fixture("bad-level-and-levels.xml", SCHEMA_ON, SCSEC_ESCHEMA, "x2");
	expect_bad_fixture("bad-level-and-levels.xml", SCHEMA_OFF, SCSEC_ESCHEMA, "x2");
}
END_TEST

START_TEST(semantic_requires_unknown_prerequisite)
{
	expect_bad_fixture("bad-unknown-prerequisite.xml", SCHEMA_ON, SCSEC_EINVALID,
	                   "no-such-pledge");
}
END_TEST

START_TEST(semantic_ref_undeclared_framework)
{
	expect_bad_fixture("bad-undeclared-framework.xml", SCHEMA_ON, SCSEC_EINVALID, "x2");
}
END_TEST

START_TEST(semantic_question_level_undefined)
{
	expect_bad_fixture("bad-question-level.xml", SCHEMA_ON, SCSEC_EINVALID, "q2");
}
END_TEST

START_TEST(semantic_required_default_undefined)
{
	/* The problem is the default attribute of <required-level>: that is
	 * the line to report, not the first question's. */
	expect_bad_fixture("bad-required-default.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_required_default_without_questions_located)
{
	/* Without the validator the loader's structure rules refuse it alike. */
	expect_bad_fixture("bad-required-default-no-question.xml", SCHEMA_OFF, SCSEC_ESCHEMA, NULL);
}
END_TEST

START_TEST(semantic_requires_lower_on_lowest_level)
{
	expect_bad_fixture("bad-requires-lower-lowest.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_level_without_criteria_or_prerequisites)
{
	expect_bad_fixture("bad-empty-level.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_zero_validity)
{
	expect_bad_fixture("bad-zero-validity.xml", SCHEMA_ON, SCSEC_EDATE, NULL);
	expect_bad_fixture("bad-zero-validity.xml", SCHEMA_OFF, SCSEC_EDATE, NULL);
}
END_TEST

START_TEST(semantic_malformed_validity)
{
	/* The schema's pattern sees it first; without the schema, the loader. */
	expect_bad_fixture("bad-malformed-validity.xml", SCHEMA_ON, SCSEC_ESCHEMA, NULL);
	expect_bad_fixture("bad-malformed-validity.xml", SCHEMA_OFF, SCSEC_EDATE, NULL);
}
END_TEST

START_TEST(semantic_issued_impossible_date)
{
	/* The schema checks the shape only; the loader finds that the day
	 * does not exist, with or without the schema. */
	expect_bad_fixture("bad-issued-date.xml", SCHEMA_ON, SCSEC_EDATE, NULL);
	expect_bad_fixture("bad-issued-date.xml", SCHEMA_OFF, SCSEC_EDATE, NULL);
}
END_TEST

/* A message says what is wrong once: no repeated or clipped prefix. */
static void expect_message_once(const char *name, const char *prefix)
{
	char path[4096];
	scsec_diagnostics *d = NULL;
	scsec_load_options *o = options_without_schema();
	scsec_criteria *c = NULL;
	const char *m, *first;
	verdict v = { "" };
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	rc = scsec_criteria_load_file(&c, fixture_path(path, sizeof path, name), o, d);
	CHECK_LATER(&v, rc == SCSEC_EDATE, "%s: got %d", name, rc);
	m = scsec_error_message(scsec_error_last());
	first = strstr(m, prefix);
	CHECK_LATER(&v, first && !strstr(first + 1, prefix), "%s: last error message: '%s'", name, m);
	if (scsec_diagnostics_count(d) >= 1) {
		m = scsec_diagnostic_message(scsec_diagnostics_at(d, 0));
		first = strstr(m, prefix);
		CHECK_LATER(&v, first && !strstr(first + 1, prefix), "%s: diagnostic message: '%s'",
		            name, m);
	} else {
		fail_later(&v, "%s: no diagnostic", name);
	}
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
	VERDICT(v);
}

START_TEST(semantic_date_messages_not_garbled)
{
	expect_message_once("bad-malformed-validity.xml", "element 'level'");
	expect_message_once("bad-issued-date.xml", "element 'issued'");
}
END_TEST

START_TEST(semantic_title_without_lang)
{
	expect_bad_fixture("bad-missing-lang.xml", SCHEMA_ON, SCSEC_ESCHEMA, NULL);
	expect_bad_fixture("bad-missing-lang.xml", SCHEMA_OFF, SCSEC_ESCHEMA, NULL);
}
END_TEST

START_TEST(semantic_points_model_without_points)
{
	expect_bad_fixture("bad-points-without-points.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_deductions_without_max)
{
	expect_bad_fixture("bad-deductions-without-max.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_deductions_floor_above_max)
{
	expect_bad_fixture("bad-floor-above-max.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_scoring_level_undefined)
{
	expect_bad_fixture("bad-scoring-level-undefined.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_duplicate_band)
{
	expect_bad_fixture("bad-duplicate-band.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
}
END_TEST

START_TEST(semantic_requirement_without_criteria)
{
	expect_bad_fixture("bad-requirement-without-criteria.xml", SCHEMA_ON, SCSEC_ESCHEMA, NULL);
	expect_bad_fixture("bad-requirement-without-criteria.xml", SCHEMA_OFF, SCSEC_ESCHEMA, NULL);
}
END_TEST

START_TEST(semantic_unexpected_element)
{
	expect_bad_fixture("bad-unexpected-element.xml", SCHEMA_ON, SCSEC_ESCHEMA, NULL);
}
END_TEST

START_TEST(semantic_many_problems_all_reported)
{
	char path[4096];
	unsigned long lines[16];
	size_t nlines = marker_lines(fixture_path(path, sizeof path, "bad-many-problems.xml"), lines,
	                             sizeof lines / sizeof *lines);

	ck_assert_uint_eq(nlines, 6);
	/* One diagnostic on every marked line, so at least six in all. */
	expect_bad_fixture("bad-many-problems.xml", SCHEMA_ON, SCSEC_EINVALID, NULL);
	expect_bad_fixture("bad-many-problems.xml", SCHEMA_OFF, SCSEC_EINVALID, NULL);
}
END_TEST

/* A set with @p n levels of ranks 1..n, one criterion from level 1. */
static char *levels_document(int n, size_t *len)
{
	membuf b = { 0 };
	char line[160];
	int i;

	mb_put(&b, criteria_head_for_levels, strlen(criteria_head_for_levels));
	for (i = 1; i <= n; i++) {
		int w = snprintf(line, sizeof line,
		                 "  <level rank=\"%d\" label=\"L%d\" method=\"self\" validity=\"P1Y\"/>\n",
		                 i, i);

		mb_put(&b, line, (size_t)w);
	}
	mb_put(&b, levels_tail, strlen(levels_tail) + 1);
	*len = b.len - 1;
	return (char *)b.p;
}

/* A level's method is one of the English tokens: the Japanese names
 * scsec_method_parse() also takes are refused, with or without the XSD. */
START_TEST(semantic_level_method_english_only)
{
	static const char *const bad[] = { "自己評価", "専門家確認", "第三者評価", "Self", "" };
	static const char *const good[] = { "self", "expert-reviewed", "third-party" };
	scsec_load_options *o = options_without_schema();
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	char doc[1024];
	size_t i;
	int len;

	ck_ok(scsec_diagnostics_new(&d));
	for (i = 0; i < sizeof good / sizeof *good; i++) {
		len = snprintf(doc, sizeof doc,
		               "%s  <level rank=\"1\" label=\"L1\" method=\"%s\" validity=\"P1Y\"/>\n%s",
		               criteria_head_for_levels, good[i], levels_tail);
		ck_assert_int_lt(len, (int)sizeof doc);
		ck_ok(scsec_criteria_load_memory(&c, doc, (size_t)len, "good.xml", o, NULL));
		ck_assert_int_eq(scsec_level_method(scsec_criteria_level_by_rank(c, 1)),
		                 (scsec_method)(i + 1));
		scsec_criteria_free(c);
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *msg;

		len = snprintf(doc, sizeof doc,
		               "%s  <level rank=\"1\" label=\"L1\" method=\"%s\" validity=\"P1Y\"/>\n%s",
		               criteria_head_for_levels, bad[i], levels_tail);
		ck_assert_int_lt(len, (int)sizeof doc);
		c = (scsec_criteria *)&c;
		ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, (size_t)len, "bad.xml", NULL, NULL),
		                 SCSEC_ESCHEMA);
		ck_assert_ptr_null(c);
		scsec_diagnostics_clear(d);
		c = (scsec_criteria *)&c;
		ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, (size_t)len, "bad.xml", o, d),
		                 SCSEC_ESCHEMA);
		ck_assert_ptr_null(c);
		ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
		msg = scsec_diagnostic_message(scsec_diagnostics_at(d, 0));
		ck_assert_msg(strstr(msg, "is not self, expert-reviewed or third-party") != NULL, "%s", msg);
	}
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(semantic_too_many_levels)
{
	scsec_load_options *o = options_without_schema();
	scsec_criteria *c = NULL;
	size_t len;
	char *doc;

	/* 64 levels is the most a set may have. */
	doc = levels_document(64, &len);
	ck_ok(scsec_criteria_load_memory(&c, doc, len, "64.xml", NULL, NULL));
	ck_assert_uint_eq(scsec_criteria_level_count(c), 64);
	ck_assert(scsec_criterion_applies_at(scsec_criteria_criterion(c, "x1"), 64));
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 64)), 1);
	check_canonical(c, "64.xml");
	scsec_criteria_free(c);
	free(doc);
	doc = levels_document(65, &len);
	c = (scsec_criteria *)&c;
	ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, len, "65.xml", NULL, NULL), SCSEC_ESCHEMA);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, len, "65.xml", o, NULL), SCSEC_ESCHEMA);
	ck_assert_ptr_null(c);
	ck_assert_uint_gt(scsec_error_line(scsec_error_last()), 0);
	free(doc);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(semantic_several_schema_errors_reported)
{
	static const char doc[] =
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"s\" version=\"1\">\n"
		"  <title xml:lang=\"en\">T</title>\n"
		"  <level rank=\"1\" label=\"L\" method=\"sometimes\" validity=\"P1Y\"/>\n"
		"  <category id=\"c\"><title xml:lang=\"en\">C</title>\n"
		"    <requirement id=\"r\"><name xml:lang=\"en\">R</name>\n"
		"      <criterion id=\"x\" level=\"1\" weight=\"-1\"><text xml:lang=\"en\">X</text></criterion>\n"
		"      <criterion id=\"bad id\" level=\"1\"><text xml:lang=\"en\">Y</text></criterion>\n"
		"    </requirement>\n"
		"  </category>\n"
		"</criteria-set>\n";
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;

	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, sizeof doc - 1, "three.xml", NULL, d),
	                 SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 3);
	ck_assert_msg(find_diag(d, SCSEC_ESCHEMA, 3) && find_diag(d, SCSEC_ESCHEMA, 6) &&
	              find_diag(d, SCSEC_ESCHEMA, 7), "%s", diag_dump(d));
	ck_assert_ptr_null(c);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(semantic_failure_leaves_diagnostics_appended)
{
	char path[4096];
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	size_t first;

	/* A list collects across loads; it is appended to, not reset. */
	ck_ok(scsec_diagnostics_new(&d));
	fixture_path(path, sizeof path, "bad-duplicate-criterion.xml");
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, NULL, d), SCSEC_EINVALID);
	first = scsec_diagnostics_count(d);
	ck_assert_uint_ge(first, 1);
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, NULL, d), SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 2 * first);
	/* A success adds no error. */
	ck_ok(scsec_criteria_load_file(&c, fixture_path(path, sizeof path, "minimal.xml"), NULL, d));
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 2 * first);
	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

/* ================================================================ hostile */

static const char criteria_head[] =
	"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"h\" version=\"1\">";

START_TEST(hostile_billion_laughs)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE criteria-set [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		" <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		" <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		" <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		" <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		" <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		" <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		"]>\n"
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"lol\" version=\"1\">\n"
		"  <title xml:lang=\"en\">&lol9;</title>\n"
		"</criteria-set>\n";
	const char *msg = expect_hostile(doc, sizeof doc - 1, "laughs.xml", NULL, SCSEC_EUNSAFE, 0);

	ck_assert_ptr_nonnull(strstr(msg, "DOCTYPE"));
}
END_TEST

START_TEST(hostile_refused_doctype_leaks_nothing)
{
	/* Refusing a DOCTYPE with entity declarations, again and again, must
	 * not cost memory: 4000 refusals of a small document. */
	static const char doc[] = "<?xml version=\"1.0\"?>\n"
	                          "<!DOCTYPE criteria-set [\n"
	                          " <!ENTITY lol \"lol\">\n"
	                          " <!ENTITY lol1 \"&lol;&lol;\">\n"
	                          "]>\n"
	                          "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"l\" version=\"1\"/>\n";
	long rss0, grown;
	int i, wrong = 0;

	/* Warm up (schema compilation, libxml2's own one-time state). */
	for (i = 0; i < 10; i++) {
		scsec_criteria *c = NULL;

		wrong += scsec_criteria_load_memory(&c, doc, sizeof doc - 1, "l.xml", NULL, NULL) !=
		         SCSEC_EUNSAFE;
	}
	rss0 = max_rss_kib();
	for (i = 0; i < 4000; i++) {
		scsec_criteria *c = NULL;

		wrong += scsec_criteria_load_memory(&c, doc, sizeof doc - 1, "l.xml", NULL, NULL) !=
		         SCSEC_EUNSAFE;
	}
	grown = max_rss_kib() - rss0;
	ck_assert_int_eq(wrong, 0);
	ck_assert_msg(!RSS_MEANINGFUL || grown < 8 * 1024,
	              "4000 refused documents grew the peak memory by %ld KiB", grown);
}
END_TEST

START_TEST(hostile_external_entity)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE criteria-set [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"xxe\" version=\"1\">\n"
		"  <title xml:lang=\"en\">&x;</title>\n"
		"</criteria-set>\n";
	const char *msg = expect_hostile(doc, sizeof doc - 1, "xxe.xml", NULL, SCSEC_EUNSAFE, 0);

	ck_assert_msg(strstr(msg, "DOCTYPE") != NULL, "message: %s", msg);
	ck_assert_int_eq(scsec_error_line(scsec_error_last()), 2);
	ck_assert_ptr_null(strstr(msg, "root:"));
}
END_TEST

START_TEST(hostile_external_dtd)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE criteria-set SYSTEM \"http://example.invalid/x.dtd\">\n"
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"dtd\" version=\"1\">\n"
		"  <title xml:lang=\"en\">T</title>\n"
		"</criteria-set>\n";
	const char *msg = expect_hostile(doc, sizeof doc - 1, "dtd.xml", NULL, SCSEC_EUNSAFE, 0);

	ck_assert_ptr_nonnull(strstr(msg, "DOCTYPE"));
}
END_TEST

START_TEST(hostile_parameter_entity)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE criteria-set [ <!ENTITY % p SYSTEM \"http://example.invalid/p.ent\"> %p; ]>\n"
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"pe\" version=\"1\"/>\n";

	expect_hostile(doc, sizeof doc - 1, "pe.xml", NULL, SCSEC_EUNSAFE, 0);
	/* Refused with schema validation off too. */
	{
		scsec_load_options *o = options_without_schema();

		expect_hostile(doc, sizeof doc - 1, "pe.xml", o, SCSEC_EUNSAFE, 0);
		scsec_load_options_free(o);
	}
}
END_TEST

static char *deep_document(size_t depth, size_t *len)
{
	static const char tail[] = "</criteria-set>\n";
	size_t head = strlen(criteria_head), i;
	char *doc = malloc(head + depth * 7 + sizeof tail), *p;

	ck_assert_ptr_nonnull(doc);
	memcpy(doc, criteria_head, head);
	p = doc + head;
	for (i = 0; i < depth; i++, p += 3)
		memcpy(p, "<a>", 3);
	for (i = 0; i < depth; i++, p += 4)
		memcpy(p, "</a>", 4);
	memcpy(p, tail, sizeof tail);
	*len = (size_t)(p - doc) + sizeof tail - 1;
	return doc;
}

START_TEST(hostile_deep_nesting)
{
	size_t len;
	char *doc = deep_document(100000, &len);
	scsec_load_options *o = options_without_schema();

	/* With the schema, the first <a> is a schema error; the depth limit
	 * still stops the descent. */
	expect_hostile(doc, len, "deep.xml", NULL, SCSEC_ELIMIT, SCSEC_ESCHEMA);
	/* Without it, the depth limit is the first problem. */
	expect_hostile(doc, len, "deep.xml", o, SCSEC_ELIMIT, 0);
	scsec_load_options_free(o);
	free(doc);
}
END_TEST

START_TEST(bomb_generator_makes_valid_gzip)
{
	static const char prefix[] = "<x>";
	membuf bomb = { 0 };
	uint64_t total = 0;
	unsigned char head[3];
	membuf first = { 0 };
	size_t i;

	make_space_bomb(&bomb, prefix, 24 * MIB);
	/* 24 MiB of spaces compress over 500:1. */
	ck_assert_uint_lt(bomb.len, 24 * MIB / 500);
	ck_assert_int_eq(gunzip_mem(NULL, bomb.p, bomb.len, &total, NULL), 0);
	ck_assert_uint_eq(total, 3 + 24 * MIB);
	/* The content: the prefix, then spaces only. */
	ck_assert_int_eq(gunzip_mem(&first, bomb.p, bomb.len, &total, NULL), 0);
	memcpy(head, first.p, 3);
	ck_assert(!memcmp(head, prefix, 3));
	for (i = 3; i < first.len; i++)
		if (first.p[i] != ' ')
			break;
	ck_assert_uint_eq(i, first.len);
	mb_free(&first);
	mb_free(&bomb);
}
END_TEST

START_TEST(hostile_gzip_bomb)
{
	/* 10 GB of spaces in about 13 MB: cheap to build, even under valgrind. */
	uint64_t gib = 10;
	membuf bomb = { 0 };
	char prefix[256];

	snprintf(prefix, sizeof prefix, "<?xml version=\"1.0\"?>\n%s", criteria_head);
	make_space_bomb(&bomb, prefix, gib << 30);
	ck_assert_uint_lt(bomb.len, (size_t)((gib << 30) / 500));
	expect_hostile(bomb.p, bomb.len, "bomb.xml.gz", NULL, SCSEC_ELIMIT, SCSEC_ESCHEMA);
	mb_free(&bomb);
}
END_TEST

START_TEST(hostile_gzip_bomb_low_document_limit)
{
	membuf bomb = { 0 };
	scsec_load_options *o = NULL;

	/* A limit below the text limit: the decompressed size stops it. */
	make_space_bomb(&bomb, criteria_head, 256 * MIB);
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, 100000));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, 0));
	expect_hostile(bomb.p, bomb.len, "bomb.xml.gz", o, SCSEC_ELIMIT, 0);
	scsec_load_options_free(o);
	mb_free(&bomb);
}
END_TEST

START_TEST(hostile_gzip_bomb_variants)
{
	/* Whitespace where the parser does not hand it over as text: it must
	 * still stop early and stay small. */
	static const char *const prefixes[] = {
		"<!--",                              /* a comment that never ends */
		"<![CDATA[",                         /* a CDATA section */
		"<title xml:lang=\"en\" a=\"",       /* an attribute value */
		"<title xml:lang=\"en\"",             /* blanks inside a start tag */
		"<?pi",                              /* a processing instruction */
	};
	size_t i;

	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		membuf bomb = { 0 };
		char prefix[256], name[64];
		scsec_diagnostics *d = NULL;
		scsec_criteria *c = (scsec_criteria *)&d;
		long rss0, grown;
		double t0, took;
		int rc;

		snprintf(prefix, sizeof prefix, "%s%s", criteria_head, prefixes[i]);
		snprintf(name, sizeof name, "bomb-%zu.xml.gz", i);
		make_space_bomb(&bomb, prefix, (uint64_t)1 << 30);
		ck_ok(scsec_diagnostics_new(&d));
		rss0 = max_rss_kib();
		t0 = test_now();
		rc = scsec_criteria_load_memory(&c, bomb.p, bomb.len, name, NULL, d);
		took = test_now() - t0;
		grown = max_rss_kib() - rss0;
		/* A schema error may come first; the parse must still have been
		 * stopped by a limit (ours, or libxml2's lookahead limit). */
		ck_assert_msg(rc == SCSEC_ELIMIT || rc == SCSEC_EPARSE || rc == SCSEC_ESCHEMA,
		              "%s: got %d:%s", prefixes[i], rc, diag_dump(d));
		ck_assert_msg(find_diag(d, SCSEC_ELIMIT, 0) || find_diag(d, SCSEC_EPARSE, 0),
		              "%s: not stopped:%s", prefixes[i], diag_dump(d));
		ck_assert_ptr_null(c);
		ck_assert_msg(!RSS_MEANINGFUL || grown < 64 * 1024, "%s: peak memory grew by %ld KiB",
		              prefixes[i], grown);
		if (!test_no_fork())
			ck_assert_msg(took < 30.0, "%s: took %.1f s", prefixes[i], took);
		scsec_diagnostics_free(d);
		mb_free(&bomb);
	}
}
END_TEST

/* Failures of the input itself (size limit, broken gzip) say what failed. */
START_TEST(hostile_source_errors_have_messages)
{
	scsec_load_options *o = NULL;
	size_t n;
	char *plain = read_fixture("prerequisites.xml", &n);
	membuf z = gzipped_fixture("prerequisites.xml"), junk = { 0 };
	verdict v = { "" };
	int i;

	/* Run all three even when one fails, and free before failing. */
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, 200));
	mb_put(&junk, z.p, z.len);
	mb_put(&junk, "garbage", 7);
	for (i = 0; i < 3 && !v.why[0]; i++) {
		scsec_diagnostics *d = NULL;
		scsec_criteria *c = NULL;
		static const char *const part[] = { "SCSEC_LOAD_MAX_DOCUMENT_SIZE", "gzip", "gzip" };
		static const int code[] = { SCSEC_ELIMIT, SCSEC_EPARSE, SCSEC_EPARSE };
		const void *data = i == 0 ? (const void *)plain : i == 1 ? (const void *)z.p : junk.p;
		size_t len = i == 0 ? n : i == 1 ? z.len / 2 : junk.len;
		const scsec_diagnostic *x;
		const char *m;
		int rc;

		ck_ok(scsec_diagnostics_new(&d));
		rc = scsec_criteria_load_memory(&c, data, len, "src.xml", i ? NULL : o, d);
		CHECK_LATER(&v, rc == code[i], "case %d: got %d, want %d", i, rc, code[i]);
		m = scsec_error_message(scsec_error_last());
		CHECK_LATER(&v, strstr(m, part[i]) != NULL,
		            "case %d: last error message '%s' does not mention '%s'", i, m, part[i]);
		x = find_diag(d, code[i], 0);
		m = x ? scsec_diagnostic_message(x) : "(no diagnostic)";
		CHECK_LATER(&v, strstr(m, part[i]) != NULL,
		            "case %d: diagnostic message '%s' does not mention '%s'", i, m, part[i]);
		scsec_diagnostics_free(d);
	}
	scsec_load_options_free(o);
	mb_free(&junk);
	mb_free(&z);
	free(plain);
	VERDICT(v);
}
END_TEST

START_TEST(hostile_long_text)
{
	static const char open[] = "<title xml:lang=\"en\">";
	size_t head = strlen(criteria_head), n = 3 * MIB;
	char *doc = malloc(head + sizeof open + n + 64);
	size_t len;

	ck_assert_ptr_nonnull(doc);
	memcpy(doc, criteria_head, head);
	memcpy(doc + head, open, sizeof open - 1);
	memset(doc + head + sizeof open - 1, 'x', n);
	len = head + sizeof open - 1 + n;
	memcpy(doc + len, "</title></criteria-set>", 23);
	len += 23;
	expect_hostile(doc, len, "long.xml", NULL, SCSEC_ELIMIT, SCSEC_ESCHEMA);
	free(doc);
}
END_TEST

START_TEST(hostile_gzip_truncated)
{
	membuf z = gzipped_fixture("prerequisites.xml");

	expect_hostile(z.p, z.len / 2, "half.xml.gz", NULL, SCSEC_EPARSE, 0);
	/* Everything but the trailer (CRC and length). */
	expect_hostile(z.p, z.len - 8, "notrailer.xml.gz", NULL, SCSEC_EPARSE, 0);
	/* The header only. */
	expect_hostile(z.p, 10, "header.xml.gz", NULL, SCSEC_EPARSE, 0);
	mb_free(&z);
}
END_TEST

START_TEST(hostile_gzip_trailing_garbage)
{
	membuf z = gzipped_fixture("prerequisites.xml");

	mb_put(&z, "garbage", 7);
	expect_hostile(z.p, z.len, "garbage.xml.gz", NULL, SCSEC_EPARSE, 0);
	mb_free(&z);
}
END_TEST

START_TEST(hostile_gzip_bad_checksum)
{
	membuf z = gzipped_fixture("prerequisites.xml");

	z.p[z.len - 8] ^= 0x55; /* the CRC */
	expect_hostile(z.p, z.len, "crc.xml.gz", NULL, SCSEC_EPARSE, 0);
	mb_free(&z);
}
END_TEST

START_TEST(gzip_concatenated_members_load)
{
	size_t n, half;
	char *data = read_fixture("prerequisites.xml", &n);
	membuf z = { 0 };
	scsec_criteria *c = NULL, *ref = load_fixture_ok("prerequisites.xml", NULL);

	/* Two gzip members make one file (as `cat a.gz b.gz` does). */
	half = n / 2;
	gzip_mem(&z, data, half);
	gzip_mem(&z, data + half, n - half);
	ck_ok(scsec_criteria_load_memory(&c, z.p, z.len, "two.xml.gz", NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(ref));
	scsec_criteria_free(c);
	scsec_criteria_free(ref);
	mb_free(&z);
	free(data);
}
END_TEST

START_TEST(hostile_file_over_size_limit)
{
	char path[4096];
	scsec_load_options *o = NULL;
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = (scsec_criteria *)&d;
	char *data;
	size_t n;

	fixture_path(path, sizeof path, "minimal.xml");
	data = read_fixture("minimal.xml", &n);
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 100));
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, o, d), SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(find_diag(d, SCSEC_ELIMIT, 0));
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
	/* The same limit bounds input in memory. */
	ck_assert_int_eq(scsec_criteria_load_memory(&c, data, n, "m.xml", o, NULL), SCSEC_ELIMIT);
	/* The limit is on the stored bytes: a gzip that fits is fine. */
	{
		membuf z = gzipped_fixture("minimal.xml");

		ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, z.len));
		ck_ok(scsec_criteria_load_memory(&c, z.p, z.len, "m.xml.gz", o, NULL));
		scsec_criteria_free(c);
		ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, z.len - 1));
		ck_assert_int_eq(scsec_criteria_load_memory(&c, z.p, z.len, "m.xml.gz", o, NULL),
		                 SCSEC_ELIMIT);
		mb_free(&z);
	}
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
	free(data);
}
END_TEST

START_TEST(hostile_document_over_size_limit)
{
	scsec_load_options *o = NULL;
	size_t n;
	char *data = read_fixture("prerequisites.xml", &n);

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, 200));
	expect_hostile(data, n, "plain.xml", o, SCSEC_ELIMIT, 0);
	scsec_load_options_free(o);
	free(data);
}
END_TEST

/* ASCII to UTF-16 (or UTF-32), with a BOM when asked. */
static char *widen(const char *s, size_t width, int big_endian, int bom, size_t *len)
{
	size_t n = strlen(s), i, k;
	char *out = calloc(n + 1, width), *p = out;

	ck_assert_ptr_nonnull(out);
	if (bom) {
		unsigned long v = 0xfeff;

		for (k = 0; k < width; k++)
			*p++ = (char)(v >> (8 * (big_endian ? width - 1 - k : k)));
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < width; k++)
			*p++ = (big_endian ? k == width - 1 : k == 0) ? s[i] : 0;
	*len = (size_t)(p - out);
	return out;
}

START_TEST(hostile_utf16_document)
{
	static const char doc[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
	                          "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"u\" version=\"1\"/>\n";
	size_t n;
	char *w;

	w = widen(doc, 2, 0, 1, &n);
	expect_hostile(w, n, "utf16le-bom.xml", NULL, SCSEC_EENCODING, 0);
	free(w);
	w = widen(doc, 2, 1, 1, &n);
	expect_hostile(w, n, "utf16be-bom.xml", NULL, SCSEC_EENCODING, 0);
	free(w);
	w = widen(doc, 2, 0, 0, &n);
	expect_hostile(w, n, "utf16le.xml", NULL, SCSEC_EENCODING, 0);
	free(w);
	w = widen(doc, 4, 0, 1, &n);
	expect_hostile(w, n, "utf32le-bom.xml", NULL, SCSEC_EENCODING, 0);
	free(w);
}
END_TEST

START_TEST(hostile_declared_other_encoding)
{
	/* (Not EUC-JP: loading glibc's EUC-JP converter trips a known valgrind
	 * false positive in the dynamic loader.) */
	static const char *const encodings[] = { "Shift_JIS", "ISO-8859-1", "x-unknown" };
	char doc[512];
	size_t i;

	for (i = 0; i < sizeof encodings / sizeof *encodings; i++) {
		int n = snprintf(doc, sizeof doc,
		                 "<?xml version=\"1.0\" encoding=\"%s\"?>\n%s\n"
		                 "  <title xml:lang=\"en\">T</title>\n</criteria-set>\n",
		                 encodings[i], criteria_head);

		expect_hostile(doc, (size_t)n, encodings[i], NULL, SCSEC_EENCODING, 0);
	}
}
END_TEST

START_TEST(hostile_invalid_utf8)
{
	static const char *const bad[] = {
		"\xff\xfe", "\xc3", "\x80", "\xc0\xaf", "\xe3\x81", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	};
	char doc[512];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		char name[32];
		int n = snprintf(doc, sizeof doc,
		                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s\n"
		                 "  <title xml:lang=\"en\">bad %s here</title>\n</criteria-set>\n",
		                 criteria_head, bad[i]);

		snprintf(name, sizeof name, "utf8-%zu.xml", i);
		expect_hostile(doc, (size_t)n, name, NULL, SCSEC_EENCODING, 0);
	}
}
END_TEST

START_TEST(hostile_undefined_entity)
{
	static const char doc[] = "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"e\" version=\"1\">\n"
	                          "  <title xml:lang=\"en\">a&nbsp;b</title>\n"
	                          "</criteria-set>\n";

	expect_hostile(doc, sizeof doc - 1, "entity.xml", NULL, SCSEC_EPARSE, 0);
	ck_assert_int_eq(scsec_error_line(scsec_error_last()), 2);
}
END_TEST

/* An unclosed tag: EPARSE, located where the parser finds the mismatch. */
static void expect_unclosed_located(const scsec_load_options *opts)
{
	static const char doc[] = "<?xml version=\"1.0\"?>\n"
	                          "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"w\" version=\"1\">\n"
	                          "  <title xml:lang=\"en\">T</title>\n"
	                          "  <level rank=\"1\" label=\"L\" method=\"self\" validity=\"P1Y\">\n"
	                          "</criteria-set>\n";
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = (scsec_criteria *)&d;
	const scsec_diagnostic *x;
	const scsec_error *e;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	rc = scsec_criteria_load_memory(&c, doc, sizeof doc - 1, "wf.xml", opts, d);
	ck_assert_msg(rc == SCSEC_EPARSE, "got %d:%s", rc, diag_dump(d));
	ck_assert_ptr_null(c);
	e = scsec_error_last();
	ck_assert_str_eq(scsec_error_file(e), "wf.xml");
	/* <level> opened on line 4 is closed by </criteria-set> on line 5. */
	ck_assert_uint_eq(scsec_error_line(e), 5);
	ck_assert_uint_gt(scsec_error_column(e), 0);
	x = find_diag(d, SCSEC_EPARSE, 5);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(scsec_diagnostic_file(x), "wf.xml");
	ck_assert_uint_gt(scsec_diagnostic_column(x), 0);
	scsec_diagnostics_free(d);
}

START_TEST(hostile_not_well_formed_located)
{
	static const char cut[] = "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"w\" version=\"1\">\n"
	                          "  <title xml:lang=\"en\">T</ti";
	static const char after[] = "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"a\" "
	                            "version=\"1\"/>\ntrailing";
	scsec_load_options *o = options_without_schema();

	expect_unclosed_located(NULL);
	expect_unclosed_located(o);
	/* The document ends inside an element. */
	expect_hostile(cut, sizeof cut - 1, "cut.xml", NULL, SCSEC_EPARSE, 0);
	/* Text after the root element. */
	expect_hostile(after, sizeof after - 1, "after.xml", o, SCSEC_EPARSE, 0);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(hostile_empty_input)
{
	char *dir = test_tmpdir_new("check_criteria"), path[4200];
	scsec_criteria *c = (scsec_criteria *)&c;

	expect_hostile("", 0, "empty.xml", NULL, SCSEC_EPARSE, 0);
	expect_hostile(NULL, 0, "null.xml", NULL, SCSEC_EPARSE, 0);
	expect_hostile("  \n\t\n", 5, "blank.xml", NULL, SCSEC_EPARSE, 0);
	expect_hostile("<?xml version=\"1.0\"?>\n", 22, "decl.xml", NULL, SCSEC_EPARSE, 0);
	snprintf(path, sizeof path, "%s/empty.xml", dir);
	test_write_file(path, "", 0);
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, NULL, NULL), SCSEC_EPARSE);
	ck_assert_ptr_null(c);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(hostile_endless_device)
{
	scsec_criteria *c = (scsec_criteria *)&c;
	long rss0 = max_rss_kib();
	double t0 = test_now();
	int rc;

	/* No size to check up front, and no end: the reader must stop. */
	if (access("/dev/zero", R_OK))
		return;
	rc = scsec_criteria_load_file(&c, "/dev/zero", NULL, NULL);
	ck_assert_msg(rc == SCSEC_EPARSE || rc == SCSEC_EENCODING || rc == SCSEC_ELIMIT, "got %d", rc);
	ck_assert_ptr_null(c);
	ck_assert_int_lt(max_rss_kib() - rss0, 64 * 1024);
	if (!test_no_fork())
		ck_assert(test_now() - t0 < 30.0);
}
END_TEST

START_TEST(hostile_wrong_root)
{
	static const char v2[] = "<criteria-set xmlns=\"urn:scsec:criteria:2\" id=\"x\" version=\"1\">"
	                         "<title xml:lang=\"en\">T</title></criteria-set>";
	static const char nons[] = "<criteria-set id=\"x\" version=\"1\">"
	                           "<title xml:lang=\"en\">T</title></criteria-set>";
	static const char name[] = "<criteria xmlns=\"urn:scsec:criteria:1\" id=\"x\" version=\"1\"/>";
	static const char html[] = "<html><body>not a criteria set</body></html>";
	scsec_load_options *o = options_without_schema();

	expect_hostile(v2, sizeof v2 - 1, "v2.xml", NULL, SCSEC_EVERSION, 0);
	expect_hostile(v2, sizeof v2 - 1, "v2.xml", o, SCSEC_EVERSION, 0);
	expect_hostile(nons, sizeof nons - 1, "nons.xml", NULL, SCSEC_EVERSION, 0);
	expect_hostile(name, sizeof name - 1, "name.xml", NULL, SCSEC_EVERSION, 0);
	expect_hostile(html, sizeof html - 1, "html.xml", o, SCSEC_EVERSION, 0);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(hostile_evidence_document)
{
	static const char doc[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                          "<evidence xmlns=\"urn:scsec:evidence:1\" criteria=\"meti-sc-2026-03\">\n"
	                          "</evidence>\n";
	const char *msg = expect_hostile(doc, sizeof doc - 1, "evidence.xml", NULL, SCSEC_EVERSION, 0);

	ck_assert_ptr_nonnull(strstr(msg, "urn:scsec:criteria:1"));
}
END_TEST

/* ================================================================ options */

START_TEST(options_defaults)
{
	scsec_load_options *o = NULL;

	ck_ok(scsec_load_options_new(&o));
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_FILE_SIZE), 64u << 20);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE), 64u << 20);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DEPTH), 32);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_SCHEMA_VALIDATION), SCSEC_SCHEMA_AUTO);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_ITEMS), 1000000);
	/* NULL reads the defaults. */
	ck_assert_uint_eq(scsec_load_options_get(NULL, SCSEC_LOAD_MAX_FILE_SIZE), 64u << 20);
	ck_assert_uint_eq(scsec_load_options_get(NULL, SCSEC_LOAD_MAX_DOCUMENT_SIZE), 64u << 20);
	ck_assert_uint_eq(scsec_load_options_get(NULL, SCSEC_LOAD_MAX_DEPTH), 32);
	ck_assert_uint_eq(scsec_load_options_get(NULL, SCSEC_LOAD_SCHEMA_VALIDATION), SCSEC_SCHEMA_AUTO);
	ck_assert_uint_eq(scsec_load_options_get(NULL, SCSEC_LOAD_MAX_ITEMS), 1000000);
	/* Unknown options read 0. */
	ck_assert_uint_eq(scsec_load_options_get(o, (scsec_load_option)0), 0);
	ck_assert_uint_eq(scsec_load_options_get(o, (scsec_load_option)6), 0);
	ck_assert_uint_eq(scsec_load_options_get(NULL, (scsec_load_option)-1), 0);
	scsec_load_options_free(o);
	scsec_load_options_free(NULL);
}
END_TEST

START_TEST(options_set_and_get)
{
	scsec_load_options *o = NULL;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 1));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, UINT64_MAX));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 256));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 7));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, 0));
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_FILE_SIZE), 1);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE), UINT64_MAX);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DEPTH), 256);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_ITEMS), 7);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_SCHEMA_VALIDATION), 0);
	/* Three settings, nothing else. */
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_ALWAYS));
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_SCHEMA_VALIDATION), SCSEC_SCHEMA_ALWAYS);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, 42), SCSEC_EINVAL);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_SCHEMA_VALIDATION), SCSEC_SCHEMA_ALWAYS);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 1));
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DEPTH), 1);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(options_invalid_values)
{
	scsec_load_options *o = NULL;

	ck_assert_int_eq(scsec_load_options_new(NULL), SCSEC_EINVAL);
	ck_ok(scsec_load_options_new(&o));
	ck_assert_int_eq(scsec_load_options_set(NULL, SCSEC_LOAD_MAX_DEPTH, 8), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, (scsec_load_option)0, 8), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, (scsec_load_option)6, 8), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 257), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, UINT64_MAX), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EINVAL);
	/* A refused value changes nothing. */
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_FILE_SIZE), 64u << 20);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE), 64u << 20);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_ITEMS), 1000000);
	ck_assert_uint_eq(scsec_load_options_get(o, SCSEC_LOAD_MAX_DEPTH), 32);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(options_null_means_defaults)
{
	scsec_load_options *o = NULL;
	size_t i;

	ck_ok(scsec_load_options_new(&o));
	for (i = 0; i < NVALID; i++) {
		scsec_criteria *a = load_fixture_ok(valid_fixtures[i], NULL);
		scsec_criteria *b = load_fixture_ok(valid_fixtures[i], o);

		ck_assert_str_eq(scsec_criteria_fingerprint(a), scsec_criteria_fingerprint(b));
		scsec_criteria_free(a);
		scsec_criteria_free(b);
	}
	scsec_load_options_free(o);
}
END_TEST

START_TEST(options_schema_off_same_result)
{
	scsec_load_options *o = options_without_schema();
	size_t i;

	for (i = 0; i < NVALID; i++) {
		scsec_criteria *a = load_fixture_ok(valid_fixtures[i], NULL);
		scsec_criteria *b = load_fixture_ok(valid_fixtures[i], o);

		ck_assert_str_eq(scsec_criteria_fingerprint(a), scsec_criteria_fingerprint(b));
		scsec_criteria_free(a);
		scsec_criteria_free(b);
	}
	scsec_load_options_free(o);
}
END_TEST

START_TEST(options_schema_off_still_checks_structure)
{
	/* The loader's own checks catch an element the format does not have. */
	expect_bad_fixture("bad-unexpected-element.xml", SCHEMA_OFF, SCSEC_ESCHEMA, NULL);
	expect_bad_fixture("bad-missing-lang.xml", SCHEMA_OFF, SCSEC_ESCHEMA, NULL);
	/* And elements out of place, or a missing attribute. */
	{
		static const char doc[] =
			"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"s\" version=\"1\">\n"
			"  <title xml:lang=\"en\">T</title>\n"
			"  <level rank=\"1\" label=\"L\" method=\"self\" validity=\"P1Y\"/>\n"
			"  <category id=\"c\"><title xml:lang=\"en\">C</title>\n"
			"    <requirement id=\"r\"><name xml:lang=\"en\">R</name>\n"
			"      <criterion level=\"1\"><text xml:lang=\"en\">X</text></criterion>\n"
			"    </requirement>\n"
			"  </category>\n"
			"</criteria-set>\n";
		static const char nest[] =
			"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"s\" version=\"1\">\n"
			"  <title xml:lang=\"en\">T</title>\n"
			"  <level rank=\"1\" label=\"L\" method=\"self\" validity=\"P1Y\"/>\n"
			"  <category id=\"c\"><title xml:lang=\"en\">C</title>\n"
			"    <criterion id=\"x\" level=\"1\"><text xml:lang=\"en\">X</text></criterion>\n"
			"  </category>\n"
			"</criteria-set>\n";
		scsec_load_options *o = options_without_schema();
		scsec_diagnostics *d = NULL;
		scsec_criteria *c = NULL;
		const scsec_diagnostic *x;

		ck_ok(scsec_diagnostics_new(&d));
		ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, sizeof doc - 1, "noid.xml", o, d),
		                 SCSEC_ESCHEMA);
		x = find_diag(d, SCSEC_ESCHEMA, 6);
		ck_assert_ptr_nonnull(x);
		ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(x), "'id'"));
		scsec_diagnostics_clear(d);
		ck_assert_int_eq(scsec_criteria_load_memory(&c, nest, sizeof nest - 1, "nest.xml", o, d),
		                 SCSEC_ESCHEMA);
		ck_assert_ptr_nonnull(find_diag(d, SCSEC_ESCHEMA, 5));
		ck_assert_ptr_null(c);
		scsec_diagnostics_free(d);
		scsec_load_options_free(o);
	}
}
END_TEST

START_TEST(options_depth_limit_boundary)
{
	char path[4096];
	scsec_load_options *o = NULL;
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;

	/* minimal.xml nests five deep: criteria-set/category/requirement/criterion/text. */
	fixture_path(path, sizeof path, "minimal.xml");
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 5));
	ck_ok(scsec_criteria_load_file(&c, path, o, d));
	scsec_criteria_free(c);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 4));
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, o, d), SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(find_diag(d, SCSEC_ELIMIT, 12));
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(options_items_limit_boundary)
{
	char path[4096];
	scsec_load_options *o = NULL;
	scsec_criteria *c = NULL;

	/* minimal.xml holds nine elements. */
	fixture_path(path, sizeof path, "minimal.xml");
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 9));
	ck_ok(scsec_criteria_load_file(&c, path, o, NULL));
	scsec_criteria_free(c);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 8));
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, o, NULL), SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	scsec_load_options_free(o);
}
END_TEST

START_TEST(options_size_limits_boundary)
{
	char path[4096];
	scsec_load_options *o = NULL;
	scsec_criteria *c = NULL;
	size_t n;
	char *data = read_fixture("minimal.xml", &n);
	membuf z = gzipped_fixture("minimal.xml");

	fixture_path(path, sizeof path, "minimal.xml");
	ck_ok(scsec_load_options_new(&o));
	/* File size: exactly the file passes, a byte less does not. */
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, n));
	ck_ok(scsec_criteria_load_file(&c, path, o, NULL));
	scsec_criteria_free(c);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, n - 1));
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, o, NULL), SCSEC_ELIMIT);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 64u << 20));
	/* Document size, plain and decompressed. */
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, n));
	ck_ok(scsec_criteria_load_memory(&c, data, n, "m.xml", o, NULL));
	scsec_criteria_free(c);
	ck_ok(scsec_criteria_load_memory(&c, z.p, z.len, "m.xml.gz", o, NULL));
	scsec_criteria_free(c);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, n - 1));
	ck_assert_int_eq(scsec_criteria_load_memory(&c, data, n, "m.xml", o, NULL), SCSEC_ELIMIT);
	ck_assert_int_eq(scsec_criteria_load_memory(&c, z.p, z.len, "m.xml.gz", o, NULL),
	                 SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	mb_free(&z);
	scsec_load_options_free(o);
	free(data);
}
END_TEST

/* criteria-set > @p n nested categories > requirement > criterion > text:
 * n + 4 elements deep. */
static char *nested_categories(int n, size_t *len)
{
	membuf b = { 0 };
	char line[160];
	int i, w;

	w = snprintf(line, sizeof line, "%s\n  <title xml:lang=\"en\">Deep</title>\n"
	             "  <level rank=\"1\" label=\"L\" method=\"self\" validity=\"P1Y\"/>\n",
	             criteria_head);
	mb_put(&b, line, (size_t)w);
	for (i = 0; i < n; i++) {
		w = snprintf(line, sizeof line, "<category id=\"c%d\"%s><title xml:lang=\"en\">C</title>\n",
		             i, i ? "" : " function=\"RS\"");
		mb_put(&b, line, (size_t)w);
	}
	w = snprintf(line, sizeof line, "<requirement id=\"r\"><name xml:lang=\"en\">R</name>"
	             "<criterion id=\"x\" level=\"1\"><text xml:lang=\"en\">X</text></criterion>"
	             "</requirement>\n");
	mb_put(&b, line, (size_t)w);
	for (i = 0; i < n; i++)
		mb_put(&b, "</category>\n", 12);
	mb_put(&b, "</criteria-set>\n", 17);
	*len = b.len - 1;
	return (char *)b.p;
}

START_TEST(options_depth_256_deep_categories)
{
	scsec_load_options *o = NULL;
	scsec_criteria *c = NULL, *back = NULL;
	char *doc, *w, id[16];
	size_t len, n;

	/* 250 categories: 254 deep, within the highest depth limit (256)
	 * and within libxml2's own. */
	doc = nested_categories(250, &len);
	ck_ok(scsec_load_options_new(&o));
	ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, len, "deep.xml", NULL, NULL),
	                 SCSEC_ELIMIT);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 256));
	ck_ok(scsec_criteria_load_memory(&c, doc, len, "deep.xml", o, NULL));
	snprintf(id, sizeof id, "c%d", 249);
	ck_assert_int_eq(scsec_category_depth(scsec_criteria_category(c, id)), 249);
	ck_assert_int_eq(scsec_criterion_function(scsec_criteria_criterion(c, "x")),
	                 SCSEC_FUNCTION_RS);
	ck_assert_ptr_eq(scsec_requirement_category(scsec_criteria_requirement(c, "r")),
	                 scsec_criteria_category(c, id));
	w = written(c, &n);
	ck_ok(scsec_criteria_load_memory(&back, w, n, "deep-rewritten.xml", o, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(back), scsec_criteria_fingerprint(c));
	scsec_criteria_free(back);
	scsec_criteria_free(c);
	scsec_free(w);
	free(doc);
	/* One more and it is too deep, for the limit of 256 too. */
	doc = nested_categories(253, &len);
	c = (scsec_criteria *)&c;
	ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, len, "deeper.xml", o, NULL), SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	free(doc);
	scsec_load_options_free(o);
}
END_TEST

/* =================================================================== args */

START_TEST(args_load_null)
{
	char path[4096];
	scsec_criteria *c = (scsec_criteria *)&c;
	static const char doc[] = "<x/>";

	fixture_path(path, sizeof path, "minimal.xml");
	ck_assert_int_eq(scsec_criteria_load_file(NULL, path, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_load_file(&c, NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_load_memory(NULL, doc, 4, NULL, NULL, NULL), SCSEC_EINVAL);
	c = (scsec_criteria *)&c;
	ck_assert_int_eq(scsec_criteria_load_memory(&c, NULL, 4, NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_criteria_builtin(NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_builtin(NULL, "no-such-set"), SCSEC_EINVAL);
	scsec_criteria_free(NULL);
}
END_TEST

START_TEST(args_memory_name_defaults)
{
	static const char doc[] = "<criteria-set xmlns=\"urn:scsec:criteria:2\"/>";
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;

	/* With no name, messages still carry one. */
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_load_memory(&c, doc, sizeof doc - 1, NULL, NULL, d),
	                 SCSEC_EVERSION);
	ck_assert_ptr_nonnull(scsec_error_file(scsec_error_last()));
	ck_assert_ptr_nonnull(scsec_diagnostic_file(scsec_diagnostics_at(d, 0)));
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(args_write_null)
{
	char *dir = test_tmpdir_new("check_criteria"), path[4200];
	scsec_criteria *c = load_fixture_ok("minimal.xml", NULL);
	char *s = (char *)&s;
	size_t n = 0;

	snprintf(path, sizeof path, "%s/set.xml", dir);
	ck_assert_int_eq(scsec_criteria_write_memory(NULL, &n, c), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_write_memory(&s, &n, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(s);
	/* The size is optional. */
	ck_ok(scsec_criteria_write_memory(&s, NULL, c));
	ck_assert_ptr_nonnull(s);
	scsec_free(s);
	scsec_free(NULL);
	ck_assert_int_eq(scsec_criteria_write_file(NULL, path, SCSEC_WRITE_DEFAULT), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_write_file(c, NULL, SCSEC_WRITE_DEFAULT), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_write_file(c, "", SCSEC_WRITE_DEFAULT), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_write_file(c, path, 2), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_write_file(c, path, ~0u), SCSEC_EINVAL);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 0);
	scsec_criteria_free(c);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(args_getters_on_null)
{
	const char *fw = "x";

	ck_assert_ptr_null(scsec_criteria_fingerprint(NULL));
	ck_assert_ptr_null(scsec_criteria_id(NULL));
	ck_assert_ptr_null(scsec_criteria_version(NULL));
	ck_assert_ptr_null(scsec_criteria_title(NULL, NULL));
	ck_assert_ptr_null(scsec_criteria_title(NULL, "ja"));
	ck_assert_ptr_null(scsec_criteria_description(NULL, NULL));
	ck_assert_ptr_null(scsec_criteria_publisher(NULL));
	ck_assert_int_eq(scsec_criteria_issued(NULL), SCSEC_DATE_NONE);
	ck_assert_ptr_null(scsec_criteria_source(NULL));
	ck_assert_ptr_null(scsec_criteria_source_uri(NULL));
	ck_assert_int_eq(scsec_criteria_scoring(NULL), SCSEC_SCORING_ALL_REQUIRED);
	ck_assert_uint_eq(scsec_criteria_level_count(NULL), 0);
	ck_assert_ptr_null(scsec_criteria_level_at(NULL, 0));
	ck_assert_ptr_null(scsec_criteria_level_by_rank(NULL, 3));
	ck_assert_int_eq(scsec_level_rank(NULL), 0);
	ck_assert_ptr_null(scsec_level_label(NULL));
	ck_assert_ptr_null(scsec_level_title(NULL, NULL));
	ck_assert_int_eq(scsec_level_method(NULL), SCSEC_METHOD_NONE);
	ck_assert_ptr_null(scsec_level_validity(NULL));
	ck_assert_int_eq(scsec_level_validity_provisional(NULL), 0);
	ck_assert_int_eq(scsec_level_requires_lower(NULL), 0);
	ck_assert_uint_eq(scsec_level_prerequisite_count(NULL), 0);
	ck_assert_ptr_null(scsec_level_prerequisite_at(NULL, 0));
	ck_assert_uint_eq(scsec_level_criterion_count(NULL), 0);
	ck_assert_uint_eq(scsec_level_requirement_count(NULL), 0);
	ck_assert_uint_eq(scsec_criteria_prerequisite_count(NULL), 0);
	ck_assert_ptr_null(scsec_criteria_prerequisite_at(NULL, 0));
	ck_assert_ptr_null(scsec_criteria_prerequisite(NULL, "management-pledge"));
	ck_assert_ptr_null(scsec_prerequisite_id(NULL));
	ck_assert_ptr_null(scsec_prerequisite_title(NULL, NULL));
	ck_assert_uint_eq(scsec_criteria_category_count(NULL), 0);
	ck_assert_ptr_null(scsec_criteria_category_at(NULL, 0));
	ck_assert_ptr_null(scsec_criteria_category(NULL, "1"));
	ck_assert_ptr_null(scsec_category_id(NULL));
	ck_assert_ptr_null(scsec_category_title(NULL, NULL));
	ck_assert_ptr_null(scsec_category_parent(NULL));
	ck_assert_int_eq(scsec_category_depth(NULL), 0);
	ck_assert_int_eq(scsec_category_function(NULL), SCSEC_FUNCTION_NONE);
	ck_assert_uint_eq(scsec_criteria_requirement_count(NULL), 0);
	ck_assert_ptr_null(scsec_criteria_requirement_at(NULL, 0));
	ck_assert_ptr_null(scsec_criteria_requirement(NULL, "1-1-1"));
	ck_assert_ptr_null(scsec_requirement_id(NULL));
	ck_assert_ptr_null(scsec_requirement_name(NULL, NULL));
	ck_assert_ptr_null(scsec_requirement_text(NULL, NULL));
	ck_assert_ptr_null(scsec_requirement_category(NULL));
	ck_assert_uint_eq(scsec_requirement_criterion_count(NULL), 0);
	ck_assert_ptr_null(scsec_requirement_criterion_at(NULL, 0));
	ck_assert_uint_eq(scsec_criteria_criterion_count(NULL), 0);
	ck_assert_ptr_null(scsec_criteria_criterion_at(NULL, 0));
	ck_assert_ptr_null(scsec_criteria_criterion(NULL, "1-1-1-1"));
	ck_assert_ptr_null(scsec_criterion_id(NULL));
	ck_assert_ptr_null(scsec_criterion_text(NULL, NULL));
	ck_assert_ptr_null(scsec_criterion_requirement(NULL));
	ck_assert_int_eq(scsec_criterion_function(NULL), SCSEC_FUNCTION_NONE);
	ck_assert_int_eq(scsec_criterion_min_level(NULL), 0);
	ck_assert_int_eq(scsec_criterion_applies_at(NULL, 3), 0);
	ck_assert_int_eq(scsec_criterion_na_allowed(NULL), 0);
	ck_assert_int_eq(scsec_criterion_weight(NULL), 0);
	ck_assert_int_eq(scsec_criterion_poam_eligible(NULL), 0);
	ck_assert_uint_eq(scsec_criterion_reference_count(NULL), 0);
	ck_assert_int_eq(scsec_criterion_reference_get(&fw, NULL, NULL, 0), SCSEC_EINVAL);
	ck_assert_str_eq(fw, "x");
	ck_assert_ptr_null(scsec_criteria_framework_title(NULL, "iso27001"));
	ck_assert_uint_eq(scsec_criteria_question_count(NULL), 0);
	ck_assert_ptr_null(scsec_criteria_question_at(NULL, 0));
	ck_assert_ptr_null(scsec_criteria_question(NULL, "outage-impact"));
	ck_assert_ptr_null(scsec_question_id(NULL));
	ck_assert_ptr_null(scsec_question_text(NULL, NULL));
	ck_assert_int_eq(scsec_question_level_if_yes(NULL), 0);
	ck_assert_int_eq(scsec_criteria_required_default(NULL), 0);
}
END_TEST

START_TEST(args_lookups_with_null_id)
{
	scsec_criteria *c = builtin_ok();

	ck_assert_ptr_null(scsec_criteria_criterion(c, NULL));
	ck_assert_ptr_null(scsec_criteria_requirement(c, NULL));
	ck_assert_ptr_null(scsec_criteria_category(c, NULL));
	ck_assert_ptr_null(scsec_criteria_prerequisite(c, NULL));
	ck_assert_ptr_null(scsec_criteria_question(c, NULL));
	ck_assert_ptr_null(scsec_criteria_framework_title(c, NULL));
	ck_assert_ptr_null(scsec_criteria_level_at(c, SIZE_MAX));
	ck_assert_ptr_null(scsec_criteria_criterion_at(c, SIZE_MAX));
	ck_assert_int_eq(scsec_criterion_reference_get(NULL, NULL, scsec_criteria_criterion(c, "1-1-1-1"), SIZE_MAX),
	                 SCSEC_EINVAL);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(args_missing_file)
{
	char path[4096];
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = (scsec_criteria *)&c;
	const scsec_diagnostic *x;

	fixture_path(path, sizeof path, "no-such-file.xml");
	ck_ok(scsec_diagnostics_new(&d));
	scsec_error_clear();
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, NULL, d), SCSEC_EIO);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EIO);
	ck_assert_ptr_nonnull(scsec_error_file(scsec_error_last()));
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
	x = find_diag(d, SCSEC_EIO, 0);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(scsec_diagnostic_file(x), path);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(args_directory_is_not_a_file)
{
	char path[4096];
	scsec_criteria *c = (scsec_criteria *)&c;

	test_srcpath(path, sizeof path, "tests/data/criteria");
	ck_assert_int_eq(scsec_criteria_load_file(&c, path, NULL, NULL), SCSEC_EIO);
	ck_assert_ptr_null(c);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
}
END_TEST

/* ================================================================ threads */

#define NTHREADS 8
#define ROUNDS 1000

static uint64_t mix_str(uint64_t h, const char *s)
{
	if (!s)
		return (h ^ 0xffu) * 1099511628211ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h ^ 0xfeu) * 1099511628211ULL;
}

static uint64_t mix_num(uint64_t h, uint64_t v)
{
	return (h ^ v) * 1099511628211ULL;
}

/* Everything a reader would do with a set, folded into one number. */
static uint64_t walk_set(const scsec_criteria *c)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i, n = scsec_criteria_criterion_count(c);

	for (i = 0; i < n; i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		const char *id = scsec_criterion_id(cr);
		const scsec_requirement *r = scsec_criterion_requirement(cr);
		const char *fw = NULL, *clauses = NULL;

		h = mix_str(h, id);
		h = mix_str(h, scsec_criterion_text(cr, "ja"));
		h = mix_num(h, scsec_criteria_criterion(c, id) == cr);
		h = mix_num(h, scsec_criteria_requirement(c, scsec_requirement_id(r)) == r);
		h = mix_str(h, scsec_category_id(scsec_requirement_category(r)));
		h = mix_num(h, (uint64_t)scsec_criterion_function(cr));
		h = mix_num(h, (uint64_t)(scsec_criterion_applies_at(cr, 3) * 2 +
		                          scsec_criterion_applies_at(cr, 4)));
		h = mix_num(h, scsec_criterion_reference_count(cr));
		if (scsec_criterion_reference_get(&fw, &clauses, cr, 0) == 0)
			h = mix_str(mix_str(h, fw), clauses);
	}
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);

		h = mix_num(h, (uint64_t)scsec_level_rank(l));
		h = mix_num(h, scsec_level_criterion_count(l));
		h = mix_num(h, scsec_level_requirement_count(l));
		h = mix_str(h, scsec_level_title(l, "ja"));
	}
	h = mix_str(h, scsec_category_id(scsec_category_parent(
	                       scsec_requirement_category(scsec_criteria_requirement(c, "4-4-4")))));
	h = mix_str(h, scsec_question_text(scsec_criteria_question(c, "system-access"), NULL));
	h = mix_str(h, scsec_criteria_title(c, "ja"));
	h = mix_str(h, scsec_criteria_fingerprint(c));
	return h;
}

typedef struct walker {
	const scsec_criteria *c;
	uint64_t expect;
	unsigned long mismatches;
	int failures;
} walker;

static void *walk_thread(void *arg)
{
	walker *w = arg;
	int i;

	for (i = 0; i < ROUNDS; i++)
		if (walk_set(w->c) != w->expect)
			w->mismatches++;
	return NULL;
}

START_TEST(threads_share_one_set)
{
	scsec_criteria *c = builtin_ok();
	pthread_t t[NTHREADS];
	walker w[NTHREADS];
	uint64_t expect = walk_set(c);
	int i;

	ck_assert_uint_eq(walk_set(c), expect);
	for (i = 0; i < NTHREADS; i++) {
		w[i].c = c;
		w[i].expect = expect;
		w[i].mismatches = 0;
		ck_assert_int_eq(pthread_create(&t[i], NULL, walk_thread, &w[i]), 0);
	}
	for (i = 0; i < NTHREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	for (i = 0; i < NTHREADS; i++)
		ck_assert_msg(w[i].mismatches == 0, "thread %d: %lu different walks", i, w[i].mismatches);
	ck_assert_uint_eq(walk_set(c), expect);
	scsec_criteria_free(c);
}
END_TEST

static void *builtin_thread(void *arg)
{
	walker *w = arg;
	int i;

	for (i = 0; i < 200; i++) {
		scsec_criteria *c = NULL;

		if (scsec_criteria_builtin(&c, NULL) || !c ||
		    strcmp(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(w->c)) ||
		    !scsec_criteria_criterion(c, "4-4-4-2"))
			w->failures++;
		scsec_criteria_free(c);
	}
	return NULL;
}

START_TEST(threads_builtin_concurrently)
{
	scsec_criteria *c = builtin_ok();
	pthread_t t[NTHREADS];
	walker w[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].c = c;
		ck_assert_int_eq(pthread_create(&t[i], NULL, builtin_thread, &w[i]), 0);
	}
	for (i = 0; i < NTHREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	for (i = 0; i < NTHREADS; i++)
		ck_assert_int_eq(w[i].failures, 0);
	/* The caller's handle outlived every other. */
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 153);
	scsec_criteria_free(c);
}
END_TEST

static void *load_thread(void *arg)
{
	walker *w = arg;
	char path[4096];
	int i;

	fixture_path(path, sizeof path, "prerequisites.xml");
	for (i = 0; i < 20; i++) {
		scsec_criteria *c = NULL;
		scsec_criteria *bad = NULL;
		char bad_path[4096];

		if (scsec_criteria_load_file(&c, path, NULL, NULL) ||
		    strcmp(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(w->c)))
			w->failures++;
		scsec_criteria_free(c);
		/* Failures are reported to the failing thread only. */
		fixture_path(bad_path, sizeof bad_path, "bad-duplicate-criterion.xml");
		if (scsec_criteria_load_file(&bad, bad_path, NULL, NULL) != SCSEC_EINVALID ||
		    scsec_error_code(scsec_error_last()) != SCSEC_EINVALID ||
		    !scsec_error_file(scsec_error_last()) ||
		    strcmp(scsec_error_file(scsec_error_last()), bad_path))
			w->failures++;
	}
	return NULL;
}

START_TEST(threads_load_concurrently)
{
	scsec_criteria *ref = load_fixture_ok("prerequisites.xml", NULL);
	pthread_t t[NTHREADS];
	walker w[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].c = ref;
		ck_assert_int_eq(pthread_create(&t[i], NULL, load_thread, &w[i]), 0);
	}
	for (i = 0; i < NTHREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	for (i = 0; i < NTHREADS; i++)
		ck_assert_int_eq(w[i].failures, 0);
	scsec_criteria_free(ref);
}
END_TEST

/* ================================================================== suite */


START_TEST(options_sheet)
{
	scsec_load_options *o = NULL;
	char big[300];

	ck_ok(scsec_load_options_new(&o));
	ck_assert_ptr_null(scsec_load_options_sheet(o));
	ck_assert_ptr_null(scsec_load_options_sheet(NULL));
	ck_ok(scsec_load_options_set_sheet(o, "回答"));
	ck_assert_str_eq(scsec_load_options_sheet(o), "回答");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(scsec_load_options_set_sheet(o, big), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set_sheet(o, "bad\xff"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_load_options_set_sheet(NULL, "x"), SCSEC_EINVAL);
	ck_assert_str_eq(scsec_load_options_sheet(o), "回答"); /* kept by the refusals */
	big[255] = '\0';
	ck_ok(scsec_load_options_set_sheet(o, big));
	ck_assert_uint_eq(strlen(scsec_load_options_sheet(o)), 255);
	ck_ok(scsec_load_options_set_sheet(o, ""));
	ck_assert_ptr_null(scsec_load_options_sheet(o));
	ck_ok(scsec_load_options_set_sheet(o, "a"));
	ck_ok(scsec_load_options_set_sheet(o, NULL));
	ck_assert_ptr_null(scsec_load_options_sheet(o));
	scsec_load_options_free(o);
}
END_TEST

/* ------------------------------------------------------------ answer marks */

/* A set with answer marks, from the minimal fixture. */
static char *marks_doc(const char *marks)
{
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"t-marks\" version=\"1\">\n"
		"  <title xml:lang=\"en\">Marks</title>\n";
	static const char tail[] =
		"  <level rank=\"1\" label=\"L1\" method=\"self\" validity=\"P1Y\"/>\n"
		"  <category id=\"c1\"><title xml:lang=\"en\">C</title>\n"
		"    <requirement id=\"r1\"><name xml:lang=\"en\">R</name>\n"
		"      <criterion id=\"x1\" level=\"1\"><text xml:lang=\"en\">X.</text></criterion>\n"
		"    </requirement>\n  </category>\n</criteria-set>\n";
	size_t n = strlen(head) + strlen(marks) + strlen(tail) + 1;
	char *d = malloc(n);

	ck_assert_ptr_nonnull(d);
	snprintf(d, n, "%s%s%s", head, marks, tail);
	return d;
}

static int load_marks(scsec_criteria **c, const char *marks, int schema, scsec_diagnostics *diags)
{
	char *d = marks_doc(marks);
	scsec_load_options *o = NULL;
	int rc;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION,
	                             schema ? SCSEC_SCHEMA_ALWAYS : SCSEC_SCHEMA_NEVER));
	rc = scsec_criteria_load_memory(c, d, strlen(d), "marks.xml", o, diags);
	scsec_load_options_free(o);
	free(d);
	return rc;
}

START_TEST(marks_builtin_meti)
{
	scsec_criteria *c = builtin_ok();
	static const struct { const char *mark; scsec_status st; } want[] = {
		{ "○", SCSEC_STATUS_MET },           { "△", SCSEC_STATUS_PARTIAL },
		{ "✖", SCSEC_STATUS_NOT_MET },       { "×", SCSEC_STATUS_NOT_MET },
		{ "✕", SCSEC_STATUS_NOT_MET },       { "－", SCSEC_STATUS_NOT_APPLICABLE },
		{ "対象外", SCSEC_STATUS_NOT_APPLICABLE }, { "達成", SCSEC_STATUS_MET },
		{ "一部達成", SCSEC_STATUS_PARTIAL }, { "未達成", SCSEC_STATUS_NOT_MET },
		/* the names, whatever the set says */
		{ "met", SCSEC_STATUS_MET },         { "not-applicable", SCSEC_STATUS_NOT_APPLICABLE },
		{ "該当なし", SCSEC_STATUS_NOT_APPLICABLE }, { "一部実施", SCSEC_STATUS_PARTIAL },
		{ "", SCSEC_STATUS_NONE },
	};
	scsec_status st;
	const char *text;
	size_t i, n;

	ck_assert(scsec_criteria_answer_marks_provisional(c));
	n = scsec_criteria_answer_mark_count(c);
	ck_assert_uint_ge(n, 10);
	for (i = 0; i < sizeof want / sizeof *want; i++) {
		st = SCSEC_STATUS_NONE;
		ck_assert_msg(scsec_criteria_status_parse(&st, c, want[i].mark) == 0, "%s", want[i].mark);
		ck_assert_msg(st == want[i].st, "%s: %d", want[i].mark, (int)st);
	}
	for (i = 0; i < n; i++) {
		ck_ok(scsec_criteria_answer_mark_at(c, i, &text, &st));
		ck_assert(st >= SCSEC_STATUS_MET && st <= SCSEC_STATUS_NOT_APPLICABLE);
		ck_assert_int_eq(scsec_criteria_status_parse(&st, c, text), 0);
	}
	/* outside the set's marks: refused, and the plain parser knows no marks */
	ck_assert_int_eq(scsec_criteria_status_parse(&st, c, "◎"), SCSEC_EINVAL);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "answer marks"));
	ck_assert_int_eq(scsec_status_parse(&st, "○"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_answer_mark_at(c, n, &text, &st), SCSEC_EINVAL);
	ck_ok(scsec_criteria_answer_mark_at(c, 0, NULL, NULL));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(marks_read_written_fingerprinted)
{
	scsec_criteria *c = NULL, *plain = load_fixture_ok("minimal.xml", NULL), *other = NULL;
	scsec_status st;
	const char *text;
	int schema;

	for (schema = 0; schema < 2; schema++) {
		ck_ok(load_marks(&c,
		                 "  <answer-marks provisional=\"true\">\n"
		                 "    <mark status=\"met\">\u3000 ◎ </mark>\n"
		                 "    <mark status=\"not-applicable\">N/A</mark>\n"
		                 "  </answer-marks>\n",
		                 schema, NULL));
		ck_assert_uint_eq(scsec_criteria_answer_mark_count(c), 2);
		ck_assert(scsec_criteria_answer_marks_provisional(c));
		ck_ok(scsec_criteria_answer_mark_at(c, 0, &text, &st));
		ck_assert_str_eq(text, "◎"); /* trimmed */
		ck_assert_int_eq(st, SCSEC_STATUS_MET);
		ck_ok(scsec_criteria_status_parse(&st, c, "N/A"));
		ck_assert_int_eq(st, SCSEC_STATUS_NOT_APPLICABLE);
		check_canonical(c, "marks");
		/* the marks are part of the identity */
		ck_ok(load_marks(&other,
		                 "  <answer-marks provisional=\"true\">\n"
		                 "    <mark status=\"partial\">◎</mark>\n"
		                 "    <mark status=\"not-applicable\">N/A</mark>\n"
		                 "  </answer-marks>\n",
		                 schema, NULL));
		ck_assert_str_ne(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(other));
		scsec_criteria_free(other);
		other = NULL;
		ck_ok(load_marks(&other, "", schema, NULL));
		ck_assert_uint_eq(scsec_criteria_answer_mark_count(other), 0);
		ck_assert(!scsec_criteria_answer_marks_provisional(other));
		ck_assert_int_eq(scsec_criteria_status_parse(&st, other, "◎"), SCSEC_EINVAL);
		scsec_criteria_free(other);
		other = NULL;
		scsec_criteria_free(c);
		c = NULL;
	}
	/* a set without the element: none, and its canonical form has none */
	ck_assert_uint_eq(scsec_criteria_answer_mark_count(plain), 0);
	{
		size_t n;
		char *w = written(plain, &n);

		ck_assert_ptr_null(strstr(w, "answer-marks"));
		scsec_free(w);
	}
	scsec_criteria_free(plain);
	ck_assert_uint_eq(scsec_criteria_answer_mark_count(NULL), 0);
	ck_assert(!scsec_criteria_answer_marks_provisional(NULL));
	ck_assert_int_eq(scsec_criteria_answer_mark_at(NULL, 0, &text, &st), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_status_parse(NULL, plain, "met"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_status_parse(&st, NULL, "met"), SCSEC_EINVAL);
}
END_TEST

START_TEST(marks_bad_refused)
{
	static const struct { const char *marks; const char *why; } bad[] = {
		{ "  <answer-marks><mark status=\"met\">○</mark><mark status=\"partial\">○</mark>"
		  "</answer-marks>\n", "given twice" },
		{ "  <answer-marks><mark status=\"missing\">○</mark></answer-marks>\n", "status" },
		{ "  <answer-marks><mark status=\"met\">  </mark></answer-marks>\n", "mark" },
		{ "  <answer-marks><mark status=\"not-met\">met</mark></answer-marks>\n",
		  "status token" },
		{ "  <answer-marks><mark>○</mark></answer-marks>\n", "status" },
		{ "  <answer-marks/>\n", "mark" },
	};
	size_t i;
	int schema;

	for (schema = 0; schema < 2; schema++)
		for (i = 0; i < sizeof bad / sizeof *bad; i++) {
			scsec_criteria *c = NULL;
			scsec_diagnostics *d = NULL;
			int rc;

			ck_ok(scsec_diagnostics_new(&d));
			rc = load_marks(&c, bad[i].marks, schema, d);
			ck_assert_msg(rc != 0, "case %zu (schema %d) loaded", i, schema);
			ck_assert_ptr_null(c);
			ck_assert_msg(scsec_diagnostics_count(d) > 0, "case %zu: no diagnostic", i);
			ck_assert_msg(strstr(diag_dump(d), bad[i].why), "case %zu (schema %d): %s", i,
			              schema, diag_dump(d));
			scsec_diagnostics_free(d);
		}
}
END_TEST

static Suite *criteria_suite(void)
{
	Suite *s = suite_create("criteria");
	TCase *tc;

	tc = tcase_create("builtin");
	tcase_add_test(tc, builtin_lists_default_set);
	tcase_add_test(tc, builtin_unknown_id_not_found);
	tcase_add_test(tc, builtin_identity);
	tcase_add_test(tc, builtin_levels);
	tcase_add_test(tc, builtin_prerequisites);
	tcase_add_test(tc, builtin_categories);
	tcase_add_test(tc, builtin_lookup_both_directions);
	tcase_add_test(tc, builtin_every_object_indexed);
	tcase_add_test(tc, builtin_applies_at);
	tcase_add_test(tc, builtin_references);
	tcase_add_test(tc, builtin_required_level_questions);
	tcase_add_test(tc, builtin_handles_are_independent);
	tcase_add_test(tc, builtin_matches_its_source_file);
	tcase_add_test(tc, tokens_method_and_function);
	suite_add_tcase(s, tc);

	tc = tcase_create("canonical");
	tcase_add_test(tc, sha256_reference_vectors);
	tcase_add_test(tc, canonical_builtin_roundtrip);
	tcase_add_test(tc, canonical_fixtures_roundtrip);
	tcase_add_test(tc, canonical_form_shape);
	tcase_add_test(tc, canonical_noncanonical_input_normalised);
	tcase_add_test(tc, fingerprint_stable_across_loads);
	tcase_add_test(tc, fingerprint_changes_with_one_character);
	tcase_add_test(tc, write_file_plain_and_gzip);
	tcase_add_test(tc, write_file_missing_directory);
	tcase_add_test(tc, write_file_replaces_atomically);
	tcase_add_test(tc, write_file_failure_keeps_old_file_readonly_dir);
	tcase_add_test(tc, write_file_failure_keeps_old_file_size_limit);
	tcase_add_test(tc, write_file_onto_directory_fails_cleanly);
	suite_add_tcase(s, tc);

	tc = tcase_create("fixtures");
	tcase_add_test(tc, fixture_minimal);
	tcase_add_test(tc, fixture_noncumulative_levels);
	tcase_add_test(tc, fixture_points_scoring);
	tcase_add_test(tc, fixture_deductions_scoring);
	tcase_add_test(tc, fixture_prerequisites_and_requires_lower);
	tcase_add_test(tc, fixture_noncanonical_values);
	tcase_add_test(tc, fixture_nested_categories);
	tcase_add_test(tc, fixture_ampersand_in_attributes);
	tcase_add_test(tc, fixture_utf8_bom_accepted);
	suite_add_tcase(s, tc);

	tc = tcase_create("semantic");
	tcase_add_test(tc, semantic_duplicate_criterion_id);
	tcase_add_test(tc, semantic_duplicate_id_across_kinds);
	tcase_add_test(tc, semantic_duplicate_framework_id);
	tcase_add_test(tc, semantic_duplicate_question_id);
	tcase_add_test(tc, semantic_duplicate_language);
	tcase_add_test(tc, semantic_duplicate_level_rank);
	tcase_add_test(tc, semantic_criterion_undefined_level);
	tcase_add_test(tc, semantic_levels_list_undefined_rank);
	tcase_add_test(tc, semantic_level_and_levels_both_given);
	tcase_add_test(tc, semantic_requires_unknown_prerequisite);
	tcase_add_test(tc, semantic_ref_undeclared_framework);
	tcase_add_test(tc, semantic_question_level_undefined);
	tcase_add_test(tc, semantic_required_default_undefined);
	tcase_add_test(tc, semantic_required_default_without_questions_located);
	tcase_add_test(tc, semantic_requires_lower_on_lowest_level);
	tcase_add_test(tc, semantic_level_without_criteria_or_prerequisites);
	tcase_add_test(tc, semantic_zero_validity);
	tcase_add_test(tc, semantic_malformed_validity);
	tcase_add_test(tc, semantic_issued_impossible_date);
	tcase_add_test(tc, semantic_date_messages_not_garbled);
	tcase_add_test(tc, semantic_title_without_lang);
	tcase_add_test(tc, semantic_points_model_without_points);
	tcase_add_test(tc, semantic_deductions_without_max);
	tcase_add_test(tc, semantic_deductions_floor_above_max);
	tcase_add_test(tc, semantic_scoring_level_undefined);
	tcase_add_test(tc, semantic_duplicate_band);
	tcase_add_test(tc, semantic_requirement_without_criteria);
	tcase_add_test(tc, semantic_unexpected_element);
	tcase_add_test(tc, semantic_many_problems_all_reported);
	tcase_add_test(tc, semantic_too_many_levels);
	tcase_add_test(tc, semantic_level_method_english_only);
	tcase_add_test(tc, semantic_several_schema_errors_reported);
	tcase_add_test(tc, semantic_failure_leaves_diagnostics_appended);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, hostile_billion_laughs);
	tcase_add_test(tc, hostile_refused_doctype_leaks_nothing);
	tcase_add_test(tc, hostile_external_entity);
	tcase_add_test(tc, hostile_external_dtd);
	tcase_add_test(tc, hostile_parameter_entity);
	tcase_add_test(tc, hostile_deep_nesting);
	tcase_add_test(tc, bomb_generator_makes_valid_gzip);
	tcase_add_test(tc, hostile_gzip_bomb);
	tcase_add_test(tc, hostile_gzip_bomb_low_document_limit);
	tcase_add_test(tc, hostile_gzip_bomb_variants);
	tcase_add_test(tc, hostile_source_errors_have_messages);
	tcase_add_test(tc, hostile_long_text);
	tcase_add_test(tc, hostile_gzip_truncated);
	tcase_add_test(tc, hostile_gzip_trailing_garbage);
	tcase_add_test(tc, hostile_gzip_bad_checksum);
	tcase_add_test(tc, gzip_concatenated_members_load);
	tcase_add_test(tc, hostile_file_over_size_limit);
	tcase_add_test(tc, hostile_document_over_size_limit);
	tcase_add_test(tc, hostile_utf16_document);
	tcase_add_test(tc, hostile_declared_other_encoding);
	tcase_add_test(tc, hostile_invalid_utf8);
	tcase_add_test(tc, hostile_undefined_entity);
	tcase_add_test(tc, hostile_not_well_formed_located);
	tcase_add_test(tc, hostile_empty_input);
	tcase_add_test(tc, hostile_endless_device);
	tcase_add_test(tc, hostile_wrong_root);
	tcase_add_test(tc, hostile_evidence_document);
	suite_add_tcase(s, tc);

	tc = tcase_create("options");
	tcase_add_test(tc, options_defaults);
	tcase_add_test(tc, options_sheet);
	tcase_add_test(tc, options_set_and_get);
	tcase_add_test(tc, options_invalid_values);
	tcase_add_test(tc, options_null_means_defaults);
	tcase_add_test(tc, options_schema_off_same_result);
	tcase_add_test(tc, options_schema_off_still_checks_structure);
	tcase_add_test(tc, options_depth_limit_boundary);
	tcase_add_test(tc, options_items_limit_boundary);
	tcase_add_test(tc, options_size_limits_boundary);
	tcase_add_test(tc, options_depth_256_deep_categories);
	suite_add_tcase(s, tc);

	tc = tcase_create("marks");
	tcase_add_test(tc, marks_builtin_meti);
	tcase_add_test(tc, marks_read_written_fingerprinted);
	tcase_add_test(tc, marks_bad_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("args");
	tcase_add_test(tc, args_load_null);
	tcase_add_test(tc, args_memory_name_defaults);
	tcase_add_test(tc, args_write_null);
	tcase_add_test(tc, args_getters_on_null);
	tcase_add_test(tc, args_lookups_with_null_id);
	tcase_add_test(tc, args_missing_file);
	tcase_add_test(tc, args_directory_is_not_a_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("threads");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, threads_share_one_set);
	tcase_add_test(tc, threads_builtin_concurrently);
	tcase_add_test(tc, threads_load_concurrently);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(criteria_suite());
}
