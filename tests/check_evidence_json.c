/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/* Evidence records in JSON (doc/evidence-format.md, "The JSON form"): the
 * same record and fingerprint as the XML form, every field, the writers,
 * the detection by content, and hostile documents refused at their JSON
 * pointer or line and column. Public API only. */
#include "config.h"

#include "testutil.h"

#include <scsec/mapping.h>

static scsec_date ymd(int y, int m, int d)
{
	scsec_date out;

	ck_ok(scsec_date_from_ymd(&out, y, m, d));
	return out;
}

static scsec_evidence *load_mem(const char *text, size_t len, const char *name)
{
	scsec_evidence *ev = NULL;
	scsec_diagnostics *diags;
	int rc;

	ck_ok(scsec_diagnostics_new(&diags));
	rc = scsec_evidence_load_memory(&ev, text, len, name, NULL, diags);
	ck_assert_msg(rc == 0, "%s: %s", name,
	              scsec_diagnostics_count(diags)
	                  ? scsec_diagnostic_message(scsec_diagnostics_at(diags, 0))
	                  : scsec_error_message(scsec_error_last()));
	scsec_diagnostics_free(diags);
	return ev;
}

/* XML -> JSON -> XML: same fingerprint, same canonical XML, and the JSON of
 * the JSON-loaded record is the same bytes again. */
static void round_trip(const scsec_evidence *ev)
{
	char fp1[SCSEC_FINGERPRINT_BUFSIZE], fp2[SCSEC_FINGERPRINT_BUFSIZE];
	char *xml1, *xml2, *json1, *json2;
	size_t xlen1, xlen2, jlen1, jlen2;
	scsec_evidence *back;

	ck_ok(scsec_evidence_fingerprint(fp1, ev));
	ck_ok(scsec_evidence_write_memory(&xml1, &xlen1, ev));
	ck_ok(scsec_evidence_write_memory_as(&json1, &jlen1, ev, SCSEC_FORMAT_JSON));
	ck_assert_int_eq(json1[0], '{');
	ck_assert_int_eq(json1[jlen1 - 1], '\n');
	back = load_mem(json1, jlen1, "r.json");
	ck_ok(scsec_evidence_fingerprint(fp2, back));
	ck_assert_str_eq(fp1, fp2);
	ck_ok(scsec_evidence_write_memory_as(&xml2, &xlen2, back, SCSEC_FORMAT_XML));
	ck_assert_uint_eq(xlen1, xlen2);
	ck_assert_str_eq(xml1, xml2);
	ck_ok(scsec_evidence_write_memory_as(&json2, &jlen2, back, SCSEC_FORMAT_JSON));
	ck_assert_str_eq(json1, json2);
	scsec_free(xml1);
	scsec_free(xml2);
	scsec_free(json1);
	scsec_free(json2);
	scsec_evidence_free(back);
}

START_TEST(evjson_round_trip_files)
{
	static const char *const files[] = { "valid-full.xml", "doc-example.xml",
		                             "valid-noncanonical.xml", "valid-ampersand.xml" };
	char path[4096], rel[256];
	scsec_evidence *ev;
	size_t i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(rel, sizeof rel, "tests/data/evidence/%s", files[i]);
		ck_ok(scsec_evidence_load_file(&ev, test_srcpath(path, sizeof path, rel), NULL, NULL));
		ck_assert_uint_gt(scsec_evidence_entry_count(ev), 0);
		round_trip(ev);
		scsec_evidence_free(ev);
	}
}
END_TEST

