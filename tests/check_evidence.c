/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Evidence records (scsec/evidence.h): corporate numbers, the API, the XML
 * format, scsec_evidence_check(), CSV answer sheets, round trips, atomic
 * saving and the NULL-argument behaviour of every function. Built against
 * the shared library: only the public API is used. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "oracle.h"
#include "testutil.h"

/* How many diagnostics of one kind a reader stores (util/error.h). */
#define SCSEC_REPEAT_SHOWN 50

/* ------------------------------------------------------------------ helpers */

/* The path of a fixture under tests/data/evidence (a few rotating buffers,
 * so that two paths can be used in one call). */
static const char *fx(const char *name)
{
	static char bufs[4][4096];
	static unsigned next;
	char rel[512], *buf = bufs[next++ % 4];

	snprintf(rel, sizeof rel, "tests/data/evidence/%s", name);
	return test_srcpath(buf, sizeof bufs[0], rel);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a, b;

	if (!s || !suffix)
		return 0;
	a = strlen(s);
	b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

static int str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static scsec_date D(const char *s)
{
	scsec_date d = SCSEC_DATE_NONE;

	ck_ok(scsec_date_parse(&d, s));
	return d;
}

static scsec_criteria *builtin(void)
{
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_builtin(&c, NULL));
	ck_assert_ptr_nonnull(c);
	return c;
}

static scsec_diagnostics *diags_new(void)
{
	scsec_diagnostics *d = NULL;

	ck_ok(scsec_diagnostics_new(&d));
	return d;
}

/* All diagnostics of a list, one a line, for failure messages (static
 * buffer: one message at a time). */
static const char *dump(const scsec_diagnostics *d)
{
	static char out[8192];
	size_t i, used = 0;

	out[0] = '\0';
	for (i = 0; i < scsec_diagnostics_count(d) && used < sizeof out - 1; i++) {
		char *s = NULL;

		if (scsec_diagnostic_format(&s, scsec_diagnostics_at(d, i)) == 0) {
			used += (size_t)snprintf(out + used, sizeof out - used, "\n  [%d] %s",
			                         scsec_diagnostic_code(scsec_diagnostics_at(d, i)), s);
			scsec_free(s);
		}
		if (used >= sizeof out)
			used = sizeof out - 1;
	}
	return out;
}

/* Assert everything about the i-th diagnostic: severity, code, id (NULL:
 * none), file (a suffix of it; NULL: none), line (CSV: row) and column. */
static void expect_diag(const scsec_diagnostics *d, size_t i, scsec_severity sev, int code,
                        const char *id, const char *file, unsigned long line, unsigned long col)
{
	const scsec_diagnostic *x = scsec_diagnostics_at(d, i);

	ck_assert_msg(x != NULL, "no diagnostic %zu:%s", i, dump(d));
	ck_assert_msg(scsec_diagnostic_severity(x) == sev && scsec_diagnostic_code(x) == code &&
	                      str_eq(scsec_diagnostic_id(x), id) &&
	                      (file ? ends_with(scsec_diagnostic_file(x), file)
	                            : scsec_diagnostic_file(x) == NULL) &&
	                      scsec_diagnostic_line(x) == line && scsec_diagnostic_column(x) == col,
	              "diagnostic %zu: want sev %d code %d id %s at %s:%lu:%lu; have:%s", i, (int)sev,
	              code, id ? id : "(none)", file ? file : "(none)", line, col, dump(d));
	ck_assert_ptr_nonnull(scsec_diagnostic_message(x));
	ck_assert(*scsec_diagnostic_message(x));
}

/* The canonical XML of a record (free with scsec_free). */
static char *canon(const scsec_evidence *ev)
{
	char *s = NULL;
	size_t n = 0;

	ck_ok(scsec_evidence_write_memory(&s, &n, ev));
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(n, strlen(s));
	return s;
}

static void assert_same_record(const scsec_evidence *a, const scsec_evidence *b)
{
	char *x = canon(a), *y = canon(b);

	ck_assert_str_eq(x, y);
	scsec_free(x);
	scsec_free(y);
}

static scsec_evidence *load_fx(const char *name)
{
	scsec_evidence *ev = NULL;

	ck_ok(scsec_evidence_load_file(&ev, fx(name), NULL, NULL));
	ck_assert_ptr_nonnull(ev);
	return ev;
}

/* Load a fixture that must fail with @p code; its diagnostics are returned
 * (free with scsec_diagnostics_free). */
static scsec_diagnostics *load_fx_bad(const char *name, const scsec_load_options *opts, int code)
{
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev = (scsec_evidence *)&ev;
	int rc = scsec_evidence_load_file(&ev, fx(name), opts, d);

	if (rc != code) {
		/* Fail without leaking (CK_FORK=no under valgrind). */
		const char *msg = dump(d);

		if (ev != (scsec_evidence *)&ev)
			scsec_evidence_free(ev);
		scsec_diagnostics_free(d);
		ck_abort_msg("%s: loaded with %d, want %d:%s", name, rc, code, msg);
	}
	ck_assert_ptr_null(ev);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), code);
	ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
	return d;
}

/* Import a fixture sheet against the built-in set. */
static scsec_evidence *import_fx(const char *name, scsec_diagnostics *d)
{
	scsec_evidence *ev = NULL;
	scsec_criteria *c = builtin();
	int rc = scsec_evidence_import_csv(&ev, fx(name), c, NULL, d);

	ck_assert_msg(rc == 0, "%s: import failed with %d:%s", name, rc, dump(d));
	scsec_criteria_free(c);
	ck_assert_ptr_nonnull(ev);
	return ev;
}

/* Import a fixture sheet that must fail with @p code. */
static scsec_diagnostics *import_fx_bad(const char *name, int code)
{
	scsec_diagnostics *d = diags_new();
	scsec_criteria *c = builtin();
	scsec_evidence *ev = (scsec_evidence *)&ev;
	int rc = scsec_evidence_import_csv(&ev, fx(name), c, NULL, d);

	if (rc != code) {
		/* Fail without leaking (CK_FORK=no under valgrind). */
		const char *msg = dump(d);

		if (ev != (scsec_evidence *)&ev)
			scsec_evidence_free(ev);
		scsec_diagnostics_free(d);
		scsec_criteria_free(c);
		ck_abort_msg("%s: imported with %d, want %d:%s", name, rc, code, msg);
	}
	ck_assert_ptr_null(ev);
	ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
	scsec_criteria_free(c);
	return d;
}

/* A new entry with the usual answer fields. */
static scsec_entry *entry(const char *id, scsec_status st, scsec_method m, const char *assessed)
{
	scsec_entry *e = NULL;

	ck_ok(scsec_entry_new(&e, id));
	ck_ok(scsec_entry_set_status(e, st));
	ck_ok(scsec_entry_set_method(e, m));
	if (assessed)
		ck_ok(scsec_entry_set_assessed_on(e, D(assessed)));
	return e;
}

static void add(scsec_evidence *ev, scsec_entry *e)
{
	ck_ok(scsec_evidence_add(ev, e));
}

#define METI_FP "13a9ce0403e925626cba17c43db9c81d3f09e6761bf65d26a3dfcf0a16e1f654"
#define DIGEST_1 "5f2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"
#define DIGEST_2 "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"

/* The record of tests/data/evidence/valid-full.xml, built through the API
 * (entries added out of order on purpose). */
static scsec_evidence *sample_record(void)
{
	scsec_evidence *ev = NULL;
	scsec_entry *e;

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_ok(scsec_evidence_set_subject_name(ev, "Kansai Precision Parts Co., Ltd."));
	ck_ok(scsec_evidence_add_subject_id(ev, "supplier-code", "KPP-0042"));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "1402010100001"));
	ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-03", "2026.03", METI_FP));
	ck_ok(scsec_evidence_set_created(ev, "2026-04-01T09:30:00Z"));
	ck_ok(scsec_evidence_set_tool(ev, "scsec 1.0.0"));

	e = entry("management-pledge", SCSEC_STATUS_MET, SCSEC_METHOD_NONE, "2026-02-20");
	ck_ok(scsec_entry_set_assessor(e, "Taro Suzuki", "CEO"));
	add(ev, e);

	e = entry("1-3-1-2", SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY, "2026-03-10");
	ck_ok(scsec_entry_set_expires_on(e, D("2028-03-09")));
	ck_ok(scsec_entry_set_assessor(e, "Nishinihon Audit Corp.", "JAB-ISMS-0831"));
	ck_ok(scsec_entry_set_note(e, "Certificate \"JAB-2026-77\" attached."));
	add(ev, e);

	e = entry("1-2-1-1", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_entry_set_expires_on(e, D("2027-03-01")));
	ck_ok(scsec_entry_set_assessor(e, "Hanako Yamada", "KPP-SEC-007"));
	ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/security/roles-2026.pdf",
	                               "5F2B0C3D8E1A4B6C7D9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E"));
	ck_ok(scsec_entry_set_note(e, "Reviewed at the March board meeting."));
	add(ev, e);

	e = entry("1-3-1-1", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_entry_set_note(e, "Policy draft due in June & to be approved by the board."));
	add(ev, e);

	e = entry("1-2-3-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_entry_set_justification(
	        e, "No temporary or seconded staff work at any site (派遣社員の受け入れなし)."));
	add(ev, e);

	e = entry("1-2-1-2", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_EXPERT_REVIEWED, "2026-03-05");
	ck_ok(scsec_entry_set_assessor(e, "Osaka Security Consulting K.K.", "OSC-2026-118"));
	ck_ok(scsec_entry_set_justification(e, "The contact list covers the head office.\n"
	                                       "The Himeji plant list is still being compiled."));
	ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/security/contacts.xlsx",
	                               DIGEST_2));
	ck_ok(scsec_entry_add_artifact(e, "file:himeji-draft.docx", NULL));
	add(ev, e);
	return ev;
}

/* Set the parts of valid-full.xml a CSV sheet does not carry. */
static void set_sheetless_parts(scsec_evidence *ev)
{
	ck_ok(scsec_evidence_set_subject_name(ev, "Kansai Precision Parts Co., Ltd."));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "1402010100001"));
	ck_ok(scsec_evidence_add_subject_id(ev, "supplier-code", "KPP-0042"));
	ck_ok(scsec_evidence_set_created(ev, "2026-04-01T09:30:00Z"));
	ck_ok(scsec_evidence_set_tool(ev, "scsec 1.0.0"));
}

/* ---- temporary directories ---- */

/* Remove the entries of @p dir whose name contains @p part. */
static void remove_in_dir(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[8192];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strstr(e->d_name, part))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (unlink(path) != 0)
			rmdir(path);
	}
	closedir(d);
}


static const char *join(char *buf, size_t size, const char *dir, const char *name)
{
	int n = snprintf(buf, size, "%s/%s", dir, name);

	ck_assert(n > 0 && (size_t)n < size);
	return buf;
}

/* ================================================================ corporate */

START_TEST(corporate_valid_numbers)
{
	static const char *const good[] = {
		"7000012050002", /* a real-world shape: check digit 7 */
		"1000011000005",
		"1402010100001", /* the supplier of the fixtures */
		"9000000000000", /* all-zero body: check digit 9 */
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof *good; i++)
		ck_assert_msg(scsec_corporate_number_valid(good[i]), "refused %s", good[i]);
}
END_TEST

START_TEST(corporate_invalid_numbers)
{
	static const char *const bad[] = {
		"8000012050002",   /* check digit off by one */
		"6000012050002",
		"2402010100001",   /* fixture check-corporate-number.xml */
		"1000011000004",   /* a body digit changed */
		"0000000000000",   /* 0 is never a check digit */
		"700001205000",    /* 12 digits */
		"70000120500020",  /* 14 digits */
		"70000120500O2",   /* letter O for zero */
		"T7000012050002",  /* invoice registration number, not a corporate number */
		"7000-012-050002", /* separators */
		" 7000012050002",  /* blanks */
		"7000012050002 ",
		"\xef\xbc\x97" "000012050002", /* full-width 7 */
		"-700001205000",
		"",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(!scsec_corporate_number_valid(bad[i]), "accepted '%s'", bad[i]);
	ck_assert(!scsec_corporate_number_valid(NULL));
}
END_TEST

/* The check digit of every body: exactly one of the nine candidates is
 * valid, and it is the one the formula gives. */
START_TEST(corporate_exactly_one_check_digit)
{
	static const char *const bodies[] = { "000012050002", "000011000005", "123456789012",
		                              "999999999999", "402010100001", "000000000001" };
	char num[14];
	size_t i;
	int d, valid;

	for (i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		int sum = 0, n;

		for (n = 1; n <= 12; n++)
			sum += (bodies[i][12 - n] - '0') * (n % 2 ? 1 : 2);
		valid = 0;
		for (d = 0; d <= 9; d++) {
			snprintf(num, sizeof num, "%d%s", d, bodies[i]);
			if (scsec_corporate_number_valid(num)) {
				valid++;
				ck_assert_int_eq(d, 9 - sum % 9);
			}
		}
		ck_assert_msg(valid == 1, "%s: %d check digits", bodies[i], valid);
	}
}
END_TEST

/* The check applies to the jp-corporate-number scheme only, and to each
 * record's own number. */
START_TEST(corporate_checked_by_check)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "7000012050002"));
	ck_ok(scsec_evidence_add_subject_id(ev, "supplier-code", "not a number at all"));
	ck_ok(scsec_evidence_check(ev, c, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);

	/* Not checked when it is added, only by check(). */
	ck_ok(scsec_evidence_remove_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "700001205000"));
	ck_assert_int_eq(scsec_evidence_check(ev, c, d), SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "700001205000", NULL, 0, 0);
	scsec_diagnostics_free(d);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(corporate_fixture)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = load_fx("check-corporate-number.xml");
	scsec_diagnostics *d = diags_new();

	ck_assert_int_eq(scsec_evidence_check(ev, c, d), SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "2402010100001",
	            "check-corporate-number.xml", 5, 45);
	scsec_diagnostics_free(d);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ====================================================================== api */

START_TEST(api_status_and_method_tokens)
{
	static const char *const en[] = { "", "met", "partial", "not-met", "not-applicable" };
	static const char *const ja[] = { "", "実施", "一部実施", "未実施", "該当なし" };
	static const char *const men[] = { "", "self", "expert-reviewed", "third-party" };
	static const char *const mja[] = { "", "自己評価", "専門家確認", "第三者評価" };
	static const char *const bad[] = { "Met", "MET", " met", "met ", "done", "済み", "実施済",
		                           "not applicable", "n/a", "一部" };
	scsec_status s;
	scsec_method m;
	int i;

	for (i = 0; i < 5; i++) {
		ck_assert_str_eq(scsec_status_name((scsec_status)i), en[i]);
		s = (scsec_status)99;
		ck_ok(scsec_status_parse(&s, en[i]));
		ck_assert_int_eq(s, i);
		s = (scsec_status)99;
		ck_ok(scsec_status_parse(&s, ja[i]));
		ck_assert_int_eq(s, i);
	}
	/* Unlike a status, an empty method is not a token. */
	m = SCSEC_METHOD_SELF;
	ck_assert_int_eq(scsec_method_parse(&m, ""), SCSEC_EINVAL);
	ck_assert_int_eq(m, SCSEC_METHOD_SELF);
	ck_assert_str_eq(scsec_method_name(SCSEC_METHOD_NONE), "");
	for (i = 1; i < 4; i++) {
		ck_assert_str_eq(scsec_method_name((scsec_method)i), men[i]);
		ck_ok(scsec_method_parse(&m, men[i]));
		ck_assert_int_eq(m, i);
		ck_ok(scsec_method_parse(&m, mja[i]));
		ck_assert_int_eq(m, i);
	}
	for (i = 0; i < (int)(sizeof bad / sizeof *bad); i++) {
		s = SCSEC_STATUS_PARTIAL;
		ck_assert_msg(scsec_status_parse(&s, bad[i]) == SCSEC_EINVAL, "accepted '%s'", bad[i]);
		ck_assert_int_eq(s, SCSEC_STATUS_PARTIAL);
		m = SCSEC_METHOD_SELF;
		ck_assert_int_eq(scsec_method_parse(&m, bad[i]), SCSEC_EINVAL);
		ck_assert_int_eq(m, SCSEC_METHOD_SELF);
	}
	ck_assert_int_eq(scsec_method_parse(&m, "Self"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_method_parse(&m, "met"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_status_parse(&s, "self"), SCSEC_EINVAL);
	ck_assert_str_eq(scsec_status_name((scsec_status)5), "");
	ck_assert_str_eq(scsec_status_name((scsec_status)-1), "");
	ck_assert_str_eq(scsec_method_name((scsec_method)4), "");
}
END_TEST

START_TEST(api_new_record_is_empty)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL, *named = NULL;
	char *s;

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_assert_ptr_nonnull(ev);
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 0);
	ck_assert_ptr_null(scsec_evidence_entry_at(ev, 0));
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-1"));
	ck_assert_ptr_null(scsec_evidence_subject_name(ev));
	ck_assert_uint_eq(scsec_evidence_subject_id_count(ev), 0);
	ck_assert_ptr_null(scsec_evidence_criteria_id(ev));
	ck_assert_ptr_null(scsec_evidence_criteria_version(ev));
	ck_assert_ptr_null(scsec_evidence_criteria_fingerprint(ev));
	ck_assert_ptr_null(scsec_evidence_created(ev));
	ck_assert_ptr_null(scsec_evidence_tool(ev));
	s = canon(ev);
	ck_assert_str_eq(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                    "<evidence xmlns=\"urn:scsec:evidence:1\">\n"
	                    "</evidence>\n");
	scsec_free(s);

	/* Created for a set: the set's id, version and fingerprint. */
	ck_ok(scsec_evidence_new(&named, c));
	ck_assert_str_eq(scsec_evidence_criteria_id(named), "meti-sc-2026-03");
	ck_assert_str_eq(scsec_evidence_criteria_version(named), "2026.03");
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(named), scsec_criteria_fingerprint(c));
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(named), METI_FP);
	ck_assert_uint_eq(scsec_evidence_entry_count(named), 0);
	scsec_evidence_free(named);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(api_entry_fields)
{
	scsec_entry *e = NULL;
	const char *uri, *sha;

	ck_ok(scsec_entry_new(&e, "1-2-1-1"));
	ck_assert_str_eq(scsec_entry_id(e), "1-2-1-1");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NONE);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_NONE);
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_ptr_null(scsec_entry_assessor_id(e));
	ck_assert_int_eq(scsec_entry_assessed_on(e), SCSEC_DATE_NONE);
	ck_assert_int_eq(scsec_entry_expires_on(e), SCSEC_DATE_NONE);
	ck_assert_ptr_null(scsec_entry_justification(e));
	ck_assert_ptr_null(scsec_entry_note(e));
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 0);

	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_NOT_APPLICABLE));
	ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_THIRD_PARTY));
	ck_ok(scsec_entry_set_assessor(e, "西日本監査法人", "JAB-ISMS-0831"));
	ck_ok(scsec_entry_set_assessed_on(e, D("2026-03-10")));
	ck_ok(scsec_entry_set_expires_on(e, D("2028-03-09")));
	ck_ok(scsec_entry_set_justification(e, "No removable media ports on any device."));
	ck_ok(scsec_entry_set_note(e, "Checked on site, Himeji plant."));
	ck_ok(scsec_entry_add_artifact(e, "file:inventory.xlsx", NULL));
	ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/ports.pdf",
	                               "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9"));
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NOT_APPLICABLE);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_THIRD_PARTY);
	ck_assert_str_eq(scsec_entry_assessor(e), "西日本監査法人");
	ck_assert_str_eq(scsec_entry_assessor_id(e), "JAB-ISMS-0831");
	ck_assert_int_eq(scsec_entry_assessed_on(e), D("2026-03-10"));
	ck_assert_int_eq(scsec_entry_expires_on(e), D("2028-03-09"));
	ck_assert_str_eq(scsec_entry_justification(e), "No removable media ports on any device.");
	ck_assert_str_eq(scsec_entry_note(e), "Checked on site, Himeji plant.");
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 0));
	ck_assert_str_eq(uri, "file:inventory.xlsx");
	ck_assert_ptr_null(sha);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 1));
	ck_assert_str_eq(uri, "https://intranet.kansai-pp.example/ports.pdf");
	ck_assert_str_eq(sha, DIGEST_2); /* stored in lower case */
	ck_ok(scsec_entry_artifact_get(NULL, NULL, e, 1));
	uri = "untouched";
	ck_assert_int_eq(scsec_entry_artifact_get(&uri, &sha, e, 2), SCSEC_EINVAL);
	ck_assert_str_eq(uri, "untouched");

	/* Clearing: NULL and "" both mean none. */
	ck_ok(scsec_entry_set_assessor(e, NULL, "JAB-ISMS-0831"));
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_str_eq(scsec_entry_assessor_id(e), "JAB-ISMS-0831");
	ck_ok(scsec_entry_set_assessor(e, "", NULL));
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_ptr_null(scsec_entry_assessor_id(e));
	ck_ok(scsec_entry_set_justification(e, NULL));
	ck_assert_ptr_null(scsec_entry_justification(e));
	ck_ok(scsec_entry_set_note(e, ""));
	ck_assert_ptr_null(scsec_entry_note(e));
	ck_ok(scsec_entry_set_expires_on(e, SCSEC_DATE_NONE));
	ck_assert_int_eq(scsec_entry_expires_on(e), SCSEC_DATE_NONE);
	ck_ok(scsec_entry_set_assessed_on(e, SCSEC_DATE_NONE));
	ck_assert_int_eq(scsec_entry_assessed_on(e), SCSEC_DATE_NONE);
	ck_ok(scsec_entry_clear_artifacts(e));
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 0);
	ck_ok(scsec_entry_add_artifact(e, "file:again.pdf", NULL));
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 1);
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_NONE));
	ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_NONE));
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NONE);
	scsec_entry_free(e);
}
END_TEST

START_TEST(api_entry_rejects_bad_values)
{
	static const char *const bad_ids[] = {
		"", "-1-2", ".x", "1 2", "1,2", "1/2", "é-1", "\xff", "1-2-1-1\n", "a\xc3",
		"x23456789012345678901234567890123456789012345678901234567890123456", /* 65 */
	};
	static const char *const bad_digests[] = {
		"", "5f2b", DIGEST_1 "0", "5f2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
		"gf2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e",
		" 5f2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e",
		"sha256:5f2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e",
	};
	scsec_entry *e = NULL, *x;
	scsec_date last = D("9999-12-31");
	size_t i;
	int rc;

	for (i = 0; i < sizeof bad_ids / sizeof *bad_ids; i++) {
		x = (scsec_entry *)&x;
		ck_assert_msg(scsec_entry_new(&x, bad_ids[i]) == SCSEC_EINVAL, "accepted id '%s'",
		              bad_ids[i]);
		ck_assert_ptr_null(x);
	}
	/* 64 characters is the longest id. */
	ck_ok(scsec_entry_new(&x, "x234567890123456789012345678901234567890123456789012345678901234"));
	scsec_entry_free(x);
	ck_ok(scsec_entry_new(&x, "A_b.c:9"));
	scsec_entry_free(x);

	ck_ok(scsec_entry_new(&e, "1-2-1-1"));
	ck_ok(scsec_entry_add_artifact(e, "file:ok.pdf", DIGEST_1));
	for (i = 0; i < sizeof bad_digests / sizeof *bad_digests; i++)
		ck_assert_msg(scsec_entry_add_artifact(e, "file:x.pdf", bad_digests[i]) == SCSEC_EINVAL,
		              "accepted digest '%s'", bad_digests[i]);
	ck_assert_int_eq(scsec_entry_add_artifact(e, "", NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_entry_add_artifact(e, NULL, DIGEST_1), SCSEC_EINVAL);
	rc = scsec_entry_add_artifact(e, "file:\xff.pdf", NULL);
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "invalid UTF-8 URI: %d", rc);
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 1); /* nothing half-added */

	ck_assert_int_eq(scsec_entry_set_status(e, (scsec_status)5), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_entry_set_status(e, (scsec_status)-1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NONE);
	ck_assert_int_eq(scsec_entry_set_method(e, (scsec_method)4), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_NONE);

	/* Days outside 0001-01-01 .. 9999-12-31. */
	ck_ok(scsec_entry_set_assessed_on(e, last));
	ck_assert_int_eq(scsec_entry_set_assessed_on(e, last + 1), SCSEC_EDATE);
	ck_assert_int_eq(scsec_entry_assessed_on(e), last);
	ck_assert_int_eq(scsec_entry_set_expires_on(e, INT32_MAX), SCSEC_EDATE);
	ck_assert_int_eq(scsec_entry_set_expires_on(e, D("0001-01-01") - 1), SCSEC_EDATE);
	ck_assert_int_eq(scsec_entry_expires_on(e), SCSEC_DATE_NONE);

	/* Text that is not UTF-8, or holds control characters, is refused and
	 * the previous value kept. (The header lists SCSEC_EINVAL; the library
	 * returns SCSEC_EENCODING: either is a refusal.) */
	ck_ok(scsec_entry_set_note(e, "kept"));
	ck_ok(scsec_entry_set_justification(e, "kept"));
	ck_ok(scsec_entry_set_assessor(e, "kept", "kept-id"));
	rc = scsec_entry_set_note(e, "Shift_JIS \x8e\xc0\x8e\x7b");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "note: %d", rc);
	rc = scsec_entry_set_note(e, "bell \a");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "note: %d", rc);
	rc = scsec_entry_set_note(e, "surrogate \xed\xa0\x80");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "note: %d", rc);
	rc = scsec_entry_set_note(e, "overlong \xc0\xaf");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "note: %d", rc);
	rc = scsec_entry_set_justification(e, "truncated \xe5\xae");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "justification: %d", rc);
	rc = scsec_entry_set_assessor(e, "new", "\xff");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "assessor id: %d", rc);
	rc = scsec_entry_set_assessor(e, "\xff", "new-id");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "assessor: %d", rc);
	ck_assert_str_eq(scsec_entry_note(e), "kept");
	ck_assert_str_eq(scsec_entry_justification(e), "kept");
	ck_assert_str_eq(scsec_entry_assessor(e), "kept");
	ck_assert_str_eq(scsec_entry_assessor_id(e), "kept-id");
	/* Tabs and line breaks are text. */
	ck_ok(scsec_entry_set_note(e, "a\tb\r\nc"));
	scsec_entry_free(e);
}
END_TEST

