/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Results: accessors, and the JSON and XML forms. Both forms are written
 * field by field in a fixed order, so the same result gives the same bytes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "error.h"
#include "eval.h"
#include "scsec/version.h"
#include "xmlwrite.h"

static const char *const reason_names[SCSEC_REASON_COUNT] = {
	"", "missing", "not-met", "partial", "na-rejected", "method", "not-yet-valid", "expired",
};
static const char *const conditional_names[] = { "", "final", "conditional", "not-met" };

const char *scsec_reason_name(scsec_reason reason)
{
	return (unsigned)reason < SCSEC_REASON_COUNT ? reason_names[reason] : "";
}

const char *scsec_conditional_name(scsec_conditional status)
{
	return (unsigned)status < 4 ? conditional_names[status] : "";
}

/* ---------------------------------------------------------------- accessors */

int scsec_result_level(const scsec_result *r) { return r ? r->level : 0; }
const char *scsec_result_level_label(const scsec_result *r)
{
	return r && r->level_index >= 0 ? r->c->levels[r->level_index]->label : NULL;
}
scsec_date scsec_result_valid_until(const scsec_result *r) { return r ? r->valid_until : SCSEC_DATE_NONE; }
scsec_date scsec_result_as_of(const scsec_result *r) { return r ? r->as_of : SCSEC_DATE_NONE; }

size_t scsec_result_level_count(const scsec_result *r) { return r ? r->nlevels : 0; }
int scsec_result_level_rank_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->c->levels[i]->rank : 0;
}
int scsec_result_level_met_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->met[i] : 0;
}
const char *scsec_result_level_label_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? r->c->levels[i]->label : NULL;
}
const scsec_figures *scsec_result_level_figures_at(const scsec_result *r, size_t i)
{
	return r && i < r->nlevels ? &r->level_figures[i] : NULL;
}

int scsec_result_gap_level(const scsec_result *r)
{
	return r && r->gap_index >= 0 ? r->c->levels[r->gap_index]->rank : 0;
}
size_t scsec_result_gap_count(const scsec_result *r) { return r ? r->ngaps : 0; }
const scsec_gap *scsec_result_gap_at(const scsec_result *r, size_t i)
{
	return r && i < r->ngaps ? &r->gaps[i] : NULL;
}
const char *scsec_gap_id(const scsec_gap *g) { return g ? g->id : NULL; }
scsec_reason scsec_gap_reason(const scsec_gap *g) { return g ? (scsec_reason)g->reason : SCSEC_REASON_NONE; }
int scsec_gap_is_prerequisite(const scsec_gap *g) { return g ? g->prerequisite : 0; }

size_t scsec_figures_applicable(const scsec_figures *f) { return f ? f->applicable : 0; }
size_t scsec_figures_satisfied(const scsec_figures *f) { return f ? f->count[SCSEC_REASON_NONE] : 0; }
size_t scsec_figures_reason_count(const scsec_figures *f, scsec_reason reason)
{
	return f && (unsigned)reason < SCSEC_REASON_COUNT ? f->count[reason] : 0;
}

const scsec_figures *scsec_result_function_figures(const scsec_result *r, scsec_function function)
{
	return r && (unsigned)function < SCSEC_FUNCTION_COUNT ? &r->function_figures[function] : NULL;
}

/* The next top-level category from position *k on, *k moved past it:
 * categories are stored in pre-order, so top-level ones are those without
 * a parent, in order. Walking them all this way is one pass. */
static const struct scsec_category *next_top(const scsec_criteria *c, size_t *k)
{
	while (*k < c->ncategories) {
		const struct scsec_category *cat = c->categories[(*k)++];

		if (!cat->parent)
			return cat;
	}
	return NULL;
}

/* The i-th top-level category: it comes at position i or later. */
static const struct scsec_category *top_category(const scsec_criteria *c, size_t i)
{
	size_t k = i;
	const struct scsec_category *cat;

	while ((cat = next_top(c, &k)) && cat->top != i)
		;
	return cat;
}

size_t scsec_result_category_count(const scsec_result *r) { return r ? r->ncategories : 0; }
const char *scsec_result_category_id_at(const scsec_result *r, size_t i)
{
	const struct scsec_category *cat = r && i < r->ncategories ? top_category(r->c, i) : NULL;

	return cat ? cat->id : NULL;
}
const scsec_figures *scsec_result_category_figures_at(const scsec_result *r, size_t i)
{
	return r && i < r->ncategories ? &r->category_figures[i] : NULL;
}

