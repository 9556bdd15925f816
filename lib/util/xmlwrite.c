/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <string.h>

#include "util/xmlwrite.h"

void scsec__xw_indent(scsec__buf *b, int depth)
{
	static const char spaces[] = "                                                                ";

	while (depth > 0) {
		int n = depth > 32 ? 32 : depth;

		scsec__buf_put(b, spaces, (size_t)n * 2);
		depth -= n;
	}
}

static void escape(scsec__buf *b, const char *s, int attr)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		default: rep = NULL; break;
		}
		if (rep) {
			scsec__buf_put(b, run, (size_t)(s - run));
			scsec__buf_puts(b, rep);
			run = s + 1;
		}
	}
	scsec__buf_put(b, run, (size_t)(s - run));
}

void scsec__xw_text(scsec__buf *b, const char *s)
{
	escape(b, s, 0);
}

void scsec__xw_attr(scsec__buf *b, const char *name, const char *value)
{
	if (!value)
		return;
	scsec__buf_putc(b, ' ');
	scsec__buf_puts(b, name);
	scsec__buf_puts(b, "=\"");
	escape(b, value, 1);
	scsec__buf_putc(b, '"');
}

void scsec__xw_elem(scsec__buf *b, int depth, const char *name, const char *lang, const char *text)
{
	if (!text)
		return;
	scsec__xw_indent(b, depth);
	scsec__buf_putc(b, '<');
	scsec__buf_puts(b, name);
	scsec__xw_attr(b, "xml:lang", lang);
	scsec__buf_putc(b, '>');
	escape(b, text, 0);
	scsec__buf_puts(b, "</");
	scsec__buf_puts(b, name);
	scsec__buf_puts(b, ">\n");
}
