/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Revisions (doc/mapping.md, "Revisions"): what changed between two
 * revisions of a criteria set (scsec_criteria_diff_new()), the revision
 * mapping set that says it (scsec_criteria_diff_mapping()), and the
 * migration of a record through such a set (scsec_evidence_migrate()),
 * which carries answers by the one rule of lib/eval/derive.c. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/mapping.h"
#include "util/error.h"
#include "util/util.h"

/* A pair of other ids is renumbered from this similarity up (thousandths). */
#define RENUMBER_MIN 850

static const char *const class_names[] = { "", "kept", "removed", "added", "renumbered", "reworded" };
static const char *const action_names[] = { "", "kept", "renumbered", "review", "removed",
	                                    "unmapped", "missing", "left-out" };

const char *scsec_diff_class_name(scsec_diff_class c)
{
	return (unsigned)c <= SCSEC_DIFF_REWORDED ? class_names[c] : "";
}

const char *scsec_migration_action_name(scsec_migration_action a)
{
	return (unsigned)a <= SCSEC_MIGRATION_LEFT_OUT ? action_names[a] : "";
}

/* ------------------------------------------------------------- the texts */

/* A criterion's text as code points, white space left out. */
typedef struct norm {
	uint32_t *cp;
	size_t n;
	uint64_t *grams; /* sorted bigrams (unigrams for a text of one code point) */
	size_t ngrams;
} norm;

static int is_space(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
	       c == 0x205f || c == 0x3000;
}

