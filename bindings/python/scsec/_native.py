# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""The ctypes layer: finding and loading libscsec, the C signatures, errors.

Nothing here is meant for everyday use; the classes in :mod:`scsec` wrap it.
What it guarantees:

* the library is found in this order: the file named by the ``SCSEC_LIBRARY``
  environment variable (and only that file when the variable is set); the
  ``libscsec.so.1`` installed with the package (``make install`` records
  where, relative to the package and absolutely); the build tree when the
  package runs from a source checkout
  (``<package>/../../../lib/.libs/libscsec.so.1``); the soname
  ``libscsec.so.1`` through the dynamic loader's usual search;
* :data:`library_path` names the file the dynamic loader actually mapped
  (asked with ``dladdr()``), not the name it was asked for;
* a library whose ``scsec_version_number()`` is not 1.x is refused with
  :class:`ImportError`;
* every function the bindings call has its ``argtypes`` and ``restype``
  declared, handles are distinct :class:`ctypes.c_void_p` subclasses (passing
  an evidence record where a criteria set is expected is a
  :class:`ctypes.ArgumentError`, not a crash), and every fallible function
  turns a negative return code into an :class:`Error` carrying what
  ``scsec_error_last()`` recorded for the calling thread.

ctypes releases the GIL around each foreign call, so long calls such as
``scsec_evaluate`` run in parallel when called from several threads; the
object layer (:mod:`scsec._handle`) makes sure no handle is freed or changed
under such a call.
"""

from __future__ import annotations

import ctypes
import errno as _errno
import os
import sys
from ctypes import (POINTER, c_char, c_char_p, c_double, c_int, c_int32, c_long, c_size_t,
                    c_uint, c_uint64, c_ulong, c_void_p)
from typing import Any, Callable, Dict, List, Optional, Tuple, Type

__all__ = [
    "lib", "library_path", "SONAME", "SUPPORTED_VERSIONS",
    "Error", "NoMemoryError", "InvalidArgumentError", "FileError", "ParseError",
    "SchemaError", "InvalidContentError", "NotFoundError", "ExistsError",
    "LimitError", "UnsafeError", "EncodingError", "BusyError", "VersionError",
    "MismatchError", "DateError", "CryptoError", "error_class", "error_from_last",
]

#: The soname of the ABI these bindings speak.
SONAME = "libscsec.so.1"
#: ``scsec_version_number()`` values accepted: 1.0.0 up to, not including, 2.0.0.
SUPPORTED_VERSIONS = range(10000, 20000)

# --------------------------------------------------------------------------
# Exceptions


class Error(Exception):
    """A libscsec call failed.

    Every exception the library's failures raise derives from this class,
    and also from the built-in exception it resembles (:class:`FileError` is
    an :class:`OSError`, a document that does not parse or validate is a
    :class:`ValueError`, ...), so that ``except FileNotFoundError`` or
    ``except ValueError`` work as they do for the standard library.

    :ivar code: the negative ``SCSEC_E*`` code.
    :ivar message: the library's one-line message.
    :ivar file: the document the error is in, or ``None``.
    :ivar line: its line (for a CSV sheet, the row); 0 when unknown.
    :ivar column: its column; 0 when unknown.
    :ivar diagnostics: for loaders, every problem found, as a list of
        :class:`scsec.Diagnostic` (empty otherwise).
    :ivar recorded: False when the thread's error record did not hold this
        failure (the message is then the code's generic description).
    """

    #: The ``SCSEC_E*`` code this class stands for (``None``: any other).
    errcode: Optional[int] = None

    def __init__(self, code: int, message: str, file: Optional[str] = None,
                 line: int = 0, column: int = 0) -> None:
        BaseException.__init__(self, code, message, file, line, column)
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.diagnostics: List[Any] = []
        self.recorded = True

    def _init_args(self) -> Tuple[Any, ...]:
        return (self.code, self.message, self.file, self.line, self.column)

    def __reduce__(self) -> Tuple[Any, ...]:
        # The constructor's arguments, then the attributes: also for the
        # OSError subclasses, whose own __reduce__ would drop ours.
        return (type(self), self._init_args(), self.__dict__)

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line:
            where.append(str(self.line))
            if self.column:
                where.append(str(self.column))
        if where:
            return "%s: %s" % (":".join(where), self.message)
        return self.message


class NoMemoryError(Error, MemoryError):
    """SCSEC_ENOMEM: out of memory (also a :class:`MemoryError`)."""
    errcode = -2


class InvalidArgumentError(Error, ValueError):
    """SCSEC_EINVAL: an invalid argument (an unknown token, out of range, ...);
    also a :class:`ValueError`."""
    errcode = -3


class FileError(Error, OSError):
    """SCSEC_EIO: reading or writing a file failed (also an :class:`OSError`).

    ``errno`` is the system's error number when the library's message names
    one (``cannot open: No such file or directory``), else ``None``;
    ``strerror`` is the system's text for it (else the library's message);
    ``filename`` is the file. When ``errno`` is known, the exception is also
    an instance of the matching :class:`OSError` subclass, so that
    ``except FileNotFoundError`` or ``except PermissionError`` work.
    """
    errcode = -4

    def __init__(self, code: int, message: str, file: Optional[str] = None,
                 line: int = 0, column: int = 0, errno: Optional[int] = None) -> None:
        Error.__init__(self, code, message, file, line, column)
        self.errno = errno
        self.strerror = os.strerror(errno) if errno is not None else message
        self.filename = file

    def _init_args(self) -> Tuple[Any, ...]:
        return Error._init_args(self) + (self.errno,)


class ParseError(Error, ValueError):
    """SCSEC_EPARSE: the input is not well-formed (XML, CSV, gzip); also a
    :class:`ValueError`."""
    errcode = -5


class SchemaError(Error, ValueError):
    """SCSEC_ESCHEMA: the document does not follow its XML Schema; also a
    :class:`ValueError`."""
    errcode = -6


class InvalidContentError(Error, ValueError):
    """SCSEC_EINVALID: the content breaks a semantic rule; also a
    :class:`ValueError`."""
    errcode = -7


class NotFoundError(Error, LookupError):
    """SCSEC_ENOTFOUND: no such id (also a :class:`LookupError`)."""
    errcode = -8


class ExistsError(Error):
    """SCSEC_EEXISTS: the id is already present."""
    errcode = -9


class LimitError(Error, ValueError):
    """SCSEC_ELIMIT: a size, depth or decompression limit was exceeded by the
    input; also a :class:`ValueError`."""
    errcode = -10


class UnsafeError(Error, ValueError):
    """SCSEC_EUNSAFE: refused for safety (a DOCTYPE, entity declarations);
    also a :class:`ValueError`."""
    errcode = -11


class EncodingError(Error, UnicodeError):
    """SCSEC_EENCODING: the text is not valid in its encoding; also a
    :class:`UnicodeError` (hence a :class:`ValueError`)."""
    errcode = -12


class BusyError(Error):
    """SCSEC_EBUSY: too late for this call."""
    errcode = -13


class VersionError(Error, ValueError):
    """SCSEC_EVERSION: unsupported format version or namespace; also a
    :class:`ValueError`."""
    errcode = -14


class MismatchError(Error, ValueError):
    """SCSEC_EMISMATCH: the evidence was written for another criteria set;
    also a :class:`ValueError`."""
    errcode = -15


class DateError(Error, ValueError):
    """SCSEC_EDATE: not a valid date or duration; also a :class:`ValueError`."""
    errcode = -16


class CryptoError(Error):
    """SCSEC_ECRYPTO: the digest library failed."""
    errcode = -17


_ERROR_CLASSES: Dict[int, Type[Error]] = {cls.errcode: cls for cls in (
    NoMemoryError, InvalidArgumentError, FileError, ParseError, SchemaError,
    InvalidContentError, NotFoundError, ExistsError, LimitError, UnsafeError,
    EncodingError, BusyError, VersionError, MismatchError, DateError, CryptoError)}


def _file_error_classes() -> Dict[int, Type[FileError]]:
    """One FileError subclass per built-in OSError subclass, by errno.

    ``OSError(errno, text)`` picks the built-in subclass for an errno
    (ENOENT: FileNotFoundError, EACCES and EPERM: PermissionError, ...);
    FileError does the same through these classes, which live in this
    module under names such as ``FileNotFoundFileError`` (so that they
    pickle).
    """
    by_builtin: Dict[type, Type[FileError]] = {}
    by_errno = {}
    for number in sorted(_errno.errorcode):
        builtin = type(OSError(number, ""))
        if builtin is OSError:
            continue
        cls = by_builtin.get(builtin)
        if cls is None:
            name = builtin.__name__[:-len("Error")] + "FileError"
            cls = type(name, (FileError, builtin), {
                "__module__": __name__, "__qualname__": name,
                "__doc__": "A :class:`FileError` that is also a :class:`%s`." % builtin.__name__})
            globals()[name] = cls
            by_builtin[builtin] = cls
        by_errno[number] = cls
    return by_errno


_FILE_ERROR_CLASSES = _file_error_classes()


def error_class(code: int) -> Type[Error]:
    """The exception class for a negative ``SCSEC_E*`` code (:class:`Error` for others)."""
    return _ERROR_CLASSES.get(code, Error)


def _text(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8", "replace")


def _errno_of(message: str) -> Optional[int]:
    """The system errno a library I/O message names, or None.

    The library does not record errno itself; its I/O messages end with the
    system's text for it (``cannot open: No such file or directory``, from
    ``strerror_r`` in this very process, hence in its locale), so the text is
    matched against ``os.strerror`` of every errno. The one I/O message of
    the library's own, ``is a directory``, stands for EISDIR.
    """
    if message == "is a directory" or message.endswith(": is a directory"):
        return _errno.EISDIR
    _, sep, tail = message.rpartition(": ")
    if not sep:
        return None
    for number in _errno.errorcode:
        if os.strerror(number) == tail:
            return number
    return None


def make_error(code: int, message: str, file: Optional[str] = None, line: int = 0,
               column: int = 0) -> Error:
    """The exception for a failure: the class for ``code``; for an I/O failure,
    the FileError subclass matching the errno its message names."""
    cls = error_class(code)
    if cls is FileError:
        number = _errno_of(message)
        cls = _FILE_ERROR_CLASSES.get(number, FileError) if number is not None else FileError
        return cls(code, message, file, line, column, number)
    return cls(code, message, file, line, column)


def error_from_last(code: int) -> Error:
    """An exception for ``code``, with the calling thread's recorded details.

    The details are taken from ``scsec_error_last()`` when it recorded the
    same code (it always does right after the failing call); otherwise the
    message is ``scsec_strerror(code)`` and ``recorded`` is False.
    """
    err = lib.scsec_error_last()
    if err and lib.scsec_error_code(err) == code:
        message = _text(lib.scsec_error_message(err)) or _text(lib.scsec_strerror(code)) or ""
        exc = make_error(code, message, _text(lib.scsec_error_file(err)),
                         int(lib.scsec_error_line(err)), int(lib.scsec_error_column(err)))
        exc.recorded = True
    else:
        exc = make_error(code, _text(lib.scsec_strerror(code)) or "")
        exc.recorded = False
    return exc


def _check(result: int, func: Any, args: Any) -> int:
    """errcheck for the functions returning 0 or a negative code."""
    if result < 0:
        raise error_from_last(result)
    return result


# --------------------------------------------------------------------------
# Handle types: one c_void_p subclass per C type, so that ctypes refuses a
# handle of the wrong kind.


class _Handle(c_void_p):
    def __repr__(self):
        return "<%s %s>" % (type(self).__name__,
                            "NULL" if self.value is None else hex(self.value))


class error_p(_Handle):
    """const scsec_error *"""


class diagnostics_p(_Handle):
    """scsec_diagnostics *"""


class diagnostic_p(_Handle):
    """const scsec_diagnostic *"""


class load_options_p(_Handle):
    """scsec_load_options *"""


class criteria_p(_Handle):
    """scsec_criteria *"""


class level_p(_Handle):
    """const scsec_level *"""


class prerequisite_p(_Handle):
    """const scsec_prerequisite *"""


class category_p(_Handle):
    """const scsec_category *"""


class requirement_p(_Handle):
    """const scsec_requirement *"""


class criterion_p(_Handle):
    """const scsec_criterion *"""


class question_p(_Handle):
    """const scsec_question *"""


class evidence_p(_Handle):
    """scsec_evidence *"""


class entry_p(_Handle):
    """scsec_entry *"""


class mapping_set_p(_Handle):
    """scsec_mapping_set *"""


class mapping_p(_Handle):
    """scsec_mapping * (borrowed from its set)"""


class eval_options_p(_Handle):
    """scsec_eval_options *"""


class evaluator_p(_Handle):
    """scsec_evaluator *"""


class result_p(_Handle):
    """scsec_result *"""


class figures_p(_Handle):
    """const scsec_figures *"""


class gap_p(_Handle):
    """const scsec_gap *"""


class oscal_import_p(_Handle):
    """scsec_oscal_import *"""


class portfolio_p(_Handle):
    """scsec_portfolio *"""


class supplier_p(_Handle):
    """const scsec_supplier *"""


class contract_p(_Handle):
    """const scsec_contract *"""


date_t = c_int32
#: SCSEC_DATE_NONE
DATE_NONE = -2 ** 31
#: SCSEC_DATE_BUFSIZE
DATE_BUFSIZE = 11
#: SCSEC_FINGERPRINT_BUFSIZE
FINGERPRINT_BUFSIZE = 65
#: SCSEC_WRITE_GZIP
WRITE_GZIP = 1

# Marks a fallible function: restype c_int, errcheck raising on a negative code.
CHECK = object()

_P = POINTER
_out_str = _P(c_void_p)    # char **out, released with scsec_free()
_out_size = _P(c_size_t)
_cstr = c_char_p

# name, restype (or CHECK), argtypes. Every function the bindings call is
# here (and only these are used); scsec_set_allocator is left out on purpose:
# replacing the allocator from Python cannot be done safely.
SIGNATURES = [
    # version.h
    ("scsec_version_number", c_int, []),
    ("scsec_version_string", _cstr, []),
    # common.h
    ("scsec_date_parse", CHECK, [_P(date_t), _cstr]),
    ("scsec_date_from_ymd", CHECK, [_P(date_t), c_int, c_int, c_int]),
    # The bindings call the 1.0 forms with the out-parameters last, which
    # every 1.x library has; the 1.1 forms are declared for completeness.
    ("scsec_date_to_ymd", CHECK, [date_t, _P(c_int), _P(c_int), _P(c_int)]),
    ("scsec_date_split", CHECK, [_P(c_int), _P(c_int), _P(c_int), date_t]),
    ("scsec_date_format", CHECK, [_P(c_char), date_t]),
    ("scsec_date_today", date_t, []),
    ("scsec_file_write", CHECK, [_cstr, c_void_p, c_size_t, c_uint]),
    ("scsec_free", None, [c_void_p]),
    # error.h
    ("scsec_error_last", error_p, []),
    ("scsec_error_clear", None, []),
    ("scsec_error_code", c_int, [error_p]),
    ("scsec_error_message", _cstr, [error_p]),
    ("scsec_error_file", _cstr, [error_p]),
    ("scsec_error_line", c_ulong, [error_p]),
    ("scsec_error_column", c_ulong, [error_p]),
    ("scsec_strerror", _cstr, [c_int]),
    ("scsec_diagnostics_new", CHECK, [_P(diagnostics_p)]),
    ("scsec_diagnostics_free", None, [diagnostics_p]),
    ("scsec_diagnostics_clear", None, [diagnostics_p]),
    ("scsec_diagnostics_count", c_size_t, [diagnostics_p]),
    ("scsec_diagnostics_count_severity", c_size_t, [diagnostics_p, c_int]),
    ("scsec_diagnostics_total", c_size_t, [diagnostics_p, c_int]),
    ("scsec_diagnostics_at", diagnostic_p, [diagnostics_p, c_size_t]),
    ("scsec_diagnostic_severity", c_int, [diagnostic_p]),
    ("scsec_diagnostic_code", c_int, [diagnostic_p]),
    ("scsec_diagnostic_id", _cstr, [diagnostic_p]),
    ("scsec_diagnostic_file", _cstr, [diagnostic_p]),
    ("scsec_diagnostic_line", c_ulong, [diagnostic_p]),
    ("scsec_diagnostic_column", c_ulong, [diagnostic_p]),
    ("scsec_diagnostic_omitted", c_ulong, [diagnostic_p]),
    ("scsec_diagnostic_message", _cstr, [diagnostic_p]),
    ("scsec_diagnostic_format", CHECK, [_out_str, diagnostic_p]),
    # options.h
    ("scsec_load_options_new", CHECK, [_P(load_options_p)]),
    ("scsec_load_options_free", None, [load_options_p]),
    ("scsec_load_options_set", CHECK, [load_options_p, c_int, c_uint64]),
    ("scsec_load_options_get", c_uint64, [load_options_p, c_int]),
    ("scsec_encoding_parse", CHECK, [_P(c_int), _cstr]),
    ("scsec_encoding_name", _cstr, [c_int]),
    # document.h (the verdict is read by the caller: no errcheck)
    ("scsec_document_kind_name", _cstr, [c_int]),
    ("scsec_document_validate_file", c_int,
     [_P(c_int), _cstr, load_options_p, diagnostics_p]),
    ("scsec_document_validate_memory", c_int,
     [_P(c_int), c_void_p, c_size_t, _cstr, load_options_p, diagnostics_p]),
    ("scsec_file_kind_name", _cstr, [c_int]),
    ("scsec_file_detect", CHECK, [_P(c_int), _cstr, load_options_p]),
    ("scsec_file_detect_memory", CHECK, [_P(c_int), c_void_p, c_size_t, load_options_p]),
    # criteria.h
    ("scsec_method_name", _cstr, [c_int]),
    ("scsec_method_parse", CHECK, [_P(c_int), _cstr]),
    ("scsec_function_code", _cstr, [c_int]),
    ("scsec_function_parse", CHECK, [_P(c_int), _cstr]),
    ("scsec_criteria_builtin_count", c_size_t, []),
    ("scsec_criteria_builtin_id", _cstr, [c_size_t]),
    ("scsec_criteria_builtin", CHECK, [_P(criteria_p), _cstr]),
    ("scsec_criteria_load_file", CHECK,
     [_P(criteria_p), _cstr, load_options_p, diagnostics_p]),
    ("scsec_criteria_load_memory", CHECK,
     [_P(criteria_p), c_void_p, c_size_t, _cstr, load_options_p, diagnostics_p]),
    ("scsec_criteria_import_ipa", CHECK,
     [_P(criteria_p), _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_criteria_import_ipa_memory", CHECK,
     [_P(criteria_p), c_void_p, c_size_t, _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_criteria_free", None, [criteria_p]),
    ("scsec_criteria_write_memory", CHECK, [_out_str, _out_size, criteria_p]),
    ("scsec_criteria_write_file", CHECK, [criteria_p, _cstr, c_uint]),
    ("scsec_criteria_fingerprint", _cstr, [criteria_p]),
    ("scsec_criteria_id", _cstr, [criteria_p]),
    ("scsec_criteria_version", _cstr, [criteria_p]),
    ("scsec_criteria_title", _cstr, [criteria_p, _cstr]),
    ("scsec_criteria_description", _cstr, [criteria_p, _cstr]),
    ("scsec_criteria_publisher", _cstr, [criteria_p]),
    ("scsec_criteria_issued", date_t, [criteria_p]),
    ("scsec_criteria_source", _cstr, [criteria_p]),
    ("scsec_criteria_source_uri", _cstr, [criteria_p]),
    ("scsec_criteria_scoring", c_int, [criteria_p]),
    ("scsec_criteria_level_count", c_size_t, [criteria_p]),
    ("scsec_criteria_level_at", level_p, [criteria_p, c_size_t]),
    ("scsec_criteria_level_by_rank", level_p, [criteria_p, c_int]),
    ("scsec_level_rank", c_int, [level_p]),
    ("scsec_level_label", _cstr, [level_p]),
    ("scsec_level_title", _cstr, [level_p, _cstr]),
    ("scsec_level_method", c_int, [level_p]),
    ("scsec_level_validity", _cstr, [level_p]),
    ("scsec_level_validity_provisional", c_int, [level_p]),
    ("scsec_level_requires_lower", c_int, [level_p]),
    ("scsec_level_prerequisite_count", c_size_t, [level_p]),
    ("scsec_level_prerequisite_at", prerequisite_p, [level_p, c_size_t]),
    ("scsec_level_criterion_count", c_size_t, [level_p]),
    ("scsec_level_requirement_count", c_size_t, [level_p]),
    ("scsec_criteria_prerequisite_count", c_size_t, [criteria_p]),
    ("scsec_criteria_prerequisite_at", prerequisite_p, [criteria_p, c_size_t]),
    ("scsec_criteria_prerequisite", prerequisite_p, [criteria_p, _cstr]),
    ("scsec_prerequisite_id", _cstr, [prerequisite_p]),
    ("scsec_prerequisite_title", _cstr, [prerequisite_p, _cstr]),
    ("scsec_prerequisite_assessor_role", _cstr, [prerequisite_p]),
    ("scsec_prerequisite_role_provisional", c_int, [prerequisite_p]),
    ("scsec_criteria_category_count", c_size_t, [criteria_p]),
    ("scsec_criteria_category_at", category_p, [criteria_p, c_size_t]),
    ("scsec_criteria_category", category_p, [criteria_p, _cstr]),
    ("scsec_category_id", _cstr, [category_p]),
    ("scsec_category_title", _cstr, [category_p, _cstr]),
    ("scsec_category_parent", category_p, [category_p]),
    ("scsec_category_depth", c_int, [category_p]),
    ("scsec_category_function", c_int, [category_p]),
    ("scsec_criteria_requirement_count", c_size_t, [criteria_p]),
    ("scsec_criteria_requirement_at", requirement_p, [criteria_p, c_size_t]),
    ("scsec_criteria_requirement", requirement_p, [criteria_p, _cstr]),
    ("scsec_requirement_id", _cstr, [requirement_p]),
    ("scsec_requirement_name", _cstr, [requirement_p, _cstr]),
    ("scsec_requirement_text", _cstr, [requirement_p, _cstr]),
    ("scsec_requirement_category", category_p, [requirement_p]),
    ("scsec_requirement_criterion_count", c_size_t, [requirement_p]),
    ("scsec_requirement_criterion_at", criterion_p, [requirement_p, c_size_t]),
    ("scsec_criteria_criterion_count", c_size_t, [criteria_p]),
    ("scsec_criteria_criterion_at", criterion_p, [criteria_p, c_size_t]),
    ("scsec_criteria_criterion", criterion_p, [criteria_p, _cstr]),
    ("scsec_criterion_id", _cstr, [criterion_p]),
    ("scsec_criterion_text", _cstr, [criterion_p, _cstr]),
    ("scsec_criterion_requirement", requirement_p, [criterion_p]),
    ("scsec_criterion_function", c_int, [criterion_p]),
    ("scsec_criterion_min_level", c_int, [criterion_p]),
    ("scsec_criterion_applies_at", c_int, [criterion_p, c_int]),
    ("scsec_criterion_na_allowed", c_int, [criterion_p]),
    ("scsec_criterion_weight", c_int, [criterion_p]),
    ("scsec_criterion_poam_eligible", c_int, [criterion_p]),
    ("scsec_criterion_reference_count", c_size_t, [criterion_p]),
    ("scsec_criterion_reference_at", CHECK,
     [criterion_p, c_size_t, _P(c_char_p), _P(c_char_p)]),
    ("scsec_criterion_reference_get", CHECK,
     [_P(c_char_p), _P(c_char_p), criterion_p, c_size_t]),
    ("scsec_criteria_framework_title", _cstr, [criteria_p, _cstr]),
    ("scsec_criteria_question_count", c_size_t, [criteria_p]),
    ("scsec_criteria_question_at", question_p, [criteria_p, c_size_t]),
    ("scsec_criteria_question", question_p, [criteria_p, _cstr]),
    ("scsec_question_id", _cstr, [question_p]),
    ("scsec_question_text", _cstr, [question_p, _cstr]),
    ("scsec_question_level_if_yes", c_int, [question_p]),
    ("scsec_criteria_required_default", c_int, [criteria_p]),
    ("scsec_criteria_template_csv", CHECK, [_out_str, _out_size, criteria_p, c_int, _cstr]),
    # evidence.h
    ("scsec_status_name", _cstr, [c_int]),
    ("scsec_status_parse", CHECK, [_P(c_int), _cstr]),
    ("scsec_corporate_number_valid", c_int, [_cstr]),
    ("scsec_evidence_new", CHECK, [_P(evidence_p), criteria_p]),
    ("scsec_evidence_dup", CHECK, [_P(evidence_p), evidence_p]),
    ("scsec_evidence_load_file", CHECK,
     [_P(evidence_p), _cstr, load_options_p, diagnostics_p]),
    ("scsec_evidence_load_memory", CHECK,
     [_P(evidence_p), c_void_p, c_size_t, _cstr, load_options_p, diagnostics_p]),
    ("scsec_evidence_import_csv", CHECK,
     [_P(evidence_p), _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_evidence_load_any", CHECK,
     [_P(evidence_p), _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_evidence_import_csv_memory", CHECK,
     [_P(evidence_p), c_void_p, c_size_t, _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_evidence_free", None, [evidence_p]),
    ("scsec_evidence_write_memory", CHECK, [_out_str, _out_size, evidence_p]),
    ("scsec_evidence_save", CHECK, [evidence_p, _cstr, c_uint]),
    ("scsec_evidence_write_memory_as", CHECK, [_out_str, _out_size, evidence_p, c_int]),
    ("scsec_evidence_write_file_as", CHECK, [evidence_p, _cstr, c_uint, c_int]),
    ("scsec_evidence_export_csv", CHECK,
     [_out_str, _out_size, evidence_p, criteria_p, c_int, _cstr]),
    ("scsec_evidence_fingerprint", CHECK, [_P(c_char), evidence_p]),
    # the verdict (0, SCSEC_EINVALID, SCSEC_EMISMATCH) is read by the caller
    ("scsec_evidence_check", c_int, [evidence_p, criteria_p, diagnostics_p]),
    ("scsec_evidence_set_subject_name", CHECK, [evidence_p, _cstr]),
    ("scsec_evidence_subject_name", _cstr, [evidence_p]),
    ("scsec_evidence_add_subject_id", CHECK, [evidence_p, _cstr, _cstr]),
    ("scsec_evidence_remove_subject_id", CHECK, [evidence_p, _cstr]),
    ("scsec_evidence_subject_id_count", c_size_t, [evidence_p]),
    ("scsec_evidence_subject_id_at", CHECK, [evidence_p, c_size_t, _P(c_char_p), _P(c_char_p)]),
    ("scsec_evidence_subject_id_get", CHECK, [_P(c_char_p), _P(c_char_p), evidence_p, c_size_t]),
    ("scsec_evidence_set_criteria", CHECK, [evidence_p, _cstr, _cstr, _cstr]),
    ("scsec_evidence_criteria_id", _cstr, [evidence_p]),
    ("scsec_evidence_criteria_version", _cstr, [evidence_p]),
    ("scsec_evidence_criteria_fingerprint", _cstr, [evidence_p]),
    ("scsec_evidence_set_created", CHECK, [evidence_p, _cstr]),
    ("scsec_evidence_created", _cstr, [evidence_p]),
    ("scsec_evidence_set_tool", CHECK, [evidence_p, _cstr]),
    ("scsec_evidence_tool", _cstr, [evidence_p]),
    ("scsec_evidence_entry_count", c_size_t, [evidence_p]),
    ("scsec_evidence_entry_at", entry_p, [evidence_p, c_size_t]),
    ("scsec_evidence_entry", entry_p, [evidence_p, _cstr]),
    ("scsec_evidence_add", CHECK, [evidence_p, entry_p]),
    ("scsec_evidence_replace", CHECK, [evidence_p, entry_p]),
    ("scsec_evidence_remove", CHECK, [evidence_p, _cstr]),
    ("scsec_entry_new", CHECK, [_P(entry_p), _cstr]),
    ("scsec_entry_dup", CHECK, [_P(entry_p), entry_p]),
    ("scsec_entry_free", None, [entry_p]),
    ("scsec_entry_id", _cstr, [entry_p]),
    ("scsec_entry_status", c_int, [entry_p]),
    ("scsec_entry_method", c_int, [entry_p]),
    ("scsec_entry_assessor", _cstr, [entry_p]),
    ("scsec_entry_assessor_id", _cstr, [entry_p]),
    ("scsec_entry_assessor_role", _cstr, [entry_p]),
    ("scsec_entry_set_assessor_role", CHECK, [entry_p, _cstr]),
    ("scsec_entry_assessed_on", date_t, [entry_p]),
    ("scsec_entry_expires_on", date_t, [entry_p]),
    ("scsec_entry_justification", _cstr, [entry_p]),
    ("scsec_entry_note", _cstr, [entry_p]),
    ("scsec_entry_artifact_count", c_size_t, [entry_p]),
    ("scsec_entry_artifact_at", CHECK, [entry_p, c_size_t, _P(c_char_p), _P(c_char_p)]),
    ("scsec_entry_artifact_get", CHECK, [_P(c_char_p), _P(c_char_p), entry_p, c_size_t]),
    ("scsec_entry_set_status", CHECK, [entry_p, c_int]),
    ("scsec_entry_set_method", CHECK, [entry_p, c_int]),
    ("scsec_entry_set_assessor", CHECK, [entry_p, _cstr, _cstr]),
    ("scsec_entry_set_assessed_on", CHECK, [entry_p, date_t]),
    ("scsec_entry_set_expires_on", CHECK, [entry_p, date_t]),
    ("scsec_entry_set_justification", CHECK, [entry_p, _cstr]),
    ("scsec_entry_set_note", CHECK, [entry_p, _cstr]),
    ("scsec_entry_add_artifact", CHECK, [entry_p, _cstr, _cstr]),
    ("scsec_entry_clear_artifacts", CHECK, [entry_p]),
    # eval.h
    ("scsec_reason_name", _cstr, [c_int]),
    ("scsec_conditional_name", _cstr, [c_int]),
    ("scsec_eval_options_new", CHECK, [_P(eval_options_p)]),
    ("scsec_eval_options_free", None, [eval_options_p]),
    ("scsec_eval_options_set_as_of", CHECK, [eval_options_p, date_t]),
    ("scsec_eval_options_set_target", CHECK, [eval_options_p, c_int]),
    ("scsec_eval_options_set_answer", CHECK, [eval_options_p, _cstr, c_int]),
    ("scsec_eval_options_set_required", CHECK, [eval_options_p, c_int]),
    ("scsec_criteria_required_level", CHECK, [_P(c_int), criteria_p, eval_options_p]),
    ("scsec_evaluate", CHECK, [_P(result_p), criteria_p, evidence_p, eval_options_p]),
    # engine: the evaluator (LIBSCSEC_1.1)
    ("scsec_evaluator_new", CHECK, [_P(evaluator_p), criteria_p, evidence_p]),
    ("scsec_evaluator_run", CHECK, [_P(result_p), evaluator_p, eval_options_p]),
    ("scsec_evaluator_free", None, [evaluator_p]),
    # engine: the result's items (LIBSCSEC_1.1)
    ("scsec_result_level_at", level_p, [result_p, c_size_t]),
    ("scsec_result_category_at", category_p, [result_p, c_size_t]),
    ("scsec_gap_criterion", criterion_p, [gap_p]),
    ("scsec_gap_prerequisite", prerequisite_p, [gap_p]),
    ("scsec_criterion_top_category", category_p, [criterion_p]),
    ("scsec_figures_not_applicable", c_size_t, [figures_p]),
    ("scsec_result_reason_get", CHECK, [_P(c_int), result_p, c_size_t, _cstr]),
    ("scsec_result_last_valid_day_get", CHECK, [_P(date_t), result_p, c_size_t, _cstr]),
    ("scsec_result_rests_on_count", c_size_t, [result_p]),
    ("scsec_result_rests_on_at", _cstr, [result_p, c_size_t]),
    ("scsec_result_unstated_role_count", c_size_t, [result_p]),
    ("scsec_result_unstated_role_at", prerequisite_p, [result_p, c_size_t]),
    # xlsxout: answer workbooks, the message catalogue (LIBSCSEC_1.1)
    ("scsec_criteria_template_xlsx", CHECK, [criteria_p, _cstr, c_int, _cstr]),
    ("scsec_message_text", _cstr, [_cstr, _cstr]),
    ("scsec_message_count", c_size_t, []),
    ("scsec_message_code_at", _cstr, [c_size_t]),
    ("scsec_result_free", None, [result_p]),
    # trust (scsec/trust.h): raw signatures; the TrustList class is to come
    ("scsec_verdict_name", _cstr, [c_int]),
    ("scsec_trust_new", CHECK, [_P(ctypes.c_void_p), _cstr, _cstr, date_t]),
    ("scsec_trust_free", None, [ctypes.c_void_p]),
    ("scsec_trust_add_party_fingerprint", CHECK, [ctypes.c_void_p, _cstr, _cstr, _cstr, c_int, _cstr, date_t, date_t]),
    ("scsec_trust_revoke_fingerprint", CHECK, [ctypes.c_void_p, _cstr, date_t]),
    ("scsec_trust_revoke_serial", CHECK, [ctypes.c_void_p, _cstr, _cstr, date_t]),
    ("scsec_trust_operator", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_version", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_issued", date_t, [ctypes.c_void_p]),
    ("scsec_trust_verified", c_int, [ctypes.c_void_p]),
    ("scsec_trust_party_count", c_size_t, [ctypes.c_void_p]),
    ("scsec_trust_party_at", ctypes.c_void_p, [ctypes.c_void_p, c_size_t]),
    ("scsec_trust_party_name", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_party_role", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_party_fingerprint", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_party_is_ca", c_int, [ctypes.c_void_p]),
    ("scsec_trust_party_subject", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_party_from", date_t, [ctypes.c_void_p]),
    ("scsec_trust_party_until", date_t, [ctypes.c_void_p]),
    ("scsec_trust_revocation_count", c_size_t, [ctypes.c_void_p]),
    ("scsec_trust_revocation_at", ctypes.c_void_p, [ctypes.c_void_p, c_size_t]),
    ("scsec_trust_revocation_fingerprint", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_revocation_issuer", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_revocation_serial", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_revocation_date", date_t, [ctypes.c_void_p]),
    ("scsec_eval_options_set_trust", CHECK, [eval_options_p, ctypes.c_void_p]),
    ("scsec_result_trust_applied", c_int, [result_p]),
    ("scsec_result_trusted_method", c_int, [result_p]),
    ("scsec_result_trust_operator", _cstr, [result_p]),
    ("scsec_result_trust_version", _cstr, [result_p]),
    ("scsec_result_signer_count", c_size_t, [result_p]),
    ("scsec_result_signer_at", ctypes.c_void_p, [result_p, c_size_t]),
    ("scsec_signer_verdict", c_int, [ctypes.c_void_p]),
    ("scsec_signer_subject", _cstr, [ctypes.c_void_p]),
    ("scsec_signer_fingerprint", _cstr, [ctypes.c_void_p]),
    ("scsec_signer_signing_time", ctypes.c_int64, [ctypes.c_void_p]),
    ("scsec_signer_party", _cstr, [ctypes.c_void_p]),
    ("scsec_signer_role", _cstr, [ctypes.c_void_p]),
    ("scsec_signer_problem", _cstr, [ctypes.c_void_p]),
    # trust: files and PEM builders
    ("scsec_certificate_fingerprint", CHECK, [ctypes.c_char_p, c_void_p, c_size_t]),
    ("scsec_result_trust_verified", c_int, [result_p]),
    ("scsec_trust_add_party_certificate", CHECK,
     [ctypes.c_void_p, _cstr, _cstr, c_void_p, c_size_t, c_int, _cstr, date_t, date_t]),
    ("scsec_trust_load_file", CHECK,
     [_P(ctypes.c_void_p), _cstr, _cstr, load_options_p, diagnostics_p]),
    ("scsec_trust_load_memory", CHECK,
     [_P(ctypes.c_void_p), c_void_p, c_size_t, _cstr, c_void_p, c_size_t, load_options_p,
      diagnostics_p]),
    ("scsec_trust_party_certificate", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_revoke_certificate", CHECK, [ctypes.c_void_p, c_void_p, c_size_t, date_t]),
    ("scsec_trust_sign_memory", CHECK,
     [_out_str, _out_size, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]),
    ("scsec_trust_signer_fingerprint", _cstr, [ctypes.c_void_p]),
    ("scsec_trust_write_file", CHECK, [ctypes.c_void_p, _cstr, c_uint]),
    ("scsec_trust_write_memory", CHECK, [_out_str, _out_size, ctypes.c_void_p]),
    ("scsec_result_level", c_int, [result_p]),
    ("scsec_result_level_label", _cstr, [result_p]),
    ("scsec_result_valid_until", date_t, [result_p]),
    ("scsec_result_as_of", date_t, [result_p]),
    ("scsec_result_level_count", c_size_t, [result_p]),
    ("scsec_result_level_rank_at", c_int, [result_p, c_size_t]),
    ("scsec_result_level_met_at", c_int, [result_p, c_size_t]),
    ("scsec_result_level_label_at", _cstr, [result_p, c_size_t]),
    ("scsec_result_level_figures_at", figures_p, [result_p, c_size_t]),
    ("scsec_result_gap_level", c_int, [result_p]),
    ("scsec_result_gap_count", c_size_t, [result_p]),
    ("scsec_result_gap_at", gap_p, [result_p, c_size_t]),
    ("scsec_gap_id", _cstr, [gap_p]),
    ("scsec_gap_reason", c_int, [gap_p]),
    ("scsec_gap_is_prerequisite", c_int, [gap_p]),
    ("scsec_figures_applicable", c_size_t, [figures_p]),
    ("scsec_figures_satisfied", c_size_t, [figures_p]),
    ("scsec_figures_reason_count", c_size_t, [figures_p, c_int]),
    ("scsec_result_function_figures", figures_p, [result_p, c_int]),
    ("scsec_result_category_count", c_size_t, [result_p]),
    ("scsec_result_category_id_at", _cstr, [result_p, c_size_t]),
    ("scsec_result_category_figures_at", figures_p, [result_p, c_size_t]),
    ("scsec_result_has_score", c_int, [result_p]),
    ("scsec_result_score", c_long, [result_p]),
    ("scsec_result_score_max", c_long, [result_p]),
    ("scsec_result_band", _cstr, [result_p]),
    ("scsec_result_conditional", c_int, [result_p]),
    ("scsec_result_required_level", c_int, [result_p]),
    ("scsec_result_meets_required", c_int, [result_p]),
    ("scsec_result_engine", _cstr, [result_p]),
    ("scsec_result_criteria", criteria_p, [result_p]),
    ("scsec_result_criteria_id", _cstr, [result_p]),
    ("scsec_result_criteria_version", _cstr, [result_p]),
    ("scsec_result_criteria_fingerprint", _cstr, [result_p]),
    ("scsec_result_evidence_fingerprint", _cstr, [result_p]),
    ("scsec_result_subject_name", _cstr, [result_p]),
    ("scsec_result_to_xml", CHECK, [_out_str, _out_size, result_p]),
    ("scsec_result_to_json", CHECK, [_out_str, _out_size, result_p]),
    # results: reading results back (eval.h)
    ("scsec_result_load_file", CHECK,
     [_P(result_p), _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_result_load_memory", CHECK,
     [_P(result_p), c_void_p, c_size_t, _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_result_options_get", CHECK, [_P(eval_options_p), result_p]),
    ("scsec_result_sign_memory", CHECK,
     [_out_str, _out_size, c_void_p, c_size_t, _cstr, c_void_p, ctypes.c_int64]),
    ("scsec_result_signature_count", c_size_t, [result_p]),
    ("scsec_result_signature_valid", c_int, [result_p, c_size_t]),
    ("scsec_result_signature_problem", _cstr, [result_p, c_size_t]),
    ("scsec_result_signature_signer", _cstr, [result_p, c_size_t]),
    ("scsec_result_signature_fingerprint", _cstr, [result_p, c_size_t]),
    ("scsec_result_signature_time", ctypes.c_int64, [result_p, c_size_t]),
    ("scsec_result_signature_judge", CHECK,
     [_P(c_int), _P(c_char_p), _P(c_char_p), result_p, c_size_t, c_void_p, date_t]),
    ("scsec_evidence_signature_judge", CHECK,
     [_P(c_int), _P(c_char_p), _P(c_char_p), evidence_p, c_size_t, c_void_p, date_t]),
    # mapping.h
    ("scsec_relationship_name", _cstr, [c_int]),
    ("scsec_relationship_parse", CHECK, [_P(c_int), _cstr]),
    ("scsec_rationale_name", _cstr, [c_int]),
    ("scsec_rationale_parse", CHECK, [_P(c_int), _cstr]),
    ("scsec_coverage_name", _cstr, [c_int]),
    ("scsec_mapping_set_new", CHECK,
     [_P(mapping_set_p), _cstr, _cstr, _cstr, _cstr, _cstr, _cstr]),
    ("scsec_mapping_set_load_file", CHECK,
     [_P(mapping_set_p), _cstr, load_options_p, diagnostics_p]),
    ("scsec_mapping_set_load_memory", CHECK,
     [_P(mapping_set_p), c_void_p, c_size_t, _cstr, load_options_p, diagnostics_p]),
    ("scsec_mapping_set_builtin_count", c_size_t, []),
    ("scsec_mapping_set_builtin_id", _cstr, [c_size_t]),
    ("scsec_mapping_set_builtin", CHECK, [_P(mapping_set_p), _cstr]),
    ("scsec_mapping_set_dup", CHECK, [_P(mapping_set_p), mapping_set_p]),
    ("scsec_mapping_set_invert", CHECK, [_P(mapping_set_p), mapping_set_p]),
    ("scsec_mapping_set_free", None, [mapping_set_p]),
    ("scsec_mapping_set_write_memory", CHECK, [_out_str, _out_size, mapping_set_p]),
    ("scsec_mapping_set_save", CHECK, [mapping_set_p, _cstr, c_uint]),
    ("scsec_mapping_set_id", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_version", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_source_id", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_source_version", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_target_id", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_target_version", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_title", _cstr, [mapping_set_p]),
    ("scsec_mapping_set_set_title", CHECK, [mapping_set_p, _cstr]),
    ("scsec_mapping_set_provisional", c_int, [mapping_set_p]),
    ("scsec_mapping_set_set_provisional", CHECK, [mapping_set_p, c_int]),
    ("scsec_mapping_set_accepts", c_int, [mapping_set_p, c_int]),
    ("scsec_mapping_set_set_accepted", CHECK, [mapping_set_p, c_int, c_int]),
    ("scsec_mapping_set_count", c_size_t, [mapping_set_p]),
    ("scsec_mapping_set_at", mapping_p, [mapping_set_p, c_size_t]),
    ("scsec_mapping_set_find", mapping_p, [mapping_set_p, _cstr, _cstr]),
    ("scsec_mapping_set_add", CHECK, [_P(mapping_p), mapping_set_p, _cstr, _cstr, c_int]),
    ("scsec_mapping_set_remove", CHECK, [mapping_set_p, _cstr, _cstr]),
    ("scsec_mapping_set_check", CHECK, [mapping_set_p, criteria_p, criteria_p, diagnostics_p]),
    ("scsec_mapping_set_coverage", c_int, [mapping_set_p, _cstr]),
    ("scsec_mapping_source", _cstr, [mapping_p]),
    ("scsec_mapping_target", _cstr, [mapping_p]),
    ("scsec_mapping_relationship", c_int, [mapping_p]),
    ("scsec_mapping_strength", c_double, [mapping_p]),
    ("scsec_mapping_coverage", c_double, [mapping_p]),
    ("scsec_mapping_rationale", c_int, [mapping_p]),
    ("scsec_mapping_note", _cstr, [mapping_p]),
    ("scsec_mapping_set_strength", CHECK, [mapping_p, c_double]),
    ("scsec_mapping_set_coverage_value", CHECK, [mapping_p, c_double]),
    ("scsec_mapping_set_rationale", CHECK, [mapping_p, c_int]),
    ("scsec_mapping_set_note", CHECK, [mapping_p, _cstr]),
    ("scsec_mapping_derive", CHECK,
     [_P(evidence_p), evidence_p, mapping_set_p, criteria_p, diagnostics_p]),
    ("scsec_evidence_derived", c_int, [evidence_p]),
    ("scsec_result_evidence_derived", c_int, [result_p]),
    ("scsec_evidence_derivation_get", CHECK,
     [_P(c_char_p), _P(c_char_p), _P(c_char_p), _P(c_char_p), evidence_p]),
    ("scsec_evidence_set_derivation", CHECK, [evidence_p, _cstr, _cstr, _cstr, _cstr]),
    ("scsec_entry_derived_set", _cstr, [entry_p]),
    ("scsec_entry_derived_set_version", _cstr, [entry_p]),
    ("scsec_entry_derived_source_count", c_size_t, [entry_p]),
    ("scsec_entry_derived_source_get", CHECK,
     [_P(c_char_p), _P(c_int), _P(c_int), _P(c_int), entry_p, c_size_t]),
    ("scsec_entry_set_derived_set", CHECK, [entry_p, _cstr, _cstr]),
    ("scsec_entry_add_derived_source", CHECK, [entry_p, _cstr, c_int, c_int, c_int]),
    ("scsec_entry_review", c_int, [entry_p]),
    ("scsec_entry_set_review", CHECK, [entry_p, c_int]),
    ("scsec_diff_class_name", _cstr, [c_int]),
    ("scsec_criteria_diff_new", CHECK, [_P(c_void_p), criteria_p, criteria_p]),
    ("scsec_criteria_diff_free", None, [c_void_p]),
    ("scsec_criteria_diff_count", c_size_t, [c_void_p]),
    ("scsec_criteria_diff_class_count", c_size_t, [c_void_p, c_int]),
    ("scsec_criteria_diff_get", CHECK,
     [_P(c_char_p), _P(c_char_p), _P(c_int), _P(c_uint), _P(c_double), c_void_p, c_size_t]),
    ("scsec_criteria_diff_mapping", CHECK,
     [_P(mapping_set_p), c_void_p, _cstr, _cstr, _cstr, _cstr]),
    ("scsec_migration_action_name", _cstr, [c_int]),
    ("scsec_evidence_migrate", CHECK,
     [_P(evidence_p), _P(c_void_p), evidence_p, mapping_set_p, criteria_p, diagnostics_p]),
    ("scsec_migration_free", None, [c_void_p]),
    ("scsec_migration_count", c_size_t, [c_void_p]),
    ("scsec_migration_get", CHECK, [_P(c_char_p), _P(c_char_p), _P(c_int), c_void_p, c_size_t]),
    # report: planned dates and the projection (doc/evaluation.md, rule 12)
    ("scsec_entry_planned_on", date_t, [entry_p]),
    ("scsec_entry_set_planned_on", CHECK, [entry_p, date_t]),
    ("scsec_eval_options_set_project", CHECK, [eval_options_p, c_int]),
    ("scsec_result_has_projection", c_int, [result_p]),
    ("scsec_result_projected_on_at", date_t, [result_p, c_size_t]),
    ("scsec_result_projection_blocker_count", c_size_t, [result_p, c_size_t]),
    ("scsec_result_projection_blocker_get", CHECK,
     [_P(c_char_p), _P(c_int), result_p, c_size_t, c_size_t]),
    ("scsec_blocker_name", _cstr, [c_int]),
    # oscal.h
    ("scsec_oscal_import_new", CHECK, [_P(oscal_import_p)]),
    ("scsec_oscal_import_free", None, [oscal_import_p]),
    ("scsec_oscal_import_add_profile", CHECK, [oscal_import_p, c_int, _cstr, _cstr]),
    ("scsec_oscal_import_add_profile_memory", CHECK,
     [oscal_import_p, c_int, _cstr, c_void_p, c_size_t, _cstr]),
    ("scsec_oscal_import_set_level_prop", CHECK, [oscal_import_p, _cstr]),
    ("scsec_criteria_oscal_catalog", CHECK, [_out_str, _out_size, criteria_p]),
    ("scsec_criteria_oscal_profile", CHECK, [_out_str, _out_size, criteria_p, c_int, _cstr]),
    ("scsec_result_oscal_assessment_results", CHECK,
     [_out_str, _out_size, result_p, evidence_p]),
    ("scsec_result_oscal_poam", CHECK, [_out_str, _out_size, result_p, evidence_p]),
    ("scsec_evidence_import_oscal_results", CHECK,
     [_P(evidence_p), _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_evidence_import_oscal_results_memory", CHECK,
     [_P(evidence_p), c_void_p, c_size_t, _cstr, criteria_p, load_options_p, diagnostics_p]),
    ("scsec_criteria_import_oscal", CHECK,
     [_P(criteria_p), _cstr, oscal_import_p, load_options_p, diagnostics_p]),
    ("scsec_criteria_import_oscal_memory", CHECK,
     [_P(criteria_p), c_void_p, c_size_t, _cstr, oscal_import_p, load_options_p, diagnostics_p]),
    # sign (scsec/signature.h)
    ("scsec_signing_key_load_file", CHECK, [_P(c_void_p), _cstr, _cstr, _cstr]),
    ("scsec_signing_key_load_memory", CHECK,
     [_P(c_void_p), c_void_p, c_size_t, c_void_p, c_size_t, c_void_p, c_size_t]),
    ("scsec_signing_key_free", None, [c_void_p]),
    ("scsec_signing_key_fingerprint", _cstr, [c_void_p]),
    ("scsec_evidence_sign_memory", CHECK,
     [_out_str, _out_size, c_void_p, c_size_t, _cstr, c_void_p, ctypes.c_int64]),
    ("scsec_evidence_sign_file", CHECK, [_cstr, _cstr, c_void_p, ctypes.c_int64]),
    ("scsec_evidence_signature_count", c_size_t, [evidence_p]),
    ("scsec_evidence_signature_valid", c_int, [evidence_p, c_size_t]),
    ("scsec_evidence_signature_problem", _cstr, [evidence_p, c_size_t]),
    ("scsec_evidence_signature_signer", _cstr, [evidence_p, c_size_t]),
    ("scsec_evidence_signature_fingerprint", _cstr, [evidence_p, c_size_t]),
    ("scsec_evidence_signature_time", ctypes.c_int64, [evidence_p, c_size_t]),
    # portfolio.h
    ("scsec_portfolio_new", CHECK, [_P(portfolio_p), criteria_p, date_t, c_int]),
    ("scsec_portfolio_free", None, [portfolio_p]),
    ("scsec_portfolio_add", CHECK, [portfolio_p, _cstr, _cstr, result_p, _cstr]),
    ("scsec_portfolio_add_contract", CHECK, [portfolio_p, _cstr, _cstr, eval_options_p]),
    ("scsec_portfolio_add_unreadable", CHECK, [portfolio_p, _cstr, _cstr]),
    ("scsec_portfolio_load_contracts", CHECK,
     [portfolio_p, _cstr, load_options_p, diagnostics_p]),
    ("scsec_portfolio_load_contracts_memory", CHECK,
     [portfolio_p, c_void_p, c_size_t, _cstr, load_options_p, diagnostics_p]),
    ("scsec_portfolio_criteria", criteria_p, [portfolio_p]),
    ("scsec_portfolio_as_of", date_t, [portfolio_p]),
    ("scsec_portfolio_within_days", c_int, [portfolio_p]),
    ("scsec_portfolio_trust_applied", c_int, [portfolio_p]),
    ("scsec_portfolio_category_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_category_at", c_void_p, [portfolio_p, c_size_t]),
    ("scsec_portfolio_supplier_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_supplier_at", supplier_p, [portfolio_p, c_size_t]),
    ("scsec_portfolio_supplier_get", supplier_p, [portfolio_p, _cstr]),
    ("scsec_portfolio_level_suppliers", c_size_t, [portfolio_p, c_int]),
    ("scsec_portfolio_expiring_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_expiring_at", supplier_p, [portfolio_p, c_size_t]),
    ("scsec_portfolio_below_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_below_at", supplier_p, [portfolio_p, c_size_t]),
    ("scsec_portfolio_untrusted_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_untrusted_at", supplier_p, [portfolio_p, c_size_t]),
    ("scsec_portfolio_missed_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_missed_id_at", _cstr, [portfolio_p, c_size_t]),
    ("scsec_portfolio_missed_suppliers_at", c_size_t, [portfolio_p, c_size_t]),
    ("scsec_portfolio_missed_method_at", c_size_t, [portfolio_p, c_size_t]),
    ("scsec_portfolio_contract_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_contract_at", contract_p, [portfolio_p, c_size_t]),
    ("scsec_portfolio_unreadable_count", c_size_t, [portfolio_p]),
    ("scsec_portfolio_unreadable_at", _cstr, [portfolio_p, c_size_t]),
    ("scsec_portfolio_unreadable_problem_at", _cstr, [portfolio_p, c_size_t]),
    ("scsec_portfolio_to_json", CHECK, [_out_str, _out_size, portfolio_p]),
    ("scsec_portfolio_to_csv", CHECK, [_out_str, _out_size, portfolio_p]),
    ("scsec_supplier_id", _cstr, [supplier_p]),
    ("scsec_supplier_name", _cstr, [supplier_p]),
    ("scsec_supplier_source", _cstr, [supplier_p]),
    ("scsec_supplier_level", c_int, [supplier_p]),
    ("scsec_supplier_valid_until", date_t, [supplier_p]),
    ("scsec_supplier_expiring", c_int, [supplier_p]),
    ("scsec_supplier_expiry_item_count", c_size_t, [supplier_p]),
    ("scsec_supplier_expiry_item_at", _cstr, [supplier_p, c_size_t]),
    ("scsec_supplier_required", c_int, [supplier_p]),
    ("scsec_supplier_contract_count", c_size_t, [supplier_p]),
    ("scsec_supplier_meets_required", c_int, [supplier_p]),
    ("scsec_supplier_target_level", c_int, [supplier_p]),
    ("scsec_supplier_gap_method", c_size_t, [supplier_p]),
    ("scsec_supplier_gap_fixes", c_size_t, [supplier_p]),
    ("scsec_supplier_category_satisfied", c_size_t, [supplier_p, c_size_t, _P(c_size_t)]),
    ("scsec_supplier_trust", _cstr, [supplier_p]),
    # portfolio2: projected dates in the portfolio
    ("scsec_portfolio_projection_applied", c_int, [portfolio_p]),
    ("scsec_supplier_has_projection", c_int, [supplier_p]),
    ("scsec_supplier_projected_on", date_t, [supplier_p]),
    ("scsec_supplier_projection_blocked", c_size_t, [supplier_p]),
    ("scsec_contract_supplier_id", _cstr, [contract_p]),
    ("scsec_contract_id", _cstr, [contract_p]),
    ("scsec_contract_required", c_int, [contract_p]),
    ("scsec_contract_supplier", supplier_p, [contract_p]),
    ("scsec_contract_meets", c_int, [contract_p]),
    # leftovers: answer marks (evidence.h)
    ("scsec_criteria_answer_mark_count", c_size_t, [criteria_p]),
    ("scsec_criteria_answer_mark_at", CHECK, [criteria_p, c_size_t, _P(c_char_p), _P(c_int)]),
    ("scsec_criteria_answer_marks_provisional", c_int, [criteria_p]),
    ("scsec_criteria_status_parse", CHECK, [_P(c_int), criteria_p, _cstr]),
    # leftovers: the sheet of a workbook (options.h)
    ("scsec_load_options_set_sheet", CHECK, [load_options_p, _cstr]),
    ("scsec_load_options_sheet", _cstr, [load_options_p]),
    # leftovers: OSCAL mapping-collection (mapping.h)
    ("scsec_mapping_set_oscal", CHECK, [_out_str, _out_size, mapping_set_p]),
    # oscal-map-in: mapping sets read from OSCAL mapping-collection JSON (mapping.h)
    ("scsec_mapping_set_load_oscal_file", CHECK,
     [_P(mapping_set_p), _cstr, load_options_p, diagnostics_p]),
    ("scsec_mapping_set_load_oscal_memory", CHECK,
     [_P(mapping_set_p), c_void_p, c_size_t, _cstr, load_options_p, diagnostics_p]),
]
# --------------------------------------------------------------------------
# Loading


def _platform_soname() -> str:
    if sys.platform == "darwin":
        return "libscsec.1.dylib"
    return SONAME


def _installed_dirs(here: str) -> List[str]:
    """The directories ``make install`` put the library in, for an installed package.

    ``make install`` writes the module ``scsec/_libdir.py`` beside the
    package: the library directory relative to the package's own directory
    (which holds under DESTDIR staging and for a relocated prefix too), and
    as the absolute path configured. A source checkout or a pip install has
    no such module.
    """
    try:
        from . import _libdir  # type: ignore[attr-defined]
    except ImportError:
        return []
    dirs = []
    relative = getattr(_libdir, "RELATIVE", None)
    if relative:
        dirs.append(os.path.normpath(os.path.join(here, relative)))
    absolute = getattr(_libdir, "ABSOLUTE", None)
    if absolute and os.path.normpath(absolute) not in dirs:
        dirs.append(os.path.normpath(absolute))
    return dirs


def _candidates() -> List[Tuple[str, str]]:
    """(path, how it was found) pairs, in the order they are tried."""
    override = os.environ.get("SCSEC_LIBRARY")
    if override:
        # An explicit choice is honoured strictly: no silent fallback.
        return [(override, "SCSEC_LIBRARY")]
    soname = _platform_soname()
    found = []
    here = os.path.dirname(os.path.abspath(__file__))
    for libdir in _installed_dirs(here):
        path = os.path.join(libdir, soname)
        if os.path.isfile(path):
            found.append((path, "the installation (%s)" % libdir))
    build = os.path.normpath(os.path.join(here, os.pardir, os.pardir, os.pardir,
                                          "lib", ".libs", soname))
    if os.path.isfile(build):
        found.append((build, "the build tree"))
    found.append((soname, "the dynamic loader"))
    return found


#: Functions of these bindings that the loaded library, older than the
#: bindings, does not have (``LIBSCSEC_1.1`` functions on a 1.0 library).
#: Calling one raises :class:`NotImplementedError`.
missing_functions: frozenset = frozenset()

#: The version of the ABI these bindings were written for: a library at
#: least this new must export every function in :data:`SIGNATURES`.
BINDINGS_VERSION = 10100


def _missing(name: str, version: int) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        raise NotImplementedError(
            "%s needs libscsec 1.1 or later; the library loaded is %d.%d.%d"
            % (name, version // 10000, version // 100 % 100, version % 100))
    return call


def _declare(handle: ctypes.CDLL, version: int = BINDINGS_VERSION) -> None:
    global missing_functions
    missing = set()
    for name, restype, argtypes in SIGNATURES:
        try:
            func = getattr(handle, name)
        except AttributeError:
            if version < BINDINGS_VERSION:
                # An older 1.x library: everything it has works, what it
                # lacks says so when called.
                missing.add(name)
                setattr(handle, name, _missing(name, version))
                continue
            raise ImportError("%s does not export %s: not a libscsec %d.%d library"
                              % (handle._name, name, version // 10000,
                                 version // 100 % 100)) from None
        func.argtypes = argtypes
        if restype is CHECK:
            func.restype = c_int
            func.errcheck = _check
        else:
            func.restype = restype
    missing_functions = frozenset(missing)


class _DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", c_char_p), ("dli_fbase", c_void_p),
                ("dli_sname", c_char_p), ("dli_saddr", c_void_p)]


def _mapped_file(handle: ctypes.CDLL, asked: str) -> str:
    """The file the dynamic loader mapped for ``handle``.

    Asked with ``dladdr()`` on one of the library's functions, so that a
    soname found through the loader's search names the file it found; the
    name asked for when dladdr is not available.
    """
    try:
        dladdr = ctypes.CDLL(None).dladdr
    except (OSError, AttributeError):
        return asked
    dladdr.argtypes = [c_void_p, POINTER(_DlInfo)]
    dladdr.restype = c_int
    info = _DlInfo()
    address = ctypes.cast(handle.scsec_version_number, c_void_p).value
    if not dladdr(address, ctypes.byref(info)) or not info.dli_fname:
        return asked
    return os.path.abspath(os.fsdecode(info.dli_fname))


def _load() -> Tuple[ctypes.CDLL, str]:
    failures = []
    for path, how in _candidates():
        try:
            handle = ctypes.CDLL(path)
        except OSError as exc:
            failures.append("%s (%s): %s" % (path, how, exc))
            continue
        try:
            number = handle.scsec_version_number
        except AttributeError:
            raise ImportError("%s (%s) is not libscsec: no scsec_version_number()"
                              % (path, how)) from None
        number.argtypes = []
        number.restype = c_int
        version = number()
        if version not in SUPPORTED_VERSIONS:
            raise ImportError(
                "%s (%s) is libscsec %d.%d.%d; these bindings support libscsec 1.x only "
                "(scsec_version_number() from %d to %d)"
                % (path, how, version // 10000, version // 100 % 100, version % 100,
                   SUPPORTED_VERSIONS.start, SUPPORTED_VERSIONS.stop - 1))
        _declare(handle, version)
        return handle, _mapped_file(handle, path)
    raise ImportError("cannot load libscsec: " + "; ".join(failures)
                      + " (install libscsec, or name the library file in SCSEC_LIBRARY)")


#: The loaded library (a :class:`ctypes.CDLL`: foreign calls release the GIL).
lib: ctypes.CDLL
#: The absolute path of the library file actually loaded.
library_path: str
lib, library_path = _load()


# --------------------------------------------------------------------------
# Helpers shared by the object layer


def to_bytes(text: Any, what: str = "string") -> Optional[bytes]:
    """A Python str (or bytes) as a NUL-free UTF-8 C string; None stays None."""
    if text is None:
        return None
    if isinstance(text, str):
        raw = text.encode("utf-8")
    elif isinstance(text, (bytes, bytearray)):
        raw = bytes(text)
    else:
        raise TypeError("%s must be a str, not %s" % (what, type(text).__name__))
    if b"\0" in raw:
        raise ValueError("%s contains a NUL character" % what)
    return raw


def to_path(path: Any) -> bytes:
    """A path-like object as a C file name."""
    if path is None:
        raise TypeError("a path is required")
    raw = os.fsencode(path)
    if b"\0" in raw:
        raise ValueError("path contains a NUL character")
    return raw


text = _text


FORMAT_XML = 0
FORMAT_JSON = 1


def take_string(func: Callable[..., int], *args: Any) -> bytes:
    """Call a ``char **out, size_t *size, ...`` function and return the bytes.

    The library's buffer is copied and released with scsec_free(), also when
    copying fails.
    """
    out = c_void_p()
    size = c_size_t()
    func(ctypes.byref(out), ctypes.byref(size), *args)
    try:
        return ctypes.string_at(out.value, size.value) if out.value else b""
    finally:
        lib.scsec_free(out)


def take_cstring(func: Callable[..., int], *args: Any) -> str:
    """Call a ``char **out, ...`` function (no size) and return the text."""
    out = c_void_p()
    func(ctypes.byref(out), *args)
    try:
        return ctypes.string_at(out.value).decode("utf-8", "replace") if out.value else ""
    finally:
        lib.scsec_free(out)
