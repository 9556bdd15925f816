/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the command-line front end of libscsec. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <scsec/scsec.h>

enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_IO = 4 };

static void usage(FILE *fp)
{
	fputs("usage: scsec COMMAND [ARGS]\n"
	      "\n"
	      "commands:\n"
	      "  version      print the tool's and the library's version\n"
	      "\n"
	      "Run 'scsec COMMAND --help' for a command's options.\n",
	      fp);
}

static int cmd_version(int argc, char **argv)
{
	if (argc > 1) {
		if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
			puts("usage: scsec version");
			return EXIT_OK;
		}
		fprintf(stderr, "scsec version: unexpected argument '%s'\n", argv[1]);
		return EXIT_USAGE;
	}
	printf("scsec %s (libscsec %s)\n", PACKAGE_VERSION, scsec_version_string());
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version"))
		return cmd_version(argc - 1, argv + 1);
	fprintf(stderr, "scsec: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
