/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Mapping sets: the XML format, provenance in evidence records, and the
 * inference of doc/mapping.md, by vectors for every relationship and by
 * properties (monotonic, order-independent, idempotent) over random sets
 * and records. Public API only. */
#include "config.h"

#include "testutil.h"

static const scsec_status statuses[] = { SCSEC_STATUS_NONE, SCSEC_STATUS_MET,
	                                     SCSEC_STATUS_PARTIAL, SCSEC_STATUS_NOT_MET,
	                                     SCSEC_STATUS_NOT_APPLICABLE };

/* The doc's order, most restrictive first. */
static int restrictive(scsec_status s)
{
	switch (s) {
	case SCSEC_STATUS_NOT_MET: return 0;
	case SCSEC_STATUS_PARTIAL: return 1;
	case SCSEC_STATUS_NONE: return 2;
	case SCSEC_STATUS_MET: return 3;
	case SCSEC_STATUS_NOT_APPLICABLE: return 4;
	}
	return -1;
}

static scsec_evidence *record(const char *set, const char *version)
{
	scsec_evidence *ev;

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_ok(scsec_evidence_set_criteria(ev, set, version, NULL));
	return ev;
}

static void answer(scsec_evidence *ev, const char *id, scsec_status st, scsec_method m,
                   const char *assessed, const char *expires)
{
	scsec_entry *e;
	scsec_date d;

	ck_ok(scsec_entry_new(&e, id));
	ck_ok(scsec_entry_set_status(e, st));
	ck_ok(scsec_entry_set_method(e, m));
	if (st == SCSEC_STATUS_NOT_APPLICABLE)
		ck_ok(scsec_entry_set_justification(e, "no such systems"));
	if (assessed) {
		ck_ok(scsec_date_parse(&d, assessed));
		ck_ok(scsec_entry_set_assessed_on(e, d));
	}
	if (expires) {
		ck_ok(scsec_date_parse(&d, expires));
		ck_ok(scsec_entry_set_expires_on(e, d));
	}
	ck_ok(scsec_evidence_replace(ev, e));
}

static scsec_mapping_set *set_new(void)
{
	scsec_mapping_set *m;

	ck_ok(scsec_mapping_set_new(&m, "a-to-b", "1", "a", "1", "b", "1"));
	return m;
}

static scsec_status derived_status(const scsec_evidence *ev, const char *id)
{
	const scsec_entry *e = scsec_evidence_entry(ev, id);

	return e ? scsec_entry_status(e) : SCSEC_STATUS_NONE;
}

/* ------------------------------------------------------------------ format */