/* A record with every field the model has, through the API. */
static scsec_evidence *every_field(void)
{
	scsec_evidence *ev;
	scsec_entry *e;

	ck_ok(scsec_evidence_new(&ev, NULL));
	ck_ok(scsec_evidence_set_subject_name(ev, "Kansai \"Precision\" Parts\\ 株式会社"));
	ck_ok(scsec_evidence_add_subject_id(ev, SCSEC_ID_SCHEME_JP_CORPORATE, "1402010100001"));
	ck_ok(scsec_evidence_add_subject_id(ev, "supplier-code", "KPP/0042"));
	ck_ok(scsec_evidence_set_criteria(
	    ev, "meti-sc-2026-03", "2026.03",
	    "476d422e48eb999433ea8d20309f64e7a02c4754f01cdc96e3976b54eedd44bb"));
	ck_ok(scsec_evidence_set_created(ev, "2026-04-01T09:30:00Z"));
	ck_ok(scsec_evidence_set_tool(ev, "check_evidence_json"));
	ck_ok(scsec_evidence_set_derivation(ev, "meti-to-iso", "1.0", "iso-27001", "2022"));

	ck_ok(scsec_entry_new(&e, "1-2-1-1"));
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_MET));
	ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_THIRD_PARTY));
	ck_ok(scsec_entry_set_assessor(e, "Nishinihon Audit Corp.", "JAB-ISMS-0831"));
	ck_ok(scsec_entry_set_assessed_on(e, ymd(2026, 3, 10)));
	ck_ok(scsec_entry_set_expires_on(e, ymd(2027, 3, 9)));
	ck_ok(scsec_entry_add_artifact(e, "https://example.com/a.pdf",
	                               "5f2b0c3d8e1a4b6c7d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"));
	ck_ok(scsec_entry_add_artifact(e, "file:b.docx", NULL));
	ck_ok(scsec_entry_set_note(e, "line one\nline two\ttab\r\nCRLF & <xml>"));
	ck_ok(scsec_entry_set_review(e, 1));
	ck_ok(scsec_entry_set_derived_set(e, "iso-27001", "2022"));
	ck_ok(scsec_entry_add_derived_source(e, "A.5.2", SCSEC_RELATIONSHIP_EQUIVALENT_TO,
	                                     SCSEC_STATUS_MET, SCSEC_METHOD_THIRD_PARTY));
	ck_ok(scsec_entry_add_derived_source(e, "A.5.3", SCSEC_RELATIONSHIP_SUBSET_OF,
	                                     SCSEC_STATUS_NONE, SCSEC_METHOD_NONE));
	ck_ok(scsec_evidence_add(ev, e));

	ck_ok(scsec_entry_new(&e, "1-2-3-1"));
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_NOT_APPLICABLE));
	ck_ok(scsec_entry_set_method(e, SCSEC_METHOD_SELF));
	ck_ok(scsec_entry_set_justification(e, "No seconded staff (派遣社員の受け入れなし)."));
	ck_ok(scsec_entry_set_assessed_on(e, ymd(2026, 3, 2)));
	ck_ok(scsec_evidence_add(ev, e));

	ck_ok(scsec_entry_new(&e, "1-2-10-1"));
	ck_ok(scsec_entry_set_assessor(e, NULL, "ID-ONLY"));
	ck_ok(scsec_evidence_add(ev, e));

	ck_ok(scsec_entry_new(&e, "management-pledge"));
	ck_ok(scsec_entry_set_status(e, SCSEC_STATUS_PARTIAL));
	ck_ok(scsec_entry_set_assessor(e, "Taro Suzuki", NULL));
	ck_ok(scsec_evidence_add(ev, e));
	return ev;
}

