/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The proof of the evaluation engine: one case (at least) per rule of
 * doc/evaluation.md, the scores, the errors, property tests over random
 * records and concurrent evaluation. Criteria sets come from
 * tests/data/eval/ and the built-in METI set; evidence is built through
 * the API. Every test names an explicit evaluation date. */
#include "config.h"

#include <pthread.h>
#include <stdint.h>

#include "oracle.h"
#include "testutil.h"

/* ---------------------------------------------------------------- helpers */

static scsec_date D(const char *s)
{
	scsec_date d;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

/* A set of tests/data/eval/. */
static scsec_criteria *load_set(const char *name)
{
	char rel[128], path[1024];
	scsec_criteria *c = NULL;

	snprintf(rel, sizeof rel, "tests/data/eval/%s.xml", name);
	ck_ok(scsec_criteria_load_file(&c, test_srcpath(path, sizeof path, rel), NULL, NULL));
	return c;
}

static scsec_criteria *load_meti(void)
{
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_builtin(&c, SCSEC_CRITERIA_DEFAULT));
	return c;
}

/* An empty record naming @p c. */
static scsec_evidence *new_record(const scsec_criteria *c)
{
	scsec_evidence *ev = NULL;

	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_evidence_set_subject_name(ev, "Example Parts Co., Ltd."));
	return ev;
}

/* Set (add or replace) the entry for @p id. Dates are "YYYY-MM-DD" or NULL
 * for none; @p justification NULL for none. */
static void put(scsec_evidence *ev, const char *id, scsec_status status, scsec_method method,
                const char *assessed, const char *expires, const char *justification)
{
	scsec_entry *e = NULL;

	ck_ok(scsec_entry_new(&e, id));
	ck_ok(scsec_entry_set_status(e, status));
	ck_ok(scsec_entry_set_method(e, method));
	if (assessed)
		ck_ok(scsec_entry_set_assessed_on(e, D(assessed)));
	if (expires)
		ck_ok(scsec_entry_set_expires_on(e, D(expires)));
	if (justification)
		ck_ok(scsec_entry_set_justification(e, justification));
	ck_ok(scsec_evidence_replace(ev, e));
}

static void put_met(scsec_evidence *ev, const char *id, scsec_method method, const char *assessed)
{
	put(ev, id, SCSEC_STATUS_MET, method, assessed, NULL, NULL);
}

/* Evaluate as of @p as_of, with the gap list for @p target (0: default). */
static scsec_result *eval_at(const scsec_criteria *c, const scsec_evidence *ev, const char *as_of,
                             int target)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D(as_of)));
	ck_ok(scsec_eval_options_set_target(o, target));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* The reason of gap @p id, SCSEC_REASON_NONE when it is not a gap. Checks
 * that an id is listed at most once. */
static scsec_reason gap_reason(const scsec_result *r, const char *id)
{
	scsec_reason why = SCSEC_REASON_NONE;
	size_t i, seen = 0;

	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		if (!strcmp(scsec_gap_id(g), id)) {
			why = scsec_gap_reason(g);
			ck_assert_int_ne(why, SCSEC_REASON_NONE);
			seen++;
		}
	}
	ck_assert_msg(seen <= 1, "gap '%s' listed %zu times", id, seen);
	return why;
}

/* Whether gap @p id is a prerequisite (-1: not a gap). */
static int gap_is_prereq(const scsec_result *r, const char *id)
{
	size_t i;

	for (i = 0; i < scsec_result_gap_count(r); i++)
		if (!strcmp(scsec_gap_id(scsec_result_gap_at(r, i)), id))
			return scsec_gap_is_prerequisite(scsec_result_gap_at(r, i)) != 0;
	return -1;
}

/* Index of the level of rank @p rank in the result. */
static size_t level_at(const scsec_result *r, int rank)
{
	size_t i;

	for (i = 0; i < scsec_result_level_count(r); i++)
		if (scsec_result_level_rank_at(r, i) == rank)
			return i;
	ck_abort_msg("no level of rank %d", rank);
	return 0;
}

static int level_met(const scsec_result *r, int rank)
{
	return scsec_result_level_met_at(r, level_at(r, rank)) != 0;
}

static const scsec_figures *level_figures(const scsec_result *r, int rank)
{
	return scsec_result_level_figures_at(r, level_at(r, rank));
}

/* satisfied + the count of every reason = applicable. */
static int adds_up(const scsec_figures *f)
{
	size_t sum = scsec_figures_satisfied(f);
	int k;

	if (scsec_figures_reason_count(f, SCSEC_REASON_NONE) != scsec_figures_satisfied(f))
		return 0;
	for (k = 1; k < SCSEC_REASON_COUNT; k++)
		sum += scsec_figures_reason_count(f, (scsec_reason)k);
	return sum == scsec_figures_applicable(f);
}

/* Assert exact figures: applicable, satisfied, then the count of each
 * reason from missing to expired. */
static void check_figures(const scsec_figures *f, size_t applicable, size_t satisfied,
                          size_t missing, size_t not_met, size_t partial, size_t na_rejected,
                          size_t method, size_t not_yet_valid, size_t expired)
{
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(scsec_figures_applicable(f), applicable);
	ck_assert_uint_eq(scsec_figures_satisfied(f), satisfied);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_MISSING), missing);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_NOT_MET), not_met);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_PARTIAL), partial);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_NA_REJECTED), na_rejected);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_METHOD), method);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_NOT_YET_VALID), not_yet_valid);
	ck_assert_uint_eq(scsec_figures_reason_count(f, SCSEC_REASON_EXPIRED), expired);
	ck_assert(adds_up(f));
}

static void check_date(scsec_date got, const char *want)
{
	char buf[SCSEC_DATE_BUFSIZE];

	if (!want) {
		ck_assert_msg(got == SCSEC_DATE_NONE, "date %d given, none expected", (int)got);
		return;
	}
	ck_ok(scsec_date_format(buf, got));
	ck_assert_str_eq(buf, want);
}

/* ---- the tiny set (tests/data/eval/tiny.xml) ----
 * Level 1 "Basic": self, P1Y, prerequisite pledge; criteria c-1 c-2 c-3 c-4.
 * Level 2 "Advanced": third-party, P2Y, not requires-lower; criteria
 * c-1 c-2 c-3 c-4 c-10 c-11 c-20. c-4 may not be not-applicable. */
static const char *const tiny_l1[] = { "c-1", "c-2", "c-3", "c-4" };
static const char *const tiny_all[] = { "c-1", "c-2", "c-3", "c-4", "c-10", "c-11", "c-20" };

#define N_OF(a) (sizeof (a) / sizeof *(a))

/* A record where every tiny criterion is met by @p method on @p assessed,
 * with the pledge. */
static scsec_evidence *tiny_record(const scsec_criteria *c, scsec_method method,
                                   const char *assessed)
{
	scsec_evidence *ev = new_record(c);
	size_t i;

	for (i = 0; i < N_OF(tiny_all); i++)
		put_met(ev, tiny_all[i], method, assessed);
	put_met(ev, "pledge", SCSEC_METHOD_SELF, assessed);
	return ev;
}

/* The reason of item @p id at level @p rank of @p ev as of @p as_of, the
 * other items of the level being satisfied: also checks that the level is
 * met exactly when the item is satisfied (rule 3). */
static scsec_reason probe(const scsec_criteria *c, const scsec_evidence *ev, const char *id,
                          const char *as_of, int rank)
{
	scsec_result *r = eval_at(c, ev, as_of, rank);
	scsec_reason why = gap_reason(r, id);

	ck_assert_int_eq(scsec_result_gap_level(r), rank);
	ck_assert_msg(level_met(r, rank) == (why == SCSEC_REASON_NONE),
	              "level %d met=%d but '%s' has reason '%s'", rank, level_met(r, rank), id,
	              scsec_reason_name(why));
	ck_assert_uint_eq(scsec_result_gap_count(r), why != SCSEC_REASON_NONE);
	scsec_result_free(r);
	return why;
}

#define ck_reason(got, want) \
	ck_assert_msg((got) == (want), "reason '%s', expected '%s'", \
	              scsec_reason_name(got), scsec_reason_name(want))

/* ---------------------------------------------------------------- rule 1 */

START_TEST(rule1_met_satisfies)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	ck_reason(probe(c, ev, "c-1", "2025-06-01", 1), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_na_allowed_and_justified_satisfies)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put(ev, "c-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL,
	    "We hold no policy documents: the parent company's policy applies.");
	ck_reason(probe(c, ev, "c-1", "2025-06-01", 1), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_na_without_justification_rejected)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put(ev, "c-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "c-1", "2025-06-01", 1), SCSEC_REASON_NA_REJECTED);
	/* An empty justification is no justification. */
	put(ev, "c-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL, "");
	ck_reason(probe(c, ev, "c-1", "2025-06-01", 1), SCSEC_REASON_NA_REJECTED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_na_where_not_allowed_rejected)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	ck_assert(!scsec_criterion_na_allowed(scsec_criteria_criterion(c, "c-4")));
	put(ev, "c-4", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL,
	    "Only one person works here.");
	ck_reason(probe(c, ev, "c-4", "2025-06-01", 1), SCSEC_REASON_NA_REJECTED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_method_equal_satisfies)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	/* Level 1 takes self, level 2 third-party. */
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 1), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);
	ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 2), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_method_weaker_fails)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");

	put_met(ev, "c-2", SCSEC_METHOD_EXPERT_REVIEWED, "2025-04-01");
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 2), SCSEC_REASON_METHOD);
	put_met(ev, "c-2", SCSEC_METHOD_SELF, "2025-04-01");
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 2), SCSEC_REASON_METHOD);
	/* No method at all is weaker than self. */
	put_met(ev, "c-2", SCSEC_METHOD_NONE, "2025-04-01");
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 1), SCSEC_REASON_METHOD);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_method_stronger_satisfies)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put_met(ev, "c-2", SCSEC_METHOD_EXPERT_REVIEWED, "2025-04-01");
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 1), SCSEC_REASON_NONE);
	put_met(ev, "c-2", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	ck_reason(probe(c, ev, "c-2", "2025-06-01", 1), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_assessed_after_date_not_yet_valid)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put_met(ev, "c-3", SCSEC_METHOD_SELF, "2025-06-02");
	ck_reason(probe(c, ev, "c-3", "2025-06-01", 1), SCSEC_REASON_NOT_YET_VALID);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_valid_from_assessment_day)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put_met(ev, "c-3", SCSEC_METHOD_SELF, "2025-06-01");
	/* D = assessed_on: valid; the day before: not yet. */
	ck_reason(probe(c, ev, "c-3", "2025-06-01", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "c-3", "2025-05-31", 1), SCSEC_REASON_NOT_YET_VALID);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_valid_through_last_day)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");

	/* Level 1 (P1Y): 2025-04-01 + P1Y - 1 day = 2026-03-31. */
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-09-01");
	ck_reason(probe(c, ev, "c-3", "2026-03-31", 1), SCSEC_REASON_NONE);
	/* Level 2 (P2Y): 2027-03-31. */
	ck_reason(probe(c, ev, "c-3", "2027-03-31", 2), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_expired_day_after_last_day)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	size_t i;

	/* Keep everything but c-3 fresh, so that c-3 alone expires. */
	for (i = 0; i < N_OF(tiny_all); i++)
		put_met(ev, tiny_all[i], SCSEC_METHOD_THIRD_PARTY, "2026-01-01");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2026-01-01");
	put_met(ev, "c-3", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	ck_reason(probe(c, ev, "c-3", "2026-04-01", 1), SCSEC_REASON_EXPIRED);
	ck_reason(probe(c, ev, "c-3", "2026-04-01", 2), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "c-3", "2027-04-01", 2), SCSEC_REASON_EXPIRED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_expires_on_earlier_than_validity)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	/* expires_on is the last valid day, whatever the level's validity. */
	put(ev, "c-3", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2025-04-01", "2025-09-30", NULL);
	ck_reason(probe(c, ev, "c-3", "2025-09-30", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "c-3", "2025-10-01", 1), SCSEC_REASON_EXPIRED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_expires_on_later_than_validity)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-06-01");
	scsec_result *r;

	/* Issue 13.4: an expires_on past assessed_on + P1Y - 1 = 2026-03-31
	 * does not stretch the answer: the earlier of the two is its last
	 * valid day. */
	put(ev, "c-3", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2025-04-01", "2027-12-31", NULL);
	ck_reason(probe(c, ev, "c-3", "2026-03-31", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "c-3", "2026-04-01", 1), SCSEC_REASON_EXPIRED);
	/* And valid_until rests on that day, not on expires_on. */
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	check_date(scsec_result_valid_until(r), "2026-03-31");
	scsec_result_free(r);
	/* The hostile case: assessed in 2001, expiring 9999-12-31, in 2090. */
	put(ev, "c-3", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2001-04-01", "9999-12-31", NULL);
	r = eval_at(c, ev, "2002-03-31", 1);
	ck_reason(gap_reason(r, "c-3"), SCSEC_REASON_NONE);
	scsec_result_free(r);
	r = eval_at(c, ev, "2002-04-01", 1);
	ck_reason(gap_reason(r, "c-3"), SCSEC_REASON_EXPIRED);
	scsec_result_free(r);
	r = eval_at(c, ev, "2090-01-01", 1);
	ck_reason(gap_reason(r, "c-3"), SCSEC_REASON_EXPIRED);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_leap_day_one_year)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-01-01");

	/* 2024-02-29 + P1Y = 2025-02-28 (clamped), so the last valid day is
	 * 2025-02-27. */
	put_met(ev, "c-3", SCSEC_METHOD_SELF, "2024-02-29");
	ck_reason(probe(c, ev, "c-3", "2025-02-27", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "c-3", "2025-02-28", 1), SCSEC_REASON_EXPIRED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* tests/data/eval/validity.xml: level 1 P4Y (v-1), level 2 P1M1D (v-2). */
static scsec_reason validity_reason(const scsec_criteria *c, const char *id, const char *assessed,
                                    const char *as_of, int rank)
{
	scsec_evidence *ev = new_record(c);
	scsec_reason why;

	put_met(ev, id, SCSEC_METHOD_SELF, assessed);
	why = probe(c, ev, id, as_of, rank);
	scsec_evidence_free(ev);
	return why;
}

START_TEST(rule1_validity_years_months_days)
{
	scsec_criteria *c = load_set("validity");

	/* 2024-02-29 + P4Y = 2028-02-29: last valid day 2028-02-28. */
	ck_reason(validity_reason(c, "v-1", "2024-02-29", "2028-02-28", 1), SCSEC_REASON_NONE);
	ck_reason(validity_reason(c, "v-1", "2024-02-29", "2028-02-29", 1), SCSEC_REASON_EXPIRED);
	/* Months first, clamped, then days: 2026-01-30 + P1M = 2026-02-28,
	 * + P1D = 2026-03-01, so the last valid day is 2026-02-28 (adding the
	 * day first would give 2026-02-27). */
	ck_reason(validity_reason(c, "v-2", "2026-01-30", "2026-02-28", 2), SCSEC_REASON_NONE);
	ck_reason(validity_reason(c, "v-2", "2026-01-30", "2026-03-01", 2), SCSEC_REASON_EXPIRED);
	/* 2024-01-31 + P1M = 2024-02-29, + P1D = 2024-03-01: last 2024-02-29. */
	ck_reason(validity_reason(c, "v-2", "2024-01-31", "2024-02-29", 2), SCSEC_REASON_NONE);
	ck_reason(validity_reason(c, "v-2", "2024-01-31", "2024-03-01", 2), SCSEC_REASON_EXPIRED);
	/* No clamping: 2026-04-15 + P1M1D = 2026-05-16, last 2026-05-15. */
	ck_reason(validity_reason(c, "v-2", "2026-04-15", "2026-05-15", 2), SCSEC_REASON_NONE);
	ck_reason(validity_reason(c, "v-2", "2026-04-15", "2026-05-16", 2), SCSEC_REASON_EXPIRED);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_without_assessed_on_never_valid)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put(ev, "c-3", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, NULL, NULL, NULL);
	ck_reason(probe(c, ev, "c-3", "2025-06-01", 1), SCSEC_REASON_NOT_YET_VALID);
	/* Not even with an expiry date that covers D. */
	put(ev, "c-3", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, NULL, "2099-12-31", NULL);
	ck_reason(probe(c, ev, "c-3", "2025-06-01", 1), SCSEC_REASON_NOT_YET_VALID);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_last_valid_day_capped_at_9999)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "9999-06-01");
	scsec_result *r;

	/* 9999-06-01 + P1Y is past the calendar: the last valid day is
	 * 9999-12-31. */
	ck_reason(probe(c, ev, "c-3", "9999-12-31", 1), SCSEC_REASON_NONE);
	r = eval_at(c, ev, "9999-12-31", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	check_date(scsec_result_valid_until(r), "9999-12-31");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule1_entry_without_status_missing)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put(ev, "c-3", SCSEC_STATUS_NONE, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "c-3", "2025-06-01", 1), SCSEC_REASON_MISSING);
	ck_ok(scsec_evidence_remove(ev, "c-3"));
	ck_reason(probe(c, ev, "c-3", "2025-06-01", 1), SCSEC_REASON_MISSING);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- rule 2 */

START_TEST(rule2_prerequisite_met_satisfies)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r;

	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NONE);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	check_figures(level_figures(r, 1), 5, 5, 0, 0, 0, 0, 0, 0, 0);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule2_prerequisite_not_met_fails)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	ck_ok(scsec_evidence_remove(ev, "pledge"));
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_MISSING);
	put(ev, "pledge", SCSEC_STATUS_NONE, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_MISSING);
	put(ev, "pledge", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NOT_MET);
	put(ev, "pledge", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_PARTIAL);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule2_prerequisite_expired)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	/* Level 1's validity (P1Y) applies: assessed 2024-04-01, the last
	 * valid day is 2025-03-31. */
	put_met(ev, "c-1", SCSEC_METHOD_SELF, "2025-03-01");
	put_met(ev, "c-2", SCSEC_METHOD_SELF, "2025-03-01");
	put_met(ev, "c-3", SCSEC_METHOD_SELF, "2025-03-01");
	put_met(ev, "c-4", SCSEC_METHOD_SELF, "2025-03-01");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2024-04-01");
	ck_reason(probe(c, ev, "pledge", "2025-03-31", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "pledge", "2025-04-01", 1), SCSEC_REASON_EXPIRED);
	/* An expires_on of its own, as for criteria: the earlier of it and the
	 * validity (issue 13.4). */
	put(ev, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2024-04-01", "2025-12-31", NULL);
	ck_reason(probe(c, ev, "pledge", "2025-03-31", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "pledge", "2025-04-01", 1), SCSEC_REASON_EXPIRED);
	ck_reason(probe(c, ev, "pledge", "2025-12-31", 1), SCSEC_REASON_EXPIRED);
	put(ev, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2024-04-01", "2025-03-01", NULL);
	ck_reason(probe(c, ev, "pledge", "2025-03-01", 1), SCSEC_REASON_NONE);
	ck_reason(probe(c, ev, "pledge", "2025-03-02", 1), SCSEC_REASON_EXPIRED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule2_prerequisite_not_yet_valid)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-06-02");
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NOT_YET_VALID);
	ck_reason(probe(c, ev, "pledge", "2025-06-02", 1), SCSEC_REASON_NONE);
	put(ev, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, NULL, "2030-01-01", NULL);
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NOT_YET_VALID);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule2_prerequisite_na_rejected)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");

	/* Not even with a justification. */
	put(ev, "pledge", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL,
	    "We are a sole proprietorship.");
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NA_REJECTED);
	put(ev, "pledge", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NA_REJECTED);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Rule 2, issue 13.5: a prerequisite that names an assessor role. The tiny
 * set again, its pledge asking for "management". */
static scsec_criteria *tiny_with_role(void)
{
	char path[1024], *text, *at, *buf;
	const char *from = "<prerequisite id=\"pledge\">";
	const char *to = "<prerequisite id=\"pledge\" assessor-role=\"management\">";
	scsec_criteria *c = NULL;
	size_t len;

	text = test_read_file(test_srcpath(path, sizeof path, "tests/data/eval/tiny.xml"), &len);
	ck_assert_ptr_nonnull(text);
	at = strstr(text, from);
	ck_assert_ptr_nonnull(at);
	buf = malloc(len + strlen(to) + 1);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, text, (size_t)(at - text));
	strcpy(buf + (at - text), to);
	strcat(buf, at + strlen(from));
	ck_ok(scsec_criteria_load_memory(&c, buf, strlen(buf), "tiny-role.xml", NULL, NULL));
	free(buf);
	free(text);
	return c;
}

/* Replace the pledge with a met answer whose assessor states @p role. */
static void put_pledge(scsec_evidence *ev, const char *role)
{
	scsec_entry *e = NULL;

	ck_ok(scsec_entry_new(&e, "pledge"));
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_MET));
	ck_ok(scsec_entry_set_assessed_on(e, D("2025-04-01")));
	ck_ok(scsec_entry_set_assessor(e, "Taro Suzuki", NULL));
	ck_ok(scsec_entry_set_assessor_role(e, role));
	ck_ok(scsec_evidence_replace(ev, e));
}

