/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* XML Signatures through xmlsec1 (io/signature.h, doc/signatures.md). */
#include "config.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "model/evidence.h" /* scsec__timestamp_ok */
#include "io/signature.h"
#include "io/xml.h"

#define ALG_EXC_C14N "http://www.w3.org/2001/10/xml-exc-c14n#"
#define ALG_FILTER2 SCSEC__NS_DSIG_FILTER2
#define ALG_SHA256 "http://www.w3.org/2001/04/xmlenc#sha256"
#define ALG_RSA_SHA256 "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
#define ALG_ECDSA_SHA256 "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
#define TYPE_PROPERTIES "http://www.w3.org/2000/09/xmldsig#SignatureProperties"

/* A signature carries at most this many certificates, each at most this
 * many bytes of DER. */
#define MAX_CERTS 8
#define MAX_CERT_DER 16384

/* -------------------------------------------------------------- start-up */

static pthread_once_t xmlsec_once = PTHREAD_ONCE_INIT;
static int xmlsec_ok;

/* xmlsec1's last message on this thread, for problem texts: xmlsec1
 * prints nothing of its own. */
static _Thread_local char xmlsec_msg[256];

static void on_xmlsec_error(const char *file, int line, const char *func, const char *object,
                            const char *subject, int reason, const char *msg)
{
	(void)file;
	(void)line;
	(void)func;
	(void)object;
	(void)reason;
	snprintf(xmlsec_msg, sizeof xmlsec_msg, "%s%s%s", subject ? subject : "",
	         subject && msg ? ": " : "", msg ? msg : "");
}

static void xmlsec_init(void)
{
	scsec__xml_init();
	xmlSecErrorsSetCallback(on_xmlsec_error);
	if (xmlSecInit() < 0)
		return;
	xmlSecErrorsSetCallback(on_xmlsec_error);
	if (xmlSecCheckVersion() != 1)
		return;
	/* The OpenSSL backend, linked in (XMLSEC_NO_CRYPTO_DYNAMIC_LOADING):
	 * no configuration file or key store of xmlsec1's own is read. */
	if (xmlSecOpenSSLAppInit(NULL) < 0 || xmlSecOpenSSLInit() < 0)
		return;
	xmlsec_ok = 1;
}

static int start(void)
{
	pthread_once(&xmlsec_once, xmlsec_init);
	if (!xmlsec_ok)
		return scsec__error_set(SCSEC_ECRYPTO, "xmlsec1 (OpenSSL backend) failed to initialise");
	xmlsec_msg[0] = 0;
	return 0;
}

/* Parse a document for xmlsec1: no network, no DTD (refused), no entity
 * substitution. */
static int parse_doc(xmlDocPtr *out, const void *xml, size_t len, const char *name)
{
	xmlDocPtr doc;

	*out = NULL;
	if (len > INT_MAX)
		return scsec__error_set_at(SCSEC_ELIMIT, name, 0, 0, "the document is too large to sign or verify");
	doc = xmlReadMemory(xml, (int)len, NULL, NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		return scsec__error_set_at(SCSEC_EPARSE, name, 0, 0, "the document is not well-formed XML");
	}
	if (doc->intSubset || doc->extSubset) {
		xmlFreeDoc(doc);
		return scsec__error_set_at(SCSEC_EUNSAFE, name, 0, 0,
		                           "the document has a DTD (DOCTYPE): refused");
	}
	*out = doc;
	return 0;
}

/* ------------------------------------------------------------ certificates */

static void hex(char *out, const unsigned char *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = 0;
}

static int cert_sha256(char out[65], X509 *x)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	if (!X509_digest(x, EVP_sha256(), md, &mdlen) || mdlen != 32)
		return SCSEC_ECRYPTO;
	hex(out, md, 32);
	return 0;
}

static char *name_text(const X509_NAME *nm)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data, *s = NULL;
	long n;

	if (!b)
		return NULL;
	if (X509_NAME_print_ex(b, nm, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0 &&
	    (n = BIO_get_mem_data(b, &data)) >= 0)
		s = scsec__strndup(data, (size_t)n);
	BIO_free(b);
	return s;
}

static char *serial_text(X509 *x)
{
	BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
	char *h = bn ? BN_bn2hex(bn) : NULL, *p, *s = NULL;

	if (h) {
		for (p = h; *p == '0' && p[1]; p++)
			;
		if ((s = scsec__strdup(p)))
			for (p = s; *p; p++)
				if (*p >= 'A' && *p <= 'F')
					*p = (char)(*p - 'A' + 'a');
	}
	OPENSSL_free(h);
	BN_free(bn);
	return s;
}

static int64_t asn1_seconds(const ASN1_TIME *t)
{
	ASN1_TIME *epoch = ASN1_TIME_set(NULL, 0);
	int days = 0, secs = 0;
	int ok = epoch && ASN1_TIME_diff(&days, &secs, epoch, t);

	ASN1_TIME_free(epoch);
	return ok ? (int64_t)days * 86400 + secs : 0;
}

static int cert_facts(scsec__cert_facts *c, X509 *x)
{
	uint32_t flags = X509_get_extension_flags(x);

	memset(c, 0, sizeof *c);
	if (cert_sha256(c->sha256, x))
		return scsec__error_set(SCSEC_ECRYPTO, "libcrypto failed to hash a certificate");
	c->not_before = asn1_seconds(X509_get0_notBefore(x));
	c->not_after = asn1_seconds(X509_get0_notAfter(x));
	c->is_ca = (flags & EXFLAG_BCONS) && (flags & EXFLAG_CA);
	c->subject = name_text(X509_get_subject_name(x));
	c->issuer = name_text(X509_get_issuer_name(x));
	c->serial = serial_text(x);
	if (!c->subject || !c->issuer || !c->serial) {
		scsec__cert_facts_dispose(c);
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	}
	return 0;
}

