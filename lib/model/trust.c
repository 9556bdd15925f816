/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Trust lists as plain data and the judgement of a signature under one
 * (model/trust.h, doc/trust.md). The PEM-reading builders and the file form
 * are io/trust_xml.c. */
#include "config.h"

#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/util.h"
#include "model/result.h"
#include "model/trust.h"

static const char *const verdict_names[] = {
	"counted", "invalid", "stale", "unknown-party", "revoked", "no-signing-time",
	"not-trusted-then", "certificate-not-valid",
};

const char *scsec_verdict_name(scsec_verdict v)
{
	return (unsigned)v < sizeof verdict_names / sizeof *verdict_names ? verdict_names[v] : "";
}

int scsec__trust_role_ok(const char *s)
{
	size_t i;

	if (!s || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 0; s[i]; i++)
		if (i >= 64 || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		                 s[i] == '-'))
			return 0;
	return 1;
}

scsec_method scsec__trust_role_method(const char *role)
{
	if (!strcmp(role, SCSEC_TRUST_ROLE_EVALUATION_BODY))
		return SCSEC_METHOD_THIRD_PARTY;
	if (!strcmp(role, SCSEC_TRUST_ROLE_EXPERT))
		return SCSEC_METHOD_EXPERT_REVIEWED;
	return SCSEC_METHOD_SELF;
}

int scsec__trust_serial_norm(char *out, size_t size, const char *s)
{
	size_t n = 0;

	if (!s || !*s)
		return -1;
	while (s[0] == '0' && s[1])
		s++;
	for (; *s; s++) {
		char c = *s;

		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) || n + 1 >= size)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return 0;
}

scsec_date scsec__day_of(int64_t t)
{
	int64_t d = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);

	return d < SCSEC__DATE_MIN ? SCSEC__DATE_MIN : d > SCSEC__DATE_MAX ? SCSEC__DATE_MAX
	                                                                     : (scsec_date)d;
}

/* ---------------------------------------------------------------- building */

static void party_free(struct scsec_trust_party *p)
{
	if (!p)
		return;
	scsec__free(p->name);
	scsec__free(p->role);
	scsec__free(p->subject);
	scsec__free(p->pem);
	scsec__free(p);
}

static void revocation_free(struct scsec_trust_revocation *r)
{
	if (!r)
		return;
	scsec__free(r->issuer);
	scsec__free(r->serial);
	scsec__free(r);
}

/* A text the list may hold: not blank, valid UTF-8 of bounded length. */
static int text_ok(const char *s)
{
	size_t n;

	if (!s || scsec__blank_str(s))
		return 0;
	n = strlen(s);
	return n <= SCSEC__TRUST_MAX_TEXT && scsec__text_ok(s, n);
}

static void lower_hex(char dst[65], const char *src)
{
	size_t i;

	for (i = 0; i < 64; i++)
		dst[i] = (char)(src[i] >= 'A' && src[i] <= 'F' ? src[i] - 'A' + 'a' : src[i]);
	dst[64] = '\0';
}

int scsec_trust_new(scsec_trust **out, const char *operator_name, const char *version,
                    scsec_date issued)
{
	scsec_trust *t;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(text_ok(operator_name));
	SCSEC__CHECK_ARG(text_ok(version));
	if (!scsec__date_valid(issued))
		return scsec__error_set(SCSEC_EDATE, "the trust list's issue day is not a valid date");
	if (!(t = scsec__calloc(1, sizeof *t)))
		return SCSEC_ENOMEM;
	if (!(t->operator_name = scsec__strdup(operator_name)) ||
	    !(t->version = scsec__strdup(version))) {
		scsec_trust_free(t);
		return SCSEC_ENOMEM;
	}
	t->issued = issued;
	*out = t;
	return 0;
}

void scsec_trust_free(scsec_trust *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nparties; i++)
		party_free(t->parties[i]);
	for (i = 0; i < t->nrevocations; i++)
		revocation_free(t->revocations[i]);
	scsec__free(t->parties);
	scsec__free(t->revocations);
	scsec__free(t->operator_name);
	scsec__free(t->version);
	scsec__free(t);
}

static int date_or_none_ok(scsec_date d)
{
	return d == SCSEC_DATE_NONE || scsec__date_valid(d);
}

