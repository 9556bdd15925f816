/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* OSCAL in: catalogs and profiles (tests/data/oscal/) as criteria sets, in
 * JSON and XML; profile selections (include-all, with-ids, matching,
 * with-child-controls, exclude-controls, profile chains); the level
 * property; hostile documents; and NIST's SP 800-53 baselines when a copy
 * of usnistgov/oscal-content is named by SCSEC_OSCAL_CONTENT. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <scsec/scsec.h>

#include "testutil.h"

static const char *data_path(char *buf, size_t size, const char *name)
{
	char rel[256];

	snprintf(rel, sizeof rel, "tests/data/oscal/%s", name);
	return test_srcpath(buf, size, rel);
}

/* Import the catalog with profiles "rank=label:file" (NULL-ended), the
 * files under tests/data/oscal. Returns the code; *out the set. */
static int import(scsec_criteria **out, const char *catalog, const char *const *profiles,
                  scsec_diagnostics *diags)
{
	scsec_oscal_import *imp = NULL;
	char path[4096];
	size_t i;
	int rc;

	ck_ok(scsec_oscal_import_new(&imp));
	for (i = 0; profiles && profiles[i]; i++) {
		int rank = atoi(profiles[i]);
		const char *eq = strchr(profiles[i], '='), *colon = strchr(profiles[i], ':');
		char label[64];

		ck_assert(eq && colon);
		snprintf(label, sizeof label, "%.*s", (int)(colon - eq - 1), eq + 1);
		ck_ok(scsec_oscal_import_add_profile(imp, rank, rank ? label : NULL,
		                                     data_path(path, sizeof path, colon + 1)));
	}
	rc = scsec_criteria_import_oscal(out, data_path(path, sizeof path, catalog), imp, NULL, diags);
	scsec_oscal_import_free(imp);
	return rc;
}

static int has_diag(const scsec_diagnostics *d, scsec_severity sev, const char *part)
{
	size_t i;

	for (i = 0; i < scsec_diagnostics_count(d); i++) {
		const scsec_diagnostic *g = scsec_diagnostics_at(d, i);

		if (scsec_diagnostic_severity(g) == sev && strstr(scsec_diagnostic_message(g), part))
			return 1;
	}
	return 0;
}

static int min_level(const scsec_criteria *c, const char *id)
{
	const scsec_criterion *cr = scsec_criteria_criterion(c, id);

	ck_assert_msg(cr != NULL, "no criterion %s", id);
	return scsec_criterion_min_level(cr);
}

static const char *const three[] = { "1=LOW:low.json", "2=MODERATE:moderate.json",
	                              "3=HIGH:high.json", NULL };

START_TEST(three_baselines)
{
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	const scsec_criterion *cr;
	const char *fw, *clauses;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(import(&c, "catalog.json", three, d));
	ck_assert_uint_eq(scsec_criteria_level_count(c), 3);
	ck_assert_str_eq(scsec_level_label(scsec_criteria_level_by_rank(c, 2)), "MODERATE");
	ck_assert_str_eq(scsec_level_title(scsec_criteria_level_by_rank(c, 1), NULL),
	                 "Example LOW baseline");
	ck_assert_str_eq(scsec_criteria_id(c), "0b2f1a4e-6c1d-4c55-9a43-2f7d6f0a1c01");
	ck_assert_str_eq(scsec_criteria_version(c), "1.0");
	ck_assert_str_eq(scsec_criteria_publisher(c), "Example Standards Body");
	/* 9 controls, one withdrawn */
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 8);
	ck_assert_ptr_null(scsec_criteria_criterion(c, "ac-3"));
	ck_assert_int_eq(min_level(c, "ac-1"), 1);
	ck_assert_int_eq(min_level(c, "ac-2"), 1);
	ck_assert_int_eq(min_level(c, "ac-2.1"), 2);   /* with-child-controls */
	ck_assert_int_eq(min_level(c, "ac-2.2"), 2);
	ck_assert_int_eq(min_level(c, "ac-2.2.1"), 3); /* excluded from MODERATE */
	ck_assert_int_eq(min_level(c, "ir-1"), 1);
	ck_assert_int_eq(min_level(c, "ir-2"), 2);     /* matching ir-? */
	ck_assert_int_eq(min_level(c, "ir-9"), 3);     /* excluded, then include-all */
	ck_assert(scsec_criterion_applies_at(scsec_criteria_criterion(c, "ir-2"), 3));
	/* enhancements belong to their control's requirement */
	cr = scsec_criteria_criterion(c, "ac-2.2.1");
	ck_assert_str_eq(scsec_requirement_id(scsec_criterion_requirement(cr)), "ac-2:req");
	ck_assert_str_eq(scsec_requirement_name(scsec_criterion_requirement(cr), NULL),
	                 "Account Management");
	/* the statement, parameters replaced; guidance left out */
	ck_assert_str_eq(scsec_criterion_text(scsec_criteria_criterion(c, "ac-1"), NULL),
	                 "Policy and Procedures\nDevelop, document, and disseminate to [Assignment: "
	                 "organization-defined personnel or roles] an access control policy.");
	ck_assert_str_eq(scsec_criterion_text(scsec_criteria_criterion(c, "ac-2"), NULL),
	                 "Account Management\na. Define the types of accounts allowed;\nb. Review "
	                 "accounts [Selection (one or more): daily; weekly].");
	/* props as references */
	cr = scsec_criteria_criterion(c, "ac-1");
	ck_assert_uint_eq(scsec_criterion_reference_count(cr), 2);
	ck_ok(scsec_criterion_reference_get(&fw, &clauses, cr, 0));
	ck_assert_str_eq(fw, "oscal:label");
	ck_assert_str_eq(clauses, "AC-1");
	/* groups as categories; a group with controls and subgroups */
	ck_assert_str_eq(scsec_category_title(scsec_criteria_category(c, "ac"), NULL),
	                 "Access Control");
	ck_assert_ptr_eq(scsec_category_parent(scsec_criteria_category(c, "ir-a")),
	                 scsec_criteria_category(c, "ir"));
	ck_assert_ptr_nonnull(scsec_criteria_category(c, "ir:controls"));
	/* modify and merge ignored, and said so */
	ck_assert(has_diag(d, SCSEC_SEVERITY_NOTE, "'modify' is ignored"));
	ck_assert(has_diag(d, SCSEC_SEVERITY_NOTE, "'merge' is ignored"));
	ck_assert(has_diag(d, SCSEC_SEVERITY_NOTE, "1 withdrawn"));
	ck_assert_uint_eq(scsec_diagnostics_count_severity(d, SCSEC_SEVERITY_ERROR), 0);
	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

