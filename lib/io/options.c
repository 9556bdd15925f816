/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/util.h"
#include "io/options.h"

/* Documented in scsec/options.h: keep both in step. */
static const struct scsec_load_options defaults = {
	64u << 20, /* max_file_size */
	64u << 20, /* max_document_size */
	32,        /* max_depth */
	SCSEC_SCHEMA_AUTO, /* schema_validation */
	1000000,   /* max_items */
	SCSEC_ENCODING_AUTO, /* encoding */
	"",        /* sheet: the first */
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
	case SCSEC_LOAD_ENCODING:
		if (value > SCSEC_ENCODING_UTF32BE)
			return scsec__error_set(SCSEC_EINVAL, "scsec_load_options_set: unknown encoding "
			                                      "%llu", (unsigned long long)value);
		opts->encoding = value;
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
	case SCSEC_LOAD_ENCODING:          return o->encoding;
	}
	return 0;
}

/* ---- encodings ---- */

static const struct {
	const char *name;           /* compared without case, '-' and '_' */
	scsec_encoding encoding;
} encoding_names[] = {
	{ "auto", SCSEC_ENCODING_AUTO },        { "utf8", SCSEC_ENCODING_UTF8 },
	{ "cp932", SCSEC_ENCODING_CP932 },      { "shiftjis", SCSEC_ENCODING_CP932 },
	{ "sjis", SCSEC_ENCODING_CP932 },       { "windows31j", SCSEC_ENCODING_CP932 },
	{ "ms932", SCSEC_ENCODING_CP932 },      { "utf16le", SCSEC_ENCODING_UTF16LE },
	{ "utf16", SCSEC_ENCODING_UTF16LE },    { "utf16be", SCSEC_ENCODING_UTF16BE },
	{ "utf32le", SCSEC_ENCODING_UTF32LE },  { "utf32", SCSEC_ENCODING_UTF32LE },
	{ "utf32be", SCSEC_ENCODING_UTF32BE },
};

static const char *const canonical_names[] = {
	"auto", "UTF-8", "CP932", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE",
};

int scsec_encoding_parse(scsec_encoding *out, const char *name)
{
	char key[16];
	size_t i, n = 0;

	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(name);
	for (i = 0; name[i] && n < sizeof key - 1; i++) {
		char c = name[i];

		if (c == '-' || c == '_')
			continue;
		key[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	key[n] = '\0';
	if (!name[i])
		for (i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
			if (!strcmp(key, encoding_names[i].name)) {
				*out = encoding_names[i].encoding;
				return 0;
			}
	return scsec__error_set(SCSEC_EINVAL,
	                        "unknown encoding '%.40s' (auto, utf-8, cp932, shift_jis, utf-16, "
	                        "utf-16le, utf-16be, utf-32, utf-32le, utf-32be)",
	                        name);
}

const char *scsec_encoding_name(scsec_encoding encoding)
{
	if ((int)encoding < 0 || (size_t)encoding >= sizeof canonical_names / sizeof *canonical_names)
		return NULL;
	return canonical_names[encoding];
}

int scsec_load_options_set_sheet(scsec_load_options *opts, const char *name)
{
	size_t n;

	SCSEC__CHECK_ARG(opts);
	if (!name || !*name) {
		opts->sheet[0] = '\0';
		return 0;
	}
	n = strlen(name);
	if (n > SCSEC__SHEET_NAME_MAX || !scsec__text_ok(name, n))
		return scsec__error_set(SCSEC_EINVAL, "scsec_load_options_set_sheet: a sheet name is "
		                                      "valid UTF-8 of at most %d bytes",
		                        SCSEC__SHEET_NAME_MAX);
	memcpy(opts->sheet, name, n + 1);
	return 0;
}

const char *scsec_load_options_sheet(const scsec_load_options *opts)
{
	const char *s = scsec__load_options(opts)->sheet;

	return *s ? s : NULL;
}
