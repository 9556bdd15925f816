/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: what every command shares: messages and diagnostics, exit
 * statuses, loading a criteria set (-c SET) and an evidence record, option
 * helpers, evaluating a record, and writing outputs (atomically through
 * scsec_file_write for -o, else to stdout; never onto an input; no
 * temporary file left by a signal). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scsec.h"

const char *cli_cmd = "scsec";

/* ------------------------------------------------------------ messages */

void cli_print_line(FILE *fp, const char *line)
{
	cli_buf b = CLI_BUF_INIT;

	cli_buf_text(&b, line);
	fputs(b.failed ? "(out of memory)" : cli_buf_str(&b), fp);
	fputc('\n', fp);
	cli_buf_free(&b);
}

/* "scsec CMD: message" on stderr, the message shown by the rule. */
static void vmessage(const char *fmt, va_list ap)
{
	cli_buf msg = CLI_BUF_INIT;

	cli_buf_printf(&msg, "%s: ", cli_cmd);
	cli_buf_vprintf(&msg, fmt, ap);
	cli_print_line(stderr, cli_buf_str(&msg));
	cli_buf_free(&msg);
}

void cli_errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	if (usage) {
		fputc('\n', stderr);
		fputs(usage, stderr);
	}
	return EXIT_USAGE;
}

int cli_value_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Run '%s --help' for the options.\n", cli_cmd);
	return EXIT_USAGE;
}

int cli_status(int code)
{
	switch (code) {
	case SCSEC_OK:
		return EXIT_OK;
	case SCSEC_EIO:
	case SCSEC_ENOMEM:
	case SCSEC_ECRYPTO:
		return EXIT_IO;
	default:
		/* EPARSE, ESCHEMA, EINVALID, EENCODING, EUNSAFE, ELIMIT, EVERSION,
		 * EDATE, EMISMATCH, ENOTFOUND, EEXISTS, EINVAL, ERROR: the input. */
		return EXIT_INPUT;
	}
}

void cli_print_diags(const scsec_diagnostics *diags)
{
	size_t i, n = scsec_diagnostics_count(diags);

	for (i = 0; i < n; i++) {
		const scsec_diagnostic *d = scsec_diagnostics_at(diags, i);
		char *s = NULL;

		if (scsec_diagnostic_format(&s, d) == 0 && s)
			cli_print_line(stderr, s);
		else
			cli_print_line(stderr, scsec_diagnostic_message(d));
		scsec_free(s);
	}
}

/* "file:line:column: SEVERITY message", leaving out the unknown parts. */
static void located_text(cli_buf *b, const scsec_error *e, const char *severity)
{
	if (scsec_error_file(e)) {
		cli_buf_puts(b, scsec_error_file(e));
		if (scsec_error_line(e)) {
			cli_buf_printf(b, ":%lu", scsec_error_line(e));
			if (scsec_error_column(e))
				cli_buf_printf(b, ":%lu", scsec_error_column(e));
		}
		cli_buf_puts(b, ": ");
	}
	cli_buf_puts(b, severity);
	cli_buf_puts(b, scsec_error_message(e));
}

void cli_last_error_text(cli_buf *b, int code)
{
	const scsec_error *e = scsec_error_last();

	if (scsec_error_code(e) != code)
		cli_buf_puts(b, scsec_strerror(code));
	else
		located_text(b, e, "");
}

int cli_fail(int code, const scsec_diagnostics *diags)
{
	cli_print_diags(diags);
	if (!scsec_diagnostics_count_severity(diags, SCSEC_SEVERITY_ERROR)) {
		const scsec_error *e = scsec_error_last();
		cli_buf b = CLI_BUF_INIT;

		if (scsec_error_code(e) == code && scsec_error_file(e))
			located_text(&b, e, "error: ");
		if (b.len && !b.failed)
			cli_print_line(stderr, b.data);
		else
			cli_errorf("%s", scsec_error_code(e) == code ? scsec_error_message(e)
			                                             : scsec_strerror(code));
		cli_buf_free(&b);
	}
	return cli_status(code);
}

/* ------------------------------------------------------------ inputs */

int cli_has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix);

	return n >= m && !strcasecmp(path + n - m, suffix);
}

int cli_is_sheet(const char *path)
{
	return cli_has_suffix(path, ".csv") || cli_has_suffix(path, ".csv.gz");
}

