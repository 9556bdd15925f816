/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec: the portfolio command, and its self-contained HTML dashboard
 * (the figures are the library's, scsec/portfolio.h; the styles are the
 * report's, render.c, with a few of the dashboard's own after them). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec.h"

static const char usage_portfolio[] =
	"usage: scsec portfolio [-c SET] --as-of YYYY-MM-DD [--contracts CONTRACTS.csv|.xlsx]\n"
	"                       [--within DAYS] [--format html|json|csv] [-o OUT] [--strict]\n"
	"                       [--project] [--lang LANG]\n"
	"                       [--trust LIST (--operator-cert CERT|--unverified-trust)]\n"
	"                       PATH...\n"
	"\n"
	"Evaluate many suppliers' evidence files (every FILE given, every *.xml,\n"
	"*.xml.gz and *.csv under a DIRECTORY, as batch finds them) as of one date\n"
	"and write the buyer's view: suppliers per level, each contract's level\n"
	"achieved against the one required (a supplier with several contracts is\n"
	"judged against the highest), the levels that expire within DAYS and the\n"
	"answers that make them expire, the suppliers below their requirement\n"
	"with the gap split into items met that need a stronger assessment and\n"
	"items that need fixes, the criteria most suppliers miss and, under a\n"
	"trust list, the suppliers whose evidence is unsigned or unverified. A supplier\n"
	"is named by its record's first subject id (a corporate number), else by\n"
	"its file. Files that cannot be read or evaluated are listed, not fatal.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET        a built-in id or a file (default " SCSEC_CRITERIA_DEFAULT ")\n"
	"  --as-of YYYY-MM-DD        the date of the figures (required)\n"
	"  --contracts FILE          the contracts sheet: supplier, contract, required\n"
	"                            and/or the set's questions (see scsec(1))\n"
	"  --within DAYS             a level ending within DAYS counts as expiring\n"
	"                            (default 90)\n"
	"  --format html|json|csv    the dashboard (default; by OUT's name otherwise),\n"
	"                            JSON (data/schema/scsec-portfolio-1.schema.json), CSV\n"
	"  -o, --output OUT          write to OUT (atomically) instead of stdout\n"
	"  --strict                  a record with check errors is listed as unreadable\n"
	"  --project                 show per supplier the day its target level (the\n"
	"                            required one when short of a contract, else the\n"
	"                            next) would be reached if its planned dates hold,\n"
	"                            or how many items block it (rule 12; a plan, never\n"
	"                            the achieved level)\n"
	CLI_USAGE_TRUST
	"      --encoding ENC        the encoding of CSV sheets (see scsec evaluate --help)\n"
	"  --lang LANG               the dashboard's language: en (default) or ja\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status: 0 every file evaluated; 1 some files could not be; 2 usage;\n"
	"3 or 4 when the set or the contracts cannot be loaded or OUT written.\n";

enum { OPT_CONTRACTS = 1000, OPT_WITHIN };

#define X(s) cli_buf_xml_text(b, (s))
/* The text of a message code in the function's lang, escaped. */
#define M(code) X(cli_msg((code), lang))

/* Rows of a table shown at once; the rest behind the page buttons. */
#define PAGE_ROWS 50
/* Heat-map columns drawn one per supplier up to this many suppliers. */
#define HEAT_SUPPLIERS 40
/* Criteria listed as the most missed. */
#define MISSED_ROWS 20

static const char dashboard_css[] =
	".cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}\n"
	".card{border:1px solid #d5dde5;border-radius:.5rem;padding:.5rem .9rem;min-width:8.5rem}\n"
	".card .n{font-size:1.6rem;font-weight:700;display:block}\n"
	".card .t{font-size:.85rem;color:#46525e}\n"
	".card.warn .n{color:#8a1c1c}\n"
	".charts{display:flex;flex-wrap:wrap;gap:1.5rem}\n"
	".chart{flex:1 1 26rem;min-width:0}\n"
	".scroll{overflow-x:auto}\n"
	"th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;"
	"color:inherit;text-align:left}\n"
	"th[aria-sort=ascending] button::after{content:\" \\25B2\"}\n"
	"th[aria-sort=descending] button::after{content:\" \\25BC\"}\n"
	"tr.pg-off{display:none}\n"
	".pager{margin:.4rem 0;font-size:.85rem;color:#5a6772}\n"
	".pager button{font:inherit;margin-right:.3rem}\n"
	"td.num,th.num{text-align:right}\n"
	"@media print{.pager button{display:none}.charts{display:block}"
	".chart{break-inside:avoid;margin-bottom:1rem}}\n";

/* Sorting by a column and paging, written in the page (nothing fetched):
 * without scripts the first page of every table shows, sorted by id. */
