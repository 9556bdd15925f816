/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The evaluation engine: doc/evaluation.md is its specification, rule by
 * rule; the comments below cite the rules by number.
 *
 * An evidence record is first *bound* to a criteria set: for every
 * criterion and prerequisite, its entry's status, method and dates, and the
 * last valid day under each level's validity. Binding does the lookups and
 * the date arithmetic once; it is cached in the record (published with
 * compare-and-swap, dropped when the record changes), so evaluating the
 * same record again, as of other dates or for other targets, is only
 * comparisons. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "eval.h"

/* ---------------------------------------------------------------- options */

typedef struct answer {
	char *question;
	int yes;
} answer;

struct scsec_eval_options {
	scsec_date as_of;      /* SCSEC_DATE_NONE: today at evaluation time */
	int target;
	int required;
	answer *answers;
	size_t nanswers;
	size_t canswers;
};

int scsec_eval_options_new(scsec_eval_options **out)
{
	SCSEC__CHECK_ARG(out);
	*out = scsec__calloc(1, sizeof **out);
	if (!*out)
		return SCSEC_ENOMEM;
	(*out)->as_of = SCSEC_DATE_NONE;
	return 0;
}

void scsec_eval_options_free(scsec_eval_options *o)
{
	size_t i;

	if (!o)
		return;
	for (i = 0; i < o->nanswers; i++)
		scsec__free(o->answers[i].question);
	scsec__free(o->answers);
	scsec__free(o);
}

int scsec_eval_options_set_as_of(scsec_eval_options *o, scsec_date date)
{
	SCSEC__CHECK_ARG(o);
	if (scsec_date_to_ymd(date, NULL, NULL, NULL))
		return SCSEC_EDATE;
	o->as_of = date;
	return 0;
}

int scsec_eval_options_set_target(scsec_eval_options *o, int rank)
{
	SCSEC__CHECK_ARG(o);
	SCSEC__CHECK_ARG(rank >= 0 && rank <= 99);
	o->target = rank;
	return 0;
}

int scsec_eval_options_set_required(scsec_eval_options *o, int rank)
{
	SCSEC__CHECK_ARG(o);
	SCSEC__CHECK_ARG(rank >= 0 && rank <= 99);
	o->required = rank;
	return 0;
}

int scsec_eval_options_set_answer(scsec_eval_options *o, const char *question, int yes)
{
	size_t i;
	char *q;

	SCSEC__CHECK_ARG(o);
	SCSEC__CHECK_ARG(question && *question);
	for (i = 0; i < o->nanswers; i++) {
		if (!strcmp(o->answers[i].question, question)) {
			o->answers[i].yes = yes != 0;
			return 0;
		}
	}
	if (scsec__grow(&o->answers, &o->canswers, o->nanswers + 1, sizeof *o->answers) ||
	    !(q = scsec__strdup(question)))
		return SCSEC_ENOMEM;
	o->answers[o->nanswers].question = q;
	o->answers[o->nanswers].yes = yes != 0;
	o->nanswers++;
	return 0;
}

/* Rule 9: the required level. */
int scsec_criteria_required_level(int *out, const scsec_criteria *c, const scsec_eval_options *o)
{
	size_t i, j;
	int level;

	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(c);
	*out = 0;
	if (o && o->required) {
		if (!scsec_criteria_level_by_rank(c, o->required))
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no level %d to require", c->id,
			                        o->required);
		*out = o->required;
		return 0;
	}
	if (!o || !o->nanswers)
		return 0;
	if (!c->has_required_rule)
		return scsec__error_set(SCSEC_ENOTFOUND,
		                        "'%s' has no required-level rule to answer questions of", c->id);
	for (i = 0; i < o->nanswers; i++)
		if (!scsec_criteria_question(c, o->answers[i].question))
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no question '%.64s'", c->id,
			                        o->answers[i].question);
	level = c->required_default;
	for (j = 0; j < c->nquestions; j++) {
		const struct scsec_question *q = c->questions[j];

		for (i = 0; i < o->nanswers && strcmp(o->answers[i].question, q->id); i++)
			;
		if (i == o->nanswers)
			return scsec__error_set(SCSEC_EINVAL,
			                        "question '%s' is not answered: every question of the rule "
			                        "needs a yes or no",
			                        q->id);
		if (o->answers[i].yes && q->level_if_yes > level)
			level = q->level_if_yes;
	}
	*out = level;
	return 0;
}

