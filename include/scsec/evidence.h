/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/evidence.h
 * @brief Evidence records: one supplier's answers against one criteria set.
 *
 * A record names its subject (the supplier), the criteria set it answers
 * (id, version, optionally fingerprint) and holds at most one entry per
 * criterion or prerequisite id. Each entry has a status, the assessment
 * method, the assessor, the dates, a justification, artifacts and a note.
 *
 * Records are read from XML (namespace `urn:scsec:evidence:1`, schema
 * `scsec-evidence-1.xsd`, doc/evidence-format.md) or from its JSON form
 * (`"format": "scsec-evidence-1"`, schema `scsec-evidence-1.schema.json`),
 * imported from a filled CSV answer sheet, or built through this API; all
 * give the same record. They are written in a canonical XML form whose
 * SHA-256 is the record's fingerprint, or in JSON
 * (scsec_evidence_write_memory_as()): a record read from either form has
 * the same fingerprint.
 *
 * A record is mutable: it is used by one thread at a time while it is being
 * built or edited. Once built, any number of threads may read and evaluate
 * it concurrently, as long as none modifies it.
 *
 * Entries are kept ordered by id, comparing runs of digits by value
 * ("1-2-9" before "1-2-10"). Pointers to entries are borrowed: they stay
 * valid until the entry is replaced or removed, or the record is freed.
 */
#ifndef SCSEC_EVIDENCE_H
#define SCSEC_EVIDENCE_H

#include <scsec/common.h>
#include <scsec/criteria.h>
#include <scsec/error.h>
#include <scsec/options.h>

SCSEC_BEGIN_DECLS

/** An evidence record. Opaque. */
typedef struct scsec_evidence scsec_evidence;

/** One answer. Opaque; owned by the caller until added to a record. */
typedef struct scsec_entry scsec_entry;

/** An answer's status. */
typedef enum scsec_status {
	SCSEC_STATUS_NONE = 0,          /**< unanswered */
	SCSEC_STATUS_MET = 1,           /**< met (実施) */
	SCSEC_STATUS_PARTIAL = 2,       /**< partly met (一部実施) */
	SCSEC_STATUS_NOT_MET = 3,       /**< not met (未実施) */
	SCSEC_STATUS_NOT_APPLICABLE = 4 /**< not applicable (該当なし); needs a justification */
} scsec_status;

/** Bytes needed for a fingerprint: 64 hex digits and a NUL. */
#define SCSEC_FINGERPRINT_BUFSIZE 65

/** The status token ("met", "partial", "not-met", "not-applicable"), "" for NONE. */
SCSEC_API const char *scsec_status_name(scsec_status status);

/**
 * Parse a status token: the English tokens, or 実施 / 一部実施 / 未実施 /
 * 該当なし. The empty string parses as SCSEC_STATUS_NONE.
 * @return 0, SCSEC_EINVAL for NULL or an unknown token.
 */
SCSEC_API int scsec_status_parse(scsec_status *out, const char *text);

/**
 * @name Answer marks
 * The marks people type in an answer sheet's status cell (○ / △ / ✖,
 * 該当なし, 達成, ...) are data of the criteria set (its `answer-marks`
 * element, doc/criteria-format.md), not a table in the library. The CSV and
 * .xlsx answer-sheet readers accept them besides the status tokens and
 * their Japanese names.
 * @{
 */

/** Number of answer marks of the set (0 for NULL). @since 1.1 */
SCSEC_API size_t scsec_criteria_answer_mark_count(const scsec_criteria *criteria);

/**
 * The @p i-th answer mark: its text and the status it stands for. Either
 * out-pointer may be NULL; the text belongs to the set.
 * @return 0, or SCSEC_EINVAL for a NULL set or @p i out of range.
 * @since 1.1
 */
SCSEC_API int scsec_criteria_answer_mark_at(const scsec_criteria *criteria, size_t i,
                                            const char **text, scsec_status *status);

/**
 * Non-zero when the set says its answer marks are provisional (the
 * built-in METI set's are: the scheme publishes no such list).
 * @since 1.1
 */
