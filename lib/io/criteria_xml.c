/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Criteria sets in XML: reading the interchange format into the model (the
 * canonical form the writers emit is model/canonical.c). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/criteria.h"
#include "util/error.h"
#include "util/util.h"
#include "io/criteria_xml.h"
#include "model/canonical.h"
#include "io/xml.h"
#include "util/xmlwrite.h"

/* ----------------------------------------------------------------- reading */

#define IS(n, name) scsec__xnode_is((n), SCSEC__NS_CRITERIA, (name))
#define LOC(n) ((scsec__loc){ (n)->line, (n)->column })

typedef struct reader {
	scsec__xdoc *d;
	scsec_criteria *c;
	int oom;
} reader;

/* scsec-criteria-1.xsd as structure rules (io/xml.h), for loads without
 * libxml2's validator; the values are checked where they are read. */
#define A(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define END { NULL, 0, 0, 0 }
static const scsec__xspec s_lang_title = { "title", NULL, 1, 1, NULL };
static const scsec__xspec s_lang_description = { "description", NULL, 1, 1, NULL };
static const scsec__xspec s_lang_name = { "name", NULL, 1, 1, NULL };
static const scsec__xspec s_lang_text = { "text", NULL, 1, 1, NULL };
static const scsec__xspec s_publisher = { "publisher", NULL, 1, 0, NULL };
static const scsec__xspec s_issued = { "issued", NULL, 1, 0, NULL };
static const scsec__xspec s_source = { "source", A("href"), 1, 0, NULL };
static const scsec__xspec s_framework = { "framework", A("id", "title"), 0, 0, NULL };
static const scsec__xspec s_mark = { "mark", A("status"), 1, 0, NULL };
static const scsec__xspec s_answer_marks = {
	"answer-marks", A("provisional"), 0, 0,
	(const scsec__xspec_child[]){ { &s_mark, 1, 256, 0 }, END },
};
static const scsec__xspec s_points = { "points", A("status", "value"), 0, 0, NULL };
static const scsec__xspec s_band = { "band", A("min", "label"), 0, 0, NULL };
static const scsec__xspec s_conditional = {
	"conditional", A("min-score", "only-poam-eligible"), 0, 0, NULL,
};
static const scsec__xspec s_scoring = {
	"scoring", A("model", "level", "max", "floor"), 0, 0,
	(const scsec__xspec_child[]){ { &s_points, 0, 5, 0 }, { &s_band, 0, 0, 0 }, { &s_conditional, 0, 1, 0 },
	                               END },
};
static const scsec__xspec s_prerequisite = {
	"prerequisite", A("id", "assessor-role", "assessor-role-provisional"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_title, 1, 0, 0 }, { &s_lang_description, 0, 0, 0 }, END },
};
static const scsec__xspec s_requires = { "requires", A("ref"), 0, 0, NULL };
static const scsec__xspec s_level = {
	"level", A("rank", "label", "method", "validity", "validity-provisional", "requires-lower"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_title, 0, 0, 0 }, { &s_requires, 0, 0, 0 }, END },
};
static const scsec__xspec s_question = {
	"question", A("id", "level-if-yes"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_text, 1, 0, 0 }, END },
};
static const scsec__xspec s_required_level = {
	"required-level", A("default"), 0, 0,
	(const scsec__xspec_child[]){ { &s_question, 1, 0, 0 }, END },
};
static const scsec__xspec s_ref = { "ref", A("framework"), 1, 0, NULL };
static const scsec__xspec s_criterion = {
	"criterion", A("id", "level", "levels", "na-allowed", "weight", "poam-eligible"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_text, 1, 0, 0 }, { &s_ref, 0, 0, 0 }, END },
};
static const scsec__xspec s_requirement = {
	"requirement", A("id"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_name, 1, 0, 0 }, { &s_lang_text, 0, 0, 0 },
	                               { &s_criterion, 1, 0, 0 }, END },
};
static const scsec__xspec s_category;
static const scsec__xspec s_category = {
	"category", A("id", "function"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_title, 1, 0, 0 }, { &s_category, 1, 0, 0 },
	                               { &s_requirement, 1, 0, 1 }, END },
};
static const scsec__xspec s_criteria_set = {
	"criteria-set", A("id", "version"), 0, 0,
	(const scsec__xspec_child[]){ { &s_lang_title, 1, 0, 0 },
	                               { &s_lang_description, 0, 0, 0 },
	                               { &s_publisher, 0, 1, 0 },
	                               { &s_issued, 0, 1, 0 },
	                               { &s_source, 0, 1, 0 },
	                               { &s_framework, 0, 0, 0 },
	                               { &s_answer_marks, 0, 1, 0 },
	                               { &s_scoring, 0, 1, 0 },
	                               { &s_prerequisite, 0, 0, 0 },
	                               { &s_level, 1, 64, 0 },
	                               { &s_required_level, 0, 1, 0 },
	                               { &s_category, 1, 0, 0 },
	                               END },
};
#undef A
#undef END

