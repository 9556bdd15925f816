/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the command-line front end of libscsec.
 *
 * This file holds main, the command table and what every command shares:
 * option helpers, loading a criteria set (-c SET) and an evidence record,
 * printing diagnostics, mapping library codes to exit statuses, and writing
 * outputs (atomically through scsec_file_write for -o, else to stdout). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "scsec.h"

const char *cli_cmd = "scsec";

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
	"  evaluate        compute the level an evidence record reaches\n"
	"  required-level  the level a contract requires, from the buyer's answers\n"
	"  batch           evaluate many evidence files, one row each\n"
	"  report          write a self-contained HTML report\n"
	"\n"
	"Without -c SET the built-in set " SCSEC_CRITERIA_DEFAULT " is used.\n"
	"Exit status: 0 success, 1 findings (validate errors, required level not\n"
	"reached, batch error rows), 2 usage error, 3 invalid input, 4 I/O error.\n"
	"Run 'scsec COMMAND --help' for a command's options; see scsec(1).\n";

static const char usage_version[] =
	"usage: scsec version\n"
	"\n"
	"Print the tool's version and the version of the libscsec it runs with.\n";

/* ------------------------------------------------------------ messages */

void cli_errorf(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (usage) {
		fputc('\n', stderr);
		fputs(usage, stderr);
	}
	return EXIT_USAGE;
}

int cli_value_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRun '%s --help' for the options.\n", cli_cmd);
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

		if (scsec_diagnostic_format(&s, d) == 0 && s) {
			fputs(s, stderr);
			fputc('\n', stderr);
		} else {
			fprintf(stderr, "%s\n", scsec_diagnostic_message(d));
		}
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
			fprintf(stderr, "%s\n", b.data);
		else
			cli_errorf("%s", scsec_error_code(e) == code ? scsec_error_message(e)
			                                             : scsec_strerror(code));
		cli_buf_free(&b);
	}
	return cli_status(code);
}

/* ------------------------------------------------------------ buffers */

static int buf_reserve(cli_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (n > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	if (b->len + n + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap = cap > SIZE_MAX / 2 ? b->len + n + 1 : cap * 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void cli_buf_put(cli_buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
	cli_buf_put(b, s ? s : "", s ? strlen(s) : 0);
}

void cli_buf_putc(cli_buf *b, char c)
{
	cli_buf_put(b, &c, 1);
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, (size_t)n)) {
		b->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void cli_buf_free(cli_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void cli_buf_json_str(cli_buf *b, const char *s)
{
	const unsigned char *p;

	if (!s) {
		cli_buf_puts(b, "null");
		return;
	}
	cli_buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': cli_buf_puts(b, "\\\""); break;
		case '\\': cli_buf_puts(b, "\\\\"); break;
		case '\n': cli_buf_puts(b, "\\n"); break;
		case '\r': cli_buf_puts(b, "\\r"); break;
		case '\t': cli_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				cli_buf_printf(b, "\\u%04x", *p);
			else
				cli_buf_putc(b, (char)*p);
		}
	}
	cli_buf_putc(b, '"');
}

void cli_buf_xml_text(cli_buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '&': cli_buf_puts(b, "&amp;"); break;
		case '<': cli_buf_puts(b, "&lt;"); break;
		case '>': cli_buf_puts(b, "&gt;"); break;
		case '"': cli_buf_puts(b, "&quot;"); break;
		case '\'': cli_buf_puts(b, "&#39;"); break;
		case '\t': case '\n': cli_buf_putc(b, (char)*p); break;
		case '\r': cli_buf_puts(b, "&#13;"); break;
		default:
			/* Control characters are not allowed in XML 1.0 at all. */
			if (*p < 0x20 || *p == 0x7f)
				cli_buf_puts(b, "\xef\xbf\xbd");
			else
				cli_buf_putc(b, (char)*p);
		}
	}
}

/* Decode one UTF-8 sequence; returns its length (1 for an invalid byte,
 * decoded as U+FFFD). */
static size_t utf8_next(const unsigned char *p, unsigned long *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
		return 2;
	}
	if ((p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(p[0] & 0x0f) << 12) | ((unsigned long)(p[1] & 0x3f) << 6) |
		      (p[2] & 0x3f);
		return 3;
	}
	if ((p[0] & 0xf8) == 0xf0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
	    (p[3] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(p[0] & 0x07) << 18) | ((unsigned long)(p[1] & 0x3f) << 12) |
		      ((unsigned long)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
		return 4;
	}
	*cp = 0xfffd;
	return 1;
}

