/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/mapping.h
 * @brief Mapping sets: how the criteria of one set relate to those of
 *        another (another framework, or another revision), and records
 *        derived through them.
 *
 * A mapping set names its source and target criteria sets (id and
 * version) and lists mappings `source id -> target id`, each with a
 * relationship from NIST IR 8477's set-theory vocabulary (as OSCAL 1.2's
 * mapping model uses it), an optional strength and coverage (0 to 1), a
 * rationale and a note. It also says, as data, which assessment methods of
 * the source are accepted for the target. Mapping sets are read and written
 * in XML (namespace `urn:scsec:mapping:1`, schema `scsec-mapping-1.xsd`,
 * doc/mapping.md).
 *
 * scsec_mapping_derive() carries a source record through a mapping set and
 * gives a **derived** record against the target set, by the one rule of
 * doc/mapping.md. A derived record and its entries say where they came
 * from (scsec_evidence_derived(), scsec_entry_derived_source_get()); a
 * derived record is a head start for a person to review, not an
 * assessment.
 *
 * A mapping set is mutable while it is built (one thread at a time); once
 * built or loaded, any number of threads may read it and derive through it
 * concurrently, as long as none modifies it. Pointers to mappings are
 * borrowed and stay valid until the set is changed or freed.
 *
 * @since 1.1
 */
#ifndef SCSEC_MAPPING_H
#define SCSEC_MAPPING_H

#include <scsec/common.h>
#include <scsec/criteria.h>
#include <scsec/error.h>
#include <scsec/eval.h>
#include <scsec/evidence.h>
#include <scsec/options.h>

SCSEC_BEGIN_DECLS

/** A mapping set. Opaque. */
typedef struct scsec_mapping_set scsec_mapping_set;

/** One mapping of a set. Opaque, borrowed from its set. */
typedef struct scsec_mapping scsec_mapping;

/**
 * How a source criterion relates to a target criterion (NIST IR 8477,
 * section 4.3), read "source RELATIONSHIP target".
 */
typedef enum scsec_relationship {
	SCSEC_RELATIONSHIP_NONE = 0,            /**< not given (never in a set) */
	SCSEC_RELATIONSHIP_EQUAL_TO = 1,        /**< the same text */
	SCSEC_RELATIONSHIP_EQUIVALENT_TO = 2,   /**< other words, the same meaning */
	SCSEC_RELATIONSHIP_SUBSET_OF = 3,       /**< the source asks for part of the target */
	SCSEC_RELATIONSHIP_SUPERSET_OF = 4,     /**< the source asks for the target and more */
	SCSEC_RELATIONSHIP_INTERSECTS_WITH = 5, /**< they overlap; neither contains the other */
	SCSEC_RELATIONSHIP_NO_RELATIONSHIP = 6  /**< unrelated: nothing carries */
} scsec_relationship;

/** Why a mapping was made (NIST IR 8477's matching rationales). */
typedef enum scsec_rationale {
	SCSEC_RATIONALE_NONE = 0,      /**< not given */
	SCSEC_RATIONALE_SYNTACTIC = 1, /**< the wording */
	SCSEC_RATIONALE_SEMANTIC = 2,  /**< the meaning */
	SCSEC_RATIONALE_FUNCTIONAL = 3 /**< the effect */
} scsec_rationale;

/** How far a mapping set covers one target criterion (scsec_mapping_set_coverage()). */
typedef enum scsec_coverage {
	SCSEC_COVERAGE_NONE = 0,    /**< no source carries to it */
	SCSEC_COVERAGE_PARTIAL = 1, /**< only subset-of or intersects-with sources */
	SCSEC_COVERAGE_FULL = 2     /**< an equal-to, equivalent-to or superset-of source */
} scsec_coverage;

/** The relationship's token ("equal-to", ...), "" for NONE or an unknown value. */
SCSEC_API const char *scsec_relationship_name(scsec_relationship relationship);

/** Parse a relationship token. @return 0, SCSEC_EINVAL for NULL or an unknown token. */
SCSEC_API int scsec_relationship_parse(scsec_relationship *out, const char *text);

/** The rationale's token ("syntactic", "semantic", "functional"), "" for NONE. */
SCSEC_API const char *scsec_rationale_name(scsec_rationale rationale);

