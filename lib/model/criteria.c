/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/criteria.h"
#include "scsec/evidence.h"
#include "util/error.h"

/* ------------------------------------------------------------ tokens */

static const char *const method_names[] = { "", "self", "expert-reviewed", "third-party" };
static const char *const method_names_ja[] = { "", "自己評価", "専門家確認", "第三者評価" };
static const char *const function_codes[] = { "", "GV", "ID", "PR", "DE", "RS", "RC" };

const char *scsec_method_name(scsec_method method)
{
	return (unsigned)method < 4 ? method_names[method] : "";
}

int scsec__method_parse(scsec_method *out, const char *text, int allow_ja)
{
	int i;

	for (i = 1; i < 4; i++) {
		if (!strcmp(text, method_names[i]) || (allow_ja && !strcmp(text, method_names_ja[i]))) {
			*out = (scsec_method)i;
			return 0;
		}
	}
	if (!allow_ja)
		return scsec__error_set(SCSEC_EINVAL,
		                        "unknown method '%.64s' (expected self, expert-reviewed or "
		                        "third-party)",
		                        text);
	return scsec__error_set(SCSEC_EINVAL,
	                        "unknown method '%.64s' (expected self, expert-reviewed, third-party, "
	                        "自己評価, 専門家確認 or 第三者評価)",
	                        text);
}

int scsec_method_parse(scsec_method *out, const char *text)
{
	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(text);
	return scsec__method_parse(out, text, 1);
}

const char *scsec_function_code(scsec_function function)
{
	return (unsigned)function < SCSEC_FUNCTION_COUNT ? function_codes[function] : "";
}

int scsec_function_parse(scsec_function *out, const char *code)
{
	int i;

	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(code);
	for (i = 1; i < SCSEC_FUNCTION_COUNT; i++) {
		if (!strcmp(code, function_codes[i])) {
			*out = (scsec_function)i;
			return 0;
		}
	}
	return scsec__error_set(SCSEC_EINVAL, "unknown CSF function '%.16s' (expected GV, ID, PR, DE, RS "
	                                      "or RC)",
	                        code);
}

/* ------------------------------------------------------------ building */

int scsec__criteria_new(scsec_criteria **out, const char *name)
{
	scsec_criteria *c = scsec__calloc(1, sizeof *c);

	if (!c)
		return SCSEC_ENOMEM;
	atomic_init(&c->refs, 1);
	c->issued = SCSEC_DATE_NONE;
	c->scoring.model = SCSEC_SCORING_ALL_REQUIRED;
	c->scoring.conditional_only_poam = 1;
	if (name && !(c->name = scsec__arena_strndup(&c->arena, name, strlen(name)))) {
		scsec__free(c);
		return SCSEC_ENOMEM;
	}
	*out = c;
	return 0;
}

const char *scsec__criteria_strn(scsec_criteria *c, const char *s, size_t n)
{
	return s ? scsec__arena_strndup(&c->arena, s, n) : NULL;
}

const char *scsec__criteria_str(scsec_criteria *c, const char *s)
{
	return s ? scsec__criteria_strn(c, s, strlen(s)) : NULL;
}

int scsec__criteria_text(scsec_criteria *c, scsec__texts *t, const char *lang, const char *text)
{
	const char *l = scsec__criteria_str(c, lang), *x = scsec__criteria_str(c, text);

	if (!l || !x)
		return SCSEC_ENOMEM;
	return scsec__texts_add(&c->arena, t, l, x);
}

/* Allocate an object in the arena and append it to one of the set's
 * pointer arrays. */
static void *add_object(scsec_criteria *c, void *array_p, size_t *count, size_t *cap, size_t size)
{
	void ***array = array_p;
	void *obj;

	if (scsec__grow(array, cap, *count + 1, sizeof **array))
		return NULL;
	obj = scsec__arena_alloc(&c->arena, size);
	if (!obj)
		return NULL;
	memset(obj, 0, size);
	(*array)[(*count)++] = obj;
	return obj;
}

