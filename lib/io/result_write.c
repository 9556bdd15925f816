/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Results as JSON and XML. Both forms are written field by field in a fixed
 * order, so the same result gives the same bytes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "io/json.h"
#include "io/xml.h"
#include "model/result.h"
#include "model/trust.h"
#include "scsec/version.h"
#include "util/error.h"
#include "util/xmlwrite.h"

/* ---------------------------------------------------------------- JSON */

void scsec__json_put_str(scsec__buf *b, const char *s)
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

void scsec__json_put_date(scsec__buf *b, scsec_date d)
{
	char buf[SCSEC_DATE_BUFSIZE];

	scsec__json_put_str(b, scsec__date_format(buf, d) ? NULL : buf);
}

/* The reasons in the order of rule 5; unverified only when a trust policy
 * was applied (without one, the document is as libscsec 1.0 wrote it). */
static void json_figures(scsec__buf *b, const struct scsec_figures *f, int reasons, int trust)
{
	size_t i;
	int first = 1;

	scsec__buf_printf(b, "\"applicable\": %zu, \"satisfied\": %zu", f->applicable,
	                  f->count[SCSEC_REASON_NONE]);
	if (f->not_applicable)
		scsec__buf_printf(b, ", \"not_applicable\": %zu", f->not_applicable);
	if (!reasons)
		return;
	scsec__buf_puts(b, ", \"reasons\": {");
	for (i = 0; i < SCSEC__NREASONS; i++) {
		unsigned w = scsec__reason_order[i];

		if (w == SCSEC_REASON_UNVERIFIED && !trust)
			continue;
		scsec__buf_printf(b, "%s\"%s\": %zu", first ? "" : ", ",
		                  scsec_reason_name((scsec_reason)w), f->count[w]);
		first = 0;
	}
	scsec__buf_putc(b, '}');
}


/* An item's reason at a level as the documents name it. */
static const char *item_reason(unsigned w)
{
	return w == SCSEC_REASON_NONE ? "satisfied" : scsec_reason_name((scsec_reason)w);
}

/* The items judged at each level with their reasons and last valid days
 * (issue 11, section 4), so a result read back gives them too. */
static void json_items(scsec__buf *b, const scsec_result *r)
{
	size_t i, li;

	scsec__buf_puts(b, ",\n  \"level_items\": [");
	for (li = 0; li < r->nlevels; li++) {
		int first = 1;

		scsec__buf_printf(b, "%s\n    {\"rank\": %d, \"items\": [", li ? "," : "",
		                  r->c->levels[li]->rank);
		for (i = 0; r->why && i < r->nitems; i++) {
			unsigned w = r->why[li * r->nitems + i];

			if (w == SCSEC__NOT_JUDGED)
				continue;
			scsec__buf_printf(b, "%s\n      {\"id\": ", first ? "" : ",");
			scsec__json_put_str(b, scsec__result_item_id(r->c, i));
			scsec__buf_printf(b, ", \"reason\": \"%s\", \"last_valid\": ", item_reason(w));
			scsec__json_put_date(b, scsec__result_last_valid(r, li, i));
			scsec__buf_putc(b, '}');
			first = 0;
		}
		scsec__buf_puts(b, first ? "]}" : "\n    ]}");
	}
	scsec__buf_puts(b, r->nlevels ? "\n  ]" : "]");
}

static void json_ids(scsec__buf *b, const char *name, const char *const *ids, size_t n)
{
	size_t i;

	scsec__buf_printf(b, ",\n  \"%s\": [", name);
	for (i = 0; i < n; i++) {
		if (i)
			scsec__buf_puts(b, ", ");
		scsec__json_put_str(b, ids[i]);
	}
	scsec__buf_putc(b, ']');
}