START_TEST(evjson_every_field)
{
	scsec_evidence *ev = every_field(), *back;
	const scsec_entry *e;
	const char *uri, *sha, *scheme, *value;
	char *json;
	size_t len;

	round_trip(ev);
	ck_ok(scsec_evidence_write_memory_as(&json, &len, ev, SCSEC_FORMAT_JSON));
	/* the member names of the documented form */
	ck_assert_ptr_nonnull(strstr(json, "\"format\": \"scsec-evidence-1\""));
	ck_assert_ptr_nonnull(strstr(json, "\"assessed_on\": \"2026-03-10\""));
	ck_assert_ptr_nonnull(strstr(json, "\"derived_from\""));
	ck_assert_ptr_nonnull(strstr(json, "\"mapping_version\": \"1.0\""));
	back = load_mem(json, len, "every.json");
	ck_assert_str_eq(scsec_evidence_subject_name(back), "Kansai \"Precision\" Parts\\ 株式会社");
	ck_assert_uint_eq(scsec_evidence_subject_id_count(back), 2);
	ck_ok(scsec_evidence_subject_id_get(&scheme, &value, back, 1));
	ck_assert_str_eq(scheme, "supplier-code");
	ck_assert_str_eq(value, "KPP/0042");
	ck_assert_str_eq(scsec_evidence_created(back), "2026-04-01T09:30:00Z");
	ck_assert_str_eq(scsec_evidence_tool(back), "check_evidence_json");
	{
		const char *mid, *mver, *sid, *sver;

		ck_ok(scsec_evidence_derivation_get(&mid, &mver, &sid, &sver, back));
		ck_assert_str_eq(mid, "meti-to-iso");
		ck_assert_str_eq(sver, "2022");
	}
	e = scsec_evidence_entry(back, "1-2-1-1");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_MET);
	ck_assert_int_eq(scsec_entry_method(e), SCSEC_METHOD_THIRD_PARTY);
	ck_assert_str_eq(scsec_entry_assessor(e), "Nishinihon Audit Corp.");
	ck_assert_str_eq(scsec_entry_assessor_id(e), "JAB-ISMS-0831");
	ck_assert_int_eq(scsec_entry_expires_on(e), ymd(2027, 3, 9));
	ck_assert_str_eq(scsec_entry_note(e), "line one\nline two\ttab\r\nCRLF & <xml>");
	ck_assert_uint_eq(scsec_entry_artifact_count(e), 2);
	ck_ok(scsec_entry_artifact_get(&uri, &sha, e, 1));
	ck_assert_str_eq(uri, "file:b.docx");
	ck_assert_ptr_null(sha);
	ck_assert_int_eq(scsec_entry_review(e), 1);
	ck_assert_uint_eq(scsec_entry_derived_source_count(e), 2);
	e = scsec_evidence_entry(back, "1-2-3-1");
	ck_assert_int_eq(scsec_entry_status(e), SCSEC_STATUS_NOT_APPLICABLE);
	ck_assert_str_eq(scsec_entry_justification(e), "No seconded staff (派遣社員の受け入れなし).");
	e = scsec_evidence_entry(back, "1-2-10-1");
	ck_assert_ptr_null(scsec_entry_assessor(e));
	ck_assert_str_eq(scsec_entry_assessor_id(e), "ID-ONLY");
	/* ordered by id as the XML form: 1-2-3-1 before 1-2-10-1 */
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(back, 1)), "1-2-3-1");
	ck_assert_str_eq(scsec_entry_id(scsec_evidence_entry_at(back, 2)), "1-2-10-1");
	scsec_free(json);
	scsec_evidence_free(back);
	scsec_evidence_free(ev);
}
END_TEST

/* A change in any field changes the fingerprint of the JSON-loaded record
 * as it does the XML-loaded one (the fingerprint is the content's). */
START_TEST(evjson_fingerprint_follows_content)
{
	static const char base[] =
	    "{\"format\": \"scsec-evidence-1\", \"entries\": [{\"id\": \"1-1\", \"status\": \"met\"}]}";
	static const char other[] =
	    "{\"format\": \"scsec-evidence-1\", \"entries\": [{\"id\": \"1-1\", \"status\": \"partial\"}]}";
	static const char xml[] = "<evidence xmlns=\"urn:scsec:evidence:1\"><entry id=\"1-1\" "
	                          "status=\"met\"/></evidence>";
	char f1[SCSEC_FINGERPRINT_BUFSIZE], f2[SCSEC_FINGERPRINT_BUFSIZE], f3[SCSEC_FINGERPRINT_BUFSIZE];
	scsec_evidence *a = load_mem(base, strlen(base), "a.json");
	scsec_evidence *b = load_mem(other, strlen(other), "b.json");
	scsec_evidence *c = load_mem(xml, strlen(xml), "c.xml");

	ck_ok(scsec_evidence_fingerprint(f1, a));
	ck_ok(scsec_evidence_fingerprint(f2, b));
	ck_ok(scsec_evidence_fingerprint(f3, c));
	ck_assert_str_ne(f1, f2);
	ck_assert_str_eq(f1, f3);
	scsec_evidence_free(a);
	scsec_evidence_free(b);
	scsec_evidence_free(c);
}
END_TEST

