/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.c): assertions that
 * abort with a message, the reading limits every harness uses, the built-in
 * set loaded once, walks over every accessor of a set and of a record, and
 * an independent re-implementation of doc/evaluation.md (rules 1 to 9, from
 * the public API only) that every evaluation is compared with.
 *
 * Only the public API (<scsec/scsec.h>) is used, plus libcrypto for the
 * SHA-256 of canonical forms. Everything here is static: each harness is
 * one translation unit. */
#ifndef SCSEC_FUZZ_COMMON_H
#define SCSEC_FUZZ_COMMON_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scsec/scsec.h>

#include "../oracle.h"

#if defined(__GNUC__)
#define FZ_UNUSED __attribute__((unused))
#define FZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FZ_UNUSED
#define FZ_PRINTF(a, b)
#endif

/* ------------------------------------------------------------ assertions */

static FZ_UNUSED FZ_PRINTF(3, 4) void fz_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\n==FUZZ ASSERTION== %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

/* Abort with a message unless cond holds. */
#define FZ_CHECK(cond, ...)                                   \
	do {                                                      \
		if (!(cond))                                          \
			fz_fail(__FILE__, __LINE__, "(" #cond ") " __VA_ARGS__); \
	} while (0)

/* A call that must succeed (out of memory is not expected in a harness). */
#define FZ_OK(call)                                                              \
	do {                                                                         \
		int fz_rc_ = (call);                                                     \
		if (fz_rc_)                                                              \
			fz_fail(__FILE__, __LINE__, "%s failed: %d (%s): %s", #call, fz_rc_, \
			        scsec_strerror(fz_rc_),                                      \
			        scsec_error_message(scsec_error_last()));                    \
	} while (0)

/* ---------------------------------------------------------------- limits */

/* Inputs are at most -max_len bytes (the runner sets it); the limits keep
 * a gzip bomb or a million tiny elements from costing more than a few
 * megabytes and milliseconds. */
#define FZ_MAX_DOCUMENT (4u << 20)
#define FZ_MAX_ITEMS 50000
#define FZ_MAX_INPUT (1u << 20)

/* Reading options with the harness limits and the given schema setting
 * (-1: leave the default, SCSEC_SCHEMA_AUTO). Built once, shared, never
 * freed (they stay reachable, so LeakSanitizer does not count them). */
static FZ_UNUSED const scsec_load_options *fz_options(int schema)
{
	static scsec_load_options *opts[4];
	int slot = schema < 0 ? 3 : schema;

	if (!opts[slot]) {
		FZ_OK(scsec_load_options_new(&opts[slot]));
		FZ_OK(scsec_load_options_set(opts[slot], SCSEC_LOAD_MAX_DOCUMENT_SIZE, FZ_MAX_DOCUMENT));
		FZ_OK(scsec_load_options_set(opts[slot], SCSEC_LOAD_MAX_ITEMS, FZ_MAX_ITEMS));
		if (schema >= 0)
			FZ_OK(scsec_load_options_set(opts[slot], SCSEC_LOAD_SCHEMA_VALIDATION,
			                             (uint64_t)schema));
		FZ_CHECK(scsec_load_options_get(opts[slot], SCSEC_LOAD_MAX_ITEMS) == FZ_MAX_ITEMS);
	}
	return opts[slot];
}

/* The default built-in set, loaded once. */
static FZ_UNUSED const scsec_criteria *fz_builtin(void)
{
	static scsec_criteria *c;

	if (!c) {
		FZ_OK(scsec_criteria_builtin(&c, NULL));
		FZ_CHECK(!strcmp(scsec_criteria_id(c), SCSEC_CRITERIA_DEFAULT));
	}
	return c;
}

/* ------------------------------------------------------------ small tools */

static FZ_UNUSED void fz_sha256_hex(char out[65], const void *data, size_t len)
{
	FZ_CHECK(test_sha256_hex(out, data, len));
}

static FZ_UNUSED int fz_is_hex64_lower(const char *s)
{
	size_t i;

	if (!s)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

/* Print every diagnostic of a list to stderr (for assertion messages). */
static FZ_UNUSED void fz_dump_diags(const char *title, const scsec_diagnostics *d)
{
	size_t i;

	fprintf(stderr, "--- %s: %zu diagnostic(s)\n", title, scsec_diagnostics_count(d));
	for (i = 0; i < scsec_diagnostics_count(d) && i < 40; i++) {
		char *s = NULL;

		if (!scsec_diagnostic_format(&s, scsec_diagnostics_at(d, i)))
			fprintf(stderr, "    %s [code %d]\n", s,
			        scsec_diagnostic_code(scsec_diagnostics_at(d, i)));
		scsec_free(s);
	}
}

/* Every diagnostic of a list is well-formed: a known severity, a negative
 * code, a message; and the list holds an error exactly when rc says so
 * (warnings may come with success). On failure the first error's code is
 * rc, and so is the thread's last error. */
static FZ_UNUSED void fz_check_diags_as(const scsec_diagnostics *d, int rc, const char *what,
                                        int loader)
{
	size_t i, n = scsec_diagnostics_count(d), errors = 0;
	int first = 0;

	for (i = 0; i < n; i++) {
		const scsec_diagnostic *x = scsec_diagnostics_at(d, i);
		char *s = NULL;

		FZ_CHECK(x, "%s: diagnostic %zu is NULL", what, i);
		FZ_CHECK(scsec_diagnostic_severity(x) <= SCSEC_SEVERITY_NOTE, "%s", what);
		FZ_CHECK(scsec_diagnostic_code(x) < 0, "%s: diagnostic with code %d", what,
		         scsec_diagnostic_code(x));
		FZ_CHECK(scsec_diagnostic_message(x), "%s", what);
		FZ_OK(scsec_diagnostic_format(&s, x));
		FZ_CHECK(s && *s, "%s", what);
		scsec_free(s);
		if (scsec_diagnostic_severity(x) == SCSEC_SEVERITY_ERROR && !errors++)
			first = scsec_diagnostic_code(x);
	}
	FZ_CHECK(!scsec_diagnostics_at(d, n), "%s", what);
	FZ_CHECK(errors == scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), "%s", what);
	if (rc == 0) {
		if (errors)
			fz_dump_diags(what, d);
		FZ_CHECK(errors == 0, "%s succeeded but reported %zu error(s)", what, errors);
	} else if (rc != SCSEC_ENOMEM && loader) {
		if (!errors || first != rc)
			fz_dump_diags(what, d);
		FZ_CHECK(errors > 0, "%s failed with %d but reported no error", what, rc);
		FZ_CHECK(first == rc, "%s returned %d but its first error has code %d", what, rc,
		         first);
		FZ_CHECK(scsec_error_code(scsec_error_last()) == rc,
		         "%s returned %d but the thread's last error is %d", what, rc,
		         scsec_error_code(scsec_error_last()));
	} else if (rc != SCSEC_ENOMEM) {
		FZ_CHECK(errors > 0, "%s failed with %d but reported no error", what, rc);
	}
}

/* The diagnostics of a loader. */
#define fz_check_diags(d, rc, what) fz_check_diags_as((d), (rc), (what), 1)


/* ------------------------------------------------------------ dates */

static FZ_UNUSED scsec_date fz_ymd(int y, int m, int d)
{
	scsec_date x = 0;

	FZ_OK(scsec_date_from_ymd(&x, y, m, d));
	return x;
}

#define FZ_DATE_MIN fz_ymd(1, 1, 1)
#define FZ_DATE_MAX fz_ymd(9999, 12, 31)

/* A canonical validity ("P1Y", "P1Y6M", "P14D": the library writes weeks
 * as days) into years, months and days. */
static FZ_UNUSED void fz_parse_validity(const char *s, long *y, long *m, long *d)
{
	const char *p = s;

	*y = *m = *d = 0;
	FZ_CHECK(s && *p == 'P', "validity '%s'", s ? s : "(null)");
	p++;
	FZ_CHECK(*p, "validity '%s' is empty", s);
	while (*p) {
		long v = 0;
		int digits = 0;

		while (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p++ - '0');
			FZ_CHECK(++digits <= 9, "validity '%s'", s);
		}
		FZ_CHECK(digits, "validity '%s'", s);
		switch (*p++) {
		case 'Y': *y = v; break;
		case 'M': *m = v; break;
		case 'D': *d = v; break;
		case 'W': *d = v * 7; break;
		default: fz_fail(__FILE__, __LINE__, "validity '%s' is not canonical", s);
		}
	}
}

