/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/portfolio.h
 * @brief The buyer's view: many suppliers' results as of one date, their
 *        contracts, and the figures a procurement manager reads
 *        (doc/portfolio.md).
 *
 * A portfolio (scsec_portfolio_new()) is built from results evaluated
 * against one criteria set as of one date (scsec_portfolio_add(); it
 * copies what it needs, so the results may be freed at once), from the
 * contracts that name a required level per supplier
 * (scsec_portfolio_add_contract(); a supplier with several contracts is
 * judged against the highest), and from the sources that could not be
 * read (scsec_portfolio_add_unreadable()). Its figures are kept up to date
 * as these are added, in any order:
 *
 * - suppliers per achieved level (scsec_portfolio_level_suppliers());
 * - per contract, achieved vs required (scsec_portfolio_contract_at());
 * - suppliers whose level expires within the portfolio's days, and the
 *   entries that make it expire (scsec_portfolio_expiring_at(),
 *   scsec_supplier_expiry_item_at());
 * - suppliers below their requirement (scsec_portfolio_below_at()) with the
 *   gap split into items met but needing a stronger assessment
 *   (scsec_supplier_gap_method()) and items needing fixes
 *   (scsec_supplier_gap_fixes());
 * - the criteria most suppliers miss (scsec_portfolio_missed_id_at());
 * - suppliers whose evidence is unsigned or unverified, when the results
 *   were evaluated with a trust list (scsec_portfolio_untrusted_at()).
 *
 * Every list has a fixed order (documented with it), so the same inputs
 * give the same figures and the same serialised bytes. A supplier costs
 * about a kilobyte for the METI set (one byte per criterion and level, the
 * ids its level rests on, its names).
 *
 * A portfolio is not thread-safe while it is being added to; once built,
 * any number of threads may read it. Pointers obtained from it are
 * borrowed and live as long as the portfolio.
 */
#ifndef SCSEC_PORTFOLIO_H
#define SCSEC_PORTFOLIO_H

#include <stddef.h>

#include <scsec/common.h>
#include <scsec/criteria.h>
#include <scsec/eval.h>
#include <scsec/options.h>

SCSEC_BEGIN_DECLS

/** A portfolio of suppliers. Opaque. @since 1.1 */
typedef struct scsec_portfolio scsec_portfolio;
/** One supplier of a portfolio. Borrowed from the portfolio. @since 1.1 */
typedef struct scsec_supplier scsec_supplier;
/** One contract of a portfolio. Borrowed from the portfolio. @since 1.1 */
typedef struct scsec_contract scsec_contract;

/** The largest number of days a portfolio looks ahead for expiries. @since 1.1 */
#define SCSEC_PORTFOLIO_MAX_WITHIN 3660

/**
 * @name Building
 * @{
 */

/**
 * Create an empty portfolio.
 *
 * @param[out] out     the portfolio; free with scsec_portfolio_free()
 * @param criteria     the set every result must have been evaluated
 *                     against (a reference is kept: it may be freed first)
 * @param as_of        the date every result must have been evaluated as of
 * @param within_days  a level expiring on or before @p as_of + this many
 *                     days counts as expiring (0 to
 *                     ::SCSEC_PORTFOLIO_MAX_WITHIN)
 * @return 0; SCSEC_EINVAL (NULL argument, days out of range); SCSEC_EDATE
 *         for an invalid date; SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_new(scsec_portfolio **out, const scsec_criteria *criteria,
                                  scsec_date as_of, int within_days);

/** Free a portfolio. Accepts NULL. @since 1.1 */
SCSEC_API void scsec_portfolio_free(scsec_portfolio *portfolio);