int cli_load_criteria(scsec_criteria **out, const char *set)
{
	scsec_diagnostics *diags = NULL;
	size_t i;
	int rc;

	*out = NULL;
	if (!set)
		set = SCSEC_CRITERIA_DEFAULT;
	for (i = 0; i < scsec_criteria_builtin_count(); i++) {
		if (!strcmp(set, scsec_criteria_builtin_id(i))) {
			scsec_error_clear();
			rc = scsec_criteria_builtin(out, set);
			return rc ? cli_fail(rc, NULL) : EXIT_OK;
		}
	}
	if ((rc = scsec_diagnostics_new(&diags)))
		return cli_fail(rc, NULL);
	scsec_error_clear();
	rc = scsec_criteria_load_file(out, set, NULL, diags);
	if (rc == SCSEC_EIO) {
		struct stat st;

		if (stat(set, &st) != 0) {
			cli_buf ids = CLI_BUF_INIT;

			for (i = 0; i < scsec_criteria_builtin_count(); i++) {
				if (i)
					cli_buf_puts(&ids, ", ");
				cli_buf_puts(&ids, scsec_criteria_builtin_id(i));
			}
			cli_errorf("criteria set '%s' is neither a built-in set (%s; see 'scsec criteria "
			           "list') nor a readable file: %s",
			           set, ids.data ? ids.data : "none", strerror(errno));
			cli_buf_free(&ids);
			scsec_diagnostics_free(diags);
			return EXIT_IO;
		}
	}
	if (rc) {
		rc = cli_fail(rc, diags);
		scsec_diagnostics_free(diags);
		return rc;
	}
	/* Warnings of a set that loaded are still worth seeing. */
	cli_print_diags(diags);
	scsec_diagnostics_free(diags);
	return EXIT_OK;
}

const scsec_load_options *cli_load_opts;
static scsec_load_options *load_opts;

int cli_set_encoding(const char *name)
{
	scsec_encoding e;

	if (scsec_encoding_parse(&e, name))
		return cli_value_error("--encoding: %s", scsec_error_message(scsec_error_last()));
	if (!load_opts && scsec_load_options_new(&load_opts))
		return cli_fail(SCSEC_ENOMEM, NULL);
	scsec_load_options_set(load_opts, SCSEC_LOAD_ENCODING, (uint64_t)e);
	cli_load_opts = load_opts;
	return EXIT_OK;
}

int cli_set_sheet(const char *name)
{
	if (!load_opts && scsec_load_options_new(&load_opts))
		return cli_fail(SCSEC_ENOMEM, NULL);
	if (scsec_load_options_set_sheet(load_opts, name))
		return cli_value_error("--sheet: %s", scsec_error_message(scsec_error_last()));
	cli_load_opts = load_opts;
	return EXIT_OK;
}

scsec_file_kind cli_file_kind(const char *path)
{
	scsec_file_kind kind;

	return scsec_file_detect(&kind, path, cli_load_opts) ? SCSEC_FILE_UNKNOWN : kind;
}

int cli_load_evidence(scsec_evidence **out, const char *path, const scsec_criteria *criteria,
                      scsec_diagnostics *diags)
{
	*out = NULL;
	scsec_error_clear();
	return scsec_evidence_load_any(out, path, criteria, cli_load_opts, diags);
}

/* ------------------------------------------------------------ finding input files */

/* A candidate: a name batch and portfolio read when they find it in a directory. */
static int wanted_file(const char *name)
{
	return cli_has_suffix(name, ".xml") || cli_has_suffix(name, ".xml.gz") || cli_is_sheet(name);
}

/* What a node that is not a regular file is, for its error row. */
static const char *node_kind(mode_t mode)
{
	return S_ISDIR(mode)    ? "a directory"
	       : S_ISFIFO(mode) ? "a FIFO"
	       : S_ISSOCK(mode) ? "a socket"
	       : S_ISCHR(mode)  ? "a character device"
	       : S_ISBLK(mode)  ? "a block device"
	                        : "not a regular file";
}

static int compare_found(const void *a, const void *b)
{
	return strcmp(((const cli_file *)a)->path, ((const cli_file *)b)->path);
}

/* Take path (malloc'ed) and a copy of the error, printf-style. */
static int found_add(cli_files *fs, char *path, const char *fmt, ...) CLI_PRINTF(3, 4);
static int found_add(cli_files *fs, char *path, const char *fmt, ...)
{
	char *error = NULL;

	if (!path)
		return -1;
	if (fmt) {
		cli_buf msg = CLI_BUF_INIT;
		va_list ap;

		va_start(ap, fmt);
		cli_buf_vprintf(&msg, fmt, ap);
		va_end(ap);
		if (msg.failed || !(error = msg.data)) {
			cli_buf_free(&msg);
			free(path);
			return -1;
		}
	}
	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? fs->cap * 2 : 64;
		cli_file *v = realloc(fs->v, cap * sizeof *v);

		if (!v) {
			free(path);
			free(error);
			return -1;
		}
		fs->v = v;
		fs->cap = cap;
	}
	fs->v[fs->n].path = path;
	fs->v[fs->n].error = error;
	fs->n++;
	return 0;
}

/* An entry for path (copied) with error (copied, or NULL). */
static void files_error(cli_files *fs, const char *path, const char *error)
{
	if (!fs->oom && found_add(fs, strdup(path), error ? "%s" : NULL, error))
		fs->oom = 1;
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir), m = strlen(name);
	char *p = malloc(n + m + 2);

	if (!p)
		return NULL;
	memcpy(p, dir, n);
	if (n && dir[n - 1] != '/')
		p[n++] = '/';
	memcpy(p + n, name, m + 1);
	return p;
}

/* Classify one directory entry (never opening it). Candidates that cannot
 * be read -- a dangling link, a FIFO, a directory or a link to one named
 * like an evidence file, a node that vanished or cannot be examined --
 * become error rows, so that no supplier silently goes missing. Returns 1
 * when child is a directory to search (the caller keeps child), 0 when
 * child was taken or freed, -1 when out of memory. */
