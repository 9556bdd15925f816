/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* An OSCAL catalog and its profiles (or a level property) as a criteria
 * set (scsec/oscal.h; the mapping is described in doc/oscal.md).
 *
 * The catalog is walked once into flat arrays of groups and controls in
 * document order (a control's descendants follow it, up to `end`). Each
 * profile's selection is a byte per control, resolved through its imports
 * -- of the catalog or of another profile given by the caller, never
 * fetched -- and becomes one bit of each selected control's level mask.
 * The set is then built through the model's builder: groups as
 * categories, top-level controls as requirements, selected controls as
 * criteria. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scsec/oscal.h"
#include "io/oscal.h"
#include "model/canonical.h"
#include "model/criteria.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/util.h"

#define NONE ((size_t)-1)

/* ------------------------------------------------------------ the description */

typedef struct oprofile {
	int rank;                /* 0: imported by other profiles only */
	char *label;
	char *path;              /* a file, or NULL for data */
	unsigned char *data;
	size_t size;
	char *name;              /* data's name */
} oprofile;

struct scsec_oscal_import {
	oprofile *profiles;
	size_t nprofiles;
	size_t cprofiles;
	char *level_prop;
};

int scsec_oscal_import_new(scsec_oscal_import **out)
{
	SCSEC__CHECK_ARG(out);
	if (!(*out = scsec__calloc(1, sizeof **out)))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	return 0;
}

void scsec_oscal_import_free(scsec_oscal_import *imp)
{
	size_t i;

	if (!imp)
		return;
	for (i = 0; i < imp->nprofiles; i++) {
		scsec__free(imp->profiles[i].label);
		scsec__free(imp->profiles[i].path);
		scsec__free(imp->profiles[i].data);
		scsec__free(imp->profiles[i].name);
	}
	scsec__free(imp->profiles);
	scsec__free(imp->level_prop);
	scsec__free(imp);
}

static int add_profile(scsec_oscal_import *imp, int rank, const char *label, const char *path,
                       const void *data, size_t size, const char *name)
{
	oprofile *p;
	size_t i, levels = 0;

	SCSEC__CHECK_ARG(imp);
	SCSEC__CHECK_ARG(rank >= 0 && rank <= 99);
	SCSEC__CHECK_ARG(rank == 0 ? label == NULL
	                           : label && !scsec__blank_str(label) &&
	                                 scsec__text_ok(label, strlen(label)));
	for (i = 0; i < imp->nprofiles; i++) {
		if (rank && imp->profiles[i].rank == rank)
			return scsec__error_set(SCSEC_EINVAL, "two profiles make level %d", rank);
		levels += imp->profiles[i].rank != 0;
	}
	if (rank && imp->level_prop)
		return scsec__error_set(SCSEC_EINVAL,
		                        "levels come from the property '%s', not from profiles",
		                        imp->level_prop);
	if (rank && levels >= SCSEC__MAX_LEVELS)
		return scsec__error_set(SCSEC_EINVAL, "more than %d levels", SCSEC__MAX_LEVELS);
	if (scsec__grow(&imp->profiles, &imp->cprofiles, imp->nprofiles + 1, sizeof *imp->profiles))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	p = &imp->profiles[imp->nprofiles];
	memset(p, 0, sizeof *p);
	p->rank = rank;
	if ((label && !(p->label = scsec__strdup(label))) || (path && !(p->path = scsec__strdup(path))) ||
	    (name && !(p->name = scsec__strdup(name))) ||
	    (!path && !(p->data = scsec__malloc(size ? size : 1)))) {
		scsec__free(p->label);
		scsec__free(p->path);
		scsec__free(p->name);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	if (!path && size)
		memcpy(p->data, data, size);
	p->size = size;
	imp->nprofiles++;
	return 0;
}

int scsec_oscal_import_add_profile(scsec_oscal_import *imp, int rank, const char *label,
                                   const char *path)
{
	SCSEC__CHECK_ARG(path);
	return add_profile(imp, rank, label, path, NULL, 0, NULL);
}

int scsec_oscal_import_add_profile_memory(scsec_oscal_import *imp, int rank, const char *label,
                                          const void *data, size_t size, const char *name)
{
	SCSEC__CHECK_ARG(data || !size);
	return add_profile(imp, rank, label, NULL, data, size, name);
}

int scsec_oscal_import_set_level_prop(scsec_oscal_import *imp, const char *name)
{
	size_t i;
	char *s;

	SCSEC__CHECK_ARG(imp);
	SCSEC__CHECK_ARG(name && *name && !scsec__blank_str(name) &&
	                 scsec__text_ok(name, strlen(name)));
	for (i = 0; i < imp->nprofiles; i++)
		if (imp->profiles[i].rank)
			return scsec__error_set(SCSEC_EINVAL,
			                        "levels come from profiles, not from a property");
	if (!(s = scsec__strdup(name)))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	scsec__free(imp->level_prop);
	imp->level_prop = s;
	return 0;
}

/* ------------------------------------------------------------ the walk */

typedef struct octl {
	const char *id;          /* as in the catalog */
	const json_t *obj;
	size_t parent;           /* enclosing control, or NONE */
	size_t end;              /* index after its last descendant */
	size_t group;            /* enclosing group, or NONE */
	uint64_t mask;           /* levels (by bit) selecting it */
	int withdrawn;
	int requirement;         /* written by libscsec as a requirement, not a criterion */
	int prereq;              /* written by libscsec as a prerequisite */
	int bad;                 /* its id cannot be used */
} octl;

typedef struct ogroup {
	const json_t *obj;
	size_t parent;           /* enclosing group, or NONE */
	size_t index;
	int content;             /* some criterion below it */
	int direct;              /* a requirement with criteria right under it */
	int subgroups;           /* a group with content right under it */
	struct scsec_category *cat;
	struct scsec_category *controls_cat; /* for its requirements, when it has subgroups too */
} ogroup;

typedef struct olevel {
	int rank;
	const char *label;       /* borrowed from the description or a document */
	size_t profile;          /* the profile making it, or NONE */
} olevel;

typedef struct pdoc {
	scsec__jdoc doc;
	const json_t *model;
	const char *name;        /* for href matching */
	unsigned char *sel;      /* a byte per control */
	int state;               /* 0 not resolved, 1 resolving, 2 done, 3 failed */
	unsigned order;          /* when it had its first error (1, 2, ...), 0: none yet */
} pdoc;

typedef struct ctx {
	scsec_criteria *c;
	scsec__jdoc cat;
	const json_t *catalog;
	const char *cat_name;
	const scsec_oscal_import *imp;
	const scsec_load_options *opts;
	scsec_diagnostics *diags;
	octl *ctls;
	size_t nctls;
	size_t cctls;
	ogroup *groups;
	size_t ngroups;
	size_t cgroups;
	scsec__map ids;          /* control id -> index + 1 */
	scsec__map params;       /* param id -> its json object */
	scsec__map frameworks;   /* framework id -> 1 */
	pdoc *profiles;
	size_t nprofiles;
	olevel levels[SCSEC__MAX_LEVELS];
	size_t nlevels;
	scsec__buf text;
	uint64_t text_budget;    /* bytes of text the set may still take */
	int scsec_doc;           /* written by libscsec (its namespace's props) */
	unsigned cat_order;      /* as pdoc.order, for the catalog */
	unsigned seq;
	int oom;
	int failed;              /* an error was reported */
} ctx;

static int is_scsec_ns(const json_t *prop)
{
	const char *ns = json_string_value(json_object_get(prop, "ns"));

	return ns && !strcmp(ns, SCSEC__NS_OSCAL_SCSEC);
}

static int is_nist_ns(const json_t *prop)
{
	const char *ns = json_string_value(json_object_get(prop, "ns"));

	return !ns || !strcmp(ns, SCSEC__NS_OSCAL);
}

/* The value of the first prop of obj named name in libscsec's namespace
 * (scsec = 1) or OSCAL's (scsec = 0), or NULL. */
static const char *prop_value(const json_t *obj, const char *name, int scsec)
{
	const json_t *props = json_object_get(obj, "props"), *p;
	size_t i;

	json_array_foreach(props, i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));

		if (n && !strcmp(n, name) && (scsec ? is_scsec_ns(p) : is_nist_ns(p)))
			return json_string_value(json_object_get(p, "value"));
	}
	return NULL;
}

