/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec map, scsec criteria coverage: records and criteria sets through
 * mapping sets (doc/mapping.md). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scsec.h"

/* The notice every output of a derived record carries (doc/mapping.md). */
const char cli_derived_notice[] =
	"derived record: answers carried through a mapping set, a head start for a "
	"person to review, not an assessment";

int cli_load_mapping(scsec_mapping_set **out, const char *name)
{
	scsec_diagnostics *diags = NULL;
	size_t i;
	int rc;

	*out = NULL;
	for (i = 0; i < scsec_mapping_set_builtin_count(); i++)
		if (!strcmp(name, scsec_mapping_set_builtin_id(i))) {
			scsec_error_clear();
			rc = scsec_mapping_set_builtin(out, name);
			return rc ? cli_fail(rc, NULL) : EXIT_OK;
		}
	if ((rc = scsec_diagnostics_new(&diags)))
		return cli_fail(rc, NULL);
	scsec_error_clear();
	rc = scsec_mapping_set_load_file(out, name, cli_load_opts, diags);
	if (rc == SCSEC_EIO) {
		struct stat st;

		if (stat(name, &st) != 0) {
			cli_errorf("mapping set '%s' is neither a built-in set (see 'scsec map --list') "
			           "nor a readable file: %s",
			           name, strerror(errno));
			scsec_diagnostics_free(diags);
			return EXIT_IO;
		}
	}
	rc = rc ? cli_fail(rc, diags) : EXIT_OK;
	if (rc == EXIT_OK)
		cli_print_diags(diags);
	scsec_diagnostics_free(diags);
	return rc;
}

/* The set, or its inverse when asked (--reverse). */
static int load_mapping_way(scsec_mapping_set **out, const char *name, int reverse)
{
	scsec_mapping_set *m, *inv;
	int rc;

	if ((rc = cli_load_mapping(&m, name)) != EXIT_OK || !reverse) {
		*out = rc == EXIT_OK ? m : NULL;
		return rc;
	}
	scsec_error_clear();
	rc = scsec_mapping_set_invert(&inv, m);
	scsec_mapping_set_free(m);
	*out = rc ? NULL : inv;
	return rc ? cli_fail(rc, NULL) : EXIT_OK;
}

/* ===================================================================== map */

static const char usage_map[] =
	"usage: scsec map SOURCE-RECORD --mapping SET [--criteria TARGET] -o DERIVED.xml\n"
	"                 [--format xml|json]\n"
	"       scsec map --list\n"
	"\n"
	"Carry the answers of an evidence record through a mapping set: the derived\n"
	"record answers the mapping's target set, by the rule of doc/mapping.md\n"
	"(equal-to, equivalent-to, superset-of carry a status as it is; subset-of\n"
	"and intersects-with turn met into partial; several sources give the most\n"
	"restrictive status, the earliest days and the weakest method, never\n"
	"stronger than self unless the set accepts the method). Every entry says\n"
	"where it came from. A derived record is a head start for a person to\n"
	"review, not an assessment.\n"
	"\n"
	"options:\n"
	"  -m, --mapping SET     a built-in mapping set id or a file (required)\n"
	"  --criteria TARGET     the target criteria set (a built-in id or a file):\n"
	"                        ids outside it are left out, and the record names\n"
	"                        its fingerprint\n"
	"  -c, --source SET      the set an answer sheet (CSV) answers (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  -o, --output OUT      write to OUT (atomically); '-o -' for stdout\n"
	"  --format xml|json     the derived record's form (default xml, or json when\n"
	"                        OUT ends in .json or .json.gz)\n"
	"  -r, --reverse         use the set the other way (target to source:\n"
	"                        subset-of and superset-of exchanged, no method\n"
	"                        accepted beyond self)\n"
	"  --list                list the built-in mapping sets\n"
	CLI_USAGE_ENCODING
	"  -h, --help            show this help\n";

enum { OPT_LIST = 400, OPT_CRITERIA };

static int list_builtin(void)
{
	size_t i;

	for (i = 0; i < scsec_mapping_set_builtin_count(); i++) {
		scsec_mapping_set *m;
		cli_buf b = CLI_BUF_INIT;

		scsec_error_clear();
		if (scsec_mapping_set_builtin(&m, scsec_mapping_set_builtin_id(i)))
			return cli_fail(scsec_error_code(scsec_error_last()), NULL);
		cli_buf_textf(&b, "%-34s %s %s -> %s %s%s", scsec_mapping_set_id(m),
		              scsec_mapping_set_source_id(m), scsec_mapping_set_source_version(m),
		              scsec_mapping_set_target_id(m), scsec_mapping_set_target_version(m),
		              scsec_mapping_set_provisional(m) ? " (provisional)" : "");
		puts(cli_buf_str(&b));
		cli_buf_free(&b);
		scsec_mapping_set_free(m);
	}
	return EXIT_OK;
}