static const char *text_of(reader *r, const scsec__xnode *n)
{
	const char *s = scsec__criteria_strn(r->c, n->text, n->text_len);

	if (!s)
		r->oom = 1;
	return s;
}

static void add_lang_text(reader *r, scsec__texts *t, const scsec__xnode *n)
{
	const char *lang;

	if (scsec__xn_lang(r->d, n, &lang))
		return;
	if (scsec__texts_exact(t, lang)) {
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
		                  "a second '%s' in language '%s'", n->name, lang);
		return;
	}
	if (scsec__criteria_text(r->c, t, lang, n->text))
		r->oom = 1;
}

static void read_scoring(reader *r, const scsec__xnode *n)
{
	scsec__scoring *s = &r->c->scoring;
	const char *model;
	const scsec__xnode *k;
	long v;

	s->loc = LOC(n);
	scsec__xattr_token(n, "model");
	if (scsec__xa_str(r->d, n, "model", 1, &model) || !model)
		return;
	if (!strcmp(model, "all-required"))
		s->model = SCSEC_SCORING_ALL_REQUIRED;
	else if (!strcmp(model, "points"))
		s->model = SCSEC_SCORING_POINTS;
	else if (!strcmp(model, "deductions"))
		s->model = SCSEC_SCORING_DEDUCTIONS;
	else {
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                  "unknown scoring model '%.32s' (expected all-required, points or "
		                  "deductions)",
		                  model);
		return;
	}
	v = 0;
	if (!scsec__xa_long(r->d, n, "level", 0, 1, 99, &v) && v)
		s->level = (int)v;
	if (scsec__xattr_get(n, "max") && !scsec__xa_long(r->d, n, "max", 1, -1000000, 1000000, &v)) {
		s->max = v;
		s->has_max = 1;
	}
	if (scsec__xattr_get(n, "floor") &&
	    !scsec__xa_long(r->d, n, "floor", 1, -1000000, 1000000, &v)) {
		s->floor = v;
		s->has_floor = 1;
	}
	for (k = n->first; k; k = k->next) {
		if (IS(k, "points")) {
			static const char *const names[SCSEC__PTS_COUNT] = { "met", "partial", "not-met",
			                                                      "not-applicable", "missing" };
			const char *st;
			int i;

			scsec__xattr_token(k, "status");
			if (scsec__xa_str(r->d, k, "status", 1, &st) ||
			    scsec__xa_long(r->d, k, "value", 1, -1000000, 1000000, &v))
				continue;
			for (i = 0; i < SCSEC__PTS_COUNT && strcmp(st, names[i]); i++)
				;
			if (i == SCSEC__PTS_COUNT) {
				scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  "unknown status '%.32s' in points", st);
			} else if (s->points_set[i]) {
				scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
				                  "points for '%s' given twice", st);
			} else {
				s->points[i] = v;
				s->points_set[i] = 1;
			}
		} else if (IS(k, "band")) {
			const char *label;

			if (scsec__xa_long(r->d, k, "min", 1, -1000000, 1000000, &v) ||
			    scsec__xa_str(r->d, k, "label", 1, &label))
				continue;
			if (scsec__scoring_add_band(r->c, v, label))
				r->oom = 1;
		} else if (IS(k, "conditional")) {
			int only = 1;

			if (scsec__xa_long(r->d, k, "min-score", 1, -1000000, 1000000, &v) ||
			    scsec__xa_bool(r->d, k, "only-poam-eligible", &only))
				continue;
			s->has_conditional = 1;
			s->conditional_min = v;
			s->conditional_only_poam = only;
		}
	}
}

