/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <zlib.h>

#include "error.h"
#include "util.h"

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

int scsec__text_ok(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + n;

	while (s < end) {
		unsigned c = *s;
		unsigned long cp;
		int len, i;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return 0;
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (end - s < len)
			return 0;
		for (i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
			return 0;
		s += len;
	}
	return 1;
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

/* --------------------------------------------------------------- digests */

int scsec__sha256_hex(char out[65], const void *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) {
		out[0] = '\0';
		return scsec__error_set(SCSEC_ECRYPTO, "SHA-256 failed in libcrypto");
	}
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

/* ----------------------------------------------------------------- files */

int scsec__gzip(unsigned char **out, size_t *out_len, const void *data, size_t len)
{
	z_stream zs;
	uLong bound;
	unsigned char *buf;
	size_t in_left = len, out_left;
	int rc;

	memset(&zs, 0, sizeof zs);
	/* A fixed header (no name, no time stamp): same input, same bytes. */
	if (deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory (zlib)");
	bound = deflateBound(&zs, (uLong)len);
	buf = scsec__malloc(bound);
	if (!buf) {
		deflateEnd(&zs);
		return SCSEC_ENOMEM;
	}
	zs.next_in = (Bytef *)data;
	zs.next_out = buf;
	out_left = bound;
	/* zlib counts bytes in uInt: past 4 GiB the input is fed, and the
	 * output room given, a piece of at most UINT_MAX bytes at a time
	 * (below that, all at once with Z_FINISH, as deflateBound() expects). */
	do {
		if (!zs.avail_in && in_left) {
			zs.avail_in = (uInt)(in_left > UINT_MAX ? UINT_MAX : in_left);
			in_left -= zs.avail_in;
		}
		if (!zs.avail_out && out_left) {
			zs.avail_out = (uInt)(out_left > UINT_MAX ? UINT_MAX : out_left);
			out_left -= zs.avail_out;
		}
		rc = deflate(&zs, in_left ? Z_NO_FLUSH : Z_FINISH);
	} while (rc == Z_OK);
	deflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		scsec__free(buf);
		return scsec__error_set(SCSEC_ERROR, "gzip compression failed");
	}
	*out = buf;
	*out_len = (size_t)(zs.next_out - buf);
	return 0;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* strerror() is not required to be thread-safe; the GNU strerror_r is. */
const char *scsec__strerror(int err, char *buf, size_t size)
{
	return strerror_r(err, buf, size);
}

/* Open a new file beside `path` for writing: `path.tmp-XXXXXX` with a
 * random suffix, created exclusively with mode 0666 so that the process
 * umask applies (mkstemp would make it 0600, and reading the umask means
 * changing it, process-wide). */
static int open_temp(char *tmp, size_t plen)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	static atomic_uint counter;
	int attempt;

	for (attempt = 0; attempt < 100; attempt++) {
		unsigned long long x = (unsigned long long)getpid() * 2654435761u ^
		                       (unsigned long long)time(NULL) * 40503u ^
		                       (unsigned long long)atomic_fetch_add(&counter, 1) * 0x9e3779b97f4a7c15ull ^
		                       (unsigned long long)(uintptr_t)&attempt;
		int i, fd;

		for (i = 0; i < 6; i++) {
			tmp[plen + 5 + i] = alphabet[x % 36];
			x /= 36;
		}
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* The file a path names once symbolic links are followed, even when the
 * last link dangles (its target is then created): malloc'ed, or NULL with
 * errno set. libc's malloc, strdup and free, not scsec_set_allocator()'s:
 * realpath() allocates its result with malloc. */
static char *resolve_target(const char *path)
{
	char *cur, *next, *slash;
	int hops;

	if ((cur = realpath(path, NULL)) || errno != ENOENT)
		return cur;
	if (!(cur = strdup(path)))
		return NULL;
	for (hops = 0; hops < 40; hops++) {
		struct stat st;
		char link[4096];
		ssize_t n;

		if (lstat(cur, &st) || !S_ISLNK(st.st_mode))
			return cur; /* a plain missing file: created as named */
		n = readlink(cur, link, sizeof link - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		slash = strrchr(cur, '/');
		if (link[0] == '/' || !slash) {
			next = strdup(link);
		} else if ((next = malloc((size_t)(slash - cur) + 2 + (size_t)n))) {
			memcpy(next, cur, (size_t)(slash - cur) + 1);
			memcpy(next + (slash - cur) + 1, link, (size_t)n + 1);
		}
		free(cur);
		if (!(cur = next))
			return NULL;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

int scsec__write_file_atomic(const char *path, const void *data, size_t len, int gzip)
{
	unsigned char *z = NULL;
	size_t zlen = 0, plen;
	char *target = NULL, *tmp = NULL, *slash, ebuf[128];
	struct stat st;
	int fd, rc = 0, saved, existing;

	if (!path || !*path)
		return scsec__error_set(SCSEC_EINVAL, "no file name given");
	/* Replace the file a symbolic link points to, not the link. */
	if (!(target = resolve_target(path)))
		return scsec__error_set_at(errno == ENOMEM ? SCSEC_ENOMEM : SCSEC_EIO, path, 0, 0,
		                           "cannot resolve the path: %s",
		                           scsec__strerror(errno, ebuf, sizeof ebuf));
	existing = stat(target, &st) == 0;
	if (existing && !S_ISREG(st.st_mode)) {
		free(target);
		return scsec__error_set_at(SCSEC_EIO, path, 0, 0,
		                           "not a regular file: refusing to replace it");
	}
	if (gzip) {
		if ((rc = scsec__gzip(&z, &zlen, data, len)))
			goto out;
		data = z;
		len = zlen;
	}
	plen = strlen(target);
	if (!(tmp = scsec__malloc(plen + sizeof ".tmp-XXXXXX"))) {
		rc = SCSEC_ENOMEM;
		goto out;
	}
	memcpy(tmp, target, plen);
	memcpy(tmp + plen, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
	fd = open_temp(tmp, plen);
	if (fd < 0) {
		rc = scsec__error_set_at(SCSEC_EIO, path, 0, 0, "cannot create a temporary file beside it: %s",
		                         scsec__strerror(errno, ebuf, sizeof ebuf));
		goto out;
	}
	/* A replaced file keeps its permissions. */
	if (existing)
		(void)fchmod(fd, st.st_mode & 07777);
	if (write_all(fd, data, len) || fsync(fd)) {
		saved = errno;
		close(fd);
		unlink(tmp);
		rc = scsec__error_set_at(SCSEC_EIO, path, 0, 0, "write failed: %s",
		                         scsec__strerror(saved, ebuf, sizeof ebuf));
		goto out;
	}
	if (close(fd)) {
		saved = errno;
		unlink(tmp);
		rc = scsec__error_set_at(SCSEC_EIO, path, 0, 0, "write failed: %s",
		                         scsec__strerror(saved, ebuf, sizeof ebuf));
		goto out;
	}
	if (rename(tmp, target)) {
		saved = errno;
		unlink(tmp);
		rc = scsec__error_set_at(SCSEC_EIO, path, 0, 0, "cannot replace the file: %s",
		                         scsec__strerror(saved, ebuf, sizeof ebuf));
		goto out;
	}
	/* Make the rename durable. */
	slash = strrchr(tmp, '/');
	if (slash)
		slash[slash == tmp ? 1 : 0] = '\0';
	else
		strcpy(tmp, ".");
	fd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
out:
	free(target);
	scsec__free(tmp);
	scsec__free(z);
	return rc;
}

int scsec_file_write(const char *path, const void *data, size_t size, unsigned int flags)
{
	SCSEC__CHECK_ARG(path && *path);
	SCSEC__CHECK_ARG(data || !size);
	SCSEC__CHECK_ARG((flags & ~(unsigned)SCSEC_WRITE_GZIP) == 0);
	return scsec__write_file_atomic(path, data ? data : "", size, flags & SCSEC_WRITE_GZIP);
}
