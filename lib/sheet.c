/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <strings.h>

#include "sheet.h"
#include "util.h"

typedef struct reading {
	scsec__sheet *sh;
	scsec__sheet_row cur;
	unsigned long rows;
	unsigned long max_rows;
	int oom;
	int too_many;
} reading;

static void on_field(void *field, size_t len, void *data)
{
	reading *r = data;
	char *cell;

	if (r->oom || r->too_many)
		return;
	if (r->cur.ncells == r->cur.ccells) {
		size_t cap = r->cur.ccells;

		size_t *lens;

		if (scsec__grow(&r->cur.cells, &cap, r->cur.ncells + 1, sizeof *r->cur.cells) ||
		    !(lens = scsec__reallocarray(r->cur.lens, cap, sizeof *r->cur.lens))) {
			r->oom = 1;
			return;
		}
		r->cur.lens = lens;
		r->cur.ccells = cap;
	}
	if (!(cell = scsec__strndup(field ? field : "", field ? len : 0))) {
		r->oom = 1;
		return;
	}
	r->cur.lens[r->cur.ncells] = field ? len : 0;
	r->cur.cells[r->cur.ncells++] = cell;
}

static void free_row(scsec__sheet_row *row)
{
	size_t i;

	for (i = 0; i < row->ncells; i++)
		scsec__free(row->cells[i]);
	scsec__free(row->cells);
	scsec__free(row->lens);
	memset(row, 0, sizeof *row);
}

static void on_row(int c, void *data)
{
	reading *r = data;

	(void)c;
	if (r->oom || r->too_many) {
		free_row(&r->cur);
		return;
	}
	if (++r->rows > r->max_rows) {
		r->too_many = 1;
		free_row(&r->cur);
		return;
	}
	r->cur.number = r->rows;
	if (scsec__grow(&r->sh->rows, &r->sh->crows, r->sh->nrows + 1, sizeof *r->sh->rows)) {
		r->oom = 1;
		free_row(&r->cur);
		return;
	}
	r->sh->rows[r->sh->nrows++] = r->cur;
	memset(&r->cur, 0, sizeof r->cur);
}

/* Line and column of byte offset off in text, for syntax errors. */
static void position(const char *text, size_t off, unsigned long *line, unsigned long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((text[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

int scsec__sheet_read(scsec__sheet *sh, scsec__source *src, const scsec_load_options *opts,
                      scsec__reporter *rep)
{
	const struct scsec_load_options *o = scsec__load_options(opts);
	scsec__buf text = SCSEC__BUF_INIT;
	struct csv_parser p;
	reading r;
	const char *data;
	size_t len, done;
	int rc;

	memset(sh, 0, sizeof *sh);
	if ((rc = scsec__source_slurp(src, &text))) {
		scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, rc, NULL, "%s",
		              scsec_error_message(scsec_error_last()));
		scsec__buf_dispose(&text);
		return rc;
	}
	data = text.data ? text.data : "";
	len = text.len;
	if (len >= 3 && !memcmp(data, SCSEC__UTF8_BOM, 3)) {
		data += 3;
		len -= 3;
	}
	if (!len) {
		scsec__buf_dispose(&text);
		return scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                     "the sheet is empty");
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		scsec__buf_dispose(&text);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory (libcsv)");
	}
	memset(&r, 0, sizeof r);
	r.sh = sh;
	r.max_rows = (unsigned long)(o->max_items > 0xffffffffu ? 0xffffffffu : o->max_items);
	done = csv_parse(&p, data, len, on_field, on_row, &r);
	if (done == len && csv_fini(&p, on_field, on_row, &r) == 0)
		rc = 0;
	else
		rc = -1;
	if (rc) {
		unsigned long line, col;

		if (csv_error(&p) == CSV_ENOMEM || csv_error(&p) == CSV_ETOOBIG) {
			rc = scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
			                   "out of memory (libcsv)");
		} else {
			/* A syntax error: libcsv stops at the offending byte, or at the end
			 * for an unterminated quote. */
			position(data, done, &line, &col);
			rc = scsec__report(rep, r.rows + 1, r.cur.ncells + 1, SCSEC_SEVERITY_ERROR,
			                   SCSEC_EPARSE, NULL,
			                   done == len ? "a quoted cell is not closed before the end of "
			                                 "the sheet"
			                               : "malformed CSV near text line %lu: a quote inside "
			                                 "an unquoted cell, or text after a closing quote",
			                   line);
		}
	} else if (r.oom) {
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	} else if (r.too_many) {
		rc = scsec__report(rep, r.max_rows + 1, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		                   "more than %lu rows (SCSEC_LOAD_MAX_ITEMS)", r.max_rows);
	}
	free_row(&r.cur);
	csv_free(&p);
	scsec__buf_dispose(&text);
	if (rc)
		scsec__sheet_dispose(sh);
	return rc;
}

void scsec__sheet_dispose(scsec__sheet *sh)
{
	size_t i;

	for (i = 0; i < sh->nrows; i++)
		free_row(&sh->rows[i]);
	scsec__free(sh->rows);
	memset(sh, 0, sizeof *sh);
}

const char *scsec__sheet_cell(const scsec__sheet_row *row, size_t col)
{
	return col < row->ncells ? row->cells[col] : "";
}

int scsec__sheet_cell_ok(const scsec__sheet_row *row, size_t col)
{
	return col >= row->ncells || scsec__text_ok(row->cells[col], row->lens[col]);
}

static size_t blank_prefix(const char *s)
{
	size_t n = 0;

	for (;;) {
		if (s[n] == ' ' || s[n] == '\t' || s[n] == '\r' || s[n] == '\n')
			n++;
		else if (!strncmp(s + n, "\xe3\x80\x80", 3)) /* U+3000 ideographic space */
			n += 3;
		else
			return n;
	}
}

static size_t blank_suffix(const char *s, size_t len)
{
	size_t n = len;

	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 3 && !strncmp(s + n - 3, "\xe3\x80\x80", 3))
			n -= 3;
		else
			return n;
	}
}

