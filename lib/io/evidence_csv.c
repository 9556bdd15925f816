/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Evidence as CSV answer sheets: the template of a criteria set, importing
 * a filled sheet, and exporting a record in the same layout. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "util/error.h"
#include "model/evidence.h"
#include "io/messages.h"
#include "io/sheet.h"
#include "util/util.h"

/* The layout. Informational columns first, then the answers; import reads
 * the answer columns by name and ignores everything else. */
enum { COL_ID, COL_TYPE, COL_LEVEL, COL_CATEGORY, COL_REQUIREMENT, COL_TEXT, COL_STATUS,
       COL_METHOD, COL_ASSESSOR, COL_ASSESSOR_ID, COL_ASSESSOR_ROLE, COL_ASSESSED_ON, COL_EXPIRES_ON,
       COL_PLANNED_ON,       COL_JUSTIFICATION, COL_ARTIFACT, COL_NOTE, NCOLS };

static const char *const col_names[NCOLS] = {
	"id", "type", "level", "category", "requirement", "text", "status", "method", "assessor",
	"assessor_id", "assessor_role", "assessed_on", "expires_on", "planned_on", "justification", "artifact", "note",
};

/* ----------------------------------------------------------------- writing */

/* The labels of the levels in mask (bit i: levels[i]). */
static void put_level_labels(scsec__buf *b, const scsec_criteria *c, uint64_t mask)
{
	scsec__buf cell = SCSEC__BUF_INIT;
	size_t i;

	for (i = 0; i < c->nlevels; i++) {
		if (!((mask >> i) & 1))
			continue;
		if (cell.len)
			scsec__buf_putc(&cell, ' ');
		scsec__buf_puts(&cell, c->levels[i]->label);
	}
	scsec__csv_cell(b, cell.data ? cell.data : "", 0);
	if (scsec__buf_error(&cell))
		b->failed = 1;
	scsec__buf_dispose(&cell);
}

static void put_answer(scsec__buf *b, const struct scsec_entry *e)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i;

	if (!e) {
		for (i = COL_STATUS; i < NCOLS; i++)
			scsec__csv_cell(b, "", 0);
		return;
	}
	scsec__csv_cell(b, scsec_status_name(e->status), 0);
	scsec__csv_cell(b, scsec_method_name(e->method), 0);
	scsec__csv_cell(b, e->assessor, 0);
	scsec__csv_cell(b, e->assessor_id, 0);
	scsec__csv_cell(b, e->assessor_role, 0);
	scsec__csv_cell(b, scsec__date_format(date, e->assessed_on) ? "" : date, 0);
	scsec__csv_cell(b, scsec__date_format(date, e->expires_on) ? "" : date, 0);
	scsec__csv_cell(b, scsec__date_format(date, e->planned_on) ? "" : date, 0);
	scsec__csv_cell(b, e->justification, 0);
	{
		scsec__buf a = SCSEC__BUF_INIT;

		for (i = 0; i < e->nartifacts; i++) {
			if (i)
				scsec__buf_putc(&a, '\n');
			scsec__buf_puts(&a, e->artifacts[i].uri);
			if (e->artifacts[i].sha256[0])
				scsec__buf_printf(&a, " sha256:%s", e->artifacts[i].sha256);
		}
		scsec__csv_cell(b, a.data ? a.data : "", 0);
		if (scsec__buf_error(&a))
			b->failed = 1;
		scsec__buf_dispose(&a);
	}
	scsec__csv_cell(b, e->note, 0);
}

static void put_titled(scsec__buf *b, const char *id, const char *title)
{
	scsec__buf cell = SCSEC__BUF_INIT;

	scsec__buf_printf(&cell, "%s%s%s", id, title ? " " : "", title ? title : "");
	scsec__csv_cell(b, cell.data ? cell.data : "", 0);
	if (scsec__buf_error(&cell))
		b->failed = 1;
	scsec__buf_dispose(&cell);
}

/* Non-zero when an item applying at the levels in mask has a row in a
 * sheet for level (NULL: every level). */
static int on_sheet(const struct scsec_level *level, uint64_t mask)
{
	return !level || ((mask >> level->index) & 1);
}

/* Non-zero when the sheet for level has a row of its own for id: a
 * criterion or prerequisite of the set written there. */