static void json_unstated(scsec__buf *b, const scsec_result *r)
{
	size_t i, n = 0;

	scsec__buf_puts(b, ",\n  \"unstated_roles\": [");
	for (i = 0; i < r->c->nprereqs; i++) {
		if (!scsec__result_unstated(r, i))
			continue;
		if (n++)
			scsec__buf_puts(b, ", ");
		scsec__json_put_str(b, r->c->prereqs[i]->id);
	}
	scsec__buf_putc(b, ']');
}

static void json_time(scsec__buf *b, int64_t t)
{
	char buf[SCSEC_DATE_BUFSIZE];
	long s;

	if (t < 0 || scsec__date_format(buf, scsec__day_of(t))) {
		scsec__buf_puts(b, "null");
		return;
	}
	s = (long)(t % 86400);
	scsec__buf_printf(b, "\"%sT%02ld:%02ld:%02ldZ\"", buf, s / 3600, s / 60 % 60, s % 60);
}

/* Rule 11: who vouched. */
static void json_trust(scsec__buf *b, const scsec_result *r)
{
	size_t i;

	if (!r->trust_applied) {
		scsec__buf_puts(b, "{\"applied\": false}");
		return;
	}
	scsec__buf_puts(b, "{\"applied\": true, \"operator\": ");
	scsec__json_put_str(b, r->trust_operator);
	scsec__buf_puts(b, ", \"version\": ");
	scsec__json_put_str(b, r->trust_version);
	scsec__buf_printf(b, ", \"verified\": %s, \"method\": \"%s\", \"signers\": [",
	                  r->trust_verified ? "true" : "false",
	                  scsec_method_name(r->trusted_method));
	for (i = 0; i < r->nsigners; i++) {
		const scsec_signer *g = &r->signers[i];

		scsec__buf_printf(b, "%s\n    {\"verdict\": \"%s\", \"subject\": ", i ? "," : "",
		                  scsec_verdict_name(scsec_signer_verdict(g)));
		scsec__json_put_str(b, scsec_signer_subject(g));
		scsec__buf_puts(b, ", \"fingerprint\": ");
		scsec__json_put_str(b, scsec_signer_fingerprint(g));
		scsec__buf_puts(b, ", \"signing_time\": ");
		json_time(b, scsec_signer_signing_time(g));
		scsec__buf_puts(b, ", \"party\": ");
		scsec__json_put_str(b, g->party);
		scsec__buf_puts(b, ", \"role\": ");
		scsec__json_put_str(b, g->role);
		if (scsec_signer_problem(g)) {
			scsec__buf_puts(b, ", \"problem\": ");
			scsec__json_put_str(b, scsec_signer_problem(g));
		}
		scsec__buf_putc(b, '}');
	}
	scsec__buf_puts(b, r->nsigners ? "\n  ]}" : "]}");
}

/* Rule 12: the projection, per level not met (met ones are left out). */
static void json_projection(scsec__buf *b, const scsec_result *r)
{
	size_t i, k, n;
	int first = 1;

	scsec__buf_puts(b, ",\n  \"projection\": [");
	for (i = 0; i < r->nlevels; i++) {
		if (r->met[i])
			continue;
		scsec__buf_printf(b, "%s\n    {\"rank\": %d, \"label\": ", first ? "" : ",",
		                  r->c->levels[i]->rank);
		scsec__json_put_str(b, r->c->levels[i]->label);
		scsec__buf_puts(b, ", \"on\": ");
		scsec__json_put_date(b, scsec_result_projected_on_at(r, i));
		scsec__buf_puts(b, ", \"blockers\": [");
		n = scsec_result_projection_blocker_count(r, i);
		for (k = 0; k < n; k++) {
			const struct scsec__blocker *bl = &r->projection->blockers[r->projection->off[i] + k];

			scsec__buf_puts(b, k ? ", {\"id\": " : "{\"id\": ");
			scsec__json_put_str(b, bl->id);
			scsec__buf_printf(b, ", \"kind\": \"%s\"}", scsec_blocker_name((scsec_blocker)bl->kind));
		}
		scsec__buf_puts(b, "]}");
		first = 0;
	}
	scsec__buf_puts(b, first ? "]" : "\n  ]");
}

