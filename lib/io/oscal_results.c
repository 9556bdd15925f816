/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* OSCAL assessment-results from a GRC tool as an evidence record
 * (scsec/oscal.h, doc/oscal.md): findings give the status of the criteria
 * they target, their observations the method, dates, assessor and
 * artifacts; everything without a place in a record is reported. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scsec/oscal.h"
#include "io/oscal.h"
#include "io/source.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/util.h"

typedef struct rd {
	scsec__jdoc doc;
	const scsec_criteria *c;
	scsec_evidence *ev;
	const json_t *meta;
	scsec__map obs;          /* observation uuid -> object */
	scsec__map used;         /* observation uuid -> 1, once it made an entry */
	int scsec_doc;           /* written by libscsec */
	int oom;
} rd;

static int ns_scsec(const json_t *p)
{
	const char *ns = json_string_value(json_object_get(p, "ns"));

	return ns && !strcmp(ns, SCSEC__NS_OSCAL_SCSEC);
}

static const char *sprop(const json_t *obj, const char *name)
{
	const json_t *props = json_object_get(obj, "props"), *p;
	size_t i;

	json_array_foreach(props, i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));

		if (n && ns_scsec(p) && !strcmp(n, name))
			return json_string_value(json_object_get(p, "value"));
	}
	return NULL;
}

static void SCSEC__PRINTF(5, 6) note(rd *x, const scsec__jloc *at, scsec_severity sev, int code,
                                      const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (scsec__json_report(&x->doc, at, sev, code, NULL, "%s", msg) == SCSEC_ENOMEM)
		x->oom = 1;
}

/* The criterion or prerequisite an id names in the set, trying the
 * spellings OSCAL tools give (libscsec's "_" before a digit, a statement or
 * objective id "ID_smt", "ID_obj"); NULL when none. */
static const char *resolve_id(const rd *x, const char *id, char *buf, size_t size)
{
	static const char *const suffixes[] = { "_smt", "_obj", NULL };
	size_t n, i;

	if (!id)
		return NULL;
	if (scsec_criteria_criterion(x->c, id) || scsec_criteria_prerequisite(x->c, id))
		return id;
	if (id[0] == '_' && (scsec_criteria_criterion(x->c, id + 1) ||
	                     scsec_criteria_prerequisite(x->c, id + 1)))
		return id + 1;
	n = strlen(id);
	for (i = 0; suffixes[i]; i++) {
		size_t m = strlen(suffixes[i]);

		if (n > m && n - m < size && !strcmp(id + n - m, suffixes[i])) {
			memcpy(buf, id, n - m);
			buf[n - m] = '\0';
			if (scsec_criteria_criterion(x->c, buf) || scsec_criteria_prerequisite(x->c, buf))
				return buf;
		}
	}
	return NULL;
}

static int day_of(scsec_date *out, const char *s)
{
	return s && strlen(s) >= 10 && !scsec__date_parse_n(out, s, 10);
}

static const char *party_name(const rd *x, const char *uuid)
{
	const json_t *parties = json_object_get(x->meta, "parties"), *p;
	size_t i;

	json_array_foreach(parties, i, p) {
		const char *u = json_string_value(json_object_get(p, "uuid"));

		if (u && uuid && !strcmp(u, uuid))
			return json_string_value(json_object_get(p, "name"));
	}
	return NULL;
}

static scsec_method method_of(const json_t *ob)
{
	const char *m = sprop(ob, "method");
	const json_t *methods = json_object_get(ob, "methods"), *v;
	scsec_method best = SCSEC_METHOD_NONE;
	size_t i;

	if (m && !scsec_method_parse(&best, m))
		return best;
	best = SCSEC_METHOD_NONE;
	/* the strongest method named */
	json_array_foreach(methods, i, v) {
		const char *s = json_string_value(v);
		scsec_method k = SCSEC_METHOD_NONE;

		if (!s)
			continue;
		if (!strcmp(s, "TEST"))
			k = SCSEC_METHOD_THIRD_PARTY;
		else if (!strcmp(s, "EXAMINE"))
			k = SCSEC_METHOD_EXPERT_REVIEWED;
		else if (!strcmp(s, "INTERVIEW"))
			k = SCSEC_METHOD_SELF;
		if (k > best)
			best = k;
	}
	return best;
}

