/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* `make bench`: libscsec's speed, measured on a workload the program makes
 * itself — N synthetic suppliers' evidence for the METI ★4 set (153 entries
 * each plus the pledge, a realistic mix of statuses, methods and dates) —
 * and printed against the targets:
 *
 *   raw parse      xmlReadMemory() of the same bytes: the floor
 *   load + check   scsec_evidence_load_memory() + scsec_evidence_check(),
 *                  target within 1.5x the floor
 *   evaluate       scsec_evaluate() of each record just loaded (binding it
 *                  and running once), target at least 10x faster than its
 *                  load + check; of loaded records in turn (200, all),
 *                  printed; and
 *                  scsec_evaluator_run() of evaluators made once, printed
 *                  (over 200 suppliers in turn and over all of them)
 *   embedder path  records built through the API from rows in memory and
 *                  evaluated once, target at least 10,000 per second on
 *                  one core
 *   batch          `scsec batch` over files, -j 1 and -j 2, target a
 *                  speed-up of at least 1.8
 *   memory         peak RSS of a fresh process doing load + check +
 *                  evaluate + free for 10,000 suppliers, against 1,000: flat
 *
 * Usage: bench [-n SUPPLIERS] [--scsec PATH] [--no-batch]
 * Exit status 0 when every target is met, 1 otherwise. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "scsec/scsec.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void die(const char *what)
{
	const scsec_error *e = scsec_error_last();

	fprintf(stderr, "bench: %s: %s\n", what, scsec_error_message(e));
	exit(2);
}

/* xorshift64*: a fixed, portable sequence. */
static unsigned long long rng_state = 0x9e3779b97f4a7c15ull;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ull) >> 33) % n;
}

/* One answer of a synthetic supplier, as an embedder holds it in memory
 * (a database row) before building the record through the API. */
typedef struct row {
	const char *id;
	scsec_status status;
	scsec_method method;
	scsec_date assessed_on; /* SCSEC_DATE_NONE: none */
	scsec_date expires_on;
	int justified;
	int artifact;
} row;

/* One synthetic supplier's rows: most criteria met by a third party, the
 * rest a mix of partial, not-met, not-applicable with a justification,
 * weaker methods and older or missing dates; rows has room for every
 * criterion and the pledge. */
static size_t make_rows(row *rows, const scsec_criteria *c)
{
	scsec_date base, d;
	size_t i, n = scsec_criteria_criterion_count(c);

	scsec_date_parse(&base, "2026-04-01");
	for (i = 0; i <= n; i++) {
		row *w = &rows[i];
		unsigned roll = i < n ? rnd(100) : 0;

		w->id = i < n ? scsec_criterion_id(scsec_criteria_criterion_at(c, i)) : "management-pledge";
		w->status = SCSEC_STATUS_NONE;
		w->justified = 0;
		d = base + (scsec_date)rnd(180);
		if (roll < 75) {
			w->status = SCSEC_STATUS_MET;
		} else if (roll < 83) {
			w->status = SCSEC_STATUS_PARTIAL;
		} else if (roll < 88) {
			w->status = SCSEC_STATUS_NOT_MET;
		} else if (roll < 95) {
			w->status = SCSEC_STATUS_NOT_APPLICABLE;
			w->justified = 1;
		} else if (roll < 98) {
			w->status = SCSEC_STATUS_MET;
			d -= 800; /* stale */
		}
		/* else: unanswered, the status stays empty */
		w->method = rnd(10) < 8 ? SCSEC_METHOD_THIRD_PARTY : SCSEC_METHOD_EXPERT_REVIEWED;
		w->assessed_on = rnd(50) ? d : SCSEC_DATE_NONE;
		w->expires_on = rnd(10) == 0 ? d + 700 : SCSEC_DATE_NONE;
		w->artifact = rnd(3) == 0;
	}
	return n + 1;
}

