/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The trust-list file format (io/trust_xml.c, doc/trust.md): writing and
 * reading back, the PEM builders, and the documents the reader refuses. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "scsec/options.h"
#include "scsec/trust.h"

/* tests/data/trust/body.pem: openssl x509 -noout -fingerprint -sha256 */
#define BODY_PEM_FP "7a567b214106a2ba9bd1dd9710bffaba426f2eab242f03a00b7f27222c75b8e8"
#define FP_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define FP_C "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
#define HEAD "<?xml version=\"1.0\"?>\n<trust-list xmlns=\"urn:scsec:trust:1\" version=\"1\" " \
             "issued=\"2026-04-01\">\n<operator>IPA</operator>\n"
#define DS "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/>" \
           "</ds:Signature>\n"

static scsec_date D(const char *s)
{
	scsec_date d;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static char *slurp(const char *rel, size_t *len)
{
	char path[4096];
	FILE *f = fopen(test_srcpath(path, sizeof path, rel), "rb");
	char *buf = malloc(70000);

	ck_assert_ptr_nonnull(f);
	*len = fread(buf, 1, 70000, f);
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

static scsec_trust *sample(void)
{
	scsec_trust *t;
	size_t len;
	char *pem = slurp("tests/data/trust/body.pem", &len);

	ck_ok(scsec_trust_new(&t, "IPA & co", "2026-04", D("2026-04-01")));
	ck_ok(scsec_trust_add_party_certificate(t, "Body One", "evaluation-body", pem, len, 0, NULL,
	                                        D("2026-01-01"), D("2027-12-31")));
	ck_ok(scsec_trust_add_party_fingerprint(t, "Expert CA", "expert", FP_C, 1,
	                                        "CN=Jane Expert,O=Experts", SCSEC_DATE_NONE,
	                                        SCSEC_DATE_NONE));
	ck_ok(scsec_trust_add_party_fingerprint(t, "Auditor", "auditor-x", FP_A, 0, NULL,
	                                        D("2026-02-01"), SCSEC_DATE_NONE));
	ck_ok(scsec_trust_revoke_fingerprint(t, FP_A, D("2026-05-01")));
	ck_ok(scsec_trust_revoke_serial(t, "CN=Operator CA", "00AB12", D("2026-06-01")));
	ck_ok(scsec_trust_revoke_certificate(t, pem, len, D("2026-07-01")));
	free(pem);
	return t;
}

START_TEST(test_fingerprint)
{
	size_t len;
	char *pem = slurp("tests/data/trust/body.pem", &len), fp[65];

	ck_ok(scsec_certificate_fingerprint(fp, pem, len));
	ck_assert_str_eq(fp, BODY_PEM_FP);
	ck_assert_int_eq(scsec_certificate_fingerprint(fp, "no pem", 6), SCSEC_EINVAL);
	ck_assert_str_eq(fp, "");
	ck_assert_int_eq(scsec_certificate_fingerprint(fp, NULL, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_certificate_fingerprint(NULL, pem, len), SCSEC_EINVAL);
	free(pem);
}
END_TEST

START_TEST(test_round_trip)
{
	scsec_trust *t = sample(), *u;
	char *a, *b;
	size_t alen, blen;
	const scsec_trust_party *p;
	const scsec_trust_revocation *r;

	ck_ok(scsec_trust_write_memory(&a, &alen, t));
	ck_assert_ptr_nonnull(strstr(a, "<operator>IPA &amp; co</operator>"));
	ck_ok(scsec_trust_load_memory(&u, a, alen, "list.xml", NULL, 0, NULL, NULL));
	ck_assert_int_eq(scsec_trust_verified(u), 0);
	ck_assert_ptr_null(scsec_trust_signer_fingerprint(u));
	ck_assert_str_eq(scsec_trust_operator(u), "IPA & co");
	ck_assert_str_eq(scsec_trust_version(u), "2026-04");
	ck_assert_int_eq(scsec_trust_issued(u), D("2026-04-01"));
	ck_assert_uint_eq(scsec_trust_party_count(u), 3);
	p = scsec_trust_party_at(u, 0);
	ck_assert_str_eq(scsec_trust_party_name(p), "Body One");
	ck_assert_str_eq(scsec_trust_party_fingerprint(p), BODY_PEM_FP);
	ck_assert_ptr_nonnull(strstr(scsec_trust_party_certificate(p), "BEGIN CERTIFICATE"));
	ck_assert_int_eq(scsec_trust_party_until(p), D("2027-12-31"));
	p = scsec_trust_party_at(u, 1);
	ck_assert_int_eq(scsec_trust_party_is_ca(p), 1);
	ck_assert_str_eq(scsec_trust_party_subject(p), "CN=Jane Expert,O=Experts");
	ck_assert_ptr_null(scsec_trust_party_certificate(p));
	ck_assert_int_eq(scsec_trust_party_from(p), SCSEC_DATE_NONE);
	p = scsec_trust_party_at(u, 2);
	ck_assert_str_eq(scsec_trust_party_role(p), "auditor-x");
	ck_assert_uint_eq(scsec_trust_revocation_count(u), 3);
	r = scsec_trust_revocation_at(u, 1);
	ck_assert_str_eq(scsec_trust_revocation_issuer(r), "CN=Operator CA");
	ck_assert_str_eq(scsec_trust_revocation_serial(r), "ab12");
	ck_assert_ptr_null(scsec_trust_revocation_fingerprint(r));
	r = scsec_trust_revocation_at(u, 2);
	ck_assert_str_eq(scsec_trust_revocation_fingerprint(r), BODY_PEM_FP);
	ck_assert_int_eq(scsec_trust_revocation_date(r), D("2026-07-01"));
	/* The same bytes again. */
	ck_ok(scsec_trust_write_memory(&b, &blen, u));
	ck_assert_uint_eq(alen, blen);
	ck_assert_str_eq(a, b);
	scsec_free(a);
	scsec_free(b);
	scsec_trust_free(u);
	scsec_trust_free(t);
}
END_TEST

START_TEST(test_file_and_validator)
{
	scsec_trust *t = sample(), *u;
	scsec_load_options *o;
	char path[4096];

	snprintf(path, sizeof path, "%s/check_trust_xml.%d.xml", test_builddir(), (int)getpid());
	ck_ok(scsec_trust_write_file(t, path, SCSEC_WRITE_GZIP));
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_ALWAYS));
	ck_ok(scsec_trust_load_file(&u, path, NULL, o, NULL));
	ck_assert_uint_eq(scsec_trust_party_count(u), 3);
	scsec_trust_free(u);
	ck_assert_int_eq(scsec_trust_write_file(t, path, 99), SCSEC_EINVAL);
	remove(path);
	ck_assert_int_eq(scsec_trust_load_file(&u, path, NULL, NULL, NULL), SCSEC_EIO);
	ck_assert_ptr_null(u);
	scsec_load_options_free(o);
	scsec_trust_free(t);
}
END_TEST

/* doc fails to load with code; the error is at line:column (not checked
 * when 0). validator: SCSEC_SCHEMA_ALWAYS, else NEVER (the structure rules
 * and the reader's own checks). */
static void refused_as(int validator, const char *doc, int code, unsigned long line,
                       unsigned long column, const char *words)
{
	scsec_trust *t = (scsec_trust *)1;
	const scsec_error *e;
	scsec_load_options *o;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION,
	                             validator ? SCSEC_SCHEMA_ALWAYS : SCSEC_SCHEMA_NEVER));
	ck_assert_int_eq(scsec_trust_load_memory(&t, doc, strlen(doc), "l.xml", NULL, 0, o, NULL),
	                 code);
	scsec_load_options_free(o);
	ck_assert_ptr_null(t);
	e = scsec_error_last();
	ck_assert_msg(strstr(scsec_error_message(e), words), "'%s' lacks '%s'",
	              scsec_error_message(e), words);
	if (line)
		ck_assert_uint_eq(scsec_error_line(e), line);
	if (column)
		ck_assert_uint_eq(scsec_error_column(e), column);
}

