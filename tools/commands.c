/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: validate, criteria (list, show, export, import-ipa), template,
 * import-csv and required-level. (version is in scsec.c.) */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scsec.h"

/* ================================================================ validate */

static const char usage_validate[] =
	"usage: scsec validate [-c SET] FILE...\n"
	"\n"
	"Check criteria sets, evidence records and evaluation results (the kind\n"
	"is found from the content, not the name; plain or gzip-compressed) and\n"
	"print every problem found, as file:line:column: severity: message.\n"
	"Evidence records and answer sheets are read and checked against SET\n"
	"exactly as 'scsec evaluate' reads and checks them: a record validate\n"
	"finds no error in, evaluate does not refuse.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET  the set records and answer sheets are checked against:\n"
	"                      a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	CLI_USAGE_ENCODING
	"  -h, --help          show this help\n"
	"\n"
	"Prints one line per file on stdout: FILE: KIND: ok, or the counts.\n"
	"Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage,\n"
	"3 SET is not a valid criteria set, 4 a file could not be read.\n";

static const struct option validate_options[] = {
	{ "criteria", required_argument, NULL, 'c' },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Read a record or an answer sheet and check it against the set, as
 * evaluate does (cli_evaluate_file). Returns the library code. */
static int validate_record(const char *path, const scsec_criteria *c, scsec_diagnostics *diags)
{
	scsec_evidence *ev = NULL;
	int rc;

	if ((rc = cli_load_evidence(&ev, path, c, diags)) == 0)
		rc = scsec_evidence_check(ev, c, diags);
	scsec_evidence_free(ev);
	return rc;
}

int cmd_validate(int argc, char **argv)
{
	scsec_criteria *c = NULL;
	const char *set = NULL;
	int opt, i, status = EXIT_OK, any_io = 0, any_errors = 0;

	cli_cmd = "scsec validate";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:h", validate_options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case OPT_ENCODING:
			if (cli_set_encoding(optarg) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage_validate, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_validate, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_validate, "no FILE given");
	for (i = optind; i < argc; i++) {
		const char *path = argv[i];
		scsec_document_kind kind = SCSEC_DOCUMENT_UNKNOWN;
		scsec_file_kind fk;
		scsec_diagnostics *diags = NULL;
		const char *kind_name;
		size_t nerr, nwarn;
		int rc;

		if (scsec_diagnostics_new(&diags)) {
			cli_errorf("out of memory");
			status = EXIT_IO;
			goto out;
		}
		scsec_error_clear();
		fk = cli_file_kind(path);
		if (fk == SCSEC_FILE_SHEET || fk == SCSEC_FILE_EVIDENCE) {
			/* The set is loaded for the first record; failing, it ends the run. */
			if (!c && (status = cli_load_criteria(&c, set)) != EXIT_OK) {
				scsec_diagnostics_free(diags);
				goto out;
			}
			kind_name = fk == SCSEC_FILE_SHEET ? "answer sheet" : "evidence";
			rc = validate_record(path, c, diags);
		} else {
			rc = scsec_document_validate_file(&kind, path, cli_load_opts, diags);
			kind_name = scsec_document_kind_name(kind);
		}
		cli_print_diags(diags);
		nerr = scsec_diagnostics_count_severity(diags, SCSEC_SEVERITY_ERROR);
		nwarn = scsec_diagnostics_count_severity(diags, SCSEC_SEVERITY_WARNING);
		if (rc && !nerr) {
			/* A failure the list does not hold (out of memory ...). */
			cli_fail(rc, NULL);
			nerr = 1;
		}
		if (rc == SCSEC_EIO || rc == SCSEC_ENOMEM || rc == SCSEC_ECRYPTO)
			any_io = 1;
		else if (rc || nerr)
			any_errors = 1;
		if (rc == SCSEC_EIO)
			printf("%s: not read", path);
		else if (!rc && !nerr)
			printf("%s: %s: ok", path, kind_name);
		else
			printf("%s: %s: %zu error%s", path, kind_name, nerr, nerr == 1 ? "" : "s");
		if (nwarn)
			printf(", %zu warning%s", nwarn, nwarn == 1 ? "" : "s");
		putchar('\n');
		scsec_diagnostics_free(diags);
	}
	status = any_io ? EXIT_IO : any_errors ? EXIT_FINDINGS : EXIT_OK;
out:
	scsec_criteria_free(c);
	return status;
}

/* ================================================================ criteria */

static const char usage_criteria[] =
	"usage: scsec criteria list [--format text|json]\n"
	"       scsec criteria show [SET] [--format text|json] [--lang LANG] [-o OUT]\n"
	"       scsec criteria export [SET] [-o OUT]\n"
	"       scsec criteria import-ipa SHEET.csv -o OUT.xml [-c RULES]\n"
	"\n"
	"The built-in criteria sets, and criteria sets in files.\n"
	"SET is a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ").\n"
	"Run 'scsec criteria SUBCOMMAND --help' for a subcommand's options.\n";