static const char sample[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<mapping-set xmlns=\"urn:scsec:mapping:1\" id=\"a-to-b\" version=\"1\" provisional=\"true\">\n"
	"  <title>A to B</title>\n"
	"  <source id=\"a\" version=\"1\"/>\n"
	"  <target id=\"b\" version=\"2\"/>\n"
	"  <accept method=\"third-party\"/>\n"
	"  <mapping source=\"1-10\" target=\"x\" relationship=\"subset-of\"/>\n"
	"  <mapping source=\"1-2\" target=\"y\" relationship=\"equal-to\" strength=\"0.5\" "
	"coverage=\"0.125\" rationale=\"semantic\">\n"
	"    <note>same words</note>\n"
	"  </mapping>\n"
	"  <mapping source=\"1-3\" relationship=\"no-relationship\"/>\n"
	"</mapping-set>\n";

START_TEST(test_format_round_trip)
{
	scsec_load_options *o;
	int pass;

	ck_ok(scsec_load_options_new(&o));
	for (pass = 0; pass < 2; pass++) {
		scsec_mapping_set *m, *again;
		const scsec_mapping *x;
		char *xml, *xml2;
		size_t n;

		/* once with libxml2's validator, once with the structure rules */
		ck_ok(scsec_load_options_set(
		        o, SCSEC_LOAD_SCHEMA_VALIDATION, pass ? SCSEC_SCHEMA_ALWAYS : SCSEC_SCHEMA_NEVER));
		ck_ok(scsec_mapping_set_load_memory(&m, sample, strlen(sample), "s.xml", o, NULL));
		ck_assert_str_eq(scsec_mapping_set_id(m), "a-to-b");
		ck_assert_str_eq(scsec_mapping_set_title(m), "A to B");
		ck_assert_str_eq(scsec_mapping_set_target_version(m), "2");
		ck_assert(scsec_mapping_set_provisional(m));
		ck_assert(scsec_mapping_set_accepts(m, SCSEC_METHOD_THIRD_PARTY));
		ck_assert(!scsec_mapping_set_accepts(m, SCSEC_METHOD_EXPERT_REVIEWED));
		ck_assert(scsec_mapping_set_accepts(m, SCSEC_METHOD_SELF));
		ck_assert_uint_eq(scsec_mapping_set_count(m), 3);
		/* ordered by source id, digits by value */
		ck_assert_str_eq(scsec_mapping_source(scsec_mapping_set_at(m, 0)), "1-2");
		ck_assert_str_eq(scsec_mapping_source(scsec_mapping_set_at(m, 2)), "1-10");
		x = scsec_mapping_set_find(m, "1-2", "y");
		ck_assert_ptr_nonnull(x);
		ck_assert_int_eq(scsec_mapping_relationship(x), SCSEC_RELATIONSHIP_EQUAL_TO);
		ck_assert(scsec_mapping_strength(x) == 0.5);
		ck_assert(scsec_mapping_coverage(x) == 0.125);
		ck_assert_int_eq(scsec_mapping_rationale(x), SCSEC_RATIONALE_SEMANTIC);
		ck_assert_str_eq(scsec_mapping_note(x), "same words");
		x = scsec_mapping_set_find(m, "1-3", NULL);
		ck_assert_ptr_nonnull(x);
		ck_assert_ptr_null(scsec_mapping_target(x));
		ck_assert(scsec_mapping_strength(scsec_mapping_set_at(m, 2)) < 0);
		ck_ok(scsec_mapping_set_write_memory(&xml, &n, m));
		ck_ok(scsec_mapping_set_load_memory(&again, xml, n, "w.xml", o, NULL));
		ck_ok(scsec_mapping_set_write_memory(&xml2, NULL, again));
		ck_assert_str_eq(xml, xml2);
		ck_assert_ptr_nonnull(strstr(xml, "coverage=\"0.125\""));
		scsec_free(xml);
		scsec_free(xml2);
		scsec_mapping_set_free(again);
		scsec_mapping_set_free(m);
	}
	scsec_load_options_free(o);
}
END_TEST

/* A broken document is refused with the line of the problem, in both modes. */
static void refused(const char *body, int code, unsigned long line, const char *needle)
{
	char doc[2048];
	scsec_load_options *o;
	int pass;

	snprintf(doc, sizeof doc,
	         "<?xml version=\"1.0\"?>\n"
	         "<mapping-set xmlns=\"urn:scsec:mapping:1\" id=\"s\" version=\"1\">\n"
	         "  <source id=\"a\" version=\"1\"/>\n"
	         "  <target id=\"b\" version=\"1\"/>\n"
	         "%s</mapping-set>\n",
	         body);
	ck_ok(scsec_load_options_new(&o));
	for (pass = 0; pass < 2; pass++) {
		scsec_mapping_set *m = (scsec_mapping_set *)1;
		scsec_diagnostics *d;
		int rc;

		ck_ok(scsec_load_options_set(
		        o, SCSEC_LOAD_SCHEMA_VALIDATION, pass ? SCSEC_SCHEMA_ALWAYS : SCSEC_SCHEMA_NEVER));
		ck_ok(scsec_diagnostics_new(&d));
		rc = scsec_mapping_set_load_memory(&m, doc, strlen(doc), "bad.xml", o, d);
		ck_assert_msg(rc == code, "pass %d: %d for %s", pass, rc, body);
		ck_assert_ptr_null(m);
		ck_assert_uint_eq(scsec_error_line(scsec_error_last()), line);
		if (needle && !pass)
			ck_assert_msg(strstr(scsec_error_message(scsec_error_last()), needle),
			              "%s", scsec_error_message(scsec_error_last()));
		scsec_diagnostics_free(d);
	}
	scsec_load_options_free(o);
}

START_TEST(test_format_errors)
{
	refused("  <mapping source=\"x\" target=\"y\" relationship=\"same-as\"/>\n", SCSEC_ESCHEMA,
	        5, "relationship");
	refused("  <mapping source=\"x\" relationship=\"equal-to\"/>\n", SCSEC_ESCHEMA, 5,
	        "no target");
	refused("  <mapping source=\"x\" target=\"y\" relationship=\"equal-to\" strength=\"1.5\"/>\n",
	        SCSEC_ESCHEMA, 5, "strength");
	refused("  <mapping source=\"x\" target=\"y\" relationship=\"equal-to\"/>\n"
	        "  <mapping source=\"x\" target=\"y\" relationship=\"subset-of\"/>\n",
	        SCSEC_EEXISTS, 6, "second time");
	refused("  <mapping source=\"x\" target=\"y\" relationship=\"equal-to\"><extra/></mapping>\n",
	        SCSEC_ESCHEMA, 5, NULL);
}
END_TEST

START_TEST(test_builder)
{
	scsec_mapping_set *m = set_new();
	scsec_mapping *x;

	ck_assert_int_eq(scsec_mapping_set_add(NULL, m, "s", NULL, SCSEC_RELATIONSHIP_EQUAL_TO),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_mapping_set_add(NULL, m, "bad id", "t", SCSEC_RELATIONSHIP_EQUAL_TO),
	                 SCSEC_EINVAL);
	ck_ok(scsec_mapping_set_add(&x, m, "s", "t", SCSEC_RELATIONSHIP_SUBSET_OF));
	ck_assert_int_eq(scsec_mapping_set_add(NULL, m, "s", "t", SCSEC_RELATIONSHIP_EQUAL_TO),
	                 SCSEC_EEXISTS);
	ck_assert_int_eq(scsec_mapping_set_strength(x, 1.5), SCSEC_EINVAL);
	ck_ok(scsec_mapping_set_strength(x, 0.3336));
	ck_assert(scsec_mapping_strength(x) == 0.334);
	ck_assert_int_eq(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_SELF, 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_mapping_set_coverage(m, "t"), SCSEC_COVERAGE_PARTIAL);
	ck_ok(scsec_mapping_set_add(NULL, m, "s2", "t", SCSEC_RELATIONSHIP_SUPERSET_OF));
	ck_assert_int_eq(scsec_mapping_set_coverage(m, "t"), SCSEC_COVERAGE_FULL);
	ck_assert_int_eq(scsec_mapping_set_coverage(m, "u"), SCSEC_COVERAGE_NONE);
	ck_ok(scsec_mapping_set_remove(m, "s2", "t"));
	ck_assert_int_eq(scsec_mapping_set_remove(m, "s2", "t"), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_mapping_set_coverage(m, "t"), SCSEC_COVERAGE_PARTIAL);
	scsec_mapping_set_free(m);
}
END_TEST

/* ------------------------------------------------------------------ vectors */

/* Rule 1, every relationship against every status. */
START_TEST(test_vectors_per_relationship)
{
	static const struct {
		scsec_relationship rel;
		scsec_status out[5]; /* for NONE, MET, PARTIAL, NOT_MET, NOT_APPLICABLE */
	} v[] = {
		{ SCSEC_RELATIONSHIP_EQUAL_TO, { 0, SCSEC_STATUS_MET, SCSEC_STATUS_PARTIAL,
		                                 SCSEC_STATUS_NOT_MET, SCSEC_STATUS_NOT_APPLICABLE } },
		{ SCSEC_RELATIONSHIP_EQUIVALENT_TO, { 0, SCSEC_STATUS_MET, SCSEC_STATUS_PARTIAL,
		                                      SCSEC_STATUS_NOT_MET, SCSEC_STATUS_NOT_APPLICABLE } },
		{ SCSEC_RELATIONSHIP_SUPERSET_OF, { 0, SCSEC_STATUS_MET, SCSEC_STATUS_PARTIAL,
		                                    SCSEC_STATUS_NOT_MET, SCSEC_STATUS_NOT_APPLICABLE } },
		{ SCSEC_RELATIONSHIP_SUBSET_OF, { 0, SCSEC_STATUS_PARTIAL, SCSEC_STATUS_PARTIAL,
		                                  SCSEC_STATUS_NOT_MET, SCSEC_STATUS_NOT_APPLICABLE } },
		{ SCSEC_RELATIONSHIP_INTERSECTS_WITH, { 0, SCSEC_STATUS_PARTIAL, SCSEC_STATUS_PARTIAL,
		                                        SCSEC_STATUS_NOT_MET,
		                                        SCSEC_STATUS_NOT_APPLICABLE } },
	};
	size_t i, j;

	for (i = 0; i < sizeof v / sizeof *v; i++)
		for (j = 0; j < 5; j++) {
			scsec_mapping_set *m = set_new();
			scsec_evidence *src = record("a", "1"), *out;
			const scsec_entry *e;

			ck_ok(scsec_mapping_set_add(NULL, m, "s1", "t1", v[i].rel));
			if (statuses[j])
				answer(src, "s1", statuses[j], SCSEC_METHOD_SELF, "2026-01-10", NULL);
			ck_ok(scsec_mapping_derive(&out, src, m, NULL, NULL));
			ck_assert(scsec_evidence_derived(out));
			ck_assert_str_eq(scsec_evidence_criteria_id(out), "b");
			e = scsec_evidence_entry(out, "t1");
			ck_assert_ptr_nonnull(e); /* even unanswered: it says where it would come from */
			ck_assert_msg(scsec_entry_status(e) == v[i].out[j], "%s %s: %s",
			              scsec_relationship_name(v[i].rel), scsec_status_name(statuses[j]),
			              scsec_status_name(scsec_entry_status(e)));
			ck_assert_str_eq(scsec_entry_derived_set(e), "a");
			ck_assert_uint_eq(scsec_entry_derived_source_count(e), 1);
			{
				const char *id;
				scsec_relationship r;
				scsec_status st;

				ck_ok(scsec_entry_derived_source_get(&id, &r, &st, NULL, e, 0));
				ck_assert_str_eq(id, "s1");
				ck_assert_int_eq(r, v[i].rel);
				ck_assert_int_eq(st, statuses[j]);
			}
			if (statuses[j] == SCSEC_STATUS_NOT_APPLICABLE)
				ck_assert_str_eq(scsec_entry_justification(e), "no such systems");
			scsec_evidence_free(out);
			scsec_evidence_free(src);
			scsec_mapping_set_free(m);
		}
	/* no-relationship: nothing carries, not even an empty entry */
	for (j = 0; j < 5; j++) {
		scsec_mapping_set *m = set_new();
		scsec_evidence *src = record("a", "1"), *out;

		ck_ok(scsec_mapping_set_add(NULL, m, "s1", "t1", SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
		ck_ok(scsec_mapping_set_add(NULL, m, "s2", NULL, SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
		if (statuses[j]) {
			answer(src, "s1", statuses[j], SCSEC_METHOD_SELF, NULL, NULL);
			answer(src, "s2", statuses[j], SCSEC_METHOD_SELF, NULL, NULL);
		}
		ck_ok(scsec_mapping_derive(&out, src, m, NULL, NULL));
		ck_assert_uint_eq(scsec_evidence_entry_count(out), 0);
		scsec_evidence_free(out);
		scsec_evidence_free(src);
		scsec_mapping_set_free(m);
	}
}
END_TEST

/* Rules 2 to 4: several sources, days, methods. */
START_TEST(test_vectors_combined)
{
	scsec_mapping_set *m = set_new();
	scsec_evidence *src = record("a", "1"), *out;
	const scsec_entry *e;
	char day[SCSEC_DATE_BUFSIZE];
	size_t i, j;

	ck_ok(scsec_mapping_set_add(NULL, m, "s1", "t", SCSEC_RELATIONSHIP_EQUAL_TO));
	ck_ok(scsec_mapping_set_add(NULL, m, "s2", "t", SCSEC_RELATIONSHIP_SUPERSET_OF));
	ck_ok(scsec_mapping_set_add(NULL, m, "s3", "u", SCSEC_RELATIONSHIP_EQUAL_TO));
	ck_ok(scsec_mapping_set_add(NULL, m, "s4", "u", SCSEC_RELATIONSHIP_EQUAL_TO));
	/* every pair of statuses: the more restrictive wins */
	for (i = 0; i < 5; i++)
		for (j = 0; j < 5; j++) {
			scsec_evidence *r = record("a", "1");
			scsec_status want = restrictive(statuses[i]) < restrictive(statuses[j]) ? statuses[i]
			                                                                       : statuses[j];

			if (statuses[i])
				answer(r, "s1", statuses[i], SCSEC_METHOD_SELF, NULL, NULL);
			if (statuses[j])
				answer(r, "s2", statuses[j], SCSEC_METHOD_SELF, NULL, NULL);
			ck_ok(scsec_mapping_derive(&out, r, m, NULL, NULL));
			ck_assert_int_eq(derived_status(out, "t"), want);
			scsec_evidence_free(out);
			scsec_evidence_free(r);
		}
	/* days: the earliest; method: the weakest, capped unless accepted */
	answer(src, "s1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-02-01", "2027-01-31");
	answer(src, "s2", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED, "2026-03-01", "2026-12-31");
	answer(src, "s3", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-01-05", NULL);
	answer(src, "s4", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-01-07", "2026-06-30");
	ck_ok(scsec_mapping_derive(&out, src, m, NULL, NULL));
	e = scsec_evidence_entry(out, "t");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_SELF); /* nothing accepted */
	ck_ok(scsec_date_format(day, scsec_entry_assessed_on(e)));
	ck_assert_str_eq(day, "2026-02-01");
	ck_ok(scsec_date_format(day, scsec_entry_expires_on(e)));
	ck_assert_str_eq(day, "2026-12-31");
	ck_assert_uint_eq(scsec_entry_derived_source_count(e), 2);
	e = scsec_evidence_entry(out, "u");
	ck_ok(scsec_date_format(day, scsec_entry_expires_on(e)));
	ck_assert_str_eq(day, "2026-06-30");
	scsec_evidence_free(out);
	/* accepting expert-reviewed: the weakest (expert-reviewed) carries at t */
	ck_ok(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_EXPERT_REVIEWED, 1));
	ck_ok(scsec_mapping_derive(&out, src, m, NULL, NULL));
	ck_assert_int_eq(scsec_entry_method(scsec_evidence_entry(out, "t")),
	                 SCSEC_METHOD_EXPERT_REVIEWED);
	/* third-party is not accepted: capped at self */
	ck_assert_int_eq(scsec_entry_method(scsec_evidence_entry(out, "u")), SCSEC_METHOD_SELF);
	scsec_evidence_free(out);
	ck_ok(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_THIRD_PARTY, 1));
	ck_ok(scsec_mapping_derive(&out, src, m, NULL, NULL));
	ck_assert_int_eq(scsec_entry_method(scsec_evidence_entry(out, "u")), SCSEC_METHOD_THIRD_PARTY);
	scsec_evidence_free(out);
	scsec_evidence_free(src);
	scsec_mapping_set_free(m);
}
END_TEST

/* Provenance survives the XML form; records without it read as before. */
START_TEST(test_provenance_xml)
{
	scsec_mapping_set *m = set_new();
	scsec_evidence *src = record("a", "1"), *out, *back;
	const char *mid, *sid;
	scsec_entry *e;
	char *xml, *xml2;
	size_t n;

	ck_ok(scsec_mapping_set_add(NULL, m, "s1", "t", SCSEC_RELATIONSHIP_INTERSECTS_WITH));
	ck_ok(scsec_mapping_set_add(NULL, m, "s2", "t", SCSEC_RELATIONSHIP_EQUAL_TO));
	answer(src, "s1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-01-01", NULL);
	ck_ok(scsec_evidence_set_subject_name(src, "Kitakaze"));
	ck_ok(scsec_mapping_derive(&out, src, m, NULL, NULL));
	/* s2 unanswered: missing beats met-become-partial? no: partial is more restrictive */
	ck_assert_int_eq(derived_status(out, "t"), SCSEC_STATUS_PARTIAL);
	ck_assert_str_eq(scsec_evidence_subject_name(out), "Kitakaze");
	ck_ok(scsec_evidence_write_memory(&xml, &n, out));
	ck_assert_ptr_nonnull(strstr(xml, "<derived mapping=\"a-to-b\""));
	ck_assert_ptr_nonnull(strstr(xml, "<source id=\"s1\" relationship=\"intersects-with\" "
	                                  "status=\"met\" method=\"third-party\"/>"));
	ck_assert_ptr_nonnull(strstr(xml, "<source id=\"s2\" relationship=\"equal-to\"/>"));
	{
		scsec_load_options *o;

		ck_ok(scsec_load_options_new(&o));
		ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_ALWAYS));
		ck_ok(scsec_evidence_load_memory(&back, xml, n, "d.xml", o, NULL));
		scsec_load_options_free(o);
	}
	ck_ok(scsec_evidence_derivation_get(&mid, NULL, &sid, NULL, back));
	ck_assert_str_eq(mid, "a-to-b");
	ck_assert_str_eq(sid, "a");
	ck_ok(scsec_evidence_write_memory(&xml2, NULL, back));
	ck_assert_str_eq(xml, xml2);
	scsec_free(xml2);
	scsec_evidence_free(back);
	/* structure rules agree */
	ck_ok(scsec_evidence_load_memory(&back, xml, n, "d.xml", NULL, NULL));
	ck_assert_uint_eq(scsec_entry_derived_source_count(scsec_evidence_entry(back, "t")), 2);
	scsec_evidence_free(back);
	scsec_free(xml);
	/* the review flag */
	ck_ok(scsec_entry_dup(&e, scsec_evidence_entry(out, "t")));
	ck_ok(scsec_entry_set_review(e, 1));
	ck_ok(scsec_evidence_replace(out, e));
	ck_ok(scsec_evidence_write_memory(&xml, &n, out));
	ck_assert_ptr_nonnull(strstr(xml, "review=\"true\""));
	ck_ok(scsec_evidence_load_memory(&back, xml, n, "d.xml", NULL, NULL));
	ck_assert(scsec_entry_review(scsec_evidence_entry(back, "t")));
	scsec_evidence_free(back);
	scsec_free(xml);
	/* not derived any more */
	ck_ok(scsec_evidence_set_derivation(out, NULL, NULL, NULL, NULL));
	ck_assert(!scsec_evidence_derived(out));
	ck_assert_int_eq(scsec_evidence_derivation_get(&mid, NULL, NULL, NULL, out), SCSEC_ENOTFOUND);
	scsec_evidence_free(out);
	scsec_evidence_free(src);
	scsec_mapping_set_free(m);
}
END_TEST

START_TEST(test_target_set)
{
	scsec_mapping_set *m;
	scsec_criteria *meti;
	scsec_evidence *src = record("x", "1"), *out;
	scsec_diagnostics *d;

	ck_ok(scsec_criteria_builtin(&meti, NULL));
	ck_ok(scsec_mapping_set_new(&m, "x-to-meti", "1", "x", "1", scsec_criteria_id(meti),
	                            scsec_criteria_version(meti)));
	ck_ok(scsec_mapping_set_add(NULL, m, "a", "1-1-1-1", SCSEC_RELATIONSHIP_EQUAL_TO));
	ck_ok(scsec_mapping_set_add(NULL, m, "a", "no-such", SCSEC_RELATIONSHIP_EQUAL_TO));
	answer(src, "a", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-01-01", NULL);
	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_mapping_derive(&out, src, m, meti, d));
	ck_assert_uint_eq(scsec_evidence_entry_count(out), 1);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(out), scsec_criteria_fingerprint(meti));
	ck_assert_int_eq(scsec_mapping_set_check(m, NULL, meti, NULL), SCSEC_EINVALID);
	scsec_evidence_free(out);
	scsec_diagnostics_free(d);
	scsec_mapping_set_free(m);
	/* a set that is not the mapping's target */
	ck_ok(scsec_mapping_set_new(&m, "x-to-y", "1", "x", "1", "y", "1"));
	ck_assert_int_eq(scsec_mapping_derive(&out, src, m, meti, NULL), SCSEC_EMISMATCH);
	ck_assert_ptr_null(out);
	scsec_mapping_set_free(m);
	scsec_evidence_free(src);
	scsec_criteria_free(meti);
}
END_TEST

/* ------------------------------------------------------------------ built in */

/* The built-in sets: one per framework of the METI set's cross-references,
 * provisional, intersects-with only, every id known to both sets, and as
 * many METI criteria mapped as IPA's sheet cross-references. */
START_TEST(test_builtin_sets)
{
	static const struct {
		const char *framework;
		size_t sources;
	} want[] = { { "iso27001", 147 }, { "gov-unified-r7", 143 }, { "jama-japia", 142 },
		         { "cyber-essentials", 50 }, { "cmmc", 28 } };
	scsec_criteria *meti;
	size_t i, j;

	ck_ok(scsec_criteria_builtin(&meti, NULL));
	ck_assert_uint_eq(scsec_mapping_set_builtin_count(), 6);
	for (i = 0; i < 5; i++) {
		char id[96], rel[96], path[512];
		scsec_mapping_set *m, *inv;
		scsec_criteria *fw;
		size_t sources = 0;
		const char *last = "";

		snprintf(id, sizeof id, "meti-sc-2026-03-to-%s", want[i].framework);
		for (j = 0; j < scsec_mapping_set_builtin_count(); j++)
			if (!strcmp(scsec_mapping_set_builtin_id(j), id))
				break;
		ck_assert_msg(j < 5, "%s is not built in", id);
		ck_ok(scsec_mapping_set_builtin(&m, id));
		ck_assert(scsec_mapping_set_provisional(m));
		snprintf(rel, sizeof rel, "data/criteria/frameworks/%s.xml", want[i].framework);
		ck_ok(scsec_criteria_load_file(&fw, test_srcpath(path, sizeof path, rel), NULL, NULL));
		ck_ok(scsec_mapping_set_check(m, meti, fw, NULL));
		for (j = 0; j < scsec_mapping_set_count(m); j++) {
			const scsec_mapping *x = scsec_mapping_set_at(m, j);

			ck_assert_int_eq(scsec_mapping_relationship(x), SCSEC_RELATIONSHIP_INTERSECTS_WITH);
			if (strcmp(last, scsec_mapping_source(x)))
				sources++;
			last = scsec_mapping_source(x);
		}
		ck_assert_uint_eq(sources, want[i].sources);
		/* the other way round: the framework's answers carried to METI */
		ck_ok(scsec_mapping_set_invert(&inv, m));
		ck_assert_str_eq(scsec_mapping_set_target_id(inv), scsec_criteria_id(meti));
		ck_assert_uint_eq(scsec_mapping_set_count(inv), scsec_mapping_set_count(m));
		ck_ok(scsec_mapping_set_check(inv, fw, meti, NULL));
		scsec_mapping_set_free(inv);
		scsec_criteria_free(fw);
		scsec_mapping_set_free(m);
	}
	ck_assert_int_eq(scsec_mapping_set_builtin(NULL, "x"), SCSEC_EINVAL);
	{
		scsec_mapping_set *m;

		ck_assert_int_eq(scsec_mapping_set_builtin(&m, "no-such"), SCSEC_ENOTFOUND);
	}
	scsec_criteria_free(meti);
}
END_TEST

START_TEST(test_invert)
{
	scsec_mapping_set *m = set_new(), *inv;

	ck_ok(scsec_mapping_set_add(NULL, m, "s1", "t1", SCSEC_RELATIONSHIP_SUBSET_OF));
	ck_ok(scsec_mapping_set_add(NULL, m, "s2", "t1", SCSEC_RELATIONSHIP_SUPERSET_OF));
	ck_ok(scsec_mapping_set_add(NULL, m, "s3", NULL, SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
	ck_ok(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_THIRD_PARTY, 1));
	ck_ok(scsec_mapping_set_invert(&inv, m));
	ck_assert_str_eq(scsec_mapping_set_id(inv), "a-to-b-inverse");
	ck_assert_str_eq(scsec_mapping_set_source_id(inv), "b");
	ck_assert_uint_eq(scsec_mapping_set_count(inv), 2);
	ck_assert_int_eq(scsec_mapping_relationship(scsec_mapping_set_find(inv, "t1", "s1")),
	                 SCSEC_RELATIONSHIP_SUPERSET_OF);
	ck_assert_int_eq(scsec_mapping_relationship(scsec_mapping_set_find(inv, "t1", "s2")),
	                 SCSEC_RELATIONSHIP_SUBSET_OF);
	ck_assert(!scsec_mapping_set_accepts(inv, SCSEC_METHOD_THIRD_PARTY));
	scsec_mapping_set_free(inv);
	scsec_mapping_set_free(m);
}
END_TEST

/* ---------------------------------------------------------------- properties */

static unsigned long rng = 12345;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((rng >> 33) % n);
}

#define NSRC 12
#define NTGT 8
#define NMAP 30

typedef struct world {
	char src[NMAP][8];
	char tgt[NMAP][8];
	scsec_relationship rel[NMAP];
	size_t nmap;
	scsec_status st[NSRC];
	scsec_method me[NSRC];
	int day[NSRC];
	unsigned accepted;
} world;

static void world_random(world *w)
{
	size_t i, j;

	memset(w, 0, sizeof *w);
	for (i = 0; i < NMAP; i++) {
		snprintf(w->src[w->nmap], 8, "s%u", rnd(NSRC));
		snprintf(w->tgt[w->nmap], 8, "t%u", rnd(NTGT));
		for (j = 0; j < w->nmap; j++)
			if (!strcmp(w->src[j], w->src[w->nmap]) && !strcmp(w->tgt[j], w->tgt[w->nmap]))
				break;
		if (j < w->nmap)
			continue;
		w->rel[w->nmap] = (scsec_relationship)(1 + rnd(6));
		w->nmap++;
	}
	for (i = 0; i < NSRC; i++) {
		w->st[i] = statuses[rnd(5)];
		w->me[i] = (scsec_method)(1 + rnd(3));
		w->day[i] = 1 + (int)rnd(28);
	}
	w->accepted = rnd(4);
}

/* The set and the record, built in the order `perm` gives (or as is). */
static void world_build(const world *w, scsec_mapping_set **mo, scsec_evidence **eo, int shuffle)
{
	size_t order[NMAP > NSRC ? NMAP : NSRC], i, n;
	scsec_mapping_set *m = set_new();
	scsec_evidence *ev = record("a", "1");

	for (i = 0; i < w->nmap; i++)
		order[i] = i;
	if (shuffle)
		for (i = w->nmap; i > 1; i--) {
			size_t j = rnd((unsigned)i), t = order[i - 1];

			order[i - 1] = order[j];
			order[j] = t;
		}
	for (i = 0; i < w->nmap; i++)
		ck_ok(scsec_mapping_set_add(NULL, m, w->src[order[i]], w->tgt[order[i]],
		                            w->rel[order[i]]));
	if (w->accepted & 1)
		ck_ok(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_EXPERT_REVIEWED, 1));
	if (w->accepted & 2)
		ck_ok(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_THIRD_PARTY, 1));
	n = NSRC;
	for (i = 0; i < n; i++)
		order[i] = shuffle ? n - 1 - i : i;
	for (i = 0; i < n; i++) {
		size_t k = order[i];
		char id[8], day[16];

		if (!w->st[k])
			continue;
		snprintf(id, sizeof id, "s%zu", k);
		snprintf(day, sizeof day, "2026-02-%02d", w->day[k]);
		answer(ev, id, w->st[k], w->me[k], day, NULL);
	}
	*mo = m;
	*eo = ev;
}

