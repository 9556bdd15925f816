/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The trust policy with real signatures (issue 12): a PKI made by
 * tests/pki.sh, a trust list signed by the operator and loaded against the
 * operator's certificate, and the bundled kitakaze-precision record with a
 * management pledge added (tests/data/trust/kitakaze-pledged.xml: ★4 as
 * claimed, every entry third-party) signed by each kind of party, verified
 * by io/signature.c and evaluated with the list.
 *
 * The record's signatures are verified on its signed bytes and handed to
 * the record loaded from its unsigned bytes (until the evidence reader
 * verifies signatures itself): what is evaluated is what was signed. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "io/signature.h"
#include "model/evidence.h"
#include "scsec/trust.h"
#include "util/alloc.h"

#define T_2026_04_01 INT64_C(1775001600)

static char pki[4096];

static int make_pki(void)
{
	char script[4096], cmd[9000];

	snprintf(pki, sizeof pki, "%s/tests/pki", test_builddir());
	test_srcpath(script, sizeof script, "tests/pki.sh");
	snprintf(cmd, sizeof cmd, "sh '%s' '%s'", script, pki);
	if (system(cmd) != 0) {
		fprintf(stderr, "%s failed\n", cmd);
		return -1;
	}
	return 0;
}

static char *pki_file(const char *party, const char *file, size_t *len)
{
	char path[8192];
	size_t n;
	char *s;

	snprintf(path, sizeof path, "%s/%s/%s", pki, party, file);
	s = test_read_file(path, len ? len : &n);
	/* fingerprint, serial, subject: one line */
	if (s && !len && (n = strlen(s)) && s[n - 1] == '\n')
		s[n - 1] = '\0';
	return s;
}

static char *sign_by(const char *xml, size_t len, const char *party, int64_t when)
{
	size_t klen, clen, chlen = 0, n;
	char *k = pki_file(party, "key.pem", &klen), *c = pki_file(party, "cert.pem", &clen);
	char *ch = pki_file(party, "chain.pem", &chlen), *out, *copy;
	scsec_signing_key *key;

	ck_assert_ptr_nonnull(k);
	ck_ok(scsec__signing_key_load(&key, k, klen, "key.pem", c, clen, "cert.pem", ch, chlen,
	                              "chain.pem"));
	ck_ok(scsec__sign_xml(&out, &n, xml, len, "doc.xml", key, when));
	scsec__signing_key_free(key);
	copy = malloc(n + 1);
	memcpy(copy, out, n);
	copy[n] = '\0';
	scsec__free(out);
	free(k);
	free(c);
	free(ch);
	return copy;
}

