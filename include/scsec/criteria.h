/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/criteria.h
 * @brief Criteria sets: a scheme's levels, prerequisites, categories,
 *        requirements and criteria.
 *
 * A criteria set is loaded from the XML interchange format
 * (namespace `urn:scsec:criteria:1`, schema `scsec-criteria-1.xsd`,
 * described in doc/criteria-format.md), imported from IPA's criteria sheet,
 * or taken from the sets built into the library (the METI ★3/★4 set is the
 * default everywhere).
 *
 * A loaded ::scsec_criteria is immutable. Any number of threads may use one
 * set at the same time, without locking. Every pointer obtained from a set
 * (levels, categories, requirements, criteria, strings) is borrowed and
 * stays valid until scsec_criteria_free().
 *
 * Texts come in languages (`xml:lang`). Functions taking a @p lang return
 * the text in that language when the set has it, else the English text,
 * else the first one; NULL for @p lang means English.
 */
#ifndef SCSEC_CRITERIA_H
#define SCSEC_CRITERIA_H

#include <scsec/common.h>
#include <scsec/error.h>
#include <scsec/options.h>

SCSEC_BEGIN_DECLS

/** A criteria set. Opaque, immutable once loaded. */
typedef struct scsec_criteria scsec_criteria;
/** A level of a set (★3, ★4, ...). Borrowed from its set. */
typedef struct scsec_level scsec_level;
/** A prerequisite of levels that is not a criterion (an attestation). Borrowed. */
typedef struct scsec_prerequisite scsec_prerequisite;
/** A category or sub-category. Borrowed. */
typedef struct scsec_category scsec_category;
/** A requirement: a group of criteria. Borrowed. */
typedef struct scsec_requirement scsec_requirement;
/** A criterion: the unit answered by evidence. Borrowed. */
typedef struct scsec_criterion scsec_criterion;
/** A question of the rule for the level a contract requires. Borrowed. */
typedef struct scsec_question scsec_question;

/** How an answer was assessed; the order matters (self < expert-reviewed < third-party). */
typedef enum scsec_method {
	SCSEC_METHOD_NONE = 0,            /**< not given */
	SCSEC_METHOD_SELF = 1,            /**< self-assessment */
	SCSEC_METHOD_EXPERT_REVIEWED = 2, /**< self-assessment checked by an expert */
	SCSEC_METHOD_THIRD_PARTY = 3      /**< third-party evaluation */
} scsec_method;

/** How a set scores. */
typedef enum scsec_scoring_model {
	SCSEC_SCORING_ALL_REQUIRED = 0, /**< star levels only: every criterion of a level */
	SCSEC_SCORING_POINTS = 1,       /**< points per answer, with bands */
	SCSEC_SCORING_DEDUCTIONS = 2    /**< a maximum minus the weight of each unmet criterion */
} scsec_scoring_model;

/** NIST CSF 2.0 functions. */
typedef enum scsec_function {
	SCSEC_FUNCTION_NONE = 0, /**< no function given */
	SCSEC_FUNCTION_GV = 1,   /**< Govern */
	SCSEC_FUNCTION_ID = 2,   /**< Identify */
	SCSEC_FUNCTION_PR = 3,   /**< Protect */
	SCSEC_FUNCTION_DE = 4,   /**< Detect */
	SCSEC_FUNCTION_RS = 5,   /**< Respond */
	SCSEC_FUNCTION_RC = 6    /**< Recover */
} scsec_function;

/** Number of ::scsec_function values, SCSEC_FUNCTION_NONE included. */
#define SCSEC_FUNCTION_COUNT 7

/** The method's token ("self", "expert-reviewed", "third-party"), "" for NONE. */
SCSEC_API const char *scsec_method_name(scsec_method method);

/**
 * Parse a method token (English, or 自己評価 / 専門家確認 / 第三者評価).
 * @return 0, SCSEC_EINVAL for NULL or an unknown token.
 */
SCSEC_API int scsec_method_parse(scsec_method *out, const char *text);

/** The function's code ("GV" ...), "" for NONE. */
SCSEC_API const char *scsec_function_code(scsec_function function);

