/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: OSCAL assessment-results, JSON or XML, as an evidence record
 * for the built-in set (scsec_evidence_import_oscal_results_memory).
 *
 * Asserts (abort on violation):
 * - a failed import reports an error with the returned code (list and
 *   thread's last error), a successful one none;
 * - an imported record keeps every accessor's promise (fuzz_common.h), its
 *   canonical XML reloads (with and without the validator) to the same
 *   bytes and fingerprint, and it evaluates exactly as doc/evaluation.md
 *   says (fuzz_common.h's re-implementation). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const scsec_criteria *c = fz_builtin();
	scsec_diagnostics *d = NULL;
	scsec_evidence *ev = NULL;
	int rc;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	rc = scsec_evidence_import_oscal_results_memory(&ev, data, size, "ar.json", c,
	                                                fz_options(-1), d);
	FZ_CHECK((rc == 0) == (ev != NULL), "rc %d with record %p", rc, (void *)ev);
	fz_check_diags(d, rc, "import_oscal_results");
	if (!rc) {
		fz_eval_req q;

		FZ_CHECK(!strcmp(scsec_evidence_criteria_id(ev), scsec_criteria_id(c)));
		fz_walk_evidence(ev);
		fz_evidence_xml_roundtrip(ev);
		memset(&q, 0, sizeof q);
		q.as_of = fz_ymd(2026, 12, 1);
		fz_evaluate(c, ev, &q, NULL);
	}
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	return 0;
}
