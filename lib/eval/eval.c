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
 * compare-and-swap, one binding per set, dropped when the record changes),
 * so evaluating the same record again, as of other dates or for other
 * targets, is only comparisons. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "model/canonical.h"
#include "model/result.h"

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

/* ---------------------------------------------------------------- binding */

typedef struct bound {
	signed char status;      /* scsec_status */
	signed char method;      /* scsec_method; SCSEC_METHOD_THIRD_PARTY for prerequisites,
	                          * to which the method rule does not apply (rule 2) */
} bound;

/* The record's cache is a list of bindings, one per set (newest first),
 * that only ever grows at its head, by compare-and-swap: a binding, once
 * published, is never changed or unlinked while the record may be read.
 * The whole list is freed only by scsec__evidence_changed(), which runs
 * when the record changes or is freed, never alongside a reader
 * (doc/threading.md); so readers walk it without a lock. */
struct scsec__binding {
	struct scsec__binding *next; /* the binding published before this one */
	uint64_t serial;         /* the set's */
	char fingerprint[65];    /* the record's, when bound */
	const char *subject;     /* the record's subject name (copied), or NULL */
	size_t nitems;           /* criteria, then prerequisites */
	size_t nlevels;
	bound *items;
	scsec_date *last_valid;  /* [level * nitems + item] */
	/* What evaluation reads, compactly: per item its assessment day, and
	 * per level and item either CELL_FIXED + the reason that does not depend
	 * on the evaluation date (status, N/A, method, no assessment day) or
	 * the last valid day. */
	scsec_date *assessed;    /* [item] */
	int32_t *cell;           /* [level * nitems + item] */
	/* The same in half the space, when every date of the record lies within
	 * 65,527 days of the earliest assessment day `base` (it nearly always
	 * does): days as offsets from base, the fixed reasons as NARROW_FIXED +
	 * reason. Evaluations touch fewer cache lines. */
	int narrow;
	scsec_date base;
	uint16_t *from16;        /* [item] */
	uint16_t *to16;          /* [level * nitems + item] */
};

#define CELL_FIXED INT32_MIN /* below every valid day (SCSEC__DATE_MIN) */
#define ALIGN8(n) (((n) + 7) & ~(size_t)7)
#define NARROW_FIXED 0xfff8u /* offsets stay below it */

/* Bindings cached per record at most: past it, a binding to yet another
 * set is made for one evaluation and freed (a server that reloads its sets
 * now and then must not grow every record's cache without bound). */
#define MAX_CACHED_BINDINGS 8

