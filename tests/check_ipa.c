/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Importing IPA's criteria sheet: the layouts the importer accepts (small
 * invented sheets in tests/data/ipa/ and in this file), every malformed
 * case with its row and column, the API's edges, failing allocations, and
 * IPA's December 2025 draft itself, read from $SHARED_DATA (third-party
 * data, never copied into the project). The draft's tests run on their own,
 * as tests/ipa_draft.sh (CK_RUN_CASE=draft), which reports a skip (77) when
 * this checkout has no draft, so that the summary shows it. */
#include "config.h"


#include "testutil.h"

/* ------------------------------------------------------------ helpers */

/* An allocator that can be told to fail: once `fail_after` allocations
 * have succeeded, every new block is refused (-1: never). Growing a block
 * (realloc of a live one) is not refused: scsec__criteria_finish() leaks
 * its partly written canonical form when that fails (lib/model/criteria.c), and
 * the importer's own growth goes through the same checks as a new block.
 * Installed in main(). */
static long fail_after = -1;

static int alloc_fails(void)
{
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}

static void *t_malloc(size_t size, void *user)
{
	(void)user;
	return alloc_fails() ? NULL : malloc(size);
}

static void *t_realloc(void *p, size_t size, void *user)
{
	(void)user;
	return !p && alloc_fails() ? NULL : realloc(p, size);
}

static void t_free(void *p, void *user)
{
	(void)user;
	free(p);
}

static char *read_all(const char *path, size_t *len)
{
	char *data = test_read_file(path, len);

	ck_assert_msg(data != NULL, "cannot open %s", path);
	return data;
}

static const char *fixture(char *buf, size_t size, const char *name)
{
	char rel[128];

	snprintf(rel, sizeof rel, "tests/data/ipa/%s", name);
	return test_srcpath(buf, size, rel);
}

