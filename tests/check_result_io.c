/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Results read back (scsec_result_load_file/memory): every form round-trips
 * to an equal result, compared through the public API field by field;
 * malformed and hostile documents are refused at a line and column or a
 * JSON pointer. */
#include "config.h"

#include "testutil.h"

#include <scsec/result_signature.h>
#include <scsec/trust.h>

static scsec_date D(const char *s)
{
	scsec_date d = SCSEC_DATE_NONE;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static scsec_criteria *meti(void)
{
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_builtin(&c, "meti-sc-2026-03"));
	return c;
}

static scsec_criteria *load_set(const char *rel)
{
	char path[4096];
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_load_file(&c, test_srcpath(path, sizeof path, rel), NULL, NULL));
	return c;
}

static scsec_evidence *example(const char *name)
{
	char path[4096], rel[256];
	scsec_evidence *ev = NULL;

	snprintf(rel, sizeof rel, "data/examples/%s", name);
	ck_ok(scsec_evidence_load_file(&ev, test_srcpath(path, sizeof path, rel), NULL, NULL));
	return ev;
}

static scsec_result *evaluate(const scsec_criteria *c, const scsec_evidence *ev, const char *as_of,
                              int target, int required, const scsec_trust *trust)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D(as_of)));
	if (target)
		ck_ok(scsec_eval_options_set_target(o, target));
	if (required)
		ck_ok(scsec_eval_options_set_required(o, required));
	if (trust)
		ck_ok(scsec_eval_options_set_trust(o, trust));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	return r;
}

static int streq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void same_figures(const scsec_figures *a, const scsec_figures *b, const char *what)
{
	int w;

	ck_assert_msg(!a == !b, "%s: figures present in one result only", what);
	if (!a)
		return;
	ck_assert_msg(scsec_figures_applicable(a) == scsec_figures_applicable(b), "%s", what);
	ck_assert_msg(scsec_figures_satisfied(a) == scsec_figures_satisfied(b), "%s", what);
	ck_assert_msg(scsec_figures_not_applicable(a) == scsec_figures_not_applicable(b), "%s", what);
	for (w = 1; w < SCSEC_REASON_COUNT_1_1; w++)
		ck_assert_msg(scsec_figures_reason_count(a, (scsec_reason)w) ==
		                      scsec_figures_reason_count(b, (scsec_reason)w),
		              "%s: %s", what, scsec_reason_name((scsec_reason)w));
}