static FZ_UNUSED int fz_month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Rule 1's last valid day of an answer assessed on `from` under a level's
 * validity: from + years and months (day clamped to the month) + days - 1,
 * and 9999-12-31 when that is past the calendar. */
static FZ_UNUSED scsec_date fz_last_valid(scsec_date from, const char *validity)
{
	long vy, vm, vd, months, y2, m2;
	int y, m, d;
	scsec_date x;
	int64_t days;

	fz_parse_validity(validity, &vy, &vm, &vd);
	FZ_OK(scsec_date_split(&y, &m, &d, from));
	months = (long)y * 12 + (m - 1) + vy * 12 + vm;
	y2 = months / 12;
	m2 = months % 12 + 1;
	if (y2 > 9999)
		return FZ_DATE_MAX;
	if (d > fz_month_days((int)y2, (int)m2))
		d = fz_month_days((int)y2, (int)m2);
	x = fz_ymd((int)y2, (int)m2, d);
	days = (int64_t)x + vd;
	if (days > FZ_DATE_MAX)
		return FZ_DATE_MAX;
	return (scsec_date)(days - 1);
}

/* ------------------------------------------------------------ walks */

static const char *const fz_langs[] = { NULL, "en", "ja", "ja-JP", "EN", "fr", "" };
#define FZ_NLANGS (sizeof fz_langs / sizeof *fz_langs)

