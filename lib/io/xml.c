/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "util/date.h"
#include "io/embedded.h"
#include "util/util.h"
#include "io/xml.h"

/* ------------------------------------------------------------------ nodes */

const char *scsec__xattr_get(const scsec__xnode *n, const char *name)
{
	int i;

	for (i = 0; i < n->nattrs; i++)
		if (!n->attrs[i].ns && !strcmp(n->attrs[i].name, name))
			return n->attrs[i].value;
	return NULL;
}

const char *scsec__xml_lang(const scsec__xnode *n)
{
	int i;

	for (i = 0; i < n->nattrs; i++)
		if (n->attrs[i].ns && !strcmp(n->attrs[i].ns, SCSEC__NS_XML) &&
		    !strcmp(n->attrs[i].name, "lang"))
			return n->attrs[i].value;
	return NULL;
}

int scsec__xnode_is(const scsec__xnode *n, const char *ns, const char *name)
{
	return n && n->ns && !strcmp(n->ns, ns) && !strcmp(n->name, name);
}

void scsec__xdoc_dispose(scsec__xdoc *doc)
{
	scsec__arena_dispose(&doc->arena);
	doc->root = NULL;
}

int scsec__xml_report(scsec__xdoc *doc, const scsec__xnode *node, scsec_severity sev, int code,
                      const char *id, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	/* code, or SCSEC_ENOMEM when the diagnostic could not be stored. */
	rc = scsec__vreport(&doc->rep, node ? node->line : 0, node ? node->column : 0, sev, code, id,
	                    fmt, ap);
	va_end(ap);
	return rc;
}

/* ---------------------------------------------------------------- schemas */

static struct {
	pthread_once_t once;
	const char *file;
	xmlSchemaPtr schema;
} schemas[] = {
	{ PTHREAD_ONCE_INIT, NULL, NULL },
	{ PTHREAD_ONCE_INIT, "scsec-criteria-1.xsd", NULL },
	{ PTHREAD_ONCE_INIT, "scsec-evidence-1.xsd", NULL },
	{ PTHREAD_ONCE_INIT, "scsec-result-1.xsd", NULL },
	{ PTHREAD_ONCE_INIT, "scsec-mapping-1.xsd", NULL },
	{ PTHREAD_ONCE_INIT, "scsec-trust-1.xsd", NULL },
};

static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

/* ---- no output of libxml2's own ----
 *
 * libxml2 prints what no handler takes to stderr (its global handlers,
 * which are per thread). The library never prints: while libscsec calls
 * libxml2, the thread's global handlers are libscsec's, and the caller's
 * are put back after. Every message reaches the library's own error record
 * and diagnostics, or nowhere. */
typedef struct quiet {
	xmlGenericErrorFunc generic;
	void *generic_ctx;
	xmlStructuredErrorFunc structured;
	void *structured_ctx;
} quiet;

static void on_parser_error(void *ctx, xmlErrorPtr err);

static void on_generic(void *ctx, const char *msg, ...)
{
	/* Unstructured fragments: every error libscsec can act on also comes
	 * structured, to on_parser_error. */
	(void)ctx;
	(void)msg;
}

static void quiet_begin(quiet *q)
{
	q->generic = xmlGenericError;
	q->generic_ctx = xmlGenericErrorContext;
	q->structured = xmlStructuredError;
	q->structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, on_generic);
	xmlSetStructuredErrorFunc(NULL, on_parser_error);
}

static void quiet_end(const quiet *q)
{
	xmlSetGenericErrorFunc(q->generic_ctx, q->generic);
	xmlSetStructuredErrorFunc(q->structured_ctx, q->structured);
}

static void libxml_init(void)
{
	quiet q;

	quiet_begin(&q);
	xmlInitParser();
	quiet_end(&q);
}

_Static_assert(sizeof(quiet) <= sizeof(scsec__xml_quiet), "scsec__xml_quiet holds a quiet");

void scsec__xml_init(void)
{
	pthread_once(&libxml_once, libxml_init);
}

void scsec__xml_hush(scsec__xml_quiet *q)
{
	quiet qq;

	quiet_begin(&qq);
	memcpy(q, &qq, sizeof qq);
}

void scsec__xml_unhush(const scsec__xml_quiet *q)
{
	quiet qq;

	memcpy(&qq, q, sizeof qq);
	quiet_end(&qq);
}