/* The record an embedder builds from rows through the API. */
static scsec_evidence *build_record(const scsec_criteria *c, unsigned k, const row *rows,
                                    size_t nrows)
{
	scsec_evidence *ev;
	size_t i;
	char name[64];

	if (scsec_evidence_new(&ev, c))
		die("evidence_new");
	snprintf(name, sizeof name, "Synthetic Supplier %05u K.K.", k);
	scsec_evidence_set_subject_name(ev, name);
	scsec_evidence_set_created(ev, "2026-10-01T09:00:00Z");
	scsec_evidence_set_tool(ev, "scsec bench");
	for (i = 0; i < nrows; i++) {
		const row *w = &rows[i];
		scsec_entry *e;

		if (scsec_entry_new(&e, w->id))
			die("entry_new");
		if (w->status)
			scsec_entry_set_status(e, w->status);
		if (w->justified)
			scsec_entry_set_justification(e, "No such assets in scope: confirmed by the assessor.");
		scsec_entry_set_method(e, w->method);
		if (w->assessed_on != SCSEC_DATE_NONE)
			scsec_entry_set_assessed_on(e, w->assessed_on);
		if (w->expires_on != SCSEC_DATE_NONE)
			scsec_entry_set_expires_on(e, w->expires_on);
		scsec_entry_set_assessor(e, "Example Evaluation Body K.K.", "EB-0042");
		if (w->artifact)
			scsec_entry_add_artifact(e, "https://evidence.example/ab12cd34.pdf",
			                         "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
		if (scsec_evidence_add(ev, e))
			die("evidence_add");
	}
	return ev;
}

/* One synthetic supplier's record. */
static scsec_evidence *make_supplier(const scsec_criteria *c, unsigned k)
{
	row rows[512];

	if (scsec_criteria_criterion_count(c) >= 512)
		die("too many criteria");
	return build_record(c, k, rows, make_rows(rows, c));
}

typedef struct doc {
	char *xml;
	size_t len;
} doc;

static int report(const char *what, double value, const char *unit, const char *target, int ok)
{
	printf("  %-34s %14.3f %-12s %-26s %s\n", what, value, unit, target, ok ? "ok" : "MISSED");
	return ok;
}

/* One-shot evaluations per second (CPU time): scsec_evaluate() of each of
 * records[0..count) in turn, as of other dates, at least `total` times.
 * Each binds the record anew (scsec_evaluator_new) and runs once. */
static double evaluate_rate(const scsec_criteria *c, scsec_evidence **records, unsigned count,
                            scsec_eval_options *o, scsec_date asof, unsigned long total)
{
	unsigned long evals = 0;
	unsigned i, r, rounds = (unsigned)(total / count + 1);
	double t0 = cpu_now();

	for (r = 0; r < rounds; r++) {
		scsec_eval_options_set_as_of(o, asof + (scsec_date)(r % 365));
		for (i = 0; i < count; i++) {
			scsec_result *res;

			if (scsec_evaluate(&res, c, records[i], o))
				die("evaluate");
			scsec_result_free(res);
			evals++;
		}
	}
	return (double)evals / (cpu_now() - t0);
}

/* Runs per second (CPU time) of evaluators made once for records[0..count)
 * (untimed), taken in turn as of other dates, at least `total` runs. */
static double run_rate(const scsec_criteria *c, scsec_evidence **records, unsigned count,
                       scsec_eval_options *o, scsec_date asof, unsigned long total)
{
	scsec_evaluator **x = calloc(count, sizeof *x);
	unsigned long evals = 0;
	unsigned i, r, rounds = (unsigned)(total / count + 1);
	double t0;

	if (!x)
		die("calloc");
	for (i = 0; i < count; i++)
		if (scsec_evaluator_new(&x[i], c, records[i]))
			die("evaluator_new");
	t0 = cpu_now();
	for (r = 0; r < rounds; r++) {
		scsec_eval_options_set_as_of(o, asof + (scsec_date)(r % 365));
		for (i = 0; i < count; i++) {
			scsec_result *res;

			if (scsec_evaluator_run(&res, x[i], o))
				die("evaluator_run");
			scsec_result_free(res);
			evals++;
		}
	}
	t0 = (double)evals / (cpu_now() - t0);
	for (i = 0; i < count; i++)
		scsec_evaluator_free(x[i]);
	free(x);
	return t0;
}

/* The embedder's path, one core: records built through the API from rows
 * held in memory (200 suppliers' rows, taken in turn), each evaluated once
 * and freed, as a system scoring suppliers from its database does. Sets
 * *build to the share of the time spent building. Records per second (CPU
 * time), over at least `total` records. */
static double embed_rate(const scsec_criteria *c, scsec_eval_options *o, unsigned total,
                         double *build)
{
	enum { SETS = 200 };
	static row rows[SETS][512];
	size_t nrows[SETS];
	unsigned i;
	double t0, tb = 0, t;

	if (scsec_criteria_criterion_count(c) >= 512)
		die("too many criteria");
	for (i = 0; i < SETS; i++)
		nrows[i] = make_rows(rows[i], c);
	t0 = cpu_now();
	for (i = 0; i < total; i++) {
		scsec_evidence *ev;
		scsec_result *res;

		t = cpu_now();
		ev = build_record(c, i, rows[i % SETS], nrows[i % SETS]);
		tb += cpu_now() - t;
		if (scsec_evaluate(&res, c, ev, o))
			die("evaluate");
		scsec_result_free(res);
		scsec_evidence_free(ev);
	}
	t = cpu_now() - t0;
	*build = tb / t;
	return total / t;
}

/* Peak resident memory of a fresh process that loads, checks, evaluates
 * and frees `suppliers` records one after the other (cycling over 50
 * distinct documents), in KiB. Measured in a child forked before the
 * benchmark holds anything, so nothing else inflates the peak. */
static long child_peak_kib(unsigned suppliers)
{
	int fd[2];
	long peak = -1;
	pid_t pid;

	if (pipe(fd))
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		scsec_criteria *c;
		scsec_eval_options *o;
		doc docs[50];
		scsec_date asof;
		unsigned i;

		close(fd[0]);
		if (scsec_criteria_builtin(&c, NULL) || scsec_eval_options_new(&o))
			_exit(2);
		scsec_date_parse(&asof, "2026-11-01");
		scsec_eval_options_set_as_of(o, asof);
		for (i = 0; i < 50; i++) {
			scsec_evidence *ev = make_supplier(c, i);

			if (scsec_evidence_write_memory(&docs[i].xml, &docs[i].len, ev))
				_exit(2);
			scsec_evidence_free(ev);
		}
		for (i = 0; i < suppliers; i++) {
			scsec_evidence *ev;
			scsec_result *res;

			if (scsec_evidence_load_memory(&ev, docs[i % 50].xml, docs[i % 50].len, "bench.xml",
			                               NULL, NULL) ||
			    scsec_evidence_check(ev, c, NULL) || scsec_evaluate(&res, c, ev, o))
				_exit(2);
			scsec_result_free(res);
			scsec_evidence_free(ev);
		}
		peak = peak_rss_kib();
		if (write(fd[1], &peak, sizeof peak) != (ssize_t)sizeof peak)
			_exit(2);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &peak, sizeof peak) != (ssize_t)sizeof peak)
		peak = -1;
	close(fd[0]);
	waitpid(pid, NULL, 0);
	if (peak < 0)
		die("memory measurement");
	return peak;
}

