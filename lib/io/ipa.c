/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Importing IPA's criteria sheet (Excel exported to CSV) into a criteria
 * set: the sheet gives the categories, requirements, criteria, their levels
 * and references, with IPA's Japanese texts; the scheme's rules come from
 * another set (the built-in METI set by default).
 *
 * The sheet is read by the one sheet reader (io/sheet.h), one row at a
 * time: the first non-empty row is the header (columns are found by name,
 * in any order), the next may be a second header naming the reference
 * columns, every later row is one criterion. Every malformed row or cell is
 * reported with its row (record number, 1 = header) and column; any error
 * leaves no set. In a workbook read without a chosen sheet, a worksheet
 * whose first row lacks the header's needed columns (a cover or notes
 * sheet) is passed over for the next (SCSEC__SHEET_NEXT); when none has
 * it, one error names the sheets tried and what the first lacked. */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "model/canonical.h"
#include "model/criteria.h"
#include "util/error.h"
#include "io/options.h"
#include "io/sheet.h"
#include "io/source.h"
#include "util/util.h"

/* ------------------------------------------------------------ the sheet */

/* The columns the importer reads, found by their header names. */
enum {
	COL_CAT_NO,
	COL_CAT,
	COL_SUB_NO,
	COL_SUB,
	COL_REQ_NO,
	COL_REQ_NAME,
	COL_LEVEL,
	COL_CRIT_NO,
	COL_CRIT,
	COL_REQ_TEXT,
	COL_CSF,
	COL_STAR3,
	COL_STAR4,
	COL_REFS,
	NCOLS
};

static const struct {
	const char *name;
	int needed;
} columns[NCOLS] = {
	{ "大分類No.", 1 },
	{ "大分類", 1 },
	{ "中分類No.", 1 },
	{ "中分類", 1 },
	{ "要求事項No.", 1 },
	{ "要求事項名", 1 },
	{ "★3/★4", 1 },
	{ "評価基準No.", 1 },
	{ "評価基準", 1 },
	{ "要求事項", 0 },
	{ "NIST CSFにおける機能", 0 },
	{ "★3", 0 },
	{ "★4", 0 },
	{ "参照文献", 0 }, /* matched by prefix: the header goes on with a legend */
};

/* Reference frameworks: the prefix of a reference line (or the name of a
 * reference column), the framework id of the rules set, and the title used
 * when the rules set does not declare that framework. */
static const struct {
	const char *prefix;
	const char *id;
	const char *title;
} frameworks[] = {
	{ "CE", "cyber-essentials", "Cyber Essentials" },
	{ "CMMC", "cmmc", "CMMC (32 CFR Part 170)" },
	{ "ISO/IEC 27001", "iso27001", "ISO/IEC 27001" },
	{ "政府統一基準", "gov-unified-r7", "Japanese government unified standards" },
	{ "自動車GL", "jama-japia", "JAMA/JAPIA cybersecurity guideline" },
};

#define NFRAMEWORKS ((int)(sizeof frameworks / sizeof *frameworks))
#define FW_OTHER NFRAMEWORKS
#define OTHER_ID "other"
#define OTHER_TITLE "Other reference"
#define KNOWN_PREFIXES "CE, CMMC, ISO/IEC 27001, 政府統一基準, 自動車GL"

#define MAX_COLUMNS SCSEC__SHEET_MAX_COLUMNS

/* ------------------------------------------------------------ the importer */

typedef struct ipa_refcol {
	size_t col;  /* 0-based */
	int fw;      /* index in frameworks[], or FW_OTHER */
	char *name;  /* the column's name (kept in an 'other' reference) */
} ipa_refcol;

typedef enum { WANT_HEADER, WANT_SECOND, READING_DATA, BROKEN } ipa_state;

typedef struct ipa {
	scsec__reporter *rep;
	scsec_criteria *c;
	const scsec_criteria *rules;
	int oom;

	/* the row being read */
	const scsec__sheet_row *cur;
	unsigned long row;           /* its number */

	/* the layout */
	ipa_state state;
	long col[NCOLS];             /* 0-based column of each header, -1 when absent */
	unsigned char is_read[MAX_COLUMNS]; /* per column: the importer reads it (all until
	                                     * the header is found) */
	size_t block_end;            /* the reference block: col[COL_REFS] .. block_end */
	ipa_refcol *refcols;         /* the reference columns (second header row) */
	size_t nrefcols;
	size_t crefcols;
	int two_rows;                /* the sheet has a second header row */
	unsigned long header_row;

	/* the structure so far */
	struct scsec_category *cat;
	struct scsec_category *sub;
	struct scsec_requirement *req;
	unsigned long fn_row;        /* where the current category's function was given */
	scsec__map cats;             /* every category, sub-category and requirement */
	scsec__map subs;             /* created, to find rows that return to one */
	scsec__map reqs;
	size_t ncriteria;
	int declared[NFRAMEWORKS + 1];

	/* a workbook's worksheets passed over: their names ("A", "B") and
	 * what the first one's header lacked */
	scsec__buf tried;
	unsigned ntried;
	scsec__buf why;

	/* the data row being read */
	const char *crit_id;
	int bad[NCOLS];
	scsec__buf scratch;
} ipa;