/* Non-zero when issuer verifiably signed subject (names and signature). */
static int issued(X509 *issuer, X509 *subject)
{
	EVP_PKEY *k;
	int ok;

	if (X509_check_issued(issuer, subject) != X509_V_OK)
		return 0;
	k = X509_get0_pubkey(issuer);
	ok = k && X509_verify(subject, k) == 1;
	ERR_clear_error();
	return ok;
}

/* "RSA" or "ECDSA" (P-256 only) for a key of an allowed kind, else NULL
 * with why. */
static const char *key_kind(EVP_PKEY *k, const char **why)
{
	int id = EVP_PKEY_base_id(k);

	if (id == EVP_PKEY_RSA) {
		if (EVP_PKEY_bits(k) < 2048) {
			*why = "an RSA key of fewer than 2048 bits";
			return NULL;
		}
		return "RSA";
	}
	if (id == EVP_PKEY_EC) {
		char group[64] = "";
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
		size_t glen = 0;

		if (!EVP_PKEY_get_group_name(k, group, sizeof group, &glen))
			group[0] = 0;
#else
		const EC_KEY *ec = EVP_PKEY_get0_EC_KEY(k);

		if (ec && EC_GROUP_get_curve_name(EC_KEY_get0_group(ec)) == NID_X9_62_prime256v1)
			strcpy(group, "prime256v1");
#endif
		if (strcmp(group, "prime256v1") && strcmp(group, "P-256")) {
			*why = "an EC key on another curve than P-256";
			return NULL;
		}
		return "ECDSA";
	}
	*why = "a key that is neither RSA nor EC P-256";
	return NULL;
}

/* ------------------------------------------------------------- signing key */

struct scsec_signing_key {
	EVP_PKEY *pkey;
	X509 *cert;
	X509 *chain[MAX_CERTS - 1];
	int nchain;
	const char *kind;  /* "RSA" or "ECDSA" */
	char sha256[65];
};

void scsec__signing_key_free(scsec_signing_key *k)
{
	int i;

	if (!k)
		return;
	EVP_PKEY_free(k->pkey);
	X509_free(k->cert);
	for (i = 0; i < k->nchain; i++)
		X509_free(k->chain[i]);
	scsec__free(k);
}

const char *scsec__signing_key_fingerprint(const scsec_signing_key *k)
{
	return k ? k->sha256 : NULL;
}

static int no_password(char *buf, int size, int rw, void *u)
{
	(void)buf;
	(void)size;
	(void)rw;
	(void)u;
	return -1;
}

static BIO *mem_bio(const void *p, size_t n)
{
	return n > INT_MAX ? NULL : BIO_new_mem_buf(p, (int)n);
}

int scsec__signing_key_load(scsec_signing_key **out, const void *key, size_t key_len,
                            const char *key_name, const void *cert, size_t cert_len,
                            const char *cert_name, const void *chain, size_t chain_len,
                            const char *chain_name)
{
	scsec_signing_key *k;
	const char *why = NULL;
	BIO *b;
	int rc = 0;

	*out = NULL;
	if ((rc = start()))
		return rc;
	if (!(k = scsec__calloc(1, sizeof *k)))
		return SCSEC_ENOMEM;
	if ((b = mem_bio(key, key_len))) {
		k->pkey = PEM_read_bio_PrivateKey(b, NULL, no_password, NULL);
		BIO_free(b);
	}
	if (!k->pkey) {
		rc = scsec__error_set_at(SCSEC_EPARSE, key_name, 0, 0,
		                         "no private key in PEM form (an encrypted key is not read: "
		                         "decrypt it first, for example with openssl pkey)");
		goto fail;
	}
	if ((b = mem_bio(cert, cert_len))) {
		k->cert = PEM_read_bio_X509(b, NULL, no_password, NULL);
		BIO_free(b);
	}
	if (!k->cert) {
		rc = scsec__error_set_at(SCSEC_EPARSE, cert_name, 0, 0, "no X.509 certificate in PEM form");
		goto fail;
	}
	if (!(k->kind = key_kind(k->pkey, &why))) {
		rc = scsec__error_set_at(SCSEC_EINVAL, key_name, 0, 0,
		                         "%s: signatures take RSA (2048 bits or more) or EC P-256 keys", why);
		goto fail;
	}
	if (X509_check_private_key(k->cert, k->pkey) != 1) {
		rc = scsec__error_set_at(SCSEC_EINVAL, key_name, 0, 0,
		                         "the private key is not the key of the certificate %s",
		                         cert_name ? cert_name : "");
		goto fail;
	}
	if (chain) {
		if (!(b = mem_bio(chain, chain_len))) {
			rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
			goto fail;
		}
		for (;;) {
			X509 *x = PEM_read_bio_X509(b, NULL, no_password, NULL);

			if (!x)
				break;
			if (k->nchain == MAX_CERTS - 1) {
				X509_free(x);
				BIO_free(b);
				rc = scsec__error_set_at(SCSEC_ELIMIT, chain_name, 0, 0,
				                         "more than %d certificates in the chain", MAX_CERTS - 1);
				goto fail;
			}
			k->chain[k->nchain++] = x;
		}
		BIO_free(b);
		if (!k->nchain) {
			rc = scsec__error_set_at(SCSEC_EPARSE, chain_name, 0, 0,
			                         "no X.509 certificate in PEM form");
			goto fail;
		}
	}
	if (cert_sha256(k->sha256, k->cert)) {
		rc = scsec__error_set(SCSEC_ECRYPTO, "libcrypto failed to hash a certificate");
		goto fail;
	}
	ERR_clear_error();
	*out = k;
	return 0;
fail:
	ERR_clear_error();
	scsec__signing_key_free(k);
	return rc;
}

/* ------------------------------------------------------------- the form */

