/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: an OSCAL catalog, JSON or XML, and profiles
 * (scsec_criteria_import_oscal_memory). The input is the catalog, then
 * each profile after a line "#profile" (profile i is level i + 1, named
 * p<i>.json, so its imports can name "p0.json"); a first line "#prop NAME"
 * takes the levels from that property instead.
 *
 * Asserts (abort on violation):
 * - a failed import reports an error with the returned code (list and
 *   thread's last error), a successful one none;
 * - an imported set keeps every accessor's promises (fuzz_common.h), its
 *   canonical form's SHA-256 is the fingerprint, and it loads again into a
 *   set with the identical canonical form;
 * - importing the same input twice gives the same bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SEP "\n#profile\n"
#define MAX_PROFILES 4

static scsec_criteria *import(const uint8_t *data, size_t size, int check)
{
	const char *s = (const char *)data, *end = s + size, *cut[MAX_PROFILES + 1];
	size_t n = 0;
	scsec_oscal_import *imp = NULL;
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	char prop[64];
	int rc;

	FZ_OK(scsec_oscal_import_new(&imp));
	if (size > 6 && !memcmp(s, "#prop ", 6)) {
		const char *nl = memchr(s, '\n', size);
		size_t len = nl ? (size_t)(nl - s - 6) : 0;

		if (nl && len && len < sizeof prop) {
			memcpy(prop, s + 6, len);
			prop[len] = '\0';
			scsec_oscal_import_set_level_prop(imp, prop);
			s = nl + 1;
		}
	}
	/* the catalog, then the profiles */
	for (n = 0; n < MAX_PROFILES; n++) {
		const char *p = NULL, *q;

		for (q = s; q + strlen(SEP) <= end; q++)
			if (!memcmp(q, SEP, strlen(SEP))) {
				p = q;
				break;
			}
		if (!p)
			break;
		cut[n] = p;
		if (n) {
			char name[16];
			const char *from = cut[n - 1] + strlen(SEP);

			snprintf(name, sizeof name, "p%zu.json", n - 1);
			scsec_oscal_import_add_profile_memory(imp, (int)n, "L", from, (size_t)(p - from),
			                                      name);
		}
		s = p + strlen(SEP);
	}
	if (n) {
		char name[16];
		const char *from = cut[n - 1] + strlen(SEP);

		snprintf(name, sizeof name, "p%zu.json", n - 1);
		scsec_oscal_import_add_profile_memory(imp, (int)n, "L", from,
		                                      (size_t)((const char *)data + size - from), name);
	}
	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	{
		const char *cat = (const char *)data;
		size_t cat_len = n ? (size_t)(cut[0] - cat) : size;

		if (cat_len > 6 && !memcmp(cat, "#prop ", 6)) {
			const char *nl = memchr(cat, '\n', cat_len);

			if (nl) {
				cat_len -= (size_t)(nl + 1 - cat);
				cat = nl + 1;
			}
		}
		rc = scsec_criteria_import_oscal_memory(&c, cat, cat_len, "catalog.json", imp,
		                                        fz_options(-1), d);
	}
	FZ_CHECK((rc == 0) == (c != NULL), "rc %d with set %p", rc, (void *)c);
	if (check)
		fz_check_diags(d, rc, "import_oscal");
	scsec_diagnostics_free(d);
	scsec_oscal_import_free(imp);
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_criteria *c, *again;

	if (size > FZ_MAX_INPUT)
		return 0;
	c = import(data, size, 1);
	if (c) {
		char *x = NULL, *x2 = NULL, *x3 = NULL, sha[65];
		size_t n = 0, n2 = 0, n3 = 0;
		scsec_criteria *back = NULL;
		scsec_diagnostics *d2 = NULL;
		int rc;

		FZ_OK(scsec_criteria_write_memory(&x, &n, c));
		fz_sha256_hex(sha, x, n);
		FZ_CHECK(!strcmp(sha, scsec_criteria_fingerprint(c)),
		         "the fingerprint is not the SHA-256 of the canonical form");
		fz_walk_criteria(c);
		FZ_OK(scsec_diagnostics_new(&d2));
		rc = scsec_criteria_load_memory(&back, x, n, "imported.xml", fz_options(-1), d2);
		if (rc) {
			fz_dump_diags("reloading the imported set's canonical form", d2);
			fprintf(stderr, "%.*s\n", n > 12000 ? 12000 : (int)n, x);
		}
		FZ_CHECK(rc == 0, "an imported set's canonical form does not load: %d", rc);
		FZ_OK(scsec_criteria_write_memory(&x2, &n2, back));
		FZ_CHECK(n == n2 && !memcmp(x, x2, n), "the canonical form changes when reloaded");
		again = import(data, size, 0);
		FZ_CHECK(again != NULL, "the second import failed");
		FZ_OK(scsec_criteria_write_memory(&x3, &n3, again));
		FZ_CHECK(n == n3 && !memcmp(x, x3, n), "two imports of one input differ");
		scsec_free(x);
		scsec_free(x2);
		scsec_free(x3);
		scsec_criteria_free(back);
		scsec_criteria_free(again);
		scsec_diagnostics_free(d2);
	}
	scsec_criteria_free(c);
	return 0;
}
