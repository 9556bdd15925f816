/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The foundation: versions, errors, diagnostics, dates, durations, the
 * allocator and the byte buffer. Links the private convenience library so
 * that private helpers are tested too. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>

#include "testutil.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/util.h"
#include "model/evidence.h"
#include "scsec/scsec.h"

/* ---- version ---- */

START_TEST(version_header_matches_library)
{
	char expect[32];

	ck_assert_int_eq(scsec_version_number(), SCSEC_VERSION_NUMBER);
	ck_assert_str_eq(scsec_version_string(), SCSEC_VERSION_STRING);
	snprintf(expect, sizeof expect, "%d.%d.%d", SCSEC_VERSION_MAJOR, SCSEC_VERSION_MINOR,
	         SCSEC_VERSION_PATCH);
	ck_assert_str_eq(scsec_version_string(), expect);
	ck_assert_int_eq(SCSEC_VERSION_NUMBER,
	                 SCSEC_VERSION_MAJOR * 10000 + SCSEC_VERSION_MINOR * 100 + SCSEC_VERSION_PATCH);
	ck_assert(SCSEC_VERSION_CHECK(SCSEC_VERSION_MAJOR, SCSEC_VERSION_MINOR, SCSEC_VERSION_PATCH));
	ck_assert(SCSEC_VERSION_CHECK(0, 9, 99));
	ck_assert(!SCSEC_VERSION_CHECK(SCSEC_VERSION_MAJOR + 1, 0, 0));
	ck_assert(!SCSEC_VERSION_CHECK(SCSEC_VERSION_MAJOR, SCSEC_VERSION_MINOR, SCSEC_VERSION_PATCH + 1));
}
END_TEST

/* ---- errors ---- */

START_TEST(error_last_records_location)
{
	const scsec_error *e;

	scsec_error_clear();
	e = scsec_error_last();
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(scsec_error_code(e), SCSEC_OK);
	ck_assert_ptr_null(scsec_error_file(e));

	ck_assert_int_eq(scsec__error_set_at(SCSEC_EPARSE, "a.xml", 3, 14, "bad %s", "thing"),
	                 SCSEC_EPARSE);
	e = scsec_error_last();
	ck_assert_int_eq(scsec_error_code(e), SCSEC_EPARSE);
	ck_assert_str_eq(scsec_error_message(e), "bad thing");
	ck_assert_str_eq(scsec_error_file(e), "a.xml");
	ck_assert_uint_eq(scsec_error_line(e), 3);
	ck_assert_uint_eq(scsec_error_column(e), 14);

	scsec__error_set(SCSEC_EINVAL, "plain");
	ck_assert_ptr_null(scsec_error_file(e));
	ck_assert_uint_eq(scsec_error_line(e), 0);
	scsec_error_clear();
	ck_assert_int_eq(scsec_error_code(e), 0);
}
END_TEST

START_TEST(error_long_message_truncated)
{
	char big[5000];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	scsec__error_set_at(SCSEC_EIO, big, 1, 1, "%s", big);
	ck_assert(strlen(scsec_error_message(scsec_error_last())) < sizeof big);
	ck_assert(strlen(scsec_error_file(scsec_error_last())) < sizeof big);
}
END_TEST

static void *other_thread(void *arg)
{
	const scsec_error *e = scsec_error_last();

	(void)arg;
	/* A new thread starts with no error, whatever the main thread has. */
	if (scsec_error_code(e) != 0)
		return (void *)1;
	scsec__error_set(SCSEC_ENOTFOUND, "thread");
	return NULL;
}

START_TEST(error_is_thread_local)
{
	pthread_t t;
	void *ret;

	scsec__error_set(SCSEC_EIO, "main");
	ck_assert_int_eq(pthread_create(&t, NULL, other_thread, NULL), 0);
	ck_assert_int_eq(pthread_join(t, &ret), 0);
	ck_assert_ptr_null(ret);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EIO);
	ck_assert_str_eq(scsec_error_message(scsec_error_last()), "main");
}
END_TEST