/** Parse a rationale token. @return 0, SCSEC_EINVAL for NULL or an unknown token. */
SCSEC_API int scsec_rationale_parse(scsec_rationale *out, const char *text);

/** The coverage's token ("none", "partial", "full"). */
SCSEC_API const char *scsec_coverage_name(scsec_coverage coverage);

/**
 * @name Creating, loading, writing
 * @{
 */

/**
 * Create an empty mapping set.
 * @param[out] out        the set; free with scsec_mapping_set_free()
 * @param id              the set's id (an id: 1 to 64 of `[A-Za-z0-9_.:-]`)
 * @param version         its version (non-empty)
 * @param source_id       the source criteria set's id
 * @param source_version  its version
 * @param target_id       the target criteria set's id
 * @param target_version  its version
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_new(scsec_mapping_set **out, const char *id, const char *version,
                                    const char *source_id, const char *source_version,
                                    const char *target_id, const char *target_version);

/**
 * Load a mapping set from an XML file (plain or gzip), or from OSCAL
 * mapping-collection JSON when the document starts with `{`
 * (scsec_mapping_set_load_oscal_file()). Every problem
 * (malformed XML, schema errors, unknown tokens, a mapping given twice) is
 * reported to @p diags with its file, line and column.
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_EENCODING,
 *         SCSEC_EUNSAFE, SCSEC_ELIMIT, SCSEC_ESCHEMA, SCSEC_EVERSION,
 *         SCSEC_EEXISTS, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_load_file(scsec_mapping_set **out, const char *path,
                                          const scsec_load_options *opts,
                                          scsec_diagnostics *diags);

/** Load a mapping set from memory. @see scsec_mapping_set_load_file() */
SCSEC_API int scsec_mapping_set_load_memory(scsec_mapping_set **out, const void *data,
                                            size_t size, const char *name,
                                            const scsec_load_options *opts,
                                            scsec_diagnostics *diags);

/** Number of mapping sets built into the library. */
SCSEC_API size_t scsec_mapping_set_builtin_count(void);

/** The id of the @p i-th built-in mapping set, or NULL when out of range. */
SCSEC_API const char *scsec_mapping_set_builtin_id(size_t i);

/**
 * Load a built-in mapping set by id.
 * @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_builtin(scsec_mapping_set **out, const char *id);

/**
 * The inverse of a set: target and source swapped, every mapping read the
 * other way (subset-of and superset-of exchanged, the other relationships
 * kept), strength, coverage, rationale and note kept; no-relationship
 * mappings that name no target are left out. The inverse accepts no method
 * beyond self (what the source's assessments are worth for the target is
 * not what the target's are worth for the source), is marked provisional
 * as the set is, and has the id `ID-inverse` (the set's id, shortened to
 * fit) and the same version.
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_invert(scsec_mapping_set **out, const scsec_mapping_set *set);

/** Copy a mapping set. @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_mapping_set_dup(scsec_mapping_set **out, const scsec_mapping_set *set);

/** Free a mapping set. Accepts NULL. */
SCSEC_API void scsec_mapping_set_free(scsec_mapping_set *set);

/**
 * Write the set as XML (its canonical form: mappings ordered by source id,
 * then target id).
 * @param[out] out   the document (NUL-terminated); free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param set        the set
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_write_memory(char **out, size_t *size,
                                             const scsec_mapping_set *set);

/**
 * Save the set as XML, atomically (see scsec_evidence_save()).
 * @param set    the set
 * @param path   the file to write or replace
 * @param flags  SCSEC_WRITE_DEFAULT or SCSEC_WRITE_GZIP
 * @return 0, SCSEC_EINVAL, SCSEC_EIO, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_save(const scsec_mapping_set *set, const char *path,
                                     unsigned int flags);

/** @} */

/**
 * @name The set
 * @{
 */

/** The set's id. */
SCSEC_API const char *scsec_mapping_set_id(const scsec_mapping_set *set);
/** The set's version. */
SCSEC_API const char *scsec_mapping_set_version(const scsec_mapping_set *set);
/** The source criteria set's id. */
SCSEC_API const char *scsec_mapping_set_source_id(const scsec_mapping_set *set);
/** The source criteria set's version. */
SCSEC_API const char *scsec_mapping_set_source_version(const scsec_mapping_set *set);
/** The target criteria set's id. */
SCSEC_API const char *scsec_mapping_set_target_id(const scsec_mapping_set *set);
/** The target criteria set's version. */
SCSEC_API const char *scsec_mapping_set_target_version(const scsec_mapping_set *set);
/** The title, or NULL. */
SCSEC_API const char *scsec_mapping_set_title(const scsec_mapping_set *set);
/** Set the title (NULL clears it). @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_mapping_set_set_title(scsec_mapping_set *set, const char *title);
/**
 * Non-zero when the set is marked provisional: made by a machine or from
 * "related" cross-references, not yet reviewed by a person.
 */