START_TEST(evjson_files_and_detection)
{
	char *dir = test_tmpdir_new("evjson"), path[4096], fp1[65], fp2[65], *data;
	scsec_evidence *ev = every_field(), *back;
	scsec_file_kind kind;
	size_t len;

	ck_ok(scsec_evidence_fingerprint(fp1, ev));
	/* gzip, a name that says nothing, white space and a BOM before '{' */
	snprintf(path, sizeof path, "%s/record.dat", dir);
	ck_ok(scsec_evidence_write_file_as(ev, path, SCSEC_WRITE_GZIP, SCSEC_FORMAT_JSON));
	ck_ok(scsec_evidence_load_file(&back, path, NULL, NULL));
	ck_ok(scsec_evidence_fingerprint(fp2, back));
	ck_assert_str_eq(fp1, fp2);
	scsec_evidence_free(back);
	ck_ok(scsec_evidence_write_file_as(ev, path, SCSEC_WRITE_DEFAULT, SCSEC_FORMAT_JSON));
	data = test_read_file(path, &len);
	{
		char *padded = malloc(len + 8);

		ck_assert_ptr_nonnull(padded);
		memcpy(padded, "\xef\xbb\xbf \r\n\t", 7);
		memcpy(padded + 7, data, len);
		test_write_file(path, padded, len + 7);
		free(padded);
	}
	ck_ok(scsec_evidence_load_file(&back, path, NULL, NULL));
	ck_ok(scsec_evidence_fingerprint(fp2, back));
	ck_assert_str_eq(fp1, fp2);
	scsec_evidence_free(back);
	ck_ok(scsec_file_detect(&kind, path, NULL));
	ck_assert_int_eq(kind, SCSEC_FILE_EVIDENCE);
	ck_ok(scsec_evidence_load_any(&back, path, NULL, NULL, NULL));
	ck_ok(scsec_evidence_fingerprint(fp2, back));
	ck_assert_str_eq(fp1, fp2);
	scsec_evidence_free(back);
	/* the XML file variant writes the canonical XML, as scsec_evidence_save() */
	ck_ok(scsec_evidence_write_file_as(ev, path, 0, SCSEC_FORMAT_XML));
	free(data);
	data = test_read_file(path, &len);
	ck_assert_int_eq(data[0], '<');
	free(data);
	ck_assert_uint_eq(test_count_in_dir(dir, ""), 1); /* nothing left aside */
	scsec_evidence_free(ev);
	test_tmpdir_free(dir);
}
END_TEST

