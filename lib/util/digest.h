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

#endif