static int run_batch(const char *scsec, const char *dir, int jobs, double *secs)
{
	char cmd[4096];
	double t0 = now();
	int rc;

	snprintf(cmd, sizeof cmd, "'%s' batch -j %d --as-of 2026-11-01 --format csv -o /dev/null '%s'",
	         scsec, jobs, dir);
	rc = system(cmd);
	*secs = now() - t0;
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

/* ---- the portfolio: 10,000 suppliers in one (doc/portfolio.md) ---- */

static int portfolio_bench(const scsec_criteria *c, scsec_evidence **records, unsigned count,
                           scsec_eval_options *o, scsec_date asof)
{
	enum { SUPPLIERS = 10000 };
	scsec_portfolio *p = NULL;
	scsec_eval_options *k = NULL;
	scsec_result **results = calloc(count, sizeof *results);
	double t0, build, json, csv;
	char id[32], *text = NULL;
	size_t len = 0, jlen;
	unsigned i;
	int ok = 1;

	if (!results || scsec_eval_options_new(&k) || scsec_eval_options_set_required(k, 4) ||
	    scsec_eval_options_set_as_of(o, asof))
		die("portfolio options");
	for (i = 0; i < count; i++)
		if (scsec_evaluate(&results[i], c, records[i], o))
			die("portfolio evaluate");
	t0 = cpu_now();
	if (scsec_portfolio_new(&p, c, asof, 90))
		die("portfolio new");
	for (i = 0; i < SUPPLIERS; i++) {
		snprintf(id, sizeof id, "S%05u", (i * 7919u) % SUPPLIERS);
		if (scsec_portfolio_add(p, id, "Synthetic Supplier K.K.", results[i % count], NULL))
			die("portfolio add");
		if (i % 2 && scsec_portfolio_add_contract(p, id, "main", k))
			die("portfolio contract");
	}
	build = cpu_now() - t0;
	t0 = cpu_now();
	if (scsec_portfolio_to_json(&text, &jlen, p))
		die("portfolio json");
	json = cpu_now() - t0;
	scsec_free(text);
	t0 = cpu_now();
	if (scsec_portfolio_to_csv(&text, &len, p))
		die("portfolio csv");
	csv = cpu_now() - t0;
	scsec_free(text);
	printf("\n  portfolio: %d suppliers (every second with a contract for ★4), %.1f MiB of JSON\n",
	       SUPPLIERS, (double)jlen / (1 << 20));
	ok &= report("portfolio build (add + contracts)", build, "s", "<= 2", build <= 2);
	ok &= report("portfolio to JSON", json, "s", "<= 1", json <= 1);
	ok &= report("portfolio to CSV", csv, "s", "<= 1", csv <= 1);
	scsec_portfolio_free(p);
	for (i = 0; i < count; i++)
		scsec_result_free(results[i]);
	free(results);
	scsec_eval_options_free(k);
	return ok;
}

static int run_portfolio(const char *scsec, const char *dir, double *secs)
{
	char cmd[4096];
	double t0 = now();
	int rc;

	snprintf(cmd, sizeof cmd, "'%s' portfolio --as-of 2026-11-01 -o /dev/null '%s'", scsec, dir);
	rc = system(cmd);
	*secs = now() - t0;
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

/* ---- OSCAL: a synthetic catalog of 1,200 controls with three profiles ---- */

static void buf_add(char **b, size_t *n, size_t *cap, const char *fmt, ...)
{
	va_list ap;
	int k;

	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(*b + *n, *cap - *n, fmt, ap);
		va_end(ap);
		if (k < 0)
			die("vsnprintf");
		if ((size_t)k < *cap - *n)
			break;
		*cap = *cap * 2 + (size_t)k;
		if (!(*b = realloc(*b, *cap)))
			die("realloc");
	}
	*n += (size_t)k;
}

static char *oscal_profile(unsigned every, size_t *len)
{
	size_t n = 0, cap = 1 << 16;
	char *b = malloc(cap);
	unsigned g, k, first = 1;

	if (!b)
		die("malloc");
	buf_add(&b, &n, &cap, "{\"profile\":{\"uuid\":\"5e1f0000-0000-4000-8000-%012u\","
	        "\"metadata\":{\"title\":\"every %u\",\"last-modified\":\"2026-01-01T00:00:00Z\","
	        "\"version\":\"1\",\"oscal-version\":\"1.1.2\"},\"imports\":[{\"href\":"
	        "\"bench.json\",", every, every);
	if (every == 1) {
		buf_add(&b, &n, &cap, "\"include-all\":{}}]}}");
	} else {
		buf_add(&b, &n, &cap, "\"include-controls\":[{\"with-child-controls\":\"yes\","
		        "\"with-ids\":[");
		for (g = 0; g < 60; g++)
			for (k = 0; k < 10; k++)
				if ((g * 10 + k) % every == 0) {
					buf_add(&b, &n, &cap, "%s\"g%u-%u\"", first ? "" : ",", g, k);
					first = 0;
				}
		buf_add(&b, &n, &cap, "]}]}]}}");
	}
	*len = n;
	return b;
}

/* Import the catalog with its three profiles (nested levels), and export
 * the set as OSCAL again; best of five. */
static int oscal_bench(void)
{
	size_t n = 0, cap = 1 << 20, plen[3], clen = 0;
	char *cat = malloc(cap), *prof[3], *out = NULL;
	static const unsigned every[3] = { 3, 2, 1 };
	static const char *const labels[3] = { "LOW", "MODERATE", "HIGH" };
	double best_in = 1e9, best_out = 1e9;
	scsec_criteria *c = NULL;
	unsigned g, k, i, rep;
	int ok = 1;

	if (!cat)
		die("malloc");
	buf_add(&cat, &n, &cap, "{\"catalog\":{\"uuid\":\"5e1f0000-0000-4000-8000-000000000000\","
	        "\"metadata\":{\"title\":\"Benchmark catalog\",\"last-modified\":"
	        "\"2026-01-01T00:00:00Z\",\"version\":\"1\",\"oscal-version\":\"1.1.2\"},"
	        "\"groups\":[");
	for (g = 0; g < 60; g++) {
		buf_add(&cat, &n, &cap, "%s{\"id\":\"g%u\",\"title\":\"Family %u\",\"controls\":[",
		        g ? "," : "", g, g);
		for (k = 0; k < 10; k++)
			buf_add(&cat, &n, &cap,
			        "%s{\"id\":\"g%u-%u\",\"title\":\"Control %u.%u\",\"params\":[{\"id\":"
			        "\"g%u-%u_prm\",\"label\":\"organization-defined frequency\"}],\"props\":["
			        "{\"name\":\"label\",\"value\":\"G%u-%u\"}],\"parts\":[{\"name\":"
			        "\"statement\",\"prose\":\"Review the control {{ insert: param, g%u-%u_prm }}"
			        " and keep a record of every review.\",\"parts\":[{\"name\":\"item\",\"props\":"
			        "[{\"name\":\"label\",\"value\":\"a.\"}],\"prose\":\"Document it.\"}]}],"
			        "\"controls\":[{\"id\":\"g%u-%u.1\",\"title\":\"Enhancement\",\"parts\":[{"
			        "\"name\":\"statement\",\"prose\":\"Automate the review.\"}]}]}",
			        k ? "," : "", g, k, g, k, g, k, g, k, g, k, g, k);
		buf_add(&cat, &n, &cap, "]}");
	}
	buf_add(&cat, &n, &cap, "]}}");
	for (i = 0; i < 3; i++)
		prof[i] = oscal_profile(every[i], &plen[i]);
	for (rep = 0; rep < 5; rep++) {
		scsec_oscal_import *imp = NULL;
		double t0;

		if (scsec_oscal_import_new(&imp))
			die("scsec_oscal_import_new");
		for (i = 0; i < 3; i++) {
			char name[32];

			snprintf(name, sizeof name, "p%u.json", i);
			if (scsec_oscal_import_add_profile_memory(imp, (int)i + 1, labels[i], prof[i], plen[i],
			                                          name))
				die("scsec_oscal_import_add_profile_memory");
		}
		scsec_criteria_free(c);
		c = NULL;
		t0 = now();
		if (scsec_criteria_import_oscal_memory(&c, cat, n, "bench.json", imp, NULL, NULL))
			die("scsec_criteria_import_oscal_memory");
		if (now() - t0 < best_in)
			best_in = now() - t0;
		scsec_oscal_import_free(imp);
		t0 = now();
		if (scsec_criteria_oscal_catalog(&out, &clen, c))
			die("scsec_criteria_oscal_catalog");
		if (now() - t0 < best_out)
			best_out = now() - t0;
		scsec_free(out);
		out = NULL;
	}
	printf("\n  OSCAL: %zu controls (600 + 600 enhancements), %.1f MiB of JSON, 3 profiles\n",
	       scsec_criteria_criterion_count(c), (double)n / (1 << 20));
	ok &= report("OSCAL catalog + 3 profiles import", 1000 * best_in, "ms", "<= 1,000",
	             best_in <= 1.0);
	ok &= report("OSCAL catalog export", 1000 * best_out, "ms", "<= 1,000", best_out <= 1.0);
	scsec_criteria_free(c);
	for (i = 0; i < 3; i++)
		free(prof[i]);
	free(cat);
	return ok;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "suppliers", required_argument, NULL, 'n' },
		{ "scsec", required_argument, NULL, 's' },
		{ "no-batch", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned n = 2000, i;
	const char *scsec = NULL;
	int batch = 1, ok = 1, opt;
	scsec_criteria *c;
	scsec_evidence **loaded;
	doc *docs;
	size_t bytes = 0;
	double t0, t1, raw, load, first, once_hot, once_cold, run_hot, run_cold, embed, embed_build;
	scsec_eval_options *o;
	scsec_date asof;
	long rss_small, rss_big;

	while ((opt = getopt_long(argc, argv, "n:s:Bh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n': n = (unsigned)strtoul(optarg, NULL, 10); break;
		case 's': scsec = optarg; break;
		case 'B': batch = 0; break;
		default:
			fprintf(stderr, "usage: bench [-n SUPPLIERS] [--scsec PATH] [--no-batch]\n");
			return opt == 'h' ? 0 : 2;
		}
	}
	if (n < 10) {
		fprintf(stderr, "bench: need at least 10 suppliers\n");
		return 2;
	}
	/* Memory first, in fresh processes. */
	rss_small = child_peak_kib(1000);
	rss_big = child_peak_kib(10000);
	if (scsec_criteria_builtin(&c, NULL))
		die("builtin");
	xmlInitParser();
	printf("libscsec %s benchmark: %u synthetic suppliers, METI ★4 set (%zu criteria + pledge)\n\n",
	       scsec_version_string(), n, scsec_criteria_criterion_count(c));

	/* The workload, as canonical XML documents. */
	docs = calloc(n, sizeof *docs);
	loaded = calloc(n, sizeof *loaded);
	if (!docs || !loaded)
		return 2;
	for (i = 0; i < n; i++) {
		scsec_evidence *ev = make_supplier(c, i);

		if (scsec_evidence_write_memory(&docs[i].xml, &docs[i].len, ev))
			die("write");
		bytes += docs[i].len;
		scsec_evidence_free(ev);
	}

	/* The floor: libxml2 parsing the same bytes into its tree, nothing else. */
	t0 = cpu_now();
	for (i = 0; i < n; i++) {
		xmlDocPtr d = xmlReadMemory(docs[i].xml, (int)docs[i].len, "bench.xml", NULL,
		                            XML_PARSE_NONET);

		if (!d)
			die("xmlReadMemory");
		xmlFreeDoc(d);
	}
	raw = cpu_now() - t0;

	/* libscsec: secure parse + schema validation + model + check; and
	 * each record, just loaded, evaluated once (scsec_evaluate), timed on
	 * its own: what a system that loads and scores a record pays for each
	 * part. */
	scsec_eval_options_new(&o);
	scsec_date_parse(&asof, "2026-11-01");
	scsec_eval_options_set_as_of(o, asof);
	load = first = 0;
	for (i = 0; i < n; i++) {
		scsec_result *res;

		t0 = cpu_now();
		if (scsec_evidence_load_memory(&loaded[i], docs[i].xml, docs[i].len, "bench.xml", NULL,
		                               NULL))
			die("load");
		if (scsec_evidence_check(loaded[i], c, NULL))
			die("check");
		t1 = cpu_now();
		if (scsec_evaluate(&res, c, loaded[i], o))
			die("evaluate");
		scsec_result_free(res);
		load += t1 - t0;
		first += cpu_now() - t1;
	}

	/* Evaluation of loaded records, one core: scsec_evaluate() of each in
	 * turn (a binding made, run once and freed each time); then evaluators
	 * made once and run again and again as of other dates, the records
	 * taken in turn, as a system re-scoring its suppliers does, over a
	 * working set of 200 suppliers, which stays in the CPU's caches, and
	 * over all of them, which does not on most machines. */
	once_hot = evaluate_rate(c, loaded, n < 200 ? n : 200, o, asof, 50000);
	once_cold = evaluate_rate(c, loaded, n, o, asof, 50000);
	run_hot = run_rate(c, loaded, n < 200 ? n : 200, o, asof, 1000000);
	run_cold = run_rate(c, loaded, n, o, asof, 1000000);
	embed = embed_rate(c, o, 20000, &embed_build);

	printf("  %-34s %14s %-12s %-26s %s\n", "measure", "value", "unit", "target", "");
	report("raw libxml2 parse (floor)", (double)n / raw, "docs/s", "-", 1);
	printf("  %-34s %14.1f %-12s\n", "  document size", (double)bytes / n, "bytes/doc");
	ok &= report("libscsec load + check", (double)n / load, "docs/s", "-", 1);
	ok &= report("  ratio to the floor", load / raw, "x", "<= 1.5", load / raw <= 1.5);
	report("scsec_evaluate, each just loaded", n / first, "evals/s", "-", 1);
	ok &= report("  ratio to its load + check", load / first, "x", ">= 10", load / first >= 10);
	report("scsec_evaluate, 200 suppliers", once_hot, "evals/s", "-", 1);
	report("scsec_evaluate, all suppliers", once_cold, "evals/s", "(memory-bound)", 1);
	report("evaluator run, 200 suppliers", run_hot, "evals/s", "-", 1);
	report("evaluator run, all suppliers", run_cold, "evals/s", "(memory-bound)", 1);
	ok &= report("build via the API + evaluate once", embed, "records/s", ">= 10,000", embed >= 1e4);
	printf("  %-34s %14.1f %-12s\n", "  of which building", 100 * embed_build, "%");

	ok &= portfolio_bench(c, loaded, n < 500 ? n : 500, o, asof);

	for (i = 0; i < n; i++)
		scsec_evidence_free(loaded[i]);

	/* Memory: measured in fresh processes (above), compared here. */
	ok &= report("peak RSS, 1,000 suppliers", (double)rss_small / 1024, "MiB", "-", 1);
	ok &= report("peak RSS, 10,000 suppliers", (double)rss_big / 1024, "MiB", "flat (+<= 2 MiB)",
	             rss_big - rss_small <= 2048);

	/* The whole `scsec batch` path over files. */
	if (batch && scsec) {
		char dir[] = "/tmp/scsec-bench-XXXXXX";
		double tj1 = 0, tj2 = 0;
		unsigned files = n < 2000 ? n : 2000;

		if (!mkdtemp(dir))
			die("mkdtemp");
		for (i = 0; i < files; i++) {
			char path[256];

			snprintf(path, sizeof path, "%s/supplier-%05u.xml", dir, i);
			if (scsec_file_write(path, docs[i].xml, docs[i].len, 0))
				die("write file");
		}
		if (run_batch(scsec, dir, 1, &tj1) != 0 || run_batch(scsec, dir, 2, &tj2) != 0) {
			fprintf(stderr, "bench: %s batch failed\n", scsec);
			ok = 0;
		} else {
			report("scsec batch -j 1", files / tj1, "files/s", "-", 1);
			report("scsec batch -j 2", files / tj2, "files/s", "-", 1);
			ok &= report("  speed-up -j 2 / -j 1", tj1 / tj2, "x", ">= 1.8", tj1 / tj2 >= 1.8);
		}
		if (run_portfolio(scsec, dir, &tj1) != 0) {
			fprintf(stderr, "bench: %s portfolio failed\n", scsec);
			ok = 0;
		} else {
			report("scsec portfolio (HTML dashboard)", files / tj1, "files/s", "-", 1);
		}
		for (i = 0; i < files; i++) {
			char path[256];

			snprintf(path, sizeof path, "%s/supplier-%05u.xml", dir, i);
			unlink(path);
		}
		rmdir(dir);
	} else if (batch) {
		printf("  (batch skipped: give --scsec PATH to the scsec binary)\n");
	}

	ok &= oscal_bench();
	printf("\n%s\n", ok ? "all targets met" : "some targets MISSED");
	for (i = 0; i < n; i++)
		scsec_free(docs[i].xml);
	free(docs);
	free(loaded);
	scsec_eval_options_free(o);
	scsec_criteria_free(c);
	xmlCleanupParser();
	return ok ? 0 : 1;
}
