/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The portfolio (scsec/portfolio.h): every figure on a portfolio of four
 * suppliers of tests/data/portfolio/set.xml (levels L3 and L4, which do
 * not nest), with several contracts per supplier, an expiring level, a
 * supplier evaluated with a trust list and no signature, a contract for a
 * supplier never added and an unreadable source; the same figures in any
 * order of the calls; the errors. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#define AS_OF "2026-06-01"

static scsec_date D(const char *s)
{
	scsec_date d;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static scsec_criteria *load_set(void)
{
	char path[1024];
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_load_file(&c, test_srcpath(path, sizeof path,
	                                                "tests/data/portfolio/set.xml"),
	                               NULL, NULL));
	return c;
}

/* An entry; planned: its planned completion day (rule 12), or NULL. */
static void put_planned(scsec_evidence *ev, const char *id, scsec_status status,
                        scsec_method method, const char *assessed, const char *planned)
{
	scsec_entry *e = NULL;

	ck_ok(scsec_entry_new(&e, id));
	ck_ok(scsec_entry_set_status(e, status));
	ck_ok(scsec_entry_set_method(e, method));
	ck_ok(scsec_entry_set_assessed_on(e, D(assessed)));
	if (planned)
		ck_ok(scsec_entry_set_planned_on(e, D(planned)));
	ck_ok(scsec_evidence_replace(ev, e));
}

static void put(scsec_evidence *ev, const char *id, scsec_status status, scsec_method method,
                const char *assessed)
{
	put_planned(ev, id, status, method, assessed, NULL);
}

static scsec_result *evaluate(const scsec_criteria *c, scsec_evidence *ev, const char *as_of,
                              const scsec_trust *trust)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D(as_of)));
	if (trust)
		ck_ok(scsec_eval_options_set_trust(o, trust));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	return r;
}

/* "1001": L3 by an expert, its oldest answers (g-1, pledge) of 2025-08-01,
 * so the level lasts until 2026-07-31: 60 days. */
