/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the one safe way libscsec reads XML.
 *
 * libxml2's SAX2 push parser feeds a small element tree kept in an arena,
 * every element with its line and column. The parser never loads a DTD,
 * never expands entities, never touches the network; a DOCTYPE stops the
 * parse (SCSEC_EUNSAFE), and so do the depth and element-count limits.
 * When asked, the document is validated against one of libscsec's XML
 * Schemas (compiled from copies embedded in the library) in the same pass.
 * No libxml2 type leaves this file, so models and evaluation never see it. */
#ifndef SCSEC_LIB_IO_XML_H
#define SCSEC_LIB_IO_XML_H

#include <stdarg.h>
#include <stddef.h>

#include "io/source.h"
#include "util/error.h"
#include "util/xmlwrite.h" /* the namespaces */

typedef enum scsec__schema_kind {
	SCSEC__SCHEMA_NONE = 0,
	SCSEC__SCHEMA_CRITERIA,
	SCSEC__SCHEMA_EVIDENCE,
	SCSEC__SCHEMA_RESULT,
	SCSEC__SCHEMA_MAPPING,
	SCSEC__SCHEMA_TRUST
} scsec__schema_kind;

typedef struct scsec__xattr {
	const char *name;  /* local name */
	const char *ns;    /* namespace URI, NULL for none */
	const char *value;
	size_t len;
} scsec__xattr;

typedef struct scsec__xnode scsec__xnode;
struct scsec__xnode {
	const char *name;   /* local name */
	const char *ns;     /* namespace URI, NULL for none */
	scsec__xattr *attrs;
	int nattrs;
	const char *text;   /* character content ("" when none) */
	size_t text_len;
	unsigned char chars; /* had character data, whitespace included */
	unsigned char cdata; /* had a CDATA section, even an empty one */
	unsigned char nonspace; /* had character data other than XML white space (text
	                         * of blanks only reads as empty but is still there
	                         * for the structure rules) */
	unsigned long line;
	unsigned long column;
	scsec__xnode *parent;
	scsec__xnode *first;
	scsec__xnode *last;
	scsec__xnode *next;
};

typedef struct scsec__xdoc {
	scsec__arena arena;
	scsec__xnode *root;
	scsec__reporter rep;   /* the document's name, diagnostics, first error */
	int validated;         /* libxml2's schema validator ran over it */
} scsec__xdoc;

/* Parse the source into doc, validating against `schema` when it is not
 * SCSEC__SCHEMA_NONE and the options ask for it. Every problem goes to
 * diags (may be NULL); the first one is also the thread's last error and
 * its code is returned. On failure doc->root is NULL. Dispose doc in any
 * case. */
int scsec__xml_parse(scsec__xdoc *doc, scsec__source *src, const scsec_load_options *opts,
                     scsec__schema_kind schema, scsec_diagnostics *diags);

/* The same without a schema, for documents with mixed content (OSCAL's
 * prose): every run of character data, white space included, becomes a
 * child node named "#text" (no namespace, text and text_len set) in
 * document order, and elements keep no text of their own. */
int scsec__xml_parse_mixed(scsec__xdoc *doc, scsec__source *src, const scsec_load_options *opts,
                           scsec_diagnostics *diags);

/* Which of libscsec's documents the source holds, from its root element
 * (reads no further than the root start tag). */
int scsec__xml_sniff(scsec__schema_kind *kind, scsec__source *src, const scsec_load_options *opts);

void scsec__xdoc_dispose(scsec__xdoc *doc);

/* For the io files that call libxml2 themselves (io/signature.c): libxml2
 * initialised once, and its per-thread error handlers swapped for silent
 * ones between scsec__xml_hush() and scsec__xml_unhush() (the library
 * never prints). The state is opaque here. */
typedef struct scsec__xml_quiet {
	void *slot[4];
} scsec__xml_quiet;
void scsec__xml_init(void);
void scsec__xml_hush(scsec__xml_quiet *q);
void scsec__xml_unhush(const scsec__xml_quiet *q);

