/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* A contracts sheet (doc/portfolio.md), CSV or xlsx through the one sheet
 * reader: a header row naming the columns supplier, contract and required
 * and/or one column per question of the set's required-level rule, then
 * one row per contract. Every row is checked before any contract is
 * added: a sheet with an error adds nothing. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval/portfolio.h"
#include "io/sheet.h"
#include "io/source.h"
#include "model/criteria.h"
#include "util/error.h"
#include "util/util.h"

typedef struct pending {
	char *supplier;
	char *contract;
	char *key;             /* supplier US contract, for the duplicate check */
	int level;
	unsigned long row;
} pending;

typedef struct reader {
	scsec_portfolio *p;
	scsec__reporter *rep;
	int have_header;
	long col_supplier, col_contract, col_required;
	long *col_question;    /* per question of the set, or -1 */
	pending *rows;
	size_t nrows, crows;
	scsec__map keys;
	int oom;
} reader;

static long find_any(const scsec__sheet_row *h, const char *a, const char *b)
{
	long k = scsec__sheet_find(h, a);

	return k >= 0 || !b ? k : scsec__sheet_find(h, b);
}

static int on_header(reader *x, const scsec__sheet_row *row)
{
	const scsec_criteria *c = x->p->c;
	size_t j, nq = 0;

	x->have_header = 1;
	x->col_supplier = find_any(row, "supplier", "supplier_id");
	x->col_contract = find_any(row, "contract", "contract_id");
	x->col_required = find_any(row, "required", "required_level");
	for (j = 0; j < c->nquestions; j++)
		if ((x->col_question[j] = scsec__sheet_find(row, c->questions[j]->id)) >= 0)
			nq++;
	if (x->col_supplier < 0 || x->col_contract < 0)
		return scsec__report(x->rep, row->number, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
		                     "the header names no '%s' column: a contracts sheet needs "
		                     "supplier and contract, and required or the set's questions",
		                     x->col_supplier < 0 ? "supplier" : "contract");
	if (x->col_required < 0 && nq < c->nquestions)
		return scsec__report(x->rep, row->number, 0, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
		                     "the header names no 'required' column and not every question "
		                     "of the set's required-level rule (%zu of %zu)",
		                     nq, c->nquestions);
	return 0;
}

/* The level of a required cell: a rank ("4") or a level's label ("★4"). */
static int parse_level(const scsec_criteria *c, const char *s)
{
	size_t i;
	char *end;
	long v = strtol(s, &end, 10);

	if (*s && !*end && v > 0 && v <= 99 && scsec_criteria_level_by_rank(c, (int)v))
		return (int)v;
	for (i = 0; i < c->nlevels; i++)
		if (!strcmp(c->levels[i]->label, s))
			return c->levels[i]->rank;
	return 0;
}

static int parse_yes(const char *s)
{
	if (!strcasecmp(s, "yes") || !strcasecmp(s, "y") || !strcasecmp(s, "true") || !strcmp(s, "1"))
		return 1;
	if (!strcasecmp(s, "no") || !strcasecmp(s, "n") || !strcasecmp(s, "false") || !strcmp(s, "0"))
		return 0;
	return -1;
}

static int bad(reader *x, const scsec__sheet_row *row, long col, const char *fmt, ...)
	SCSEC__PRINTF(4, 5);
static int bad(reader *x, const scsec__sheet_row *row, long col, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = scsec__vreport(x->rep, row->number, col < 0 ? 0 : (unsigned long)col + 1,
	                    SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL, fmt, ap);
	va_end(ap);
	return rc;
}

