/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* The canonical form of criteria sets and evidence records: the bytes their
 * fingerprints hash, which are also the XML the writers emit (io/). It is
 * part of the model because a fingerprint is the identity of a set or a
 * record, whatever file it came from: written field by field in a fixed
 * order with the few primitives of util/xmlwrite.h, never through libxml2,
 * so that the bytes do not change with the libxml2 a system has. */
#include "config.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "model/canonical.h"
#include "model/criteria.h"
#include "model/evidence.h"
#include "model/mapping.h"
#include "util/digest.h"
#include "util/error.h"
#include "util/xmlwrite.h"

/* ------------------------------------------------------------ criteria sets */

static void w_texts(scsec__buf *b, int depth, const char *name, const scsec__texts *t)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		scsec__xw_elem(b, depth, name, t->items[i].lang, t->items[i].text);
}

static void w_open(scsec__buf *b, int depth, const char *name)
{
	scsec__xw_indent(b, depth);
	scsec__buf_putc(b, '<');
	scsec__buf_puts(b, name);
}

static void w_int_attr(scsec__buf *b, const char *name, long v)
{
	char num[32];

	snprintf(num, sizeof num, "%ld", v);
	scsec__xw_attr(b, name, num);
}

static void w_scoring(scsec__buf *b, const scsec__scoring *s)
{
	static const char *const models[] = { "all-required", "points", "deductions" };
	static const char *const pts[SCSEC__PTS_COUNT] = { "met", "partial", "not-met",
	                                                    "not-applicable", "missing" };
	int i, children = 0;
	size_t j;

	w_open(b, 1, "scoring");
	scsec__xw_attr(b, "model", models[s->model]);
	if (s->level)
		w_int_attr(b, "level", s->level);
	if (s->has_max)
		w_int_attr(b, "max", s->max);
	if (s->has_floor)
		w_int_attr(b, "floor", s->floor);
	for (i = 0; i < SCSEC__PTS_COUNT; i++)
		children += s->points_set[i];
	children += (int)s->nbands + s->has_conditional;
	if (!children) {
		scsec__buf_puts(b, "/>\n");
		return;
	}
	scsec__buf_puts(b, ">\n");
	for (i = 0; i < SCSEC__PTS_COUNT; i++) {
		if (!s->points_set[i])
			continue;
		w_open(b, 2, "points");
		scsec__xw_attr(b, "status", pts[i]);
		w_int_attr(b, "value", s->points[i]);
		scsec__buf_puts(b, "/>\n");
	}
	for (j = 0; j < s->nbands; j++) {
		w_open(b, 2, "band");
		w_int_attr(b, "min", s->bands[j].min);
		scsec__xw_attr(b, "label", s->bands[j].label);
		scsec__buf_puts(b, "/>\n");
	}
	if (s->has_conditional) {
		w_open(b, 2, "conditional");
		w_int_attr(b, "min-score", s->conditional_min);
		scsec__xw_attr(b, "only-poam-eligible", s->conditional_only_poam ? "true" : "false");
		scsec__buf_puts(b, "/>\n");
	}
	scsec__buf_puts(b, "  </scoring>\n");
}

static void w_criterion(scsec__buf *b, const struct scsec_criterion *cr)
{
	size_t i;

	w_open(b, cr->requirement->category->depth + 3, "criterion");
	scsec__xw_attr(b, "id", cr->id);
	if (cr->levels) {
		scsec__buf_puts(b, " levels=\"");
		for (i = 0; i < cr->nlevels; i++)
			scsec__buf_printf(b, "%s%d", i ? " " : "", cr->levels[i]);
		scsec__buf_putc(b, '"');
	} else {
		w_int_attr(b, "level", cr->min_level);
	}
	if (!cr->na_allowed)
		scsec__xw_attr(b, "na-allowed", "false");
	if (cr->weight != 1)
		w_int_attr(b, "weight", cr->weight);
	if (cr->poam_eligible)
		scsec__xw_attr(b, "poam-eligible", "true");
	scsec__buf_puts(b, ">\n");
	w_texts(b, cr->requirement->category->depth + 4, "text", &cr->text);
	for (i = 0; i < cr->nrefs; i++) {
		w_open(b, cr->requirement->category->depth + 4, "ref");
		scsec__xw_attr(b, "framework", cr->refs[i].framework);
		scsec__buf_putc(b, '>');
		scsec__xw_text(b, cr->refs[i].clauses);
		scsec__buf_puts(b, "</ref>\n");
	}
	scsec__xw_indent(b, cr->requirement->category->depth + 3);
	scsec__buf_puts(b, "</criterion>\n");
}