static char *derive_xml(const world *w, int shuffle, scsec_evidence **keep)
{
	scsec_mapping_set *m;
	scsec_evidence *ev, *out;
	char *xml;

	world_build(w, &m, &ev, shuffle);
	ck_ok(scsec_mapping_derive(&out, ev, m, NULL, NULL));
	ck_ok(scsec_evidence_write_memory(&xml, NULL, out));
	if (keep)
		*keep = out;
	else
		scsec_evidence_free(out);
	scsec_evidence_free(ev);
	scsec_mapping_set_free(m);
	return xml;
}

START_TEST(test_property_order_independent)
{
	int round;

	for (round = 0; round < 200; round++) {
		world w;
		char *a, *b;

		world_random(&w);
		a = derive_xml(&w, 0, NULL);
		b = derive_xml(&w, 1, NULL);
		ck_assert_str_eq(a, b);
		scsec_free(a);
		scsec_free(b);
	}
}
END_TEST

/* Answered statuses from worse to better. */
static int better(scsec_status s)
{
	return s == SCSEC_STATUS_NOT_MET ? 0 : s == SCSEC_STATUS_PARTIAL ? 1 : 2;
}

START_TEST(test_property_monotonic)
{
	static const scsec_status ladder[] = { SCSEC_STATUS_NOT_MET, SCSEC_STATUS_PARTIAL,
		                                   SCSEC_STATUS_MET };
	int round;

	for (round = 0; round < 200; round++) {
		world w, w2;
		scsec_evidence *a, *b;
		size_t k, t;
		char *x;

		world_random(&w);
		k = rnd(NSRC);
		if (w.st[k] == SCSEC_STATUS_NONE || w.st[k] == SCSEC_STATUS_NOT_APPLICABLE ||
		    w.st[k] == SCSEC_STATUS_MET)
			w.st[k] = ladder[rnd(2)];
		w2 = w;
		w2.st[k] = ladder[better(w.st[k]) + 1 + rnd((unsigned)(2 - better(w.st[k])))];
		ck_assert(better(w2.st[k]) > better(w.st[k]));
		scsec_free(derive_xml(&w, 0, &a));
		x = derive_xml(&w2, 0, &b);
		scsec_free(x);
		for (t = 0; t < NTGT; t++) {
			char id[8];

			snprintf(id, sizeof id, "t%zu", t);
			ck_assert_msg(restrictive(derived_status(b, id)) >= restrictive(derived_status(a, id)),
			              "round %d: %s went from %s to %s", round, id,
			              scsec_status_name(derived_status(a, id)),
			              scsec_status_name(derived_status(b, id)));
		}
		scsec_evidence_free(a);
		scsec_evidence_free(b);
	}
}
END_TEST

