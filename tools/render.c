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

#include "scsec.h"

/* Columns of the criterion text in a gap line of the summary. */
#define TEXT_COLUMNS 70

static const scsec_function functions[] = {
	SCSEC_FUNCTION_GV, SCSEC_FUNCTION_ID, SCSEC_FUNCTION_PR,
	SCSEC_FUNCTION_DE, SCSEC_FUNCTION_RS, SCSEC_FUNCTION_RC,
};
#define NFUNCTIONS (sizeof functions / sizeof functions[0])

/* The title of a CSF function ("Govern", "統治"). */
static const char *function_title(scsec_function f, const char *lang)
{
	return cli_label("label.function", scsec_function_code(f), lang);
}

/* A reason in words ("the answer's validity ran out before the evaluation date"). */
static const char *reason_words(scsec_reason reason, const char *lang)
{
	if (reason == SCSEC_REASON_NONE)
		return cli_msg("report.legend.satisfied", lang);
	return cli_label("reason", scsec_reason_name(reason), lang);
}

/* A reason as a short label: the token in English ("method"). */
static const char *reason_label(scsec_reason reason, const char *lang)
{
	return cli_label("label.reason", scsec_reason_name(reason), lang);
}

/* The words for a gap's reason: a prerequisite's "method" is a role that
 * differs from the one it names (doc/evaluation.md, rule 2). */
static const char *gap_words(const scsec_gap *g, const char *lang)
{
	if (scsec_gap_is_prerequisite(g) && scsec_gap_reason(g) == SCSEC_REASON_METHOD)
		return cli_msg("reason.role", lang);
	return reason_words(scsec_gap_reason(g), lang);
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

/* A field of the summary: its name from the catalogue and a colon, padded
 * to 14 columns of the terminal, then value and a line end (value NULL:
 * the caller writes the rest of the line). */
static void field(cli_buf *b, const char *code, const char *lang, const char *value)
{
	const char *name = cli_msg(code, lang);
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
		               reason_label(scsec_gap_reason(g), lang));
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
                            const scsec_category *group, const char *lang)
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
		cli_buf_puts(b, sep);
		cli_buf_msgf(b, lang, "summary.reason-count", counts[i], reason_label((scsec_reason)i, lang));
		sep = cli_msg("summary.sep", lang);
	}
	cli_buf_putc(b, '\n');
}

/* Issue 13.5: the prerequisites that name an assessor role whose answer
 * states none (they count), one line each. */
static void text_unstated_roles(cli_buf *b, const scsec_result *r, const char *lang)
{
	size_t i;

	for (i = 0; i < scsec_result_unstated_role_count(r); i++) {
		const scsec_prerequisite *p = scsec_result_unstated_role_at(r, i);

		cli_buf_msgf(b, lang, "summary.unstated-role", scsec_prerequisite_id(p),
		             scsec_prerequisite_assessor_role(p));
		cli_buf_putc(b, '\n');
	}
}

/* Issue 12: with a trust list, the list, whether its signature was
 * checked, the method the record's signatures support, and every
 * signature with its verdict. Nothing without one (the JSON and XML
 * results say "no trust policy"). */
/* (labelled: with the summary's field name; the report has its own) */
static void text_trust(cli_buf *b, const scsec_result *r, const char *lang, int labelled)
{
	size_t i;

	if (!scsec_result_trust_applied(r))
		return;
	if (labelled)
		field(b, "summary.trust", lang, NULL);
	cli_buf_msgf(b, lang, "summary.trust.value", scsec_result_trust_operator(r),
	             scsec_result_trust_version(r),
	             cli_msg(scsec_result_trust_verified(r) ? "summary.trust.checked"
	                                                    : "summary.trust.unchecked",
	                     lang),
	             cli_label("value.method", scsec_method_name(scsec_result_trusted_method(r)), lang));
	cli_buf_putc(b, '\n');
	for (i = 0; i < scsec_result_signer_count(r); i++) {
		const scsec_signer *g = scsec_result_signer_at(r, i);

		cli_buf_textf(b, "  %-22s %s",
		               cli_label("label.verdict", scsec_verdict_name(scsec_signer_verdict(g)), lang),
		               scsec_signer_party(g) ? scsec_signer_party(g) : "-");
		if (scsec_signer_role(g))
			cli_buf_textf(b, " (%s)", scsec_signer_role(g));
		cli_buf_textf(b, ", %s, sha256 %s, ",
		               scsec_signer_subject(g) ? scsec_signer_subject(g)
		                                       : cli_msg("summary.no-certificate", lang),
		               scsec_signer_fingerprint(g) ? scsec_signer_fingerprint(g) : "-");
		cli_buf_time(b, scsec_signer_signing_time(g), cli_msg("summary.no-signing-time", lang));
		if (scsec_signer_problem(g))
			cli_buf_textf(b, ": %s", scsec_signer_problem(g));
		cli_buf_putc(b, '\n');
	}
	if (!scsec_result_signer_count(r))
		cli_buf_textf(b, "  %s\n", cli_msg("summary.no-signature", lang));
}

/* Issue 13.6: a level may rest on not-applicable answers (whether it may is
 * the scheme's call); the buyer sees how many, per level and, at the gap
 * level, per top-level category. Nothing when there are none. */
static void text_not_applicable(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                                int gl, const char *lang)
{
	const char *sep = "";
	size_t i, total = 0;

	for (i = 0; i < scsec_result_level_count(r); i++)
		total += scsec_figures_not_applicable(scsec_result_level_figures_at(r, i));
	if (!total)
		return;
	field(b, "summary.na", lang, NULL);
	for (i = 0; i < scsec_result_level_count(r); i++) {
		const scsec_figures *f = scsec_result_level_figures_at(r, i);

		cli_buf_puts(b, sep);
		cli_buf_msgf(b, lang, "summary.na.level", scsec_result_level_label_at(r, i),
		             scsec_figures_not_applicable(f), scsec_figures_satisfied(f));
		sep = cli_msg("summary.sep", lang);
	}
	cli_buf_putc(b, '\n');
	sep = "";
	for (i = 0; gl && i < scsec_result_category_count(r); i++) {
		const scsec_figures *f = scsec_result_category_figures_at(r, i);

		if (!scsec_figures_not_applicable(f))
			continue;
		if (!*sep)
			cli_buf_msgf(b, lang, "summary.na.by-category", level_label(c, gl));
		cli_buf_textf(b, "%s%s: %zu", sep, scsec_result_category_id_at(r, i),
		               scsec_figures_not_applicable(f));
		sep = cli_msg("summary.sep", lang);
	}
	if (*sep)
		cli_buf_putc(b, '\n');
}

