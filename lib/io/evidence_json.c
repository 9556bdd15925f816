/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Evidence records in JSON (doc/evidence-format.md, "The JSON form";
 * data/schema/scsec-evidence-1.schema.json): the XML form's content, member
 * for element and attribute, read into the same model, so a record has one
 * fingerprint whichever form it came from (the fingerprint hashes the
 * model's canonical XML, model/canonical.c). Read through the one bounded
 * JSON reader (io/json.h); written with jansson in a fixed member order. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/evidence_json.h"
#include "io/json.h"
#include "model/evidence.h"
#include "model/mapping.h"
#include "util/date.h"
#include "util/error.h"
#include "util/util.h"

#define FORMAT "scsec-evidence-1"

/* ----------------------------------------------------------------- reading */

typedef struct jreader {
	scsec__jdoc *d;
	scsec_evidence *ev;
	int oom;
} jreader;

/* A string member, checked by the one text rule (scsec__text_check, as
 * the XML reader checks its text): NULL when absent, wrong or refused
 * (reported). */
static const char *text(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key,
                        int required)
{
	const char *s = scsec__jget_str(r->d, at, obj, key, required, NULL);
	unsigned long cp;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	if (scsec__text_check(s, n, &cp) != n) {
		scsec__jloc here = scsec__jat(at, key, json_object_get(obj, key));

		scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_EENCODING, NULL,
		                   "the string holds the control character U+%04lX, which no libscsec "
		                   "document may hold",
		                   cp);
		return NULL;
	}
	return s;
}

/* Free text (a name, a justification, a note): blank reads as absent, as
 * the text of an XML element does. */
static const char *prose(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key)
{
	const char *s = text(r, at, obj, key, 0);

	return s && !scsec__blank_str(s) ? s : NULL;
}

/* A string that must not be empty (a version, a URI). */
static const char *nonempty(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key,
                            int required)
{
	const char *s = text(r, at, obj, key, required);

	if (s && !*s) {
		scsec__jloc here = scsec__jat(at, key, json_object_get(obj, key));

		scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                   "'%s' is empty", key);
		return NULL;
	}
	return s;
}

/* An id member (1 to 64 letters, digits, '-', '_', '.', ':'). */
static const char *id_member(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key,
                             int required)
{
	const char *s = text(r, at, obj, key, required);

	if (s && !scsec__id_ok(s)) {
		scsec__jloc here = scsec__jat(at, key, json_object_get(obj, key));

		scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                   "'%.64s' is not an id (1 to 64 letters, digits, '-', '_', '.', ':', "
		                   "starting with a letter or digit)",
		                   s);
		return NULL;
	}
	return s;
}

static void date_member(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key,
                        scsec_date *out)
{
	const char *s = text(r, at, obj, key, 0);

	if (s && scsec__date_parse_n(out, s, strlen(s))) {
		scsec__jloc here = scsec__jat(at, key, json_object_get(obj, key));

		scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL, "%s",
		                   scsec_error_message(scsec_error_last()));
	}
}

/* A status or method token (the English tokens only, as in XML): 0 when
 * absent, -1 when refused (reported). */
static int token(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key,
                 int is_status)
{
	const char *v = text(r, at, obj, key, 0);
	scsec__jloc here;
	int rc;

	if (!v)
		return json_object_get(obj, key) ? -1 : 0;
	if (is_status) {
		scsec_status s;

		rc = scsec__status_parse(&s, v, 0);
		if (!rc && s != SCSEC_STATUS_NONE)
			return (int)s;
	} else {
		scsec_method m;

		if (!scsec__method_parse(&m, v, 0))
			return (int)m;
	}
	here = scsec__jat(at, key, json_object_get(obj, key));
	scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
	                   "'%.64s' is not one of %s", v,
	                   is_status ? "met, partial, not-met, not-applicable"
	                             : "self, expert-reviewed, third-party");
	return -1;
}

/* The member `key` of obj as an object with only the members allowed;
 * NULL when absent or wrong (reported). */