START_TEST(test_property_idempotent)
{
	int round;

	for (round = 0; round < 100; round++) {
		world w;
		scsec_evidence *once, *twice;
		scsec_mapping_set *id;
		char *a, *b;
		size_t i;

		world_random(&w);
		a = derive_xml(&w, 0, &once);
		b = derive_xml(&w, 0, NULL);
		ck_assert_str_eq(a, b); /* the same inputs, the same bytes */
		/* through the identity mapping of the target, which accepts every
		 * method: the same statuses, methods and days */
		ck_ok(scsec_mapping_set_new(&id, "b-to-b", "1", "b", "1", "b", "1"));
		ck_ok(scsec_mapping_set_set_accepted(id, SCSEC_METHOD_EXPERT_REVIEWED, 1));
		ck_ok(scsec_mapping_set_set_accepted(id, SCSEC_METHOD_THIRD_PARTY, 1));
		for (i = 0; i < scsec_evidence_entry_count(once); i++)
			ck_ok(scsec_mapping_set_add(NULL, id, scsec_entry_id(scsec_evidence_entry_at(once, i)),
			                            scsec_entry_id(scsec_evidence_entry_at(once, i)),
			                            SCSEC_RELATIONSHIP_EQUAL_TO));
		ck_ok(scsec_mapping_derive(&twice, once, id, NULL, NULL));
		ck_assert_uint_eq(scsec_evidence_entry_count(twice), scsec_evidence_entry_count(once));
		for (i = 0; i < scsec_evidence_entry_count(once); i++) {
			const scsec_entry *x = scsec_evidence_entry_at(once, i);
			const scsec_entry *y = scsec_evidence_entry(twice, scsec_entry_id(x));

			ck_assert_ptr_nonnull(y);
			ck_assert_int_eq(scsec_entry_status(x), scsec_entry_status(y));
			ck_assert_int_eq(scsec_entry_method(x), scsec_entry_method(y));
			ck_assert_int_eq(scsec_entry_assessed_on(x), scsec_entry_assessed_on(y));
			ck_assert_int_eq(scsec_entry_expires_on(x), scsec_entry_expires_on(y));
		}
		scsec_evidence_free(twice);
		scsec_evidence_free(once);
		scsec_mapping_set_free(id);
		scsec_free(a);
		scsec_free(b);
	}
}
END_TEST

