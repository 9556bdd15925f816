/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the one bounded way libscsec reads JSON.
 *
 * Every JSON document any reader takes (evidence records, results, OSCAL)
 * comes through scsec__json_parse(): the bytes arrive through a bounded
 * source (file- and document-size limits, gzip), are scanned once for the
 * nesting depth (SCSEC_LOAD_MAX_DEPTH), the number of values
 * (SCSEC_LOAD_MAX_ITEMS) and the length of each string (at most
 * SCSEC__JSON_MAX_STRING bytes) before jansson parses them with duplicate
 * keys refused; jansson refuses invalid UTF-8, "\u0000", numbers that
 * overflow and anything that is not JSON, each at its line and column. No
 * jansson type leaves lib/io.
 *
 * Readers then walk the tree with the typed getters below, which report a
 * wrong type, a missing member or a number out of range at the value's
 * JSON pointer (RFC 6901, "/entries/3/status"), or at its line and column
 * when the tree was converted from another syntax that had them (OSCAL
 * XML, io/oscal_xml.c). */
#ifndef SCSEC_LIB_IO_JSON_H
#define SCSEC_LIB_IO_JSON_H

#include <jansson.h>

#include "io/source.h"
#include "util/error.h"

/* The longest string a document may hold, in bytes (as the XML reader's
 * longest text). */
#define SCSEC__JSON_MAX_STRING (1 << 20)

typedef struct scsec__jmark {
	const json_t *value;
	unsigned long line;
	unsigned long column;
} scsec__jmark;

typedef struct scsec__jdoc {
	json_t *root;            /* an object; NULL after a failed parse */
	scsec__reporter rep;     /* the document's name, diagnostics, first error */
	scsec__jmark *marks;     /* locations of converted values, by address once sorted */
	size_t nmarks;
	size_t cmarks;
	int sorted;
} scsec__jdoc;

/* Where a reader is in the tree: the chain of member names and array
 * indexes from the root, kept on the reader's stack. */
typedef struct scsec__jloc {
	const struct scsec__jloc *up;
	const char *key;         /* the member name, or NULL for an array index */
	size_t index;
	const json_t *value;     /* the value at this place */
} scsec__jloc;

/* The root's location. */
#define SCSEC__JROOT(v) ((scsec__jloc){ NULL, NULL, 0, (v) })

/* The location of member key of the object at up, or of element i of
 * the array at up (value: what is there, or NULL). */
scsec__jloc scsec__jat(const scsec__jloc *up, const char *key, const json_t *value);
scsec__jloc scsec__jat_index(const scsec__jloc *up, size_t i, const json_t *value);

/* Parse the source into doc. The root must be an object. Every problem
 * goes to diags (may be NULL); the first one is also the thread's last
 * error and its code is returned: SCSEC_EPARSE (not JSON, duplicate keys,
 * not an object), SCSEC_EENCODING (not UTF-8, "\u0000"), SCSEC_ELIMIT (too
 * deep, too many values, a string too long, a number that overflows, the
 * size limits), SCSEC_EIO, SCSEC_ENOMEM. Dispose doc in any case. */
int scsec__json_parse(scsec__jdoc *doc, scsec__source *src, const scsec_load_options *opts,
                      scsec_diagnostics *diags);

/* Start an empty document named name (a tree built by a converter). */
void scsec__jdoc_init(scsec__jdoc *doc, const char *name, scsec_diagnostics *diags);

void scsec__jdoc_dispose(scsec__jdoc *doc);

/* Remember where a converted value was in its source document; reports
 * about it, or about anything inside it without a mark of its own, then
 * carry that line and column. 0 or SCSEC_ENOMEM. */
int scsec__jdoc_mark(scsec__jdoc *doc, const json_t *value, unsigned long line,
                     unsigned long column);

/* The JSON pointer of loc ("" for the root), cut to fit size. */
void scsec__jpointer(char *buf, size_t size, const scsec__jloc *loc);

/* Report a problem at loc: at its line and column when it (or what holds
 * it) was marked, else with its JSON pointer in front of the message
 * ("/entries/3/status: ..."). Returns code (SCSEC_ENOMEM when the
 * diagnostic could not be stored). */
int scsec__json_report(scsec__jdoc *doc, const scsec__jloc *loc, scsec_severity sev, int code,
                       const char *id, const char *fmt, ...) SCSEC__PRINTF(6, 7);

/* ---- typed members, reported at the member (or at the object when it is
 * missing) as SCSEC_ESCHEMA ----
 *
 * Each getter returns the member, NULL when it is absent (reported when
 * required) or of another type (always reported; *bad, when given, is set
 * to 1 then). */
const char *scsec__jget_str(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                            const char *key, int required, int *bad);
const json_t *scsec__jget_array(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                                const char *key, int required, int *bad);
const json_t *scsec__jget_object(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                                 const char *key, int required, int *bad);

/* An integer member within [min, max] (a real such as 3.0 is not an
 * integer): 0 when present and fine, 1 when absent (reported when
 * required), the reported code otherwise. */
int scsec__jget_int(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj, const char *key,
                    int required, long long min, long long max, long long *out);

/* A boolean member: 0 when present, 1 when absent, the code otherwise. */
int scsec__jget_bool(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj, const char *key,
                     int required, int *out);

/* Report every member of obj not named in allowed (NULL-ended): the
 * closed objects of libscsec's own formats. Returns how many there were. */
size_t scsec__jcheck_members(scsec__jdoc *d, const scsec__jloc *at, const json_t *obj,
                             const char *const *allowed);

/* The name of a value's type, for messages ("a string", "an array", ...). */
const char *scsec__jtype_name(const json_t *v);

/* Writing: a string as a JSON string (NULL as null), a date as
 * "YYYY-MM-DD" (SCSEC_DATE_NONE as null). */
void scsec__json_put_str(scsec__buf *b, const char *s);
void scsec__json_put_date(scsec__buf *b, scsec_date d);

#endif