/* Rule 12: the projection, when the result has one: per level not met,
 * the day it would be reached if every plan holds, or what blocks it (at
 * most CLI_BLOCKERS listed). Never the level. */
#define CLI_BLOCKERS 10
static void text_projection(cli_buf *b, const scsec_result *r, const char *lang)
{
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, k, n;

	if (!scsec_result_has_projection(r))
		return;
	field(b, "summary.projection", lang, cli_msg("summary.projection.value", lang));
	for (i = 0; i < scsec_result_level_count(r); i++) {
		if (scsec_result_level_met_at(r, i))
			continue;
		n = scsec_result_projection_blocker_count(r, i);
		cli_buf_textf(b, "  %s: ", scsec_result_level_label_at(r, i));
		if (!n) {
			scsec_date_format(date, scsec_result_projected_on_at(r, i));
			cli_buf_msgf(b, lang, "summary.projection.reached", date);
			cli_buf_putc(b, '\n');
			continue;
		}
		cli_buf_msgf_n(b, lang, "summary.projection.blocked", n, n);
		for (k = 0; k < n && k < CLI_BLOCKERS; k++) {
			const char *id = NULL;
			scsec_blocker kind = SCSEC_BLOCKER_UNPLANNED;

			scsec_result_projection_blocker_get(&id, &kind, r, i, k);
			cli_buf_textf(b, "%s %s (%s)", k ? "," : "", id,
			               cli_label("label.blocker", scsec_blocker_name(kind), lang));
		}
		if (n > CLI_BLOCKERS)
			cli_buf_msgf(b, lang, "summary.more", n - CLI_BLOCKERS);
		cli_buf_putc(b, '\n');
	}
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
		field(b, "summary.derived", lang, cli_msg("summary.derived.text", lang));
	field(b, "summary.criteria", lang, NULL);
	cli_buf_textf(b, "%s %s\n", scsec_result_criteria_id(r), scsec_result_criteria_version(r));
	if (level) {
		field(b, "summary.level", lang, NULL);
		cli_buf_textf(b, "%s (%d)\n", scsec_result_level_label(r), level);
	} else {
		field(b, "summary.level", lang, cli_msg("summary.no-level", lang));
	}
	field(b, "summary.valid-until", lang,
	      scsec_date_format(date, scsec_result_valid_until(r)) ? "-" : date);
	field(b, "summary.as-of", lang, scsec_date_format(date, scsec_result_as_of(r)) ? "-" : date);
	if (scsec_result_required_level(r)) {
		field(b, "summary.required", lang, NULL);
		cli_buf_textf(b, "%s (%d): %s\n", level_label(c, scsec_result_required_level(r)),
		               scsec_result_required_level(r),
		               cli_msg(scsec_result_meets_required(r) ? "summary.met" : "summary.not-met",
		                       lang));
	}
	if (scsec_result_has_score(r)) {
		field(b, "summary.score", lang, NULL);
		cli_buf_msgf(b, lang, "summary.score.value", scsec_result_score(r),
		             scsec_result_score_max(r));
		if (scsec_result_band(r))
			cli_buf_msgf(b, lang, "summary.band", scsec_result_band(r));
		if (scsec_result_conditional(r))
			cli_buf_textf(b, ", %s", scsec_conditional_name(scsec_result_conditional(r)));
		cli_buf_putc(b, '\n');
	}
	text_not_applicable(b, r, c, gl, lang);
	text_unstated_roles(b, r, lang);
	text_trust(b, r, lang, 1);
	text_projection(b, r, lang);
	if (!gl)
		return;
	gi = level_index(r, gl);
	cli_buf_putc(b, '\n');
	if (!ngaps) {
		cli_buf_msgf(b, lang, gl == level ? "summary.top-level" : "summary.gaps.none",
		             level_label(c, gl));
		cli_buf_putc(b, '\n');
		return;
	}
	if (gi >= 0) {
		const scsec_figures *f = scsec_result_level_figures_at(r, (size_t)gi);

		cli_buf_msgf(b, lang, "summary.gaps.figures", level_label(c, gl), ngaps,
		             scsec_figures_satisfied(f), scsec_figures_applicable(f));
	} else {
		cli_buf_msgf(b, lang, "summary.gaps.count", level_label(c, gl), ngaps);
	}
	cli_buf_putc(b, '\n');
	for (i = 0; i < ngaps; i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);
		int n = (int)cli_text_width(scsec_gap_id(g));
		int m = (int)cli_text_width(reason_label(scsec_gap_reason(g), lang));

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
			cli_buf_textf(b, "%s\n", cli_msg("report.prerequisites", lang));
		/* Prerequisites are always listed one by one. */
		if (all || !group)
			text_gap_lines(b, r, c, group, idw, rw, lang);
		else
			text_gap_counts(b, r, c, group, lang);
	}
	if (!all) {
		cli_buf_putc(b, '\n');
		cli_buf_msgf(b, lang, "summary.hint", ngaps);
		cli_buf_putc(b, '\n');
	}
}

/* ================================================================ HTML */

#define X(s) cli_buf_xml_text(b, (s))

/* The report's styles, shared by the portfolio dashboard (portfolio.c). */
const char cli_html_css[] =
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
	".lead{font-size:1.05rem;font-weight:600;margin:.5rem 0 1rem}\n"
	".note{background:#f3f6f8;border-left:4px solid #7f97ab;padding:.5rem .8rem;margin:.8rem 0}\n"
	".warning{background:#fff4e5;border-left:4px solid #d68a00;padding:.5rem .8rem;margin:.8rem 0}\n"
	".legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.85rem;margin:.3rem 0}\n"
	".swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;"
	"vertical-align:-.1rem;margin-right:.3rem}\n"
	"td,th,dd,p,li{overflow-wrap:anywhere}\n"
	"#projected th,#projected td:first-child,#projected td.on{white-space:nowrap}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}h2{break-after:avoid}"
	"tr,.note,.warning,svg{break-inside:avoid}thead{display:table-header-group}"
	".badge{border-width:1px}a{color:inherit;text-decoration:none}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* A term of the report's lists, from the catalogue: "<dt>TERM</dt><dd". */
static void html_dt(cli_buf *b, const char *code, const char *lang)
{
	cli_buf_puts(b, "<dt>");
	cli_buf_xml_text(b, cli_msg(code, lang));
	cli_buf_puts(b, "</dt><dd");
}

