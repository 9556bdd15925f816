/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Trust lists and the trust policy (issue 12): every judgement case of
 * model/trust.c on signatures built in C (no xmlsec), and the engine's
 * rule 11 (doc/evaluation.md) on a small set. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "model/evidence.h"
#include "model/trust.h"
#include "util/alloc.h"

#define FP(c) c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c
#define BODY_FP FP("a")
#define EXPERT_FP FP("b")
#define CA_FP FP("c")
#define STRANGER_FP FP("d")

#define T_2026_01_01 INT64_C(1767225600)
#define DAY INT64_C(86400)

static scsec_date D(const char *s)
{
	scsec_date d;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static void facts(scsec__cert_facts *c, const char *fp, const char *subject, const char *issuer,
                  const char *serial, int is_ca)
{
	memset(c, 0, sizeof *c);
	memcpy(c->sha256, fp, 65);
	c->subject = scsec__strdup(subject);
	c->issuer = scsec__strdup(issuer);
	c->serial = scsec__strdup(serial);
	c->not_before = T_2026_01_01 - 365 * DAY;
	c->not_after = T_2026_01_01 + 365 * DAY;
	c->is_ca = is_ca;
}

/* A valid signature by a certificate fp, signed on 2026-01-01, with, when
 * ca is not NULL, the issuing CA above it in the verified chain. */
static void sig(scsec__signature *s, const char *fp, const char *subject, const char *ca)
{
	memset(s, 0, sizeof *s);
	s->valid = 1;
	s->signing_time = T_2026_01_01 + 3600;
	s->nchain = ca ? 2 : 1;
	s->chain = scsec__calloc(s->nchain, sizeof *s->chain);
	facts(&s->chain[0], fp, subject, ca ? "CN=Operator CA" : subject, "0a1B", 0);
	if (ca)
		facts(&s->chain[1], ca, "CN=Operator CA", "CN=Operator CA", "01", 1);
}

static scsec_trust *list(void)
{
	scsec_trust *t;

	ck_ok(scsec_trust_new(&t, "IPA", "2026-01", D("2026-01-01")));
	ck_ok(scsec_trust_add_party_fingerprint(t, "Body One", "evaluation-body", BODY_FP, 0, NULL,
	                                        D("2025-01-01"), D("2027-12-31")));
	ck_ok(scsec_trust_add_party_fingerprint(t, "Expert CA", "expert", CA_FP, 1,
	                                        "CN=Jane Expert,O=Experts", SCSEC_DATE_NONE,
	                                        SCSEC_DATE_NONE));
	return t;
}

static scsec_verdict judge(const scsec_trust *t, const scsec__signature *s, int stale,
                           const char *as_of, const char **party)
{
	const struct scsec_trust_party *p;
	scsec_verdict v = scsec__trust_judge(t, s, stale, D(as_of), &p);

	*party = p ? p->name : NULL;
	return v;
}

START_TEST(test_judge_counted)
{
	scsec_trust *t = list();
	scsec__signature s;
	const char *party;

	sig(&s, BODY_FP, "CN=Body One", NULL);
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_COUNTED);
	ck_assert_str_eq(party, "Body One");
	scsec__signature_dispose(&s);
	/* Through the issuing CA, with the subject the constraint names. */
	sig(&s, EXPERT_FP, "CN=Jane Expert,O=Experts", CA_FP);
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_COUNTED);
	ck_assert_str_eq(party, "Expert CA");
	scsec__signature_dispose(&s);
	scsec_trust_free(t);
}
END_TEST

