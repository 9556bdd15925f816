/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The answer workbook (.xlsx) of a criteria set, through libxlsxwriter: a
 * sheet of instructions, then the answer sheet, the CSV template's rows and
 * cells exactly (the CSV is written and read back through the one sheet
 * reader, so the two layouts cannot drift apart), with dropdown lists for
 * status and method, date cells, a frozen header, and the criteria columns
 * protected (no password) while the answer cells stay open. */
#include "config.h"

#include <string.h>

#include <xlsxwriter.h>

#include "io/file.h"
#include "io/messages.h"
#include "io/sheet.h"
#include "io/source.h"
#include "model/criteria.h"
#include "util/error.h"

/* Widths (in characters) of the answer sheet's columns, by name. */
static const struct {
	const char *name;
	double width;
} widths[] = {
	{ "id", 26 },          { "type", 12 },         { "level", 9 },        { "category", 28 },
	{ "requirement", 36 }, { "text", 60 },         { "status", 14 },      { "method", 16 },
	{ "assessor", 18 },    { "assessor_id", 18 },  { "assessed_on", 12 }, { "expires_on", 12 },
	{ "planned_on", 12 },
	{ "justification", 40 }, { "artifact", 36 },   { "note", 28 },
};

static const char *const status_codes[] = {
	"value.status.met", "value.status.partial", "value.status.not-met",
	"value.status.not-applicable",
};
static const char *const method_codes[] = {
	"value.method.self", "value.method.expert-reviewed", "value.method.third-party",
};

#define HOWTO_LINES 9

typedef struct xlsx_template {
	const scsec_criteria *c;
	const char *path;            /* the target, for messages */
	const char *lang;
	const char *csv;
	size_t csv_len;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *info, *answer, *date, *title, *para;
	long first_answer;           /* the status column: answers from there on */
	long status_col, method_col, date_col[3];
	size_t ncols;
	lxw_row_t nrows;             /* data rows */
	lxw_error lerr;              /* the first libxlsxwriter error */
} xlsx_template;

static void check(xlsx_template *t, lxw_error e)
{
	if (e && !t->lerr)
		t->lerr = e;
}

static double width_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof widths / sizeof widths[0]; i++)
		if (!strcmp(widths[i].name, name))
			return widths[i].width;
	return 16;
}

static void read_header(xlsx_template *t, const scsec__sheet_row *row)
{
	size_t i;

	t->ncols = row->ncells;
	for (i = 0; i < row->ncells; i++) {
		const char *name = scsec__sheet_cell(row, i), *ja = scsec__column_ja(name);
		const char *shown = scsec__lang_ja(t->lang) && ja ? ja : name;

		if (!strcmp(name, "status"))
			t->first_answer = t->status_col = (long)i;
		else if (!strcmp(name, "method"))
			t->method_col = (long)i;
		else if (!strcmp(name, "assessed_on"))
			t->date_col[0] = (long)i;
		else if (!strcmp(name, "expires_on"))
			t->date_col[1] = (long)i;
		else if (!strcmp(name, "planned_on"))
			t->date_col[2] = (long)i;
		check(t, worksheet_write_string(t->ws, 0, (lxw_col_t)i, shown, t->head));
	}
	for (i = 0; i < row->ncells; i++) {
		const char *name = scsec__sheet_cell(row, i);
		int answer = t->first_answer >= 0 && (long)i >= t->first_answer;
		int date = (long)i == t->date_col[0] || (long)i == t->date_col[1] ||
		           (long)i == t->date_col[2];

		check(t, worksheet_set_column(t->ws, (lxw_col_t)i, (lxw_col_t)i, width_of(name),
		                              date ? t->date : answer ? t->answer : t->info));
	}
}