static int is_el(const xmlNode *n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
	       !strcmp((const char *)n->name, name);
}

#define IS_DS(n, name) is_el((n), SCSEC__NS_DSIG, (name))

typedef struct form {
	char why[320];
	xmlNodePtr sig, props;
	xmlNodePtr certs[MAX_CERTS];
	int ncerts;
	const char *alg_kind;   /* "RSA" or "ECDSA" */
	const char *time_text;
	const char *props_id;
} form;

static int refuse(form *f, const char *fmt, ...) SCSEC__PRINTF(2, 3);

static int refuse(form *f, const char *fmt, ...)
{
	va_list ap;

	if (!f->why[0]) {
		va_start(ap, fmt);
		vsnprintf(f->why, sizeof f->why, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (!a->ns && !strcmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE && !a->children->next)
			return (const char *)a->children->content;
		else if (!a->ns && !strcmp((const char *)a->name, name))
			return "";
	return NULL;
}

/* Only the listed attributes (no namespace) and, when required, each of
 * them present. */
static int attrs(form *f, const xmlNode *n, const char *a1, const char *a2, int required)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (a->ns || ((!a1 || strcmp((const char *)a->name, a1)) &&
		              (!a2 || strcmp((const char *)a->name, a2))))
			return refuse(f, "attribute '%s' of %s is not allowed", (const char *)a->name,
			              (const char *)n->name);
	if (required && ((a1 && !attr(n, a1)) || (a2 && !attr(n, a2))))
		return refuse(f, "element %s lacks attribute '%s'", (const char *)n->name,
		              a1 && !attr(n, a1) ? a1 : a2);
	return 0;
}

/* The element children of n (at most max), refusing anything but white
 * space between them; text-only elements have max 0. */
static int kids(form *f, const xmlNode *n, xmlNodePtr *out, int max, int *count)
{
	const xmlNode *k;

	*count = 0;
	for (k = n->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE) {
			if (*count == max)
				return refuse(f, max ? "element %s holds more elements than the form allows"
				                     : "element %s holds an element where text is expected",
				              (const char *)n->name);
			out[(*count)++] = (xmlNodePtr)k;
		} else if (k->type == XML_TEXT_NODE) {
			if (max && !xmlIsBlankNode((xmlNodePtr)k))
				return refuse(f, "element %s holds text", (const char *)n->name);
		} else {
			return refuse(f, "element %s holds a comment, processing instruction, CDATA or "
			                 "entity reference",
			              (const char *)n->name);
		}
	}
	return 0;
}

/* n must be element `name` of the dsig namespace with `count` children
 * exactly (placed in out). */
static int expect(form *f, xmlNodePtr n, const char *name, xmlNodePtr *out, int count)
{
	int got;

	if (!IS_DS(n, name))
		return refuse(f, "expected ds:%s, found %s", name, n ? (const char *)n->name : "nothing");
	if (kids(f, n, out, count, &got))
		return -1;
	if (got != count)
		return refuse(f, "ds:%s holds %d elements, the form has %d", name, got, count);
	return 0;
}

/* Why an algorithm is refused, by what it is. */
static int refuse_alg(form *f, const char *where, const char *alg)
{
	if (!alg)
		return refuse(f, "%s has no Algorithm", where);
	if (strstr(alg, "sha1") || strstr(alg, "SHA1"))
		return refuse(f, "%s: SHA-1 (%.80s) is refused; the form uses SHA-256", where, alg);
	if (strstr(alg, "hmac"))
		return refuse(f, "%s: HMAC (%.80s) is refused: signatures are made with certified keys",
		              where, alg);
	if (strstr(alg, "xslt"))
		return refuse(f, "%s: the XSLT transform is refused", where);
	if (!strcmp(alg, "http://www.w3.org/TR/1999/REC-xpath-19991116"))
		return refuse(f, "%s: XPath 1.0 transforms are refused (the form uses one XPath "
		                 "Filter 2.0 expression)",
		              where);
	return refuse(f, "%s: algorithm '%.80s' is refused", where, alg);
}

static int alg_is(form *f, xmlNodePtr n, const char *where, const char *want)
{
	const char *alg = attr(n, "Algorithm");
	xmlNodePtr none[1];
	int c;

	if (!alg || strcmp(alg, want))
		return refuse_alg(f, where, alg);
	if (attrs(f, n, "Algorithm", NULL, 1) || kids(f, n, none, 1, &c))
		return -1;
	if (c)
		return refuse(f, "%s: %s takes no parameters in the form", where, (const char *)n->name);
	return 0;
}

/* Transforms of one reference: the XPath Filter 2.0 (first only) then
 * exclusive C14N. */