/* ---- text helpers ---- */

#define trim scsec__trim

/* How much of s to quote in a message: its first line, at most about 40
 * bytes, never cutting a UTF-8 sequence. */
static int clip(const char *s)
{
	size_t n = strcspn(s, "\n");

	if (n > 40) {
		n = 40;
		while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return (int)n;
}

#define CLIP(s) clip(s), (s)

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Non-zero when id is parent + "-" + something. */
static int is_under(const char *id, const char *parent)
{
	size_t n = strlen(parent);

	return !strncmp(id, parent, n) && id[n] == '-' && id[n + 1];
}

/* ---- reporting ---- */

/* Report a problem at the current row and a 0-based column (-1: none). */
static void SCSEC__PRINTF(5, 6) report(ipa *x, long col, scsec_severity sev, int code,
                                       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (scsec__vreport(x->rep, x->row, col < 0 ? 0 : (unsigned long)col + 1, sev, code, x->crit_id,
	                   fmt, ap) == SCSEC_ENOMEM)
		x->oom = 1;
	va_end(ap);
}

#define ERR(x, col, code, ...) report((x), (col), SCSEC_SEVERITY_ERROR, (code), __VA_ARGS__)
#define WARN(x, col, ...) report((x), (col), SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, __VA_ARGS__)

/* ---- cells ---- */

static const char *cell_text(const ipa *x, size_t i)
{
	return scsec__sheet_cell(x->cur, i);
}

static int cell_ok(const ipa *x, size_t i)
{
	return scsec__sheet_cell_ok(x->cur, i);
}

/* The text under header k in the current row ("" when absent). */
static const char *col_text(const ipa *x, int k)
{
	return x->col[k] < 0 ? "" : cell_text(x, (size_t)x->col[k]);
}

/* Fill x->is_read for the state the header rows left: the named columns, and
 * the reference block while a second header row may come, or else the
 * reference columns it named. */
static void note_read_columns(ipa *x)
{
	size_t i;
	int k;

	memset(x->is_read, 0, sizeof x->is_read);
	for (k = 0; k < NCOLS; k++)
		if (x->col[k] >= 0)
			x->is_read[x->col[k]] = 1;
	if (x->state == WANT_SECOND) {
		for (i = (size_t)x->col[COL_REFS] + 1; x->col[COL_REFS] >= 0 && i < x->block_end; i++)
			x->is_read[i] = 1;
	} else {
		for (i = 0; i < x->nrefcols; i++)
			x->is_read[x->refcols[i].col] = 1;
	}
}

/* Non-zero when every cell the importer reads is empty. */
static int row_empty(const ipa *x)
{
	size_t i;

	for (i = 0; i < x->cur->ncells; i++)
		if ((x->cur->cells[i].len || !x->cur->cells[i].ok) && x->is_read[i])
			return 0;
	return 1;
}

/* ---- frameworks ---- */

static const char *fw_id(int fw)
{
	return fw == FW_OTHER ? OTHER_ID : frameworks[fw].id;
}

/* Declare a framework the rules set does not, the first time it is used. */
static int use_framework(ipa *x, int fw)
{
	const char *id = fw_id(fw);
	const char *title = fw == FW_OTHER ? OTHER_TITLE : frameworks[fw].title;

	if (x->declared[fw])
		return 0;
	if (!scsec_criteria_framework_title(x->c, id) &&
	    !scsec__criteria_add_framework(x->c, id, title))
		return SCSEC_ENOMEM;
	x->declared[fw] = 1;
	return 0;
}

/* The framework a reference line or column name starts with, and where
 * the clauses begin; -1 when none. A version right after the prefix
 * (`ISO/IEC 27001:2022`, `政府統一基準(令和7年度版)`) belongs to the prefix. */
static int match_framework(const char *s, size_t n, const char **rest)
{
	int fw;

	for (fw = 0; fw < NFRAMEWORKS; fw++) {
		size_t plen = strlen(frameworks[fw].prefix);
		const char *p = s + plen, *end = s + n, *close;

		if (n < plen || memcmp(s, frameworks[fw].prefix, plen))
			continue;
		if (p < end && *p == ':') {
			while (p < end && !scsec__blank_at(p, (size_t)(end - p)))
				p++;
		} else if (p < end && *p == '(') {
			close = memchr(p, ')', (size_t)(end - p));
			if (close)
				p = close + 1;
		} else if (end - p >= 3 && !memcmp(p, "（", 3)) {
			for (close = p + 3; end - close >= 3 && memcmp(close, "）", 3); close++)
				;
			if (end - close >= 3)
				p = close + 3;
		}
		if (p == end || scsec__blank_at(p, (size_t)(end - p))) {
			*rest = p;
			return fw;
		}
	}
	return -1;
}

static void add_ref(ipa *x, struct scsec_criterion *cr, int fw, const char *clauses, size_t n)
{
	scsec__buf_reset(&x->scratch);
	scsec__buf_put(&x->scratch, clauses, n);
	if (use_framework(x, fw) || scsec__buf_error(&x->scratch) ||
	    scsec__criterion_add_ref(x->c, cr, fw_id(fw), x->scratch.data))
		x->oom = 1;
}

/* One multi-line reference cell: a reference per line. */
static void read_ref_lines(ipa *x, struct scsec_criterion *cr, const char *cell)
{
	long col = x->col[COL_REFS];

	while (*cell && !x->oom) {
		size_t n = strcspn(cell, "\n");
		const char *line = cell, *rest;
		int fw;

		cell += n + (cell[n] == '\n');
		trim(&line, &n);
		if (!n)
			continue;
		fw = match_framework(line, n, &rest);
		if (fw < 0) {
			WARN(x, col,
			     "reference '%.*s' starts with no known framework (" KNOWN_PREFIXES
			     "): kept under '" OTHER_ID "'",
			     (int)n < clip(line) ? (int)n : clip(line), line);
			add_ref(x, cr, FW_OTHER, line, n);
			continue;
		}
		n -= (size_t)(rest - line);
		trim(&rest, &n);
		if (!n) {
			WARN(x, col, "reference '%.*s' names no clause: left out", CLIP(line));
			continue;
		}
		add_ref(x, cr, fw, rest, n);
	}
}

/* Reference columns under a second header row: a reference per cell. */
static void read_ref_columns(ipa *x, struct scsec_criterion *cr)
{
	size_t i;

	for (i = 0; i < x->nrefcols && !x->oom; i++) {
		const ipa_refcol *rc = &x->refcols[i];
		const char *cell = cell_text(x, rc->col);

		if (!*cell)
			continue;
		if (rc->fw != FW_OTHER) {
			add_ref(x, cr, rc->fw, cell, strlen(cell));
			continue;
		}
		/* Keep the column's name with the clauses: it says what they are. */
		scsec__buf_reset(&x->scratch);
		scsec__buf_printf(&x->scratch, "%s %s", rc->name, cell);
		if (use_framework(x, FW_OTHER) || scsec__buf_error(&x->scratch) ||
		    scsec__criterion_add_ref(x->c, cr, OTHER_ID, x->scratch.data))
			x->oom = 1;
	}
}

/* ---- header rows ---- */

/* The column a header cell names (columns[]), or -1. */
static int header_column(const char *name)
{
	int k;

	for (k = 0; k < NCOLS; k++)
		if (k == COL_REFS ? starts_with(name, columns[k].name) : !strcmp(name, columns[k].name))
			return k;
	return -1;
}

/* The number of needed columns the current row has no header cell for;
 * their names are appended to b (when not NULL). */
static int lacking_columns(const ipa *x, scsec__buf *b)
{
	unsigned char seen[NCOLS] = { 0 };
	size_t i;
	int k, n = 0;

	for (i = 0; i < x->cur->ncells; i++)
		if (cell_ok(x, i) && (k = header_column(cell_text(x, i))) >= 0)
			seen[k] = 1;
	for (k = 0; k < NCOLS; k++) {
		if (!columns[k].needed || seen[k])
			continue;
		if (b)
			scsec__buf_printf(b, "%s'%s'", n ? ", " : "", columns[k].name);
		n++;
	}
	return n;
}

/* The one error of a workbook none of whose worksheets is IPA's sheet
 * (rest: what else the reader saw). */
static void no_criteria_sheet(ipa *x, const char *rest)
{
	if (scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
	                  "no worksheet of the workbook has IPA's criteria header (tried %s%s): %s; "
	                  "choose the criteria sheet by name",
	                  x->tried.data, rest, x->why.data) == SCSEC_ENOMEM)
		x->oom = 1;
}