/* Every accessor of a loaded set, with what the API promises of each. */
static FZ_UNUSED void fz_walk_criteria(const scsec_criteria *c)
{
	size_t i, j, k, nl, ncat, nreq, ncr, npre, nq;
	const char *s;
	char date[SCSEC_DATE_BUFSIZE];
	int prev_rank = 0;

	FZ_CHECK(c);
	FZ_CHECK(scsec_criteria_id(c) && *scsec_criteria_id(c));
	FZ_CHECK(scsec_criteria_version(c));
	FZ_CHECK(fz_is_hex64_lower(scsec_criteria_fingerprint(c)));
	for (i = 0; i < FZ_NLANGS; i++) {
		FZ_CHECK(scsec_criteria_title(c, fz_langs[i]), "the set's title");
		(void)scsec_criteria_description(c, fz_langs[i]);
	}
	(void)scsec_criteria_publisher(c);
	(void)scsec_criteria_source(c);
	(void)scsec_criteria_source_uri(c);
	if (scsec_criteria_issued(c) != SCSEC_DATE_NONE)
		FZ_OK(scsec_date_format(date, scsec_criteria_issued(c)));
	FZ_CHECK((unsigned)scsec_criteria_scoring(c) <= SCSEC_SCORING_DEDUCTIONS);

	nl = scsec_criteria_level_count(c);
	ncat = scsec_criteria_category_count(c);
	nreq = scsec_criteria_requirement_count(c);
	ncr = scsec_criteria_criterion_count(c);
	npre = scsec_criteria_prerequisite_count(c);
	nq = scsec_criteria_question_count(c);
	FZ_CHECK(nl >= 1 && nl <= 64, "%zu levels", nl);
	FZ_CHECK(ncat >= 1 && nreq >= 1 && ncr >= nreq);
	FZ_CHECK(!scsec_criteria_level_at(c, nl) && !scsec_criteria_category_at(c, ncat) &&
	         !scsec_criteria_requirement_at(c, nreq) && !scsec_criteria_criterion_at(c, ncr) &&
	         !scsec_criteria_prerequisite_at(c, npre) && !scsec_criteria_question_at(c, nq));
	FZ_CHECK(!scsec_criteria_level_by_rank(c, 0) && !scsec_criteria_level_by_rank(c, 100) &&
	         !scsec_criteria_level_by_rank(c, -1));
	FZ_CHECK(!scsec_criteria_criterion(c, NULL) && !scsec_criteria_category(c, NULL) &&
	         !scsec_criteria_requirement(c, NULL) && !scsec_criteria_prerequisite(c, NULL) &&
	         !scsec_criteria_question(c, NULL));
	FZ_CHECK(!scsec_criteria_criterion(c, "") && !scsec_criteria_category(c, "no such id!"));

	/* Levels: increasing rank, found by rank. */
	for (i = 0; i < nl; i++) {
		const scsec_level *l = scsec_criteria_level_at(c, i);
		size_t napplying = 0, nreqs = 0;
		long vy, vm, vd;

		FZ_CHECK(l);
		FZ_CHECK(scsec_level_rank(l) > prev_rank && scsec_level_rank(l) <= 99,
		         "level ranks %d then %d", prev_rank, scsec_level_rank(l));
		prev_rank = scsec_level_rank(l);
		FZ_CHECK(scsec_criteria_level_by_rank(c, scsec_level_rank(l)) == l);
		FZ_CHECK(scsec_level_label(l));
		for (k = 0; k < FZ_NLANGS; k++)
			FZ_CHECK(scsec_level_title(l, fz_langs[k]), "a level's title falls back to its label");
		FZ_CHECK(scsec_level_method(l) >= SCSEC_METHOD_SELF &&
		         scsec_level_method(l) <= SCSEC_METHOD_THIRD_PARTY);
		fz_parse_validity(scsec_level_validity(l), &vy, &vm, &vd);
		FZ_CHECK(vy || vm || vd, "validity '%s' is zero", scsec_level_validity(l));
		(void)scsec_level_validity_provisional(l);
		FZ_CHECK(!scsec_level_requires_lower(l) || i > 0,
		         "the lowest level requires a lower one");
		for (j = 0; j < scsec_level_prerequisite_count(l); j++) {
			const scsec_prerequisite *p = scsec_level_prerequisite_at(l, j);

			FZ_CHECK(p && scsec_criteria_prerequisite(c, scsec_prerequisite_id(p)) == p);
			for (k = 0; k < j; k++)
				FZ_CHECK(scsec_level_prerequisite_at(l, k) != p, "a prerequisite listed twice");
		}
		FZ_CHECK(!scsec_level_prerequisite_at(l, scsec_level_prerequisite_count(l)));
		for (j = 0; j < ncr; j++)
			napplying += scsec_criterion_applies_at(scsec_criteria_criterion_at(c, j),
			                                        scsec_level_rank(l)) != 0;
		FZ_CHECK(scsec_level_criterion_count(l) == napplying, "level %d: %zu criteria, counted %zu",
		         scsec_level_rank(l), scsec_level_criterion_count(l), napplying);
		for (j = 0; j < nreq; j++) {
			const scsec_requirement *r = scsec_criteria_requirement_at(c, j);

			for (k = 0; k < scsec_requirement_criterion_count(r); k++)
				if (scsec_criterion_applies_at(scsec_requirement_criterion_at(r, k),
				                               scsec_level_rank(l)))
					break;
			nreqs += k < scsec_requirement_criterion_count(r);
		}
		FZ_CHECK(scsec_level_requirement_count(l) == nreqs,
		         "level %d: %zu requirements, counted %zu", scsec_level_rank(l),
		         scsec_level_requirement_count(l), nreqs);
		FZ_CHECK(napplying || scsec_level_prerequisite_count(l) || scsec_level_requires_lower(l),
		         "level %d can be reached by everyone", scsec_level_rank(l));
	}

	/* Prerequisites. */
	for (i = 0; i < npre; i++) {
		const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i);

		FZ_CHECK(p && scsec_prerequisite_id(p));
		FZ_CHECK(scsec_criteria_prerequisite(c, scsec_prerequisite_id(p)) == p);
		FZ_CHECK(!scsec_criteria_criterion(c, scsec_prerequisite_id(p)) &&
		         !scsec_criteria_category(c, scsec_prerequisite_id(p)) &&
		         !scsec_criteria_requirement(c, scsec_prerequisite_id(p)));
		for (k = 0; k < FZ_NLANGS; k++)
			FZ_CHECK(scsec_prerequisite_title(p, fz_langs[k]));
	}

	/* Categories: document order, a parent before its children. */
	for (i = 0; i < ncat; i++) {
		const scsec_category *cat = scsec_criteria_category_at(c, i), *parent;
		scsec_function f;

		FZ_CHECK(cat && scsec_category_id(cat));
		FZ_CHECK(scsec_criteria_category(c, scsec_category_id(cat)) == cat);
		FZ_CHECK(!scsec_criteria_criterion(c, scsec_category_id(cat)) &&
		         !scsec_criteria_requirement(c, scsec_category_id(cat)));
		for (k = 0; k < FZ_NLANGS; k++)
			FZ_CHECK(scsec_category_title(cat, fz_langs[k]));
		parent = scsec_category_parent(cat);
		if (parent) {
			for (j = 0; j < i && scsec_criteria_category_at(c, j) != parent; j++)
				;
			FZ_CHECK(j < i, "category '%s' comes before its parent", scsec_category_id(cat));
			FZ_CHECK(scsec_category_depth(cat) == scsec_category_depth(parent) + 1);
		} else {
			FZ_CHECK(scsec_category_depth(cat) == 0);
		}
		f = scsec_category_function(cat);
		FZ_CHECK((unsigned)f < SCSEC_FUNCTION_COUNT);
		if (parent && f == SCSEC_FUNCTION_NONE)
			FZ_CHECK(scsec_category_function(parent) == SCSEC_FUNCTION_NONE);
	}

	/* Requirements and their criteria. */
	for (i = 0; i < nreq; i++) {
		const scsec_requirement *r = scsec_criteria_requirement_at(c, i);

		FZ_CHECK(r && scsec_requirement_id(r));
		FZ_CHECK(scsec_criteria_requirement(c, scsec_requirement_id(r)) == r);
		for (k = 0; k < FZ_NLANGS; k++) {
			FZ_CHECK(scsec_requirement_name(r, fz_langs[k]));
			(void)scsec_requirement_text(r, fz_langs[k]);
		}
		FZ_CHECK(scsec_requirement_category(r) &&
		         scsec_criteria_category(c, scsec_category_id(scsec_requirement_category(r))) ==
		                 scsec_requirement_category(r));
		FZ_CHECK(scsec_requirement_criterion_count(r) >= 1);
		for (j = 0; j < scsec_requirement_criterion_count(r); j++)
			FZ_CHECK(scsec_criterion_requirement(scsec_requirement_criterion_at(r, j)) == r);
		FZ_CHECK(!scsec_requirement_criterion_at(r, scsec_requirement_criterion_count(r)));
	}
	for (i = 0; i < ncr; i++) {
		const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
		const char *fw, *clauses;
		int applies_any = 0;

		FZ_CHECK(cr && scsec_criterion_id(cr));
		FZ_CHECK(scsec_criteria_criterion(c, scsec_criterion_id(cr)) == cr);
		for (k = 0; k < FZ_NLANGS; k++)
			FZ_CHECK(scsec_criterion_text(cr, fz_langs[k]));
		FZ_CHECK(scsec_criterion_requirement(cr));
		FZ_CHECK(scsec_criterion_function(cr) ==
		         scsec_category_function(scsec_requirement_category(scsec_criterion_requirement(cr))));
		FZ_CHECK(scsec_criterion_applies_at(cr, scsec_criterion_min_level(cr)),
		         "criterion '%s' does not apply at its min level %d", scsec_criterion_id(cr),
		         scsec_criterion_min_level(cr));
		for (j = 0; j < nl; j++) {
			int rank = scsec_level_rank(scsec_criteria_level_at(c, j));

			if (scsec_criterion_applies_at(cr, rank)) {
				applies_any = 1;
				FZ_CHECK(rank >= scsec_criterion_min_level(cr));
			}
		}
		FZ_CHECK(applies_any, "criterion '%s' applies at no level", scsec_criterion_id(cr));
		FZ_CHECK(!scsec_criterion_applies_at(cr, 0) && !scsec_criterion_applies_at(cr, 100));
		(void)scsec_criterion_na_allowed(cr);
		FZ_CHECK(scsec_criterion_weight(cr) >= 0 && scsec_criterion_weight(cr) <= 1000000);
		(void)scsec_criterion_poam_eligible(cr);
		for (j = 0; j < scsec_criterion_reference_count(cr); j++) {
			fw = clauses = NULL;
			FZ_OK(scsec_criterion_reference_get(&fw, &clauses, cr, j));
			FZ_CHECK(fw && clauses);
			FZ_CHECK(scsec_criteria_framework_title(c, fw), "framework '%s' not declared", fw);
			FZ_OK(scsec_criterion_reference_get(NULL, NULL, cr, j));
		}
		FZ_CHECK(scsec_criterion_reference_get(&fw, &clauses, cr, j) == SCSEC_EINVAL);
	}

	/* The required-level rule. */
	for (i = 0; i < nq; i++) {
		const scsec_question *q = scsec_criteria_question_at(c, i);

		FZ_CHECK(q && scsec_question_id(q));
		FZ_CHECK(scsec_criteria_question(c, scsec_question_id(q)));
		for (k = 0; k < FZ_NLANGS; k++)
			FZ_CHECK(scsec_question_text(q, fz_langs[k]));
		FZ_CHECK(scsec_criteria_level_by_rank(c, scsec_question_level_if_yes(q)));
	}
	if (scsec_criteria_required_default(c))
		FZ_CHECK(scsec_criteria_level_by_rank(c, scsec_criteria_required_default(c)));
	s = scsec_criteria_framework_title(c, "no such framework");
	(void)s;
}

