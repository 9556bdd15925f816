/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The one sheet reader (see sheet.h): the source is read in chunks,
 * transcoded to UTF-8 with iconv when it is not UTF-8, and fed to libcsv,
 * which hands over one cell and one row at a time. */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "io/options.h"
#include "io/sheet.h"
#include "io/xlsx.h"
#include "util/util.h"

#define CHUNK 16384
/* Bytes of a sheet's first non-ASCII text a decoding trial looks at. */
#define TRIAL 4096

typedef struct reader {
	scsec__source *src;
	scsec__reporter *rep;
	scsec__sheet_row_fn fn;
	void *ctx;
	int stop;                   /* the code that ends the reading, 0 while it goes on */

	/* decoding */
	scsec_encoding enc;         /* AUTO while the text seen is ASCII */
	int forced;                 /* the options chose enc */
	iconv_t cd;
	scsec__buf raw;             /* input bytes not decoded yet */
	int eof;
	int started;                /* the byte-order mark question is settled */
	scsec__buf text;            /* decoded text not parsed yet (before the separator is known) */
	int delim_known;
	char delim;
	char format[64];
	unsigned long line;         /* text lines fed to libcsv so far, for messages */

	/* the row being assembled */
	struct csv_parser p;
	int p_live;
	scsec__buf row;             /* cleaned cells, each NUL-terminated */
	scsec__sheet_span *cells;
	size_t ncells;
	size_t ccells;
	size_t nfields;             /* fields of the current record, kept or not */
	int prev_term;
	unsigned long rows;
	unsigned long max_rows;
	int xlsx;                   /* the source was an Excel workbook */
} reader;

/* ----------------------------------------------------------------- cells */

static int fail(reader *r, int code)
{
	if (!r->stop)
		r->stop = code;
	return code;
}

static void on_field(void *field, size_t len, void *data)
{
	reader *r = data;
	const char *s = field ? field : "";
	scsec__sheet_span *c;

	if (r->stop || r->nfields++ >= SCSEC__SHEET_MAX_COLUMNS)
		return;
	if (scsec__grow(&r->cells, &r->ccells, r->ncells + 1, sizeof *r->cells)) {
		fail(r, SCSEC_ENOMEM);
		return;
	}
	c = &r->cells[r->ncells++];
	if (scsec__sheet_put_cell(&r->row, c, s, len))
		fail(r, SCSEC_ENOMEM);
}

int scsec__sheet_put_cell(scsec__buf *row, scsec__sheet_span *c, const char *s, size_t len)
{
	size_t i, run = 0;

	c->off = row->len;
	c->ok = scsec__text_ok(s, len);
	/* The one cleaning rule: blanks trimmed, CRLF and CR made LF. */
	scsec__trim(&s, &len);
	for (i = 0; i < len; i++) {
		if (s[i] != '\r')
			continue;
		scsec__buf_put(row, s + run, i - run);
		scsec__buf_putc(row, '\n');
		if (i + 1 < len && s[i + 1] == '\n')
			i++;
		run = i + 1;
	}
	scsec__buf_put(row, s + run, len - run);
	c->len = row->len - c->off;
	scsec__buf_putc(row, '\0');
	return scsec__buf_error(row) ? SCSEC_ENOMEM : 0;
}

static void on_row(int term, void *data)
{
	reader *r = data;
	scsec__sheet_row row;
	int rc;

	/* CSV_REPALL_NL makes every line end a record, so that an empty line
	 * is an empty row as in a spreadsheet; the LF of a CRLF is not one. */
	if (term == '\n' && r->prev_term == '\r' && !r->nfields) {
		r->prev_term = 0;
		return;
	}
	r->prev_term = term;
	if (r->stop)
		goto next;
	if (++r->rows > r->max_rows) {
		fail(r, scsec__report(r->rep, r->rows, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		                      "the sheet has more than %lu rows (SCSEC_LOAD_MAX_ITEMS)",
		                      r->max_rows));
		goto next;
	}
	row.text = r->row.data ? r->row.data : "";
	row.cells = r->cells;
	row.ncells = r->ncells;
	row.number = r->rows;
	row.format = r->format;
	row.more_sheets = 0;
	row.sheet = NULL;
	if ((rc = r->fn(r->ctx, &row)))
		fail(r, rc);
next:
	r->ncells = 0;
	r->nfields = 0;
	scsec__buf_reset(&r->row);
}