/* A derived entry never counts as stronger than self unless accepted. */
START_TEST(test_property_method_cap)
{
	int round;

	for (round = 0; round < 200; round++) {
		world w;
		scsec_evidence *out;
		size_t i;

		world_random(&w);
		scsec_free(derive_xml(&w, 0, &out));
		for (i = 0; i < scsec_evidence_entry_count(out); i++) {
			scsec_method me = scsec_entry_method(scsec_evidence_entry_at(out, i));

			if (me == SCSEC_METHOD_EXPERT_REVIEWED)
				ck_assert(w.accepted & 1);
			if (me == SCSEC_METHOD_THIRD_PARTY)
				ck_assert(w.accepted & 2);
		}
		scsec_evidence_free(out);
	}
}
END_TEST

/* ------------------------------------------------------------- revisions */

typedef struct rcrit {
	const char *id;
	int level;
	const char *text;
	const char *ref; /* iso27001 clauses, or NULL */
} rcrit;

/* A criteria set of two levels with the criteria given, in the order given
 * (reverse: the other way round). */
static scsec_criteria *rev_set(const char *version, const rcrit *c, size_t n, int reverse)
{
	char *doc = malloc(65536), *p;
	scsec_criteria *out;
	size_t i;

	ck_assert_ptr_nonnull(doc);
	p = doc + sprintf(doc,
	                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                  "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"rev\" version=\"%s\">\n"
	                  "<title xml:lang=\"en\">rev</title><framework id=\"iso27001\" title=\"ISO\"/>\n"
	                  "<scoring model=\"all-required\"/>\n"
	                  "<prerequisite id=\"pledge\"><title xml:lang=\"en\">pledge</title></prerequisite>\n"
	                  "<level rank=\"1\" label=\"L1\" method=\"self\" validity=\"P1Y\" requires-lower=\"false\">"
	                  "<title xml:lang=\"en\">one</title><requires ref=\"pledge\"/></level>\n"
	                  "<level rank=\"2\" label=\"L2\" method=\"third-party\" validity=\"P1Y\" requires-lower=\"false\">"
	                  "<title xml:lang=\"en\">two</title></level>\n"
	                  "<category id=\"c\" function=\"GV\"><title xml:lang=\"en\">c</title>\n",
	                  version);
	for (i = 0; i < n; i++) {
		const rcrit *k = &c[reverse ? n - 1 - i : i];

		p += sprintf(p,
		             "<requirement id=\"q-%s\"><name xml:lang=\"en\">%s</name>"
		             "<criterion id=\"%s\" level=\"%d\"><text xml:lang=\"en\">%s</text>",
		             k->id, k->id, k->id, k->level, k->text);
		if (k->ref)
			p += sprintf(p, "<ref framework=\"iso27001\">%s</ref>", k->ref);
		p += sprintf(p, "</criterion></requirement>\n");
	}
	strcpy(p, "</category></criteria-set>\n");
	ck_ok(scsec_criteria_load_memory(&out, doc, strlen(doc), "rev.xml", NULL, NULL));
	free(doc);
	return out;
}

static const rcrit rev_old[] = {
	{ "k1", 1, "Keep an inventory of all hardware assets.", NULL },
	{ "w1", 1, "Back up important data every week to offline media.", NULL },
	{ "r1", 1, "Train every employee on phishing once a year.", NULL },
	{ "r2", 1, "Review the firewall rules each quarter and record the review.", NULL },
	{ "lv", 1, "Encrypt laptops with full-disk encryption.", NULL },
	{ "rf", 1, "Log administrator access to servers.", "A.8.15" },
	{ "gone", 2, "Fax machines are disabled.", NULL },
	{ "s1", 1, "Patch servers within fourteen days of a release.", NULL },
	{ "s2", 2, "Scan servers for vulnerabilities every month.", NULL },
};
static const rcrit rev_new[] = {
	{ "k1", 1, "Keep an inventory   of all hardware\nassets.", NULL }, /* white space only */
	{ "w1", 1, "Back up important data every day to offline media.", NULL },
	{ "r9", 1, "Train every employee on phishing once a year.", NULL },
	{ "r8", 1, "Review the firewall rules each quarter and record every review.", NULL },
	{ "lv", 2, "Encrypt laptops with full-disk encryption.", NULL },
	{ "rf", 1, "Log administrator access to servers.", "A.8.16" },
	{ "add", 1, "Use multi-factor authentication for remote access.", NULL },
	{ "s1", 2, "Scan servers for vulnerabilities every month.", NULL },
};

typedef struct rexp {
	const char *old_id, *new_id;
	scsec_diff_class cls;
	unsigned changes;
} rexp;

START_TEST(test_diff_classes)
{
	static const rexp want[] = {
		{ "gone", NULL, SCSEC_DIFF_REMOVED, 0 },
		{ "k1", "k1", SCSEC_DIFF_KEPT, 0 },
		{ "lv", "lv", SCSEC_DIFF_KEPT, SCSEC_DIFF_LEVEL_CHANGED },
		{ "r1", "r9", SCSEC_DIFF_RENUMBERED, 0 },
		{ "r2", "r8", SCSEC_DIFF_RENUMBERED, SCSEC_DIFF_TEXT_CHANGED },
		{ "rf", "rf", SCSEC_DIFF_KEPT, SCSEC_DIFF_REFERENCES_CHANGED },
		{ "s1", NULL, SCSEC_DIFF_REMOVED, 0 },
		{ "s2", "s1", SCSEC_DIFF_RENUMBERED, 0 },
		{ "w1", "w1", SCSEC_DIFF_REWORDED, SCSEC_DIFF_TEXT_CHANGED },
		{ NULL, "add", SCSEC_DIFF_ADDED, 0 },
	};
	scsec_criteria *o = rev_set("1", rev_old, 9, 0), *n = rev_set("2", rev_new, 8, 0);
	scsec_criteria_diff *d;
	size_t i;

	ck_ok(scsec_criteria_diff_new(&d, o, n));
	ck_assert_uint_eq(scsec_criteria_diff_count(d), sizeof want / sizeof want[0]);
	for (i = 0; i < scsec_criteria_diff_count(d); i++) {
		const char *oid = "?", *nid = "?";
		scsec_diff_class cls;
		unsigned ch;
		double sim;

		ck_ok(scsec_criteria_diff_get(&oid, &nid, &cls, &ch, &sim, d, i));
		ck_assert_msg((!oid && !want[i].old_id) || (oid && want[i].old_id && !strcmp(oid, want[i].old_id)),
		              "item %zu: old %s", i, oid ? oid : "(none)");
		ck_assert_msg((!nid && !want[i].new_id) || (nid && want[i].new_id && !strcmp(nid, want[i].new_id)),
		              "item %zu: new %s", i, nid ? nid : "(none)");
		ck_assert_int_eq(cls, want[i].cls);
		ck_assert_uint_eq(ch, want[i].changes);
		if (!oid || !nid)
			ck_assert(sim == -1.0);
		else if (ch & SCSEC_DIFF_TEXT_CHANGED)
			ck_assert(sim >= 0.5 && sim < 1.0);
		else
			ck_assert(sim == 1.0);
	}
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_KEPT), 3);
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_REMOVED), 2);
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_ADDED), 1);
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_RENUMBERED), 3);
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_REWORDED), 1);
	ck_assert_int_eq(scsec_criteria_diff_get(NULL, NULL, NULL, NULL, NULL, d, 99), SCSEC_EINVAL);
	{
		scsec_criteria_diff *none;

		ck_assert_int_eq(scsec_criteria_diff_new(&none, NULL, n), SCSEC_EINVAL);
		ck_assert_ptr_null(none);
	}
	ck_assert_str_eq(scsec_diff_class_name(SCSEC_DIFF_RENUMBERED), "renumbered");
	scsec_criteria_diff_free(d);
	scsec_criteria_free(o);
	scsec_criteria_free(n);
}
END_TEST

/* The similarity figure: the Dice coefficient of code-point bigrams. */
START_TEST(test_diff_similarity)
{
	static const rcrit a[] = { { "x", 1, "abcd", NULL } }, b[] = { { "x", 1, "abce", NULL } };
	scsec_criteria *o = rev_set("1", a, 1, 0), *n = rev_set("2", b, 1, 0);
	scsec_criteria_diff *d;
	double sim;

	/* ab bc cd / ab bc ce: 2 * 2 / 6 */
	ck_ok(scsec_criteria_diff_new(&d, o, n));
	ck_ok(scsec_criteria_diff_get(NULL, NULL, NULL, NULL, &sim, d, 0));
	ck_assert_int_eq((int)(sim * 1000 + 0.5), 667);
	scsec_criteria_diff_free(d);
	scsec_criteria_free(o);
	scsec_criteria_free(n);
}
END_TEST

