/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: version, validate, criteria (list, show, export, import-ipa),
 * template, import-csv and required-level. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scsec.h"

/* ================================================================ version */

static const char usage_version[] =
	"usage: scsec version\n"
	"\n"
	"Print the tool's version and the version of the libscsec it runs with.\n";

int cmd_version(int argc, char **argv)
{
	cli_cmd = "scsec version";
	if (argc > 1) {
		if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
			fputs(usage_version, stdout);
			return EXIT_OK;
		}
		if (argv[1][0] == '-')
			return cli_usage_error(usage_version, "unknown option '%s'", argv[1]);
		return cli_usage_error(usage_version, "unexpected argument '%s'", argv[1]);
	}
	printf("scsec %s (libscsec %s)\n", PACKAGE_VERSION, scsec_version_string());
	return EXIT_OK;
}

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
	CLI_USAGE_SHEET
	"  -h, --help          show this help\n"
	"\n"
	"Prints one line per file on stdout: FILE: KIND: ok, or the counts.\n"
	"Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage,\n"
	"3 SET is not a valid criteria set, 4 a file could not be read.\n";

static const struct option validate_options[] = {
	{ "criteria", required_argument, NULL, 'c' },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "sheet", required_argument, NULL, OPT_SHEET },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* ---- text that outputs must escape
 *
 * Every output shows document text by the rule of cli_buf_text(); validate
 * also says where a document holds such text (a line break in a subject
 * name is how a fake "Level:" line gets into a summary). The library's
 * readers accept it, so these warnings are the tool's, without a line and
 * column: they name the field and the entry instead. */

typedef struct text_check {
	const char *path;
	cli_buf lines;   /* the warnings, printed after the library's */
	size_t warnings;
} text_check;

static void check_text(text_check *tc, const char *id, const char *what, const char *s)
{
	cli_buf *b = &tc->lines;
	unsigned long cp;

	if (!s || !cli_text_unsafe(s, &cp))
		return;
	cli_buf_textf(b, "%s: warning: %s%s%s holds ", tc->path, id ? id : "", id ? ": " : "", what);
	cli_buf_unsafe_char(b, cp);
	if (id)
		cli_buf_textf(b, " [%s]", id);
	cli_buf_putc(b, '\n');
	tc->warnings++;
}

static void check_record_text(text_check *tc, const scsec_evidence *ev)
{
	size_t i, j;

	check_text(tc, NULL, "the subject name", scsec_evidence_subject_name(ev));
	for (i = 0; i < scsec_evidence_subject_id_count(ev); i++) {
		const char *scheme = NULL, *value = NULL;

		if (scsec_evidence_subject_id_get(&scheme, &value, ev, i))
			continue;
		check_text(tc, NULL, "a subject identifier's scheme", scheme);
		check_text(tc, NULL, "a subject identifier", value);
	}
	check_text(tc, NULL, "the criteria set id", scsec_evidence_criteria_id(ev));
	check_text(tc, NULL, "the criteria set version", scsec_evidence_criteria_version(ev));
	check_text(tc, NULL, "the creation time", scsec_evidence_created(ev));
	check_text(tc, NULL, "the tool", scsec_evidence_tool(ev));
	for (i = 0; i < scsec_evidence_entry_count(ev); i++) {
		const scsec_entry *e = scsec_evidence_entry_at(ev, i);
		const char *id = scsec_entry_id(e);

		check_text(tc, NULL, "an entry id", id);
		check_text(tc, id, "the assessor", scsec_entry_assessor(e));
		check_text(tc, id, "the assessor id", scsec_entry_assessor_id(e));
		check_text(tc, id, "the assessor role", scsec_entry_assessor_role(e));
		check_text(tc, id, "the justification", scsec_entry_justification(e));
		check_text(tc, id, "the note", scsec_entry_note(e));
		for (j = 0; j < scsec_entry_artifact_count(e); j++) {
			const char *uri = NULL, *digest = NULL;

			if (scsec_entry_artifact_get(&uri, &digest, e, j))
				continue;
			check_text(tc, id, "an artifact", uri);
			check_text(tc, id, "an artifact's digest", digest);
		}
	}
}

/* A text of a criteria set in English and in Japanese (the languages of
 * the scheme's outputs), once when they are the same. */
