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
	CLI_USAGE_SHEET
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
		{ "sheet", required_argument, NULL, OPT_SHEET },
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
		case OPT_SHEET:
			if ((rc = cli_set_sheet(optarg)) != EXIT_OK)
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

/* =========================================================== criteria diff */

static const char usage_diff[] =
	"usage: scsec criteria diff OLD NEW [--format text|json|mapping] [-o OUT]\n"
	"           [--id ID] [--set-version V] [--old-version V] [--new-version V]\n"
	"\n"
	"Compare two revisions of a criteria set, criterion by criterion: kept,\n"
	"removed, added, renumbered (the same or nearly the same text under another\n"
	"id), reworded (the same id, another text, with the texts' similarity),\n"
	"moved between levels, references changed (doc/mapping.md, \"Revisions\").\n"
	"--format mapping writes the revision mapping set (old to new), provisional,\n"
	"for a person to review and fix before 'scsec migrate' uses it.\n"
	"\n"
	"options:\n"
	"  --format text|json|mapping  default text\n"
	"  -o, --output OUT      write to OUT (atomically) instead of stdout\n"
	"  --id ID               the revision mapping set's id (default OLD-to-NEW,\n"
	"                        from the sets' ids and versions)\n"
	"  --set-version V       its version (default 1)\n"
	"  --old-version V       the version it names for OLD (default OLD's own:\n"
	"                        for revisions imported under one version)\n"
	"  --new-version V       likewise for NEW\n"
	"  -h, --help            show this help\n";

enum { OPT_ID = 420, OPT_SET_VERSION, OPT_OLD_VERSION, OPT_NEW_VERSION, OPT_REPORT };

/* The similarity as written: "0.873", "1". */
static void similarity_text(char *buf, size_t size, double sim)
{
	int v = (int)(sim * 1000.0 + 0.5);

	if (v >= 1000 || v < 0)
		snprintf(buf, size, "1");
	else
		snprintf(buf, size, "0.%03d", v % 1000);
}

static void diff_text(cli_buf *b, const scsec_criteria_diff *d, const scsec_criteria *o,
                      const scsec_criteria *n)
{
	static const scsec_diff_class classes[] = { SCSEC_DIFF_KEPT, SCSEC_DIFF_RENUMBERED,
		                                    SCSEC_DIFF_REWORDED, SCSEC_DIFF_REMOVED,
		                                    SCSEC_DIFF_ADDED };
	size_t i, moved = 0, refs = 0;

	cli_buf_textf(b, "%s %s (%zu criteria) -> %s %s (%zu criteria)\n", scsec_criteria_id(o),
	              scsec_criteria_version(o), scsec_criteria_criterion_count(o),
	              scsec_criteria_id(n), scsec_criteria_version(n),
	              scsec_criteria_criterion_count(n));
	for (i = 0; i < scsec_criteria_diff_count(d); i++) {
		const char *oid, *nid;
		scsec_diff_class cls;
		unsigned ch;
		double sim;
		char s[16];

		scsec_criteria_diff_get(&oid, &nid, &cls, &ch, &sim, d, i);
		cli_buf_textf(b, "%-10s ", scsec_diff_class_name(cls));
		if (cls == SCSEC_DIFF_RENUMBERED)
			cli_buf_textf(b, "%s -> %s", oid, nid);
		else
			cli_buf_textf(b, "%s", oid ? oid : nid);
		if (ch & SCSEC_DIFF_TEXT_CHANGED) {
			similarity_text(s, sizeof s, sim);
			cli_buf_textf(b, "  similarity %s", s);
		}
		if (ch & SCSEC_DIFF_LEVEL_CHANGED) {
			const scsec_criterion *a = scsec_criteria_criterion(o, oid);
			const scsec_criterion *c = scsec_criteria_criterion(n, nid);

			moved++;
			cli_buf_textf(b, "  level %d -> %d", scsec_criterion_min_level(a),
			              scsec_criterion_min_level(c));
		}
		if (ch & SCSEC_DIFF_REFERENCES_CHANGED) {
			refs++;
			cli_buf_puts(b, "  references changed");
		}
		cli_buf_putc(b, '\n');
	}
	cli_buf_puts(b, "summary:");
	for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
		cli_buf_textf(b, " %zu %s,", scsec_criteria_diff_class_count(d, classes[i]),
		              scsec_diff_class_name(classes[i]));
	cli_buf_textf(b, " %zu moved between levels, %zu with references changed\n", moved, refs);
}