static void xml_projection(scsec__buf *b, const scsec_result *r)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, k, n;

	scsec__buf_puts(b, "  <projection>\n");
	for (i = 0; i < r->nlevels; i++) {
		if (r->met[i])
			continue;
		scsec__buf_printf(b, "    <level rank=\"%d\"", r->c->levels[i]->rank);
		scsec__xw_attr(b, "label", r->c->levels[i]->label);
		if (!scsec__date_format(date, scsec_result_projected_on_at(r, i)))
			scsec__xw_attr(b, "on", date);
		n = scsec_result_projection_blocker_count(r, i);
		if (!n) {
			scsec__buf_puts(b, "/>\n");
			continue;
		}
		scsec__buf_puts(b, ">\n");
		for (k = 0; k < n; k++) {
			const struct scsec__blocker *bl = &r->projection->blockers[r->projection->off[i] + k];

			scsec__buf_puts(b, "      <blocker");
			scsec__xw_attr(b, "id", bl->id);
			scsec__xw_attr(b, "kind", scsec_blocker_name((scsec_blocker)bl->kind));
			scsec__buf_puts(b, "/>\n");
		}
		scsec__buf_puts(b, "    </level>\n");
	}
	scsec__buf_puts(b, "  </projection>\n");
}

static int to_json(scsec__buf *b, const scsec_result *r)
{
	const scsec_criteria *c = r->c;
	size_t i, k;
	int first;

	scsec__buf_puts(b, "{\n  \"format\": \"scsec-result-1\",\n  \"level\": ");
	scsec__buf_printf(b, "%d,\n  \"level_label\": ", r->level);
	scsec__json_put_str(b, scsec_result_level_label(r));
	scsec__buf_puts(b, ",\n  \"valid_until\": ");
	scsec__json_put_date(b, r->valid_until);
	json_ids(b, "rests_on", r->rests_on, r->nrests_on);
	scsec__buf_puts(b, ",\n  \"as_of\": ");
	scsec__json_put_date(b, r->as_of);
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
		scsec__json_put_str(b, c->levels[i]->label);
		scsec__buf_printf(b, ", \"met\": %s, ", r->met[i] ? "true" : "false");
		json_figures(b, &r->level_figures[i], 1, r->trust_applied);
		scsec__buf_putc(b, '}');
	}
	scsec__buf_printf(b, "\n  ],\n  \"gap_level\": %d,\n  \"gaps\": [", scsec_result_gap_level(r));
	for (i = 0; i < r->ngaps; i++) {
		scsec__buf_printf(b, "%s\n    {\"id\": ", i ? "," : "");
		scsec__json_put_str(b, r->gaps[i].id);
		scsec__buf_printf(b, ", \"reason\": \"%s\", \"type\": \"%s\"}", scsec_reason_name((scsec_reason)r->gaps[i].reason),
		                  r->gaps[i].prerequisite ? "prerequisite" : "criterion");
	}
	scsec__buf_puts(b, r->ngaps ? "\n  ]" : "]");
	json_unstated(b, r);
	scsec__buf_puts(b, ",\n  \"functions\": {");
	for (i = 1, first = 1; i < SCSEC_FUNCTION_COUNT; i++) {
		if (!r->function_figures[i].applicable)
			continue;
		scsec__buf_printf(b, "%s\n    \"%s\": {", first ? "" : ",",
		                  scsec_function_code((scsec_function)i));
		json_figures(b, &r->function_figures[i], 1, r->trust_applied);
		scsec__buf_putc(b, '}');
		first = 0;
	}
	scsec__buf_puts(b, first ? "},\n  \"categories\": [" : "\n  },\n  \"categories\": [");
	for (i = 0, k = 0; i < r->ncategories; i++) {
		const struct scsec_category *cat = scsec__criteria_next_top(c, &k);

		scsec__buf_printf(b, "%s\n    {\"id\": ", i ? "," : "");
		scsec__json_put_str(b, cat ? cat->id : NULL);
		scsec__buf_puts(b, ", ");
		json_figures(b, &r->category_figures[i], 1, r->trust_applied);
		scsec__buf_putc(b, '}');
	}
	scsec__buf_puts(b, r->ncategories ? "\n  ],\n  \"score\": " : "],\n  \"score\": ");
	if (r->has_score) {
		scsec__buf_printf(b, "{\"model\": \"%s\", \"value\": %ld, \"max\": %ld, \"band\": ",
		                  c->scoring.model == SCSEC_SCORING_POINTS ? "points" : "deductions",
		                  r->score, r->score_max);
		scsec__json_put_str(b, r->band);
		scsec__buf_puts(b, ", \"conditional\": ");
		scsec__json_put_str(b, r->conditional ? scsec_conditional_name(r->conditional) : NULL);
		scsec__buf_putc(b, '}');
	} else {
		scsec__buf_puts(b, "null");
	}
	if (r->projection)
		json_projection(b, r);
	json_items(b, r);
	scsec__buf_puts(b, ",\n  \"subject\": {\"name\": ");
	scsec__json_put_str(b, r->subject);
	scsec__buf_puts(b, "},\n  \"criteria\": {\"id\": ");
	scsec__json_put_str(b, c->id);
	scsec__buf_puts(b, ", \"version\": ");
	scsec__json_put_str(b, c->version);
	scsec__buf_puts(b, ", \"fingerprint\": ");
	scsec__json_put_str(b, c->fingerprint);
	scsec__buf_puts(b, "},\n  \"evidence\": {\"fingerprint\": ");
	scsec__json_put_str(b, scsec_result_evidence_fingerprint(r));
	if (r->evidence_derived)
		scsec__buf_puts(b, ", \"derived\": true");
	scsec__buf_puts(b, "},\n  \"trust\": ");
	json_trust(b, r);
	/* A result read back names the version that made it. */
	scsec__buf_puts(b, ",\n  \"engine\": {\"name\": \"libscsec\", \"version\": ");
	scsec__json_put_str(b, scsec_result_engine(r) + strlen("libscsec "));
	scsec__buf_puts(b, "}\n}\n");
	return scsec__buf_error(b);
}