/* ---------------------------------------------------------------- binding */

typedef struct bound {
	signed char status;      /* scsec_status */
	signed char method;      /* scsec_method */
	signed char justified;   /* a non-empty justification */
	scsec_date assessed_on;  /* SCSEC_DATE_NONE when absent */
} bound;

struct scsec__binding {
	uint64_t serial;         /* the set's */
	size_t nitems;           /* criteria, then prerequisites */
	size_t nlevels;
	bound *items;
	scsec_date *last_valid;  /* [level * nitems + item] */
};

void scsec__binding_free(struct scsec__binding *b)
{
	scsec__free(b);
}

/* Rule 1: the last valid day is expires_on when given, else
 * assessed_on + the level's validity - 1 day. Past year 9999 it is the
 * last representable day. */
static scsec_date last_valid_day(const struct scsec_entry *e, const struct scsec_level *l)
{
	scsec_date d;

	if (e->expires_on != SCSEC_DATE_NONE)
		return e->expires_on;
	if (e->assessed_on == SCSEC_DATE_NONE)
		return SCSEC_DATE_NONE;
	if (scsec__date_add(&d, e->assessed_on, &l->duration))
		return SCSEC__DATE_MAX;
	return d - 1;
}

static struct scsec__binding *bind(const scsec_criteria *c, const scsec_evidence *ev)
{
	size_t n = c->ncriteria + c->nprereqs, i, li;
	size_t size = sizeof(struct scsec__binding) + n * sizeof(bound) +
	              (c->nlevels * n + 1) * sizeof(scsec_date);
	struct scsec__binding *b = scsec__malloc(size);

	if (!b)
		return NULL;
	b->serial = c->serial;
	b->nitems = n;
	b->nlevels = c->nlevels;
	b->items = (bound *)(b + 1);
	b->last_valid = (scsec_date *)(void *)(b->items + n);
	for (i = 0; i < n; i++) {
		const char *id = i < c->ncriteria ? c->criteria[i]->id : c->prereqs[i - c->ncriteria]->id;
		const struct scsec_entry *e = scsec__map_get(&ev->index, id);
		bound *x = &b->items[i];

		x->status = (signed char)(e ? e->status : SCSEC_STATUS_NONE);
		x->method = (signed char)(e ? e->method : SCSEC_METHOD_NONE);
		x->justified = e && e->justification && *e->justification;
		x->assessed_on = e ? e->assessed_on : SCSEC_DATE_NONE;
		for (li = 0; li < c->nlevels; li++)
			b->last_valid[li * n + i] = e ? last_valid_day(e, c->levels[li]) : SCSEC_DATE_NONE;
	}
	return b;
}

/* The record's binding to c: the cached one, or a new one that is cached
 * when the slot is free. *owned is set when the caller must free it. */
static struct scsec__binding *get_binding(const scsec_criteria *c, const scsec_evidence *cev,
                                          int *owned)
{
	scsec_evidence *ev = (scsec_evidence *)cev;
	struct scsec__binding *b = atomic_load(&ev->binding), *expected = NULL;

	*owned = 0;
	if (b && b->serial == c->serial)
		return b;
	if (!(b = bind(c, ev)))
		return NULL;
	if (!atomic_load(&ev->binding) && atomic_compare_exchange_strong(&ev->binding, &expected, b))
		return b;
	*owned = 1;
	return b;
}

/* ---------------------------------------------------------------- rules */

typedef struct ctx {
	const scsec_criteria *c;
	const struct scsec__binding *b;
	scsec_date as_of;
} ctx;

/* Rule 1 and rule 5: why criterion i is not satisfied at level li, or
 * SCSEC_REASON_NONE. The checks run in the order of the reasons. */
static scsec_reason criterion_reason(const ctx *x, size_t i, size_t li)
{
	const bound *e = &x->b->items[i];
	scsec_date last;

	switch (e->status) {
	case SCSEC_STATUS_NONE:
		return SCSEC_REASON_MISSING;
	case SCSEC_STATUS_NOT_MET:
		return SCSEC_REASON_NOT_MET;
	case SCSEC_STATUS_PARTIAL:
		return SCSEC_REASON_PARTIAL;
	case SCSEC_STATUS_NOT_APPLICABLE:
		if (!x->c->criteria[i]->na_allowed || !e->justified)
			return SCSEC_REASON_NA_REJECTED;
		break;
	default:
		break;
	}
	if (e->method < (int)x->c->levels[li]->method)
		return SCSEC_REASON_METHOD;
	if (e->assessed_on == SCSEC_DATE_NONE || e->assessed_on > x->as_of)
		return SCSEC_REASON_NOT_YET_VALID;
	last = x->b->last_valid[li * x->b->nitems + i];
	if (x->as_of > last)
		return SCSEC_REASON_EXPIRED;
	return SCSEC_REASON_NONE;
}

