/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The inference of doc/mapping.md, "Deriving a record": carrying a source
 * record's answers through a mapping set gives a derived record against
 * the target set. This file is the rule; nothing else decides what a
 * mapping carries. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/mapping.h"
#include "util/error.h"
#include "util/util.h"

/* Restrictiveness: the lower, the more restrictive (rule 2). */
static int restrictive_rank(scsec_status s)
{
	switch (s) {
	case SCSEC_STATUS_NOT_MET: return 0;
	case SCSEC_STATUS_PARTIAL: return 1;
	case SCSEC_STATUS_NONE: return 2;
	case SCSEC_STATUS_MET: return 3;
	case SCSEC_STATUS_NOT_APPLICABLE: return 4;
	}
	return 2;
}

/* Rule 1: what one source's status becomes through its relationship. */
static scsec_status through(scsec_relationship r, scsec_status s)
{
	if ((r == SCSEC_RELATIONSHIP_SUBSET_OF || r == SCSEC_RELATIONSHIP_INTERSECTS_WITH) &&
	    s == SCSEC_STATUS_MET)
		return SCSEC_STATUS_PARTIAL;
	return s;
}

/* A target id and the mappings (indexes into the set) that reach it. */
typedef struct group {
	const char *target;
	size_t *items;
	size_t count;
	size_t cap;
} group;

static int by_target(const void *a, const void *b)
{
	return scsec__idcmp(((const group *)a)->target, ((const group *)b)->target);
}

/* Append "id: text" lines, or the text alone when it is the only one. */
static void join_text(scsec__buf *b, size_t *n, const char *id, const char *text, int single)
{
	if (!text)
		return;
	if (*n)
		scsec__buf_putc(b, '\n');
	if (!single)
		scsec__buf_printf(b, "%s: ", id);
	scsec__buf_puts(b, text);
	(*n)++;
}

static int artifact_known(const scsec_entry *e, const char *uri, const char *sha)
{
	size_t i;

	for (i = 0; i < e->nartifacts; i++)
		if (!strcmp(e->artifacts[i].uri, uri) && !strcmp(e->artifacts[i].sha256, sha))
			return 1;
	return 0;
}

/* One target entry from its group of mappings. NULL *out: nothing carries. */
static int derive_one(scsec_entry **out, const scsec_evidence *src, const scsec_mapping_set *set,
                      const group *g)
{
	scsec_status status = SCSEC_STATUS_NOT_APPLICABLE;
	scsec_method weakest = SCSEC_METHOD_THIRD_PARTY;
	scsec_date assessed = SCSEC_DATE_NONE, expires = SCSEC_DATE_NONE;
	const scsec_entry *first_answer = NULL;
	scsec__buf just = SCSEC__BUF_INIT, note = SCSEC__BUF_INIT;
	size_t i, carried = 0, answered = 0, njust = 0, nnote = 0, j;
	int same_assessor = 1, rc;
	scsec_entry *e;

	*out = NULL;
	for (i = 0; i < g->count; i++) {
		const struct scsec_mapping *m = set->items[g->items[i]];
		const scsec_entry *s;

		if (m->relationship == SCSEC_RELATIONSHIP_NO_RELATIONSHIP)
			continue;
		carried++;
		s = scsec_evidence_entry(src, m->source);
		if (s && s->status != SCSEC_STATUS_NONE) {
			answered++;
			if (!first_answer)
				first_answer = s;
		}
	}
	if (!carried)
		return 0;
	if ((rc = scsec_entry_new(&e, g->target)))
		return rc;
	if ((rc = scsec_entry_set_derived_set(e, set->source_id, set->source_version)))
		goto fail;
	for (i = 0; i < g->count; i++) {
		const struct scsec_mapping *m = set->items[g->items[i]];
		const scsec_entry *s;
		scsec_status st;

		if (m->relationship == SCSEC_RELATIONSHIP_NO_RELATIONSHIP)
			continue;
		s = scsec_evidence_entry(src, m->source);
		st = s ? s->status : SCSEC_STATUS_NONE;
		if ((rc = scsec_entry_add_derived_source(e, m->source, m->relationship, st,
		                                         s ? s->method : SCSEC_METHOD_NONE)))
			goto fail;
		/* Rule 2: the most restrictive status. */
		st = through(m->relationship, st);
		if (restrictive_rank(st) < restrictive_rank(status))
			status = st;
		if (!s || s->status == SCSEC_STATUS_NONE)
			continue;
		/* Rule 3: the weakest method, the earliest days. */
		if (s->method < weakest)
			weakest = s->method;
		if (s->assessed_on != SCSEC_DATE_NONE &&
		    (assessed == SCSEC_DATE_NONE || s->assessed_on < assessed))
			assessed = s->assessed_on;
		if (s->expires_on != SCSEC_DATE_NONE &&
		    (expires == SCSEC_DATE_NONE || s->expires_on < expires))
			expires = s->expires_on;
		if (!s->assessor != !first_answer->assessor ||
		    (s->assessor && strcmp(s->assessor, first_answer->assessor)) ||
		    !s->assessor_id != !first_answer->assessor_id ||
		    (s->assessor_id && strcmp(s->assessor_id, first_answer->assessor_id)))
			same_assessor = 0;
		join_text(&just, &njust, s->id, s->justification, answered == 1);
		join_text(&note, &nnote, s->id, s->note, answered == 1);
		for (j = 0; j < s->nartifacts; j++)
			if (!artifact_known(e, s->artifacts[j].uri, s->artifacts[j].sha256) &&
			    (rc = scsec_entry_add_artifact(e, s->artifacts[j].uri,
			                                   s->artifacts[j].sha256[0] ? s->artifacts[j].sha256
			                                                            : NULL)))
				goto fail;
	}
	if (!answered) {
		/* Nothing answered: an unanswered entry that still says where it
		 * would come from. */
		status = SCSEC_STATUS_NONE;
		weakest = SCSEC_METHOD_NONE;
	}
	e->status = status;
	/* Rule 4: never stronger than self unless the set accepts the method. */
	if (status == SCSEC_STATUS_NONE)
		e->method = SCSEC_METHOD_NONE;
	else if (weakest > SCSEC_METHOD_SELF && !scsec_mapping_set_accepts(set, weakest))
		e->method = SCSEC_METHOD_SELF;
	else
		e->method = weakest;
	if (status != SCSEC_STATUS_NONE) {
		e->assessed_on = assessed;
		e->expires_on = expires;
		if (same_assessor && first_answer &&
		    (rc = scsec_entry_set_assessor(e, first_answer->assessor, first_answer->assessor_id)))
			goto fail;
		if ((rc = scsec__buf_error(&just)) || (rc = scsec__buf_error(&note)) ||
		    (rc = scsec_entry_set_justification(e, just.data)) ||
		    (rc = scsec_entry_set_note(e, note.data)))
			goto fail;
	} else {
		scsec_entry_clear_artifacts(e);
	}
	scsec__buf_dispose(&just);
	scsec__buf_dispose(&note);
	*out = e;
	return 0;
fail:
	scsec__buf_dispose(&just);
	scsec__buf_dispose(&note);
	scsec_entry_free(e);
	return rc;
}

