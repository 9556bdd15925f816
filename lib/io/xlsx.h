/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: an Excel workbook (.xlsx, .xlsm) read as a sheet, behind the
 * sheet reader's interface (sheet.h). The zip container through libzip,
 * its XML parts through libxml2's streaming reader (no network, no DTD
 * loaded, no entity expanded; a DOCTYPE is refused). Only the parts a
 * sheet needs are opened ([Content_Types].xml, xl/workbook.xml, its
 * relationships, xl/sharedStrings.xml, xl/styles.xml, the chosen sheet):
 * macros (xl/vbaProject.bin), external links and everything else are never
 * read. Caps: entries, the uncompressed size of everything read (the
 * document-size limit) and the compression ratio, both checked while
 * inflating. */
#ifndef SCSEC_LIB_IO_XLSX_H
#define SCSEC_LIB_IO_XLSX_H

#include "io/sheet.h"

/* Entries a workbook may have. */
#define SCSEC__XLSX_MAX_ENTRIES 4096
/* Inflated bytes per compressed byte past which an entry is a zip bomb
 * (once it is past SCSEC__XLSX_RATIO_FLOOR bytes). */
#define SCSEC__XLSX_MAX_RATIO 200
#define SCSEC__XLSX_RATIO_FLOOR (1u << 20)

/* Non-zero when the bytes start a zip archive. */
int scsec__xlsx_is_zip(const void *data, size_t len);
/* Non-zero when the bytes start an OLE2 compound file (an encrypted
 * workbook, or a legacy .xls). */
int scsec__xlsx_is_ole2(const void *data, size_t len);

/* Read the workbook held in data as a sheet: the worksheet the options
 * name (SCSEC_ENOTFOUND, listing the sheets, when it has none of that
 * name), else the first worksheet in workbook order, or the next one
 * while fn returns SCSEC__SHEET_NEXT for a row or the worksheet has no
 * non-empty cell (sheet.h); every row from
 * 1 on, every cell from column A on, the
 * value of a merged range given to every cell of it, date cells as
 * YYYY-MM-DD (the 1900 and 1904 date systems), numbers as Excel stores
 * them, booleans as TRUE / FALSE. Errors go through rep, with the sheet and
 * the cell's A1 reference in the message. */
int scsec__xlsx_read(const void *data, size_t len, const scsec_load_options *opts,
                     scsec__reporter *rep, scsec__sheet_row_fn fn, void *ctx);

#endif
