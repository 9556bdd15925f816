/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Evidence records in XML: reading (JSON documents go to
 * io/evidence_json.c), saving in either form. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "io/evidence_json.h"
#include "io/file.h"
#include "io/signature.h"
#include "io/xml.h"
#include "model/canonical.h"
#include "model/evidence.h"
#include "model/mapping.h"
#include "util/xmlwrite.h"

#define IS(n, name) scsec__xnode_is((n), SCSEC__NS_EVIDENCE, (name))
#define LOC(n) ((scsec__loc){ (n)->line, (n)->column })

/* ----------------------------------------------------------------- reading */

/* scsec-evidence-1.xsd as structure rules (io/xml.h), for loads without
 * libxml2's validator; the values are checked where they are read. */
#define A(...) ((const char *const[]){ __VA_ARGS__, NULL })
static const scsec__xspec s_name = { "name", NULL, 1, 0, NULL };
static const scsec__xspec s_identifier = { "identifier", A("scheme"), 1, 0, NULL };
static const scsec__xspec s_subject = {
	"subject", NULL, 0, 0,
	(const scsec__xspec_child[]){ { &s_name, 0, 1, 0 }, { &s_identifier, 0, 0, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_criteria = {
	"criteria", A("id", "version", "fingerprint"), 0, 0, NULL,
};
static const scsec__xspec s_created = { "created", NULL, 1, 0, NULL };
static const scsec__xspec s_tool = { "tool", NULL, 1, 0, NULL };
static const scsec__xspec s_assessor = { "assessor", A("id", "role"), 1, 0, NULL };
static const scsec__xspec s_justification = { "justification", NULL, 1, 0, NULL };
static const scsec__xspec s_artifact = { "artifact", A("uri", "sha256"), 0, 0, NULL };
static const scsec__xspec s_note = { "note", NULL, 1, 0, NULL };
static const scsec__xspec s_dsource = {
	"source", A("id", "relationship", "status", "method"), 0, 0, NULL,
};
static const scsec__xspec s_derived_from = {
	"derived-from", A("set", "version"), 0, 0,
	(const scsec__xspec_child[]){ { &s_dsource, 1, 0, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_entry = {
	"entry", A("id", "review", "status", "method", "assessed-on", "expires-on"), 0, 0,
	(const scsec__xspec_child[]){ { &s_assessor, 0, 1, 0 },
	                               { &s_justification, 0, 1, 0 },
	                               { &s_artifact, 0, 0, 0 },
	                               { &s_note, 0, 1, 0 },
	                               { &s_derived_from, 0, 1, 0 },
	                               { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_derived = {
	"derived", A("mapping", "mapping-version", "source", "source-version"), 0, 0, NULL,
};
static const scsec__xspec s_evidence = {
	"evidence", NULL, 0, 0,
	(const scsec__xspec_child[]){ { &s_subject, 0, 1, 0 },
	                               { &s_criteria, 0, 1, 0 },
	                               { &s_created, 0, 1, 0 },
	                               { &s_tool, 0, 1, 0 },
	                               { &s_derived, 0, 1, 0 },
	                               { &s_entry, 0, 0, 0 },
	                               { NULL, 0, 0, 0 } },
};
#undef A

/* The schema's NonEmpty strings. */
static void nonempty(scsec__xdoc *d, const scsec__xnode *n, const char *what, const char *v)
{
	if (v && !*v)
		scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL, "%s is empty", what);
}

typedef struct reader {
	scsec__xdoc *d;
	scsec_evidence *ev;
	int oom;
} reader;

/* Copy an XML string into a record field (the XML parser has already
 * guaranteed valid UTF-8 and XML characters). */
static void take(reader *r, char **dst, const char *s)
{
	if (scsec__set_str(dst, s) == SCSEC_ENOMEM)
		r->oom = 1;
}

static void read_subject(reader *r, const scsec__xnode *n)
{
	const scsec__xnode *k;

	for (k = n->first; k; k = k->next) {
		if (IS(k, "name")) {
			nonempty(r->d, k, "element 'name'", k->text);
			take(r, &r->ev->subject_name, k->text);
		} else if (IS(k, "identifier")) {
			const char *scheme;
			int rc;

			if (scsec__xa_id(r->d, k, "scheme", &scheme))
				continue;
			if (!k->text_len) {
				scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  "identifier '%s' is empty", scheme);
				continue;
			}
			rc = scsec__evidence_add_ident(r->ev, scheme, k->text, LOC(k));
			if (rc == SCSEC_EEXISTS)
				scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, NULL,
				                  "a second '%s' identifier", scheme);
			else if (rc)
				r->oom = 1;
		}
	}
}

static int token(reader *r, const scsec__xnode *n, const char *attr, int is_status, int *out)
{
	const char *v = scsec__xattr_token(n, attr);
	int rc;

	*out = 0;
	if (!v)
		return 0;
	/* The file format takes the English tokens only. */
	if (is_status) {
		scsec_status s;

		rc = scsec__status_parse(&s, v, 0);
		if (!rc && s != SCSEC_STATUS_NONE)
			*out = (int)s;
		else
			rc = SCSEC_EINVAL;
	} else {
		scsec_method m;

		if (!(rc = scsec__method_parse(&m, v, 0)))
			*out = (int)m;
	}
	if (rc)
		return scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA,
		                         scsec__xattr_get(n, "id"),
		                         "element 'entry': %s '%.64s' is not one of %s", attr, v,
		                         is_status ? "met, partial, not-met, not-applicable"
		                                   : "self, expert-reviewed, third-party");
	return 0;
}

/* A derived entry's provenance (doc/mapping.md). */
static void read_derived_from(reader *r, scsec_entry *e, const scsec__xnode *n)
{
	const char *set, *version;
	const scsec__xnode *k;
	int rc;

	if (scsec__xa_id(r->d, n, "set", &set) || scsec__xa_str(r->d, n, "version", 1, &version))
		return;
	if ((rc = scsec_entry_set_derived_set(e, set, version))) {
		r->oom = rc == SCSEC_ENOMEM;
		if (!r->oom)
			scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, e->id,
			                  "element 'derived-from': attribute 'version' is empty");
		return;
	}
	for (k = n->first; k && !r->oom; k = k->next) {
		const char *id, *rel = scsec__xattr_token(k, "relationship");
		scsec_relationship relationship;
		int status = 0, method = 0;

		if (scsec__xa_id(r->d, k, "id", &id))
			continue;
		if (!rel || scsec__relationship_parse(&relationship, rel)) {
			scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, e->id,
			                  "element 'source': relationship '%.64s' is not one of equal-to, "
			                  "equivalent-to, subset-of, superset-of, intersects-with, "
			                  "no-relationship",
			                  rel ? rel : "");
			continue;
		}
		if (token(r, k, "status", 1, &status) || token(r, k, "method", 0, &method))
			continue;
		rc = scsec_entry_add_derived_source(e, id, relationship, (scsec_status)status,
		                                    (scsec_method)method);
		if (rc == SCSEC_ENOMEM)
			r->oom = 1;
		else if (rc)
			scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, e->id,
			                  "source '%s' of '%s' is given twice", id, e->id);
	}
}

static void read_entry(reader *r, const scsec__xnode *n)
{
	const char *id, *role;
	scsec_entry *e;
	const scsec__xnode *k;
	int status = 0, method = 0, rc;

	if (scsec__xa_id(r->d, n, "id", &id))
		return;
	if ((rc = scsec_entry_new(&e, id))) {
		r->oom = rc == SCSEC_ENOMEM;
		return;
	}
	e->loc = LOC(n);
	token(r, n, "status", 1, &status);
	token(r, n, "method", 0, &method);
	e->status = (scsec_status)status;
	e->method = (scsec_method)method;
	{
		int review = 0;

		scsec__xa_bool(r->d, n, "review", &review);
		e->review = review != 0;
	}
	scsec__xa_date(r->d, n, "assessed-on", 0, &e->assessed_on);
	scsec__xa_date(r->d, n, "expires-on", 0, &e->expires_on);
	for (k = n->first; k && !r->oom; k = k->next) {
		if (IS(k, "assessor")) {
			nonempty(r->d, k, "element 'assessor': attribute 'id'", scsec__xattr_get(k, "id"));
			take(r, &e->assessor, k->text);
			take(r, &e->assessor_id, scsec__xattr_get(k, "id"));
			if (scsec__xattr_get(k, "role") && !scsec__xa_id(r->d, k, "role", &role))
				take(r, &e->assessor_role, role);
		} else if (IS(k, "justification")) {
			take(r, &e->justification, k->text);
		} else if (IS(k, "note")) {
			take(r, &e->note, k->text);
		} else if (IS(k, "derived-from")) {
			read_derived_from(r, e, k);
		} else if (IS(k, "artifact")) {
			const char *uri, *sha = scsec__xattr_token(k, "sha256");

			if (scsec__xa_str(r->d, k, "uri", 1, &uri))
				continue;
			rc = scsec_entry_add_artifact(e, uri, sha);
			if (rc == SCSEC_ENOMEM)
				r->oom = 1;
			else if (rc)
				scsec__xml_report(r->d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, id,
				                  "artifact of '%s': %s", id,
				                  scsec_error_message(scsec_error_last()));
		}
	}
	if (r->oom) {
		scsec_entry_free(e);
		return;
	}
	rc = scsec__evidence_append(r->ev, e);
	if (rc == SCSEC_EEXISTS) {
		const scsec_entry *first = scsec_evidence_entry(r->ev, id);

		scsec__xml_report(r->d, n, SCSEC_SEVERITY_ERROR, SCSEC_EEXISTS, id,
		                  "a second entry for '%s' (the first is at line %lu)", id,
		                  first ? first->loc.line : 0);
		scsec_entry_free(e);
	} else if (rc) {
		r->oom = 1;
		scsec_entry_free(e);
	}
}

/* The root's ds:Signature children come after everything else; the
 * first of them, or NULL. Other elements of the dsig namespace, and
 * record elements after a signature, are reported. */
static scsec__xnode *first_signature(scsec__xdoc *d)
{
	scsec__xnode *k, *first = NULL;

	for (k = d->root->first; k; k = k->next) {
		if (k->ns && !strcmp(k->ns, SCSEC__NS_DSIG)) {
			if (strcmp(k->name, "Signature"))
				scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  "element ds:%s is not expected in 'evidence' (only "
				                  "ds:Signature, after the entries)",
				                  k->name);
			else if (!first)
				first = k;
		} else if (first) {
			scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element '%s' after a ds:Signature: signatures come last in "
			                  "'evidence'",
			                  k->name);
		}
	}
	return first;
}