static void schema_error_ignore(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

static void compile_schema(scsec__schema_kind kind)
{
	const struct scsec__embedded *e = scsec__embedded_find(schemas[kind].file);
	xmlSchemaParserCtxtPtr pc;

	if (!e)
		return;
	quiet q;

	quiet_begin(&q);
	pc = xmlSchemaNewMemParserCtxt((const char *)e->data, (int)e->size);
	if (pc) {
		xmlSchemaSetParserStructuredErrors(pc, schema_error_ignore, NULL);
		schemas[kind].schema = xmlSchemaParse(pc);
		xmlSchemaFreeParserCtxt(pc);
	}
	quiet_end(&q);
}

static void compile_criteria(void) { compile_schema(SCSEC__SCHEMA_CRITERIA); }
static void compile_evidence(void) { compile_schema(SCSEC__SCHEMA_EVIDENCE); }
static void compile_result(void) { compile_schema(SCSEC__SCHEMA_RESULT); }
static void compile_mapping(void) { compile_schema(SCSEC__SCHEMA_MAPPING); }
static void compile_trust(void) { compile_schema(SCSEC__SCHEMA_TRUST); }

void *scsec__schema(scsec__schema_kind kind)
{
	static void (*const compile[])(void) = { NULL, compile_criteria, compile_evidence,
	                                          compile_result, compile_mapping,
	                                          compile_trust };

	if (kind <= SCSEC__SCHEMA_NONE || kind > SCSEC__SCHEMA_TRUST)
		return NULL;
	pthread_once(&libxml_once, libxml_init);
	pthread_once(&schemas[kind].once, compile[kind]);
	if (!schemas[kind].schema)
		scsec__error_set(SCSEC_ERROR, "internal error: the embedded schema %s does not compile",
		                 schemas[kind].file);
	return schemas[kind].schema;
}

/* ------------------------------------------------------------------ parse */

typedef struct xparse {
	scsec__xdoc *doc;
	xmlParserCtxtPtr ctxt;
	scsec__xnode *cur;       /* innermost open element */
	scsec__buf text;         /* character data of the innermost element */
	unsigned long depth;
	unsigned long max_depth;
	unsigned long elements;
	unsigned long max_elements;
	int stopped;             /* we stopped the parser: its own errors after that are noise */
	int sniff_only;          /* stop at the root start tag */
	int fatal;               /* a memory failure or a refused construct */
	int mixed;               /* keep every run of character data as a "#text" child */
	const char *root_ns;     /* the root element expected, or NULL for any */
	const char *root_name;
} xparse;

/* No element of libscsec's formats holds more text than this (a criterion
 * text, a justification); a document that tries is refused early, which
 * also bounds what a decompression bomb of whitespace can make us hold. */
#define MAX_TEXT (1 << 20)

/* libxml2 hands each callback a user-data pointer, but with schema
 * validation plugged into the SAX stream that pointer is not always ours.
 * A parse runs start to end on one thread, so the thread keeps its own. */
static _Thread_local xparse *active;

static unsigned long cur_line(const xparse *p)
{
	return p->ctxt && p->ctxt->input ? (unsigned long)p->ctxt->input->line : 0;
}

static unsigned long cur_col(const xparse *p)
{
	return p->ctxt && p->ctxt->input ? (unsigned long)p->ctxt->input->col : 0;
}

/* Stop reacting to the document. xmlStopParser() is not called from inside
 * a callback: libxml2 2.9's character-data fast path reads freed input
 * after it. disableSAX silences the rest of the current chunk, and
 * run_parse() halts the parser once xmlParseChunk() has returned. */
static void stop(xparse *p)
{
	p->stopped = 1;
	if (p->ctxt)
		p->ctxt->disableSAX = 1;
}

static void report_at(xparse *p, unsigned long line, unsigned long col, int code,
                      const char *fmt, ...) SCSEC__PRINTF(5, 6);
static void report_at(xparse *p, unsigned long line, unsigned long col, int code,
                      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	scsec__vreport(&p->doc->rep, line, col, SCSEC_SEVERITY_ERROR, code, NULL, fmt, ap);
	va_end(ap);
}

/* An error at the parser's current position. */
#define report_here(p, code, ...) report_at((p), cur_line(p), cur_col(p), (code), __VA_ARGS__)

static void oom(xparse *p)
{
	if (!p->fatal)
		report_here(p, SCSEC_ENOMEM, "out of memory");
	p->fatal = 1;
	stop(p);
}

static const char *arena_str(xparse *p, const xmlChar *s, size_t n)
{
	const char *d = scsec__arena_strndup(&p->doc->arena, (const char *)s, n);

	if (!d)
		oom(p);
	return d;
}

/* Keep the namespace URIs we know as static strings; others are copied. */
static const char *ns_str(xparse *p, const xmlChar *uri)
{
	static const char *const known[] = { SCSEC__NS_CRITERIA, SCSEC__NS_EVIDENCE, SCSEC__NS_RESULT,
	                                     SCSEC__NS_XML, SCSEC__NS_XSI };
	size_t i;

	if (!uri)
		return NULL;
	for (i = 0; i < sizeof known / sizeof *known; i++)
		if (!strcmp((const char *)uri, known[i]))
			return known[i];
	return arena_str(p, uri, strlen((const char *)uri));
}

/* XML whitespace (S in the XML 1.0 grammar). */
static int xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int all_space(const char *s, size_t n);

/* An attribute value as SAX2 hands it over. Without entity substitution
 * libxml2 keeps '&' (from &amp; or &#38;) encoded as "&#38;" so that a tree
 * builder could re-parse it; every other reference is already replaced,
 * and a raw '&' cannot occur. Decode it. */
static const char *attr_value(xparse *p, const xmlChar *v, size_t len, size_t *out_len)
{
	char *d = scsec__arena_alloc(&p->doc->arena, len + 1), *o;
	size_t i;

	if (!d) {
		oom(p);
		return NULL;
	}
	for (i = 0, o = d; i < len; i++) {
		if (v[i] == '&' && i + 5 <= len && !memcmp(v + i, "&#38;", 5)) {
			*o++ = '&';
			i += 4;
		} else {
			*o++ = (char)v[i];
		}
	}
	*o = '\0';
	*out_len = (size_t)(o - d);
	return d;
}

/* XML 1.0 allows DEL and the C1 controls (U+0080..U+009F); libscsec's text
 * rule (util/util.h) does not, in any format. libxml2 has already refused
 * everything else the rule refuses. */
static void check_text(xparse *p, unsigned long line, unsigned long col, const char *s, size_t n,
                       const char *what, const char *name)
{
	unsigned long cp;

	if (scsec__text_check(s, n, &cp) == n)
		return;
	report_at(p, line, col, SCSEC_EENCODING,
	          "the %s '%s' holds the control character U+%04lX, which no libscsec document "
	          "may hold",
	          what, name, cp);
}

static void flush_text(xparse *p)
{
	scsec__xnode *n = p->cur;

	if (!n || p->fatal)
		return;
	if (p->mixed) {
		scsec__xnode *t;

		if (!p->text.len)
			return;
		if (!(t = scsec__arena_alloc(&p->doc->arena, sizeof *t)))
			return oom(p);
		memset(t, 0, sizeof *t);
		t->name = "#text";
		t->text = arena_str(p, (const xmlChar *)p->text.data, p->text.len);
		t->text_len = p->text.len;
		t->line = cur_line(p);
		t->column = cur_col(p);
		t->parent = n;
		if (n->last)
			n->last->next = t;
		else
			n->first = t;
		n->last = t;
		n->chars = 1;
		scsec__buf_reset(&p->text);
		return;
	}
	/* XML white space is layout; other text of blanks only (U+3000,
	 * U+200B, ...) is there but reads as empty, as in every reader. */
	if (p->text.len && !all_space(p->text.data, p->text.len))
		n->nonspace = 1;
	if (p->text.len)
		check_text(p, n->line, n->column, p->text.data, p->text.len, "text of element",
		           n->name);
	if (p->text.len && !scsec__blank(p->text.data, p->text.len)) {
		n->text = arena_str(p, (const xmlChar *)p->text.data, p->text.len);
		n->text_len = p->text.len;
	}
	scsec__buf_reset(&p->text);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
	xparse *p = active;
	scsec__xnode *n;
	int i;

	(void)ctx;
	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (!p || p->stopped)
		return;
	if (++p->depth > p->max_depth) {
		report_here(p, SCSEC_ELIMIT,
		            "elements nested deeper than the limit of %lu (SCSEC_LOAD_MAX_DEPTH)",
		            p->max_depth);
		stop(p);
		return;
	}
	if (++p->elements > p->max_elements) {
		report_here(p, SCSEC_ELIMIT, "more than %lu elements (SCSEC_LOAD_MAX_ITEMS)",
		            p->max_elements);
		stop(p);
		return;
	}
	if (p->depth == 1 && p->root_name &&
	    (!uri || strcmp((const char *)uri, p->root_ns) || strcmp((const char *)localname, p->root_name))) {
		report_here(p, SCSEC_EVERSION,
		            "the root element is '%s' %s%s%s; expected '%s' in namespace '%s'",
		            (const char *)localname, uri ? "in namespace '" : "without a namespace",
		            uri ? (const char *)uri : "", uri ? "'" : "", p->root_name, p->root_ns);
		p->fatal = 1;
		stop(p);
		return;
	}
	if (p->sniff_only) {
		p->doc->root = scsec__arena_alloc(&p->doc->arena, sizeof *n);
		if (!p->doc->root)
			return oom(p);
		memset(p->doc->root, 0, sizeof *n);
		p->doc->root->name = arena_str(p, localname, strlen((const char *)localname));
		p->doc->root->ns = ns_str(p, uri);
		p->doc->root->text = "";
		stop(p);
		return;
	}
	/* The parent's text so far belongs to the parent (mixed content is not
	 * part of the formats; whitespace between elements is dropped later). */
	flush_text(p);
	n = scsec__arena_alloc(&p->doc->arena, sizeof *n);
	if (!n)
		return oom(p);
	memset(n, 0, sizeof *n);
	n->name = arena_str(p, localname, strlen((const char *)localname));
	n->ns = ns_str(p, uri);
	n->text = "";
	n->line = cur_line(p);
	n->column = cur_col(p);
	/* xsi:type and xsi:nil would change what the schema accepts; libscsec
	 * documents do not use them (schema-location hints are read past). */
	for (i = 0; i < nb_attributes; i++) {
		const xmlChar **a = attributes + 5 * i;

		if (a[2] && !strcmp((const char *)a[2], SCSEC__NS_XSI) &&
		    strcmp((const char *)a[0], "schemaLocation") &&
		    strcmp((const char *)a[0], "noNamespaceSchemaLocation")) {
			report_here(p, SCSEC_ESCHEMA, "element '%s': attribute xsi:%s is not allowed",
			            (const char *)localname, (const char *)a[0]);
			p->fatal = 1;
			stop(p);
			return;
		}
	}
	if (nb_attributes > 0) {
		n->attrs = scsec__arena_alloc(&p->doc->arena, (size_t)nb_attributes * sizeof *n->attrs);
		if (!n->attrs)
			return oom(p);
		for (i = 0; i < nb_attributes; i++) {
			const xmlChar **a = attributes + 5 * i;
			size_t len = (size_t)(a[4] - a[3]);

			n->attrs[i].name = arena_str(p, a[0], strlen((const char *)a[0]));
			n->attrs[i].ns = ns_str(p, a[2]);
			n->attrs[i].value = attr_value(p, a[3], len, &n->attrs[i].len);
			if (n->attrs[i].value && n->attrs[i].name)
				check_text(p, n->line, n->column, n->attrs[i].value, n->attrs[i].len,
				           "attribute", n->attrs[i].name);
		}
		n->nattrs = nb_attributes;
	}
	if (p->fatal)
		return;
	n->parent = p->cur;
	if (p->cur) {
		if (p->cur->last)
			p->cur->last->next = n;
		else
			p->cur->first = n;
		p->cur->last = n;
	} else {
		p->doc->root = n;
	}
	p->cur = n;
}

static int all_space(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!xml_space(s[i]))
			return 0;
	return 1;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	xparse *p = active;

	(void)ctx;
	(void)localname;
	(void)prefix;
	(void)uri;
	if (!p || p->stopped || !p->cur)
		return;
	flush_text(p);
	p->cur = p->cur->parent;
	p->depth--;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
	xparse *p = active;

	(void)ctx;
	if (!p || p->stopped || !p->cur || len <= 0)
		return;
	p->cur->chars = 1;
	if (p->text.len + (size_t)len > MAX_TEXT) {
		report_here(p, SCSEC_ELIMIT, "the text of element '%s' is longer than %d bytes",
		            p->cur->name, MAX_TEXT);
		p->fatal = 1;
		stop(p);
		return;
	}
	scsec__buf_put(&p->text, ch, (size_t)len);
	if (scsec__buf_error(&p->text))
		oom(p);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
	xparse *p = active;

	if (p && !p->stopped && p->cur)
		p->cur->cdata = 1;
	on_chars(ctx, ch, len);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
	xparse *p = active;

	(void)ctx;
	(void)external_id;
	(void)system_id;
	if (!p || p->stopped)
		return;
	report_here(p, SCSEC_EUNSAFE,
	            "DOCTYPE declaration <!DOCTYPE %s ...> refused: libscsec documents have no "
	            "DTD, and DTDs are how entity-expansion and external-entity attacks work",
	            name ? (const char *)name : "");
	p->fatal = 1;
	stop(p);
}