SCSEC_API int scsec_mapping_set_provisional(const scsec_mapping_set *set);
/** Mark the set provisional (non-zero) or not. @return 0, SCSEC_EINVAL. */
SCSEC_API int scsec_mapping_set_set_provisional(scsec_mapping_set *set, int provisional);

/**
 * Non-zero when answers assessed by @p method in the source are accepted
 * for the target at that method. A derived entry never counts as stronger
 * than `self` unless its method is accepted (doc/mapping.md).
 */
SCSEC_API int scsec_mapping_set_accepts(const scsec_mapping_set *set, scsec_method method);

/**
 * Accept (non-zero) or stop accepting source method @p method
 * (SCSEC_METHOD_EXPERT_REVIEWED or SCSEC_METHOD_THIRD_PARTY; `self` is
 * always accepted). @return 0, SCSEC_EINVAL.
 */
SCSEC_API int scsec_mapping_set_set_accepted(scsec_mapping_set *set, scsec_method method,
                                             int accepted);

/** Number of mappings. */
SCSEC_API size_t scsec_mapping_set_count(const scsec_mapping_set *set);

/** The @p i-th mapping (ordered by source id, then target id), or NULL. */
SCSEC_API const scsec_mapping *scsec_mapping_set_at(const scsec_mapping_set *set, size_t i);

/**
 * The mapping from @p source to @p target, or NULL. @p target may be NULL
 * for a `no-relationship` mapping that names no target.
 */
SCSEC_API const scsec_mapping *scsec_mapping_set_find(const scsec_mapping_set *set,
                                                      const char *source, const char *target);

/**
 * Add a mapping.
 * @param[out] added    the new mapping (borrowed), for the optional setters
 *                      below, or NULL
 * @param set           the set
 * @param source        the source criterion's id
 * @param target        the target criterion's id; NULL only for
 *                      SCSEC_RELATIONSHIP_NO_RELATIONSHIP (the source maps
 *                      to nothing, e.g. a criterion a revision removed)
 * @param relationship  how they relate
 * @return 0, SCSEC_EINVAL, SCSEC_EEXISTS (that pair is mapped already),
 *         SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_add(scsec_mapping **added, scsec_mapping_set *set,
                                    const char *source, const char *target,
                                    scsec_relationship relationship);

/** Remove the mapping from @p source to @p target. @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND. */
SCSEC_API int scsec_mapping_set_remove(scsec_mapping_set *set, const char *source,
                                       const char *target);

/**
 * Check the set against its criteria sets: errors for a source id that is
 * not a criterion of @p source, a target id that is not a criterion of
 * @p target, and a set whose source or target id and version differ from
 * the sets given. Either set may be NULL to skip its side.
 * @return 0 when no error was found, SCSEC_EINVALID (SCSEC_EMISMATCH for a
 *         set of another id or version), SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_set_check(const scsec_mapping_set *set, const scsec_criteria *source,
                                      const scsec_criteria *target, scsec_diagnostics *diags);

/**
 * How far the set covers target criterion @p target_id: FULL when one of
 * its mappings is equal-to, equivalent-to or superset-of, PARTIAL when
 * there are only subset-of or intersects-with mappings, NONE otherwise.
 */
SCSEC_API scsec_coverage scsec_mapping_set_coverage(const scsec_mapping_set *set,
                                                    const char *target_id);

/** @} */

/**
 * @name One mapping
 * @{
 */