static void groups_free(group *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		scsec__free(g[i].items);
	scsec__free(g);
}

int scsec_mapping_derive(scsec_evidence **out, const scsec_evidence *src,
                         const scsec_mapping_set *set, const scsec_criteria *target,
                         scsec_diagnostics *diags)
{
	scsec__reporter rep = SCSEC__REPORTER_INIT(src ? src->source : NULL, diags);
	scsec__map index = { NULL, 0, 0 };
	group *groups = NULL;
	size_t ngroups = 0, cgroups = 0, i;
	scsec_evidence *ev = NULL;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(src);
	SCSEC__CHECK_ARG(set);
	if (target && (strcmp(target->id, set->target_id) || strcmp(target->version, set->target_version)))
		return scsec__error_set(SCSEC_EMISMATCH,
		                        "mapping set %s maps to %s %s, not to the set given (%s %s)",
		                        set->id, set->target_id, set->target_version, target->id,
		                        target->version);
	if (src->criteria_id && (strcmp(src->criteria_id, set->source_id) ||
	                         strcmp(src->criteria_version, set->source_version)))
		scsec__report(&rep, src->criteria_loc.line, src->criteria_loc.column,
		              SCSEC_SEVERITY_WARNING, SCSEC_EMISMATCH, NULL,
		              "the record answers %s %s; mapping set %s maps from %s %s", src->criteria_id,
		              src->criteria_version, set->id, set->source_id, set->source_version);
	/* Group the mappings by target id (the set is ordered by source). */
	for (i = 0; i < set->count; i++) {
		const struct scsec_mapping *m = set->items[i];
		group *g;
		void *found;

		if (!m->target)
			continue;
		found = scsec__map_get(&index, m->target);
		if (found) {
			g = &groups[(size_t)(uintptr_t)found - 1];
		} else {
			if (scsec__grow(&groups, &cgroups, ngroups + 1, sizeof *groups)) {
				rc = SCSEC_ENOMEM;
				goto out;
			}
			g = &groups[ngroups];
			memset(g, 0, sizeof *g);
			g->target = m->target;
			ngroups++;
			if (scsec__map_put(&index, m->target, (void *)(uintptr_t)ngroups, NULL)) {
				rc = SCSEC_ENOMEM;
				goto out;
			}
		}
		if (scsec__grow(&g->items, &g->cap, g->count + 1, sizeof *g->items)) {
			rc = SCSEC_ENOMEM;
			goto out;
		}
		g->items[g->count++] = i;
	}
	if (ngroups > 1)
		qsort(groups, ngroups, sizeof *groups, by_target);
	if ((rc = scsec_evidence_new(&ev, target)))
		goto out;
	if (!target && (rc = scsec_evidence_set_criteria(ev, set->target_id, set->target_version, NULL)))
		goto out;
	if ((rc = scsec_evidence_set_derivation(ev, set->id, set->version, set->source_id,
	                                        set->source_version)) ||
	    (rc = scsec__set_str(&ev->subject_name, src->subject_name)))
		goto out;
	for (i = 0; i < src->nids; i++)
		if ((rc = scsec_evidence_add_subject_id(ev, src->ids[i].scheme, src->ids[i].value)))
			goto out;
	for (i = 0; i < ngroups; i++) {
		scsec_entry *e;

		if (target && !scsec__criteria_answerable(target, groups[i].target)) {
			scsec__report(&rep, 0, 0, SCSEC_SEVERITY_WARNING, SCSEC_ENOTFOUND,
			              groups[i].target, "target '%s' is not a criterion of %s %s: left out",
			              groups[i].target, target->id, target->version);
			continue;
		}
		if ((rc = derive_one(&e, src, set, &groups[i])))
			goto out;
		if (e && (rc = scsec_evidence_add(ev, e))) {
			scsec_entry_free(e);
			goto out;
		}
	}
	if (rep.oom)
		rc = SCSEC_ENOMEM;
out:
	scsec__map_dispose(&index);
	groups_free(groups, ngroups);
	if (rc) {
		scsec_evidence_free(ev);
		return rc == SCSEC_ENOMEM ? scsec__error_set(SCSEC_ENOMEM, "out of memory") : rc;
	}
	*out = ev;
	return 0;
}
