/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec_set_allocator(): every allocation goes through the caller's hooks,
 * scsec_free() releases through them, and the allocator cannot change once
 * the library has allocated. One test, because the allocator is per
 * process and may be set only once. */
#include "config.h"

#include "testutil.h"
#include "util/error.h"

static size_t n_malloc, n_realloc, n_free;
static int tag;

static void *t_malloc(size_t size, void *user)
{
	ck_assert_ptr_eq(user, &tag);
	n_malloc++;
	return malloc(size);
}

static void *t_realloc(void *p, size_t size, void *user)
{
	ck_assert_ptr_eq(user, &tag);
	if (p)
		n_realloc++;
	else
		n_malloc++; /* realloc(NULL, n) allocates */
	return realloc(p, size);
}

static void t_free(void *p, void *user)
{
	ck_assert_ptr_eq(user, &tag);
	if (p)
		n_free++;
	free(p);
}

START_TEST(allocator_hooks_are_used)
{
	scsec_diagnostics *d;
	char *s;
	size_t frees;

	ck_assert_int_eq(scsec_set_allocator(NULL, t_realloc, t_free, &tag), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_set_allocator(t_malloc, NULL, t_free, &tag), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_set_allocator(t_malloc, t_realloc, NULL, &tag), SCSEC_EINVAL);
	ck_ok(scsec_set_allocator(t_malloc, t_realloc, t_free, &tag));
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_uint_ge(n_malloc + n_realloc, 1);

	/* Too late now: memory from the first allocator is live. */
	ck_assert_int_eq(scsec_set_allocator(t_malloc, t_realloc, t_free, &tag), SCSEC_EBUSY);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EBUSY);

	/* A string handed to the caller is released through the hooks. */
	ck_ok(scsec__diag_add(d, SCSEC_SEVERITY_ERROR, SCSEC_EIO, "x", "f", 1, 2, "m"));
	ck_ok(scsec_diagnostic_format(&s, scsec_diagnostics_at(d, 0)));
	frees = n_free;
	scsec_free(s);
	ck_assert_uint_eq(n_free, frees + 1);
	scsec_diagnostics_free(d);
	ck_assert_uint_eq(n_malloc, n_free);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("hooks");

	tcase_add_test(tc, allocator_hooks_are_used);
	suite_add_tcase(s, tc);
	return test_run(s);
}