SCSEC_API int scsec_criteria_answer_marks_provisional(const scsec_criteria *criteria);

/**
 * Parse a status cell as the answer-sheet readers do: the status tokens,
 * their Japanese names (see scsec_status_parse()), then the set's answer
 * marks. The empty string parses as SCSEC_STATUS_NONE.
 * @return 0, SCSEC_EINVAL for a NULL argument or text that is none of them.
 * @since 1.1
 */
SCSEC_API int scsec_criteria_status_parse(scsec_status *out, const scsec_criteria *criteria,
                                          const char *text);
/** @} */

/**
 * Non-zero when @p number is a valid Japanese corporate number (法人番号):
 * 13 ASCII digits whose first digit is the check digit of the other twelve.
 */
SCSEC_API int scsec_corporate_number_valid(const char *number);

/** The identifier scheme for Japanese corporate numbers. */
#define SCSEC_ID_SCHEME_JP_CORPORATE "jp-corporate-number"

/**
 * @name Creating, loading, freeing
 * @{
 */

/**
 * Create an empty record.
 *
 * @param[out] out      the record; free with scsec_evidence_free()
 * @param criteria      the set it answers (its id, version and fingerprint
 *                      are recorded), or NULL to set them later
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_new(scsec_evidence **out, const scsec_criteria *criteria);

/** Copy a record. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_evidence_dup(scsec_evidence **out, const scsec_evidence *evidence);

/**
 * Load a record from a file, XML or JSON, plain or gzip-compressed.
 *
 * The form is told by the content, not the name: a document whose first
 * byte after an optional UTF-8 byte-order mark and white space is `{` is
 * read as the JSON form (`"format": "scsec-evidence-1"`), anything else as
 * XML. (Since 1.1; 1.0 read XML only.) JSON problems are reported with
 * the line and column where the text is not JSON, and with the JSON
 * pointer of the value ("/entries/3/status: ...") for a wrong type, an
 * unknown member or a value refused; the same caps hold as for XML (sizes,
 * nesting depth, number of values, string length), duplicate member names
 * are refused, and strings follow the same text rule (no control
 * characters but tab, LF and CR, no DEL, no C1 controls).
 *
 * Problems the record itself cannot hold (malformed XML, schema errors,
 * duplicate entries, impossible dates, unknown tokens) make the load fail;
 * when @p diags is given, all of them are reported there, each with its
 * file, line and column. Problems that need the criteria set are found by
 * scsec_evidence_check().
 *
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_EENCODING,
 *         SCSEC_EUNSAFE, SCSEC_ELIMIT, SCSEC_ESCHEMA, SCSEC_EVERSION,
 *         SCSEC_EINVALID, SCSEC_EEXISTS, SCSEC_EDATE, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_load_file(scsec_evidence **out, const char *path,
                                       const scsec_load_options *opts, scsec_diagnostics *diags);

/** Load a record from memory. @see scsec_evidence_load_file() */
SCSEC_API int scsec_evidence_load_memory(scsec_evidence **out, const void *data, size_t size,
                                         const char *name, const scsec_load_options *opts,
                                         scsec_diagnostics *diags);

/**
 * Load a record from a file of either form, found from its content
 * (scsec_file_detect()), not its name: an evidence record in XML or JSON,
 * as scsec_evidence_load_file() reads it, or an answer sheet, as
 * scsec_evidence_import_csv() reads it (a CSV named `.txt`, Excel's
 * tab-separated "Unicode text", a gzip of either). Anything else is refused
 * with a message that says what the file is. A file that can be read only
 * once (a pipe such as `/dev/fd/63`, a FIFO, a terminal) is read into
 * memory within the size limits and detected and loaded from there; a FIFO
 * without a writer reads as empty instead of blocking the open.
 *
 * @param[out] out  the record; free with scsec_evidence_free()
 * @param path      the file
 * @param criteria  the set an answer sheet answers, or NULL for the default
 *                  built-in set (not used for XML, which names its set)
 * @param opts      limits and the sheet encoding, or NULL for the defaults
 * @param diags     a list receiving every problem found, or NULL
 * @return 0; what the two loaders return; SCSEC_EINVALID for a criteria set
 *         or a result; SCSEC_EVERSION for XML of another kind; SCSEC_EPARSE
 *         for a file of no known form.
 * @since 1.1
 */
