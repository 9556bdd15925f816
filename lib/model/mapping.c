/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Mapping sets: their layout and builder, the provenance of derived
 * entries and records, and the inference of doc/mapping.md. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/mapping.h"
#include "model/result.h"
#include "util/error.h"
#include "util/util.h"

/* ------------------------------------------------------------------ tokens */

static const char *const relationship_names[] = {
	"", "equal-to", "equivalent-to", "subset-of", "superset-of", "intersects-with",
	"no-relationship",
};
static const char *const rationale_names[] = { "", "syntactic", "semantic", "functional" };
static const char *const coverage_names[] = { "none", "partial", "full" };

const char *scsec_relationship_name(scsec_relationship r)
{
	return (unsigned)r <= SCSEC_RELATIONSHIP_NO_RELATIONSHIP ? relationship_names[r] : "";
}

int scsec__relationship_parse(scsec_relationship *out, const char *text)
{
	int i;

	for (i = 1; i <= SCSEC_RELATIONSHIP_NO_RELATIONSHIP; i++)
		if (!strcmp(text, relationship_names[i])) {
			*out = (scsec_relationship)i;
			return 0;
		}
	return SCSEC_EINVAL;
}

int scsec_relationship_parse(scsec_relationship *out, const char *text)
{
	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(text);
	if (scsec__relationship_parse(out, text))
		return scsec__error_set(SCSEC_EINVAL, "unknown relationship '%.64s'", text);
	return 0;
}

const char *scsec_rationale_name(scsec_rationale r)
{
	return (unsigned)r <= SCSEC_RATIONALE_FUNCTIONAL ? rationale_names[r] : "";
}

int scsec__rationale_parse(scsec_rationale *out, const char *text)
{
	int i;

	for (i = 1; i <= SCSEC_RATIONALE_FUNCTIONAL; i++)
		if (!strcmp(text, rationale_names[i])) {
			*out = (scsec_rationale)i;
			return 0;
		}
	return SCSEC_EINVAL;
}

int scsec_rationale_parse(scsec_rationale *out, const char *text)
{
	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(text);
	if (scsec__rationale_parse(out, text))
		return scsec__error_set(SCSEC_EINVAL, "unknown rationale '%.64s'", text);
	return 0;
}

const char *scsec_coverage_name(scsec_coverage c)
{
	return (unsigned)c <= SCSEC_COVERAGE_FULL ? coverage_names[c] : "";
}

int scsec__permille_parse(int *out, const char *s)
{
	int v = 0, digits = 0;

	if (s[0] == '0' || s[0] == '1') {
		v = (s[0] - '0') * 1000;
		s++;
	} else {
		return SCSEC_EINVAL;
	}
	if (*s == '.') {
		int scale = 100;

		s++;
		while (*s >= '0' && *s <= '9') {
			if (++digits > 3)
				return SCSEC_EINVAL;
			v += (*s - '0') * scale;
			scale /= 10;
			s++;
		}
		if (!digits)
			return SCSEC_EINVAL;
	}
	if (*s || v > 1000)
		return SCSEC_EINVAL;
	*out = v;
	return 0;
}

void scsec__permille_format(char *buf, int v)
{
	int frac = v % 1000, n;

	if (!frac) {
		buf[0] = (char)('0' + v / 1000);
		buf[1] = 0;
		return;
	}
	buf[0] = '0';
	buf[1] = '.';
	buf[2] = (char)('0' + frac / 100);
	buf[3] = (char)('0' + frac / 10 % 10);
	buf[4] = (char)('0' + frac % 10);
	buf[5] = 0;
	for (n = 4; buf[n] == '0'; n--)
		buf[n] = 0;
}

static int permille_of(double v, int *out)
{
	if (v < 0) {
		*out = SCSEC__PERMILLE_NONE;
		return 0;
	}
	if (!(v <= 1.0))
		return SCSEC_EINVAL; /* also NaN */
	*out = (int)(v * 1000.0 + 0.5);
	return 0;
}

/* ------------------------------------------------------------ mapping sets */

static int set_text(char **dst, const char *src, int required)
{
	if (required && (!src || !*src))
		return scsec__error_set(SCSEC_EINVAL, "a required text is missing");
	return scsec__set_str(dst, src);
}