/* The structure rules (io/xml.h) over the record without its trailing
 * signatures, whose form the verifier checks. */
static size_t check_structure(scsec__xdoc *d, scsec__xnode *sig)
{
	scsec__xnode *root = d->root, *last = root->last, *before = NULL, *k;
	size_t problems;

	if (!sig)
		return scsec__xml_check_structure(d, root, &s_evidence, SCSEC__NS_EVIDENCE);
	for (k = root->first; k != sig; k = k->next)
		before = k;
	if (before)
		before->next = NULL;
	else
		root->first = NULL;
	root->last = before;
	problems = scsec__xml_check_structure(d, root, &s_evidence, SCSEC__NS_EVIDENCE);
	if (before)
		before->next = sig;
	else
		root->first = sig;
	root->last = last;
	return problems;
}

static int evidence_from_xml(scsec_evidence **out, scsec__xdoc *d, const scsec__buf *bytes)
{
	const scsec__xnode *root = d->root, *k;
	size_t errors = d->rep.errors;
	scsec__xnode *sig;
	reader r;
	int rc;

	*out = NULL;
	sig = first_signature(d);
	if (d->rep.errors > errors)
		return scsec__report_result(&d->rep);
	/* Without libxml2's validator, the structure rules of the schema: the
	 * reading below assumes the structure. */
	if (!d->validated && check_structure(d, sig))
		return scsec__report_result(&d->rep);
	if ((rc = scsec_evidence_new(&r.ev, NULL)))
		return rc;
	r.d = d;
	r.oom = scsec__evidence_set_source(r.ev, d->rep.name) != 0;
	for (k = root->first; k && !r.oom; k = k->next) {
		if (IS(k, "subject")) {
			read_subject(&r, k);
		} else if (IS(k, "criteria")) {
			const char *id, *version, *fp = scsec__xattr_token(k, "fingerprint");

			scsec__xattr_token(k, "version");

			if (scsec__xa_id(d, k, "id", &id) || scsec__xa_str(d, k, "version", 1, &version))
				continue;
			rc = scsec_evidence_set_criteria(r.ev, id, version, fp);
			if (rc == SCSEC_ENOMEM)
				r.oom = 1;
			else if (rc)
				scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  "element 'criteria': %s", scsec_error_message(scsec_error_last()));
			r.ev->criteria_loc = LOC(k);
		} else if (IS(k, "created")) {
			if (!scsec__timestamp_ok(k->text))
				scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_EDATE, NULL,
				                  "created '%.64s' is not an RFC 3339 UTC timestamp "
				                  "(YYYY-MM-DDTHH:MM:SSZ) of a real day and time",
				                  k->text);
			else
				take(&r, &r.ev->created, k->text);
		} else if (IS(k, "tool")) {
			nonempty(d, k, "element 'tool'", k->text);
			take(&r, &r.ev->tool, k->text);
		} else if (IS(k, "derived")) {
			const char *mid, *mver, *sid, *sver;

			if (scsec__xa_id(d, k, "mapping", &mid) ||
			    scsec__xa_str(d, k, "mapping-version", 1, &mver) ||
			    scsec__xa_id(d, k, "source", &sid) ||
			    scsec__xa_str(d, k, "source-version", 1, &sver))
				continue;
			rc = scsec_evidence_set_derivation(r.ev, mid, mver, sid, sver);
			if (rc == SCSEC_ENOMEM)
				r.oom = 1;
			else if (rc)
				scsec__xml_report(d, k, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
				                  "element 'derived': a version is empty");
		} else if (IS(k, "entry")) {
			read_entry(&r, k);
		}
	}
	/* What was read is the root's own content, which each signature's
	 * first reference covers whole (doc/signatures.md): verified here,
	 * the results kept on the record for a trust policy. */
	if (sig && !r.oom && !d->rep.oom && d->rep.errors == errors) {
		scsec__signature *sigs;
		size_t n, i;

		if ((rc = scsec__signatures_verify(&sigs, &n, bytes->data, bytes->len, d->rep.name))) {
			const scsec_error *e = scsec_error_last();

			if (rc == SCSEC_ENOMEM)
				r.oom = 1;
			else
				scsec__report(&d->rep, scsec_error_line(e), scsec_error_column(e),
				              SCSEC_SEVERITY_ERROR, rc, NULL, "%s", scsec_error_message(e));
		} else {
			/* The verifier's locations are lines only: the reader's
			 * nodes, in the same order, have columns. */
			for (i = 0, k = sig; i < n && k; k = k->next)
				if (k->ns && !strcmp(k->ns, SCSEC__NS_DSIG))
					sigs[i++].loc = LOC(k);
			scsec__evidence_set_signatures(r.ev, sigs, n);
		}
	}
	if (r.oom || d->rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (d->rep.errors > errors)
		rc = scsec__report_result(&d->rep);
	else
		rc = 0;
	if (rc) {
		scsec_evidence_free(r.ev);
		return rc;
	}
	scsec__evidence_sort(r.ev);
	*out = r.ev;
	return 0;
}

