/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: recording the thread's last error and appending diagnostics. */
#ifndef SCSEC_LIB_UTIL_ERROR_H
#define SCSEC_LIB_UTIL_ERROR_H

#include <stdarg.h>
#include <stdint.h>

#include "scsec/error.h"

#if defined(__GNUC__)
#  define SCSEC__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define SCSEC__PRINTF(f, a)
#endif

/* Record code and message as the thread's last error; returns code. */
int scsec__error_set(int code, const char *fmt, ...) SCSEC__PRINTF(2, 3);

/* The same, with a location (file may be NULL, line/column 0 = unknown). */
int scsec__error_set_at(int code, const char *file, unsigned long line, unsigned long column,
                        const char *fmt, ...) SCSEC__PRINTF(5, 6);
int scsec__error_vset_at(int code, const char *file, unsigned long line, unsigned long column,
                         const char *fmt, va_list ap);

/* Append a diagnostic to diags (which may be NULL: then nothing happens).
 * Returns 0 or SCSEC_ENOMEM. */
int scsec__diag_add(scsec_diagnostics *diags, scsec_severity sev, int code, const char *id,
                    const char *file, unsigned long line, unsigned long column,
                    const char *fmt, ...) SCSEC__PRINTF(8, 9);
int scsec__diag_vadd(scsec_diagnostics *diags, scsec_severity sev, int code, const char *id,
                     const char *file, unsigned long line, unsigned long column,
                     const char *fmt, va_list ap);

/* A reporter stores at most this many diagnostics of one kind (one format
 * string, code and severity); the rest are counted in one more diagnostic,
 * "… and 999,950 more like the one above", kept up to date. A sheet with a
 * million bad rows gives a readable list, not a million lines. */
#define SCSEC__REPORT_REPEAT 50
#define SCSEC__REPORT_KINDS 32

typedef struct scsec__report_kind {
	const char *fmt;
	int code;
	int sev;
	unsigned long count;     /* reported, stored or not */
	size_t summary;          /* index of the counting diagnostic in the list */
} scsec__report_kind;

/* Where a reader reports problems: the document's name, the caller's list
 * (may be NULL), and the first error, which also becomes the thread's last
 * error. */
typedef struct scsec__reporter {
	const char *name;
	scsec_diagnostics *diags;
	int first_error;
	size_t errors;
	int oom;                 /* a diagnostic could not be stored */
	unsigned long first_line;
	unsigned long first_column;
	char first_message[512];
	uint64_t first_set;      /* the thread's count of error changes when the first
	                          * error was last set as its error (error.c) */
	scsec__report_kind kinds[SCSEC__REPORT_KINDS]; /* what was reported, by kind */
	size_t nkinds;
} scsec__reporter;

/* Initialise a reporter for document `name`, diagnostics to `diags`. */
#define SCSEC__REPORTER_INIT(name, diags) { (name), (diags), 0, 0, 0, 0, 0, "", 0, { { 0 } }, 0 }

/* Make s valid UTF-8 in place: bytes that are not part of a well-formed
 * sequence (a character cut by a precision such as %.40s, or by a buffer's
 * end) are dropped. Every message the library records goes through it. */
void scsec__utf8_repair(char *s);

/* The outcome of a reader: SCSEC_ENOMEM when a diagnostic was lost, the
 * first error's code otherwise (0 when none), with the thread's last error
 * set back to that first error (later failures of helpers may have
 * overwritten it). */
int scsec__report_result(scsec__reporter *r);

/* Report a problem at line/column of the reporter's document. Returns code
 * (SCSEC_ENOMEM if the diagnostic could not be stored). */
int scsec__report(scsec__reporter *r, unsigned long line, unsigned long column, scsec_severity sev,
                  int code, const char *id, const char *fmt, ...) SCSEC__PRINTF(7, 8);
int scsec__vreport(scsec__reporter *r, unsigned long line, unsigned long column, scsec_severity sev,
                   int code, const char *id, const char *fmt, va_list ap);

/* A NULL-argument check that records SCSEC_EINVAL naming the function. */
#define SCSEC__CHECK_ARG(expr) \
	do { \
		if (!(expr)) \
			return scsec__error_set(SCSEC_EINVAL, "%s: invalid argument: %s", __func__, #expr); \
	} while (0)

#endif
