/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/options.h
 * @brief Options for reading documents: safety limits and checks.
 *
 * Every reader (criteria sets, evidence records, IPA sheets, CSV sheets)
 * takes an optional `const scsec_load_options *`; NULL means the defaults
 * below. An options handle is built by one thread and may then be shared,
 * read-only, by any number of threads.
 *
 * Whatever the options, readers never expand entities, never read a DTD,
 * never touch the network or another file, and refuse any document with a
 * DOCTYPE declaration (SCSEC_EUNSAFE).
 */
#ifndef SCSEC_OPTIONS_H
#define SCSEC_OPTIONS_H

#include <scsec/common.h>

SCSEC_BEGIN_DECLS

/** Reading options. Opaque. */
typedef struct scsec_load_options scsec_load_options;

/** The adjustable settings of a ::scsec_load_options. */
typedef enum scsec_load_option {
	/**
	 * Largest file read, in bytes, as stored (compressed or not).
	 * Default 64 MiB.
	 */
	SCSEC_LOAD_MAX_FILE_SIZE = 1,
	/**
	 * Largest document, in bytes, after gzip decompression; also bounds
	 * in-memory input. Reading stops as soon as it is passed, so a gzip
	 * bomb costs at most this much decompression. Default 64 MiB.
	 */
	SCSEC_LOAD_MAX_DOCUMENT_SIZE = 2,
	/**
	 * Deepest element nesting accepted, 1 to 256. Default 32: the METI set
	 * needs 6; each further level of sub-categories needs one more.
	 */
	SCSEC_LOAD_MAX_DEPTH = 3,
	/**
	 * Validate XML documents against their XML Schema (1, the default)
	 * or only apply the loader's own structural checks (0). Semantic checks
	 * always run.
	 */
	SCSEC_LOAD_SCHEMA_VALIDATION = 4,
	/** Largest number of XML elements, or CSV rows, accepted. Default 1,000,000. */
	SCSEC_LOAD_MAX_ITEMS = 5
} scsec_load_option;

/** Create options holding the defaults. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_load_options_new(scsec_load_options **out);

/** Free options. Accepts NULL. */
SCSEC_API void scsec_load_options_free(scsec_load_options *opts);

/**
 * Change one setting.
 *
 * @return 0; SCSEC_EINVAL for a NULL handle, an unknown option, a zero size
 *         or depth, or a depth above 256.
 */
SCSEC_API int scsec_load_options_set(scsec_load_options *opts, scsec_load_option option,
                                     uint64_t value);

/**
 * Read one setting (the default when @p opts is NULL); 0 for an unknown
 * option.
 */
SCSEC_API uint64_t scsec_load_options_get(const scsec_load_options *opts,
                                          scsec_load_option option);

SCSEC_END_DECLS

#endif /* SCSEC_OPTIONS_H */
