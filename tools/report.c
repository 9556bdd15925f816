/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the report command (the HTML itself is rendered by render.c). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scsec.h"

static const char usage_report[] =
	"usage: scsec report [-c SET] EVIDENCE [--as-of YYYY-MM-DD] -o REPORT.html|REPORT.pdf\n"
	"                    [--target N] [--require N | --answer QUESTION=yes|no...]\n"
	"                    [--project] [--format html|pdf]\n"
	"       scsec report [-c SET] RESULT -o REPORT.html\n"
	"\n"
	"Evaluate EVIDENCE (.xml, .xml.gz or a .csv answer sheet) and write one\n"
	"self-contained HTML file for a supplier or a buyer: the level and its\n"
	"validity, a chart of satisfied against applicable criteria per NIST CSF\n"
	"function, the gaps with their reasons, and the provenance (engine,\n"
	"criteria set and evidence fingerprints, date). Nothing in it is fetched\n"
	"from the network. Given a RESULT document instead (what evaluate\n"
	"--format xml|json wrote, told by content), report it as it stands,\n"
	"without evaluating; -c names the set it was computed with.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET        a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --as-of YYYY-MM-DD        the evaluation date (default today, UTC)\n"
	"  -o, --output REPORT.html  the file to write ('-' for stdout)\n"
	"  --format html|pdf         html (the default; pdf when REPORT ends in .pdf):\n"
	"                            pdf prints the page through headless chromium\n"
	"                            (SCSEC_CHROMIUM, else chromium on PATH)\n"
	"  --project                 add the projected date of each level not met\n"
	"  --target N                list the gaps to level rank N\n"
	"  --require N               the contract requires level rank N\n"
	"  --answer QUESTION=yes|no  derive the required level from answers\n"
	"  --strict                  refuse a record in which the check finds errors\n"
	CLI_USAGE_TRUST
	"  --lang LANG               language of the report (default en; ja)\n"
	"  --encoding ENC            the encoding of a CSV sheet (as for evaluate)\n"
	"  --sheet NAME              the sheet of an .xlsx workbook (default: the first that fits)\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status as for evaluate: 1 when a required level is not reached.\n";

/* ------------------------------------------------------------ PDF */

/* How long chromium may take to print a report. */
#define PDF_SECONDS 120

typedef struct pdf_job {
	const cli_buf *html;
	const char *chromium;
} pdf_job;

/* The chromium to print with: $SCSEC_CHROMIUM, else the first of the usual
 * names on PATH; NULL when there is none. The result is static. */
static const char *find_chromium(void)
{
	static const char *const names[] = { "chromium", "chromium-browser", "google-chrome",
		                             "google-chrome-stable" };
	static char found[PATH_MAX];
	const char *env = getenv("SCSEC_CHROMIUM"), *path = getenv("PATH");
	size_t i;

	if (env && *env)
		return access(env, X_OK) ? NULL : env;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *p = path && *path ? path : "/usr/bin:/bin";

		while (*p) {
			size_t n = strcspn(p, ":");

			if (n && snprintf(found, sizeof found, "%.*s/%s", (int)n, p, names[i]) <
			             (int)sizeof found &&
			    !access(found, X_OK))
				return found;
			p += n + (p[n] == ':');
		}
	}
	return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Write the HTML beside the PDF to be made, have chromium print it
 * (headless, its own profile, no header or footer), wait for it within
 * PDF_SECONDS, and leave only the PDF behind. */