SCSEC_API int scsec_evidence_load_any(scsec_evidence **out, const char *path,
                                      const scsec_criteria *criteria,
                                      const scsec_load_options *opts, scsec_diagnostics *diags);

/**
 * Import a filled answer sheet: CSV (UTF-8, BOM and CRLF tolerated, quoted
 * multi-line cells; Shift_JIS, UTF-16 and UTF-32 transcoded, tab- and
 * semicolon-separated sheets read: see SCSEC_LOAD_ENCODING) or an Excel
 * workbook (.xlsx, .xlsm: told by content; its worksheet chosen by
 * scsec_load_options_set_sheet() or found; date cells read as dates;
 * encrypted, oversized and hostile workbooks refused, macros never read).
 *
 * Columns are found by header name in any order; columns other than `id`,
 * `status`, `method`, `assessor`, `assessor_id`, `assessor_role`,
 * `assessed_on`, `expires_on`, `planned_on`, `justification`, `artifact`
 * and `note` are informational and ignored. Each also goes by its Japanese
 * header (実施状況 for status, 評価日 for assessed_on, ...); so that IPA's
 * own workbook with an answer column filled in is read as it is, `id` also
 * by 評価基準No. and `status` by 回答, 自己評価, 自己評価結果, 評価結果,
 * 対応状況 or 達成状況 (doc/evidence-format.md, "Importing"). A field named
 * by two columns is refused. An empty status means unanswered and gives no
 * entry. Dates are YYYY-MM-DD, or YYYY/M/D and YYYY/MM/DD as Japanese Excel
 * shows them (M/D/YYYY is refused as ambiguous). Status and method accept
 * the English tokens and 実施 / 一部実施 / 未実施 / 該当なし and 自己評価 /
 * 専門家確認 / 第三者評価; the status also the set's answer marks (○, △, ✖,
 * ... for the METI set: scsec_criteria_status_parse()). The `artifact`
 * cell holds one artifact per line, `URI` or `URI sha256:HEX`.
 * Unknown tokens, bad dates, unknown ids and duplicate ids are reported with
 * their row and column.
 *
 * @param[out] out  the record; free with scsec_evidence_free()
 * @param path      the sheet
 * @param criteria  the set the sheet answers (ids are checked against it,
 *                  and it is recorded in the record), or NULL for the
 *                  default built-in set
 * @param opts      limits, or NULL for the defaults
 * @param diags     a list receiving every problem found, or NULL
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_EENCODING,
 *         SCSEC_ELIMIT, SCSEC_EINVALID, SCSEC_ENOTFOUND, SCSEC_EEXISTS,
 *         SCSEC_EDATE, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_import_csv(scsec_evidence **out, const char *path,
                                        const scsec_criteria *criteria,
                                        const scsec_load_options *opts, scsec_diagnostics *diags);

/** Import a CSV answer sheet from memory. @see scsec_evidence_import_csv() */
SCSEC_API int scsec_evidence_import_csv_memory(scsec_evidence **out, const void *data, size_t size,
                                               const char *name, const scsec_criteria *criteria,
                                               const scsec_load_options *opts,
                                               scsec_diagnostics *diags);

/** Free a record and its entries. Accepts NULL. */
SCSEC_API void scsec_evidence_free(scsec_evidence *evidence);

/** @} */

/**
 * @name Writing
 * @{
 */