/* Every accessor of a record. */
static FZ_UNUSED void fz_walk_evidence(const scsec_evidence *ev)
{
	size_t i, k, n = scsec_evidence_entry_count(ev);
	const char *prev_scheme = NULL, *prev_id = NULL;
	char date[SCSEC_DATE_BUFSIZE];

	(void)scsec_evidence_subject_name(ev);
	for (i = 0; i < scsec_evidence_subject_id_count(ev); i++) {
		const char *scheme = NULL, *value = NULL;

		FZ_OK(scsec_evidence_subject_id_get(&scheme, &value, ev, i));
		FZ_CHECK(scheme && *scheme && value && *value);
		FZ_CHECK(!prev_scheme || strcmp(prev_scheme, scheme) < 0,
		         "subject identifiers out of order: '%s' then '%s'", prev_scheme, scheme);
		prev_scheme = scheme;
	}
	FZ_CHECK(scsec_evidence_subject_id_get(NULL, NULL, ev, i) == SCSEC_EINVAL);
	if (scsec_evidence_criteria_id(ev)) {
		FZ_CHECK(scsec_evidence_criteria_version(ev));
		if (scsec_evidence_criteria_fingerprint(ev))
			FZ_CHECK(strlen(scsec_evidence_criteria_fingerprint(ev)) == 64);
	}
	(void)scsec_evidence_created(ev);
	(void)scsec_evidence_tool(ev);
	for (i = 0; i < n; i++) {
		const scsec_entry *e = scsec_evidence_entry_at(ev, i);

		FZ_CHECK(e && scsec_entry_id(e) && *scsec_entry_id(e));
		FZ_CHECK(scsec_evidence_entry(ev, scsec_entry_id(e)) == e);
		FZ_CHECK(!prev_id || test_idcmp(prev_id, scsec_entry_id(e)) < 0,
		         "entries out of order: '%s' then '%s'", prev_id, scsec_entry_id(e));
		prev_id = scsec_entry_id(e);
		FZ_CHECK((unsigned)scsec_entry_status(e) <= SCSEC_STATUS_NOT_APPLICABLE);
		FZ_CHECK((unsigned)scsec_entry_method(e) <= SCSEC_METHOD_THIRD_PARTY);
		(void)scsec_entry_assessor(e);
		(void)scsec_entry_assessor_id(e);
		if (scsec_entry_assessed_on(e) != SCSEC_DATE_NONE)
			FZ_OK(scsec_date_format(date, scsec_entry_assessed_on(e)));
		if (scsec_entry_expires_on(e) != SCSEC_DATE_NONE)
			FZ_OK(scsec_date_format(date, scsec_entry_expires_on(e)));
		(void)scsec_entry_justification(e);
		(void)scsec_entry_note(e);
		for (k = 0; k < scsec_entry_artifact_count(e); k++) {
			const char *uri = NULL, *sha = NULL;

			FZ_OK(scsec_entry_artifact_get(&uri, &sha, e, k));
			FZ_CHECK(uri && *uri);
			FZ_CHECK(!sha || fz_is_hex64_lower(sha), "artifact digest '%s'", sha);
		}
		FZ_CHECK(scsec_entry_artifact_get(NULL, NULL, e, k) == SCSEC_EINVAL);
	}
	FZ_CHECK(!scsec_evidence_entry_at(ev, n));
	FZ_CHECK(!scsec_evidence_entry(ev, ""));
}

/* ------------------------------------------------ records: round trips */

/* The canonical XML of a record (caller frees with scsec_free). */
static FZ_UNUSED char *fz_evidence_xml(const scsec_evidence *ev, size_t *n)
{
	char *x = NULL;

	FZ_OK(scsec_evidence_write_memory(&x, n, ev));
	FZ_CHECK(x && *n == strlen(x));
	return x;
}

/* A record's canonical form loads again, with and without the schema
 * validator, into a record with the same canonical form and fingerprint. */
static FZ_UNUSED void fz_evidence_xml_roundtrip(const scsec_evidence *ev)
{
	static const int modes[2] = { SCSEC_SCHEMA_NEVER, SCSEC_SCHEMA_ALWAYS };
	char fp[SCSEC_FINGERPRINT_BUFSIZE], fp2[SCSEC_FINGERPRINT_BUFSIZE], sha[65];
	size_t n = 0, n2 = 0;
	char *x = fz_evidence_xml(ev, &n), *x2;
	int m;

	FZ_OK(scsec_evidence_fingerprint(fp, ev));
	fz_sha256_hex(sha, x, n);
	FZ_CHECK(!strcmp(fp, sha), "the fingerprint is not the SHA-256 of the canonical form");
	for (m = 0; m < 2; m++) {
		scsec_evidence *back = NULL;
		scsec_diagnostics *d = NULL;
		int rc;

		FZ_OK(scsec_diagnostics_new(&d));
		rc = scsec_evidence_load_memory(&back, x, n, "canonical.xml", fz_options(modes[m]), d);
		if (rc) {
			fz_dump_diags("reloading the canonical form", d);
			fprintf(stderr, "%.*s\n", n > 8000 ? 8000 : (int)n, x);
		}
		FZ_CHECK(rc == 0, "the canonical form of a record does not load (schema mode %d): %d",
		         modes[m], rc);
		x2 = fz_evidence_xml(back, &n2);
		FZ_CHECK(n == n2 && !memcmp(x, x2, n), "the canonical form changes when reloaded");
		FZ_OK(scsec_evidence_fingerprint(fp2, back));
		FZ_CHECK(!strcmp(fp, fp2));
		scsec_free(x2);
		scsec_evidence_free(back);
		scsec_diagnostics_free(d);
	}
	scsec_free(x);
}

/* scsec_evidence_check(): the verdict matches the diagnostics. */
static FZ_UNUSED int fz_evidence_check(const scsec_evidence *ev, const scsec_criteria *c)
{
	scsec_diagnostics *d = NULL;
	size_t errors;
	int rc;

	FZ_OK(scsec_diagnostics_new(&d));
	rc = scsec_evidence_check(ev, c, d);
	errors = scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR);
	FZ_CHECK(rc == 0 || rc == SCSEC_EINVALID || rc == SCSEC_EMISMATCH, "check returned %d", rc);
	FZ_CHECK((rc == 0) == (errors == 0), "check returned %d with %zu error(s)", rc, errors);
	fz_check_diags_as(d, rc, "check", 0);
	scsec_diagnostics_free(d);
	return rc;
}

/* Export a record to a CSV sheet in the layout of set c and import it
 * again: when `must` is set the import must succeed and give the same
 * canonical form (what a sheet cannot carry aside: subject, creation time,
 * tool, unanswered entries); otherwise it only must not crash. */
