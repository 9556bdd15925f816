/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/scsec.h
 * @brief The umbrella header: include this one.
 */
#ifndef SCSEC_H
#define SCSEC_H

#include <scsec/common.h>
#include <scsec/error.h>
#include <scsec/version.h>
#include <scsec/options.h>
#include <scsec/criteria.h>
#include <scsec/evidence.h>
#include <scsec/eval.h>
#include <scsec/document.h>
#include <scsec/mapping.h>
#include <scsec/oscal.h>
#include <scsec/trust.h>
#include <scsec/signature.h>
#include <scsec/portfolio.h>
#include <scsec/result_signature.h>

#endif /* SCSEC_H */
