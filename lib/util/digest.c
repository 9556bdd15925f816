/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* SHA-256 through libcrypto: the digest of fingerprints and artifacts. */
#include "config.h"

#include <openssl/evp.h>

#include "util/digest.h"
#include "util/error.h"

int scsec__sha256_hex(char out[65], const void *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) {
		out[0] = '\0';
		return scsec__error_set(SCSEC_ECRYPTO, "SHA-256 failed in libcrypto");
	}
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}