/**
 * Add a supplier with its result. What the figures need is copied (the
 * reasons of every item at every level, the achieved level, its last valid
 * day and what it rests on, the trust provenance): @p result may be freed
 * afterwards.
 *
 * @param portfolio    the portfolio
 * @param supplier_id  the supplier's id (a corporate number, the record's
 *                     subject id): 1 to 256 bytes of valid text, unique in
 *                     the portfolio
 * @param name         its name, or NULL
 * @param result       its result, made by an evaluator (not read back)
 * @param source       where the record came from (a file name), or NULL
 * @return 0; SCSEC_EINVAL (NULL argument, bad id or text, a result read
 *         back); SCSEC_EMISMATCH when the result was evaluated against
 *         another set or as of another date; SCSEC_EEXISTS for a supplier
 *         id already present; SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_add(scsec_portfolio *portfolio, const char *supplier_id,
                                  const char *name, const scsec_result *result,
                                  const char *source);

/**
 * Add a contract: supplier @p supplier_id must reach the level that
 * scsec_criteria_required_level() gives for @p opts (a level required
 * outright, scsec_eval_options_set_required(), or the answers to the set's
 * required-level questions, scsec_eval_options_set_answer()). The supplier
 * may be added before or after its contracts; one never added shows as
 * absent in its contracts (scsec_contract_meets() -1).
 *
 * @param portfolio    the portfolio
 * @param supplier_id  the supplier's id (as for scsec_portfolio_add())
 * @param contract_id  the contract's id, unique per supplier (same rules)
 * @param opts         the requirement
 * @return 0; SCSEC_EINVAL (NULL argument, bad id, no level determined);
 *         SCSEC_ENOTFOUND (as scsec_criteria_required_level()); SCSEC_EEXISTS
 *         for a contract id already present for the supplier; SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_add_contract(scsec_portfolio *portfolio, const char *supplier_id,
                                           const char *contract_id,
                                           const scsec_eval_options *opts);

/**
 * Add the contracts of a contracts sheet (CSV, or an Excel workbook: read
 * as answer sheets are, any encoding SCSEC_LOAD_ENCODING allows): a header
 * row naming the columns `supplier`, `contract` and `required` (a rank or a
 * level's label) and/or one column per question of the set's
 * required-level rule (yes or no), then one row per contract; empty rows
 * and rows whose first cell starts with `#` are skipped. When `required`
 * is empty the answers decide (scsec_criteria_required_level()). Every
 * row is checked first: a sheet with an error adds no contract, each
 * problem goes to @p diags with its row and column (doc/portfolio.md).
 *
 * @param portfolio the portfolio
 * @param path      the sheet's file name
 * @param opts      reading options, or NULL
 * @param diags     where problems go, or NULL
 * @return 0; SCSEC_EINVAL; SCSEC_EIO; SCSEC_EPARSE (an empty or malformed
 *         sheet); SCSEC_EINVALID (a bad row, a contract listed twice or
 *         already present); SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_load_contracts(scsec_portfolio *portfolio, const char *path,
                                             const scsec_load_options *opts,
                                             scsec_diagnostics *diags);

/**
 * The same from memory (@p name for messages, or NULL).
 * @see scsec_portfolio_load_contracts()
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_load_contracts_memory(scsec_portfolio *portfolio, const void *data,
                                                    size_t size, const char *name,
                                                    const scsec_load_options *opts,
                                                    scsec_diagnostics *diags);

/**
 * Note a source that could not be read or evaluated: it is listed with the
 * figures (scsec_portfolio_unreadable_at()), never counted as a supplier.
 *
 * @param portfolio  the portfolio
 * @param source     the file name (valid text, 1 to 4096 bytes)
 * @param problem    why (valid text, cut at 1024 bytes), or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_add_unreadable(scsec_portfolio *portfolio, const char *source,
                                             const char *problem);

/** @} */

/**
 * @name The portfolio
 * @{
 */

/** The criteria set (borrowed), or NULL. @since 1.1 */
SCSEC_API const scsec_criteria *scsec_portfolio_criteria(const scsec_portfolio *portfolio);

/** The date of the figures, or SCSEC_DATE_NONE. @since 1.1 */
SCSEC_API scsec_date scsec_portfolio_as_of(const scsec_portfolio *portfolio);

/** The days ahead that count as expiring, or -1. @since 1.1 */
SCSEC_API int scsec_portfolio_within_days(const scsec_portfolio *portfolio);

/** Non-zero when at least one result was evaluated with a trust list. @since 1.1 */
SCSEC_API int scsec_portfolio_trust_applied(const scsec_portfolio *portfolio);

/**
 * Non-zero when at least one result was evaluated with the projection
 * (scsec_eval_options_set_project(), doc/evaluation.md rule 12).
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_projection_applied(const scsec_portfolio *portfolio);

/** Number of top-level categories of the set (the heat map's columns). @since 1.1 */
SCSEC_API size_t scsec_portfolio_category_count(const scsec_portfolio *portfolio);

/**
 * The @p i-th top-level category (as scsec_result_category_at(); the index
 * of scsec_supplier_category_satisfied()), or NULL. @since 1.1
 */
SCSEC_API const scsec_category *scsec_portfolio_category_at(const scsec_portfolio *portfolio,
                                                            size_t i);

/** Number of suppliers. @since 1.1 */
SCSEC_API size_t scsec_portfolio_supplier_count(const scsec_portfolio *portfolio);

/** The @p i-th supplier, ordered by id (digit runs by value), or NULL. @since 1.1 */
SCSEC_API const scsec_supplier *scsec_portfolio_supplier_at(const scsec_portfolio *portfolio,
                                                            size_t i);

/** The supplier with id @p supplier_id, or NULL. @since 1.1 */
SCSEC_API const scsec_supplier *scsec_portfolio_supplier_get(const scsec_portfolio *portfolio,
                                                             const char *supplier_id);