int cmd_map(int argc, char **argv)
{
	static const struct option options[] = {
		{ "mapping", required_argument, NULL, 'm' },
		{ "criteria", required_argument, NULL, OPT_CRITERIA },
		{ "source", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "reverse", no_argument, NULL, 'r' },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *mapping = NULL, *target_set = NULL, *source_set = NULL, *out = NULL, *record;
	const char *form = NULL;
	const char *inputs[4];
	scsec_mapping_set *m = NULL;
	scsec_criteria *target = NULL, *source = NULL;
	scsec_evidence *ev = NULL, *derived = NULL;
	scsec_diagnostics *diags = NULL;
	int opt, rc, reverse = 0, format;

	cli_cmd = "scsec map";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":m:c:o:rh", options, NULL)) != -1) {
		switch (opt) {
		case 'm': mapping = optarg; break;
		case 'r': reverse = 1; break;
		case OPT_CRITERIA: target_set = optarg; break;
		case 'c': source_set = optarg; break;
		case 'o': out = optarg; break;
		case OPT_LIST: return list_builtin();
		case OPT_FORMAT: form = optarg; break;
		case OPT_ENCODING:
			if ((rc = cli_set_encoding(optarg)) != EXIT_OK)
				return rc;
			break;
		case 'h': fputs(usage_map, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_map, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_map, "no SOURCE-RECORD given");
	record = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_map, "unexpected argument '%s'", argv[optind]);
	if (!mapping)
		return cli_usage_error(usage_map, "--mapping SET is required");
	if (!out)
		return cli_usage_error(usage_map, "-o DERIVED.xml is required ('-o -' for stdout)");
	if ((rc = cli_record_format(&format, form, out)) != EXIT_OK)
		return rc;
	inputs[0] = record;
	inputs[1] = mapping;
	inputs[2] = cli_set_path(target_set);
	inputs[3] = cli_set_path(source_set);
	if ((rc = cli_check_output(out, inputs, 4)) != EXIT_OK)
		return rc;
	if ((rc = load_mapping_way(&m, mapping, reverse)) != EXIT_OK)
		goto out;
	if (target_set && (rc = cli_load_criteria(&target, target_set)) != EXIT_OK)
		goto out;
	if (source_set && (rc = cli_load_criteria(&source, source_set)) != EXIT_OK)
		goto out;
	if ((rc = scsec_diagnostics_new(&diags))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	scsec_error_clear();
	if ((rc = cli_load_evidence(&ev, record, source, diags))) {
		rc = cli_fail(rc, diags);
		goto out;
	}
	scsec_diagnostics_clear(diags);
	scsec_error_clear();
	if ((rc = scsec_mapping_derive(&derived, ev, m, target, diags))) {
		rc = cli_fail(rc, diags);
		goto out;
	}
	cli_print_diags(diags);
	scsec_error_clear();
	if ((rc = scsec_evidence_set_tool(derived, cli_tool_name()))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	if ((rc = cli_write_record(out, derived, format)) == EXIT_OK) {
		cli_buf b = CLI_BUF_INIT;

		cli_buf_textf(&b, "%zu entries against %s %s, through %s%s", scsec_evidence_entry_count(derived),
		              scsec_evidence_criteria_id(derived), scsec_evidence_criteria_version(derived),
		              scsec_mapping_set_id(m),
		              scsec_mapping_set_provisional(m) ? " (a provisional mapping set)" : "");
		cli_errorf("%s", cli_buf_str(&b));
		cli_errorf("%s", cli_derived_notice);
		cli_buf_free(&b);
	}
out:
	scsec_evidence_free(derived);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(diags);
	scsec_criteria_free(target);
	scsec_criteria_free(source);
	scsec_mapping_set_free(m);
	return rc;
}

/* ======================================================= criteria coverage */

static const char usage_coverage[] =
	"usage: scsec criteria coverage SET --mapping M [--reverse] [--format text|json] [-o OUT]\n"
	"\n"
	"Which criteria of SET (the mapping's target) the framework mapping M comes\n"
	"from covers fully (an equal-to, equivalent-to or superset-of mapping),\n"
	"partly (only subset-of or intersects-with) or not at all.\n"
	"\n"
	"options:\n"
	"  -m, --mapping M       a built-in mapping set id or a file (required)\n"
	"  -r, --reverse         use M the other way (SET is then M's source)\n"
	"  --format text|json    default text\n"
	"  -o, --output OUT      write to OUT (atomically) instead of stdout\n"
	"  -h, --help            show this help\n";

int cli_criteria_coverage(int argc, char **argv)
{
	static const struct option options[] = {
		{ "mapping", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "reverse", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "json", NULL };
	const char *mapping = NULL, *format = "text", *out = NULL, *set, *inputs[2];
	scsec_mapping_set *m = NULL;
	scsec_criteria *c = NULL;
	size_t i, n, counts[3] = { 0, 0, 0 };
	cli_buf b = CLI_BUF_INIT;
	json_t *doc = NULL, *rows = NULL;
	int opt, rc, bad = 0, reverse = 0;

	cli_cmd = "scsec criteria coverage";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":m:o:rh", options, NULL)) != -1) {
		switch (opt) {
		case 'm': mapping = optarg; break;
		case 'r': reverse = 1; break;
		case 'o': out = optarg; break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, formats, &format)) != EXIT_OK)
				return rc;
			break;
		case 'h': fputs(usage_coverage, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_coverage, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_coverage, "no criteria SET given");
	set = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_coverage, "unexpected argument '%s'", argv[optind]);
	if (!mapping)
		return cli_usage_error(usage_coverage, "--mapping M is required");
	inputs[0] = cli_set_path(set);
	inputs[1] = mapping;
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK ||
	    (rc = load_mapping_way(&m, mapping, reverse)) != EXIT_OK)
		goto out;
	if (strcmp(scsec_criteria_id(c), scsec_mapping_set_target_id(m)) ||
	    strcmp(scsec_criteria_version(c), scsec_mapping_set_target_version(m))) {
		cli_errorf("mapping set %s maps to %s %s, not to %s %s", scsec_mapping_set_id(m),
		           scsec_mapping_set_target_id(m), scsec_mapping_set_target_version(m),
		           scsec_criteria_id(c), scsec_criteria_version(c));
		rc = EXIT_INPUT;
		goto out;
	}
	n = scsec_criteria_criterion_count(c);
	if (!strcmp(format, "json")) {
		doc = json_object();
		rows = json_array();
		bad = !doc || !rows;
	}
	for (i = 0; i < n; i++) {
		const char *id = scsec_criterion_id(scsec_criteria_criterion_at(c, i));
		scsec_coverage cov = scsec_mapping_set_coverage(m, id);

		counts[cov]++;
		if (rows) {
			json_t *row = json_object();

			cli_json_set(row, "id", cli_json_text(id), &bad);
			cli_json_set(row, "coverage", cli_json_text(scsec_coverage_name(cov)), &bad);
			cli_json_push(rows, row, &bad);
		} else {
			cli_buf_textf(&b, "%-12s %s\n", id, scsec_coverage_name(cov));
		}
	}
	if (doc) {
		json_t *sum = json_object();

		cli_json_set(doc, "criteria", cli_json_text(scsec_criteria_id(c)), &bad);
		cli_json_set(doc, "version", cli_json_text(scsec_criteria_version(c)), &bad);
		cli_json_set(doc, "mapping", cli_json_text(scsec_mapping_set_id(m)), &bad);
		cli_json_set(doc, "from", cli_json_text(scsec_mapping_set_source_id(m)), &bad);
		cli_json_set(doc, "provisional", json_boolean(scsec_mapping_set_provisional(m)), &bad);
		cli_json_set(sum, "full", cli_json_size(counts[SCSEC_COVERAGE_FULL]), &bad);
		cli_json_set(sum, "partial", cli_json_size(counts[SCSEC_COVERAGE_PARTIAL]), &bad);
		cli_json_set(sum, "none", cli_json_size(counts[SCSEC_COVERAGE_NONE]), &bad);
		cli_json_set(doc, "summary", sum, &bad);
		cli_json_set(doc, "coverage", rows, &bad);
		rows = NULL;
		if (bad) {
			rc = cli_fail(SCSEC_ENOMEM, NULL);
			goto out;
		}
		cli_json_dump(&b, doc, JSON_INDENT(2));
		cli_buf_putc(&b, '\n');
	} else {
		cli_buf_textf(&b, "%s %s covers %zu of %zu criteria of %s %s fully, %zu partly, %zu not at all%s\n",
		              scsec_mapping_set_source_id(m), scsec_mapping_set_source_version(m),
		              counts[SCSEC_COVERAGE_FULL], n, scsec_criteria_id(c),
		              scsec_criteria_version(c), counts[SCSEC_COVERAGE_PARTIAL],
		              counts[SCSEC_COVERAGE_NONE],
		              scsec_mapping_set_provisional(m) ? " (a provisional mapping set)" : "");
	}
	rc = cli_write_buf(out, &b, 0);
out:
	json_decref(doc);
	json_decref(rows);
	cli_buf_free(&b);
	scsec_criteria_free(c);
	scsec_mapping_set_free(m);
	return rc;
}