static FZ_UNUSED void fz_csv_roundtrip(const scsec_evidence *ev, const scsec_criteria *c, int rank,
                                       const char *lang, int must)
{
	char *csv = NULL, *x1, *x2;
	size_t n = 0, n1 = 0, n2 = 0;
	scsec_evidence *back = NULL;
	scsec_diagnostics *d = NULL;
	int rc;

	rc = scsec_evidence_export_csv(&csv, &n, ev, c, rank, lang);
	if (rank && !scsec_criteria_level_by_rank(c, rank)) {
		FZ_CHECK(rc == SCSEC_EINVAL && !csv, "export for a rank the set lacks: %d", rc);
		return;
	}
	FZ_CHECK(rc == 0 && csv && n == strlen(csv), "export_csv: %d", rc);
	FZ_OK(scsec_diagnostics_new(&d));
	rc = scsec_evidence_import_csv_memory(&back, csv, n, "export.csv", c, fz_options(-1), d);
	if (must && rc) {
		fz_dump_diags("re-importing an exported sheet", d);
		fprintf(stderr, "%.*s\n", n > 8000 ? 8000 : (int)n, csv);
	}
	FZ_CHECK(!must || rc == 0, "an exported sheet (rank %d, lang %s) does not import: %d", rank,
	         lang ? lang : "NULL", rc);
	if (!rc && must) {
		x1 = fz_evidence_xml(ev, &n1);
		x2 = fz_evidence_xml(back, &n2);
		if (n1 != n2 || memcmp(x1, x2, n1)) {
			size_t at = 0, from;

			while (at < n1 && at < n2 && x1[at] == x2[at])
				at++;
			from = at > 400 ? at - 400 : 0;
			fprintf(stderr, "--- canonical XML before, from byte %zu:\n%.*s\n--- after:\n%.*s\n",
			        from, (int)(n1 - from > 1200 ? 1200 : n1 - from), x1 + from,
			        (int)(n2 - from > 1200 ? 1200 : n2 - from), x2 + from);
		}
		FZ_CHECK(n1 == n2 && !memcmp(x1, x2, n1),
		         "CSV export and import (rank %d, lang %s) changed the record", rank,
		         lang ? lang : "NULL");
		scsec_free(x1);
		scsec_free(x2);
	}
	scsec_evidence_free(back);
	scsec_diagnostics_free(d);
	scsec_free(csv);
}

/* A record for set c built through the API, every answer derived from the
 * input bytes: statuses, methods, dates (some past 9999 once the validity
 * is added), justifications, texts a spreadsheet would take for formulas.
 * No unanswered entry (a sheet cannot carry one). */
static FZ_UNUSED scsec_evidence *fz_synthetic_record(const scsec_criteria *c, const uint8_t *data,
                                                    size_t size)
{
	static const char *const texts[] = { "ok", "=1+1", "-x", "tab\there", "a,b \"q\"", "line\nline",
	                                     "x'y", "@SUM(A1)", "日本語", "+81" };
	size_t ncr = scsec_criteria_criterion_count(c), n = ncr + scsec_criteria_prerequisite_count(c);
	scsec_date base = fz_ymd(2026, 1, 1);
	scsec_evidence *ev = NULL;
	size_t i;

	FZ_OK(scsec_evidence_new(&ev, c));
	for (i = 0; i < n && size; i++) {
		const char *id = i < ncr ? scsec_criterion_id(scsec_criteria_criterion_at(c, i))
		                         : scsec_prerequisite_id(scsec_criteria_prerequisite_at(c, i - ncr));
		unsigned b = data[(i * 7 + 3) % size] ^ (unsigned)(i * 131), b2 = data[(i * 13 + 1) % size];
		scsec_entry *e = NULL;
		int st = (int)(b % 5);

		if (st == 0 && (b & 0x80))
			continue; /* no entry */
		FZ_OK(scsec_entry_new(&e, id));
		FZ_OK(scsec_entry_set_status(e, (scsec_status)(st ? st : SCSEC_STATUS_MET)));
		FZ_OK(scsec_entry_set_method(e, (scsec_method)((b >> 3) & 3)));
		if (b2 % 7) {
			scsec_date on = base - (scsec_date)((b2 * 37) % 1500);

			if (b2 == 255)
				on = fz_ymd(9999, 6, 30);
			FZ_OK(scsec_entry_set_assessed_on(e, on));
			if ((b & 0x20) && on + (scsec_date)((b2 * 11) % 900) - 30 <= FZ_DATE_MAX)
				FZ_OK(scsec_entry_set_expires_on(e, on + (scsec_date)((b2 * 11) % 900) - 30));
		}
		if (b & 0x40)
			FZ_OK(scsec_entry_set_justification(e, texts[(b + b2) % 10]));
		if (b2 & 0x10)
			FZ_OK(scsec_entry_set_note(e, texts[b2 % 10]));
		if (b2 & 0x20)
			FZ_OK(scsec_entry_set_assessor(e, texts[(b2 >> 1) % 10], (b2 & 1) ? "ID-1" : NULL));
		if (b2 & 0x40)
			FZ_OK(scsec_entry_add_artifact(e, "https://example.invalid/a",
			                               (b2 & 2) ? NULL
			                                        : "9F2C4E0B7A1D3C5E8F6A2B4D0C1E3F5A7B9D2C4E6F8A0B1C3D5E7F9A2B4C6D8E"));
		FZ_OK(scsec_evidence_add(ev, e));
	}
	return ev;
}

/* ------------------------------------------------ evaluation: reference */

/* What fz_evaluate() is asked. */
typedef struct fz_eval_req {
	scsec_date as_of;
	int target;           /* 0: none */
	int required;         /* 0: none */
	int nanswers;
	const char *question[4];
	int yes[4];
} fz_eval_req;

typedef struct fz_fig {
	size_t applicable;
	size_t count[SCSEC_REASON_COUNT];
} fz_fig;

/* Rules 1, 2 and 5: the reason an item fails at a level (0: satisfied),
 * and its last valid day there. */
static FZ_UNUSED int fz_reason(const scsec_evidence *ev, const char *id, int prerequisite,
                               const scsec_criterion *cr, const scsec_level *l, scsec_date as_of,
                               scsec_date *last)
{
	const scsec_entry *e = scsec_evidence_entry(ev, id);
	scsec_date from, lv;

	*last = SCSEC_DATE_NONE;
	if (e) {
		/* The earlier of expires_on and the level's validity. */
		from = scsec_entry_assessed_on(e);
		*last = scsec_entry_expires_on(e);
		if (from != SCSEC_DATE_NONE) {
			lv = fz_last_valid(from, scsec_level_validity(l));
			if (*last == SCSEC_DATE_NONE || lv < *last)
				*last = lv;
		}
	}
	if (!e || scsec_entry_status(e) == SCSEC_STATUS_NONE)
		return SCSEC_REASON_MISSING;
	switch (scsec_entry_status(e)) {
	case SCSEC_STATUS_NOT_MET:
		return SCSEC_REASON_NOT_MET;
	case SCSEC_STATUS_PARTIAL:
		return SCSEC_REASON_PARTIAL;
	case SCSEC_STATUS_NOT_APPLICABLE:
		if (prerequisite || !scsec_criterion_na_allowed(cr) || !scsec_entry_justification(e) ||
		    !*scsec_entry_justification(e))
			return SCSEC_REASON_NA_REJECTED;
		break;
	default:
		break;
	}
	if (!prerequisite && scsec_entry_method(e) < scsec_level_method(l))
		return SCSEC_REASON_METHOD;
	from = scsec_entry_assessed_on(e);
	if (from == SCSEC_DATE_NONE || from > as_of)
		return SCSEC_REASON_NOT_YET_VALID;
	lv = *last;
	if (as_of > lv)
		return SCSEC_REASON_EXPIRED;
	return SCSEC_REASON_NONE;
}