int scsec__sheet_row_empty(const scsec__sheet_row *row)
{
	size_t i;

	for (i = 0; i < row->ncells; i++)
		if (row->cells[i][blank_prefix(row->cells[i])])
			return 0;
	return 1;
}

char *scsec__sheet_clean(const char *s)
{
	size_t start = blank_prefix(s), end = blank_suffix(s, strlen(s));
	char *out, *o;
	size_t i;

	if (end < start)
		end = start;
	out = scsec__malloc(end - start + 1);
	if (!out)
		return NULL;
	for (i = start, o = out; i < end; i++) {
		if (s[i] == '\r') {
			*o++ = '\n';
			if (s[i + 1] == '\n')
				i++;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

long scsec__sheet_find(const scsec__sheet_row *header, const char *name)
{
	return scsec__sheet_find_from(header, name, 0);
}

long scsec__sheet_find_from(const scsec__sheet_row *header, const char *name, size_t from)
{
	size_t i, nlen = strlen(name);

	for (i = from; i < header->ncells; i++) {
		const char *h = header->cells[i];
		size_t a = blank_prefix(h), b = blank_suffix(h, strlen(h));

		if (b >= a && b - a == nlen && !strncasecmp(h + a, name, nlen))
			return (long)i;
	}
	return -1;
}

static int formula_char(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

int scsec__csv_formula_start(const char *s)
{
	/* Apostrophes already in front of such text are protected too, so that
	 * the importer's removal of one apostrophe gives the text back. */
	while (*s == '\'')
		s++;
	return formula_char(*s);
}

void scsec__csv_cell(scsec__buf *b, const char *s, int first)
{
	int quote;
	const char *p;

	if (!first)
		scsec__buf_putc(b, ',');
	if (!s)
		return;
	/* A spreadsheet would run a cell starting with = + - @ as a formula
	 * (CSV injection): such text is written after an apostrophe, which the
	 * spreadsheet hides and the importer removes. */
	if (scsec__csv_formula_start(s)) {
		scsec__buf_puts(b, "\"'");
		for (p = s; *p; p++) {
			if (*p == '"')
				scsec__buf_putc(b, '"');
			scsec__buf_putc(b, *p);
		}
		scsec__buf_putc(b, '"');
		return;
	}
	quote = *s == ' ' || *s == '\t' || (*s && (s[strlen(s) - 1] == ' ' || s[strlen(s) - 1] == '\t'));
	for (p = s; *p && !quote; p++)
		quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
	if (!quote) {
		scsec__buf_puts(b, s);
		return;
	}
	scsec__buf_putc(b, '"');
	for (p = s; *p; p++) {
		if (*p == '"')
			scsec__buf_putc(b, '"');
		scsec__buf_putc(b, *p);
	}
	scsec__buf_putc(b, '"');
}

void scsec__csv_end(scsec__buf *b)
{
	scsec__buf_puts(b, "\r\n");
}