static char *canonical(const scsec_criteria *c)
{
	char *x = NULL;
	size_t n = 0;

	ck_ok(scsec_criteria_write_memory(&x, &n, c));
	return x;
}

START_TEST(xml_reads_as_json)
{
	static const char *const xml_profiles[] = { "1=LOW:low.json", "2=MODERATE:moderate.xml",
		                                    "3=HIGH:high.json", NULL };
	scsec_criteria *a = NULL, *b = NULL, *back = NULL;
	char *xa, *xb;

	ck_ok(import(&a, "catalog.json", three, NULL));
	ck_ok(import(&b, "catalog.xml", xml_profiles, NULL));
	xa = canonical(a);
	xb = canonical(b);
	ck_assert_str_eq(xa, xb);
	ck_assert_str_eq(scsec_criteria_fingerprint(a), scsec_criteria_fingerprint(b));
	/* the imported set is a valid criteria set */
	ck_ok(scsec_criteria_load_memory(&back, xa, strlen(xa), "imported.xml", NULL, NULL));
	ck_assert_str_eq(scsec_criteria_fingerprint(back), scsec_criteria_fingerprint(a));
	scsec_free(xa);
	scsec_free(xb);
	scsec_criteria_free(a);
	scsec_criteria_free(b);
	scsec_criteria_free(back);
}
END_TEST

START_TEST(catalog_alone_is_one_level)
{
	scsec_criteria *c = NULL;

	ck_ok(import(&c, "catalog.xml", NULL, NULL));
	ck_assert_uint_eq(scsec_criteria_level_count(c), 1);
	ck_assert_str_eq(scsec_level_label(scsec_criteria_level_at(c, 0)), "all");
	ck_assert_uint_eq(scsec_criteria_criterion_count(c), 8);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_at(c, 0)), 8);
	scsec_criteria_free(c);
}
END_TEST

/* ------------------------------------------------------------ in memory */

static const char mini_catalog[] =
	"{\"catalog\":{\"uuid\":\"11111111-2222-4333-8444-555555555555\","
	"\"metadata\":{\"title\":\"Mini\",\"last-modified\":\"2026-01-01T00:00:00Z\","
	"\"version\":\"2\",\"oscal-version\":\"1.2.0\"},"
	"\"controls\":["
	"{\"id\":\"c-1\",\"title\":\"One\",\"props\":[{\"name\":\"implementation-group\",\"value\":\"IG1\"},"
	"{\"name\":\"implementation-group\",\"value\":\"IG2\"}]},"
	"{\"id\":\"c-2\",\"title\":\"Two\",\"props\":[{\"name\":\"implementation-group\",\"value\":\"IG2\"}],"
	"\"controls\":[{\"id\":\"c-2.1\",\"title\":\"Two one\","
	"\"props\":[{\"name\":\"implementation-group\",\"value\":\"IG3\"}]}]},"
	"{\"id\":\"c-3\",\"title\":\"Three\"}]}}";