/* Rule 2: a prerequisite is satisfied when met and valid; no method rule. */
static scsec_reason prereq_reason(const ctx *x, size_t p, size_t li)
{
	size_t i = x->c->ncriteria + p;
	const bound *e = &x->b->items[i];

	switch (e->status) {
	case SCSEC_STATUS_NONE:           return SCSEC_REASON_MISSING;
	case SCSEC_STATUS_NOT_MET:        return SCSEC_REASON_NOT_MET;
	case SCSEC_STATUS_PARTIAL:        return SCSEC_REASON_PARTIAL;
	case SCSEC_STATUS_NOT_APPLICABLE: return SCSEC_REASON_NA_REJECTED;
	default:                          break;
	}
	if (e->assessed_on == SCSEC_DATE_NONE || e->assessed_on > x->as_of)
		return SCSEC_REASON_NOT_YET_VALID;
	if (x->as_of > x->b->last_valid[li * x->b->nitems + i])
		return SCSEC_REASON_EXPIRED;
	return SCSEC_REASON_NONE;
}

static void count(struct scsec_figures *f, scsec_reason r)
{
	f->applicable++;
	f->count[r]++;
}

/* Rule 3 for every level, in increasing rank (requires-lower looks down). */
static void evaluate_levels(const ctx *x, scsec_result *r)
{
	const scsec_criteria *c = x->c;
	size_t li, k;

	for (li = 0; li < c->nlevels; li++) {
		const struct scsec_level *l = c->levels[li];
		struct scsec_figures *f = &r->level_figures[li];

		for (k = 0; k < l->ncriteria; k++)
			count(f, criterion_reason(x, l->criteria[k], li));
		for (k = 0; k < l->nprereqs; k++)
			count(f, prereq_reason(x, l->prereqs[k]->index, li));
		r->met[li] = f->count[SCSEC_REASON_NONE] == f->applicable &&
		             (!l->requires_lower || (li > 0 && r->met[li - 1]));
	}
}

/* Rule 6: the earliest last valid day of what level li rests on, following
 * requires-lower down. */
static scsec_date rests_until(const ctx *x, size_t li)
{
	const scsec_criteria *c = x->c;
	scsec_date until = SCSEC__DATE_MAX;

	for (;;) {
		const struct scsec_level *l = c->levels[li];
		const scsec_date *last = &x->b->last_valid[li * x->b->nitems];
		size_t k;

		for (k = 0; k < l->ncriteria; k++)
			if (last[l->criteria[k]] < until)
				until = last[l->criteria[k]];
		for (k = 0; k < l->nprereqs; k++)
			if (last[c->ncriteria + l->prereqs[k]->index] < until)
				until = last[c->ncriteria + l->prereqs[k]->index];
		if (!l->requires_lower || li == 0)
			return until;
		li--;
	}
}

/* The level (index) at which an item of the gap level's chain is judged:
 * the gap level itself, or a lower level reached through requires-lower;
 * -1 when the item is not part of the chain. */
static int chain_level(const scsec_criteria *c, size_t gi, uint32_t item)
{
	size_t li = gi, k;

	for (;;) {
		const struct scsec_level *l = c->levels[li];

		if (item & SCSEC__ORDER_PREREQ) {
			for (k = 0; k < l->nprereqs; k++)
				if (l->prereqs[k]->index == (item & ~SCSEC__ORDER_PREREQ))
					return (int)li;
		} else if ((c->criteria[item]->level_mask >> li) & 1) {
			return (int)li;
		}
		if (!l->requires_lower || li == 0)
			return -1;
		li--;
	}
}

/* Rule 7 and rule 8: gaps of the gap level, in id order, with the figures
 * per CSF function and per top-level category. */
