/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: string-keyed hash map, texts in languages, id ordering, text
 * checks, system error messages. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/error.h"
#include "util/util.h"

/* ------------------------------------------------------------------- map */

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static scsec__map_slot *find_slot(const scsec__map *m, const char *key, uint32_t h)
{
	size_t mask = m->cap - 1, i = h & mask;

	for (;;) {
		scsec__map_slot *s = &m->slots[i];

		if (!s->key || (s->hash == h && !strcmp(s->key, key)))
			return s;
		i = (i + 1) & mask;
	}
}

static int map_grow(scsec__map *m)
{
	scsec__map_slot *old = m->slots;
	size_t oldcap = m->cap, i;
	size_t ncap = oldcap ? oldcap * 2 : 16;
	scsec__map_slot *slots = scsec__calloc(ncap, sizeof *slots);

	if (!slots)
		return SCSEC_ENOMEM;
	m->slots = slots;
	m->cap = ncap;
	for (i = 0; i < oldcap; i++)
		if (old[i].key)
			*find_slot(m, old[i].key, old[i].hash) = old[i];
	scsec__free(old);
	return 0;
}

int scsec__map_put(scsec__map *m, const char *key, void *value, void **existing)
{
	uint32_t h = hash_str(key);
	scsec__map_slot *s;

	if ((m->count + 1) * 2 > m->cap && map_grow(m))
		return SCSEC_ENOMEM;
	s = find_slot(m, key, h);
	if (s->key) {
		if (existing)
			*existing = s->value;
		return SCSEC_EEXISTS;
	}
	s->key = key;
	s->value = value;
	s->hash = h;
	m->count++;
	return 0;
}

int scsec__map_set(scsec__map *m, const char *key, void *value)
{
	scsec__map_slot *s;

	if (m->cap) {
		s = find_slot(m, key, hash_str(key));
		if (s->key) {
			s->key = key;
			s->value = value;
			return 0;
		}
	}
	return scsec__map_put(m, key, value, NULL);
}

void *scsec__map_get(const scsec__map *m, const char *key)
{
	scsec__map_slot *s;

	if (!m->cap || !key)
		return NULL;
	s = find_slot(m, key, hash_str(key));
	return s->key ? s->value : NULL;
}

void *scsec__map_remove(scsec__map *m, const char *key)
{
	size_t mask, i, j;
	scsec__map_slot *s;
	void *value;

	if (!m->cap)
		return NULL;
	s = find_slot(m, key, hash_str(key));
	if (!s->key)
		return NULL;
	value = s->value;
	/* Backward-shift deletion keeps probe chains intact. */
	mask = m->cap - 1;
	i = (size_t)(s - m->slots);
	j = i;
	for (;;) {
		size_t k;

		j = (j + 1) & mask;
		if (!m->slots[j].key)
			break;
		k = m->slots[j].hash & mask;
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			m->slots[i] = m->slots[j];
			i = j;
		}
	}
	m->slots[i].key = NULL;
	m->slots[i].value = NULL;
	m->count--;
	return value;
}