static const json_t *object(jreader *r, const scsec__jloc *at, const json_t *obj, const char *key,
                            int required, const char *const *allowed, scsec__jloc *here)
{
	const json_t *o = scsec__jget_object(r->d, at, obj, key, required, NULL);

	if (!o)
		return NULL;
	*here = scsec__jat(at, key, o);
	scsec__jcheck_members(r->d, here, o, allowed);
	return o;
}

/* Element i of an array, which must be an object with only the members
 * allowed; NULL when it is not (reported). */
static const json_t *element(jreader *r, const scsec__jloc *arr, size_t i,
                             const char *const *allowed, scsec__jloc *here)
{
	const json_t *o = json_array_get(arr->value, i);

	*here = scsec__jat_index(arr, i, o);
	if (!json_is_object(o)) {
		scsec__json_report(r->d, here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                   "an object is expected, not %s", scsec__jtype_name(o));
		return NULL;
	}
	scsec__jcheck_members(r->d, here, o, allowed);
	return o;
}

static void read_subject(jreader *r, const scsec__jloc *root)
{
	static const char *const members[] = { "name", "identifiers", NULL };
	static const char *const id_members[] = { "scheme", "value", NULL };
	const json_t *subj, *ids;
	scsec__jloc sl, il, el;
	size_t i;

	if (!(subj = object(r, root, root->value, "subject", 0, members, &sl)))
		return;
	if (scsec__set_str(&r->ev->subject_name, prose(r, &sl, subj, "name")))
		r->oom = 1;
	if (!(ids = scsec__jget_array(r->d, &sl, subj, "identifiers", 0, NULL)))
		return;
	il = scsec__jat(&sl, "identifiers", ids);
	for (i = 0; i < json_array_size(ids) && !r->oom; i++) {
		const json_t *o = element(r, &il, i, id_members, &el);
		const char *scheme, *value;
		int rc;

		if (!o || !(scheme = id_member(r, &el, o, "scheme", 1)) ||
		    !(value = text(r, &el, o, "value", 1)))
			continue;
		if (scsec__blank_str(value)) {
			scsec__json_report(r->d, &el, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                   "identifier '%s' is empty", scheme);
			continue;
		}
		rc = scsec__evidence_add_ident(r->ev, scheme, value, (scsec__loc){ 0, 0 });
		if (rc == SCSEC_EEXISTS)
			scsec__json_report(r->d, &el, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, NULL,
			                   "a second '%s' identifier", scheme);
		else if (rc)
			r->oom = 1;
	}
}

static void read_criteria(jreader *r, const scsec__jloc *root)
{
	static const char *const members[] = { "id", "version", "fingerprint", NULL };
	const json_t *c;
	const char *id, *version, *fp;
	scsec__jloc cl;
	int rc;

	if (!(c = object(r, root, root->value, "criteria", 0, members, &cl)))
		return;
	id = id_member(r, &cl, c, "id", 1);
	version = nonempty(r, &cl, c, "version", 1);
	fp = text(r, &cl, c, "fingerprint", 0);
	if (!id || !version || (!fp && json_object_get(c, "fingerprint")))
		return;
	rc = scsec_evidence_set_criteria(r->ev, id, version, fp);
	if (rc == SCSEC_ENOMEM)
		r->oom = 1;
	else if (rc)
		scsec__json_report(r->d, &cl, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "%s",
		                   scsec_error_message(scsec_error_last()));
}

static void read_derived(jreader *r, const scsec__jloc *root)
{
	static const char *const members[] = { "mapping", "mapping_version", "source",
		                               "source_version", NULL };
	const json_t *o;
	const char *mid, *mver, *sid, *sver;
	scsec__jloc l;
	int rc;

	if (!(o = object(r, root, root->value, "derived", 0, members, &l)))
		return;
	mid = id_member(r, &l, o, "mapping", 1);
	mver = nonempty(r, &l, o, "mapping_version", 1);
	sid = id_member(r, &l, o, "source", 1);
	sver = nonempty(r, &l, o, "source_version", 1);
	if (!mid || !mver || !sid || !sver)
		return;
	if ((rc = scsec_evidence_set_derivation(r->ev, mid, mver, sid, sver)))
		r->oom = 1;
}