static int check_transforms(form *f, xmlNodePtr t, int with_xpath, const char *where)
{
	xmlNodePtr tr[2], x[1];
	int c;

	if (!IS_DS(t, "Transforms"))
		return refuse(f, "%s: expected ds:Transforms", where);
	if (attrs(f, t, NULL, NULL, 0) || kids(f, t, tr, 2, &c))
		return -1;
	if (c != 1 + with_xpath || !IS_DS(tr[0], "Transform") || (c == 2 && !IS_DS(tr[1], "Transform")))
		return refuse(f, "%s: the transforms must be %s", where,
		              with_xpath ? "XPath Filter 2.0 then exclusive C14N" : "exclusive C14N");
	if (with_xpath) {
		const char *alg = attr(tr[0], "Algorithm"), *filter;
		xmlChar *text;
		xmlNsPtr ds;
		int ok;

		if (!alg || strcmp(alg, ALG_FILTER2))
			return refuse_alg(f, where, alg);
		if (attrs(f, tr[0], "Algorithm", NULL, 1) || kids(f, tr[0], x, 1, &c))
			return -1;
		if (c != 1 || !is_el(x[0], SCSEC__NS_DSIG_FILTER2, "XPath"))
			return refuse(f, "%s: the XPath Filter 2.0 transform holds one XPath element", where);
		if (attrs(f, x[0], "Filter", NULL, 1) || kids(f, x[0], NULL, 0, &c))
			return -1;
		filter = attr(x[0], "Filter");
		if (strcmp(filter, "subtract"))
			return refuse(f, "%s: XPath Filter 2.0 '%.20s' is refused (the form subtracts)", where,
			              filter);
		text = xmlNodeGetContent(x[0]);
		ds = xmlSearchNs(x[0]->doc, x[0], BAD_CAST "ds");
		ok = text && !strcmp((const char *)text, SCSEC__SIG_XPATH);
		if (!ok)
			refuse(f, "%s: the XPath expression '%.60s' is refused: the form's is '%s'", where,
			       text ? (const char *)text : "", SCSEC__SIG_XPATH);
		xmlFree(text);
		if (!ok)
			return -1;
		if (!ds || strcmp((const char *)ds->href, SCSEC__NS_DSIG))
			return refuse(f, "%s: the prefix ds of the XPath expression is not bound to %s", where,
			              SCSEC__NS_DSIG);
	}
	return alg_is(f, tr[with_xpath], where, ALG_EXC_C14N);
}

static int check_reference(form *f, xmlNodePtr r, int document)
{
	const char *where = document ? "the document's Reference" : "the properties' Reference";
	const char *uri = attr(r, "URI");
	xmlNodePtr k[3];

	if (expect(f, r, "Reference", k, 3))
		return -1;
	if (document) {
		if (attrs(f, r, "URI", NULL, 1))
			return -1;
		if (strcmp(uri, ""))
			return refuse(f, "%s: URI '%.80s' is refused: the form references the document "
			                 "itself (URI=\"\")",
			              where, uri);
	} else {
		const char *type = attr(r, "Type");

		if (attrs(f, r, "URI", "Type", 0) || !uri)
			return refuse(f, "%s: a URI is required", where);
		if (uri[0] != '#' || !f->props_id || strcmp(uri + 1, f->props_id))
			return refuse(f, "%s: URI '%.80s' is refused: the form references the signature's "
			                 "own SignatureProperties ('#%s')",
			              where, uri, f->props_id ? f->props_id : "");
		if (type && strcmp(type, TYPE_PROPERTIES))
			return refuse(f, "%s: Type '%.80s' is refused", where, type);
	}
	if (check_transforms(f, k[0], document, where))
		return -1;
	if (!IS_DS(k[1], "DigestMethod"))
		return refuse(f, "%s: expected ds:DigestMethod", where);
	if (alg_is(f, k[1], where, ALG_SHA256))
		return -1;
	if (!IS_DS(k[2], "DigestValue"))
		return refuse(f, "%s: expected ds:DigestValue", where);
	return attrs(f, k[2], NULL, NULL, 0) || kids(f, k[2], NULL, 0, &(int){ 0 }) ? -1 : 0;
}

/* The structure of a root-level signature, before xmlsec1 sees it. */
static int check_form(form *f, xmlNodePtr sig)
{
	xmlNodePtr top[4], si[4], ki[MAX_CERTS + 1], x[1], obj[1], props[1], tm[1];
	const char *sig_id, *alg, *target;
	int c, i;

	memset(f, 0, sizeof *f);
	f->sig = sig;
	if (attrs(f, sig, "Id", NULL, 1))
		return -1;
	sig_id = attr(sig, "Id");
	if (kids(f, sig, top, 4, &c))
		return -1;
	if (c != 4 || !IS_DS(top[0], "SignedInfo") || !IS_DS(top[1], "SignatureValue") ||
	    !IS_DS(top[2], "KeyInfo") || !IS_DS(top[3], "Object"))
		return refuse(f, "the signature must hold SignedInfo, SignatureValue, KeyInfo and one "
		                 "Object, in that order");
	/* The properties first: their Id is the second reference's URI. */
	if (attrs(f, top[3], NULL, NULL, 0) || expect(f, top[3], "Object", obj, 1))
		return -1;
	if (expect(f, obj[0], "SignatureProperties", props, 1) ||
	    attrs(f, obj[0], "Id", NULL, 1))
		return -1;
	f->props = obj[0];
	f->props_id = attr(obj[0], "Id");
	if (!*f->props_id || !strcmp(f->props_id, sig_id))
		return refuse(f, "the SignatureProperties need an Id of their own");
	if (expect(f, props[0], "SignatureProperty", tm, 1) ||
	    attrs(f, props[0], "Target", NULL, 1))
		return -1;
	target = attr(props[0], "Target");
	if (target[0] != '#' || strcmp(target + 1, sig_id))
		return refuse(f, "the SignatureProperty's Target '%.80s' is not '#%.80s'", target, sig_id);
	if (!is_el(tm[0], SCSEC__NS_SIGNATURE, "signing-time"))
		return refuse(f, "the SignatureProperty must hold a signing-time element of namespace %s",
		              SCSEC__NS_SIGNATURE);
	if (attrs(f, tm[0], NULL, NULL, 0) || kids(f, tm[0], NULL, 0, &c))
		return -1;
	f->time_text = tm[0]->children ? (const char *)tm[0]->children->content : "";
	if (!tm[0]->children || tm[0]->children->next || !scsec__timestamp_ok(f->time_text))
		return refuse(f, "the signing time is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)");

	if (attrs(f, top[0], NULL, NULL, 0) || expect(f, top[0], "SignedInfo", si, 4))
		return -1;
	if (!IS_DS(si[0], "CanonicalizationMethod"))
		return refuse(f, "expected ds:CanonicalizationMethod");
	if (alg_is(f, si[0], "CanonicalizationMethod", ALG_EXC_C14N))
		return -1;
	if (!IS_DS(si[1], "SignatureMethod"))
		return refuse(f, "expected ds:SignatureMethod");
	alg = attr(si[1], "Algorithm");
	if (alg && !strcmp(alg, ALG_RSA_SHA256)) {
		f->alg_kind = "RSA";
		if (alg_is(f, si[1], "SignatureMethod", ALG_RSA_SHA256))
			return -1;
	} else if (alg && !strcmp(alg, ALG_ECDSA_SHA256)) {
		f->alg_kind = "ECDSA";
		if (alg_is(f, si[1], "SignatureMethod", ALG_ECDSA_SHA256))
			return -1;
	} else {
		return refuse_alg(f, "SignatureMethod", alg);
	}
	if (check_reference(f, si[2], 1) || check_reference(f, si[3], 0))
		return -1;

	if (attrs(f, top[1], NULL, NULL, 0) || kids(f, top[1], NULL, 0, &c))
		return -1;

	if (attrs(f, top[2], NULL, NULL, 0) || kids(f, top[2], ki, MAX_CERTS, &c))
		return refuse(f, "KeyInfo holds one X509Data only");
	for (i = 0; i < c; i++)
		if (!IS_DS(ki[i], "X509Data"))
			return refuse(f, "KeyInfo holds one X509Data only: %s is refused%s",
			              (const char *)ki[i]->name,
			              IS_DS(ki[i], "RetrievalMethod") || IS_DS(ki[i], "KeyName")
			                      ? " (keys are never looked up: the certificates are carried "
			                        "in X509Data)"
			                      : "");
	if (c != 1)
		return refuse(f, "KeyInfo holds one X509Data only");
	x[0] = ki[0];
	if (attrs(f, x[0], NULL, NULL, 0) || kids(f, x[0], ki, MAX_CERTS, &c))
		return refuse(f, "X509Data holds at most %d X509Certificate elements", MAX_CERTS);
	if (!c)
		return refuse(f, "X509Data carries no certificate");
	for (i = 0; i < c; i++) {
		int t;

		if (!IS_DS(ki[i], "X509Certificate"))
			return refuse(f, "X509Data holds X509Certificate elements only (%s is refused)",
			              (const char *)ki[i]->name);
		if (attrs(f, ki[i], NULL, NULL, 0) || kids(f, ki[i], NULL, 0, &t))
			return -1;
		f->certs[i] = ki[i];
	}
	f->ncerts = c;
	return 0;
}