static int utf8_name(const xmlChar *enc)
{
	return !xmlStrcasecmp(enc, BAD_CAST "UTF-8") || !xmlStrcasecmp(enc, BAD_CAST "UTF8");
}

static void on_start_document(void *ctx)
{
	xparse *p = active;
	const xmlChar *enc;

	(void)ctx;
	if (!p || p->stopped || !p->ctxt)
		return;
	enc = p->ctxt->encoding ? p->ctxt->encoding
	                        : (p->ctxt->input ? p->ctxt->input->encoding : NULL);
	if (enc && !utf8_name(enc)) {
		report_here(p, SCSEC_EENCODING,
		            "the document declares encoding '%s'; libscsec documents are UTF-8",
		            (const char *)enc);
		p->fatal = 1;
		stop(p);
	}
}

static int code_of_parser_error(const xmlError *err)
{
	switch (err->code) {
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
	case XML_ERR_UNSUPPORTED_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING:
	case XML_ERR_INVALID_CHARREF:
		return SCSEC_EENCODING;
	case XML_ERR_ENTITY_LOOP:
	case XML_ERR_EXT_ENTITY_STANDALONE:
	case XML_ERR_ENTITY_BOUNDARY:
		return SCSEC_EUNSAFE;
	default:
		return SCSEC_EPARSE;
	}
}

