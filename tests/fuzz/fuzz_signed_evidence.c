/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: signed evidence records (doc/signatures.md): the XML
 * reader with its signature verifier (scsec_evidence_load_memory), and
 * signing (scsec_evidence_sign_memory).
 *
 * Asserts (abort on violation):
 * - loading with libxml2's schema validator and with the structure rules
 *   agree on success, on the number of signatures and on each one's
 *   validity, problem, signer, fingerprint and time;
 * - every signature keeps the accessors' promises: a valid one has no
 *   problem, an invalid one has one; a fingerprint is 64 lowercase hex
 *   digits; a time is -1 or not negative;
 * - a record that loads and can be signed (it has a root end tag) loads
 *   again after signing with the harness's key, with one more signature,
 *   the new one valid, and every signature that was valid still valid
 *   (adding a signature never invalidates another);
 * - a failed load reports an error with its code. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A throw-away EC P-256 key and its self-signed certificate, for the
 * harness only: not a secret. */
static const char fz_key[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHynp1Kj8n7JUL9id\n"
	"8C1Gk5DbZPd6ZTgS9QIoeSqqM9ahRANCAARWugnssXyA2tSye1tneO6fJ+JHGPG4\n"
	"Qsyju2yMY9CuVclLjxZMSCDpokdzp1enXUEGamMkztGBaNKIzgpKejvg\n"
	"-----END PRIVATE KEY-----\n";
static const char fz_cert[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBxTCCAWugAwIBAgIUCz56c+rlCTOPsi5LzqeKdm+Igq8wCgYIKoZIzj0EAwIw\n"
	"NzE1MDMGA1UEAwwsbGlic2NzZWMgZnV6eiBoYXJuZXNzICh0ZXN0IGtleSwgbm90\n"
	"IHNlY3JldCkwIBcNMjYxMjAzMTIzNjAwWhgPMjEyNjExMDkxMjM2MDBaMDcxNTAz\n"
	"BgNVBAMMLGxpYnNjc2VjIGZ1enogaGFybmVzcyAodGVzdCBrZXksIG5vdCBzZWNy\n"
	"ZXQpMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVroJ7LF8gNrUsntbZ3junyfi\n"
	"RxjxuELMo7tsjGPQrlXJS48WTEgg6aJHc6dXp11BBmpjJM7RgWjSiM4KSno74KNT\n"
	"MFEwHQYDVR0OBBYEFIOHMOe2goS5faozWXZrmep80q7oMB8GA1UdIwQYMBaAFIOH\n"
	"MOe2goS5faozWXZrmep80q7oMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwID\n"
	"SAAwRQIgfzRbtIS50vTXrbErYr5s9qeWYqQhtiIrw/LuwI31OMoCIQDNdpk0j4jz\n"
	"KbFGXGx3hF+6xppFerDJSZWgqFB2QrMmig==\n"
	"-----END CERTIFICATE-----\n";

static scsec_evidence *load(const void *data, size_t size, int schema, int *rc)
{
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = NULL;

	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	*rc = scsec_evidence_load_memory(&ev, data, size, "fuzz.xml", fz_options(schema), d);
	FZ_CHECK((*rc == 0) == (ev != NULL), "rc %d with record %p", *rc, (void *)ev);
	fz_check_diags(d, *rc, "load");
	scsec_diagnostics_free(d);
	return ev;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void check_signatures(const scsec_evidence *ev)
{
	size_t i, n = scsec_evidence_signature_count(ev);

	FZ_CHECK(scsec_evidence_signature_valid(ev, n) == SCSEC_EINVAL);
	for (i = 0; i < n; i++) {
		int valid = scsec_evidence_signature_valid(ev, i);
		const char *fp = scsec_evidence_signature_fingerprint(ev, i);

		FZ_CHECK(valid == 0 || valid == 1, "validity %d", valid);
		FZ_CHECK((scsec_evidence_signature_problem(ev, i) == NULL) == valid,
		         "signature %zu: valid %d, problem %s", i, valid,
		         scsec_evidence_signature_problem(ev, i));
		FZ_CHECK(!valid || (fp && scsec_evidence_signature_signer(ev, i)));
		if (fp) {
			size_t k;

			FZ_CHECK(strlen(fp) == 64, "fingerprint '%s'", fp);
			for (k = 0; k < 64; k++)
				FZ_CHECK((fp[k] >= '0' && fp[k] <= '9') || (fp[k] >= 'a' && fp[k] <= 'f'),
				         "fingerprint '%s'", fp);
		}
		FZ_CHECK(scsec_evidence_signature_time(ev, i) >= -1);
	}
}

static void compare(const scsec_evidence *a, const scsec_evidence *b)
{
	size_t i, n = scsec_evidence_signature_count(a);

	FZ_CHECK(scsec_evidence_signature_count(b) == n);
	for (i = 0; i < n; i++) {
		FZ_CHECK(scsec_evidence_signature_valid(a, i) == scsec_evidence_signature_valid(b, i));
		FZ_CHECK(same(scsec_evidence_signature_problem(a, i),
		              scsec_evidence_signature_problem(b, i)));
		FZ_CHECK(same(scsec_evidence_signature_signer(a, i),
		              scsec_evidence_signature_signer(b, i)));
		FZ_CHECK(same(scsec_evidence_signature_fingerprint(a, i),
		              scsec_evidence_signature_fingerprint(b, i)));
		FZ_CHECK(scsec_evidence_signature_time(a, i) == scsec_evidence_signature_time(b, i));
	}
}

static const scsec_signing_key *fz_signing_key(void)
{
	static scsec_signing_key *k;

	if (!k)
		FZ_OK(scsec_signing_key_load_memory(&k, fz_key, sizeof fz_key - 1, fz_cert,
		                                    sizeof fz_cert - 1, NULL, 0));
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_evidence *eva, *evn, *evs;
	char *signed_doc = NULL;
	size_t signed_len = 0, i, n;
	int rca, rcn, rc;

	if (size > FZ_MAX_INPUT)
		return 0;
	eva = load(data, size, SCSEC_SCHEMA_ALWAYS, &rca);
	evn = load(data, size, SCSEC_SCHEMA_NEVER, &rcn);
	FZ_CHECK((rca == 0) == (rcn == 0), "validator %d, structure rules %d", rca, rcn);
	if (!evn) {
		scsec_evidence_free(eva);
		return 0;
	}
	check_signatures(evn);
	compare(eva, evn);
	scsec_evidence_free(eva);
	n = scsec_evidence_signature_count(evn);
	scsec_error_clear();
	rc = scsec_evidence_sign_memory(&signed_doc, &signed_len, data, size, "fuzz.xml",
	                                fz_signing_key(), 1775001600);
	FZ_CHECK((rc == 0) == (signed_doc != NULL), "rc %d", rc);
	FZ_CHECK(rc == 0 || scsec_error_code(scsec_error_last()) == rc, "rc %d", rc);
	/* Signing refuses only a record the default options refuse, one
	 * without a root end tag, or one too large for a second copy. */
	if (rc == 0 && signed_len <= FZ_MAX_DOCUMENT) {
		evs = load(signed_doc, signed_len, SCSEC_SCHEMA_NEVER, &rc);
		FZ_CHECK(rc == 0, "the signed record does not load: %s",
		         scsec_error_message(scsec_error_last()));
		check_signatures(evs);
		FZ_CHECK(scsec_evidence_signature_count(evs) == n + 1);
		FZ_CHECK(scsec_evidence_signature_valid(evs, n) == 1, "the new signature: %s",
		         scsec_evidence_signature_problem(evs, n));
		for (i = 0; i < n; i++)
			FZ_CHECK(scsec_evidence_signature_valid(evs, i) >=
			                 scsec_evidence_signature_valid(evn, i),
			         "signing invalidated signature %zu: %s", i,
			         scsec_evidence_signature_problem(evs, i));
		scsec_evidence_free(evs);
	}
	scsec_free(signed_doc);
	scsec_evidence_free(evn);
	return 0;
}