/* Fill e from the observation ob. */
static void from_observation(rd *x, const scsec__jloc *at, scsec_entry *e, const json_t *ob)
{
	const char *s;
	scsec_date d;
	const json_t *origins = json_object_get(ob, "origins"), *o, *ev, *r;
	size_t i, j;
	int rc = 0;

	if (scsec_entry_method(e) == SCSEC_METHOD_NONE)
		rc |= scsec_entry_set_method(e, method_of(ob));
	s = sprop(ob, "assessed-on");
	if (!s)
		s = json_string_value(json_object_get(ob, "collected"));
	if (day_of(&d, s))
		rc |= scsec_entry_set_assessed_on(e, d);
	/* libscsec writes the last valid day at the gap level as `expires`;
	 * the entry's own expiry, when it had one, as expires-on */
	s = x->scsec_doc ? sprop(ob, "expires-on") : json_string_value(json_object_get(ob, "expires"));
	if (day_of(&d, s))
		rc |= scsec_entry_set_expires_on(e, d);
	json_array_foreach(origins, i, o) {
		const json_t *actors = json_object_get(o, "actors"), *a;

		json_array_foreach(actors, j, a) {
			const char *type = json_string_value(json_object_get(a, "type"));
			const char *name = party_name(x, json_string_value(json_object_get(a, "actor-uuid")));

			if (type && !strcmp(type, "party") && name && !scsec_entry_assessor(e))
				rc |= scsec_entry_set_assessor(e, name, sprop(ob, "assessor-id"));
		}
	}
	if ((s = json_string_value(json_object_get(ob, "remarks"))) && !scsec__blank_str(s))
		rc |= scsec_entry_set_justification(e, s);
	ev = json_object_get(ob, "relevant-evidence");
	json_array_foreach(ev, i, r) {
		const char *href = json_string_value(json_object_get(r, "href"));
		const char *sha = sprop(r, "sha256");

		if (href && scsec_entry_add_artifact(e, href, sha && scsec__sha256_hex_ok(sha) ? sha : NULL))
			rc = -1;
	}
	if (rc)
		note(x, at, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID,
		     "observation of '%s': a value could not be taken into the entry",
		     scsec_entry_id(e));
}

static void add_entry(rd *x, const scsec__jloc *at, scsec_entry *e)
{
	int rc = scsec_evidence_add(x->ev, e);

	if (!rc)
		return;
	if (rc == SCSEC_EEXISTS)
		note(x, at, SCSEC_SEVERITY_WARNING, SCSEC_EEXISTS,
		     "'%s' is answered twice; the first answer is kept", scsec_entry_id(e));
	else if (rc == SCSEC_ENOMEM)
		x->oom = 1;
	scsec_entry_free(e);
}