/* Trim libxml2's trailing newline. */
static int msg_len(const char *m)
{
	size_t n = m ? strlen(m) : 0;

	while (n && (m[n - 1] == '\n' || m[n - 1] == '\r' || m[n - 1] == ' '))
		n--;
	return (int)(n > 500 ? 500 : n);
}

static void on_parser_error(void *ctx, xmlErrorPtr err)
{
	xparse *p = active;
	const char *msg;
	int schema;

	(void)ctx;
	if (!p || !err || err->level == XML_ERR_WARNING)
		return;
	/* After we stop the parser it reports its own "stopped" noise. */
	if (p->stopped)
		return;
	msg = err->message ? err->message : "error";
	schema = err->domain == XML_FROM_SCHEMASV || err->domain == XML_FROM_SCHEMASP;
	/* Streaming validation reports at the parser's current position, which
	 * is also where the offending element or attribute was just read. */
	{
		char one_line[512];
		int i, n = msg_len(msg);

		/* libxml2 sometimes adds a second line ("Bytes: 0xFF ..."). */
		for (i = 0; i < n && i < (int)sizeof one_line - 1; i++)
			one_line[i] = msg[i] == '\n' ? ' ' : msg[i];
		one_line[i] = '\0';
		report_at(p, err->line > 0 ? (unsigned long)err->line : cur_line(p),
		          !schema && err->int2 > 0 ? (unsigned long)err->int2 : cur_col(p),
		          schema ? SCSEC_ESCHEMA : code_of_parser_error(err), "%s", one_line);
	}
	if (!schema)
		p->fatal = 1;
}

static xmlSAXHandler make_sax(void)
{
	xmlSAXHandler sax;

	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_chars;
	sax.cdataBlock = on_cdata;
	sax.internalSubset = on_doctype;
	sax.startDocument = on_start_document;
	sax.serror = on_parser_error;
	return sax;
}