static void w_requirement(scsec__buf *b, const struct scsec_requirement *r)
{
	int depth = r->category->depth + 2;
	size_t i;

	w_open(b, depth, "requirement");
	scsec__xw_attr(b, "id", r->id);
	scsec__buf_puts(b, ">\n");
	w_texts(b, depth + 1, "name", &r->name);
	w_texts(b, depth + 1, "text", &r->text);
	for (i = 0; i < r->ncriteria; i++)
		w_criterion(b, r->criteria[i]);
	scsec__xw_indent(b, depth);
	scsec__buf_puts(b, "</requirement>\n");
}

static void w_close_categories(scsec__buf *b, int *open, int down_to)
{
	while (*open > down_to) {
		(*open)--;
		scsec__xw_indent(b, *open + 1);
		scsec__buf_puts(b, "</category>\n");
	}
}

/* Categories are stored in document (pre-)order and a category's
 * requirements follow it in the requirement array, so one forward pass
 * writes the tree. */
static void w_categories(scsec__buf *b, const scsec_criteria *c)
{
	size_t i, r = 0;
	int open = 0;

	for (i = 0; i < c->ncategories; i++) {
		const struct scsec_category *cat = c->categories[i];

		w_close_categories(b, &open, cat->depth);
		w_open(b, cat->depth + 1, "category");
		scsec__xw_attr(b, "id", cat->id);
		if (cat->own_function)
			scsec__xw_attr(b, "function", scsec_function_code(cat->own_function));
		scsec__buf_puts(b, ">\n");
		open++;
		w_texts(b, cat->depth + 2, "title", &cat->title);
		while (r < c->nrequirements && c->requirements[r]->category == cat)
			w_requirement(b, c->requirements[r++]);
	}
	w_close_categories(b, &open, 0);
}

int scsec__criteria_to_xml(scsec__buf *b, const scsec_criteria *c)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, j;

	scsec__buf_puts(b, SCSEC__XML_DECL);
	scsec__buf_puts(b, "<criteria-set xmlns=\"" SCSEC__NS_CRITERIA "\"");
	scsec__xw_attr(b, "id", c->id);
	scsec__xw_attr(b, "version", c->version);
	scsec__buf_puts(b, ">\n");
	w_texts(b, 1, "title", &c->title);
	w_texts(b, 1, "description", &c->description);
	scsec__xw_elem(b, 1, "publisher", NULL, c->publisher);
	if (c->issued != SCSEC_DATE_NONE && !scsec__date_format(date, c->issued))
		scsec__xw_elem(b, 1, "issued", NULL, date);
	if (c->source || c->source_uri) {
		w_open(b, 1, "source");
		scsec__xw_attr(b, "href", c->source_uri);
		scsec__buf_putc(b, '>');
		scsec__xw_text(b, c->source ? c->source : "");
		scsec__buf_puts(b, "</source>\n");
	}
	for (i = 0; i < c->nframeworks; i++) {
		w_open(b, 1, "framework");
		scsec__xw_attr(b, "id", c->frameworks[i]->id);
		scsec__xw_attr(b, "title", c->frameworks[i]->title);
		scsec__buf_puts(b, "/>\n");
	}
	if (c->has_marks) {
		w_open(b, 1, "answer-marks");
		if (c->marks_provisional)
			scsec__xw_attr(b, "provisional", "true");
		scsec__buf_puts(b, ">\n");
		for (i = 0; i < c->nmarks; i++) {
			w_open(b, 2, "mark");
			scsec__xw_attr(b, "status", scsec_status_name((scsec_status)c->marks[i]->status));
			scsec__buf_putc(b, '>');
			scsec__xw_text(b, c->marks[i]->text);
			scsec__buf_puts(b, "</mark>\n");
		}
		scsec__buf_puts(b, "  </answer-marks>\n");
	}
	w_scoring(b, &c->scoring);
	for (i = 0; i < c->nprereqs; i++) {
		w_open(b, 1, "prerequisite");
		scsec__xw_attr(b, "id", c->prereqs[i]->id);
		if (c->prereqs[i]->assessor_role) {
			scsec__xw_attr(b, "assessor-role", c->prereqs[i]->assessor_role);
			if (c->prereqs[i]->role_provisional)
				scsec__xw_attr(b, "assessor-role-provisional", "true");
		}
		scsec__buf_puts(b, ">\n");
		w_texts(b, 2, "title", &c->prereqs[i]->title);
		w_texts(b, 2, "description", &c->prereqs[i]->description);
		scsec__buf_puts(b, "  </prerequisite>\n");
	}
	for (i = 0; i < c->nlevels; i++) {
		const struct scsec_level *l = c->levels[i];

		w_open(b, 1, "level");
		w_int_attr(b, "rank", l->rank);
		scsec__xw_attr(b, "label", l->label);
		scsec__xw_attr(b, "method", scsec_method_name(l->method));
		scsec__xw_attr(b, "validity", l->validity);
		scsec__xw_attr(b, "validity-provisional", l->provisional ? "true" : "false");
		scsec__xw_attr(b, "requires-lower", l->requires_lower ? "true" : "false");
		if (!l->title.count && !l->nrequires) {
			scsec__buf_puts(b, "/>\n");
			continue;
		}
		scsec__buf_puts(b, ">\n");
		w_texts(b, 2, "title", &l->title);
		for (j = 0; j < l->nrequires; j++) {
			w_open(b, 2, "requires");
			scsec__xw_attr(b, "ref", l->requires[j]);
			scsec__buf_puts(b, "/>\n");
		}
		scsec__buf_puts(b, "  </level>\n");
	}
	if (c->has_required_rule) {
		w_open(b, 1, "required-level");
		w_int_attr(b, "default", c->required_default);
		scsec__buf_puts(b, ">\n");
		for (i = 0; i < c->nquestions; i++) {
			w_open(b, 2, "question");
			scsec__xw_attr(b, "id", c->questions[i]->id);
			w_int_attr(b, "level-if-yes", c->questions[i]->level_if_yes);
			scsec__buf_puts(b, ">\n");
			w_texts(b, 3, "text", &c->questions[i]->text);
			scsec__buf_puts(b, "    </question>\n");
		}
		scsec__buf_puts(b, "  </required-level>\n");
	}
	w_categories(b, c);
	scsec__buf_puts(b, "</criteria-set>\n");
	return scsec__buf_error(b);
}