static void html_dd_date(cli_buf *b, const char *code, const char *lang, scsec_date d)
{
	char date[SCSEC_DATE_BUFSIZE];

	html_dt(b, code, lang);
	cli_buf_printf(b, ">%s</dd>\n", scsec_date_format(date, d) ? cli_msg("report.none", lang) : date);
}

/* A table's header row, its column names from the catalogue. */
static void html_thead(cli_buf *b, const char *const *codes, const char *lang)
{
	cli_buf_puts(b, "<thead><tr>");
	for (; *codes; codes++) {
		cli_buf_puts(b, "<th>");
		cli_buf_xml_text(b, cli_msg(*codes, lang));
		cli_buf_puts(b, "</th>");
	}
	cli_buf_puts(b, "</tr></thead>\n<tbody>\n");
}

/* Issue 13.6: how many of the satisfied items were answered
 * not-applicable, when any. */
static void html_not_applicable(cli_buf *b, const scsec_figures *f, const char *lang)
{
	if (!scsec_figures_not_applicable(f))
		return;
	cli_buf_puts(b, " <span class=\"small\">");
	cli_buf_xml_msgf(b, lang, "report.na-count", scsec_figures_not_applicable(f));
	cli_buf_puts(b, "</span>");
}

static void html_reasons(cli_buf *b, const scsec_figures *f, const char *lang)
{
	int r, first = 1;

	for (r = SCSEC_REASON_MISSING; r < SCSEC_REASON_COUNT_1_1; r++) {
		size_t n = scsec_figures_reason_count(f, (scsec_reason)r);

		if (!n)
			continue;
		if (!first)
			cli_buf_xml_text(b, cli_msg("summary.sep", lang));
		cli_buf_xml_msgf(b, lang, "report.reason-count", reason_label((scsec_reason)r, lang), n);
		first = 0;
	}
	if (first)
		cli_buf_puts(b, "\xe2\x80\x94");
}

/* The words for the method a level needs: "a third-party evaluation". */
static const char *method_words(scsec_method m, const char *lang)
{
	const char *name = scsec_method_name(m);
	const char *w = *name ? cli_label("words.method", name, lang) : name;

	return w != name ? w : cli_msg("words.method.stronger", lang);
}

/* A gap that is met but assessed by a weaker method (or one no trusted
 * signature vouches for): it needs a stronger assessment, not a fix. */
static int gap_needs_assessment(const scsec_gap *g)
{
	scsec_reason w = scsec_gap_reason(g);

	return !scsec_gap_is_prerequisite(g) &&
	       (w == SCSEC_REASON_METHOD || w == SCSEC_REASON_UNVERIFIED);
}

/* Satisfied and applicable criteria of function f at the level of index li,
 * from every criterion's reason there. */
static void function_at(const scsec_result *r, const scsec_criteria *c, size_t li,
                        scsec_function f, size_t *sat, size_t *appl)
{
	int rank = scsec_result_level_rank_at(r, li);
	size_t i;

	*sat = *appl = 0;
	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		scsec_reason w = SCSEC_REASON_NONE;

		if (scsec_criterion_function(cr) != f || !scsec_criterion_applies_at(cr, rank))
			continue;
		(*appl)++;
		if (!scsec_result_reason_get(&w, r, li, scsec_criterion_id(cr)) && w == SCSEC_REASON_NONE)
			(*sat)++;
	}
}

/* Issue 17: per function, the gap level's criteria as satisfied / met but
 * needing a stronger assessment / open, and beside it (below, thinner) the
 * achieved level's satisfied criteria, so that a holder of the level below
 * sees what it has done. */
static void html_chart(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                       const char *lang)
{
	const int row_h = 62, label_w = 120, bar_w = 340, top = 8, vx = 120 + 340 + 12;
	const int height = top * 2 + (int)NFUNCTIONS * row_h;
	int level = scsec_result_level(r), gl = scsec_result_gap_level(r);
	long ai = level && level != gl ? level_index(r, level) : -1;
	size_t i;

	cli_buf_printf(b,
	               "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"csf-chart\" width=\"720\" "
	               "height=\"%d\" viewBox=\"0 0 720 %d\" role=\"img\" "
	               "aria-labelledby=\"csf-chart-title\" font-family=\"system-ui, sans-serif\" "
	               "font-size=\"14\">\n",
	               height, height);
	cli_buf_puts(b, "<title id=\"csf-chart-title\">");
	cli_buf_xml_msgf(b, lang, "report.chart.title", level_label(c, gl));
	cli_buf_puts(b, "</title>\n");
	for (i = 0; i < NFUNCTIONS; i++) {
		const scsec_figures *f = scsec_result_function_figures(r, functions[i]);
		size_t appl = scsec_figures_applicable(f), sat = scsec_figures_satisfied(f);
		size_t meth = scsec_figures_reason_count(f, SCSEC_REASON_METHOD) +
		              scsec_figures_reason_count(f, SCSEC_REASON_UNVERIFIED);
		size_t open = appl - sat - meth;
		const char *code = scsec_function_code(functions[i]);
		int y = top + (int)i * row_h;
		int ws = appl ? (int)((double)bar_w * (double)sat / (double)appl + 0.5) : 0;
		int wm = appl ? (int)((double)bar_w * (double)(sat + meth) / (double)appl + 0.5) - ws : 0;

		cli_buf_printf(b,
		               "<g class=\"bar\" id=\"bar-%s\" data-function=\"%s\" "
		               "data-satisfied=\"%zu\" data-method=\"%zu\" data-open=\"%zu\" "
		               "data-applicable=\"%zu\">\n",
		               code, code, sat, meth, open, appl);
		cli_buf_puts(b, "<title>");
		cli_buf_xml_msgf(b, lang, "report.chart.bar", function_title(functions[i], lang), code,
		                 sat, appl, meth, open);
		cli_buf_printf(b,
		               "</title>\n<text x=\"0\" y=\"%d\" fill=\"#1d2329\"><tspan "
		               "font-weight=\"700\">%s</tspan> ",
		               y + 22, code);
		X(function_title(functions[i], lang));
		cli_buf_puts(b, "</text>\n");
		cli_buf_printf(b,
		               "<rect class=\"applicable\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" "
		               "rx=\"4\" fill=\"%s\" stroke=\"#b8c4ce\"/>\n",
		               label_w, y + 6, bar_w, appl ? "#e9eef2" : "#f7f9fa");
		if (appl && ws)
			cli_buf_printf(b,
			               "<rect class=\"satisfied\" x=\"%d\" y=\"%d\" width=\"%d\" "
			               "height=\"22\" rx=\"4\" fill=\"%s\"/>\n",
			               label_w, y + 6, ws, sat == appl ? "#2e7d32" : "#4f86c6");
		if (appl && wm)
			cli_buf_printf(b,
			               "<rect class=\"method\" x=\"%d\" y=\"%d\" width=\"%d\" "
			               "height=\"22\" fill=\"#e0a100\"/>\n",
			               label_w + ws, y + 6, wm);
		cli_buf_printf(b,
		               "<text class=\"value\" x=\"%d\" y=\"%d\" fill=\"%s\" "
		               "font-size=\"13\">",
		               vx, y + 22, appl ? "#1d2329" : "#5a6772");
		if (appl)
			cli_buf_xml_msgf(b, lang, "report.chart.value", sat, meth, open);
		else
			X(cli_msg("report.chart.empty", lang));
		cli_buf_puts(b, "</text>\n");
		cli_buf_puts(b, "</g>\n");
		if (ai >= 0) {
			size_t as, aa;
			int wa;

			function_at(r, c, (size_t)ai, functions[i], &as, &aa);
			wa = aa ? (int)((double)bar_w * (double)as / (double)aa + 0.5) : 0;
			cli_buf_printf(b,
			               "<g class=\"achieved-bar\" data-function=\"%s\" data-satisfied=\"%zu\" "
			               "data-applicable=\"%zu\">\n",
			               code, as, aa);
			cli_buf_printf(b,
			               "<rect class=\"achieved-applicable\" x=\"%d\" y=\"%d\" width=\"%d\" "
			               "height=\"10\" rx=\"3\" fill=\"#f1f4f6\" stroke=\"#c9d3db\"/>\n",
			               label_w, y + 34, bar_w);
			if (wa)
				cli_buf_printf(b,
				               "<rect class=\"achieved-satisfied\" x=\"%d\" y=\"%d\" "
				               "width=\"%d\" height=\"10\" rx=\"3\" fill=\"#2e7d32\"/>\n",
				               label_w, y + 34, wa);
			cli_buf_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#46525e\" font-size=\"12\">",
			               vx, y + 44);
			X(level_label(c, level));
			if (aa)
				cli_buf_printf(b, ": %zu / %zu</text>\n", as, aa);
			else
				cli_buf_printf(b, ": %s</text>\n", cli_msg("report.none", lang));
			cli_buf_puts(b, "</g>\n");
		}
	}
	cli_buf_puts(b, "</svg>\n");
}

