/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Validating any of libscsec's documents, kind found from the root. */
#include "config.h"

#include <iconv.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "scsec/document.h"
#include "scsec/evidence.h"
#include "scsec/mapping.h"
#include "scsec/trust.h"
#include "model/evidence.h"
#include "util/error.h"
#include "io/options.h"
#include "io/source.h"
#include "io/xml.h"

const char *scsec_document_kind_name(scsec_document_kind kind)
{
	switch (kind) {
	case SCSEC_DOCUMENT_CRITERIA: return "criteria";
	case SCSEC_DOCUMENT_EVIDENCE: return "evidence";
	case SCSEC_DOCUMENT_RESULT:   return "result";
	case SCSEC_DOCUMENT_MAPPING:  return "mapping";
	case SCSEC_DOCUMENT_TRUST:    return "trust";
	case SCSEC_DOCUMENT_UNKNOWN:  break;
	}
	return "unknown";
}

/* A record naming a set that is not built in: evaluation against a
 * built-in set would refuse it, so a near miss (the id in another case) is
 * an error, as evaluation makes it; another set is a warning that the
 * record's entries were not checked. */
static int unknown_set(const scsec_evidence *ev, scsec_diagnostics *diags)
{
	const char *id = scsec_evidence_criteria_id(ev), *file = ev->source;
	scsec__loc loc = ev->criteria_loc;
	size_t i;

	for (i = 0; i < scsec_criteria_builtin_count(); i++) {
		const char *b = scsec_criteria_builtin_id(i);

		if (strcasecmp(id, b))
			continue;
		scsec__error_set_at(SCSEC_EMISMATCH, file, loc.line, loc.column,
		                    "the record names criteria set '%s', which is not '%s': set ids "
		                    "are compared exactly, and evaluation refuses the record",
		                    id, b);
		if (scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, id, file, loc.line,
		                    loc.column, "%s", scsec_error_message(scsec_error_last())))
			return scsec__error_set(SCSEC_ENOMEM, "out of memory");
		return SCSEC_EMISMATCH;
	}
	if (scsec__diag_add(diags, SCSEC_SEVERITY_WARNING, SCSEC_EMISMATCH, id, file, loc.line,
	                    loc.column,
	                    "the record names criteria set '%s', which is not built in: its entries "
	                    "were not checked against it (check it with that set)",
	                    id))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	return 0;
}

