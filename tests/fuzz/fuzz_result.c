/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: results read back (scsec_result_load_memory, XML and JSON,
 * against the built-in set).
 *
 * Asserts (abort on violation):
 * - a failed load reports an error with the returned code, a successful one
 *   none, and leaves the out-parameter NULL;
 * - with libxml2's validator and with the structure rules, when both load
 *   an XML document, they give the same result;
 * - a loaded result writes XML that validates and JSON that is well-formed,
 *   and both read back into results writing the same bytes
 *   (fz_check_result_documents). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scsec_result *load(const void *data, size_t size, int schema, int *rc)
{
	scsec_diagnostics *d = NULL;
	scsec_result *r = NULL;

	FZ_OK(scsec_diagnostics_new(&d));
	scsec_error_clear();
	*rc = scsec_result_load_memory(&r, data, size, "fuzz.result", fz_builtin(),
	                               fz_options(schema), d);
	FZ_CHECK((*rc == 0) == (r != NULL), "rc %d with result %p", *rc, (void *)r);
	fz_check_diags(d, *rc, "load");
	scsec_diagnostics_free(d);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scsec_result *r, *rv;
	char *j = NULL, *jv = NULL;
	int rc, rcv;

	if (size > FZ_MAX_INPUT)
		return 0;
	r = load(data, size, SCSEC_SCHEMA_NEVER, &rc);
	rv = load(data, size, SCSEC_SCHEMA_ALWAYS, &rcv);
	if (r) {
		fz_check_result_documents(r, &j);
		if (rv) {
			FZ_OK(scsec_result_to_json(&jv, NULL, rv));
			FZ_CHECK(!strcmp(j, jv), "the two schema modes read different results");
		}
	}
	scsec_free(j);
	scsec_free(jv);
	scsec_result_free(r);
	scsec_result_free(rv);
	return 0;
}
