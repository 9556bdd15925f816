/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Thread stress: 8 threads x 10,000 evaluations against one shared
 * criteria set, every result identical to the one computed before the
 * threads start. Run under ThreadSanitizer in CI (configure
 * --enable-sanitizers=thread). Some threads share evidence records too: a
 * finished record may be evaluated by many threads at once, and the first
 * evaluations race to publish its caches. */
#include "config.h"

#include <pthread.h>

#include "testutil.h"

#define THREADS 8
#define RECORDS 16

static unsigned long iterations(void)
{
	const char *s = getenv("SCSEC_STRESS_ITERATIONS");

	/* Under valgrind (no fork) a full run would take minutes. */
	if (s)
		return strtoul(s, NULL, 10);
	return test_no_fork() ? 200 : 10000;
}

typedef struct shared {
	const scsec_criteria *c;
	scsec_evidence *records[RECORDS];
	char *expected[RECORDS][4]; /* JSON as of four dates */
	scsec_date dates[4];
	unsigned long iterations;
} shared;

typedef struct worker {
	shared *s;
	unsigned id;
	unsigned long evaluations;
	unsigned long mismatches;
	int error;
} worker;

/* A deterministic supplier: record k answers criterion i according to a
 * simple hash, so the records differ in level, gaps and validity. */
static scsec_evidence *make_record(const scsec_criteria *c, unsigned k)
{
	scsec_evidence *ev;
	scsec_entry *e;
	scsec_date base;
	size_t i, n = scsec_criteria_criterion_count(c);

	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_date_parse(&base, "2026-01-15"));
	for (i = 0; i < n; i++) {
		unsigned h = (unsigned)(i * 2654435761u + k * 40503u);
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);

		if (h % 17 == 0)
			continue;
		ck_ok(scsec_entry_new(&e, scsec_criterion_id(cr)));
		ck_ok(scsec_entry_set_status(e, h % 23 == 0   ? SCSEC_STATUS_PARTIAL
		                                : h % 29 == 0 ? SCSEC_STATUS_NOT_APPLICABLE
		                                              : SCSEC_STATUS_MET));
		if (h % 29 == 0 && h % 2)
			ck_ok(scsec_entry_set_justification(e, "Out of scope."));
		ck_ok(scsec_entry_set_method(e, k % 3 == 0 ? SCSEC_METHOD_EXPERT_REVIEWED
		                                           : SCSEC_METHOD_THIRD_PARTY));
		ck_ok(scsec_entry_set_assessed_on(e, base + (scsec_date)(h % 300)));
		ck_ok(scsec_evidence_add(ev, e));
	}
	if (k % 2) {
		ck_ok(scsec_entry_new(&e, "management-pledge"));
		ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_MET));
		ck_ok(scsec_entry_set_assessed_on(e, base));
		ck_ok(scsec_evidence_add(ev, e));
	}
	return ev;
}

static char *evaluate_json(const scsec_criteria *c, const scsec_evidence *ev, scsec_date as_of)
{
	scsec_eval_options *o;
	scsec_result *r;
	char *json = NULL;

	if (scsec_eval_options_new(&o) || scsec_eval_options_set_as_of(o, as_of))
		return NULL;
	if (!scsec_evaluate(&r, c, ev, o)) {
		if (scsec_result_to_json(&json, NULL, r))
			json = NULL;
		scsec_result_free(r);
	}
	scsec_eval_options_free(o);
	return json;
}

static void *work(void *arg)
{
	worker *w = arg;
	shared *s = w->s;
	unsigned long i;

	for (i = 0; i < s->iterations; i++) {
		/* Half the threads walk the records in step (sharing them at the
		 * same moment), the others from their own starting point. */
		unsigned r = (unsigned)((w->id % 2 ? i : i + w->id * 7) % RECORDS);
		unsigned d = (unsigned)((i / RECORDS + w->id) % 4);
		char *json = evaluate_json(s->c, s->records[r], s->dates[d]);

		if (!json) {
			w->error = scsec_error_code(scsec_error_last());
			return NULL;
		}
		w->mismatches += strcmp(json, s->expected[r][d]) != 0;
		w->evaluations++;
		scsec_free(json);
	}
	return NULL;
}

START_TEST(shared_set_many_threads_identical_results)
{
	shared s;
	worker w[THREADS];
	pthread_t t[THREADS];
	scsec_criteria *c;
	scsec_evidence *fresh[RECORDS];
	unsigned i, d;
	unsigned long total = 0;

	memset(&s, 0, sizeof s);
	ck_ok(scsec_criteria_builtin(&c, NULL));
	s.c = c;
	s.iterations = iterations();
	ck_ok(scsec_date_parse(&s.dates[0], "2026-06-01"));
	ck_ok(scsec_date_parse(&s.dates[1], "2026-12-01"));
	ck_ok(scsec_date_parse(&s.dates[2], "2027-01-20"));
	ck_ok(scsec_date_parse(&s.dates[3], "2029-02-01"));
	/* The expected results come from separate copies, so that the shared
	 * records start with empty caches and the threads race to fill them. */
	for (i = 0; i < RECORDS; i++) {
		s.records[i] = make_record(c, i);
		ck_ok(scsec_evidence_dup(&fresh[i], s.records[i]));
		for (d = 0; d < 4; d++) {
			s.expected[i][d] = evaluate_json(c, fresh[i], s.dates[d]);
			ck_assert_ptr_nonnull(s.expected[i][d]);
		}
		scsec_evidence_free(fresh[i]);
	}
	/* The records differ: not every result is the same. */
	ck_assert_str_ne(s.expected[0][0], s.expected[1][0]);
	for (i = 0; i < THREADS; i++) {
		w[i].s = &s;
		w[i].id = i;
		w[i].evaluations = w[i].mismatches = 0;
		w[i].error = 0;
		ck_assert_int_eq(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	for (i = 0; i < THREADS; i++) {
		ck_assert_msg(!w[i].error, "thread %u: evaluation failed with %d", i, w[i].error);
		ck_assert_msg(!w[i].mismatches, "thread %u: %lu results differ from the sequential ones", i,
		              w[i].mismatches);
		total += w[i].evaluations;
	}
	ck_assert_uint_eq(total, THREADS * s.iterations);
	printf("stress: %u threads x %lu evaluations, all identical\n", THREADS, s.iterations);
	for (i = 0; i < RECORDS; i++) {
		scsec_evidence_free(s.records[i]);
		for (d = 0; d < 4; d++)
			scsec_free(s.expected[i][d]);
	}
	scsec_criteria_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("stress");
	TCase *tc = tcase_create("threads");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, shared_set_many_threads_identical_results);
	suite_add_tcase(s, tc);
	return test_run(s);
}
