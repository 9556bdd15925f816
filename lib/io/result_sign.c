/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Signed result documents (issue 12, "Results a buyer can verify"): the
 * io layer's signer (io/signature.c) over a result's XML, the signatures a
 * read-back result carries, and their judgement under a trust list. */
#include "config.h"

#include <string.h>

#include "io/signature.h"
#include "model/result.h"
#include "model/trust.h"
#include "scsec/document.h"
#include "scsec/result_signature.h"
#include "util/error.h"

int scsec_result_sign_memory(char **out, size_t *out_len, const void *data, size_t len,
                             const char *name, const scsec_signing_key *key,
                             int64_t signing_time)
{
	scsec_file_kind kind = SCSEC_FILE_UNKNOWN;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	if (out_len)
		*out_len = 0;
	SCSEC__CHECK_ARG(data || !len);
	SCSEC__CHECK_ARG(key);
	if ((rc = scsec_file_detect_memory(&kind, data ? data : "", len, NULL)))
		return rc;
	if (kind != SCSEC_FILE_RESULT)
		return scsec__error_set_at(SCSEC_EINVAL, name ? name : "<memory>", 0, 0,
		                           "not an XML result document (a JSON result is not signed: "
		                           "write it with scsec_result_to_xml())");
	return scsec__sign_xml(out, out_len, data, len, name ? name : "<memory>", key,
	                       signing_time);
}

static const scsec__signature *sig_at(const scsec_result *r, size_t i)
{
	return r && i < r->ndoc_sigs ? &r->doc_sigs[i] : NULL;
}

size_t scsec_result_signature_count(const scsec_result *r) { return r ? r->ndoc_sigs : 0; }

int scsec_result_signature_valid(const scsec_result *r, size_t i)
{
	const scsec__signature *s = sig_at(r, i);

	SCSEC__CHECK_ARG(s);
	return s->valid != 0;
}

const char *scsec_result_signature_problem(const scsec_result *r, size_t i)
{
	const scsec__signature *s = sig_at(r, i);

	return s && !s->valid ? s->problem : NULL;
}

const char *scsec_result_signature_signer(const scsec_result *r, size_t i)
{
	const scsec__signature *s = sig_at(r, i);

	return s && s->nchain ? s->chain[0].subject : NULL;
}

const char *scsec_result_signature_fingerprint(const scsec_result *r, size_t i)
{
	const scsec__signature *s = sig_at(r, i);

	return s && s->nchain ? s->chain[0].sha256 : NULL;
}

int64_t scsec_result_signature_time(const scsec_result *r, size_t i)
{
	const scsec__signature *s = sig_at(r, i);

	return s ? s->signing_time : -1;
}

int scsec_result_signature_judge(scsec_verdict *verdict, const char **party, const char **role,
                                 const scsec_result *r, size_t i, const scsec_trust *trust,
                                 scsec_date as_of)
{
	return scsec__signature_judge(verdict, party, role, sig_at(r, i), 0, trust, as_of, 1);
}