START_TEST(api_record_setters_reject_bad_values)
{
	static const char *const bad_ts[] = {
		"2026-04-01", "2026-04-01T09:30:00", "2026-04-01T09:30:00+09:00", "2026-04-01 09:30:00Z",
		"2026-04-01t09:30:00z", "2026-02-30T09:30:00Z", "2026-04-01T24:00:00Z",
		"2026-04-01T09:60:00Z", "2026-04-01T09:30:61Z", "2026-04-01T09:30:00.5Z",
		"26-04-01T09:30:00Z", "", " 2026-04-01T09:30:00Z", "0000-01-01T00:00:00Z",
	};
	static const char *const bad_fp[] = {
		"", "476d", METI_FP "0", "476d422e48eb999433ea8d20309f64e7a02c4754f01cdc96e3976b54eedd44b",
		"x76d422e48eb999433ea8d20309f64e7a02c4754f01cdc96e3976b54eedd44bb",
	};
	scsec_evidence *ev = NULL;
	size_t i;
	int rc;

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_ok(scsec_evidence_set_created(ev, "2026-04-01T09:30:00Z"));
	for (i = 0; i < sizeof bad_ts / sizeof *bad_ts; i++)
		ck_assert_msg(scsec_evidence_set_created(ev, bad_ts[i]) == SCSEC_EINVAL,
		              "accepted timestamp '%s'", bad_ts[i]);
	ck_assert_str_eq(scsec_evidence_created(ev), "2026-04-01T09:30:00Z");
	ck_ok(scsec_evidence_set_created(ev, "2016-12-31T23:59:60Z")); /* leap second */
	ck_ok(scsec_evidence_set_created(ev, "2024-02-29T00:00:00Z"));
	ck_assert_str_eq(scsec_evidence_created(ev), "2024-02-29T00:00:00Z");
	ck_ok(scsec_evidence_set_created(ev, NULL));
	ck_assert_ptr_null(scsec_evidence_created(ev));

	ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-03", "2026.03", NULL));
	ck_assert_ptr_null(scsec_evidence_criteria_fingerprint(ev));
	for (i = 0; i < sizeof bad_fp / sizeof *bad_fp; i++)
		ck_assert_msg(scsec_evidence_set_criteria(ev, "other", "1", bad_fp[i]) == SCSEC_EINVAL,
		              "accepted fingerprint '%s'", bad_fp[i]);
	ck_assert_int_eq(scsec_evidence_set_criteria(ev, NULL, "1", NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_set_criteria(ev, "", "1", NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_set_criteria(ev, "bad id", "1", NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_set_criteria(ev, "other", NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_set_criteria(ev, "other", "", NULL), SCSEC_EINVAL);
	/* Nothing changed by the refusals. */
	ck_assert_str_eq(scsec_evidence_criteria_id(ev), "meti-sc-2026-03");
	ck_assert_str_eq(scsec_evidence_criteria_version(ev), "2026.03");
	ck_assert_ptr_null(scsec_evidence_criteria_fingerprint(ev));
	/* Upper-case fingerprints are stored in lower case. */
	ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-03", "2026.03",
	                                  "13A9CE0403E925626CBA17C43DB9C81D3F09E6761BF65D26A3DFCF0A16E1F654"));
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(ev), METI_FP);

	ck_ok(scsec_evidence_set_subject_name(ev, "Kansai Precision Parts Co., Ltd."));
	rc = scsec_evidence_set_subject_name(ev, "関西\x8e\xc0");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "subject name: %d", rc);
	ck_assert_str_eq(scsec_evidence_subject_name(ev), "Kansai Precision Parts Co., Ltd.");
	ck_ok(scsec_evidence_set_subject_name(ev, "関西精密部品株式会社"));
	ck_assert_str_eq(scsec_evidence_subject_name(ev), "関西精密部品株式会社");
	ck_ok(scsec_evidence_set_subject_name(ev, NULL));
	ck_assert_ptr_null(scsec_evidence_subject_name(ev));

	ck_ok(scsec_evidence_set_tool(ev, "scsec 1.0.0"));
	rc = scsec_evidence_set_tool(ev, "tool\x01");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "tool: %d", rc);
	ck_assert_str_eq(scsec_evidence_tool(ev), "scsec 1.0.0");
	ck_ok(scsec_evidence_set_tool(ev, ""));
	ck_assert_ptr_null(scsec_evidence_tool(ev));

	rc = scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "\xff");
	ck_assert_msg(rc == SCSEC_EINVAL || rc == SCSEC_EENCODING, "identifier: %d", rc);
	ck_assert_int_eq(scsec_evidence_add_subject_id(ev, "bad scheme", "1"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_add_subject_id(ev, "", "1"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_add_subject_id(ev, "duns", ""), SCSEC_EINVAL);
	ck_assert_uint_eq(scsec_evidence_subject_id_count(ev), 0);
	scsec_evidence_free(ev);
}
END_TEST

START_TEST(api_subject_identifiers)
{
	scsec_evidence *ev = NULL;
	const char *scheme, *value;

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_ok(scsec_evidence_add_subject_id(ev, "supplier-code", "KPP-0042"));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "1402010100001"));
	ck_ok(scsec_evidence_add_subject_id(ev, "duns", "690000001"));
	ck_assert_int_eq(scsec_evidence_add_subject_id(ev, "duns", "690000002"), SCSEC_EEXISTS);
	ck_assert_uint_eq(scsec_evidence_subject_id_count(ev), 3);
	/* Ordered by scheme. */
	ck_ok(scsec_evidence_subject_id_get(&scheme, &value, ev, 0));
	ck_assert_str_eq(scheme, "duns");
	ck_assert_str_eq(value, "690000001");
	ck_ok(scsec_evidence_subject_id_get(&scheme, NULL, ev, 1));
	ck_assert_str_eq(scheme, SCSEC_ID_SCHEME_JP_CORPORATE);
	ck_ok(scsec_evidence_subject_id_get(NULL, &value, ev, 2));
	ck_assert_str_eq(value, "KPP-0042");
	scheme = "untouched";
	ck_assert_int_eq(scsec_evidence_subject_id_get(&scheme, &value, ev, 3), SCSEC_EINVAL);
	ck_assert_str_eq(scheme, "untouched");

	ck_ok(scsec_evidence_remove_subject_id(ev, "duns"));
	ck_assert_int_eq(scsec_evidence_remove_subject_id(ev, "duns"), SCSEC_ENOTFOUND);
	ck_assert_uint_eq(scsec_evidence_subject_id_count(ev), 2);
	ck_ok(scsec_evidence_subject_id_get(&scheme, &value, ev, 0));
	ck_assert_str_eq(scheme, SCSEC_ID_SCHEME_JP_CORPORATE);
	ck_ok(scsec_evidence_add_subject_id(ev, "duns", "690000002"));
	ck_ok(scsec_evidence_subject_id_get(NULL, &value, ev, 0));
	ck_assert_str_eq(value, "690000002");
	scsec_evidence_free(ev);
}
END_TEST

/* Ids in the order a record keeps them: runs of digits compared by value. */
static const char *const ordered_ids[] = {
	"1-1-1-1", "1-2-1-1", "1-2-1-2", "1-2-1-10", "1-2-9-1", "1-2-10-1", "1-10-1-1",
	"2-1-1-1", "9-9-9-9", "10-1-1-1", "management-pledge", "x-2", "x-10",
};

START_TEST(api_add_lookup_in_id_order)
{
	static const size_t shuffled[] = { 12, 5, 10, 0, 8, 3, 11, 1, 6, 9, 2, 7, 4 };
	const size_t n = sizeof ordered_ids / sizeof *ordered_ids;
	scsec_evidence *ev = NULL;
	const scsec_entry *got;
	scsec_entry *e, *dupe;
	size_t i;

	ck_assert_uint_eq(sizeof shuffled / sizeof *shuffled, n);
	ck_ok(scsec_evidence_new(&ev, NULL));
	for (i = 0; i < n; i++) {
		ck_ok(scsec_entry_new(&e, ordered_ids[shuffled[i]]));
		add(ev, e);
		/* The record owns it: the lookup gives the very entry. */
		ck_assert_ptr_eq(scsec_evidence_entry(ev, ordered_ids[shuffled[i]]), e);
	}
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), n);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(ev, i)), ordered_ids[i]);
		got = scsec_evidence_entry(ev, ordered_ids[i]);
		ck_assert_ptr_eq(got, scsec_evidence_entry_at(ev, i));
	}
	ck_assert_ptr_null(scsec_evidence_entry_at(ev, n));
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1"));
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-01")); /* equal by value, another id */
	ck_assert_ptr_null(scsec_evidence_entry(ev, "Management-pledge"));

	/* A second entry for an id: SCSEC_EEXISTS, the caller keeps it. */
	ck_ok(scsec_entry_new(&dupe, "1-2-9-1"));
	ck_ok(scsec_entry_set_status(dupe, SCSEC_STATUS_MET));
	ck_assert_int_eq(scsec_evidence_add(ev, dupe), SCSEC_EEXISTS);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EEXISTS);
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), n);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-9-1")), SCSEC_STATUS_NONE);
	scsec_entry_free(dupe);

	/* Leading zeros: another id, ordered next to its value. */
	ck_ok(scsec_entry_new(&e, "1-2-01-1"));
	add(ev, e);
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(ev, 1)), "1-2-01-1");
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(ev, 2)), "1-2-1-1");
	scsec_evidence_free(ev);
}
END_TEST

START_TEST(api_replace_and_remove)
{
	scsec_evidence *ev = NULL;
	scsec_entry *e, *copy;
	const scsec_entry *kept;
	size_t i;

	ck_ok(scsec_evidence_new(&ev, NULL));
	for (i = 0; i < 5; i++) {
		char id[16];

		snprintf(id, sizeof id, "1-2-1-%zu", i + 1);
		add(ev, entry(id, SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02"));
	}
	kept = scsec_evidence_entry(ev, "1-2-1-5");

	/* Edit one: copy, change, replace. */
	ck_ok(scsec_entry_dup(&copy, scsec_evidence_entry(ev, "1-2-1-3")));
	ck_ok(scsec_entry_set_status(copy, SCSEC_STATUS_PARTIAL));
	ck_ok(scsec_entry_set_note(copy, "Annual review slipped to April."));
	ck_ok(scsec_evidence_replace(ev, copy));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 5);
	ck_assert_ptr_eq(scsec_evidence_entry(ev, "1-2-1-3"), copy);
	ck_assert_ptr_eq(scsec_evidence_entry_at(ev, 2), copy);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-3")), SCSEC_STATUS_PARTIAL);
	ck_assert_str_eq(scsec_entry_note(scsec_evidence_entry(ev, "1-2-1-3")),
	                 "Annual review slipped to April.");
	/* Other entries' pointers stay valid. */
	ck_assert_ptr_eq(scsec_evidence_entry(ev, "1-2-1-5"), kept);

	/* Replacing an absent id adds it, in order. */
	e = entry("1-2-1-10", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_evidence_replace(ev, e));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 6);
	ck_assert_ptr_eq(scsec_evidence_entry_at(ev, 5), e);
	e = entry("1-2-1-0", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_SELF, NULL);
	ck_ok(scsec_evidence_replace(ev, e));
	ck_assert_ptr_eq(scsec_evidence_entry_at(ev, 0), e);

	/* Remove. */
	ck_ok(scsec_evidence_remove(ev, "1-2-1-3"));
	ck_assert_int_eq(scsec_evidence_remove(ev, "1-2-1-3"), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_evidence_remove(ev, "9-9-9-9"), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-3"));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 6);
	{
		static const char *const want[] = { "1-2-1-0", "1-2-1-1", "1-2-1-2", "1-2-1-4",
			                            "1-2-1-5", "1-2-1-10" };

		for (i = 0; i < 6; i++)
			ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(ev, i)), want[i]);
	}
	ck_assert_ptr_eq(scsec_evidence_entry(ev, "1-2-1-5"), kept);
	/* Removed ids can be added again. */
	add(ev, entry("1-2-1-3", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, NULL));
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(ev, 3)), "1-2-1-3");
	while (scsec_evidence_entry_count(ev) > 0)
		ck_ok(scsec_evidence_remove(ev, scsec_entry_id(scsec_evidence_entry_at(ev, 0))));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 0);
	scsec_evidence_free(ev);
}
END_TEST

/* Many adds and removes in a scrambled order: order and lookups stay
 * consistent (the id index is a hash table with deletions). */
START_TEST(api_many_edits_stay_consistent)
{
	enum { N = 3000 };
	scsec_evidence *ev = NULL;
	static unsigned char present[N];
	char id[32];
	size_t i, k, count = 0;
	unsigned seed = 12345;

	memset(present, 0, sizeof present);
	ck_ok(scsec_evidence_new(&ev, NULL));
	for (k = 0; k < 4 * N; k++) {
		seed = seed * 1103515245u + 12345u;
		i = (seed >> 8) % N;
		snprintf(id, sizeof id, "%zu-%zu", i % 37, i);
		if (present[i]) {
			ck_ok(scsec_evidence_remove(ev, id));
			present[i] = 0;
			count--;
		} else {
			scsec_entry *e;

			ck_ok(scsec_entry_new(&e, id));
			add(ev, e);
			present[i] = 1;
			count++;
		}
	}
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), count);
	for (i = 0; i < N; i++) {
		const scsec_entry *e;

		snprintf(id, sizeof id, "%zu-%zu", i % 37, i);
		e = scsec_evidence_entry(ev, id);
		ck_assert_msg(present[i] ? e != NULL : e == NULL, "%s: lookup wrong", id);
		if (e)
			ck_assert_str_eq(scsec_entry_id(e), id);
	}
	for (i = 1; i < count; i++) {
		unsigned long a1, a2, b1, b2;

		ck_assert_int_eq(sscanf(scsec_entry_id(scsec_evidence_entry_at(ev, i - 1)), "%lu-%lu", &a1,
		                        &a2), 2);
		ck_assert_int_eq(sscanf(scsec_entry_id(scsec_evidence_entry_at(ev, i)), "%lu-%lu", &b1, &b2),
		                 2);
		ck_assert_msg(a1 < b1 || (a1 == b1 && a2 < b2), "out of order at %zu", i);
	}
	scsec_evidence_free(ev);
}
END_TEST

START_TEST(api_entry_dup_is_deep)
{
	scsec_entry *e = NULL, *d = NULL;
	const char *uri, *sha;

	e = entry("1-2-1-2", SCSEC_STATUS_PARTIAL, SCSEC_METHOD_EXPERT_REVIEWED, "2026-03-05");
	ck_ok(scsec_entry_set_expires_on(e, D("2027-03-04")));
	ck_ok(scsec_entry_set_assessor(e, "Osaka Security Consulting K.K.", "OSC-2026-118"));
	ck_ok(scsec_entry_set_justification(e, "Head office only."));
	ck_ok(scsec_entry_set_note(e, "Himeji to follow."));
	ck_ok(scsec_entry_add_artifact(e, "file:a.xlsx", DIGEST_2));
	ck_ok(scsec_entry_add_artifact(e, "file:b.docx", NULL));
	ck_ok(scsec_entry_dup(&d, e));
	ck_assert_ptr_ne(d, e);
	ck_assert_str_eq(scsec_entry_id(d), "1-2-1-2");
	ck_assert_int_eq(scsec_entry_status(d), SCSEC_STATUS_PARTIAL);
	ck_assert_int_eq(scsec_entry_method(d), SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert_str_eq(scsec_entry_assessor(d), "Osaka Security Consulting K.K.");
	ck_assert_str_eq(scsec_entry_assessor_id(d), "OSC-2026-118");
	ck_assert_int_eq(scsec_entry_assessed_on(d), D("2026-03-05"));
	ck_assert_int_eq(scsec_entry_expires_on(d), D("2027-03-04"));
	ck_assert_str_eq(scsec_entry_justification(d), "Head office only.");
	ck_assert_str_eq(scsec_entry_note(d), "Himeji to follow.");
	ck_assert_uint_eq(scsec_entry_artifact_count(d), 2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, d, 0));
	ck_assert_str_eq(uri, "file:a.xlsx");
	ck_assert_str_eq(sha, DIGEST_2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, d, 1));
	ck_assert_str_eq(uri, "file:b.docx");
	ck_assert_ptr_null(sha);
	ck_assert_ptr_ne(scsec_entry_note(d), scsec_entry_note(e));
	/* Independent: changing or freeing one leaves the other. */
	ck_ok(scsec_entry_set_note(d, "changed"));
	ck_ok(scsec_entry_clear_artifacts(d));
	ck_assert_str_eq(scsec_entry_note(e), "Himeji to follow.");
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 2);
	scsec_entry_free(e);
	ck_assert_str_eq(scsec_entry_id(d), "1-2-1-2");
	scsec_entry_free(d);
}
END_TEST

START_TEST(api_record_dup_is_deep)
{
	scsec_evidence *ev = sample_record(), *d = NULL;
	char fa[SCSEC_FINGERPRINT_BUFSIZE], fb[SCSEC_FINGERPRINT_BUFSIZE];
	char *before;

	ck_ok(scsec_evidence_fingerprint(fa, ev));
	before = canon(ev);
	ck_ok(scsec_evidence_dup(&d, ev));
	assert_same_record(ev, d);
	ck_ok(scsec_evidence_fingerprint(fb, d));
	ck_assert_str_eq(fa, fb);
	ck_assert_uint_eq(scsec_evidence_entry_count(d), 6);
	ck_assert_ptr_ne(scsec_evidence_entry(d, "1-2-1-1"), scsec_evidence_entry(ev, "1-2-1-1"));
	/* Edits of the copy do not reach the original. */
	ck_ok(scsec_evidence_remove(d, "1-2-1-1"));
	ck_ok(scsec_evidence_set_subject_name(d, "Another Co."));
	ck_ok(scsec_evidence_remove_subject_id(d, "supplier-code"));
	ck_ok(scsec_evidence_set_criteria(d, "other-set", "1", NULL));
	{
		char *after = canon(ev);

		ck_assert_str_eq(after, before);
		scsec_free(after);
	}
	scsec_evidence_free(ev);
	/* And the copy outlives the original. */
	ck_assert_str_eq(scsec_evidence_subject_name(d), "Another Co.");
	ck_assert_uint_eq(scsec_evidence_entry_count(d), 5);
	scsec_evidence_free(d);
	scsec_free(before);
}
END_TEST

/* Borrowed entry pointers survive unrelated additions. */
START_TEST(api_entry_pointers_stable)
{
	scsec_evidence *ev = NULL;
	const scsec_entry *first;
	char id[32];
	int i;

	ck_ok(scsec_evidence_new(&ev, NULL));
	add(ev, entry("5-5-5-5", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, NULL));
	first = scsec_evidence_entry(ev, "5-5-5-5");
	for (i = 0; i < 2000; i++) {
		scsec_entry *e;

		snprintf(id, sizeof id, "%d-%d", i % 10, i);
		ck_ok(scsec_entry_new(&e, id));
		add(ev, e);
	}
	ck_assert_ptr_eq(scsec_evidence_entry(ev, "5-5-5-5"), first);
	ck_assert_str_eq(scsec_entry_id(first), "5-5-5-5");
	ck_assert_int_eq(scsec_entry_status(first), SCSEC_STATUS_MET);
	scsec_evidence_free(ev);
}
END_TEST

/* ====================================================================== xml */

START_TEST(xml_load_valid_full)
{
	scsec_evidence *ev = load_fx("valid-full.xml");
	const scsec_entry *e;
	const char *scheme, *value, *uri, *sha;

	ck_assert_str_eq(scsec_evidence_subject_name(ev), "Kansai Precision Parts Co., Ltd.");
	ck_assert_uint_eq(scsec_evidence_subject_id_count(ev), 2);
	ck_ok(scsec_evidence_subject_id_get(&scheme, &value, ev, 0));
	ck_assert_str_eq(scheme, SCSEC_ID_SCHEME_JP_CORPORATE);
	ck_assert_str_eq(value, "1402010100001");
	ck_ok(scsec_evidence_subject_id_get(&scheme, &value, ev, 1));
	ck_assert_str_eq(scheme, "supplier-code");
	ck_assert_str_eq(value, "KPP-0042");
	ck_assert_str_eq(scsec_evidence_criteria_id(ev), "meti-sc-2026-03");
	ck_assert_str_eq(scsec_evidence_criteria_version(ev), "2026.03");
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(ev), METI_FP);
	ck_assert_str_eq(scsec_evidence_created(ev), "2026-04-01T09:30:00Z");
	ck_assert_str_eq(scsec_evidence_tool(ev), "scsec 1.0.0");
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 6);

	e = scsec_evidence_entry(ev, "1-2-1-2");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_PARTIAL);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert_str_eq(scsec_entry_assessor(e), "Osaka Security Consulting K.K.");
	ck_assert_str_eq(scsec_entry_assessor_id(e), "OSC-2026-118");
	ck_assert_int_eq(scsec_entry_assessed_on(e), D("2026-03-05"));
	ck_assert_int_eq(scsec_entry_expires_on(e), SCSEC_DATE_NONE);
	ck_assert_str_eq(scsec_entry_justification(e), "The contact list covers the head office.\n"
	                                               "The Himeji plant list is still being compiled.");
	ck_assert_ptr_null(scsec_entry_note(e));
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 0));
	ck_assert_str_eq(uri, "https://intranet.kansai-pp.example/security/contacts.xlsx");
	ck_assert_str_eq(sha, DIGEST_2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 1));
	ck_assert_str_eq(uri, "file:himeji-draft.docx");
	ck_assert_ptr_null(sha);

	e = scsec_evidence_entry(ev, "1-3-1-2");
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_THIRD_PARTY);
	ck_assert_int_eq(scsec_entry_expires_on(e), D("2028-03-09"));
	ck_assert_str_eq(scsec_entry_note(e), "Certificate \"JAB-2026-77\" attached.");
	e = scsec_evidence_entry(ev, "1-3-1-1");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NOT_MET);
	ck_assert_str_eq(scsec_entry_note(e), "Policy draft due in June & to be approved by the board.");
	e = scsec_evidence_entry(ev, "1-2-3-1");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NOT_APPLICABLE);
	ck_assert_str_eq(scsec_entry_justification(e),
	                 "No temporary or seconded staff work at any site (派遣社員の受け入れなし).");
	e = scsec_evidence_entry(ev, "management-pledge");
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_NONE);
	ck_assert_str_eq(scsec_entry_assessor(e), "Taro Suzuki");
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(ev, 5)), "management-pledge");
	scsec_evidence_free(ev);
}
END_TEST

/* The API record, the canonical file and the hand-written file are one
 * record: the same canonical bytes. */
START_TEST(xml_canonical_forms_agree)
{
	size_t len;
	char *file = test_read_file(fx("valid-full.xml"), &len);
	scsec_evidence *api = sample_record(), *full = load_fx("valid-full.xml"),
	               *hand = load_fx("valid-noncanonical.xml");
	char *a = canon(api), *b = canon(full), *c = canon(hand);

	ck_assert_ptr_nonnull(file);
	ck_assert_str_eq(a, file);
	ck_assert_str_eq(b, file);
	ck_assert_str_eq(c, file);
	scsec_free(a);
	scsec_free(b);
	scsec_free(c);
	scsec_evidence_free(api);
	scsec_evidence_free(full);
	scsec_evidence_free(hand);
	free(file);
}
END_TEST

/* write -> load -> write gives the same bytes, for records with every kind
 * of content. */
START_TEST(xml_write_load_write_identical)
{
	scsec_evidence *ev = sample_record(), *back = NULL, *again = NULL;
	scsec_entry *e;
	char *x, *y, *z;
	size_t n;

	/* Characters that need escaping, CR, tabs, non-ASCII, an unanswered
	 * entry with only a note, an assessor with only an id. */
	e = entry("6-1-1-1", SCSEC_STATUS_NONE, SCSEC_METHOD_NONE, NULL);
	ck_ok(scsec_entry_set_note(e, "Draft <v0.3> & \"final\" 'soon'\r\n\tindented 手順書"));
	ck_ok(scsec_entry_set_assessor(e, NULL, "RISS-000123"));
	ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/q?a=1&b=<2>", NULL));
	add(ev, e);
	e = entry("4-4-1-2", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_THIRD_PARTY, "2026-03-20");
	ck_ok(scsec_entry_set_justification(e, "]]> is not special here; neither is &amp;."));
	add(ev, e);

	ck_ok(scsec_evidence_write_memory(&x, &n, ev));
	ck_ok(scsec_evidence_load_memory(&back, x, n, "written.xml", NULL, NULL));
	y = canon(back);
	ck_assert_str_eq(x, y);
	ck_ok(scsec_evidence_load_memory(&again, y, strlen(y), NULL, NULL, NULL));
	z = canon(again);
	ck_assert_str_eq(y, z);
	e = (scsec_entry *)scsec_evidence_entry(back, "6-1-1-1");
	ck_assert_str_eq(scsec_entry_note(e), "Draft <v0.3> & \"final\" 'soon'\r\n\tindented 手順書");
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_str_eq(scsec_entry_assessor_id(e), "RISS-000123");
	{
		const char *uri;

		ck_ok(scsec_entry_artifact_get(&uri, NULL, e, 0));
		ck_assert_str_eq(uri, "https://intranet.kansai-pp.example/q?a=1&b=<2>");
	}
	ck_assert_str_eq(scsec_entry_justification(scsec_evidence_entry(back, "4-4-1-2")),
	                 "]]> is not special here; neither is &amp;.");
	scsec_free(x);
	scsec_free(y);
	scsec_free(z);
	scsec_evidence_free(ev);
	scsec_evidence_free(back);
	scsec_evidence_free(again);
}
END_TEST

/* The annotated example of doc/evidence-format.md has the fingerprint the
 * document gives, which is the SHA-256 of the canonical bytes. */
START_TEST(xml_doc_example_fingerprint)
{
	scsec_evidence *ev = load_fx("doc-example.xml");
	char fp[SCSEC_FINGERPRINT_BUFSIZE], mine[65], *x;
	size_t len;
	char *file = test_read_file(fx("doc-example.xml"), &len);

	ck_ok(scsec_evidence_fingerprint(fp, ev));
	ck_assert_str_eq(fp, "f76c72c283bce37c8d197f65fafa202728ced265bbb97e0fca51da0834d5a734");
	x = canon(ev);
	ck_assert_str_eq(x, file); /* the example is in canonical form */
	ck_assert(test_sha256_hex(mine, x, strlen(x)));
	ck_assert_str_eq(fp, mine);
	scsec_free(x);
	free(file);
	scsec_evidence_free(ev);
}
END_TEST

/* A copy of a record's entry, to change and scsec_evidence_replace(). */
static scsec_entry *edit(scsec_evidence *ev, const char *id)
{
	scsec_entry *e = NULL;

	ck_ok(scsec_entry_dup(&e, scsec_evidence_entry(ev, id)));
	return e;
}

/* Make the k-th kind of change to a record (a copy of the sample record);
 * 0 when there is no k-th. */
