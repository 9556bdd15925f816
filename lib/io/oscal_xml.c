/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* OSCAL documents in either syntax, read into the tree of OSCAL's JSON
 * model (io/oscal.h): JSON through the bounded JSON reader, XML through
 * the safe XML reader (no DTD, no entities, no network, the depth, count
 * and text limits) and then converted here. */
#include "config.h"

#include <string.h>

#include "io/oscal.h"
#include "util/alloc.h"
#include "util/util.h"

/* ------------------------------------------------------------ the table */

/* How an element of OSCAL's XML shows in its parent's JSON object. */
enum { K_OBJ_ARRAY, K_STR_ARRAY, K_OBJ, K_STR, K_PROSE };

typedef struct xmap {
	const char *element;
	const char *key;
	int kind;
} xmap;

/* Only the parts of the catalog and profile models libscsec reads; any
 * other element is left out of the tree (remarks, addresses, ...). */
static const xmap map[] = {
	{ "prop", "props", K_OBJ_ARRAY },
	{ "link", "links", K_OBJ_ARRAY },
	{ "part", "parts", K_OBJ_ARRAY },
	{ "control", "controls", K_OBJ_ARRAY },
	{ "group", "groups", K_OBJ_ARRAY },
	{ "param", "params", K_OBJ_ARRAY },
	{ "import", "imports", K_OBJ_ARRAY },
	{ "include-controls", "include-controls", K_OBJ_ARRAY },
	{ "exclude-controls", "exclude-controls", K_OBJ_ARRAY },
	{ "matching", "matching", K_OBJ_ARRAY },
	{ "resource", "resources", K_OBJ_ARRAY },
	{ "rlink", "rlinks", K_OBJ_ARRAY },
	{ "role", "roles", K_OBJ_ARRAY },
	{ "party", "parties", K_OBJ_ARRAY },
	{ "responsible-party", "responsible-parties", K_OBJ_ARRAY },
	{ "result", "results", K_OBJ_ARRAY },
	{ "finding", "findings", K_OBJ_ARRAY },
	{ "observation", "observations", K_OBJ_ARRAY },
	{ "origin", "origins", K_OBJ_ARRAY },
	{ "actor", "actors", K_OBJ_ARRAY },
	{ "related-observation", "related-observations", K_OBJ_ARRAY },
	{ "relevant-evidence", "relevant-evidence", K_OBJ_ARRAY },
	{ "method", "methods", K_STR_ARRAY },
	{ "target", "target", K_OBJ },
	{ "status", "status", K_OBJ },
	{ "collected", "collected", K_STR },
	{ "expires", "expires", K_STR },
	{ "description", "description", K_STR },
	{ "with-id", "with-ids", K_STR_ARRAY },
	{ "party-uuid", "party-uuids", K_STR_ARRAY },
	{ "choice", "choice", K_STR_ARRAY },
	{ "value", "values", K_STR_ARRAY },
	{ "metadata", "metadata", K_OBJ },
	{ "back-matter", "back-matter", K_OBJ },
	{ "include-all", "include-all", K_OBJ },
	{ "select", "select", K_OBJ },
	{ "merge", "merge", K_OBJ },
	{ "modify", "modify", K_OBJ },
	{ "title", "title", K_STR },
	{ "label", "label", K_STR },
	{ "version", "version", K_STR },
	{ "oscal-version", "oscal-version", K_STR },
	{ "published", "published", K_STR },
	{ "last-modified", "last-modified", K_STR },
	{ "name", "name", K_STR },
	{ "usage", "usage", K_STR },
	{ "remarks", "remarks", K_STR },
	{ "p", "prose", K_PROSE },
	{ "ol", "prose", K_PROSE },
	{ "ul", "prose", K_PROSE },
	{ "table", "prose", K_PROSE },
	{ "pre", "prose", K_PROSE },
	{ "blockquote", "prose", K_PROSE },
	{ "h1", "prose", K_PROSE },
	{ "h2", "prose", K_PROSE },
	{ "h3", "prose", K_PROSE },
	{ "h4", "prose", K_PROSE },
	{ "h5", "prose", K_PROSE },
	{ "h6", "prose", K_PROSE },
};

static const xmap *lookup(const char *element)
{
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i].element, element))
			return &map[i];
	return NULL;
}

/* ------------------------------------------------------------ text */

typedef struct conv {
	scsec__jdoc *doc;
	scsec__buf text;
	int failed;              /* reported (or out of memory) */
} conv;

