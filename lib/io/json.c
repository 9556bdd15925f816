/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Bounded JSON reading through jansson (io/json.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/json.h"
#include "io/options.h"
#include "util/alloc.h"
#include "util/error.h"

/* ------------------------------------------------------------ locations */

scsec__jloc scsec__jat(const scsec__jloc *up, const char *key, const json_t *value)
{
	scsec__jloc l = { up, key, 0, value };

	return l;
}

scsec__jloc scsec__jat_index(const scsec__jloc *up, size_t i, const json_t *value)
{
	scsec__jloc l = { up, NULL, i, value };

	return l;
}

/* Append one reference token, ~ and / escaped (RFC 6901). */
static size_t put_token(char *buf, size_t size, size_t at, const scsec__jloc *l)
{
	char num[24];
	const char *s = l->key;

	if (!s) {
		snprintf(num, sizeof num, "%zu", l->index);
		s = num;
	}
	if (at + 1 < size)
		buf[at] = '/';
	at++;
	for (; *s; s++) {
		const char *esc = *s == '~' ? "~0" : *s == '/' ? "~1" : NULL;
		size_t k;

		if (esc) {
			for (k = 0; k < 2; k++, at++)
				if (at + 1 < size)
					buf[at] = esc[k];
		} else {
			if (at + 1 < size)
				buf[at] = *s;
			at++;
		}
	}
	return at;
}

void scsec__jpointer(char *buf, size_t size, const scsec__jloc *loc)
{
	const scsec__jloc *chain[256];
	size_t n = 0, at = 0;

	if (!size)
		return;
	for (; loc && loc->up && n < sizeof chain / sizeof *chain; loc = loc->up)
		chain[n++] = loc;
	while (n)
		at = put_token(buf, size, at, chain[--n]);
	buf[at < size ? at : size - 1] = '\0';
	if (at >= size && size > 4)
		memcpy(buf + size - 4, "...", 4);
}

static int cmp_mark(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const scsec__jmark *)a)->value;
	uintptr_t y = (uintptr_t)((const scsec__jmark *)b)->value;

	return (x > y) - (x < y);
}

static const scsec__jmark *find_mark(scsec__jdoc *d, const json_t *v)
{
	scsec__jmark key;

	if (!d->nmarks || !v)
		return NULL;
	if (!d->sorted) {
		qsort(d->marks, d->nmarks, sizeof *d->marks, cmp_mark);
		d->sorted = 1;
	}
	key.value = v;
	return bsearch(&key, d->marks, d->nmarks, sizeof *d->marks, cmp_mark);
}

int scsec__jdoc_mark(scsec__jdoc *doc, const json_t *value, unsigned long line,
                     unsigned long column)
{
	if (scsec__grow(&doc->marks, &doc->cmarks, doc->nmarks + 1, sizeof *doc->marks))
		return SCSEC_ENOMEM;
	doc->marks[doc->nmarks].value = value;
	doc->marks[doc->nmarks].line = line;
	doc->marks[doc->nmarks].column = column;
	doc->nmarks++;
	doc->sorted = 0;
	return 0;
}

static int vreport(scsec__jdoc *d, const scsec__jloc *loc, scsec_severity sev, int code,
                   const char *id, const char *fmt, va_list ap)
{
	const scsec__jloc *l;
	const scsec__jmark *m = NULL;
	char msg[400], ptr[200];

	for (l = loc; l && !m; l = l->up)
		m = find_mark(d, l->value);
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (m)
		return scsec__report(&d->rep, m->line, m->column, sev, code, id, "%s", msg);
	scsec__jpointer(ptr, sizeof ptr, loc);
	return scsec__report(&d->rep, 0, 0, sev, code, id, "%s: %s", *ptr ? ptr : "(the document)",
	                     msg);
}

int scsec__json_report(scsec__jdoc *doc, const scsec__jloc *loc, scsec_severity sev, int code,
                       const char *id, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vreport(doc, loc, sev, code, id, fmt, ap);
	va_end(ap);
	return rc;
}

/* ------------------------------------------------------------ parsing */