/* Decode UTF-8 (the loaders checked it; a stray byte counts as itself). */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
		return 2;
	}
	if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		return 3;
	}
	if ((s[0] & 0xf8) == 0xf0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
	    (s[3] & 0xc0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
		      (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
		return 4;
	}
	*cp = s[0];
	return 1;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static void norm_dispose(norm *n)
{
	scsec__free(n->cp);
	scsec__free(n->grams);
}

static int norm_make(norm *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t len = strlen((const char *)s), i;

	memset(out, 0, sizeof *out);
	if (!(out->cp = scsec__calloc(len + 1, sizeof *out->cp)) ||
	    !(out->grams = scsec__calloc(len + 1, sizeof *out->grams)))
		return SCSEC_ENOMEM;
	while (*s) {
		uint32_t c;

		s += utf8_next(s, &c);
		if (!is_space(c))
			out->cp[out->n++] = c;
	}
	if (out->n == 1)
		out->grams[out->ngrams++] = out->cp[0];
	for (i = 1; i < out->n; i++)
		out->grams[out->ngrams++] = (uint64_t)out->cp[i - 1] << 32 | out->cp[i];
	if (out->ngrams > 1)
		qsort(out->grams, out->ngrams, sizeof *out->grams, cmp_u64);
	return 0;
}

static int norm_equal(const norm *a, const norm *b)
{
	return a->n == b->n && (!a->n || !memcmp(a->cp, b->cp, a->n * sizeof *a->cp));
}

/* The Dice coefficient of the bigram multisets, in thousandths, rounded. */
static int similarity(const norm *a, const norm *b)
{
	size_t i = 0, j = 0, common = 0, total = a->ngrams + b->ngrams;

	if (norm_equal(a, b))
		return 1000;
	if (!total)
		return 1000;
	while (i < a->ngrams && j < b->ngrams) {
		if (a->grams[i] < b->grams[j]) {
			i++;
		} else if (a->grams[i] > b->grams[j]) {
			j++;
		} else {
			common++;
			i++;
			j++;
		}
	}
	/* Never 1000 for texts that differ. */
	i = (2000 * common + total / 2) / total;
	return i >= 1000 ? 999 : (int)i;
}

/* The text compared: English when both have it, else the first language
 * of the old text the new one has, else each one's own default. */
static void pick_texts(const struct scsec_criterion *o, const struct scsec_criterion *n,
                       const char **ot, const char **nt)
{
	size_t i;

	if (scsec__texts_exact(&o->text, "en") && scsec__texts_exact(&n->text, "en")) {
		*ot = scsec__texts_exact(&o->text, "en");
		*nt = scsec__texts_exact(&n->text, "en");
		return;
	}
	for (i = 0; i < o->text.count; i++) {
		const char *t = scsec__texts_exact(&n->text, o->text.items[i].lang);

		if (t) {
			*ot = o->text.items[i].text;
			*nt = t;
			return;
		}
	}
	*ot = scsec__texts_get(&o->text, NULL);
	*nt = scsec__texts_get(&n->text, NULL);
}

/* ------------------------------------------------------------- the diff */

typedef struct ditem {
	char *old_id;
	char *new_id;
	scsec_diff_class cls;
	unsigned changes;
	int similarity; /* thousandths, -1 */
	char *old_level; /* "3", "3,4": for the revision set's notes */
	char *new_level;
} ditem;

struct scsec_criteria_diff {
	char *old_set;
	char *old_version;
	char *new_set;
	char *new_version;
	ditem *items;
	size_t count;
	/* Prerequisites, matched by id only: in both (kept), in the old one only. */
	char **pre_kept;
	size_t npre_kept;
	char **pre_removed;
	size_t npre_removed;
};

void scsec_criteria_diff_free(scsec_criteria_diff *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->count; i++) {
		scsec__free(d->items[i].old_id);
		scsec__free(d->items[i].new_id);
		scsec__free(d->items[i].old_level);
		scsec__free(d->items[i].new_level);
	}
	scsec__free(d->items);
	for (i = 0; i < d->npre_kept; i++)
		scsec__free(d->pre_kept[i]);
	for (i = 0; i < d->npre_removed; i++)
		scsec__free(d->pre_removed[i]);
	scsec__free(d->pre_kept);
	scsec__free(d->pre_removed);
	scsec__free(d->old_set);
	scsec__free(d->old_version);
	scsec__free(d->new_set);
	scsec__free(d->new_version);
	scsec__free(d);
}

static int same_levels(const struct scsec_criterion *a, const struct scsec_criterion *b)
{
	size_t i;

	if (a->min_level != b->min_level || a->nlevels != b->nlevels || !a->levels != !b->levels)
		return 0;
	for (i = 0; i < a->nlevels; i++)
		if (a->levels[i] != b->levels[i])
			return 0;
	return 1;
}

static int cmp_ref(const void *x, const void *y)
{
	const scsec__ref *a = *(const scsec__ref *const *)x, *b = *(const scsec__ref *const *)y;
	int c = strcmp(a->framework, b->framework);

	return c ? c : strcmp(a->clauses ? a->clauses : "", b->clauses ? b->clauses : "");
}

static int same_refs(const struct scsec_criterion *a, const struct scsec_criterion *b, int *same)
{
	const scsec__ref **ra = NULL, **rb = NULL;
	size_t i;

	*same = a->nrefs == b->nrefs;
	if (!*same || !a->nrefs)
		return 0;
	ra = scsec__calloc(a->nrefs, sizeof *ra);
	rb = scsec__calloc(b->nrefs, sizeof *rb);
	if (!ra || !rb) {
		scsec__free(ra);
		scsec__free(rb);
		return SCSEC_ENOMEM;
	}
	for (i = 0; i < a->nrefs; i++) {
		ra[i] = &a->refs[i];
		rb[i] = &b->refs[i];
	}
	qsort(ra, a->nrefs, sizeof *ra, cmp_ref);
	qsort(rb, b->nrefs, sizeof *rb, cmp_ref);
	for (i = 0; i < a->nrefs && *same; i++)
		if (cmp_ref(&ra[i], &rb[i]))
			*same = 0;
	scsec__free(ra);
	scsec__free(rb);
	return 0;
}

static char *level_text(const struct scsec_criterion *c)
{
	scsec__buf b = SCSEC__BUF_INIT;
	size_t i;

	if (c->levels) {
		for (i = 0; i < c->nlevels; i++)
			scsec__buf_printf(&b, "%s%d", i ? "," : "", c->levels[i]);
	} else {
		scsec__buf_printf(&b, "%d", c->min_level);
	}
	if (scsec__buf_error(&b)) {
		scsec__buf_dispose(&b);
		return NULL;
	}
	return b.data;
}

/* A candidate pair of the similarity pass. */
typedef struct cand {
	uint32_t o, n;
	int sim;
	int same_id;
} cand;

static int cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;

	if (a->sim != b->sim)
		return b->sim - a->sim;
	if (a->same_id != b->same_id)
		return b->same_id - a->same_id;
	if (a->o != b->o)
		return a->o < b->o ? -1 : 1;
	return (a->n > b->n) - (a->n < b->n);
}

