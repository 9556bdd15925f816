# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Python bindings for libscsec, the supply-chain security evaluation engine.

Pure ctypes: the package loads the installed C library (``libscsec.so.1``,
or the file named by the ``SCSEC_LIBRARY`` environment variable) and gives
the same answers as every C caller, because every answer comes from it.

    >>> import datetime, scsec
    >>> meti = scsec.CriteriaSet.builtin()
    >>> record = scsec.Evidence.from_csv("answers.csv", meti)
    >>> result = scsec.evaluate(meti, record, as_of=datetime.date(2026, 6, 1))
    >>> result.level, result.valid_until, result.gaps[:3]

See bindings/python/README for the whole tour. Errors are exceptions
derived from :class:`scsec.Error`, carrying the library's code, message and,
for problems in a document, its file, line and column.
"""

from ._native import (BusyError, CryptoError, DateError, EncodingError, Error, ExistsError,
                      FileError, InvalidArgumentError, InvalidContentError, LimitError,
                      MismatchError, NoMemoryError, NotFoundError, ParseError, SchemaError,
                      UnsafeError, VersionError, library_path)
from ._api import (Artifact, Category, CategoryFigures, Conditional, CriteriaRef, CriteriaSet,
                   Criterion, Diagnostic, Diagnostics, DocumentKind, Entry, Evaluator, Evidence,
                   Figures, Function, Gap, Level, LevelResult, LoadOptions, Method, Prerequisite,
                   Projection,
                   Question,
                   Reason, Reference, Requirement, Result, ResultSignature, Score, ScoringModel,
                   Severity, Status, builtin_ids, sign_result, corporate_number_valid, evaluate,
                   format_date, parse_date,
                   required_level, today, validate, version, version_number, write_file)
from ._api import Portfolio
from ._api import (Coverage, Derivation, DerivedFrom, DerivedSource, MappingItem, MappingSet,
                   Rationale, Relationship, derive, mapping_builtin_ids)
from ._api import Signer, TrustList, TrustParty, TrustRevocation, certificate_fingerprint
from ._api import Signature, SigningKey, sign, sign_file
from ._api import CriteriaDiff, DiffItem, MigrationItem, criteria_diff, migrate

#: The version of these bindings (the library's is :func:`version`).
__version__ = "1.1.0"

#: The id of the default built-in criteria set.
DEFAULT_CRITERIA = "meti-sc-2026-03"
#: The identifier scheme for Japanese corporate numbers (法人番号).
ID_SCHEME_JP_CORPORATE = "jp-corporate-number"

__all__ = [
    # exceptions
    "Error", "NoMemoryError", "InvalidArgumentError", "FileError", "ParseError",
    "SchemaError", "InvalidContentError", "NotFoundError", "ExistsError", "LimitError",
    "UnsafeError", "EncodingError", "BusyError", "VersionError", "MismatchError",
    "DateError", "CryptoError",
    # enums
    "Status", "Method", "Function", "Reason", "Severity", "Conditional", "ScoringModel",
    "DocumentKind",
    # criteria sets
    "CriteriaSet", "Level", "Category", "Requirement", "Criterion", "Prerequisite",
    "Question", "Reference", "LoadOptions", "builtin_ids", "DEFAULT_CRITERIA",
    # evidence
    "Evidence", "Entry", "Artifact", "CriteriaRef", "Diagnostic", "Diagnostics",
    "ID_SCHEME_JP_CORPORATE", "corporate_number_valid",
    # mapping sets and derived records
    "MappingSet", "MappingItem", "Relationship", "Rationale", "Coverage", "DerivedFrom",
    "DerivedSource", "Derivation", "derive", "mapping_builtin_ids",
    # signatures
    "SigningKey", "Signature", "sign", "sign_file",
    # revisions
    "CriteriaDiff", "DiffItem", "MigrationItem", "criteria_diff", "migrate",
    # evaluation
    "evaluate", "Evaluator", "required_level", "Result", "ResultSignature", "sign_result",
    "LevelResult", "Projection", "Figures", "CategoryFigures",
    "Gap", "Score",
    # trust lists
    "TrustList", "TrustParty", "TrustRevocation", "Signer", "certificate_fingerprint",
    # portfolios
    "Portfolio",
    # utilities
    "validate", "write_file", "parse_date", "format_date", "today", "version",
    "version_number", "library_path",
]