int scsec_mapping_set_new(scsec_mapping_set **out, const char *id, const char *version,
                          const char *source_id, const char *source_version, const char *target_id,
                          const char *target_version)
{
	scsec_mapping_set *s;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(id && scsec__id_ok(id));
	SCSEC__CHECK_ARG(source_id && scsec__id_ok(source_id));
	SCSEC__CHECK_ARG(target_id && scsec__id_ok(target_id));
	SCSEC__CHECK_ARG(version && source_version && target_version);
	if (!(s = scsec__calloc(1, sizeof *s)))
		return SCSEC_ENOMEM;
	if ((rc = set_text(&s->id, id, 1)) || (rc = set_text(&s->version, version, 1)) ||
	    (rc = set_text(&s->source_id, source_id, 1)) ||
	    (rc = set_text(&s->source_version, source_version, 1)) ||
	    (rc = set_text(&s->target_id, target_id, 1)) ||
	    (rc = set_text(&s->target_version, target_version, 1))) {
		scsec_mapping_set_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void scsec__mapping_free(struct scsec_mapping *m)
{
	if (!m)
		return;
	scsec__free(m->source);
	scsec__free(m->target);
	scsec__free(m->note);
	scsec__free(m);
}

int scsec__mapping_new(struct scsec_mapping **out, const char *source, const char *target,
                       scsec_relationship rel)
{
	struct scsec_mapping *m;

	*out = NULL;
	if (!source || !scsec__id_ok(source) || (target && !scsec__id_ok(target)) ||
	    rel <= SCSEC_RELATIONSHIP_NONE || rel > SCSEC_RELATIONSHIP_NO_RELATIONSHIP ||
	    (!target && rel != SCSEC_RELATIONSHIP_NO_RELATIONSHIP))
		return scsec__error_set(SCSEC_EINVAL,
		                        "a mapping needs a source id, a relationship, and a target "
		                        "id unless it is no-relationship");
	if (!(m = scsec__calloc(1, sizeof *m)))
		return SCSEC_ENOMEM;
	m->relationship = rel;
	m->strength = m->coverage = SCSEC__PERMILLE_NONE;
	if (!(m->source = scsec__strdup(source)) || (target && !(m->target = scsec__strdup(target)))) {
		scsec__mapping_free(m);
		return SCSEC_ENOMEM;
	}
	*out = m;
	return 0;
}

void scsec_mapping_set_free(scsec_mapping_set *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->count; i++)
		scsec__mapping_free(s->items[i]);
	scsec__free(s->items);
	scsec__free(s->id);
	scsec__free(s->version);
	scsec__free(s->title);
	scsec__free(s->source_id);
	scsec__free(s->source_version);
	scsec__free(s->target_id);
	scsec__free(s->target_version);
	scsec__free(s);
}

int scsec__mapping_cmp(const struct scsec_mapping *a, const struct scsec_mapping *b)
{
	int c = scsec__idcmp(a->source, b->source);

	if (c)
		return c;
	if (!a->target || !b->target)
		return (a->target != NULL) - (b->target != NULL);
	return scsec__idcmp(a->target, b->target);
}

static int cmp_ptr(const void *a, const void *b)
{
	return scsec__mapping_cmp(*(const struct scsec_mapping *const *)a,
	                          *(const struct scsec_mapping *const *)b);
}

int scsec__mapping_set_append(scsec_mapping_set *s, struct scsec_mapping *m)
{
	if (scsec__grow(&s->items, &s->cap, s->count + 1, sizeof *s->items))
		return SCSEC_ENOMEM;
	s->items[s->count++] = m;
	return 0;
}

void scsec__mapping_set_sort(scsec_mapping_set *s, const struct scsec_mapping **dup,
                             const struct scsec_mapping **first)
{
	size_t i;

	*dup = *first = NULL;
	if (s->count > 1)
		qsort(s->items, s->count, sizeof *s->items, cmp_ptr);
	for (i = 1; i < s->count; i++)
		if (!scsec__mapping_cmp(s->items[i - 1], s->items[i])) {
			*first = s->items[i - 1];
			*dup = s->items[i];
			return;
		}
}

/* The position of the pair (source, target), or where it would go. */
static size_t find_pos(const scsec_mapping_set *s, const char *source, const char *target,
                       int *found)
{
	struct scsec_mapping key;
	size_t lo = 0, hi = s->count;

	memset(&key, 0, sizeof key);
	key.source = (char *)source;
	key.target = (char *)target;
	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = scsec__mapping_cmp(s->items[mid], &key);

		if (c < 0) {
			lo = mid + 1;
		} else {
			if (!c)
				*found = 1;
			hi = mid;
		}
	}
	return lo;
}

