/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Validating any of libscsec's documents, kind found from the root. */
#include "config.h"

#include <string.h>

#include "scsec/document.h"
#include "model/evidence.h"
#include "util/error.h"
#include "io/options.h"
#include "io/xml.h"

const char *scsec_document_kind_name(scsec_document_kind kind)
{
	switch (kind) {
	case SCSEC_DOCUMENT_CRITERIA: return "criteria";
	case SCSEC_DOCUMENT_EVIDENCE: return "evidence";
	case SCSEC_DOCUMENT_RESULT:   return "result";
	case SCSEC_DOCUMENT_UNKNOWN:  break;
	}
	return "unknown";
}

static int validate(scsec_document_kind *kind_out, const char *path, const void *data, size_t size,
                    const char *name, const scsec_load_options *opts, scsec_diagnostics *diags)
{
	struct scsec_load_options forced = *scsec__load_options(opts);
	scsec__schema_kind kind;
	scsec__source src;
	int rc;

	if (kind_out)
		*kind_out = SCSEC_DOCUMENT_UNKNOWN;
	/* Sniff the root element (a separate, short read). */
	if ((rc = scsec__source_open_any(&src, path, data, size, name, opts, diags)))
		return rc;
	rc = scsec__xml_sniff(&kind, &src, opts);
	if (rc) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src.name,
		                scsec_error_line(scsec_error_last()), scsec_error_column(scsec_error_last()),
		                "%s", scsec_error_message(scsec_error_last()));
		scsec__source_close(&src);
		return rc;
	}
	/* src.name stays valid after closing: it is path, name or a literal. */
	scsec__source_close(&src);
	if (kind == SCSEC__SCHEMA_NONE) {
		rc = scsec__error_set_at(SCSEC_EVERSION, src.name, 0, 0,
		                         "not a libscsec document: the root element is not criteria-set, "
		                         "evidence or result in a urn:scsec:...:1 namespace");
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src.name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		return rc;
	}
	if (kind_out)
		*kind_out = (scsec_document_kind)kind;
	if (kind == SCSEC__SCHEMA_CRITERIA) {
		scsec_criteria *c;

		rc = path ? scsec_criteria_load_file(&c, path, opts, diags)
		          : scsec_criteria_load_memory(&c, data, size, name, opts, diags);
		scsec_criteria_free(c);
		return rc;
	}
	if (kind == SCSEC__SCHEMA_EVIDENCE) {
		scsec_evidence *ev;
		scsec_criteria *c = NULL;
		size_t i;

		rc = path ? scsec_evidence_load_file(&ev, path, opts, diags)
		          : scsec_evidence_load_memory(&ev, data, size, name, opts, diags);
		if (rc)
			return rc;
		/* Check it against the set it names, when that set is built in. */
		for (i = 0; i < scsec_criteria_builtin_count(); i++)
			if (scsec_evidence_criteria_id(ev) &&
			    !strcmp(scsec_evidence_criteria_id(ev), scsec_criteria_builtin_id(i)))
				break;
		if (i < scsec_criteria_builtin_count() &&
		    !(rc = scsec_criteria_builtin(&c, scsec_criteria_builtin_id(i))))
			rc = scsec_evidence_check(ev, c, diags);
		scsec_criteria_free(c);
		scsec_evidence_free(ev);
		return rc;
	}
	/* Results are written by libscsec, not loaded: the schema is the check. */
	forced.schema_validation = SCSEC_SCHEMA_ALWAYS;
	if ((rc = scsec__source_open_any(&src, path, data, size, name, &forced, diags)))
		return rc;
	rc = scsec__xml_validate_only(&src, &forced, SCSEC__SCHEMA_RESULT, diags);
	scsec__source_close(&src);
	return rc;
}

int scsec_document_validate_file(scsec_document_kind *kind, const char *path,
                                 const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(path);
	return validate(kind, path, NULL, 0, NULL, opts, diags);
}

int scsec_document_validate_memory(scsec_document_kind *kind, const void *data, size_t size,
                                   const char *name, const scsec_load_options *opts,
                                   scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(data || !size);
	return validate(kind, NULL, data, size, name, opts, diags);
}
