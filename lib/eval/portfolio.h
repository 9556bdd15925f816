/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the portfolio's layout, shared by its figures (eval/portfolio.c)
 * and its writers (io/portfolio_write.c). */
#ifndef SCSEC_LIB_EVAL_PORTFOLIO_H
#define SCSEC_LIB_EVAL_PORTFOLIO_H

#include <stddef.h>
#include <stdint.h>

#include "scsec/portfolio.h"

/* A list of pointers kept sorted by its comparison. */
typedef struct plist {
	void **items;
	size_t n;
	size_t cap;
} plist;

struct scsec_supplier {
	const scsec_portfolio *p;
	char *id;
	char *name;                /* or NULL */
	char *source;              /* or NULL */
	int level;                 /* rank achieved, 0 for none */
	scsec_date valid_until;
	int expiring;
	const char **rests_on;     /* ids borrowed from the portfolio's set */
	size_t nrests_on;
	const char *trust;         /* "", "unsigned", "unverified", "verified" (static) */
	unsigned char *why;        /* the result's reasons, [level * nitems + item] */
	int projected;             /* the result carried a projection (rule 12) */
	scsec_date *proj_on;       /* per level: projected day, or SCSEC_DATE_NONE */
	size_t *proj_blockers;     /* per level: items that block it */
	/* Worked out again whenever the requirement changes. */
	int required;
	size_t ncontracts;
	int meets;                 /* -1 without a contract */
	int target;
	size_t gap_method;
	size_t gap_fixes;
	uint32_t *cat;             /* per top-level category: satisfied, applicable */
};

struct scsec_contract {
	const scsec_portfolio *p;
	char *supplier_id;
	char *id;
	int required;
};

typedef struct unreadable {
	char *source;
	char *problem;
} unreadable;

struct scsec_portfolio {
	const scsec_criteria *c;   /* one reference held */
	scsec_date as_of;
	int within;
	int trust_applied;
	int projection_applied;    /* some supplier's result carried a projection */
	size_t nitems;             /* criteria, then prerequisites */
	plist suppliers;           /* by id (scsec__idcmp) */
	plist expiring;            /* by last valid day, then id */
	plist below;               /* by id */
	plist untrusted;           /* by id */
	plist contracts;           /* by supplier id, then contract id */
	plist unreadable;          /* by source, bytewise */
	size_t *level_counts;      /* [0]: no level, [i + 1]: levels[i] */
	size_t *missed;            /* per item: suppliers missing it at their target */
	size_t *missed_method;     /* of those, for a method or unverified reason */
	uint32_t *order;           /* items by missed count decreasing, then id */
	size_t nmissed;            /* items with a count */
};

/* Non-zero when the supplier already has that contract. */
int scsec__portfolio_has_contract(const scsec_portfolio *p, const char *supplier_id,
                                  const char *contract_id);

#endif /* SCSEC_LIB_EVAL_PORTFOLIO_H */