/* ------------------------------------------------------------ verifying */

/* The certificate an X509Certificate element holds: 0 with *out set, or
 * NULL when it is not base64 DER of one; SCSEC_ENOMEM. */
static int decode_cert(xmlNodePtr n, X509 **out)
{
	xmlChar *text = xmlNodeGetContent(n);
	unsigned char *der = NULL;
	const unsigned char *p;
	size_t i, j = 0, len;
	int dlen, rc = 0;

	*out = NULL;
	if (!text)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	len = strlen((const char *)text);
	/* Strip white space in place, then decode. */
	for (i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
			text[j++] = text[i];
	text[j] = 0;
	if (j && j % 4 == 0 && j / 4 * 3 <= MAX_CERT_DER) {
		if (!(der = scsec__malloc(j / 4 * 3 + 1)))
			rc = SCSEC_ENOMEM;
		else if ((dlen = EVP_DecodeBlock(der, text, (int)j)) > 0) {
			dlen -= (text[j - 1] == '=') + (text[j - 2] == '=');
			p = der;
			*out = d2i_X509(NULL, &p, dlen);
			if (*out && p != der + dlen) {
				X509_free(*out);
				*out = NULL;
			}
		}
	}
	scsec__free(der);
	xmlFree(text);
	ERR_clear_error();
	return rc;
}

static int set_problem(scsec__signature *s, const char *fmt, ...) SCSEC__PRINTF(2, 3);

static int set_problem(scsec__signature *s, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	s->valid = 0;
	scsec__free(s->problem);
	return (s->problem = scsec__strdup(buf)) ? 0 : SCSEC_ENOMEM;
}

static int64_t timestamp_seconds(const char *t)
{
	scsec_date d;

	if (scsec__date_parse_n(&d, t, 10))
		return -1;
	return (int64_t)d * 86400 + ((t[11] - '0') * 10 + (t[12] - '0')) * 3600 +
	       ((t[14] - '0') * 10 + (t[15] - '0')) * 60 + (t[17] - '0') * 10 + (t[18] - '0');
}

/* The certificates carried: the signer's one is the one that issued no
 * other; then each issuer found among them. Fills s->chain; returns the
 * signer's certificate (owned by certs) or NULL with the problem set. */
static int build_chain(scsec__signature *s, X509 **certs, int n, X509 **leaf)
{
	int i, j, cand = -1, used[MAX_CERTS] = { 0 }, rc;

	*leaf = NULL;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++)
			if (j != i && issued(certs[i], certs[j]) && !issued(certs[j], certs[i]))
				break;
		if (j == n) {
			if (cand >= 0)
				return set_problem(s, "the certificates carried do not form one chain: which "
				                      "one is the signer's is unclear");
			cand = i;
		}
	}
	if (cand < 0)
		return set_problem(s, "the certificates carried do not form one chain");
	if (!(s->chain = scsec__calloc((size_t)n, sizeof *s->chain)))
		return SCSEC_ENOMEM;
	*leaf = certs[cand];
	for (i = cand;;) {
		used[i] = 1;
		if ((rc = cert_facts(&s->chain[s->nchain], certs[i])))
			return rc;
		s->nchain++;
		for (j = 0; j < n; j++)
			if (!used[j] && issued(certs[j], certs[i]))
				break;
		if (j == n)
			break;
		i = j;
	}
	return 0;
}

/* A signature context whose key is pk (one reference of which it takes
 * over): KeyInfo is then never read by xmlsec1 (no KeyName or
 * RetrievalMethod lookups, no certificate store), and references may
 * point only into the document. NULL with the error recorded. */
