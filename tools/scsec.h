/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: declarations shared by the command-line tool's files, which
 * depend on each other in one direction only (tests/tools_deps.sh checks
 * that the graph has no cycle):
 *
 *   scsec.c     main and the command table          -> the command files
 *   commands.c  version, validate, criteria, template, import-csv,
 *               required-level                      -> render, common, text
 *   evaluate.c  evaluate and batch                  -> render, common, text
 *   report.c    report                              -> render, common, text
 *   sign.c      sign and verify                     -> common, text
 *   portfolio.c portfolio and its dashboard         -> render, common, text
 *   mapping.c   map, migrate, criteria coverage, criteria diff -> common, text
 *   trust.c     trust new, add, revoke, list, sign    -> common, text
 *   render.c    the text summary and the HTML report of a result
 *                                                   -> common, text
 *   common.c    messages, exit statuses, loading inputs, options, the
 *               shared evaluation, writing outputs  -> text
 *   text.c      buffers, the rule for showing text from inputs, display
 *               widths, JSON (jansson)              -> nothing of the tool
 *
 * The tool uses the public API of libscsec only. */
#ifndef SCSEC_TOOL_H
#define SCSEC_TOOL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>
#include <scsec/scsec.h>

#if defined(__GNUC__)
#  define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define CLI_PRINTF(f, a)
#endif

/* Exit statuses (documented in scsec(1)). */
enum {
	EXIT_OK = 0,       /* success */
	EXIT_FINDINGS = 1, /* validate found errors, a required level is not reached, batch error rows */
	EXIT_USAGE = 2,    /* bad command line: unknown option, bad option value */
	EXIT_INPUT = 3,    /* invalid input: parse, schema or semantic error */
	EXIT_IO = 4        /* a file could not be read or written; out of memory */
};

/* "scsec evaluate", "scsec criteria show": the prefix of messages. */
extern const char *cli_cmd;

/* ============================================================ text.c */

/* ------------------------------------------------------------ buffers */

typedef struct cli_buf {
	char *data;
	size_t len;
	size_t cap;
	int failed; /* an allocation failed: the content is incomplete */
} cli_buf;

#define CLI_BUF_INIT { NULL, 0, 0, 0 }