static const char dashboard_js[] =
	"(function(){\n"
	"function cellKey(td){var v=td.getAttribute('data-v');if(v===null)v=td.textContent;"
	"var n=Number(v);return v!==''&&!isNaN(n)?[0,n]:[1,v];}\n"
	"function cmp(a,b){if(a[0]!==b[0])return a[0]-b[0];return a[1]<b[1]?-1:a[1]>b[1]?1:0;}\n"
	"function page(t,p){var size=+t.getAttribute('data-page-size');"
	"var rows=t.tBodies[0].rows,n=rows.length,pages=Math.max(1,Math.ceil(n/size));"
	"p=Math.min(Math.max(p,0),pages-1);t.setAttribute('data-page',p);"
	"for(var i=0;i<n;i++)rows[i].className=(i>=p*size&&i<(p+1)*size)?'':'pg-off';"
	"var g=document.getElementById(t.id+'-pager');if(!g)return;"
	"var pos=g.querySelector('.pos');pos.textContent=pos.getAttribute('data-fmt')"
	".replace('{first}',n?p*size+1:0).replace('{last}',Math.min(n,(p+1)*size)).replace('{n}',n);}\n"
	"function sort(t,k){var th=t.tHead.rows[0].cells[k];"
	"var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;"
	"var cells=t.tHead.rows[0].cells;for(var i=0;i<cells.length;i++)cells[i].removeAttribute('aria-sort');"
	"th.setAttribute('aria-sort',dir>0?'ascending':'descending');"
	"var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);"
	"rows.forEach(function(r,i){r._i=i;});"
	"rows.sort(function(a,b){return dir*cmp(cellKey(a.cells[k]),cellKey(b.cells[k]))||a._i-b._i;});"
	"rows.forEach(function(r){body.appendChild(r);});page(t,0);}\n"
	"var ts=document.querySelectorAll('table.sortable');\n"
	"Array.prototype.forEach.call(ts,function(t){\n"
	"Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,k){"
	"var b=document.createElement('button');b.type='button';b.textContent=th.textContent;"
	"th.textContent='';th.appendChild(b);b.addEventListener('click',function(){sort(t,k);});});\n"
	"var g=document.getElementById(t.id+'-pager');if(g){"
	"g.querySelector('.prev').addEventListener('click',function(){page(t,+t.getAttribute('data-page')-1);});"
	"g.querySelector('.next').addEventListener('click',function(){page(t,+t.getAttribute('data-page')+1);});"
	"g.querySelector('.prev').hidden=false;g.querySelector('.next').hidden=false;}\n"
	"page(t,0);});\n"
	"})();\n";

/* ------------------------------------------------------------ helpers */

static const char *label_of(const scsec_criteria *c, int rank, const char *lang)
{
	const scsec_level *l = rank ? scsec_criteria_level_by_rank(c, rank) : NULL;

	return l ? scsec_level_label(l) : cli_msg("dashboard.none", lang);
}

/* Text cut to width columns ("…"), escaped for XML. */
static void x_truncated(cli_buf *b, const char *s, size_t width)
{
	cli_buf cut = CLI_BUF_INIT;

	cli_buf_put_truncated(&cut, s, width);
	X(cli_buf_str(&cut));
	cli_buf_free(&cut);
}

