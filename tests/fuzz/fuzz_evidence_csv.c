/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: CSV answer sheets (scsec_evidence_import_csv_memory) against
 * the built-in set.
 *
 * Asserts (abort on violation):
 * - a failed import reports an error with the returned code (list and
 *   thread's last error), a successful one none;
 * - an imported record has only answered entries, for ids of the set, in
 *   id order, and names the set;
 * - exporting it (all rows, and one level's rows with Japanese texts) and
 *   importing the sheet again gives a record with the identical canonical
 *   XML (scsec_evidence_export_csv(): "importing it again gives the same
 *   entries");
 * - its canonical XML loads again, with and without the schema validator,
 *   into the same canonical form; the fingerprint is its SHA-256;
 * - scsec_evidence_check() gives a verdict matching its diagnostics. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const scsec_criteria *c = fz_builtin();
	scsec_diagnostics *d = NULL;
	scsec_evidence *ev = NULL;
	size_t i;
	int rc;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	rc = scsec_evidence_import_csv_memory(&ev, data, size, "fuzz.csv", c, fz_options(-1), d);
	FZ_CHECK((rc == 0) == (ev != NULL), "rc %d with record %p", rc, (void *)ev);
	fz_check_diags(d, rc, "import_csv");
	if (!rc) {
		int rank = size && (data[size - 1] & 1) ? 3 : 4;

		fz_walk_evidence(ev);
		FZ_CHECK(!strcmp(scsec_evidence_criteria_id(ev), scsec_criteria_id(c)) &&
		         !strcmp(scsec_evidence_criteria_version(ev), scsec_criteria_version(c)) &&
		         !strcmp(scsec_evidence_criteria_fingerprint(ev), scsec_criteria_fingerprint(c)));
		for (i = 0; i < scsec_evidence_entry_count(ev); i++) {
			const scsec_entry *e = scsec_evidence_entry_at(ev, i);

			FZ_CHECK(scsec_entry_status(e) != SCSEC_STATUS_NONE);
			FZ_CHECK(scsec_criteria_criterion(c, scsec_entry_id(e)) ||
			         scsec_criteria_prerequisite(c, scsec_entry_id(e)),
			         "imported an entry for '%s', which the set lacks", scsec_entry_id(e));
		}
		fz_csv_roundtrip(ev, c, 0, NULL, 1);
		fz_csv_roundtrip(ev, c, rank, "ja", 1);
		fz_evidence_xml_roundtrip(ev);
		fz_evidence_check(ev, c);
	}
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	return 0;
}
