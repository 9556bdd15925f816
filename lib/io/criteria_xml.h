/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: criteria sets from XML. */
#ifndef SCSEC_LIB_IO_CRITERIA_XML_H
#define SCSEC_LIB_IO_CRITERIA_XML_H

#include "io/xml.h"
#include "model/criteria.h"

/* Build, check and fingerprint a set from a parsed document. */
int scsec__criteria_from_xml(scsec_criteria **out, scsec__xdoc *doc);

#endif