/** Parse a function code ("GV" ... "RC"). @return 0, SCSEC_EINVAL. */
SCSEC_API int scsec_function_parse(scsec_function *out, const char *code);

/**
 * @name Loading and freeing
 *
 * Each loader checks the document against the XML Schema (unless disabled
 * in @p opts) and then semantically: unique ids, every reference resolves,
 * levels have distinct ranks, criteria bind to known levels, durations and
 * dates are valid. On failure it returns the first problem's code and
 * records it (with file, line and column) as the thread's last error; when
 * @p diags is not NULL every problem found is also appended to it.
 * @{
 */

/** The id of the default built-in set ("meti-sc-2026-03"). */
#define SCSEC_CRITERIA_DEFAULT "meti-sc-2026-03"

/** Number of criteria sets built into the library. */
SCSEC_API size_t scsec_criteria_builtin_count(void);

/** The id of the @p i-th built-in set, or NULL when out of range. */
SCSEC_API const char *scsec_criteria_builtin_id(size_t i);

/**
 * Load a built-in set (no file is read).
 *
 * @param[out] out  the set; free with scsec_criteria_free()
 * @param id        a built-in id, or NULL for SCSEC_CRITERIA_DEFAULT
 * @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_builtin(scsec_criteria **out, const char *id);

/**
 * Load a set from a file, plain or gzip-compressed (detected from the
 * content, not the name).
 *
 * @param[out] out  the set; free with scsec_criteria_free()
 * @param path      the file
 * @param opts      limits and checks, or NULL for the defaults
 * @param diags     a list receiving every problem found, or NULL
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_EENCODING,
 *         SCSEC_EUNSAFE, SCSEC_ELIMIT, SCSEC_ESCHEMA, SCSEC_EVERSION,
 *         SCSEC_EINVALID, SCSEC_EDATE, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_load_file(scsec_criteria **out, const char *path,
                                       const scsec_load_options *opts, scsec_diagnostics *diags);

/**
 * Load a set from memory, plain or gzip-compressed.
 *
 * @param[out] out  the set; free with scsec_criteria_free()
 * @param data      the document's bytes
 * @param size      how many bytes
 * @param name      a name for messages (as a file name would be), or NULL
 * @param opts      limits and checks, or NULL for the defaults
 * @param diags     a list receiving every problem found, or NULL
 * @return as scsec_criteria_load_file()
 */
SCSEC_API int scsec_criteria_load_memory(scsec_criteria **out, const void *data, size_t size,
                                         const char *name, const scsec_load_options *opts,
                                         scsec_diagnostics *diags);

/**
 * Import IPA's criteria sheet, exported from Excel to CSV (UTF-8 with or
 * without BOM, or Shift_JIS as Japanese Excel saves it, or UTF-16 "Unicode
 * text": see SCSEC_LOAD_ENCODING), into a set that carries the sheet's
 * official texts.
 *
 * Columns are found by their header names (大分類No., 中分類No., 要求事項No.,
 * 要求事項名, 要求事項, ★3/★4, 評価基準No., 評価基準, NIST CSFにおける機能,
 * 参照文献 ...), in any order; the reference block may be one multi-line
 * cell or several columns under a second header row. Criteria, requirements,
 * categories, levels and references come from the sheet; the scheme's rules
 * (identity, level methods, validity, prerequisites, required-level
 * questions, scoring) from @p rules.
 *
 * @param[out] out  the imported set; free with scsec_criteria_free()
 * @param path      the CSV file
 * @param rules     the set whose rules apply, or NULL for the default built-in set
 * @param opts      limits, or NULL
 * @param diags     every malformed row (with row and column), or NULL
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_EENCODING,
 *         SCSEC_ELIMIT, SCSEC_EINVALID, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_import_ipa(scsec_criteria **out, const char *path,
                                        const scsec_criteria *rules,
                                        const scsec_load_options *opts, scsec_diagnostics *diags);

/** Import IPA's sheet from memory. @see scsec_criteria_import_ipa() */
SCSEC_API int scsec_criteria_import_ipa_memory(scsec_criteria **out, const void *data, size_t size,
                                               const char *name, const scsec_criteria *rules,
                                               const scsec_load_options *opts,
                                               scsec_diagnostics *diags);

