/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: evidence records in JSON (io/evidence_json.c). */
#ifndef SCSEC_LIB_IO_EVIDENCE_JSON_H
#define SCSEC_LIB_IO_EVIDENCE_JSON_H

#include "io/source.h"
#include "scsec/evidence.h"
#include "util/alloc.h"

/* Read a record in its JSON form from src (what scsec_evidence_load_*
 * call when the document starts with '{'). */
int scsec__evidence_from_json(scsec_evidence **out, scsec__source *src,
                              const scsec_load_options *opts, scsec_diagnostics *diags);

/* The JSON form of a record, appended to b: the XML form's content in a
 * fixed member order, so the same record gives the same bytes. */
int scsec__evidence_to_json(scsec__buf *b, const scsec_evidence *ev);

#endif
