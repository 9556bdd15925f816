/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Trust lists in XML (urn:scsec:trust:1, scsec-trust-1.xsd, doc/trust.md):
 * reading with the operator's signature checked, writing, and the builders
 * that take a PEM certificate. */
#include "config.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "scsec/trust.h"
#include "io/file.h"
#include "io/signature.h"
#include "io/trust_xml.h"
#include "io/xml.h"
#include "model/evidence.h"
#include "model/result.h"
#include "model/trust.h"
#include "util/digest.h"
#include "util/error.h"
#include "util/xmlwrite.h"

#define IS(n, name) scsec__xnode_is((n), SCSEC__NS_TRUST, (name))
#define LOC(n) ((scsec__loc){ (n)->line, (n)->column })
#define DSIG_NS SCSEC__NS_DSIG

/* ------------------------------------------------------------ certificates */

int scsec__pem_certificate(char sha256[65], char **pem_out, const void *pem, size_t len)
{
	BIO *bio = NULL, *out = NULL;
	X509 *x = NULL;
	unsigned char *der = NULL;
	char *data;
	long n;
	int dlen, rc = SCSEC_EINVAL;

	if (pem_out)
		*pem_out = NULL;
	if (len > SCSEC__TRUST_MAX_PEM)
		return scsec__error_set(SCSEC_ELIMIT, "a certificate in PEM takes at most %d bytes",
		                        SCSEC__TRUST_MAX_PEM);
	if (!(bio = BIO_new_mem_buf(pem, (int)len))) {
		rc = SCSEC_ENOMEM;
		goto done;
	}
	if (!(x = PEM_read_bio_X509(bio, NULL, NULL, NULL))) {
		rc = scsec__error_set(SCSEC_EINVAL, "not a PEM certificate (-----BEGIN CERTIFICATE-----)");
		goto done;
	}
	if ((dlen = i2d_X509(x, &der)) <= 0) {
		rc = scsec__error_set(SCSEC_ECRYPTO, "the certificate cannot be encoded");
		goto done;
	}
	if ((rc = scsec__sha256_hex(sha256, der, (size_t)dlen)))
		goto done;
	if (pem_out) {
		if (!(out = BIO_new(BIO_s_mem())) || !PEM_write_bio_X509(out, x) ||
		    (n = BIO_get_mem_data(out, &data)) <= 0 || !(*pem_out = scsec__malloc((size_t)n + 1))) {
			rc = SCSEC_ENOMEM;
			goto done;
		}
		memcpy(*pem_out, data, (size_t)n);
		(*pem_out)[n] = '\0';
	}
	rc = 0;
done:
	if (rc == SCSEC_ENOMEM)
		scsec__error_set(SCSEC_ENOMEM, "out of memory");
	OPENSSL_free(der);
	X509_free(x);
	BIO_free(bio);
	BIO_free(out);
	ERR_clear_error();
	return rc;
}

int scsec_certificate_fingerprint(char out[65], const void *pem, size_t size)
{
	SCSEC__CHECK_ARG(out);
	out[0] = '\0';
	SCSEC__CHECK_ARG(pem);
	return scsec__pem_certificate(out, NULL, pem, size);
}

int scsec_trust_add_party_certificate(scsec_trust *t, const char *name, const char *role,
                                      const void *pem, size_t size, int is_ca,
                                      const char *subject, scsec_date from, scsec_date until)
{
	char fp[65], *norm;
	int rc;

	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(name);
	SCSEC__CHECK_ARG(role);
	SCSEC__CHECK_ARG(pem);
	if ((rc = scsec__pem_certificate(fp, &norm, pem, size)))
		return rc;
	if (!(rc = scsec__trust_add_party(t, name, role, fp, is_ca, subject, from, until, NULL)))
		t->parties[t->nparties - 1]->pem = norm;
	else
		scsec__free(norm);
	return rc;
}

