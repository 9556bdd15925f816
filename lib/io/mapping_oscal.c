/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Mapping sets read from OSCAL 1.2 mapping-collection JSON: the reverse of
 * scsec_mapping_set_oscal() (io/oscal_export.c), through the bounded JSON
 * reader (io/json.h). What is read and what is refused or ignored:
 * doc/mapping.md, "OSCAL". */
#include "config.h"

#include <string.h>

#include "io/json.h"
#include "io/oscal.h"
#include "io/source.h"
#include "model/evidence.h"
#include "model/mapping.h"
#include "util/alloc.h"
#include "util/error.h"

typedef struct rd {
	scsec__jdoc *d;
	int oom;
} rd;

#define ERR(r, at, code, ...)                                                                      \
	note((r), scsec__json_report((r)->d, (at), SCSEC_SEVERITY_ERROR, (code), NULL, __VA_ARGS__))
#define WARN(r, at, ...)                                                                           \
	note((r), scsec__json_report((r)->d, (at), SCSEC_SEVERITY_WARNING, SCSEC_ESCHEMA, NULL,   \
	                             __VA_ARGS__))

static void note(rd *r, int rc)
{
	if (rc == SCSEC_ENOMEM)
		r->oom = 1;
}

/* The nth libscsec prop of obj named name, or NULL. */
static const json_t *sprop_at(const json_t *obj, const char *name, size_t nth)
{
	const json_t *p;
	size_t i;

	json_array_foreach(json_object_get(obj, "props"), i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *ns = json_string_value(json_object_get(p, "ns"));

		if (n && ns && !strcmp(n, name) && !strcmp(ns, SCSEC__NS_OSCAL_SCSEC) && !nth--)
			return p;
	}
	return NULL;
}

/* The value of the nth libscsec prop of obj named name, or NULL. */
static const char *sprop(const json_t *obj, const char *name, size_t nth)
{
	return json_string_value(json_object_get(sprop_at(obj, name, nth), "value"));
}

/* Members a reader leaves out, each said once where it is. */
static void ignored(rd *r, const scsec__jloc *at, const json_t *obj, const char *const *keys)
{
	for (; *keys; keys++)
		if (json_object_get(obj, *keys))
			WARN(r, at, "'%s' is ignored: a libscsec mapping set does not carry it", *keys);
}

/* A fraction (0 to 1, at most three decimals) at obj[key], in thousandths. */
static void fraction(rd *r, const scsec__jloc *at, const json_t *obj, const char *key, int *out)
{
	const json_t *v = json_object_get(obj, key);
	scsec__jloc l = scsec__jat(at, key, v);
	double x, k;

	*out = SCSEC__PERMILLE_NONE;
	if (!v)
		return;
	if (!json_is_number(v)) {
		ERR(r, &l, SCSEC_ESCHEMA, "%s, not a number", scsec__jtype_name(v));
		return;
	}
	x = json_number_value(v);
	k = x * 1000.0;
	if (!(x >= 0.0 && x <= 1.0) || k - (double)(int)(k + 0.5) > 1e-6 ||
	    (double)(int)(k + 0.5) - k > 1e-6) {
		ERR(r, &l, SCSEC_ESCHEMA, "%g is not a number from 0 to 1 with at most three decimals",
		    x);
		return;
	}
	*out = (int)(k + 0.5);
}

/* A catalog resource: the criteria set's id and version, from libscsec's
 * props or its urn:scsec:criteria:ID:VERSION href. */
static int resource(rd *r, const scsec__jloc *up, const json_t *mp, const char *key,
                    const char **id, const char **version, char *buf, size_t size)
{
	int bad = 0;
	const json_t *res = scsec__jget_object(r->d, up, mp, key, 1, &bad);
	scsec__jloc l = scsec__jat(up, key, res);
	const char *href, *colon;

	if (!res)
		return -1;
	*id = sprop(res, "criteria-id", 0);
	*version = sprop(res, "criteria-version", 0);
	href = scsec__jget_str(r->d, &l, res, "href", 0, &bad);
	if ((!*id || !*version) && href && !strncmp(href, "urn:scsec:criteria:", 19) &&
	    (colon = strchr(href + 19, ':')) && (size_t)(colon - href - 19) < size) {
		memcpy(buf, href + 19, (size_t)(colon - href - 19));
		buf[colon - href - 19] = '\0';
		*id = buf;
		*version = colon + 1;
	}
	if (!*id || !*version || !**version) {
		ERR(r, &l, SCSEC_ESCHEMA,
		    "names no criteria set: libscsec needs the props criteria-id and criteria-version "
		    "(ns %s) or an href urn:scsec:criteria:ID:VERSION", SCSEC__NS_OSCAL_SCSEC);
		return -1;
	}
	return bad ? -1 : 0;
}