static scsec_oscal_import *mem_profiles(const char *const *docs)
{
	scsec_oscal_import *imp = NULL;
	size_t i;

	ck_ok(scsec_oscal_import_new(&imp));
	for (i = 0; docs[i]; i += 3) {
		int rank = atoi(docs[i]);

		ck_ok(scsec_oscal_import_add_profile_memory(imp, rank, rank ? docs[i] : NULL,
		                                            docs[i + 2], strlen(docs[i + 2]),
		                                            docs[i + 1]));
	}
	return imp;
}

#define PROFILE(uuid, imports)                                                                     \
	"{\"profile\":{\"uuid\":\"" uuid "\",\"metadata\":{\"title\":\"P\",\"last-modified\":"        \
	"\"2026-01-01T00:00:00Z\",\"version\":\"1\",\"oscal-version\":\"1.1.2\"},\"imports\":[" imports \
	"]}}"

/* A choice inserting a parameter is filled in, one level deep (what that
 * brings stays as written); an item's prose
 * starting with blanks follows its label after one space. */
START_TEST(choices_and_items)
{
	static const char cat[] =
		"{\"catalog\":{\"uuid\":\"u\",\"metadata\":{\"title\":\"T\",\"version\":\"1\","
		"\"oscal-version\":\"1.1.2\"},\"params\":[{\"id\":\"p1\",\"label\":\"L\"},"
		"{\"id\":\"p2\",\"select\":{\"choice\":[\"x\",\" {{ insert: param, p1 }} \"]}},"
		"{\"id\":\"p3\",\"select\":{\"choice\":[\"{{ insert: param, p2 }}\"]}}],"
		"\"controls\":[{\"id\":\"a\",\"title\":\"A\",\"parts\":[{\"name\":\"statement\","
		"\"parts\":[{\"name\":\"item\",\"props\":[{\"name\":\"label\",\"value\":\"a.\"}],"
		"\"prose\":\"  {{ insert: param, p2 }} and {{ insert: param, p3 }}\"}]}]}]}}";
	scsec_criteria *c = NULL;

	ck_ok(scsec_criteria_import_oscal_memory(&c, cat, strlen(cat), "c.json", NULL, NULL, NULL));
	ck_assert_str_eq(scsec_criterion_text(scsec_criteria_criterion(c, "a"), NULL),
	                 "A\na. [Selection: x; [Assignment: L]] and [Selection: [Selection: x; "
	                 "{{ insert: param, p1 }}]]"); /* one level of nesting, no more */
	scsec_criteria_free(c);
}
END_TEST

START_TEST(level_property)
{
	scsec_oscal_import *imp = NULL;
	scsec_criteria *c = NULL;
	scsec_diagnostics *d = NULL;
	const scsec_criterion *cr;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(scsec_oscal_import_new(&imp));
	ck_ok(scsec_oscal_import_set_level_prop(imp, "implementation-group"));
	ck_assert_int_eq(scsec_oscal_import_add_profile(imp, 1, "x", "p.json"), SCSEC_EINVAL);
	ck_ok(scsec_criteria_import_oscal_memory(&c, mini_catalog, strlen(mini_catalog), "mini.json",
	                                         imp, NULL, d));
	ck_assert_uint_eq(scsec_criteria_level_count(c), 3);
	ck_assert_str_eq(scsec_level_label(scsec_criteria_level_by_rank(c, 3)), "IG3");
	ck_assert_int_eq(min_level(c, "c-1"), 1);
	cr = scsec_criteria_criterion(c, "c-1");
	ck_assert(scsec_criterion_applies_at(cr, 1) && scsec_criterion_applies_at(cr, 2));
	ck_assert(!scsec_criterion_applies_at(cr, 3)); /* not cumulative: exactly IG1 and IG2 */
	ck_assert_int_eq(min_level(c, "c-2.1"), 3);
	ck_assert_ptr_null(scsec_criteria_criterion(c, "c-3"));
	/* controls outside any group */
	ck_assert_ptr_nonnull(scsec_criteria_category(c, "oscal:controls"));
	/* the level property is not kept as a reference */
	ck_assert_uint_eq(scsec_criterion_reference_count(cr), 0);
	ck_assert(has_diag(d, SCSEC_SEVERITY_NOTE, "1 selected by no level"));
	scsec_criteria_free(c);
	scsec_oscal_import_free(imp);
	scsec_diagnostics_free(d);
}
END_TEST

