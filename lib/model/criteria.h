/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the criteria-set model, its builder and its checks. Readers
 * (XML, IPA sheet) fill a set through the builder functions and then call
 * scsec__criteria_finish(), which checks and indexes it, and
 * scsec__criteria_fingerprint(); after that the set is immutable. */
#ifndef SCSEC_LIB_MODEL_CRITERIA_H
#define SCSEC_LIB_MODEL_CRITERIA_H

#include <stdatomic.h>
#include <stdint.h>

#include "scsec/criteria.h"
#include "util/date.h"
#include "util/error.h"
#include "util/util.h"

/* Levels are indexed by bit in 64-bit masks. */
#define SCSEC__MAX_LEVELS 64

typedef struct scsec__loc {
	unsigned long line;
	unsigned long column;
} scsec__loc;

struct scsec_prerequisite {
	const char *id;
	scsec__texts title;
	scsec__texts description;
	size_t index;
	uint64_t level_mask;         /* bit i: a prerequisite of levels[i] */
	const char *assessor_role;   /* the role its assessor must state, or NULL (issue 13.5) */
	int role_provisional;        /* that role is provisional data */
	scsec__loc loc;
};

struct scsec_level {
	int rank;
	const char *label;
	scsec__texts title;
	scsec_method method;
	const char *validity;        /* canonical ISO 8601 */
	scsec__duration duration;
	int provisional;
	int requires_lower;
	const char **requires;       /* prerequisite ids, as written */
	size_t nrequires;
	size_t crequires;
	const scsec_prerequisite **prereqs; /* resolved by finish() */
	size_t nprereqs;
	size_t ncriteria;            /* criteria applying here */
	size_t nrequirements;        /* requirements with a criterion applying here */
	uint32_t *criteria;          /* indexes of the criteria applying here */
	size_t index;                /* position by increasing rank */
	uint64_t chain;              /* this level and those reached through requires-lower */
	/* With this level as the gap level (rule 7): the items of its chain in
	 * id order, each with the levels of the chain where it applies; and how
	 * many of its criteria fall under each CSF function and each top-level
	 * category. */
	struct scsec__gap_item *gap_items;
	size_t ngap_items;
	size_t function_applicable[SCSEC_FUNCTION_COUNT];
	size_t *category_applicable;
	scsec__loc loc;
};

struct scsec_category {
	const char *id;
	scsec__texts title;
	scsec_function own_function;
	scsec_function function;     /* own or inherited */
	struct scsec_category *parent;
	int depth;
	size_t index;
	size_t top;                  /* index of its top-level ancestor among top-level categories */
	scsec__loc loc;
};

typedef struct scsec__ref {
	const char *framework;
	const char *clauses;
} scsec__ref;

struct scsec_requirement {
	const char *id;
	scsec__texts name;
	scsec__texts text;
	struct scsec_category *category;
	struct scsec_criterion **criteria;
	size_t ncriteria;
	size_t ccriteria;
	size_t index;
	scsec__loc loc;
};

struct scsec_criterion {
	const char *id;
	const struct scsec_criteria *set;
	scsec__texts text;
	struct scsec_requirement *requirement;
	int min_level;               /* cumulative: applies at this rank and above */
	int *levels;                 /* non-cumulative: exactly these ranks (NULL otherwise) */
	size_t nlevels;
	int na_allowed;
	int weight;
	int poam_eligible;
	scsec__ref *refs;
	size_t nrefs;
	size_t crefs;
	uint64_t level_mask;         /* bit i: applies at levels[i] (by index) */
	size_t index;
	scsec__loc loc;
};

struct scsec_question {
	const char *id;
	scsec__texts text;
	int level_if_yes;
	scsec__loc loc;
};

/* An answer mark of the set (issue 14): text people type in an answer
 * sheet's status cell (○, 該当なし, ...) and the status it stands for. */
typedef struct scsec__mark {
	const char *text;
	int status;                  /* scsec_status, never NONE */
	scsec__loc loc;
} scsec__mark;

typedef struct scsec__framework {
	const char *id;
	const char *title;
	scsec__loc loc;
} scsec__framework;

/* Points per status (points model); `set` tells which were given. */
enum { SCSEC__PTS_MET, SCSEC__PTS_PARTIAL, SCSEC__PTS_NOT_MET, SCSEC__PTS_NA, SCSEC__PTS_MISSING,
       SCSEC__PTS_COUNT };

typedef struct scsec__band {
	long min;
	const char *label;
} scsec__band;

typedef struct scsec__scoring {
	scsec_scoring_model model;
	int level;                   /* rank scored; 0 = the highest */
	long points[SCSEC__PTS_COUNT];
	int points_set[SCSEC__PTS_COUNT];
	scsec__band *bands;          /* by decreasing min */
	size_t nbands;
	size_t cbands;
	long max;                    /* deductions: the starting score */
	int has_max;
	long floor;
	int has_floor;
	long conditional_min;
	int has_conditional;
	int conditional_only_poam;
	scsec__loc loc;
} scsec__scoring;

#define SCSEC__PTR_ARRAY(type, name) \
	type **name;                 \
	size_t n##name;              \
	size_t c##name