void cli_buf_put(cli_buf *b, const char *s, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_putc(cli_buf *b, char c);
void cli_buf_printf(cli_buf *b, const char *fmt, ...) CLI_PRINTF(2, 3);
void cli_buf_vprintf(cli_buf *b, const char *fmt, va_list ap) CLI_PRINTF(2, 0);
void cli_buf_free(cli_buf *b);
/* The content, or "" when there is none or it is incomplete. */
const char *cli_buf_str(const cli_buf *b);

/* ------------------------------------------------------------ text from inputs */

/* The one rule for showing text that came from an input -- a document, a
 * file name, an argument -- in every output a person or a parser reads
 * (scsec(1), TEXT FROM INPUTS). Copied as it is, except:
 *   \n \r \t   line feed, carriage return, tab;
 *   \xHH       another C0 control character, DEL, or a byte that is not
 *              part of valid UTF-8 (two lower-case hex digits);
 *   \uHHHH     a C1 control character (U+0080 to U+009F), the line and
 *              paragraph separators U+2028 and U+2029, and the
 *              bidirectional controls (U+061C, U+200E, U+200F, U+202A to
 *              U+202E, U+2066 to U+2069).
 * The result is valid UTF-8 on one line. A backslash in the text is
 * shown as it is. */
void cli_buf_text(cli_buf *b, const char *s);

/* Only the second half of the rule: the bytes that are not UTF-8 as
 * \xHH, the rest as it is (for JSON strings, whose own escapes show the
 * control characters). */
void cli_buf_utf8(cli_buf *b, const char *s);

/* Formatted text for people, printf-style, where every %s argument is
 * shown by the rule (and padded by display width: "%-12s" lines up
 * Japanese text too). Conversions: %s %c %d %i %u with l, ll or z, the
 * '-' flag and a width (digits or *), and %%; "%2$s" takes the second
 * argument, as POSIX printf has it, so that a translation can reorder
 * them (then without '*'). Any other format is a bug: "%?" is written and
 * the buffer fails. */
void cli_buf_textf(cli_buf *b, const char *fmt, ...) CLI_PRINTF(2, 3);
void cli_buf_vtextf(cli_buf *b, const char *fmt, va_list ap) CLI_PRINTF(2, 0);

/* Append a time (seconds since the epoch) as UTC, "2026-04-01T00:00:00Z";
 * none when it is negative or cannot be shown. */
void cli_buf_time(cli_buf *b, int64_t t, const char *none);

/* The message catalogue (lib/io/messages.c, scsec_message_text()): the
 * text of a code in lang (the code itself when the catalogue has none);
 * cli_msg_n() takes "CODE.one" for n == 1 when the catalogue has it. The
 * msgf forms format the text as cli_buf_textf() does (the _n ones pick the
 * text by n as cli_msg_n(); n is not an argument of the format); the xml
 * ones then escape it for XML/HTML. */
const char *cli_msg(const char *code, const char *lang);
const char *cli_msg_n(const char *code, size_t n, const char *lang);
/* The text of "PREFIX.TOKEN" ("label.reason" and "method": "評価方法不足"),
 * the token itself when the catalogue has none ("" for NULL). */
const char *cli_label(const char *prefix, const char *token, const char *lang);
void cli_buf_msgf(cli_buf *b, const char *lang, const char *code, ...);
void cli_buf_msgf_n(cli_buf *b, const char *lang, const char *code, size_t n, ...);
void cli_buf_xml_msgf(cli_buf *b, const char *lang, const char *code, ...);
void cli_buf_xml_msgf_n(cli_buf *b, const char *lang, const char *code, size_t n, ...);

/* cli_buf_text() into a new string (free()), or NULL when out of memory. */
char *cli_text_dup(const char *s);

/* Non-zero for a character cli_buf_text() escapes. */
int cli_unsafe_char(unsigned long cp);

/* Non-zero when s holds a character cli_buf_text() escapes, or bytes that
 * are not UTF-8; *cp is then the first such character, or CLI_NOT_UTF8. */
#define CLI_NOT_UTF8 0x110000ul
int cli_text_unsafe(const char *s, unsigned long *cp);

/* Describe such a character: "a control character (U+000A, shown as \\n)". */
void cli_buf_unsafe_char(cli_buf *b, unsigned long cp);

/* Text shown by the rule, then escaped for XML/HTML content and attribute
 * values. */
void cli_buf_xml_text(cli_buf *b, const char *s);

/* Display width of s as cli_buf_text() shows it (East Asian wide
 * characters count 2). */
size_t cli_text_width(const char *s);
/* Append s shown by the rule, cut to at most `width` columns with "…"
 * when longer. */
void cli_buf_put_truncated(cli_buf *b, const char *s, size_t width);

/* ------------------------------------------------------------ JSON */

/* JSON is built with jansson, whose string escapes show control
 * characters U+0000 to U+001F; cli_json_dump() also escapes the others
 * the rule names, so no output holds them raw. Keys keep their insertion
 * order: the same input gives the same bytes. */

/* A JSON string of the text as it is (null for NULL); bytes that are not
 * UTF-8 (a file name) as \xHH. NULL when out of memory. */
json_t *cli_json_text(const char *s);
json_t *cli_json_size(size_t n);
/* obj[key] = value, taking the reference; a NULL value or object (out of
 * memory) sets *bad. */
void cli_json_set(json_t *obj, const char *key, json_t *value, int *bad);
void cli_json_push(json_t *array, json_t *value, int *bad);
/* Append the JSON text of value (json_dumps() flags), filtered by
 * cli_json_filter(). */
void cli_json_dump(cli_buf *b, const json_t *value, size_t flags);
/* Append an array one element a line: "[\n  {...},\n  {...}\n]\n". */
void cli_json_lines(cli_buf *b, const json_t *array);
/* Append JSON text (NUL-terminated at len) with DEL, C1 controls and the
 * rule's other characters inside strings as \u escapes. */
void cli_json_filter(cli_buf *b, const char *json, size_t len);

/* ============================================================ common.c */

/* ------------------------------------------------------------ messages */

/* Messages on stderr go through cli_buf_text(): a file name or a value
 * quoted in them cannot break the line or control the terminal. */

/* "scsec CMD: message" on stderr. */
void cli_errorf(const char *fmt, ...) CLI_PRINTF(1, 2);

/* One line of text from anywhere, shown by the rule (cli_buf_text()), then
 * a line break. */
void cli_print_line(FILE *fp, const char *line);

/* A usage error: the message, then the command's usage, on stderr.
 * Returns EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, ...) CLI_PRINTF(2, 3);

/* The exit status for a negative library code. */
int cli_status(int code);

/* Print every diagnostic of the list (scsec_diagnostic_format) on stderr. */
void cli_print_diags(const scsec_diagnostics *diags);

/* Report a failed library call: the diagnostics gathered (if any), and the
 * thread's last error when the list holds no error. Returns the exit status
 * for @p code. Call scsec_error_clear() before the library call. */
int cli_fail(int code, const scsec_diagnostics *diags);

/* The thread's last error as one line, "file:line:column: message" (the
 * parts known), or the code's description when the last error is not about
 * @p code. */
void cli_last_error_text(cli_buf *b, int code);

/* ------------------------------------------------------------ inputs */

/* Load a criteria set: a built-in id when the library knows it, else a
 * file (plain or gzip). NULL: the default built-in set. Reports failures;
 * returns an exit status. */
int cli_load_criteria(scsec_criteria **out, const char *set);

/* scsec verify for a result document (tools/verify_result.c). */
typedef struct cli_verify_result_opts {
	const char *path;          /* the result document */
	const char *set;           /* -c, or NULL: the default set */
	const char *trust;         /* --trust LIST, or NULL */
	const char *operator_cert; /* --operator-cert CERT */
	const char *evidence;      /* --evidence RECORD, or NULL */
	const char *as_of_text;    /* set by cli_verify_result() */
} cli_verify_result_opts;

/* Check the signatures of a result document (and, with a trust list, that
 * an evaluation body or expert the list trusts signed it; with a record,
 * that the result is what the library computes from it). Writes the
 * report to b; returns 0 valid (and matching), 1 verified but not
 * matching, 3 an invalid signature or document, 4 files. */
int cli_verify_result(const cli_verify_result_opts *o, cli_buf *b);

/* Non-zero when path holds a result document (XML, or JSON other than an
 * evidence record), told by content. */
int cli_is_result_file(const char *path);

/* Read a result document back against its criteria set (-c SET, as
 * cli_load_criteria() takes it). Reports failures; returns an exit status. */
int cli_load_result(scsec_result **out, const char *set, const char *path);

/* Non-zero when path ends with suffix, ignoring ASCII case. */
int cli_has_suffix(const char *path, const char *suffix);

/* Non-zero when path names an answer sheet: .csv or .csv.gz (any case).
 * For picking files out of a folder without opening them; what a named
 * file holds is found from its content (cli_file_kind). */
int cli_is_sheet(const char *path);

/* What the file holds, from its content (scsec_file_detect()); 
 * SCSEC_FILE_UNKNOWN when it cannot be read. */
scsec_file_kind cli_file_kind(const char *path);

/* The reading options of the command line (--encoding), or NULL. */
extern const scsec_load_options *cli_load_opts;

/* --encoding NAME: returns EXIT_OK, or EXIT_USAGE after saying why. */
int cli_set_encoding(const char *name);
/* --sheet NAME: the workbook sheet the readers read (cli_load_opts). */
int cli_set_sheet(const char *name);

/* Load an evidence record, XML or an answer sheet by its content
 * (scsec_evidence_load_any(): a sheet is imported against the set).
 * Prints nothing; returns the library code; every problem goes to diags.
 * Thread-safe. */
int cli_load_evidence(scsec_evidence **out, const char *path, const scsec_criteria *criteria,
                      scsec_diagnostics *diags);

/* Load a trust list: checked against the operator's certificate
 * (operator_cert, a PEM file), or, with operator_cert NULL, unverified
 * with a warning. Prints every diagnostic; returns an exit status. */
int cli_load_trust(scsec_trust **out, const char *path, const char *operator_cert);
/* ------------------------------------------------------------ finding input files */

/* A file named or found: its path, and why it cannot be read (NULL: read it). */
typedef struct cli_file {
	char *path;
	char *error;
} cli_file;

typedef struct cli_files {
	cli_file *v;
	size_t n;
	size_t cap;
	int oom;    /* an allocation failed: entries are missing */
} cli_files;

#define CLI_FILES_INIT { NULL, 0, 0, 0 }

/* Append what a PATH operand of batch or portfolio names: a file as it is
 * (whatever its name; an entry with an error when it is not a regular
 * file), a directory searched recursively for *.xml, *.xml.gz and sheets
 * (its unreadable parts first, as entries with errors, then its files
 * sorted by name; anything named like an evidence file that cannot be
 * read -- a dangling link, a FIFO -- is an entry with an error, so that
 * no supplier silently goes missing; links to directories not followed). */
void cli_collect(const char *path, cli_files *out);
void cli_files_free(cli_files *files);

/* Just before reading: NULL when path is still a regular file (looked at
 * through a descriptor opened without blocking), else why not (free()). */
char *cli_check_regular(const char *path);

/* Why a file could not be evaluated, as one line (free()): the first error
 * of diags, "(and N more)", else the thread's last error for code. */
char *cli_error_text(int code, const scsec_diagnostics *diags);

/* ------------------------------------------------------------ options */

/* Long-only option codes shared by the commands. */
enum {
	OPT_AS_OF = 256,
	OPT_TARGET,
	OPT_REQUIRE,
	OPT_ANSWER,
	OPT_FORMAT,
	OPT_LANG,
	OPT_STRICT,
	OPT_LEVEL,
	OPT_SUBJECT_NAME,
	OPT_SUBJECT_ID,
	OPT_FORCE,
	OPT_RULES,
	OPT_ENCODING,
	OPT_TRUST,
	OPT_OPERATOR_CERT,
	OPT_UNVERIFIED_TRUST,
	OPT_PROJECT,
	OPT_SHEET
};

/* The options of a trust policy (evaluate, batch, report). */
#define CLI_TRUST_OPTIONS \
	{ "trust", required_argument, NULL, OPT_TRUST }, \
	{ "operator-cert", required_argument, NULL, OPT_OPERATOR_CERT }, \
	{ "unverified-trust", no_argument, NULL, OPT_UNVERIFIED_TRUST }
#define CLI_USAGE_TRUST \
	"  --trust LIST              evaluate with a trust list (doc/trust.md): methods\n" \
	"                            count only as trusted parties' signatures support\n" \
	"  --operator-cert CERT      the list operator's certificate (PEM); a list it\n" \
	"                            did not sign is refused\n" \
	"  --unverified-trust        use the list without checking its signature (the\n" \
	"                            result says it was not verified)\n"

/* The usage line of --encoding. */
#define CLI_USAGE_ENCODING \
	"      --encoding ENC  the encoding of CSV sheets: auto (the default: found from\n" \
	"                      the sheet), utf-8, cp932 (shift_jis), utf-16, utf-16le,\n" \
	"                      utf-16be, utf-32le, utf-32be\n"
/* The usage line of --sheet. */
#define CLI_USAGE_SHEET \
	"      --sheet NAME    the sheet of an .xlsx workbook to read (default: the\n" \
	"                      first whose header is the one read)\n"

/* Prepare getopt_long for a fresh argument vector. */
void cli_getopt_reset(void);

/* Report the option getopt_long rejected (it returned '?' or ':', given
 * as @p ret). Returns EXIT_USAGE. */
int cli_bad_option(const char *usage, char **argv, int ret);

/* A bad option value: the message and a pointer to --help. Returns EXIT_USAGE. */
int cli_value_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* A text option that goes into a document (--subject-name, --subject-id):
 * EXIT_USAGE, saying why, when it holds a character cli_buf_text() would
 * have to escape, or bytes that are not UTF-8; else EXIT_OK. */
int cli_check_text_option(const char *option, const char *value);

/* Parse a date option (YYYY-MM-DD). Returns EXIT_OK or EXIT_USAGE. */
int cli_parse_date(const char *option, const char *text, scsec_date *out);

/* Parse a whole number in [min, max]. Returns EXIT_OK or EXIT_USAGE. */
int cli_parse_long(const char *option, const char *text, long min, long max,
                   long *out);

/* Check that the set has a level of this rank. Returns EXIT_OK or EXIT_USAGE. */
int cli_check_rank(const char *option, const scsec_criteria *criteria,
                   long rank);

/* Check a --format value against a list ("text", "json", NULL). */
int cli_parse_format(const char *text, const char *const *allowed,
                     const char **out);

/* What evaluate, report and batch share. */
typedef struct cli_answer {
	char *question;
	int yes;
} cli_answer;

typedef struct cli_evalopts {
	const char *set;        /* -c */
	const char *as_of_text; /* --as-of */
	scsec_date as_of;       /* parsed, or SCSEC_DATE_NONE */
	long target;            /* --target, 0 when not given */
	long require;           /* --require, 0 when not given */
	cli_answer *answers;    /* --answer, in order */
	size_t nanswers;
	int strict;             /* --strict */
	const char *lang;       /* --lang */
	const char *trust;      /* --trust */
	const char *operator_cert; /* --operator-cert */
	int unverified_trust;   /* --unverified-trust */
	scsec_trust *trust_list; /* loaded by cli_evalopts_build() */
	int project;            /* --project */
} cli_evalopts;

void cli_evalopts_init(cli_evalopts *o);
void cli_evalopts_dispose(cli_evalopts *o);

/* Handle an option shared by the evaluating commands. Returns -1 when
 * @p opt is not one of them, else EXIT_OK or EXIT_USAGE. */
int cli_evalopts_handle(cli_evalopts *o, int opt, const char *arg);

/* Check the options against the loaded set and build the library's
 * options, loading the trust list (--trust) the first time. Returns
 * EXIT_OK, EXIT_USAGE (unknown rank or question, missing answers, --trust
 * without --operator-cert or --unverified-trust), EXIT_INPUT (a trust list
 * refused) or EXIT_IO (out of memory, unreadable files). */
int cli_evalopts_build(cli_evalopts *o, const scsec_criteria *criteria,
                       scsec_eval_options **out);

/* ------------------------------------------------------------ outputs */

/* The file a -c SET names, or NULL when SET is a built-in id (or NULL). */
const char *cli_set_path(const char *set);

/* Before anything is written: when the output (-o OUT; the standard
 * output when OUT is NULL or "-") is the same file as one of the inputs
 * (same device and inode, so through symbolic and hard links too), say so
 * and return EXIT_USAGE; else EXIT_OK. NULL inputs are skipped. */
int cli_check_output(const char *out, const char *const *inputs, size_t n);

/* Write the bytes to @p path (atomically, through scsec_file_write, which
 * replaces the file a symbolic link points to; gzip when the name ends in
 * .gz and gzip_ok), or to stdout when path is NULL or "-". Devices and
 * FIFOs are written directly. While the temporary file exists, the
 * signals that would end the process are held, so that none leaves it
 * behind. Reports failures; returns EXIT_OK, EXIT_IO, or EXIT_USAGE for an
 * empty name. */
int cli_write_output(const char *path, const void *data, size_t size, int gzip_ok);

/* The form a command writes an evidence record in: --format ARG ("xml"
 * or "json") when ARG is not NULL, else by the output's name (.json or
 * .json.gz give JSON), else XML. *format gets SCSEC_FORMAT_XML or
 * SCSEC_FORMAT_JSON. EXIT_OK, or EXIT_USAGE for another ARG (reported). */
int cli_record_format(int *format, const char *arg, const char *out);

/* Write an evidence record to path in that form, as cli_write_output()
 * does. Returns the exit status. */
int cli_write_record(const char *path, const scsec_evidence *ev, int format);

/* Write a buffer (EXIT_IO when it is incomplete for lack of memory). */
int cli_write_buf(const char *path, const cli_buf *b, int gzip_ok);

/* Read a whole file (at most CLI_READ_MAX bytes) into *data (free());
 * @p what names it in messages. Reports failures; EXIT_OK or EXIT_IO. */
#define CLI_READ_MAX ((size_t)1 << 30)
int cli_read_file(const char *path, const char *what, char **data, size_t *size);

/* A maker of a file that can only be written by name (a workbook through
 * libxlsxwriter): writes path, returns an exit status, printing its error. */
typedef int (*cli_make_fn)(const char *path, void *ctx);

/* Have make write a file in a private temporary directory, then write its
 * bytes to path as cli_write_output() does (atomically; stdout for NULL or
 * "-", refused when stdout is a terminal); the temporary is removed. */
int cli_write_made(const char *path, cli_make_fn make, void *ctx);

/* xlsx.c: the result as a workbook (a summary, the gaps with reasons, a
 * column for a consultant's notes), texts in lang, written as
 * cli_write_made() does. */
int cli_write_result_xlsx(const char *out, const scsec_result *r, const char *lang);

/* A table as a one-sheet workbook: nrows rows (the first the header) of
 * ncols cells (NULL or "" for empty); the columns whose bit is set in
 * numeric hold numbers. */
int cli_write_table_xlsx(const char *out, const char *sheet, size_t ncols, size_t nrows,
                         const char *const *cells, unsigned numeric);

/* An imported criteria set: print the import's diagnostics (warnings and
 * notes), then write the set's canonical XML to path as cli_write_output()
 * does. Returns the exit status. */
int cli_write_imported(const char *path, const scsec_criteria *c, const scsec_diagnostics *diags);

/* "scsec 1.0.0" */
const char *cli_tool_name(void);

/* ------------------------------------------------------------ the process */

/* At the start of main: signal dispositions and the environment. */
void cli_init(void);

/* At the end of main: the status, or EXIT_IO when the standard output
 * could not be written; frees what the options held. */
int cli_finish(int status);

/* ------------------------------------------------------------ evaluating */

/* Load an evidence file, check it against the set and evaluate it. Prints
 * nothing (thread-safe); every problem goes to diags. Returns 0 or the
 * library code of the failure: the record cannot be loaded, it answers
 * another set (SCSEC_EMISMATCH), or, with strict, the check found errors.
 * Without strict, errors of the check that the evaluation rules account for
 * (an unknown id, a not-applicable without justification, an expiry before
 * the assessment) do not stop it. */
int cli_evaluate_file(const char *path, const scsec_criteria *criteria,
                      const scsec_eval_options *eo, int strict, scsec_diagnostics *diags,
                      scsec_evidence **ev_out, scsec_result **result_out);

/* For evaluate and report: load the set, build the options, evaluate one
 * file, print every diagnostic. Returns an exit status; on EXIT_OK both
 * outputs are set and belong to the caller. The set is the result's
 * (scsec_result_criteria), which keeps it alive. */
int cli_evaluate_one(cli_evalopts *o, const char *path,
                     scsec_evidence **ev_out, scsec_result **result_out);

/* After the output is written: EXIT_FINDINGS (with a message) when a
 * required level was determined and is not reached, else EXIT_OK. */
int cli_verdict_status(const scsec_result *result, const scsec_criteria *criteria);

/* ============================================================ the command files */

int cmd_version(int argc, char **argv);
int cmd_trust(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_criteria(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_import_csv(int argc, char **argv);
int cmd_required_level(int argc, char **argv);
int cmd_evaluate(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* portfolio.c: scsec portfolio */
int cmd_portfolio(int argc, char **argv);

/* ============================================================ render.c */

/* The short human summary of a result (evaluate --format text); @p source
 * names the evidence file. Up to CLI_GAP_LIST gaps are listed one per line;
 * beyond that each category gets a line of counts per reason, unless `all`
 * asks for every gap. */
#define CLI_GAP_LIST 25
void cli_render_text(cli_buf *b, const scsec_result *result, const scsec_criteria *criteria,
                     const char *source, const char *lang, int all);

/* The self-contained HTML report (XHTML-compatible, inline CSS and SVG). */
void cli_render_html(cli_buf *b, const scsec_result *result, const scsec_criteria *criteria,
                     const scsec_evidence *evidence, const char *source, const char *lang);

/* The HTML report's style sheet, which every page of the tool shares. */
extern const char cli_html_css[];

/* The top-level category of a criterion. */
const scsec_category *cli_top_category(const scsec_criterion *criterion);

/* ============================================================ mapping.c */

/* scsec map; scsec criteria coverage (called by cmd_criteria). */
int cmd_map(int argc, char **argv);
int cli_criteria_coverage(int argc, char **argv);
/* scsec criteria diff (called by cmd_criteria); scsec migrate. */
int cli_criteria_diff(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
/* scsec mapping export. */
int cmd_mapping(int argc, char **argv);
/* Load a mapping set: a built-in id, else a file. Reports failures;
 * returns an exit status. */
int cli_load_mapping(scsec_mapping_set **out, const char *name);
/* The line every output of a derived record carries (doc/mapping.md). */
extern const char cli_derived_notice[];

/* ============================================================ sign.c */

/* scsec sign; scsec verify. */
int cmd_sign(int argc, char **argv);
int cmd_verify(int argc, char **argv);

/* ============================================================ oscal.c */

/* scsec criteria import-oscal, export-oscal (called by cmd_criteria) */
int cli_criteria_import_oscal(int argc, char **argv);
int cli_criteria_export_oscal(int argc, char **argv);
/* scsec import-oscal-results */
int cmd_import_oscal_results(int argc, char **argv);
/* scsec evaluate --format oscal-ar|oscal-poam: the result (and the record
 * evaluated) as OSCAL assessment-results, or its gaps as a POA&M, to out.
 * Returns the exit status. */
int cli_write_oscal_result(const char *out, const scsec_result *r, const scsec_evidence *ev,
                           int poam);

#endif /* SCSEC_TOOL_H */
