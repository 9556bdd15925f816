/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/eval.h
 * @brief Evaluation: the level reached as of a date, with reasons, gaps,
 *        validity, figures and provenance.
 *
 * An evaluator (scsec_evaluator_new()) binds one evidence record to one
 * criteria set; scsec_evaluator_run() applies the normative rules of
 * doc/evaluation.md to them as of a date, as often as wanted, each run only
 * comparisons. scsec_evaluate() does both once. The same inputs give the
 * same result, byte for byte once serialised, on every platform.
 *
 * An ::scsec_evaluator and a ::scsec_result are immutable and may be shared
 * by any number of threads. A result keeps a reference to its criteria set
 * and its evaluator, so either may be freed before the result. Pointers
 * obtained from a result are borrowed and live as long as the result.
 */
#ifndef SCSEC_EVAL_H
#define SCSEC_EVAL_H

#include <scsec/common.h>
#include <scsec/criteria.h>
#include <scsec/evidence.h>

SCSEC_BEGIN_DECLS

/**
 * One evidence record bound to one criteria set, ready to be evaluated as
 * of any date. Opaque, immutable, shareable by threads.
 */
typedef struct scsec_evaluator scsec_evaluator;
/** Options of an evaluation. Opaque. */
typedef struct scsec_eval_options scsec_eval_options;
/** The outcome of an evaluation. Opaque, immutable. */
typedef struct scsec_result scsec_result;
/** Counts for a level, a category or a CSF function. Borrowed from a result. */
typedef struct scsec_figures scsec_figures;
/** One unsatisfied criterion or prerequisite. Borrowed from a result. */
typedef struct scsec_gap scsec_gap;

/**
 * Why an item is not satisfied. Exactly one reason per item: the first that
 * applies, in the order of doc/evaluation.md (rule 5): missing, not-met,
 * partial, na-rejected, method, unverified, not-yet-valid, expired. The
 * values are never renumbered; SCSEC_REASON_UNVERIFIED (1.1) was appended
 * at the end, so the numeric order is not the order of the rule.
 */
typedef enum scsec_reason {
	SCSEC_REASON_NONE = 0,          /**< satisfied */
	SCSEC_REASON_MISSING = 1,       /**< no entry, or an empty status */
	SCSEC_REASON_NOT_MET = 2,       /**< status not-met */
	SCSEC_REASON_PARTIAL = 3,       /**< status partial */
	SCSEC_REASON_NA_REJECTED = 4,   /**< not-applicable, but not allowed or not justified */
	SCSEC_REASON_METHOD = 5,        /**< assessed by a weaker method than the level needs */
	SCSEC_REASON_NOT_YET_VALID = 6, /**< assessed after the evaluation date (or no date) */
	SCSEC_REASON_EXPIRED = 7,       /**< the evaluation date is past the last valid day */
	/** the method would do, but the record carries no counting signature
	 *  of a party trusted for it (only with a trust list,
	 *  scsec_eval_options_set_trust()) @since 1.1 */
	SCSEC_REASON_UNVERIFIED = 8
} scsec_reason;

/**
 * Number of the 1.0 ::scsec_reason values, SCSEC_REASON_NONE included.
 *
 * It stays 8: programs built against 1.0 size arrays with it and index
 * them by scsec_gap_reason(). SCSEC_REASON_UNVERIFIED, the one value
 * beyond, only appears in results evaluated with a trust list, which only
 * a 1.1 caller can ask for. Code that evaluates with a trust list sizes
 * its arrays with ::SCSEC_REASON_COUNT_1_1.
 */
#define SCSEC_REASON_COUNT 8

/** Number of ::scsec_reason values in 1.1, SCSEC_REASON_NONE included. @since 1.1 */
#define SCSEC_REASON_COUNT_1_1 9

/** The reason's token ("missing", "not-met", ...), "" for NONE. */
SCSEC_API const char *scsec_reason_name(scsec_reason reason);

