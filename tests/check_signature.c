/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* XML Signatures (io/signature.c, doc/signatures.md): signing and strict
 * verification with a PKI made by tests/pki.sh. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "io/signature.h"
#include "model/evidence.h"
#include "util/alloc.h"

#define T_2026_04_01 INT64_C(1775001600)

static char pki[4096];

/* Made once, before the tests run (outside them: no assertions). */
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

static const char *pki_dir(void)
{
	return pki;
}

static char *pki_file(const char *party, const char *file, size_t *len)
{
	char path[8192];

	snprintf(path, sizeof path, "%s/%s/%s", pki_dir(), party, file);
	return test_read_file(path, len);
}

static scsec_signing_key *key_of(const char *party)
{
	size_t klen, clen, chlen = 0;
	char *k = pki_file(party, "key.pem", &klen), *c = pki_file(party, "cert.pem", &clen);
	char *ch = pki_file(party, "chain.pem", &chlen);
	scsec_signing_key *key;

	ck_assert_ptr_nonnull(k);
	ck_assert_ptr_nonnull(c);
	ck_ok(scsec__signing_key_load(&key, k, klen, "key.pem", c, clen, "cert.pem", ch, chlen,
	                              "chain.pem"));
	free(k);
	free(c);
	free(ch);
	return key;
}

static char *example(size_t *len)
{
	char path[4096];
	char *x = test_read_file(test_srcpath(path, sizeof path, "data/examples/hoshizora-foods.xml"),
	                         len);

	ck_assert_ptr_nonnull(x);
	return x;
}

/* Sign xml (NUL-terminated) by party; a malloc'd NUL-terminated copy. */
static char *sign_by(const char *xml, const char *party, int64_t when)
{
	scsec_signing_key *k = key_of(party);
	char *out, *copy;
	size_t n;

	ck_ok(scsec__sign_xml(&out, &n, xml, strlen(xml), "record.xml", k, when));
	scsec__signing_key_free(k);
	ck_assert_uint_eq(strlen(out), n);
	copy = strdup(out);
	scsec__free(out);
	return copy;
}

static size_t verify(const char *xml, scsec__signature **sigs)
{
	size_t n;

	ck_ok(scsec__signatures_verify(sigs, &n, xml, strlen(xml), "record.xml"));
	return n;
}

static void expect_valid(const char *xml, size_t count)
{
	scsec__signature *s;
	size_t n = verify(xml, &s), i;

	ck_assert_uint_eq(n, count);
	for (i = 0; i < n; i++)
		ck_assert_msg(s[i].valid, "signature %zu: %s", i + 1, s[i].problem);
	scsec__signatures_free(s, n);
}

/* The problem of the only (or last) signature, which must be invalid. */
static void expect_problem(const char *xml, const char *part)
{
	scsec__signature *s;
	size_t n = verify(xml, &s);

	ck_assert_uint_ge(n, 1);
	ck_assert_msg(!s[n - 1].valid, "the signature is valid");
	ck_assert_msg(s[n - 1].problem && strstr(s[n - 1].problem, part), "problem '%s' lacks '%s'",
	              s[n - 1].problem, part);
	scsec__signatures_free(s, n);
}

START_TEST(test_rsa)
{
	size_t len;
	char *x = example(&len), *y = sign_by(x, "body1", T_2026_04_01), fp[80];
	char *want = pki_file("body1", "fingerprint", NULL), *subj = pki_file("body1", "subject", NULL);
	char *opfp = pki_file("operator", "fingerprint", NULL);
	scsec__signature *s;
	size_t n = verify(y, &s);

	ck_assert_uint_eq(n, 1);
	ck_assert_msg(s[0].valid, "%s", s[0].problem);
	ck_assert_int_eq(s[0].signing_time, T_2026_04_01);
	ck_assert_ptr_nonnull(s[0].id);
	ck_assert_uint_eq(s[0].nchain, 1); /* the operator CA is not carried */
	snprintf(fp, sizeof fp, "%.64s", want);
	ck_assert_str_eq(s[0].chain[0].sha256, fp);
	subj[strcspn(subj, "\n")] = 0;
	ck_assert_str_eq(s[0].chain[0].subject, subj);
	ck_assert_str_eq(s[0].chain[0].issuer, "CN=Test Operator CA,O=Scheme Operator (test),C=JP");
	ck_assert_str_eq(s[0].chain[0].serial, "1001");
	ck_assert_int_eq(s[0].chain[0].is_ca, 0);
	ck_assert_int_eq(s[0].chain[0].not_before, INT64_C(1735689600));
	ck_assert_int_eq(s[0].chain[0].not_after, INT64_C(2051222400));
	ck_assert_str_ne(s[0].chain[0].sha256, opfp);
	/* Only the signature was added, before the root's end tag. */
	ck_assert_uint_gt(strlen(y), len);
	ck_assert_int_eq(memcmp(x, y, len - strlen("</evidence>\n")), 0);
	ck_assert_str_eq(y + strlen(y) - strlen("</Signature></evidence>\n"),
	                 "</Signature></evidence>\n");
	scsec__signatures_free(s, n);
	free(x);
	free(y);
	free(want);
	free(subj);
	free(opfp);
}
END_TEST