/* Append a copy of m's details, under the pair and relationship given. */
static int append_copy(scsec_mapping_set *d, const struct scsec_mapping *m, const char *source,
                       const char *target, scsec_relationship rel)
{
	struct scsec_mapping *c;
	int rc;

	if ((rc = scsec__mapping_new(&c, source, target, rel)))
		return rc;
	c->strength = m->strength;
	c->coverage = m->coverage;
	c->rationale = m->rationale;
	c->loc = m->loc;
	if ((rc = scsec__set_str(&c->note, m->note)) || (rc = scsec__mapping_set_append(d, c)))
		scsec__mapping_free(c);
	return rc;
}

int scsec_mapping_set_dup(scsec_mapping_set **out, const scsec_mapping_set *s)
{
	scsec_mapping_set *d;
	size_t i;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(s);
	if ((rc = scsec_mapping_set_new(&d, s->id, s->version, s->source_id, s->source_version,
	                                s->target_id, s->target_version)))
		return rc;
	d->provisional = s->provisional;
	d->accepted = s->accepted;
	if ((rc = scsec__set_str(&d->title, s->title)))
		goto fail;
	for (i = 0; i < s->count; i++) {
		const struct scsec_mapping *m = s->items[i];

		if ((rc = append_copy(d, m, m->source, m->target, m->relationship)))
			goto fail;
	}
	*out = d;
	return 0;
fail:
	scsec_mapping_set_free(d);
	return rc;
}

int scsec_mapping_set_invert(scsec_mapping_set **out, const scsec_mapping_set *s)
{
	scsec_mapping_set *d;
	char id[72];
	size_t i, n;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(s);
	n = strlen(s->id);
	if (n > 64 - 8)
		n = 64 - 8;
	memcpy(id, s->id, n);
	memcpy(id + n, "-inverse", 9);
	if ((rc = scsec_mapping_set_new(&d, id, s->version, s->target_id, s->target_version,
	                                s->source_id, s->source_version)))
		return rc;
	d->provisional = s->provisional;
	if ((rc = scsec__set_str(&d->title, s->title)))
		goto fail;
	for (i = 0; i < s->count; i++) {
		const struct scsec_mapping *m = s->items[i];
		scsec_relationship rel = m->relationship;

		if (!m->target)
			continue;
		if (rel == SCSEC_RELATIONSHIP_SUBSET_OF)
			rel = SCSEC_RELATIONSHIP_SUPERSET_OF;
		else if (rel == SCSEC_RELATIONSHIP_SUPERSET_OF)
			rel = SCSEC_RELATIONSHIP_SUBSET_OF;
		if ((rc = append_copy(d, m, m->target, m->source, rel)))
			goto fail;
	}
	{
		const struct scsec_mapping *dup, *first;

		scsec__mapping_set_sort(d, &dup, &first);
	}
	*out = d;
	return 0;
fail:
	scsec_mapping_set_free(d);
	return rc;
}

#define GETTER(name, field) \
	const char *scsec_mapping_set_##name(const scsec_mapping_set *s) { return s ? s->field : NULL; }
GETTER(id, id)
GETTER(version, version)
GETTER(source_id, source_id)
GETTER(source_version, source_version)
GETTER(target_id, target_id)
GETTER(target_version, target_version)
GETTER(title, title)
#undef GETTER

int scsec_mapping_set_set_title(scsec_mapping_set *s, const char *title)
{
	SCSEC__CHECK_ARG(s);
	return scsec__set_str(&s->title, title);
}

