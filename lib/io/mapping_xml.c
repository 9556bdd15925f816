/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Mapping sets in XML (urn:scsec:mapping:1, scsec-mapping-1.xsd): reading,
 * writing, saving, and the built-in sets. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "io/embedded.h"
#include "io/file.h"
#include "io/oscal.h"
#include "io/xml.h"
#include "model/mapping.h"
#include "util/error.h"
#include "util/xmlwrite.h"

#define IS(n, name) scsec__xnode_is((n), SCSEC__NS_MAPPING, (name))
#define LOC(n) ((scsec__loc){ (n)->line, (n)->column })

/* ----------------------------------------------------------------- reading */

/* scsec-mapping-1.xsd as structure rules (io/xml.h). */
#define A(...) ((const char *const[]){ __VA_ARGS__, NULL })
static const scsec__xspec s_title = { "title", NULL, 1, 0, NULL };
static const scsec__xspec s_source = { "source", A("id", "version"), 0, 0, NULL };
static const scsec__xspec s_target = { "target", A("id", "version"), 0, 0, NULL };
static const scsec__xspec s_accept = { "accept", A("method"), 0, 0, NULL };
static const scsec__xspec s_note = { "note", NULL, 1, 0, NULL };
static const scsec__xspec s_mapping = {
	"mapping", A("source", "target", "relationship", "strength", "coverage", "rationale"), 0, 0,
	(const scsec__xspec_child[]){ { &s_note, 0, 1, 0 }, { NULL, 0, 0, 0 } },
};
static const scsec__xspec s_set = {
	"mapping-set", A("id", "version", "provisional"), 0, 0,
	(const scsec__xspec_child[]){ { &s_title, 0, 1, 0 },
	                               { &s_source, 1, 1, 0 },
	                               { &s_target, 1, 1, 0 },
	                               { &s_accept, 0, 2, 0 },
	                               { &s_mapping, 0, 0, 0 },
	                               { NULL, 0, 0, 0 } },
};
#undef A

static int bad(scsec__xdoc *d, const scsec__xnode *n, const char *what, const char *v,
               const char *allowed)
{
	return scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, scsec__xattr_get(n, "source"),
	                         "element '%s': %s '%.64s' is not %s", n->name, what, v, allowed);
}

static int fraction(scsec__xdoc *d, const scsec__xnode *n, const char *attr, int *out)
{
	const char *v = scsec__xattr_token(n, attr);

	*out = SCSEC__PERMILLE_NONE;
	if (v && scsec__permille_parse(out, v))
		return bad(d, n, attr, v, "a number from 0 to 1 with at most three decimals");
	return 0;
}

/* One <mapping>: appended to the set, unordered. Returns 0 or ENOMEM. */
static int read_mapping(scsec__xdoc *d, scsec_mapping_set *set, const scsec__xnode *n)
{
	const char *source, *target = NULL, *rel = scsec__xattr_token(n, "relationship");
	const char *rat = scsec__xattr_token(n, "rationale");
	scsec_relationship relationship;
	scsec_rationale rationale = SCSEC_RATIONALE_NONE;
	struct scsec_mapping *m;
	int strength, coverage, rc;

	if (scsec__xa_id(d, n, "source", &source) ||
	    (scsec__xattr_get(n, "target") && scsec__xa_id(d, n, "target", &target)))
		return 0;
	if (!rel || scsec__relationship_parse(&relationship, rel))
		return bad(d, n, "relationship", rel ? rel : "",
		           "one of equal-to, equivalent-to, subset-of, superset-of, intersects-with, "
		           "no-relationship"), 0;
	if (rat && scsec__rationale_parse(&rationale, rat))
		return bad(d, n, "rationale", rat, "one of syntactic, semantic, functional"), 0;
	if (fraction(d, n, "strength", &strength) || fraction(d, n, "coverage", &coverage))
		return 0;
	if (!target && relationship != SCSEC_RELATIONSHIP_NO_RELATIONSHIP) {
		scsec__xml_report(d, n, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, source,
		                  "mapping of '%s': no target (only a no-relationship mapping may "
		                  "name none)", source);
		return 0;
	}
	if ((rc = scsec__mapping_new(&m, source, target, relationship)))
		return rc == SCSEC_ENOMEM ? rc : 0;
	m->strength = strength;
	m->coverage = coverage;
	m->rationale = rationale;
	m->loc = LOC(n);
	if (n->first && IS(n->first, "note") && (rc = scsec__set_str(&m->note, n->first->text))) {
		scsec__mapping_free(m);
		return rc == SCSEC_ENOMEM ? rc : 0;
	}
	if ((rc = scsec__mapping_set_append(set, m)))
		scsec__mapping_free(m);
	return rc;
}

