/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: IPA's criteria sheet as CSV (scsec_criteria_import_ipa_memory)
 * with the built-in set as the rules.
 *
 * Asserts (abort on violation):
 * - a failed import reports an error with the returned code (list and
 *   thread's last error), a successful one none;
 * - an imported set carries the rules' identity and levels, and keeps every
 *   accessor's promises (fuzz_common.h);
 * - its canonical form's SHA-256 is the fingerprint, and it loads again,
 *   with and without the schema validator, into a set with the identical
 *   canonical form and fingerprint;
 * - a record derived from the input evaluates against it exactly as
 *   doc/evaluation.md says (fuzz_common.h's re-implementation). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int modes[2] = { -1, SCSEC_SCHEMA_NEVER };
	const scsec_criteria *rules = fz_builtin();
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	int rc, m;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	rc = scsec_criteria_import_ipa_memory(&c, data, size, "fuzz.csv", rules, fz_options(-1), d);
	FZ_CHECK((rc == 0) == (c != NULL), "rc %d with set %p", rc, (void *)c);
	fz_check_diags(d, rc, "import_ipa");
	if (!rc) {
		char *x = NULL, sha[65];
		size_t n = 0, i;

		FZ_OK(scsec_criteria_write_memory(&x, &n, c));
		FZ_CHECK(x && n == strlen(x));
		fz_sha256_hex(sha, x, n);
		FZ_CHECK(!strcmp(sha, scsec_criteria_fingerprint(c)),
		         "the fingerprint is not the SHA-256 of the canonical form");
		FZ_CHECK(!strcmp(scsec_criteria_id(c), scsec_criteria_id(rules)) &&
		         !strcmp(scsec_criteria_version(c), scsec_criteria_version(rules)));
		FZ_CHECK(scsec_criteria_level_count(c) == scsec_criteria_level_count(rules));
		for (i = 0; i < scsec_criteria_level_count(c); i++)
			FZ_CHECK(scsec_level_rank(scsec_criteria_level_at(c, i)) ==
			         scsec_level_rank(scsec_criteria_level_at(rules, i)));
		fz_walk_criteria(c);
		for (m = 0; m < 2; m++) {
			scsec_diagnostics *d2 = NULL;
			scsec_criteria *back = NULL;
			char *x2 = NULL;
			size_t n2 = 0;

			FZ_OK(scsec_diagnostics_new(&d2));
			rc = scsec_criteria_load_memory(&back, x, n, "imported.xml", fz_options(modes[m]), d2);
			if (rc) {
				fz_dump_diags("reloading the imported set's canonical form", d2);
				fprintf(stderr, "%.*s\n", n > 12000 ? 12000 : (int)n, x);
			}
			FZ_CHECK(rc == 0, "an imported set's canonical form does not load (mode %d): %d",
			         modes[m], rc);
			FZ_OK(scsec_criteria_write_memory(&x2, &n2, back));
			FZ_CHECK(n == n2 && !memcmp(x, x2, n), "the canonical form changes when reloaded");
			FZ_CHECK(!strcmp(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(back)));
			scsec_free(x2);
			scsec_criteria_free(back);
			scsec_diagnostics_free(d2);
		}
		{
			scsec_evidence *ev = fz_synthetic_record(c, data, size);
			fz_eval_req q;

			memset(&q, 0, sizeof q);
			q.as_of = fz_ymd(2026, 1, 1) - 200;
			fz_evaluate(c, ev, &q, NULL);
			scsec_evidence_free(ev);
		}
		scsec_free(x);
	}
	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
	return 0;
}