static int mutate(scsec_evidence *ev, int k)
{
	scsec_entry *e = NULL;

	switch (k) {
	case 0: ck_ok(scsec_evidence_set_subject_name(ev, "Kansai Precision Parts Co.,Ltd.")); break;
	case 1: ck_ok(scsec_evidence_set_subject_name(ev, NULL)); break;
	case 2: ck_ok(scsec_evidence_add_subject_id(ev, "duns", "690000001")); break;
	case 3: ck_ok(scsec_evidence_remove_subject_id(ev, "supplier-code")); break;
	case 4:
		ck_ok(scsec_evidence_remove_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE));
		ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "7000012050002"));
		break;
	case 5: ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-04", "2026.03", METI_FP)); break;
	case 6: ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-03", "2026.3", METI_FP)); break;
	case 7: ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-03", "2026.03", DIGEST_1)); break;
	case 8: ck_ok(scsec_evidence_set_criteria(ev, "meti-sc-2026-03", "2026.03", NULL)); break;
	case 9: ck_ok(scsec_evidence_set_created(ev, "2026-04-01T09:30:01Z")); break;
	case 10: ck_ok(scsec_evidence_set_created(ev, NULL)); break;
	case 11: ck_ok(scsec_evidence_set_tool(ev, "scsec 1.0.1")); break;
	case 12: ck_ok(scsec_evidence_set_tool(ev, NULL)); break;
	case 13: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_PARTIAL)); break;
	case 14: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_EXPERT_REVIEWED)); break;
	case 15: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_assessor(e, "Hanako  Yamada", "KPP-SEC-007")); break;
	case 16: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_assessor(e, "Hanako Yamada", "KPP-SEC-008")); break;
	case 17: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_assessed_on(e, D("2026-03-03"))); break;
	case 18: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_expires_on(e, D("2027-03-02"))); break;
	case 19: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_expires_on(e, SCSEC_DATE_NONE)); break;
	case 20: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_set_justification(e, "Minutes of the board.")); break;
	case 21:
		e = edit(ev, "1-2-1-1");
		ck_ok(scsec_entry_set_note(e, "Reviewed at the April board meeting."));
		break;
	case 22:
		e = edit(ev, "1-2-1-1");
		ck_ok(scsec_entry_clear_artifacts(e));
		ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/security/roles-2027.pdf", DIGEST_1));
		break;
	case 23:
		e = edit(ev, "1-2-1-1");
		ck_ok(scsec_entry_clear_artifacts(e));
		ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/security/roles-2026.pdf", NULL));
		break;
	case 24:
		e = edit(ev, "1-2-1-1");
		ck_ok(scsec_entry_clear_artifacts(e));
		ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/security/roles-2026.pdf",
		                               "5f2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5f"));
		break;
	case 25: e = edit(ev, "1-2-1-1"); ck_ok(scsec_entry_add_artifact(e, "file:minutes.pdf", NULL)); break;
	case 26:
		e = edit(ev, "1-2-1-2");
		ck_ok(scsec_entry_clear_artifacts(e));
		ck_ok(scsec_entry_add_artifact(e, "file:himeji-draft.docx", NULL));
		ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/security/contacts.xlsx", DIGEST_2));
		break;
	case 27: ck_ok(scsec_evidence_remove(ev, "1-3-1-1")); break;
	case 28: add(ev, entry("1-3-1-3", SCSEC_STATUS_NONE, SCSEC_METHOD_NONE, NULL)); break;
	case 29: e = edit(ev, "management-pledge"); ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_SELF)); break;
	default: return 0;
	}
	if (e)
		ck_ok(scsec_evidence_replace(ev, e));
	return 1;
}

START_TEST(xml_fingerprint_stable_and_sensitive)
{
	enum { MAXK = 64 };
	scsec_evidence *base = sample_record(), *loaded = load_fx("valid-full.xml"), *d;
	char fp0[SCSEC_FINGERPRINT_BUFSIZE], fp[SCSEC_FINGERPRINT_BUFSIZE], mine[65];
	static char seen[MAXK][SCSEC_FINGERPRINT_BUFSIZE];
	char *x;
	int k, j;

	ck_ok(scsec_evidence_fingerprint(fp0, base));
	ck_assert_uint_eq(strlen(fp0), 64);
	ck_assert_uint_eq(strspn(fp0, "0123456789abcdef"), 64);
	x = canon(base);
	ck_assert(test_sha256_hex(mine, x, strlen(x)));
	ck_assert_str_eq(fp0, mine);
	scsec_free(x);
	/* Stable: again, on a copy, on the same record loaded from XML. */
	ck_ok(scsec_evidence_fingerprint(fp, base));
	ck_assert_str_eq(fp, fp0);
	ck_ok(scsec_evidence_fingerprint(fp, loaded));
	ck_assert_str_eq(fp, fp0);
	ck_ok(scsec_evidence_dup(&d, base));
	ck_ok(scsec_evidence_fingerprint(fp, d));
	ck_assert_str_eq(fp, fp0);
	scsec_evidence_free(d);

	/* Sensitive: every change gives another fingerprint, each its own, and
	 * always the SHA-256 of the new canonical form (no stale cache). */
	for (k = 0; k < MAXK; k++) {
		ck_ok(scsec_evidence_dup(&d, base));
		ck_ok(scsec_evidence_fingerprint(fp, d)); /* fill the cache first */
		if (!mutate(d, k)) {
			scsec_evidence_free(d);
			break;
		}
		ck_ok(scsec_evidence_fingerprint(seen[k], d));
		ck_assert_msg(strcmp(seen[k], fp0) != 0, "change %d keeps the fingerprint", k);
		x = canon(d);
		ck_assert(test_sha256_hex(mine, x, strlen(x)));
		ck_assert_msg(!strcmp(seen[k], mine), "change %d: stale fingerprint", k);
		scsec_free(x);
		for (j = 0; j < k; j++)
			ck_assert_msg(strcmp(seen[j], seen[k]) != 0, "changes %d and %d collide", j, k);
		scsec_evidence_free(d);
	}
	ck_assert_int_ge(k, 30);

	/* Changing back restores it. */
	ck_ok(scsec_evidence_set_subject_name(base, "Another name"));
	ck_ok(scsec_evidence_fingerprint(fp, base));
	ck_assert_str_ne(fp, fp0);
	ck_ok(scsec_evidence_set_subject_name(base, "Kansai Precision Parts Co., Ltd."));
	ck_ok(scsec_evidence_fingerprint(fp, base));
	ck_assert_str_eq(fp, fp0);
	scsec_evidence_free(base);
	scsec_evidence_free(loaded);
}
END_TEST

START_TEST(xml_gzip_load_and_save)
{
	char *dir = test_tmpdir_new("check_evidence"), p1[4096], p2[4096], p3[4096];
	scsec_evidence *ev = load_fx("valid-full.xml"), *back = NULL;
	unsigned char *gz, *gz2;
	size_t n, n2, plain_len;
	char *plain = test_read_file(fx("valid-full.xml"), &plain_len), *x;

	join(p1, sizeof p1, dir, "record.xml.gz");
	join(p2, sizeof p2, dir, "again.xml.gz");
	join(p3, sizeof p3, dir, "record-with-another-name.xml");
	ck_ok(scsec_evidence_save(ev, p1, SCSEC_WRITE_GZIP));
	ck_ok(scsec_evidence_save(ev, p2, SCSEC_WRITE_GZIP));
	gz = (unsigned char *)test_read_file(p1, &n);
	gz2 = (unsigned char *)test_read_file(p2, &n2);
	/* gzip, deflate, no name, no time: the same record gives the same bytes. */
	ck_assert_uint_ge(n, 18);
	ck_assert_int_eq(gz[0], 0x1f);
	ck_assert_int_eq(gz[1], 0x8b);
	ck_assert_int_eq(gz[2], 8);
	ck_assert_int_eq(gz[3] & 0x08, 0);
	ck_assert_int_eq(gz[4] | gz[5] | gz[6] | gz[7], 0);
	ck_assert_uint_eq(n, n2);
	ck_assert(memcmp(gz, gz2, n) == 0);
	ck_assert_uint_lt(n, plain_len);

	/* Detected by content, from a file (whatever its name) or memory. */
	test_write_file(p3, gz, n);
	ck_ok(scsec_evidence_load_file(&back, p1, NULL, NULL));
	x = canon(back);
	ck_assert_str_eq(x, plain);
	scsec_free(x);
	scsec_evidence_free(back);
	ck_ok(scsec_evidence_load_file(&back, p3, NULL, NULL));
	x = canon(back);
	ck_assert_str_eq(x, plain);
	scsec_free(x);
	scsec_evidence_free(back);
	ck_ok(scsec_evidence_load_memory(&back, gz, n, "memory.gz", NULL, NULL));
	x = canon(back);
	ck_assert_str_eq(x, plain);
	scsec_free(x);
	scsec_evidence_free(back);

	/* A truncated gzip stream is refused. */
	back = (scsec_evidence *)&back;
	ck_assert_int_ne(scsec_evidence_load_memory(&back, gz, n / 2, "cut.gz", NULL, NULL), 0);
	ck_assert_ptr_null(back);

	/* Plain save: exactly the canonical bytes. */
	ck_ok(scsec_evidence_save(ev, p2, SCSEC_WRITE_DEFAULT));
	free(gz2);
	gz2 = (unsigned char *)test_read_file(p2, &n2);
	ck_assert_uint_eq(n2, plain_len);
	ck_assert(memcmp(gz2, plain, n2) == 0);
	free(gz);
	free(gz2);
	free(plain);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

static scsec_load_options *schema_opts(uint64_t mode)
{
	scsec_load_options *o = NULL;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION, mode));
	return o;
}

/* Evidence records are checked by the loader itself by default
 * (SCSEC_SCHEMA_AUTO); these two pin the two ways explicitly. */
static scsec_load_options *no_schema(void)
{
	return schema_opts(SCSEC_SCHEMA_NEVER);
}

static scsec_load_options *with_schema(void)
{
	return schema_opts(SCSEC_SCHEMA_ALWAYS);
}

START_TEST(xml_hostile_doctype)
{
	scsec_diagnostics *d = load_fx_bad("bad-doctype.xml", NULL, SCSEC_EUNSAFE);

	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE, NULL, "bad-doctype.xml", 2, 20);
	ck_assert(ends_with(scsec_error_file(scsec_error_last()), "bad-doctype.xml"));
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 2);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-entities.xml", NULL, SCSEC_EUNSAFE);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE, NULL, "bad-entities.xml", 2, 20);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(xml_wrong_root_or_namespace)
{
	static const char no_ns[] = "<?xml version=\"1.0\"?>\n<evidence>\n</evidence>\n";
	scsec_diagnostics *d = load_fx_bad("bad-root.xml", NULL, SCSEC_EVERSION);
	scsec_evidence *ev = (scsec_evidence *)&ev;

	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EVERSION, NULL, "bad-root.xml", 2, 82);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-namespace.xml", NULL, SCSEC_EVERSION);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EVERSION, NULL, "bad-namespace.xml", 2, 39);
	scsec_diagnostics_free(d);
	/* A criteria set is not a record. */
	d = load_fx_bad("criteria-small.xml", NULL, SCSEC_EVERSION);
	scsec_diagnostics_free(d);
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, no_ns, sizeof no_ns - 1, "no-ns.xml", NULL,
	                                            NULL),
	                 SCSEC_EVERSION);
	ck_assert_ptr_null(ev);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), "no-ns.xml");
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 2);
}
END_TEST

START_TEST(xml_duplicate_entry)
{
	int schema;

	for (schema = 1; schema >= 0; schema--) {
		scsec_load_options *o = schema ? with_schema() : no_schema();
		scsec_diagnostics *d = load_fx_bad("bad-duplicate-entry.xml", o, SCSEC_EEXISTS);

		ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
		expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, "1-2-1-1",
		            "bad-duplicate-entry.xml", 6, 78);
		/* The message names the line of the first entry. */
		ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
		                             "line 4"));
		ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 6);
		scsec_diagnostics_free(d);
		scsec_load_options_free(o);
	}
	{
		scsec_diagnostics *d = load_fx_bad("bad-duplicate-identifier.xml", NULL, SCSEC_EEXISTS);

		ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
		expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, NULL,
		            "bad-duplicate-identifier.xml", 6, 45);
		scsec_diagnostics_free(d);
	}
}
END_TEST

START_TEST(xml_impossible_dates)
{
	int schema;

	for (schema = 1; schema >= 0; schema--) {
		scsec_load_options *o = schema ? with_schema() : no_schema();
		scsec_diagnostics *d = load_fx_bad("bad-date.xml", o, SCSEC_EDATE);

		ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
		expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "bad-date.xml", 4, 74);
		ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
		                             "2026-02-30"));
		ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 4);
		ck_assert_uint_eq(scsec_error_column(scsec_error_last()), 74);
		scsec_diagnostics_free(d);
		d = load_fx_bad("bad-created.xml", o, SCSEC_EDATE);
		ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
		expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "bad-created.xml", 4, 11);
		scsec_diagnostics_free(d);
		scsec_load_options_free(o);
	}
}
END_TEST

START_TEST(xml_unknown_tokens)
{
	scsec_load_options *o = no_schema(), *x = with_schema();
	scsec_diagnostics *d;

	/* With the schema: its message; without: the reader's own, with the id. */
	d = load_fx_bad("bad-status.xml", x, SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-status.xml", 4, 75);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-status.xml", o, SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-1", "bad-status.xml", 4, 75);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)), "done"));
	scsec_diagnostics_free(d);
	/* The Japanese tokens are for sheets only. */
	d = load_fx_bad("bad-status-japanese.xml", x, SCSEC_ESCHEMA);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-status-japanese.xml", 5, 73);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-status-japanese.xml", o, SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-1", "bad-status-japanese.xml", 5,
	            73);
	scsec_diagnostics_free(d);
	/* A digest that is not 64 hex digits; an element the format has not. */
	d = load_fx_bad("bad-digest.xml", x, SCSEC_ESCHEMA);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-digest.xml", 4, 87);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-digest.xml", o, SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-1", "bad-digest.xml", 4, 87);
	scsec_diagnostics_free(d);
	/* A required attribute missing. */
	d = load_fx_bad("bad-missing-id.xml", x, SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-missing-id.xml", 4, 61);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-missing-id.xml", o, SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-missing-id.xml", 4, 61);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-unexpected-element.xml", x, SCSEC_ESCHEMA);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-unexpected-element.xml", 4,
	            11);
	scsec_diagnostics_free(d);
	d = load_fx_bad("bad-unexpected-element.xml", o, SCSEC_ESCHEMA);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "bad-unexpected-element.xml", 4,
	            11);
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
	scsec_load_options_free(x);
}
END_TEST

/* Every problem of one document is reported, in document order; the first
 * is returned and recorded as the thread's last error. */
START_TEST(xml_all_problems_reported)
{
	scsec_diagnostics *d = load_fx_bad("bad-many.xml", NULL, SCSEC_EDATE);

	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 3);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "bad-many.xml", 5, 74);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "bad-many.xml", 6, 98);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, "1-2-1-1", "bad-many.xml", 7, 74);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 2)), "line 5"));
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 5);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(xml_malformed_inputs)
{
	static const char broken[] = "<?xml version=\"1.0\"?>\n"
	                             "<evidence xmlns=\"urn:scsec:evidence:1\">\n"
	                             "  <entry id=\"1-2-1-1\" status=\"met\">\n"
	                             "</evidence>\n";
	static const char utf16[] = "\xff\xfe<\0e\0v\0";
	scsec_evidence *ev = (scsec_evidence *)&ev;
	scsec_diagnostics *d = diags_new();
	int rc;

	ck_assert_int_eq(scsec_evidence_load_memory(&ev, broken, sizeof broken - 1, "broken.xml",
	                                            NULL, d),
	                 SCSEC_EPARSE);
	ck_assert_ptr_null(ev);
	ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
	ck_assert_str_eq(scsec_diagnostic_file(scsec_diagnostics_at(d, 0)), "broken.xml");
	ck_assert_uint_eq(scsec_diagnostic_line(scsec_diagnostics_at(d, 0)), 4);
	scsec_diagnostics_clear(d);
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, "", 0, "empty.xml", NULL, d), SCSEC_EPARSE);
	ck_assert_ptr_null(ev);
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, utf16, sizeof utf16 - 1, "utf16.xml", NULL,
	                                            NULL),
	                 SCSEC_EENCODING);
	ck_assert_ptr_null(ev);
	ev = (scsec_evidence *)&ev;
	rc = scsec_evidence_load_file(&ev, fx("no-such-record.xml"), NULL, d);
	ck_assert_int_eq(rc, SCSEC_EIO);
	ck_assert_ptr_null(ev);
	ck_assert(ends_with(scsec_error_file(scsec_error_last()), "no-such-record.xml"));
	/* A CSV sheet is not XML. */
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_load_file(&ev, fx("sheet-spreadsheet.csv"), NULL, NULL),
	                 SCSEC_EPARSE);
	ck_assert_ptr_null(ev);
	scsec_diagnostics_free(d);
}
END_TEST

/* The file format takes the English tokens only, not the Japanese names
 * scsec_status_parse() and scsec_method_parse() also take. */
START_TEST(xml_tokens_english_only)
{
	static const char doc[] =
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<evidence xmlns=\"urn:scsec:evidence:1\">\n"
	        "  <entry id=\"1-2-1-1\" status=\"実施\" method=\"self\"/>\n"
	        "  <entry id=\"1-2-1-2\" status=\"met\" method=\"自己評価\"/>\n"
	        "  <entry id=\"1-2-1-3\" status=\"該当なし\" method=\"第三者評価\"/>\n"
	        "  <entry id=\"1-2-2-1\" status=\"not-met\" method=\"expert-reviewed\"/>\n"
	        "</evidence>\n";
	scsec_evidence *ev = (scsec_evidence *)&ev;
	scsec_diagnostics *d = diags_new();

	ck_assert_int_eq(scsec_evidence_load_memory(&ev, doc, sizeof doc - 1, "ja.xml", NULL, d),
	                 SCSEC_ESCHEMA);
	ck_assert_ptr_null(ev);
	ck_assert_msg(scsec_diagnostics_count(d) == 4, "%s", dump(d));
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-1", "ja.xml", 3, 48);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-2", "ja.xml", 4, 49);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-3", "ja.xml", 5, 51);
	expect_diag(d, 3, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "1-2-1-3", "ja.xml", 5, 51);
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
	                 "element 'entry': status '実施' is not one of met, partial, not-met, "
	                 "not-applicable");
	ck_assert_str_eq(scsec_diagnostic_message(scsec_diagnostics_at(d, 1)),
	                 "element 'entry': method '自己評価' is not one of self, expert-reviewed, "
	                 "third-party");
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(xml_blank_text_reads_as_absent)
{
	static const char doc[] =
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<evidence xmlns=\"urn:scsec:evidence:1\">\n"
	        "  <entry id=\"1-2-1-1\" status=\"met\">\n"
	        "    <assessor id=\"RISS-000123\">  </assessor>\n"
	        "    <justification>\n    </justification>\n"
	        "    <note>  Keep the blanks  </note>\n"
	        "  </entry>\n"
	        "  <entry id=\"1-2-1-2\" status=\" partial \" assessed-on=\" 2026-03-02 \"/>\n"
	        "</evidence>\n";
	scsec_evidence *ev = NULL;
	const scsec_entry *e;

	ck_ok(scsec_evidence_load_memory(&ev, doc, sizeof doc - 1, "blank.xml", NULL, NULL));
	e = scsec_evidence_entry(ev, "1-2-1-1");
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_str_eq(scsec_entry_assessor_id(e), "RISS-000123");
	ck_assert_ptr_null(scsec_entry_justification(e));
	ck_assert_str_eq(scsec_entry_note(e), "  Keep the blanks  ");
	/* Tokens and dates are xs:token: surrounding blanks go. */
	e = scsec_evidence_entry(ev, "1-2-1-2");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_PARTIAL);
	ck_assert_int_eq(scsec_entry_assessed_on(e), D("2026-03-02"));
	scsec_evidence_free(ev);
}
END_TEST

START_TEST(xml_limits)
{
	scsec_load_options *o = NULL;
	scsec_evidence *ev = (scsec_evidence *)&ev;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 100));
	ck_assert_int_eq(scsec_evidence_load_file(&ev, fx("valid-full.xml"), o, d), SCSEC_ELIMIT);
	ck_assert_ptr_null(ev);
	scsec_load_options_free(o);
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 5));
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_load_file(&ev, fx("valid-full.xml"), o, d), SCSEC_ELIMIT);
	ck_assert_ptr_null(ev);
	scsec_load_options_free(o);
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DEPTH, 2));
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_load_file(&ev, fx("valid-full.xml"), o, d), SCSEC_ELIMIT);
	ck_assert_ptr_null(ev);
	scsec_load_options_free(o);
	scsec_diagnostics_free(d);
}
END_TEST

/* '&' in attributes and text, as &amp; and as &#38;, loads as '&' and
 * survives write/load/write. */
START_TEST(xml_ampersand_in_attributes)
{
	scsec_evidence *ev = load_fx("valid-ampersand.xml"), *back = NULL;
	const scsec_entry *e = scsec_evidence_entry(ev, "1-2-1-1");
	const char *uri, *value;
	char *x, *y;

	ck_assert_str_eq(scsec_evidence_subject_name(ev), "Kansai R&D Parts Co., Ltd.");
	ck_ok(scsec_evidence_subject_id_get(NULL, &value, ev, 0));
	ck_assert_str_eq(value, "R&D-0042");
	ck_assert_str_eq(scsec_entry_assessor_id(e), "Q&A-7");
	ck_assert_str_eq(scsec_entry_assessor(e), "Quality & Audit");
	ck_ok(scsec_entry_artifact_get(&uri, NULL, e, 0));
	ck_assert_str_eq(uri, "https://intranet.kansai-pp.example/view?doc=roles&rev=3&lang=ja");
	x = canon(ev);
	ck_assert_ptr_nonnull(strstr(x, "uri=\"https://intranet.kansai-pp.example/view?doc=roles&amp;"
	                                "rev=3&amp;lang=ja\""));
	ck_ok(scsec_evidence_load_memory(&back, x, strlen(x), "again.xml", NULL, NULL));
	y = canon(back);
	ck_assert_str_eq(x, y);
	scsec_free(x);
	scsec_free(y);
	scsec_evidence_free(back);
	scsec_evidence_free(ev);
}
END_TEST

typedef struct reader_job {
	const scsec_evidence *ev;
	const scsec_criteria *c;
	char fp[SCSEC_FINGERPRINT_BUFSIZE];
	char *xml;
	char *csv;
	int check_rc;
	size_t ndiags;
	int failed;
} reader_job;

static void *reader_thread(void *arg)
{
	reader_job *j = arg;
	scsec_diagnostics *d = NULL;
	int i;

	for (i = 0; i < 20 && !j->failed; i++) {
		scsec_free(j->xml);
		scsec_free(j->csv);
		j->xml = j->csv = NULL;
		if (scsec_evidence_fingerprint(j->fp, j->ev) ||
		    scsec_evidence_write_memory(&j->xml, NULL, j->ev) ||
		    scsec_evidence_export_csv(&j->csv, NULL, j->ev, j->c, 3, NULL) ||
		    scsec_diagnostics_new(&d))
			j->failed = 1;
		j->check_rc = scsec_evidence_check(j->ev, j->c, d);
		j->ndiags = scsec_diagnostics_count(d);
		scsec_diagnostics_free(d);
		d = NULL;
	}
	return NULL;
}

/* A finished record is read by many threads at once: the fingerprint
 * (computed and cached on first use), the canonical form, an export and a
 * check all agree. */
