/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Evidence records: the model, its API and the check against a set. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "model/evidence.h"
#include "model/mapping.h"

/* ------------------------------------------------------------------ tokens */

static const char *const status_names[] = { "", "met", "partial", "not-met", "not-applicable" };
static const char *const status_names_ja[] = { "", "実施", "一部実施", "未実施", "該当なし" };

const char *scsec_status_name(scsec_status status)
{
	return (unsigned)status < 5 ? status_names[status] : "";
}

int scsec__status_parse(scsec_status *out, const char *text, int allow_ja)
{
	int i;

	for (i = 0; i < 5; i++) {
		if (!strcmp(text, status_names[i]) || (allow_ja && !strcmp(text, status_names_ja[i]))) {
			*out = (scsec_status)i;
			return 0;
		}
	}
	if (!allow_ja)
		return scsec__error_set(SCSEC_EINVAL,
		                        "unknown status '%.64s' (expected met, partial, not-met or "
		                        "not-applicable)",
		                        text);
	return scsec__error_set(SCSEC_EINVAL,
	                        "unknown status '%.64s' (expected met, partial, not-met, "
	                        "not-applicable, 実施, 一部実施, 未実施 or 該当なし)",
	                        text);
}

int scsec_status_parse(scsec_status *out, const char *text)
{
	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(text);
	return scsec__status_parse(out, text, 1);
}

/* ------------------------------------------------------------ answer marks */

size_t scsec_criteria_answer_mark_count(const scsec_criteria *criteria)
{
	return criteria ? criteria->nmarks : 0;
}

int scsec_criteria_answer_mark_at(const scsec_criteria *criteria, size_t i, const char **text,
                                  scsec_status *status)
{
	SCSEC__CHECK_ARG(criteria);
	if (i >= criteria->nmarks)
		return scsec__error_set(SCSEC_EINVAL, "answer mark index %zu out of range", i);
	if (text)
		*text = criteria->marks[i]->text;
	if (status)
		*status = (scsec_status)criteria->marks[i]->status;
	return 0;
}

int scsec_criteria_answer_marks_provisional(const scsec_criteria *criteria)
{
	return criteria ? criteria->marks_provisional : 0;
}

int scsec_criteria_status_parse(scsec_status *out, const scsec_criteria *criteria, const char *text)
{
	int st;

	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(criteria);
	SCSEC__CHECK_ARG(text);
	for (st = 0; st < 5; st++)
		if (!strcmp(text, status_names[st]) || !strcmp(text, status_names_ja[st])) {
			*out = (scsec_status)st;
			return 0;
		}
	if (!scsec__criteria_mark_status(criteria, text, &st)) {
		*out = (scsec_status)st;
		return 0;
	}
	return scsec__error_set(SCSEC_EINVAL,
	                        "unknown status '%.64s' (expected met, partial, not-met, "
	                        "not-applicable, 実施, 一部実施, 未実施, 該当なし or one of the %zu "
	                        "answer marks of '%s')",
	                        text, criteria->nmarks, criteria->id ? criteria->id : "?");
}

/* 法人番号: 13 digits; the first is the check digit of the other twelve:
 * 9 - (sum of P(n) * Q(n) for n = 1..12) mod 9, P(n) the n-th digit counted
 * from the right of the twelve, Q(n) 1 for odd n and 2 for even n. */
int scsec_corporate_number_valid(const char *number)
{
	int sum = 0, n;

	if (!number || strlen(number) != 13)
		return 0;
	for (n = 0; n < 13; n++)
		if (number[n] < '0' || number[n] > '9')
			return 0;
	for (n = 1; n <= 12; n++)
		sum += (number[13 - n] - '0') * (n % 2 ? 1 : 2);
	return number[0] - '0' == 9 - sum % 9;
}

int scsec__timestamp_ok(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	scsec_date d;
	int i;

	if (!s || strlen(s) != sizeof shape - 1)
		return 0;
	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	}
	if (scsec__date_parse_n(&d, s, 10))
		return 0;
	return (s[11] - '0') * 10 + (s[12] - '0') < 24 && (s[14] - '0') * 10 + (s[15] - '0') < 60 &&
	       (s[17] - '0') * 10 + (s[18] - '0') < 61;
}

/* ------------------------------------------------------------------ strings */

int scsec__set_str(char **dst, const char *src)
{
	char *copy = NULL;

	/* The text rule first (util/util.h), as the readers apply it: U+0085
	 * is white space but also a C1 control, refused even alone. Then text
	 * of blanks only (white space and invisible characters) is no text:
	 * the readers see it so too, and a blank justification must not
	 * justify anything. */
	if (src && !scsec__text_ok(src, strlen(src)))
		return scsec__error_set(SCSEC_EENCODING,
		                        "text is not valid UTF-8, or holds a control character");
	if (!scsec__blank_str(src) && !(copy = scsec__strdup(src)))
		return SCSEC_ENOMEM;
	scsec__free(*dst);
	*dst = copy;
	return 0;
}

/* ------------------------------------------------------------------ entries */

