/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* An Excel workbook read as a sheet (see xlsx.h): libzip opens the
 * container read-only from memory, libxml2's xmlTextReader streams each
 * part, and the chosen sheet's cells are gathered (sparse), merged ranges
 * filled in, then handed over row by row as the CSV reader does. */
#include "config.h"

#include <libxml/xmlreader.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "io/options.h"
#include "io/xlsx.h"
#include "util/util.h"

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"
/* Cells a merged range may add, all ranges together. */
#define MAX_MERGED_CELLS (1u << 18)

typedef struct cell {
	unsigned long row;          /* 1-based */
	unsigned long col;          /* 0-based */
	size_t off, len;            /* the value in x->text */
	int merged;                 /* copied from the top-left cell of a range */
} cell;

typedef struct range {
	unsigned long r1, c1, r2, c2;
} range;

/* A worksheet of the workbook, in workbook order. */
typedef struct wsheet {
	char name[SCSEC__SHEET_NAME_MAX + 1];
	char rid[128];
} wsheet;

/* Worksheets tried in turn when no sheet is chosen. */
#define MAX_SHEETS 64

typedef struct xl {
	zip_t *z;
	const struct scsec_load_options *o;
	scsec__reporter *rep;
	int stop;
	uint64_t total;             /* inflated bytes so far, all parts */
	unsigned long max_rows;
	char sheet[SCSEC__SHEET_NAME_MAX + 1]; /* the sheet's name, for messages */
	wsheet *sheets;             /* the candidates: the chosen sheet, or the first ones */
	size_t nsheets, csheets;
	int more;                   /* worksheets after the one read */

	scsec__buf sst;             /* shared strings, each NUL-terminated */
	size_t *sst_off;
	size_t nsst, csst;
	unsigned char *xf_date;     /* per cell style: a date format */
	size_t nxf, cxf;
	long *date_fmts;            /* custom number formats that are dates */
	size_t nfmt, cfmt;
	int date1904;

	scsec__buf text;            /* cell values */
	cell *cells;
	size_t ncells, ccells;
	range *merges;
	size_t nmerges, cmerges;
} xl;

int scsec__xlsx_is_zip(const void *data, size_t len)
{
	return len >= 4 && !memcmp(data, "PK\x03\x04", 4);
}

int scsec__xlsx_is_ole2(const void *data, size_t len)
{
	return len >= 8 && !memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
}

static int fail(xl *x, int code)
{
	if (!x->stop)
		x->stop = code;
	return code;
}

static int oom(xl *x)
{
	return fail(x, SCSEC_ENOMEM);
}

/* A1 reference of a cell. */
static void a1(char *out, size_t n, unsigned long row, unsigned long col)
{
	char letters[16];
	size_t k = sizeof letters - 1;

	letters[k] = '\0';
	col++;
	while (col && k) {
		letters[--k] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	snprintf(out, n, "%s%lu", letters + k, row);
}

/* ----------------------------------------------------------------- zip */

/* Inflate one part into b, with the caps checked as the bytes come.
 * Returns 0, 1 when the part is absent and not required, or the code. */
static int read_part(xl *x, const char *name, int required, scsec__buf *b)
{
	zip_int64_t i = zip_name_locate(x->z, name, 0);
	zip_stat_t st;
	zip_file_t *f;
	uint64_t comp;

	scsec__buf_reset(b);
	if (i < 0) {
		if (!required)
			return 1;
		return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                             "the workbook has no %s: not an Excel .xlsx workbook",
		                             name));
	}
	zip_stat_init(&st);
	if (zip_stat_index(x->z, (zip_uint64_t)i, 0, &st))
		return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                             "the workbook's %s cannot be read: %s", name,
		                             zip_strerror(x->z)));
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE, NULL,
		                             "the workbook's %s is encrypted: save it without a "
		                             "password", name));
	comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
	if (!(f = zip_fopen_index(x->z, (zip_uint64_t)i, 0)))
		return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                             "the workbook's %s cannot be opened: %s", name,
		                             zip_strerror(x->z)));
	for (;;) {
		zip_int64_t got;

		if (scsec__buf_reserve(b, 65536)) {
			zip_fclose(f);
			return oom(x);
		}
		got = zip_fread(f, b->data + b->len, 65536);
		if (got < 0) {
			int rc = scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
			                       "the workbook's %s is corrupt: %s", name,
			                       zip_file_strerror(f));
			zip_fclose(f);
			return fail(x, rc);
		}
		if (got == 0)
			break;
		b->len += (size_t)got;
		x->total += (uint64_t)got;
		if (x->total > x->o->max_document_size) {
			zip_fclose(f);
			return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT,
			                             NULL, "the workbook inflates to more than %llu bytes "
			                             "(SCSEC_LOAD_MAX_DOCUMENT_SIZE), at %s",
			                             (unsigned long long)x->o->max_document_size, name));
		}
		if (b->len > SCSEC__XLSX_RATIO_FLOOR &&
		    (uint64_t)b->len / (comp + 1) > SCSEC__XLSX_MAX_RATIO) {
			zip_fclose(f);
			return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE,
			                             NULL, "the workbook's %s inflates more than %u times "
			                             "its compressed size: a zip bomb, refused", name,
			                             SCSEC__XLSX_MAX_RATIO));
		}
	}
	zip_fclose(f);
	return 0;
}

