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
	SCSEC_DOCUMENT_RESULT = 3    /**< an evaluation result (urn:scsec:result:1) */
} scsec_document_kind;

/** The kind's name ("criteria", "evidence", "result"), "unknown" otherwise. */
SCSEC_API const char *scsec_document_kind_name(scsec_document_kind kind);

/**
 * Validate a document of any kind, found from its root element and
 * namespace, reporting every problem in @p diags: a criteria set is loaded
 * (schema and semantic checks); an evidence record is loaded and, when it
 * names a built-in criteria set, checked against it; a result is checked
 * against its schema. Plain or gzip-compressed files.
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

SCSEC_END_DECLS

#endif /* SCSEC_DOCUMENT_H */