START_TEST(strerror_covers_every_code)
{
	int code;

	for (code = SCSEC_OK; code >= SCSEC_ECRYPTO; code--) {
		ck_assert_ptr_nonnull(scsec_strerror(code));
		ck_assert_str_ne(scsec_strerror(code), "unknown error");
	}
	ck_assert_str_eq(scsec_strerror(SCSEC_ECRYPTO - 1), "unknown error");
	ck_assert_str_eq(scsec_strerror(1), "unknown error");
	/* The codes are ABI: pin a few so a renumbering cannot slip through. */
	ck_assert_int_eq(SCSEC_ENOMEM, -2);
	ck_assert_int_eq(SCSEC_EPARSE, -5);
	ck_assert_int_eq(SCSEC_ELIMIT, -10);
	ck_assert_int_eq(SCSEC_EDATE, -16);
	ck_assert_int_eq(SCSEC_ECRYPTO, -17);
}
END_TEST

/* ---- diagnostics ---- */

START_TEST(diagnostics_collect_and_format)
{
	scsec_diagnostics *d = NULL;
	const scsec_diagnostic *x;
	char *s;

	ck_assert_int_eq(scsec_diagnostics_new(NULL), SCSEC_EINVAL);
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	ck_ok(scsec__diag_add(d, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "9-9-9-9", "e.csv", 12, 3,
	                      "unknown id '%s'", "9-9-9-9"));
	ck_ok(scsec__diag_add(d, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, NULL, NULL, 0, 0, "w"));
	ck_ok(scsec__diag_add(d, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "f.xml", 7, 0, "date"));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 2);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_WARNING), 1);
	x = scsec_diagnostics_at(d, 0);
	ck_assert_int_eq(scsec_diagnostic_code(x), SCSEC_ENOTFOUND);
	ck_assert_str_eq(scsec_diagnostic_id(x), "9-9-9-9");
	ck_assert_str_eq(scsec_diagnostic_file(x), "e.csv");
	ck_assert_uint_eq(scsec_diagnostic_line(x), 12);
	ck_assert_uint_eq(scsec_diagnostic_column(x), 3);
	ck_ok(scsec_diagnostic_format(&s, x));
	ck_assert_str_eq(s, "e.csv:12:3: error: unknown id '9-9-9-9' [9-9-9-9]");
	scsec_free(s);
	ck_ok(scsec_diagnostic_format(&s, scsec_diagnostics_at(d, 1)));
	ck_assert_str_eq(s, "warning: w");
	scsec_free(s);
	ck_ok(scsec_diagnostic_format(&s, scsec_diagnostics_at(d, 2)));
	ck_assert_str_eq(s, "f.xml:7: error: date");
	scsec_free(s);
	ck_assert_ptr_null(scsec_diagnostics_at(d, 3));
	scsec_diagnostics_clear(d);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	scsec_diagnostics_free(d);
	scsec_diagnostics_free(NULL);
	/* A NULL list swallows diagnostics. */
	ck_ok(scsec__diag_add(NULL, SCSEC_SEVERITY_ERROR, SCSEC_EIO, NULL, NULL, 0, 0, "x"));
	ck_assert_uint_eq(scsec_diagnostics_count(NULL), 0);
}
END_TEST

/* A reader's reporter: the thread's last error is its first error, even
 * when something else was recorded between two of its reports. */