/** The source criterion's id. */
SCSEC_API const char *scsec_mapping_source(const scsec_mapping *mapping);
/** The target criterion's id, or NULL (a no-relationship mapping to nothing). */
SCSEC_API const char *scsec_mapping_target(const scsec_mapping *mapping);
/** The relationship. */
SCSEC_API scsec_relationship scsec_mapping_relationship(const scsec_mapping *mapping);
/** The strength (the author's confidence, 0 to 1, in steps of 0.001), or -1 when not given. */
SCSEC_API double scsec_mapping_strength(const scsec_mapping *mapping);
/** How much of the target the source covers (0 to 1, steps of 0.001), or -1 when not given. */
SCSEC_API double scsec_mapping_coverage(const scsec_mapping *mapping);
/** The rationale. */
SCSEC_API scsec_rationale scsec_mapping_rationale(const scsec_mapping *mapping);
/** The note, or NULL. */
SCSEC_API const char *scsec_mapping_note(const scsec_mapping *mapping);

/** Set the strength, 0 to 1 (rounded to 0.001), or a negative value to clear it. @return 0, SCSEC_EINVAL. */
SCSEC_API int scsec_mapping_set_strength(scsec_mapping *mapping, double strength);
/** Set the coverage, 0 to 1 (rounded to 0.001), or a negative value to clear it. @return 0, SCSEC_EINVAL. */
SCSEC_API int scsec_mapping_set_coverage_value(scsec_mapping *mapping, double coverage);
/** Set the rationale. @return 0, SCSEC_EINVAL. */
SCSEC_API int scsec_mapping_set_rationale(scsec_mapping *mapping, scsec_rationale rationale);
/** Set the note (NULL clears it). @return 0, SCSEC_EINVAL, SCSEC_ENOMEM. */
SCSEC_API int scsec_mapping_set_note(scsec_mapping *mapping, const char *note);

/** @} */

/**
 * @name Deriving records
 * @{
 */

/**
 * Carry the answers of @p source through @p mapping: the derived record
 * against the mapping's target set, by the rule of doc/mapping.md. For
 * each target id of the mapping, the sources mapped to it give one entry:
 * each source's status through its relationship (equal-to, equivalent-to,
 * superset-of: as is; subset-of, intersects-with: met becomes partial;
 * no-relationship: nothing), the most restrictive of them (not-met >
 * partial > missing > met > not-applicable), the earliest assessment day
 * and last valid day, the weakest method, capped at `self` unless the
 * mapping accepts it. Each entry records its source set and its sources
 * (id, relationship, status, method); the record records the mapping.
 * The result does not depend on the order of mappings or entries.
 * @param[out] out    the derived record; free with scsec_evidence_free()
 * @param source      the source record (its set should be the mapping's source)
 * @param mapping     the mapping set
 * @param target      the target criteria set (ids outside it are left out,
 *                    and the record names its fingerprint), or NULL to
 *                    derive every target id of the mapping
 * @param diags       a list receiving warnings (a source record for another
 *                    set, target ids the set does not have), or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_EMISMATCH (@p target is not the mapping's
 *         target set), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_mapping_derive(scsec_evidence **out, const scsec_evidence *source,
                                   const scsec_mapping_set *mapping, const scsec_criteria *target,
                                   scsec_diagnostics *diags);

/** Non-zero when the record was derived through a mapping set. */
SCSEC_API int scsec_evidence_derived(const scsec_evidence *evidence);

/**
 * Non-zero when the result was computed from a derived record: a head
 * start for a person to review, not an assessment. Result documents say so
 * (`derived="true"` on the XML's evidence element, `"derived": true` in the
 * JSON's `evidence` object).
 */
SCSEC_API int scsec_result_evidence_derived(const scsec_result *result);

/**
 * Where a derived record came from; any out-pointer may be NULL, the
 * strings belong to the record.
 * @param[out] mapping_id       the mapping set's id
 * @param[out] mapping_version  its version
 * @param[out] source_id        the source criteria set's id
 * @param[out] source_version   its version
 * @param evidence              the record
 * @return 0, SCSEC_EINVAL (NULL record), SCSEC_ENOTFOUND (not derived;
 *         the out-values are then left untouched).
 */
SCSEC_API int scsec_evidence_derivation_get(const char **mapping_id, const char **mapping_version,
                                            const char **source_id, const char **source_version,
                                            const scsec_evidence *evidence);

/**
 * Mark a record as derived (all four strings required), or, with
 * @p mapping_id NULL, as not derived.
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_set_derivation(scsec_evidence *evidence, const char *mapping_id,
                                            const char *mapping_version, const char *source_id,
                                            const char *source_version);

/** The source set id of a derived entry, or NULL when the entry is not derived. */
SCSEC_API const char *scsec_entry_derived_set(const scsec_entry *entry);

