/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Portfolios as JSON (data/schema/scsec-portfolio-1.schema.json) and CSV
 * (doc/portfolio.md). Written field by field in a fixed order, so the same
 * portfolio gives the same bytes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "eval/portfolio.h"
#include "io/json.h"
#include "io/sheet.h"
#include "model/criteria.h"
#include "scsec/version.h"
#include "util/date.h"
#include "util/error.h"

static const char *label_of(const scsec_criteria *c, int rank)
{
	size_t i;

	for (i = 0; rank && i < c->nlevels; i++)
		if (c->levels[i]->rank == rank)
			return c->levels[i]->label;
	return NULL;
}

static void json_int_or_null(scsec__buf *b, int v, int null_if)
{
	if (v == null_if)
		scsec__buf_puts(b, "null");
	else
		scsec__buf_printf(b, "%d", v);
}

static void json_tristate(scsec__buf *b, int v)
{
	scsec__buf_puts(b, v < 0 ? "null" : v ? "true" : "false");
}

static void json_ids(scsec__buf *b, const plist *l)
{
	size_t i;

	scsec__buf_putc(b, '[');
	for (i = 0; i < l->n; i++) {
		if (i)
			scsec__buf_putc(b, ',');
		scsec__json_put_str(b, ((const scsec_supplier *)l->items[i])->id);
	}
	scsec__buf_putc(b, ']');
}

static void json_supplier(scsec__buf *b, const scsec_portfolio *p, const scsec_supplier *s)
{
	size_t i;

	scsec__buf_puts(b, "{\"id\":");
	scsec__json_put_str(b, s->id);
	scsec__buf_puts(b, ",\"name\":");
	scsec__json_put_str(b, s->name);
	scsec__buf_puts(b, ",\"source\":");
	scsec__json_put_str(b, s->source);
	scsec__buf_printf(b, ",\"level\":%d,\"level_label\":", s->level);
	scsec__json_put_str(b, label_of(p->c, s->level));
	scsec__buf_puts(b, ",\"valid_until\":");
	scsec__json_put_date(b, s->valid_until);
	scsec__buf_puts(b, ",\"days_left\":");
	if (s->level && s->valid_until != SCSEC_DATE_NONE)
		scsec__buf_printf(b, "%ld", (long)s->valid_until - (long)p->as_of);
	else
		scsec__buf_puts(b, "null");
	scsec__buf_printf(b, ",\"expiring\":%s,\"expiry_items\":[", s->expiring ? "true" : "false");
	for (i = 0; i < s->nrests_on; i++) {
		if (i)
			scsec__buf_putc(b, ',');
		scsec__json_put_str(b, s->rests_on[i]);
	}
	scsec__buf_puts(b, "],\"required\":");
	json_int_or_null(b, s->required, 0);
	scsec__buf_printf(b, ",\"contracts\":%zu,\"meets_required\":", s->ncontracts);
	json_tristate(b, s->meets);
	scsec__buf_puts(b, ",\"target\":");
	json_int_or_null(b, s->target, 0);
	scsec__buf_printf(b, ",\"gap\":{\"method\":%zu,\"fixes\":%zu},\"trust\":", s->gap_method,
	                  s->gap_fixes);
	scsec__json_put_str(b, *s->trust ? s->trust : NULL);
	scsec__buf_puts(b, ",\"projected_on\":");
	scsec__json_put_date(b, scsec_supplier_projected_on(s));
	scsec__buf_puts(b, ",\"projection_blocked\":");
	if (s->projected)
		scsec__buf_printf(b, "%zu", scsec_supplier_projection_blocked(s));
	else
		scsec__buf_puts(b, "null");
	scsec__buf_puts(b, ",\"categories\":[");
	for (i = 0; i < p->c->ntop; i++)
		scsec__buf_printf(b, "%s[%u,%u]", i ? "," : "", (unsigned)s->cat[2 * i],
		                  (unsigned)s->cat[2 * i + 1]);
	scsec__buf_puts(b, "]}");
}