START_TEST(reporter_keeps_first_error)
{
	scsec_diagnostics *d = NULL;
	scsec__reporter r = SCSEC__REPORTER_INIT("doc.xml", NULL);
	const scsec_error *e = scsec_error_last();

	ck_ok(scsec_diagnostics_new(&d));
	r.diags = d;
	scsec_error_clear();
	ck_assert_int_eq(scsec__report(&r, 0, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, NULL, "w"),
	                 SCSEC_EINVALID);
	ck_assert_int_eq(scsec_error_code(e), 0);
	ck_assert_int_eq(scsec__report(&r, 3, 4, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "x", "first %d", 1),
	                 SCSEC_EDATE);
	ck_assert_int_eq(scsec__report(&r, 5, 6, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL, "second"),
	                 SCSEC_EINVALID);
	ck_assert_int_eq(scsec_error_code(e), SCSEC_EDATE);
	ck_assert_str_eq(scsec_error_message(e), "first 1");
	ck_assert_str_eq(scsec_error_file(e), "doc.xml");
	ck_assert_uint_eq(scsec_error_line(e), 3);
	ck_assert_uint_eq(scsec_error_column(e), 4);
	/* A helper records another error; the next report restores the first. */
	scsec__error_set(SCSEC_ENOTFOUND, "helper");
	scsec__report(&r, 7, 8, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL, "third");
	ck_assert_int_eq(scsec_error_code(e), SCSEC_EDATE);
	ck_assert_str_eq(scsec_error_message(e), "first 1");
	ck_assert_uint_eq(scsec_error_line(e), 3);
	scsec_error_clear();
	scsec__report(&r, 9, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL, "fourth");
	ck_assert_int_eq(scsec_error_code(e), SCSEC_EDATE);
	ck_assert_str_eq(scsec_error_message(e), "first 1");
	/* A warning leaves the record alone. */
	scsec__error_set(SCSEC_ENOTFOUND, "helper");
	scsec__report(&r, 9, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, NULL, "w2");
	ck_assert_int_eq(scsec_error_code(e), SCSEC_ENOTFOUND);
	ck_assert_uint_eq(r.errors, 4);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 6);
	ck_assert_int_eq(scsec__report_result(&r), SCSEC_EDATE);
	ck_assert_str_eq(scsec_error_message(e), "first 1");
	ck_assert_uint_eq(scsec_error_column(e), 4);
	scsec_diagnostics_free(d);
}
END_TEST

/* The same, through a loader: a document with several errors. */
START_TEST(load_with_several_errors_reports_first)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<evidence xmlns=\"urn:scsec:evidence:1\" criteria=\"meti-sc-2026-03\"\n"
		"          criteria-version=\"2026.03\">\n"
		"  <subject name=\"x\"/>\n"
		"  <entry id=\"1-1-1-1\" status=\"met\" assessed-on=\"2026-02-30\"/>\n"
		"  <entry id=\"1-1-1-2\" status=\"bogus\" assessed-on=\"2026-13-01\"/>\n"
		"</evidence>\n";
	scsec_diagnostics *d = NULL;
	scsec_evidence *ev = NULL;
	const scsec_diagnostic *first = NULL;
	size_t i;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	rc = scsec_evidence_load_memory(&ev, doc, sizeof doc - 1, "several.xml", NULL, d);
	ck_assert_int_ne(rc, 0);
	ck_assert_ptr_null(ev);
	for (i = 0; i < scsec_diagnostics_count(d) && !first; i++)
		if (scsec_diagnostic_severity(scsec_diagnostics_at(d, i)) == SCSEC_SEVERITY_ERROR)
			first = scsec_diagnostics_at(d, i);
	ck_assert_ptr_nonnull(first);
	ck_assert_uint_ge(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 2);
	ck_assert_int_eq(rc, scsec_diagnostic_code(first));
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), scsec_diagnostic_code(first));
	ck_assert_str_eq(scsec_error_message(scsec_error_last()), scsec_diagnostic_message(first));
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), scsec_diagnostic_line(first));
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), "several.xml");
	scsec_diagnostics_free(d);
}
END_TEST

/* An unnamed document in memory is called "<memory>" in messages. */
START_TEST(document_unnamed_memory_named_in_errors)
{
	static const char doc[] = "<other xmlns=\"urn:example\"/>";
	scsec_document_kind kind = SCSEC_DOCUMENT_CRITERIA;
	scsec_diagnostics *d = NULL;

	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_document_validate_memory(&kind, doc, sizeof doc - 1, NULL, NULL, d),
	                 SCSEC_EVERSION);
	ck_assert_int_eq(kind, SCSEC_DOCUMENT_UNKNOWN);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), "<memory>");
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	ck_assert_str_eq(scsec_diagnostic_file(scsec_diagnostics_at(d, 0)), "<memory>");
	scsec_diagnostics_clear(d);
	ck_assert_int_eq(scsec_document_validate_memory(&kind, doc, sizeof doc - 1, "x.xml", NULL, d),
	                 SCSEC_EVERSION);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), "x.xml");
	ck_assert_str_eq(scsec_diagnostic_file(scsec_diagnostics_at(d, 0)), "x.xml");
	scsec_diagnostics_free(d);
}
END_TEST