static int has_row(const scsec_criteria *c, const struct scsec_level *level, const char *id)
{
	const void *obj;

	switch (scsec__criteria_lookup(c, id, &obj)) {
	case SCSEC__ID_CRITERION:
		return on_sheet(level, ((const struct scsec_criterion *)obj)->level_mask);
	case SCSEC__ID_PREREQUISITE:
		return on_sheet(level, ((const struct scsec_prerequisite *)obj)->level_mask);
	default:
		return 0;
	}
}

static int write_sheet(char **out, size_t *size, const scsec_criteria *c, const scsec_evidence *ev,
                       int rank, const char *lang)
{
	const struct scsec_level *level = NULL;
	scsec__buf b = SCSEC__BUF_INIT;
	size_t i, j;
	int rc;

	if (rank) {
		level = scsec_criteria_level_by_rank(c, rank);
		if (!level)
			return scsec__error_set(SCSEC_EINVAL, "'%s' has no level of rank %d", c->id, rank);
	}
	scsec__buf_puts(&b, SCSEC__UTF8_BOM);
	for (i = 0; i < NCOLS; i++)
		scsec__csv_cell(&b, col_names[i], i == 0);
	scsec__csv_end(&b);

	/* Prerequisites first: they gate levels and are easy to miss. */
	for (i = 0; i < c->nprereqs; i++) {
		const struct scsec_prerequisite *p = c->prereqs[i];

		if (!on_sheet(level, p->level_mask))
			continue;
		scsec__csv_cell(&b, p->id, 1);
		scsec__csv_cell(&b, "prerequisite", 0);
		put_level_labels(&b, c, p->level_mask);
		scsec__csv_cell(&b, "", 0);
		scsec__csv_cell(&b, "", 0);
		scsec__csv_cell(&b, scsec__texts_get(&p->title, lang), 0);
		put_answer(&b, ev ? scsec__map_get(&ev->index, p->id) : NULL);
		scsec__csv_end(&b);
	}
	for (i = 0; i < c->ncriteria; i++) {
		const struct scsec_criterion *cr = c->criteria[i];
		const struct scsec_category *top = cr->requirement->category;

		if (!on_sheet(level, cr->level_mask))
			continue;
		while (top->parent)
			top = top->parent;
		scsec__csv_cell(&b, cr->id, 1);
		scsec__csv_cell(&b, "criterion", 0);
		put_level_labels(&b, c, cr->level_mask);
		put_titled(&b, top->id, scsec__texts_get(&top->title, lang));
		put_titled(&b, cr->requirement->id, scsec__texts_get(&cr->requirement->name, lang));
		scsec__csv_cell(&b, scsec__texts_get(&cr->text, lang), 0);
		put_answer(&b, ev ? scsec__map_get(&ev->index, cr->id) : NULL);
		scsec__csv_end(&b);
	}
	/* Entries the layout has no row for are kept, not dropped. */
	for (i = 0; ev && i < ev->nentries; i++) {
		const struct scsec_entry *e = ev->entries[i];

		if (has_row(c, level, e->id))
			continue;
		scsec__csv_cell(&b, e->id, 1);
		for (j = COL_TYPE; j < COL_STATUS; j++)
			scsec__csv_cell(&b, "", 0);
		put_answer(&b, e);
		scsec__csv_end(&b);
	}
	if ((rc = scsec__buf_error(&b))) {
		scsec__buf_dispose(&b);
		return scsec__error_set(rc, "out of memory");
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_criteria_template_csv(char **out, size_t *size, const scsec_criteria *criteria, int rank,
                                const char *lang)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(criteria);
	return write_sheet(out, size, criteria, NULL, rank, lang);
}

int scsec_evidence_export_csv(char **out, size_t *size, const scsec_evidence *ev,
                              const scsec_criteria *criteria, int rank, const char *lang)
{
	scsec_criteria *builtin = NULL;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(ev);
	if (!criteria) {
		if ((rc = scsec_criteria_builtin(&builtin, NULL)))
			return rc;
		criteria = builtin;
	}
	rc = write_sheet(out, size, criteria, ev, rank, lang);
	scsec_criteria_free(builtin);
	return rc;
}

/* ----------------------------------------------------------------- reading */

typedef struct importer {
	scsec__reporter rep;
	const scsec_criteria *c;
	scsec_evidence *ev;
	long col[NCOLS];
	int have_header;
	int oom;
} importer;

#define ERR(im, row, colx, code, id, ...)                                                  \
	scsec__report(&(im)->rep, (row)->number, (unsigned long)(im)->col[colx] + 1,            \
	              SCSEC_SEVERITY_ERROR, (code), (id), __VA_ARGS__)

/* A copy of the row's cell in layout column colx (cleaned by the sheet
 * reader), or NULL when the sheet has no such column or the cell is empty.
 * A cell that is not text is reported. */
static char *cell(importer *im, const scsec__sheet_row *row, int colx, const char *id)
{
	const scsec__sheet_span *sp;
	const char *raw;
	size_t len;
	char *s;

	if (im->col[colx] < 0 || (size_t)im->col[colx] >= row->ncells)
		return NULL;
	sp = &row->cells[im->col[colx]];
	if (!sp->ok) {
		ERR(im, row, colx, SCSEC_EENCODING, id,
		    "the %s cell is not valid UTF-8, or holds a NUL, DEL or control character (save "
		    "the sheet as \"CSV UTF-8\")",
		    col_names[colx]);
		return NULL;
	}
	raw = row->text + sp->off;
	len = sp->len;
	/* An apostrophe the exporter put before formula-like text. */
	if (raw[0] == '\'' && scsec__csv_formula_start(raw)) {
		raw++;
		len--;
		scsec__trim(&raw, &len);
	}
	if (!len)
		return NULL;
	if (!(s = scsec__strndup(raw, len)))
		im->oom = 1;
	return s;
}

/* A date as a spreadsheet shows it to a Japanese user, 2026/4/1 or
 * 2026/04/01, written as YYYY-MM-DD into iso[11]. Returns 0, 1 when s is
 * not of that form, -1 for the ambiguous 4/1/2026 (day/month or
 * month/day?). */
static int slash_date(const char *s, char iso[11])
{
	unsigned part[3] = { 0, 0, 0 }, digits[3] = { 0, 0, 0 };
	int k = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++digits[k] > 4)
				return 1;
			part[k] = part[k] * 10 + (unsigned)(*s - '0');
		} else if (*s == '/' && k < 2 && digits[k]) {
			k++;
		} else {
			return 1;
		}
	}
	if (k != 2 || !digits[2])
		return 1;
	if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
		snprintf(iso, 11, "%04u-%02u-%02u", part[0], part[1], part[2]);
		return 0;
	}
	return digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2 ? -1 : 1;
}