int scsec_mapping_set_provisional(const scsec_mapping_set *s)
{
	return s ? s->provisional : 0;
}

int scsec_mapping_set_set_provisional(scsec_mapping_set *s, int provisional)
{
	SCSEC__CHECK_ARG(s);
	s->provisional = provisional != 0;
	return 0;
}

int scsec_mapping_set_accepts(const scsec_mapping_set *s, scsec_method m)
{
	if (!s || m < SCSEC_METHOD_NONE || m > SCSEC_METHOD_THIRD_PARTY)
		return 0;
	if (m <= SCSEC_METHOD_SELF)
		return 1;
	return (s->accepted >> m) & 1u;
}

int scsec_mapping_set_set_accepted(scsec_mapping_set *s, scsec_method m, int accepted)
{
	SCSEC__CHECK_ARG(s);
	SCSEC__CHECK_ARG(m == SCSEC_METHOD_EXPERT_REVIEWED || m == SCSEC_METHOD_THIRD_PARTY);
	if (accepted)
		s->accepted |= 1u << m;
	else
		s->accepted &= ~(1u << m);
	return 0;
}

size_t scsec_mapping_set_count(const scsec_mapping_set *s)
{
	return s ? s->count : 0;
}

const scsec_mapping *scsec_mapping_set_at(const scsec_mapping_set *s, size_t i)
{
	return s && i < s->count ? s->items[i] : NULL;
}

const scsec_mapping *scsec_mapping_set_find(const scsec_mapping_set *s, const char *source,
                                            const char *target)
{
	size_t pos;
	int found;

	if (!s || !source)
		return NULL;
	pos = find_pos(s, source, target, &found);
	return found ? s->items[pos] : NULL;
}

int scsec_mapping_set_add(scsec_mapping **added, scsec_mapping_set *s, const char *source,
                          const char *target, scsec_relationship rel)
{
	struct scsec_mapping *m;
	size_t pos;
	int found, rc;

	if (added)
		*added = NULL;
	SCSEC__CHECK_ARG(s);
	SCSEC__CHECK_ARG(source);
	if ((rc = scsec__mapping_new(&m, source, target, rel)))
		return rc;
	pos = find_pos(s, source, target, &found);
	if (found) {
		scsec__mapping_free(m);
		return scsec__error_set(SCSEC_EEXISTS, "'%s' is mapped to '%s' already", source,
		                        target ? target : "nothing");
	}
	if (scsec__grow(&s->items, &s->cap, s->count + 1, sizeof *s->items)) {
		scsec__mapping_free(m);
		return SCSEC_ENOMEM;
	}
	memmove(s->items + pos + 1, s->items + pos, (s->count - pos) * sizeof *s->items);
	s->items[pos] = m;
	s->count++;
	if (added)
		*added = m;
	return 0;
}

int scsec_mapping_set_remove(scsec_mapping_set *s, const char *source, const char *target)
{
	size_t pos;
	int found;

	SCSEC__CHECK_ARG(s);
	SCSEC__CHECK_ARG(source);
	pos = find_pos(s, source, target, &found);
	if (!found)
		return scsec__error_set(SCSEC_ENOTFOUND, "'%s' is not mapped to '%s'", source,
		                        target ? target : "nothing");
	scsec__mapping_free(s->items[pos]);
	memmove(s->items + pos, s->items + pos + 1, (s->count - pos - 1) * sizeof *s->items);
	s->count--;
	return 0;
}

static int carries_fully(scsec_relationship r)
{
	return r == SCSEC_RELATIONSHIP_EQUAL_TO || r == SCSEC_RELATIONSHIP_EQUIVALENT_TO ||
	       r == SCSEC_RELATIONSHIP_SUPERSET_OF;
}

static int carries_partly(scsec_relationship r)
{
	return r == SCSEC_RELATIONSHIP_SUBSET_OF || r == SCSEC_RELATIONSHIP_INTERSECTS_WITH;
}