#define ADD(c, field, type) \
	((type *)add_object((c), &(c)->field, &(c)->n##field, &(c)->c##field, sizeof(type)))

scsec__framework *scsec__criteria_add_framework(scsec_criteria *c, const char *id, const char *title)
{
	scsec__framework *f = ADD(c, frameworks, scsec__framework);

	if (!f || !(f->id = scsec__criteria_str(c, id)) || !(f->title = scsec__criteria_str(c, title)))
		return NULL;
	return f;
}

scsec__mark *scsec__criteria_add_mark(scsec_criteria *c, const char *text, int status)
{
	scsec__mark *m = ADD(c, marks, scsec__mark);

	if (!m || !(m->text = scsec__criteria_str(c, text)))
		return NULL;
	m->status = status;
	c->has_marks = 1;
	return m;
}

int scsec__criteria_mark_status(const scsec_criteria *c, const char *text, int *out)
{
	size_t i;

	for (i = 0; i < c->nmarks; i++)
		if (!strcmp(c->marks[i]->text, text)) {
			*out = c->marks[i]->status;
			return 0;
		}
	return SCSEC_ENOTFOUND;
}

struct scsec_prerequisite *scsec__criteria_add_prereq(scsec_criteria *c, const char *id)
{
	struct scsec_prerequisite *p = ADD(c, prereqs, struct scsec_prerequisite);

	if (!p || !(p->id = scsec__criteria_str(c, id)))
		return NULL;
	p->index = c->nprereqs - 1;
	return p;
}

struct scsec_level *scsec__criteria_add_level(scsec_criteria *c, int rank)
{
	struct scsec_level *l = ADD(c, levels, struct scsec_level);

	if (!l)
		return NULL;
	l->rank = rank;
	l->method = SCSEC_METHOD_SELF;
	return l;
}

int scsec__level_add_requires(scsec_criteria *c, struct scsec_level *l, const char *ref)
{
	const char *r = scsec__criteria_str(c, ref);

	if (!r || scsec__arena_grow(&c->arena, &l->requires, &l->crequires, l->nrequires + 1,
	                            sizeof *l->requires))
		return SCSEC_ENOMEM;
	l->requires[l->nrequires++] = r;
	return 0;
}

struct scsec_category *scsec__criteria_add_category(scsec_criteria *c, const char *id,
                                                    struct scsec_category *parent)
{
	struct scsec_category *cat = ADD(c, categories, struct scsec_category);

	if (!cat || !(cat->id = scsec__criteria_str(c, id)))
		return NULL;
	cat->parent = parent;
	cat->depth = parent ? parent->depth + 1 : 0;
	cat->index = c->ncategories - 1;
	return cat;
}

struct scsec_requirement *scsec__criteria_add_requirement(scsec_criteria *c, const char *id,
                                                          struct scsec_category *category)
{
	struct scsec_requirement *r = ADD(c, requirements, struct scsec_requirement);

	if (!r || !(r->id = scsec__criteria_str(c, id)))
		return NULL;
	r->category = category;
	r->index = c->nrequirements - 1;
	return r;
}

struct scsec_criterion *scsec__criteria_add_criterion(scsec_criteria *c, const char *id,
                                                      struct scsec_requirement *r)
{
	struct scsec_criterion *cr = ADD(c, criteria, struct scsec_criterion);

	if (!cr || !(cr->id = scsec__criteria_str(c, id)))
		return NULL;
	if (scsec__arena_grow(&c->arena, &r->criteria, &r->ccriteria, r->ncriteria + 1,
	                      sizeof *r->criteria))
		return NULL;
	r->criteria[r->ncriteria++] = cr;
	cr->set = c;
	cr->requirement = r;
	cr->na_allowed = 1;
	cr->weight = 1;
	cr->index = c->ncriteria - 1;
	return cr;
}

int scsec__criterion_add_ref(scsec_criteria *c, struct scsec_criterion *cr, const char *framework,
                             const char *clauses)
{
	const char *f = scsec__criteria_str(c, framework), *x = scsec__criteria_str(c, clauses);

	if (!f || !x || scsec__arena_grow(&c->arena, &cr->refs, &cr->crefs, cr->nrefs + 1,
	                                  sizeof *cr->refs))
		return SCSEC_ENOMEM;
	cr->refs[cr->nrefs].framework = f;
	cr->refs[cr->nrefs].clauses = x;
	cr->nrefs++;
	return 0;
}

struct scsec_question *scsec__criteria_add_question(scsec_criteria *c, const char *id, int level)
{
	struct scsec_question *q = ADD(c, questions, struct scsec_question);

	if (!q || !(q->id = scsec__criteria_str(c, id)))
		return NULL;
	q->level_if_yes = level;
	return q;
}

int scsec__scoring_add_band(scsec_criteria *c, long min, const char *label)
{
	scsec__scoring *s = &c->scoring;
	const char *l = scsec__criteria_str(c, label);

	if (!l || scsec__arena_grow(&c->arena, &s->bands, &s->cbands, s->nbands + 1, sizeof *s->bands))
		return SCSEC_ENOMEM;
	s->bands[s->nbands].min = min;
	s->bands[s->nbands].label = l;
	s->nbands++;
	return 0;
}

/* ------------------------------------------------------------ finishing */

#define REPORT(rep, loc, code, id, ...) \
	scsec__report((rep), (loc).line, (loc).column, SCSEC_SEVERITY_ERROR, (code), (id), __VA_ARGS__)

static int cmp_level(const void *a, const void *b)
{
	const struct scsec_level *x = *(struct scsec_level *const *)a;
	const struct scsec_level *y = *(struct scsec_level *const *)b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

static int cmp_band(const void *a, const void *b)
{
	const scsec__band *x = a, *y = b;

	return (x->min < y->min) - (x->min > y->min);
}

static int level_index(const scsec_criteria *c, int rank)
{
	size_t i;

	for (i = 0; i < c->nlevels; i++)
		if (c->levels[i]->rank == rank)
			return (int)i;
	return -1;
}

/* The id map stores objects of four types; a tag in front tells which. All
 * four structs start differently, so the map holds tagged pointers: the
 * low two bits (objects are 16-byte aligned in the arena). */
#define TAG(p, t) ((void *)((uintptr_t)(p) | (uintptr_t)(t)))
#define UNTAG(p) ((void *)((uintptr_t)(p) & ~(uintptr_t)3))
#define TAGOF(p) ((int)((uintptr_t)(p) & 3))
enum { T_CRITERION = 0, T_REQUIREMENT = 1, T_CATEGORY = 2, T_PREREQ = 3 };

static scsec__loc loc_of_tagged(void *p)
{
	void *o = UNTAG(p);

	switch (TAGOF(p)) {
	case T_CRITERION:   return ((struct scsec_criterion *)o)->loc;
	case T_REQUIREMENT: return ((struct scsec_requirement *)o)->loc;
	case T_CATEGORY:    return ((struct scsec_category *)o)->loc;
	default:            return ((struct scsec_prerequisite *)o)->loc;
	}
}

/* Add a tagged object to the id map; a duplicate is reported at the
 * object, naming the line of the first. */
static int register_id(scsec_criteria *c, scsec__reporter *rep, const char *id, void *tagged,
                       const char *kind)
{
	void *prev = NULL;
	int rc = scsec__map_put(&c->ids, id, tagged, &prev);

	if (rc == SCSEC_EEXISTS)
		return REPORT(rep, loc_of_tagged(tagged), SCSEC_EINVALID, id,
		              "duplicate id '%s' (%s): already used at line %lu", id, kind,
		              loc_of_tagged(prev).line);
	return rc;
}

scsec__id_kind scsec__criteria_lookup(const scsec_criteria *c, const char *id, const void **obj)
{
	void *p = scsec__map_get(&c->ids, id);

	if (obj)
		*obj = UNTAG(p);
	if (!p)
		return SCSEC__ID_NONE;
	switch (TAGOF(p)) {
	case T_CRITERION:   return SCSEC__ID_CRITERION;
	case T_REQUIREMENT: return SCSEC__ID_REQUIREMENT;
	case T_CATEGORY:    return SCSEC__ID_CATEGORY;
	default:            return SCSEC__ID_PREREQUISITE;
	}
}

static void *lookup_kind(const scsec_criteria *c, const char *id, int tag)
{
	void *p;

	if (!c || !id)
		return NULL;
	p = scsec__map_get(&c->ids, id);
	return p && TAGOF(p) == tag ? UNTAG(p) : NULL;
}

static int check_ids(scsec_criteria *c, scsec__reporter *rep)
{
	size_t i, j;
	int rc;

	for (i = 0; i < c->ncategories; i++)
		if ((rc = register_id(c, rep, c->categories[i]->id, TAG(c->categories[i], T_CATEGORY),
		                      "category")) == SCSEC_ENOMEM)
			return rc;
	for (i = 0; i < c->nrequirements; i++)
		if ((rc = register_id(c, rep, c->requirements[i]->id,
		                      TAG(c->requirements[i], T_REQUIREMENT), "requirement")) == SCSEC_ENOMEM)
			return rc;
	for (i = 0; i < c->ncriteria; i++)
		if ((rc = register_id(c, rep, c->criteria[i]->id, TAG(c->criteria[i], T_CRITERION),
		                      "criterion")) == SCSEC_ENOMEM)
			return rc;
	for (i = 0; i < c->nprereqs; i++)
		if ((rc = register_id(c, rep, c->prereqs[i]->id, TAG(c->prereqs[i], T_PREREQ),
		                      "prerequisite")) == SCSEC_ENOMEM)
			return rc;
	for (i = 0; i < c->nframeworks; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(c->frameworks[i]->id, c->frameworks[j]->id))
				REPORT(rep, c->frameworks[i]->loc, SCSEC_EINVALID, c->frameworks[i]->id,
				       "duplicate framework id '%s': already declared at line %lu",
				       c->frameworks[i]->id, c->frameworks[j]->loc.line);
	for (i = 0; i < c->nmarks; i++) {
		for (j = 1; j < 5; j++)
			if (!strcmp(c->marks[i]->text, scsec_status_name((scsec_status)j)))
				REPORT(rep, c->marks[i]->loc, SCSEC_EINVALID, NULL,
				       "answer mark '%s' is a status token, accepted anyway",
				       c->marks[i]->text);
		if (c->marks[i]->status < 1 || c->marks[i]->status > 4 || !*c->marks[i]->text)
			REPORT(rep, c->marks[i]->loc, SCSEC_EINVALID, NULL,
			       "answer mark '%s': an empty mark, or no status", c->marks[i]->text);
	}
	for (i = 0; i < c->nmarks; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(c->marks[i]->text, c->marks[j]->text))
				REPORT(rep, c->marks[i]->loc, SCSEC_EINVALID, NULL,
				       "answer mark '%s' given twice (first at line %lu)", c->marks[i]->text,
				       c->marks[j]->loc.line);
	for (i = 0; i < c->nquestions; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(c->questions[i]->id, c->questions[j]->id))
				REPORT(rep, c->questions[i]->loc, SCSEC_EINVALID, c->questions[i]->id,
				       "duplicate question id '%s': already used at line %lu",
				       c->questions[i]->id, c->questions[j]->loc.line);
	return 0;
}

static int check_levels(scsec_criteria *c, scsec__reporter *rep)
{
	size_t i, j;

	if (c->nlevels == 0) {
		scsec__loc none = { 0, 0 };

		return REPORT(rep, none, SCSEC_EINVALID, NULL, "the set defines no level");
	}
	if (c->nlevels > SCSEC__MAX_LEVELS) {
		return REPORT(rep, c->levels[SCSEC__MAX_LEVELS]->loc, SCSEC_EINVALID, NULL,
		              "more than %d levels", SCSEC__MAX_LEVELS);
	}
	qsort(c->levels, c->nlevels, sizeof *c->levels, cmp_level);
	for (i = 0; i < c->nlevels; i++) {
		struct scsec_level *l = c->levels[i];

		l->index = i;
		if (i && c->levels[i - 1]->rank == l->rank)
			REPORT(rep, l->loc, SCSEC_EINVALID, NULL,
			       "two levels have rank %d (the other at line %lu)", l->rank,
			       c->levels[i - 1]->loc.line);
		if (l->requires_lower && i == 0)
			REPORT(rep, l->loc, SCSEC_EINVALID, NULL,
			       "level %d requires the next lower level, but it is the lowest", l->rank);
		if (l->nrequires) {
			l->prereqs = scsec__arena_alloc(&c->arena, l->nrequires * sizeof *l->prereqs);
			if (!l->prereqs)
				return SCSEC_ENOMEM;
		}
		for (j = 0; j < l->nrequires; j++) {
			const struct scsec_prerequisite *p = lookup_kind(c, l->requires[j], T_PREREQ);
			size_t k;

			if (!p) {
				REPORT(rep, l->loc, SCSEC_EINVALID, l->requires[j],
				       "level %d requires '%s', which is not a declared prerequisite",
				       l->rank, l->requires[j]);
				continue;
			}
			for (k = 0; k < l->nprereqs; k++)
				if (l->prereqs[k] == p)
					break;
			if (k < l->nprereqs) {
				REPORT(rep, l->loc, SCSEC_EINVALID, l->requires[j],
				       "level %d requires '%s' twice", l->rank, l->requires[j]);
				continue;
			}
			l->prereqs[l->nprereqs++] = p;
		}
	}
	return 0;
}

static int check_criteria(scsec_criteria *c, scsec__reporter *rep)
{
	size_t i, j, k;

	for (i = 0; i < c->ncriteria; i++) {
		struct scsec_criterion *cr = c->criteria[i];

		cr->level_mask = 0;
		if (cr->levels) {
			for (j = 0; j < cr->nlevels; j++) {
				int li = level_index(c, cr->levels[j]);

				if (li < 0) {
					REPORT(rep, cr->loc, SCSEC_EINVALID, cr->id,
					       "criterion '%s' applies at level %d, which the set does not define",
					       cr->id, cr->levels[j]);
					continue;
				}
				for (k = 0; k < j; k++)
					if (cr->levels[k] == cr->levels[j])
						REPORT(rep, cr->loc, SCSEC_EINVALID, cr->id,
						       "criterion '%s' lists level %d twice", cr->id, cr->levels[j]);
				cr->level_mask |= (uint64_t)1 << li;
			}
			cr->min_level = cr->levels[0];
			for (j = 1; j < cr->nlevels; j++)
				if (cr->levels[j] < cr->min_level)
					cr->min_level = cr->levels[j];
		} else {
			int li = level_index(c, cr->min_level);

			if (li < 0) {
				REPORT(rep, cr->loc, SCSEC_EINVALID, cr->id,
				       "criterion '%s' applies from level %d, which the set does not define",
				       cr->id, cr->min_level);
				continue;
			}
			for (j = (size_t)li; j < c->nlevels; j++)
				cr->level_mask |= (uint64_t)1 << j;
		}
		for (j = 0; j < cr->nrefs; j++) {
			for (k = 0; k < c->nframeworks; k++)
				if (!strcmp(c->frameworks[k]->id, cr->refs[j].framework))
					break;
			if (k == c->nframeworks)
				REPORT(rep, cr->loc, SCSEC_EINVALID, cr->id,
				       "criterion '%s' refers to framework '%s', which the set does not declare",
				       cr->id, cr->refs[j].framework);
		}
	}
	for (i = 0; i < c->nrequirements; i++)
		if (!c->requirements[i]->ncriteria)
			REPORT(rep, c->requirements[i]->loc, SCSEC_EINVALID, c->requirements[i]->id,
			       "requirement '%s' has no criterion", c->requirements[i]->id);
	return 0;
}

static int check_rules(scsec_criteria *c, scsec__reporter *rep)
{
	scsec__scoring *s = &c->scoring;
	size_t i;

	for (i = 0; i < c->nquestions; i++)
		if (level_index(c, c->questions[i]->level_if_yes) < 0)
			REPORT(rep, c->questions[i]->loc, SCSEC_EINVALID, c->questions[i]->id,
			       "question '%s' requires level %d, which the set does not define",
			       c->questions[i]->id, c->questions[i]->level_if_yes);
	if (c->has_required_rule && level_index(c, c->required_default) < 0)
		REPORT(rep, c->required_loc, SCSEC_EINVALID, NULL,
		       "the required-level rule defaults to level %d, which the set does not define",
		       c->required_default);
	if (s->level && level_index(c, s->level) < 0)
		REPORT(rep, s->loc, SCSEC_EINVALID, NULL,
		       "scoring names level %d, which the set does not define", s->level);
	switch (s->model) {
	case SCSEC_SCORING_ALL_REQUIRED:
		for (i = 0; i < SCSEC__PTS_COUNT; i++)
			if (s->points_set[i])
				break;
		if (i < SCSEC__PTS_COUNT || s->nbands || s->has_conditional || s->has_max || s->has_floor)
			REPORT(rep, s->loc, SCSEC_EINVALID, NULL,
			       "the all-required model takes no points, bands, maximum, floor or "
			       "conditional rule");
		break;
	case SCSEC_SCORING_POINTS:
		if (!s->points_set[SCSEC__PTS_MET] || !s->points_set[SCSEC__PTS_PARTIAL] ||
		    !s->points_set[SCSEC__PTS_NOT_MET] || !s->points_set[SCSEC__PTS_MISSING])
			REPORT(rep, s->loc, SCSEC_EINVALID, NULL,
			       "the points model needs points for met, partial, not-met and missing");
		if (s->has_conditional || s->has_max || s->has_floor)
			REPORT(rep, s->loc, SCSEC_EINVALID, NULL,
			       "the points model takes no maximum, floor or conditional rule");
		if (s->nbands > 1)
			qsort(s->bands, s->nbands, sizeof *s->bands, cmp_band);
		for (i = 1; i < s->nbands; i++)
			if (s->bands[i].min == s->bands[i - 1].min)
				REPORT(rep, s->loc, SCSEC_EINVALID, NULL, "two bands start at %ld",
				       s->bands[i].min);
		break;
	case SCSEC_SCORING_DEDUCTIONS:
		if (!s->has_max)
			REPORT(rep, s->loc, SCSEC_EINVALID, NULL, "the deductions model needs a maximum");
		if (s->has_floor && s->has_max && s->floor > s->max)
			REPORT(rep, s->loc, SCSEC_EINVALID, NULL, "the floor %ld is above the maximum %ld",
			       s->floor, s->max);
		for (i = 0; i < SCSEC__PTS_COUNT; i++)
			if (s->points_set[i])
				break;
		if (i < SCSEC__PTS_COUNT || s->nbands)
			REPORT(rep, s->loc, SCSEC_EINVALID, NULL,
			       "the deductions model takes no points or bands");
		break;
	}
	return 0;
}

typedef struct order_item {
	const char *id;
	uint32_t code;
} order_item;

static int cmp_order(const void *a, const void *b)
{
	return scsec__idcmp(((const order_item *)a)->id, ((const order_item *)b)->id);
}

/* For each level as the gap level: its chain's items in id order with the
 * levels of the chain where each applies, and the static applicable counts
 * per function and top-level category. */
static int index_gaps(scsec_criteria *c)
{
	size_t gi, k;

	for (gi = 0; gi < c->nlevels; gi++) {
		struct scsec_level *l = c->levels[gi];

		l->gap_items = scsec__arena_alloc(&c->arena, (c->nid_order + 1) * sizeof *l->gap_items);
		l->category_applicable = scsec__arena_alloc(&c->arena, (c->ntop + 1) *
		                                                           sizeof *l->category_applicable);
		if (!l->gap_items || !l->category_applicable)
			return SCSEC_ENOMEM;
		memset(l->category_applicable, 0, (c->ntop + 1) * sizeof *l->category_applicable);
		memset(l->function_applicable, 0, sizeof l->function_applicable);
		l->ngap_items = 0;
		for (k = 0; k < c->nid_order; k++) {
			uint32_t item = c->id_order[k];
			size_t i = item & SCSEC__ORDER_PREREQ ? c->ncriteria + (item & ~SCSEC__ORDER_PREREQ)
			                                      : item;
			uint64_t m = l->chain & c->item_mask[i];

			if (!m)
				continue;
			l->gap_items[l->ngap_items].levels = m;
			l->gap_items[l->ngap_items].item = (uint32_t)i;
			l->ngap_items++;
			if (((m >> gi) & 1) && i < c->ncriteria) {
				l->function_applicable[c->item_function[i]]++;
				l->category_applicable[c->item_top[i]]++;
			}
		}
	}
	return 0;
}

/* Index what evaluation needs: per level, the criteria applying there; the
 * categories' functions and top-level ancestors; the id order of gaps. */
static int index_set(scsec_criteria *c)
{
	size_t i, j, nitems;
	uint64_t *seen_req;

	order_item *items;

	c->nid_order = c->ncriteria + c->nprereqs;
	c->id_order = scsec__arena_alloc(&c->arena, (c->nid_order ? c->nid_order : 1) * sizeof *c->id_order);
	items = scsec__calloc(c->nid_order ? c->nid_order : 1, sizeof *items);
	if (!c->id_order || !items) {
		scsec__free(items);
		return SCSEC_ENOMEM;
	}
	for (i = 0; i < c->ncriteria; i++) {
		items[i].id = c->criteria[i]->id;
		items[i].code = (uint32_t)i;
	}
	for (i = 0; i < c->nprereqs; i++) {
		items[c->ncriteria + i].id = c->prereqs[i]->id;
		items[c->ncriteria + i].code = (uint32_t)i | SCSEC__ORDER_PREREQ;
	}
	if (c->nid_order > 1)
		qsort(items, c->nid_order, sizeof *items, cmp_order);
	for (i = 0; i < c->nid_order; i++)
		c->id_order[i] = items[i].code;
	scsec__free(items);

	for (i = 0; i < c->ncategories; i++) {
		struct scsec_category *cat = c->categories[i];

		cat->function = cat->own_function ? cat->own_function
		                                  : (cat->parent ? cat->parent->function : SCSEC_FUNCTION_NONE);
		cat->top = cat->parent ? cat->parent->top : c->ntop++;
	}
	seen_req = scsec__calloc(c->nrequirements ? c->nrequirements : 1, sizeof *seen_req);
	if (!seen_req)
		return SCSEC_ENOMEM;
	for (i = 0; i < c->nlevels; i++) {
		struct scsec_level *l = c->levels[i];
		uint64_t bit = (uint64_t)1 << i;
		size_t n = 0;

		l->chain = bit | (l->requires_lower && i > 0 ? c->levels[i - 1]->chain : 0);
		for (j = 0; j < l->nprereqs; j++)
			((struct scsec_prerequisite *)l->prereqs[j])->level_mask |= bit;

		for (j = 0; j < c->ncriteria; j++)
			n += (c->criteria[j]->level_mask & bit) != 0;
		l->criteria = scsec__arena_alloc(&c->arena, (n ? n : 1) * sizeof *l->criteria);
		if (!l->criteria) {
			scsec__free(seen_req);
			return SCSEC_ENOMEM;
		}
		l->ncriteria = 0;
		l->nrequirements = 0;
		for (j = 0; j < c->ncriteria; j++) {
			struct scsec_criterion *cr = c->criteria[j];

			if (!(cr->level_mask & bit))
				continue;
			l->criteria[l->ncriteria++] = (uint32_t)j;
			if (!(seen_req[cr->requirement->index] & bit)) {
				seen_req[cr->requirement->index] |= bit;
				l->nrequirements++;
			}
		}
	}
	scsec__free(seen_req);

	nitems = c->ncriteria + c->nprereqs + 1;
	c->item_mask = scsec__arena_alloc(&c->arena, nitems * sizeof *c->item_mask);
	c->item_function = scsec__arena_alloc(&c->arena, nitems);
	c->item_top = scsec__arena_alloc(&c->arena, nitems * sizeof *c->item_top);
	c->item_id = scsec__arena_alloc(&c->arena, nitems * sizeof *c->item_id);
	if (!c->item_mask || !c->item_function || !c->item_top || !c->item_id)
		return SCSEC_ENOMEM;
	for (i = 0; i < c->ncriteria; i++) {
		const struct scsec_criterion *cr = c->criteria[i];

		c->item_mask[i] = cr->level_mask;
		c->item_function[i] = (unsigned char)cr->requirement->category->function;
		c->item_top[i] = (uint32_t)cr->requirement->category->top;
		c->item_id[i] = cr->id;
	}
	for (i = 0; i < c->nprereqs; i++) {
		c->item_mask[c->ncriteria + i] = c->prereqs[i]->level_mask;
		c->item_function[c->ncriteria + i] = SCSEC_FUNCTION_NONE;
		c->item_top[c->ncriteria + i] = 0;
		c->item_id[c->ncriteria + i] = c->prereqs[i]->id;
	}
	return index_gaps(c);
}

static int check_levels_reachable(scsec_criteria *c, scsec__reporter *rep)
{
	size_t i;

	for (i = 0; i < c->nlevels; i++) {
		const struct scsec_level *l = c->levels[i];

		if (!l->ncriteria && !l->nprereqs && !l->requires_lower)
			REPORT(rep, l->loc, SCSEC_EINVALID, NULL,
			       "level %d has no criteria and no prerequisites: everyone would reach it",
			       l->rank);
	}
	return 0;
}

int scsec__criteria_finish(scsec_criteria *c, scsec__reporter *rep)
{
	scsec__reporter own = SCSEC__REPORTER_INIT(c->name, NULL);
	size_t errors;
	int rc;

	if (!rep)
		rep = &own;
	errors = rep->errors;

	if ((rc = check_ids(c, rep)) || (rc = check_levels(c, rep)) || (rc = check_criteria(c, rep)) ||
	    (rc = check_rules(c, rep)))
		return rc;
	if (rep->oom || rep->errors > errors)
		return scsec__report_result(rep);
	if (c->ncriteria + c->nprereqs > SCSEC__MAX_ITEMS) {
		scsec__loc none = { 0, 0 };

		return REPORT(rep, none, SCSEC_ELIMIT, NULL, "more than %u criteria and prerequisites",
		              SCSEC__MAX_ITEMS);
	}
	if ((rc = index_set(c)) || (rc = check_levels_reachable(c, rep)))
		return rc;
	if (rep->oom || rep->errors > errors)
		return scsec__report_result(rep);
	c->finished = 1;
	return 0;
}

/* Categories are stored in pre-order, so top-level ones are those without
 * a parent, in order. */
const struct scsec_category *scsec__criteria_next_top(const scsec_criteria *c, size_t *k)
{
	while (*k < c->ncategories) {
		const struct scsec_category *cat = c->categories[(*k)++];

		if (!cat->parent)
			return cat;
	}
	return NULL;
}

int scsec__criteria_scored_level(const scsec_criteria *c)
{
	if (c->scoring.model == SCSEC_SCORING_ALL_REQUIRED || !c->nlevels)
		return -1;
	return c->scoring.level ? level_index(c, c->scoring.level) : (int)c->nlevels - 1;
}

/* *dst = a copy of s in c's arena (NULL stays NULL). 0 or SCSEC_ENOMEM. */
static int copy_str(scsec_criteria *c, const char **dst, const char *s)
{
	*dst = scsec__criteria_str(c, s);
	return *dst || !s ? 0 : SCSEC_ENOMEM;
}

int scsec__criteria_copy_rules(scsec_criteria *c, const scsec_criteria *rules)
{
	size_t i, j;

#define DUPT(dst, src)                                                               \
	do {                                                                             \
		for (j = 0; j < (src).count; j++)                                            \
			if (scsec__criteria_text(c, &(dst), (src).items[j].lang, (src).items[j].text)) \
				return SCSEC_ENOMEM;                                                 \
	} while (0)

	c->id = scsec__criteria_str(c, rules->id);
	c->version = scsec__criteria_str(c, rules->version);
	if (!c->id || !c->version)
		return SCSEC_ENOMEM;
	DUPT(c->title, rules->title);
	DUPT(c->description, rules->description);
	if (copy_str(c, &c->publisher, rules->publisher) || copy_str(c, &c->source, rules->source) ||
	    copy_str(c, &c->source_uri, rules->source_uri))
		return SCSEC_ENOMEM;
	c->issued = rules->issued;
	c->scoring = rules->scoring;
	c->scoring.bands = NULL;
	c->scoring.nbands = c->scoring.cbands = 0;
	for (i = 0; i < rules->scoring.nbands; i++)
		if (scsec__scoring_add_band(c, rules->scoring.bands[i].min, rules->scoring.bands[i].label))
			return SCSEC_ENOMEM;
	for (i = 0; i < rules->nframeworks; i++)
		if (!scsec__criteria_add_framework(c, rules->frameworks[i]->id, rules->frameworks[i]->title))
			return SCSEC_ENOMEM;
	for (i = 0; i < rules->nmarks; i++)
		if (!scsec__criteria_add_mark(c, rules->marks[i]->text, rules->marks[i]->status))
			return SCSEC_ENOMEM;
	c->has_marks = rules->has_marks;
	c->marks_provisional = rules->marks_provisional;
	for (i = 0; i < rules->nprereqs; i++) {
		const struct scsec_prerequisite *rp = rules->prereqs[i];
		struct scsec_prerequisite *p = scsec__criteria_add_prereq(c, rp->id);

		if (!p)
			return SCSEC_ENOMEM;
		DUPT(p->title, rp->title);
		DUPT(p->description, rp->description);
		if (rp->assessor_role && !(p->assessor_role = scsec__criteria_str(c, rp->assessor_role)))
			return SCSEC_ENOMEM;
		p->role_provisional = rp->role_provisional;
	}
	for (i = 0; i < rules->nlevels; i++) {
		const struct scsec_level *rl = rules->levels[i];
		struct scsec_level *l = scsec__criteria_add_level(c, rl->rank);

		if (!l || !(l->label = scsec__criteria_str(c, rl->label)) ||
		    !(l->validity = scsec__criteria_str(c, rl->validity)))
			return SCSEC_ENOMEM;
		DUPT(l->title, rl->title);
		l->method = rl->method;
		l->duration = rl->duration;
		l->provisional = rl->provisional;
		l->requires_lower = rl->requires_lower;
		for (j = 0; j < rl->nrequires; j++)
			if (scsec__level_add_requires(c, l, rl->requires[j]))
				return SCSEC_ENOMEM;
	}
	for (i = 0; i < rules->nquestions; i++) {
		const struct scsec_question *rq = rules->questions[i];
		struct scsec_question *q = scsec__criteria_add_question(c, rq->id, rq->level_if_yes);

		if (!q)
			return SCSEC_ENOMEM;
		DUPT(q->text, rq->text);
	}
	c->has_required_rule = rules->has_required_rule;
	c->required_default = rules->required_default;
	c->required_loc = rules->required_loc;
#undef DUPT
	return 0;
}

/* ------------------------------------------------------------ lifetime */

void scsec__criteria_ref(const scsec_criteria *c)
{
	atomic_fetch_add_explicit(&((scsec_criteria *)c)->refs, 1, memory_order_relaxed);
}

void scsec__criteria_unref(const scsec_criteria *cc)
{
	scsec_criteria *c = (scsec_criteria *)cc;

	if (!c || atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1)
		return;
	scsec__free(c->frameworks);
	scsec__free(c->prereqs);
	scsec__free(c->levels);
	scsec__free(c->categories);
	scsec__free(c->requirements);
	scsec__free(c->criteria);
	scsec__free(c->questions);
	scsec__free(c->marks);
	scsec__map_dispose(&c->ids);
	scsec__arena_dispose(&c->arena);
	scsec__free(c);
}

void scsec_criteria_free(scsec_criteria *criteria)
{
	scsec__criteria_unref(criteria);
}

/* ------------------------------------------------------------ accessors */

#define AT(c, field, i) ((c) && (i) < (c)->n##field ? (c)->field[i] : NULL)

const char *scsec_criteria_fingerprint(const scsec_criteria *c) { return c ? c->fingerprint : NULL; }
const char *scsec_criteria_id(const scsec_criteria *c) { return c ? c->id : NULL; }
const char *scsec_criteria_version(const scsec_criteria *c) { return c ? c->version : NULL; }
const char *scsec_criteria_title(const scsec_criteria *c, const char *lang)
{
	return c ? scsec__texts_get(&c->title, lang) : NULL;
}
const char *scsec_criteria_description(const scsec_criteria *c, const char *lang)
{
	return c ? scsec__texts_get(&c->description, lang) : NULL;
}
const char *scsec_criteria_publisher(const scsec_criteria *c) { return c ? c->publisher : NULL; }
scsec_date scsec_criteria_issued(const scsec_criteria *c) { return c ? c->issued : SCSEC_DATE_NONE; }
const char *scsec_criteria_source(const scsec_criteria *c) { return c ? c->source : NULL; }
const char *scsec_criteria_source_uri(const scsec_criteria *c) { return c ? c->source_uri : NULL; }
scsec_scoring_model scsec_criteria_scoring(const scsec_criteria *c)
{
	return c ? c->scoring.model : SCSEC_SCORING_ALL_REQUIRED;
}

size_t scsec_criteria_level_count(const scsec_criteria *c) { return c ? c->nlevels : 0; }
const scsec_level *scsec_criteria_level_at(const scsec_criteria *c, size_t i) { return AT(c, levels, i); }
const scsec_level *scsec_criteria_level_by_rank(const scsec_criteria *c, int rank)
{
	int i = c ? level_index(c, rank) : -1;

	return i < 0 ? NULL : c->levels[i];
}
int scsec_level_rank(const scsec_level *l) { return l ? l->rank : 0; }
const char *scsec_level_label(const scsec_level *l) { return l ? l->label : NULL; }
const char *scsec_level_title(const scsec_level *l, const char *lang)
{
	const char *t;

	if (!l)
		return NULL;
	t = scsec__texts_get(&l->title, lang);
	return t ? t : l->label;
}
scsec_method scsec_level_method(const scsec_level *l) { return l ? l->method : SCSEC_METHOD_NONE; }
const char *scsec_level_validity(const scsec_level *l) { return l ? l->validity : NULL; }
int scsec_level_validity_provisional(const scsec_level *l) { return l ? l->provisional : 0; }
int scsec_level_requires_lower(const scsec_level *l) { return l ? l->requires_lower : 0; }
size_t scsec_level_prerequisite_count(const scsec_level *l) { return l ? l->nprereqs : 0; }
const scsec_prerequisite *scsec_level_prerequisite_at(const scsec_level *l, size_t i)
{
	return l && i < l->nprereqs ? l->prereqs[i] : NULL;
}
size_t scsec_level_criterion_count(const scsec_level *l) { return l ? l->ncriteria : 0; }
size_t scsec_level_requirement_count(const scsec_level *l) { return l ? l->nrequirements : 0; }

size_t scsec_criteria_prerequisite_count(const scsec_criteria *c) { return c ? c->nprereqs : 0; }
const scsec_prerequisite *scsec_criteria_prerequisite_at(const scsec_criteria *c, size_t i)
{
	return AT(c, prereqs, i);
}
const scsec_prerequisite *scsec_criteria_prerequisite(const scsec_criteria *c, const char *id)
{
	return lookup_kind(c, id, T_PREREQ);
}
const char *scsec_prerequisite_id(const scsec_prerequisite *p) { return p ? p->id : NULL; }
const char *scsec_prerequisite_title(const scsec_prerequisite *p, const char *lang)
{
	return p ? scsec__texts_get(&p->title, lang) : NULL;
}

const char *scsec_prerequisite_assessor_role(const scsec_prerequisite *p)
{
	return p ? p->assessor_role : NULL;
}

int scsec_prerequisite_role_provisional(const scsec_prerequisite *p)
{
	return p && p->assessor_role && p->role_provisional;
}

size_t scsec_criteria_category_count(const scsec_criteria *c) { return c ? c->ncategories : 0; }
const scsec_category *scsec_criteria_category_at(const scsec_criteria *c, size_t i)
{
	return AT(c, categories, i);
}
const scsec_category *scsec_criteria_category(const scsec_criteria *c, const char *id)
{
	return lookup_kind(c, id, T_CATEGORY);
}
const char *scsec_category_id(const scsec_category *cat) { return cat ? cat->id : NULL; }
const char *scsec_category_title(const scsec_category *cat, const char *lang)
{
	return cat ? scsec__texts_get(&cat->title, lang) : NULL;
}
const scsec_category *scsec_category_parent(const scsec_category *cat)
{
	return cat ? cat->parent : NULL;
}
int scsec_category_depth(const scsec_category *cat) { return cat ? cat->depth : 0; }
scsec_function scsec_category_function(const scsec_category *cat)
{
	return cat ? cat->function : SCSEC_FUNCTION_NONE;
}

size_t scsec_criteria_requirement_count(const scsec_criteria *c) { return c ? c->nrequirements : 0; }
const scsec_requirement *scsec_criteria_requirement_at(const scsec_criteria *c, size_t i)
{
	return AT(c, requirements, i);
}
const scsec_requirement *scsec_criteria_requirement(const scsec_criteria *c, const char *id)
{
	return lookup_kind(c, id, T_REQUIREMENT);
}
const char *scsec_requirement_id(const scsec_requirement *r) { return r ? r->id : NULL; }
const char *scsec_requirement_name(const scsec_requirement *r, const char *lang)
{
	return r ? scsec__texts_get(&r->name, lang) : NULL;
}
const char *scsec_requirement_text(const scsec_requirement *r, const char *lang)
{
	return r ? scsec__texts_get(&r->text, lang) : NULL;
}
const scsec_category *scsec_requirement_category(const scsec_requirement *r)
{
	return r ? r->category : NULL;
}
size_t scsec_requirement_criterion_count(const scsec_requirement *r) { return r ? r->ncriteria : 0; }
const scsec_criterion *scsec_requirement_criterion_at(const scsec_requirement *r, size_t i)
{
	return r && i < r->ncriteria ? r->criteria[i] : NULL;
}

size_t scsec_criteria_criterion_count(const scsec_criteria *c) { return c ? c->ncriteria : 0; }
const scsec_criterion *scsec_criteria_criterion_at(const scsec_criteria *c, size_t i)
{
	return AT(c, criteria, i);
}
const scsec_criterion *scsec_criteria_criterion(const scsec_criteria *c, const char *id)
{
	return lookup_kind(c, id, T_CRITERION);
}
const char *scsec_criterion_id(const scsec_criterion *cr) { return cr ? cr->id : NULL; }
const char *scsec_criterion_text(const scsec_criterion *cr, const char *lang)
{
	return cr ? scsec__texts_get(&cr->text, lang) : NULL;
}
const scsec_category *scsec_criterion_top_category(const scsec_criterion *cr)
{
	const struct scsec_category *cat = cr && cr->requirement ? cr->requirement->category : NULL;

	while (cat && cat->parent)
		cat = cat->parent;
	return cat;
}

const scsec_requirement *scsec_criterion_requirement(const scsec_criterion *cr)
{
	return cr ? cr->requirement : NULL;
}
scsec_function scsec_criterion_function(const scsec_criterion *cr)
{
	return cr ? cr->requirement->category->function : SCSEC_FUNCTION_NONE;
}
int scsec_criterion_min_level(const scsec_criterion *cr) { return cr ? cr->min_level : 0; }
int scsec_criterion_applies_at(const scsec_criterion *cr, int rank)
{
	int li = cr ? level_index(cr->set, rank) : -1;

	return li >= 0 && (cr->level_mask & ((uint64_t)1 << li)) != 0;
}
int scsec_criterion_na_allowed(const scsec_criterion *cr) { return cr ? cr->na_allowed : 0; }
int scsec_criterion_weight(const scsec_criterion *cr) { return cr ? cr->weight : 0; }
int scsec_criterion_poam_eligible(const scsec_criterion *cr) { return cr ? cr->poam_eligible : 0; }
size_t scsec_criterion_reference_count(const scsec_criterion *cr) { return cr ? cr->nrefs : 0; }
int scsec_criterion_reference_at(const scsec_criterion *cr, size_t i, const char **framework,
                                 const char **clauses)
{
	return scsec_criterion_reference_get(framework, clauses, cr, i);
}

int scsec_criterion_reference_get(const char **framework, const char **clauses,
                                  const scsec_criterion *cr, size_t i)
{
	SCSEC__CHECK_ARG(cr);
	if (i >= cr->nrefs)
		return scsec__error_set(SCSEC_EINVAL, "reference index %zu out of range", i);
	if (framework)
		*framework = cr->refs[i].framework;
	if (clauses)
		*clauses = cr->refs[i].clauses;
	return 0;
}
const char *scsec_criteria_framework_title(const scsec_criteria *c, const char *id)
{
	size_t i;

	if (!c || !id)
		return NULL;
	for (i = 0; i < c->nframeworks; i++)
		if (!strcmp(c->frameworks[i]->id, id))
			return c->frameworks[i]->title;
	return NULL;
}

size_t scsec_criteria_question_count(const scsec_criteria *c) { return c ? c->nquestions : 0; }
const scsec_question *scsec_criteria_question_at(const scsec_criteria *c, size_t i)
{
	return AT(c, questions, i);
}
const scsec_question *scsec_criteria_question(const scsec_criteria *c, const char *id)
{
	size_t i;

	if (!c || !id)
		return NULL;
	for (i = 0; i < c->nquestions; i++)
		if (!strcmp(c->questions[i]->id, id))
			return c->questions[i];
	return NULL;
}
const char *scsec_question_id(const scsec_question *q) { return q ? q->id : NULL; }
const char *scsec_question_text(const scsec_question *q, const char *lang)
{
	return q ? scsec__texts_get(&q->text, lang) : NULL;
}
int scsec_question_level_if_yes(const scsec_question *q) { return q ? q->level_if_yes : 0; }
int scsec_criteria_required_default(const scsec_criteria *c)
{
	return c && c->has_required_rule ? c->required_default : 0;
}