int scsec__criteria_fingerprint(scsec_criteria *c)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	if (!(rc = scsec__criteria_to_xml(&b, c)))
		rc = scsec__sha256_hex(c->fingerprint, b.data, b.len);
	scsec__buf_dispose(&b);
	return rc;
}

/* --------------------------------------------------------- evidence records */

/* A derived entry's provenance (model/mapping.h). */
static void derivation_to_xml(scsec__buf *b, const struct scsec__derivation *d)
{
	size_t i;

	scsec__buf_puts(b, "    <derived-from");
	scsec__xw_attr(b, "set", d->set_id);
	scsec__xw_attr(b, "version", d->set_version);
	scsec__buf_puts(b, ">\n");
	for (i = 0; i < d->count; i++) {
		scsec__buf_puts(b, "      <source");
		scsec__xw_attr(b, "id", d->sources[i].id);
		scsec__xw_attr(b, "relationship", scsec_relationship_name(d->sources[i].relationship));
		if (d->sources[i].status)
			scsec__xw_attr(b, "status", scsec_status_name(d->sources[i].status));
		if (d->sources[i].method)
			scsec__xw_attr(b, "method", scsec_method_name(d->sources[i].method));
		scsec__buf_puts(b, "/>\n");
	}
	scsec__buf_puts(b, "    </derived-from>\n");
}