static void check_texts(text_check *tc, const char *id, const char *what, const char *en,
                        const char *ja)
{
	check_text(tc, id, what, en);
	if (ja != en)
		check_text(tc, id, what, ja);
}

static void check_set_text(text_check *tc, const scsec_criteria *c)
{
	size_t i;

	check_text(tc, NULL, "the set id", scsec_criteria_id(c));
	check_text(tc, NULL, "the set version", scsec_criteria_version(c));
	check_texts(tc, NULL, "the set title", scsec_criteria_title(c, NULL),
	            scsec_criteria_title(c, "ja"));
	check_texts(tc, NULL, "the set description", scsec_criteria_description(c, NULL),
	            scsec_criteria_description(c, "ja"));
	check_text(tc, NULL, "the publisher", scsec_criteria_publisher(c));
	check_text(tc, NULL, "the source", scsec_criteria_source(c));
	check_text(tc, NULL, "the source URI", scsec_criteria_source_uri(c));
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);
		const char *id = scsec_level_label(l);

		check_text(tc, NULL, "a level label", id);
		check_text(tc, id, "the validity", scsec_level_validity(l));
		check_texts(tc, id, "the title", scsec_level_title(l, NULL), scsec_level_title(l, "ja"));
	}
	for (i = 0; i < scsec_criteria_prerequisite_count(c); i++) {
		const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i);
		const char *id = scsec_prerequisite_id(p);

		check_text(tc, NULL, "a prerequisite id", id);
		check_texts(tc, id, "the title", scsec_prerequisite_title(p, NULL),
		            scsec_prerequisite_title(p, "ja"));
	}
	for (i = 0; i < scsec_criteria_category_count(c); i++) {
		const scsec_category *cat = scsec_criteria_category_at(c, i);
		const char *id = scsec_category_id(cat);

		check_text(tc, NULL, "a category id", id);
		check_texts(tc, id, "the title", scsec_category_title(cat, NULL),
		            scsec_category_title(cat, "ja"));
	}
	for (i = 0; i < scsec_criteria_requirement_count(c); i++) {
		const scsec_requirement *rq = scsec_criteria_requirement_at(c, i);
		const char *id = scsec_requirement_id(rq);

		check_text(tc, NULL, "a requirement id", id);
		check_texts(tc, id, "the name", scsec_requirement_name(rq, NULL),
		            scsec_requirement_name(rq, "ja"));
		check_texts(tc, id, "the text", scsec_requirement_text(rq, NULL),
		            scsec_requirement_text(rq, "ja"));
	}
	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		const char *id = scsec_criterion_id(cr);

		check_text(tc, NULL, "a criterion id", id);
		check_texts(tc, id, "the text", scsec_criterion_text(cr, NULL),
		            scsec_criterion_text(cr, "ja"));
	}
	for (i = 0; i < scsec_criteria_question_count(c); i++) {
		const scsec_question *q = scsec_criteria_question_at(c, i);
		const char *id = scsec_question_id(q);

		check_text(tc, NULL, "a question id", id);
		check_texts(tc, id, "the text", scsec_question_text(q, NULL), scsec_question_text(q, "ja"));
	}
}

/* Read a record or an answer sheet and check it against the set, as
 * evaluate does (cli_evaluate_file), and its texts. Returns the library
 * code. */
static int validate_record(const char *path, const scsec_criteria *c, scsec_diagnostics *diags,
                           text_check *tc)
{
	scsec_evidence *ev = NULL;
	int rc;

	if ((rc = cli_load_evidence(&ev, path, c, diags)) == 0) {
		rc = scsec_evidence_check(ev, c, diags);
		check_record_text(tc, ev);
	}
	scsec_evidence_free(ev);
	return rc;
}

/* The texts of a criteria set that validated. */
static void validate_set_text(const char *path, text_check *tc)
{
	scsec_criteria *c = NULL;

	if (scsec_criteria_load_file(&c, path, cli_load_opts, NULL) == 0)
		check_set_text(tc, c);
	scsec_criteria_free(c);
	scsec_error_clear();
}