int scsec_entry_new(scsec_entry **out, const char *id)
{
	scsec_entry *e;
	size_t len;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(id);
	if (!scsec__id_ok(id))
		return scsec__error_set(SCSEC_EINVAL,
		                        "'%.64s' is not an id (1 to 64 letters, digits, '-', '_', '.', ':')",
		                        id);
	/* The id lives in the entry's own allocation. */
	len = strlen(id) + 1;
	e = scsec__calloc(1, sizeof *e + len);
	if (!e)
		return SCSEC_ENOMEM;
	e->assessed_on = e->expires_on = e->planned_on = SCSEC_DATE_NONE;
	e->id = memcpy(e + 1, id, len);
	*out = e;
	return 0;
}

void scsec_entry_free(scsec_entry *e)
{
	size_t i;

	if (!e)
		return;
	/* An entry of a record (or of a snapshot) is freed by its last holder. */
	if (e->frozen && atomic_fetch_sub(&e->refs, 1) != 1)
		return;
	for (i = 0; i < e->nartifacts; i++)
		scsec__free(e->artifacts[i].uri);
	scsec__free(e->artifacts);
	scsec__free(e->assessor);
	scsec__free(e->assessor_id);
	scsec__free(e->assessor_role);
	scsec__free(e->justification);
	scsec__free(e->note);
	scsec__derivation_free(e->derived);
	scsec__free(e);
}

int scsec_entry_dup(scsec_entry **out, const scsec_entry *e)
{
	scsec_entry *d;
	size_t i;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(e);
	if ((rc = scsec_entry_new(&d, e->id)))
		return rc;
	d->status = e->status;
	d->method = e->method;
	d->assessed_on = e->assessed_on;
	d->expires_on = e->expires_on;
	d->planned_on = e->planned_on;
	d->loc = e->loc;
	d->review = e->review;
	if ((rc = scsec__derivation_dup(&d->derived, e->derived)) ||
	    (rc = scsec__set_str(&d->assessor, e->assessor)) ||
	    (rc = scsec__set_str(&d->assessor_id, e->assessor_id)) ||
	    (rc = scsec__set_str(&d->assessor_role, e->assessor_role)) ||
	    (rc = scsec__set_str(&d->justification, e->justification)) ||
	    (rc = scsec__set_str(&d->note, e->note)))
		goto fail;
	for (i = 0; i < e->nartifacts; i++)
		if ((rc = scsec_entry_add_artifact(d, e->artifacts[i].uri,
		                                   e->artifacts[i].sha256[0] ? e->artifacts[i].sha256 : NULL)))
			goto fail;
	*out = d;
	return 0;
fail:
	scsec_entry_free(d);
	return rc;
}

const char *scsec_entry_id(const scsec_entry *e) { return e ? e->id : NULL; }
scsec_status scsec_entry_status(const scsec_entry *e) { return e ? e->status : SCSEC_STATUS_NONE; }
scsec_method scsec_entry_method(const scsec_entry *e) { return e ? e->method : SCSEC_METHOD_NONE; }
const char *scsec_entry_assessor(const scsec_entry *e) { return e ? e->assessor : NULL; }
const char *scsec_entry_assessor_id(const scsec_entry *e) { return e ? e->assessor_id : NULL; }
const char *scsec_entry_assessor_role(const scsec_entry *e) { return e ? e->assessor_role : NULL; }
scsec_date scsec_entry_assessed_on(const scsec_entry *e) { return e ? e->assessed_on : SCSEC_DATE_NONE; }
scsec_date scsec_entry_expires_on(const scsec_entry *e) { return e ? e->expires_on : SCSEC_DATE_NONE; }
scsec_date scsec_entry_planned_on(const scsec_entry *e) { return e ? e->planned_on : SCSEC_DATE_NONE; }
const char *scsec_entry_justification(const scsec_entry *e) { return e ? e->justification : NULL; }
const char *scsec_entry_note(const scsec_entry *e) { return e ? e->note : NULL; }
size_t scsec_entry_artifact_count(const scsec_entry *e) { return e ? e->nartifacts : 0; }

int scsec_entry_artifact_at(const scsec_entry *e, size_t i, const char **uri, const char **sha256)
{
	return scsec_entry_artifact_get(uri, sha256, e, i);
}

int scsec_entry_artifact_get(const char **uri, const char **sha256, const scsec_entry *e, size_t i)
{
	SCSEC__CHECK_ARG(e);
	if (i >= e->nartifacts)
		return scsec__error_set(SCSEC_EINVAL, "artifact index %zu out of range", i);
	if (uri)
		*uri = e->artifacts[i].uri;
	if (sha256)
		*sha256 = e->artifacts[i].sha256[0] ? e->artifacts[i].sha256 : NULL;
	return 0;
}

/* Issue 13.9: an entry handed to a record is the record's, and shared by
 * the evaluators made from it; changing it through the caller's pointer
 * would give stale fingerprints and levels, so it is refused. */