static void td_text(cli_buf *b, const char *cls, const char *s)
{
	cli_buf_printf(b, "<td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	X(s ? s : "");
	cli_buf_puts(b, "</td>");
}

static void td_num(cli_buf *b, long v)
{
	cli_buf_printf(b, "<td class=\"num\">%ld</td>", v);
}

/* A level cell: its label shown, its rank to sort by. */
static void td_level(cli_buf *b, const scsec_criteria *c, int rank, const char *lang)
{
	cli_buf_printf(b, "<td data-v=\"%d\">", rank);
	X(label_of(c, rank, lang));
	cli_buf_puts(b, "</td>");
}

static void td_date(cli_buf *b, scsec_date d)
{
	char date[SCSEC_DATE_BUFSIZE];

	cli_buf_printf(b, "<td class=\"id\">%s</td>", scsec_date_format(date, d) ? "" : date);
}

/* The projection of the supplier's target level: its day, "blocked (N)",
 * or empty (no target, no projection); sorted by day, blocked last. */
static void td_projection(cli_buf *b, const scsec_supplier *s, const char *lang)
{
	char date[SCSEC_DATE_BUFSIZE];
	scsec_date on = scsec_supplier_projected_on(s);
	size_t blocked = scsec_supplier_projection_blocked(s);

	if (on != SCSEC_DATE_NONE && !scsec_date_format(date, on))
		cli_buf_printf(b, "<td class=\"id\" data-v=\"%ld\">%s</td>", (long)on, date);
	else if (blocked) {
		cli_buf_puts(b, "<td class=\"no\" data-v=\"99999999\">");
		cli_buf_xml_msgf(b, lang, "dashboard.blocked", blocked);
		cli_buf_puts(b, "</td>");
	}
	else
		cli_buf_puts(b, "<td data-v=\"\"></td>");
}

/* Start a sortable, paged table; heads are message codes. */
static void table_start(cli_buf *b, const char *id, const char *caption, size_t nrows,
                        const char *const *heads, const char *num_cols, const char *lang)
{
	size_t i;

	cli_buf_printf(b, "<div class=\"scroll\"><table class=\"sortable\" id=\"%s\" data-page-size=\"%d\">"
	                  "\n<caption class=\"small\">", id, PAGE_ROWS);
	X(caption);
	cli_buf_puts(b, "</caption>\n<thead><tr>");
	for (i = 0; heads[i]; i++) {
		cli_buf_printf(b, "<th%s>", num_cols && strchr(num_cols, (int)('0' + i)) ?
		               " class=\"num\"" : "");
		M(heads[i]);
		cli_buf_puts(b, "</th>");
	}
	cli_buf_puts(b, "</tr></thead>\n<tbody>\n");
	(void)nrows;
}

/* Rows past the first page start hidden: the page is usable without the
 * script, and 10,000 rows do not all lay out. */
static void row_start(cli_buf *b, size_t i)
{
	cli_buf_puts(b, i < PAGE_ROWS ? "<tr>" : "<tr class=\"pg-off\">");
}

static void table_end(cli_buf *b, const char *id, size_t nrows, const char *lang)
{
	cli_buf_puts(b, "</tbody>\n</table></div>\n");
	if (nrows <= PAGE_ROWS)
		return;
	cli_buf_printf(b, "<p class=\"pager\" id=\"%s-pager\"><button type=\"button\" "
	                  "class=\"prev\" hidden=\"hidden\">", id);
	M("dashboard.pager.previous");
	cli_buf_puts(b, "</button><button type=\"button\" class=\"next\" hidden=\"hidden\">");
	M("dashboard.pager.next");
	cli_buf_puts(b, "</button><span class=\"pos\" data-fmt=\"");
	M("dashboard.pager.rows.script");
	cli_buf_puts(b, "\">");
	cli_buf_xml_msgf(b, lang, "dashboard.pager.rows", 1, PAGE_ROWS, nrows);
	cli_buf_puts(b, "</span>");
	M("dashboard.pager.all");
	cli_buf_puts(b, "</p>\n");
}

/* A figure and what it counts (text, escaped here). */
static void card(cli_buf *b, size_t n, const char *what, int warn)
{
	cli_buf_printf(b, "<div class=\"card%s\"><span class=\"n\">%zu</span><span class=\"t\">",
	               warn && n ? " warn" : "", n);
	X(what);
	cli_buf_puts(b, "</span></div>\n");
}

/* ------------------------------------------------------------ charts */

static void chart_levels(cli_buf *b, const scsec_portfolio *p, const scsec_criteria *c,
                         const char *lang)
{
	size_t nl = scsec_criteria_level_count(c), i, max = 1, rows = nl + 1;
	const int w = 420, bar0 = 90, rowh = 30;

	for (i = 0; i <= nl; i++) {
		int rank = i ? scsec_level_rank(scsec_criteria_level_at(c, i - 1)) : 0;
		size_t n = scsec_portfolio_level_suppliers(p, rank);

		if (n > max)
			max = n;
	}
	cli_buf_printf(b, "<svg id=\"chart-levels\" role=\"img\" aria-labelledby=\"chart-levels-t\" "
	                  "xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" "
	                  "viewBox=\"0 0 %d %zu\" font-size=\"13\">\n<title id=\"chart-levels-t\">",
	               w, rows * (size_t)rowh + 10, w, rows * (size_t)rowh + 10);
	M("dashboard.chart.levels.title");
	cli_buf_puts(b, "</title>\n");
	for (i = 0; i < rows; i++) {
		/* The highest level first, "none" last. */
		size_t li = nl - i;
		int rank = li ? scsec_level_rank(scsec_criteria_level_at(c, li - 1)) : 0;
		size_t n = scsec_portfolio_level_suppliers(p, rank);
		double len = (double)(w - bar0 - 60) * (double)n / (double)max;
		size_t y = i * (size_t)rowh + 5;

		cli_buf_printf(b, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", bar0 - 8, y + 18);
		X(li ? label_of(c, rank, lang) : cli_msg("dashboard.chart.no-level", lang));
		cli_buf_printf(b, "</text><rect x=\"%d\" y=\"%zu\" width=\"%.1f\" height=\"%d\" "
		                  "fill=\"%s\"/><text x=\"%.1f\" y=\"%zu\">%zu</text>\n",
		               bar0, y + 4, len < 1 && n ? 1.0 : len, rowh - 10,
		               li ? "#4f8f5b" : "#c0564b", bar0 + len + 6, y + 18, n);
	}
	cli_buf_puts(b, "</svg>\n");
}

/* Suppliers whose level ends in each of the next 12 months (from the
 * as-of month on), and those past them. */
static void chart_expiry(cli_buf *b, const scsec_portfolio *p, const char *lang)
{
	static const char *const months[] = { "dashboard.month.1", "dashboard.month.2",
		                              "dashboard.month.3", "dashboard.month.4",
		                              "dashboard.month.5", "dashboard.month.6",
		                              "dashboard.month.7", "dashboard.month.8",
		                              "dashboard.month.9", "dashboard.month.10",
		                              "dashboard.month.11", "dashboard.month.12" };
	size_t count[13] = { 0 }, i, n = scsec_portfolio_supplier_count(p), max = 1;
	int y0, m0, d0, k;
	const int w = 520, h = 190, left = 30, base = 150, colw = 36;

	scsec_date_split(&y0, &m0, &d0, scsec_portfolio_as_of(p));
	for (i = 0; i < n; i++) {
		const scsec_supplier *s = scsec_portfolio_supplier_at(p, i);
		int y, m, d;
		long idx;

		if (!scsec_supplier_level(s) || scsec_date_split(&y, &m, &d, scsec_supplier_valid_until(s)))
			continue;
		idx = (long)(y - y0) * 12 + (m - m0);
		count[idx < 0 ? 0 : idx > 12 ? 12 : idx]++;
	}
	for (k = 0; k < 13; k++)
		if (count[k] > max)
			max = count[k];
	cli_buf_printf(b, "<svg id=\"chart-expiry\" role=\"img\" aria-labelledby=\"chart-expiry-t\" "
	                  "xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	                  "viewBox=\"0 0 %d %d\" font-size=\"11\">\n<title id=\"chart-expiry-t\">",
	               w, h, w, h);
	M("dashboard.chart.expiry.title");
	cli_buf_printf(b, "</title>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	                  "stroke=\"#8a96a0\"/>\n",
	               left, base, left + 13 * colw, base);
	for (k = 0; k < 13; k++) {
		double bh = 120.0 * (double)count[k] / (double)max;
		int x = left + k * colw, m = (m0 - 1 + k) % 12, y = y0 + (m0 - 1 + k) / 12;

		cli_buf_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
		                  "<title>%zu</title></rect>\n",
		               x + 4, base - bh, colw - 8, bh, k == 12 ? "#8a96a0" : k < 3 ? "#c0564b"
		                                                                 : "#d9a23a",
		               count[k]);
		if (count[k])
			cli_buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%zu</text>\n",
			               x + colw / 2, base - bh - 3, count[k]);
		cli_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x + colw / 2,
		               base + 14);
		M(k < 12 ? months[m] : "dashboard.chart.later");
		cli_buf_puts(b, "</text>");
		if (k < 12)
			cli_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#5a6772\">"
			                  "%02d</text>",
			               x + colw / 2, base + 27, y % 100);
		cli_buf_puts(b, "\n");
	}
	cli_buf_puts(b, "</svg>\n");
}