static int on_contract(reader *x, const scsec__sheet_row *row)
{
	const scsec_criteria *c = x->p->c;
	const char *supplier = scsec__sheet_cell(row, (size_t)x->col_supplier);
	const char *contract = scsec__sheet_cell(row, (size_t)x->col_contract);
	const char *req = x->col_required >= 0 ? scsec__sheet_cell(row, (size_t)x->col_required) : "";
	int level = 0;
	size_t j, ns, nk;
	pending *pd;
	char *key;

	if (!scsec__sheet_cell_ok(row, (size_t)x->col_supplier) || !*supplier ||
	    strlen(supplier) > 256)
		return bad(x, row, x->col_supplier, "the supplier must be 1 to 256 bytes of text");
	if (!scsec__sheet_cell_ok(row, (size_t)x->col_contract) || !*contract ||
	    strlen(contract) > 256)
		return bad(x, row, x->col_contract, "the contract must be 1 to 256 bytes of text");
	if (*req) {
		if (!(level = parse_level(c, req)))
			return bad(x, row, x->col_required,
			           "'%.64s' is no level of the set (a rank or a label)", req);
	} else {
		level = c->required_default;
		for (j = 0; j < c->nquestions; j++) {
			const char *a = x->col_question[j] >= 0
			                        ? scsec__sheet_cell(row, (size_t)x->col_question[j])
			                        : "";
			int yes = parse_yes(a);

			if (yes < 0)
				return bad(x, row, x->col_question[j],
				           "question '%s' needs yes or no (no required level given)",
				           c->questions[j]->id);
			if (yes && c->questions[j]->level_if_yes > level)
				level = c->questions[j]->level_if_yes;
		}
		if (!level)
			return bad(x, row, x->col_required, "no level is required");
	}
	ns = strlen(supplier);
	nk = strlen(contract);
	if (scsec__grow(&x->rows, &x->crows, x->nrows + 1, sizeof *x->rows) ||
	    !(key = scsec__malloc(ns + nk + 2))) {
		x->oom = 1;
		return SCSEC_ENOMEM;
	}
	memcpy(key, supplier, ns);
	key[ns] = '\x1f';
	memcpy(key + ns + 1, contract, nk + 1);
	pd = &x->rows[x->nrows];
	pd->key = key;
	pd->row = row->number;
	pd->level = level;
	pd->supplier = scsec__strdup(supplier);
	pd->contract = scsec__strdup(contract);
	x->nrows++;
	if (!pd->supplier || !pd->contract) {
		x->oom = 1;
		return SCSEC_ENOMEM;
	}
	if (scsec__map_put(&x->keys, key, pd, NULL) == SCSEC_EEXISTS ||
	    scsec__portfolio_has_contract(x->p, supplier, contract))
		return bad(x, row, x->col_contract, "contract '%.64s' of this supplier is listed twice",
		           contract);
	return 0;
}

static int on_row(void *ctx, const scsec__sheet_row *row)
{
	reader *x = ctx;

	if (scsec__sheet_row_empty(row) || *scsec__sheet_cell(row, 0) == '#')
		return 0;
	if (!x->have_header)
		return on_header(x, row) == SCSEC_ENOMEM ? SCSEC_ENOMEM : x->rep->errors ? 1 : 0;
	return on_contract(x, row) == SCSEC_ENOMEM ? SCSEC_ENOMEM : 0;
}

static int read_contracts(void *out, scsec__source *src, const void *arg,
                          const scsec_load_options *opts, scsec_diagnostics *diags)
{
	reader x;
	scsec__reporter rep = SCSEC__REPORTER_INIT(src->name, diags);
	scsec_eval_options *eo = NULL;
	size_t i;
	int rc;

	(void)arg;
	memset(&x, 0, sizeof x);
	x.p = out;
	x.rep = &rep;
	x.col_question = scsec__calloc(x.p->c->nquestions + 1, sizeof *x.col_question);
	if (!x.col_question)
		return SCSEC_ENOMEM;
	rc = scsec__sheet_read(src, opts, &rep, on_row, &x);
	if (rc == 1)
		rc = 0;
	if (!rc && !rep.errors && !x.have_header)
		scsec__report(&rep, 0, 0, SCSEC_SEVERITY_ERROR, SCSEC_EPARSE, NULL,
		              "the sheet is empty: no header row");
	if (x.oom || rep.oom)
		rc = SCSEC_ENOMEM;
	else if (rep.errors)
		rc = scsec__report_result(&rep);
	if (!rc && (rc = scsec_eval_options_new(&eo)) == 0) {
		for (i = 0; i < x.nrows && !rc; i++)
			if (!(rc = scsec_eval_options_set_required(eo, x.rows[i].level)))
				rc = scsec_portfolio_add_contract(x.p, x.rows[i].supplier,
				                                  x.rows[i].contract, eo);
		scsec_eval_options_free(eo);
	}
	for (i = 0; i < x.nrows; i++) {
		scsec__free(x.rows[i].supplier);
		scsec__free(x.rows[i].contract);
		scsec__free(x.rows[i].key);
	}
	scsec__free(x.rows);
	scsec__map_dispose(&x.keys);
	scsec__free(x.col_question);
	return rc;
}

int scsec_portfolio_load_contracts(scsec_portfolio *p, const char *path,
                                   const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(p);
	SCSEC__CHECK_ARG(path);
	return scsec__read(p, read_contracts, NULL, path, NULL, 0, NULL, opts, diags);
}

int scsec_portfolio_load_contracts_memory(scsec_portfolio *p, const void *data, size_t size,
                                          const char *name, const scsec_load_options *opts,
                                          scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(p);
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(p, read_contracts, NULL, NULL, data, size, name, opts, diags);
}