/* Everything the result API gives, compared. */
static void same_result(const scsec_result *a, const scsec_result *b)
{
	const scsec_criteria *c = scsec_result_criteria(a);
	size_t i, k;
	int f;

	ck_assert_ptr_eq(scsec_result_criteria(a), scsec_result_criteria(b));
	ck_assert_int_eq(scsec_result_level(a), scsec_result_level(b));
	ck_assert(streq(scsec_result_level_label(a), scsec_result_level_label(b)));
	ck_assert_int_eq(scsec_result_valid_until(a), scsec_result_valid_until(b));
	ck_assert_int_eq(scsec_result_as_of(a), scsec_result_as_of(b));
	ck_assert_uint_eq(scsec_result_level_count(a), scsec_result_level_count(b));
	for (i = 0; i < scsec_result_level_count(a); i++) {
		ck_assert_int_eq(scsec_result_level_rank_at(a, i), scsec_result_level_rank_at(b, i));
		ck_assert_int_eq(scsec_result_level_met_at(a, i), scsec_result_level_met_at(b, i));
		ck_assert_ptr_eq(scsec_result_level_at(a, i), scsec_result_level_at(b, i));
		same_figures(scsec_result_level_figures_at(a, i), scsec_result_level_figures_at(b, i),
		             "level");
		/* Every item's reason and last valid day at every level. */
		for (k = 0; k < scsec_criteria_criterion_count(c) + scsec_criteria_prerequisite_count(c); k++) {
			const char *id = k < scsec_criteria_criterion_count(c)
			                         ? scsec_criterion_id(scsec_criteria_criterion_at(c, k))
			                         : scsec_prerequisite_id(scsec_criteria_prerequisite_at(
			                                   c, k - scsec_criteria_criterion_count(c)));
			scsec_reason ra = SCSEC_REASON_NONE, rb = SCSEC_REASON_NONE;
			scsec_date da = 0, db = 0;
			int rca = scsec_result_reason_get(&ra, a, i, id);
			int rcb = scsec_result_reason_get(&rb, b, i, id);

			ck_assert_msg(rca == rcb, "%s at level %zu: %d vs %d", id, i, rca, rcb);
			ck_assert_msg(ra == rb, "%s at level %zu: reason %d vs %d", id, i, ra, rb);
			rca = scsec_result_last_valid_day_get(&da, a, i, id);
			rcb = scsec_result_last_valid_day_get(&db, b, i, id);
			ck_assert_msg(rca == rcb && da == db, "%s at level %zu: last valid day", id, i);
		}
	}
	ck_assert_int_eq(scsec_result_gap_level(a), scsec_result_gap_level(b));
	ck_assert_uint_eq(scsec_result_gap_count(a), scsec_result_gap_count(b));
	for (i = 0; i < scsec_result_gap_count(a); i++) {
		const scsec_gap *ga = scsec_result_gap_at(a, i), *gb = scsec_result_gap_at(b, i);

		ck_assert_str_eq(scsec_gap_id(ga), scsec_gap_id(gb));
		ck_assert_int_eq(scsec_gap_reason(ga), scsec_gap_reason(gb));
		ck_assert_int_eq(scsec_gap_is_prerequisite(ga), scsec_gap_is_prerequisite(gb));
		ck_assert_ptr_eq(scsec_gap_criterion(ga), scsec_gap_criterion(gb));
		ck_assert_ptr_eq(scsec_gap_prerequisite(ga), scsec_gap_prerequisite(gb));
		ck_assert(scsec_gap_criterion(gb) || scsec_gap_prerequisite(gb));
	}
	ck_assert_uint_eq(scsec_result_rests_on_count(a), scsec_result_rests_on_count(b));
	for (i = 0; i < scsec_result_rests_on_count(a); i++)
		ck_assert_str_eq(scsec_result_rests_on_at(a, i), scsec_result_rests_on_at(b, i));
	ck_assert_uint_eq(scsec_result_unstated_role_count(a), scsec_result_unstated_role_count(b));
	for (i = 0; i < scsec_result_unstated_role_count(a); i++)
		ck_assert_ptr_eq(scsec_result_unstated_role_at(a, i), scsec_result_unstated_role_at(b, i));
	for (f = 0; f < SCSEC_FUNCTION_COUNT; f++)
		same_figures(scsec_result_function_figures(a, (scsec_function)f),
		             scsec_result_function_figures(b, (scsec_function)f), "function");
	ck_assert_uint_eq(scsec_result_category_count(a), scsec_result_category_count(b));
	for (i = 0; i < scsec_result_category_count(a); i++) {
		ck_assert_str_eq(scsec_result_category_id_at(a, i), scsec_result_category_id_at(b, i));
		ck_assert_ptr_eq(scsec_result_category_at(a, i), scsec_result_category_at(b, i));
		same_figures(scsec_result_category_figures_at(a, i),
		             scsec_result_category_figures_at(b, i), "category");
	}
	ck_assert_int_eq(scsec_result_has_score(a), scsec_result_has_score(b));
	ck_assert_int_eq(scsec_result_score(a), scsec_result_score(b));
	ck_assert_int_eq(scsec_result_score_max(a), scsec_result_score_max(b));
	ck_assert(streq(scsec_result_band(a), scsec_result_band(b)));
	ck_assert_int_eq(scsec_result_conditional(a), scsec_result_conditional(b));
	ck_assert_int_eq(scsec_result_required_level(a), scsec_result_required_level(b));
	ck_assert_int_eq(scsec_result_meets_required(a), scsec_result_meets_required(b));
	ck_assert_str_eq(scsec_result_engine(a), scsec_result_engine(b));
	ck_assert_str_eq(scsec_result_criteria_id(a), scsec_result_criteria_id(b));
	ck_assert_str_eq(scsec_result_criteria_version(a), scsec_result_criteria_version(b));
	ck_assert_str_eq(scsec_result_criteria_fingerprint(a), scsec_result_criteria_fingerprint(b));
	ck_assert_str_eq(scsec_result_evidence_fingerprint(a), scsec_result_evidence_fingerprint(b));
	ck_assert(streq(scsec_result_subject_name(a), scsec_result_subject_name(b)));
	ck_assert_int_eq(scsec_result_trust_applied(a), scsec_result_trust_applied(b));
	ck_assert_int_eq(scsec_result_trusted_method(a), scsec_result_trusted_method(b));
	ck_assert(streq(scsec_result_trust_operator(a), scsec_result_trust_operator(b)));
	ck_assert(streq(scsec_result_trust_version(a), scsec_result_trust_version(b)));
	ck_assert_uint_eq(scsec_result_signer_count(a), scsec_result_signer_count(b));
	for (i = 0; i < scsec_result_signer_count(a); i++) {
		const scsec_signer *sa = scsec_result_signer_at(a, i), *sb = scsec_result_signer_at(b, i);

		ck_assert_int_eq(scsec_signer_verdict(sa), scsec_signer_verdict(sb));
		ck_assert(streq(scsec_signer_subject(sa), scsec_signer_subject(sb)));
		ck_assert(streq(scsec_signer_fingerprint(sa), scsec_signer_fingerprint(sb)));
		ck_assert(scsec_signer_signing_time(sa) == scsec_signer_signing_time(sb));
		ck_assert(streq(scsec_signer_party(sa), scsec_signer_party(sb)));
		ck_assert(streq(scsec_signer_role(sa), scsec_signer_role(sb)));
		ck_assert(streq(scsec_signer_problem(sa), scsec_signer_problem(sb)));
	}
}