static const char *heat_colour(size_t sat, size_t app)
{
	double r;

	if (!app)
		return "#eef1f4";
	r = (double)sat / (double)app;
	return r >= 1 ? "#2e7d32" : r >= .75 ? "#7cb342" : r >= .5 ? "#f0c419" : r >= .25 ? "#ef8a3c"
	                                                                            : "#c62828";
}

/* Categories down, suppliers across; beyond HEAT_SUPPLIERS, suppliers
 * counted per band of the share satisfied instead. */
static void chart_heat(cli_buf *b, const scsec_portfolio *p, const char *lang)
{
	static const char *const bands[] = { "0\xe2\x80\x93" "24%", "25\xe2\x80\x93" "49%",
		                             "50\xe2\x80\x93" "74%", "75\xe2\x80\x93" "99%", "100%" };
	size_t nc = scsec_portfolio_category_count(p), n = scsec_portfolio_supplier_count(p), i, j;
	int each = n <= HEAT_SUPPLIERS;
	size_t cols = each ? n : 5, cell = each ? 22 : 56, left = 150, top = each ? 84 : 24;
	size_t w = left + cols * cell + 10, h = top + nc * 22 + 10;

	cli_buf_printf(b, "<svg id=\"chart-heat\" role=\"img\" aria-labelledby=\"chart-heat-t\" "
	                  "xmlns=\"http://www.w3.org/2000/svg\" width=\"%zu\" height=\"%zu\" "
	                  "viewBox=\"0 0 %zu %zu\" font-size=\"11\">\n<title id=\"chart-heat-t\">",
	               w, h, w, h);
	M(each ? "dashboard.chart.heat.each" : "dashboard.chart.heat.bands");
	cli_buf_puts(b, "</title>\n");
	for (j = 0; j < cols; j++) {
		size_t x = left + j * cell + cell / 2;

		if (each) {
			cli_buf_printf(b, "<text transform=\"translate(%zu,%zu) rotate(-60)\">", x + 3,
			               top - 4);
			x_truncated(b, scsec_supplier_id(scsec_portfolio_supplier_at(p, j)), 13);
			cli_buf_puts(b, "</text>\n");
		} else {
			cli_buf_printf(b, "<text x=\"%zu\" y=\"%zu\" text-anchor=\"middle\">%s</text>\n", x,
			               top - 8, bands[j]);
		}
	}
	for (i = 0; i < nc; i++) {
		const scsec_category *cat = scsec_portfolio_category_at(p, i);
		size_t y = top + i * 22, band[5] = { 0 }, k;
		const char *title = scsec_category_title(cat, lang);

		cli_buf_printf(b, "<text x=\"%zu\" y=\"%zu\" text-anchor=\"end\">", left - 6, y + 15);
		x_truncated(b, title ? title : scsec_category_id(cat), 22);
		cli_buf_puts(b, "</text>\n");
		for (j = 0; j < n; j++) {
			const scsec_supplier *s = scsec_portfolio_supplier_at(p, j);
			size_t app, sat = scsec_supplier_category_satisfied(s, i, &app);

			if (each) {
				cli_buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"20\" "
				                  "fill=\"%s\"><title>",
				               left + j * cell, y, cell - 1, heat_colour(sat, app));
				cli_buf_xml_msgf(b, lang, "dashboard.chart.heat.cell", scsec_supplier_id(s),
				                 sat, app);
				cli_buf_puts(b, "</title></rect>\n");
			} else if (app) {
				double r = (double)sat / (double)app;

				band[r >= 1 ? 4 : r >= .75 ? 3 : r >= .5 ? 2 : r >= .25 ? 1 : 0]++;
			}
		}
		for (k = 0; !each && k < 5; k++) {
			static const char *const fill[] = { "#c62828", "#ef8a3c", "#f0c419", "#7cb342",
				                            "#2e7d32" };
			size_t x = left + k * cell;

			cli_buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"20\" fill=\"%s\" "
			                  "fill-opacity=\"%.2f\"/><text x=\"%zu\" y=\"%zu\" "
			                  "text-anchor=\"middle\">%zu</text>\n",
			               x, y, cell - 2, fill[k],
			               n ? 0.25 + 0.75 * (double)band[k] / (double)n : 0.25, x + cell / 2,
			               y + 14, band[k]);
		}
	}
	cli_buf_puts(b, "</svg>\n");
}

/* ------------------------------------------------------------ the page */

/* Who made the page with which set, the fingerprint in monospace (it is
 * hexadecimal, so found as it is in the escaped sentence). */
