/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: a result as an Excel workbook for a consultant to annotate
 * (evaluate --format xlsx): a summary sheet, then the gaps with their
 * reasons and an open column for notes; texts from the message catalogue. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "scsec.h"

typedef struct result_job {
	const scsec_result *r;
	const char *lang;
} result_job;

static int start_failed(const char *path)
{
	cli_errorf("cannot start the workbook %s", path);
	return EXIT_IO;
}

/* Bold on grey, as the header rows of every workbook scsec writes. */
static lxw_format *header_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bold(f);
	format_set_bg_color(f, 0xD9D9D9);
	return f;
}

static const char *gap_text(const scsec_criteria *c, const scsec_gap *g, const char *lang)
{
	const char *id = scsec_gap_id(g), *s = NULL;

	if (scsec_gap_is_prerequisite(g))
		s = scsec_prerequisite_title(scsec_criteria_prerequisite(c, id), lang);
	else
		s = scsec_criterion_text(scsec_criteria_criterion(c, id), lang);
	return s ? s : "";
}

static int make_result(const char *path, void *ctx)
{
	static const char *const heads[] = { "result.col.id", "result.col.type", "result.col.reason",
	                                     "result.col.explanation", "result.col.text",
	                                     "result.col.note" };
	static const double widths[] = { 26, 14, 16, 40, 60, 40 };
	const result_job *job = ctx;
	const scsec_criteria *c = scsec_result_criteria(job->r);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *sum, *gaps;
	lxw_format *head, *wrap, *open;
	char date[SCSEC_DATE_BUFSIZE], code[64];
	lxw_row_t row = 0;
	lxw_error e;
	size_t i;

	if (!wb)
		return start_failed(path);
	head = header_format(wb);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	open = workbook_add_format(wb);
	format_set_text_wrap(open);
	format_set_align(open, LXW_ALIGN_VERTICAL_TOP);
	format_set_unlocked(open);
	sum = workbook_add_worksheet(wb, cli_msg("result.sheet.summary", job->lang));
	gaps = workbook_add_worksheet(wb, cli_msg("result.sheet.gaps", job->lang));
	if (sum && gaps) {
		worksheet_set_column(sum, 0, 0, 24, wrap);
		worksheet_set_column(sum, 1, 1, 60, wrap);
		worksheet_write_string(sum, row, 0, cli_msg("result.set", job->lang), head);
		worksheet_write_string(sum, row++, 1, scsec_criteria_id(c), wrap);
		worksheet_write_string(sum, row, 0, cli_msg("result.level", job->lang), head);
		worksheet_write_string(sum, row++, 1,
		                       scsec_result_level(job->r) ? scsec_result_level_label(job->r)
		                                                  : cli_msg("result.no-level", job->lang),
		                       wrap);
		worksheet_write_string(sum, row, 0, cli_msg("result.valid-until", job->lang), head);
		worksheet_write_string(sum, row++, 1,
		                       scsec_date_format(date, scsec_result_valid_until(job->r)) ? "" : date,
		                       wrap);
		worksheet_write_string(sum, row, 0, cli_msg("result.as-of", job->lang), head);
		worksheet_write_string(sum, row++, 1,
		                       scsec_date_format(date, scsec_result_as_of(job->r)) ? "" : date, wrap);
		worksheet_write_string(sum, row, 0, cli_msg("result.gaps", job->lang), head);
		worksheet_write_number(sum, row++, 1, (double)scsec_result_gap_count(job->r), wrap);
		for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
			worksheet_write_string(gaps, 0, (lxw_col_t)i, cli_msg(heads[i], job->lang), head);
			worksheet_set_column(gaps, (lxw_col_t)i, (lxw_col_t)i, widths[i], wrap);
		}
		for (i = 0; i < scsec_result_gap_count(job->r); i++) {
			const scsec_gap *g = scsec_result_gap_at(job->r, i);
			const char *reason = scsec_reason_name(scsec_gap_reason(g));
			lxw_row_t r = (lxw_row_t)i + 1;

			snprintf(code, sizeof code, "reason.%s", reason);
			worksheet_write_string(gaps, r, 0, scsec_gap_id(g), wrap);
			worksheet_write_string(gaps, r, 1,
			                       cli_msg(scsec_gap_is_prerequisite(g) ? "result.prerequisite"
			                                                        : "result.criterion",
			                           job->lang),
			                       wrap);
			worksheet_write_string(gaps, r, 2, reason, wrap);
			worksheet_write_string(gaps, r, 3, cli_msg(code, job->lang), wrap);
			worksheet_write_string(gaps, r, 4, gap_text(c, g, job->lang), wrap);
			worksheet_write_blank(gaps, r, 5, open);
		}
		worksheet_freeze_panes(gaps, 1, 1);
		worksheet_autofilter(gaps, 0, 0, (lxw_row_t)scsec_result_gap_count(job->r), 5);
	}
	e = workbook_close(wb);
	if (!sum || !gaps || e) {
		cli_errorf("cannot write the workbook: %s", e ? lxw_strerror(e) : "out of memory");
		return EXIT_IO;
	}
	return EXIT_OK;
}

int cli_write_result_xlsx(const char *out, const scsec_result *r, const char *lang)
{
	result_job job;

	job.r = r;
	job.lang = lang;
	return cli_write_made(out, make_result, &job);
}

typedef struct table_job {
	const char *sheet;
	size_t ncols, nrows;
	const char *const *cells;
	unsigned numeric;
} table_job;

static int make_table(const char *path, void *ctx)
{
	const table_job *t = ctx;
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *head;
	lxw_error e;
	size_t i, j;

	if (!wb)
		return start_failed(path);
	head = header_format(wb);
	ws = workbook_add_worksheet(wb, t->sheet);
	for (i = 0; ws && i < t->nrows; i++) {
		for (j = 0; j < t->ncols; j++) {
			const char *s = t->cells[i * t->ncols + j];
			char *end;
			double v;

			if (!s || !*s)
				continue;
			v = strtod(s, &end);
			if (i && ((t->numeric >> j) & 1) && !*end)
				worksheet_write_number(ws, (lxw_row_t)i, (lxw_col_t)j, v, NULL);
			else
				worksheet_write_string(ws, (lxw_row_t)i, (lxw_col_t)j, s, i ? NULL : head);
		}
	}
	if (ws) {
		worksheet_set_column(ws, 0, (lxw_col_t)(t->ncols - 1), 16, NULL);
		worksheet_freeze_panes(ws, 1, 0);
		if (t->nrows)
			worksheet_autofilter(ws, 0, 0, (lxw_row_t)(t->nrows - 1), (lxw_col_t)(t->ncols - 1));
	}
	e = workbook_close(wb);
	if (!ws || e) {
		cli_errorf("cannot write the workbook: %s", e ? lxw_strerror(e) : "out of memory");
		return EXIT_IO;
	}
	return EXIT_OK;
}

int cli_write_table_xlsx(const char *out, const char *sheet, size_t ncols, size_t nrows,
                         const char *const *cells, unsigned numeric)
{
	table_job t;

	t.sheet = sheet;
	t.ncols = ncols;
	t.nrows = nrows;
	t.cells = cells;
	t.numeric = numeric;
	return cli_write_made(out, make_table, &t);
}