START_TEST(xml_concurrent_readers)
{
	enum { THREADS = 8 };
	scsec_criteria *c = builtin();
	scsec_evidence *ev = sample_record();
	reader_job jobs[THREADS];
	pthread_t t[THREADS];
	int i;

	memset(jobs, 0, sizeof jobs);
	for (i = 0; i < THREADS; i++) {
		jobs[i].ev = ev;
		jobs[i].c = c;
		ck_assert_int_eq(pthread_create(&t[i], NULL, reader_thread, &jobs[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	for (i = 0; i < THREADS; i++) {
		ck_assert(!jobs[i].failed);
		ck_assert_str_eq(jobs[i].fp, jobs[0].fp);
		ck_assert_str_eq(jobs[i].xml, jobs[0].xml);
		ck_assert_str_eq(jobs[i].csv, jobs[0].csv);
		ck_assert_int_eq(jobs[i].check_rc, 0);
		ck_assert_uint_eq(jobs[i].ndiags, 1); /* the artifact without digest */
	}
	{
		char mine[65];

		ck_assert(test_sha256_hex(mine, jobs[0].xml, strlen(jobs[0].xml)));
		ck_assert_str_eq(jobs[0].fp, mine);
	}
	for (i = 0; i < THREADS; i++) {
		scsec_free(jobs[i].xml);
		scsec_free(jobs[i].csv);
	}
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ==================================================================== check */

/* Check a fixture against a set (the built-in one for NULL), expecting
 * @p rc; the diagnostics are returned. */
static scsec_diagnostics *check_fx(const char *name, const scsec_criteria *set, int rc)
{
	scsec_criteria *c = set ? NULL : builtin();
	scsec_evidence *ev = load_fx(name);
	scsec_diagnostics *d = diags_new();
	int got = scsec_evidence_check(ev, set ? set : c, d);

	ck_assert_msg(got == rc, "%s: check gave %d, want %d:%s", name, got, rc, dump(d));
	/* Without a list, the same verdict. */
	ck_assert_int_eq(scsec_evidence_check(ev, set ? set : c, NULL), rc);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	return d;
}

/* One error, alone in its fixture. */
static void check_one(const char *name, int rc, scsec_severity sev, int code, const char *id,
                      unsigned long line, unsigned long col)
{
	scsec_diagnostics *d = check_fx(name, NULL, rc);

	ck_assert_msg(scsec_diagnostics_count(d) == 1, "%s: want one diagnostic:%s", name, dump(d));
	expect_diag(d, 0, sev, code, id, name, line, col);
	if (rc) {
		/* A failing check records its verdict with the first error's
		 * location and message as the thread's last error. */
		const scsec_error *e = scsec_error_last();

		ck_assert_int_eq(scsec_error_code(e), rc);
		ck_assert(ends_with(scsec_error_file(e), name));
		ck_assert_uint_eq(scsec_error_line(e), line);
		ck_assert_uint_eq(scsec_error_column(e), col);
		ck_assert_str_eq(scsec_error_message(e),
		                 scsec_diagnostic_message(scsec_diagnostics_at(d, 0)));
	}
	scsec_diagnostics_free(d);
}

START_TEST(check_valid_records)
{
	scsec_diagnostics *d = check_fx("valid-full.xml", NULL, 0);

	/* Only the artifact without a digest. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, "1-2-1-2", "valid-full.xml", 16, 89);
	scsec_diagnostics_free(d);
	d = check_fx("doc-example.xml", NULL, 0);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, "4-5-1-4", "doc-example.xml", 21,
	            109);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(check_unknown_id)
{
	check_one("check-unknown-id.xml", SCSEC_EINVALID, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND,
	          "9-9-9-9", 5, 74);
}
END_TEST

START_TEST(check_requirement_id)
{
	/* A requirement's id is known to the set but is not answerable. */
	check_one("check-requirement-id.xml", SCSEC_EINVALID, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND,
	          "1-2-1", 4, 72);
}
END_TEST

START_TEST(check_missing_justification)
{
	check_one("check-missing-justification.xml", SCSEC_EINVALID, SCSEC_SEVERITY_ERROR,
	          SCSEC_EINVALID, "1-2-3-1", 4, 85);
}
END_TEST

START_TEST(check_expires_before_assessed)
{
	check_one("check-expires-before-assessed.xml", SCSEC_EINVALID, SCSEC_SEVERITY_ERROR,
	          SCSEC_EDATE, "1-2-1-1", 4, 98);
}
END_TEST

START_TEST(check_corporate_number)
{
	check_one("check-corporate-number.xml", SCSEC_EINVALID, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
	          "2402010100001", 5, 45);
}
END_TEST

START_TEST(check_other_set)
{
	check_one("check-other-set.xml", SCSEC_EMISMATCH, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH,
	          "jisq-27001-2023", 3, 51);
}
END_TEST

START_TEST(check_other_version)
{
	check_one("check-other-version.xml", SCSEC_EMISMATCH, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH,
	          "meti-sc-2026-03", 3, 51);
}
END_TEST

START_TEST(check_other_fingerprint_warns)
{
	check_one("check-other-fingerprint.xml", 0, SCSEC_SEVERITY_WARNING, SCSEC_EMISMATCH,
	          "meti-sc-2026-03", 4, 91);
}
END_TEST

START_TEST(check_no_criteria_named_warns)
{
	check_one("check-no-criteria.xml", 0, SCSEC_SEVERITY_WARNING, SCSEC_EMISMATCH, NULL, 0, 0);
}
END_TEST

START_TEST(check_prerequisite_partial)
{
	check_one("check-prerequisite-partial.xml", SCSEC_EINVALID, SCSEC_SEVERITY_ERROR,
	          SCSEC_EINVALID, "management-pledge", 4, 74);
}
END_TEST

START_TEST(check_expiry_without_assessment_warns)
{
	check_one("check-expiry-without-assessment.xml", 0, SCSEC_SEVERITY_WARNING, SCSEC_EDATE,
	          "1-2-1-1", 4, 46);
}
END_TEST

/* Issue 13.4: an expires-on past the validity of every level the criterion
 * applies at is a warning naming the longest and the day it counts until;
 * one within a validity (1-2-1-2: the last day of ★4's three years) is
 * not. */
START_TEST(check_expiry_past_validity_warns)
{
	scsec_diagnostics *d = check_fx("check-expiry-past-validity.xml", NULL, 0);
	const char *msg;

	ck_assert_msg(scsec_diagnostics_count(d) == 1, "want one diagnostic:%s", dump(d));
	expect_diag(d, 0, SCSEC_SEVERITY_WARNING, SCSEC_EDATE, "1-2-1-1",
	            "check-expiry-past-validity.xml", 4, 105);
	msg = scsec_diagnostic_message(scsec_diagnostics_at(d, 0));
	ck_assert_msg(strstr(msg, "2030-01-01") && strstr(msg, "P3Y") && strstr(msg, "★4") &&
	                      strstr(msg, "until 2029-03-19"),
	              "%s", msg);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(check_warnings_only)
{
	scsec_diagnostics *d = check_fx("check-warnings.xml", NULL, 0);

	/* No method, no date, no digest; the unanswered 1-2-1-2 is fine. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_WARNING), 3);
	expect_diag(d, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, "1-2-1-1", "check-warnings.xml", 4, 35);
	expect_diag(d, 1, SCSEC_SEVERITY_WARNING, SCSEC_EDATE, "1-2-1-1", "check-warnings.xml", 4, 35);
	expect_diag(d, 2, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, "1-2-1-1", "check-warnings.xml", 4, 35);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(check_na_not_allowed)
{
	scsec_criteria *small = NULL;
	scsec_diagnostics *d;

	ck_ok(scsec_criteria_load_file(&small, fx("criteria-small.xml"), NULL, NULL));
	d = check_fx("check-na-not-allowed.xml", small, SCSEC_EINVALID);
	/* K-1-1 may be not-applicable (justified); K-1-2 may not. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "K-1-2", "check-na-not-allowed.xml", 7,
	            83);
	scsec_diagnostics_free(d);
	/* Against the built-in set the same record is for another set. */
	d = check_fx("check-na-not-allowed.xml", NULL, SCSEC_EMISMATCH);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, "t-evidence-small",
	            "check-na-not-allowed.xml", 3, 46);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "K-1-1", "check-na-not-allowed.xml", 4,
	            83);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "K-1-2", "check-na-not-allowed.xml", 7,
	            83);
	scsec_diagnostics_free(d);
	scsec_criteria_free(small);
}
END_TEST

/* All problems in one go: set reference, identifiers, then entries in id
 * order. The first error is a set mismatch, so that is the result. */
START_TEST(check_collects_all_problems)
{
	scsec_diagnostics *d = check_fx("check-many.xml", NULL, SCSEC_EMISMATCH);

	ck_assert_uint_eq(scsec_diagnostics_count(d), 6);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 6);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, "meti-sc-2026-03", "check-many.xml", 7,
	            51);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "140201010000", "check-many.xml", 5, 45);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-1", "check-many.xml", 8, 98);
	expect_diag(d, 3, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-3-1", "check-many.xml", 9, 85);
	expect_diag(d, 4, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "1-2-9-9", "check-many.xml", 10, 74);
	expect_diag(d, 5, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "management-pledge", "check-many.xml",
	            11, 81);
	scsec_diagnostics_free(d);
}
END_TEST

/* A list passed in is appended to, not cleared. */
START_TEST(check_appends_to_list)
{
	scsec_criteria *c = builtin();
	scsec_evidence *a = load_fx("check-unknown-id.xml"), *b = load_fx("check-other-set.xml");
	scsec_diagnostics *d = diags_new();

	ck_assert_int_eq(scsec_evidence_check(a, c, d), SCSEC_EINVALID);
	ck_assert_int_eq(scsec_evidence_check(b, c, d), SCSEC_EMISMATCH);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 2);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "9-9-9-9", "check-unknown-id.xml", 5, 74);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, "jisq-27001-2023", "check-other-set.xml",
	            3, 51);
	scsec_diagnostics_free(d);
	scsec_evidence_free(a);
	scsec_evidence_free(b);
	scsec_criteria_free(c);
}
END_TEST

/* A record built through the API: the same checks, without locations. */
START_TEST(check_api_record)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();
	scsec_entry *e;

	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "ABCDEFGHIJKLM"));
	e = entry("1-2-3-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2026-03-02");
	add(ev, e);
	e = entry("1-2-1-1", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_entry_set_expires_on(e, D("2026-03-01")));
	add(ev, e);
	add(ev, entry("zz-unknown", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02"));
	add(ev, entry("1", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02")); /* a category */
	ck_assert_int_eq(scsec_evidence_check(ev, c, d), SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 5);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "ABCDEFGHIJKLM", NULL, 0, 0);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "1", NULL, 0, 0);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-1", NULL, 0, 0);
	expect_diag(d, 3, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-3-1", NULL, 0, 0);
	expect_diag(d, 4, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "zz-unknown", NULL, 0, 0);

	/* Fixing the problems one by one empties the list. */
	ck_ok(scsec_evidence_remove_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE));
	ck_ok(scsec_evidence_remove(ev, "1"));
	ck_ok(scsec_evidence_remove(ev, "zz-unknown"));
	e = edit(ev, "1-2-1-1");
	ck_ok(scsec_entry_set_expires_on(e, D("2026-03-02"))); /* same day: fine */
	ck_ok(scsec_evidence_replace(ev, e));
	e = edit(ev, "1-2-3-1");
	ck_ok(scsec_entry_set_justification(e, "No temporary staff."));
	ck_ok(scsec_evidence_replace(ev, e));
	scsec_diagnostics_clear(d);
	ck_ok(scsec_evidence_check(ev, c, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	scsec_diagnostics_free(d);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* A record imported from a sheet: diagnostics point at the sheet's row
 * and id column. */
START_TEST(check_sheet_locations)
{
	scsec_criteria *c = builtin();
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev = import_fx("sheet-check.csv", d);

	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	ck_assert_int_eq(scsec_evidence_check(ev, c, d), SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-1", "sheet-check.csv", 3, 3);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-3-1", "sheet-check.csv", 2, 3);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "management-pledge", "sheet-check.csv",
	            4, 3);
	scsec_diagnostics_free(d);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ====================================================================== csv */

/* A strict reader of the sheets the library writes: BOM noted, every row
 * ending in CRLF, quotes only around whole cells. */
enum { MAXROWS = 512, MAXCOLS = 17 };

typedef struct csvsheet {
	int bom;
	size_t nrows;
	size_t ncells[MAXROWS];
	char *cells[MAXROWS][MAXCOLS];
} csvsheet;

static void cell_put(char **cell, size_t *n, size_t *cap, char c)
{
	if (*n + 2 > *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*cell = realloc(*cell, *cap);
		ck_assert_ptr_nonnull(*cell);
	}
	(*cell)[(*n)++] = c;
	(*cell)[*n] = '\0';
}

static csvsheet *csv_read(const char *text, size_t len)
{
	csvsheet *sh = calloc(1, sizeof *sh);
	size_t i = 0;

	ck_assert_ptr_nonnull(sh);
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		sh->bom = 1;
		i = 3;
	}
	while (i < len) {
		size_t row = sh->nrows++;

		ck_assert_uint_lt(row, MAXROWS);
		for (;;) {
			size_t n = 0, cap = 64;
			char *cell = malloc(cap);

			ck_assert_ptr_nonnull(cell);
			cell[0] = '\0';
			if (i < len && text[i] == '"') {
				for (i++;; i++) {
					ck_assert_msg(i < len, "row %zu: unclosed quote", row + 1);
					if (text[i] == '"') {
						if (i + 1 < len && text[i + 1] == '"') {
							cell_put(&cell, &n, &cap, '"');
							i++;
							continue;
						}
						i++;
						break;
					}
					cell_put(&cell, &n, &cap, text[i]);
				}
			} else {
				for (; i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n'; i++) {
					ck_assert_msg(text[i] != '"', "row %zu: quote in an unquoted cell", row + 1);
					cell_put(&cell, &n, &cap, text[i]);
				}
			}
			ck_assert_uint_lt(sh->ncells[row], MAXCOLS);
			sh->cells[row][sh->ncells[row]++] = cell;
			if (i < len && text[i] == ',') {
				i++;
				continue;
			}
			ck_assert_msg(i + 1 < len && text[i] == '\r' && text[i + 1] == '\n',
			              "row %zu does not end in CRLF", row + 1);
			i += 2;
			break;
		}
	}
	return sh;
}

static void csv_free(csvsheet *sh)
{
	size_t r, c;

	for (r = 0; r < sh->nrows; r++)
		for (c = 0; c < sh->ncells[r]; c++)
			free(sh->cells[r][c]);
	free(sh);
}

static const char *const layout[17] = {
	"id", "type", "level", "category", "requirement", "text", "status", "method", "assessor",
	"assessor_id", "assessor_role", "assessed_on", "expires_on", "planned_on", "justification",
	"artifact", "note",
};

enum { C_ID, C_TYPE, C_LEVEL, C_CATEGORY, C_REQUIREMENT, C_TEXT, C_STATUS, C_METHOD, C_ASSESSOR,
       C_ASSESSOR_ID, C_ASSESSOR_ROLE, C_ASSESSED_ON, C_EXPIRES_ON, C_PLANNED_ON, C_JUSTIFICATION, C_ARTIFACT, C_NOTE };

static csvsheet *template_of(const scsec_criteria *c, int rank, const char *lang, char **text,
                             size_t *len)
{
	csvsheet *sh;
	size_t r, k;

	ck_ok(scsec_criteria_template_csv(text, len, c, rank, lang));
	ck_assert_uint_eq(*len, strlen(*text));
	sh = csv_read(*text, *len);
	ck_assert(sh->bom);
	ck_assert_uint_ge(sh->nrows, 1);
	for (r = 0; r < sh->nrows; r++) {
		ck_assert_msg(sh->ncells[r] == 17, "row %zu has %zu cells", r + 1, sh->ncells[r]);
		for (k = r ? C_STATUS : 17; k < 17; k++)
			ck_assert_msg(!*sh->cells[r][k], "row %zu: answer cell %s filled", r + 1, layout[k]);
	}
	for (k = 0; k < 17; k++)
		ck_assert_str_eq(sh->cells[0][k], layout[k]);
	return sh;
}

/* The rows of a template for @p rank: the right criteria in the set's
 * order, each with its informational cells. */
static void check_criterion_rows(const scsec_criteria *c, const csvsheet *sh, size_t first, int rank)
{
	size_t i, r = first;

	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		const scsec_requirement *rq = scsec_criterion_requirement(cr);
		const scsec_category *top = scsec_requirement_category(rq);
		char want[1024];

		if (rank && !scsec_criterion_applies_at(cr, rank))
			continue;
		while (scsec_category_parent(top))
			top = scsec_category_parent(top);
		ck_assert_uint_lt(r, sh->nrows);
		ck_assert_str_eq(sh->cells[r][C_ID], scsec_criterion_id(cr));
		ck_assert_str_eq(sh->cells[r][C_TYPE], "criterion");
		ck_assert_ptr_nonnull(strstr(sh->cells[r][C_LEVEL], "★"));
		if (rank) {
			snprintf(want, sizeof want, "★%d", rank);
			ck_assert_ptr_nonnull(strstr(sh->cells[r][C_LEVEL], want));
		}
		snprintf(want, sizeof want, "%s %s", scsec_category_id(top),
		         scsec_category_title(top, NULL));
		ck_assert_str_eq(sh->cells[r][C_CATEGORY], want);
		snprintf(want, sizeof want, "%s %s", scsec_requirement_id(rq),
		         scsec_requirement_name(rq, NULL));
		ck_assert_str_eq(sh->cells[r][C_REQUIREMENT], want);
		ck_assert_str_eq(sh->cells[r][C_TEXT], scsec_criterion_text(cr, NULL));
		r++;
	}
	ck_assert_uint_eq(r, sh->nrows);
}

START_TEST(csv_template_rank3)
{
	scsec_criteria *c = builtin();
	char *text;
	size_t len, crlf = 0, i;
	csvsheet *sh = template_of(c, 3, NULL, &text, &len);
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();

	/* Header, the pledge, the 81 criteria of ★3. */
	ck_assert_uint_eq(sh->nrows, 1 + 1 + 81);
	ck_assert(!memcmp(text, "\xef\xbb\xbfid,type,level,category,requirement,text,status,method,"
	                        "assessor,assessor_id,assessor_role,assessed_on,expires_on,planned_on,justification,"
	                        "artifact,note\r\n",
	                  strlen("\xef\xbb\xbfid,type,level,category,requirement,text,status,method,"
	                         "assessor,assessor_id,assessed_on,expires_on,justification,artifact,"
	                         "note\r\n")));
	for (i = 0; i + 1 < len; i++)
		crlf += text[i] == '\r' && text[i + 1] == '\n';
	ck_assert_uint_eq(crlf, 83);
	ck_assert(ends_with(text, "\r\n"));
	ck_assert_str_eq(sh->cells[1][C_ID], "management-pledge");
	ck_assert_str_eq(sh->cells[1][C_TYPE], "prerequisite");
	ck_assert_str_eq(sh->cells[1][C_LEVEL], "★3");
	ck_assert_str_eq(sh->cells[1][C_CATEGORY], "");
	ck_assert_str_eq(sh->cells[1][C_REQUIREMENT], "");
	ck_assert_str_eq(sh->cells[1][C_TEXT],
	                 scsec_prerequisite_title(scsec_criteria_prerequisite(c, "management-pledge"),
	                                          NULL));
	check_criterion_rows(c, sh, 2, 3);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 3)), 81);

	/* An untouched template imports as an empty record for the set. */
	ck_ok(scsec_evidence_import_csv_memory(&ev, text, len, "template.csv", c, NULL, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 0);
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(ev), scsec_criteria_fingerprint(c));
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	csv_free(sh);
	scsec_free(text);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(csv_template_rank0_and_rank4)
{
	scsec_criteria *c = builtin();
	char *text;
	size_t len;
	csvsheet *sh = template_of(c, 0, NULL, &text, &len);

	/* Every prerequisite and every criterion. */
	ck_assert_uint_eq(sh->nrows, 1 + 1 + 153);
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 153);
	ck_assert_str_eq(sh->cells[1][C_ID], "management-pledge");
	check_criterion_rows(c, sh, 2, 0);
	csv_free(sh);
	scsec_free(text);

	/* ★4 lists its 153 criteria; it requires no prerequisite itself. */
	sh = template_of(c, 4, NULL, &text, &len);
	ck_assert_uint_eq(sh->nrows, 1 + 153);
	check_criterion_rows(c, sh, 1, 4);
	csv_free(sh);
	scsec_free(text);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(csv_template_language_and_rank_checks)
{
	scsec_criteria *c = builtin();
	char *text = (char *)&text;
	size_t len = 7;
	csvsheet *sh = template_of(c, 3, "ja", &text, &len);
	const scsec_category *top;

	top = scsec_requirement_category(scsec_criterion_requirement(
	        scsec_criteria_criterion(c, sh->cells[2][C_ID])));
	while (scsec_category_parent(top))
		top = scsec_category_parent(top);
	ck_assert_ptr_nonnull(strstr(sh->cells[2][C_CATEGORY], scsec_category_title(top, "ja")));
	ck_assert_str_ne(scsec_category_title(top, "ja"), scsec_category_title(top, "en"));
	csv_free(sh);
	scsec_free(text);

	/* A rank the set has not. */
	text = (char *)&text;
	ck_assert_int_eq(scsec_criteria_template_csv(&text, &len, c, 5, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(text);
	text = (char *)&text;
	ck_assert_int_eq(scsec_criteria_template_csv(&text, NULL, c, -1, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(text);
	/* size may be NULL. */
	ck_ok(scsec_criteria_template_csv(&text, NULL, c, 3, NULL));
	scsec_free(text);
	scsec_criteria_free(c);
}
END_TEST

/* The sheet a spreadsheet program saved: BOM, CRLF, a quoted justification
 * over lines, shuffled and extra columns, Japanese tokens, padded cells.
 * It holds the answers of valid-full.xml. */
START_TEST(csv_import_spreadsheet)
{
	size_t len;
	char *raw = test_read_file(fx("sheet-spreadsheet.csv"), &len), *x;
	char *full = test_read_file(fx("valid-full.xml"), NULL);
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev;
	const scsec_entry *e;
	const char *uri, *sha;

	/* The bytes are what a spreadsheet program writes. */
	ck_assert(!memcmp(raw, "\xef\xbb\xbfID,", 6));
	ck_assert_ptr_nonnull(strstr(raw, "★3\r\n1-2-1-1,"));
	ck_assert_ptr_nonnull(strstr(raw, "head office.\nThe Himeji"));
	ck_assert_ptr_nonnull(strstr(raw, "e8f9\r\nfile:himeji"));

	ev = import_fx("sheet-spreadsheet.csv", d);
	ck_assert_msg(scsec_diagnostics_count(d) == 0, "unexpected:%s", dump(d));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 6);
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-3")); /* unanswered: no entry */
	ck_assert_str_eq(scsec_evidence_criteria_id(ev), "meti-sc-2026-03");
	ck_assert_str_eq(scsec_evidence_criteria_version(ev), "2026.03");
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(ev), METI_FP);
	ck_assert_ptr_null(scsec_evidence_subject_name(ev));
	ck_assert_ptr_null(scsec_evidence_created(ev));
	ck_assert_ptr_null(scsec_evidence_tool(ev));

	e = scsec_evidence_entry(ev, "1-2-1-2");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_PARTIAL);          /* " 一部実施 " */
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_EXPERT_REVIEWED); /* 専門家確認 */
	ck_assert_str_eq(scsec_entry_justification(e), "The contact list covers the head office.\n"
	                                               "The Himeji plant list is still being compiled.");
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 0));
	ck_assert_str_eq(uri, "https://intranet.kansai-pp.example/security/contacts.xlsx");
	ck_assert_str_eq(sha, DIGEST_2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 1));
	ck_assert_str_eq(uri, "file:himeji-draft.docx");
	ck_assert_ptr_null(sha);
	e = scsec_evidence_entry(ev, "1-2-1-1");
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_SELF); /* 自己評価 */
	ck_ok(scsec_entry_artifact_get(NULL, &sha, e, 0));
	ck_assert_str_eq(sha, DIGEST_1); /* upper case in the sheet */
	ck_assert_str_eq(scsec_entry_note(e), "Reviewed at the March board meeting.");
	e = scsec_evidence_entry(ev, "1-3-1-2");
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_THIRD_PARTY); /* 第三者評価 */
	ck_assert_str_eq(scsec_entry_note(e), "Certificate \"JAB-2026-77\" attached.");
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-3-1-1")), SCSEC_STATUS_NOT_MET);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-3-1")),
	                 SCSEC_STATUS_NOT_APPLICABLE);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "management-pledge")),
	                 SCSEC_STATUS_MET);

	/* With what a sheet does not carry added, it is valid-full.xml. */
	set_sheetless_parts(ev);
	x = canon(ev);
	ck_assert_str_eq(x, full);
	scsec_free(x);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	free(raw);
	free(full);
}
END_TEST

/* One rejection, alone in its sheet. */
static void reject_one(const char *name, int code, const char *id, unsigned long row,
                       unsigned long col)
{
	scsec_diagnostics *d = import_fx_bad(name, code);

	ck_assert_msg(scsec_diagnostics_count(d) == 1, "%s: want one diagnostic:%s", name, dump(d));
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, code, id, name, row, col);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), code);
	ck_assert(ends_with(scsec_error_file(scsec_error_last()), name));
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), row);
	ck_assert_uint_eq(scsec_error_column(scsec_error_last()), col);
	scsec_diagnostics_free(d);
}

START_TEST(csv_reject_unknown_status)
{
	/* Row 3, column 1 (status comes first in this sheet). */
	reject_one("sheet-bad-status.csv", SCSEC_EINVALID, "1-2-1-2", 3, 1);
}
END_TEST

START_TEST(csv_reject_unknown_method)
{
	reject_one("sheet-bad-method.csv", SCSEC_EINVALID, "1-2-1-2", 3, 4);
}
END_TEST

START_TEST(csv_reject_bad_date)
{
	scsec_diagnostics *d;

	/* 03/02/2026: the 3rd of February or the 2nd of March? */
	reject_one("sheet-bad-date.csv", SCSEC_EDATE, "1-2-1-1", 2, 5);
	d = import_fx_bad("sheet-bad-date.csv", SCSEC_EDATE);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
	                             "'03/02/2026' of '1-2-1-1' is ambiguous"));
	scsec_diagnostics_free(d);
}
END_TEST


/* Answer marks as people type them, from the set's data (issue 14). */
START_TEST(csv_answer_marks)
{
	static const char sheet[] = "id,status,justification\r\n"
	                            "1-2-1-1,○,\r\n"
	                            "1-2-1-2,△,\r\n"
	                            "1-2-1-3,✖,\r\n"
	                            "1-2-1-4,×,\r\n"
	                            "1-2-2-1,✕,\r\n"
	                            "1-2-2-2,－,not ours\r\n"
	                            "1-2-3-1,対象外,not ours\r\n"
	                            "1-1-1-1,該当なし,not ours\r\n"
	                            "1-1-1-2,達成,\r\n"
	                            "1-1-1-3,一部達成,\r\n"
	                            "1-2-3-2, 未達成 ,\r\n"
	                            "2-1-1-1,not-met,\r\n";
	static const struct { const char *id; scsec_status st; } want[] = {
		{ "1-2-1-1", SCSEC_STATUS_MET },     { "1-2-1-2", SCSEC_STATUS_PARTIAL },
		{ "1-2-1-3", SCSEC_STATUS_NOT_MET }, { "1-2-1-4", SCSEC_STATUS_NOT_MET },
		{ "1-2-2-1", SCSEC_STATUS_NOT_MET }, { "1-2-2-2", SCSEC_STATUS_NOT_APPLICABLE },
		{ "1-2-3-1", SCSEC_STATUS_NOT_APPLICABLE }, { "1-1-1-1", SCSEC_STATUS_NOT_APPLICABLE },
		{ "1-1-1-2", SCSEC_STATUS_MET },     { "1-1-1-3", SCSEC_STATUS_PARTIAL },
		{ "1-2-3-2", SCSEC_STATUS_NOT_MET }, { "2-1-1-1", SCSEC_STATUS_NOT_MET },
	};
	static const char other[] =
		"<?xml version=\"1.0\"?>\n"
		"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"t-m\" version=\"1\">\n"
		"  <title xml:lang=\"en\">M</title>\n"
		"  <answer-marks><mark status=\"partial\">○</mark></answer-marks>\n"
		"  <level rank=\"1\" label=\"L1\" method=\"self\" validity=\"P1Y\"/>\n"
		"  <category id=\"c1\"><title xml:lang=\"en\">C</title><requirement id=\"r1\">"
		"<name xml:lang=\"en\">R</name><criterion id=\"1-2-1-1\" level=\"1\">"
		"<text xml:lang=\"en\">X.</text></criterion><criterion id=\"1-2-1-2\" level=\"1\">"
		"<text xml:lang=\"en\">Y.</text></criterion></requirement></category>\n"
		"</criteria-set>\n";
	static const char two[] = "id,status\r\n1-2-1-1,○\r\n1-2-1-2,△\r\n";
	scsec_evidence *ev = NULL;
	scsec_criteria *c = NULL;
	scsec_diagnostics *d = diags_new();
	size_t i;

	ck_ok(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "m.csv", NULL, NULL, d));
	ck_assert_msg(scsec_diagnostics_count(d) == 0, "unexpected:%s", dump(d));
	for (i = 0; i < sizeof want / sizeof *want; i++) {
		const scsec_entry *e = scsec_evidence_entry(ev, want[i].id);

		ck_assert_msg(e != NULL, "%s", want[i].id);
		ck_assert_msg(scsec_entry_status(e) == want[i].st, "%s: %d", want[i].id,
		              (int)scsec_entry_status(e));
	}
	scsec_evidence_free(ev);
	/* Another set's marks mean what that set says; △ is none of them. */
	ck_ok(scsec_criteria_load_memory(&c, other, sizeof other - 1, "m.xml", NULL, NULL));
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, two, sizeof two - 1, "two.csv", c,
	                                                  NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-1-2", "two.csv", 3, 2);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
	                             "answer marks of 't-m'"));
	ck_ok(scsec_evidence_import_csv_memory(&ev, two, (size_t)(strstr(two, "1-2-1-2") - two),
	                                       "one.csv", c, NULL, NULL));
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")),
	                 SCSEC_STATUS_PARTIAL);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

/* Japanese Excel shows dates as 2026/4/1 and saves them so in CSV. */
START_TEST(csv_japanese_excel_dates)
{
	static const char sheet[] = "id,status,assessed_on,expires_on\r\n"
	                            "1-2-1-1,met,2026/4/1,2026/04/30\r\n"
	                            "1-2-1-2,met,2026/2/29,\r\n"
	                            "1-2-1-3,met,26/4/1,\r\n"
	                            "1-2-2-1,met,2026/4/1/1,\r\n";
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();
	scsec_date day;

	/* The first two rows alone import. */
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet,
	                                                  (size_t)(strstr(sheet, "1-2-1-2") - sheet),
	                                                  "d.csv", NULL, NULL, d),
	                 0);
	ck_assert_msg(scsec_diagnostics_count(d) == 0, "unexpected:%s", dump(d));
	ck_ok(scsec_date_from_ymd(&day, 2026, 4, 1));
	ck_assert_int_eq(scsec_entry_assessed_on(scsec_evidence_entry(ev, "1-2-1-1")), day);
	ck_ok(scsec_date_from_ymd(&day, 2026, 4, 30));
	ck_assert_int_eq(scsec_entry_expires_on(scsec_evidence_entry(ev, "1-2-1-1")), day);
	scsec_evidence_free(ev);
	/* A day that does not exist, a two-digit year, a fourth part: refused. */
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "d.csv", NULL,
	                                                  NULL, d),
	                 SCSEC_EDATE);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-2", "d.csv", 3, 3);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-3", "d.csv", 4, 3);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-2-1", "d.csv", 5, 3);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(csv_reject_impossible_date)
{
	reject_one("sheet-impossible-date.csv", SCSEC_EDATE, "1-2-1-2", 3, 5);
}
END_TEST

