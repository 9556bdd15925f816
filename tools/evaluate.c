/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: evaluate (one record) and batch (many, in parallel). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scsec.h"

/* ================================================================ evaluate */

enum { OPT_SIGN_KEY = 500, OPT_SIGN_CERT, OPT_SIGN_CHAIN };

static const char usage_evaluate[] =
	"usage: scsec evaluate [-c SET] EVIDENCE [--as-of YYYY-MM-DD] [--target N] [--require N]\n"
	"                      [--answer QUESTION=yes|no]... [--project] [--format FORMAT] [-v]\n"
	"                      [-o OUT]\n"
	"\n"
	"Compute the level an evidence record reaches as of a date, how long it\n"
	"stays valid, and the gaps to the next level (or to --target). EVIDENCE is\n"
	"an evidence record (XML) or a filled answer sheet (CSV), plain or gzip,\n"
	"told apart by content, not by name.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET        a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --as-of YYYY-MM-DD        the evaluation date (default today, UTC)\n"
	"  --target N                list the gaps to level rank N\n"
	"  --require N               the contract requires level rank N\n"
	"  --answer QUESTION=yes|no  derive the required level from the buyer's\n"
	"                            answers (repeat for every question)\n"
	"  --format text|json|xml    text: a short summary (default); json, xml:\n"
	"                            the full result document\n"
	"  --format xlsx             the result as an Excel workbook: a summary sheet,\n"
	"                            the gaps with their reasons and a column for notes\n"
	"  --format oscal-ar|oscal-poam  the result as OSCAL assessment-results, or\n"
	"                            its gaps as an OSCAL POA&M (JSON, doc/oscal.md)\n"
	"  -v, --verbose             text: list every gap (beyond 25 gaps the summary\n"
	"                            gives counts per category and reason)\n"
	"  --project                 also project, for each level not met, the day it\n"
	"                            would be reached if every planned date (planned_on)\n"
	"                            holds, or the items that block it; never the level\n"
	"  --strict                  refuse a record in which the check finds errors\n"
	CLI_USAGE_TRUST
	"  --lang LANG               language of the summary and the xlsx gaps (default en; ja)\n"
	"  --encoding ENC            the encoding of a CSV sheet: auto (the default:\n"
	"                            found from the sheet), utf-8, cp932 (shift_jis),\n"
	"                            utf-16, utf-16le, utf-16be, utf-32le, utf-32be\n"
	"  --sign KEY --cert CERT [--chain CHAIN]  write the XML result document with\n"
	"                            an XML Signature by this key (a signed result,\n"
	"                            checked by scsec verify; implies --format xml)\n"
	"  --sheet NAME              the sheet of an .xlsx workbook (default: the first that fits)\n"
	"  -o, --output OUT          write to OUT (atomically) instead of stdout\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status: 0 evaluated (and the required level, if any, reached);\n"
	"1 the required level is not reached; 2 usage; 3 invalid input; 4 I/O.\n";

static const struct option evaluate_options[] = {
	{ "criteria", required_argument, NULL, 'c' },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "require", required_argument, NULL, OPT_REQUIRE },
	{ "answer", required_argument, NULL, OPT_ANSWER },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "project", no_argument, NULL, OPT_PROJECT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "sheet", required_argument, NULL, OPT_SHEET },
	{ "output", required_argument, NULL, 'o' },
	{ "verbose", no_argument, NULL, 'v' },
	CLI_TRUST_OPTIONS,
	{ "sign", required_argument, NULL, OPT_SIGN_KEY },
	{ "cert", required_argument, NULL, OPT_SIGN_CERT },
	{ "chain", required_argument, NULL, OPT_SIGN_CHAIN },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* The result's XML, signed with the key (--sign KEY --cert CERT [--chain]). */
static int write_signed(const char *out, const scsec_result *r, const char *key_path,
                        const char *cert, const char *chain)
{
	scsec_signing_key *key = NULL;
	char *xml = NULL, *signed_doc = NULL;
	size_t size = 0;
	int rc;

	scsec_error_clear();
	if ((rc = scsec_signing_key_load_file(&key, key_path, cert, chain)) ||
	    (rc = scsec_result_to_xml(&xml, &size, r)) ||
	    (rc = scsec_result_sign_memory(&signed_doc, &size, xml, size, "result", key, 0)))
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(out, signed_doc, size, 0);
	scsec_free(signed_doc);
	scsec_free(xml);
	scsec_signing_key_free(key);
	return rc;
}

