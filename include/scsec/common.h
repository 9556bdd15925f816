/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/common.h
 * @brief Export macros, calendar dates, memory management.
 *
 * Conventions that hold for the whole API:
 *
 * - Fallible functions return `int`: 0 on success, a negative `SCSEC_E*`
 *   code (see scsec/error.h) on failure. Their result comes out through the
 *   first parameter, which is left untouched (or set to NULL) on failure.
 * - Getters that cannot fail return the value directly.
 * - Every `*_free` function accepts NULL.
 * - Pointers returned by getters are *borrowed*: they stay valid as long as
 *   the handle they came from, and must not be freed. Memory the library
 *   hands over (for example a serialised document) is released with
 *   scsec_free() and nothing else.
 * - Strings are UTF-8 and NUL-terminated.
 */
#ifndef SCSEC_COMMON_H
#define SCSEC_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* libscsec is POSIX-only (README): no Windows DLL export branch. */
#if defined(__GNUC__) && __GNUC__ >= 4
/** Marks a function as part of the public, exported ABI. */
#  define SCSEC_API __attribute__((visibility("default")))
#else
#  define SCSEC_API
#endif

#if defined(__GNUC__)
/** Marks a function as deprecated; it stays exported until the next soname. */
#  define SCSEC_DEPRECATED __attribute__((deprecated))
#else
#  define SCSEC_DEPRECATED
#endif

#ifdef __cplusplus
#  define SCSEC_BEGIN_DECLS extern "C" {
#  define SCSEC_END_DECLS }
#else
#  define SCSEC_BEGIN_DECLS
#  define SCSEC_END_DECLS
#endif

SCSEC_BEGIN_DECLS

/**
 * @name Calendar dates
 *
 * A date is a proleptic Gregorian calendar day, counted as days since
 * 1970-01-01 (day 0). Years 0001 to 9999 are representable. Dates carry no
 * time of day and no time zone: "as of 2026-04-01" means that whole day.
 * @{
 */

/** A calendar day: days since 1970-01-01. */
typedef int32_t scsec_date;

/** "No date": an absent `expires_on`, a result with nothing achieved. */
#define SCSEC_DATE_NONE INT32_MIN

/** Characters needed to format a date, NUL included ("YYYY-MM-DD"). */
#define SCSEC_DATE_BUFSIZE 11

/**
 * Parse a date written exactly as `YYYY-MM-DD` (ISO 8601 calendar date).
 *
 * @param[out] out  the date; untouched on failure
 * @param text      the text, e.g. "2026-02-29" (rejected: not a leap year)
 * @return 0, or SCSEC_EINVAL for NULL arguments, SCSEC_EDATE for text that
 *         is not a valid date (wrong shape, month 13, day 31 of a 30-day
 *         month, 29 February of a common year, year 0000).
 */
SCSEC_API int scsec_date_parse(scsec_date *out, const char *text);

/**
 * Make a date from its year, month and day.
 *
 * @return 0, or SCSEC_EINVAL if @p out is NULL, SCSEC_EDATE when the day
 *         does not exist.
 */
SCSEC_API int scsec_date_from_ymd(scsec_date *out, int year, int month, int day);

/**
 * Split a date into year, month and day (any out-pointer may be NULL).
 * The out-parameters come first, as everywhere else in the API.
 *
 * @return 0, or SCSEC_EDATE if @p date is SCSEC_DATE_NONE or out of range
 *         (the out-values are then left untouched).
 * @since 1.1
 */
SCSEC_API int scsec_date_split(int *year, int *month, int *day, scsec_date date);

/**
 * The same as scsec_date_split() with the out-parameters last.
 * @deprecated Since 1.1: use scsec_date_split(). Kept exported for 1.0
 *             callers.
 */
SCSEC_API SCSEC_DEPRECATED int scsec_date_to_ymd(scsec_date date, int *year, int *month, int *day);

/**
 * Write a date as `YYYY-MM-DD` into @p buf (at least SCSEC_DATE_BUFSIZE
 * bytes).
 *
 * @return 0, or SCSEC_EINVAL if @p buf is NULL, SCSEC_EDATE if @p date is
 *         SCSEC_DATE_NONE or out of range (@p buf then holds "").
 */