static void html_answer(cli_buf *b, const scsec_evidence *ev, const char *id, const char *lang)
{
	const scsec_entry *e = ev ? scsec_evidence_entry(ev, id) : NULL;
	char date[SCSEC_DATE_BUFSIZE];

	if (!e || scsec_entry_status(e) == SCSEC_STATUS_NONE) {
		X(cli_msg("report.answer.none", lang));
		return;
	}
	X(cli_label("value.status", scsec_status_name(scsec_entry_status(e)), lang));
	if (scsec_entry_method(e) != SCSEC_METHOD_NONE) {
		X(cli_msg("summary.sep", lang));
		X(cli_label("value.method", scsec_method_name(scsec_entry_method(e)), lang));
	}
	if (!scsec_date_format(date, scsec_entry_assessed_on(e)))
		cli_buf_xml_msgf(b, lang, "report.answer.assessed", date);
	if (!scsec_date_format(date, scsec_entry_expires_on(e)))
		cli_buf_xml_msgf(b, lang, "report.answer.valid-to", date);
	if (scsec_entry_assessor(e)) {
		cli_buf_puts(b, "<br/><span class=\"small\">");
		cli_buf_xml_msgf(b, lang, "report.answer.by", scsec_entry_assessor(e));
		cli_buf_puts(b, "</span>");
	}
	if (scsec_entry_justification(e)) {
		cli_buf_puts(b, "<br/><span class=\"small\">");
		cli_buf_xml_msgf(b, lang, "report.answer.justification", scsec_entry_justification(e));
		cli_buf_puts(b, "</span>");
	} else if (scsec_entry_status(e) == SCSEC_STATUS_NOT_APPLICABLE) {
		cli_buf_puts(b, "<br/><span class=\"small\">");
		X(cli_msg("report.answer.no-justification", lang));
		cli_buf_puts(b, "</span>");
	}
}

static void html_gap_table(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                           const scsec_evidence *ev, const scsec_category *group,
                           const char *lang)
{
	static const char *const cols[] = { "report.col.id", "report.col.reason",
	                                    "report.col.criterion", "report.col.answer", NULL };
	size_t i;

	cli_buf_puts(b, "<table>\n");
	html_thead(b, cols, lang);
	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);
		const char *reason = scsec_reason_name(scsec_gap_reason(g));
		const scsec_criterion *cr;

		if (gap_category(c, g) != group || gap_needs_assessment(g))
			continue;
		cli_buf_puts(b, "<tr><td class=\"id\">");
		X(scsec_gap_id(g));
		cli_buf_printf(b, "</td><td><span class=\"reason reason-%s\">", reason);
		X(reason_label(scsec_gap_reason(g), lang));
		cli_buf_puts(b, "</span><br/><span class=\"small\">");
		X(gap_words(g, lang));
		cli_buf_puts(b, "</span></td><td>");
		X(gap_text(c, g, lang));
		cr = scsec_gap_is_prerequisite(g) ? NULL : scsec_criteria_criterion(c, scsec_gap_id(g));
		if (cr) {
			const scsec_requirement *rq = scsec_criterion_requirement(cr);

			cli_buf_puts(b, "<br/><span class=\"small\">");
			cli_buf_xml_msgf(b, lang, "report.requirement", scsec_requirement_id(rq),
			                 scsec_requirement_name(rq, lang));
			cli_buf_puts(b, "</span>");
		}
		cli_buf_puts(b, "</td><td>");
		html_answer(b, ev, scsec_gap_id(g), lang);
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n");
}

/* Gaps of a group that need fixes (not only a stronger assessment). */
static size_t group_fix_count(const scsec_result *r, const scsec_criteria *c,
                              const scsec_category *group)
{
	size_t i, n = 0;

	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		n += gap_category(c, g) == group && !gap_needs_assessment(g);
	}
	return n;
}