/** Free a set and everything borrowed from it. Accepts NULL. */
SCSEC_API void scsec_criteria_free(scsec_criteria *criteria);

/** @} */

/**
 * @name Writing and fingerprint
 *
 * The canonical form is the one XML serialisation libscsec writes: UTF-8,
 * the schema's element order with levels by increasing rank and everything
 * else in document order, fixed attribute order, two-space indentation, no
 * comments; level attributes are always written, criterion attributes only
 * when they differ from their defaults (`na-allowed="true"`, `weight="1"`,
 * `poam-eligible="false"`). Loading it and writing it again gives the same
 * bytes (doc/criteria-format.md has the exact rules). The fingerprint is the
 * SHA-256 of the canonical form.
 * @{
 */

/**
 * Write the canonical form to memory.
 *
 * @param[out] out   the document (NUL-terminated); free with scsec_free()
 * @param[out] size  its length in bytes (without the NUL), or NULL
 * @param criteria   the set
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_write_memory(char **out, size_t *size, const scsec_criteria *criteria);

/**
 * Write the canonical form to a file, atomically: the document is written
 * beside @p path, flushed to disk and renamed over it, so a failure leaves
 * any previous file intact.
 *
 * @param criteria  the set
 * @param path      the file to write or replace
 * @param flags     SCSEC_WRITE_DEFAULT or SCSEC_WRITE_GZIP
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_write_file(const scsec_criteria *criteria, const char *path,
                                        unsigned int flags);

/**
 * The set's fingerprint: SHA-256 of its canonical form, as 64 lowercase hex
 * digits. Computed at load time; never NULL for a loaded set.
 */
SCSEC_API const char *scsec_criteria_fingerprint(const scsec_criteria *criteria);

/** @} */

/**
 * @name Identity
 * @{
 */

/** The set's id ("meti-sc-2026-03"). */
SCSEC_API const char *scsec_criteria_id(const scsec_criteria *criteria);

/** The set's version ("2026.03"). */
SCSEC_API const char *scsec_criteria_version(const scsec_criteria *criteria);

/** The set's title in @p lang (see the file comment for the fallback). */
SCSEC_API const char *scsec_criteria_title(const scsec_criteria *criteria, const char *lang);

/** The set's description in @p lang, or NULL when it has none. */
SCSEC_API const char *scsec_criteria_description(const scsec_criteria *criteria, const char *lang);

/** The publisher, or NULL. */
SCSEC_API const char *scsec_criteria_publisher(const scsec_criteria *criteria);

/** The issue date, or SCSEC_DATE_NONE. */
SCSEC_API scsec_date scsec_criteria_issued(const scsec_criteria *criteria);

/** The source reference text, or NULL. */
SCSEC_API const char *scsec_criteria_source(const scsec_criteria *criteria);

/** The source URI, or NULL. */
SCSEC_API const char *scsec_criteria_source_uri(const scsec_criteria *criteria);

/** The scoring model. */
SCSEC_API scsec_scoring_model scsec_criteria_scoring(const scsec_criteria *criteria);

/** @} */

/**
 * @name Levels
 *
 * Levels are kept in increasing rank order.
 * @{
 */

/** Number of levels. */
SCSEC_API size_t scsec_criteria_level_count(const scsec_criteria *criteria);

/** The @p i-th level by increasing rank, or NULL when out of range. */
SCSEC_API const scsec_level *scsec_criteria_level_at(const scsec_criteria *criteria, size_t i);

/** The level of rank @p rank, or NULL. */
SCSEC_API const scsec_level *scsec_criteria_level_by_rank(const scsec_criteria *criteria, int rank);

/** The level's rank (3 for ★3). */
SCSEC_API int scsec_level_rank(const scsec_level *level);

/** The level's label ("★3"). */
SCSEC_API const char *scsec_level_label(const scsec_level *level);

/** The level's title in @p lang, or its label when it has no title. */
SCSEC_API const char *scsec_level_title(const scsec_level *level, const char *lang);