/* The draft sheet, or NULL (with a note) when this checkout has none. */
static const char *draft_path(char *buf, size_t size)
{
	const char *dir = getenv("SHARED_DATA");
	FILE *f;

	if (!dir || !*dir) {
		printf("SHARED_DATA is not set: IPA draft sheet test skipped\n");
		return NULL;
	}
	snprintf(buf, size, "%s/ipa-sc-criteria-draft-2025-12.csv", dir);
	if (!(f = fopen(buf, "rb"))) {
		printf("%s is absent: IPA draft sheet test skipped\n", buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

static int import_str(scsec_criteria **out, const char *csv, scsec_diagnostics *d)
{
	return scsec_criteria_import_ipa_memory(out, csv, strlen(csv), "sheet.csv", NULL, NULL, d);
}

static size_t count_sev(const scsec_diagnostics *d, scsec_severity sev)
{
	return scsec_diagnostics_count_severity(d, sev);
}

static const scsec_diagnostic *nth_error(const scsec_diagnostics *d, size_t n)
{
	size_t i;

	for (i = 0; i < scsec_diagnostics_count(d); i++) {
		const scsec_diagnostic *x = scsec_diagnostics_at(d, i);

		if (scsec_diagnostic_severity(x) == SCSEC_SEVERITY_ERROR && n-- == 0)
			return x;
	}
	return NULL;
}

static void check_diag(const scsec_diagnostic *x, int code, unsigned long row, unsigned long col,
                       const char *id, const char *needle)
{
	ck_assert_ptr_nonnull(x);
	ck_assert_msg(scsec_diagnostic_code(x) == code, "code %d, expected %d: %s",
	              scsec_diagnostic_code(x), code, scsec_diagnostic_message(x));
	ck_assert_msg(scsec_diagnostic_line(x) == row && scsec_diagnostic_column(x) == col,
	              "at %lu:%lu, expected %lu:%lu: %s", scsec_diagnostic_line(x),
	              scsec_diagnostic_column(x), row, col, scsec_diagnostic_message(x));
	if (id)
		ck_assert_str_eq(scsec_diagnostic_id(x) ? scsec_diagnostic_id(x) : "(none)", id);
	else
		ck_assert_ptr_null(scsec_diagnostic_id(x));
	ck_assert_msg(strstr(scsec_diagnostic_message(x), needle) != NULL, "'%s' does not say '%s'",
	              scsec_diagnostic_message(x), needle);
}

/* Import a malformed sheet: it must fail with `code`, its first error at
 * row/col about `id`, saying `needle`; the thread's last error is that
 * first error. Returns the number of errors found. */
static size_t expect_error(const char *csv, int code, unsigned long row, unsigned long col,
                           const char *id, const char *needle)
{
	scsec_criteria *c = (scsec_criteria *)&c;
	scsec_diagnostics *d;
	const scsec_error *e;
	size_t n;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	scsec_error_clear();
	rc = import_str(&c, csv, d);
	ck_assert_msg(rc == code, "returned %d, expected %d (%s)", rc, code,
	              scsec_error_message(scsec_error_last()));
	ck_assert_ptr_null(c);
	check_diag(nth_error(d, 0), code, row, col, id, needle);
	e = scsec_error_last();
	ck_assert_int_eq(scsec_error_code(e), code);
	ck_assert_str_eq(scsec_error_file(e), "sheet.csv");
	ck_assert_uint_eq(scsec_error_line(e), row);
	ck_assert_uint_eq(scsec_error_column(e), col);
	ck_assert_str_eq(scsec_error_message(e), scsec_diagnostic_message(nth_error(d, 0)));
	n = count_sev(d, SCSEC_SEVERITY_ERROR);
	scsec_diagnostics_free(d);
	return n;
}

/* The clauses of the criterion's reference to `fw`, or NULL. */
static const char *ref_of(const scsec_criterion *cr, const char *fw)
{
	size_t i;

	for (i = 0; i < scsec_criterion_reference_count(cr); i++) {
		const char *f, *clauses;

		ck_ok(scsec_criterion_reference_get(&f, &clauses, cr, i));
		if (!strcmp(f, fw))
			return clauses;
	}
	return NULL;
}

static const scsec_criterion *crit(const scsec_criteria *c, const char *id)
{
	const scsec_criterion *cr = scsec_criteria_criterion(c, id);

	ck_assert_msg(cr != NULL, "criterion %s is missing", id);
	return cr;
}

static char *canonical(const scsec_criteria *c)
{
	char *x;

	ck_ok(scsec_criteria_write_memory(&x, NULL, c));
	return x;
}

/* A small sheet in the draft's column order, without references:
 * 1 大分類No., 2 大分類, 3 中分類No., 4 中分類, 5 要求事項No., 6 要求事項名,
 * 7 ★3/★4, 8 評価基準No., 9 評価基準, 10 NIST CSFにおける機能. */
#define HDR9 "大分類No.,大分類,中分類No.,中分類,要求事項No.,要求事項名,★3/★4,評価基準No.,評価基準"
#define HDR HDR9 ",NIST CSFにおける機能\n"
#define ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(GV)\n"
#define ROW_A2 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-2,Text A2,統治(GV)\n"
#define ROW_B1 "1,Cat A,1-1,Sub A1,1-1-2,Req B,★4,1-1-2-1,Text B1,統治(GV)\n"

/* A rules set of its own: one level, no frameworks, a Japanese description. */
static const char test_rules[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<criteria-set xmlns=\"urn:scsec:criteria:1\" id=\"test-rules\" version=\"7\">\n"
	"  <title xml:lang=\"en\">Test rules</title>\n"
	"  <description xml:lang=\"ja\">テスト用の規則</description>\n"
	"  <level rank=\"3\" label=\"★3\" method=\"self\" validity=\"P2Y\""
	" validity-provisional=\"false\" requires-lower=\"false\"/>\n"
	"  <category id=\"x\">\n"
	"    <title xml:lang=\"en\">X</title>\n"
	"    <requirement id=\"x-1\">\n"
	"      <name xml:lang=\"en\">N</name>\n"
	"      <criterion id=\"x-1-1\" level=\"3\"><text xml:lang=\"en\">T</text></criterion>\n"
	"    </requirement>\n"
	"  </category>\n"
	"</criteria-set>\n";

/* ------------------------------------------------------------ layouts */

START_TEST(single_reference_cell)
{
	char path[4096];
	scsec_criteria *c;
	scsec_diagnostics *d;
	const scsec_criterion *cr;
	const scsec_requirement *r;
	const scsec_category *cat;
	const scsec_diagnostic *w;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, "single.csv"), NULL, NULL, d));
	ck_assert_uint_eq(count_sev(d, SCSEC_SEVERITY_ERROR), 0);

	/* Structure: 2 categories with 3 sub-categories, 3 requirements, 5 criteria. */
	ck_assert_uint_eq(scsec_criteria_category_count(c), 5);
	ck_assert_uint_eq(scsec_criteria_requirement_count(c), 3);
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 5);
	ck_assert_str_eq(scsec_criterion_id(scsec_criteria_criterion_at(c, 0)), "1-1-1-1");
	ck_assert_str_eq(scsec_criterion_id(scsec_criteria_criterion_at(c, 4)), "2-1-1-2");
	cat = scsec_criteria_category(c, "1");
	ck_assert_str_eq(scsec_category_title(cat, "ja"), "分類A");
	ck_assert_int_eq(scsec_category_depth(cat), 0);
	ck_assert_int_eq(scsec_category_function(cat), SCSEC_FUNCTION_GV);
	cat = scsec_criteria_category(c, "1-2");
	ck_assert_str_eq(scsec_category_title(cat, "ja"), "中分類A2");
	ck_assert_str_eq(scsec_category_id(scsec_category_parent(cat)), "1");
	ck_assert_int_eq(scsec_category_function(cat), SCSEC_FUNCTION_GV);
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(c, "2-1")),
	                 SCSEC_FUNCTION_PR);

	r = scsec_criteria_requirement(c, "1-1-1");
	ck_assert_str_eq(scsec_requirement_name(r, "ja"), "Requirement name A");
	ck_assert_str_eq(scsec_requirement_text(r, "ja"), "Requirement statement A");
	ck_assert_str_eq(scsec_category_id(scsec_requirement_category(r)), "1-1");
	ck_assert_uint_eq(scsec_requirement_criterion_count(r), 2);
	ck_assert_ptr_null(scsec_requirement_text(scsec_criteria_requirement(c, "1-2-1"), "ja"));
	ck_assert_str_eq(scsec_requirement_text(scsec_criteria_requirement(c, "2-1-1"), "ja"),
	                 "Requirement statement C\non two lines");

	/* Levels, texts (a CRLF inside a cell becomes LF; cells are trimmed). */
	cr = crit(c, "1-1-1-1");
	ck_assert_int_eq(scsec_criterion_min_level(cr), 3);
	ck_assert(scsec_criterion_applies_at(cr, 3) && scsec_criterion_applies_at(cr, 4));
	ck_assert_str_eq(scsec_criterion_text(cr, "ja"), "Criterion text A1\n- second line");
	ck_assert_int_eq(scsec_criterion_function(cr), SCSEC_FUNCTION_GV);
	ck_assert_str_eq(scsec_criterion_text(crit(c, "2-1-1-1"), "ja"), "Criterion text C1");
	cr = crit(c, "1-1-1-2");
	ck_assert_int_eq(scsec_criterion_min_level(cr), 4);
	ck_assert(!scsec_criterion_applies_at(cr, 3));
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 3)), 2);
	ck_assert_uint_eq(scsec_level_requirement_count(scsec_criteria_level_by_rank(c, 3)), 2);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 4)), 5);
	ck_assert_uint_eq(scsec_level_requirement_count(scsec_criteria_level_by_rank(c, 4)), 3);

	/* References: one per line, the prefix and its version dropped. */
	cr = crit(c, "1-1-1-1");
	ck_assert_uint_eq(scsec_criterion_reference_count(cr), 3);
	ck_assert_str_eq(ref_of(cr, "iso27001"), "4.2, A.5.31");
	ck_assert_str_eq(ref_of(cr, "gov-unified-r7"), "1.1(4)");
	ck_assert_str_eq(ref_of(cr, "jama-japia"), "No.9 (LV1), No.10 (LV2)");
	ck_assert_str_eq(ref_of(crit(c, "1-1-1-2"), "cyber-essentials"), "A2.10.");
	cr = crit(c, "1-2-1-1");
	ck_assert_uint_eq(scsec_criterion_reference_count(cr), 2);
	ck_assert_str_eq(ref_of(cr, "cmmc"), "LV1 IA.L1-b.1.v");
	ck_assert_str_eq(ref_of(cr, "other"), "Unknown Guide 3.2");
	ck_assert_str_eq(scsec_criteria_framework_title(c, "other"), "Other reference");
	ck_assert_uint_eq(scsec_criterion_reference_count(crit(c, "2-1-1-1")), 0);

	/* The unknown reference is the one warning. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	w = scsec_diagnostics_at(d, 0);
	ck_assert_int_eq(scsec_diagnostic_severity(w), SCSEC_SEVERITY_WARNING);
	ck_assert_uint_eq(scsec_diagnostic_line(w), 4);
	ck_assert_uint_eq(scsec_diagnostic_column(w), 13);
	ck_assert_str_eq(scsec_diagnostic_id(w), "1-2-1-1");
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(w), "Unknown Guide 3.2"));

	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(reference_columns_under_second_header)
{
	char path[4096];
	scsec_criteria *c;
	scsec_diagnostics *d;
	const scsec_criterion *cr;
	const scsec_diagnostic *w;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, "multi.csv"), NULL, NULL, d));
	ck_assert_uint_eq(count_sev(d, SCSEC_SEVERITY_ERROR), 0);
	ck_assert_uint_eq(scsec_criteria_category_count(c), 2);
	ck_assert_uint_eq(scsec_criteria_requirement_count(c), 2);
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 3);
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(c, "3")), SCSEC_FUNCTION_ID);
	ck_assert_str_eq(scsec_category_title(scsec_criteria_category(c, "3-1"), "ja"), "中分類C1");
	/* No 要求事項 column: requirements have a name and no statement. */
	ck_assert_str_eq(scsec_requirement_name(scsec_criteria_requirement(c, "3-1-2"), "ja"),
	                 "Requirement name E");
	ck_assert_ptr_null(scsec_requirement_text(scsec_criteria_requirement(c, "3-1-1"), "ja"));

	cr = crit(c, "3-1-1-1");
	ck_assert_int_eq(scsec_criterion_min_level(cr), 3);
	ck_assert_str_eq(scsec_criterion_text(cr, "ja"), "Criterion text D1");
	ck_assert_uint_eq(scsec_criterion_reference_count(cr), 3);
	ck_assert_str_eq(ref_of(cr, "cyber-essentials"), "A1.1.");
	ck_assert_str_eq(ref_of(cr, "iso27001"), "5.9, A.5.9");
	ck_assert_str_eq(ref_of(cr, "jama-japia"), "No.1 (LV1)");
	ck_assert_ptr_null(ref_of(cr, "gov-unified-r7"));

	cr = crit(c, "3-1-1-2");
	ck_assert_int_eq(scsec_criterion_min_level(cr), 4);
	ck_assert_str_eq(scsec_criterion_text(cr, "ja"), "Criterion text D2\nwith a \"quoted\" word");
	ck_assert_str_eq(ref_of(cr, "iso27001"), "A.8.1");
	ck_assert_str_eq(ref_of(cr, "gov-unified-r7"), "2.2.1(1)");
	ck_assert_str_eq(ref_of(cr, "other"), "Other guide G-7");
	ck_assert_uint_eq(scsec_criterion_reference_count(crit(c, "3-1-2-1")), 0);

	/* The unknown reference column is warned about once, on row 2. */
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	w = scsec_diagnostics_at(d, 0);
	ck_assert_int_eq(scsec_diagnostic_severity(w), SCSEC_SEVERITY_WARNING);
	ck_assert_uint_eq(scsec_diagnostic_line(w), 2);
	ck_assert_uint_eq(scsec_diagnostic_column(w), 16);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(w), "Other guide"));

	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

