/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: a result rendered for people: the short text summary (evaluate)
 * and the self-contained HTML report (report): inline CSS, an inline SVG
 * chart, every string shown by the rule of text.c and escaped, nothing
 * fetched from the network. Shared by evaluate.c, report.c and
 * commands.c, which do not need each other. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scsec.h"

/* Columns of the criterion text in a gap line of the summary. */
#define TEXT_COLUMNS 70

static const scsec_function functions[] = {
	SCSEC_FUNCTION_GV, SCSEC_FUNCTION_ID, SCSEC_FUNCTION_PR,
	SCSEC_FUNCTION_DE, SCSEC_FUNCTION_RS, SCSEC_FUNCTION_RC,
};
#define NFUNCTIONS (sizeof functions / sizeof functions[0])

const char *cli_function_title(scsec_function f)
{
	switch (f) {
	case SCSEC_FUNCTION_GV: return "Govern";
	case SCSEC_FUNCTION_ID: return "Identify";
	case SCSEC_FUNCTION_PR: return "Protect";
	case SCSEC_FUNCTION_DE: return "Detect";
	case SCSEC_FUNCTION_RS: return "Respond";
	case SCSEC_FUNCTION_RC: return "Recover";
	case SCSEC_FUNCTION_NONE: break;
	}
	return "";
}

const char *cli_reason_words(scsec_reason reason)
{
	switch (reason) {
	case SCSEC_REASON_MISSING: return "not answered";
	case SCSEC_REASON_NOT_MET: return "answered as not met";
	case SCSEC_REASON_PARTIAL: return "only partly met";
	case SCSEC_REASON_NA_REJECTED:
		return "claimed not applicable, but that is not allowed here or not justified";
	case SCSEC_REASON_METHOD: return "assessed by a weaker method than the level needs";
	case SCSEC_REASON_NOT_YET_VALID:
		return "no assessment date, or assessed after the evaluation date";
	case SCSEC_REASON_EXPIRED: return "the answer's validity ran out before the evaluation date";
	case SCSEC_REASON_UNVERIFIED:
		return "no trusted signature vouches for the method the level needs";
	case SCSEC_REASON_NONE: break;
	}
	return "satisfied";
}

/* The words for a gap's reason: a prerequisite's "method" is a role that
 * differs from the one it names (doc/evaluation.md, rule 2). */
static const char *gap_words(const scsec_gap *g)
{
	if (scsec_gap_is_prerequisite(g) && scsec_gap_reason(g) == SCSEC_REASON_METHOD)
		return "answered by an assessor who states another role than the prerequisite names";
	return cli_reason_words(scsec_gap_reason(g));
}

const scsec_category *cli_top_category(const scsec_criterion *cr)
{
	const scsec_category *cat;

	if (!cr)
		return NULL;
	cat = scsec_requirement_category(scsec_criterion_requirement(cr));
	while (cat && scsec_category_parent(cat))
		cat = scsec_category_parent(cat);
	return cat;
}

/* The index of the level of this rank in the result, or -1. */
static long level_index(const scsec_result *r, int rank)
{
	size_t i;

	for (i = 0; i < scsec_result_level_count(r); i++)
		if (scsec_result_level_rank_at(r, i) == rank)
			return (long)i;
	return -1;
}

static const char *level_label(const scsec_criteria *c, int rank)
{
	const scsec_level *l = scsec_criteria_level_by_rank(c, rank);

	return l ? scsec_level_label(l) : "?";
}

/* The group a gap belongs to: NULL for prerequisites (and unknown ids). */
static const scsec_category *gap_category(const scsec_criteria *c, const scsec_gap *g)
{
	if (scsec_gap_is_prerequisite(g))
		return NULL;
	return cli_top_category(scsec_criteria_criterion(c, scsec_gap_id(g)));
}

static const char *gap_text(const scsec_criteria *c, const scsec_gap *g, const char *lang)
{
	const char *id = scsec_gap_id(g);

	if (scsec_gap_is_prerequisite(g)) {
		const scsec_prerequisite *p = scsec_criteria_prerequisite(c, id);

		return p ? scsec_prerequisite_title(p, lang) : "";
	} else {
		const scsec_criterion *cr = scsec_criteria_criterion(c, id);

		return cr ? scsec_criterion_text(cr, lang) : "";
	}
}

/* ================================================================ text */

/* A text of the message catalogue (the code itself when it has none). */
static const char *msg(const char *code, const char *lang)
{
	const char *s = scsec_message_text(code, lang);

	return s ? s : code;
}

/* A field of the summary: its name from the catalogue and a colon, padded
 * to 14 columns of the terminal, then value and a line end (value NULL:
 * the caller writes the rest of the line). */