struct scsec_criteria {
	scsec__arena arena;          /* every string and object of the set */
	atomic_long refs;            /* the owner and each result */
	const char *name;            /* document name, for messages */
	const char *id;
	const char *version;
	scsec__texts title;
	scsec__texts description;
	const char *publisher;
	scsec_date issued;
	const char *source;
	const char *source_uri;
	scsec__scoring scoring;
	SCSEC__PTR_ARRAY(scsec__framework, frameworks);
	SCSEC__PTR_ARRAY(scsec__mark, marks);
	int marks_provisional;       /* the answer-marks element says provisional */
	int has_marks;               /* the set has an answer-marks element */
	SCSEC__PTR_ARRAY(struct scsec_prerequisite, prereqs);
	SCSEC__PTR_ARRAY(struct scsec_level, levels);
	SCSEC__PTR_ARRAY(struct scsec_category, categories);
	SCSEC__PTR_ARRAY(struct scsec_requirement, requirements);
	SCSEC__PTR_ARRAY(struct scsec_criterion, criteria);
	SCSEC__PTR_ARRAY(struct scsec_question, questions);
	int has_required_rule;
	int required_default;
	scsec__loc required_loc;     /* the required-level element */
	size_t ntop;                 /* top-level categories */
	/* Criteria and prerequisites ordered by id (scsec__idcmp): entries with
	 * SCSEC__ORDER_PREREQ set are prerequisite indexes, others criteria. */
	uint32_t *id_order;
	size_t nid_order;
	/* Per item (criteria, then prerequisites), flat for evaluation: the
	 * levels where it applies (bits by level index), its CSF function, its
	 * top-level category (criteria only) and its id. */
	uint64_t *item_mask;
	unsigned char *item_function;
	uint32_t *item_top;
	const char **item_id;
	scsec__map ids;              /* criteria, requirements, categories, prerequisites */
	char fingerprint[65];
	int finished;
};

#define SCSEC__ORDER_PREREQ 0x80000000u
#define SCSEC__MAX_ITEMS 0x7fffffffu

struct scsec__gap_item {
	uint64_t levels;             /* bit i: judged at levels[i] */
	uint32_t item;               /* criteria, then prerequisites */
};

/* ---- tokens ---- */

/* scsec_method_parse(), which also takes the Japanese names; the file
 * formats take the English ones only (allow_ja = 0). */
int scsec__method_parse(scsec_method *out, const char *text, int allow_ja);

/* ---- building ---- */

int scsec__criteria_new(scsec_criteria **out, const char *name);
/* Strings are copied into the set's arena. NULL stays NULL. */
const char *scsec__criteria_str(scsec_criteria *c, const char *s);
const char *scsec__criteria_strn(scsec_criteria *c, const char *s, size_t n);
int scsec__criteria_text(scsec_criteria *c, scsec__texts *t, const char *lang, const char *text);

scsec__framework *scsec__criteria_add_framework(scsec_criteria *c, const char *id, const char *title);
scsec__mark *scsec__criteria_add_mark(scsec_criteria *c, const char *text, int status);
struct scsec_prerequisite *scsec__criteria_add_prereq(scsec_criteria *c, const char *id);
struct scsec_level *scsec__criteria_add_level(scsec_criteria *c, int rank);
int scsec__level_add_requires(scsec_criteria *c, struct scsec_level *l, const char *ref);
struct scsec_category *scsec__criteria_add_category(scsec_criteria *c, const char *id,
                                                    struct scsec_category *parent);
struct scsec_requirement *scsec__criteria_add_requirement(scsec_criteria *c, const char *id,
                                                          struct scsec_category *category);
struct scsec_criterion *scsec__criteria_add_criterion(scsec_criteria *c, const char *id,
                                                      struct scsec_requirement *r);
int scsec__criterion_add_ref(scsec_criteria *c, struct scsec_criterion *cr, const char *framework,
                             const char *clauses);
struct scsec_question *scsec__criteria_add_question(scsec_criteria *c, const char *id, int level);
int scsec__scoring_add_band(scsec_criteria *c, long min, const char *label);

/* Check and index. Every problem goes through rep (NULL for sets built
 * without a document: messages then carry the set's name and the object's
 * location). Returns 0 or the first error's code. The loader then
 * fingerprints the finished set (scsec__criteria_fingerprint(),
 * model/canonical.h). */
int scsec__criteria_finish(scsec_criteria *c, scsec__reporter *rep);

/* Copy the scheme's rules (identity, frameworks, scoring, prerequisites,
 * level rules, questions) of `rules` into the set being built, whose levels
 * are those the content names (the IPA import). */
int scsec__criteria_copy_rules(scsec_criteria *c, const scsec_criteria *rules);

/* ---- using ---- */

void scsec__criteria_ref(const scsec_criteria *c);
void scsec__criteria_unref(const scsec_criteria *c);

/* The id's kind and object, for evidence checks. */
typedef enum { SCSEC__ID_NONE, SCSEC__ID_CRITERION, SCSEC__ID_REQUIREMENT, SCSEC__ID_CATEGORY,
               SCSEC__ID_PREREQUISITE } scsec__id_kind;
scsec__id_kind scsec__criteria_lookup(const scsec_criteria *c, const char *id, const void **obj);

/* The next top-level category from position *k on, *k moved past it
 * (start with *k = 0; walking them all this way is one pass); NULL after
 * the last. */
const struct scsec_category *scsec__criteria_next_top(const scsec_criteria *c, size_t *k);

/* The status an answer mark of the set stands for: 0 and *out set, or
 * SCSEC_ENOTFOUND (no error recorded) when text is none of its marks. */
int scsec__criteria_mark_status(const scsec_criteria *c, const char *text, int *out);

/* The scored level's index (scoring model), or -1. */
int scsec__criteria_scored_level(const scsec_criteria *c);

#endif