static void read_date(importer *im, const scsec__sheet_row *row, int colx, const char *id,
                      scsec_date *out)
{
	char *s = cell(im, row, colx, id), iso[11];
	int form;

	if (!s)
		return;
	form = strchr(s, '/') ? slash_date(s, iso) : 1;
	if (form < 0)
		ERR(im, row, colx, SCSEC_EDATE, id,
		    "%s '%.40s' of '%s' is ambiguous (day/month or month/day?): write YYYY-MM-DD or "
		    "YYYY/M/D",
		    col_names[colx], s, id);
	else if (form == 0 ? scsec__date_parse_n(out, iso, 10) : scsec__date_parse_n(out, s, strlen(s)))
		ERR(im, row, colx, SCSEC_EDATE, id,
		    "%s '%.40s' of '%s': %s (dates are YYYY-MM-DD, or YYYY/M/D as Japanese Excel shows "
		    "them)",
		    col_names[colx], s, id, scsec_error_message(scsec_error_last()));
	scsec__free(s);
}

/* s past its leading blanks (util's rule). */
static char *skip_blanks(char *s)
{
	size_t k;

	while ((k = scsec__blank_at(s, strlen(s))))
		s += k;
	return s;
}

/* The first blank of s, or its end. */
static char *find_blank(char *s)
{
	while (*s && !scsec__blank_at(s, strlen(s)))
		s++;
	return s;
}

/* Cut s at its first blank; returns what follows the blank (or the end). */
static char *cut_at_blank(char *s)
{
	char *end = find_blank(s);
	size_t k = scsec__blank_at(end, strlen(end));

	*end = '\0';
	return end + k;
}