static int on_row(void *ctx, const scsec__sheet_row *row)
{
	xlsx_template *t = ctx;
	lxw_row_t r;
	size_t i;

	if (scsec__sheet_row_empty(row))
		return 0;
	if (!t->ncols) {
		read_header(t, row);
		return 0;
	}
	r = ++t->nrows;
	for (i = 0; i < t->ncols; i++) {
		const char *s = scsec__sheet_cell(row, i);
		int answer = t->first_answer >= 0 && (long)i >= t->first_answer;
		int date = (long)i == t->date_col[0] || (long)i == t->date_col[1] ||
		           (long)i == t->date_col[2];
		lxw_format *f = date ? t->date : answer ? t->answer : t->info;

		/* The apostrophe the CSV writer puts before formula-like text:
		 * a string cell needs none. */
		if (s[0] == '\'' && scsec__csv_formula_start(s + 1))
			s++;
		if (*s)
			check(t, worksheet_write_string(t->ws, r, (lxw_col_t)i, s, f));
		else
			check(t, worksheet_write_blank(t->ws, r, (lxw_col_t)i, f));
	}
	return 0;
}

/* A list validation of the values of codes (in the chosen language). */
static void list_validation(xlsx_template *t, long col, const char *const *codes, size_t n,
                            const char *input)
{
	const char *values[5];
	lxw_data_validation v;
	size_t i;

	if (col < 0 || !t->nrows)
		return;
	for (i = 0; i < n; i++)
		values[i] = scsec__msg(codes[i], t->lang);
	values[n] = NULL;
	memset(&v, 0, sizeof v);
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)values;
	v.input_message = (char *)scsec__msg(input, t->lang);
	v.error_message = (char *)scsec__msg("tpl.error.list", t->lang);
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	check(t, worksheet_data_validation_range(t->ws, 1, (lxw_col_t)col, t->nrows, (lxw_col_t)col, &v));
}

static void date_validation(xlsx_template *t, long col)
{
	lxw_data_validation v;

	if (col < 0 || !t->nrows)
		return;
	memset(&v, 0, sizeof v);
	v.validate = LXW_VALIDATION_TYPE_DATE;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_datetime.year = 2000;
	v.minimum_datetime.month = 1;
	v.minimum_datetime.day = 1;
	v.maximum_datetime.year = 2099;
	v.maximum_datetime.month = 12;
	v.maximum_datetime.day = 31;
	v.input_message = (char *)scsec__msg("tpl.input.date", t->lang);
	v.error_message = (char *)scsec__msg("tpl.error.date", t->lang);
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	check(t, worksheet_data_validation_range(t->ws, 1, (lxw_col_t)col, t->nrows, (lxw_col_t)col, &v));
}