START_TEST(profile_chain_and_levels_that_do_not_nest)
{
	static const char *const docs[] = {
		"0", "base.json",
		PROFILE("a0000000-0000-4000-8000-000000000001",
		        "{\"href\":\"mini.json\",\"include-controls\":[{\"with-ids\":[\"c-1\",\"c-2\"],"
		        "\"with-child-controls\":\"yes\"}]}"),
		"1", "one.json",
		PROFILE("a0000000-0000-4000-8000-000000000002",
		        "{\"href\":\"base.json\",\"include-all\":{},\"exclude-controls\":[{\"with-ids\":[\"c-2\"]}]}"),
		"2", "two.json",
		PROFILE("a0000000-0000-4000-8000-000000000003",
		        "{\"href\":\"./base.json\",\"include-controls\":[{\"matching\":[{\"pattern\":\"c-2*\"}]}]}"),
		NULL
	};
	scsec_oscal_import *imp = mem_profiles(docs);
	scsec_criteria *c = NULL;
	const scsec_criterion *cr;

	ck_ok(scsec_criteria_import_oscal_memory(&c, mini_catalog, strlen(mini_catalog), "mini.json",
	                                         imp, NULL, NULL));
	ck_assert_uint_eq(scsec_criteria_level_count(c), 2);
	cr = scsec_criteria_criterion(c, "c-1");
	ck_assert(scsec_criterion_applies_at(cr, 1) && !scsec_criterion_applies_at(cr, 2));
	cr = scsec_criteria_criterion(c, "c-2");
	ck_assert(!scsec_criterion_applies_at(cr, 1) && scsec_criterion_applies_at(cr, 2));
	/* excluding c-2 left its child (with-child-controls not given) */
	ck_assert(scsec_criterion_applies_at(scsec_criteria_criterion(c, "c-2.1"), 1));
	ck_assert_ptr_null(scsec_criteria_criterion(c, "c-3"));
	scsec_criteria_free(c);
	scsec_oscal_import_free(imp);
}
END_TEST

static int import_mem_fails(const char *const *docs, const char *catalog, int code,
                            const char *part)
{
	scsec_oscal_import *imp = mem_profiles(docs);
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	int rc;

	ck_ok(scsec_diagnostics_new(&d));
	rc = scsec_criteria_import_oscal_memory(&c, catalog, strlen(catalog), "mini.json", imp, NULL,
	                                        d);
	ck_assert_ptr_null(c);
	ck_assert_msg(rc == code, "rc %d, wanted %d: %s", rc, code,
	              scsec_error_message(scsec_error_last()));
	ck_assert_msg(has_diag(d, SCSEC_SEVERITY_ERROR, part), "no error saying '%s' (%s)", part,
	              scsec_error_message(scsec_error_last()));
	scsec_oscal_import_free(imp);
	scsec_diagnostics_free(d);
	return rc;
}

START_TEST(cycles_and_remote_imports_refused)
{
	static const char *const cycle[] = {
		"1", "a.json",
		PROFILE("a0000000-0000-4000-8000-000000000001",
		        "{\"href\":\"b.json\",\"include-all\":{}}"),
		"2", "b.json",
		PROFILE("a0000000-0000-4000-8000-000000000002",
		        "{\"href\":\"a.json\",\"include-all\":{}}"),
		NULL
	};
	static const char *const remote[] = {
		"1", "a.json",
		PROFILE("a0000000-0000-4000-8000-000000000001",
		        "{\"href\":\"https://example.org/mini.json\",\"include-all\":{}}"),
		NULL
	};
	static const char *const remote_rlink[] = {
		"1", "a.json",
		"{\"profile\":{\"uuid\":\"a0000000-0000-4000-8000-000000000001\",\"metadata\":{\"title\":"
		"\"P\",\"last-modified\":\"2026-01-01T00:00:00Z\",\"version\":\"1\",\"oscal-version\":"
		"\"1.1.2\"},\"imports\":[{\"href\":\"#r\",\"include-all\":{}}],\"back-matter\":{"
		"\"resources\":[{\"uuid\":\"r\",\"rlinks\":[{\"href\":\"http://example.org/c.json\"}]}]}}}",
		NULL
	};
	static const char *const missing_profile[] = {
		"1", "a.json",
		PROFILE("a0000000-0000-4000-8000-000000000001",
		        "{\"href\":\"other_profile.json\",\"include-all\":{}}"),
		NULL
	};

	import_mem_fails(cycle, mini_catalog, SCSEC_EINVALID, "cycle");
	import_mem_fails(remote, mini_catalog, SCSEC_EUNSAFE, "never fetches");
	import_mem_fails(remote_rlink, mini_catalog, SCSEC_EUNSAFE, "never fetches");
	import_mem_fails(missing_profile, mini_catalog, SCSEC_ENOTFOUND, "not given");
}
END_TEST