START_TEST(test_judge_refusals)
{
	scsec_trust *t = list();
	scsec__signature s;
	const char *party;

	/* invalid, then stale, whatever else holds */
	sig(&s, BODY_FP, "CN=Body One", NULL);
	s.valid = 0;
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_INVALID);
	ck_assert_ptr_null(party);
	s.valid = 1;
	ck_assert_int_eq(judge(t, &s, 1, "2026-06-01", &party), SCSEC_VERDICT_STALE);
	/* no signing time */
	s.signing_time = -1;
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_NO_SIGNING_TIME);
	ck_assert_str_eq(party, "Body One");
	/* signed before the party was trusted, and after */
	s.signing_time = T_2026_01_01 - 400 * DAY;
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_NOT_TRUSTED_THEN);
	s.signing_time = T_2026_01_01 + 800 * DAY;
	ck_assert_int_eq(judge(t, &s, 0, "2028-06-01", &party), SCSEC_VERDICT_NOT_TRUSTED_THEN);
	/* the certificate had expired (or was not yet valid) at signing */
	s.signing_time = T_2026_01_01 + 366 * DAY;
	ck_assert_int_eq(judge(t, &s, 0, "2027-06-01", &party), SCSEC_VERDICT_CERT_NOT_VALID);
	s.signing_time = T_2026_01_01;
	s.chain[0].not_before = T_2026_01_01 + 1;
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_CERT_NOT_VALID);
	scsec__signature_dispose(&s);
	/* a stranger; no certificate at all */
	sig(&s, STRANGER_FP, "CN=Body One", NULL);
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_UNKNOWN_PARTY);
	ck_assert_ptr_null(party);
	scsec__signature_dispose(&s);
	memset(&s, 0, sizeof s);
	s.valid = 1;
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_UNKNOWN_PARTY);
	/* issued by the CA, but another subject than the constraint's; or the
	 * CA's fingerprint on the signer's own certificate */
	sig(&s, STRANGER_FP, "CN=Someone Else,O=Experts", CA_FP);
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_UNKNOWN_PARTY);
	scsec__signature_dispose(&s);
	sig(&s, CA_FP, "CN=Jane Expert,O=Experts", NULL);
	ck_assert_int_eq(judge(t, &s, 0, "2026-06-01", &party), SCSEC_VERDICT_UNKNOWN_PARTY);
	scsec__signature_dispose(&s);
	scsec_trust_free(t);
}
END_TEST

START_TEST(test_judge_revoked)
{
	scsec_trust *t = list();
	scsec__signature s;
	const char *party;

	sig(&s, BODY_FP, "CN=Body One", NULL);
	ck_ok(scsec_trust_revoke_fingerprint(t, BODY_FP, D("2026-03-01")));
	/* revoked by the as-of day, not before */
	ck_assert_int_eq(judge(t, &s, 0, "2026-02-28", &party), SCSEC_VERDICT_COUNTED);
	ck_assert_int_eq(judge(t, &s, 0, "2026-03-01", &party), SCSEC_VERDICT_REVOKED);
	ck_assert_str_eq(party, "Body One");
	scsec__signature_dispose(&s);
	/* by issuer and serial (case and leading zeros do not matter) */
	sig(&s, EXPERT_FP, "CN=Jane Expert,O=Experts", CA_FP);
	ck_ok(scsec_trust_revoke_serial(t, "CN=Operator CA", "000A1b", D("2026-05-01")));
	ck_assert_int_eq(judge(t, &s, 0, "2026-04-30", &party), SCSEC_VERDICT_COUNTED);
	ck_assert_int_eq(judge(t, &s, 0, "2026-05-01", &party), SCSEC_VERDICT_REVOKED);
	scsec__signature_dispose(&s);
	ck_assert_uint_eq(scsec_trust_revocation_count(t), 2);
	ck_assert_str_eq(scsec_trust_revocation_serial(scsec_trust_revocation_at(t, 1)), "a1b");
	ck_assert_ptr_null(scsec_trust_revocation_fingerprint(scsec_trust_revocation_at(t, 1)));
	scsec_trust_free(t);
}
END_TEST