int scsec_result_has_score(const scsec_result *r) { return r ? r->has_score : 0; }
long scsec_result_score(const scsec_result *r) { return r ? r->score : 0; }
long scsec_result_score_max(const scsec_result *r) { return r ? r->score_max : 0; }
const char *scsec_result_band(const scsec_result *r) { return r ? r->band : NULL; }
scsec_conditional scsec_result_conditional(const scsec_result *r)
{
	return r ? r->conditional : SCSEC_CONDITIONAL_NONE;
}

int scsec_result_required_level(const scsec_result *r) { return r ? r->required : 0; }
int scsec_result_meets_required(const scsec_result *r)
{
	if (!r || !r->required)
		return -1;
	return r->level >= r->required;
}

const char *scsec_result_engine(const scsec_result *r)
{
	return r ? "libscsec " SCSEC_VERSION_STRING : NULL;
}
const scsec_criteria *scsec_result_criteria(const scsec_result *r) { return r ? r->c : NULL; }
const char *scsec_result_criteria_id(const scsec_result *r) { return r ? r->c->id : NULL; }
const char *scsec_result_criteria_version(const scsec_result *r) { return r ? r->c->version : NULL; }
const char *scsec_result_criteria_fingerprint(const scsec_result *r)
{
	return r ? r->c->fingerprint : NULL;
}
const char *scsec_result_evidence_fingerprint(const scsec_result *r)
{
	return r ? r->evidence_fingerprint : NULL;
}
const char *scsec_result_subject_name(const scsec_result *r) { return r ? r->subject : NULL; }

/* ---------------------------------------------------------------- JSON */

static void json_str(scsec__buf *b, const char *s)
{
	const char *run;

	if (!s) {
		scsec__buf_puts(b, "null");
		return;
	}
	scsec__buf_putc(b, '"');
	for (run = s; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch >= 0x20 && ch != '"' && ch != '\\')
			continue;
		scsec__buf_put(b, run, (size_t)(s - run));
		switch (ch) {
		case '"': scsec__buf_puts(b, "\\\""); break;
		case '\\': scsec__buf_puts(b, "\\\\"); break;
		case '\n': scsec__buf_puts(b, "\\n"); break;
		case '\r': scsec__buf_puts(b, "\\r"); break;
		case '\t': scsec__buf_puts(b, "\\t"); break;
		default: scsec__buf_printf(b, "\\u%04x", ch); break;
		}
		run = s + 1;
	}
	scsec__buf_put(b, run, (size_t)(s - run));
	scsec__buf_putc(b, '"');
}

static void json_date(scsec__buf *b, scsec_date d)
{
	char buf[SCSEC_DATE_BUFSIZE];

	json_str(b, scsec__date_format(buf, d) ? NULL : buf);
}

static void json_figures(scsec__buf *b, const struct scsec_figures *f, int reasons)
{
	int i;

	scsec__buf_printf(b, "\"applicable\": %zu, \"satisfied\": %zu", f->applicable,
	                  f->count[SCSEC_REASON_NONE]);
	if (!reasons)
		return;
	scsec__buf_puts(b, ", \"reasons\": {");
	for (i = 1; i < SCSEC_REASON_COUNT; i++)
		scsec__buf_printf(b, "%s\"%s\": %zu", i > 1 ? ", " : "", reason_names[i], f->count[i]);
	scsec__buf_putc(b, '}');
}