/* ----------------------------------------------------------------- parsing */

static unsigned long count_lines(const char *s, size_t n)
{
	unsigned long lines = 0;
	size_t i;

	for (i = 0; i < n; i++)
		lines += s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
	return lines;
}

static void syntax_error(reader *r, const char *what)
{
	fail(r, scsec__report(r->rep, r->rows + 1, r->nfields + 1, SCSEC_SEVERITY_ERROR,
	                      SCSEC_EPARSE, NULL, "malformed CSV near text line %lu: %s", r->line + 1,
	                      what));
}

static void feed(reader *r, const char *s, size_t n)
{
	size_t done;

	if (r->stop || !n)
		return;
	done = csv_parse(&r->p, s, n, on_field, on_row, r);
	if (r->stop)
		return;
	if (done < n) {
		r->line += count_lines(s, done);
		if (csv_error(&r->p) != CSV_EPARSE)
			fail(r, scsec__error_set(SCSEC_ENOMEM, "out of memory (libcsv)"));
		else
			syntax_error(r, r->p.quoted ? "text after the closing quote of a quoted cell (a "
			                              "quote inside a cell is written twice)"
			                            : "a quote inside a cell that does not start with one");
		return;
	}
	r->line += count_lines(s, n);
}

static const char *const iconv_names[] = {
	NULL, "UTF-8", "CP932", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE",
};

static const char *enc_name(scsec_encoding e)
{
	/* Text that is ASCII so far is UTF-8 so far. */
	return e == SCSEC_ENCODING_AUTO    ? "UTF-8"
	       : e == SCSEC_ENCODING_CP932 ? "Shift_JIS (CP932)"
	                                   : scsec_encoding_name(e);
}

/* How the sheet is read, for messages about its content. */
static void set_format(reader *r)
{
	snprintf(r->format, sizeof r->format, "read as %s, %s", enc_name(r->enc),
	         r->delim == '\t' ? "tab-separated" : r->delim == ';' ? "semicolon-separated"
	                                                               : "comma-separated");
}

/* The separator: the commonest of comma, tab and semicolon outside quotes
 * on the first non-empty line (ties go in that order). Returns 0 while that
 * line is not complete and more text may come. */
static int find_delim(reader *r, int last)
{
	const char *s = r->text.data ? r->text.data : "";
	size_t i, n = r->text.len, count[3] = { 0, 0, 0 };
	int quoted = 0, seen = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r')) {
			if (seen)
				break;
		} else if (!quoted && c == ',')
			count[0]++, seen = 1;
		else if (!quoted && c == '\t')
			count[1]++, seen = 1;
		else if (!quoted && c == ';')
			count[2]++, seen = 1;
		else if (c != ' ')
			seen = 1;
	}
	if (i == n && !last && n < CHUNK * 4)
		return 0;
	r->delim = count[1] > count[0] && count[1] >= count[2] ? '\t'
	           : count[2] > count[0] && count[2] > count[1] ? ';'
	                                                        : ',';
	csv_set_delim(&r->p, (unsigned char)r->delim);
	r->delim_known = 1;
	set_format(r);
	return 1;
}

/* Decoded text: held until the separator is known, then parsed. */
static void put_text(reader *r, const char *s, size_t n, int last)
{
	if (r->delim_known) {
		feed(r, s, n);
		return;
	}
	scsec__buf_put(&r->text, s, n);
	if (scsec__buf_error(&r->text)) {
		fail(r, SCSEC_ENOMEM);
		return;
	}
	if (find_delim(r, last)) {
		feed(r, r->text.data, r->text.len);
		scsec__buf_dispose(&r->text);
	}
}


static int use_encoding(reader *r, scsec_encoding e)
{
	r->enc = e;
	if (e != SCSEC_ENCODING_UTF8 && e != SCSEC_ENCODING_AUTO) {
		r->cd = iconv_open("UTF-8", iconv_names[e]);
		if (r->cd == (iconv_t)-1)
			return fail(r, scsec__report(r->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING,
			                             NULL, "this system's iconv cannot convert from %s",
			                             enc_name(e)));
	}
	return 0;
}