static void refused(const char *doc, int code, unsigned long line, unsigned long column,
                    const char *words)
{
	refused_as(0, doc, code, line, column, words);
}

START_TEST(test_refused)
{
	scsec_trust *t;
	const char *ok = HEAD "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\"/>\n" DS DS
	                      "</trust-list>\n";

	/* Trailing operator signatures are part of the format. */
	ck_ok(scsec_trust_load_memory(&t, ok, strlen(ok), NULL, NULL, 0, NULL, NULL));
	ck_assert_uint_eq(scsec_trust_party_count(t), 1);
	scsec_trust_free(t);
	refused(HEAD "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\"/>\n"
	             "<party name=\"A\" role=\"expert\" sha256=\"" FP_C "\"/>\n</trust-list>",
	        SCSEC_EEXISTS, 5, 104, "already has a party 'A'");
	refused(HEAD "<party name=\"A\" role=\"Expert\" sha256=\"" FP_A "\"/></trust-list>",
	        SCSEC_EINVALID, 4, 0, "no role token");
	refused(HEAD "<party name=\"A\" role=\"expert\" subject=\"CN=x\" sha256=\"" FP_A
	             "\"/></trust-list>",
	        SCSEC_EINVALID, 0, 0, "goes with an issuing CA");
	refused(HEAD "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\" from=\"2026-02-30\"/>"
	             "</trust-list>",
	        SCSEC_EDATE, 4, 0, "");
	refused(HEAD "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\"><certificate>junk"
	             "</certificate></party></trust-list>",
	        SCSEC_EINVALID, 4, 0, "not a PEM certificate");
	refused(HEAD "<revocation date=\"2026-01-01\"/></trust-list>", SCSEC_EINVALID, 4, 0,
	        "names a fingerprint, or an issuer");
	refused(HEAD DS "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\"/></trust-list>",
	        SCSEC_ESCHEMA, 0, 0, "not expected");
	refused(HEAD "<extra/></trust-list>", SCSEC_ESCHEMA, 4, 0, "not expected");
	refused("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x \"y\">]>"
	        "<trust-list xmlns=\"urn:scsec:trust:1\"/>",
	        SCSEC_EUNSAFE, 0, 0, "");
	refused("<trust-list xmlns=\"urn:scsec:trust:2\" version=\"1\" issued=\"2026-01-01\"/>",
	        SCSEC_EVERSION, 0, 0, "urn:scsec:trust:1");
	refused(HEAD "<party", SCSEC_EPARSE, 0, 0, "");
	/* The validator (the default for trust lists) says it in its words;
	 * unique names are the reader's rule in both modes (the schema has no
	 * xs:unique: libxml2 2.9 leaks its bookkeeping on a broken document). */
	refused_as(1, HEAD "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\"/>\n"
	                "<party name=\"A\" role=\"expert\" sha256=\"" FP_C "\"/>\n</trust-list>",
	           SCSEC_EEXISTS, 5, 0, "already has a party 'A'");
	refused_as(1, HEAD DS "<party name=\"A\" role=\"expert\" sha256=\"" FP_A "\"/></trust-list>",
	           SCSEC_ESCHEMA, 5, 0, "party");
	refused_as(1, HEAD "<party name=\"A\" role=\"expert\" subject=\"CN=x\" sha256=\"" FP_A
	                "\"/></trust-list>",
	           SCSEC_EINVALID, 0, 0, "goes with an issuing CA");
}
END_TEST

