/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: Excel workbooks (lib/io/xlsx.c) read as answer sheets
 * (scsec_evidence_import_csv_memory) against the built-in set. Inputs that
 * do not start a zip archive are made to, so that every run reaches libzip.
 *
 * Asserts (abort on violation):
 * - a failed import reports an error with the returned code (list and
 *   thread's last error), a successful one none;
 * - an imported record has only answered entries, for ids of the set;
 * - its canonical XML loads again into the same canonical form. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const scsec_criteria *c = fz_builtin();
	scsec_diagnostics *d = NULL;
	scsec_evidence *ev = NULL;
	uint8_t *buf;
	size_t i;
	int rc;

	if (size > FZ_MAX_INPUT)
		return 0;
	if (!(buf = malloc(size + 4)))
		return 0;
	memcpy(buf, "PK\x03\x04", 4);
	memcpy(buf + 4, data, size);
	if (size >= 4 && !memcmp(data, "PK\x03\x04", 4))
		memcpy(buf, data, size);
	else
		size += 4;
	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	rc = scsec_evidence_import_csv_memory(&ev, buf, size, "fuzz.xlsx", c, fz_options(-1), d);
	FZ_CHECK((rc == 0) == (ev != NULL), "rc %d with record %p", rc, (void *)ev);
	fz_check_diags(d, rc, "import_csv(xlsx)");
	if (!rc) {
		fz_walk_evidence(ev);
		for (i = 0; i < scsec_evidence_entry_count(ev); i++) {
			const scsec_entry *e = scsec_evidence_entry_at(ev, i);

			FZ_CHECK(scsec_entry_status(e) != SCSEC_STATUS_NONE);
			FZ_CHECK(scsec_criteria_criterion(c, scsec_entry_id(e)) ||
			         scsec_criteria_prerequisite(c, scsec_entry_id(e)),
			         "imported an entry for '%s', which the set lacks", scsec_entry_id(e));
		}
		fz_evidence_xml_roundtrip(ev);
	}
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	free(buf);
	return 0;
}
