/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Results read back from the XML and JSON forms io/result_write.c writes
 * (issue 11, section 4; issue 15).
 *
 * One reader: a JSON document is read as it is; an XML document is first
 * checked against the structure of scsec-result-1.xsd and turned into the
 * same JSON tree, every object marked with the line and column of its
 * element, so both forms give the same result and the same checks, with a
 * JSON pointer or a file:line:column. The result refers to the criteria set
 * the caller gives, which must be the one it was computed with (same
 * fingerprint); every id, level, category and band must be the set's. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "io/json.h"
#include "io/signature.h"
#include "io/xml.h"
#include "model/result.h"
#include "model/trust.h"
#include "util/alloc.h"
#include "util/error.h"

#define FORMAT "scsec-result-1"
#define ENGINE_PREFIX "libscsec "

/* ------------------------------------------------------ XML to the tree */

/* scsec-result-1.xsd as structure rules (io/xml.h). */
#define A(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define FIGS "applicable", "satisfied", "not-applicable", "missing", "not-met", "partial", \
	"na-rejected", "method", "unverified", "not-yet-valid", "expired"
static const scsec__xspec s_pcriteria = { "criteria", A("id", "version", "fingerprint"), 0, 0, NULL };
static const scsec__xspec s_pevidence = { "evidence", A("fingerprint", "subject", "derived"), 0, 0,
	                                  NULL };