scsec_coverage scsec_mapping_set_coverage(const scsec_mapping_set *s, const char *target)
{
	scsec_coverage c = SCSEC_COVERAGE_NONE;
	size_t i;

	if (!s || !target)
		return c;
	for (i = 0; i < s->count; i++) {
		const struct scsec_mapping *m = s->items[i];

		if (!m->target || strcmp(m->target, target))
			continue;
		if (carries_fully(m->relationship))
			return SCSEC_COVERAGE_FULL;
		if (carries_partly(m->relationship))
			c = SCSEC_COVERAGE_PARTIAL;
	}
	return c;
}

/* An id of the set that evidence may answer: a criterion or a prerequisite. */
int scsec__criteria_answerable(const scsec_criteria *c, const char *id)
{
	return scsec_criteria_criterion(c, id) || scsec_criteria_prerequisite(c, id);
}

int scsec_mapping_set_check(const scsec_mapping_set *s, const scsec_criteria *source,
                            const scsec_criteria *target, scsec_diagnostics *diags)
{
	scsec__reporter rep = SCSEC__REPORTER_INIT(s ? s->id : NULL, diags);
	size_t i;

	SCSEC__CHECK_ARG(s);
	if (source && (strcmp(source->id, s->source_id) || strcmp(source->version, s->source_version)))
		scsec__report(&rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, NULL,
		              "the mapping's source is %s %s, the set given is %s %s", s->source_id,
		              s->source_version, source->id, source->version);
	if (target && (strcmp(target->id, s->target_id) || strcmp(target->version, s->target_version)))
		scsec__report(&rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, NULL,
		              "the mapping's target is %s %s, the set given is %s %s", s->target_id,
		              s->target_version, target->id, target->version);
	for (i = 0; i < s->count; i++) {
		const struct scsec_mapping *m = s->items[i];

		if (source && !scsec__criteria_answerable(source, m->source))
			scsec__report(&rep, m->loc.line, m->loc.column, SCSEC_SEVERITY_ERROR,
			              SCSEC_EINVALID, m->source, "source '%s' is not a criterion of %s %s",
			              m->source, source->id, source->version);
		if (target && m->target && !scsec__criteria_answerable(target, m->target))
			scsec__report(&rep, m->loc.line, m->loc.column, SCSEC_SEVERITY_ERROR,
			              SCSEC_EINVALID, m->target, "target '%s' is not a criterion of %s %s",
			              m->target, target->id, target->version);
	}
	return scsec__report_result(&rep);
}

/* ------------------------------------------------------------------ mappings */

const char *scsec_mapping_source(const scsec_mapping *m) { return m ? m->source : NULL; }
const char *scsec_mapping_target(const scsec_mapping *m) { return m ? m->target : NULL; }
const char *scsec_mapping_note(const scsec_mapping *m) { return m ? m->note : NULL; }

scsec_relationship scsec_mapping_relationship(const scsec_mapping *m)
{
	return m ? m->relationship : SCSEC_RELATIONSHIP_NONE;
}

double scsec_mapping_strength(const scsec_mapping *m)
{
	return m && m->strength >= 0 ? m->strength / 1000.0 : -1.0;
}

double scsec_mapping_coverage(const scsec_mapping *m)
{
	return m && m->coverage >= 0 ? m->coverage / 1000.0 : -1.0;
}

scsec_rationale scsec_mapping_rationale(const scsec_mapping *m)
{
	return m ? m->rationale : SCSEC_RATIONALE_NONE;
}

int scsec_mapping_set_strength(scsec_mapping *m, double v)
{
	SCSEC__CHECK_ARG(m);
	SCSEC__CHECK_ARG(!permille_of(v, &m->strength));
	return 0;
}

int scsec_mapping_set_coverage_value(scsec_mapping *m, double v)
{
	SCSEC__CHECK_ARG(m);
	SCSEC__CHECK_ARG(!permille_of(v, &m->coverage));
	return 0;
}

int scsec_mapping_set_rationale(scsec_mapping *m, scsec_rationale r)
{
	SCSEC__CHECK_ARG(m);
	SCSEC__CHECK_ARG(r >= SCSEC_RATIONALE_NONE && r <= SCSEC_RATIONALE_FUNCTIONAL);
	m->rationale = r;
	return 0;
}