/** The source set version of a derived entry, or NULL. */
SCSEC_API const char *scsec_entry_derived_set_version(const scsec_entry *entry);

/** Number of sources of a derived entry (0 when not derived). */
SCSEC_API size_t scsec_entry_derived_source_count(const scsec_entry *entry);

/**
 * The @p i-th source of a derived entry (ordered by id); any out-pointer
 * may be NULL, the id belongs to the entry.
 * @param[out] id            the source criterion's id
 * @param[out] relationship  the mapping's relationship
 * @param[out] status        the source entry's status (NONE: it had no answer)
 * @param[out] method        the source entry's method
 * @param entry              the entry
 * @param i                  the index
 * @return 0, SCSEC_EINVAL when @p entry is NULL, not derived, or @p i is
 *         out of range (the out-values are then left untouched).
 */
SCSEC_API int scsec_entry_derived_source_get(const char **id, scsec_relationship *relationship,
                                             scsec_status *status, scsec_method *method,
                                             const scsec_entry *entry, size_t i);

/**
 * Record that the entry is derived from set @p set_id at @p set_version
 * (NULL @p set_id: not derived, which also removes its sources).
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_set_derived_set(scsec_entry *entry, const char *set_id,
                                          const char *set_version);

/**
 * Add a source to a derived entry (after scsec_entry_set_derived_set()).
 * @return 0, SCSEC_EINVAL (not derived, bad id or relationship),
 *         SCSEC_EEXISTS (that source is there), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_entry_add_derived_source(scsec_entry *entry, const char *id,
                                             scsec_relationship relationship,
                                             scsec_status status, scsec_method method);

/**
 * Non-zero when a person must review the entry again before relying on it
 * (a migrated answer whose criterion was reworded).
 */
SCSEC_API int scsec_entry_review(const scsec_entry *entry);

/** Flag the entry for review (non-zero) or clear the flag. @return 0, SCSEC_EINVAL. */
SCSEC_API int scsec_entry_set_review(scsec_entry *entry, int review);

/** @} */

/**
 * @name Revisions: what changed between two revisions of a criteria set
 * @{
 */

/** The comparison of two revisions of a criteria set (scsec_criteria_diff()). Opaque. */
typedef struct scsec_criteria_diff scsec_criteria_diff;

/** What became of one criterion between two revisions (doc/mapping.md, "Revisions"). */
typedef enum scsec_diff_class {
	SCSEC_DIFF_KEPT = 1,       /**< the same id, the same text */
	SCSEC_DIFF_REMOVED = 2,    /**< in the old revision only */
	SCSEC_DIFF_ADDED = 3,      /**< in the new revision only */
	SCSEC_DIFF_RENUMBERED = 4, /**< the same or nearly the same text under another id */
	SCSEC_DIFF_REWORDED = 5    /**< the same id, another text */
} scsec_diff_class;

/** Changes of a matched pair of criteria, or-ed (scsec_criteria_diff_get()). */
enum {
	SCSEC_DIFF_TEXT_CHANGED = 1u,       /**< the texts differ (beyond white space) */
	SCSEC_DIFF_LEVEL_CHANGED = 2u,      /**< it applies at other levels */
	SCSEC_DIFF_REFERENCES_CHANGED = 4u  /**< its references to other frameworks differ */
};

/** The class's token ("kept", "removed", "added", "renumbered", "reworded"), "" otherwise. */
SCSEC_API const char *scsec_diff_class_name(scsec_diff_class diff_class);

/**
 * Compare two revisions of a criteria set, criterion by criterion, by the
 * matching of doc/mapping.md: the same id with the same text is kept; the
 * same text under another id is renumbered; then, best similarity first,
 * a pair under the same id is reworded and a pair of other ids whose
 * similarity is at least 0.85 is renumbered; the rest is removed or added.
 * The similarity is the Dice coefficient of the two texts' code-point
 * bigrams, white space left out, in thousandths. Deterministic: the
 * result depends on the two sets only.
 * @param[out] out  the comparison; free with scsec_criteria_diff_free()
 * @param old_set   the old revision
 * @param new_set   the new revision
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_diff_new(scsec_criteria_diff **out, const scsec_criteria *old_set,
                                      const scsec_criteria *new_set);

/** Free a comparison. Accepts NULL. */
SCSEC_API void scsec_criteria_diff_free(scsec_criteria_diff *diff);