/* A workbook's worksheet whose first row is not IPA's header: note it,
 * and pass it over when more follow (SCSEC__SHEET_NEXT). After sheets
 * passed over, the last one is reported with them, as one error (BROKEN);
 * a workbook's only candidate (one worksheet, or the chosen one) gets the
 * header's own errors (0). */
static int other_sheet(ipa *x)
{
	int n;

	if (!x->cur->sheet || !(n = lacking_columns(x, NULL)))
		return 0;
	scsec__buf_printf(&x->tried, "%s\"%s\"", x->ntried ? ", " : "", x->cur->sheet);
	if (!x->ntried++) {
		scsec__buf_printf(&x->why, "sheet \"%s\" row %lu has no column ", x->cur->sheet, x->row);
		lacking_columns(x, &x->why);
	}
	if (scsec__buf_error(&x->tried) || scsec__buf_error(&x->why)) {
		x->oom = 1;
		return 0;
	}
	if (x->cur->more_sheets)
		return SCSEC__SHEET_NEXT;
	if (x->ntried == 1)
		return 0;
	no_criteria_sheet(x, "");
	x->state = BROKEN;
	return 1;
}

static void read_header(ipa *x)
{
	size_t i, ncells = x->cur->ncells;
	int k, errors = 0;

	x->header_row = x->row;
	for (i = 0; i < ncells; i++) {
		const char *name = cell_text(x, i);

		if (!cell_ok(x, i)) {
			ERR(x, (long)i, SCSEC_EENCODING,
			    "the header is not valid UTF-8 text, or holds a NUL, DEL or control character "
			    "(save the sheet as CSV UTF-8; the sheet was %s)",
			    x->cur->format);
			errors++;
			continue;
		}
		if (!*name || (k = header_column(name)) < 0)
			continue;
		if (x->col[k] >= 0) {
			ERR(x, (long)i, SCSEC_EPARSE, "column '%s' is given twice (also column %ld)",
			    columns[k].name, x->col[k] + 1);
			errors++;
		} else {
			x->col[k] = (long)i;
		}
	}
	for (k = 0; k < NCOLS; k++) {
		if (columns[k].needed && x->col[k] < 0) {
			ERR(x, -1, SCSEC_EPARSE, "the sheet has no column '%s' (the sheet was %s)",
			    columns[k].name, x->cur->format);
			errors++;
		}
	}
	if (errors) {
		x->state = BROKEN;
		return;
	}
	/* The reference block: the 参照文献 column and the unnamed ones after it
	 * (a second header row may name them). */
	x->block_end = 0;
	if (x->col[COL_REFS] >= 0) {
		for (i = (size_t)x->col[COL_REFS] + 1; i < ncells && !*cell_text(x, i); i++)
			;
		x->block_end = i < ncells ? i : MAX_COLUMNS;
	}
	x->state = WANT_SECOND;
	note_read_columns(x);
}