static scsec_result *supplier_a(const scsec_criteria *c)
{
	scsec_evidence *ev = NULL;

	ck_ok(scsec_evidence_new(&ev, c));
	put(ev, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2025-08-01");
	put(ev, "g-1", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED, "2025-08-01");
	put(ev, "p-1", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED, "2026-01-10");
	return evaluate(c, ev, AS_OF, NULL);
}

/* "1002": L4 by a third party, no pledge (so no L3: levels do not nest). */
static scsec_result *supplier_b(const scsec_criteria *c)
{
	scsec_evidence *ev = NULL;

	ck_ok(scsec_evidence_new(&ev, c));
	put(ev, "g-1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-03-01");
	put(ev, "g-2", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-03-01");
	put(ev, "p-1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-03-01");
	put(ev, "p-2", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-03-01");
	return evaluate(c, ev, AS_OF, NULL);
}

/* "1010": nothing achieved: g-1 not met, the rest missing. */
static scsec_result *supplier_c(const scsec_criteria *c)
{
	scsec_evidence *ev = NULL;

	ck_ok(scsec_evidence_new(&ev, c));
	put(ev, "g-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2026-05-01");
	return evaluate(c, ev, AS_OF, NULL);
}

/* "1003": the answers of an L3 holder, evaluated with a trust list the
 * record has no signature for: its expert reviews count as self. */
static scsec_result *supplier_d(const scsec_criteria *c, const scsec_trust *t)
{
	scsec_evidence *ev = NULL;

	ck_ok(scsec_evidence_new(&ev, c));
	put(ev, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-02-01");
	put(ev, "g-1", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED, "2026-02-01");
	put(ev, "p-1", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED, "2026-02-01");
	return evaluate(c, ev, AS_OF, t);
}

static void contract(scsec_portfolio *p, const char *supplier, const char *id, int required,
                     int data)
{
	scsec_eval_options *o = NULL;

	ck_ok(scsec_eval_options_new(&o));
	if (required)
		ck_ok(scsec_eval_options_set_required(o, required));
	else
		ck_ok(scsec_eval_options_set_answer(o, "data", data));
	ck_ok(scsec_portfolio_add_contract(p, supplier, id, o));
	scsec_eval_options_free(o);
}

static void add_contracts(scsec_portfolio *p)
{
	contract(p, "1001", "c-1", 3, 0);
	contract(p, "1001", "c-2", 0, 1); /* confidential data: L4 */
	contract(p, "1002", "c-3", 0, 0); /* the default: L3 */
	contract(p, "1003", "c-4", 3, 0);
	contract(p, "2000", "c-5", 4, 0); /* a supplier never added */
}

/* The portfolio of the suite; contracts_first: the contracts before the results. */
static scsec_portfolio *build(const scsec_criteria *c, int contracts_first)
{
	scsec_portfolio *p = NULL;
	scsec_trust *t = NULL;
	scsec_result *r;

	ck_ok(scsec_trust_new(&t, "IPA", "2026-01", D("2026-01-01")));
	ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 90));
	if (contracts_first)
		add_contracts(p);
	ck_ok(scsec_portfolio_add_unreadable(p, "z/broken.xml", "not well-formed"));
	r = supplier_c(c);
	ck_ok(scsec_portfolio_add(p, "1010", NULL, r, "c.xml"));
	scsec_result_free(r);
	r = supplier_d(c, t);
	ck_ok(scsec_portfolio_add(p, "1003", "Delta KK", r, "d.xml"));
	scsec_result_free(r);
	r = supplier_b(c);
	ck_ok(scsec_portfolio_add(p, "1002", "Beta KK", r, "b.xml"));
	scsec_result_free(r);
	r = supplier_a(c);
	ck_ok(scsec_portfolio_add(p, "1001", "Alpha KK", r, "a.xml"));
	scsec_result_free(r);
	ck_ok(scsec_portfolio_add_unreadable(p, "a/empty.xml", NULL));
	if (!contracts_first)
		add_contracts(p);
	scsec_trust_free(t);
	return p;
}

static const scsec_supplier *get(const scsec_portfolio *p, const char *id)
{
	const scsec_supplier *s = scsec_portfolio_supplier_get(p, id);

	ck_assert_msg(s != NULL, "no supplier %s", id);
	return s;
}

START_TEST(test_suppliers_and_levels)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0);
	size_t i;

	scsec_criteria_free(c); /* the portfolio keeps the set */
	ck_assert_uint_eq(scsec_portfolio_supplier_count(p), 4);
	/* by id, digit runs by value */
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_supplier_at(p, 0)), "1001");
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_supplier_at(p, 1)), "1002");
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_supplier_at(p, 2)), "1003");
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_supplier_at(p, 3)), "1010");
	ck_assert_ptr_null(scsec_portfolio_supplier_at(p, 4));
	ck_assert_str_eq(scsec_supplier_name(get(p, "1001")), "Alpha KK");
	ck_assert_ptr_null(scsec_supplier_name(get(p, "1010")));
	ck_assert_str_eq(scsec_supplier_source(get(p, "1002")), "b.xml");
	ck_assert_int_eq(scsec_supplier_level(get(p, "1001")), 3);
	ck_assert_int_eq(scsec_supplier_level(get(p, "1002")), 4);
	ck_assert_int_eq(scsec_supplier_level(get(p, "1003")), 0); /* unverified reviews */
	ck_assert_int_eq(scsec_supplier_level(get(p, "1010")), 0);
	ck_assert_uint_eq(scsec_portfolio_level_suppliers(p, 0), 2);
	ck_assert_uint_eq(scsec_portfolio_level_suppliers(p, 3), 1);
	ck_assert_uint_eq(scsec_portfolio_level_suppliers(p, 4), 1);
	ck_assert_uint_eq(scsec_portfolio_level_suppliers(p, 5), 0);
	ck_assert_int_eq(scsec_portfolio_as_of(p), D(AS_OF));
	ck_assert_int_eq(scsec_portfolio_within_days(p), 90);
	ck_assert_str_eq(scsec_criteria_id(scsec_portfolio_criteria(p)), "t-portfolio");
	ck_assert_uint_eq(scsec_portfolio_category_count(p), 2);
	ck_assert_str_eq(scsec_category_id(scsec_portfolio_category_at(p, 0)), "gov");
	ck_assert_str_eq(scsec_category_id(scsec_portfolio_category_at(p, 1)), "prot");
	ck_assert_ptr_null(scsec_portfolio_category_at(p, 2));
	/* unreadable sources, by name */
	ck_assert_uint_eq(scsec_portfolio_unreadable_count(p), 2);
	ck_assert_str_eq(scsec_portfolio_unreadable_at(p, 0), "a/empty.xml");
	ck_assert_str_eq(scsec_portfolio_unreadable_problem_at(p, 0), "");
	ck_assert_str_eq(scsec_portfolio_unreadable_at(p, 1), "z/broken.xml");
	ck_assert_str_eq(scsec_portfolio_unreadable_problem_at(p, 1), "not well-formed");
	for (i = 0; i < 4; i++)
		ck_assert_ptr_nonnull(scsec_supplier_trust(scsec_portfolio_supplier_at(p, i)));
	scsec_portfolio_free(p);
}
END_TEST

