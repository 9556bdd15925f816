/*
 * libscsec -- supply-chain security evaluation engine
 * Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
 */
/**
 * @file scsec/oscal.h
 * @brief NIST OSCAL: criteria sets from an OSCAL catalog and its profiles.
 *
 * An OSCAL catalog (JSON or XML, OSCAL 1.0 to 1.2) becomes a criteria set:
 * its groups become categories, each top-level control a requirement
 * (id "CONTROL:req") holding the control itself and its nested
 * enhancements as criteria (ids as in the catalog), each criterion's text
 * is the control's title and statement prose, its props become
 * references. Levels come from profiles -- each profile becomes one level,
 * of a rank and label the caller gives, needing the controls the profile
 * selects (include-all, include-controls by with-ids or matching, with or
 * without child controls, exclude-controls) -- or from a control property
 * (scsec_oscal_import_set_level_prop()), or, with neither, the catalog is
 * one level (rank 1, label "all") needing every control: a resolved-profile
 * catalog loads that way. doc/oscal.md describes the mapping.
 *
 * Nothing is ever fetched: a profile's import (href) must name the catalog
 * or another profile given to the same import, by file name; remote and
 * cyclic imports are refused.
 */
#ifndef SCSEC_OSCAL_H
#define SCSEC_OSCAL_H

#include <scsec/common.h>
#include <scsec/criteria.h>
#include <scsec/error.h>
#include <scsec/eval.h>
#include <scsec/evidence.h>
#include <scsec/options.h>

SCSEC_BEGIN_DECLS

/** What to import besides the catalog: profiles as levels, or the level
 *  property. Opaque; one thread at a time while it is being filled. */
typedef struct scsec_oscal_import scsec_oscal_import;

/**
 * A new, empty import description (no profile, no level property).
 *
 * @param[out] out  the description; free with scsec_oscal_import_free()
 * @return 0, SCSEC_EINVAL (out is NULL) or SCSEC_ENOMEM.
 */
SCSEC_API int scsec_oscal_import_new(scsec_oscal_import **out);

/** Free an import description. Accepts NULL. */
SCSEC_API void scsec_oscal_import_free(scsec_oscal_import *imp);

/**
 * Add a profile file that becomes the level of rank @p rank (1 to 99) and
 * label @p label. The file is read by scsec_criteria_import_oscal(), not
 * here. A profile may also be added only to be imported by another one:
 * give it rank 0 and a NULL label (it then makes no level).
 *
 * @param imp    the description
 * @param rank   the level's rank, 1..99, unique among the profiles; 0 for
 *               a profile that only other profiles import
 * @param label  the level's label (non-blank UTF-8), NULL with rank 0
 * @param path   the profile (OSCAL JSON or XML, gzip accepted)
 * @return 0, SCSEC_EINVAL (a bad argument, a rank given twice, a level
 *         property already set, more than 64 levels) or SCSEC_ENOMEM.
 */
SCSEC_API int scsec_oscal_import_add_profile(scsec_oscal_import *imp, int rank, const char *label,
                                             const char *path);

/**
 * Add a profile held in memory (copied). @p name is the document's name for
 * messages and the file name its importers' hrefs are matched against.
 * @see scsec_oscal_import_add_profile()
 */
SCSEC_API int scsec_oscal_import_add_profile_memory(scsec_oscal_import *imp, int rank,
                                                    const char *label, const void *data,
                                                    size_t size, const char *name);

/**
 * Take the levels from a control property instead of profiles (the CIS
 * Controls' implementation groups): every control carrying property
 * @p name is a criterion of the levels its values name. A value's rank is
 * the number it ends with ("IG2" and "2" are rank 2), its label the value;
 * a control with several values applies at each.
 *
 * @param imp   the description (no profile with a level may have been added)
 * @param name  the property name (an OSCAL token)
 * @return 0, SCSEC_EINVAL or SCSEC_ENOMEM.
 */
SCSEC_API int scsec_oscal_import_set_level_prop(scsec_oscal_import *imp, const char *name);