/* The set's answer marks: <mark status="met">○</mark>, the text trimmed. */
static void read_marks(reader *r, const scsec__xnode *n)
{
	const scsec__xnode *k;

	r->c->has_marks = 1;
	scsec__xa_bool(r->d, n, "provisional", &r->c->marks_provisional);
	for (k = n->first; k && !r->oom; k = k->next) {
		const char *st, *t;
		scsec__mark *m;
		size_t len;
		scsec_status i;

		if (!IS(k, "mark"))
			continue;
		scsec__xattr_token(k, "status");
		if (scsec__xa_str(r->d, k, "status", 1, &st))
			continue;
		if (!*st || scsec_status_parse(&i, st) || strcmp(scsec_status_name(i), st)) {
			scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element 'mark': status '%.32s' is not met, partial, not-met or "
			                  "not-applicable",
			                  st);
			continue;
		}
		/* Sheet cells are trimmed by the one rule (util/util.h): so is the mark. */
		t = k->text ? k->text : "";
		len = k->text ? k->text_len : 0;
		scsec__trim(&t, &len);
		if (!len || memchr(t, '\n', len) || memchr(t, '\r', len)) {
			scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element 'mark': a mark is one line of text, not empty");
			continue;
		}
		if (!(m = scsec__criteria_add_mark(r->c, "", (int)i)) ||
		    !(m->text = scsec__criteria_strn(r->c, t, len))) {
			r->oom = 1;
			return;
		}
		m->loc = LOC(k);
	}
}

static void read_prereq(reader *r, const scsec__xnode *n)
{
	const char *id, *role;
	struct scsec_prerequisite *p;
	const scsec__xnode *k;

	if (scsec__xa_id(r->d, n, "id", &id))
		return;
	if (!(p = scsec__criteria_add_prereq(r->c, id))) {
		r->oom = 1;
		return;
	}
	p->loc = LOC(n);
	if (scsec__xattr_get(n, "assessor-role") &&
	    !scsec__xa_id(r->d, n, "assessor-role", &role) &&
	    !(p->assessor_role = scsec__criteria_str(r->c, role))) {
		r->oom = 1;
		return;
	}
	scsec__xa_bool(r->d, n, "assessor-role-provisional", &p->role_provisional);
	for (k = n->first; k; k = k->next) {
		if (IS(k, "title"))
			add_lang_text(r, &p->title, k);
		else if (IS(k, "description"))
			add_lang_text(r, &p->description, k);
	}
}

static void read_level(reader *r, const scsec__xnode *n)
{
	const char *label, *method, *validity, *ref;
	struct scsec_level *l;
	const scsec__xnode *k;
	char canon[32];
	long rank;
	int bad = 0;

	bad |= scsec__xa_long(r->d, n, "rank", 1, 1, 99, &rank);
	bad |= scsec__xa_str(r->d, n, "label", 1, &label);
	scsec__xattr_token(n, "method");
	scsec__xattr_token(n, "validity");
	bad |= scsec__xa_str(r->d, n, "method", 1, &method);
	bad |= scsec__xa_str(r->d, n, "validity", 1, &validity);
	if (bad)
		return;
	if (!(l = scsec__criteria_add_level(r->c, (int)rank)) ||
	    !(l->label = scsec__criteria_str(r->c, label))) {
		r->oom = 1;
		return;
	}
	l->loc = LOC(n);
	if (scsec__method_parse(&l->method, method, 0))
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                  "element 'level': method '%.32s' is not self, expert-reviewed or "
		                  "third-party",
		                  method);
	if (scsec__duration_parse(&l->duration, validity, strlen(validity)))
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL,
		                  "element 'level': validity: %s", scsec_error_message(scsec_error_last()));
	else if (scsec__duration_is_zero(&l->duration))
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL,
		                  "element 'level': validity '%s' is zero: no answer would ever be valid",
		                  validity);
	scsec__duration_format(canon, sizeof canon, &l->duration);
	if (!(l->validity = scsec__criteria_str(r->c, canon)))
		r->oom = 1;
	scsec__xa_bool(r->d, n, "validity-provisional", &l->provisional);
	scsec__xa_bool(r->d, n, "requires-lower", &l->requires_lower);
	for (k = n->first; k; k = k->next) {
		if (IS(k, "title")) {
			add_lang_text(r, &l->title, k);
		} else if (IS(k, "requires")) {
			if (!scsec__xa_id(r->d, k, "ref", &ref) && scsec__level_add_requires(r->c, l, ref))
				r->oom = 1;
		}
	}
}