static int validate(scsec_document_kind *kind_out, const char *path, const void *data, size_t size,
                    const char *name, const scsec_load_options *opts, scsec_diagnostics *diags)
{
	struct scsec_load_options forced = *scsec__load_options(opts);
	scsec__schema_kind kind;
	scsec__source src;
	int rc, first;

	if (kind_out)
		*kind_out = SCSEC_DOCUMENT_UNKNOWN;
	/* Sniff the root element (a separate, short read). */
	if ((rc = scsec__source_open_any(&src, path, data, size, name, opts, diags)))
		return rc;
	/* JSON is the evidence record's JSON form; its reader says what any
	 * other JSON is. */
	if (!(rc = scsec__source_peek(&src, &first)) && first == '{')
		kind = SCSEC__SCHEMA_EVIDENCE;
	else if (!rc)
		rc = scsec__xml_sniff(&kind, &src, opts);
	if (rc) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src.name,
		                scsec_error_line(scsec_error_last()), scsec_error_column(scsec_error_last()),
		                "%s", scsec_error_message(scsec_error_last()));
		scsec__source_close(&src);
		return rc;
	}
	/* src.name stays valid after closing: it is path, name or a literal. */
	scsec__source_close(&src);
	if (kind == SCSEC__SCHEMA_NONE) {
		rc = scsec__error_set_at(SCSEC_EVERSION, src.name, 0, 0,
		                         "not a libscsec document: the root element is not criteria-set, "
		                         "evidence, result, mapping-set or trust-list in a urn:scsec:...:1 namespace");
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src.name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		return rc;
	}
	if (kind_out)
		*kind_out = (scsec_document_kind)kind;
	if (kind == SCSEC__SCHEMA_CRITERIA) {
		scsec_criteria *c;

		rc = path ? scsec_criteria_load_file(&c, path, opts, diags)
		          : scsec_criteria_load_memory(&c, data, size, name, opts, diags);
		scsec_criteria_free(c);
		return rc;
	}
	if (kind == SCSEC__SCHEMA_EVIDENCE) {
		scsec_evidence *ev;
		scsec_criteria *c = NULL;
		size_t i;

		rc = path ? scsec_evidence_load_file(&ev, path, opts, diags)
		          : scsec_evidence_load_memory(&ev, data, size, name, opts, diags);
		if (rc)
			return rc;
		/* Check it against the set it names, when that set is built in. */
		for (i = 0; i < scsec_criteria_builtin_count(); i++)
			if (scsec_evidence_criteria_id(ev) &&
			    !strcmp(scsec_evidence_criteria_id(ev), scsec_criteria_builtin_id(i)))
				break;
		if (i < scsec_criteria_builtin_count() &&
		    !(rc = scsec_criteria_builtin(&c, scsec_criteria_builtin_id(i))))
			rc = scsec_evidence_check(ev, c, diags);
		else if (i == scsec_criteria_builtin_count() && scsec_evidence_criteria_id(ev))
			rc = unknown_set(ev, diags);
		scsec_criteria_free(c);
		scsec_evidence_free(ev);
		return rc;
	}
	if (kind == SCSEC__SCHEMA_MAPPING) {
		scsec_mapping_set *m;

		rc = path ? scsec_mapping_set_load_file(&m, path, opts, diags)
		          : scsec_mapping_set_load_memory(&m, data, size, name, opts, diags);
		scsec_mapping_set_free(m);
		return rc;
	}
	if (kind == SCSEC__SCHEMA_TRUST) {
		scsec_trust *t;

		rc = path ? scsec_trust_load_file(&t, path, NULL, opts, diags)
		          : scsec_trust_load_memory(&t, data, size, name, NULL, 0, opts, diags);
		scsec_trust_free(t);
		return rc;
	}
	/* Results are written by libscsec, not loaded: the schema is the check. */
	forced.schema_validation = SCSEC_SCHEMA_ALWAYS;
	if ((rc = scsec__source_open_any(&src, path, data, size, name, &forced, diags)))
		return rc;
	rc = scsec__xml_validate_only(&src, &forced, SCSEC__SCHEMA_RESULT, diags);
	scsec__source_close(&src);
	return rc;
}

int scsec_document_validate_file(scsec_document_kind *kind, const char *path,
                                 const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(path);
	return validate(kind, path, NULL, 0, NULL, opts, diags);
}

int scsec_document_validate_memory(scsec_document_kind *kind, const void *data, size_t size,
                                   const char *name, const scsec_load_options *opts,
                                   scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(data || !size);
	return validate(kind, NULL, data, size, name, opts, diags);
}

/* ------------------------------------------------------------ detection */

/* Bytes looked at to tell what a file holds. */
#define SNIFF 4096

const char *scsec_file_kind_name(scsec_file_kind kind)
{
	switch (kind) {
	case SCSEC_FILE_CRITERIA: return "criteria";
	case SCSEC_FILE_EVIDENCE: return "evidence";
	case SCSEC_FILE_RESULT:   return "result";
	case SCSEC_FILE_XML:      return "xml";
	case SCSEC_FILE_SHEET:    return "sheet";
	case SCSEC_FILE_ZIP:      return "zip";
	case SCSEC_FILE_JSON:     return "json";
	case SCSEC_FILE_UNKNOWN:  break;
	}
	return "unknown";
}

/* Text in UTF-16 or UTF-32 (a byte-order mark, or the zero bytes of
 * ASCII), as UTF-8 in out; 0 when b is not such text. */