static const char usage_list[] =
	"usage: scsec criteria list [--format text|json]\n"
	"\n"
	"List the criteria sets built into the library: id, version and title.\n"
	"\n"
	"options:\n"
	"  --format text|json  output format (default text)\n"
	"  -h, --help          show this help\n";

static const char usage_show[] =
	"usage: scsec criteria show [SET] [--format text|json] [--lang LANG] [-o OUT]\n"
	"\n"
	"Describe a criteria set: identity, fingerprint, levels (method, validity,\n"
	"prerequisites, how many requirements and criteria apply), categories and\n"
	"the required-level rule. SET is a built-in id or a file (default\n"
	SCSEC_CRITERIA_DEFAULT ").\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET  the same as the SET argument\n"
	"  --format text|json  output format (default text)\n"
	"  --lang LANG         language of the texts, e.g. ja (default en)\n"
	"  -o, --output OUT    write to OUT (atomically) instead of stdout\n"
	"  -h, --help          show this help\n";

static const char usage_export[] =
	"usage: scsec criteria export [SET] [-o OUT]\n"
	"\n"
	"Write a criteria set in its canonical XML form (the form its fingerprint\n"
	"is computed from). SET is a built-in id or a file (default\n"
	SCSEC_CRITERIA_DEFAULT "). OUT ending in .gz is gzip-compressed.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET  the same as the SET argument\n"
	"  -o, --output OUT    write to OUT (atomically) instead of stdout\n"
	"  -h, --help          show this help\n";

static const char usage_import_ipa[] =
	"usage: scsec criteria import-ipa SHEET.csv -o OUT.xml [-c RULES]\n"
	"\n"
	"Import IPA's criteria sheet, exported from Excel as CSV (UTF-8, Shift_JIS\n"
	"or Unicode text: see --encoding), into a\n"
	"criteria set carrying the sheet's official texts, and write it as XML.\n"
	"The scheme's rules (levels, validity, prerequisites, questions) come from\n"
	"RULES, a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ").\n"
	"\n"
	"options:\n"
	"  -o, --output OUT.xml  the criteria set to write ('-' for stdout;\n"
	"                        .gz compresses)\n"
	"  -c, --criteria RULES  the set whose rules apply\n"
	CLI_USAGE_ENCODING
	"  -h, --help            show this help\n";

static const char *const text_json[] = { "text", "json", NULL };

static const char *method_text(scsec_method m)
{
	return m == SCSEC_METHOD_NONE ? "none" : scsec_method_name(m);
}

static const char *scoring_name(scsec_scoring_model m)
{
	switch (m) {
	case SCSEC_SCORING_POINTS: return "points";
	case SCSEC_SCORING_DEDUCTIONS: return "deductions";
	case SCSEC_SCORING_ALL_REQUIRED: break;
	}
	return "all-required";
}

static int list_sets(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	cli_buf b = CLI_BUF_INIT;
	size_t i, n = scsec_criteria_builtin_count();
	int opt, rc = EXIT_OK;

	cli_cmd = "scsec criteria list";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (opt) {
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, text_json, &format)))
				return rc;
			break;
		case 'h': fputs(usage_list, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_list, argv, opt);
		}
	}
	if (optind < argc)
		return cli_usage_error(usage_list, "unexpected argument '%s'", argv[optind]);
	if (!strcmp(format, "json"))
		cli_buf_puts(&b, "[");
	for (i = 0; i < n; i++) {
		const char *id = scsec_criteria_builtin_id(i);
		scsec_criteria *c = NULL;
		int dflt = !strcmp(id, SCSEC_CRITERIA_DEFAULT);

		if ((rc = cli_load_criteria(&c, id)) != EXIT_OK)
			break;
		if (!strcmp(format, "json")) {
			cli_buf_puts(&b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
			cli_buf_json_str(&b, id);
			cli_buf_puts(&b, ", \"version\": ");
			cli_buf_json_str(&b, scsec_criteria_version(c));
			cli_buf_puts(&b, ", \"title\": ");
			cli_buf_json_str(&b, scsec_criteria_title(c, NULL));
			cli_buf_printf(&b, ", \"default\": %s}", dflt ? "true" : "false");
		} else {
			cli_buf_printf(&b, "%s  %s  %s%s\n", id, scsec_criteria_version(c),
			               scsec_criteria_title(c, NULL), dflt ? "  (default)" : "");
		}
		scsec_criteria_free(c);
	}
	if (rc == EXIT_OK) {
		if (!strcmp(format, "json"))
			cli_buf_puts(&b, n ? "\n]\n" : "]\n");
		rc = cli_write_buf(NULL, &b, 0);
	}
	cli_buf_free(&b);
	return rc;
}