START_TEST(rule2_prerequisite_assessor_role)
{
	scsec_criteria *c = tiny_with_role(), *plain = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	const scsec_prerequisite *p = scsec_criteria_prerequisite(c, "pledge");
	scsec_result *r;

	ck_assert_str_eq(scsec_prerequisite_assessor_role(p), "management");
	ck_assert_int_eq(scsec_prerequisite_role_provisional(p), 0);
	ck_assert_ptr_null(scsec_prerequisite_assessor_role(scsec_criteria_prerequisite(plain, "pledge")));
	ck_assert_str_ne(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(plain));
	/* The stated role matches: satisfied, nothing flagged. */
	put_pledge(ev, "management");
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NONE);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_uint_eq(scsec_result_unstated_role_count(r), 0);
	scsec_result_free(r);
	/* Another role: unsatisfied, reason method, the level is lost. */
	put_pledge(ev, "intern");
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_METHOD);
	r = eval_at(c, ev, "2025-06-01", 1);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_reason(gap_reason(r, "pledge"), SCSEC_REASON_METHOD);
	ck_assert_uint_eq(scsec_result_unstated_role_count(r), 0);
	scsec_result_free(r);
	/* Roles are compared exactly. */
	put_pledge(ev, "Management");
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_METHOD);
	/* No role stated: it counts, and the result says so. */
	put_pledge(ev, NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_uint_eq(scsec_result_unstated_role_count(r), 1);
	ck_assert_ptr_eq(scsec_result_unstated_role_at(r, 0), p);
	ck_assert_ptr_null(scsec_result_unstated_role_at(r, 1));
	scsec_result_free(r);
	/* The set without a role: any role does, nothing flagged. */
	put_pledge(ev, "intern");
	ck_reason(probe(plain, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NONE);
	r = eval_at(plain, ev, "2025-06-01", 0);
	ck_assert_uint_eq(scsec_result_unstated_role_count(r), 0);
	scsec_result_free(r);
	/* The role ranks after the status rules: a not-met pledge stays not-met. */
	put(ev, "pledge", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NOT_MET);
	/* NULL arguments and bad tokens. */
	ck_assert_uint_eq(scsec_result_unstated_role_count(NULL), 0);
	ck_assert_ptr_null(scsec_result_unstated_role_at(NULL, 0));
	ck_assert_ptr_null(scsec_prerequisite_assessor_role(NULL));
	ck_assert_int_eq(scsec_entry_set_assessor_role(NULL, "x"), SCSEC_EINVAL);
	{
		scsec_entry *e = NULL;

		ck_ok(scsec_entry_new(&e, "x"));
		ck_assert_int_eq(scsec_entry_set_assessor_role(e, "a role"), SCSEC_EINVALID);
		ck_assert_int_eq(scsec_entry_set_assessor_role(e, "-x"), SCSEC_EINVALID);
		ck_ok(scsec_entry_set_assessor_role(e, "evaluation-body"));
		ck_assert_str_eq(scsec_entry_assessor_role(e), "evaluation-body");
		ck_ok(scsec_entry_set_assessor_role(e, ""));
		ck_assert_ptr_null(scsec_entry_assessor_role(e));
		scsec_entry_free(e);
	}
	scsec_evidence_free(ev);
	scsec_criteria_free(plain);
	scsec_criteria_free(c);
}
END_TEST

/* The built-in METI set asks management for its pledge, provisionally. */
START_TEST(rule2_meti_pledge_role)
{
	scsec_criteria *c = load_meti();
	const scsec_prerequisite *p = scsec_criteria_prerequisite(c, "management-pledge");

	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(scsec_prerequisite_assessor_role(p), "management");
	ck_assert_int_eq(scsec_prerequisite_role_provisional(p), 1);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule2_prerequisite_method_ignored)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_criteria *chain = load_set("chain");
	scsec_result *r;
	size_t i;

	/* No method at all. */
	put_met(ev, "pledge", SCSEC_METHOD_NONE, "2025-04-01");
	ck_reason(probe(c, ev, "pledge", "2025-06-01", 1), SCSEC_REASON_NONE);
	scsec_evidence_free(ev);

	/* A self-assessed pledge holds at L3, which takes third-party answers. */
	ev = new_record(chain);
	for (i = 1; i <= 3; i++) {
		char id[8];

		snprintf(id, sizeof id, "k-%zu", i);
		put_met(ev, id, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	}
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-04-01");
	put_met(ev, "insurance", SCSEC_METHOD_SELF, "2025-04-01");
	r = eval_at(chain, ev, "2025-06-01", 3);
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_uint_eq(scsec_result_gap_count(r), 0);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(chain);
	scsec_criteria_free(c);
}
END_TEST

/* A chain record: k-1..k-3 third-party and both prerequisites, all on
 * @p assessed. */
static scsec_evidence *chain_record(const scsec_criteria *c, const char *assessed)
{
	scsec_evidence *ev = new_record(c);

	put_met(ev, "k-1", SCSEC_METHOD_THIRD_PARTY, assessed);
	put_met(ev, "k-2", SCSEC_METHOD_THIRD_PARTY, assessed);
	put_met(ev, "k-3", SCSEC_METHOD_THIRD_PARTY, assessed);
	put_met(ev, "pledge", SCSEC_METHOD_SELF, assessed);
	put_met(ev, "insurance", SCSEC_METHOD_SELF, assessed);
	return ev;
}

START_TEST(rule2_prerequisite_validity_of_each_level)
{
	scsec_criteria *c = load_set("chain");
	scsec_evidence *ev = chain_record(c, "2025-04-01");
	scsec_result *r;

	/* The pledge is required by L1 (P1Y) and L3 (P3Y): assessed
	 * 2024-03-01, it has expired at L1 by 2025-06-01 but holds at L3. */
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2024-03-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	check_figures(level_figures(r, 1), 2, 1, 0, 0, 0, 0, 0, 0, 1);
	check_figures(level_figures(r, 3), 4, 4, 0, 0, 0, 0, 0, 0, 0);
	ck_assert(!level_met(r, 1));
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_reason(gap_reason(r, "pledge"), SCSEC_REASON_EXPIRED);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- rules 3 and 4 */

START_TEST(rule3_level_needs_every_item)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r;
	size_t i;

	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(level_met(r, 1));
	scsec_result_free(r);
	/* Each criterion of level 1 alone, and the prerequisite alone, keeps
	 * the level from being met. */
	for (i = 0; i < N_OF(tiny_l1); i++) {
		put(ev, tiny_l1[i], SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
		r = eval_at(c, ev, "2025-06-01", 0);
		ck_assert_msg(!level_met(r, 1), "level 1 met without %s", tiny_l1[i]);
		ck_assert_int_eq(scsec_result_level(r), 0);
		scsec_result_free(r);
		put_met(ev, tiny_l1[i], SCSEC_METHOD_SELF, "2025-04-01");
	}
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(!level_met(r, 1));
	scsec_result_free(r);
	/* Criteria of level 2 only do not matter to level 1. */
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-04-01");
	ck_ok(scsec_evidence_remove(ev, "c-10"));
	ck_ok(scsec_evidence_remove(ev, "c-20"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(level_met(r, 1));
	ck_assert(!level_met(r, 2));
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule3_requires_lower)
{
	scsec_criteria *c = load_set("chain");
	scsec_evidence *ev = chain_record(c, "2025-04-01");
	scsec_result *r;

	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	scsec_result_free(r);
	/* Without L2's insurance, L2 fails, and so does L3 although every
	 * item of its own is satisfied. */
	ck_ok(scsec_evidence_remove(ev, "insurance"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(level_met(r, 1));
	ck_assert(!level_met(r, 2));
	ck_assert(!level_met(r, 3));
	check_figures(level_figures(r, 3), 4, 4, 0, 0, 0, 0, 0, 0, 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	/* A failure at the bottom of the chain brings the whole chain down. */
	put_met(ev, "insurance", SCSEC_METHOD_SELF, "2025-04-01");
	put(ev, "k-1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2024-04-01", NULL, NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(!level_met(r, 1));
	ck_assert(!level_met(r, 2));
	ck_assert(!level_met(r, 3));
	check_figures(level_figures(r, 2), 3, 3, 0, 0, 0, 0, 0, 0, 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule3_non_cumulative_levels)
{
	scsec_criteria *c = load_set("noncumulative");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	/* ★2 has j-1, j-3 and j-5; j-2 (★1 and ★3) is no criterion of it. */
	put_met(ev, "j-1", SCSEC_METHOD_SELF, "2025-04-01");
	put_met(ev, "j-3", SCSEC_METHOD_SELF, "2025-04-01");
	put_met(ev, "j-5", SCSEC_METHOD_SELF, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	check_figures(level_figures(r, 1), 2, 1, 1, 0, 0, 0, 0, 0, 0);
	check_figures(level_figures(r, 2), 3, 3, 0, 0, 0, 0, 0, 0, 0);
	check_figures(level_figures(r, 3), 4, 0, 2, 0, 0, 0, 2, 0, 0);
	ck_assert(!level_met(r, 1));
	ck_assert(level_met(r, 2));
	ck_assert_int_eq(scsec_result_level(r), 2);
	ck_assert_str_eq(scsec_result_level_label(r), "★2");
	ck_assert_int_eq(scsec_result_gap_level(r), 3);
	ck_reason(gap_reason(r, "j-1"), SCSEC_REASON_METHOD);
	ck_reason(gap_reason(r, "j-2"), SCSEC_REASON_MISSING);
	ck_reason(gap_reason(r, "j-3"), SCSEC_REASON_NONE);
	ck_reason(gap_reason(r, "j-4"), SCSEC_REASON_MISSING);
	ck_reason(gap_reason(r, "j-5"), SCSEC_REASON_METHOD);
	scsec_result_free(r);
	/* ★3 needs j-1, j-2, j-4, j-5 by a third party, not j-3. */
	put_met(ev, "j-1", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put_met(ev, "j-2", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put_met(ev, "j-4", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put_met(ev, "j-5", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	ck_ok(scsec_evidence_remove(ev, "j-3"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(level_met(r, 1));
	ck_assert(!level_met(r, 2));
	ck_assert(level_met(r, 3));
	ck_assert_int_eq(scsec_result_level(r), 3);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Every METI criterion that applies at @p rank met by @p method on
 * @p assessed. */
static void meti_fill(scsec_evidence *ev, const scsec_criteria *c, int rank, scsec_method method,
                      const char *assessed)
{
	size_t i;

	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);

		if (scsec_criterion_applies_at(cr, rank))
			put_met(ev, scsec_criterion_id(cr), method, assessed);
	}
}

START_TEST(rule4_meti_four_without_pledge)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	meti_fill(ev, c, 4, SCSEC_METHOD_THIRD_PARTY, "2026-04-01");
	r = eval_at(c, ev, "2026-06-01", 0);
	/* ★3 fails for want of the pledge; ★4 does not need ★3. */
	ck_assert(!level_met(r, 3));
	ck_assert(level_met(r, 4));
	ck_assert_int_eq(scsec_result_level(r), 4);
	ck_assert_str_eq(scsec_result_level_label(r), "★4");
	check_figures(level_figures(r, 3), 82, 81, 1, 0, 0, 0, 0, 0, 0);
	check_figures(level_figures(r, 4), 153, 153, 0, 0, 0, 0, 0, 0, 0);
	/* ★4 valid for P3Y: 2029-03-31. */
	check_date(scsec_result_valid_until(r), "2029-03-31");
	ck_assert_int_eq(scsec_result_gap_level(r), 4);
	ck_assert_uint_eq(scsec_result_gap_count(r), 0);
	scsec_result_free(r);
	/* With a ★3 target, the only gap is the pledge. */
	r = eval_at(c, ev, "2026-06-01", 3);
	ck_assert_uint_eq(scsec_result_gap_count(r), 1);
	ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r, 0)), "management-pledge");
	ck_assert_int_eq(gap_is_prereq(r, "management-pledge"), 1);
	ck_reason(gap_reason(r, "management-pledge"), SCSEC_REASON_MISSING);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule4_meti_three)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	meti_fill(ev, c, 3, SCSEC_METHOD_EXPERT_REVIEWED, "2026-04-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	r = eval_at(c, ev, "2026-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_str_eq(scsec_result_level_label(r), "★3");
	check_date(scsec_result_valid_until(r), "2027-03-31");
	/* At ★4 the 81 ★3 answers are too weak and the 72 others missing. */
	check_figures(level_figures(r, 4), 153, 0, 72, 0, 0, 0, 81, 0, 0);
	ck_assert_int_eq(scsec_result_gap_level(r), 4);
	ck_assert_uint_eq(scsec_result_gap_count(r), 153);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule4_nothing_met_is_level_zero)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	r = eval_at(c, ev, "2026-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_ptr_null(scsec_result_level_label(r));
	ck_assert(!level_met(r, 3));
	ck_assert(!level_met(r, 4));
	check_figures(level_figures(r, 3), 82, 0, 82, 0, 0, 0, 0, 0, 0);
	check_figures(level_figures(r, 4), 153, 0, 153, 0, 0, 0, 0, 0, 0);
	check_date(scsec_result_valid_until(r), NULL);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule4_highest_met_level)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	scsec_result *r;

	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(level_met(r, 1));
	ck_assert(level_met(r, 2));
	ck_assert_int_eq(scsec_result_level(r), 2);
	ck_assert_str_eq(scsec_result_level_label(r), "Advanced");
	scsec_result_free(r);
	/* Level 2 does not require level 1: it holds without the pledge. */
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(!level_met(r, 1));
	ck_assert(level_met(r, 2));
	ck_assert_int_eq(scsec_result_level(r), 2);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- rule 5 */

/* The reason of @p id at level @p rank of a tiny record where every other
 * item is satisfied and @p id is answered as given (dates as for put()). */
static scsec_reason tiny_reason(int rank, const char *id, scsec_status status, scsec_method method,
                                const char *assessed, const char *expires, const char *just)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	scsec_reason why;

	put(ev, id, status, method, assessed, expires, just);
	why = probe(c, ev, id, "2025-06-01", rank);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	return why;
}

START_TEST(rule5_reason_missing)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");

	ck_ok(scsec_evidence_remove(ev, "c-10"));
	ck_reason(probe(c, ev, "c-10", "2025-06-01", 2), SCSEC_REASON_MISSING);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	/* An entry without status, whatever else it says. */
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NONE, SCSEC_METHOD_THIRD_PARTY, "2025-04-01",
	                      NULL, "x"),
	          SCSEC_REASON_MISSING);
}
END_TEST

START_TEST(rule5_reason_not_met)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_THIRD_PARTY,
	                      "2025-04-01", NULL, NULL),
	          SCSEC_REASON_NOT_MET);
}
END_TEST

START_TEST(rule5_reason_partial)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_THIRD_PARTY,
	                      "2025-04-01", NULL, NULL),
	          SCSEC_REASON_PARTIAL);
}
END_TEST

START_TEST(rule5_reason_na_rejected)
{
	/* Not justified, and not allowed. */
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY,
	                      "2025-04-01", NULL, NULL),
	          SCSEC_REASON_NA_REJECTED);
	ck_reason(tiny_reason(2, "c-4", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY,
	                      "2025-04-01", NULL, "Justified, but not allowed."),
	          SCSEC_REASON_NA_REJECTED);
}
END_TEST

START_TEST(rule5_reason_method)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED,
	                      "2025-04-01", NULL, NULL),
	          SCSEC_REASON_METHOD);
	/* An accepted not-applicable still needs the level's method. */
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF,
	                      "2025-04-01", NULL, "No remote access exists."),
	          SCSEC_REASON_METHOD);
}
END_TEST

START_TEST(rule5_reason_not_yet_valid)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2025-06-02",
	                      NULL, NULL),
	          SCSEC_REASON_NOT_YET_VALID);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, NULL, NULL,
	                      NULL),
	          SCSEC_REASON_NOT_YET_VALID);
}
END_TEST

START_TEST(rule5_reason_expired)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2023-01-01",
	                      NULL, NULL),
	          SCSEC_REASON_EXPIRED);
	/* An accepted not-applicable expires too. */
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY,
	                      "2025-04-01", "2025-05-31", "No remote access exists."),
	          SCSEC_REASON_EXPIRED);
}
END_TEST

START_TEST(rule5_partial_precedes_method_and_expired)
{
	/* Weak method (self at level 2) and expired (2023 + P2Y). */
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2023-01-01",
	                      NULL, NULL),
	          SCSEC_REASON_PARTIAL);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2023-01-01",
	                      NULL, NULL),
	          SCSEC_REASON_NOT_MET);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NONE, SCSEC_METHOD_SELF, "2023-01-01", NULL,
	                      NULL),
	          SCSEC_REASON_MISSING);
}
END_TEST

START_TEST(rule5_na_rejected_precedes_method)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF,
	                      "2025-04-01", NULL, NULL),
	          SCSEC_REASON_NA_REJECTED);
	ck_reason(tiny_reason(2, "c-4", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2023-01-01",
	                      NULL, "Not allowed."),
	          SCSEC_REASON_NA_REJECTED);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_NONE, NULL, NULL,
	                      ""),
	          SCSEC_REASON_NA_REJECTED);
}
END_TEST

START_TEST(rule5_method_precedes_expired)
{
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED,
	                      "2023-01-01", NULL, NULL),
	          SCSEC_REASON_METHOD);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED,
	                      "2025-06-02", NULL, NULL),
	          SCSEC_REASON_METHOD);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_NONE, NULL, NULL, NULL),
	          SCSEC_REASON_METHOD);
}
END_TEST

START_TEST(rule5_not_yet_valid_precedes_expired)
{
	/* Assessed after D, with an expiry date before D. */
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2025-07-01",
	                      "2025-05-01", NULL),
	          SCSEC_REASON_NOT_YET_VALID);
	ck_reason(tiny_reason(2, "c-10", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, NULL,
	                      "2025-05-01", NULL),
	          SCSEC_REASON_NOT_YET_VALID);
}
END_TEST

/* ---------------------------------------------------------------- rule 6 */

START_TEST(rule6_valid_until_earliest_last_valid_day)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	scsec_result *r;

	/* Level 2 (P2Y) is achieved; c-20 is its oldest answer. The pledge
	 * is older still, but level 2 does not rest on it. */
	put_met(ev, "c-20", SCSEC_METHOD_THIRD_PARTY, "2025-02-10");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2024-12-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 2);
	check_date(scsec_result_valid_until(r), "2027-02-09");
	scsec_result_free(r);
	/* An expiry date before that wins. */
	put(ev, "c-11", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", "2026-10-31",
	    NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 2);
	check_date(scsec_result_valid_until(r), "2026-10-31");
	scsec_result_free(r);
	/* And an accepted not-applicable counts with its own dates. */
	put_met(ev, "c-11", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put(ev, "c-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY, "2025-01-15", NULL,
	    "Covered by the group policy.");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 2);
	check_date(scsec_result_valid_until(r), "2027-01-14");
	scsec_result_free(r);
	/* Level 1 alone (self answers): P1Y, and the pledge counts. */
	scsec_evidence_free(ev);
	ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2024-12-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	check_date(scsec_result_valid_until(r), "2025-11-30");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule6_valid_until_follows_chain)
{
	scsec_criteria *c = load_set("chain");
	scsec_evidence *ev = chain_record(c, "2025-06-01");
	scsec_result *r;

	/* L3 rests on L3 (P3Y), L2 (P2Y) and L1 (P1Y): 2026-05-31. */
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	check_date(scsec_result_valid_until(r), "2026-05-31");
	scsec_result_free(r);
	/* L2's insurance, with L2's validity: 2024-05-01 + P2Y - 1. */
	put_met(ev, "insurance", SCSEC_METHOD_SELF, "2024-05-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	check_date(scsec_result_valid_until(r), "2026-04-30");
	scsec_result_free(r);
	/* The pledge, required by L1 and L3: L1's P1Y counts. */
	put_met(ev, "insurance", SCSEC_METHOD_SELF, "2025-06-01");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-02-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	check_date(scsec_result_valid_until(r), "2026-01-31");
	scsec_result_free(r);
	/* k-3 applies at L3 only: P3Y. */
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-06-01");
	put(ev, "k-3", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2025-06-01", "2025-12-24", NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	check_date(scsec_result_valid_until(r), "2025-12-24");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Evaluate as of valid_until and the day after: @p same at valid_until,
 * @p after the day after. */
static void check_reevaluation(const scsec_criteria *c, const scsec_evidence *ev, const char *as_of,
                               int same, int after)
{
	scsec_result *r = eval_at(c, ev, as_of, 0), *r2;
	scsec_eval_options *o;
	scsec_date until = scsec_result_valid_until(r);

	ck_assert_int_eq(scsec_result_level(r), same);
	ck_assert(until != SCSEC_DATE_NONE);
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, until));
	ck_ok(scsec_evaluate(&r2, c, ev, o));
	ck_assert_int_eq(scsec_result_level(r2), same);
	ck_assert_int_eq(scsec_result_valid_until(r2), until);
	scsec_result_free(r2);
	ck_ok(scsec_eval_options_set_as_of(o, until + 1));
	ck_ok(scsec_evaluate(&r2, c, ev, o));
	ck_assert_int_eq(scsec_result_level(r2), after);
	ck_assert_int_lt(scsec_result_level(r2), same);
	scsec_result_free(r2);
	scsec_eval_options_free(o);
	scsec_result_free(r);
}

START_TEST(rule6_reevaluate_at_and_after_valid_until)
{
	scsec_criteria *c = load_set("chain"), *t = load_set("tiny");
	scsec_criteria *m = load_meti();
	scsec_evidence *ev = chain_record(c, "2025-06-01");

	/* Chain: at 2026-06-01 L1's answers expire, and the whole chain. */
	check_reevaluation(c, ev, "2025-06-01", 3, 0);
	put_met(ev, "insurance", SCSEC_METHOD_SELF, "2024-05-01");
	check_reevaluation(c, ev, "2025-06-01", 3, 1);
	scsec_evidence_free(ev);

	/* Tiny: level 2 rests on answers from 2024 (until 2026-05-31);
	 * level 1 is met independently, on later answers. */
	ev = tiny_record(t, SCSEC_METHOD_THIRD_PARTY, "2025-09-01");
	put_met(ev, "c-10", SCSEC_METHOD_THIRD_PARTY, "2024-06-01");
	put_met(ev, "c-11", SCSEC_METHOD_THIRD_PARTY, "2024-06-01");
	put_met(ev, "c-20", SCSEC_METHOD_THIRD_PARTY, "2024-06-01");
	check_reevaluation(t, ev, "2026-01-01", 2, 1);
	scsec_evidence_free(ev);

	/* METI ★4. */
	ev = new_record(m);
	meti_fill(ev, m, 4, SCSEC_METHOD_THIRD_PARTY, "2026-04-01");
	put_met(ev, "4-1-1-1", SCSEC_METHOD_THIRD_PARTY, "2026-03-15");
	check_reevaluation(m, ev, "2026-06-01", 4, 0);
	scsec_evidence_free(ev);
	scsec_criteria_free(m);
	scsec_criteria_free(t);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule6_no_level_no_valid_until)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r;

	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(scsec_result_valid_until(r) != SCSEC_DATE_NONE);
	scsec_result_free(r);
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_int_eq(scsec_result_valid_until(r), SCSEC_DATE_NONE);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- rule 7 */

/* The gap ids, comma-separated, with their reason when @p reasons. */
static void gap_list(char *buf, size_t size, const scsec_result *r, int reasons)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < scsec_result_gap_count(r) && n < size; i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		const char *why = reasons ? scsec_reason_name(scsec_gap_reason(g)) : "";

		n += (size_t)snprintf(buf + n, size - n, "%s%s%s%s", i ? "," : "", scsec_gap_id(g),
		                      reasons ? ":" : "", why);
	}
}

#define ck_gaps(r, reasons, want) \
	do { \
		char ck_gaps_buf_[4096]; \
		gap_list(ck_gaps_buf_, sizeof ck_gaps_buf_, (r), (reasons)); \
		ck_assert_str_eq(ck_gaps_buf_, (want)); \
	} while (0)

START_TEST(rule7_gap_level_default_is_next_level)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	/* Nothing achieved: the lowest level. */
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_gap_level(r), 1);
	ck_gaps(r, 1, "c-1:missing,c-2:missing,c-3:missing,c-4:missing,pledge:missing");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	/* Level 1 achieved with self answers: level 2. */
	ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	put_met(ev, "c-20", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(scsec_result_gap_level(r), 2);
	ck_gaps(r, 1, "c-1:method,c-2:method,c-3:method,c-4:method,c-10:method,c-11:method");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule7_gap_level_target_lower)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	scsec_result *r;

	ck_ok(scsec_evidence_remove(ev, "pledge"));
	r = eval_at(c, ev, "2025-06-01", 1);
	ck_assert_int_eq(scsec_result_level(r), 2);
	ck_assert_int_eq(scsec_result_gap_level(r), 1);
	ck_gaps(r, 1, "pledge:missing");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule7_gap_level_target_higher)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	put_met(ev, "c-1", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put(ev, "c-11", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", NULL, NULL);
	r = eval_at(c, ev, "2025-06-01", 2);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_int_eq(scsec_result_gap_level(r), 2);
	ck_gaps(r, 1, "c-2:missing,c-3:missing,c-4:missing,c-10:missing,c-11:partial,c-20:missing");
	scsec_result_free(r);
	/* Level 1 achieved, target 2 named: the same as the default. */
	scsec_evidence_free(ev);
	ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 2);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(scsec_result_gap_level(r), 2);
	ck_assert_uint_eq(scsec_result_gap_count(r), 7);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule7_top_level_achieved_no_gaps)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	scsec_result *r;
	char *json = NULL;

	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 2);
	ck_assert_int_eq(scsec_result_gap_level(r), 2);
	ck_assert_uint_eq(scsec_result_gap_count(r), 0);
	ck_assert_ptr_null(scsec_result_gap_at(r, 0));
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"gap_level\": 2,\n  \"gaps\": []"));
	scsec_free(json);
	scsec_result_free(r);
	/* The top level named as target: still empty. */
	r = eval_at(c, ev, "2025-06-01", 2);
	ck_assert_uint_eq(scsec_result_gap_count(r), 0);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Non-zero when the gaps are strictly increasing by test_idcmp(). */