int scsec__entry_frozen(const scsec_entry *e)
{
	return scsec__error_set(SCSEC_EBUSY,
	                        "entry '%s' belongs to a record and no longer changes: copy it "
	                        "(scsec_entry_dup), change the copy and replace it "
	                        "(scsec_evidence_replace)",
	                        e->id);
}

#define CHECK_ENTRY(e)               \
	do {                         \
		SCSEC__CHECK_ARG(e); \
		if ((e)->frozen)     \
			return scsec__entry_frozen(e); \
	} while (0)

int scsec_entry_set_status(scsec_entry *e, scsec_status status)
{
	CHECK_ENTRY(e);
	SCSEC__CHECK_ARG((unsigned)status <= SCSEC_STATUS_NOT_APPLICABLE);
	e->status = status;
	return 0;
}

int scsec_entry_set_method(scsec_entry *e, scsec_method method)
{
	CHECK_ENTRY(e);
	SCSEC__CHECK_ARG((unsigned)method <= SCSEC_METHOD_THIRD_PARTY);
	e->method = method;
	return 0;
}

int scsec_entry_set_assessor(scsec_entry *e, const char *name, const char *id)
{
	char *n = NULL, *i = NULL;
	int rc;

	CHECK_ENTRY(e);
	if ((rc = scsec__set_str(&n, name)) || (rc = scsec__set_str(&i, id))) {
		scsec__free(n);
		return rc;
	}
	scsec__free(e->assessor);
	scsec__free(e->assessor_id);
	e->assessor = n;
	e->assessor_id = i;
	return 0;
}

int scsec_entry_set_assessor_role(scsec_entry *e, const char *role)
{
	char *r = NULL;
	int rc;

	CHECK_ENTRY(e);
	if (role && *role && !scsec__id_ok(role))
		return scsec__error_set(SCSEC_EINVALID,
		                        "assessor role '%.40s' is not a token (a letter or digit, then "
		                        "up to 63 letters, digits, '_', '.', ':' or '-')",
		                        role);
	if ((rc = scsec__set_str(&r, role)))
		return rc;
	scsec__free(e->assessor_role);
	e->assessor_role = r;
	return 0;
}

static int set_date(scsec_date *dst, scsec_date date)
{
	if (date != SCSEC_DATE_NONE && !scsec__date_valid(date))
		return scsec__error_set(SCSEC_EDATE, "no date, or a date outside 0001..9999");
	*dst = date;
	return 0;
}

int scsec_entry_set_assessed_on(scsec_entry *e, scsec_date date)
{
	CHECK_ENTRY(e);
	return set_date(&e->assessed_on, date);
}

int scsec_entry_set_expires_on(scsec_entry *e, scsec_date date)
{
	CHECK_ENTRY(e);
	return set_date(&e->expires_on, date);
}

int scsec_entry_set_planned_on(scsec_entry *e, scsec_date date)
{
	CHECK_ENTRY(e);
	return set_date(&e->planned_on, date);
}

int scsec_entry_set_justification(scsec_entry *e, const char *text)
{
	CHECK_ENTRY(e);
	return scsec__set_str(&e->justification, text);
}

int scsec_entry_set_note(scsec_entry *e, const char *text)
{
	CHECK_ENTRY(e);
	return scsec__set_str(&e->note, text);
}

int scsec_entry_add_artifact(scsec_entry *e, const char *uri, const char *sha256)
{
	scsec__artifact *a;
	size_t i;

	CHECK_ENTRY(e);
	SCSEC__CHECK_ARG(uri && uri[strspn(uri, " \t\r\n")]);
	if (sha256 && !scsec__sha256_hex_ok(sha256))
		return scsec__error_set(SCSEC_EINVAL, "artifact digest '%.80s' is not 64 hex digits",
		                        sha256);
	if (!scsec__text_ok(uri, strlen(uri)))
		return scsec__error_set(SCSEC_EENCODING, "artifact URI is not valid UTF-8 text");
	if (scsec__grow(&e->artifacts, &e->cartifacts, e->nartifacts + 1, sizeof *e->artifacts))
		return SCSEC_ENOMEM;
	a = &e->artifacts[e->nartifacts];
	if (!(a->uri = scsec__strdup(uri)))
		return SCSEC_ENOMEM;
	a->sha256[0] = '\0';
	if (sha256) {
		for (i = 0; i < 64; i++)
			a->sha256[i] = (char)(sha256[i] >= 'A' && sha256[i] <= 'F' ? sha256[i] + 32 : sha256[i]);
		a->sha256[64] = '\0';
	}
	e->nartifacts++;
	return 0;
}

int scsec_entry_clear_artifacts(scsec_entry *e)
{
	size_t i;

	CHECK_ENTRY(e);
	for (i = 0; i < e->nartifacts; i++)
		scsec__free(e->artifacts[i].uri);
	e->nartifacts = 0;
	return 0;
}

/* ------------------------------------------------------------------ records */

