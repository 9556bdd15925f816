/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec sign, scsec verify (doc/signatures.md). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec.h"

/* ------------------------------------------------------------------ sign */

static const char usage_sign[] =
	"usage: scsec sign --key KEY.pem --cert CERT.pem [--chain CHAIN.pem]\n"
	"                  [--time TIME] RECORD -o OUT\n"
	"\n"
	"Add an enveloped XML Signature to an XML evidence record: it covers the\n"
	"whole record except its signatures, so several parties can sign the same\n"
	"record, and signatures already there stay valid (the record's bytes are\n"
	"kept as they are). RSA (2048 bits or more) or EC P-256 keys.\n"
	"\n"
	"options:\n"
	"  --key KEY.pem       the private key (PEM, not encrypted; required)\n"
	"  --cert CERT.pem     the signer's certificate (PEM; required)\n"
	"  --chain CHAIN.pem   the certificates of its chain, carried in the signature\n"
	"  --time TIME         the signing time, YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD\n"
	"                      (UTC; default: now)\n"
	"  -o, --output OUT    write the signed record to OUT (atomically; required,\n"
	"                      '-o -' for stdout)\n"
	"  -h, --help          show this help\n";

enum { OPT_KEY = 460, OPT_CERT, OPT_CHAIN, OPT_TIME };

/* --time: seconds since the epoch. */
static int parse_time(const char *text, int64_t *out)
{
	int y, mo, d, h = 0, mi = 0, s = 0, n = 0;
	scsec_date day;
	size_t len = strlen(text);

	if (!((len == 10 && sscanf(text, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) ||
	      (len == 20 &&
	       sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &n) == 6 &&
	       n == 20)) ||
	    scsec_date_from_ymd(&day, y, mo, d) || h > 23 || mi > 59 || s > 59 || day < 0)
		return cli_value_error("--time '%s' is not YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (UTC, "
		                       "from 1970)",
		                       text);
	*out = (int64_t)day * 86400 + h * 3600 + mi * 60 + s;
	if (*out == 0)
		*out = 1; /* 0 would mean now */
	return EXIT_OK;
}