static int classify(char *child, const char *name, cli_files *found, int *unexamined)
{
	struct stat lst, st;
	int wanted = wanted_file(name);

	if (lstat(child, &lst) != 0) {
		if (wanted)
			return found_add(found, child, "cannot examine: %s", strerror(errno));
		*unexamined = errno;
		free(child);
		return 0;
	}
	if (S_ISDIR(lst.st_mode)) {
		if (wanted) {
			char *copy = strdup(child);

			if (found_add(found, copy, "a directory, not an evidence file (its files are "
			                           "searched all the same)"))
				return -1;
		}
		return 1;
	}
	if (S_ISLNK(lst.st_mode)) {
		/* Links to directories are not followed: no cycles. */
		if (!wanted) {
			free(child);
			return 0;
		}
		if (stat(child, &st) != 0)
			return found_add(found, child, "a symbolic link whose target cannot be read: %s",
			                 strerror(errno));
		if (S_ISREG(st.st_mode))
			return found_add(found, child, NULL);
		return found_add(found, child, "a symbolic link to %s, not an evidence file%s",
		                 node_kind(st.st_mode),
		                 S_ISDIR(st.st_mode) ? " (links to directories are not followed)" : "");
	}
	if (!wanted) {
		free(child);
		return 0;
	}
	if (S_ISREG(lst.st_mode))
		return found_add(found, child, NULL);
	return found_add(found, child, "%s, not an evidence file: not read", node_kind(lst.st_mode));
}

/* Collect the evidence files under a directory. Unreadable directories
 * become error rows, added at once; the files are sorted afterwards. */
static void walk(const char *dir, int depth, cli_files *found, cli_files *errors)
{
	DIR *d;
	struct dirent *de;
	int unexamined = 0;

	if (depth > 64) {
		files_error(errors, dir, "directories nested too deeply (more than 64 levels)");
		return;
	}
	if (!(d = opendir(dir))) {
		char msg[256];

		snprintf(msg, sizeof msg, "cannot read the directory: %s", strerror(errno));
		files_error(errors, dir, msg);
		return;
	}
	while ((de = readdir(d))) {
		char *child;
		int rc;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (!(child = join_path(dir, de->d_name))) {
			errors->oom = 1;
			break;
		}
		rc = classify(child, de->d_name, found, &unexamined);
		if (rc < 0) {
			errors->oom = 1;
			break;
		}
		if (rc > 0) {
			walk(child, depth + 1, found, errors);
			free(child);
		}
	}
	closedir(d);
	if (unexamined) {
		/* Entries whose type could not be read (a directory without search
		 * permission): what they hold is unknown, so say so. */
		char msg[256];

		snprintf(msg, sizeof msg, "cannot examine the directory's entries: %s",
		         strerror(unexamined));
		files_error(errors, dir, msg);
	}
}

/* A PATH operand: a directory is searched; anything else is read whatever
 * its name, if it is a regular file (a FIFO would never end). */
void cli_collect(const char *path, cli_files *out)
{
	struct stat st;
	cli_files found = CLI_FILES_INIT;
	size_t i;

	if (stat(path, &st) != 0) {
		char msg[256];

		snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
		files_error(out, path, msg);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		char msg[256];

		snprintf(msg, sizeof msg, "%s, not an evidence file: not read", node_kind(st.st_mode));
		files_error(out, path, S_ISREG(st.st_mode) ? NULL : msg);
		return;
	}
	/* The directory's errors come first, then its files, sorted. */
	walk(path, 0, &found, out);
	if (found.oom)
		out->oom = 1;
	if (found.n)
		qsort(found.v, found.n, sizeof *found.v, compare_found);
	for (i = 0; i < found.n; i++) {
		if (!out->oom && found_add(out, found.v[i].path, found.v[i].error ? "%s" : NULL,
		                           found.v[i].error))
			out->oom = 1;
		else if (out->oom)
			free(found.v[i].path);
		free(found.v[i].error);
	}
	free(found.v);
}

void cli_files_free(cli_files *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].path);
		free(fs->v[i].error);
	}
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

/* Just before reading: the file must still be a regular file, looked at
 * through a descriptor opened without blocking (a FIFO put in its place
 * since it was found is not waited on). NULL when it is, else the error. */
char *cli_check_regular(const char *path)
{
	struct stat st;
	char msg[256];
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	if (fd < 0) {
		snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
		return strdup(msg);
	}
	if (fstat(fd, &st) != 0) {
		snprintf(msg, sizeof msg, "cannot examine: %s", strerror(errno));
		close(fd);
		return strdup(msg);
	}
	close(fd);
	if (S_ISREG(st.st_mode))
		return NULL;
	snprintf(msg, sizeof msg, "%s, not an evidence file: not read", node_kind(st.st_mode));
	return strdup(msg);
}