static int diff_json(cli_buf *b, const scsec_criteria_diff *d, const scsec_criteria *o,
                     const scsec_criteria *n)
{
	static const scsec_diff_class classes[] = { SCSEC_DIFF_KEPT, SCSEC_DIFF_REMOVED,
		                                    SCSEC_DIFF_ADDED, SCSEC_DIFF_RENUMBERED,
		                                    SCSEC_DIFF_REWORDED };
	json_t *doc = json_object(), *rows = json_array(), *sum = json_object(), *side;
	size_t i, moved = 0, refs = 0;
	int bad = !doc || !rows || !sum;

	side = json_object();
	cli_json_set(side, "id", cli_json_text(scsec_criteria_id(o)), &bad);
	cli_json_set(side, "version", cli_json_text(scsec_criteria_version(o)), &bad);
	cli_json_set(side, "fingerprint", cli_json_text(scsec_criteria_fingerprint(o)), &bad);
	cli_json_set(doc, "old", side, &bad);
	side = json_object();
	cli_json_set(side, "id", cli_json_text(scsec_criteria_id(n)), &bad);
	cli_json_set(side, "version", cli_json_text(scsec_criteria_version(n)), &bad);
	cli_json_set(side, "fingerprint", cli_json_text(scsec_criteria_fingerprint(n)), &bad);
	cli_json_set(doc, "new", side, &bad);
	for (i = 0; i < scsec_criteria_diff_count(d); i++) {
		const char *oid, *nid;
		scsec_diff_class cls;
		unsigned ch;
		double sim;
		json_t *row = json_object();

		scsec_criteria_diff_get(&oid, &nid, &cls, &ch, &sim, d, i);
		cli_json_set(row, "class", cli_json_text(scsec_diff_class_name(cls)), &bad);
		cli_json_set(row, "old", oid ? cli_json_text(oid) : json_null(), &bad);
		cli_json_set(row, "new", nid ? cli_json_text(nid) : json_null(), &bad);
		if (oid && nid) {
			const scsec_criterion *a = scsec_criteria_criterion(o, oid);
			const scsec_criterion *c = scsec_criteria_criterion(n, nid);

			cli_json_set(row, "similarity", json_real((double)(long)(sim * 1000.0 + 0.5) / 1000.0),
			             &bad);
			cli_json_set(row, "text-changed", json_boolean(ch & SCSEC_DIFF_TEXT_CHANGED), &bad);
			cli_json_set(row, "level-changed", json_boolean(ch & SCSEC_DIFF_LEVEL_CHANGED), &bad);
			cli_json_set(row, "old-level", json_integer(scsec_criterion_min_level(a)), &bad);
			cli_json_set(row, "new-level", json_integer(scsec_criterion_min_level(c)), &bad);
			cli_json_set(row, "references-changed",
			             json_boolean(ch & SCSEC_DIFF_REFERENCES_CHANGED), &bad);
			moved += (ch & SCSEC_DIFF_LEVEL_CHANGED) != 0;
			refs += (ch & SCSEC_DIFF_REFERENCES_CHANGED) != 0;
		}
		cli_json_push(rows, row, &bad);
	}
	for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
		cli_json_set(sum, scsec_diff_class_name(classes[i]),
		             cli_json_size(scsec_criteria_diff_class_count(d, classes[i])), &bad);
	cli_json_set(sum, "level-changed", cli_json_size(moved), &bad);
	cli_json_set(sum, "references-changed", cli_json_size(refs), &bad);
	cli_json_set(doc, "summary", sum, &bad);
	cli_json_set(doc, "changes", rows, &bad);
	if (!bad) {
		cli_json_dump(b, doc, JSON_INDENT(2));
		cli_buf_putc(b, '\n');
	}
	json_decref(doc);
	return bad ? SCSEC_ENOMEM : 0;
}

