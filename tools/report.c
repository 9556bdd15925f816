/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the report command (the HTML itself is rendered by render.c). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec.h"

static const char usage_report[] =
	"usage: scsec report [-c SET] EVIDENCE [--as-of YYYY-MM-DD] -o REPORT.html\n"
	"                    [--target N] [--require N | --answer QUESTION=yes|no...]\n"
	"\n"
	"Evaluate EVIDENCE (.xml, .xml.gz or a .csv answer sheet) and write one\n"
	"self-contained HTML file for a supplier or a buyer: the level and its\n"
	"validity, a chart of satisfied against applicable criteria per NIST CSF\n"
	"function, the gaps with their reasons, and the provenance (engine,\n"
	"criteria set and evidence fingerprints, date). Nothing in it is fetched\n"
	"from the network.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET        a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --as-of YYYY-MM-DD        the evaluation date (default today, UTC)\n"
	"  -o, --output REPORT.html  the file to write ('-' for stdout)\n"
	"  --target N                list the gaps to level rank N\n"
	"  --require N               the contract requires level rank N\n"
	"  --answer QUESTION=yes|no  derive the required level from answers\n"
	"  --strict                  refuse a record in which the check finds errors\n"
	"  --lang LANG               language of the texts (default en)\n"
	"  --encoding ENC            the encoding of a CSV sheet (as for evaluate)\n"
	"  --sheet NAME              the sheet of an .xlsx workbook (default: the first)\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status as for evaluate: 1 when a required level is not reached.\n";

int cmd_report(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "require", required_argument, NULL, OPT_REQUIRE },
		{ "answer", required_argument, NULL, OPT_ANSWER },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *path, *inputs[2];
	scsec_evidence *ev = NULL;
	scsec_result *r = NULL;
	cli_evalopts o;
	cli_buf b = CLI_BUF_INIT;
	int opt, rc = EXIT_OK;

	cli_cmd = "scsec report";
	cli_evalopts_init(&o);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'h':
			fputs(usage_report, stdout);
			goto done;
		default:
			if ((rc = cli_evalopts_handle(&o, opt, optarg)) < 0)
				rc = cli_bad_option(usage_report, argv, opt);
		}
		if (rc != EXIT_OK)
			goto done;
	}
	if (optind >= argc) {
		rc = cli_usage_error(usage_report, "no EVIDENCE file given");
		goto done;
	}
	path = argv[optind++];
	if (optind < argc) {
		rc = cli_usage_error(usage_report, "unexpected argument '%s'", argv[optind]);
		goto done;
	}
	if (!out) {
		rc = cli_usage_error(usage_report, "-o REPORT.html is required ('-o -' for stdout)");
		goto done;
	}
	inputs[0] = path;
	inputs[1] = cli_set_path(o.set);
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		goto done;
	if ((rc = cli_evaluate_one(&o, path, &ev, &r)) != EXIT_OK)
		goto done;
	cli_render_html(&b, r, scsec_result_criteria(r), ev, path, o.lang);
	if ((rc = cli_write_buf(out, &b, 0)) == EXIT_OK)
		rc = cli_verdict_status(r, scsec_result_criteria(r));
done:
	cli_buf_free(&b);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	cli_evalopts_dispose(&o);
	return rc;
}