int cmd_validate(int argc, char **argv)
{
	scsec_criteria *c = NULL;
	const char *set = NULL, *set_path;
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
		case OPT_SHEET:
			if (cli_set_sheet(optarg) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage_validate, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_validate, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_validate, "no FILE given");
	/* Its lines must not go onto a file it reads. */
	set_path = cli_set_path(set);
	if ((status = cli_check_output(NULL, (const char *const *)argv + optind,
	                               (size_t)(argc - optind))) != EXIT_OK ||
	    (status = cli_check_output(NULL, &set_path, 1)) != EXIT_OK)
		return status;
	for (i = optind; i < argc; i++) {
		const char *path = argv[i];
		scsec_document_kind kind = SCSEC_DOCUMENT_UNKNOWN;
		scsec_file_kind fk;
		scsec_diagnostics *diags = NULL;
		const char *kind_name;
		size_t nerr, nwarn;
		text_check notes = { path, CLI_BUF_INIT, 0 };
		cli_buf line = CLI_BUF_INIT;
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
			rc = validate_record(path, c, diags, &notes);
		} else {
			rc = scsec_document_validate_file(&kind, path, cli_load_opts, diags);
			kind_name = scsec_document_kind_name(kind);
			if (!rc && kind == SCSEC_DOCUMENT_CRITERIA)
				validate_set_text(path, &notes);
		}
		cli_print_diags(diags);
		fputs(cli_buf_str(&notes.lines), stderr);
		nerr = scsec_diagnostics_total(diags, SCSEC_SEVERITY_ERROR);
		nwarn = scsec_diagnostics_total(diags, SCSEC_SEVERITY_WARNING) + notes.warnings;
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
			cli_buf_textf(&line, "%s: not read", path);
		else if (!rc && !nerr)
			cli_buf_textf(&line, "%s: %s: ok", path, kind_name);
		else
			cli_buf_textf(&line, "%s: %s: %zu error%s", path, kind_name, nerr,
			              nerr == 1 ? "" : "s");
		if (nwarn)
			cli_buf_textf(&line, ", %zu warning%s", nwarn, nwarn == 1 ? "" : "s");
		fputs(cli_buf_str(&line), stdout);
		putchar('\n');
		cli_buf_free(&line);
		cli_buf_free(&notes.lines);
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
	"       scsec criteria import-ipa SHEET.csv|SHEET.xlsx -o OUT.xml [-c RULES]\n"
	"       scsec criteria coverage SET --mapping M [--format text|json] [-o OUT]\n"
	"       scsec criteria diff OLD NEW [--format text|json|mapping] [-o OUT]\n"
	"       scsec criteria import-oscal CATALOG [--profile RANK=LABEL:PROFILE]... -o OUT.xml\n"
	"       scsec criteria export-oscal [SET] -o CATALOG.json\n"
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
	"usage: scsec criteria import-ipa SHEET.csv|SHEET.xlsx -o OUT.xml [-c RULES]\n"
	"\n"
	"Import IPA's criteria sheet, its Excel workbook itself or the sheet saved\n"
	"as CSV (UTF-8, Shift_JIS or Unicode text: see --encoding), into a\n"
	"criteria set carrying the sheet's official texts, and write it as XML.\n"
	"The scheme's rules (levels, validity, prerequisites, questions) come from\n"
	"RULES, a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ").\n"
	"\n"
	"options:\n"
	"  -o, --output OUT.xml  the criteria set to write ('-' for stdout;\n"
	"                        .gz compresses)\n"
	"  -c, --criteria RULES  the set whose rules apply\n"
	CLI_USAGE_ENCODING
	CLI_USAGE_SHEET
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
	json_t *sets = NULL;
	size_t i, n = scsec_criteria_builtin_count();
	int opt, rc = EXIT_OK, bad = 0;

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
	if (!strcmp(format, "json") && !(sets = json_array()))
		bad = 1;
	for (i = 0; i < n; i++) {
		const char *id = scsec_criteria_builtin_id(i);
		scsec_criteria *c = NULL;
		int dflt = !strcmp(id, SCSEC_CRITERIA_DEFAULT);

		if ((rc = cli_load_criteria(&c, id)) != EXIT_OK)
			break;
		if (!strcmp(format, "json")) {
			json_t *o = json_object();

			cli_json_set(o, "id", cli_json_text(id), &bad);
			cli_json_set(o, "version", cli_json_text(scsec_criteria_version(c)), &bad);
			cli_json_set(o, "title", cli_json_text(scsec_criteria_title(c, NULL)), &bad);
			cli_json_set(o, "default", json_boolean(dflt), &bad);
			cli_json_push(sets, o, &bad);
		} else {
			cli_buf_textf(&b, "%s  %s  %s%s\n", id, scsec_criteria_version(c),
			              scsec_criteria_title(c, NULL), dflt ? "  (default)" : "");
		}
		scsec_criteria_free(c);
	}
	if (rc == EXIT_OK) {
		if (!strcmp(format, "json")) {
			if (bad)
				b.failed = 1;
			else
				cli_json_lines(&b, sets);
		}
		rc = cli_write_buf(NULL, &b, 0);
	}
	json_decref(sets);
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

	cli_buf_textf(b, "Criteria set:   %s (version %s)\n", scsec_criteria_id(c),
	               scsec_criteria_version(c));
	cli_buf_textf(b, "Title:          %s\n", scsec_criteria_title(c, lang));
	if (scsec_criteria_publisher(c))
		cli_buf_textf(b, "Publisher:      %s\n", scsec_criteria_publisher(c));
	if (scsec_date_format(date, scsec_criteria_issued(c)) == 0)
		cli_buf_textf(b, "Issued:         %s\n", date);
	if (scsec_criteria_source(c) || scsec_criteria_source_uri(c))
		cli_buf_textf(b, "Source:         %s%s%s\n",
		               scsec_criteria_source(c) ? scsec_criteria_source(c) : "",
		               scsec_criteria_source(c) && scsec_criteria_source_uri(c) ? " " : "",
		               scsec_criteria_source_uri(c) ? scsec_criteria_source_uri(c) : "");
	cli_buf_textf(b, "Fingerprint:    %s\n", scsec_criteria_fingerprint(c));
	cli_buf_textf(b, "Scoring:        %s\n", scoring_name(scsec_criteria_scoring(c)));
	cli_buf_textf(b, "Contents:       %zu categories (%zu top-level), %zu requirements, "
	                  "%zu criteria, %zu prerequisite%s\n",
	               scsec_criteria_category_count(c), top_category_count(c),
	               scsec_criteria_requirement_count(c), scsec_criteria_criterion_count(c),
	               scsec_criteria_prerequisite_count(c),
	               scsec_criteria_prerequisite_count(c) == 1 ? "" : "s");
	n = scsec_criteria_answer_mark_count(c);
	for (i = 0; i < n; i++) {
		const char *mark;
		scsec_status st;

		scsec_criteria_answer_mark_at(c, i, &mark, &st);
		cli_buf_textf(b, "%s%s %s", i ? ", " : "Answer marks:   ", mark, scsec_status_name(st));
		if (i + 1 == n)
			cli_buf_textf(b, "%s\n",
			               scsec_criteria_answer_marks_provisional(c) ? " (provisional)" : "");
	}

	cli_buf_puts(b, "\nLevels:\n");
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);

		cli_buf_textf(b, "  %s  rank %d  %s\n", scsec_level_label(l), scsec_level_rank(l),
		               scsec_level_title(l, lang));
		cli_buf_textf(b, "      method %s, answers valid %s%s%s\n",
		               method_text(scsec_level_method(l)), scsec_level_validity(l),
		               scsec_level_validity_provisional(l) ? " (provisional)" : "",
		               scsec_level_requires_lower(l) ? ", requires the level below" : "");
		cli_buf_textf(b, "      %zu requirements, %zu criteria", scsec_level_requirement_count(l),
		               scsec_level_criterion_count(l));
		n = scsec_level_prerequisite_count(l);
		for (j = 0; j < n; j++)
			cli_buf_textf(b, "%s%s", j ? ", " : "; prerequisites: ",
			               scsec_prerequisite_id(scsec_level_prerequisite_at(l, j)));
		cli_buf_puts(b, "\n");
	}
	if (scsec_criteria_prerequisite_count(c)) {
		cli_buf_puts(b, "\nPrerequisites:\n");
		for (i = 0; i < scsec_criteria_prerequisite_count(c); i++) {
			const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i);

			cli_buf_textf(b, "  %s  %s\n", scsec_prerequisite_id(p),
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
		cli_buf_textf(b, "  %-3s %-3s %s (%zu criteria)\n", scsec_category_id(cat),
		               *fn ? fn : "-", scsec_category_title(cat, lang),
		               category_criteria(c, cat));
	}
	n = scsec_criteria_question_count(c);
	if (n) {
		const scsec_level *dl =
			scsec_criteria_level_by_rank(c, scsec_criteria_required_default(c));

		cli_buf_textf(b, "\nRequired level: %s by default, raised when a question is "
		                  "answered yes:\n",
		               dl ? scsec_level_label(dl) : "none");
		for (i = 0; i < n; i++) {
			const scsec_question *q = scsec_criteria_question_at(c, i);
			const scsec_level *ql = scsec_criteria_level_by_rank(c, scsec_question_level_if_yes(q));

			cli_buf_textf(b, "  %s (yes: %s)\n      %s\n", scsec_question_id(q),
			               ql ? scsec_level_label(ql) : "?", scsec_question_text(q, lang));
		}
	}
}