/** The least assessment method an answer needs at this level. */
SCSEC_API scsec_method scsec_level_method(const scsec_level *level);

/** How long an answer stays valid, as an ISO 8601 duration ("P1Y"). */
SCSEC_API const char *scsec_level_validity(const scsec_level *level);

/** Non-zero when the validity period is marked provisional in the data. */
SCSEC_API int scsec_level_validity_provisional(const scsec_level *level);

/** Non-zero when the next lower level must also be met. */
SCSEC_API int scsec_level_requires_lower(const scsec_level *level);

/** Number of prerequisites of the level. */
SCSEC_API size_t scsec_level_prerequisite_count(const scsec_level *level);

/** The level's @p i-th prerequisite, or NULL. */
SCSEC_API const scsec_prerequisite *scsec_level_prerequisite_at(const scsec_level *level, size_t i);

/** Number of criteria that apply at the level. */
SCSEC_API size_t scsec_level_criterion_count(const scsec_level *level);

/** Number of requirements with at least one criterion applying at the level. */
SCSEC_API size_t scsec_level_requirement_count(const scsec_level *level);

/** @} */

/**
 * @name Prerequisites
 * @{
 */

/** Number of prerequisites declared by the set. */
SCSEC_API size_t scsec_criteria_prerequisite_count(const scsec_criteria *criteria);

/** The @p i-th prerequisite, in document order, or NULL. */
SCSEC_API const scsec_prerequisite *scsec_criteria_prerequisite_at(const scsec_criteria *criteria,
                                                                   size_t i);

/** The prerequisite with id @p id, or NULL. Constant time. */
SCSEC_API const scsec_prerequisite *scsec_criteria_prerequisite(const scsec_criteria *criteria,
                                                                const char *id);

/** The prerequisite's id ("management-pledge"). */
SCSEC_API const char *scsec_prerequisite_id(const scsec_prerequisite *prerequisite);

/** The prerequisite's title in @p lang. */
SCSEC_API const char *scsec_prerequisite_title(const scsec_prerequisite *prerequisite,
                                               const char *lang);

/**
 * The role the assessor of the prerequisite's answer must state (the
 * evidence entry's assessor role, scsec_entry_assessor_role()), or NULL
 * when any assessor will do. The built-in METI set asks `management` for
 * its pledge, as provisional data. doc/evaluation.md, rule 2.
 * @since 1.1
 */
SCSEC_API const char *scsec_prerequisite_assessor_role(const scsec_prerequisite *prerequisite);

/**
 * 1 when the prerequisite's assessor role is provisional data (the scheme
 * has not confirmed it), 0 otherwise.
 * @since 1.1
 */
SCSEC_API int scsec_prerequisite_role_provisional(const scsec_prerequisite *prerequisite);

/** @} */

/**
 * @name Categories
 * @{
 */

/** Number of categories, sub-categories included. */
SCSEC_API size_t scsec_criteria_category_count(const scsec_criteria *criteria);

/** The @p i-th category in document order (a parent before its children), or NULL. */
SCSEC_API const scsec_category *scsec_criteria_category_at(const scsec_criteria *criteria, size_t i);

/** The category with id @p id, or NULL. Constant time. */
SCSEC_API const scsec_category *scsec_criteria_category(const scsec_criteria *criteria,
                                                        const char *id);

/** The category's id ("4" or "4-4"). */
SCSEC_API const char *scsec_category_id(const scsec_category *category);

/** The category's title in @p lang. */
SCSEC_API const char *scsec_category_title(const scsec_category *category, const char *lang);

/** The enclosing category, or NULL for a top-level one. */
SCSEC_API const scsec_category *scsec_category_parent(const scsec_category *category);

/** 0 for a top-level category, 1 for its children, ... */
SCSEC_API int scsec_category_depth(const scsec_category *category);

/** The CSF function: the category's own, else its nearest ancestor's. */
SCSEC_API scsec_function scsec_category_function(const scsec_category *category);

/** @} */

/**
 * @name Requirements
 * @{
 */

/** Number of requirements. */
SCSEC_API size_t scsec_criteria_requirement_count(const scsec_criteria *criteria);

