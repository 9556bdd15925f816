/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/result_signature.h
 * @brief Signed result documents: a portable ★ certificate a buyer can verify.
 *
 * An evaluation body signs the XML result document it computed
 * (scsec_result_sign_memory()); the signature has the enveloped form of
 * signed evidence records (doc/signatures.md), so several bodies can
 * co-sign. scsec_result_load_file() verifies every signature of a result
 * document it reads; the functions below list them, and
 * scsec_result_signature_judge() says whether one was made by a party a
 * trust list trusts as an evaluation body or an expert. Whether the
 * result is what the library computes from a record is for the caller to
 * check: evaluate the record with scsec_result_options_get()'s options and
 * compare the documents (scsec verify --evidence does).
 * @since 1.1
 */
#ifndef SCSEC_RESULT_SIGNATURE_H
#define SCSEC_RESULT_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include <scsec/common.h>
#include <scsec/eval.h>
#include <scsec/signature.h>
#include <scsec/trust.h>

SCSEC_BEGIN_DECLS

/**
 * Sign an XML result document held in memory (what scsec_result_to_xml()
 * writes, or a result document already signed): the same bytes with one
 * enveloped signature inserted before the root element's end tag, so
 * signatures already there stay valid. JSON results are not signed.
 *
 * @param[out] out      the signed document; free with scsec_free()
 * @param[out] out_len  its length in bytes (may be NULL)
 * @param data          the result document
 * @param len           its length
 * @param name          its name in messages, or NULL
 * @param key           the signing key (scsec_signing_key_load_file())
 * @param signing_time  seconds since 1970-01-01T00:00:00Z; 0 or negative for now
 * @return 0; SCSEC_EINVAL (NULL, or not an XML result document), SCSEC_EPARSE,
 *         SCSEC_EUNSAFE, SCSEC_ECRYPTO, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_result_sign_memory(char **out, size_t *out_len, const void *data, size_t len,
                                       const char *name, const scsec_signing_key *key,
                                       int64_t signing_time);

/** Number of XML Signatures the result document carried (0 for an
 *  evaluated result, a JSON one or NULL). @since 1.1 */
SCSEC_API size_t scsec_result_signature_count(const scsec_result *result);

/** 1 when signature @p i is valid over the whole document, 0 when not,
 *  SCSEC_EINVAL when there is no such signature. @since 1.1 */
SCSEC_API int scsec_result_signature_valid(const scsec_result *result, size_t i);

/** Why signature @p i is not valid, or NULL. @since 1.1 */
SCSEC_API const char *scsec_result_signature_problem(const scsec_result *result, size_t i);

/** The subject of signature @p i's certificate (RFC 2253), or NULL. @since 1.1 */
SCSEC_API const char *scsec_result_signature_signer(const scsec_result *result, size_t i);

/** The SHA-256 fingerprint of signature @p i's certificate, or NULL. @since 1.1 */
SCSEC_API const char *scsec_result_signature_fingerprint(const scsec_result *result, size_t i);

/** The signed signing time of signature @p i (seconds since the epoch), -1 without one. @since 1.1 */
SCSEC_API int64_t scsec_result_signature_time(const scsec_result *result, size_t i);

/**
 * Judge signature @p i under a trust list, as the trust policy judges a
 * record's signatures (doc/trust.md): valid, by a party of the list trusted
 * on the signing day, its certificate valid then and not revoked by
 * @p as_of. Counted for a result only when the party's role is
 * `evaluation-body` or `expert`: another role gives
 * SCSEC_VERDICT_UNKNOWN_PARTY with @p party and @p role set.
 *
 * @param[out] verdict  the verdict
 * @param[out] party    the party's name (borrowed from @p trust), or NULL; may be NULL
 * @param[out] role     the party's role (borrowed from @p trust), or NULL; may be NULL
 * @param result        a result read back from a signed document
 * @param i             the signature's index
 * @param trust         the trust list
 * @param as_of         the day revocations are looked at (SCSEC_DATE_NONE: today, UTC)
 * @return 0, SCSEC_EINVAL.
 * @since 1.1
 */
SCSEC_API int scsec_result_signature_judge(scsec_verdict *verdict, const char **party,
                                           const char **role, const scsec_result *result,
                                           size_t i, const scsec_trust *trust, scsec_date as_of);

SCSEC_END_DECLS

#endif /* SCSEC_RESULT_SIGNATURE_H */