static void read_required(reader *r, const scsec__xnode *n)
{
	const scsec__xnode *k, *t;
	long v;

	if (scsec__xa_long(r->d, n, "default", 1, 1, 99, &v))
		return;
	r->c->has_required_rule = 1;
	r->c->required_default = (int)v;
	r->c->required_loc = LOC(n);
	for (k = n->first; k; k = k->next) {
		const char *id;
		struct scsec_question *q;

		if (scsec__xa_id(r->d, k, "id", &id) ||
		    scsec__xa_long(r->d, k, "level-if-yes", 1, 1, 99, &v))
			continue;
		if (!(q = scsec__criteria_add_question(r->c, id, (int)v))) {
			r->oom = 1;
			return;
		}
		q->loc = LOC(k);
		for (t = k->first; t; t = t->next) {
			if (IS(t, "text"))
				add_lang_text(r, &q->text, t);
		}
	}
}

static int cmp_int(const void *a, const void *b)
{
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

static int parse_levels(reader *r, const scsec__xnode *n, const char *v, struct scsec_criterion *cr)
{
	const char *p = v;
	size_t cap = 0;

	while (*p) {
		char *end;
		long x;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		errno = 0;
		x = strtol(p, &end, 10);
		if (end == p || errno || x < 1 || x > 99 ||
		    (*end && *end != ' ' && *end != '\t' && *end != '\n' && *end != '\r'))
			return scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                         "element 'criterion': levels = '%.64s' is not a list of "
			                         "ranks 1..99",
			                         v);
		if (scsec__arena_grow(&r->c->arena, &cr->levels, &cap, cr->nlevels + 1,
		                      sizeof *cr->levels)) {
			r->oom = 1;
			return SCSEC_ENOMEM;
		}
		cr->levels[cr->nlevels++] = (int)x;
		p = end;
	}
	if (!cr->nlevels)
		return scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
		                         "element 'criterion': levels is empty");
	/* A set of ranks: kept in increasing order, so that "3 1" and "1 3"
	 * are one canonical form. */
	qsort(cr->levels, cr->nlevels, sizeof *cr->levels, cmp_int);
	return 0;
}

static void read_criterion(reader *r, const scsec__xnode *n, struct scsec_requirement *req)
{
	const char *id, *levels;
	struct scsec_criterion *cr;
	const scsec__xnode *k;
	long v;

	if (scsec__xa_id(r->d, n, "id", &id))
		return;
	if (!(cr = scsec__criteria_add_criterion(r->c, id, req))) {
		r->oom = 1;
		return;
	}
	cr->loc = LOC(n);
	levels = scsec__xattr_get(n, "levels");
	if (!!levels == !!scsec__xattr_get(n, "level"))
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, id,
		                  "criterion '%s': give exactly one of 'level' (applies from that rank "
		                  "up) and 'levels' (applies at exactly those ranks)",
		                  id);
	else if (levels)
		parse_levels(r, n, levels, cr);
	else if (!scsec__xa_long(r->d, n, "level", 1, 1, 99, &v))
		cr->min_level = (int)v;
	scsec__xa_bool(r->d, n, "na-allowed", &cr->na_allowed);
	scsec__xa_bool(r->d, n, "poam-eligible", &cr->poam_eligible);
	if (scsec__xattr_get(n, "weight") && !scsec__xa_long(r->d, n, "weight", 1, 0, 1000000, &v))
		cr->weight = (int)v;
	for (k = n->first; k; k = k->next) {
		if (IS(k, "text")) {
			add_lang_text(r, &cr->text, k);
		} else if (IS(k, "ref")) {
			const char *fw;

			if (!scsec__xa_id(r->d, k, "framework", &fw) &&
			    scsec__criterion_add_ref(r->c, cr, fw, k->text))
				r->oom = 1;
		}
	}
}

static void read_requirement(reader *r, const scsec__xnode *n, struct scsec_category *cat)
{
	const char *id;
	struct scsec_requirement *req;
	const scsec__xnode *k;

	if (scsec__xa_id(r->d, n, "id", &id))
		return;
	if (!(req = scsec__criteria_add_requirement(r->c, id, cat))) {
		r->oom = 1;
		return;
	}
	req->loc = LOC(n);
	for (k = n->first; k && !r->oom; k = k->next) {
		if (IS(k, "name"))
			add_lang_text(r, &req->name, k);
		else if (IS(k, "text"))
			add_lang_text(r, &req->text, k);
		else if (IS(k, "criterion"))
			read_criterion(r, k, req);
	}
}