START_TEST(test_contracts)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0);
	const scsec_contract *k;

	/* several contracts: judged against the highest */
	ck_assert_int_eq(scsec_supplier_required(get(p, "1001")), 4);
	ck_assert_uint_eq(scsec_supplier_contract_count(get(p, "1001")), 2);
	ck_assert_int_eq(scsec_supplier_meets_required(get(p, "1001")), 0);
	ck_assert_int_eq(scsec_supplier_required(get(p, "1002")), 3);
	ck_assert_int_eq(scsec_supplier_meets_required(get(p, "1002")), 1);
	ck_assert_int_eq(scsec_supplier_required(get(p, "1010")), 0);
	ck_assert_int_eq(scsec_supplier_meets_required(get(p, "1010")), -1);
	ck_assert_uint_eq(scsec_portfolio_contract_count(p), 5);
	/* by supplier then contract; achieved vs required per contract */
	k = scsec_portfolio_contract_at(p, 0);
	ck_assert_str_eq(scsec_contract_supplier_id(k), "1001");
	ck_assert_str_eq(scsec_contract_id(k), "c-1");
	ck_assert_int_eq(scsec_contract_required(k), 3);
	ck_assert_int_eq(scsec_contract_meets(k), 1);
	k = scsec_portfolio_contract_at(p, 1);
	ck_assert_str_eq(scsec_contract_id(k), "c-2");
	ck_assert_int_eq(scsec_contract_required(k), 4);
	ck_assert_int_eq(scsec_contract_meets(k), 0);
	ck_assert_ptr_eq(scsec_contract_supplier(k), get(p, "1001"));
	k = scsec_portfolio_contract_at(p, 2);
	ck_assert_str_eq(scsec_contract_id(k), "c-3");
	ck_assert_int_eq(scsec_contract_required(k), 3);
	ck_assert_int_eq(scsec_contract_meets(k), 1);
	k = scsec_portfolio_contract_at(p, 4);
	ck_assert_str_eq(scsec_contract_supplier_id(k), "2000");
	ck_assert_ptr_null(scsec_contract_supplier(k));
	ck_assert_int_eq(scsec_contract_meets(k), -1);
	ck_assert_ptr_null(scsec_portfolio_contract_at(p, 5));
	scsec_portfolio_free(p);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_expiring)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0);
	const scsec_supplier *a = get(p, "1001");

	ck_assert_uint_eq(scsec_portfolio_expiring_count(p), 1);
	ck_assert_ptr_eq(scsec_portfolio_expiring_at(p, 0), a);
	ck_assert_int_eq(scsec_supplier_valid_until(a), D("2026-07-31"));
	ck_assert(scsec_supplier_expiring(a));
	/* the entries that make it expire: the two of 2025-08-01 */
	ck_assert_uint_eq(scsec_supplier_expiry_item_count(a), 2);
	ck_assert_str_eq(scsec_supplier_expiry_item_at(a, 0), "g-1");
	ck_assert_str_eq(scsec_supplier_expiry_item_at(a, 1), "pledge");
	ck_assert_ptr_null(scsec_supplier_expiry_item_at(a, 2));
	ck_assert(!scsec_supplier_expiring(get(p, "1002")));
	ck_assert_int_eq(scsec_supplier_valid_until(get(p, "1002")), D("2027-02-28"));
	ck_assert_int_eq(scsec_supplier_valid_until(get(p, "1010")), SCSEC_DATE_NONE);
	scsec_portfolio_free(p);
	/* within 59 days it does not count */
	{
		scsec_result *r = supplier_a(c);

		ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 59));
		ck_ok(scsec_portfolio_add(p, "1001", NULL, r, NULL));
		ck_assert_uint_eq(scsec_portfolio_expiring_count(p), 0);
		scsec_portfolio_free(p);
		ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 60));
		ck_ok(scsec_portfolio_add(p, "1001", NULL, r, NULL));
		ck_assert_uint_eq(scsec_portfolio_expiring_count(p), 1);
		scsec_portfolio_free(p);
		scsec_result_free(r);
	}
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_below_and_gap)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0);
	const scsec_supplier *a = get(p, "1001"), *d = get(p, "1003"), *x = get(p, "1010");
	size_t app;

	ck_assert_uint_eq(scsec_portfolio_below_count(p), 2);
	ck_assert_ptr_eq(scsec_portfolio_below_at(p, 0), a);
	ck_assert_ptr_eq(scsec_portfolio_below_at(p, 1), d);
	/* A needs L4: g-1 and p-1 met by an expert (a third party needed),
	 * g-2 and p-2 missing */
	ck_assert_int_eq(scsec_supplier_target_level(a), 4);
	ck_assert_uint_eq(scsec_supplier_gap_method(a), 2);
	ck_assert_uint_eq(scsec_supplier_gap_fixes(a), 2);
	/* D needs L3: its reviews unverified (a stronger assessment), the
	 * pledge fine */
	ck_assert_int_eq(scsec_supplier_target_level(d), 3);
	ck_assert_uint_eq(scsec_supplier_gap_method(d), 2);
	ck_assert_uint_eq(scsec_supplier_gap_fixes(d), 0);
	/* no contract: the level above (L3); all three items need fixes */
	ck_assert_int_eq(scsec_supplier_target_level(x), 3);
	ck_assert_uint_eq(scsec_supplier_gap_method(x), 0);
	ck_assert_uint_eq(scsec_supplier_gap_fixes(x), 3);
	/* B meets its contract: no target */
	ck_assert_int_eq(scsec_supplier_target_level(get(p, "1002")), 0);
	ck_assert_uint_eq(scsec_supplier_gap_fixes(get(p, "1002")), 0);
	/* the heat map: A at L4, one of two criteria per category */
	ck_assert_uint_eq(scsec_supplier_category_satisfied(a, 0, &app), 0);
	ck_assert_uint_eq(app, 2);
	ck_assert_uint_eq(scsec_supplier_category_satisfied(a, 1, &app), 0);
	ck_assert_uint_eq(app, 2);
	/* B at its required L3: g-1 and p-1 satisfied */
	ck_assert_uint_eq(scsec_supplier_category_satisfied(get(p, "1002"), 0, &app), 1);
	ck_assert_uint_eq(app, 1);
	ck_assert_uint_eq(scsec_supplier_category_satisfied(a, 2, &app), 0);
	ck_assert_uint_eq(app, 0);
	scsec_portfolio_free(p);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_missed)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0);

	/* A (L4): g-1 p-1 (method), g-2 p-2; D (L3): g-1 p-1 (unverified);
	 * 1010 (L3): pledge g-1 p-1 */
	ck_assert_uint_eq(scsec_portfolio_missed_count(p), 5);
	ck_assert_str_eq(scsec_portfolio_missed_id_at(p, 0), "g-1");
	ck_assert_uint_eq(scsec_portfolio_missed_suppliers_at(p, 0), 3);
	ck_assert_uint_eq(scsec_portfolio_missed_method_at(p, 0), 2);
	ck_assert_str_eq(scsec_portfolio_missed_id_at(p, 1), "p-1");
	ck_assert_uint_eq(scsec_portfolio_missed_suppliers_at(p, 1), 3);
	ck_assert_str_eq(scsec_portfolio_missed_id_at(p, 2), "g-2");
	ck_assert_uint_eq(scsec_portfolio_missed_suppliers_at(p, 2), 1);
	ck_assert_uint_eq(scsec_portfolio_missed_method_at(p, 2), 0);
	ck_assert_str_eq(scsec_portfolio_missed_id_at(p, 3), "p-2");
	ck_assert_str_eq(scsec_portfolio_missed_id_at(p, 4), "pledge");
	ck_assert_ptr_null(scsec_portfolio_missed_id_at(p, 5));
	ck_assert_uint_eq(scsec_portfolio_missed_suppliers_at(p, 5), 0);
	scsec_portfolio_free(p);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_trust)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0);

	ck_assert(scsec_portfolio_trust_applied(p));
	ck_assert_str_eq(scsec_supplier_trust(get(p, "1003")), "unsigned");
	ck_assert_str_eq(scsec_supplier_trust(get(p, "1001")), "");
	ck_assert_uint_eq(scsec_portfolio_untrusted_count(p), 1);
	ck_assert_ptr_eq(scsec_portfolio_untrusted_at(p, 0), get(p, "1003"));
	ck_assert_ptr_null(scsec_portfolio_untrusted_at(p, 1));
	scsec_portfolio_free(p);
	/* without a trust list nothing is listed */
	{
		scsec_result *r = supplier_a(c);

		ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 90));
		ck_ok(scsec_portfolio_add(p, "1001", NULL, r, NULL));
		ck_assert(!scsec_portfolio_trust_applied(p));
		ck_assert_uint_eq(scsec_portfolio_untrusted_count(p), 0);
		scsec_portfolio_free(p);
		scsec_result_free(r);
	}
	scsec_criteria_free(c);
}
END_TEST

