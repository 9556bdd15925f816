/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The public signature API (scsec/signature.h) over io/signature.c. */
#include "config.h"

#include <string.h>

#include "scsec/signature.h"
#include "util/alloc.h"
#include "util/error.h"
#include "io/file.h"
#include "io/signature.h"
#include "io/source.h"
#include "model/evidence.h"
#include "model/trust.h"

/* The whole of a file or memory block (gzip decompressed), within the
 * default size limits. */
static int slurp(scsec__buf *b, const char *path, const void *data, size_t len, const char *name)
{
	scsec__source src;
	int rc;

	if ((rc = scsec__source_open_any(&src, path, data, len, name, NULL, NULL)))
		return rc;
	rc = scsec__source_slurp(&src, b);
	scsec__source_close(&src);
	return rc;
}

static int load_key(scsec_signing_key **out, const char *kp, const char *cp, const char *chp,
                    const void *k, size_t klen, const void *c, size_t clen, const void *ch,
                    size_t chlen)
{
	scsec__buf kb = SCSEC__BUF_INIT, cb = SCSEC__BUF_INIT, chb = SCSEC__BUF_INIT;
	int rc;

	if (kp) {
		if ((rc = slurp(&kb, kp, NULL, 0, NULL)) || (rc = slurp(&cb, cp, NULL, 0, NULL)) ||
		    (chp && (rc = slurp(&chb, chp, NULL, 0, NULL))))
			goto out;
		k = kb.data ? kb.data : "";
		klen = kb.len;
		c = cb.data ? cb.data : "";
		clen = cb.len;
		ch = chp ? (chb.data ? chb.data : "") : NULL;
		chlen = chb.len;
	}
	rc = scsec__signing_key_load(out, k, klen, kp ? kp : "<key>", c, clen, cp ? cp : "<certificate>",
	                             ch, chlen, chp ? chp : "<chain>");
out:
	scsec__buf_dispose(&kb);
	scsec__buf_dispose(&cb);
	scsec__buf_dispose(&chb);
	return rc;
}

int scsec_signing_key_load_file(scsec_signing_key **out, const char *key_path,
                                const char *cert_path, const char *chain_path)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(key_path);
	SCSEC__CHECK_ARG(cert_path);
	return load_key(out, key_path, cert_path, chain_path, NULL, 0, NULL, 0, NULL, 0);
}

int scsec_signing_key_load_memory(scsec_signing_key **out, const void *key, size_t key_len,
                                  const void *cert, size_t cert_len, const void *chain,
                                  size_t chain_len)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(key);
	SCSEC__CHECK_ARG(cert);
	return load_key(out, NULL, NULL, NULL, key, key_len, cert, cert_len, chain,
	                chain ? chain_len : 0);
}

void scsec_signing_key_free(scsec_signing_key *key)
{
	scsec__signing_key_free(key);
}

const char *scsec_signing_key_fingerprint(const scsec_signing_key *key)
{
	return scsec__signing_key_fingerprint(key);
}

/* Sign the record in b (already read): it must load as an XML record. */
static int sign_bytes(char **out, size_t *out_len, const scsec__buf *b, const char *name,
                      const scsec_signing_key *key, int64_t signing_time)
{
	scsec_evidence *ev = NULL;
	size_t i = 0;
	int rc;

	while (i < b->len && (b->data[i] == ' ' || b->data[i] == '\t' || b->data[i] == '\r' ||
	                      b->data[i] == '\n'))
		i++;
	if (i < b->len && b->data[i] == '{')
		return scsec__error_set_at(SCSEC_EINVAL, name, 0, 0,
		                           "a JSON record is not signed: write it as XML first "
		                           "(scsec_evidence_write_file_as)");
	if ((rc = scsec_evidence_load_memory(&ev, b->data ? b->data : "", b->len, name, NULL, NULL)))
		return rc;
	scsec_evidence_free(ev);
	return scsec__sign_xml(out, out_len, b->data, b->len, name, key, signing_time);
}

