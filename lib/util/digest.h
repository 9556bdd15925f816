/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: SHA-256. The only file that sees libcrypto; the model and the
 * engine call it without OpenSSL's headers on their command line. */
#ifndef SCSEC_LIB_UTIL_DIGEST_H
#define SCSEC_LIB_UTIL_DIGEST_H

#include <stddef.h>

/* SHA-256 of data as 64 lowercase hex digits + NUL. 0 or SCSEC_ECRYPTO. */
int scsec__sha256_hex(char out[65], const void *data, size_t len);

/* The name-based (version 5, SHA-1) UUID of name in namespace ns (RFC
 * 4122), as 36 lowercase characters + NUL: a name hash that makes
 * identifiers deterministic, not a security measure. 0 or SCSEC_ECRYPTO. */
int scsec__uuid5(char out[37], const unsigned char ns[16], const void *name, size_t len);

#endif