static xmlSecDSigCtxPtr dsig_ctx(EVP_PKEY *pk)
{
	xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pk);
	xmlSecKeyPtr key = NULL;
	xmlSecDSigCtxPtr ctx;

	if (!data) {
		EVP_PKEY_free(pk);
		scsec__error_set(SCSEC_ECRYPTO, "xmlsec1 failed to take a key");
		return NULL;
	}
	if (!(key = xmlSecKeyCreate()) || xmlSecKeySetValue(key, data) < 0 ||
	    !(ctx = xmlSecDSigCtxCreate(NULL))) {
		if (key)
			xmlSecKeyDestroy(key);
		xmlSecKeyDataDestroy(data);
		scsec__error_set(SCSEC_ECRYPTO, "xmlsec1 failed to make a signature context");
		return NULL;
	}
	ctx->signKey = key;
	ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
	ctx->keyInfoReadCtx.flags |= XMLSEC_KEYINFO_FLAGS_X509DATA_DONT_VERIFY_CERTS;
	return ctx;
}

/* Make the Id attribute of el (and no other) an ID for a "#Id" reference;
 * NULL when the Id is taken. */
static xmlAttrPtr add_id(xmlNodePtr el, const char *id)
{
	xmlAttrPtr a = el ? xmlHasProp(el, BAD_CAST "Id") : NULL;

	return a && xmlAddID(NULL, el->doc, BAD_CAST id, a) ? a : NULL;
}

/* Ask xmlsec1 to verify the signature with the signer's key; the form is
 * already checked. */
static int xmlsec_verify(scsec__signature *s, const form *f, X509 *leaf)
{
	EVP_PKEY *pk = X509_get_pubkey(leaf);
	xmlSecDSigCtxPtr ctx = NULL;
	xmlAttrPtr id = NULL;
	const char *why = NULL, *kind = pk ? key_kind(pk, &why) : NULL;
	int rc = 0, r;

	if (!kind || strcmp(kind, f->alg_kind)) {
		EVP_PKEY_free(pk);
		if (!kind)
			return set_problem(s, "the signer's certificate holds %s",
			                   why ? why : "no usable key");
		return set_problem(s, "the signature method is %s but the signer's key is %s",
		                   f->alg_kind, kind);
	}
	if (!(ctx = dsig_ctx(pk)))
		return SCSEC_ECRYPTO;
	if (!(id = add_id(f->props, f->props_id))) {
		rc = set_problem(s, "the Id '%.80s' of the signature's properties is not unique",
		                 f->props_id);
		goto out;
	}
	/* Only the form's transforms may run. */
	if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformXPath2Id) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformExclC14NId) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecOpenSSLTransformSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformExclC14NId) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecOpenSSLTransformSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecOpenSSLTransformRsaSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecOpenSSLTransformEcdsaSha256Id) < 0) {
		rc = scsec__error_set(SCSEC_ECRYPTO, "xmlsec1 failed to set up a signature context");
		goto out;
	}
	r = xmlSecDSigCtxVerify(ctx, f->sig);
	if (r < 0) {
		rc = set_problem(s, "xmlsec1 could not process the signature%s%s",
		                 xmlsec_msg[0] ? ": " : "", xmlsec_msg);
	} else if (ctx->status != xmlSecDSigStatusSucceeded) {
		xmlSecSize i, nrefs = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
		const char *bad = NULL;

		for (i = 0; i < nrefs && !bad; i++) {
			xmlSecDSigReferenceCtxPtr ref = xmlSecPtrListGetItem(&ctx->signedInfoReferences, i);

			if (ref && ref->status != xmlSecDSigStatusSucceeded)
				bad = i == 0 ? "the record's digest does not match: the record was changed after "
				               "it was signed"
				             : "the signing time's digest does not match: the signature's "
				               "properties were changed";
		}
		rc = set_problem(s, "%s", bad ? bad
		                              : "the signature value does not verify with the key of the "
		                                "signer's certificate");
	} else if (xmlSecPtrListGetSize(&ctx->signedInfoReferences) != 2) {
		rc = set_problem(s, "the signature does not have the form's two references");
	} else {
		s->valid = 1;
	}
out:
	if (id)
		xmlRemoveID(f->sig->doc, id);
	xmlSecDSigCtxDestroy(ctx);
	ERR_clear_error();
	return rc;
}

static int verify_one(scsec__signature *s, xmlNodePtr sig)
{
	X509 *certs[MAX_CERTS], *leaf;
	form f;
	int i, n = 0, rc = 0;
	const char *id = attr(sig, "Id");

	memset(s, 0, sizeof *s);
	s->signing_time = -1;
	s->loc.line = (unsigned long)xmlGetLineNo(sig);
	if (id && *id && !(s->id = scsec__strdup(id)))
		return SCSEC_ENOMEM;
	if (check_form(&f, sig))
		return set_problem(s, "refused: %s", f.why);
	s->signing_time = timestamp_seconds(f.time_text);
	for (n = 0; n < f.ncerts; n++) {
		if ((rc = decode_cert(f.certs[n], &certs[n])))
			goto out;
		if (!certs[n]) {
			rc = set_problem(s, "certificate %d of X509Data is not base64 DER of an X.509 "
			                    "certificate",
			                 n + 1);
			goto out;
		}
	}
	if ((rc = build_chain(s, certs, n, &leaf)) || !leaf)
		goto out;
	rc = xmlsec_verify(s, &f, leaf);
out:
	for (i = 0; i < n; i++)
		X509_free(certs[i]);
	return rc;
}

void scsec__signatures_free(scsec__signature *sigs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		scsec__signature_dispose(&sigs[i]);
	scsec__free(sigs);
}