static json_t *show_json(const scsec_criteria *c, const char *lang, int *bad)
{
	char date[SCSEC_DATE_BUFSIZE];
	json_t *o = json_object(), *counts = json_object(), *levels = json_array(),
	       *prereqs = json_array(), *cats = json_array(), *rule;
	size_t i, j, n;

	cli_json_set(o, "id", cli_json_text(scsec_criteria_id(c)), bad);
	cli_json_set(o, "version", cli_json_text(scsec_criteria_version(c)), bad);
	cli_json_set(o, "title", cli_json_text(scsec_criteria_title(c, lang)), bad);
	cli_json_set(o, "publisher", cli_json_text(scsec_criteria_publisher(c)), bad);
	cli_json_set(o, "issued",
	             cli_json_text(scsec_date_format(date, scsec_criteria_issued(c)) ? NULL : date),
	             bad);
	cli_json_set(o, "source", cli_json_text(scsec_criteria_source(c)), bad);
	cli_json_set(o, "source_uri", cli_json_text(scsec_criteria_source_uri(c)), bad);
	cli_json_set(o, "fingerprint", cli_json_text(scsec_criteria_fingerprint(c)), bad);
	cli_json_set(o, "scoring", cli_json_text(scoring_name(scsec_criteria_scoring(c))), bad);
	cli_json_set(counts, "categories", cli_json_size(scsec_criteria_category_count(c)), bad);
	cli_json_set(counts, "requirements", cli_json_size(scsec_criteria_requirement_count(c)), bad);
	cli_json_set(counts, "criteria", cli_json_size(scsec_criteria_criterion_count(c)), bad);
	cli_json_set(counts, "prerequisites", cli_json_size(scsec_criteria_prerequisite_count(c)),
	             bad);
	cli_json_set(o, "counts", counts, bad);
	if (scsec_criteria_answer_mark_count(c)) {
		json_t *marks = json_array();

		for (i = 0; i < scsec_criteria_answer_mark_count(c); i++) {
			json_t *mo = json_object();
			const char *mark;
			scsec_status st;

			scsec_criteria_answer_mark_at(c, i, &mark, &st);
			cli_json_set(mo, "mark", cli_json_text(mark), bad);
			cli_json_set(mo, "status", cli_json_text(scsec_status_name(st)), bad);
			cli_json_push(marks, mo, bad);
		}
		cli_json_set(o, "answer_marks", marks, bad);
		cli_json_set(o, "answer_marks_provisional",
		             json_boolean(scsec_criteria_answer_marks_provisional(c)), bad);
	}
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);
		json_t *lv = json_object(), *pl = json_array();

		cli_json_set(lv, "rank", json_integer(scsec_level_rank(l)), bad);
		cli_json_set(lv, "label", cli_json_text(scsec_level_label(l)), bad);
		cli_json_set(lv, "title", cli_json_text(scsec_level_title(l, lang)), bad);
		cli_json_set(lv, "method", cli_json_text(method_text(scsec_level_method(l))), bad);
		cli_json_set(lv, "validity", cli_json_text(scsec_level_validity(l)), bad);
		cli_json_set(lv, "validity_provisional",
		             json_boolean(scsec_level_validity_provisional(l)), bad);
		cli_json_set(lv, "requires_lower", json_boolean(scsec_level_requires_lower(l)), bad);
		cli_json_set(lv, "requirements", cli_json_size(scsec_level_requirement_count(l)), bad);
		cli_json_set(lv, "criteria", cli_json_size(scsec_level_criterion_count(l)), bad);
		n = scsec_level_prerequisite_count(l);
		for (j = 0; j < n; j++)
			cli_json_push(pl,
			              cli_json_text(scsec_prerequisite_id(scsec_level_prerequisite_at(l, j))),
			              bad);
		cli_json_set(lv, "prerequisites", pl, bad);
		cli_json_push(levels, lv, bad);
	}
	cli_json_set(o, "levels", levels, bad);
	for (i = 0; i < scsec_criteria_prerequisite_count(c); i++) {
		const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i);
		json_t *po = json_object();

		cli_json_set(po, "id", cli_json_text(scsec_prerequisite_id(p)), bad);
		cli_json_set(po, "title", cli_json_text(scsec_prerequisite_title(p, lang)), bad);
		cli_json_push(prereqs, po, bad);
	}
	cli_json_set(o, "prerequisites", prereqs, bad);
	for (i = 0; i < scsec_criteria_category_count(c); i++) {
		const scsec_category *cat = scsec_criteria_category_at(c, i);
		const char *fn;
		json_t *co;

		if (scsec_category_parent(cat))
			continue;
		fn = scsec_function_code(scsec_category_function(cat));
		co = json_object();
		cli_json_set(co, "id", cli_json_text(scsec_category_id(cat)), bad);
		cli_json_set(co, "title", cli_json_text(scsec_category_title(cat, lang)), bad);
		cli_json_set(co, "function", cli_json_text(*fn ? fn : NULL), bad);
		cli_json_set(co, "criteria", cli_json_size(category_criteria(c, cat)), bad);
		cli_json_push(cats, co, bad);
	}
	cli_json_set(o, "categories", cats, bad);
	n = scsec_criteria_question_count(c);
	if (!n) {
		rule = json_null();
	} else {
		json_t *qs = json_array();

		rule = json_object();
		cli_json_set(rule, "default", json_integer(scsec_criteria_required_default(c)), bad);
		for (i = 0; i < n; i++) {
			const scsec_question *q = scsec_criteria_question_at(c, i);
			json_t *qo = json_object();

			cli_json_set(qo, "id", cli_json_text(scsec_question_id(q)), bad);
			cli_json_set(qo, "level_if_yes", json_integer(scsec_question_level_if_yes(q)), bad);
			cli_json_set(qo, "text", cli_json_text(scsec_question_text(q, lang)), bad);
			cli_json_push(qs, qo, bad);
		}
		cli_json_set(rule, "questions", qs, bad);
	}
	cli_json_set(o, "required_level", rule, bad);
	return o;
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
	const char *set = NULL, *format = "text", *lang = NULL, *out = NULL, *input;
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
	input = cli_set_path(set);
	if ((rc = cli_check_output(out, &input, 1)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	if (!strcmp(format, "json")) {
		int bad = 0;
		json_t *doc = show_json(c, lang, &bad);

		if (bad || !doc)
			b.failed = 1;
		else
			cli_json_dump(&b, doc, JSON_INDENT(2));
		cli_buf_putc(&b, '\n');
		json_decref(doc);
	} else {
		show_text(&b, c, lang);
	}
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
	const char *set = NULL, *out = NULL, *input;
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
	input = cli_set_path(set);
	if ((rc = cli_check_output(out, &input, 1)) != EXIT_OK)
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
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rules_set = NULL, *out = NULL, *sheet, *inputs[2];
	scsec_criteria *rules = NULL, *c = NULL;
	scsec_diagnostics *diags = NULL;
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
		case OPT_SHEET:
			if (cli_set_sheet(optarg) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage_import_ipa, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_import_ipa, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_import_ipa, "no SHEET given");
	sheet = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_import_ipa, "unexpected argument '%s'", argv[optind]);
	if (!out)
		return cli_usage_error(usage_import_ipa, "-o OUT.xml is required ('-o -' for stdout)");
	inputs[0] = sheet;
	inputs[1] = cli_set_path(rules_set);
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		return rc;
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
	rc = cli_write_imported(out, c, diags);
out:
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
	if (!strcmp(argv[1], "coverage"))
		return cli_criteria_coverage(argc - 1, argv + 1);
	if (!strcmp(argv[1], "diff"))
		return cli_criteria_diff(argc - 1, argv + 1);
	if (!strcmp(argv[1], "import-oscal"))
		return cli_criteria_import_oscal(argc - 1, argv + 1);
	if (!strcmp(argv[1], "export-oscal"))
		return cli_criteria_export_oscal(argc - 1, argv + 1);
	return cli_usage_error(usage_criteria, "unknown subcommand '%s'", argv[1]);
}