START_TEST(bad_documents)
{
	static const char *const none[] = { NULL };
	static const char *const profile_as_catalog = PROFILE(
		"a0000000-0000-4000-8000-000000000001", "{\"href\":\"x.json\",\"include-all\":{}}");
	static const char version2[] =
		"{\"catalog\":{\"uuid\":\"u\",\"metadata\":{\"title\":\"T\",\"version\":\"1\","
		"\"oscal-version\":\"2.0.0\"},\"controls\":[{\"id\":\"a\",\"title\":\"A\"}]}}";
	static const char no_title[] =
		"{\"catalog\":{\"uuid\":\"u\",\"metadata\":{\"title\":\"T\",\"version\":\"1\","
		"\"oscal-version\":\"1.0.0\"},\"controls\":[{\"id\":\"a\"}]}}";
	static const char bad_id[] =
		"{\"catalog\":{\"uuid\":\"u\",\"metadata\":{\"title\":\"T\",\"version\":\"1\","
		"\"oscal-version\":\"1.0.0\"},\"controls\":[{\"id\":\"_a\",\"title\":\"A\"}]}}";
	static const char dup_key[] =
		"{\"catalog\":{\"uuid\":\"u\",\"uuid\":\"v\"}}";
	static const char control_chars[] =
		"{\"catalog\":{\"uuid\":\"u\",\"metadata\":{\"title\":\"T\",\"version\":\"1\","
		"\"oscal-version\":\"1.0.0\"},\"controls\":[{\"id\":\"a\",\"title\":\"A\\u0001\"}]}}";

	import_mem_fails(none, profile_as_catalog, SCSEC_EINVALID, "not a catalog");
	import_mem_fails(none, version2, SCSEC_EVERSION, "not supported");
	import_mem_fails(none, no_title, SCSEC_ESCHEMA, "/catalog/controls/0");
	import_mem_fails(none, bad_id, SCSEC_EINVALID, "cannot be a libscsec id");
	import_mem_fails(none, dup_key, SCSEC_EPARSE, "duplicate");
	import_mem_fails(none, control_chars, SCSEC_EENCODING, "control characters");
}
END_TEST

START_TEST(xml_errors_have_positions)
{
	static const char xml[] =
		"<?xml version=\"1.0\"?>\n"
		"<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"u\">\n"
		"  <metadata><title>T</title><version>1</version><oscal-version>1.1.2</oscal-version></metadata>\n"
		"  <control id=\"ok\"><title>A</title></control>\n"
		"  <control id=\"_bad\"><title>B</title></control>\n"
		"</catalog>\n";
	scsec_diagnostics *d = NULL;
	scsec_criteria *c = NULL;
	const scsec_diagnostic *g;

	ck_ok(scsec_diagnostics_new(&d));
	ck_assert_int_eq(scsec_criteria_import_oscal_memory(&c, xml, strlen(xml), "c.xml", NULL, NULL, d),
	                 SCSEC_EINVALID);
	ck_assert_uint_ge(scsec_diagnostics_count(d), 1);
	g = scsec_diagnostics_at(d, 0);
	ck_assert_str_eq(scsec_diagnostic_file(g), "c.xml");
	ck_assert_uint_eq(scsec_diagnostic_line(g), 5);
	ck_assert_uint_eq(scsec_error_line(scsec_error_last()), 5);
	scsec_diagnostics_free(d);
}
END_TEST

/* ------------------------------------------------------------ hostile input */