/**
 * Number of suppliers whose achieved level has rank @p rank (0: suppliers
 * that achieve no level). @since 1.1
 */
SCSEC_API size_t scsec_portfolio_level_suppliers(const scsec_portfolio *portfolio, int rank);

/**
 * Number of suppliers whose achieved level expires within the portfolio's
 * days (its last valid day on or before as-of + days). @since 1.1
 */
SCSEC_API size_t scsec_portfolio_expiring_count(const scsec_portfolio *portfolio);

/** The @p i-th of them, soonest first (then by id), or NULL. @since 1.1 */
SCSEC_API const scsec_supplier *scsec_portfolio_expiring_at(const scsec_portfolio *portfolio,
                                                            size_t i);

/** Number of suppliers with a contract whose achieved level is below the required one. @since 1.1 */
SCSEC_API size_t scsec_portfolio_below_count(const scsec_portfolio *portfolio);

/** The @p i-th of them, by id, or NULL. @since 1.1 */
SCSEC_API const scsec_supplier *scsec_portfolio_below_at(const scsec_portfolio *portfolio,
                                                         size_t i);

/**
 * Number of suppliers evaluated with a trust list whose evidence is
 * unsigned or carries no counting signature (scsec_supplier_trust()).
 * @since 1.1
 */
SCSEC_API size_t scsec_portfolio_untrusted_count(const scsec_portfolio *portfolio);

/** The @p i-th of them, by id, or NULL. @since 1.1 */
SCSEC_API const scsec_supplier *scsec_portfolio_untrusted_at(const scsec_portfolio *portfolio,
                                                             size_t i);

/**
 * Number of criteria and prerequisites that at least one supplier misses
 * at its target level (scsec_supplier_target_level()).
 * @since 1.1
 */
SCSEC_API size_t scsec_portfolio_missed_count(const scsec_portfolio *portfolio);

/**
 * The id of the @p i-th of them, the most missed first (then by id, digit
 * runs by value), or NULL. @since 1.1
 */
SCSEC_API const char *scsec_portfolio_missed_id_at(const scsec_portfolio *portfolio, size_t i);

/** How many suppliers miss the @p i-th of them (0 when out of range). @since 1.1 */
SCSEC_API size_t scsec_portfolio_missed_suppliers_at(const scsec_portfolio *portfolio, size_t i);

/** Of those, how many only need a stronger assessment of it (method or unverified). @since 1.1 */
SCSEC_API size_t scsec_portfolio_missed_method_at(const scsec_portfolio *portfolio, size_t i);

/** Number of contracts. @since 1.1 */
SCSEC_API size_t scsec_portfolio_contract_count(const scsec_portfolio *portfolio);

/** The @p i-th contract, by supplier id then contract id, or NULL. @since 1.1 */
SCSEC_API const scsec_contract *scsec_portfolio_contract_at(const scsec_portfolio *portfolio,
                                                            size_t i);

/** Number of sources that could not be read. @since 1.1 */
SCSEC_API size_t scsec_portfolio_unreadable_count(const scsec_portfolio *portfolio);

/** The @p i-th of those sources (by name, bytewise), or NULL. @since 1.1 */
SCSEC_API const char *scsec_portfolio_unreadable_at(const scsec_portfolio *portfolio, size_t i);

/** Why the @p i-th source could not be read ("" when not said), or NULL. @since 1.1 */
SCSEC_API const char *scsec_portfolio_unreadable_problem_at(const scsec_portfolio *portfolio,
                                                            size_t i);

/** @} */

/**
 * @name A supplier
 * @{
 */

/** The supplier's id. @since 1.1 */
SCSEC_API const char *scsec_supplier_id(const scsec_supplier *supplier);

/** Its name, or NULL. @since 1.1 */
SCSEC_API const char *scsec_supplier_name(const scsec_supplier *supplier);

/** Where its record came from, or NULL. @since 1.1 */
SCSEC_API const char *scsec_supplier_source(const scsec_supplier *supplier);

/** The rank of the level it achieves, 0 when none. @since 1.1 */
SCSEC_API int scsec_supplier_level(const scsec_supplier *supplier);

/** The last day that level stays valid, SCSEC_DATE_NONE when none is achieved. @since 1.1 */
SCSEC_API scsec_date scsec_supplier_valid_until(const scsec_supplier *supplier);

/** Non-zero when that day is within the portfolio's days. @since 1.1 */
SCSEC_API int scsec_supplier_expiring(const scsec_supplier *supplier);

/**
 * Number of criteria and prerequisites whose entries make the level expire
 * on scsec_supplier_valid_until() (scsec_result_rests_on_count()).
 * @since 1.1
 */
SCSEC_API size_t scsec_supplier_expiry_item_count(const scsec_supplier *supplier);

/** The id of the @p i-th of them (by id), or NULL. @since 1.1 */
SCSEC_API const char *scsec_supplier_expiry_item_at(const scsec_supplier *supplier, size_t i);

