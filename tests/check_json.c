/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The bounded JSON reader every JSON reader goes through (io/json.h):
 * limits before parsing, duplicate keys, UTF-8, numbers, locations. Links
 * the private convenience library. */
#include "config.h"

#include <stdint.h>

#include "testutil.h"
#include "io/json.h"
#include "io/source.h"
#include "util/error.h"

/* Parse text with opts; the code, with the first diagnostic's line,
 * column and message in *line, *col, msg. */
static int parse(const char *text, size_t len, const scsec_load_options *opts, unsigned long *line,
                 unsigned long *col, char *msg, size_t msgsize, scsec__jdoc *keep)
{
	scsec__source src;
	scsec__jdoc doc;
	scsec_diagnostics *diags;
	int rc;

	ck_ok(scsec_diagnostics_new(&diags));
	ck_ok(scsec__source_open_memory(&src, text, len, "t.json", opts));
	rc = scsec__json_parse(&doc, &src, opts, diags);
	scsec__source_close(&src);
	*line = *col = 0;
	if (msg)
		msg[0] = '\0';
	if (rc) {
		const scsec_diagnostic *d = scsec_diagnostics_at(diags, 0);

		ck_assert_ptr_nonnull(d);
		ck_assert_int_eq(scsec_diagnostic_code(d), rc);
		ck_assert_str_eq(scsec_diagnostic_file(d), "t.json");
		*line = scsec_diagnostic_line(d);
		*col = scsec_diagnostic_column(d);
		if (msg)
			snprintf(msg, msgsize, "%s", scsec_diagnostic_message(d));
		ck_assert_ptr_null(doc.root);
		ck_assert_int_eq(scsec_error_code(scsec_error_last()), rc);
	} else {
		ck_assert_ptr_nonnull(doc.root);
	}
	if (keep && !rc)
		*keep = doc;
	else
		scsec__jdoc_dispose(&doc);
	scsec_diagnostics_free(diags);
	return rc;
}

#define PARSE(text, opts, line, col, msg) \
	parse((text), strlen(text), (opts), (line), (col), (msg), sizeof(msg), NULL)

START_TEST(json_accepts_objects)
{
	unsigned long line, col;
	char msg[256];
	scsec__jdoc doc;

	ck_assert_int_eq(parse("\xef\xbb\xbf{\"a\": [1, 2.5, \"x\", true, null]}", 35, NULL, &line,
	                       &col, msg, sizeof msg, &doc),
	                 0);
	ck_assert_int_eq(json_array_size(json_object_get(doc.root, "a")), 5);
	scsec__jdoc_dispose(&doc);
	ck_assert_int_eq(PARSE("{}", NULL, &line, &col, msg), 0);
}
END_TEST

START_TEST(json_refuses_with_line_and_column)
{
	unsigned long line, col;
	char msg[256];

	/* Duplicate keys, at the second one. */
	ck_assert_int_eq(PARSE("{\"a\": 1,\n \"a\": 2}", NULL, &line, &col, msg), SCSEC_EPARSE);
	ck_assert_uint_eq(line, 2);
	ck_assert_msg(strstr(msg, "duplicate"), "%s", msg);
	/* Not JSON. */
	ck_assert_int_eq(PARSE("{\"a\": 1,\n\n  oops}", NULL, &line, &col, msg), SCSEC_EPARSE);
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_gt(col, 0);
	ck_assert_int_eq(PARSE("{\"a\": 1} trailing", NULL, &line, &col, msg), SCSEC_EPARSE);
	/* Not an object. */
	ck_assert_int_eq(PARSE("[1, 2]", NULL, &line, &col, msg), SCSEC_EPARSE);
	ck_assert_msg(strstr(msg, "an array, not a JSON object"), "%s", msg);
	ck_assert_int_eq(PARSE("", NULL, &line, &col, msg), SCSEC_EPARSE);
	ck_assert_int_eq(PARSE("\xef\xbb\xbf", NULL, &line, &col, msg), SCSEC_EPARSE);
}
END_TEST

