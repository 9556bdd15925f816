/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: trust lists in XML (io/trust_xml.c). */
#ifndef SCSEC_LIB_IO_TRUST_XML_H
#define SCSEC_LIB_IO_TRUST_XML_H

#include <stddef.h>

#include "scsec/trust.h"
#include "util/alloc.h"

/* The SHA-256 fingerprint of the DER of the first certificate in a PEM
 * text (len bytes, at most SCSEC__TRUST_MAX_PEM), and when pem_out is not
 * NULL that certificate re-encoded as PEM (free with scsec__free).
 * 0, SCSEC_EINVAL (no certificate), SCSEC_ELIMIT, SCSEC_ECRYPTO, SCSEC_ENOMEM. */
int scsec__pem_certificate(char sha256[65], char **pem_out, const void *pem, size_t len);

/* The list's canonical XML (no signature) appended to b. */
int scsec__trust_to_xml(scsec__buf *b, const scsec_trust *t);

#endif