START_TEST(csv_reject_unknown_id)
{
	reject_one("sheet-unknown-id.csv", SCSEC_ENOTFOUND, "1-2-9-9", 2, 2);
}
END_TEST

START_TEST(csv_reject_duplicate_id)
{
	scsec_diagnostics *d;

	reject_one("sheet-duplicate-id.csv", SCSEC_EEXISTS, "1-2-1-1", 5, 3);
	d = import_fx_bad("sheet-duplicate-id.csv", SCSEC_EEXISTS);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)), "row 2"));
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(csv_reject_answer_without_id)
{
	reject_one("sheet-answer-without-id.csv", SCSEC_EINVALID, NULL, 3, 1);
}
END_TEST

START_TEST(csv_reject_bad_artifact)
{
	reject_one("sheet-bad-artifact.csv", SCSEC_EINVALID, "1-2-1-1", 2, 3);
}
END_TEST

START_TEST(csv_reject_text_after_digest)
{
	reject_one("sheet-artifact-trailing-text.csv", SCSEC_EINVALID, "1-2-1-1", 2, 4);
}
END_TEST

START_TEST(csv_reject_missing_columns)
{
	reject_one("sheet-no-status-column.csv", SCSEC_EINVALID, NULL, 1, 0);
	reject_one("sheet-no-id-column.csv", SCSEC_EINVALID, NULL, 1, 0);
}
END_TEST

START_TEST(csv_reject_malformed_csv)
{
	/* A quoted cell never closed: reported at the cell it opened. */
	reject_one("sheet-unclosed-quote.csv", SCSEC_EPARSE, NULL, 2, 3);
	/* A quote inside an unquoted cell. */
	reject_one("sheet-stray-quote.csv", SCSEC_EPARSE, NULL, 2, 4);
}
END_TEST

START_TEST(csv_reject_bad_encoding)
{
	/* Saved as Shift_JIS, read as UTF-8 because the options say so: the
	 * cell is not text. */
	scsec_load_options *o;
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev = NULL;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_ENCODING, SCSEC_ENCODING_UTF8));
	ck_assert_int_eq(scsec_evidence_import_csv(&ev, fx("sheet-shift-jis.csv"), NULL, o, d),
	                 SCSEC_EENCODING);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING, "1-2-1-1", "sheet-shift-jis.csv", 2, 2);
	scsec_diagnostics_free(d);
	scsec_load_options_free(o);
}
END_TEST

/* Row numbers are the rows a spreadsheet shows: an empty line is an empty
 * row, a cell over several lines is in one row. */
START_TEST(csv_rows_are_records)
{
	/* Cells over several text lines: still one row each. */
	static const char sheet[] = "id,justification,status\r\n"
	                            "1-2-3-1,\"No temporary staff.\r\nNone planned.\r\n\",該当なし\r\n"
	                            "1-2-1-1,\"a\nb\nc\nd\",済\r\n";
	scsec_evidence *ev = (scsec_evidence *)&ev;
	scsec_diagnostics *d = diags_new();

	reject_one("sheet-blank-lines.csv", SCSEC_ENOTFOUND, "1-2-9-9", 5, 1);
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "lines.csv",
	                                                  NULL, NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_ptr_null(ev);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-1-1", "lines.csv", 3, 3);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(csv_reject_many_problems)
{
	scsec_diagnostics *d = import_fx_bad("sheet-many.csv", SCSEC_EINVALID);

	ck_assert_uint_eq(scsec_diagnostics_count(d), 5);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-1-2", "sheet-many.csv", 3, 2);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-3", "sheet-many.csv", 4, 4);
	expect_diag(d, 2, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "1-2-9-9", "sheet-many.csv", 5, 1);
	expect_diag(d, 3, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, "1-2-1-1", "sheet-many.csv", 6, 1);
	expect_diag(d, 4, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-3-1", "sheet-many.csv", 7, 3);
	/* The first error is returned and recorded. */
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 3);
	ck_assert_uint_eq(scsec_error_column(scsec_error_last()), 2);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(csv_empty_and_header_only)
{
	scsec_diagnostics *d = import_fx_bad("sheet-empty.csv", SCSEC_EPARSE);
	scsec_evidence *ev;

	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL, "sheet-empty.csv", 0, 0);
	scsec_diagnostics_free(d);
	d = import_fx_bad("sheet-bom-only.csv", SCSEC_EPARSE);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL, "sheet-bom-only.csv", 0, 0);
	scsec_diagnostics_free(d);

	/* Only a BOM and line ends: no header row. */
	d = import_fx_bad("sheet-blank-only.csv", SCSEC_EPARSE);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL, "sheet-blank-only.csv", 1, 0);
	scsec_diagnostics_free(d);

	d = diags_new();
	ev = import_fx("sheet-header-only.csv", d);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 0);
	ck_assert_str_eq(scsec_evidence_criteria_id(ev), "meti-sc-2026-03");
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
}
END_TEST

/* An empty status means unanswered: no entry; a warning when other answer
 * cells are filled; blanks (U+3000 included) are empty. */
START_TEST(csv_empty_status_rule)
{
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev = import_fx("sheet-unanswered.csv", d);

	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 1);
	ck_assert_ptr_nonnull(scsec_evidence_entry(ev, "1-2-1-1"));
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-2"));
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-3"));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, "1-2-1-2", "sheet-unanswered.csv", 3,
	            4);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
	                             "unanswered"));
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
}
END_TEST

/* Header names are trimmed and compared without case; tokens are not. */
START_TEST(csv_header_names_and_exact_tokens)
{
	static const char ok[] = " ID ,\tStatus,METHOD,Assessed_On,Remarks\n"
	                         "1-2-1-1,met,self,2026-03-02,anything\n";
	static const char bad[] = "id,status,method\n1-2-1-1,Met,self\n1-2-1-2,met,Self\n";
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_evidence_import_csv_memory(&ev, ok, sizeof ok - 1, "ok.csv", NULL, NULL, d));
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_METHOD_SELF);
	ck_assert_int_eq(scsec_entry_assessed_on(scsec_evidence_entry(ev, "1-2-1-1")), D("2026-03-02"));
	scsec_evidence_free(ev);
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, bad, sizeof bad - 1, "bad.csv", NULL,
	                                                  NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_ptr_null(ev);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 2);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-1-1", "bad.csv", 2, 2);
	expect_diag(d, 1, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-1-2", "bad.csv", 3, 3);
	scsec_diagnostics_free(d);
}
END_TEST

/* IPA's own workbook with its answer column filled in: 評価基準No. is the
 * id, the answer column one of its names, the second header row and the
 * unanswered rows give nothing; an id column under two names is refused at
 * the second, and a header without an answer column lists its names. */
START_TEST(csv_ipa_workbook_headers)
{
	static const char ipa[] =
		"大分類No.,大分類,評価基準No.,評価基準,参照文献,,自己評価結果\n"
		",,,,ISO/IEC 27001:2022,自工会GL,\n"
		"1,ガバナンスの整備,1-2-1-1,x,A.5.1,No.1,○\n"
		",,1-2-1-2,y,A.5.2,No.2,\n"
		",,1-2-1-3,z,A.5.3,No.3,△\n";
	static const char two_ids[] = "id,status,評価基準No.\n1-2-1-1,met,1-2-1-1\n";
	static const char no_answer[] = "評価基準No.,評価基準\n1-2-1-1,x\n";
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_evidence_import_csv_memory(&ev, ipa, sizeof ipa - 1, "ipa.csv", NULL, NULL, d));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 2);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-3")),
	                 SCSEC_STATUS_PARTIAL);
	ck_assert_ptr_null(scsec_evidence_entry(ev, "1-2-1-2"));
	scsec_evidence_free(ev);
	scsec_diagnostics_clear(d);
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, two_ids, sizeof two_ids - 1,
	                                                  "two.csv", NULL, NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_ptr_null(ev);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL, "two.csv", 1, 3);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
	                             "a second 'id' column (the first is column 1)"));
	scsec_diagnostics_clear(d);
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, no_answer, sizeof no_answer - 1,
	                                                  "none.csv", NULL, NULL, d),
	                 SCSEC_EINVALID);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL, "none.csv", 1, 0);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(d, 0)),
	                             "no 'status' column (or 実施状況, 回答, 自己評価, 自己評価結果, "
	                             "評価結果, 対応状況, 達成状況)"));
	scsec_diagnostics_free(d);
}
END_TEST

/* LF, CR and CRLF row ends; the default set for NULL; a gzip-compressed
 * sheet; invalid text in a column that is not read. */
/* Issue 17 (projection): a planned completion date is read from CSV, XML
 * and JSON, written back by each, part of the fingerprint only when set,
 * and a bad date is refused at its cell or attribute. */
START_TEST(planned_on_forms)
{
	static const char csv[] = "id,status,assessed_on,planned_on\n"
	                          "1-2-1-1,not-met,2026-04-01,2026-09-30\n"
	                          "1-2-1-2,met,2026-04-01,\n";
	static const char bad_csv[] = "id,status,planned_on\n1-2-1-1,partial,2026-02-30\n";
	static const char bad_xml[] =
		"<evidence xmlns=\"urn:scsec:evidence:1\"><subject><name>X</name></subject>"
		"<criteria id=\"meti-sc-2026-03\" version=\"2026.03\"/>"
		"<entry id=\"1-2-1-1\" status=\"partial\" planned-on=\"2026-13-01\"/></evidence>";
	scsec_evidence *a = NULL, *b = NULL, *j = NULL, *plain = NULL;
	scsec_diagnostics *d = diags_new();
	char *xml = NULL, *json = NULL, *sheet = NULL, fa[SCSEC_FINGERPRINT_BUFSIZE],
	     fp[SCSEC_FINGERPRINT_BUFSIZE];
	scsec_entry *e = NULL;
	scsec_date want;
	size_t len, jlen, slen;

	ck_ok(scsec_date_parse(&want, "2026-09-30"));
	ck_ok(scsec_evidence_import_csv_memory(&a, csv, sizeof csv - 1, "plan.csv", NULL, NULL, NULL));
	ck_assert_int_eq(scsec_entry_planned_on(scsec_evidence_entry(a, "1-2-1-1")), want);
	ck_assert_int_eq(scsec_entry_planned_on(scsec_evidence_entry(a, "1-2-1-2")), SCSEC_DATE_NONE);
	ck_ok(scsec_evidence_write_memory(&xml, &len, a));
	ck_assert_ptr_nonnull(strstr(xml, " planned-on=\"2026-09-30\""));
	ck_assert_ptr_null(strstr(strstr(xml, "id=\"1-2-1-2\""), "planned-on"));
	ck_ok(scsec_evidence_load_memory(&b, xml, len, "plan.xml", NULL, NULL));
	assert_same_record(a, b);
	ck_ok(scsec_evidence_write_memory_as(&json, &jlen, a, SCSEC_FORMAT_JSON));
	ck_assert_ptr_nonnull(strstr(json, "\"planned_on\": \"2026-09-30\""));
	ck_ok(scsec_evidence_load_memory(&j, json, jlen, "plan.json", NULL, NULL));
	assert_same_record(a, j);
	ck_ok(scsec_evidence_export_csv(&sheet, &slen, a, NULL, 0, NULL));
	ck_assert_ptr_nonnull(strstr(sheet, ",2026-09-30,"));
	/* The date is evidence content: the fingerprint changes with it, and
	 * the record without it has the fingerprint it had before dates could
	 * be planned. */
	ck_ok(scsec_evidence_dup(&plain, a));
	ck_ok(scsec_entry_dup(&e, scsec_evidence_entry(a, "1-2-1-1")));
	ck_ok(scsec_entry_set_planned_on(e, SCSEC_DATE_NONE));
	ck_ok(scsec_evidence_replace(plain, e));
	ck_ok(scsec_evidence_fingerprint(fa, a));
	ck_ok(scsec_evidence_fingerprint(fp, plain));
	ck_assert_str_ne(fa, fp);
	scsec_free(xml);
	ck_ok(scsec_evidence_write_memory(&xml, &len, plain));
	ck_assert_ptr_null(strstr(xml, "planned-on"));
	/* Setter rules: NULL, a bad date, a frozen entry. */
	ck_assert_int_eq(scsec_entry_set_planned_on(NULL, want), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_entry_planned_on(NULL), SCSEC_DATE_NONE);
	ck_assert_int_eq(scsec_entry_set_planned_on((scsec_entry *)scsec_evidence_entry(a, "1-2-1-1"),
	                                            want),
	                 SCSEC_EBUSY);
	scsec_free(xml);
	scsec_free(json);
	scsec_free(sheet);
	scsec_evidence_free(a);
	scsec_evidence_free(b);
	scsec_evidence_free(j);
	scsec_evidence_free(plain);
	a = NULL;
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&a, bad_csv, sizeof bad_csv - 1, "bad.csv",
	                                                  NULL, NULL, d),
	                 SCSEC_EDATE);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, "1-2-1-1", "bad.csv", 2, 3);
	ck_assert_ptr_null(a);
	scsec_diagnostics_clear(d);
	ck_assert_int_eq(scsec_evidence_load_memory(&a, bad_xml, sizeof bad_xml - 1, "bad.xml", NULL, d),
	                 SCSEC_EDATE);
	ck_assert_ptr_null(a);
	scsec_diagnostics_free(d);
}
END_TEST

/* Issue 13.5: the assessor's role, in both forms and through a round trip;
 * a role that is not a token is refused at its cell or attribute. */
START_TEST(assessor_role_forms)
{
	static const char csv[] = "id,status,assessor,assessor_role,assessed_on\n"
	                          "management-pledge,met,Taro Suzuki,management,2026-04-01\n"
	                          "1-2-1-1,met,,,2026-04-01\n";
	static const char bad_csv[] = "id,status,assessor_role\nmanagement-pledge,met,the boss\n";
	static const char bad_xml[] =
		"<evidence xmlns=\"urn:scsec:evidence:1\"><subject><name>X</name></subject>"
		"<criteria id=\"meti-sc-2026-03\" version=\"2026.03\"/>"
		"<entry id=\"management-pledge\" status=\"met\">"
		"<assessor role=\"a b\">Taro</assessor></entry></evidence>";
	scsec_evidence *a = NULL, *b = NULL;
	scsec_diagnostics *d = diags_new();
	char *xml = NULL;
	size_t len;

	ck_ok(scsec_evidence_import_csv_memory(&a, csv, sizeof csv - 1, "role.csv", NULL, NULL, NULL));
	ck_assert_str_eq(scsec_entry_assessor_role(scsec_evidence_entry(a, "management-pledge")),
	                 "management");
	ck_assert_ptr_null(scsec_entry_assessor_role(scsec_evidence_entry(a, "1-2-1-1")));
	ck_ok(scsec_evidence_write_memory(&xml, &len, a));
	ck_assert_ptr_nonnull(strstr(xml, "<assessor role=\"management\">Taro Suzuki</assessor>"));
	ck_ok(scsec_evidence_load_memory(&b, xml, len, "role.xml", NULL, NULL));
	assert_same_record(a, b);
	scsec_free(xml);
	scsec_evidence_free(a);
	scsec_evidence_free(b);
	a = NULL;
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&a, bad_csv, sizeof bad_csv - 1, "bad.csv",
	                                                  NULL, NULL, d),
	                 SCSEC_EINVALID);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "management-pledge", "bad.csv", 2, 3);
	ck_assert_ptr_null(a);
	scsec_diagnostics_clear(d);
	ck_assert_int_ne(scsec_evidence_load_memory(&a, bad_xml, sizeof bad_xml - 1, "bad.xml", NULL, d),
	                 0);
	ck_assert_ptr_null(a);
	ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(csv_import_variants)
{
	static const char cr[] = "id,status\r1-2-1-1,met\r1-2-1-2,partial\r";
	static const char lf[] = "id,status\n1-2-1-1,met\n1-2-1-2,partial";
	static const char sjis_info[] = "id,status,remarks\n1-2-1-1,met,\x8e\xc0\x8e\x7b\n";
	scsec_evidence *a = NULL, *b = NULL, *g = NULL;
	char *dir = test_tmpdir_new("check_evidence"), path[4096];
	size_t len;
	char *raw = test_read_file(fx("sheet-spreadsheet.csv"), &len);
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_evidence_import_csv_memory(&a, cr, sizeof cr - 1, "cr.csv", NULL, NULL, NULL));
	ck_ok(scsec_evidence_import_csv_memory(&b, lf, sizeof lf - 1, "lf.csv", NULL, NULL, NULL));
	assert_same_record(a, b);
	ck_assert_uint_eq(scsec_evidence_entry_count(a), 2);
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(a), METI_FP);
	scsec_evidence_free(a);
	scsec_evidence_free(b);
	ck_ok(scsec_evidence_import_csv_memory(&a, sjis_info, sizeof sjis_info - 1, "info.csv", NULL,
	                                       NULL, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	scsec_evidence_free(a);

	join(path, sizeof path, dir, "answers.csv.gz");
	ck_ok(scsec_file_write(path, raw, len, SCSEC_WRITE_GZIP));
	ck_ok(scsec_evidence_import_csv(&g, path, NULL, NULL, d));
	a = import_fx("sheet-spreadsheet.csv", d);
	assert_same_record(a, g);
	scsec_evidence_free(a);
	scsec_evidence_free(g);
	scsec_diagnostics_free(d);
	free(raw);
	test_tmpdir_free(dir);
}
END_TEST

/* Ids are checked against the set passed in, which the record names. */
START_TEST(csv_import_other_set)
{
	static const char sheet[] = "id,status,justification\n"
	                            "pledge,met,\n"
	                            "K-1-1,not-applicable,No keys are used.\n"
	                            "1-2-1-1,met,\n";
	scsec_criteria *small = NULL;
	scsec_evidence *ev = (scsec_evidence *)&ev;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_criteria_load_file(&small, fx("criteria-small.xml"), NULL, NULL));
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "small.csv",
	                                                  small, NULL, d),
	                 SCSEC_ENOTFOUND);
	ck_assert_ptr_null(ev);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, "1-2-1-1", "small.csv", 4, 1);
	ck_ok(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1 - strlen("1-2-1-1,met,\n"),
	                                       "small.csv", small, NULL, NULL));
	ck_assert_str_eq(scsec_evidence_criteria_id(ev), "t-evidence-small");
	ck_assert_str_eq(scsec_evidence_criteria_fingerprint(ev), scsec_criteria_fingerprint(small));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 2);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	scsec_criteria_free(small);
}
END_TEST

START_TEST(csv_import_row_limit)
{
	static const char sheet[] = "id,status\n1-2-1-1,met\n1-2-1-2,met\n1-2-1-3,met\n";
	scsec_load_options *o = NULL;
	scsec_evidence *ev = (scsec_evidence *)&ev;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 3));
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "big.csv",
	                                                  NULL, o, d),
	                 SCSEC_ELIMIT);
	ck_assert_ptr_null(ev);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL, "big.csv", 4, 0);
	scsec_diagnostics_clear(d);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 20));
	ck_assert_int_eq(scsec_evidence_import_csv(&ev, fx("sheet-spreadsheet.csv"), NULL, o, d),
	                 SCSEC_ELIMIT);
	ck_assert_ptr_null(ev);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 1 << 20));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 4));
	ck_ok(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "big.csv", NULL, o,
	                                       NULL));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 3);
	scsec_evidence_free(ev);
	scsec_load_options_free(o);
	scsec_diagnostics_free(d);
}
END_TEST

/* Cells past the 1024th of a row are ignored like any column the import
 * does not know, and not kept: rows of a million empty cells (what a stray
 * fill of a whole spreadsheet row saves as) read as quickly as short ones.
 * Syntax errors past them are still reported at their column. */
START_TEST(csv_import_wide_rows)
{
	static const char head[] = "id,status\r\n";
	static const char tail[] = "\r\n1-2-1-2,partial\r\n";
	const size_t wide = 1000000;
	size_t len = 0;
	char *sheet = malloc(sizeof head + strlen("1-2-1-1,met") + 2 * (wide + 2) + sizeof tail);
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = diags_new();

	ck_assert_ptr_nonnull(sheet);
	/* An answered row, then a row of nothing but empty cells. */
	len += (size_t)sprintf(sheet + len, "%s1-2-1-1,met", head);
	memset(sheet + len, ',', wide);
	len += wide;
	len += (size_t)sprintf(sheet + len, "\r\n");
	memset(sheet + len, ',', wide);
	len += wide;
	len += (size_t)sprintf(sheet + len, "%s", tail);
	ck_ok(scsec_evidence_import_csv_memory(&ev, sheet, len, "wide.csv", NULL, NULL, d));
	ck_assert_msg(scsec_diagnostics_count(d) == 0, "%s", dump(d));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 2);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-2")),
	                 SCSEC_STATUS_PARTIAL);
	scsec_evidence_free(ev);

	/* A quote inside the unquoted 1501st cell. */
	len = (size_t)sprintf(sheet, "%s", head);
	memset(sheet + len, ',', 1500);
	len += 1500;
	len += (size_t)sprintf(sheet + len, "a\"b\r\n");
	ev = (scsec_evidence *)&ev;
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, len, "wide.csv", NULL, NULL, d),
	                 SCSEC_EPARSE);
	ck_assert_ptr_null(ev);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL, "wide.csv", 2, 1501);
	scsec_diagnostics_free(d);
	free(sheet);
}
END_TEST

/* BUG: a NUL byte inside a cell ends the cell silently: "met\0junk" is
 * read as "met". A NUL is a control character, which the import reports
 * (SCSEC_EENCODING, at the cell) for every other control character. */
START_TEST(csv_reject_nul_byte)
{
	reject_one("sheet-nul-byte.csv", SCSEC_EENCODING, "1-2-1-1", 2, 2);
}
END_TEST

/* A not-applicable justified by invisible characters only is not
 * justified, in XML, in CSV and through the API alike. */
START_TEST(blank_justification_everywhere)
{
	static const char *const blanks[] = { "\xc2\xa0", "\xe2\x80\x8b", "\xe2\x80\x83", "\xe3\x80\x80",
	                                      "\xef\xbb\xbf", "\xe2\x81\xa0", "\xe1\xa0\x8e",
	                                      " \xe3\x80\x80\xe2\x80\x8b\t" };
	scsec_criteria *c = builtin();
	size_t i;

	for (i = 0; i < sizeof blanks / sizeof *blanks; i++) {
		char xml[1024], csv[256];
		scsec_evidence *ev[3] = { NULL, NULL, NULL };
		scsec_entry *e;
		int k;

		snprintf(xml, sizeof xml,
		         "<evidence xmlns=\"urn:scsec:evidence:1\"><criteria id=\"meti-sc-2026-03\" "
		         "version=\"2026.03\"/><entry id=\"1-2-1-1\" status=\"not-applicable\" "
		         "method=\"self\" assessed-on=\"2026-04-01\"><justification>%s</justification>"
		         "</entry></evidence>",
		         blanks[i]);
		snprintf(csv, sizeof csv, "id,status,method,assessed_on,justification\n"
		                          "1-2-1-1,not-applicable,self,2026-04-01,\"%s\"\n", blanks[i]);
		ck_ok(scsec_evidence_load_memory(&ev[0], xml, strlen(xml), "b.xml", NULL, NULL));
		ck_ok(scsec_evidence_import_csv_memory(&ev[1], csv, strlen(csv), "b.csv", c, NULL, NULL));
		ck_ok(scsec_evidence_new(&ev[2], c));
		ck_ok(scsec_entry_new(&e, "1-2-1-1"));
		ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_NOT_APPLICABLE));
		ck_ok(scsec_entry_set_justification(e, blanks[i]));
		ck_ok(scsec_evidence_add(ev[2], e));
		for (k = 0; k < 3; k++) {
			scsec_diagnostics *d = diags_new();

			ck_assert_msg(!scsec_entry_justification(scsec_evidence_entry(ev[k], "1-2-1-1")),
			              "blank %zu, form %d: a justification", i, k);
			ck_assert_int_eq(scsec_evidence_check(ev[k], c, d), SCSEC_EINVALID);
			ck_assert_ptr_nonnull(strstr(dump(d), "not-applicable without a justification"));
			scsec_diagnostics_free(d);
			scsec_evidence_free(ev[k]);
		}
	}
	scsec_criteria_free(c);
}
END_TEST

/* A structure problem is the structure stage's alone: reported once, by
 * libxml2's validator or by the structure rules, and the document is not
 * read further (no second message from the reader). */
START_TEST(structure_reported_once)
{
	static const struct {
		const char *doc;
		int evidence;
	} docs[] = {
		{ "<evidence xmlns=\"urn:scsec:evidence:1\"><entry id=\"1-2-1-1\"><score/></entry>"
		  "</evidence>", 1 },
		{ "<evidence xmlns=\"urn:scsec:evidence:1\"><bogus/><entry id=\"x\"/></evidence>", 1 },
		{ "<evidence xmlns=\"urn:scsec:evidence:1\"><entry id=\"1\"/><subject/></evidence>", 1 },
		{ "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"s\" version=\"1\"><title "
		  "xml:lang=\"en\">t</title><level rank=\"1\" label=\"L\" method=\"self\" "
		  "validity=\"P1Y\"/><category id=\"c\"><title xml:lang=\"en\">c</title></category>"
		  "</criteria-set>", 0 },
		{ "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"s\" version=\"1\"><title "
		  "xml:lang=\"en\">t</title><level rank=\"1\" label=\"L\" method=\"self\" "
		  "validity=\"P1Y\"/><category id=\"c\"><title xml:lang=\"en\">c</title><requirement "
		  "id=\"r\"><name xml:lang=\"en\">r</name><criterion id=\"c1\" level=\"1\"><text "
		  "xml:lang=\"en\">x</text></criterion></requirement><category id=\"d\"><title "
		  "xml:lang=\"en\">d</title><requirement id=\"r2\"><name xml:lang=\"en\">r</name>"
		  "<criterion id=\"c2\" level=\"1\"><text xml:lang=\"en\">x</text></criterion>"
		  "</requirement></category></category></criteria-set>", 0 },
		{ "<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"s\" version=\"1\"><level rank=\"1\" "
		  "label=\"L\" method=\"self\" validity=\"P1Y\"/><oops/></criteria-set>", 0 },
	};
	size_t i;
	int mode;

	for (i = 0; i < sizeof docs / sizeof *docs; i++) {
		for (mode = 0; mode < 2; mode++) {
			scsec_load_options *o;
			scsec_diagnostics *d = diags_new();
			size_t n = strlen(docs[i].doc);
			int rc;

			ck_ok(scsec_load_options_new(&o));
			ck_ok(scsec_load_options_set(o, SCSEC_LOAD_SCHEMA_VALIDATION,
			                             mode ? SCSEC_SCHEMA_ALWAYS : SCSEC_SCHEMA_NEVER));
			if (docs[i].evidence) {
				scsec_evidence *ev = NULL;

				rc = scsec_evidence_load_memory(&ev, docs[i].doc, n, "s.xml", o, d);
				scsec_evidence_free(ev);
			} else {
				scsec_criteria *c = NULL;

				rc = scsec_criteria_load_memory(&c, docs[i].doc, n, "s.xml", o, d);
				scsec_criteria_free(c);
			}
			ck_assert_int_eq(rc, SCSEC_ESCHEMA);
			/* The last has three problems; the validator may stop at the first
			 * of an element's content. */
			ck_assert_msg(i < 5 ? scsec_diagnostics_count(d) == 1
			                    : mode ? scsec_diagnostics_count(d) >= 1
			                           : scsec_diagnostics_count(d) == 3,
			              "document %zu, %s: %s", i, mode ? "validator" : "rules", dump(d));
			scsec_diagnostics_free(d);
			scsec_load_options_free(o);
		}
	}
}
END_TEST