/* ---------------------------------------------------------------- XML */

static void xml_figures(scsec__buf *b, const struct scsec_figures *f)
{
	int i;

	scsec__buf_printf(b, " applicable=\"%zu\" satisfied=\"%zu\"", f->applicable,
	                  f->count[SCSEC_REASON_NONE]);
	if (f->not_applicable)
		scsec__buf_printf(b, " not-applicable=\"%zu\"", f->not_applicable);
	for (i = 0; i < SCSEC__NREASONS; i++)
		if (f->count[scsec__reason_order[i]])
			scsec__buf_printf(b, " %s=\"%zu\"",
			                  scsec_reason_name((scsec_reason)scsec__reason_order[i]),
			                  f->count[scsec__reason_order[i]]);
}

/* The items judged at level li (see json_items()); none without reasons. */
static void xml_items(scsec__buf *b, const scsec_result *r, size_t li)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i;
	int any = 0;

	if (!r->why)
		return;
	scsec__buf_printf(b, "  <level-items rank=\"%d\"", r->c->levels[li]->rank);
	for (i = 0; i < r->nitems; i++) {
		unsigned w = r->why[li * r->nitems + i];

		if (w == SCSEC__NOT_JUDGED)
			continue;
		scsec__buf_puts(b, any ? "    <item" : ">\n    <item");
		any = 1;
		scsec__xw_attr(b, "id", scsec__result_item_id(r->c, i));
		scsec__xw_attr(b, "reason", item_reason(w));
		if (!scsec__date_format(date, scsec__result_last_valid(r, li, i)))
			scsec__xw_attr(b, "last-valid", date);
		scsec__buf_puts(b, "/>\n");
	}
	scsec__buf_puts(b, any ? "  </level-items>\n" : "/>\n");
}