int scsec_mapping_set_note(scsec_mapping *m, const char *note)
{
	SCSEC__CHECK_ARG(m);
	return scsec__set_str(&m->note, note);
}

/* ---------------------------------------------------------------- provenance */

void scsec__derivation_free(struct scsec__derivation *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->count; i++)
		scsec__free(d->sources[i].id);
	scsec__free(d->sources);
	scsec__free(d->set_id);
	scsec__free(d->set_version);
	scsec__free(d);
}

static int derivation_new(struct scsec__derivation **out, const char *id, const char *version)
{
	struct scsec__derivation *d = scsec__calloc(1, sizeof *d);

	*out = NULL;
	if (!d)
		return SCSEC_ENOMEM;
	if (!(d->set_id = scsec__strdup(id)) || !(d->set_version = scsec__strdup(version))) {
		scsec__derivation_free(d);
		return SCSEC_ENOMEM;
	}
	*out = d;
	return 0;
}

static int derivation_add(struct scsec__derivation *d, const char *id, scsec_relationship rel,
                          scsec_status st, scsec_method me)
{
	size_t pos = 0;
	char *copy;

	while (pos < d->count && scsec__idcmp(d->sources[pos].id, id) < 0)
		pos++;
	if (pos < d->count && !strcmp(d->sources[pos].id, id))
		return scsec__error_set(SCSEC_EEXISTS, "source '%s' is recorded already", id);
	if (scsec__grow(&d->sources, &d->cap, d->count + 1, sizeof *d->sources) ||
	    !(copy = scsec__strdup(id)))
		return SCSEC_ENOMEM;
	memmove(d->sources + pos + 1, d->sources + pos, (d->count - pos) * sizeof *d->sources);
	d->sources[pos].id = copy;
	d->sources[pos].relationship = rel;
	d->sources[pos].status = st;
	d->sources[pos].method = me;
	d->count++;
	return 0;
}

int scsec__derivation_dup(struct scsec__derivation **out, const struct scsec__derivation *d)
{
	size_t i;
	int rc;

	*out = NULL;
	if (!d)
		return 0;
	if ((rc = derivation_new(out, d->set_id, d->set_version)))
		return rc;
	for (i = 0; i < d->count; i++)
		if ((rc = derivation_add(*out, d->sources[i].id, d->sources[i].relationship,
		                         d->sources[i].status, d->sources[i].method))) {
			scsec__derivation_free(*out);
			*out = NULL;
			return rc;
		}
	return 0;
}

void scsec__record_derivation_free(struct scsec__record_derivation *d)
{
	if (!d)
		return;
	scsec__free(d->mapping_id);
	scsec__free(d->mapping_version);
	scsec__free(d->source_id);
	scsec__free(d->source_version);
	scsec__free(d);
}

static int record_derivation_new(struct scsec__record_derivation **out, const char *mid,
                                 const char *mver, const char *sid, const char *sver)
{
	struct scsec__record_derivation *d = scsec__calloc(1, sizeof *d);

	*out = NULL;
	if (!d)
		return SCSEC_ENOMEM;
	if (!(d->mapping_id = scsec__strdup(mid)) || !(d->mapping_version = scsec__strdup(mver)) ||
	    !(d->source_id = scsec__strdup(sid)) || !(d->source_version = scsec__strdup(sver))) {
		scsec__record_derivation_free(d);
		return SCSEC_ENOMEM;
	}
	*out = d;
	return 0;
}

int scsec__record_derivation_dup(struct scsec__record_derivation **out,
                                 const struct scsec__record_derivation *d)
{
	*out = NULL;
	return d ? record_derivation_new(out, d->mapping_id, d->mapping_version, d->source_id,
	                                 d->source_version)
	         : 0;
}

int scsec_evidence_derived(const scsec_evidence *ev)
{
	return ev && ev->derived;
}

int scsec_result_evidence_derived(const scsec_result *r)
{
	return r && r->evidence_derived;
}