/* The projection (rule 12) copied per supplier: the projected day of the
 * target level, which follows the target when a contract raises it. */
START_TEST(test_projection)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = NULL;
	scsec_evidence *ev = NULL;
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL, *plain;
	const scsec_supplier *s, *a;
	char *json = NULL;
	size_t size;

	ck_ok(scsec_evidence_new(&ev, c));
	put(ev, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-05-01");
	put_planned(ev, "g-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2026-05-01", "2026-09-01");
	put_planned(ev, "p-1", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2026-05-01", "2026-10-15");
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D(AS_OF)));
	ck_ok(scsec_eval_options_set_project(o, 1));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	scsec_evidence_free(ev);
	ck_assert(scsec_result_has_projection(r));

	ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 90));
	plain = supplier_a(c);
	ck_ok(scsec_portfolio_add(p, "1001", NULL, plain, NULL));
	scsec_result_free(plain);
	ck_assert(!scsec_portfolio_projection_applied(p));
	ck_ok(scsec_portfolio_add(p, "1020", NULL, r, NULL));
	ck_assert(scsec_portfolio_projection_applied(p));
	s = get(p, "1020");
	a = get(p, "1001");
	ck_assert(scsec_supplier_has_projection(s));
	/* No contract: the target is L3, the level above none; the plan's
	 * latest day. */
	ck_assert_int_eq(scsec_supplier_target_level(s), 3);
	ck_assert_int_eq(scsec_supplier_projected_on(s), D("2026-10-15"));
	ck_assert_int_eq(scsec_supplier_projected_on(s), scsec_result_projected_on_at(r, 0));
	ck_assert_uint_eq(scsec_supplier_projection_blocked(s), 0);
	ck_ok(scsec_portfolio_to_json(&json, &size, p));
	ck_assert_ptr_nonnull(strstr(json, "\"projection_applied\":true"));
	ck_assert_ptr_nonnull(strstr(json, "\"projected_on\":\"2026-10-15\",\"projection_blocked\":0"));
	ck_assert_ptr_nonnull(strstr(json, "\"projected_on\":null,\"projection_blocked\":null"));
	scsec_free(json);
	ck_ok(scsec_portfolio_to_csv(&json, &size, p));
	ck_assert_ptr_nonnull(strstr(json, "projected_on,projection_blocked,problem\r\n"));
	ck_assert_ptr_nonnull(strstr(json, ",2026-10-15,0,\r\n"));
	scsec_free(json);
	/* A contract for L4 makes it the target: g-2 and p-2 have no plan. */
	contract(p, "1020", "c-9", 4, 0);
	ck_assert_int_eq(scsec_supplier_target_level(s), 4);
	ck_assert_int_eq(scsec_supplier_projected_on(s), SCSEC_DATE_NONE);
	ck_assert_uint_gt(scsec_supplier_projection_blocked(s), 0);
	ck_assert_uint_eq(scsec_supplier_projection_blocked(s),
	                  scsec_result_projection_blocker_count(r, 1));
	scsec_result_free(r);
	/* Evaluated without the projection: nothing. */
	ck_assert(!scsec_supplier_has_projection(a));
	ck_assert_int_eq(scsec_supplier_projected_on(a), SCSEC_DATE_NONE);
	ck_assert_uint_eq(scsec_supplier_projection_blocked(a), 0);
	/* NULL */
	ck_assert(!scsec_portfolio_projection_applied(NULL));
	ck_assert(!scsec_supplier_has_projection(NULL));
	ck_assert_int_eq(scsec_supplier_projected_on(NULL), SCSEC_DATE_NONE);
	ck_assert_uint_eq(scsec_supplier_projection_blocked(NULL), 0);
	scsec_portfolio_free(p);
	scsec_criteria_free(c);
}
END_TEST

