/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The evaluation engine. doc/evaluation.md is its specification: each
 * normative rule is quoted (shortened) beside the code that applies it.
 *
 * An evaluator (scsec_evaluator_new) binds one evidence record to one
 * criteria set: for every criterion and prerequisite it looks the entry up
 * once and works out, per level, the part of the answer's reason that does
 * not depend on the evaluation date (rules 1, 2 and 5) and the answer's last
 * valid day (rule 1). It keeps a snapshot of the record that shares the
 * record's entries (they never change once added), so the record may go on
 * changing or be freed; the record's fingerprint (rule 10) is taken from the
 * snapshot when first asked for. After scsec_evaluator_new() returns,
 * nothing in an evaluator changes but that fingerprint, which is published
 * once with compare-and-swap (model/canonical.c): evaluators and their
 * results may be shared by threads.
 *
 * Running it (scsec_evaluator_run) is then only comparisons: per level and
 * item, the bound reason, or the evaluation date against the assessment and
 * last valid days (rules 1 to 5), the achieved level (4), its validity (6),
 * the gaps (7), the figures and scores (8) and the required level (9). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "model/canonical.h"
#include "model/result.h"
#include "model/trust.h"
#include "scsec/eval.h"

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
	const scsec_trust *trust; /* borrowed, or NULL: no trust policy */
	int project;           /* rule 12: compute the projection */
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
	if (scsec_date_split(NULL, NULL, NULL, date))
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

int scsec_eval_options_set_trust(scsec_eval_options *o, const scsec_trust *trust)
{
	SCSEC__CHECK_ARG(o);
	o->trust = trust;
	return 0;
}

int scsec_eval_options_set_project(scsec_eval_options *o, int on)
{
	SCSEC__CHECK_ARG(o);
	o->project = on != 0;
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
	/* Answers name questions of the set, whatever else decides. */
	for (i = 0; o && i < o->nanswers; i++)
		if (!scsec_criteria_question(c, o->answers[i].question))
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no question '%.64s'", c->id,
			                        o->answers[i].question);
	if (o && o->required) {
		if (!scsec_criteria_level_by_rank(c, o->required))
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no level %d to require", c->id,
			                        o->required);
		*out = o->required;
		return 0;
	}
	if (!o || !o->nanswers)
		return 0;
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

/* ---------------------------------------------------------------- evaluator */

/* Bound reasons: CELL_FIXED + a reason that holds whatever the date, kept
 * below every valid day (SCSEC__DATE_MIN) so that one comparison tells them
 * from last valid days. */
#define CELL_FIXED INT32_MIN

/* In the reasons kept per level and item: the item does not apply there. */
#define NOT_JUDGED SCSEC__NOT_JUDGED

struct scsec_evaluator {
	atomic_long refs;            /* the owner and each result */
	const scsec_criteria *c;     /* one reference held */
	scsec_evidence *record;      /* the snapshot (model/evidence.h) */
	size_t nitems;               /* criteria, then prerequisites */
	signed char *status;         /* [item]: scsec_status (scores) */
	signed char *method;         /* [item]: scsec_method (scores) */
	scsec_date *assessed;        /* [item]: assessed_on, or SCSEC_DATE_NONE */
	scsec_date *planned;         /* [item]: planned_on, or SCSEC_DATE_NONE (rule 12) */
	/* Per level and item ([level * nitems + item]): the answer's last valid
	 * day, and what the run reads: the bound reason or that day. */
	scsec_date *last_valid;
	int32_t *cell;
	/* [prerequisite]: 1 when it names an assessor role and its answer
	 * states none (rule 2: it counts, and the result says so). */
	unsigned char *unstated;
};

/* Rule 1, the date part: "assessed_on <= D <= last valid day, where the last
 * valid day is the earlier of expires_on (when given) and assessed_on + L's
 * validity - 1 day: an expiry date never stretches an answer past the
 * scheme's validity. A last valid day past 9999-12-31 is 9999-12-31."
 * Rule 2 uses the same dates with the prerequisite's level. (Without
 * assessed_on the answer is never valid; its last valid day is then
 * expires_on, or none.) */
static scsec_date last_valid_day(const struct scsec_entry *e, const struct scsec_level *l)
{
	scsec_date d;

	if (e->assessed_on == SCSEC_DATE_NONE)
		return e->expires_on;
	if (scsec__date_add(&d, e->assessed_on, &l->duration))
		d = SCSEC__DATE_MAX;
	else
		d--;
	return e->expires_on != SCSEC_DATE_NONE && e->expires_on < d ? e->expires_on : d;
}