void scsec__map_dispose(scsec__map *m)
{
	scsec__free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

/* ----------------------------------------------------------------- texts */

const char *scsec__texts_exact(const scsec__texts *t, const char *lang)
{
	size_t i;

	/* Language tags compare without case (BCP 47). */
	for (i = 0; i < t->count; i++)
		if (!strcasecmp(t->items[i].lang, lang))
			return t->items[i].text;
	return NULL;
}

/* The text whose primary subtag is lang's ("ja" for "ja-JP"), or NULL. */
static const char *texts_primary(const scsec__texts *t, const char *lang)
{
	size_t n = strcspn(lang, "-_"), i;

	for (i = 0; i < t->count; i++) {
		const char *l = t->items[i].lang;

		if (!strncasecmp(l, lang, n) && (l[n] == '\0' || l[n] == '-'))
			return t->items[i].text;
	}
	return NULL;
}

const char *scsec__texts_get(const scsec__texts *t, const char *lang)
{
	const char *s;

	if (!t->count)
		return NULL;
	if (lang && ((s = scsec__texts_exact(t, lang)) || (s = texts_primary(t, lang))))
		return s;
	if ((s = scsec__texts_exact(t, "en")) || (s = texts_primary(t, "en")))
		return s;
	return t->items[0].text;
}

int scsec__texts_add(scsec__arena *a, scsec__texts *t, const char *lang, const char *text)
{
	if (scsec__arena_grow(a, &t->items, &t->cap, t->count + 1, sizeof *t->items))
		return SCSEC_ENOMEM;
	t->items[t->count].lang = lang;
	t->items[t->count].text = text;
	t->count++;
	return 0;
}

/* ------------------------------------------------------------------- ids */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int scsec__idcmp(const char *a, const char *b)
{
	const char *a0 = a, *b0 = b;

	while (*a && *b) {
		if (is_digit(*a) && is_digit(*b)) {
			const char *as, *bs;
			size_t al, bl;

			while (*a == '0' && is_digit(a[1]))
				a++;
			while (*b == '0' && is_digit(b[1]))
				b++;
			for (as = a; is_digit(*a); a++)
				;
			for (bs = b; is_digit(*b); b++)
				;
			al = (size_t)(a - as);
			bl = (size_t)(b - bs);
			if (al != bl)
				return al < bl ? -1 : 1;
			if (memcmp(as, bs, al))
				return memcmp(as, bs, al) < 0 ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	/* Equal by value ("01" and "1"): fall back to bytes for a total order. */
	return strcmp(a0, b0) < 0 ? -1 : strcmp(a0, b0) > 0;
}

/* ----------------------------------------------------------- text checks */

/* The code point of the well-formed UTF-8 sequence at s[0..n) and its
 * length in *len; 0 with *len = 0 for anything else. */
static unsigned long decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned long cp;
	size_t k, i;

	*len = 0;
	if (!n)
		return 0;
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		k = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		k = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		k = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*len = k;
	return cp;
}

size_t scsec__text_check(const char *str, size_t n, unsigned long *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t off = 0;

	while (off < n) {
		size_t len;
		unsigned long cp;

		/* Printable ASCII, most text, without decoding. */
		if (s[off] >= 0x20 && s[off] < 0x7f) {
			off++;
			continue;
		}
		cp = decode(s + off, n - off, &len);
		if (!len) {
			if (bad)
				*bad = SCSEC__TEXT_NOT_UTF8;
			return off;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f ||
		    (cp >= 0x80 && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff) {
			if (bad)
				*bad = cp;
			return off;
		}
		off += len;
	}
	return n;
}

int scsec__text_ok(const char *s, size_t n)
{
	return scsec__text_check(s, n, NULL) == n;
}

size_t scsec__utf8_len(const char *s, size_t n)
{
	size_t len;

	decode((const unsigned char *)s, n, &len);
	return len;
}

static int blank_cp(unsigned long c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0xad ||
	       c == 0x34f || c == 0x61c || c == 0x115f || c == 0x1160 || c == 0x1680 ||
	       c == 0x180e || (c >= 0x2000 && c <= 0x200f) || c == 0x2028 || c == 0x2029 ||
	       (c >= 0x202a && c <= 0x202f) || (c >= 0x205f && c <= 0x2064) ||
	       (c >= 0x2066 && c <= 0x206f) || c == 0x2800 || c == 0x3000 || c == 0x3164 ||
	       c == 0xfeff || c == 0xffa0;
}

size_t scsec__blank_at(const char *s, size_t n)
{
	size_t len;
	unsigned long cp = decode((const unsigned char *)s, n, &len);

	return len && blank_cp(cp) ? len : 0;
}

size_t scsec__blank_before(const char *s, size_t n)
{
	size_t k;

	/* A blank is 1 to 3 bytes long; the longest sequence that ends s and
	 * decodes whole is the last character. */
	for (k = 1; k <= 3 && k <= n; k++) {
		if (k < n && k < 4 && ((unsigned char)s[n - k] & 0xc0) == 0x80)
			continue;
		return scsec__blank_at(s + n - k, k) == k ? k : 0;
	}
	return 0;
}

void scsec__trim(const char **s, size_t *n)
{
	size_t k;

	while ((k = scsec__blank_at(*s, *n))) {
		*s += k;
		*n -= k;
	}
	while ((k = scsec__blank_before(*s, *n)))
		*n -= k;
}

int scsec__blank(const char *s, size_t n)
{
	scsec__trim(&s, &n);
	return n == 0;
}

int scsec__blank_str(const char *s)
{
	return !s || scsec__blank(s, strlen(s));
}

int scsec__id_ok(const char *s)
{
	size_t n = 0;

	if (!s || !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || is_digit(*s)))
		return 0;
	for (; s[n]; n++) {
		char c = s[n];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' ||
		      c == '_' || c == '.' || c == ':'))
			return 0;
	}
	return n <= 64;
}

int scsec__sha256_hex_ok(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++) {
		char c = s[i];

		if (!(is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return 0;
	}
	return s[64] == '\0';
}

/* strerror() is not required to be thread-safe; strerror_r is, in either of
 * its two forms (configure's AC_FUNC_STRERROR_R tells which): GNU's returns
 * the message, which may be a static string and not buf; POSIX's fills buf
 * and returns 0 or an error number (EINVAL for an unknown err, ERANGE when
 * buf is too small, where some systems leave buf empty). */
const char *scsec__strerror(int err, char *buf, size_t size)
{
	if (!size)
		return "";
	buf[0] = '\0';
#ifdef STRERROR_R_CHAR_P
	{
		const char *s = strerror_r(err, buf, size);

		return s && *s ? s : (snprintf(buf, size, "error %d", err), buf);
	}
#else
	if (strerror_r(err, buf, size) != 0 || !buf[0])
		snprintf(buf, size, "error %d", err);
	return buf;
#endif
}