#define OBJ_AT(obj) (&(scsec__jloc){ NULL, NULL, 0, (obj) })

static void SCSEC__PRINTF(6, 7) report(ctx *x, scsec__jdoc *d, const scsec__jloc *at,
                                       scsec_severity sev, int code, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	scsec__utf8_repair(msg);
	/* An object's own location (OBJ_AT): its line and column in an XML
	 * document; a JSON document's messages name the object instead. */
	if (at && !at->up && !at->key && at->value != d->root && !d->nmarks)
		at = NULL;
	if ((at ? scsec__json_report(d, at, sev, code, NULL, "%s", msg)
	        : scsec__report(&d->rep, 0, 0, sev, code, NULL, "%s", msg)) == SCSEC_ENOMEM)
		x->oom = 1;
	if (sev == SCSEC_SEVERITY_ERROR)
		x->failed = 1;
}

static void check_props(ctx *x, const scsec__jloc *at, const json_t *obj)
{
	int bad = 0;
	const json_t *props = scsec__jget_array(&x->cat, at, obj, "props", 0, &bad), *p;
	scsec__jloc pl = scsec__jat(at, "props", props);
	size_t i;

	if (bad)
		x->failed = 1;
	json_array_foreach(props, i, p) {
		scsec__jloc l = scsec__jat_index(&pl, i, p);

		if (!json_is_object(p) || !json_is_string(json_object_get(p, "name")) ||
		    !json_is_string(json_object_get(p, "value")))
			report(x, &x->cat, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			       "a prop is an object with a string name and value");
	}
}

static void walk_params(ctx *x, const scsec__jloc *at, const json_t *obj)
{
	int bad = 0;
	const json_t *params = scsec__jget_array(&x->cat, at, obj, "params", 0, &bad), *p;
	size_t i;

	if (bad)
		x->failed = 1;
	json_array_foreach(params, i, p) {
		const char *id = json_string_value(json_object_get(p, "id"));

		if (json_is_object(p) && id && scsec__map_set(&x->params, id, (void *)p))
			x->oom = 1;
	}
}

static void walk_controls(ctx *x, const scsec__jloc *at, const json_t *obj, size_t parent,
                          size_t group);

static void walk_control(ctx *x, const scsec__jloc *at, const json_t *o, size_t parent,
                         size_t group)
{
	int bad = 0;
	const char *id = scsec__jget_str(&x->cat, at, o, "id", 1, &bad);
	const char *status, *kind;
	size_t k = x->nctls;
	void *prev = NULL;
	octl *t;

	scsec__jget_str(&x->cat, at, o, "title", 1, &bad);
	if (bad || !id) {
		x->failed = 1;
		return;
	}
	if (scsec__grow(&x->ctls, &x->cctls, x->nctls + 1, sizeof *x->ctls)) {
		x->oom = 1;
		return;
	}
	t = &x->ctls[x->nctls++];
	memset(t, 0, sizeof *t);
	t->id = id;
	t->obj = o;
	t->parent = parent;
	t->group = group;
	status = prop_value(o, "status", 0);
	t->withdrawn = status && (!strcmp(status, "withdrawn") || !strcmp(status, "Withdrawn"));
	kind = prop_value(o, "kind", 1);
	t->requirement = kind && !strcmp(kind, "requirement");
	t->prereq = kind && !strcmp(kind, "prerequisite");
	if (scsec__map_put(&x->ids, id, (void *)(uintptr_t)(k + 1), &prev) == SCSEC_ENOMEM)
		x->oom = 1;
	else if (prev)
		report(x, &x->cat, at, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
		       "control id '%s' is used twice", id);
	check_props(x, at, o);
	walk_params(x, at, o);
	walk_controls(x, at, o, k, group);
	x->ctls[k].end = x->nctls;
}

static void walk_controls(ctx *x, const scsec__jloc *at, const json_t *obj, size_t parent,
                          size_t group)
{
	int bad = 0;
	const json_t *a = scsec__jget_array(&x->cat, at, obj, "controls", 0, &bad), *o;
	scsec__jloc al = scsec__jat(at, "controls", a);
	size_t i;

	if (bad)
		x->failed = 1;
	json_array_foreach(a, i, o) {
		scsec__jloc l = scsec__jat_index(&al, i, o);

		if (!json_is_object(o)) {
			report(x, &x->cat, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			       "a control is an object, not %s", scsec__jtype_name(o));
			continue;
		}
		walk_control(x, &l, o, parent, group);
		if (x->oom)
			return;
	}
}

static void walk_groups(ctx *x, const scsec__jloc *at, const json_t *obj, size_t parent)
{
	int bad = 0;
	const json_t *a = scsec__jget_array(&x->cat, at, obj, "groups", 0, &bad), *o;
	scsec__jloc al = scsec__jat(at, "groups", a);
	size_t i;

	if (bad)
		x->failed = 1;
	json_array_foreach(a, i, o) {
		scsec__jloc l = scsec__jat_index(&al, i, o);
		size_t k = x->ngroups;
		ogroup *g;

		if (!json_is_object(o)) {
			report(x, &x->cat, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			       "a group is an object, not %s", scsec__jtype_name(o));
			continue;
		}
		scsec__jget_str(&x->cat, &l, o, "id", 0, &bad);
		scsec__jget_str(&x->cat, &l, o, "title", 1, &bad);
		if (scsec__grow(&x->groups, &x->cgroups, x->ngroups + 1, sizeof *x->groups)) {
			x->oom = 1;
			return;
		}
		g = &x->groups[x->ngroups++];
		memset(g, 0, sizeof *g);
		g->obj = o;
		g->parent = parent;
		g->index = k;
		check_props(x, &l, o);
		walk_params(x, &l, o);
		walk_controls(x, &l, o, NONE, k);
		walk_groups(x, &l, o, k);
		if (x->oom)
			return;
	}
	if (bad)
		x->failed = 1;
}

/* ------------------------------------------------------------ documents */

static int read_doc(ctx *x, scsec__jdoc *d, const char *path, const void *data, size_t size,
                    const char *name)
{
	scsec__source src;
	int rc;

	scsec__jdoc_init(d, path ? path : name, x->diags);
	if ((rc = scsec__source_open_any(&src, path, data, size, name, x->opts, x->diags)))
		return rc;
	rc = scsec__oscal_parse(d, &src, x->opts, x->diags);
	scsec__source_close(&src);
	return rc;
}

/* Check the model's name and OSCAL version; the model object or NULL. */
static const json_t *model_of(ctx *x, scsec__jdoc *d, const char *want)
{
	const char *model, *v;
	const json_t *m = scsec__oscal_model(d, &model), *meta;
	scsec__jloc root = SCSEC__JROOT(d->root), ml, mdl;
	int bad = 0;

	if (!m) {
		x->failed = 1;
		return NULL;
	}
	ml = scsec__jat(&root, model, m);
	if (strcmp(model, want)) {
		report(x, d, &ml, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
		       "the document is an OSCAL %s, not a %s%s", model, want,
		       !strcmp(model, "profile") ? " (give profiles with --profile)" : "");
		return NULL;
	}
	if (!(meta = scsec__jget_object(d, &ml, m, "metadata", 1, &bad))) {
		x->failed = 1;
		return NULL;
	}
	mdl = scsec__jat(&ml, "metadata", meta);
	if ((v = scsec__jget_str(d, &mdl, meta, "oscal-version", 0, &bad))) {
		scsec__jloc vl = scsec__jat(&mdl, "oscal-version", json_object_get(meta, "oscal-version"));
		unsigned long major = 0, minor = 0;
		char *end;

		major = strtoul(v, &end, 10);
		if (*end == '.')
			minor = strtoul(end + 1, &end, 10);
		if (major != 1 || end == v)
			report(x, d, &vl, SCSEC_SEVERITY_ERROR, SCSEC_EVERSION,
			       "OSCAL version '%s' is not supported (1.0 to 1.2 are)", v);
		else if (minor > 2)
			report(x, d, &vl, SCSEC_SEVERITY_WARNING, SCSEC_EVERSION,
			       "OSCAL version '%s' is newer than 1.2; read as 1.2", v);
	}
	if (bad)
		x->failed = 1;
	return x->failed ? NULL : m;
}