int scsec_evidence_sign_memory(char **out, size_t *out_len, const void *data, size_t len,
                               const char *name, const scsec_signing_key *key,
                               int64_t signing_time)
{
	scsec__buf b = SCSEC__BUF_INIT;
	size_t n = 0;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	if (out_len)
		*out_len = 0;
	SCSEC__CHECK_ARG(data || !len);
	SCSEC__CHECK_ARG(key);
	if (!(rc = slurp(&b, NULL, data ? data : "", len, name)))
		rc = sign_bytes(out, &n, &b, name ? name : "<memory>", key, signing_time);
	if (!rc && out_len)
		*out_len = n;
	scsec__buf_dispose(&b);
	return rc;
}

int scsec_evidence_sign_file(const char *in_path, const char *out_path,
                             const scsec_signing_key *key, int64_t signing_time)
{
	scsec__buf b = SCSEC__BUF_INIT;
	char *signed_doc = NULL;
	size_t n = 0;
	int rc;

	SCSEC__CHECK_ARG(in_path);
	SCSEC__CHECK_ARG(out_path);
	SCSEC__CHECK_ARG(key);
	if (!(rc = slurp(&b, in_path, NULL, 0, NULL)) &&
	    !(rc = sign_bytes(&signed_doc, &n, &b, in_path, key, signing_time)))
		rc = scsec__write_file_atomic(out_path, signed_doc, n, 0);
	scsec__free(signed_doc);
	scsec__buf_dispose(&b);
	return rc;
}

/* ---------------------------------------------------------------- reading */

static const scsec__signature *sig_at(const scsec_evidence *ev, size_t i)
{
	return ev && i < ev->nsignatures ? &ev->signatures[i] : NULL;
}

size_t scsec_evidence_signature_count(const scsec_evidence *ev)
{
	return ev ? ev->nsignatures : 0;
}

int scsec_evidence_signature_valid(const scsec_evidence *ev, size_t i)
{
	const scsec__signature *s = sig_at(ev, i);

	SCSEC__CHECK_ARG(s);
	return s->valid && !ev->signatures_stale;
}

const char *scsec_evidence_signature_problem(const scsec_evidence *ev, size_t i)
{
	const scsec__signature *s = sig_at(ev, i);

	if (!s)
		return NULL;
	if (!s->valid)
		return s->problem ? s->problem : "invalid";
	return ev->signatures_stale ? "the record was changed after it was loaded: it is no longer "
	                              "what was signed"
	                            : NULL;
}

const char *scsec_evidence_signature_signer(const scsec_evidence *ev, size_t i)
{
	const scsec__signature *s = sig_at(ev, i);

	return s && s->nchain ? s->chain[0].subject : NULL;
}

const char *scsec_evidence_signature_fingerprint(const scsec_evidence *ev, size_t i)
{
	const scsec__signature *s = sig_at(ev, i);

	return s && s->nchain ? s->chain[0].sha256 : NULL;
}

int64_t scsec_evidence_signature_time(const scsec_evidence *ev, size_t i)
{
	const scsec__signature *s = sig_at(ev, i);

	return s ? s->signing_time : -1;
}

int scsec__signature_judge(scsec_verdict *verdict, const char **party, const char **role,
                           const scsec__signature *s, int stale, const scsec_trust *trust,
                           scsec_date as_of, int vouching_only)
{
	const struct scsec_trust_party *p = NULL;
	scsec_verdict v;

	SCSEC__CHECK_ARG(verdict);
	*verdict = SCSEC_VERDICT_INVALID;
	if (party)
		*party = NULL;
	if (role)
		*role = NULL;
	SCSEC__CHECK_ARG(trust);
	SCSEC__CHECK_ARG(s);
	v = scsec__trust_judge(trust, s, stale, as_of == SCSEC_DATE_NONE ? scsec_date_today() : as_of,
	                       &p);
	if (vouching_only && v == SCSEC_VERDICT_COUNTED &&
	    scsec__trust_role_method(p->role) == SCSEC_METHOD_SELF)
		v = SCSEC_VERDICT_UNKNOWN_PARTY;
	*verdict = v;
	if (p && party)
		*party = p->name;
	if (p && role)
		*role = p->role;
	return 0;
}

int scsec_evidence_signature_judge(scsec_verdict *verdict, const char **party, const char **role,
                                   const scsec_evidence *ev, size_t i, const scsec_trust *trust,
                                   scsec_date as_of)
{
	return scsec__signature_judge(verdict, party, role, sig_at(ev, i),
	                              ev && ev->signatures_stale, trust, as_of, 0);
}