START_TEST(evjson_arguments)
{
	scsec_evidence *ev = every_field();
	char *out = (char *)1;
	size_t len;

	ck_assert_int_eq(scsec_evidence_write_memory_as(NULL, &len, ev, SCSEC_FORMAT_JSON), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_write_memory_as(&out, &len, NULL, SCSEC_FORMAT_JSON),
	                 SCSEC_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(scsec_evidence_write_memory_as(&out, &len, ev, 2), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_write_memory_as(&out, &len, ev, -1), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_write_file_as(NULL, "x", 0, SCSEC_FORMAT_JSON), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_write_file_as(ev, NULL, 0, SCSEC_FORMAT_JSON), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_write_file_as(ev, "x", 4, SCSEC_FORMAT_JSON), SCSEC_EINVAL);
	ck_assert_int_eq(scsec_evidence_write_file_as(ev, "x", 0, 7), SCSEC_EINVAL);
	ck_ok(scsec_evidence_write_memory_as(&out, NULL, ev, SCSEC_FORMAT_JSON));
	scsec_free(out);
	scsec_evidence_free(ev);
}
END_TEST

/* One hostile or wrong document: the code, and a piece of the first
 * message (a JSON pointer, a code point...), or a line for syntax. */
typedef struct bad_case {
	const char *json;
	int code;
	const char *part;
	unsigned long line;
} bad_case;

#define HEAD "{\"format\": \"scsec-evidence-1\", "

static const bad_case bad_cases[] = {
	{ "{\"format\": \"scsec-evidence-1\",\n \"entries\": [,]}", SCSEC_EPARSE, NULL, 2 },
	{ HEAD "\"entries\": [], \"entries\": []}", SCSEC_EPARSE, "duplicate", 1 },
	{ HEAD "\"entries\": [{\"id\": \"a\", \"id\": \"b\"}]}", SCSEC_EPARSE, "duplicate", 1 },
	{ HEAD "\"entries\": {}}", SCSEC_ESCHEMA, "/entries: an array is expected, not an object", 0 },
	{ HEAD "\"entries\": [3]}", SCSEC_ESCHEMA, "/entries/0: an object is expected", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"status\": 3}]}", SCSEC_ESCHEMA,
	  "/entries/0/status: a string is expected, not an integer", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"status\": \"done\"}]}", SCSEC_ESCHEMA,
	  "/entries/0/status: 'done' is not one of", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"status\": \"実施\"}]}", SCSEC_ESCHEMA,
	  "/entries/0/status", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"method\": \"audit\"}]}", SCSEC_ESCHEMA,
	  "/entries/0/method", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"review\": \"yes\"}]}", SCSEC_ESCHEMA,
	  "/entries/0/review: true or false", 0 },
	{ HEAD "\"entries\": [{\"status\": \"met\"}]}", SCSEC_ESCHEMA, "/entries/0: 'id' is missing",
	  0 },
	{ HEAD "\"entries\": [{\"id\": \"-bad id\"}]}", SCSEC_ESCHEMA, "/entries/0/id: '-bad id' is not an id",
	  0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"colour\": \"red\"}]}", SCSEC_ESCHEMA,
	  "/entries/0/colour: unknown member 'colour'", 0 },
	{ HEAD "\"extra\": 1}", SCSEC_ESCHEMA, "/extra: unknown member", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"assessed_on\": \"2026-02-30\"}]}", SCSEC_EDATE,
	  "/entries/0/assessed_on", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"expires_on\": 20260301}]}", SCSEC_ESCHEMA,
	  "/entries/0/expires_on", 0 },
	{ HEAD "\"created\": \"2026-04-01 09:30\"}", SCSEC_EDATE, "/created", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\"}, {\"id\": \"1-1\"}]}", SCSEC_EEXISTS,
	  "/entries/1: a second entry for '1-1' (the first is /entries/0)", 0 },
	{ HEAD "\"subject\": {\"identifiers\": [{\"scheme\": \"x\", \"value\": \"1\"}, "
	       "{\"scheme\": \"x\", \"value\": \"2\"}]}}",
	  SCSEC_EEXISTS, "/subject/identifiers/1: a second 'x' identifier", 0 },
	{ HEAD "\"subject\": {\"identifiers\": [{\"scheme\": \"x\", \"value\": \" \"}]}}",
	  SCSEC_ESCHEMA, "identifier 'x' is empty", 0 },
	{ HEAD "\"criteria\": {\"id\": \"meti\"}}", SCSEC_ESCHEMA, "/criteria: 'version' is missing",
	  0 },
	{ HEAD "\"criteria\": {\"id\": \"meti\", \"version\": \"1\", \"fingerprint\": \"abc\"}}",
	  SCSEC_ESCHEMA, "/criteria", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"artifacts\": [{\"uri\": \"x\", \"sha256\": \"12\"}]}]}",
	  SCSEC_ESCHEMA, "/entries/0/artifacts/0: artifact of '1-1'", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"artifacts\": [{\"uri\": \"\"}]}]}", SCSEC_ESCHEMA,
	  "/entries/0/artifacts/0/uri: 'uri' is empty", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"derived_from\": {\"set\": \"s\", \"version\": \"1\", "
	       "\"sources\": []}}]}",
	  SCSEC_ESCHEMA, "/entries/0/derived_from/sources: a derived entry names at least one", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"derived_from\": {\"set\": \"s\", \"version\": \"1\", "
	       "\"sources\": [{\"id\": \"a\", \"relationship\": \"same\"}]}}]}",
	  SCSEC_ESCHEMA, "/entries/0/derived_from/sources/0/relationship: 'same'", 0 },
	{ HEAD "\"derived\": {\"mapping\": \"m\"}}", SCSEC_ESCHEMA, "/derived: 'mapping_version' is missing",
	  0 },
	/* the one text rule: C0 controls but tab, LF, CR; DEL; C1 */
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"note\": \"a\\u0001b\"}]}", SCSEC_EENCODING,
	  "/entries/0/note: the string holds the control character U+0001", 0 },
	{ HEAD "\"tool\": \"a\\u007fb\"}", SCSEC_EENCODING, "/tool: the string holds the control "
	                                                    "character U+007F", 0 },
	{ HEAD "\"subject\": {\"name\": \"\\u0085\"}}", SCSEC_EENCODING, "U+0085", 0 },
	{ HEAD "\"entries\": [{\"id\": \"1-1\", \"note\": \"a\\u0000b\"}]}", SCSEC_EENCODING, NULL, 1 },
	{ HEAD "\"tool\": \"\xff\xfe\"}", SCSEC_EENCODING, NULL, 1 },
	{ HEAD "\"tool\": \"\xed\xa0\x80\"}", SCSEC_EENCODING, NULL, 1 },
	/* other documents */
	{ "{\"entries\": []}", SCSEC_EVERSION, "no 'format' member", 0 },
	{ "{\"format\": \"scsec-evidence-2\"}", SCSEC_EVERSION, "'scsec-evidence-2'", 0 },
	{ "{\"format\": \"scsec-result-1\", \"level\": 2}", SCSEC_EINVALID, "an evaluation result", 0 },
	{ "{\"assessment-results\": {}}", SCSEC_EINVALID, "import-oscal-results", 0 },
	{ "{\"format\": \"scsec-evidence-1\"", SCSEC_EPARSE, NULL, 1 },
	{ "{\"format\": \"scsec-evidence-1\"} []", SCSEC_EPARSE, NULL, 1 },
	{ "{\"format\": \"scsec-evidence-1\", \"n\": 1e999999}", SCSEC_ELIMIT, NULL, 1 },
};