static FZ_UNUSED const scsec_category *fz_top(const scsec_category *cat)
{
	while (scsec_category_parent(cat))
		cat = scsec_category_parent(cat);
	return cat;
}

static FZ_UNUSED void fz_check_fig(const scsec_figures *f, const fz_fig *want, const char *what,
                                   int index)
{
	size_t k, sum = 0;

	FZ_CHECK(f, "%s %d: no figures", what, index);
	for (k = 0; k < SCSEC_REASON_COUNT; k++)
		sum += scsec_figures_reason_count(f, (scsec_reason)k);
	FZ_CHECK(sum == scsec_figures_applicable(f), "%s %d: satisfied + reasons = %zu, applicable %zu",
	         what, index, sum, scsec_figures_applicable(f));
	FZ_CHECK(scsec_figures_satisfied(f) == scsec_figures_reason_count(f, SCSEC_REASON_NONE));
	FZ_CHECK(scsec_figures_reason_count(f, (scsec_reason)SCSEC_REASON_COUNT) == 0);
	if (!want)
		return;
	FZ_CHECK(scsec_figures_applicable(f) == want->applicable,
	         "%s %d: applicable %zu, expected %zu", what, index, scsec_figures_applicable(f),
	         want->applicable);
	for (k = 0; k < SCSEC_REASON_COUNT; k++)
		FZ_CHECK(scsec_figures_reason_count(f, (scsec_reason)k) == want->count[k],
		         "%s %d: %zu items with reason '%s', expected %zu", what, index,
		         scsec_figures_reason_count(f, (scsec_reason)k), scsec_reason_name((scsec_reason)k),
		         want->count[k]);
}

/* Rule 9, independently: the expected return code and required level. */
static FZ_UNUSED int fz_required(const scsec_criteria *c, const fz_eval_req *q, int *level)
{
	size_t i;
	int j, lv;

	*level = 0;
	for (j = 0; j < q->nanswers; j++)
		if (!scsec_criteria_question(c, q->question[j]))
			return SCSEC_ENOTFOUND;
	if (q->required) {
		if (!scsec_criteria_level_by_rank(c, q->required))
			return SCSEC_ENOTFOUND;
		*level = q->required;
		return 0;
	}
	if (!q->nanswers)
		return 0;
	lv = scsec_criteria_required_default(c);
	for (i = 0; i < scsec_criteria_question_count(c); i++) {
		const scsec_question *qq = scsec_criteria_question_at(c, i);
		int found = -1;

		/* The last answer to a question counts (set_answer replaces). */
		for (j = 0; j < q->nanswers; j++)
			if (!strcmp(q->question[j], scsec_question_id(qq)))
				found = j;
		if (found < 0)
			return SCSEC_EINVAL;
		if (q->yes[found] && scsec_question_level_if_yes(qq) > lv)
			lv = scsec_question_level_if_yes(qq);
	}
	*level = lv;
	return 0;
}

/* The gap of one item of the gap level's chain: 0 or the reason at the
 * highest level of the chain where it fails. */
typedef struct fz_gap {
	const char *id;
	int reason;
	int prerequisite;
} fz_gap;

static int fz_gap_cmp(const void *a, const void *b)
{
	return test_idcmp(((const fz_gap *)a)->id, ((const fz_gap *)b)->id);
}

/* Evaluate with the library and compare every figure with the reference.
 * Returns the library's return code; *out gets the result (caller frees)
 * when out is not NULL. */