/* scsec_document_validate_*() on a record naming a built-in set in another
 * case (which evaluation refuses) gives an error, and on a record of a set
 * it does not have, a warning that its entries were not checked. */
START_TEST(validate_names_the_set_exactly)
{
	char *xml = test_read_file(fx("valid-full.xml"), NULL), *p;
	scsec_diagnostics *d = diags_new();
	scsec_document_kind kind;

	ck_assert_ptr_nonnull(p = strstr(xml, "id=\"meti-sc-2026-03\""));
	memcpy(p + 4, "METI", 4);
	ck_assert_int_eq(scsec_document_validate_memory(&kind, xml, strlen(xml), "w.xml", NULL, d),
	                 SCSEC_EMISMATCH);
	ck_assert_int_eq(kind, SCSEC_DOCUMENT_EVIDENCE);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 1);
	ck_assert_ptr_nonnull(strstr(dump(d), "'METI-sc-2026-03', which is not 'meti-sc-2026-03'"));
	scsec_diagnostics_clear(d);
	memcpy(p + 4, "acme", 4);
	ck_ok(scsec_document_validate_memory(&kind, xml, strlen(xml), "w.xml", NULL, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	ck_assert_int_eq(scsec_diagnostic_severity(scsec_diagnostics_at(d, 0)), SCSEC_SEVERITY_WARNING);
	ck_assert_ptr_nonnull(strstr(dump(d), "were not checked"));
	scsec_diagnostics_free(d);
	free(xml);
}
END_TEST

/* The kind of a file is found from its content, not its name, and
 * scsec_evidence_load_any() reads either form by it. */
START_TEST(load_any_by_content)
{
	static const char csv[] = "id,status\r\n1-2-1-1,met\r\n";
	static const char json[] = "{\"format\": \"scsec-evidence-1\", \"entries\": "
	                           "[{\"id\": \"1-2-1-1\", \"status\": \"met\"}]}";
	char *dir = test_tmpdir_new("any"), p[4096], wide[256];
	char *xml = test_read_file(fx("valid-full.xml"), NULL);
	char *set = test_read_file(fx("criteria-small.xml"), NULL);
	static const struct {
		const char *name;
		scsec_file_kind kind;
		int rc;
	} files[] = {
		{ "sheet.txt", SCSEC_FILE_SHEET, 0 },        { "record.csv", SCSEC_FILE_EVIDENCE, 0 },
		{ "sheet.dat", SCSEC_FILE_SHEET, 0 },        { "record", SCSEC_FILE_EVIDENCE, 0 },
		{ "unicode.txt", SCSEC_FILE_SHEET, 0 },      { "set.csv", SCSEC_FILE_CRITERIA, SCSEC_EINVALID },
		{ "book.csv", SCSEC_FILE_ZIP, SCSEC_EPARSE }, { "data.csv", SCSEC_FILE_JSON, SCSEC_EVERSION },
		{ "record-json.csv", SCSEC_FILE_EVIDENCE, 0 },
		{ "empty.csv", SCSEC_FILE_UNKNOWN, SCSEC_EPARSE },
		{ "other.xml", SCSEC_FILE_XML, SCSEC_EVERSION },
	};
	size_t i, n = 0;
	const char *q;

	/* UTF-16LE with a BOM, tab-separated. */
	wide[n++] = '\xff';
	wide[n++] = '\xfe';
	for (q = "id\tstatus\r\n1-2-1-1\tmet\r\n"; *q; q++) {
		wide[n++] = *q;
		wide[n++] = '\0';
	}
#define AT(name) (snprintf(p, sizeof p, "%s/%s", dir, (name)), p)
	test_write_file(AT("sheet.txt"), csv, sizeof csv - 1);
	test_write_file(AT("record.csv"), xml, strlen(xml));
	ck_ok(scsec_file_write(AT("sheet.dat"), csv, sizeof csv - 1, SCSEC_WRITE_GZIP));
	ck_ok(scsec_file_write(AT("record"), xml, strlen(xml), SCSEC_WRITE_GZIP));
	test_write_file(AT("unicode.txt"), wide, n);
	test_write_file(AT("set.csv"), set, strlen(set));
	test_write_file(AT("book.csv"), "PK\x03\x04\x14\0\0\0", 8);
	test_write_file(AT("data.csv"), "{\"id\": 1}", 9);
	test_write_file(AT("record-json.csv"), json, strlen(json));
	test_write_file(AT("empty.csv"), "", 0);
	test_write_file(AT("other.xml"), "<x xmlns=\"urn:other\"/>", 22);
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		scsec_diagnostics *d = diags_new();
		scsec_evidence *ev = NULL;
		scsec_file_kind kind = (scsec_file_kind)-1;

		ck_ok(scsec_file_detect(&kind, AT(files[i].name), NULL));
		ck_assert_msg(kind == files[i].kind, "%s: %s, want %s", files[i].name,
		              scsec_file_kind_name(kind), scsec_file_kind_name(files[i].kind));
		ck_assert_msg(scsec_evidence_load_any(&ev, p, NULL, NULL, d) == files[i].rc,
		              "%s:%s", files[i].name, dump(d));
		if (files[i].rc) {
			ck_assert_ptr_null(ev);
			ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
		} else {
			ck_assert_ptr_nonnull(scsec_evidence_entry(ev, "1-2-1-1"));
		}
		scsec_evidence_free(ev);
		scsec_diagnostics_free(d);
	}
	{
		scsec_file_kind k;

		ck_ok(scsec_file_detect_memory(&k, csv, sizeof csv - 1, NULL));
		ck_assert_int_eq(k, SCSEC_FILE_SHEET);
		ck_assert_int_eq(scsec_file_detect(&k, AT("missing"), NULL), SCSEC_EIO);
	}
	ck_assert_str_eq(scsec_file_kind_name((scsec_file_kind)99), "unknown");
#undef AT
	free(xml);
	free(set);
	test_tmpdir_free(dir);
}
END_TEST

/* Nothing the library does prints to the process's stderr: hostile XML
 * that makes libxml2 talk (foreign encodings, EBCDIC, conversion errors,
 * XML 1.1, relative namespaces, schema violations under the validator)
 * goes to the diagnostics or nowhere. fd 2 is captured in a file. */
START_TEST(nothing_on_stderr)
{
	static const char *const docs[] = {
		"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<evidence xmlns=\"urn:scsec:evidence:1\"/>",
		"<?xml version=\"1.0\" encoding=\"EBCDIC-US\"?>\n<evidence xmlns=\"urn:scsec:evidence:1\"/>",
		"<?xml version='1.0' encoding='ISO-8859-1'?><evidence xmlns='urn:scsec:evidence:1'/>",
		"\x4c\x6f\xa7\x94\x93\x40\xa5\x85\x99\xa2\x89\x96\x95\x7e",
		"<?xml version=\"1.1\"?><evidence xmlns=\"urn:scsec:evidence:1\"/>",
		"<evidence xmlns=\"urn:scsec:evidence:1\" xmlns:a=\"rel/ative\"><a:x/></evidence>",
		"<evidence xmlns=\"urn:scsec:evidence:1\"><entry id=\"1\" status=\"\xff\"/></evidence>",
		"<evidence xmlns=\"urn:scsec:evidence:1\"><entry/><bogus/>&undefined;</evidence>",
		"<!DOCTYPE x [<!ENTITY a \"b\">]><evidence xmlns=\"urn:scsec:evidence:1\"/>",
		"<evidence xmlns=\"urn:scsec:evidence:1\"><entry id=\"1-2-1-1\" status=\"met\" "
		"assessed-on=\"2026-13-01\"/></evidence>",
		"<criteria-set xmlns=\"urn:scsec:criteria:1\"><level/></criteria-set>",
		"<result xmlns=\"urn:scsec:result:1\"><x/></result>",
		"<?xml version=\"1.0\" encoding=\"UTF-16\"?><evidence xmlns=\"urn:scsec:evidence:1\"/>",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00",
	};
	char *dir = test_tmpdir_new("stderr"), path[4096];
	scsec_load_options *always;
	int fd, saved;
	size_t i;
	struct stat st;

	snprintf(path, sizeof path, "%s/stderr", dir);
	ck_ok(scsec_load_options_new(&always));
	ck_ok(scsec_load_options_set(always, SCSEC_LOAD_SCHEMA_VALIDATION, SCSEC_SCHEMA_ALWAYS));
	fflush(stderr);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	saved = dup(2);
	ck_assert_int_ge(saved, 0);
	ck_assert_int_eq(dup2(fd, 2), 2);
	for (i = 0; i < sizeof docs / sizeof *docs; i++) {
		scsec_evidence *ev = NULL;
		scsec_criteria *c = NULL;
		scsec_document_kind kind;
		size_t n = strlen(docs[i]);
		int o;

		for (o = 0; o < 2; o++) {
			const scsec_load_options *opts = o ? always : NULL;
			scsec_diagnostics *d = diags_new();

			scsec_evidence_load_memory(&ev, docs[i], n, "x.xml", opts, d);
			scsec_evidence_free(ev);
			scsec_criteria_load_memory(&c, docs[i], n, "x.xml", opts, d);
			scsec_criteria_free(c);
			scsec_document_validate_memory(&kind, docs[i], n, "x.xml", opts, d);
			scsec_evidence_import_csv_memory(&ev, docs[i], n, "x.csv", NULL, opts, d);
			scsec_evidence_free(ev);
			scsec_diagnostics_free(d);
		}
	}
	fflush(stderr);
	ck_assert_int_eq(dup2(saved, 2), 2);
	close(saved);
	close(fd);
	ck_assert_int_eq(stat(path, &st), 0);
	if (st.st_size) {
		char *out = test_read_file(path, NULL);

		ck_abort_msg("the library wrote to stderr: %s", out);
	}
	scsec_load_options_free(always);
	unlink(path);
	test_tmpdir_free(dir);
}
END_TEST

/* Non-zero when s is well-formed UTF-8 (an oracle of its own: no library
 * code). */
static int valid_utf8(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	while (*s) {
		int n = *s < 0x80 ? 0 : *s >= 0xc2 && *s <= 0xdf ? 1 : *s >= 0xe0 && *s <= 0xef ? 2
		        : *s >= 0xf0 && *s <= 0xf4 ? 3 : -1, i;

		if (n < 0)
			return 0;
		for (i = 1; i <= n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return 0;
		s += n + 1;
	}
	return 1;
}

/* A value cut for a message is cut between characters, in the diagnostic
 * and in the thread's error record. */
START_TEST(messages_cut_at_characters)
{
	static const char sheet[] = "id,status,assessed_on\n"
	                            "1-2-1-1,実施実施実施実施実施実施実施実施,2026-04-01\n"
	                            "1-2-1-2,met,二〇二六年四月一日二〇二六年四月一日\n";
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev = NULL;
	size_t i;

	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, sizeof sheet - 1, "m.csv", NULL,
	                                                  NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 2);
	for (i = 0; i < 2; i++)
		ck_assert_msg(valid_utf8(scsec_diagnostic_message(scsec_diagnostics_at(d, i))),
		              "diagnostic %zu is not UTF-8: %s", i,
		              scsec_diagnostic_message(scsec_diagnostics_at(d, i)));
	ck_assert(valid_utf8(scsec_error_message(scsec_error_last())));
	scsec_diagnostics_free(d);
}
END_TEST

/* A million bad rows give fifty diagnostics of that kind and one that
 * counts the rest, kept up to date. */
START_TEST(repeated_diagnostics_are_capped)
{
	size_t rows = 20000, i, n = 0;
	char *sheet = malloc(rows * 32 + 64);
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev = NULL;
	const scsec_diagnostic *last;

	ck_assert_ptr_nonnull(sheet);
	n += (size_t)sprintf(sheet, "id,status,method\n1-2-1-1,met,sometimes\n");
	for (i = 0; i < rows; i++)
		n += (size_t)sprintf(sheet + n, "x-%zu,maybe\n", i);
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&ev, sheet, n, "many.csv", NULL, NULL, d),
	                 SCSEC_EINVALID);
	/* The bad method, 50 unknown ids, the count of the others. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1 + SCSEC_REPEAT_SHOWN + 1);
	last = scsec_diagnostics_at(d, scsec_diagnostics_count(d) - 1);
	ck_assert_str_eq(scsec_diagnostic_message(last), "\xe2\x80\xa6 and 19,950 more like the one above");
	ck_assert_int_eq(scsec_diagnostic_code(last), SCSEC_ENOTFOUND);
	ck_assert_int_eq(scsec_diagnostic_severity(last), SCSEC_SEVERITY_ERROR);
	/* The summary stands for what it does not store: the totals a person
	 * is shown count every diagnostic found. */
	ck_assert_uint_eq(scsec_diagnostic_omitted(last), 19950);
	ck_assert_uint_eq(scsec_diagnostic_omitted(scsec_diagnostics_at(d, 0)), 0);
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 52);
	ck_assert_uint_eq(scsec_diagnostics_total(d, SCSEC_SEVERITY_ERROR), 1 + rows);
	ck_assert_uint_eq(scsec_diagnostics_total(d, SCSEC_SEVERITY_WARNING), 0);
	ck_assert_uint_eq(scsec_diagnostics_total(NULL, SCSEC_SEVERITY_ERROR), 0);
	ck_assert_uint_eq(scsec_diagnostic_omitted(NULL), 0);
	/* The first error is still the one returned. */
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 2);
	scsec_diagnostics_free(d);
	free(sheet);
}
END_TEST

/* Import sheet[0..len) with the default options; returns the code, the
 * record in *ev (or NULL). */
static int import_mem(scsec_evidence **ev, const char *sheet, size_t len, scsec_diagnostics *d,
                      const scsec_load_options *o)
{
	*ev = NULL;
	return scsec_evidence_import_csv_memory(ev, sheet, len, "s.csv", NULL, o, d);
}

/* DEL and C1 controls, a NUL at the start of every cell, a NUL in a header
 * cell: refused, each at its cell. */
START_TEST(csv_reject_hidden_controls)
{
	static const struct {
		const char *sheet;
		size_t len;
		unsigned long row, col;
	} cases[] = {
		{ "id,status,note\n1-2-1-1,met,a\x7f" "b\n", 0, 2, 3 },         /* DEL */
		{ "id,status,note\n1-2-1-1,met,a\xc2\x85" "b\n", 0, 2, 3 },     /* U+0085 NEL */
		{ "id,status,note\n1-2-1-1,met,\xc2\x9b" "31m\n", 0, 2, 3 },    /* U+009B CSI */
		{ "id,status\n\0" "1-2-1-1,\0met\n", 24, 2, 1 },                /* NUL-led cells */
		{ "id,status\0junk\n1-2-1-1,met\n", 27, 1, 2 },                 /* header status\0junk */
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		scsec_diagnostics *d = diags_new();
		scsec_evidence *ev;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].sheet);

		ck_assert_msg(import_mem(&ev, cases[i].sheet, len, d, NULL) == SCSEC_EENCODING,
		              "case %zu imported:%s", i, dump(d));
		ck_assert_ptr_null(ev);
		ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
		ck_assert_int_eq(scsec_diagnostic_code(scsec_diagnostics_at(d, 0)), SCSEC_EENCODING);
		ck_assert_uint_eq(scsec_diagnostic_line(scsec_diagnostics_at(d, 0)), cases[i].row);
		ck_assert_uint_eq(scsec_diagnostic_column(scsec_diagnostics_at(d, 0)), cases[i].col);
		scsec_diagnostics_free(d);
	}
}
END_TEST

/* The same characters in XML (which itself allows DEL and C1 controls),
 * whether raw or as character references, in text or in attributes, and
 * through the API: refused everywhere, so that a record says the same thing
 * in every format. The position is the element's, as for every element
 * diagnostic: where its start tag ends. */
START_TEST(xml_and_api_reject_hidden_controls)
{
	static const struct {
		const char *body;
		unsigned long line, col;
		const char *what;
	} cases[] = {
		{ "<justification>a\x7f" "b</justification>", 4, 19, "U+007F" },
		{ "<note>a&#x85;b</note>", 4, 10, "U+0085" },
		{ "<note>\xc2\x9b" "31m</note>", 4, 10, "U+009B" },
		{ "<assessor id=\"x&#127;\">A</assessor>", 4, 27, "U+007F" },
	};
	size_t i;
	scsec_entry *e;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		scsec_diagnostics *d = diags_new();
		scsec_evidence *ev = (scsec_evidence *)&ev;
		char doc[512];
		const scsec_diagnostic *g;

		snprintf(doc, sizeof doc,
		         "<?xml version=\"1.0\"?>\n"
		         "<evidence xmlns=\"urn:scsec:evidence:1\">\n"
		         "  <entry id=\"1-2-1-1\" status=\"met\">\n"
		         "    %s\n"
		         "  </entry>\n"
		         "</evidence>\n",
		         cases[i].body);
		ck_assert_msg(scsec_evidence_load_memory(&ev, doc, strlen(doc), "c.xml", NULL, d) ==
		                      SCSEC_EENCODING,
		              "case %zu loaded:%s", i, dump(d));
		ck_assert_ptr_null(ev);
		g = scsec_diagnostics_at(d, 0);
		ck_assert_int_eq(scsec_diagnostic_code(g), SCSEC_EENCODING);
		ck_assert_uint_eq(scsec_diagnostic_line(g), cases[i].line);
		ck_assert_uint_eq(scsec_diagnostic_column(g), cases[i].col);
		ck_assert_msg(strstr(scsec_diagnostic_message(g), cases[i].what), "case %zu: %s", i,
		              scsec_diagnostic_message(g));
		scsec_diagnostics_free(d);
	}
	ck_ok(scsec_entry_new(&e, "1-2-1-1"));
	ck_assert_int_eq(scsec_entry_set_justification(e, "a\x7f" "b"), SCSEC_EENCODING);
	ck_assert_int_eq(scsec_entry_set_note(e, "\xc2\x85"), SCSEC_EENCODING);
	ck_assert_int_eq(scsec_entry_set_assessor(e, "A\xc2\x9f", NULL), SCSEC_EENCODING);
	ck_assert_int_eq(scsec_entry_add_artifact(e, "file:a\x7f", NULL), SCSEC_EENCODING);
	ck_assert_ptr_null(scsec_entry_justification(e));
	ck_assert_ptr_null(scsec_entry_note(e));
	/* U+00A0 and above are text. */
	ck_ok(scsec_entry_set_note(e, "a\xc2\xa0" "b"));
	scsec_entry_free(e);
}
END_TEST

/* Japanese Excel's "CSV": Shift_JIS (CP932), found by a decoding trial. */
START_TEST(csv_reads_shift_jis)
{
	/* 実施 一部実施 専門家確認 ①, and a half-width katakana note. */
	static const char sheet[] = "id,status,method,note\r\n"
	                            "1-2-1-1,\x8e\xc0\x8e{,\x90\xea\x96\xe5\x89\xc6\x8am\x94\x46,\x87\x40\r\n"
	                            "1-2-1-2,\x88\xea\x95\x94\x8e\xc0\x8e{,,\xb1\xb2\r\n";
	scsec_diagnostics *d = diags_new();
	scsec_load_options *o;
	scsec_evidence *ev;

	ck_assert_msg(import_mem(&ev, sheet, sizeof sheet - 1, d, NULL) == 0, "%s", dump(d));
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(scsec_evidence_entry(ev, "1-2-1-1")),
	                 SCSEC_METHOD_EXPERT_REVIEWED);
	ck_assert_str_eq(scsec_entry_note(scsec_evidence_entry(ev, "1-2-1-1")), "①");
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-2")),
	                 SCSEC_STATUS_PARTIAL);
	ck_assert_str_eq(scsec_entry_note(scsec_evidence_entry(ev, "1-2-1-2")), "ｱｲ");
	scsec_evidence_free(ev);
	/* The file fixture, and the same when the encoding is named. */
	ck_assert_ptr_nonnull(ev = import_fx("sheet-shift-jis.csv", d));
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_STATUS_MET);
	scsec_evidence_free(ev);
	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_ENCODING, SCSEC_ENCODING_CP932));
	ck_assert_int_eq(import_mem(&ev, sheet, sizeof sheet - 1, d, o), 0);
	scsec_evidence_free(ev);
	/* UTF-8 text read as CP932 because the options say so: what it gives
	 * is no status. */
	ck_assert_int_eq(import_mem(&ev, "id,status\n1-2-1-1,実施\n", 22, d, o), SCSEC_EINVALID);
	scsec_load_options_free(o);
	scsec_diagnostics_free(d);
}
END_TEST

/* UTF-16 with a BOM, tab-separated: Excel's "Unicode text". Built here
 * from UTF-8 through iconv's sibling, by hand: every ASCII byte is
 * followed by a zero, and 実施 is U+5B9F U+65BD. */
static size_t utf16le(char *out, const char *ascii_with_marks)
{
	size_t n = 0;
	const char *p;

	out[n++] = '\xff';
	out[n++] = '\xfe';
	for (p = ascii_with_marks; *p; p++) {
		if (*p == '@') { /* 実施 */
			memcpy(out + n, "\x9f\x5b\xbd\x65", 4);
			n += 4;
			continue;
		}
		out[n++] = *p;
		out[n++] = '\0';
	}
	return n;
}

START_TEST(csv_reads_utf16_tab_separated)
{
	char buf[512], be[512];
	size_t n = utf16le(buf, "id\tstatus\tnote\r\n1-2-1-1\t@\t\"a, b\"\r\n1-2-1-2\tmet\t\r\n"), i;
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev;

	ck_assert_msg(import_mem(&ev, buf, n, d, NULL) == 0, "%s", dump(d));
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-1")), SCSEC_STATUS_MET);
	ck_assert_str_eq(scsec_entry_note(scsec_evidence_entry(ev, "1-2-1-1")), "a, b");
	ck_assert_int_eq(scsec_entry_status(scsec_evidence_entry(ev, "1-2-1-2")), SCSEC_STATUS_MET);
	scsec_evidence_free(ev);
	/* Big-endian, and without a BOM. */
	for (i = 0; i < n; i += 2) {
		be[i] = buf[i + 1];
		be[i + 1] = buf[i];
	}
	ck_assert_msg(import_mem(&ev, be, n, d, NULL) == 0, "%s", dump(d));
	scsec_evidence_free(ev);
	ck_assert_msg(import_mem(&ev, buf + 2, n - 2, d, NULL) == 0, "%s", dump(d));
	scsec_evidence_free(ev);
	/* Cut in the middle of a character. */
	ck_assert_int_eq(import_mem(&ev, buf, n - 1, d, NULL), SCSEC_EENCODING);
	ck_assert_ptr_nonnull(strstr(dump(d), "ends in the middle of a UTF-16LE character"));
	scsec_diagnostics_free(d);
}
END_TEST

/* A file that is plainly not a sheet says what it is, once. */
START_TEST(csv_not_a_sheet)
{
	static const struct {
		const char *data;
		size_t len;
		const char *says;
	} files[] = {
		{ "PK\x03\x04\x14\0\0\0", 8, "a zip archive but not a readable Excel workbook" },
		{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12,
		  "an encrypted or legacy .xls workbook" },
		{ "\n  <?xml version=\"1.0\"?><evidence/>", 35, "XML, not a CSV sheet" },
		{ "%PDF-1.7\n", 9, "a PDF document" },
	};
	size_t i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		scsec_diagnostics *d = diags_new();
		scsec_evidence *ev;

		ck_assert_int_eq(import_mem(&ev, files[i].data, files[i].len, d, NULL), SCSEC_EPARSE);
		ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
		ck_assert_msg(strstr(dump(d), files[i].says), "%zu:%s", i, dump(d));
		scsec_diagnostics_free(d);
	}
}
END_TEST

START_TEST(csv_reads_semicolons)
{
	static const char sheet[] = "id;status;note\n1-2-1-1;met;\"a; b, c\"\n";
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev;

	ck_assert_msg(import_mem(&ev, sheet, sizeof sheet - 1, d, NULL) == 0, "%s", dump(d));
	ck_assert_str_eq(scsec_entry_note(scsec_evidence_entry(ev, "1-2-1-1")), "a; b, c");
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
}
END_TEST

/* Bytes that are neither UTF-8 nor CP932: one error for the sheet, not one
 * per row. */