/** Number of items: one per criterion of either revision, pairs counted once. */
SCSEC_API size_t scsec_criteria_diff_count(const scsec_criteria_diff *diff);

/** Number of items of class @p diff_class. */
SCSEC_API size_t scsec_criteria_diff_class_count(const scsec_criteria_diff *diff,
                                                 scsec_diff_class diff_class);

/**
 * The @p i-th item (ordered by old id, the added ones after by new id);
 * any out-pointer may be NULL, the strings belong to the comparison.
 * @param[out] old_id      the old criterion's id, NULL for an added one
 * @param[out] new_id      the new criterion's id, NULL for a removed one
 * @param[out] diff_class  its class
 * @param[out] changes     SCSEC_DIFF_TEXT_CHANGED, _LEVEL_CHANGED,
 *                         _REFERENCES_CHANGED or-ed (0 for removed, added)
 * @param[out] similarity  the texts' similarity, 0 to 1 in steps of 0.001
 *                         (1 for the same text), -1 for removed and added
 * @param diff             the comparison
 * @param i                the index
 * @return 0, SCSEC_EINVAL (NULL or out of range: out-values untouched).
 */
SCSEC_API int scsec_criteria_diff_get(const char **old_id, const char **new_id,
                                      scsec_diff_class *diff_class, unsigned *changes,
                                      double *similarity, const scsec_criteria_diff *diff,
                                      size_t i);

/**
 * The revision mapping set of a comparison, for a person to review and
 * fix: kept criteria and renumbered ones of the same text `equal-to`,
 * reworded ones and renumbered ones of changed text `equivalent-to`
 * (rationale syntactic, a note with the class and the similarity),
 * removed ones `no-relationship` to nothing; added ones are named by no
 * mapping. Its source and target are the two revisions; it is marked
 * provisional and accepts every method (an assessment of the old
 * revision was made by the same scheme).
 * @param[out] out             the set; free with scsec_mapping_set_free()
 * @param diff                 the comparison
 * @param id                   the set's id
 * @param version              its version
 * @param old_version          the version the set names for the old
 *                             revision, or NULL for the old set's own
 *                             (for revisions imported under one version)
 * @param new_version          likewise for the new revision, or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_diff_mapping(scsec_mapping_set **out, const scsec_criteria_diff *diff,
                                          const char *id, const char *version,
                                          const char *old_version, const char *new_version);

/** A migration's report: one decision per line (scsec_evidence_migrate()). Opaque. */
typedef struct scsec_migration scsec_migration;

/** One decision of a migration. */
typedef enum scsec_migration_action {
	SCSEC_MIGRATION_KEPT = 1,       /**< carried to the same id (equal-to) */
	SCSEC_MIGRATION_RENUMBERED = 2, /**< followed its criterion to its new id (equal-to) */
	SCSEC_MIGRATION_REVIEW = 3,     /**< carried, and flagged for re-review (the
	                                     mapping is not equal-to: a reworded criterion) */
	SCSEC_MIGRATION_REMOVED = 4,    /**< its criterion was removed (no-relationship): dropped */
	SCSEC_MIGRATION_UNMAPPED = 5,   /**< the revision set does not name its id: dropped */
	SCSEC_MIGRATION_MISSING = 6,    /**< a criterion of the new revision no answer reaches */
	SCSEC_MIGRATION_LEFT_OUT = 7    /**< mapped to an id the new revision does not have: dropped */
} scsec_migration_action;

/** The action's token ("kept", "renumbered", "review", "removed", "unmapped", "missing", "left-out"). */
SCSEC_API const char *scsec_migration_action_name(scsec_migration_action action);

/**
 * Migrate a record written against an old revision of a criteria set to
 * the new revision, through a revision mapping set (scsec_criteria_diff_mapping(),
 * reviewed): the answers are carried by the one rule of doc/mapping.md
 * (scsec_mapping_derive()); every entry whose sources are not all
 * `equal-to` is flagged for review (scsec_entry_review()); entries of
 * removed or unmapped criteria are dropped, and criteria of the new
 * revision no mapping reaches are left missing. Every decision is in
 * @p report.
 * @param[out] out      the migrated record; free with scsec_evidence_free()
 * @param[out] report   the decisions; free with scsec_migration_free(); may be NULL
 * @param record        the record against the old revision
 * @param revision      the revision mapping set (old to new)
 * @param new_set       the new revision (the mapping's target)
 * @param diags         a list receiving warnings, or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_EMISMATCH (@p new_set is not the mapping's
 *         target), SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_migrate(scsec_evidence **out, scsec_migration **report,
                                     const scsec_evidence *record,
                                     const scsec_mapping_set *revision,
                                     const scsec_criteria *new_set, scsec_diagnostics *diags);

/** Free a migration report. Accepts NULL. */
SCSEC_API void scsec_migration_free(scsec_migration *report);

