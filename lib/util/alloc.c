/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"

static void *default_malloc(size_t size, void *user)
{
	(void)user;
	return malloc(size);
}

static void *default_realloc(void *ptr, size_t size, void *user)
{
	(void)user;
	return realloc(ptr, size);
}

static void default_free(void *ptr, void *user)
{
	(void)user;
	free(ptr);
}

/* Written only by scsec_set_allocator() before the first allocation; the
 * `used` flag, set on that first allocation, closes the window. */
static void *(*alloc_malloc)(size_t, void *) = default_malloc;
static void *(*alloc_realloc)(void *, size_t, void *) = default_realloc;
static void (*alloc_free)(void *, void *) = default_free;
static void *alloc_user;
static atomic_bool alloc_used;

int scsec_set_allocator(void *(*malloc_fn)(size_t, void *),
                        void *(*realloc_fn)(void *, size_t, void *),
                        void (*free_fn)(void *, void *), void *user)
{
	if (!malloc_fn || !realloc_fn || !free_fn)
		return scsec__error_set(SCSEC_EINVAL, "scsec_set_allocator: every function must be given");
	if (atomic_load(&alloc_used))
		return scsec__error_set(SCSEC_EBUSY,
		                        "scsec_set_allocator: the library has already allocated memory");
	alloc_malloc = malloc_fn;
	alloc_realloc = realloc_fn;
	alloc_free = free_fn;
	alloc_user = user;
	return 0;
}

static void *oom(void)
{
	scsec__error_set(SCSEC_ENOMEM, "out of memory");
	return NULL;
}

void *scsec__malloc(size_t size)
{
	void *p;

	atomic_store_explicit(&alloc_used, 1, memory_order_relaxed);
	p = alloc_malloc(size ? size : 1, alloc_user);
	return p ? p : oom();
}

void *scsec__calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return oom();
	p = scsec__malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *scsec__realloc(void *ptr, size_t size)
{
	void *p;

	atomic_store_explicit(&alloc_used, 1, memory_order_relaxed);
	p = alloc_realloc(ptr, size ? size : 1, alloc_user);
	return p ? p : oom();
}

void *scsec__reallocarray(void *ptr, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return oom();
	return scsec__realloc(ptr, n * size);
}

void scsec__free(void *ptr)
{
	if (ptr)
		alloc_free(ptr, alloc_user);
}

void scsec_free(void *ptr)
{
	scsec__free(ptr);
}

char *scsec__strndup(const char *s, size_t n)
{
	char *d = scsec__malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *scsec__strdup(const char *s)
{
	return s ? scsec__strndup(s, strlen(s)) : NULL;
}

/* The capacity of an array of cap elements of size each (first when
 * empty) doubled until it holds need; 0, with SCSEC_ENOMEM recorded, when
 * the count or the bytes would not fit in a size_t. */
static size_t grown_cap(size_t cap, size_t first, size_t need, size_t size)
{
	size_t ncap = cap ? cap : first;

	while (ncap < need) {
		if (ncap > SIZE_MAX / 2) {
			oom();
			return 0;
		}
		ncap *= 2;
	}
	if (size && ncap > SIZE_MAX / size) {
		oom();
		return 0;
	}
	return ncap;
}

int scsec__grow(void *items_p, size_t *cap, size_t need, size_t size)
{
	void **items = items_p;
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	if (!(ncap = grown_cap(*cap, 8, need, size)))
		return SCSEC_ENOMEM;
	p = scsec__reallocarray(*items, ncap, size);
	if (!p)
		return SCSEC_ENOMEM;
	*items = p;
	*cap = ncap;
	return 0;
}

/* ---- byte buffer ---- */

int scsec__buf_reserve(scsec__buf *b, size_t extra)
{
	size_t need;

	if (b->failed)
		return SCSEC_ENOMEM;
	if (extra > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	need = b->len + extra + 1;
	if (need > b->cap) {
		size_t ncap = b->cap ? b->cap : 256;
		char *p;

		while (ncap < need)
			ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
		p = scsec__realloc(b->data, ncap);
		if (!p) {
			b->failed = 1;
			return SCSEC_ENOMEM;
		}
		b->data = p;
		b->cap = ncap;
		b->data[b->len] = '\0';
	}
	return 0;
}

void scsec__buf_put(scsec__buf *b, const void *data, size_t len)
{
	if (scsec__buf_reserve(b, len))
		return;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void scsec__buf_puts(scsec__buf *b, const char *s)
{
	scsec__buf_put(b, s, strlen(s));
}

void scsec__buf_putc(scsec__buf *b, char c)
{
	scsec__buf_put(b, &c, 1);
}

void scsec__buf_vprintf(scsec__buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	if (b->failed)
		return;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || scsec__buf_reserve(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void scsec__buf_printf(scsec__buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	scsec__buf_vprintf(b, fmt, ap);
	va_end(ap);
}

int scsec__buf_error(const scsec__buf *b)
{
	return b->failed ? SCSEC_ENOMEM : 0;
}

char *scsec__buf_detach(scsec__buf *b, size_t *len)
{
	char *d;

	if (b->failed) {
		scsec__buf_dispose(b);
		return NULL;
	}
	if (!b->data && scsec__buf_reserve(b, 0))
		return NULL;
	d = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void scsec__buf_reset(scsec__buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void scsec__buf_dispose(scsec__buf *b)
{
	scsec__free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

/* ------------------------------------------------------------------ arena */

struct scsec__arena_chunk {
	scsec__arena_chunk *next;
	_Alignas(16) unsigned char data[];
};

#define ARENA_CHUNK 16384

void *scsec__arena_alloc(scsec__arena *a, size_t size)
{
	void *p;

	/* Rounding up and the chunk header must not wrap around. */
	if (size > SIZE_MAX - 15 - sizeof(scsec__arena_chunk))
		return oom();
	size = (size + 15) & ~(size_t)15;
	if (!a->head || a->cap - a->used < size) {
		size_t csize = size > ARENA_CHUNK ? size : ARENA_CHUNK;
		scsec__arena_chunk *c = scsec__malloc(sizeof *c + csize);

		if (!c)
			return NULL;
		c->next = a->head;
		a->head = c;
		a->used = 0;
		a->cap = csize;
	}
	p = a->head->data + a->used;
	a->used += size;
	return p;
}

char *scsec__arena_strndup(scsec__arena *a, const char *s, size_t n)
{
	char *d = scsec__arena_alloc(a, n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

void scsec__arena_dispose(scsec__arena *a)
{
	scsec__arena_chunk *c = a->head;

	while (c) {
		scsec__arena_chunk *next = c->next;

		scsec__free(c);
		c = next;
	}
	a->head = NULL;
	a->used = a->cap = 0;
}

int scsec__arena_grow(scsec__arena *a, void *items_p, size_t *cap, size_t need, size_t size)
{
	void **items = items_p;
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	/* Twice *cap at least (need > *cap), or 4 to start with. */
	if (!(ncap = grown_cap(*cap, 4, need, size)))
		return SCSEC_ENOMEM;
	p = scsec__arena_alloc(a, ncap * size);
	if (!p)
		return SCSEC_ENOMEM;
	if (*cap)
		memcpy(p, *items, *cap * size);
	*items = p;
	*cap = ncap;
	return 0;
}