START_TEST(csv_reject_unknown_encoding)
{
	char sheet[8192];
	size_t n = 0, i;
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev;

	n += (size_t)sprintf(sheet, "id,status,note\n");
	for (i = 0; i < 200; i++) /* Latin-1 bytes, 0x80 and 0xA0 fit neither */
		n += (size_t)sprintf(sheet + n, "1-2-1-1,met,caf\xe9 \x80\xa0\n");
	ck_assert_int_eq(import_mem(&ev, sheet, n, d, NULL), SCSEC_EENCODING);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	ck_assert_ptr_nonnull(strstr(dump(d), "neither UTF-8 nor Shift_JIS (CP932)"));
	ck_assert_ptr_nonnull(strstr(dump(d), "near text line 2"));
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(encoding_names)
{
	scsec_encoding e;

	ck_ok(scsec_encoding_parse(&e, "Shift_JIS"));
	ck_assert_int_eq(e, SCSEC_ENCODING_CP932);
	ck_ok(scsec_encoding_parse(&e, "utf_16"));
	ck_assert_int_eq(e, SCSEC_ENCODING_UTF16LE);
	ck_ok(scsec_encoding_parse(&e, "UTF-8"));
	ck_assert_int_eq(e, SCSEC_ENCODING_UTF8);
	ck_assert_int_eq(scsec_encoding_parse(&e, "latin1"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_encoding_parse(&e, "utf-8-and-then-some-more"), SCSEC_EINVAL);
	ck_assert_str_eq(scsec_encoding_name(SCSEC_ENCODING_UTF16BE), "UTF-16BE");
	ck_assert_ptr_null(scsec_encoding_name((scsec_encoding)99));
	ck_assert_int_eq(scsec_load_options_set(NULL, SCSEC_LOAD_ENCODING, 1), SCSEC_EINVAL);
}
END_TEST

/* Artifact lines are split and trimmed by the one blank rule: an ideographic
 * space separates the digest, a line of invisible characters is no
 * artifact. */
START_TEST(csv_artifact_blanks)
{
	static const char sheet[] =
		"id,status,artifact\n"
		"1-2-1-1,met,\"\xe3\x80\x80https://a.example/x\xe3\x80\x80sha256:"
		"9F2C4E0B7A1D3C5E8F6A2B4D0C1E3F5A7B9D2C4E6F8A0B1C3D5E7F9A2B4C6D8E\xe2\x80\x83\n"
		"\xe2\x80\x8b\n"
		"\xc2\xa0" "file:b.pdf\"\n";
	scsec_diagnostics *d = diags_new();
	scsec_evidence *ev;
	const scsec_entry *e;
	const char *uri, *sha;

	ck_assert_msg(import_mem(&ev, sheet, sizeof sheet - 1, d, NULL) == 0, "%s", dump(d));
	e = scsec_evidence_entry(ev, "1-2-1-1");
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 0));
	ck_assert_str_eq(uri, "https://a.example/x");
	ck_assert_str_eq(sha, "9f2c4e0b7a1d3c5e8f6a2b4d0c1e3f5a7b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e");
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 1));
	ck_assert_str_eq(uri, "file:b.pdf");
	ck_assert_ptr_null(sha);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(csv_export_layout)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = load_fx("valid-full.xml");
	char *tpl, *out;
	size_t tlen, olen, r, k;
	csvsheet *t = template_of(c, 3, NULL, &tpl, &tlen), *x;

	ck_ok(scsec_evidence_export_csv(&out, &olen, ev, c, 3, NULL));
	ck_assert_uint_eq(olen, strlen(out));
	x = csv_read(out, olen);
	ck_assert(x->bom);
	/* The template's rows, informational cells and all, with answers. */
	ck_assert_uint_eq(x->nrows, t->nrows);
	for (r = 0; r < t->nrows; r++) {
		const scsec_entry *e = r ? scsec_evidence_entry(ev, t->cells[r][C_ID]) : NULL;

		ck_assert_uint_eq(x->ncells[r], 17);
		for (k = 0; k < (r ? C_STATUS : 16); k++)
			ck_assert_str_eq(x->cells[r][k], t->cells[r][k]);
		if (r && !e)
			for (k = C_STATUS; k < 16; k++)
				ck_assert_str_eq(x->cells[r][k], "");
	}
	for (r = 1; r < x->nrows; r++)
		if (!strcmp(x->cells[r][C_ID], "1-2-1-2"))
			break;
	ck_assert_uint_lt(r, x->nrows);
	ck_assert_str_eq(x->cells[r][C_STATUS], "partial");
	ck_assert_str_eq(x->cells[r][C_METHOD], "expert-reviewed");
	ck_assert_str_eq(x->cells[r][C_ASSESSOR], "Osaka Security Consulting K.K.");
	ck_assert_str_eq(x->cells[r][C_ASSESSOR_ID], "OSC-2026-118");
	ck_assert_str_eq(x->cells[r][C_ASSESSED_ON], "2026-03-05");
	ck_assert_str_eq(x->cells[r][C_EXPIRES_ON], "");
	ck_assert_str_eq(x->cells[r][C_JUSTIFICATION], "The contact list covers the head office.\n"
	                                               "The Himeji plant list is still being compiled.");
	ck_assert_str_eq(x->cells[r][C_ARTIFACT],
	                 "https://intranet.kansai-pp.example/security/contacts.xlsx sha256:" DIGEST_2
	                 "\nfile:himeji-draft.docx");
	ck_assert_str_eq(x->cells[r][C_NOTE], "");
	ck_assert_str_eq(x->cells[1][C_ID], "management-pledge");
	ck_assert_str_eq(x->cells[1][C_STATUS], "met");
	ck_assert_str_eq(x->cells[1][C_METHOD], "");
	ck_assert_str_eq(x->cells[1][C_ASSESSOR_ID], "CEO");
	/* Cells are quoted only when they must be. */
	ck_assert_ptr_nonnull(strstr(out, ",2026-03-02,2027-03-01,,,https://intranet.kansai-pp.example/"
	                                  "security/roles-2026.pdf sha256:" DIGEST_1
	                                  ",Reviewed at the March board meeting.\r\n"));
	ck_assert_ptr_nonnull(strstr(out, ",\"Certificate \"\"JAB-2026-77\"\" attached.\"\r\n"));
	csv_free(t);
	csv_free(x);
	scsec_free(tpl);
	scsec_free(out);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* No entry is left out: entries the layout has no row for come last, in
 * id order, with the informational cells empty. */