/* A ds:Signature below the root's children refuses the document. */
static const xmlNode *nested_signature(const xmlNode *n, int depth)
{
	const xmlNode *k, *found;

	for (k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (depth > 0 && IS_DS(k, "Signature"))
			return k;
		if ((found = nested_signature(k, depth + 1)))
			return found;
	}
	return NULL;
}

int scsec__signatures_verify(scsec__signature **out, size_t *n, const void *xml, size_t len,
                             const char *name)
{
	scsec__signature *sigs = NULL;
	size_t count = 0, cap = 0;
	xmlDocPtr doc = NULL;
	xmlNodePtr root, k;
	const xmlNode *bad;
	scsec__xml_quiet q;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = start()))
		return rc;
	scsec__xml_hush(&q);
	if ((rc = parse_doc(&doc, xml, len, name)))
		goto out;
	root = xmlDocGetRootElement(doc);
	if ((bad = nested_signature(root, 0))) {
		rc = scsec__error_set_at(SCSEC_EUNSAFE, name, (unsigned long)xmlGetLineNo((xmlNodePtr)bad),
		                         0,
		                         "a ds:Signature inside element '%s': signatures are direct "
		                         "children of the root element only, the document is refused",
		                         bad->parent ? (const char *)bad->parent->name : "");
		goto out;
	}
	for (k = root->children; k; k = k->next) {
		if (!IS_DS(k, "Signature"))
			continue;
		if ((rc = scsec__grow(&sigs, &cap, count + 1, sizeof *sigs)))
			goto out;
		rc = verify_one(&sigs[count], k);
		count++;
		if (rc)
			goto out;
	}
	*out = sigs;
	*n = count;
	sigs = NULL;
	count = 0;
out:
	scsec__signatures_free(sigs, count);
	xmlFreeDoc(doc);
	scsec__xml_unhush(&q);
	return rc;
}

/* ---------------------------------------------------------------- signing */

/* Where the root element's end tag starts in the bytes, or -1. Nothing
 * but white space may follow it. */
static long root_end_tag(const char *xml, size_t len, const xmlNode *root)
{
	char qname[256];
	size_t end = len, qlen, i;

	if (root->ns && root->ns->prefix)
		snprintf(qname, sizeof qname, "%s:%s", (const char *)root->ns->prefix,
		         (const char *)root->name);
	else
		snprintf(qname, sizeof qname, "%s", (const char *)root->name);
	qlen = strlen(qname);
	while (end && (xml[end - 1] == ' ' || xml[end - 1] == '\t' || xml[end - 1] == '\r' ||
	               xml[end - 1] == '\n'))
		end--;
	if (!end || xml[end - 1] != '>')
		return -1;
	end--;
	while (end && (xml[end - 1] == ' ' || xml[end - 1] == '\t' || xml[end - 1] == '\r' ||
	               xml[end - 1] == '\n'))
		end--;
	if (end < qlen + 2)
		return -1;
	i = end - qlen - 2;
	if (memcmp(xml + i, "</", 2) || memcmp(xml + i + 2, qname, qlen))
		return -1;
	return (long)i;
}

static void put_b64_cert(scsec__buf *b, X509 *x)
{
	unsigned char *der = NULL, *enc;
	int len = i2d_X509(x, &der), elen, i;

	if (len <= 0) {
		b->failed = 1;
		return;
	}
	if (!(enc = scsec__malloc((size_t)len / 3 * 4 + 8))) {
		b->failed = 1;
		OPENSSL_free(der);
		return;
	}
	elen = EVP_EncodeBlock(enc, der, len);
	scsec__buf_puts(b, "<X509Certificate>");
	for (i = 0; i < elen; i += 64) {
		scsec__buf_putc(b, '\n');
		scsec__buf_put(b, enc + i, (size_t)(elen - i < 64 ? elen - i : 64));
	}
	scsec__buf_puts(b, "\n</X509Certificate>\n");
	scsec__free(enc);
	OPENSSL_free(der);
}

/* The signature template: the form, with empty DigestValue and
 * SignatureValue for xmlsec1 to fill. */
static void put_template(scsec__buf *b, const scsec_signing_key *k, const char *id,
                         const char *when)
{
	int i;

	scsec__buf_printf(b,
	                  "<Signature xmlns=\"" SCSEC__NS_DSIG "\" Id=\"%s\">\n"
	                  "<SignedInfo>\n"
	                  "<CanonicalizationMethod Algorithm=\"" ALG_EXC_C14N "\"/>\n"
	                  "<SignatureMethod Algorithm=\"%s\"/>\n"
	                  "<Reference URI=\"\">\n"
	                  "<Transforms>\n"
	                  "<Transform Algorithm=\"" ALG_FILTER2 "\">"
	                  "<XPath xmlns=\"" SCSEC__NS_DSIG_FILTER2 "\" xmlns:ds=\"" SCSEC__NS_DSIG
	                  "\" Filter=\"subtract\">" SCSEC__SIG_XPATH "</XPath></Transform>\n"
	                  "<Transform Algorithm=\"" ALG_EXC_C14N "\"/>\n"
	                  "</Transforms>\n"
	                  "<DigestMethod Algorithm=\"" ALG_SHA256 "\"/>\n"
	                  "<DigestValue></DigestValue>\n"
	                  "</Reference>\n"
	                  "<Reference URI=\"#%s-properties\" Type=\"" TYPE_PROPERTIES "\">\n"
	                  "<Transforms>\n"
	                  "<Transform Algorithm=\"" ALG_EXC_C14N "\"/>\n"
	                  "</Transforms>\n"
	                  "<DigestMethod Algorithm=\"" ALG_SHA256 "\"/>\n"
	                  "<DigestValue></DigestValue>\n"
	                  "</Reference>\n"
	                  "</SignedInfo>\n"
	                  "<SignatureValue></SignatureValue>\n"
	                  "<KeyInfo>\n<X509Data>\n",
	                  id, strcmp(k->kind, "RSA") ? ALG_ECDSA_SHA256 : ALG_RSA_SHA256, id);
	put_b64_cert(b, k->cert);
	for (i = 0; i < k->nchain; i++)
		put_b64_cert(b, k->chain[i]);
	scsec__buf_printf(b,
	                  "</X509Data>\n</KeyInfo>\n"
	                  "<Object>\n"
	                  "<SignatureProperties Id=\"%s-properties\">\n"
	                  "<SignatureProperty Target=\"#%s\">\n"
	                  "<signing-time xmlns=\"" SCSEC__NS_SIGNATURE "\">%s</signing-time>\n"
	                  "</SignatureProperty>\n"
	                  "</SignatureProperties>\n"
	                  "</Object>\n"
	                  "</Signature>",
	                  id, id, when);
}

