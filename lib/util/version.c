/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include "scsec/version.h"

int scsec_version_number(void)
{
	return SCSEC_VERSION_NUMBER;
}

const char *scsec_version_string(void)
{
	return SCSEC_VERSION_STRING;
}