int cmd_evaluate(int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "xml", "xlsx", "oscal-ar", "oscal-poam", NULL };
	const char *format = "text", *out = NULL, *path, *inputs[5];
	const char *sign_key = NULL, *sign_cert = NULL, *sign_chain = NULL;
	int format_given = 0;
	scsec_evidence *ev = NULL;
	scsec_result *r = NULL;
	cli_evalopts o;
	cli_buf b = CLI_BUF_INIT;
	char *doc = NULL;
	size_t size = 0;
	int opt, rc = EXIT_OK, verbose = 0;

	cli_cmd = "scsec evaluate";
	cli_evalopts_init(&o);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:vh", evaluate_options, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'v': verbose = 1; break;
		case OPT_FORMAT:
			rc = cli_parse_format(optarg, formats, &format);
			format_given = 1;
			break;
		case OPT_SIGN_KEY: sign_key = optarg; break;
		case OPT_SIGN_CERT: sign_cert = optarg; break;
		case OPT_SIGN_CHAIN: sign_chain = optarg; break;
		case 'h':
			fputs(usage_evaluate, stdout);
			goto done;
		default:
			if ((rc = cli_evalopts_handle(&o, opt, optarg)) < 0)
				rc = cli_bad_option(usage_evaluate, argv, opt);
		}
		if (rc != EXIT_OK)
			goto done;
	}
	if (optind >= argc) {
		rc = cli_usage_error(usage_evaluate, "no EVIDENCE file given");
		goto done;
	}
	path = argv[optind++];
	if (optind < argc) {
		rc = cli_usage_error(usage_evaluate, "one EVIDENCE file at a time (see 'scsec batch'); "
		                                     "unexpected '%s'",
		                     argv[optind]);
		goto done;
	}
	if ((sign_key || sign_cert || sign_chain) &&
	    (!sign_key || !sign_cert || (format_given && strcmp(format, "xml")))) {
		rc = cli_usage_error(usage_evaluate, "--sign KEY needs --cert CERT, and writes the XML "
		                                     "result (--format xml)");
		goto done;
	}
	inputs[0] = path;
	inputs[1] = cli_set_path(o.set);
	inputs[2] = sign_key;
	inputs[3] = sign_cert;
	inputs[4] = sign_chain;
	if ((rc = cli_check_output(out, inputs, 5)) != EXIT_OK)
		goto done;
	if ((rc = cli_evaluate_one(&o, path, &ev, &r)) != EXIT_OK)
		goto done;
	scsec_error_clear();
	if (sign_key) {
		rc = write_signed(out, r, sign_key, sign_cert, sign_chain);
	} else if (!strncmp(format, "oscal-", 6)) {
		rc = cli_write_oscal_result(out, r, ev, !strcmp(format, "oscal-poam"));
	} else if (!strcmp(format, "xlsx")) {
		rc = cli_write_result_xlsx(out, r, o.lang);
	} else if (!strcmp(format, "json")) {
		if ((rc = scsec_result_to_json(&doc, &size, r))) {
			rc = cli_fail(rc, NULL);
			goto done;
		}
		/* The library's JSON, with the characters JSON's escapes leave
		 * raw escaped too (text.c). */
		cli_json_filter(&b, doc, size);
		if (!size || doc[size - 1] != '\n')
			cli_buf_putc(&b, '\n');
		rc = cli_write_buf(out, &b, 0);
	} else if (!strcmp(format, "xml")) {
		int lrc = scsec_result_to_xml(&doc, &size, r);

		if (lrc) {
			rc = cli_fail(lrc, NULL);
			goto done;
		}
		/* The library ends the document with a line break: write it as it
		 * is, and copy only to add one that is missing. */
		if (size && doc[size - 1] == '\n') {
			rc = cli_write_output(out, doc, size, 0);
		} else {
			cli_buf_put(&b, doc, size);
			if (size)
				cli_buf_putc(&b, '\n');
			rc = cli_write_buf(out, &b, 0);
		}
	} else {
		cli_render_text(&b, r, scsec_result_criteria(r), path, o.lang, verbose);
		rc = cli_write_buf(out, &b, 0);
	}
	if (rc == EXIT_OK)
		rc = cli_verdict_status(r, scsec_result_criteria(r));
