/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the canonical XML writer's few primitives.
 *
 * libscsec writes its documents itself rather than through xmlTextWriter:
 * a fingerprint is the SHA-256 of these bytes, so they must not change
 * with the libxml2 version a system happens to have. Strings reaching here
 * were checked on the way in (scsec__text_ok), so escaping is all that is
 * left to do. */
#ifndef SCSEC_LIB_UTIL_XMLWRITE_H
#define SCSEC_LIB_UTIL_XMLWRITE_H

#include "util/alloc.h"

/* The namespaces of libscsec's documents, and of XML itself. */
#define SCSEC__NS_CRITERIA "urn:scsec:criteria:1"
#define SCSEC__NS_EVIDENCE "urn:scsec:evidence:1"
#define SCSEC__NS_RESULT "urn:scsec:result:1"
#define SCSEC__NS_MAPPING "urn:scsec:mapping:1"
#define SCSEC__NS_TRUST "urn:scsec:trust:1"
#define SCSEC__NS_XML "http://www.w3.org/XML/1998/namespace"
#define SCSEC__NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

#define SCSEC__XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Two spaces per level. */
void scsec__xw_indent(scsec__buf *b, int depth);
/* Character data: & < > and CR escaped. */
void scsec__xw_text(scsec__buf *b, const char *s);
/* ` name="value"` with & < > " TAB LF CR escaped; nothing when value is NULL. */
void scsec__xw_attr(scsec__buf *b, const char *name, const char *value);
/* <name attrs...>text</name> on its own line; nothing when text is NULL. */
void scsec__xw_elem(scsec__buf *b, int depth, const char *name, const char *lang, const char *text);

#endif
