/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Allocation failure. With scsec_set_allocator(), a counting allocator makes
 * the n-th allocation fail, for n = 1, 2, 3, ..., while a scenario loads,
 * checks, evaluates and serialises; each run stops at the first call that
 * fails, frees everything it holds, and continues with n + 1 until a run
 * completes without an injected failure. For every run:
 *
 * - the call that fails returns SCSEC_ENOMEM (the failure was injected
 *   during that very call), records it as the thread's last error and
 *   leaves its out-parameter NULL; a call that fails with no allocation
 *   failed, or with another code, is a bug;
 * - nothing leaks: the allocator's count of live blocks is back where it
 *   was (allocations inside libxml2, zlib, libcrypto and libcsv do not go
 *   through the hooks: run the test under valgrind or ASan for those);
 * - nothing crashes (the allocator also aborts on a pointer it never
 *   handed out, or one freed twice);
 * - a run in which no failure was injected gives, byte for byte, the
 *   outputs (the final JSON included) of a reference run made before the
 *   allocator was armed; so does a run in which a call swallowed the
 *   failure and succeeded anyway, or that is reported.
 *
 * An "allocation" is every call of the malloc or realloc hook (growing a
 * buffer can fail as well as creating one); realloc(NULL, n) also counts as
 * a new live block.
 *
 * Two scenarios: the small set of tests/data/alloc/ with every n, and the
 * METI set of data/criteria/meti-sc-2026-03.xml (read with stdio: the
 * built-in set is cached for the life of the process, so the loop never
 * calls scsec_criteria_builtin(), and never passes NULL where that would
 * load it). The METI pass fails every n of the first `head` allocations
 * and of the first and last `edge` allocations of every call, then every
 * k-th, k chosen so that the pass makes about SCSEC_ALLOC_FAIL_SAMPLES runs
 * (while the scenario makes fewer allocations than that: every n).
 *
 * Each scenario is run twice over: with only the n-th allocation failing,
 * and with every allocation from the n-th on failing (so that the error
 * paths' own allocations, for messages and diagnostics, fail as well).
 *
 * Environment:
 *   SCSEC_ALLOC_FAIL_SAMPLES  target number of runs of the METI passes:
 *                             default 2500 (head 300, edge 4); 0 skips
 *                             them, "all" does every n. Slow mode ignores
 *                             it and samples both sets lightly: 150 runs
 *                             (head 50, no edges) each, 80 (head 30) for
 *                             the second passes
 *   SCSEC_ALLOC_FAIL_SLOW     1: slow mode, 0: not; by default slow mode is
 *                             on under valgrind (LD_PRELOAD names its
 *                             vgpreload library) and when CK_FORK=no (as
 *                             `make check-valgrind` sets)
 *   SCSEC_ALLOC_FAIL_N        only the run with allocation n failing, in
 *                             both scenarios (for debugging)
 *   SCSEC_ALLOC_FAIL_BACKTRACE  print a backtrace at each injected failure
 *                             (glibc; hidden functions as offsets: feed
 *                             them to addr2line -f -e lib/.libs/libscsec.so.1)
 *
 * A block the library leaks is reported by this test with the allocation
 * that made it, then dropped from the allocator's list so that valgrind and
 * LeakSanitizer report it too, with its stack. They remain the judges for
 * the memory of libxml2, zlib, libcrypto and libcsv, and for invalid
 * accesses. The test prints a line per pass and a summary (allocations
 * covered, failures injected, time), then every problem found.
 *
 * One test: the allocator is per process and can be set only once. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "testutil.h"

#if defined(__GLIBC__)
#include <execinfo.h>
#include <unistd.h>
#endif

/* ------------------------------------------------------------ allocator */

/* Each block starts with a header: the blocks alive are kept in a list, so
 * that a leak can be reported with the allocation that made the block. */
typedef union blk {
	struct {
		uint64_t magic;
		size_t size;
		union blk *prev, *next;
		unsigned long long index; /* the allocation that made it */
		unsigned long long run;   /* in which run */
		const char *step;         /* during which call */
	} h;
	max_align_t align;
} blk;

static blk live_list = { .h = { 0, 0, &live_list, &live_list, 0, 0, NULL } };

#define MAGIC_LIVE UINT64_C(0x5c5ec0a110c0b10c)
#define MAGIC_DEAD UINT64_C(0xdeadf4eedeadf4ee)

static struct {
	unsigned long long events;   /* allocations (malloc and realloc calls) this run */
	unsigned long long fail_at;  /* the allocation to fail; 0: none */
	unsigned long long injected; /* failures injected this run */
	const char *inject_step;     /* the call during which it was injected */
	long live;                   /* blocks alive */
	unsigned long long run;      /* runs so far */
	int sticky;                  /* every allocation from fail_at on fails */
	int backtrace;
} A;

static const char *cur_step = "(setup)";
static int tag;

static int inject(void)
{
	A.events++;
	if (!A.fail_at || A.events < A.fail_at || (A.events > A.fail_at && !A.sticky))
		return 0;
	if (!A.injected++)
		A.inject_step = cur_step;
#if defined(__GLIBC__)
	if (A.backtrace) {
		void *frames[64];
		int n = backtrace(frames, 64);

		fprintf(stderr, "check_alloc_fail: allocation %llu fails, in %s:\n", A.events, cur_step);
		backtrace_symbols_fd(frames, n, STDERR_FILENO);
	}
#endif
	return 1;
}

static void *raw_alloc(size_t size)
{
	blk *b;

	if (size > SIZE_MAX - sizeof *b)
		return NULL;
	b = malloc(sizeof *b + size);
	if (!b)
		return NULL;
	b->h.magic = MAGIC_LIVE;
	b->h.size = size;
	b->h.index = A.events;
	b->h.run = A.run;
	b->h.step = cur_step;
	b->h.prev = live_list.h.prev;
	b->h.next = &live_list;
	live_list.h.prev->h.next = b;
	live_list.h.prev = b;
	A.live++;
	return b + 1;
}

static blk *header_of(void *p, const char *what)
{
	blk *b = (blk *)p - 1;

	if (b->h.magic != MAGIC_LIVE) {
		fprintf(stderr,
		        "check_alloc_fail: %s of %p, which the allocator did not hand out or which "
		        "was already freed, during %s (allocation %llu failing)\n",
		        what, p, cur_step, A.fail_at);
		abort();
	}
	return b;
}

static void *t_malloc(size_t size, void *user)
{
	if (user != &tag) {
		fprintf(stderr, "check_alloc_fail: malloc hook called with the wrong user pointer\n");
		abort();
	}
	return inject() ? NULL : raw_alloc(size);
}

static void *t_realloc(void *p, size_t size, void *user)
{
	blk *b, *nb;

	if (user != &tag) {
		fprintf(stderr, "check_alloc_fail: realloc hook called with the wrong user pointer\n");
		abort();
	}
	if (inject())
		return NULL;
	if (!p)
		return raw_alloc(size);
	b = header_of(p, "realloc");
	if (size > SIZE_MAX - sizeof *b)
		return NULL;
	nb = malloc(sizeof *b + size);
	if (!nb)
		return NULL;
	memcpy(nb, b, sizeof *b + (b->h.size < size ? b->h.size : size));
	nb->h.size = size;
	nb->h.prev->h.next = nb;
	nb->h.next->h.prev = nb;
	b->h.magic = MAGIC_DEAD;
	free(b);
	return nb + 1;
}

static void t_free(void *p, void *user)
{
	blk *b;

	if (user != &tag) {
		fprintf(stderr, "check_alloc_fail: free hook called with the wrong user pointer\n");
		abort();
	}
	if (!p)
		return;
	b = header_of(p, "free");
	b->h.prev->h.next = b->h.next;
	b->h.next->h.prev = b->h.prev;
	b->h.magic = MAGIC_DEAD;
	A.live--;
	free(b);
}

/* ----------------------------------------------------- a growing string */

/* The test's own buffer (plain malloc: never the library's allocator). */
typedef struct tbuf {
	char *s;
	size_t len, cap;
} tbuf;

static void tb_put(tbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = realloc(b->s, cap);
		if (!b->s) {
			fprintf(stderr, "check_alloc_fail: out of memory (the test's own)\n");
			abort();
		}
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void tb_printf(tbuf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	ck_assert_int_ge(n, 0);
	ck_assert_int_lt(n, (int)sizeof tmp);
	tb_put(b, tmp, (size_t)n);
}

/* A labelled output: its length, then its bytes. */
static void tb_output(tbuf *b, const char *label, const char *s, size_t len)
{
	tb_printf(b, "== %s (%zu bytes)\n", label, len);
	tb_put(b, s, len);
	tb_put(b, "\n", 1);
}

static void tb_free(tbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* ------------------------------------------------------------- fixtures */

typedef struct blob {
	char *data;
	size_t len;
} blob;

static blob slurp(const char *rel)
{
	char path[4096];
	blob b = { NULL, 0 };

	b.data = test_read_file(test_srcpath(path, sizeof path, rel), &b.len);
	ck_assert_msg(b.data != NULL, "cannot open %s: %s", path, strerror(errno));
	return b;
}

/* One call of the reference run: where its allocations lie. */
typedef struct callrec {
	const char *name;
	unsigned long long first, last; /* allocations first..last; first > last: none */
} callrec;

typedef struct fixture {
	const char *name;
	char label[96];          /* the name, and the pass */
	/* The criteria set, an evidence record in XML, a CSV answer sheet, an
	 * IPA criteria sheet, a gzip-compressed evidence record, the answer
	 * sheet as an .xlsx workbook (openpyxl's, with answer marks). */
	const char *files[6];
	blob criteria, evidence, sheet, ipa, gz, xlsx;
	blob sign_key, sign_cert; /* tests/data/alloc/sign-*.pem: a test key */
	/* The reference run. */
	tbuf ref;                /* every output */
	char *ref_json;          /* the final JSON */
	unsigned long long allocs;
	callrec *calls;
	size_t ncalls, ccalls;
	int recording;
	/* Statistics of the pass. */
	unsigned long long runs, injected, swallowed;
	double seconds;
} fixture;

static void fixture_free(fixture *fx)
{
	free(fx->criteria.data);
	free(fx->evidence.data);
	free(fx->sheet.data);
	free(fx->ipa.data);
	free(fx->gz.data);
	free(fx->sign_key.data);
	free(fx->sign_cert.data);
	free(fx->xlsx.data);
	tb_free(&fx->ref);
	free(fx->ref_json);
	free(fx->calls);
}

/* The call of the reference run allocation n belongs to, and which of its
 * allocations it is. */
static const char *call_of(const fixture *fx, unsigned long long n, unsigned long long *nth)
{
	size_t i;

	for (i = 0; i < fx->ncalls; i++) {
		if (fx->calls[i].first <= n && n <= fx->calls[i].last) {
			*nth = n - fx->calls[i].first + 1;
			return fx->calls[i].name;
		}
	}
	*nth = 0;
	return "(between calls)";
}

/* ------------------------------------------------------------- problems */

/* Problems are collected, grouped by scenario, kind and function (the
 * message is the first occurrence's, which names the pass), and reported
 * together at the end, so that one run finds every bug rather than the
 * first. */
#define MAX_NS 12
typedef struct problem {
	char key[200];
	char first[1200];
	unsigned long count;
	unsigned long long ns[MAX_NS]; /* the first failing allocations it happened with */
	size_t nns;
} problem;

#define MAX_PROBLEMS 64
static problem problems[MAX_PROBLEMS];
static size_t nproblems;
static unsigned long long problem_total;

static fixture *cur_fx;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void report(const char *key, const char *fmt, ...)
{
	char msg[1000], where[160] = "";
	unsigned long long nth = 0;
	const char *call = "";
	va_list ap;
	size_t i;

	problem_total++;
	for (i = 0; i < nproblems; i++) {
		if (!strcmp(problems[i].key, key)) {
			size_t j;

			problems[i].count++;
			for (j = 0; j < problems[i].nns && problems[i].ns[j] != A.fail_at; j++)
				;
			if (j == problems[i].nns && j < MAX_NS)
				problems[i].ns[problems[i].nns++] = A.fail_at;
			return;
		}
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (A.fail_at && cur_fx) {
		call = call_of(cur_fx, A.fail_at, &nth);
		snprintf(where, sizeof where, " [allocation n=%llu failing: allocation %llu of %s]",
		         A.fail_at, nth, call);
	}
	fprintf(stderr, "check_alloc_fail: %s: %s%s\n", cur_fx ? cur_fx->label : "-", msg, where);
	if (nproblems < MAX_PROBLEMS) {
		snprintf(problems[nproblems].key, sizeof problems[nproblems].key, "%s", key);
		snprintf(problems[nproblems].first, sizeof problems[nproblems].first, "%s: %s%s",
		         cur_fx ? cur_fx->label : "-", msg, where);
		problems[nproblems].count = 1;
		problems[nproblems].ns[0] = A.fail_at;
		problems[nproblems].nns = 1;
		nproblems++;
	}
}

/* The function a call label names: "evaluate (1: ...)" -> "evaluate".
 * Problems are grouped by function, so that the summary lists bugs, not
 * call sites. */
static const char *fn(const char *label)
{
	static char buf[4][80];
	static int k;
	const char *p = strstr(label, " (");
	char *b = buf[k++ & 3];

	snprintf(b, sizeof buf[0], "%.*s", p ? (int)(p - label) : (int)strlen(label), label);
	return b;
}

/* ------------------------------------------------------------- a run */

typedef struct run {
	fixture *fx;
	tbuf out;
	const char *stopped;   /* the call that failed, or NULL */
	const char *swallowed; /* a call that succeeded though an allocation failed in it */
} run;

/* Account for one call. Returns non-zero when it failed: the scenario stops. */
static int call_done(run *r, const char *name, unsigned long long before, int rc, int has_out,
                     int out_null)
{
	char key[200];
	int code = scsec_error_code(scsec_error_last());

	if (r->fx->recording) {
		fixture *fx = r->fx;

		if (fx->ncalls == fx->ccalls) {
			fx->ccalls = fx->ccalls ? 2 * fx->ccalls : 64;
			fx->calls = realloc(fx->calls, fx->ccalls * sizeof *fx->calls);
			ck_assert_ptr_nonnull(fx->calls);
		}
		fx->calls[fx->ncalls].name = name;
		fx->calls[fx->ncalls].first = before + 1;
		fx->calls[fx->ncalls].last = A.events;
		fx->ncalls++;
	}
	if (rc == 0) {
		if (has_out && out_null) {
			snprintf(key, sizeof key, "%s/null-out/%s", r->fx->name, fn(name));
			report(key, "%s succeeded but left its out-parameter NULL", name);
		}
		if (A.injected && !r->swallowed && !strcmp(A.inject_step, name))
			r->swallowed = name;
		return 0;
	}
	r->stopped = name;
	if (!A.injected) {
		snprintf(key, sizeof key, "%s/unexpected/%s", r->fx->name, fn(name));
		report(key, "%s fails with %d (%s) though no allocation failed: %s", name, rc,
		       scsec_strerror(rc), scsec_error_message(scsec_error_last()));
	} else if (strcmp(A.inject_step, name)) {
		snprintf(key, sizeof key, "%s/late/%s/%s", r->fx->name, fn(A.inject_step), fn(name));
		report(key,
		       "%s fails with %d (%s) after the allocation failure in %s was swallowed "
		       "(that call succeeded): %s",
		       name, rc, scsec_strerror(rc), A.inject_step,
		       scsec_error_message(scsec_error_last()));
	} else if (rc != SCSEC_ENOMEM) {
		snprintf(key, sizeof key, "%s/code/%s/%d", r->fx->name, fn(name), rc);
		report(key, "%s: an allocation failed, but it returns %d (%s), not SCSEC_ENOMEM: %s",
		       name, rc, scsec_strerror(rc), scsec_error_message(scsec_error_last()));
	}
	if (code != rc) {
		snprintf(key, sizeof key, "%s/last-error/%s", r->fx->name, fn(name));
		report(key, "%s returns %d (%s) but records %d (%s) as the last error", name, rc,
		       scsec_strerror(rc), code, scsec_strerror(code));
	}
	if (has_out && !out_null) {
		snprintf(key, sizeof key, "%s/out-set/%s", r->fx->name, fn(name));
		report(key, "%s fails with %d but leaves its out-parameter non-NULL", name, rc);
	}
	return 1;
}

/* CALL: a call with an out-parameter (checked NULL on failure, non-NULL on
 * success); CALL0: a call without. On failure the scenario jumps to `out`. */
#define CALL(name, outvar, expr) \
	do { \
		unsigned long long before_ = A.events; \
		int rc_; \
		cur_step = (name); \
		rc_ = (expr); \
		if (call_done(&r, (name), before_, rc_, 1, (outvar) == NULL)) \
			goto out; \
	} while (0)

#define CALL0(name, expr) \
	do { \
		unsigned long long before_ = A.events; \
		int rc_; \
		cur_step = (name); \
		rc_ = (expr); \
		if (call_done(&r, (name), before_, rc_, 0, 1)) \
			goto out; \
	} while (0)

static int is_builtin_id(const char *id)
{
	size_t i;

	for (i = 0; id && i < scsec_criteria_builtin_count(); i++)
		if (!strcmp(id, scsec_criteria_builtin_id(i)))
			return 1;
	return 0;
}

/* Everything a run holds, freed at the end whatever happened. */
typedef struct held {
	scsec_load_options *opts;
	scsec_diagnostics *dload, *dcheck;
	scsec_criteria *crit, *ipa;
	char *crit_xml, *ipa_xml, *tmpl_all, *tmpl_top;
	scsec_evidence *ev_xml, *ev_gz, *ev_csv, *ev_api, *ev_dup, *ev_signed, *ev_xlsx;
	scsec_signing_key *skey;
	char *signed_xml, *signed2_xml;
	scsec_entry *e1, *e2, *e3, *e4, *edup; /* owned by the run until added */
	scsec_eval_options *eo;
	scsec_result *r1, *r2, *r3, *r4, *rback_xml, *rback_json;
	char *json1, *json2, *json3, *json4, *rxml, *evxml, *evcsv, *fmt, *jback;
	scsec_trust *tl, *tl2;   /* a trust list, read and read back */
	scsec_result *rt;        /* evaluated with it */
	char *tlxml, *tjson;
} held;

/* A trust list: parties by certificate (PEM) and by CA with a subject,
 * revocations both ways, trailing operator signatures (never checked
 * here: loaded without an operator certificate). */
static const char trust_list_xml[] =
	"<?xml version=\"1.0\"?>\n<trust-list xmlns=\"urn:scsec:trust:1\" version=\"2026-04\" "
	"issued=\"2026-04-01\">\n<operator>IPA</operator>\n"
	"<party name=\"Body\" role=\"evaluation-body\" sha256=\""
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" from=\"2026-01-01\" "
	"until=\"2027-12-31\"/>\n"
	"<party name=\"Expert CA\" role=\"expert\" ca=\"true\" subject=\"CN=Jane\" sha256=\""
	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"/>\n"
	"<revocation sha256=\"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\" "
	"date=\"2026-05-01\"/>\n"
	"<revocation issuer=\"CN=Operator\" serial=\"0A1B\" date=\"2026-06-01\"/>\n"
	"<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/>"
	"</ds:Signature>\n</trust-list>\n";

static void held_free(held *h)
{
	scsec_load_options_free(h->opts);
	scsec_diagnostics_free(h->dload);
	scsec_diagnostics_free(h->dcheck);
	scsec_criteria_free(h->crit);
	scsec_criteria_free(h->ipa);
	scsec_free(h->crit_xml);
	scsec_free(h->ipa_xml);
	scsec_free(h->tmpl_all);
	scsec_free(h->tmpl_top);
	scsec_evidence_free(h->ev_xml);
	scsec_evidence_free(h->ev_gz);
	scsec_evidence_free(h->ev_csv);
	scsec_evidence_free(h->ev_xlsx);
	scsec_evidence_free(h->ev_api);
	scsec_evidence_free(h->ev_dup);
	scsec_evidence_free(h->ev_signed);
	scsec_signing_key_free(h->skey);
	scsec_free(h->signed_xml);
	scsec_free(h->signed2_xml);
	scsec_entry_free(h->e1);
	scsec_entry_free(h->e2);
	scsec_entry_free(h->e3);
	scsec_entry_free(h->e4);
	scsec_entry_free(h->edup);
	scsec_eval_options_free(h->eo);
	scsec_result_free(h->r1);
	scsec_result_free(h->r2);
	scsec_result_free(h->r3);
	scsec_result_free(h->r4);
	scsec_result_free(h->rback_xml);
	scsec_result_free(h->rback_json);
	scsec_free(h->jback);
	scsec_free(h->json1);
	scsec_free(h->json2);
	scsec_free(h->json3);
	scsec_free(h->json4);
	scsec_free(h->rxml);
	scsec_free(h->evxml);
	scsec_free(h->evcsv);
	scsec_free(h->fmt);
	scsec_trust_free(h->tl);
	scsec_trust_free(h->tl2);
	scsec_result_free(h->rt);
	scsec_free(h->tlxml);
	scsec_free(h->tjson);
}

static void put_result(tbuf *t, const char *label, const scsec_result *res)
{
	tb_printf(t, "== %s: level %d, gap level %d, %zu gaps, score %ld/%ld, required %d\n", label,
	          scsec_result_level(res), scsec_result_gap_level(res), scsec_result_gap_count(res),
	          scsec_result_score(res), scsec_result_score_max(res),
	          scsec_result_required_level(res));
}

static void put_diags(tbuf *t, const char *label, const scsec_diagnostics *d)
{
	tb_printf(t, "== %s: %zu diagnostics, %zu errors\n", label, scsec_diagnostics_count(d),
	          scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR));
}

/* The scenario. Returns with r->stopped set to the call that failed, or
 * NULL when every call succeeded; everything is freed either way. */
static void scenario(run *r_, fixture *fx)
{
	run r = *r_;
	held h;
	tbuf *t = &r.out;
	scsec_date d_assessed, d_expires, d_pledge, d_asof, d_later;
	const char *cid[3], *pid;
	char fp[SCSEC_FINGERPRINT_BUFSIZE];
	scsec_document_kind kind;
	scsec_file_kind fkind = SCSEC_FILE_UNKNOWN;
	size_t len, i, nq;
	int top;

	memset(&h, 0, sizeof h);
	ck_ok(scsec_date_parse(&d_assessed, "2026-03-02"));
	ck_ok(scsec_date_parse(&d_expires, "2027-03-01"));
	ck_ok(scsec_date_parse(&d_pledge, "2026-02-20"));
	ck_ok(scsec_date_parse(&d_asof, "2026-04-01"));
	ck_ok(scsec_date_parse(&d_later, "2027-06-30"));

	/* Reading options and diagnostic lists. */
	CALL("load_options_new", h.opts, scsec_load_options_new(&h.opts));
	CALL0("load_options_set MAX_DEPTH", scsec_load_options_set(h.opts, SCSEC_LOAD_MAX_DEPTH, 48));
	CALL0("load_options_set MAX_ITEMS",
	      scsec_load_options_set(h.opts, SCSEC_LOAD_MAX_ITEMS, 200000));
	CALL0("load_options_set SCHEMA_VALIDATION AUTO",
	      scsec_load_options_set(h.opts, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_AUTO));
	CALL("diagnostics_new (loaders)", h.dload, scsec_diagnostics_new(&h.dload));
	CALL("diagnostics_new (checks)", h.dcheck, scsec_diagnostics_new(&h.dcheck));

	/* The criteria set: load, write, templates. */
	CALL("criteria_load_memory", h.crit,
	     scsec_criteria_load_memory(&h.crit, fx->criteria.data, fx->criteria.len,
	                                fx->files[0], h.opts, h.dload));
	tb_printf(t, "== criteria %s %s %s: %zu levels, %zu criteria, %zu prerequisites\n",
	          scsec_criteria_id(h.crit), scsec_criteria_version(h.crit),
	          scsec_criteria_fingerprint(h.crit), scsec_criteria_level_count(h.crit),
	          scsec_criteria_criterion_count(h.crit), scsec_criteria_prerequisite_count(h.crit));
	ck_assert_uint_ge(scsec_criteria_criterion_count(h.crit), 3);
	ck_assert_uint_ge(scsec_criteria_prerequisite_count(h.crit), 1);
	ck_assert_uint_ge(scsec_criteria_level_count(h.crit), 2);
	for (i = 0; i < 3; i++)
		cid[i] = scsec_criterion_id(scsec_criteria_criterion_at(h.crit, i));
	pid = scsec_prerequisite_id(scsec_criteria_prerequisite_at(h.crit, 0));
	top = scsec_level_rank(
		scsec_criteria_level_at(h.crit, scsec_criteria_level_count(h.crit) - 1));

	CALL("criteria_write_memory", h.crit_xml,
	     scsec_criteria_write_memory(&h.crit_xml, &len, h.crit));
	tb_output(t, "criteria XML", h.crit_xml, len);
	CALL("criteria_template_csv (all, en)", h.tmpl_all,
	     scsec_criteria_template_csv(&h.tmpl_all, &len, h.crit, 0, NULL));
	tb_output(t, "template (all)", h.tmpl_all, len);
	CALL("criteria_template_csv (top, ja)", h.tmpl_top,
	     scsec_criteria_template_csv(&h.tmpl_top, &len, h.crit, top, "ja"));
	tb_output(t, "template (top)", h.tmpl_top, len);

	/* Records read from XML and CSV, a set imported from an IPA sheet. */
	CALL("evidence_load_memory", h.ev_xml,
	     scsec_evidence_load_memory(&h.ev_xml, fx->evidence.data, fx->evidence.len,
	                                fx->files[1], h.opts, h.dload));
	tb_printf(t, "== evidence XML: %zu entries\n", scsec_evidence_entry_count(h.ev_xml));
	CALL("evidence_load_memory (gzip)", h.ev_gz,
	     scsec_evidence_load_memory(&h.ev_gz, fx->gz.data, fx->gz.len, fx->files[4], h.opts,
	                                h.dload));
	tb_printf(t, "== evidence XML (gzip): %zu entries\n", scsec_evidence_entry_count(h.ev_gz));
	/* Signing twice, and the signed record read back (doc/signatures.md);
	 * the signed bytes differ from run to run (random Ids and ECDSA
	 * nonces): only what is read back is compared. */
	CALL("signing_key_load_memory", h.skey,
	     scsec_signing_key_load_memory(&h.skey, fx->sign_key.data, fx->sign_key.len,
	                                   fx->sign_cert.data, fx->sign_cert.len, NULL, 0));
	CALL("evidence_sign_memory", h.signed_xml,
	     scsec_evidence_sign_memory(&h.signed_xml, &len, fx->evidence.data, fx->evidence.len,
	                                fx->files[1], h.skey, 1775001600));
	CALL("evidence_sign_memory (second)", h.signed2_xml,
	     scsec_evidence_sign_memory(&h.signed2_xml, &len, h.signed_xml, len, fx->files[1],
	                                h.skey, 1775001660));
	CALL("evidence_load_memory (signed)", h.ev_signed,
	     scsec_evidence_load_memory(&h.ev_signed, h.signed2_xml, len, fx->files[1], h.opts,
	                                h.dload));
	for (i = 0; i < scsec_evidence_signature_count(h.ev_signed); i++)
		tb_printf(t, "== signature %zu: valid %d, %s, %s, %lld\n", i,
		          scsec_evidence_signature_valid(h.ev_signed, i),
		          scsec_evidence_signature_signer(h.ev_signed, i),
		          scsec_evidence_signature_fingerprint(h.ev_signed, i),
		          (long long)scsec_evidence_signature_time(h.ev_signed, i));
	ck_assert_uint_eq(scsec_evidence_signature_count(h.ev_signed), 2);
	ck_assert_int_eq(scsec_evidence_signature_valid(h.ev_signed, 1), 1);
	CALL("evidence_import_csv_memory", h.ev_csv,
	     scsec_evidence_import_csv_memory(&h.ev_csv, fx->sheet.data, fx->sheet.len,
	                                      fx->files[2], h.crit, h.opts, h.dload));
	tb_printf(t, "== evidence CSV: %zu entries\n", scsec_evidence_entry_count(h.ev_csv));
	/* The same answers in a workbook (the xlsx reader: libzip, libxml2's
	 * reader, shared strings, styles, date cells; the set's answer marks),
	 * its sheet chosen by name. */
	CALL0("load_options_set_sheet", scsec_load_options_set_sheet(h.opts, "answers"));
	CALL("evidence_import_csv_memory (xlsx)", h.ev_xlsx,
	     scsec_evidence_import_csv_memory(&h.ev_xlsx, fx->xlsx.data, fx->xlsx.len,
	                                      fx->files[5], h.crit, h.opts, h.dload));
	tb_printf(t, "== evidence xlsx: %zu entries\n", scsec_evidence_entry_count(h.ev_xlsx));
	ck_assert_uint_eq(scsec_evidence_entry_count(h.ev_xlsx), scsec_evidence_entry_count(h.ev_csv));
	CALL0("load_options_set_sheet (first)", scsec_load_options_set_sheet(h.opts, NULL));
	/* What the inputs are, from their content. */
	CALL0("file_detect_memory (sheet)",
	      scsec_file_detect_memory(&fkind, fx->sheet.data, fx->sheet.len, h.opts));
	tb_printf(t, "== detected %s\n", scsec_file_kind_name(fkind));
	CALL0("file_detect_memory (gzip XML)",
	      scsec_file_detect_memory(&fkind, fx->gz.data, fx->gz.len, h.opts));
	tb_printf(t, "== detected %s\n", scsec_file_kind_name(fkind));
	CALL("criteria_import_ipa_memory", h.ipa,
	     scsec_criteria_import_ipa_memory(&h.ipa, fx->ipa.data, fx->ipa.len, fx->files[3],
	                                      h.crit, h.opts, h.dload));
	tb_printf(t, "== IPA set %s %s %s: %zu criteria, %zu references of the first\n",
	          scsec_criteria_id(h.ipa), scsec_criteria_version(h.ipa),
	          scsec_criteria_fingerprint(h.ipa), scsec_criteria_criterion_count(h.ipa),
	          scsec_criterion_reference_count(scsec_criteria_criterion_at(h.ipa, 0)));
	put_diags(t, "loaders", h.dload);
	CALL("criteria_write_memory (IPA set)", h.ipa_xml,
	     scsec_criteria_write_memory(&h.ipa_xml, &len, h.ipa));
	tb_output(t, "IPA set XML", h.ipa_xml, len);

	/* A record built through the API. */
	CALL("evidence_new", h.ev_api, scsec_evidence_new(&h.ev_api, h.crit));
	CALL0("evidence_set_subject_name",
	      scsec_evidence_set_subject_name(h.ev_api, "Example Parts Co., Ltd. (試験)"));
	CALL0("evidence_add_subject_id (corporate)",
	      scsec_evidence_add_subject_id(h.ev_api, SCSEC_ID_SCHEME_JP_CORPORATE, "7000012050002"));
	CALL0("evidence_add_subject_id (supplier-code)",
	      scsec_evidence_add_subject_id(h.ev_api, "supplier-code", "EP-0042"));
	CALL0("evidence_add_subject_id (duns)",
	      scsec_evidence_add_subject_id(h.ev_api, "duns", "123456789"));
	CALL0("evidence_remove_subject_id", scsec_evidence_remove_subject_id(h.ev_api, "duns"));
	CALL0("evidence_set_criteria",
	      scsec_evidence_set_criteria(h.ev_api, scsec_criteria_id(h.crit),
	                                  scsec_criteria_version(h.crit),
	                                  scsec_criteria_fingerprint(h.crit)));
	CALL0("evidence_set_created", scsec_evidence_set_created(h.ev_api, "2026-04-01T09:30:00Z"));
	CALL0("evidence_set_tool", scsec_evidence_set_tool(h.ev_api, "check_alloc_fail 1.0"));

	CALL("entry_new (1)", h.e1, scsec_entry_new(&h.e1, cid[0]));
	CALL0("entry_set_status (1)", scsec_entry_set_status(h.e1, SCSEC_STATUS_MET));
	CALL0("entry_set_method (1)", scsec_entry_set_method(h.e1, SCSEC_METHOD_THIRD_PARTY));
	CALL0("entry_set_assessor (1)", scsec_entry_set_assessor(h.e1, "Hanako Sato", "RISS-1"));
	CALL0("entry_set_assessed_on (1)", scsec_entry_set_assessed_on(h.e1, d_assessed));
	CALL0("entry_set_expires_on (1)", scsec_entry_set_expires_on(h.e1, d_expires));
	CALL0("entry_set_note (1)", scsec_entry_set_note(h.e1, "Approved by the board & published."));
	CALL0("entry_add_artifact (1, digest)",
	      scsec_entry_add_artifact(h.e1, "https://docs.example.invalid/policy.pdf",
	                               "9F2C4E0B7A1D3C5E8F6A2B4D0C1E3F5A7B9D2C4E6F8A0B1C3D5E7F9A2B4C6D8E"));
	CALL0("entry_add_artifact (1, plain)", scsec_entry_add_artifact(h.e1, "file:minutes.pdf", NULL));
	CALL0("evidence_add (1)", scsec_evidence_add(h.ev_api, h.e1));
	h.e1 = NULL; /* the record owns it now */

	CALL("entry_new (2)", h.e2, scsec_entry_new(&h.e2, cid[1]));
	CALL0("entry_set_status (2)", scsec_entry_set_status(h.e2, SCSEC_STATUS_PARTIAL));
	CALL0("entry_set_method (2)", scsec_entry_set_method(h.e2, SCSEC_METHOD_SELF));
	CALL0("entry_set_assessed_on (2)", scsec_entry_set_assessed_on(h.e2, d_assessed));
	CALL0("entry_set_justification (2)",
	      scsec_entry_set_justification(h.e2, "Reviewed once;\nthe next review is in June."));
	CALL0("entry_add_artifact (2)", scsec_entry_add_artifact(h.e2, "file:review.docx", NULL));
	CALL0("evidence_add (2)", scsec_evidence_add(h.ev_api, h.e2));
	h.e2 = NULL;

	CALL("entry_new (prerequisite)", h.e3, scsec_entry_new(&h.e3, pid));
	CALL0("entry_set_status (prerequisite)", scsec_entry_set_status(h.e3, SCSEC_STATUS_MET));
	CALL0("entry_set_assessor (prerequisite)", scsec_entry_set_assessor(h.e3, "Taro Yamada", NULL));
	CALL0("entry_set_assessed_on (prerequisite)", scsec_entry_set_assessed_on(h.e3, d_pledge));
	CALL0("evidence_add (prerequisite)", scsec_evidence_add(h.ev_api, h.e3));
	h.e3 = NULL;

	CALL("entry_new (3)", h.e4, scsec_entry_new(&h.e4, cid[2]));
	CALL0("entry_set_status (3)", scsec_entry_set_status(h.e4, SCSEC_STATUS_NOT_MET));
	CALL0("entry_set_note (3)", scsec_entry_set_note(h.e4, "To be removed."));
	CALL0("evidence_add (3)", scsec_evidence_add(h.ev_api, h.e4));
	h.e4 = NULL;

	/* Edit an entry of the record: copy, change, replace. */
	CALL("entry_dup", h.edup, scsec_entry_dup(&h.edup, scsec_evidence_entry(h.ev_api, cid[1])));
	CALL0("entry_set_status (copy)", scsec_entry_set_status(h.edup, SCSEC_STATUS_MET));
	CALL0("entry_set_method (copy)", scsec_entry_set_method(h.edup, SCSEC_METHOD_EXPERT_REVIEWED));
	CALL0("entry_clear_artifacts (copy)", scsec_entry_clear_artifacts(h.edup));
	CALL0("entry_add_artifact (copy)",
	      scsec_entry_add_artifact(h.edup, "https://docs.example.invalid/review-2.pdf",
	                               "0d4f6a8c2e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d1f3a5c7e9b2d4f"));
	CALL0("entry_set_note (copy)", scsec_entry_set_note(h.edup, "Second review done."));
	CALL0("evidence_replace", scsec_evidence_replace(h.ev_api, h.edup));
	h.edup = NULL;
	CALL0("evidence_remove", scsec_evidence_remove(h.ev_api, cid[2]));
	CALL("evidence_dup", h.ev_dup, scsec_evidence_dup(&h.ev_dup, h.ev_api));
	tb_printf(t, "== API record: %zu entries, copy %zu\n", scsec_evidence_entry_count(h.ev_api),
	          scsec_evidence_entry_count(h.ev_dup));

	/* Checks, each appending to the list. */
	CALL0("evidence_check (XML record)", scsec_evidence_check(h.ev_xml, h.crit, h.dcheck));
	CALL0("evidence_check (CSV record)", scsec_evidence_check(h.ev_csv, h.crit, h.dcheck));
	CALL0("evidence_check (API record copy)", scsec_evidence_check(h.ev_dup, h.crit, h.dcheck));
	put_diags(t, "checks", h.dcheck);

	/* Evaluation options: a date, answers to every question of the rule. */
	CALL("eval_options_new", h.eo, scsec_eval_options_new(&h.eo));
	CALL0("eval_options_set_as_of", scsec_eval_options_set_as_of(h.eo, d_asof));
	nq = scsec_criteria_question_count(h.crit);
	for (i = 0; i < nq; i++)
		CALL0("eval_options_set_answer",
		      scsec_eval_options_set_answer(
			      h.eo, scsec_question_id(scsec_criteria_question_at(h.crit, i)), i == 0));
	CALL0("eval_options_set_answer (again)",
	      nq ? scsec_eval_options_set_answer(
			   h.eo, scsec_question_id(scsec_criteria_question_at(h.crit, 0)), 1)
	         : 0);
	CALL0("eval_options_set_required (0)", scsec_eval_options_set_required(h.eo, 0));

	/* Evaluate the API record twice (the first binds it and caches the
	 * binding), the XML record, and the CSV record against the IPA set. */
	CALL("evaluate (1: builds the cache)", h.r1, scsec_evaluate(&h.r1, h.crit, h.ev_api, h.eo));
	put_result(t, "result 1", h.r1);
	CALL0("eval_options_set_as_of (later)", scsec_eval_options_set_as_of(h.eo, d_later));
	CALL0("eval_options_set_target", scsec_eval_options_set_target(h.eo, top));
	CALL("evaluate (2: cached)", h.r2, scsec_evaluate(&h.r2, h.crit, h.ev_api, h.eo));
	put_result(t, "result 2", h.r2);
	CALL0("eval_options_set_target (0)", scsec_eval_options_set_target(h.eo, 0));
	CALL0("eval_options_set_as_of (back)", scsec_eval_options_set_as_of(h.eo, d_asof));
	CALL("evaluate (3: XML record)", h.r3, scsec_evaluate(&h.r3, h.crit, h.ev_xml, h.eo));
	put_result(t, "result 3", h.r3);
	CALL("evaluate (4: CSV record, IPA set)", h.r4, scsec_evaluate(&h.r4, h.ipa, h.ev_csv, h.eo));
	put_result(t, "result 4", h.r4);

	/* Serialise. */
	CALL("result_to_json (1)", h.json1, scsec_result_to_json(&h.json1, &len, h.r1));
	tb_output(t, "JSON 1", h.json1, len);
	CALL("result_to_json (2: the final JSON)", h.json2, scsec_result_to_json(&h.json2, &len, h.r2));
	tb_output(t, "JSON 2", h.json2, len);
	CALL("result_to_json (3)", h.json3, scsec_result_to_json(&h.json3, &len, h.r3));
	tb_output(t, "JSON 3", h.json3, len);
	CALL("result_to_json (4)", h.json4, scsec_result_to_json(&h.json4, &len, h.r4));
	tb_output(t, "JSON 4", h.json4, len);
	CALL("result_to_xml (2)", h.rxml, scsec_result_to_xml(&h.rxml, &len, h.r2));
	tb_output(t, "result XML 2", h.rxml, len);
	/* Read both forms back; the result read from XML writes the JSON. */
	CALL("result_load_memory (XML 2)", h.rback_xml,
	     scsec_result_load_memory(&h.rback_xml, h.rxml, strlen(h.rxml), "result.xml", h.crit,
	                              h.opts, NULL));
	CALL("result_load_memory (JSON 2)", h.rback_json,
	     scsec_result_load_memory(&h.rback_json, h.json2, strlen(h.json2), "result.json", h.crit,
	                              h.opts, NULL));
	put_result(t, "result 2 read back", h.rback_json);
	CALL("result_to_json (read back)", h.jback, scsec_result_to_json(&h.jback, &len, h.rback_xml));
	tb_output(t, "JSON 2 read back", h.jback, len);
	CALL("evidence_write_memory", h.evxml, scsec_evidence_write_memory(&h.evxml, &len, h.ev_dup));
	tb_output(t, "evidence XML", h.evxml, len);
	CALL("evidence_export_csv", h.evcsv,
	     scsec_evidence_export_csv(&h.evcsv, &len, h.ev_api, h.crit, 0, "ja"));
	tb_output(t, "evidence CSV", h.evcsv, len);
	/* The copy has never been fingerprinted (evaluation fingerprints the
	 * record it binds, and keeps the digest): computed here. */
	fp[0] = '\0';
	CALL0("evidence_fingerprint (copy: computed)", scsec_evidence_fingerprint(fp, h.ev_dup));
	tb_printf(t, "== evidence fingerprint %s\n", fp);
	fp[0] = '\0';
	CALL0("evidence_fingerprint (evaluated: kept)", scsec_evidence_fingerprint(fp, h.ev_api));
	tb_printf(t, "== evidence fingerprint %s\n", fp);

	/* Validate what was written: the criteria set with the loaders' own
	 * structure checks, the record with libxml2's validator (unless it
	 * names a built-in set, which would load and cache that set), the
	 * result with the schema. */
	CALL0("load_options_set SCHEMA_VALIDATION NEVER",
	      scsec_load_options_set(h.opts, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_NEVER));
	kind = SCSEC_DOCUMENT_UNKNOWN;
	CALL0("document_validate_memory (criteria)",
	      scsec_document_validate_memory(&kind, h.crit_xml, strlen(h.crit_xml), "criteria.xml",
	                                     h.opts, h.dcheck));
	tb_printf(t, "== validated %s\n", scsec_document_kind_name(kind));
	if (!is_builtin_id(scsec_evidence_criteria_id(h.ev_dup))) {
		CALL0("load_options_set SCHEMA_VALIDATION ALWAYS",
		      scsec_load_options_set(h.opts, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_ALWAYS));
		kind = SCSEC_DOCUMENT_UNKNOWN;
		CALL0("document_validate_memory (evidence)",
		      scsec_document_validate_memory(&kind, h.evxml, strlen(h.evxml), "evidence.xml",
		                                     h.opts, h.dcheck));
		tb_printf(t, "== validated %s\n", scsec_document_kind_name(kind));
	}
	kind = SCSEC_DOCUMENT_UNKNOWN;
	CALL0("document_validate_memory (result)",
	      scsec_document_validate_memory(&kind, h.rxml, strlen(h.rxml), "result.xml", h.opts,
	                                     h.dcheck));
	tb_printf(t, "== validated %s\n", scsec_document_kind_name(kind));
	put_diags(t, "checks and validation", h.dcheck);

	/* A trust list: read (with the validator, then the structure rules),
	 * written, read back; an evaluation under it. */
	CALL("trust_load_memory", h.tl,
	     scsec_trust_load_memory(&h.tl, trust_list_xml, sizeof trust_list_xml - 1, "trust.xml",
	                             NULL, 0, h.opts, h.dcheck));
	CALL("trust_write_memory", h.tlxml, scsec_trust_write_memory(&h.tlxml, &len, h.tl));
	CALL0("load_options_set SCHEMA_VALIDATION NEVER (trust)",
	      scsec_load_options_set(h.opts, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_NEVER));
	CALL("trust_load_memory (written)", h.tl2,
	     scsec_trust_load_memory(&h.tl2, h.tlxml, len, "trust2.xml", NULL, 0, h.opts, h.dcheck));
	tb_printf(t, "== trust list %s %s: %zu parties, %zu revocations\n",
	          scsec_trust_operator(h.tl2), scsec_trust_version(h.tl2),
	          scsec_trust_party_count(h.tl2), scsec_trust_revocation_count(h.tl2));
	CALL0("eval_options_set_trust", scsec_eval_options_set_trust(h.eo, h.tl2));
	CALL("evaluate (trust list)", h.rt, scsec_evaluate(&h.rt, h.crit, h.ev_xml, h.eo));
	CALL("result_to_json (trust list)", h.tjson, scsec_result_to_json(&h.tjson, NULL, h.rt));
	tb_printf(t, "== under the trust list: level %d, trust applied %d\n", scsec_result_level(h.rt),
	          scsec_result_trust_applied(h.rt));
	CALL0("eval_options_set_trust (none)", scsec_eval_options_set_trust(h.eo, NULL));

	/* Format every diagnostic. */
	for (i = 0; i < scsec_diagnostics_count(h.dload) + scsec_diagnostics_count(h.dcheck); i++) {
		size_t nl = scsec_diagnostics_count(h.dload);
		const scsec_diagnostic *dg = i < nl ? scsec_diagnostics_at(h.dload, i)
		                                    : scsec_diagnostics_at(h.dcheck, i - nl);

		CALL("diagnostic_format", h.fmt, scsec_diagnostic_format(&h.fmt, dg));
		tb_printf(t, "== diagnostic: ");
		tb_put(t, h.fmt, strlen(h.fmt));
		tb_put(t, "\n", 1);
		scsec_free(h.fmt);
		h.fmt = NULL;
	}

	if (fx->recording) {
		fx->ref_json = strdup(h.json2);
		ck_assert_ptr_nonnull(fx->ref_json);
	} else if (!A.injected && strcmp(h.json2, fx->ref_json)) {
		report("final-json", "the final JSON differs from the reference run's");
	}
out:
	cur_step = "(cleanup)";
	held_free(&h);
	cur_step = "(between runs)";
	*r_ = r;
}

/* Where two outputs first differ, for the message. */
static void first_difference(char *buf, size_t size, const char *a, const char *b)
{
	size_t i = 0, line = 1, bol = 0;

	while (a[i] && a[i] == b[i]) {
		if (a[i] == '\n') {
			line++;
			bol = i + 1;
		}
		i++;
	}
	snprintf(buf, size, "line %zu of the outputs: expected \"%.60s\", got \"%.60s\"", line,
	         a + bol, b + bol);
	for (i = 0; buf[i]; i++)
		if (buf[i] == '\n' || buf[i] == '\r')
			buf[i] = ' ';
}

/* One run with allocation n failing (0: none). Returns non-zero when a
 * failure was injected. */
static int run_one(fixture *fx, unsigned long long n)
{
	run r;
	long live0 = A.live;
	char key[200], diff[300];

	memset(&r, 0, sizeof r);
	r.fx = fx;
	cur_fx = fx;
	A.events = 0;
	A.injected = 0;
	A.inject_step = NULL;
	A.fail_at = n;
	A.run++;
	scsec_error_clear();
	scenario(&r, fx);
	A.fail_at = n; /* for the messages */
	fx->runs++;
	if (A.injected)
		fx->injected++;
	if (A.live != live0) {
		char blocks[400] = "";
		size_t bl = 0;
		int shown = 0;
		blk *b;

		for (b = live_list.h.next; b != &live_list; b = b->h.next) {
			if (b->h.run != A.run || bl >= sizeof blocks - 100)
				continue;
			if (shown++ == 3) {
				bl += (size_t)snprintf(blocks + bl, sizeof blocks - bl, ", ...");
				continue;
			}
			bl += (size_t)snprintf(blocks + bl, sizeof blocks - bl,
			                       "%sallocation %llu (%zu bytes, in %s)", shown > 1 ? ", " : "",
			                       b->h.index, b->h.size, b->h.step);
		}
		snprintf(key, sizeof key, "%s/leak/%s", fx->name,
		         fn(r.stopped ? r.stopped : A.injected ? A.inject_step : "(no failure)"));
		report(key,
		       "%ld block(s) leaked (the run stopped at %s; the failure was injected in %s): %s",
		       A.live - live0, r.stopped ? r.stopped : "(no call failed)",
		       A.injected ? A.inject_step : "(none)", blocks);
		/* Unlink the leaked blocks (they stay counted: later runs compare with
		 * their own start), so that valgrind and LeakSanitizer report them too,
		 * with the stack that allocated them. */
		for (b = live_list.h.next; b != &live_list;) {
			blk *next = b->h.next;

			if (b->h.run == A.run) {
				b->h.prev->h.next = b->h.next;
				b->h.next->h.prev = b->h.prev;
				b->h.prev = b->h.next = b;
			}
			b = next;
		}
	}
	if (!r.stopped && !fx->recording) {
		const char *sw = r.swallowed ? r.swallowed : A.inject_step;
		int same = !strcmp(r.out.s, fx->ref.s);

		if (!same)
			first_difference(diff, sizeof diff, fx->ref.s, r.out.s);
		if (A.injected) {
			/* Every call succeeded though an allocation failed: the call it
			 * failed in swallowed it. Reported even when the outputs are the
			 * reference's (the lost data may simply not show in them). */
			fx->swallowed++;
			snprintf(key, sizeof key, "%s/swallowed/%s", fx->name, fn(sw));
			if (same)
				report(key,
				       "an allocation failed in %s, which succeeded anyway (the outputs "
				       "are the reference run's)",
				       sw);
			else
				report(key,
				       "an allocation failed in %s, which succeeded anyway, and the outputs "
				       "differ from the reference run's: %s",
				       sw, diff);
		} else if (!same) {
			snprintf(key, sizeof key, "%s/differs", fx->name);
			report(key, "a run without failure differs from the reference run: %s", diff);
		}
	}
	if (fx->recording) {
		fx->ref = r.out;
		fx->allocs = A.events;
		ck_assert_msg(r.stopped == NULL, "%s: the reference run fails in %s: %s", fx->name,
		              r.stopped ? r.stopped : "", scsec_error_message(scsec_error_last()));
	} else {
		tb_free(&r.out);
	}
	A.fail_at = 0;
	return A.injected != 0;
}

/* ------------------------------------------------------------- passes */

static void reference(fixture *fx)
{
	fx->criteria = slurp(fx->files[0]);
	fx->evidence = slurp(fx->files[1]);
	fx->sheet = slurp(fx->files[2]);
	fx->ipa = slurp(fx->files[3]);
	fx->gz = slurp(fx->files[4]);
	fx->sign_key = slurp("tests/data/alloc/sign-key.pem");
	fx->sign_cert = slurp("tests/data/alloc/sign-cert.pem");
	fx->xlsx = slurp(fx->files[5]);
	snprintf(fx->label, sizeof fx->label, "%s, reference run", fx->name);
	fx->recording = 1;
	run_one(fx, 0);
	fx->recording = 0;
	ck_assert_int_eq(A.live, 0);
	/* Deterministic: a second run gives the same outputs and allocations. */
	run_one(fx, 0);
	ck_assert_uint_eq(A.events, fx->allocs);
	ck_assert_int_eq(A.live, 0);
}

static int cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

/* The allocations a sampled pass fails: every one of the first `head`,
 * the first and last `edge` of every call, and every k-th. Sorted, unique,
 * ending with allocs + 1 (the run without failure). */
static unsigned long long *samples(const fixture *fx, unsigned long long head,
                                   unsigned long long edge, unsigned long long k, size_t *count)
{
	size_t cap = (size_t)(head + fx->allocs / (k ? k : 1) + 2 * edge * fx->ncalls + 2), n = 0, i,
	       j;
	unsigned long long *v = malloc(cap * sizeof *v), x;

	ck_assert_ptr_nonnull(v);
	for (x = 1; x <= head && x <= fx->allocs; x++)
		v[n++] = x;
	for (x = head + k; k && x <= fx->allocs; x += k)
		v[n++] = x;
	for (i = 0; i < fx->ncalls; i++) {
		const callrec *c = &fx->calls[i];

		for (x = c->first; x <= c->last && x < c->first + edge; x++)
			v[n++] = x;
		for (x = c->last >= edge ? c->last - edge + 1 : 1; x <= c->last; x++)
			if (x >= c->first)
				v[n++] = x;
	}
	v[n++] = fx->allocs + 1;
	ck_assert_uint_le(n, cap);
	qsort(v, n, sizeof *v, cmp_ull);
	for (i = j = 0; i < n; i++)
		if (!j || v[j - 1] != v[i])
			v[j++] = v[i];
	*count = j;
	return v;
}

static unsigned long long total_covered, total_runs, total_swallowed;

/* Run with each allocation of v failing (and, sticky, every one after
 * it), then report what was covered. */
static void pass(fixture *fx, int sticky, const unsigned long long *v, size_t nv,
                 const char *how)
{
	double t0 = test_now();
	size_t i;

	snprintf(fx->label, sizeof fx->label, "%s%s", fx->name,
	         sticky ? ", every allocation failing from the n-th on" : "");
	fx->runs = fx->injected = fx->swallowed = 0;
	A.sticky = sticky;
	for (i = 0; i < nv; i++) {
		int injected = run_one(fx, v[i]);

		if (v[i] <= fx->allocs && !injected) {
			char key[160];

			snprintf(key, sizeof key, "%s/fewer", fx->name);
			report(key, "allocation %llu was never made (the reference run makes %llu)", v[i],
			       fx->allocs);
		}
	}
	A.sticky = 0;
	fx->seconds = test_now() - t0;
	total_covered += fx->injected;
	total_runs += fx->runs;
	total_swallowed += fx->swallowed;
	printf("check_alloc_fail: %s: %llu of %llu allocations failed (%s), %llu runs, %.1f s\n",
	       fx->label, fx->injected, fx->allocs, how, fx->runs, fx->seconds);
	fflush(stdout);
}

/* Every n, 1 to allocs + 1 (only `only` when given). */
static void pass_every(fixture *fx, int sticky, unsigned long long only)
{
	unsigned long long *v, n;
	size_t nv = 0;

	v = malloc((size_t)(fx->allocs + 1) * sizeof *v);
	ck_assert_ptr_nonnull(v);
	for (n = 1; n <= fx->allocs + 1; n++)
		if (!only || n == only)
			v[nv++] = n;
	pass(fx, sticky, v, nv, only ? "one n" : "every n");
	free(v);
}

/* The METI pass: every n of the first `head` allocations and of the first
 * and last `edge` allocations of every call, every k-th in between, k such
 * that there are about `target` runs. */
static void pass_sampled(fixture *fx, int sticky, unsigned long long target,
                         unsigned long long head, unsigned long long edge)
{
	unsigned long long k, *v;
	size_t nv;
	char how[160];

	if (!target)
		return;
	if (target >= fx->allocs + 1) {
		pass_every(fx, sticky, 0);
		return;
	}
	k = fx->allocs > head && target > head ? (fx->allocs - head) / (target - head) : 1;
	if (k < 1)
		k = 1;
	v = samples(fx, head, edge, k, &nv);
	snprintf(how, sizeof how,
	         "every n up to %llu and %llu at each end of every call, every %llu-th in between",
	         head, edge, k);
	pass(fx, sticky, v, nv, how);
	free(v);
}

static int slow_mode(void)
{
	const char *s = getenv("SCSEC_ALLOC_FAIL_SLOW"), *p = getenv("LD_PRELOAD");

	if (s && *s)
		return strcmp(s, "0") != 0;
	return test_no_fork() || (p && strstr(p, "vgpreload"));
}

START_TEST(every_allocation_can_fail)
{
	fixture small = { .name = "small set",
		          .files = { "tests/data/alloc/criteria.xml", "tests/data/alloc/evidence.xml",
		                     "tests/data/alloc/sheet.csv", "tests/data/alloc/ipa-sheet.csv",
		                     "tests/data/alloc/evidence.xml.gz", "tests/data/alloc/sheet.xlsx" } };
	fixture meti = { .name = "METI set",
		         .files = { "data/criteria/meti-sc-2026-03.xml",
		                    "tests/data/alloc/meti-evidence.xml",
		                    "tests/data/alloc/meti-sheet.csv", "tests/data/alloc/ipa-sheet.csv",
		                    "tests/data/alloc/evidence.xml.gz",
		                    "tests/data/alloc/meti-sheet.xlsx" } };
	const char *env_samples = getenv("SCSEC_ALLOC_FAIL_SAMPLES");
	const char *env_n = getenv("SCSEC_ALLOC_FAIL_N");
	unsigned long long only = env_n ? strtoull(env_n, NULL, 10) : 0, target;
	int slow = slow_mode();
	double t0 = test_now();
	size_t i;

	A.backtrace = getenv("SCSEC_ALLOC_FAIL_BACKTRACE") != NULL;
	ck_ok(scsec_set_allocator(t_malloc, t_realloc, t_free, &tag));

	/* Reference runs, before arming (they also compile the schemas,
	 * inside libxml2, once for the process). */
	reference(&small);
	reference(&meti);
	printf("check_alloc_fail: a run makes %llu allocations in %zu calls with the %s, %llu in "
	       "%zu calls with the %s%s\n",
	       small.allocs, small.ncalls, small.name, meti.allocs, meti.ncalls, meti.name,
	       slow ? " (slow mode)" : "");
	fflush(stdout);

	target = 2500;
	if (env_samples)
		target = !strcmp(env_samples, "all") ? ~0ULL : strtoull(env_samples, NULL, 10);
	if (only) {
		pass_every(&small, 0, only);
		pass_every(&meti, 0, only);
	} else {
		/* The n-th allocation fails, the others succeed: every n of the
		 * small set, the METI set sampled. Under valgrind (slow mode) a
		 * run costs 0.2 to 0.4 s, signing included, so both sets are
		 * sampled lightly there (some 460 runs in all): the every-n and
		 * call-edge passes run in the sanitizer build and plain make
		 * check. */
		if (slow) {
			pass_sampled(&small, 0, 150, 50, 0);
			pass_sampled(&meti, 0, 150, 50, 0);
		} else {
			pass_every(&small, 0, 0);
			pass_sampled(&meti, 0, target, 300, 4);
		}
		/* Every allocation from the n-th on fails, so that the error paths'
		 * own allocations (messages, diagnostics) fail too. */
		if (slow) {
			pass_sampled(&small, 1, 80, 30, 0);
			pass_sampled(&meti, 1, 80, 30, 0);
		} else {
			pass_every(&small, 1, 0);
			pass_sampled(&meti, 1, target, 300, 4);
		}
	}

	printf("check_alloc_fail: summary: %llu allocation failures injected in %llu runs (%llu "
	       "swallowed by a call that succeeded); %llu problems in %zu kinds; %.1f s\n",
	       total_covered, total_runs, total_swallowed, problem_total, nproblems, test_now() - t0);
	fflush(stdout);
	for (i = 0; i < nproblems; i++) {
		size_t j;

		fprintf(stderr, "check_alloc_fail: problem %zu (%lu times, n =", i + 1,
		        problems[i].count);
		for (j = 0; j < problems[i].nns; j++)
			fprintf(stderr, " %llu", problems[i].ns[j]);
		fprintf(stderr, "%s): %s\n", problems[i].nns == MAX_NS ? " ..." : "",
		        problems[i].first);
	}
	fixture_free(&small);
	fixture_free(&meti);
	ck_assert_msg(problem_total == 0,
	              "%llu problems in %zu kinds under allocation failure; the first: %s",
	              problem_total, nproblems, nproblems ? problems[0].first : "");
	ck_assert_int_eq(A.live, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("alloc_fail");
	TCase *tc = tcase_create("every_n");

	tcase_add_test(tc, every_allocation_can_fail);
	tcase_set_timeout(tc, 600);
	suite_add_tcase(s, tc);
	return test_run(s);
}