/* Documents are UTF-8 (an XML declaration may say so); UTF-16 and UTF-32,
 * which libxml2 would detect and convert, are refused up front. */
static const char *other_encoding(const unsigned char *b, long n)
{
	if (n >= 4 && ((!b[0] && !b[1] && b[2] == 0xfe && b[3] == 0xff) ||
	               (b[0] == 0xff && b[1] == 0xfe && !b[2] && !b[3]) ||
	               (!b[0] && !b[1] && !b[2] && b[3] == '<') || (b[0] == '<' && !b[1] && !b[2] && !b[3])))
		return "UTF-32";
	if (n >= 2 && ((b[0] == 0xfe && b[1] == 0xff) || (b[0] == 0xff && b[1] == 0xfe) ||
	               (!b[0] && b[1] == '<') || (b[0] == '<' && !b[1])))
		return "UTF-16";
	return NULL;
}

#define CHUNK 16384

/* The encoding named by the XML declaration at the start of b[0..n), copied
 * into out; 0 when there is no declaration or it names none. Only what the
 * XML grammar allows is read: <?xml, white space, pseudo-attributes. */
static int declared_encoding(const unsigned char *b, long n, char *out, size_t size)
{
	const char *s = (const char *)b, *end, *v;
	size_t len;
	char quote;

	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
		s += 3;
		n -= 3;
	}
	if (n < 6 || memcmp(s, "<?xml", 5) || !xml_space(s[5]))
		return 0;
	end = memchr(s, '>', (size_t)(n < 512 ? n : 512));
	if (!end)
		return 0;
	for (v = s + 5; v + 8 < end; v++) {
		if (!xml_space(v[-1]) || memcmp(v, "encoding", 8))
			continue;
		v += 8;
		while (v < end && xml_space(*v))
			v++;
		if (v >= end || *v++ != '=')
			return 0;
		while (v < end && xml_space(*v))
			v++;
		if (v >= end || (*v != '"' && *v != '\''))
			return 0;
		quote = *v++;
		for (len = 0; v + len < end && v[len] != quote; len++)
			;
		if (v + len >= end)
			return 0;
		if (len >= size)
			len = size - 1;
		memcpy(out, v, len);
		out[len] = '\0';
		/* A value only of the characters an EncName has, so that it can be
		 * quoted in a message. */
		for (size_t i = 0; i < len; i++)
			if (!((out[i] >= 'A' && out[i] <= 'Z') || (out[i] >= 'a' && out[i] <= 'z') ||
			      (out[i] >= '0' && out[i] <= '9') || out[i] == '-' || out[i] == '_' ||
			      out[i] == '.'))
				out[i] = '?';
		return 1;
	}
	return 0;
}