START_TEST(hostile_documents)
{
	static const char *const none[] = { NULL };
	static const char laughs[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE catalog [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
		"<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"u\"><metadata><title>&c;</title>"
		"</metadata></catalog>\n";
	char *deep, *big, *bomb;
	size_t i, n;
	scsec_criteria *c = NULL;

	import_mem_fails(none, laughs, SCSEC_EUNSAFE, "DOCTYPE");

	/* nested deeper than the depth limit */
	n = 100000;
	deep = malloc(2 * n + 64);
	ck_assert_ptr_nonnull(deep);
	memcpy(deep, "{\"catalog\":", 11);
	memset(deep + 11, '[', n);
	memset(deep + 11 + n, ']', n);
	strcpy(deep + 11 + 2 * n, "}");
	import_mem_fails(none, deep, SCSEC_ELIMIT, "deep");
	free(deep);

	/* a string longer than the longest text */
	n = (1u << 20) + 10;
	big = malloc(n + 200);
	ck_assert_ptr_nonnull(big);
	strcpy(big, "{\"catalog\":{\"uuid\":\"");
	memset(big + strlen(big), 'x', n);
	strcpy(big + 20 + n, "\"}}");
	import_mem_fails(none, big, SCSEC_ELIMIT, "long");
	free(big);

	/* parameter insertions that would expand past every bound */
	{
		const size_t label = 60000, inserts = 3000;
		const char *ins = "{{ insert: param, p }}";
		size_t at;

		bomb = malloc(label + inserts * strlen(ins) + 1000);
		ck_assert_ptr_nonnull(bomb);
		at = (size_t)sprintf(bomb, "{\"catalog\":{\"uuid\":\"u\",\"metadata\":{\"title\":\"T\","
		                     "\"version\":\"1\",\"oscal-version\":\"1.1.2\"},\"params\":[{\"id\":"
		                     "\"p\",\"label\":\"");
		memset(bomb + at, 'L', label);
		at += label;
		at += (size_t)sprintf(bomb + at, "\"}],\"controls\":[{\"id\":\"a\",\"title\":\"A\","
		                      "\"parts\":[{\"name\":\"statement\",\"prose\":\"");
		for (i = 0; i < inserts; i++) {
			memcpy(bomb + at, ins, strlen(ins));
			at += strlen(ins);
		}
		strcpy(bomb + at, "\"}]}]}}");
		import_mem_fails(none, bomb, SCSEC_ELIMIT, "longer than");
		free(bomb);
	}
	/* the document-size limit */
	{
		scsec_load_options *o = NULL;
		int rc;

		ck_ok(scsec_load_options_new(&o));
		ck_ok(scsec_load_options_set(o, SCSEC_LOAD_MAX_DOCUMENT_SIZE, 100));
		rc = scsec_criteria_import_oscal_memory(&c, mini_catalog, strlen(mini_catalog), "m.json",
		                                        NULL, o, NULL);
		ck_assert_int_eq(rc, SCSEC_ELIMIT);
		scsec_load_options_free(o);
	}
}
END_TEST

START_TEST(arguments)
{
	scsec_oscal_import *imp = NULL;
	scsec_criteria *c = (scsec_criteria *)1;

	ck_assert_int_eq(scsec_oscal_import_new(NULL), SCSEC_EINVAL);
	ck_ok(scsec_oscal_import_new(&imp));
	ck_assert_int_eq(scsec_oscal_import_add_profile(imp, 100, "x", "p"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_oscal_import_add_profile(imp, 1, "", "p"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_oscal_import_add_profile(imp, 0, "x", "p"), SCSEC_EINVAL);
	ck_ok(scsec_oscal_import_add_profile(imp, 1, "x", "p"));
	ck_assert_int_eq(scsec_oscal_import_add_profile(imp, 1, "y", "q"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_oscal_import_set_level_prop(imp, "ig"), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_criteria_import_oscal(&c, NULL, imp, NULL, NULL), SCSEC_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(scsec_criteria_import_oscal(&c, "/nonexistent/catalog.json", imp, NULL,
	                                             NULL),
	                 SCSEC_EIO);
	scsec_oscal_import_free(imp);
	scsec_oscal_import_free(NULL);
}
END_TEST

/* ------------------------------------------------------------ NIST's baselines */

START_TEST(nist_800_53_baselines)
{
	const char *dir = getenv("SCSEC_OSCAL_CONTENT");
	char cat[4096], p[3][4096];
	static const char *const names[3] = { "LOW", "MODERATE", "HIGH" };
	scsec_oscal_import *imp = NULL;
	scsec_criteria *c = NULL;
	FILE *f;
	int i;

	if (!dir) {
		fprintf(stderr, "check_oscal: SCSEC_OSCAL_CONTENT not set: NIST's 800-53 test skipped\n");
		return;
	}
	snprintf(cat, sizeof cat, "%s/nist.gov/SP800-53/rev5/json/"
	         "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json", dir);
	if (!(f = fopen(cat, "r"))) {
		fprintf(stderr, "check_oscal: %s absent: NIST's 800-53 test skipped\n", cat);
		return;
	}
	fclose(f);
	ck_ok(scsec_oscal_import_new(&imp));
	for (i = 0; i < 3; i++) {
		snprintf(p[i], sizeof p[i], "%s/nist.gov/SP800-53/rev5/json/"
		         "NIST_SP-800-53_rev5_%s-baseline_profile.json", dir, names[i]);
		ck_ok(scsec_oscal_import_add_profile(imp, i + 1, names[i], p[i]));
	}
	ck_ok(scsec_criteria_import_oscal(&c, cat, imp, NULL, NULL));
	/* SP 800-53B: 149 LOW, 287 MODERATE, 370 HIGH controls and enhancements */
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 1)), 149);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 2)), 287);
	ck_assert_uint_eq(scsec_level_criterion_count(scsec_criteria_level_by_rank(c, 3)), 370);
	scsec_criteria_free(c);
	scsec_oscal_import_free(imp);
}
END_TEST

/* ------------------------------------------------------------ OSCAL out */