START_TEST(evjson_refuses)
{
	const bad_case *b = &bad_cases[_i];
	scsec_diagnostics *diags;
	scsec_evidence *ev = (scsec_evidence *)1;
	const scsec_diagnostic *d;
	int rc;

	ck_ok(scsec_diagnostics_new(&diags));
	rc = scsec_evidence_load_memory(&ev, b->json, strlen(b->json), "bad.json", NULL, diags);
	ck_assert_msg(rc == b->code, "case %d: %d, not %d", _i, rc, b->code);
	ck_assert_ptr_null(ev);
	d = scsec_diagnostics_at(diags, 0);
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(scsec_diagnostic_file(d), "bad.json");
	if (b->part)
		ck_assert_msg(strstr(scsec_diagnostic_message(d), b->part) != NULL,
		              "case %d: '%s' does not say '%s'", _i, scsec_diagnostic_message(d), b->part);
	if (b->line)
		ck_assert_uint_eq(scsec_diagnostic_line(d), b->line);
	ck_assert_int_eq(scsec_error_code(scsec_error_last()), b->code);
	scsec_diagnostics_free(diags);
}
END_TEST

/* Every error of a document is listed, not only the first. */
START_TEST(evjson_reports_all)
{
	static const char doc[] = HEAD "\"entries\": [{\"id\": \"1-1\", \"status\": \"x\"}, "
	                               "{\"id\": \"1-2\", \"method\": \"y\"}, {\"id\": \"1-3\", "
	                               "\"assessed_on\": \"z\"}]}";
	scsec_diagnostics *diags;
	scsec_evidence *ev;

	ck_ok(scsec_diagnostics_new(&diags));
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, doc, strlen(doc), "all.json", NULL, diags),
	                 SCSEC_ESCHEMA);
	ck_assert_uint_eq(scsec_diagnostics_total(diags, SCSEC_SEVERITY_ERROR), 3);
	scsec_diagnostics_free(diags);
}
END_TEST