/* Re-encode a sheet: drop or add the BOM, turn CRLF into LF or LF into CRLF. */
static char *recode(const char *in, size_t len, int bom, int crlf, size_t *out_len)
{
	char *out = malloc(2 * len + 4), *p = out;
	size_t i = 0;

	ck_assert_ptr_nonnull(out);
	if (len >= 3 && !memcmp(in, "\xef\xbb\xbf", 3))
		i = 3;
	if (bom) {
		memcpy(p, "\xef\xbb\xbf", 3);
		p += 3;
	}
	for (; i < len; i++) {
		if (in[i] == '\r' && i + 1 < len && in[i + 1] == '\n')
			continue;
		if (in[i] == '\n' && crlf)
			*p++ = '\r';
		*p++ = in[i];
	}
	*out_len = (size_t)(p - out);
	return out;
}

START_TEST(bom_and_line_ends_do_not_matter)
{
	static const char *const names[] = { "single.csv", "multi.csv" };
	char path[4096];
	int f, bom, crlf;

	for (f = 0; f < 2; f++) {
		size_t len;
		char *data = read_all(fixture(path, sizeof path, names[f]), &len);
		scsec_criteria *ref;

		ck_ok(scsec_criteria_import_ipa_memory(&ref, data, len, names[f], NULL, NULL, NULL));
		for (bom = 0; bom < 2; bom++) {
			for (crlf = 0; crlf < 2; crlf++) {
				size_t n;
				char *v = recode(data, len, bom, crlf, &n);
				scsec_criteria *c;

				ck_ok(scsec_criteria_import_ipa_memory(&c, v, n, names[f], NULL, NULL, NULL));
				ck_assert_str_eq(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(ref));
				scsec_criteria_free(c);
				free(v);
			}
		}
		scsec_criteria_free(ref);
		free(data);
	}
}
END_TEST

START_TEST(columns_in_any_order)
{
	/* The same two criteria, columns shuffled and an unknown column added. */
	static const char a[] = HDR ROW_A1 ROW_A2;
	static const char b[] =
		"評価基準,メモ,評価基準No.,★3/★4,要求事項名,要求事項No.,中分類,中分類No.,大分類,大分類No.\n"
		"Text A1,ignored,1-1-1-1,★3,Req A,1-1-1,Sub A1,1-1,Cat A,1\n"
		"Text A2,,1-1-1-2,★4,Req A,1-1-1,Sub A1,1-1,Cat A,1\n";
	scsec_criteria *x, *y;
	char *cx, *cy;

	ck_ok(import_str(&x, a, NULL));
	ck_ok(import_str(&y, b, NULL));
	/* b has no CSF column: only the category's function differs. */
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(x, "1")), SCSEC_FUNCTION_GV);
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(y, "1")),
	                 SCSEC_FUNCTION_NONE);
	cx = canonical(x);
	cy = canonical(y);
	ck_assert_ptr_nonnull(strstr(cx, "<category id=\"1\" function=\"GV\">"));
	ck_assert_ptr_nonnull(strstr(cy, "<category id=\"1\">"));
	ck_assert_str_eq(strstr(cx, "<title xml:lang=\"ja\">Cat A"),
	                 strstr(cy, "<title xml:lang=\"ja\">Cat A"));
	scsec_free(cx);
	scsec_free(cy);
	scsec_criteria_free(x);
	scsec_criteria_free(y);
}
END_TEST

START_TEST(merged_cells_repeat_the_row_before)
{
	/* Workbooks merge the cells of a category or requirement; the CSV then
	 * holds them on the first row only. */
	static const char csv[] = HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(GV)\n"
	                              ",,,,,,★4,1-1-1-2,Text A2,\n"
	                              ",,,,1-1-2,Req B,★4,1-1-2-1,Text B1,\n"
	                              ",,1-2,Sub A2,1-2-1,Req C,★3,1-2-1-1,Text C1,\n";
	scsec_criteria *c;
	scsec_diagnostics *d;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(import_str(&c, csv, d));
	ck_assert_uint_eq(scsec_diagnostics_count(d), 0);
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 4);
	ck_assert_uint_eq(scsec_requirement_criterion_count(scsec_criteria_requirement(c, "1-1-1")), 2);
	ck_assert_str_eq(scsec_category_id(scsec_requirement_category(
	                         scsec_criteria_requirement(c, "1-1-2"))),
	                 "1-1");
	ck_assert_str_eq(scsec_category_id(scsec_requirement_category(
	                         scsec_criteria_requirement(c, "1-2-1"))),
	                 "1-2");
	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