int scsec__trust_add_party(scsec_trust *t, const char *name, const char *role,
                           const char *sha256, int is_ca, const char *subject, scsec_date from,
                           scsec_date until, const scsec__loc *loc)
{
	struct scsec_trust_party *p;
	size_t i;

	SCSEC__CHECK_ARG(t);
	if (!text_ok(name))
		return scsec__error_set(SCSEC_EINVAL, "a trusted party needs a name (text, at most %d "
		                        "bytes)", SCSEC__TRUST_MAX_TEXT);
	if (!scsec__trust_role_ok(role))
		return scsec__error_set(SCSEC_EINVAL, "party '%.64s': role '%.64s' is no role token "
		                        "(lowercase letters, digits and hyphens)", name, role ? role : "");
	if (!sha256 || !scsec__sha256_hex_ok(sha256))
		return scsec__error_set(SCSEC_EINVAL, "party '%.64s': the fingerprint is not 64 "
		                        "hexadecimal digits", name);
	if (subject && !text_ok(subject))
		return scsec__error_set(SCSEC_EINVAL, "party '%.64s': the subject constraint is "
		                        "blank or too long", name);
	if (subject && !is_ca)
		return scsec__error_set(SCSEC_EINVAL, "party '%.64s': a subject constraint goes with "
		                        "an issuing CA, not with the party's own certificate", name);
	if (!date_or_none_ok(from) || !date_or_none_ok(until))
		return scsec__error_set(SCSEC_EDATE, "party '%.64s': not a valid date", name);
	if (from != SCSEC_DATE_NONE && until != SCSEC_DATE_NONE && until < from)
		return scsec__error_set(SCSEC_EDATE, "party '%.64s': trusted until a day before the "
		                        "first", name);
	for (i = 0; i < t->nparties; i++)
		if (!strcmp(t->parties[i]->name, name))
			return scsec__error_set(SCSEC_EEXISTS, "the trust list already has a party "
			                        "'%.64s'", name);
	if (t->nparties >= SCSEC__TRUST_MAX_PARTIES)
		return scsec__error_set(SCSEC_ELIMIT, "a trust list holds at most %d parties",
		                        SCSEC__TRUST_MAX_PARTIES);
	if (scsec__grow(&t->parties, &t->cparties, t->nparties + 1, sizeof *t->parties) ||
	    !(p = scsec__calloc(1, sizeof *p)))
		return SCSEC_ENOMEM;
	if (!(p->name = scsec__strdup(name)) || !(p->role = scsec__strdup(role)) ||
	    (subject && !(p->subject = scsec__strdup(subject)))) {
		party_free(p);
		return SCSEC_ENOMEM;
	}
	lower_hex(p->sha256, sha256);
	p->is_ca = is_ca != 0;
	p->from = from;
	p->until = until;
	if (loc)
		p->loc = *loc;
	t->parties[t->nparties++] = p;
	return 0;
}

int scsec_trust_add_party_fingerprint(scsec_trust *t, const char *name, const char *role,
                                      const char *sha256, int is_ca, const char *subject,
                                      scsec_date from, scsec_date until)
{
	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(name);
	SCSEC__CHECK_ARG(role);
	SCSEC__CHECK_ARG(sha256);
	return scsec__trust_add_party(t, name, role, sha256, is_ca, subject, from, until, NULL);
}

int scsec__trust_add_revocation(scsec_trust *t, const char *sha256, const char *issuer,
                                const char *serial, scsec_date date, const scsec__loc *loc)
{
	struct scsec_trust_revocation *r;
	char norm[SCSEC__TRUST_MAX_TEXT + 2];

	SCSEC__CHECK_ARG(t);
	if (!sha256 == !issuer || !issuer != !serial)
		return scsec__error_set(SCSEC_EINVAL, "a revocation names a fingerprint, or an issuer "
		                        "and a serial number");
	if (sha256 && !scsec__sha256_hex_ok(sha256))
		return scsec__error_set(SCSEC_EINVAL, "the revoked fingerprint is not 64 hexadecimal "
		                        "digits");
	if (issuer && !text_ok(issuer))
		return scsec__error_set(SCSEC_EINVAL, "the revoked certificate's issuer is blank or "
		                        "too long");
	if (serial && (strlen(serial) > SCSEC__TRUST_MAX_SERIAL ||
	               scsec__trust_serial_norm(norm, sizeof norm, serial)))
		return scsec__error_set(SCSEC_EINVAL, "the revoked serial number '%.64s' is not "
		                        "hexadecimal of at most %d digits", serial,
		                        SCSEC__TRUST_MAX_SERIAL);
	if (!scsec__date_valid(date))
		return scsec__error_set(SCSEC_EDATE, "the revocation's day is not a valid date");
	if (t->nrevocations >= SCSEC__TRUST_MAX_REVOCATIONS)
		return scsec__error_set(SCSEC_ELIMIT, "a trust list holds at most %d revocations",
		                        SCSEC__TRUST_MAX_REVOCATIONS);
	if (scsec__grow(&t->revocations, &t->crevocations, t->nrevocations + 1,
	                sizeof *t->revocations) ||
	    !(r = scsec__calloc(1, sizeof *r)))
		return SCSEC_ENOMEM;
	if (sha256)
		lower_hex(r->sha256, sha256);
	if (issuer && (!(r->issuer = scsec__strdup(issuer)) || !(r->serial = scsec__strdup(norm)))) {
		revocation_free(r);
		return SCSEC_ENOMEM;
	}
	r->date = date;
	if (loc)
		r->loc = *loc;
	t->revocations[t->nrevocations++] = r;
	return 0;
}