static size_t wide_text(const unsigned char *b, size_t n, char *out, size_t size)
{
	const char *from = NULL;
	iconv_t cd;
	char *in = (char *)b, *o = out;
	size_t left = n, room = size - 1;

	if (n >= 4 && ((b[0] == 0xff && b[1] == 0xfe && !b[2] && !b[3]) || (b[0] && !b[1] && !b[2] && !b[3])))
		from = "UTF-32LE";
	else if (n >= 4 && !b[0] && !b[1] && (b[2] || b[3]))
		from = "UTF-32BE";
	else if (n >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] && !b[1])))
		from = "UTF-16LE";
	else if (n >= 2 && ((b[0] == 0xfe && b[1] == 0xff) || (!b[0] && b[1])))
		from = "UTF-16BE";
	if (!from || (cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return 0;
	/* What converts: a cut or bad sequence ends the sample. */
	iconv(cd, &in, &left, &o, &room);
	iconv_close(cd);
	*o = '\0';
	return (size_t)(o - out);
}

static scsec_file_kind classify(const unsigned char *b, size_t n)
{
	char wide[SNIFF * 2 + 1];
	const char *s = (const char *)b;
	size_t i, w;

	if (!n)
		return SCSEC_FILE_UNKNOWN;
	if (n >= 4 && !memcmp(b, "PK\x03\x04", 4))
		return SCSEC_FILE_ZIP;
	if ((w = wide_text(b, n, wide, sizeof wide))) {
		s = wide;
		n = w;
	}
	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
		s += 3;
		n -= 3;
	}
	if (n >= 2 && (unsigned char)s[0] == 0xff && (unsigned char)s[1] == 0xfe) {
		s += 2; /* the mark of UTF-16 text iconv did not take */
		n -= 2;
	}
	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'); i++)
		;
	if (i == n)
		return SCSEC_FILE_UNKNOWN;
	if (s[i] == '<')
		return SCSEC_FILE_XML;
	if (s[i] == '{' || s[i] == '[')
		return SCSEC_FILE_JSON;
	if (n - i >= 5 && !memcmp(s + i, "%PDF-", 5))
		return SCSEC_FILE_UNKNOWN;
	/* Binary data: more than a stray NUL or control character (which the
	 * sheet reader refuses in its cell). */
	for (w = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		w += c < 0x20 && c != '\t' && c != '\r' && c != '\n';
	}
	return w > n / 64 ? SCSEC_FILE_UNKNOWN : SCSEC_FILE_SHEET;
}

/* Non-zero when the JSON text b[0..n) has a member "format" whose value is
 * the string want, as libscsec writes it (the first member). */
static int json_format_is(const unsigned char *b, size_t n, const char *want)
{
	static const char key[] = "\"format\"";
	const char *s = (const char *)b, *end = s + n, *p;
	size_t wl = strlen(want);

	for (p = s; p + sizeof key - 1 <= end; p++) {
		const char *q;

		if (memcmp(p, key, sizeof key - 1))
			continue;
		q = p + sizeof key - 1;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
			q++;
		if (q == end || *q++ != ':')
			continue;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
			q++;
		if ((size_t)(end - q) >= wl + 2 && *q == '"' && !memcmp(q + 1, want, wl) &&
		    q[wl + 1] == '"')
			return 1;
	}
	return 0;
}