static void read_artifacts(importer *im, const scsec__sheet_row *row, const char *id,
                           scsec_entry *e)
{
	char *s = cell(im, row, COL_ARTIFACT, id), *line, *save = NULL;

	if (!s)
		return;
	for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *uri = skip_blanks(line), *sha = NULL, *rest;
		int rc;

		if (!*uri)
			continue;
		/* URI [sha256:HEX], separated by blanks (a space, a tab, U+3000). */
		rest = skip_blanks(cut_at_blank(uri));
		if (*rest) {
			sha = rest;
			if (strncmp(sha, "sha256:", 7)) {
				ERR(im, row, COL_ARTIFACT, SCSEC_EINVALID, id,
				    "artifact '%.100s' of '%s': after the URI, write sha256:<64 hex digits>",
				    uri, id);
				continue;
			}
			sha += 7;
			rest = skip_blanks(cut_at_blank(sha));
			if (*rest) {
				ERR(im, row, COL_ARTIFACT, SCSEC_EINVALID, id,
				    "artifact '%.100s' of '%s': unexpected '%.40s' after the digest "
				    "(one artifact per line: URI [sha256:HEX])",
				    uri, id, rest);
				continue;
			}
		}
		rc = scsec_entry_add_artifact(e, uri, sha);
		if (rc == SCSEC_ENOMEM)
			im->oom = 1;
		else if (rc)
			ERR(im, row, COL_ARTIFACT, SCSEC_EINVALID, id, "artifact of '%s': %s", id,
			    scsec_error_message(scsec_error_last()));
	}
	scsec__free(s);
}

static void read_row(importer *im, const scsec__sheet_row *row)
{
	char *id = NULL, *status = NULL, *method = NULL;
	scsec__id_kind kind;
	scsec_entry *e = NULL;
	scsec_status st;
	scsec_method m;
	int rc, i, id_bad, status_bad;

	if (scsec__sheet_row_empty(row))
		return;
	/* A cell that cannot be read is reported once, by cell(), and the row
	 * is left at that. */
	id_bad = !scsec__sheet_cell_ok(row, (size_t)im->col[COL_ID]);
	status_bad = !scsec__sheet_cell_ok(row, (size_t)im->col[COL_STATUS]);
	id = cell(im, row, COL_ID, NULL);
	status = cell(im, row, COL_STATUS, id);
	if (id_bad || status_bad)
		goto out;
	if (!id) {
		if (status)
			ERR(im, row, COL_ID, SCSEC_EINVALID, NULL, "an answered row without an id");
		goto out;
	}
	if (!status) {
		for (i = COL_METHOD; i < NCOLS; i++) {
			char *x = cell(im, row, i, id);

			if (x) {
				scsec__report(&im->rep, row->number, (unsigned long)im->col[i] + 1,
				              SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, id,
				              "'%s' has no status but its %s cell is filled: the row is read "
				              "as unanswered",
				              id, col_names[i]);
				scsec__free(x);
				break;
			}
		}
		goto out;
	}
	kind = scsec__criteria_lookup(im->c, id, NULL);
	if (kind != SCSEC__ID_CRITERION && kind != SCSEC__ID_PREREQUISITE) {
		ERR(im, row, COL_ID, SCSEC_ENOTFOUND, id, "'%.64s' is not a criterion or prerequisite of '%s'",
		    id, im->c->id);
		goto out;
	}
	if ((rc = scsec_entry_new(&e, id))) {
		if (rc == SCSEC_ENOMEM)
			im->oom = 1;
		else
			ERR(im, row, COL_ID, SCSEC_EINVALID, NULL, "'%.64s' is not an id", id);
		goto out;
	}
	e->loc.line = row->number;
	e->loc.column = (unsigned long)im->col[COL_ID] + 1;
	/* The status tokens, their Japanese names and the set's answer marks
	 * (data of the set: ○, △, ✖, ... for the METI set). */
	if (scsec_criteria_status_parse(&st, im->c, status))
		ERR(im, row, COL_STATUS, SCSEC_EINVALID, id,
		    "status '%.40s' of '%s' is not met, partial, not-met, not-applicable, 実施, 一部実施, "
		    "未実施, 該当なし or one of the %zu answer marks of '%s'",
		    status, id, im->c->nmarks, im->c->id);
	else
		e->status = st;
	method = cell(im, row, COL_METHOD, id);
	if (method) {
		if (scsec_method_parse(&m, method))
			ERR(im, row, COL_METHOD, SCSEC_EINVALID, id,
			    "method '%.40s' of '%s' is not self, expert-reviewed, third-party, 自己評価, "
			    "専門家確認 or 第三者評価",
			    method, id);
		else
			e->method = m;
	}
	read_date(im, row, COL_ASSESSED_ON, id, &e->assessed_on);
	read_date(im, row, COL_EXPIRES_ON, id, &e->expires_on);
	read_date(im, row, COL_PLANNED_ON, id, &e->planned_on);
	e->assessor = cell(im, row, COL_ASSESSOR, id);
	e->assessor_id = cell(im, row, COL_ASSESSOR_ID, id);
	e->assessor_role = cell(im, row, COL_ASSESSOR_ROLE, id);
	if (e->assessor_role && !scsec__id_ok(e->assessor_role))
		ERR(im, row, COL_ASSESSOR_ROLE, SCSEC_EINVALID, id,
		    "assessor role '%.40s' of '%s' is not a token (a letter or digit, then up to 63 "
		    "letters, digits, '_', '.', ':' or '-')",
		    e->assessor_role, id);
	e->justification = cell(im, row, COL_JUSTIFICATION, id);
	e->note = cell(im, row, COL_NOTE, id);
	read_artifacts(im, row, id, e);
	if (im->oom)
		goto out;
	rc = scsec__evidence_append(im->ev, e);
	if (rc == SCSEC_EEXISTS) {
		const scsec_entry *first = scsec_evidence_entry(im->ev, id);

		ERR(im, row, COL_ID, SCSEC_EEXISTS, id, "a second row for '%s' (the first is row %lu)", id,
		    first ? first->loc.line : 0);
	} else if (rc) {
		im->oom = 1;
	} else {
		e = NULL;
	}
out:
	scsec_entry_free(e);
	scsec__free(id);
	scsec__free(status);
	scsec__free(method);
}