/* Issue 17: the method-only gaps, grouped in one compact table. */
static void html_assess_table(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                              const scsec_evidence *ev, const char *lang)
{
	static const char *const cols[] = { "report.col.id", "report.col.criterion",
	                                    "report.col.answer", NULL };
	size_t i;

	cli_buf_puts(b, "<table id=\"assess-gaps\">\n");
	html_thead(b, cols, lang);
	for (i = 0; i < scsec_result_gap_count(r); i++) {
		const scsec_gap *g = scsec_result_gap_at(r, i);

		if (!gap_needs_assessment(g))
			continue;
		cli_buf_printf(b, "<tr class=\"reason-%s\"><td class=\"id\">",
		               scsec_reason_name(scsec_gap_reason(g)));
		X(scsec_gap_id(g));
		cli_buf_puts(b, "</td><td>");
		X(gap_text(c, g, lang));
		cli_buf_puts(b, "</td><td>");
		html_answer(b, ev, scsec_gap_id(g), lang);
		if (scsec_gap_reason(g) == SCSEC_REASON_UNVERIFIED) {
			cli_buf_puts(b, "<br/><span class=\"small\">");
			X(cli_msg("report.answer.unverified", lang));
			cli_buf_puts(b, "</span>");
		}
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n");
}

/* A heading from the message catalogue (Japanese when the report is). */
static void heading(cli_buf *b, const char *tag, const char *code, const char *lang)
{
	cli_buf_printf(b, "<%s>", tag);
	X(cli_msg(code, lang));
}

/* Issue 17: for a level not met while a higher one is, say that levels do
 * not nest and what the lower one needs that is missing. */
static void html_nesting(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                         const char *lang)
{
	size_t n = scsec_result_level_count(r), i, k, shown;
	long top = -1;

	for (i = n; i-- > 0;)
		if (scsec_result_level_met_at(r, i)) {
			top = (long)i;
			break;
		}
	for (i = 0; top > 0 && i < (size_t)top; i++) {
		const scsec_level *l = scsec_result_level_at(r, i);
		scsec_reason w;

		if (scsec_result_level_met_at(r, i) || !l)
			continue;
		cli_buf_puts(b, "<div class=\"note\" id=\"nesting\"><p><b>");
		X(cli_msg("report.nesting", lang));
		X(cli_msg("report.stop", lang));
		cli_buf_puts(b, "</b> ");
		cli_buf_xml_msgf(b, lang, "report.nesting.text", scsec_result_level_label_at(r, (size_t)top),
		                 scsec_result_level_label_at(r, i));
		cli_buf_puts(b, "</p>\n<ul>\n");
		shown = 0;
		for (k = 0; k < scsec_level_prerequisite_count(l); k++) {
			const scsec_prerequisite *p = scsec_level_prerequisite_at(l, k);

			if (scsec_result_reason_get(&w, r, i, scsec_prerequisite_id(p)) || !w)
				continue;
			cli_buf_puts(b, "<li>");
			X(cli_msg("report.nesting.prerequisite", lang));
			cli_buf_puts(b, "<b>");
			X(scsec_prerequisite_title(p, lang));
			cli_buf_puts(b, "</b> (<span class=\"mono\">");
			X(scsec_prerequisite_id(p));
			cli_buf_puts(b, "</span>): ");
			X(reason_words(w, lang));
			cli_buf_puts(b, "</li>\n");
			shown++;
		}
		for (k = 0; k < scsec_criteria_criterion_count(c) && shown < 10; k++) {
			const scsec_criterion *cr = scsec_criteria_criterion_at(c, k);

			if (!scsec_criterion_applies_at(cr, scsec_result_level_rank_at(r, i)) ||
			    scsec_result_reason_get(&w, r, i, scsec_criterion_id(cr)) || !w)
				continue;
			cli_buf_puts(b, "<li><span class=\"mono\">");
			X(scsec_criterion_id(cr));
			cli_buf_puts(b, "</span> ");
			X(scsec_criterion_text(cr, lang));
			cli_buf_puts(b, ": ");
			X(reason_words(w, lang));
			cli_buf_puts(b, "</li>\n");
			shown++;
		}
		cli_buf_puts(b, "</ul>\n</div>\n");
	}
}

/* Rule 11: who vouched, when the result was judged under a trust list. */
static void html_signers(cli_buf *b, const scsec_result *r, const char *lang)
{
	static const char *const cols[] = { "report.col.party", "report.col.role",
	                                    "report.col.signer", "report.col.signed",
	                                    "report.col.verdict", NULL };
	size_t i;

	if (!scsec_result_trust_applied(r))
		return;
	cli_buf_puts(b, "<section id=\"signatures\">\n");
	heading(b, "h2", "report.signatures", lang);
	cli_buf_puts(b, "</h2>\n<p>");
	cli_buf_xml_msgf(b, lang, "report.trust",
	                 scsec_result_trust_operator(r) ? scsec_result_trust_operator(r) : "",
	                 scsec_result_trust_version(r) ? scsec_result_trust_version(r) : "",
	                 method_words(scsec_result_trusted_method(r), lang));
	cli_buf_puts(b, "</p>\n");
	if (!scsec_result_signer_count(r)) {
		cli_buf_puts(b, "<p>");
		X(cli_msg("report.no-signature", lang));
		cli_buf_puts(b, "</p>\n</section>\n");
		return;
	}
	cli_buf_puts(b, "<table id=\"signers\">\n");
	html_thead(b, cols, lang);
	for (i = 0; i < scsec_result_signer_count(r); i++) {
		const scsec_signer *sg = scsec_result_signer_at(r, i);
		int64_t t = scsec_signer_signing_time(sg);
		scsec_verdict v = scsec_signer_verdict(sg);

		cli_buf_puts(b, "<tr><td>");
		X(scsec_signer_party(sg) ? scsec_signer_party(sg) : "\xe2\x80\x94");
		cli_buf_puts(b, "</td><td>");
		X(scsec_signer_role(sg) ? scsec_signer_role(sg) : "\xe2\x80\x94");
		cli_buf_puts(b, "</td><td class=\"mono\">");
		X(scsec_signer_subject(sg) ? scsec_signer_subject(sg) : "\xe2\x80\x94");
		cli_buf_puts(b, "</td><td>");
		if (t >= 0) {
			char date[SCSEC_DATE_BUFSIZE];

			if (!scsec_date_format(date, (scsec_date)(t / 86400)))
				cli_buf_puts(b, date);
		}
		cli_buf_printf(b, "</td><td><span class=\"%s\">", v == SCSEC_VERDICT_COUNTED ? "ok" : "no");
		X(cli_label("label.verdict", scsec_verdict_name(v), lang));
		cli_buf_puts(b, "</span></td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* Rule 12: the projected dates, when the result has them. */
static void html_projection(cli_buf *b, const scsec_result *r, const char *lang)
{
	static const char *const cols[] = { "report.col.level", "report.col.reached-on",
	                                    "report.col.blocked-by", NULL };
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, k, n;

	if (!scsec_result_has_projection(r))
		return;
	cli_buf_puts(b, "<section id=\"projection\">\n");
	heading(b, "h2", "report.projection", lang);
	cli_buf_puts(b, "</h2>\n<p class=\"small\">");
	X(cli_msg("report.projection.note", lang));
	cli_buf_puts(b, "</p>\n<table id=\"projected\">\n");
	html_thead(b, cols, lang);
	for (i = 0; i < scsec_result_level_count(r); i++) {
		if (scsec_result_level_met_at(r, i))
			continue;
		n = scsec_result_projection_blocker_count(r, i);
		cli_buf_printf(b, "<tr data-rank=\"%d\"><td>", scsec_result_level_rank_at(r, i));
		X(scsec_result_level_label_at(r, i));
		cli_buf_printf(b, "</td><td class=\"on\">%s</td><td>",
		               scsec_date_format(date, scsec_result_projected_on_at(r, i)) ? "\xe2\x80\x94"
		                                                                           : date);
		if (!n)
			X(cli_msg("report.nothing", lang));
		for (k = 0; k < n && k < 20; k++) {
			const char *id = NULL;
			scsec_blocker kind = SCSEC_BLOCKER_UNPLANNED;

			scsec_result_projection_blocker_get(&id, &kind, r, i, k);
			cli_buf_puts(b, k ? ", <span class=\"mono\">" : "<span class=\"mono\">");
			X(id);
			cli_buf_puts(b, "</span> (");
			X(cli_label("label.blocker", scsec_blocker_name(kind), lang));
			cli_buf_puts(b, ")");
		}
		if (n > 20)
			cli_buf_xml_msgf(b, lang, "summary.more", n - 20);
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

void cli_render_html(cli_buf *b, const scsec_result *r, const scsec_criteria *c,
                     const scsec_evidence *ev, const char *source, const char *lang)
{
	static const char *const level_cols[] = { "report.col.level", "report.col.met",
	                                          "report.col.satisfied", "report.col.by-reason",
	                                          "report.col.method", NULL };
	static const char *const category_cols[] = { "report.col.category", "report.col.function",
	                                             "report.col.satisfied", "report.col.by-reason",
	                                             NULL };
	const char *subject = scsec_result_subject_name(r);
	int level = scsec_result_level(r), gl = scsec_result_gap_level(r);
	char date[SCSEC_DATE_BUFSIZE];
	size_t i, n, pos = 0, ngaps = scsec_result_gap_count(r), nassess = 0;
	const scsec_category *group;
	const scsec_level *gap_level = gl ? scsec_criteria_level_by_rank(c, gl) : NULL;
	int provisional = 0;
	long days = -1;

	for (i = 0; i < ngaps; i++)
		nassess += gap_needs_assessment(scsec_result_gap_at(r, i));
	if (level)
		days = (long)scsec_result_valid_until(r) - (long)scsec_result_as_of(r);
	cli_buf_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
	X(lang ? lang : "en");
	cli_buf_puts(b, "\" xml:lang=\"");
	X(lang ? lang : "en");
	cli_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	                "<title>");
	X(cli_msg("report.title", lang));
	cli_buf_puts(b, ": ");
	X(subject ? subject : source ? source : cli_msg("report.evidence-record", lang));
	cli_buf_puts(b, "</title>\n<style>\n");
	cli_buf_puts(b, cli_html_css);
	cli_buf_puts(b, "</style>\n</head>\n<body>\n<header>\n");
	heading(b, "h1", "report.title", lang);
	cli_buf_puts(b, "</h1>\n<p class=\"subject\">");
	X(subject ? subject : cli_msg("report.no-subject", lang));
	cli_buf_puts(b, "</p>\n</header>\n");

	/* ---- the result */
	cli_buf_puts(b, "<section id=\"result\">\n");
	heading(b, "h2", "report.result", lang);
	cli_buf_puts(b, "</h2>\n<div class=\"summary\">\n");
	if (level) {
		cli_buf_puts(b, "<div class=\"badge\" id=\"level\">");
		X(scsec_result_level_label(r));
		cli_buf_puts(b, "</div>\n");
	} else {
		cli_buf_puts(b, "<div class=\"badge none\" id=\"level\">");
		X(cli_msg("summary.no-level", lang));
		cli_buf_puts(b, "</div>\n");
	}
	cli_buf_puts(b, "<dl class=\"meta\">\n");
	html_dt(b, "report.level-reached", lang);
	cli_buf_puts(b, ">");
	if (level) {
		X(scsec_result_level_label(r));
		cli_buf_xml_msgf(b, lang, "report.rank", level);
	} else {
		X(cli_msg("report.none", lang));
	}
	cli_buf_puts(b, "</dd>\n");
	html_dt(b, "summary.valid-until", lang);
	cli_buf_puts(b, " id=\"valid-until\"");
	if (level) {
		scsec_date_format(date, scsec_result_valid_until(r));
		cli_buf_printf(b, " data-days=\"%ld\">", days);
		cli_buf_xml_msgf_n(b, lang, "report.valid-days", (size_t)days, date, days);
		cli_buf_puts(b, "</dd>\n");
	} else {
		cli_buf_printf(b, ">%s</dd>\n", cli_msg("report.none", lang));
	}
	html_dd_date(b, "summary.as-of", lang, scsec_result_as_of(r));
	if (scsec_result_required_level(r)) {
		int met = scsec_result_meets_required(r);

		html_dt(b, "report.required", lang);
		cli_buf_puts(b, ">");
		X(level_label(c, scsec_result_required_level(r)));
		cli_buf_printf(b, ": <span class=\"%s\">", met ? "ok" : "no");
		X(cli_msg(met ? "report.met" : "report.not-met", lang));
		cli_buf_puts(b, "</span></dd>\n");
	}
	{
		const scsec_figures *f = level ? scsec_result_level_figures_at(r, (size_t)level_index(r, level))
		                               : NULL;

		if (f) {
			html_dt(b, "summary.na", lang);
			cli_buf_printf(b, " id=\"not-applicable\" data-count=\"%zu\">",
			               scsec_figures_not_applicable(f));
			cli_buf_xml_msgf(b, lang, "report.na-text", scsec_figures_not_applicable(f),
			                 scsec_figures_satisfied(f), scsec_result_level_label(r));
			cli_buf_puts(b, "</dd>\n");
		}
	}
	if (scsec_result_has_score(r)) {
		html_dt(b, "summary.score", lang);
		cli_buf_puts(b, ">");
		cli_buf_xml_msgf(b, lang, "summary.score.value", scsec_result_score(r),
		                 scsec_result_score_max(r));
		if (scsec_result_band(r))
			cli_buf_xml_msgf(b, lang, "summary.band", scsec_result_band(r));
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
		text_trust(&t, r, lang, 0);
		html_dt(b, "summary.trust", lang);
		cli_buf_puts(b, ">");
		for (line = t.failed || !t.len ? NULL : strtok_r(t.data, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			X(line);
			cli_buf_puts(b, "<br>");
		}
		cli_buf_puts(b, "</dd>\n");
		cli_buf_free(&t);
	}
	html_dt(b, "report.criteria-set", lang);
	cli_buf_puts(b, ">");
	X(scsec_criteria_title(c, lang));
	cli_buf_puts(b, "</dd>\n</dl>\n</div>\n");
	/* Issue 17: a renewal warning inside 90 days. */
	if (level && days <= 90) {
		size_t k;

		cli_buf_puts(b, "<div class=\"warning\" id=\"renewal\"><b>");
		X(cli_msg("report.renewal", lang));
		cli_buf_puts(b, ":</b> ");
		scsec_date_format(date, scsec_result_valid_until(r));
		cli_buf_xml_msgf_n(b, lang, "report.renewal.expires", (size_t)days,
		                   scsec_result_level_label(r), days, date);
		cli_buf_xml_msgf_n(b, lang, "report.renewal.rests", scsec_result_rests_on_count(r),
		                   scsec_result_rests_on_count(r));
		for (k = 0; k < scsec_result_rests_on_count(r) && k < 12; k++) {
			cli_buf_puts(b, k ? ", <span class=\"mono\">" : " <span class=\"mono\">");
			X(scsec_result_rests_on_at(r, k));
			cli_buf_puts(b, "</span>");
		}
		if (scsec_result_rests_on_count(r) > 12)
			cli_buf_xml_msgf(b, lang, "summary.more", scsec_result_rests_on_count(r) - 12);
		X(cli_msg("report.stop", lang));
		X(cli_msg("report.renewal.advice", lang));
		cli_buf_puts(b, "</div>\n");
	}

	/* ---- levels */
	heading(b, "h3", "report.levels", lang);
	cli_buf_puts(b, "</h3>\n<table id=\"levels\">\n");
	html_thead(b, level_cols, lang);
	for (i = 0; i < scsec_result_level_count(r); i++) {
		const scsec_figures *f = scsec_result_level_figures_at(r, i);
		const scsec_level *l = scsec_criteria_level_by_rank(c, scsec_result_level_rank_at(r, i));

		cli_buf_puts(b, "<tr><td>");
		X(l ? scsec_level_label(l) : "?");
		cli_buf_printf(b, "</td><td><span class=\"%s\">",
		               scsec_result_level_met_at(r, i) ? "ok" : "no");
		X(cli_msg(scsec_result_level_met_at(r, i) ? "report.yes" : "report.no", lang));
		cli_buf_printf(b, "</span></td><td>%zu / %zu", scsec_figures_satisfied(f),
		               scsec_figures_applicable(f));
		html_not_applicable(b, f, lang);
		cli_buf_puts(b, "</td><td>");
		html_reasons(b, f, lang);
		cli_buf_puts(b, "</td><td>");
		if (l) {
			X(scsec_level_method(l)
			      ? cli_label("value.method", scsec_method_name(scsec_level_method(l)), lang)
			      : cli_msg("report.any", lang));
			X(cli_msg("summary.sep", lang));
			X(scsec_level_validity(l));
			if (scsec_level_validity_provisional(l)) {
				X(cli_msg("report.provisional", lang));
				provisional = 1;
			}
		}
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n");
	html_nesting(b, r, c, lang);
	for (i = 0; i < scsec_result_unstated_role_count(r); i++) {
		const scsec_prerequisite *p = scsec_result_unstated_role_at(r, i);

		cli_buf_puts(b, "<p class=\"small\">");
		cli_buf_xml_msgf(b, lang, "report.unstated-role", scsec_prerequisite_title(p, lang),
		                 scsec_prerequisite_assessor_role(p));
		cli_buf_puts(b, "</p>\n");
	}
	cli_buf_puts(b, "</section>\n");
	html_projection(b, r, lang);
	html_signers(b, r, lang);

	/* ---- chart */
	cli_buf_puts(b, "<section id=\"functions\">\n");
	heading(b, "h2", "report.functions", lang);
	cli_buf_puts(b, ": ");
	X(level_label(c, gl));
	cli_buf_puts(b, "</h2>\n<div class=\"legend\">"
	                "<span><span class=\"swatch\" style=\"background:#4f86c6\"></span>");
	X(cli_msg("report.legend.satisfied", lang));
	cli_buf_puts(b, "</span><span><span class=\"swatch\" style=\"background:#e0a100\"></span>");
	cli_buf_xml_msgf(b, lang, "report.legend.method",
	                 gap_level ? method_words(scsec_level_method(gap_level), lang)
	                           : method_words(SCSEC_METHOD_NONE, lang));
	cli_buf_puts(b, "</span><span><span class=\"swatch\" style=\"background:#e9eef2;"
	                "border:1px solid #b8c4ce\"></span>");
	X(cli_msg("report.legend.open", lang));
	cli_buf_puts(b, "</span>");
	if (level && level != gl) {
		cli_buf_puts(b, "<span><span class=\"swatch\" style=\"background:#2e7d32\"></span>");
		cli_buf_xml_msgf(b, lang, "report.legend.held", level_label(c, level));
		cli_buf_puts(b, "</span>");
	}
	cli_buf_puts(b, "</div>\n");
	html_chart(b, r, c, lang);
	cli_buf_puts(b, "<table id=\"categories\">\n");
	html_thead(b, category_cols, lang);
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
		html_not_applicable(b, f, lang);
		cli_buf_puts(b, "</td><td>");
		html_reasons(b, f, lang);
		cli_buf_puts(b, "</td></tr>\n");
	}
	cli_buf_puts(b, "</tbody>\n</table>\n</section>\n");

	/* ---- gaps: a summary sentence, the method-only gaps grouped, then the fixes */
	cli_buf_puts(b, "<section id=\"gaps\">\n");
	heading(b, "h2", "report.gaps", lang);
	cli_buf_puts(b, ": ");
	X(level_label(c, gl));
	cli_buf_printf(b, " (%zu)</h2>\n", ngaps);
	if (!ngaps) {
		cli_buf_puts(b, "<p>");
		cli_buf_xml_msgf(b, lang, "report.gaps.none", level_label(c, gl));
		cli_buf_puts(b, "</p>\n");
	} else {
		cli_buf_printf(b, "<p class=\"lead\" id=\"gap-summary\" data-assess=\"%zu\" "
		                  "data-fixes=\"%zu\">",
		               nassess, ngaps - nassess);
		cli_buf_xml_msgf(b, lang, "report.lead.needs", level_label(c, gl));
		if (nassess)
			cli_buf_xml_msgf_n(b, lang, "report.lead.assess", nassess,
			                   method_words(gap_level ? scsec_level_method(gap_level)
			                                          : SCSEC_METHOD_NONE,
			                                lang),
			                   nassess);
		if (nassess && ngaps > nassess)
			X(cli_msg("report.lead.and", lang));
		if (ngaps > nassess)
			cli_buf_xml_msgf_n(b, lang, "report.lead.fixes", ngaps - nassess, ngaps - nassess);
		X(cli_msg("report.stop", lang));
		cli_buf_puts(b, "</p>\n");
	}
	if (nassess) {
		heading(b, "h3", "report.assess", lang);
		cli_buf_printf(b, " (%zu)</h3>\n", nassess);
		html_assess_table(b, r, c, ev, lang);
	}
	if (ngaps > nassess) {
		heading(b, "h3", "report.fixes", lang);
		cli_buf_printf(b, " (%zu)</h3>\n", ngaps - nassess);
	}
	while (next_gap_group(r, c, &pos, &group)) {
		if (!(n = group_fix_count(r, c, group)))
			continue;
		if (group) {
			cli_buf_puts(b, "<h3>");
			X(scsec_category_id(group));
			cli_buf_puts(b, " ");
			X(scsec_category_title(group, lang));
			cli_buf_printf(b, " (%zu)</h3>\n", n);
		} else {
			heading(b, "h3", "report.prerequisites", lang);
			cli_buf_puts(b, "</h3>\n");
		}
		html_gap_table(b, r, c, ev, group, lang);
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- provenance */
	cli_buf_puts(b, "<section id=\"provenance\">\n");
	heading(b, "h2", "report.provenance", lang);
	cli_buf_puts(b, "</h2>\n<dl class=\"meta\">\n");
	html_dt(b, "report.engine", lang);
	cli_buf_puts(b, ">");
	X(scsec_result_engine(r));
	cli_buf_puts(b, "</dd>\n");
	html_dt(b, "report.written-by", lang);
	cli_buf_puts(b, ">");
	X(cli_tool_name());
	cli_buf_puts(b, "</dd>\n");
	html_dt(b, "report.criteria-set", lang);
	cli_buf_puts(b, ">");
	X(scsec_result_criteria_id(r));
	X(cli_msg("report.version", lang));
	X(scsec_result_criteria_version(r));
	if (scsec_criteria_publisher(c)) {
		cli_buf_puts(b, "<br/><span class=\"small\">");
		X(scsec_criteria_publisher(c));
		cli_buf_puts(b, "</span>");
	}
	cli_buf_puts(b, "</dd>\n");
	html_dt(b, "report.criteria-fingerprint", lang);
	cli_buf_puts(b, " class=\"mono\">sha256:");
	X(scsec_result_criteria_fingerprint(r));
	cli_buf_puts(b, "</dd>\n");
	if (source) {
		html_dt(b, "report.evidence-file", lang);
		cli_buf_puts(b, " class=\"mono\">");
		X(source);
		cli_buf_puts(b, "</dd>\n");
	}
	html_dt(b, "report.evidence-fingerprint", lang);
	cli_buf_puts(b, " class=\"mono\">sha256:");
	X(scsec_result_evidence_fingerprint(r));
	cli_buf_puts(b, "</dd>\n");
	if (scsec_result_evidence_derived(r)) {
		html_dt(b, "summary.derived", lang);
		cli_buf_puts(b, ">");
		X(cli_msg("report.derived", lang));
		cli_buf_puts(b, "</dd>\n");
	}
	if (ev && scsec_evidence_criteria_fingerprint(ev) &&
	    strcmp(scsec_evidence_criteria_fingerprint(ev), scsec_result_criteria_fingerprint(r))) {
		html_dt(b, "report.note", lang);
		cli_buf_puts(b, ">");
		cli_buf_xml_msgf(b, lang, "report.other-fingerprint", scsec_evidence_criteria_fingerprint(ev));
		cli_buf_puts(b, "</dd>\n");
	}
	for (i = 0; ev && i < scsec_evidence_subject_id_count(ev); i++) {
		const char *scheme = NULL, *value = NULL;

		if (scsec_evidence_subject_id_get(&scheme, &value, ev, i))
			continue;
		html_dt(b, "report.subject-id", lang);
		cli_buf_puts(b, ">");
		X(scheme);
		cli_buf_puts(b, ": <span class=\"mono\">");
		X(value);
		cli_buf_puts(b, "</span></dd>\n");
	}
	if (ev && (scsec_evidence_created(ev) || scsec_evidence_tool(ev))) {
		html_dt(b, "report.record-made", lang);
		cli_buf_puts(b, ">");
		if (scsec_evidence_created(ev) && scsec_evidence_tool(ev))
			cli_buf_xml_msgf(b, lang, "report.made-by", scsec_evidence_created(ev),
			                 scsec_evidence_tool(ev));
		else
			X(scsec_evidence_created(ev) ? scsec_evidence_created(ev) : scsec_evidence_tool(ev));
		cli_buf_puts(b, "</dd>\n");
	}
	html_dt(b, "report.evaluated-as-of", lang);
	cli_buf_printf(b, ">%s</dd>\n", scsec_date_format(date, scsec_result_as_of(r)) ? "" : date);
	cli_buf_puts(b, "</dl>\n</section>\n<footer>\n<p>");
	if (provisional)
		X(cli_msg("report.footer.provisional", lang));
	X(cli_msg("report.footer", lang));
	cli_buf_puts(b, "</p>\n</footer>\n</body>\n</html>\n");
}

#undef X