static void field(cli_buf *b, const char *code, const char *lang, const char *value)
{
	const char *name = msg(code, lang);
	size_t w = cli_text_width(name) + 1;

	cli_buf_textf(b, "%s:", name);
	for (; w < 14; w++)
		cli_buf_putc(b, ' ');
	if (w >= 14 && cli_text_width(name) + 1 >= 14)
		cli_buf_putc(b, ' ');
	if (value)
		cli_buf_textf(b, "%s\n", value);
}

static void text_gap_lines(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                           const scsec_category *group, int idw, int rw, const char *lang)
{
	size_t i;

	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		if (gap_category(c, g) != group)
			continue;
		cli_buf_textf(b, "  %-*s  %-*s  ", idw, scsec_gap_id(g), rw,
		               scsec_reason_name(scsec_gap_reason(g)));
		cli_buf_put_truncated(b, gap_text(c, g, lang), TEXT_COLUMNS);
		cli_buf_putc(b, '\n');
	}
}

static size_t group_gap_count(const scsec_result *r, const scsec_criteria *c,
                              const scsec_category *group)
{
	size_t i, n = 0;

	for (i = 0; i < scsec_result_gap_count(r); i++)
		if (gap_category(c, scsec_result_gap_at(r, i)) == group)
			n++;
	return n;
}

/* The groups gaps are listed in, as the summary and the report show them:
 * the prerequisites (group NULL), then each top-level category, skipping
 * those without gaps. Start with *pos 0; returns the next group's number
 * of gaps and sets *group, or 0 after the last. */
static size_t next_gap_group(const scsec_result *r, const scsec_criteria *c, size_t *pos,
                             const scsec_category **group)
{
	size_t n;

	while (*pos <= scsec_criteria_category_count(c)) {
		const scsec_category *cat = *pos ? scsec_criteria_category_at(c, *pos - 1) : NULL;

		(*pos)++;
		if (cat && scsec_category_parent(cat))
			continue;
		if ((n = group_gap_count(r, c, cat))) {
			*group = cat;
			return n;
		}
	}
	return 0;
}

/* One line of counts per reason for the gaps of a group. */
static void text_gap_counts(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                            const scsec_category *group)
{
	size_t counts[SCSEC_REASON_COUNT_1_1] = { 0 }, i;
	const char *sep = "  ";

	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		if (gap_category(c, g) == group)
			counts[scsec_gap_reason(g)]++;
	}
	for (i = 1; i < SCSEC_REASON_COUNT_1_1; i++) {
		if (!counts[i])
			continue;
		cli_buf_textf(b, "%s%zu %s", sep, counts[i], scsec_reason_name((scsec_reason)i));
		sep = ", ";
	}
	cli_buf_putc(b, '\n');
}

/* Issue 13.5: the prerequisites that name an assessor role whose answer
 * states none (they count), one line each. */
static void text_unstated_roles(cli_buf *b, const scsec_result *r)
{
	size_t i;

	for (i = 0; i < scsec_result_unstated_role_count(r); i++) {
		const scsec_prerequisite *p = scsec_result_unstated_role_at(r, i);

		cli_buf_textf(b, "Unstated role: %s needs an answer by '%s'; its answer states no role "
		                 "(it counts, but nothing says who gave it)\n",
		               scsec_prerequisite_id(p), scsec_prerequisite_assessor_role(p));
	}
}

/* Issue 12: with a trust list, the list, whether its signature was
 * checked, the method the record's signatures support, and every
 * signature with its verdict. Nothing without one (the JSON and XML
 * results say "no trust policy"). */
