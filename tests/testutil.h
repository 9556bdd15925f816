/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Shared helpers for the Check suites. */
#ifndef SCSEC_TESTUTIL_H
#define SCSEC_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec/scsec.h"

/* Assert that an expression returns 0, printing the thread's last error
 * otherwise. */
#define ck_ok(expr) \
	do { \
		int ck_ok_rc_ = (expr); \
		ck_assert_msg(ck_ok_rc_ == 0, "%s failed: %d (%s) %s:%lu:%lu: %s", #expr, ck_ok_rc_, \
		              scsec_strerror(ck_ok_rc_), \
		              scsec_error_file(scsec_error_last()) ? \
		                      scsec_error_file(scsec_error_last()) : "-", \
		              scsec_error_line(scsec_error_last()), \
		              scsec_error_column(scsec_error_last()), \
		              scsec_error_message(scsec_error_last())); \
	} while (0)

/* A path under the source tree: $top_srcdir/rel (static buffer per call
 * site is not needed: the result is malloc'ed and leaked on purpose only in
 * tests that abort). */
static inline const char *test_srcpath(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("top_srcdir");

	snprintf(buf, size, "%s/%s", top ? top : ".", rel);
	return buf;
}

static inline const char *test_builddir(void)
{
	const char *top = getenv("top_builddir");

	return top ? top : ".";
}

/* Run a suite; the exit status tells automake the result. */
static inline int test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