static void formats(xlsx_template *t)
{
	t->head = workbook_add_format(t->wb);
	format_set_bold(t->head);
	format_set_text_wrap(t->head);
	format_set_align(t->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(t->head, 0xD9D9D9);
	format_set_border(t->head, LXW_BORDER_THIN);
	t->info = workbook_add_format(t->wb);
	format_set_text_wrap(t->info);
	format_set_align(t->info, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(t->info, 0xF2F2F2);
	t->answer = workbook_add_format(t->wb);
	format_set_unlocked(t->answer);
	format_set_text_wrap(t->answer);
	format_set_align(t->answer, LXW_ALIGN_VERTICAL_TOP);
	t->date = workbook_add_format(t->wb);
	format_set_unlocked(t->date);
	format_set_align(t->date, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(t->date, "yyyy-mm-dd");
	t->title = workbook_add_format(t->wb);
	format_set_bold(t->title);
	format_set_font_size(t->title, 14);
	t->para = workbook_add_format(t->wb);
	format_set_text_wrap(t->para);
	format_set_align(t->para, LXW_ALIGN_VERTICAL_TOP);
}

static void instructions(xlsx_template *t, lxw_worksheet *ws)
{
	const char *title = scsec_criteria_title(t->c, t->lang);
	char line[512], code[16];
	lxw_row_t r = 0;
	int i;

	check(t, worksheet_set_column(ws, 0, 0, 24, t->para));
	check(t, worksheet_set_column(ws, 1, 1, 96, t->para));
	check(t, worksheet_write_string(ws, r++, 0, scsec__msg("tpl.title", t->lang), t->title));
	snprintf(line, sizeof line, "%s (%s %s)", title ? title : t->c->id, t->c->id,
	         t->c->version ? t->c->version : "");
	check(t, worksheet_write_string(ws, r, 0, scsec__msg("tpl.set", t->lang), t->para));
	check(t, worksheet_write_string(ws, r++, 1, line, t->para));
	check(t, worksheet_write_string(ws, r, 0, scsec__msg("tpl.rows", t->lang), t->para));
	check(t, worksheet_write_number(ws, r++, 1, (double)t->nrows, t->para));
	r++;
	for (i = 1; i <= HOWTO_LINES; i++) {
		snprintf(code, sizeof code, "tpl.howto.%d", i);
		snprintf(line, sizeof line, "%d.", i);
		check(t, worksheet_write_string(ws, r, 0, line, t->para));
		check(t, worksheet_write_string(ws, r++, 1, scsec__msg(code, t->lang), t->para));
	}
	worksheet_protect(ws, NULL, NULL);
}

/* Writes the workbook under the temporary's name (scsec__write_file_with). */
static int fill(const char *tmp_path, void *ctx)
{
	xlsx_template *t = ctx;
	lxw_worksheet *help;
	lxw_protection prot;
	scsec__reporter rep = SCSEC__REPORTER_INIT("<template>", NULL);
	scsec__source src;
	lxw_error e;
	int rc;

	t->wb = workbook_new(tmp_path);
	if (!t->wb)
		return scsec__error_set_at(SCSEC_EIO, t->path, 0, 0,
		                           "cannot start the workbook (libxlsxwriter)");
	formats(t);
	help = workbook_add_worksheet(t->wb, scsec__msg("tpl.sheet.instructions", t->lang));
	t->ws = workbook_add_worksheet(t->wb, scsec__msg("tpl.sheet.answers", t->lang));
	if (!help || !t->ws || !t->head || !t->info || !t->answer || !t->date || !t->title || !t->para)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory (libxlsxwriter)");
	else if (!(rc = scsec__source_open_memory(&src, t->csv, t->csv_len, "<template>", NULL))) {
		rc = scsec__sheet_read(&src, NULL, &rep, on_row, t);
		scsec__source_close(&src);
	}
	if (!rc) {
		list_validation(t, t->status_col, status_codes, 4, "tpl.input.status");
		list_validation(t, t->method_col, method_codes, 3, "tpl.input.method");
		date_validation(t, t->date_col[0]);
		date_validation(t, t->date_col[1]);
		date_validation(t, t->date_col[2]);
		worksheet_freeze_panes(t->ws, 1, 1);
		if (t->ncols)
			check(t, worksheet_autofilter(t->ws, 0, 0, t->nrows, (lxw_col_t)(t->ncols - 1)));
		memset(&prot, 0, sizeof prot);
		prot.format_columns = 1;  /* allowed: widths, heights, filters */
		prot.format_rows = 1;
		prot.autofilter = 1;
		worksheet_protect(t->ws, NULL, &prot);
		instructions(t, help);
	}
	/* Closed in every case: it frees the workbook (the file is then
	 * removed by the caller when rc is set). */
	e = workbook_close(t->wb);
	t->wb = NULL;
	if (rc)
		return rc;
	if (t->lerr)
		return scsec__error_set_at(SCSEC_ERROR, t->path, 0, 0, "cannot write the workbook: %s",
		                           lxw_strerror(t->lerr));
	if (e)
		return scsec__error_set_at(e == LXW_ERROR_MEMORY_MALLOC_FAILED ? SCSEC_ENOMEM : SCSEC_EIO,
		                           t->path, 0, 0, "cannot write the workbook: %s", lxw_strerror(e));
	return 0;
}

int scsec_criteria_template_xlsx(const scsec_criteria *criteria, const char *path, int rank,
                                 const char *lang)
{
	xlsx_template t;
	char *csv = NULL;
	size_t len = 0;
	int rc;

	SCSEC__CHECK_ARG(criteria);
	SCSEC__CHECK_ARG(path && *path);
	if ((rc = scsec_criteria_template_csv(&csv, &len, criteria, rank, lang)))
		return rc;
	memset(&t, 0, sizeof t);
	t.c = criteria;
	t.path = path;
	t.lang = lang;
	t.csv = csv;
	t.csv_len = len;
	t.first_answer = t.status_col = t.method_col = t.date_col[0] = t.date_col[1] = t.date_col[2] = -1;
	rc = scsec__write_file_with(path, fill, &t);
	scsec_free(csv);
	return rc;
}