static void text_trust(cli_buf *b, const scsec_result *r)
{
	char when[32];
	size_t i;

	if (!scsec_result_trust_applied(r))
		return;
	cli_buf_textf(b, "Trust:        %s %s (%s); the signatures support %s\n",
	               scsec_result_trust_operator(r), scsec_result_trust_version(r),
	               scsec_result_trust_verified(r) ? "the operator's signature checked"
	                                              : "NOT verified: its signature was not checked",
	               scsec_method_name(scsec_result_trusted_method(r)));
	for (i = 0; i < scsec_result_signer_count(r); i++) {
		const scsec_signer *g = scsec_result_signer_at(r, i);
		int64_t t = scsec_signer_signing_time(g);
		time_t tt = (time_t)t;
		struct tm tm;

		if (t < 0 || !gmtime_r(&tt, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
			snprintf(when, sizeof when, "no signing time");
		cli_buf_textf(b, "  %-22s %s", scsec_verdict_name(scsec_signer_verdict(g)),
		               scsec_signer_party(g) ? scsec_signer_party(g) : "-");
		if (scsec_signer_role(g))
			cli_buf_textf(b, " (%s)", scsec_signer_role(g));
		cli_buf_textf(b, ", %s, sha256 %s, %s", scsec_signer_subject(g) ? scsec_signer_subject(g)
		                                                                 : "no certificate",
		               scsec_signer_fingerprint(g) ? scsec_signer_fingerprint(g) : "-", when);
		if (scsec_signer_problem(g))
			cli_buf_textf(b, ": %s", scsec_signer_problem(g));
		cli_buf_putc(b, '\n');
	}
	if (!scsec_result_signer_count(r))
		cli_buf_puts(b, "  the record carries no signature\n");
}

/* Issue 13.6: a level may rest on not-applicable answers (whether it may is
 * the scheme's call); the buyer sees how many, per level and, at the gap
 * level, per top-level category. Nothing when there are none. */
static void text_not_applicable(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                                int gl)
{
	const char *sep = "";
	size_t i, total = 0;

	for (i = 0; i < scsec_result_level_count(r); i++)
		total += scsec_figures_not_applicable(scsec_result_level_figures_at(r, i));
	if (!total)
		return;
	cli_buf_puts(b, "Not applicable: ");
	for (i = 0; i < scsec_result_level_count(r); i++) {
		const scsec_figures *f = scsec_result_level_figures_at(r, i);

		cli_buf_textf(b, "%s%s: %zu of %zu satisfied", sep, scsec_result_level_label_at(r, i),
		               scsec_figures_not_applicable(f), scsec_figures_satisfied(f));
		sep = ", ";
	}
	cli_buf_putc(b, '\n');
	sep = "";
	for (i = 0; gl && i < scsec_result_category_count(r); i++) {
		const scsec_figures *f = scsec_result_category_figures_at(r, i);

		if (!scsec_figures_not_applicable(f))
			continue;
		if (!*sep)
			cli_buf_textf(b, "  at %s by category: ", level_label(c, gl));
		cli_buf_textf(b, "%s%s: %zu", sep, scsec_result_category_id_at(r, i),
		               scsec_figures_not_applicable(f));
		sep = ", ";
	}
	if (*sep)
		cli_buf_putc(b, '\n');
}

void cli_render_text(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                     const char *source, const char *lang, int all)
{
	char date[SCSEC_DATE_BUFSIZE];
	const char *subject = scsec_result_subject_name(r);
	int level = scsec_result_level(r), gl = scsec_result_gap_level(r);
	size_t i, pos = 0, ngaps = scsec_result_gap_count(r);
	const scsec_category *group;
	int idw = 0, rw = 0;
	long gi;

	if (subject)
		field(b, "summary.subject", lang, subject);
	if (source)
		field(b, "summary.evidence", lang, source);
	if (scsec_result_evidence_derived(r))
		cli_buf_puts(b, "Derived:      the record was derived through a mapping set: a head "
		                "start for a person to review, not an assessment\n");
	field(b, "summary.criteria", lang, NULL);
	cli_buf_textf(b, "%s %s\n", scsec_result_criteria_id(r), scsec_result_criteria_version(r));
	if (level) {
		field(b, "summary.level", lang, NULL);
		cli_buf_textf(b, "%s (%d)\n", scsec_result_level_label(r), level);
	} else {
		field(b, "summary.level", lang, msg("summary.no-level", lang));
	}
	field(b, "summary.valid-until", lang,
	      scsec_date_format(date, scsec_result_valid_until(r)) ? "-" : date);
	field(b, "summary.as-of", lang, scsec_date_format(date, scsec_result_as_of(r)) ? "-" : date);
	if (scsec_result_required_level(r))
		cli_buf_textf(b, "Required:     %s (%d): %s\n",
		               level_label(c, scsec_result_required_level(r)),
		               scsec_result_required_level(r),
		               scsec_result_meets_required(r) ? "met" : "NOT met");
	if (scsec_result_has_score(r)) {
		cli_buf_textf(b, "Score:        %ld of %ld", scsec_result_score(r),
		               scsec_result_score_max(r));
		if (scsec_result_band(r))
			cli_buf_textf(b, ", band %s", scsec_result_band(r));
		if (scsec_result_conditional(r))
			cli_buf_textf(b, ", %s", scsec_conditional_name(scsec_result_conditional(r)));
		cli_buf_putc(b, '\n');
	}
	text_not_applicable(b, r, c, gl);
	text_unstated_roles(b, r);
	text_trust(b, r);
	if (!gl)
		return;
	gi = level_index(r, gl);
	cli_buf_putc(b, '\n');
	if (!ngaps) {
		if (gl == level)
			cli_buf_textf(b, "No gaps: %s is the top level of the set.\n", level_label(c, gl));
		else
			cli_buf_textf(b, "Gaps to %s: none.\n", level_label(c, gl));
		return;
	}
	if (gi >= 0) {
		const scsec_figures *f = scsec_result_level_figures_at(r, (size_t)gi);

		cli_buf_textf(b, "Gaps to %s: %zu (%zu of %zu items satisfied)\n", level_label(c, gl),
		               ngaps, scsec_figures_satisfied(f), scsec_figures_applicable(f));
	} else {
		cli_buf_textf(b, "Gaps to %s: %zu\n", level_label(c, gl), ngaps);
	}
	for (i = 0; i < ngaps; i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);
		int n = (int)cli_text_width(scsec_gap_id(g));
		int m = (int)cli_text_width(scsec_reason_name(scsec_gap_reason(g)));

		idw = n > idw ? n : idw;
		rw = m > rw ? m : rw;
	}
	if (idw > 40)
		idw = 40;
	all = all || ngaps <= CLI_GAP_LIST;
	while (next_gap_group(r, c, &pos, &group)) {
		if (group)
			cli_buf_textf(b, "%s %s\n", scsec_category_id(group),
			               scsec_category_title(group, lang));
		else
			cli_buf_puts(b, "Prerequisites\n");
		/* Prerequisites are always listed one by one. */
		if (all || !group)
			text_gap_lines(b, r, c, group, idw, rw, lang);
		else
			text_gap_counts(b, r, c, group);
	}
	if (!all)
		cli_buf_textf(b, "\n%zu gaps: -v lists each one, --format json gives them all with "
		               "their reasons.\n",
		               ngaps);
}

/* ================================================================ HTML */

#define X(s) cli_buf_xml_text(b, (s))

static const char css[] =
	/* Japanese on Windows (Yu Gothic, Meiryo), macOS (Hiragino), Linux
	 * (Noto Sans CJK JP, IPA fonts). */
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Hiragino Sans\",\"Hiragino Kaku Gothic ProN\","
	"\"Yu Gothic UI\",\"Yu Gothic\",YuGothic,Meiryo,\"Noto Sans CJK JP\",\"Noto Sans JP\","
	"\"IPAexGothic\",\"IPAGothic\",sans-serif;margin:0 auto;max-width:62rem;padding:1.5rem;color:#1d2329;line-height:1.5;"
	"background:#fff}\n"
	"h1{font-size:1.6rem;margin:0 0 .25rem}\n"
	"h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #d5dde5;padding-bottom:.2rem}\n"
	"h3{font-size:1rem;margin:1.25rem 0 .4rem}\n"
	".subject{font-size:1.1rem;color:#46525e;margin:0}\n"
	".summary{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;margin-top:1rem}\n"
	".badge{font-size:2.4rem;font-weight:700;padding:.3rem 1.2rem;border-radius:.6rem;"
	"background:#e6f4ea;color:#1b5e20;border:2px solid #8fc79a}\n"
	".badge.none{background:#fdecea;color:#8a1c1c;border-color:#e8a5a0;font-size:1.6rem}\n"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}\n"
	"dl.meta dt{font-weight:600;color:#46525e}\n"
	"dl.meta dd{margin:0}\n"
	"table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
	"th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde3e8;vertical-align:top}\n"
	"th{background:#f3f6f8}\n"
	"td.id,.mono{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,monospace}\n"
	"td.id{white-space:nowrap}\n"
	".mono{word-break:break-all;font-size:.85rem}\n"
	".reason{font-weight:600}\n"
	".reason-expired,.reason-not-yet-valid{color:#9a4d00}\n"
	".reason-missing,.reason-not-met,.reason-na-rejected{color:#8a1c1c}\n"
	".reason-partial,.reason-method{color:#5b4a00}\n"
	".small{font-size:.85rem;color:#5a6772}\n"
	".ok{color:#1b5e20;font-weight:600}.no{color:#8a1c1c;font-weight:600}\n"
	"svg{max-width:100%;height:auto}\n"
	"footer{margin-top:2.5rem;font-size:.8rem;color:#5a6772}\n"
	"@media print{body{max-width:none;padding:0}h2{break-after:avoid}tr{break-inside:avoid}}\n";