/** The @p i-th requirement in document order, or NULL. */
SCSEC_API const scsec_requirement *scsec_criteria_requirement_at(const scsec_criteria *criteria,
                                                                 size_t i);

/** The requirement with id @p id, or NULL. Constant time. */
SCSEC_API const scsec_requirement *scsec_criteria_requirement(const scsec_criteria *criteria,
                                                              const char *id);

/** The requirement's id ("4-4-4"). */
SCSEC_API const char *scsec_requirement_id(const scsec_requirement *requirement);

/** The requirement's name in @p lang. */
SCSEC_API const char *scsec_requirement_name(const scsec_requirement *requirement, const char *lang);

/** The requirement's statement in @p lang, or NULL when it has none. */
SCSEC_API const char *scsec_requirement_text(const scsec_requirement *requirement, const char *lang);

/** The (innermost) category holding the requirement. */
SCSEC_API const scsec_category *scsec_requirement_category(const scsec_requirement *requirement);

/** Number of criteria of the requirement. */
SCSEC_API size_t scsec_requirement_criterion_count(const scsec_requirement *requirement);

/** The requirement's @p i-th criterion, or NULL. */
SCSEC_API const scsec_criterion *scsec_requirement_criterion_at(const scsec_requirement *requirement,
                                                                size_t i);

/** @} */

/**
 * @name Criteria
 * @{
 */

/** Number of criteria. */
SCSEC_API size_t scsec_criteria_criterion_count(const scsec_criteria *criteria);

/** The @p i-th criterion in document order, or NULL. */
SCSEC_API const scsec_criterion *scsec_criteria_criterion_at(const scsec_criteria *criteria,
                                                             size_t i);

/** The criterion with id @p id, or NULL. Constant time. */
SCSEC_API const scsec_criterion *scsec_criteria_criterion(const scsec_criteria *criteria,
                                                          const char *id);

/** The criterion's id ("4-4-4-2"). */
SCSEC_API const char *scsec_criterion_id(const scsec_criterion *criterion);

/** The criterion's text in @p lang. */
SCSEC_API const char *scsec_criterion_text(const scsec_criterion *criterion, const char *lang);

/** The requirement holding the criterion. */
SCSEC_API const scsec_requirement *scsec_criterion_requirement(const scsec_criterion *criterion);

/**
 * The top-level category the criterion falls under (its requirement's
 * category, or that category's farthest ancestor), as the result's
 * category figures count it; NULL for NULL.
 */
SCSEC_API const scsec_category *scsec_criterion_top_category(const scsec_criterion *criterion);

/** The criterion's CSF function (from its category). */
SCSEC_API scsec_function scsec_criterion_function(const scsec_criterion *criterion);

/**
 * The lowest rank the criterion applies at (cumulative sets), or the
 * lowest of its explicit list.
 */
SCSEC_API int scsec_criterion_min_level(const scsec_criterion *criterion);

/** Non-zero when the criterion applies at level rank @p rank. */
SCSEC_API int scsec_criterion_applies_at(const scsec_criterion *criterion, int rank);

/** Non-zero when the criterion may be answered not-applicable. */
SCSEC_API int scsec_criterion_na_allowed(const scsec_criterion *criterion);

/** The criterion's weight (points multiplier or deduction; default 1). */
SCSEC_API int scsec_criterion_weight(const scsec_criterion *criterion);

/** Non-zero when an open criterion may be left to a plan of action (deductions model). */
SCSEC_API int scsec_criterion_poam_eligible(const scsec_criterion *criterion);

/** Number of references to other frameworks. */
SCSEC_API size_t scsec_criterion_reference_count(const scsec_criterion *criterion);

/**
 * The @p i-th reference: its framework id ("iso27001") and the referenced
 * clauses ("A.5.31"). Either out-pointer may be NULL; the strings belong
 * to the criteria set.
 *
 * @return 0, or SCSEC_EINVAL when @p criterion is NULL or @p i is out of
 *         range (the out-values are then left untouched).
 * @since 1.1
 */
SCSEC_API int scsec_criterion_reference_get(const char **framework, const char **clauses,
                                            const scsec_criterion *criterion, size_t i);

