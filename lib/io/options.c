/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include "util/alloc.h"
#include "util/error.h"
#include "io/options.h"

/* Documented in scsec/options.h: keep both in step. */
static const struct scsec_load_options defaults = {
	64u << 20, /* max_file_size */
	64u << 20, /* max_document_size */
	32,        /* max_depth */
	SCSEC_SCHEMA_AUTO, /* schema_validation */
	1000000,   /* max_items */
};

#define MAX_DEPTH_LIMIT 256

const struct scsec_load_options *scsec__load_options(const scsec_load_options *opts)
{
	return opts ? opts : &defaults;
}

int scsec_load_options_new(scsec_load_options **out)
{
	SCSEC__CHECK_ARG(out);
	*out = scsec__malloc(sizeof **out);
	if (!*out)
		return SCSEC_ENOMEM;
	**out = defaults;
	return 0;
}

void scsec_load_options_free(scsec_load_options *opts)
{
	scsec__free(opts);
}

int scsec_load_options_set(scsec_load_options *opts, scsec_load_option option, uint64_t value)
{
	SCSEC__CHECK_ARG(opts);
	switch (option) {
	case SCSEC_LOAD_MAX_FILE_SIZE:
	case SCSEC_LOAD_MAX_DOCUMENT_SIZE:
	case SCSEC_LOAD_MAX_ITEMS:
		if (value == 0)
			return scsec__error_set(SCSEC_EINVAL, "scsec_load_options_set: a limit of 0");
		if (option == SCSEC_LOAD_MAX_FILE_SIZE)
			opts->max_file_size = value;
		else if (option == SCSEC_LOAD_MAX_DOCUMENT_SIZE)
			opts->max_document_size = value;
		else
			opts->max_items = value;
		return 0;
	case SCSEC_LOAD_MAX_DEPTH:
		if (value == 0 || value > MAX_DEPTH_LIMIT)
			return scsec__error_set(SCSEC_EINVAL,
			                        "scsec_load_options_set: depth must be 1..%d", MAX_DEPTH_LIMIT);
		opts->max_depth = value;
		return 0;
	case SCSEC_LOAD_SCHEMA_VALIDATION:
		if (value > SCSEC_SCHEMA_AUTO)
			return scsec__error_set(SCSEC_EINVAL, "scsec_load_options_set: schema validation "
			                                      "is SCSEC_SCHEMA_NEVER, _ALWAYS or _AUTO");
		opts->schema_validation = value;
		return 0;
	}
	return scsec__error_set(SCSEC_EINVAL, "scsec_load_options_set: unknown option %d", (int)option);
}

uint64_t scsec_load_options_get(const scsec_load_options *opts, scsec_load_option option)
{
	const struct scsec_load_options *o = scsec__load_options(opts);

	switch (option) {
	case SCSEC_LOAD_MAX_FILE_SIZE:     return o->max_file_size;
	case SCSEC_LOAD_MAX_DOCUMENT_SIZE: return o->max_document_size;
	case SCSEC_LOAD_MAX_DEPTH:         return o->max_depth;
	case SCSEC_LOAD_SCHEMA_VALIDATION: return o->schema_validation;
	case SCSEC_LOAD_MAX_ITEMS:         return o->max_items;
	}
	return 0;
}