START_TEST(export_round_trip)
{
	scsec_criteria *c = NULL, *back = NULL;
	scsec_oscal_import *imp = NULL;
	char *cat = NULL, *cat2 = NULL, *prof[3] = { NULL, NULL, NULL };
	size_t n = 0, n2 = 0, i;

	ck_ok(import(&c, "catalog.json", three, NULL));
	ck_ok(scsec_criteria_oscal_catalog(&cat, &n, c));
	ck_assert_uint_eq(n, strlen(cat));
	ck_ok(scsec_criteria_oscal_catalog(&cat2, &n2, c));
	ck_assert_str_eq(cat, cat2); /* deterministic */
	scsec_free(cat2);
	cat2 = NULL;
	ck_assert_ptr_nonnull(strstr(cat, "\"last-modified\": \"2026-01-15T00:00:00Z\""));
	ck_ok(scsec_oscal_import_new(&imp));
	for (i = 0; i < 3; i++) {
		static const char *const labels[3] = { "LOW", "MODERATE", "HIGH" };
		char name[32];

		ck_ok(scsec_criteria_oscal_profile(&prof[i], NULL, c, (int)i + 1, "out.json"));
		snprintf(name, sizeof name, "p%zu.json", i);
		ck_ok(scsec_oscal_import_add_profile_memory(imp, (int)i + 1, labels[i], prof[i],
		                                            strlen(prof[i]), name));
	}
	ck_assert_int_eq(scsec_criteria_oscal_profile(&cat2, NULL, c, 9, "out.json"), SCSEC_ENOTFOUND);
	ck_assert_ptr_null(cat2);
	ck_ok(scsec_criteria_import_oscal_memory(&back, cat, n, "out.json", imp, NULL, NULL));
	/* the same set, byte for byte */
	ck_assert_str_eq(scsec_criteria_fingerprint(back), scsec_criteria_fingerprint(c));
	for (i = 0; i < 3; i++)
		scsec_free(prof[i]);
	scsec_free(cat);
	scsec_oscal_import_free(imp);
	scsec_criteria_free(back);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(results_out)
{
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL;
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL;
	char *a = NULL, *b = NULL, *p = NULL;
	scsec_date d;

	ck_ok(import(&c, "catalog.json", three, NULL));
	ck_ok(scsec_evidence_new(&ev, c));
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_date_parse(&d, "2026-06-01"));
	ck_ok(scsec_eval_options_set_as_of(o, d));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_ok(scsec_result_oscal_assessment_results(&a, NULL, r, ev));
	ck_ok(scsec_result_oscal_assessment_results(&b, NULL, r, NULL));
	ck_assert_ptr_nonnull(strstr(a, "\"last-modified\": \"2026-06-01T00:00:00Z\""));
	ck_assert_ptr_nonnull(strstr(a, "\"state\": \"not-satisfied\""));
	ck_assert_ptr_nonnull(strstr(a, "\"value\": \"missing\""));
	ck_assert_ptr_null(strstr(b, "\"observations\""));
	ck_ok(scsec_result_oscal_poam(&p, NULL, r, ev));
	ck_assert_ptr_nonnull(strstr(p, "\"poam-items\""));
	scsec_free(a);
	scsec_free(b);
	scsec_free(p);
	scsec_result_free(r);
	scsec_evidence_free(ev);
	scsec_eval_options_free(o);
	scsec_criteria_free(c);
}
END_TEST

START_TEST(results_in)
{
	static const char *const low[] = { "1=LOW:low.json", NULL };
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL;
	scsec_diagnostics *d = NULL;
	const scsec_entry *e;
	char path[4096], day[SCSEC_DATE_BUFSIZE];
	const char *uri = NULL, *sha = NULL;

	ck_ok(scsec_diagnostics_new(&d));
	ck_ok(import(&c, "catalog.json", low, NULL));
	ck_ok(scsec_evidence_import_oscal_results(&ev, data_path(path, sizeof path, "ar-foreign.json"),
	                                          c, NULL, d));
	ck_assert_uint_eq(scsec_evidence_entry_count(ev), 2);
	e = scsec_evidence_entry(ev, "ac-1"); /* target ac-1_obj */
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_THIRD_PARTY); /* EXAMINE and TEST */
	ck_ok(scsec_date_format(day, scsec_entry_assessed_on(e)));
	ck_assert_str_eq(day, "2026-04-10");
	ck_ok(scsec_date_format(day, scsec_entry_expires_on(e)));
	ck_assert_str_eq(day, "2027-04-09");
	ck_assert_str_eq(scsec_entry_assessor(e), "Aiko Tanaka");
	ck_assert_str_eq(scsec_entry_justification(e), "The policy was approved by the board.");
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 0));
	ck_assert_str_eq(uri, "https://grc.example.com/evidence/42");
	e = scsec_evidence_entry(ev, "ac-2");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NOT_MET);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_SELF);
	ck_assert_str_eq(scsec_evidence_criteria_id(ev), scsec_criteria_id(c));
	/* what has no place is said */
	ck_assert(has_diag(d, SCSEC_SEVERITY_WARNING, "finding for 'zz-9'"));
	ck_assert(has_diag(d, SCSEC_SEVERITY_WARNING, "relates to no finding"));
	ck_assert(has_diag(d, SCSEC_SEVERITY_NOTE, "'risks' has no place"));
	scsec_evidence_free(ev);
	/* not assessment-results */
	ck_assert_int_eq(scsec_evidence_import_oscal_results(&ev, data_path(path, sizeof path,
	                                                                    "low.json"),
	                                                     c, NULL, NULL),
	                 SCSEC_EINVALID);
	ck_assert_ptr_null(ev);
	scsec_criteria_free(c);
	scsec_diagnostics_free(d);
}
END_TEST