/* Rule 12's projection, level by level. */
static void same_projection(const scsec_result *a, const scsec_result *b)
{
	size_t i, k;

	ck_assert_int_eq(scsec_result_has_projection(a), scsec_result_has_projection(b));
	for (i = 0; i < scsec_result_level_count(a); i++) {
		ck_assert_int_eq(scsec_result_projected_on_at(a, i), scsec_result_projected_on_at(b, i));
		ck_assert_uint_eq(scsec_result_projection_blocker_count(a, i),
		                  scsec_result_projection_blocker_count(b, i));
		for (k = 0; k < scsec_result_projection_blocker_count(a, i); k++) {
			const char *ia, *ib;
			scsec_blocker ka, kb;

			ck_ok(scsec_result_projection_blocker_get(&ia, &ka, a, i, k));
			ck_ok(scsec_result_projection_blocker_get(&ib, &kb, b, i, k));
			ck_assert_str_eq(ia, ib);
			ck_assert_int_eq(ka, kb);
		}
	}
}

static scsec_result *load_text(const char *text, size_t len, const char *name,
                               const scsec_criteria *c)
{
	scsec_result *r = NULL;
	scsec_diagnostics *d = NULL;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	rc = scsec_result_load_memory(&r, text, len, name, c, NULL, d);
	ck_assert_msg(rc == 0, "%s: %d: %s", name, rc, scsec_error_message(scsec_error_last()));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	scsec_diagnostics_free(d);
	return r;
}

/* Both forms read back give an equal result, which writes the same bytes
 * in both forms again; the XML read back validates. */
static void round_trip(const scsec_result *r)
{
	const scsec_criteria *c = scsec_result_criteria(r);
	char *xml, *json, *xml2, *json2, *xml3, *json3;
	scsec_result *rx, *rj;
	size_t lx, lj;
	scsec_document_kind kind;

	ck_ok(scsec_result_to_xml(&xml, &lx, r));
	ck_ok(scsec_result_to_json(&json, &lj, r));
	rx = load_text(xml, lx, "result.xml", c);
	rj = load_text(json, lj, "result.json", c);
	same_result(r, rx);
	same_result(r, rj);
	same_projection(r, rx);
	same_projection(r, rj);
	ck_ok(scsec_result_to_xml(&xml2, NULL, rx));
	ck_ok(scsec_result_to_json(&json2, NULL, rx));
	ck_ok(scsec_result_to_xml(&xml3, NULL, rj));
	ck_ok(scsec_result_to_json(&json3, NULL, rj));
	ck_assert_str_eq(xml2, xml);
	ck_assert_str_eq(xml3, xml);
	ck_assert_str_eq(json2, json);
	ck_assert_str_eq(json3, json);
	ck_ok(scsec_document_validate_memory(&kind, xml2, strlen(xml2), "back.xml", NULL, NULL));
	ck_assert_int_eq(kind, SCSEC_DOCUMENT_RESULT);
	scsec_free(xml);
	scsec_free(json);
	scsec_free(xml2);
	scsec_free(json2);
	scsec_free(xml3);
	scsec_free(json3);
	scsec_result_free(rx);
	scsec_result_free(rj);
}