/** Conditional status under the deductions model (CMMC/SPRS-style). */
typedef enum scsec_conditional {
	SCSEC_CONDITIONAL_NONE = 0,        /**< the set does not score by deductions */
	SCSEC_CONDITIONAL_FINAL = 1,       /**< every scored criterion satisfied */
	SCSEC_CONDITIONAL_CONDITIONAL = 2, /**< score at least the minimum, only plan-eligible items open */
	SCSEC_CONDITIONAL_NOT_MET = 3      /**< neither */
} scsec_conditional;

/** The token ("final", "conditional", "not-met"), "" for NONE. */
SCSEC_API const char *scsec_conditional_name(scsec_conditional status);

/**
 * @name Options
 * @{
 */

/** Create options: as of today (UTC), no target, no answers. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_eval_options_new(scsec_eval_options **out);

/** Free options. Accepts NULL. */
SCSEC_API void scsec_eval_options_free(scsec_eval_options *opts);

/** Evaluate as of @p date. @return 0, SCSEC_EINVAL, SCSEC_EDATE. */
SCSEC_API int scsec_eval_options_set_as_of(scsec_eval_options *opts, scsec_date date);

/**
 * Report the gaps to level @p rank instead of the level above the one
 * achieved (0 restores the default). Checked against the set by
 * scsec_evaluate().
 * @return 0, SCSEC_EINVAL.
 */
SCSEC_API int scsec_eval_options_set_target(scsec_eval_options *opts, int rank);

/**
 * Answer a question of the set's required-level rule (yes: non-zero). The
 * question id is checked by scsec_evaluate().
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_eval_options_set_answer(scsec_eval_options *opts, const char *question,
                                            int yes);

/**
 * Require level @p rank outright, instead of deriving it from answers
 * (0 restores the default).
 * @return 0, SCSEC_EINVAL.
 */
SCSEC_API int scsec_eval_options_set_required(scsec_eval_options *opts, int rank);

/**
 * Have the result carry the projection (doc/evaluation.md, rule 12): for
 * every level not met, the day it would be reached if every plan
 * (scsec_entry_planned_on()) holds, or what blocks it. The projection is a
 * separate figure: it never changes the achieved level, the gaps or the
 * figures. Off by default (@p on zero).
 * @return 0, SCSEC_EINVAL.
 * @since 1.1
 */
SCSEC_API int scsec_eval_options_set_project(scsec_eval_options *opts, int on);

/**
 * The level a contract requires under @p criteria's rule with the answers
 * in @p opts: the default raised by every yes-answer; 0 when the set has no
 * rule and no level was required outright.
 *
 * @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND (an answer to an unknown question).
 */
SCSEC_API int scsec_criteria_required_level(int *out, const scsec_criteria *criteria,
                                            const scsec_eval_options *opts);

/** @} */

/**
 * @name Evaluating
 * @{
 */

/**
 * Bind @p evidence to @p criteria: every criterion's and prerequisite's
 * entry looked up once, and per level the part of its reason that does not
 * depend on the date and its last valid day worked out.
 *
 * The evaluator keeps what it needs of the record (sharing its entries,
 * which never change once added: scsec_evidence_add()), so the record may be
 * changed or freed afterwards; an evaluator made before a change evaluates
 * the record as it was. It holds a reference to @p criteria, which may be
 * freed before it. An evaluator never changes: any number of threads may
 * run it at once.
 *
 * @param[out] out  the evaluator; free with scsec_evaluator_free()
 * @param criteria  the set
 * @param evidence  the record (read only while this call runs)
 * @return 0; SCSEC_EINVAL; SCSEC_EMISMATCH when the record names another
 *         set id or version; SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evaluator_new(scsec_evaluator **out, const scsec_criteria *criteria,
                                  const scsec_evidence *evidence);

/**
 * Evaluate as of the options' date.
 *
 * @param[out] out  the result; free with scsec_result_free()
 * @param evaluator the bound record and set
 * @param opts      options, or NULL (as of today, UTC)
 * @return 0; SCSEC_EINVAL; SCSEC_ENOTFOUND for a target level or question
 *         the set does not have; SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evaluator_run(scsec_result **out, const scsec_evaluator *evaluator,
                                  const scsec_eval_options *opts);

/**
 * Free an evaluator. Accepts NULL. Results made by it stay valid (each
 * holds a reference).
 */