int scsec_evidence_new(scsec_evidence **out, const scsec_criteria *criteria)
{
	scsec_evidence *ev;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	ev = scsec__calloc(1, sizeof *ev);
	if (!ev)
		return SCSEC_ENOMEM;
	if (criteria && (rc = scsec_evidence_set_criteria(ev, criteria->id, criteria->version,
	                                                  criteria->fingerprint))) {
		scsec_evidence_free(ev);
		return rc;
	}
	*out = ev;
	return 0;
}

void scsec__evidence_changed(scsec_evidence *ev)
{
	if (ev->nsignatures)
		ev->signatures_stale = 1;
	if (atomic_load_explicit(&ev->fingerprint, memory_order_relaxed))
		scsec__free(atomic_exchange(&ev->fingerprint, NULL));
}

void scsec_evidence_free(scsec_evidence *ev)
{
	size_t i;

	if (!ev)
		return;
	scsec__evidence_changed(ev);
	for (i = 0; i < ev->nentries; i++)
		scsec_entry_free(ev->entries[i]);
	for (i = 0; i < ev->nids; i++) {
		scsec__free(ev->ids[i].scheme);
		scsec__free(ev->ids[i].value);
	}
	scsec__free(ev->ids);
	scsec__free(ev->entries);
	scsec__map_dispose(&ev->index);
	scsec__free(ev->source);
	scsec__free(ev->subject_name);
	scsec__free(ev->criteria_id);
	scsec__free(ev->criteria_version);
	scsec__free(ev->criteria_fingerprint);
	scsec__free(ev->created);
	scsec__free(ev->tool);
	scsec__record_derivation_free(ev->derived);
	scsec__evidence_set_signatures(ev, NULL, 0);
	scsec__free(ev);
}

void scsec__evidence_set_signatures(scsec_evidence *ev, scsec__signature *sigs, size_t n)
{
	size_t i;

	for (i = 0; i < ev->nsignatures; i++)
		scsec__signature_dispose(&ev->signatures[i]);
	scsec__free(ev->signatures);
	ev->signatures = sigs;
	ev->nsignatures = n;
	ev->signatures_stale = 0;
}

/* The signatures of src copied onto dst, stale or not as they are. */
static int copy_signatures(scsec_evidence *dst, const scsec_evidence *src)
{
	scsec__signature *s;
	size_t i;

	if (!src->nsignatures)
		return 0;
	if (!(s = scsec__calloc(src->nsignatures, sizeof *s)))
		return SCSEC_ENOMEM;
	for (i = 0; i < src->nsignatures; i++) {
		if (scsec__signature_copy(&s[i], &src->signatures[i])) {
			scsec__evidence_set_signatures(dst, s, i);
			return SCSEC_ENOMEM;
		}
	}
	scsec__evidence_set_signatures(dst, s, src->nsignatures);
	dst->signatures_stale = src->signatures_stale;
	return 0;
}

int scsec__evidence_set_source(scsec_evidence *ev, const char *name)
{
	char *s = name ? scsec__strdup(name) : NULL;

	if (name && !s)
		return SCSEC_ENOMEM;
	scsec__free(ev->source);
	ev->source = s;
	return 0;
}

int scsec_evidence_dup(scsec_evidence **out, const scsec_evidence *ev)
{
	scsec_evidence *d;
	size_t i;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(ev);
	if ((rc = scsec_evidence_new(&d, NULL)))
		return rc;
	if ((rc = scsec__evidence_set_source(d, ev->source)) ||
	    (rc = scsec__set_str(&d->subject_name, ev->subject_name)) ||
	    (rc = scsec__set_str(&d->criteria_id, ev->criteria_id)) ||
	    (rc = scsec__set_str(&d->criteria_version, ev->criteria_version)) ||
	    (rc = scsec__set_str(&d->criteria_fingerprint, ev->criteria_fingerprint)) ||
	    (rc = scsec__set_str(&d->created, ev->created)) || (rc = scsec__set_str(&d->tool, ev->tool)))
		goto fail;
	d->criteria_loc = ev->criteria_loc;
	if ((rc = scsec__record_derivation_dup(&d->derived, ev->derived)))
		goto fail;
	for (i = 0; i < ev->nids; i++) {
		if ((rc = scsec__evidence_add_ident(d, ev->ids[i].scheme, ev->ids[i].value,
		                                    ev->ids[i].loc)))
			goto fail;
	}
	for (i = 0; i < ev->nentries; i++) {
		scsec_entry *e;

		if ((rc = scsec_entry_dup(&e, ev->entries[i])))
			goto fail;
		if ((rc = scsec__evidence_append(d, e))) {
			scsec_entry_free(e);
			goto fail;
		}
	}
	if ((rc = copy_signatures(d, ev)))
		goto fail;
	*out = d;
	return 0;
fail:
	scsec_evidence_free(d);
	return rc;
}

/* A copy of a string known to be valid (NULL stays NULL); 0 or SCSEC_ENOMEM. */
static int copy_str(char **dst, const char *src)
{
	*dst = src ? scsec__strdup(src) : NULL;
	return src && !*dst ? SCSEC_ENOMEM : 0;
}