/* The first error of the list, or the last error, as one line. */
char *cli_error_text(int code, const scsec_diagnostics *diags)
{
	size_t i, n = scsec_diagnostics_count(diags);
	cli_buf b = CLI_BUF_INIT;
	char *s = NULL;

	for (i = 0; i < n; i++) {
		const scsec_diagnostic *d = scsec_diagnostics_at(diags, i);

		if (scsec_diagnostic_severity(d) != SCSEC_SEVERITY_ERROR)
			continue;
		if (scsec_diagnostic_format(&s, d) == 0 && s) {
			/* "file:line:col: error: message" -> keep it whole */
			cli_buf_puts(&b, s);
			scsec_free(s);
			if (scsec_diagnostics_total(diags, SCSEC_SEVERITY_ERROR) > 1)
				cli_buf_printf(&b, " (and %zu more)",
				               scsec_diagnostics_total(diags, SCSEC_SEVERITY_ERROR) - 1);
			break;
		}
	}
	if (!b.len)
		cli_last_error_text(&b, code);
	if (b.failed) {
		cli_buf_free(&b);
		return strdup(scsec_strerror(code));
	}
	return b.data ? b.data : strdup(scsec_strerror(code));
}

/* ------------------------------------------------------------ options */

void cli_getopt_reset(void)
{
	optind = 0; /* GNU: a full re-initialisation */
	opterr = 0;
}

int cli_bad_option(const char *usage, char **argv, int ret)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	char shortopt[3] = { '-', (char)optopt, '\0' };

	if (optopt > 0 && optopt < 128 && arg[0] == '-' && arg[1] != '-')
		arg = shortopt;
	if (ret == ':')
		return cli_usage_error(usage, "option '%s' needs a value", arg);
	return cli_usage_error(usage, "unknown option, or an option used wrongly: '%s'", arg);
}

int cli_check_text_option(const char *option, const char *value)
{
	cli_buf what = CLI_BUF_INIT;
	unsigned long cp;
	int rc;

	if (!cli_text_unsafe(value, &cp))
		return EXIT_OK;
	cli_buf_unsafe_char(&what, cp);
	rc = cli_value_error("%s '%s': holds %s; give it on one line, without control "
	                     "characters",
	                     option, value, cli_buf_str(&what));
	cli_buf_free(&what);
	return rc;
}

int cli_parse_date(const char *option, const char *text, scsec_date *out)
{
	scsec_error_clear();
	if (scsec_date_parse(out, text) == 0)
		return EXIT_OK;
	return cli_value_error("%s '%s': %s (write the date as YYYY-MM-DD)", option, text,
	                       scsec_error_code(scsec_error_last())
	                           ? scsec_error_message(scsec_error_last())
	                           : "not a valid date");
}

int cli_parse_long(const char *option, const char *text, long min, long max,
                   long *out)
{
	char *end;
	long v;

	errno = 0;
	if (text[0] < '0' || text[0] > '9')
		goto bad;
	v = strtol(text, &end, 10);
	if (errno || *end || v < min || v > max)
		goto bad;
	*out = v;
	return EXIT_OK;
bad:
	return cli_value_error("%s '%s': expected a whole number from %ld to %ld", option, text, min,
	                       max);
}

int cli_check_rank(const char *option, const scsec_criteria *criteria,
                   long rank)
{
	cli_buf ranks = CLI_BUF_INIT;
	size_t i;
	int rc;

	if (rank >= INT_MIN && rank <= INT_MAX && scsec_criteria_level_by_rank(criteria, (int)rank))
		return EXIT_OK;
	for (i = 0; i < scsec_criteria_level_count(criteria); i++) {
		const scsec_level *l = scsec_criteria_level_at(criteria, i);

		cli_buf_printf(&ranks, "%s%d (%s)", i ? ", " : "", scsec_level_rank(l),
		               scsec_level_label(l));
	}
	rc = cli_value_error("%s %ld: criteria set '%s' has no level of that rank (its levels: %s)",
	                     option, rank, scsec_criteria_id(criteria),
	                     ranks.data ? ranks.data : "none");
	cli_buf_free(&ranks);
	return rc;
}

int cli_parse_format(const char *text, const char *const *allowed,
                     const char **out)
{
	cli_buf list = CLI_BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; allowed[i]; i++) {
		if (!strcmp(text, allowed[i])) {
			*out = allowed[i];
			return EXIT_OK;
		}
	}
	for (i = 0; allowed[i]; i++)
		cli_buf_printf(&list, "%s%s", i ? ", " : "", allowed[i]);
	rc = cli_value_error("--format '%s': expected one of %s", text, list.data ? list.data : "");
	cli_buf_free(&list);
	return rc;
}

void cli_evalopts_init(cli_evalopts *o)
{
	memset(o, 0, sizeof *o);
	o->as_of = SCSEC_DATE_NONE;
}

void cli_evalopts_dispose(cli_evalopts *o)
{
	size_t i;

	scsec_trust_free(o->trust_list);
	for (i = 0; i < o->nanswers; i++)
		free(o->answers[i].question);
	free(o->answers);
	cli_evalopts_init(o);
}