static int gaps_ordered(const scsec_result *r)
{
	size_t i;

	for (i = 1; i < scsec_result_gap_count(r); i++)
		if (test_idcmp(scsec_gap_id(scsec_result_gap_at(r, i - 1)),
		          scsec_gap_id(scsec_result_gap_at(r, i))) >= 0)
			return 0;
	return 1;
}

START_TEST(rule7_gaps_ordered_by_id_digit_runs)
{
	scsec_criteria *c = load_set("tiny"), *m = load_meti(), *d = load_set("deductions");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	r = eval_at(c, ev, "2025-06-01", 2);
	/* c-2 < c-3 < c-4 < c-10 < c-11 < c-20 (bytes would give c-10 < c-2). */
	ck_gaps(r, 0, "c-1,c-2,c-3,c-4,c-10,c-11,c-20");
	scsec_result_free(r);
	scsec_evidence_free(ev);

	ev = new_record(m);
	r = eval_at(m, ev, "2026-06-01", 4);
	ck_assert_uint_eq(scsec_result_gap_count(r), 153);
	ck_assert(gaps_ordered(r));
	scsec_result_free(r);
	r = eval_at(m, ev, "2026-06-01", 3);
	ck_assert_uint_eq(scsec_result_gap_count(r), 82);
	ck_assert(gaps_ordered(r));
	scsec_result_free(r);
	scsec_evidence_free(ev);

	/* 3.1.9 < 3.1.10 < ... < 3.1.22 < 3.2.1 < ... < 3.14.7 */
	ev = new_record(d);
	r = eval_at(d, ev, "2026-06-01", 0);
	ck_assert_uint_eq(scsec_result_gap_count(r), 110);
	ck_assert(gaps_ordered(r));
	ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r, 8)), "3.1.9");
	ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r, 9)), "3.1.10");
	ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r, 109)), "3.14.7");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(d);
	scsec_criteria_free(m);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule7_prerequisites_in_gaps)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r;
	char *json = NULL;

	put(ev, "pledge", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	put(ev, "c-2", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_gap_level(r), 1);
	ck_gaps(r, 1, "c-2:partial,pledge:not-met");
	ck_assert_int_eq(gap_is_prereq(r, "pledge"), 1);
	ck_assert_int_eq(gap_is_prereq(r, "c-2"), 0);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "{\"id\": \"pledge\", \"reason\": \"not-met\", "
	                                   "\"type\": \"prerequisite\"}"));
	ck_assert_ptr_nonnull(strstr(json, "{\"id\": \"c-2\", \"reason\": \"partial\", "
	                                   "\"type\": \"criterion\"}"));
	scsec_free(json);
	scsec_result_free(r);
	/* Level 2 has no prerequisite: the pledge is no gap of it. */
	r = eval_at(c, ev, "2025-06-01", 2);
	ck_assert_int_eq(gap_is_prereq(r, "pledge"), -1);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule7_gaps_include_chain_levels)
{
	scsec_criteria *c = load_set("chain");
	scsec_evidence *ev = chain_record(c, "2025-04-01");
	scsec_result *r;

	/* L1 achieved; L2's insurance is missing. */
	ck_ok(scsec_evidence_remove(ev, "insurance"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(scsec_result_gap_level(r), 2);
	ck_gaps(r, 1, "insurance:missing");
	scsec_result_free(r);
	/* For L3 the insurance is a gap through L2. */
	r = eval_at(c, ev, "2025-06-01", 3);
	ck_assert_int_eq(scsec_result_gap_level(r), 3);
	ck_gaps(r, 1, "insurance:missing");
	ck_assert_int_eq(gap_is_prereq(r, "insurance"), 1);
	scsec_result_free(r);
	/* L1's pledge missing too: a gap of L2 (through L1) and of L3 (its
	 * own), listed once. */
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	put(ev, "k-2", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", NULL, NULL);
	r = eval_at(c, ev, "2025-06-01", 2);
	ck_gaps(r, 1, "insurance:missing,k-2:not-met,pledge:missing");
	scsec_result_free(r);
	r = eval_at(c, ev, "2025-06-01", 3);
	ck_gaps(r, 1, "insurance:missing,k-2:not-met,pledge:missing");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule7_chain_items_judged_at_own_level)
{
	scsec_criteria *c = load_set("chain");
	scsec_evidence *ev = chain_record(c, "2025-04-01");
	scsec_result *r;
	char l2[256], l3[256];
	int met2, met3;

	/* k-1 (from L1 up) and the pledge (L1 and L3) were assessed on
	 * 2024-03-01: at L1 (P1Y) they expired on 2025-02-28, at L2 (P2Y) and
	 * L3 (P3Y) they hold. L1 fails, so L2 and L3 fail with it. */
	put_met(ev, "k-1", SCSEC_METHOD_THIRD_PARTY, "2024-03-01");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2024-03-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_int_eq(scsec_result_gap_level(r), 1);
	ck_gaps(r, 1, "k-1:expired,pledge:expired");
	scsec_result_free(r);
	/* Rule 7: the gaps of L2 and L3 include those of the lower levels in
	 * their chain, judged at their own level: k-1 and the pledge judged at
	 * L1 are expired. (Judging each item only at the highest chain level
	 * it belongs to would leave k-1 out at L2, and both out at L3: an
	 * empty gap list for a level that is not met.) */
	r = eval_at(c, ev, "2025-06-01", 2);
	met2 = level_met(r, 2);
	gap_list(l2, sizeof l2, r, 1);
	scsec_result_free(r);
	r = eval_at(c, ev, "2025-06-01", 3);
	met3 = level_met(r, 3);
	gap_list(l3, sizeof l3, r, 1);
	scsec_result_free(r);
	/* Assert only once everything is freed (no leak when it fails
	 * without fork). */
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	ck_assert(!met2 && !met3);
	ck_assert_msg(!strcmp(l2, "k-1:expired,pledge:expired") &&
	                      !strcmp(l3, "k-1:expired,pledge:expired"),
	              "gaps of L2: '%s', of L3: '%s'; expected 'k-1:expired,pledge:expired' for both",
	              l2, l3);
}
END_TEST

/* ---------------------------------------------------------------- rule 8 */

/* A tiny record with one item per reason, as of 2025-06-01. */
static scsec_evidence *tiny_mixed(const scsec_criteria *c)
{
	scsec_evidence *ev = new_record(c);

	put_met(ev, "c-1", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put(ev, "c-2", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", NULL, NULL);
	put(ev, "c-3", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", NULL, NULL);
	put(ev, "c-4", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", NULL,
	    "Not allowed.");
	put_met(ev, "c-10", SCSEC_METHOD_EXPERT_REVIEWED, "2025-04-01");
	put_met(ev, "c-11", SCSEC_METHOD_THIRD_PARTY, "2025-07-01");
	put_met(ev, "c-20", SCSEC_METHOD_THIRD_PARTY, "2023-01-01");
	return ev;
}

START_TEST(rule8_level_figures)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_mixed(c);
	scsec_result *r = eval_at(c, ev, "2025-06-01", 0);

	ck_assert_uint_eq(scsec_result_level_count(r), 2);
	ck_assert_int_eq(scsec_result_level_rank_at(r, 0), 1);
	ck_assert_int_eq(scsec_result_level_rank_at(r, 1), 2);
	ck_assert_int_eq(scsec_result_level_rank_at(r, 2), 0);
	ck_assert_ptr_null(scsec_result_level_figures_at(r, 2));
	ck_assert(!scsec_result_level_met_at(r, 2));
	/* Level 1: four criteria and the pledge. */
	check_figures(level_figures(r, 1), 5, 1, 1, 1, 1, 1, 0, 0, 0);
	/* Level 2: seven criteria, one per reason. */
	check_figures(level_figures(r, 2), 7, 1, 0, 1, 1, 1, 1, 1, 1);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule8_function_figures)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_mixed(c);
	scsec_result *r = eval_at(c, ev, "2025-06-01", 0);
	int f;

	/* Gap level 1: c-1 c-2 (GV), c-3 (ID: govern-2 overrides), c-4 (PR);
	 * the pledge is no criterion. */
	ck_assert_int_eq(scsec_result_gap_level(r), 1);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_GV), 2, 1, 0, 1, 0, 0, 0, 0, 0);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_ID), 1, 0, 0, 0, 1, 0, 0, 0, 0);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_PR), 1, 0, 0, 0, 0, 1, 0, 0, 0);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_DE), 0, 0, 0, 0, 0, 0, 0, 0, 0);
	scsec_result_free(r);
	/* Gap level 2. */
	r = eval_at(c, ev, "2025-06-01", 2);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_GV), 3, 1, 0, 1, 0, 0, 1, 0, 0);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_ID), 1, 0, 0, 0, 1, 0, 0, 0, 0);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_PR), 2, 0, 0, 0, 0, 1, 0, 1, 0);
	check_figures(scsec_result_function_figures(r, SCSEC_FUNCTION_DE), 1, 0, 0, 0, 0, 0, 0, 0, 1);
	for (f = SCSEC_FUNCTION_NONE; f < SCSEC_FUNCTION_COUNT; f++)
		if (f == SCSEC_FUNCTION_NONE || f == SCSEC_FUNCTION_RS || f == SCSEC_FUNCTION_RC)
			check_figures(scsec_result_function_figures(r, (scsec_function)f), 0, 0, 0, 0, 0,
			              0, 0, 0, 0);
	ck_assert_ptr_null(scsec_result_function_figures(r, (scsec_function)SCSEC_FUNCTION_COUNT));
	ck_assert_ptr_null(scsec_result_function_figures(r, (scsec_function)-1));
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule8_category_figures)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_mixed(c);
	scsec_result *r = eval_at(c, ev, "2025-06-01", 2);

	/* Every top-level category, in the set's order (not alphabetical). */
	ck_assert_uint_eq(scsec_result_category_count(r), 3);
	ck_assert_str_eq(scsec_result_category_id_at(r, 0), "govern");
	ck_assert_str_eq(scsec_result_category_id_at(r, 1), "protect");
	ck_assert_str_eq(scsec_result_category_id_at(r, 2), "detect");
	ck_assert_ptr_null(scsec_result_category_id_at(r, 3));
	ck_assert_ptr_null(scsec_result_category_figures_at(r, 3));
	/* govern: c-1 c-2 c-10 and govern-2's c-3. */
	check_figures(scsec_result_category_figures_at(r, 0), 4, 1, 0, 1, 1, 0, 1, 0, 0);
	check_figures(scsec_result_category_figures_at(r, 1), 2, 0, 0, 0, 0, 1, 0, 1, 0);
	check_figures(scsec_result_category_figures_at(r, 2), 1, 0, 0, 0, 0, 0, 0, 0, 1);
	scsec_result_free(r);
	/* Gap level 1: detect has nothing, but is listed. */
	r = eval_at(c, ev, "2025-06-01", 1);
	ck_assert_uint_eq(scsec_result_category_count(r), 3);
	check_figures(scsec_result_category_figures_at(r, 0), 3, 1, 0, 1, 1, 0, 0, 0, 0);
	check_figures(scsec_result_category_figures_at(r, 1), 1, 0, 0, 0, 0, 1, 0, 0, 0);
	check_figures(scsec_result_category_figures_at(r, 2), 0, 0, 0, 0, 0, 0, 0, 0, 0);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Every figure of @p r adds up; the functions and the categories each
 * share out the gap level's criteria; the gaps match the gap level's
 * figures when the gap level does not require the lower one. Returns 0 on
 * success, or a line number to report. */
static int figures_consistent(const scsec_result *r, const scsec_criteria *c)
{
	size_t i, fsum = 0, csum = 0, fsat = 0, csat = 0, ncrit = 0, prereqs;
	const scsec_level *gl = scsec_criteria_level_by_rank(c, scsec_result_gap_level(r));
	const scsec_figures *gf;
	size_t per_reason[SCSEC_REASON_COUNT] = { 0 };
	int f, k;

	for (i = 0; i < scsec_result_level_count(r); i++)
		if (!adds_up(scsec_result_level_figures_at(r, i)))
			return __LINE__;
	for (f = 0; f < SCSEC_FUNCTION_COUNT; f++) {
		const scsec_figures *x = scsec_result_function_figures(r, (scsec_function)f);

		if (!adds_up(x))
			return __LINE__;
		fsum += scsec_figures_applicable(x);
		fsat += scsec_figures_satisfied(x);
	}
	for (i = 0; i < scsec_result_category_count(r); i++) {
		const scsec_figures *x = scsec_result_category_figures_at(r, i);

		if (!adds_up(x))
			return __LINE__;
		csum += scsec_figures_applicable(x);
		csat += scsec_figures_satisfied(x);
	}
	if (!gl)
		return __LINE__;
	for (i = 0; i < scsec_criteria_criterion_count(c); i++)
		if (scsec_criterion_applies_at(scsec_criteria_criterion_at(c, i),
		                               scsec_result_gap_level(r)))
			ncrit++;
	if (fsum != ncrit || csum != ncrit || fsat != csat)
		return __LINE__;
	gf = level_figures(r, scsec_result_gap_level(r));
	prereqs = scsec_level_prerequisite_count(gl);
	if (scsec_figures_applicable(gf) != ncrit + prereqs)
		return __LINE__;
	if (!scsec_level_requires_lower(gl)) {
		for (i = 0; i < scsec_result_gap_count(r); i++)
			per_reason[scsec_gap_reason(scsec_result_gap_at(r, i))]++;
		if (per_reason[SCSEC_REASON_NONE])
			return __LINE__;
		for (k = 1; k < SCSEC_REASON_COUNT; k++)
			if (per_reason[k] != scsec_figures_reason_count(gf, (scsec_reason)k))
				return __LINE__;
	}
	if (!gaps_ordered(r))
		return __LINE__;
	return 0;
}

START_TEST(rule8_figures_add_up)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	size_t i;
	int line;

	/* Every reason somewhere. */
	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const char *id = scsec_criterion_id(scsec_criteria_criterion_at(c, i));

		const char *a = "2026-04-01";

		switch (i % 8) {
		case 0: put_met(ev, id, SCSEC_METHOD_THIRD_PARTY, a); break;
		case 1: break;
		case 2: put(ev, id, SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, a, NULL, NULL); break;
		case 3: put(ev, id, SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, a, NULL, NULL); break;
		case 4:
			put(ev, id, SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY, a, NULL, NULL);
			break;
		case 5: put_met(ev, id, SCSEC_METHOD_EXPERT_REVIEWED, a); break;
		case 6: put_met(ev, id, SCSEC_METHOD_THIRD_PARTY, "2026-07-01"); break;
		default: put_met(ev, id, SCSEC_METHOD_THIRD_PARTY, "2020-01-01"); break;
		}
	}
	for (i = 0; i <= 4; i++) {
		r = eval_at(c, ev, "2026-06-01", i == 3 || i == 4 ? (int)i : 0);
		line = figures_consistent(r, c);
		ck_assert_msg(line == 0, "inconsistent figures (check at line %d)", line);
		ck_assert_uint_eq(scsec_figures_applicable(level_figures(r, 3)), 82);
		ck_assert_uint_eq(scsec_figures_applicable(level_figures(r, 4)), 153);
		ck_assert_uint_eq(scsec_result_category_count(r), 7);
		scsec_result_free(r);
	}
	r = eval_at(c, ev, "2026-06-01", 4);
	for (i = 1; i < SCSEC_REASON_COUNT; i++)
		ck_assert_msg(scsec_figures_reason_count(level_figures(r, 4), (scsec_reason)i) > 0,
		              "no item with reason %s", scsec_reason_name((scsec_reason)i));
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- scores */

/* A points record (points.xml, points-na.xml): one letter per question
 * q-1..q-25, as of 2025-06-01 with answers of 2025-04-01 (validity P2Y):
 *   M met, P partial, N not-met, - no entry, 0 an entry without status,
 *   A not-applicable with a justification, R not-applicable without,
 *   X Y Z met / partial / not-met assessed 2022-01-01 (expired),
 *   W met without a method, F met assessed after D,
 *   E not-applicable with a justification, expired. */
static scsec_result *points_eval(const scsec_criteria *c, const char *answers)
{
	const scsec_status PARTIAL = SCSEC_STATUS_PARTIAL, NOT_MET = SCSEC_STATUS_NOT_MET;
	const scsec_status NA = SCSEC_STATUS_NOT_APPLICABLE;
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	size_t i;

	ck_assert_uint_eq(strlen(answers), 25);
	for (i = 0; i < 25; i++) {
		char id[8];
		const char *a = "2025-04-01", *old = "2022-01-01";

		snprintf(id, sizeof id, "q-%zu", i + 1);
		switch (answers[i]) {
		case 'M': put_met(ev, id, SCSEC_METHOD_SELF, a); break;
		case 'P': put(ev, id, PARTIAL, SCSEC_METHOD_SELF, a, NULL, NULL); break;
		case 'N': put(ev, id, NOT_MET, SCSEC_METHOD_SELF, a, NULL, NULL); break;
		case '-': break;
		case '0': put(ev, id, SCSEC_STATUS_NONE, SCSEC_METHOD_SELF, a, NULL, NULL); break;
		case 'A': put(ev, id, NA, SCSEC_METHOD_SELF, a, NULL, "We have none."); break;
		case 'R': put(ev, id, NA, SCSEC_METHOD_SELF, a, NULL, NULL); break;
		case 'X': put_met(ev, id, SCSEC_METHOD_SELF, old); break;
		case 'Y': put(ev, id, PARTIAL, SCSEC_METHOD_SELF, old, NULL, NULL); break;
		case 'Z': put(ev, id, NOT_MET, SCSEC_METHOD_SELF, old, NULL, NULL); break;
		case 'W': put_met(ev, id, SCSEC_METHOD_NONE, a); break;
		case 'F': put_met(ev, id, SCSEC_METHOD_SELF, "2025-06-02"); break;
		case 'E': put(ev, id, NA, SCSEC_METHOD_SELF, old, NULL, "We have none."); break;
		default: ck_abort_msg("bad answer letter '%c'", answers[i]);
		}
	}
	r = eval_at(c, ev, "2025-06-01", 0);
	scsec_evidence_free(ev);
	return r;
}

/* Evaluate @p answers and check score, maximum and band (NULL: none). */
static void check_points(const scsec_criteria *c, const char *answers, long score, long max,
                         const char *band)
{
	scsec_result *r = points_eval(c, answers);

	ck_assert(scsec_result_has_score(r));
	ck_assert_msg(scsec_result_score(r) == score && scsec_result_score_max(r) == max,
	              "%s: score %ld/%ld, expected %ld/%ld", answers, scsec_result_score(r),
	              scsec_result_score_max(r), score, max);
	if (band)
		ck_assert_pstr_eq(scsec_result_band(r), band);
	else
		ck_assert_ptr_null(scsec_result_band(r));
	ck_assert_int_eq(scsec_result_conditional(r), SCSEC_CONDITIONAL_NONE);
	scsec_result_free(r);
}