static void gaps_and_figures(const ctx *x, scsec_result *r)
{
	const scsec_criteria *c = x->c;
	size_t gi = (size_t)r->gap_index, k;

	for (k = 0; k < c->nid_order; k++) {
		uint32_t item = c->id_order[k];
		int li = chain_level(c, gi, item);
		scsec_reason why;

		if (li < 0)
			continue;
		if (item & SCSEC__ORDER_PREREQ) {
			const struct scsec_prerequisite *p = c->prereqs[item & ~SCSEC__ORDER_PREREQ];

			why = prereq_reason(x, p->index, (size_t)li);
			if (why) {
				r->gaps[r->ngaps].id = p->id;
				r->gaps[r->ngaps].reason = (unsigned char)why;
				r->gaps[r->ngaps].prerequisite = 1;
				r->ngaps++;
			}
			continue;
		}
		why = criterion_reason(x, item, (size_t)li);
		if (why) {
			r->gaps[r->ngaps].id = c->criteria[item]->id;
			r->gaps[r->ngaps].reason = (unsigned char)why;
			r->gaps[r->ngaps].prerequisite = 0;
			r->ngaps++;
		}
		if ((size_t)li == gi) {
			const struct scsec_category *cat = c->criteria[item]->requirement->category;

			count(&r->function_figures[cat->function], why);
			count(&r->category_figures[cat->top], why);
		}
	}
}

/* Rule 8, scores: points per answer (with bands) or deductions from a
 * maximum (with the conditional status), over the scored level. */
static void score(const ctx *x, scsec_result *r)
{
	const scsec_criteria *c = x->c;
	const scsec__scoring *s = &c->scoring;
	int li = scsec__criteria_scored_level(c);
	const struct scsec_level *l;
	size_t k;
	int all_poam = 1, all_met = 1;

	if (li < 0)
		return;
	l = c->levels[li];
	r->has_score = 1;
	if (s->model == SCSEC_SCORING_DEDUCTIONS) {
		r->score_max = r->score = s->max;
		for (k = 0; k < l->ncriteria; k++) {
			const struct scsec_criterion *cr = c->criteria[l->criteria[k]];

			if (criterion_reason(x, l->criteria[k], (size_t)li) == SCSEC_REASON_NONE)
				continue;
			all_met = 0;
			all_poam &= cr->poam_eligible;
			r->score -= cr->weight;
		}
		if (s->has_floor && r->score < s->floor)
			r->score = s->floor;
		if (all_met)
			r->conditional = SCSEC_CONDITIONAL_FINAL;
		else if (s->has_conditional && r->score >= s->conditional_min &&
		         (all_poam || !s->conditional_only_poam))
			r->conditional = SCSEC_CONDITIONAL_CONDITIONAL;
		else
			r->conditional = SCSEC_CONDITIONAL_NOT_MET;
		return;
	}
	/* Points: an answer that is not valid at the scored level (method,
	 * dates) scores as missing; an accepted not-applicable scores its own
	 * points, or leaves the criterion out when the set gives none. */
	for (k = 0; k < l->ncriteria; k++) {
		size_t i = l->criteria[k];
		const bound *e = &x->b->items[i];
		const struct scsec_criterion *cr = c->criteria[i];
		scsec_reason why = criterion_reason(x, i, (size_t)li);
		int slot;

		if (why == SCSEC_REASON_NONE)
			slot = e->status == SCSEC_STATUS_NOT_APPLICABLE ? SCSEC__PTS_NA : SCSEC__PTS_MET;
		else if (why == SCSEC_REASON_NOT_MET || why == SCSEC_REASON_NA_REJECTED)
			slot = SCSEC__PTS_NOT_MET;
		else if (why == SCSEC_REASON_PARTIAL)
			slot = SCSEC__PTS_PARTIAL;
		else
			slot = SCSEC__PTS_MISSING;
		/* A partial or not-met answer that is stale or too weakly assessed
		 * counts as no answer. */
		if ((slot == SCSEC__PTS_PARTIAL || slot == SCSEC__PTS_NOT_MET) &&
		    (e->method < (int)l->method || e->assessed_on == SCSEC_DATE_NONE ||
		     e->assessed_on > x->as_of ||
		     x->as_of > x->b->last_valid[(size_t)li * x->b->nitems + i]))
			slot = SCSEC__PTS_MISSING;
		if (slot == SCSEC__PTS_NA && !s->points_set[SCSEC__PTS_NA])
			continue;
		r->score += (long)cr->weight * s->points[slot];
		r->score_max += (long)cr->weight * s->points[SCSEC__PTS_MET];
	}
	for (k = 0; k < s->nbands; k++) {
		if (r->score >= s->bands[k].min) {
			r->band = s->bands[k].label;
			break;
		}
	}
}

