/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Results: the accessors (the JSON and XML forms are io/result_write.c). */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "model/result.h"
#include "scsec/version.h"
#include "util/xmlwrite.h"

static const char *const reason_names[SCSEC_REASON_COUNT_1_1] = {
	"", "missing", "not-met", "partial", "na-rejected", "method", "not-yet-valid", "expired",
	"unverified",
};

const unsigned char scsec__reason_order[SCSEC__NREASONS] = {
	SCSEC_REASON_MISSING, SCSEC_REASON_NOT_MET, SCSEC_REASON_PARTIAL,
	SCSEC_REASON_NA_REJECTED, SCSEC_REASON_METHOD, SCSEC_REASON_UNVERIFIED,
	SCSEC_REASON_NOT_YET_VALID, SCSEC_REASON_EXPIRED,
};
static const char *const conditional_names[] = { "", "final", "conditional", "not-met" };

const char *scsec_reason_name(scsec_reason reason)
{
	return (unsigned)reason < SCSEC_REASON_COUNT_1_1 ? reason_names[reason] : "";
}

const char *scsec_conditional_name(scsec_conditional status)
{
	return (unsigned)status < 4 ? conditional_names[status] : "";
}

/* ---------------------------------------------------------------- accessors */

int scsec_result_level(const scsec_result *r) { return r ? r->level : 0; }
const char *scsec_result_level_label(const scsec_result *r)
{
	return r && r->level_index >= 0 ? r->c->levels[r->level_index]->label : NULL;
}
scsec_date scsec_result_valid_until(const scsec_result *r) { return r ? r->valid_until : SCSEC_DATE_NONE; }
scsec_date scsec_result_as_of(const scsec_result *r) { return r ? r->as_of : SCSEC_DATE_NONE; }

size_t scsec_result_level_count(const scsec_result *r) { return r ? r->nlevels : 0; }
int scsec_result_level_rank_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->c->levels[i]->rank : 0;
}
int scsec_result_level_met_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->met[i] : 0;
}
const char *scsec_result_level_label_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->c->levels[i]->label : NULL;
}
const scsec_figures *scsec_result_level_figures_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? &r->level_figures[i] : NULL;
}

int scsec_result_gap_level(const scsec_result *r)
{
	return r && r->gap_index >= 0 ? r->c->levels[r->gap_index]->rank : 0;
}
size_t scsec_result_gap_count(const scsec_result *r) { return r ? r->ngaps : 0; }
const scsec_gap *scsec_result_gap_at(const scsec_result *r, size_t i)
{
	return r && i < r->ngaps ? &r->gaps[i] : NULL;
}
const char *scsec_gap_id(const scsec_gap *g) { return g ? g->id : NULL; }
scsec_reason scsec_gap_reason(const scsec_gap *g) { return g ? (scsec_reason)g->reason : SCSEC_REASON_NONE; }
int scsec_gap_is_prerequisite(const scsec_gap *g) { return g ? g->prerequisite : 0; }

size_t scsec_figures_applicable(const scsec_figures *f) { return f ? f->applicable : 0; }
size_t scsec_figures_satisfied(const scsec_figures *f) { return f ? f->count[SCSEC_REASON_NONE] : 0; }
size_t scsec_figures_reason_count(const scsec_figures *f, scsec_reason reason)
{
	return f && (unsigned)reason < SCSEC_REASON_COUNT_1_1 ? f->count[reason] : 0;
}

const scsec_figures *scsec_result_function_figures(const scsec_result *r, scsec_function function)
{
	return r && (unsigned)function < SCSEC_FUNCTION_COUNT ? &r->function_figures[function] : NULL;
}

/* The i-th top-level category: it comes at position i or later. */
static const struct scsec_category *top_category(const scsec_criteria *c, size_t i)
{
	size_t k = i;
	const struct scsec_category *cat;

	while ((cat = scsec__criteria_next_top(c, &k)) && cat->top != i)
		;
	return cat;
}

size_t scsec_result_category_count(const scsec_result *r) { return r ? r->ncategories : 0; }
const char *scsec_result_category_id_at(const scsec_result *r, size_t i)
{
	const struct scsec_category *cat = r && i < r->ncategories ? top_category(r->c, i) : NULL;

	return cat ? cat->id : NULL;
}
const scsec_figures *scsec_result_category_figures_at(const scsec_result *r, size_t i)
{
	return r && i < r->ncategories ? &r->category_figures[i] : NULL;
}

/* ---- the items behind the figures (issue 11, section 4) ---- */

const scsec_level *scsec_result_level_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->c->levels[i] : NULL;
}

const scsec_category *scsec_result_category_at(const scsec_result *r, size_t i)
{
	return r && i < r->ncategories ? top_category(r->c, i) : NULL;
}