/* Per top-level category: how many criteria it holds. */
static size_t category_criteria(const scsec_criteria *c, const scsec_category *top)
{
	size_t i, n = 0;

	for (i = 0; i < scsec_criteria_criterion_count(c); i++)
		if (cli_top_category(scsec_criteria_criterion_at(c, i)) == top)
			n++;
	return n;
}

static size_t top_category_count(const scsec_criteria *c)
{
	size_t i, n = 0;

	for (i = 0; i < scsec_criteria_category_count(c); i++)
		if (!scsec_category_parent(scsec_criteria_category_at(c, i)))
			n++;
	return n;
}

static void show_text(cli_buf *b, const scsec_criteria *c, const char *lang)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, j, n;

	cli_buf_printf(b, "Criteria set:   %s (version %s)\n", scsec_criteria_id(c),
	               scsec_criteria_version(c));
	cli_buf_printf(b, "Title:          %s\n", scsec_criteria_title(c, lang));
	if (scsec_criteria_publisher(c))
		cli_buf_printf(b, "Publisher:      %s\n", scsec_criteria_publisher(c));
	if (scsec_date_format(date, scsec_criteria_issued(c)) == 0)
		cli_buf_printf(b, "Issued:         %s\n", date);
	if (scsec_criteria_source(c) || scsec_criteria_source_uri(c))
		cli_buf_printf(b, "Source:         %s%s%s\n",
		               scsec_criteria_source(c) ? scsec_criteria_source(c) : "",
		               scsec_criteria_source(c) && scsec_criteria_source_uri(c) ? " " : "",
		               scsec_criteria_source_uri(c) ? scsec_criteria_source_uri(c) : "");
	cli_buf_printf(b, "Fingerprint:    %s\n", scsec_criteria_fingerprint(c));
	cli_buf_printf(b, "Scoring:        %s\n", scoring_name(scsec_criteria_scoring(c)));
	cli_buf_printf(b, "Contents:       %zu categories (%zu top-level), %zu requirements, "
	                  "%zu criteria, %zu prerequisite%s\n",
	               scsec_criteria_category_count(c), top_category_count(c),
	               scsec_criteria_requirement_count(c), scsec_criteria_criterion_count(c),
	               scsec_criteria_prerequisite_count(c),
	               scsec_criteria_prerequisite_count(c) == 1 ? "" : "s");

	cli_buf_puts(b, "\nLevels:\n");
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);

		cli_buf_printf(b, "  %s  rank %d  %s\n", scsec_level_label(l), scsec_level_rank(l),
		               scsec_level_title(l, lang));
		cli_buf_printf(b, "      method %s, answers valid %s%s%s\n",
		               method_text(scsec_level_method(l)), scsec_level_validity(l),
		               scsec_level_validity_provisional(l) ? " (provisional)" : "",
		               scsec_level_requires_lower(l) ? ", requires the level below" : "");
		cli_buf_printf(b, "      %zu requirements, %zu criteria", scsec_level_requirement_count(l),
		               scsec_level_criterion_count(l));
		n = scsec_level_prerequisite_count(l);
		for (j = 0; j < n; j++)
			cli_buf_printf(b, "%s%s", j ? ", " : "; prerequisites: ",
			               scsec_prerequisite_id(scsec_level_prerequisite_at(l, j)));
		cli_buf_puts(b, "\n");
	}
	if (scsec_criteria_prerequisite_count(c)) {
		cli_buf_puts(b, "\nPrerequisites:\n");
		for (i = 0; i < scsec_criteria_prerequisite_count(c); i++) {
			const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i);

			cli_buf_printf(b, "  %s  %s\n", scsec_prerequisite_id(p),
			               scsec_prerequisite_title(p, lang));
		}
	}
	cli_buf_puts(b, "\nCategories:\n");
	for (i = 0; i < scsec_criteria_category_count(c); i++) {
		const scsec_category *cat = scsec_criteria_category_at(c, i);
		const char *fn;

		if (scsec_category_parent(cat))
			continue;
		fn = scsec_function_code(scsec_category_function(cat));
		cli_buf_printf(b, "  %-3s %-3s %s (%zu criteria)\n", scsec_category_id(cat),
		               *fn ? fn : "-", scsec_category_title(cat, lang),
		               category_criteria(c, cat));
	}
	n = scsec_criteria_question_count(c);
	if (n) {
		const scsec_level *dl =
			scsec_criteria_level_by_rank(c, scsec_criteria_required_default(c));

		cli_buf_printf(b, "\nRequired level: %s by default, raised when a question is "
		                  "answered yes:\n",
		               dl ? scsec_level_label(dl) : "none");
		for (i = 0; i < n; i++) {
			const scsec_question *q = scsec_criteria_question_at(c, i);
			const scsec_level *ql = scsec_criteria_level_by_rank(c, scsec_question_level_if_yes(q));

			cli_buf_printf(b, "  %s (yes: %s)\n      %s\n", scsec_question_id(q),
			               ql ? scsec_level_label(ql) : "?", scsec_question_text(q, lang));
		}
	}
}