/* The row after the header names the reference columns when its
 * 評価基準No. is empty and it has cells under the reference block. */
static int read_second_header(ipa *x)
{
	size_t i, start, end;

	if (x->col[COL_REFS] < 0 || *col_text(x, COL_CRIT_NO))
		goto out;
	start = (size_t)x->col[COL_REFS];
	end = x->block_end < x->cur->ncells ? x->block_end : x->cur->ncells;
	for (i = start; i < end && !*cell_text(x, i); i++)
		;
	if (i == end)
		goto out;
	x->two_rows = 1;
	for (i = start; i < end && !x->oom; i++) {
		const char *name = cell_text(x, i), *rest;
		ipa_refcol *rc;
		int fw;

		if (!cell_ok(x, i)) {
			ERR(x, (long)i, SCSEC_EENCODING, "the reference column's name is not valid UTF-8 text");
			continue;
		}
		if (!*name)
			continue;
		fw = match_framework(name, strlen(name), &rest);
		if (fw < 0) {
			WARN(x, (long)i,
			     "reference column '%.*s' names no known framework (" KNOWN_PREFIXES
			     "): its references are kept under '" OTHER_ID "'",
			     CLIP(name));
			fw = FW_OTHER;
		}
		if (scsec__grow(&x->refcols, &x->crefcols, x->nrefcols + 1, sizeof *x->refcols)) {
			x->oom = 1;
			break;
		}
		rc = &x->refcols[x->nrefcols];
		rc->col = i;
		rc->fw = fw;
		if (!(rc->name = scsec__strdup(name))) {
			x->oom = 1;
			break;
		}
		x->nrefcols++;
	}
out:
	note_read_columns(x);
	return x->two_rows;
}