static const scsec__xspec s_signer = {
	"signer", A("verdict", "subject", "fingerprint", "signing-time", "party", "role", "problem"),
	0, 0, NULL,
};
static const scsec__xspec s_trust = {
	"trust", A("applied", "operator", "version", "verified", "method"), 0, 0,
	(const scsec__xspec_child[]){ { &s_signer, 0, 0, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_provenance = {
	"provenance", A("engine"), 0, 0,
	(const scsec__xspec_child[]){ { &s_pcriteria, 1, 1, 0 },
	                               { &s_pevidence, 1, 1, 0 },
	                               { &s_trust, 0, 1, 0 },
	                               { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_required = { "required", A("level", "met"), 0, 0, NULL };
static const scsec__xspec s_level = { "level", A("rank", "label", "met", FIGS), 0, 0, NULL };
static const scsec__xspec s_gap = { "gap", A("id", "reason", "type"), 0, 0, NULL };
static const scsec__xspec s_gaps = {
	"gaps", A("level"), 0, 0,
	(const scsec__xspec_child[]){ { &s_gap, 0, 0, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_function = { "function", A("code", FIGS), 0, 0, NULL };
static const scsec__xspec s_category = { "category", A("id", FIGS), 0, 0, NULL };
static const scsec__xspec s_score = {
	"score", A("model", "value", "max", "band", "conditional"), 0, 0, NULL,
};
static const scsec__xspec s_item = { "item", A("id", "reason", "last-valid"), 0, 0, NULL };
static const scsec__xspec s_level_items = {
	"level-items", A("rank"), 0, 0,
	(const scsec__xspec_child[]){ { &s_item, 0, 0, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_rests_on = { "rests-on", A("id"), 0, 0, NULL };
static const scsec__xspec s_unstated = { "unstated-role", A("id"), 0, 0, NULL };
static const scsec__xspec s_blocker = { "blocker", A("id", "kind"), 0, 0, NULL };
static const scsec__xspec s_plevel = {
	"level", A("rank", "label", "on"), 0, 0,
	(const scsec__xspec_child[]){ { &s_blocker, 0, 0, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_projection = {
	"projection", A(NULL), 0, 0,
	(const scsec__xspec_child[]){ { &s_plevel, 0, 64, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_result = {
	"result", A("level", "label", "valid-until", "as-of"), 0, 0,
	(const scsec__xspec_child[]){ { &s_provenance, 1, 1, 0 },
	                               { &s_required, 0, 1, 0 },
	                               { &s_level, 1, 64, 0 },
	                               { &s_gaps, 1, 1, 0 },
	                               { &s_function, 0, 6, 0 },
	                               { &s_category, 0, 0, 0 },
	                               { &s_score, 0, 1, 0 },
	                               { &s_level_items, 0, 64, 0 },
	                               { &s_rests_on, 0, 0, 0 },
	                               { &s_unstated, 0, 0, 0 },
	                               { &s_projection, 0, 1, 0 },
	                               { NULL, 0, 0, 0 } },
};
#undef FIGS
#undef A

#define IS(n, name) scsec__xnode_is((n), SCSEC__NS_RESULT, (name))

typedef struct conv {
	scsec__jdoc *j;
	scsec__xdoc *x;
	int failed;  /* out of memory, or a value reported */
} conv;

/* Put v (may be NULL: out of memory) as member key of obj. */
static void put(conv *c, json_t *obj, const char *key, json_t *v)
{
	if (!v || json_object_set_new(obj, key, v))
		c->failed = 1;
}

static void push(conv *c, json_t *arr, json_t *v)
{
	if (!v || json_array_append_new(arr, v))
		c->failed = 1;
}

/* A new object marked with n's line and column, put at obj[key] or
 * appended to arr (one of them). */
static json_t *node_object(conv *c, const scsec__xnode *n, json_t *obj, const char *key,
                           json_t *arr)
{
	json_t *o = json_object();

	if (!o || scsec__jdoc_mark(c->j, o, n->line, n->column)) {
		json_decref(o);
		c->failed = 1;
		return NULL;
	}
	if (arr)
		push(c, arr, o);
	else
		put(c, obj, key, o);
	return c->failed ? NULL : o;
}

/* Attribute name of n as a string member key of obj (when present). */
static void str_attr(conv *c, json_t *obj, const char *key, const scsec__xnode *n,
                     const char *name)
{
	const char *v = scsec__xattr_get(n, name);

	if (v)
		put(c, obj, key, json_string(v));
}

/* The same as an integer within [min, max], or as null when absent and
 * nullable (else left out). */
static void int_attr(conv *c, json_t *obj, const char *key, const scsec__xnode *n,
                     const char *name, long min, long max, int nullable)
{
	long v;

	if (!scsec__xattr_get(n, name)) {
		if (nullable)
			put(c, obj, key, json_null());
		return;
	}
	if (scsec__xa_long(c->x, n, name, 1, min, max, &v))
		c->failed = 1;
	else
		put(c, obj, key, json_integer(v));
}

static void bool_attr(conv *c, json_t *obj, const char *key, const scsec__xnode *n,
                      const char *name)
{
	int v = 0;

	if (!scsec__xattr_get(n, name))
		return;
	if (scsec__xa_bool(c->x, n, name, &v))
		c->failed = 1;
	else
		put(c, obj, key, json_boolean(v));
}

/* The figures attributes of n into obj: applicable, satisfied,
 * not_applicable and a reasons object (zero counts are left out in XML). */
static void figures(conv *c, json_t *obj, const scsec__xnode *n)
{
	json_t *reasons;
	size_t i;

	int_attr(c, obj, "applicable", n, "applicable", 0, LONG_MAX, 0);
	int_attr(c, obj, "satisfied", n, "satisfied", 0, LONG_MAX, 0);
	int_attr(c, obj, "not_applicable", n, "not-applicable", 0, LONG_MAX, 0);
	if (!(reasons = json_object())) {
		c->failed = 1;
		return;
	}
	put(c, obj, "reasons", reasons);
	for (i = 0; i < SCSEC__NREASONS && !c->failed; i++) {
		const char *name = scsec_reason_name((scsec_reason)scsec__reason_order[i]);

		int_attr(c, reasons, name, n, name, 0, LONG_MAX, 0);
	}
}

static void provenance(conv *c, json_t *root, const scsec__xnode *p)
{
	const scsec__xnode *k, *s;
	json_t *o, *signers;
	const char *engine = scsec__xattr_get(p, "engine");

	if ((o = node_object(c, p, root, "engine", NULL))) {
		put(c, o, "name", json_string("libscsec"));
		if (engine && !strncmp(engine, ENGINE_PREFIX, strlen(ENGINE_PREFIX)))
			put(c, o, "version", json_string(engine + strlen(ENGINE_PREFIX)));
		else if (engine)
			put(c, o, "version", json_string(engine)); /* refused by the reader */
	}
	for (k = p->first; k && !c->failed; k = k->next) {
		if (IS(k, "criteria") && (o = node_object(c, k, root, "criteria", NULL))) {
			str_attr(c, o, "id", k, "id");
			str_attr(c, o, "version", k, "version");
			str_attr(c, o, "fingerprint", k, "fingerprint");
		} else if (IS(k, "evidence") && (o = node_object(c, k, root, "evidence", NULL))) {
			str_attr(c, o, "fingerprint", k, "fingerprint");
			bool_attr(c, o, "derived", k, "derived");
			if ((o = node_object(c, k, root, "subject", NULL)))
				put(c, o, "name", scsec__xattr_get(k, "subject")
				                          ? json_string(scsec__xattr_get(k, "subject"))
				                          : json_null());
		} else if (IS(k, "trust") && (o = node_object(c, k, root, "trust", NULL))) {
			bool_attr(c, o, "applied", k, "applied");
			str_attr(c, o, "operator", k, "operator");
			str_attr(c, o, "version", k, "version");
			bool_attr(c, o, "verified", k, "verified");
			str_attr(c, o, "method", k, "method");
			if (!json_is_true(json_object_get(o, "applied")) && !k->first)
				continue;
			if (!(signers = json_array())) {
				c->failed = 1;
				break;
			}
			put(c, o, "signers", signers);
			for (s = k->first; s && !c->failed; s = s->next) {
				static const char *const keys[] = { "verdict", "subject", "fingerprint",
					                            "signing-time", "party", "role",
					                            "problem" };
				json_t *g = node_object(c, s, NULL, NULL, signers);
				size_t i;

				/* Absent attributes are the JSON form's nulls (problem:
				 * left out). */
				for (i = 0; g && i < sizeof keys / sizeof *keys; i++) {
					const char *key = i == 3 ? "signing_time" : keys[i];

					if (scsec__xattr_get(s, keys[i]))
						str_attr(c, g, key, s, keys[i]);
					else if (i && i < 6)
						put(c, g, key, json_null());
				}
			}
		}
	}
}

/* A signed result ends with its root-level ds:Signature elements (as a
 * signed record does, doc/signatures.md): the first of them, or NULL;
 * other dsig elements and result elements after a signature are
 * reported. */
static scsec__xnode *first_signature(scsec__xdoc *d)
{
	scsec__xnode *k, *first = NULL;

	for (k = d->root->first; k; k = k->next) {
		if (k->ns && !strcmp(k->ns, SCSEC__NS_DSIG) && !strcmp(k->name, "Signature"))
			first = first ? first : k;
		else if (first || (k->ns && !strcmp(k->ns, SCSEC__NS_DSIG)))
			scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element '%s' is not expected here: only ds:Signature "
			                  "elements follow the result's content", k->name);
	}
	return first;
}

/* The structure rules over the result without its trailing signatures. */
static size_t check_structure(scsec__xdoc *d, scsec__xnode *sig)
{
	scsec__xnode *root = d->root, *last = root->last, *before = NULL, *k;
	size_t problems;

	for (k = root->first; k && k != sig; k = k->next)
		before = k;
	if (sig) {
		if (before)
			before->next = NULL;
		else
			root->first = NULL;
		root->last = before;
	}
	problems = scsec__xml_check_structure(d, root, &s_result, SCSEC__NS_RESULT);
	if (sig) {
		if (before)
			before->next = sig;
		else
			root->first = sig;
		root->last = last;
	}
	return problems;
}

/* The result element as the JSON form's tree. */
static int tree_from_xml(scsec__jdoc *j, scsec__xdoc *x, scsec__xnode *sig)
{
	const scsec__xnode *root = x->root, *k, *g;
	json_t *levels, *gaps, *functions, *categories, *items, *rests, *unstated, *o, *a;
	conv c = { j, x, 0 };

	if (x->rep.first_error || (!x->validated && check_structure(x, sig)))
		return scsec__report_result(&x->rep);
	if (!(j->root = json_object()) || scsec__jdoc_mark(j, j->root, root->line, root->column))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	put(&c, j->root, "format", json_string(FORMAT));
	int_attr(&c, j->root, "level", root, "level", 0, INT_MAX, 0);
	str_attr(&c, j->root, "level_label", root, "label");
	put(&c, j->root, "valid_until", scsec__xattr_get(root, "valid-until")
	                                      ? json_string(scsec__xattr_get(root, "valid-until"))
	                                      : json_null());
	str_attr(&c, j->root, "as_of", root, "as-of");
	put(&c, j->root, "required_level", json_null());
	put(&c, j->root, "meets_required", json_null());
	put(&c, j->root, "score", json_null());
	put(&c, j->root, "levels", levels = json_array());
	put(&c, j->root, "gaps", gaps = json_array());
	put(&c, j->root, "functions", functions = json_object());
	put(&c, j->root, "categories", categories = json_array());
	items = rests = unstated = NULL;
	for (k = root->first; k && !c.failed; k = k->next) {
		if (IS(k, "provenance")) {
			provenance(&c, j->root, k);
		} else if (IS(k, "required")) {
			int_attr(&c, j->root, "required_level", k, "level", 1, INT_MAX, 0);
			bool_attr(&c, j->root, "meets_required", k, "met");
		} else if (IS(k, "level") && (o = node_object(&c, k, NULL, NULL, levels))) {
			int_attr(&c, o, "rank", k, "rank", 1, INT_MAX, 0);
			str_attr(&c, o, "label", k, "label");
			bool_attr(&c, o, "met", k, "met");
			figures(&c, o, k);
		} else if (IS(k, "gaps")) {
			int_attr(&c, j->root, "gap_level", k, "level", 0, INT_MAX, 0);
			for (g = k->first; g && !c.failed; g = g->next) {
				if (!(o = node_object(&c, g, NULL, NULL, gaps)))
					break;
				str_attr(&c, o, "id", g, "id");
				str_attr(&c, o, "reason", g, "reason");
				str_attr(&c, o, "type", g, "type");
			}
		} else if (IS(k, "function")) {
			const char *code = scsec__xattr_token(k, "code");

			if (!code || json_object_get(functions, code)) {
				scsec__xml_report(x, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  code ? "a second 'function' element for '%.8s'"
				                       : "element 'function' has no 'code'%.0s",
				                  code ? code : "");
				c.failed = 1;
			} else if ((o = node_object(&c, k, functions, code, NULL))) {
				figures(&c, o, k);
			}
		} else if (IS(k, "category") && (o = node_object(&c, k, NULL, NULL, categories))) {
			str_attr(&c, o, "id", k, "id");
			figures(&c, o, k);
		} else if (IS(k, "score") && (o = node_object(&c, k, j->root, "score", NULL))) {
			str_attr(&c, o, "model", k, "model");
			int_attr(&c, o, "value", k, "value", LONG_MIN, LONG_MAX, 0);
			int_attr(&c, o, "max", k, "max", LONG_MIN, LONG_MAX, 0);
			put(&c, o, "band", scsec__xattr_get(k, "band")
			                           ? json_string(scsec__xattr_get(k, "band")) : json_null());
			put(&c, o, "conditional",
			    scsec__xattr_get(k, "conditional")
			            ? json_string(scsec__xattr_get(k, "conditional")) : json_null());
		} else if (IS(k, "level-items")) {
			if (!items)
				put(&c, j->root, "level_items", items = json_array());
			if (c.failed || !(o = node_object(&c, k, NULL, NULL, items)))
				break;
			int_attr(&c, o, "rank", k, "rank", 1, INT_MAX, 0);
			put(&c, o, "items", a = json_array());
			for (g = k->first; g && !c.failed; g = g->next) {
				json_t *it = node_object(&c, g, NULL, NULL, a);

				if (!it)
					break;
				str_attr(&c, it, "id", g, "id");
				str_attr(&c, it, "reason", g, "reason");
				put(&c, it, "last_valid", scsec__xattr_get(g, "last-valid")
				                              ? json_string(scsec__xattr_get(g, "last-valid"))
				                              : json_null());
			}
		} else if (IS(k, "projection")) {
			put(&c, j->root, "projection", a = json_array());
			for (g = k->first; g && !c.failed; g = g->next) {
				const scsec__xnode *bn;
				json_t *bl;

				if (!(o = node_object(&c, g, NULL, NULL, a)))
					break;
				int_attr(&c, o, "rank", g, "rank", 1, INT_MAX, 0);
				str_attr(&c, o, "label", g, "label");
				put(&c, o, "on", scsec__xattr_get(g, "on") ? json_string(scsec__xattr_get(g, "on"))
				                                           : json_null());
				put(&c, o, "blockers", bl = json_array());
				for (bn = g->first; bn && !c.failed; bn = bn->next) {
					json_t *it = node_object(&c, bn, NULL, NULL, bl);

					if (!it)
						break;
					str_attr(&c, it, "id", bn, "id");
					str_attr(&c, it, "kind", bn, "kind");
				}
			}
		} else if (IS(k, "rests-on") || IS(k, "unstated-role")) {
			json_t **list = IS(k, "rests-on") ? &rests : &unstated;
			const char *id = scsec__xattr_get(k, "id");

			if (!*list)
				put(&c, j->root, list == &rests ? "rests_on" : "unstated_roles",
				    *list = json_array());
			if (!c.failed && id)
				push(&c, *list, json_string(id));
		}
	}
	if (x->rep.first_error)
		return scsec__report_result(&x->rep);
	if (c.failed)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	return 0;
}

/* ------------------------------------------------------- the one reader */

typedef struct rd {
	scsec__jdoc *d;
	const scsec_criteria *c;
	scsec_result *r;
	int oom;
} rd;

#define BAD(t, at, code, ...) \
	scsec__json_report((t)->d, (at), SCSEC_SEVERITY_ERROR, (code), NULL, __VA_ARGS__)

/* A kept copy of s (NULL for NULL). */
static const char *keep_str(rd *t, const char *s)
{
	char *p;

	if (!s)
		return NULL;
	if (!(p = scsec__result_keep(t->r, strlen(s) + 1))) {
		t->oom = 1;
		return NULL;
	}
	return memcpy(p, s, strlen(s) + 1);
}

static void *keep(rd *t, size_t n, size_t size)
{
	void *p = n > SIZE_MAX / (size ? size : 1) ? NULL : scsec__result_keep(t->r, n * size);

	if (!p)
		t->oom = 1;
	return p;
}

/* A member that is a string or null: 0 and *out (NULL for null, or when
 * absent and not required), or the reported code. */
static int str_or_null(rd *t, const scsec__jloc *at, const json_t *obj, const char *key,
                       int required, const char **out)
{
	const json_t *v = json_object_get(obj, key);

	*out = NULL;
	if ((v && json_is_null(v)) || (!v && !required))
		return 0;
	return (*out = scsec__jget_str(t->d, at, obj, key, 1, NULL)) ? 0 : SCSEC_ESCHEMA;
}

/* An integer member that may be null or absent (*out = 0 then). */
static int int_or_null(rd *t, const scsec__jloc *at, const json_t *obj, const char *key,
                       long long min, long long max, long long *out)
{
	const json_t *v = json_object_get(obj, key);
	int rc;

	*out = 0;
	if (!v || json_is_null(v))
		return 1;
	rc = scsec__jget_int(t->d, at, obj, key, 1, min, max, out);
	return rc ? rc : 0;
}

/* A date member: a string, or null when nullable. */
static int date_member(rd *t, const scsec__jloc *at, const json_t *obj, const char *key,
                       int nullable, scsec_date *out)
{
	const char *s = NULL;
	scsec__jloc kl;

	*out = SCSEC_DATE_NONE;
	if (nullable) {
		if (str_or_null(t, at, obj, key, 1, &s))
			return SCSEC_ESCHEMA;
	} else if (!(s = scsec__jget_str(t->d, at, obj, key, 1, NULL))) {
		return SCSEC_ESCHEMA;
	}
	if (!s)
		return 0;
	kl = scsec__jat(at, key, json_object_get(obj, key));
	if (scsec_date_parse(out, s))
		return BAD(t, &kl, SCSEC_EDATE, "'%.32s' is not a date (YYYY-MM-DD)", s);
	return 0;
}

/* "YYYY-MM-DDTHH:MM:SSZ" into seconds since the epoch. */
static int parse_time(int64_t *out, const char *s)
{
	scsec_date d;
	unsigned h, m, sec;
	char z;

	if (strlen(s) != 20 || s[10] != 'T' || scsec__date_parse_n(&d, s, 10) ||
	    sscanf(s + 11, "%2u:%2u:%2u%c", &h, &m, &sec, &z) != 4 || z != 'Z' || h > 23 || m > 59 ||
	    sec > 59 || s[13] != ':' || s[16] != ':')
		return -1;
	*out = (int64_t)d * 86400 + h * 3600 + m * 60 + sec;
	return 0;
}

static int is_sha256(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 64;
}

static int reason_parse(scsec_reason *out, const char *s)
{
	int w;

	for (w = 0; w < SCSEC_REASON_COUNT_1_1; w++) {
		if (!strcmp(s, w ? scsec_reason_name((scsec_reason)w) : "satisfied")) {
			*out = (scsec_reason)w;
			return 0;
		}
	}
	return -1;
}

/* One figures object (applicable, satisfied, not_applicable, reasons),
 * checked: the counts add up and stay within the set's items. */
static void read_figures(rd *t, const scsec__jloc *at, const json_t *o, struct scsec_figures *f)
{
	static const char *const reason_members[] = { "missing", "not-met", "partial", "na-rejected",
		                                      "method", "unverified", "not-yet-valid",
		                                      "expired", NULL };
	long long max = (long long)(t->c->ncriteria + t->c->nprereqs), v;
	const json_t *reasons;
	size_t i, sum;

	memset(f, 0, sizeof *f);
	if (!scsec__jget_int(t->d, at, o, "applicable", 1, 0, max, &v))
		f->applicable = (size_t)v;
	if (!scsec__jget_int(t->d, at, o, "satisfied", 1, 0, max, &v))
		f->count[SCSEC_REASON_NONE] = (size_t)v;
	if (!scsec__jget_int(t->d, at, o, "not_applicable", 0, 0, max, &v))
		f->not_applicable = (size_t)v;
	sum = f->count[SCSEC_REASON_NONE];
	if ((reasons = scsec__jget_object(t->d, at, o, "reasons", 1, NULL))) {
		scsec__jloc rl = scsec__jat(at, "reasons", reasons);

		scsec__jcheck_members(t->d, &rl, reasons, reason_members);
		for (i = 0; i < SCSEC__NREASONS; i++) {
			unsigned w = scsec__reason_order[i];

			if (!scsec__jget_int(t->d, &rl, reasons, scsec_reason_name((scsec_reason)w), 0, 0,
			                     max, &v)) {
				f->count[w] = (size_t)v;
				sum += (size_t)v;
			}
		}
	}
	if (sum != f->applicable)
		BAD(t, at, SCSEC_EINVALID,
		    "%zu applicable, but %zu satisfied and %zu with a reason", f->applicable,
		    f->count[SCSEC_REASON_NONE], sum - f->count[SCSEC_REASON_NONE]);
	if (f->not_applicable > f->count[SCSEC_REASON_NONE])
		BAD(t, at, SCSEC_EINVALID, "more not-applicable (%zu) than satisfied (%zu)",
		    f->not_applicable, f->count[SCSEC_REASON_NONE]);
}

/* Each element of array member key: an object with only these members,
 * given to fn with its location. */
typedef void (*element_fn)(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg);

static size_t each(rd *t, const scsec__jloc *at, const json_t *obj, const char *key,
                   int required, const char *const *members, element_fn fn, void *arg)
{
	const json_t *a = scsec__jget_array(t->d, at, obj, key, required, NULL);
	scsec__jloc al, el;
	size_t i;

	if (!a)
		return 0;
	al = scsec__jat(at, key, a);
	for (i = 0; i < json_array_size(a) && !t->oom; i++) {
		const json_t *o = json_array_get(a, i);

		el = scsec__jat_index(&al, i, o);
		if (!json_is_object(o)) {
			BAD(t, &el, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(o));
			continue;
		}
		if (members)
			scsec__jcheck_members(t->d, &el, o, members);
		fn(t, &el, o, i, arg);
	}
	return json_array_size(a);
}

static void read_level(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg)
{
	const struct scsec_level *l = i < t->c->nlevels ? t->c->levels[i] : NULL;
	const char *label;
	long long rank;
	int met = 0;

	(void)arg;
	if (!l)
		return;
	if (!scsec__jget_int(t->d, at, o, "rank", 1, 1, INT_MAX, &rank) && rank != l->rank)
		BAD(t, at, SCSEC_EINVALID, "level %zu of '%s' has rank %d, not %lld", i + 1, t->c->id,
		    l->rank, rank);
	if ((label = scsec__jget_str(t->d, at, o, "label", 1, NULL)) && strcmp(label, l->label))
		BAD(t, at, SCSEC_EINVALID, "level %d of '%s' is labelled '%s', not '%.64s'", l->rank,
		    t->c->id, l->label, label);
	scsec__jget_bool(t->d, at, o, "met", 1, &met);
	t->r->met[i] = (unsigned char)(met != 0);
	read_figures(t, at, o, &t->r->level_figures[i]);
}

/* The item (criteria, then prerequisites) named at loc. -1 when it is
 * none of the set's (reported). */
static long find_item(rd *t, const scsec__jloc *at, const char *id, int *prereq)
{
	const void *obj;
	scsec__id_kind kind = scsec__criteria_lookup(t->c, id, &obj);

	if (kind == SCSEC__ID_CRITERION) {
		*prereq = 0;
		return (long)((const struct scsec_criterion *)obj)->index;
	}
	if (kind == SCSEC__ID_PREREQUISITE) {
		*prereq = 1;
		return (long)(t->c->ncriteria + ((const struct scsec_prerequisite *)obj)->index);
	}
	BAD(t, at, SCSEC_EINVALID, "'%.64s' is no criterion or prerequisite of '%s'", id, t->c->id);
	return -1;
}

static void read_gap(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg)
{
	struct scsec_gap *g = &t->r->gaps[i];
	const char *id = scsec__jget_str(t->d, at, o, "id", 1, NULL);
	const char *reason = scsec__jget_str(t->d, at, o, "reason", 1, NULL);
	const char *type = scsec__jget_str(t->d, at, o, "type", 1, NULL);
	scsec_reason w;
	long item;
	int prereq = 0;

	(void)arg;
	if (reason && (reason_parse(&w, reason) || w == SCSEC_REASON_NONE))
		BAD(t, at, SCSEC_EINVALID, "'%.32s' is not a reason", reason);
	else if (reason)
		g->reason = (unsigned char)w;
	if (type && strcmp(type, "criterion") && strcmp(type, "prerequisite"))
		BAD(t, at, SCSEC_EINVALID, "type '%.32s' is neither criterion nor prerequisite", type);
	if (!id || (item = find_item(t, at, id, &prereq)) < 0)
		return;
	if (type && prereq != !strcmp(type, "prerequisite"))
		BAD(t, at, SCSEC_EINVALID, "'%s' is a %s of '%s', not a %s", id,
		    prereq ? "prerequisite" : "criterion", t->c->id, type);
	g->id = scsec__result_item_id(t->c, (size_t)item);
	g->prerequisite = (unsigned char)prereq;
	if (prereq)
		g->prerequisite_item = t->c->prereqs[(size_t)item - t->c->ncriteria];
	else
		g->criterion = t->c->criteria[item];
}

static void read_category(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg)
{
	size_t *k = arg;
	const struct scsec_category *cat =
	        i < t->c->ntop ? scsec__criteria_next_top(t->c, k) : NULL;
	const char *id = scsec__jget_str(t->d, at, o, "id", 1, NULL);

	if (!cat)
		return;
	if (id && strcmp(id, cat->id))
		BAD(t, at, SCSEC_EINVALID, "top-level category %zu of '%s' is '%s', not '%.64s'",
		    i + 1, t->c->id, cat->id, id);
	read_figures(t, at, o, &t->r->category_figures[i]);
}

static void read_item(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg)
{
	size_t li = *(size_t *)arg, n = t->r->nitems;
	const char *id = scsec__jget_str(t->d, at, o, "id", 1, NULL);
	const char *reason = scsec__jget_str(t->d, at, o, "reason", 1, NULL);
	scsec_date last;
	scsec_reason w = SCSEC_REASON_NONE;
	uint64_t mask;
	long item;
	int prereq = 0;

	(void)i;
	date_member(t, at, o, "last_valid", 1, &last);
	if (reason && reason_parse(&w, reason))
		BAD(t, at, SCSEC_EINVALID, "'%.32s' is not a reason (nor \"satisfied\")", reason);
	if (!id || (item = find_item(t, at, id, &prereq)) < 0)
		return;
	mask = prereq ? t->c->prereqs[(size_t)item - t->c->ncriteria]->level_mask
	              : t->c->criteria[item]->level_mask;
	if (!((mask >> li) & 1))
		BAD(t, at, SCSEC_EINVALID, "'%s' does not apply at level %s of '%s'", id,
		    t->c->levels[li]->label, t->c->id);
	else if (t->r->why[li * n + (size_t)item] != SCSEC__NOT_JUDGED)
		BAD(t, at, SCSEC_EEXISTS, "'%s' is listed twice at level %s", id,
		    t->c->levels[li]->label);
	t->r->why[li * n + (size_t)item] = (unsigned char)w;
	t->r->last_valid[li * n + (size_t)item] = last;
}

static void read_level_items(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg)
{
	static const char *const members[] = { "id", "reason", "last_valid", NULL };
	long long rank;

	(void)arg;
	if (i >= t->c->nlevels)
		return;
	if (!scsec__jget_int(t->d, at, o, "rank", 1, 1, INT_MAX, &rank) &&
	    rank != t->c->levels[i]->rank)
		BAD(t, at, SCSEC_EINVALID, "level_items %zu is for rank %lld, not %d (the levels' order)",
		    i, rank, t->c->levels[i]->rank);
	each(t, at, o, "items", 1, members, read_item, &i);
}

static void read_signer(rd *t, const scsec__jloc *at, const json_t *o, size_t i, void *arg)
{
	struct scsec_signer *g = &t->r->signers[i];
	scsec__signature *sig = &((scsec__signature *)arg)[i];
	const char *verdict = scsec__jget_str(t->d, at, o, "verdict", 1, NULL);
	const char *subject, *fp, *time, *party, *role, *problem;
	int v;

	sig->signing_time = -1;
	g->sig = sig;
	if (verdict) {
		for (v = 0; *scsec_verdict_name((scsec_verdict)v) &&
		            strcmp(verdict, scsec_verdict_name((scsec_verdict)v));
		     v++)
			;
		if (!*scsec_verdict_name((scsec_verdict)v))
			BAD(t, at, SCSEC_EINVALID, "'%.32s' is not a verdict", verdict);
		g->verdict = (unsigned char)v;
		sig->valid = v != SCSEC_VERDICT_INVALID;
	}
	str_or_null(t, at, o, "subject", 1, &subject);
	str_or_null(t, at, o, "fingerprint", 1, &fp);
	str_or_null(t, at, o, "signing_time", 1, &time);
	str_or_null(t, at, o, "party", 1, &party);
	str_or_null(t, at, o, "role", 1, &role);
	str_or_null(t, at, o, "problem", 0, &problem);
	if (fp && !is_sha256(fp))
		BAD(t, at, SCSEC_EINVALID, "'%.70s' is not a SHA-256 fingerprint", fp);
	if (time && parse_time(&sig->signing_time, time))
		BAD(t, at, SCSEC_EDATE, "'%.32s' is not a time (YYYY-MM-DDTHH:MM:SSZ)", time);
	if (!fp != !subject)
		BAD(t, at, SCSEC_EINVALID, "a signer has both a subject and a fingerprint, or neither");
	if (fp && subject && (sig->chain = keep(t, 1, sizeof *sig->chain))) {
		sig->nchain = 1;
		memcpy(sig->chain->sha256, fp, strlen(fp) < 64 ? strlen(fp) : 64);
		sig->chain->subject = (char *)keep_str(t, subject);
	}
	sig->problem = (char *)keep_str(t, problem);
	g->party = keep_str(t, party);
	g->role = keep_str(t, role);
}

static void read_trust(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "applied", "operator", "version", "verified", "method",
		                               "signers", NULL };
	static const char *const signer_members[] = { "verdict", "subject", "fingerprint",
		                                      "signing_time", "party", "role", "problem",
		                                      NULL };
	const json_t *o = scsec__jget_object(t->d, at, root, "trust", 0, NULL), *a;
	const char *s;
	scsec__jloc tl;
	scsec_method m;
	int applied = 0, verified = 0;
	size_t n;
	void *sigs;

	if (!o)
		return; /* a libscsec 1.0 document: no trust policy */
	tl = scsec__jat(at, "trust", o);
	scsec__jcheck_members(t->d, &tl, o, members);
	scsec__jget_bool(t->d, &tl, o, "applied", 1, &applied);
	if (!applied) {
		if (json_object_size(o) > 1)
			BAD(t, &tl, SCSEC_EINVALID, "a trust policy that was not applied has no details");
		return;
	}
	t->r->trust_applied = 1;
	t->r->trust_operator = keep_str(t, scsec__jget_str(t->d, &tl, o, "operator", 1, NULL));
	t->r->trust_version = keep_str(t, scsec__jget_str(t->d, &tl, o, "version", 1, NULL));
	scsec__jget_bool(t->d, &tl, o, "verified", 1, &verified);
	t->r->trust_verified = (unsigned char)(verified != 0);
	t->r->trusted_method = SCSEC_METHOD_SELF;
	if ((s = scsec__jget_str(t->d, &tl, o, "method", 1, NULL))) {
		if (scsec__method_parse(&m, s, 0) || m == SCSEC_METHOD_NONE)
			BAD(t, &tl, SCSEC_EINVALID, "'%.32s' is not a method", s);
		else
			t->r->trusted_method = m;
	}
	a = scsec__jget_array(t->d, &tl, o, "signers", 1, NULL);
	n = json_array_size(a);
	if (n > SCSEC__TRUST_MAX_PARTIES) {
		BAD(t, &tl, SCSEC_ELIMIT, "more than %d signers", SCSEC__TRUST_MAX_PARTIES);
		return;
	}
	if (!(t->r->signers = scsec__calloc(n ? n : 1, sizeof *t->r->signers)) ||
	    !(sigs = keep(t, n ? n : 1, sizeof(scsec__signature)))) {
		t->oom = 1;
		return;
	}
	t->r->nsigners = n;
	each(t, &tl, o, "signers", 1, signer_members, read_signer, sigs);
}

/* The identity of the set the result was computed with: refused unless it
 * is the caller's set. */
static int check_criteria(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "id", "version", "fingerprint", NULL };
	const json_t *o = scsec__jget_object(t->d, at, root, "criteria", 1, NULL);
	const char *id, *version, *fp;
	scsec__jloc cl;

	if (!o)
		return SCSEC_ESCHEMA;
	cl = scsec__jat(at, "criteria", o);
	scsec__jcheck_members(t->d, &cl, o, members);
	id = scsec__jget_str(t->d, &cl, o, "id", 1, NULL);
	version = scsec__jget_str(t->d, &cl, o, "version", 1, NULL);
	fp = scsec__jget_str(t->d, &cl, o, "fingerprint", 1, NULL);
	if (!id || !version || !fp)
		return SCSEC_ESCHEMA;
	if (strcmp(fp, t->c->fingerprint))
		return BAD(t, &cl, SCSEC_EMISMATCH,
		           "the result was computed with criteria set '%.64s' version '%.64s' "
		           "(fingerprint %.64s), not with the given '%s' version '%s' (fingerprint %s)",
		           id, version, fp, t->c->id, t->c->version, t->c->fingerprint);
	if (strcmp(id, t->c->id) || strcmp(version, t->c->version))
		return BAD(t, &cl, SCSEC_EMISMATCH,
		           "the result names criteria set '%.64s' version '%.64s', but its fingerprint "
		           "is that of '%s' version '%s'",
		           id, version, t->c->id, t->c->version);
	return 0;
}

/* A result for set c, with its arrays (zeroed; no item judged). */
static scsec_result *new_result(rd *t)
{
	const scsec_criteria *c = t->c;
	scsec_result *r = scsec__calloc(1, sizeof *r);
	size_t n = c->ncriteria + c->nprereqs;

	if (!r)
		return NULL;
	scsec__criteria_ref(c);
	r->c = c;
	t->r = r;
	r->level_index = r->gap_index = -1;
	r->nlevels = c->nlevels;
	r->ncategories = c->ntop;
	r->nitems = n;
	r->level_figures = keep(t, c->nlevels, sizeof *r->level_figures);
	r->category_figures = keep(t, c->ntop, sizeof *r->category_figures);
	r->met = keep(t, c->nlevels, 1);
	r->unstated = keep(t, c->nprereqs, 1);
	if (t->oom) {
		scsec_result_free(r);
		t->r = NULL;
		return NULL;
	}
	return r;
}

static void read_levels_and_level(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "rank", "label", "met", "applicable", "satisfied",
		                               "not_applicable", "reasons", NULL };
	const struct scsec_level *l;
	const char *label;
	scsec__jloc kl;
	long long v;
	size_t n, i;
	int best = -1;

	n = each(t, at, root, "levels", 1, members, read_level, NULL);
	kl = scsec__jat(at, "levels", json_object_get(root, "levels"));
	if (n != t->c->nlevels)
		BAD(t, &kl, SCSEC_EINVALID, "%zu levels, but '%s' has %zu", n, t->c->id,
		    t->c->nlevels);
	for (i = 0; i < t->c->nlevels; i++)
		if (t->r->met[i])
			best = (int)i;
	if (!scsec__jget_int(t->d, at, root, "level", 1, 0, INT_MAX, &v)) {
		kl = scsec__jat(at, "level", json_object_get(root, "level"));
		l = v ? scsec_criteria_level_by_rank(t->c, (int)v) : NULL;
		if (v && !l)
			BAD(t, &kl, SCSEC_EINVALID, "'%s' has no level %lld", t->c->id, v);
		else if ((l ? (int)l->index : -1) != best)
			BAD(t, &kl, SCSEC_EINVALID,
			    "level %lld, but the highest met level is %d (rule 4)", v,
			    best < 0 ? 0 : t->c->levels[best]->rank);
		t->r->level = (int)v;
		t->r->level_index = l ? (int)l->index : -1;
	}
	if (!str_or_null(t, at, root, "level_label", 0, &label) &&
	    !(label ? t->r->level_index >= 0 &&
	                      !strcmp(label, t->c->levels[t->r->level_index]->label)
	            : t->r->level_index < 0))
		BAD(t, at, SCSEC_EINVALID, "the level's label is '%.64s', not the set's",
		    label ? label : "null");
	if (!date_member(t, at, root, "valid_until", 1, &t->r->valid_until) &&
	    (t->r->valid_until != SCSEC_DATE_NONE) != (t->r->level_index >= 0))
		BAD(t, at, SCSEC_EINVALID, "a result has a valid_until date exactly when a level is "
		                           "achieved (rule 6)");
	date_member(t, at, root, "as_of", 0, &t->r->as_of);
}

static void read_gaps(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "id", "reason", "type", NULL };
	const json_t *a = scsec__jget_array(t->d, at, root, "gaps", 1, NULL);
	const scsec_level *l;
	long long v;

	if (!scsec__jget_int(t->d, at, root, "gap_level", 1, 0, INT_MAX, &v)) {
		scsec__jloc kl = scsec__jat(at, "gap_level", json_object_get(root, "gap_level"));

		l = v ? scsec_criteria_level_by_rank(t->c, (int)v) : NULL;
		if ((v || t->c->nlevels) && !l)
			BAD(t, &kl, SCSEC_EINVALID, "'%s' has no level %lld", t->c->id, v);
		t->r->gap_index = l ? (int)l->index : -1;
	}
	if (!a)
		return;
	if (json_array_size(a) > t->r->nitems) {
		scsec__jloc kl = scsec__jat(at, "gaps", a);

		BAD(t, &kl, SCSEC_EINVALID, "%zu gaps, more than the set's items", json_array_size(a));
		return;
	}
	if (!(t->r->gaps = keep(t, json_array_size(a) + 1, sizeof *t->r->gaps)))
		return;
	t->r->ngaps = each(t, at, root, "gaps", 1, members, read_gap, NULL);
}

static void read_functions(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "applicable", "satisfied", "not_applicable",
		                               "reasons", NULL };
	const json_t *o = scsec__jget_object(t->d, at, root, "functions", 1, NULL), *v;
	const char *key;
	scsec_function f;
	scsec__jloc fl, kl;

	if (!o)
		return;
	fl = scsec__jat(at, "functions", o);
	json_object_foreach((json_t *)o, key, v) {
		kl = scsec__jat(&fl, key, v);
		if (scsec_function_parse(&f, key) || f == SCSEC_FUNCTION_NONE) {
			BAD(t, &kl, SCSEC_EINVALID, "'%.16s' is not a function code", key);
		} else if (!json_is_object(v)) {
			BAD(t, &kl, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(v));
		} else {
			scsec__jcheck_members(t->d, &kl, v, members);
			read_figures(t, &kl, v, &t->r->function_figures[f]);
		}
	}
}

static void read_score(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "model", "value", "max", "band", "conditional", NULL };
	const scsec__scoring *s = &t->c->scoring;
	const json_t *o = json_object_get(root, "score");
	const char *model, *band, *cond;
	scsec__jloc sl = scsec__jat(at, "score", o);
	long long v;
	size_t i;

	if (!o) {
		BAD(t, at, SCSEC_ESCHEMA, "no member 'score'");
		return;
	}
	if ((scsec__criteria_scored_level(t->c) >= 0) == json_is_null(o)) {
		BAD(t, &sl, SCSEC_EINVALID, "'%s' %s", t->c->id,
		    json_is_null(o) ? "is scored, but the result has no score"
		                    : "is not scored, but the result has a score");
		return;
	}
	if (json_is_null(o))
		return;
	if (!(o = scsec__jget_object(t->d, at, root, "score", 1, NULL)))
		return;
	scsec__jcheck_members(t->d, &sl, o, members);
	t->r->has_score = 1;
	if ((model = scsec__jget_str(t->d, &sl, o, "model", 1, NULL)) &&
	    strcmp(model, s->model == SCSEC_SCORING_POINTS ? "points" : "deductions"))
		BAD(t, &sl, SCSEC_EINVALID, "'%s' scores by %s, not '%.32s'", t->c->id,
		    s->model == SCSEC_SCORING_POINTS ? "points" : "deductions", model);
	if (!scsec__jget_int(t->d, &sl, o, "value", 1, LONG_MIN, LONG_MAX, &v))
		t->r->score = (long)v;
	if (!scsec__jget_int(t->d, &sl, o, "max", 1, LONG_MIN, LONG_MAX, &v))
		t->r->score_max = (long)v;
	if (!str_or_null(t, &sl, o, "band", 1, &band) && band) {
		for (i = 0; i < s->nbands && strcmp(s->bands[i].label, band); i++)
			;
		if (i == s->nbands)
			BAD(t, &sl, SCSEC_EINVALID, "'%s' has no band '%.64s'", t->c->id, band);
		else
			t->r->band = s->bands[i].label;
	}
	if (!str_or_null(t, &sl, o, "conditional", 1, &cond) && cond) {
		int k;

		for (k = 1; k < 4 && strcmp(cond, scsec_conditional_name((scsec_conditional)k)); k++)
			;
		if (k == 4)
			BAD(t, &sl, SCSEC_EINVALID, "'%.32s' is not final, conditional or not-met", cond);
		else
			t->r->conditional = (scsec_conditional)k;
	}
}

/* rests_on and unstated_roles: arrays of ids (absent from 1.0 documents). */
static void read_ids(rd *t, const scsec__jloc *at, const json_t *root, int rests)
{
	const char *key = rests ? "rests_on" : "unstated_roles";
	const json_t *a = scsec__jget_array(t->d, at, root, key, 0, NULL);
	scsec__jloc al, el;
	size_t i;
	long item;
	int prereq = 0;

	if (!a)
		return;
	al = scsec__jat(at, key, a);
	if (json_array_size(a) > t->r->nitems) {
		BAD(t, &al, SCSEC_EINVALID, "%zu ids, more than the set's items", json_array_size(a));
		return;
	}
	if (rests && !(t->r->rests_on = keep(t, json_array_size(a) + 1, sizeof *t->r->rests_on)))
		return;
	for (i = 0; i < json_array_size(a); i++) {
		const json_t *v = json_array_get(a, i);

		el = scsec__jat_index(&al, i, v);
		if (!json_is_string(v)) {
			BAD(t, &el, SCSEC_ESCHEMA, "%s, not a string", scsec__jtype_name(v));
			continue;
		}
		if ((item = find_item(t, &el, json_string_value(v), &prereq)) < 0)
			continue;
		if (rests) {
			t->r->rests_on[t->r->nrests_on++] = scsec__result_item_id(t->c, (size_t)item);
		} else if (!prereq) {
			BAD(t, &el, SCSEC_EINVALID, "'%s' is a criterion, not a prerequisite",
			    json_string_value(v));
		} else {
			t->r->unstated[(size_t)item - t->c->ncriteria] = 1;
		}
	}
}

/* Rule 12's projection (present only when it was asked for): one object
 * per level not met, in the levels' order, each with its day or null and
 * its blockers. Held in one allocation as the engine makes it (freed with
 * the result); blocker ids are borrowed from the set. */
static void read_projection(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const members[] = { "rank", "label", "on", "blockers", NULL };
	static const char *const bmembers[] = { "id", "kind", NULL };
	const json_t *a = scsec__jget_array(t->d, at, root, "projection", 0, NULL);
	const scsec_criteria *c = t->c;
	struct scsec__projection *p;
	size_t i, k, li = 0, nl = c->nlevels, total = 0, nb = 0;
	scsec__jloc al, el, bl, kl;

	if (!a)
		return;
	al = scsec__jat(at, "projection", a);
	for (i = 0; i < json_array_size(a); i++) {
		const json_t *b = json_object_get(json_array_get(a, i), "blockers");

		if (json_is_array(b) && json_array_size(b) <= t->r->nitems)
			total += json_array_size(b);
	}
	p = scsec__malloc(sizeof *p + nl * sizeof(scsec_date) + (nl + 1) * sizeof(size_t) +
	                  total * sizeof(struct scsec__blocker));
	if (!p) {
		t->oom = 1;
		return;
	}
	p->on = (scsec_date *)(void *)(p + 1);
	p->off = (size_t *)(void *)(p->on + nl);
	p->blockers = (struct scsec__blocker *)(void *)(p->off + nl + 1);
	for (k = 0; k < nl; k++) {
		p->on[k] = SCSEC_DATE_NONE;
		p->off[k] = 0;
	}
	t->r->projection = p;
	for (i = 0; i < json_array_size(a); i++) {
		const json_t *o = json_array_get(a, i), *b;
		long long rank;

		el = scsec__jat_index(&al, i, o);
		if (!json_is_object(o)) {
			BAD(t, &el, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(o));
			return;
		}
		scsec__jcheck_members(t->d, &el, o, members);
		if (scsec__jget_int(t->d, &el, o, "rank", 1, 1, INT_MAX, &rank))
			return;
		/* the levels not met, in order: fill the met ones passed over */
		for (; li < nl && (t->r->met[li] || c->levels[li]->rank != rank); li++) {
			if (!t->r->met[li]) {
				BAD(t, &el, SCSEC_EINVALID, "level %s is not met but has no projection "
				                            "(or the levels are out of order)",
				    c->levels[li]->label);
				return;
			}
			p->off[li] = nb;
		}
		if (li == nl) {
			BAD(t, &el, SCSEC_EINVALID, "rank %lld is no level of '%s' that is not met", rank,
			    c->id);
			return;
		}
		p->off[li] = nb;
		date_member(t, &el, o, "on", 1, &p->on[li]);
		if (!(b = scsec__jget_array(t->d, &el, o, "blockers", 1, NULL)))
			return;
		bl = scsec__jat(&el, "blockers", b);
		if (json_array_size(b) > t->r->nitems) {
			BAD(t, &bl, SCSEC_EINVALID, "%zu blockers, more than the set's items",
			    json_array_size(b));
			return;
		}
		if (p->on[li] != SCSEC_DATE_NONE && json_array_size(b))
			BAD(t, &el, SCSEC_EINVALID, "a projected day and blockers (rule 12 gives one or "
			                            "the other)");
		for (k = 0; k < json_array_size(b); k++) {
			const json_t *bo = json_array_get(b, k);
			const char *id, *kind;
			long item;
			int prereq, w;

			kl = scsec__jat_index(&bl, k, bo);
			if (!json_is_object(bo)) {
				BAD(t, &kl, SCSEC_ESCHEMA, "%s, not an object", scsec__jtype_name(bo));
				continue;
			}
			scsec__jcheck_members(t->d, &kl, bo, bmembers);
			id = scsec__jget_str(t->d, &kl, bo, "id", 1, NULL);
			kind = scsec__jget_str(t->d, &kl, bo, "kind", 1, NULL);
			if (!id || !kind || (item = find_item(t, &kl, id, &prereq)) < 0)
				continue;
			for (w = SCSEC_BLOCKER_UNPLANNED; w <= SCSEC_BLOCKER_LAPSES; w++)
				if (!strcmp(kind, scsec_blocker_name((scsec_blocker)w)))
					break;
			if (w > SCSEC_BLOCKER_LAPSES) {
				BAD(t, &kl, SCSEC_EINVALID, "'%.32s' is not a blocker kind", kind);
				continue;
			}
			p->blockers[nb].id = scsec__result_item_id(c, (size_t)item);
			p->blockers[nb++].kind = (unsigned char)w;
		}
		li++;
	}
	for (; li < nl; li++) {
		if (!t->r->met[li]) {
			BAD(t, &al, SCSEC_EINVALID, "level %s is not met but has no projection",
			    c->levels[li]->label);
			return;
		}
		p->off[li] = nb;
	}
	p->off[nl] = nb;
}

static void read_provenance(rd *t, const scsec__jloc *at, const json_t *root)
{
	static const char *const ev_members[] = { "fingerprint", "derived", NULL };
	static const char *const subject_members[] = { "name", NULL };
	static const char *const engine_members[] = { "name", "version", NULL };
	const json_t *o;
	const char *s;
	scsec__jloc kl;
	int derived = 0;
	char *engine;

	if ((o = scsec__jget_object(t->d, at, root, "evidence", 1, NULL))) {
		kl = scsec__jat(at, "evidence", o);
		scsec__jcheck_members(t->d, &kl, o, ev_members);
		if ((s = scsec__jget_str(t->d, &kl, o, "fingerprint", 1, NULL))) {
			if (!is_sha256(s))
				BAD(t, &kl, SCSEC_EINVALID, "'%.70s' is not a SHA-256 fingerprint", s);
			else
				memcpy(t->r->evidence_fingerprint, s, 65);
		}
		scsec__jget_bool(t->d, &kl, o, "derived", 0, &derived);
		t->r->evidence_derived = (unsigned char)(derived != 0);
	}
	if ((o = scsec__jget_object(t->d, at, root, "subject", 1, NULL))) {
		kl = scsec__jat(at, "subject", o);
		scsec__jcheck_members(t->d, &kl, o, subject_members);
		if (!str_or_null(t, &kl, o, "name", 1, &s))
			t->r->subject = (char *)keep_str(t, s);
	}
	if ((o = scsec__jget_object(t->d, at, root, "engine", 1, NULL))) {
		kl = scsec__jat(at, "engine", o);
		scsec__jcheck_members(t->d, &kl, o, engine_members);
		if ((s = scsec__jget_str(t->d, &kl, o, "name", 1, NULL)) && strcmp(s, "libscsec"))
			BAD(t, &kl, SCSEC_EINVALID, "the engine is '%.32s', not libscsec", s);
		if ((s = scsec__jget_str(t->d, &kl, o, "version", 1, NULL))) {
			if (!*s || strlen(s) > 64 || strspn(s, "0123456789.abcdefghijklmnopqrstuvwxyz-+~") !=
			                                 strlen(s))
				BAD(t, &kl, SCSEC_EINVALID, "'%.64s' is not a version", s);
			else if ((engine = keep(t, strlen(ENGINE_PREFIX) + strlen(s) + 1, 1)))
				t->r->engine = strcat(strcpy(engine, ENGINE_PREFIX), s);
		}
	}
	read_trust(t, at, root);
}

static int result_from_tree(scsec_result **out, scsec__jdoc *d, const scsec_criteria *c)
{
	static const char *const members[] = {
		"format", "level", "level_label", "valid_until", "rests_on", "as_of", "required_level",
		"meets_required", "levels", "gap_level", "gaps", "unstated_roles", "functions",
		"categories", "score", "level_items", "subject", "criteria", "evidence", "trust",
		"engine", "projection", NULL,
	};
	static const char *const cat_members[] = { "id", "applicable", "satisfied", "not_applicable",
		                                   "reasons", NULL };
	static const char *const li_members[] = { "rank", "items", NULL };
	scsec__jloc root = SCSEC__JROOT(d->root), kl;
	const json_t *fmt = json_object_get(d->root, "format");
	rd t = { d, c, NULL, 0 };
	size_t n, k = 0, i;
	long long v;
	int meets = 0, rc;

	if (!json_is_string(fmt) || strcmp(json_string_value(fmt), FORMAT))
		return BAD(&t, &root, SCSEC_EVERSION,
		           "'format' is %s%.64s%s, not \"" FORMAT "\": not a libscsec result",
		           json_is_string(fmt) ? "'" : "",
		           json_is_string(fmt) ? json_string_value(fmt) : fmt ? scsec__jtype_name(fmt)
		                                                              : "missing",
		           json_is_string(fmt) ? "'" : "");
	if ((rc = check_criteria(&t, &root, d->root)))
		return rc == SCSEC_EMISMATCH ? rc : scsec__report_result(&d->rep);
	if (!new_result(&t))
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	scsec__jcheck_members(d, &root, d->root, members);
	read_levels_and_level(&t, &root, d->root);
	if (!t.oom && json_object_get(d->root, "level_items")) {
		t.r->why = keep(&t, t.r->nlevels * t.r->nitems, 1);
		t.r->last_valid = keep(&t, t.r->nlevels * t.r->nitems, sizeof *t.r->last_valid);
		if (!t.oom) {
			memset(t.r->why, SCSEC__NOT_JUDGED, t.r->nlevels * t.r->nitems);
			for (i = 0; i < t.r->nlevels * t.r->nitems; i++)
				t.r->last_valid[i] = SCSEC_DATE_NONE;
			n = each(&t, &root, d->root, "level_items", 1, li_members, read_level_items, NULL);
			kl = scsec__jat(&root, "level_items", json_object_get(d->root, "level_items"));
			if (n != c->nlevels)
				BAD(&t, &kl, SCSEC_EINVALID, "items for %zu levels, but '%s' has %zu", n,
				    c->id, c->nlevels);
		}
	}
	if (!int_or_null(&t, &root, d->root, "required_level", 1, INT_MAX, &v)) {
		kl = scsec__jat(&root, "required_level", json_object_get(d->root, "required_level"));
		if (!scsec_criteria_level_by_rank(c, (int)v))
			BAD(&t, &kl, SCSEC_EINVALID, "'%s' has no level %lld", c->id, v);
		t.r->required = (int)v;
	}
	if (json_is_null(json_object_get(d->root, "meets_required")) ||
	    !json_object_get(d->root, "meets_required")
	            ? t.r->required != 0
	            : scsec__jget_bool(d, &root, d->root, "meets_required", 1, &meets) ||
	                      !t.r->required || meets != (t.r->level >= t.r->required))
		BAD(&t, &root, SCSEC_EINVALID, "meets_required does not follow from the level and the "
		                               "required level (rule 9)");
	read_gaps(&t, &root, d->root);
	read_projection(&t, &root, d->root);
	read_ids(&t, &root, d->root, 0);
	read_ids(&t, &root, d->root, 1);
	read_functions(&t, &root, d->root);
	n = each(&t, &root, d->root, "categories", 1, cat_members, read_category, &k);
	if (n != c->ntop) {
		kl = scsec__jat(&root, "categories", json_object_get(d->root, "categories"));
		BAD(&t, &kl, SCSEC_EINVALID, "%zu categories, but '%s' has %zu top-level ones", n, c->id,
		    c->ntop);
	}
	read_score(&t, &root, d->root);
	read_provenance(&t, &root, d->root);
	if (t.oom || d->rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (d->rep.first_error)
		rc = scsec__report_result(&d->rep);
	if (rc) {
		scsec_result_free(t.r);
		return rc;
	}
	*out = t.r;
	return 0;
}

/* Verify the signatures of the document's bytes and keep them on r. */
static int verify_signatures(scsec_result *r, scsec__xdoc *x, const scsec__xnode *sig,
                             const scsec__buf *bytes)
{
	const scsec__xnode *k;
	size_t i;
	int rc;

	if ((rc = scsec__signatures_verify(&r->doc_sigs, &r->ndoc_sigs, bytes->data, bytes->len,
	                                   x->rep.name))) {
		const scsec_error *e = scsec_error_last();

		if (rc == SCSEC_ENOMEM)
			return rc;
		return scsec__report(&x->rep, scsec_error_line(e), scsec_error_column(e),
		                     SCSEC_SEVERITY_ERROR, rc, NULL, "%s", scsec_error_message(e));
	}
	for (i = 0, k = sig; i < r->ndoc_sigs && k; k = k->next)
		if (k->ns && !strcmp(k->ns, SCSEC__NS_DSIG))
			r->doc_sigs[i++].loc = (scsec__loc){ k->line, k->column };
	return 0;
}

static int read_result(void *out, scsec__source *src, const void *arg,
                       const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec__buf bytes = SCSEC__BUF_INIT;
	scsec__source mem;
	scsec__xnode *sig;
	scsec__jdoc j;
	scsec__xdoc x;
	int rc, first;

	/* The form is told by the content: JSON starts with '{'. */
	if ((rc = scsec__source_peek(src, &first))) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src->name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		return rc;
	}
	if (first == '{') {
		if (!(rc = scsec__json_parse(&j, src, opts, diags)))
			rc = result_from_tree(out, &j, arg);
		scsec__jdoc_dispose(&j);
		return rc;
	}
	/* The bytes are kept: signatures are verified over them. */
	if ((rc = scsec__source_slurp(src, &bytes)) ||
	    (rc = scsec__source_open_memory(&mem, bytes.data ? bytes.data : "", bytes.len, src->name,
	                                    opts))) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src->name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		scsec__buf_dispose(&bytes);
		return rc;
	}
	mem.unnamed = src->unnamed;
	rc = scsec__xml_parse(&x, &mem, opts, SCSEC__SCHEMA_RESULT, diags);
	if (!rc && !scsec__xnode_is(x.root, SCSEC__NS_RESULT, "result"))
		rc = scsec__xml_report(&x, x.root, SCSEC_SEVERITY_ERROR, SCSEC_EVERSION, NULL,
		                       "the root element '%s' is not a libscsec result "
		                       "(<result xmlns=\"" SCSEC__NS_RESULT "\">)",
		                       x.root->name);
	if (!rc) {
		sig = first_signature(&x);
		scsec__jdoc_init(&j, src->name, diags);
		if (!(rc = tree_from_xml(&j, &x, sig)))
			rc = result_from_tree(out, &j, arg);
		scsec__jdoc_dispose(&j);
		if (!rc && sig && (rc = verify_signatures(*(scsec_result **)out, &x, sig, &bytes))) {
			scsec_result_free(*(scsec_result **)out);
			*(scsec_result **)out = NULL;
		}
	}
	scsec__xdoc_dispose(&x);
	scsec__source_close(&mem);
	scsec__buf_dispose(&bytes);
	return rc;
}

int scsec_result_load_file(scsec_result **out, const char *path, const scsec_criteria *criteria,
                           const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	SCSEC__CHECK_ARG(criteria);
	return scsec__read(out, read_result, criteria, path, NULL, 0, NULL, opts, diags);
}

int scsec_result_load_memory(scsec_result **out, const void *data, size_t size, const char *name,
                             const scsec_criteria *criteria, const scsec_load_options *opts,
                             scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	SCSEC__CHECK_ARG(criteria);
	return scsec__read(out, read_result, criteria, NULL, data, size, name, opts, diags);
}