SCSEC_API void scsec_evaluator_free(scsec_evaluator *evaluator);

/**
 * Evaluate @p evidence against @p criteria once: scsec_evaluator_new(),
 * scsec_evaluator_run(), scsec_evaluator_free(). To evaluate one record as
 * of several dates or with several options, keep an evaluator instead.
 *
 * @param[out] out  the result; free with scsec_result_free()
 * @param criteria  the set
 * @param evidence  the record
 * @param opts      options, or NULL (as of today, UTC)
 * @return 0; SCSEC_EINVAL; SCSEC_EMISMATCH when the record names another
 *         set id or version; SCSEC_ENOTFOUND for a target level or question
 *         the set does not have; SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evaluate(scsec_result **out, const scsec_criteria *criteria,
                             const scsec_evidence *evidence, const scsec_eval_options *opts);

/** Free a result. Accepts NULL. */
SCSEC_API void scsec_result_free(scsec_result *result);

/** @} */

/**
 * @name The achieved level
 * @{
 */

/** The highest level met, 0 when none. */
SCSEC_API int scsec_result_level(const scsec_result *result);

/** That level's label ("★4"), or NULL when none. */
SCSEC_API const char *scsec_result_level_label(const scsec_result *result);

/**
 * The last day the achieved level stays valid: the earliest last valid day
 * of the entries it rests on. SCSEC_DATE_NONE when nothing is achieved.
 */
SCSEC_API scsec_date scsec_result_valid_until(const scsec_result *result);

/** The evaluation date. */
SCSEC_API scsec_date scsec_result_as_of(const scsec_result *result);

/** @} */

/**
 * @name Levels
 * @{
 */

/** Number of levels (as in the set). */
SCSEC_API size_t scsec_result_level_count(const scsec_result *result);

/** The rank of the @p i-th level (increasing), or 0 when out of range. */
SCSEC_API int scsec_result_level_rank_at(const scsec_result *result, size_t i);

/** Non-zero when the @p i-th level is met. */
SCSEC_API int scsec_result_level_met_at(const scsec_result *result, size_t i);

/** The label of the @p i-th level ("★3"), or NULL when out of range. */
SCSEC_API const char *scsec_result_level_label_at(const scsec_result *result, size_t i);

/** The figures of the @p i-th level (its criteria and prerequisites), or NULL. */
SCSEC_API const scsec_figures *scsec_result_level_figures_at(const scsec_result *result, size_t i);

/** The @p i-th level of the set (by increasing rank), or NULL when out of range. */
SCSEC_API const scsec_level *scsec_result_level_at(const scsec_result *result, size_t i);

/**
 * Why criterion or prerequisite @p id is unsatisfied at the @p level-th
 * level (by increasing rank), whichever the gap level: every item's reason
 * at every level where it applies (SCSEC_REASON_NONE when satisfied there).
 *
 * @param[out] out  the reason (SCSEC_REASON_NONE on failure)
 * @param result    the result
 * @param level     the level's index (0 to scsec_result_level_count() - 1)
 * @param id        the criterion or prerequisite id
 * @return 0; SCSEC_EINVAL (NULL argument, level out of range);
 *         SCSEC_ENOTFOUND when @p id is no criterion or prerequisite of the
 *         set or does not apply at that level, or the result was not
 *         computed by an evaluator (a result read back).
 */
SCSEC_API int scsec_result_reason_get(scsec_reason *out, const scsec_result *result, size_t level,
                                      const char *id);

/**
 * The last valid day of @p id's entry at the @p level-th level: the earlier
 * of its expires_on and its assessment day + the level's validity - 1 day
 * (doc/evaluation.md, rule 1); SCSEC_DATE_NONE when the record has no
 * entry for it or no dates.
 *
 * @param[out] out  the day (SCSEC_DATE_NONE on failure)
 * @param result    the result
 * @param level     the level's index (0 to scsec_result_level_count() - 1)
 * @param id        the criterion or prerequisite id
 * @return 0, or as scsec_result_reason_get().
 */
