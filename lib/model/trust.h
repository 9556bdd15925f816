/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: a trust list as plain data, and the judgement of one signature
 * under it (issue 12, doc/trust.md). No cryptography happens here: the
 * verifier (io/signature.c) has already said whether a signature is valid
 * and which certificates it chains up to (model/signature.h). */
#ifndef SCSEC_LIB_MODEL_TRUST_H
#define SCSEC_LIB_MODEL_TRUST_H

#include <stddef.h>

#include "scsec/trust.h"
#include "model/criteria.h"
#include "model/signature.h"

/* Caps: a list is data an operator publishes, not a database. */
#define SCSEC__TRUST_MAX_PARTIES 10000
#define SCSEC__TRUST_MAX_REVOCATIONS 100000
#define SCSEC__TRUST_MAX_TEXT 1024
#define SCSEC__TRUST_MAX_PEM 65536
#define SCSEC__TRUST_MAX_SERIAL 128 /* hexadecimal digits, as the schema says */

struct scsec_trust_party {
	char *name;
	char *role;
	char sha256[65];     /* the certificate's, or the issuing CA's */
	int is_ca;
	char *subject;       /* with a CA: the signer's exact subject, or NULL */
	scsec_date from;     /* SCSEC_DATE_NONE: no bound */
	scsec_date until;
	char *pem;           /* the certificate (or the CA's) in PEM, or NULL */
	scsec__loc loc;      /* where it was read, 0 when built */
};

struct scsec_trust_revocation {
	char sha256[65];     /* "" when by issuer and serial */
	char *issuer;
	char *serial;        /* lowercase hex without leading zeros (but one) */
	scsec_date date;
	scsec__loc loc;
};

struct scsec_trust {
	char *operator_name;
	char *version;
	scsec_date issued;
	int verified;        /* the operator's signature was checked at load */
	char signer_sha256[65]; /* then: the certificate that signed it */
	struct scsec_trust_party **parties;
	size_t nparties;
	size_t cparties;
	struct scsec_trust_revocation **revocations;
	size_t nrevocations;
	size_t crevocations;
};

/* Non-zero when s is a role token: 1..64 of [a-z0-9-], starting with a
 * letter. */
int scsec__trust_role_ok(const char *s);

/* The method a counting signature of a party with this role supports:
 * third-party for evaluation-body, expert-reviewed for expert, self for
 * every other role. */
scsec_method scsec__trust_role_method(const char *role);

/* Serial numbers compared as the verifier writes them: lowercase, no
 * leading zeros but one. Writes the normal form of s into out (size >= 
 * strlen(s) + 2); -1 when s is no hexadecimal number. */
int scsec__trust_serial_norm(char *out, size_t size, const char *s);

/* Builders used by the API and the reader: copies of every string;
 * checks as the public functions document. loc may be NULL. */
int scsec__trust_add_party(scsec_trust *t, const char *name, const char *role,
                           const char *sha256, int is_ca, const char *subject, scsec_date from,
                           scsec_date until, const scsec__loc *loc);
int scsec__trust_add_revocation(scsec_trust *t, const char *sha256, const char *issuer,
                                const char *serial, scsec_date date, const scsec__loc *loc);

/* The day (days since 1970-01-01) of a time in seconds since the epoch. */
scsec_date scsec__day_of(int64_t t);

/* The judgement of signature s (stale: the record changed after it was
 * read) under trust list t as of day as_of: SCSEC_VERDICT_COUNTED with
 * *party the party it stands for, or the first reason it does not count
 * (scsec/trust.h), with *party the party it would have stood for (NULL
 * for invalid, stale and unknown-party). When several parties match, a
 * counting one with the strongest role wins, then the one whose failure
 * comes latest in the order. */
scsec_verdict scsec__trust_judge(const scsec_trust *t, const scsec__signature *s, int stale,
                                 scsec_date as_of, const struct scsec_trust_party **party);

#endif
