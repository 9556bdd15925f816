/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* OSCAL out (scsec/oscal.h; the mapping is in doc/oscal.md): a criteria
 * set as a catalog and one profile per level; a result as
 * assessment-results and its gaps as a POA&M. JSON through jansson, with
 * members in a fixed order; every UUID is name-based (version 5) from the
 * content and every date comes from the content, so the same inputs give
 * the same bytes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec/oscal.h"
#include "scsec/eval.h"
#include "scsec/evidence.h"
#include "io/oscal.h"
#include "model/criteria.h"
#include "model/mapping.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/digest.h"
#include "util/util.h"

#define OSCAL_VERSION "1.2.1"

/* The namespace of libscsec's name-based UUIDs (doc/oscal.md). */
static const unsigned char uuid_ns[16] = { 0x6b, 0x1c, 0x9d, 0x42, 0x7e, 0x0f, 0x4f, 0x3a,
	                                   0x9c, 0x1d, 0x5a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f };

typedef struct out {
	int failed;              /* out of memory or a digest failure */
	scsec__map ids;          /* libscsec id -> OSCAL id (owned strings) */
	scsec__map used;         /* OSCAL ids given */
	char **owned;
	size_t nowned;
	size_t cowned;
} out;

/* ------------------------------------------------------------ building */

static json_t *str(out *o, const char *s)
{
	json_t *v = s ? json_string(s) : NULL;

	if (!v)
		o->failed = 1;
	return v;
}

static void set(out *o, json_t *obj, const char *key, json_t *v)
{
	if (!obj || !v || json_object_set_new(obj, key, v)) {
		json_decref(v);
		o->failed = 1;
	}
}

static void sets(out *o, json_t *obj, const char *key, const char *s)
{
	set(o, obj, key, str(o, s));
}

static void push(out *o, json_t *arr, json_t *v)
{
	if (!arr || !v || json_array_append_new(arr, v)) {
		json_decref(v);
		o->failed = 1;
	}
}

static json_t *obj(out *o)
{
	json_t *v = json_object();

	if (!v)
		o->failed = 1;
	return v;
}

static json_t *arr(out *o)
{
	json_t *v = json_array();

	if (!v)
		o->failed = 1;
	return v;
}

/* Set key to the array when it is not empty (OSCAL arrays have minItems 1). */
static void set_array(out *o, json_t *parent, const char *key, json_t *a)
{
	if (a && !json_array_size(a)) {
		json_decref(a);
		return;
	}
	set(o, parent, key, a);
}

/* A one-line string fit for OSCAL's string and markup-line types: no line
 * breaks, no surrounding white space; NULL when nothing is left. */
static char *one_line(const char *s, size_t max)
{
	size_t n, i, k = 0;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s);
	scsec__trim(&s, &n);
	if (!n || !(d = scsec__malloc(n + 4)))
		return NULL;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && k && d[k - 1] == ' ')
			continue;
		d[k++] = c;
	}
	if (k > max) {
		k = max;
		while (k && ((unsigned char)d[k] & 0xc0) == 0x80)
			k--; /* not inside a UTF-8 sequence */
		while (k && d[k - 1] == ' ')
			k--;
		memcpy(d + k, "\xe2\x80\xa6", 3); /* … */
		k += 3;
	}
	while (k && d[k - 1] == ' ')
		k--;
	d[k] = '\0';
	return d;
}

static json_t *line(out *o, const char *s, const char *fallback)
{
	char *l = one_line(s, 200);
	json_t *v;

	if (!l)
		return str(o, fallback);
	v = str(o, l);
	scsec__free(l);
	return v;
}

static json_t *prop(out *o, const char *name, const char *ns, const char *cls, const char *value)
{
	json_t *p = obj(o);
	char *v = one_line(value, 1000);

	if (!v) {
		json_decref(p);
		return NULL;
	}
	sets(o, p, "name", name);
	if (ns)
		sets(o, p, "ns", ns);
	if (cls)
		sets(o, p, "class", cls);
	sets(o, p, "value", v);
	scsec__free(v);
	return p;
}

/* Append a prop of libscsec's namespace when the value is not empty. */
static void sprop(out *o, json_t *props, const char *name, const char *cls, const char *value)
{
	json_t *p = prop(o, name, SCSEC__NS_OSCAL_SCSEC, cls, value);

	if (p)
		push(o, props, p);
}

static void uuid(out *o, char buf[37], const char *kind, const char *a, const char *b)
{
	scsec__buf n = SCSEC__BUF_INIT;

	scsec__buf_printf(&n, "%s\n%s\n%s", kind, a ? a : "", b ? b : "");
	if (scsec__buf_error(&n) || scsec__uuid5(buf, uuid_ns, n.data, n.len)) {
		o->failed = 1;
		strcpy(buf, "00000000-0000-5000-8000-000000000000");
	}
	scsec__buf_dispose(&n);
}

static void date_time(char buf[32], scsec_date d, const char *time)
{
	char day[SCSEC_DATE_BUFSIZE];

	if (scsec_date_format(day, d))
		strcpy(day, "1970-01-01");
	snprintf(buf, 32, "%sT%sZ", day, time);
}

/* ------------------------------------------------------------ ids */