/**
 * Write the canonical XML form to memory.
 *
 * @param[out] out   the document (NUL-terminated); free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param evidence   the record
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_write_memory(char **out, size_t *size, const scsec_evidence *evidence);

/**
 * Serialise a record in either form.
 *
 * The XML form is the canonical form of scsec_evidence_write_memory(); the
 * JSON form has the same content (doc/evidence-format.md, "The JSON
 * form"; data/schema/scsec-evidence-1.schema.json), members in a fixed
 * order, two-space indentation and a final newline, so the same record
 * gives the same bytes. Loading either gives a record with the same
 * fingerprint.
 *
 * @param[out] out   the document; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param evidence   the record
 * @param format     SCSEC_FORMAT_XML or SCSEC_FORMAT_JSON
 * @return 0, SCSEC_EINVAL (also for another format), SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_evidence_write_memory_as(char **out, size_t *size,
                                             const scsec_evidence *evidence, int format);

/**
 * Write a record in either form to a file, atomically: written beside
 * @p path, flushed, then renamed over it. A failure leaves the previous
 * file intact and no temporary file behind.
 *
 * @param evidence  the record
 * @param path      the file to write or replace
 * @param flags     SCSEC_WRITE_DEFAULT or SCSEC_WRITE_GZIP
 * @param format    SCSEC_FORMAT_XML or SCSEC_FORMAT_JSON
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_evidence_write_file_as(const scsec_evidence *evidence, const char *path,
                                           unsigned int flags, int format);

/**
 * Save the canonical XML form to a file, atomically: written beside
 * @p path, flushed, then renamed over it. A failure leaves the previous
 * file intact and no temporary file behind.
 *
 * @param evidence  the record
 * @param path      the file to write or replace
 * @param flags     SCSEC_WRITE_DEFAULT or SCSEC_WRITE_GZIP
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_save(const scsec_evidence *evidence, const char *path,
                                  unsigned int flags);

/**
 * Export the record as a filled CSV answer sheet in the layout of
 * scsec_criteria_template_csv(): importing it again gives the same entries
 * (a sheet carries no subject, creation time or tool, and no entry without
 * a status).
 *
 * @param[out] out   the sheet; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param evidence   the record
 * @param criteria  the set (for the rows and informational columns), or NULL
 *                  for the default built-in set
 * @param rank      the level whose criteria are listed, 0 for all
 * @param lang      language of the informational texts, or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_export_csv(char **out, size_t *size, const scsec_evidence *evidence,
                                        const scsec_criteria *criteria, int rank, const char *lang);

/**
 * The record's fingerprint: SHA-256 of its canonical form, as 64 lowercase
 * hex digits written into @p buf (SCSEC_FINGERPRINT_BUFSIZE bytes).
 *
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM, SCSEC_ECRYPTO.
 */
SCSEC_API int scsec_evidence_fingerprint(char *buf, const scsec_evidence *evidence);

/** @} */

/**
 * @name Checking
 * @{
 */

/**
 * Check a record against a criteria set, collecting *all* problems in
 * @p diags (which may be NULL when only the verdict matters):
 * errors for entries whose id is not a criterion or prerequisite of the set
 * (requirement and category ids included), not-applicable without a
 * justification or where the criterion does not allow it, a prerequisite
 * answered partial or not-applicable, `expires_on` before `assessed_on`, a
 * malformed corporate number, a record written for another set id or
 * version; warnings for a record that names no set, a fingerprint that
 * differs from the set's, an answered criterion without method, an answered
 * entry without assessment date, an expiry date without an assessment date,
 * an artifact without a digest. doc/evidence-format.md lists every
 * diagnostic with its code.
 *
 * @return 0 when no error was found (warnings allowed), SCSEC_EINVALID (or
 *         SCSEC_EMISMATCH when the first error is a set mismatch)
 *         otherwise; SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_check(const scsec_evidence *evidence, const scsec_criteria *criteria,
                                   scsec_diagnostics *diags);

/** @} */

/**
 * @name Subject, criteria reference, metadata
 * @{
 */

/** Set the subject's organisation name (NULL clears it). @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_evidence_set_subject_name(scsec_evidence *evidence, const char *name);

/** The subject's name, or NULL. */
SCSEC_API const char *scsec_evidence_subject_name(const scsec_evidence *evidence);

