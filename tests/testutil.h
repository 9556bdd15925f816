/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Shared helpers for the Check suites. */
#ifndef SCSEC_TESTUTIL_H
#define SCSEC_TESTUTIL_H

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/* Non-zero when the suite runs without fork (CK_FORK=no, as `make
 * check-valgrind` sets): tests that need fork, wall-clock checks and long
 * loops step aside or shrink then. */
static inline int test_no_fork(void)
{
	const char *f = getenv("CK_FORK");

	return f && !strcmp(f, "no");
}

/* A path under the source tree: $top_srcdir/rel, written into buf. */
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

/* The whole of a file, NUL-terminated (the terminator not counted in
 * *len); NULL when it cannot be opened. */
static inline char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (len)
		*len = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (cap - n < 4097) {
			char *nb;

			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			ck_assert_ptr_nonnull(nb);
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (!got)
			break;
	}
	ck_assert_msg(!ferror(f), "cannot read %s", path);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Create (or replace) path with data[0..len). */
static inline void test_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Seconds on the monotonic clock. */
static inline double test_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A new empty directory under $TMPDIR (or /tmp), named after the suite;
 * free it with test_tmpdir_free(). */
static inline char *test_tmpdir_new(const char *suite)
{
	const char *base = getenv("TMPDIR");
	char *dir = malloc(4096);

	ck_assert_ptr_nonnull(dir);
	snprintf(dir, 4096, "%s/%s-XXXXXX", base && *base ? base : "/tmp", suite);
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp: %s", strerror(errno));
	return dir;
}

/* Number of entries of dir whose name contains part ("" for all). */
static inline size_t test_count_in_dir(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strstr(e->d_name, part))
			n++;
	closedir(d);
	return n;
}

/* Remove a directory and everything in it (made writable first). */
static inline void test_remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[8192];

	if (d) {
		chmod(dir, 0755);
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path)
				continue;
			if (unlink(path) != 0)
				test_remove_tree(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

static inline void test_tmpdir_free(char *dir)
{
	test_remove_tree(dir);
	free(dir);
}

#endif
