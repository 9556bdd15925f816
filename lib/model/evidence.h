/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Private: the evidence-record model. */
#ifndef SCSEC_LIB_MODEL_EVIDENCE_H
#define SCSEC_LIB_MODEL_EVIDENCE_H

#include <stdatomic.h>

#include "scsec/evidence.h"
#include "model/criteria.h"
#include "model/signature.h"
#include "util/util.h"

typedef struct scsec__artifact {
	char *uri;
	char sha256[65]; /* lowercase hex, or "" */
} scsec__artifact;

struct scsec_entry {
	char *id;
	/* Once added to a record an entry never changes again (its setters
	 * refuse with SCSEC_EBUSY): records and evaluators' snapshots of them
	 * then share it, each holding one reference. */
	int frozen;
	atomic_uint refs;
	scsec_status status;
	scsec_method method;
	char *assessor;
	char *assessor_id;
	char *assessor_role;     /* the role the assessor states ("management"), or NULL */
	scsec_date assessed_on;
	scsec_date expires_on;
	scsec_date planned_on;    /* the planned completion day of an open item, or NONE
	                          * (doc/evaluation.md, rule 12) */
	char *justification;
	char *note;
	scsec__artifact *artifacts;
	size_t nartifacts;
	size_t cartifacts;
	scsec__loc loc;          /* where it was read (XML line/column, CSV row/column) */
	struct scsec__derivation *derived; /* where a derived entry came from, or NULL
	                                    * (model/mapping.h) */
	unsigned char review;    /* flagged for a person's review (a reworded criterion) */
};

typedef struct scsec__ident {
	char *scheme;
	char *value;
	scsec__loc loc;
} scsec__ident;

struct scsec__derivation;
struct scsec__record_derivation;

struct scsec_evidence {
	char *source;            /* file or sheet it was read from, for messages */
	char *subject_name;
	scsec__ident *ids;       /* by scheme */
	size_t nids;
	size_t cids;
	char *criteria_id;
	char *criteria_version;
	char *criteria_fingerprint;
	scsec__loc criteria_loc;
	char *created;
	char *tool;
	struct scsec__record_derivation *derived; /* a derived record, or NULL (model/mapping.h) */
	struct scsec_entry **entries; /* ordered by scsec__idcmp */
	size_t nentries;
	size_t centries;
	scsec__map index;        /* id -> entry */
	/* The fingerprint, computed by the first reader that needs it, possibly
	 * in several threads at once: published once with compare-and-swap,
	 * released on the next change (changes are single-threaded by
	 * contract). */
	_Atomic(char *) fingerprint;
	/* The signatures the reader found and verified (model/signature.h),
	 * in document order. A change to the record after they were set makes
	 * them stale: the record is then no longer what was signed, and a
	 * trust policy counts none of them. */
	scsec__signature *signatures;
	size_t nsignatures;
	unsigned char signatures_stale;
};

/* scsec_status_parse(), which also takes the Japanese names; the file
 * formats take the English ones only (allow_ja = 0). "" is
 * SCSEC_STATUS_NONE. */
int scsec__status_parse(scsec_status *out, const char *text, int allow_ja);

/* SCSEC_EBUSY with the message for a setter called on an entry of a
 * record (issue 13.9): every entry setter checks e->frozen first. */
int scsec__entry_frozen(const scsec_entry *e);

/* Hand the record the signatures its reader verified (taking ownership
 * of the array and its contents, which it frees), replacing any it had;
 * they are fresh again. */
void scsec__evidence_set_signatures(scsec_evidence *ev, scsec__signature *sigs, size_t n);

/* Forget the fingerprint and make any signatures stale: every mutation
 * calls this. */
void scsec__evidence_changed(scsec_evidence *ev);

/* Append without keeping the order (readers sort once at the end with
 * scsec__evidence_sort). SCSEC_EEXISTS when the id is present. */
int scsec__evidence_append(scsec_evidence *ev, struct scsec_entry *e);
void scsec__evidence_sort(scsec_evidence *ev);

int scsec__evidence_set_source(scsec_evidence *ev, const char *name);

/* scsec_evidence_add_subject_id() with the identifier's location in the
 * document it was read from. */
int scsec__evidence_add_ident(scsec_evidence *ev, const char *scheme, const char *value,
                              scsec__loc loc);

/* Strings: copies, and "" for NULL or empty means none. */
int scsec__set_str(char **dst, const char *src);

/* RFC 3339 UTC timestamp check (YYYY-MM-DDTHH:MM:SSZ). */
int scsec__timestamp_ok(const char *s);

/* A copy of the record as it is now that shares its entries (each holds
 * one more reference) and copies the rest, for an evaluator to keep while
 * the record goes on changing; its entry index is empty. Free it with
 * scsec_evidence_free(). */
int scsec__evidence_snapshot(scsec_evidence **out, const scsec_evidence *ev);

#endif