static FZ_UNUSED int fz_evaluate(const scsec_criteria *c, const scsec_evidence *ev,
                                 const fz_eval_req *q, scsec_result **out)
{
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;
	size_t nl = scsec_criteria_level_count(c), ncr = scsec_criteria_criterion_count(c);
	size_t npre = scsec_criteria_prerequisite_count(c), ncat = scsec_criteria_category_count(c);
	size_t li, i, k, ntop = 0, ngaps = 0, nitems = ncr + npre;
	int rc, want_rc, required = 0, achieved = -1, gap_index, j;
	unsigned char met[64];
	fz_fig levels[64], functions[SCSEC_FUNCTION_COUNT];
	fz_fig *cats;
	fz_gap *gaps;
	unsigned char *why; /* [level * nitems + item], 0xff: does not apply */
	scsec_date valid_until = SCSEC_DATE_NONE, *last;
	const scsec_category **tops;

	if (out)
		*out = NULL;
	FZ_OK(scsec_eval_options_new(&o));
	FZ_OK(scsec_eval_options_set_as_of(o, q->as_of));
	FZ_OK(scsec_eval_options_set_target(o, q->target));
	FZ_OK(scsec_eval_options_set_required(o, q->required));
	for (j = 0; j < q->nanswers; j++)
		FZ_OK(scsec_eval_options_set_answer(o, q->question[j], q->yes[j]));
	scsec_error_clear();
	rc = scsec_evaluate(&r, c, ev, o);
	scsec_eval_options_free(o);

	/* The expected outcome. */
	want_rc = 0;
	if (q->target && !scsec_criteria_level_by_rank(c, q->target))
		want_rc = SCSEC_ENOTFOUND;
	if (!want_rc)
		want_rc = fz_required(c, q, &required);
	if (!want_rc && scsec_evidence_criteria_id(ev) &&
	    (strcmp(scsec_evidence_criteria_id(ev), scsec_criteria_id(c)) ||
	     strcmp(scsec_evidence_criteria_version(ev), scsec_criteria_version(c))))
		want_rc = SCSEC_EMISMATCH;
	FZ_CHECK(rc == want_rc, "scsec_evaluate returned %d (%s), expected %d", rc,
	         scsec_error_message(scsec_error_last()), want_rc);
	if (rc) {
		FZ_CHECK(!r && scsec_error_code(scsec_error_last()) == rc);
		return rc;
	}
	FZ_CHECK(r);

	/* Rules 1 to 5 for every item at every level. */
	why = malloc(nl * nitems + 1);
	last = malloc((nl * nitems + 1) * sizeof *last);
	cats = calloc(ncat + 1, sizeof *cats);
	tops = calloc(ncat + 1, sizeof *tops);
	gaps = calloc(nitems + 1, sizeof *gaps);
	FZ_CHECK(why && last && cats && tops && gaps);
	for (i = 0; i < ncat; i++)
		if (!scsec_category_parent(scsec_criteria_category_at(c, i)))
			tops[ntop++] = scsec_criteria_category_at(c, i);
	for (li = 0; li < nl; li++) {
		const scsec_level *l = scsec_criteria_level_at(c, li);
		fz_fig *f = &levels[li];

		memset(f, 0, sizeof *f);
		for (i = 0; i < nitems; i++) {
			unsigned char *w = &why[li * nitems + i];

			*w = 0xff;
			last[li * nitems + i] = SCSEC_DATE_NONE;
			if (i < ncr) {
				const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);

				if (!scsec_criterion_applies_at(cr, scsec_level_rank(l)))
					continue;
				*w = (unsigned char)fz_reason(ev, scsec_criterion_id(cr), 0, cr, l, q->as_of,
				                              &last[li * nitems + i]);
			} else {
				const scsec_prerequisite *p = scsec_criteria_prerequisite_at(c, i - ncr);

				for (k = 0; k < scsec_level_prerequisite_count(l); k++)
					if (scsec_level_prerequisite_at(l, k) == p)
						break;
				if (k == scsec_level_prerequisite_count(l))
					continue;
				*w = (unsigned char)fz_reason(ev, scsec_prerequisite_id(p), 1, NULL, l,
				                              q->as_of, &last[li * nitems + i]);
			}
			f->applicable++;
			f->count[*w]++;
		}
		/* Rule 3. */
		met[li] = f->count[SCSEC_REASON_NONE] == f->applicable &&
		          (!scsec_level_requires_lower(l) || (li > 0 && met[li - 1]));
		if (met[li])
			achieved = (int)li;
	}

	/* Rule 4 and rule 6. */
	if (achieved >= 0) {
		valid_until = FZ_DATE_MAX;
		for (li = (size_t)achieved;; li--) {
			for (i = 0; i < nitems; i++)
				if (why[li * nitems + i] != 0xff && last[li * nitems + i] < valid_until)
					valid_until = last[li * nitems + i];
			if (!scsec_level_requires_lower(scsec_criteria_level_at(c, li)) || li == 0)
				break;
		}
	}
	FZ_CHECK(scsec_result_level(r) ==
	                 (achieved < 0 ? 0 : scsec_level_rank(scsec_criteria_level_at(c, (size_t)achieved))),
	         "achieved level %d, expected index %d", scsec_result_level(r), achieved);
	FZ_CHECK((scsec_result_level_label(r) == NULL) == (achieved < 0));
	FZ_CHECK(scsec_result_valid_until(r) == valid_until, "valid until %d, expected %d",
	         (int)scsec_result_valid_until(r), (int)valid_until);
	if (achieved >= 0)
		FZ_CHECK(valid_until >= q->as_of, "valid until %d before the evaluation date %d",
		         (int)valid_until, (int)q->as_of);
	FZ_CHECK(scsec_result_as_of(r) == q->as_of);
	FZ_CHECK(scsec_result_level_count(r) == nl);
	for (li = 0; li < nl; li++) {
		const scsec_figures *f = scsec_result_level_figures_at(r, li);

		FZ_CHECK(scsec_result_level_rank_at(r, li) ==
		         scsec_level_rank(scsec_criteria_level_at(c, li)));
		FZ_CHECK(scsec_result_level_label_at(r, li));
		FZ_CHECK(!scsec_result_level_met_at(r, li) == !met[li], "level %zu met %d, expected %d",
		         li, scsec_result_level_met_at(r, li), met[li]);
		fz_check_fig(f, &levels[li], "level", (int)li);
		if (met[li])
			FZ_CHECK(scsec_figures_satisfied(f) == scsec_figures_applicable(f));
	}
	FZ_CHECK(!scsec_result_level_figures_at(r, nl) && !scsec_result_level_label_at(r, nl) &&
	         scsec_result_level_rank_at(r, nl) == 0 && !scsec_result_level_met_at(r, nl));

	/* Rule 7: the gap level and its gaps. */
	gap_index = -1;
	if (q->target) {
		for (li = 0; li < nl; li++)
			if (scsec_level_rank(scsec_criteria_level_at(c, li)) == q->target)
				gap_index = (int)li;
	} else if (achieved + 1 < (int)nl) {
		gap_index = achieved + 1;
	} else {
		gap_index = (int)nl - 1;
	}
	FZ_CHECK(scsec_result_gap_level(r) == scsec_level_rank(scsec_criteria_level_at(c, (size_t)gap_index)),
	         "gap level %d", scsec_result_gap_level(r));
	{
		unsigned char chain[64] = { 0 };
		size_t gi = (size_t)gap_index;

		for (li = gi;; li--) {
			chain[li] = 1;
			if (!scsec_level_requires_lower(scsec_criteria_level_at(c, li)) || li == 0)
				break;
		}
		memset(functions, 0, sizeof functions);
		for (i = 0; i < nitems; i++) {
			int w = 0;

			for (li = gi + 1; li-- > 0;) {
				unsigned char x = why[li * nitems + i];

				if (chain[li] && x != 0xff && x != 0) {
					w = x;
					break;
				}
			}
			if (w) {
				gaps[ngaps].id = i < ncr ? scsec_criterion_id(scsec_criteria_criterion_at(c, i))
				                         : scsec_prerequisite_id(scsec_criteria_prerequisite_at(c, i - ncr));
				gaps[ngaps].reason = w;
				gaps[ngaps].prerequisite = i >= ncr;
				ngaps++;
			}
			/* Rule 8: the gap level's criteria by function and category. */
			if (i < ncr && why[gi * nitems + i] != 0xff) {
				const scsec_criterion *cr = scsec_criteria_criterion_at(c, i);
				const scsec_category *top = fz_top(scsec_requirement_category(scsec_criterion_requirement(cr)));

				functions[scsec_criterion_function(cr)].applicable++;
				functions[scsec_criterion_function(cr)].count[why[gi * nitems + i]]++;
				for (k = 0; k < ntop && tops[k] != top; k++)
					;
				FZ_CHECK(k < ntop);
				cats[k].applicable++;
				cats[k].count[why[gi * nitems + i]]++;
			}
		}
	}
	qsort(gaps, ngaps, sizeof *gaps, fz_gap_cmp);
	FZ_CHECK(scsec_result_gap_count(r) == ngaps, "%zu gaps, expected %zu",
	         scsec_result_gap_count(r), ngaps);
	for (k = 0; k < ngaps; k++) {
		const scsec_gap *g = scsec_result_gap_at(r, k);

		FZ_CHECK(g && !strcmp(scsec_gap_id(g), gaps[k].id), "gap %zu is '%s', expected '%s'", k,
		         g ? scsec_gap_id(g) : "(null)", gaps[k].id);
		FZ_CHECK((int)scsec_gap_reason(g) == gaps[k].reason, "gap '%s': reason %s, expected %s",
		         gaps[k].id, scsec_reason_name(scsec_gap_reason(g)),
		         scsec_reason_name((scsec_reason)gaps[k].reason));
		FZ_CHECK(!scsec_gap_is_prerequisite(g) == !gaps[k].prerequisite);
		if (k)
			FZ_CHECK(test_idcmp(gaps[k - 1].id, gaps[k].id) < 0, "gaps not in id order");
	}
	FZ_CHECK(!scsec_result_gap_at(r, ngaps));
	if (achieved == (int)nl - 1 && !q->target)
		FZ_CHECK(ngaps == 0, "the top level is achieved, yet there are gaps");
	for (k = 0; k < SCSEC_FUNCTION_COUNT; k++)
		fz_check_fig(scsec_result_function_figures(r, (scsec_function)k), &functions[k], "function",
		             (int)k);
	FZ_CHECK(!scsec_result_function_figures(r, (scsec_function)SCSEC_FUNCTION_COUNT));
	FZ_CHECK(!scsec_result_function_figures(r, (scsec_function)-1));
	FZ_CHECK(scsec_result_category_count(r) == ntop);
	for (k = 0; k < ntop; k++) {
		FZ_CHECK(scsec_result_category_id_at(r, k) &&
		         !strcmp(scsec_result_category_id_at(r, k), scsec_category_id(tops[k])));
		fz_check_fig(scsec_result_category_figures_at(r, k), &cats[k], "category", (int)k);
	}
	FZ_CHECK(!scsec_result_category_id_at(r, ntop) && !scsec_result_category_figures_at(r, ntop));

	/* Scores: what can be checked without the set's points. */
	if (scsec_criteria_scoring(c) == SCSEC_SCORING_ALL_REQUIRED) {
		FZ_CHECK(!scsec_result_has_score(r) && scsec_result_score(r) == 0 &&
		         scsec_result_score_max(r) == 0 && !scsec_result_band(r) &&
		         scsec_result_conditional(r) == SCSEC_CONDITIONAL_NONE);
	} else {
		FZ_CHECK(scsec_result_has_score(r));
		if (scsec_criteria_scoring(c) == SCSEC_SCORING_DEDUCTIONS) {
			FZ_CHECK(scsec_result_conditional(r) >= SCSEC_CONDITIONAL_FINAL &&
			         scsec_result_conditional(r) <= SCSEC_CONDITIONAL_NOT_MET);
			FZ_CHECK(scsec_result_score(r) <= scsec_result_score_max(r));
		} else {
			FZ_CHECK(scsec_result_conditional(r) == SCSEC_CONDITIONAL_NONE);
		}
	}

	/* Rule 9. */
	FZ_CHECK(scsec_result_required_level(r) == required, "required %d, expected %d",
	         scsec_result_required_level(r), required);
	FZ_CHECK(scsec_result_meets_required(r) ==
	                 (!required ? -1 : scsec_result_level(r) >= required),
	         "meets_required %d", scsec_result_meets_required(r));

	/* Rule 10. */
	FZ_CHECK(scsec_result_engine(r) && *scsec_result_engine(r));
	FZ_CHECK(scsec_result_criteria(r) == c);
	FZ_CHECK(!strcmp(scsec_result_criteria_id(r), scsec_criteria_id(c)));
	FZ_CHECK(!strcmp(scsec_result_criteria_version(r), scsec_criteria_version(c)));
	FZ_CHECK(!strcmp(scsec_result_criteria_fingerprint(r), scsec_criteria_fingerprint(c)));
	{
		char fp[SCSEC_FINGERPRINT_BUFSIZE];

		FZ_OK(scsec_evidence_fingerprint(fp, ev));
		FZ_CHECK(!strcmp(scsec_result_evidence_fingerprint(r), fp));
	}
	FZ_CHECK((scsec_result_subject_name(r) == NULL) == (scsec_evidence_subject_name(ev) == NULL));
	if (scsec_result_subject_name(r))
		FZ_CHECK(!strcmp(scsec_result_subject_name(r), scsec_evidence_subject_name(ev)));

	free(why);
	free(last);
	free(cats);
	free(tops);
	free(gaps);
	if (out)
		*out = r;
	else
		scsec_result_free(r);
	return 0;
}