static void read_findings(rd *x, const scsec__jloc *rl, const json_t *res)
{
	int bad = 0;
	const json_t *fs = scsec__jget_array(&x->doc, rl, res, "findings", 0, &bad), *f;
	scsec__jloc fl = scsec__jat(rl, "findings", fs);
	size_t i;

	json_array_foreach(fs, i, f) {
		scsec__jloc l = scsec__jat_index(&fl, i, f);
		const json_t *t = json_object_get(f, "target"), *rel, *ro, *ob = NULL;
		const char *tid = json_string_value(json_object_get(t, "target-id"));
		const char *want = sprop(t, "id") ? sprop(t, "id") : sprop(f, "id");
		const char *state = json_string_value(json_object_get(json_object_get(t, "status"),
		                                                      "state"));
		const char *id, *st;
		char buf[128];
		scsec_entry *e = NULL;
		scsec_status status;
		size_t j;

		if (!json_is_object(f) || !json_is_object(t) || !tid || !state) {
			note(x, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			     "a finding has a target with a target-id and a status state");
			continue;
		}
		if (!(id = resolve_id(x, want ? want : tid, buf, sizeof buf))) {
			note(x, &l, SCSEC_SEVERITY_WARNING, SCSEC_ENOTFOUND,
			     "finding for '%s': the set has no such criterion or prerequisite; it has "
			     "no place in the record", want ? want : tid);
			continue;
		}
		rel = json_object_get(f, "related-observations");
		json_array_foreach(rel, j, ro) {
			const char *u = json_string_value(json_object_get(ro, "observation-uuid"));

			if (u && (ob = scsec__map_get(&x->obs, u))) {
				if (scsec__map_set(&x->used, u, (void *)1))
					x->oom = 1;
				break;
			}
		}
		if (!ob && x->scsec_doc && sprop(f, "reason") && !strcmp(sprop(f, "reason"), "missing"))
			continue; /* libscsec's finding for a criterion the record did not answer */
		if (!strcmp(state, "satisfied")) {
			status = SCSEC_STATUS_MET;
		} else if (!strcmp(state, "not-satisfied")) {
			status = SCSEC_STATUS_NOT_MET;
		} else {
			note(x, &l, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID,
			     "finding for '%s': state '%s' is neither satisfied nor not-satisfied; left out",
			     id, state);
			continue;
		}
		/* libscsec's own status, when it wrote one, is more precise */
		if (ob && (st = sprop(ob, "status")) && scsec_status_parse(&status, st))
			status = SCSEC_STATUS_NOT_MET;
		if (scsec_entry_new(&e, id) || scsec_entry_set_status(e, status)) {
			scsec_entry_free(e);
			x->oom = 1;
			return;
		}
		if (ob)
			from_observation(x, &l, e, ob);
		else
			note(x, &l, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID,
			     "finding for '%s' has no observation: the entry has no method, date or "
			     "assessor", id);
		add_entry(x, &l, e);
	}
	(void)bad; /* reported by the getter */
}

/* Observations no finding used: libscsec's carry the entry's id and
 * status (entries of other levels than the gap level); others have no
 * place. */
static void read_observations(rd *x, const scsec__jloc *rl, const json_t *res)
{
	const json_t *os = json_object_get(res, "observations"), *ob;
	scsec__jloc ol = scsec__jat(rl, "observations", os);
	size_t i;

	json_array_foreach(os, i, ob) {
		scsec__jloc l = scsec__jat_index(&ol, i, ob);
		const char *u = json_string_value(json_object_get(ob, "uuid"));
		const char *want = sprop(ob, "id"), *st = sprop(ob, "status"), *id;
		scsec_status status;
		scsec_entry *e = NULL;
		char buf[128];

		if (!u || scsec__map_get(&x->used, u))
			continue;
		if (!want || !(id = resolve_id(x, want, buf, sizeof buf)) ||
		    scsec_evidence_entry(x->ev, id)) {
			if (!want || !scsec_evidence_entry(x->ev, want))
				note(x, &l, SCSEC_SEVERITY_WARNING, SCSEC_ENOTFOUND,
				     "observation %s relates to no finding of a criterion of the set; it has "
				     "no place in the record", u);
			continue;
		}
		if (st && scsec_status_parse(&status, st))
			st = NULL;
		if (scsec_entry_new(&e, id) || (st && scsec_entry_set_status(e, status))) {
			scsec_entry_free(e);
			x->oom = 1;
			return;
		}
		from_observation(x, &l, e, ob);
		add_entry(x, &l, e);
	}
}

