/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/error.h
 * @brief Error codes, the per-thread last error, and diagnostic lists.
 *
 * Every fallible function returns 0 or one of the negative codes below. The
 * codes are part of the ABI: they are never renumbered, and new ones are only
 * appended. When a function fails it also records, for the calling thread,
 * a message and (for problems in a document) the file, line and column;
 * scsec_error_last() reads that record.
 *
 * Checks that can find many problems at once (loading a document, checking
 * evidence against a criteria set) can also append every problem they find
 * to a ::scsec_diagnostics list the caller passes in.
 */
#ifndef SCSEC_ERROR_H
#define SCSEC_ERROR_H

#include <scsec/common.h>

SCSEC_BEGIN_DECLS

/** Return codes. Never renumbered; new codes are appended. */
typedef enum scsec_errcode {
	SCSEC_OK         =   0, /**< success */
	SCSEC_ERROR      =  -1, /**< an error not covered by a more specific code */
	SCSEC_ENOMEM     =  -2, /**< out of memory */
	SCSEC_EINVAL     =  -3, /**< invalid argument: NULL where a value is needed, out of range */
	SCSEC_EIO        =  -4, /**< reading or writing a file failed */
	SCSEC_EPARSE     =  -5, /**< the input is not well-formed (XML, CSV, gzip) */
	SCSEC_ESCHEMA    =  -6, /**< the document does not follow its XML Schema */
	SCSEC_EINVALID   =  -7, /**< the content breaks a semantic rule (unresolved reference, ...) */
	SCSEC_ENOTFOUND  =  -8, /**< no such id */
	SCSEC_EEXISTS    =  -9, /**< the id is already present */
	SCSEC_ELIMIT     = -10, /**< a size, nesting-depth or decompression limit was exceeded */
	SCSEC_EUNSAFE    = -11, /**< refused for safety: a DOCTYPE, entity declarations */
	SCSEC_EENCODING  = -12, /**< the text is not valid in its declared (or UTF-8) encoding */
	SCSEC_EBUSY      = -13, /**< too late for this call (the allocator after first use, an entry after it joined a record) */
	SCSEC_EVERSION   = -14, /**< unsupported format version or namespace */
	SCSEC_EMISMATCH  = -15, /**< the evidence was written for another criteria set or version */
	SCSEC_EDATE      = -16, /**< not a valid date or duration */
	SCSEC_ECRYPTO    = -17  /**< the digest library failed */
} scsec_errcode;

/** The calling thread's record of its last failure. Opaque. */
typedef struct scsec_error scsec_error;

/**
 * The calling thread's last failure.
 *
 * Successful calls do not clear it; call scsec_error_clear() first when you
 * need to know whether a particular call set it. Never returns NULL: with no
 * failure recorded the code is SCSEC_OK. The record is overwritten by the
 * next failure on the same thread, and is never shared between threads.
 */
SCSEC_API const scsec_error *scsec_error_last(void);

/** Forget the calling thread's last failure. */
SCSEC_API void scsec_error_clear(void);

/** The error's code (0 when no failure is recorded). */
SCSEC_API int scsec_error_code(const scsec_error *err);

/**
 * The error's message: what went wrong and why, in one line, without the
 * location (for example `element 'level': attribute 'rank' is missing`).
 * Never NULL.
 */
SCSEC_API const char *scsec_error_message(const scsec_error *err);

/** The file (or document name) the error is in, or NULL. */
SCSEC_API const char *scsec_error_file(const scsec_error *err);

/** 1-based line of the error, or 0 when unknown (for a CSV sheet: the row). */
SCSEC_API unsigned long scsec_error_line(const scsec_error *err);

/** 1-based column of the error, or 0 when unknown. */
SCSEC_API unsigned long scsec_error_column(const scsec_error *err);

/**
 * A static, English description of a code ("out of memory"). Never NULL;
 * an unknown code gives "unknown error".
 */