/**
 * Import an OSCAL catalog, with the profiles or the level property of
 * @p imp, as a criteria set.
 *
 * Profile "modify" and "merge" directives do not change which controls a
 * level needs: they are ignored, with a note in @p diags saying so.
 * Withdrawn controls (prop status = withdrawn) are left out, and so are
 * controls no level selects (a note gives the count); categories and
 * requirements left empty by that are dropped.
 *
 * Hostile input is refused through the load options' limits (size, depth,
 * item count, string length), DOCTYPEs and entities in XML (SCSEC_EUNSAFE),
 * remote imports (SCSEC_EUNSAFE) and cyclic imports (SCSEC_EINVALID).
 *
 * @param[out] out  the set; free with scsec_criteria_free()
 * @param catalog   the catalog file (OSCAL JSON or XML, gzip accepted)
 * @param imp       profiles or level property, or NULL for the catalog
 *                  as one level
 * @param opts      limits, or NULL
 * @param diags     every problem, with file, line and column (XML) or the
 *                  JSON pointer, and the notes; or NULL
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_ESCHEMA,
 *         SCSEC_EINVALID, SCSEC_EVERSION, SCSEC_ELIMIT, SCSEC_EUNSAFE,
 *         SCSEC_EENCODING, SCSEC_ENOMEM.
 */
SCSEC_API int scsec_criteria_import_oscal(scsec_criteria **out, const char *catalog,
                                          const scsec_oscal_import *imp,
                                          const scsec_load_options *opts,
                                          scsec_diagnostics *diags);

/** Import an OSCAL catalog held in memory; @p name is used in messages and
 *  matched by the profiles' hrefs. @see scsec_criteria_import_oscal() */
SCSEC_API int scsec_criteria_import_oscal_memory(scsec_criteria **out, const void *data,
                                                 size_t size, const char *name,
                                                 const scsec_oscal_import *imp,
                                                 const scsec_load_options *opts,
                                                 scsec_diagnostics *diags);

/* ------------------------------------------------------------ OSCAL out */

/**
 * A criteria set as an OSCAL 1.2.1 catalog in JSON: categories as groups,
 * requirements as controls, their criteria as the controls nested in them
 * (statement = the criterion's English text), prerequisites as the
 * controls of a group "scsec-prerequisites", references and the set's
 * identity and frameworks as props in the namespace `urn:scsec:oscal:1`. The levels are the profiles
 * (scsec_criteria_oscal_profile()). Deterministic: the UUID is name-based
 * (version 5) from the set's fingerprint, `last-modified` is the set's
 * issued date (1970-01-01 when it has none). Importing the catalog and its
 * profiles with scsec_criteria_import_oscal() gives back the set's ids,
 * levels, categories, requirements, criteria texts and references
 * (doc/oscal.md lists what OSCAL cannot carry).
 *
 * @param[out] out   the JSON text (NUL-terminated); free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param criteria   the set
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM or SCSEC_ECRYPTO.
 */
SCSEC_API int scsec_criteria_oscal_catalog(char **out, size_t *size,
                                           const scsec_criteria *criteria);

/**
 * One level of a set as an OSCAL 1.2.1 profile in JSON, importing the
 * catalog at @p catalog_href (as written by scsec_criteria_oscal_catalog())
 * and including the criteria and prerequisites of the level by id; the
 * level's rank, label, method and validity are props in
 * `urn:scsec:oscal:1`.
 *
 * @param[out] out     the JSON text; free with scsec_free()
 * @param[out] size    its length, or NULL
 * @param criteria     the set
 * @param rank         the level
 * @param catalog_href the href of the catalog (its file name, as a rule)
 * @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND (no such level), SCSEC_EINVALID
 *         (a level without criteria or prerequisites: OSCAL cannot select
 *         none),
 *         SCSEC_ENOMEM or SCSEC_ECRYPTO.
 */
SCSEC_API int scsec_criteria_oscal_profile(char **out, size_t *size,
                                           const scsec_criteria *criteria, int rank,
                                           const char *catalog_href);