START_TEST(test_pem_checked)
{
	size_t len;
	char *pem = slurp("tests/data/trust/body.pem", &len);
	char doc[80000];
	scsec_trust *t;

	snprintf(doc, sizeof doc, HEAD "<party name=\"A\" role=\"expert\" sha256=\"%s\">"
	         "<certificate>%s</certificate></party></trust-list>", BODY_PEM_FP, pem);
	ck_ok(scsec_trust_load_memory(&t, doc, strlen(doc), NULL, NULL, 0, NULL, NULL));
	scsec_trust_free(t);
	snprintf(doc, sizeof doc, HEAD "<party name=\"A\" role=\"expert\" sha256=\"%s\">"
	         "<certificate>%s</certificate></party></trust-list>", FP_A, pem);
	refused(doc, SCSEC_EINVALID, 4, 0, "the certificate's fingerprint is " BODY_PEM_FP);
	/* A bad operator certificate is refused before the list is read. */
	ck_assert_int_eq(scsec_trust_load_memory(&t, doc, strlen(doc), NULL, "x", 1, NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()),
	                             "the operator certificate"));
	free(pem);
}
END_TEST

START_TEST(test_null_args)
{
	scsec_trust *t = (scsec_trust *)1;
	char *s;

	ck_assert_int_eq(scsec_trust_load_file(NULL, "x", NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_load_file(&t, NULL, NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(scsec_trust_load_memory(&t, NULL, 3, NULL, NULL, 0, NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_write_memory(&s, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_write_memory(NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_write_file(NULL, "x", 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_add_party_certificate(NULL, "a", "expert", "x", 1, 0, NULL,
	                                                   SCSEC_DATE_NONE, SCSEC_DATE_NONE),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_trust_revoke_certificate(NULL, "x", 1, 0), SCSEC_EINVAL);
	ck_assert_ptr_null(scsec_trust_party_certificate(NULL));
	ck_assert_ptr_null(scsec_trust_signer_fingerprint(NULL));
	ck_assert_int_eq(scsec_result_trust_verified(NULL), 0);
	ck_assert_int_eq(scsec_trust_sign_memory(&s, NULL, NULL, NULL, 0), SCSEC_EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(scsec_trust_sign_memory(NULL, NULL, NULL, NULL, 0), SCSEC_EINVAL);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trust_xml");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fingerprint);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_file_and_validator);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_pem_checked);
	tcase_add_test(tc, test_null_args);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(suite());
}
