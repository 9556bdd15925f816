/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the resolved reading limits. */
#ifndef SCSEC_LIB_IO_OPTIONS_H
#define SCSEC_LIB_IO_OPTIONS_H

#include <stdint.h>

#include "scsec/options.h"

/* Bytes of a sheet name (Excel's own limit is 31 characters). */
#define SCSEC__SHEET_NAME_MAX 255

struct scsec_load_options {
	uint64_t max_file_size;
	uint64_t max_document_size;
	uint64_t max_depth;
	uint64_t schema_validation;
	uint64_t max_items;
	uint64_t encoding;          /* scsec_encoding */
	char sheet[SCSEC__SHEET_NAME_MAX + 1]; /* the workbook's sheet to read, "" for the first */
};

/* The options to use: opts, or the defaults when opts is NULL. */
const struct scsec_load_options *scsec__load_options(const scsec_load_options *opts);

#endif
