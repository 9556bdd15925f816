/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/util.h"

void scsec__utf8_repair(char *s)
{
	char *o = s;
	size_t n = strlen(s);

	while (n) {
		size_t k = scsec__utf8_len(s, n);

		if (!k) {
			s++;
			n--;
			continue;
		}
		memmove(o, s, k);
		o += k;
		s += k;
		n -= k;
	}
	*o = '\0';
}

/* The thread's last error lives in fixed thread-local storage: recording an
 * error never allocates (so SCSEC_ENOMEM can always be reported) and there
 * is nothing to release when a thread ends. */
struct scsec_error {
	int code;
	unsigned long line;
	unsigned long column;
	int has_file;
	char message[1024];
	char file[1024];
};

static _Thread_local struct scsec_error last_error = { 0, 0, 0, 0, "no error", "" };
/* How many times the record has been set or cleared: while the count stays
 * the same, the record holds what was set last (see scsec__vreport()). */
static _Thread_local uint64_t last_error_changes;

int scsec__error_vset_at(int code, const char *file, unsigned long line, unsigned long column,
                         const char *fmt, va_list ap)
{
	struct scsec_error *e = &last_error;
	char message[sizeof e->message], name[sizeof e->file];

	/* The arguments may point into the record itself (a message built from
	 * scsec_error_message()): format aside, then copy. */
	vsnprintf(message, sizeof message, fmt, ap);
	if (file)
		snprintf(name, sizeof name, "%s", file);
	e->code = code;
	e->line = line;
	e->column = column;
	e->has_file = file != NULL;
	memcpy(e->file, file ? name : "", file ? sizeof name : 1);
	scsec__utf8_repair(message);
	memcpy(e->message, message, sizeof message);
	last_error_changes++;
	return code;
}

int scsec__error_set_at(int code, const char *file, unsigned long line, unsigned long column,
                        const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	scsec__error_vset_at(code, file, line, column, fmt, ap);
	va_end(ap);
	return code;
}

