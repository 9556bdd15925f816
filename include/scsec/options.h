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

/** Values of SCSEC_LOAD_SCHEMA_VALIDATION. */
enum {
	SCSEC_SCHEMA_NEVER = 0,  /**< the loaders' own checks only */
	SCSEC_SCHEMA_ALWAYS = 1, /**< also libxml2's XSD validator */
	SCSEC_SCHEMA_AUTO = 2    /**< the validator for criteria sets and results (read
	                              rarely); the loaders' checks for evidence records
	                              (read by the thousand) */
};

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
	 * needs 6; each further level of sub-categories needs one more. In
	 * JSON each object or array counts one level.
	 */
	SCSEC_LOAD_MAX_DEPTH = 3,
	/**
	 * Whether libxml2's XML Schema validator runs over XML documents:
	 * SCSEC_SCHEMA_AUTO (the default), SCSEC_SCHEMA_ALWAYS or
	 * SCSEC_SCHEMA_NEVER. Either way every rule of the schema is enforced:
	 * without the validator the loaders check the structure (elements,
	 * their order and counts, attributes, text) and the values themselves,
	 * and semantic checks always run. What differs is the wording of the
	 * messages, and the cost: the validator costs more than parsing.
	 */
	SCSEC_LOAD_SCHEMA_VALIDATION = 4,
	/**
	 * Largest number of XML elements, CSV rows, or JSON values (objects,
	 * arrays and the members and elements between commas) accepted.
	 * Default 1,000,000.
	 */
	SCSEC_LOAD_MAX_ITEMS = 5,
	/**
	 * The character encoding of CSV sheets (answer sheets, IPA's sheet): one
	 * of ::scsec_encoding. Default SCSEC_ENCODING_AUTO: a byte-order mark
	 * decides, else zero bytes (UTF-16 or UTF-32 without a mark), else a
	 * strict decoding trial, UTF-8 first, then CP932 (Shift_JIS, as Japanese
	 * Excel saves "CSV"). XML documents are UTF-8 whatever this says.
	 * @since 1.1
	 */
	SCSEC_LOAD_ENCODING = 6
} scsec_load_option;

/**
 * Values of SCSEC_LOAD_ENCODING. A byte-order mark of the chosen encoding
 * is skipped; a mark of another one is read as text.
 * @since 1.1
 */
typedef enum scsec_encoding {
	SCSEC_ENCODING_AUTO = 0,    /**< found from the sheet (see SCSEC_LOAD_ENCODING) */
	SCSEC_ENCODING_UTF8 = 1,    /**< UTF-8 */
	SCSEC_ENCODING_CP932 = 2,   /**< Shift_JIS as Windows writes it (CP932, Windows-31J) */
	SCSEC_ENCODING_UTF16LE = 3, /**< UTF-16, little-endian (Excel's "Unicode text") */
	SCSEC_ENCODING_UTF16BE = 4, /**< UTF-16, big-endian */
	SCSEC_ENCODING_UTF32LE = 5, /**< UTF-32, little-endian */
	SCSEC_ENCODING_UTF32BE = 6  /**< UTF-32, big-endian */
} scsec_encoding;

/**
 * The encoding named @p name, for command lines and configuration files:
 * `auto`, `utf-8`, `cp932` (also `shift_jis`, `sjis`, `windows-31j`, `ms932`),
 * `utf-16le`, `utf-16be`, `utf-16` (little-endian unless a byte-order mark
 * says otherwise), `utf-32le`, `utf-32be`, `utf-32`; case and `-`/`_` do
 * not matter.
 *
 * @param[out] out the encoding
 * @param name its name
 * @return 0; SCSEC_EINVAL for a NULL argument or an unknown name.
 * @since 1.1
 */
SCSEC_API int scsec_encoding_parse(scsec_encoding *out, const char *name);

/**
 * The canonical name of an encoding (`UTF-8`, `CP932`, `UTF-16LE`, ...;
 * `auto` for SCSEC_ENCODING_AUTO), or NULL for a value that is none.
 * @since 1.1
 */
SCSEC_API const char *scsec_encoding_name(scsec_encoding encoding);

/** Create options holding the defaults. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_load_options_new(scsec_load_options **out);

/** Free options. Accepts NULL. */
SCSEC_API void scsec_load_options_free(scsec_load_options *opts);

/**
 * Change one setting.
 *
 * @return 0; SCSEC_EINVAL for a NULL handle, an unknown option, a zero size
 *         or depth, a depth above 256, or a schema setting other than the
 *         three SCSEC_SCHEMA_* values.
 */
SCSEC_API int scsec_load_options_set(scsec_load_options *opts, scsec_load_option option,
                                     uint64_t value);

/**
 * Read one setting (the default when @p opts is NULL); 0 for an unknown
 * option.
 */
SCSEC_API uint64_t scsec_load_options_get(const scsec_load_options *opts,
                                          scsec_load_option option);

/**
 * Choose the sheet of an Excel workbook (.xlsx, .xlsm) that the sheet
 * readers read (answer sheets, IPA's workbook), by its name as Excel shows
 * it on the tab (compared exactly, else ASCII letters without case). A
 * workbook without that sheet is refused with a message listing its
 * sheets. NULL or "" (the default): an answer sheet is read from the
 * first worksheet whose header has the `id` and `status` columns, IPA's
 * workbook from the first worksheet. CSV sheets
 * have no sheets: the setting does not apply to them.
 *
 * @param opts the options
 * @param name the sheet's name: UTF-8 text of at most 255 bytes, copied
 * @return 0; SCSEC_EINVAL for a NULL handle or a name that is too long or
 *         not text.
 * @since 1.1
 */
SCSEC_API int scsec_load_options_set_sheet(scsec_load_options *opts, const char *name);

/**
 * The sheet chosen with scsec_load_options_set_sheet(), or NULL for the
 * first (also when @p opts is NULL). The string belongs to the options.
 * @since 1.1
 */
SCSEC_API const char *scsec_load_options_sheet(const scsec_load_options *opts);

SCSEC_END_DECLS

#endif /* SCSEC_OPTIONS_H */