START_TEST(test_ecdsa_chain)
{
	char *x = example(NULL), *y = sign_by(x, "body2", 0);
	scsec__signature *s;
	size_t n = verify(y, &s);

	ck_assert_uint_eq(n, 1);
	ck_assert_msg(s[0].valid, "%s", s[0].problem);
	ck_assert_uint_eq(s[0].nchain, 2);
	ck_assert_str_eq(s[0].chain[1].subject,
	                 "CN=Test Intermediate CA,O=Scheme Operator (test),C=JP");
	ck_assert_int_eq(s[0].chain[1].is_ca, 1);
	ck_assert_int_ge(s[0].signing_time, (int64_t)time(NULL) - 60);
	ck_assert_ptr_nonnull(strstr(y, "ecdsa-sha256"));
	scsec__signatures_free(s, n);
	free(x);
	free(y);
}
END_TEST

START_TEST(test_several)
{
	char *x = example(NULL), *a = sign_by(x, "expert", T_2026_04_01);
	char *b = sign_by(a, "body1", T_2026_04_01 + 60);
	char *c = sign_by(b, "body2", T_2026_04_01 + 120);

	expect_valid(a, 1);
	expect_valid(b, 2);
	expect_valid(c, 3);
	free(x);
	free(a);
	free(b);
	free(c);
}
END_TEST

/* Flip one byte inside each signed part: the record's content, the
 * signed properties, SignedInfo. */
START_TEST(test_tamper)
{
	static const char *const marks[] = { "Hoshizora", "status=\"met\"", "2026-03-10",
	                                     "RISS No. ", "T00:00:00Z</signing-time>",
	                                     "<DigestValue>", "Filter=\"subtract\"",
	                                     "rsa-sha256", "</evidence>" };
	char *x = example(NULL), *y = sign_by(x, "body1", T_2026_04_01);
	size_t i;

	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		char *z = strdup(y), *p = strstr(z, marks[i]);
		scsec__signature *s;
		size_t n;
		int rc;

		ck_assert_ptr_nonnull(p);
		if (!strcmp(marks[i], "<DigestValue>"))
			p += strlen("<DigestValue>") + 3;
		else if (!strcmp(marks[i], "</evidence>"))
			p -= 1; /* the text node before the root's end */
		else
			p += 2;
		*p = *p == 'A' ? 'B' : *p == '\n' ? ' ' : (char)(*p ^ 1);
		rc = scsec__signatures_verify(&s, &n, z, strlen(z), "t.xml");
		if (rc == 0) {
			ck_assert_uint_eq(n, 1);
			ck_assert_msg(!s[0].valid, "flipping a byte at '%s' kept the signature valid",
			              marks[i]);
			scsec__signatures_free(s, n);
		}
		free(z);
	}
	free(x);
	free(y);
}
END_TEST

/* Replace the first occurrence of from (which must be there) by to. */
static char *replace(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	char *out;

	ck_assert_msg(p != NULL, "'%s' is not in the document", from);
	out = malloc(strlen(s) + strlen(to) + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out, s, (size_t)(p - s));
	strcpy(out + (p - s), to);
	strcat(out, p + strlen(from));
	return out;
}