static int set_from_xml(scsec_mapping_set **out, scsec__xdoc *d)
{
	const scsec__xnode *root = d->root, *k, *src = NULL, *tgt = NULL;
	const char *id, *version, *sid = NULL, *sver = NULL, *tid = NULL, *tver = NULL;
	const struct scsec_mapping *dup, *first;
	size_t errors = d->rep.errors;
	scsec_mapping_set *set = NULL;
	int provisional = 0, rc = 0, oom = 0;

	*out = NULL;
	if (!d->validated && scsec__xml_check_structure(d, root, &s_set, SCSEC__NS_MAPPING))
		return scsec__report_result(&d->rep);
	for (k = root->first; k; k = k->next) {
		if (IS(k, "source"))
			src = k;
		else if (IS(k, "target"))
			tgt = k;
	}
	if (scsec__xa_id(d, root, "id", &id) | scsec__xa_str(d, root, "version", 1, &version) |
	    scsec__xa_bool(d, root, "provisional", &provisional) | scsec__xa_id(d, src, "id", &sid) |
	    scsec__xa_str(d, src, "version", 1, &sver) | scsec__xa_id(d, tgt, "id", &tid) |
	    scsec__xa_str(d, tgt, "version", 1, &tver))
		return scsec__report_result(&d->rep);
	if ((rc = scsec_mapping_set_new(&set, id, version, sid, sver, tid, tver))) {
		if (rc != SCSEC_ENOMEM)
			scsec__xml_report(d, root, SCSEC_SEVERITY_ERROR, SCSEC_ESCHEMA, NULL,
			                  "element 'mapping-set': %s", scsec_error_message(scsec_error_last()));
		return rc == SCSEC_ENOMEM ? rc : scsec__report_result(&d->rep);
	}
	set->provisional = provisional;
	for (k = root->first; k && !oom; k = k->next) {
		if (IS(k, "title")) {
			oom = scsec__set_str(&set->title, k->text) == SCSEC_ENOMEM;
		} else if (IS(k, "accept")) {
			const char *m = scsec__xattr_token(k, "method");

			if (m && !strcmp(m, "expert-reviewed"))
				set->accepted |= 1u << SCSEC_METHOD_EXPERT_REVIEWED;
			else if (m && !strcmp(m, "third-party"))
				set->accepted |= 1u << SCSEC_METHOD_THIRD_PARTY;
			else
				bad(d, k, "method", m ? m : "", "expert-reviewed or third-party");
		} else if (IS(k, "mapping")) {
			oom = read_mapping(d, set, k) == SCSEC_ENOMEM;
		}
	}
	if (!oom) {
		scsec__mapping_set_sort(set, &dup, &first);
		if (dup)
			scsec__report(&d->rep, dup->loc.line, dup->loc.column, SCSEC_SEVERITY_ERROR,
			              SCSEC_EEXISTS, dup->source,
			              "'%s' is mapped to '%s' a second time (the first is at line %lu)",
			              dup->source, dup->target ? dup->target : "nothing", first->loc.line);
	}
	if (oom || d->rep.oom)
		rc = scsec__error_set(SCSEC_ENOMEM, "out of memory");
	else if (d->rep.errors > errors)
		rc = scsec__report_result(&d->rep);
	if (rc) {
		scsec_mapping_set_free(set);
		return rc;
	}
	*out = set;
	return 0;
}

