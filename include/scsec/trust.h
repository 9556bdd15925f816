/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/trust.h
 * @brief Trust lists and the trust policy: who vouched for an evidence
 *        record (doc/trust.md).
 *
 * A trust list (::scsec_trust) names the parties a scheme operator (for
 * METI's scheme: IPA) trusts to vouch for assessments: each with a name, a
 * role (`evaluation-body`, `expert`, or any other token the operator
 * defines), either its certificate or the CA that issues its
 * certificates (optionally with the exact subject the certificate must
 * have), and the days it is trusted for; and revocations of certificates
 * (by fingerprint, or by issuer and serial number) from a day on. Its file
 * form is `urn:scsec:trust:1` (data/schema/scsec-trust-1.xsd), signed by
 * the operator with an enveloped XML Signature.
 *
 * Evaluated with a trust list (scsec_eval_options_set_trust()), an entry's
 * method counts as `expert-reviewed` only when the record carries a
 * counting signature of a party with the role `expert` or
 * `evaluation-body`, and as `third-party` only with a counting signature
 * of an `evaluation-body`; otherwise it counts as `self`, and an item that
 * fails for this reason alone gets ::SCSEC_REASON_UNVERIFIED
 * (doc/evaluation.md, rule 11). The result names every signature, its
 * signer and whether it counted (scsec_result_signer_at()).
 *
 * Fingerprints are the SHA-256 of a certificate's DER encoding, as 64
 * lowercase hexadecimal digits; subjects and issuers are RFC 2253 strings
 * (as `openssl x509 -noout -subject -nameopt RFC2253` prints them).
 *
 * A trust list is not thread-safe while it is being changed; once built
 * or loaded, any number of threads may read it and evaluate with it. The
 * options that name it borrow it: it must outlive their use.
 */
#ifndef SCSEC_TRUST_H
#define SCSEC_TRUST_H

#include <stdint.h>

#include <scsec/common.h>
#include <scsec/eval.h>
#include <scsec/options.h>
#include <scsec/signature.h>

SCSEC_BEGIN_DECLS

/** A trust list. Opaque. */
typedef struct scsec_trust scsec_trust;
/** A trusted party. Borrowed from its trust list. */
typedef struct scsec_trust_party scsec_trust_party;
/** A revocation. Borrowed from its trust list. */
typedef struct scsec_trust_revocation scsec_trust_revocation;
/** A signature found on the evaluated record. Borrowed from a result. */
typedef struct scsec_signer scsec_signer;

/** The role whose signatures support `third-party` (and `expert-reviewed`). */
#define SCSEC_TRUST_ROLE_EVALUATION_BODY "evaluation-body"
/** The role whose signatures support `expert-reviewed`. */
#define SCSEC_TRUST_ROLE_EXPERT "expert"

/**
 * Whether a signature counted under a trust list, or the first reason it
 * did not, in this order (doc/trust.md).
 */
typedef enum scsec_verdict {
	SCSEC_VERDICT_COUNTED = 0,         /**< counts for its party's role */
	SCSEC_VERDICT_INVALID = 1,         /**< not a valid signature of the whole record */
	SCSEC_VERDICT_STALE = 2,           /**< the record was changed after it was read */
	SCSEC_VERDICT_UNKNOWN_PARTY = 3,   /**< the signer is no party of the list */
	SCSEC_VERDICT_REVOKED = 4,         /**< its certificate is revoked by the evaluation date */
	SCSEC_VERDICT_NO_SIGNING_TIME = 5, /**< the signature carries no signing time */
	SCSEC_VERDICT_NOT_TRUSTED_THEN = 6, /**< the party was not trusted on the signing day */
	SCSEC_VERDICT_CERT_NOT_VALID = 7   /**< a certificate was not valid at the signing time */
} scsec_verdict;

/** The verdict's token: "counted", "invalid", "stale", "unknown-party",
 *  "revoked", "no-signing-time", "not-trusted-then", "certificate-not-valid";
 *  "" for an unknown value. */
SCSEC_API const char *scsec_verdict_name(scsec_verdict verdict);

/**
 * @name Building and loading
 * @{
 */

/**
 * Create an empty trust list.
 *
 * @param[out] out       the list; free with scsec_trust_free()
 * @param operator_name  who publishes it (e.g. "IPA"), not empty
 * @param version        the list's own version (e.g. "2026-04"), not empty
 * @param issued         its issue day
 * @return 0, SCSEC_EINVAL, SCSEC_EDATE, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_new(scsec_trust **out, const char *operator_name, const char *version,
                              scsec_date issued);

/** Free a trust list. Accepts NULL. */
SCSEC_API void scsec_trust_free(scsec_trust *trust);

/**
 * Add a party identified by the SHA-256 fingerprint (64 hexadecimal
 * digits) of its own certificate, or (@p is_ca non-zero) of the CA that
 * issues its certificates (which the signature's verified chain must
 * reach, issuer side).
 *
 * @param trust    the list
 * @param name     the party's name, not empty
 * @param role     its role: a token of lowercase letters, digits and
 *                 hyphens, at most 64 (`evaluation-body`, `expert`, ...)
 * @param sha256   the fingerprint
 * @param is_ca    non-zero: @p sha256 is the issuing CA's
 * @param subject  with a CA: the exact RFC 2253 subject the signer's
 *                 certificate must have, or NULL for any it issued
 * @param from     first day trusted, or SCSEC_DATE_NONE (no start)
 * @param until    last day trusted, or SCSEC_DATE_NONE (no end)
 * @return 0, SCSEC_EINVAL, SCSEC_EDATE (@p until before @p from),
 *         SCSEC_EEXISTS (a party of that name), SCSEC_ELIMIT, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_add_party_fingerprint(scsec_trust *trust, const char *name,
                                                const char *role, const char *sha256, int is_ca,
                                                const char *subject, scsec_date from,
                                                scsec_date until);

/**
 * Revoke the certificate with fingerprint @p sha256 from day @p date on:
 * signatures by it (or by certificates it issued) no longer count in
 * evaluations as of that day or later.
 * @return 0, SCSEC_EINVAL, SCSEC_EDATE, SCSEC_ELIMIT, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_revoke_fingerprint(scsec_trust *trust, const char *sha256,
                                             scsec_date date);

/**
 * scsec_trust_revoke_fingerprint() by the certificate's issuer (RFC 2253) and serial
 * number (hexadecimal, as `openssl x509 -serial` prints it; case and
 * leading zeros do not matter).
 * @return as scsec_trust_revoke_fingerprint().
 */
SCSEC_API int scsec_trust_revoke_serial(scsec_trust *trust, const char *issuer,
                                        const char *serial, scsec_date date);

/**
 * Add a party by its PEM certificate (or, @p is_ca non-zero, its issuing
 * CA's): as scsec_trust_add_party_fingerprint() with the certificate's
 * fingerprint, and the list keeps the certificate (written into the
 * list's file, scsec_trust_party_certificate()).
 *
 * @param trust    the list
 * @param name     the party's name, not empty
 * @param role     its role token
 * @param pem      the first certificate of a PEM text is taken
 * @param size     its length in bytes, at most 64 KiB
 * @param is_ca    non-zero: the certificate is the issuing CA's
 * @param subject  with a CA: the exact RFC 2253 subject, or NULL
 * @param from     first day trusted, or SCSEC_DATE_NONE
 * @param until    last day trusted, or SCSEC_DATE_NONE
 * @return as scsec_trust_add_party_fingerprint(); SCSEC_EINVAL also when
 *         @p pem holds no certificate, SCSEC_ELIMIT when it is too long.
 */
SCSEC_API int scsec_trust_add_party_certificate(scsec_trust *trust, const char *name,
                                                const char *role, const void *pem, size_t size,
                                                int is_ca, const char *subject, scsec_date from,
                                                scsec_date until);

/**
 * Revoke a PEM certificate (by its fingerprint) from day @p date on.
 * @return as scsec_trust_revoke_fingerprint(); SCSEC_EINVAL also when
 *         @p pem holds no certificate.
 */
SCSEC_API int scsec_trust_revoke_certificate(scsec_trust *trust, const void *pem, size_t size,
                                             scsec_date date);

/**
 * The SHA-256 fingerprint of the DER of the first certificate in a PEM
 * text, as 64 lowercase hexadecimal digits (what a trust list names
 * parties by; `openssl x509 -noout -fingerprint -sha256` prints the same
 * digits in uppercase with colons).
 *
 * @param[out] out  65 bytes; "" on failure
 * @param pem       the PEM text
 * @param size      its length in bytes
 * @return 0, SCSEC_EINVAL (NULL, or no certificate), SCSEC_ELIMIT,
 *         SCSEC_ECRYPTO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_certificate_fingerprint(char out[65], const void *pem, size_t size);

/** @} */

/**
 * @name Files (urn:scsec:trust:1, doc/trust.md)
 * @{
 */

/**
 * Load a trust list, checking its operator's signature.
 *
 * With @p operator_cert (the path of the operator's PEM certificate, which
 * the caller got from the operator by a channel it trusts), the list is
 * accepted only when it carries a valid enveloped XML Signature, a child of
 * the root element, whose signer certificate is that very certificate
 * (not one it issued: the operator's CA may issue the parties' certificates
 * too), valid at the signing time; then scsec_trust_verified() is 1. A list without such a signature (unsigned,
 * signed by someone else, changed after signing) is refused.
 *
 * With @p operator_cert NULL, the list is read without any signature
 * check and scsec_trust_verified() is 0. Such a list may be evaluated with
 * (a caller's own list, tests), but every result says so
 * (scsec_result_trust_verified() is 0, and `"verified": false` in the
 * result's JSON); the `scsec` command refuses it unless told
 * `--unverified-trust`.
 *
 * Errors are reported as the other loaders do (file:line:column, schema
 * messages into @p diags); DOCTYPEs are refused and sizes bounded by
 * @p opts; at most 10000 parties and 100000 revocations.
 *
 * @param[out] out      the list; free with scsec_trust_free()
 * @param path           the list's file (plain or gzip)
 * @param operator_cert  the operator's PEM certificate file, or NULL
 * @param opts           reading limits, or NULL for the defaults
 * @param diags          where every problem goes, or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_ESCHEMA,
 *         SCSEC_EVERSION, SCSEC_EINVALID (a rule the schema cannot express,
 *         or no valid signature by the operator), SCSEC_EDATE,
 *         SCSEC_EEXISTS (a party name twice), SCSEC_ELIMIT, SCSEC_EUNSAFE,
 *         SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_load_file(scsec_trust **out, const char *path,
                                    const char *operator_cert, const scsec_load_options *opts,
                                    scsec_diagnostics *diags);

/**
 * scsec_trust_load_file() from memory: the list in @p data (named @p name
 * in messages, or NULL), the operator's PEM certificate in
 * @p operator_cert (@p cert_size bytes), or NULL to load unverified.
 */
SCSEC_API int scsec_trust_load_memory(scsec_trust **out, const void *data, size_t size,
                                      const char *name, const void *operator_cert,
                                      size_t cert_size, const scsec_load_options *opts,
                                      scsec_diagnostics *diags);

/**
 * The list as XML (urn:scsec:trust:1), unsigned: the operator signs it
 * (`scsec trust sign`). A list changed after loading is written without
 * the signature it had.
 *
 * @param[out] out   NUL-terminated text; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param trust      the list
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_write_memory(char **out, size_t *size, const scsec_trust *trust);

/**
 * The list as XML, signed by the operator: scsec_trust_write_memory()'s
 * text with one enveloped XML Signature (the form of doc/signatures.md)
 * before the root's end tag. Loaded with the certificate of @p key as the
 * operator certificate, the result is verified.
 *
 * @param[out] out   NUL-terminated text; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param trust      the list
 * @param key        the operator's signing key (scsec_signing_key_load_file())
 * @param signing_time  seconds since 1970-01-01T00:00:00Z; 0 or negative for now
 * @return 0, SCSEC_EINVAL, SCSEC_ECRYPTO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_sign_memory(char **out, size_t *size, const scsec_trust *trust,
                                      const scsec_signing_key *key, int64_t signing_time);

/**
 * Write the list as XML, atomically (a temporary file beside @p path,
 * then renamed).
 * @param trust  the list
 * @param path   the file
 * @param flags  SCSEC_WRITE_DEFAULT or SCSEC_WRITE_GZIP
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_trust_write_file(const scsec_trust *trust, const char *path,
                                     unsigned int flags);

/** @} */

/**
 * @name Reading a list
 * @{
 */

/** Who publishes the list. */
SCSEC_API const char *scsec_trust_operator(const scsec_trust *trust);
/** The list's version. */
SCSEC_API const char *scsec_trust_version(const scsec_trust *trust);
/** Its issue day (SCSEC_DATE_NONE for NULL). */
SCSEC_API scsec_date scsec_trust_issued(const scsec_trust *trust);
/** 1 when it was loaded with its operator's signature checked, else 0
 *  (always 0 for a list built with scsec_trust_new()). */
SCSEC_API int scsec_trust_verified(const scsec_trust *trust);

/** When scsec_trust_verified(): the fingerprint of the certificate whose
 *  signature on the list was accepted (the operator's); else NULL. */
SCSEC_API const char *scsec_trust_signer_fingerprint(const scsec_trust *trust);

/** Number of parties. */
SCSEC_API size_t scsec_trust_party_count(const scsec_trust *trust);
/** Party @p i (in the list's order), or NULL. */
SCSEC_API const scsec_trust_party *scsec_trust_party_at(const scsec_trust *trust, size_t i);
/** The party's name. */
SCSEC_API const char *scsec_trust_party_name(const scsec_trust_party *party);
/** Its role token. */
SCSEC_API const char *scsec_trust_party_role(const scsec_trust_party *party);
/** The fingerprint of its certificate or of its issuing CA. */
SCSEC_API const char *scsec_trust_party_fingerprint(const scsec_trust_party *party);
/** 1 when the fingerprint is of an issuing CA, 0 for the party's own certificate. */
SCSEC_API int scsec_trust_party_is_ca(const scsec_trust_party *party);
/** The subject a certificate issued by the CA must have, or NULL. */
SCSEC_API const char *scsec_trust_party_subject(const scsec_trust_party *party);
/** The party's certificate (or its CA's) in PEM when the list holds it,
 *  else NULL. */
SCSEC_API const char *scsec_trust_party_certificate(const scsec_trust_party *party);
/** First day trusted, or SCSEC_DATE_NONE. */
SCSEC_API scsec_date scsec_trust_party_from(const scsec_trust_party *party);
/** Last day trusted, or SCSEC_DATE_NONE. */
SCSEC_API scsec_date scsec_trust_party_until(const scsec_trust_party *party);

/** Number of revocations. */
SCSEC_API size_t scsec_trust_revocation_count(const scsec_trust *trust);
/** Revocation @p i, or NULL. */
SCSEC_API const scsec_trust_revocation *scsec_trust_revocation_at(const scsec_trust *trust,
                                                                  size_t i);
/** The revoked certificate's fingerprint, or NULL (revoked by issuer and serial). */
SCSEC_API const char *scsec_trust_revocation_fingerprint(const scsec_trust_revocation *rv);
/** The revoked certificate's issuer, or NULL (revoked by fingerprint). */
SCSEC_API const char *scsec_trust_revocation_issuer(const scsec_trust_revocation *rv);
/** Its serial number (lowercase hexadecimal), or NULL. */
SCSEC_API const char *scsec_trust_revocation_serial(const scsec_trust_revocation *rv);
/** The day it takes effect. */
SCSEC_API scsec_date scsec_trust_revocation_date(const scsec_trust_revocation *rv);

/** @} */

/**
 * @name Evaluating with a trust policy
 * @{
 */

/**
 * Evaluate with trust list @p trust (borrowed: it must outlive the runs
 * made with these options), or without one (NULL, the default). See the
 * file's description and doc/evaluation.md, rule 11.
 * @return 0, SCSEC_EINVAL.
 */
SCSEC_API int scsec_eval_options_set_trust(scsec_eval_options *opts, const scsec_trust *trust);

/** 1 when the result was evaluated with a trust list, else 0: without one,
 *  methods count as claimed and the result says no trust policy was
 *  applied (`"trust": null` in its JSON). */
SCSEC_API int scsec_result_trust_applied(const scsec_result *result);

/** 1 when the result's trust list had its operator's signature checked
 *  (scsec_trust_verified()), 0 when not or without a trust list. */
SCSEC_API int scsec_result_trust_verified(const scsec_result *result);

/**
 * The strongest method the record's counting signatures support:
 * SCSEC_METHOD_THIRD_PARTY, SCSEC_METHOD_EXPERT_REVIEWED or
 * SCSEC_METHOD_SELF; SCSEC_METHOD_NONE without a trust policy.
 */
SCSEC_API scsec_method scsec_result_trusted_method(const scsec_result *result);

/**
 * The trust list's operator and version, or NULL without a trust policy
 * (copied: the list may be freed before the result).
 */
SCSEC_API const char *scsec_result_trust_operator(const scsec_result *result);
/** See scsec_result_trust_operator(). */
SCSEC_API const char *scsec_result_trust_version(const scsec_result *result);

/** Number of signatures on the record, judged under the trust list (0 without one). */
SCSEC_API size_t scsec_result_signer_count(const scsec_result *result);
/** Signature @p i, in document order, or NULL. */
SCSEC_API const scsec_signer *scsec_result_signer_at(const scsec_result *result, size_t i);
/** Whether it counted, or the first reason it did not. */
SCSEC_API scsec_verdict scsec_signer_verdict(const scsec_signer *signer);
/** The signer certificate's subject (RFC 2253), or NULL when none was found. */
SCSEC_API const char *scsec_signer_subject(const scsec_signer *signer);
/** The signer certificate's fingerprint, or NULL. */
SCSEC_API const char *scsec_signer_fingerprint(const scsec_signer *signer);
/** The signing time as seconds since 1970-01-01T00:00:00Z, -1 when absent. */
SCSEC_API int64_t scsec_signer_signing_time(const scsec_signer *signer);
/** The party it stands for (also when it did not count), or NULL. */
SCSEC_API const char *scsec_signer_party(const scsec_signer *signer);
/** That party's role, or NULL. */
SCSEC_API const char *scsec_signer_role(const scsec_signer *signer);
/** Why an invalid signature is invalid (the verifier's words), or NULL. */
SCSEC_API const char *scsec_signer_problem(const scsec_signer *signer);

/** @} */

/**
 * Judge signature @p i of a loaded record under trust list @p trust, as an
 * evaluation with that list does (doc/trust.md, rule 11 of
 * doc/evaluation.md): SCSEC_VERDICT_COUNTED when the signature is valid,
 * the record unchanged since it was loaded, and the signer a party the
 * list trusts on the signing day, with a certificate valid then and not
 * revoked by @p as_of; otherwise the verdict says why not. A counted
 * party of a role other than `evaluation-body` or `expert` is still
 * counted here: what its signature supports is the role's business
 * (scsec_trust_party_role()).
 *
 * @param[out] verdict  the verdict
 * @param[out] party    the party's name (borrowed from @p trust), or NULL; may be NULL
 * @param[out] role     the party's role (borrowed from @p trust), or NULL; may be NULL
 * @param ev            the record
 * @param i             the signature's index
 * @param trust         the trust list
 * @param as_of         the day revocations are looked at (SCSEC_DATE_NONE: today, UTC)
 * @return 0, SCSEC_EINVAL (a NULL argument, an index out of range).
 * @since 1.1
 */
SCSEC_API int scsec_evidence_signature_judge(scsec_verdict *verdict, const char **party,
                                             const char **role, const scsec_evidence *ev,
                                             size_t i, const scsec_trust *trust,
                                             scsec_date as_of);

SCSEC_END_DECLS

#endif