static int read_evidence(void *out_p, scsec__source *src, const void *arg,
                         const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec_evidence **out = out_p;
	scsec__buf bytes = SCSEC__BUF_INIT;
	scsec__source mem;
	scsec__xdoc doc;
	int rc, first;

	(void)arg;
	/* The form is told by the content: JSON starts with '{'. */
	if ((rc = scsec__source_peek(src, &first))) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src->name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		return rc;
	}
	if (first == '{')
		return scsec__evidence_from_json(out, src, opts, diags);
	/* The bytes are kept: signatures are verified over them. */
	if ((rc = scsec__source_slurp(src, &bytes)) ||
	    (rc = scsec__source_open_memory(&mem, bytes.data ? bytes.data : "", bytes.len, src->name,
	                                    opts))) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src->name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		scsec__buf_dispose(&bytes);
		return rc;
	}
	mem.unnamed = src->unnamed;
	rc = scsec__xml_parse(&doc, &mem, opts, SCSEC__SCHEMA_EVIDENCE, diags);
	if (!rc)
		rc = evidence_from_xml(out, &doc, &bytes);
	scsec__xdoc_dispose(&doc);
	scsec__source_close(&mem);
	scsec__buf_dispose(&bytes);
	return rc;
}

int scsec_evidence_load_file(scsec_evidence **out, const char *path, const scsec_load_options *opts,
                             scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	return scsec__read(out, read_evidence, NULL, path, NULL, 0, NULL, opts, diags);
}