done:
	scsec_free(doc);
	cli_buf_free(&b);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	cli_evalopts_dispose(&o);
	return rc;
}

/* ================================================================ batch */

static const char usage_batch[] =
	"usage: scsec batch [-c SET] [--as-of YYYY-MM-DD] [-j N] [--format csv|json|xlsx] [-o OUT]\n"
	"                   [--require N | --answer QUESTION=yes|no...] [--strict] PATH...\n"
	"\n"
	"Evaluate many evidence files against one criteria set: every FILE given,\n"
	"and every *.xml, *.xml.gz, *.csv found under a DIRECTORY (recursively,\n"
	"in sorted order). One row per file, in that order:\n"
	"  file,subject,level,label,valid_until,gaps,required,meets,error\n"
	"A file that cannot be evaluated gives a row with the error; the others\n"
	"are still evaluated. Anything found named like an evidence file gets a\n"
	"row: a dangling link, a FIFO or a directory an error row (batch reads\n"
	"regular files only and never waits on a FIFO).\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET        a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --as-of YYYY-MM-DD        the evaluation date (default today, UTC)\n"
	"  -j, --jobs N              evaluate N files at a time (default 1)\n"
	"  --format csv|json|xlsx    rows as CSV (default), a JSON array or a workbook\n"
	"  --require N               the required level (fills required, meets)\n"
	"  --answer QUESTION=yes|no  derive the required level from answers\n"
	"  --strict                  a record with check errors is an error row\n"
	CLI_USAGE_TRUST
	"  -o, --output OUT          write to OUT (atomically) instead of stdout\n"
	"      --encoding ENC        the encoding of CSV sheets (see scsec evaluate --help)\n"
	"      --sheet NAME          the sheet of .xlsx workbooks (default: the first that fits)\n"
	"  -h, --help                show this help\n"
	"\n"
	"A progress line goes to stderr when it is a terminal.\n"
	"Exit status: 0 every file evaluated; 1 some rows are errors; 2 usage;\n"
	"3 or 4 when the criteria set itself cannot be loaded or OUT written.\n";

static const struct option batch_options[] = {
	{ "criteria", required_argument, NULL, 'c' },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "jobs", required_argument, NULL, 'j' },
	{ "require", required_argument, NULL, OPT_REQUIRE },
	{ "answer", required_argument, NULL, OPT_ANSWER },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "sheet", required_argument, NULL, OPT_SHEET },
	{ "output", required_argument, NULL, 'o' },
	CLI_TRUST_OPTIONS,
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

typedef struct row {
	char *file;
	char *error;        /* set: an error row */
	char *subject;
	int level;
	char *label;
	char valid_until[SCSEC_DATE_BUFSIZE];
	size_t gaps;
	int required;       /* 0: none determined */
	int meets;          /* -1: none determined */
} row;

typedef struct rows {
	row *v;
	size_t n;
	size_t cap;
	int oom;
} rows;

typedef struct pool {
	const scsec_criteria *c;
	const scsec_eval_options *eo;
	int strict;
	rows *rows;
	size_t next;        /* the next row to take */
	size_t done;        /* rows finished */
	size_t last;        /* the row finished last */
	int watched;        /* the main thread shows progress: wake it per row */
	pthread_mutex_t mu;
	pthread_cond_t cv;
} pool;

static row *rows_add(rows *rs, const char *file, const char *error)
{
	row *r;

	if (rs->oom)
		return NULL;
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 64;
		row *v = realloc(rs->v, cap * sizeof *v);

		if (!v) {
			rs->oom = 1;
			return NULL;
		}
		rs->v = v;
		rs->cap = cap;
	}
	r = &rs->v[rs->n];
	memset(r, 0, sizeof *r);
	r->meets = -1;
	r->file = strdup(file);
	r->error = error ? strdup(error) : NULL;
	if (!r->file || (error && !r->error)) {
		free(r->file);
		free(r->error);
		rs->oom = 1;
		return NULL;
	}
	rs->n++;
	return r;
}

static void rows_free(rows *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].file);
		free(rs->v[i].error);
		free(rs->v[i].subject);
		free(rs->v[i].label);
	}
	free(rs->v);
	memset(rs, 0, sizeof *rs);
}