static int cmp_item(const void *x, const void *y)
{
	const ditem *a = x, *b = y;

	if (!a->old_id != !b->old_id)
		return a->old_id ? -1 : 1;
	return a->old_id ? scsec__idcmp(a->old_id, b->old_id) : scsec__idcmp(a->new_id, b->new_id);
}

static int add_item(scsec_criteria_diff *d, const struct scsec_criterion *o,
                    const struct scsec_criterion *n, scsec_diff_class cls, int sim,
                    const norm *on, const norm *nn)
{
	ditem *it = &d->items[d->count];
	int rc, same;

	memset(it, 0, sizeof *it);
	it->cls = cls;
	it->similarity = sim;
	d->count++;
	if ((o && !(it->old_id = scsec__strdup(o->id))) || (n && !(it->new_id = scsec__strdup(n->id))))
		return SCSEC_ENOMEM;
	if (!o || !n)
		return 0;
	if (!norm_equal(on, nn))
		it->changes |= SCSEC_DIFF_TEXT_CHANGED;
	if (!same_levels(o, n))
		it->changes |= SCSEC_DIFF_LEVEL_CHANGED;
	if ((rc = same_refs(o, n, &same)))
		return rc;
	if (!same)
		it->changes |= SCSEC_DIFF_REFERENCES_CHANGED;
	if (!(it->old_level = level_text(o)) || !(it->new_level = level_text(n)))
		return SCSEC_ENOMEM;
	if (cls == SCSEC_DIFF_KEPT && (it->changes & SCSEC_DIFF_TEXT_CHANGED))
		it->cls = SCSEC_DIFF_REWORDED;
	return 0;
}

