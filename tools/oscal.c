/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the OSCAL commands (scsec criteria import-oscal). */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "scsec.h"

static const char usage_import_oscal[] =
	"usage: scsec criteria import-oscal CATALOG [--profile RANK=LABEL:PROFILE]...\n"
	"                                   [--with PROFILE]... [--level-prop NAME] -o OUT.xml\n"
	"\n"
	"Import a NIST OSCAL catalog (JSON or XML, OSCAL 1.0 to 1.2) as a criteria\n"
	"set: groups become categories, controls and their enhancements criteria.\n"
	"Each --profile becomes the level RANK (1 to 99) labelled LABEL, needing the\n"
	"controls the profile selects; --with gives a profile that other profiles\n"
	"import but that makes no level. Without profiles and --level-prop the\n"
	"catalog is one level, rank 1 'all' (a resolved-profile catalog loads so).\n"
	"Nothing is fetched: every import must name a file given here.\n"
	"Profile modify and merge directives are ignored (a note says so).\n"
	"\n"
	"options:\n"
	"  --profile RANK=LABEL:PROFILE  a profile as a level (repeatable)\n"
	"  --with PROFILE                a profile only imported by others (repeatable)\n"
	"  --level-prop NAME             levels from the controls' property NAME\n"
	"                                (CIS implementation groups: value IG2 = rank 2)\n"
	"  -o, --output OUT.xml          the criteria set to write ('-' for stdout;\n"
	"                                .gz compresses)\n"
	"  -h, --help                    show this help\n";

enum { OPT_PROFILE = 512, OPT_WITH, OPT_LEVEL_PROP };

#define MAX_INPUTS 130

/* RANK=LABEL:PROFILE into its parts (label and path point into a copy). */
static int parse_profile(const char *arg, int *rank, char **copy, const char **label,
                         const char **path)
{
	char *s, *eq, *colon, *end;
	long r;

	if (!(s = strdup(arg)))
		return -1;
	eq = strchr(s, '=');
	colon = eq ? strchr(eq + 1, ':') : NULL;
	if (!eq || !colon || eq == s || colon == eq + 1 || !colon[1]) {
		free(s);
		return 1;
	}
	*eq = *colon = '\0';
	r = strtol(s, &end, 10);
	if (*end || r < 1 || r > 99) {
		free(s);
		return 1;
	}
	*rank = (int)r;
	*copy = s;
	*label = eq + 1;
	*path = colon + 1;
	return 0;
}

int cli_criteria_import_oscal(int argc, char **argv)
{
	static const struct option options[] = {
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "with", required_argument, NULL, OPT_WITH },
		{ "level-prop", required_argument, NULL, OPT_LEVEL_PROP },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *catalog, *inputs[MAX_INPUTS], *level_prop = NULL;
	char *copies[MAX_INPUTS];
	size_t ninputs = 1, ncopies = 0, i;
	scsec_oscal_import *imp = NULL;
	scsec_criteria *c = NULL;
	scsec_diagnostics *diags = NULL;
	int opt, rc = EXIT_OK, nprofiles = 0;

	cli_cmd = "scsec criteria import-oscal";
	cli_getopt_reset();
	if (scsec_oscal_import_new(&imp) || scsec_diagnostics_new(&diags)) {
		scsec_oscal_import_free(imp);
		return cli_fail(SCSEC_ENOMEM, NULL);
	}
	while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1 && rc == EXIT_OK) {
		int rank = 0, r;
		const char *label = NULL, *path = optarg;
		char *copy = NULL;

		switch (opt) {
		case 'o': out = optarg; break;
		case OPT_LEVEL_PROP:
			level_prop = optarg;
			break;
		case OPT_PROFILE:
		case OPT_WITH:
			if (ninputs >= MAX_INPUTS) {
				rc = cli_usage_error(usage_import_oscal, "more than %d profiles",
				                     MAX_INPUTS - 2);
				break;
			}
			if (opt == OPT_PROFILE) {
				if ((r = parse_profile(optarg, &rank, &copy, &label, &path)) < 0) {
					rc = cli_fail(SCSEC_ENOMEM, NULL);
					break;
				}
				if (r) {
					rc = cli_value_error("--profile takes RANK=LABEL:PROFILE (rank 1 to 99), "
					                     "not '%s'", optarg);
					break;
				}
				copies[ncopies++] = copy;
				nprofiles++;
			}
			scsec_error_clear();
			if ((r = scsec_oscal_import_add_profile(imp, rank, label, path))) {
				rc = r == SCSEC_ENOMEM ? cli_fail(r, NULL)
				                       : cli_value_error("--profile %s: %s", optarg,
				                                         scsec_error_message(scsec_error_last()));
				break;
			}
			inputs[ninputs++] = path;
			break;
		case 'h': fputs(usage_import_oscal, stdout); goto done;
		default: rc = cli_bad_option(usage_import_oscal, argv, opt); break;
		}
	}
	if (rc != EXIT_OK)
		goto done;
	if (optind >= argc) {
		rc = cli_usage_error(usage_import_oscal, "no CATALOG given");
		goto done;
	}
	catalog = argv[optind++];
	if (optind < argc) {
		rc = cli_usage_error(usage_import_oscal, "unexpected argument '%s'", argv[optind]);
		goto done;
	}
	if (!out) {
		rc = cli_usage_error(usage_import_oscal, "-o OUT.xml is required ('-o -' for stdout)");
		goto done;
	}
	if (level_prop) {
		if (nprofiles) {
			rc = cli_usage_error(usage_import_oscal,
			                     "--level-prop and --profile both give levels; choose one");
			goto done;
		}
		scsec_error_clear();
		if (scsec_oscal_import_set_level_prop(imp, level_prop)) {
			rc = cli_value_error("--level-prop: '%s' is not a property name", level_prop);
			goto done;
		}
	}
	inputs[0] = catalog;
	if ((rc = cli_check_output(out, inputs, ninputs)) != EXIT_OK)
		goto done;
	scsec_error_clear();
	if ((rc = scsec_criteria_import_oscal(&c, catalog, imp, cli_load_opts, diags))) {
		rc = cli_fail(rc, diags);
		goto done;
	}
	rc = cli_write_imported(out, c, diags);