/* The ids of a map's sources or targets: the libscsec id kept in the "id"
 * prop when the export had to rewrite it, else the id-ref. */
static int items(rd *r, const scsec__jloc *up, const json_t *mp, const char *key,
                 const char ***out, size_t *n)
{
	int bad = 0;
	const json_t *a = scsec__jget_array(r->d, up, mp, key, 1, &bad), *it;
	scsec__jloc l = scsec__jat(up, key, a);
	size_t i;

	*out = NULL;
	*n = 0;
	if (!a)
		return -1;
	if (!json_array_size(a)) {
		ERR(r, &l, SCSEC_ESCHEMA, "is empty: a map needs at least one");
		return -1;
	}
	if (!(*out = scsec__calloc(json_array_size(a), sizeof **out))) {
		r->oom = 1;
		return -1;
	}
	json_array_foreach(a, i, it) {
		scsec__jloc il = scsec__jat_index(&l, i, it);
		const char *type, *ref, *orig;

		if (!json_is_object(it)) {
			ERR(r, &il, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(it));
			bad = 1;
			continue;
		}
		type = scsec__jget_str(r->d, &il, it, "type", 1, &bad);
		ref = scsec__jget_str(r->d, &il, it, "id-ref", 1, &bad);
		if (type && strcmp(type, "control")) {
			ERR(r, &il, SCSEC_ESCHEMA,
			    "type '%.32s' is not supported: libscsec maps criteria (type control)", type);
			bad = 1;
		}
		orig = sprop(it, "id", 0);
		(*out)[(*n)++] = orig ? orig : ref;
	}
	return bad ? -1 : 0;
}

static void add(rd *r, scsec_mapping_set *set, const scsec__jloc *at, const char *source,
                const char *target, scsec_relationship rel, scsec_rationale rat, int strength,
                int coverage, const char *note_text, size_t index)
{
	struct scsec_mapping *m;
	int rc;

	if ((rc = scsec__mapping_new(&m, source, target, rel))) {
		if (rc == SCSEC_ENOMEM)
			r->oom = 1;
		else
			ERR(r, at, SCSEC_ESCHEMA, "'%.64s' -> '%.64s': %s", source ? source : "",
			    target ? target : "nothing", scsec_error_message(scsec_error_last()));
		return;
	}
	m->rationale = rat;
	m->strength = strength;
	m->coverage = coverage;
	m->loc = (scsec__loc){ index + 1, 0 }; /* the map's index, until the duplicates are told */
	if ((note_text && (rc = scsec__set_str(&m->note, note_text))) ||
	    (rc = scsec__mapping_set_append(set, m))) {
		scsec__mapping_free(m);
		if (rc == SCSEC_ENOMEM)
			r->oom = 1;
	}
}

static void read_map(rd *r, scsec_mapping_set *set, const scsec__jloc *at, const json_t *mp,
                     size_t index)
{
	static const char *const skip[] = { "qualifiers", "links", NULL };
	const char *rel_s, *rat_s, *remarks, **src = NULL, **tgt = NULL;
	scsec_relationship rel = SCSEC_RELATIONSHIP_NONE;
	scsec_rationale rat = SCSEC_RATIONALE_NONE;
	int strength = SCSEC__PERMILLE_NONE, coverage = SCSEC__PERMILLE_NONE, bad = 0;
	const json_t *o;
	size_t ns, nt, i, j;

	if (!json_is_object(mp)) {
		ERR(r, at, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(mp));
		return;
	}
	ignored(r, at, mp, skip);
	if ((rel_s = scsec__jget_str(r->d, at, mp, "relationship", 1, &bad)) &&
	    scsec__relationship_parse(&rel, rel_s)) {
		scsec__jloc l = scsec__jat(at, "relationship", json_object_get(mp, "relationship"));

		ERR(r, &l, SCSEC_ESCHEMA,
		    "'%.64s' is not one of equal-to, equivalent-to, subset-of, superset-of, "
		    "intersects-with, no-relationship (NIST IR 8477)", rel_s);
		bad = 1;
	}
	if ((rat_s = scsec__jget_str(r->d, at, mp, "matching-rationale", 0, &bad)) &&
	    scsec__rationale_parse(&rat, rat_s)) {
		scsec__jloc l = scsec__jat(at, "matching-rationale",
		                           json_object_get(mp, "matching-rationale"));

		ERR(r, &l, SCSEC_ESCHEMA, "'%.64s' is not one of syntactic, semantic, functional",
		    rat_s);
		bad = 1;
	}
	if ((o = scsec__jget_object(r->d, at, mp, "confidence-score", 0, &bad))) {
		scsec__jloc l = scsec__jat(at, "confidence-score", o);

		if (json_object_get(o, "percentage"))
			fraction(r, &l, o, "percentage", &strength);
		else
			WARN(r, &l, "has no percentage: ignored (libscsec keeps a strength from 0 to 1)");
	}
	if ((o = scsec__jget_object(r->d, at, mp, "coverage", 0, &bad))) {
		scsec__jloc l = scsec__jat(at, "coverage", o);

		fraction(r, &l, o, "target-coverage", &coverage);
	}
	remarks = scsec__jget_str(r->d, at, mp, "remarks", 0, &bad);
	if (!items(r, at, mp, "sources", &src, &ns) & !items(r, at, mp, "targets", &tgt, &nt) &&
	    !bad)
		for (i = 0; i < ns; i++)
			for (j = 0; j < nt; j++)
				add(r, set, at, src[i], tgt[j], rel, rat, strength, coverage, remarks, index);
	scsec__free(src);
	scsec__free(tgt);
}

