/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/signature.h
 * @brief Signing evidence records and reading their signatures
 *        (doc/signatures.md).
 *
 * A signed record carries one or more enveloped XML Signatures (W3C
 * xmldsig-core1, made and checked with xmlsec1) as the last children of
 * its root element. Each covers the whole record except the signatures,
 * so that several parties (an expert, an evaluation body, management) can
 * sign the same record independently, and adding a signature never
 * invalidates another. The signing time is signed too. Keys are RSA
 * (2048 bits or more, RSA-SHA256) or EC P-256 (ECDSA-SHA256); the
 * signer's certificate and the certificates of its chain travel in the
 * signature.
 *
 * Loading a record (scsec_evidence_load_file()) verifies its signatures
 * strictly: only the form doc/signatures.md defines is accepted (no SHA-1,
 * HMAC, XSLT, XPath other than the one expression, external references,
 * RetrievalMethod or key lookups, no network or file access); a signature
 * anywhere but as a child of the root refuses the record. An invalid
 * signature does not fail the load: it is reported by the accessors below
 * and never counts under a trust policy (scsec/trust.h). Certificates are
 * not judged here: whom to trust is the trust list's business.
 *
 * Signing keys are read-only once loaded: any number of threads may sign
 * with one at once.
 */
#ifndef SCSEC_SIGNATURE_H
#define SCSEC_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include <scsec/common.h>
#include <scsec/evidence.h>

SCSEC_BEGIN_DECLS

/**
 * @defgroup signature Signatures
 * @{
 */

/** A private key with its certificate and chain, for signing. Opaque. */
typedef struct scsec_signing_key scsec_signing_key;

/**
 * Load a signing key from PEM files.
 *
 * @param[out] out   the key; free with scsec_signing_key_free()
 * @param key_path   the private key (PEM, not encrypted): RSA of 2048 bits
 *                   or more, or EC P-256
 * @param cert_path  the signer's certificate (PEM)
 * @param chain_path the certificates of its chain (one or more PEM blocks,
 *                   issuer after subject), or NULL
 * @return 0; SCSEC_EINVAL (NULL argument, a key that is not the
 *         certificate's, a key of another kind), SCSEC_EIO, SCSEC_EPARSE
 *         (no PEM key or certificate), SCSEC_ELIMIT, SCSEC_ENOMEM,
 *         SCSEC_ECRYPTO. The error names the file.
 */
SCSEC_API int scsec_signing_key_load_file(scsec_signing_key **out, const char *key_path,
                                          const char *cert_path, const char *chain_path);

/**
 * Load a signing key from PEM text in memory; as
 * scsec_signing_key_load_file().
 *
 * @param[out] out  the key; free with scsec_signing_key_free()
 * @param key       the private key's PEM text
 * @param key_len   its length in bytes
 * @param cert      the certificate's PEM text
 * @param cert_len  its length
 * @param chain     the chain's PEM text, or NULL
 * @param chain_len its length (0 when chain is NULL)
 * @return as scsec_signing_key_load_file().
 */
SCSEC_API int scsec_signing_key_load_memory(scsec_signing_key **out, const void *key,
                                            size_t key_len, const void *cert, size_t cert_len,
                                            const void *chain, size_t chain_len);

/** Free a signing key. Accepts NULL. */
SCSEC_API void scsec_signing_key_free(scsec_signing_key *key);

/** The SHA-256 fingerprint of the key's certificate (64 lowercase hex digits), or NULL. */
SCSEC_API const char *scsec_signing_key_fingerprint(const scsec_signing_key *key);

/**
 * Sign an XML evidence record held in memory: the result is the same
 * bytes with one signature inserted just before the root element's end
 * tag, nothing else changed (signatures already there stay valid). The
 * record must load (it is read first, with the default options); JSON
 * records are not signed.
 *
 * @param[out] out      the signed record; free with scsec_free()
 * @param[out] out_len  its length in bytes (may be NULL)
 * @param data          the record (gzip is decompressed first)
 * @param len           its length
 * @param name          its name in messages, or NULL
 * @param key           the signing key
 * @param signing_time  the signing time in seconds since
 *                      1970-01-01T00:00:00Z; 0 or negative for now
 * @return 0; SCSEC_EINVAL, the load's errors, SCSEC_ECRYPTO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_sign_memory(char **out, size_t *out_len, const void *data,
                                         size_t len, const char *name,
                                         const scsec_signing_key *key, int64_t signing_time);

/**
 * Sign the XML evidence record in file @p in_path into @p out_path (which
 * may be the same file), as scsec_evidence_sign_memory(). The output is
 * written to a temporary file beside it, then renamed.
 *
 * @param in_path       the record
 * @param out_path      where the signed record goes
 * @param key           the signing key
 * @param signing_time  seconds since the epoch, 0 or negative for now
 * @return as scsec_evidence_sign_memory(), SCSEC_EIO.
 */
SCSEC_API int scsec_evidence_sign_file(const char *in_path, const char *out_path,
                                       const scsec_signing_key *key, int64_t signing_time);

/** Number of signatures the loaded record carries (0 for NULL). */
SCSEC_API size_t scsec_evidence_signature_count(const scsec_evidence *ev);

/**
 * Whether signature @p i (in document order) is valid: 1 when it is of
 * the allowed form, verifies, and the record was not changed since it was
 * loaded; 0 otherwise (see scsec_evidence_signature_problem());
 * SCSEC_EINVAL for a NULL record or an index out of range.
 */
SCSEC_API int scsec_evidence_signature_valid(const scsec_evidence *ev, size_t i);

/** Why signature @p i is not valid, or NULL when it is valid (or out of range). */
SCSEC_API const char *scsec_evidence_signature_problem(const scsec_evidence *ev, size_t i);

/** The subject (RFC 2253, UTF-8) of signature @p i's signer certificate, or NULL. */
SCSEC_API const char *scsec_evidence_signature_signer(const scsec_evidence *ev, size_t i);

/** The signer certificate's SHA-256 fingerprint (64 lowercase hex digits), or NULL. */
SCSEC_API const char *scsec_evidence_signature_fingerprint(const scsec_evidence *ev, size_t i);

/** The signed signing time in seconds since 1970-01-01T00:00:00Z, -1 when absent or out of range. */
SCSEC_API int64_t scsec_evidence_signature_time(const scsec_evidence *ev, size_t i);

/** @} */

SCSEC_END_DECLS

#endif