/* Every refused form, with the words of its problem. */
START_TEST(test_refused)
{
	static const struct {
		const char *from, *to, *problem;
	} cases[] = {
		{ "xmlenc#sha256", "xmldsig#sha1", "SHA-1" },
		{ "xmldsig-more#rsa-sha256", "xmldsig#rsa-sha1", "SHA-1" },
		{ "xmldsig-more#rsa-sha256", "xmldsig-more#hmac-sha256", "HMAC" },
		{ "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n</Transforms>",
		  "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"/>\n</Transforms>",
		  "XSLT" },
		{ "<Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">",
		  "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">", "XPath 1.0" },
		{ ">/*/ds:Signature<", ">//ds:Signature<", "XPath expression" },
		{ "Filter=\"subtract\"", "Filter=\"intersect\"", "subtracts" },
		{ "<Reference URI=\"\">", "<Reference URI=\"http://example.com/x.xml\">", "URI" },
		{ "<Reference URI=\"\">", "<Reference URI=\"file:///etc/passwd\">", "URI" },
		{ "<Reference URI=\"#", "<Reference URI=\"#x", "URI" },
		{ "<KeyInfo>\n<X509Data>",
		  "<KeyInfo>\n<RetrievalMethod URI=\"http://example.com/k\"/>\n<X509Data>",
		  "RetrievalMethod" },
		{ "<KeyInfo>\n<X509Data>", "<KeyInfo>\n<KeyName>body</KeyName>\n<X509Data>", "KeyName" },
		{ "<X509Data>\n<X509Certificate>", "<X509Data>\n<X509SubjectName>CN=x</X509SubjectName>"
		                                    "<X509Certificate>",
		  "X509SubjectName" },
		{ "<SignedInfo>", "<SignedInfo Id=\"x\">", "attribute 'Id'" },
		{ "<SignatureValue>", "<!-- c --><SignatureValue>", "comment" },
	};
	char *x = example(NULL), *y = sign_by(x, "body1", T_2026_04_01);
	size_t i;

	expect_valid(y, 1);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *z = replace(y, cases[i].from, cases[i].to);

		expect_problem(z, cases[i].problem);
		expect_problem(z, "refused");
		free(z);
	}
	free(x);
	free(y);
}
END_TEST

/* ---- records: the reader verifies and keeps the signatures ---- */

static scsec_evidence *load(const char *xml, int expect_rc)
{
	scsec_evidence *ev = NULL;
	int rc = scsec_evidence_load_memory(&ev, xml, strlen(xml), "record.xml", NULL, NULL);

	ck_assert_msg(rc == expect_rc, "load gave %d (%s), not %d", rc,
	              scsec_error_message(scsec_error_last()), expect_rc);
	return ev;
}

START_TEST(test_record)
{
	char *x = example(NULL), *y = sign_by(x, "expert", T_2026_04_01);
	char *z = sign_by(y, "body2", T_2026_04_01 + 3600);
	char *fp = pki_file("body2", "fingerprint", NULL);
	scsec_evidence *ev = load(z, 0), *plain = load(x, 0);

	ck_assert_uint_eq(scsec_evidence_signature_count(ev), 2);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 1);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 1), 1);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 2), SCSEC_EINVAL);
	ck_assert_ptr_null(scsec_evidence_signature_problem(ev, 1));
	ck_assert_str_eq(scsec_evidence_signature_signer(ev, 0),
	                 "CN=Security Expert,O=Expert Office (test),C=JP");
	ck_assert_int_eq(strncmp(scsec_evidence_signature_fingerprint(ev, 1), fp, 64), 0);
	ck_assert_int_eq(scsec_evidence_signature_time(ev, 1), T_2026_04_01 + 3600);
	ck_assert_uint_gt(ev->signatures[1].loc.line, 1);
	ck_assert_uint_gt(ev->signatures[1].loc.column, 0);
	/* The signatures are not content: the fingerprint is the plain record's. */
	{
		char f1[65], f2[65];

		ck_ok(scsec_evidence_fingerprint(f1, ev));
		ck_ok(scsec_evidence_fingerprint(f2, plain));
		ck_assert_str_eq(f1, f2);
	}
	/* A change makes them stale. */
	ck_ok(scsec_evidence_set_tool(ev, "changed"));
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 0);
	ck_assert_ptr_nonnull(strstr(scsec_evidence_signature_problem(ev, 0), "changed"));
	ck_assert_uint_eq(scsec_evidence_signature_count(NULL), 0);
	scsec_evidence_free(ev);
	scsec_evidence_free(plain);
	/* The XML Schema takes the signatures too (after the entries). */
	{
		scsec_load_options *o;

		ck_ok(scsec_load_options_new(&o));
		ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_ALWAYS));
		ck_ok(scsec_evidence_load_memory(&ev, z, strlen(z), "z.xml", o, NULL));
		ck_assert_uint_eq(scsec_evidence_signature_count(ev), 2);
		ck_assert_int_eq(scsec_evidence_signature_valid(ev, 1), 1);
		scsec_evidence_free(ev);
		scsec_load_options_free(o);
	}
	free(x);
	free(y);
	free(z);
	free(fp);
}
END_TEST

/* Signature wrapping: what is read is the root's content, which is what
 * is signed. */
