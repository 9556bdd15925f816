/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Criteria sets: the public loaders and writers, and the built-in sets. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "io/criteria_xml.h"
#include "io/file.h"
#include "model/canonical.h"
#include "model/criteria.h"
#include "io/embedded.h"
#include "util/error.h"

static int read_criteria(void *out, scsec__source *src, const void *arg,
                         const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec__xdoc doc;
	int rc = scsec__xml_parse(&doc, src, opts, SCSEC__SCHEMA_CRITERIA, diags);

	(void)arg;
	if (!rc)
		rc = scsec__criteria_from_xml(out, &doc);
	scsec__xdoc_dispose(&doc);
	return rc;
}

int scsec_criteria_load_file(scsec_criteria **out, const char *path, const scsec_load_options *opts,
                             scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	return scsec__read(out, read_criteria, NULL, path, NULL, 0, NULL, opts, diags);
}

int scsec_criteria_load_memory(scsec_criteria **out, const void *data, size_t size,
                               const char *name, const scsec_load_options *opts,
                               scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, read_criteria, NULL, NULL, data, size, name, opts, diags);
}

int scsec_criteria_write_memory(char **out, size_t *size, const scsec_criteria *criteria)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(criteria);
	if ((rc = scsec__criteria_to_xml(&b, criteria))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_criteria_write_file(const scsec_criteria *criteria, const char *path, unsigned int flags)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(criteria);
	SCSEC__CHECK_ARG(path);
	SCSEC__CHECK_ARG((flags & ~(unsigned)SCSEC_WRITE_GZIP) == 0);
	if (!(rc = scsec__criteria_to_xml(&b, criteria)))
		rc = scsec__write_file_atomic(path, b.data, b.len, flags & SCSEC_WRITE_GZIP);
	scsec__buf_dispose(&b);
	return rc;
}

/* ------------------------------------------------------------ built-in sets */

static const struct {
	const char *id;
	const char *file;
} builtins[] = {
	{ SCSEC_CRITERIA_DEFAULT, "meti-sc-2026-03.xml" },
};

#define NBUILTINS (sizeof builtins / sizeof *builtins)

/* Each built-in set is parsed once and shared (sets are immutable and
 * reference-counted); a failed parse, out of memory say, is retried on the
 * next call. */
static pthread_mutex_t builtin_lock = PTHREAD_MUTEX_INITIALIZER;
static scsec_criteria *builtin_cache[NBUILTINS];

size_t scsec_criteria_builtin_count(void)
{
	return NBUILTINS;
}

const char *scsec_criteria_builtin_id(size_t i)
{
	return i < NBUILTINS ? builtins[i].id : NULL;
}

int scsec_criteria_builtin(scsec_criteria **out, const char *id)
{
	size_t i;
	int rc = 0;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	if (!id)
		id = SCSEC_CRITERIA_DEFAULT;
	for (i = 0; i < NBUILTINS && strcmp(builtins[i].id, id); i++)
		;
	if (i == NBUILTINS)
		return scsec__error_set(SCSEC_ENOTFOUND, "no built-in criteria set '%.64s' (try '%s')", id,
		                        SCSEC_CRITERIA_DEFAULT);
	pthread_mutex_lock(&builtin_lock);
	if (!builtin_cache[i]) {
		const struct scsec__embedded *e = scsec__embedded_find(builtins[i].file);
		char name[96];

		snprintf(name, sizeof name, "<built-in %s>", builtins[i].id);
		if (!e)
			rc = scsec__error_set(SCSEC_ERROR, "internal error: %s is not embedded",
			                      builtins[i].file);
		else
			rc = scsec_criteria_load_memory(&builtin_cache[i], e->data, e->size, name, NULL, NULL);
	}
	if (!rc) {
		scsec__criteria_ref(builtin_cache[i]);
		*out = builtin_cache[i];
	}
	pthread_mutex_unlock(&builtin_lock);
	return rc;
}
