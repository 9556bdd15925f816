/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: bounded input from a file or memory, gzip detected by content
 * and decompressed on the fly. Every byte a reader sees comes through here,
 * so the size limits hold for every format. */
#ifndef SCSEC_LIB_IO_SOURCE_H
#define SCSEC_LIB_IO_SOURCE_H

#include <stdint.h>
#include <stdio.h>
#include <zlib.h>

#include "util/alloc.h"
#include "io/options.h"
#include "scsec/error.h"

typedef struct scsec__source {
	const char *name;            /* for messages; never NULL */
	int unnamed;                 /* memory input given no name ("<memory>") */
	FILE *fp;                    /* file input, or NULL */
	const unsigned char *mem;    /* memory input */
	size_t mem_len;
	size_t mem_pos;
	int gzip;                    /* input is gzip-compressed */
	int zs_live;                 /* zs initialised */
	int zs_member_done;          /* the current gzip member ended */
	int eof;                     /* raw input exhausted */
	z_stream zs;
	const unsigned char *raw;    /* pending raw (compressed) bytes */
	size_t raw_len;
	uint64_t raw_total;          /* raw bytes consumed */
	uint64_t out_total;          /* document bytes delivered */
	uint64_t max_file;
	uint64_t max_doc;
	size_t peek_len;             /* document bytes read ahead by scsec__source_peek() */
	size_t peek_pos;             /* how many of them were handed out since */
	unsigned char peek[1024];
	unsigned char rawbuf[16384];
} scsec__source;

/* Open a file. Fails with SCSEC_EIO (missing, unreadable, a directory) or
 * SCSEC_ELIMIT (larger than the file-size limit). */
int scsec__source_open_file(scsec__source *s, const char *path, const scsec_load_options *opts);

/* Read from memory; name may be NULL ("<memory>"). SCSEC_ELIMIT when the
 * input is over the file-size limit. */
int scsec__source_open_memory(scsec__source *s, const void *data, size_t len, const char *name,
                              const scsec_load_options *opts);

/* Open path when it is not NULL, else the memory block (data, len, name).
 * A failure is also appended to diags, with the file name. */
int scsec__source_open_any(scsec__source *s, const char *path, const void *data, size_t len,
                           const char *name, const scsec_load_options *opts,
                           scsec_diagnostics *diags);

/* A reader builds a handle (*out, passed as void *) from an open source;
 * arg is its own argument (the set a CSV sheet answers, ...). */
typedef int (*scsec__reader_fn)(void *out, scsec__source *src, const void *arg,
                                const scsec_load_options *opts, scsec_diagnostics *diags);

/* The body of every public loader: open path (when not NULL) or the memory
 * block, run the reader, close. */
int scsec__read(void *out, scsec__reader_fn reader, const void *arg, const char *path,
                const void *data, size_t len, const char *name, const scsec_load_options *opts,
                scsec_diagnostics *diags);

/* Read up to n document bytes (decompressed). Returns the count, 0 at the
 * end, or a negative code (SCSEC_EIO, SCSEC_EPARSE for corrupt gzip,
 * SCSEC_ELIMIT when the document-size limit is passed), recorded as the
 * thread's last error with the source's name. */
long scsec__source_read(scsec__source *s, void *buf, size_t n);

/* The first document byte that is not a UTF-8 byte-order mark or JSON/XML
 * white space (space, tab, CR, LF), looked at before any read: the
 * reader that follows still sees every byte. *c gets -1 when the document
 * is empty or holds only white space within the first
 * sizeof s->peek bytes. 0, or the negative code of scsec__source_read(). */
int scsec__source_peek(scsec__source *s, int *c);

/* Read everything that is left into b. */
int scsec__source_slurp(scsec__source *s, scsec__buf *b);

void scsec__source_close(scsec__source *s);

#endif