static char *revision_xml(const scsec_criteria *o, const scsec_criteria *n)
{
	scsec_criteria_diff *d;
	scsec_mapping_set *m;
	char *xml;

	ck_ok(scsec_criteria_diff_new(&d, o, n));
	ck_ok(scsec_criteria_diff_mapping(&m, d, "rev-1-to-2", "1", NULL, NULL));
	ck_ok(scsec_mapping_set_write_memory(&xml, NULL, m));
	scsec_mapping_set_free(m);
	scsec_criteria_diff_free(d);
	return xml;
}

START_TEST(test_diff_mapping)
{
	scsec_criteria *o = rev_set("1", rev_old, 9, 0), *n = rev_set("2", rev_new, 8, 0);
	scsec_criteria *o2 = rev_set("1", rev_old, 9, 1), *n2 = rev_set("2", rev_new, 8, 1);
	scsec_criteria_diff *d;
	scsec_mapping_set *m, *back;
	char *xml = revision_xml(o, n), *again = revision_xml(o2, n2);
	struct { const char *s, *t; scsec_relationship r; } want[] = {
		{ "k1", "k1", SCSEC_RELATIONSHIP_EQUAL_TO },
		{ "w1", "w1", SCSEC_RELATIONSHIP_EQUIVALENT_TO },
		{ "r1", "r9", SCSEC_RELATIONSHIP_EQUAL_TO },
		{ "r2", "r8", SCSEC_RELATIONSHIP_EQUIVALENT_TO },
		{ "lv", "lv", SCSEC_RELATIONSHIP_EQUAL_TO },
		{ "gone", NULL, SCSEC_RELATIONSHIP_NO_RELATIONSHIP },
		{ "s2", "s1", SCSEC_RELATIONSHIP_EQUAL_TO },
		{ "pledge", "pledge", SCSEC_RELATIONSHIP_EQUAL_TO },
	};
	size_t i;

	/* Deterministic: the same bytes whatever the order of the criteria. */
	ck_assert_str_eq(xml, again);
	ck_ok(scsec_mapping_set_load_memory(&back, xml, strlen(xml), "rev.xml", NULL, NULL));
	ck_assert_int_eq(scsec_mapping_set_check(back, o, n, NULL), 0);
	ck_assert(scsec_mapping_set_provisional(back));
	ck_assert(scsec_mapping_set_accepts(back, SCSEC_METHOD_THIRD_PARTY));
	ck_assert_uint_eq(scsec_mapping_set_count(back), 10); /* 9 old criteria and the prerequisite */
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		const scsec_mapping *mp = scsec_mapping_set_find(back, want[i].s, want[i].t);

		ck_assert_msg(mp != NULL, "%s -> %s", want[i].s, want[i].t ? want[i].t : "nothing");
		ck_assert_int_eq(scsec_mapping_relationship(mp), want[i].r);
	}
	ck_assert_ptr_null(scsec_mapping_set_find(back, "s1", "s1"));
	ck_ok(scsec_criteria_diff_new(&d, o, n));
	ck_ok(scsec_criteria_diff_mapping(&m, d, "x", "1", "1-draft", NULL));
	ck_assert_str_eq(scsec_mapping_set_source_version(m), "1-draft");
	ck_assert_str_eq(scsec_mapping_set_target_version(m), "2");
	scsec_mapping_set_free(m);
	ck_assert_int_eq(scsec_criteria_diff_mapping(&m, d, "bad id!", "1", NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(m);
	scsec_mapping_set_free(back);
	scsec_free(xml);
	scsec_free(again);
	scsec_criteria_diff_free(d);
	scsec_criteria_free(o);
	scsec_criteria_free(n);
	scsec_criteria_free(o2);
	scsec_criteria_free(n2);
}
END_TEST

/* Properties: a set against itself is all kept; what one way removes the
 * other way adds. */
START_TEST(test_diff_properties)
{
	scsec_criteria *o = rev_set("1", rev_old, 9, 0), *n = rev_set("2", rev_new, 8, 0);
	scsec_criteria_diff *d, *back;
	size_t i;

	ck_ok(scsec_criteria_diff_new(&d, o, o));
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_KEPT), 9);
	ck_assert_uint_eq(scsec_criteria_diff_count(d), 9);
	scsec_criteria_diff_free(d);
	ck_ok(scsec_criteria_diff_new(&d, o, n));
	ck_ok(scsec_criteria_diff_new(&back, n, o));
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_REMOVED),
	                  scsec_criteria_diff_class_count(back, SCSEC_DIFF_ADDED));
	ck_assert_uint_eq(scsec_criteria_diff_class_count(d, SCSEC_DIFF_ADDED),
	                  scsec_criteria_diff_class_count(back, SCSEC_DIFF_REMOVED));
	ck_assert_uint_eq(scsec_criteria_diff_count(d), scsec_criteria_diff_count(back));
	/* every pair one way is the same pair the other way */
	for (i = 0; i < scsec_criteria_diff_count(d); i++) {
		const char *a, *b, *x, *y;
		size_t j;
		int found = 0;

		ck_ok(scsec_criteria_diff_get(&a, &b, NULL, NULL, NULL, d, i));
		if (!a || !b)
			continue;
		for (j = 0; j < scsec_criteria_diff_count(back); j++) {
			ck_ok(scsec_criteria_diff_get(&x, &y, NULL, NULL, NULL, back, j));
			if (x && y && !strcmp(x, b) && !strcmp(y, a))
				found = 1;
		}
		ck_assert_msg(found, "%s -> %s has no way back", a, b);
	}
	scsec_criteria_diff_free(d);
	scsec_criteria_diff_free(back);
	scsec_criteria_free(o);
	scsec_criteria_free(n);
}
END_TEST

static scsec_migration_action action_of(const scsec_migration *r, const char *old_id,
                                        const char *new_id)
{
	size_t i;

	for (i = 0; i < scsec_migration_count(r); i++) {
		const char *a, *b;
		scsec_migration_action act;

		ck_ok(scsec_migration_get(&a, &b, &act, r, i));
		if ((!a ? !old_id : old_id && !strcmp(a, old_id)) &&
		    (!b ? !new_id : new_id && !strcmp(b, new_id)))
			return act;
	}
	return 0;
}

START_TEST(test_migrate)
{
	scsec_criteria *o = rev_set("1", rev_old, 9, 0), *n = rev_set("2", rev_new, 8, 0);
	scsec_criteria_diff *d;
	scsec_mapping_set *m;
	scsec_evidence *rec = record("rev", "1"), *mig;
	scsec_migration *r;
	const scsec_entry *e;
	size_t i;

	ck_ok(scsec_criteria_diff_new(&d, o, n));
	ck_ok(scsec_criteria_diff_mapping(&m, d, "rev-1-to-2", "1", NULL, NULL));
	/* A reviewer's fixes: s1 -> s1 intersects (and a mapping to an id the
	 * new revision does not have). */
	ck_ok(scsec_mapping_set_add(NULL, m, "s1", "s1", SCSEC_RELATIONSHIP_INTERSECTS_WITH));
	ck_ok(scsec_mapping_set_remove(m, "s1", NULL));
	ck_ok(scsec_mapping_set_add(NULL, m, "lv", "nowhere", SCSEC_RELATIONSHIP_EQUAL_TO));
	answer(rec, "k1", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-01-05", NULL);
	answer(rec, "w1", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "r1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "r2", SCSEC_STATUS_MET, SCSEC_METHOD_EXPERT_REVIEWED, "2026-01-05", NULL);
	answer(rec, "lv", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "gone", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "s1", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "s2", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "stray", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	answer(rec, "pledge", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-01-05", NULL);
	ck_ok(scsec_evidence_migrate(&mig, &r, rec, m, n, NULL));
	ck_assert_str_eq(scsec_evidence_criteria_version(mig), "2");
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(mig), scsec_criteria_fingerprint(n));
	/* kept: as it was, no review; the method carries (the set accepts it) */
	ck_assert_int_eq(action_of(r, "k1", "k1"), SCSEC_MIGRATION_KEPT);
	e = scsec_evidence_entry(mig, "k1");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_THIRD_PARTY);
	ck_assert(!scsec_entry_review(e));
	/* reworded: the answer stays, flagged */
	ck_assert_int_eq(action_of(r, "w1", "w1"), SCSEC_MIGRATION_REVIEW);
	e = scsec_evidence_entry(mig, "w1");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_PARTIAL);
	ck_assert(scsec_entry_review(e));
	/* renumbered: follows its criterion */
	ck_assert_int_eq(action_of(r, "r1", "r9"), SCSEC_MIGRATION_RENUMBERED);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(mig, "r9")), SCSEC_STATUS_NOT_MET);
	ck_assert_ptr_null(scsec_evidence_entry(mig, "r1"));
	/* renumbered and reworded: follows, flagged */
	ck_assert_int_eq(action_of(r, "r2", "r8"), SCSEC_MIGRATION_REVIEW);
	e = scsec_evidence_entry(mig, "r8");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert(scsec_entry_review(e));
	/* moved between levels: the answer stays */
	ck_assert_int_eq(action_of(r, "lv", "lv"), SCSEC_MIGRATION_KEPT);
	ck_assert_int_eq(action_of(r, "lv", "nowhere"), SCSEC_MIGRATION_LEFT_OUT);
	/* removed, unmapped: dropped and reported */
	ck_assert_int_eq(action_of(r, "gone", NULL), SCSEC_MIGRATION_REMOVED);
	ck_assert_int_eq(action_of(r, "stray", NULL), SCSEC_MIGRATION_UNMAPPED);
	ck_assert_ptr_null(scsec_evidence_entry(mig, "gone"));
	ck_assert_ptr_null(scsec_evidence_entry(mig, "stray"));
	/* the reviewer's intersects-with and the renumbered s2 both reach s1:
	 * met through intersects-with is partial, more restrictive than n/a */
	ck_assert_int_eq(action_of(r, "s1", "s1"), SCSEC_MIGRATION_REVIEW);
	ck_assert_int_eq(action_of(r, "s2", "s1"), SCSEC_MIGRATION_REVIEW);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(mig, "s1")), SCSEC_STATUS_PARTIAL);
	/* new: missing */
	ck_assert_int_eq(action_of(r, NULL, "add"), SCSEC_MIGRATION_MISSING);
	ck_assert_ptr_null(scsec_evidence_entry(mig, "add"));
	/* the prerequisite carries */
	ck_assert_int_eq(action_of(r, "pledge", "pledge"), SCSEC_MIGRATION_KEPT);
	/* ordered by old id, the missing last */
	for (i = 1; i < scsec_migration_count(r); i++) {
		const char *a, *b;

		ck_ok(scsec_migration_get(&a, NULL, NULL, r, i - 1));
		ck_ok(scsec_migration_get(&b, NULL, NULL, r, i));
		ck_assert(b == NULL || (a != NULL && strcmp(a, b) <= 0) || !strcmp(a, "stray"));
	}
	ck_assert_int_eq(scsec_migration_get(NULL, NULL, NULL, r, 999), SCSEC_EINVAL);
	{
		scsec_evidence *none;

		ck_assert_int_eq(scsec_evidence_migrate(&none, NULL, rec, m, o, NULL), SCSEC_EMISMATCH);
		ck_assert_ptr_null(none);
		ck_assert_int_eq(scsec_evidence_migrate(&none, NULL, NULL, m, n, NULL), SCSEC_EINVAL);
		ck_assert_ptr_null(none);
	}
	ck_assert_str_eq(scsec_migration_action_name(SCSEC_MIGRATION_LEFT_OUT), "left-out");
	scsec_migration_free(r);
	scsec_evidence_free(mig);
	scsec_evidence_free(rec);
	scsec_mapping_set_free(m);
	scsec_criteria_diff_free(d);
	scsec_criteria_free(o);
	scsec_criteria_free(n);
}
END_TEST