/* A byte-order mark, or the zero bytes of UTF-16 or UTF-32 text without
 * one (a sheet starts with a character below U+0100: a letter, a quote, a
 * digit). Returns the encoding, AUTO when neither, and the mark's length. */
static scsec_encoding sniff_mark(const unsigned char *b, size_t n, size_t *mark)
{
	*mark = 0;
	if (n >= 4 && b[0] == 0xff && b[1] == 0xfe && !b[2] && !b[3])
		return *mark = 4, SCSEC_ENCODING_UTF32LE;
	if (n >= 4 && !b[0] && !b[1] && b[2] == 0xfe && b[3] == 0xff)
		return *mark = 4, SCSEC_ENCODING_UTF32BE;
	if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		return *mark = 3, SCSEC_ENCODING_UTF8;
	if (n >= 2 && b[0] == 0xff && b[1] == 0xfe)
		return *mark = 2, SCSEC_ENCODING_UTF16LE;
	if (n >= 2 && b[0] == 0xfe && b[1] == 0xff)
		return *mark = 2, SCSEC_ENCODING_UTF16BE;
	if (n >= 4 && b[0] && !b[1] && !b[2] && !b[3])
		return SCSEC_ENCODING_UTF32LE;
	if (n >= 4 && !b[0] && !b[1] && !b[2] && b[3])
		return SCSEC_ENCODING_UTF32BE;
	if (n >= 2 && b[0] && !b[1])
		return SCSEC_ENCODING_UTF16LE;
	if (n >= 2 && !b[0] && b[1])
		return SCSEC_ENCODING_UTF16BE;
	return SCSEC_ENCODING_AUTO;
}

static int utf8_whole(const char *s, size_t n);

/* Non-zero when s[0..n) reads as UTF-8: wholly (a character cut by the end
 * allowed), or in its first few non-ASCII characters, which Shift_JIS text
 * does not make by chance (a stray byte later is its cell's problem). */
static int utf8_prefix(const char *s, size_t n)
{
	size_t i = 0, k, good = 0;

	for (; i < n && good < 4; i += k) {
		if (!((unsigned char)s[i] & 0x80)) {
			k = 1;
			continue;
		}
		if (!(k = scsec__utf8_len(s + i, n - i)))
			break;
		good++;
	}
	return good >= 4 || utf8_whole(s, n);
}

/* Non-zero when s[0..n) is UTF-8, a character cut by the end allowed. */
static int utf8_whole(const char *s, size_t n)
{
	size_t cut = 0;

	/* Back off at most 3 bytes of a sequence the end cuts. */
	while (cut < 3 && cut < n && ((unsigned char)s[n - 1 - cut] & 0xc0) == 0x80)
		cut++;
	if (cut < n && (unsigned char)s[n - 1 - cut] >= 0xc0) {
		unsigned char lead = (unsigned char)s[n - 1 - cut];
		size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;

		if (cut + 1 < want)
			n -= cut + 1;
	}
	while (n) {
		size_t k = scsec__utf8_len(s, n);

		if (!k)
			return 0;
		s += k;
		n -= k;
	}
	return 1;
}

/* Non-zero when iconv converts s[0..n) from CP932 without an invalid
 * sequence (a character cut by the end allowed). */