/* A derived entry's provenance (doc/mapping.md). */
static void read_derived_from(jreader *r, scsec_entry *e, const scsec__jloc *el, const json_t *eo)
{
	static const char *const members[] = { "set", "version", "sources", NULL };
	static const char *const src_members[] = { "id", "relationship", "status", "method", NULL };
	const json_t *o, *sources;
	const char *set, *version;
	scsec__jloc l, sl, kl;
	size_t i;
	int rc;

	if (!(o = object(r, el, eo, "derived_from", 0, members, &l)))
		return;
	set = id_member(r, &l, o, "set", 1);
	version = nonempty(r, &l, o, "version", 1);
	sources = scsec__jget_array(r->d, &l, o, "sources", 1, NULL);
	if (!set || !version || !sources)
		return;
	sl = scsec__jat(&l, "sources", sources);
	if (!json_array_size(sources)) {
		scsec__json_report(r->d, &sl, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, e->id,
		                   "a derived entry names at least one source");
		return;
	}
	if ((rc = scsec_entry_set_derived_set(e, set, version))) {
		r->oom = 1;
		return;
	}
	for (i = 0; i < json_array_size(sources) && !r->oom; i++) {
		const json_t *k = element(r, &sl, i, src_members, &kl);
		const char *id, *rel;
		scsec_relationship relationship;
		int status, method;

		if (!k || !(id = id_member(r, &kl, k, "id", 1)) ||
		    !(rel = text(r, &kl, k, "relationship", 1)))
			continue;
		if (scsec__relationship_parse(&relationship, rel)) {
			scsec__jloc here = scsec__jat(&kl, "relationship", json_object_get(k, "relationship"));

			scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, e->id,
			                   "'%.64s' is not one of equal-to, equivalent-to, subset-of, "
			                   "superset-of, intersects-with, no-relationship",
			                   rel);
			continue;
		}
		if ((status = token(r, &kl, k, "status", 1)) < 0 ||
		    (method = token(r, &kl, k, "method", 0)) < 0)
			continue;
		rc = scsec_entry_add_derived_source(e, id, relationship, (scsec_status)status,
		                                    (scsec_method)method);
		if (rc == SCSEC_ENOMEM)
			r->oom = 1;
		else if (rc)
			scsec__json_report(r->d, &kl, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, e->id,
			                   "source '%s' of '%s' is given twice", id, e->id);
	}
}

static void read_artifacts(jreader *r, scsec_entry *e, const scsec__jloc *el, const json_t *eo)
{
	static const char *const members[] = { "uri", "sha256", NULL };
	const json_t *arr = scsec__jget_array(r->d, el, eo, "artifacts", 0, NULL);
	scsec__jloc al, kl;
	size_t i;

	if (!arr)
		return;
	al = scsec__jat(el, "artifacts", arr);
	for (i = 0; i < json_array_size(arr) && !r->oom; i++) {
		const json_t *k = element(r, &al, i, members, &kl);
		const char *uri, *sha;
		int rc;

		if (!k || !(uri = nonempty(r, &kl, k, "uri", 1)))
			continue;
		sha = text(r, &kl, k, "sha256", 0);
		if (!sha && json_object_get(k, "sha256"))
			continue;
		rc = scsec_entry_add_artifact(e, uri, sha);
		if (rc == SCSEC_ENOMEM)
			r->oom = 1;
		else if (rc)
			scsec__json_report(r->d, &kl, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, e->id,
			                   "artifact of '%s': %s", e->id,
			                   scsec_error_message(scsec_error_last()));
	}
}

/* The index of the first entry of the array at el's parent with this id. */
static size_t first_with_id(const scsec__jloc *el, const char *id)
{
	const json_t *arr = el->up->value, *o;
	size_t i;

	json_array_foreach(arr, i, o)
		if (json_is_string(json_object_get(o, "id")) &&
		    !strcmp(json_string_value(json_object_get(o, "id")), id))
			return i;
	return 0;
}

/* Messages about an entry carry its JSON pointer: no line and column
 * survive jansson's tree. */