/* ----------------------------------------------------------------- XML */

typedef struct xreader {
	xl *x;
	const char *part;
	xmlTextReaderPtr r;
	char message[256];
} xreader;

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	xreader *xr = arg;

	if (e && !xr->message[0])
		snprintf(xr->message, sizeof xr->message, "line %d: %s", e->line,
		         e->message ? e->message : "malformed XML");
}

/* Open a part for streaming. A DOCTYPE or an entity declaration anywhere
 * in it is refused before libxml2 sees it. */
static int xml_open(xl *x, xreader *xr, const char *part, const scsec__buf *b)
{
	static const char *const banned[] = { "<!DOCTYPE", "<!ENTITY" };
	size_t k;

	memset(xr, 0, sizeof *xr);
	xr->x = x;
	xr->part = part;
	for (k = 0; k < sizeof banned / sizeof *banned; k++)
		if (b->len && memmem(b->data, b->len, banned[k], strlen(banned[k])))
			return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE,
			                             NULL, "the workbook's %s has a DTD (%s): refused",
			                             part, banned[k]));
	if (b->len > INT32_MAX)
		return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		                             "the workbook's %s is too large", part));
	xr->r = xmlReaderForMemory(b->len ? b->data : "", (int)b->len, part, NULL,
	                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                           XML_PARSE_NOCDATA);
	if (!xr->r)
		return oom(x);
	xmlTextReaderSetStructuredErrorHandler(xr->r, on_xml_error, xr);
	return 0;
}

/* The next node: 1, 0 at the end, or the reported code. */
static int xml_next(xreader *xr)
{
	int rc = xmlTextReaderRead(xr->r), t;

	if (rc < 0)
		return fail(xr->x, scsec__report(xr->x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE,
		                                 NULL, "the workbook's %s is not well-formed XML: %s",
		                                 xr->part, xr->message[0] ? xr->message : "error"));
	if (rc == 0)
		return 0;
	t = xmlTextReaderNodeType(xr->r);
	if (t == XML_READER_TYPE_DOCUMENT_TYPE || t == XML_READER_TYPE_ENTITY_REFERENCE ||
	    t == XML_READER_TYPE_ENTITY)
		return fail(xr->x, scsec__report(xr->x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE,
		                                 NULL, "the workbook's %s has a DTD or an entity: "
		                                 "refused", xr->part));
	return 1;
}

static void xml_close(xreader *xr)
{
	if (xr->r)
		xmlFreeTextReader(xr->r);
	xr->r = NULL;
}

static int is_start(xreader *xr, const char *name)
{
	const xmlChar *n;

	if (xmlTextReaderNodeType(xr->r) != XML_READER_TYPE_ELEMENT)
		return 0;
	n = xmlTextReaderConstLocalName(xr->r);
	return n && !strcmp((const char *)n, name);
}

static int is_end(xreader *xr, const char *name)
{
	const xmlChar *n;

	if (xmlTextReaderNodeType(xr->r) == XML_READER_TYPE_END_ELEMENT)
		;
	else if (xmlTextReaderNodeType(xr->r) != XML_READER_TYPE_ELEMENT ||
	         !xmlTextReaderIsEmptyElement(xr->r))
		return 0;
	n = xmlTextReaderConstLocalName(xr->r);
	return n && !strcmp((const char *)n, name);
}