/* Report a problem at a node (or the document when node is NULL): appended
 * to the diagnostics, and recorded as the last error when it is the first
 * error. Returns code. */
int scsec__xml_report(scsec__xdoc *doc, const scsec__xnode *node, scsec_severity sev, int code,
                      const char *id, const char *fmt, ...) SCSEC__PRINTF(6, 7);

/* The value of token-typed attribute `name`, surrounding whitespace
 * removed (as xs:token does), or NULL. */
const char *scsec__xattr_token(const scsec__xnode *n, const char *name);
/* The value of attribute `name` (no namespace), or NULL. */
const char *scsec__xattr_get(const scsec__xnode *n, const char *name);
/* The xml:lang attribute, or NULL. */
const char *scsec__xml_lang(const scsec__xnode *n);
/* Non-zero when node n is element `name` of namespace ns. */
int scsec__xnode_is(const scsec__xnode *n, const char *ns, const char *name);

/* The compiled schema of a kind (compiled once, shared); NULL on failure.
 * Returned as void * to keep libxml2 types in xml.c. */
void *scsec__schema(scsec__schema_kind kind);

/* Validate a whole document held in memory against a schema only (result
 * documents, which libscsec writes but does not load). */
int scsec__xml_validate_only(scsec__source *src, const scsec_load_options *opts,
                             scsec__schema_kind schema, scsec_diagnostics *diags);

/* ---- reading attributes and children, reporting at the node ----
 * Each returns 0 when the value is fine (or absent and optional) and the
 * reported code otherwise. */
int scsec__xa_str(scsec__xdoc *d, const scsec__xnode *n, const char *name, int required,
                  const char **out);
int scsec__xa_id(scsec__xdoc *d, const scsec__xnode *n, const char *name, const char **out);
int scsec__xa_long(scsec__xdoc *d, const scsec__xnode *n, const char *name, int required, long min,
                   long max, long *out);
int scsec__xa_bool(scsec__xdoc *d, const scsec__xnode *n, const char *name, int *out);
int scsec__xa_date(scsec__xdoc *d, const scsec__xnode *n, const char *name, int required,
                   scsec_date *out);
/* xml:lang, required. */
int scsec__xn_lang(scsec__xdoc *d, const scsec__xnode *n, const char **out);
/* A date held as element text. */
int scsec__xn_date(scsec__xdoc *d, const scsec__xnode *n, scsec_date *out);

/* ---- structure rules: the schema's structure, in code, once ----
 *
 * The XSDs (data/schema) are the published format. Without libxml2's
 * validator (which costs more than parsing) the loaders apply the
 * structure part of a schema from a table of these rules: each element's
 * allowed attributes, its children in order with their counts (and
 * xs:choice groups), and whether it holds text. The value part (required
 * attributes, ids, numbers, dates, tokens, digests) is checked where the
 * values are read, in both modes. Structure is a stage of its own: a
 * document that breaks a rule is refused before it is read, so the readers
 * assume the structure and repeat none of it. The differential fuzz
 * harnesses (tests/fuzz/fuzz_*_xml.c) load every input with the validator
 * and with these rules and fail when the two disagree. */
typedef struct scsec__xspec scsec__xspec;

typedef struct scsec__xspec_child {
	const scsec__xspec *spec;
	unsigned min;
	unsigned max;          /* 0: unbounded */
	int alt;               /* an alternative to the entry before (xs:choice): of the
	                        * entries of one choice exactly one appears */
} scsec__xspec_child;

struct scsec__xspec {
	const char *name;
	const char *const *attrs;          /* allowed attributes (no namespace), NULL-ended;
	                                    * required ones are checked by the readers */
	int text;                          /* may hold character data */
	int lang;                          /* may carry xml:lang */
	const scsec__xspec_child *children; /* in order; ends with a NULL spec */
};

/* Check n and its subtree against spec (elements in namespace ns); every
 * problem is reported. Returns the number of problems: a loader refuses
 * the document when it is not 0. */
size_t scsec__xml_check_structure(scsec__xdoc *d, const scsec__xnode *n, const scsec__xspec *spec,
                                  const char *ns);

#endif