/* The same figures and bytes whichever comes first, results or contracts. */
START_TEST(test_order_independent)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = build(c, 0), *q = build(c, 1);
	char *a = NULL, *b = NULL;
	size_t na, nb;

	ck_ok(scsec_portfolio_to_json(&a, &na, p));
	ck_ok(scsec_portfolio_to_json(&b, &nb, q));
	ck_assert_uint_eq(na, nb);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "\"format\":\"scsec-portfolio-1\""));
	ck_assert_ptr_nonnull(strstr(a, "\"below\":[\"1001\",\"1003\"]"));
	scsec_free(a);
	scsec_free(b);
	ck_ok(scsec_portfolio_to_csv(&a, &na, p));
	ck_ok(scsec_portfolio_to_csv(&b, &nb, q));
	ck_assert_str_eq(a, b);
	ck_assert(!strncmp(a, "supplier_id,name,source,level,", 30));
	ck_assert_ptr_nonnull(strstr(a, "\r\n1001,Alpha KK,a.xml,3,2026-07-31,60,yes,g-1 pledge,4,2,no,4,2,2,,,,\r\n"));
	ck_assert_ptr_nonnull(strstr(a, "\r\n,,z/broken.xml,,,,,,,,,,,,,,,not well-formed\r\n"));
	scsec_free(a);
	scsec_free(b);
	scsec_portfolio_free(p);
	scsec_portfolio_free(q);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_errors)
{
	scsec_criteria *c = load_set(), *meti = NULL;
	scsec_portfolio *p = NULL;
	scsec_eval_options *o = NULL;
	scsec_result *r = supplier_b(c), *other;
	scsec_evidence *ev = NULL;
	char *s = NULL;
	size_t n;

	ck_assert_int_eq(scsec_portfolio_new(NULL, c, D(AS_OF), 90), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_new(&p, NULL, D(AS_OF), 90), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_new(&p, c, D(AS_OF), -1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_new(&p, c, D(AS_OF), SCSEC_PORTFOLIO_MAX_WITHIN + 1),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_new(&p, c, SCSEC_DATE_NONE, 90), SCSEC_EDATE);
	ck_assert_ptr_null(p);
	ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 90));
	ck_assert_int_eq(scsec_portfolio_add(NULL, "1", NULL, r, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add(p, NULL, NULL, r, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add(p, "1", NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add(p, "", NULL, r, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add(p, "\xe3\x80\x80", NULL, r, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add(p, "bad\xff", NULL, r, NULL), SCSEC_EINVAL);
	ck_ok(scsec_portfolio_add(p, "1", NULL, r, NULL));
	ck_assert_int_eq(scsec_portfolio_add(p, "1", NULL, r, NULL), SCSEC_EEXISTS);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "already present"));
	/* another date */
	ck_ok(scsec_evidence_new(&ev, c));
	other = evaluate(c, ev, "2026-06-02", NULL);
	ck_assert_int_eq(scsec_portfolio_add(p, "2", NULL, other, NULL), SCSEC_EMISMATCH);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "2026-06-02"));
	scsec_result_free(other);
	/* another set */
	ck_ok(scsec_criteria_builtin(&meti, SCSEC_CRITERIA_DEFAULT));
	ck_ok(scsec_evidence_new(&ev, meti));
	other = evaluate(meti, ev, AS_OF, NULL);
	ck_assert_int_eq(scsec_portfolio_add(p, "2", NULL, other, NULL), SCSEC_EMISMATCH);
	scsec_result_free(other);
	scsec_criteria_free(meti);
	/* contracts */
	ck_ok(scsec_eval_options_new(&o));
	ck_assert_int_eq(scsec_portfolio_add_contract(p, "1", "k", NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add_contract(p, "1", "k", o), SCSEC_EINVAL); /* no level */
	ck_ok(scsec_eval_options_set_answer(o, "nonsense", 1));
	ck_assert_int_eq(scsec_portfolio_add_contract(p, "1", "k", o), SCSEC_ENOTFOUND);
	scsec_eval_options_free(o);
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_required(o, 7));
	ck_assert_int_eq(scsec_portfolio_add_contract(p, "1", "k", o), SCSEC_ENOTFOUND);
	ck_ok(scsec_eval_options_set_required(o, 4));
	ck_assert_int_eq(scsec_portfolio_add_contract(p, "1", NULL, o), SCSEC_EINVAL);
	ck_ok(scsec_portfolio_add_contract(p, "1", "k", o));
	ck_assert_int_eq(scsec_portfolio_add_contract(p, "1", "k", o), SCSEC_EEXISTS);
	ck_assert_uint_eq(scsec_portfolio_contract_count(p), 1);
	scsec_eval_options_free(o);
	/* unreadable */
	ck_assert_int_eq(scsec_portfolio_add_unreadable(p, NULL, "x"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_add_unreadable(p, "f", "bad\xff"), SCSEC_EINVAL);
	ck_ok(scsec_portfolio_add_unreadable(p, "f", NULL));
	ck_assert_int_eq(scsec_portfolio_add_unreadable(p, "f", NULL), SCSEC_EEXISTS);
	/* writers and getters */
	ck_assert_int_eq(scsec_portfolio_to_json(NULL, &n, p), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_to_json(&s, &n, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_to_csv(&s, &n, NULL), SCSEC_EINVAL);
	ck_assert_uint_eq(scsec_portfolio_supplier_count(NULL), 0);
	ck_assert_ptr_null(scsec_portfolio_supplier_get(p, NULL));
	ck_assert_ptr_null(scsec_supplier_id(NULL));
	ck_assert_int_eq(scsec_supplier_meets_required(NULL), -1);
	ck_assert_int_eq(scsec_contract_meets(NULL), -1);
	ck_assert_int_eq(scsec_portfolio_within_days(NULL), -1);
	scsec_portfolio_free(p);
	scsec_portfolio_free(NULL);
	scsec_result_free(r);
	scsec_criteria_free(c);
}
END_TEST

/* The contracts sheet: a level or the answers; every row checked first. */
START_TEST(test_contracts_sheet)
{
	static const char good[] = "\xef\xbb\xbfSupplier,Contract,Required,Data,Note\r\n"
	                           "1001,c-1,3,,first\r\n"
	                           "1001,c-2,,yes,\r\n"
	                           "\r\n"
	                           "# 1002 is pending\r\n"
	                           "1002,c-3,L4,,\r\n"
	                           "1003,c-4,,no,\r\n";
	static const char *const bad[] = {
		"supplier,required\n1001,3\n",                     /* no contract column */
		"supplier,contract\n1001,c-1\n",                   /* no required, no questions */
		"supplier,contract,required\n1001,c-1,7\n",        /* no such level */
		"supplier,contract,required\n1001,c-1,L9\n",
		"supplier,contract,data\n1001,c-1,perhaps\n",      /* not yes or no */
		"supplier,contract,required\n1009,x-1,3\n1009,x-1,4\n", /* twice */
		"supplier,contract,required\n,c-1,3\n",            /* no supplier */
		"",                                                /* empty */
	};
	scsec_criteria *c = load_set();
	scsec_portfolio *p = NULL;
	scsec_diagnostics *d = NULL;
	scsec_result *r = supplier_a(c);
	size_t i;

	ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 90));
	ck_ok(scsec_portfolio_add(p, "1001", NULL, r, NULL));
	ck_ok(scsec_portfolio_load_contracts_memory(p, good, sizeof good - 1, "k.csv", NULL, NULL));
	ck_assert_uint_eq(scsec_portfolio_contract_count(p), 4);
	ck_assert_int_eq(scsec_contract_required(scsec_portfolio_contract_at(p, 0)), 3);
	ck_assert_int_eq(scsec_contract_required(scsec_portfolio_contract_at(p, 1)), 4);
	ck_assert_int_eq(scsec_contract_required(scsec_portfolio_contract_at(p, 2)), 4);
	ck_assert_int_eq(scsec_contract_required(scsec_portfolio_contract_at(p, 3)), 3);
	ck_assert_int_eq(scsec_supplier_required(get(p, "1001")), 4);
	ck_assert_uint_eq(scsec_portfolio_below_count(p), 1);
	/* the same contracts again: all refused, nothing added */
	ck_assert_int_eq(scsec_portfolio_load_contracts_memory(p, good, sizeof good - 1, "k.csv",
	                                                       NULL, NULL),
	                 SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_portfolio_contract_count(p), 4);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		int rc;

		ck_ok(scsec_diagnostics_new(&d));
		rc = scsec_portfolio_load_contracts_memory(p, bad[i], strlen(bad[i]), "bad.csv", NULL,
		                                           d);
		ck_assert_msg(rc == SCSEC_EINVALID || rc == SCSEC_EPARSE, "case %zu: %d", i, rc);
		ck_assert_uint_ge(scsec_diagnostics_total(d, SCSEC_SEVERITY_ERROR), 1);
		ck_assert_uint_eq(scsec_portfolio_contract_count(p), 4);
		scsec_diagnostics_free(d);
	}
	/* the row of the second listing is named */
	ck_ok(scsec_diagnostics_new(&d));
	scsec_portfolio_load_contracts_memory(p, bad[5], strlen(bad[5]), "bad.csv", NULL, d);
	ck_assert_uint_eq(scsec_diagnostic_line(scsec_diagnostics_at(d, 0)), 3);
	scsec_diagnostics_free(d);
	ck_assert_int_eq(scsec_portfolio_load_contracts(p, "/nonexistent/k.csv", NULL, NULL),
	                 SCSEC_EIO);
	ck_assert_int_eq(scsec_portfolio_load_contracts(NULL, "k.csv", NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_portfolio_load_contracts(p, NULL, NULL, NULL), SCSEC_EINVAL);
	scsec_portfolio_free(p);
	scsec_result_free(r);
	scsec_criteria_free(c);
}
END_TEST

