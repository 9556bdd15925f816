/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: atomic file writing. */
#ifndef SCSEC_LIB_IO_FILE_H
#define SCSEC_LIB_IO_FILE_H

#include <stddef.h>

/* Write data to path atomically: a temporary file beside it, fsync, rename,
 * fsync of the directory. gzip: compress first. On failure the previous
 * file is untouched and the temporary removed. 0, SCSEC_EIO, SCSEC_ENOMEM. */
int scsec__write_file_atomic(const char *path, const void *data, size_t len, int gzip);

/* The same for a writer that can only write to a file name (libxlsxwriter):
 * fill is called with the name of the temporary, already created empty
 * beside path, and writes it; 0 or an SCSEC_E code with the error set (the
 * temporary is then removed and path untouched). */
typedef int (*scsec__file_fill_fn)(const char *tmp_path, void *ctx);
int scsec__write_file_with(const char *path, scsec__file_fill_fn fill, void *ctx);

/* gzip-compress into a new buffer (free with scsec__free). */
int scsec__gzip(unsigned char **out, size_t *out_len, const void *data, size_t len);

#endif
