/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Fuzz target: evaluation (scsec_evaluate) of a record against the built-in
 * set.
 *
 * The input is an evidence record: XML when it starts with '<' (after an
 * optional BOM and whitespace), else a CSV answer sheet. The first two bytes
 * also give the evaluation date (2026-01-01 + their value - 20000 days);
 * the last byte (XOR 0x0a) chooses the target level and the required-level
 * answers (see the README).
 *
 * Asserts (abort on violation), for every record that loads:
 * - the return code (EMISMATCH for a record of another set, ENOTFOUND for a
 *   missing target level or an unknown question, EINVAL for an incomplete
 *   set of answers) and every figure of the result are those of an
 *   independent re-implementation of doc/evaluation.md (fuzz_common.h):
 *   met levels, the achieved level, valid_until, the gap level, the gaps
 *   with their reasons in id order, figures per level, function and
 *   top-level category, the required level;
 * - satisfied + the reason counts = applicable everywhere; the achieved
 *   level has nothing unsatisfied; valid_until >= as_of when a level is
 *   achieved; the achieved level still holds as of valid_until and no
 *   longer holds the day after (rule 6);
 * - two evaluations (the second from the cached binding) and an evaluation
 *   of a copy of the record (a new binding) give byte-identical JSON, and
 *   the XML result validates against the result schema with no
 *   diagnostic. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_xml(const uint8_t *p, size_t n)
{
	size_t i = 0;

	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < n && p[i] == '<';
}

static char *json_of(const scsec_criteria *c, const scsec_evidence *ev, const fz_eval_req *q)
{
	scsec_result *r = NULL;
	char *json = NULL;

	FZ_OK(fz_evaluate(c, ev, q, &r));
	FZ_OK(scsec_result_to_json(&json, NULL, r));
	scsec_result_free(r);
	return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const questions[] = { "confidential-data", "outage-impact",
	                                         "system-access", "no-such-question" };
	const scsec_criteria *c = fz_builtin();
	scsec_evidence *ev = NULL;
	scsec_result *r = NULL;
	fz_eval_req q;
	unsigned flags;
	int rc;

	if (size > FZ_MAX_INPUT)
		return 0;
	if (is_xml(data, size))
		rc = scsec_evidence_load_memory(&ev, data, size, "fuzz.xml", fz_options(-1), NULL);
	else
		rc = scsec_evidence_import_csv_memory(&ev, data, size, "fuzz.csv", c, fz_options(-1),
		                                      NULL);
	if (rc)
		return 0;

	memset(&q, 0, sizeof q);
	q.as_of = fz_ymd(2026, 1, 1) - 20000 + (size >= 2 ? (scsec_date)(data[0] | data[1] << 8) : 0);
	/* XOR 0x0a: a record ending with a newline takes the plain options. */
	flags = size >= 3 ? data[size - 1] ^ 0x0au : 0;
	switch (flags & 3) {
	case 1: q.target = 3; break;
	case 2: q.target = 4; break;
	case 3: q.target = (flags & 0x80) ? 5 : 0; break;
	default: break;
	}
	switch ((flags >> 2) & 3) {
	case 1: /* every question answered */
	case 3: /* one left out (EINVAL), with bit 7 also an unknown one (ENOTFOUND) */
	{
		int k, n = ((flags >> 2) & 3) == 1 ? 3 : 2;

		for (k = 0; k < n; k++) {
			q.question[q.nanswers] = questions[k];
			q.yes[q.nanswers++] = (flags >> (4 + k)) & 1;
		}
		if (((flags >> 2) & 3) == 3 && (flags & 0x80))
			q.question[q.nanswers++] = questions[3];
		break;
	}
	case 2: /* a level required outright (7: one the set lacks) */
		q.required = (flags & 0x10) ? 4 : 3;
		if ((flags & 0x60) == 0x60)
			q.required = 7;
		break;
	default:
		break;
	}

	rc = fz_evaluate(c, ev, &q, &r);
	if (getenv("FZ_VERBOSE")) {
		char date[SCSEC_DATE_BUFSIZE];

		scsec_date_format(date, q.as_of);
		fprintf(stderr, "fuzz_evaluate: %s record, %zu entries, as of %s, target %d, required %d, "
		        "%d answers: rc %d, level %d, %zu gaps\n",
		        is_xml(data, size) ? "XML" : "CSV", scsec_evidence_entry_count(ev), date, q.target,
		        q.required, q.nanswers, rc, rc ? -1 : scsec_result_level(r),
		        rc ? 0 : scsec_result_gap_count(r));
	}
	if (!rc) {
		char *json = NULL, *json2, *json3;
		scsec_evidence *copy = NULL;
		int level = scsec_result_level(r);
		scsec_date until = scsec_result_valid_until(r);

		fz_check_result_documents(r, &json);
		json2 = json_of(c, ev, &q);
		FZ_CHECK(!strcmp(json, json2), "a second evaluation gives other JSON");
		FZ_OK(scsec_evidence_dup(&copy, ev));
		json3 = json_of(c, copy, &q);
		FZ_CHECK(!strcmp(json, json3), "evaluating a copy of the record gives other JSON");

		/* Rule 6: the level holds until valid_until, and not a day longer. */
		if (level) {
			const scsec_level *l = scsec_criteria_level_by_rank(c, level);
			size_t li;
			fz_eval_req q2 = q;
			scsec_result *r2 = NULL;

			for (li = 0; scsec_criteria_level_at(c, li) != l; li++)
				;
			q2.as_of = until;
			FZ_OK(fz_evaluate(c, ev, &q2, &r2));
			FZ_CHECK(scsec_result_level_met_at(r2, li),
			         "level %d is not met as of its own valid_until", level);
			scsec_result_free(r2);
			if (until < FZ_DATE_MAX) {
				q2.as_of = until + 1;
				FZ_OK(fz_evaluate(c, ev, &q2, &r2));
				FZ_CHECK(!scsec_result_level_met_at(r2, li),
				         "level %d is still met the day after valid_until", level);
				scsec_result_free(r2);
			}
		}
		scsec_free(json);
		scsec_free(json2);
		scsec_free(json3);
		scsec_evidence_free(copy);
		scsec_result_free(r);
	}
	scsec_evidence_free(ev);
	return 0;
}