START_TEST(test_wrapping)
{
	static const char forged[] = "<entry id=\"1-2-1-1\" status=\"met\" method=\"third-party\"/>";
	char *x = example(NULL), *y = sign_by(x, "body1", T_2026_04_01), *z, *w;
	scsec_evidence *ev;

	/* A duplicated entry inside the Signature (in its Object, and beside
	 * it): not read, and the signature is of a refused form. */
	z = replace(y, "</SignatureProperties>\n</Object>",
	            "</SignatureProperties>\n</Object>"
	            "<Object>"
	            "<entry xmlns=\"urn:scsec:evidence:1\" id=\"1-2-1-1\" method=\"third-party\"/>"
	            "</Object>");
	ev = load(z, 0);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 0);
	ck_assert_int_eq(scsec_entry_method(scsec_evidence_entry(ev, "1-2-1-1")),
	                 SCSEC_METHOD_EXPERT_REVIEWED);
	scsec_evidence_free(ev);
	free(z);
	z = replace(y, "<SignedInfo>", "<Object><entry xmlns=\"urn:scsec:evidence:1\" id=\"x\"/></Object><SignedInfo>");
	ev = load(z, 0);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 0);
	scsec_evidence_free(ev);
	free(z);
	/* The duplicated entry in the record itself: refused (a second entry),
	 * and an entry changed in place breaks the digest. */
	z = replace(y, "<entry id=\"1-2-1-2\"", "<entry id=\"1-2-1-1\" status=\"met\" method=\"third-party\"/><entry id=\"1-2-1-2\"");
	load(z, SCSEC_EEXISTS);
	free(z);
	z = replace(y, "<entry id=\"1-2-1-1\" status=\"met\" method=\"expert-reviewed\"", "<entry id=\"1-2-1-1\" status=\"met\" method=\"third-party\"");
	ev = load(z, 0);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 0);
	ck_assert_ptr_nonnull(strstr(scsec_evidence_signature_problem(ev, 0), "digest"));
	scsec_evidence_free(ev);
	free(z);
	/* An extra root-level element (a new entry) after signing. */
	z = replace(y, "  <entry id=\"1-2-1-2\"", "  <entry id=\"9-9-9-9\" status=\"met\"/>\n  <entry id=\"1-2-1-2\"");
	ev = load(z, 0);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 0);
	scsec_evidence_free(ev);
	free(z);
	/* An element after the signatures, and a second root element. */
	z = replace(y, "</Signature></evidence>", "</Signature><entry id=\"9-9-9-9\" status=\"met\"/></evidence>");
	load(z, SCSEC_ESCHEMA);
	free(z);
	w = malloc(strlen(y) + 64);
	strcpy(w, y);
	strcat(w, "<evidence xmlns=\"urn:scsec:evidence:1\"/>\n");
	load(w, SCSEC_EPARSE);
	free(w);
	/* The Signature moved into an entry, or before the entries. */
	{
		const char *sig = strstr(y, "<Signature"), *end = strstr(y, "</evidence>");
		size_t slen = (size_t)(end - sig);
		char *moved = malloc(strlen(y) + 1), *p;

		memcpy(moved, y, (size_t)(sig - y));
		strcpy(moved + (sig - y), end);
		p = strstr(moved, "</entry>");
		w = malloc(strlen(y) + 1);
		memcpy(w, moved, (size_t)(p - moved));
		memcpy(w + (p - moved), sig, slen);
		strcpy(w + (p - moved) + slen, p);
		load(w, SCSEC_ESCHEMA);
		ck_assert_int_eq(scsec__signatures_verify(&(scsec__signature *){ NULL }, &(size_t){ 0 }, w,
		                                          strlen(w), "w.xml"),
		                 SCSEC_EUNSAFE);
		free(w);
		p = strstr(moved, "  <entry");
		w = malloc(strlen(y) + 1);
		memcpy(w, moved, (size_t)(p - moved));
		memcpy(w + (p - moved), sig, slen);
		strcpy(w + (p - moved) + slen, p);
		load(w, SCSEC_ESCHEMA);
		free(w);
		free(moved);
	}
	(void)forged;
	free(x);
	free(y);
}
END_TEST