static int parse_answer(cli_evalopts *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	cli_answer *grown;
	char *q;
	size_t i;
	int yes;

	if (!eq || eq == arg)
		return cli_value_error("--answer '%s': write QUESTION=yes or QUESTION=no", arg);
	if (!strcasecmp(eq + 1, "yes"))
		yes = 1;
	else if (!strcasecmp(eq + 1, "no"))
		yes = 0;
	else
		return cli_value_error("--answer '%s': the answer must be yes or no", arg);
	q = strndup(arg, (size_t)(eq - arg));
	if (!q) {
		cli_errorf("out of memory");
		return EXIT_IO;
	}
	for (i = 0; i < o->nanswers; i++) {
		if (!strcmp(o->answers[i].question, q)) {
			free(q);
			return cli_value_error("--answer: question '%.*s' is answered twice",
			                       (int)(eq - arg), arg);
		}
	}
	grown = realloc(o->answers, (o->nanswers + 1) * sizeof *o->answers);
	if (!grown) {
		free(q);
		cli_errorf("out of memory");
		return EXIT_IO;
	}
	o->answers = grown;
	o->answers[o->nanswers].question = q;
	o->answers[o->nanswers].yes = yes;
	o->nanswers++;
	return EXIT_OK;
}

int cli_evalopts_handle(cli_evalopts *o, int opt, const char *arg)
{
	switch (opt) {
	case 'c':
		o->set = arg;
		return EXIT_OK;
	case OPT_AS_OF:
		o->as_of_text = arg;
		return cli_parse_date("--as-of", arg, &o->as_of);
	case OPT_TARGET:
		return cli_parse_long("--target", arg, 1, 99, &o->target);
	case OPT_REQUIRE:
		return cli_parse_long("--require", arg, 1, 99, &o->require);
	case OPT_ANSWER:
		return parse_answer(o, arg);
	case OPT_STRICT:
		o->strict = 1;
		return EXIT_OK;
	case OPT_LANG:
		o->lang = arg;
		return EXIT_OK;
	case OPT_PROJECT:
		o->project = 1;
		return EXIT_OK;
	case OPT_ENCODING:
		return cli_set_encoding(arg);
	case OPT_TRUST:
		o->trust = arg;
		return EXIT_OK;
	case OPT_OPERATOR_CERT:
		o->operator_cert = arg;
		return EXIT_OK;
	case OPT_UNVERIFIED_TRUST:
		o->unverified_trust = 1;
		return EXIT_OK;
	case OPT_SHEET:
		return cli_set_sheet(arg);
	default:
		return -1;
	}
}

/* The set's question ids, for messages. */
static void question_list(cli_buf *b, const scsec_criteria *c)
{
	size_t i;

	for (i = 0; i < scsec_criteria_question_count(c); i++)
		cli_buf_printf(b, "%s%s", i ? ", " : "",
		               scsec_question_id(scsec_criteria_question_at(c, i)));
}

int cli_evalopts_build(cli_evalopts *o, const scsec_criteria *c, scsec_eval_options **out)
{
	scsec_eval_options *eo = NULL;
	cli_buf list = CLI_BUF_INIT;
	size_t i, j;
	int rc = EXIT_OK;

	*out = NULL;
	if (o->target && (rc = cli_check_rank("--target", c, o->target)))
		return rc;
	if (o->require && (rc = cli_check_rank("--require", c, o->require)))
		return rc;
	if ((o->operator_cert || o->unverified_trust) && !o->trust)
		return cli_value_error("--operator-cert and --unverified-trust go with --trust LIST");
	if (o->trust && !o->operator_cert && !o->unverified_trust)
		return cli_value_error("--trust: give the list operator's certificate (--operator-cert "
		                       "CERT.pem) to check the list's signature, or --unverified-trust");
	if (o->trust && o->operator_cert && o->unverified_trust)
		return cli_value_error("--operator-cert and --unverified-trust exclude each other");
	if (o->trust && !o->trust_list &&
	    (rc = cli_load_trust(&o->trust_list, o->trust, o->operator_cert)) != EXIT_OK)
		return rc;
	if (o->require && o->nanswers)
		return cli_value_error("--require and --answer exclude each other: name the required "
		                       "level, or answer the questions it follows from");
	if (o->nanswers && !scsec_criteria_question_count(c))
		return cli_value_error("--answer: criteria set '%s' has no required-level questions",
		                       scsec_criteria_id(c));
	for (i = 0; i < o->nanswers; i++) {
		if (!scsec_criteria_question(c, o->answers[i].question)) {
			question_list(&list, c);
			rc = cli_value_error("--answer: criteria set '%s' has no question '%s' (its "
			                     "questions: %s)",
			                     scsec_criteria_id(c), o->answers[i].question,
			                     list.data ? list.data : "");
			goto out;
		}
	}
	if (o->nanswers) {
		for (i = 0; i < scsec_criteria_question_count(c); i++) {
			const char *id = scsec_question_id(scsec_criteria_question_at(c, i));

			for (j = 0; j < o->nanswers && strcmp(o->answers[j].question, id); j++)
				;
			if (j == o->nanswers)
				cli_buf_printf(&list, "%s%s", list.len ? ", " : "", id);
		}
		if (list.len) {
			rc = cli_value_error("--answer: every question of the required-level rule needs "
			                     "an answer; missing: %s",
			                     list.data);
			goto out;
		}
	}
	if (scsec_eval_options_new(&eo) ||
	    (o->as_of != SCSEC_DATE_NONE && scsec_eval_options_set_as_of(eo, o->as_of)) ||
	    scsec_eval_options_set_target(eo, (int)o->target) ||
	    scsec_eval_options_set_required(eo, (int)o->require) ||
	    scsec_eval_options_set_project(eo, o->project) ||
	    (o->trust_list && scsec_eval_options_set_trust(eo, o->trust_list)))
		goto oom;
	for (i = 0; i < o->nanswers; i++)
		if (scsec_eval_options_set_answer(eo, o->answers[i].question, o->answers[i].yes))
			goto oom;
	*out = eo;
	eo = NULL;
	goto out;
oom:
	cli_errorf("cannot prepare the evaluation: %s", scsec_strerror(SCSEC_ENOMEM));
	rc = EXIT_IO;
out:
	scsec_eval_options_free(eo);
	cli_buf_free(&list);
	return rc;
}