static int is_text(xreader *xr)
{
	int t = xmlTextReaderNodeType(xr->r);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

/* An attribute, copied into buf (truncated), or NULL when absent. */
static const char *attr(xreader *xr, const char *name, const char *ns, char *buf, size_t n)
{
	xmlChar *v = ns ? xmlTextReaderGetAttributeNs(xr->r, (const xmlChar *)name,
	                                              (const xmlChar *)ns)
	                : xmlTextReaderGetAttribute(xr->r, (const xmlChar *)name);

	size_t len, k;

	if (!v)
		return NULL;
	snprintf(buf, n, "%s", (const char *)v);
	xmlFree(v);
	/* A value cut short ends with a whole character. */
	len = strlen(buf);
	for (k = 0; k < len;) {
		size_t c = scsec__utf8_len(buf + k, len - k);

		if (!c) {
			buf[k] = '\0';
			break;
		}
		k += c;
	}
	return buf;
}

/* ----------------------------------------------------------------- parts */

static int read_content_types(xl *x, scsec__buf *b)
{
	xreader xr;
	int rc, root = 0;

	if ((rc = read_part(x, "[Content_Types].xml", 1, b)) || xml_open(x, &xr, "[Content_Types].xml", b))
		return x->stop;
	while ((rc = xml_next(&xr)) == 1)
		if (!root && xmlTextReaderNodeType(xr.r) == XML_READER_TYPE_ELEMENT) {
			root = 1;
			if (!is_start(&xr, "Types")) {
				rc = fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE,
				                           NULL, "the workbook's [Content_Types].xml is not "
				                           "a content-types part"));
				break;
			}
		}
	xml_close(&xr);
	return rc < 0 || x->stop ? x->stop : 0;
}

/* Non-zero when the tab name is the one asked for: the same bytes, or the
 * same but for the case of ASCII letters (Excel's names ignore case). */
static int sheet_is(const char *name, const char *want)
{
	for (; *name && *want; name++, want++)
		if (*name != *want && !((unsigned char)*name < 0x80 && (unsigned char)*want < 0x80 &&
		                         (*name | 0x20) == (*want | 0x20) &&
		                         (*name | 0x20) >= 'a' && (*name | 0x20) <= 'z'))
			return 0;
	return !*name && !*want;
}

/* The candidate worksheets (the one the options name, or the first
 * MAX_SHEETS in workbook order) with their relationship ids, and the date
 * system. */
static int read_workbook(xl *x, scsec__buf *b)
{
	const char *want = x->o->sheet;
	scsec__buf names = { 0 };
	size_t nseen = 0;
	xreader xr;
	int rc;
	char v[64], name[SCSEC__SHEET_NAME_MAX + 1], rid[128];

	if (read_part(x, "xl/workbook.xml", 1, b) || xml_open(x, &xr, "xl/workbook.xml", b))
		return x->stop;
	while ((rc = xml_next(&xr)) == 1) {
		wsheet *w;

		if (is_start(&xr, "workbookPr") && attr(&xr, "date1904", NULL, v, sizeof v))
			x->date1904 = !strcmp(v, "1") || !strcmp(v, "true");
		if (!is_start(&xr, "sheet") || x->nsheets >= (*want ? 1 : MAX_SHEETS))
			continue;
		if (!attr(&xr, "name", NULL, name, sizeof name))
			snprintf(name, sizeof name, "Sheet%zu", nseen + 1);
		nseen++;
		if (*want && !sheet_is(name, want)) {
			/* For the message: the names, the first 20 of them. */
			if (nseen <= 20)
				scsec__buf_printf(&names, "%s\"%s\"", nseen > 1 ? ", " : "", name);
			else if (nseen == 21)
				scsec__buf_puts(&names, ", ...");
			continue;
		}
		if (!attr(&xr, "id", NS_REL, rid, sizeof rid) &&
		    !attr(&xr, "id", NS_REL_STRICT, rid, sizeof rid))
			continue;
		if (scsec__grow(&x->sheets, &x->csheets, x->nsheets + 1, sizeof *x->sheets)) {
			oom(x);
			break;
		}
		w = &x->sheets[x->nsheets++];
		snprintf(w->name, sizeof w->name, "%s", name);
		snprintf(w->rid, sizeof w->rid, "%s", rid);
	}
	xml_close(&xr);
	if (!x->stop && scsec__buf_error(&names))
		oom(x);
	else if (!x->stop && !x->nsheets && *want)
		fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, NULL,
		                      nseen ? "the workbook has no sheet \"%s\" (its sheets: %s)"
		                            : "the workbook has no sheet \"%s\" (it has no worksheet)",
		                      want, names.data ? names.data : ""));
	else if (!x->stop && !x->nsheets)
		fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                      "the workbook has no worksheet"));
	scsec__buf_dispose(&names);
	return x->stop;
}