int scsec__evidence_snapshot(scsec_evidence **out, const scsec_evidence *ev)
{
	scsec_evidence *d;
	char *fp = atomic_load(&ev->fingerprint);
	size_t i;

	*out = NULL;
	if (!(d = scsec__calloc(1, sizeof *d)))
		return SCSEC_ENOMEM;
	d->criteria_loc = ev->criteria_loc;
	if (copy_str(&d->source, ev->source) || copy_str(&d->subject_name, ev->subject_name) ||
	    copy_str(&d->criteria_id, ev->criteria_id) ||
	    copy_str(&d->criteria_version, ev->criteria_version) ||
	    copy_str(&d->criteria_fingerprint, ev->criteria_fingerprint) ||
	    copy_str(&d->created, ev->created) || copy_str(&d->tool, ev->tool) ||
	    scsec__record_derivation_dup(&d->derived, ev->derived) ||
	    (ev->nids && !(d->ids = scsec__calloc(ev->nids, sizeof *d->ids))) ||
	    (ev->nentries && !(d->entries = scsec__malloc(ev->nentries * sizeof *d->entries))))
		goto oom;
	for (i = 0; i < ev->nids; i++, d->nids++) {
		d->ids[i].loc = ev->ids[i].loc;
		if (copy_str(&d->ids[i].scheme, ev->ids[i].scheme) ||
		    copy_str(&d->ids[i].value, ev->ids[i].value)) {
			d->nids++; /* freed with the others */
			goto oom;
		}
	}
	d->cids = d->nids;
	for (i = 0; i < ev->nentries; i++) {
		atomic_fetch_add_explicit(&ev->entries[i]->refs, 1, memory_order_relaxed);
		d->entries[i] = ev->entries[i];
	}
	d->nentries = d->centries = ev->nentries;
	if (copy_signatures(d, ev))
		goto oom;
	/* The fingerprint, when the record has it already (it is the same). */
	if (fp) {
		char *copy = scsec__malloc(65);

		if (!copy)
			goto oom;
		memcpy(copy, fp, 65);
		atomic_init(&d->fingerprint, copy);
	}
	*out = d;
	return 0;
oom:
	scsec_evidence_free(d);
	return SCSEC_ENOMEM;
}

/* ---- subject, criteria, metadata ---- */

int scsec_evidence_set_subject_name(scsec_evidence *ev, const char *name)
{
	SCSEC__CHECK_ARG(ev);
	scsec__evidence_changed(ev);
	return scsec__set_str(&ev->subject_name, name);
}

const char *scsec_evidence_subject_name(const scsec_evidence *ev)
{
	return ev ? ev->subject_name : NULL;
}

int scsec_evidence_add_subject_id(scsec_evidence *ev, const char *scheme, const char *value)
{
	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(scheme && *scheme);
	SCSEC__CHECK_ARG(value && *value);
	return scsec__evidence_add_ident(ev, scheme, value, (scsec__loc){ 0, 0 });
}

int scsec__evidence_add_ident(scsec_evidence *ev, const char *scheme, const char *value,
                              scsec__loc loc)
{
	size_t i, at;
	scsec__ident id = { NULL, NULL, loc };
	int rc;

	if (!scsec__id_ok(scheme))
		return scsec__error_set(SCSEC_EINVAL, "'%.64s' is not an identifier scheme id", scheme);
	for (at = 0; at < ev->nids; at++) {
		int cmp = strcmp(ev->ids[at].scheme, scheme);

		if (!cmp)
			return scsec__error_set(SCSEC_EEXISTS, "the subject already has a '%s' identifier",
			                        scheme);
		if (cmp > 0)
			break;
	}
	if ((rc = scsec__set_str(&id.scheme, scheme)) || (rc = scsec__set_str(&id.value, value)) ||
	    (rc = scsec__grow(&ev->ids, &ev->cids, ev->nids + 1, sizeof *ev->ids))) {
		scsec__free(id.scheme);
		scsec__free(id.value);
		return rc;
	}
	for (i = ev->nids; i > at; i--)
		ev->ids[i] = ev->ids[i - 1];
	ev->ids[at] = id;
	ev->nids++;
	scsec__evidence_changed(ev);
	return 0;
}

int scsec_evidence_remove_subject_id(scsec_evidence *ev, const char *scheme)
{
	size_t i;

	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(scheme);
	for (i = 0; i < ev->nids; i++) {
		if (!strcmp(ev->ids[i].scheme, scheme)) {
			scsec__free(ev->ids[i].scheme);
			scsec__free(ev->ids[i].value);
			memmove(&ev->ids[i], &ev->ids[i + 1], (ev->nids - i - 1) * sizeof *ev->ids);
			ev->nids--;
			scsec__evidence_changed(ev);
			return 0;
		}
	}
	return scsec__error_set(SCSEC_ENOTFOUND, "the subject has no '%.64s' identifier", scheme);
}

size_t scsec_evidence_subject_id_count(const scsec_evidence *ev)
{
	return ev ? ev->nids : 0;
}

int scsec_evidence_subject_id_at(const scsec_evidence *ev, size_t i, const char **scheme,
                                 const char **value)
{
	return scsec_evidence_subject_id_get(scheme, value, ev, i);
}