int scsec__evidence_to_xml(scsec__buf *b, const scsec_evidence *ev)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, j;

	scsec__buf_puts(b, SCSEC__XML_DECL "<evidence xmlns=\"" SCSEC__NS_EVIDENCE "\">\n");
	if (ev->subject_name || ev->nids) {
		scsec__buf_puts(b, "  <subject>\n");
		scsec__xw_elem(b, 2, "name", NULL, ev->subject_name);
		for (i = 0; i < ev->nids; i++) {
			scsec__buf_puts(b, "    <identifier");
			scsec__xw_attr(b, "scheme", ev->ids[i].scheme);
			scsec__buf_putc(b, '>');
			scsec__xw_text(b, ev->ids[i].value);
			scsec__buf_puts(b, "</identifier>\n");
		}
		scsec__buf_puts(b, "  </subject>\n");
	}
	if (ev->criteria_id) {
		scsec__buf_puts(b, "  <criteria");
		scsec__xw_attr(b, "id", ev->criteria_id);
		scsec__xw_attr(b, "version", ev->criteria_version);
		scsec__xw_attr(b, "fingerprint", ev->criteria_fingerprint);
		scsec__buf_puts(b, "/>\n");
	}
	scsec__xw_elem(b, 1, "created", NULL, ev->created);
	scsec__xw_elem(b, 1, "tool", NULL, ev->tool);
	if (ev->derived) {
		scsec__buf_puts(b, "  <derived");
		scsec__xw_attr(b, "mapping", ev->derived->mapping_id);
		scsec__xw_attr(b, "mapping-version", ev->derived->mapping_version);
		scsec__xw_attr(b, "source", ev->derived->source_id);
		scsec__xw_attr(b, "source-version", ev->derived->source_version);
		scsec__buf_puts(b, "/>\n");
	}
	for (i = 0; i < ev->nentries; i++) {
		const struct scsec_entry *e = ev->entries[i];
		int children = e->assessor || e->assessor_id || e->assessor_role || e->justification || e->note ||
		               e->nartifacts || e->derived;

		scsec__buf_puts(b, "  <entry");
		scsec__xw_attr(b, "id", e->id);
		if (e->review)
			scsec__xw_attr(b, "review", "true");
		if (e->status)
			scsec__xw_attr(b, "status", scsec_status_name(e->status));
		if (e->method)
			scsec__xw_attr(b, "method", scsec_method_name(e->method));
		if (!scsec__date_format(date, e->assessed_on))
			scsec__xw_attr(b, "assessed-on", date);
		if (!scsec__date_format(date, e->expires_on))
			scsec__xw_attr(b, "expires-on", date);
		if (!scsec__date_format(date, e->planned_on))
			scsec__xw_attr(b, "planned-on", date);
		if (!children) {
			scsec__buf_puts(b, "/>\n");
			continue;
		}
		scsec__buf_puts(b, ">\n");
		if (e->assessor || e->assessor_id || e->assessor_role) {
			scsec__buf_puts(b, "    <assessor");
			scsec__xw_attr(b, "id", e->assessor_id);
			scsec__xw_attr(b, "role", e->assessor_role);
			scsec__buf_putc(b, '>');
			scsec__xw_text(b, e->assessor ? e->assessor : "");
			scsec__buf_puts(b, "</assessor>\n");
		}
		scsec__xw_elem(b, 2, "justification", NULL, e->justification);
		for (j = 0; j < e->nartifacts; j++) {
			scsec__buf_puts(b, "    <artifact");
			scsec__xw_attr(b, "uri", e->artifacts[j].uri);
			if (e->artifacts[j].sha256[0])
				scsec__xw_attr(b, "sha256", e->artifacts[j].sha256);
			scsec__buf_puts(b, "/>\n");
		}
		scsec__xw_elem(b, 2, "note", NULL, e->note);
		if (e->derived)
			derivation_to_xml(b, e->derived);
		scsec__buf_puts(b, "  </entry>\n");
	}
	scsec__buf_puts(b, "</evidence>\n");
	return scsec__buf_error(b);
}

const char *scsec__evidence_fingerprint(const scsec_evidence *cev)
{
	scsec_evidence *ev = (scsec_evidence *)cev;
	char *fp = atomic_load(&ev->fingerprint), *expected = NULL;
	scsec__buf b = SCSEC__BUF_INIT;

	if (fp)
		return fp;
	if (scsec__evidence_to_xml(&b, ev) || !(fp = scsec__malloc(65)) ||
	    scsec__sha256_hex(fp, b.data, b.len)) {
		scsec__buf_dispose(&b);
		scsec__free(fp);
		return NULL;
	}
	scsec__buf_dispose(&b);
	/* Another thread may have published the same digest first. */
	if (!atomic_compare_exchange_strong(&ev->fingerprint, &expected, fp)) {
		scsec__free(fp);
		fp = expected;
	}
	return fp;
}

int scsec_evidence_fingerprint(char *buf, const scsec_evidence *ev)
{
	const char *fp;

	SCSEC__CHECK_ARG(buf);
	SCSEC__CHECK_ARG(ev);
	if (!(fp = scsec__evidence_fingerprint(ev)))
		return scsec_error_code(scsec_error_last()) ? scsec_error_code(scsec_error_last())
		                                            : SCSEC_ENOMEM;
	memcpy(buf, fp, 65);
	return 0;
}
