/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Writing files atomically (a temporary beside the target, fsync, rename,
 * fsync of the directory), optionally gzip-compressed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "io/file.h"
#include "util/error.h"
#include "util/util.h"

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

/* Open a new file beside the target for writing: `tmp` holds its name up
 * to `plen` (see temp_prefix_len), then ".tmp-XXXXXX", given a random
 * suffix, created exclusively with mode 0666 so that the process
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

/* How much of `target` the temporary's name starts with: all of it, or,
 * when the base name leaves no room for ".tmp-XXXXXX" within the
 * directory's NAME_MAX, the directory and a shortened stem of the base name
 * (cut at a UTF-8 character boundary), so that a target of up to NAME_MAX
 * bytes can be written. The temporary stays in the target's directory. */
static size_t temp_prefix_len(const char *target)
{
	const size_t suffix = sizeof ".tmp-XXXXXX" - 1;
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	size_t blen = strlen(target + dirlen), stem;
	long name_max = -1;

	if (dirlen) {
		char *dir = scsec__malloc(dirlen + 1);

		if (dir) {
			memcpy(dir, target, dirlen);
			dir[dirlen] = '\0';
			name_max = pathconf(dir, _PC_NAME_MAX);
			scsec__free(dir);
		}
	} else {
		name_max = pathconf(".", _PC_NAME_MAX);
	}
	if (name_max <= 0)
		name_max = NAME_MAX;
	if (blen + suffix <= (size_t)name_max)
		return dirlen + blen;
	stem = (size_t)name_max > suffix ? (size_t)name_max - suffix : 1;
	while (stem > 1 && ((unsigned char)target[dirlen + stem] & 0xc0) == 0x80)
		stem--;
	return dirlen + stem;
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

/* The steps of both writers: data (len bytes) written to the temporary's
 * descriptor, or, with fill, the file given to fill by name. */
static int write_atomic(const char *path, const void *data, size_t len, int gzip,
                        scsec__file_fill_fn fill, void *ctx)
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
	plen = temp_prefix_len(target);
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
	/* With fill, the file exists (made exclusively, above): fill writes it
	 * by name, in place; the descriptor still syncs what it wrote. */
	if (fill && (rc = fill(tmp, ctx))) {
		close(fd);
		unlink(tmp);
		goto out;
	}
	if ((!fill && write_all(fd, data, len)) || fsync(fd)) {
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

int scsec__write_file_atomic(const char *path, const void *data, size_t len, int gzip)
{
	return write_atomic(path, data, len, gzip, NULL, NULL);
}

int scsec__write_file_with(const char *path, scsec__file_fill_fn fill, void *ctx)
{
	return write_atomic(path, NULL, 0, 0, fill, ctx);
}

int scsec_file_write(const char *path, const void *data, size_t size, unsigned int flags)
{
	SCSEC__CHECK_ARG(path && *path);
	SCSEC__CHECK_ARG(data || !size);
	SCSEC__CHECK_ARG((flags & ~(unsigned)SCSEC_WRITE_GZIP) == 0);
	return scsec__write_file_atomic(path, data ? data : "", size, flags & SCSEC_WRITE_GZIP);
}