/* ------------------------------------------------------------ profiles */

/* The last path component of a name or href, without query or fragment. */
static void base_name(char *out, size_t size, const char *s)
{
	const char *b = s, *p;
	size_t n;

	for (p = s; *p && *p != '?' && *p != '#'; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	n = (size_t)(p - b);
	if (n >= size)
		n = size - 1;
	memcpy(out, b, n);
	out[n] = '\0';
}

/* The name without its extensions (.json, .xml, .yaml, .gz). */
static void stem(char *s)
{
	static const char *const ext[] = { ".gz", ".json", ".xml", ".yaml", ".yml", NULL };
	size_t i, n;
	int again = 1;

	while (again) {
		again = 0;
		for (i = 0; ext[i]; i++) {
			n = strlen(s);
			if (n > strlen(ext[i]) && !strcmp(s + n - strlen(ext[i]), ext[i])) {
				s[n - strlen(ext[i])] = '\0';
				again = 1;
			}
		}
	}
}

static int is_remote(const char *href)
{
	const char *p = href;

	if (href[0] == '/' && href[1] == '/')
		return 1;
	if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
		return 0;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
	       *p == '+' || *p == '.' || *p == '-')
		p++;
	/* a scheme; "file:" names a local file, one letter is a Windows drive */
	return *p == ':' && p - href > 1 && !(p - href == 4 && !strncmp(href, "file", 4));
}

/* Which given document an href names: the catalog (-1), a profile (its
 * index), or -2 for none. Names match by their last component, then by
 * that without extensions. */
static int match_href(const ctx *x, const char *href)
{
	char want[256], have[256];
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		base_name(want, sizeof want, href);
		if (pass)
			stem(want);
		if (!*want)
			return -2;
		base_name(have, sizeof have, x->cat_name);
		if (pass)
			stem(have);
		if (!strcmp(want, have))
			return -1;
		for (i = 0; i < x->nprofiles; i++) {
			base_name(have, sizeof have, x->profiles[i].name);
			if (pass)
				stem(have);
			if (!strcmp(want, have))
				return (int)i;
		}
	}
	return -2;
}

static int resolve(ctx *x, size_t pi);

/* Number the documents in the order they had their first error, so that
 * the import returns the first error reported. Called between steps that
 * each report into one document only. */
static void note_first(ctx *x)
{
	size_t i;

	if (x->cat.rep.errors && !x->cat_order)
		x->cat_order = ++x->seq;
	for (i = 0; i < x->nprofiles; i++)
		if (x->profiles[i].doc.rep.errors && !x->profiles[i].order)
			x->profiles[i].order = ++x->seq;
}

/* Mark control k (and its descendants when children) in sel, where base
 * allows (NULL: the whole catalog). */
static void mark(ctx *x, unsigned char *sel, const unsigned char *base, size_t k, int children,
                 unsigned char v)
{
	size_t j, end = children ? x->ctls[k].end : k + 1;

	for (j = k; j < end; j++)
		if (!base || base[j])
			sel[j] = v;
}

/* Glob matching with * and ?, in time proportional to the product of the
 * lengths at worst (one backtrack point). */
static int glob(const char *p, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*p == '?' || (*p && *p != '*' && *p == *s)) {
			p++;
			s++;
		} else if (*p == '*') {
			star = ++p;
			resume = s;
		} else if (star) {
			p = star;
			s = ++resume;
		} else {
			return 0;
		}
	}
	while (*p == '*')
		p++;
	return !*p;
}

/* Apply the selectors of an include-controls or exclude-controls array. */
static void apply_selectors(ctx *x, pdoc *pd, const scsec__jloc *at, const json_t *il,
                            const char *key, unsigned char *sel, const unsigned char *base,
                            unsigned char v)
{
	int bad = 0;
	const json_t *a = scsec__jget_array(&pd->doc, at, il, key, 0, &bad), *s;
	scsec__jloc al = scsec__jat(at, key, a);
	size_t i, j, k;

	json_array_foreach(a, i, s) {
		scsec__jloc sl = scsec__jat_index(&al, i, s);
		const char *wcc = scsec__jget_str(&pd->doc, &sl, s, "with-child-controls", 0, &bad);
		const json_t *ids = scsec__jget_array(&pd->doc, &sl, s, "with-ids", 0, &bad), *idv;
		const json_t *pats = scsec__jget_array(&pd->doc, &sl, s, "matching", 0, &bad), *pv;
		scsec__jloc idl = scsec__jat(&sl, "with-ids", ids), pl = scsec__jat(&sl, "matching", pats);
		int children = wcc && !strcmp(wcc, "yes");

		if (!json_is_object(s)) {
			report(x, &pd->doc, &sl, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			       "a control selector is an object, not %s", scsec__jtype_name(s));
			continue;
		}
		if (wcc && strcmp(wcc, "yes") && strcmp(wcc, "no"))
			report(x, &pd->doc, &sl, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			       "with-child-controls is \"yes\" or \"no\", not \"%s\"", wcc);
		json_array_foreach(ids, j, idv) {
			scsec__jloc l = scsec__jat_index(&idl, j, idv);
			const char *id = json_string_value(idv);
			uintptr_t hit = id ? (uintptr_t)scsec__map_get(&x->ids, id) : 0;

			if (!id)
				report(x, &pd->doc, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
				       "a control id is a string, not %s", scsec__jtype_name(idv));
			else if (!hit || (base && !base[hit - 1]))
				report(x, &pd->doc, &l, SCSEC_SEVERITY_WARNING, SCSEC_ENOTFOUND,
				       "control '%s' is not in what the import selects from", id);
			else
				mark(x, sel, base, hit - 1, children, v);
		}
		json_array_foreach(pats, j, pv) {
			scsec__jloc l = scsec__jat_index(&pl, j, pv);
			const char *pat = scsec__jget_str(&pd->doc, &l, pv, "pattern", 1, &bad);
			size_t n = 0;

			if (!pat)
				continue;
			for (k = 0; k < x->nctls; k++)
				if ((!base || base[k]) && glob(pat, x->ctls[k].id)) {
					mark(x, sel, base, k, children, v);
					n++;
				}
			if (!n)
				report(x, &pd->doc, &l, SCSEC_SEVERITY_WARNING, SCSEC_ENOTFOUND,
				       "pattern '%s' matches no control", pat);
		}
	}
	if (bad)
		x->failed = 1;
}

/* The document an import's href names, through the profile's back-matter
 * when it is "#uuid": -1 the catalog, a profile index, or -2 (reported). */