static void footer_made(cli_buf *b, const scsec_criteria *c, const char *lang)
{
	cli_buf t = CLI_BUF_INIT;
	const char *fp = scsec_criteria_fingerprint(c), *s, *at;

	cli_buf_xml_msgf(&t, lang, "dashboard.footer", cli_tool_name(), scsec_criteria_id(c),
	                 scsec_criteria_version(c), fp);
	s = cli_buf_str(&t);
	if (!fp || !*fp || !(at = strstr(s, fp))) {
		cli_buf_puts(b, s);
	} else {
		cli_buf_printf(b, "%.*s<span class=\"mono\">%s</span>%s", (int)(at - s), s, fp,
		               at + strlen(fp));
	}
	cli_buf_free(&t);
}

/* A section and its heading (text, escaped here). */
static void section_start(cli_buf *b, const char *id, const char *heading)
{
	cli_buf_printf(b, "<section id=\"%s\">\n<h2>", id);
	X(heading);
	cli_buf_puts(b, "</h2>\n");
}

/* A section's one sentence when it has no rows. */
static void section_none(cli_buf *b, const char *code, const char *lang)
{
	cli_buf_puts(b, "<p>");
	M(code);
	cli_buf_puts(b, "</p>\n");
}

static void render_html(cli_buf *b, const scsec_portfolio *p, const char *lang)
{
	const scsec_criteria *c = scsec_portfolio_criteria(p);
	size_t n = scsec_portfolio_supplier_count(p), i, k, met = 0, nk;
	char date[SCSEC_DATE_BUFSIZE];
	cli_buf within = CLI_BUF_INIT; /* the texts that name --within's days */

	scsec_date_format(date, scsec_portfolio_as_of(p));
	for (i = 0; i < n; i++)
		met += scsec_supplier_meets_required(scsec_portfolio_supplier_at(p, i)) == 1;
	cli_buf_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
	X(lang ? lang : "en");
	cli_buf_puts(b, "\" xml:lang=\"");
	X(lang ? lang : "en");
	cli_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	                "<title>");
	cli_buf_xml_msgf(b, lang, "dashboard.title.as-of", date);
	cli_buf_puts(b, "</title>\n<style>\n");
	cli_buf_puts(b, cli_html_css);
	cli_buf_puts(b, dashboard_css);
	cli_buf_puts(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
	M("dashboard.title");
	cli_buf_puts(b, "</h1>\n<p class=\"subject\">");
	cli_buf_xml_msgf(b, lang, "dashboard.as-of", date);
	cli_buf_puts(b, " \xc2\xb7 ");
	X(scsec_criteria_title(c, lang) ? scsec_criteria_title(c, lang) : scsec_criteria_id(c));
	cli_buf_puts(b, "</p>\n</header>\n<section id=\"summary\">\n<div class=\"cards\">\n");
	card(b, n, cli_msg("dashboard.card.suppliers", lang), 0);
	card(b, met, cli_msg("dashboard.card.meet", lang), 0);
	card(b, scsec_portfolio_below_count(p), cli_msg("dashboard.card.below", lang), 1);
	cli_buf_msgf(&within, lang, "dashboard.card.expiring", scsec_portfolio_within_days(p));
	card(b, scsec_portfolio_expiring_count(p), cli_buf_str(&within), 1);
	card(b, scsec_portfolio_unreadable_count(p), cli_msg("dashboard.card.unreadable", lang), 1);
	if (scsec_portfolio_trust_applied(p))
		card(b, scsec_portfolio_untrusted_count(p), cli_msg("dashboard.card.untrusted", lang), 1);
	cli_buf_puts(b, "</div>\n</section>\n");

	cli_buf_puts(b, "<section id=\"charts\">\n<h2>");
	M("dashboard.glance");
	cli_buf_puts(b, "</h2>\n<div class=\"charts\">\n<div class=\"chart\"><h3>");
	M("dashboard.chart.levels");
	cli_buf_puts(b, "</h3>\n");
	chart_levels(b, p, c, lang);
	cli_buf_puts(b, "</div>\n<div class=\"chart\"><h3>");
	M("dashboard.chart.expiry");
	cli_buf_puts(b, "</h3>\n");
	chart_expiry(b, p, lang);
	cli_buf_puts(b, "</div>\n</div>\n<h3>");
	M("dashboard.chart.heat");
	cli_buf_puts(b, "</h3>\n<p class=\"small\">");
	M("dashboard.chart.heat.note");
	cli_buf_puts(b, "</p>\n<div class=\"scroll\">");
	chart_heat(b, p, lang);
	cli_buf_puts(b, "</div>\n</section>\n");

	/* ---- below requirement */
	nk = scsec_portfolio_below_count(p);
	section_start(b, "below", cli_msg("dashboard.below", lang));
	if (!nk) {
		section_none(b, "dashboard.below.none", lang);
	} else {
		static const char *const heads[] = { "dashboard.col.supplier", "dashboard.col.name",
			                             "dashboard.col.level", "dashboard.col.required",
			                             "dashboard.col.gap-method",
			                             "dashboard.col.gap-fixes", NULL };

		table_start(b, "t-below", cli_msg("dashboard.below.caption", lang), nk, heads, "45",
		            lang);
		for (i = 0; i < nk; i++) {
			const scsec_supplier *s = scsec_portfolio_below_at(p, i);

			row_start(b, i);
			td_text(b, "id", scsec_supplier_id(s));
			td_text(b, NULL, scsec_supplier_name(s));
			td_level(b, c, scsec_supplier_level(s), lang);
			td_level(b, c, scsec_supplier_required(s), lang);
			td_num(b, (long)scsec_supplier_gap_method(s));
			td_num(b, (long)scsec_supplier_gap_fixes(s));
			cli_buf_puts(b, "</tr>\n");
		}
		table_end(b, "t-below", nk, lang);
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- expiring */
	nk = scsec_portfolio_expiring_count(p);
	cli_buf_free(&within); /* empty again, for the next text */
	cli_buf_msgf(&within, lang, "dashboard.expiring", scsec_portfolio_within_days(p));
	section_start(b, "expiring", cli_buf_str(&within));
	cli_buf_free(&within);
	if (!nk) {
		section_none(b, "dashboard.expiring.none", lang);
	} else {
		static const char *const heads[] = { "dashboard.col.supplier", "dashboard.col.name",
			                             "dashboard.col.level", "dashboard.col.valid-until",
			                             "dashboard.col.days-left", "dashboard.col.ending",
			                             NULL };

		table_start(b, "t-expiring", cli_msg("dashboard.expiring.caption", lang), nk, heads, "4",
		            lang);
		for (i = 0; i < nk; i++) {
			const scsec_supplier *s = scsec_portfolio_expiring_at(p, i);
			cli_buf items = CLI_BUF_INIT;

			for (k = 0; k < scsec_supplier_expiry_item_count(s); k++) {
				if (k)
					cli_buf_puts(&items, ", ");
				cli_buf_puts(&items, scsec_supplier_expiry_item_at(s, k));
			}
			row_start(b, i);
			td_text(b, "id", scsec_supplier_id(s));
			td_text(b, NULL, scsec_supplier_name(s));
			td_level(b, c, scsec_supplier_level(s), lang);
			td_date(b, scsec_supplier_valid_until(s));
			td_num(b, (long)scsec_supplier_valid_until(s) - (long)scsec_portfolio_as_of(p));
			td_text(b, "mono", cli_buf_str(&items));
			cli_buf_puts(b, "</tr>\n");
			cli_buf_free(&items);
		}
		table_end(b, "t-expiring", nk, lang);
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- missed */
	nk = scsec_portfolio_missed_count(p);
	section_start(b, "missed", cli_msg("dashboard.missed", lang));
	if (!nk) {
		section_none(b, "dashboard.missed.none", lang);
	} else {
		static const char *const heads[] = { "dashboard.col.criterion", "dashboard.col.text",
			                             "dashboard.col.suppliers", "dashboard.col.of-which",
			                             NULL };
		cli_buf caption = CLI_BUF_INIT;

		cli_buf_msgf(&caption, lang, "dashboard.missed.caption", MISSED_ROWS);
		table_start(b, "t-missed", cli_buf_str(&caption), nk, heads, "23", lang);
		cli_buf_free(&caption);
		for (i = 0; i < nk && i < MISSED_ROWS; i++) {
			const char *id = scsec_portfolio_missed_id_at(p, i);
			const scsec_criterion *cr = scsec_criteria_criterion(c, id);
			const scsec_prerequisite *pq = cr ? NULL : scsec_criteria_prerequisite(c, id);

			row_start(b, i);
			td_text(b, "id", id);
			td_text(b, NULL, cr ? scsec_criterion_text(cr, lang)
			                    : pq ? scsec_prerequisite_title(pq, lang) : "");
			td_num(b, (long)scsec_portfolio_missed_suppliers_at(p, i));
			td_num(b, (long)scsec_portfolio_missed_method_at(p, i));
			cli_buf_puts(b, "</tr>\n");
		}
		table_end(b, "t-missed", nk < MISSED_ROWS ? nk : MISSED_ROWS, lang);
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- untrusted */
	if (scsec_portfolio_trust_applied(p)) {
		nk = scsec_portfolio_untrusted_count(p);
		section_start(b, "untrusted", cli_msg("dashboard.untrusted", lang));
		if (!nk) {
			section_none(b, "dashboard.untrusted.none", lang);
		} else {
			static const char *const heads[] = { "dashboard.col.supplier", "dashboard.col.name",
				                             "dashboard.col.evidence", NULL };

			table_start(b, "t-untrusted", cli_msg("dashboard.untrusted.caption", lang), nk,
			            heads, NULL, lang);
			for (i = 0; i < nk; i++) {
				const scsec_supplier *s = scsec_portfolio_untrusted_at(p, i);

				row_start(b, i);
				td_text(b, "id", scsec_supplier_id(s));
				td_text(b, NULL, scsec_supplier_name(s));
				td_text(b, NULL, cli_label("dashboard.trust", scsec_supplier_trust(s), lang));
				cli_buf_puts(b, "</tr>\n");
			}
			table_end(b, "t-untrusted", nk, lang);
		}
		cli_buf_puts(b, "</section>\n");
	}

	/* ---- contracts */
	nk = scsec_portfolio_contract_count(p);
	section_start(b, "contracts", cli_msg("dashboard.contracts", lang));
	if (!nk) {
		section_none(b, "dashboard.contracts.none", lang);
	} else {
		static const char *const heads[] = { "dashboard.col.supplier", "dashboard.col.contract",
			                             "dashboard.col.required", "dashboard.col.achieved",
			                             "dashboard.col.meets", NULL };

		table_start(b, "t-contracts", cli_msg("dashboard.contracts.caption", lang), nk, heads,
		            NULL, lang);
		for (i = 0; i < nk; i++) {
			const scsec_contract *k2 = scsec_portfolio_contract_at(p, i);
			const scsec_supplier *s = scsec_contract_supplier(k2);
			int meets = scsec_contract_meets(k2);

			row_start(b, i);
			td_text(b, "id", scsec_contract_supplier_id(k2));
			td_text(b, "id", scsec_contract_id(k2));
			td_level(b, c, scsec_contract_required(k2), lang);
			if (s) {
				td_level(b, c, scsec_supplier_level(s), lang);
			} else {
				cli_buf_puts(b, "<td data-v=\"-1\">");
				M("dashboard.no-evidence");
				cli_buf_puts(b, "</td>");
			}
			cli_buf_printf(b, "<td class=\"%s\">", meets > 0 ? "ok" : "no");
			M(meets > 0 ? "dashboard.yes" : meets == 0 ? "dashboard.no" : "dashboard.no-evidence");
			cli_buf_puts(b, "</td></tr>\n");
		}
		table_end(b, "t-contracts", nk, lang);
	}
	cli_buf_puts(b, "</section>\n");

	/* ---- every supplier */
	{
		static const char *const heads[] = { "dashboard.col.supplier", "dashboard.col.name",
			                             "dashboard.col.level", "dashboard.col.valid-until",
			                             "dashboard.col.required",
			                             "dashboard.col.gap-assessment",
			                             "dashboard.col.gap-fix", "dashboard.col.file", NULL };
		static const char *const heads_projected[] = {
			"dashboard.col.supplier", "dashboard.col.name", "dashboard.col.level",
			"dashboard.col.valid-until", "dashboard.col.required",
			"dashboard.col.gap-assessment", "dashboard.col.gap-fix",
			"dashboard.col.projected", "dashboard.col.file", NULL
		};
		int projected = scsec_portfolio_projection_applied(p);

		section_start(b, "suppliers", cli_msg("dashboard.suppliers", lang));
		table_start(b, "t-suppliers",
		            cli_msg(projected ? "dashboard.suppliers.caption.projected"
		                              : "dashboard.suppliers.caption", lang),
		            n, projected ? heads_projected : heads, "56", lang);
		for (i = 0; i < n; i++) {
			const scsec_supplier *s = scsec_portfolio_supplier_at(p, i);

			row_start(b, i);
			td_text(b, "id", scsec_supplier_id(s));
			td_text(b, NULL, scsec_supplier_name(s));
			td_level(b, c, scsec_supplier_level(s), lang);
			td_date(b, scsec_supplier_level(s) ? scsec_supplier_valid_until(s)
			                                   : SCSEC_DATE_NONE);
			td_level(b, c, scsec_supplier_required(s), lang);
			td_num(b, (long)scsec_supplier_gap_method(s));
			td_num(b, (long)scsec_supplier_gap_fixes(s));
			if (projected)
				td_projection(b, s, lang);
			td_text(b, "mono", scsec_supplier_source(s));
			cli_buf_puts(b, "</tr>\n");
		}
		table_end(b, "t-suppliers", n, lang);
		cli_buf_puts(b, "</section>\n");
	}

	/* ---- unreadable */
	nk = scsec_portfolio_unreadable_count(p);
	if (nk) {
		static const char *const heads[] = { "dashboard.col.file", "dashboard.col.why", NULL };

		section_start(b, "unreadable", cli_msg("dashboard.unreadable", lang));
		table_start(b, "t-unreadable", cli_msg("dashboard.unreadable.caption", lang), nk, heads,
		            NULL, lang);
		for (i = 0; i < nk; i++) {
			row_start(b, i);
			td_text(b, "mono", scsec_portfolio_unreadable_at(p, i));
			td_text(b, NULL, scsec_portfolio_unreadable_problem_at(p, i));
			cli_buf_puts(b, "</tr>\n");
		}
		table_end(b, "t-unreadable", nk, lang);
		cli_buf_puts(b, "</section>\n");
	}

	cli_buf_puts(b, "<footer>");
	footer_made(b, c, lang);
	M("dashboard.footer.offline");
	cli_buf_puts(b, "</footer>\n<script>//<![CDATA[\n");
	/* In CDATA: the page stays well-formed XML (XHTML) as the report is. */
	cli_buf_puts(b, dashboard_js);
	cli_buf_puts(b, "//]]></script>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------ the command */

/* The supplier's id: the record's first subject id, else the file. */
static const char *supplier_id(const scsec_evidence *ev, const char *path)
{
	const char *scheme, *value;

	if (scsec_evidence_subject_id_count(ev) &&
	    !scsec_evidence_subject_id_get(&scheme, &value, ev, 0) && value && *value)
		return value;
	return path;
}

/* Evaluate one file into the portfolio; a failure is an unreadable entry. */
static int add_file(scsec_portfolio *p, const cli_file *f, const scsec_criteria *c,
                    const scsec_eval_options *eo, int strict)
{
	scsec_diagnostics *diags = NULL;
	scsec_evidence *ev = NULL;
	scsec_result *r = NULL;
	char *why = NULL;
	int rc;

	if (f->error)
		return scsec_portfolio_add_unreadable(p, f->path, f->error);
	if ((why = cli_check_regular(f->path))) {
		rc = scsec_portfolio_add_unreadable(p, f->path, why);
		free(why);
		return rc;
	}
	if ((rc = scsec_diagnostics_new(&diags)))
		return rc;
	scsec_error_clear();
	rc = cli_evaluate_file(f->path, c, eo, strict, diags, &ev, &r);
	if (!rc) {
		rc = scsec_portfolio_add(p, supplier_id(ev, f->path), scsec_result_subject_name(r), r,
		                         f->path);
		if (rc == SCSEC_EINVAL || rc == SCSEC_EEXISTS) {
			cli_buf msg = CLI_BUF_INIT;

			cli_last_error_text(&msg, rc);
			rc = scsec_portfolio_add_unreadable(p, f->path, cli_buf_str(&msg));
			cli_buf_free(&msg);
		}
	} else if (rc != SCSEC_ENOMEM) {
		why = cli_error_text(rc, diags);
		rc = scsec_portfolio_add_unreadable(p, f->path, why ? why : scsec_strerror(rc));
		free(why);
	}
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(diags);
	return rc;
}

int cmd_portfolio(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "contracts", required_argument, NULL, OPT_CONTRACTS },
		{ "within", required_argument, NULL, OPT_WITHIN },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "project", no_argument, NULL, OPT_PROJECT },
		{ "lang", required_argument, NULL, OPT_LANG },
		CLI_TRUST_OPTIONS,
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "html", "json", "csv", NULL };
	const char *out = NULL, *format = NULL, *contracts = NULL;
	const char **inputs = NULL;
	scsec_criteria *c = NULL;
	scsec_eval_options *eo = NULL;
	scsec_portfolio *p = NULL;
	scsec_diagnostics *diags = NULL;
	cli_evalopts o;
	cli_files files = CLI_FILES_INIT;
	long within = 90;
	int opt, rc = EXIT_OK, strict = 0, i;
	size_t k;

	cli_cmd = "scsec portfolio";
	cli_evalopts_init(&o);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c':
		case OPT_AS_OF:
		case OPT_PROJECT:
		case OPT_TRUST:
		case OPT_OPERATOR_CERT:
		case OPT_UNVERIFIED_TRUST:
		case OPT_ENCODING:
		case OPT_LANG:
			rc = cli_evalopts_handle(&o, opt, optarg);
			break;
		case 'o': out = optarg; break;
		case OPT_CONTRACTS: contracts = optarg; break;
		case OPT_WITHIN:
			rc = cli_parse_long("--within", optarg, 0, SCSEC_PORTFOLIO_MAX_WITHIN, &within);
			break;
		case OPT_FORMAT: rc = cli_parse_format(optarg, formats, &format); break;
		case OPT_STRICT: strict = 1; break;
		case 'h':
			fputs(usage_portfolio, stdout);
			goto done;
		default: rc = cli_bad_option(usage_portfolio, argv, opt);
		}
		if (rc != EXIT_OK)
			goto done;
	}
	if (!o.as_of_text) {
		rc = cli_usage_error(usage_portfolio, "--as-of YYYY-MM-DD is required: the figures are "
		                                      "as of one date");
		goto done;
	}
	if (optind >= argc) {
		rc = cli_usage_error(usage_portfolio, "no PATH given");
		goto done;
	}
	if (!format)
		format = out && (cli_has_suffix(out, ".json")) ? "json"
		         : out && cli_has_suffix(out, ".csv") ? "csv"
		                                              : "html";
	if (!(inputs = calloc((size_t)(argc - optind) + 2, sizeof *inputs))) {
		rc = EXIT_IO;
		goto done;
	}
	for (i = optind; i < argc; i++)
		inputs[i - optind] = argv[i];
	inputs[argc - optind] = contracts;
	inputs[argc - optind + 1] = cli_set_path(o.set);
	if ((rc = cli_check_output(out, inputs, (size_t)(argc - optind) + 2)) != EXIT_OK)
		goto done;
	if ((rc = cli_load_criteria(&c, o.set)) != EXIT_OK)
		goto done;
	/* The trust list is checked (and refused) before any file is read. */
	if ((rc = cli_evalopts_build(&o, c, &eo)) != EXIT_OK)
		goto done;
	scsec_error_clear();
	if ((rc = scsec_portfolio_new(&p, c, o.as_of, (int)within))) {
		rc = cli_fail(rc, NULL);
		goto done;
	}
	if (contracts) {
		if ((rc = scsec_diagnostics_new(&diags))) {
			rc = cli_fail(rc, NULL);
			goto done;
		}
		scsec_error_clear();
		if ((rc = scsec_portfolio_load_contracts(p, contracts, cli_load_opts, diags))) {
			rc = cli_fail(rc, diags);
			goto done;
		}
		cli_print_diags(diags);
	}
	for (i = optind; i < argc; i++)
		cli_collect(argv[i], &files);
	if (files.oom) {
		rc = cli_fail(SCSEC_ENOMEM, NULL);
		goto done;
	}
	for (k = 0; k < files.n; k++) {
		if ((rc = add_file(p, &files.v[k], c, eo, strict))) {
			rc = cli_fail(rc, NULL);
			goto done;
		}
	}
	{
		cli_buf b = CLI_BUF_INIT;
		char *text = NULL;
		size_t size = 0;

		if (!strcmp(format, "html")) {
			render_html(&b, p, o.lang);
			rc = cli_write_buf(out, &b, 0);
		} else {
			scsec_error_clear();
			rc = !strcmp(format, "json") ? scsec_portfolio_to_json(&text, &size, p)
			                             : scsec_portfolio_to_csv(&text, &size, p);
			rc = rc ? cli_fail(rc, NULL) : cli_write_output(out, text, size, 0);
			scsec_free(text);
		}
		cli_buf_free(&b);
	}
	if (rc == EXIT_OK && scsec_portfolio_unreadable_count(p)) {
		cli_errorf("%zu file(s) could not be read or evaluated: listed in the output",
		           scsec_portfolio_unreadable_count(p));
		rc = EXIT_FINDINGS;
	}
done:
	cli_files_free(&files);
	free(inputs);
	scsec_diagnostics_free(diags);
	scsec_eval_options_free(eo);
	scsec_portfolio_free(p);
	scsec_criteria_free(c);
	cli_evalopts_dispose(&o);
	return rc;
}