static void read_entry(jreader *r, const scsec__jloc *el, const json_t *o)
{
	static const char *const assessor_members[] = { "name", "id", "role", NULL };
	const json_t *as;
	const char *id;
	scsec_entry *e;
	scsec__jloc al;
	int status, method, review = 0, rc;

	if (!(id = id_member(r, el, o, "id", 1)))
		return;
	if ((rc = scsec_entry_new(&e, id))) {
		r->oom = 1;
		return;
	}
	status = token(r, el, o, "status", 1);
	method = token(r, el, o, "method", 0);
	e->status = status > 0 ? (scsec_status)status : SCSEC_STATUS_NONE;
	e->method = method > 0 ? (scsec_method)method : (scsec_method)0;
	scsec__jget_bool(r->d, el, o, "review", 0, &review);
	e->review = review != 0;
	date_member(r, el, o, "assessed_on", &e->assessed_on);
	date_member(r, el, o, "expires_on", &e->expires_on);
	date_member(r, el, o, "planned_on", &e->planned_on);
	if ((as = object(r, el, o, "assessor", 0, assessor_members, &al))) {
		const char *aid = text(r, &al, as, "id", 0);

		if (aid && !*aid) {
			scsec__jloc here = scsec__jat(&al, "id", json_object_get(as, "id"));

			scsec__json_report(r->d, &here, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, id,
			                   "'id' is empty");
		}
		if (scsec__set_str(&e->assessor, prose(r, &al, as, "name")) ||
		    scsec__set_str(&e->assessor_id, aid) ||
		    scsec__set_str(&e->assessor_role, id_member(r, &al, as, "role", 0)))
			r->oom = 1;
	}
	if (scsec__set_str(&e->justification, prose(r, el, o, "justification")) ||
	    scsec__set_str(&e->note, prose(r, el, o, "note")))
		r->oom = 1;
	read_artifacts(r, e, el, o);
	read_derived_from(r, e, el, o);
	if (r->oom) {
		scsec_entry_free(e);
		return;
	}
	rc = scsec__evidence_append(r->ev, e);
	if (rc == SCSEC_EEXISTS) {
		scsec__json_report(r->d, el, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, id,
		                   "a second entry for '%s' (the first is /entries/%zu)", id,
		                   first_with_id(el, id));
		scsec_entry_free(e);
	} else if (rc) {
		r->oom = 1;
		scsec_entry_free(e);
	}
}

static const char *const entry_members[] = {
	"id", "review", "status", "method", "assessed_on", "expires_on", "planned_on", "assessor",
	"justification", "artifacts", "note", "derived_from", NULL,
};

/* The kind of a JSON document that is not an evidence record, for the
 * message; NULL when it does not look like anything libscsec knows. */
static const char *other_kind(const json_t *root, const char *format)
{
	if (format && !strcmp(format, "scsec-result-1"))
		return "an evaluation result (scsec-result-1), not an evidence record";
	if (json_object_get(root, "assessment-results"))
		return "OSCAL assessment-results, not an evidence record (read it with "
		       "scsec_evidence_import_oscal_results(), scsec import-oscal-results)";
	if (json_object_get(root, "catalog") || json_object_get(root, "profile"))
		return "an OSCAL catalog or profile, not an evidence record";
	return NULL;
}