static scsec_date D(const char *s)
{
	scsec_date d;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static void add_cert(scsec_trust *t, const char *name, const char *role, const char *party)
{
	size_t len;
	char *pem = pki_file(party, "cert.pem", &len);

	ck_ok(scsec_trust_add_party_certificate(t, name, role, pem, len, 0, NULL, D("2025-01-01"),
	                                        D("2030-12-31")));
	free(pem);
}

/* The list the operator publishes, unsigned. */
static char *list_xml(size_t *len)
{
	scsec_trust *t;
	char *xml, *copy, *sub = pki_file("body2", "subject", NULL);
	char *ifp = pki_file("intermediate", "fingerprint", NULL);
	char *issuer = pki_file("operator", "subject", NULL), *serial = pki_file("revoked", "serial", NULL);

	ck_ok(scsec_trust_new(&t, "IPA", "2026-04", D("2026-04-01")));
	add_cert(t, "Body One", "evaluation-body", "body1");
	ck_ok(scsec_trust_add_party_fingerprint(t, "Body Two", "evaluation-body", ifp, 1, sub,
	                                        SCSEC_DATE_NONE, SCSEC_DATE_NONE));
	add_cert(t, "Jane Expert", "expert", "expert");
	add_cert(t, "Old Body", "evaluation-body", "expired");
	add_cert(t, "Revoked Body", "evaluation-body", "revoked");
	ck_ok(scsec_trust_revoke_serial(t, issuer, serial, D("2026-05-01")));
	ck_ok(scsec_trust_write_memory(&xml, len, t));
	copy = strdup(xml);
	scsec_free(xml);
	scsec_trust_free(t);
	free(sub);
	free(ifp);
	free(issuer);
	free(serial);
	return copy;
}

static int load_list(scsec_trust **t, const char *xml, const char *operator_party)
{
	size_t clen;
	char *cert = pki_file(operator_party, "cert.pem", &clen);
	int rc = scsec_trust_load_memory(t, xml, strlen(xml), "list.xml", cert, clen, NULL, NULL);

	free(cert);
	return rc;
}

START_TEST(test_operator_signature)
{
	size_t len;
	char *xml = list_xml(&len), *signed_xml, *both, *tampered, *p, *fp;
	scsec_trust *t;
	const char *msg;

	/* Signed by the operator: verified. */
	/* (now: tests/pki.sh dates the self-signed certificates from today) */
	signed_xml = sign_by(xml, len, "operator", 0);
	ck_ok(load_list(&t, signed_xml, "operator"));
	ck_assert_int_eq(scsec_trust_verified(t), 1);
	fp = pki_file("operator", "fingerprint", NULL);
	ck_assert_str_eq(scsec_trust_signer_fingerprint(t), fp);
	ck_assert_uint_eq(scsec_trust_party_count(t), 5);
	scsec_trust_free(t);
	/* Unsigned; signed by a stranger; by a party the operator's CA issued
	 * a certificate to; checked against another operator: refused. */
	ck_assert_int_eq(load_list(&t, xml, "operator"), SCSEC_EINVALID);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "no signature"));
	ck_assert_ptr_null(t);
	p = sign_by(xml, len, "stranger", 0);
	ck_assert_int_eq(load_list(&t, p, "operator"), SCSEC_EINVALID);
	msg = scsec_error_message(scsec_error_last());
	ck_assert_msg(strstr(msg, "is signed by 'CN=") && strstr(msg, "not the operator"), "%s", msg);
	ck_assert_uint_gt(scsec_error_line(scsec_error_last()), 1);
	free(p);
	p = sign_by(xml, len, "body1", T_2026_04_01);
	ck_assert_int_eq(load_list(&t, p, "operator"), SCSEC_EINVALID);
	free(p);
	ck_assert_int_eq(load_list(&t, signed_xml, "stranger"), SCSEC_EINVALID);
	/* A stranger's signature beside the operator's does not matter. */
	both = sign_by(signed_xml, strlen(signed_xml), "stranger", 0);
	ck_ok(load_list(&t, both, "operator"));
	ck_assert_int_eq(scsec_trust_verified(t), 1);
	scsec_trust_free(t);
	/* Tampered: a party's period, a revocation's day. */
	tampered = strdup(signed_xml);
	p = strstr(tampered, "until=\"2030-12-31\"");
	ck_assert_ptr_nonnull(p);
	p[8] = '9';
	ck_assert_int_eq(load_list(&t, tampered, "operator"), SCSEC_EINVALID);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "not valid"));
	free(tampered);
	tampered = strdup(signed_xml);
	p = strstr(tampered, "date=\"2026-05-01\"");
	ck_assert_ptr_nonnull(p);
	p[15] = '2';
	ck_assert_int_eq(load_list(&t, tampered, "operator"), SCSEC_EINVALID);
	free(tampered);
	/* Unverified loading still reads a signed list. */
	ck_ok(scsec_trust_load_memory(&t, signed_xml, strlen(signed_xml), NULL, NULL, 0, NULL, NULL));
	ck_assert_int_eq(scsec_trust_verified(t), 0);
	scsec_trust_free(t);
	free(both);
	free(fp);
	free(signed_xml);
	free(xml);
}
END_TEST

/* The example record, signed by each of parties (NULL-ended), evaluated
 * as of 2026-12-01 with the verified list. */
static scsec_result *evaluate_signed(const char *const *parties, int64_t when)
{
	char path[4096], *rec, *signed_rec, *list, *slist;
	size_t len, llen, n;
	scsec__signature *sigs;
	scsec_evidence *ev;
	scsec_criteria *c;
	scsec_trust *t;
	scsec_eval_options *o;
	scsec_result *r;

	rec = test_read_file(test_srcpath(path, sizeof path, "tests/data/trust/kitakaze-pledged.xml"),
	                     &len);
	ck_assert_ptr_nonnull(rec);
	signed_rec = strdup(rec);
	for (; *parties; parties++) {
		char *next = sign_by(signed_rec, strlen(signed_rec), *parties, when);

		free(signed_rec);
		signed_rec = next;
	}
	ck_ok(scsec__signatures_verify(&sigs, &n, signed_rec, strlen(signed_rec), "record.xml"));
	ck_ok(scsec_criteria_builtin(&c, "meti-sc-2026-03"));
	ck_ok(scsec_evidence_load_memory(&ev, rec, len, "record.xml", NULL, NULL));
	scsec__evidence_set_signatures(ev, sigs, n);
	list = list_xml(&llen);
	slist = sign_by(list, llen, "operator", 0);
	ck_ok(load_list(&t, slist, "operator"));
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_eval_options_set_as_of(o, D("2026-12-01")));
	ck_ok(scsec_eval_options_set_trust(o, t));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	scsec_eval_options_free(o);
	scsec_trust_free(t);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	free(rec);
	free(signed_rec);
	free(list);
	free(slist);
	return r;
}