int scsec_trust_revoke_certificate(scsec_trust *t, const void *pem, size_t size, scsec_date date)
{
	char fp[65];
	int rc;

	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(pem);
	if ((rc = scsec__pem_certificate(fp, NULL, pem, size)))
		return rc;
	return scsec__trust_add_revocation(t, fp, NULL, NULL, date, NULL);
}

const char *scsec_trust_party_certificate(const scsec_trust_party *p)
{
	return p ? p->pem : NULL;
}

const char *scsec_trust_signer_fingerprint(const scsec_trust *t)
{
	return t && t->verified ? t->signer_sha256 : NULL;
}

int scsec_result_trust_verified(const scsec_result *r)
{
	return r ? r->trust_verified : 0;
}

/* ----------------------------------------------------------------- reading */

/* scsec-trust-1.xsd as structure rules (io/xml.h); the root's trailing
 * ds:Signature elements are taken off before the rules apply. */
#define A(...) ((const char *const[]){ __VA_ARGS__, NULL })
static const scsec__xspec s_operator = { "operator", NULL, 1, 0, NULL };
static const scsec__xspec s_certificate = { "certificate", NULL, 1, 0, NULL };
static const scsec__xspec s_party = {
	"party", A("name", "role", "sha256", "ca", "subject", "from", "until"), 0, 0,
	(const scsec__xspec_child[]){ { &s_certificate, 0, 1, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_revocation = {
	"revocation", A("sha256", "issuer", "serial", "date"), 0, 0, NULL,
};
static const scsec__xspec s_list = {
	"trust-list", A("version", "issued"), 0, 0,
	(const scsec__xspec_child[]){ { &s_operator, 1, 1, 0 },
	                               { &s_party, 0, 0, 0 },
	                               { &s_revocation, 0, 0, 0 },
	                               { NULL, 0, 0, 0 } },
};
#undef A

/* The structure rules on the root without its trailing ds:Signature
 * elements (put back after). Returns the number of problems. */
static size_t check_structure(scsec__xdoc *d)
{
	scsec__xnode *root = d->root, *k, *last = NULL, *tail = NULL, *saved_last = root->last;
	size_t problems;

	for (k = root->first; k; k = k->next) {
		if (!scsec__xnode_is(k, DSIG_NS, "Signature")) {
			last = k;
			tail = NULL;
		} else if (!tail) {
			tail = k;
		}
	}
	if (!tail)
		return scsec__xml_check_structure(d, root, &s_list, SCSEC__NS_TRUST);
	/* Everything from tail on is signatures: the rules see the rest. */
	if (last)
		last->next = NULL;
	else
		root->first = NULL;
	root->last = last;
	problems = scsec__xml_check_structure(d, root, &s_list, SCSEC__NS_TRUST);
	if (last)
		last->next = tail;
	else
		root->first = tail;
	root->last = saved_last;
	return problems;
}

/* Report the builder's error at node n; ENOMEM is returned, every other
 * code reported and 0 returned (reading goes on). */
static int builder_failed(scsec__xdoc *d, const scsec__xnode *n, int rc)
{
	if (rc == SCSEC_ENOMEM)
		return rc;
	scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, rc == SCSEC_EINVAL ? SCSEC_EINVALID : rc, NULL,
	                  "element '%s': %s", n->name, scsec_error_message(scsec_error_last()));
	return 0;
}

static int read_party(scsec__xdoc *d, scsec_trust *t, const scsec__xnode *n)
{
	const char *name, *role, *sha256, *subject;
	scsec_date from = SCSEC_DATE_NONE, until = SCSEC_DATE_NONE;
	scsec__loc loc = LOC(n);
	int ca = 0, rc;
	char fp[65], *pem = NULL;

	if (scsec__xa_str(d, n, "name", 1, &name) | scsec__xa_str(d, n, "role", 1, &role) |
	    scsec__xa_str(d, n, "sha256", 1, &sha256) | scsec__xa_bool(d, n, "ca", &ca) |
	    scsec__xa_str(d, n, "subject", 0, &subject) | scsec__xa_date(d, n, "from", 0, &from) |
	    scsec__xa_date(d, n, "until", 0, &until))
		return 0;
	role = scsec__xattr_token(n, "role");
	sha256 = scsec__xattr_token(n, "sha256");
	if (n->first && IS(n->first, "certificate")) {
		if ((rc = scsec__pem_certificate(fp, &pem, n->first->text, n->first->text_len)))
			return builder_failed(d, n->first, rc);
		if (scsec__sha256_hex_ok(sha256) && strncasecmp(fp, sha256, 64)) {
			scsec__free(pem);
			scsec__xml_report(d, n->first, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
			                  "party '%.64s': the certificate's fingerprint is %s, not the "
			                  "party's %.64s", name, fp, sha256);
			return 0;
		}
	}
	if ((rc = scsec__trust_add_party(t, name, role, sha256, ca, subject, from, until, &loc))) {
		scsec__free(pem);
		return builder_failed(d, n, rc);
	}
	t->parties[t->nparties - 1]->pem = pem;
	return 0;
}

static int read_revocation(scsec__xdoc *d, scsec_trust *t, const scsec__xnode *n)
{
	const char *issuer;
	scsec_date date;
	scsec__loc loc = LOC(n);
	int rc;

	if (scsec__xa_date(d, n, "date", 1, &date) | scsec__xa_str(d, n, "issuer", 0, &issuer))
		return 0;
	rc = scsec__trust_add_revocation(t, scsec__xattr_token(n, "sha256"), issuer,
	                                 scsec__xattr_token(n, "serial"), date, &loc);
	return rc ? builder_failed(d, n, rc) : 0;
}

static int list_from_xml(scsec_trust **out, scsec__xdoc *d)
{
	const scsec__xnode *root = d->root, *k;
	const char *version;
	scsec_date issued;
	size_t errors = d->rep.errors;
	scsec_trust *t = NULL;
	int rc = 0;

	*out = NULL;
	if (!d->validated && check_structure(d))
		return scsec__report_result(&d->rep);
	if (scsec__xa_str(d, root, "version", 1, &version) |
	    scsec__xa_date(d, root, "issued", 1, &issued))
		return scsec__report_result(&d->rep);
	if ((rc = scsec_trust_new(&t, root->first->text, version, issued))) {
		if (rc != SCSEC_ENOMEM)
			scsec__xml_report(d, root, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
			                  "element 'trust-list': the operator and the version must be "
			                  "text of at most %d bytes", SCSEC__TRUST_MAX_TEXT);
		return rc == SCSEC_ENOMEM ? rc : scsec__report_result(&d->rep);
	}
	for (k = root->first->next; k && !rc; k = k->next) {
		if (IS(k, "party"))
			rc = read_party(d, t, k);
		else if (IS(k, "revocation"))
			rc = read_revocation(d, t, k);
	}
	if (rc == SCSEC_ENOMEM || d->rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (d->rep.errors > errors)
		rc = scsec__report_result(&d->rep);
	if (rc) {
		scsec_trust_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* ------------------------------------------------- the operator's signature */

/* Whether the list in data (len bytes) carries a valid root-level
 * signature by the operator: one whose signer certificate is the operator
 * certificate (fingerprint op_fp) itself, valid at the signing time.
 * 0 with signer (65 bytes) set to the signer certificate's fingerprint, or
 * an error reported at the signature (or the document). */
static int check_operator(scsec__xdoc *d, const void *data, size_t len, const char *op_fp,
                          char signer[65])
{
	scsec__signature *sigs = NULL;
	size_t n = 0, i;
	int rc;

	scsec_error_clear();
	if ((rc = scsec__signatures_verify(&sigs, &n, data, len, d->rep.name)))
		return scsec__xml_report(d, NULL, SCSEC_SEVERITY_ERROR, rc, NULL, "%s",
		                         scsec_error_message(scsec_error_last()));
	for (i = 0; i < n; i++) {
		const scsec__signature *s = &sigs[i];

		if (!s->valid || !s->nchain)
			continue;
		/* The operator's own certificate, valid when it signed: not any
		 * certificate it issued (the parties' are issued by it too). */
		if (strcmp(s->chain[0].sha256, op_fp) ||
		    (s->signing_time >= 0 && (s->signing_time < s->chain[0].not_before ||
		                              s->signing_time > s->chain[0].not_after)))
			continue;
		memcpy(signer, s->chain[0].sha256, 65);
		scsec__signatures_free(sigs, n);
		return 0;
	}
	/* No signature counts: say why of each. */
	for (i = 0; i < n; i++) {
		const scsec__signature *s = &sigs[i];
		scsec__xnode at = { 0 };

		at.name = "Signature";
		at.line = s->loc.line;
		at.column = s->loc.column;
		if (!s->valid)
			scsec__xml_report(d, &at, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
			                  "the list's signature is not valid: %s",
			                  s->problem ? s->problem : "(no reason given)");
		else
			scsec__xml_report(d, &at, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
			                  "the list is signed by '%.200s' (sha256 %s), which is not the "
			                  "operator certificate (sha256 %s), or not while it was valid",
			                  s->nchain && s->chain[0].subject ? s->chain[0].subject : "?",
			                  s->nchain ? s->chain[0].sha256 : "-", op_fp);
	}
	if (!n)
		scsec__xml_report(d, NULL, SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, NULL,
		                  "the trust list carries no signature (the operator's certificate "
		                  "sha256 %s was given to check it)", op_fp);
	scsec__signatures_free(sigs, n);
	return scsec__report_result(&d->rep);
}

struct load_arg {
	const void *cert; /* the operator's PEM certificate, or NULL */
	size_t cert_len;
};

static int read_list(void *out, scsec__source *src, const void *arg,
                     const scsec_load_options *opts, scsec_diagnostics *diags)
{
	const struct load_arg *la = arg;
	scsec__buf b = SCSEC__BUF_INIT;
	scsec__source mem;
	scsec__xdoc doc;
	scsec_trust *t = NULL;
	char op_fp[65], signer[65] = "";
	int rc;

	*(scsec_trust **)out = NULL;
	/* The operator certificate first: a bad one says nothing of the list. */
	if (la->cert && (rc = scsec__pem_certificate(op_fp, NULL, la->cert, la->cert_len))) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src->name, 0, 0,
		                "the operator certificate: %s", scsec_error_message(scsec_error_last()));
		return scsec__error_set_at(rc, src->name, 0, 0, "the operator certificate: %s",
		                           scsec_error_message(scsec_error_last()));
	}
	/* The bytes are kept: the signature is checked over exactly them. */
	if ((rc = scsec__source_slurp(src, &b))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	if ((rc = scsec__source_open_memory(&mem, b.data ? b.data : "", b.len, src->name, opts))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	mem.unnamed = src->unnamed;
	rc = scsec__xml_parse(&doc, &mem, opts, SCSEC__SCHEMA_TRUST, diags);
	if (!rc)
		rc = list_from_xml(&t, &doc);
	if (!rc && la->cert && !(rc = check_operator(&doc, b.data, b.len, op_fp, signer))) {
		t->verified = 1;
		memcpy(t->signer_sha256, signer, sizeof signer);
	}
	if (rc) {
		scsec_trust_free(t);
		t = NULL;
	}
	scsec__xdoc_dispose(&doc);
	scsec__source_close(&mem);
	scsec__buf_dispose(&b);
	*(scsec_trust **)out = t;
	return rc;
}

int scsec_trust_load_file(scsec_trust **out, const char *path, const char *operator_cert,
                          const scsec_load_options *opts, scsec_diagnostics *diags)
{
	struct load_arg la = { NULL, 0 };
	scsec__source cs;
	scsec__buf cert = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	if (operator_cert) {
		if ((rc = scsec__source_open_any(&cs, operator_cert, NULL, 0, NULL, opts, diags)))
			return rc;
		rc = scsec__source_slurp(&cs, &cert);
		scsec__source_close(&cs);
		if (rc) {
			scsec__buf_dispose(&cert);
			return rc;
		}
		la.cert = cert.data ? (const void *)cert.data : "";
		la.cert_len = cert.len;
	}
	rc = scsec__read(out, read_list, &la, path, NULL, 0, NULL, opts, diags);
	scsec__buf_dispose(&cert);
	return rc;
}

int scsec_trust_load_memory(scsec_trust **out, const void *data, size_t size, const char *name,
                            const void *operator_cert, size_t cert_size,
                            const scsec_load_options *opts, scsec_diagnostics *diags)
{
	struct load_arg la = { operator_cert, cert_size };

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, read_list, &la, NULL, data, size, name, opts, diags);
}

/* ----------------------------------------------------------------- writing */

static void date_attr(scsec__buf *b, const char *name, scsec_date d)
{
	char s[16];

	if (d != SCSEC_DATE_NONE && !scsec__date_format(s, d))
		scsec__xw_attr(b, name, s);
}

int scsec__trust_to_xml(scsec__buf *b, const scsec_trust *t)
{
	size_t i;

	scsec__buf_puts(b, SCSEC__XML_DECL "<trust-list xmlns=\"" SCSEC__NS_TRUST "\"");
	scsec__xw_attr(b, "version", t->version);
	date_attr(b, "issued", t->issued);
	scsec__buf_puts(b, ">\n");
	scsec__xw_elem(b, 1, "operator", NULL, t->operator_name);
	for (i = 0; i < t->nparties; i++) {
		const struct scsec_trust_party *p = t->parties[i];

		scsec__buf_puts(b, "  <party");
		scsec__xw_attr(b, "name", p->name);
		scsec__xw_attr(b, "role", p->role);
		scsec__xw_attr(b, "sha256", p->sha256);
		if (p->is_ca)
			scsec__xw_attr(b, "ca", "true");
		scsec__xw_attr(b, "subject", p->subject);
		date_attr(b, "from", p->from);
		date_attr(b, "until", p->until);
		if (!p->pem) {
			scsec__buf_puts(b, "/>\n");
			continue;
		}
		scsec__buf_puts(b, ">\n");
		scsec__xw_elem(b, 2, "certificate", NULL, p->pem);
		scsec__buf_puts(b, "  </party>\n");
	}
	for (i = 0; i < t->nrevocations; i++) {
		const struct scsec_trust_revocation *r = t->revocations[i];

		scsec__buf_puts(b, "  <revocation");
		scsec__xw_attr(b, "sha256", r->sha256[0] ? r->sha256 : NULL);
		scsec__xw_attr(b, "issuer", r->issuer);
		scsec__xw_attr(b, "serial", r->serial);
		date_attr(b, "date", r->date);
		scsec__buf_puts(b, "/>\n");
	}
	scsec__buf_puts(b, "</trust-list>\n");
	return scsec__buf_error(b);
}

int scsec_trust_write_memory(char **out, size_t *size, const scsec_trust *t)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(t);
	if ((rc = scsec__trust_to_xml(&b, t))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_trust_sign_memory(char **out, size_t *size, const scsec_trust *t,
                            const scsec_signing_key *key, int64_t signing_time)
{
	scsec__buf b = SCSEC__BUF_INIT;
	char *signed_doc = NULL;
	size_t n = 0;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	if (size)
		*size = 0;
	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(key);
	if (!(rc = scsec__trust_to_xml(&b, t)))
		rc = scsec__sign_xml(&signed_doc, &n, b.data, b.len, "<trust list>", key, signing_time);
	scsec__buf_dispose(&b);
	if (rc)
		return rc;
	*out = signed_doc;
	if (size)
		*size = n;
	return 0;
}

int scsec_trust_write_file(const scsec_trust *t, const char *path, unsigned int flags)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(path);
	SCSEC__CHECK_ARG((flags & ~(unsigned)SCSEC_WRITE_GZIP) == 0);
	if (!(rc = scsec__trust_to_xml(&b, t)))
		rc = scsec__write_file_atomic(path, b.data, b.len, flags & SCSEC_WRITE_GZIP);
	scsec__buf_dispose(&b);
	return rc;
}