START_TEST(json_refuses_bad_text)
{
	unsigned long line, col;
	char msg[256];

	/* Invalid UTF-8 (a lone continuation byte, an overlong form, a
	 * surrogate), U+0000, UTF-16. */
	ck_assert_int_eq(PARSE("{\"a\": \"x\x80y\"}", NULL, &line, &col, msg), SCSEC_EENCODING);
	ck_assert_int_eq(PARSE("{\"a\": \"\xc0\xaf\"}", NULL, &line, &col, msg), SCSEC_EENCODING);
	ck_assert_int_eq(PARSE("{\"a\": \"\xed\xa0\x80\"}", NULL, &line, &col, msg), SCSEC_EENCODING);
	ck_assert_int_eq(PARSE("{\"a\": \"x\\u0000y\"}", NULL, &line, &col, msg), SCSEC_EENCODING);
	ck_assert_int_eq(PARSE("{\"\\u0000\": 1}", NULL, &line, &col, msg), SCSEC_EENCODING);
	{
		/* {"a": 1} in UTF-16LE: 8 code units, 16 bytes. */
		static const char utf16[] = "{\0\"\0a\0\"\0:\0 \0" "1\0}\0";

		ck_assert_int_eq(sizeof utf16 - 1, 16);
		ck_assert_int_eq(parse(utf16, sizeof utf16 - 1, NULL, &line, &col, msg, sizeof msg, NULL),
		                 SCSEC_EENCODING);
	}
	/* Numbers that do not fit. */
	ck_assert_int_eq(PARSE("{\"a\": 123456789012345678901234567890}", NULL, &line, &col, msg),
	                 SCSEC_ELIMIT);
	ck_assert_int_eq(PARSE("{\"a\": 1e99999}", NULL, &line, &col, msg), SCSEC_ELIMIT);
	ck_assert_int_eq(PARSE("{\"a\": NaN}", NULL, &line, &col, msg), SCSEC_EPARSE);
}
END_TEST

START_TEST(json_limits_before_parsing)
{
	scsec_load_options *o;
	unsigned long line, col;
	char msg[256], *big;
	size_t i, n;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 3));
	ck_assert_int_eq(PARSE("{\"a\": [[1]]}", o, &line, &col, msg), 0);
	ck_assert_int_eq(PARSE("{\"a\": [[{}]]}", o, &line, &col, msg), SCSEC_ELIMIT);
	ck_assert_uint_eq(line, 1);
	ck_assert_uint_eq(col, 9);
	/* Brackets inside strings are text. */
	ck_assert_int_eq(PARSE("{\"a\": \"[[[[\\\"{{{{\"}", o, &line, &col, msg), 0);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 32));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 5));
	ck_assert_int_eq(PARSE("{\"a\": [1, 2, 3]}", o, &line, &col, msg), 0);
	ck_assert_int_eq(PARSE("{\"a\": [1, 2, 3, 4, 5]}", o, &line, &col, msg), SCSEC_ELIMIT);
	ck_assert_msg(strstr(msg, "SCSEC_LOAD_MAX_ITEMS"), "%s", msg);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, 16));
	ck_assert_int_eq(PARSE("{\"a\": \"0123456789\"}", o, &line, &col, msg), SCSEC_ELIMIT);
	scsec_load_options_free(o);

	/* A billion brackets are refused at the first one too deep, not by
	 * jansson's recursion. */
	n = 100000;
	big = malloc(n + 8);
	ck_assert_ptr_nonnull(big);
	big[0] = '{';
	memcpy(big + 1, "\"a\":", 4);
	for (i = 5; i < n; i++)
		big[i] = '[';
	big[n] = '\0';
	ck_assert_int_eq(parse(big, n, NULL, &line, &col, msg, sizeof msg, NULL), SCSEC_ELIMIT);
	ck_assert_uint_eq(col, 5 + 32);
	/* An enormous string. */
	free(big);
	n = SCSEC__JSON_MAX_STRING + 16;
	big = malloc(n + 1);
	ck_assert_ptr_nonnull(big);
	memcpy(big, "{\"a\": \"", 7);
	memset(big + 7, 'x', n - 9);
	memcpy(big + n - 2, "\"}", 3);
	ck_assert_int_eq(parse(big, n, NULL, &line, &col, msg, sizeof msg, NULL), SCSEC_ELIMIT);
	ck_assert_uint_eq(col, 7);
	free(big);
}
END_TEST

