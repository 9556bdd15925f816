/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* scsec trust: build, inspect and sign trust lists (doc/trust.md). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scsec.h"

static const char usage_trust[] =
	"usage: scsec trust new --operator NAME --version V [--issued YYYY-MM-DD] -o LIST\n"
	"       scsec trust add LIST --name N --role R (--cert CERT.pem | --fingerprint HEX)\n"
	"                       [--ca] [--subject S] [--from D] [--until D] [-o OUT]\n"
	"       scsec trust revoke LIST (--cert CERT.pem | --fingerprint HEX |\n"
	"                       --issuer I --serial S) --date D [-o OUT]\n"
	"       scsec trust list LIST [--operator-cert CERT.pem] [--format text|json]\n"
	"       scsec trust sign LIST --key KEY.pem --cert CERT.pem [--chain CHAIN.pem] -o OUT\n"
	"\n"
	"Build and inspect a trust list: the parties a scheme operator trusts to\n"
	"vouch for assessments (urn:scsec:trust:1, doc/trust.md).\n"
	"\n"
	"  new     an empty list (issued today, UTC, unless --issued)\n"
	"  add     a party: its role (evaluation-body, expert, or another token), its\n"
	"          certificate (kept in the list) or that certificate's SHA-256\n"
	"          fingerprint; --ca: the certificate is the CA that issues the\n"
	"          party's, and --subject the RFC 2253 subject they must have;\n"
	"          --from/--until: the days it is trusted for\n"
	"  revoke  a certificate, from --date on\n"
	"  list    the list as a table (or JSON); with --operator-cert its signature is\n"
	"          checked and the list refused when the operator did not sign it\n"
	"  sign    the operator's enveloped XML Signature over the list (signed now);\n"
	"          users check it with --operator-cert CERT.pem\n"
	"\n"
	"add and revoke rewrite LIST (or write OUT), atomically, unsigned: sign the\n"
	"list again after changing it.\n"
	"Exit status: 0 success, 2 usage, 3 invalid input (a list refused), 4 I/O.\n";

enum {
	OPT_OPERATOR = 500,
	OPT_VERSION,
	OPT_ISSUED,
	OPT_NAME,
	OPT_ROLE,
	OPT_CERT,
	OPT_FINGERPRINT,
	OPT_CA,
	OPT_SUBJECT,
	OPT_FROM,
	OPT_UNTIL,
	OPT_ISSUER,
	OPT_SERIAL,
	OPT_DATE,
	OPT_KEY,
	OPT_CHAIN,
	OPT_OPCERT
};