/* Rule 5: "Each unsatisfied criterion or prerequisite has exactly one
 * reason: the first of these that applies, in this order" -- here the ones
 * that do not depend on the date D:
 *   missing        no entry, or an entry without status
 *   not-met        status not-met
 *   partial        status partial
 *   na-rejected    not-applicable, but the criterion does not allow it, or
 *                  the justification is empty, or the item is a prerequisite
 *   method         the method is weaker than the level's (criteria), or
 *                  the assessor states another role than the one the
 *                  prerequisite names (prerequisites)
 * and "An entry without assessed_on is never valid" (rule 1): not-yet-valid
 * whatever the date. The date-bound reasons follow in reason_at(). */
static scsec_reason fixed_reason(const struct scsec_entry *e, const struct scsec_prerequisite *p,
                                 int na_allowed, scsec_method level_method)
{
	int prerequisite = p != NULL;

	if (!e || e->status == SCSEC_STATUS_NONE)
		return SCSEC_REASON_MISSING;
	if (e->status == SCSEC_STATUS_NOT_MET)
		return SCSEC_REASON_NOT_MET;
	if (e->status == SCSEC_STATUS_PARTIAL)
		return SCSEC_REASON_PARTIAL;
	/* Rule 1: "not-applicable where the criterion allows it and the
	 * justification is not empty"; rule 2: "not-applicable never satisfies
	 * a prerequisite". Blank means blanks only (util/util.h). */
	if (e->status == SCSEC_STATUS_NOT_APPLICABLE &&
	    (prerequisite || !na_allowed || scsec__blank_str(e->justification)))
		return SCSEC_REASON_NA_REJECTED;
	/* Rule 1: "its method is at least L's method"; rule 2: "The method rule
	 * does not apply to it." */
	if (!prerequisite && e->method < level_method)
		return SCSEC_REASON_METHOD;
	/* Rule 2: "When the prerequisite names an assessor role, an answer
	 * whose assessor states another role does not satisfy it (method); one
	 * that states no role does, and the result says so." */
	if (prerequisite && p->assessor_role && e->assessor_role &&
	    strcmp(p->assessor_role, e->assessor_role))
		return SCSEC_REASON_METHOD;
	if (e->assessed_on == SCSEC_DATE_NONE)
		return SCSEC_REASON_NOT_YET_VALID;
	return SCSEC_REASON_NONE;
}

int scsec_evaluator_new(scsec_evaluator **out, const scsec_criteria *c, const scsec_evidence *ev)
{
	scsec_evaluator *x;
	size_t n, nl, i, li, size;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(c);
	SCSEC__CHECK_ARG(ev);
	/* doc/evaluation.md, Inputs: "A record that names another criteria set
	 * (id or version) than the one it is evaluated against is refused with
	 * SCSEC_EMISMATCH: a wrong set would give a silently wrong level." */
	if (ev->criteria_id &&
	    (strcmp(ev->criteria_id, c->id) || strcmp(ev->criteria_version, c->version)))
		return scsec__error_set(SCSEC_EMISMATCH,
		                        "the record answers criteria set '%s' version '%s', not '%s' "
		                        "version '%s'",
		                        ev->criteria_id, ev->criteria_version, c->id, c->version);
	n = c->ncriteria + c->nprereqs;
	nl = c->nlevels;
	/* One allocation: the evaluator, then its arrays, widest first. */
	size = sizeof *x + 2 * nl * n * sizeof(scsec_date) + 2 * n * sizeof(scsec_date) + 2 * n +
	       c->nprereqs;
	if (!(x = scsec__malloc(size)))
		return SCSEC_ENOMEM;
	x->last_valid = (scsec_date *)(void *)(x + 1);
	x->cell = x->last_valid + nl * n;
	x->assessed = x->cell + nl * n;
	x->planned = x->assessed + n;
	x->status = (signed char *)(x->planned + n);
	x->method = x->status + n;
	x->unstated = (unsigned char *)x->method + n;
	x->nitems = n;
	if ((rc = scsec__evidence_snapshot(&x->record, ev))) {
		scsec__free(x);
		return rc;
	}
	for (i = 0; i < n; i++) {
		int prereq = i >= c->ncriteria;
		const struct scsec_prerequisite *p = prereq ? c->prereqs[i - c->ncriteria] : NULL;
		const char *id = c->item_id[i];
		const struct scsec_entry *e = scsec__map_get(&ev->index, id);
		int na_allowed = !prereq && c->criteria[i]->na_allowed;

		if (p)
			x->unstated[i - c->ncriteria] = p->assessor_role && e && e->status &&
			                                !e->assessor_role;
		x->status[i] = (signed char)(e ? e->status : SCSEC_STATUS_NONE);
		x->method[i] = (signed char)(e ? e->method : SCSEC_METHOD_NONE);
		x->assessed[i] = e ? e->assessed_on : SCSEC_DATE_NONE;
		x->planned[i] = e ? e->planned_on : SCSEC_DATE_NONE;
		for (li = 0; li < nl; li++) {
			const struct scsec_level *l = c->levels[li];
			scsec_reason w = fixed_reason(e, p, na_allowed, l->method);
			scsec_date last = e ? last_valid_day(e, l) : SCSEC_DATE_NONE;

			x->last_valid[li * n + i] = last;
			x->cell[li * n + i] = w ? CELL_FIXED + (int32_t)w : last;
		}
	}
	atomic_init(&x->refs, 1);
	scsec__criteria_ref(c);
	x->c = c;
	*out = x;
	return 0;
}