static int import_target(ctx *x, pdoc *pd, const scsec__jloc *at, const char *href)
{
	const json_t *res, *r, *links, *lk;
	size_t i, j;
	int t, remote = 0, is_profile = 0;

	if (href[0] != '#') {
		if (is_remote(href)) {
			report(x, &pd->doc, at, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE,
			       "the import '%s' is remote: libscsec never fetches; give the document "
			       "and let the import name it by file name", href);
			return -2;
		}
		if ((t = match_href(x, href)) != -2)
			return t;
		is_profile = strstr(href, "profile") != NULL;
	} else {
		res = json_object_get(json_object_get(pd->model, "back-matter"), "resources");
		json_array_foreach(res, i, r) {
			const char *uuid = json_string_value(json_object_get(r, "uuid"));

			if (!uuid || strcmp(uuid, href + 1))
				continue;
			links = json_object_get(r, "rlinks");
			json_array_foreach(links, j, lk) {
				const char *h = json_string_value(json_object_get(lk, "href"));
				const char *mt = json_string_value(json_object_get(lk, "media-type"));

				if (!h)
					continue;
				if (mt && strstr(mt, "profile"))
					is_profile = 1;
				if (is_remote(h)) {
					remote = 1;
					continue;
				}
				if (strstr(h, "profile"))
					is_profile = 1;
				if ((t = match_href(x, h)) != -2)
					return t;
			}
			break;
		}
		if (remote && !is_profile) {
			report(x, &pd->doc, at, SCSEC_SEVERITY_ERROR, SCSEC_EUNSAFE,
			       "the import '%s' names only remote documents: libscsec never fetches; "
			       "give the document", href);
			return -2;
		}
	}
	if (is_profile) {
		report(x, &pd->doc, at, SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND,
		       "the import '%s' names a profile that was not given (add it with rank 0)", href);
		return -2;
	}
	report(x, &pd->doc, at, SCSEC_SEVERITY_NOTE, SCSEC_ERROR,
	       "the import '%s' is taken to be the catalog given, %s", href, x->cat_name);
	return -1;
}

static int resolve(ctx *x, size_t pi)
{
	pdoc *pd = &x->profiles[pi];
	scsec__jloc root = SCSEC__JROOT(pd->doc.root), ml, il;
	const json_t *imports, *im;
	unsigned char *inc;
	size_t i;
	int bad = 0;

	note_first(x);
	if (pd->state == 2)
		return 0;
	if (pd->state == 3)
		return -1;
	ml = scsec__jat(&root, "profile", pd->model);
	if (pd->state == 1) {
		report(x, &pd->doc, &ml, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
		       "the profile imports itself through its imports (a cycle)");
		return -1;
	}
	pd->state = 1;
	if (!(pd->sel = scsec__calloc(x->nctls ? x->nctls : 1, 1)) ||
	    !(inc = scsec__calloc(x->nctls ? x->nctls : 1, 1))) {
		x->oom = 1;
		pd->state = 3;
		return -1;
	}
	imports = scsec__jget_array(&pd->doc, &ml, pd->model, "imports", 1, &bad);
	il = scsec__jat(&ml, "imports", imports);
	if (imports && !json_array_size(imports))
		report(x, &pd->doc, &il, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, "the profile imports nothing");
	json_array_foreach(imports, i, im) {
		scsec__jloc l = scsec__jat_index(&il, i, im);
		const char *href = scsec__jget_str(&pd->doc, &l, im, "href", 1, &bad);
		const unsigned char *base = NULL;
		int t;

		if (!href || x->failed)
			continue;
		if ((t = import_target(x, pd, &l, href)) == -2)
			continue;
		if (t >= 0) {
			int failed = resolve(x, (size_t)t);

			note_first(x);
			if (failed) {
				x->failed = 1;
				continue;
			}
			base = x->profiles[t].sel;
		}
		memset(inc, 0, x->nctls);
		if (json_object_get(im, "include-all")) {
			size_t k;

			for (k = 0; k < x->nctls; k++)
				inc[k] = !base || base[k];
		} else if (!json_object_get(im, "include-controls")) {
			report(x, &pd->doc, &l, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
			       "an import has include-all or include-controls");
		}
		apply_selectors(x, pd, &l, im, "include-controls", inc, base, 1);
		apply_selectors(x, pd, &l, im, "exclude-controls", inc, base, 0);
		{
			size_t k;

			for (k = 0; k < x->nctls; k++)
				pd->sel[k] |= inc[k];
		}
	}
	scsec__free(inc);
	if (bad)
		x->failed = 1;
	if (json_object_get(pd->model, "modify"))
		report(x, &pd->doc, &ml, SCSEC_SEVERITY_NOTE, SCSEC_ERROR,
		       "the profile's 'modify' is ignored: it changes parameters and parts, not which "
		       "controls the level needs");
	if (json_object_get(pd->model, "merge"))
		report(x, &pd->doc, &ml, SCSEC_SEVERITY_NOTE, SCSEC_ERROR,
		       "the profile's 'merge' is ignored: it shapes a resolved catalog, not which "
		       "controls the level needs");
	pd->state = x->failed ? 3 : 2;
	note_first(x);
	return x->failed ? -1 : 0;
}

static int load_profiles(ctx *x)
{
	const scsec_oscal_import *imp = x->imp;
	size_t i;

	if (!imp || !imp->nprofiles)
		return 0;
	if (!(x->profiles = scsec__calloc(imp->nprofiles, sizeof *x->profiles)))
		return SCSEC_ENOMEM;
	for (i = 0; i < imp->nprofiles; i++) {
		const oprofile *p = &imp->profiles[i];
		pdoc *pd = &x->profiles[i];
		int rc;

		x->nprofiles++;
		rc = read_doc(x, &pd->doc, p->path, p->data, p->size, p->name);
		if (rc == SCSEC_ENOMEM || (rc && !pd->doc.rep.first_error))
			return rc; /* out of memory, or a file that cannot be read */
		pd->name = pd->doc.rep.name;
		if (rc || !(pd->model = model_of(x, &pd->doc, "profile")))
			x->failed = 1;
		note_first(x);
	}
	if (x->failed)
		return 0;
	for (i = 0; i < imp->nprofiles; i++) {
		const oprofile *p = &imp->profiles[i];
		size_t k;

		if (resolve(x, i))
			continue;
		if (!p->rank)
			continue;
		x->levels[x->nlevels].rank = p->rank;
		x->levels[x->nlevels].label = p->label;
		x->levels[x->nlevels].profile = i;
		for (k = 0; k < x->nctls; k++)
			if (x->profiles[i].sel[k])
				x->ctls[k].mask |= (uint64_t)1 << x->nlevels;
		x->nlevels++;
	}
	return x->oom ? SCSEC_ENOMEM : 0;
}

/* ------------------------------------------------------------ level property */

static int rank_of_value(const char *v)
{
	size_t n = strlen(v), i = n;
	long r = 0;

	while (i > 0 && v[i - 1] >= '0' && v[i - 1] <= '9')
		i--;
	if (i == n || n - i > 2)
		return 0;
	for (; i < n; i++)
		r = r * 10 + (v[i] - '0');
	return r >= 1 && r <= 99 ? (int)r : 0;
}

static void levels_from_prop(ctx *x)
{
	const char *name = x->imp->level_prop;
	size_t k, i, j;

	for (k = 0; k < x->nctls; k++) {
		const json_t *props = json_object_get(x->ctls[k].obj, "props"), *p;

		json_array_foreach(props, i, p) {
			const char *n = json_string_value(json_object_get(p, "name"));
			const char *v = json_string_value(json_object_get(p, "value"));
			int rank;

			if (!n || !v || strcmp(n, name) || is_scsec_ns(p))
				continue;
			if (!(rank = rank_of_value(v))) {
				report(x, &x->cat, OBJ_AT(x->ctls[k].obj), SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
				       "control '%s': the value '%s' of property '%s' names no level "
				       "(it must end with a rank, 1 to 99)", x->ctls[k].id, v, name);
				continue;
			}
			for (j = 0; j < x->nlevels; j++)
				if (x->levels[j].rank == rank)
					break;
			if (j == x->nlevels) {
				if (x->nlevels == SCSEC__MAX_LEVELS) {
					report(x, &x->cat, NULL, SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT,
					       "property '%s' names more than %d levels", name,
					       SCSEC__MAX_LEVELS);
					return;
				}
				x->levels[j].rank = rank;
				x->levels[j].label = v;
				x->levels[j].profile = NONE;
				x->nlevels++;
			} else if (strcmp(x->levels[j].label, v)) {
				report(x, &x->cat, OBJ_AT(x->ctls[k].obj), SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
				       "control '%s': property '%s' values '%s' and '%s' both name level %d",
				       x->ctls[k].id, name, x->levels[j].label, v, rank);
				continue;
			}
			x->ctls[k].mask |= (uint64_t)1 << j;
		}
	}
	if (!x->nlevels && !x->failed) {
		report(x, &x->cat, NULL, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
		       "no control has the property '%s' that should give the levels", name);
	}
}