/* Rule 11: who vouched; <trust applied="false"/> without a trust list. */
static void xml_trust(scsec__buf *b, const scsec_result *r)
{
	size_t i;

	if (!r->trust_applied) {
		scsec__buf_puts(b, "    <trust applied=\"false\"/>\n");
		return;
	}
	scsec__buf_puts(b, "    <trust applied=\"true\"");
	scsec__xw_attr(b, "operator", r->trust_operator);
	scsec__xw_attr(b, "version", r->trust_version);
	scsec__xw_attr(b, "verified", r->trust_verified ? "true" : "false");
	scsec__xw_attr(b, "method", scsec_method_name(r->trusted_method));
	scsec__buf_puts(b, r->nsigners ? ">\n" : "/>\n");
	for (i = 0; i < r->nsigners; i++) {
		const scsec_signer *g = &r->signers[i];
		scsec__buf tb = SCSEC__BUF_INIT;
		char *ts;

		scsec__buf_puts(b, "      <signer");
		scsec__xw_attr(b, "verdict", scsec_verdict_name(scsec_signer_verdict(g)));
		scsec__xw_attr(b, "subject", scsec_signer_subject(g));
		scsec__xw_attr(b, "fingerprint", scsec_signer_fingerprint(g));
		json_time(&tb, scsec_signer_signing_time(g));
		ts = scsec__buf_detach(&tb, NULL);
		if (ts && ts[0] == '"') {
			ts[strlen(ts) - 1] = '\0';
			scsec__xw_attr(b, "signing-time", ts + 1);
		}
		scsec__free(ts);
		scsec__xw_attr(b, "party", g->party);
		scsec__xw_attr(b, "role", g->role);
		scsec__xw_attr(b, "problem", scsec_signer_problem(g));
		scsec__buf_puts(b, "/>\n");
	}
	if (r->nsigners)
		scsec__buf_puts(b, "    </trust>\n");
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
	scsec__xw_attr(b, "engine", scsec_result_engine(r));
	scsec__buf_puts(b, ">\n    <criteria");
	scsec__xw_attr(b, "id", c->id);
	scsec__xw_attr(b, "version", c->version);
	scsec__xw_attr(b, "fingerprint", c->fingerprint);
	scsec__buf_puts(b, "/>\n    <evidence");
	scsec__xw_attr(b, "fingerprint", scsec_result_evidence_fingerprint(r));
	scsec__xw_attr(b, "subject", r->subject);
	if (r->evidence_derived)
		scsec__xw_attr(b, "derived", "true");
	scsec__buf_puts(b, "/>\n");
	xml_trust(b, r);
	scsec__buf_puts(b, "  </provenance>\n");
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
			scsec__xw_attr(b, "reason", scsec_reason_name((scsec_reason)r->gaps[i].reason));
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
		const struct scsec_category *cat = scsec__criteria_next_top(c, &k);

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
			scsec__xw_attr(b, "conditional", scsec_conditional_name(r->conditional));
		scsec__buf_puts(b, "/>\n");
	}
	for (i = 0; i < r->nlevels; i++)
		xml_items(b, r, i);
	for (i = 0; i < r->nrests_on; i++) {
		scsec__buf_puts(b, "  <rests-on");
		scsec__xw_attr(b, "id", r->rests_on[i]);
		scsec__buf_puts(b, "/>\n");
	}
	for (i = 0; i < c->nprereqs; i++) {
		if (!scsec__result_unstated(r, i))
			continue;
		scsec__buf_puts(b, "  <unstated-role");
		scsec__xw_attr(b, "id", c->prereqs[i]->id);
		scsec__buf_puts(b, "/>\n");
	}
	if (r->projection)
		xml_projection(b, r);
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
	/* The record's fingerprint is computed when first asked for. */
	if (!scsec_result_evidence_fingerprint(r))
		return scsec_error_code(scsec_error_last()) ? scsec_error_code(scsec_error_last())
		                                            : SCSEC_ENOMEM;
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