/**
 * Add an identifier of the subject, such as a corporate number
 * (scheme SCSEC_ID_SCHEME_JP_CORPORATE). Values are checked by
 * scsec_evidence_check(), not here.
 *
 * @return 0, SCSEC_EINVAL (NULL or empty scheme or value), SCSEC_EEXISTS
 *         (the scheme is already present), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_add_subject_id(scsec_evidence *evidence, const char *scheme,
                                            const char *value);

/** Remove the identifier of scheme @p scheme. @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND. */
SCSEC_API int scsec_evidence_remove_subject_id(scsec_evidence *evidence, const char *scheme);

/** Number of subject identifiers. */
SCSEC_API size_t scsec_evidence_subject_id_count(const scsec_evidence *evidence);

/**
 * The @p i-th subject identifier (ordered by scheme). Either out-pointer
 * may be NULL; the strings belong to the record.
 * @return 0, SCSEC_EINVAL when @p evidence is NULL or @p i is out of range
 *         (the out-values are then left untouched).
 * @since 1.1
 */
SCSEC_API int scsec_evidence_subject_id_get(const char **scheme, const char **value,
                                            const scsec_evidence *evidence, size_t i);

/**
 * The same as scsec_evidence_subject_id_get() with the out-parameters
 * last.
 * @deprecated Since 1.1: use scsec_evidence_subject_id_get().
 */
SCSEC_API SCSEC_DEPRECATED int scsec_evidence_subject_id_at(const scsec_evidence *evidence,
                                                            size_t i, const char **scheme,
                                                            const char **value);

/**
 * Name the criteria set the record answers.
 *
 * @param evidence     the record
 * @param id           the set's id (required)
 * @param version      the set's version (required)
 * @param fingerprint  the set's fingerprint, or NULL
 * @return 0, SCSEC_EINVAL (also for a fingerprint that is not 64 hex
 *         digits), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_set_criteria(scsec_evidence *evidence, const char *id,
                                          const char *version, const char *fingerprint);

/** The id of the set answered, or NULL when not named. */
SCSEC_API const char *scsec_evidence_criteria_id(const scsec_evidence *evidence);

/** The version of the set answered, or NULL. */
SCSEC_API const char *scsec_evidence_criteria_version(const scsec_evidence *evidence);

/** The fingerprint of the set answered, or NULL. */
SCSEC_API const char *scsec_evidence_criteria_fingerprint(const scsec_evidence *evidence);

/**
 * Set when the record was created, as an RFC 3339 UTC timestamp
 * (`2026-04-01T09:30:00Z`); NULL clears it.
 * @return 0, SCSEC_EINVAL (also for another shape), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_set_created(scsec_evidence *evidence, const char *timestamp);

/** When the record was created, or NULL. */
SCSEC_API const char *scsec_evidence_created(const scsec_evidence *evidence);

/** Set the producing tool ("scsec 1.0.0"); NULL clears it. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_evidence_set_tool(scsec_evidence *evidence, const char *tool);

/** The producing tool, or NULL. */
SCSEC_API const char *scsec_evidence_tool(const scsec_evidence *evidence);

/** @} */

/**
 * @name Entries of a record
 * @{
 */

/** Number of entries. */
SCSEC_API size_t scsec_evidence_entry_count(const scsec_evidence *evidence);

/** The @p i-th entry in id order, or NULL. */
SCSEC_API const scsec_entry *scsec_evidence_entry_at(const scsec_evidence *evidence, size_t i);

/** The entry for @p id, or NULL. Constant time. */
SCSEC_API const scsec_entry *scsec_evidence_entry(const scsec_evidence *evidence, const char *id);