static void show_json(cli_buf *b, const scsec_criteria *c, const char *lang)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, j, n;
	int first;

	cli_buf_puts(b, "{\n  \"id\": ");
	cli_buf_json_str(b, scsec_criteria_id(c));
	cli_buf_puts(b, ",\n  \"version\": ");
	cli_buf_json_str(b, scsec_criteria_version(c));
	cli_buf_puts(b, ",\n  \"title\": ");
	cli_buf_json_str(b, scsec_criteria_title(c, lang));
	cli_buf_puts(b, ",\n  \"publisher\": ");
	cli_buf_json_str(b, scsec_criteria_publisher(c));
	cli_buf_puts(b, ",\n  \"issued\": ");
	cli_buf_json_str(b, scsec_date_format(date, scsec_criteria_issued(c)) ? NULL : date);
	cli_buf_puts(b, ",\n  \"source\": ");
	cli_buf_json_str(b, scsec_criteria_source(c));
	cli_buf_puts(b, ",\n  \"source_uri\": ");
	cli_buf_json_str(b, scsec_criteria_source_uri(c));
	cli_buf_puts(b, ",\n  \"fingerprint\": ");
	cli_buf_json_str(b, scsec_criteria_fingerprint(c));
	cli_buf_puts(b, ",\n  \"scoring\": ");
	cli_buf_json_str(b, scoring_name(scsec_criteria_scoring(c)));
	cli_buf_printf(b, ",\n  \"counts\": {\"categories\": %zu, \"requirements\": %zu, "
	                  "\"criteria\": %zu, \"prerequisites\": %zu}",
	               scsec_criteria_category_count(c), scsec_criteria_requirement_count(c),
	               scsec_criteria_criterion_count(c), scsec_criteria_prerequisite_count(c));
	cli_buf_puts(b, ",\n  \"levels\": [");
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);

		cli_buf_printf(b, "%s\n    {\"rank\": %d, \"label\": ", i ? "," : "", scsec_level_rank(l));
		cli_buf_json_str(b, scsec_level_label(l));
		cli_buf_puts(b, ", \"title\": ");
		cli_buf_json_str(b, scsec_level_title(l, lang));
		cli_buf_puts(b, ", \"method\": ");
		cli_buf_json_str(b, method_text(scsec_level_method(l)));
		cli_buf_puts(b, ", \"validity\": ");
		cli_buf_json_str(b, scsec_level_validity(l));
		cli_buf_printf(b, ", \"validity_provisional\": %s, \"requires_lower\": %s",
		               scsec_level_validity_provisional(l) ? "true" : "false",
		               scsec_level_requires_lower(l) ? "true" : "false");
		cli_buf_printf(b, ", \"requirements\": %zu, \"criteria\": %zu, \"prerequisites\": [",
		               scsec_level_requirement_count(l), scsec_level_criterion_count(l));
		n = scsec_level_prerequisite_count(l);
		for (j = 0; j < n; j++) {
			if (j)
				cli_buf_puts(b, ", ");
			cli_buf_json_str(b, scsec_prerequisite_id(scsec_level_prerequisite_at(l, j)));
		}
		cli_buf_puts(b, "]}");
	}
	cli_buf_puts(b, "\n  ],\n  \"prerequisites\": [");
	for (i = 0; i < scsec_criteria_prerequisite_count(c); i++) {
		const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i);

		cli_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		cli_buf_json_str(b, scsec_prerequisite_id(p));
		cli_buf_puts(b, ", \"title\": ");
		cli_buf_json_str(b, scsec_prerequisite_title(p, lang));
		cli_buf_puts(b, "}");
	}
	cli_buf_puts(b, i ? "\n  ],\n  \"categories\": [" : "],\n  \"categories\": [");
	first = 1;
	for (i = 0; i < scsec_criteria_category_count(c); i++) {
		const scsec_category *cat = scsec_criteria_category_at(c, i);
		const char *fn;

		if (scsec_category_parent(cat))
			continue;
		fn = scsec_function_code(scsec_category_function(cat));
		cli_buf_puts(b, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
		first = 0;
		cli_buf_json_str(b, scsec_category_id(cat));
		cli_buf_puts(b, ", \"title\": ");
		cli_buf_json_str(b, scsec_category_title(cat, lang));
		cli_buf_puts(b, ", \"function\": ");
		cli_buf_json_str(b, *fn ? fn : NULL);
		cli_buf_printf(b, ", \"criteria\": %zu}", category_criteria(c, cat));
	}
	cli_buf_puts(b, first ? "],\n  \"required_level\": " : "\n  ],\n  \"required_level\": ");
	n = scsec_criteria_question_count(c);
	if (!n) {
		cli_buf_puts(b, "null");
	} else {
		cli_buf_printf(b, "{\"default\": %d, \"questions\": [", scsec_criteria_required_default(c));
		for (i = 0; i < n; i++) {
			const scsec_question *q = scsec_criteria_question_at(c, i);

			cli_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
			cli_buf_json_str(b, scsec_question_id(q));
			cli_buf_printf(b, ", \"level_if_yes\": %d, \"text\": ", scsec_question_level_if_yes(q));
			cli_buf_json_str(b, scsec_question_text(q, lang));
			cli_buf_puts(b, "}");
		}
		cli_buf_puts(b, "\n  ]}");
	}
	cli_buf_puts(b, "\n}\n");
}

