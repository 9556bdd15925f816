/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Oracles shared by the Check suites (tests/check_*.c) and the fuzz
 * harnesses (tests/fuzz/fuzz_common.h): written from the documentation, not
 * from the library, and free of Check so that the harnesses can use them.
 * Programs that include this header link libcrypto. */
#ifndef SCSEC_TEST_ORACLE_H
#define SCSEC_TEST_ORACLE_H

#include <stddef.h>
#include <string.h>

#include <openssl/evp.h>

/* The lower-case hex SHA-256 of data[0..len) into out; 0 when libcrypto
 * fails. */
static inline int test_sha256_hex(char out[65], const void *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32)
		return 0;
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 1;
}

/* Ids in the library's order: runs of ASCII digits compared by value, the
 * rest bytewise, ties (equal by value: "01" and "1") broken bytewise
 * (include/scsec/evidence.h, doc/evaluation.md rule 7). Written from the
 * documentation, not copied from the library. */
static inline int test_idcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p && *q) {
		if (*p >= '0' && *p <= '9' && *q >= '0' && *q <= '9') {
			const unsigned char *ps, *qs;
			size_t pl, ql;
			int c;

			while (*p == '0' && p[1] >= '0' && p[1] <= '9')
				p++;
			while (*q == '0' && q[1] >= '0' && q[1] <= '9')
				q++;
			for (ps = p; *p >= '0' && *p <= '9'; p++)
				;
			for (qs = q; *q >= '0' && *q <= '9'; q++)
				;
			pl = (size_t)(p - ps);
			ql = (size_t)(q - qs);
			if (pl != ql)
				return pl < ql ? -1 : 1;
			c = memcmp(ps, qs, pl);
			if (c)
				return c < 0 ? -1 : 1;
			continue;
		}
		if (*p != *q)
			return *p < *q ? -1 : 1;
		p++;
		q++;
	}
	if (*p || *q)
		return *p ? 1 : -1;
	return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}

/* ------------------------------------------------ a strict JSON checker */

/* RFC 8259 well-formedness of s[*i..n), one value; returns 0 when not. */
static inline int test_json_ws(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r'))
		(*i)++;
	return 1;
}

static inline int test_json_value(const char *s, size_t n, size_t *i, int depth);

static inline int test_json_string(const char *s, size_t n, size_t *i)
{
	if (*i >= n || s[*i] != '"')
		return 0;
	for ((*i)++; *i < n; (*i)++) {
		unsigned char c = (unsigned char)s[*i];

		if (c == '"') {
			(*i)++;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			(*i)++;
			if (*i >= n)
				return 0;
			if (s[*i] == 'u') {
				int k;

				for (k = 1; k <= 4; k++)
					if (*i + k >= n || !strchr("0123456789abcdefABCDEF", s[*i + k]) || !s[*i + k])
						return 0;
				*i += 4;
			} else if (!strchr("\"\\/bfnrt", s[*i]) || !s[*i]) {
				return 0;
			}
		}
	}
	return 0;
}

static inline int test_json_value(const char *s, size_t n, size_t *i, int depth)
{
	if (depth > 64)
		return 0;
	test_json_ws(s, n, i);
	if (*i >= n)
		return 0;
	switch (s[*i]) {
	case '{':
	case '[': {
		char close = s[*i] == '{' ? '}' : ']';
		int object = close == '}';

		(*i)++;
		test_json_ws(s, n, i);
		if (*i < n && s[*i] == close) {
			(*i)++;
			return 1;
		}
		for (;;) {
			if (object) {
				test_json_ws(s, n, i);
				if (!test_json_string(s, n, i))
					return 0;
				test_json_ws(s, n, i);
				if (*i >= n || s[*i] != ':')
					return 0;
				(*i)++;
			}
			if (!test_json_value(s, n, i, depth + 1))
				return 0;
			test_json_ws(s, n, i);
			if (*i < n && s[*i] == ',') {
				(*i)++;
				continue;
			}
			if (*i < n && s[*i] == close) {
				(*i)++;
				return 1;
			}
			return 0;
		}
	}
	case '"':
		return test_json_string(s, n, i);
	default:
		if (!strncmp(s + *i, "true", 4) || !strncmp(s + *i, "null", 4)) {
			*i += 4;
			return 1;
		}
		if (!strncmp(s + *i, "false", 5)) {
			*i += 5;
			return 1;
		}
		if (s[*i] == '-' || (s[*i] >= '0' && s[*i] <= '9')) {
			size_t start = *i;

			if (s[*i] == '-')
				(*i)++;
			if (*i >= n || !(s[*i] >= '0' && s[*i] <= '9'))
				return 0;
			if (s[*i] == '0' && *i + 1 < n && s[*i + 1] >= '0' && s[*i + 1] <= '9')
				return 0;
			while (*i < n && ((s[*i] >= '0' && s[*i] <= '9') || s[*i] == '.' || s[*i] == 'e' ||
			                  s[*i] == 'E' || s[*i] == '+' || (s[*i] == '-' && *i > start)))
				(*i)++;
			return 1;
		}
		return 0;
	}
}

/* The whole text is one JSON value. */
static inline int test_json_ok(const char *s, size_t n)
{
	size_t i = 0;

	if (!test_json_value(s, n, &i, 0))
		return 0;
	test_json_ws(s, n, &i);
	return i == n;
}

#endif