done:
	for (i = 0; i < ncopies; i++)
		free(copies[i]);
	scsec_criteria_free(c);
	scsec_oscal_import_free(imp);
	scsec_diagnostics_free(diags);
	return rc;
}

/* ================================================================ export-oscal */

static const char usage_export_oscal[] =
	"usage: scsec criteria export-oscal [SET] -o CATALOG.json\n"
	"\n"
	"Write a criteria set as an OSCAL 1.2.1 catalog (JSON) and one OSCAL\n"
	"profile per level next to it, named CATALOG_profile-RANK.json, each\n"
	"importing the catalog by its file name. 'scsec criteria import-oscal\n"
	"CATALOG.json --profile RANK=LABEL:CATALOG_profile-RANK.json...' gives\n"
	"the set back. SET is a built-in id or a file (default "
	SCSEC_CRITERIA_DEFAULT ").\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET      the same as the SET argument\n"
	"  -o, --output CATALOG.json  the catalog to write (required)\n"
	"  -h, --help              show this help\n";

/* OUT without its .json ending, then suffix. */
static char *sibling(const char *out, const char *suffix)
{
	size_t n = strlen(out), m = strlen(suffix);
	char *s;

	if (n > 5 && !strcmp(out + n - 5, ".json"))
		n -= 5;
	if (!(s = malloc(n + m + 1)))
		return NULL;
	memcpy(s, out, n);
	memcpy(s + n, suffix, m + 1);
	return s;
}