#define VARIANT_HDR HDR9 ",NIST CSFにおける機能,参照文献\n"
#define VARIANT_ROWS "1,Cat A,1-1,Sub A1,1-1-1,Req A,★ 4,1-1-1-2,Text A2,GV,\n" \
                     "2,Cat B,2-1,Sub B1,2-1-1,Req B,★4,2-1-1-1,Text B1,(rs),\n"

START_TEST(variant_spellings)
{
	/* Full-width digits and parentheses, a lower-case code, a bare code,
	 * a space after ★, a reference prefix with a colon, ideographic
	 * spaces around a cell. */
	static const char good[] = VARIANT_HDR
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★３,1-1-1-1,\xe3\x80\x80Text A1\xe3\x80\x80,統治（GV）,"
		"CE: A1.2\n" VARIANT_ROWS;
	/* ＧＶ in full-width letters is no code. */
	static const char bad[] = VARIANT_HDR
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★３,1-1-1-1,Text A1,統治（ＧＶ）,\n" VARIANT_ROWS;
	scsec_criteria *c;

	expect_error(bad, SCSEC_EINVALID, 2, 10, "1-1-1-1", "names no CSF function");
	ck_ok(import_str(&c, good, NULL));
	ck_assert_int_eq(scsec_criterion_min_level(crit(c, "1-1-1-1")), 3);
	ck_assert_int_eq(scsec_criterion_min_level(crit(c, "1-1-1-2")), 4);
	ck_assert_str_eq(scsec_criterion_text(crit(c, "1-1-1-1"), "ja"), "Text A1");
	ck_assert_str_eq(ref_of(crit(c, "1-1-1-1"), "cyber-essentials"), "A1.2");
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(c, "1")), SCSEC_FUNCTION_GV);
	ck_assert_int_eq(scsec_category_function(scsec_criteria_category(c, "2")), SCSEC_FUNCTION_RS);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(rows_count_like_the_sheet)
{
	/* Blank lines and multi-line cells: the row is the record's number,
	 * blank lines included, a multi-line cell counting once. */
	static const char lf[] = HDR ROW_A1 "\n"
	                         "1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-2,\"Text\nA2\",統治(GV)\n"
	                         "1,Cat A,1-1,Sub A1,1-1-1,Req A,★9,1-1-1-3,Text A3,統治(GV)\n";
	static const char crlf[] =
		"大分類No.,大分類,中分類No.,中分類,要求事項No.,要求事項名,★3/★4,評価基準No.,評価基準\r\n"
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1\r\n"
		"\r\n"
		"\r\n"
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-2,\"Text\r\nA2\"\r\n"
		",,,,,,,,\r\n"
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★9,1-1-1-3,Text A3\r\n";

	expect_error(lf, SCSEC_EINVALID, 5, 7, "1-1-1-3", "'★9' is not a level of meti-sc-2026-03");
	expect_error(crlf, SCSEC_EINVALID, 7, 7, "1-1-1-3", "'★9' is not a level");
}
END_TEST

START_TEST(description_notes_the_import)
{
	char path[4096];
	scsec_criteria *c, *b;
	size_t i;

	ck_ok(scsec_criteria_builtin(&b, NULL));
	ck_ok(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, "single.csv"), NULL, NULL,
	                                NULL));
	ck_assert_ptr_nonnull(strstr(scsec_criteria_description(c, "en"),
	                             "Imported from IPA's criteria sheet single.csv."));
	ck_assert_ptr_nonnull(strstr(scsec_criteria_description(c, "en"), "meti-sc-2026-03"));
	/* Identity and rules come from the rules set. */
	ck_assert_str_eq(scsec_criteria_id(c), scsec_criteria_id(b));
	ck_assert_str_eq(scsec_criteria_version(c), scsec_criteria_version(b));
	ck_assert_str_eq(scsec_criteria_title(c, "en"), scsec_criteria_title(b, "en"));
	ck_assert_str_eq(scsec_criteria_title(c, "ja"), scsec_criteria_title(b, "ja"));
	ck_assert_str_eq(scsec_criteria_publisher(c), scsec_criteria_publisher(b));
	ck_assert_int_eq(scsec_criteria_issued(c), scsec_criteria_issued(b));
	ck_assert_uint_eq(scsec_criteria_prerequisite_count(c), scsec_criteria_prerequisite_count(b));
	ck_assert_uint_eq(scsec_criteria_question_count(c), scsec_criteria_question_count(b));
	for (i = 0; i < scsec_criteria_question_count(b); i++)
		ck_assert_str_eq(scsec_question_id(scsec_criteria_question_at(c, i)),
		                 scsec_question_id(scsec_criteria_question_at(b, i)));
	ck_assert_int_eq(scsec_criteria_required_default(c), scsec_criteria_required_default(b));
	scsec_criteria_free(c);

	/* A memory sheet without a name. */
	ck_ok(scsec_criteria_import_ipa_memory(&c, HDR ROW_A1, strlen(HDR ROW_A1), NULL, NULL, NULL,
	                                       NULL));
	ck_assert_ptr_nonnull(strstr(scsec_criteria_description(c, "en"),
	                             "Imported from IPA's criteria sheet. "));
	scsec_criteria_free(c);
	scsec_criteria_free(b);
}
END_TEST