SCSEC_API int scsec_result_last_valid_day_get(scsec_date *out, const scsec_result *result,
                                              size_t level, const char *id);

/**
 * Number of prerequisites that name an assessor role
 * (scsec_prerequisite_assessor_role()) and whose answer states none: they
 * count as answered (records written before roles existed keep their
 * level), but a reader of the result should know that nothing says who
 * answered them. 0 for a result not made by an evaluator here.
 * doc/evaluation.md, rule 2.
 * @since 1.1
 */
SCSEC_API size_t scsec_result_unstated_role_count(const scsec_result *result);

/**
 * The @p i-th of those prerequisites, in the set's order, or NULL.
 * @since 1.1
 */
SCSEC_API const scsec_prerequisite *scsec_result_unstated_role_at(const scsec_result *result,
                                                                  size_t i);

/**
 * Number of criteria and prerequisites scsec_result_valid_until() rests on:
 * those of the achieved level's chain whose last valid day is that day
 * (re-evaluating a day later fails them). 0 when nothing is achieved.
 */
SCSEC_API size_t scsec_result_rests_on_count(const scsec_result *result);

/** The id of the @p i-th of them (in id order), or NULL. */
SCSEC_API const char *scsec_result_rests_on_at(const scsec_result *result, size_t i);

/**
 * @name Projection (doc/evaluation.md, rule 12)
 * @{
 */

/**
 * What keeps a level from its projected date (rule 12).
 * @since 1.1
 */
typedef enum scsec_blocker {
	SCSEC_BLOCKER_UNPLANNED = 1, /**< unsatisfied, and no planned date */
	SCSEC_BLOCKER_OVERDUE = 2,   /**< unsatisfied, and its planned date is before the evaluation date */
	SCSEC_BLOCKER_LAPSES = 3     /**< would no longer be valid on the projected date */
} scsec_blocker;

/** "unplanned", "overdue", "lapses", or NULL. @since 1.1 */
SCSEC_API const char *scsec_blocker_name(scsec_blocker kind);

/**
 * Non-zero when the result carries a projection (it was evaluated with
 * scsec_eval_options_set_project()).
 * @since 1.1
 */
SCSEC_API int scsec_result_has_projection(const scsec_result *result);

/**
 * The day the @p i-th level (as scsec_result_level_at()) would be reached
 * if every plan holds: the latest planned date among the items it still
 * needs. SCSEC_DATE_NONE when the level is met already, when something
 * blocks it (scsec_result_projection_blocker_count()), when there is no
 * projection, or @p i is out of range. Never the achieved level: a
 * projection is the supplier's plan, not an assessment.
 * @since 1.1
 */
SCSEC_API scsec_date scsec_result_projected_on_at(const scsec_result *result, size_t i);

/**
 * Number of items that block the @p i-th level's projection; 0 when it has
 * a projected date, is met, or there is no projection.
 * @since 1.1
 */
SCSEC_API size_t scsec_result_projection_blocker_count(const scsec_result *result, size_t i);

/**
 * The @p k-th blocker of the @p level-th level, in id order: the item's id
 * (borrowed from the set) and why it blocks. Either out-pointer may be
 * NULL.
 * @return 0, SCSEC_EINVAL (NULL result, an index out of range).
 * @since 1.1
 */
SCSEC_API int scsec_result_projection_blocker_get(const char **id, scsec_blocker *kind,
                                                  const scsec_result *result, size_t level,
                                                  size_t k);

/** @} */

/** @} */

/**
 * @name Gaps
 *
 * The unsatisfied criteria and prerequisites of the gap level, ordered by
 * id (digit runs by value).
 * @{
 */

/**
 * The gap level: the target when one was named, else the level above the
 * one achieved, else (the top level achieved) the top level, whose gap list
 * is then empty. 0 only for a set without levels.
 */
SCSEC_API int scsec_result_gap_level(const scsec_result *result);

/** Number of gaps. */
SCSEC_API size_t scsec_result_gap_count(const scsec_result *result);