static int cp932_prefix(const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	char out[1024];
	char *in = (char *)s;
	size_t left = n;
	int ok = 1;

	if (cd == (iconv_t)-1)
		return 0;
	while (left) {
		char *o = out;
		size_t room = sizeof out;

		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			ok = errno == EINVAL; /* cut at the end */
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

static void not_decodable(reader *r, const char *what, size_t at)
{
	fail(r, scsec__report(r->rep, r->rows + 1, 0, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING, NULL,
	                      "%s (byte 0x%02X near text line %lu): save the sheet as \"CSV UTF-8\", "
	                      "or name its encoding (SCSEC_LOAD_ENCODING, --encoding)",
	                      what, (unsigned char)r->raw.data[at],
	                      r->line + count_lines(r->raw.data, at) + 1));
}

/* Pass raw[0..n) through as UTF-8 text. */
static void pass(reader *r, size_t n)
{
	put_text(r, r->raw.data, n, r->eof && n == r->raw.len);
}

/* Convert what can be converted of r->raw with iconv. Returns the bytes
 * consumed. */
static size_t convert(reader *r)
{
	char out[CHUNK];
	char *in = r->raw.data;
	size_t left = r->raw.len;

	while (left && !r->stop) {
		char *o = out;
		size_t room = sizeof out;
		size_t rc = iconv(r->cd, &in, &left, &o, &room);
		int err = errno;

		put_text(r, out, sizeof out - room, r->eof && !left);
		if (rc != (size_t)-1 || err == E2BIG)
			continue;
		if (err == EINVAL && !r->eof)
			break; /* a character cut by the chunk: the rest comes next */
		{
			char what[96];

			snprintf(what, sizeof what, err == EINVAL ? "the sheet ends in the middle of a %s "
			                                            "character"
			                                          : "the sheet is not valid %s",
			         enc_name(r->enc));
			not_decodable(r, what, (size_t)(in - r->raw.data));
		}
		break;
	}
	return (size_t)(in - r->raw.data);
}

static void drop(scsec__buf *b, size_t n)
{
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
}

/* A file that is plainly something else: said once, with what to do,
 * rather than as a header without the columns. */
static int not_a_sheet(reader *r)
{
	const char *s = r->raw.data;
	size_t n = r->raw.len, i;
	const char *what = NULL;

	if (scsec__xlsx_is_ole2(s, n))
		what = "an encrypted or legacy .xls workbook (an OLE2 compound file), not a sheet: "
		       "save it from Excel as .xlsx without a password, or as CSV";
	for (i = 0; !what && i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n');
	     i++)
		;
	if (!what && i < n && s[i] == '<')
		what = "XML, not a CSV sheet (libscsec's XML documents are loaded as XML: "
		       "scsec_evidence_load_any(), scsec_*_load_file())";
	if (!what && n >= 5 && !memcmp(s, "%PDF-", 5))
		what = "a PDF document, not a CSV sheet";
	if (!what)
		return 0;
	return fail(r, scsec__report(r->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
	                             "the file is %s", what));
}

/* Decode and parse what r->raw holds. */
static void process(reader *r)
{
	size_t n = r->raw.len, i;

	if (!r->started) {
		size_t mark;
		scsec_encoding e;

		if (n < 4 && !r->eof)
			return;
		e = sniff_mark((const unsigned char *)r->raw.data, n, &mark);
		if (r->forced) {
			size_t m2;

			/* The chosen encoding's own mark is skipped. */
			if (sniff_mark((const unsigned char *)r->raw.data, n, &m2) == r->enc && m2)
				drop(&r->raw, m2);
			e = r->enc;
		} else if (mark) {
			drop(&r->raw, mark);
		}
		r->started = 1;
		if (!r->raw.len && r->eof && !r->rows) {
			fail(r, scsec__report(r->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
			                      "the sheet is empty"));
			return;
		}
		if (not_a_sheet(r))
			return;
		if (use_encoding(r, e))
			return;
		n = r->raw.len;
	}
	if (r->enc == SCSEC_ENCODING_AUTO) {
		/* ASCII reads the same in UTF-8 and CP932: decide at the first
		 * byte that is not, from a window of the text there. */
		for (i = 0; i < n && !((unsigned char)r->raw.data[i] & 0x80); i++)
			;
		if (i == n) {
			pass(r, n);
			drop(&r->raw, n);
			return;
		}
		if (n - i < TRIAL && !r->eof) {
			pass(r, i);
			drop(&r->raw, i);
			return;
		}
		n = n - i < TRIAL ? n : i + TRIAL;
		if (utf8_prefix(r->raw.data + i, n - i))
			use_encoding(r, SCSEC_ENCODING_UTF8);
		else if (cp932_prefix(r->raw.data + i, n - i))
			use_encoding(r, SCSEC_ENCODING_CP932);
		else
			not_decodable(r, "the sheet is neither UTF-8 nor Shift_JIS (CP932)", i);
		if (r->stop)
			return;
		set_format(r);
		n = r->raw.len;
	}
	if (r->enc == SCSEC_ENCODING_UTF8) {
		pass(r, n);
		drop(&r->raw, n);
	} else {
		drop(&r->raw, convert(r));
	}
}

int scsec__sheet_read(scsec__source *src, const scsec_load_options *opts, scsec__reporter *rep,
                      scsec__sheet_row_fn fn, void *ctx)
{
	const struct scsec_load_options *o = scsec__load_options(opts);
	reader r;

	memset(&r, 0, sizeof r);
	r.src = src;
	r.rep = rep;
	r.fn = fn;
	r.ctx = ctx;
	r.cd = (iconv_t)-1;
	r.enc = (scsec_encoding)o->encoding;
	r.forced = r.enc != SCSEC_ENCODING_AUTO;
	r.max_rows = (unsigned long)(o->max_items > 0xffffffffu ? 0xffffffffu : o->max_items);
	r.delim = ',';
	set_format(&r);
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory (libcsv)");
	r.p_live = 1;
	while (!r.stop && !r.eof) {
		long got;

		if (scsec__buf_reserve(&r.raw, CHUNK)) {
			fail(&r, SCSEC_ENOMEM);
			break;
		}
		got = scsec__source_read(src, r.raw.data + r.raw.len, CHUNK);
		if (got < 0) {
			fail(&r, scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, (int)got, NULL, "%s",
			                       scsec_error_message(scsec_error_last())));
			break;
		}
		r.raw.len += (size_t)got;
		r.eof = got == 0;
		if (!r.started && (r.raw.len >= 4 || r.eof) &&
		    scsec__xlsx_is_zip(r.raw.data, r.raw.len)) {
			/* An Excel workbook: read whole (the zip directory is at
			 * its end), within the file-size limit. */
			int rc = scsec__source_slurp(src, &r.raw);

			if (rc)
				fail(&r, scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, rc, NULL, "%s",
				                       scsec_error_message(scsec_error_last())));
			else
				fail(&r, scsec__xlsx_read(r.raw.data, r.raw.len, opts, rep, fn, ctx));
			r.xlsx = 1;
			break;
		}
		process(&r);
	}
	if (!r.xlsx && !r.stop && !r.delim_known)
		put_text(&r, "", 0, 1);
	if (!r.xlsx && !r.stop && csv_fini(&r.p, on_field, on_row, &r) && !r.stop)
		syntax_error(&r, "a quoted cell is not closed before the end of the sheet");
	if (r.stop == SCSEC_ENOMEM && !rep->first_error)
		scsec__error_set(SCSEC_ENOMEM, "out of memory");
	if (r.cd != (iconv_t)-1)
		iconv_close(r.cd);
	csv_free(&r.p);
	scsec__buf_dispose(&r.raw);
	scsec__buf_dispose(&r.text);
	scsec__buf_dispose(&r.row);
	scsec__free(r.cells);
	return r.stop;
}