/* ---- data rows ---- */

/* The rank of a level cell: ★ and a number (ASCII or full-width digits). */
static int parse_rank(const char *s, int *rank)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = 0, digits = 0;

	if (!starts_with(s, "★"))
		return -1;
	u += strlen("★");
	while (*u == ' ')
		u++;
	for (;;) {
		int d;

		if (*u >= '0' && *u <= '9') {
			d = *u - '0';
			u++;
		} else if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99) {
			d = u[2] - 0x90;
			u += 3;
		} else {
			break;
		}
		if (++digits > 2)
			return -1;
		n = n * 10 + d;
	}
	if (!digits || *u || n < 1)
		return -1;
	*rank = n;
	return 0;
}

static int read_level(ipa *x, int *rank)
{
	const char *s = col_text(x, COL_LEVEL);
	long col = x->col[COL_LEVEL];
	char ranks[256];
	size_t i, len = 0;

	if (!*s) {
		ERR(x, col, SCSEC_EINVALID, "★3/★4 is empty: the criterion has no level");
		return -1;
	}
	if (parse_rank(s, rank)) {
		ERR(x, col, SCSEC_EINVALID, "level '%.*s' is not ★ followed by a rank (such as ★3)",
		    CLIP(s));
		return -1;
	}
	for (i = 0; i < x->rules->nlevels; i++)
		if (x->rules->levels[i]->rank == *rank)
			return 0;
	ranks[0] = '\0';
	for (i = 0; i < x->rules->nlevels && len < sizeof ranks - 16; i++)
		len += (size_t)snprintf(ranks + len, sizeof ranks - len, "%s%d", i ? ", " : "",
		                        x->rules->levels[i]->rank);
	ERR(x, col, SCSEC_EINVALID, "level '%.*s' is not a level of %s (%s)", CLIP(s), x->rules->id,
	    ranks);
	return -1;
}

/* The CSF function of a cell such as `統治(GV)` (the code in the last
 * parentheses, or the whole cell); -1 when there is none. */
static int parse_function(const char *s)
{
	const char *open = NULL, *close, *p;
	size_t n;
	int i;

	for (p = s; *p; p++) {
		if (*p == '(')
			open = p + 1;
		else if (starts_with(p, "（"))
			open = p + strlen("（");
	}
	if (open) {
		close = strchr(open, ')');
		p = strstr(open, "）");
		if (!close || (p && p < close))
			close = p;
		if (!close)
			return -1;
		n = (size_t)(close - open);
	} else {
		open = s;
		n = strlen(s);
	}
	trim(&open, &n);
	for (i = SCSEC_FUNCTION_GV; i < SCSEC_FUNCTION_COUNT; i++) {
		const char *code = scsec_function_code((scsec_function)i);

		if (n == 2 && (open[0] | 0x20) == (code[0] | 0x20) && (open[1] | 0x20) == (code[1] | 0x20))
			return i;
	}
	return -1;
}

/* Warn when a later row gives a different text for a category or
 * requirement than its first row. */
static void check_same(ipa *x, const scsec__texts *t, int k, const char *kind, const char *id,
                       unsigned long first)
{
	const char *s = col_text(x, k), *prev;

	if (x->bad[k] || !*s)
		return;
	prev = scsec__texts_exact(t, "ja");
	if (!prev || strcmp(prev, s))
		WARN(x, x->col[k], "%s of %s '%s' differs from the one given at row %lu, which is kept",
		     columns[k].name, kind, id, first);
}

/* Set the Japanese text of a new object from column k; required texts
 * must not be empty. */
static void set_text(ipa *x, scsec__texts *t, int k, const char *kind, const char *id,
                     int required)
{
	const char *s = col_text(x, k);

	if (x->bad[k])
		return;
	if (!*s) {
		if (required)
			ERR(x, x->col[k], SCSEC_EINVALID, "%s is empty on the first row of %s '%s'",
			    columns[k].name, kind, id);
		return;
	}
	if (scsec__criteria_text(x->c, t, "ja", s))
		x->oom = 1;
}

/* A row returning to a category or requirement after another began. */
static int resumed(ipa *x, int k, const char *kind, const char *id, const char *current)
{
	ERR(x, x->col[k], SCSEC_EINVALID,
	    "%s '%s' resumes after %s '%s' began: the rows of a %s must be contiguous", kind, id, kind,
	    current ? current : "?", kind);
	return -1;
}

static scsec__loc loc_of(const ipa *x, int k)
{
	scsec__loc l = { x->row, (unsigned long)x->col[k] + 1 };

	return l;
}