static size_t cp_width(unsigned long c)
{
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) || c == 0xfeff)
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

size_t cli_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t w = 0;
	unsigned long cp;

	while (*p) {
		p += utf8_next(p, &cp);
		w += cp_width(cp);
	}
	return w;
}

void cli_buf_put_truncated(cli_buf *b, const char *s, size_t width)
{
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *start = p;
	size_t w = 0, n;
	unsigned long cp;

	if (cli_text_width(s) <= width) {
		/* Line breaks inside a cell would break the layout. */
		for (; *p; p++)
			cli_buf_putc(b, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : (char)*p);
		return;
	}
	{
		const unsigned char *space = NULL;
		size_t space_w = 0;

		while (*p) {
			n = utf8_next(p, &cp);
			if (w + cp_width(cp) + 1 > width)
				break;
			if (*p == ' ') {
				space = p;
				space_w = w;
			}
			w += cp_width(cp);
			p += n;
		}
		/* Break at the last word boundary when it is not too far back. */
		if (space && w - space_w <= width / 4)
			p = space;
	}
	/* Do not end on a space before the ellipsis. */
	while (p > start && p[-1] == ' ')
		p--;
	for (; start < p; start++)
		cli_buf_putc(b, *start == '\n' || *start == '\r' || *start == '\t' ? ' ' : (char)*start);
	cli_buf_puts(b, "\xe2\x80\xa6");
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
	case OPT_ENCODING:
		return cli_set_encoding(arg);
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

int cli_evalopts_build(const cli_evalopts *o, const scsec_criteria *c,
                       scsec_eval_options **out)
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
	    scsec_eval_options_set_required(eo, (int)o->require))
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

int cli_write_output(const char *path, const void *data, size_t size, int gzip_ok)
{
	struct stat st;
	unsigned int flags = SCSEC_WRITE_DEFAULT;
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
	 * dangling one included) and keeps the link. */
	scsec_error_clear();
	rc = scsec_file_write(path, data, size, flags);
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

const char *cli_tool_name(void)
{
	return "scsec " PACKAGE_VERSION;
}

/* ------------------------------------------------------------ commands */

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
	{ "evaluate", cmd_evaluate },
	{ "required-level", cmd_required_level },
	{ "batch", cmd_batch },
	{ "report", cmd_report },
};

static const command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

/* Whatever went to stdout must have arrived: a full disk or a closed pipe
 * is an I/O error, not a success. */
static int finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (!stdout_failed)
			fprintf(stderr, "scsec: cannot write the standard output: %s\n", strerror(errno));
		return EXIT_IO;
	}
	return status;
}

int main(int argc, char **argv)
{
	const command *cmd;
	int status;

	/* A closed pipe is a write error (exit 4), never a signal. */
	signal(SIGPIPE, SIG_IGN);
	/* The synopses put options after operands ("evaluate EVIDENCE --as-of
	 * D"): keep GNU getopt's argument permutation even under
	 * POSIXLY_CORRECT. "--" still ends the options. */
	unsetenv("POSIXLY_CORRECT");
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage_main, stdout);
		return finish_stdout(EXIT_OK);
	}
	if (!strcmp(argv[1], "help")) {
		char *help_argv[3];

		if (argc < 3) {
			fputs(usage_main, stdout);
			return finish_stdout(EXIT_OK);
		}
		if (argc > 3 && !strcmp(argv[2], "criteria")) {
			/* scsec help criteria show */
			char *sub_argv[4] = { argv[2], argv[3], (char *)"--help", NULL };

			return finish_stdout(cmd_criteria(3, sub_argv));
		}
		if (!(cmd = find_command(argv[2]))) {
			fprintf(stderr, "scsec: unknown command '%s'\n\n", argv[2]);
			fputs(usage_main, stderr);
			return EXIT_USAGE;
		}
		help_argv[0] = argv[2];
		help_argv[1] = (char *)"--help";
		help_argv[2] = NULL;
		return finish_stdout(cmd->run(2, help_argv));
	}
	if (!strcmp(argv[1], "--version"))
		return finish_stdout(cmd_version(argc - 1, argv + 1));
	if (!(cmd = find_command(argv[1]))) {
		fprintf(stderr, "scsec: unknown command '%s'\n\n", argv[1]);
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	status = finish_stdout(cmd->run(argc - 1, argv + 1));
	scsec_load_options_free(load_opts);
	return status;
}
