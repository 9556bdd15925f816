/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the one sheet reader. CSV sheets as spreadsheet programs save
 * them are read row by row through libcsv, never whole: UTF-8 (with or
 * without BOM), Shift_JIS (CP932, Japanese Excel's "CSV"), UTF-16 and UTF-32
 * (Excel's "Unicode text"), transcoded with iconv; comma-, tab- or
 * semicolon-separated; rows ending in CRLF, LF or CR; quoted cells with line
 * breaks. Every cell is cleaned by one rule (blanks trimmed as
 * util/util.h defines them, CRLF and CR inside turned into LF). Row numbers
 * are the row numbers a spreadsheet shows: 1 is the first line, an empty
 * line is an empty row. Used by the evidence import and the IPA import.
 * An Excel workbook (.xlsx, .xlsm: a zip archive) is read through
 * io/xlsx.h behind the same interface; an OLE2 file (encrypted or .xls) is
 * refused with what to do.
 *
 * And the writer side: cells quoted when they must be, formulas defused. */
#ifndef SCSEC_LIB_IO_SHEET_H
#define SCSEC_LIB_IO_SHEET_H

#include "util/error.h"
#include "io/source.h"

/* Cells past this column are not kept: a row of a million empty cells must
 * not cost a million cells. Like any column the readers do not know, they
 * are ignored (an answer sheet has 15 columns, IPA's about 16). */
#define SCSEC__SHEET_MAX_COLUMNS 1024

typedef struct scsec__sheet_span {
	size_t off;             /* of the cleaned cell in the row's text */
	size_t len;             /* its length: a NUL byte in a cell shows as a length
	                         * beyond strlen(), for the readers to refuse */
	int ok;                 /* the cell is text a sheet may hold (scsec__text_ok) */
} scsec__sheet_span;

typedef struct scsec__sheet_row {
	const char *text;       /* the cleaned cells, each NUL-terminated */
	const scsec__sheet_span *cells;
	size_t ncells;          /* at most SCSEC__SHEET_MAX_COLUMNS */
	unsigned long number;   /* 1-based */
	const char *format;     /* how the sheet is read: "UTF-8, comma-separated", ... */
	int more_sheets;        /* a workbook read without a chosen sheet, with worksheets
	                         * after this one: see SCSEC__SHEET_NEXT */
	const char *sheet;      /* a workbook's worksheet: its name; NULL for CSV */
} scsec__sheet_row;

/* What a row function may return for a row with more_sheets set (its
 * header is not the one it reads: an instructions sheet before the
 * answers): that worksheet is dropped and the next one read from its first
 * row. Nothing it reported is undone: return it before reporting. A
 * worksheet without a non-empty cell is passed over the same way when
 * others follow it (the row function sees its empty rows only). */
#define SCSEC__SHEET_NEXT 1

/* Called with every row of the sheet, empty ones included, in order; the
 * row is valid during the call only. Returns 0 to go on; anything else
 * stops the reading and is returned by scsec__sheet_read(). */
typedef int (*scsec__sheet_row_fn)(void *ctx, const scsec__sheet_row *row);

/* Read the sheet from src. The encoding is the options' SCSEC_LOAD_ENCODING,
 * or found from a byte-order mark, zero bytes (UTF-16 and UTF-32 without a
 * mark) and a strict decoding trial (UTF-8, else CP932); the separator from
 * the first non-empty line. Problems of the file itself (empty, an encoding
 * that fits none, malformed CSV, too many rows, read errors) are reported
 * once through rep, with row and column. Returns 0, the reported code, or
 * what fn returned. */
int scsec__sheet_read(scsec__source *src, const scsec_load_options *opts, scsec__reporter *rep,
                      scsec__sheet_row_fn fn, void *ctx);

/* Append a cell cleaned by the one rule to row, its place in c (for other
 * sources of rows: the xlsx reader). SCSEC_ENOMEM or 0. */
int scsec__sheet_put_cell(scsec__buf *row, scsec__sheet_span *c, const char *s, size_t len);

/* The cell, or "" when the row is shorter. */
const char *scsec__sheet_cell(const scsec__sheet_row *row, size_t col);
/* Non-zero when the cell is text a sheet may hold (or absent). */
int scsec__sheet_cell_ok(const scsec__sheet_row *row, size_t col);
/* Non-zero when every cell of the row is empty (cleaned cells: blanks are
 * already gone; a cell holding a NUL is not empty). */
int scsec__sheet_row_empty(const scsec__sheet_row *row);


/* Find the column whose header equals name, ASCII letters compared without
 * case; -1 when absent. A header cell that is not text matches nothing. */
long scsec__sheet_find(const scsec__sheet_row *header, const char *name);
/* The same, looking from column `from` on. */
long scsec__sheet_find_from(const scsec__sheet_row *header, const char *name, size_t from);
/* Non-zero when header cell col equals name, as scsec__sheet_find() compares. */
int scsec__sheet_cell_is(const scsec__sheet_row *header, size_t col, const char *name);

/* Non-zero when text would start a spreadsheet formula (= + - @ TAB CR). */
int scsec__csv_formula_start(const char *s);

/* Writing: a cell (quoted only when it must be; text that would start a
 * formula is written after an apostrophe), a separator before every cell
 * but the first, and CRLF at the end of the row. */
void scsec__csv_cell(scsec__buf *b, const char *s, int first);
void scsec__csv_end(scsec__buf *b);

#define SCSEC__UTF8_BOM "\xef\xbb\xbf"

#endif