/* Property: through the revision set of a set against itself, a random
 * record migrates to the same statuses, methods and days, none flagged. */
START_TEST(test_migrate_identity)
{
	static const scsec_status st[] = { SCSEC_STATUS_MET, SCSEC_STATUS_PARTIAL,
		                           SCSEC_STATUS_NOT_MET, SCSEC_STATUS_NOT_APPLICABLE };
	static const scsec_method me[] = { SCSEC_METHOD_SELF, SCSEC_METHOD_EXPERT_REVIEWED,
		                           SCSEC_METHOD_THIRD_PARTY };
	scsec_criteria *o = rev_set("1", rev_old, 9, 0);
	scsec_criteria_diff *d;
	scsec_mapping_set *m;
	int round;

	ck_ok(scsec_criteria_diff_new(&d, o, o));
	ck_ok(scsec_criteria_diff_mapping(&m, d, "same", "1", NULL, NULL));
	for (round = 0; round < 50; round++) {
		scsec_evidence *rec = record("rev", "1"), *mig;
		size_t i;

		for (i = 0; i < 9; i++)
			if (rnd(5))
				answer(rec, rev_old[i].id, st[rnd(4)], me[rnd(3)], "2026-02-01", NULL);
		ck_ok(scsec_evidence_migrate(&mig, NULL, rec, m, o, NULL));
		for (i = 0; i < 9; i++) {
			const scsec_entry *a = scsec_evidence_entry(rec, rev_old[i].id);
			const scsec_entry *b = scsec_evidence_entry(mig, rev_old[i].id);

			if (!a)
				continue;
			ck_assert_ptr_nonnull(b);
			ck_assert_int_eq(scsec_entry_status(a), scsec_entry_status(b));
			ck_assert_int_eq(scsec_entry_method(a), scsec_entry_method(b));
			ck_assert_int_eq(scsec_entry_assessed_on(a), scsec_entry_assessed_on(b));
			ck_assert(!scsec_entry_review(b));
		}
		scsec_evidence_free(mig);
		scsec_evidence_free(rec);
	}
	scsec_mapping_set_free(m);
	scsec_criteria_diff_free(d);
	scsec_criteria_free(o);
}
END_TEST


/* The OSCAL mapping-collection: arguments, a set with no map refused, the
 * members the JSON carries (the schema check is tests/oscal/test_oscal.py). */