static void evaluator_unref(const scsec_evaluator *cx)
{
	scsec_evaluator *x = (scsec_evaluator *)cx;

	if (!x || atomic_fetch_sub(&x->refs, 1) != 1)
		return;
	scsec_evidence_free(x->record);
	scsec__criteria_unref(x->c);
	scsec__free(x);
}

void scsec_evaluator_free(scsec_evaluator *x)
{
	evaluator_unref(x);
}

/* ---------------------------------------------------------------- rules */

typedef struct ctx {
	const scsec_criteria *c;
	const scsec_evaluator *x;
	scsec_date as_of;
	/* Rule 11: the strongest method the record's counting signatures
	 * support; SCSEC_METHOD_THIRD_PARTY (no cap) without a trust list. */
	scsec_method cap;
	unsigned char *why;      /* [level * nitems + item]: the reason at each level */
} ctx;

/* Rule 5, the reasons that depend on D, after the bound ones:
 *   not-yet-valid  no assessed_on, or assessed_on is after D
 *   expired        D is after the last valid day */
static inline unsigned char reason_at(const int32_t *cell, const scsec_date *assessed, size_t i,
                                      scsec_date as_of)
{
	int32_t v = cell[i];

	if (v < SCSEC__DATE_MIN)
		return (unsigned char)(v - CELL_FIXED);
	if (assessed[i] > as_of)
		return SCSEC_REASON_NOT_YET_VALID;
	return as_of > v ? SCSEC_REASON_EXPIRED : SCSEC_REASON_NONE;
}

/* Rule 3: "Level L is met when every criterion that applies at L and every
 * prerequisite of L is satisfied at L, and, where the level says
 * requires-lower, the next lower level (by rank) is met." Levels go in
 * increasing rank, so the one below is decided first. Every item's reason
 * at every level where it applies is kept (gaps, reasons at each level), and
 * counted into the level's figures (rule 8). */
static void evaluate_levels(const ctx *t, struct scsec_figures *figs, unsigned char *met)
{
	const scsec_criteria *c = t->c;
	const scsec_evaluator *x = t->x;
	const scsec_date *assessed = x->assessed;
	const signed char *status = x->status;
	size_t n = x->nitems, ncrit = c->ncriteria, li, k;
	scsec_date as_of = t->as_of;

	memset(t->why, NOT_JUDGED, c->nlevels * n);
	for (li = 0; li < c->nlevels; li++) {
		const struct scsec_level *l = c->levels[li];
		const int32_t *cell = &x->cell[li * n];
		unsigned char *why = &t->why[li * n];
		size_t cnt[SCSEC_REASON_COUNT_1_1] = { 0 }, na = 0;
		/* Rule 11: with a trust list, a criterion whose claimed method
		 * would do at L but whose record carries no counting signature
		 * for L's method is unverified, a reason after method and before
		 * the date-bound ones. */
		int unverify = t->cap < l->method;

		for (k = 0; k < l->ncriteria; k++) {
			size_t i = l->criteria[k];
			unsigned char w = reason_at(cell, assessed, i, as_of);

			if (unverify && (w == SCSEC_REASON_NONE || w == SCSEC_REASON_NOT_YET_VALID ||
			                 w == SCSEC_REASON_EXPIRED))
				w = SCSEC_REASON_UNVERIFIED;

			why[i] = w;
			cnt[w]++;
			/* Rule 8 (issue 13.6): accepted not-applicable answers are
			 * counted among the satisfied, so a buyer sees them. */
			na += !w && status[i] == SCSEC_STATUS_NOT_APPLICABLE;
		}
		for (k = 0; k < l->nprereqs; k++) {
			size_t i = ncrit + l->prereqs[k]->index;
			unsigned char w = reason_at(cell, assessed, i, as_of);

			why[i] = w;
			cnt[w]++;
		}
		memcpy(figs[li].count, cnt, sizeof cnt);
		figs[li].not_applicable = na;
		figs[li].applicable = l->ncriteria + l->nprereqs;
		met[li] = cnt[SCSEC_REASON_NONE] == figs[li].applicable &&
		          (!l->requires_lower || (li > 0 && met[li - 1]));
	}
}

/* Rule 6: "valid_until is the earliest last valid day among the entries of
 * the criteria and prerequisites that the achieved level rests on: those of
 * the achieved level, and, when it requires-lower, those of the levels below
 * it in the chain, each computed with its own level's validity." */