int cli_criteria_diff(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "id", required_argument, NULL, OPT_ID },
		{ "set-version", required_argument, NULL, OPT_SET_VERSION },
		{ "old-version", required_argument, NULL, OPT_OLD_VERSION },
		{ "new-version", required_argument, NULL, OPT_NEW_VERSION },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "json", "mapping", NULL };
	const char *format = "text", *out = NULL, *id = NULL, *version = "1", *oldv = NULL,
	           *newv = NULL, *inputs[2];
	scsec_criteria *o = NULL, *n = NULL;
	scsec_criteria_diff *d = NULL;
	scsec_mapping_set *m = NULL;
	cli_buf b = CLI_BUF_INIT, idb = CLI_BUF_INIT;
	char *xml = NULL;
	size_t size;
	int opt, rc;

	cli_cmd = "scsec criteria diff";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case OPT_ID: id = optarg; break;
		case OPT_SET_VERSION: version = optarg; break;
		case OPT_OLD_VERSION: oldv = optarg; break;
		case OPT_NEW_VERSION: newv = optarg; break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, formats, &format)) != EXIT_OK)
				return rc;
			break;
		case 'h': fputs(usage_diff, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_diff, argv, opt);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(usage_diff, argc - optind < 2 ? "OLD and NEW are required"
		                                                     : "unexpected argument '%s'",
		                       argv[argc - 1]);
	inputs[0] = cli_set_path(argv[optind]);
	inputs[1] = cli_set_path(argv[optind + 1]);
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&o, argv[optind])) != EXIT_OK ||
	    (rc = cli_load_criteria(&n, argv[optind + 1])) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if ((rc = scsec_criteria_diff_new(&d, o, n))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	if (!strcmp(format, "text")) {
		diff_text(&b, d, o, n);
	} else if (!strcmp(format, "json")) {
		if ((rc = diff_json(&b, d, o, n))) {
			rc = cli_fail(rc, NULL);
			goto out;
		}
	} else {
		if (!id) {
			cli_buf_printf(&idb, "%s-%s-to-%s-%s", scsec_criteria_id(o),
			               oldv ? oldv : scsec_criteria_version(o), scsec_criteria_id(n),
			               newv ? newv : scsec_criteria_version(n));
			id = cli_buf_str(&idb);
		}
		scsec_error_clear();
		if ((rc = scsec_criteria_diff_mapping(&m, d, id, version, oldv, newv)) ||
		    (rc = scsec_mapping_set_write_memory(&xml, &size, m))) {
			rc = cli_fail(rc, NULL);
			goto out;
		}
		cli_buf_put(&b, xml, size);
	}
	rc = cli_write_buf(out, &b, 0);
out:
	scsec_free(xml);
	scsec_mapping_set_free(m);
	scsec_criteria_diff_free(d);
	scsec_criteria_free(o);
	scsec_criteria_free(n);
	cli_buf_free(&b);
	cli_buf_free(&idb);
	return rc;
}

/* ================================================================= migrate */

static const char usage_migrate[] =
	"usage: scsec migrate RECORD --to NEW --mapping REV -o MIGRATED.xml\n"
	"           [--format text|json] [--report OUT] [-c OLD]\n"
	"\n"
	"Migrate an evidence record written against an old revision of a criteria\n"
	"set to the new revision NEW, through the revision mapping set REV (made by\n"
	"'scsec criteria diff --format mapping' and reviewed): renumbered entries\n"
	"follow their criterion, entries of removed criteria are dropped and\n"
	"reported, answers reached by anything but equal-to (reworded criteria) are\n"
	"kept and flagged for re-review, criteria of NEW nothing reaches are left\n"
	"missing. The report of every decision goes to standard output (or OUT).\n"
	"\n"
	"options:\n"
	"  --to NEW              the new revision (a built-in id or a file; required)\n"
	"  -m, --mapping REV     the revision mapping set (a built-in id or a file; required)\n"
	"  -o, --output OUT      write the migrated record to OUT (atomically); '-o -'\n"
	"                        for stdout (then --report is required)\n"
	"  --format text|json    the report's format (default text)\n"
	"  --report OUT          write the report to OUT instead of stdout\n"
	"  -c, --source OLD      the set an answer sheet (CSV) answers\n"
	CLI_USAGE_ENCODING
	CLI_USAGE_SHEET
	"  -h, --help            show this help\n";

enum { OPT_TO = 440 };