/* ------------------------------------------------------------ texts */

static int keep_text(ctx *x, const json_t *obj, const char *s, size_t n)
{
	if (!scsec__text_ok(s, n)) {
		report(x, &x->cat, OBJ_AT(obj), SCSEC_SEVERITY_ERROR, SCSEC_EENCODING,
		       "a text holds characters XML cannot carry (control characters)");
		return 0;
	}
	if ((uint64_t)n > x->text_budget) {
		report(x, &x->cat, OBJ_AT(obj), SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT,
		       "the set's texts would be far larger than the catalog (parameter "
		       "insertions expand without bound?)");
		return 0;
	}
	x->text_budget -= n;
	return 1;
}

/* Append prose to b, "{{ insert: param, ID }}" replaced by the parameter's
 * label or choices. */
static void put_prose(ctx *x, scsec__buf *b, const char *s, int depth)
{
	static const char tag[] = "{{";

	while (*s && b->len <= SCSEC__JSON_MAX_STRING) {
		const char *open = strstr(s, tag), *close, *p, *id, *e;
		const json_t *param;

		if (!open) {
			scsec__buf_puts(b, s);
			return;
		}
		scsec__buf_put(b, s, (size_t)(open - s));
		if (!(close = strstr(open, "}}"))) {
			scsec__buf_puts(b, open);
			return;
		}
		for (p = open + 2; *p == ' '; p++)
			;
		if (strncmp(p, "insert:", 7)) {
			scsec__buf_put(b, open, (size_t)(close + 2 - open));
			s = close + 2;
			continue;
		}
		p = memchr(p, ',', (size_t)(close - p));
		if (!p) {
			scsec__buf_put(b, open, (size_t)(close + 2 - open));
			s = close + 2;
			continue;
		}
		for (id = p + 1; *id == ' '; id++)
			;
		for (e = close; e > id && e[-1] == ' '; e--)
			;
		{
			char key[128];
			size_t n = (size_t)(e - id) < sizeof key - 1 ? (size_t)(e - id) : sizeof key - 1;

			memcpy(key, id, n);
			key[n] = '\0';
			param = scsec__map_get(&x->params, key);
			if (!param) {
				scsec__buf_printf(b, "[Assignment: %s]", key);
			} else {
				const json_t *sel = json_object_get(param, "select");
				const char *label = json_string_value(json_object_get(param, "label"));

				if (sel) {
					const char *how = json_string_value(json_object_get(sel, "how-many"));
					const json_t *ch = json_object_get(sel, "choice"), *cv;
					size_t i;

					scsec__buf_puts(b, how && !strcmp(how, "one-or-more")
					                       ? "[Selection (one or more): "
					                       : "[Selection: ");
					json_array_foreach(ch, i, cv) {
						if (i)
							scsec__buf_puts(b, "; ");
						if (json_is_string(cv)) {
							/* a choice may insert a parameter itself: once,
							 * not deeper */
							const char *cs = json_string_value(cv);
							size_t cn = strlen(cs);

							scsec__trim(&cs, &cn);
							if (depth) {
								scsec__buf_put(b, cs, cn);
							} else {
								char *cc = scsec__strdup(cs);

								if (!cc) {
									x->oom = 1;
									return;
								}
								cc[cn] = '\0';
								put_prose(x, b, cc, depth + 1);
								scsec__free(cc);
							}
						}
					}
					scsec__buf_putc(b, ']');
				} else {
					scsec__buf_printf(b, "[Assignment: %s]", label ? label : key);
				}
			}
		}
		s = close + 2;
	}
}

/* The statement's prose and its items, a line each ("a. ..."). */
static void put_part(ctx *x, scsec__buf *b, const json_t *part, int depth)
{
	const char *label = prop_value(part, "label", 0);
	const char *prose = json_string_value(json_object_get(part, "prose"));
	const json_t *parts = json_object_get(part, "parts"), *sp;
	size_t i;

	if (depth > 0 && (label || prose)) {
		if (b->len)
			scsec__buf_putc(b, '\n');
		if (label) {
			scsec__buf_puts(b, label);
			if (prose)
				scsec__buf_putc(b, ' ');
		}
	}
	if (prose) {
		if (depth == 0 && b->len)
			scsec__buf_putc(b, '\n');
		if (depth > 0 && label)
			while (*prose == ' ' || *prose == '\t')
				prose++;
		put_prose(x, b, prose, 0);
	}
	json_array_foreach(parts, i, sp)
		if (json_is_object(sp) && b->len <= SCSEC__JSON_MAX_STRING)
			put_part(x, b, sp, depth + 1);
}

static const json_t *statement_of(const json_t *ctl)
{
	const json_t *parts = json_object_get(ctl, "parts"), *p;
	size_t i;

	json_array_foreach(parts, i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));

		if (n && !strcmp(n, "statement"))
			return p;
	}
	return NULL;
}

/* The criterion's text: the title and the statement (a libscsec document:
 * the statement alone), trimmed, in the set's arena; NULL when failed. */
static const char *criterion_text(ctx *x, const octl *t)
{
	const json_t *st = statement_of(t->obj);
	const char *title = json_string_value(json_object_get(t->obj, "title")), *s;
	scsec__buf *b = &x->text;
	size_t n;

	scsec__buf_reset(b);
	if (!st || !x->scsec_doc)
		scsec__buf_puts(b, title);
	if (st)
		put_part(x, b, st, 0);
	if (scsec__buf_error(b)) {
		x->oom = 1;
		return NULL;
	}
	s = b->data ? b->data : "";
	n = b->len;
	scsec__trim(&s, &n);
	if (n > SCSEC__JSON_MAX_STRING) {
		report(x, &x->cat, OBJ_AT(t->obj), SCSEC_SEVERITY_ERROR, SCSEC_ELIMIT,
		       "control '%s': the text is longer than %d bytes", t->id, SCSEC__JSON_MAX_STRING);
		return NULL;
	}
	if (!n) {
		s = t->id;
		n = strlen(s);
	}
	if (!keep_text(x, t->obj, s, n))
		return NULL;
	if (!(s = scsec__criteria_strn(x->c, s, n)))
		x->oom = 1;
	return s;
}

/* A title of the document as a set's text (trimmed, checked). */
static const char *set_str(ctx *x, const json_t *obj, const char *s)
{
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	scsec__trim(&s, &n);
	if (!n || !keep_text(x, obj, s, n))
		return NULL;
	if (!(s = scsec__criteria_strn(x->c, s, n)))
		x->oom = 1;
	return s;
}

/* ------------------------------------------------------------ the set */

static const char *the_id(const octl *t)
{
	const char *id = prop_value(t->obj, "id", 1);

	return id ? id : t->id;
}

static int use_id(ctx *x, const json_t *obj, const char *id, const char *what)
{
	if (scsec__id_ok(id))
		return 1;
	{
		report(x, &x->cat, OBJ_AT(obj), SCSEC_SEVERITY_ERROR, SCSEC_EINVALID,
		       "%s id '%s' cannot be a libscsec id (1 to 64 of A-Z a-z 0-9 _ . : -, "
		       "starting with a letter or digit)", what, id);
	}
	return 0;
}

/* The value of the catalog metadata's libscsec prop name of class cls. */
static const char *meta_value(const ctx *x, const char *name, const char *cls)
{
	const json_t *mp = json_object_get(json_object_get(x->catalog, "metadata"), "props"), *q;
	size_t j;

	json_array_foreach(mp, j, q) {
		const char *qn = json_string_value(json_object_get(q, "name"));
		const char *qc = json_string_value(json_object_get(q, "class"));

		if (qn && qc && is_scsec_ns(q) && !strcmp(qn, name) && !strcmp(qc, cls))
			return json_string_value(json_object_get(q, "value"));
	}
	return NULL;
}