START_TEST(test_oscal_export)
{
	scsec_mapping_set *m = NULL;
	char *doc = (char *)"x";
	size_t n = 9;

	ck_ok(scsec_mapping_set_new(&m, "a-to-b", "1", "a", "1", "b", "1"));
	ck_assert_int_eq(scsec_mapping_set_oscal(NULL, &n, m), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_mapping_set_oscal(&doc, &n, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(doc);
	ck_assert_uint_eq(n, 0);
	ck_ok(scsec_mapping_set_add(NULL, m, "s1", NULL, SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
	ck_assert_int_eq(scsec_mapping_set_oscal(&doc, &n, m), SCSEC_EINVAL);
	ck_assert_ptr_null(doc);
	ck_ok(scsec_mapping_set_add(NULL, m, "s2", "t2", SCSEC_RELATIONSHIP_SUBSET_OF));
	ck_ok(scsec_mapping_set_oscal(&doc, &n, m));
	ck_assert_uint_eq(n, strlen(doc));
	ck_assert_ptr_nonnull(strstr(doc, "\"mapping-collection\""));
	ck_assert_ptr_nonnull(strstr(doc, "\"relationship\": \"subset-of\""));
	ck_assert_ptr_nonnull(strstr(doc, "\"with-ids\": [\n"));
	ck_assert_ptr_nonnull(strstr(doc, "urn:scsec:criteria:b:1"));
	scsec_free(doc);
	ck_ok(scsec_mapping_set_oscal(&doc, NULL, m));
	scsec_free(doc);
	scsec_mapping_set_free(m);
}
END_TEST

/* The set written as OSCAL, read back: the same set, in its XML form. */
static void oscal_same(const scsec_mapping_set *m)
{
	scsec_mapping_set *back = NULL, *sniffed = NULL;
	char *doc = NULL, *a = NULL, *b = NULL, *c = NULL;
	size_t n, na, nb, nc;

	ck_ok(scsec_mapping_set_oscal(&doc, &n, m));
	ck_ok(scsec_mapping_set_load_oscal_memory(&back, doc, n, "m.json", NULL, NULL));
	ck_ok(scsec_mapping_set_load_memory(&sniffed, doc, n, "m.json", NULL, NULL));
	ck_ok(scsec_mapping_set_write_memory(&a, &na, m));
	ck_ok(scsec_mapping_set_write_memory(&b, &nb, back));
	ck_ok(scsec_mapping_set_write_memory(&c, &nc, sniffed));
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(a, c);
	scsec_free(a);
	scsec_free(b);
	scsec_free(c);
	scsec_free(doc);
	scsec_mapping_set_free(back);
	scsec_mapping_set_free(sniffed);
}

/* Export, import: every built-in set and one using every member, with ids
 * the export rewrites (a leading digit, ':'), comes back the same. */
START_TEST(test_oscal_import_round_trip)
{
	scsec_mapping_set *m;
	scsec_mapping *it;
	size_t i;

	ck_assert_uint_gt(scsec_mapping_set_builtin_count(), 0);
	for (i = 0; i < scsec_mapping_set_builtin_count(); i++) {
		ck_ok(scsec_mapping_set_builtin(&m, scsec_mapping_set_builtin_id(i)));
		oscal_same(m);
		scsec_mapping_set_free(m);
	}
	ck_ok(scsec_mapping_set_new(&m, "x:y", "2.1", "src:set", "1", "tgt", "2026"));
	ck_ok(scsec_mapping_set_add(&it, m, "1-1", "a:1", SCSEC_RELATIONSHIP_SUBSET_OF));
	ck_ok(scsec_mapping_set_strength(it, 0.125));
	ck_ok(scsec_mapping_set_coverage_value(it, 1));
	ck_ok(scsec_mapping_set_rationale(it, SCSEC_RATIONALE_FUNCTIONAL));
	ck_ok(scsec_mapping_set_note(it, "partly: only the policy"));
	ck_ok(scsec_mapping_set_add(&it, m, "1-1", "b", SCSEC_RELATIONSHIP_EQUAL_TO));
	ck_ok(scsec_mapping_set_add(NULL, m, "2:x", NULL, SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
	ck_ok(scsec_mapping_set_add(&it, m, "3:y", NULL, SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
	ck_ok(scsec_mapping_set_note(it, "removed"));
	ck_ok(scsec_mapping_set_add(NULL, m, "c", "d", SCSEC_RELATIONSHIP_NO_RELATIONSHIP));
	oscal_same(m);
	ck_ok(scsec_mapping_set_set_provisional(m, 1));
	ck_ok(scsec_mapping_set_set_accepted(m, SCSEC_METHOD_THIRD_PARTY, 1));
	ck_ok(scsec_mapping_set_set_title(m, "Source to target"));
	oscal_same(m);
	scsec_mapping_set_free(m);
}
END_TEST

static const char oscal_head[] =
	"{\"mapping-collection\": {\"uuid\": \"0b6c2f8e-3f4e-5d7a-8a34-1b1e3c2d4f50\",\n"
	" \"metadata\": {\"title\": \"T\", \"version\": \"1\", \"last-modified\": "
	"\"2026-01-01T00:00:00Z\", \"oscal-version\": \"1.2.0\"},\n"
	" \"provenance\": {\"method\": \"human\", \"matching-rationale\": \"semantic\", "
	"\"status\": \"complete\", \"mapping-description\": \"d\"},\n"
	" \"mappings\": [{\"uuid\": \"0b6c2f8e-3f4e-5d7a-8a34-1b1e3c2d4f51\",\n"
	"  \"source-resource\": {\"type\": \"catalog\", \"href\": \"urn:scsec:criteria:a:1\"},\n"
	"  \"target-resource\": {\"type\": \"catalog\", \"href\": \"urn:scsec:criteria:b:2\"},\n"
	"  \"maps\": [";

/* A document with the maps given (or the whole text when it is one): refused with code, the message naming needle (a JSON pointer). */
static void oscal_refused(const char *maps, int code, const char *needle)
{
	char doc[4096];
	scsec_mapping_set *m = (scsec_mapping_set *)1;
	scsec_diagnostics *d;
	int rc;

	if (!strncmp(maps, "{\"mapping-collection\"", 21) || !strncmp(maps, "{\"catalog\"", 10))
		snprintf(doc, sizeof doc, "%s", maps);
	else
		snprintf(doc, sizeof doc, "%s%s]}]}}\n", oscal_head, maps);
	ck_ok(scsec_diagnostics_new(&d));
	rc = scsec_mapping_set_load_oscal_memory(&m, doc, strlen(doc), "bad.json", NULL, d);
	ck_assert_msg(rc == code, "%d for %s: %s", rc, maps, scsec_error_message(scsec_error_last()));
	ck_assert_ptr_null(m);
	ck_assert_uint_gt(scsec_diagnostics_count(d), 0);
	ck_assert_msg(strstr(scsec_error_message(scsec_error_last()), needle), "%s",
	              scsec_error_message(scsec_error_last()));
	scsec_diagnostics_free(d);
}

#define MAP(rel, more)                                                                             \
	"{\"uuid\": \"0b6c2f8e-3f4e-5d7a-8a34-1b1e3c2d4f52\", \"relationship\": \"" rel "\", "       \
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"s1\"}], "                               \
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"t1\"}]" more "}"

START_TEST(test_oscal_import_errors)
{
	scsec_mapping_set *m = (scsec_mapping_set *)1;
	char doc[4096];

	ck_assert_int_eq(scsec_mapping_set_load_oscal_memory(NULL, "{}", 2, "x", NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_mapping_set_load_oscal_memory(&m, NULL, 2, "x", NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(scsec_mapping_set_load_oscal_file(&m, NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_mapping_set_load_oscal_file(NULL, "x", NULL, NULL), SCSEC_EINVAL);

	/* a good one first: the fixture is sound */
	snprintf(doc, sizeof doc, "%s%s]}]}}\n", oscal_head,
	         MAP("subset-of", ", \"confidence-score\": {\"percentage\": 0.5}"));
	ck_ok(scsec_mapping_set_load_oscal_memory(&m, doc, strlen(doc), "ok.json", NULL, NULL));
	ck_assert_str_eq(scsec_mapping_set_id(m), "0b6c2f8e-3f4e-5d7a-8a34-1b1e3c2d4f50");
	ck_assert_str_eq(scsec_mapping_set_target_version(m), "2");
	ck_assert_uint_eq(scsec_mapping_set_count(m), 1);
	ck_assert(scsec_mapping_strength(scsec_mapping_set_at(m, 0)) == 0.5);
	ck_assert(!scsec_mapping_set_provisional(m));
	scsec_mapping_set_free(m);

	oscal_refused(MAP("overlaps", ""), SCSEC_ESCHEMA, "/mapping-collection/mappings/0/maps/0/relationship");
	oscal_refused(MAP("equal-to", ", \"matching-rationale\": \"guess\""), SCSEC_ESCHEMA,
	              "/maps/0/matching-rationale");
	oscal_refused(MAP("equal-to", ", \"confidence-score\": {\"percentage\": 1.5}"),
	              SCSEC_ESCHEMA, "/maps/0/confidence-score/percentage");
	oscal_refused(MAP("equal-to", ", \"coverage\": {\"target-coverage\": 0.1234}"),
	              SCSEC_ESCHEMA, "/maps/0/coverage/target-coverage");
	oscal_refused(MAP("equal-to", ", \"coverage\": {\"target-coverage\": \"half\"}"),
	              SCSEC_ESCHEMA, "/maps/0/coverage/target-coverage");
	oscal_refused(MAP("equal-to", "") ", " MAP("subset-of", ""), SCSEC_EEXISTS,
	              "/maps/1: 's1' is mapped to 't1' a second time");
	oscal_refused("{\"uuid\": \"u\", \"relationship\": \"equal-to\", \"sources\": [], "
	              "\"targets\": [{\"type\": \"control\", \"id-ref\": \"t1\"}]}",
	              SCSEC_ESCHEMA, "/maps/0/sources");
	oscal_refused("{\"uuid\": \"u\", \"relationship\": \"equal-to\", "
	              "\"sources\": [{\"type\": \"statement\", \"id-ref\": \"s1\"}], "
	              "\"targets\": [{\"type\": \"control\", \"id-ref\": \"t1\"}]}",
	              SCSEC_ESCHEMA, "/maps/0/sources/0");
	oscal_refused("{\"uuid\": \"u\", \"relationship\": \"equal-to\", "
	              "\"sources\": [{\"type\": \"control\", \"id-ref\": \"s 1\"}], "
	              "\"targets\": [{\"type\": \"control\", \"id-ref\": \"t1\"}]}",
	              SCSEC_ESCHEMA, "/maps/0");
	oscal_refused("{\"catalog\": {\"uuid\": \"u\", \"metadata\": {}}}", SCSEC_EINVALID,
	              "not a mapping-collection");
	oscal_refused("{\"mapping-collection\": {\"uuid\": \"u\", \"uuid\": \"v\"}}", SCSEC_EPARSE,
	              "uuid");
	oscal_refused("{\"mapping-collection\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"t\", "
	              "\"version\": \"1\"}, \"provenance\": {\"status\": \"draft\"}, "
	              "\"mappings\": []}}",
	              SCSEC_ESCHEMA, "/mapping-collection/mappings: holds 0 mappings");
	oscal_refused("{\"mapping-collection\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"t\", "
	              "\"version\": \"1\"}, \"provenance\": {\"status\": \"draft\"}, "
	              "\"mappings\": [{\"uuid\": \"u\", \"source-resource\": {\"type\": "
	              "\"catalog\", \"href\": \"https://example.org/c.json\"}, "
	              "\"target-resource\": {\"type\": \"catalog\", \"href\": "
	              "\"urn:scsec:criteria:b:2\"}, \"maps\": []}]}}",
	              SCSEC_ESCHEMA, "/mapping-collection/mappings/0/source-resource");
}
END_TEST

static Suite *mapping_suite(void)
{
	Suite *s = suite_create("mapping");
	TCase *t = tcase_create("format");

	tcase_add_test(t, test_format_round_trip);
	tcase_add_test(t, test_format_errors);
	tcase_add_test(t, test_builder);
	tcase_add_test(t, test_oscal_export);
	tcase_add_test(t, test_oscal_import_round_trip);
	tcase_add_test(t, test_oscal_import_errors);
	suite_add_tcase(s, t);
	t = tcase_create("inference");
	tcase_add_test(t, test_vectors_per_relationship);
	tcase_add_test(t, test_vectors_combined);
	tcase_add_test(t, test_provenance_xml);
	tcase_add_test(t, test_target_set);
	tcase_add_test(t, test_builtin_sets);
	tcase_add_test(t, test_invert);
	suite_add_tcase(s, t);
	t = tcase_create("properties");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, test_property_order_independent);
	tcase_add_test(t, test_property_monotonic);
	tcase_add_test(t, test_property_idempotent);
	tcase_add_test(t, test_property_method_cap);
	suite_add_tcase(s, t);
	t = tcase_create("revisions");
	tcase_add_test(t, test_diff_classes);
	tcase_add_test(t, test_diff_similarity);
	tcase_add_test(t, test_diff_mapping);
	tcase_add_test(t, test_diff_properties);
	tcase_add_test(t, test_migrate);
	tcase_add_test(t, test_migrate_identity);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return test_run(mapping_suite());
}