static int xmlsec_sign(xmlNodePtr sig, const scsec_signing_key *k, const char *props_id)
{
	xmlSecDSigCtxPtr ctx;
	xmlNodePtr props = NULL, n;
	xmlAttrPtr id;
	int rc = 0;

	/* The properties element, found by its Id, for the second reference. */
	for (n = sig->last; n && !IS_DS(n, "Object"); n = n->prev)
		;
	for (n = n ? n->children : NULL; n && !props; n = n->next)
		if (IS_DS(n, "SignatureProperties"))
			props = n;
	if (!(id = add_id(props, props_id)))
		return scsec__error_set(SCSEC_ERROR, "internal error: the signature template's Id");
	if (!EVP_PKEY_up_ref(k->pkey)) {
		rc = scsec__error_set(SCSEC_ECRYPTO, "libcrypto failed to take the key");
	} else if (!(ctx = dsig_ctx(k->pkey))) {
		rc = SCSEC_ECRYPTO;
	} else {
		if (xmlSecDSigCtxSign(ctx, sig) < 0)
			rc = scsec__error_set(SCSEC_ECRYPTO, "xmlsec1 failed to sign%s%s",
			                      xmlsec_msg[0] ? ": " : "", xmlsec_msg);
		xmlSecDSigCtxDestroy(ctx);
	}
	xmlRemoveID(sig->doc, id);
	ERR_clear_error();
	return rc;
}

int scsec__sign_xml(char **out, size_t *out_len, const void *xml_p, size_t len, const char *name,
                    const scsec_signing_key *k, int64_t signing_time)
{
	const char *xml = xml_p;
	scsec__buf tmpl = SCSEC__BUF_INIT, res = SCSEC__BUF_INIT;
	xmlDocPtr doc = NULL, signed_doc = NULL;
	xmlNodePtr root, sig;
	xmlBufferPtr dump = NULL;
	unsigned char rnd[8];
	char id[24], props_id[40], when[32];
	struct tm tm;
	time_t t;
	long at;
	scsec__xml_quiet q;
	int rc;

	*out = NULL;
	*out_len = 0;
	if ((rc = start()))
		return rc;
	scsec__xml_hush(&q);
	if ((rc = parse_doc(&doc, xml, len, name)))
		goto out;
	root = xmlDocGetRootElement(doc);
	if ((at = root_end_tag(xml, len, root)) < 0) {
		rc = scsec__error_set_at(SCSEC_EINVALID, name, 0, 0,
		                         "the root element must end with its own end tag (</%s>), "
		                         "followed by nothing but white space",
		                         (const char *)root->name);
		goto out;
	}
	t = signing_time > 0 ? (time_t)signing_time : time(NULL);
	if (!gmtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) ||
	    !scsec__timestamp_ok(when)) {
		rc = scsec__error_set(SCSEC_EINVAL, "the signing time is out of range");
		goto out;
	}
	if (RAND_bytes(rnd, sizeof rnd) != 1) {
		rc = scsec__error_set(SCSEC_ECRYPTO, "libcrypto gave no random bytes");
		goto out;
	}
	memcpy(id, "sig-", 4);
	hex(id + 4, rnd, sizeof rnd);
	snprintf(props_id, sizeof props_id, "%s-properties", id);
	/* The document with the template spliced in, parsed again: what is
	 * signed is exactly what the bytes will say. */
	scsec__buf_put(&tmpl, xml, (size_t)at);
	put_template(&tmpl, k, id, when);
	scsec__buf_put(&tmpl, xml + at, len - (size_t)at);
	if ((rc = scsec__buf_error(&tmpl)))
		goto out;
	if ((rc = parse_doc(&signed_doc, tmpl.data, tmpl.len, name)))
		goto out;
	for (sig = xmlDocGetRootElement(signed_doc)->last; sig && sig->type != XML_ELEMENT_NODE;
	     sig = sig->prev)
		;
	if (!IS_DS(sig, "Signature")) {
		rc = scsec__error_set(SCSEC_ERROR, "internal error: the signature template is not in place");
		goto out;
	}
	if ((rc = xmlsec_sign(sig, k, props_id)))
		goto out;
	if (!(dump = xmlBufferCreate()) || xmlNodeDump(dump, signed_doc, sig, 0, 0) < 0) {
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
		goto out;
	}
	scsec__buf_put(&res, xml, (size_t)at);
	scsec__buf_put(&res, xmlBufferContent(dump), (size_t)xmlBufferLength(dump));
	scsec__buf_put(&res, xml + at, len - (size_t)at);
	if ((rc = scsec__buf_error(&res)))
		goto out;
	*out = scsec__buf_detach(&res, out_len);
out:
	if (dump)
		xmlBufferFree(dump);
	xmlFreeDoc(doc);
	xmlFreeDoc(signed_doc);
	scsec__buf_dispose(&tmpl);
	scsec__buf_dispose(&res);
	scsec__xml_unhush(&q);
	return rc;
}
