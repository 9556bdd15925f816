/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: string-keyed hash map, texts in languages, id ordering, text
 * checks, system error messages. */
#ifndef SCSEC_LIB_UTIL_UTIL_H
#define SCSEC_LIB_UTIL_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "util/alloc.h"

/* ---- hash map: borrowed NUL-terminated keys to pointers ---- */

typedef struct scsec__map_slot {
	const char *key;
	void *value;
	uint32_t hash;
} scsec__map_slot;

typedef struct scsec__map {
	scsec__map_slot *slots;
	size_t cap;   /* power of two, or 0 */
	size_t count;
} scsec__map;

/* Insert; SCSEC_EEXISTS (map unchanged, *existing set when given) if the
 * key is present; SCSEC_ENOMEM. Keys are borrowed: they must outlive the
 * map entry. */
int scsec__map_put(scsec__map *m, const char *key, void *value, void **existing);
void *scsec__map_get(const scsec__map *m, const char *key);
/* Replace the value of a present key, or insert. */
int scsec__map_set(scsec__map *m, const char *key, void *value);
/* Remove; returns the value or NULL. */
void *scsec__map_remove(scsec__map *m, const char *key);
void scsec__map_dispose(scsec__map *m);

/* ---- texts in languages ---- */

typedef struct scsec__text {
	const char *lang; /* BCP 47 tag */
	const char *text;
} scsec__text;

typedef struct scsec__texts {
	scsec__text *items;
	size_t count;
	size_t cap;
} scsec__texts;

/* The text in lang (NULL: English), else English, else the first; NULL
 * when there is none. */
const char *scsec__texts_get(const scsec__texts *t, const char *lang);
/* The text in exactly lang, or NULL. */
const char *scsec__texts_exact(const scsec__texts *t, const char *lang);
/* Append (the array lives in the arena). */
int scsec__texts_add(scsec__arena *a, scsec__texts *t, const char *lang, const char *text);

/* ---- ids ---- */

/* Order ids comparing runs of ASCII digits by value: "1-2-9" < "1-2-10",
 * "a2" < "a10"; ties broken bytewise so the order is total. */
int scsec__idcmp(const char *a, const char *b);

/* ---- text checks ---- */

/* The one rule for text every reader and setter accepts: well-formed UTF-8
 * (no surrogates, no overlong forms), no NUL or C0 control other than tab,
 * LF and CR, no DEL (U+007F), no C1 control (U+0080..U+009F), no U+FFFE or
 * U+FFFF. XML 1.0 itself allows DEL and the C1 controls; libscsec does not,
 * in any format, so a document says the same thing whatever its format. */
int scsec__text_ok(const char *s, size_t n);

/* The offset of the first byte of s[0..n) that breaks that rule, n when
 * none does; *bad (when not NULL) gets the refused code point, or
 * SCSEC__TEXT_NOT_UTF8 where the bytes are not well-formed UTF-8. */
#define SCSEC__TEXT_NOT_UTF8 0xffffffffUL
size_t scsec__text_check(const char *s, size_t n, unsigned long *bad);

/* The length of the well-formed UTF-8 sequence at s[0..n) (1 to 4), 0 when
 * s does not start with one (n == 0, a stray or cut byte). */
size_t scsec__utf8_len(const char *s, size_t n);

/* ---- blanks: the one trimming rule ----
 *
 * A blank is a character that shows as nothing: Unicode White_Space
 * (U+0009..U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000) and the invisible format and filler
 * characters (U+00AD, U+034F, U+061C, U+115F, U+1160, U+180E,
 * U+200B..U+200F, U+202A..U+202E, U+2060..U+2064, U+2066..U+206F, U+2800,
 * U+3164, U+FEFF, U+FFA0). Every reader trims cells with it, text made of
 * blanks only is no text (a justification of U+3000 justifies nothing), in
 * CSV, XML and through the API alike. doc/evidence-format.md lists it. */

/* The length of the blank character at s[0..n), 0 when s does not start
 * with one. */
size_t scsec__blank_at(const char *s, size_t n);
/* The length of the blank character that ends s[0..n), 0 when none. */
size_t scsec__blank_before(const char *s, size_t n);
/* Narrow *s, *n to the text between leading and trailing blanks. */
void scsec__trim(const char **s, size_t *n);
/* Non-zero when s[0..n) is empty or blanks only. */
int scsec__blank(const char *s, size_t n);
/* The same for a NUL-terminated string (NULL is blank). */
int scsec__blank_str(const char *s);

/* Non-zero when s is an id: 1..64 of [A-Za-z0-9_.:-], starting with a letter
 * or digit (the schema's Id type). */
int scsec__id_ok(const char *s);

/* Non-zero when s is 64 hex digits. */
int scsec__sha256_hex_ok(const char *s);

/* ---- system errors ---- */

/* The message for errno value err, thread-safe (strerror() need not be):
 * the returned string is buf or a static one. */
const char *scsec__strerror(int err, char *buf, size_t size);

#endif