START_TEST(rules_of_another_set)
{
	char path[4096];
	scsec_criteria *rules, *c, *b, *x;
	scsec_diagnostics *d;

	/* The built-in set passed explicitly is the default. */
	ck_ok(scsec_criteria_builtin(&b, NULL));
	ck_ok(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, "single.csv"), b, NULL, NULL));
	ck_ok(scsec_criteria_import_ipa(&x, path, NULL, NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(x));
	scsec_criteria_free(c);
	scsec_criteria_free(x);
	scsec_criteria_free(b);

	ck_ok(scsec_criteria_load_memory(&rules, test_rules, strlen(test_rules), "rules.xml", NULL,
	                                 NULL));
	/* Only ★3 exists there: ★4 rows are errors, each one reported. */
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, "multi.csv"), rules,
	                                           NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(count_sev(d, SCSEC_SEVERITY_ERROR), 2);
	check_diag(nth_error(d, 0), SCSEC_EINVALID, 4, 3, "3-1-1-2",
	           "level '★4' is not a level of test-rules (3)");
	check_diag(nth_error(d, 1), SCSEC_EINVALID, 5, 3, "3-1-2-1", "level '★4'");
	scsec_diagnostics_free(d);

	/* ★3 rows only: the rules' identity, level and texts; its example
	 * category does not come along. */
	ck_ok(scsec_criteria_import_ipa_memory(
		&c, HDR ROW_A1, strlen(HDR ROW_A1), "a.csv", rules, NULL, NULL));
	ck_assert_str_eq(scsec_criteria_id(c), "test-rules");
	ck_assert_str_eq(scsec_criteria_version(c), "7");
	ck_assert_uint_eq(scsec_criteria_level_count(c), 1);
	ck_assert_str_eq(scsec_level_validity(scsec_criteria_level_at(c, 0)), "P2Y");
	ck_assert_int_eq(scsec_level_method(scsec_criteria_level_at(c, 0)), SCSEC_METHOD_SELF);
	ck_assert_str_eq(scsec_criteria_description(c, "ja"), "テスト用の規則");
	ck_assert_ptr_nonnull(strstr(scsec_criteria_description(c, "en"), "a.csv"));
	ck_assert_ptr_null(scsec_criteria_category(c, "x"));
	scsec_criteria_free(c);

	/* References to frameworks the rules do not declare: declared with
	 * their usual titles, and only those used. */
	{
		static const char refs[] =
			HDR9 ",参照文献\n"
			"1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,\"ISO/IEC 27001:2022 A.5.1\n"
			"CE A1.1\"\n";

		ck_ok(scsec_criteria_import_ipa_memory(&c, refs, strlen(refs), "r.csv", rules, NULL,
		                                       NULL));
		ck_assert_str_eq(scsec_criteria_framework_title(c, "iso27001"), "ISO/IEC 27001");
		ck_assert_str_eq(scsec_criteria_framework_title(c, "cyber-essentials"),
		                 "Cyber Essentials");
		ck_assert_ptr_null(scsec_criteria_framework_title(c, "cmmc"));
		ck_assert_str_eq(ref_of(crit(c, "1-1-1-1"), "iso27001"), "A.5.1");
		scsec_criteria_free(c);
	}
	scsec_criteria_free(rules);
}
END_TEST

START_TEST(memory_equals_file)
{
	char path[4096];
	size_t len;
	char *data = read_all(fixture(path, sizeof path, "single.csv"), &len), *a, *b;
	scsec_criteria *f, *m;

	ck_ok(scsec_criteria_import_ipa(&f, path, NULL, NULL, NULL));
	ck_ok(scsec_criteria_import_ipa_memory(&m, data, len, path, NULL, NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(f), scsec_criteria_fingerprint(m));
	a = canonical(f);
	b = canonical(m);
	ck_assert_str_eq(a, b);
	scsec_free(a);
	scsec_free(b);
	scsec_criteria_free(f);
	scsec_criteria_free(m);
	free(data);
}
END_TEST

START_TEST(fixture_round_trip)
{
	static const char *const names[] = { "single.csv", "multi.csv" };
	char path[4096];
	int i;

	for (i = 0; i < 2; i++) {
		scsec_criteria *c, *l;
		char *a, *b;
		size_t n;

		ck_ok(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, names[i]), NULL, NULL,
		                                NULL));
		ck_ok(scsec_criteria_write_memory(&a, &n, c));
		ck_ok(scsec_criteria_load_memory(&l, a, n, names[i], NULL, NULL));
		b = canonical(l);
		ck_assert_str_eq(a, b);
		ck_assert_str_eq(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(l));
		scsec_free(a);
		scsec_free(b);
		scsec_criteria_free(l);
		scsec_criteria_free(c);
	}
}
END_TEST

/* ------------------------------------------------------------ malformed sheets */

START_TEST(missing_needed_column)
{
	static const char csv[] = "大分類No.,大分類,中分類No.,中分類,要求事項No.,要求事項名,"
	                          "評価基準No.\n"
	                          "1,Cat A,1-1,Sub A1,1-1-1,Req A,1-1-1-1\n";
	scsec_criteria *c;
	scsec_diagnostics *d;

	ck_assert_uint_eq(expect_error(csv, SCSEC_EPARSE, 1, 0, NULL, "no column '★3/★4'"), 2);
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(import_str(&c, csv, d), SCSEC_EPARSE);
	check_diag(nth_error(d, 1), SCSEC_EPARSE, 1, 0, NULL, "no column '評価基準'");
	scsec_diagnostics_free(d);

	/* A header is matched whole: "評価基準 " is trimmed, "評価基準(案)" is not it. */
	expect_error("大分類No.,大分類,中分類No.,中分類,要求事項No.,要求事項名,★3/★4,評価基準No.,"
	             "評価基準(案)\n"
	             "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text\n",
	             SCSEC_EPARSE, 1, 0, NULL, "'評価基準'");
	ck_ok(import_str(&c, "大分類No.,大分類,中分類No.,中分類,要求事項No.,要求事項名,★3/★4,"
	                     "評価基準No.,\" 評価基準 \"\n"
	                     "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text\n",
	                 NULL));
	scsec_criteria_free(c);
}
END_TEST

START_TEST(column_given_twice)
{
	expect_error(HDR9 ",評価基準\n"
	             "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,Text again\n",
	             SCSEC_EPARSE, 1, 10, NULL, "'評価基準' is given twice (also column 9)");
}
END_TEST

START_TEST(unknown_level)
{
	expect_error(HDR ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★6,1-1-1-2,Text A2,統治(GV)\n",
	             SCSEC_EINVALID, 3, 7, "1-1-1-2",
	             "level '★6' is not a level of meti-sc-2026-03 (3, 4)");
}
END_TEST

START_TEST(level_not_a_star)
{
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,○,1-1-1-1,Text A1,統治(GV)\n", SCSEC_EINVALID,
	             2, 7, "1-1-1-1", "level '○' is not ★ followed by a rank");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,3,1-1-1-1,Text A1,統治(GV)\n", SCSEC_EINVALID,
	             2, 7, "1-1-1-1", "level '3' is not ★");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3a,1-1-1-1,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 7, "1-1-1-1", "level '★3a'");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,,1-1-1-1,Text A1,統治(GV)\n", SCSEC_EINVALID,
	             2, 7, "1-1-1-1", "★3/★4 is empty");
}
END_TEST

START_TEST(bad_id_characters)
{
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1 1,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 8, NULL, "評価基準No. '1-1-1 1' is not an id");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-い,Req A,★3,1-1-1-1,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 5, "1-1-1-1", "要求事項No. '1-1-い' is not an id");
	expect_error(HDR "-1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 1, "1-1-1-1", "大分類No. '-1' is not an id");
}
END_TEST