static int is_block(const char *name)
{
	static const char *const blocks[] = { "p", "li", "tr", "pre", "blockquote", "h1", "h2",
	                                      "h3", "h4", "h5", "h6", NULL };
	size_t i;

	for (i = 0; blocks[i]; i++)
		if (!strcmp(blocks[i], name))
			return 1;
	return 0;
}

static void newline(scsec__buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->len--;
	if (b->len && b->data[b->len - 1] != '\n')
		scsec__buf_putc(b, '\n');
}

/* Append the text of n's content, markup made plain: runs of XML white
 * space become one space, block elements lines, <insert/> the JSON
 * model's "{{ insert: param, ID }}". */
static void gather(scsec__buf *b, const scsec__xnode *n)
{
	const scsec__xnode *k;

	for (k = n->first; k; k = k->next) {
		if (!strcmp(k->name, "#text")) {
			size_t i;

			for (i = 0; i < k->text_len; i++) {
				char c = k->text[i];

				if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
					if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
						scsec__buf_putc(b, ' ');
				} else {
					scsec__buf_putc(b, c);
				}
			}
		} else if (!strcmp(k->name, "insert")) {
			const char *type = scsec__xattr_get(k, "type"), *id = scsec__xattr_get(k, "id-ref");

			scsec__buf_printf(b, "{{ insert: %s, %s }}", type ? type : "param", id ? id : "");
		} else if (is_block(k->name)) {
			newline(b);
			gather(b, k);
			newline(b);
		} else {
			gather(b, k);
		}
	}
}

/* The plain text of n (see gather()), trimmed, as a new JSON string. */
static json_t *text_of(conv *c, const scsec__xnode *n)
{
	const char *s;
	size_t len;

	scsec__buf_reset(&c->text);
	gather(&c->text, n);
	scsec__buf_putc(&c->text, '\0');
	if (scsec__buf_error(&c->text))
		return NULL;
	s = c->text.data;
	len = c->text.len - 1;
	scsec__trim(&s, &len);
	if (len > SCSEC__JSON_MAX_STRING) {
		scsec__report(&c->doc->rep, n->line, n->column, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		              "the text of element '%s' is longer than %d bytes", n->name,
		              SCSEC__JSON_MAX_STRING);
		c->failed = 1;
		return NULL;
	}
	return json_stringn(s, len);
}

/* ------------------------------------------------------------ conversion */

static int put(conv *c, json_t *obj, const char *key, json_t *v)
{
	if (!v || json_object_set_new(obj, key, v)) {
		c->failed = 1;
		return -1;
	}
	return 0;
}

static int push(conv *c, json_t *obj, const char *key, json_t *v)
{
	json_t *a = json_object_get(obj, key);

	if (!v) {
		c->failed = 1;
		return -1;
	}
	if (!a) {
		if (put(c, obj, key, a = json_array())) {
			json_decref(v);
			return -1;
		}
	}
	if (!json_is_array(a) || json_array_append_new(a, v)) {
		c->failed = 1;
		return -1;
	}
	return 0;
}

static json_t *object_of(conv *c, const scsec__xnode *n);

/* A paragraph-like child: appended to the object's "prose", a line each. */
static void add_prose(conv *c, json_t *obj, const scsec__xnode *k)
{
	const char *prev = json_string_value(json_object_get(obj, "prose"));
	json_t *more = text_of(c, k);
	scsec__buf b = SCSEC__BUF_INIT;

	if (!more || !prev) {
		put(c, obj, "prose", more);
		return;
	}
	scsec__buf_puts(&b, prev);
	scsec__buf_putc(&b, '\n');
	scsec__buf_puts(&b, json_string_value(more));
	json_decref(more);
	if (scsec__buf_error(&b)) {
		c->failed = 1;
	} else if (b.len > SCSEC__JSON_MAX_STRING) {
		scsec__report(&c->doc->rep, k->line, k->column, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT, NULL,
		              "the prose is longer than %d bytes", SCSEC__JSON_MAX_STRING);
		c->failed = 1;
	} else {
		put(c, obj, "prose", json_stringn(b.data, b.len));
	}
	scsec__buf_dispose(&b);
}