/**
 * Add an entry. On success the record owns @p entry (do not free it) and
 * the entry never changes again: its setters then fail with SCSEC_EBUSY,
 * also through the pointer the caller kept (to change an answer, see
 * scsec_entry_dup()). On failure the caller still owns it.
 * @return 0, SCSEC_EINVAL, SCSEC_EEXISTS (an entry with that id exists),
 *         SCSEC_EBUSY (@p entry already belongs to a record), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_add(scsec_evidence *evidence, scsec_entry *entry);

/**
 * Add an entry, replacing any entry with the same id (whose pointers then
 * become invalid). Ownership as for scsec_evidence_add().
 * @return 0, SCSEC_EINVAL, SCSEC_EBUSY (@p entry already belongs to a
 *         record), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_replace(scsec_evidence *evidence, scsec_entry *entry);

/** Remove and free the entry for @p id. @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND. */
SCSEC_API int scsec_evidence_remove(scsec_evidence *evidence, const char *id);

/** @} */

/**
 * @name Entries
 *
 * Build an entry with scsec_entry_new() and the setters, then hand it to
 * scsec_evidence_add(). An entry of a record never changes: every setter
 * fails with SCSEC_EBUSY on it (a change would leave the record's
 * fingerprint and the evaluators made from it stale). To edit an entry of a
 * record, copy it with scsec_entry_dup(), change the copy and
 * scsec_evidence_replace() it.
 * @{
 */

/**
 * Create an entry for criterion or prerequisite @p id, unanswered.
 * @return 0, SCSEC_EINVAL (NULL or empty id), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_new(scsec_entry **out, const char *id);

/** Copy an entry. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_entry_dup(scsec_entry **out, const scsec_entry *entry);

/** Free an entry the caller owns. Accepts NULL. */
SCSEC_API void scsec_entry_free(scsec_entry *entry);

/** The id answered. */
SCSEC_API const char *scsec_entry_id(const scsec_entry *entry);

/** The status. */
SCSEC_API scsec_status scsec_entry_status(const scsec_entry *entry);

/** The assessment method. */
SCSEC_API scsec_method scsec_entry_method(const scsec_entry *entry);

/** The assessor's name, or NULL. */
SCSEC_API const char *scsec_entry_assessor(const scsec_entry *entry);

/** The assessor's id (registration number, evaluation body), or NULL. */
SCSEC_API const char *scsec_entry_assessor_id(const scsec_entry *entry);

/**
 * The role the assessor states ("management", "expert", ...), or NULL. A
 * prerequisite that names a role (scsec_prerequisite_assessor_role()) is
 * unsatisfied, reason SCSEC_REASON_METHOD, when its answer states another
 * role; an answer that states none still counts, and the result says so
 * (scsec_result_unstated_role_count()). doc/evaluation.md, rule 2.
 * @since 1.1
 */
SCSEC_API const char *scsec_entry_assessor_role(const scsec_entry *entry);

/** The day the answer was assessed, or SCSEC_DATE_NONE. */
SCSEC_API scsec_date scsec_entry_assessed_on(const scsec_entry *entry);

/**
 * The last day the answer is valid, or SCSEC_DATE_NONE. The level's
 * validity from the assessment day applies in any case; this day only
 * shortens it (doc/evaluation.md, rule 1).
 */
SCSEC_API scsec_date scsec_entry_expires_on(const scsec_entry *entry);

/**
 * The day by which the supplier plans to have the item met, assessed as
 * the levels in question require, or SCSEC_DATE_NONE. It is evidence
 * content (part of the record's fingerprint when set) but never changes the
 * achieved level: only the projection uses it (scsec_eval_options_set_project(),
 * doc/evaluation.md, rule 12).
 * @since 1.1
 */
SCSEC_API scsec_date scsec_entry_planned_on(const scsec_entry *entry);

/** The justification, or NULL. */
SCSEC_API const char *scsec_entry_justification(const scsec_entry *entry);

/** The note, or NULL. */
SCSEC_API const char *scsec_entry_note(const scsec_entry *entry);

/** Number of artifacts. */
SCSEC_API size_t scsec_entry_artifact_count(const scsec_entry *entry);