/* A libscsec catalog's frameworks, in their order (metadata props
 * framework-id and framework of one class: the id and the title), and its
 * prerequisites (the controls of kind prerequisite). */
static void add_prereqs(ctx *x)
{
	const json_t *mp = json_object_get(json_object_get(x->catalog, "metadata"), "props"), *q;
	size_t j;

	json_array_foreach(mp, j, q) {
		const char *qn = json_string_value(json_object_get(q, "name"));
		const char *qc = json_string_value(json_object_get(q, "class"));
		const char *id = json_string_value(json_object_get(q, "value"));

		if (qn && qc && id && is_scsec_ns(q) && !strcmp(qn, "framework-id") &&
		    scsec__id_ok(id) && !scsec__map_get(&x->frameworks, id)) {
			const char *t = set_str(x, q, meta_value(x, "framework", qc));

			if (!scsec__criteria_add_framework(x->c, scsec__criteria_str(x->c, id),
			                                   t ? t : scsec__criteria_str(x->c, id)) ||
			    scsec__map_set(&x->frameworks, id, (void *)1)) {
				x->oom = 1;
				return;
			}
		}
	}
	for (j = 0; j < x->nctls; j++) {
		const octl *t = &x->ctls[j];
		const char *id = the_id(t), *title;
		const json_t *st = statement_of(t->obj);
		struct scsec_prerequisite *p;

		if (!t->prereq || !use_id(x, t->obj, id, "prerequisite"))
			continue;
		title = set_str(x, t->obj, json_string_value(json_object_get(t->obj, "title")));
		if (!(p = scsec__criteria_add_prereq(x->c, scsec__criteria_str(x->c, id))) ||
		    scsec__criteria_text(x->c, &p->title, "en", title ? title : id)) {
			x->oom = 1;
			return;
		}
		if (st) {
			scsec__buf_reset(&x->text);
			put_part(x, &x->text, st, 0);
			scsec__buf_putc(&x->text, '\0');
			if (scsec__buf_error(&x->text)) {
				x->oom = 1;
				return;
			}
			if ((title = set_str(x, t->obj, x->text.data)) &&
			    scsec__criteria_text(x->c, &p->description, "en", title)) {
				x->oom = 1;
				return;
			}
		}
	}
}

static void add_refs(ctx *x, struct scsec_criterion *cr, const json_t *obj)
{
	const json_t *props = json_object_get(obj, "props"), *p;
	size_t i;

	json_array_foreach(props, i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *v = json_string_value(json_object_get(p, "value"));
		const char *cls = json_string_value(json_object_get(p, "class"));
		const char *ns = json_string_value(json_object_get(p, "ns"));
		char fw[80], title[300];
		size_t vn;

		if (!n || !v)
			continue;
		vn = strlen(v);
		scsec__trim(&v, &vn);
		if (!vn)
			continue;
		if (is_scsec_ns(p)) {
			const char *orig, *t;

			if (strcmp(n, "ref") || !cls)
				continue;
			orig = meta_value(x, "framework-id", cls);
			t = meta_value(x, "framework", cls);
			snprintf(fw, sizeof fw, "%s", orig ? orig : cls);
			snprintf(title, sizeof title, "%s", t ? t : fw);
		} else {
			if (!strcmp(n, x->imp && x->imp->level_prop ? x->imp->level_prop : "") )
				continue;
			/* libscsec writes the id as a label for OSCAL tools to show */
			if (x->scsec_doc && !strcmp(n, "label"))
				continue;
			snprintf(fw, sizeof fw, "oscal:%s", n);
			snprintf(title, sizeof title, "OSCAL property '%s'%s%s", n, ns ? " of " : "",
			         ns ? ns : "");
		}
		if (!scsec__id_ok(fw) || !keep_text(x, p, v, vn))
			continue;
		if (!scsec__map_get(&x->frameworks, fw)) {
			scsec__utf8_repair(title);
			if (!scsec__criteria_add_framework(x->c, scsec__criteria_str(x->c, fw),
			                                   scsec__criteria_str(x->c, title)) ||
			    scsec__map_set(&x->frameworks, fw, (void *)1)) {
				x->oom = 1;
				return;
			}
		}
		{
			char *val = scsec__strdup(v);

			if (!val) {
				x->oom = 1;
				return;
			}
			val[vn] = '\0';
			if (scsec__criterion_add_ref(x->c, cr, fw, val))
				x->oom = 1;
			scsec__free(val);
		}
	}
}

/* Give cr the ranks of the levels in mask: cumulative when they are all
 * the levels from the lowest of them up, else exactly those. */
static void set_levels(ctx *x, struct scsec_criterion *cr, uint64_t mask)
{
	int min = 100, ranks[SCSEC__MAX_LEVELS];
	size_t i, n = 0, above = 0;

	for (i = 0; i < x->nlevels; i++)
		if (mask >> i & 1) {
			ranks[n++] = x->levels[i].rank;
			if (x->levels[i].rank < min)
				min = x->levels[i].rank;
		}
	for (i = 0; i < x->nlevels; i++)
		above += x->levels[i].rank >= min;
	if (above == n) {
		cr->min_level = min;
		return;
	}
	if (!(cr->levels = scsec__arena_alloc(&x->c->arena, n * sizeof *cr->levels))) {
		x->oom = 1;
		return;
	}
	/* ascending */
	for (i = 1; i < n; i++) {
		int v = ranks[i];
		size_t j = i;

		while (j > 0 && ranks[j - 1] > v) {
			ranks[j] = ranks[j - 1];
			j--;
		}
		ranks[j] = v;
	}
	memcpy(cr->levels, ranks, n * sizeof *ranks);
	cr->nlevels = n;
	cr->min_level = min;
}

static int is_criterion(const octl *t)
{
	return t->mask && !t->withdrawn && !t->requirement && !t->prereq;
}

/* Mark which groups hold criteria, and how. */
static void find_content(ctx *x)
{
	size_t k, j;

	for (k = 0; k < x->nctls; k++) {
		const octl *t = &x->ctls[k];

		if (t->parent != NONE || t->group == NONE)
			continue;
		for (j = k; j < t->end; j++)
			if (is_criterion(&x->ctls[j]))
				break;
		if (j < t->end) {
			size_t g = t->group;

			x->groups[g].direct = 1;
			for (; g != NONE; g = x->groups[g].parent) {
				x->groups[g].content = 1;
				if (x->groups[g].parent != NONE)
					x->groups[x->groups[g].parent].subgroups = 1;
			}
		}
	}
}

static struct scsec_category *add_category(ctx *x, const json_t *obj, const char *id,
                                           const char *title, struct scsec_category *parent)
{
	struct scsec_category *cat;

	if (!use_id(x, obj, id, "category"))
		return NULL;
	if (!(cat = scsec__criteria_add_category(x->c, scsec__criteria_str(x->c, id), parent)) ||
	    !cat->id || scsec__criteria_text(x->c, &cat->title, "en", title ? title : id)) {
		x->oom = 1;
		return NULL;
	}
	return cat;
}

static void build_categories(ctx *x)
{
	size_t g;

	for (g = 0; g < x->ngroups && !x->oom; g++) {
		ogroup *gr = &x->groups[g];
		const char *gid = json_string_value(json_object_get(gr->obj, "id"));
		const char *own = prop_value(gr->obj, "id", 1), *fn = prop_value(gr->obj, "function", 1);
		const char *title = set_str(x, gr->obj, json_string_value(json_object_get(gr->obj, "title")));
		struct scsec_category *parent = gr->parent != NONE ? x->groups[gr->parent].cat : NULL;
		char synth[80];

		if (!gr->content || (gr->parent != NONE && !parent))
			continue;
		if (own)
			gid = own;
		if (!gid) {
			snprintf(synth, sizeof synth, "oscal:group-%zu", g + 1);
			gid = synth;
		}
		if (!(gr->cat = add_category(x, gr->obj, gid, title, parent)))
			continue;
		if (fn && scsec_function_parse(&gr->cat->own_function, fn))
			gr->cat->own_function = SCSEC_FUNCTION_NONE;
		if (gr->direct && gr->subgroups) {
			snprintf(synth, sizeof synth, "%.64s:controls", gid);
			gr->controls_cat = add_category(x, gr->obj, synth, title, gr->cat);
		} else {
			gr->controls_cat = gr->cat;
		}
	}
}

