/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: growing buffers, the one rule for showing text that came from an
 * input, display widths, and JSON built with jansson.
 *
 * Text from a document, a file name or an argument may hold anything: a
 * line break that starts a fake "Level:" line in the summary, an escape
 * sequence that rewrites the terminal, a right-to-left override that
 * reorders what a reader sees, bytes that are not UTF-8. cli_buf_text()
 * shows such text with visible escapes (scsec(1), TEXT FROM INPUTS); every
 * output a person or a parser reads goes through it, or, for JSON, through
 * jansson's escapes plus cli_json_dump()'s. This file depends on nothing
 * else of the tool. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scsec.h"

/* ------------------------------------------------------------ buffers */

static int buf_reserve(cli_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (n > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	if (b->len + n + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap = cap > SIZE_MAX / 2 ? b->len + n + 1 : cap * 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void cli_buf_put(cli_buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
	cli_buf_put(b, s ? s : "", s ? strlen(s) : 0);
}

void cli_buf_putc(cli_buf *b, char c)
{
	cli_buf_put(b, &c, 1);
}

void cli_buf_vprintf(cli_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || buf_reserve(b, (size_t)n)) {
		b->failed = 1;
		return;
	}
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void cli_buf_free(cli_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

const char *cli_buf_str(const cli_buf *b)
{
	return b->data && !b->failed ? b->data : "";
}

/* ------------------------------------------------------------ text from inputs */

/* Decode one UTF-8 character strictly (no overlong forms, no surrogates,
 * nothing above U+10FFFF). Returns its length, or 0 when p does not start a
 * valid character. */
static size_t utf8_decode(const unsigned char *p, unsigned long *cp)
{
	unsigned long c;
	size_t n, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int cli_unsafe_char(unsigned long cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || /* C0, DEL, C1 */
	       cp == 0x2028 || cp == 0x2029 ||                           /* line, paragraph separator */
	       cp == 0x061c || cp == 0x200e || cp == 0x200f ||           /* bidirectional marks, */
	       (cp >= 0x202a && cp <= 0x202e) ||                         /* embeddings, overrides */
	       (cp >= 0x2066 && cp <= 0x2069);                           /* and isolates */
}

/* Append s: with every unsafe character escaped when `all`, else only the
 * bytes that are not UTF-8. */
static void put_text(cli_buf *b, const char *s, int all)
{
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *run = p;
	unsigned long cp;
	size_t n;

	while (*p) {
		n = utf8_decode(p, &cp);
		if (n && !(all && cli_unsafe_char(cp))) {
			p += n;
			continue;
		}
		cli_buf_put(b, (const char *)run, (size_t)(p - run));
		if (!n)
			cli_buf_printf(b, "\\x%02x", *p++);
		else {
			if (cp == '\n')
				cli_buf_puts(b, "\\n");
			else if (cp == '\r')
				cli_buf_puts(b, "\\r");
			else if (cp == '\t')
				cli_buf_puts(b, "\\t");
			else if (cp < 0x80)
				cli_buf_printf(b, "\\x%02lx", cp);
			else
				cli_buf_printf(b, "\\u%04lx", cp);
			p += n;
		}
		run = p;
	}
	cli_buf_put(b, (const char *)run, (size_t)(p - run));
}

void cli_buf_text(cli_buf *b, const char *s)
{
	put_text(b, s, 1);
}

void cli_buf_utf8(cli_buf *b, const char *s)
{
	put_text(b, s, 0);
}

char *cli_text_dup(const char *s)
{
	cli_buf b = CLI_BUF_INIT;

	cli_buf_text(&b, s);
	if (b.failed) {
		cli_buf_free(&b);
		return NULL;
	}
	return b.data ? b.data : strdup("");
}

/* Append s padded with spaces to `width` display columns (before it when
 * !left). */
static void put_padded(cli_buf *b, const char *s, int width, int left)
{
	size_t w = cli_text_width(s), i;

	for (i = w; !left && width > 0 && i < (size_t)width; i++)
		cli_buf_putc(b, ' ');
	cli_buf_puts(b, s);
	for (i = w; left && width > 0 && i < (size_t)width; i++)
		cli_buf_putc(b, ' ');
}

/* One conversion of a cli_buf_vtextf() format. */
enum { ARG_NONE, ARG_INT, ARG_LONG, ARG_LLONG, ARG_PTRDIFF, ARG_UINT, ARG_ULONG, ARG_ULLONG,
       ARG_SIZE, ARG_STR };
#define TEXTF_ARGS 16

typedef struct conv {
	const char *end;   /* just after the conversion */
	int left, width;   /* width -1: none; -2: from the argument star */
	int star, value;   /* argument index of the width ('*') and of the value */
	char kind;         /* s c d i u % */
	int type;          /* ARG_* of the value */
} conv;

typedef union arg {
	long long i;
	unsigned long long u;
	const char *s;
} arg;

/* Parse the conversion after the '%' at p; *next is the next sequential
 * argument. Returns 0, or -1 for a conversion the tool's texts do not use
 * (or a positional one out of range). */
static int parse_conv(conv *cv, const char *p, int *next)
{
	int lng = 0, size = 0, pos = 0;
	const char *q = p;

	memset(cv, 0, sizeof *cv);
	cv->width = -1;
	cv->star = cv->value = -1;
	/* "%N$": the N-th argument (1-based), as POSIX printf has it, so that a
	 * translation can put the arguments in another order. */
	for (; *q >= '0' && *q <= '9'; q++)
		pos = pos * 10 + (*q - '0');
	if (*q == '$' && pos >= 1 && pos <= TEXTF_ARGS)
		p = q + 1;
	else if (*q == '$')
		return -1;
	else
		pos = 0;
	for (; *p == '-'; p++)
		cv->left = 1;
	if (*p == '*') {
		if (pos)
			return -1;
		cv->star = (*next)++;
		cv->width = -2;
		p++;
	} else if (*p >= '0' && *p <= '9') {
		for (cv->width = 0; *p >= '0' && *p <= '9'; p++)
			cv->width = cv->width * 10 + (*p - '0');
	}
	for (; *p == 'l'; p++)
		lng++;
	if (*p == 'z') {
		size = 1;
		p++;
	}
	cv->kind = *p;
	switch (*p) {
	case '%': cv->end = p + 1; return pos ? -1 : 0;
	case 's': cv->type = ARG_STR; break;
	case 'c': cv->type = ARG_INT; break;
	case 'd':
	case 'i': cv->type = size ? ARG_PTRDIFF : lng > 1 ? ARG_LLONG : lng ? ARG_LONG : ARG_INT; break;
	case 'u': cv->type = size ? ARG_SIZE : lng > 1 ? ARG_ULLONG : lng ? ARG_ULONG : ARG_UINT; break;
	default: return -1;
	}
	cv->value = pos ? pos - 1 : (*next)++;
	cv->end = p + 1;
	return cv->value < TEXTF_ARGS && cv->star < TEXTF_ARGS ? 0 : -1;
}

/* Fetch the arguments in their order, by the types the format gives them.
 * Returns the number of arguments, or -1 for a format with a gap, a
 * conflicting type, or a conversion not supported. */
static int fetch_args(arg *args, const char *fmt, va_list ap)
{
	int types[TEXTF_ARGS] = { 0 }, next = 0, n = 0, i;
	const char *p = fmt;
	conv cv;

	while ((p = strchr(p, '%'))) {
		if (parse_conv(&cv, p + 1, &next))
			return -1;
		if (cv.star >= 0) {
			if (types[cv.star] && types[cv.star] != ARG_INT)
				return -1;
			types[cv.star] = ARG_INT;
			n = cv.star + 1 > n ? cv.star + 1 : n;
		}
		if (cv.value >= 0) {
			if (types[cv.value] && types[cv.value] != cv.type)
				return -1;
			types[cv.value] = cv.type;
			n = cv.value + 1 > n ? cv.value + 1 : n;
		}
		p = cv.end;
	}
	for (i = 0; i < n; i++) {
		switch (types[i]) {
		case ARG_INT: args[i].i = va_arg(ap, int); break;
		case ARG_LONG: args[i].i = va_arg(ap, long); break;
		case ARG_LLONG: args[i].i = va_arg(ap, long long); break;
		case ARG_PTRDIFF: args[i].i = va_arg(ap, ptrdiff_t); break;
		case ARG_UINT: args[i].u = va_arg(ap, unsigned int); break;
		case ARG_ULONG: args[i].u = va_arg(ap, unsigned long); break;
		case ARG_ULLONG: args[i].u = va_arg(ap, unsigned long long); break;
		case ARG_SIZE: args[i].u = va_arg(ap, size_t); break;
		case ARG_STR: args[i].s = va_arg(ap, const char *); break;
		default: return -1; /* an argument no conversion names */
		}
	}
	return n;
}

/* cli_buf_vtextf() without the format attribute, for the catalogue's texts. */
static void vtextf(cli_buf *b, const char *fmt, va_list ap)
{
	arg args[TEXTF_ARGS];
	const char *p = fmt, *pct;
	int next = 0;
	conv cv;

	if (fetch_args(args, fmt, ap) < 0) {
		/* Not a format the tool's texts use: a bug, made visible. */
		cli_buf_puts(b, "%?");
		b->failed = 1;
		return;
	}
	while ((pct = strchr(p, '%'))) {
		char num[64];
		int width;

		cli_buf_put(b, p, (size_t)(pct - p));
		parse_conv(&cv, pct + 1, &next);
		p = cv.end;
		width = cv.star >= 0 ? (int)args[cv.star].i : cv.width;
		if (width < 0 && cv.star >= 0) {
			cv.left = 1;
			width = -width;
		}
		switch (cv.kind) {
		case '%':
			cli_buf_putc(b, '%');
			break;
		case 's': {
			cli_buf shown = CLI_BUF_INIT;

			cli_buf_text(&shown, args[cv.value].s);
			if (shown.failed)
				b->failed = 1;
			put_padded(b, cli_buf_str(&shown), width, cv.left);
			cli_buf_free(&shown);
			break;
		}
		case 'c':
			num[0] = (char)args[cv.value].i;
			num[1] = '\0';
			put_padded(b, num, width, cv.left);
			break;
		case 'd':
		case 'i':
			snprintf(num, sizeof num, "%lld", args[cv.value].i);
			put_padded(b, num, width, cv.left);
			break;
		default: /* 'u' */
			snprintf(num, sizeof num, "%llu", args[cv.value].u);
			put_padded(b, num, width, cv.left);
			break;
		}
	}
	cli_buf_puts(b, p);
}

void cli_buf_vtextf(cli_buf *b, const char *fmt, va_list ap)
{
	vtextf(b, fmt, ap);
}

void cli_buf_time(cli_buf *b, int64_t t, const char *none)
{
	char when[32];
	time_t tt = (time_t)t;
	struct tm tm;

	if (t < 0 || !gmtime_r(&tt, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		cli_buf_puts(b, none);
	else
		cli_buf_puts(b, when);
}

const char *cli_msg(const char *code, const char *lang)
{
	const char *s = scsec_message_text(code, lang);

	return s ? s : code;
}

const char *cli_msg_n(const char *code, size_t n, const char *lang)
{
	char one[96];
	const char *s;

	if (n == 1 && (size_t)snprintf(one, sizeof one, "%s.one", code) < sizeof one &&
	    (s = scsec_message_text(one, lang)))
		return s;
	return cli_msg(code, lang);
}

const char *cli_label(const char *prefix, const char *token, const char *lang)
{
	char code[96];
	const char *s;

	if (!token)
		return "";
	if ((size_t)snprintf(code, sizeof code, "%s.%s", prefix, token) >= sizeof code)
		return token;
	s = scsec_message_text(code, lang);
	return s ? s : token;
}

/* The catalogue's text of code (CODE.one when one), formatted, escaped
 * for XML when xml. */
static void vmsgf(cli_buf *b, const char *lang, const char *code, int one, int xml, va_list ap)
{
	const char *fmt = one ? cli_msg_n(code, 1, lang) : cli_msg(code, lang);
	cli_buf t = CLI_BUF_INIT;

	if (!xml) {
		vtextf(b, fmt, ap);
		return;
	}
	vtextf(&t, fmt, ap);
	if (t.failed)
		b->failed = 1;
	else
		cli_buf_xml_text(b, cli_buf_str(&t));
	cli_buf_free(&t);
}

void cli_buf_msgf(cli_buf *b, const char *lang, const char *code, ...)
{
	va_list ap;

	va_start(ap, code);
	vmsgf(b, lang, code, 0, 0, ap);
	va_end(ap);
}

void cli_buf_msgf_n(cli_buf *b, const char *lang, const char *code, size_t n, ...)
{
	va_list ap;

	va_start(ap, n);
	vmsgf(b, lang, code, n == 1, 0, ap);
	va_end(ap);
}

void cli_buf_xml_msgf(cli_buf *b, const char *lang, const char *code, ...)
{
	va_list ap;

	va_start(ap, code);
	vmsgf(b, lang, code, 0, 1, ap);
	va_end(ap);
}

void cli_buf_xml_msgf_n(cli_buf *b, const char *lang, const char *code, size_t n, ...)
{
	va_list ap;

	va_start(ap, n);
	vmsgf(b, lang, code, n == 1, 1, ap);
	va_end(ap);
}

void cli_buf_textf(cli_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_buf_vtextf(b, fmt, ap);
	va_end(ap);
}

int cli_text_unsafe(const char *s, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	unsigned long c;
	size_t n;

	for (; *p; p += n) {
		if (!(n = utf8_decode(p, &c))) {
			*cp = CLI_NOT_UTF8;
			return 1;
		}
		if (cli_unsafe_char(c)) {
			*cp = c;
			return 1;
		}
	}
	return 0;
}

void cli_buf_unsafe_char(cli_buf *b, unsigned long cp)
{
	char one[5];

	if (cp == CLI_NOT_UTF8) {
		cli_buf_puts(b, "bytes that are not UTF-8");
		return;
	}
	cli_buf_puts(b, cp == 0x2028 || cp == 0x2029 ? "a line or paragraph separator"
	                : cp < 0xa0                  ? "a control character"
	                                             : "a bidirectional control");
	/* The character itself, in UTF-8, for cli_buf_text() to show. */
	if (cp < 0x80) {
		one[0] = (char)cp;
		one[1] = '\0';
	} else if (cp < 0x800) {
		one[0] = (char)(0xc0 | cp >> 6);
		one[1] = (char)(0x80 | (cp & 0x3f));
		one[2] = '\0';
	} else {
		one[0] = (char)(0xe0 | cp >> 12);
		one[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		one[2] = (char)(0x80 | (cp & 0x3f));
		one[3] = '\0';
	}
	cli_buf_printf(b, " (U+%04lX, shown as ", cp);
	if (cp)
		cli_buf_text(b, one);
	else
		cli_buf_puts(b, "\\x00");
	cli_buf_putc(b, ')');
}

void cli_buf_xml_text(cli_buf *b, const char *s)
{
	cli_buf shown = CLI_BUF_INIT;
	const char *p;

	cli_buf_text(&shown, s);
	if (shown.failed)
		b->failed = 1;
	for (p = cli_buf_str(&shown); *p; p++) {
		switch (*p) {
		case '&': cli_buf_puts(b, "&amp;"); break;
		case '<': cli_buf_puts(b, "&lt;"); break;
		case '>': cli_buf_puts(b, "&gt;"); break;
		case '"': cli_buf_puts(b, "&quot;"); break;
		case '\'': cli_buf_puts(b, "&#39;"); break;
		default: cli_buf_putc(b, *p);
		}
	}
	cli_buf_free(&shown);
}

/* ------------------------------------------------------------ display width */

/* Decode one character of shown text (valid UTF-8 after cli_buf_text);
 * an invalid byte counts as one character. */
static size_t next_char(const unsigned char *p, unsigned long *cp)
{
	size_t n = utf8_decode(p, cp);

	if (!n) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

static size_t cp_width(unsigned long c)
{
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) || c == 0xfeff)
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

size_t cli_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t w = 0, n;
	unsigned long cp;

	while (*p) {
		if (!(n = utf8_decode(p, &cp))) {
			w += 4; /* \xHH */
			p++;
			continue;
		}
		if (!cli_unsafe_char(cp))
			w += cp_width(cp);
		else
			w += cp == '\n' || cp == '\r' || cp == '\t' ? 2 : cp < 0x80 ? 4 : 6;
		p += n;
	}
	return w;
}

void cli_buf_put_truncated(cli_buf *b, const char *s, size_t width)
{
	cli_buf shown = CLI_BUF_INIT;
	const unsigned char *p, *start, *space = NULL;
	size_t w = 0, space_w = 0, n;
	unsigned long cp;

	cli_buf_text(&shown, s);
	if (shown.failed)
		b->failed = 1;
	start = p = (const unsigned char *)cli_buf_str(&shown);
	if (cli_text_width((const char *)p) <= width) {
		cli_buf_puts(b, (const char *)p);
		cli_buf_free(&shown);
		return;
	}
	while (*p) {
		n = next_char(p, &cp);
		if (w + cp_width(cp) + 1 > width)
			break;
		if (*p == ' ') {
			space = p;
			space_w = w;
		}
		w += cp_width(cp);
		p += n;
	}
	/* Break at the last word boundary when it is not too far back. */
	if (space && w - space_w <= width / 4)
		p = space;
	/* Do not end on a space before the ellipsis. */
	while (p > start && p[-1] == ' ')
		p--;
	cli_buf_put(b, (const char *)start, (size_t)(p - start));
	cli_buf_puts(b, "\xe2\x80\xa6");
	cli_buf_free(&shown);
}

/* ------------------------------------------------------------ JSON */

json_t *cli_json_text(const char *s)
{
	cli_buf b = CLI_BUF_INIT;
	json_t *v;

	if (!s)
		return json_null();
	if ((v = json_string(s)))
		return v;
	/* Not UTF-8 (a file name): the bytes that are not, as \xHH. */
	cli_buf_utf8(&b, s);
	v = b.failed ? NULL : json_string(cli_buf_str(&b));
	cli_buf_free(&b);
	return v;
}

json_t *cli_json_size(size_t n)
{
	return json_integer((json_int_t)n);
}

void cli_json_set(json_t *obj, const char *key, json_t *value, int *bad)
{
	/* jansson releases the value when it cannot take it (and refuses a
	 * NULL value or object). */
	if (json_object_set_new(obj, key, value))
		*bad = 1;
}

void cli_json_push(json_t *array, json_t *value, int *bad)
{
	if (json_array_append_new(array, value))
		*bad = 1;
}

/* Append jansson's text, with the characters jansson leaves as they are
 * but cli_unsafe_char() does not (DEL, C1, the separators and the
 * bidirectional controls) as \u escapes: JSON structure is ASCII, so they
 * can only be inside strings, where an escape means the same character. */
void cli_json_filter(cli_buf *b, const char *json, size_t len)
{
	const unsigned char *p = (const unsigned char *)json, *end = p + len, *run = p;
	unsigned long cp;
	size_t n;

	while (p < end) {
		if (*p < 0x7f) {
			p++;
			continue;
		}
		n = next_char(p, &cp);
		if (p + n > end)
			break;
		if (cli_unsafe_char(cp)) {
			cli_buf_put(b, (const char *)run, (size_t)(p - run));
			cli_buf_printf(b, "\\u%04lx", cp);
			run = p + n;
		}
		p += n;
	}
	cli_buf_put(b, (const char *)run, (size_t)(end - run));
}

void cli_json_dump(cli_buf *b, const json_t *value, size_t flags)
{
	char *s = json_dumps(value, flags | JSON_PRESERVE_ORDER);

	if (!s) {
		b->failed = 1;
		return;
	}
	cli_json_filter(b, s, strlen(s));
	free(s);
}

void cli_json_lines(cli_buf *b, const json_t *array)
{
	size_t i, n = json_array_size(array);

	cli_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		cli_buf_puts(b, i ? ",\n  " : "\n  ");
		cli_json_dump(b, json_array_get(array, i), 0);
	}
	cli_buf_puts(b, n ? "\n]\n" : "]\n");
}
