/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: reading OSCAL documents (io/oscal_doc.c, io/oscal_xml.c) and
 * turning catalogs and profiles into criteria sets (io/oscal_import.c).
 *
 * Every OSCAL document, JSON or XML, is read into the tree of OSCAL's JSON
 * model ({"catalog": {...}}) through the bounded JSON reader (io/json.h);
 * an XML document is read by the safe XML reader in its mixed-content mode
 * and converted, each object marked with its element's line and column.
 * Readers then walk one tree whatever the syntax was. */
#ifndef SCSEC_LIB_IO_OSCAL_H
#define SCSEC_LIB_IO_OSCAL_H

#include "io/json.h"
#include "io/source.h"
#include "io/xml.h"

/* OSCAL's namespace for props and parts of NIST's own vocabulary. */
#define SCSEC__NS_OSCAL "http://csrc.nist.gov/ns/oscal"
/* libscsec's namespace for the props it writes into OSCAL documents. */
#define SCSEC__NS_OSCAL_SCSEC "urn:scsec:oscal:1"

/* Read an OSCAL document, JSON or XML (told by its first character), into
 * doc: a root object with the one member named by the document's model
 * ("catalog", "profile", "assessment-results", ...). 0 or the first
 * error's code; dispose doc in any case. */
int scsec__oscal_parse(scsec__jdoc *doc, scsec__source *src, const scsec_load_options *opts,
                       scsec_diagnostics *diags);

/* Convert a parsed OSCAL XML document (scsec__xml_parse_mixed()) into the
 * JSON model, into doc (started with scsec__jdoc_init()). Elements the
 * readers do not use are left out. 0, SCSEC_ELIMIT (a string longer than
 * SCSEC__JSON_MAX_STRING) or SCSEC_ENOMEM, reported. */
int scsec__oscal_from_xml(scsec__jdoc *doc, const scsec__xdoc *x);

/* The model's object under the root (doc->root["catalog"] ...): its name
 * in *model; NULL (reported) when the root holds not exactly one member. */
const json_t *scsec__oscal_model(scsec__jdoc *doc, const char **model);

/* The reader of a mapping set in OSCAL mapping-collection JSON
 * (io/mapping_oscal.c), an scsec__reader_fn. */
int scsec__mapping_set_read_oscal(void *out, scsec__source *src, const void *arg,
                                  const scsec_load_options *opts, scsec_diagnostics *diags);

#endif
