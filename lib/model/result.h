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
#include "model/signature.h"

struct scsec_figures {
	size_t applicable;
	size_t count[SCSEC_REASON_COUNT_1_1]; /* [SCSEC_REASON_NONE] = satisfied */
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

/* The reasons in the order of rule 5 (doc/evaluation.md), NONE left out:
 * the order every writer reports them in. */
#define SCSEC__NREASONS (SCSEC_REASON_COUNT_1_1 - 1)
extern const unsigned char scsec__reason_order[SCSEC__NREASONS];

/* Rule 12, the projection: per level the projected day (SCSEC_DATE_NONE
 * when met or blocked) and the blockers of level i at
 * blockers[off[i]..off[i + 1]). */
struct scsec__blocker {
	const char *id;              /* borrowed from the set */
	unsigned char kind;          /* scsec_blocker */
};
struct scsec__projection {
	scsec_date *on;
	size_t *off;
	struct scsec__blocker *blockers;
};

/* One signature of the evaluated record, judged under the trust list. */
struct scsec_signer {
	const scsec__signature *sig; /* borrowed from the evaluator's snapshot */
	const char *party;           /* copies inside the signers' allocation, or NULL */
	const char *role;
	unsigned char verdict;       /* scsec_verdict */
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
	/* The trust policy (doc/evaluation.md, rule 11): applied or not, the
	 * strongest method the counting signatures support, the list's
	 * operator and version, and every signature with its verdict. The
	 * signers, their strings and the list's names are one allocation
	 * (signers), freed with the result. */
	unsigned char trust_applied;
	unsigned char trust_verified; /* the list's operator signature was checked */
	scsec_method trusted_method;
	const char *trust_operator;
	const char *trust_version;
	struct scsec_signer *signers;
	size_t nsigners;
	struct scsec__projection *projection; /* own allocation, or NULL (not asked for) */
	/* A result read back from its XML or JSON form (io/result_read.c) has
	 * no evaluator: what the evaluator would give is held here instead
	 * (NULL otherwise), in allocations chained on owned and freed with
	 * the result (the signers' scsec__signature copies among them). */
	scsec_date *last_valid;   /* [level * nitems + item] */
	unsigned char *unstated;  /* [prerequisite]: 1 when its role is unstated */
	const char *engine;       /* "libscsec X.Y.Z" as recorded */
	struct scsec__owned *owned;
	/* The XML Signatures of the result document it was read from (issue
	 * 12: signed results), verified when read (io/result_read.c); freed
	 * with the result. */
	scsec__signature *doc_sigs;
	size_t ndoc_sigs;
};

/* In why[]: the item does not apply at that level. */
#define SCSEC__NOT_JUDGED 0xff

/* The last valid day of item's answer at level (SCSEC_DATE_NONE without
 * one), and whether prerequisite p's answer states no assessor role
 * though the prerequisite names one: from the evaluator, or from what a
 * loaded result holds (eval/eval.c). */
scsec_date scsec__result_last_valid(const scsec_result *r, size_t level, size_t item);
int scsec__result_unstated(const scsec_result *r, size_t p);

/* The id of item i of set c (criteria, then prerequisites). */
const char *scsec__result_item_id(const scsec_criteria *c, size_t i);

/* A block of size bytes (zeroed) freed with r; NULL on failure. */
void *scsec__result_keep(scsec_result *r, size_t size);
/* Free what scsec__result_keep() gave. */
void scsec__result_release(scsec_result *r);

/* The index (criteria, then prerequisites) of item id judged at level:
 * SCSEC_EINVAL, or SCSEC_ENOTFOUND when id is no item of the set, does not
 * apply at that level or the result keeps no reasons. */
int scsec__result_item(size_t *item, const scsec_result *r, size_t level, const char *id);

#endif