const scsec_criterion *scsec_gap_criterion(const scsec_gap *g) { return g ? g->criterion : NULL; }
const scsec_prerequisite *scsec_gap_prerequisite(const scsec_gap *g)
{
	return g ? g->prerequisite_item : NULL;
}

size_t scsec_figures_not_applicable(const scsec_figures *f) { return f ? f->not_applicable : 0; }

int scsec__result_item(size_t *item, const scsec_result *r, size_t level, const char *id)
{
	const void *obj;
	scsec__id_kind kind;

	SCSEC__CHECK_ARG(r);
	SCSEC__CHECK_ARG(id);
	if (level >= r->nlevels)
		return scsec__error_set(SCSEC_EINVAL, "level index %zu out of range", level);
	kind = scsec__criteria_lookup(r->c, id, &obj);
	if (kind == SCSEC__ID_CRITERION)
		*item = ((const struct scsec_criterion *)obj)->index;
	else if (kind == SCSEC__ID_PREREQUISITE)
		*item = r->c->ncriteria + ((const struct scsec_prerequisite *)obj)->index;
	else
		return scsec__error_set(SCSEC_ENOTFOUND, "'%.64s' is not a criterion or prerequisite of '%s'",
		                        id, r->c->id);
	if (!r->why)
		return scsec__error_set(SCSEC_ENOTFOUND,
		                        "the result keeps no reasons per level (it was not evaluated here)");
	if (r->why[level * r->nitems + *item] == 0xff)
		return scsec__error_set(SCSEC_ENOTFOUND, "'%s' does not apply at level %s", id,
		                        r->c->levels[level]->label);
	return 0;
}

int scsec_result_reason_get(scsec_reason *out, const scsec_result *r, size_t level, const char *id)
{
	size_t i;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = SCSEC_REASON_NONE;
	if ((rc = scsec__result_item(&i, r, level, id)))
		return rc;
	*out = (scsec_reason)r->why[level * r->nitems + i];
	return 0;
}

size_t scsec_result_rests_on_count(const scsec_result *r) { return r ? r->nrests_on : 0; }
const char *scsec_result_rests_on_at(const scsec_result *r, size_t i)
{
	return r && i < r->nrests_on ? r->rests_on[i] : NULL;
}

int scsec_result_has_score(const scsec_result *r) { return r ? r->has_score : 0; }
long scsec_result_score(const scsec_result *r) { return r ? r->score : 0; }
long scsec_result_score_max(const scsec_result *r) { return r ? r->score_max : 0; }
const char *scsec_result_band(const scsec_result *r) { return r ? r->band : NULL; }
scsec_conditional scsec_result_conditional(const scsec_result *r)
{
	return r ? r->conditional : SCSEC_CONDITIONAL_NONE;
}

int scsec_result_required_level(const scsec_result *r) { return r ? r->required : 0; }
int scsec_result_meets_required(const scsec_result *r)
{
	if (!r || !r->required)
		return -1;
	return r->level >= r->required;
}

const char *scsec_result_engine(const scsec_result *r)
{
	if (!r)
		return NULL;
	return r->engine ? r->engine : "libscsec " SCSEC_VERSION_STRING;
}
const scsec_criteria *scsec_result_criteria(const scsec_result *r) { return r ? r->c : NULL; }
const char *scsec_result_criteria_id(const scsec_result *r) { return r ? r->c->id : NULL; }
const char *scsec_result_criteria_version(const scsec_result *r) { return r ? r->c->version : NULL; }
const char *scsec_result_criteria_fingerprint(const scsec_result *r)
{
	return r ? r->c->fingerprint : NULL;
}
/* scsec_result_evidence_fingerprint() and scsec_result_free() are the
 * engine's (eval/eval.c): a result refers to its evaluator. */
const char *scsec_result_subject_name(const scsec_result *r) { return r ? r->subject : NULL; }

const char *scsec__result_item_id(const scsec_criteria *c, size_t i)
{
	return i < c->ncriteria ? c->criteria[i]->id : c->prereqs[i - c->ncriteria]->id;
}

/* ---- what a result read back owns ---- */

struct scsec__owned {
	struct scsec__owned *next;
	max_align_t data[];
};

void *scsec__result_keep(scsec_result *r, size_t size)
{
	struct scsec__owned *o;

	if (size > SIZE_MAX - sizeof *o || !(o = scsec__calloc(1, sizeof *o + size)))
		return NULL;
	o->next = r->owned;
	r->owned = o;
	return o->data;
}

void scsec__result_release(scsec_result *r)
{
	struct scsec__owned *o, *next;

	for (o = r->owned; o; o = next) {
		next = o->next;
		scsec__free(o);
	}
	r->owned = NULL;
}