START_TEST(round_trip_meti_examples)
{
	scsec_criteria *c = meti();
	scsec_evidence *k = example("kitakaze-precision.xml"), *m = example("minato-logistics.xml");
	scsec_evidence *h = example("hoshizora-foods.xml");
	scsec_result *r;

	/* ★4, with expiry. */
	r = evaluate(c, k, "2026-06-01", 0, 0, NULL);
	ck_assert_int_eq(scsec_result_level(r), 4);
	ck_assert_int_ne(scsec_result_valid_until(r), SCSEC_DATE_NONE);
	ck_assert_uint_gt(scsec_result_rests_on_count(r), 0);
	round_trip(r);
	scsec_result_free(r);
	/* ★3 with gaps to ★4 and a required level it misses. */
	r = evaluate(c, m, "2026-06-01", 0, 4, NULL);
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_uint_gt(scsec_result_gap_count(r), 0);
	ck_assert_int_eq(scsec_result_meets_required(r), 0);
	round_trip(r);
	scsec_result_free(r);
	/* Nothing achieved, a target level. */
	r = evaluate(c, h, "2026-06-01", 4, 0, NULL);
	ck_assert_int_eq(scsec_result_level(r), 0);
	ck_assert_int_eq(scsec_result_gap_level(r), 4);
	round_trip(r);
	scsec_result_free(r);
	/* After the ★3 answers expired. */
	r = evaluate(c, m, "2028-06-01", 0, 0, NULL);
	ck_assert_int_eq(scsec_result_level(r), 0);
	round_trip(r);
	scsec_result_free(r);
	scsec_evidence_free(k);
	scsec_evidence_free(m);
	scsec_evidence_free(h);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(round_trip_trust_policy)
{
	scsec_criteria *c = meti();
	scsec_evidence *k = example("kitakaze-precision.xml");
	scsec_trust *t = NULL;
	scsec_result *r;
	scsec_reason w;

	ck_ok(scsec_trust_new(&t, "Example Operator", "7", D("2026-01-01")));
	/* No signature on the record: every expert or third-party answer is
	 * unverified, and the result names the policy. */
	r = evaluate(c, k, "2026-06-01", 0, 0, t);
	ck_assert_int_eq(scsec_result_trust_applied(r), 1);
	ck_assert_int_lt(scsec_result_level(r), 4);
	ck_ok(scsec_result_reason_get(&w, r, 1, "1-1-1-1"));
	ck_assert_int_eq(w, SCSEC_REASON_UNVERIFIED);
	round_trip(r);
	scsec_result_free(r);
	scsec_trust_free(t);
	scsec_evidence_free(k);
	scsec_criteria_free(c);
}
END_TEST

/* Results with rule 12's projection: blockers only (nothing planned), then
 * every ★4 gap planned, which gives projected days or lapsing blockers. */
START_TEST(round_trip_projection)
{
	scsec_criteria *c = meti();
	scsec_evidence *m = example("minato-logistics.xml"), *h = example("hoshizora-foods.xml");
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL, *r2 = NULL;
	size_t i, with_day = 0, blocked = 0;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	ck_ok(scsec_eval_options_set_project(o, 1));
	ck_ok(scsec_evaluate(&r, c, h, o));
	ck_assert(scsec_result_has_projection(r));
	round_trip(r);
	scsec_result_free(r);
	ck_ok(scsec_evaluate(&r, c, m, o));
	ck_assert_int_eq(scsec_result_level(r), 3);
	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);
		scsec_entry *e = NULL;

		if (scsec_gap_prerequisite(g))
			continue;
		ck_ok(scsec_entry_new(&e, scsec_gap_id(g)));
		ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_NOT_MET));
		ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_THIRD_PARTY));
		ck_ok(scsec_entry_set_planned_on(e, D(i % 2 ? "2026-09-30" : "2026-08-01")));
		ck_ok(scsec_evidence_replace(m, e));
	}
	round_trip(r);
	ck_ok(scsec_evaluate(&r2, c, m, o));
	for (i = 0; i < scsec_result_level_count(r2); i++) {
		with_day += scsec_result_projected_on_at(r2, i) != SCSEC_DATE_NONE;
		blocked += scsec_result_projection_blocker_count(r2, i) > 0;
	}
	ck_assert_uint_gt(with_day + blocked, 0);
	round_trip(r2);
	scsec_result_free(r);
	scsec_result_free(r2);
	scsec_eval_options_free(o);
	scsec_evidence_free(m);
	scsec_evidence_free(h);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(round_trip_scored_sets)
{
	static const char *const sets[] = { "tests/data/eval/points.xml",
		                            "tests/data/eval/points-na.xml",
		                            "tests/data/eval/deductions.xml",
		                            "tests/data/eval/tiny.xml", "tests/data/eval/chain.xml",
		                            "tests/data/eval/validity.xml" };
	size_t i, k;

	for (i = 0; i < sizeof sets / sizeof *sets; i++) {
		scsec_criteria *c = load_set(sets[i]);
		scsec_evidence *ev = NULL;
		scsec_entry *e = NULL;
		scsec_result *r;

		ck_ok(scsec_evidence_new(&ev, c));
		/* Every other criterion met by a third party, the rest partial. */
		for (k = 0; k < scsec_criteria_criterion_count(c); k++) {
			ck_ok(scsec_entry_new(&e, scsec_criterion_id(scsec_criteria_criterion_at(c, k))));
			ck_ok(scsec_entry_set_status(e, k % 2 ? SCSEC_STATUS_PARTIAL : SCSEC_STATUS_MET));
			ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_THIRD_PARTY));
			ck_ok(scsec_entry_set_assessed_on(e, D("2025-04-01")));
			ck_ok(scsec_evidence_add(ev, e));
		}
		r = evaluate(c, ev, "2025-06-01", 0, 0, NULL);
		round_trip(r);
		scsec_result_free(r);
		scsec_evidence_free(ev);
		scsec_criteria_free(c);
	}
}
END_TEST