/* Find or create the category, sub-category and requirement of a row. */
static int place(ipa *x, const char *const ids[3], int fn)
{
	if (!x->cat || strcmp(x->cat->id, ids[0])) {
		struct scsec_category *cat;

		if (scsec__map_get(&x->cats, ids[0]))
			return resumed(x, COL_CAT_NO, "category", ids[0], x->cat ? x->cat->id : NULL);
		if (!(cat = scsec__criteria_add_category(x->c, ids[0], NULL)) ||
		    scsec__map_put(&x->cats, cat->id, cat, NULL)) {
			x->oom = 1;
			return -1;
		}
		cat->loc = loc_of(x, COL_CAT_NO);
		set_text(x, &cat->title, COL_CAT, "category", cat->id, 1);
		x->cat = cat;
		x->sub = NULL;
		x->req = NULL;
		x->fn_row = 0;
	} else {
		check_same(x, &x->cat->title, COL_CAT, "category", x->cat->id, x->cat->loc.line);
	}
	if (fn > 0) {
		if (!x->cat->own_function) {
			x->cat->own_function = (scsec_function)fn;
			x->fn_row = x->row;
		} else if ((int)x->cat->own_function != fn) {
			ERR(x, x->col[COL_CSF], SCSEC_EINVALID,
			    "function %s differs from %s, given for category '%s' at row %lu",
			    scsec_function_code((scsec_function)fn),
			    scsec_function_code(x->cat->own_function), x->cat->id, x->fn_row);
		}
	}

	if (!x->sub || strcmp(x->sub->id, ids[1])) {
		struct scsec_category *sub;

		if (scsec__map_get(&x->subs, ids[1]))
			return resumed(x, COL_SUB_NO, "sub-category", ids[1], x->sub ? x->sub->id : NULL);
		if (!(sub = scsec__criteria_add_category(x->c, ids[1], x->cat)) ||
		    scsec__map_put(&x->subs, sub->id, sub, NULL)) {
			x->oom = 1;
			return -1;
		}
		sub->loc = loc_of(x, COL_SUB_NO);
		set_text(x, &sub->title, COL_SUB, "sub-category", sub->id, 1);
		x->sub = sub;
		x->req = NULL;
	} else {
		check_same(x, &x->sub->title, COL_SUB, "sub-category", x->sub->id, x->sub->loc.line);
	}

	if (!x->req || strcmp(x->req->id, ids[2])) {
		struct scsec_requirement *req;

		if (scsec__map_get(&x->reqs, ids[2]))
			return resumed(x, COL_REQ_NO, "requirement", ids[2], x->req ? x->req->id : NULL);
		if (!(req = scsec__criteria_add_requirement(x->c, ids[2], x->sub)) ||
		    scsec__map_put(&x->reqs, req->id, req, NULL)) {
			x->oom = 1;
			return -1;
		}
		req->loc = loc_of(x, COL_REQ_NO);
		set_text(x, &req->name, COL_REQ_NAME, "requirement", req->id, 1);
		if (x->col[COL_REQ_TEXT] >= 0)
			set_text(x, &req->text, COL_REQ_TEXT, "requirement", req->id, 0);
		x->req = req;
	} else {
		check_same(x, &x->req->name, COL_REQ_NAME, "requirement", x->req->id, x->req->loc.line);
		if (x->col[COL_REQ_TEXT] >= 0)
			check_same(x, &x->req->text, COL_REQ_TEXT, "requirement", x->req->id,
			           x->req->loc.line);
	}
	return 0;
}