int scsec_criteria_diff_new(scsec_criteria_diff **out, const scsec_criteria *os,
                            const scsec_criteria *ns)
{
	scsec_criteria_diff *d = NULL;
	norm *on = NULL, *nn = NULL;
	uint32_t *omatch = NULL, *nmatch = NULL; /* partner index + 1, 0: none */
	int *osim = NULL;
	cand *cands = NULL;
	size_t no, nnew, i, j, ncand = 0, ccand = 0;
	int rc = SCSEC_ENOMEM;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(os);
	SCSEC__CHECK_ARG(ns);
	no = os->ncriteria;
	nnew = ns->ncriteria;
	if (!(d = scsec__calloc(1, sizeof *d)) ||
	    !(d->items = scsec__calloc(no + nnew + 1, sizeof *d->items)) ||
	    !(d->old_set = scsec__strdup(os->id)) || !(d->old_version = scsec__strdup(os->version)) ||
	    !(d->new_set = scsec__strdup(ns->id)) || !(d->new_version = scsec__strdup(ns->version)) ||
	    !(on = scsec__calloc(no + 1, sizeof *on)) || !(nn = scsec__calloc(nnew + 1, sizeof *nn)) ||
	    !(omatch = scsec__calloc(no + 1, sizeof *omatch)) ||
	    !(nmatch = scsec__calloc(nnew + 1, sizeof *nmatch)) ||
	    !(osim = scsec__calloc(no + 1, sizeof *osim)))
		goto out;
	/* Normalise each pair's texts once: the language depends on the pair,
	 * so each side keeps its default text, and a pair whose languages
	 * differ from the defaults is normalised when compared (below). */
	for (i = 0; i < no; i++)
		if (norm_make(&on[i], scsec__texts_get(&os->criteria[i]->text, NULL)))
			goto out;
	for (j = 0; j < nnew; j++)
		if (norm_make(&nn[j], scsec__texts_get(&ns->criteria[j]->text, NULL)))
			goto out;
	/* Pass 1: the same id and the same text. */
	for (i = 0; i < no; i++) {
		const scsec_criterion *n = scsec_criteria_criterion(ns, os->criteria[i]->id);

		if (n && norm_equal(&on[i], &nn[n->index])) {
			omatch[i] = (uint32_t)n->index + 1;
			nmatch[n->index] = (uint32_t)i + 1;
			osim[i] = 1000;
		}
	}
	/* Pass 2: the same text under another id, in id order. */
	for (i = 0; i < no; i++) {
		if (omatch[i])
			continue;
		for (j = 0; j < nnew; j++)
			if (!nmatch[j] && norm_equal(&on[i], &nn[j])) {
				omatch[i] = (uint32_t)j + 1;
				nmatch[j] = (uint32_t)i + 1;
				osim[i] = 1000;
				break;
			}
	}
	/* Pass 3: the best similarity first; the same id at any similarity,
	 * other ids from RENUMBER_MIN. */
	for (i = 0; i < no; i++) {
		if (omatch[i])
			continue;
		for (j = 0; j < nnew; j++) {
			int same_id, sim;
			const char *ot, *nt;

			if (nmatch[j])
				continue;
			same_id = !strcmp(os->criteria[i]->id, ns->criteria[j]->id);
			pick_texts(os->criteria[i], ns->criteria[j], &ot, &nt);
			if (ot == scsec__texts_get(&os->criteria[i]->text, NULL) &&
			    nt == scsec__texts_get(&ns->criteria[j]->text, NULL)) {
				sim = similarity(&on[i], &nn[j]);
			} else {
				norm a, b;
				int bad;

				memset(&b, 0, sizeof b);
				bad = norm_make(&a, ot) || norm_make(&b, nt);
				sim = bad ? 0 : similarity(&a, &b);
				norm_dispose(&a);
				norm_dispose(&b);
				if (bad)
					goto out;
			}
			if (!same_id && sim < RENUMBER_MIN)
				continue;
			if (scsec__grow(&cands, &ccand, ncand + 1, sizeof *cands))
				goto out;
			cands[ncand].o = (uint32_t)i;
			cands[ncand].n = (uint32_t)j;
			cands[ncand].sim = sim;
			cands[ncand].same_id = same_id;
			ncand++;
		}
	}
	if (ncand > 1)
		qsort(cands, ncand, sizeof *cands, cmp_cand);
	for (i = 0; i < ncand; i++) {
		if (omatch[cands[i].o] || nmatch[cands[i].n])
			continue;
		omatch[cands[i].o] = cands[i].n + 1;
		nmatch[cands[i].n] = cands[i].o + 1;
		osim[cands[i].o] = cands[i].sim;
	}
	/* The items. */
	for (i = 0; i < no; i++) {
		const struct scsec_criterion *o = os->criteria[i], *n;

		if (!omatch[i]) {
			if ((rc = add_item(d, o, NULL, SCSEC_DIFF_REMOVED, -1, NULL, NULL)))
				goto out;
			continue;
		}
		n = ns->criteria[omatch[i] - 1];
		if ((rc = add_item(d, o, n, strcmp(o->id, n->id) ? SCSEC_DIFF_RENUMBERED : SCSEC_DIFF_KEPT,
		                   osim[i], &on[i], &nn[omatch[i] - 1])))
			goto out;
	}
	for (j = 0; j < nnew; j++)
		if (!nmatch[j] && (rc = add_item(d, NULL, ns->criteria[j], SCSEC_DIFF_ADDED, -1, NULL, NULL)))
			goto out;
	if (d->count > 1)
		qsort(d->items, d->count, sizeof *d->items, cmp_item);
	/* Prerequisites: by id (the set keeps them in id order). */
	if (!(d->pre_kept = scsec__calloc(os->nprereqs + 1, sizeof *d->pre_kept)) ||
	    !(d->pre_removed = scsec__calloc(os->nprereqs + 1, sizeof *d->pre_removed)))
		goto out;
	for (i = 0; i < os->nprereqs; i++) {
		const char *id = os->prereqs[i]->id;
		char *copy = scsec__strdup(id);

		if (!copy)
			goto out;
		if (scsec_criteria_prerequisite(ns, id))
			d->pre_kept[d->npre_kept++] = copy;
		else
			d->pre_removed[d->npre_removed++] = copy;
	}
	rc = 0;
out:
	if (on)
		for (i = 0; i < no; i++)
			norm_dispose(&on[i]);
	if (nn)
		for (j = 0; j < nnew; j++)
			norm_dispose(&nn[j]);
	scsec__free(on);
	scsec__free(nn);
	scsec__free(omatch);
	scsec__free(nmatch);
	scsec__free(osim);
	scsec__free(cands);
	if (rc) {
		scsec_criteria_diff_free(d);
		return scsec__error_set(rc, "out of memory");
	}
	*out = d;
	return 0;
}

