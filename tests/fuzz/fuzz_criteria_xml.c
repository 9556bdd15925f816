/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: criteria sets in XML (scsec_criteria_load_memory).
 *
 * Asserts (abort on violation):
 * - loading with libxml2's schema validator (the default for criteria
 *   sets) and with the loader's own structure rules (SCSEC_SCHEMA_NEVER)
 *   agree on success or failure: the rules refuse what the schema refuses,
 *   and nothing else;
 * - a failed load reports an error whose code is the one returned (in the
 *   list and as the thread's last error), a successful one no error;
 * - scsec_document_validate_memory() agrees with the loader;
 * - a loaded set's canonical form is the same from both modes, its SHA-256
 *   is the fingerprint, it loads again (both modes, and gzip-compressed)
 *   into a set whose canonical form is byte-identical;
 * - every accessor keeps the API's promises (fuzz_common.h);
 * - the set's CSV template imports as an empty record; a record derived
 *   from the input survives XML and CSV round trips, and evaluating it
 *   gives exactly what doc/evaluation.md says (independent re-implementation
 *   in fuzz_common.h), as of several dates and for every target level. */
#include <zlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scsec_criteria *load(const void *data, size_t size, int schema, scsec_diagnostics *d,
                            int *rc)
{
	scsec_criteria *c = NULL;

	scsec_error_clear();
	*rc = scsec_criteria_load_memory(&c, data, size, "fuzz.xml", fz_options(schema), d);
	FZ_CHECK((*rc == 0) == (c != NULL), "rc %d with set %p", *rc, (void *)c);
	fz_check_diags(d, *rc, schema == SCSEC_SCHEMA_NEVER ? "load (structure rules)"
	                                                    : "load (schema validator)");
	return c;
}

static char *canonical(const scsec_criteria *c, size_t *n)
{
	char *x = NULL;
	char sha[65];

	FZ_OK(scsec_criteria_write_memory(&x, n, c));
	FZ_CHECK(x && *n == strlen(x));
	fz_sha256_hex(sha, x, *n);
	FZ_CHECK(!strcmp(sha, scsec_criteria_fingerprint(c)),
	         "the fingerprint is not the SHA-256 of the canonical form");
	return x;
}

static unsigned char *gzip(const char *data, size_t n, size_t *out_n)
{
	z_stream zs;
	uLong bound;
	unsigned char *out;

	memset(&zs, 0, sizeof zs);
	FZ_CHECK(deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
	bound = deflateBound(&zs, (uLong)n);
	out = malloc(bound);
	FZ_CHECK(out);
	zs.next_in = (Bytef *)(uintptr_t)data;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)bound;
	FZ_CHECK(deflate(&zs, Z_FINISH) == Z_STREAM_END);
	*out_n = bound - zs.avail_out;
	deflateEnd(&zs);
	return out;
}

/* The canonical form reloads, in both modes and compressed, into the same
 * canonical form and fingerprint. */
static void roundtrip(const scsec_criteria *c, const char *x, size_t n)
{
	static const int modes[3] = { -1, SCSEC_SCHEMA_NEVER, -1 };
	int m, rc;

	for (m = 0; m < 3; m++) {
		scsec_diagnostics *d = NULL;
		scsec_criteria *back;
		unsigned char *z = NULL;
		size_t zn = 0, n2 = 0;
		char *x2;

		FZ_OK(scsec_diagnostics_new(&d));
		if (m == 2)
			z = gzip(x, n, &zn);
		back = load(z ? (const void *)z : x, z ? zn : n, modes[m], d, &rc);
		if (rc) {
			fz_dump_diags("reloading the canonical form", d);
			fprintf(stderr, "%.*s\n", n > 12000 ? 12000 : (int)n, x);
		}
		FZ_CHECK(rc == 0, "the canonical form does not load again (mode %d): %d", m, rc);
		x2 = canonical(back, &n2);
		FZ_CHECK(n == n2 && !memcmp(x, x2, n), "the canonical form changes when reloaded");
		FZ_CHECK(!strcmp(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(back)));
		FZ_CHECK(scsec_criteria_criterion_count(c) == scsec_criteria_criterion_count(back) &&
		         scsec_criteria_level_count(c) == scsec_criteria_level_count(back) &&
		         scsec_criteria_category_count(c) == scsec_criteria_category_count(back));
		scsec_free(x2);
		free(z);
		scsec_criteria_free(back);
		scsec_diagnostics_free(d);
	}
}