/* Further headers a column is found by, after its machine name and the
 * Japanese header of the message catalogue: those of IPA's own workbook,
 * its criteria sheet with an answer column filled in. IPA's criterion
 * number is the id; its answer column goes by one of the names self-check
 * workbooks give it (doc/evidence-format.md lists them all). */
static const struct {
	int col;
	const char *name;
} more_names[] = {
	{ COL_ID, "評価基準No." },
	{ COL_STATUS, "回答" },
	{ COL_STATUS, "自己評価" },
	{ COL_STATUS, "自己評価結果" },
	{ COL_STATUS, "評価結果" },
	{ COL_STATUS, "対応状況" },
	{ COL_STATUS, "達成状況" },
};

#define MAX_NAMES 8 /* of one column: its machine name, Japanese header and more_names */

typedef struct column_names {
	const char *name[MAX_NAMES];
	size_t n;
} column_names;

static void names_of(column_names *cn, int i)
{
	size_t k;

	cn->n = 0;
	cn->name[cn->n++] = col_names[i];
	if ((cn->name[cn->n] = scsec__column_ja(col_names[i])))
		cn->n++;
	for (k = 0; k < sizeof more_names / sizeof *more_names && cn->n < MAX_NAMES; k++)
		if (more_names[k].col == i)
			cn->name[cn->n++] = more_names[k].name;
}

/* The first header cell from `from` on that names the column, or -1. Each
 * cell is looked at once: "ID" is "id", not a second id column. */
static long find_named(const scsec__sheet_row *row, const column_names *cn, size_t from)
{
	size_t j, k;

	for (j = from; j < row->ncells; j++)
		for (k = 0; k < cn->n; k++)
			if (scsec__sheet_cell_is(row, j, cn->name[k]))
				return (long)j;
	return -1;
}

static long find_column(const scsec__sheet_row *row, int i)
{
	column_names cn;

	names_of(&cn, i);
	return find_named(row, &cn, 0);
}

/* Report that the header has no column i, with every name it goes by. */
static int no_column(importer *im, const scsec__sheet_row *row, int i)
{
	scsec__buf b = SCSEC__BUF_INIT;
	column_names cn;
	size_t k;
	int rc;

	names_of(&cn, i);
	for (k = 1; k < cn.n; k++)
		if (strcasecmp(cn.name[k], col_names[i])) /* not "ID" for "id" */
			scsec__buf_printf(&b, "%s%s", b.len ? ", " : "", cn.name[k]);
	rc = scsec__report(&im->rep, row->number, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
	                   "the header row has no '%s' column (or %s): an answer sheet needs 'id' "
	                   "and 'status'; the sheet was %s",
	                   col_names[i], scsec__buf_error(&b) || !b.data ? "its other names" : b.data,
	                   row->format);
	scsec__buf_dispose(&b);
	return rc;
}

