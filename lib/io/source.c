/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"
#include "io/source.h"
#include "util/util.h"

static void source_init(scsec__source *s, const char *name, const scsec_load_options *opts)
{
	const struct scsec_load_options *o = scsec__load_options(opts);

	memset(s, 0, offsetof(scsec__source, rawbuf));
	s->name = name ? name : "<memory>";
	s->unnamed = name == NULL;
	s->max_file = o->max_file_size;
	s->max_doc = o->max_document_size;
}

static int limit_error(const scsec__source *s, const char *what, uint64_t limit,
                       const char *option)
{
	return scsec__error_set_at(SCSEC_ELIMIT, s->name, 0, 0,
	                           "%s is larger than the limit of %llu bytes (%s)", what,
	                           (unsigned long long)limit, option);
}

#define FILE_LIMIT "SCSEC_LOAD_MAX_FILE_SIZE"
#define DOC_LIMIT "SCSEC_LOAD_MAX_DOCUMENT_SIZE"

int scsec__source_open_file(scsec__source *s, const char *path, const scsec_load_options *opts)
{
	struct stat st;
	char ebuf[128];
	int fd, flags;

	source_init(s, path, opts);
	if (!path)
		return scsec__error_set(SCSEC_EINVAL, "no file name given");
	/* O_NONBLOCK for the open only: opening a FIFO that has no writer
	 * would otherwise wait for one forever (reading it then ends at once).
	 * Reads block as usual. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return scsec__error_set_at(SCSEC_EIO, path, 0, 0, "cannot open: %s",
		                           scsec__strerror(errno, ebuf, sizeof ebuf));
	if ((flags = fcntl(fd, F_GETFL)) == -1 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1 ||
	    !(s->fp = fdopen(fd, "rb"))) {
		int err = errno;

		close(fd);
		return scsec__error_set_at(SCSEC_EIO, path, 0, 0, "cannot open: %s",
		                           scsec__strerror(err, ebuf, sizeof ebuf));
	}
	if (fstat(fileno(s->fp), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			scsec__source_close(s);
			return scsec__error_set_at(SCSEC_EIO, path, 0, 0, "is a directory");
		}
		if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > s->max_file) {
			scsec__source_close(s);
			return limit_error(s, "file", s->max_file, FILE_LIMIT);
		}
	}
	return 0;
}

int scsec__source_open_memory(scsec__source *s, const void *data, size_t len, const char *name,
                              const scsec_load_options *opts)
{
	source_init(s, name, opts);
	if (!data && len)
		return scsec__error_set(SCSEC_EINVAL, "no data given");
	s->mem = data;
	s->mem_len = len;
	if ((uint64_t)len > s->max_file)
		return limit_error(s, "input", s->max_file, FILE_LIMIT);
	return 0;
}

int scsec__source_open_any(scsec__source *s, const char *path, const void *data, size_t len,
                           const char *name, const scsec_load_options *opts,
                           scsec_diagnostics *diags)
{
	int rc = path ? scsec__source_open_file(s, path, opts)
	              : scsec__source_open_memory(s, data, len, name, opts);

	if (rc)
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, s->name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
	return rc;
}

int scsec__read(void *out, scsec__reader_fn reader, const void *arg, const char *path,
                const void *data, size_t len, const char *name, const scsec_load_options *opts,
                scsec_diagnostics *diags)
{
	scsec__source src;
	int rc;

	if ((rc = scsec__source_open_any(&src, path, data, len, name, opts, diags)))
		return rc;
	rc = reader(out, &src, arg, opts, diags);
	scsec__source_close(&src);
	return rc;
}

/* Refill the raw window. Returns 0, or a negative code. */
static int raw_fill(scsec__source *s)
{
	if (s->raw_len || s->eof)
		return 0;
	if (s->fp) {
		size_t n = fread(s->rawbuf, 1, sizeof s->rawbuf, s->fp);
		char ebuf[128];

		if (n == 0) {
			if (ferror(s->fp))
				return scsec__error_set_at(SCSEC_EIO, s->name, 0, 0, "read error: %s",
				                           scsec__strerror(errno, ebuf, sizeof ebuf));
			s->eof = 1;
			return 0;
		}
		s->raw = s->rawbuf;
		s->raw_len = n;
	} else {
		if (s->mem_pos == s->mem_len) {
			s->eof = 1;
			return 0;
		}
		s->raw = s->mem + s->mem_pos;
		s->raw_len = s->mem_len - s->mem_pos;
		s->mem_pos = s->mem_len;
	}
	s->raw_total += s->raw_len;
	if (s->raw_total > s->max_file)
		return limit_error(s, "file", s->max_file, FILE_LIMIT);
	return 0;
}

static int start_inflate(scsec__source *s)
{
	memset(&s->zs, 0, sizeof s->zs);
	if (inflateInit2(&s->zs, 16 + MAX_WBITS) != Z_OK)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory (zlib)");
	s->zs_live = 1;
	s->zs_member_done = 0;
	return 0;
}

static long read_gzip(scsec__source *s, unsigned char *buf, size_t n)
{
	for (;;) {
		int rc;
		size_t produced;

		if ((rc = raw_fill(s)) < 0)
			return rc;
		if (s->zs_member_done) {
			/* Another member may follow (concatenated gzip files); any
			 * other trailing bytes are corruption. */
			if (!s->raw_len)
				return 0;
			if (s->raw[0] != 0x1f) {
				return scsec__error_set_at(SCSEC_EPARSE, s->name, 0, 0,
				                           "trailing bytes after the gzip data");
			}
			inflateEnd(&s->zs);
			s->zs_live = 0;
			if ((rc = start_inflate(s)) < 0)
				return rc;
		}
		if (!s->raw_len && s->eof)
			return scsec__error_set_at(SCSEC_EPARSE, s->name, 0, 0,
			                           "gzip data ends early (truncated file)");
		s->zs.next_in = (unsigned char *)s->raw;
		s->zs.avail_in = (uInt)(s->raw_len > UINT32_MAX ? UINT32_MAX : s->raw_len);
		s->zs.next_out = buf;
		s->zs.avail_out = (uInt)n;
		rc = inflate(&s->zs, Z_NO_FLUSH);
		s->raw_len -= (size_t)(s->zs.next_in - s->raw);
		s->raw = s->zs.next_in;
		produced = n - s->zs.avail_out;
		if (rc == Z_STREAM_END)
			s->zs_member_done = 1;
		else if (rc == Z_MEM_ERROR)
			return scsec__error_set(SCSEC_ENOMEM, "out of memory (zlib)");
		else if (rc != Z_OK && rc != Z_BUF_ERROR)
			return scsec__error_set_at(SCSEC_EPARSE, s->name, 0, 0, "corrupt gzip data: %s",
			                           s->zs.msg ? s->zs.msg : "inflate failed");
		if (produced)
			return (long)produced;
	}
}

static long read_doc(scsec__source *s, void *buf, size_t n)
{
	long got;
	int rc;

	if (!s->zs_live && !s->gzip && s->raw_total == 0) {
		/* First read: sniff the gzip magic. */
		if ((rc = raw_fill(s)) < 0)
			return rc;
		if (s->raw_len >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b) {
			s->gzip = 1;
			if ((rc = start_inflate(s)) < 0)
				return rc;
		}
	}
	if (s->gzip) {
		got = read_gzip(s, buf, n);
	} else {
		if ((rc = raw_fill(s)) < 0)
			return rc;
		got = (long)(s->raw_len < n ? s->raw_len : n);
		if (got) {
			memcpy(buf, s->raw, (size_t)got);
			s->raw += got;
			s->raw_len -= (size_t)got;
		}
	}
	if (got > 0) {
		s->out_total += (uint64_t)got;
		if (s->out_total > s->max_doc)
			return limit_error(s, "document", s->max_doc, DOC_LIMIT);
	}
	return got;
}

long scsec__source_read(scsec__source *s, void *buf, size_t n)
{
	long got;

	if (n > 1u << 30)
		n = 1u << 30;
	if (s->peek_pos < s->peek_len) {
		/* Bytes scsec__source_peek() read ahead (already counted). */
		got = (long)(s->peek_len - s->peek_pos < n ? s->peek_len - s->peek_pos : n);
		memcpy(buf, s->peek + s->peek_pos, (size_t)got);
		s->peek_pos += (size_t)got;
		return got;
	}
	return read_doc(s, buf, n);
}

int scsec__source_peek(scsec__source *s, int *c)
{
	size_t i = 0;

	*c = -1;
	if (s->peek_len || s->out_total)
		return scsec__error_set(SCSEC_EINVAL, "a source is peeked at before it is read");
	while (s->peek_len < sizeof s->peek) {
		long n = read_doc(s, s->peek + s->peek_len, sizeof s->peek - s->peek_len);

		if (n < 0)
			return (int)n;
		if (n == 0)
			break;
		s->peek_len += (size_t)n;
		if (s->peek_len >= 3 && !memcmp(s->peek, "\xef\xbb\xbf", 3) && !i)
			i = 3;
		for (; i < s->peek_len; i++) {
			unsigned char b = s->peek[i];

			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				*c = b;
				return 0;
			}
		}
	}
	return 0;
}

int scsec__source_slurp(scsec__source *s, scsec__buf *b)
{
	for (;;) {
		long n;

		if (scsec__buf_reserve(b, 65536))
			return SCSEC_ENOMEM;
		n = scsec__source_read(s, b->data + b->len, 65536);
		if (n < 0)
			return (int)n;
		if (n == 0)
			return 0;
		b->len += (size_t)n;
		b->data[b->len] = '\0';
	}
}

void scsec__source_close(scsec__source *s)
{
	if (s->zs_live)
		inflateEnd(&s->zs);
	s->zs_live = 0;
	if (s->fp)
		fclose(s->fp);
	s->fp = NULL;
}