int cli_criteria_export_oscal(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *set = NULL, *out = NULL, *href, *inputs[1];
	scsec_criteria *c = NULL;
	char *doc = NULL;
	size_t size = 0, i;
	int opt, rc;

	cli_cmd = "scsec criteria export-oscal";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage_export_oscal, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_export_oscal, argv, opt);
		}
	}
	if (optind < argc)
		set = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_export_oscal, "unexpected argument '%s'", argv[optind]);
	if (!out || !strcmp(out, "-"))
		return cli_usage_error(usage_export_oscal,
		                       "-o CATALOG.json is required (the profiles are written next to it)");
	inputs[0] = cli_set_path(set);
	if ((rc = cli_check_output(out, inputs, 1)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	href = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
	scsec_error_clear();
	if ((rc = scsec_criteria_oscal_catalog(&doc, &size, c))) {
		rc = cli_fail(rc, NULL);
		goto done;
	}
	if ((rc = cli_write_output(out, doc, size, 0)) != EXIT_OK)
		goto done;
	for (i = 0; i < scsec_criteria_level_count(c); i++) {
		int rank = scsec_level_rank(scsec_criteria_level_at(c, i));
		char suffix[32], *path;

		scsec_free(doc);
		doc = NULL;
		snprintf(suffix, sizeof suffix, "_profile-%d.json", rank);
		if (!(path = sibling(out, suffix))) {
			rc = cli_fail(SCSEC_ENOMEM, NULL);
			goto done;
		}
		scsec_error_clear();
		if ((rc = scsec_criteria_oscal_profile(&doc, &size, c, rank, href))) {
			free(path);
			rc = cli_fail(rc, NULL);
			goto done;
		}
		if ((rc = cli_check_output(path, inputs, 1)) == EXIT_OK)
			rc = cli_write_output(path, doc, size, 0);
		free(path);
		if (rc != EXIT_OK)
			goto done;
	}
done:
	scsec_free(doc);
	scsec_criteria_free(c);
	return rc;
}

/* ================================================================ results */

int cli_write_oscal_result(const char *out, const scsec_result *r, const scsec_evidence *ev,
                           int poam)
{
	cli_buf b = CLI_BUF_INIT;
	char *doc = NULL;
	size_t size = 0;
	int rc;

	if (poam && !scsec_result_gap_count(r)) {
		/* NIST's POA&M schema requires at least one poam-item: there is
		 * no valid empty POA&M to write (doc/oscal.md). */
		cli_errorf("nothing to plan: the result has no gaps (level %s reached, none above it "
		           "to aim at), and an OSCAL POA&M needs at least one poam-item; nothing "
		           "written",
		           scsec_result_level_label(r) ? scsec_result_level_label(r) : "none");
		return EXIT_FINDINGS;
	}
	scsec_error_clear();
	rc = poam ? scsec_result_oscal_poam(&doc, &size, r, ev)
	          : scsec_result_oscal_assessment_results(&doc, &size, r, ev);
	if (rc)
		return cli_fail(rc, NULL);
	/* as --format json: the characters JSON's escapes leave raw escaped too */
	cli_json_filter(&b, doc, size);
	scsec_free(doc);
	rc = cli_write_buf(out, &b, 0);
	cli_buf_free(&b);
	return rc;
}

/* ================================================================ import-oscal-results */

static const char usage_import_results[] =
	"usage: scsec import-oscal-results AR.json [-c SET] -o EVIDENCE.xml [--format xml|json]\n"
	"\n"
	"Turn OSCAL assessment-results (JSON or XML), as a GRC tool writes them,\n"
	"into an evidence record for SET: each finding on a criterion becomes an\n"
	"entry (satisfied: met, not-satisfied: not-met), its observation giving\n"
	"the method (TEST: third-party, EXAMINE: expert-reviewed, INTERVIEW:\n"
	"self-assessment), the assessed date (collected), the expiry (expires) and\n"
	"the assessor (origin party). What has no place in a record is reported.\n"
	"SET is a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ").\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET       the set the record answers\n"
	"  -o, --output EVIDENCE.xml  the record to write ('-' for stdout; .gz\n"
	"                           compresses)\n"
	"  --format xml|json        the record's form (default xml, or json when the\n"
	"                           output ends in .json or .json.gz)\n"
	"  -h, --help               show this help\n";

int cmd_import_oscal_results(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *set = NULL, *out = NULL, *in, *inputs[2], *form = NULL;
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL;
	scsec_diagnostics *diags = NULL;
	int opt, rc, format;

	cli_cmd = "scsec import-oscal-results";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': set = optarg; break;
		case 'o': out = optarg; break;
		case OPT_FORMAT: form = optarg; break;
		case 'h': fputs(usage_import_results, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_import_results, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_import_results, "no AR.json given");
	in = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_import_results, "unexpected argument '%s'", argv[optind]);
	if (!out)
		return cli_usage_error(usage_import_results,
		                       "-o EVIDENCE.xml is required ('-o -' for stdout)");
	if ((rc = cli_record_format(&format, form, out)) != EXIT_OK)
		return rc;
	inputs[0] = in;
	inputs[1] = cli_set_path(set);
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	if (scsec_diagnostics_new(&diags)) {
		scsec_criteria_free(c);
		return cli_fail(SCSEC_ENOMEM, NULL);
	}
	scsec_error_clear();
	if ((rc = scsec_evidence_import_oscal_results(&ev, in, c, cli_load_opts, diags))) {
		rc = cli_fail(rc, diags);
		goto done;
	}
	cli_print_diags(diags);
	rc = cli_write_record(out, ev, format);
done:
	scsec_evidence_free(ev);
	scsec_criteria_free(c);
	scsec_diagnostics_free(diags);
	return rc;
}