/* A result computed with one set is refused with another. */
START_TEST(other_set_refused)
{
	scsec_criteria *c = meti(), *tiny = load_set("tests/data/eval/tiny.xml");
	scsec_evidence *m = example("minato-logistics.xml");
	scsec_result *r = evaluate(c, m, "2026-06-01", 0, 0, NULL), *back = r;
	char *xml, *json;

	ck_ok(scsec_result_to_xml(&xml, NULL, r));
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_int_eq(scsec_result_load_memory(&back, xml, strlen(xml), "r.xml", tiny, NULL, NULL),
	                 SCSEC_EMISMATCH);
	ck_assert_ptr_null(back);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "fingerprint"));
	ck_assert_int_eq(scsec_result_load_memory(&back, json, strlen(json), "r.json", tiny, NULL,
	                                          NULL),
	                 SCSEC_EMISMATCH);
	/* NULL arguments. */
	ck_assert_int_eq(scsec_result_load_memory(NULL, xml, strlen(xml), NULL, c, NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_result_load_memory(&back, xml, strlen(xml), NULL, NULL, NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_result_load_file(&back, NULL, c, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_result_load_file(&back, "/nonexistent/r.xml", c, NULL, NULL),
	                 SCSEC_EIO);
	ck_assert_int_eq(scsec_result_options_get(NULL, r), SCSEC_EINVAL);
	/* An evaluated result carries no document signatures. */
	ck_assert_uint_eq(scsec_result_signature_count(r), 0);
	ck_assert_int_eq(scsec_result_signature_valid(r, 0), SCSEC_EINVAL);
	ck_assert_ptr_null(scsec_result_signature_signer(r, 0));
	ck_assert_ptr_null(scsec_result_signature_fingerprint(r, 0));
	ck_assert_ptr_null(scsec_result_signature_problem(r, 0));
	ck_assert(scsec_result_signature_time(r, 0) == -1);
	{
		scsec_verdict v;
		scsec_trust *t = NULL;
		char *signed_doc = (char *)1;

		ck_ok(scsec_trust_new(&t, "Operator", "1", D("2026-01-01")));
		ck_assert_int_eq(scsec_result_signature_judge(&v, NULL, NULL, r, 0, t, SCSEC_DATE_NONE),
		                 SCSEC_EINVAL);
		ck_assert_int_eq(scsec_result_signature_judge(&v, NULL, NULL, r, 0, NULL, SCSEC_DATE_NONE),
		                 SCSEC_EINVAL);
		ck_assert_int_eq(scsec_result_sign_memory(&signed_doc, NULL, json, strlen(json), NULL,
		                                          NULL, 0),
		                 SCSEC_EINVAL);
		ck_assert_ptr_null(signed_doc);
		scsec_trust_free(t);
	}
	scsec_free(xml);
	scsec_free(json);
	scsec_result_free(r);
	scsec_evidence_free(m);
	scsec_criteria_free(tiny);
	scsec_criteria_free(c);
}
END_TEST

/* The file form, and gzip. */
START_TEST(load_file)
{
	scsec_criteria *c = meti();
	scsec_evidence *m = example("minato-logistics.xml");
	scsec_result *r = evaluate(c, m, "2026-06-01", 0, 0, NULL), *back = NULL;
	char *dir = test_tmpdir_new("result_io"), path[4096], *xml;
	size_t len;

	ck_ok(scsec_result_to_xml(&xml, &len, r));
	snprintf(path, sizeof path, "%s/result.txt", dir);
	test_write_file(path, xml, len);
	ck_ok(scsec_result_load_file(&back, path, c, NULL, NULL));
	same_result(r, back);
	scsec_result_free(back);
	scsec_free(xml);
	scsec_result_free(r);
	scsec_evidence_free(m);
	scsec_criteria_free(c);
	test_tmpdir_free(dir);
}
END_TEST

/* The options a result gives evaluate the same record to the same result. */
START_TEST(options_reproduce)
{
	scsec_criteria *c = meti();
	scsec_evidence *m = example("minato-logistics.xml");
	scsec_result *r = evaluate(c, m, "2026-06-01", 4, 4, NULL), *back, *again = NULL;
	scsec_eval_options *o = NULL;
	char *xml, *a, *b;

	ck_ok(scsec_result_to_xml(&xml, NULL, r));
	back = load_text(xml, strlen(xml), "r.xml", c);
	ck_ok(scsec_result_options_get(&o, back));
	ck_ok(scsec_evaluate(&again, c, m, o));
	ck_ok(scsec_result_to_json(&a, NULL, r));
	ck_ok(scsec_result_to_json(&b, NULL, again));
	ck_assert_str_eq(a, b);
	same_result(again, back);
	scsec_free(a);
	scsec_free(b);
	scsec_free(xml);
	scsec_eval_options_free(o);
	scsec_result_free(again);
	scsec_result_free(back);
	scsec_result_free(r);
	scsec_evidence_free(m);
	scsec_criteria_free(c);
}
END_TEST

/* A written document with `from` replaced by `to` (first occurrence). */
static char *edit(const char *doc, const char *from, const char *to)
{
	const char *at = strstr(doc, from);
	size_t n = strlen(doc) - strlen(from) + strlen(to) + 1;
	char *s;

	ck_assert_msg(at != NULL, "'%s' not in the document", from);
	s = malloc(n);
	ck_assert_ptr_nonnull(s);
	memcpy(s, doc, (size_t)(at - doc));
	strcpy(s + (at - doc), to);
	strcat(s, at + strlen(from));
	return s;
}

/* Loading fails with code; the first error's message contains `where`
 * (a JSON pointer) or, when line is not 0, the diagnostic is at that line. */
static void refused_as(const char *doc, const scsec_criteria *c, const char *name, int code,
                       unsigned long line, const char *where, int schema)
{
	scsec_diagnostics *d = NULL;
	scsec_load_options *o = NULL;
	scsec_result *r = (scsec_result *)1;
	const scsec_diagnostic *g;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION,
	                             schema ? SCSEC_SCHEMA_ALWAYS : SCSEC_SCHEMA_NEVER));
	rc = scsec_result_load_memory(&r, doc, strlen(doc), name, c, o, d);
	scsec_load_options_free(o);
	/* With libxml2's validator the schema may find it first. */
	if (schema && rc == SCSEC_ESCHEMA)
		code = rc;
	ck_assert_msg(rc == code, "%s: %d, not %d: %s", name, rc, code,
	              scsec_error_message(scsec_error_last()));
	ck_assert_ptr_null(r);
	ck_assert_uint_gt(scsec_diagnostics_count(d), 0);
	g = scsec_diagnostics_at(d, 0);
	if (line)
		ck_assert_msg(scsec_diagnostic_line(g) == line && scsec_diagnostic_column(g) > 0,
		              "%s: at %lu:%lu, not line %lu: %s", name, scsec_diagnostic_line(g),
		              scsec_diagnostic_column(g), line, scsec_diagnostic_message(g));
	if (where)
		ck_assert_msg(strstr(scsec_diagnostic_message(g), where) != NULL, "%s: '%s' lacks '%s'",
		              name, scsec_diagnostic_message(g), where);
	scsec_diagnostics_free(d);
}