static void build_requirements(ctx *x)
{
	struct scsec_category *loose = NULL;
	size_t k, j;

	for (k = 0; k < x->nctls && !x->oom; k = x->ctls[k].end) {
		const octl *t = &x->ctls[k];
		struct scsec_category *cat;
		struct scsec_requirement *req;
		const char *rid;
		char rbuf[80];

		for (j = k; j < t->end; j++)
			if (is_criterion(&x->ctls[j]))
				break;
		if (j == t->end)
			continue;
		if (t->group == NONE) {
			if (!loose && !(loose = add_category(x, x->catalog, "oscal:controls", "Controls outside any group",
			                                     NULL)))
				return;
			cat = loose;
		} else if (!(cat = x->groups[t->group].controls_cat)) {
			continue;
		}
		if (t->requirement) {
			rid = the_id(t);
		} else {
			snprintf(rbuf, sizeof rbuf, "%.70s:req", t->id);
			rid = rbuf;
		}
		if (!use_id(x, t->obj, rid, "requirement"))
			continue;
		if (!(req = scsec__criteria_add_requirement(x->c, scsec__criteria_str(x->c, rid), cat)) ||
		    !req->id) {
			x->oom = 1;
			return;
		}
		{
			const char *name = set_str(x, t->obj, json_string_value(json_object_get(t->obj, "title")));

			if (scsec__criteria_text(x->c, &req->name, "en", name ? name : t->id)) {
				x->oom = 1;
				return;
			}
		}
		if (t->requirement && statement_of(t->obj)) {
			scsec__buf_reset(&x->text);
			put_part(x, &x->text, statement_of(t->obj), 0);
			scsec__buf_putc(&x->text, '\0');
			if (scsec__buf_error(&x->text)) {
				x->oom = 1;
				return;
			}
			{
				const char *s = set_str(x, t->obj, x->text.data);

				if (s && scsec__criteria_text(x->c, &req->text, "en", s)) {
					x->oom = 1;
					return;
				}
			}
		}
		for (j = k; j < t->end && !x->oom; j++) {
			const octl *u = &x->ctls[j];
			struct scsec_criterion *cr;
			const char *id = the_id(u), *text;
			const char *na = prop_value(u->obj, "na-allowed", 1);
			const char *w = prop_value(u->obj, "weight", 1);
			const char *poam = prop_value(u->obj, "poam-eligible", 1);

			if (!is_criterion(u) || !use_id(x, u->obj, id, "control"))
				continue;
			if (!(text = criterion_text(x, u)))
				continue;
			if (!(cr = scsec__criteria_add_criterion(x->c, scsec__criteria_str(x->c, id), req)) ||
			    !cr->id || scsec__criteria_text(x->c, &cr->text, "en", text)) {
				x->oom = 1;
				return;
			}
			set_levels(x, cr, u->mask);
			if (na)
				cr->na_allowed = strcmp(na, "false") != 0;
			if (w) {
				long v = strtol(w, NULL, 10);

				if (v >= 0 && v <= 1000)
					cr->weight = (int)v;
			}
			if (poam)
				cr->poam_eligible = !strcmp(poam, "true");
			add_refs(x, cr, u->obj);
		}
	}
}

/* The party named by the first responsible party of role (or NULL). */
static const char *party_of(const json_t *meta, const char *role)
{
	const json_t *rps = json_object_get(meta, "responsible-parties"), *rp;
	const json_t *parties = json_object_get(meta, "parties"), *p;
	size_t i, j;

	json_array_foreach(rps, i, rp) {
		const char *r = json_string_value(json_object_get(rp, "role-id"));
		const char *uuid = json_string_value(json_array_get(json_object_get(rp, "party-uuids"), 0));

		if (!r || strcmp(r, role) || !uuid)
			continue;
		json_array_foreach(parties, j, p) {
			const char *u = json_string_value(json_object_get(p, "uuid"));

			if (u && !strcmp(u, uuid))
				return json_string_value(json_object_get(p, "name"));
		}
	}
	return NULL;
}

static void describe(ctx *x)
{
	const json_t *meta = json_object_get(x->catalog, "metadata");
	const char *uuid = json_string_value(json_object_get(x->catalog, "uuid"));
	const char *own = prop_value(meta, "id", 1);
	const char *title = set_str(x, meta, json_string_value(json_object_get(meta, "title")));
	const char *version = json_string_value(json_object_get(meta, "version"));
	const char *published = json_string_value(json_object_get(meta, "published"));
	const char *publisher = party_of(meta, "publisher");
	const char *desc = own ? json_string_value(json_object_get(meta, "remarks")) : NULL;
	const char *source = own ? prop_value(meta, "source", 1) : NULL;
	scsec__buf b = SCSEC__BUF_INIT;
	size_t i, n;

	if (!publisher)
		publisher = party_of(meta, "creator");
	x->c->id = scsec__criteria_str(x->c, own && scsec__id_ok(own) ? own
	                                     : uuid && scsec__id_ok(uuid) ? uuid : "oscal-catalog");
	if (version) {
		n = strlen(version);
		scsec__trim(&version, &n);
	}
	x->c->version = version && n ? scsec__criteria_strn(x->c, version, n) : "unversioned";
	if (scsec__criteria_text(x->c, &x->c->title, "en", title ? title : "OSCAL catalog"))
		x->oom = 1;
	if (publisher && (publisher = set_str(x, meta, publisher)))
		x->c->publisher = publisher;
	if (published && strlen(published) >= 10) {
		scsec_date d;

		if (!scsec__date_parse_n(&d, published, 10))
			x->c->issued = d;
	}
	if (desc) {
		desc = set_str(x, meta, desc);
	} else {
		scsec__buf_printf(&b, "Imported from the OSCAL catalog %s", title ? title : "");
		if (version)
			scsec__buf_printf(&b, " (version %.*s)", (int)n, version);
		if (x->imp && x->imp->level_prop) {
			scsec__buf_printf(&b, "; levels from the controls' property '%s'",
			                  x->imp->level_prop);
		} else if (x->nprofiles) {
			scsec__buf_puts(&b, "; levels from the profiles");
			for (i = 0; i < x->nlevels; i++) {
				const json_t *pm = json_object_get(x->profiles[x->levels[i].profile].model,
				                                   "metadata");
				const char *pt = json_string_value(json_object_get(pm, "title"));

				scsec__buf_printf(&b, "%s %s (level %d)", i ? "," : "", pt ? pt : "?",
				                  x->levels[i].rank);
			}
		} else {
			scsec__buf_puts(&b, "; one level with every control");
		}
		scsec__buf_puts(&b, ". Profile 'modify' and 'merge' directives are not applied.");
		scsec__buf_putc(&b, '\0');
		if (scsec__buf_error(&b))
			x->oom = 1;
		else
			desc = set_str(x, meta, b.data);
		scsec__buf_dispose(&b);
	}
	if (desc && scsec__criteria_text(x->c, &x->c->description, "en", desc))
		x->oom = 1;
	x->c->source = set_str(x, meta, source ? source : title);
	if (own && prop_value(meta, "source-uri", 1))
		x->c->source_uri = set_str(x, meta, prop_value(meta, "source-uri", 1));
	if (!x->c->id || !x->c->version)
		x->oom = 1;
}