/* show and export: [SET] or -c SET. */
static int take_set(const char *usage, int argc, char **argv, const char **set)
{
	if (optind < argc) {
		if (*set)
			return cli_usage_error(usage, "give the set once: as SET or with -c");
		*set = argv[optind++];
	}
	if (optind < argc)
		return cli_usage_error(usage, "unexpected argument '%s'", argv[optind]);
	return EXIT_OK;
}

static int show_set(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *set = NULL, *format = "text", *lang = NULL, *out = NULL;
	scsec_criteria *c = NULL;
	cli_buf b = CLI_BUF_INIT;
	int opt, rc;

	cli_cmd = "scsec criteria show";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case 'o': out = optarg; break;
		case OPT_LANG: lang = optarg; break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, text_json, &format)))
				return rc;
			break;
		case 'h': fputs(usage_show, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_show, argv, opt);
		}
	}
	if ((rc = take_set(usage_show, argc, argv, &set)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	if (!strcmp(format, "json"))
		show_json(&b, c, lang);
	else
		show_text(&b, c, lang);
	rc = cli_write_buf(out, &b, 0);
	cli_buf_free(&b);
	scsec_criteria_free(c);
	return rc;
}

static int export_set(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *set = NULL, *out = NULL;
	scsec_criteria *c = NULL;
	char *xml = NULL;
	size_t size = 0;
	int opt, rc;

	cli_cmd = "scsec criteria export";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage_export, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_export, argv, opt);
		}
	}
	if ((rc = take_set(usage_export, argc, argv, &set)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	scsec_error_clear();
	if ((rc = scsec_criteria_write_memory(&xml, &size, c)))
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(out, xml, size, 1);
	scsec_free(xml);
	scsec_criteria_free(c);
	return rc;
}

static int import_ipa(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rules_set = NULL, *out = NULL, *sheet;
	scsec_criteria *rules = NULL, *c = NULL;
	scsec_diagnostics *diags = NULL;
	char *xml = NULL;
	size_t size = 0;
	int opt, rc;

	cli_cmd = "scsec criteria import-ipa";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': rules_set = optarg; break;
		case 'o': out = optarg; break;
		case OPT_ENCODING:
			if (cli_set_encoding(optarg) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage_import_ipa, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_import_ipa, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_import_ipa, "no SHEET.csv given");
	sheet = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_import_ipa, "unexpected argument '%s'", argv[optind]);
	if (!out)
		return cli_usage_error(usage_import_ipa, "-o OUT.xml is required ('-o -' for stdout)");
	if ((rc = cli_load_criteria(&rules, rules_set)) != EXIT_OK)
		return rc;
	if (scsec_diagnostics_new(&diags)) {
		scsec_criteria_free(rules);
		return cli_fail(SCSEC_ENOMEM, NULL);
	}
	scsec_error_clear();
	rc = scsec_criteria_import_ipa(&c, sheet, rules, cli_load_opts, diags);
	if (rc) {
		rc = cli_fail(rc, diags);
		goto out;
	}
	cli_print_diags(diags);
	scsec_error_clear();
	if ((rc = scsec_criteria_write_memory(&xml, &size, c)))
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(out, xml, size, 1);
out:
	scsec_free(xml);
	scsec_criteria_free(c);
	scsec_criteria_free(rules);
	scsec_diagnostics_free(diags);
	return rc;
}