static int run_parse(scsec__xdoc *doc, scsec__source *src, const scsec_load_options *opts,
                     scsec__schema_kind schema_kind, scsec_diagnostics *diags, int sniff,
                     int mixed)
{
	const struct scsec_load_options *o = scsec__load_options(opts);
	xparse p;
	xmlSAXHandler sax = make_sax(), *saxp = &sax;
	void *user;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	xmlSchemaSAXPlugPtr plug = NULL;
	unsigned char *buf = NULL;
	const char *enc;
	char declared[48];
	quiet q;
	long n;

	memset(doc, 0, sizeof *doc);
	doc->rep.name = src->name;
	doc->rep.diags = diags;
	memset(&p, 0, sizeof p);
	p.doc = doc;
	p.max_depth = (unsigned long)o->max_depth;
	p.max_elements = (unsigned long)(o->max_items > 0xffffffffu ? 0xffffffffu : o->max_items);
	p.sniff_only = sniff;
	p.mixed = mixed;
	switch (schema_kind) {
	case SCSEC__SCHEMA_CRITERIA: p.root_ns = SCSEC__NS_CRITERIA; p.root_name = "criteria-set"; break;
	case SCSEC__SCHEMA_EVIDENCE: p.root_ns = SCSEC__NS_EVIDENCE; p.root_name = "evidence"; break;
	case SCSEC__SCHEMA_RESULT: p.root_ns = SCSEC__NS_RESULT; p.root_name = "result"; break;
	case SCSEC__SCHEMA_MAPPING: p.root_ns = SCSEC__NS_MAPPING; p.root_name = "mapping-set"; break;
	case SCSEC__SCHEMA_TRUST: p.root_ns = SCSEC__NS_TRUST; p.root_name = "trust-list"; break;
	case SCSEC__SCHEMA_NONE: break;
	}
	user = &p;
	pthread_once(&libxml_once, libxml_init);
	quiet_begin(&q);

	buf = scsec__malloc(CHUNK);
	if (!buf)
		return scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL, "out of memory");
	n = scsec__source_read(src, buf, CHUNK);
	if (n < 0) {
		/* The source recorded what went wrong; carry it into the list. */
		const scsec_error *e = scsec_error_last();

		scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, (int)n, NULL, "%s",
		                  scsec_error_message(e));
		goto out;
	}
	if (n == 0) {
		scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		                  "the document is empty");
		goto out;
	}
	if ((enc = other_encoding(buf, n))) {
		scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING, NULL,
		                  "the document is %s; libscsec documents are UTF-8", enc);
		goto out;
	}
	/* Refused before libxml2 tries to switch to it (an EBCDIC declaration
	 * would give "Blank needed here", a conversion error, or worse). */
	if (declared_encoding(buf, n, declared, sizeof declared) &&
	    strcasecmp(declared, "UTF-8") && strcasecmp(declared, "UTF8")) {
		scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING, NULL,
		                  "the document declares encoding '%s'; libscsec documents are UTF-8 "
		                  "(convert it, for example with iconv -f '%s' -t UTF-8, and change its "
		                  "declaration)",
		                  declared, declared);
		goto out;
	}
	if (schema_kind != SCSEC__SCHEMA_NONE && !sniff &&
	    (o->schema_validation == SCSEC_SCHEMA_ALWAYS ||
	     (o->schema_validation == SCSEC_SCHEMA_AUTO && schema_kind != SCSEC__SCHEMA_EVIDENCE))) {
		doc->validated = 1;
		xmlSchemaPtr schema = scsec__schema(schema_kind);

		if (!schema) {
			scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_ERROR, NULL, "%s",
			                  scsec_error_message(scsec_error_last()));
			goto out;
		}
		vctxt = xmlSchemaNewValidCtxt(schema);
		if (vctxt) {
			xmlSchemaSetValidStructuredErrors(vctxt, on_parser_error, &p);
			plug = xmlSchemaSAXPlug(vctxt, &saxp, &user);
		}
		if (!plug) {
			scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
			                  "out of memory (schema validation)");
			goto out;
		}
	}

	active = &p;
	p.ctxt = xmlCreatePushParserCtxt(saxp, user, NULL, 0, doc->rep.name);
	if (!p.ctxt) {
		active = NULL;
		scsec__xml_report(doc, NULL, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
		                  "out of memory (XML parser)");
		goto out;
	}
	/* No network, no DTD loading, no entity substitution (the defaults of
	 * a push parser, spelt out), no implied XInclude; huge-document limits
	 * stay on. */
	xmlCtxtUseOptions(p.ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	/* The schema plug does not forward structured parser errors. */
	p.ctxt->sax->serror = on_parser_error;
	p.ctxt->replaceEntities = 0;
	p.ctxt->loadsubset = 0;
	p.ctxt->validate = 0;
	for (;;) {
		xmlParseChunk(p.ctxt, (const char *)buf, (int)n, 0);
		if (p.stopped || p.fatal) {
			xmlStopParser(p.ctxt);
			break;
		}
		n = scsec__source_read(src, buf, CHUNK);
		if (n < 0) {
			report_here(&p, (int)n, "%s", scsec_error_message(scsec_error_last()));
			break;
		}
		if (n == 0) {
			xmlParseChunk(p.ctxt, NULL, 0, 1);
			break;
		}
	}
	if (!p.stopped && !p.fatal && !p.ctxt->wellFormed && !doc->rep.first_error)
		report_here(&p, SCSEC_EPARSE, "the document is not well-formed XML");
	if (sniff && !doc->root && !doc->rep.first_error)
		report_here(&p, SCSEC_EPARSE, "no root element");
	active = NULL;
	/* Entity declarations met before a refused DOCTYPE is noticed make
	 * libxml2 build a compatibility document to hold them. */
	if (p.ctxt->myDoc)
		xmlFreeDoc(p.ctxt->myDoc);
	p.ctxt->myDoc = NULL;
	xmlFreeParserCtxt(p.ctxt);
out:
	if (plug)
		xmlSchemaSAXUnplug(plug);
	if (vctxt)
		xmlSchemaFreeValidCtxt(vctxt);
	quiet_end(&q);
	scsec__free(buf);
	scsec__buf_dispose(&p.text);
	if (doc->rep.oom) {
		doc->root = NULL;
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	if (sniff && doc->root && !doc->rep.first_error)
		return 0;
	if (doc->rep.first_error || p.fatal) {
		doc->root = NULL;
		return doc->rep.first_error ? scsec__report_result(&doc->rep) : SCSEC_EPARSE;
	}
	return 0;
}

int scsec__xml_parse(scsec__xdoc *doc, scsec__source *src, const scsec_load_options *opts,
                     scsec__schema_kind schema, scsec_diagnostics *diags)
{
	return run_parse(doc, src, opts, schema, diags, 0, 0);
}

int scsec__xml_parse_mixed(scsec__xdoc *doc, scsec__source *src, const scsec_load_options *opts,
                          scsec_diagnostics *diags)
{
	return run_parse(doc, src, opts, SCSEC__SCHEMA_NONE, diags, 0, 1);
}

int scsec__xml_sniff(scsec__schema_kind *kind, scsec__source *src, const scsec_load_options *opts)
{
	scsec__xdoc doc;
	int rc = run_parse(&doc, src, opts, SCSEC__SCHEMA_NONE, NULL, 1, 0);

	*kind = SCSEC__SCHEMA_NONE;
	if (rc == 0 && doc.root && doc.root->ns) {
		if (scsec__xnode_is(doc.root, SCSEC__NS_CRITERIA, "criteria-set"))
			*kind = SCSEC__SCHEMA_CRITERIA;
		else if (scsec__xnode_is(doc.root, SCSEC__NS_EVIDENCE, "evidence"))
			*kind = SCSEC__SCHEMA_EVIDENCE;
		else if (scsec__xnode_is(doc.root, SCSEC__NS_RESULT, "result"))
			*kind = SCSEC__SCHEMA_RESULT;
		else if (scsec__xnode_is(doc.root, SCSEC__NS_MAPPING, "mapping-set"))
			*kind = SCSEC__SCHEMA_MAPPING;
		else if (scsec__xnode_is(doc.root, SCSEC__NS_TRUST, "trust-list"))
			*kind = SCSEC__SCHEMA_TRUST;
	}
	scsec__xdoc_dispose(&doc);
	return rc;
}

int scsec__xml_validate_only(scsec__source *src, const scsec_load_options *opts,
                             scsec__schema_kind schema, scsec_diagnostics *diags)
{
	scsec__xdoc doc;
	int rc = run_parse(&doc, src, opts, schema, diags, 0, 0);

	scsec__xdoc_dispose(&doc);
	return rc;
}

/* ------------------------------------------------------------- attributes */

/* Typed values (tokens, numbers, dates, ids) lose surrounding XML
 * whitespace, as the schema's xs:token does. The value lives in the
 * document's arena, so it is trimmed in place. */
static const char *trim_value(const scsec__xnode *n, const char *name, size_t *len_out)
{
	int i;

	for (i = 0; i < n->nattrs; i++) {
		scsec__xattr *a = &n->attrs[i];
		char *v;
		size_t len;

		if (a->ns || strcmp(a->name, name))
			continue;
		v = (char *)a->value;
		len = a->len;
		while (len && xml_space(v[len - 1]))
			v[--len] = '\0';
		while (xml_space(*v)) {
			v++;
			len--;
		}
		a->value = v;
		a->len = len;
		if (len_out)
			*len_out = len;
		return v;
	}
	return NULL;
}

const char *scsec__xattr_token(const scsec__xnode *n, const char *name)
{
	return trim_value(n, name, NULL);
}

int scsec__xa_str(scsec__xdoc *d, const scsec__xnode *n, const char *name, int required,
                  const char **out)
{
	const char *v = scsec__xattr_get(n, name);

	*out = v;
	if (!v && required)
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                         "element '%s': attribute '%s' is missing", n->name, name);
	return 0;
}