int scsec_evidence_load_memory(scsec_evidence **out, const void *data, size_t size,
                               const char *name, const scsec_load_options *opts,
                               scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, read_evidence, NULL, NULL, data, size, name, opts, diags);
}

/* ----------------------------------------------------------------- writing */

int scsec_evidence_write_memory(char **out, size_t *size, const scsec_evidence *ev)
{
	return scsec_evidence_write_memory_as(out, size, ev, SCSEC_FORMAT_XML);
}

int scsec_evidence_save(const scsec_evidence *ev, const char *path, unsigned int flags)
{
	return scsec_evidence_write_file_as(ev, path, flags, SCSEC_FORMAT_XML);
}

int scsec_evidence_write_memory_as(char **out, size_t *size, const scsec_evidence *ev, int format)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(format == SCSEC_FORMAT_XML || format == SCSEC_FORMAT_JSON);
	rc = format == SCSEC_FORMAT_JSON ? scsec__evidence_to_json(&b, ev)
	                                 : scsec__evidence_to_xml(&b, ev);
	if (rc) {
		scsec__buf_dispose(&b);
		return rc;
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_evidence_write_file_as(const scsec_evidence *ev, const char *path, unsigned int flags,
                                 int format)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(ev);
	SCSEC__CHECK_ARG(path);
	SCSEC__CHECK_ARG((flags & ~(unsigned)SCSEC_WRITE_GZIP) == 0);
	SCSEC__CHECK_ARG(format == SCSEC_FORMAT_XML || format == SCSEC_FORMAT_JSON);
	rc = format == SCSEC_FORMAT_JSON ? scsec__evidence_to_json(&b, ev)
	                                 : scsec__evidence_to_xml(&b, ev);
	if (!rc)
		rc = scsec__write_file_atomic(path, b.data, b.len, flags & SCSEC_WRITE_GZIP);
	scsec__buf_dispose(&b);
	return rc;
}