static json_t *object_of(conv *c, const scsec__xnode *n)
{
	json_t *obj = json_object();
	const scsec__xnode *k;
	int i;

	if (!obj || scsec__jdoc_mark(c->doc, obj, n->line, n->column)) {
		json_decref(obj);
		c->failed = 1;
		return NULL;
	}
	for (i = 0; i < n->nattrs && !c->failed; i++)
		if (!n->attrs[i].ns)
			put(c, obj, n->attrs[i].name, json_stringn(n->attrs[i].value, n->attrs[i].len));
	for (k = n->first; k && !c->failed; k = k->next) {
		const xmap *m;

		if (!strcmp(k->name, "#text") || (k->ns && strncmp(k->ns, SCSEC__NS_OSCAL, strlen(SCSEC__NS_OSCAL))))
			continue;
		if (!(m = lookup(k->name)))
			continue;
		switch (m->kind) {
		case K_OBJ_ARRAY: push(c, obj, m->key, object_of(c, k)); break;
		case K_STR_ARRAY: push(c, obj, m->key, text_of(c, k)); break;
		case K_OBJ:
			if (!json_object_get(obj, m->key))
				put(c, obj, m->key, object_of(c, k));
			break;
		case K_STR:
			if (!json_object_get(obj, m->key))
				put(c, obj, m->key, text_of(c, k));
			break;
		case K_PROSE: add_prose(c, obj, k); break;
		}
	}
	if (c->failed) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

int scsec__oscal_from_xml(scsec__jdoc *doc, const scsec__xdoc *x)
{
	conv c;
	json_t *model = NULL;

	memset(&c, 0, sizeof c);
	c.doc = doc;
	if (!(doc->root = json_object()))
		c.failed = 1;
	else if (!x->root->ns || strncmp(x->root->ns, SCSEC__NS_OSCAL, strlen(SCSEC__NS_OSCAL)))
		return scsec__report(&doc->rep, x->root->line, x->root->column, SCSEC_SEVERITY_ERROR,
		                     SCSEC_EVERSION,
		                     NULL, "the root element '%s' is not in an OSCAL namespace "
		                     "(http://csrc.nist.gov/ns/oscal/1.0)", x->root->name);
	else if ((model = object_of(&c, x->root)))
		put(&c, doc->root, x->root->name, model);
	scsec__buf_dispose(&c.text);
	if (c.failed && !doc->rep.first_error)
		return scsec__report(&doc->rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
		                     "out of memory");
	return doc->rep.first_error ? scsec__report_result(&doc->rep) : 0;
}

/* ------------------------------------------------------------ either syntax */

int scsec__oscal_parse(scsec__jdoc *doc, scsec__source *src, const scsec_load_options *opts,
                       scsec_diagnostics *diags)
{
	scsec__buf b = SCSEC__BUF_INIT;
	scsec__source mem;
	size_t i = 0;
	int rc;

	scsec__jdoc_init(doc, src->name, diags);
	if ((rc = scsec__source_slurp(src, &b))) {
		scsec__buf_dispose(&b);
		return scsec__report(&doc->rep, 0, 0, SCSEC_SEVERITY_ERROR, rc, NULL, "%s",
		                     scsec_error_message(scsec_error_last()));
	}
	if (b.len >= 3 && !memcmp(b.data, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < b.len && (b.data[i] == ' ' || b.data[i] == '\t' || b.data[i] == '\n' ||
	                     b.data[i] == '\r'))
		i++;
	if ((rc = scsec__source_open_memory(&mem, b.data ? b.data : "", b.len, src->name, opts))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	mem.unnamed = src->unnamed;
	if (i < b.len && b.data[i] == '<') {
		scsec__xdoc x;

		rc = scsec__xml_parse_mixed(&x, &mem, opts, diags);
		doc->rep = x.rep; /* the XML reader's errors are the document's */
		if (!rc)
			rc = scsec__oscal_from_xml(doc, &x);
		scsec__xdoc_dispose(&x);
	} else {
		scsec__jdoc_dispose(doc);
		rc = scsec__json_parse(doc, &mem, opts, diags);
	}
	scsec__source_close(&mem);
	scsec__buf_dispose(&b);
	return rc;
}

const json_t *scsec__oscal_model(scsec__jdoc *doc, const char **model)
{
	scsec__jloc root = SCSEC__JROOT(doc->root);
	const char *key;
	json_t *v;
	size_t n = 0;

	*model = NULL;
	json_object_foreach(doc->root, key, v) {
		if (!strcmp(key, "$schema"))
			continue;
		n++;
		*model = key;
	}
	if (n != 1 || !json_is_object(json_object_get(doc->root, *model))) {
		scsec__json_report(doc, &root, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                   "an OSCAL document holds one object, named by its model "
		                   "(\"catalog\", \"profile\", ...)");
		*model = NULL;
		return NULL;
	}
	return json_object_get(doc->root, *model);
}