static const struct option trust_options[] = {
	{ "operator", required_argument, NULL, OPT_OPERATOR },
	{ "version", required_argument, NULL, OPT_VERSION },
	{ "issued", required_argument, NULL, OPT_ISSUED },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "cert", required_argument, NULL, OPT_CERT },
	{ "fingerprint", required_argument, NULL, OPT_FINGERPRINT },
	{ "ca", no_argument, NULL, OPT_CA },
	{ "subject", required_argument, NULL, OPT_SUBJECT },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "issuer", required_argument, NULL, OPT_ISSUER },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "key", required_argument, NULL, OPT_KEY },
	{ "chain", required_argument, NULL, OPT_CHAIN },
	{ "operator-cert", required_argument, NULL, OPT_OPCERT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

typedef struct args {
	const char *list, *out, *operator_name, *version, *name, *role, *cert, *fingerprint;
	const char *subject, *issuer, *serial, *key, *chain, *operator_cert, *format;
	scsec_date issued, from, until, date;
	int ca, have_date;
} args;

/* Which options each subcommand takes ("new" ...: option codes). */
static int allowed(const char *sub, int opt)
{
	static const int new_opts[] = { OPT_OPERATOR, OPT_VERSION, OPT_ISSUED, 'o', 0 };
	static const int add_opts[] = { OPT_NAME, OPT_ROLE, OPT_CERT, OPT_FINGERPRINT, OPT_CA,
		                        OPT_SUBJECT, OPT_FROM, OPT_UNTIL, 'o', 0 };
	static const int revoke_opts[] = { OPT_CERT, OPT_FINGERPRINT, OPT_ISSUER, OPT_SERIAL,
		                           OPT_DATE, 'o', 0 };
	static const int list_opts[] = { OPT_OPCERT, OPT_FORMAT, 0 };
	static const int sign_opts[] = { OPT_KEY, OPT_CERT, OPT_CHAIN, 'o', 0 };
	const int *v = !strcmp(sub, "new") ? new_opts : !strcmp(sub, "add") ? add_opts
	             : !strcmp(sub, "revoke") ? revoke_opts : !strcmp(sub, "list") ? list_opts
	                                                                           : sign_opts;

	if (opt == OPT_ENCODING)
		return 1;
	for (; *v; v++)
		if (*v == opt)
			return 1;
	return 0;
}

static int parse(args *a, const char *sub, int argc, char **argv)
{
	int opt, rc = EXIT_OK;

	memset(a, 0, sizeof *a);
	a->issued = a->from = a->until = a->date = SCSEC_DATE_NONE;
	cli_getopt_reset();
	while (rc == EXIT_OK && (opt = getopt_long(argc, argv, ":o:h", trust_options, NULL)) != -1) {
		if (opt == 'h') {
			fputs(usage_trust, stdout);
			return -1;
		}
		if (opt == '?' || opt == ':')
			return cli_bad_option(usage_trust, argv, opt);
		if (!allowed(sub, opt)) {
			const struct option *o = trust_options;

			while (o->name && o->val != opt)
				o++;
			return cli_usage_error(usage_trust, "'--%s' is not an option of 'scsec trust %s'",
			                       o->name ? o->name : "?", sub);
		}
		switch (opt) {
		case 'o': a->out = optarg; break;
		case OPT_OPERATOR: a->operator_name = optarg; break;
		case OPT_VERSION: a->version = optarg; break;
		case OPT_ISSUED: rc = cli_parse_date("--issued", optarg, &a->issued); break;
		case OPT_NAME: a->name = optarg; break;
		case OPT_ROLE: a->role = optarg; break;
		case OPT_CERT: a->cert = optarg; break;
		case OPT_FINGERPRINT: a->fingerprint = optarg; break;
		case OPT_CA: a->ca = 1; break;
		case OPT_SUBJECT: a->subject = optarg; break;
		case OPT_FROM: rc = cli_parse_date("--from", optarg, &a->from); break;
		case OPT_UNTIL: rc = cli_parse_date("--until", optarg, &a->until); break;
		case OPT_ISSUER: a->issuer = optarg; break;
		case OPT_SERIAL: a->serial = optarg; break;
		case OPT_DATE:
			rc = cli_parse_date("--date", optarg, &a->date);
			a->have_date = 1;
			break;
		case OPT_KEY: a->key = optarg; break;
		case OPT_CHAIN: a->chain = optarg; break;
		case OPT_OPCERT: a->operator_cert = optarg; break;
		case OPT_FORMAT: a->format = optarg; break;
		case OPT_ENCODING: rc = cli_set_encoding(optarg); break;
		}
	}
	if (rc != EXIT_OK)
		return rc;
	if (strcmp(sub, "new")) {
		if (optind >= argc)
			return cli_usage_error(usage_trust, "no LIST given");
		a->list = argv[optind++];
	}
	if (optind < argc)
		return cli_usage_error(usage_trust, "unexpected argument '%s'", argv[optind]);
	return EXIT_OK;
}

/* Write the list (unsigned) to path, atomically. */
static int write_list(const char *path, const scsec_trust *t)
{
	char *xml = NULL;
	size_t size = 0;
	int rc;

	scsec_error_clear();
	if ((rc = scsec_trust_write_memory(&xml, &size, t)))
		return cli_fail(rc, NULL);
	rc = cli_write_output(path, xml, size, 1);
	scsec_free(xml);
	return rc;
}

/* A library call of the builders failed: say why (an argument's fault). */
static int refused(int code)
{
	cli_buf b = CLI_BUF_INIT;
	int rc;

	cli_last_error_text(&b, code);
	rc = code == SCSEC_ENOMEM ? cli_fail(code, NULL) : cli_value_error("%s", cli_buf_str(&b));
	cli_buf_free(&b);
	return rc;
}

static int trust_new(const args *a)
{
	scsec_trust *t = NULL;
	int rc;

	if (!a->operator_name || !a->version)
		return cli_usage_error(usage_trust, "--operator NAME and --version V are required");
	if (!a->out)
		return cli_usage_error(usage_trust, "-o LIST is required ('-o -' for stdout)");
	if ((rc = cli_check_text_option("--operator", a->operator_name)) ||
	    (rc = cli_check_text_option("--version", a->version)))
		return rc;
	scsec_error_clear();
	if ((rc = scsec_trust_new(&t, a->operator_name, a->version,
	                          a->issued != SCSEC_DATE_NONE ? a->issued : scsec_date_today())))
		return refused(rc);
	rc = write_list(a->out, t);
	scsec_trust_free(t);
	return rc;
}

/* The operator's working copy: loaded without a signature check (it is
 * rewritten unsigned in any case). */
static int load_working(scsec_trust **t, const char *path)
{
	scsec_diagnostics *diags = NULL;
	int rc;

	if (scsec_diagnostics_new(&diags))
		return cli_fail(SCSEC_ENOMEM, NULL);
	scsec_error_clear();
	rc = scsec_trust_load_file(t, path, NULL, cli_load_opts, diags);
	rc = rc ? cli_fail(rc, diags) : EXIT_OK;
	scsec_diagnostics_free(diags);
	return rc;
}

static int trust_change(const char *sub, const args *a)
{
	scsec_trust *t = NULL;
	char *pem = NULL;
	size_t size = 0;
	int rc, how = !!a->cert + !!a->fingerprint + !!(a->issuer || a->serial);

	if (!strcmp(sub, "add")) {
		if (!a->name || !a->role)
			return cli_usage_error(usage_trust, "--name N and --role R are required");
		if (!!a->cert + !!a->fingerprint != 1)
			return cli_usage_error(usage_trust, "give one of --cert CERT.pem and "
			                                    "--fingerprint HEX");
		if ((rc = cli_check_text_option("--name", a->name)) ||
		    (a->subject && (rc = cli_check_text_option("--subject", a->subject))))
			return rc;
	} else {
		if (how != 1 || (a->issuer && !a->serial) || (a->serial && !a->issuer))
			return cli_usage_error(usage_trust, "give one of --cert CERT.pem, --fingerprint "
			                                    "HEX, and --issuer I with --serial S");
		if (!a->have_date)
			return cli_usage_error(usage_trust, "--date YYYY-MM-DD is required");
	}
	if (a->cert && (rc = cli_read_file(a->cert, "certificate", &pem, &size)) != EXIT_OK)
		return rc;
	if ((rc = load_working(&t, a->list)) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if (!strcmp(sub, "add"))
		rc = pem ? scsec_trust_add_party_certificate(t, a->name, a->role, pem, size, a->ca,
		                                             a->subject, a->from, a->until)
		         : scsec_trust_add_party_fingerprint(t, a->name, a->role, a->fingerprint,
		                                             a->ca, a->subject, a->from, a->until);
	else
		rc = pem ? scsec_trust_revoke_certificate(t, pem, size, a->date)
		   : a->fingerprint ? scsec_trust_revoke_fingerprint(t, a->fingerprint, a->date)
		                    : scsec_trust_revoke_serial(t, a->issuer, a->serial, a->date);
	if (rc) {
		rc = refused(rc);
		goto out;
	}
	rc = write_list(a->out ? a->out : a->list, t);
out:
	free(pem);
	scsec_trust_free(t);
	return rc;
}

static const char *day(char buf[SCSEC_DATE_BUFSIZE], scsec_date d)
{
	return d == SCSEC_DATE_NONE || scsec_date_format(buf, d) ? "-" : buf;
}

static void list_json(cli_buf *b, const scsec_trust *t)
{
	char d1[SCSEC_DATE_BUFSIZE];
	json_t *root = json_object(), *parties = json_array(), *revs = json_array();
	size_t i;
	int bad = 0;

	cli_json_set(root, "operator", cli_json_text(scsec_trust_operator(t)), &bad);
	cli_json_set(root, "version", cli_json_text(scsec_trust_version(t)), &bad);
	cli_json_set(root, "issued", cli_json_text(day(d1, scsec_trust_issued(t))), &bad);
	cli_json_set(root, "verified", json_boolean(scsec_trust_verified(t)), &bad);
	cli_json_set(root, "signer", cli_json_text(scsec_trust_signer_fingerprint(t)), &bad);
	for (i = 0; i < scsec_trust_party_count(t); i++) {
		const scsec_trust_party *p = scsec_trust_party_at(t, i);
		json_t *o = json_object();

		cli_json_set(o, "name", cli_json_text(scsec_trust_party_name(p)), &bad);
		cli_json_set(o, "role", cli_json_text(scsec_trust_party_role(p)), &bad);
		cli_json_set(o, "sha256", cli_json_text(scsec_trust_party_fingerprint(p)), &bad);
		cli_json_set(o, "ca", json_boolean(scsec_trust_party_is_ca(p)), &bad);
		cli_json_set(o, "subject", cli_json_text(scsec_trust_party_subject(p)), &bad);
		cli_json_set(o, "from", scsec_trust_party_from(p) == SCSEC_DATE_NONE ? json_null()
		             : cli_json_text(day(d1, scsec_trust_party_from(p))), &bad);
		cli_json_set(o, "until", scsec_trust_party_until(p) == SCSEC_DATE_NONE ? json_null()
		             : cli_json_text(day(d1, scsec_trust_party_until(p))), &bad);
		cli_json_set(o, "certificate", json_boolean(scsec_trust_party_certificate(p) != NULL),
		             &bad);
		cli_json_push(parties, o, &bad);
	}
	for (i = 0; i < scsec_trust_revocation_count(t); i++) {
		const scsec_trust_revocation *r = scsec_trust_revocation_at(t, i);
		json_t *o = json_object();

		cli_json_set(o, "sha256", cli_json_text(scsec_trust_revocation_fingerprint(r)), &bad);
		cli_json_set(o, "issuer", cli_json_text(scsec_trust_revocation_issuer(r)), &bad);
		cli_json_set(o, "serial", cli_json_text(scsec_trust_revocation_serial(r)), &bad);
		cli_json_set(o, "date", cli_json_text(day(d1, scsec_trust_revocation_date(r))), &bad);
		cli_json_push(revs, o, &bad);
	}
	cli_json_set(root, "parties", parties, &bad);
	cli_json_set(root, "revocations", revs, &bad);
	if (bad)
		b->failed = 1;
	else
		cli_json_dump(b, root, JSON_INDENT(2));
	cli_buf_putc(b, '\n');
	json_decref(root);
}

static void list_text(cli_buf *b, const scsec_trust *t)
{
	char d1[SCSEC_DATE_BUFSIZE], d2[SCSEC_DATE_BUFSIZE];
	size_t i;

	cli_buf_textf(b, "Trust list:   %s %s, issued %s\n", scsec_trust_operator(t),
	               scsec_trust_version(t), day(d1, scsec_trust_issued(t)));
	if (scsec_trust_verified(t))
		cli_buf_textf(b, "Signature:    valid, by the operator's certificate (signer sha256 %s)\n",
		               scsec_trust_signer_fingerprint(t));
	else
		cli_buf_puts(b, "Signature:    not checked (give --operator-cert CERT.pem)\n");
	cli_buf_textf(b, "\n%-24s %-16s %-10s %-10s %-4s %s\n", "PARTY", "ROLE", "FROM", "UNTIL",
	               "KIND", "SHA-256 [SUBJECT]");
	for (i = 0; i < scsec_trust_party_count(t); i++) {
		const scsec_trust_party *p = scsec_trust_party_at(t, i);

		cli_buf_textf(b, "%-24s %-16s %-10s %-10s %-4s %s", scsec_trust_party_name(p),
		               scsec_trust_party_role(p), day(d1, scsec_trust_party_from(p)),
		               day(d2, scsec_trust_party_until(p)),
		               scsec_trust_party_is_ca(p) ? "ca" : "cert",
		               scsec_trust_party_fingerprint(p));
		if (scsec_trust_party_subject(p))
			cli_buf_textf(b, " [%s]", scsec_trust_party_subject(p));
		cli_buf_putc(b, '\n');
	}
	if (!scsec_trust_revocation_count(t))
		return;
	cli_buf_textf(b, "\n%-10s %s\n", "REVOKED", "CERTIFICATE");
	for (i = 0; i < scsec_trust_revocation_count(t); i++) {
		const scsec_trust_revocation *r = scsec_trust_revocation_at(t, i);

		if (scsec_trust_revocation_fingerprint(r))
			cli_buf_textf(b, "%-10s sha256 %s\n", day(d1, scsec_trust_revocation_date(r)),
			               scsec_trust_revocation_fingerprint(r));
		else
			cli_buf_textf(b, "%-10s serial %s of %s\n", day(d1, scsec_trust_revocation_date(r)),
			               scsec_trust_revocation_serial(r), scsec_trust_revocation_issuer(r));
	}
}

static int trust_list(const args *a)
{
	static const char *const formats[] = { "text", "json", NULL };
	const char *format = "text";
	scsec_trust *t = NULL;
	cli_buf b = CLI_BUF_INIT;
	int rc;

	if (a->format && (rc = cli_parse_format(a->format, formats, &format)) != EXIT_OK)
		return rc;
	if (a->operator_cert)
		rc = cli_load_trust(&t, a->list, a->operator_cert);
	else
		rc = load_working(&t, a->list);
	if (rc != EXIT_OK)
		return rc;
	if (!strcmp(format, "json"))
		list_json(&b, t);
	else
		list_text(&b, t);
	rc = cli_write_buf(NULL, &b, 0);
	cli_buf_free(&b);
	scsec_trust_free(t);
	return rc;
}

static int trust_sign(const args *a)
{
	scsec_signing_key *key = NULL;
	scsec_trust *t = NULL;
	const char *inputs[4];
	char *xml = NULL;
	size_t size = 0;
	int rc;

	if (!a->key || !a->cert || !a->out)
		return cli_usage_error(usage_trust, "--key KEY.pem, --cert CERT.pem and -o OUT are "
		                                    "required");
	inputs[0] = a->list;
	inputs[1] = a->key;
	inputs[2] = a->cert;
	inputs[3] = a->chain;
	if ((rc = cli_check_output(a->out, inputs, 4)) != EXIT_OK)
		return rc;
	scsec_error_clear();
	if ((rc = scsec_signing_key_load_file(&key, a->key, a->cert, a->chain)))
		return cli_fail(rc, NULL);
	if ((rc = load_working(&t, a->list)) != EXIT_OK)
		goto out;
	scsec_error_clear();
	if ((rc = scsec_trust_sign_memory(&xml, &size, t, key, 0))) {
		rc = cli_fail(rc, NULL);
		goto out;
	}
	rc = cli_write_output(a->out, xml, size, 0);
out:
	scsec_free(xml);
	scsec_trust_free(t);
	scsec_signing_key_free(key);
	return rc;
}

int cmd_trust(int argc, char **argv)
{
	static const char *const subs[] = { "new", "add", "revoke", "list", "sign", NULL };
	const char *sub;
	args a;
	size_t i;
	int rc;

	cli_cmd = "scsec trust";
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage_trust, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	sub = argv[1];
	for (i = 0; subs[i] && strcmp(subs[i], sub); i++)
		;
	if (!subs[i])
		return cli_usage_error(usage_trust, "unknown subcommand '%s'", sub);
	if ((rc = parse(&a, sub, argc - 1, argv + 1)) != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	if (!strcmp(sub, "new"))
		return trust_new(&a);
	if (!strcmp(sub, "add") || !strcmp(sub, "revoke"))
		return trust_change(sub, &a);
	if (!strcmp(sub, "list"))
		return trust_list(&a);
	return trust_sign(&a);
}