int cmd_sign(int argc, char **argv)
{
	static const struct option options[] = {
		{ "key", required_argument, NULL, OPT_KEY },
		{ "cert", required_argument, NULL, OPT_CERT },
		{ "chain", required_argument, NULL, OPT_CHAIN },
		{ "time", required_argument, NULL, OPT_TIME },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *key_path = NULL, *cert = NULL, *chain = NULL, *out = NULL, *in, *inputs[4];
	scsec_signing_key *key = NULL;
	char *data = NULL, *signed_doc = NULL;
	size_t size = 0, signed_size = 0;
	int64_t when = 0;
	int opt, rc;

	cli_cmd = "scsec sign";
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
		switch (opt) {
		case OPT_KEY: key_path = optarg; break;
		case OPT_CERT: cert = optarg; break;
		case OPT_CHAIN: chain = optarg; break;
		case OPT_TIME:
			if ((rc = parse_time(optarg, &when)) != EXIT_OK)
				return rc;
			break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage_sign, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_sign, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_sign, "no RECORD given");
	in = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_sign, "unexpected argument '%s'", argv[optind]);
	if (!key_path || !cert)
		return cli_usage_error(usage_sign, "--key KEY.pem and --cert CERT.pem are required");
	if (!out)
		return cli_usage_error(usage_sign, "-o OUT is required ('-o -' for stdout)");
	inputs[0] = in;
	inputs[1] = key_path;
	inputs[2] = cert;
	inputs[3] = chain;
	if ((rc = cli_check_output(out, inputs, 4)) != EXIT_OK)
		return rc;
	scsec_error_clear();
	if ((rc = scsec_signing_key_load_file(&key, key_path, cert, chain))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	if ((rc = cli_read_file(in, "the record", &data, &size)) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if ((rc = scsec_evidence_sign_memory(&signed_doc, &signed_size, data ? data : "", size, in, key,
	                                     when))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	rc = cli_write_output(out, signed_doc, signed_size, 0);
out:
	scsec_free(signed_doc);
	free(data);
	scsec_signing_key_free(key);
	return rc;
}

/* ---------------------------------------------------------------- verify */

static const char usage_verify[] =
	"usage: scsec verify RECORD [--trust LIST --operator-cert CERT]\n"
	"       scsec verify [-c SET] RESULT [--trust LIST --operator-cert CERT]\n"
	"                    [--evidence RECORD]\n"
	"\n"
	"Check every XML Signature of a signed evidence record and list them: valid\n"
	"or why not, the signer's certificate subject and SHA-256 fingerprint, and\n"
	"the signed signing time. A valid signature says who signed, not whether\n"
	"to trust them: with --trust, each signature is also judged under the list\n"
	"as an evaluation would (trusted party on the signing day, certificate valid\n"
	"then, not revoked today), and at least one must count.\n"
	"Exit status: 0 every signature valid (and one trusted, with --trust),\n"
	"3 an invalid signature, no (trusted) signature or an invalid record,\n"
	"4 the file cannot be read.\n"
	"\n"
	"A signed RESULT document (evaluate --sign) is read back against its\n"
	"criteria set (-c) and its signatures listed; with --trust, one of them\n"
	"must be by an evaluation body or expert the list trusts; with --evidence,\n"
	"the record is evaluated again with the result's options (date, target,\n"
	"required level) and the result must be exactly what libscsec computes.\n"
	"Exit status then: 0 valid (and matching), 1 verified but not matching,\n"
	"3 an invalid signature or document, 4 files.\n"
	"\n"
	"options:\n"
	"  -c, --criteria SET     the set the result was computed with\n"
	"  --trust LIST           judge the signers under a trust list\n"
	"  --operator-cert CERT   the list operator's certificate (with --trust)\n"
	"  --evidence RECORD      check the result against the record it names\n"
	"  -h, --help   show this help\n";

/* What verify was asked; options to come (a trust list) go here. */
typedef struct verify_opts {
	const char *path;
	const scsec_trust *trust; /* --trust: judge each signature under it */
} verify_opts;

/* The signatures of an evidence record, one block each. */
static int verify_record(const verify_opts *o, cli_buf *b)
{
	scsec_evidence *ev = NULL;
	scsec_diagnostics *diags = NULL;
	size_t i, n, counted = 0;
	int rc, bad = 0;

	if ((rc = scsec_diagnostics_new(&diags)))
		return cli_fail(rc, NULL);
	scsec_error_clear();
	if ((rc = scsec_evidence_load_file(&ev, o->path, cli_load_opts, diags))) {
		rc = cli_fail(rc, diags);
		scsec_diagnostics_free(diags);
		return rc;
	}
	scsec_diagnostics_free(diags);
	n = scsec_evidence_signature_count(ev);
	cli_buf_textf(b, "%s: %zu signature%s\n", o->path, n, n == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		const char *problem = scsec_evidence_signature_problem(ev, i);
		const char *signer = scsec_evidence_signature_signer(ev, i);
		const char *fp = scsec_evidence_signature_fingerprint(ev, i);

		if (scsec_evidence_signature_valid(ev, i) == 1)
			cli_buf_textf(b, "signature %zu: valid\n", i + 1);
		else {
			bad = 1;
			cli_buf_textf(b, "signature %zu: INVALID: %s\n", i + 1, problem ? problem : "");
		}
		cli_buf_textf(b, "  signer:      %s\n", signer ? signer : "(no certificate)");
		cli_buf_textf(b, "  fingerprint: %s\n", fp ? fp : "(none)");
		cli_buf_puts(b, "  signed at:   ");
		cli_buf_time(b, scsec_evidence_signature_time(ev, i), "(none)");
		cli_buf_putc(b, '\n');
		if (o->trust) {
			scsec_verdict v;
			const char *party, *role;

			if (scsec_evidence_signature_judge(&v, &party, &role, ev, i, o->trust,
			                                   SCSEC_DATE_NONE))
				v = SCSEC_VERDICT_INVALID;
			if (v == SCSEC_VERDICT_COUNTED) {
				counted++;
				cli_buf_textf(b, "  trusted:     yes, party '%s' (%s)\n", party, role);
			} else {
				cli_buf_textf(b, "  trusted:     no (%s)\n", scsec_verdict_name(v));
			}
		}
	}
	scsec_evidence_free(ev);
	if (!n) {
		cli_errorf("'%s' carries no signature", o->path);
		return EXIT_INPUT;
	}
	if (bad)
		cli_errorf("'%s': a signature is not valid", o->path);
	else if (o->trust && !counted)
		cli_errorf("'%s': no signature is by a party the trust list trusts", o->path);
	return bad || (o->trust && !counted) ? EXIT_INPUT : EXIT_OK;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option options[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "trust", required_argument, NULL, OPT_TRUST },
		{ "operator-cert", required_argument, NULL, OPT_OPERATOR_CERT },
		{ "evidence", required_argument, NULL, OPT_KEY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cli_verify_result_opts ro;
	verify_opts o;
	cli_buf b = CLI_BUF_INIT;
	scsec_file_kind kind = SCSEC_FILE_UNKNOWN;
	scsec_trust *trust = NULL;
	int opt, rc, wrc;

	cli_cmd = "scsec verify";
	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":c:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c': ro.set = optarg; break;
		case OPT_TRUST: ro.trust = optarg; break;
		case OPT_OPERATOR_CERT: ro.operator_cert = optarg; break;
		case OPT_KEY: ro.evidence = optarg; break;
		case 'h': fputs(usage_verify, stdout); return EXIT_OK;
		default: return cli_bad_option(usage_verify, argv, opt);
		}
	}
	if (optind >= argc)
		return cli_usage_error(usage_verify, "no RECORD given");
	o.path = argv[optind++];
	if (optind < argc)
		return cli_usage_error(usage_verify, "unexpected argument '%s'", argv[optind]);
	scsec_error_clear();
	if ((rc = scsec_file_detect(&kind, o.path, NULL)))
		return cli_fail(rc, NULL);
	if (ro.trust && !ro.operator_cert)
		return cli_usage_error(usage_verify, "--trust LIST needs --operator-cert CERT");
	if (kind != SCSEC_FILE_RESULT && (ro.set || ro.evidence))
		return cli_usage_error(usage_verify, "-c and --evidence apply to results");
	/* One branch per kind of signed document. */
	switch (kind) {
	case SCSEC_FILE_EVIDENCE:
		if (ro.trust && (rc = cli_load_trust(&trust, ro.trust, ro.operator_cert)) != EXIT_OK)
			return rc;
		o.trust = trust;
		rc = verify_record(&o, &b);
		scsec_trust_free(trust);
		break;
	case SCSEC_FILE_RESULT:
		ro.path = o.path;
		rc = cli_verify_result(&ro, &b);
		break;
	default:
		cli_errorf("'%s' is a %s, not a signed evidence record", o.path,
		           scsec_file_kind_name(kind));
		rc = EXIT_INPUT;
		break;
	}
	wrc = b.len ? cli_write_buf(NULL, &b, 0) : EXIT_OK;
	cli_buf_free(&b);
	return rc != EXIT_OK ? rc : wrc;
}