/** Number of decisions. */
SCSEC_API size_t scsec_migration_count(const scsec_migration *report);

/**
 * The @p i-th decision (ordered by old id, the missing ones after by new
 * id); any out-pointer may be NULL, the strings belong to the report.
 * @param[out] old_id   the old entry's id, NULL for a missing criterion
 * @param[out] new_id   the new criterion's id, NULL when dropped
 * @param[out] action   the decision
 * @param report        the report
 * @param i             the index
 * @return 0, SCSEC_EINVAL (NULL or out of range: out-values untouched).
 */
SCSEC_API int scsec_migration_get(const char **old_id, const char **new_id,
                                  scsec_migration_action *action, const scsec_migration *report,
                                  size_t i);

/**
 * The set as an OSCAL 1.2 `mapping-collection` (JSON; doc/mapping.md,
 * "OSCAL"): one mapping from the source to the target criteria set (each a
 * catalog resource `urn:scsec:criteria:ID:VERSION`), one map per mapping
 * with its relationship (the same NIST IR 8477 tokens), rationale,
 * strength (confidence-score) and coverage; no-relationship mappings to
 * nothing in the source gap summary. Ids are OSCAL tokens as the catalog
 * export makes them, the libscsec id in a prop where it differs;
 * provisional sets have provenance status draft. Deterministic: name-based
 * UUIDs, no clock.
 * @param[out] out   the document, NUL-terminated; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param set        the mapping set
 * @return 0; SCSEC_EINVAL for NULL or a set with no mapping to a target
 *         (OSCAL needs one map); SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_mapping_set_oscal(char **out, size_t *size, const scsec_mapping_set *set);

/**
 * Load a mapping set from an OSCAL 1.2 `mapping-collection` (JSON; plain
 * or gzip), the reverse of scsec_mapping_set_oscal() (doc/mapping.md,
 * "OSCAL"): the set's id from libscsec's `mapping-set-id` prop (else the
 * collection's UUID), its version and title from the metadata, the source
 * and target criteria sets from the resources' `criteria-id` and
 * `criteria-version` props (or `urn:scsec:criteria:ID:VERSION` hrefs),
 * each map's relationship, matching-rationale, confidence-score percentage
 * (strength), target-coverage and remarks (note), the source gap summary as
 * no-relationship mappings to nothing, provisional when the provenance
 * status is `draft`. A map with several sources or targets gives one
 * mapping per pair; ids the export rewrote are read back from its `id`
 * props. The collection must hold exactly one mapping. Read through the
 * bounded JSON reader: size and depth limits, duplicate keys refused; every
 * problem is reported to @p diags with its JSON pointer. Members libscsec
 * does not carry are reported as warnings and ignored.
 * scsec_mapping_set_load_file() and scsec_mapping_set_load_memory() read
 * this form too when the document starts with `{`.
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_EENCODING,
 *         SCSEC_ELIMIT, SCSEC_ESCHEMA, SCSEC_EINVALID (another OSCAL model),
 *         SCSEC_EEXISTS (a pair mapped twice), SCSEC_ENOMEM.
 * @since 1.1
 */
SCSEC_API int scsec_mapping_set_load_oscal_file(scsec_mapping_set **out, const char *path,
                                                const scsec_load_options *opts,
                                                scsec_diagnostics *diags);

/** Load a mapping set from OSCAL JSON in memory. @see scsec_mapping_set_load_oscal_file()
 * @since 1.1 */
SCSEC_API int scsec_mapping_set_load_oscal_memory(scsec_mapping_set **out, const void *data,
                                                  size_t size, const char *name,
                                                  const scsec_load_options *opts,
                                                  scsec_diagnostics *diags);

/** @} */

SCSEC_END_DECLS

#endif /* SCSEC_MAPPING_H */