/* Free b and the bindings published before it. */
void scsec__binding_free(struct scsec__binding *b)
{
	while (b) {
		struct scsec__binding *next = b->next;

		scsec__free(b);
		b = next;
	}
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

static scsec_reason fixed_reason(const bound *e, int na_ok, int method);
static void narrow(struct scsec__binding *b);

static struct scsec__binding *bind(const scsec_criteria *c, const scsec_evidence *ev,
                                   const char *fingerprint)
{
	size_t n = c->ncriteria + c->nprereqs, i, li;
	size_t slen = ev->subject_name ? strlen(ev->subject_name) + 1 : 0;
	size_t size = sizeof(struct scsec__binding) + ALIGN8(slen) +
	              ALIGN8((n + c->nlevels * n) * sizeof(uint16_t)) + n * sizeof(bound) +
	              (2 * c->nlevels * n + n + 1) * sizeof(scsec_date);
	struct scsec__binding *b = scsec__malloc(size);

	if (!b)
		return NULL;
	b->next = NULL;
	b->serial = c->serial;
	memcpy(b->fingerprint, fingerprint, sizeof b->fingerprint);
	b->nitems = n;
	b->nlevels = c->nlevels;
	/* What every evaluation reads comes first and together (fewer cache
	 * lines and pages touched per evaluation); what only scoring reads
	 * after it. */
	b->subject = slen ? memcpy((char *)(b + 1), ev->subject_name, slen) : NULL;
	b->from16 = (uint16_t *)(void *)((char *)(b + 1) + ALIGN8(slen));
	b->to16 = b->from16 + n;
	b->assessed = (scsec_date *)(void *)((char *)b->from16 + ALIGN8((n + c->nlevels * n) *
	                                                                sizeof(uint16_t)));
	b->cell = b->assessed + n;
	b->last_valid = b->cell + c->nlevels * n;
	b->items = (bound *)(void *)(b->last_valid + c->nlevels * n + 1);
	for (i = 0; i < n; i++) {
		const char *id = i < c->ncriteria ? c->criteria[i]->id : c->prereqs[i - c->ncriteria]->id;
		const struct scsec_entry *e = scsec__map_get(&ev->index, id);
		bound *x = &b->items[i];
		/* Not-applicable would be accepted: a criterion that allows it,
		 * with a justification that is not blanks only (util/util.h). */
		int na_ok = i < c->ncriteria && c->criteria[i]->na_allowed && e &&
		            !scsec__blank_str(e->justification);

		x->status = (signed char)(e ? e->status : SCSEC_STATUS_NONE);
		x->method = (signed char)(i >= c->ncriteria ? SCSEC_METHOD_THIRD_PARTY
		                                            : e ? e->method : SCSEC_METHOD_NONE);
		b->assessed[i] = e ? e->assessed_on : SCSEC_DATE_NONE;
		for (li = 0; li < c->nlevels; li++) {
			scsec_reason w = fixed_reason(x, na_ok, (int)c->levels[li]->method);

			b->last_valid[li * n + i] = e ? last_valid_day(e, c->levels[li]) : SCSEC_DATE_NONE;
			if (!w && b->assessed[i] == SCSEC_DATE_NONE)
				w = SCSEC_REASON_NOT_YET_VALID; /* whatever the date */
			b->cell[li * n + i] = w ? CELL_FIXED + (int32_t)w : b->last_valid[li * n + i];
		}
	}
	narrow(b);
	return b;
}

/* Fill the narrow form when the record's dates allow it. */
static void narrow(struct scsec__binding *b)
{
	size_t n = b->nitems, i, k;
	scsec_date base = SCSEC__DATE_MAX;

	b->narrow = 0;
	b->base = 0;
	for (i = 0; i < n; i++)
		if (b->assessed[i] != SCSEC_DATE_NONE && b->assessed[i] < base)
			base = b->assessed[i];
	for (i = 0; i < n; i++) {
		if (b->assessed[i] == SCSEC_DATE_NONE) {
			b->from16[i] = 0; /* every cell of the item is fixed */
		} else if ((int64_t)b->assessed[i] - base < NARROW_FIXED) {
			b->from16[i] = (uint16_t)(b->assessed[i] - base);
		} else {
			return;
		}
	}
	for (k = 0; k < b->nlevels * n; k++) {
		int32_t v = b->cell[k];

		if (v < SCSEC__DATE_MIN)
			b->to16[k] = (uint16_t)(NARROW_FIXED + (uint32_t)(v - CELL_FIXED));
		else if (v >= base && (int64_t)v - base < NARROW_FIXED)
			b->to16[k] = (uint16_t)(v - base);
		else
			return; /* a last valid day out of reach (or before base): wide form */
	}
	b->base = base;
	b->narrow = 1;
}

/* The binding to the set numbered serial in the list from head, or NULL;
 * *count is set to the number of bindings before it (all of them when
 * there is none). */
static struct scsec__binding *cached_binding(struct scsec__binding *head, uint64_t serial,
                                             size_t *count)
{
	size_t k;

	for (k = 0; head && head->serial != serial; head = head->next)
		k++;
	*count = k;
	return head;
}

/* The record's binding to c: the cached one, or a new one that is cached
 * while the record holds fewer than MAX_CACHED_BINDINGS. *owned is set
 * when the caller must free it. */
static struct scsec__binding *get_binding(const scsec_criteria *c, const scsec_evidence *cev,
                                          int *owned, int *rc)
{
	scsec_evidence *ev = (scsec_evidence *)cev;
	struct scsec__binding *head = atomic_load(&ev->binding), *b, *found;
	const char *fp;
	size_t count;

	*owned = 0;
	*rc = 0;
	/* A binding to this set was made from the record as it is now (any
	 * change drops them all): the record's checks were passed then. */
	if ((found = cached_binding(head, c->serial, &count)))
		return found;
	/* Never a silently wrong level: evidence for another set is refused. */
	if (ev->criteria_id && (strcmp(ev->criteria_id, c->id) ||
	                        strcmp(ev->criteria_version, c->version))) {
		*rc = scsec__error_set(SCSEC_EMISMATCH,
		                       "the record answers criteria set '%s' version '%s', not '%s' "
		                       "version '%s'",
		                       ev->criteria_id, ev->criteria_version, c->id, c->version);
		return NULL;
	}
	if (!(fp = scsec__evidence_fingerprint(ev)) || !(b = bind(c, ev, fp))) {
		*rc = scsec_error_code(scsec_error_last()) ? scsec_error_code(scsec_error_last())
		                                           : SCSEC_ENOMEM;
		return NULL;
	}
	for (;;) {
		if (count >= MAX_CACHED_BINDINGS) {
			*owned = 1;
			return b;
		}
		/* Published with its fields, next included, by the exchange. */
		b->next = head;
		if (atomic_compare_exchange_strong(&ev->binding, &head, b))
			return b;
		/* Another thread published first (head now holds its list): use
		 * its binding to this set if that is what it published. */
		b->next = NULL;
		if ((found = cached_binding(head, c->serial, &count))) {
			scsec__binding_free(b);
			return found;
		}
	}
}

/* ---------------------------------------------------------------- rules */

typedef struct ctx {
	const scsec_criteria *c;
	const struct scsec__binding *b;
	scsec_date as_of;
	unsigned char *why;      /* [level * nitems + item]: the reason at each level */
} ctx;

/* Rules 1, 2 and 5, the part that does not depend on the date: the first
 * of missing, not-met, partial, na-rejected and method that applies at a
 * level needing `method`, or SCSEC_REASON_NONE. A prerequisite is bound with
 * the strongest method and no N/A acceptance, which is rule 2. */
static scsec_reason fixed_reason(const bound *e, int na_ok, int method)
{
	switch (e->status) {
	case SCSEC_STATUS_NONE:
		return SCSEC_REASON_MISSING;
	case SCSEC_STATUS_NOT_MET:
		return SCSEC_REASON_NOT_MET;
	case SCSEC_STATUS_PARTIAL:
		return SCSEC_REASON_PARTIAL;
	case SCSEC_STATUS_NOT_APPLICABLE:
		if (!na_ok)
			return SCSEC_REASON_NA_REJECTED;
		break;
	default:
		break;
	}
	return e->method < method ? SCSEC_REASON_METHOD : SCSEC_REASON_NONE;
}

/* Rule 3 for every level, in increasing rank (requires-lower looks down);
 * every item's reason at every level where it applies is kept for the
 * gaps. The reason is the bound fixed one (rules 1, 2, 5 before the dates),
 * else not-yet-valid or expired by the dates, else none. */
/* The reason of item i at a level, from the binding's level slices. Every
 * value the loops need is held in locals: stores through the unsigned char
 * `why` may alias anything, and would otherwise force reloads. */
static inline unsigned char reason_in(const int32_t *cell, const scsec_date *assessed, size_t i,
                                      scsec_date as_of)
{
	int32_t v = cell[i];

	if (v < SCSEC__DATE_MIN)
		return (unsigned char)(v - CELL_FIXED);
	if (assessed[i] > as_of)
		return SCSEC_REASON_NOT_YET_VALID;
	return as_of > v ? SCSEC_REASON_EXPIRED : SCSEC_REASON_NONE;
}

/* The reason of item i at a level in the narrow form, the date d being an
 * offset from base clamped to [-1, NARROW_FIXED]. */
static inline unsigned char reason_narrow(const uint16_t *to, const uint16_t *from, size_t i,
                                          int32_t d)
{
	/* Without branches: which reason applies depends on each supplier's
	 * data, and mispredicted branches would cost more than the arithmetic. */
	uint32_t t = to[i];
	uint32_t fixed = t >= NARROW_FIXED;
	uint32_t nyv = (int32_t)from[i] > d;
	uint32_t expired = (d > (int32_t)t) & ~nyv & 1u;
	uint32_t dated = nyv * SCSEC_REASON_NOT_YET_VALID + expired * SCSEC_REASON_EXPIRED;

	return (unsigned char)(fixed ? t - NARROW_FIXED : dated);
}

static void evaluate_levels(const ctx *x, struct scsec_figures *figs, unsigned char *met)
{
	const scsec_criteria *c = x->c;
	const struct scsec__binding *b = x->b;
	const scsec_date *assessed = b->assessed;
	size_t n = b->nitems, ncrit = c->ncriteria, nlevels = c->nlevels, li, k;
	scsec_date as_of = x->as_of;
	int64_t rel = (int64_t)as_of - b->base;
	int32_t d = rel < 0 ? -1 : rel > NARROW_FIXED ? (int32_t)NARROW_FIXED : (int32_t)rel;

	for (li = 0; li < nlevels; li++) {
		const struct scsec_level *l = c->levels[li];
		const int32_t *cell = &b->cell[li * n];
		const uint16_t *to = &b->to16[li * n], *from = b->from16;
		const uint32_t *crit = l->criteria;
		const scsec_prerequisite *const *pre = l->prereqs;
		size_t ncl = l->ncriteria, npl = l->nprereqs;
		unsigned char *why = &x->why[li * n];
		size_t cnt[SCSEC_REASON_COUNT] = { 0 };
		struct scsec_figures *f = &figs[li];

		if (b->narrow) {
			for (k = 0; k < ncl; k++) {
				size_t i = crit[k];
				unsigned char w = reason_narrow(to, from, i, d);

				why[i] = w;
				cnt[w]++;
			}
			for (k = 0; k < npl; k++) {
				size_t i = ncrit + pre[k]->index;
				unsigned char w = reason_narrow(to, from, i, d);

				why[i] = w;
				cnt[w]++;
			}
		} else {
			for (k = 0; k < ncl; k++) {
				size_t i = crit[k];
				unsigned char w = reason_in(cell, assessed, i, as_of);

				why[i] = w;
				cnt[w]++;
			}
			for (k = 0; k < npl; k++) {
				size_t i = ncrit + pre[k]->index;
				unsigned char w = reason_in(cell, assessed, i, as_of);

				why[i] = w;
				cnt[w]++;
			}
		}
		memcpy(f->count, cnt, sizeof cnt);
		f->applicable = ncl + npl;
		met[li] = cnt[SCSEC_REASON_NONE] == ncl + npl &&
		          (!l->requires_lower || (li > 0 && met[li - 1]));
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

/* Rule 7 and rule 8: gaps of the gap level, in id order, with the figures
 * per CSF function and per top-level category. An item of the gap level's
 * requires-lower chain is judged at every level of the chain where it
 * applies; its reason is the one at the highest of those where it fails. */
static void gaps_and_figures(const ctx *x, scsec_result *r)
{
	const scsec_criteria *c = x->c;
	const struct scsec_level *g = c->levels[r->gap_index];
	const unsigned char *why = x->why, *function = c->item_function;
	const uint32_t *top = c->item_top;
	const struct scsec__gap_item *items = g->gap_items;
	const char *const *ids = c->item_id;
	struct scsec_figures *functions = r->function_figures, *categories = r->category_figures;
	struct scsec_gap *gaps = r->gaps;
	size_t gi = (size_t)r->gap_index, n = x->b->nitems, ncrit = c->ncriteria, ntop = c->ntop;
	size_t nitems = g->ngap_items, ngaps = 0, k;
	uint64_t top_bit = (uint64_t)1 << gi;

	for (k = 0; k < SCSEC_FUNCTION_COUNT; k++)
		functions[k].applicable = g->function_applicable[k];
	for (k = 0; k < ntop; k++)
		categories[k].applicable = g->category_applicable[k];
	for (k = 0; k < nitems; k++) {
		size_t i = items[k].item, li = gi;
		uint64_t m = items[k].levels;
		unsigned char w = 0, at_gap = 0;

		if (m & top_bit)
			w = at_gap = why[gi * n + i];
		/* Down the chain, while satisfied so far. */
		for (m &= top_bit - 1; !w && m; m &= ~((uint64_t)1 << li)) {
			while (!((m >> li) & 1))
				li--;
			w = why[li * n + i];
		}
		/* Written always, kept when there is a reason (no branch: see
		 * reason_narrow); the array has room for every item. */
		gaps[ngaps].id = ids[i];
		gaps[ngaps].reason = w;
		gaps[ngaps].prerequisite = (unsigned char)(i >= ncrit);
		ngaps += w != 0;
		if ((items[k].levels & top_bit) && i < ncrit) {
			functions[function[i]].count[at_gap]++;
			categories[top[i]].count[at_gap]++;
		}
	}
	r->ngaps = ngaps;
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

			if (x->why[(size_t)li * x->b->nitems + l->criteria[k]] == SCSEC_REASON_NONE)
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
		scsec_reason why = (scsec_reason)x->why[(size_t)li * x->b->nitems + i];
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
		    (e->method < (int)l->method || x->b->assessed[i] == SCSEC_DATE_NONE ||
		     x->b->assessed[i] > x->as_of ||
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
static scsec_result *result_alloc(const scsec_criteria *c, const char *subject, size_t ng)
{
	size_t nl = c->nlevels, nc = c->ntop;
	size_t slen = subject ? strlen(subject) + 1 : 0;
	size_t figs = (nl + nc) * sizeof(struct scsec_figures);
	/* One gap more than can be kept: the gap pass writes every item's slot
	 * before deciding whether to keep it. */
	size_t size = sizeof(scsec_result) + figs + (ng + 1) * sizeof(struct scsec_gap) + nl + slen;
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
	p += (ng + 1) * sizeof(struct scsec_gap);
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
	scsec_result *r;
	int owned, rc, required, target_index = -1, level_index, gap_index;
	unsigned char why_stack[2048], met[SCSEC__MAX_LEVELS];
	struct scsec_figures figs[SCSEC__MAX_LEVELS];
	ctx x;
	size_t li, ngaps;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(c);
	SCSEC__CHECK_ARG(ev);
	if (o && o->target) {
		const scsec_level *t = scsec_criteria_level_by_rank(c, o->target);

		if (!t)
			return scsec__error_set(SCSEC_ENOTFOUND, "'%s' has no level %d to target", c->id,
			                        o->target);
		target_index = (int)t->index;
	}
	if ((rc = scsec_criteria_required_level(&required, c, o)))
		return rc;
	if (!(b = get_binding(c, ev, &owned, &rc)))
		return rc;
	x.c = c;
	x.b = b;
	x.as_of = o && o->as_of != SCSEC_DATE_NONE ? o->as_of : scsec_date_today();
	x.why = c->nlevels * b->nitems <= sizeof why_stack ? why_stack
	                                                   : scsec__malloc(c->nlevels * b->nitems);
	if (!x.why) {
		if (owned)
			scsec__binding_free(b);
		return SCSEC_ENOMEM;
	}
	evaluate_levels(&x, figs, met);
	/* Rule 4: the highest met level; levels need not nest. */
	for (level_index = -1, li = c->nlevels; li-- > 0;) {
		if (met[li]) {
			level_index = (int)li;
			break;
		}
	}
	if (target_index >= 0)
		gap_index = target_index;
	else if (level_index + 1 < (int)c->nlevels)
		gap_index = level_index + 1;
	else
		gap_index = (int)c->nlevels - 1;
	/* The result, sized for the gaps there can be: the unsatisfied items of
	 * the gap level's chain. */
	for (li = 0, ngaps = 0; li <= (size_t)gap_index; li++)
		if ((c->levels[gap_index]->chain >> li) & 1)
			ngaps += figs[li].applicable - figs[li].count[SCSEC_REASON_NONE];
	if (!(r = result_alloc(c, b->subject, ngaps))) {
		if (x.why != why_stack)
			scsec__free(x.why);
		if (owned)
			scsec__binding_free(b);
		return SCSEC_ENOMEM;
	}
	memcpy(r->level_figures, figs, c->nlevels * sizeof *figs);
	memcpy(r->met, met, c->nlevels);
	r->as_of = x.as_of;
	memcpy(r->evidence_fingerprint, b->fingerprint, sizeof r->evidence_fingerprint);
	r->evidence_derived = ev->derived != NULL;
	r->level_index = level_index;
	r->level = level_index < 0 ? 0 : c->levels[level_index]->rank;
	r->valid_until = level_index < 0 ? SCSEC_DATE_NONE : rests_until(&x, (size_t)level_index);
	r->gap_index = gap_index;
	gaps_and_figures(&x, r);
	score(&x, r);
	r->required = required;

	if (x.why != why_stack)
		scsec__free(x.why);
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