int scsec__xa_id(scsec__xdoc *d, const scsec__xnode *n, const char *name, const char **out)
{
	int rc;

	trim_value(n, name, NULL);
	rc = scsec__xa_str(d, n, name, 1, out);

	if (rc)
		return rc;
	if (!scsec__id_ok(*out))
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                         "element '%s': attribute '%s' = '%.64s' is not an id (1 to 64 "
		                         "letters, digits, '-', '_', '.', ':', starting with a letter or "
		                         "digit)",
		                         n->name, name, *out);
	return 0;
}

int scsec__xa_long(scsec__xdoc *d, const scsec__xnode *n, const char *name, int required, long min,
                   long max, long *out)
{
	const char *v;
	char *end;
	long x;
	int rc;

	/* No trimming here: libxml2's validator refuses whitespace around an
	 * xs:int, and the two ways of checking must agree. */
	rc = scsec__xa_str(d, n, name, required, &v);

	if (rc || !v)
		return rc;
	errno = 0;
	x = strtol(v, &end, 10);
	if (!*v || *end || errno || x < min || x > max ||
	    !(*v == '-' || *v == '+' || (*v >= '0' && *v <= '9')))
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                         "element '%s': attribute '%s' = '%.32s' is not an integer in "
		                         "%ld..%ld",
		                         n->name, name, v, min, max);
	*out = x;
	return 0;
}

int scsec__xa_bool(scsec__xdoc *d, const scsec__xnode *n, const char *name, int *out)
{
	const char *v = trim_value(n, name, NULL);

	if (!v)
		return 0;
	if (!strcmp(v, "true") || !strcmp(v, "1"))
		*out = 1;
	else if (!strcmp(v, "false") || !strcmp(v, "0"))
		*out = 0;
	else
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                         "element '%s': attribute '%s' = '%.32s' is not true or false",
		                         n->name, name, v);
	return 0;
}

int scsec__xa_date(scsec__xdoc *d, const scsec__xnode *n, const char *name, int required,
                   scsec_date *out)
{
	const char *v;
	size_t len = 0;
	int rc;

	trim_value(n, name, &len);
	rc = scsec__xa_str(d, n, name, required, &v);
	if (rc || !v)
		return rc;
	if (scsec__date_parse_n(out, v, len))
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL,
		                         "element '%s': attribute '%s': %s", n->name, name,
		                         scsec_error_message(scsec_error_last()));
	return 0;
}

int scsec__xn_date(scsec__xdoc *d, const scsec__xnode *n, scsec_date *out)
{
	const char *t = n->text;
	size_t len = n->text_len;

	while (len && xml_space(*t)) {
		t++;
		len--;
	}
	while (len && xml_space(t[len - 1]))
		len--;
	if (scsec__date_parse_n(out, t, len))
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "element '%s': %s",
		                         n->name, scsec_error_message(scsec_error_last()));
	return 0;
}

int scsec__xn_lang(scsec__xdoc *d, const scsec__xnode *n, const char **out)
{
	const char *v = scsec__xml_lang(n);
	size_t i;

	*out = v;
	if (!v || !*v)
		return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                         "element '%s': attribute 'xml:lang' is missing", n->name);
	for (i = 0; v[i]; i++) {
		char c = v[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-') || i >= 35)
			return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                         "element '%s': xml:lang = '%.40s' is not a language tag",
			                         n->name, v);
	}
	return 0;
}