/* A PATH operand: every file it names or holds (cli_collect), one row each. */
static void collect(const char *path, rows *rs)
{
	cli_files files = CLI_FILES_INIT;
	size_t i;

	cli_collect(path, &files);
	if (files.oom)
		rs->oom = 1;
	for (i = 0; i < files.n; i++)
		rows_add(rs, files.v[i].path, files.v[i].error);
	cli_files_free(&files);
}

static void evaluate_row(pool *p, row *rw)
{
	scsec_diagnostics *diags = NULL;
	scsec_evidence *ev = NULL;
	scsec_result *r = NULL;
	int rc;

	if (rw->error || (rw->error = cli_check_regular(rw->file)))
		return;
	if (scsec_diagnostics_new(&diags)) {
		rw->error = strdup(scsec_strerror(SCSEC_ENOMEM));
		return;
	}
	rc = cli_evaluate_file(rw->file, p->c, p->eo, p->strict, diags, &ev, &r);
	if (rc) {
		rw->error = cli_error_text(rc, diags);
	} else {
		const char *subject = scsec_result_subject_name(r);
		const char *label = scsec_result_level_label(r);

		rw->level = scsec_result_level(r);
		rw->subject = subject ? strdup(subject) : NULL;
		rw->label = label ? strdup(label) : NULL;
		if (scsec_date_format(rw->valid_until, scsec_result_valid_until(r)))
			rw->valid_until[0] = '\0';
		rw->gaps = scsec_result_gap_count(r);
		rw->required = scsec_result_required_level(r);
		rw->meets = scsec_result_meets_required(r);
		if ((subject && !rw->subject) || (label && !rw->label))
			rw->error = strdup(scsec_strerror(SCSEC_ENOMEM));
	}
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(diags);
}

static void *worker(void *arg)
{
	pool *p = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->mu);
		i = p->next < p->rows->n ? p->next++ : p->rows->n;
		pthread_mutex_unlock(&p->mu);
		if (i >= p->rows->n)
			break;
		evaluate_row(p, &p->rows->v[i]);
		pthread_mutex_lock(&p->mu);
		p->done++;
		p->last = i;
		/* Waking the main thread for every row would take a core from the
		 * workers: only for the progress line, or at the end. */
		if (p->watched || p->done == p->rows->n)
			pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

static void progress(size_t k, size_t n, const char *file)
{
	cli_buf line = CLI_BUF_INIT;

	/* The name shown by the rule: it cannot move the cursor itself. */
	cli_buf_textf(&line, "[%zu/%zu] %s", k, n, file);
	fprintf(stderr, "\r%s\033[K", cli_buf_str(&line));
	fflush(stderr);
	cli_buf_free(&line);
}

/* Evaluate every row with up to `jobs` threads sharing the one set. */
static void run_pool(pool *p, long jobs, int show_progress)
{
	pthread_t *threads = NULL;
	size_t n = p->rows->n, started = 0, i, shown = 0;

	if ((size_t)jobs > n)
		jobs = (long)n;
	p->watched = show_progress;
	if (jobs > 1 && (threads = calloc((size_t)jobs, sizeof *threads))) {
		for (i = 0; i < (size_t)jobs; i++) {
			if (pthread_create(&threads[i], NULL, worker, p))
				break;
			started++;
		}
	}
	if (!started) {
		/* One job (or no thread could start): work here, in order. */
		for (i = 0; i < n; i++) {
			if (show_progress)
				progress(i + 1, n, p->rows->v[i].file);
			evaluate_row(p, &p->rows->v[i]);
		}
	} else {
		pthread_mutex_lock(&p->mu);
		while (p->done < n) {
			if (show_progress && p->done != shown) {
				shown = p->done;
				progress(shown, n, p->rows->v[p->last].file);
			}
			pthread_cond_wait(&p->cv, &p->mu);
		}
		pthread_mutex_unlock(&p->mu);
		for (i = 0; i < started; i++)
			pthread_join(threads[i], NULL);
	}
	free(threads);
	if (show_progress && n)
		fputs("\r\033[K", stderr);
}