/* Refused the same way with the structure rules and with the validator. */
static void refused(const char *doc, const scsec_criteria *c, const char *name, int code,
                    unsigned long line, const char *where)
{
	refused_as(doc, c, name, code, line, where, 0);
	refused_as(doc, c, name, code, line, *doc == '<' ? NULL : where, 1);
}

static unsigned long line_of(const char *doc, const char *needle)
{
	const char *at = strstr(doc, needle), *p;
	unsigned long line = 1;

	ck_assert_ptr_nonnull(at);
	for (p = doc; p < at; p++)
		line += *p == '\n';
	return line;
}

START_TEST(malformed_xml)
{
	scsec_criteria *c = meti();
	scsec_evidence *m = example("minato-logistics.xml");
	scsec_result *r = evaluate(c, m, "2026-06-01", 0, 4, NULL);
	char *xml, *bad;
	unsigned long l;

	ck_ok(scsec_result_to_xml(&xml, NULL, r));
	/* A count that does not add up. */
	l = line_of(xml, "<level rank=\"3\"");
	bad = edit(xml, "<level rank=\"3\" label=\"★3\" met=\"true\" applicable=\"82\"",
	           "<level rank=\"3\" label=\"★3\" met=\"true\" applicable=\"83\"");
	refused(bad, c, "sum.xml", SCSEC_EINVALID, l, NULL);
	free(bad);
	/* A level claimed that is not met. */
	bad = edit(xml, "level=\"3\" label=\"★3\"", "level=\"4\" label=\"★4\"");
	refused(bad, c, "level.xml", SCSEC_EINVALID, 2, NULL);
	free(bad);
	/* A gap that is no criterion of the set. */
	bad = edit(xml, "<gap id=\"", "<gap id=\"9-9-9-9\" x=\"");
	refused(bad, c, "attr.xml", SCSEC_ESCHEMA, line_of(xml, "<gap id=\""), NULL);
	free(bad);
	bad = edit(xml, "<gap id=\"1-1-1-1\"", "<gap id=\"9-9-9-9\"");
	refused(bad, c, "gap.xml", SCSEC_EINVALID, line_of(xml, "<gap id=\"1-1-1-1\""), "9-9-9-9");
	free(bad);
	/* Not a number, not a date, not a reason. */
	bad = edit(xml, "applicable=\"82\"", "applicable=\"many\"");
	refused(bad, c, "num.xml", SCSEC_ESCHEMA, line_of(xml, "applicable=\"82\""), NULL);
	free(bad);
	bad = edit(xml, "as-of=\"2026-06-01\"", "as-of=\"2026-02-30\"");
	refused(bad, c, "date.xml", SCSEC_EDATE, 2, NULL);
	free(bad);
	bad = edit(xml, "reason=\"satisfied\"", "reason=\"fine\"");
	refused(bad, c, "reason.xml", SCSEC_EINVALID, line_of(xml, "reason=\"satisfied\""), NULL);
	free(bad);
	/* meets_required must follow. */
	bad = edit(xml, "<required level=\"4\" met=\"false\"/>", "<required level=\"4\" met=\"true\"/>");
	refused(bad, c, "met.xml", SCSEC_EINVALID, 0, NULL);
	free(bad);
	/* An element the format does not have, a wrong root, a DOCTYPE,
	 * truncation. */
	bad = edit(xml, "<gaps ", "<extra/><gaps ");
	refused(bad, c, "extra.xml", SCSEC_ESCHEMA, line_of(xml, "<gaps "), NULL);
	free(bad);
	refused("<?xml version=\"1.0\"?><evidence xmlns=\"urn:scsec:evidence:1\"/>", c, "root.xml",
	        SCSEC_EVERSION, 0, NULL);
	bad = edit(xml, "<result ", "<!DOCTYPE result [<!ENTITY a \"b\">]><result ");
	refused(bad, c, "doctype.xml", SCSEC_EUNSAFE, 0, NULL);
	free(bad);
	xml[strlen(xml) / 2] = '\0';
	refused(xml, c, "truncated.xml", SCSEC_EPARSE, 0, NULL);
	refused("", c, "empty", SCSEC_EPARSE, 0, NULL);
	scsec_free(xml);
	scsec_result_free(r);
	scsec_evidence_free(m);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(malformed_json)
{
	scsec_criteria *c = meti();
	scsec_evidence *m = example("minato-logistics.xml");
	scsec_result *r = evaluate(c, m, "2026-06-01", 0, 0, NULL);
	char *json, *bad, *deep;
	size_t i;

	ck_ok(scsec_result_to_json(&json, NULL, r));
	bad = edit(json, "\"applicable\": 82", "\"applicable\": \"82\"");
	refused(bad, c, "type.json", SCSEC_ESCHEMA, 0, "/levels/0/applicable");
	free(bad);
	bad = edit(json, "\"applicable\": 82", "\"applicable\": 83");
	refused(bad, c, "sum.json", SCSEC_EINVALID, 0, "/levels/0");
	free(bad);
	bad = edit(json, "\"reason\": \"satisfied\"", "\"reason\": \"great\"");
	refused(bad, c, "reason.json", SCSEC_EINVALID, 0, "/level_items/0/items/0");
	free(bad);
	bad = edit(json, "\"format\": \"scsec-result-1\"", "\"format\": \"scsec-evidence-1\"");
	refused(bad, c, "format.json", SCSEC_EVERSION, 0, NULL);
	free(bad);
	bad = edit(json, "\"level\": 3,", "\"level\": 3, \"level\": 3,");
	refused(bad, c, "dup.json", SCSEC_EPARSE, 0, NULL);
	free(bad);
	bad = edit(json, "\"engine\":", "\"surprise\": 1, \"engine\":");
	refused(bad, c, "member.json", SCSEC_ESCHEMA, 0, "surprise");
	free(bad);
	bad = edit(json, "\"rests_on\": [\"", "\"rests_on\": [\"nope\", \"");
	refused(bad, c, "rests.json", SCSEC_EINVALID, 0, "/rests_on/0");
	free(bad);
	bad = edit(json, "\"unstated_roles\": []", "\"unstated_roles\": [\"1-1-1-1\"]");
	refused(bad, c, "unstated.json", SCSEC_EINVALID, 0, "/unstated_roles/0");
	free(bad);
	bad = edit(json, "\"fingerprint\": \"", "\"fingerprint\": \"0");
	refused(bad, c, "fp.json", SCSEC_EMISMATCH, 0, NULL);
	free(bad);
	/* Deep nesting is refused before the tree is walked. */
	deep = malloc(200000);
	ck_assert_ptr_nonnull(deep);
	for (i = 0; i < 100000; i++)
		deep[i] = '[';
	deep[i] = '\0';
	bad = edit(json, "\"rests_on\": [", deep);
	refused(bad, c, "deep.json", SCSEC_ELIMIT, 0, NULL);
	free(bad);
	free(deep);
	scsec_free(json);
	scsec_result_free(r);
	scsec_evidence_free(m);
	scsec_criteria_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("result_io");
	TCase *tc = tcase_create("round trip");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, round_trip_meti_examples);
	tcase_add_test(tc, round_trip_trust_policy);
	tcase_add_test(tc, round_trip_projection);
	tcase_add_test(tc, round_trip_scored_sets);
	tcase_add_test(tc, other_set_refused);
	tcase_add_test(tc, load_file);
	tcase_add_test(tc, options_reproduce);
	suite_add_tcase(s, tc);
	tc = tcase_create("refused");
	tcase_add_test(tc, malformed_xml);
	tcase_add_test(tc, malformed_json);
	suite_add_tcase(s, tc);
	return test_run(s);
}
