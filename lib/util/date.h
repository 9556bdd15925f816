/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: ISO 8601 durations and date arithmetic. */
#ifndef SCSEC_LIB_UTIL_DATE_H
#define SCSEC_LIB_UTIL_DATE_H

#include <stddef.h>

#include "scsec/common.h"

#define SCSEC__DATE_MIN (-719162) /* 0001-01-01 */
#define SCSEC__DATE_MAX 2932896   /* 9999-12-31 */

/* A calendar duration: years and months first, then days (weeks are
 * stored as days). */
typedef struct scsec__duration {
	int years;
	int months;
	int days;
} scsec__duration;

/* Parse "PnYnMnD" or "PnW" (each number 0..9999, at least one part, no
 * time part). Returns 0 or SCSEC_EDATE. */
int scsec__duration_parse(scsec__duration *out, const char *text, size_t len);

/* Format as canonical ISO 8601 (P1Y, P1Y6M, P30D, P0D); buf >= 32 bytes. */
void scsec__duration_format(char *buf, size_t size, const scsec__duration *d);

int scsec__duration_is_zero(const scsec__duration *d);

/* date + duration: years and months move the calendar month and clamp the
 * day to that month's length (2024-02-29 + P1Y = 2025-02-28), then days are
 * added. Returns 0 or SCSEC_EDATE when the result leaves 0001..9999. */
int scsec__date_add(scsec_date *out, scsec_date date, const scsec__duration *d);

/* Format as YYYY-MM-DD into buf (SCSEC_DATE_BUFSIZE): 0, or -1 for no
 * date (buf = "") without touching the thread's last error -- writers
 * format absent dates all the time, and must not overwrite a real error. */
int scsec__date_format(char *buf, scsec_date date);

/* Parse exactly len bytes as YYYY-MM-DD. */
int scsec__date_parse_n(scsec_date *out, const char *text, size_t len);

int scsec__date_valid(scsec_date date);

#endif