static int detect(scsec_file_kind *kind, const char *path, const void *data, size_t size,
                  const scsec_load_options *opts)
{
	unsigned char buf[SNIFF];
	scsec__source src;
	size_t got = 0;
	int rc;

	*kind = SCSEC_FILE_UNKNOWN;
	if ((rc = path ? scsec__source_open_file(&src, path, opts)
	               : scsec__source_open_memory(&src, data, size, NULL, opts)))
		return rc;
	while (got < sizeof buf) {
		long n = scsec__source_read(&src, buf + got, sizeof buf - got);

		if (n < 0) {
			scsec__source_close(&src);
			return (int)n;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	scsec__source_close(&src);
	*kind = classify(buf, got);
	if (*kind == SCSEC_FILE_JSON && json_format_is(buf, got, "scsec-evidence-1"))
		*kind = SCSEC_FILE_EVIDENCE;
	if (*kind == SCSEC_FILE_XML) {
		scsec__schema_kind root;

		/* The root element, read afresh (a separate, short read). */
		if ((rc = path ? scsec__source_open_file(&src, path, opts)
		               : scsec__source_open_memory(&src, data, size, NULL, opts)))
			return rc;
		rc = scsec__xml_sniff(&root, &src, opts);
		scsec__source_close(&src);
		if (rc == SCSEC_ENOMEM) {
			*kind = SCSEC_FILE_UNKNOWN;
			return rc;
		}
		/* XML that does not parse is still XML: its reader says why. */
		if (!rc)
			*kind = root == SCSEC__SCHEMA_CRITERIA   ? SCSEC_FILE_CRITERIA
			        : root == SCSEC__SCHEMA_EVIDENCE ? SCSEC_FILE_EVIDENCE
			        : root == SCSEC__SCHEMA_RESULT   ? SCSEC_FILE_RESULT
			                                         : SCSEC_FILE_XML;
	}
	scsec_error_clear();
	return 0;
}

int scsec_file_detect(scsec_file_kind *kind, const char *path, const scsec_load_options *opts)
{
	SCSEC__CHECK_ARG(kind);
	*kind = SCSEC_FILE_UNKNOWN;
	SCSEC__CHECK_ARG(path);
	return detect(kind, path, NULL, 0, opts);
}

int scsec_file_detect_memory(scsec_file_kind *kind, const void *data, size_t size,
                             const scsec_load_options *opts)
{
	SCSEC__CHECK_ARG(kind);
	*kind = SCSEC_FILE_UNKNOWN;
	SCSEC__CHECK_ARG(data || !size);
	return detect(kind, NULL, data, size, opts);
}

/* A pipe, a terminal or a device can be read once, and telling the kind of
 * a file needs a first look before the reading: such a file is read into
 * memory (within the size limits, decompressed when it is gzip) and both
 * happen there. Regular files are read twice, from the start each time. */
static int read_once(scsec__buf *b, const char *path, const scsec_load_options *opts)
{
	scsec__source src;
	int rc;

	if ((rc = scsec__source_open_file(&src, path, opts)))
		return rc;
	rc = scsec__source_slurp(&src, b);
	scsec__source_close(&src);
	return rc;
}

int scsec_evidence_load_any(scsec_evidence **out, const char *path, const scsec_criteria *criteria,
                            const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec__buf once = SCSEC__BUF_INIT;
	struct stat st;
	scsec_file_kind kind;
	const char *what;
	int rc, code = SCSEC_EPARSE;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		if (!(rc = read_once(&once, path, opts)))
			rc = detect(&kind, NULL, once.data ? once.data : "", once.len, opts);
	} else {
		rc = detect(&kind, path, NULL, 0, opts);
	}
	if (rc) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, path, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		scsec__buf_dispose(&once);
		return rc;
	}
	switch (kind) {
	case SCSEC_FILE_EVIDENCE:
	case SCSEC_FILE_JSON: /* the JSON form; its reader says what other JSON is */
	case SCSEC_FILE_XML:  /* the XML reader says what is wrong with it */
		rc = once.data ? scsec_evidence_load_memory(out, once.data, once.len, path, opts, diags)
		               : scsec_evidence_load_file(out, path, opts, diags);
		scsec__buf_dispose(&once);
		return rc;
	case SCSEC_FILE_ZIP: /* an Excel workbook: the sheet reader reads it */
	case SCSEC_FILE_SHEET:
		rc = once.data ? scsec_evidence_import_csv_memory(out, once.data, once.len, path,
		                                                  criteria, opts, diags)
		               : scsec_evidence_import_csv(out, path, criteria, opts, diags);
		scsec__buf_dispose(&once);
		return rc;
	case SCSEC_FILE_CRITERIA:
		code = SCSEC_EINVALID;
		what = "a criteria set, not an evidence record (give it with -c, or as the set)";
		break;
	case SCSEC_FILE_RESULT:
		code = SCSEC_EINVALID;
		what = "an evaluation result, not an evidence record";
		break;
	default:
		what = "empty or binary data, not an evidence record (XML or JSON) or an answer "
		       "sheet (CSV)";
		break;
	}
	scsec__buf_dispose(&once);
	rc = scsec__error_set_at(code, path, 0, 0, "the file is %s", what);
	scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, path, 0, 0, "%s",
	                scsec_error_message(scsec_error_last()));
	return rc;
}