/** The @p i-th gap, or NULL. */
SCSEC_API const scsec_gap *scsec_result_gap_at(const scsec_result *result, size_t i);

/** The criterion or prerequisite id of the gap. */
SCSEC_API const char *scsec_gap_id(const scsec_gap *gap);

/** Why it is not satisfied. */
SCSEC_API scsec_reason scsec_gap_reason(const scsec_gap *gap);

/** Non-zero when the gap is a prerequisite rather than a criterion. */
SCSEC_API int scsec_gap_is_prerequisite(const scsec_gap *gap);

/**
 * The criterion of the gap (borrowed from the result's set), or NULL for a
 * prerequisite (and for a result not computed by an evaluator).
 */
SCSEC_API const scsec_criterion *scsec_gap_criterion(const scsec_gap *gap);

/** The prerequisite of the gap, or NULL for a criterion. */
SCSEC_API const scsec_prerequisite *scsec_gap_prerequisite(const scsec_gap *gap);

/** @} */

/**
 * @name Figures
 *
 * Applicable and satisfied counts, and how many items failed for each
 * reason; they always add up: satisfied + the reason counts = applicable.
 * @{
 */

/** Items that apply. */
SCSEC_API size_t scsec_figures_applicable(const scsec_figures *figures);

/** Items satisfied. */
SCSEC_API size_t scsec_figures_satisfied(const scsec_figures *figures);

/** Items unsatisfied for @p reason (SCSEC_REASON_NONE gives the satisfied count). */
SCSEC_API size_t scsec_figures_reason_count(const scsec_figures *figures, scsec_reason reason);

/**
 * Of the satisfied items, those answered not-applicable (with an accepted
 * justification): whether a level may rest on them is the scheme's call,
 * but a buyer should see how many there are.
 */
SCSEC_API size_t scsec_figures_not_applicable(const scsec_figures *figures);

/**
 * Figures of the gap level's criteria of CSF function @p function (all
 * zero when none applies), or NULL for an invalid function.
 */
SCSEC_API const scsec_figures *scsec_result_function_figures(const scsec_result *result,
                                                             scsec_function function);

/** Number of top-level categories. */
SCSEC_API size_t scsec_result_category_count(const scsec_result *result);

/** The id of the @p i-th top-level category, or NULL. */
SCSEC_API const char *scsec_result_category_id_at(const scsec_result *result, size_t i);

/** The @p i-th top-level category of the set, or NULL when out of range. */
SCSEC_API const scsec_category *scsec_result_category_at(const scsec_result *result, size_t i);

/** Figures of the gap level's criteria in the @p i-th top-level category, or NULL. */
SCSEC_API const scsec_figures *scsec_result_category_figures_at(const scsec_result *result,
                                                                size_t i);

/** @} */

/**
 * @name Scores (points and deductions models)
 * @{
 */

/** Non-zero when the set scores by points or deductions. */
SCSEC_API int scsec_result_has_score(const scsec_result *result);

/** The score (0 without a score). */
SCSEC_API long scsec_result_score(const scsec_result *result);

/** The highest possible score (0 without a score). */
SCSEC_API long scsec_result_score_max(const scsec_result *result);

/** The band label of the score (points model), or NULL. */
SCSEC_API const char *scsec_result_band(const scsec_result *result);

/** The conditional status (deductions model). */
SCSEC_API scsec_conditional scsec_result_conditional(const scsec_result *result);

/** @} */

/**
 * @name Required level
 * @{
 */

/** The level the contract requires, 0 when none was determined. */
SCSEC_API int scsec_result_required_level(const scsec_result *result);

/** 1 when the achieved level meets the required one, 0 when not, -1 when none was determined. */
SCSEC_API int scsec_result_meets_required(const scsec_result *result);

/** @} */

/**
 * @name Provenance
 * @{
 */

/** The engine that produced the result ("libscsec 1.0.0"). */
SCSEC_API const char *scsec_result_engine(const scsec_result *result);

/**
 * The criteria set the result was computed with (borrowed: the result keeps
 * it alive), for titles, texts and everything else the result refers to by
 * id.
 */