int scsec_evidence_subject_id_get(const char **scheme, const char **value,
                                  const scsec_evidence *ev, size_t i)
{
	SCSEC__CHECK_ARG(ev);
	if (i >= ev->nids)
		return scsec__error_set(SCSEC_EINVAL, "identifier index %zu out of range", i);
	if (scheme)
		*scheme = ev->ids[i].scheme;
	if (value)
		*value = ev->ids[i].value;
	return 0;
}

int scsec_evidence_set_criteria(scsec_evidence *ev, const char *id, const char *version,
                                const char *fingerprint)
{
	char *i = NULL, *v = NULL, *f = NULL;
	int rc;

	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(id && *id);
	SCSEC__CHECK_ARG(version && *version);
	if (!scsec__id_ok(id))
		return scsec__error_set(SCSEC_EINVAL, "'%.64s' is not a criteria-set id", id);
	if (fingerprint && !scsec__sha256_hex_ok(fingerprint))
		return scsec__error_set(SCSEC_EINVAL, "fingerprint '%.80s' is not 64 hex digits",
		                        fingerprint);
	if ((rc = scsec__set_str(&i, id)) || (rc = scsec__set_str(&v, version)) ||
	    (rc = scsec__set_str(&f, fingerprint))) {
		scsec__free(i);
		scsec__free(v);
		return rc;
	}
	if (f) {
		char *p;

		for (p = f; *p; p++)
			if (*p >= 'A' && *p <= 'F')
				*p = (char)(*p + 32);
	}
	scsec__free(ev->criteria_id);
	scsec__free(ev->criteria_version);
	scsec__free(ev->criteria_fingerprint);
	ev->criteria_id = i;
	ev->criteria_version = v;
	ev->criteria_fingerprint = f;
	scsec__evidence_changed(ev);
	return 0;
}

const char *scsec_evidence_criteria_id(const scsec_evidence *ev) { return ev ? ev->criteria_id : NULL; }
const char *scsec_evidence_criteria_version(const scsec_evidence *ev)
{
	return ev ? ev->criteria_version : NULL;
}
const char *scsec_evidence_criteria_fingerprint(const scsec_evidence *ev)
{
	return ev ? ev->criteria_fingerprint : NULL;
}

int scsec_evidence_set_created(scsec_evidence *ev, const char *timestamp)
{
	SCSEC__CHECK_ARG(ev);
	if (timestamp && !scsec__timestamp_ok(timestamp))
		return scsec__error_set(SCSEC_EINVAL,
		                        "'%.64s' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)",
		                        timestamp);
	scsec__evidence_changed(ev);
	return scsec__set_str(&ev->created, timestamp);
}

const char *scsec_evidence_created(const scsec_evidence *ev) { return ev ? ev->created : NULL; }

int scsec_evidence_set_tool(scsec_evidence *ev, const char *tool)
{
	SCSEC__CHECK_ARG(ev);
	scsec__evidence_changed(ev);
	return scsec__set_str(&ev->tool, tool);
}

const char *scsec_evidence_tool(const scsec_evidence *ev) { return ev ? ev->tool : NULL; }

/* ---- entries of a record ---- */

size_t scsec_evidence_entry_count(const scsec_evidence *ev) { return ev ? ev->nentries : 0; }

const scsec_entry *scsec_evidence_entry_at(const scsec_evidence *ev, size_t i)
{
	return ev && i < ev->nentries ? ev->entries[i] : NULL;
}

const scsec_entry *scsec_evidence_entry(const scsec_evidence *ev, const char *id)
{
	return ev && id ? scsec__map_get(&ev->index, id) : NULL;
}

static int cmp_entry(const void *a, const void *b)
{
	return scsec__idcmp((*(struct scsec_entry *const *)a)->id, (*(struct scsec_entry *const *)b)->id);
}

void scsec__evidence_sort(scsec_evidence *ev)
{
	if (ev->nentries > 1)
		qsort(ev->entries, ev->nentries, sizeof *ev->entries, cmp_entry);
}