static int to_json(scsec__buf *b, const scsec_portfolio *p)
{
	const scsec_criteria *c = p->c;
	size_t i;

	scsec__buf_puts(b, "{\"format\":\"scsec-portfolio-1\",\"engine\":\"libscsec " SCSEC_VERSION_STRING
	                   "\",\"criteria\":{\"id\":");
	scsec__json_put_str(b, c->id);
	scsec__buf_puts(b, ",\"version\":");
	scsec__json_put_str(b, c->version);
	scsec__buf_puts(b, ",\"fingerprint\":");
	scsec__json_put_str(b, c->fingerprint);
	scsec__buf_puts(b, "},\"as_of\":");
	scsec__json_put_date(b, p->as_of);
	scsec__buf_printf(b, ",\"within_days\":%d,\"trust_applied\":%s,\"projection_applied\":%s"
	                  ",\"supplier_count\":%zu", p->within, p->trust_applied ? "true" : "false",
	                  p->projection_applied ? "true" : "false", p->suppliers.n);
	scsec__buf_printf(b, ",\"levels\":[{\"rank\":0,\"label\":null,\"suppliers\":%zu}",
	                  p->level_counts[0]);
	for (i = 0; i < c->nlevels; i++) {
		scsec__buf_printf(b, ",{\"rank\":%d,\"label\":", c->levels[i]->rank);
		scsec__json_put_str(b, c->levels[i]->label);
		scsec__buf_printf(b, ",\"suppliers\":%zu}", p->level_counts[i + 1]);
	}
	scsec__buf_puts(b, "],\"categories\":[");
	for (i = 0; i < c->ntop; i++) {
		const scsec_category *cat = scsec_portfolio_category_at(p, i);

		scsec__buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
		scsec__json_put_str(b, scsec_category_id(cat));
		scsec__buf_puts(b, ",\"title\":");
		scsec__json_put_str(b, scsec_category_title(cat, NULL));
		scsec__buf_putc(b, '}');
	}
	scsec__buf_puts(b, "],\"suppliers\":[");
	for (i = 0; i < p->suppliers.n; i++) {
		if (i)
			scsec__buf_puts(b, ",\n");
		json_supplier(b, p, p->suppliers.items[i]);
	}
	scsec__buf_puts(b, "],\"contracts\":[");
	for (i = 0; i < p->contracts.n; i++) {
		const scsec_contract *k = p->contracts.items[i];
		const scsec_supplier *s = scsec_contract_supplier(k);

		scsec__buf_puts(b, i ? ",{\"supplier\":" : "{\"supplier\":");
		scsec__json_put_str(b, k->supplier_id);
		scsec__buf_puts(b, ",\"contract\":");
		scsec__json_put_str(b, k->id);
		scsec__buf_printf(b, ",\"required\":%d,\"achieved\":", k->required);
		json_int_or_null(b, s ? s->level : -1, -1);
		scsec__buf_puts(b, ",\"meets\":");
		json_tristate(b, scsec_contract_meets(k));
		scsec__buf_putc(b, '}');
	}
	scsec__buf_puts(b, "],\"expiring\":");
	json_ids(b, &p->expiring);
	scsec__buf_puts(b, ",\"below\":");
	json_ids(b, &p->below);
	scsec__buf_puts(b, ",\"untrusted\":");
	json_ids(b, &p->untrusted);
	scsec__buf_puts(b, ",\"missed\":[");
	for (i = 0; i < p->nmissed; i++) {
		scsec__buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
		scsec__json_put_str(b, scsec_portfolio_missed_id_at(p, i));
		scsec__buf_printf(b, ",\"suppliers\":%zu,\"method\":%zu}",
		                  scsec_portfolio_missed_suppliers_at(p, i),
		                  scsec_portfolio_missed_method_at(p, i));
	}
	scsec__buf_puts(b, "],\"unreadable\":[");
	for (i = 0; i < p->unreadable.n; i++) {
		const unreadable *u = p->unreadable.items[i];

		scsec__buf_puts(b, i ? ",{\"source\":" : "{\"source\":");
		scsec__json_put_str(b, u->source);
		scsec__buf_puts(b, ",\"problem\":");
		scsec__json_put_str(b, u->problem);
		scsec__buf_putc(b, '}');
	}
	scsec__buf_puts(b, "]}\n");
	return scsec__buf_error(b);
}