void scsec__jdoc_init(scsec__jdoc *doc, const char *name, scsec_diagnostics *diags)
{
	scsec__reporter rep = SCSEC__REPORTER_INIT(name, diags);

	memset(doc, 0, sizeof *doc);
	doc->rep = rep;
}

void scsec__jdoc_dispose(scsec__jdoc *doc)
{
	json_decref(doc->root);
	doc->root = NULL;
	scsec__free(doc->marks);
	doc->marks = NULL;
	doc->nmarks = doc->cmarks = 0;
}

/* The limits jansson does not apply, in one pass over the bytes before it
 * parses them: nesting depth, number of values (containers and the commas
 * between members and elements), string length. Positions count lines and
 * characters as jansson does. Returns 0 or the reported code. */
static int prescan(scsec__jdoc *d, const unsigned char *s, size_t n, unsigned long max_depth,
                   unsigned long long max_items)
{
	unsigned long line = 1, col = 0, sline = 0, scol = 0, depth = 0;
	unsigned long long items = 1;
	size_t i, slen = 0;
	int in_str = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if ((c & 0xc0) != 0x80)
			col++;
		if (in_str) {
			if (c == '"') {
				in_str = 0;
				continue;
			}
			if (c == '\\' && i + 1 < n) {
				i++;
				col++;
				slen++;
			}
			if (c == '\n')
				return 0; /* not JSON: jansson says where */
			if (++slen > SCSEC__JSON_MAX_STRING)
				return scsec__report(&d->rep, sline, scol, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT,
				                     NULL, "a string longer than %d bytes", SCSEC__JSON_MAX_STRING);
			continue;
		}
		switch (c) {
		case '\n':
			line++;
			col = 0;
			break;
		case '"':
			in_str = 1;
			slen = 0;
			sline = line;
			scol = col;
			break;
		case '{':
		case '[':
			if (++depth > max_depth)
				return scsec__report(&d->rep, line, col, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
				                     "values nested deeper than the limit of %lu "
				                     "(SCSEC_LOAD_MAX_DEPTH)",
				                     max_depth);
			/* fall through */
		case ',':
			if (++items > max_items)
				return scsec__report(&d->rep, line, col, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
				                     "more than %llu values (SCSEC_LOAD_MAX_ITEMS)", max_items);
			break;
		case '}':
		case ']':
			if (depth)
				depth--;
			break;
		default:
			break;
		}
	}
	return 0;
}

static int code_of(const json_error_t *err)
{
	switch (json_error_code(err)) {
	case json_error_out_of_memory:  return SCSEC_ENOMEM;
	case json_error_invalid_utf8:
	case json_error_null_character:
	case json_error_null_byte_in_key: return SCSEC_EENCODING;
	case json_error_stack_overflow:
	case json_error_numeric_overflow: return SCSEC_ELIMIT;
	default:                          return SCSEC_EPARSE;
	}
}

int scsec__json_parse(scsec__jdoc *doc, scsec__source *src, const scsec_load_options *opts,
                      scsec_diagnostics *diags)
{
	const struct scsec_load_options *o = scsec__load_options(opts);
	scsec__buf b = SCSEC__BUF_INIT;
	const unsigned char *s;
	json_error_t err;
	size_t n, skip = 0;
	int rc;

	scsec__jdoc_init(doc, src->name, diags);
	if ((rc = scsec__source_slurp(src, &b))) {
		scsec__buf_dispose(&b);
		scsec__report(&doc->rep, 0, 0, SCSEC_SEVERITY_ERROR, rc, NULL, "%s",
		              scsec_error_message(scsec_error_last()));
		return scsec__report_result(&doc->rep);
	}
	s = (const unsigned char *)b.data;
	n = b.len;
	if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		skip = 3; /* a UTF-8 byte-order mark, as Windows tools write */
	if (n >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff) ||
	               !s[0] || !s[1])) {
		scsec__report(&doc->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING, NULL,
		              "the document is UTF-16 or UTF-32 text; JSON documents are UTF-8");
	} else if (n == skip) {
		scsec__report(&doc->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		              "the document is empty");
	} else if (!prescan(doc, s + skip, n - skip, (unsigned long)o->max_depth,
	                    (unsigned long long)o->max_items)) {
		doc->root = json_loadb((const char *)s + skip, n - skip, JSON_REJECT_DUPLICATES, &err);
		if (!doc->root)
			scsec__report(&doc->rep, (unsigned long)(err.line > 0 ? err.line : 0),
			              (unsigned long)(err.column > 0 ? err.column : 0), SCSEC_SEVERITY_ERROR,
			              code_of(&err), NULL, "%s", err.text);
		else if (!json_is_object(doc->root))
			scsec__report(&doc->rep, 1, 1, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
			              "the document is %s, not a JSON object", scsec__jtype_name(doc->root));
	}
	scsec__buf_dispose(&b);
	if (doc->rep.first_error || doc->rep.oom) {
		json_decref(doc->root);
		doc->root = NULL;
		return doc->rep.oom ? scsec__error_set(SCSEC_ENOMEM, "out of memory")
		                    : scsec__report_result(&doc->rep);
	}
	return 0;
}