static void read_data_row(ipa *x)
{
	static const int id_cols[3] = { COL_CAT_NO, COL_SUB_NO, COL_REQ_NO };
	static const char *const kinds[3] = { "category", "sub-category", "requirement" };
	const char *crit_no = col_text(x, COL_CRIT_NO), *ids[3], *parent = NULL;
	const struct scsec_category *carried[2] = { x->cat, x->sub };
	size_t errors = x->rep->errors, i;
	int k, rank = 0, fn = 0, structure = 1;
	struct scsec_criterion *cr;

	x->crit_id = cell_ok(x, (size_t)x->col[COL_CRIT_NO]) && scsec__id_ok(crit_no) ? crit_no : NULL;

	/* Every cell read must be text. */
	for (k = 0; k < NCOLS; k++) {
		x->bad[k] = x->col[k] >= 0 && !cell_ok(x, (size_t)x->col[k]);
		if (x->bad[k])
			ERR(x, x->col[k], SCSEC_EENCODING, "%s: the cell is not valid UTF-8 text",
			    columns[k].name);
	}
	for (i = 0; i < x->nrefcols; i++)
		if (!cell_ok(x, x->refcols[i].col))
			ERR(x, (long)x->refcols[i].col, SCSEC_EENCODING,
			    "reference column '%.*s': the cell is not valid UTF-8 text",
			    CLIP(x->refcols[i].name));

	if (!x->bad[COL_CRIT_NO] && !x->crit_id) {
		if (!*crit_no)
			ERR(x, x->col[COL_CRIT_NO], SCSEC_EINVALID,
			    "評価基準No. is empty: every row is one criterion");
		else
			ERR(x, x->col[COL_CRIT_NO], SCSEC_EINVALID,
			    "評価基準No. '%.*s' is not an id (1 to 64 letters, digits, '-', '_', '.' or ':')",
			    CLIP(crit_no));
	}

	/* Category, sub-category and requirement: an empty cell (a merged cell
	 * in the workbook) repeats the row before. */
	for (k = 0; k < 3; k++) {
		int c = id_cols[k];
		const char *id = col_text(x, c);

		ids[k] = NULL;
		if (x->bad[c]) {
			structure = 0;
			parent = NULL;
			continue;
		}
		if (!*id)
			id = k < 2 ? (carried[k] ? carried[k]->id : NULL) : (x->req ? x->req->id : NULL);
		if (!id) {
			ERR(x, x->col[c], SCSEC_EINVALID, "%s is empty", columns[c].name);
		} else if (!scsec__id_ok(id)) {
			ERR(x, x->col[c], SCSEC_EINVALID,
			    "%s '%.*s' is not an id (1 to 64 letters, digits, '-', '_', '.' or ':')",
			    columns[c].name, CLIP(id));
		} else if (parent && !is_under(id, parent)) {
			ERR(x, x->col[c], SCSEC_EINVALID,
			    "%s '%s' is not under %s '%s' (it must start with '%s-')", kinds[k], id,
			    kinds[k - 1], parent, parent);
		} else {
			ids[k] = id;
		}
		if (!ids[k])
			structure = 0;
		parent = ids[k];
	}
	if (x->crit_id && ids[2] && !is_under(x->crit_id, ids[2]))
		ERR(x, x->col[COL_CRIT_NO], SCSEC_EINVALID,
		    "criterion '%s' is not under requirement '%s' (it must start with '%s-')", x->crit_id,
		    ids[2], ids[2]);

	if (!x->bad[COL_LEVEL])
		read_level(x, &rank);
	if (!x->bad[COL_CRIT] && !*col_text(x, COL_CRIT))
		ERR(x, x->col[COL_CRIT], SCSEC_EINVALID, "評価基準 is empty: the criterion has no text");
	if (x->col[COL_CSF] >= 0 && !x->bad[COL_CSF] && *col_text(x, COL_CSF)) {
		fn = parse_function(col_text(x, COL_CSF));
		if (fn < 0)
			ERR(x, x->col[COL_CSF], SCSEC_EINVALID,
			    "NIST CSFにおける機能 '%.*s' names no CSF function (GV, ID, PR, DE, RS or RC)",
			    CLIP(col_text(x, COL_CSF)));
	}

	if (structure && !x->oom)
		place(x, ids, fn);
	if (x->rep->errors > errors || x->oom)
		return;

	if (!(cr = scsec__criteria_add_criterion(x->c, x->crit_id, x->req)) ||
	    scsec__criteria_text(x->c, &cr->text, "ja", col_text(x, COL_CRIT))) {
		x->oom = 1;
		return;
	}
	cr->loc = loc_of(x, COL_CRIT_NO);
	cr->min_level = rank;
	x->ncriteria++;
	if (x->two_rows)
		read_ref_columns(x, cr);
	else if (x->col[COL_REFS] >= 0 && !x->bad[COL_REFS])
		read_ref_lines(x, cr, col_text(x, COL_REFS));
}

/* ---- rows ---- */

static int on_row(void *ctx, const scsec__sheet_row *row)
{
	ipa *x = ctx;
	int rc;

	x->cur = row;
	x->row = row->number;
	x->crit_id = NULL;
	if (row_empty(x))
		return 0;
	switch (x->state) {
	case WANT_HEADER:
		if ((rc = other_sheet(x)) == SCSEC__SHEET_NEXT) {
			x->cur = NULL;
			return rc;
		}
		if (!rc)
			read_header(x);
		break;
	case WANT_SECOND:
		x->state = READING_DATA;
		if (read_second_header(x))
			break;
		read_data_row(x);
		break;
	case READING_DATA:
		read_data_row(x);
		break;
	case BROKEN:
		break;
	}
	x->crit_id = NULL;
	x->cur = NULL;
	return x->oom ? SCSEC_ENOMEM : 0;
}