static scsec_date rests_until(const ctx *t, size_t li)
{
	const scsec_criteria *c = t->c;
	scsec_date until = SCSEC__DATE_MAX;

	for (;;) {
		const struct scsec_level *l = c->levels[li];
		const scsec_date *last = &t->x->last_valid[li * t->x->nitems];
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

/* Rule 6, what valid_until rests on: the items of level li's chain (in id
 * order) whose last valid day, at a level of the chain where they apply,
 * is valid_until. Written to ids when not NULL; returns how many. */
static size_t rests_on(const ctx *t, size_t li, scsec_date until, const char **ids)
{
	const struct scsec_level *l = t->c->levels[li];
	size_t n = t->x->nitems, count = 0, k, lj;

	for (k = 0; k < l->ngap_items; k++) {
		size_t i = l->gap_items[k].item;
		uint64_t levels = l->gap_items[k].levels;

		for (lj = 0; lj <= li; lj++) {
			if (((levels >> lj) & 1) && t->x->last_valid[lj * n + i] == until) {
				if (ids)
					ids[count] = t->c->item_id[i];
				count++;
				break;
			}
		}
	}
	return count;
}

/* Rule 7: "The gaps are every unsatisfied criterion that applies at the gap
 * level and every unsatisfied prerequisite of it, each with its rule-5
 * reason. When the gap level requires-lower, the levels below it in that
 * chain count too: an item that applies at several levels of the chain is
 * judged at each of them, is a gap when it fails at any, and takes the
 * reason of the highest level where it fails. The list is ordered by id."
 * The set lists the chain's items in id order with the levels where each
 * applies (model/criteria.h). Rule 8: "For the gap level: the same figures
 * per NIST CSF function and per top-level category (criteria only)." */
static void gaps_and_figures(const ctx *t, scsec_result *r)
{
	const scsec_criteria *c = t->c;
	const struct scsec_level *g = c->levels[r->gap_index];
	size_t gi = (size_t)r->gap_index, n = t->x->nitems, ngaps = 0, k;
	uint64_t gap_bit = (uint64_t)1 << gi;

	for (k = 0; k < SCSEC_FUNCTION_COUNT; k++)
		r->function_figures[k].applicable = g->function_applicable[k];
	for (k = 0; k < c->ntop; k++)
		r->category_figures[k].applicable = g->category_applicable[k];
	for (k = 0; k < g->ngap_items; k++) {
		size_t i = g->gap_items[k].item, li;
		uint64_t levels = g->gap_items[k].levels;
		unsigned char w = 0, at_gap = 0;

		if (levels & gap_bit)
			w = at_gap = t->why[gi * n + i];
		/* The levels below, highest first, until one where it fails. */
		for (li = gi; !w && li-- > 0;)
			if ((levels >> li) & 1)
				w = t->why[li * n + i];
		if (w) {
			struct scsec_gap *gap = &r->gaps[ngaps++];

			gap->id = c->item_id[i];
			gap->reason = w;
			gap->prerequisite = (unsigned char)(i >= c->ncriteria);
			gap->criterion = i < c->ncriteria ? c->criteria[i] : NULL;
			gap->prerequisite_item = i < c->ncriteria ? NULL : c->prereqs[i - c->ncriteria];
		}
		if ((levels & gap_bit) && i < c->ncriteria) {
			size_t na = !at_gap && t->x->status[i] == SCSEC_STATUS_NOT_APPLICABLE;

			r->function_figures[c->item_function[i]].count[at_gap]++;
			r->function_figures[c->item_function[i]].not_applicable += na;
			r->category_figures[c->item_top[i]].count[at_gap]++;
			r->category_figures[c->item_top[i]].not_applicable += na;
		}
	}
	r->ngaps = ngaps;
}

/* Rule 8, scores, "over the criteria of the scored level":
 * - points: "each criterion earns weight x the points of its answer -- met
 *   (satisfied), partial, not-met (also a rejected not-applicable), missing
 *   (no answer). An answer that fails the method or date rules scores as
 *   missing, whatever its status. An accepted not-applicable earns the
 *   not-applicable points when the set defines them, and is left out of
 *   both score and maximum otherwise." The band is the one with the highest
 *   minimum the score reaches.
 * - deductions: "the score starts at the maximum and loses each
 *   unsatisfied criterion's weight, never going below the floor", with the
 *   conditional status final, conditional or not-met. */
static void score(const ctx *t, scsec_result *r)
{
	const scsec_criteria *c = t->c;
	const scsec__scoring *s = &c->scoring;
	int li = scsec__criteria_scored_level(c);
	const struct scsec_level *l;
	const unsigned char *why;
	size_t k;
	int all_poam = 1, all_met = 1;

	if (li < 0)
		return;
	l = c->levels[li];
	why = &t->why[(size_t)li * t->x->nitems];
	r->has_score = 1;
	if (s->model == SCSEC_SCORING_DEDUCTIONS) {
		r->score_max = r->score = s->max;
		for (k = 0; k < l->ncriteria; k++) {
			const struct scsec_criterion *cr = c->criteria[l->criteria[k]];

			if (why[l->criteria[k]] == SCSEC_REASON_NONE)
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
	for (k = 0; k < l->ncriteria; k++) {
		size_t i = l->criteria[k];
		const struct scsec_criterion *cr = c->criteria[i];
		scsec_reason w = (scsec_reason)why[i];
		int slot;

		if (w == SCSEC_REASON_NONE)
			slot = t->x->status[i] == SCSEC_STATUS_NOT_APPLICABLE ? SCSEC__PTS_NA
			                                                      : SCSEC__PTS_MET;
		else if (w == SCSEC_REASON_NOT_MET || w == SCSEC_REASON_NA_REJECTED)
			slot = SCSEC__PTS_NOT_MET;
		else if (w == SCSEC_REASON_PARTIAL)
			slot = SCSEC__PTS_PARTIAL;
		else
			slot = SCSEC__PTS_MISSING;
		/* A partial or not-met answer that fails the method or date rules
		 * scores as missing: its reason at the level if it were met. */
		if ((slot == SCSEC__PTS_PARTIAL || slot == SCSEC__PTS_NOT_MET) &&
		    (t->x->method[i] < (int)l->method || t->cap < l->method ||
		     t->x->assessed[i] == SCSEC_DATE_NONE ||
		     t->x->assessed[i] > t->as_of ||
		     t->as_of > t->x->last_valid[(size_t)li * t->x->nitems + i]))
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

/* Rule 12: "For every level not met as of D, the projected date is the
 * latest planned day among the items of its chain (rule 7) that are
 * unsatisfied at a level of the chain, when every one of them has a plan
 * on or after D and every item it needs stays valid until then: an item
 * satisfied now until its last valid day at each level of the chain where
 * it applies, a planned one until its planned day + that level's validity
 * - 1 day. Otherwise the level is blocked, and the blockers are the
 * unsatisfied items without a plan (unplanned), those whose planned day is
 * before D (overdue) and those that would lapse before the projected day
 * (lapses), in id order." One allocation holds the per-level days, the
 * offsets and the blockers. */
static int project(const ctx *t, scsec_result *r)
{
	const scsec_criteria *c = t->c;
	const scsec_evaluator *x = t->x;
	size_t n = x->nitems, nl = c->nlevels, li, k, lj, total = 0, pass;
	struct scsec__projection *p = NULL;

	for (pass = 0; pass < 2; pass++) {
		size_t nb = 0;

		if (pass) {
			size_t size = sizeof *p + nl * sizeof(scsec_date) + (nl + 1) * sizeof(size_t) +
			              total * sizeof(struct scsec__blocker);

			if (!(p = scsec__malloc(size)))
				return SCSEC_ENOMEM;
			p->on = (scsec_date *)(void *)(p + 1);
			p->off = (size_t *)(void *)(p->on + nl);
			p->blockers = (struct scsec__blocker *)(void *)(p->off + nl + 1);
			r->projection = p;
		}
		for (li = 0; li < nl; li++) {
			const struct scsec_level *l = c->levels[li];
			scsec_date until = t->as_of;
			int blocked = 0;

			if (pass) {
				p->off[li] = nb;
				p->on[li] = SCSEC_DATE_NONE;
			}
			if (r->met[li])
				continue;
			/* The latest plan of the unsatisfied items, and the ones
			 * without a usable plan. */
			for (k = 0; k < l->ngap_items; k++) {
				size_t i = l->gap_items[k].item;
				uint64_t levels = l->gap_items[k].levels;
				int open = 0;
				scsec_date pl = x->planned[i];

				for (lj = 0; lj <= li && !open; lj++)
					open = ((levels >> lj) & 1) && t->why[lj * n + i] != SCSEC_REASON_NONE;
				if (!open)
					continue;
				if (pl != SCSEC_DATE_NONE && pl >= t->as_of) {
					if (pl > until)
						until = pl;
					continue;
				}
				blocked = 1;
				if (pass) {
					p->blockers[nb].id = c->item_id[i];
					p->blockers[nb].kind = (unsigned char)(pl == SCSEC_DATE_NONE
					                                           ? SCSEC_BLOCKER_UNPLANNED
					                                           : SCSEC_BLOCKER_OVERDUE);
				}
				nb++;
			}
			/* What would lapse before that day. */
			for (k = 0; k < l->ngap_items; k++) {
				size_t i = l->gap_items[k].item;
				uint64_t levels = l->gap_items[k].levels;
				int open = 0, lapses = 0;

				for (lj = 0; lj <= li && !open; lj++)
					open = ((levels >> lj) & 1) && t->why[lj * n + i] != SCSEC_REASON_NONE;
				if (open && (x->planned[i] == SCSEC_DATE_NONE || x->planned[i] < t->as_of))
					continue; /* a blocker already */
				for (lj = 0; lj <= li && !lapses; lj++) {
					scsec_date last;

					if (!((levels >> lj) & 1))
						continue;
					if (!open) {
						last = x->last_valid[lj * n + i];
					} else if (scsec__date_add(&last, x->planned[i],
					                           &c->levels[lj]->duration)) {
						last = SCSEC__DATE_MAX;
					} else {
						last--;
					}
					lapses = last < until;
				}
				if (!lapses)
					continue;
				blocked = 1;
				if (pass) {
					p->blockers[nb].id = c->item_id[i];
					p->blockers[nb].kind = SCSEC_BLOCKER_LAPSES;
				}
				nb++;
			}
			if (pass && !blocked)
				p->on[li] = until;
		}
		if (pass)
			p->off[nl] = nb;
		total = nb;
	}
	return 0;
}

/* One allocation holds the result and its arrays. */
static scsec_result *result_alloc(const scsec_criteria *c, const char *subject, size_t ngaps,
                                  size_t nitems, size_t nrests)
{
	size_t nl = c->nlevels, nc = c->ntop;
	size_t slen = subject ? strlen(subject) + 1 : 0;
	size_t figs = (nl + nc) * sizeof(struct scsec_figures);
	size_t size = sizeof(scsec_result) + figs + ngaps * sizeof(struct scsec_gap) +
	              nrests * sizeof(const char *) + nl + nl * nitems + slen;
	scsec_result *r = scsec__malloc(size);
	unsigned char *p;

	if (!r)
		return NULL;
	/* Zero what is counted into; the gaps are written before being read. */
	memset(r, 0, sizeof *r + figs);
	p = (unsigned char *)(r + 1);
	r->level_figures = (struct scsec_figures *)(void *)p;
	p += nl * sizeof(struct scsec_figures);
	r->category_figures = (struct scsec_figures *)(void *)p;
	p += nc * sizeof(struct scsec_figures);
	r->gaps = (struct scsec_gap *)(void *)p;
	p += ngaps * sizeof(struct scsec_gap);
	r->rests_on = (const char **)(void *)p;
	r->nrests_on = nrests;
	p += nrests * sizeof(const char *);
	r->met = p;
	p += nl;
	r->why = p;
	r->nitems = nitems;
	p += nl * nitems;
	if (subject) {
		r->subject = (char *)p;
		memcpy(r->subject, subject, slen);
	}
	r->nlevels = nl;
	r->ncategories = nc;
	return r;
}

/* Rule 11: judge every signature of the record under trust list tl as of
 * day as_of, into one allocation holding the signers and copies of the
 * names they borrow from the list (which may be freed before the result);
 * the strongest method the counting ones support goes to *cap. */
static int judge_signatures(scsec_result *r, scsec_method *cap, const scsec_evidence *ev,
                            const scsec_trust *tl, scsec_date as_of)
{
	const struct scsec_trust_party *party;
	size_t i, size = ev->nsignatures * sizeof *r->signers;
	char *p;

	*cap = SCSEC_METHOD_SELF;
	size += strlen(tl->operator_name) + strlen(tl->version) + 2;
	for (i = 0; i < ev->nsignatures; i++) {
		scsec__trust_judge(tl, &ev->signatures[i], ev->signatures_stale, as_of, &party);
		if (party)
			size += strlen(party->name) + strlen(party->role) + 2;
	}
	if (!(r->signers = scsec__malloc(size)))
		return SCSEC_ENOMEM;
	p = (char *)(r->signers + ev->nsignatures);
	r->trust_operator = strcpy(p, tl->operator_name);
	p += strlen(p) + 1;
	r->trust_version = strcpy(p, tl->version);
	p += strlen(p) + 1;
	for (i = 0; i < ev->nsignatures; i++) {
		struct scsec_signer *g = &r->signers[i];
		scsec_verdict v = scsec__trust_judge(tl, &ev->signatures[i], ev->signatures_stale,
		                                     as_of, &party);

		g->sig = &ev->signatures[i];
		g->verdict = (unsigned char)v;
		g->party = g->role = NULL;
		if (party) {
			g->party = strcpy(p, party->name);
			p += strlen(p) + 1;
			g->role = strcpy(p, party->role);
			p += strlen(p) + 1;
		}
		if (v == SCSEC_VERDICT_COUNTED && scsec__trust_role_method(party->role) > *cap)
			*cap = scsec__trust_role_method(party->role);
	}
	r->nsigners = ev->nsignatures;
	r->trust_applied = 1;
	r->trust_verified = (unsigned char)tl->verified;
	r->trusted_method = *cap;
	return 0;
}

int scsec_evaluator_run(scsec_result **out, const scsec_evaluator *x, const scsec_eval_options *o)
{
	const scsec_criteria *c;
	scsec_result *r;
	int rc, required, target_index = -1, level_index, gap_index;
	unsigned char why_stack[2048], met[SCSEC__MAX_LEVELS];
	scsec_result trust; /* the trust part of the result, until it exists */
	struct scsec_figures figs[SCSEC__MAX_LEVELS];
	ctx t;
	size_t li, ngaps, nrests;
	scsec_date until;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(x);
	c = x->c;
	if (o && o->target) {
		const scsec_level *tl = scsec_criteria_level_by_rank(c, o->target);

		if (!tl)
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no level %d to target", c->id,
			                        o->target);
		target_index = (int)tl->index;
	}
	if ((rc = scsec_criteria_required_level(&required, c, o)))
		return rc;
	t.c = c;
	t.x = x;
	t.as_of = o && o->as_of != SCSEC_DATE_NONE ? o->as_of : scsec_date_today();
	t.cap = SCSEC_METHOD_THIRD_PARTY;
	trust.signers = NULL;
	if (o && o->trust &&
	    (rc = judge_signatures(&trust, &t.cap, x->record, o->trust, t.as_of)))
		return rc;
	t.why = c->nlevels * x->nitems <= sizeof why_stack ? why_stack
	                                                   : scsec__malloc(c->nlevels * x->nitems);
	if (!t.why) {
		scsec__free(trust.signers);
		return SCSEC_ENOMEM;
	}
	evaluate_levels(&t, figs, met);
	/* Rule 4: "The achieved level is the highest met level; 0 when none is
	 * met. Levels need not nest." */
	for (level_index = -1, li = c->nlevels; li-- > 0;) {
		if (met[li]) {
			level_index = (int)li;
			break;
		}
	}
	/* Rule 7: "The gap level is the target level when the caller names one;
	 * otherwise the level above the achieved one; otherwise (the top level
	 * is achieved) the top level." */
	if (target_index >= 0)
		gap_index = target_index;
	else if (level_index + 1 < (int)c->nlevels)
		gap_index = level_index + 1;
	else
		gap_index = (int)c->nlevels - 1;
	/* Room for the gaps there can be: the unsatisfied items of the gap
	 * level's chain. */
	for (li = 0, ngaps = 0; gap_index >= 0 && li <= (size_t)gap_index; li++)
		if ((c->levels[gap_index]->chain >> li) & 1)
			ngaps += figs[li].applicable - figs[li].count[SCSEC_REASON_NONE];
	/* Rule 6: "There is none when nothing is achieved." */
	until = level_index < 0 ? SCSEC_DATE_NONE : rests_until(&t, (size_t)level_index);
	nrests = level_index < 0 ? 0 : rests_on(&t, (size_t)level_index, until, NULL);
	if (!(r = result_alloc(c, x->record->subject_name, ngaps, x->nitems, nrests))) {
		if (t.why != why_stack)
			scsec__free(t.why);
		scsec__free(trust.signers);
		return SCSEC_ENOMEM;
	}
	if (trust.signers) {
		r->trust_applied = 1;
		r->trust_verified = trust.trust_verified;
		r->trusted_method = trust.trusted_method;
		r->trust_operator = trust.trust_operator;
		r->trust_version = trust.trust_version;
		r->signers = trust.signers;
		r->nsigners = trust.nsigners;
	}
	memcpy(r->level_figures, figs, c->nlevels * sizeof *figs);
	memcpy(r->met, met, c->nlevels);
	memcpy(r->why, t.why, c->nlevels * x->nitems);
	if (nrests)
		rests_on(&t, (size_t)level_index, until, r->rests_on);
	r->as_of = t.as_of;
	r->evidence_derived = x->record->derived != NULL;
	r->level_index = level_index;
	r->level = level_index < 0 ? 0 : c->levels[level_index]->rank;
	r->valid_until = until;
	r->gap_index = gap_index;
	if (gap_index >= 0)
		gaps_and_figures(&t, r);
	score(&t, r);
	if (o && o->project && (rc = project(&t, r))) {
		if (t.why != why_stack)
			scsec__free(t.why);
		scsec__free(r->signers);
		scsec__free(r);
		return rc;
	}
	/* Rule 9: the required level, and whether the achieved one meets it. */
	r->required = required;
	if (t.why != why_stack)
		scsec__free(t.why);
	/* Rule 10: provenance. The set's identity and fingerprint are read
	 * through the set the result keeps; the record's fingerprint through
	 * the evaluator (its snapshot), computed when first asked for. */
	scsec__criteria_ref(c);
	r->c = c;
	atomic_fetch_add_explicit(&((scsec_evaluator *)x)->refs, 1, memory_order_relaxed);
	r->evaluator = x;
	*out = r;
	return 0;
}

int scsec_evaluate(scsec_result **out, const scsec_criteria *c, const scsec_evidence *ev,
                   const scsec_eval_options *o)
{
	scsec_evaluator *x;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	if ((rc = scsec_evaluator_new(&x, c, ev)))
		return rc;
	rc = scsec_evaluator_run(out, x, o);
	scsec_evaluator_free(x);
	return rc;
}

const char *scsec_result_evidence_fingerprint(const scsec_result *r)
{
	if (!r)
		return NULL;
	if (!r->evaluator)
		return r->evidence_fingerprint;
	return scsec__evidence_fingerprint(r->evaluator->record);
}

int scsec_result_options_get(scsec_eval_options **out, const scsec_result *r)
{
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(r);
	if ((rc = scsec_eval_options_new(out)))
		return rc;
	(*out)->as_of = r->as_of;
	if (r->gap_index >= 0)
		(*out)->target = r->c->levels[r->gap_index]->rank;
	(*out)->required = r->required;
	return 0;
}

int scsec__result_unstated(const scsec_result *r, size_t p)
{
	if (r->evaluator)
		return r->evaluator->unstated[p];
	return r->unstated ? r->unstated[p] : 0;
}

scsec_date scsec__result_last_valid(const scsec_result *r, size_t level, size_t item)
{
	if (r->evaluator)
		return r->evaluator->last_valid[level * r->evaluator->nitems + item];
	return r->last_valid ? r->last_valid[level * r->nitems + item] : SCSEC_DATE_NONE;
}

/* The prerequisites whose answer states no assessor role though they name
 * one, in the set's order. */
size_t scsec_result_unstated_role_count(const scsec_result *r)
{
	size_t i, n = 0;

	for (i = 0; r && i < r->c->nprereqs; i++)
		n += (size_t)scsec__result_unstated(r, i);
	return n;
}

const scsec_prerequisite *scsec_result_unstated_role_at(const scsec_result *r, size_t k)
{
	size_t i;

	for (i = 0; r && i < r->c->nprereqs; i++)
		if (scsec__result_unstated(r, i) && k-- == 0)
			return r->c->prereqs[i];
	return NULL;
}

int scsec_result_last_valid_day_get(scsec_date *out, const scsec_result *r, size_t level,
                                    const char *id)
{
	size_t i;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = SCSEC_DATE_NONE;
	if ((rc = scsec__result_item(&i, r, level, id)))
		return rc;
	if (!r->evaluator && !r->last_valid)
		return scsec__error_set(SCSEC_ENOTFOUND,
		                        "the result keeps no last valid days (it was not evaluated here)");
	*out = scsec__result_last_valid(r, level, i);
	return 0;
}

void scsec_result_free(scsec_result *r)
{
	if (!r)
		return;
	evaluator_unref(r->evaluator);
	scsec__criteria_unref(r->c);
	scsec__free(r->signers);
	scsec__free(r->projection);
	for (; r->ndoc_sigs; r->ndoc_sigs--)
		scsec__signature_dispose(&r->doc_sigs[r->ndoc_sigs - 1]);
	scsec__free(r->doc_sigs);
	scsec__result_release(r);
	scsec__free(r);
}

/* ---------------------------------------------------------------- projection */

int scsec_result_has_projection(const scsec_result *r)
{
	return r && r->projection;
}

scsec_date scsec_result_projected_on_at(const scsec_result *r, size_t i)
{
	if (!r || !r->projection || i >= r->nlevels)
		return SCSEC_DATE_NONE;
	return r->projection->on[i];
}

size_t scsec_result_projection_blocker_count(const scsec_result *r, size_t i)
{
	if (!r || !r->projection || i >= r->nlevels)
		return 0;
	return r->projection->off[i + 1] - r->projection->off[i];
}

int scsec_result_projection_blocker_get(const char **id, scsec_blocker *kind,
                                        const scsec_result *r, size_t level, size_t k)
{
	const struct scsec__blocker *b;

	SCSEC__CHECK_ARG(r);
	SCSEC__CHECK_ARG(level < r->nlevels);
	SCSEC__CHECK_ARG(k < scsec_result_projection_blocker_count(r, level));
	b = &r->projection->blockers[r->projection->off[level] + k];
	if (id)
		*id = b->id;
	if (kind)
		*kind = (scsec_blocker)b->kind;
	return 0;
}

const char *scsec_blocker_name(scsec_blocker kind)
{
	switch (kind) {
	case SCSEC_BLOCKER_UNPLANNED: return "unplanned";
	case SCSEC_BLOCKER_OVERDUE: return "overdue";
	case SCSEC_BLOCKER_LAPSES: return "lapses";
	}
	return NULL;
}
