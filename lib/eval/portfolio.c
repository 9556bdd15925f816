/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The portfolio: many suppliers' results as of one date (doc/portfolio.md).
 *
 * Each supplier keeps a copy of its result's reasons (one byte per item and
 * level, result.h), so its gap figures can be worked out again for any
 * target level when a contract raises its requirement. Every figure is
 * kept up to date as suppliers and contracts arrive, in any order: the
 * lists are sorted arrays of pointers kept sorted by binary insertion, the
 * missed-criteria counts change by one supplier's contribution at a time
 * and their order is restored by insertion sort (a few hundred items,
 * nearly sorted). Nothing here depends on the order of the calls. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/util.h"
#include "model/criteria.h"
#include "model/result.h"
#include "eval/portfolio.h"
#include "scsec/trust.h"

#define ID_MAX 256
#define SOURCE_MAX 4096
#define PROBLEM_MAX 1024

/* ---------------------------------------------------------------- lists */

typedef int (*cmp_fn)(const void *a, const void *b);

/* The position of key in the sorted list (*found set when present). */
static size_t list_find(const plist *l, const void *key, cmp_fn cmp, int *found)
{
	size_t lo = 0, hi = l->n;

	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = cmp(l->items[mid], key);

		if (!d) {
			*found = 1;
			return mid;
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int list_insert(plist *l, void *item, cmp_fn cmp)
{
	int found;
	size_t at = list_find(l, item, cmp, &found);

	if (found)
		return SCSEC_EEXISTS;
	if (scsec__grow(&l->items, &l->cap, l->n + 1, sizeof *l->items))
		return SCSEC_ENOMEM;
	memmove(l->items + at + 1, l->items + at, (l->n - at) * sizeof *l->items);
	l->items[at] = item;
	l->n++;
	return 0;
}

static void list_remove(plist *l, const void *item, cmp_fn cmp)
{
	int found;
	size_t at = list_find(l, item, cmp, &found);

	if (!found)
		return;
	memmove(l->items + at, l->items + at + 1, (l->n - at - 1) * sizeof *l->items);
	l->n--;
}

static int by_id(const void *a, const void *b)
{
	return scsec__idcmp(((const scsec_supplier *)a)->id, ((const scsec_supplier *)b)->id);
}

static int by_expiry(const void *a, const void *b)
{
	const scsec_supplier *x = a, *y = b;

	if (x->valid_until != y->valid_until)
		return x->valid_until < y->valid_until ? -1 : 1;
	return by_id(a, b);
}

static int by_contract(const void *a, const void *b)
{
	const scsec_contract *x = a, *y = b;
	int d = scsec__idcmp(x->supplier_id, y->supplier_id);

	return d ? d : scsec__idcmp(x->id, y->id);
}

static int by_source(const void *a, const void *b)
{
	return strcmp(((const unreadable *)a)->source, ((const unreadable *)b)->source);
}

/* ---------------------------------------------------------------- building */

int scsec_portfolio_new(scsec_portfolio **out, const scsec_criteria *c, scsec_date as_of,
                        int within_days)
{
	scsec_portfolio *p;
	size_t nitems;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(c);
	SCSEC__CHECK_ARG(within_days >= 0 && within_days <= SCSEC_PORTFOLIO_MAX_WITHIN);
	if (scsec_date_split(NULL, NULL, NULL, as_of))
		return scsec__error_set(SCSEC_EDATE, "portfolio: not a valid as-of date");
	nitems = c->ncriteria + c->nprereqs;
	if (!(p = scsec__calloc(1, sizeof *p)))
		return SCSEC_ENOMEM;
	p->nitems = nitems;
	p->level_counts = scsec__calloc(c->nlevels + 1, sizeof *p->level_counts);
	p->missed = scsec__calloc(nitems ? nitems : 1, sizeof *p->missed);
	p->missed_method = scsec__calloc(nitems ? nitems : 1, sizeof *p->missed_method);
	p->order = scsec__calloc(nitems ? nitems : 1, sizeof *p->order);
	if (!p->level_counts || !p->missed || !p->missed_method || !p->order) {
		scsec_portfolio_free(p);
		return SCSEC_ENOMEM;
	}
	/* The missed order starts as the id order: every count 0. */
	{
		size_t k, n = 0;

		for (k = 0; k < c->nid_order; k++) {
			uint32_t e = c->id_order[k];

			p->order[n++] = e & SCSEC__ORDER_PREREQ ? c->ncriteria + (e & ~SCSEC__ORDER_PREREQ)
			                                        : e;
		}
	}
	scsec__criteria_ref(c);
	p->c = c;
	p->as_of = as_of;
	p->within = within_days;
	*out = p;
	return 0;
}

static void supplier_free(scsec_supplier *s)
{
	if (!s)
		return;
	scsec__free(s->id);
	scsec__free(s->name);
	scsec__free(s->source);
	scsec__free(s->why);
	scsec__free(s->rests_on);
	scsec__free(s->cat);
	scsec__free(s->proj_on);
	scsec__free(s->proj_blockers);
	scsec__free(s);
}

void scsec_portfolio_free(scsec_portfolio *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->suppliers.n; i++)
		supplier_free(p->suppliers.items[i]);
	for (i = 0; i < p->contracts.n; i++) {
		scsec_contract *k = p->contracts.items[i];

		scsec__free(k->supplier_id);
		scsec__free(k->id);
		scsec__free(k);
	}
	for (i = 0; i < p->unreadable.n; i++) {
		unreadable *u = p->unreadable.items[i];

		scsec__free(u->source);
		scsec__free(u->problem);
		scsec__free(u);
	}
	scsec__free(p->suppliers.items);
	scsec__free(p->expiring.items);
	scsec__free(p->below.items);
	scsec__free(p->untrusted.items);
	scsec__free(p->contracts.items);
	scsec__free(p->unreadable.items);
	scsec__free(p->level_counts);
	scsec__free(p->missed);
	scsec__free(p->missed_method);
	scsec__free(p->order);
	if (p->c)
		scsec__criteria_unref(p->c);
	scsec__free(p);
}

static int text_arg(const char *what, const char *s, size_t max)
{
	size_t n;

	if (!s || !*s || (n = strlen(s)) > max || !scsec__text_ok(s, n) || scsec__blank(s, n))
		return scsec__error_set(SCSEC_EINVAL,
		                        "portfolio: the %s must be 1 to %zu bytes of text, not blank",
		                        what, max);
	return 0;
}

/* The highest requirement among the contracts of supplier id. */
static int required_of(const scsec_portfolio *p, const char *id, size_t *ncontracts)
{
	scsec_contract key;
	int found, best = 0;
	size_t at;

	key.supplier_id = (char *)id;
	key.id = (char *)"";
	at = list_find(&p->contracts, &key, by_contract, &found);
	*ncontracts = 0;
	for (; at < p->contracts.n; at++) {
		const scsec_contract *k = p->contracts.items[at];

		if (scsec__idcmp(k->supplier_id, id))
			break;
		if (k->required > best)
			best = k->required;
		++*ncontracts;
	}
	return best;
}

static int level_index(const scsec_criteria *c, int rank)
{
	size_t i;

	for (i = 0; i < c->nlevels; i++)
		if (c->levels[i]->rank == rank)
			return (int)i;
	return -1;
}

/* The item's reason at the target level as the engine's gap list gives it
 * (eval.c, gaps_and_figures): at the level itself when judged there, else
 * at the first lower level of its chain, highest first, where it fails. */
static unsigned char gap_reason(const scsec_portfolio *p, const scsec_supplier *s, size_t gi,
                                size_t i, uint64_t levels)
{
	unsigned char w = 0;
	size_t li;

	if ((levels >> gi) & 1)
		w = s->why[gi * p->nitems + i];
	for (li = gi; !w && li-- > 0;)
		if ((levels >> li) & 1)
			w = s->why[li * p->nitems + i];
	return w == 0xff ? 0 : w;
}

static int is_method(unsigned char w)
{
	return w == SCSEC_REASON_METHOD || w == SCSEC_REASON_UNVERIFIED;
}

/* Add (sign 1) or take away (sign -1) the supplier's misses at its target. */
static void contribute(scsec_portfolio *p, const scsec_supplier *s, int sign)
{
	const struct scsec_level *g;
	size_t k;
	int gi;

	if (!s->target || (gi = level_index(p->c, s->target)) < 0)
		return;
	g = p->c->levels[gi];
	for (k = 0; k < g->ngap_items; k++) {
		size_t i = g->gap_items[k].item;
		unsigned char w = gap_reason(p, s, (size_t)gi, i, g->gap_items[k].levels);

		if (!w)
			continue;
		p->missed[i] += (size_t)sign;
		if (is_method(w))
			p->missed_method[i] += (size_t)sign;
	}
}

/* Restore the missed order: count decreasing, then the set's id order. */
static void resort_missed(scsec_portfolio *p)
{
	const scsec_criteria *c = p->c;
	size_t k;

	for (k = 1; k < p->nitems; k++) {
		uint32_t v = p->order[k];
		size_t j = k;

		while (j > 0) {
			uint32_t u = p->order[j - 1];

			if (p->missed[u] > p->missed[v] ||
			    (p->missed[u] == p->missed[v] &&
			     scsec__idcmp(c->item_id[u], c->item_id[v]) <= 0))
				break;
			p->order[j] = u;
			j--;
		}
		p->order[j] = v;
	}
	for (k = 0; k < p->nitems && p->missed[p->order[k]]; k++)
		;
	p->nmissed = k;
}

/* Work out the supplier's target and gap figures for its requirement. */
static void retarget(scsec_portfolio *p, scsec_supplier *s)
{
	const scsec_criteria *c = p->c;
	const struct scsec_level *g;
	int gi, fig;
	size_t k;

	s->meets = s->required ? s->level >= s->required : -1;
	s->target = 0;
	if (s->required) {
		if (!s->meets)
			s->target = s->required;
	} else {
		/* The level above the achieved one. */
		for (k = 0; k < c->nlevels; k++)
			if (c->levels[k]->rank > s->level) {
				s->target = c->levels[k]->rank;
				break;
			}
	}
	s->gap_method = s->gap_fixes = 0;
	memset(s->cat, 0, 2 * c->ntop * sizeof *s->cat);
	/* The heat map's level: the target, else the required or achieved one. */
	fig = s->target ? s->target : s->required ? s->required : s->level;
	if (!fig && c->nlevels)
		fig = c->levels[0]->rank;
	if ((gi = level_index(c, fig)) < 0)
		return;
	g = c->levels[gi];
	for (k = 0; k < g->ngap_items; k++) {
		size_t i = g->gap_items[k].item;
		uint64_t levels = g->gap_items[k].levels;
		unsigned char w = gap_reason(p, s, (size_t)gi, i, levels);

		if (s->target && w) {
			if (is_method(w))
				s->gap_method++;
			else
				s->gap_fixes++;
		}
		if (((levels >> gi) & 1) && i < c->ncriteria) {
			unsigned char at = s->why[(size_t)gi * p->nitems + i];

			s->cat[2 * c->item_top[i] + 1]++;
			if (!at)
				s->cat[2 * c->item_top[i]]++;
		}
	}
}

/* A supplier's requirement changed: take its old contribution away, work
 * the new one out, move it in or out of the below list. */
static int requirement_changed(scsec_portfolio *p, scsec_supplier *s, int required,
                               size_t ncontracts)
{
	int was_below = s->meets == 0;

	contribute(p, s, -1);
	s->required = required;
	s->ncontracts = ncontracts;
	retarget(p, s);
	contribute(p, s, 1);
	resort_missed(p);
	if (was_below && s->meets != 0)
		list_remove(&p->below, s, by_id);
	else if (!was_below && s->meets == 0)
		return list_insert(&p->below, s, by_id);
	return 0;
}

int scsec_portfolio_add(scsec_portfolio *p, const char *id, const char *name,
                        const scsec_result *r, const char *source)
{
	const scsec_criteria *c;
	scsec_supplier *s;
	size_t i, nwhy, ncontracts;
	int rc, required, counted = 0;

	SCSEC__CHECK_ARG(p);
	SCSEC__CHECK_ARG(r);
	c = p->c;
	if ((rc = text_arg("supplier id", id, ID_MAX)))
		return rc;
	if (name && (rc = text_arg("supplier name", name, SOURCE_MAX)))
		return rc;
	if (source && (rc = text_arg("source", source, SOURCE_MAX)))
		return rc;
	if (!r->why || r->nitems != p->nitems || r->nlevels != c->nlevels)
		return scsec__error_set(r->why ? SCSEC_EMISMATCH : SCSEC_EINVAL,
		                        "portfolio: the result of '%.64s' %s", id,
		                        r->why ? "was evaluated against another criteria set"
		                               : "was not made by an evaluator (read back?)");
	if (r->c != c && strcmp(r->c->fingerprint, c->fingerprint))
		return scsec__error_set(SCSEC_EMISMATCH,
		                        "portfolio: the result of '%.64s' was evaluated against '%s' "
		                        "version '%s', not the portfolio's '%s' version '%s'",
		                        id, r->c->id, r->c->version, c->id, c->version);
	if (r->as_of != p->as_of) {
		char a[SCSEC_DATE_BUFSIZE] = "", b[SCSEC_DATE_BUFSIZE] = "";

		scsec_date_format(a, r->as_of);
		scsec_date_format(b, p->as_of);
		return scsec__error_set(SCSEC_EMISMATCH,
		                        "portfolio: the result of '%.64s' is as of %s, the portfolio "
		                        "as of %s",
		                        id, a, b);
	}
	if (scsec_portfolio_supplier_get(p, id))
		return scsec__error_set(SCSEC_EEXISTS, "portfolio: supplier '%.64s' is already present",
		                        id);
	nwhy = c->nlevels * p->nitems;
	if (!(s = scsec__calloc(1, sizeof *s)))
		return SCSEC_ENOMEM;
	s->p = p;
	s->id = scsec__strdup(id);
	s->name = name ? scsec__strdup(name) : NULL;
	s->source = source ? scsec__strdup(source) : NULL;
	s->why = scsec__malloc(nwhy ? nwhy : 1);
	s->cat = scsec__calloc(2 * c->ntop + 1, sizeof *s->cat);
	s->rests_on = scsec__calloc(r->nrests_on + 1, sizeof *s->rests_on);
	s->projected = scsec_result_has_projection(r);
	if (s->projected) {
		s->proj_on = scsec__calloc(c->nlevels + 1, sizeof *s->proj_on);
		s->proj_blockers = scsec__calloc(c->nlevels + 1, sizeof *s->proj_blockers);
	}
	if (!s->id || (name && !s->name) || (source && !s->source) || !s->why || !s->cat ||
	    !s->rests_on || (s->projected && (!s->proj_on || !s->proj_blockers))) {
		supplier_free(s);
		return SCSEC_ENOMEM;
	}
	memcpy(s->why, r->why, nwhy);
	/* Every level's projection: the target moves when contracts arrive. */
	for (i = 0; s->projected && i < c->nlevels; i++) {
		s->proj_on[i] = scsec_result_projected_on_at(r, i);
		s->proj_blockers[i] = scsec_result_projection_blocker_count(r, i);
	}
	/* The ids live in the set, which the portfolio keeps (same fingerprint:
	 * the same ids). */
	for (i = 0; i < r->nrests_on; i++) {
		size_t item;

		for (item = 0; item < p->nitems && strcmp(c->item_id[item], r->rests_on[i]); item++)
			;
		if (item < p->nitems)
			s->rests_on[s->nrests_on++] = c->item_id[item];
	}
	s->level = r->level;
	s->valid_until = r->valid_until;
	s->expiring = s->level && s->valid_until != SCSEC_DATE_NONE &&
	              (long)s->valid_until - (long)p->as_of <= (long)p->within;
	s->trust = "";
	if (r->trust_applied) {
		for (i = 0; i < r->nsigners; i++)
			counted |= r->signers[i].verdict == SCSEC_VERDICT_COUNTED;
		s->trust = !r->nsigners ? "unsigned" : counted ? "verified" : "unverified";
	}
	s->meets = -1;
	required = required_of(p, id, &ncontracts);
	s->required = required;
	s->ncontracts = ncontracts;
	retarget(p, s);
	if ((rc = list_insert(&p->suppliers, s, by_id))) {
		supplier_free(s);
		return rc;
	}
	/* From here on the supplier belongs to the portfolio. */
	contribute(p, s, 1);
	resort_missed(p);
	p->level_counts[s->level ? level_index(c, s->level) + 1 : 0]++;
	if (r->trust_applied)
		p->trust_applied = 1;
	if (s->projected)
		p->projection_applied = 1;
	if ((s->expiring && (rc = list_insert(&p->expiring, s, by_expiry))) ||
	    (s->meets == 0 && (rc = list_insert(&p->below, s, by_id))) ||
	    (*s->trust && strcmp(s->trust, "verified") &&
	     (rc = list_insert(&p->untrusted, s, by_id))))
		return rc;
	return 0;
}

int scsec_portfolio_add_contract(scsec_portfolio *p, const char *supplier_id,
                                 const char *contract_id, const scsec_eval_options *opts)
{
	scsec_contract *k;
	scsec_supplier *s;
	size_t ncontracts;
	int rc, level;

	SCSEC__CHECK_ARG(p);
	SCSEC__CHECK_ARG(opts);
	if ((rc = text_arg("supplier id", supplier_id, ID_MAX)) ||
	    (rc = text_arg("contract id", contract_id, ID_MAX)))
		return rc;
	if ((rc = scsec_criteria_required_level(&level, p->c, opts)))
		return rc;
	if (!level)
		return scsec__error_set(SCSEC_EINVAL,
		                        "portfolio: contract '%.64s' of '%.64s' requires no level: "
		                        "name one or answer the set's questions",
		                        contract_id, supplier_id);
	if (!(k = scsec__calloc(1, sizeof *k)))
		return SCSEC_ENOMEM;
	k->p = p;
	k->required = level;
	k->supplier_id = scsec__strdup(supplier_id);
	k->id = scsec__strdup(contract_id);
	if (!k->supplier_id || !k->id || (rc = list_insert(&p->contracts, k, by_contract))) {
		if (rc == SCSEC_EEXISTS)
			rc = scsec__error_set(SCSEC_EEXISTS,
			                      "portfolio: supplier '%.64s' already has a contract '%.64s'",
			                      supplier_id, contract_id);
		scsec__free(k->supplier_id);
		scsec__free(k->id);
		scsec__free(k);
		return rc ? rc : SCSEC_ENOMEM;
	}
	s = (scsec_supplier *)scsec_portfolio_supplier_get(p, supplier_id);
	if (!s)
		return 0;
	level = required_of(p, supplier_id, &ncontracts);
	return requirement_changed(p, s, level, ncontracts);
}

int scsec__portfolio_has_contract(const scsec_portfolio *p, const char *supplier_id,
                                  const char *contract_id)
{
	scsec_contract key;
	int found;

	key.supplier_id = (char *)supplier_id;
	key.id = (char *)contract_id;
	list_find(&p->contracts, &key, by_contract, &found);
	return found;
}

int scsec_portfolio_add_unreadable(scsec_portfolio *p, const char *source, const char *problem)
{
	unreadable *u;
	size_t n = 0;
	int rc;

	SCSEC__CHECK_ARG(p);
	if ((rc = text_arg("source", source, SOURCE_MAX)))
		return rc;
	if (problem) {
		n = strlen(problem);
		if (!scsec__text_ok(problem, n))
			return scsec__error_set(SCSEC_EINVAL, "portfolio: the problem is not valid text");
		if (n > PROBLEM_MAX) {
			n = PROBLEM_MAX;
			/* Cut on a character boundary. */
			while (n > 0 && ((unsigned char)problem[n] & 0xc0) == 0x80)
				n--;
		}
	}
	if (!(u = scsec__calloc(1, sizeof *u)))
		return SCSEC_ENOMEM;
	u->source = scsec__strdup(source);
	u->problem = scsec__strndup(problem ? problem : "", n);
	if (!u->source || !u->problem || (rc = list_insert(&p->unreadable, u, by_source))) {
		if (rc == SCSEC_EEXISTS)
			rc = scsec__error_set(SCSEC_EEXISTS, "portfolio: source '%.256s' is already listed",
			                      source);
		scsec__free(u->source);
		scsec__free(u->problem);
		scsec__free(u);
		return rc ? rc : SCSEC_ENOMEM;
	}
	return 0;
}

/* ---------------------------------------------------------------- reading */

const scsec_criteria *scsec_portfolio_criteria(const scsec_portfolio *p) { return p ? p->c : NULL; }

scsec_date scsec_portfolio_as_of(const scsec_portfolio *p)
{
	return p ? p->as_of : SCSEC_DATE_NONE;
}

int scsec_portfolio_within_days(const scsec_portfolio *p) { return p ? p->within : -1; }

int scsec_portfolio_trust_applied(const scsec_portfolio *p) { return p ? p->trust_applied : 0; }

int scsec_portfolio_projection_applied(const scsec_portfolio *p)
{
	return p ? p->projection_applied : 0;
}

size_t scsec_portfolio_category_count(const scsec_portfolio *p) { return p ? p->c->ntop : 0; }

const scsec_category *scsec_portfolio_category_at(const scsec_portfolio *p, size_t i)
{
	const struct scsec_category *cat;
	size_t k = i;

	if (!p || i >= p->c->ntop)
		return NULL;
	while ((cat = scsec__criteria_next_top(p->c, &k)) && cat->top != i)
		;
	return cat;
}

static void *at(const plist *l, size_t i) { return i < l->n ? l->items[i] : NULL; }

size_t scsec_portfolio_supplier_count(const scsec_portfolio *p) { return p ? p->suppliers.n : 0; }

const scsec_supplier *scsec_portfolio_supplier_at(const scsec_portfolio *p, size_t i)
{
	return p ? at(&p->suppliers, i) : NULL;
}

const scsec_supplier *scsec_portfolio_supplier_get(const scsec_portfolio *p, const char *id)
{
	scsec_supplier key;
	size_t i;
	int found;

	if (!p || !id)
		return NULL;
	key.id = (char *)id;
	i = list_find(&p->suppliers, &key, by_id, &found);
	return found ? p->suppliers.items[i] : NULL;
}

size_t scsec_portfolio_level_suppliers(const scsec_portfolio *p, int rank)
{
	int i;

	if (!p)
		return 0;
	if (!rank)
		return p->level_counts[0];
	i = level_index(p->c, rank);
	return i < 0 ? 0 : p->level_counts[i + 1];
}

size_t scsec_portfolio_expiring_count(const scsec_portfolio *p) { return p ? p->expiring.n : 0; }

const scsec_supplier *scsec_portfolio_expiring_at(const scsec_portfolio *p, size_t i)
{
	return p ? at(&p->expiring, i) : NULL;
}

size_t scsec_portfolio_below_count(const scsec_portfolio *p) { return p ? p->below.n : 0; }

const scsec_supplier *scsec_portfolio_below_at(const scsec_portfolio *p, size_t i)
{
	return p ? at(&p->below, i) : NULL;
}

size_t scsec_portfolio_untrusted_count(const scsec_portfolio *p) { return p ? p->untrusted.n : 0; }

const scsec_supplier *scsec_portfolio_untrusted_at(const scsec_portfolio *p, size_t i)
{
	return p ? at(&p->untrusted, i) : NULL;
}

size_t scsec_portfolio_missed_count(const scsec_portfolio *p) { return p ? p->nmissed : 0; }

const char *scsec_portfolio_missed_id_at(const scsec_portfolio *p, size_t i)
{
	return p && i < p->nmissed ? p->c->item_id[p->order[i]] : NULL;
}

size_t scsec_portfolio_missed_suppliers_at(const scsec_portfolio *p, size_t i)
{
	return p && i < p->nmissed ? p->missed[p->order[i]] : 0;
}

size_t scsec_portfolio_missed_method_at(const scsec_portfolio *p, size_t i)
{
	return p && i < p->nmissed ? p->missed_method[p->order[i]] : 0;
}

size_t scsec_portfolio_contract_count(const scsec_portfolio *p) { return p ? p->contracts.n : 0; }

const scsec_contract *scsec_portfolio_contract_at(const scsec_portfolio *p, size_t i)
{
	return p ? at(&p->contracts, i) : NULL;
}

size_t scsec_portfolio_unreadable_count(const scsec_portfolio *p)
{
	return p ? p->unreadable.n : 0;
}

const char *scsec_portfolio_unreadable_at(const scsec_portfolio *p, size_t i)
{
	const unreadable *u = p ? at(&p->unreadable, i) : NULL;

	return u ? u->source : NULL;
}

const char *scsec_portfolio_unreadable_problem_at(const scsec_portfolio *p, size_t i)
{
	const unreadable *u = p ? at(&p->unreadable, i) : NULL;

	return u ? u->problem : NULL;
}

const char *scsec_supplier_id(const scsec_supplier *s) { return s ? s->id : NULL; }
const char *scsec_supplier_name(const scsec_supplier *s) { return s ? s->name : NULL; }
const char *scsec_supplier_source(const scsec_supplier *s) { return s ? s->source : NULL; }
int scsec_supplier_level(const scsec_supplier *s) { return s ? s->level : 0; }

scsec_date scsec_supplier_valid_until(const scsec_supplier *s)
{
	return s ? s->valid_until : SCSEC_DATE_NONE;
}

int scsec_supplier_expiring(const scsec_supplier *s) { return s ? s->expiring : 0; }
size_t scsec_supplier_expiry_item_count(const scsec_supplier *s) { return s ? s->nrests_on : 0; }

const char *scsec_supplier_expiry_item_at(const scsec_supplier *s, size_t i)
{
	return s && i < s->nrests_on ? s->rests_on[i] : NULL;
}

int scsec_supplier_required(const scsec_supplier *s) { return s ? s->required : 0; }
size_t scsec_supplier_contract_count(const scsec_supplier *s) { return s ? s->ncontracts : 0; }
int scsec_supplier_meets_required(const scsec_supplier *s) { return s ? s->meets : -1; }
int scsec_supplier_target_level(const scsec_supplier *s) { return s ? s->target : 0; }
size_t scsec_supplier_gap_method(const scsec_supplier *s) { return s ? s->gap_method : 0; }
size_t scsec_supplier_gap_fixes(const scsec_supplier *s) { return s ? s->gap_fixes : 0; }

size_t scsec_supplier_category_satisfied(const scsec_supplier *s, size_t i, size_t *applicable)
{
	if (applicable)
		*applicable = 0;
	if (!s || i >= s->p->c->ntop)
		return 0;
	if (applicable)
		*applicable = s->cat[2 * i + 1];
	return s->cat[2 * i];
}

const char *scsec_supplier_trust(const scsec_supplier *s) { return s ? s->trust : NULL; }

int scsec_supplier_has_projection(const scsec_supplier *s) { return s ? s->projected : 0; }

/* The index of the supplier's target level in its projection, or -1. */
static int projection_index(const scsec_supplier *s)
{
	if (!s || !s->projected || !s->target)
		return -1;
	return level_index(s->p->c, s->target);
}

scsec_date scsec_supplier_projected_on(const scsec_supplier *s)
{
	int i = projection_index(s);

	return i < 0 ? SCSEC_DATE_NONE : s->proj_on[i];
}

size_t scsec_supplier_projection_blocked(const scsec_supplier *s)
{
	int i = projection_index(s);

	return i < 0 ? 0 : s->proj_blockers[i];
}

const char *scsec_contract_supplier_id(const scsec_contract *k)
{
	return k ? k->supplier_id : NULL;
}

const char *scsec_contract_id(const scsec_contract *k) { return k ? k->id : NULL; }
int scsec_contract_required(const scsec_contract *k) { return k ? k->required : 0; }

const scsec_supplier *scsec_contract_supplier(const scsec_contract *k)
{
	return k ? scsec_portfolio_supplier_get(k->p, k->supplier_id) : NULL;
}

int scsec_contract_meets(const scsec_contract *k)
{
	const scsec_supplier *s = scsec_contract_supplier(k);

	return s ? s->level >= k->required : -1;
}