/* ---- the set ---- */

/* Replace the rules' English description by one telling where the set
 * comes from; the other languages stay. */
static int describe(scsec_criteria *c, const char *name, const scsec_criteria *rules)
{
	scsec__buf b = SCSEC__BUF_INIT;
	const char *base = name ? strrchr(name, '/') : NULL, *s;
	size_t i;

	base = base ? base + 1 : name;
	if (base && (!*base || !scsec__text_ok(base, strlen(base)) || strchr(base, '\n')))
		base = NULL;
	scsec__buf_puts(&b, "Imported from IPA's criteria sheet");
	if (base)
		scsec__buf_printf(&b, " %s", base);
	scsec__buf_printf(&b,
	                  ". The categories, requirements and criteria, their levels and references, "
	                  "and IPA's Japanese texts come from the sheet; the scheme's rules "
	                  "(identity, level methods and validity, prerequisites, required-level "
	                  "questions, scoring) from the set %s version %s.",
	                  rules->id, rules->version);
	if (scsec__buf_error(&b) || !(s = scsec__criteria_str(c, b.data))) {
		scsec__buf_dispose(&b);
		return SCSEC_ENOMEM;
	}
	scsec__buf_dispose(&b);
	for (i = 0; i < c->description.count; i++) {
		if (!strcmp(c->description.items[i].lang, "en")) {
			c->description.items[i].text = s;
			return 0;
		}
	}
	return scsec__criteria_text(c, &c->description, "en", s);
}

static void ipa_dispose(ipa *x)
{
	size_t i;

	for (i = 0; i < x->nrefcols; i++)
		scsec__free(x->refcols[i].name);
	scsec__free(x->refcols);
	scsec__buf_dispose(&x->scratch);
	scsec__buf_dispose(&x->tried);
	scsec__buf_dispose(&x->why);
	scsec__map_dispose(&x->cats);
	scsec__map_dispose(&x->subs);
	scsec__map_dispose(&x->reqs);
}

static int read_ipa(void *out_p, scsec__source *src, const void *arg,
                    const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec_criteria **out = out_p;
	const scsec_criteria *rules = arg;
	const char *name = src->unnamed ? NULL : src->name;
	scsec_criteria *builtin = NULL, *c = NULL;
	scsec__reporter rep = SCSEC__REPORTER_INIT(src->name, diags);
	ipa x;
	int rc, read_rc = 0, k;

	if (!rules) {
		if ((rc = scsec_criteria_builtin(&builtin, NULL)))
			return rc;
		rules = builtin;
	}

	memset(&x, 0, sizeof x);
	x.rep = &rep;
	x.rules = rules;
	memset(x.is_read, 1, sizeof x.is_read);
	for (k = 0; k < NCOLS; k++)
		x.col[k] = -1;
	if (scsec__criteria_new(&c, src->name) || scsec__criteria_copy_rules(c, rules))
		x.oom = 1;
	x.c = c;
	if (!x.oom)
		read_rc = scsec__sheet_read(src, opts, &rep, on_row, &x);

	if (read_rc == SCSEC_ENOMEM)
		x.oom = 1;
	if (!x.oom && !rep.errors && !read_rc) {
		if (x.state == WANT_HEADER && x.ntried)
			no_criteria_sheet(&x, "; the others are empty");
		else if (x.state == WANT_HEADER)
			scsec__report(&rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
			              "the sheet is empty: no header row and no criteria");
		else if (!x.ncriteria)
			scsec__report(&rep, x.header_row, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
			              "the sheet has a header but no criterion row");
	}
	if (x.oom || rep.oom)
		rc = scsec__report(&rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
		                   "out of memory");
	else if (rep.errors)
		rc = scsec__report_result(&rep);
	else if (read_rc)
		rc = read_rc;
	else if ((rc = describe(c, name, rules)) == 0)
		if (!(rc = scsec__criteria_finish(c, &rep)))
			rc = scsec__criteria_fingerprint(c);

	ipa_dispose(&x);
	scsec_criteria_free(builtin);
	if (rc) {
		scsec_criteria_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

/* ------------------------------------------------------------ public */

int scsec_criteria_import_ipa(scsec_criteria **out, const char *path, const scsec_criteria *rules,
                              const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	return scsec__read(out, read_ipa, rules, path, NULL, 0, NULL, opts, diags);
}

int scsec_criteria_import_ipa_memory(scsec_criteria **out, const void *data, size_t size,
                                     const char *name, const scsec_criteria *rules,
                                     const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, read_ipa, rules, NULL, data, size, name, opts, diags);
}
