/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: CSV sheets as spreadsheet programs save them (UTF-8 with or
 * without BOM, CRLF, quoted cells with line breaks), read with libcsv into
 * rows of cells; and the writer side. Row numbers are record numbers, which
 * are the row numbers a spreadsheet shows (1 = the header). */
#ifndef SCSEC_LIB_IO_SHEET_H
#define SCSEC_LIB_IO_SHEET_H

#include "util/error.h"
#include "io/source.h"

/* Cells past this column are not kept: a row of a million empty cells must
 * not cost a million cells. Like any column the readers do not know, they
 * are ignored (an answer sheet has 15 columns). */
#define SCSEC__SHEET_MAX_COLUMNS 1024

typedef struct scsec__sheet_span {
	size_t off;             /* of the cell in the row's text */
	size_t len;             /* its length: a NUL byte in a cell shows as a length
	                         * beyond strlen(), for the readers to refuse */
} scsec__sheet_span;

typedef struct scsec__sheet_row {
	char *text;             /* the cells, each NUL-terminated, as in the file (unquoted) */
	scsec__sheet_span *cells;
	size_t ncells;          /* at most SCSEC__SHEET_MAX_COLUMNS */
	unsigned long number;   /* 1-based */
} scsec__sheet_row;

typedef struct scsec__sheet {
	scsec__sheet_row *rows;
	size_t nrows;
	size_t crows;
} scsec__sheet;

/* Read a whole sheet. Problems are reported through rep (with row and
 * column); returns 0 or the first error's code. Cells past column
 * SCSEC__SHEET_MAX_COLUMNS are counted but not kept. */
int scsec__sheet_read(scsec__sheet *sh, scsec__source *src, const scsec_load_options *opts,
                      scsec__reporter *rep);
void scsec__sheet_dispose(scsec__sheet *sh);

/* The cell, or "" when the row is shorter. */
const char *scsec__sheet_cell(const scsec__sheet_row *row, size_t col);
/* Non-zero when the cell is text a document can carry: valid UTF-8, no NUL
 * or other control characters but tab, LF and CR. */
int scsec__sheet_cell_ok(const scsec__sheet_row *row, size_t col);
/* Non-zero when every cell of the row is empty or blank. */
int scsec__sheet_row_empty(const scsec__sheet_row *row);

/* Find the column whose header (trimmed) equals name, ASCII letters
 * compared without case; -1 when absent. */
long scsec__sheet_find(const scsec__sheet_row *header, const char *name);
/* The same, looking from column `from` on. */
long scsec__sheet_find_from(const scsec__sheet_row *header, const char *name, size_t from);

/* Copy of s without leading/trailing blanks (ASCII and U+3000), with CRLF
 * and lone CR turned into LF. Free with scsec__free. */
char *scsec__sheet_clean(const char *s);

/* Non-zero when text would start a spreadsheet formula (= + - @ TAB CR). */
int scsec__csv_formula_start(const char *s);

/* Writing: a cell (quoted only when it must be; text that would start a
 * formula is written after an apostrophe), a separator before every cell
 * but the first, and CRLF at the end of the row. */
void scsec__csv_cell(scsec__buf *b, const char *s, int first);
void scsec__csv_end(scsec__buf *b);

#define SCSEC__UTF8_BOM "\xef\xbb\xbf"

#endif