/* One CSV cell: the text shown by the rule (so no line break, control
 * character or invalid UTF-8 reaches the sheet), quoted when needed (RFC
 * 4180); text a spreadsheet would take for a formula gets a leading
 * apostrophe. */
static void csv_cell(cli_buf *b, const char *s, int text)
{
	cli_buf shown = CLI_BUF_INIT;
	const char *p;
	int formula;

	cli_buf_text(&shown, s);
	if (shown.failed)
		b->failed = 1;
	s = cli_buf_str(&shown);
	formula = text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
	if (!formula && !s[strcspn(s, ",\"")] && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		cli_buf_puts(b, s);
	} else {
		cli_buf_putc(b, '"');
		if (formula)
			cli_buf_putc(b, '\'');
		for (p = s; *p; p++) {
			if (*p == '"')
				cli_buf_putc(b, '"');
			cli_buf_putc(b, *p);
		}
		cli_buf_putc(b, '"');
	}
	cli_buf_free(&shown);
}

static void render_csv(cli_buf *b, const rows *rs)
{
	size_t i;

	cli_buf_puts(b, "file,subject,level,label,valid_until,gaps,required,meets,error\n");
	for (i = 0; i < rs->n; i++) {
		const row *r = &rs->v[i];

		csv_cell(b, r->file, 1);
		cli_buf_putc(b, ',');
		if (r->error) {
			cli_buf_puts(b, ",,,,,,,");
			csv_cell(b, r->error, 1);
		} else {
			csv_cell(b, r->subject, 1);
			cli_buf_printf(b, ",%d,", r->level);
			csv_cell(b, r->label, 1);
			cli_buf_printf(b, ",%s,%zu,", r->valid_until, r->gaps);
			if (r->required)
				cli_buf_printf(b, "%d", r->required);
			cli_buf_printf(b, ",%s,", r->meets < 0 ? "" : r->meets ? "yes" : "no");
		}
		cli_buf_putc(b, '\n');
	}
}

/* The rows as a workbook, the CSV's columns (levels and counts as numbers). */
static int write_xlsx(const char *out, const rows *rs)
{
	static const char *const head[] = { "file", "subject", "level", "label", "valid_until",
	                                    "gaps", "required", "meets", "error" };
	enum { NC = 9 };
	char (*nums)[3][24] = calloc(rs->n + 1, sizeof *nums);
	const char **cells = calloc((rs->n + 1) * NC, sizeof *cells);
	size_t i;
	int rc;

	if (!nums || !cells) {
		free(nums);
		free(cells);
		cli_errorf("out of memory");
		return EXIT_IO;
	}
	memcpy(cells, head, sizeof head);
	for (i = 0; i < rs->n; i++) {
		const row *r = &rs->v[i];
		const char **c = cells + (i + 1) * NC;

		c[0] = r->file;
		if (r->error) {
			c[8] = r->error;
			continue;
		}
		snprintf(nums[i][0], sizeof nums[i][0], "%d", r->level);
		snprintf(nums[i][1], sizeof nums[i][1], "%zu", r->gaps);
		if (r->required)
			snprintf(nums[i][2], sizeof nums[i][2], "%d", r->required);
		c[1] = r->subject;
		c[2] = nums[i][0];
		c[3] = r->label;
		c[4] = r->valid_until;
		c[5] = nums[i][1];
		c[6] = nums[i][2];
		c[7] = r->meets < 0 ? "" : r->meets ? "yes" : "no";
	}
	rc = cli_write_table_xlsx(out, "batch", NC, rs->n + 1, cells, 1u << 2 | 1u << 5 | 1u << 6);
	free(nums);
	free(cells);
	return rc;
}

/* The rows as a JSON array, one object a line, with the CSV's keys. */
static void render_json(cli_buf *b, const rows *rs)
{
	json_t *array = json_array();
	size_t i;
	int bad = 0;

	for (i = 0; i < rs->n; i++) {
		const row *r = &rs->v[i];
		json_t *o = json_object();
		int ok = !r->error;

		cli_json_set(o, "file", cli_json_text(r->file), &bad);
		cli_json_set(o, "subject", cli_json_text(ok ? r->subject : NULL), &bad);
		cli_json_set(o, "level", ok ? json_integer(r->level) : json_null(), &bad);
		cli_json_set(o, "label", cli_json_text(ok ? r->label : NULL), &bad);
		cli_json_set(o, "valid_until",
		             cli_json_text(ok && r->valid_until[0] ? r->valid_until : NULL), &bad);
		cli_json_set(o, "gaps", ok ? cli_json_size(r->gaps) : json_null(), &bad);
		cli_json_set(o, "required", ok && r->required ? json_integer(r->required) : json_null(),
		             &bad);
		cli_json_set(o, "meets", ok && r->meets >= 0 ? json_boolean(r->meets) : json_null(),
		             &bad);
		cli_json_set(o, "error", cli_json_text(r->error), &bad);
		cli_json_push(array, o, &bad);
	}
	if (bad || !array)
		b->failed = 1;
	else
		cli_json_lines(b, array);
	json_decref(array);
}