/* The part of relationship rid: only a worksheet inside xl/worksheets/. */
static int read_rels(xl *x, scsec__buf *b, const char *rid, char *part, size_t npart)
{
	xreader xr;
	int rc;
	char id[128], target[512], mode[32];

	part[0] = '\0';
	if (read_part(x, "xl/_rels/workbook.xml.rels", 1, b) ||
	    xml_open(x, &xr, "xl/_rels/workbook.xml.rels", b))
		return x->stop;
	while ((rc = xml_next(&xr)) == 1) {
		const char *t;

		if (!is_start(&xr, "Relationship") || !attr(&xr, "Id", NULL, id, sizeof id) ||
		    strcmp(id, rid) || !attr(&xr, "Target", NULL, target, sizeof target))
			continue;
		if (attr(&xr, "TargetMode", NULL, mode, sizeof mode) && !strcmp(mode, "External")) {
			fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE, NULL,
			                      "sheet \"%s\" is an external link: refused", x->sheet));
			break;
		}
		t = target[0] == '/' ? target + 1 : target;
		snprintf(part, npart, "%s%s", target[0] == '/' ? "" : "xl/", t);
		if (strncmp(part, "xl/worksheets/", 14) || strstr(part, "..") ||
		    strchr(part + 14, '/')) {
			fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE, NULL,
			                      "sheet \"%s\" points outside xl/worksheets/ (%s): refused",
			                      x->sheet, target));
			part[0] = '\0';
		}
		break;
	}
	xml_close(&xr);
	if (!x->stop && !part[0])
		fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                      "sheet \"%s\" has no part in the workbook's relationships",
		                      x->sheet));
	return x->stop;
}

/* Shared strings: the text of every <t> of an <si>, rich-text runs joined,
 * phonetic guides (<rPh>, the furigana of Japanese text) left out. */
static int read_shared_strings(xl *x, scsec__buf *b)
{
	xreader xr;
	int rc, in_si = 0, in_t = 0, in_rph = 0;
	size_t start = 0;

	if ((rc = read_part(x, "xl/sharedStrings.xml", 0, b)))
		return rc == 1 ? 0 : x->stop;
	if (xml_open(x, &xr, "xl/sharedStrings.xml", b))
		return x->stop;
	while ((rc = xml_next(&xr)) == 1) {
		if (is_start(&xr, "si")) {
			in_si = 1;
			start = x->sst.len;
		}
		if (in_si && is_start(&xr, "rPh") && !xmlTextReaderIsEmptyElement(xr.r))
			in_rph = 1;
		else if (in_si && is_end(&xr, "rPh"))
			in_rph = 0;
		if (in_si && is_start(&xr, "t") && !xmlTextReaderIsEmptyElement(xr.r))
			in_t = 1;
		else if (is_end(&xr, "t"))
			in_t = 0;
		if (in_si && in_t && !in_rph && is_text(&xr))
			scsec__buf_puts(&x->sst, (const char *)xmlTextReaderConstValue(xr.r));
		if (in_si && is_end(&xr, "si")) {
			in_si = in_t = in_rph = 0;
			scsec__buf_putc(&x->sst, '\0');
			if (scsec__grow(&x->sst_off, &x->csst, x->nsst + 1, sizeof *x->sst_off)) {
				oom(x);
				break;
			}
			x->sst_off[x->nsst++] = start;
		}
		if (scsec__buf_error(&x->sst)) {
			oom(x);
			break;
		}
	}
	xml_close(&xr);
	return x->stop;
}

/* Built-in number formats that show a date (ECMA-376 18.8.30, with the
 * East Asian ones 27-36 and 50-58). */
static int builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

/* A custom format code shows a date when, outside quoted text, brackets
 * and escapes, it has a year, day or era part. */
static int code_is_date(const char *s)
{
	for (; *s; s++) {
		if (*s == '"') {
			while (s[1] && s[1] != '"')
				s++;
			if (s[1])
				s++;
		} else if (*s == '[') {
			while (s[1] && s[1] != ']')
				s++;
			if (s[1])
				s++;
		} else if (*s == '\\' || *s == '_' || *s == '*') {
			if (s[1])
				s++;
		} else if (strchr("yYdDeEgG", *s)) {
			return 1;
		}
	}
	return 0;
}