/* ------------------------------------------------------------ typed members */

const char *scsec__jtype_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:  return "an object";
	case JSON_ARRAY:   return "an array";
	case JSON_STRING:  return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL:    return "a real number";
	case JSON_TRUE:
	case JSON_FALSE:   return "a boolean";
	case JSON_NULL:    break;
	}
	return "null";
}

/* The member key of obj when it has type `type`; NULL when absent
 * (reported when required) or of another type (reported). */
static const json_t *member(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                            const char *key, int required, json_type type, const char *want,
                            int *bad)
{
	const json_t *v = obj ? json_object_get(obj, key) : NULL;
	scsec__jloc here;

	if (!v) {
		if (required) {
			scsec__json_report(d, at, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                   "'%s' is missing", key);
			if (bad)
				*bad = 1;
		}
		return NULL;
	}
	if (json_typeof(v) == type || (type == JSON_TRUE && json_is_boolean(v)))
		return v;
	here = scsec__jat(at, key, v);
	scsec__json_report(d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "%s, not %s", want,
	                   scsec__jtype_name(v));
	if (bad)
		*bad = 1;
	return NULL;
}

const char *scsec__jget_str(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                            const char *key, int required, int *bad)
{
	const json_t *v = member(d, at, obj, key, required, JSON_STRING, "a string is expected", bad);

	return v ? json_string_value(v) : NULL;
}

const json_t *scsec__jget_array(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                                const char *key, int required, int *bad)
{
	return member(d, at, obj, key, required, JSON_ARRAY, "an array is expected", bad);
}

const json_t *scsec__jget_object(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                                 const char *key, int required, int *bad)
{
	return member(d, at, obj, key, required, JSON_OBJECT, "an object is expected", bad);
}

int scsec__jget_int(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj, const char *key,
                    int required, long long min, long long max, long long *out)
{
	int bad = 0;
	const json_t *v = member(d, at, obj, key, required, JSON_INTEGER, "an integer is expected",
	                         &bad);
	scsec__jloc here;
	long long x;

	if (!v)
		return bad ? SCSEC_ESCHEMA : 1;
	x = (long long)json_integer_value(v);
	if (x < min || x > max) {
		here = scsec__jat(at, key, v);
		return scsec__json_report(d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                          "%lld is out of range (%lld to %lld)", x, min, max);
	}
	*out = x;
	return 0;
}

int scsec__jget_bool(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj, const char *key,
                     int required, int *out)
{
	int bad = 0;
	const json_t *v = member(d, at, obj, key, required, JSON_TRUE, "true or false is expected",
	                         &bad);

	if (!v)
		return bad ? SCSEC_ESCHEMA : 1;
	*out = json_is_true(v);
	return 0;
}

size_t scsec__jcheck_members(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                             const char *const *allowed)
{
	const char *key;
	json_t *v;
	size_t bad = 0;

	json_object_foreach((json_t *)obj, key, v) {
		const char *const *a;
		scsec__jloc here;

		for (a = allowed; *a && strcmp(*a, key); a++)
			;
		if (*a)
			continue;
		here = scsec__jat(at, key, v);
		scsec__json_report(d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                   "unknown member '%.64s'", key);
		bad++;
	}
	return bad;
}