SCSEC_API const scsec_criteria *scsec_result_criteria(const scsec_result *result);

/** The criteria set's id. */
SCSEC_API const char *scsec_result_criteria_id(const scsec_result *result);

/** The criteria set's version. */
SCSEC_API const char *scsec_result_criteria_version(const scsec_result *result);

/** The criteria set's fingerprint. */
SCSEC_API const char *scsec_result_criteria_fingerprint(const scsec_result *result);

/**
 * The evidence record's fingerprint (SHA-256 of its canonical XML, as it was
 * when the evaluator was made). Computed on the first call, from any
 * thread; NULL only when that runs out of memory.
 */
SCSEC_API const char *scsec_result_evidence_fingerprint(const scsec_result *result);

/** The evidence record's subject name, or NULL. */
SCSEC_API const char *scsec_result_subject_name(const scsec_result *result);

/** @} */

/**
 * @name Serialisation
 *
 * Both forms are deterministic: the same result gives the same bytes.
 * @{
 */

/**
 * The result as XML (namespace `urn:scsec:result:1`, schema
 * `scsec-result-1.xsd`). Free with scsec_free().
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_result_to_xml(char **out, size_t *size, const scsec_result *result);

/**
 * The result as JSON (one object; keys in doc/evaluation.md). Free with
 * scsec_free().
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_result_to_json(char **out, size_t *size, const scsec_result *result);

/**
 * Read a result back from the XML or JSON form scsec_result_to_xml() and
 * scsec_result_to_json() write, told apart by content (plain or gzip).
 *
 * The result read back equals the one written for everything this API
 * gives: levels and their figures, figures per function and category,
 * the gaps (with their criterion or prerequisite handles), every item's
 * reason and last valid day at every level, valid_until and what it rests
 * on, the unstated roles, the score, the required level, provenance (the
 * set's and the record's fingerprints, the engine that made it, the
 * subject) and the trust policy with its signers. Documents written by
 * libscsec 1.0 carry no reasons per level, last valid days, rests-on or
 * unstated roles: a result read from one answers
 * scsec_result_reason_get() with SCSEC_ENOTFOUND. scsec_result_engine()
 * names the version that made the result, not this library.
 *
 * The result refers to @p criteria, which must be the set it was computed
 * with: a result whose criteria fingerprint differs is refused with
 * SCSEC_EMISMATCH. Every level, category, id and band must be the set's,
 * and the figures must add up; problems are reported at
 * file:line:column (XML) or at a JSON pointer ("/levels/1/applicable").
 *
 * @param[out] out    the result; free with scsec_result_free()
 * @param path        the file
 * @param criteria    the set the result was computed with (a reference is kept)
 * @param opts        limits, or NULL for the defaults
 * @param diags       a list receiving every problem found, or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_ESCHEMA, SCSEC_EINVALID,
 *         SCSEC_EMISMATCH, SCSEC_EVERSION (not a result), SCSEC_EDATE, SCSEC_ELIMIT,
 *         SCSEC_EUNSAFE, SCSEC_EENCODING, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_result_load_file(scsec_result **out, const char *path,
                                     const scsec_criteria *criteria,
                                     const scsec_load_options *opts, scsec_diagnostics *diags);

/**
 * Read a result held in memory (@p name names it in messages, or NULL).
 * @see scsec_result_load_file()
 * @since 1.1
 */
SCSEC_API int scsec_result_load_memory(scsec_result **out, const void *data, size_t size,
                                       const char *name, const scsec_criteria *criteria,
                                       const scsec_load_options *opts,
                                       scsec_diagnostics *diags);

/**
 * New options that make the evaluator compute this result again from the
 * same record: as of the result's date, targeting its gap level, requiring
 * its required level (when one was determined). A result made under a
 * trust policy (scsec_result_trust_applied()) needs the same trust list:
 * add it with scsec_eval_options_set_trust().
 *
 * @param[out] out  the options; free with scsec_eval_options_free()
 * @param result    a result, evaluated or read back
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_result_options_get(scsec_eval_options **out, const scsec_result *result);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_EVAL_H */