/* The result's two documents: deterministic, and the XML one valid
 * against the result schema with no diagnostic. *json gets the JSON
 * (caller frees with scsec_free) when json is not NULL. */
/* Both forms of result r read back (scsec_result_load_memory) into results
 * that write the same bytes in both forms again. */
static FZ_UNUSED void fz_result_read_back(const scsec_result *r, const char *xml, size_t xn,
                                          const char *json, size_t jn)
{
	const char *docs[2] = { xml, json };
	size_t lens[2] = { xn, jn }, i, n;
	scsec_result *back;
	char *again;
	int rc;

	for (i = 0; i < 2; i++) {
		back = NULL;
		rc = scsec_result_load_memory(&back, docs[i], lens[i], i ? "r.json" : "r.xml",
		                              scsec_result_criteria(r), fz_options(SCSEC_SCHEMA_NEVER),
		                              NULL);
		if (rc)
			fprintf(stderr, "%s\n%.*s\n", scsec_error_message(scsec_error_last()),
			        lens[i] > 8000 ? 8000 : (int)lens[i], docs[i]);
		FZ_CHECK(rc == 0 && back, "the result's %s does not read back: %d", i ? "JSON" : "XML",
		         rc);
		FZ_OK(scsec_result_to_xml(&again, &n, back));
		FZ_CHECK(n == xn && !memcmp(again, xml, n), "the XML read back (%s) writes other XML",
		         i ? "JSON" : "XML");
		scsec_free(again);
		FZ_OK(scsec_result_to_json(&again, &n, back));
		FZ_CHECK(n == jn && !memcmp(again, json, n), "the result read back (%s) writes other JSON",
		         i ? "JSON" : "XML");
		scsec_free(again);
		scsec_result_free(back);
	}
}

static FZ_UNUSED void fz_check_result_documents(const scsec_result *r, char **json_out)
{
	char *json = NULL, *json2 = NULL, *xml = NULL, *xml2 = NULL;
	size_t jn = 0, jn2 = 0, xn = 0, xn2 = 0;
	scsec_diagnostics *d = NULL;
	scsec_document_kind kind = SCSEC_DOCUMENT_UNKNOWN;
	int rc;

	FZ_OK(scsec_result_to_json(&json, &jn, r));
	FZ_OK(scsec_result_to_json(&json2, &jn2, r));
	FZ_CHECK(json && jn == strlen(json) && jn == jn2 && !memcmp(json, json2, jn),
	         "the JSON of one result differs between two calls");
	FZ_CHECK(json[0] == '{');
	if (!test_json_ok(json, jn))
		fprintf(stderr, "%.*s\n", jn > 8000 ? 8000 : (int)jn, json);
	FZ_CHECK(test_json_ok(json, jn), "the result's JSON is not well-formed");
	FZ_OK(scsec_result_to_xml(&xml, &xn, r));
	FZ_OK(scsec_result_to_xml(&xml2, &xn2, r));
	FZ_CHECK(xml && xn == strlen(xml) && xn == xn2 && !memcmp(xml, xml2, xn),
	         "the XML of one result differs between two calls");
	FZ_OK(scsec_diagnostics_new(&d));
	rc = scsec_document_validate_memory(&kind, xml, xn, "result.xml", NULL, d);
	if (rc || scsec_diagnostics_count(d)) {
		fz_dump_diags("result XML", d);
		fprintf(stderr, "%.*s\n", xn > 8000 ? 8000 : (int)xn, xml);
	}
	FZ_CHECK(rc == 0 && kind == SCSEC_DOCUMENT_RESULT && scsec_diagnostics_count(d) == 0,
	         "the result's XML does not validate: rc %d, kind %d, %zu diagnostic(s)", rc, (int)kind,
	         scsec_diagnostics_count(d));
	scsec_diagnostics_free(d);
	fz_result_read_back(r, xml, xn, json, jn);
	scsec_free(json2);
	scsec_free(xml);
	scsec_free(xml2);
	if (json_out)
		*json_out = json;
	else
		scsec_free(json);
}

#endif /* SCSEC_FUZZ_COMMON_H */