START_TEST(test_trust_builders)
{
	scsec_trust *t = list();
	const scsec_trust_party *p;

	ck_assert_str_eq(scsec_trust_operator(t), "IPA");
	ck_assert_str_eq(scsec_trust_version(t), "2026-01");
	ck_assert_int_eq(scsec_trust_verified(t), 0);
	ck_assert_uint_eq(scsec_trust_party_count(t), 2);
	p = scsec_trust_party_at(t, 1);
	ck_assert_str_eq(scsec_trust_party_role(p), "expert");
	ck_assert_int_eq(scsec_trust_party_is_ca(p), 1);
	ck_assert_str_eq(scsec_trust_party_subject(p), "CN=Jane Expert,O=Experts");
	ck_assert_int_eq(scsec_trust_party_from(p), SCSEC_DATE_NONE);
	ck_assert_ptr_null(scsec_trust_party_at(t, 2));
	/* refusals */
	ck_assert_int_eq(scsec_trust_add_party_fingerprint(t, "Body One", "expert", EXPERT_FP, 0,
	                                                   NULL, SCSEC_DATE_NONE, SCSEC_DATE_NONE),
	                 SCSEC_EEXISTS);
	ck_assert_int_eq(scsec_trust_add_party_fingerprint(t, "X", "Evaluation Body", EXPERT_FP, 0,
	                                                   NULL, SCSEC_DATE_NONE, SCSEC_DATE_NONE),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_add_party_fingerprint(t, "X", "expert", "abc", 0, NULL,
	                                                   SCSEC_DATE_NONE, SCSEC_DATE_NONE),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_add_party_fingerprint(t, "X", "expert", EXPERT_FP, 0,
	                                                   "CN=x", SCSEC_DATE_NONE, SCSEC_DATE_NONE),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_add_party_fingerprint(t, "X", "expert", EXPERT_FP, 0, NULL,
	                                                   D("2026-02-01"), D("2026-01-01")),
	                 SCSEC_EDATE);
	ck_assert_int_eq(scsec_trust_add_party_fingerprint(NULL, "X", "expert", EXPERT_FP, 0, NULL,
	                                                   SCSEC_DATE_NONE, SCSEC_DATE_NONE),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_revoke_serial(t, "CN=x", "0xz", D("2026-01-01")), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_revoke_fingerprint(t, BODY_FP, SCSEC_DATE_NONE), SCSEC_EDATE);
	ck_assert_uint_eq(scsec_trust_party_count(t), 2);
	ck_assert_str_eq(scsec_verdict_name(SCSEC_VERDICT_CERT_NOT_VALID), "certificate-not-valid");
	ck_assert_str_eq(scsec_verdict_name((scsec_verdict)99), "");
	scsec_trust_free(t);
	scsec_trust_free(NULL);
}
END_TEST

/* ---------------------------------------------------------------- engine */

/* Level 1 self, level 2 expert-reviewed, level 3 third-party; one
 * criterion that applies from level 1 up. */
static const char set_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"t-trust\" version=\"1\">\n"
	"  <title xml:lang=\"en\">Trust tests</title>\n"
	"  <level rank=\"1\" label=\"L1\" method=\"self\" validity=\"P3Y\"/>\n"
	"  <level rank=\"2\" label=\"L2\" method=\"expert-reviewed\" validity=\"P3Y\"/>\n"
	"  <level rank=\"3\" label=\"L3\" method=\"third-party\" validity=\"P3Y\"/>\n"
	"  <category id=\"g\" function=\"GV\"><title xml:lang=\"en\">G</title>\n"
	"    <requirement id=\"r\"><name xml:lang=\"en\">R</name>\n"
	"      <criterion id=\"c-1\" level=\"1\"><text xml:lang=\"en\">One.</text></criterion>\n"
	"    </requirement>\n"
	"  </category>\n"
	"</criteria-set>\n";

static scsec_criteria *set(void)
{
	scsec_criteria *c;

	ck_ok(scsec_criteria_load_memory(&c, set_xml, sizeof set_xml - 1, "set", NULL, NULL));
	return c;
}

/* A record claiming third-party for c-1, with n signatures by fps. */
static scsec_evidence *record(const scsec_criteria *c, const char *const *fps, size_t n)
{
	scsec_evidence *ev;
	scsec_entry *e;
	scsec__signature *s = n ? scsec__calloc(n, sizeof *s) : NULL;
	size_t i;

	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_entry_new(&e, "c-1"));
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_MET));
	ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_THIRD_PARTY));
	ck_ok(scsec_entry_set_assessed_on(e, D("2026-01-01")));
	ck_ok(scsec_evidence_add(ev, e));
	for (i = 0; i < n; i++)
		sig(&s[i], fps[i], !strcmp(fps[i], EXPERT_FP) ? "CN=Jane Expert,O=Experts" : "CN=X",
		    !strcmp(fps[i], EXPERT_FP) ? CA_FP : NULL);
	scsec__evidence_set_signatures(ev, s, n);
	return ev;
}