/**
 * A result as OSCAL 1.2.1 assessment-results in JSON: one result; a finding
 * per criterion and prerequisite of the gap level (target = the criterion,
 * `status.state` satisfied or not-satisfied, the gap's reason as a prop);
 * an observation per entry of @p evidence (methods: self-assessment →
 * INTERVIEW, expert-reviewed → EXAMINE, third-party → TEST; `collected` =
 * the assessed date, `expires` = the entry's last valid day at the gap
 * level, the assessor as an origin actor); the achieved level, valid-until
 * date, gap level and fingerprints as props in `urn:scsec:oscal:1`.
 * UUIDs are name-based from the result and the record, `last-modified` is
 * the evaluation date: the same inputs give the same bytes.
 *
 * @param[out] out   the JSON text; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param result     the evaluation
 * @param evidence   the record evaluated, or NULL (then no observations)
 * @return 0, SCSEC_EINVAL, SCSEC_ENOMEM or SCSEC_ECRYPTO.
 */
SCSEC_API int scsec_result_oscal_assessment_results(char **out, size_t *size,
                                                    const scsec_result *result,
                                                    const scsec_evidence *evidence);

/**
 * The gaps of a result as an OSCAL 1.2.1 plan of action and milestones in
 * JSON: a finding and a POA&M item per gap (the reason in words and as a
 * prop, the item related to its finding, whose UUID is the one in the
 * assessment results of the same result).
 *
 * @param[out] out   the JSON text; free with scsec_free()
 * @param[out] size  its length, or NULL
 * @param result     the evaluation
 * @param evidence   the record evaluated, or NULL
 * @return 0, SCSEC_EINVAL, SCSEC_ENOTFOUND (no gaps: a POA&M needs an
 *         item), SCSEC_ENOMEM or SCSEC_ECRYPTO.
 */
SCSEC_API int scsec_result_oscal_poam(char **out, size_t *size, const scsec_result *result,
                                      const scsec_evidence *evidence);

/* ------------------------------------------------------------ results in */

/**
 * OSCAL assessment-results (JSON or XML) from a GRC tool as an evidence
 * record for @p criteria. Of the last result: each finding whose target
 * names a criterion or prerequisite of the set (its id, the `id` prop
 * libscsec writes, or the id with a `_smt` / `_obj` suffix) becomes an
 * entry: `target.status.state` satisfied → met, not-satisfied → not-met;
 * from its first related observation the method (TEST → third-party,
 * EXAMINE → expert-reviewed, INTERVIEW → self-assessment; the strongest
 * when several), `collected` → assessed date, `expires` → expiry date, the
 * origin party → assessor, `remarks` → justification, relevant evidence →
 * artifacts. A document libscsec wrote (scsec_result_oscal_assessment_results())
 * gives back the record's status, method, dates and assessor exactly, and
 * also the entries that only have an observation. Everything else -- a
 * finding for something the set lacks, an observation of none, risks,
 * attestations, other results -- is reported as a warning or note saying
 * it has no place in a record.
 *
 * @param[out] out  the record; free with scsec_evidence_free()
 * @param path      the document
 * @param criteria  the set the record answers
 * @param opts      limits, or NULL
 * @param diags     every problem and ignored part, or NULL
 * @return 0, or SCSEC_EINVAL, SCSEC_EIO, SCSEC_EPARSE, SCSEC_ESCHEMA,
 *         SCSEC_EINVALID, SCSEC_ELIMIT, SCSEC_EUNSAFE, SCSEC_EENCODING,
 *         SCSEC_ENOMEM.
 */
SCSEC_API int scsec_evidence_import_oscal_results(scsec_evidence **out, const char *path,
                                                  const scsec_criteria *criteria,
                                                  const scsec_load_options *opts,
                                                  scsec_diagnostics *diags);

/** Import OSCAL assessment-results held in memory.
 *  @see scsec_evidence_import_oscal_results() */
SCSEC_API int scsec_evidence_import_oscal_results_memory(scsec_evidence **out, const void *data,
                                                         size_t size, const char *name,
                                                         const scsec_criteria *criteria,
                                                         const scsec_load_options *opts,
                                                         scsec_diagnostics *diags);

SCSEC_END_DECLS

#endif