/* ================================================================ template */

static const char usage_template[] =
	"usage: scsec template [-c SET] [--level N] [--format xlsx|csv|xml|json] [--lang LANG]\n"
	"                      [-o OUT]\n"
	"\n"
	"Write a starting point for a supplier's answers: an Excel answer workbook\n"
	"(instructions, one row per criterion and prerequisite, dropdown lists for\n"
	"status and method, date cells, the criteria columns protected), the same\n"
	"sheet as CSV (UTF-8 with BOM), both read back with 'scsec import-csv', or\n"
	"an empty evidence record (XML or JSON) naming the criteria set.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET  a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --level N           only the rows of level rank N (xlsx, CSV; e.g. 3 for ★3)\n"
	"  --format xlsx|csv|xml|json  default csv, or xlsx when OUT ends in .xlsx,\n"
	"                      xml (json) when it ends in .xml or .xml.gz (.json or\n"
	"                      .json.gz)\n"
	"  --lang LANG         language of the sheet's texts (default en); ja also\n"
	"                      gives the workbook Japanese headers, lists and\n"
	"                      instructions\n"
	"  -o, --output OUT    write to OUT (atomically) instead of stdout\n"
	"  -h, --help          show this help\n";

typedef struct template_job {
	const scsec_criteria *c;
	int rank;
	const char *lang;
} template_job;