/* ------------------------------------------------------------ evaluating */

int cli_evaluate_file(const char *path, const scsec_criteria *c, const scsec_eval_options *eo,
                      int strict, scsec_diagnostics *diags, scsec_evidence **ev_out,
                      scsec_result **result_out)
{
	scsec_evidence *ev = NULL;
	scsec_result *r = NULL;
	int rc;

	*ev_out = NULL;
	*result_out = NULL;
	if ((rc = cli_load_evidence(&ev, path, c, diags)))
		return rc;
	scsec_error_clear();
	rc = scsec_evidence_check(ev, c, diags);
	if (rc == SCSEC_ENOMEM || rc == SCSEC_EINVAL || rc == SCSEC_EMISMATCH || (rc && strict)) {
		scsec_evidence_free(ev);
		return rc;
	}
	scsec_error_clear();
	if ((rc = scsec_evaluate(&r, c, ev, eo))) {
		scsec_evidence_free(ev);
		return rc;
	}
	*ev_out = ev;
	*result_out = r;
	return 0;
}

int cli_evaluate_one(cli_evalopts *o, const char *path,
                     scsec_evidence **ev_out, scsec_result **result_out)
{
	scsec_criteria *c = NULL;
	scsec_eval_options *eo = NULL;
	scsec_diagnostics *diags = NULL;
	size_t nerr;
	int rc;

	*ev_out = NULL;
	*result_out = NULL;
	if ((rc = cli_load_criteria(&c, o->set)) != EXIT_OK)
		return rc;
	if ((rc = cli_evalopts_build(o, c, &eo)) != EXIT_OK)
		goto out;
	if (scsec_diagnostics_new(&diags)) {
		rc = cli_fail(SCSEC_ENOMEM, NULL);
		goto out;
	}
	rc = cli_evaluate_file(path, c, eo, o->strict, diags, ev_out, result_out);
	if (rc) {
		int status = cli_fail(rc, diags);

		if (rc == SCSEC_EMISMATCH)
			cli_errorf("%s answers another criteria set: give that set with -c", path);
		else if (o->strict && scsec_diagnostics_count_severity(diags, SCSEC_SEVERITY_ERROR))
			cli_errorf("%s: the record has errors (--strict): not evaluated", path);
		rc = status;
		goto out;
	}
	cli_print_diags(diags);
	nerr = scsec_diagnostics_total(diags, SCSEC_SEVERITY_ERROR);
	if (nerr)
		cli_errorf("note: evaluated despite %zu error%s in the record; --strict would refuse it",
		           nerr, nerr == 1 ? "" : "s");
	rc = EXIT_OK;
out:
	scsec_diagnostics_free(diags);
	scsec_eval_options_free(eo);
	scsec_criteria_free(c);
	return rc;
}

int cli_is_result_file(const char *path)
{
	scsec_file_kind kind = SCSEC_FILE_UNKNOWN;

	return !scsec_file_detect(&kind, path, NULL) &&
	       (kind == SCSEC_FILE_RESULT || kind == SCSEC_FILE_JSON);
}

int cli_load_result(scsec_result **out, const char *set, const char *path)
{
	scsec_criteria *c = NULL;
	scsec_diagnostics *diags = NULL;
	int rc;

	*out = NULL;
	if ((rc = cli_load_criteria(&c, set)) != EXIT_OK)
		return rc;
	if ((rc = scsec_diagnostics_new(&diags))) {
		scsec_criteria_free(c);
		return cli_fail(rc, NULL);
	}
	scsec_error_clear();
	if ((rc = scsec_result_load_file(out, path, c, NULL, diags))) {
		int status = cli_fail(rc, diags);

		if (rc == SCSEC_EMISMATCH)
			cli_errorf("%s was computed with another criteria set: give that set with -c",
			           path);
		rc = status;
	} else {
		cli_print_diags(diags);
	}
	scsec_diagnostics_free(diags);
	scsec_criteria_free(c);
	return rc ? rc : EXIT_OK;
}

int cli_verdict_status(const scsec_result *r, const scsec_criteria *c)
{
	const scsec_level *req, *got;

	if (scsec_result_meets_required(r) != 0)
		return EXIT_OK;
	req = scsec_criteria_level_by_rank(c, scsec_result_required_level(r));
	got = scsec_criteria_level_by_rank(c, scsec_result_level(r));
	cli_errorf("the required level %s is not reached (reached: %s)",
	           req ? scsec_level_label(req) : "?", got ? scsec_level_label(got) : "no level");
	return EXIT_FINDINGS;
}