static const char *const csv_columns[] = {
	"supplier_id", "name", "source", "level", "valid_until", "days_left", "expiring",
	"expiry_items", "required", "contracts", "meets_required", "target", "gap_method",
	"gap_fixes", "trust", "projected_on", "projection_blocked", "problem"
};
#define NCOLUMNS (sizeof csv_columns / sizeof *csv_columns)

static void csv_num(scsec__buf *b, long v, int present)
{
	char num[32] = "";

	if (present)
		snprintf(num, sizeof num, "%ld", v);
	scsec__csv_cell(b, num, 0);
}

static int to_csv(scsec__buf *b, const scsec_portfolio *p)
{
	size_t i, k;

	for (k = 0; k < NCOLUMNS; k++)
		scsec__csv_cell(b, csv_columns[k], !k);
	scsec__csv_end(b);
	for (i = 0; i < p->suppliers.n; i++) {
		const scsec_supplier *s = p->suppliers.items[i];
		char date[SCSEC_DATE_BUFSIZE] = "";
		scsec__buf items = SCSEC__BUF_INIT;

		for (k = 0; k < s->nrests_on; k++) {
			if (k)
				scsec__buf_putc(&items, ' ');
			scsec__buf_puts(&items, s->rests_on[k]);
		}
		scsec__buf_putc(&items, '\0');
		if (s->level)
			scsec__date_format(date, s->valid_until);
		scsec__csv_cell(b, s->id, 1);
		scsec__csv_cell(b, s->name ? s->name : "", 0);
		scsec__csv_cell(b, s->source ? s->source : "", 0);
		csv_num(b, s->level, 1);
		scsec__csv_cell(b, date, 0);
		csv_num(b, (long)s->valid_until - (long)p->as_of, s->level && *date);
		scsec__csv_cell(b, s->expiring ? "yes" : "no", 0);
		scsec__csv_cell(b, scsec__buf_error(&items) ? "" : items.data, 0);
		scsec__buf_dispose(&items);
		csv_num(b, s->required, s->required);
		csv_num(b, (long)s->ncontracts, 1);
		scsec__csv_cell(b, s->meets < 0 ? "" : s->meets ? "yes" : "no", 0);
		csv_num(b, s->target, s->target);
		csv_num(b, (long)s->gap_method, 1);
		csv_num(b, (long)s->gap_fixes, 1);
		scsec__csv_cell(b, s->trust, 0);
		scsec__date_format(date, scsec_supplier_projected_on(s));
		scsec__csv_cell(b, date, 0);
		csv_num(b, (long)scsec_supplier_projection_blocked(s), s->projected);
		scsec__csv_cell(b, "", 0);
		scsec__csv_end(b);
	}
	for (i = 0; i < p->unreadable.n; i++) {
		const unreadable *u = p->unreadable.items[i];

		scsec__csv_cell(b, "", 1);
		scsec__csv_cell(b, "", 0);
		scsec__csv_cell(b, u->source, 0);
		for (k = 3; k < NCOLUMNS - 1; k++)
			scsec__csv_cell(b, "", 0);
		scsec__csv_cell(b, *u->problem ? u->problem : "unreadable", 0);
		scsec__csv_end(b);
	}
	return scsec__buf_error(b);
}

static int serialise(char **out, size_t *size, const scsec_portfolio *p,
                     int (*fn)(scsec__buf *, const scsec_portfolio *))
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(p);
	if ((rc = fn(&b, p))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_portfolio_to_json(char **out, size_t *size, const scsec_portfolio *p)
{
	return serialise(out, size, p, to_json);
}

int scsec_portfolio_to_csv(char **out, size_t *size, const scsec_portfolio *p)
{
	return serialise(out, size, p, to_csv);
}