/* ------------------------------------------------------------- structure */

static int in_list(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

/* The end of the slot that starts at entry i: the entry and the
 * alternatives after it. */
static size_t slot_end(const scsec__xspec_child *c, size_t i)
{
	size_t e = i + 1;

	while (c[e].spec && c[e].alt)
		e++;
	return e;
}

/* The entry of the slot at i that element k is, or NULL. */
static const scsec__xspec_child *slot_member(const scsec__xspec_child *c, size_t i,
                                             const scsec__xnode *k, const char *ns)
{
	size_t j, e = slot_end(c, i);

	for (j = i; j < e; j++)
		if (k->ns && !strcmp(k->ns, ns) && !strcmp(k->name, c[j].spec->name))
			return &c[j];
	return NULL;
}

/* Report what the slot at i lacks: its chosen entry's minimum, or, when
 * nothing was chosen and the slot is required, the slot itself. `before`
 * is the element that came instead, or NULL at the end. */
static size_t slot_close(scsec__xdoc *d, const scsec__xnode *n, const scsec__xspec_child *c,
                         size_t i, const scsec__xspec_child *chosen, unsigned seen,
                         const scsec__xnode *before)
{
	scsec__buf names = SCSEC__BUF_INIT;
	size_t j, e = slot_end(c, i);
	int required = 1;

	if (chosen ? seen >= chosen->min : 0)
		return 0;
	if (!chosen) {
		for (j = i; j < e; j++)
			required &= c[j].min > 0;
		if (!required)
			return 0;
	}
	for (j = chosen ? (size_t)(chosen - c) : i; j < (chosen ? (size_t)(chosen - c) + 1 : e); j++)
		scsec__buf_printf(&names, "%s'%s'", j == i || chosen ? "" : " or ", c[j].spec->name);
	if (before)
		scsec__xml_report(d, before, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                  "element '%s': %s is missing before '%s'", n->name,
		                  names.data ? names.data : "?", before->name);
	else
		scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                  "element '%s': %s is missing", n->name, names.data ? names.data : "?");
	scsec__buf_dispose(&names);
	return 1;
}

size_t scsec__xml_check_structure(scsec__xdoc *d, const scsec__xnode *n, const scsec__xspec *spec,
                                  const char *ns)
{
	const scsec__xspec_child *c = spec->children, *chosen = NULL, *m = NULL;
	const scsec__xnode *k;
	size_t problems = 0, at = 0;
	unsigned seen = 0;
	int i;

	for (i = 0; i < n->nattrs; i++) {
		const scsec__xattr *a = &n->attrs[i];

		/* The schema lets text in a language carry any xml:* attribute
		 * (processContents="lax"), and a validator takes schema-location
		 * hints on any element; both are read past. */
		if (a->ns && spec->lang && !strcmp(a->ns, SCSEC__NS_XML))
			continue;
		if (a->ns && !strcmp(a->ns, SCSEC__NS_XSI) &&
		    (!strcmp(a->name, "schemaLocation") || !strcmp(a->name, "noNamespaceSchemaLocation")))
			continue;
		if (a->ns || !in_list(spec->attrs, a->name)) {
			scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element '%s': attribute '%s%s%s' is not allowed", n->name,
			                  a->ns ? a->ns : "", a->ns ? ":" : "", a->name);
			problems++;
		}
	}
	/* As an XML Schema validator sees it: an element of empty content takes
	 * no character data at all, whitespace included; element-only content
	 * takes whitespace between its elements, but neither text nor CDATA. */
	if (!spec->text && (n->nonspace || n->cdata || (!spec->children && n->chars))) {
		scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                  spec->children ? "element '%s' holds text; only elements are allowed in it"
		                                 : "element '%s' must be empty",
		                  n->name);
		problems++;
	}
	for (k = n->first; k; k = k->next) {
		size_t j;

		/* The slot, at or after the current one, that k belongs to. */
		for (j = at; c && c[j].spec; j = slot_end(c, j))
			if ((m = slot_member(c, j, k, ns)))
				break;
		if (!c || !c[j].spec) {
			scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element '%s' is not expected %s '%s'", k->name,
			                  c && at && c[at].spec ? "here in" : "in", n->name);
			problems++;
			continue;
		}
		if (j != at) {
			problems += slot_close(d, n, c, at, chosen, seen, k);
			for (at = slot_end(c, at); at < j; at = slot_end(c, at))
				problems += slot_close(d, n, c, at, NULL, 0, k);
			chosen = NULL;
			seen = 0;
		}
		if (chosen && chosen != m) {
			scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element '%s': '%s' and '%s' are alternatives: give one of them",
			                  n->name, chosen->spec->name, k->name);
			problems++;
		} else {
			chosen = m;
			if (m->max && ++seen > m->max) {
				scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  "element '%s': more than %u '%s'", n->name, m->max, k->name);
				problems++;
			} else if (!m->max) {
				seen++; /* unbounded: counted for the minimum only */
			}
		}
		problems += scsec__xml_check_structure(d, k, m->spec, ns);
	}
	for (; c && c[at].spec; at = slot_end(c, at), chosen = NULL, seen = 0)
		problems += slot_close(d, n, c, at, chosen, seen, NULL);
	return problems;
}