static scsec_result *run(const scsec_criteria *c, const scsec_evidence *ev,
                         const scsec_trust *t)
{
	scsec_eval_options *o;
	scsec_result *r;

	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-06-01")));
	ck_ok(scsec_eval_options_set_trust(o, t));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	return r;
}

static scsec_reason reason(const scsec_result *r, size_t level)
{
	scsec_reason w;

	ck_ok(scsec_result_reason_get(&w, r, level, "c-1"));
	return w;
}

START_TEST(test_eval_without_trust)
{
	scsec_criteria *c = set();
	scsec_evidence *ev = record(c, NULL, 0);
	scsec_result *r = run(c, ev, NULL);
	char *json;

	/* As today: the claimed method counts, and no policy was applied. */
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_int_eq(scsec_result_trust_applied(r), 0);
	ck_assert_int_eq(scsec_result_trusted_method(r), SCSEC_METHOD_NONE);
	ck_assert_uint_eq(scsec_result_signer_count(r), 0);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"trust\": {\"applied\": false}"));
	ck_assert_ptr_null(strstr(json, "unverified"));
	scsec_free(json);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_eval_unsigned)
{
	scsec_criteria *c = set();
	scsec_trust *t = list();
	const char *stranger[] = { STRANGER_FP };
	scsec_evidence *ev = record(c, NULL, 0);
	scsec_result *r = run(c, ev, t);
	char *json, *xml;

	/* No signature: the entry counts as self. */
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(reason(r, 1), SCSEC_REASON_UNVERIFIED);
	ck_assert_int_eq(reason(r, 2), SCSEC_REASON_UNVERIFIED);
	ck_assert_uint_eq(scsec_figures_reason_count(scsec_result_level_figures_at(r, 2),
	                                             SCSEC_REASON_UNVERIFIED), 1);
	ck_assert_int_eq(scsec_result_trusted_method(r), SCSEC_METHOD_SELF);
	ck_assert_int_eq(scsec_gap_reason(scsec_result_gap_at(r, 0)), SCSEC_REASON_UNVERIFIED);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"method\": 0, \"unverified\": 1, \"not-yet-valid\""));
	ck_assert_ptr_nonnull(strstr(json, "\"applied\": true, \"operator\": \"IPA\""));
	ck_ok(scsec_result_to_xml(&xml, NULL, r));
	ck_assert_ptr_nonnull(strstr(xml, "unverified=\"1\""));
	scsec_free(json);
	scsec_free(xml);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	/* A stranger's signature does no better, and is named. */
	ev = record(c, stranger, 1);
	r = run(c, ev, t);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_uint_eq(scsec_result_signer_count(r), 1);
	ck_assert_int_eq(scsec_signer_verdict(scsec_result_signer_at(r, 0)),
	                 SCSEC_VERDICT_UNKNOWN_PARTY);
	ck_assert_str_eq(scsec_signer_fingerprint(scsec_result_signer_at(r, 0)), STRANGER_FP);
	ck_assert_ptr_null(scsec_signer_party(scsec_result_signer_at(r, 0)));
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_trust_free(t);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_eval_signed)
{
	scsec_criteria *c = set();
	scsec_trust *t = list();
	const char *expert[] = { EXPERT_FP }, *both[] = { EXPERT_FP, BODY_FP };
	scsec_evidence *ev = record(c, expert, 1);
	scsec_result *r = run(c, ev, t);
	const scsec_signer *g;
	char *json;

	/* An expert's signature: expert-reviewed, not third-party. */
	ck_assert_int_eq(scsec_result_level(r), 2);
	ck_assert_int_eq(reason(r, 2), SCSEC_REASON_UNVERIFIED);
	ck_assert_int_eq(scsec_result_trusted_method(r), SCSEC_METHOD_EXPERT_REVIEWED);
	g = scsec_result_signer_at(r, 0);
	ck_assert_int_eq(scsec_signer_verdict(g), SCSEC_VERDICT_COUNTED);
	ck_assert_str_eq(scsec_signer_role(g), "expert");
	ck_assert_str_eq(scsec_signer_party(g), "Expert CA");
	ck_assert_str_eq(scsec_signer_subject(g), "CN=Jane Expert,O=Experts");
	ck_assert(scsec_signer_signing_time(g) == T_2026_01_01 + 3600);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	/* With an evaluation body's too: third-party. */
	ev = record(c, both, 2);
	r = run(c, ev, t);
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_int_eq(scsec_result_trusted_method(r), SCSEC_METHOD_THIRD_PARTY);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"signing_time\": \"2026-01-01T01:00:00Z\", "
	                                   "\"party\": \"Body One\", \"role\": \"evaluation-body\""));
	scsec_free(json);
	scsec_result_free(r);
	/* Changed after loading: the signatures are stale and count nothing;
	 * the trust list may be freed before the result. */
	ck_ok(scsec_evidence_set_subject_name(ev, "Changed Co."));
	r = run(c, ev, t);
	scsec_trust_free(t);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(scsec_signer_verdict(scsec_result_signer_at(r, 1)), SCSEC_VERDICT_STALE);
	ck_assert_str_eq(scsec_result_trust_operator(r), "IPA");
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(test_eval_revoked_and_method)
{
	scsec_criteria *c = set();
	scsec_trust *t = list();
	const char *body[] = { BODY_FP };
	scsec_evidence *ev = record(c, body, 1);
	scsec_result *r;

	ck_ok(scsec_trust_revoke_fingerprint(t, BODY_FP, D("2026-05-01")));
	r = run(c, ev, t);
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_assert_int_eq(scsec_signer_verdict(scsec_result_signer_at(r, 0)), SCSEC_VERDICT_REVOKED);
	ck_assert_int_eq(reason(r, 2), SCSEC_REASON_UNVERIFIED);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_trust_free(t);
	scsec_criteria_free(c);
}