static int read_results(void *out_p, scsec__source *src, const void *arg,
                        const scsec_load_options *opts, scsec_diagnostics *diags)
{
	static const char *const ignored[] = { "risks", "attestations", "assessment-log",
		                               "local-definitions", NULL };
	scsec_evidence **out = out_p;
	rd x;
	const char *model, *s;
	const json_t *ar, *results, *res, *o;
	scsec__jloc root, al, rl, l;
	size_t i, k;
	int rc, bad = 0;

	memset(&x, 0, sizeof x);
	x.c = arg;
	if ((rc = scsec__oscal_parse(&x.doc, src, opts, diags))) {
		scsec__jdoc_dispose(&x.doc);
		return rc;
	}
	root = SCSEC__JROOT(x.doc.root);
	if (!(ar = scsec__oscal_model(&x.doc, &model)))
		goto fail;
	al = scsec__jat(&root, model, ar);
	if (strcmp(model, "assessment-results")) {
		scsec__json_report(&x.doc, &al, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
		                   "the document is an OSCAL %s, not assessment-results", model);
		goto fail;
	}
	x.meta = scsec__jget_object(&x.doc, &al, ar, "metadata", 1, &bad);
	results = scsec__jget_array(&x.doc, &al, ar, "results", 1, &bad);
	if (bad || !x.meta || !results || !json_array_size(results)) {
		if (!x.doc.rep.first_error)
			scsec__json_report(&x.doc, &al, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                   "assessment-results have metadata and at least one result");
		goto fail;
	}
	rl = scsec__jat(&al, "results", results);
	k = json_array_size(results) - 1;
	res = json_array_get(results, k);
	l = scsec__jat_index(&rl, k, res);
	if (k)
		note(&x, &l, SCSEC_SEVERITY_WARNING, SCSEC_EINVALID,
		     "the document holds several results; the last one is read");
	if (!json_is_object(res)) {
		scsec__json_report(&x.doc, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                   "a result is an object");
		goto fail;
	}
	for (i = 0; ignored[i]; i++)
		if (json_object_get(res, ignored[i]))
			note(&x, &l, SCSEC_SEVERITY_NOTE, SCSEC_ERROR,
			     "the result's '%s' has no place in an evidence record: ignored", ignored[i]);
	{
		const json_t *props = json_object_get(res, "props"), *p;

		json_array_foreach(props, i, p)
			if (ns_scsec(p))
				x.scsec_doc = 1;
	}
	if ((rc = scsec_evidence_new(&x.ev, x.c))) {
		scsec__jdoc_dispose(&x.doc);
		return rc;
	}
	if ((s = sprop(res, "subject-name")))
		scsec_evidence_set_subject_name(x.ev, s);
	scsec_evidence_set_tool(x.ev, "libscsec OSCAL assessment-results import");
	{
		const json_t *os = json_object_get(res, "observations");

		json_array_foreach(os, i, o) {
			const char *u = json_string_value(json_object_get(o, "uuid"));

			if (json_is_object(o) && u && scsec__map_set(&x.obs, u, (void *)o))
				x.oom = 1;
		}
	}
	read_findings(&x, &l, res);
	read_observations(&x, &l, res);
	scsec__map_dispose(&x.obs);
	scsec__map_dispose(&x.used);
	if (x.oom || x.doc.rep.oom) {
		scsec_evidence_free(x.ev);
		scsec__jdoc_dispose(&x.doc);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	if (x.doc.rep.first_error) {
		rc = scsec__report_result(&x.doc.rep);
		scsec_evidence_free(x.ev);
		scsec__jdoc_dispose(&x.doc);
		return rc;
	}
	scsec__jdoc_dispose(&x.doc);
	*out = x.ev;
	return 0;
fail:
	rc = x.doc.rep.first_error ? scsec__report_result(&x.doc.rep)
	                           : scsec__error_set(SCSEC_EINVALID, "not OSCAL assessment-results");
	scsec__map_dispose(&x.obs);
	scsec__map_dispose(&x.used);
	scsec__jdoc_dispose(&x.doc);
	return rc;
}

int scsec_evidence_import_oscal_results(scsec_evidence **out, const char *path,
                                        const scsec_criteria *criteria,
                                        const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path && criteria);
	return scsec__read(out, read_results, criteria, path, NULL, 0, NULL, opts, diags);
}

int scsec_evidence_import_oscal_results_memory(scsec_evidence **out, const void *data,
                                               size_t size, const char *name,
                                               const scsec_criteria *criteria,
                                               const scsec_load_options *opts,
                                               scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG((data || !size) && criteria);
	return scsec__read(out, read_results, criteria, NULL, data ? data : "", size, name, opts,
	                   diags);
}