/* ----------------------------------------------------------------- access */

const char *scsec__sheet_cell(const scsec__sheet_row *row, size_t col)
{
	return col < row->ncells ? row->text + row->cells[col].off : "";
}

int scsec__sheet_cell_ok(const scsec__sheet_row *row, size_t col)
{
	return col >= row->ncells || row->cells[col].ok;
}

int scsec__sheet_row_empty(const scsec__sheet_row *row)
{
	size_t i;

	for (i = 0; i < row->ncells; i++)
		if (row->cells[i].len)
			return 0;
	return 1;
}

long scsec__sheet_find(const scsec__sheet_row *header, const char *name)
{
	return scsec__sheet_find_from(header, name, 0);
}

int scsec__sheet_cell_is(const scsec__sheet_row *header, size_t col, const char *name)
{
	const scsec__sheet_span *c;
	size_t nlen = strlen(name);

	if (col >= header->ncells)
		return 0;
	c = &header->cells[col];
	return c->ok && c->len == nlen && !strncasecmp(header->text + c->off, name, nlen);
}

long scsec__sheet_find_from(const scsec__sheet_row *header, const char *name, size_t from)
{
	size_t i;

	for (i = from; i < header->ncells; i++)
		if (scsec__sheet_cell_is(header, i, name))
			return (long)i;
	return -1;
}

/* ----------------------------------------------------------------- writing */

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