static int to_json(scsec__buf *b, const scsec_result *r)
{
	const scsec_criteria *c = r->c;
	size_t i, k;
	int first;

	scsec__buf_puts(b, "{\n  \"format\": \"scsec-result-1\",\n  \"level\": ");
	scsec__buf_printf(b, "%d,\n  \"level_label\": ", r->level);
	json_str(b, scsec_result_level_label(r));
	scsec__buf_puts(b, ",\n  \"valid_until\": ");
	json_date(b, r->valid_until);
	scsec__buf_puts(b, ",\n  \"as_of\": ");
	json_date(b, r->as_of);
	scsec__buf_puts(b, ",\n  \"required_level\": ");
	if (r->required)
		scsec__buf_printf(b, "%d", r->required);
	else
		scsec__buf_puts(b, "null");
	scsec__buf_puts(b, ",\n  \"meets_required\": ");
	scsec__buf_puts(b, r->required ? (r->level >= r->required ? "true" : "false") : "null");
	scsec__buf_puts(b, ",\n  \"levels\": [");
	for (i = 0; i < r->nlevels; i++) {
		scsec__buf_printf(b, "%s\n    {\"rank\": %d, \"label\": ", i ? "," : "",
		                  c->levels[i]->rank);
		json_str(b, c->levels[i]->label);
		scsec__buf_printf(b, ", \"met\": %s, ", r->met[i] ? "true" : "false");
		json_figures(b, &r->level_figures[i], 1);
		scsec__buf_putc(b, '}');
	}
	scsec__buf_printf(b, "\n  ],\n  \"gap_level\": %d,\n  \"gaps\": [", scsec_result_gap_level(r));
	for (i = 0; i < r->ngaps; i++) {
		scsec__buf_printf(b, "%s\n    {\"id\": ", i ? "," : "");
		json_str(b, r->gaps[i].id);
		scsec__buf_printf(b, ", \"reason\": \"%s\", \"type\": \"%s\"}", reason_names[r->gaps[i].reason],
		                  r->gaps[i].prerequisite ? "prerequisite" : "criterion");
	}
	scsec__buf_puts(b, r->ngaps ? "\n  ],\n  \"functions\": {" : "],\n  \"functions\": {");
	for (i = 1, first = 1; i < SCSEC_FUNCTION_COUNT; i++) {
		if (!r->function_figures[i].applicable)
			continue;
		scsec__buf_printf(b, "%s\n    \"%s\": {", first ? "" : ",",
		                  scsec_function_code((scsec_function)i));
		json_figures(b, &r->function_figures[i], 1);
		scsec__buf_putc(b, '}');
		first = 0;
	}
	scsec__buf_puts(b, first ? "},\n  \"categories\": [" : "\n  },\n  \"categories\": [");
	for (i = 0, k = 0; i < r->ncategories; i++) {
		const struct scsec_category *cat = next_top(c, &k);

		scsec__buf_printf(b, "%s\n    {\"id\": ", i ? "," : "");
		json_str(b, cat ? cat->id : NULL);
		scsec__buf_puts(b, ", ");
		json_figures(b, &r->category_figures[i], 1);
		scsec__buf_putc(b, '}');
	}
	scsec__buf_puts(b, r->ncategories ? "\n  ],\n  \"score\": " : "],\n  \"score\": ");
	if (r->has_score) {
		scsec__buf_printf(b, "{\"model\": \"%s\", \"value\": %ld, \"max\": %ld, \"band\": ",
		                  c->scoring.model == SCSEC_SCORING_POINTS ? "points" : "deductions",
		                  r->score, r->score_max);
		json_str(b, r->band);
		scsec__buf_puts(b, ", \"conditional\": ");
		json_str(b, r->conditional ? conditional_names[r->conditional] : NULL);
		scsec__buf_putc(b, '}');
	} else {
		scsec__buf_puts(b, "null");
	}
	scsec__buf_puts(b, ",\n  \"subject\": {\"name\": ");
	json_str(b, r->subject);
	scsec__buf_puts(b, "},\n  \"criteria\": {\"id\": ");
	json_str(b, c->id);
	scsec__buf_puts(b, ", \"version\": ");
	json_str(b, c->version);
	scsec__buf_puts(b, ", \"fingerprint\": ");
	json_str(b, c->fingerprint);
	scsec__buf_puts(b, "},\n  \"evidence\": {\"fingerprint\": ");
	json_str(b, r->evidence_fingerprint);
	scsec__buf_puts(b, "},\n  \"engine\": {\"name\": \"libscsec\", \"version\": \"" SCSEC_VERSION_STRING
	                   "\"}\n}\n");
	return scsec__buf_error(b);
}

/* ---------------------------------------------------------------- XML */

static void xml_figures(scsec__buf *b, const struct scsec_figures *f)
{
	int i;

	scsec__buf_printf(b, " applicable=\"%zu\" satisfied=\"%zu\"", f->applicable,
	                  f->count[SCSEC_REASON_NONE]);
	for (i = 1; i < SCSEC_REASON_COUNT; i++)
		if (f->count[i])
			scsec__buf_printf(b, " %s=\"%zu\"", reason_names[i], f->count[i]);
}