static int make_template(const char *path, void *ctx)
{
	const template_job *job = ctx;
	int rc = scsec_criteria_template_xlsx(job->c, path, job->rank, job->lang);

	return rc ? cli_fail(rc, NULL) : EXIT_OK;
}

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
	static const char *const formats[] = { "csv", "xml", "json", "xlsx", NULL };
	const char *set = NULL, *format = NULL, *lang = NULL, *out = NULL, *input;
	template_job job;
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
		format = out && (cli_has_suffix(out, ".xml") || cli_has_suffix(out, ".xml.gz"))     ? "xml"
		         : out && (cli_has_suffix(out, ".json") || cli_has_suffix(out, ".json.gz")) ? "json"
		         : out && cli_has_suffix(out, ".xlsx")                                      ? "xlsx"
		                                                                                      : "csv";
	input = cli_set_path(set);
	if ((rc = cli_check_output(out, &input, 1)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	if (level && (rc = cli_check_rank("--level", c, level)) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if (!strcmp(format, "xlsx")) {
		job.c = c;
		job.rank = (int)level;
		job.lang = lang;
		rc = cli_write_made(out, make_template, &job);
		goto out;
	}
	if (!strcmp(format, "csv")) {
		rc = scsec_criteria_template_csv(&doc, &size, c, (int)level, lang);
	} else {
		rc = scsec_evidence_new(&ev, c);
		if (!rc)
			rc = scsec_evidence_set_tool(ev, cli_tool_name());
		if (!rc)
			rc = scsec_evidence_write_memory_as(&doc, &size, ev,
			                                    strcmp(format, "json") ? SCSEC_FORMAT_XML
			                                                           : SCSEC_FORMAT_JSON);
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
	"usage: scsec import-csv [-c SET] SHEET.csv|SHEET.xlsx -o EVIDENCE.xml\n"
	"                        [--subject-name NAME] [--subject-id ID]... [--force]\n"
	"                        [--format xml|json]\n"
	"\n"
	"Turn a filled answer sheet (from 'scsec template', or IPA's workbook with\n"
	"an answer column; CSV or .xlsx) into an evidence record (XML): the\n"
	"answers, the subject, the criteria set answered, when and by what it was\n"
	"made. The record is then checked against the set; every\n"
	"problem is printed as file:row:column. With errors nothing is written\n"
	"(exit 3) unless --force is given; warnings alone do not stop it.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET   the set the sheet answers: a built-in id or a file\n"
	"                       (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  -o, --output FILE    the evidence record to write ('-' for stdout; .gz\n"
	"                       compresses)\n"
	"  --subject-name NAME  the supplier's name (on one line, no control characters)\n"
	"  --subject-id ID      a Japanese corporate number (13 digits), or\n"
	"                       SCHEME:VALUE for another identifier; may repeat\n"
	"  --force              write the record even when the check finds errors\n"
	"  --format xml|json    the record's form (default xml, or json when FILE ends\n"
	"                       in .json or .json.gz)\n"
	CLI_USAGE_ENCODING
	CLI_USAGE_SHEET
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
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *set = NULL, *out = NULL, *name = NULL, *sheet, *inputs[2], *form = NULL;
	struct subject_id {
		const char *arg;   /* as given */
		char *scheme;      /* split at the colon, or the default */
		const char *value;
	} *ids = NULL;
	size_t nids = 0, i;
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL;
	scsec_diagnostics *diags = NULL;
	char created[32];
	int opt, rc, force = 0, format;

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
		case OPT_FORMAT: form = optarg; break;
		case OPT_ENCODING:
			if ((rc = cli_set_encoding(optarg)) != EXIT_OK)
				goto out;
			break;
		case OPT_SHEET:
			if ((rc = cli_set_sheet(optarg)) != EXIT_OK)
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
		cli_usage_error(usage_import_csv, "no SHEET given");
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
	if (cli_record_format(&format, form, out) != EXIT_OK)
		goto out;
	if (name && !*name) {
		cli_value_error("--subject-name: the name is empty");
		goto out;
	}
	if (name && cli_check_text_option("--subject-name", name) != EXIT_OK)
		goto out;
	for (i = 0; i < nids; i++) {
		const char *arg = ids[i].arg, *colon = strchr(arg, ':');

		if (!*arg || (colon && (colon == arg || !colon[1]))) {
			cli_value_error("--subject-id '%s': give a corporate number or SCHEME:VALUE", arg);
			goto out;
		}
		if (cli_check_text_option("--subject-id", arg) != EXIT_OK)
			goto out;
		ids[i].scheme = colon ? strndup(arg, (size_t)(colon - arg))
		                      : strdup(SCSEC_ID_SCHEME_JP_CORPORATE);
		ids[i].value = colon ? colon + 1 : arg;
		if (!ids[i].scheme) {
			rc = cli_fail(SCSEC_ENOMEM, NULL);
			goto out;
		}
	}
	inputs[0] = sheet;
	inputs[1] = cli_set_path(set);
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		goto out;
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
		size_t nerr = scsec_diagnostics_total(diags, SCSEC_SEVERITY_ERROR);

		cli_errorf("%zu error%s in %s: nothing written (fix the sheet, or use --force)", nerr,
		           nerr == 1 ? "" : "s", sheet);
		rc = EXIT_INPUT;
		goto out;
	}
	rc = cli_write_record(out, ev, format);
out:
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
	const char *format = "text", *set_path;
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
	set_path = cli_set_path(o.set);
	if ((rc = cli_check_output(NULL, &set_path, 1)) != EXIT_OK)
		goto out;
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
		json_t *doc = json_object(), *set = json_object(), *answers = json_object();
		int bad = 0;

		cli_json_set(doc, "required_level", json_integer(level), &bad);
		cli_json_set(doc, "label", cli_json_text(l ? scsec_level_label(l) : NULL), &bad);
		cli_json_set(set, "id", cli_json_text(scsec_criteria_id(c)), &bad);
		cli_json_set(set, "version", cli_json_text(scsec_criteria_version(c)), &bad);
		cli_json_set(doc, "criteria", set, &bad);
		for (i = 0; i < o.nanswers; i++)
			cli_json_set(answers, o.answers[i].question, json_boolean(o.answers[i].yes), &bad);
		cli_json_set(doc, "answers", answers, &bad);
		if (bad)
			b.failed = 1;
		else
			cli_json_dump(&b, doc, 0);
		cli_buf_putc(&b, '\n');
		json_decref(doc);
	} else if (l) {
		cli_buf_textf(&b, "%s (%d)\n", scsec_level_label(l), level);
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