/* No-relationship mappings to nothing: the source gap summary's ids, each
 * the libscsec id kept in the mapping's "unmapped-id" props when given (in
 * the same order), with its note in the prop's remarks. */
static void read_gaps(rd *r, scsec_mapping_set *set, const scsec__jloc *at, const json_t *mp)
{
	int bad = 0;
	const json_t *g = scsec__jget_object(r->d, at, mp, "source-gap-summary", 0, &bad), *u, *sel;
	scsec__jloc gl = scsec__jat(at, "source-gap-summary", g), ul;
	size_t i, k = 0;

	if (!g || !(u = scsec__jget_array(r->d, &gl, g, "unmapped-controls", 1, &bad)))
		return;
	ul = scsec__jat(&gl, "unmapped-controls", u);
	json_array_foreach(u, i, sel) {
		scsec__jloc sl = scsec__jat_index(&ul, i, sel), wl;
		const json_t *ids, *v;
		size_t j;

		if (!json_is_object(sel)) {
			ERR(r, &sl, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(sel));
			continue;
		}
		if (json_object_get(sel, "matching") || json_object_get(sel, "with-child-controls"))
			ERR(r, &sl, SCSEC_ESCHEMA,
			    "selects controls by pattern or with children: libscsec needs their ids "
			    "(with-ids)");
		if (!(ids = scsec__jget_array(r->d, &sl, sel, "with-ids", 0, &bad)))
			continue;
		wl = scsec__jat(&sl, "with-ids", ids);
		json_array_foreach(ids, j, v) {
			scsec__jloc vl = scsec__jat_index(&wl, j, v);
			const json_t *p = sprop_at(mp, "unmapped-id", k++);
			const char *orig = json_string_value(json_object_get(p, "value"));
			const char *rem = json_string_value(json_object_get(p, "remarks"));

			if (!json_is_string(v))
				ERR(r, &vl, SCSEC_ESCHEMA, "%s, not a string", scsec__jtype_name(v));
			else
				add(r, set, &vl, orig ? orig : json_string_value(v), NULL,
				    SCSEC_RELATIONSHIP_NO_RELATIONSHIP, SCSEC_RATIONALE_NONE,
				    SCSEC__PERMILLE_NONE, SCSEC__PERMILLE_NONE, rem, 0);
		}
	}
}

/* The code of a refused document: the first error reported (never 0). */
static int failed(rd *r)
{
	int rc = r->oom ? scsec__error_set(SCSEC_ENOMEM, "out of memory")
	                : scsec__report_result(&r->d->rep);

	return rc ? rc : scsec__error_set(SCSEC_ESCHEMA, "%s: not a mapping set", r->d->rep.name);
}