static void html_dd_date(cli_buf *b, const char *term, scsec_date d)
{
	char date[SCSEC_DATE_BUFSIZE];

	cli_buf_printf(b, "<dt>%s</dt><dd>%s</dd>\n", term, scsec_date_format(date, d) ? "none" : date);
}

/* Issue 13.6: how many of the satisfied items were answered
 * not-applicable, when any. */
static void html_not_applicable(cli_buf *b, const scsec_figures *f)
{
	if (scsec_figures_not_applicable(f))
		cli_buf_printf(b, " <span class=\"small\">(%zu not applicable)</span>",
		               scsec_figures_not_applicable(f));
}

static void html_reasons(cli_buf *b, const scsec_figures *f)
{
	int r, first = 1;

	for (r = SCSEC_REASON_MISSING; r < SCSEC_REASON_COUNT_1_1; r++) {
		size_t n = scsec_figures_reason_count(f, (scsec_reason)r);

		if (!n)
			continue;
		cli_buf_printf(b, "%s%s %zu", first ? "" : ", ", scsec_reason_name((scsec_reason)r), n);
		first = 0;
	}
	if (first)
		cli_buf_puts(b, "\xe2\x80\x94");
}

static void html_chart(cli_buf *b, const scsec_result *r, const scsec_criteria *c)
{
	const int row_h = 40, label_w = 130, bar_w = 420, top = 8;
	const int height = top * 2 + (int)NFUNCTIONS * row_h;
	size_t i;

	cli_buf_printf(b,
	               "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"csf-chart\" width=\"720\" "
	               "height=\"%d\" viewBox=\"0 0 720 %d\" role=\"img\" "
	               "aria-labelledby=\"csf-chart-title\" font-family=\"system-ui, sans-serif\" "
	               "font-size=\"14\">\n",
	               height, height);
	cli_buf_puts(b, "<title id=\"csf-chart-title\">Satisfied and applicable criteria of ");
	X(level_label(c, scsec_result_gap_level(r)));
	cli_buf_puts(b, " per NIST CSF 2.0 function</title>\n");
	for (i = 0; i < NFUNCTIONS; i++) {
		const scsec_figures *f = scsec_result_function_figures(r, functions[i]);
		size_t appl = scsec_figures_applicable(f), sat = scsec_figures_satisfied(f);
		const char *code = scsec_function_code(functions[i]);
		int y = top + (int)i * row_h;
		int w = appl ? (int)((double)bar_w * (double)sat / (double)appl + 0.5) : 0;

		cli_buf_printf(b,
		               "<g class=\"bar\" id=\"bar-%s\" data-function=\"%s\" "
		               "data-satisfied=\"%zu\" data-applicable=\"%zu\">\n",
		               code, code, sat, appl);
		cli_buf_printf(b, "<title>%s (%s): %zu of %zu criteria satisfied</title>\n",
		               cli_function_title(functions[i]), code, sat, appl);
		cli_buf_printf(b,
		               "<text x=\"0\" y=\"%d\" fill=\"#1d2329\"><tspan font-weight=\"700\">%s"
		               "</tspan> %s</text>\n",
		               y + 24, code, cli_function_title(functions[i]));
		cli_buf_printf(b,
		               "<rect class=\"applicable\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" "
		               "rx=\"4\" fill=\"%s\" stroke=\"#b8c4ce\"/>\n",
		               label_w, y + 6, bar_w, appl ? "#e9eef2" : "#f7f9fa");
		if (appl)
			cli_buf_printf(b,
			               "<rect class=\"satisfied\" x=\"%d\" y=\"%d\" width=\"%d\" "
			               "height=\"24\" rx=\"4\" fill=\"%s\"/>\n",
			               label_w, y + 6, w, sat == appl ? "#2e7d32" : "#4f86c6");
		if (appl)
			cli_buf_printf(b,
			               "<text class=\"value\" x=\"%d\" y=\"%d\" fill=\"#1d2329\">%zu / %zu "
			               "(%d%%)</text>\n",
			               label_w + bar_w + 12, y + 24, sat, appl,
			               (int)(sat * 100 / appl)); /* floored: 100% only when all are */
		else
			cli_buf_printf(b,
			               "<text class=\"value\" x=\"%d\" y=\"%d\" fill=\"#5a6772\">no criteria "
			               "at this level</text>\n",
			               label_w + bar_w + 12, y + 24);
		cli_buf_puts(b, "</g>\n");
	}
	cli_buf_puts(b, "</svg>\n");
}