START_TEST(score_points_all_met_full_marks)
{
	scsec_criteria *c = load_set("points");
	scsec_result *r = points_eval(c, "MMMMMMMMMMMMMMMMMMMMMMMMM");
	char *json = NULL;

	ck_assert_int_eq(scsec_result_score(r), 100);
	ck_assert_int_eq(scsec_result_score_max(r), 100);
	ck_assert_str_eq(scsec_result_band(r), "full marks");
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"score\": {\"model\": \"points\", \"value\": 100, "
	                                   "\"max\": 100, \"band\": \"full marks\", "
	                                   "\"conditional\": null}"));
	scsec_free(json);
	scsec_result_free(r);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_points_bands_at_boundaries)
{
	scsec_criteria *c = load_set("points");

	/* Bands 100 / 70 / 50 / -25, given out of order in the file. */
	check_points(c, "MMMMMMMMMMMMMMMMMMMMMMMMP", 98, 100, "good");
	check_points(c, "MMMMMMMMMMMMMMMMMPNNNNNNN", 70, 100, "good");
	check_points(c, "MMMMMMMMMMMMMMMMMM---NNNN", 69, 100, "fair");
	check_points(c, "MMMMMMMMMMMMPNNNNNNNNNNNN", 50, 100, "fair");
	check_points(c, "MMMMMMMMMMMMP-NNNNNNNNNNN", 49, 100, "below 50");
	check_points(c, "NNNNNNNNNNNNNNNNNNNNNNNNN", 0, 100, "below 50");
	check_points(c, "-------------------------", -25, 100, "below 50");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_points_missing_is_minus_one)
{
	scsec_criteria *c = load_set("points");

	check_points(c, "MMMMMMMMMMMMMMMMMMMMMMMM-", 95, 100, "good");
	/* An entry without status is no answer. */
	check_points(c, "0MMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(c, "--------------------NNNNN", -20, 100, "below 50");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_points_partial)
{
	scsec_criteria *c = load_set("points");

	check_points(c, "PPPPPPPPPPPPPPPPPPPPPPPPP", 50, 100, "fair");
	check_points(c, "PPPPPPPPPPPPPPPPPPPPPPPP-", 47, 100, "below 50");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_points_na_without_na_points)
{
	scsec_criteria *c = load_set("points");

	/* Left out of score and maximum. */
	check_points(c, "MAMMMMMMMMMMMMMMMMMMMMMMM", 96, 96, "good");
	check_points(c, "MAAAAAAAAAAAAAAAAAAAAAAAA", 4, 4, "below 50");
	/* Rejected (no justification; q-1 does not allow it): not-met. */
	check_points(c, "MRMMMMMMMMMMMMMMMMMMMMMMM", 96, 100, "good");
	check_points(c, "AMMMMMMMMMMMMMMMMMMMMMMMM", 96, 100, "good");
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_points_na_with_na_points)
{
	scsec_criteria *c = load_set("points-na");

	/* q-25 weighs 2: maximum 104. An accepted N/A earns 3. */
	check_points(c, "MMMMMMMMMMMMMMMMMMMMMMMMM", 104, 104, "full marks");
	check_points(c, "MAMMMMMMMMMMMMMMMMMMMMMMM", 103, 104, "full marks");
	check_points(c, "MMMMMMMMMMMMMMMMMMMMMMMMA", 102, 104, "full marks");
	check_points(c, "MRMMMMMMMMMMMMMMMMMMMMMMM", 100, 104, "full marks");
	check_points(c, "MMMMMMMMMMMMMMMMMMMMMMMMP", 100, 104, "full marks");
	check_points(c, "MMMMMMMMMMMMMMMMMMMMMMMMN", 96, 104, "good");
	/* Below the lowest band: no band. */
	check_points(c, "-------------------------", -26, 104, NULL);
	check_points(c, "MMMMMMMMMMMMNNNNNNNNNNNNN", 48, 104, NULL);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_points_stale_answers_score_missing)
{
	scsec_criteria *c = load_set("points"), *n = load_set("points-na");

	/* Expired met, partial and not-met answers, a met answer without a
	 * method and one assessed after D all score as missing (-1). */
	check_points(c, "XMMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(c, "YMMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(c, "ZMMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(c, "WMMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(c, "FMMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(c, "XYZWFMMMMMMMMMMMMMMMMMMMM", 75, 100, "good");
	/* An expired not-applicable is no accepted answer either. */
	check_points(c, "MEMMMMMMMMMMMMMMMMMMMMMMM", 95, 100, "good");
	check_points(n, "MEMMMMMMMMMMMMMMMMMMMMMMM", 99, 104, "good");
	scsec_criteria_free(n);
	scsec_criteria_free(c);
}
END_TEST

/* A deductions.xml record: every criterion met by a third party, except
 * @p open_n criteria of weight @p open_w (missing), and @p weak_n
 * criteria of weight @p weak_w answered by an expert only. */
static scsec_result *deductions_eval(const scsec_criteria *c, int open_w, int open_n, int weak_w,
                                     int weak_n)
{
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	size_t i;

	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		int w = scsec_criterion_weight(cr);

		/* Weight 1 exactly when POA&M-eligible, in this fixture. */
		ck_assert_int_eq(scsec_criterion_poam_eligible(cr) != 0, w == 1);
		if (w == open_w && open_n > 0) {
			open_n--;
			continue;
		}
		if (w == weak_w && weak_n > 0) {
			weak_n--;
			put_met(ev, scsec_criterion_id(cr), SCSEC_METHOD_EXPERT_REVIEWED, "2025-04-01");
			continue;
		}
		put_met(ev, scsec_criterion_id(cr), SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	}
	ck_assert_int_eq(open_n, 0);
	ck_assert_int_eq(weak_n, 0);
	r = eval_at(c, ev, "2025-06-01", 0);
	scsec_evidence_free(ev);
	return r;
}

static void check_deductions(scsec_result *r, long score, scsec_conditional status)
{
	ck_assert(scsec_result_has_score(r));
	ck_assert_int_eq(scsec_result_score_max(r), 110);
	ck_assert_int_eq(scsec_result_score(r), score);
	ck_assert_msg(scsec_result_conditional(r) == status, "conditional '%s', expected '%s'",
	              scsec_conditional_name(scsec_result_conditional(r)),
	              scsec_conditional_name(status));
	ck_assert_ptr_null(scsec_result_band(r));
	scsec_result_free(r);
}

START_TEST(score_deductions_all_met_final)
{
	scsec_criteria *c = load_set("deductions");
	scsec_result *r = deductions_eval(c, 0, 0, 0, 0);
	char *json = NULL;

	ck_assert_int_eq(scsec_result_level(r), 2);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"score\": {\"model\": \"deductions\", \"value\": 110, "
	                                   "\"max\": 110, \"band\": null, \"conditional\": \"final\"}"));
	scsec_free(json);
	check_deductions(r, 110, SCSEC_CONDITIONAL_FINAL);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_deductions_weights)
{
	scsec_criteria *c = load_set("deductions");

	check_deductions(deductions_eval(c, 5, 1, 0, 0), 105, SCSEC_CONDITIONAL_NOT_MET);
	check_deductions(deductions_eval(c, 3, 2, 0, 0), 104, SCSEC_CONDITIONAL_NOT_MET);
	check_deductions(deductions_eval(c, 1, 3, 0, 0), 107, SCSEC_CONDITIONAL_CONDITIONAL);
	/* Any unsatisfied criterion is deducted, not only missing ones: here
	 * a method too weak for level 2. */
	check_deductions(deductions_eval(c, 0, 0, 5, 2), 100, SCSEC_CONDITIONAL_NOT_MET);
	check_deductions(deductions_eval(c, 1, 1, 1, 1), 108, SCSEC_CONDITIONAL_CONDITIONAL);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_deductions_floor)
{
	scsec_criteria *c = load_set("deductions");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;

	/* 110 - 390 = -280, held at -203. */
	r = eval_at(c, ev, "2025-06-01", 0);
	check_deductions(r, -203, SCSEC_CONDITIONAL_NOT_MET);
	/* 110 - 60 * 5 = -190: above the floor. */
	check_deductions(deductions_eval(c, 5, 60, 0, 0), -190, SCSEC_CONDITIONAL_NOT_MET);
	/* 110 - 300 - 20 = -210: held at -203. */
	check_deductions(deductions_eval(c, 5, 60, 1, 20), -203, SCSEC_CONDITIONAL_NOT_MET);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_deductions_conditional)
{
	scsec_criteria *c = load_set("deductions");

	/* Only POA&M-eligible items open and 88 or more: conditional. */
	check_deductions(deductions_eval(c, 1, 1, 0, 0), 109, SCSEC_CONDITIONAL_CONDITIONAL);
	check_deductions(deductions_eval(c, 1, 22, 0, 0), 88, SCSEC_CONDITIONAL_CONDITIONAL);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_deductions_below_min_not_met)
{
	scsec_criteria *c = load_set("deductions");

	check_deductions(deductions_eval(c, 1, 23, 0, 0), 87, SCSEC_CONDITIONAL_NOT_MET);
	check_deductions(deductions_eval(c, 1, 30, 0, 0), 80, SCSEC_CONDITIONAL_NOT_MET);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_deductions_non_poam_open_not_met)
{
	scsec_criteria *c = load_set("deductions");

	/* 107 is above the minimum, but a weight-3 item may not wait. */
	check_deductions(deductions_eval(c, 3, 1, 0, 0), 107, SCSEC_CONDITIONAL_NOT_MET);
	check_deductions(deductions_eval(c, 1, 1, 3, 1), 106, SCSEC_CONDITIONAL_NOT_MET);
	scsec_criteria_free(c);
}
END_TEST

/* deductions-small.xml: scored level 1 (d-1 weight 6, d-2 weight 5), max
 * 10, no floor, conditional from 4 with any item open. */
static void check_small(const char *open, long score, scsec_conditional status)
{
	scsec_criteria *c = load_set("deductions-small");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	static const char *const ids[] = { "d-1", "d-2", "d-3" };
	size_t i;

	for (i = 0; i < N_OF(ids); i++)
		if (!strstr(open, ids[i]))
			put_met(ev, ids[i], SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert(scsec_result_has_score(r));
	ck_assert_int_eq(scsec_result_score_max(r), 10);
	ck_assert_msg(scsec_result_score(r) == score, "open %s: score %ld, expected %ld", open,
	              scsec_result_score(r), score);
	ck_assert_msg(scsec_result_conditional(r) == status, "open %s: '%s', expected '%s'", open,
	              scsec_conditional_name(scsec_result_conditional(r)),
	              scsec_conditional_name(status));
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}

START_TEST(score_deductions_scored_level_and_options)
{
	/* d-3 is not scored (level 2 only). */
	check_small("", 10, SCSEC_CONDITIONAL_FINAL);
	check_small("d-3", 10, SCSEC_CONDITIONAL_FINAL);
	/* only-poam-eligible="false": items that are not eligible may wait. */
	check_small("d-1", 4, SCSEC_CONDITIONAL_CONDITIONAL);
	check_small("d-2", 5, SCSEC_CONDITIONAL_CONDITIONAL);
	/* No floor: below zero. */
	check_small("d-1 d-2", -1, SCSEC_CONDITIONAL_NOT_MET);
}
END_TEST

START_TEST(score_none_for_all_required)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r = eval_at(c, ev, "2025-06-01", 0);
	char *json = NULL, *xml = NULL;

	ck_assert(!scsec_result_has_score(r));
	ck_assert_int_eq(scsec_result_score(r), 0);
	ck_assert_int_eq(scsec_result_score_max(r), 0);
	ck_assert_ptr_null(scsec_result_band(r));
	ck_assert_int_eq(scsec_result_conditional(r), SCSEC_CONDITIONAL_NONE);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"score\": null,"));
	ck_ok(scsec_result_to_xml(&xml, NULL, r));
	ck_assert_ptr_null(strstr(xml, "<score"));
	scsec_free(xml);
	scsec_free(json);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(score_reason_and_conditional_names)
{
	static const char *const names[] = { "", "missing", "not-met", "partial", "na-rejected",
		                                 "method", "not-yet-valid", "expired" };
	int i;

	for (i = 0; i < SCSEC_REASON_COUNT; i++)
		ck_assert_str_eq(scsec_reason_name((scsec_reason)i), names[i]);
	ck_assert_str_eq(scsec_reason_name((scsec_reason)SCSEC_REASON_COUNT), "unverified");
	ck_assert_str_eq(scsec_reason_name((scsec_reason)SCSEC_REASON_COUNT_1_1), "");
	ck_assert_str_eq(scsec_reason_name((scsec_reason)-1), "");
	ck_assert_str_eq(scsec_conditional_name(SCSEC_CONDITIONAL_NONE), "");
	ck_assert_str_eq(scsec_conditional_name(SCSEC_CONDITIONAL_FINAL), "final");
	ck_assert_str_eq(scsec_conditional_name(SCSEC_CONDITIONAL_CONDITIONAL), "conditional");
	ck_assert_str_eq(scsec_conditional_name(SCSEC_CONDITIONAL_NOT_MET), "not-met");
	ck_assert_str_eq(scsec_conditional_name((scsec_conditional)4), "");
}
END_TEST

/* ---------------------------------------------------------------- rule 9 */

/* Evaluate an empty METI record with the three answers (-1: unanswered). */
static int meti_required(int *level, int confidential, int outage, int access)
{
	scsec_criteria *c = load_meti();
	scsec_eval_options *o;
	scsec_evidence *ev = new_record(c);
	scsec_result *r = NULL;
	int rc, direct = -1, rc2;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	if (confidential >= 0)
		ck_ok(scsec_eval_options_set_answer(o, "confidential-data", confidential));
	if (outage >= 0)
		ck_ok(scsec_eval_options_set_answer(o, "outage-impact", outage));
	if (access >= 0)
		ck_ok(scsec_eval_options_set_answer(o, "system-access", access));
	rc = scsec_evaluate(&r, c, ev, o);
	rc2 = scsec_criteria_required_level(&direct, c, o);
	/* The engine and the direct call agree. */
	ck_assert_int_eq(rc, rc2);
	if (!rc) {
		*level = scsec_result_required_level(r);
		ck_assert_int_eq(direct, *level);
	} else {
		ck_assert_ptr_null(r);
	}
	scsec_result_free(r);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	return rc;
}

START_TEST(rule9_any_yes_requires_four)
{
	int level = 0;

	ck_ok(meti_required(&level, 1, 0, 0));
	ck_assert_int_eq(level, 4);
	ck_ok(meti_required(&level, 0, 1, 0));
	ck_assert_int_eq(level, 4);
	ck_ok(meti_required(&level, 0, 0, 1));
	ck_assert_int_eq(level, 4);
	ck_ok(meti_required(&level, 1, 1, 1));
	ck_assert_int_eq(level, 4);
	/* Any non-zero value is yes. */
	ck_ok(meti_required(&level, 0, 42, 0));
	ck_assert_int_eq(level, 4);
}
END_TEST

START_TEST(rule9_all_no_requires_three)
{
	int level = 0;

	ck_ok(meti_required(&level, 0, 0, 0));
	ck_assert_int_eq(level, 3);
}
END_TEST

START_TEST(rule9_unknown_question_enotfound)
{
	scsec_criteria *c = load_meti(), *t = load_set("tiny");
	scsec_eval_options *o;
	scsec_evidence *ev = new_record(c);
	scsec_result *r = (scsec_result *)&r;
	int level = 99;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	ck_ok(scsec_eval_options_set_answer(o, "confidential-data", 0));
	ck_ok(scsec_eval_options_set_answer(o, "outage-impact", 0));
	ck_ok(scsec_eval_options_set_answer(o, "system-access", 0));
	ck_ok(scsec_eval_options_set_answer(o, "handles-cheese", 1));
	ck_assert_int_eq(scsec_evaluate(&r, c, ev, o), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_criteria_required_level(&level, c, o), SCSEC_ENOTFOUND);
	/* A set without a rule has no questions at all. */
	scsec_evidence_free(ev);
	ev = new_record(t);
	ck_assert_int_eq(scsec_evaluate(&r, t, ev, o), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_criteria_required_level(&level, t, o), SCSEC_ENOTFOUND);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(t);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule9_unanswered_question_einval)
{
	int level = 0;

	ck_assert_int_eq(meti_required(&level, 1, 0, -1), SCSEC_EINVAL);
	ck_assert_int_eq(meti_required(&level, -1, -1, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EINVAL);
}
END_TEST

START_TEST(rule9_required_named_outright)
{
	scsec_criteria *c = load_meti(), *t = load_set("tiny");
	scsec_eval_options *o;
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	int level = 0;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	ck_ok(scsec_eval_options_set_required(o, 4));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_required_level(r), 4);
	scsec_result_free(r);
	ck_ok(scsec_criteria_required_level(&level, c, o));
	ck_assert_int_eq(level, 4);
	/* Named outright, it wins over the answers. */
	ck_ok(scsec_eval_options_set_required(o, 3));
	ck_ok(scsec_eval_options_set_answer(o, "confidential-data", 1));
	ck_ok(scsec_eval_options_set_answer(o, "outage-impact", 1));
	ck_ok(scsec_eval_options_set_answer(o, "system-access", 1));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_required_level(r), 3);
	scsec_result_free(r);
	/* 0 restores the answers. */
	ck_ok(scsec_eval_options_set_required(o, 0));
	ck_ok(scsec_criteria_required_level(&level, c, o));
	ck_assert_int_eq(level, 4);
	/* It must be a level of the set. */
	ck_ok(scsec_eval_options_set_required(o, 5));
	ck_assert_int_eq(scsec_evaluate(&r, c, ev, o), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_criteria_required_level(&level, c, o), SCSEC_ENOTFOUND);
	scsec_eval_options_free(o);
	/* A set without a rule takes a level named outright. */
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_required(o, 2));
	ck_ok(scsec_criteria_required_level(&level, t, o));
	ck_assert_int_eq(level, 2);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(t);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule9_meets_required)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_eval_options *o;
	scsec_result *r;
	char *json = NULL;

	meti_fill(ev, c, 3, SCSEC_METHOD_EXPERT_REVIEWED, "2026-04-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	/* Nothing asked: not determined. */
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_int_eq(scsec_result_required_level(r), 0);
	ck_assert_int_eq(scsec_result_meets_required(r), -1);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"required_level\": null,\n  \"meets_required\": null,"));
	scsec_free(json);
	scsec_result_free(r);
	/* All no: ★3 required, ★3 held. */
	ck_ok(scsec_eval_options_set_answer(o, "confidential-data", 0));
	ck_ok(scsec_eval_options_set_answer(o, "outage-impact", 0));
	ck_ok(scsec_eval_options_set_answer(o, "system-access", 0));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_required_level(r), 3);
	ck_assert_int_eq(scsec_result_meets_required(r), 1);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"required_level\": 3,\n  \"meets_required\": true,"));
	scsec_free(json);
	scsec_result_free(r);
	/* One yes: ★4 required, not held. */
	ck_ok(scsec_eval_options_set_answer(o, "outage-impact", 1));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_required_level(r), 4);
	ck_assert_int_eq(scsec_result_meets_required(r), 0);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"required_level\": 4,\n  \"meets_required\": false,"));
	scsec_free(json);
	scsec_result_free(r);
	/* Nothing achieved, ★3 required: not met. */
	ck_ok(scsec_eval_options_set_required(o, 3));
	ck_ok(scsec_evidence_remove(ev, "management-pledge"));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_int_eq(scsec_result_meets_required(r), 0);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule9_required_level_function)
{
	scsec_criteria *c = load_meti(), *t = load_set("tiny");
	scsec_eval_options *o;
	int level = 99;

	ck_assert_int_eq(scsec_criteria_required_default(c), 3);
	ck_assert_uint_eq(scsec_criteria_question_count(c), 3);
	/* No options, or options without answers: none determined. */
	ck_ok(scsec_criteria_required_level(&level, c, NULL));
	ck_assert_int_eq(level, 0);
	ck_ok(scsec_eval_options_new(&o));
	level = 99;
	ck_ok(scsec_criteria_required_level(&level, c, o));
	ck_assert_int_eq(level, 0);
	ck_ok(scsec_criteria_required_level(&level, t, o));
	ck_assert_int_eq(level, 0);
	ck_assert_int_eq(scsec_criteria_required_level(NULL, c, o), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_required_level(&level, NULL, o), SCSEC_EINVAL);
	/* A later answer to the same question replaces the earlier one. */
	ck_ok(scsec_eval_options_set_answer(o, "confidential-data", 1));
	ck_ok(scsec_eval_options_set_answer(o, "outage-impact", 0));
	ck_ok(scsec_eval_options_set_answer(o, "system-access", 0));
	ck_ok(scsec_criteria_required_level(&level, c, o));
	ck_assert_int_eq(level, 4);
	ck_ok(scsec_eval_options_set_answer(o, "confidential-data", 0));
	ck_ok(scsec_criteria_required_level(&level, c, o));
	ck_assert_int_eq(level, 3);
	scsec_eval_options_free(o);
	scsec_criteria_free(t);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- rule 10 */

static char *to_json(const scsec_result *r)
{
	char *json = NULL;
	size_t size = 0;

	ck_ok(scsec_result_to_json(&json, &size, r));
	ck_assert_uint_eq(size, strlen(json));
	return json;
}

static char *to_xml(const scsec_result *r)
{
	char *xml = NULL;
	size_t size = 0;

	ck_ok(scsec_result_to_xml(&xml, &size, r));
	ck_assert_uint_eq(size, strlen(xml));
	return xml;
}

#define ck_contains(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "'%s' not found", (needle))

START_TEST(rule10_provenance)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r = eval_at(c, ev, "2025-06-01", 0);
	char fp[SCSEC_FINGERPRINT_BUFSIZE], want[512], *json, *xml;

	ck_assert_str_eq(scsec_result_engine(r), "libscsec " SCSEC_VERSION_STRING);
	ck_assert_str_eq(scsec_result_criteria_id(r), "t-eval-tiny");
	ck_assert_str_eq(scsec_result_criteria_version(r), "1.0");
	ck_assert_str_eq(scsec_result_criteria_fingerprint(r), scsec_criteria_fingerprint(c));
	ck_assert_uint_eq(strlen(scsec_result_criteria_fingerprint(r)), 64);
	ck_ok(scsec_evidence_fingerprint(fp, ev));
	ck_assert_str_eq(scsec_result_evidence_fingerprint(r), fp);
	ck_assert_str_eq(scsec_result_subject_name(r), "Example Parts Co., Ltd.");
	ck_assert_int_eq(scsec_result_as_of(r), D("2025-06-01"));

	json = to_json(r);
	ck_contains(json, "\"as_of\": \"2025-06-01\"");
	ck_contains(json, "\"subject\": {\"name\": \"Example Parts Co., Ltd.\"}");
	snprintf(want, sizeof want, "\"criteria\": {\"id\": \"t-eval-tiny\", \"version\": \"1.0\", "
	         "\"fingerprint\": \"%s\"}", scsec_criteria_fingerprint(c));
	ck_contains(json, want);
	snprintf(want, sizeof want, "\"evidence\": {\"fingerprint\": \"%s\"}", fp);
	ck_contains(json, want);
	ck_contains(json, "\"engine\": {\"name\": \"libscsec\", \"version\": \""
	                  SCSEC_VERSION_STRING "\"}");
	xml = to_xml(r);
	ck_contains(xml, " as-of=\"2025-06-01\"");
	ck_contains(xml, "engine=\"libscsec " SCSEC_VERSION_STRING "\"");
	snprintf(want, sizeof want, "<criteria id=\"t-eval-tiny\" version=\"1.0\" fingerprint=\"%s\"/>",
	         scsec_criteria_fingerprint(c));
	ck_contains(xml, want);
	snprintf(want, sizeof want, "<evidence fingerprint=\"%s\" subject=\"Example Parts Co., Ltd.\"/>",
	         fp);
	ck_contains(xml, want);
	scsec_free(xml);
	scsec_free(json);
	scsec_result_free(r);

	/* Another answer, another evidence fingerprint; no subject, none
	 * reported; a subject that needs escaping is escaped. */
	put_met(ev, "c-1", SCSEC_METHOD_EXPERT_REVIEWED, "2025-04-01");
	ck_ok(scsec_evidence_set_subject_name(ev, NULL));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_str_ne(scsec_result_evidence_fingerprint(r), fp);
	ck_ok(scsec_evidence_fingerprint(fp, ev));
	ck_assert_str_eq(scsec_result_evidence_fingerprint(r), fp);
	ck_assert_ptr_null(scsec_result_subject_name(r));
	json = to_json(r);
	ck_contains(json, "\"subject\": {\"name\": null}");
	scsec_free(json);
	xml = to_xml(r);
	ck_assert_ptr_null(strstr(xml, "subject="));
	scsec_free(xml);
	scsec_result_free(r);
	ck_ok(scsec_evidence_set_subject_name(ev, "\"Tanaka\" & Sons\n\t<Ltd>"));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_str_eq(scsec_result_subject_name(r), "\"Tanaka\" & Sons\n\t<Ltd>");
	json = to_json(r);
	ck_contains(json, "\"subject\": {\"name\": \"\\\"Tanaka\\\" & Sons\\n\\t<Ltd>\"}");
	ck_assert(test_json_ok(json, strlen(json)));
	scsec_free(json);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Results of the same inputs give the same bytes: twice with the same
 * objects, with a freshly loaded copy of the set, with a copy of the record,
 * and after the record was evaluated against another set. */
static void check_identical(const scsec_criteria *c, const scsec_criteria *copy,
                            const scsec_criteria *other, const scsec_evidence *ev,
                            const char *as_of, int target)
{
	scsec_result *r1 = eval_at(c, ev, as_of, target), *r;
	char *json1 = to_json(r1), *xml1 = to_xml(r1), *json, *xml;
	scsec_evidence *dup = NULL;
	int round;

	ck_assert(test_json_ok(json1, strlen(json1)));
	ck_ok(scsec_evidence_dup(&dup, ev));
	for (round = 0; round < 5; round++) {
		const scsec_criteria *set = round == 1 || round == 3 ? copy : c;
		const scsec_evidence *rec = round >= 2 ? dup : ev;

		if (round == 4) {
			scsec_result *o = NULL;
			scsec_eval_options *opts;

			/* Fill the record's cache with another set's binding. */
			ck_ok(scsec_eval_options_new(&opts));
			ck_ok(scsec_eval_options_set_as_of(opts, D(as_of)));
			ck_ok(scsec_evaluate(&o, other, dup, opts));
			scsec_result_free(o);
			scsec_eval_options_free(opts);
		}
		r = eval_at(set, rec, as_of, target);
		json = to_json(r);
		xml = to_xml(r);
		ck_assert_msg(!strcmp(json, json1), "round %d: JSON differs", round);
		ck_assert_msg(!strcmp(xml, xml1), "round %d: XML differs", round);
		scsec_free(xml);
		scsec_free(json);
		scsec_result_free(r);
	}
	/* The serialisers give the same bytes twice from one result. */
	json = to_json(r1);
	xml = to_xml(r1);
	ck_assert_str_eq(json, json1);
	ck_assert_str_eq(xml, xml1);
	scsec_free(xml);
	scsec_free(json);
	scsec_evidence_free(dup);
	scsec_free(xml1);
	scsec_free(json1);
	scsec_result_free(r1);
}

START_TEST(rule10_same_inputs_identical_json_and_xml)
{
	scsec_criteria *t = load_set("tiny"), *t2 = load_set("tiny"), *t3 = load_set("tiny");
	scsec_criteria *m = load_meti(), *m2 = NULL;
	scsec_criteria *p = load_set("points"), *p2 = load_set("points");
	scsec_evidence *ev = tiny_mixed(t), *mev = new_record(m), *pev;
	scsec_result *r;
	char path[1024];

	ck_ok(scsec_criteria_load_file(&m2, test_srcpath(path, sizeof path,
	                                                 "data/criteria/meti-sc-2026-03.xml"),
	                               NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(m2), scsec_criteria_fingerprint(m));
	check_identical(t, t2, t3, ev, "2025-06-01", 0);
	check_identical(t, t2, t3, ev, "2025-06-01", 2);
	meti_fill(mev, m, 3, SCSEC_METHOD_EXPERT_REVIEWED, "2026-04-01");
	put(mev, "1-1-1-1", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2026-04-01", NULL, NULL);
	ck_ok(scsec_evidence_set_subject_name(mev, "株式会社サンプル部品"));
	check_identical(m, m2, m2, mev, "2026-06-01", 0);
	check_identical(m, m2, m2, mev, "2026-06-01", 3);
	r = points_eval(p, "MPNA-MMMMMMMMMMMMMMMMMMMM");
	scsec_result_free(r);
	pev = new_record(p);
	put(pev, "q-3", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	check_identical(p, p2, p2, pev, "2025-06-01", 0);
	scsec_evidence_free(pev);
	scsec_evidence_free(mev);
	scsec_evidence_free(ev);
	scsec_criteria_free(p2);
	scsec_criteria_free(p);
	scsec_criteria_free(m2);
	scsec_criteria_free(m);
	scsec_criteria_free(t3);
	scsec_criteria_free(t2);
	scsec_criteria_free(t);
}
END_TEST

/* Non-zero when @p keys occur in @p s in this order. */
static int in_order(const char *s, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *at = strstr(s, keys[i]);

		if (!at) {
			fprintf(stderr, "missing %s\n", keys[i]);
			return 0;
		}
		s = at + strlen(keys[i]);
	}
	return 1;
}

START_TEST(rule10_json_documented_keys)
{
	static const char *const top[] = {
		"{\n  \"format\": \"scsec-result-1\",", "\n  \"level\": 3,",
		"\n  \"level_label\": \"★3\",", "\n  \"valid_until\": \"2027-03-31\",",
		"\n  \"as_of\": \"2026-06-01\",", "\n  \"required_level\": 4,",
		"\n  \"meets_required\": false,", "\n  \"levels\": [", "\n  \"gap_level\": 4,",
		"\n  \"gaps\": [", "\n  \"functions\": {", "\n  \"categories\": [",
		"\n  \"score\": null,", "\n  \"subject\": {\"name\": ", "\n  \"criteria\": {\"id\": ",
		"\n  \"evidence\": {\"fingerprint\": ", "\n  \"engine\": {\"name\": \"libscsec\"",
	};
	static const char *const level3[] = {
		"{\"rank\": 3, \"label\": \"★3\", \"met\": true, \"applicable\": 82, \"satisfied\": 82, "
		"\"reasons\": {\"missing\": 0, \"not-met\": 0, \"partial\": 0, \"na-rejected\": 0, "
		"\"method\": 0, \"not-yet-valid\": 0, \"expired\": 0}}",
		"{\"rank\": 4, \"label\": \"★4\", \"met\": false, \"applicable\": 153, \"satisfied\": 0, "
		"\"reasons\": {\"missing\": 72, \"not-met\": 0, \"partial\": 0, \"na-rejected\": 0, "
		"\"method\": 81, \"not-yet-valid\": 0, \"expired\": 0}}",
		"{\"id\": \"1-1-1-1\", \"reason\": \"missing\", \"type\": \"criterion\"}",
		"\"GV\": {\"applicable\": ",
		"{\"id\": \"1\", \"applicable\": ",
		"{\"id\": \"7\", \"applicable\": ",
	};
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_eval_options *o;
	scsec_result *r;
	char *json;
	int f;

	/* The example of doc/evaluation.md: ★3 held, ★4 required. */
	meti_fill(ev, c, 3, SCSEC_METHOD_EXPERT_REVIEWED, "2026-04-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	ck_ok(scsec_eval_options_set_required(o, 4));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	json = to_json(r);
	ck_assert(test_json_ok(json, strlen(json)));
	ck_assert(in_order(json, top, N_OF(top)));
	ck_assert(in_order(json, level3, N_OF(level3)));
	/* functions: only those with applicable criteria at the gap level;
	 * METI has all six. */
	for (f = SCSEC_FUNCTION_GV; f < SCSEC_FUNCTION_COUNT; f++) {
		char key[16];

		snprintf(key, sizeof key, "\"%s\": {", scsec_function_code((scsec_function)f));
		ck_contains(json, key);
	}
	scsec_free(json);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rule10_json_nulls_when_nothing_achieved)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	char *json;

	put_met(ev, "c-20", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	json = to_json(r);
	ck_assert(test_json_ok(json, strlen(json)));
	ck_contains(json, "\"level\": 0,\n  \"level_label\": null,\n  \"valid_until\": null,\n");
	ck_contains(json, "\"required_level\": null,\n  \"meets_required\": null,");
	/* Only functions with applicable criteria at the gap level (1): GV,
	 * ID and PR; not DE (c-20 is a level-2 criterion). */
	ck_contains(json, "\"GV\": {\"applicable\": 2, \"satisfied\": 0, ");
	ck_contains(json, "\"ID\": {\"applicable\": 1, ");
	ck_contains(json, "\"PR\": {\"applicable\": 1, ");
	ck_assert_ptr_null(strstr(json, "\"DE\""));
	ck_contains(json, "{\"id\": \"detect\", \"applicable\": 0, \"satisfied\": 0, ");
	scsec_free(json);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* The XML result validates against scsec-result-1.xsd, with no
 * diagnostics, and leaves zero counts out. */
static void check_xml_valid(const scsec_result *r)
{
	char *xml = to_xml(r);
	scsec_diagnostics *d = NULL;
	scsec_document_kind kind = SCSEC_DOCUMENT_UNKNOWN;
	int k;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_document_validate_memory(&kind, xml, strlen(xml), "result.xml", NULL, d));
	ck_assert_int_eq(kind, SCSEC_DOCUMENT_RESULT);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	ck_assert(!strncmp(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<result "
	                        "xmlns=\"urn:scsec:result:1\"", 65));
	for (k = 1; k < SCSEC_REASON_COUNT; k++) {
		char zero[32];

		snprintf(zero, sizeof zero, " %s=\"0\"", scsec_reason_name((scsec_reason)k));
		ck_assert_msg(!strstr(xml, zero), "zero count written: %s", zero);
	}
	scsec_diagnostics_free(d);
	scsec_free(xml);
}

START_TEST(rule10_xml_validates)
{
	scsec_criteria *t = load_set("tiny"), *m = load_meti(), *p = load_set("points-na");
	scsec_criteria *d = load_set("deductions"), *ch = load_set("chain");
	scsec_evidence *ev = tiny_mixed(t), *mev = new_record(m);
	scsec_eval_options *o;
	scsec_result *r;
	char *xml;

	r = eval_at(t, ev, "2025-06-01", 2);
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, "<level rank=\"1\" label=\"Basic\" met=\"false\" applicable=\"5\" "
	                 "satisfied=\"1\" missing=\"1\" not-met=\"1\" partial=\"1\" "
	                 "na-rejected=\"1\"/>");
	ck_contains(xml, "<gaps level=\"2\">");
	ck_contains(xml, "<gap id=\"c-2\" reason=\"not-met\" type=\"criterion\"/>");
	ck_contains(xml, "<function code=\"DE\" applicable=\"1\" satisfied=\"0\" expired=\"1\"/>");
	ck_contains(xml, "<category id=\"detect\" applicable=\"1\" satisfied=\"0\" expired=\"1\"/>");
	scsec_free(xml);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	/* Nothing achieved: no label, no valid-until. */
	ev = new_record(t);
	r = eval_at(t, ev, "2025-06-01", 0);
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, "<result xmlns=\"urn:scsec:result:1\" level=\"0\" as-of=\"2025-06-01\">");
	scsec_free(xml);
	scsec_result_free(r);
	/* With a required level, and the top level achieved (empty gaps). */
	meti_fill(mev, m, 4, SCSEC_METHOD_THIRD_PARTY, "2026-04-01");
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	ck_ok(scsec_eval_options_set_answer(o, "confidential-data", 1));
	ck_ok(scsec_eval_options_set_answer(o, "outage-impact", 0));
	ck_ok(scsec_eval_options_set_answer(o, "system-access", 0));
	ck_ok(scsec_evaluate(&r, m, mev, o));
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, " level=\"4\" label=\"★4\" valid-until=\"2029-03-31\" as-of=\"2026-06-01\">");
	ck_contains(xml, "<required level=\"4\" met=\"true\"/>");
	ck_contains(xml, "<gaps level=\"4\"/>");
	scsec_free(xml);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	/* Scores: points with and without a band, deductions. */
	r = points_eval(p, "MAMMMMMMMMMMMMMMMMMMMMMMM");
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, "<score model=\"points\" value=\"103\" max=\"104\" band=\"full marks\"/>");
	scsec_free(xml);
	scsec_result_free(r);
	r = points_eval(p, "-------------------------");
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, "<score model=\"points\" value=\"-26\" max=\"104\"/>");
	scsec_free(xml);
	scsec_result_free(r);
	r = deductions_eval(d, 1, 2, 0, 0);
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, "<score model=\"deductions\" value=\"108\" max=\"110\" "
	                 "conditional=\"conditional\"/>");
	scsec_free(xml);
	scsec_result_free(r);
	/* Prerequisite gaps. */
	scsec_evidence_free(ev);
	ev = chain_record(ch, "2025-04-01");
	ck_ok(scsec_evidence_remove(ev, "insurance"));
	r = eval_at(ch, ev, "2025-06-01", 3);
	check_xml_valid(r);
	xml = to_xml(r);
	ck_contains(xml, "<gap id=\"insurance\" reason=\"missing\" type=\"prerequisite\"/>");
	scsec_free(xml);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_evidence_free(mev);
	scsec_criteria_free(ch);
	scsec_criteria_free(d);
	scsec_criteria_free(p);
	scsec_criteria_free(m);
	scsec_criteria_free(t);
}
END_TEST