/* The header: the first row that is not empty. Columns are found by name
 * (see names_of()); a header cell that is not text is refused (a NUL would
 * hide what follows it). */
static int read_header(importer *im, const scsec__sheet_row *row)
{
	size_t i;

	/* A workbook's sheet that is not an answer sheet (the instructions
	 * before the answers): the next one is read instead. */
	if (row->more_sheets && (find_column(row, COL_ID) < 0 || find_column(row, COL_STATUS) < 0))
		return SCSEC__SHEET_NEXT;
	im->have_header = 1;
	for (i = 0; i < row->ncells; i++)
		if (!row->cells[i].ok)
			scsec__report(&im->rep, row->number, (unsigned long)i + 1, SCSEC_SEVERITY_ERROR,
			              SCSEC_EENCODING, NULL,
			              "header cell %lu is not valid UTF-8, or holds a NUL, DEL or control "
			              "character",
			              (unsigned long)i + 1);
	for (i = 0; i < NCOLS; i++) {
		column_names cn;
		long again;

		names_of(&cn, (int)i);
		im->col[i] = find_named(row, &cn, 0);
		again = im->col[i] < 0 ? -1 : find_named(row, &cn, (size_t)im->col[i] + 1);
		if (again >= 0)
			scsec__report(&im->rep, row->number, (unsigned long)again + 1, SCSEC_SEVERITY_ERROR,
			              SCSEC_EINVALID, NULL, "a second '%s' column (the first is column %ld)",
			              col_names[i], im->col[i] + 1);
	}
	if (im->rep.errors)
		return scsec__report_result(&im->rep);
	if (im->col[COL_ID] < 0 || im->col[COL_STATUS] < 0)
		return no_column(im, row, im->col[COL_ID] < 0 ? COL_ID : COL_STATUS);
	return 0;
}

static int on_row(void *ctx, const scsec__sheet_row *row)
{
	importer *im = ctx;

	if (scsec__sheet_row_empty(row))
		return 0;
	if (!im->have_header)
		return read_header(im, row);
	read_row(im, row);
	return im->oom || im->rep.oom ? SCSEC_ENOMEM : 0;
}

static int read_sheet(void *out_p, scsec__source *src, const void *arg,
                      const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec_evidence **out = out_p;
	const scsec_criteria *criteria = arg;
	scsec_criteria *builtin = NULL;
	importer im;
	int rc;

	memset(&im, 0, sizeof im);
	im.rep.name = src->name;
	im.rep.diags = diags;
	if (!criteria) {
		if ((rc = scsec_criteria_builtin(&builtin, NULL)))
			return rc;
		criteria = builtin;
	}
	im.c = criteria;
	if ((rc = scsec_evidence_new(&im.ev, criteria)) ||
	    (rc = scsec__evidence_set_source(im.ev, src->name)))
		goto out;
	rc = scsec__sheet_read(src, opts, &im.rep, on_row, &im);
	if (!rc && !im.have_header && !im.rep.errors)
		rc = scsec__report(&im.rep, 1, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                   "the sheet has no header row");
	if (im.oom || im.rep.oom || rc == SCSEC_ENOMEM)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (im.rep.errors)
		rc = scsec__report_result(&im.rep);
	if (!rc) {
		scsec__evidence_sort(im.ev);
		*out = im.ev;
		im.ev = NULL;
	}
out:
	scsec_evidence_free(im.ev);
	scsec_criteria_free(builtin);
	return rc;
}

int scsec_evidence_import_csv(scsec_evidence **out, const char *path, const scsec_criteria *criteria,
                              const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	return scsec__read(out, read_sheet, criteria, path, NULL, 0, NULL, opts, diags);
}

int scsec_evidence_import_csv_memory(scsec_evidence **out, const void *data, size_t size,
                                     const char *name, const scsec_criteria *criteria,
                                     const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, read_sheet, criteria, NULL, data, size, name, opts, diags);
}