/**
 * The same as scsec_criterion_reference_get() with the out-parameters
 * last.
 * @deprecated Since 1.1: use scsec_criterion_reference_get().
 */
SCSEC_API SCSEC_DEPRECATED int scsec_criterion_reference_at(const scsec_criterion *criterion,
                                                            size_t i, const char **framework,
                                                            const char **clauses);

/** The title of framework @p id as the set declares it, or NULL. */
SCSEC_API const char *scsec_criteria_framework_title(const scsec_criteria *criteria, const char *id);

/** @} */

/**
 * @name Required-level rule
 *
 * A contract requires the set's default level, raised to a question's level
 * for every question answered yes. For the METI set: ★4 if any of
 * `confidential-data`, `outage-impact`, `system-access` is yes, else ★3.
 * Evaluate the rule with scsec_eval_options_set_answer() and
 * scsec_evaluate(), or with scsec_criteria_required_level().
 * @{
 */

/** Number of questions (0 when the set has no rule). */
SCSEC_API size_t scsec_criteria_question_count(const scsec_criteria *criteria);

/** The @p i-th question, or NULL. */
SCSEC_API const scsec_question *scsec_criteria_question_at(const scsec_criteria *criteria, size_t i);

/** The question with id @p id, or NULL. */
SCSEC_API const scsec_question *scsec_criteria_question(const scsec_criteria *criteria,
                                                        const char *id);

/** The question's id ("confidential-data"). */
SCSEC_API const char *scsec_question_id(const scsec_question *question);

/** The question's text in @p lang. */
SCSEC_API const char *scsec_question_text(const scsec_question *question, const char *lang);

/** The level a yes-answer requires. */
SCSEC_API int scsec_question_level_if_yes(const scsec_question *question);

/** The level required when every answer is no (0 when the set has no rule). */
SCSEC_API int scsec_criteria_required_default(const scsec_criteria *criteria);

/** @} */

/**
 * @name Spreadsheet template
 * @{
 */

/**
 * Write a CSV answer sheet for the set: UTF-8 with BOM, CRLF line ends,
 * one row per criterion applying at @p rank (all criteria when @p rank is
 * 0) and per prerequisite of those levels, with informational columns
 * (level, category, requirement, text) and empty answer columns (status,
 * method, assessor, assessor_id, assessed_on, expires_on, justification,
 * artifact, note). The layout is the one scsec_evidence_import_csv() reads.
 *
 * @param[out] out   the sheet; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param criteria   the set
 * @param rank       the level whose criteria are listed, or 0 for all
 * @param lang       language of the informational texts, or NULL (English)
 * @return 0, SCSEC_EINVAL (also for an unknown @p rank), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_template_csv(char **out, size_t *size, const scsec_criteria *criteria,
                                          int rank, const char *lang);

/**
 * Write the answer workbook (.xlsx) of the set to @p path, atomically (a
 * temporary file beside it, then a rename; see scsec_file_write()). Two
 * sheets: instructions first, then the answer sheet, whose rows and cells
 * are those of scsec_criteria_template_csv() for the same @p rank and
 * @p lang. The header row holds the column names (in Japanese for a
 * Japanese @p lang: 実施状況, 評価方法, ...; the evidence readers accept
 * both). Status and method cells carry dropdown lists of the values the
 * readers accept, in @p lang (met, partial, ... or 実施, 一部実施, ...);
 * assessed_on and expires_on are date cells (yyyy-mm-dd) with a date
 * validation. The header is frozen, texts wrap, and the sheet is protected
 * without a password: the criteria columns are locked, the answer cells
 * open. Written through libxlsxwriter.
 *
 * @param criteria  the set
 * @param path      the file to write or replace
 * @param rank      the level whose criteria are listed, or 0 for all
 * @param lang      language of the texts and headers, or NULL (English)
 * @return 0, SCSEC_EINVAL (also for an unknown @p rank), SCSEC_EIO,
 *         SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_criteria_template_xlsx(const scsec_criteria *criteria, const char *path, int rank,
                                           const char *lang);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_CRITERIA_H */