static int set_from_tree(scsec_mapping_set **out, scsec__jdoc *d)
{
	static const char *const skip_mc[] = { "back-matter", NULL };
	static const char *const skip_mp[] = { "target-gap-summary", "confidence-score", "coverage",
		                               "links", NULL };
	scsec__jloc root = SCSEC__JROOT(d->root), ml, mdl, pl, al, mpl, mapsl;
	const json_t *mc, *meta, *prov, *mappings, *mp, *maps, *m;
	const char *model, *title, *version, *id, *status, *sid, *sver, *tid, *tver, *acc;
	const struct scsec_mapping *dup, *first;
	char sbuf[80], tbuf[80];
	scsec_mapping_set *set = NULL;
	size_t errors = d->rep.errors, i;
	rd r = { d, 0 };
	int bad = 0, rc;

	if (!(mc = scsec__oscal_model(d, &model)))
		return failed(&r);
	ml = scsec__jat(&root, model, mc);
	if (strcmp(model, "mapping-collection")) {
		ERR(&r, &ml, SCSEC_EINVALID, "the document is an OSCAL %.64s, not a mapping-collection",
		    model);
		return failed(&r);
	}
	ignored(&r, &ml, mc, skip_mc);
	if (!(meta = scsec__jget_object(d, &ml, mc, "metadata", 1, &bad)) |
	    !(prov = scsec__jget_object(d, &ml, mc, "provenance", 1, &bad)) |
	    !(mappings = scsec__jget_array(d, &ml, mc, "mappings", 1, &bad)))
		return failed(&r);
	mdl = scsec__jat(&ml, "metadata", meta);
	pl = scsec__jat(&ml, "provenance", prov);
	al = scsec__jat(&ml, "mappings", mappings);
	title = scsec__jget_str(d, &mdl, meta, "title", 1, &bad);
	version = scsec__jget_str(d, &mdl, meta, "version", 1, &bad);
	status = scsec__jget_str(d, &pl, prov, "status", 1, &bad);
	if (!(id = sprop(meta, "mapping-set-id", 0)))
		id = scsec__jget_str(d, &ml, mc, "uuid", 1, &bad);
	if (!title || !version || !status || !id)
		return failed(&r);
	if (json_array_size(mappings) != 1) {
		ERR(&r, &al, SCSEC_ESCHEMA,
		    "holds %zu mappings: a libscsec mapping set is one mapping from one criteria set "
		    "to another", json_array_size(mappings));
		return failed(&r);
	}
	mp = json_array_get(mappings, 0);
	mpl = scsec__jat_index(&al, 0, mp);
	if (!json_is_object(mp)) {
		ERR(&r, &mpl, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(mp));
		return failed(&r);
	}
	ignored(&r, &mpl, mp, skip_mp);
	if (resource(&r, &mpl, mp, "source-resource", &sid, &sver, sbuf, sizeof sbuf) |
	    resource(&r, &mpl, mp, "target-resource", &tid, &tver, tbuf, sizeof tbuf) ||
	    !(maps = scsec__jget_array(d, &mpl, mp, "maps", 1, &bad)) || bad || r.oom)
		return failed(&r);
	if ((rc = scsec_mapping_set_new(&set, id, version, sid, sver, tid, tver))) {
		if (rc == SCSEC_ENOMEM)
			return rc;
		ERR(&r, &ml, SCSEC_ESCHEMA, "%s", scsec_error_message(scsec_error_last()));
		return failed(&r);
	}
	/* the export writes the id as the title of a set without one */
	if (strcmp(title, id) && scsec__set_str(&set->title, title))
		r.oom = 1;
	if (!strcmp(status, "draft"))
		set->provisional = 1;
	for (i = 0; (acc = sprop(meta, "accepted-method", i)); i++) {
		scsec_method method;

		if (scsec_method_parse(&method, acc) ||
		    scsec_mapping_set_set_accepted(set, method, 1))
			ERR(&r, &mdl, SCSEC_ESCHEMA,
			    "accepted-method '%.64s' is not expert-reviewed or third-party", acc);
	}
	mapsl = scsec__jat(&mpl, "maps", maps);
	json_array_foreach(maps, i, m) {
		scsec__jloc l = scsec__jat_index(&mapsl, i, m);

		read_map(&r, set, &l, m, i);
		if (r.oom)
			break;
	}
	if (!r.oom)
		read_gaps(&r, set, &mpl, mp);
	if (!r.oom) {
		scsec__mapping_set_sort(set, &dup, &first);
		if (dup) {
			scsec__jloc l = scsec__jat_index(&mapsl, dup->loc.line ? dup->loc.line - 1 : 0,
			                                 json_array_get(maps, dup->loc.line - 1));

			ERR(&r, dup->loc.line ? &l : &mpl, SCSEC_EEXISTS,
			    "'%s' is mapped to '%s' a second time", dup->source,
			    dup->target ? dup->target : "nothing");
		}
		for (i = 0; i < set->count; i++)
			set->items[i]->loc = (scsec__loc){ 0, 0 };
	}
	if (r.oom || d->rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (d->rep.errors > errors)
		rc = scsec__report_result(&d->rep);
	if (rc) {
		scsec_mapping_set_free(set);
		return rc;
	}
	*out = set;
	return 0;
}

int scsec__mapping_set_read_oscal(void *out, scsec__source *src, const void *arg,
                                  const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec__jdoc doc;
	int rc;

	(void)arg;
	if (!(rc = scsec__json_parse(&doc, src, opts, diags)))
		rc = set_from_tree(out, &doc);
	scsec__jdoc_dispose(&doc);
	return rc;
}

int scsec_mapping_set_load_oscal_file(scsec_mapping_set **out, const char *path,
                                      const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	return scsec__read(out, scsec__mapping_set_read_oscal, NULL, path, NULL, 0, NULL, opts,
	                   diags);
}

int scsec_mapping_set_load_oscal_memory(scsec_mapping_set **out, const void *data, size_t size,
                                        const char *name, const scsec_load_options *opts,
                                        scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, scsec__mapping_set_read_oscal, NULL, NULL, data, size, name, opts,
	                   diags);
}