/* Blank free text reads as absent, as the text of an XML element does. */
START_TEST(evjson_blank_text)
{
	static const char doc[] =
	    HEAD "\"subject\": {\"name\": \"\\u3000 \"}, \"entries\": [{\"id\": \"1-1\", "
	         "\"justification\": \"\", \"note\": \" \\n\", \"assessor\": {\"name\": \"\"}}]}";
	scsec_evidence *ev = load_mem(doc, strlen(doc), "blank.json");
	const scsec_entry *e = scsec_evidence_entry(ev, "1-1");

	ck_assert_ptr_null(scsec_evidence_subject_name(ev));
	ck_assert_ptr_null(scsec_entry_justification(e));
	ck_assert_ptr_null(scsec_entry_note(e));
	ck_assert_ptr_null(scsec_entry_assessor(e));
	scsec_evidence_free(ev);
}
END_TEST

/* The caps of the JSON reader hold: depth, values, string length, size. */
START_TEST(evjson_caps)
{
	scsec_load_options *opts;
	scsec_diagnostics *diags;
	scsec_evidence *ev;
	size_t n = 100000, i, len;
	char *deep = malloc(n * 2 + 64), *huge;

	ck_assert_ptr_nonnull(deep);
	len = (size_t)sprintf(deep, HEAD "\"x\": ");
	for (i = 0; i < n; i++)
		deep[len++] = '[';
	for (i = 0; i < n; i++)
		deep[len++] = ']';
	deep[len++] = '}';
	ck_ok(scsec_diagnostics_new(&diags));
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, deep, len, "deep.json", NULL, diags),
	                 SCSEC_ELIMIT);
	ck_assert_ptr_nonnull(strstr(scsec_diagnostic_message(scsec_diagnostics_at(diags, 0)),
	                             "SCSEC_LOAD_MAX_DEPTH"));
	free(deep);
	scsec_diagnostics_clear(diags);

	n = (1u << 20) + 10;
	huge = malloc(n + 64);
	ck_assert_ptr_nonnull(huge);
	len = (size_t)sprintf(huge, HEAD "\"tool\": \"");
	memset(huge + len, 'a', n);
	len += n;
	len += (size_t)sprintf(huge + len, "\"}");
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, huge, len, "huge.json", NULL, diags),
	                 SCSEC_ELIMIT);
	ck_ok(scsec_load_options_new(&opts));
	ck_ok(scsec_load_options_set(opts, SCSEC_LOAD_MAX_FILE_SIZE, 1000));
	ck_assert_int_eq(scsec_evidence_load_memory(&ev, huge, len, "huge.json", opts, diags),
	                 SCSEC_ELIMIT);
	scsec_load_options_free(opts);
	free(huge);
	scsec_diagnostics_free(diags);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("evidence_json");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, evjson_round_trip_files);
	tcase_add_test(tc, evjson_every_field);
	tcase_add_test(tc, evjson_fingerprint_follows_content);
	tcase_add_test(tc, evjson_files_and_detection);
	tcase_add_test(tc, evjson_arguments);
	tcase_add_loop_test(tc, evjson_refuses, 0, (int)(sizeof bad_cases / sizeof *bad_cases));
	tcase_add_test(tc, evjson_reports_all);
	tcase_add_test(tc, evjson_blank_text);
	tcase_add_test(tc, evjson_caps);
	suite_add_tcase(s, tc);
	return test_run(s);
}