size_t scsec_criteria_diff_count(const scsec_criteria_diff *d)
{
	return d ? d->count : 0;
}

size_t scsec_criteria_diff_class_count(const scsec_criteria_diff *d, scsec_diff_class c)
{
	size_t i, n = 0;

	for (i = 0; d && i < d->count; i++)
		n += d->items[i].cls == c;
	return n;
}

int scsec_criteria_diff_get(const char **old_id, const char **new_id, scsec_diff_class *cls,
                            unsigned *changes, double *sim, const scsec_criteria_diff *d, size_t i)
{
	const ditem *it;

	SCSEC__CHECK_ARG(d && i < d->count);
	it = &d->items[i];
	if (old_id)
		*old_id = it->old_id;
	if (new_id)
		*new_id = it->new_id;
	if (cls)
		*cls = it->cls;
	if (changes)
		*changes = it->changes;
	if (sim)
		*sim = it->similarity < 0 ? -1.0 : it->similarity / 1000.0;
	return 0;
}

/* The note of a pair's mapping: what changed, for the person reviewing. */
static int pair_note(scsec_mapping *m, const ditem *it)
{
	scsec__buf b = SCSEC__BUF_INIT;
	char sim[8];
	int rc;

	scsec__permille_format(sim, it->similarity);
	scsec__buf_puts(&b, scsec_diff_class_name(it->cls));
	if (it->cls == SCSEC_DIFF_RENUMBERED)
		scsec__buf_printf(&b, " from %s", it->old_id);
	if (it->changes & SCSEC_DIFF_TEXT_CHANGED)
		scsec__buf_printf(&b, ", text similarity %s", sim);
	if (it->changes & SCSEC_DIFF_LEVEL_CHANGED)
		scsec__buf_printf(&b, ", level %s to %s", it->old_level, it->new_level);
	if (it->changes & SCSEC_DIFF_REFERENCES_CHANGED)
		scsec__buf_puts(&b, ", references changed");
	if ((rc = scsec__buf_error(&b)) == 0)
		rc = scsec_mapping_set_note(m, b.data);
	scsec__buf_dispose(&b);
	return rc;
}