int scsec_trust_revoke_fingerprint(scsec_trust *t, const char *sha256, scsec_date date)
{
	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(sha256);
	return scsec__trust_add_revocation(t, sha256, NULL, NULL, date, NULL);
}

int scsec_trust_revoke_serial(scsec_trust *t, const char *issuer, const char *serial,
                              scsec_date date)
{
	SCSEC__CHECK_ARG(t);
	SCSEC__CHECK_ARG(issuer);
	SCSEC__CHECK_ARG(serial);
	return scsec__trust_add_revocation(t, NULL, issuer, serial, date, NULL);
}

/* ---------------------------------------------------------------- reading */

const char *scsec_trust_operator(const scsec_trust *t) { return t ? t->operator_name : NULL; }
const char *scsec_trust_version(const scsec_trust *t) { return t ? t->version : NULL; }
scsec_date scsec_trust_issued(const scsec_trust *t) { return t ? t->issued : SCSEC_DATE_NONE; }
int scsec_trust_verified(const scsec_trust *t) { return t ? t->verified : 0; }
size_t scsec_trust_party_count(const scsec_trust *t) { return t ? t->nparties : 0; }
const scsec_trust_party *scsec_trust_party_at(const scsec_trust *t, size_t i)
{
	return t && i < t->nparties ? t->parties[i] : NULL;
}
const char *scsec_trust_party_name(const scsec_trust_party *p) { return p ? p->name : NULL; }
const char *scsec_trust_party_role(const scsec_trust_party *p) { return p ? p->role : NULL; }
const char *scsec_trust_party_fingerprint(const scsec_trust_party *p) { return p ? p->sha256 : NULL; }
int scsec_trust_party_is_ca(const scsec_trust_party *p) { return p ? p->is_ca : 0; }
const char *scsec_trust_party_subject(const scsec_trust_party *p) { return p ? p->subject : NULL; }
scsec_date scsec_trust_party_from(const scsec_trust_party *p) { return p ? p->from : SCSEC_DATE_NONE; }
scsec_date scsec_trust_party_until(const scsec_trust_party *p) { return p ? p->until : SCSEC_DATE_NONE; }
size_t scsec_trust_revocation_count(const scsec_trust *t) { return t ? t->nrevocations : 0; }
const scsec_trust_revocation *scsec_trust_revocation_at(const scsec_trust *t, size_t i)
{
	return t && i < t->nrevocations ? t->revocations[i] : NULL;
}
const char *scsec_trust_revocation_fingerprint(const scsec_trust_revocation *r)
{
	return r && r->sha256[0] ? r->sha256 : NULL;
}
const char *scsec_trust_revocation_issuer(const scsec_trust_revocation *r) { return r ? r->issuer : NULL; }
const char *scsec_trust_revocation_serial(const scsec_trust_revocation *r) { return r ? r->serial : NULL; }
scsec_date scsec_trust_revocation_date(const scsec_trust_revocation *r)
{
	return r ? r->date : SCSEC_DATE_NONE;
}

/* ---------------------------------------------------------------- judgement */

/* The index in s's chain of the certificate that makes s party p's: 0 for
 * the party's own certificate, the CA's index (>= 1, the issuer side) for
 * an issuing CA with its subject constraint met; -1 when p does not match. */
static long party_match(const struct scsec_trust_party *p, const scsec__signature *s)
{
	size_t k;

	if (!s->nchain)
		return -1;
	if (!p->is_ca)
		return strcmp(s->chain[0].sha256, p->sha256) ? -1 : 0;
	if (p->subject && (!s->chain[0].subject || strcmp(s->chain[0].subject, p->subject)))
		return -1;
	for (k = 1; k < s->nchain; k++)
		if (s->chain[k].is_ca && !strcmp(s->chain[k].sha256, p->sha256))
			return (long)k;
	return -1;
}