static void expect(const char *const *parties, int64_t when, int level, scsec_method method,
                   scsec_verdict first, const char *party)
{
	scsec_result *r = evaluate_signed(parties, when);
	const scsec_signer *g = scsec_result_signer_at(r, 0);

	ck_assert_msg(scsec_result_level(r) == level, "%s: level %d, expected %d", parties[0],
	              scsec_result_level(r), level);
	ck_assert_int_eq(scsec_result_trusted_method(r), method);
	ck_assert_int_eq(scsec_result_trust_applied(r), 1);
	ck_assert_int_eq(scsec_result_trust_verified(r), 1);
	ck_assert_ptr_nonnull(g);
	ck_assert_msg(scsec_signer_verdict(g) == first, "%s: %s", parties[0],
	              scsec_verdict_name(scsec_signer_verdict(g)));
	if (party)
		ck_assert_str_eq(scsec_signer_party(g), party);
	else
		ck_assert_ptr_null(scsec_signer_party(g));
	ck_assert_ptr_nonnull(scsec_signer_subject(g));
	ck_assert_ptr_nonnull(scsec_signer_fingerprint(g));
	ck_assert(scsec_signer_signing_time(g) == when);
	scsec_result_free(r);
}

START_TEST(test_levels_by_signer)
{
	static const char *const body1[] = { "body1", NULL }, *const body2[] = { "body2", NULL };
	static const char *const expert[] = { "expert", NULL }, *const stranger[] = { "stranger", NULL };
	static const char *const expired[] = { "expired", NULL }, *const revoked[] = { "revoked", NULL };
	static const char *const two[] = { "stranger", "expert", NULL };
	scsec_result *r;
	char *json;

	/* ★4 with an evaluation body's signature (its own certificate, or one
	 * its CA issued with the listed subject). */
	expect(body1, T_2026_04_01, 4, SCSEC_METHOD_THIRD_PARTY, SCSEC_VERDICT_COUNTED, "Body One");
	expect(body2, T_2026_04_01, 4, SCSEC_METHOD_THIRD_PARTY, SCSEC_VERDICT_COUNTED, "Body Two");
	/* ★3 but not ★4 with only an expert's. */
	expect(expert, T_2026_04_01, 3, SCSEC_METHOD_EXPERT_REVIEWED, SCSEC_VERDICT_COUNTED,
	       "Jane Expert");
	/* Nothing with a stranger's, an expired or a revoked certificate. */
	expect(stranger, T_2026_04_01, 0, SCSEC_METHOD_SELF, SCSEC_VERDICT_UNKNOWN_PARTY, NULL);
	expect(expired, T_2026_04_01, 0, SCSEC_METHOD_SELF, SCSEC_VERDICT_CERT_NOT_VALID,
	       "Old Body");
	expect(revoked, T_2026_04_01, 0, SCSEC_METHOD_SELF, SCSEC_VERDICT_REVOKED, "Revoked Body");
	/* The reason is unverified; the provenance says who and why not. */
	r = evaluate_signed(two, T_2026_04_01);
	ck_assert_int_eq(scsec_result_level(r), 3);
	ck_assert_uint_eq(scsec_result_signer_count(r), 2);
	ck_ok(scsec_result_to_json(&json, NULL, r));
	ck_assert_ptr_nonnull(strstr(json, "\"verdict\": \"unknown-party\""));
	ck_assert_ptr_nonnull(strstr(json, "\"party\": \"Jane Expert\", \"role\": \"expert\""));
	ck_assert_ptr_nonnull(strstr(json, "\"verified\": true"));
	ck_assert_ptr_nonnull(strstr(json, "\"unverified\""));
	scsec_free(json);
	scsec_result_free(r);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trust_pki");
	TCase *tc = tcase_create("pki");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_operator_signature);
	tcase_add_test(tc, test_levels_by_signer);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	if (make_pki())
		return 99;
	return test_run(suite());
}