int scsec_criteria_diff_mapping(scsec_mapping_set **out, const scsec_criteria_diff *d,
                                const char *id, const char *version, const char *old_version,
                                const char *new_version)
{
	scsec_mapping_set *s;
	scsec_mapping *m0;
	size_t i;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(d);
	SCSEC__CHECK_ARG(!old_version || *old_version);
	SCSEC__CHECK_ARG(!new_version || *new_version);
	if ((rc = scsec_mapping_set_new(&s, id, version, d->old_set,
	                                old_version ? old_version : d->old_version, d->new_set,
	                                new_version ? new_version : d->new_version)))
		return rc;
	s->provisional = 1;
	s->accepted = 1u << SCSEC_METHOD_EXPERT_REVIEWED | 1u << SCSEC_METHOD_THIRD_PARTY;
	for (i = 0; i < d->count; i++) {
		const ditem *it = &d->items[i];
		scsec_mapping *m;

		if (it->cls == SCSEC_DIFF_ADDED)
			continue;
		if (it->cls == SCSEC_DIFF_REMOVED) {
			if ((rc = scsec_mapping_set_add(&m, s, it->old_id, NULL,
			                                SCSEC_RELATIONSHIP_NO_RELATIONSHIP)) ||
			    (rc = scsec_mapping_set_note(m, "removed")))
				goto fail;
			continue;
		}
		if ((rc = scsec_mapping_set_add(&m, s, it->old_id, it->new_id,
		                                (it->changes & SCSEC_DIFF_TEXT_CHANGED)
		                                        ? SCSEC_RELATIONSHIP_EQUIVALENT_TO
		                                        : SCSEC_RELATIONSHIP_EQUAL_TO)))
			goto fail;
		m->rationale = SCSEC_RATIONALE_SYNTACTIC;
		if ((it->changes || it->cls != SCSEC_DIFF_KEPT) && (rc = pair_note(m, it)))
			goto fail;
	}
	for (i = 0; i < d->npre_kept; i++)
		if ((rc = scsec_mapping_set_add(&m0, s, d->pre_kept[i], d->pre_kept[i],
		                                SCSEC_RELATIONSHIP_EQUAL_TO)) ||
		    (rc = scsec_mapping_set_note(m0, "prerequisite")))
			goto fail;
	for (i = 0; i < d->npre_removed; i++)
		if ((rc = scsec_mapping_set_add(&m0, s, d->pre_removed[i], NULL,
		                                SCSEC_RELATIONSHIP_NO_RELATIONSHIP)) ||
		    (rc = scsec_mapping_set_note(m0, "prerequisite removed")))
			goto fail;
	*out = s;
	return 0;
fail:
	scsec_mapping_set_free(s);
	return rc;
}

/* ------------------------------------------------------------- migrate */

typedef struct decision {
	char *old_id;
	char *new_id;
	scsec_migration_action action;
} decision;

struct scsec_migration {
	decision *items;
	size_t count;
	size_t cap;
};

void scsec_migration_free(scsec_migration *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->count; i++) {
		scsec__free(r->items[i].old_id);
		scsec__free(r->items[i].new_id);
	}
	scsec__free(r->items);
	scsec__free(r);
}

size_t scsec_migration_count(const scsec_migration *r)
{
	return r ? r->count : 0;
}

int scsec_migration_get(const char **old_id, const char **new_id, scsec_migration_action *action,
                        const scsec_migration *r, size_t i)
{
	SCSEC__CHECK_ARG(r && i < r->count);
	if (old_id)
		*old_id = r->items[i].old_id;
	if (new_id)
		*new_id = r->items[i].new_id;
	if (action)
		*action = r->items[i].action;
	return 0;
}

static int decide(scsec_migration *r, const char *old_id, const char *new_id,
                  scsec_migration_action a)
{
	decision *d;

	if (scsec__grow(&r->items, &r->cap, r->count + 1, sizeof *r->items))
		return SCSEC_ENOMEM;
	d = &r->items[r->count];
	memset(d, 0, sizeof *d);
	r->count++;
	d->action = a;
	if ((old_id && !(d->old_id = scsec__strdup(old_id))) ||
	    (new_id && !(d->new_id = scsec__strdup(new_id))))
		return SCSEC_ENOMEM;
	return 0;
}

