/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Signatures found on a record, as plain data (model/signature.h). */
#include "config.h"

#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "model/signature.h"

void scsec__cert_facts_dispose(scsec__cert_facts *c)
{
	if (!c)
		return;
	scsec__free(c->subject);
	scsec__free(c->issuer);
	scsec__free(c->serial);
	memset(c, 0, sizeof *c);
}

void scsec__signature_dispose(scsec__signature *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nchain; i++)
		scsec__cert_facts_dispose(&s->chain[i]);
	scsec__free(s->chain);
	scsec__free(s->problem);
	scsec__free(s->id);
	memset(s, 0, sizeof *s);
}

/* A copy of a string that may be NULL; 0 or -1. */
static int dup_opt(char **dst, const char *src)
{
	*dst = NULL;
	return src && !(*dst = scsec__strdup(src)) ? -1 : 0;
}

int scsec__signature_copy(scsec__signature *dst, const scsec__signature *src)
{
	size_t i;

	memset(dst, 0, sizeof *dst);
	dst->valid = src->valid;
	dst->signing_time = src->signing_time;
	dst->loc = src->loc;
	if (dup_opt(&dst->problem, src->problem) || dup_opt(&dst->id, src->id))
		goto oom;
	if (src->nchain) {
		if (!(dst->chain = scsec__calloc(src->nchain, sizeof *dst->chain)))
			goto oom;
		for (i = 0; i < src->nchain; i++, dst->nchain++) {
			const scsec__cert_facts *a = &src->chain[i];
			scsec__cert_facts *b = &dst->chain[i];

			memcpy(b->sha256, a->sha256, sizeof b->sha256);
			b->not_before = a->not_before;
			b->not_after = a->not_after;
			b->is_ca = a->is_ca;
			if (dup_opt(&b->subject, a->subject) || dup_opt(&b->issuer, a->issuer) ||
			    dup_opt(&b->serial, a->serial)) {
				dst->nchain++; /* disposed with the others */
				goto oom;
			}
		}
	}
	return 0;
oom:
	scsec__signature_dispose(dst);
	return SCSEC_ENOMEM;
}