/**
 * The @p i-th artifact: its URI and its SHA-256 (64 lowercase hex digits,
 * or NULL when not given). Either out-pointer may be NULL; the strings
 * belong to the entry.
 * @return 0, SCSEC_EINVAL when @p entry is NULL or @p i is out of range
 *         (the out-values are then left untouched).
 * @since 1.1
 */
SCSEC_API int scsec_entry_artifact_get(const char **uri, const char **sha256,
                                       const scsec_entry *entry, size_t i);

/**
 * The same as scsec_entry_artifact_get() with the out-parameters last.
 * @deprecated Since 1.1: use scsec_entry_artifact_get().
 */
SCSEC_API SCSEC_DEPRECATED int scsec_entry_artifact_at(const scsec_entry *entry, size_t i,
                                                       const char **uri, const char **sha256);

/** Set the status. @return 0, SCSEC_EINVAL, SCSEC_EBUSY (an entry of a record). */
SCSEC_API int scsec_entry_set_status(scsec_entry *entry, scsec_status status);

/** Set the method. @return 0, SCSEC_EINVAL, SCSEC_EBUSY (an entry of a record). */
SCSEC_API int scsec_entry_set_method(scsec_entry *entry, scsec_method method);

/**
 * Set the assessor's name and id (either may be NULL).
 * @return 0, SCSEC_EINVAL, SCSEC_EBUSY (an entry of a record), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_set_assessor(scsec_entry *entry, const char *name, const char *id);

/**
 * Set the role the assessor states (NULL or "" for none): a token of a
 * letter or digit then up to 63 letters, digits, '_', '.', ':' or '-'.
 * @return 0, SCSEC_EINVAL (NULL entry), SCSEC_EINVALID (not a token),
 *         SCSEC_EBUSY (the entry belongs to a record) or SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_entry_set_assessor_role(scsec_entry *entry, const char *role);

/**
 * Set the assessment day (SCSEC_DATE_NONE clears it).
 * @return 0, SCSEC_EINVAL, SCSEC_EDATE, SCSEC_EBUSY (an entry of a record).
 */
SCSEC_API int scsec_entry_set_assessed_on(scsec_entry *entry, scsec_date date);

/**
 * Set the last valid day (SCSEC_DATE_NONE clears it).
 * @return 0, SCSEC_EINVAL, SCSEC_EDATE, SCSEC_EBUSY (an entry of a record).
 */
SCSEC_API int scsec_entry_set_expires_on(scsec_entry *entry, scsec_date date);

/**
 * Set the planned completion day (SCSEC_DATE_NONE clears it): see
 * scsec_entry_planned_on().
 * @return 0, SCSEC_EINVAL, SCSEC_EDATE, SCSEC_EBUSY (an entry of a record).
 * @since 1.1
 */
SCSEC_API int scsec_entry_set_planned_on(scsec_entry *entry, scsec_date date);

/**
 * Set the justification (NULL clears it). Text of blanks only (white space
 * and invisible characters such as U+3000 and U+200B: doc/evidence-format.md,
 * *Blanks*) is no text and clears it too, as the readers read it.
 * @return 0, SCSEC_EINVAL, SCSEC_EENCODING, SCSEC_EBUSY (an entry of a
 *         record), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_set_justification(scsec_entry *entry, const char *text);

/**
 * Set the note (NULL clears it).
 * @return 0, SCSEC_EINVAL, SCSEC_EBUSY (an entry of a record), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_set_note(scsec_entry *entry, const char *text);

/**
 * Append an artifact.
 *
 * @param entry   the entry
 * @param uri     where the artifact is (required, non-empty)
 * @param sha256  its SHA-256 as 64 hex digits (stored lowercase), or NULL
 * @return 0, SCSEC_EINVAL (also for a malformed digest), SCSEC_EBUSY (an
 *         entry of a record), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_add_artifact(scsec_entry *entry, const char *uri, const char *sha256);

/** Remove every artifact. @return 0, SCSEC_EINVAL, SCSEC_EBUSY (an entry of a record). */
SCSEC_API int scsec_entry_clear_artifacts(scsec_entry *entry);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_EVIDENCE_H */
