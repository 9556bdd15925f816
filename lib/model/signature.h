/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: signatures found on a record, as plain data (issue 12).
 *
 * The split of the work between the layers:
 *
 *   io    (io/signature.c, xmlsec1 + libcrypto) verifies each enveloped
 *         XML Signature when a record is read and fills one
 *         scsec__signature per signature: whether it is valid, and the
 *         signer's certificate facts; for the certificates the signature
 *         carries (KeyInfo/X509Data) it checks that each link of the
 *         chain is signed by the next and lists their fingerprints.
 *   model (model/trust.c) holds a trust list as plain data and decides,
 *         from a scsec__signature alone, which trusted party (if any) it
 *         stands for on a date: no cryptography happens there.
 *   eval  applies the trust policy (doc/evaluation.md).
 *
 * Times are seconds since 1970-01-01T00:00:00Z (int64_t); fingerprints
 * are the SHA-256 of a certificate's DER, 64 lowercase hex digits. */
#ifndef SCSEC_LIB_MODEL_SIGNATURE_H
#define SCSEC_LIB_MODEL_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "scsec/common.h"
#include "model/criteria.h"

typedef struct scsec__cert_facts {
	char sha256[65];      /* fingerprint of the DER */
	char *subject;        /* RFC 2253, UTF-8 */
	char *issuer;         /* RFC 2253, UTF-8 */
	char *serial;         /* lowercase hex, no leading zeros but one */
	int64_t not_before;
	int64_t not_after;
	int is_ca;            /* basicConstraints CA:TRUE */
} scsec__cert_facts;

typedef struct scsec__signature {
	/* 1 when the signature is cryptographically valid, of a form the
	 * format allows, and covers the whole record (doc/trust.md); 0 with
	 * problem saying why not. */
	int valid;
	char *problem;
	char *id;             /* Signature/@Id, or NULL */
	int64_t signing_time; /* the signed signing time, or -1 when absent */
	/* The signer's certificate, then the certificates it chains up to
	 * through the ones the signature carries, issuer first: chain[k + 1]
	 * verifiably signed chain[k]. nchain >= 1 when a certificate was
	 * found, 0 otherwise. Certificates the signature carries that are
	 * not on this path are ignored. */
	scsec__cert_facts *chain;
	size_t nchain;
	scsec__loc loc;       /* where the Signature element is */
} scsec__signature;

/* Free what the structure holds (not the structure itself). */
void scsec__cert_facts_dispose(scsec__cert_facts *c);
void scsec__signature_dispose(scsec__signature *s);

/* Deep copy into *dst (which is overwritten); 0 or SCSEC_ENOMEM (then
 * *dst holds nothing to free). */
int scsec__signature_copy(scsec__signature *dst, const scsec__signature *src);

#endif