START_TEST(json_getters_report_pointers)
{
	static const char text[] =
		"{\"entries\": [{\"id\": \"a\"}, {\"id\": 7, \"n\": 3.0, \"b\": 1, \"x/~\": 1}]}";
	unsigned long line, col;
	char msg[256];
	scsec__jdoc doc;
	scsec_diagnostics *diags;
	const json_t *arr, *e;
	scsec__jloc root, at, el;
	long long v = 0;
	int bad = 0, flag = 0;
	const char *const allowed[] = { "id", "n", "b", NULL };

	ck_assert_int_eq(parse(text, strlen(text), NULL, &line, &col, msg, sizeof msg, &doc), 0);
	ck_ok(scsec_diagnostics_new(&diags));
	doc.rep.diags = diags;
	root = SCSEC__JROOT(doc.root);
	arr = scsec__jget_array(&doc, &root, doc.root, "entries", 1, &bad);
	ck_assert_ptr_nonnull(arr);
	at = scsec__jat(&root, "entries", arr);
	e = json_array_get(arr, 1);
	el = scsec__jat_index(&at, 1, e);
	ck_assert_ptr_null(scsec__jget_str(&doc, &el, e, "id", 1, &bad));
	ck_assert_int_eq(bad, 1);
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(diags, 0)),
	                 "/entries/1/id: a string is expected, not an integer");
	ck_assert_int_eq(scsec__jget_int(&doc, &el, e, "n", 1, 0, 9, &v), SCSEC_ESCHEMA);
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(diags, 1)),
	                 "/entries/1/n: an integer is expected, not a real number");
	ck_assert_int_eq(scsec__jget_bool(&doc, &el, e, "b", 1, &flag), SCSEC_ESCHEMA);
	ck_assert_int_eq(scsec__jget_int(&doc, &el, e, "missing", 0, 0, 9, &v), 1);
	ck_assert_ptr_null(scsec__jget_str(&doc, &el, e, "missing", 1, NULL));
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(diags, 3)),
	                 "/entries/1: 'missing' is missing");
	ck_assert_uint_eq(scsec__jcheck_members(&doc, &el, e, allowed), 1);
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(diags, 4)),
	                 "/entries/1/x~1~0: unknown member 'x/~'");
	/* A marked value is reported at its line and column, and so is what it
	 * holds. */
	ck_ok(scsec__jdoc_mark(&doc, e, 12, 5));
	ck_assert_int_eq(scsec__jget_int(&doc, &el, json_array_get(arr, 0), "id", 1, 0, 1, &v),
	                 SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostic_line(scsec_diagnostics_at(diags, 5)), 12);
	ck_assert_uint_eq(scsec_diagnostic_column(scsec_diagnostics_at(diags, 5)), 5);
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(diags, 5)),
	                 "an integer is expected, not a string");
	scsec__jdoc_dispose(&doc);
	scsec_diagnostics_free(diags);
}
END_TEST

static Suite *json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, json_accepts_objects);
	tcase_add_test(tc, json_refuses_with_line_and_column);
	tcase_add_test(tc, json_refuses_bad_text);
	tcase_add_test(tc, json_limits_before_parsing);
	tcase_add_test(tc, json_getters_report_pointers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(json_suite());
}
