/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/date.h"
#include "util/error.h"

/* Days from civil and back: Howard Hinnant's algorithms
 * (http://howardhinnant.github.io/date_algorithms.html), exact over the
 * proleptic Gregorian calendar. */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int scsec__date_valid(scsec_date date)
{
	return date >= SCSEC__DATE_MIN && date <= SCSEC__DATE_MAX;
}

int scsec_date_from_ymd(scsec_date *out, int year, int month, int day)
{
	SCSEC__CHECK_ARG(out);
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
	    day > month_days(year, month))
		return scsec__error_set(SCSEC_EDATE, "%04d-%02d-%02d is not a calendar date",
		                        year, month, day);
	*out = (scsec_date)days_from_civil(year, month, day);
	return 0;
}

int scsec_date_to_ymd(scsec_date date, int *year, int *month, int *day)
{
	return scsec_date_split(year, month, day, date);
}

int scsec_date_split(int *year, int *month, int *day, scsec_date date)
{
	int y, m, d;

	if (!scsec__date_valid(date))
		return scsec__error_set(SCSEC_EDATE, "no date, or a date outside 0001..9999");
	civil_from_days(date, &y, &m, &d);
	if (year)
		*year = y;
	if (month)
		*month = m;
	if (day)
		*day = d;
	return 0;
}

static int digits(const char *s, size_t n, int *value)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return 0;
}

int scsec__date_parse_n(scsec_date *out, const char *text, size_t len)
{
	int y, m, d;

	if (len != 10 || text[4] != '-' || text[7] != '-' || digits(text, 4, &y) ||
	    digits(text + 5, 2, &m) || digits(text + 8, 2, &d))
		return scsec__error_set(SCSEC_EDATE, "'%.*s' is not a date of the form YYYY-MM-DD",
		                        (int)(len > 64 ? 64 : len), text);
	return scsec_date_from_ymd(out, y, m, d);
}

int scsec_date_parse(scsec_date *out, const char *text)
{
	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(text);
	return scsec__date_parse_n(out, text, strlen(text));
}

int scsec__date_format(char *buf, scsec_date date)
{
	int y, m, d;

	buf[0] = '\0';
	if (!scsec__date_valid(date))
		return -1;
	civil_from_days(date, &y, &m, &d);
	snprintf(buf, SCSEC_DATE_BUFSIZE, "%04d-%02d-%02d", y, m, d);
	return 0;
}

int scsec_date_format(char *buf, scsec_date date)
{
	SCSEC__CHECK_ARG(buf);
	if (scsec__date_format(buf, date))
		return scsec__error_set(SCSEC_EDATE, "no date, or a date outside 0001..9999");
	return 0;
}

scsec_date scsec_date_today(void)
{
	time_t now = time(NULL);

	return (scsec_date)(now / 86400 - (now % 86400 < 0));
}

int scsec__duration_parse(scsec__duration *out, const char *text, size_t len)
{
	scsec__duration d = { 0, 0, 0 };
	const char *p = text, *end = text + len;
	int seen = 0, last = 0; /* order: Y=1 M=2 W=3 D=4 */

	if (len < 3 || *p != 'P')
		goto bad;
	p++;
	while (p < end) {
		long v = 0;
		int n = 0, rank;

		while (p < end && *p >= '0' && *p <= '9') {
			v = v * 10 + (*p++ - '0');
			if (++n > 4)
				goto bad;
		}
		if (!n || p == end)
			goto bad;
		switch (*p++) {
		case 'Y': rank = 1; d.years = (int)v; break;
		case 'M': rank = 2; d.months = (int)v; break;
		case 'W':
			rank = 3;
			/* Stored as days, written back as days: keep it writable. */
			if (v * 7 > 9999)
				goto bad;
			d.days = (int)v * 7;
			break;
		case 'D': rank = 4; d.days = (int)v; break;
		default: goto bad;
		}
		/* Parts in order, each once; weeks stand alone. */
		if (rank <= last || (rank == 3 && seen) || (last == 3))
			goto bad;
		last = rank;
		seen++;
	}
	*out = d;
	return 0;
bad:
	return scsec__error_set(SCSEC_EDATE,
	                        "'%.*s' is not an ISO 8601 duration of the form PnYnMnD or PnW",
	                        (int)(len > 64 ? 64 : len), text);
}

void scsec__duration_format(char *buf, size_t size, const scsec__duration *d)
{
	int n = snprintf(buf, size, "P");

	if (d->years)
		n += snprintf(buf + n, size - (size_t)n, "%dY", d->years);
	if (d->months)
		n += snprintf(buf + n, size - (size_t)n, "%dM", d->months);
	if (d->days || (!d->years && !d->months))
		snprintf(buf + n, size - (size_t)n, "%dD", d->days);
}

int scsec__duration_is_zero(const scsec__duration *d)
{
	return !d->years && !d->months && !d->days;
}

int scsec__date_add(scsec_date *out, scsec_date date, const scsec__duration *dur)
{
	int y, m, d;
	long months;
	long days;

	if (scsec_date_split(&y, &m, &d, date))
		return SCSEC_EDATE;
	months = (long)y * 12 + (m - 1) + (long)dur->years * 12 + dur->months;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (y < 1 || y > 9999)
		goto range;
	if (d > month_days(y, m))
		d = month_days(y, m);
	days = days_from_civil(y, m, d) + dur->days;
	if (days < SCSEC__DATE_MIN || days > SCSEC__DATE_MAX)
		goto range;
	*out = (scsec_date)days;
	return 0;
range:
	return scsec__error_set(SCSEC_EDATE, "date arithmetic leaves the years 0001..9999");
}