static int fmt_is_date(xl *x, long id)
{
	size_t i;

	if (builtin_date(id))
		return 1;
	for (i = 0; i < x->nfmt; i++)
		if (x->date_fmts[i] == id)
			return 1;
	return 0;
}

static int read_styles(xl *x, scsec__buf *b)
{
	xreader xr;
	int rc, in_xfs = 0;
	char v[512];

	if ((rc = read_part(x, "xl/styles.xml", 0, b)))
		return rc == 1 ? 0 : x->stop;
	if (xml_open(x, &xr, "xl/styles.xml", b))
		return x->stop;
	while ((rc = xml_next(&xr)) == 1) {
		if (is_start(&xr, "numFmt") && attr(&xr, "formatCode", NULL, v, sizeof v) &&
		    code_is_date(v) && attr(&xr, "numFmtId", NULL, v, sizeof v)) {
			if (scsec__grow(&x->date_fmts, &x->cfmt, x->nfmt + 1, sizeof *x->date_fmts)) {
				oom(x);
				break;
			}
			x->date_fmts[x->nfmt++] = strtol(v, NULL, 10);
		}
		if (is_start(&xr, "cellXfs") && !xmlTextReaderIsEmptyElement(xr.r))
			in_xfs = 1;
		else if (is_end(&xr, "cellXfs"))
			in_xfs = 0;
		if (in_xfs && is_start(&xr, "xf")) {
			long id = attr(&xr, "numFmtId", NULL, v, sizeof v) ? strtol(v, NULL, 10) : 0;

			if (scsec__grow(&x->xf_date, &x->cxf, x->nxf + 1, 1)) {
				oom(x);
				break;
			}
			x->xf_date[x->nxf++] = (unsigned char)fmt_is_date(x, id);
		}
	}
	xml_close(&xr);
	return x->stop;
}

/* ----------------------------------------------------------------- cells */