/* Every file the batch reads, and the set, for cli_check_output(). */
static int check_batch_output(const char *out, const char *set, const rows *rs)
{
	const char **inputs = malloc((rs->n + 1) * sizeof *inputs);
	size_t i;
	int rc;

	if (!inputs)
		return cli_fail(SCSEC_ENOMEM, NULL);
	inputs[0] = cli_set_path(set);
	for (i = 0; i < rs->n; i++)
		inputs[i + 1] = rs->v[i].error ? NULL : rs->v[i].file;
	rc = cli_check_output(out, inputs, rs->n + 1);
	free(inputs);
	return rc;
}

int cmd_batch(int argc, char **argv)
{
	static const char *const formats[] = { "csv", "json", "xlsx", NULL };
	const char *format = "csv", *out = NULL;
	scsec_criteria *c = NULL;
	scsec_eval_options *eo = NULL;
	cli_evalopts o;
	cli_buf b = CLI_BUF_INIT;
	rows rs = { NULL, 0, 0, 0 };
	pool p;
	long jobs = 1;
	size_t i, nerr = 0;
	int opt, rc = EXIT_OK;

	cli_cmd = "scsec batch";
	cli_evalopts_init(&o);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:j:o:h", batch_options, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'j':
			rc = cli_parse_long("-j", optarg, 1, 256, &jobs);
			break;
		case OPT_FORMAT:
			rc = cli_parse_format(optarg, formats, &format);
			break;
		case 'h':
			fputs(usage_batch, stdout);
			goto done;
		default:
			if ((rc = cli_evalopts_handle(&o, opt, optarg)) < 0)
				rc = cli_bad_option(usage_batch, argv, opt);
		}
		if (rc != EXIT_OK)
			goto done;
	}
	if (optind >= argc) {
		rc = cli_usage_error(usage_batch, "no PATH given");
		goto done;
	}
	if ((rc = cli_load_criteria(&c, o.set)) != EXIT_OK)
		goto done;
	if ((rc = cli_evalopts_build(&o, c, &eo)) != EXIT_OK)
		goto done;
	for (i = (size_t)optind; i < (size_t)argc; i++)
		collect(argv[i], &rs);
	if (rs.oom) {
		rc = cli_fail(SCSEC_ENOMEM, NULL);
		goto done;
	}
	if ((rc = check_batch_output(out, o.set, &rs)) != EXIT_OK)
		goto done;
	if (!rs.n)
		cli_errorf("warning: no evidence files (*.xml, *.xml.gz, *.csv) found");

	memset(&p, 0, sizeof p);
	p.c = c;
	p.eo = eo;
	p.strict = o.strict;
	p.rows = &rs;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	run_pool(&p, jobs, isatty(2));
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);

	for (i = 0; i < rs.n; i++)
		if (rs.v[i].error)
			nerr++;
	if (!strcmp(format, "xlsx")) {
		rc = write_xlsx(out, &rs);
	} else {
		if (!strcmp(format, "json"))
			render_json(&b, &rs);
		else
			render_csv(&b, &rs);
		rc = cli_write_buf(out, &b, 0);
	}
	if (rc == EXIT_OK && nerr) {
		cli_errorf("%zu of %zu file%s could not be evaluated (see the error column)", nerr, rs.n,
		           rs.n == 1 ? "" : "s");
		rc = EXIT_FINDINGS;
	}
done:
	cli_buf_free(&b);
	rows_free(&rs);
	scsec_eval_options_free(eo);
	scsec_criteria_free(c);
	cli_evalopts_dispose(&o);
	return rc;
}
