/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <strings.h>

#include "io/sheet.h"
#include "util/util.h"

typedef struct reading {
	scsec__sheet *sh;
	scsec__buf text;            /* the current row's cells, each NUL-terminated */
	scsec__sheet_span *cells;   /* and where they are in it */
	size_t ncells;
	size_t ccells;
	size_t nfields;             /* fields of the current row, kept or not */
	unsigned long rows;
	unsigned long max_rows;
	int oom;
	int too_many;
} reading;

static void on_field(void *field, size_t len, void *data)
{
	reading *r = data;

	if (r->oom || r->too_many)
		return;
	if (r->nfields++ >= SCSEC__SHEET_MAX_COLUMNS)
		return;
	if (scsec__grow(&r->cells, &r->ccells, r->ncells + 1, sizeof *r->cells)) {
		r->oom = 1;
		return;
	}
	if (!field)
		len = 0;
	r->cells[r->ncells].off = r->text.len;
	r->cells[r->ncells].len = len;
	scsec__buf_put(&r->text, field, len);
	scsec__buf_putc(&r->text, '\0');
	if (scsec__buf_error(&r->text)) {
		r->oom = 1;
		return;
	}
	r->ncells++;
}

static void free_row(scsec__sheet_row *row)
{
	scsec__free(row->text);
	scsec__free(row->cells);
	memset(row, 0, sizeof *row);
}

/* The row read so far, in allocations of its size (the reading buffers are
 * used again for the next row). */
static int keep_row(reading *r, scsec__sheet_row *row)
{
	memset(row, 0, sizeof *row);
	row->text = scsec__malloc(r->text.len + 1);
	if (r->ncells)
		row->cells = scsec__reallocarray(NULL, r->ncells, sizeof *row->cells);
	if (!row->text || (r->ncells && !row->cells)) {
		free_row(row);
		return SCSEC_ENOMEM;
	}
	memcpy(row->text, r->text.data ? r->text.data : "", r->text.len + 1);
	if (r->ncells)
		memcpy(row->cells, r->cells, r->ncells * sizeof *row->cells);
	row->ncells = r->ncells;
	row->number = r->rows;
	return 0;
}

static void on_row(int c, void *data)
{
	reading *r = data;

	(void)c;
	if (r->oom || r->too_many)
		goto next;
	if (++r->rows > r->max_rows) {
		r->too_many = 1;
		goto next;
	}
	if (scsec__grow(&r->sh->rows, &r->sh->crows, r->sh->nrows + 1, sizeof *r->sh->rows) ||
	    keep_row(r, &r->sh->rows[r->sh->nrows])) {
		r->oom = 1;
		goto next;
	}
	r->sh->nrows++;
next:
	r->ncells = 0;
	r->nfields = 0;
	scsec__buf_reset(&r->text);
}

/* Text line of byte offset off in text, for syntax errors. */
static unsigned long line_at(const char *text, size_t off)
{
	unsigned long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
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
		if (csv_error(&p) == CSV_ENOMEM || csv_error(&p) == CSV_ETOOBIG) {
			rc = scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
			                   "out of memory (libcsv)");
		} else {
			/* A syntax error: libcsv stops at the offending byte, or at the end
			 * for an unterminated quote. */
			rc = scsec__report(rep, r.rows + 1, r.nfields + 1, SCSEC_SEVERITY_ERROR,
			                   SCSEC_EPARSE, NULL,
			                   done == len ? "a quoted cell is not closed before the end of "
			                                 "the sheet"
			                               : "malformed CSV near text line %lu: a quote inside "
			                                 "an unquoted cell, or text after a closing quote",
			                   line_at(data, done));
		}
	} else if (r.oom) {
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	} else if (r.too_many) {
		rc = scsec__report(rep, r.max_rows + 1, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		                   "more than %lu rows (SCSEC_LOAD_MAX_ITEMS)", r.max_rows);
	}
	scsec__buf_dispose(&r.text);
	scsec__free(r.cells);
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
	return col < row->ncells ? row->text + row->cells[col].off : "";
}

int scsec__sheet_cell_ok(const scsec__sheet_row *row, size_t col)
{
	return col >= row->ncells ||
	       scsec__text_ok(row->text + row->cells[col].off, row->cells[col].len);
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

	for (i = 0; i < row->ncells; i++) {
		const char *cell = row->text + row->cells[i].off;

		if (cell[blank_prefix(cell)])
			return 0;
	}
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
		const char *h = header->text + header->cells[i].off;
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

/* s between double quotes (after `lead`), its quotes doubled. */
static void put_quoted(scsec__buf *b, const char *lead, const char *s)
{
	const char *p;

	scsec__buf_putc(b, '"');
	scsec__buf_puts(b, lead);
	for (p = s; *p; p++) {
		if (*p == '"')
			scsec__buf_putc(b, '"');
		scsec__buf_putc(b, *p);
	}
	scsec__buf_putc(b, '"');
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
		put_quoted(b, "'", s);
		return;
	}
	quote = *s == ' ' || *s == '\t' || (*s && (s[strlen(s) - 1] == ' ' || s[strlen(s) - 1] == '\t'));
	for (p = s; *p && !quote; p++)
		quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
	if (quote)
		put_quoted(b, "", s);
	else
		scsec__buf_puts(b, s);
}

void scsec__csv_end(scsec__buf *b)
{
	scsec__buf_puts(b, "\r\n");
}
