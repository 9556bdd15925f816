/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the mapping-set model, the provenance of derived entries and
 * records, and the one inference rule of doc/mapping.md
 * (scsec_mapping_derive()). */
#ifndef SCSEC_LIB_MODEL_MAPPING_H
#define SCSEC_LIB_MODEL_MAPPING_H

#include "scsec/mapping.h"
#include "model/criteria.h"
#include "model/evidence.h"
#include "util/alloc.h"

/* Strength and coverage are kept in thousandths: exact, and written the
 * same way everywhere. -1: not given. */
#define SCSEC__PERMILLE_NONE (-1)

struct scsec_mapping {
	char *source;
	char *target;            /* NULL: a no-relationship mapping to nothing */
	scsec_relationship relationship;
	int strength;            /* thousandths, or SCSEC__PERMILLE_NONE */
	int coverage;
	scsec_rationale rationale;
	char *note;
	scsec__loc loc;
};

struct scsec_mapping_set {
	char *id;
	char *version;
	char *title;
	char *source_id;
	char *source_version;
	char *target_id;
	char *target_version;
	int provisional;
	unsigned accepted;       /* bit m: source method m accepted for the target */
	struct scsec_mapping **items; /* ordered by (source, target), scsec__mapping_cmp */
	size_t count;
	size_t cap;
};

/* Order of mappings: source id, then target id (NULL first), by scsec__idcmp. */
int scsec__mapping_cmp(const struct scsec_mapping *a, const struct scsec_mapping *b);

/* Readers: append unordered (a new mapping, owned by the set on success),
 * then sort once; sort returns the first mapping whose pair repeats the one
 * before it in *dup (NULL when none), removing nothing. */
int scsec__mapping_set_append(scsec_mapping_set *set, struct scsec_mapping *m);
void scsec__mapping_set_sort(scsec_mapping_set *set, const struct scsec_mapping **dup,
                             const struct scsec_mapping **first);
int scsec__mapping_new(struct scsec_mapping **out, const char *source, const char *target,
                       scsec_relationship rel);
void scsec__mapping_free(struct scsec_mapping *m);

/* "0", "1", "0.5", "0.125", "1.000": at most three decimals, 0 to 1. */
int scsec__permille_parse(int *out, const char *text);
/* Into buf (8 bytes): "0.125", "1", "0". */
void scsec__permille_format(char *buf, int permille);

/* Non-zero when evidence may answer id in c: a criterion or a prerequisite. */
int scsec__criteria_answerable(const scsec_criteria *c, const char *id);

/* Tokens of the file formats. */
int scsec__relationship_parse(scsec_relationship *out, const char *text);
int scsec__rationale_parse(scsec_rationale *out, const char *text);

/* The mapping set in its XML form (lib/util/xmlwrite.h primitives). */
int scsec__mapping_set_to_xml(scsec__buf *b, const scsec_mapping_set *set);

/* ---- provenance, kept with entries and records (model/evidence.h) ---- */

typedef struct scsec__dsource {
	char *id;
	scsec_relationship relationship;
	scsec_status status;
	scsec_method method;
} scsec__dsource;

struct scsec__derivation {
	char *set_id;
	char *set_version;
	scsec__dsource *sources; /* ordered by id */
	size_t count;
	size_t cap;
};

struct scsec__record_derivation {
	char *mapping_id;
	char *mapping_version;
	char *source_id;
	char *source_version;
};

void scsec__derivation_free(struct scsec__derivation *d);
int scsec__derivation_dup(struct scsec__derivation **out, const struct scsec__derivation *d);
void scsec__record_derivation_free(struct scsec__record_derivation *d);
int scsec__record_derivation_dup(struct scsec__record_derivation **out,
                                 const struct scsec__record_derivation *d);

#endif