/* ---------------------------------------------------------------- errors */

START_TEST(errors_null_arguments)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = new_record(c);
	scsec_eval_options *o = NULL;
	scsec_result *r = (scsec_result *)&r;
	char *s = (char *)&s;
	size_t size = 7;

	ck_ok(scsec_eval_options_new(&o));
	ck_assert_int_eq(scsec_evaluate(NULL, c, ev, o), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evaluate(&r, NULL, ev, o), SCSEC_EINVAL);
	ck_assert_ptr_null(r);
	r = (scsec_result *)&r;
	ck_assert_int_eq(scsec_evaluate(&r, c, NULL, o), SCSEC_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_new(NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_as_of(NULL, D("2026-01-01")), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_target(NULL, 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_required(NULL, 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_answer(NULL, "outage-impact", 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_answer(o, NULL, 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_answer(o, "", 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_result_to_json(NULL, &size, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_result_to_json(&s, &size, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(s);
	s = (char *)&s;
	ck_assert_int_eq(scsec_result_to_xml(&s, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(scsec_result_to_xml(NULL, NULL, NULL), SCSEC_EINVAL);
	/* Getters on NULL. */
	ck_assert_int_eq(scsec_result_level(NULL), 0);
	ck_assert_ptr_null(scsec_result_level_label(NULL));
	ck_assert_int_eq(scsec_result_valid_until(NULL), SCSEC_DATE_NONE);
	ck_assert_uint_eq(scsec_result_level_count(NULL), 0);
	ck_assert_ptr_null(scsec_result_level_figures_at(NULL, 0));
	ck_assert_uint_eq(scsec_result_gap_count(NULL), 0);
	ck_assert_ptr_null(scsec_result_gap_at(NULL, 0));
	ck_assert_ptr_null(scsec_gap_id(NULL));
	ck_assert_int_eq(scsec_gap_reason(NULL), SCSEC_REASON_NONE);
	ck_assert_uint_eq(scsec_figures_applicable(NULL), 0);
	ck_assert_uint_eq(scsec_figures_reason_count(NULL, SCSEC_REASON_MISSING), 0);
	ck_assert_ptr_null(scsec_result_function_figures(NULL, SCSEC_FUNCTION_GV));
	ck_assert_uint_eq(scsec_result_category_count(NULL), 0);
	ck_assert_int_eq(scsec_result_meets_required(NULL), -1);
	ck_assert_ptr_null(scsec_result_engine(NULL));
	ck_assert_ptr_null(scsec_result_criteria_id(NULL));
	ck_assert_ptr_null(scsec_result_evidence_fingerprint(NULL));
	scsec_result_free(NULL);
	scsec_eval_options_free(NULL);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(errors_evidence_for_other_set)
{
	scsec_criteria *t = load_set("tiny"), *ch = load_set("chain");
	scsec_evidence *ev = tiny_record(t, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_eval_options *o;
	scsec_result *r = (scsec_result *)&r;
	char zeros[65];

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2025-06-01")));
	/* Another id. */
	ck_assert_int_eq(scsec_evaluate(&r, ch, ev, o), SCSEC_EMISMATCH);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EMISMATCH);
	/* The same id, another version. */
	ck_ok(scsec_evidence_set_criteria(ev, "t-eval-tiny", "1.1", NULL));
	ck_assert_int_eq(scsec_evaluate(&r, t, ev, o), SCSEC_EMISMATCH);
	ck_ok(scsec_evidence_set_criteria(ev, "t-eval-tiny", "1.0 ", NULL));
	ck_assert_int_eq(scsec_evaluate(&r, t, ev, o), SCSEC_EMISMATCH);
	ck_ok(scsec_evidence_set_criteria(ev, "T-EVAL-TINY", "1.0", NULL));
	ck_assert_int_eq(scsec_evaluate(&r, t, ev, o), SCSEC_EMISMATCH);
	/* The same id and version, another fingerprint: evaluated. */
	memset(zeros, '0', 64);
	zeros[64] = '\0';
	ck_ok(scsec_evidence_set_criteria(ev, "t-eval-tiny", "1.0", zeros));
	ck_ok(scsec_evaluate(&r, t, ev, o));
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(ch);
	scsec_criteria_free(t);
}
END_TEST

START_TEST(errors_record_without_set_and_unknown_ids)
{
	scsec_criteria *t = load_set("tiny");
	scsec_evidence *named = tiny_record(t, SCSEC_METHOD_SELF, "2025-04-01"), *ev = NULL;
	scsec_result *r1, *r2;
	char *j1, *j2, *a, *b;
	size_t i;

	/* A record that names no set is evaluated against any. */
	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_ok(scsec_evidence_set_subject_name(ev, "Example Parts Co., Ltd."));
	for (i = 0; i < scsec_evidence_entry_count(named); i++) {
		scsec_entry *e;

		ck_ok(scsec_entry_dup(&e, scsec_evidence_entry_at(named, i)));
		ck_ok(scsec_evidence_add(ev, e));
	}
	r1 = eval_at(t, named, "2025-06-01", 0);
	r2 = eval_at(t, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r2), 1);
	/* The same JSON but for the evidence fingerprint. */
	j1 = to_json(r1);
	j2 = to_json(r2);
	a = strstr(j1, "\"evidence\"");
	b = strstr(j2, "\"evidence\"");
	ck_assert(a && b && a - j1 == b - j2 && !strncmp(j1, j2, (size_t)(a - j1)));
	scsec_free(j2);
	scsec_result_free(r2);
	/* Entries for ids the set does not know are ignored. */
	put_met(named, "zz-unknown", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	put(named, "c-99", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_THIRD_PARTY, "2025-04-01", NULL, NULL);
	r2 = eval_at(t, named, "2025-06-01", 0);
	j2 = to_json(r2);
	a = strstr(j1, "\"evidence\"");
	b = strstr(j2, "\"evidence\"");
	ck_assert(a && b && a - j1 == b - j2 && !strncmp(j1, j2, (size_t)(a - j1)));
	ck_assert_int_eq(gap_reason(r2, "c-99"), SCSEC_REASON_NONE);
	scsec_free(j2);
	scsec_free(j1);
	scsec_result_free(r2);
	scsec_result_free(r1);
	scsec_evidence_free(ev);
	scsec_evidence_free(named);
	scsec_criteria_free(t);
}
END_TEST

START_TEST(errors_unknown_target)
{
	scsec_criteria *c = load_set("tiny"), *m = load_meti();
	scsec_evidence *ev = new_record(c), *mev = new_record(m);
	scsec_eval_options *o;
	scsec_result *r = (scsec_result *)&r;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2025-06-01")));
	ck_ok(scsec_eval_options_set_target(o, 3));
	ck_assert_int_eq(scsec_evaluate(&r, c, ev, o), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_ENOTFOUND);
	ck_ok(scsec_eval_options_set_target(o, 99));
	ck_assert_int_eq(scsec_evaluate(&r, c, ev, o), SCSEC_ENOTFOUND);
	/* METI has ★3 and ★4 only: no ★1, ★2 or ★5. */
	ck_ok(scsec_eval_options_set_target(o, 5));
	ck_assert_int_eq(scsec_evaluate(&r, m, mev, o), SCSEC_ENOTFOUND);
	ck_ok(scsec_eval_options_set_target(o, 1));
	ck_assert_int_eq(scsec_evaluate(&r, m, mev, o), SCSEC_ENOTFOUND);
	/* 0 restores the default. */
	ck_ok(scsec_eval_options_set_target(o, 0));
	ck_ok(scsec_evaluate(&r, m, mev, o));
	ck_assert_int_eq(scsec_result_gap_level(r), 3);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	scsec_evidence_free(mev);
	scsec_evidence_free(ev);
	scsec_criteria_free(m);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(errors_option_setter_ranges)
{
	scsec_eval_options *o;
	scsec_date lo = D("0001-01-01"), hi = D("9999-12-31");

	ck_ok(scsec_eval_options_new(&o));
	ck_assert_int_eq(scsec_eval_options_set_target(o, -1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_target(o, 100), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_target(o, 1000000), SCSEC_EINVAL);
	ck_ok(scsec_eval_options_set_target(o, 0));
	ck_ok(scsec_eval_options_set_target(o, 1));
	ck_ok(scsec_eval_options_set_target(o, 99));
	ck_assert_int_eq(scsec_eval_options_set_required(o, -1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_eval_options_set_required(o, 100), SCSEC_EINVAL);
	ck_ok(scsec_eval_options_set_required(o, 0));
	ck_ok(scsec_eval_options_set_required(o, 99));
	ck_assert_int_eq(scsec_eval_options_set_as_of(o, SCSEC_DATE_NONE), SCSEC_EDATE);
	ck_assert_int_eq(scsec_eval_options_set_as_of(o, hi + 1), SCSEC_EDATE);
	ck_assert_int_eq(scsec_eval_options_set_as_of(o, lo - 1), SCSEC_EDATE);
	ck_assert_int_eq(scsec_eval_options_set_as_of(o, INT32_MAX), SCSEC_EDATE);
	ck_ok(scsec_eval_options_set_as_of(o, lo));
	ck_ok(scsec_eval_options_set_as_of(o, hi));
	ck_ok(scsec_eval_options_set_answer(o, "anything", 1));
	ck_ok(scsec_eval_options_set_answer(o, "anything", 0));
	scsec_eval_options_free(o);
}
END_TEST

START_TEST(errors_as_of_default_today)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = new_record(c);
	scsec_eval_options *o;
	scsec_result *r;
	scsec_date before, after;

	before = scsec_date_today();
	ck_ok(scsec_evaluate(&r, c, ev, NULL));
	after = scsec_date_today();
	ck_assert(scsec_result_as_of(r) >= before && scsec_result_as_of(r) <= after);
	scsec_result_free(r);
	ck_ok(scsec_eval_options_new(&o));
	before = scsec_date_today();
	ck_ok(scsec_evaluate(&r, c, ev, o));
	after = scsec_date_today();
	ck_assert(scsec_result_as_of(r) >= before && scsec_result_as_of(r) <= after);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(errors_result_outlives_set_and_record)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_mixed(c);
	scsec_result *r = eval_at(c, ev, "2025-06-01", 2);
	char *json1 = to_json(r), *xml1 = to_xml(r), *json, *xml, fp[SCSEC_FINGERPRINT_BUFSIZE];
	char cfp[SCSEC_FINGERPRINT_BUFSIZE];

	ck_ok(scsec_evidence_fingerprint(fp, ev));
	memcpy(cfp, scsec_criteria_fingerprint(c), sizeof cfp);
	/* Free the set, then change and free the record: the result keeps
	 * what it needs. */
	scsec_criteria_free(c);
	put_met(ev, "c-2", SCSEC_METHOD_THIRD_PARTY, "2025-04-01");
	ck_ok(scsec_evidence_set_subject_name(ev, "Someone Else"));
	scsec_evidence_free(ev);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_ptr_null(scsec_result_level_label(r));
	ck_assert_uint_eq(scsec_result_level_count(r), 2);
	ck_assert_int_eq(scsec_result_level_rank_at(r, 1), 2);
	ck_assert_int_eq(scsec_result_gap_level(r), 2);
	ck_gaps(r, 1, "c-2:not-met,c-3:partial,c-4:na-rejected,c-10:method,c-11:not-yet-valid,"
	              "c-20:expired");
	ck_assert_str_eq(scsec_result_category_id_at(r, 2), "detect");
	check_figures(scsec_result_category_figures_at(r, 2), 1, 0, 0, 0, 0, 0, 0, 0, 1);
	ck_assert_str_eq(scsec_result_criteria_id(r), "t-eval-tiny");
	ck_assert_str_eq(scsec_result_criteria_version(r), "1.0");
	ck_assert_str_eq(scsec_result_criteria_fingerprint(r), cfp);
	ck_assert_str_eq(scsec_result_evidence_fingerprint(r), fp);
	ck_assert_str_eq(scsec_result_subject_name(r), "Example Parts Co., Ltd.");
	json = to_json(r);
	xml = to_xml(r);
	ck_assert_str_eq(json, json1);
	ck_assert_str_eq(xml, xml1);
	scsec_free(xml);
	scsec_free(json);
	scsec_free(xml1);
	scsec_free(json1);
	scsec_result_free(r);

	/* A level label outlives the set too. */
	c = load_set("tiny");
	ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	scsec_criteria_free(c);
	scsec_evidence_free(ev);
	ck_assert_str_eq(scsec_result_level_label(r), "Basic");
	json = to_json(r);
	ck_contains(json, "\"level_label\": \"Basic\"");
	scsec_free(json);
	scsec_result_free(r);
}
END_TEST

START_TEST(errors_changed_record_reevaluated)
{
	scsec_criteria *c = load_set("tiny"), *copy = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r;

	/* Each change shows in the next evaluation, whichever set's binding
	 * the record holds. */
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	put(ev, "c-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	scsec_result_free(r);
	r = eval_at(copy, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	scsec_result_free(r);
	put_met(ev, "c-1", SCSEC_METHOD_SELF, "2025-04-01");
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	r = eval_at(copy, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	r = eval_at(copy, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	scsec_result_free(r);
	/* A set freed while its binding is cached, then a new set. */
	scsec_criteria_free(copy);
	copy = load_set("tiny");
	put_met(ev, "pledge", SCSEC_METHOD_SELF, "2025-04-01");
	r = eval_at(copy, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	scsec_criteria_free(copy);
	copy = load_set("tiny");
	r = eval_at(copy, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(copy);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- binding cache */

#define METI_FILE "data/criteria/meti-sc-2026-03.xml"

/* The METI set loaded from its file: a handle of its own, with a serial
 * number of its own. */
static scsec_criteria *load_meti_file(void)
{
	scsec_criteria *c = NULL;
	char path[1024];

	ck_ok(scsec_criteria_load_file(&c, test_srcpath(path, sizeof path, METI_FILE), NULL, NULL));
	return c;
}

/* The METI set with ★3 valid for two years instead of one: the same id and
 * version, other rules. */
static scsec_criteria *load_meti_variant(void)
{
	static const char p1y[] = "validity=\"P1Y\"";
	scsec_criteria *c = NULL;
	char path[1024], *xml, *at;
	long size;
	FILE *f = fopen(test_srcpath(path, sizeof path, METI_FILE), "rb");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	ck_assert_int_gt(size, 0);
	rewind(f);
	xml = malloc((size_t)size + 1);
	ck_assert_ptr_nonnull(xml);
	ck_assert_uint_eq(fread(xml, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	xml[size] = '\0';
	at = strstr(xml, p1y);
	ck_assert_ptr_nonnull(at);
	at[sizeof p1y - 4] = '2';
	ck_ok(scsec_criteria_load_memory(&c, xml, (size_t)size, "meti-variant.xml", NULL, NULL));
	free(xml);
	ck_assert_str_eq(scsec_criteria_id(c), "meti-sc-2026-03");
	return c;
}

/* A ★3 record assessed on 2025-01-01: ★3 as of 2025-06-01 under every
 * variant, as of 2026-03-01 only under the two-year one. */
static scsec_evidence *meti_three_record(const scsec_criteria *c)
{
	scsec_evidence *ev = new_record(c);

	meti_fill(ev, c, 3, SCSEC_METHOD_EXPERT_REVIEWED, "2025-01-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2025-01-01");
	return ev;
}

static const char *const cache_dates[] = { "2025-06-01", "2026-03-01" };

/* The JSON of evaluating a fresh copy of ev (nothing cached) against c. */
static char *fresh_json(const scsec_criteria *c, const scsec_evidence *ev, const char *as_of)
{
	scsec_evidence *dup = NULL;
	scsec_result *r;
	char *json;

	ck_ok(scsec_evidence_dup(&dup, ev));
	r = eval_at(c, dup, as_of, 0);
	json = to_json(r);
	scsec_result_free(r);
	scsec_evidence_free(dup);
	return json;
}

/* Evaluate ev against sets[0..n) in turn, rounds times, as of both dates:
 * every result is the one a fresh copy of the record gives. */
static void check_sets_in_turn(scsec_criteria *const *sets, size_t n, const scsec_evidence *ev,
                               int rounds)
{
	char **expected = calloc(2 * n, sizeof *expected);
	size_t i, d;
	int round;

	ck_assert_ptr_nonnull(expected);
	for (i = 0; i < n; i++)
		for (d = 0; d < 2; d++)
			expected[2 * i + d] = fresh_json(sets[i], ev, cache_dates[d]);
	for (round = 0; round < rounds; round++) {
		for (i = 0; i < n; i++) {
			/* Forwards, then backwards: each set in turn at the head. */
			size_t k = round % 2 ? n - 1 - i : i;

			for (d = 0; d < 2; d++) {
				scsec_result *r = eval_at(sets[k], ev, cache_dates[d], 0);
				char *json = to_json(r);

				ck_assert_msg(!strcmp(json, expected[2 * k + d]),
				              "round %d, set %zu, as of %s: JSON differs", round, k,
				              cache_dates[d]);
				scsec_free(json);
				scsec_result_free(r);
			}
		}
	}
	for (i = 0; i < 2 * n; i++)
		scsec_free(expected[i]);
	free(expected);
}

START_TEST(binding_two_instances_alternately)
{
	scsec_criteria *sets[3];
	scsec_evidence *ev;
	scsec_result *r;

	sets[0] = load_meti_file();
	sets[1] = load_meti_file();
	sets[2] = load_meti_variant();
	ev = meti_three_record(sets[0]);
	/* The variant differs where it should, so a wrong binding would show. */
	r = eval_at(sets[0], ev, "2026-03-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	scsec_result_free(r);
	r = eval_at(sets[2], ev, "2026-03-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	scsec_result_free(r);
	r = eval_at(sets[1], ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 3);
	scsec_result_free(r);
	check_sets_in_turn(sets, 2, ev, 100);
	check_sets_in_turn(sets, 3, ev, 100);
	/* A change drops every cached binding. */
	put(ev, "management-pledge", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-01-01", NULL,
	    NULL);
	r = eval_at(sets[2], ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	scsec_result_free(r);
	check_sets_in_turn(sets, 3, ev, 10);
	scsec_evidence_free(ev);
	scsec_criteria_free(sets[2]);
	scsec_criteria_free(sets[1]);
	scsec_criteria_free(sets[0]);
}
END_TEST

START_TEST(binding_more_sets_than_cached)
{
	enum { NSETS = 13 };
	scsec_criteria *sets[NSETS];
	scsec_evidence *ev;
	size_t i;

	/* More sets than a record caches bindings for: the later ones are
	 * bound for each evaluation, with the same results. */
	for (i = 0; i < NSETS; i++)
		sets[i] = i % 3 == 2 ? load_meti_variant() : i == 0 ? load_meti() : load_meti_file();
	ev = meti_three_record(sets[0]);
	check_sets_in_turn(sets, NSETS, ev, 20);
	scsec_evidence_free(ev);
	for (i = 0; i < NSETS; i++)
		scsec_criteria_free(sets[i]);
}
END_TEST

/* ---------------------------------------------------------------- random records */

/* xorshift64*, seeded through splitmix64. */
typedef struct rng {
	uint64_t s;
} rng;

static void rng_seed(rng *g, uint64_t seed)
{
	uint64_t z = seed + 0x9E3779B97F4A7C15ULL;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	g->s = (z ^ (z >> 31)) | 1;
}

static uint64_t rng_next(rng *g)
{
	g->s ^= g->s >> 12;
	g->s ^= g->s << 25;
	g->s ^= g->s >> 27;
	return g->s * 0x2545F4914F6CDD1DULL;
}

static unsigned rng_below(rng *g, unsigned n)
{
	return (unsigned)((rng_next(g) >> 11) % n);
}

/* Iterations: the full count, or a 40th (at least 2) when the suite runs
 * without fork (under valgrind). */
static int scaled(int n)
{
	if (test_no_fork()) {
		n /= 40;
		if (n < 2)
			n = 2;
	}
	return n;
}

/* The @p i-th item of @p c: criteria first, then prerequisites. */
static size_t item_count(const scsec_criteria *c)
{
	return scsec_criteria_criterion_count(c) + scsec_criteria_prerequisite_count(c);
}

static const char *item_id(const scsec_criteria *c, size_t i)
{
	size_t n = scsec_criteria_criterion_count(c);

	return i < n ? scsec_criterion_id(scsec_criteria_criterion_at(c, i))
	             : scsec_prerequisite_id(scsec_criteria_prerequisite_at(c, i - n));
}

/* The generator does not use the ck_* macros: it also runs in threads. */
static int gen_put(scsec_evidence *ev, const char *id, scsec_status status, scsec_method method,
                   scsec_date assessed, scsec_date expires, const char *justification)
{
	scsec_entry *e = NULL;
	int rc;

	if ((rc = scsec_entry_new(&e, id)) || (rc = scsec_entry_set_status(e, status)) ||
	    (rc = scsec_entry_set_method(e, method)) || (rc = scsec_entry_set_assessed_on(e, assessed)) ||
	    (rc = scsec_entry_set_expires_on(e, expires)) ||
	    (rc = scsec_entry_set_justification(e, justification)) ||
	    (rc = scsec_evidence_replace(ev, e))) {
		scsec_entry_free(e);
		return rc;
	}
	return 0;
}

/* A random answer for @p id (or none): any status, method, dates around
 * @p as_of, justification or not. */
static int gen_entry(scsec_evidence *ev, const char *id, rng *g, scsec_date as_of)
{
	unsigned k = rng_below(g, 100);
	scsec_status status;
	scsec_date assessed = SCSEC_DATE_NONE, expires = SCSEC_DATE_NONE;
	const char *just;

	if (k < 8) {
		int rc = scsec_evidence_remove(ev, id);

		return rc == SCSEC_ENOTFOUND ? 0 : rc;
	}
	k = rng_below(g, 100);
	status = k < 5 ? SCSEC_STATUS_NONE : k < 55 ? SCSEC_STATUS_MET : k < 65 ? SCSEC_STATUS_PARTIAL :
	         k < 75 ? SCSEC_STATUS_NOT_MET : SCSEC_STATUS_NOT_APPLICABLE;
	k = rng_below(g, 100);
	if (k >= 5)
		assessed = k < 15 ? as_of + 1 + (scsec_date)rng_below(g, 60)
		                  : as_of - (scsec_date)rng_below(g, 1200);
	if (rng_below(g, 100) < 25)
		expires = (assessed != SCSEC_DATE_NONE ? assessed : as_of) - 100 +
		          (scsec_date)rng_below(g, 1400);
	k = rng_below(g, 10);
	just = k < 3 ? NULL : k == 3 ? "" : "Not relevant to our business.";
	return gen_put(ev, id, status, (scsec_method)rng_below(g, 4), assessed, expires, just);
}

/* A random record for @p c and its evaluation date. A third are noise;
 * the others are clean (every item met by one method, recently) but for
 * up to three random answers, so that every level is reached often. */
static int gen_record(scsec_evidence **out, const scsec_criteria *c, rng *g, scsec_date *as_of)
{
	scsec_evidence *ev = NULL;
	size_t i, n = item_count(c);
	unsigned profile = rng_below(g, 3), perturb;
	int rc;

	*out = NULL;
	*as_of = 19723 + (scsec_date)rng_below(g, 2500); /* 2024-01-01 on */
	if ((rc = scsec_evidence_new(&ev, c)) ||
	    (rc = scsec_evidence_set_subject_name(ev, "Random Supplier K.K.")))
		goto fail;
	for (i = 0; i < n; i++) {
		if (profile == 0)
			rc = gen_entry(ev, item_id(c, i), g, *as_of);
		else
			rc = gen_put(ev, item_id(c, i), SCSEC_STATUS_MET,
			             profile == 1 ? SCSEC_METHOD_THIRD_PARTY : SCSEC_METHOD_EXPERT_REVIEWED,
			             *as_of - (scsec_date)rng_below(g, 300), SCSEC_DATE_NONE, NULL);
		if (rc)
			goto fail;
	}
	for (perturb = profile ? rng_below(g, 4) : 0; perturb > 0; perturb--)
		if ((rc = gen_entry(ev, item_id(c, rng_below(g, (unsigned)n)), g, *as_of)))
			goto fail;
	*out = ev;
	return 0;
fail:
	scsec_evidence_free(ev);
	return rc;
}

/* Evaluate without ck_* (threads). */
static int eval_json(char **json, const scsec_criteria *c, const scsec_evidence *ev,
                     scsec_date as_of, int target)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;
	int rc;

	*json = NULL;
	if (!(rc = scsec_eval_options_new(&o)) && !(rc = scsec_eval_options_set_as_of(o, as_of)) &&
	    !(rc = scsec_eval_options_set_target(o, target)) && !(rc = scsec_evaluate(&r, c, ev, o)))
		rc = scsec_result_to_json(json, NULL, r);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	return rc;
}

static scsec_result *eval_date(const scsec_criteria *c, const scsec_evidence *ev, scsec_date as_of,
                               int target)
{
	char buf[SCSEC_DATE_BUFSIZE];

	ck_ok(scsec_date_format(buf, as_of));
	return eval_at(c, ev, buf, target);
}

/* ---------------------------------------------------------------- properties */

/* One property, checked on a record (which it may change). */
typedef void (*property)(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of, rng *g);

/* Check @p prop over scaled(2000) random records of the METI set and of
 * the tiny set, and that the records reach every level. */
static void for_random_records(property prop, uint64_t seed)
{
	scsec_criteria *sets[2];
	size_t si;

	sets[0] = load_meti();
	sets[1] = load_set("tiny");
	for (si = 0; si < 2; si++) {
		const scsec_criteria *c = sets[si];
		int i, n = scaled(2000), reached[100] = { 0 };
		size_t li;
		rng g;

		rng_seed(&g, seed + si);
		for (i = 0; i < n; i++) {
			scsec_evidence *ev = NULL;
			scsec_date as_of;
			scsec_result *r;

			ck_ok(gen_record(&ev, c, &g, &as_of));
			r = eval_date(c, ev, as_of, 0);
			reached[scsec_result_level(r)]++;
			scsec_result_free(r);
			prop(c, ev, as_of, &g);
			scsec_evidence_free(ev);
		}
		if (n >= 500) {
			ck_assert_msg(reached[0] > 0, "%s: no record at level 0", scsec_criteria_id(c));
			for (li = 0; li < scsec_criteria_level_count(c); li++) {
				int rank = scsec_level_rank(scsec_criteria_level_at(c, li));

				ck_assert_msg(reached[rank] > 0, "%s: no record at level %d",
				              scsec_criteria_id(c), rank);
			}
		}
	}
	scsec_criteria_free(sets[1]);
	scsec_criteria_free(sets[0]);
}

/* Improve one random item of @p ev: to met, a stronger method, a fresher
 * assessment (later, never after D), or a justification. */
static void improve(const scsec_criteria *c, scsec_evidence *ev, rng *g, scsec_date as_of)
{
	const char *id = item_id(c, rng_below(g, (unsigned)item_count(c)));
	const scsec_entry *old = scsec_evidence_entry(ev, id);
	scsec_entry *e = NULL;
	scsec_date a;
	int m;

	if (!old) {
		/* Anything beats no entry. */
		ck_ok(gen_put(ev, id, SCSEC_STATUS_MET, (scsec_method)rng_below(g, 4),
		              as_of - (scsec_date)rng_below(g, 400), SCSEC_DATE_NONE, NULL));
		return;
	}
	ck_ok(scsec_entry_dup(&e, old));
	switch (rng_below(g, 4)) {
	case 0:
		ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_MET));
		break;
	case 1:
		m = (int)scsec_entry_method(e);
		if (m < SCSEC_METHOD_THIRD_PARTY) {
			m += 1 + (int)rng_below(g, (unsigned)(SCSEC_METHOD_THIRD_PARTY - m));
			ck_ok(scsec_entry_set_method(e, (scsec_method)m));
		}
		break;
	case 2:
		a = scsec_entry_assessed_on(e);
		if (a == SCSEC_DATE_NONE || a > as_of)
			a = as_of - (scsec_date)rng_below(g, 400);
		else
			a += (scsec_date)rng_below(g, (unsigned)(as_of - a) + 1);
		ck_ok(scsec_entry_set_assessed_on(e, a));
		break;
	default:
		if (!scsec_entry_justification(e) || !*scsec_entry_justification(e))
			ck_ok(scsec_entry_set_justification(e, "Justified after review."));
		break;
	}
	ck_ok(scsec_evidence_replace(ev, e));
}

static void prop_monotone(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of, rng *g)
{
	scsec_result *r0 = eval_date(c, ev, as_of, 0), *r1;
	int step;
	size_t li;

	for (step = 0; step < 3; step++) {
		improve(c, ev, g, as_of);
		r1 = eval_date(c, ev, as_of, 0);
		ck_assert_msg(scsec_result_level(r1) >= scsec_result_level(r0),
		              "an improvement lowered the level from %d to %d", scsec_result_level(r0),
		              scsec_result_level(r1));
		for (li = 0; li < scsec_result_level_count(r0); li++) {
			ck_assert(!scsec_result_level_met_at(r0, li) || scsec_result_level_met_at(r1, li));
			ck_assert_uint_ge(scsec_figures_satisfied(scsec_result_level_figures_at(r1, li)),
			                  scsec_figures_satisfied(scsec_result_level_figures_at(r0, li)));
		}
		scsec_result_free(r0);
		r0 = r1;
	}
	scsec_result_free(r0);
}

START_TEST(prop_improving_an_entry_never_lowers_the_level)
{
	for_random_records(prop_monotone, 0x5eed0001);
}
END_TEST

static void prop_deterministic(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of,
                               rng *g)
{
	int target = (int)rng_below(g, 2) ?
	                     scsec_level_rank(scsec_criteria_level_at(
	                             c, rng_below(g, (unsigned)scsec_criteria_level_count(c)))) : 0;
	scsec_result *r1 = eval_date(c, ev, as_of, target), *r2 = eval_date(c, ev, as_of, target);
	scsec_evidence *dup = NULL;
	scsec_result *r3;
	char *j1 = to_json(r1), *j2 = to_json(r2), *j3, *x1 = to_xml(r1), *x2 = to_xml(r2);

	ck_ok(scsec_evidence_dup(&dup, ev));
	r3 = eval_date(c, dup, as_of, target);
	j3 = to_json(r3);
	ck_assert(test_json_ok(j1, strlen(j1)));
	ck_assert_str_eq(j1, j2);
	ck_assert_str_eq(j1, j3);
	ck_assert_str_eq(x1, x2);
	scsec_free(j3);
	scsec_free(x2);
	scsec_free(x1);
	scsec_free(j2);
	scsec_free(j1);
	scsec_result_free(r3);
	scsec_result_free(r2);
	scsec_result_free(r1);
	scsec_evidence_free(dup);
}

START_TEST(prop_same_record_same_json)
{
	for_random_records(prop_deterministic, 0x5eed0002);
}
END_TEST

static void prop_figures(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of, rng *g)
{
	size_t li;

	for (li = 0; li <= scsec_criteria_level_count(c); li += 1 + rng_below(g, 2)) {
		int target = li ? scsec_level_rank(scsec_criteria_level_at(c, li - 1)) : 0;
		scsec_result *r = eval_date(c, ev, as_of, target);
		int line = figures_consistent(r, c);

		ck_assert_msg(line == 0, "figures do not add up (check at line %d)", line);
		scsec_result_free(r);
	}
}

START_TEST(prop_figures_add_up)
{
	for_random_records(prop_figures, 0x5eed0003);
}
END_TEST

static void prop_achieved(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of, rng *g)
{
	scsec_result *r = eval_date(c, ev, as_of, 0);
	size_t li;
	int k;

	(void)g;
	for (li = 0; li < scsec_result_level_count(r); li++) {
		const scsec_figures *f = scsec_result_level_figures_at(r, li);
		int full = scsec_figures_satisfied(f) == scsec_figures_applicable(f);

		/* A met level has every item satisfied; a level with every item
		 * satisfied is met unless it requires the lower one. */
		if (scsec_result_level_met_at(r, li))
			ck_assert(full);
		if (full && !scsec_level_requires_lower(scsec_criteria_level_at(c, li)))
			ck_assert(scsec_result_level_met_at(r, li));
		if (scsec_result_level_rank_at(r, li) == scsec_result_level(r)) {
			ck_assert(scsec_result_level_met_at(r, li));
			for (k = 1; k < SCSEC_REASON_COUNT; k++)
				ck_assert_uint_eq(scsec_figures_reason_count(f, (scsec_reason)k), 0);
		}
		if (scsec_result_level_rank_at(r, li) > scsec_result_level(r))
			ck_assert(!scsec_result_level_met_at(r, li));
	}
	scsec_result_free(r);
}

START_TEST(prop_achieved_level_fully_satisfied)
{
	for_random_records(prop_achieved, 0x5eed0004);
}
END_TEST

static void prop_valid_until(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of, rng *g)
{
	scsec_result *r = eval_date(c, ev, as_of, 0), *r2;
	scsec_date until = scsec_result_valid_until(r);
	int level = scsec_result_level(r);

	(void)g;
	if (!level) {
		ck_assert_int_eq(until, SCSEC_DATE_NONE);
		scsec_result_free(r);
		return;
	}
	ck_assert(until != SCSEC_DATE_NONE);
	ck_assert_int_ge(until, as_of);
	/* Rule 6: the level holds through valid_until, and not a day more. */
	r2 = eval_date(c, ev, until, 0);
	ck_assert(level_met(r2, level));
	ck_assert_int_ge(scsec_result_level(r2), level);
	scsec_result_free(r2);
	r2 = eval_date(c, ev, until + 1, 0);
	ck_assert_msg(!level_met(r2, level), "level %d still met the day after valid_until", level);
	scsec_result_free(r2);
	scsec_result_free(r);
}

START_TEST(prop_valid_until_not_before_as_of)
{
	for_random_records(prop_valid_until, 0x5eed0005);
}
END_TEST

/* The reference model: rules 1 to 6 written again from the specification,
 * over the public API only, for sets whose validities are whole years. */
static scsec_date ref_validity_end(const scsec_entry *e, const scsec_level *l);

static scsec_date ref_last_valid(const scsec_entry *e, const scsec_level *l)
{
	scsec_date out, expires = scsec_entry_expires_on(e);

	/* The earlier of expires_on and assessed_on + validity - 1 day. */
	if (scsec_entry_assessed_on(e) == SCSEC_DATE_NONE)
		return expires;
	out = ref_validity_end(e, l);
	return expires != SCSEC_DATE_NONE && expires < out ? expires : out;
}

/* assessed_on + the level's validity (whole years) - 1 day. */
static scsec_date ref_validity_end(const scsec_entry *e, const scsec_level *l)
{
	int years, y, m, d;
	char tail;
	scsec_date out;

	ck_assert_int_eq(sscanf(scsec_level_validity(l), "P%dY%c", &years, &tail), 1);
	ck_ok(scsec_date_split(&y, &m, &d, scsec_entry_assessed_on(e)));
	y += years;
	if (y > 9999)
		return D("9999-12-31");
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		d = 28;
	ck_ok(scsec_date_from_ymd(&out, y, m, d));
	return out - 1;
}

static scsec_reason ref_reason(const scsec_entry *e, const scsec_level *l,
                               const scsec_criterion *cr, scsec_date as_of)
{
	if (!e || scsec_entry_status(e) == SCSEC_STATUS_NONE)
		return SCSEC_REASON_MISSING;
	if (scsec_entry_status(e) == SCSEC_STATUS_NOT_MET)
		return SCSEC_REASON_NOT_MET;
	if (scsec_entry_status(e) == SCSEC_STATUS_PARTIAL)
		return SCSEC_REASON_PARTIAL;
	if (scsec_entry_status(e) == SCSEC_STATUS_NOT_APPLICABLE &&
	    (!cr || !scsec_criterion_na_allowed(cr) || !scsec_entry_justification(e) ||
	     !*scsec_entry_justification(e)))
		return SCSEC_REASON_NA_REJECTED;
	if (cr && scsec_entry_method(e) < scsec_level_method(l))
		return SCSEC_REASON_METHOD;
	if (scsec_entry_assessed_on(e) == SCSEC_DATE_NONE || scsec_entry_assessed_on(e) > as_of)
		return SCSEC_REASON_NOT_YET_VALID;
	if (as_of > ref_last_valid(e, l))
		return SCSEC_REASON_EXPIRED;
	return SCSEC_REASON_NONE;
}

/* Non-zero when item @p id (criterion @p cr, or a prerequisite when
 * @p cr is NULL) belongs to level @p l. */
static int item_of_level(const scsec_level *l, const char *id, const scsec_criterion *cr)
{
	size_t p;

	if (cr)
		return scsec_criterion_applies_at(cr, scsec_level_rank(l));
	for (p = 0; p < scsec_level_prerequisite_count(l); p++)
		if (!strcmp(scsec_prerequisite_id(scsec_level_prerequisite_at(l, p)), id))
			return 1;
	return 0;
}

static void prop_reference(const scsec_criteria *c, scsec_evidence *ev, scsec_date as_of, rng *g)
{
	scsec_result *r = eval_date(c, ev, as_of, 0);
	size_t nl = scsec_criteria_level_count(c), li, k;
	int met[64], achieved = -1;
	scsec_date until = SCSEC_DATE_NONE;

	(void)g;
	for (li = 0; li < nl; li++) {
		const scsec_level *l = scsec_criteria_level_at(c, li);
		size_t counts[SCSEC_REASON_COUNT] = { 0 }, applicable = 0;
		const scsec_figures *f = scsec_result_level_figures_at(r, li);

		for (k = 0; k < scsec_criteria_criterion_count(c); k++) {
			const scsec_criterion *cr = scsec_criteria_criterion_at(c, k);

			if (!scsec_criterion_applies_at(cr, scsec_level_rank(l)))
				continue;
			applicable++;
			counts[ref_reason(scsec_evidence_entry(ev, scsec_criterion_id(cr)), l, cr,
			                  as_of)]++;
		}
		for (k = 0; k < scsec_level_prerequisite_count(l); k++) {
			const char *id = scsec_prerequisite_id(scsec_level_prerequisite_at(l, k));

			applicable++;
			counts[ref_reason(scsec_evidence_entry(ev, id), l, NULL, as_of)]++;
		}
		met[li] = counts[SCSEC_REASON_NONE] == applicable &&
		          (!scsec_level_requires_lower(l) || (li > 0 && met[li - 1]));
		ck_assert_uint_eq(scsec_figures_applicable(f), applicable);
		for (k = 0; k < SCSEC_REASON_COUNT; k++)
			ck_assert_msg(scsec_figures_reason_count(f, (scsec_reason)k) == counts[k],
			              "level %d, reason '%s': %zu, the model says %zu", scsec_level_rank(l),
			              scsec_reason_name((scsec_reason)k),
			              scsec_figures_reason_count(f, (scsec_reason)k), counts[k]);
		ck_assert_int_eq(scsec_result_level_met_at(r, li) != 0, met[li]);
		if (met[li])
			achieved = (int)li;
	}
	ck_assert_int_eq(scsec_result_level(r),
	                 achieved < 0 ? 0 : scsec_level_rank(scsec_criteria_level_at(c, (size_t)achieved)));
	/* Rule 6 along the requires-lower chain. */
	for (li = (size_t)achieved; achieved >= 0; li--) {
		const scsec_level *l = scsec_criteria_level_at(c, li);

		for (k = 0; k < item_count(c); k++) {
			const char *id = item_id(c, k);

			if (item_of_level(l, id, scsec_criteria_criterion(c, id))) {
				scsec_date last = ref_last_valid(scsec_evidence_entry(ev, id), l);

				if (until == SCSEC_DATE_NONE || last < until)
					until = last;
			}
		}
		if (!scsec_level_requires_lower(l) || li == 0)
			break;
	}
	ck_assert_int_eq(scsec_result_valid_until(r), until);
	scsec_result_free(r);
}

START_TEST(prop_matches_reference_model)
{
	for_random_records(prop_reference, 0x5eed0006);
}
END_TEST

/* Non-zero when the comma-separated lists @p a and @p b hold the same ids. */
static int same_id_set(const char *a, const char *b)
{
	char x[512], y[512], *save = NULL, *tok;
	size_t na = 0, nb = 0;

	snprintf(x, sizeof x, "%s", a);
	snprintf(y, sizeof y, ",%s,", b);
	for (tok = strtok_r(x, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char needle[80];

		snprintf(needle, sizeof needle, ",%s,", tok);
		if (!strstr(y, needle))
			return 0;
		na++;
	}
	for (tok = y; *tok; tok++)
		nb += *tok == ',';
	return *b ? na == nb - 1 : na == 0;
}

/* Rule 7 over random records of the chain set: the gaps of every target
 * are exactly the items unsatisfied at some level of its chain, each
 * judged at its own level (so a level that is not met always has gaps).
 * Mismatches are counted, and reported once everything is freed. */
START_TEST(prop_chain_gaps_cover_every_unsatisfied_item)
{
	scsec_criteria *c = load_set("chain");
	int i, n = scaled(2000), bad = 0, empty_unmet = 0, checked = 0, by_target[4] = { 0 };
	char first[512] = "";
	rng g;

	rng_seed(&g, 0x5eed0007);
	for (i = 0; i < n; i++) {
		scsec_evidence *ev = NULL;
		scsec_date as_of;
		int rank;

		ck_ok(gen_record(&ev, c, &g, &as_of));
		for (rank = 1; rank <= 3; rank++) {
			scsec_result *r = eval_date(c, ev, as_of, rank);
			char want[256] = "", got[256];
			size_t k, li = (size_t)rank - 1, w = 0;

			/* The expected ids, in the order of the chain set's ids. */
			for (k = 0; k < item_count(c); k++) {
				const char *id = item_id(c, k);
				const scsec_criterion *cr = scsec_criteria_criterion(c, id);
				size_t l = li;
				int gap = 0;

				for (;;) {
					const scsec_level *lv = scsec_criteria_level_at(c, l);

					if (item_of_level(lv, id, cr) &&
					    ref_reason(scsec_evidence_entry(ev, id), lv, cr, as_of))
						gap = 1;
					if (!scsec_level_requires_lower(lv) || l == 0)
						break;
					l--;
				}
				if (gap)
					w += (size_t)snprintf(want + w, sizeof want - w, "%s%s", w ? "," : "",
					                      id);
			}
			gap_list(got, sizeof got, r, 0);
			/* Compare as sets: sort both by the same order first. */
			if (strlen(got) != strlen(want) || !same_id_set(got, want)) {
				by_target[rank]++;
				if (!bad++)
					snprintf(first, sizeof first, "target %d: gaps '%s', expected '%s'",
					         rank, got, want);
			}
			if (!level_met(r, rank) && !scsec_result_gap_count(r))
				empty_unmet++;
			checked++;
			scsec_result_free(r);
		}
		scsec_evidence_free(ev);
	}
	scsec_criteria_free(c);
	ck_assert_msg(bad == 0,
	              "%d of %d gap lists differ from rule 7 (targets L1/L2/L3: %d/%d/%d; %d unmet "
	              "levels with no gap); first: %s",
	              bad, checked, by_target[1], by_target[2], by_target[3], empty_unmet, first);
}
END_TEST

/* ---------------------------------------------------------------- threads */

#define SEEDS 32
#define THREADS 8

typedef struct job {
	const scsec_criteria *sets[2];
	const scsec_evidence *shared;  /* NULL: records of the thread's own */
	char *const *expected;         /* by seed, or by [set][date] for the shared record */
	const scsec_date *dates;
	int index;
	int iterations;
	pthread_barrier_t *start;
	int failures;
} job;

/* Each evaluation builds the record of one seed and compares its JSON. */
static void *private_records(void *arg)
{
	job *j = arg;
	int i;

	pthread_barrier_wait(j->start);
	for (i = 0; i < j->iterations; i++) {
		unsigned seed = (unsigned)(j->index * 7 + i) % SEEDS;
		scsec_evidence *ev = NULL;
		scsec_date as_of;
		char *json = NULL;
		rng g;

		rng_seed(&g, 0x7417ead5ULL + seed);
		if (gen_record(&ev, j->sets[0], &g, &as_of) ||
		    eval_json(&json, j->sets[0], ev, as_of, 0) || strcmp(json, j->expected[seed]))
			j->failures++;
		scsec_free(json);
		scsec_evidence_free(ev);
	}
	return NULL;
}

/* Every thread evaluates the one shared record, as of four dates, against
 * two handles (two serial numbers: two bindings published in the record,
 * racing). */
static void *shared_record(void *arg)
{
	job *j = arg;
	int i;

	pthread_barrier_wait(j->start);
	for (i = 0; i < j->iterations; i++) {
		int set = (j->index + i / 2) % 2, date = (j->index + i) % 4;
		char *json = NULL;
		char fp[SCSEC_FINGERPRINT_BUFSIZE];

		if (eval_json(&json, j->sets[set], j->shared, j->dates[date], 0) ||
		    strcmp(json, j->expected[set * 4 + date]))
			j->failures++;
		if (i % 16 == 0 && scsec_evidence_fingerprint(fp, j->shared))
			j->failures++;
		scsec_free(json);
	}
	return NULL;
}

static void run_threads(job *jobs, void *(*fn)(void *))
{
	pthread_t t[THREADS];
	pthread_barrier_t start;
	int i;

	ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
	for (i = 0; i < THREADS; i++) {
		jobs[i].start = &start;
		ck_assert_int_eq(pthread_create(&t[i], NULL, fn, &jobs[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	pthread_barrier_destroy(&start);
	for (i = 0; i < THREADS; i++)
		ck_assert_msg(jobs[i].failures == 0, "thread %d: %d evaluations differ", i,
		              jobs[i].failures);
}

START_TEST(threads_private_records_shared_set)
{
	scsec_criteria *c = load_meti();
	char *expected[SEEDS];
	job jobs[THREADS];
	unsigned seed;
	int i;

	/* The JSON of every seed, computed sequentially first. */
	for (seed = 0; seed < SEEDS; seed++) {
		scsec_evidence *ev = NULL;
		scsec_date as_of;
		rng g;

		rng_seed(&g, 0x7417ead5ULL + seed);
		ck_ok(gen_record(&ev, c, &g, &as_of));
		ck_ok(eval_json(&expected[seed], c, ev, as_of, 0));
		scsec_evidence_free(ev);
	}
	memset(jobs, 0, sizeof jobs);
	for (i = 0; i < THREADS; i++) {
		jobs[i].sets[0] = c;
		jobs[i].expected = expected;
		jobs[i].index = i;
		jobs[i].iterations = scaled(2000);
	}
	run_threads(jobs, private_records);
	for (seed = 0; seed < SEEDS; seed++)
		scsec_free(expected[seed]);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(threads_shared_record)
{
	scsec_criteria *c = load_meti(), *copy = NULL;
	scsec_evidence *base = NULL;
	char *expected[8], path[1024];
	scsec_date dates[4];
	job jobs[THREADS];
	int i, round, rounds = scaled(2000) >= 2000 ? 10 : 2;

	ck_ok(scsec_criteria_load_file(&copy, test_srcpath(path, sizeof path,
	                                                   "data/criteria/meti-sc-2026-03.xml"),
	                               NULL, NULL));
	/* A ★4 record with a few gaps, as of dates around its expiry. */
	base = new_record(c);
	meti_fill(base, c, 4, SCSEC_METHOD_THIRD_PARTY, "2026-04-01");
	put_met(base, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	put_met(base, "2-1-1-1", SCSEC_METHOD_EXPERT_REVIEWED, "2025-05-01");
	put(base, "5-1-1-1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-04-01", "2027-12-31",
	    NULL);
	dates[0] = D("2026-06-01");
	dates[1] = D("2027-04-30");
	dates[2] = D("2027-12-31");
	dates[3] = D("2028-01-01");
	for (i = 0; i < 8; i++)
		ck_ok(eval_json(&expected[i], i < 4 ? c : copy, base, dates[i % 4], 0));
	for (round = 0; round < rounds; round++) {
		scsec_evidence *shared = NULL;

		/* A fresh copy: its caches are filled by the threads, racing. */
		ck_ok(scsec_evidence_dup(&shared, base));
		memset(jobs, 0, sizeof jobs);
		for (i = 0; i < THREADS; i++) {
			jobs[i].sets[0] = c;
			jobs[i].sets[1] = copy;
			jobs[i].shared = shared;
			jobs[i].expected = expected;
			jobs[i].dates = dates;
			jobs[i].index = i;
			jobs[i].iterations = scaled(2000) / rounds;
		}
		run_threads(jobs, shared_record);
		scsec_evidence_free(shared);
	}
	for (i = 0; i < 8; i++)
		scsec_free(expected[i]);
	scsec_evidence_free(base);
	scsec_criteria_free(copy);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- evaluator */

/* The JSON of running x as of as_of with target. */
static char *run_json(const scsec_evaluator *x, const char *as_of, int target)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;
	char *json;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D(as_of)));
	ck_ok(scsec_eval_options_set_target(o, target));
	ck_ok(scsec_evaluator_run(&r, x, o));
	json = to_json(r);
	scsec_result_free(r);
	scsec_eval_options_free(o);
	return json;
}

static char *evaluate_json(const scsec_criteria *c, const scsec_evidence *ev, const char *as_of,
                           int target)
{
	scsec_result *r = eval_at(c, ev, as_of, target);
	char *json = to_json(r);

	scsec_result_free(r);
	return json;
}

/* One evaluator run as of many dates and targets gives what one-shot
 * evaluations give. */
START_TEST(evaluator_runs_like_evaluate)
{
	static const char *const dates[] = { "2026-03-31", "2026-06-01", "2027-04-30", "2028-01-01" };
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_evaluator *x = NULL;
	size_t i;
	int target;

	meti_fill(ev, c, 4, SCSEC_METHOD_THIRD_PARTY, "2026-04-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	put_met(ev, "2-1-1-1", SCSEC_METHOD_EXPERT_REVIEWED, "2025-05-01");
	ck_ok(scsec_evaluator_new(&x, c, ev));
	for (i = 0; i < N_OF(dates); i++) {
		for (target = 0; target <= 4; target += 1) {
			char *a, *b;

			if (target && !scsec_criteria_level_by_rank(c, target))
				continue;
			a = run_json(x, dates[i], target);
			b = evaluate_json(c, ev, dates[i], target);
			ck_assert_str_eq(a, b);
			scsec_free(a);
			scsec_free(b);
		}
	}
	scsec_evaluator_free(x);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* An evaluator evaluates the record as it was when made: the record may be
 * changed and freed, the set freed, and results outlive the evaluator. */
START_TEST(evaluator_keeps_the_record_as_it_was)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_evaluator *x = NULL;
	scsec_result *r = NULL;
	char fp[SCSEC_FINGERPRINT_BUFSIZE], *before, *after, *now;

	ck_ok(scsec_evidence_fingerprint(fp, ev));
	before = evaluate_json(c, ev, "2025-06-01", 0);
	ck_ok(scsec_evaluator_new(&x, c, ev));
	/* Change everything the result shows. */
	put(ev, "c-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	ck_ok(scsec_evidence_set_subject_name(ev, "Another Name K.K."));
	now = evaluate_json(c, ev, "2025-06-01", 0);
	ck_assert_str_ne(now, before);
	after = run_json(x, "2025-06-01", 0);
	ck_assert_str_eq(after, before);
	scsec_free(after);
	/* Record and set freed: the evaluator holds what it needs. */
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	after = run_json(x, "2025-06-01", 0);
	ck_assert_str_eq(after, before);
	/* A result outlives its evaluator, and takes the record's fingerprint
	 * as it was through it. */
	ck_ok(scsec_evaluator_run(&r, x, NULL));
	scsec_evaluator_free(x);
	ck_assert_str_eq(scsec_result_evidence_fingerprint(r), fp);
	ck_assert_str_eq(scsec_result_subject_name(r), "Example Parts Co., Ltd.");
	ck_assert_uint_eq(scsec_result_as_of(r), scsec_date_today());
	scsec_result_free(r);
	scsec_free(after);
	scsec_free(now);
	scsec_free(before);
}
END_TEST

START_TEST(evaluator_errors)
{
	scsec_criteria *c = load_set("tiny"), *meti = load_meti();
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_evaluator *x = (scsec_evaluator *)1;
	scsec_eval_options *o = NULL;
	scsec_result *r = (scsec_result *)1;

	ck_assert_int_eq(scsec_evaluator_new(NULL, c, ev), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evaluator_new(&x, NULL, ev), SCSEC_EINVAL);
	ck_assert_ptr_null(x);
	ck_assert_int_eq(scsec_evaluator_new(&x, c, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evaluator_new(&x, meti, ev), SCSEC_EMISMATCH);
	ck_assert_ptr_null(x);
	ck_assert_int_eq(scsec_evaluator_run(&r, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(r);
	ck_ok(scsec_evaluator_new(&x, c, ev));
	ck_assert_int_eq(scsec_evaluator_run(NULL, x, NULL), SCSEC_EINVAL);
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_target(o, 42));
	ck_assert_int_eq(scsec_evaluator_run(&r, x, o), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(r);
	scsec_eval_options_free(o);
	scsec_evaluator_free(x);
	scsec_evaluator_free(NULL);
	scsec_evidence_free(ev);
	scsec_criteria_free(meti);
	scsec_criteria_free(c);
}
END_TEST

/* Issue 13.9: an entry handed to a record cannot be changed through the
 * caller's pointer any more (it would leave fingerprints and levels stale):
 * every setter refuses with SCSEC_EBUSY, the record and what is computed
 * from it stay as they were, and a copy is what one edits. */
START_TEST(entry_edit_after_add_refused)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01"), *other = new_record(c);
	scsec_entry *e = NULL, *copy = NULL;
	scsec_result *r;
	char fp[SCSEC_FINGERPRINT_BUFSIZE], fp2[SCSEC_FINGERPRINT_BUFSIZE], *before, *after;

	ck_ok(scsec_entry_new(&e, "c-1"));
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_MET));
	ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_SELF));
	ck_ok(scsec_entry_set_assessed_on(e, D("2025-04-01")));
	ck_ok(scsec_evidence_replace(ev, e));
	ck_ok(scsec_evidence_fingerprint(fp, ev));
	before = evaluate_json(c, ev, "2025-06-01", 0);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	scsec_result_free(r);

	ck_assert_int_eq(scsec_entry_set_status(e, SCSEC_STATUS_NOT_MET), SCSEC_EBUSY);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "scsec_entry_dup"));
	ck_assert_int_eq(scsec_entry_set_method(e, SCSEC_METHOD_NONE), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_set_assessed_on(e, SCSEC_DATE_NONE), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_set_expires_on(e, D("2025-04-02")), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_set_assessor(e, "Intern", NULL), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_set_justification(e, "x"), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_set_note(e, "x"), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_add_artifact(e, "https://example.org/a", NULL), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_entry_clear_artifacts(e), SCSEC_EBUSY);
	/* Nothing changed: not the entry, the fingerprint or the level. */
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "c-1")), SCSEC_STATUS_MET);
	ck_ok(scsec_evidence_fingerprint(fp2, ev));
	ck_assert_str_eq(fp2, fp);
	after = evaluate_json(c, ev, "2025-06-01", 0);
	ck_assert_str_eq(after, before);
	scsec_free(after);
	/* Nor may it join another record (it would have two owners). */
	ck_assert_int_eq(scsec_evidence_add(other, e), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_evidence_replace(ev, e), SCSEC_EBUSY);
	ck_assert_uint_eq(scsec_evidence_entry_count(other), 0);
	/* The way to edit: a copy, changed, replacing it. */
	ck_ok(scsec_entry_dup(&copy, e));
	ck_ok(scsec_entry_set_status(copy, SCSEC_STATUS_NOT_MET));
	ck_ok(scsec_evidence_replace(ev, copy));
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_int_eq(gap_reason(r, "c-1"), SCSEC_REASON_NOT_MET);
	scsec_result_free(r);
	ck_ok(scsec_evidence_fingerprint(fp2, ev));
	ck_assert_str_ne(fp2, fp);
	scsec_free(before);
	scsec_evidence_free(other);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Issue 11 section 4: what a result says about its items, as handles and
 * at every level; issue 13.6: the not-applicable answers it rests on. */
START_TEST(result_items_and_levels)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	const scsec_criterion *c3 = scsec_criteria_criterion(c, "c-3");
	scsec_result *r;
	scsec_reason why;
	scsec_date day;
	size_t i;

	put(ev, "c-3", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2025-04-01", NULL,
	    "No such assets in scope.");
	put(ev, "c-2", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2025-04-01", "2025-09-30", NULL);
	put(ev, "c-4", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2025-04-01", "2025-09-30", NULL);
	r = eval_at(c, ev, "2025-06-01", 0);
	ck_assert_int_eq(scsec_result_level(r), 1);
	/* Levels and categories as handles. */
	for (i = 0; i < scsec_result_level_count(r); i++)
		ck_assert_ptr_eq(scsec_result_level_at(r, i), scsec_criteria_level_at(c, i));
	ck_assert_ptr_null(scsec_result_level_at(r, 2));
	for (i = 0; i < scsec_result_category_count(r); i++)
		ck_assert_str_eq(scsec_category_id(scsec_result_category_at(r, i)),
		                 scsec_result_category_id_at(r, i));
	ck_assert_ptr_null(scsec_result_category_at(r, scsec_result_category_count(r)));
	ck_assert_str_eq(scsec_category_id(scsec_criterion_top_category(c3)), "govern");
	ck_assert_ptr_null(scsec_criterion_top_category(NULL));
	/* Reasons at every level, not only the gap level's. */
	ck_ok(scsec_result_reason_get(&why, r, 0, "c-1"));
	ck_reason(why, SCSEC_REASON_NONE);
	ck_ok(scsec_result_reason_get(&why, r, 1, "c-1"));
	ck_reason(why, SCSEC_REASON_METHOD);
	ck_ok(scsec_result_reason_get(&why, r, 0, "pledge"));
	ck_reason(why, SCSEC_REASON_NONE);
	ck_assert_int_eq(scsec_result_reason_get(&why, r, 0, "c-10"), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_result_reason_get(&why, r, 0, "nope"), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_result_reason_get(&why, r, 0, "govern"), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_result_reason_get(&why, r, 2, "c-1"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_result_reason_get(NULL, r, 0, "c-1"), SCSEC_EINVAL);
	/* Last valid days at each level, and what valid_until rests on. */
	ck_ok(scsec_result_last_valid_day_get(&day, r, 0, "c-1"));
	check_date(day, "2026-03-31");
	ck_ok(scsec_result_last_valid_day_get(&day, r, 1, "c-1"));
	check_date(day, "2027-03-31");
	ck_ok(scsec_result_last_valid_day_get(&day, r, 0, "c-2"));
	check_date(day, "2025-09-30");
	ck_assert_int_eq(scsec_result_last_valid_day_get(&day, r, 0, "c-20"), SCSEC_ENOTFOUND);
	ck_assert_int_eq(day, SCSEC_DATE_NONE);
	check_date(scsec_result_valid_until(r), "2025-09-30");
	ck_assert_uint_eq(scsec_result_rests_on_count(r), 2);
	ck_assert_str_eq(scsec_result_rests_on_at(r, 0), "c-2");
	ck_assert_str_eq(scsec_result_rests_on_at(r, 1), "c-4");
	ck_assert_ptr_null(scsec_result_rests_on_at(r, 2));
	/* Not-applicable answers among the satisfied: one at level 1. */
	ck_assert_uint_eq(scsec_figures_not_applicable(scsec_result_level_figures_at(r, 0)), 1);
	ck_assert_uint_eq(scsec_figures_not_applicable(scsec_result_level_figures_at(r, 1)), 0);
	scsec_result_free(r);
	/* Gaps as handles: a criterion, and a prerequisite; the N/A counted in
	 * its category at the gap level. */
	ck_ok(scsec_evidence_remove(ev, "pledge"));
	put(ev, "c-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", NULL, NULL);
	r = eval_at(c, ev, "2025-06-01", 1);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_uint_eq(scsec_result_rests_on_count(r), 0);
	ck_assert_uint_eq(scsec_result_gap_count(r), 2);
	ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r, 0)), "c-1");
	ck_assert_ptr_eq(scsec_gap_criterion(scsec_result_gap_at(r, 0)), scsec_criteria_criterion(c, "c-1"));
	ck_assert_ptr_null(scsec_gap_prerequisite(scsec_result_gap_at(r, 0)));
	ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r, 1)), "pledge");
	ck_assert_ptr_eq(scsec_gap_prerequisite(scsec_result_gap_at(r, 1)),
	                 scsec_criteria_prerequisite(c, "pledge"));
	ck_assert_ptr_null(scsec_gap_criterion(scsec_result_gap_at(r, 1)));
	ck_assert_ptr_null(scsec_gap_criterion(NULL));
	for (i = 0; i < scsec_result_category_count(r); i++) {
		const scsec_figures *f = scsec_result_category_figures_at(r, i);

		ck_assert_uint_eq(scsec_figures_not_applicable(f),
		                  !strcmp(scsec_result_category_id_at(r, i), "govern"));
	}
	ck_assert_uint_eq(scsec_figures_not_applicable(scsec_result_function_figures(r, SCSEC_FUNCTION_ID)),
	                  1);
	ck_assert_uint_eq(scsec_figures_not_applicable(NULL), 0);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Threads share one evaluator: each runs it as of its dates and asks for
 * the fingerprint (computed by whichever thread comes first). */
typedef struct evaluator_job {
	const scsec_evaluator *x;
	pthread_barrier_t *start;
	char *const *expected;
	const char *fp;
	int index;
	int failures;
} evaluator_job;

static const char *const evaluator_dates[] = { "2026-06-01", "2027-04-30", "2027-12-31",
	                                       "2028-01-01" };

static void *run_shared_evaluator(void *arg)
{
	evaluator_job *j = arg;
	int i, n = scaled(2000);

	pthread_barrier_wait(j->start);
	for (i = 0; i < n; i++) {
		int d = (j->index + i) % 4;
		scsec_eval_options *o = NULL;
		scsec_result *r = NULL;
		char *json = NULL;

		if (scsec_eval_options_new(&o) || scsec_eval_options_set_as_of(o, D(evaluator_dates[d])) ||
		    scsec_evaluator_run(&r, j->x, o) || !scsec_result_evidence_fingerprint(r) ||
		    strcmp(scsec_result_evidence_fingerprint(r), j->fp) ||
		    scsec_result_to_json(&json, NULL, r) || strcmp(json, j->expected[d]))
			j->failures++;
		scsec_free(json);
		scsec_result_free(r);
		scsec_eval_options_free(o);
	}
	return NULL;
}

START_TEST(threads_shared_evaluator)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_evaluator *x = NULL;
	char *expected[4], fp[SCSEC_FINGERPRINT_BUFSIZE];
	evaluator_job jobs[THREADS];
	pthread_t t[THREADS];
	pthread_barrier_t start;
	int i, round;

	meti_fill(ev, c, 4, SCSEC_METHOD_THIRD_PARTY, "2026-04-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	put(ev, "5-1-1-1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-04-01", "2027-12-31",
	    NULL);
	for (i = 0; i < 4; i++)
		expected[i] = evaluate_json(c, ev, evaluator_dates[i], 0);
	ck_ok(scsec_evidence_fingerprint(fp, ev));
	for (round = 0; round < 4; round++) {
		/* A new evaluator each round: its fingerprint is computed racing. */
		ck_ok(scsec_evaluator_new(&x, c, ev));
		ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
		for (i = 0; i < THREADS; i++) {
			jobs[i] = (evaluator_job){ x, &start, expected, fp, i, 0 };
			ck_assert_int_eq(pthread_create(&t[i], NULL, run_shared_evaluator, &jobs[i]), 0);
		}
		for (i = 0; i < THREADS; i++)
			ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		pthread_barrier_destroy(&start);
		for (i = 0; i < THREADS; i++)
			ck_assert_msg(jobs[i].failures == 0, "thread %d: %d runs differ", i,
			              jobs[i].failures);
		scsec_evaluator_free(x);
	}
	for (i = 0; i < 4; i++)
		scsec_free(expected[i]);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ---------------------------------------------------------------- suite */

/* ---------------------------------------------------------------- rule 12 */

/* Set @p id to @p status by @p method assessed on @p assessed (NULL: none),
 * planned for @p planned. */
static void put_planned(scsec_evidence *ev, const char *id, scsec_status status,
                        scsec_method method, const char *assessed, const char *planned)
{
	scsec_entry *e = NULL;

	ck_ok(scsec_entry_new(&e, id));
	ck_ok(scsec_entry_set_status(e, status));
	ck_ok(scsec_entry_set_method(e, method));
	if (assessed)
		ck_ok(scsec_entry_set_assessed_on(e, D(assessed)));
	ck_ok(scsec_entry_set_planned_on(e, D(planned)));
	ck_ok(scsec_evidence_replace(ev, e));
}

static scsec_result *project_at(const scsec_criteria *c, const scsec_evidence *ev,
                                const char *as_of)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D(as_of)));
	ck_ok(scsec_eval_options_set_project(o, 1));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	ck_assert(scsec_result_has_projection(r));
	return r;
}

/* The blockers of level @p rank as "id:kind id:kind". */
static void blockers(char *buf, size_t size, const scsec_result *r, int rank)
{
	size_t li = level_at(r, rank), k, used = 0;

	buf[0] = '\0';
	for (k = 0; k < scsec_result_projection_blocker_count(r, li); k++) {
		const char *id = NULL;
		scsec_blocker kind = 0;

		ck_ok(scsec_result_projection_blocker_get(&id, &kind, r, li, k));
		used += (size_t)snprintf(buf + used, size - used, "%s%s:%s", k ? " " : "", id,
		                         scsec_blocker_name(kind));
		ck_assert_uint_lt(used, size);
	}
}

/* Rule 12: the projected day is the latest plan of what a level still
 * needs; an item without a plan, or with a plan already past, blocks it;
 * and the projection never changes the level, the gaps or the figures. */
START_TEST(rule12_projection_plans)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r, *plain;
	char buf[512];
	size_t i;

	/* Level 2 needs a third party for all seven criteria: none planned. */
	r = project_at(c, ev, "2025-06-01");
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(scsec_result_projected_on_at(r, level_at(r, 1)), SCSEC_DATE_NONE);
	ck_assert_uint_eq(scsec_result_projection_blocker_count(r, level_at(r, 1)), 0);
	ck_assert_int_eq(scsec_result_projected_on_at(r, level_at(r, 2)), SCSEC_DATE_NONE);
	blockers(buf, sizeof buf, r, 2);
	ck_assert_str_eq(buf, "c-1:unplanned c-2:unplanned c-3:unplanned c-4:unplanned "
	                      "c-10:unplanned c-11:unplanned c-20:unplanned");
	scsec_result_free(r);
	/* Every one planned (a third-party evaluation), c-11 the latest. */
	for (i = 0; i < N_OF(tiny_all); i++)
		put_planned(ev, tiny_all[i], SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2025-04-01",
		            strcmp(tiny_all[i], "c-11") ? "2025-09-01" : "2026-02-01");
	r = project_at(c, ev, "2025-06-01");
	plain = eval_at(c, ev, "2025-06-01", 0);
	check_date(scsec_result_projected_on_at(r, level_at(r, 2)), "2026-02-01");
	ck_assert_uint_eq(scsec_result_projection_blocker_count(r, level_at(r, 2)), 0);
	/* A separate figure: the level, validity and gaps are those without it. */
	ck_assert_int_eq(scsec_result_level(r), scsec_result_level(plain));
	ck_assert_int_eq(scsec_result_valid_until(r), scsec_result_valid_until(plain));
	ck_assert_uint_eq(scsec_result_gap_count(r), scsec_result_gap_count(plain));
	ck_assert_uint_eq(scsec_result_gap_count(r), 7);
	ck_assert(!scsec_result_has_projection(plain));
	ck_assert_int_eq(scsec_result_projected_on_at(plain, 1), SCSEC_DATE_NONE);
	ck_assert_uint_eq(scsec_result_projection_blocker_count(plain, 1), 0);
	ck_assert_int_eq(scsec_result_projection_blocker_get(NULL, NULL, plain, 1, 0), SCSEC_EINVAL);
	scsec_result_free(plain);
	scsec_result_free(r);
	/* A plan already past (before the evaluation date) does not hold. */
	put_planned(ev, "c-10", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_NONE, NULL, "2025-05-31");
	r = project_at(c, ev, "2025-06-01");
	blockers(buf, sizeof buf, r, 2);
	ck_assert_str_eq(buf, "c-10:overdue");
	ck_assert_int_eq(scsec_result_projected_on_at(r, level_at(r, 2)), SCSEC_DATE_NONE);
	scsec_result_free(r);
	/* Planned for the evaluation day itself: it holds. */
	r = project_at(c, ev, "2025-05-31");
	check_date(scsec_result_projected_on_at(r, level_at(r, 2)), "2026-02-01");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Rule 12, dates "as the normative rules say": what is satisfied now must
 * still be valid on the projected day, and so must what is planned (its
 * planned day + the level's validity - 1 day). */
START_TEST(rule12_projection_lapses)
{
	scsec_criteria *c = load_set("tiny");
	scsec_evidence *ev = tiny_record(c, SCSEC_METHOD_SELF, "2025-04-01");
	scsec_result *r;
	char buf[512];

	/* Level 1 (P1Y) lost on c-1; the rest valid until 2026-03-31. */
	put_planned(ev, "c-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2025-04-01", "2026-03-31");
	r = project_at(c, ev, "2025-06-01");
	ck_assert_int_eq(scsec_result_level(r), 0);
	check_date(scsec_result_projected_on_at(r, level_at(r, 1)), "2026-03-31");
	scsec_result_free(r);
	put_planned(ev, "c-1", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2025-04-01", "2026-04-01");
	r = project_at(c, ev, "2025-06-01");
	ck_assert_int_eq(scsec_result_projected_on_at(r, level_at(r, 1)), SCSEC_DATE_NONE);
	blockers(buf, sizeof buf, r, 1);
	ck_assert_str_eq(buf, "c-2:lapses c-3:lapses c-4:lapses pledge:lapses");
	scsec_result_free(r);
	/* Level 2 (P2Y): c-1 done on 2025-07-01 holds until 2027-06-30, not
	 * until c-2's plan of 2027-07-01. */
	ev = (scsec_evidence_free(ev), tiny_record(c, SCSEC_METHOD_THIRD_PARTY, "2025-04-01"));
	put_planned(ev, "c-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_NONE, NULL, "2025-07-01");
	put_planned(ev, "c-2", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_NONE, NULL, "2027-07-01");
	r = project_at(c, ev, "2025-06-01");
	blockers(buf, sizeof buf, r, 2);
	/* The others, assessed 2025-04-01, end 2027-03-31: they lapse too. */
	ck_assert_str_eq(buf, "c-1:lapses c-3:lapses c-4:lapses c-10:lapses c-11:lapses c-20:lapses");
	scsec_result_free(r);
	put_planned(ev, "c-2", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_NONE, NULL, "2027-03-31");
	r = project_at(c, ev, "2025-06-01");
	check_date(scsec_result_projected_on_at(r, level_at(r, 2)), "2027-03-31");
	ck_assert_uint_eq(scsec_result_projection_blocker_count(r, level_at(r, 2)), 0);
	check_xml_valid(r);
	{
		char *json = to_json(r), *xml = to_xml(r);

		ck_assert(test_json_ok(json, strlen(json)));
		/* Level 1 (P1Y) lapses under the same plans: c-1 done on
		 * 2025-07-01 ends 2026-06-30, the others on 2026-03-31. */
		ck_assert_ptr_nonnull(strstr(json, "\n  \"projection\": [\n    {\"rank\": 1, \"label\": "
		                                   "\"Basic\", \"on\": null, \"blockers\": [{\"id\": "
		                                   "\"c-1\", \"kind\": \"lapses\"}, {\"id\": \"c-3\", "
		                                   "\"kind\": \"lapses\"}, {\"id\": \"c-4\", \"kind\": "
		                                   "\"lapses\"}, {\"id\": \"pledge\", \"kind\": "
		                                   "\"lapses\"}]},\n    {\"rank\": 2, \"label\": "
		                                   "\"Advanced\", \"on\": \"2027-03-31\", \"blockers\": "
		                                   "[]}\n  ]"));
		ck_assert_ptr_nonnull(strstr(xml, "<projection>\n    <level rank=\"1\" label=\"Basic\">\n"
		                                  "      <blocker id=\"c-1\" kind=\"lapses\"/>\n"));
		ck_assert_ptr_nonnull(strstr(xml, "<level rank=\"2\" label=\"Advanced\" "
		                                  "on=\"2027-03-31\"/>\n  </projection>\n</result>\n"));
		scsec_free(json);
		scsec_free(xml);
	}
	scsec_result_free(r);
	/* The options and names refuse what they must. */
	ck_assert_int_eq(scsec_eval_options_set_project(NULL, 1), SCSEC_EINVAL);
	ck_assert_ptr_null(scsec_blocker_name((scsec_blocker)0));
	ck_assert_str_eq(scsec_blocker_name(SCSEC_BLOCKER_LAPSES), "lapses");
	ck_assert_int_eq(scsec_result_has_projection(NULL), 0);
	ck_assert_int_eq(scsec_result_projection_blocker_get(NULL, NULL, NULL, 0, 0), SCSEC_EINVAL);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* Rule 12 on the METI set: a ★3 holder planning its third-party
 * evaluation; the pledge plays no part in ★4. */
START_TEST(rule12_projection_meti)
{
	scsec_criteria *c = load_meti();
	scsec_evidence *ev = new_record(c);
	scsec_result *r;
	size_t i, n4 = 0;

	meti_fill(ev, c, 3, SCSEC_METHOD_EXPERT_REVIEWED, "2026-04-01");
	put_met(ev, "management-pledge", SCSEC_METHOD_SELF, "2026-04-01");
	r = project_at(c, ev, "2026-06-01");
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_uint_eq(scsec_result_projection_blocker_count(r, level_at(r, 4)), 153);
	scsec_result_free(r);
	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);

		if (!scsec_criterion_applies_at(cr, 4))
			continue;
		put_planned(ev, scsec_criterion_id(cr), SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED,
		            "2026-04-01", n4++ == 100 ? "2027-01-31" : "2026-12-01");
	}
	r = project_at(c, ev, "2026-06-01");
	ck_assert_int_eq(scsec_result_level(r), 3);
	check_date(scsec_result_projected_on_at(r, level_at(r, 4)), "2027-01-31");
	/* ★3 is met: nothing to project there. */
	ck_assert_int_eq(scsec_result_projected_on_at(r, level_at(r, 3)), SCSEC_DATE_NONE);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

static Suite *eval_suite(void)
{
	Suite *s = suite_create("eval");
	TCase *tc;

	tc = tcase_create("rule1");
	tcase_add_test(tc, rule1_met_satisfies);
	tcase_add_test(tc, rule1_na_allowed_and_justified_satisfies);
	tcase_add_test(tc, rule1_na_without_justification_rejected);
	tcase_add_test(tc, rule1_na_where_not_allowed_rejected);
	tcase_add_test(tc, rule1_method_equal_satisfies);
	tcase_add_test(tc, rule1_method_weaker_fails);
	tcase_add_test(tc, rule1_method_stronger_satisfies);
	tcase_add_test(tc, rule1_assessed_after_date_not_yet_valid);
	tcase_add_test(tc, rule1_valid_from_assessment_day);
	tcase_add_test(tc, rule1_valid_through_last_day);
	tcase_add_test(tc, rule1_expired_day_after_last_day);
	tcase_add_test(tc, rule1_expires_on_earlier_than_validity);
	tcase_add_test(tc, rule1_expires_on_later_than_validity);
	tcase_add_test(tc, rule1_leap_day_one_year);
	tcase_add_test(tc, rule1_validity_years_months_days);
	tcase_add_test(tc, rule1_without_assessed_on_never_valid);
	tcase_add_test(tc, rule1_last_valid_day_capped_at_9999);
	tcase_add_test(tc, rule1_entry_without_status_missing);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule2");
	tcase_add_test(tc, rule2_prerequisite_met_satisfies);
	tcase_add_test(tc, rule2_prerequisite_not_met_fails);
	tcase_add_test(tc, rule2_prerequisite_expired);
	tcase_add_test(tc, rule2_prerequisite_not_yet_valid);
	tcase_add_test(tc, rule2_prerequisite_assessor_role);
	tcase_add_test(tc, rule2_meti_pledge_role);
	tcase_add_test(tc, rule2_prerequisite_na_rejected);
	tcase_add_test(tc, rule2_prerequisite_method_ignored);
	tcase_add_test(tc, rule2_prerequisite_validity_of_each_level);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule3");
	tcase_add_test(tc, rule3_level_needs_every_item);
	tcase_add_test(tc, rule3_requires_lower);
	tcase_add_test(tc, rule3_non_cumulative_levels);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule4");
	tcase_add_test(tc, rule4_meti_four_without_pledge);
	tcase_add_test(tc, rule4_meti_three);
	tcase_add_test(tc, rule4_nothing_met_is_level_zero);
	tcase_add_test(tc, rule4_highest_met_level);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule5");
	tcase_add_test(tc, rule5_reason_missing);
	tcase_add_test(tc, rule5_reason_not_met);
	tcase_add_test(tc, rule5_reason_partial);
	tcase_add_test(tc, rule5_reason_na_rejected);
	tcase_add_test(tc, rule5_reason_method);
	tcase_add_test(tc, rule5_reason_not_yet_valid);
	tcase_add_test(tc, rule5_reason_expired);
	tcase_add_test(tc, rule5_partial_precedes_method_and_expired);
	tcase_add_test(tc, rule5_na_rejected_precedes_method);
	tcase_add_test(tc, rule5_method_precedes_expired);
	tcase_add_test(tc, rule5_not_yet_valid_precedes_expired);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule6");
	tcase_add_test(tc, rule6_valid_until_earliest_last_valid_day);
	tcase_add_test(tc, rule6_valid_until_follows_chain);
	tcase_add_test(tc, rule6_reevaluate_at_and_after_valid_until);
	tcase_add_test(tc, rule6_no_level_no_valid_until);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule7");
	tcase_add_test(tc, rule7_gap_level_default_is_next_level);
	tcase_add_test(tc, rule7_gap_level_target_lower);
	tcase_add_test(tc, rule7_gap_level_target_higher);
	tcase_add_test(tc, rule7_top_level_achieved_no_gaps);
	tcase_add_test(tc, rule7_gaps_ordered_by_id_digit_runs);
	tcase_add_test(tc, rule7_prerequisites_in_gaps);
	tcase_add_test(tc, rule7_gaps_include_chain_levels);
	tcase_add_test(tc, rule7_chain_items_judged_at_own_level);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule8");
	tcase_add_test(tc, rule8_level_figures);
	tcase_add_test(tc, rule8_function_figures);
	tcase_add_test(tc, rule8_category_figures);
	tcase_add_test(tc, rule8_figures_add_up);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule9");
	tcase_add_test(tc, rule9_any_yes_requires_four);
	tcase_add_test(tc, rule9_all_no_requires_three);
	tcase_add_test(tc, rule9_unknown_question_enotfound);
	tcase_add_test(tc, rule9_unanswered_question_einval);
	tcase_add_test(tc, rule9_required_named_outright);
	tcase_add_test(tc, rule9_meets_required);
	tcase_add_test(tc, rule9_required_level_function);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule10");
	tcase_add_test(tc, rule10_provenance);
	tcase_add_test(tc, rule10_same_inputs_identical_json_and_xml);
	tcase_add_test(tc, rule10_json_documented_keys);
	tcase_add_test(tc, rule10_json_nulls_when_nothing_achieved);
	tcase_add_test(tc, rule10_xml_validates);
	suite_add_tcase(s, tc);

	tc = tcase_create("scores");
	tcase_add_test(tc, score_points_all_met_full_marks);
	tcase_add_test(tc, score_points_bands_at_boundaries);
	tcase_add_test(tc, score_points_missing_is_minus_one);
	tcase_add_test(tc, score_points_partial);
	tcase_add_test(tc, score_points_na_without_na_points);
	tcase_add_test(tc, score_points_na_with_na_points);
	tcase_add_test(tc, score_points_stale_answers_score_missing);
	tcase_add_test(tc, score_deductions_all_met_final);
	tcase_add_test(tc, score_deductions_weights);
	tcase_add_test(tc, score_deductions_floor);
	tcase_add_test(tc, score_deductions_conditional);
	tcase_add_test(tc, score_deductions_below_min_not_met);
	tcase_add_test(tc, score_deductions_non_poam_open_not_met);
	tcase_add_test(tc, score_deductions_scored_level_and_options);
	tcase_add_test(tc, score_none_for_all_required);
	tcase_add_test(tc, score_reason_and_conditional_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, errors_null_arguments);
	tcase_add_test(tc, errors_evidence_for_other_set);
	tcase_add_test(tc, errors_record_without_set_and_unknown_ids);
	tcase_add_test(tc, errors_unknown_target);
	tcase_add_test(tc, errors_option_setter_ranges);
	tcase_add_test(tc, errors_as_of_default_today);
	tcase_add_test(tc, errors_result_outlives_set_and_record);
	tcase_add_test(tc, errors_changed_record_reevaluated);
	suite_add_tcase(s, tc);

	tc = tcase_create("evaluator");
	tcase_add_test(tc, evaluator_runs_like_evaluate);
	tcase_add_test(tc, evaluator_keeps_the_record_as_it_was);
	tcase_add_test(tc, evaluator_errors);
	tcase_add_test(tc, entry_edit_after_add_refused);
	tcase_add_test(tc, result_items_and_levels);
	suite_add_tcase(s, tc);

	tc = tcase_create("binding");
	tcase_add_test(tc, binding_two_instances_alternately);
	tcase_add_test(tc, binding_more_sets_than_cached);
	suite_add_tcase(s, tc);

	tc = tcase_create("rule12");
	tcase_add_test(tc, rule12_projection_plans);
	tcase_add_test(tc, rule12_projection_lapses);
	tcase_add_test(tc, rule12_projection_meti);
	suite_add_tcase(s, tc);

	tc = tcase_create("properties");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, prop_improving_an_entry_never_lowers_the_level);
	tcase_add_test(tc, prop_same_record_same_json);
	tcase_add_test(tc, prop_figures_add_up);
	tcase_add_test(tc, prop_achieved_level_fully_satisfied);
	tcase_add_test(tc, prop_valid_until_not_before_as_of);
	tcase_add_test(tc, prop_matches_reference_model);
	tcase_add_test(tc, prop_chain_gaps_cover_every_unsatisfied_item);
	suite_add_tcase(s, tc);

	tc = tcase_create("threads");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, threads_private_records_shared_set);
	tcase_add_test(tc, threads_shared_record);
	tcase_add_test(tc, threads_shared_evaluator);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(eval_suite());
}