int scsec_evidence_derivation_get(const char **mid, const char **mver, const char **sid,
                                  const char **sver, const scsec_evidence *ev)
{
	SCSEC__CHECK_ARG(ev);
	if (!ev->derived)
		return scsec__error_set(SCSEC_ENOTFOUND, "the record is not derived");
	if (mid)
		*mid = ev->derived->mapping_id;
	if (mver)
		*mver = ev->derived->mapping_version;
	if (sid)
		*sid = ev->derived->source_id;
	if (sver)
		*sver = ev->derived->source_version;
	return 0;
}

static int nonblank(const char *s)
{
	return s && !scsec__blank_str(s) && scsec__text_ok(s, strlen(s));
}

int scsec_evidence_set_derivation(scsec_evidence *ev, const char *mid, const char *mver,
                                  const char *sid, const char *sver)
{
	struct scsec__record_derivation *d = NULL;
	int rc;

	SCSEC__CHECK_ARG(ev);
	if (mid) {
		SCSEC__CHECK_ARG(scsec__id_ok(mid) && sid && scsec__id_ok(sid));
		SCSEC__CHECK_ARG(nonblank(mver) && nonblank(sver));
		if ((rc = record_derivation_new(&d, mid, mver, sid, sver)))
			return rc;
	}
	scsec__record_derivation_free(ev->derived);
	ev->derived = d;
	scsec__evidence_changed(ev);
	return 0;
}

const char *scsec_entry_derived_set(const scsec_entry *e)
{
	return e && e->derived ? e->derived->set_id : NULL;
}

const char *scsec_entry_derived_set_version(const scsec_entry *e)
{
	return e && e->derived ? e->derived->set_version : NULL;
}

size_t scsec_entry_derived_source_count(const scsec_entry *e)
{
	return e && e->derived ? e->derived->count : 0;
}

int scsec_entry_derived_source_get(const char **id, scsec_relationship *rel, scsec_status *st,
                                   scsec_method *me, const scsec_entry *e, size_t i)
{
	const scsec__dsource *s;

	SCSEC__CHECK_ARG(e && e->derived && i < e->derived->count);
	s = &e->derived->sources[i];
	if (id)
		*id = s->id;
	if (rel)
		*rel = s->relationship;
	if (st)
		*st = s->status;
	if (me)
		*me = s->method;
	return 0;
}

int scsec_entry_set_derived_set(scsec_entry *e, const char *id, const char *version)
{
	struct scsec__derivation *d = NULL;
	int rc;

	SCSEC__CHECK_ARG(e);
	if (e->frozen)
		return scsec__entry_frozen(e); /* issue 13.9: model/evidence.h */
	if (id) {
		SCSEC__CHECK_ARG(scsec__id_ok(id) && nonblank(version));
		if ((rc = derivation_new(&d, id, version)))
			return rc;
		if (e->derived) {
			/* Keep the sources recorded so far. */
			d->sources = e->derived->sources;
			d->count = e->derived->count;
			d->cap = e->derived->cap;
			e->derived->sources = NULL;
			e->derived->count = 0;
		}
	}
	scsec__derivation_free(e->derived);
	e->derived = d;
	return 0;
}

int scsec_entry_add_derived_source(scsec_entry *e, const char *id, scsec_relationship rel,
                                   scsec_status st, scsec_method me)
{
	SCSEC__CHECK_ARG(e && e->derived);
	if (e->frozen)
		return scsec__entry_frozen(e);
	SCSEC__CHECK_ARG(id && scsec__id_ok(id));
	SCSEC__CHECK_ARG(rel > SCSEC_RELATIONSHIP_NONE && rel <= SCSEC_RELATIONSHIP_NO_RELATIONSHIP);
	SCSEC__CHECK_ARG(st >= SCSEC_STATUS_NONE && st <= SCSEC_STATUS_NOT_APPLICABLE);
	SCSEC__CHECK_ARG(me >= SCSEC_METHOD_NONE && me <= SCSEC_METHOD_THIRD_PARTY);
	return derivation_add(e->derived, id, rel, st, me);
}

int scsec_entry_review(const scsec_entry *e)
{
	return e ? e->review : 0;
}

int scsec_entry_set_review(scsec_entry *e, int review)
{
	SCSEC__CHECK_ARG(e);
	if (e->frozen)
		return scsec__entry_frozen(e);
	e->review = review != 0;
	return 0;
}
