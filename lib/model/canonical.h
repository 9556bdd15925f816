/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the canonical form of criteria sets and evidence records, and
 * the fingerprints over it (model/canonical.c). */
#ifndef SCSEC_LIB_MODEL_CANONICAL_H
#define SCSEC_LIB_MODEL_CANONICAL_H

#include "model/criteria.h"
#include "model/evidence.h"
#include "util/alloc.h"

/* The canonical XML of a finished set, appended to b. */
int scsec__criteria_to_xml(scsec__buf *b, const scsec_criteria *c);

/* Compute a finished set's fingerprint (the SHA-256 of its canonical XML)
 * into c->fingerprint: the last step of every loader. 0, SCSEC_ENOMEM or
 * SCSEC_ECRYPTO. */
int scsec__criteria_fingerprint(scsec_criteria *c);

/* The canonical XML of a record, appended to b. */
int scsec__evidence_to_xml(scsec__buf *b, const scsec_evidence *ev);

/* The record's fingerprint, computed once and cached. NULL on failure. */
const char *scsec__evidence_fingerprint(const scsec_evidence *ev);

#endif