/* ------------------------------------------------------------ outputs */

/* Set once a failed write to stdout has been reported. */
static int stdout_failed;

static int write_stream(FILE *fp, const char *name, const void *data, size_t size)
{
	if ((size && fwrite(data, 1, size, fp) != size) || fflush(fp)) {
		cli_errorf("cannot write %s: %s", name, strerror(errno));
		if (fp == stdout)
			stdout_failed = 1;
		return EXIT_IO;
	}
	return EXIT_OK;
}

const char *cli_set_path(const char *set)
{
	size_t i;

	if (!set)
		return NULL;
	for (i = 0; i < scsec_criteria_builtin_count(); i++)
		if (!strcmp(set, scsec_criteria_builtin_id(i)))
			return NULL;
	return set;
}

int cli_check_output(const char *out, const char *const *inputs, size_t n)
{
	struct stat ost, ist;
	int to_stdout = !out || !strcmp(out, "-");
	size_t i;

	if (to_stdout ? fstat(STDOUT_FILENO, &ost) : stat(out, &ost))
		return EXIT_OK; /* nothing there yet (or nothing we could replace) */
	if (!S_ISREG(ost.st_mode))
		return EXIT_OK; /* a terminal, a pipe, a device: nothing to destroy */
	for (i = 0; i < n; i++) {
		if (!inputs[i] || stat(inputs[i], &ist) || ist.st_dev != ost.st_dev ||
		    ist.st_ino != ost.st_ino)
			continue;
		if (to_stdout)
			cli_errorf("the standard output is the input %s itself: nothing written (send "
			           "the output elsewhere)",
			           inputs[i]);
		else
			cli_errorf("-o %s is the same file as the input %s: nothing written (write the "
			           "output elsewhere)",
			           out, inputs[i]);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The signals whose default action ends the process, held while a
 * temporary file exists: one that arrives meanwhile takes effect once the
 * file is renamed or removed. Faults (SIGSEGV, ...) cannot usefully be
 * held, SIGKILL and SIGSTOP cannot be at all. */
static void hold_signals(sigset_t *old)
{
	static const int faults[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT };
	sigset_t set;
	size_t i;

	sigfillset(&set);
	for (i = 0; i < sizeof faults / sizeof faults[0]; i++)
		sigdelset(&set, faults[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

int cli_record_format(int *format, const char *arg, const char *out)
{
	*format = SCSEC_FORMAT_XML;
	if (!arg) {
		if (out && (cli_has_suffix(out, ".json") || cli_has_suffix(out, ".json.gz")))
			*format = SCSEC_FORMAT_JSON;
		return EXIT_OK;
	}
	if (!strcmp(arg, "json"))
		*format = SCSEC_FORMAT_JSON;
	else if (strcmp(arg, "xml"))
		return cli_value_error("--format '%s': give xml or json", arg);
	return EXIT_OK;
}

int cli_write_record(const char *path, const scsec_evidence *ev, int format)
{
	char *doc = NULL;
	size_t size = 0;
	int rc;

	scsec_error_clear();
	if ((rc = scsec_evidence_write_memory_as(&doc, &size, ev, format)))
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(path, doc, size, 1);
	scsec_free(doc);
	return rc;
}

int cli_write_output(const char *path, const void *data, size_t size, int gzip_ok)
{
	struct stat st;
	unsigned int flags = SCSEC_WRITE_DEFAULT;
	sigset_t old;
	int rc;

	if (!path || !strcmp(path, "-"))
		return write_stream(stdout, "the standard output", data, size);
	if (!*path) {
		cli_errorf("-o: the file name is empty ('-o -' writes to the standard output)");
		return EXIT_USAGE;
	}
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			cli_errorf("cannot write %s: it is a directory", path);
			return EXIT_IO;
		}
		if (!S_ISREG(st.st_mode)) {
			/* A device, a FIFO: atomic replacement makes no sense there
			 * (and would replace the node itself). Write straight in. */
			FILE *fp = fopen(path, "wb");

			if (!fp) {
				cli_errorf("cannot open %s: %s", path, strerror(errno));
				return EXIT_IO;
			}
			rc = write_stream(fp, path, data, size);
			if (fclose(fp) && rc == EXIT_OK) {
				cli_errorf("cannot write %s: %s", path, strerror(errno));
				rc = EXIT_IO;
			}
			return rc;
		}
	}
	if (gzip_ok && cli_has_suffix(path, ".gz"))
		flags = SCSEC_WRITE_GZIP;
	/* scsec_file_write replaces the file a symbolic link points to (a
	 * dangling one included) and keeps the link. Its temporary file
	 * beside the target must not outlive a signal: hold them meanwhile
	 * (the library installs no handlers, and should not). */
	scsec_error_clear();
	hold_signals(&old);
	rc = scsec_file_write(path, data, size, flags);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc ? cli_fail(rc, NULL) : EXIT_OK;
}

int cli_write_buf(const char *path, const cli_buf *b, int gzip_ok)
{
	if (b->failed) {
		cli_errorf("out of memory");
		return EXIT_IO;
	}
	return cli_write_output(path, b->data ? b->data : "", b->len, gzip_ok);
}

int cli_read_file(const char *path, const char *what, char **data, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 0;
	int rc = EXIT_OK;

	*data = NULL;
	*size = 0;
	if (!fp) {
		cli_errorf("cannot read %s '%s': %s", what, path, strerror(errno));
		return EXIT_IO;
	}
	for (;;) {
		size_t n;

		if (*size == cap) {
			char *p = cap >= CLI_READ_MAX ? NULL : realloc(*data, cap = cap ? cap * 2 : 65536);

			if (!p) {
				cli_errorf(cap >= CLI_READ_MAX ? "%s '%s' is too large" : "out of memory (%s '%s')",
				           what, path);
				rc = EXIT_IO;
				break;
			}
			*data = p;
		}
		n = fread(*data + *size, 1, cap - *size, fp);
		*size += n;
		if (n == 0) {
			if (ferror(fp)) {
				cli_errorf("cannot read %s '%s': %s", what, path, strerror(errno));
				rc = EXIT_IO;
			}
			break;
		}
	}
	fclose(fp);
	if (rc != EXIT_OK) {
		free(*data);
		*data = NULL;
		*size = 0;
	}
	return rc;
}

int cli_load_trust(scsec_trust **out, const char *path, const char *operator_cert)
{
	scsec_diagnostics *diags = NULL;
	int rc;

	*out = NULL;
	if (scsec_diagnostics_new(&diags))
		return cli_fail(SCSEC_ENOMEM, NULL);
	scsec_error_clear();
	if ((rc = scsec_trust_load_file(out, path, operator_cert, cli_load_opts, diags))) {
		rc = cli_fail(rc, diags);
		if (operator_cert)
			cli_errorf("trust list '%s' refused: it must carry a valid signature by the "
			           "operator's certificate '%s'", path, operator_cert);
	} else {
		cli_print_diags(diags);
		if (!operator_cert)
			cli_errorf("warning: trust list '%s' is used without checking its operator's "
			           "signature (--unverified-trust): results say it was not verified", path);
		rc = EXIT_OK;
	}
	scsec_diagnostics_free(diags);
	return rc;
}

int cli_write_made(const char *path, cli_make_fn make, void *ctx)
{
	const char *tmpdir = getenv("TMPDIR");
	char dir[PATH_MAX], file[PATH_MAX + 16];
	char *data = NULL;
	size_t size = 0;
	int rc;

	if ((!path || !strcmp(path, "-")) && isatty(STDOUT_FILENO)) {
		cli_errorf("a workbook or PDF is not for a terminal: give -o FILE");
		return EXIT_USAGE;
	}
	if (path && !*path) {
		cli_errorf("-o: the file name is empty ('-o -' writes to the standard output)");
		return EXIT_USAGE;
	}
	if (snprintf(dir, sizeof dir, "%s/scsec-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp") >=
	        (int)sizeof dir ||
	    !mkdtemp(dir)) {
		cli_errorf("cannot make a temporary directory: %s", strerror(errno));
		return EXIT_IO;
	}
	snprintf(file, sizeof file, "%s/out.xlsx", dir);
	if ((rc = make(file, ctx)) == EXIT_OK &&
	    (rc = cli_read_file(file, "the workbook made", &data, &size)) == EXIT_OK)
		rc = cli_write_output(path, data ? data : "", size, 0);
	unlink(file);
	rmdir(dir);
	free(data);
	return rc;
}

int cli_write_imported(const char *path, const scsec_criteria *c, const scsec_diagnostics *diags)
{
	char *xml = NULL;
	size_t size = 0;
	int rc;

	cli_print_diags(diags);
	scsec_error_clear();
	if ((rc = scsec_criteria_write_memory(&xml, &size, c)))
		rc = cli_fail(rc, NULL);
	else
		rc = cli_write_output(path, xml, size, 1);
	scsec_free(xml);
	return rc;
}

const char *cli_tool_name(void)
{
	return "scsec " PACKAGE_VERSION;
}

/* ------------------------------------------------------------ the process */

void cli_init(void)
{
	/* A closed pipe is a write error (exit 4), never a signal; so is a
	 * file larger than RLIMIT_FSIZE allows (the writer then removes its
	 * temporary file, which SIGXFSZ's default action would leave). */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
	/* The synopses put options after operands ("evaluate EVIDENCE --as-of
	 * D"): keep GNU getopt's argument permutation even under
	 * POSIXLY_CORRECT. "--" still ends the options. */
	unsetenv("POSIXLY_CORRECT");
}

int cli_finish(int status)
{
	/* Whatever went to stdout must have arrived: a full disk or a closed
	 * pipe is an I/O error, not a success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (!stdout_failed)
			fprintf(stderr, "scsec: cannot write the standard output: %s\n", strerror(errno));
		status = EXIT_IO;
	}
	scsec_load_options_free(load_opts);
	load_opts = NULL;
	cli_load_opts = NULL;
	return status;
}