/* Many suppliers: the figures add up (the bench times 10,000). */
START_TEST(test_many)
{
	scsec_criteria *c = load_set();
	scsec_portfolio *p = NULL;
	scsec_result *ra = supplier_a(c), *rb = supplier_b(c), *rc = supplier_c(c);
	size_t i, total = 0;
	char id[32];

	ck_ok(scsec_portfolio_new(&p, c, D(AS_OF), 90));
	for (i = 0; i < 3000; i++) {
		snprintf(id, sizeof id, "s%zu", (i * 7919) % 3000);
		ck_ok(scsec_portfolio_add(p, id, NULL, i % 3 == 0 ? ra : i % 3 == 1 ? rb : rc, NULL));
		if (i % 2)
			contract(p, id, "k", 4, 0);
	}
	ck_assert_uint_eq(scsec_portfolio_supplier_count(p), 3000);
	for (i = 0; i <= 4; i++)
		total += scsec_portfolio_level_suppliers(p, (int)i);
	ck_assert_uint_eq(total, 3000);
	ck_assert_uint_eq(scsec_portfolio_expiring_count(p), 1000);
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_supplier_at(p, 2)), "s2");
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_supplier_at(p, 10)), "s10");
	for (i = 1; i < scsec_portfolio_missed_count(p); i++)
		ck_assert_uint_ge(scsec_portfolio_missed_suppliers_at(p, i - 1),
		                  scsec_portfolio_missed_suppliers_at(p, i));
	scsec_portfolio_free(p);
	scsec_result_free(ra);
	scsec_result_free(rb);
	scsec_result_free(rc);
	scsec_criteria_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("portfolio");
	TCase *tc = tcase_create("portfolio");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_suppliers_and_levels);
	tcase_add_test(tc, test_contracts);
	tcase_add_test(tc, test_expiring);
	tcase_add_test(tc, test_below_and_gap);
	tcase_add_test(tc, test_missed);
	tcase_add_test(tc, test_trust);
	tcase_add_test(tc, test_projection);
	tcase_add_test(tc, test_order_independent);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_contracts_sheet);
	tcase_add_test(tc, test_many);
	suite_add_tcase(s, tc);
	return test_run(s);
}