/* The answer sheet of every level (and of all) imports as an empty record. */
static void templates(const scsec_criteria *c)
{
	size_t i, nl = scsec_criteria_level_count(c);

	for (i = 0; i <= nl && i < 4; i++) {
		int rank = i ? scsec_level_rank(scsec_criteria_level_at(c, i - 1)) : 0;
		scsec_evidence *ev = NULL;
		scsec_diagnostics *d = NULL;
		char *csv = NULL;
		size_t n = 0;
		int rc;

		FZ_OK(scsec_criteria_template_csv(&csv, &n, c, rank, i & 1 ? "ja" : NULL));
		FZ_CHECK(csv && n == strlen(csv) && !memcmp(csv, "\xef\xbb\xbf", 3));
		FZ_OK(scsec_diagnostics_new(&d));
		rc = scsec_evidence_import_csv_memory(&ev, csv, n, "template.csv", c, fz_options(-1), d);
		if (rc) {
			fz_dump_diags("importing the template", d);
			fprintf(stderr, "%.*s\n", n > 8000 ? 8000 : (int)n, csv);
		}
		FZ_CHECK(rc == 0, "the set's own template (rank %d) does not import: %d", rank, rc);
		FZ_CHECK(scsec_evidence_entry_count(ev) == 0);
		FZ_CHECK(!strcmp(scsec_evidence_criteria_id(ev), scsec_criteria_id(c)));
		scsec_evidence_free(ev);
		scsec_diagnostics_free(d);
		scsec_free(csv);
	}
	FZ_CHECK(scsec_criteria_template_csv(&(char *){ NULL }, NULL, c, 100, NULL) == SCSEC_EINVAL);
}

/* A record derived from the input, through every round trip, evaluated. */
static void synthetic(const scsec_criteria *c, const uint8_t *data, size_t size)
{
	scsec_evidence *ev = fz_synthetic_record(c, data, size);
	size_t li, nl = scsec_criteria_level_count(c);
	fz_eval_req q;
	scsec_result *r = NULL;
	int k;

	fz_walk_evidence(ev);
	fz_evidence_xml_roundtrip(ev);
	fz_csv_roundtrip(ev, c, 0, NULL, 1);
	fz_csv_roundtrip(ev, c, scsec_level_rank(scsec_criteria_level_at(c, nl - 1)), "ja", 1);
	fz_evidence_check(ev, c);

	memset(&q, 0, sizeof q);
	for (k = 0; k < 3; k++) {
		q.as_of = fz_ymd(2026, 1, 1) + (scsec_date)(k * 400 - 300);
		if (fz_evaluate(c, ev, &q, &r) == 0) {
			if (k == 0)
				fz_check_result_documents(r, NULL);
			scsec_result_free(r);
		}
	}
	for (li = 0; li < nl && li < 8; li++) {
		q.target = scsec_level_rank(scsec_criteria_level_at(c, li));
		q.required = q.target;
		fz_evaluate(c, ev, &q, NULL);
	}
	scsec_evidence_free(ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_diagnostics *d1 = NULL, *d2 = NULL;
	scsec_criteria *c1, *c2;
	scsec_document_kind kind;
	int rc1, rc2, rc3;

	if (size > FZ_MAX_INPUT)
		return 0;
	FZ_OK(scsec_diagnostics_new(&d1));
	FZ_OK(scsec_diagnostics_new(&d2));
	c1 = load(data, size, -1, d1, &rc1);
	c2 = load(data, size, SCSEC_SCHEMA_NEVER, d2, &rc2);
	if ((rc1 == 0) != (rc2 == 0)) {
		fz_dump_diags("with libxml2's schema validator", d1);
		fz_dump_diags("with the loader's structure rules (SCSEC_SCHEMA_NEVER)", d2);
		fz_fail(__FILE__, __LINE__,
		        "schema validator and structure rules disagree: %d (%s) with the validator, "
		        "%d (%s) without",
		        rc1, scsec_strerror(rc1), rc2, scsec_strerror(rc2));
	}
	scsec_error_clear();
	rc3 = scsec_document_validate_memory(&kind, data, size, "fuzz.xml", fz_options(-1), NULL);
	/* Another kind of document (a record) may validate. */
	FZ_CHECK((rc3 == 0 && kind == SCSEC_DOCUMENT_CRITERIA) == (rc1 == 0),
	         "validate_memory returned %d for kind %d, the loader %d", rc3, (int)kind, rc1);

	if (!rc1) {
		size_t n1 = 0, n2 = 0;
		char *x1 = canonical(c1, &n1), *x2 = canonical(c2, &n2);

		FZ_CHECK(n1 == n2 && !memcmp(x1, x2, n1),
		         "the two modes built sets with different canonical forms");
		fz_walk_criteria(c1);
		roundtrip(c1, x1, n1);
		templates(c1);
		synthetic(c1, data, size);
		scsec_free(x1);
		scsec_free(x2);
	}
	scsec_criteria_free(c1);
	scsec_criteria_free(c2);
	scsec_diagnostics_free(d1);
	scsec_diagnostics_free(d2);
	return 0;
}