static void html_answer(cli_buf *b, const scsec_evidence *ev, const char *id)
{
	const scsec_entry *e = ev ? scsec_evidence_entry(ev, id) : NULL;
	char date[SCSEC_DATE_BUFSIZE];

	if (!e || scsec_entry_status(e) == SCSEC_STATUS_NONE) {
		cli_buf_puts(b, "no answer");
		return;
	}
	X(scsec_status_name(scsec_entry_status(e)));
	if (scsec_entry_method(e) != SCSEC_METHOD_NONE) {
		cli_buf_puts(b, ", ");
		X(scsec_method_name(scsec_entry_method(e)));
	}
	if (!scsec_date_format(date, scsec_entry_assessed_on(e)))
		cli_buf_printf(b, ", assessed %s", date);
	if (!scsec_date_format(date, scsec_entry_expires_on(e)))
		cli_buf_printf(b, ", valid to %s", date);
	if (scsec_entry_assessor(e)) {
		cli_buf_puts(b, "<br/><span class=\"small\">by ");
		X(scsec_entry_assessor(e));
		cli_buf_puts(b, "</span>");
	}
	if (scsec_entry_justification(e)) {
		cli_buf_puts(b, "<br/><span class=\"small\">justification: ");
		X(scsec_entry_justification(e));
		cli_buf_puts(b, "</span>");
	} else if (scsec_entry_status(e) == SCSEC_STATUS_NOT_APPLICABLE) {
		cli_buf_puts(b, "<br/><span class=\"small\">no justification given</span>");
	}
}