/* result -> assessment-results -> record -> the same result */
START_TEST(results_round_trip)
{
	static const char *const low[] = { "1=LOW:low.json", "2=MODERATE:moderate.json", NULL };
	scsec_criteria *c = NULL;
	scsec_evidence *ev = NULL, *back = NULL;
	scsec_eval_options *o = NULL;
	scsec_result *r = NULL, *r2 = NULL;
	scsec_entry *e = NULL;
	char *ar = NULL, *j1 = NULL, *j2 = NULL;
	scsec_date d;
	size_t i;

	ck_ok(import(&c, "catalog.json", low, NULL));
	ck_ok(scsec_evidence_new(&ev, c));
	for (i = 0; i < scsec_criteria_criterion_count(c); i++) {
		const char *id = scsec_criterion_id(scsec_criteria_criterion_at(c, i));

		if (!strcmp(id, "ir-2"))
			continue; /* unanswered: missing */
		ck_ok(scsec_entry_new(&e, id));
		ck_ok(scsec_entry_set_status(e, strcmp(id, "ac-2.1") ? SCSEC_STATUS_MET
		                                                     : SCSEC_STATUS_PARTIAL));
		ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_EXPERT_REVIEWED));
		ck_ok(scsec_date_parse(&d, "2026-02-01"));
		ck_ok(scsec_entry_set_assessed_on(e, d));
		ck_ok(scsec_entry_set_assessor(e, "Ken Sato", "A-1"));
		ck_ok(scsec_evidence_add(ev, e));
	}
	ck_ok(scsec_eval_options_new(&o));
	ck_ok(scsec_date_parse(&d, "2026-06-01"));
	ck_ok(scsec_eval_options_set_as_of(o, d));
	ck_ok(scsec_evaluate(&r, c, ev, o));
	ck_assert_int_eq(scsec_result_level(r), 1);
	ck_ok(scsec_result_oscal_assessment_results(&ar, NULL, r, ev));
	ck_ok(scsec_evidence_import_oscal_results_memory(&back, ar, strlen(ar), "ar.json", c, NULL,
	                                                 NULL));
	ck_ok(scsec_evaluate(&r2, c, back, o));
	ck_ok(scsec_result_to_json(&j1, NULL, r));
	ck_ok(scsec_result_to_json(&j2, NULL, r2));
	/* the same level, validity and gaps (the fingerprints differ: another record) */
	ck_assert_int_eq(scsec_result_level(r2), scsec_result_level(r));
	ck_assert_int_eq(scsec_result_valid_until(r2), scsec_result_valid_until(r));
	ck_assert_uint_eq(scsec_result_gap_count(r2), scsec_result_gap_count(r));
	for (i = 0; i < scsec_result_gap_count(r); i++) {
		ck_assert_str_eq(scsec_gap_id(scsec_result_gap_at(r2, i)),
		                 scsec_gap_id(scsec_result_gap_at(r, i)));
		ck_assert_int_eq(scsec_gap_reason(scsec_result_gap_at(r2, i)),
		                 scsec_gap_reason(scsec_result_gap_at(r, i)));
	}
	ck_assert_str_eq(scsec_entry_assessor_id(scsec_evidence_entry(back, "ac-1")), "A-1");
	scsec_free(ar);
	scsec_free(j1);
	scsec_free(j2);
	scsec_result_free(r);
	scsec_result_free(r2);
	scsec_evidence_free(ev);
	scsec_evidence_free(back);
	scsec_eval_options_free(o);
	scsec_criteria_free(c);
}
END_TEST

static Suite *oscal_suite(void)
{
	Suite *s = suite_create("oscal");
	TCase *tc = tcase_create("import");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, three_baselines);
	tcase_add_test(tc, xml_reads_as_json);
	tcase_add_test(tc, catalog_alone_is_one_level);
	tcase_add_test(tc, choices_and_items);
	tcase_add_test(tc, level_property);
	tcase_add_test(tc, profile_chain_and_levels_that_do_not_nest);
	tcase_add_test(tc, cycles_and_remote_imports_refused);
	tcase_add_test(tc, bad_documents);
	tcase_add_test(tc, xml_errors_have_positions);
	tcase_add_test(tc, hostile_documents);
	tcase_add_test(tc, arguments);
	tcase_add_test(tc, nist_800_53_baselines);
	tcase_add_test(tc, export_round_trip);
	tcase_add_test(tc, results_out);
	tcase_add_test(tc, results_in);
	tcase_add_test(tc, results_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run(oscal_suite());
}
