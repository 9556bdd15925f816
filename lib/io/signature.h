/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: XML Signatures (W3C xmldsig-core1) on libscsec's documents,
 * through xmlsec1's OpenSSL backend. This file pair is the only one that
 * talks to xmlsec1 (doc/signatures.md describes the layout).
 *
 * One form is written and accepted: an enveloped ds:Signature that is a
 * direct child of the document's root element, with
 *
 *   - Reference URI="" with the transforms XPath Filter 2.0 subtract of
 *     SCSEC__SIG_XPATH (every root-level signature) then
 *     exclusive C14N: the whole document except root-level signatures,
 *     so that several independent signatures coexist;
 *   - Reference URI="#ID" to the ds:SignatureProperties (in a ds:Object
 *     of the same signature) holding the signing time
 *     (sig:signing-time, namespace SCSEC__NS_SIGNATURE), exclusive C14N;
 *   - exclusive C14N for SignedInfo, SHA-256 digests, RSA-SHA256 or
 *     ECDSA-P256-SHA256;
 *   - KeyInfo/X509Data holding X509Certificate elements only: the
 *     signer's certificate and the chain.
 *
 * Certificates are not checked against any trust store here: the
 * signature is verified with the key of the signer's certificate (the one
 * that issued no other certificate carried), and the chain is reported as
 * facts (model/signature.h); trust is model/trust.c's policy.
 *
 * Thread-safe: xmlsec1 is initialised once per process (and libxml2 is
 * never shut down under the embedder). */
#ifndef SCSEC_LIB_IO_SIGNATURE_H
#define SCSEC_LIB_IO_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "model/signature.h"

#define SCSEC__NS_DSIG "http://www.w3.org/2000/09/xmldsig#"
#define SCSEC__NS_DSIG_FILTER2 "http://www.w3.org/2002/06/xmldsig-filter2"
/* The XPath Filter 2.0 expression, compared as text. */
#define SCSEC__SIG_XPATH "/*/ds:Signature"
/* The namespace of the signed signing time. */
#define SCSEC__NS_SIGNATURE "urn:scsec:signature:1"

/* A private key with its certificate and the certificates of its chain:
 * the public handle of scsec/signature.h. */
#include "scsec/signature.h"
#include "scsec/trust.h"

/* Load a signing key from PEM text: the private key (RSA of at least 2048
 * bits or EC P-256, not encrypted), the signer's certificate and, when
 * chain is not NULL, the certificates of its chain (one or more PEM
 * blocks). name_* name the inputs in messages. A key that is not the
 * certificate's is refused (SCSEC_EINVAL); unreadable PEM gives
 * SCSEC_EPARSE. */
int scsec__signing_key_load(scsec_signing_key **out, const void *key, size_t key_len,
                            const char *key_name, const void *cert, size_t cert_len,
                            const char *cert_name, const void *chain, size_t chain_len,
                            const char *chain_name);
void scsec__signing_key_free(scsec_signing_key *k);
/* The SHA-256 fingerprint of the signer's certificate (64 hex digits). */
const char *scsec__signing_key_fingerprint(const scsec_signing_key *k);

/* Sign the XML document (xml, len; name for messages): *out gets a new
 * buffer (scsec__free) holding the same bytes with one signature of the
 * form above inserted just before the root element's end tag, nothing else
 * changed (so signatures already there stay valid). signing_time is
 * seconds since the epoch, <= 0 for now. The document must have been
 * accepted by the project's XML reader (no DTD); it must have a root end
 * tag (not <root/>). */
int scsec__sign_xml(char **out, size_t *out_len, const void *xml, size_t len, const char *name,
                    const scsec_signing_key *key, int64_t signing_time);

/* Verify every ds:Signature that is a direct child of the root element of
 * the XML document (xml, len; name for messages). *out gets an array of
 * *n results (NULL and 0 when there is none; free each with
 * scsec__signature_dispose() and the array with scsec__free()). A
 * signature that is invalid or of a refused form is not an error: its
 * result has valid 0 and a problem text. The document is refused
 * (SCSEC_EUNSAFE, with name:line) when a ds:Signature sits anywhere else
 * than as a root child, or when it has a DTD; SCSEC_EPARSE when it is not
 * well-formed, SCSEC_ENOMEM, SCSEC_ECRYPTO when xmlsec1 cannot start.
 * Errors are recorded as the thread's last error. */
int scsec__signatures_verify(scsec__signature **out, size_t *n, const void *xml, size_t len,
                             const char *name);

/* Free an array of n results. */
void scsec__signatures_free(scsec__signature *sigs, size_t n);

/* The public judge functions (scsec_evidence_signature_judge(),
 * scsec_result_signature_judge()): s judged under trust as of as_of
 * (SCSEC_DATE_NONE: today); with vouching_only, a counted party whose role
 * supports no method (not an expert or evaluation body) is an unknown
 * party. NULL s or trust: SCSEC_EINVAL. */
int scsec__signature_judge(scsec_verdict *verdict, const char **party, const char **role,
                           const scsec__signature *s, int stale, const scsec_trust *trust,
                           scsec_date as_of, int vouching_only);

#endif