SCSEC_API const char *scsec_strerror(int code);

/**
 * @name Diagnostic lists
 *
 * A growing list of problems, each with a severity, a code, the id it is
 * about (when there is one), a location and a message. Created empty by the
 * caller, passed to loaders and checkers (which append to it), then read
 * and freed. A list is used by one thread at a time.
 * @{
 */

/** How bad a diagnostic is. */
typedef enum scsec_severity {
	SCSEC_SEVERITY_ERROR   = 0, /**< the input cannot be used as it stands */
	SCSEC_SEVERITY_WARNING = 1, /**< usable, but probably not what was meant */
	SCSEC_SEVERITY_NOTE    = 2  /**< information */
} scsec_severity;

/** A list of diagnostics. Opaque. */
typedef struct scsec_diagnostics scsec_diagnostics;

/** One diagnostic, borrowed from its list. Opaque. */
typedef struct scsec_diagnostic scsec_diagnostic;

/** Create an empty list. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_diagnostics_new(scsec_diagnostics **out);

/** Free a list and every diagnostic in it. Accepts NULL. */
SCSEC_API void scsec_diagnostics_free(scsec_diagnostics *diags);

/** Remove every diagnostic (the list stays usable). Accepts NULL. */
SCSEC_API void scsec_diagnostics_clear(scsec_diagnostics *diags);

/** Number of diagnostics in the list (0 for NULL). */
SCSEC_API size_t scsec_diagnostics_count(const scsec_diagnostics *diags);

/** Number of diagnostics of the given severity (0 for NULL). */
SCSEC_API size_t scsec_diagnostics_count_severity(const scsec_diagnostics *diags,
                                                  scsec_severity severity);

/**
 * Number of diagnostics of the given severity that were found, stored or
 * not: a reader stores the first few of a kind and then one summary ("…
 * and 950 more like the one above", see scsec_diagnostic_omitted()), which
 * counts here for the diagnostics it stands for. This is the figure to
 * show a person; scsec_diagnostics_count_severity() counts what the list
 * holds. 0 for NULL.
 * @since 1.1
 */
SCSEC_API size_t scsec_diagnostics_total(const scsec_diagnostics *diags, scsec_severity severity);

/** The @p i-th diagnostic, in the order found, or NULL when out of range. */
SCSEC_API const scsec_diagnostic *scsec_diagnostics_at(const scsec_diagnostics *diags, size_t i);

/** The diagnostic's severity. */
SCSEC_API scsec_severity scsec_diagnostic_severity(const scsec_diagnostic *d);

/** The diagnostic's code (a negative `SCSEC_E*` code). */
SCSEC_API int scsec_diagnostic_code(const scsec_diagnostic *d);

/** The criterion, entry or other id the diagnostic is about, or NULL. */
SCSEC_API const char *scsec_diagnostic_id(const scsec_diagnostic *d);

/** The file or document name, or NULL. */
SCSEC_API const char *scsec_diagnostic_file(const scsec_diagnostic *d);

/** 1-based line (CSV: row), 0 when unknown. */
SCSEC_API unsigned long scsec_diagnostic_line(const scsec_diagnostic *d);

/** 1-based column, 0 when unknown. */
SCSEC_API unsigned long scsec_diagnostic_column(const scsec_diagnostic *d);

/**
 * For a summary that stands for diagnostics of one kind that were not
 * stored, how many it stands for; 0 for any other diagnostic.
 * @since 1.1
 */
SCSEC_API unsigned long scsec_diagnostic_omitted(const scsec_diagnostic *d);

/** The message, without location. Never NULL. */
SCSEC_API const char *scsec_diagnostic_message(const scsec_diagnostic *d);

/**
 * Format a diagnostic the way compilers do:
 * `file:line:column: error: message [id]`, leaving out the parts that are
 * unknown. Release the string with scsec_free().
 *
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_diagnostic_format(char **out, const scsec_diagnostic *d);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_ERROR_H */
