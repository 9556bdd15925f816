/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec verify for signed result documents (issue 12, "Results a buyer can
 * verify"): the document's signatures, optionally judged under a trust
 * list, and optionally whether the result is exactly what the library
 * computes from the evidence record it names. Called by cmd_verify
 * (sign.c) for result documents. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "scsec.h"

/* The record re-evaluated with the result's options: EXIT_OK when the
 * result document is exactly the one the library computes, EXIT_FINDINGS
 * when not, another status on failure. */
static int check_evidence(const cli_verify_result_opts *o, const scsec_result *r,
                          const scsec_trust *trust, cli_buf *b)
{
	scsec_evidence *ev = NULL;
	scsec_eval_options *eo = NULL;
	scsec_diagnostics *diags = NULL;
	scsec_result *again = NULL;
	char *want = NULL, *got = NULL;
	size_t i, line = 1;
	int rc;

	if (scsec_result_trust_applied(r) && !trust) {
		cli_errorf("the result was computed under trust list '%s' version '%s': give it with "
		           "--trust LIST --operator-cert CERT to re-evaluate",
		           scsec_result_trust_operator(r), scsec_result_trust_version(r));
		return EXIT_USAGE;
	}
	if ((rc = scsec_diagnostics_new(&diags)))
		return cli_fail(rc, NULL);
	scsec_error_clear();
	if ((rc = cli_load_evidence(&ev, o->evidence, scsec_result_criteria(r), diags))) {
		rc = cli_fail(rc, diags);
		goto out;
	}
	scsec_error_clear();
	if ((rc = scsec_result_options_get(&eo, r)) ||
	    (scsec_result_trust_applied(r) && (rc = scsec_eval_options_set_trust(eo, trust))) ||
	    (rc = scsec_evaluate(&again, scsec_result_criteria(r), ev, eo)) ||
	    (rc = scsec_result_to_xml(&want, NULL, again)) || (rc = scsec_result_to_xml(&got, NULL, r))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	if (strcmp(scsec_result_evidence_fingerprint(again), scsec_result_evidence_fingerprint(r))) {
		cli_buf_textf(b, "evidence: %s is NOT the record evaluated (fingerprint %s, the result "
		                 "names %s)\n",
		              o->evidence, scsec_result_evidence_fingerprint(again),
		              scsec_result_evidence_fingerprint(r));
		rc = EXIT_FINDINGS;
	} else if (strcmp(want, got)) {
		for (i = 0; want[i] && want[i] == got[i]; i++)
			line += want[i] == '\n';
		cli_buf_textf(b, "evidence: %s is the record evaluated, but the result is NOT what "
		                 "libscsec %s computes from it (first difference at line %zu)\n",
		              o->evidence, scsec_version_string(), line);
		rc = EXIT_FINDINGS;
	} else {
		cli_buf_textf(b, "evidence: %s re-evaluated as of %s: the result matches\n", o->evidence,
		              o->as_of_text);
		rc = EXIT_OK;
	}
out:
	scsec_free(want);
	scsec_free(got);
	scsec_result_free(again);
	scsec_eval_options_free(eo);
	scsec_evidence_free(ev);
	scsec_diagnostics_free(diags);
	return rc;
}

int cli_verify_result(const cli_verify_result_opts *o, cli_buf *b)
{
	scsec_result *r = NULL;
	scsec_trust *trust = NULL;
	char day[SCSEC_DATE_BUFSIZE];
	size_t i, n;
	int rc, bad = 0, counted = 0;
	cli_verify_result_opts oo = *o;

	if (o->trust && (rc = cli_load_trust(&trust, o->trust, o->operator_cert)) != EXIT_OK)
		return rc;
	if ((rc = cli_load_result(&r, o->set, o->path)) != EXIT_OK)
		goto out;
	n = scsec_result_signature_count(r);
	cli_buf_textf(b, "%s: result, level %d, %zu signature%s\n", o->path, scsec_result_level(r), n,
	              n == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		const char *fp = scsec_result_signature_fingerprint(r, i);
		const char *signer = scsec_result_signature_signer(r, i);

		if (scsec_result_signature_valid(r, i) == 1) {
			cli_buf_textf(b, "signature %zu: valid\n", i + 1);
		} else {
			bad = 1;
			cli_buf_textf(b, "signature %zu: INVALID: %s\n", i + 1,
			              scsec_result_signature_problem(r, i) ? scsec_result_signature_problem(r, i)
			                                                   : "");
		}
		cli_buf_textf(b, "  signer:      %s\n", signer ? signer : "(no certificate)");
		cli_buf_textf(b, "  fingerprint: %s\n", fp ? fp : "(none)");
		cli_buf_puts(b, "  signed at:   ");
		cli_buf_time(b, scsec_result_signature_time(r, i), "(none)");
		cli_buf_putc(b, '\n');
		if (trust) {
			scsec_verdict v;
			const char *party, *role;

			scsec_result_signature_judge(&v, &party, &role, r, i, trust, SCSEC_DATE_NONE);
			cli_buf_textf(b, "  trust:       %s%s%s%s%s\n", scsec_verdict_name(v),
			              party ? ": " : "", party ? party : "", role ? " as " : "",
			              role ? role : "");
			counted |= v == SCSEC_VERDICT_COUNTED;
		}
	}
	if (!n) {
		cli_errorf("'%s' carries no signature", o->path);
		rc = EXIT_INPUT;
	} else if (bad) {
		cli_errorf("'%s': a signature is not valid", o->path);
		rc = EXIT_INPUT;
	} else if (trust && !counted) {
		cli_errorf("'%s': no signature by an evaluation body or expert the trust list trusts",
		           o->path);
		rc = EXIT_INPUT;
	} else if (o->evidence) {
		scsec_date_format(day, scsec_result_as_of(r));
		oo.as_of_text = day;
		rc = check_evidence(&oo, r, trust, b);
	}
out:
	scsec_result_free(r);
	scsec_trust_free(trust);
	return rc;
}
