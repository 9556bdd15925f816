/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the library's allocator and a growable byte buffer. */
#ifndef SCSEC_LIB_UTIL_ALLOC_H
#define SCSEC_LIB_UTIL_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

#include "scsec/common.h"

/* Every allocation of the library goes through these. On failure they
 * return NULL and record SCSEC_ENOMEM as the thread's last error. */
void *scsec__malloc(size_t size);
void *scsec__calloc(size_t n, size_t size);
void *scsec__realloc(void *ptr, size_t size);
void scsec__free(void *ptr);
char *scsec__strdup(const char *s);
char *scsec__strndup(const char *s, size_t n);

/* Allocate an array of n elements of size each, failing on overflow. */
void *scsec__reallocarray(void *ptr, size_t n, size_t size);

/* Grow *items (of *cap elements of size each) so that it holds at least
 * need elements. Returns 0 or SCSEC_ENOMEM. */
int scsec__grow(void *items_p, size_t *cap, size_t need, size_t size);

/* A growable, always NUL-terminated byte buffer. A failed append leaves
 * the buffer marked as failed; later appends do nothing and
 * scsec__buf_error() reports SCSEC_ENOMEM, so writers check once at the end. */
typedef struct scsec__buf {
	char *data;
	size_t len;
	size_t cap;
	int failed;
} scsec__buf;

#define SCSEC__BUF_INIT { NULL, 0, 0, 0 }

int scsec__buf_reserve(scsec__buf *b, size_t extra);
void scsec__buf_put(scsec__buf *b, const void *data, size_t len);
void scsec__buf_puts(scsec__buf *b, const char *s);
void scsec__buf_putc(scsec__buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void scsec__buf_printf(scsec__buf *b, const char *fmt, ...);
void scsec__buf_vprintf(scsec__buf *b, const char *fmt, va_list ap);
int scsec__buf_error(const scsec__buf *b);
/* Hand the contents over (the buffer is reset); NULL on earlier failure. */
char *scsec__buf_detach(scsec__buf *b, size_t *len);
void scsec__buf_dispose(scsec__buf *b);
void scsec__buf_reset(scsec__buf *b);

/* A bump allocator: everything is released at once. */
typedef struct scsec__arena_chunk scsec__arena_chunk;
typedef struct scsec__arena {
	scsec__arena_chunk *head;
	size_t used;
	size_t cap;
} scsec__arena;

void *scsec__arena_alloc(scsec__arena *a, size_t size);
char *scsec__arena_strndup(scsec__arena *a, const char *s, size_t n);
void scsec__arena_dispose(scsec__arena *a);
/* Grow an array kept in the arena (the old copy is abandoned there). */
int scsec__arena_grow(scsec__arena *a, void *items_p, size_t *cap, size_t need, size_t size);

#endif
