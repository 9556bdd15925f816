/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: trust lists in XML (scsec_trust_load_memory, doc/trust.md).
 *
 * Asserts (abort on violation):
 * - loading with libxml2's schema validator (the default for trust lists)
 *   and with the loader's own structure rules (SCSEC_SCHEMA_NEVER) agree on
 *   success or failure;
 * - a failed load reports an error whose code is the one returned, a
 *   successful one none; a list loaded without an operator certificate is
 *   never verified, and with one (the fixture's, which signs nothing here)
 *   never loads;
 * - a loaded list's XML loads again (both modes) into a list whose XML is
 *   byte-identical, with the same parties and revocations;
 * - every accessor keeps its promises (strings non-NULL where documented,
 *   NULL past the end). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A certificate nobody signed the inputs with (tests/data/trust/body.pem). */
static const char operator_pem[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBqzCCAVGgAwIBAgIUE1ClnuWqQffFJxojcFJOd1RBn/UwCgYIKoZIzj0EAwIw\n"
	"KjEVMBMGA1UEAwwMRml4dHVyZSBCb2R5MREwDwYDVQQKDAhGaXh0dXJlczAgFw0y\n"
	"NjEyMDMxMTU5MzBaGA8yMTI2MTEwOTExNTkzMFowKjEVMBMGA1UEAwwMRml4dHVy\n"
	"ZSBCb2R5MREwDwYDVQQKDAhGaXh0dXJlczBZMBMGByqGSM49AgEGCCqGSM49AwEH\n"
	"A0IABBFi0XBCIRLI/zG+46rnCm0FNVo/J8+sYoFSEA+i5A7aOjCUTHA2MHOn/GuF\n"
	"t8Qror9ZFC7qB75peQ7QSbzEhRSjUzBRMB0GA1UdDgQWBBQsjNugaMDQgXKvzHT1\n"
	"rEjxMscQ6jAfBgNVHSMEGDAWgBQsjNugaMDQgXKvzHT1rEjxMscQ6jAPBgNVHRMB\n"
	"Af8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCrZz/Lb651Fs+3dnQdzPMye1os\n"
	"KB2wEZQtbZGDWXH5WAIgAyq4Zsb7sfMzkjBoRbFtZ7kQIbW8/oSY6DpsT486x/Q=\n"
	"-----END CERTIFICATE-----\n";

static scsec_trust *load(const void *data, size_t size, int schema, scsec_diagnostics *d,
                         int *rc)
{
	scsec_trust *t = NULL;

	scsec_error_clear();
	*rc = scsec_trust_load_memory(&t, data, size, "fuzz.xml", NULL, 0, fz_options(schema), d);
	FZ_CHECK((*rc == 0) == (t != NULL), "rc %d with list %p", *rc, (void *)t);
	fz_check_diags(d, *rc, schema == SCSEC_SCHEMA_NEVER ? "load (structure rules)"
	                                                    : "load (schema validator)");
	FZ_CHECK(!t || !scsec_trust_verified(t));
	return t;
}

static void walk(const scsec_trust *t)
{
	size_t i;

	FZ_CHECK(scsec_trust_operator(t) && scsec_trust_version(t));
	FZ_CHECK(scsec_trust_signer_fingerprint(t) == NULL);
	for (i = 0; i < scsec_trust_party_count(t); i++) {
		const scsec_trust_party *p = scsec_trust_party_at(t, i);

		FZ_CHECK(p && scsec_trust_party_name(p) && scsec_trust_party_role(p));
		FZ_CHECK(strlen(scsec_trust_party_fingerprint(p)) == 64);
		FZ_CHECK(!scsec_trust_party_subject(p) || scsec_trust_party_is_ca(p));
		FZ_CHECK(scsec_trust_party_from(p) == SCSEC_DATE_NONE ||
		         scsec_trust_party_until(p) == SCSEC_DATE_NONE ||
		         scsec_trust_party_from(p) <= scsec_trust_party_until(p));
	}
	FZ_CHECK(scsec_trust_party_at(t, i) == NULL);
	for (i = 0; i < scsec_trust_revocation_count(t); i++) {
		const scsec_trust_revocation *r = scsec_trust_revocation_at(t, i);

		FZ_CHECK(r);
		FZ_CHECK(!scsec_trust_revocation_fingerprint(r) != !scsec_trust_revocation_issuer(r));
		FZ_CHECK(!scsec_trust_revocation_issuer(r) == !scsec_trust_revocation_serial(r));
	}
	FZ_CHECK(scsec_trust_revocation_at(t, i) == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_diagnostics *d = NULL;
	scsec_trust *a, *b, *c, *v;
	char *x = NULL, *y = NULL;
	size_t xn = 0, yn = 0;
	int ra, rb, rc, rv;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&d));
	a = load(data, size, SCSEC_SCHEMA_ALWAYS, d, &ra);
	scsec_diagnostics_clear(d);
	b = load(data, size, SCSEC_SCHEMA_NEVER, d, &rb);
	FZ_CHECK(!a == !b, "the schema validator says %d, the structure rules %d", ra, rb);
	/* With an operator certificate nothing here is ever verified. */
	scsec_error_clear();
	v = NULL;
	rv = scsec_trust_load_memory(&v, data, size, "fuzz.xml", operator_pem,
	                             sizeof operator_pem - 1, fz_options(-1), NULL);
	FZ_CHECK(rv != 0 && v == NULL, "a list verified against a certificate that signs nothing");
	if (a) {
		walk(a);
		FZ_OK(scsec_trust_write_memory(&x, &xn, a));
		FZ_OK(scsec_trust_write_memory(&y, &yn, b));
		FZ_CHECK(xn == yn && !memcmp(x, y, xn), "the two modes read different lists");
		scsec_free(y);
		y = NULL;
		scsec_diagnostics_clear(d);
		c = load(x, xn, SCSEC_SCHEMA_NEVER, d, &rc);
		FZ_CHECK(c, "the written list does not load again: %d", rc);
		FZ_CHECK(scsec_trust_party_count(c) == scsec_trust_party_count(a));
		FZ_CHECK(scsec_trust_revocation_count(c) == scsec_trust_revocation_count(a));
		FZ_OK(scsec_trust_write_memory(&y, &yn, c));
		FZ_CHECK(xn == yn && !memcmp(x, y, xn), "the written list is not stable");
		scsec_trust_free(c);
		scsec_diagnostics_clear(d);
		c = load(x, xn, SCSEC_SCHEMA_ALWAYS, d, &rc);
		FZ_CHECK(c, "the written list fails the schema: %d", rc);
		scsec_trust_free(c);
	}
	scsec_free(x);
	scsec_free(y);
	scsec_trust_free(a);
	scsec_trust_free(b);
	scsec_diagnostics_free(d);
	return 0;
}
