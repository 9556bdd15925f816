/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the command-line front end of libscsec. main and the command
 * table; the commands are in commands.c, evaluate.c and report.c, what
 * they share in common.c, render.c and text.c (see scsec.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec.h"

static const char usage_main[] =
	"usage: scsec COMMAND [ARGS]\n"
	"\n"
	"Score suppliers under METI/IPA's supply-chain security evaluation scheme.\n"
	"\n"
	"commands:\n"
	"  version         print the tool's and the library's version\n"
	"  validate        check criteria, evidence or result documents\n"
	"  criteria        list, show, export or import criteria sets\n"
	"  template        write an answer sheet (CSV) or an empty evidence record\n"
	"  import-csv      turn a filled answer sheet into an evidence record\n"
	"  import-oscal-results  turn OSCAL assessment-results into an evidence record\n"
	"  evaluate        compute the level an evidence record reaches\n"
	"  required-level  the level a contract requires, from the buyer's answers\n"
	"  batch           evaluate many evidence files, one row each\n"
	"  report          write a self-contained HTML report\n"
	"  portfolio       the buyer's view of many suppliers as of a date\n"
	"  map             carry a record's answers through a mapping set\n"
	"  migrate         carry a record to a new revision of its criteria set\n"
	"  sign            add an XML Signature to an evidence record\n"
	"  verify          check the signatures of a signed record\n"
	"  trust           build, inspect and sign trust lists of evaluation bodies\n"
	"  mapping         export a mapping set (XML, OSCAL mapping-collection)\n"
	"\n"
	"Without -c SET the built-in set " SCSEC_CRITERIA_DEFAULT " is used.\n"
	"Exit status: 0 success, 1 findings (validate errors, required level not\n"
	"reached, batch error rows), 2 usage error (also: an output that is an\n"
	"input), 3 invalid input, 4 I/O error.\n"
	"Run 'scsec COMMAND --help' for a command's options; see scsec(1).\n";

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
	{ "version", cmd_version },
	{ "validate", cmd_validate },
	{ "criteria", cmd_criteria },
	{ "template", cmd_template },
	{ "import-csv", cmd_import_csv },
	{ "import-oscal-results", cmd_import_oscal_results },
	{ "evaluate", cmd_evaluate },
	{ "required-level", cmd_required_level },
	{ "batch", cmd_batch },
	{ "report", cmd_report },
	{ "portfolio", cmd_portfolio },
	{ "map", cmd_map },
	{ "migrate", cmd_migrate },
	{ "sign", cmd_sign },
	{ "verify", cmd_verify },
	{ "trust", cmd_trust },
	{ "mapping", cmd_mapping },
};

static const command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

static int unknown_command(const char *name)
{
	cli_errorf("unknown command '%s'", name);
	fputc('\n', stderr);
	fputs(usage_main, stderr);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	const command *cmd;

	cli_init();
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage_main, stdout);
		return cli_finish(EXIT_OK);
	}
	if (!strcmp(argv[1], "help")) {
		char *help_argv[3];

		if (argc < 3) {
			fputs(usage_main, stdout);
			return cli_finish(EXIT_OK);
		}
		if (argc > 3 && !strcmp(argv[2], "criteria")) {
			/* scsec help criteria show */
			char *sub_argv[4] = { argv[2], argv[3], (char *)"--help", NULL };

			return cli_finish(cmd_criteria(3, sub_argv));
		}
		if (!(cmd = find_command(argv[2])))
			return unknown_command(argv[2]);
		help_argv[0] = argv[2];
		help_argv[1] = (char *)"--help";
		help_argv[2] = NULL;
		return cli_finish(cmd->run(2, help_argv));
	}
	if (!strcmp(argv[1], "--version"))
		return cli_finish(cmd_version(argc - 1, argv + 1));
	if (!(cmd = find_command(argv[1])))
		return unknown_command(argv[1]);
	return cli_finish(cmd->run(argc - 1, argv + 1));
}