static void build_levels(ctx *x)
{
	size_t i;

	if (!x->nlevels && !(x->imp && x->imp->level_prop) && !x->nprofiles) {
		size_t k;

		x->levels[0].rank = 1;
		x->levels[0].label = "all";
		x->levels[0].profile = NONE;
		x->nlevels = 1;
		for (k = 0; k < x->nctls; k++)
			x->ctls[k].mask = 1;
	}
	for (i = 0; i < x->nlevels && !x->oom; i++) {
		const olevel *ol = &x->levels[i];
		struct scsec_level *l = scsec__criteria_add_level(x->c, ol->rank);
		const json_t *pm = ol->profile != NONE
		                       ? json_object_get(x->profiles[ol->profile].model, "metadata")
		                       : NULL;
		const char *title = pm ? json_string_value(json_object_get(pm, "title")) : NULL;
		const char *method = pm ? prop_value(pm, "method", 1) : NULL;
		const char *validity = pm ? prop_value(pm, "validity", 1) : NULL;
		const char *prov = pm ? prop_value(pm, "validity-provisional", 1) : NULL;
		const char *lower = pm ? prop_value(pm, "requires-lower", 1) : NULL;
		scsec__duration d;

		if (!l || !(l->label = set_str(x, pm, ol->label))) {
			x->oom |= !l;
			continue;
		}
		if (title && (title = set_str(x, pm, title)) &&
		    scsec__criteria_text(x->c, &l->title, "en", title))
			x->oom = 1;
		if (!method || scsec__method_parse(&l->method, method, 0) || !l->method)
			l->method = SCSEC_METHOD_SELF;
		if (!validity || scsec__duration_parse(&d, validity, strlen(validity))) {
			validity = "P1Y";
			scsec__duration_parse(&d, validity, strlen(validity));
			l->provisional = 1;
		} else {
			l->provisional = prov && !strcmp(prov, "true");
		}
		l->duration = d;
		l->validity = scsec__criteria_str(x->c, validity);
		l->requires_lower = lower && !strcmp(lower, "true") && i > 0;
		{
			size_t k;

			for (k = 0; k < x->nctls; k++)
				if (x->ctls[k].prereq && (x->ctls[k].mask >> i & 1) &&
				    scsec__level_add_requires(x->c, l, the_id(&x->ctls[k])))
					x->oom = 1;
		}
	}
}

/* ------------------------------------------------------------ the reader */

static void ctx_dispose(ctx *x)
{
	size_t i;

	for (i = 0; i < x->nprofiles; i++) {
		scsec__jdoc_dispose(&x->profiles[i].doc);
		scsec__free(x->profiles[i].sel);
	}
	scsec__free(x->profiles);
	scsec__jdoc_dispose(&x->cat);
	scsec__free(x->ctls);
	scsec__free(x->groups);
	scsec__map_dispose(&x->ids);
	scsec__map_dispose(&x->params);
	scsec__map_dispose(&x->frameworks);
	scsec__buf_dispose(&x->text);
}

static size_t count_errors(const ctx *x)
{
	size_t i, n = x->cat.rep.errors;

	for (i = 0; i < x->nprofiles; i++)
		n += x->profiles[i].doc.rep.errors;
	return n;
}

/* The first error's code, that error made the thread's last again. */
static int first_error(ctx *x)
{
	scsec__reporter *first = NULL;
	unsigned best = 0;
	size_t i;

	note_first(x);
	if (x->cat.rep.first_error) {
		first = &x->cat.rep;
		best = x->cat_order;
	}
	for (i = 0; i < x->nprofiles; i++)
		if (x->profiles[i].doc.rep.first_error && (!first || x->profiles[i].order < best)) {
			first = &x->profiles[i].doc.rep;
			best = x->profiles[i].order;
		}
	if (first)
		return scsec__report_result(first);
	return scsec__error_set(SCSEC_EINVALID, "%s: the OSCAL documents cannot be imported",
	                        x->cat_name);
}

static int import_oscal(scsec_criteria **out, const char *path, const void *data, size_t size,
                        const char *name, const scsec_oscal_import *imp,
                        const scsec_load_options *opts, scsec_diagnostics *diags)
{
	const struct scsec_load_options *o = scsec__load_options(opts);
	scsec__reporter rep;
	ctx x;
	size_t k;
	int rc = 0;

	memset(&x, 0, sizeof x);
	x.imp = imp;
	x.opts = opts;
	x.diags = diags;
	rc = read_doc(&x, &x.cat, path, data, size, name);
	x.cat_name = x.cat.rep.name;
	if (rc) {
		ctx_dispose(&x);
		return rc;
	}
	if (!(x.catalog = model_of(&x, &x.cat, "catalog"))) {
		rc = first_error(&x);
		ctx_dispose(&x);
		return rc;
	}
	{
		scsec__jloc root = SCSEC__JROOT(x.cat.root);
		scsec__jloc cl = scsec__jat(&root, "catalog", x.catalog);
		const json_t *meta = json_object_get(x.catalog, "metadata");

		x.scsec_doc = prop_value(meta, "id", 1) != NULL;
		scsec__jget_str(&x.cat, &cl, x.catalog, "uuid", 1, NULL);
		walk_params(&x, &cl, x.catalog);
		walk_controls(&x, &cl, x.catalog, NONE, NONE);
		walk_groups(&x, &cl, x.catalog, NONE);
	}
	x.text_budget = (uint64_t)4 * o->max_document_size + ((uint64_t)1 << 24);
	if (!x.oom && !x.failed && !count_errors(&x)) {
		if (imp && imp->level_prop)
			levels_from_prop(&x);
		else if ((rc = load_profiles(&x)) == SCSEC_ENOMEM)
			x.oom = 1;
		else if (rc) {
			ctx_dispose(&x);
			return rc;
		}
	}
	if (!x.oom && !x.failed && !count_errors(&x)) {
		size_t withdrawn = 0, unselected = 0;

		if ((rc = scsec__criteria_new(&x.c, x.cat_name))) {
			ctx_dispose(&x);
			return rc;
		}
		build_levels(&x);
		for (k = 0; k < x.nctls; k++) {
			withdrawn += x.ctls[k].withdrawn && !x.ctls[k].requirement;
			unselected += !x.ctls[k].withdrawn && !x.ctls[k].mask && !x.ctls[k].requirement &&
			              !x.ctls[k].prereq;
		}
		if (withdrawn || unselected) {
			report(&x, &x.cat, NULL, SCSEC_SEVERITY_NOTE, SCSEC_ERROR,
			       "%zu of the %zu controls are left out: %zu withdrawn, %zu selected by no level",
			       withdrawn + unselected, x.nctls, withdrawn, unselected);
		}
		find_content(&x);
		describe(&x);
		add_prereqs(&x);
		build_categories(&x);
		build_requirements(&x);
	}
	if (x.oom) {
		rc = scsec__report(&x.cat.rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_ENOMEM, NULL,
		                   "out of memory");
	} else if (x.failed || count_errors(&x)) {
		rc = first_error(&x);
	} else {
		rep = (scsec__reporter)SCSEC__REPORTER_INIT(x.cat_name, diags);
		if (!(rc = scsec__criteria_finish(x.c, &rep)))
			rc = scsec__criteria_fingerprint(x.c);
	}
	if (rc) {
		scsec_criteria_free(x.c);
		ctx_dispose(&x);
		return rc;
	}
	*out = x.c;
	ctx_dispose(&x);
	return 0;
}

int scsec_criteria_import_oscal(scsec_criteria **out, const char *catalog,
                                const scsec_oscal_import *imp, const scsec_load_options *opts,
                                scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(catalog);
	return import_oscal(out, catalog, NULL, 0, NULL, imp, opts, diags);
}

int scsec_criteria_import_oscal_memory(scsec_criteria **out, const void *data, size_t size,
                                       const char *name, const scsec_oscal_import *imp,
                                       const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return import_oscal(out, NULL, data ? data : "", size, name, imp, opts, diags);
}