int scsec__evidence_from_json(scsec_evidence **out, scsec__source *src,
                              const scsec_load_options *opts, scsec_diagnostics *diags)
{
	static const char *const members[] = { "format", "subject", "criteria", "created",
		                               "tool", "derived", "entries", NULL };
	scsec__jdoc doc;
	scsec__jloc root, el, kl;
	const json_t *entries, *fmt;
	const char *format, *s, *what;
	jreader r;
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = scsec__json_parse(&doc, src, opts, diags))) {
		scsec__jdoc_dispose(&doc);
		return rc;
	}
	root = SCSEC__JROOT(doc.root);
	fmt = json_object_get(doc.root, "format");
	format = json_string_value(fmt);
	if (!format || strcmp(format, FORMAT)) {
		if ((what = other_kind(doc.root, format)))
			scsec__json_report(&doc, &root, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
			                   "the document is %s", what);
		else if (!fmt)
			scsec__json_report(&doc, &root, SCSEC_SEVERITY_ERROR, SCSEC_EVERSION, NULL,
			                   "no 'format' member: not a libscsec evidence record (\"format\": "
			                   "\"" FORMAT "\")");
		else
			scsec__json_report(&doc, &root, SCSEC_SEVERITY_ERROR, SCSEC_EVERSION, NULL,
			                   "'format' is '%.64s', not \"" FORMAT "\"",
			                   format ? format : scsec__jtype_name(fmt));
		rc = scsec__report_result(&doc.rep);
		scsec__jdoc_dispose(&doc);
		return rc;
	}
	if ((rc = scsec_evidence_new(&r.ev, NULL))) {
		scsec__jdoc_dispose(&doc);
		return rc;
	}
	r.d = &doc;
	r.oom = scsec__evidence_set_source(r.ev, doc.rep.name) != 0;
	scsec__jcheck_members(&doc, &root, doc.root, members);
	read_subject(&r, &root);
	read_criteria(&r, &root);
	if ((s = text(&r, &root, doc.root, "created", 0))) {
		if (!scsec__timestamp_ok(s)) {
			el = scsec__jat(&root, "created", json_object_get(doc.root, "created"));
			scsec__json_report(&doc, &el, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL,
			                   "'%.64s' is not an RFC 3339 UTC timestamp "
			                   "(YYYY-MM-DDTHH:MM:SSZ) of a real day and time",
			                   s);
		} else if (scsec__set_str(&r.ev->created, s)) {
			r.oom = 1;
		}
	}
	if ((s = nonempty(&r, &root, doc.root, "tool", 0)) && scsec__set_str(&r.ev->tool, s))
		r.oom = 1;
	read_derived(&r, &root);
	if ((entries = scsec__jget_array(&doc, &root, doc.root, "entries", 0, NULL))) {
		el = scsec__jat(&root, "entries", entries);
		for (i = 0; i < json_array_size(entries) && !r.oom; i++) {
			const json_t *o = element(&r, &el, i, entry_members, &kl);

			if (o)
				read_entry(&r, &kl, o);
		}
	}
	if (r.oom || doc.rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (doc.rep.first_error)
		rc = scsec__report_result(&doc.rep);
	else
		rc = 0;
	scsec__jdoc_dispose(&doc);
	if (rc) {
		scsec_evidence_free(r.ev);
		return rc;
	}
	scsec__evidence_sort(r.ev);
	*out = r.ev;
	return 0;
}

/* ----------------------------------------------------------------- writing */

typedef struct jwriter {
	int oom;
} jwriter;

static json_t *jnew(jwriter *w, json_t *v)
{
	if (!v)
		w->oom = 1;
	return v;
}

/* Set member key of o to v (taking it); nothing for a NULL v. */
static void put(jwriter *w, json_t *o, const char *key, json_t *v)
{
	/* jansson takes v even when it fails (o is NULL after an OOM). */
	if (v && json_object_set_new(o, key, v))
		w->oom = 1;
}

static void put_str(jwriter *w, json_t *o, const char *key, const char *s)
{
	if (s)
		put(w, o, key, jnew(w, json_string(s)));
}

static void put_date(jwriter *w, json_t *o, const char *key, scsec_date d)
{
	char buf[SCSEC_DATE_BUFSIZE];

	if (!scsec__date_format(buf, d))
		put_str(w, o, key, buf);
}

static void append(jwriter *w, json_t *a, json_t *v)
{
	if (v && json_array_append_new(a, v))
		w->oom = 1;
}