static void html_gap_table(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                           const scsec_evidence *ev, const scsec_category *group,
                           const char *lang)
{
	size_t i;

	cli_buf_puts(b, "<table>\n<thead><tr><th>Id</th><th>Reason</th><th>Criterion</th>"
	                "<th>Answer</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);
		const char *reason = scsec_reason_name(scsec_gap_reason(g));
		const scsec_criterion *cr;

		if (gap_category(c, g) != group)
			continue;
		cli_buf_puts(b, "<tr><td class=\"id\">");
		X(scsec_gap_id(g));
		cli_buf_printf(b, "</td><td><span class=\"reason reason-%s\">%s</span><br/>"
		                  "<span class=\"small\">%s</span></td><td>",
		               reason, reason, gap_words(g));
		X(gap_text(c, g, lang));
		cr = scsec_gap_is_prerequisite(g) ? NULL : scsec_criteria_criterion(c, scsec_gap_id(g));
		if (cr) {
			const scsec_requirement *rq = scsec_criterion_requirement(cr);

			cli_buf_puts(b, "<br/><span class=\"small\">requirement ");
			X(scsec_requirement_id(rq));
			cli_buf_puts(b, " ");
			X(scsec_requirement_name(rq, lang));
			cli_buf_puts(b, "</span>");
		}
		cli_buf_puts(b, "</td><td>");
		html_answer(b, ev, scsec_gap_id(g));
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n");
}

void cli_render_html(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                     const scsec_evidence *ev, const char *source, const char *lang)
{
	const char *subject = scsec_result_subject_name(r);
	int level = scsec_result_level(r), gl = scsec_result_gap_level(r);
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, n, pos = 0, ngaps = scsec_result_gap_count(r);
	const scsec_category *group;
	int provisional = 0;

	cli_buf_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
	X(lang ? lang : "en");
	cli_buf_puts(b, "\" xml:lang=\"");
	X(lang ? lang : "en");
	cli_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	                "<title>Supply-chain security evaluation: ");
	X(subject ? subject : source ? source : "evidence record");
	cli_buf_puts(b, "</title>\n<style>\n");
	cli_buf_puts(b, css);
	cli_buf_puts(b, "</style>\n</head>\n<body>\n<header>\n"
	                "<h1>Supply-chain security evaluation</h1>\n<p class=\"subject\">");
	X(subject ? subject : "Supplier not named in the evidence");
	cli_buf_puts(b, "</p>\n</header>\n");

	/* ---- the result */
	cli_buf_puts(b, "<section id=\"result\">\n<h2>Result</h2>\n<div class=\"summary\">\n");
	if (level) {
		cli_buf_puts(b, "<div class=\"badge\" id=\"level\">");
		X(scsec_result_level_label(r));
		cli_buf_puts(b, "</div>\n");
	} else {
		cli_buf_puts(b, "<div class=\"badge none\" id=\"level\">no level</div>\n");
	}
	cli_buf_puts(b, "<dl class=\"meta\">\n<dt>Level reached</dt><dd>");
	if (level) {
		X(scsec_result_level_label(r));
		cli_buf_printf(b, " (rank %d)", level);
	} else {
		cli_buf_puts(b, "none");
	}
	cli_buf_puts(b, "</dd>\n");
	html_dd_date(b, "Valid until", scsec_result_valid_until(r));
	html_dd_date(b, "As of", scsec_result_as_of(r));
	if (scsec_result_required_level(r)) {
		cli_buf_puts(b, "<dt>Required level</dt><dd>");
		X(level_label(c, scsec_result_required_level(r)));
		cli_buf_printf(b, ": %s</dd>\n", scsec_result_meets_required(r)
		                                     ? "<span class=\"ok\">met</span>"
		                                     : "<span class=\"no\">not met</span>");
	}
	if (scsec_result_has_score(r)) {
		cli_buf_printf(b, "<dt>Score</dt><dd>%ld of %ld", scsec_result_score(r),
		               scsec_result_score_max(r));
		if (scsec_result_band(r)) {
			cli_buf_puts(b, ", band ");
			X(scsec_result_band(r));
		}
		if (scsec_result_conditional(r)) {
			cli_buf_puts(b, ", ");
			X(scsec_conditional_name(scsec_result_conditional(r)));
		}
		cli_buf_puts(b, "</dd>\n");
	}
	if (scsec_result_trust_applied(r)) {
		cli_buf t = CLI_BUF_INIT;
		char *line, *save = NULL;

		/* The text summary's lines, without the label. */
		text_trust(&t, r);
		cli_buf_puts(b, "<dt>Trust</dt><dd>");
		for (line = t.failed || t.len < 14 ? NULL : strtok_r(t.data + 14, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			X(line);
			cli_buf_puts(b, "<br>");
		}
		cli_buf_puts(b, "</dd>\n");
		cli_buf_free(&t);
	}
	cli_buf_puts(b, "<dt>Criteria set</dt><dd>");
	X(scsec_criteria_title(c, lang));
	cli_buf_puts(b, "</dd>\n</dl>\n</div>\n");

	/* ---- levels */
	cli_buf_puts(b, "<h3>Levels</h3>\n<table id=\"levels\">\n<thead><tr><th>Level</th>"
	                "<th>Met</th><th>Satisfied / applicable</th><th>Unsatisfied, by reason</th>"
	                "<th>Method needed, validity</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < scsec_result_level_count(r); i++) {
		const scsec_figures *f = scsec_result_level_figures_at(r, i);
		const scsec_level *l = scsec_criteria_level_by_rank(c, scsec_result_level_rank_at(r, i));

		cli_buf_puts(b, "<tr><td>");
		X(l ? scsec_level_label(l) : "?");
		cli_buf_printf(b, "</td><td>%s</td><td>%zu / %zu",
		               scsec_result_level_met_at(r, i) ? "<span class=\"ok\">yes</span>"
		                                               : "<span class=\"no\">no</span>",
		               scsec_figures_satisfied(f), scsec_figures_applicable(f));
		html_not_applicable(b, f);
		cli_buf_puts(b, "</td><td>");
		html_reasons(b, f);
		cli_buf_puts(b, "</td><td>");
		if (l) {
			X(scsec_level_method(l) ? scsec_method_name(scsec_level_method(l)) : "any");
			cli_buf_puts(b, ", ");
			X(scsec_level_validity(l));
			if (scsec_level_validity_provisional(l)) {
				cli_buf_puts(b, " (provisional)");
				provisional = 1;
			}
		}
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n");
	for (i = 0; i < scsec_result_unstated_role_count(r); i++) {
		const scsec_prerequisite *p = scsec_result_unstated_role_at(r, i);

		cli_buf_puts(b, "<p class=\"small\">Unstated role: ");
		X(scsec_prerequisite_title(p, lang));
		cli_buf_puts(b, " needs an answer by <b>");
		X(scsec_prerequisite_assessor_role(p));
		cli_buf_puts(b, "</b>; its answer states no role. It counts, but nothing in the record "
		                "says who gave it.</p>\n");
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- chart */
	cli_buf_puts(b, "<section id=\"functions\">\n<h2>Criteria of ");
	X(level_label(c, gl));
	cli_buf_puts(b, " by NIST CSF 2.0 function</h2>\n<p class=\"small\">Satisfied (filled) "
	                "against applicable (the whole bar) criteria of the gap level, ");
	X(level_label(c, gl));
	cli_buf_puts(b, ".</p>\n");
	html_chart(b, r, c);
	cli_buf_puts(b, "<table id=\"categories\">\n<thead><tr><th>Category</th><th>Function</th>"
	                "<th>Satisfied / applicable</th><th>Unsatisfied, by reason</th></tr></thead>\n"
	                "<tbody>\n");
	for (i = 0; i < scsec_result_category_count(r); i++) {
		const char *id = scsec_result_category_id_at(r, i);
		const scsec_category *cat = id ? scsec_criteria_category(c, id) : NULL;
		const scsec_figures *f = scsec_result_category_figures_at(r, i);

		cli_buf_puts(b, "<tr><td>");
		X(id);
		cli_buf_puts(b, " ");
		X(cat ? scsec_category_title(cat, lang) : "");
		cli_buf_puts(b, "</td><td>");
		X(cat ? scsec_function_code(scsec_category_function(cat)) : "");
		cli_buf_printf(b, "</td><td>%zu / %zu", scsec_figures_satisfied(f),
		               scsec_figures_applicable(f));
		html_not_applicable(b, f);
		cli_buf_puts(b, "</td><td>");
		html_reasons(b, f);
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n</section>\n");

	/* ---- gaps */
	cli_buf_puts(b, "<section id=\"gaps\">\n<h2>Gaps to ");
	X(level_label(c, gl));
	cli_buf_printf(b, " (%zu)</h2>\n", ngaps);
	if (!ngaps) {
		cli_buf_puts(b, "<p>None: every criterion and prerequisite of ");
		X(level_label(c, gl));
		cli_buf_puts(b, " is satisfied.</p>\n");
	}
	while ((n = next_gap_group(r, c, &pos, &group))) {
		if (group) {
			cli_buf_puts(b, "<h3>");
			X(scsec_category_id(group));
			cli_buf_puts(b, " ");
			X(scsec_category_title(group, lang));
			cli_buf_printf(b, " (%zu)</h3>\n", n);
		} else {
			cli_buf_puts(b, "<h3>Prerequisites</h3>\n");
		}
		html_gap_table(b, r, c, ev, group, lang);
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- provenance */
	cli_buf_puts(b, "<section id=\"provenance\">\n<h2>Provenance</h2>\n<dl class=\"meta\">\n"
	                "<dt>Engine</dt><dd>");
	X(scsec_result_engine(r));
	cli_buf_puts(b, "</dd>\n<dt>Report written by</dt><dd>");
	X(cli_tool_name());
	cli_buf_puts(b, "</dd>\n<dt>Criteria set</dt><dd>");
	X(scsec_result_criteria_id(r));
	cli_buf_puts(b, " version ");
	X(scsec_result_criteria_version(r));
	if (scsec_criteria_publisher(c)) {
		cli_buf_puts(b, "<br/><span class=\"small\">");
		X(scsec_criteria_publisher(c));
		cli_buf_puts(b, "</span>");
	}
	cli_buf_puts(b, "</dd>\n<dt>Criteria fingerprint</dt><dd class=\"mono\">sha256:");
	X(scsec_result_criteria_fingerprint(r));
	cli_buf_puts(b, "</dd>\n");
	if (source) {
		cli_buf_puts(b, "<dt>Evidence file</dt><dd class=\"mono\">");
		X(source);
		cli_buf_puts(b, "</dd>\n");
	}
	cli_buf_puts(b, "<dt>Evidence fingerprint</dt><dd class=\"mono\">sha256:");
	X(scsec_result_evidence_fingerprint(r));
	cli_buf_puts(b, "</dd>\n");
	if (scsec_result_evidence_derived(r))
		cli_buf_puts(b, "<dt>Derived</dt><dd>The evidence was derived through a mapping set "
		                "(answers given to another framework or revision): a head start for a "
		                "person to review, not an assessment.</dd>\n");
	if (ev && scsec_evidence_criteria_fingerprint(ev) &&
	    strcmp(scsec_evidence_criteria_fingerprint(ev), scsec_result_criteria_fingerprint(r))) {
		cli_buf_puts(b, "<dt>Note</dt><dd>The evidence was written against a copy of the "
		                "criteria set with another fingerprint (");
		X(scsec_evidence_criteria_fingerprint(ev));
		cli_buf_puts(b, "): its texts may differ.</dd>\n");
	}
	for (i = 0; ev && i < scsec_evidence_subject_id_count(ev); i++) {
		const char *scheme = NULL, *value = NULL;

		if (scsec_evidence_subject_id_get(&scheme, &value, ev, i))
			continue;
		cli_buf_puts(b, "<dt>Subject identifier</dt><dd>");
		X(scheme);
		cli_buf_puts(b, ": <span class=\"mono\">");
		X(value);
		cli_buf_puts(b, "</span></dd>\n");
	}
	if (ev && (scsec_evidence_created(ev) || scsec_evidence_tool(ev))) {
		cli_buf_puts(b, "<dt>Evidence record made</dt><dd>");
		X(scsec_evidence_created(ev) ? scsec_evidence_created(ev) : "");
		if (scsec_evidence_created(ev) && scsec_evidence_tool(ev))
			cli_buf_puts(b, " by ");
		X(scsec_evidence_tool(ev) ? scsec_evidence_tool(ev) : "");
		cli_buf_puts(b, "</dd>\n");
	}
	cli_buf_printf(b, "<dt>Evaluated as of</dt><dd>%s</dd>\n",
	               scsec_date_format(date, scsec_result_as_of(r)) ? "" : date);
	cli_buf_puts(b, "</dl>\n</section>\n<footer>\n<p>");
	if (provisional)
		cli_buf_puts(b, "The validity periods of this criteria set are marked provisional. ");
	cli_buf_puts(b, "The level is computed by libscsec from the evidence as given; it is not a "
	                "certificate. The same criteria set, evidence and date give the same "
	                "result everywhere (see the fingerprints above).</p>\n</footer>\n"
	                "</body>\n</html>\n");
}

#undef X