static int make_pdf(const char *out, void *ctx)
{
	const pdf_job *job = ctx;
	char dir[PATH_MAX], html[PATH_MAX + 16], profile[PATH_MAX + 16], url[PATH_MAX + 32],
	     print[PATH_MAX + 32], data_dir[PATH_MAX + 32];
	const char *argv[16];
	struct stat st;
	int argc = 0, status = 0, rc = EXIT_OK;
	pid_t pid, done = 0;
	time_t start;
	char *slash;

	snprintf(dir, sizeof dir, "%s", out);
	if ((slash = strrchr(dir, '/')))
		*slash = '\0';
	snprintf(html, sizeof html, "%s/report.html", dir);
	snprintf(profile, sizeof profile, "%s/profile", dir);
	if (scsec_file_write(html, cli_buf_str(job->html), job->html->len, 0)) {
		cli_errorf("cannot write the page to print: %s", scsec_error_message(scsec_error_last()));
		return EXIT_IO;
	}
	snprintf(url, sizeof url, "file://%s", html);
	snprintf(print, sizeof print, "--print-to-pdf=%s", out);
	snprintf(data_dir, sizeof data_dir, "--user-data-dir=%s", profile);
	argv[argc++] = job->chromium;
	argv[argc++] = "--headless";
	if (geteuid() == 0)
		argv[argc++] = "--no-sandbox"; /* chromium refuses to run as root otherwise */
	argv[argc++] = "--disable-gpu";
	argv[argc++] = "--no-first-run";
	argv[argc++] = "--disable-extensions";
	argv[argc++] = "--no-pdf-header-footer";
	argv[argc++] = "--print-to-pdf-no-header";
	argv[argc++] = data_dir;
	argv[argc++] = print;
	argv[argc++] = url;
	argv[argc] = NULL;
	fflush(NULL);
	if ((pid = fork()) < 0) {
		cli_errorf("cannot start %s: %s", job->chromium, strerror(errno));
		rc = EXIT_IO;
		goto out;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	start = time(NULL);
	while ((done = waitpid(pid, &status, WNOHANG)) == 0 && time(NULL) - start < PDF_SECONDS) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	if (done == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		cli_errorf("%s did not print the report within %d seconds", job->chromium, PDF_SECONDS);
		rc = EXIT_IO;
	} else if (done < 0 || !WIFEXITED(status) || WEXITSTATUS(status) || stat(out, &st) ||
	           st.st_size < 5) {
		cli_errorf("%s could not print the report to PDF (exit status %d)", job->chromium,
		           done > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		rc = EXIT_IO;
	}
out:
	unlink(html);
	nftw(profile, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
}

/* Print the report to PDF (-o OUT, atomically, as every output). */
static int write_pdf(const char *out, const cli_buf *html)
{
	pdf_job job = { html, find_chromium() };

	if (!job.chromium) {
		cli_errorf("--format pdf needs chromium (Debian: apt install chromium; or name it in "
		           "SCSEC_CHROMIUM); without it, write the HTML report and print it to PDF from "
		           "a browser, or run: chromium --headless --print-to-pdf=REPORT.pdf REPORT.html");
		return EXIT_IO;
	}
	return cli_write_made(out, make_pdf, &job);
}

int cmd_report(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "require", required_argument, NULL, OPT_REQUIRE },
		{ "answer", required_argument, NULL, OPT_ANSWER },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "project", no_argument, NULL, OPT_PROJECT },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "output", required_argument, NULL, 'o' },
		CLI_TRUST_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "html", "pdf", NULL };
	const char *out = NULL, *path, *inputs[2], *format = NULL;
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
		case OPT_FORMAT:
			rc = cli_parse_format(optarg, formats, &format);
			break;
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
	if (!format) {
		size_t n = strlen(out);

		format = n > 4 && !strcasecmp(out + n - 4, ".pdf") ? "pdf" : "html";
	}
	inputs[0] = path;
	inputs[1] = cli_set_path(o.set);
	if ((rc = cli_check_output(out, inputs, 2)) != EXIT_OK)
		goto done;
	if (cli_is_result_file(path)) {
		if (o.as_of_text || o.target || o.require || o.nanswers || o.strict || o.trust) {
			rc = cli_usage_error(usage_report, "%s is a result: --as-of, --target, "
			                     "--require, --answer, --strict and --trust apply to evidence",
			                     path);
			goto done;
		}
		if ((rc = cli_load_result(&r, o.set, path)) != EXIT_OK)
			goto done;
	} else if ((rc = cli_evaluate_one(&o, path, &ev, &r)) != EXIT_OK) {
		goto done;
	}
	cli_render_html(&b, r, scsec_result_criteria(r), ev, path, o.lang);
	if (!strcmp(format, "pdf"))
		rc = write_pdf(out, &b);
	else
		rc = cli_write_buf(out, &b, 0);
	if (rc == EXIT_OK)
		rc = cli_verdict_status(r, scsec_result_criteria(r));
done:
	cli_buf_free(&b);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	cli_evalopts_dispose(&o);
	return rc;
}
