/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/document.h
 * @brief Telling libscsec's documents apart, and validating any of them.
 */
#ifndef SCSEC_DOCUMENT_H
#define SCSEC_DOCUMENT_H

#include <scsec/common.h>
#include <scsec/error.h>
#include <scsec/options.h>

SCSEC_BEGIN_DECLS

/** The kinds of XML document libscsec reads and writes. */
typedef enum scsec_document_kind {
	SCSEC_DOCUMENT_UNKNOWN = 0,  /**< not one of libscsec's documents */
	SCSEC_DOCUMENT_CRITERIA = 1, /**< a criteria set (urn:scsec:criteria:1) */
	SCSEC_DOCUMENT_EVIDENCE = 2, /**< an evidence record (urn:scsec:evidence:1) */
	SCSEC_DOCUMENT_RESULT = 3,   /**< an evaluation result (urn:scsec:result:1) */
	SCSEC_DOCUMENT_MAPPING = 4,  /**< a mapping set (urn:scsec:mapping:1, scsec/mapping.h); since 1.1 */
	SCSEC_DOCUMENT_TRUST = 5     /**< a trust list (urn:scsec:trust:1, scsec/trust.h), read without
	                                  checking its operator's signature; since 1.1 */
} scsec_document_kind;

/** The kind's name ("criteria", "evidence", "result", "mapping"), "unknown" otherwise. */
SCSEC_API const char *scsec_document_kind_name(scsec_document_kind kind);

/**
 * Validate a document of any kind, found from its root element and
 * namespace (a JSON document is taken for an evidence record in its JSON
 * form, and its reader says what other JSON is), reporting every problem in @p diags: a criteria set is loaded
 * (schema and semantic checks); an evidence record is loaded and, when it
 * names a built-in criteria set, checked against it; a result is checked
 * against its schema; a mapping set is loaded. Plain or gzip-compressed files.
 *
 * @param[out] kind  the kind found, or NULL
 * @param path       the file
 * @param opts       limits, or NULL for the defaults
 * @param diags      a list receiving every problem found, or NULL
 * @return 0 when the document has no error; otherwise the first error's
 *         code (SCSEC_EVERSION for an unknown root element or namespace).
 */
SCSEC_API int scsec_document_validate_file(scsec_document_kind *kind, const char *path,
                                           const scsec_load_options *opts,
                                           scsec_diagnostics *diags);

/** Validate a document held in memory. @see scsec_document_validate_file() */
SCSEC_API int scsec_document_validate_memory(scsec_document_kind *kind, const void *data,
                                             size_t size, const char *name,
                                             const scsec_load_options *opts,
                                             scsec_diagnostics *diags);

/**
 * What a file holds, found from its content (never from its name).
 * @since 1.1
 */
typedef enum scsec_file_kind {
	SCSEC_FILE_UNKNOWN = 0,      /**< none of the below: binary data, an empty file, ... */
	SCSEC_FILE_CRITERIA = 1,     /**< a criteria set in XML */
	SCSEC_FILE_EVIDENCE = 2,     /**< an evidence record, in XML or in JSON (its first
	                                  4 KiB name "format": "scsec-evidence-1") */
	SCSEC_FILE_RESULT = 3,       /**< an evaluation result in XML */
	SCSEC_FILE_XML = 4,          /**< XML of another kind (another root or namespace) */
	SCSEC_FILE_SHEET = 5,        /**< a CSV or tab-separated sheet, in any encoding the
	                                  sheet readers know (SCSEC_LOAD_ENCODING) */
	SCSEC_FILE_ZIP = 6,          /**< a zip archive, such as an Excel workbook (.xlsx) */
	SCSEC_FILE_JSON = 7          /**< other JSON text */
} scsec_file_kind;

/**
 * The kind's name: "criteria", "evidence", "result", "xml", "sheet", "zip",
 * "json", "unknown".
 * @since 1.1
 */
SCSEC_API const char *scsec_file_kind_name(scsec_file_kind kind);

/**
 * Find what a file holds from its first bytes, after gzip decompression
 * (so a gzip of either form is told too), whatever its name: a CSV named
 * `.txt` is a sheet, XML named `.csv` is XML. XML is told apart by its root
 * element and namespace (the document is read no further); text in UTF-16
 * or UTF-32 is looked at after transcoding; text that is neither XML nor
 * JSON is a sheet. Reads at most a few KiB.
 *
 * @param[out] kind what the file holds
 * @param path      the file
 * @param opts      limits and the sheet encoding, or NULL for the defaults
 * @return 0 (even for SCSEC_FILE_UNKNOWN); SCSEC_EIO when the file cannot
 *         be read, SCSEC_ELIMIT, SCSEC_EPARSE for corrupt gzip data,
 *         SCSEC_EINVAL, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_file_detect(scsec_file_kind *kind, const char *path,
                                const scsec_load_options *opts);

/** The same for data in memory. @see scsec_file_detect() @since 1.1 */
SCSEC_API int scsec_file_detect_memory(scsec_file_kind *kind, const void *data, size_t size,
                                       const scsec_load_options *opts);

SCSEC_END_DECLS

#endif /* SCSEC_DOCUMENT_H */