/* The public API's argument and key checks. */
START_TEST(test_api)
{
	char path[8192], cpath[8192], opath[8192];
	scsec_signing_key *k = NULL;
	char *out = NULL, *x = example(NULL), *tmp = test_tmpdir_new("sig");
	size_t n;
	scsec_evidence *ev;

	snprintf(path, sizeof path, "%s/expert/key.pem", pki_dir());
	snprintf(cpath, sizeof cpath, "%s/body1/cert.pem", pki_dir());
	ck_assert_int_eq(scsec_signing_key_load_file(NULL, path, cpath, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_signing_key_load_file(&k, NULL, cpath, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_signing_key_load_file(&k, path, cpath, NULL), SCSEC_EINVAL);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "not the key"));
	ck_assert_int_eq(scsec_signing_key_load_file(&k, path, "/nonexistent.pem", NULL), SCSEC_EIO);
	ck_assert_int_eq(scsec_signing_key_load_file(&k, cpath, cpath, NULL), SCSEC_EPARSE);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), cpath);
	snprintf(path, sizeof path, "%s/rsa1024/key.pem", pki_dir());
	snprintf(cpath, sizeof cpath, "%s/rsa1024/cert.pem", pki_dir());
	ck_assert_int_eq(scsec_signing_key_load_file(&k, path, cpath, NULL), SCSEC_EINVAL);
	ck_assert_ptr_nonnull(strstr(scsec_error_message(scsec_error_last()), "2048"));
	ck_assert_ptr_null(k);
	snprintf(path, sizeof path, "%s/body2/key.pem", pki_dir());
	snprintf(cpath, sizeof cpath, "%s/body2/cert.pem", pki_dir());
	snprintf(opath, sizeof opath, "%s/body2/chain.pem", pki_dir());
	ck_ok(scsec_signing_key_load_file(&k, path, cpath, opath));
	ck_assert_uint_eq(strlen(scsec_signing_key_fingerprint(k)), 64);
	ck_assert_ptr_null(scsec_signing_key_fingerprint(NULL));
	ck_assert_int_eq(scsec_evidence_sign_memory(NULL, &n, x, strlen(x), NULL, k, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_sign_memory(&out, &n, x, strlen(x), NULL, NULL, 0),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_sign_memory(&out, &n, "{\"x\":1}", 7, "r.json", k, 0),
	                 SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_sign_memory(&out, &n, "<evidence/>", 11, "r.xml", k, 0),
	                 SCSEC_EVERSION);
	{
		static const char dtd[] = "<!DOCTYPE evidence><evidence xmlns=\"urn:scsec:evidence:1\">"
		                          "</evidence>";
		static const char empty[] = "<evidence xmlns=\"urn:scsec:evidence:1\"/>";

		ck_assert_int_eq(scsec_evidence_sign_memory(&out, &n, dtd, strlen(dtd), "r.xml", k, 0),
		                 SCSEC_EUNSAFE);
		ck_assert_int_eq(scsec_evidence_sign_memory(&out, &n, empty, strlen(empty), "r.xml", k, 0),
		                 SCSEC_EINVALID);
	}
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), "r.xml");
	ck_ok(scsec_evidence_sign_memory(&out, &n, x, strlen(x), NULL, k, T_2026_04_01));
	ck_assert_uint_eq(strlen(out), n);
	scsec_free(out);
	snprintf(path, sizeof path, "%s/in.xml", tmp);
	snprintf(opath, sizeof opath, "%s/out.xml", tmp);
	test_write_file(path, x, strlen(x));
	ck_assert_int_eq(scsec_evidence_sign_file(NULL, opath, k, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_sign_file(path, NULL, k, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_sign_file(path, opath, NULL, 0), SCSEC_EINVAL);
	ck_ok(scsec_evidence_sign_file(path, opath, k, 0));
	ck_ok(scsec_evidence_sign_file(opath, opath, k, 0)); /* in place, a second one */
	ck_ok(scsec_evidence_load_file(&ev, opath, NULL, NULL));
	ck_assert_uint_eq(scsec_evidence_signature_count(ev), 2);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 0), 1);
	ck_assert_int_eq(scsec_evidence_signature_valid(ev, 1), 1);
	ck_assert_uint_eq(test_count_in_dir(tmp, ".tmp"), 0);
	scsec_evidence_free(ev);
	remove(path);
	remove(opath);
	rmdir(tmp);
	free(tmp);
	scsec_signing_key_free(k);
	scsec_signing_key_free(NULL);
	free(x);
}
END_TEST

static Suite *signature_suite(void)
{
	Suite *s = suite_create("signature");
	TCase *tc = tcase_create("sign-verify");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_rsa);
	tcase_add_test(tc, test_ecdsa_chain);
	tcase_add_test(tc, test_several);
	tcase_add_test(tc, test_tamper);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_record);
	tcase_add_test(tc, test_wrapping);
	tcase_add_test(tc, test_api);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	if (make_pki())
		return 99;
	return test_run(signature_suite());
}
