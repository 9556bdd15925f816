/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the result's layout, shared by the engine (eval/), the
 * accessors (model/result.c) and the serialisers (io/result_write.c). */
#ifndef SCSEC_LIB_MODEL_RESULT_H
#define SCSEC_LIB_MODEL_RESULT_H

#include "scsec/eval.h"
#include "model/criteria.h"
#include "model/evidence.h"

struct scsec_figures {
	size_t applicable;
	size_t count[SCSEC_REASON_COUNT]; /* [SCSEC_REASON_NONE] = satisfied */
	size_t not_applicable;            /* of the satisfied: answered not-applicable */
};

struct scsec_gap {
	const char *id;      /* borrowed from the set, which the result keeps alive */
	unsigned char reason;
	unsigned char prerequisite;
	/* The item itself (NULL for a result not made by an evaluator). */
	const struct scsec_criterion *criterion;
	const struct scsec_prerequisite *prerequisite_item;
};

struct scsec_result {
	const scsec_criteria *c;  /* one reference held */
	int level;                /* rank achieved, 0 for none */
	int level_index;          /* its index, -1 for none */
	scsec_date valid_until;
	scsec_date as_of;
	int gap_index;            /* index of the gap level, -1 for a set without levels */
	size_t nlevels;
	unsigned char *met;       /* per level */
	struct scsec_figures *level_figures;
	struct scsec_figures function_figures[SCSEC_FUNCTION_COUNT];
	size_t ncategories;       /* top-level */
	struct scsec_figures *category_figures;
	size_t ngaps;
	struct scsec_gap *gaps;
	int has_score;
	long score;
	long score_max;
	const char *band;         /* from the set, or NULL */
	scsec_conditional conditional;
	int required;             /* 0: not determined */
	/* The record's fingerprint: through the evaluator that made the result
	 * (one reference held), computed when first asked for; a result made
	 * otherwise (NULL evaluator) holds it here. */
	const struct scsec_evaluator *evaluator;
	/* Every item's reason at every level ([level * nitems + item], criteria
	 * then prerequisites; SCSEC__NOT_JUDGED where it does not apply), and
	 * the ids of the items valid_until rests on, in id order. NULL/0 for a
	 * result not made by an evaluator. */
	size_t nitems;
	unsigned char *why;
	const char **rests_on;
	size_t nrests_on;
	char evidence_fingerprint[65];
	unsigned char evidence_derived; /* the record was derived through a mapping set */
	char *subject;            /* inside the same allocation, or NULL */
};

/* The index (criteria, then prerequisites) of item id judged at level:
 * SCSEC_EINVAL, or SCSEC_ENOTFOUND when id is no item of the set, does not
 * apply at that level or the result keeps no reasons. */
int scsec__result_item(size_t *item, const scsec_result *r, size_t level, const char *id);

#endif