/* errno messages without strerror(). */
START_TEST(strerror_of_errno)
{
	char buf[128], want[128];

	snprintf(want, sizeof want, "%s", strerror(ENOENT));
	ck_assert_str_eq(scsec__strerror(ENOENT, buf, sizeof buf), want);
	ck_assert_ptr_nonnull(scsec__strerror(-12345, buf, sizeof buf));
}
END_TEST

/* ---- dates ---- */

START_TEST(date_parse_and_format)
{
	scsec_date d;
	char buf[SCSEC_DATE_BUFSIZE];
	int y, m, day;

	ck_ok(scsec_date_parse(&d, "1970-01-01"));
	ck_assert_int_eq(d, 0);
	ck_ok(scsec_date_parse(&d, "2026-04-01"));
	ck_ok(scsec_date_format(buf, d));
	ck_assert_str_eq(buf, "2026-04-01");
	ck_ok(scsec_date_parse(&d, "2024-02-29"));
	ck_ok(scsec_date_split(&y, &m, &day, d));
	ck_assert_int_eq(y, 2024);
	ck_assert_int_eq(m, 2);
	ck_assert_int_eq(day, 29);
	ck_ok(scsec_date_parse(&d, "0001-01-01"));
	ck_assert_int_eq(d, SCSEC__DATE_MIN);
	ck_ok(scsec_date_parse(&d, "9999-12-31"));
	ck_assert_int_eq(d, SCSEC__DATE_MAX);
	ck_ok(scsec_date_parse(&d, "2000-02-29"));
}
END_TEST