static json_t *derivation_json(jwriter *w, const struct scsec__derivation *d)
{
	json_t *o = jnew(w, json_object()), *srcs = jnew(w, json_array());
	size_t i;

	put_str(w, o, "set", d->set_id);
	put_str(w, o, "version", d->set_version);
	for (i = 0; i < d->count; i++) {
		json_t *s = jnew(w, json_object());

		put_str(w, s, "id", d->sources[i].id);
		put_str(w, s, "relationship", scsec_relationship_name(d->sources[i].relationship));
		if (d->sources[i].status)
			put_str(w, s, "status", scsec_status_name(d->sources[i].status));
		if (d->sources[i].method)
			put_str(w, s, "method", scsec_method_name(d->sources[i].method));
		append(w, srcs, s);
	}
	put(w, o, "sources", srcs);
	return o;
}

static json_t *entry_json(jwriter *w, const struct scsec_entry *e)
{
	json_t *o = jnew(w, json_object());
	size_t j;

	put_str(w, o, "id", e->id);
	if (e->review)
		put(w, o, "review", jnew(w, json_true()));
	if (e->status)
		put_str(w, o, "status", scsec_status_name(e->status));
	if (e->method)
		put_str(w, o, "method", scsec_method_name(e->method));
	put_date(w, o, "assessed_on", e->assessed_on);
	put_date(w, o, "expires_on", e->expires_on);
	put_date(w, o, "planned_on", e->planned_on);
	if (e->assessor || e->assessor_id || e->assessor_role) {
		json_t *a = jnew(w, json_object());

		put_str(w, a, "name", e->assessor);
		put_str(w, a, "id", e->assessor_id);
		put_str(w, a, "role", e->assessor_role);
		put(w, o, "assessor", a);
	}
	put_str(w, o, "justification", e->justification);
	if (e->nartifacts) {
		json_t *arr = jnew(w, json_array());

		for (j = 0; j < e->nartifacts; j++) {
			json_t *a = jnew(w, json_object());

			put_str(w, a, "uri", e->artifacts[j].uri);
			if (e->artifacts[j].sha256[0])
				put_str(w, a, "sha256", e->artifacts[j].sha256);
			append(w, arr, a);
		}
		put(w, o, "artifacts", arr);
	}
	put_str(w, o, "note", e->note);
	if (e->derived)
		put(w, o, "derived_from", derivation_json(w, e->derived));
	return o;
}

int scsec__evidence_to_json(scsec__buf *b, const scsec_evidence *ev)
{
	jwriter w = { 0 };
	json_t *root = jnew(&w, json_object()), *entries;
	char *text;
	size_t i;

	put_str(&w, root, "format", FORMAT);
	if (ev->subject_name || ev->nids) {
		json_t *s = jnew(&w, json_object());

		put_str(&w, s, "name", ev->subject_name);
		if (ev->nids) {
			json_t *ids = jnew(&w, json_array());

			for (i = 0; i < ev->nids; i++) {
				json_t *id = jnew(&w, json_object());

				put_str(&w, id, "scheme", ev->ids[i].scheme);
				put_str(&w, id, "value", ev->ids[i].value);
				append(&w, ids, id);
			}
			put(&w, s, "identifiers", ids);
		}
		put(&w, root, "subject", s);
	}
	if (ev->criteria_id) {
		json_t *c = jnew(&w, json_object());

		put_str(&w, c, "id", ev->criteria_id);
		put_str(&w, c, "version", ev->criteria_version);
		put_str(&w, c, "fingerprint", ev->criteria_fingerprint);
		put(&w, root, "criteria", c);
	}
	put_str(&w, root, "created", ev->created);
	put_str(&w, root, "tool", ev->tool);
	if (ev->derived) {
		json_t *d = jnew(&w, json_object());

		put_str(&w, d, "mapping", ev->derived->mapping_id);
		put_str(&w, d, "mapping_version", ev->derived->mapping_version);
		put_str(&w, d, "source", ev->derived->source_id);
		put_str(&w, d, "source_version", ev->derived->source_version);
		put(&w, root, "derived", d);
	}
	entries = jnew(&w, json_array());
	for (i = 0; i < ev->nentries; i++)
		append(&w, entries, entry_json(&w, ev->entries[i]));
	put(&w, root, "entries", entries);
	text = w.oom ? NULL : json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!text)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	scsec__buf_puts(b, text);
	scsec__buf_putc(b, '\n');
	free(text);
	return scsec__buf_error(b);
}
