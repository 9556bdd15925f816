/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: evidence records in XML (scsec_evidence_load_memory).
 *
 * Asserts (abort on violation):
 * - loading with libxml2's schema validator (SCSEC_SCHEMA_ALWAYS) and with
 *   the loader's own structure rules (SCSEC_SCHEMA_NEVER) agree on success
 *   or failure; the default (SCSEC_SCHEMA_AUTO) returns exactly what NEVER
 *   returns, as documented for evidence;
 * - a failed load reports an error with the returned code, a successful one
 *   none; scsec_document_validate_memory() agrees with the loader and, for
 *   a record naming the built-in set, with scsec_evidence_check();
 * - a loaded record's canonical form is the same from both modes, its
 *   SHA-256 is the fingerprint, it loads again (both modes) into the same
 *   canonical form; a copy (scsec_evidence_dup) has it too;
 * - every accessor keeps the API's promises (ids in order, digests lowercase);
 * - scsec_evidence_check() against the built-in set gives a verdict that
 *   matches its diagnostics;
 * - CSV export and re-import (all rows, one level's rows, Japanese texts)
 *   do not crash. */
#include <strings.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scsec_evidence *load(const void *data, size_t size, int schema, scsec_diagnostics *d,
                            int *rc, const char *what)
{
	scsec_evidence *ev = NULL;

	scsec_error_clear();
	*rc = scsec_evidence_load_memory(&ev, data, size, "fuzz.xml", fz_options(schema), d);
	FZ_CHECK((*rc == 0) == (ev != NULL), "rc %d with record %p", *rc, (void *)ev);
	fz_check_diags(d, *rc, what);
	return ev;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_diagnostics *da = NULL, *dn = NULL, *dd = NULL;
	scsec_evidence *eva, *evn, *evd;
	scsec_document_kind kind;
	int rca, rcn, rcd, rcv;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&da));
	FZ_OK(scsec_diagnostics_new(&dn));
	FZ_OK(scsec_diagnostics_new(&dd));
	eva = load(data, size, SCSEC_SCHEMA_ALWAYS, da, &rca, "load (schema validator)");
	evn = load(data, size, SCSEC_SCHEMA_NEVER, dn, &rcn, "load (structure rules)");
	if ((rca == 0) != (rcn == 0)) {
		fz_dump_diags("with libxml2's schema validator (SCSEC_SCHEMA_ALWAYS)", da);
		fz_dump_diags("with the loader's structure rules (SCSEC_SCHEMA_NEVER)", dn);
		fz_fail(__FILE__, __LINE__,
		        "schema validator and structure rules disagree: %d (%s) with the validator, "
		        "%d (%s) without",
		        rca, scsec_strerror(rca), rcn, scsec_strerror(rcn));
	}
	evd = load(data, size, -1, dd, &rcd, "load (default options)");
	FZ_CHECK(rcd == rcn && scsec_diagnostics_count(dd) == scsec_diagnostics_count(dn),
	         "SCSEC_SCHEMA_AUTO is not SCSEC_SCHEMA_NEVER for evidence: %d vs %d", rcd, rcn);

	scsec_error_clear();
	rcv = scsec_document_validate_memory(&kind, data, size, "fuzz.xml", fz_options(-1), NULL);
	if (rcn) {
		/* Another kind of document (a criteria set) may validate. */
		FZ_CHECK(rcv != 0 || kind != SCSEC_DOCUMENT_EVIDENCE,
		         "validate_memory accepts a record the loader refuses (%d)", rcn);
	} else {
		const char *id = scsec_evidence_criteria_id(evn);
		int named = id && !strcmp(id, SCSEC_CRITERIA_DEFAULT), near = 0;
		size_t i;

		/* A built-in set's id in another case is the mismatch evaluation
		 * would refuse. */
		for (i = 0; id && !named && i < scsec_criteria_builtin_count(); i++)
			near |= !strcasecmp(id, scsec_criteria_builtin_id(i));
		FZ_CHECK(kind == SCSEC_DOCUMENT_EVIDENCE, "validate_memory found kind %d", (int)kind);
		FZ_CHECK(rcv == (named ? scsec_evidence_check(evn, fz_builtin(), NULL)
		                       : near ? SCSEC_EMISMATCH : 0),
		         "validate_memory returned %d", rcv);
	}

	if (!rcn) {
		size_t na = 0, nn = 0, nd = 0, ndup = 0;
		char *xa = fz_evidence_xml(eva, &na), *xn = fz_evidence_xml(evn, &nn);
		char *xd = fz_evidence_xml(evd, &nd), *xdup;
		scsec_evidence *dup = NULL;
		int rank = size ? (data[size - 1] & 1 ? 3 : 4) : 0;

		FZ_CHECK(na == nn && !memcmp(xa, xn, na),
		         "the two modes built records with different canonical forms");
		FZ_CHECK(nd == nn && !memcmp(xd, xn, nn));
		fz_walk_evidence(evn);
		fz_evidence_xml_roundtrip(evn);
		FZ_OK(scsec_evidence_dup(&dup, evn));
		xdup = fz_evidence_xml(dup, &ndup);
		FZ_CHECK(ndup == nn && !memcmp(xdup, xn, nn), "a copy has another canonical form");
		fz_evidence_check(evn, fz_builtin());
		fz_csv_roundtrip(evn, fz_builtin(), 0, NULL, 0);
		fz_csv_roundtrip(evn, fz_builtin(), rank, "ja", 0);
		scsec_free(xa);
		scsec_free(xn);
		scsec_free(xd);
		scsec_free(xdup);
		scsec_evidence_free(dup);
	}
	scsec_evidence_free(eva);
	scsec_evidence_free(evn);
	scsec_evidence_free(evd);
	scsec_diagnostics_free(da);
	scsec_diagnostics_free(dn);
	scsec_diagnostics_free(dd);
	return 0;
}