static int cmp_decision(const void *x, const void *y)
{
	const decision *a = x, *b = y;
	int c;

	if (!a->old_id != !b->old_id)
		return a->old_id ? -1 : 1;
	if (a->old_id && (c = scsec__idcmp(a->old_id, b->old_id)))
		return c;
	if (!a->new_id != !b->new_id)
		return a->new_id ? 1 : -1;
	return a->new_id ? scsec__idcmp(a->new_id, b->new_id) : 0;
}

/* The first mapping whose source is id, or NULL (the set is ordered by
 * source, then target with NULL first). */
static size_t first_of_source(const scsec_mapping_set *s, const char *id)
{
	size_t lo = 0, hi = s->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (scsec__idcmp(s->items[mid]->source, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int scsec_evidence_migrate(scsec_evidence **out, scsec_migration **report,
                           const scsec_evidence *rec, const scsec_mapping_set *rev,
                           const scsec_criteria *ns, scsec_diagnostics *diags)
{
	scsec_migration *r = NULL;
	scsec_evidence *ev = NULL;
	size_t i, k;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	if (report)
		*report = NULL;
	SCSEC__CHECK_ARG(rec);
	SCSEC__CHECK_ARG(rev);
	SCSEC__CHECK_ARG(ns);
	if ((rc = scsec_mapping_derive(&ev, rec, rev, ns, diags)))
		return rc;
	if (!(r = scsec__calloc(1, sizeof *r))) {
		rc = SCSEC_ENOMEM;
		goto fail;
	}
	/* Re-review: an entry reached by anything but equal-to. */
	for (i = 0; i < ev->nentries; i++) {
		struct scsec_entry *e = ev->entries[i];

		for (k = 0; e->derived && k < e->derived->count; k++)
			if (e->derived->sources[k].relationship != SCSEC_RELATIONSHIP_EQUAL_TO)
				e->review = 1;
	}
	scsec__evidence_changed(ev);
	/* A decision for each entry of the record and each mapping from it. */
	for (i = 0; i < rec->nentries; i++) {
		const char *id = rec->entries[i]->id;
		size_t pos = first_of_source(rev, id);
		int any = 0;

		for (; pos < rev->count && !strcmp(rev->items[pos]->source, id); pos++) {
			const struct scsec_mapping *m = rev->items[pos];
			scsec_migration_action a;
			const scsec_entry *e;

			any = 1;
			if (!m->target || m->relationship == SCSEC_RELATIONSHIP_NO_RELATIONSHIP) {
				a = SCSEC_MIGRATION_REMOVED;
			} else if (!(e = scsec_evidence_entry(ev, m->target))) {
				a = SCSEC_MIGRATION_LEFT_OUT;
			} else if (e->review) {
				a = SCSEC_MIGRATION_REVIEW;
			} else {
				a = strcmp(id, m->target) ? SCSEC_MIGRATION_RENUMBERED : SCSEC_MIGRATION_KEPT;
			}
			if ((rc = decide(r, id, a == SCSEC_MIGRATION_REMOVED ? NULL : m->target, a)))
				goto fail;
		}
		if (!any && (rc = decide(r, id, NULL, SCSEC_MIGRATION_UNMAPPED)))
			goto fail;
	}
	/* The new revision's criteria nothing reaches. */
	for (i = 0; i < ns->ncriteria; i++)
		if (!scsec_evidence_entry(ev, ns->criteria[i]->id) &&
		    (rc = decide(r, NULL, ns->criteria[i]->id, SCSEC_MIGRATION_MISSING)))
			goto fail;
	if (r->count > 1)
		qsort(r->items, r->count, sizeof *r->items, cmp_decision);
	*out = ev;
	if (report)
		*report = r;
	else
		scsec_migration_free(r);
	return 0;
fail:
	scsec_migration_free(r);
	scsec_evidence_free(ev);
	return rc == SCSEC_ENOMEM ? scsec__error_set(rc, "out of memory") : rc;
}