static int read_set(void *out, scsec__source *src, const void *arg,
                    const scsec_load_options *opts, scsec_diagnostics *diags)
{
	scsec__xdoc doc;
	int rc, first;

	/* The form is told by the content: OSCAL mapping-collection JSON starts with '{'. */
	if ((rc = scsec__source_peek(src, &first))) {
		scsec__diag_add(diags, SCSEC_SEVERITY_ERROR, rc, NULL, src->name, 0, 0, "%s",
		                scsec_error_message(scsec_error_last()));
		return rc;
	}
	if (first == '{')
		return scsec__mapping_set_read_oscal(out, src, arg, opts, diags);
	rc = scsec__xml_parse(&doc, src, opts, SCSEC__SCHEMA_MAPPING, diags);
	if (!rc)
		rc = set_from_xml(out, &doc);
	scsec__xdoc_dispose(&doc);
	return rc;
}

int scsec_mapping_set_load_file(scsec_mapping_set **out, const char *path,
                                const scsec_load_options *opts, scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(path);
	return scsec__read(out, read_set, NULL, path, NULL, 0, NULL, opts, diags);
}

int scsec_mapping_set_load_memory(scsec_mapping_set **out, const void *data, size_t size,
                                  const char *name, const scsec_load_options *opts,
                                  scsec_diagnostics *diags)
{
	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(data || !size);
	return scsec__read(out, read_set, NULL, NULL, data, size, name, opts, diags);
}

/* ----------------------------------------------------------------- writing */

int scsec__mapping_set_to_xml(scsec__buf *b, const scsec_mapping_set *s)
{
	char num[8];
	size_t i;

	scsec__buf_puts(b, SCSEC__XML_DECL "<mapping-set xmlns=\"" SCSEC__NS_MAPPING "\"");
	scsec__xw_attr(b, "id", s->id);
	scsec__xw_attr(b, "version", s->version);
	if (s->provisional)
		scsec__xw_attr(b, "provisional", "true");
	scsec__buf_puts(b, ">\n");
	scsec__xw_elem(b, 1, "title", NULL, s->title);
	scsec__buf_puts(b, "  <source");
	scsec__xw_attr(b, "id", s->source_id);
	scsec__xw_attr(b, "version", s->source_version);
	scsec__buf_puts(b, "/>\n  <target");
	scsec__xw_attr(b, "id", s->target_id);
	scsec__xw_attr(b, "version", s->target_version);
	scsec__buf_puts(b, "/>\n");
	if (s->accepted & (1u << SCSEC_METHOD_EXPERT_REVIEWED))
		scsec__buf_puts(b, "  <accept method=\"expert-reviewed\"/>\n");
	if (s->accepted & (1u << SCSEC_METHOD_THIRD_PARTY))
		scsec__buf_puts(b, "  <accept method=\"third-party\"/>\n");
	for (i = 0; i < s->count; i++) {
		const struct scsec_mapping *m = s->items[i];

		scsec__buf_puts(b, "  <mapping");
		scsec__xw_attr(b, "source", m->source);
		scsec__xw_attr(b, "target", m->target);
		scsec__xw_attr(b, "relationship", scsec_relationship_name(m->relationship));
		if (m->strength >= 0) {
			scsec__permille_format(num, m->strength);
			scsec__xw_attr(b, "strength", num);
		}
		if (m->coverage >= 0) {
			scsec__permille_format(num, m->coverage);
			scsec__xw_attr(b, "coverage", num);
		}
		if (m->rationale)
			scsec__xw_attr(b, "rationale", scsec_rationale_name(m->rationale));
		if (!m->note) {
			scsec__buf_puts(b, "/>\n");
			continue;
		}
		scsec__buf_puts(b, ">\n");
		scsec__xw_elem(b, 2, "note", NULL, m->note);
		scsec__buf_puts(b, "  </mapping>\n");
	}
	scsec__buf_puts(b, "</mapping-set>\n");
	return scsec__buf_error(b);
}