/* One allocation holds the result and its arrays. */
static scsec_result *result_alloc(const scsec_criteria *c, const char *subject)
{
	size_t nl = c->nlevels, nc = c->ntop, ng = c->ncriteria + c->nprereqs;
	size_t slen = subject ? strlen(subject) + 1 : 0;
	size_t size = sizeof(scsec_result) + nl * sizeof(struct scsec_figures) +
	              nc * sizeof(struct scsec_figures) + ng * sizeof(struct scsec_gap) + nl + slen;
	scsec_result *r = scsec__calloc(1, size);
	unsigned char *p;

	if (!r)
		return NULL;
	p = (unsigned char *)(r + 1);
	r->level_figures = (struct scsec_figures *)(void *)p;
	p += nl * sizeof(struct scsec_figures);
	r->category_figures = (struct scsec_figures *)(void *)p;
	p += nc * sizeof(struct scsec_figures);
	r->gaps = (struct scsec_gap *)(void *)p;
	p += ng * sizeof(struct scsec_gap);
	r->met = p;
	p += nl;
	if (subject) {
		r->subject = (char *)p;
		memcpy(r->subject, subject, slen);
	}
	r->nlevels = nl;
	r->ncategories = nc;
	return r;
}

int scsec_evaluate(scsec_result **out, const scsec_criteria *c, const scsec_evidence *ev,
                   const scsec_eval_options *o)
{
	struct scsec__binding *b;
	const char *fp;
	scsec_result *r;
	int owned, rc, required, target_index = -1;
	ctx x;
	size_t li;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(c);
	SCSEC__CHECK_ARG(ev);
	/* Never a silently wrong level: evidence for another set is refused. */
	if (ev->criteria_id && (strcmp(ev->criteria_id, c->id) ||
	                        strcmp(ev->criteria_version, c->version)))
		return scsec__error_set(SCSEC_EMISMATCH,
		                        "the record answers criteria set '%s' version '%s', not '%s' "
		                        "version '%s'",
		                        ev->criteria_id, ev->criteria_version, c->id, c->version);
	if (o && o->target) {
		const scsec_level *t = scsec_criteria_level_by_rank(c, o->target);

		if (!t)
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no level %d to target", c->id,
			                        o->target);
		target_index = (int)t->index;
	}
	if ((rc = scsec_criteria_required_level(&required, c, o)))
		return rc;
	if (!(fp = scsec__evidence_fingerprint(ev)))
		return scsec_error_code(scsec_error_last()) ? scsec_error_code(scsec_error_last())
		                                            : SCSEC_ENOMEM;
	if (!(b = get_binding(c, ev, &owned)))
		return SCSEC_ENOMEM;
	if (!(r = result_alloc(c, ev->subject_name))) {
		if (owned)
			scsec__binding_free(b);
		return SCSEC_ENOMEM;
	}
	x.c = c;
	x.b = b;
	x.as_of = o && o->as_of != SCSEC_DATE_NONE ? o->as_of : scsec_date_today();
	r->as_of = x.as_of;
	memcpy(r->evidence_fingerprint, fp, 65);

	evaluate_levels(&x, r);
	/* Rule 4: the highest met level; levels need not nest. */
	r->level_index = -1;
	for (li = c->nlevels; li-- > 0;) {
		if (r->met[li]) {
			r->level_index = (int)li;
			r->level = c->levels[li]->rank;
			break;
		}
	}
	r->valid_until = r->level_index < 0 ? SCSEC_DATE_NONE : rests_until(&x, (size_t)r->level_index);
	if (target_index >= 0)
		r->gap_index = target_index;
	else if (r->level_index + 1 < (int)c->nlevels)
		r->gap_index = r->level_index + 1;
	else
		r->gap_index = (int)c->nlevels - 1;
	gaps_and_figures(&x, r);
	score(&x, r);
	r->required = required;

	if (owned)
		scsec__binding_free(b);
	scsec__criteria_ref(c);
	r->c = c;
	*out = r;
	return 0;
}

void scsec_result_free(scsec_result *r)
{
	if (!r)
		return;
	scsec__criteria_unref(r->c);
	scsec__free(r);
}