START_TEST(id_not_under_its_parent)
{
	expect_error(HDR ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-2-1,Text,統治(GV)\n",
	             SCSEC_EINVALID, 3, 8, "1-1-2-1",
	             "criterion '1-1-2-1' is not under requirement '1-1-1' "
	             "(it must start with '1-1-1-')");
	expect_error(HDR "1,Cat A,2-1,Sub A1,2-1-1,Req A,★3,2-1-1-1,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 3, "2-1-1-1", "sub-category '2-1' is not under category '1'");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-2-1,Req A,★3,1-2-1-1,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 5, "1-2-1-1",
	             "requirement '1-2-1' is not under sub-category '1-1'");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-,Text A1,統治(GV)\n",
	             SCSEC_EINVALID, 2, 8, "1-1-1-", "is not under requirement '1-1-1'");
}
END_TEST

START_TEST(invalid_utf8_in_a_cell)
{
	expect_error(HDR ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-2,Text \xff A2,統治(GV)\n",
	             SCSEC_EENCODING, 3, 9, "1-1-1-2", "評価基準: the cell is not valid UTF-8 text");
	/* A truncated sequence in the requirement name, a control character in a title. */
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req \xe3\x81,★3,1-1-1-1,Text A1,統治(GV)\n",
	             SCSEC_EENCODING, 2, 6, "1-1-1-1", "要求事項名");
	expect_error(HDR "1,Cat \x01 A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(GV)\n",
	             SCSEC_EENCODING, 2, 2, "1-1-1-1", "大分類");
	/* A sheet in no encoding the reader knows (Shift_JIS and UTF-8 mixed):
	 * one error for the file, not one per cell. */
	ck_assert_uint_eq(expect_error("\x91\xe5\x95\xaa\x97\xdeNo.,\x91\xe5\x95\xaa\x97\xde,中分類No.,"
	                               "中分類,要求事項No.,要求事項名,★3/★4,評価基準No.,評価基準\n"
	                               "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1\n",
	                               SCSEC_EENCODING, 1, 0, NULL,
	                               "neither UTF-8 nor Shift_JIS (CP932) (byte 0x91 near text line 1)"),
	                  1);
	/* An invalid criterion id cell: no id to name. */
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-\xc0\x80,Text A1,統治(GV)\n",
	             SCSEC_EENCODING, 2, 8, NULL, "評価基準No.");
}
END_TEST

START_TEST(requirement_resumed)
{
	expect_error(HDR ROW_A1 ROW_B1 ROW_A2, SCSEC_EINVALID, 4, 5, "1-1-1-2",
	             "requirement '1-1-1' resumes after requirement '1-1-2' began");
	expect_error(HDR ROW_A1 "1,Cat A,1-2,Sub A2,1-2-1,Req C,★3,1-2-1-1,Text,統治(GV)\n" ROW_B1,
	             SCSEC_EINVALID, 4, 3, "1-1-2-1",
	             "sub-category '1-1' resumes after sub-category '1-2' began");
	expect_error(HDR ROW_A1 "2,Cat B,2-1,Sub B1,2-1-1,Req C,★3,2-1-1-1,Text,防御(PR)\n" ROW_B1,
	             SCSEC_EINVALID, 4, 1, "1-1-2-1", "category '1' resumes after category '2' began");
}
END_TEST

START_TEST(unterminated_quote)
{
	expect_error(HDR ROW_A1 "1,\"Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-2,Text A2,統治(GV)\n",
	             SCSEC_EPARSE, 3, 2, NULL, "a quoted cell is not closed");
}
END_TEST

START_TEST(stray_quote)
{
	expect_error(HDR ROW_A1 "1,Cat A,1-1,Sub \"A1\",1-1-1,Req A,★4,1-1-1-2,Text A2,統治(GV)\n",
	             SCSEC_EPARSE, 3, 4, NULL, "a quote inside a cell");
	expect_error(HDR ROW_A1 "1,Cat A,1-1,\"Sub\" A1,1-1-1,Req A,★4,1-1-1-2,Text A2,統治(GV)\n",
	             SCSEC_EPARSE, 3, 4, NULL, "after the closing quote");
}
END_TEST

START_TEST(inconsistent_function)
{
	expect_error(HDR ROW_A1 "1,Cat A,1-2,Sub A2,1-2-1,Req C,★3,1-2-1-1,Text,防御(PR)\n",
	             SCSEC_EINVALID, 3, 10, "1-2-1-1",
	             "function PR differs from GV, given for category '1' at row 2");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(XX)\n",
	             SCSEC_EINVALID, 2, 10, "1-1-1-1", "'統治(XX)' names no CSF function");
}
END_TEST

START_TEST(empty_sheet)
{
	scsec_criteria *c = (scsec_criteria *)&c;
	scsec_diagnostics *d;

	expect_error("", SCSEC_EPARSE, 0, 0, NULL, "the sheet is empty");
	expect_error("\xef\xbb\xbf", SCSEC_EPARSE, 0, 0, NULL, "the sheet is empty");
	expect_error("\r\n\r\n,,,\r\n  \r\n", SCSEC_EPARSE, 0, 0, NULL, "the sheet is empty");
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_import_ipa_memory(&c, NULL, 0, "e.csv", NULL, NULL, d),
	                 SCSEC_EPARSE);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	scsec_diagnostics_free(d);
	/* A header and nothing else. */
	expect_error(HDR ",,,,,,,,,\n", SCSEC_EINVALID, 1, 0, NULL, "no criterion row");
}
END_TEST

START_TEST(duplicate_criterion_id)
{
	/* Found when the set is finished, at the second row. */
	expect_error(HDR ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-1,Text again,統治(GV)\n",
	             SCSEC_EINVALID, 3, 8, "1-1-1-1", "duplicate id '1-1-1-1'");
}
END_TEST

START_TEST(empty_cells)
{
	expect_error(HDR ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,,Text A2,統治(GV)\n",
	             SCSEC_EINVALID, 3, 8, NULL, "評価基準No. is empty");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,,統治(GV)\n", SCSEC_EINVALID, 2,
	             9, "1-1-1-1", "評価基準 is empty");
	expect_error(HDR "1,,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(GV)\n", SCSEC_EINVALID, 2,
	             2, "1-1-1-1", "大分類 is empty on the first row of category '1'");
	expect_error(HDR "1,Cat A,1-1,Sub A1,1-1-1,,★3,1-1-1-1,Text A1,統治(GV)\n", SCSEC_EINVALID,
	             2, 6, "1-1-1-1", "要求事項名 is empty on the first row of requirement '1-1-1'");
	expect_error(HDR ",Cat A,1-1,Sub A1,1-1-1,Req A,★3,1-1-1-1,Text A1,統治(GV)\n", SCSEC_EINVALID,
	             2, 1, "1-1-1-1", "大分類No. is empty");
}
END_TEST