int cmd_criteria(int argc, char **argv)
{
	cli_cmd = "scsec criteria";
	if (argc < 2)
		return cli_usage_error(usage_criteria, "no subcommand given");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage_criteria, stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "list"))
		return list_sets(argc - 1, argv + 1);
	if (!strcmp(argv[1], "show"))
		return show_set(argc - 1, argv + 1);
	if (!strcmp(argv[1], "export"))
		return export_set(argc - 1, argv + 1);
	if (!strcmp(argv[1], "import-ipa"))
		return import_ipa(argc - 1, argv + 1);
	return cli_usage_error(usage_criteria, "unknown subcommand '%s'", argv[1]);
}

/* ================================================================ template */

static const char usage_template[] =
	"usage: scsec template [-c SET] [--level N] [--format csv|xml] [--lang LANG] [-o OUT]\n"
	"\n"
	"Write a starting point for a supplier's answers: a CSV answer sheet (UTF-8\n"
	"with BOM, one row per criterion and prerequisite, empty answer columns)\n"
	"to fill in a spreadsheet and read back with 'scsec import-csv', or an\n"
	"empty evidence record (XML) naming the criteria set.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET  a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --level N           only the rows of level rank N (CSV; e.g. 3 for ★3)\n"
	"  --format csv|xml    default csv, or xml when OUT ends in .xml or .xml.gz\n"
	"  --lang LANG         language of the sheet's informational texts (default en)\n"
	"  -o, --output OUT    write to OUT (atomically) instead of stdout\n"
	"  -h, --help          show this help\n";

int cmd_template(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "level", required_argument, NULL, OPT_LEVEL },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "csv", "xml", NULL };
	const char *set = NULL, *format = NULL, *lang = NULL, *out = NULL;
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL;
	char *doc = NULL;
	size_t size = 0;
	long level = 0;
	int opt, rc;

	cli_cmd = "scsec template";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case 'o': out = optarg; break;
		case OPT_LANG: lang = optarg; break;
		case OPT_LEVEL:
			if ((rc = cli_parse_long("--level", optarg, 1, 99, &level)))
				return rc;
			break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, formats, &format)))
				return rc;
			break;
		case 'h': fputs(usage_template, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_template, argv, opt);
		}
	}
	if (optind < argc)
		return cli_usage_error(usage_template, "unexpected argument '%s'", argv[optind]);
	if (!format)
		format = out && (cli_has_suffix(out, ".xml") || cli_has_suffix(out, ".xml.gz")) ? "xml"
		                                                                                : "csv";
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	if (level && (rc = cli_check_rank("--level", c, level)) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if (!strcmp(format, "csv")) {
		rc = scsec_criteria_template_csv(&doc, &size, c, (int)level, lang);
	} else {
		rc = scsec_evidence_new(&ev, c);
		if (!rc)
			rc = scsec_evidence_set_tool(ev, cli_tool_name());
		if (!rc)
			rc = scsec_evidence_write_memory(&doc, &size, ev);
	}
	if (rc)
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(out, doc, size, 1);
out:
	scsec_free(doc);
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	return rc;
}

/* ================================================================ import-csv */

static const char usage_import_csv[] =
	"usage: scsec import-csv [-c SET] SHEET.csv -o EVIDENCE.xml [--subject-name NAME]\n"
	"                        [--subject-id ID]... [--force]\n"
	"\n"
	"Turn a filled answer sheet (from 'scsec template') into an evidence record\n"
	"(XML): the answers, the subject, the criteria set answered, when and by\n"
	"what it was made. The record is then checked against the set; every\n"
	"problem is printed as file:row:column. With errors nothing is written\n"
	"(exit 3) unless --force is given; warnings alone do not stop it.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET   the set the sheet answers: a built-in id or a file\n"
	"                       (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  -o, --output FILE    the evidence record to write ('-' for stdout; .gz\n"
	"                       compresses)\n"
	"  --subject-name NAME  the supplier's name\n"
	"  --subject-id ID      a Japanese corporate number (13 digits), or\n"
	"                       SCHEME:VALUE for another identifier; may repeat\n"
	"  --force              write the record even when the check finds errors\n"
	CLI_USAGE_ENCODING
	"  -h, --help           show this help\n";