static void read_category(reader *r, const scsec__xnode *n, struct scsec_category *parent)
{
	const char *id, *fn;
	struct scsec_category *cat;
	const scsec__xnode *k;

	if (scsec__xa_id(r->d, n, "id", &id))
		return;
	if (!(cat = scsec__criteria_add_category(r->c, id, parent))) {
		r->oom = 1;
		return;
	}
	cat->loc = LOC(n);
	scsec__xattr_token(n, "function");
	if (!scsec__xa_str(r->d, n, "function", 0, &fn) && fn &&
	    scsec_function_parse(&cat->own_function, fn))
		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, id,
		                  "category '%s': function '%.16s' is not one of GV, ID, PR, DE, RS, RC",
		                  id, fn);
	for (k = n->first; k && !r->oom; k = k->next) {
		if (IS(k, "title")) {
			add_lang_text(r, &cat->title, k);
		} else if (IS(k, "category")) {
			read_category(r, k, cat);
		} else if (IS(k, "requirement")) {
			read_requirement(r, k, cat);
		}
	}
}

int scsec__criteria_from_xml(scsec_criteria **out, scsec__xdoc *d)
{
	const scsec__xnode *root = d->root, *k;
	reader r;
	size_t errors = d->rep.errors;
	const char *id, *version;
	int rc;

	*out = NULL;
	/* The root is criteria-set: scsec__xml_parse() refuses any other. The
	 * structure is the schema's, checked by libxml2's validator or here;
	 * the reading below assumes it. */
	if (!d->validated && scsec__xml_check_structure(d, root, &s_criteria_set, SCSEC__NS_CRITERIA))
		return scsec__report_result(&d->rep);
	if ((rc = scsec__criteria_new(&r.c, d->rep.name)))
		return rc;
	r.d = d;
	r.oom = 0;
	if (!scsec__xa_id(d, root, "id", &id) && !(r.c->id = scsec__criteria_str(r.c, id)))
		r.oom = 1;
	scsec__xattr_token(root, "version");
	if (!scsec__xa_str(d, root, "version", 1, &version)) {
		if (!*version)
			scsec__xml_report(d, root, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element 'criteria-set': attribute 'version' is empty");
		else if (!(r.c->version = scsec__criteria_str(r.c, version)))
			r.oom = 1;
	}
	for (k = root->first; k && !r.oom; k = k->next) {
		if (IS(k, "title")) {
			add_lang_text(&r, &r.c->title, k);
		} else if (IS(k, "description")) {
			add_lang_text(&r, &r.c->description, k);
		} else if (IS(k, "publisher")) {
			r.c->publisher = text_of(&r, k);
		} else if (IS(k, "issued")) {
			scsec__xn_date(d, k, &r.c->issued);
		} else if (IS(k, "source")) {
			const char *href = scsec__xattr_get(k, "href");

			r.c->source = text_of(&r, k);
			if (href && !(r.c->source_uri = scsec__criteria_str(r.c, href)))
				r.oom = 1;
		} else if (IS(k, "framework")) {
			const char *fid, *title;
			scsec__framework *f;

			if (scsec__xa_id(d, k, "id", &fid) || scsec__xa_str(d, k, "title", 1, &title))
				continue;
			if (!(f = scsec__criteria_add_framework(r.c, fid, title)))
				r.oom = 1;
			else
				f->loc = LOC(k);
		} else if (IS(k, "answer-marks")) {
			read_marks(&r, k);
		} else if (IS(k, "scoring")) {
			read_scoring(&r, k);
		} else if (IS(k, "prerequisite")) {
			read_prereq(&r, k);
		} else if (IS(k, "level")) {
			read_level(&r, k);
		} else if (IS(k, "required-level")) {
			read_required(&r, k);
		} else if (IS(k, "category")) {
			read_category(&r, k, NULL);
		}
	}
	if (r.oom || d->rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (d->rep.errors > errors)
		rc = scsec__report_result(&d->rep);
	else
		if (!(rc = scsec__criteria_finish(r.c, &d->rep)))
			rc = scsec__criteria_fingerprint(r.c);
	if (rc) {
		scsec_criteria_free(r.c);
		return rc;
	}
	*out = r.c;
	return 0;
}