START_TEST(every_problem_is_reported)
{
	static const char csv[] = HDR ROW_A1
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★7,1-1-1-2,Text A2,統治(GV)\n"   /* row 3: level */
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-3,Text A3,統治(GV)\n"   /* fine */
		"1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-9-4,Text \xfe,統治(GV)\n" /* row 5: two */
		"1,Cat A,1-1,Sub A1,1-1-1,Other name,★4,1-1-1-5,Text,統治(GV)\n"; /* warning */
	scsec_criteria *c;
	scsec_diagnostics *d;
	const scsec_diagnostic *w;

	ck_assert_uint_eq(expect_error(csv, SCSEC_EINVALID, 3, 7, "1-1-1-2", "'★7'"), 3);
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(import_str(&c, csv, d), SCSEC_EINVALID);
	check_diag(nth_error(d, 1), SCSEC_EENCODING, 5, 9, "1-1-9-4", "not valid UTF-8");
	check_diag(nth_error(d, 2), SCSEC_EINVALID, 5, 8, "1-1-9-4", "not under requirement");
	w = scsec_diagnostics_at(d, 3);
	ck_assert_int_eq(scsec_diagnostic_severity(w), SCSEC_SEVERITY_WARNING);
	check_diag(w, SCSEC_EINVALID, 6, 6, "1-1-1-5",
	           "要求事項名 of requirement '1-1-1' differs from the one given at row 2");
	ck_assert_uint_eq(scsec_diagnostics_count(d), 4);
	{
		char *s;

		ck_ok(scsec_diagnostic_format(&s, nth_error(d, 0)));
		ck_assert_str_eq(s, "sheet.csv:3:7: error: level '★7' is not a level of "
		                    "meti-sc-2026-03 (3, 4) [1-1-1-2]");
		scsec_free(s);
	}
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(row_limit)
{
	static const char csv[] = HDR ROW_A1 ROW_A2 ROW_B1;
	scsec_load_options *o;
	scsec_criteria *c;
	scsec_diagnostics *d;

	ck_ok(scsec_load_options_new(&o));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 4));
	ck_ok(scsec_criteria_import_ipa_memory(&c, csv, strlen(csv), "l.csv", NULL, o, NULL));
	scsec_criteria_free(c);
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 3));
	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_import_ipa_memory(&c, csv, strlen(csv), "l.csv", NULL, o, d),
	                 SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	check_diag(nth_error(d, 0), SCSEC_ELIMIT, 4, 0, NULL, "more than 3 rows");
	scsec_diagnostics_free(d);

	/* The size limits of the source apply too. */
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_ITEMS, 100));
	ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_FILE_SIZE, 16));
	ck_assert_int_eq(scsec_criteria_import_ipa_memory(&c, csv, strlen(csv), "l.csv", NULL, o, NULL),
	                 SCSEC_ELIMIT);
	ck_assert_ptr_null(c);
	scsec_load_options_free(o);
}
END_TEST

/* ------------------------------------------------------------ the API */

START_TEST(null_arguments)
{
	scsec_criteria *c = (scsec_criteria *)&c;

	ck_assert_int_eq(scsec_criteria_import_ipa(NULL, "x.csv", NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_import_ipa(&c, NULL, NULL, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_import_ipa_memory(NULL, "x", 1, NULL, NULL, NULL, NULL),
	                 SCSEC_EINVAL);
	c = (scsec_criteria *)&c;
	ck_assert_int_eq(scsec_criteria_import_ipa_memory(&c, NULL, 1, NULL, NULL, NULL, NULL),
	                 SCSEC_EINVAL);
	ck_assert_ptr_null(c);
}
END_TEST

START_TEST(missing_file)
{
	char path[4096];
	scsec_criteria *c = (scsec_criteria *)&c;
	scsec_diagnostics *d;

	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, "no-such.csv"), NULL,
	                                           NULL, d),
	                 SCSEC_EIO);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 1);
	ck_assert_str_eq(scsec_diagnostic_file(scsec_diagnostics_at(d, 0)), path);
	ck_assert_int_eq(scsec_diagnostic_code(scsec_diagnostics_at(d, 0)), SCSEC_EIO);
	ck_assert_str_eq(scsec_error_file(scsec_error_last()), path);
	/* A directory is no sheet either. */
	ck_assert_int_eq(scsec_criteria_import_ipa(&c, fixture(path, sizeof path, ""), NULL, NULL,
	                                           NULL),
	                 SCSEC_EIO);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(failing_allocations)
{
	char path[4096];
	size_t len;
	char *data = read_all(fixture(path, sizeof path, "single.csv"), &len);
	scsec_criteria *rules, *c, *ok;
	scsec_diagnostics *d;
	long n;
	int rc;

	ck_ok(scsec_criteria_builtin(&rules, NULL));
	ck_ok(scsec_criteria_import_ipa_memory(&ok, data, len, "single.csv", rules, NULL, NULL));
	ck_ok(scsec_diagnostics_new(&d));
	for (n = 0;; n++) {
		c = (scsec_criteria *)&c;
		scsec_diagnostics_clear(d);
		fail_after = n;
		rc = scsec_criteria_import_ipa_memory(&c, data, len, "single.csv", rules, NULL, d);
		fail_after = -1;
		if (rc == 0)
			break;
		ck_assert_msg(rc == SCSEC_ENOMEM, "allocation %ld failing gave %d", n, rc);
		ck_assert_ptr_null(c);
		ck_assert_int_lt(n, 100000);
	}
	ck_assert_int_gt(n, 10);
	ck_assert_str_eq(scsec_criteria_fingerprint(c), scsec_criteria_fingerprint(ok));
	scsec_criteria_free(c);

	/* A malformed sheet: out of memory until its own error shows. */
	for (n = 0;; n++) {
		static const char bad[] = HDR ROW_A1 "1,Cat A,1-1,Sub A1,1-1-1,Req B,★7,1-1-1-2,T,GV\n"
		                          "1,Cat A,1-1,Sub A1,1-1-1,Req A,★4,1-1-1-3,\xff,GV\n";

		c = (scsec_criteria *)&c;
		scsec_diagnostics_clear(d);
		fail_after = n;
		rc = scsec_criteria_import_ipa_memory(&c, bad, strlen(bad), "bad.csv", rules, NULL, d);
		fail_after = -1;
		ck_assert_ptr_null(c);
		if (rc != SCSEC_ENOMEM)
			break;
		ck_assert_int_lt(n, 100000);
	}
	ck_assert_int_eq(rc, SCSEC_EINVALID);
	ck_assert_uint_eq(scsec_diagnostics_count(d), 3);
	scsec_criteria_free(ok);
	scsec_criteria_free(rules);
	scsec_diagnostics_free(d);
	free(data);
}
END_TEST

/* ------------------------------------------------------------ IPA's draft */