/* RFC 3339 UTC "now"; SOURCE_DATE_EPOCH (reproducible builds) wins. */
static int created_now(char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t now = time(NULL);
	struct tm tm;

	if (sde && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno || *end || v < 0 || v > 253402300799LL) {
			cli_errorf("SOURCE_DATE_EPOCH '%s' is not a number of seconds since 1970", sde);
			return EXIT_USAGE;
		}
		now = (time_t)v;
	}
	if (!gmtime_r(&now, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm)) {
		cli_errorf("cannot read the clock");
		return EXIT_IO;
	}
	return EXIT_OK;
}

int cmd_import_csv(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "subject-name", required_argument, NULL, OPT_SUBJECT_NAME },
		{ "subject-id", required_argument, NULL, OPT_SUBJECT_ID },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *set = NULL, *out = NULL, *name = NULL, *sheet;
	struct subject_id {
		const char *arg;   /* as given */
		char *scheme;      /* split at the colon, or the default */
		const char *value;
	} *ids = NULL;
	size_t nids = 0, i;
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL;
	scsec_diagnostics *diags = NULL;
	char created[32], *xml = NULL;
	size_t size = 0;
	int opt, rc, force = 0;

	cli_cmd = "scsec import-csv";
	ids = calloc((size_t)argc + 1, sizeof *ids);
	if (!ids) {
		cli_errorf("out of memory");
		return EXIT_IO;
	}
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case 'o': out = optarg; break;
		case OPT_SUBJECT_NAME: name = optarg; break;
		case OPT_SUBJECT_ID: ids[nids++].arg = optarg; break;
		case OPT_FORCE: force = 1; break;
		case OPT_ENCODING:
			if ((rc = cli_set_encoding(optarg)) != EXIT_OK)
				goto out;
			break;
		case 'h':
			fputs(usage_import_csv, stdout);
			rc = EXIT_OK;
			goto out;
		default:
			rc = cli_bad_option(usage_import_csv, argv, opt);
			goto out;
		}
	}
	rc = EXIT_USAGE;
	if (optind >= argc) {
		cli_usage_error(usage_import_csv, "no SHEET.csv given");
		goto out;
	}
	sheet = argv[optind++];
	if (optind < argc) {
		cli_usage_error(usage_import_csv, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (!out) {
		cli_usage_error(usage_import_csv, "-o EVIDENCE.xml is required ('-o -' for stdout)");
		goto out;
	}
	if (name && !*name) {
		cli_value_error("--subject-name: the name is empty");
		goto out;
	}
	for (i = 0; i < nids; i++) {
		const char *arg = ids[i].arg, *colon = strchr(arg, ':');

		if (!*arg || (colon && (colon == arg || !colon[1]))) {
			cli_value_error("--subject-id '%s': give a corporate number or SCHEME:VALUE", arg);
			goto out;
		}
		ids[i].scheme = colon ? strndup(arg, (size_t)(colon - arg))
		                      : strdup(SCSEC_ID_SCHEME_JP_CORPORATE);
		ids[i].value = colon ? colon + 1 : arg;
		if (!ids[i].scheme) {
			rc = cli_fail(SCSEC_ENOMEM, NULL);
			goto out;
		}
	}
	if ((rc = created_now(created, sizeof created)) != EXIT_OK)
		goto out;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		goto out;
	if (scsec_diagnostics_new(&diags)) {
		rc = cli_fail(SCSEC_ENOMEM, NULL);
		goto out;
	}
	scsec_error_clear();
	if ((rc = scsec_evidence_import_csv(&ev, sheet, c, cli_load_opts, diags))) {
		rc = cli_fail(rc, diags);
		goto out;
	}
	if (name && (rc = scsec_evidence_set_subject_name(ev, name))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	for (i = 0; i < nids; i++) {
		scsec_error_clear();
		rc = scsec_evidence_add_subject_id(ev, ids[i].scheme, ids[i].value);
		if (rc == SCSEC_EEXISTS) {
			rc = cli_value_error("--subject-id: a second identifier of scheme '%s'",
			                     ids[i].scheme);
			goto out;
		}
		if (rc) {
			rc = cli_fail(rc, NULL);
			goto out;
		}
	}
	if ((rc = scsec_evidence_set_created(ev, created)) ||
	    (rc = scsec_evidence_set_tool(ev, cli_tool_name()))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	/* The import's own warnings are in the list already; the check adds
	 * what needs the set. */
	scsec_error_clear();
	rc = scsec_evidence_check(ev, c, diags);
	cli_print_diags(diags);
	if (rc == SCSEC_ENOMEM) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	if (rc && !force) {
		size_t nerr = scsec_diagnostics_count_severity(diags, SCSEC_SEVERITY_ERROR);

		cli_errorf("%zu error%s in %s: nothing written (fix the sheet, or use --force)", nerr,
		           nerr == 1 ? "" : "s", sheet);
		rc = EXIT_INPUT;
		goto out;
	}
	scsec_error_clear();
	if ((rc = scsec_evidence_write_memory(&xml, &size, ev)))
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(out, xml, size, 1);
out:
	scsec_free(xml);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(diags);
	scsec_criteria_free(c);
	for (i = 0; i < nids; i++)
		free(ids[i].scheme);
	free(ids);
	return rc;
}

/* ================================================================ required-level */

static const char usage_required[] =
	"usage: scsec required-level [-c SET] --answer QUESTION=yes|no... [--format text|json]\n"
	"\n"
	"The level a contract requires under the set's rule, from the buyer's answers\n"
	"to its questions (every question must be answered). For the METI set: ★4\n"
	"when any of confidential-data, outage-impact, system-access is yes, else ★3.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET        a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --answer QUESTION=yes|no  answer a question; repeat for each question\n"
	"  --format text|json        output format (default text: e.g. \"★4 (4)\")\n"
	"  -h, --help                show this help\n"
	"\n"
	"'scsec criteria show' lists the questions.\n";

int cmd_required_level(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "answer", required_argument, NULL, OPT_ANSWER },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	scsec_criteria *c = NULL;
	scsec_eval_options *eo = NULL;
	cli_evalopts o;
	cli_buf b = CLI_BUF_INIT;
	const scsec_level *l;
	size_t i;
	int opt, rc = EXIT_OK, level = 0;

	cli_cmd = "scsec required-level";
	cli_evalopts_init(&o);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:h", options, NULL)) != -1) {
		switch (opt) {
		case OPT_FORMAT:
			rc = cli_parse_format(optarg, text_json, &format);
			break;
		case 'h':
			fputs(usage_required, stdout);
			goto out;
		default:
			rc = cli_evalopts_handle(&o, opt, optarg);
			if (rc < 0)
				rc = cli_bad_option(usage_required, argv, opt);
		}
		if (rc != EXIT_OK)
			goto out;
	}
	if (optind < argc) {
		rc = cli_usage_error(usage_required, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (!o.nanswers) {
		rc = cli_usage_error(usage_required, "answer the questions with --answer QUESTION=yes|no");
		goto out;
	}
	if ((rc = cli_load_criteria(&c, o.set)) != EXIT_OK)
		goto out;
	if ((rc = cli_evalopts_build(&o, c, &eo)) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if ((rc = scsec_criteria_required_level(&level, c, eo))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	l = scsec_criteria_level_by_rank(c, level);
	if (!strcmp(format, "json")) {
		cli_buf_printf(&b, "{\"required_level\": %d, \"label\": ", level);
		cli_buf_json_str(&b, l ? scsec_level_label(l) : NULL);
		cli_buf_puts(&b, ", \"criteria\": {\"id\": ");
		cli_buf_json_str(&b, scsec_criteria_id(c));
		cli_buf_puts(&b, ", \"version\": ");
		cli_buf_json_str(&b, scsec_criteria_version(c));
		cli_buf_puts(&b, "}, \"answers\": {");
		for (i = 0; i < o.nanswers; i++) {
			cli_buf_puts(&b, i ? ", " : "");
			cli_buf_json_str(&b, o.answers[i].question);
			cli_buf_puts(&b, o.answers[i].yes ? ": true" : ": false");
		}
		cli_buf_puts(&b, "}}\n");
	} else if (l) {
		cli_buf_printf(&b, "%s (%d)\n", scsec_level_label(l), level);
	} else {
		cli_buf_puts(&b, "none (0)\n");
	}
	rc = cli_write_buf(NULL, &b, 0);
out:
	cli_buf_free(&b);
	scsec_eval_options_free(eo);
	scsec_criteria_free(c);
	cli_evalopts_dispose(&o);
	return rc;
}