static int migration_report(cli_buf *b, const scsec_migration *r, const scsec_evidence *rec,
                            const scsec_evidence *mig, const scsec_mapping_set *m, int json)
{
	static const scsec_migration_action actions[] = {
		SCSEC_MIGRATION_KEPT, SCSEC_MIGRATION_RENUMBERED, SCSEC_MIGRATION_REVIEW,
		SCSEC_MIGRATION_REMOVED, SCSEC_MIGRATION_UNMAPPED, SCSEC_MIGRATION_LEFT_OUT,
		SCSEC_MIGRATION_MISSING
	};
	size_t i, counts[8] = { 0 };
	json_t *doc = NULL, *rows = NULL;
	int bad = 0;

	if (json) {
		doc = json_object();
		rows = json_array();
		bad = !doc || !rows;
		cli_json_set(doc, "mapping", cli_json_text(scsec_mapping_set_id(m)), &bad);
		cli_json_set(doc, "mapping-version", cli_json_text(scsec_mapping_set_version(m)), &bad);
		cli_json_set(doc, "provisional", json_boolean(scsec_mapping_set_provisional(m)), &bad);
		cli_json_set(doc, "criteria", cli_json_text(scsec_evidence_criteria_id(mig)), &bad);
		cli_json_set(doc, "version", cli_json_text(scsec_evidence_criteria_version(mig)), &bad);
	} else {
		cli_buf_textf(b, "migration through %s %s%s to %s %s\n", scsec_mapping_set_id(m),
		              scsec_mapping_set_version(m),
		              scsec_mapping_set_provisional(m) ? " (provisional)" : "",
		              scsec_evidence_criteria_id(mig), scsec_evidence_criteria_version(mig));
	}
	for (i = 0; i < scsec_migration_count(r); i++) {
		const char *oid, *nid;
		scsec_migration_action a;
		const scsec_entry *oe, *ne;

		scsec_migration_get(&oid, &nid, &a, r, i);
		counts[a]++;
		oe = oid ? scsec_evidence_entry(rec, oid) : NULL;
		ne = nid ? scsec_evidence_entry(mig, nid) : NULL;
		if (rows) {
			json_t *row = json_object();

			cli_json_set(row, "action", cli_json_text(scsec_migration_action_name(a)), &bad);
			cli_json_set(row, "old", oid ? cli_json_text(oid) : json_null(), &bad);
			cli_json_set(row, "new", nid ? cli_json_text(nid) : json_null(), &bad);
			cli_json_set(row, "old-status",
			             oe && scsec_entry_status(oe) ? cli_json_text(scsec_status_name(scsec_entry_status(oe)))
			                                          : json_null(), &bad);
			cli_json_set(row, "new-status",
			             ne && scsec_entry_status(ne) ? cli_json_text(scsec_status_name(scsec_entry_status(ne)))
			                                          : json_null(), &bad);
			cli_json_push(rows, row, &bad);
		} else {
			cli_buf_textf(b, "%-10s %s", scsec_migration_action_name(a), oid ? oid : nid);
			if (nid && oid && strcmp(oid, nid))
				cli_buf_textf(b, " -> %s", nid);
			if (ne && scsec_entry_status(ne))
				cli_buf_textf(b, "  %s", scsec_status_name(scsec_entry_status(ne)));
			cli_buf_putc(b, '\n');
		}
	}
	if (doc) {
		json_t *sum = json_object();

		for (i = 0; i < sizeof actions / sizeof actions[0]; i++)
			cli_json_set(sum, scsec_migration_action_name(actions[i]),
			             cli_json_size(counts[actions[i]]), &bad);
		cli_json_set(doc, "summary", sum, &bad);
		cli_json_set(doc, "decisions", rows, &bad);
		if (!bad) {
			cli_json_dump(b, doc, JSON_INDENT(2));
			cli_buf_putc(b, '\n');
		}
		json_decref(doc);
		return bad ? SCSEC_ENOMEM : 0;
	}
	cli_buf_puts(b, "summary:");
	for (i = 0; i < sizeof actions / sizeof actions[0]; i++)
		cli_buf_textf(b, "%s %zu %s", i ? "," : "", counts[actions[i]],
		              scsec_migration_action_name(actions[i]));
	cli_buf_putc(b, '\n');
	return 0;
}