/* Binary search for id's place. */
static size_t entry_pos(const scsec_evidence *ev, const char *id)
{
	size_t lo = 0, hi = ev->nentries;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (scsec__idcmp(ev->entries[mid]->id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Add e to the index and the entries: in its place by id (sorted), or at
 * the end. SCSEC_EEXISTS when the id is present. */
static int insert_entry(scsec_evidence *ev, struct scsec_entry *e, int sorted)
{
	size_t at;
	int rc;

	if (e->frozen)
		return scsec__error_set(SCSEC_EBUSY, "entry '%s' already belongs to a record", e->id);
	if (scsec__grow(&ev->entries, &ev->centries, ev->nentries + 1, sizeof *ev->entries))
		return SCSEC_ENOMEM;
	if ((rc = scsec__map_put(&ev->index, e->id, e, NULL)))
		return rc == SCSEC_EEXISTS ? scsec__error_set(SCSEC_EEXISTS,
		                                              "the record already has an entry for '%s'",
		                                              e->id)
		                           : rc;
	/* Appending in id order, as sheets and databases usually list them,
	 * needs no search. */
	if (!sorted || !ev->nentries || scsec__idcmp(ev->entries[ev->nentries - 1]->id, e->id) < 0)
		at = ev->nentries;
	else
		at = entry_pos(ev, e->id);
	memmove(&ev->entries[at + 1], &ev->entries[at], (ev->nentries - at) * sizeof *ev->entries);
	ev->entries[at] = e;
	ev->nentries++;
	e->frozen = 1;
	atomic_init(&e->refs, 1);
	scsec__evidence_changed(ev);
	return 0;
}

int scsec__evidence_append(scsec_evidence *ev, struct scsec_entry *e)
{
	return insert_entry(ev, e, 0);
}

int scsec_evidence_add(scsec_evidence *ev, scsec_entry *e)
{
	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(e);
	return insert_entry(ev, e, 1);
}

int scsec_evidence_replace(scsec_evidence *ev, scsec_entry *e)
{
	struct scsec_entry *old;

	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(e);
	old = scsec__map_get(&ev->index, e->id);
	if (!old)
		return scsec_evidence_add(ev, e);
	if (e->frozen)
		return scsec__error_set(SCSEC_EBUSY, "entry '%s' already belongs to a record", e->id);
	if (scsec__map_set(&ev->index, e->id, e))
		return SCSEC_ENOMEM;
	ev->entries[entry_pos(ev, e->id)] = e;
	e->frozen = 1;
	atomic_init(&e->refs, 1);
	scsec_entry_free(old);
	scsec__evidence_changed(ev);
	return 0;
}

int scsec_evidence_remove(scsec_evidence *ev, const char *id)
{
	struct scsec_entry *old;
	size_t at;

	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(id);
	old = scsec__map_remove(&ev->index, id);
	if (!old)
		return scsec__error_set(SCSEC_ENOTFOUND, "the record has no entry for '%.64s'", id);
	at = entry_pos(ev, id);
	memmove(&ev->entries[at], &ev->entries[at + 1], (ev->nentries - at - 1) * sizeof *ev->entries);
	ev->nentries--;
	scsec_entry_free(old);
	scsec__evidence_changed(ev);
	return 0;
}

/* ------------------------------------------------------------------ check */

#define DIAG(sev, code, id, loc, ...) \
	scsec__report(&rep, (loc).line, (loc).column, (sev), (code), (id), __VA_ARGS__)

/* Rule 1 (issue 13.4): an answer is valid until the earlier of expires_on
 * and assessed_on + the level's validity - 1 day. An expires_on past that
 * day at every level where the item applies promises more than any level
 * gives: a warning naming the level whose validity lasts longest. (Past a
 * shorter validity only, it may be meant for a higher level: METI's ★4
 * answers outlive ★3's year.) */
static void check_expiry(scsec__reporter *r, const scsec_criteria *c, const struct scsec_entry *e,
                         uint64_t levels)
{
	const struct scsec_level *longest = NULL;
	scsec_date end = SCSEC_DATE_NONE, d;
	char a[SCSEC_DATE_BUFSIZE], x[SCSEC_DATE_BUFSIZE], l[SCSEC_DATE_BUFSIZE];
	size_t i;

	for (i = 0; i < c->nlevels; i++) {
		if (!((levels >> i) & 1))
			continue;
		if (scsec__date_add(&d, e->assessed_on, &c->levels[i]->duration) ||
		    d - 1 >= e->expires_on)
			return; /* valid until expires_on there (or past 9999-12-31) */
		if (end == SCSEC_DATE_NONE || d - 1 > end) {
			end = d - 1;
			longest = c->levels[i];
		}
	}
	if (!longest)
		return;
	scsec__date_format(a, e->assessed_on);
	scsec__date_format(x, e->expires_on);
	scsec__date_format(l, end);
	scsec__report(r, e->loc.line, e->loc.column, SCSEC_SEVERITY_WARNING, SCSEC_EDATE, e->id,
	              "'%s' expires on %s, after the validity of every level it applies at (the "
	              "longest, %s at %s, from its assessment on %s): it counts until %s at most",
	              e->id, x, longest->validity, longest->label, a, l);
}

int scsec_evidence_check(const scsec_evidence *ev, const scsec_criteria *c, scsec_diagnostics *diags)
{
	scsec__reporter rep = SCSEC__REPORTER_INIT(ev ? ev->source : NULL, diags);
	scsec__loc none = { 0, 0 };
	size_t i, j;
	int rc;

	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(c);

	if (!ev->criteria_id) {
		DIAG(SCSEC_SEVERITY_WARNING, SCSEC_EMISMATCH, NULL, none,
		     "the record does not name the criteria set it answers");
	} else if (strcmp(ev->criteria_id, c->id) || strcmp(ev->criteria_version, c->version)) {
		DIAG(SCSEC_SEVERITY_ERROR, SCSEC_EMISMATCH, ev->criteria_id, ev->criteria_loc,
		     "the record answers criteria set '%s' version '%s', not '%s' version '%s'",
		     ev->criteria_id, ev->criteria_version, c->id, c->version);
	} else if (ev->criteria_fingerprint && strcmp(ev->criteria_fingerprint, c->fingerprint)) {
		DIAG(SCSEC_SEVERITY_WARNING, SCSEC_EMISMATCH, ev->criteria_id, ev->criteria_loc,
		     "the record was written against a copy of '%s' %s with another fingerprint (%.12s..., "
		     "this one %.12s...): its texts may differ",
		     c->id, c->version, ev->criteria_fingerprint, c->fingerprint);
	}
	for (i = 0; i < ev->nids; i++)
		if (!strcmp(ev->ids[i].scheme, SCSEC_ID_SCHEME_JP_CORPORATE) &&
		    !scsec_corporate_number_valid(ev->ids[i].value))
			DIAG(SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, ev->ids[i].value, ev->ids[i].loc,
			     "'%.64s' is not a valid corporate number (13 digits, the first a check digit "
			     "of the other twelve)",
			     ev->ids[i].value);

	for (i = 0; i < ev->nentries; i++) {
		const struct scsec_entry *e = ev->entries[i];
		const void *obj;
		scsec__id_kind kind = scsec__criteria_lookup(c, e->id, &obj);

		if (kind == SCSEC__ID_NONE) {
			DIAG(SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, e->id, e->loc,
			     "'%s' is not a criterion or prerequisite of '%s'", e->id, c->id);
			continue;
		}
		if (kind == SCSEC__ID_REQUIREMENT || kind == SCSEC__ID_CATEGORY) {
			DIAG(SCSEC_SEVERITY_ERROR, SCSEC_ENOTFOUND, e->id, e->loc,
			     "'%s' is a %s of '%s'; entries answer criteria and prerequisites", e->id,
			     kind == SCSEC__ID_REQUIREMENT ? "requirement" : "category", c->id);
			continue;
		}
		if (e->expires_on != SCSEC_DATE_NONE && e->assessed_on != SCSEC_DATE_NONE &&
		    e->expires_on < e->assessed_on)
			DIAG(SCSEC_SEVERITY_ERROR, SCSEC_EDATE, e->id, e->loc,
			     "'%s' expires before it was assessed", e->id);
		if (e->expires_on != SCSEC_DATE_NONE && e->assessed_on == SCSEC_DATE_NONE)
			DIAG(SCSEC_SEVERITY_WARNING, SCSEC_EDATE, e->id, e->loc,
			     "'%s' has an expiry date but no assessment date", e->id);
		if (e->expires_on != SCSEC_DATE_NONE && e->assessed_on != SCSEC_DATE_NONE)
			check_expiry(&rep, c, e, kind == SCSEC__ID_PREREQUISITE
			                             ? ((const struct scsec_prerequisite *)obj)->level_mask
			                             : ((const struct scsec_criterion *)obj)->level_mask);
		if (kind == SCSEC__ID_PREREQUISITE) {
			if (e->status == SCSEC_STATUS_NOT_APPLICABLE || e->status == SCSEC_STATUS_PARTIAL)
				DIAG(SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, e->id, e->loc,
				     "prerequisite '%s' is either met or not: '%s' does not apply", e->id,
				     scsec_status_name(e->status));
		} else if (e->status == SCSEC_STATUS_NOT_APPLICABLE) {
			const struct scsec_criterion *cr = obj;

			if (!cr->na_allowed)
				DIAG(SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, e->id, e->loc,
				     "criterion '%s' may not be answered not-applicable", e->id);
			else if (scsec__blank_str(e->justification))
				DIAG(SCSEC_SEVERITY_ERROR, SCSEC_EINVALID, e->id, e->loc,
				     "'%s' is not-applicable without a justification", e->id);
		}
		if (e->status != SCSEC_STATUS_NONE) {
			if (kind == SCSEC__ID_CRITERION && e->method == SCSEC_METHOD_NONE)
				DIAG(SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, e->id, e->loc,
				     "'%s' does not say how it was assessed (method)", e->id);
			if (e->assessed_on == SCSEC_DATE_NONE)
				DIAG(SCSEC_SEVERITY_WARNING, SCSEC_EDATE, e->id, e->loc,
				     "'%s' has no assessment date: it cannot count as valid", e->id);
		}
		for (j = 0; j < e->nartifacts; j++)
			if (!e->artifacts[j].sha256[0])
				DIAG(SCSEC_SEVERITY_WARNING, SCSEC_EINVALID, e->id, e->loc,
				     "artifact '%.200s' of '%s' has no SHA-256 digest", e->artifacts[j].uri,
				     e->id);
	}
	if (rep.oom)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	if (!rep.errors)
		return 0;
	/* One verdict code; the message and location are the first error's. */
	rc = rep.first_error == SCSEC_EMISMATCH ? SCSEC_EMISMATCH : SCSEC_EINVALID;
	return scsec__error_set_at(rc, rep.name, rep.first_line, rep.first_column, "%s",
	                           rep.first_message);
}
#undef DIAG
