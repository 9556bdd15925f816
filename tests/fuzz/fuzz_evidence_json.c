/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: evidence records in JSON (scsec_evidence_load_memory on a
 * document starting with '{').
 *
 * Asserts (abort on violation):
 * - a failed load reports an error with the returned code, a successful one
 *   none; scsec_document_validate_memory() agrees with the loader on
 *   success or failure;
 * - a loaded record keeps every accessor's promise; its canonical XML
 *   reloads (both schema modes) to the same bytes and fingerprint;
 * - its JSON form (scsec_evidence_write_memory_as) loads again into a
 *   record with the same fingerprint and the same JSON bytes, and the JSON
 *   of the XML-reloaded record is those bytes too. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scsec_evidence *load(const void *data, size_t size, scsec_diagnostics *d, int *rc,
                            const char *what)
{
	scsec_evidence *ev = NULL;

	scsec_error_clear();
	*rc = scsec_evidence_load_memory(&ev, data, size, "fuzz.json", fz_options(SCSEC_SCHEMA_AUTO),
	                                 d);
	FZ_CHECK((*rc == 0) == (ev != NULL), "rc %d with record %p", *rc, (void *)ev);
	fz_check_diags(d, *rc, what);
	return ev;
}

static char *json_of(const scsec_evidence *ev, size_t *n)
{
	char *j = NULL;

	FZ_OK(scsec_evidence_write_memory_as(&j, n, ev, SCSEC_FORMAT_JSON));
	FZ_CHECK(j && *n == strlen(j) && j[0] == '{');
	return j;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_diagnostics *d = NULL, *dv = NULL, *d2 = NULL;
	scsec_evidence *ev, *back;
	scsec_document_kind kind;
	char fp[SCSEC_FINGERPRINT_BUFSIZE], fp2[SCSEC_FINGERPRINT_BUFSIZE];
	char *j, *j2;
	size_t n = 0, n2 = 0;
	int rc, rc2, rcv;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&d));
	FZ_OK(scsec_diagnostics_new(&dv));
	FZ_OK(scsec_diagnostics_new(&d2));
	ev = load(data, size, d, &rc, "load");
	rcv = scsec_document_validate_memory(&kind, data, size, "fuzz.json",
	                                     fz_options(SCSEC_SCHEMA_AUTO), dv);
	if (rc)
		FZ_CHECK(rcv != 0, "validation passes a record the loader refuses (%d)", rc);
	if (ev) {
		fz_walk_evidence(ev);
		fz_evidence_xml_roundtrip(ev);
		FZ_OK(scsec_evidence_fingerprint(fp, ev));
		j = json_of(ev, &n);
		back = load(j, n, d2, &rc2, "reload of the JSON form");
		if (rc2) {
			fz_dump_diags("reloading the JSON form", d2);
			fprintf(stderr, "%.*s\n", n > 8000 ? 8000 : (int)n, j);
		}
		FZ_CHECK(rc2 == 0, "the JSON form of a record does not load: %d", rc2);
		FZ_OK(scsec_evidence_fingerprint(fp2, back));
		FZ_CHECK(!strcmp(fp, fp2), "the JSON form changes the fingerprint");
		j2 = json_of(back, &n2);
		FZ_CHECK(n == n2 && !memcmp(j, j2, n), "the JSON form changes when reloaded");
		scsec_free(j2);
		scsec_free(j);
		scsec_evidence_free(back);
		scsec_evidence_free(ev);
	}
	scsec_diagnostics_free(d);
	scsec_diagnostics_free(dv);
	scsec_diagnostics_free(d2);
	return 0;
}