int cmd_migrate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "to", required_argument, NULL, OPT_TO },
		{ "mapping", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "report", required_argument, NULL, OPT_REPORT },
		{ "source", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "json", NULL };
	const char *to = NULL, *mapping = NULL, *out = NULL, *format = "text", *report = NULL,
	           *source_set = NULL, *record, *inputs[4];
	scsec_mapping_set *m = NULL;
	scsec_criteria *target = NULL, *source = NULL;
	scsec_evidence *ev = NULL, *mig = NULL;
	scsec_migration *r = NULL;
	scsec_diagnostics *diags = NULL;
	cli_buf b = CLI_BUF_INIT;
	char *xml = NULL;
	size_t size = 0;
	int opt, rc;

	cli_cmd = "scsec migrate";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":m:o:c:h", options, NULL)) != -1) {
		switch (opt) {
		case OPT_TO: to = optarg; break;
		case 'm': mapping = optarg; break;
		case 'o': out = optarg; break;
		case 'c': source_set = optarg; break;
		case OPT_REPORT: report = optarg; break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, formats, &format)) != EXIT_OK)
				return rc;
			break;
		case OPT_ENCODING:
			if ((rc = cli_set_encoding(optarg)) != EXIT_OK)
				return rc;
			break;
		case OPT_SHEET:
			if ((rc = cli_set_sheet(optarg)) != EXIT_OK)
				return rc;
			break;
		case 'h': fputs(usage_migrate, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_migrate, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_migrate, "no RECORD given");
	record = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_migrate, "unexpected argument '%s'", argv[optind]);
	if (!to)
		return cli_usage_error(usage_migrate, "--to NEW is required");
	if (!mapping)
		return cli_usage_error(usage_migrate, "--mapping REV is required");
	if (!out)
		return cli_usage_error(usage_migrate, "-o MIGRATED.xml is required ('-o -' for stdout)");
	if (!strcmp(out, "-") && (!report || !strcmp(report, "-")))
		return cli_usage_error(usage_migrate, "with '-o -', --report OUT must name a file");
	inputs[0] = record;
	inputs[1] = mapping;
	inputs[2] = cli_set_path(to);
	inputs[3] = cli_set_path(source_set);
	if ((rc = cli_check_output(out, inputs, 4)) != EXIT_OK ||
	    (rc = cli_check_output(report, inputs, 4)) != EXIT_OK)
		return rc;
	if (report && !strcmp(report, out)) {
		cli_errorf("the report and the record cannot both go to '%s'", out);
		return EXIT_USAGE;
	}
	if ((rc = cli_load_mapping(&m, mapping)) != EXIT_OK ||
	    (rc = cli_load_criteria(&target, to)) != EXIT_OK)
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
	if ((rc = scsec_evidence_migrate(&mig, &r, ev, m, target, diags))) {
		rc = cli_fail(rc, diags);
		goto out;
	}
	cli_print_diags(diags);
	scsec_error_clear();
	if ((rc = scsec_evidence_set_tool(mig, cli_tool_name())) ||
	    (rc = scsec_evidence_write_memory(&xml, &size, mig)) ||
	    (rc = migration_report(&b, r, ev, mig, m, !strcmp(format, "json")))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	if ((rc = cli_write_output(out, xml, size, 1)) == EXIT_OK)
		rc = cli_write_buf(report, &b, 0);
	if (rc == EXIT_OK && scsec_mapping_set_provisional(m))
		cli_errorf("%s is provisional: a person has not reviewed all of it", scsec_mapping_set_id(m));
out:
	scsec_free(xml);
	cli_buf_free(&b);
	scsec_migration_free(r);
	scsec_evidence_free(mig);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(diags);
	scsec_criteria_free(target);
	scsec_criteria_free(source);
	scsec_mapping_set_free(m);
	return rc;
}

/* ------------------------------------------------------------ scsec mapping export */

static const char usage_mapping[] =
	"usage: scsec mapping export SET [--format xml|oscal] [-o OUT]\n"
	"\n"
	"Write a mapping set (a built-in id, see 'scsec map --list', or a file) in\n"
	"its XML form (urn:scsec:mapping:1, the default) or as an OSCAL 1.2\n"
	"mapping-collection in JSON (doc/mapping.md, \"OSCAL\").\n"
	"\n"
	"options:\n"
	"  --format xml|oscal    default xml\n"
	"  -o, --output OUT      write to OUT (atomically) instead of stdout\n"
	"  -h, --help            show this help\n";

int cmd_mapping(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *format = "xml", *name;
	scsec_mapping_set *m = NULL;
	char *doc = NULL;
	size_t size = 0;
	int opt, rc;

	cli_cmd = "scsec mapping";
	if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(usage_mapping, stdout);
		return EXIT_OK;
	}
	if (argc < 2 || strcmp(argv[1], "export"))
		return cli_usage_error(usage_mapping, argc < 2 ? "no subcommand given (export)"
		                                               : "unknown subcommand '%s'", argv[1]);
	cli_cmd = "scsec mapping export";
	argc--, argv++;
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case OPT_FORMAT: format = optarg; break;
		case 'h': fputs(usage_mapping, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_mapping, argv, opt);
		}
	}
	if (strcmp(format, "xml") && strcmp(format, "oscal"))
		return cli_usage_error(usage_mapping, "--format must be xml or oscal, not '%s'", format);
	if (optind >= argc)
		return cli_usage_error(usage_mapping, "no SET given");
	name = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_mapping, "unexpected argument '%s'", argv[optind]);
	if ((rc = cli_load_mapping(&m, name)) != EXIT_OK)
		return rc;
	scsec_error_clear();
	rc = !strcmp(format, "oscal") ? scsec_mapping_set_oscal(&doc, &size, m)
	                              : scsec_mapping_set_write_memory(&doc, &size, m);
	rc = rc ? cli_fail(rc, NULL) : cli_write_output(out, doc, size, 0);
	scsec_free(doc);
	scsec_mapping_set_free(m);
	return rc;
}