/* The portfolio's trust provenance (scsec/portfolio.h): a counted
 * signature is "verified", signatures none of which counts (stale here)
 * "unverified", no signature "unsigned". */
START_TEST(test_portfolio_provenance)
{
	scsec_criteria *c = set();
	scsec_trust *t = list();
	const char *expert[] = { EXPERT_FP };
	scsec_evidence *ev = record(c, expert, 1), *none = record(c, NULL, 0);
	scsec_portfolio *p = NULL;
	scsec_result *r;

	ck_ok(scsec_portfolio_new(&p, c, D("2026-06-01"), 90));
	r = run(c, ev, t);
	ck_ok(scsec_portfolio_add(p, "signed", NULL, r, NULL));
	scsec_result_free(r);
	ck_ok(scsec_evidence_set_subject_name(ev, "Changed Co."));
	r = run(c, ev, t);
	ck_ok(scsec_portfolio_add(p, "stale", NULL, r, NULL));
	scsec_result_free(r);
	r = run(c, none, t);
	ck_ok(scsec_portfolio_add(p, "unsigned", NULL, r, NULL));
	scsec_result_free(r);
	ck_assert(scsec_portfolio_trust_applied(p));
	ck_assert_str_eq(scsec_supplier_trust(scsec_portfolio_supplier_get(p, "signed")), "verified");
	ck_assert_str_eq(scsec_supplier_trust(scsec_portfolio_supplier_get(p, "stale")), "unverified");
	ck_assert_str_eq(scsec_supplier_trust(scsec_portfolio_supplier_get(p, "unsigned")),
	                 "unsigned");
	ck_assert_uint_eq(scsec_portfolio_untrusted_count(p), 2);
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_untrusted_at(p, 0)), "stale");
	ck_assert_str_eq(scsec_supplier_id(scsec_portfolio_untrusted_at(p, 1)), "unsigned");
	scsec_portfolio_free(p);
	scsec_evidence_free(ev);
	scsec_evidence_free(none);
	scsec_trust_free(t);
	scsec_criteria_free(c);
}
END_TEST
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trust");
	TCase *tc = tcase_create("trust");

	tcase_add_test(tc, test_judge_counted);
	tcase_add_test(tc, test_judge_refusals);
	tcase_add_test(tc, test_judge_revoked);
	tcase_add_test(tc, test_trust_builders);
	tcase_add_test(tc, test_eval_without_trust);
	tcase_add_test(tc, test_eval_unsigned);
	tcase_add_test(tc, test_eval_signed);
	tcase_add_test(tc, test_eval_revoked_and_method);
	tcase_add_test(tc, test_portfolio_provenance);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(suite());
}