/* "B12" into row 12, column 1; 0 when it is not a cell reference. */
static int parse_ref(const char *s, unsigned long *row, unsigned long *col)
{
	unsigned long c = 0, r = 0;
	int letters = 0, digits = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++, letters++)
		if ((c = c * 26 + (unsigned long)(*s - 'A' + 1)) > 16384)
			return 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if ((r = r * 10 + (unsigned long)(*s - '0')) > 1048576)
			return 0;
	if (!letters || !digits || *s || !r)
		return 0;
	*row = r;
	*col = c - 1;
	return 1;
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void civil(long z, long *y, unsigned *m, unsigned *d)
{
	long era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = (z - era * 146097) - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* A date cell's serial as YYYY-MM-DD: the 1900 system counts from
 * 1900-01-01 as 1 and has Lotus's 1900-02-29 (serial 60), which is no day;
 * the 1904 system counts from 1904-01-01 as 0. The time of day is dropped.
 * 0 when the serial is no date. */
static int serial_date(int date1904, const char *v, char *out, size_t n)
{
	char *end;
	double s = strtod(v, &end);
	long days, y;
	unsigned m, d;

	if (end == v || *end || !(s >= 0 && s < 2958466))
		return 0;
	days = (long)s;
	if (date1904) {
		days += -24107; /* 1904-01-01 */
	} else {
		if (days < 1 || days == 60)
			return 0;
		days += days < 60 ? -25568 : -25569; /* 1899-12-31, 1899-12-30 */
	}
	civil(days, &y, &m, &d);
	snprintf(out, n, "%04ld-%02u-%02u", y, m, d);
	return 1;
}

static int add_cell(xl *x, unsigned long row, unsigned long col, size_t off, size_t len, int merged)
{
	cell *c;

	if (scsec__grow(&x->cells, &x->ccells, x->ncells + 1, sizeof *x->cells))
		return oom(x);
	c = &x->cells[x->ncells++];
	c->row = row;
	c->col = col;
	c->off = off;
	c->len = len;
	c->merged = merged;
	return 0;
}

typedef struct pending {
	unsigned long row, col;
	char type[16];
	long style;
	scsec__buf v;               /* <v> */
	scsec__buf is;              /* inline string text */
} pending;

static int commit_cell(xl *x, pending *p)
{
	char ref[32], date[32];
	const char *val = NULL;
	size_t off = x->text.len;

	scsec__buf_putc(&p->v, '\0');
	scsec__buf_putc(&p->is, '\0');
	if (scsec__buf_error(&p->v) || scsec__buf_error(&p->is))
		return oom(x);
	a1(ref, sizeof ref, p->row, p->col);
	if (!strcmp(p->type, "s")) {
		char *end;
		unsigned long i = strtoul(p->v.data, &end, 10);

		if (end == p->v.data || *end || i >= x->nsst)
			return fail(x, scsec__report(x->rep, p->row, p->col + 1, SCSEC_SEVERITY_ERROR,
			                             SCSEC_EPARSE, NULL, "sheet \"%s\", cell %s: shared "
			                             "string \"%.20s\" does not exist", x->sheet, ref,
			                             p->v.data));
		val = x->sst.data + x->sst_off[i];
	} else if (!strcmp(p->type, "inlineStr")) {
		val = p->is.data;
	} else if (!strcmp(p->type, "b")) {
		val = !p->v.data[0] ? "" : strcmp(p->v.data, "0") ? "TRUE" : "FALSE";
	} else if (!strcmp(p->type, "d")) {
		val = p->v.data; /* ISO 8601 already */
		if (strlen(val) > 10 && val[10] == 'T')
			p->v.data[10] = '\0';
	} else if (!p->type[0] || !strcmp(p->type, "n")) {
		val = p->v.data;
		if (val[0] && p->style >= 0 && (size_t)p->style < x->nxf && x->xf_date[p->style]) {
			if (!serial_date(x->date1904, val, date, sizeof date))
				return fail(x, scsec__report(x->rep, p->row, p->col + 1,
				                             SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
				                             "sheet \"%s\", cell %s: date serial %.20s is "
				                             "no calendar day", x->sheet, ref, val));
			val = date;
		}
	} else {
		val = p->v.data; /* str (a formula's text), e (an error such as #N/A) */
	}
	if (!val[0] || p->col >= SCSEC__SHEET_MAX_COLUMNS)
		return 0;
	if (p->row > x->max_rows)
		return fail(x, scsec__report(x->rep, p->row, p->col + 1, SCSEC_SEVERITY_ERROR,
		                             SCSEC_ELIMIT, NULL, "sheet \"%s\", cell %s: the sheet has "
		                             "more than %lu rows (SCSEC_LOAD_MAX_ITEMS)", x->sheet,
		                             ref, x->max_rows));
	scsec__buf_put(&x->text, val, strlen(val));
	scsec__buf_putc(&x->text, '\0');
	if (scsec__buf_error(&x->text))
		return oom(x);
	return add_cell(x, p->row, p->col, off, strlen(val), 0);
}

static int add_merge(xl *x, const char *ref)
{
	char a[80], *colon;
	range g;

	snprintf(a, sizeof a, "%s", ref);
	colon = strchr(a, ':');
	if (colon)
		*colon = '\0';
	if (!colon || !parse_ref(a, &g.r1, &g.c1) || !parse_ref(colon + 1, &g.r2, &g.c2) ||
	    g.r2 < g.r1 || g.c2 < g.c1)
		return fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                             "sheet \"%s\": merged range \"%.30s\" is not a range "
		                             "of cells", x->sheet, ref));
	if (g.r2 > x->max_rows)
		g.r2 = x->max_rows;
	if (g.c2 >= SCSEC__SHEET_MAX_COLUMNS)
		g.c2 = SCSEC__SHEET_MAX_COLUMNS - 1;
	if (g.c1 > g.c2 || g.r1 > g.r2)
		return 0;
	if (scsec__grow(&x->merges, &x->cmerges, x->nmerges + 1, sizeof *x->merges))
		return oom(x);
	x->merges[x->nmerges++] = g;
	return 0;
}