START_TEST(draft_imports)
{
	char path[4096];
	scsec_criteria *c, *b;
	scsec_diagnostics *d;
	const scsec_level *l3, *l4;
	const scsec_criterion *cr;
	const char *text;
	size_t i;

	ck_assert_ptr_nonnull(draft_path(path, sizeof path));
	ck_ok(scsec_criteria_builtin(&b, NULL));
	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_criteria_import_ipa(&c, path, NULL, NULL, d));
	ck_assert_uint_eq(count_sev(d, SCSEC_SEVERITY_ERROR), 0);

	l3 = scsec_criteria_level_by_rank(c, 3);
	l4 = scsec_criteria_level_by_rank(c, 4);
	ck_assert_uint_eq(scsec_level_requirement_count(l3), 26);
	ck_assert_uint_eq(scsec_level_criterion_count(l3), 83);
	ck_assert_uint_eq(scsec_level_requirement_count(l4), 44);
	ck_assert_uint_eq(scsec_level_criterion_count(l4), 157);
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 157);
	ck_assert_ptr_nonnull(scsec_criteria_requirement(c, "4-5-2"));

	cr = crit(c, "1-1-1-1");
	text = scsec_criterion_text(cr, "ja");
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_gt(strlen(text), 10);
	for (i = 0; text[i] && !((unsigned char)text[i] & 0x80); i++)
		;
	ck_assert_msg(text[i], "the criterion text is not Japanese");
	ck_assert_int_eq(scsec_criterion_function(cr), SCSEC_FUNCTION_GV);
	ck_assert_ptr_nonnull(ref_of(cr, "iso27001"));
	ck_assert_ptr_nonnull(ref_of(cr, "jama-japia"));

	ck_assert_str_eq(scsec_criteria_id(c), scsec_criteria_id(b));
	ck_assert_str_eq(scsec_criteria_version(c), scsec_criteria_version(b));
	ck_assert_uint_eq(scsec_criteria_level_count(c), scsec_criteria_level_count(b));
	for (i = 0; i < scsec_criteria_level_count(b); i++) {
		const scsec_level *x = scsec_criteria_level_at(c, i), *y = scsec_criteria_level_at(b, i);

		ck_assert_int_eq(scsec_level_rank(x), scsec_level_rank(y));
		ck_assert_str_eq(scsec_level_label(x), scsec_level_label(y));
		ck_assert_int_eq(scsec_level_method(x), scsec_level_method(y));
		ck_assert_str_eq(scsec_level_validity(x), scsec_level_validity(y));
		ck_assert_int_eq(scsec_level_validity_provisional(x), scsec_level_validity_provisional(y));
		ck_assert_int_eq(scsec_level_requires_lower(x), scsec_level_requires_lower(y));
		ck_assert_uint_eq(scsec_level_prerequisite_count(x), scsec_level_prerequisite_count(y));
	}
	/* Every category is one of the seven, with a CSF function. */
	for (i = 0; i < scsec_criteria_category_count(c); i++)
		ck_assert_int_ne(scsec_category_function(scsec_criteria_category_at(c, i)),
		                 SCSEC_FUNCTION_NONE);
	scsec_criteria_free(c);
	scsec_criteria_free(b);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(draft_round_trip)
{
	char path[4096];
	scsec_criteria *c, *again, *l;
	char *a, *b;
	size_t n;

	ck_assert_ptr_nonnull(draft_path(path, sizeof path));
	ck_ok(scsec_criteria_import_ipa(&c, path, NULL, NULL, NULL));
	ck_ok(scsec_criteria_write_memory(&a, &n, c));
	ck_ok(scsec_criteria_load_memory(&l, a, n, "draft.xml", NULL, NULL));
	b = canonical(l);
	ck_assert_uint_eq(strlen(b), n);
	ck_assert(!memcmp(a, b, n));
	ck_assert_str_eq(scsec_criteria_fingerprint(l), scsec_criteria_fingerprint(c));
	ck_assert_uint_eq(scsec_criteria_criterion_count(l), 157);

	/* Importing twice gives the same set. */
	ck_ok(scsec_criteria_import_ipa(&again, path, NULL, NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(again), scsec_criteria_fingerprint(c));
	scsec_free(a);
	scsec_free(b);
	scsec_criteria_free(again);
	scsec_criteria_free(l);
	scsec_criteria_free(c);
}
END_TEST

/* ------------------------------------------------------------ suite */

static Suite *ipa_suite(int draft)
{
	Suite *s = suite_create("ipa");
	TCase *tc;

	if (draft) {
		tc = tcase_create("draft");
		tcase_add_test(tc, draft_imports);
		tcase_add_test(tc, draft_round_trip);
		suite_add_tcase(s, tc);
		return s;
	}
	tc = tcase_create("layouts");
	tcase_add_test(tc, single_reference_cell);
	tcase_add_test(tc, reference_columns_under_second_header);
	tcase_add_test(tc, bom_and_line_ends_do_not_matter);
	tcase_add_test(tc, columns_in_any_order);
	tcase_add_test(tc, merged_cells_repeat_the_row_before);
	tcase_add_test(tc, variant_spellings);
	tcase_add_test(tc, rows_count_like_the_sheet);
	tcase_add_test(tc, description_notes_the_import);
	tcase_add_test(tc, rules_of_another_set);
	tcase_add_test(tc, memory_equals_file);
	tcase_add_test(tc, fixture_round_trip);
	suite_add_tcase(s, tc);

	tc = tcase_create("malformed");
	tcase_add_test(tc, missing_needed_column);
	tcase_add_test(tc, column_given_twice);
	tcase_add_test(tc, unknown_level);
	tcase_add_test(tc, level_not_a_star);
	tcase_add_test(tc, bad_id_characters);
	tcase_add_test(tc, id_not_under_its_parent);
	tcase_add_test(tc, invalid_utf8_in_a_cell);
	tcase_add_test(tc, requirement_resumed);
	tcase_add_test(tc, unterminated_quote);
	tcase_add_test(tc, stray_quote);
	tcase_add_test(tc, inconsistent_function);
	tcase_add_test(tc, empty_sheet);
	tcase_add_test(tc, duplicate_criterion_id);
	tcase_add_test(tc, empty_cells);
	tcase_add_test(tc, every_problem_is_reported);
	tcase_add_test(tc, row_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, null_arguments);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, failing_allocations);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	/* CK_RUN_CASE=draft (tests/ipa_draft.sh): IPA's draft only, else the rest. */
	const char *only = getenv("CK_RUN_CASE");
	int draft = only && !strcmp(only, "draft");
	char path[4096];

	/* Before anything allocates: the failing-allocation test needs it. */
	if (scsec_set_allocator(t_malloc, t_realloc, t_free, NULL)) {
		fprintf(stderr, "scsec_set_allocator failed\n");
		return EXIT_FAILURE;
	}
	if (draft && !draft_path(path, sizeof path))
		return 77; /* automake's "skipped" */
	return test_run(ipa_suite(draft));
}