/* Whether one of certificates chain[0..top] is revoked by day as_of. */
static int revoked(const scsec_trust *t, const scsec__signature *s, size_t top, scsec_date as_of)
{
	size_t i, k;
	char serial[SCSEC__TRUST_MAX_TEXT + 2];

	for (i = 0; i < t->nrevocations; i++) {
		const struct scsec_trust_revocation *r = t->revocations[i];

		if (r->date > as_of)
			continue;
		for (k = 0; k <= top; k++) {
			const scsec__cert_facts *c = &s->chain[k];

			if (r->sha256[0] ? !strcmp(r->sha256, c->sha256)
			                 : c->issuer && c->serial && !strcmp(r->issuer, c->issuer) &&
			                           !scsec__trust_serial_norm(serial, sizeof serial,
			                                                     c->serial) &&
			                           !strcmp(r->serial, serial))
				return 1;
		}
	}
	return 0;
}

/* The verdict for s as party p's (matched at chain index top). */
static scsec_verdict judge_party(const scsec_trust *t, const struct scsec_trust_party *p,
                                 const scsec__signature *s, size_t top, scsec_date as_of)
{
	scsec_date day;
	size_t k;

	if (revoked(t, s, top, as_of))
		return SCSEC_VERDICT_REVOKED;
	if (s->signing_time < 0)
		return SCSEC_VERDICT_NO_SIGNING_TIME;
	day = scsec__day_of(s->signing_time);
	if ((p->from != SCSEC_DATE_NONE && day < p->from) ||
	    (p->until != SCSEC_DATE_NONE && day > p->until))
		return SCSEC_VERDICT_NOT_TRUSTED_THEN;
	for (k = 0; k <= top; k++)
		if (s->signing_time < s->chain[k].not_before || s->signing_time > s->chain[k].not_after)
			return SCSEC_VERDICT_CERT_NOT_VALID;
	return SCSEC_VERDICT_COUNTED;
}

scsec_verdict scsec__trust_judge(const scsec_trust *t, const scsec__signature *s, int stale,
                                 scsec_date as_of, const struct scsec_trust_party **party)
{
	scsec_verdict best = SCSEC_VERDICT_UNKNOWN_PARTY;
	scsec_method best_method = SCSEC_METHOD_NONE;
	size_t i;

	*party = NULL;
	if (!s->valid)
		return SCSEC_VERDICT_INVALID;
	if (stale)
		return SCSEC_VERDICT_STALE;
	for (i = 0; i < t->nparties; i++) {
		const struct scsec_trust_party *p = t->parties[i];
		long top = party_match(p, s);
		scsec_verdict v;
		scsec_method m;

		if (top < 0)
			continue;
		v = judge_party(t, p, s, (size_t)top, as_of);
		m = scsec__trust_role_method(p->role);
		if (v == SCSEC_VERDICT_COUNTED) {
			if (best != SCSEC_VERDICT_COUNTED || m > best_method) {
				best = v;
				best_method = m;
				*party = p;
			}
		} else if (best != SCSEC_VERDICT_COUNTED && (!*party || v > best)) {
			best = v;
			*party = p;
		}
	}
	return best;
}

/* ---------------------------------------------------------------- results */

int scsec_result_trust_applied(const scsec_result *r) { return r ? r->trust_applied : 0; }
scsec_method scsec_result_trusted_method(const scsec_result *r)
{
	return r && r->trust_applied ? r->trusted_method : SCSEC_METHOD_NONE;
}
const char *scsec_result_trust_operator(const scsec_result *r) { return r ? r->trust_operator : NULL; }
const char *scsec_result_trust_version(const scsec_result *r) { return r ? r->trust_version : NULL; }
size_t scsec_result_signer_count(const scsec_result *r) { return r ? r->nsigners : 0; }
const scsec_signer *scsec_result_signer_at(const scsec_result *r, size_t i)
{
	return r && i < r->nsigners ? &r->signers[i] : NULL;
}
scsec_verdict scsec_signer_verdict(const scsec_signer *g)
{
	return g ? (scsec_verdict)g->verdict : SCSEC_VERDICT_INVALID;
}
const char *scsec_signer_subject(const scsec_signer *g)
{
	return g && g->sig->nchain ? g->sig->chain[0].subject : NULL;
}
const char *scsec_signer_fingerprint(const scsec_signer *g)
{
	return g && g->sig->nchain ? g->sig->chain[0].sha256 : NULL;
}
int64_t scsec_signer_signing_time(const scsec_signer *g) { return g ? g->sig->signing_time : -1; }
const char *scsec_signer_party(const scsec_signer *g) { return g ? g->party : NULL; }
const char *scsec_signer_role(const scsec_signer *g) { return g ? g->role : NULL; }
const char *scsec_signer_problem(const scsec_signer *g) { return g ? g->sig->problem : NULL; }