static int read_sheet(xl *x, scsec__buf *b, const char *part)
{
	xreader xr;
	pending p;
	int rc, in_c = 0, in_v = 0, in_t = 0, in_rph = 0;
	unsigned long row = 0, col = 0;
	char v[64];

	memset(&p, 0, sizeof p);
	if (read_part(x, part, 1, b) || xml_open(x, &xr, part, b))
		return x->stop;
	while (!x->stop && (rc = xml_next(&xr)) == 1) {
		if (is_start(&xr, "row")) {
			row = attr(&xr, "r", NULL, v, sizeof v) ? strtoul(v, NULL, 10) : row + 1;
			col = 0;
			if (!row || row > 1048576) {
				fail(x, scsec__report(x->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
				                      "sheet \"%s\": row number %.20s is not one", x->sheet,
				                      v));
				break;
			}
		} else if (is_start(&xr, "c")) {
			in_c = 1;
			scsec__buf_reset(&p.v);
			scsec__buf_reset(&p.is);
			p.row = row ? row : 1;
			p.col = col;
			if (attr(&xr, "r", NULL, v, sizeof v) && !parse_ref(v, &p.row, &p.col)) {
				fail(x, scsec__report(x->rep, row, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE,
				                      NULL, "sheet \"%s\": cell reference \"%.20s\" is not "
				                      "one", x->sheet, v));
				break;
			}
			col = p.col + 1;
			if (!attr(&xr, "t", NULL, p.type, sizeof p.type))
				p.type[0] = '\0';
			p.style = attr(&xr, "s", NULL, v, sizeof v) ? strtol(v, NULL, 10) : -1;
		} else if (in_c && is_start(&xr, "v") && !xmlTextReaderIsEmptyElement(xr.r)) {
			in_v = 1;
		} else if (in_c && is_start(&xr, "t") && !xmlTextReaderIsEmptyElement(xr.r)) {
			in_t = 1;
		} else if (in_c && is_start(&xr, "rPh") && !xmlTextReaderIsEmptyElement(xr.r)) {
			in_rph = 1;
		} else if (in_c && is_text(&xr)) {
			const char *s = (const char *)xmlTextReaderConstValue(xr.r);

			if (in_v)
				scsec__buf_puts(&p.v, s);
			else if (in_t && !in_rph)
				scsec__buf_puts(&p.is, s);
		} else if (is_start(&xr, "mergeCell") && attr(&xr, "ref", NULL, v, sizeof v)) {
			add_merge(x, v);
		}
		if (is_end(&xr, "v"))
			in_v = 0;
		if (is_end(&xr, "t"))
			in_t = 0;
		if (is_end(&xr, "rPh"))
			in_rph = 0;
		if (in_c && is_end(&xr, "c")) {
			in_c = in_v = in_t = in_rph = 0;
			commit_cell(x, &p);
		}
	}
	xml_close(&xr);
	scsec__buf_dispose(&p.v);
	scsec__buf_dispose(&p.is);
	return x->stop;
}

static int cell_cmp(const void *a, const void *b)
{
	const cell *p = a, *q = b;

	if (p->row != q->row)
		return p->row < q->row ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	/* A merged range's value wins over a stray value under it. */
	return q->merged - p->merged;
}

/* Every cell of a merged range gets the value of its top-left cell. */
static int fill_merges(xl *x)
{
	size_t i, added = 0, base;
	unsigned long r, c;

	/* An empty sheet has no cell array at all: qsort and bsearch need one. */
	if (!x->ncells)
		return 0;
	qsort(x->cells, x->ncells, sizeof *x->cells, cell_cmp);
	base = x->ncells;
	for (i = 0; i < x->nmerges; i++) {
		const range *g = &x->merges[i];
		cell key, *tl;
		size_t off, len;

		key.row = g->r1;
		key.col = g->c1;
		key.merged = 0;
		tl = bsearch(&key, x->cells, base, sizeof *x->cells, cell_cmp);
		if (!tl)
			continue;
		off = tl->off; /* add_cell moves the cells */
		len = tl->len;
		if ((g->r2 - g->r1 + 1) * (g->c2 - g->c1 + 1) > MAX_MERGED_CELLS - added)
			return fail(x, scsec__report(x->rep, g->r1, g->c1 + 1, SCSEC_SEVERITY_ERROR,
			                             SCSEC_ELIMIT, NULL, "sheet \"%s\": the merged ranges "
			                             "cover more than %u cells", x->sheet,
			                             MAX_MERGED_CELLS));
		added += (g->r2 - g->r1 + 1) * (g->c2 - g->c1 + 1);
		for (r = g->r1; r <= g->r2; r++)
			for (c = g->c1; c <= g->c2; c++)
				if ((r != g->r1 || c != g->c1) &&
				    add_cell(x, r, c, off, len, 1))
					return x->stop;
	}
	qsort(x->cells, x->ncells, sizeof *x->cells, cell_cmp);
	return 0;
}