START_TEST(date_rejects_impossible)
{
	static const char *const bad[] = {
		"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
		"0000-01-01", "2026-1-01", "2026/01/01", "20260101", "2026-01-01 ", " 2026-01-01",
		"2026-01-0a", "", "+202-01-01", "2026-01-32",
	};
	size_t i;
	scsec_date d = 42;
	char buf[SCSEC_DATE_BUFSIZE];

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_msg(scsec_date_parse(&d, bad[i]) == SCSEC_EDATE, "accepted '%s'", bad[i]);
		ck_assert_int_eq(d, 42);
		ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EDATE);
	}
	ck_assert_int_eq(scsec_date_parse(NULL, "2026-01-01"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_date_parse(&d, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_date_format(buf, SCSEC_DATE_NONE), SCSEC_EDATE);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(scsec_date_format(NULL, 0), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_date_split(NULL, NULL, NULL, SCSEC__DATE_MAX + 1), SCSEC_EDATE);
	ck_assert_int_eq(scsec_date_from_ymd(&d, 10000, 1, 1), SCSEC_EDATE);
}
END_TEST

/* The 1.0 accessors with their out-parameters last stay exported and
 * answer exactly as the 1.1 forms that replace them. */
START_TEST(deprecated_accessors_agree)
{
	scsec_criteria *c;
	scsec_evidence *ev;
	scsec_entry *e;
	const scsec_criterion *cr = NULL;
	const char *a = NULL, *b = NULL, *a2 = "untouched", *b2 = "untouched";
	int y, m, d, y2 = 0, m2 = 0, d2 = 0;
	size_t i;

	ck_ok(scsec_criteria_builtin(&c, NULL));
	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_evidence_add_subject_id(ev, "jp-corporate-number", "5010401089998"));
	ck_ok(scsec_entry_new(&e, "1-1-1-1"));
	ck_ok(scsec_entry_add_artifact(e, "file:policy.pdf", NULL));
	ck_ok(scsec_evidence_add(ev, e));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	ck_ok(scsec_date_to_ymd(20000, &y, &m, &d));
	ck_ok(scsec_date_split(&y2, &m2, &d2, 20000));
	ck_assert(y == y2 && m == m2 && d == d2);
	ck_assert_int_eq(scsec_date_to_ymd(SCSEC_DATE_NONE, &y, NULL, NULL), SCSEC_EDATE);
	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		cr = scsec_criteria_criterion_at(c, i);
		if (scsec_criterion_reference_count(cr))
			break;
	}
	ck_assert_uint_lt(i, scsec_criteria_criterion_count(c));
	ck_ok(scsec_criterion_reference_at(cr, 0, &a, &b));
	ck_ok(scsec_criterion_reference_get(&a2, &b2, cr, 0));
	ck_assert(a == a2 && b == b2);
	ck_ok(scsec_evidence_subject_id_at(ev, 0, &a, &b));
	ck_ok(scsec_evidence_subject_id_get(&a2, &b2, ev, 0));
	ck_assert(a == a2 && b == b2);
	ck_assert_str_eq(a2, "jp-corporate-number");
	e = (scsec_entry *)scsec_evidence_entry(ev, "1-1-1-1");
	ck_ok(scsec_entry_artifact_at(e, 0, &a, &b));
	ck_ok(scsec_entry_artifact_get(&a2, &b2, e, 0));
	ck_assert(a == a2 && b == b2);
	ck_assert_str_eq(a2, "file:policy.pdf");
	/* Out of range: an error, and the out-values stay as they were. */
	a2 = b2 = "untouched";
	ck_assert_int_eq(scsec_entry_artifact_get(&a2, &b2, e, 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_entry_artifact_at(e, 1, &a2, &b2), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_subject_id_get(&a2, &b2, ev, 1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criterion_reference_get(&a2, &b2, NULL, 0), SCSEC_EINVAL);
	ck_assert_str_eq(a2, "untouched");
	ck_assert_str_eq(b2, "untouched");
#pragma GCC diagnostic pop
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(date_roundtrip_every_day)
{
	scsec_date d, back;
	char buf[SCSEC_DATE_BUFSIZE];

	/* Every day of 1899..2101 formats and parses back to itself, and days
	 * are consecutive. */
	ck_ok(scsec_date_parse(&d, "1899-01-01"));
	for (; d < 48000; d++) {
		ck_ok(scsec_date_format(buf, d));
		ck_ok(scsec_date_parse(&back, buf));
		ck_assert_int_eq(back, d);
	}
}
END_TEST

START_TEST(date_today_is_plausible)
{
	scsec_date lo, hi, t = scsec_date_today();

	ck_ok(scsec_date_parse(&lo, "2020-01-01"));
	ck_ok(scsec_date_parse(&hi, "2200-01-01"));
	ck_assert(t > lo && t < hi);
}
END_TEST

/* ---- durations ---- */

static scsec_date D(const char *s)
{
	scsec_date d;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static void check_add(const char *from, const char *dur, const char *expect)
{
	scsec__duration du;
	scsec_date out;
	char buf[SCSEC_DATE_BUFSIZE];

	ck_ok(scsec__duration_parse(&du, dur, strlen(dur)));
	ck_ok(scsec__date_add(&out, D(from), &du));
	ck_ok(scsec_date_format(buf, out));
	ck_assert_msg(strcmp(buf, expect) == 0, "%s + %s = %s, want %s", from, dur, buf, expect);
}

START_TEST(duration_arithmetic)
{
	check_add("2026-04-01", "P1Y", "2027-04-01");
	check_add("2024-02-29", "P1Y", "2025-02-28");
	check_add("2024-02-29", "P4Y", "2028-02-29");
	check_add("2026-01-31", "P1M", "2026-02-28");
	check_add("2024-01-31", "P1M", "2024-02-29");
	check_add("2026-12-15", "P1M", "2027-01-15");
	check_add("2026-04-01", "P3Y", "2029-04-01");
	check_add("2026-04-01", "P30D", "2026-05-01");
	check_add("2026-04-01", "P2W", "2026-04-15");
	check_add("2026-04-01", "P1Y6M10D", "2027-10-11");
	check_add("2026-04-01", "P0D", "2026-04-01");
	check_add("2026-04-01", "P12M", "2027-04-01");
}
END_TEST

START_TEST(duration_parse_rejects)
{
	static const char *const bad[] = {
		"", "P", "1Y", "PY", "P1", "P1H", "PT1H", "P1D1Y", "P1Y1Y", "P1W1D", "P1Y1W",
		"P-1Y", "P99999D", "p1y", "P1.5Y", "P1Y ",
	};
	static const char *const good[] = { "P1Y", "P3Y", "P1M", "P1W", "P0D", "P1Y2M3D", "P9999D" };
	char buf[32];
	scsec__duration d;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(scsec__duration_parse(&d, bad[i], strlen(bad[i])) == SCSEC_EDATE,
		              "accepted '%s'", bad[i]);
	for (i = 0; i < sizeof good / sizeof *good; i++)
		ck_ok(scsec__duration_parse(&d, good[i], strlen(good[i])));
	ck_ok(scsec__duration_parse(&d, "P1Y2M3D", 7));
	scsec__duration_format(buf, sizeof buf, &d);
	ck_assert_str_eq(buf, "P1Y2M3D");
	ck_ok(scsec__duration_parse(&d, "P2W", 3));
	scsec__duration_format(buf, sizeof buf, &d);
	ck_assert_str_eq(buf, "P14D");
	ck_ok(scsec__duration_parse(&d, "P0D", 3));
	ck_assert(scsec__duration_is_zero(&d));
	scsec__duration_format(buf, sizeof buf, &d);
	ck_assert_str_eq(buf, "P0D");
}
END_TEST

START_TEST(duration_out_of_range)
{
	scsec__duration d;
	scsec_date out;

	ck_ok(scsec__duration_parse(&d, "P9999Y", 6));
	ck_assert_int_eq(scsec__date_add(&out, D("2026-01-01"), &d), SCSEC_EDATE);
	ck_assert_int_eq(scsec__date_add(&out, SCSEC_DATE_NONE, &d), SCSEC_EDATE);
}
END_TEST

/* ---- arrays and the arena ---- */

START_TEST(grow_doubles_and_refuses_overflow)
{
	int *items = NULL;
	size_t cap = 0, huge = SIZE_MAX / 2 + 2;

	ck_ok(scsec__grow(&items, &cap, 1, sizeof *items));
	ck_assert_uint_eq(cap, 8);
	ck_ok(scsec__grow(&items, &cap, 9, sizeof *items));
	ck_assert_uint_eq(cap, 16);
	ck_ok(scsec__grow(&items, &cap, 100, sizeof *items));
	ck_assert_uint_eq(cap, 128);
	ck_ok(scsec__grow(&items, &cap, 128, sizeof *items));
	ck_assert_uint_eq(cap, 128);
	/* Elements that would not fit in a size_t in bytes, or in count. */
	ck_assert_int_eq(scsec__grow(&items, &cap, SIZE_MAX / 2, sizeof *items), SCSEC_ENOMEM);
	ck_assert_int_eq(scsec__grow(&items, &cap, SIZE_MAX, 1), SCSEC_ENOMEM);
	ck_assert_uint_eq(cap, 128);
	scsec__free(items);
	items = NULL;
	cap = huge - 1;
	ck_assert_int_eq(scsec__grow(&items, &cap, huge, 1), SCSEC_ENOMEM);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_ENOMEM);
}
END_TEST

START_TEST(arena_grow_doubles_and_refuses_overflow)
{
	scsec__arena a = { NULL, 0, 0 };
	int *items = NULL, *p;
	size_t cap = 0, i;

	ck_ok(scsec__arena_grow(&a, &items, &cap, 1, sizeof *items));
	ck_assert_uint_eq(cap, 4);
	for (i = 0; i < 4; i++)
		items[i] = (int)i;
	ck_ok(scsec__arena_grow(&a, &items, &cap, 5, sizeof *items));
	ck_assert_uint_eq(cap, 8);
	ck_ok(scsec__arena_grow(&a, &items, &cap, 33, sizeof *items));
	ck_assert_uint_eq(cap, 64);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(items[i], (int)i);
	/* Doubling a capacity past half of SIZE_MAX used to wrap to 0 and loop
	 * for ever; the bytes of a large count overflowed the same way. */
	p = items;
	cap = SIZE_MAX / 2 + 1;
	ck_assert_int_eq(scsec__arena_grow(&a, &items, &cap, cap + 1, 1), SCSEC_ENOMEM);
	ck_assert_ptr_eq(items, p);
	cap = 0;
	ck_assert_int_eq(scsec__arena_grow(&a, &items, &cap, SIZE_MAX / 4, 8), SCSEC_ENOMEM);
	ck_assert_uint_eq(cap, 0);
	/* A size whose rounding up would wrap around. */
	ck_assert_ptr_null(scsec__arena_alloc(&a, SIZE_MAX - 3));
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_ENOMEM);
	ck_assert_ptr_nonnull(scsec__arena_alloc(&a, 20000));
	scsec__arena_dispose(&a);
}
END_TEST

/* ---- buffer ---- */

/* s = the UTF-8 form of code point cp; returns its length. */
static size_t test_utf8(char *s, unsigned long cp)
{
	if (cp < 0x80) {
		s[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	s[0] = (char)(0xf0 | (cp >> 18));
	s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	s[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The one trimming rule (util/util.h), character by character. */
START_TEST(blanks_are_one_rule)
{
	static const unsigned long blank[] = {
		0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0xad, 0x34f, 0x61c, 0x115f, 0x1160,
		0x1680, 0x180e, 0x2000, 0x2003, 0x200a, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
		0x2028, 0x2029, 0x202a, 0x202e, 0x202f, 0x205f, 0x2060, 0x2064, 0x2066, 0x206f,
		0x2800, 0x3000, 0x3164, 0xfeff, 0xffa0,
	};
	static const unsigned long visible[] = { 0x21, 0x7e, 0xa1, 0x3001, 0x3042, 0x2010, 0x2065,
	                                          0xfffd, 0x1f600 };
	char s[16];
	const char *p;
	size_t i, n;

	for (i = 0; i < sizeof blank / sizeof *blank; i++) {
		n = test_utf8(s, blank[i]);
		ck_assert_msg(scsec__blank(s, n), "U+%04lX is not blank", blank[i]);
		ck_assert_uint_eq(scsec__blank_at(s, n), n);
		ck_assert_uint_eq(scsec__blank_before(s, n), n);
		/* x, the blank, x: not blank; the blank between stays. */
		memmove(s + 1, s, n);
		s[0] = 'x';
		s[n + 1] = 'x';
		ck_assert(!scsec__blank(s, n + 2));
		p = s;
		n += 2;
		scsec__trim(&p, &n);
		ck_assert(p == s && n == test_utf8(s + 8, blank[i]) + 2);
	}
	for (i = 0; i < sizeof visible / sizeof *visible; i++) {
		n = test_utf8(s, visible[i]);
		ck_assert_msg(!scsec__blank(s, n), "U+%04lX is blank", visible[i]);
	}
	/* Trimming both ends, mixed; invalid UTF-8 is not blank. */
	p = "\xe3\x80\x80\xe2\x80\x8b a b\xef\xbb\xbf\xc2\xa0\t";
	n = strlen(p);
	scsec__trim(&p, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert(!strncmp(p, "a b", 3));
	ck_assert(!scsec__blank("\xe3\x80", 2));
	ck_assert(!scsec__blank("\x80", 1));
	ck_assert(scsec__blank_str(NULL));
	ck_assert(scsec__blank_str(""));
}
END_TEST

/* The engine counts a not-applicable justified by blanks only as not
 * justified, whatever path put the text in the record. */
START_TEST(engine_blank_justification)
{
	static const char *const blanks[] = { "\xe3\x80\x80", "\xe2\x80\x8b", "\xc2\xa0",
	                                      "\xef\xbb\xbf", "\xe2\x81\xa0", "\xe1\xa0\x8e", "x" };
	scsec_criteria *c;
	size_t i;

	ck_assert_int_eq(scsec_criteria_builtin(&c, NULL), 0);
	for (i = 0; i < sizeof blanks / sizeof *blanks; i++) {
		scsec_evidence *ev;
		scsec_entry *e;
		scsec_result *r;
		scsec_date day;
		size_t g, found = 0;

		ck_assert_int_eq(scsec_evidence_new(&ev, c), 0);
		ck_assert_int_eq(scsec_entry_new(&e, "1-2-1-1"), 0);
		ck_assert_int_eq(scsec_entry_set_status(e, SCSEC_STATUS_NOT_APPLICABLE), 0);
		ck_assert_int_eq(scsec_entry_set_method(e, SCSEC_METHOD_THIRD_PARTY), 0);
		ck_assert_int_eq(scsec_date_from_ymd(&day, 2026, 4, 1), 0);
		ck_assert_int_eq(scsec_entry_set_assessed_on(e, day), 0);
		/* Past the setters, which would drop blank text themselves. */
		scsec__free(e->justification);
		e->justification = scsec__strdup(blanks[i]);
		ck_assert_int_eq(scsec_evidence_add(ev, e), 0);
		ck_assert_int_eq(scsec_evaluate(&r, c, ev, NULL), 0);
		for (g = 0; g < scsec_result_gap_count(r); g++) {
			const scsec_gap *gap = scsec_result_gap_at(r, g);

			if (!strcmp(scsec_gap_id(gap), "1-2-1-1")) {
				ck_assert_int_eq(scsec_gap_reason(gap), SCSEC_REASON_NA_REJECTED);
				found = 1;
			}
		}
		ck_assert_msg(found == (i + 1 < sizeof blanks / sizeof *blanks),
		              "justification %zu: %s", i, found ? "not accepted" : "accepted");
		scsec_result_free(r);
		scsec_evidence_free(ev);
	}
	scsec_criteria_free(c);
}
END_TEST

/* Either form of strerror_r (AC_FUNC_STRERROR_R) gives a message: known
 * and unknown errors, a buffer too small, none at all. */
START_TEST(strerror_either_form)
{
	char buf[128], small[4];
	const char *s;

	s = scsec__strerror(ENOENT, buf, sizeof buf);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(strstr(s, "No such file"));
	s = scsec__strerror(123456, buf, sizeof buf);
	ck_assert_ptr_nonnull(s);
	ck_assert(*s);
	s = scsec__strerror(ENOENT, small, sizeof small);
	ck_assert_ptr_nonnull(s);
	ck_assert(*s);
	ck_assert_str_eq(scsec__strerror(ENOENT, buf, 0), "");
}
END_TEST

START_TEST(buffer_appends)
{
	scsec__buf b = SCSEC__BUF_INIT;
	char *s;
	size_t len;
	int i;

	for (i = 0; i < 1000; i++)
		scsec__buf_printf(&b, "%d,", i);
	scsec__buf_putc(&b, '!');
	ck_assert_int_eq(scsec__buf_error(&b), 0);
	s = scsec__buf_detach(&b, &len);
	ck_assert_uint_eq(len, strlen(s));
	ck_assert(strncmp(s, "0,1,2,", 6) == 0);
	ck_assert(s[len - 1] == '!');
	scsec_free(s);
	s = scsec__buf_detach(&b, &len);
	ck_assert_str_eq(s, "");
	ck_assert_uint_eq(len, 0);
	scsec_free(s);
}
END_TEST

static Suite *common_suite(void)
{
	Suite *s = suite_create("common");
	TCase *tc;

	tc = tcase_create("version");
	tcase_add_test(tc, version_header_matches_library);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, error_last_records_location);
	tcase_add_test(tc, error_long_message_truncated);
	tcase_add_test(tc, error_is_thread_local);
	tcase_add_test(tc, strerror_covers_every_code);
	tcase_add_test(tc, diagnostics_collect_and_format);
	tcase_add_test(tc, reporter_keeps_first_error);
	tcase_add_test(tc, load_with_several_errors_reports_first);
	tcase_add_test(tc, document_unnamed_memory_named_in_errors);
	tcase_add_test(tc, strerror_of_errno);
	suite_add_tcase(s, tc);

	tc = tcase_create("dates");
	tcase_add_test(tc, date_parse_and_format);
	tcase_add_test(tc, date_rejects_impossible);
	tcase_add_test(tc, deprecated_accessors_agree);
	tcase_add_test(tc, date_roundtrip_every_day);
	tcase_add_test(tc, date_today_is_plausible);
	tcase_add_test(tc, duration_arithmetic);
	tcase_add_test(tc, duration_parse_rejects);
	tcase_add_test(tc, duration_out_of_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("blanks");
	tcase_add_test(tc, blanks_are_one_rule);
	tcase_add_test(tc, strerror_either_form);
	tcase_add_test(tc, engine_blank_justification);
	suite_add_tcase(s, tc);

	tc = tcase_create("memory");
	tcase_add_test(tc, grow_doubles_and_refuses_overflow);
	tcase_add_test(tc, arena_grow_doubles_and_refuses_overflow);
	tcase_add_test(tc, buffer_appends);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(common_suite());
}