static int token_char(char c, int first)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
	       (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

/* The OSCAL id (an NCName token) of a libscsec id: the id when it is one,
 * else "_" before a leading digit and "_" for each ':'; made unique with
 * "_2", "_3" ... in the order ids are first asked for. */
static const char *oid(out *o, const char *id)
{
	const char *have = scsec__map_get(&o->ids, id);
	char buf[96], *s;
	size_t i, k = 0;
	int n;

	if (have)
		return have;
	if (!token_char(id[0], 1))
		buf[k++] = '_';
	for (i = 0; id[i] && k < 80; i++)
		buf[k++] = token_char(id[i], 0) ? id[i] : '_';
	buf[k] = '\0';
	for (n = 2; scsec__map_get(&o->used, buf); n++)
		snprintf(buf + k, sizeof buf - k, "_%d", n);
	if (!(s = scsec__strdup(buf)) ||
	    scsec__grow(&o->owned, &o->cowned, o->nowned + 1, sizeof *o->owned)) {
		scsec__free(s);
		o->failed = 1;
		return id;
	}
	o->owned[o->nowned++] = s;
	if (scsec__map_set(&o->ids, id, s) || scsec__map_set(&o->used, s, s))
		o->failed = 1;
	return s;
}

/* A token for a prop's class: the text, "_" before a character that cannot
 * start one and for each that cannot be in one (not unique: the original
 * travels in a prop of its own). */
static void tok(char *buf, size_t size, const char *s)
{
	size_t k = 0, i;

	if (!token_char(s[0], 1) && k + 1 < size)
		buf[k++] = '_';
	for (i = 0; s[i] && k + 1 < size; i++)
		buf[k++] = token_char(s[i], 0) ? s[i] : '_';
	buf[k] = '\0';
}

/* Give every id of the set its OSCAL id, in document order, so that the
 * catalog, the profiles, the assessment results and the POA&M agree. */
static void assign_ids(out *o, const scsec_criteria *c)
{
	size_t i;

	for (i = 0; i < c->ncategories; i++)
		oid(o, c->categories[i]->id);
	for (i = 0; i < c->nrequirements; i++) {
		size_t j;

		oid(o, c->requirements[i]->id);
		for (j = 0; j < c->requirements[i]->ncriteria; j++)
			oid(o, c->requirements[i]->criteria[j]->id);
	}
	for (i = 0; i < c->nprereqs; i++)
		oid(o, c->prereqs[i]->id);
}

static void out_init(out *o, const scsec_criteria *c)
{
	memset(o, 0, sizeof *o);
	assign_ids(o, c);
}

static void out_dispose(out *o)
{
	size_t i;

	for (i = 0; i < o->nowned; i++)
		scsec__free(o->owned[i]);
	scsec__free(o->owned);
	scsec__map_dispose(&o->ids);
	scsec__map_dispose(&o->used);
}

/* Serialise root (taking it) into *res: indented JSON and a final newline. */
static int finish_flags(out *o, json_t *root, char **res, size_t *size, size_t flags)
{
	char *js = NULL, *copy;
	size_t n;

	if (!o->failed)
		js = json_dumps(root, flags);
	json_decref(root);
	if (!js) {
		out_dispose(o);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	n = strlen(js);
	if (!(copy = scsec__malloc(n + 2))) {
		free(js);
		out_dispose(o);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	memcpy(copy, js, n);
	copy[n] = '\n';
	copy[n + 1] = '\0';
	free(js);
	out_dispose(o);
	*res = copy;
	if (size)
		*size = n + 1;
	return 0;
}

static int finish(out *o, json_t *root, char **res, size_t *size)
{
	return finish_flags(o, root, res, size, JSON_INDENT(2));
}

static const char *en(const scsec__texts *t)
{
	return scsec__texts_get(t, "en");
}

/* ------------------------------------------------------------ metadata */

/* OSCAL's metadata, members in the model's order; props and remarks are
 * taken (either may be NULL). */
static json_t *metadata(out *o, const char *title, scsec_date date, int published,
                        const char *version, json_t *props, const char *publisher,
                        const char *remarks)
{
	json_t *m = obj(o);
	char when[32];

	date_time(when, date, "00:00:00");
	set(o, m, "title", line(o, title, "Untitled"));
	if (published)
		sets(o, m, "published", when);
	sets(o, m, "last-modified", when);
	sets(o, m, "version", version && *version ? version : "1");
	sets(o, m, "oscal-version", OSCAL_VERSION);
	if (props)
		set_array(o, m, "props", props);
	if (publisher && !scsec__blank_str(publisher)) {
		json_t *roles = arr(o), *role = obj(o), *parties = arr(o), *party = obj(o);
		json_t *rps = arr(o), *rp = obj(o), *uuids = arr(o);
		char pu[37];

		uuid(o, pu, "party", publisher, NULL);
		sets(o, role, "id", "publisher");
		sets(o, role, "title", "Publisher");
		push(o, roles, role);
		sets(o, party, "uuid", pu);
		sets(o, party, "type", "organization");
		set(o, party, "name", line(o, publisher, "?"));
		push(o, parties, party);
		sets(o, rp, "role-id", "publisher");
		push(o, uuids, str(o, pu));
		set(o, rp, "party-uuids", uuids);
		push(o, rps, rp);
		set(o, m, "roles", roles);
		set(o, m, "parties", parties);
		set(o, m, "responsible-parties", rps);
	}
	if (remarks)
		sets(o, m, "remarks", remarks);
	return m;
}

/* ------------------------------------------------------------ the catalog */

static json_t *statement(out *o, const char *id, const char *text)
{
	json_t *parts = arr(o), *p = obj(o);
	char sid[120];

	snprintf(sid, sizeof sid, "%s_smt", id);
	sets(o, p, "id", sid);
	sets(o, p, "name", "statement");
	sets(o, p, "prose", text);
	push(o, parts, p);
	return parts;
}

static json_t *criterion_control(out *o, const struct scsec_criterion *cr)
{
	json_t *ctl = obj(o), *props = arr(o);
	const char *text = en(&cr->text);
	const char *id = oid(o, cr->id);
	char buf[32];
	size_t i;

	sets(o, ctl, "id", id);
	sets(o, ctl, "class", "scsec-criterion");
	set(o, ctl, "title", line(o, text, cr->id));
	sprop(o, props, "id", NULL, cr->id);
	push(o, props, prop(o, "label", NULL, NULL, cr->id));
	for (i = 0; i < cr->nrefs; i++) {
		char t[96];

		tok(t, sizeof t, cr->refs[i].framework);
		sprop(o, props, "ref", t, cr->refs[i].clauses);
	}
	if (!cr->na_allowed)
		sprop(o, props, "na-allowed", NULL, "false");
	if (cr->weight != 1) {
		snprintf(buf, sizeof buf, "%d", cr->weight);
		sprop(o, props, "weight", NULL, buf);
	}
	if (cr->poam_eligible)
		sprop(o, props, "poam-eligible", NULL, "true");
	set(o, ctl, "props", props);
	if (text)
		set(o, ctl, "parts", statement(o, id, text));
	return ctl;
}

static json_t *requirement_control(out *o, const struct scsec_requirement *r)
{
	json_t *ctl = obj(o), *props = arr(o), *subs = arr(o);
	const char *id = oid(o, r->id), *text = en(&r->text);
	size_t i;

	sets(o, ctl, "id", id);
	sets(o, ctl, "class", "scsec-requirement");
	set(o, ctl, "title", line(o, en(&r->name), r->id));
	sprop(o, props, "kind", NULL, "requirement");
	sprop(o, props, "id", NULL, r->id);
	set(o, ctl, "props", props);
	if (text)
		set(o, ctl, "parts", statement(o, id, text));
	for (i = 0; i < r->ncriteria; i++)
		push(o, subs, criterion_control(o, r->criteria[i]));
	set_array(o, ctl, "controls", subs);
	return ctl;
}

static json_t *group(out *o, const scsec_criteria *c, const struct scsec_category *cat)
{
	json_t *g = obj(o), *props = arr(o), *groups = arr(o), *controls = arr(o);
	size_t i;

	sets(o, g, "id", oid(o, cat->id));
	sets(o, g, "class", "scsec-category");
	set(o, g, "title", line(o, en(&cat->title), cat->id));
	sprop(o, props, "id", NULL, cat->id);
	if (cat->own_function)
		sprop(o, props, "function", NULL, scsec_function_code(cat->own_function));
	set(o, g, "props", props);
	for (i = 0; i < c->ncategories; i++)
		if (c->categories[i]->parent == cat)
			push(o, groups, group(o, c, c->categories[i]));
	for (i = 0; i < c->nrequirements; i++)
		if (c->requirements[i]->category == cat)
			push(o, controls, requirement_control(o, c->requirements[i]));
	set_array(o, g, "controls", controls);
	set_array(o, g, "groups", groups);
	return g;
}

int scsec_criteria_oscal_catalog(char **res, size_t *size, const scsec_criteria *c)
{
	json_t *root, *cat, *meta, *props, *groups;
	char u[37];
	size_t i;
	out o;

	SCSEC__CHECK_ARG(res);
	*res = NULL;
	SCSEC__CHECK_ARG(c);
	out_init(&o, c);
	uuid(&o, u, "catalog", c->fingerprint, NULL);
	root = obj(&o);
	cat = obj(&o);
	sets(&o, cat, "uuid", u);
	props = arr(&o);
	sprop(&o, props, "id", NULL, c->id);
	sprop(&o, props, "fingerprint", NULL, c->fingerprint);
	for (i = 0; i < c->nframeworks; i++) {
		char t[96];

		tok(t, sizeof t, c->frameworks[i]->id);
		sprop(&o, props, "framework-id", t, c->frameworks[i]->id);
		sprop(&o, props, "framework", t, c->frameworks[i]->title);
	}

	if (c->source)
		sprop(&o, props, "source", NULL, c->source);
	if (c->source_uri)
		sprop(&o, props, "source-uri", NULL, c->source_uri);
	meta = metadata(&o, en(&c->title), c->issued, c->issued != SCSEC_DATE_NONE, c->version,
	                props, c->publisher, en(&c->description));
	set(&o, cat, "metadata", meta);
	groups = arr(&o);
	for (i = 0; i < c->ncategories; i++)
		if (!c->categories[i]->parent)
			push(&o, groups, group(&o, c, c->categories[i]));
	if (c->nprereqs) {
		/* prerequisites: controls of a group of their own, which the
		 * profiles of the levels needing them select */
		json_t *g = obj(&o), *gp = arr(&o), *ctls = arr(&o);

		sets(&o, g, "id", "scsec-prerequisites");
		sets(&o, g, "class", "scsec-prerequisites");
		sets(&o, g, "title", "Prerequisites");
		sprop(&o, gp, "kind", NULL, "prerequisites");
		set(&o, g, "props", gp);
		for (i = 0; i < c->nprereqs; i++) {
			const struct scsec_prerequisite *pr = c->prereqs[i];
			json_t *ctl = obj(&o), *cp = arr(&o);
			const char *id = oid(&o, pr->id);

			sets(&o, ctl, "id", id);
			sets(&o, ctl, "class", "scsec-prerequisite");
			set(&o, ctl, "title", line(&o, en(&pr->title), pr->id));
			sprop(&o, cp, "kind", NULL, "prerequisite");
			sprop(&o, cp, "id", NULL, pr->id);
			set(&o, ctl, "props", cp);
			if (en(&pr->description))
				set(&o, ctl, "parts", statement(&o, id, en(&pr->description)));
			push(&o, ctls, ctl);
		}
		set(&o, g, "controls", ctls);
		push(&o, groups, g);
	}
	set_array(&o, cat, "groups", groups);
	set(&o, root, "catalog", cat);
	return finish(&o, root, res, size);
}

/* ------------------------------------------------------------ profiles */

int scsec_criteria_oscal_profile(char **res, size_t *size, const scsec_criteria *c, int rank,
                                 const char *catalog_href)
{
	const struct scsec_level *l = NULL;
	json_t *root, *p, *meta, *props, *imports, *im, *sel, *sels, *ids;
	char u[37], r[16];
	size_t i;
	out o;

	SCSEC__CHECK_ARG(res);
	*res = NULL;
	SCSEC__CHECK_ARG(c);
	SCSEC__CHECK_ARG(catalog_href && *catalog_href);
	for (i = 0; i < c->nlevels; i++)
		if (c->levels[i]->rank == rank)
			l = c->levels[i];
	if (!l)
		return scsec__error_set(SCSEC_ENOTFOUND, "the set has no level %d", rank);
	if (!l->ncriteria && !l->nprereqs)
		return scsec__error_set(SCSEC_EINVALID,
		                        "level %d has no criteria: an OSCAL profile cannot select none",
		                        rank);
	out_init(&o, c);
	snprintf(r, sizeof r, "%d", rank);
	uuid(&o, u, "profile", c->fingerprint, r);
	root = obj(&o);
	p = obj(&o);
	sets(&o, p, "uuid", u);
	props = arr(&o);
	sprop(&o, props, "rank", NULL, r);
	sprop(&o, props, "label", NULL, l->label);
	sprop(&o, props, "method", NULL, scsec_method_name(l->method));
	sprop(&o, props, "validity", NULL, l->validity);
	sprop(&o, props, "validity-provisional", NULL, l->provisional ? "true" : "false");
	sprop(&o, props, "requires-lower", NULL, l->requires_lower ? "true" : "false");
	meta = metadata(&o, en(&l->title) ? en(&l->title) : l->label, c->issued, 0, c->version, props,
	                NULL, NULL);
	set(&o, p, "metadata", meta);
	imports = arr(&o);
	im = obj(&o);
	sets(&o, im, "href", catalog_href);
	sels = arr(&o);
	sel = obj(&o);
	ids = arr(&o);
	for (i = 0; i < l->ncriteria; i++)
		push(&o, ids, str(&o, oid(&o, c->criteria[l->criteria[i]]->id)));
	for (i = 0; i < l->nprereqs; i++)
		push(&o, ids, str(&o, oid(&o, l->prereqs[i]->id)));
	set(&o, sel, "with-ids", ids);
	push(&o, sels, sel);
	set(&o, im, "include-controls", sels);
	push(&o, imports, im);
	set(&o, p, "imports", imports);
	set(&o, root, "profile", p);
	return finish(&o, root, res, size);
}

/* ------------------------------------------------------------ results */

/* OSCAL's assessment method for a libscsec method (doc/oscal.md). */
static const char *oscal_method(scsec_method m)
{
	switch (m) {
	case SCSEC_METHOD_SELF: return "INTERVIEW";
	case SCSEC_METHOD_EXPERT_REVIEWED: return "EXAMINE";
	case SCSEC_METHOD_THIRD_PARTY: return "TEST";
	default: return "UNKNOWN";
	}
}

typedef struct rctx {
	out o;
	const scsec_result *r;
	const scsec_criteria *c;
	const scsec_evidence *ev;
	const struct scsec_level *gap;  /* the gap level, or NULL */
	char seed[65];                  /* the SHA-256 of the result's JSON and the record */
	scsec__map gaps;                /* id -> gap */
} rctx;

static int rctx_init(rctx *x, const scsec_result *r, const scsec_evidence *ev)
{
	char *js = NULL, fp[SCSEC_FINGERPRINT_BUFSIZE] = "";
	size_t n = 0, i;
	int rc, gl;
	scsec__buf b = SCSEC__BUF_INIT;

	memset(x, 0, sizeof *x);
	x->r = r;
	x->ev = ev;
	x->c = scsec_result_criteria(r);
	if (!x->c)
		return scsec__error_set(SCSEC_EINVAL, "the result has no criteria set");
	out_init(&x->o, x->c);
	if ((rc = scsec_result_to_json(&js, &n, r))) {
		out_dispose(&x->o);
		return rc;
	}
	if (ev && (rc = scsec_evidence_fingerprint(fp, ev))) {
		scsec_free(js);
		out_dispose(&x->o);
		return rc;
	}
	scsec__buf_put(&b, js, n);
	scsec__buf_puts(&b, fp);
	scsec_free(js);
	if (scsec__buf_error(&b) || scsec__sha256_hex(x->seed, b.data, b.len)) {
		scsec__buf_dispose(&b);
		out_dispose(&x->o);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	scsec__buf_dispose(&b);
	gl = scsec_result_gap_level(r);
	for (i = 0; i < x->c->nlevels; i++)
		if (x->c->levels[i]->rank == gl)
			x->gap = x->c->levels[i];
	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		if (scsec__map_set(&x->gaps, scsec_gap_id(g), (void *)g))
			x->o.failed = 1;
	}
	return 0;
}

static void rctx_dispose(rctx *x)
{
	scsec__map_dispose(&x->gaps);
}

static const char *item_id(const rctx *x, const struct scsec__gap_item *it)
{
	return x->c->item_id[it->item];
}

static const char *item_text(const rctx *x, const struct scsec__gap_item *it)
{
	if (it->item < x->c->ncriteria)
		return en(&x->c->criteria[it->item]->text);
	return en(&x->c->prereqs[it->item - x->c->ncriteria]->title);
}

static json_t *result_props(rctx *x)
{
	json_t *props = arr(&x->o);
	const scsec_result *r = x->r;
	char buf[32];

	snprintf(buf, sizeof buf, "%d", scsec_result_level(r));
	sprop(&x->o, props, "achieved-level", NULL, buf);
	sprop(&x->o, props, "achieved-level-label", NULL, scsec_result_level_label(r));
	if (scsec_result_valid_until(r) != SCSEC_DATE_NONE &&
	    !scsec_date_format(buf, scsec_result_valid_until(r)))
		sprop(&x->o, props, "valid-until", NULL, buf);
	if (!scsec_date_format(buf, scsec_result_as_of(r)))
		sprop(&x->o, props, "as-of", NULL, buf);
	snprintf(buf, sizeof buf, "%d", scsec_result_gap_level(r));
	sprop(&x->o, props, "gap-level", NULL, buf);
	if (scsec_result_required_level(r)) {
		snprintf(buf, sizeof buf, "%d", scsec_result_required_level(r));
		sprop(&x->o, props, "required-level", NULL, buf);
		sprop(&x->o, props, "meets-required", NULL,
		      scsec_result_meets_required(r) ? "true" : "false");
	}
	sprop(&x->o, props, "criteria-id", NULL, scsec_result_criteria_id(r));
	sprop(&x->o, props, "criteria-version", NULL, scsec_result_criteria_version(r));
	sprop(&x->o, props, "criteria-fingerprint", NULL, scsec_result_criteria_fingerprint(r));
	sprop(&x->o, props, "evidence-fingerprint", NULL, scsec_result_evidence_fingerprint(r));
	sprop(&x->o, props, "engine", NULL, scsec_result_engine(r));
	sprop(&x->o, props, "subject-name", NULL, scsec_result_subject_name(r));
	return props;
}

static json_t *finding(rctx *x, const struct scsec__gap_item *it, const char *obs_uuid)
{
	const char *id = item_id(x, it);
	const scsec_gap *g = scsec__map_get(&x->gaps, id);
	json_t *f = obj(&x->o), *t = obj(&x->o), *st = obj(&x->o), *props = arr(&x->o);
	json_t *tprops = arr(&x->o);
	char u[37];

	uuid(&x->o, u, "finding", x->seed, id);
	sets(&x->o, f, "uuid", u);
	set(&x->o, f, "title", line(&x->o, id, id));
	sets(&x->o, f, "description", item_text(x, it) ? item_text(x, it) : id);
	sprop(&x->o, props, "id", NULL, id);
	if (it->item >= x->c->ncriteria)
		sprop(&x->o, props, "kind", NULL, "prerequisite");
	if (g)
		sprop(&x->o, props, "reason", NULL, scsec_reason_name(scsec_gap_reason(g)));
	set(&x->o, f, "props", props);
	sets(&x->o, t, "type", "objective-id");
	sets(&x->o, t, "target-id", oid(&x->o, id));
	sprop(&x->o, tprops, "id", NULL, id);
	set(&x->o, t, "props", tprops);
	sets(&x->o, st, "state", g ? "not-satisfied" : "satisfied");
	set(&x->o, t, "status", st);
	set(&x->o, f, "target", t);
	if (obs_uuid) {
		json_t *rel = arr(&x->o), *ro = obj(&x->o);

		sets(&x->o, ro, "observation-uuid", obs_uuid);
		push(&x->o, rel, ro);
		set(&x->o, f, "related-observations", rel);
	}
	return f;
}

/* The entry's last valid day at the gap level (doc/evaluation.md rule 1):
 * assessed + the level's validity - 1 day, or expires_on when earlier. */
static scsec_date last_valid(const rctx *x, const scsec_entry *e)
{
	scsec_date exp = scsec_entry_expires_on(e), a = scsec_entry_assessed_on(e), d;

	if (a == SCSEC_DATE_NONE || !x->gap || scsec__date_add(&d, a, &x->gap->duration))
		return exp;
	d -= 1;
	return exp != SCSEC_DATE_NONE && exp < d ? exp : d;
}

static int year_ok(scsec_date d)
{
	char buf[SCSEC_DATE_BUFSIZE];

	return !scsec_date_format(buf, d) && (buf[0] == '1' ? buf[1] == '9' : buf[0] == '2');
}

static json_t *observation(rctx *x, const scsec_entry *e, const char *ou, json_t *parties,
                           scsec__map *party_of)
{
	json_t *ob = obj(&x->o), *props = arr(&x->o), *methods = arr(&x->o), *ev = arr(&x->o);
	const char *id = scsec_entry_id(e), *who = scsec_entry_assessor(e);
	scsec_date assessed = scsec_entry_assessed_on(e), last = last_valid(x, e);
	scsec__buf d = SCSEC__BUF_INIT;
	char when[32], day[SCSEC_DATE_BUFSIZE];
	size_t i;

	sets(&x->o, ob, "uuid", ou);
	set(&x->o, ob, "title", line(&x->o, id, id));
	scsec__buf_printf(&d, "Evidence entry %s: %s.", id,
	                  scsec_entry_status(e) ? scsec_status_name(scsec_entry_status(e))
	                                        : "unanswered");
	if (scsec_entry_note(e))
		scsec__buf_printf(&d, "\n\n%s", scsec_entry_note(e));
	scsec__buf_putc(&d, '\0');
	if (scsec__buf_error(&d))
		x->o.failed = 1;
	else
		sets(&x->o, ob, "description", d.data);
	scsec__buf_dispose(&d);
	sprop(&x->o, props, "id", NULL, id);
	if (scsec_entry_status(e))
		sprop(&x->o, props, "status", NULL, scsec_status_name(scsec_entry_status(e)));
	if (scsec_entry_method(e))
		sprop(&x->o, props, "method", NULL, scsec_method_name(scsec_entry_method(e)));
	if (scsec_entry_assessor_id(e))
		sprop(&x->o, props, "assessor-id", NULL, scsec_entry_assessor_id(e));
	if (assessed != SCSEC_DATE_NONE && !scsec_date_format(day, assessed))
		sprop(&x->o, props, "assessed-on", NULL, day);
	if (last != SCSEC_DATE_NONE && !scsec_date_format(day, last))
		sprop(&x->o, props, "last-valid-day", NULL, day);
	if (scsec_entry_expires_on(e) != SCSEC_DATE_NONE &&
	    !scsec_date_format(day, scsec_entry_expires_on(e)))
		sprop(&x->o, props, "expires-on", NULL, day);
	set(&x->o, ob, "props", props);
	push(&x->o, methods, str(&x->o, oscal_method(scsec_entry_method(e))));
	set(&x->o, ob, "methods", methods);
	if (who && !scsec__blank_str(who)) {
		const char *pu = scsec__map_get(party_of, who);
		json_t *origins = arr(&x->o), *orig = obj(&x->o), *actors = arr(&x->o), *a = obj(&x->o);

		if (!pu) {
			char buf[37], *s;
			json_t *party = obj(&x->o);

			uuid(&x->o, buf, "party", who, NULL);
			if (!(s = scsec__strdup(buf)) || scsec__map_set(party_of, who, s) ||
			    scsec__grow(&x->o.owned, &x->o.cowned, x->o.nowned + 1, sizeof *x->o.owned)) {
				scsec__free(s);
				x->o.failed = 1;
				s = NULL;
			} else {
				x->o.owned[x->o.nowned++] = s;
			}
			pu = s ? s : "00000000-0000-5000-8000-000000000000";
			sets(&x->o, party, "uuid", pu);
			sets(&x->o, party, "type", "person");
			set(&x->o, party, "name", line(&x->o, who, "?"));
			push(&x->o, parties, party);
		}
		sets(&x->o, a, "type", "party");
		sets(&x->o, a, "actor-uuid", pu);
		sets(&x->o, a, "role-id", "assessor");
		push(&x->o, actors, a);
		set(&x->o, orig, "actors", actors);
		push(&x->o, origins, orig);
		set(&x->o, ob, "origins", origins);
	}
	for (i = 0; i < scsec_entry_artifact_count(e); i++) {
		const char *uri = NULL, *sha = NULL;
		json_t *re = obj(&x->o), *rp = arr(&x->o);

		if (scsec_entry_artifact_get(&uri, &sha, e, i) || !uri) {
			json_decref(re);
			json_decref(rp);
			continue;
		}
		sets(&x->o, re, "href", uri);
		if (sha)
			sprop(&x->o, rp, "sha256", NULL, sha);
		set_array(&x->o, re, "props", rp);
		sets(&x->o, re, "description", "An artifact the evidence entry names.");
		push(&x->o, ev, re);
	}
	set_array(&x->o, ob, "relevant-evidence", ev);
	date_time(when, assessed != SCSEC_DATE_NONE ? assessed : scsec_result_as_of(x->r),
	          "00:00:00");
	sets(&x->o, ob, "collected", when);
	if (last != SCSEC_DATE_NONE && year_ok(last)) {
		date_time(when, last, "23:59:59");
		sets(&x->o, ob, "expires", when);
	}
	if (scsec_entry_justification(e))
		sets(&x->o, ob, "remarks", scsec_entry_justification(e));
	return ob;
}

static void free_party_map(scsec__map *m)
{
	scsec__map_dispose(m); /* the strings are owned by the out */
}

static json_t *ar_result(rctx *x, json_t *parties, int with_observations)
{
	json_t *res = obj(&x->o), *obs = arr(&x->o), *fnd = arr(&x->o);
	json_t *rc = obj(&x->o), *cs = arr(&x->o), *csel = obj(&x->o), *inc = arr(&x->o);
	scsec__map party_of = { 0 }, obs_of = { 0 };
	char u[37], when[32], day[SCSEC_DATE_BUFSIZE];
	scsec__buf d = SCSEC__BUF_INIT;
	size_t i;

	uuid(&x->o, u, "result", x->seed, NULL);
	sets(&x->o, res, "uuid", u);
	scsec_date_format(day, scsec_result_as_of(x->r));
	scsec__buf_printf(&d, "libscsec evaluation against %s version %s as of %s",
	                  scsec_result_criteria_id(x->r), scsec_result_criteria_version(x->r), day);
	scsec__buf_putc(&d, '\0');
	if (scsec__buf_error(&d))
		x->o.failed = 1;
	else
		sets(&x->o, res, "title", d.data);
	scsec__buf_reset(&d);
	if (scsec_result_level(x->r))
		scsec__buf_printf(&d, "Achieved level %d (%s)", scsec_result_level(x->r),
		                  scsec_result_level_label(x->r) ? scsec_result_level_label(x->r) : "");
	else
		scsec__buf_puts(&d, "No level achieved");
	scsec__buf_printf(&d, "; the findings are those of level %d, with %zu gaps.",
	                  scsec_result_gap_level(x->r), scsec_result_gap_count(x->r));
	scsec__buf_putc(&d, '\0');
	if (scsec__buf_error(&d))
		x->o.failed = 1;
	else
		sets(&x->o, res, "description", d.data);
	scsec__buf_dispose(&d);
	date_time(when, scsec_result_as_of(x->r), "00:00:00");
	sets(&x->o, res, "start", when);
	sets(&x->o, res, "end", when);
	set(&x->o, res, "props", result_props(x));
	/* the observations first: the findings point at them */
	if (with_observations && x->ev) {
		for (i = 0; i < scsec_evidence_entry_count(x->ev); i++) {
			const scsec_entry *e = scsec_evidence_entry_at(x->ev, i);
			char ou[37], *s;

			uuid(&x->o, ou, "observation", x->seed, scsec_entry_id(e));
			push(&x->o, obs, observation(x, e, ou, parties, &party_of));
			if (!(s = scsec__strdup(ou)) ||
			    scsec__grow(&x->o.owned, &x->o.cowned, x->o.nowned + 1, sizeof *x->o.owned)) {
				scsec__free(s);
				x->o.failed = 1;
				continue;
			}
			x->o.owned[x->o.nowned++] = s;
			if (scsec__map_set(&obs_of, scsec_entry_id(e), s))
				x->o.failed = 1;
		}
	}
	for (i = 0; x->gap && i < x->gap->ngap_items; i++) {
		const struct scsec__gap_item *it = &x->gap->gap_items[i];
		json_t *sel = obj(&x->o);

		push(&x->o, fnd, finding(x, it, scsec__map_get(&obs_of, item_id(x, it))));
		if (it->item < x->c->ncriteria) {
			sets(&x->o, sel, "control-id", oid(&x->o, item_id(x, it)));
			push(&x->o, inc, sel);
		} else {
			json_decref(sel);
		}
	}
	if (json_array_size(inc))
		set(&x->o, csel, "include-controls", inc);
	else {
		json_decref(inc);
		set(&x->o, csel, "include-all", obj(&x->o));
	}
	push(&x->o, cs, csel);
	set(&x->o, rc, "control-selections", cs);
	set(&x->o, res, "reviewed-controls", rc);
	set_array(&x->o, res, "observations", obs);
	set_array(&x->o, res, "findings", fnd);
	free_party_map(&party_of);
	scsec__map_dispose(&obs_of);
	return res;
}

static json_t *result_metadata(rctx *x, const char *what, json_t *parties)
{
	const char *subject = scsec_result_subject_name(x->r);
	json_t *m, *roles;
	scsec__buf t = SCSEC__BUF_INIT;

	scsec__buf_printf(&t, "%s: %s against %s %s", what, subject ? subject : "supplier",
	                  scsec_result_criteria_id(x->r), scsec_result_criteria_version(x->r));
	scsec__buf_putc(&t, '\0');
	m = metadata(&x->o, scsec__buf_error(&t) ? what : t.data, scsec_result_as_of(x->r), 0, "1",
	             NULL, NULL, NULL);
	scsec__buf_dispose(&t);
	if (parties && json_array_size(parties)) {
		json_t *role = obj(&x->o);

		roles = arr(&x->o);
		sets(&x->o, role, "id", "assessor");
		sets(&x->o, role, "title", "Assessor");
		push(&x->o, roles, role);
		set(&x->o, m, "roles", roles);
		set(&x->o, m, "parties", json_incref(parties));
	}
	return m;
}

int scsec_result_oscal_assessment_results(char **res, size_t *size, const scsec_result *r,
                                          const scsec_evidence *evidence)
{
	json_t *root, *ar, *imp, *results, *parties;
	char u[37];
	rctx x;
	int rc;

	SCSEC__CHECK_ARG(res);
	*res = NULL;
	SCSEC__CHECK_ARG(r);
	if ((rc = rctx_init(&x, r, evidence)))
		return rc;
	uuid(&x.o, u, "assessment-results", x.seed, NULL);
	root = obj(&x.o);
	ar = obj(&x.o);
	parties = arr(&x.o);
	results = arr(&x.o);
	push(&x.o, results, ar_result(&x, parties, 1));
	sets(&x.o, ar, "uuid", u);
	set(&x.o, ar, "metadata", result_metadata(&x, "Assessment results", parties));
	imp = obj(&x.o);
	sets(&x.o, imp, "href", "urn:scsec:oscal:1:no-assessment-plan");
	sets(&x.o, imp, "remarks", "libscsec evaluates evidence records; there is no assessment plan.");
	set(&x.o, ar, "import-ap", imp);
	set(&x.o, ar, "results", results);
	set(&x.o, root, "assessment-results", ar);
	json_decref(parties);
	rctx_dispose(&x);
	return finish(&x.o, root, res, size);
}

int scsec_result_oscal_poam(char **res, size_t *size, const scsec_result *r,
                            const scsec_evidence *evidence)
{
	json_t *root, *pm, *items, *findings, *parties;
	char u[37];
	size_t i;
	rctx x;
	int rc;

	SCSEC__CHECK_ARG(res);
	*res = NULL;
	SCSEC__CHECK_ARG(r);
	if (!scsec_result_gap_count(r))
		return scsec__error_set(SCSEC_ENOTFOUND,
		                        "the result has no gaps: a POA&M needs at least one item");
	if ((rc = rctx_init(&x, r, evidence)))
		return rc;
	uuid(&x.o, u, "poam", x.seed, NULL);
	root = obj(&x.o);
	pm = obj(&x.o);
	parties = arr(&x.o);
	items = arr(&x.o);
	findings = arr(&x.o);
	for (i = 0; x.gap && i < x.gap->ngap_items; i++) {
		const struct scsec__gap_item *it = &x.gap->gap_items[i];
		const char *id = item_id(&x, it);
		const scsec_gap *g = scsec__map_get(&x.gaps, id);
		json_t *item, *props, *rel, *rf;
		char iu[37], fu[37];
		scsec__buf d = SCSEC__BUF_INIT;

		if (!g)
			continue;
		push(&x.o, findings, finding(&x, it, NULL));
		uuid(&x.o, fu, "finding", x.seed, id);
		uuid(&x.o, iu, "poam-item", x.seed, id);
		item = obj(&x.o);
		props = arr(&x.o);
		rel = arr(&x.o);
		rf = obj(&x.o);
		sets(&x.o, item, "uuid", iu);
		set(&x.o, item, "title", line(&x.o, id, id));
		scsec__buf_printf(&d, "Gap at level %d: %s is %s.", scsec_result_gap_level(r), id,
		                  scsec_reason_name(scsec_gap_reason(g)));
		if (item_text(&x, it))
			scsec__buf_printf(&d, "\n\n%s", item_text(&x, it));
		scsec__buf_putc(&d, '\0');
		if (scsec__buf_error(&d))
			x.o.failed = 1;
		else
			sets(&x.o, item, "description", d.data);
		scsec__buf_dispose(&d);
		sprop(&x.o, props, "id", NULL, id);
		sprop(&x.o, props, "reason", NULL, scsec_reason_name(scsec_gap_reason(g)));
		set(&x.o, item, "props", props);
		sets(&x.o, rf, "finding-uuid", fu);
		push(&x.o, rel, rf);
		set(&x.o, item, "related-findings", rel);
		push(&x.o, items, item);
	}
	sets(&x.o, pm, "uuid", u);
	set(&x.o, pm, "metadata", result_metadata(&x, "Plan of action and milestones", parties));
	set_array(&x.o, pm, "findings", findings);
	set(&x.o, pm, "poam-items", items);
	set(&x.o, root, "plan-of-action-and-milestones", pm);
	json_decref(parties);
	rctx_dispose(&x);
	return finish(&x.o, root, res, size);
}

/* ------------------------------------------------------------ mapping sets */


/* A source or target of a map: the libscsec id as an OSCAL token, the id
 * itself in a prop when the two differ. */
static json_t *mapping_item(out *o, const char *id)
{
	json_t *it = obj(o);
	char ref[96];

	tok(ref, sizeof ref, id);
	sets(o, it, "type", "control");
	sets(o, it, "id-ref", ref);
	if (strcmp(ref, id)) {
		json_t *props = arr(o);

		sprop(o, props, "id", NULL, id);
		set_array(o, it, "props", props);
	}
	return it;
}

static json_t *mapping_resource(out *o, const char *id, const char *version)
{
	json_t *r = obj(o), *props = arr(o);
	scsec__buf href = SCSEC__BUF_INIT;

	scsec__buf_printf(&href, "urn:scsec:criteria:%s:%s", id, version);
	if (scsec__buf_error(&href))
		o->failed = 1;
	sets(o, r, "type", "catalog");
	sets(o, r, "href", href.data ? href.data : "urn:scsec:criteria");
	sprop(o, props, "criteria-id", NULL, id);
	sprop(o, props, "criteria-version", NULL, version);
	set_array(o, r, "props", props);
	scsec__buf_dispose(&href);
	return r;
}

static json_t *permille(out *o, int pm)
{
	char buf[16];
	json_t *v;

	scsec__permille_format(buf, pm);
	if (!(v = json_real(strtod(buf, NULL))))
		o->failed = 1;
	return v;
}

int scsec_mapping_set_oscal(char **res, size_t *size, const scsec_mapping_set *ms)
{
	static const char *const methods[] = { "self", "expert-reviewed", "third-party" };
	json_t *root, *mc, *props, *prov, *mapping, *maps, *gaps = NULL, *gap_ids = NULL;
	char u[37];
	out o;
	size_t i;
	int m;

	SCSEC__CHECK_ARG(res);
	*res = NULL;
	if (size)
		*size = 0;
	SCSEC__CHECK_ARG(ms);
	memset(&o, 0, sizeof o);
	root = obj(&o);
	mc = obj(&o);
	uuid(&o, u, "mapping-collection", ms->id, ms->version);
	sets(&o, mc, "uuid", u);
	props = arr(&o);
	sprop(&o, props, "mapping-set-id", NULL, ms->id);
	if (ms->provisional)
		sprop(&o, props, "provisional", NULL, "true");
	for (m = 0; m < 3; m++)
		if (ms->accepted & (1u << (m + 1)))
			sprop(&o, props, "accepted-method", NULL, methods[m]);
	set(&o, mc, "metadata",
	    metadata(&o, ms->title ? ms->title : ms->id, SCSEC_DATE_NONE, 0, ms->version, props,
	             NULL, NULL));
	prov = obj(&o);
	sets(&o, prov, "method", ms->provisional ? "automation" : "human");
	sets(&o, prov, "matching-rationale", "semantic");
	sets(&o, prov, "status", ms->provisional ? "draft" : "complete");
	set(&o, prov, "mapping-description", line(&o, ms->title, ms->id));
	set(&o, mc, "provenance", prov);
	mapping = obj(&o);
	uuid(&o, u, "mapping", ms->id, ms->version);
	sets(&o, mapping, "uuid", u);
	set(&o, mapping, "source-resource", mapping_resource(&o, ms->source_id, ms->source_version));
	set(&o, mapping, "target-resource", mapping_resource(&o, ms->target_id, ms->target_version));
	maps = arr(&o);
	for (i = 0; i < ms->count && !o.failed; i++) {
		const struct scsec_mapping *it = ms->items[i];
		json_t *mp, *srcs, *tgts;

		if (!it->target) { /* a no-relationship mapping to nothing: a gap */
			json_t *gp;
			char ref[96];

			if (!gaps)
				gaps = arr(&o);
			if (!gap_ids)
				gap_ids = arr(&o);
			tok(ref, sizeof ref, it->source);
			push(&o, gaps, str(&o, ref));
			/* the libscsec id, in the same order: the reader takes it back */
			if ((gp = prop(&o, "unmapped-id", SCSEC__NS_OSCAL_SCSEC, NULL, it->source))) {
				if (it->note && !scsec__blank_str(it->note))
					sets(&o, gp, "remarks", it->note);
				push(&o, gap_ids, gp);
			}
			continue;
		}
		mp = obj(&o);
		uuid(&o, u, "map", it->source, it->target);
		sets(&o, mp, "uuid", u);
		if (it->rationale != SCSEC_RATIONALE_NONE)
			sets(&o, mp, "matching-rationale", scsec_rationale_name(it->rationale));
		sets(&o, mp, "relationship", scsec_relationship_name(it->relationship));
		srcs = arr(&o);
		push(&o, srcs, mapping_item(&o, it->source));
		set(&o, mp, "sources", srcs);
		tgts = arr(&o);
		push(&o, tgts, mapping_item(&o, it->target));
		set(&o, mp, "targets", tgts);
		if (it->strength != SCSEC__PERMILLE_NONE) {
			json_t *cs = obj(&o);

			set(&o, cs, "percentage", permille(&o, it->strength));
			set(&o, mp, "confidence-score", cs);
		}
		if (it->coverage != SCSEC__PERMILLE_NONE) {
			json_t *cv = obj(&o);

			set(&o, cv, "target-coverage", permille(&o, it->coverage));
			set(&o, mp, "coverage", cv);
		}
		if (it->note && !scsec__blank_str(it->note))
			sets(&o, mp, "remarks", it->note);
		push(&o, maps, mp);
	}
	if (!json_array_size(maps) && !o.failed) {
		json_decref(maps);
		json_decref(gaps);
		json_decref(gap_ids);
		json_decref(mapping);
		json_decref(mc);
		json_decref(root);
		out_dispose(&o);
		return scsec__error_set(SCSEC_EINVAL,
		                        "mapping set '%s' has no mapping to a target: an OSCAL mapping "
		                        "needs at least one map", ms->id);
	}
	set(&o, mapping, "maps", maps);
	if (gap_ids)
		set_array(&o, mapping, "props", gap_ids);
	if (gaps) {
		json_t *g = obj(&o), *sel = obj(&o), *sels = arr(&o);

		uuid(&o, u, "source-gap-summary", ms->id, ms->version);
		sets(&o, g, "uuid", u);
		set(&o, sel, "with-ids", gaps);
		push(&o, sels, sel);
		set(&o, g, "unmapped-controls", sels);
		set(&o, mapping, "source-gap-summary", g);
	}
	maps = arr(&o);
	push(&o, maps, mapping);
	set(&o, mc, "mappings", maps);
	set(&o, root, "mapping-collection", mc);
	/* fractions in thousandths: three digits are exact */
	return finish_flags(&o, root, res, size, JSON_INDENT(2) | JSON_REAL_PRECISION(3));
}