int scsec_mapping_set_write_memory(char **out, size_t *size, const scsec_mapping_set *s)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(s);
	if ((rc = scsec__mapping_set_to_xml(&b, s))) {
		scsec__buf_dispose(&b);
		return rc;
	}
	*out = scsec__buf_detach(&b, size);
	return *out ? 0 : SCSEC_ENOMEM;
}

int scsec_mapping_set_save(const scsec_mapping_set *s, const char *path, unsigned int flags)
{
	scsec__buf b = SCSEC__BUF_INIT;
	int rc;

	SCSEC__CHECK_ARG(s);
	SCSEC__CHECK_ARG(path);
	SCSEC__CHECK_ARG((flags & ~(unsigned)SCSEC_WRITE_GZIP) == 0);
	if (!(rc = scsec__mapping_set_to_xml(&b, s)))
		rc = scsec__write_file_atomic(path, b.data, b.len, flags & SCSEC_WRITE_GZIP);
	scsec__buf_dispose(&b);
	return rc;
}

/* ------------------------------------------------------------ built-in sets */

/* The embedded files named ID.mapping.xml (data/mapping/), in the order
 * the build lists them. */
#define SUFFIX ".mapping.xml"

static const struct scsec__embedded *builtin_at(size_t want)
{
	const struct scsec__embedded *e;
	size_t n = 0, sl = sizeof SUFFIX - 1;

	for (e = scsec__embedded_files; e->name; e++) {
		size_t len = strlen(e->name);

		if (len > sl && !strcmp(e->name + len - sl, SUFFIX) && n++ == want)
			return e;
	}
	return NULL;
}

size_t scsec_mapping_set_builtin_count(void)
{
	size_t n = 0;

	while (builtin_at(n))
		n++;
	return n;
}

/* The ids, filled once (pthread_once) for the life of the process. */
#define MAX_BUILTINS 64
static char builtin_ids[MAX_BUILTINS][72];
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void fill_ids(void)
{
	const struct scsec__embedded *e;
	size_t i, len;

	for (i = 0; i < MAX_BUILTINS && (e = builtin_at(i)); i++) {
		len = strlen(e->name) - (sizeof SUFFIX - 1);
		if (len < sizeof builtin_ids[i]) {
			memcpy(builtin_ids[i], e->name, len);
			builtin_ids[i][len] = 0;
		}
	}
}

const char *scsec_mapping_set_builtin_id(size_t i)
{
	if (i >= MAX_BUILTINS || !builtin_at(i))
		return NULL;
	pthread_once(&builtin_once, fill_ids);
	return builtin_ids[i][0] ? builtin_ids[i] : NULL;
}

int scsec_mapping_set_builtin(scsec_mapping_set **out, const char *id)
{
	const struct scsec__embedded *e;
	char name[96];
	size_t i;

	SCSEC__CHECK_ARG(out);
	*out = NULL;
	SCSEC__CHECK_ARG(id);
	for (i = 0; (e = builtin_at(i)); i++) {
		size_t len = strlen(e->name) - (sizeof SUFFIX - 1);

		if (strlen(id) == len && !memcmp(id, e->name, len)) {
			snprintf(name, sizeof name, "<built-in %.64s>", id);
			return scsec_mapping_set_load_memory(out, e->data, e->size, name, NULL, NULL);
		}
	}
	return scsec__error_set(SCSEC_ENOTFOUND, "no built-in mapping set '%.64s'", id);
}