START_TEST(csv_export_extra_rows)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL;
	const scsec_criterion *only4 = NULL;
	char *out;
	size_t len, i;
	csvsheet *x;

	for (i = 0; i < scsec_criteria_criterion_count(c) && !only4; i++)
		if (!scsec_criterion_applies_at(scsec_criteria_criterion_at(c, i), 3))
			only4 = scsec_criteria_criterion_at(c, i);
	ck_assert_ptr_nonnull(only4);
	ck_ok(scsec_evidence_new(&ev, c));
	add(ev, entry("zz-9", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02"));
	add(ev, entry(scsec_criterion_id(only4), SCSEC_STATUS_NOT_MET, SCSEC_METHOD_THIRD_PARTY,
	              "2026-03-02"));
	add(ev, entry("1-2-1-1", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02"));

	ck_ok(scsec_evidence_export_csv(&out, &len, ev, c, 3, NULL));
	x = csv_read(out, len);
	ck_assert_uint_eq(x->nrows, 1 + 1 + 81 + 2);
	ck_assert_str_eq(x->cells[83][C_ID], scsec_criterion_id(only4));
	ck_assert_str_eq(x->cells[84][C_ID], "zz-9");
	for (i = C_TYPE; i < C_STATUS; i++) {
		ck_assert_str_eq(x->cells[83][i], "");
		ck_assert_str_eq(x->cells[84][i], "");
	}
	ck_assert_str_eq(x->cells[83][C_STATUS], "not-met");
	ck_assert_str_eq(x->cells[83][C_METHOD], "third-party");
	csv_free(x);
	scsec_free(out);

	/* With every criterion listed, only the unknown id is extra. */
	ck_ok(scsec_evidence_export_csv(&out, &len, ev, NULL, 0, NULL));
	x = csv_read(out, len);
	ck_assert_uint_eq(x->nrows, 1 + 1 + 153 + 1);
	ck_assert_str_eq(x->cells[155][C_ID], "zz-9");
	ck_assert_str_eq(x->cells[155][C_STATUS], "met");
	csv_free(x);
	scsec_free(out);

	out = (char *)&out;
	ck_assert_int_eq(scsec_evidence_export_csv(&out, &len, ev, c, 7, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(out);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

/* ================================================================ roundtrip */

/* import -> export -> import gives the same record, and exporting it again
 * the same bytes. */
START_TEST(roundtrip_csv_export_import)
{
	scsec_criteria *c = builtin();
	scsec_diagnostics *d = diags_new();
	scsec_evidence *first = import_fx("sheet-spreadsheet.csv", d), *second = NULL, *third = NULL;
	char *s1, *s2, *s3;
	size_t n1, n2, n3;
	int rank;

	for (rank = 0; rank <= 3; rank += 3) {
		ck_ok(scsec_evidence_export_csv(&s1, &n1, first, c, rank, NULL));
		ck_ok(scsec_evidence_import_csv_memory(&second, s1, n1, "export.csv", c, NULL, d));
		ck_assert_msg(scsec_diagnostics_count(d) == 0, "rank %d:%s", rank, dump(d));
		assert_same_record(first, second);
		ck_ok(scsec_evidence_export_csv(&s2, &n2, second, c, rank, NULL));
		ck_assert_uint_eq(n1, n2);
		ck_assert(memcmp(s1, s2, n1) == 0);
		/* Japanese informational texts do not change the answers. */
		ck_ok(scsec_evidence_export_csv(&s3, &n3, second, c, rank, "ja"));
		ck_ok(scsec_evidence_import_csv_memory(&third, s3, n3, "export-ja.csv", c, NULL, d));
		assert_same_record(first, third);
		scsec_free(s1);
		scsec_free(s2);
		scsec_free(s3);
		scsec_evidence_free(second);
		scsec_evidence_free(third);
	}
	scsec_evidence_free(first);
	scsec_diagnostics_free(d);
	scsec_criteria_free(c);
}
END_TEST

/* XML -> CSV -> XML: the entries come back byte for byte; the parts a sheet
 * does not carry are set again. */
START_TEST(roundtrip_xml_csv_xml)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = load_fx("valid-full.xml"), *back = NULL;
	char *sheet, *x, *full = test_read_file(fx("valid-full.xml"), NULL);
	size_t n;
	scsec_diagnostics *d = diags_new();

	ck_ok(scsec_evidence_export_csv(&sheet, &n, ev, c, 3, NULL));
	ck_ok(scsec_evidence_import_csv_memory(&back, sheet, n, "full.csv", c, NULL, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	set_sheetless_parts(back);
	x = canon(back);
	ck_assert_str_eq(x, full);
	scsec_free(x);
	scsec_free(sheet);
	scsec_evidence_free(back);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	scsec_criteria_free(c);
	free(full);
}
END_TEST

/* API -> XML -> API: the same canonical bytes and fingerprint. */
START_TEST(roundtrip_api_xml_api)
{
	scsec_evidence *ev = sample_record(), *back = NULL;
	char fa[SCSEC_FINGERPRINT_BUFSIZE], fb[SCSEC_FINGERPRINT_BUFSIZE], *x;
	size_t n;

	ck_ok(scsec_evidence_write_memory(&x, &n, ev));
	ck_ok(scsec_evidence_load_memory(&back, x, n, "api.xml", NULL, NULL));
	assert_same_record(ev, back);
	ck_ok(scsec_evidence_fingerprint(fa, ev));
	ck_ok(scsec_evidence_fingerprint(fb, back));
	ck_assert_str_eq(fa, fb);
	scsec_free(x);
	scsec_evidence_free(back);
	scsec_evidence_free(ev);
}
END_TEST

/* API -> CSV -> API with every status and method, texts that need quoting,
 * line breaks, non-ASCII, cells that look like formulas, several
 * artifacts, a criterion of another level and the prerequisite. */
START_TEST(roundtrip_api_csv_api)
{
	static const scsec_status st[] = { SCSEC_STATUS_MET, SCSEC_STATUS_PARTIAL,
		                           SCSEC_STATUS_NOT_MET, SCSEC_STATUS_NOT_APPLICABLE };
	static const char *const texts[] = {
		"plain", "a, b and c", "\"quoted\" and 'single'", "line one\nline two\n\nline four",
		"=HYPERLINK(\"http://x.invalid\")", "+81-6-0000-0000", "-", "関西精密部品\u3000本社",
		"tab\tinside", "semicolon; pipe | backslash \\",
	};
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL, *back = NULL, *xmlback = NULL;
	scsec_diagnostics *d = diags_new();
	char *sheet, *x;
	size_t n, i, k = 0;

	ck_ok(scsec_evidence_new(&ev, c));
	for (i = 0; i < scsec_criteria_criterion_count(c) && k < 40; i += 3, k++) {
		const char *id = scsec_criterion_id(scsec_criteria_criterion_at(c, i));
		scsec_entry *e = entry(id, st[k % 4], (scsec_method)(1 + k % 3), "2026-03-02");

		if (k % 5 == 0)
			ck_ok(scsec_entry_set_expires_on(e, D("2027-03-01")));
		if (k % 2)
			ck_ok(scsec_entry_set_assessor(e, texts[k % 10], k % 4 ? "RISS-000123" : NULL));
		else if (k % 3 == 0)
			ck_ok(scsec_entry_set_assessor(e, NULL, "Osaka Security Consulting K.K."));
		ck_ok(scsec_entry_set_justification(e, texts[(k + 3) % 10]));
		if (k % 3)
			ck_ok(scsec_entry_set_note(e, texts[(k + 7) % 10]));
		if (k % 4 == 1) {
			ck_ok(scsec_entry_add_artifact(e, "https://intranet.kansai-pp.example/a.pdf?v=2&x=1",
			                               DIGEST_1));
			ck_ok(scsec_entry_add_artifact(e, "file:///evidence/第2版.pdf", NULL));
			ck_ok(scsec_entry_add_artifact(e, "urn:uuid:9b6f3c1e-0000-4000-8000-000000000000",
			                               DIGEST_2));
		}
		add(ev, e);
	}
	add(ev, entry("management-pledge", SCSEC_STATUS_NOT_MET, SCSEC_METHOD_NONE, "2026-02-20"));

	for (i = 0; i <= 4; i += 3) {
		int rank = (int)i; /* 0 (all) and 3 (extra rows for ★4 criteria) */

		ck_ok(scsec_evidence_export_csv(&sheet, &n, ev, c, rank ? 3 : 0, NULL));
		ck_ok(scsec_evidence_import_csv_memory(&back, sheet, n, "api.csv", c, NULL, d));
		ck_assert_msg(scsec_diagnostics_count(d) == 0, "%s", dump(d));
		assert_same_record(ev, back);
		scsec_free(sheet);
		scsec_evidence_free(back);
	}
	/* And through XML too. */
	ck_ok(scsec_evidence_write_memory(&x, &n, ev));
	ck_ok(scsec_evidence_load_memory(&xmlback, x, n, "api.xml", NULL, NULL));
	assert_same_record(ev, xmlback);
	scsec_free(x);
	scsec_evidence_free(xmlback);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	scsec_criteria_free(c);
}
END_TEST

/* What a sheet cannot carry is documented: unanswered entries, ids of
 * other sets, blanks around texts. */
START_TEST(roundtrip_csv_documented_losses)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL, *back = NULL;
	scsec_diagnostics *d = diags_new();
	scsec_entry *e;
	char *sheet;
	size_t n;

	ck_ok(scsec_evidence_new(&ev, c));
	e = entry("1-2-1-1", SCSEC_STATUS_NONE, SCSEC_METHOD_NONE, NULL);
	ck_ok(scsec_entry_set_note(e, "Incident procedure in draft."));
	add(ev, e);
	e = entry("1-2-1-2", SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_entry_set_note(e, "  padded  "));
	add(ev, e);
	ck_ok(scsec_evidence_export_csv(&sheet, &n, ev, c, 3, NULL));
	/* The padded note is quoted so that it survives the sheet program. */
	ck_assert_ptr_nonnull(strstr(sheet, ",\"  padded  \"\r\n"));
	ck_ok(scsec_evidence_import_csv_memory(&back, sheet, n, "loss.csv", c, NULL, d));
	/* The unanswered entry comes back as none, with a warning. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, "1-2-1-1", "loss.csv", 3, 17);
	ck_assert_ptr_null(scsec_evidence_entry(back, "1-2-1-1"));
	ck_assert_str_eq(scsec_entry_note(scsec_evidence_entry(back, "1-2-1-2")), "padded");
	scsec_free(sheet);
	scsec_evidence_free(back);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	scsec_criteria_free(c);
}
END_TEST

/* Whitespace-only text is no text, set through the API as read from XML:
 * a blank justification justifies nothing, before and after a save. */
START_TEST(roundtrip_blank_text_is_no_text)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = NULL, *back = NULL;
	scsec_diagnostics *d = diags_new();
	scsec_entry *e;
	char *x, *y;

	ck_ok(scsec_evidence_new(&ev, c));
	e = entry("1-2-3-1", SCSEC_STATUS_NOT_APPLICABLE, SCSEC_METHOD_SELF, "2026-03-02");
	ck_ok(scsec_entry_set_justification(e, " \t\r\n "));
	ck_assert_ptr_null(scsec_entry_justification(e));
	ck_ok(scsec_entry_set_note(e, "   "));
	ck_assert_ptr_null(scsec_entry_note(e));
	ck_ok(scsec_entry_set_assessor(e, "  ", "\n"));
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_ptr_null(scsec_entry_assessor_id(e));
	add(ev, e);
	ck_ok(scsec_evidence_set_subject_name(ev, "  "));
	ck_assert_ptr_null(scsec_evidence_subject_name(ev));
	ck_assert_int_eq(scsec_evidence_check(ev, c, d), SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	expect_diag(d, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, "1-2-3-1", NULL, 0, 0);
	ck_ok(scsec_evidence_write_memory(&x, NULL, ev));
	ck_assert_ptr_null(strstr(x, "<justification"));
	ck_ok(scsec_evidence_load_memory(&back, x, strlen(x), "blank.xml", NULL, NULL));
	y = canon(back);
	ck_assert_str_eq(x, y);
	ck_assert_int_eq(scsec_evidence_check(back, c, NULL), SCSEC_EINVALID);
	scsec_free(x);
	scsec_free(y);
	scsec_evidence_free(back);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(d);
	scsec_criteria_free(c);
}
END_TEST

/* ===================================================================== save */

START_TEST(save_writes_and_replaces)
{
	char *dir = test_tmpdir_new("check_evidence"), path[4096], *got, *want;
	scsec_evidence *ev = sample_record(), *back = NULL;
	size_t n;
	struct stat st;

	join(path, sizeof path, dir, "record.xml");
	test_write_file(path, "old content\n", 12);
	ck_ok(scsec_evidence_save(ev, path, SCSEC_WRITE_DEFAULT));
	got = test_read_file(path, &n);
	want = canon(ev);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(n, strlen(want));
	ck_ok(scsec_evidence_load_file(&back, path, NULL, NULL));
	assert_same_record(ev, back);
	/* Only the file: no temporary left behind. */
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	/* The usual mode, not mkstemp's 0600. */
	ck_assert_int_eq(stat(path, &st), 0);
	{
		mode_t um = umask(0);

		umask(um);
		ck_assert_int_eq(st.st_mode & 0777, 0666 & ~um);
	}
	free(got);
	scsec_evidence_free(back);

	/* A path without a directory part: the current directory. */
	{
		char cwd[4096];

		ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
		ck_assert_int_eq(chdir(dir), 0);
		ck_ok(scsec_evidence_save(ev, "relative.xml", SCSEC_WRITE_DEFAULT));
		ck_assert_int_eq(chdir(cwd), 0);
	}
	join(path, sizeof path, dir, "relative.xml");
	got = test_read_file(path, &n);
	ck_assert_str_eq(got, want);
	/* A new file gets 0666 under the umask (not mkstemp's 0600). */
	ck_assert_int_eq(stat(path, &st), 0);
	{
		mode_t um = umask(0);

		umask(um);
		ck_assert_int_eq(st.st_mode & 0777, 0666 & ~um);
	}
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	free(got);
	scsec_free(want);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

/* A replaced file keeps its permission bits; a symbolic link is followed
 * (the file it names is replaced, the link stays). */
START_TEST(save_keeps_mode_and_follows_links)
{
	char *dir = test_tmpdir_new("check_evidence"), path[4096], link[4096], *got, *want;
	scsec_evidence *ev = sample_record();
	struct stat st;
	size_t n;

	join(path, sizeof path, dir, "record.xml");
	join(link, sizeof link, dir, "current.xml");
	test_write_file(path, "old\n", 4);
	ck_assert_int_eq(chmod(path, 0640), 0);
	ck_assert_int_eq(symlink("record.xml", link), 0);
	ck_ok(scsec_evidence_save(ev, link, SCSEC_WRITE_DEFAULT));
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	got = test_read_file(path, &n);
	want = canon(ev);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 2);
	free(got);
	scsec_free(want);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

/* BUG: a symbolic link whose file does not exist yet is replaced by a
 * regular file, instead of the file being created where the link points
 * (doc/evidence-format.md: "When PATH is a symbolic link, the file it
 * points to is replaced and the link stays"). */
START_TEST(save_dangling_link_keeps_link)
{
	char *dir = test_tmpdir_new("check_evidence"), path[4096], link[4096];
	scsec_evidence *ev = sample_record();
	struct stat st;
	int is_link, target_made, rc;

	join(path, sizeof path, dir, "record.xml");
	join(link, sizeof link, dir, "current.xml");
	ck_assert_int_eq(symlink("record.xml", link), 0);
	rc = scsec_evidence_save(ev, link, SCSEC_WRITE_DEFAULT);
	is_link = lstat(link, &st) == 0 && S_ISLNK(st.st_mode);
	target_made = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
	ck_assert_int_eq(rc, 0);
	ck_assert_msg(is_link && target_made,
	              "saving through a dangling link: the link %s, its target %s",
	              is_link ? "stays" : "was replaced by a regular file",
	              target_made ? "was created" : "was not created");
}
END_TEST

/* A target name of up to NAME_MAX bytes can be written: the temporary
 * beside it gets a shortened stem instead of a name too long for the
 * directory (it used to be the whole name plus ".tmp-XXXXXX"). */
START_TEST(save_long_file_names)
{
	static const size_t lengths[] = { 200, 244, 245, 250, 254, 255 };
	char *dir = test_tmpdir_new("check_evidence"), name[512], path[4096], *got;
	scsec_evidence *ev = sample_record();
	char *want = canon(ev);
	long name_max = pathconf(dir, _PC_NAME_MAX);
	size_t i, n, len;

	if (name_max != 255) {
		/* The lengths below are for the usual NAME_MAX. */
		scsec_free(want);
		scsec_evidence_free(ev);
		test_tmpdir_free(dir);
		return;
	}
	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		len = lengths[i];
		memset(name, 'a' + (int)i, len);
		memcpy(name + len - 4, ".xml", 5);
		join(path, sizeof path, dir, name);
		ck_assert_msg(scsec_evidence_save(ev, path, SCSEC_WRITE_DEFAULT) == 0,
		              "a %zu-byte name: %s", len, scsec_error_message(scsec_error_last()));
		got = test_read_file(path, &n);
		ck_assert_str_eq(got, want);
		free(got);
		/* Replacing it works too, and with gzip. */
		ck_assert_int_eq(scsec_file_write(path, "x", 1, SCSEC_WRITE_GZIP), 0);
		ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	}
	/* 255 bytes of three-byte characters: the shortened stem is still
	 * valid UTF-8 (the cut falls between characters). */
	for (len = 0; len + 3 <= 255; len += 3)
		memcpy(name + len, "\xe3\x81\x82", 3);
	name[len] = '\0';
	join(path, sizeof path, dir, name);
	ck_assert_int_eq(scsec_file_write(path, "y", 1, SCSEC_WRITE_DEFAULT), 0);
	got = test_read_file(path, &n);
	ck_assert_str_eq(got, "y");
	free(got);
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), sizeof lengths / sizeof lengths[0] + 1);
	/* One byte more than the directory takes is still refused, cleanly. */
	memset(name, 'z', 256);
	name[256] = '\0';
	join(path, sizeof path, dir, name);
	ck_assert_int_eq(scsec_file_write(path, "z", 1, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	scsec_free(want);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(save_into_missing_directory)
{
	char *dir = test_tmpdir_new("check_evidence"), path[4096], sub[4096];
	scsec_evidence *ev = sample_record();

	join(sub, sizeof sub, dir, "no-such-dir");
	join(path, sizeof path, sub, "record.xml");
	ck_assert_int_eq(scsec_evidence_save(ev, path, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EIO);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
	ck_assert_int_eq(scsec_evidence_save(ev, path, SCSEC_WRITE_GZIP), SCSEC_EIO);
	ck_assert_int_eq(access(sub, F_OK), -1);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 0);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

/* The answer workbook: written atomically (nothing but the file is left
 * beside it), refused for bad arguments and a missing directory, the
 * previous file kept when it fails. */
START_TEST(template_xlsx_writes_atomically)
{
	char *dir = test_tmpdir_new("check_evidence"), path[4096], sub[4096], head[4];
	scsec_criteria *c = NULL;
	FILE *fp;

	ck_ok(scsec_criteria_builtin(&c, NULL));
	join(path, sizeof path, dir, "sheet.xlsx");
	ck_assert_int_eq(scsec_criteria_template_xlsx(NULL, path, 0, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_template_xlsx(c, NULL, 0, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_template_xlsx(c, "", 0, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_template_xlsx(c, path, 99, NULL), SCSEC_EINVAL);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 0);
	ck_ok(scsec_criteria_template_xlsx(c, path, 3, "ja"));
	ck_ok(scsec_criteria_template_xlsx(c, path, 0, NULL)); /* replaces it */
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fread(head, 1, 4, fp), 4);
	fclose(fp);
	ck_assert_int_eq(memcmp(head, "PK\3\4", 4), 0);
	join(sub, sizeof sub, dir, "no-such-dir");
	join(path, sizeof path, sub, "sheet.xlsx");
	ck_assert_int_eq(scsec_criteria_template_xlsx(c, path, 0, NULL), SCSEC_EIO);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	scsec_criteria_free(c);
	test_tmpdir_free(dir);
}
END_TEST

/* The message catalogue: every code has both languages, distinct codes;
 * the dropdown values are what the readers accept, each the token of the
 * status or method its code names. */
/* The conversions of a catalogue text, as "argument:conversion" in
 * argument order ("1:s 2:zu"), whether they are positional ("%2$s") or not:
 * both languages of a code must take the same arguments, as the tool's
 * formatter reads them (tools/text.c). */
static void conversions(char *out, size_t size, const char *fmt)
{
	char seen[16][8] = { { 0 } };
	size_t len = 0;
	int next = 0, i;

	out[0] = '\0';
	for (; (fmt = strchr(fmt, '%')); fmt++) {
		int pos = 0, n = 0;
		char conv[8];

		fmt++;
		if (*fmt == '%')
			continue;
		while (fmt[n] >= '0' && fmt[n] <= '9')
			pos = pos * 10 + (fmt[n++] - '0');
		if (fmt[n] == '$')
			fmt += n + 1;
		else
			pos = 0;
		while (*fmt == '-' || (*fmt >= '0' && *fmt <= '9'))
			fmt++;
		for (n = 0; n < 6 && strchr("lz", fmt[n]); n++)
			conv[n] = fmt[n];
		conv[n] = fmt[n];
		conv[n + 1] = '\0';
		ck_assert_msg(strchr("sdiuc", fmt[n]) && fmt[n], "a conversion the formatter has not: %s", fmt);
		i = pos ? pos - 1 : next++;
		ck_assert_int_lt(i, 16);
		ck_assert_msg(!seen[i][0] || !strcmp(seen[i], conv), "argument %d used as two types", i + 1);
		memcpy(seen[i], conv, sizeof conv);
		fmt += n;
	}
	for (i = 0; i < 16 && seen[i][0]; i++)
		len += (size_t)snprintf(out + len, size - len, "%d:%s ", i + 1, seen[i]);
	for (; i < 16; i++)
		ck_assert_msg(!seen[i][0], "argument %d is used, one before it is not", i + 1);
}

START_TEST(message_catalogue)
{
	size_t i, j, n = scsec_message_count();

	ck_assert_uint_gt(n, 20);
	ck_assert_ptr_null(scsec_message_code_at(n));
	ck_assert_ptr_null(scsec_message_text(NULL, "ja"));
	ck_assert_ptr_null(scsec_message_text("no.such.code", "ja"));
	for (i = 0; i < n; i++) {
		const char *code = scsec_message_code_at(i);
		const char *en = scsec_message_text(code, NULL), *ja = scsec_message_text(code, "ja-JP");

		ck_assert_ptr_nonnull(en);
		ck_assert_ptr_nonnull(ja);
		ck_assert_uint_gt(strlen(en), 0);
		ck_assert_uint_gt(strlen(ja), 0);
		ck_assert_str_eq(scsec_message_text(code, "en"), en);
		ck_assert_str_eq(scsec_message_text(code, "JA"), ja);
		{
			char ce[128], cj[128];

			conversions(ce, sizeof ce, en);
			conversions(cj, sizeof cj, ja);
			ck_assert_msg(!strcmp(ce, cj), "%s: the English takes \"%s\", the Japanese \"%s\"",
			              code, ce, cj);
		}
		/* A one-item form ("CODE.one") takes what its plural takes. */
		if (strlen(code) > 4 && !strcmp(code + strlen(code) - 4, ".one")) {
			char base[96], ce[128], cb[128];

			ck_assert_uint_lt(strlen(code), sizeof base);
			memcpy(base, code, strlen(code) - 4);
			base[strlen(code) - 4] = '\0';
			ck_assert_ptr_nonnull(scsec_message_text(base, NULL));
			conversions(ce, sizeof ce, en);
			conversions(cb, sizeof cb, scsec_message_text(base, NULL));
			ck_assert_str_eq(ce, cb);
		}
		for (j = 0; j < i; j++)
			ck_assert_str_ne(scsec_message_code_at(j), code);
		if (!strncmp(code, "value.status.", 13)) {
			scsec_status a, b;

			ck_ok(scsec_status_parse(&a, en));
			ck_ok(scsec_status_parse(&b, ja));
			ck_assert_int_eq(a, b);
			ck_assert_str_eq(scsec_status_name(a), code + 13);
		} else if (!strncmp(code, "value.method.", 13)) {
			scsec_method a, b;

			ck_ok(scsec_method_parse(&a, en));
			ck_ok(scsec_method_parse(&b, ja));
			ck_assert_int_eq(a, b);
			ck_assert_str_eq(scsec_method_name(a), code + 13);
		}
	}
}
END_TEST

/* Failures after the temporary file exists: the target stays as it was and
 * the temporary file goes. */
START_TEST(save_failure_keeps_old_file)
{
	char *dir = test_tmpdir_new("check_evidence"), path[4096], sub[4096], *got;
	scsec_evidence *ev = sample_record(), *big = NULL;
	struct rlimit old, lim;
	struct stat st;
	void (*prev)(int);
	size_t n;
	int i, rc;

	/* The target is a directory: rename fails. */
	join(sub, sizeof sub, dir, "record.xml");
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_int_eq(scsec_evidence_save(ev, sub, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	ck_assert_int_eq(rmdir(sub), 0);
	/* So is a FIFO: never replaced. */
	ck_assert_int_eq(mkfifo(sub, 0644), 0);
	ck_assert_int_eq(scsec_evidence_save(ev, sub, SCSEC_WRITE_DEFAULT), SCSEC_EIO);
	ck_assert_int_eq(lstat(sub, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	ck_assert_int_eq(unlink(sub), 0);

	/* The disk "fills up" half-way (a file size limit): write fails. */
	join(path, sizeof path, dir, "big.xml");
	test_write_file(path, "previous record\n", 16);
	ck_ok(scsec_evidence_new(&big, NULL));
	for (i = 1; i <= 5000; i++) {
		char id[32];
		scsec_entry *e;

		snprintf(id, sizeof id, "x-%d", i);
		e = entry(id, SCSEC_STATUS_MET, SCSEC_METHOD_SELF, "2026-03-02");
		ck_ok(scsec_entry_set_note(e, "Filler text so that the record is larger than the limit."));
		add(big, e);
	}
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 64 * 1024;
	prev = signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = scsec_evidence_save(big, path, SCSEC_WRITE_DEFAULT);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, prev);
	ck_assert_int_eq(rc, SCSEC_EIO);
	got = test_read_file(path, &n);
	ck_assert_str_eq(got, "previous record\n");
	free(got);
	ck_assert_uint_eq(test_count_in_dir(dir, ".tmp-"), 0);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);

	/* Bad flags: refused before anything is written. */
	ck_assert_int_eq(scsec_evidence_save(ev, path, 2), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_save(ev, "", SCSEC_WRITE_DEFAULT), SCSEC_EINVAL);
	got = test_read_file(path, &n);
	ck_assert_str_eq(got, "previous record\n");
	free(got);
	scsec_evidence_free(big);
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

/* A child saving a large record over an existing file is killed with
 * SIGKILL at random moments: the file is always the old record or the new
 * one, whole. A PATH.tmp-XXXXXX may remain (documented). */
START_TEST(save_killed_midway)
{
	enum { ENTRIES = 40000, ROUNDS = 12 };
	char *dir, path[4096], calib[4096], *old_bytes, *new_bytes, *got;
	scsec_evidence *big = NULL, *small = NULL;
	size_t old_len, new_len, n;
	double t0, duration;
	int i, round, saw_old = 0, saw_new = 0, saw_tmp = 0;
	unsigned seed = (unsigned)getpid() ^ (unsigned)time(NULL);

	if (test_no_fork())
		return; /* needs fork; skipped under valgrind (CK_FORK=no) */
	dir = test_tmpdir_new("check_evidence");
	join(path, sizeof path, dir, "record.xml");
	join(calib, sizeof calib, dir, "calibration.xml");

	/* The new content: tens of thousands of entries, in no set. */
	ck_ok(scsec_evidence_new(&big, NULL));
	for (i = 1; i <= ENTRIES; i++) {
		char id[32];
		scsec_entry *e;

		snprintf(id, sizeof id, "x-%d", i);
		ck_ok(scsec_entry_new(&e, id));
		ck_ok(scsec_entry_set_status(e, (scsec_status)(1 + i % 4)));
		ck_ok(scsec_entry_set_note(e, "Filler so that writing takes a measurable time."));
		add(big, e);
	}
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(big, 0)), "x-1");
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(big, ENTRIES - 1)), "x-40000");
	ck_ok(scsec_evidence_write_memory(&new_bytes, &new_len, big));
	small = sample_record();
	ck_ok(scsec_evidence_write_memory(&old_bytes, &old_len, small));

	t0 = test_now();
	ck_ok(scsec_evidence_save(big, calib, SCSEC_WRITE_DEFAULT));
	duration = test_now() - t0;
	ck_assert_int_eq(unlink(calib), 0);

	for (round = 0; round < ROUNDS; round++) {
		pid_t pid;
		int status;
		useconds_t delay;
		scsec_evidence *back = NULL;

		ck_ok(scsec_evidence_save(small, path, SCSEC_WRITE_DEFAULT));
		seed = seed * 1103515245u + 12345u;
		/* From at once to a little past the measured duration. */
		delay = (useconds_t)((double)((seed >> 8) % 1000) / 1000.0 * duration * 1.3e6);
		if (round == 0)
			delay = 0;
		fflush(NULL);
		pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0)
			_exit(scsec_evidence_save(big, path, SCSEC_WRITE_DEFAULT) == 0 ? 0 : 1);
		if (delay)
			usleep(delay);
		kill(pid, SIGKILL);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0));

		got = test_read_file(path, &n);
		ck_assert_ptr_nonnull(got);
		if (n == old_len && !memcmp(got, old_bytes, n))
			saw_old++;
		else if (n == new_len && !memcmp(got, new_bytes, n))
			saw_new++;
		else
			ck_abort_msg("round %d: the target is neither the old nor the new record (%zu bytes)",
			             round, n);
		ck_ok(scsec_evidence_load_file(&back, path, NULL, NULL));
		scsec_evidence_free(back);
		free(got);
		if (test_count_in_dir(dir, ".tmp-")) {
			saw_tmp++;
			remove_in_dir(dir, ".tmp-");
		}
		ck_assert_uint_eq(test_count_in_dir(dir, ""), 1);
	}
	ck_assert_int_eq(saw_old + saw_new, ROUNDS);
	if (getenv("CHECK_EVIDENCE_VERBOSE"))
		fprintf(stderr, "save_killed_midway: save takes %.1f ms; %d rounds: old %d, new %d, "
		                "temporary file left %d\n",
		        duration * 1e3, ROUNDS, saw_old, saw_new, saw_tmp);
	scsec_free(new_bytes);
	scsec_free(old_bytes);
	scsec_evidence_free(big);
	scsec_evidence_free(small);
	test_tmpdir_free(dir);
}
END_TEST

/* ===================================================================== args */

#define EXPECT_EINVAL(expr) \
	do { \
		scsec_error_clear(); \
		ck_assert_int_eq((expr), SCSEC_EINVAL); \
		ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EINVAL); \
	} while (0)

START_TEST(args_tokens_and_numbers)
{
	scsec_status st = SCSEC_STATUS_PARTIAL;
	scsec_method m = SCSEC_METHOD_SELF;

	EXPECT_EINVAL(scsec_status_parse(NULL, "met"));
	EXPECT_EINVAL(scsec_status_parse(&st, NULL));
	ck_assert_int_eq(st, SCSEC_STATUS_PARTIAL);
	EXPECT_EINVAL(scsec_method_parse(NULL, "self"));
	EXPECT_EINVAL(scsec_method_parse(&m, NULL));
	ck_assert_int_eq(m, SCSEC_METHOD_SELF);
	ck_assert_str_eq(scsec_status_name((scsec_status)1000), "");
	ck_assert_str_eq(scsec_method_name((scsec_method)1000), "");
	ck_assert_int_eq(scsec_corporate_number_valid(NULL), 0);
}
END_TEST

START_TEST(args_record_lifecycle)
{
	scsec_criteria *c = builtin();
	scsec_evidence *ev = sample_record(), *out;
	char *s, buf[SCSEC_FINGERPRINT_BUFSIZE];
	size_t n;

	EXPECT_EINVAL(scsec_evidence_new(NULL, c));
	EXPECT_EINVAL(scsec_evidence_new(NULL, NULL));
	EXPECT_EINVAL(scsec_evidence_dup(NULL, ev));
	out = (scsec_evidence *)&out;
	EXPECT_EINVAL(scsec_evidence_dup(&out, NULL));
	ck_assert_ptr_null(out);
	scsec_evidence_free(NULL);

	/* Loading. */
	EXPECT_EINVAL(scsec_evidence_load_file(NULL, fx("valid-full.xml"), NULL, NULL));
	out = (scsec_evidence *)&out;
	EXPECT_EINVAL(scsec_evidence_load_file(&out, NULL, NULL, NULL));
	ck_assert_ptr_null(out);
	EXPECT_EINVAL(scsec_evidence_load_memory(NULL, "x", 1, "m", NULL, NULL));
	out = (scsec_evidence *)&out;
	EXPECT_EINVAL(scsec_evidence_load_memory(&out, NULL, 10, "m", NULL, NULL));
	ck_assert_ptr_null(out);
	/* NULL data of size 0 is an empty document, not a bad argument. */
	out = (scsec_evidence *)&out;
	ck_assert_int_eq(scsec_evidence_load_memory(&out, NULL, 0, "m", NULL, NULL), SCSEC_EPARSE);
	ck_assert_ptr_null(out);
	/* No name: the document still loads; diagnostics have no file. */
	{
		char *x = canon(ev);
		scsec_diagnostics *d = diags_new();

		ck_ok(scsec_evidence_load_memory(&out, x, strlen(x), NULL, NULL, NULL));
		scsec_evidence_free(out);
		ck_assert_int_eq(scsec_evidence_load_memory(&out, x, strlen(x) / 2, NULL, NULL, d),
		                 SCSEC_EPARSE);
		ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
		scsec_diagnostics_free(d);
		scsec_free(x);
	}

	/* Importing. */
	EXPECT_EINVAL(scsec_evidence_import_csv(NULL, fx("sheet-spreadsheet.csv"), c, NULL, NULL));
	out = (scsec_evidence *)&out;
	EXPECT_EINVAL(scsec_evidence_import_csv(&out, NULL, c, NULL, NULL));
	ck_assert_ptr_null(out);
	EXPECT_EINVAL(scsec_evidence_import_csv_memory(NULL, "id,status\n", 10, "m", c, NULL, NULL));
	out = (scsec_evidence *)&out;
	EXPECT_EINVAL(scsec_evidence_import_csv_memory(&out, NULL, 10, "m", c, NULL, NULL));
	ck_assert_ptr_null(out);
	out = (scsec_evidence *)&out;
	ck_assert_int_eq(scsec_evidence_import_csv_memory(&out, NULL, 0, "m", c, NULL, NULL),
	                 SCSEC_EPARSE);
	ck_assert_ptr_null(out);
	ck_ok(scsec_evidence_import_csv_memory(&out, "id,status\n", 10, NULL, NULL, NULL, NULL));
	scsec_evidence_free(out);

	/* Writing. */
	EXPECT_EINVAL(scsec_evidence_write_memory(NULL, &n, ev));
	s = (char *)&s;
	EXPECT_EINVAL(scsec_evidence_write_memory(&s, &n, NULL));
	ck_assert_ptr_null(s);
	ck_ok(scsec_evidence_write_memory(&s, NULL, ev)); /* size may be NULL */
	scsec_free(s);
	EXPECT_EINVAL(scsec_evidence_save(NULL, "/tmp/never-written.xml", SCSEC_WRITE_DEFAULT));
	EXPECT_EINVAL(scsec_evidence_save(ev, NULL, SCSEC_WRITE_DEFAULT));
	EXPECT_EINVAL(scsec_evidence_save(ev, "/tmp/never-written.xml", 0x80));
	ck_assert_int_eq(access("/tmp/never-written.xml", F_OK), -1);
	EXPECT_EINVAL(scsec_evidence_export_csv(NULL, &n, ev, c, 3, NULL));
	s = (char *)&s;
	EXPECT_EINVAL(scsec_evidence_export_csv(&s, &n, NULL, c, 3, NULL));
	ck_assert_ptr_null(s);
	ck_ok(scsec_evidence_export_csv(&s, NULL, ev, NULL, 3, NULL)); /* default set */
	scsec_free(s);
	EXPECT_EINVAL(scsec_criteria_template_csv(NULL, &n, c, 3, NULL));
	s = (char *)&s;
	EXPECT_EINVAL(scsec_criteria_template_csv(&s, &n, NULL, 3, NULL));
	ck_assert_ptr_null(s);
	EXPECT_EINVAL(scsec_evidence_fingerprint(NULL, ev));
	EXPECT_EINVAL(scsec_evidence_fingerprint(buf, NULL));
	scsec_free(NULL);

	/* Checking. */
	EXPECT_EINVAL(scsec_evidence_check(NULL, c, NULL));
	EXPECT_EINVAL(scsec_evidence_check(ev, NULL, NULL));

	scsec_evidence_free(ev);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(args_record_fields)
{
	scsec_evidence *ev = NULL;
	scsec_entry *e = NULL;
	const char *a = "untouched", *b = "untouched";

	/* Getters take NULL. */
	ck_assert_ptr_null(scsec_evidence_subject_name(NULL));
	ck_assert_uint_eq(scsec_evidence_subject_id_count(NULL), 0);
	ck_assert_ptr_null(scsec_evidence_criteria_id(NULL));
	ck_assert_ptr_null(scsec_evidence_criteria_version(NULL));
	ck_assert_ptr_null(scsec_evidence_criteria_fingerprint(NULL));
	ck_assert_ptr_null(scsec_evidence_created(NULL));
	ck_assert_ptr_null(scsec_evidence_tool(NULL));
	ck_assert_uint_eq(scsec_evidence_entry_count(NULL), 0);
	ck_assert_ptr_null(scsec_evidence_entry_at(NULL, 0));
	ck_assert_ptr_null(scsec_evidence_entry(NULL, "1-2-1-1"));
	EXPECT_EINVAL(scsec_evidence_subject_id_get(&a, &b, NULL, 0));
	ck_assert_str_eq(a, "untouched");

	/* Setters refuse a NULL record. */
	EXPECT_EINVAL(scsec_evidence_set_subject_name(NULL, "x"));
	EXPECT_EINVAL(scsec_evidence_add_subject_id(NULL, "duns", "1"));
	EXPECT_EINVAL(scsec_evidence_remove_subject_id(NULL, "duns"));
	EXPECT_EINVAL(scsec_evidence_set_criteria(NULL, "meti-sc-2026-03", "2026.03", NULL));
	EXPECT_EINVAL(scsec_evidence_set_created(NULL, "2026-04-01T09:30:00Z"));
	EXPECT_EINVAL(scsec_evidence_set_tool(NULL, "scsec 1.0.0"));

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_assert_ptr_null(scsec_evidence_entry(ev, NULL));
	EXPECT_EINVAL(scsec_evidence_add_subject_id(ev, NULL, "1"));
	EXPECT_EINVAL(scsec_evidence_add_subject_id(ev, "duns", NULL));
	EXPECT_EINVAL(scsec_evidence_remove_subject_id(ev, NULL));
	EXPECT_EINVAL(scsec_evidence_subject_id_get(NULL, NULL, ev, 0));

	/* Entries of a record. */
	ck_ok(scsec_entry_new(&e, "1-2-1-1"));
	EXPECT_EINVAL(scsec_evidence_add(NULL, e));
	EXPECT_EINVAL(scsec_evidence_add(ev, NULL));
	EXPECT_EINVAL(scsec_evidence_replace(NULL, e));
	EXPECT_EINVAL(scsec_evidence_replace(ev, NULL));
	EXPECT_EINVAL(scsec_evidence_remove(NULL, "1-2-1-1"));
	EXPECT_EINVAL(scsec_evidence_remove(ev, NULL));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 0);
	add(ev, e); /* still the caller's after the refusals */
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 1);
	scsec_evidence_free(ev);
}
END_TEST

START_TEST(args_entries)
{
	scsec_entry *e = (scsec_entry *)&e;
	const char *uri = "untouched";

	EXPECT_EINVAL(scsec_entry_new(NULL, "1-2-1-1"));
	EXPECT_EINVAL(scsec_entry_new(&e, NULL));
	ck_assert_ptr_null(e);
	EXPECT_EINVAL(scsec_entry_dup(NULL, e));
	e = (scsec_entry *)&e;
	EXPECT_EINVAL(scsec_entry_dup(&e, NULL));
	ck_assert_ptr_null(e);
	scsec_entry_free(NULL);

	ck_assert_ptr_null(scsec_entry_id(NULL));
	ck_assert_int_eq(scsec_entry_status(NULL), SCSEC_STATUS_NONE);
	ck_assert_int_eq(scsec_entry_method(NULL), SCSEC_METHOD_NONE);
	ck_assert_ptr_null(scsec_entry_assessor(NULL));
	ck_assert_ptr_null(scsec_entry_assessor_id(NULL));
	ck_assert_int_eq(scsec_entry_assessed_on(NULL), SCSEC_DATE_NONE);
	ck_assert_int_eq(scsec_entry_expires_on(NULL), SCSEC_DATE_NONE);
	ck_assert_ptr_null(scsec_entry_justification(NULL));
	ck_assert_ptr_null(scsec_entry_note(NULL));
	ck_assert_uint_eq(scsec_entry_artifact_count(NULL), 0);
	EXPECT_EINVAL(scsec_entry_artifact_get(&uri, NULL, NULL, 0));
	ck_assert_str_eq(uri, "untouched");

	EXPECT_EINVAL(scsec_entry_set_status(NULL, SCSEC_STATUS_MET));
	EXPECT_EINVAL(scsec_entry_set_method(NULL, SCSEC_METHOD_SELF));
	EXPECT_EINVAL(scsec_entry_set_assessor(NULL, "Hanako Yamada", NULL));
	EXPECT_EINVAL(scsec_entry_set_assessed_on(NULL, 20000));
	EXPECT_EINVAL(scsec_entry_set_expires_on(NULL, 20000));
	EXPECT_EINVAL(scsec_entry_set_justification(NULL, "x"));
	EXPECT_EINVAL(scsec_entry_set_note(NULL, "x"));
	EXPECT_EINVAL(scsec_entry_add_artifact(NULL, "file:a.pdf", NULL));
	EXPECT_EINVAL(scsec_entry_clear_artifacts(NULL));
}
END_TEST

/* ==================================================================== suite */

static Suite *evidence_suite(void)
{
	Suite *s = suite_create("evidence");
	TCase *tc;

	tc = tcase_create("corporate");
	tcase_add_test(tc, corporate_valid_numbers);
	tcase_add_test(tc, corporate_invalid_numbers);
	tcase_add_test(tc, corporate_exactly_one_check_digit);
	tcase_add_test(tc, corporate_checked_by_check);
	tcase_add_test(tc, corporate_fixture);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, api_status_and_method_tokens);
	tcase_add_test(tc, api_new_record_is_empty);
	tcase_add_test(tc, api_entry_fields);
	tcase_add_test(tc, api_entry_rejects_bad_values);
	tcase_add_test(tc, api_record_setters_reject_bad_values);
	tcase_add_test(tc, api_subject_identifiers);
	tcase_add_test(tc, api_add_lookup_in_id_order);
	tcase_add_test(tc, api_replace_and_remove);
	tcase_add_test(tc, api_many_edits_stay_consistent);
	tcase_add_test(tc, api_entry_dup_is_deep);
	tcase_add_test(tc, api_record_dup_is_deep);
	tcase_add_test(tc, api_entry_pointers_stable);
	suite_add_tcase(s, tc);

	tc = tcase_create("xml");
	tcase_add_test(tc, xml_load_valid_full);
	tcase_add_test(tc, xml_canonical_forms_agree);
	tcase_add_test(tc, xml_write_load_write_identical);
	tcase_add_test(tc, xml_doc_example_fingerprint);
	tcase_add_test(tc, xml_fingerprint_stable_and_sensitive);
	tcase_add_test(tc, xml_gzip_load_and_save);
	tcase_add_test(tc, xml_hostile_doctype);
	tcase_add_test(tc, xml_wrong_root_or_namespace);
	tcase_add_test(tc, xml_duplicate_entry);
	tcase_add_test(tc, xml_impossible_dates);
	tcase_add_test(tc, xml_unknown_tokens);
	tcase_add_test(tc, xml_all_problems_reported);
	tcase_add_test(tc, xml_malformed_inputs);
	tcase_add_test(tc, xml_tokens_english_only);
	tcase_add_test(tc, xml_blank_text_reads_as_absent);
	tcase_add_test(tc, xml_limits);
	tcase_add_test(tc, xml_ampersand_in_attributes);
	tcase_add_test(tc, xml_concurrent_readers);
	suite_add_tcase(s, tc);

	tc = tcase_create("check");
	tcase_add_test(tc, check_valid_records);
	tcase_add_test(tc, check_unknown_id);
	tcase_add_test(tc, check_requirement_id);
	tcase_add_test(tc, check_missing_justification);
	tcase_add_test(tc, check_expires_before_assessed);
	tcase_add_test(tc, check_corporate_number);
	tcase_add_test(tc, check_other_set);
	tcase_add_test(tc, check_other_version);
	tcase_add_test(tc, check_other_fingerprint_warns);
	tcase_add_test(tc, check_no_criteria_named_warns);
	tcase_add_test(tc, check_prerequisite_partial);
	tcase_add_test(tc, check_expiry_without_assessment_warns);
	tcase_add_test(tc, check_expiry_past_validity_warns);
	tcase_add_test(tc, check_warnings_only);
	tcase_add_test(tc, check_na_not_allowed);
	tcase_add_test(tc, check_collects_all_problems);
	tcase_add_test(tc, check_appends_to_list);
	tcase_add_test(tc, check_api_record);
	tcase_add_test(tc, check_sheet_locations);
	suite_add_tcase(s, tc);

	tc = tcase_create("csv");
	tcase_add_test(tc, csv_template_rank3);
	tcase_add_test(tc, csv_template_rank0_and_rank4);
	tcase_add_test(tc, csv_template_language_and_rank_checks);
	tcase_add_test(tc, csv_import_spreadsheet);
	tcase_add_test(tc, csv_reject_unknown_status);
	tcase_add_test(tc, csv_reject_unknown_method);
	tcase_add_test(tc, csv_reject_bad_date);
	tcase_add_test(tc, csv_reject_hidden_controls);
	tcase_add_test(tc, xml_and_api_reject_hidden_controls);
	tcase_add_test(tc, csv_artifact_blanks);
	tcase_add_test(tc, structure_reported_once);
	tcase_add_test(tc, validate_names_the_set_exactly);
	tcase_add_test(tc, load_any_by_content);
	tcase_add_test(tc, nothing_on_stderr);
	tcase_add_test(tc, messages_cut_at_characters);
	tcase_add_test(tc, repeated_diagnostics_are_capped);
	tcase_add_test(tc, blank_justification_everywhere);
	tcase_add_test(tc, csv_reads_shift_jis);
	tcase_add_test(tc, csv_reads_utf16_tab_separated);
	tcase_add_test(tc, csv_reads_semicolons);
	tcase_add_test(tc, csv_not_a_sheet);
	tcase_add_test(tc, csv_reject_unknown_encoding);
	tcase_add_test(tc, encoding_names);
	tcase_add_test(tc, csv_japanese_excel_dates);
	tcase_add_test(tc, csv_answer_marks);
	tcase_add_test(tc, csv_reject_impossible_date);
	tcase_add_test(tc, csv_reject_unknown_id);
	tcase_add_test(tc, csv_reject_duplicate_id);
	tcase_add_test(tc, csv_reject_answer_without_id);
	tcase_add_test(tc, csv_reject_bad_artifact);
	tcase_add_test(tc, csv_reject_text_after_digest);
	tcase_add_test(tc, csv_reject_missing_columns);
	tcase_add_test(tc, csv_reject_malformed_csv);
	tcase_add_test(tc, csv_reject_bad_encoding);
	tcase_add_test(tc, csv_reject_nul_byte);
	tcase_add_test(tc, csv_rows_are_records);
	tcase_add_test(tc, csv_reject_many_problems);
	tcase_add_test(tc, csv_empty_and_header_only);
	tcase_add_test(tc, csv_empty_status_rule);
	tcase_add_test(tc, csv_header_names_and_exact_tokens);
	tcase_add_test(tc, csv_ipa_workbook_headers);
	tcase_add_test(tc, csv_import_variants);
	tcase_add_test(tc, assessor_role_forms);
	tcase_add_test(tc, planned_on_forms);
	tcase_add_test(tc, csv_import_other_set);
	tcase_add_test(tc, csv_import_row_limit);
	tcase_add_test(tc, csv_import_wide_rows);
	tcase_add_test(tc, csv_export_layout);
	tcase_add_test(tc, csv_export_extra_rows);
	suite_add_tcase(s, tc);

	tc = tcase_create("roundtrip");
	tcase_add_test(tc, roundtrip_csv_export_import);
	tcase_add_test(tc, roundtrip_xml_csv_xml);
	tcase_add_test(tc, roundtrip_api_xml_api);
	tcase_add_test(tc, roundtrip_api_csv_api);
	tcase_add_test(tc, roundtrip_csv_documented_losses);
	tcase_add_test(tc, roundtrip_blank_text_is_no_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("save");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, save_writes_and_replaces);
	tcase_add_test(tc, save_keeps_mode_and_follows_links);
	tcase_add_test(tc, save_dangling_link_keeps_link);
	tcase_add_test(tc, save_long_file_names);
	tcase_add_test(tc, save_into_missing_directory);
	tcase_add_test(tc, template_xlsx_writes_atomically);
	tcase_add_test(tc, message_catalogue);
	tcase_add_test(tc, save_failure_keeps_old_file);
	tcase_add_test(tc, save_killed_midway);
	suite_add_tcase(s, tc);

	tc = tcase_create("args");
	tcase_add_test(tc, args_tokens_and_numbers);
	tcase_add_test(tc, args_record_lifecycle);
	tcase_add_test(tc, args_record_fields);
	tcase_add_test(tc, args_entries);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(evidence_suite());
}