/** The highest level its contracts require, 0 without a contract. @since 1.1 */
SCSEC_API int scsec_supplier_required(const scsec_supplier *supplier);

/** Number of its contracts. @since 1.1 */
SCSEC_API size_t scsec_supplier_contract_count(const scsec_supplier *supplier);

/**
 * 1 when the achieved level meets the required one (rank at least the
 * required rank, as scsec_result_meets_required()), 0 when not, -1
 * without a contract. @since 1.1
 */
SCSEC_API int scsec_supplier_meets_required(const scsec_supplier *supplier);

/**
 * The level its gap figures are for: the required level when it has a
 * contract, else the level above the one achieved; 0 when the supplier
 * has reached it (or the top level without a contract).
 * @since 1.1
 */
SCSEC_API int scsec_supplier_target_level(const scsec_supplier *supplier);

/**
 * Of the items unsatisfied at the target level (and the levels it
 * requires), those substantively met that only need a stronger assessment:
 * reason method, or unverified under a trust list. @since 1.1
 */
SCSEC_API size_t scsec_supplier_gap_method(const scsec_supplier *supplier);

/** Of those items, the others: missing, not met, partial, rejected not-applicable, out of date. @since 1.1 */
SCSEC_API size_t scsec_supplier_gap_fixes(const scsec_supplier *supplier);

/**
 * Of the @p i-th top-level category's criteria that apply at the target
 * level (the gap level when the target is reached), how many are
 * satisfied; *applicable gets how many apply.
 * @return the satisfied count (0 when out of range, *applicable then 0).
 * @since 1.1
 */
SCSEC_API size_t scsec_supplier_category_satisfied(const scsec_supplier *supplier, size_t i,
                                                   size_t *applicable);

/**
 * The trust provenance of its evidence: "" when its result was evaluated
 * without a trust list, else "unsigned" (no signature), "unverified"
 * (signatures, none of which counted) or "verified" (at least one counted).
 * @since 1.1
 */
SCSEC_API const char *scsec_supplier_trust(const scsec_supplier *supplier);

/**
 * Non-zero when its result carried a projection (it was evaluated with
 * scsec_eval_options_set_project()); scsec_portfolio_add() copied the
 * projection of every level, so the figures below follow the target when
 * a contract changes it.
 * @since 1.1
 */
SCSEC_API int scsec_supplier_has_projection(const scsec_supplier *supplier);

/**
 * The day on which the supplier's target level (scsec_supplier_target_level():
 * the required level when it falls short of a contract, else the level
 * above the one it holds) would be reached if its planned completion dates
 * hold (rule 12). A plan, never the achieved level.
 * @return the date; SCSEC_DATE_NONE when the target is blocked
 *         (scsec_supplier_projection_blocked()), there is no target, or no
 *         projection.
 * @since 1.1
 */
SCSEC_API scsec_date scsec_supplier_projected_on(const scsec_supplier *supplier);

/**
 * Number of items that block the projection of the supplier's target
 * level (unplanned, overdue, or lapsing before the projected day;
 * scsec_result_projection_blocker_count()); 0 when it has a projected
 * date, there is no target, or no projection.
 * @since 1.1
 */
SCSEC_API size_t scsec_supplier_projection_blocked(const scsec_supplier *supplier);

/** @} */

/**
 * @name A contract
 * @{
 */

/** The supplier's id. @since 1.1 */
SCSEC_API const char *scsec_contract_supplier_id(const scsec_contract *contract);

/** The contract's id. @since 1.1 */
SCSEC_API const char *scsec_contract_id(const scsec_contract *contract);

/** The level it requires. @since 1.1 */
SCSEC_API int scsec_contract_required(const scsec_contract *contract);

/** The supplier (borrowed), or NULL when it was never added. @since 1.1 */
SCSEC_API const scsec_supplier *scsec_contract_supplier(const scsec_contract *contract);

/** 1 when its supplier's level meets it, 0 when not, -1 when the supplier is absent. @since 1.1 */
SCSEC_API int scsec_contract_meets(const scsec_contract *contract);

/** @} */

/**
 * @name Serialisation
 *
 * Both forms are deterministic: the same portfolio gives the same bytes.
 * @{
 */

/**
 * The portfolio as JSON (one object, data/schema/scsec-portfolio-1.schema.json).
 * Free with scsec_free().
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_to_json(char **out, size_t *size, const scsec_portfolio *portfolio);

/**
 * The portfolio as CSV (RFC 4180, a header row, one row per supplier then
 * one per unreadable source; columns in doc/portfolio.md). Free with
 * scsec_free().
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_portfolio_to_csv(char **out, size_t *size, const scsec_portfolio *portfolio);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_PORTFOLIO_H */