static int to_xml(scsec__buf *b, const scsec_result *r)
{
	const scsec_criteria *c = r->c;
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, k;

	scsec__buf_puts(b, SCSEC__XML_DECL "<result xmlns=\"" SCSEC__NS_RESULT "\"");
	scsec__buf_printf(b, " level=\"%d\"", r->level);
	scsec__xw_attr(b, "label", scsec_result_level_label(r));
	if (!scsec__date_format(date, r->valid_until))
		scsec__xw_attr(b, "valid-until", date);
	scsec__date_format(date, r->as_of);
	scsec__xw_attr(b, "as-of", date);
	scsec__buf_puts(b, ">\n  <provenance");
	scsec__xw_attr(b, "engine", "libscsec " SCSEC_VERSION_STRING);
	scsec__buf_puts(b, ">\n    <criteria");
	scsec__xw_attr(b, "id", c->id);
	scsec__xw_attr(b, "version", c->version);
	scsec__xw_attr(b, "fingerprint", c->fingerprint);
	scsec__buf_puts(b, "/>\n    <evidence");
	scsec__xw_attr(b, "fingerprint", r->evidence_fingerprint);
	scsec__xw_attr(b, "subject", r->subject);
	scsec__buf_puts(b, "/>\n  </provenance>\n");
	if (r->required)
		scsec__buf_printf(b, "  <required level=\"%d\" met=\"%s\"/>\n", r->required,
		                  r->level >= r->required ? "true" : "false");
	for (i = 0; i < r->nlevels; i++) {
		scsec__buf_printf(b, "  <level rank=\"%d\"", c->levels[i]->rank);
		scsec__xw_attr(b, "label", c->levels[i]->label);
		scsec__buf_printf(b, " met=\"%s\"", r->met[i] ? "true" : "false");
		xml_figures(b, &r->level_figures[i]);
		scsec__buf_puts(b, "/>\n");
	}
	scsec__buf_printf(b, "  <gaps level=\"%d\"", scsec_result_gap_level(r));
	if (!r->ngaps) {
		scsec__buf_puts(b, "/>\n");
	} else {
		scsec__buf_puts(b, ">\n");
		for (i = 0; i < r->ngaps; i++) {
			scsec__buf_puts(b, "    <gap");
			scsec__xw_attr(b, "id", r->gaps[i].id);
			scsec__xw_attr(b, "reason", reason_names[r->gaps[i].reason]);
			scsec__xw_attr(b, "type", r->gaps[i].prerequisite ? "prerequisite" : "criterion");
			scsec__buf_puts(b, "/>\n");
		}
		scsec__buf_puts(b, "  </gaps>\n");
	}
	for (i = 1; i < SCSEC_FUNCTION_COUNT; i++) {
		if (!r->function_figures[i].applicable)
			continue;
		scsec__buf_printf(b, "  <function code=\"%s\"", scsec_function_code((scsec_function)i));
		xml_figures(b, &r->function_figures[i]);
		scsec__buf_puts(b, "/>\n");
	}
	for (i = 0, k = 0; i < r->ncategories; i++) {
		const struct scsec_category *cat = next_top(c, &k);

		scsec__buf_puts(b, "  <category");
		scsec__xw_attr(b, "id", cat ? cat->id : NULL);
		xml_figures(b, &r->category_figures[i]);
		scsec__buf_puts(b, "/>\n");
	}
	if (r->has_score) {
		scsec__buf_printf(b, "  <score model=\"%s\" value=\"%ld\" max=\"%ld\"",
		                  c->scoring.model == SCSEC_SCORING_POINTS ? "points" : "deductions",
		                  r->score, r->score_max);
		scsec__xw_attr(b, "band", r->band);
		if (r->conditional)
			scsec__xw_attr(b, "conditional", conditional_names[r->conditional]);
		scsec__buf_puts(b, "/>\n");
	}
	scsec__buf_puts(b, "</result>\n");
	return scsec__buf_error(b);
}

static int serialise(char **out, size_t *size, const scsec_result *r,
                     int (*fn)(scsec__buf *, const scsec_result *))
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(r);
	if ((rc = fn(&b, r))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_result_to_json(char **out, size_t *size, const scsec_result *r)
{
	return serialise(out, size, r, to_json);
}

int scsec_result_to_xml(char **out, size_t *size, const scsec_result *r)
{
	return serialise(out, size, r, to_xml);
}