int scsec__error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	scsec__error_vset_at(code, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

const scsec_error *scsec_error_last(void)
{
	return &last_error;
}

void scsec_error_clear(void)
{
	last_error.code = 0;
	last_error.line = last_error.column = 0;
	last_error.has_file = 0;
	last_error.file[0] = '\0';
	snprintf(last_error.message, sizeof last_error.message, "no error");
	last_error_changes++;
}

int scsec_error_code(const scsec_error *err)
{
	return err ? err->code : SCSEC_EINVAL;
}

const char *scsec_error_message(const scsec_error *err)
{
	return err ? err->message : "invalid argument";
}

const char *scsec_error_file(const scsec_error *err)
{
	return err && err->has_file ? err->file : NULL;
}

unsigned long scsec_error_line(const scsec_error *err)
{
	return err ? err->line : 0;
}

unsigned long scsec_error_column(const scsec_error *err)
{
	return err ? err->column : 0;
}

const char *scsec_strerror(int code)
{
	switch ((scsec_errcode)code) {
	case SCSEC_OK:        return "success";
	case SCSEC_ERROR:     return "error";
	case SCSEC_ENOMEM:    return "out of memory";
	case SCSEC_EINVAL:    return "invalid argument";
	case SCSEC_EIO:       return "input/output error";
	case SCSEC_EPARSE:    return "malformed input";
	case SCSEC_ESCHEMA:   return "document does not follow its schema";
	case SCSEC_EINVALID:  return "invalid content";
	case SCSEC_ENOTFOUND: return "not found";
	case SCSEC_EEXISTS:   return "already exists";
	case SCSEC_ELIMIT:    return "limit exceeded";
	case SCSEC_EUNSAFE:   return "refused as unsafe";
	case SCSEC_EENCODING: return "invalid encoding";
	case SCSEC_EBUSY:     return "too late: the library is already in use";
	case SCSEC_EVERSION:  return "unsupported version";
	case SCSEC_EMISMATCH: return "evidence written for another criteria set";
	case SCSEC_EDATE:     return "invalid date or duration";
	case SCSEC_ECRYPTO:   return "digest failure";
	}
	return "unknown error";
}

/* ---- diagnostic lists ---- */

struct scsec_diagnostic {
	scsec_severity severity;
	int code;
	unsigned long line;
	unsigned long column;
	const char *id;      /* into text[] or NULL */
	const char *file;    /* into text[] or NULL */
	const char *message; /* into text[] */
	unsigned long omitted; /* a summary: the diagnostics of its kind not stored */
	char text[];
};

struct scsec_diagnostics {
	struct scsec_diagnostic **items;
	size_t count;
	size_t cap;
};

int scsec_diagnostics_new(scsec_diagnostics **out)
{
	SCSEC__CHECK_ARG(out);
	*out = scsec__calloc(1, sizeof **out);
	return *out ? 0 : SCSEC_ENOMEM;
}

void scsec_diagnostics_clear(scsec_diagnostics *diags)
{
	size_t i;

	if (!diags)
		return;
	for (i = 0; i < diags->count; i++)
		scsec__free(diags->items[i]);
	diags->count = 0;
}

void scsec_diagnostics_free(scsec_diagnostics *diags)
{
	if (!diags)
		return;
	scsec_diagnostics_clear(diags);
	scsec__free(diags->items);
	scsec__free(diags);
}

size_t scsec_diagnostics_count(const scsec_diagnostics *diags)
{
	return diags ? diags->count : 0;
}

size_t scsec_diagnostics_count_severity(const scsec_diagnostics *diags, scsec_severity severity)
{
	size_t i, n = 0;

	if (!diags)
		return 0;
	for (i = 0; i < diags->count; i++)
		n += diags->items[i]->severity == severity;
	return n;
}

size_t scsec_diagnostics_total(const scsec_diagnostics *diags, scsec_severity severity)
{
	size_t i, n = 0;

	if (!diags)
		return 0;
	for (i = 0; i < diags->count; i++)
		if (diags->items[i]->severity == severity)
			n += diags->items[i]->omitted ? diags->items[i]->omitted : 1;
	return n;
}

unsigned long scsec_diagnostic_omitted(const scsec_diagnostic *d)
{
	return d ? d->omitted : 0;
}

const scsec_diagnostic *scsec_diagnostics_at(const scsec_diagnostics *diags, size_t i)
{
	return diags && i < diags->count ? diags->items[i] : NULL;
}

scsec_severity scsec_diagnostic_severity(const scsec_diagnostic *d)
{
	return d ? d->severity : SCSEC_SEVERITY_ERROR;
}

int scsec_diagnostic_code(const scsec_diagnostic *d)
{
	return d ? d->code : SCSEC_EINVAL;
}

const char *scsec_diagnostic_id(const scsec_diagnostic *d)
{
	return d ? d->id : NULL;
}

const char *scsec_diagnostic_file(const scsec_diagnostic *d)
{
	return d ? d->file : NULL;
}

unsigned long scsec_diagnostic_line(const scsec_diagnostic *d)
{
	return d ? d->line : 0;
}

unsigned long scsec_diagnostic_column(const scsec_diagnostic *d)
{
	return d ? d->column : 0;
}

const char *scsec_diagnostic_message(const scsec_diagnostic *d)
{
	return d ? d->message : "invalid argument";
}

static const char *severity_name(scsec_severity s)
{
	switch (s) {
	case SCSEC_SEVERITY_ERROR:   return "error";
	case SCSEC_SEVERITY_WARNING: return "warning";
	case SCSEC_SEVERITY_NOTE:    return "note";
	}
	return "error";
}

int scsec_diagnostic_format(char **out, const scsec_diagnostic *d)
{
	scsec__buf b = SCSEC__BUF_INIT;

	SCSEC__CHECK_ARG(out);
	SCSEC__CHECK_ARG(d);
	if (d->file) {
		scsec__buf_puts(&b, d->file);
		if (d->line) {
			scsec__buf_printf(&b, ":%lu", d->line);
			if (d->column)
				scsec__buf_printf(&b, ":%lu", d->column);
		}
		scsec__buf_puts(&b, ": ");
	}
	scsec__buf_printf(&b, "%s: %s", severity_name(d->severity), d->message);
	if (d->id)
		scsec__buf_printf(&b, " [%s]", d->id);
	*out = scsec__buf_detach(&b, NULL);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec__diag_vadd(scsec_diagnostics *diags, scsec_severity sev, int code, const char *id,
                     const char *file, unsigned long line, unsigned long column,
                     const char *fmt, va_list ap)
{
	struct scsec_diagnostic *d;
	size_t idlen = id ? strlen(id) + 1 : 0;
	size_t filelen = file ? strlen(file) + 1 : 0;
	va_list ap2;
	int n;
	char *p;

	if (!diags)
		return 0;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	if (scsec__grow(&diags->items, &diags->cap, diags->count + 1, sizeof *diags->items))
		return SCSEC_ENOMEM;
	d = scsec__malloc(sizeof *d + idlen + filelen + (size_t)n + 1);
	if (!d)
		return SCSEC_ENOMEM;
	d->severity = sev;
	d->code = code;
	d->line = line;
	d->column = column;
	d->omitted = 0;
	p = d->text;
	d->id = NULL;
	d->file = NULL;
	if (id) {
		memcpy(p, id, idlen);
		d->id = p;
		p += idlen;
	}
	if (file) {
		memcpy(p, file, filelen);
		d->file = p;
		p += filelen;
	}
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	scsec__utf8_repair(p);
	d->message = p;
	diags->items[diags->count++] = d;
	return 0;
}

/* Room for the longest counting message. */
#define SUMMARY_SIZE 96

static void summary_text(char *out, unsigned long more)
{
	char digits[32], grouped[48];
	int n = snprintf(digits, sizeof digits, "%lu", more), i, o = 0;

	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, SUMMARY_SIZE, "\xe2\x80\xa6 and %s more like the one above", grouped);
}

/* Append the diagnostic that counts the ones of a kind not stored. */
static int summary_add(scsec_diagnostics *diags, const scsec__report_kind *k, const char *file,
                       size_t *index)
{
	struct scsec_diagnostic *d;
	size_t filelen = file ? strlen(file) + 1 : 0;

	if (scsec__grow(&diags->items, &diags->cap, diags->count + 1, sizeof *diags->items))
		return SCSEC_ENOMEM;
	d = scsec__calloc(1, sizeof *d + filelen + SUMMARY_SIZE);
	if (!d)
		return SCSEC_ENOMEM;
	d->severity = (scsec_severity)k->sev;
	d->code = k->code;
	if (file) {
		memcpy(d->text, file, filelen);
		d->file = d->text;
	}
	d->message = d->text + filelen;
	summary_text(d->text + filelen, 1);
	d->omitted = 1;
	*index = diags->count;
	diags->items[diags->count++] = d;
	return 0;
}

/* The kind of a report, counted; NULL when the table is full (then every
 * report of a new kind is stored). */
static scsec__report_kind *report_kind(scsec__reporter *r, const char *fmt, int code,
                                       scsec_severity sev)
{
	size_t i;

	for (i = 0; i < r->nkinds; i++)
		if (r->kinds[i].fmt == fmt && r->kinds[i].code == code && r->kinds[i].sev == (int)sev)
			return &r->kinds[i];
	if (r->nkinds == SCSEC__REPORT_KINDS)
		return NULL;
	r->kinds[r->nkinds].fmt = fmt;
	r->kinds[r->nkinds].code = code;
	r->kinds[r->nkinds].sev = (int)sev;
	return &r->kinds[r->nkinds++];
}

/* Store a report, or count it when its kind has had its share. */
static int report_store(scsec__reporter *r, unsigned long line, unsigned long column,
                        scsec_severity sev, int code, const char *id, const char *fmt, va_list ap)
{
	scsec__report_kind *k;

	if (!r->diags)
		return 0;
	k = report_kind(r, fmt, code, sev);
	if (!k || ++k->count <= SCSEC__REPORT_REPEAT)
		return scsec__diag_vadd(r->diags, sev, code, id, r->name, line, column, fmt, ap);
	if (k->count == SCSEC__REPORT_REPEAT + 1)
		return summary_add(r->diags, k, r->name, &k->summary);
	if (k->summary < r->diags->count) {
		struct scsec_diagnostic *d = r->diags->items[k->summary];

		d->omitted = k->count - SCSEC__REPORT_REPEAT;
		summary_text((char *)d->message, d->omitted);
	}
	return 0;
}

int scsec__diag_add(scsec_diagnostics *diags, scsec_severity sev, int code, const char *id,
                    const char *file, unsigned long line, unsigned long column,
                    const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = scsec__diag_vadd(diags, sev, code, id, file, line, column, fmt, ap);
	va_end(ap);
	return rc;
}

int scsec__vreport(scsec__reporter *r, unsigned long line, unsigned long column, scsec_severity sev,
                   int code, const char *id, const char *fmt, va_list ap)
{
	va_list ap2;
	int rc = code;

	/* The diagnostic first: the arguments may point into the thread's
	 * error record, which the next step overwrites. */
	va_copy(ap2, ap);
	if (report_store(r, line, column, sev, code, id, fmt, ap2)) {
		r->oom = 1;
		rc = SCSEC_ENOMEM;
	}
	va_end(ap2);
	if (sev == SCSEC_SEVERITY_ERROR) {
		r->errors++;
		if (!r->first_error) {
			r->first_error = code;
			r->first_line = line;
			r->first_column = column;
			vsnprintf(r->first_message, sizeof r->first_message, fmt, ap);
			scsec__utf8_repair(r->first_message);
		} else if (r->first_set == last_error_changes) {
			/* The record still holds the first error, as set here. */
			return rc;
		}
		/* The thread's record always describes the first error: set when
		 * it is recorded, and again after anything else was set since. */
		scsec__error_set_at(r->first_error, r->name, r->first_line, r->first_column, "%s",
		                    r->first_message);
		r->first_set = last_error_changes;
	}
	return rc;
}

int scsec__report_result(scsec__reporter *r)
{
	if (r->oom)
		return scsec__error_set(SCSEC_ENOMEM, "out of memory");
	if (!r->first_error)
		return 0;
	return scsec__error_set_at(r->first_error, r->name, r->first_line, r->first_column, "%s",
	                           r->first_message);
}

int scsec__report(scsec__reporter *r, unsigned long line, unsigned long column, scsec_severity sev,
                  int code, const char *id, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = scsec__vreport(r, line, column, sev, code, id, fmt, ap);
	va_end(ap);
	return rc;
}