static int emit(xl *x, scsec__sheet_row_fn fn, void *ctx)
{
	scsec__buf row = { 0 };
	scsec__sheet_span *spans = NULL;
	size_t cap = 0, i = 0;
	unsigned long r, last = x->ncells ? x->cells[x->ncells - 1].row : 0;
	char format[SCSEC__SHEET_NAME_MAX + 32];
	int rc = 0, seen = 0;

	snprintf(format, sizeof format, "Excel workbook, sheet \"%s\"", x->sheet);
	for (r = 1; r <= last && !rc; r++) {
		scsec__sheet_row out;
		size_t n = 0;

		scsec__buf_reset(&row);
		for (; i < x->ncells && x->cells[i].row == r; i++) {
			const cell *c = &x->cells[i];

			if (n > c->col) /* a duplicate under a merge */
				continue;
			if (scsec__grow(&spans, &cap, c->col + 1, sizeof *spans)) {
				rc = oom(x);
				break;
			}
			while (n < c->col)
				scsec__sheet_put_cell(&row, &spans[n++], "", 0);
			scsec__sheet_put_cell(&row, &spans[n++], x->text.data + c->off, c->len);
		}
		if (rc || scsec__buf_error(&row)) {
			rc = oom(x);
			break;
		}
		out.text = row.data ? row.data : "";
		out.cells = spans;
		out.ncells = n;
		out.number = r;
		out.format = format;
		out.more_sheets = x->more;
		out.sheet = x->sheet;
		seen |= !scsec__sheet_row_empty(&out);
		if ((rc = fn(ctx, &out)))
			fail(x, rc);
	}
	/* An empty worksheet before others (a blank "Sheet1"): not the one. */
	if (!rc && !seen && x->more)
		fail(x, SCSEC__SHEET_NEXT);
	scsec__buf_dispose(&row);
	scsec__free(spans);
	return x->stop;
}

int scsec__xlsx_read(const void *data, size_t len, const scsec_load_options *opts,
                     scsec__reporter *rep, scsec__sheet_row_fn fn, void *ctx)
{
	xl x;
	zip_source_t *zs;
	zip_error_t ze;
	scsec__buf b = { 0 };
	char part[600];
	size_t i;

	memset(&x, 0, sizeof x);
	x.o = scsec__load_options(opts);
	x.rep = rep;
	x.max_rows = (unsigned long)(x.o->max_items > 1048576 ? 1048576 : x.o->max_items);
	snprintf(x.sheet, sizeof x.sheet, "%s", "?");
	zip_error_init(&ze);
	if (!(zs = zip_source_buffer_create(data, len, 0, &ze))) {
		zip_error_fini(&ze);
		return scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
		                     "out of memory (libzip)");
	}
	if (!(x.z = zip_open_from_source(zs, ZIP_RDONLY, &ze))) {
		int rc = scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                       "the file is a zip archive but not a readable Excel workbook: "
		                       "%s", zip_error_strerror(&ze));

		zip_source_free(zs);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(x.z, 0) > SCSEC__XLSX_MAX_ENTRIES)
		fail(&x, scsec__report(rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		                       "the workbook has more than %d entries: refused",
		                       SCSEC__XLSX_MAX_ENTRIES));
	if (!x.stop)
		read_content_types(&x, &b);
	if (!x.stop)
		read_workbook(&x, &b);
	if (!x.stop)
		read_shared_strings(&x, &b);
	if (!x.stop)
		read_styles(&x, &b);
	/* The candidates in turn, until the reader takes one (a chosen sheet
	 * is the only candidate). */
	for (i = 0; !x.stop && i < x.nsheets; i++) {
		snprintf(x.sheet, sizeof x.sheet, "%s", x.sheets[i].name);
		x.more = i + 1 < x.nsheets;
		x.ncells = x.nmerges = 0;
		scsec__buf_reset(&x.text);
		if (!x.stop)
			read_rels(&x, &b, x.sheets[i].rid, part, sizeof part);
		if (!x.stop)
			read_sheet(&x, &b, part);
		if (!x.stop)
			fill_merges(&x);
		if (!x.stop)
			emit(&x, fn, ctx);
		if (x.stop != SCSEC__SHEET_NEXT || !x.more)
			break; /* read (or failed) */
		x.stop = 0;
	}
	if (x.stop == SCSEC__SHEET_NEXT)
		x.stop = 0;
	scsec__buf_dispose(&b);
	zip_discard(x.z);
	scsec__free(x.sheets);
	scsec__buf_dispose(&x.sst);
	scsec__free(x.sst_off);
	scsec__free(x.xf_date);
	scsec__free(x.date_fmts);
	scsec__buf_dispose(&x.text);
	scsec__free(x.cells);
	scsec__free(x.merges);
	return x.stop;
}