SCSEC_API int scsec_date_format(char *buf, scsec_date date);

/**
 * Today's date in UTC, from the system clock. Evaluation uses it when the
 * caller names no date; deterministic callers name one.
 */
SCSEC_API scsec_date scsec_date_today(void);

/** @} */

/**
 * @name Memory
 * @{
 */

/**
 * Replace the allocator used for every allocation the library makes itself.
 *
 * Call it once, before any other libscsec function that allocates; it fails
 * with SCSEC_EBUSY afterwards, because memory from one allocator must never
 * be released by another. The three functions must behave like malloc(),
 * realloc() and free(), including realloc(NULL, n) and free(NULL); any may
 * return NULL for a non-zero size, and the library then fails cleanly with
 * SCSEC_ENOMEM. @p user is passed to each call.
 *
 * Allocations made inside libxml2, zlib and libcrypto do not go through
 * these functions (changing their allocators would change them for the
 * whole process).
 *
 * @return 0; SCSEC_EINVAL if any function is NULL; SCSEC_EBUSY if the
 *         library has already allocated.
 */
SCSEC_API int scsec_set_allocator(void *(*malloc_fn)(size_t size, void *user),
                                  void *(*realloc_fn)(void *ptr, size_t size, void *user),
                                  void (*free_fn)(void *ptr, void *user),
                                  void *user);

/** Flags for the functions that write files. */
typedef enum scsec_write_flags {
	SCSEC_WRITE_DEFAULT = 0, /**< write the bytes as they are */
	SCSEC_WRITE_GZIP = 1     /**< gzip-compress them (fixed header: same input, same bytes) */
} scsec_write_flags;

/**
 * The syntax of a document the library writes (scsec_evidence_write_memory_as(),
 * scsec_evidence_write_file_as()).
 * @since 1.1
 */
typedef enum scsec_format {
	SCSEC_FORMAT_XML = 0, /**< XML, the canonical form */
	SCSEC_FORMAT_JSON = 1 /**< JSON, the same content (doc/evidence-format.md) */
} scsec_format;

/**
 * Write a file atomically: the bytes go to a temporary file beside
 * @p path, which is flushed to disk and then renamed over @p path. Readers
 * see the old file or the new one, never half of one; a failure leaves the
 * old file intact and no temporary file behind. Every writer of the library
 * goes through this; it is public so that programs writing what the library
 * produced (a result's JSON, a report) keep the same guarantee.
 *
 * @param path   the file to write or replace
 * @param data   the bytes (may be NULL when @p size is 0)
 * @param size   how many bytes
 * @param flags  SCSEC_WRITE_DEFAULT or SCSEC_WRITE_GZIP
 * @return 0, SCSEC_EINVAL, SCSEC_EIO (with the reason in the message),
 *         SCSEC_ENOMEM.
 */
SCSEC_API int scsec_file_write(const char *path, const void *data, size_t size, unsigned int flags);

/**
 * Release memory the library handed over to the caller (serialised
 * documents, formatted strings). Accepts NULL.
 */
SCSEC_API void scsec_free(void *ptr);

/** @} */

/**
 * @name Message catalogue
 *
 * Every text a person reads in the workbooks libscsec writes and in what
 * its command line prints has a stable code ("tpl.howto.1",
 * "value.status.met", "summary.level", ...) and a text in English and in
 * Japanese that say the same thing. A code keeps its meaning for good.
 * @{
 */

/**
 * The text of a message code.
 * @param code  the code
 * @param lang  a language tag: Japanese for "ja" and its subtags ("ja-JP"),
 *              English otherwise (also for NULL)
 * @return the text, static; NULL for NULL or an unknown code.
 * @since 1.1
 */
SCSEC_API const char *scsec_message_text(const char *code, const char *lang);

/** The number of codes in the catalogue. @since 1.1 */
SCSEC_API size_t scsec_message_count(void);

/** The code at index @p i (0 to scsec_message_count() - 1), or NULL. @since 1.1 */
SCSEC_API const char *scsec_message_code_at(size_t i);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_COMMON_H */
