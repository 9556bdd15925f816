# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""The object layer: criteria sets, evidence records, evaluation, results.

Every class here mirrors a C handle of libscsec. Owning objects
(:class:`CriteriaSet`, :class:`Evidence`, :class:`Result`,
:class:`LoadOptions`) release their handle exactly once: when they are
garbage-collected, when :meth:`~scsec._handle.Owned.close` is called, or at
the end of a ``with`` block, whichever comes first; the handle itself is
freed when no call in another thread uses it any more
(:mod:`scsec._handle`). Using an object after it was closed raises
:class:`ValueError`.

Objects borrowed from a criteria set (:class:`Level`, :class:`Category`,
:class:`Requirement`, :class:`Criterion`, :class:`Prerequisite`,
:class:`Question`) hold a reference to the set, which stays alive as long
as any of them does. Entries, diagnostics and the parts of a result are
plain Python values, copied out of the library.

A :class:`CriteriaSet` is a read-only mapping of criterion ids to
:class:`Criterion`, an :class:`Evidence` record a mutable mapping of answered
ids to :class:`Entry` copies; both pickle as their canonical XML document.
"""

from __future__ import annotations

import collections
import collections.abc
import ctypes
import dataclasses
import datetime
import enum
import functools
import json
import os
from ctypes import byref, c_char_p, c_int, c_size_t
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, MutableMapping, Optional,
                    Sequence, Tuple, TypeVar, Union, overload)

from . import _native
from ._handle import NO_HANDLE, Owned
from ._native import Error, text as _text, to_bytes as _b, to_path as _path

_lib = _native.lib

__all__ = [
    "Status", "Method", "Function", "Reason", "Severity", "Conditional", "ScoringModel",
    "DocumentKind", "LoadOptions", "Diagnostic", "Diagnostics", "CriteriaSet", "Level",
    "Category", "Requirement", "Criterion", "Prerequisite", "Question", "Reference",
    "Artifact", "Entry", "Evidence", "CriteriaRef", "Result", "LevelResult", "Projection", "Figures",
    "ResultSignature",
    "CategoryFigures", "Gap", "Score", "evaluate", "required_level", "validate",
    "builtin_ids", "write_file", "parse_date", "format_date", "today",
    "corporate_number_valid", "version", "version_number",
    "Relationship", "Rationale", "Coverage", "MappingItem", "MappingSet", "DerivedFrom",
    "DerivedSource", "Derivation", "derive", "mapping_builtin_ids",
]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
DateLike = Union[datetime.date, str, None]
Buffer = Union[bytes, bytearray, memoryview]

# ---------------------------------------------------------------- dates

_EPOCH = 719163  # datetime.date(1970, 1, 1).toordinal()


def _from_cdate(days: int) -> Optional[datetime.date]:
    """A C date as a datetime.date (None for SCSEC_DATE_NONE)."""
    if days == _native.DATE_NONE:
        return None
    return datetime.date.fromordinal(days + _EPOCH)


def _to_cdate(value: DateLike, allow_none: bool = True) -> int:
    """datetime.date, ISO text 'YYYY-MM-DD' or None as a C date."""
    if value is None:
        if allow_none:
            return _native.DATE_NONE
        raise TypeError("a date is required")
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.toordinal() - _EPOCH
    if isinstance(value, (str, bytes)):
        out = _native.date_t()
        _lib.scsec_date_parse(byref(out), _b(value, "date"))
        return out.value
    raise TypeError("a date must be a datetime.date or 'YYYY-MM-DD', not %s"
                    % type(value).__name__)


def _as_date(value: DateLike) -> Optional[datetime.date]:
    """Coerce to datetime.date (or None), validating text with the library."""
    if value is None or (isinstance(value, datetime.date)
                         and not isinstance(value, datetime.datetime)):
        return value
    return _from_cdate(_to_cdate(value))


def parse_date(text: Union[str, bytes]) -> datetime.date:
    """Parse ``'YYYY-MM-DD'`` exactly as the library does (:class:`DateError` otherwise)."""
    day = _from_cdate(_to_cdate(text, allow_none=False))
    assert day is not None
    return day


def format_date(date: Union[datetime.date, str]) -> str:
    """A date as ``'YYYY-MM-DD'``, formatted by the library."""
    buf = ctypes.create_string_buffer(_native.DATE_BUFSIZE)
    _lib.scsec_date_format(buf, _to_cdate(date, allow_none=False))
    return buf.value.decode("ascii")


def today() -> datetime.date:
    """Today's date in UTC, as the library sees it (the default "as of")."""
    day = _from_cdate(_lib.scsec_date_today())
    assert day is not None
    return day


# ---------------------------------------------------------------- enums

_E = TypeVar("_E", bound="_TokenEnum")


class _TokenEnum(enum.Enum):
    """An enum whose values are the C enum's, with the library's token."""

    @property
    def token(self) -> str:
        """The library's token for the value (``"met"``, ``"third-party"``, ...)."""
        return _text(self._token_fn()(self.value)) or ""

    @classmethod
    def _token_fn(cls) -> Any:
        raise NotImplementedError

    @classmethod
    def _coerce(cls: "type[_E]", value: Any) -> _E:
        if isinstance(value, cls):
            return value
        if isinstance(value, (str, bytes)):
            return cls.parse(value)
        if value is None:
            return cls(0)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        raise TypeError("%s expected, not %s" % (cls.__name__, type(value).__name__))

    @classmethod
    def parse(cls: "type[_E]", text: Union[str, bytes]) -> _E:
        """The member for a token (as the library parses it)."""
        for member in cls:
            if member.token == text:
                return member
        raise ValueError("unknown %s %r" % (cls.__name__, text))

    def __str__(self) -> str:
        return self.token


class Status(_TokenEnum):
    """An answer's status (``scsec_status``)."""
    NONE = 0
    MET = 1
    PARTIAL = 2
    NOT_MET = 3
    NOT_APPLICABLE = 4

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_status_name

    @classmethod
    def parse(cls, text: Union[str, bytes]) -> "Status":
        """Parse ``"met"``, ``"not-applicable"``, 実施, 該当なし, ... (``""`` is NONE)."""
        out = c_int()
        _lib.scsec_status_parse(byref(out), _b(text, "status"))
        return cls(out.value)


@functools.total_ordering
class Method(_TokenEnum):
    """How an answer was assessed (``scsec_method``); ordered:
    SELF < EXPERT_REVIEWED < THIRD_PARTY."""
    NONE = 0
    SELF = 1
    EXPERT_REVIEWED = 2
    THIRD_PARTY = 3

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_method_name

    @classmethod
    def parse(cls, text: Union[str, bytes]) -> "Method":
        """Parse ``"self"``, ``"expert-reviewed"``, ``"third-party"`` (or 自己評価,
        専門家確認, 第三者評価); ``""`` is NONE."""
        if text in ("", b""):
            return cls.NONE
        out = c_int()
        _lib.scsec_method_parse(byref(out), _b(text, "method"))
        return cls(out.value)

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, Method):
            return NotImplemented
        return self.value < other.value


class Function(_TokenEnum):
    """NIST CSF 2.0 functions (``scsec_function``); the token is the code (``"GV"``)."""
    NONE = 0
    GV = 1
    ID = 2
    PR = 3
    DE = 4
    RS = 5
    RC = 6

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_function_code

    @classmethod
    def parse(cls, text: Union[str, bytes]) -> "Function":
        """The function for its code (``"PR"``)."""
        out = c_int()
        _lib.scsec_function_parse(byref(out), _b(text, "function"))
        return cls(out.value)


class Reason(_TokenEnum):
    """Why an item is not satisfied (``scsec_reason``), in the order they are tried."""
    NONE = 0
    MISSING = 1
    NOT_MET = 2
    PARTIAL = 3
    NA_REJECTED = 4
    METHOD = 5
    NOT_YET_VALID = 6
    EXPIRED = 7

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_reason_name


class Conditional(_TokenEnum):
    """Conditional status under the deductions model (``scsec_conditional``)."""
    NONE = 0
    FINAL = 1
    CONDITIONAL = 2
    NOT_MET = 3

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_conditional_name


class DocumentKind(_TokenEnum):
    """The kinds of document libscsec reads (``scsec_document_kind``)."""
    UNKNOWN = 0
    CRITERIA = 1
    EVIDENCE = 2
    RESULT = 3
    MAPPING = 4

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_document_kind_name


class ScoringModel(enum.Enum):
    """How a criteria set scores (``scsec_scoring_model``)."""
    ALL_REQUIRED = 0
    POINTS = 1
    DEDUCTIONS = 2

    @property
    def token(self) -> str:
        """The model's token (``"all-required"``, ``"points"``, ``"deductions"``)."""
        return ("all-required", "points", "deductions")[self.value]

    def __str__(self) -> str:
        return self.token


class Severity(enum.Enum):
    """How bad a diagnostic is (``scsec_severity``)."""
    ERROR = 0
    WARNING = 1
    NOTE = 2

    @property
    def token(self) -> str:
        """``"error"``, ``"warning"`` or ``"note"``."""
        return self.name.lower()

    def __str__(self) -> str:
        return self.token


_REASONS = tuple(r for r in Reason if r is not Reason.NONE)

# ---------------------------------------------------------------- handles


def _guard(obj: Any, cls: type, what: str, optional: bool = False) -> Any:
    """The guard of ``obj`` (an instance of ``cls``), for a ``with`` holding its
    handle; :data:`NO_HANDLE` for None when ``optional``; TypeError otherwise."""
    if obj is None and optional:
        return NO_HANDLE
    if not isinstance(obj, cls):
        raise TypeError("%s must be a %s, not %s" % (what, cls.__name__, type(obj).__name__))
    return obj._g


def _set_guard(obj: Any, what: str = "criteria", optional: bool = False) -> Any:
    return _guard(obj, CriteriaSet, what, optional)


def _options_guard(options: Any) -> Any:
    return _guard(options, LoadOptions, "options", optional=True)


_O = TypeVar("_O", bound=Owned)


def _new_owned(cls: "type[_O]", ptr: Any) -> _O:
    obj = cls.__new__(cls)
    obj._adopt(ptr)
    return obj


# ---------------------------------------------------------------- options


class LoadOptions(Owned):
    """Limits and checks for the readers (``scsec_load_options``).

    ``LoadOptions(max_file_size=..., max_document_size=..., max_depth=...,
    schema_validation=..., max_items=..., encoding=...)``; unnamed settings
    keep the library's defaults. Pass it as ``options=`` to any loader. It
    may be shared by threads (a :meth:`set` waits for the loads using it).
    It pickles as its settings.

    ``encoding`` forces the encoding of CSV sheets: a name the library
    knows (``"auto"``, ``"utf-8"``, ``"cp932"`` or ``"shift_jis"``,
    ``"utf-16le"``, ``"utf-16"``, ...; case and ``-``/``_`` do not matter).
    :meth:`get` answers it with its canonical name (``"CP932"``); the
    default, ``"auto"``, finds it from the sheet. It needs libscsec 1.1.

    ``sheet`` names the sheet of an Excel workbook to read (``None``, the
    default: an answer sheet from the first worksheet with ``id`` and
    ``status`` columns, IPA's workbook from the first worksheet); a workbook
    without it is refused, its sheets listed.
    """

    __slots__ = ()
    _free_name = "scsec_load_options_free"
    _kind = "LoadOptions"
    _exclusive = True
    _KEYS = {"max_file_size": 1, "max_document_size": 2, "max_depth": 3,
             "schema_validation": 4, "max_items": 5, "encoding": 6}

    def __init__(self, **settings: Union[int, bool, str, None]) -> None:
        ptr = _native.load_options_p()
        _lib.scsec_load_options_new(byref(ptr))
        self._adopt(ptr)
        for name, value in settings.items():
            self.set(name, value)

    @classmethod
    def _key(cls, name: str) -> int:
        if name == "sheet":
            return 0
        try:
            return cls._KEYS[name]
        except KeyError:
            raise TypeError("unknown load option %r" % name) from None

    def set(self, name: str, value: Union[int, bool, str, None]) -> None:
        """Change one setting (a name among the constructor's keywords)."""
        key = self._key(name)
        if name == "sheet":
            if value is not None and not isinstance(value, str):
                raise TypeError("sheet must be a sheet's name or None, not %r" % (value,))
            with self._g.writing as h:
                _lib.scsec_load_options_set_sheet(h, _b(value, "sheet"))
            return
        if name == "encoding":
            if not isinstance(value, str):
                raise TypeError("encoding must be a name such as 'cp932', not %r" % (value,))
            code = c_int()
            _lib.scsec_encoding_parse(byref(code), value.encode("utf-8"))
            value = code.value
        elif isinstance(value, bool):
            value = int(value)
        elif not isinstance(value, int) or value < 0:
            raise ValueError("%s must be a non-negative integer" % name)
        with self._g.writing as h:
            _lib.scsec_load_options_set(h, key, value)

    def get(self, name: str) -> Union[int, str, None]:
        """Read one setting (``encoding`` as its canonical name)."""
        key = self._key(name)
        if name == "sheet":
            with self._g as h:
                return _text(_lib.scsec_load_options_sheet(h))
        with self._g as h:
            value = int(_lib.scsec_load_options_get(h, key))
        if name == "encoding":
            canonical = _lib.scsec_encoding_name(value)
            return canonical.decode("ascii") if canonical else "auto"
        return value

    def as_dict(self) -> Dict[str, Union[int, str, None]]:
        """Every setting, by name (``encoding`` only where the library has it,
        ``sheet`` when one is chosen)."""
        out: Dict[str, Union[int, str, None]] = {
            name: self.get(name) for name in self._KEYS
            if name != "encoding" or "scsec_encoding_name" not in _native.missing_functions}
        if "scsec_load_options_sheet" not in _native.missing_functions:
            sheet = self.get("sheet")
            if sheet is not None:
                out["sheet"] = sheet
        return out

    def __copy__(self) -> "LoadOptions":
        return LoadOptions(**self.as_dict())

    def __reduce__(self) -> Any:
        return (_load_options_from_settings, (self.as_dict(),))

    def __repr__(self) -> str:
        if self.closed:
            return "<LoadOptions closed>"
        return "LoadOptions(%s)" % ", ".join("%s=%r" % kv for kv in self.as_dict().items())


def _load_options_from_settings(settings: Dict[str, int]) -> LoadOptions:
    return LoadOptions(**settings)


# ---------------------------------------------------------------- diagnostics


class Diagnostic(collections.namedtuple(
        "Diagnostic", "severity code id file line column message text")):
    """One problem found by a loader or a check.

    :ivar severity: a :class:`Severity`.
    :ivar code: a negative ``SCSEC_E*`` code.
    :ivar id: the criterion or entry it is about, or None.
    :ivar file: the document, or None.
    :ivar line: the line (the row of a CSV sheet), 0 when unknown.
    :ivar column: the column, 0 when unknown.
    :ivar message: the message alone.
    :ivar text: the compiler-style line the library formats (also ``str(d)``).
    """

    __slots__ = ()

    def __str__(self) -> str:
        return self.text


class Diagnostics(List[Diagnostic]):
    """A list of :class:`Diagnostic`, with the errors, warnings and notes apart.

    A reader keeps the first few diagnostics of a kind and then one summary
    ("… and 950 more like the one above"): :meth:`total` counts what such a
    summary stands for, :meth:`omitted` tells it for one diagnostic.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._omitted: Dict[int, int] = {}

    def omitted(self, index: int) -> int:
        """How many diagnostics the one at ``index`` stands for without
        storing them (a summary), 0 for any other."""
        if not -len(self) <= index < len(self):
            raise IndexError("diagnostic index out of range")
        return self._omitted.get(index % len(self), 0)

    def total(self, severity: Optional["Severity"] = None) -> int:
        """How many diagnostics (of ``severity``, or of any) were found,
        stored or not: the figure to show a person."""
        return sum(self._omitted.get(i, 1) for i, d in enumerate(self)
                   if severity is None or d.severity is severity)

    @property
    def errors(self) -> List[Diagnostic]:
        """The diagnostics of severity ERROR."""
        return [d for d in self if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> List[Diagnostic]:
        """The diagnostics of severity WARNING."""
        return [d for d in self if d.severity is Severity.WARNING]

    @property
    def notes(self) -> List[Diagnostic]:
        """The diagnostics of severity NOTE."""
        return [d for d in self if d.severity is Severity.NOTE]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors


class _DiagList:
    """A C diagnostics list for the duration of one call."""

    def __enter__(self) -> "_DiagList":
        self.ptr = _native.diagnostics_p()
        _lib.scsec_diagnostics_new(byref(self.ptr))
        return self

    def __exit__(self, *exc: Any) -> bool:
        _lib.scsec_diagnostics_free(self.ptr)
        self.ptr = None
        return False

    def read(self) -> Diagnostics:
        out = Diagnostics()
        for i in range(_lib.scsec_diagnostics_count(self.ptr)):
            d = _lib.scsec_diagnostics_at(self.ptr, i)
            out.append(Diagnostic(
                Severity(_lib.scsec_diagnostic_severity(d)),
                _lib.scsec_diagnostic_code(d),
                _text(_lib.scsec_diagnostic_id(d)),
                _text(_lib.scsec_diagnostic_file(d)),
                int(_lib.scsec_diagnostic_line(d)),
                int(_lib.scsec_diagnostic_column(d)),
                _text(_lib.scsec_diagnostic_message(d)),
                _native.take_cstring(_lib.scsec_diagnostic_format, d)))
            if "scsec_diagnostic_omitted" not in _native.missing_functions:
                omitted = int(_lib.scsec_diagnostic_omitted(d))
                if omitted:
                    out._omitted[i] = omitted
        return out


def _load_with_diags(func: Any, out: Any, args: Tuple[Any, ...],
                     diagnostics: Optional[List[Diagnostic]]) -> None:
    """Call a loader ``func(out, *args, diags)``; attach diagnostics to errors.

    When ``diagnostics`` is a list, every problem found (also on success:
    warnings) is appended to it.
    """
    with _DiagList() as diags:
        try:
            func(byref(out), *args, diags.ptr)
        except Error as exc:
            found = diags.read()
            if diagnostics is not None:
                diagnostics.extend(found)
            first = exc
            if not exc.recorded:
                # The thread's record was overwritten by a later problem:
                # take the details from the first error of the same code.
                for d in found:
                    if d.severity is Severity.ERROR and d.code == exc.code:
                        first = _native.make_error(exc.code, d.message, d.file, d.line,
                                                   d.column)
                        break
            first.diagnostics = found
            if first is exc:
                raise
            raise first.with_traceback(exc.__traceback__) from None
        if diagnostics is not None:
            try:
                diagnostics.extend(diags.read())
            except BaseException:
                # the caller never sees the new handle: free it here
                getattr(_lib, _FREE_BY_TYPE[type(out)])(out)
                raise


_FREE_BY_TYPE = {_native.criteria_p: "scsec_criteria_free",
                 _native.evidence_p: "scsec_evidence_free",
                 _native.mapping_set_p: "scsec_mapping_set_free"}


def _buffer(data: Buffer) -> Tuple[bytes, int]:
    if isinstance(data, str):
        raise TypeError("data must be bytes, not str (encode it first)")
    data = bytes(data)
    return data, len(data)


def _name(name: Optional[str]) -> Optional[bytes]:
    return _b(name, "name") if name is not None else None


# ---------------------------------------------------------------- results' values


class _Items(tuple):
    """A result's list: an immutable tuple, cached by the result.

    It also compares equal to a list holding the same items, as the lists
    of scsec 1.0 did (``result.gaps == []`` keeps its meaning).
    """

    __slots__ = ()

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, list):
            return tuple.__eq__(self, tuple(other))
        return tuple.__eq__(self, other)

    def __ne__(self, other: Any) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = tuple.__hash__

    def __getitem__(self, index: Any) -> Any:
        value = tuple.__getitem__(self, index)
        return _Items(value) if isinstance(index, slice) else value

    def __repr__(self) -> str:
        return repr(list(self))


class _FrozenDict(Dict[str, Any]):
    """A read-only dict (a result's counts): JSON-serialisable, picklable."""

    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a result's figures are read-only (copy them with dict())")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly
    __ior__ = _readonly

    def __reduce__(self) -> Any:
        return (_FrozenDict, (dict(self),))

    def __copy__(self) -> "_FrozenDict":
        return self

    def __deepcopy__(self, memo: Any) -> "_FrozenDict":
        return self


Figures = collections.namedtuple("Figures", "applicable satisfied reasons")
Figures.__doc__ = ("Counts: items that apply, items satisfied, and ``{reason token: count}`` "
                   "for the others (they add up; read-only).")
Projection = collections.namedtuple("Projection", ["rank", "label", "on", "blockers"])
Projection.__doc__ = ("A level not met, projected (doc/evaluation.md, rule 12): the day it would "
                      "be reached if every plan holds (a datetime.date, or None when blocked), "
                      "and its blockers as (id, kind) pairs, kind 'unplanned', 'overdue' or "
                      "'lapses'.")

LevelResult = collections.namedtuple("LevelResult",
                                     "rank label met applicable satisfied reasons")
LevelResult.__doc__ = ("A level's outcome in a result: rank, label, whether it is met, and "
                       "its figures (as in :class:`Figures`).")
CategoryFigures = collections.namedtuple("CategoryFigures", "id applicable satisfied reasons")
CategoryFigures.__doc__ = "The figures of a top-level category at the gap level."
Score = collections.namedtuple("Score", "model value max band conditional")
Score.__doc__ = ("The score of a points or deductions set: model token, value, max, band "
                 "label or None, :class:`Conditional` or None.")


ResultSignature = collections.namedtuple("ResultSignature",
                                         "valid problem signer fingerprint signing_time")
ResultSignature.__doc__ = ("An XML Signature of a signed result document: whether it is valid, "
                           "why not, the signer's certificate subject and SHA-256 fingerprint, "
                           "the signed signing time (an aware datetime in UTC, or None).")


class Gap(collections.namedtuple("Gap", "id reason prerequisite")):
    """An unsatisfied criterion or prerequisite.

    :ivar id: the criterion's or prerequisite's id.
    :ivar reason: a :class:`Reason`.
    :ivar prerequisite: True for a prerequisite.
    """

    __slots__ = ()

    @property
    def type(self) -> str:
        """``"prerequisite"`` or ``"criterion"`` (the JSON document's ``type``)."""
        return "prerequisite" if self.prerequisite else "criterion"


def _figures(ptr: Any) -> Tuple[int, int, _FrozenDict]:
    reasons = _FrozenDict((r.token, int(_lib.scsec_figures_reason_count(ptr, r.value)))
                          for r in _REASONS)
    return (int(_lib.scsec_figures_applicable(ptr)), int(_lib.scsec_figures_satisfied(ptr)),
            reasons)


# ---------------------------------------------------------------- criteria


def builtin_ids() -> List[str]:
    """The ids of the criteria sets built into the library."""
    return [_text(_lib.scsec_criteria_builtin_id(i)) or ""
            for i in range(_lib.scsec_criteria_builtin_count())]


def _rank(level: Union[int, "Level"]) -> int:
    """A level rank from an int or a Level."""
    if isinstance(level, Level):
        return level.rank
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError("a level rank (int) or a Level is expected, not %s"
                        % type(level).__name__)
    return level


_B = TypeVar("_B", bound="_Borrowed")


class CriteriaSet(Owned, Mapping[str, "Criterion"]):
    """A loaded criteria set (``scsec_criteria``): immutable, shareable by threads.

    Create one with :meth:`builtin`, :meth:`load`, :meth:`from_bytes` or
    :meth:`import_ipa`. A set is a read-only mapping of criterion ids to
    :class:`Criterion`, in document order: ``"1-1-1-1" in meti``,
    ``meti["1-1-1-1"]``, ``len(meti)``, ``keys()``, ``values()``, ``items()``;
    iterating gives the ids (:attr:`criteria` gives the criteria). Two sets
    are equal when their canonical forms are (same :attr:`fingerprint`), and
    hash alike then. A set pickles as its canonical XML, so it crosses
    process boundaries (:mod:`concurrent.futures`, Dask).
    """

    __slots__ = ("_ids", "_fp")
    _free_name = "scsec_criteria_free"
    _kind = "CriteriaSet"

    def __init__(self) -> None:
        raise TypeError("use CriteriaSet.builtin(), .load(), .from_bytes() or .import_ipa()")

    # -- constructors

    @classmethod
    def builtin(cls, id: Optional[str] = None) -> "CriteriaSet":
        """A built-in set; the default METI set (``"meti-sc-2026-03"``) without ``id``."""
        ptr = _native.criteria_p()
        _lib.scsec_criteria_builtin(byref(ptr), _b(id, "id"))
        return _new_owned(cls, ptr)

    @classmethod
    def load(cls, path: PathLike, options: Optional[LoadOptions] = None,
             diagnostics: Optional[List[Diagnostic]] = None) -> "CriteriaSet":
        """Load a set from an XML file (plain or gzip).

        On failure the exception's ``diagnostics`` list every problem; a
        list passed as ``diagnostics`` receives them too (warnings as well).
        """
        ptr = _native.criteria_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_criteria_load_file, ptr, (_path(path), oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_bytes(cls, data: Buffer, name: Optional[str] = None,
                   options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "CriteriaSet":
        """Load a set from an XML document in memory (plain or gzip); ``name``
        is the document's name in messages."""
        data, size = _buffer(data)
        ptr = _native.criteria_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_criteria_load_memory, ptr,
                             (data, size, _name(name), oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def import_ipa(cls, path: PathLike, rules: Optional["CriteriaSet"] = None,
                   options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "CriteriaSet":
        """Import IPA's criteria sheet (CSV exported from Excel).

        The scheme's rules (levels' methods, validity, prerequisites,
        questions) come from ``rules``, by default the built-in METI set.
        """
        ptr = _native.criteria_p()
        with _set_guard(rules, "rules", optional=True) as rh, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_criteria_import_ipa, ptr, (_path(path), rh, oh),
                             diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def import_ipa_bytes(cls, data: Buffer, name: Optional[str] = None,
                         rules: Optional["CriteriaSet"] = None,
                         options: Optional[LoadOptions] = None,
                         diagnostics: Optional[List[Diagnostic]] = None) -> "CriteriaSet":
        """Import IPA's criteria sheet held in memory."""
        data, size = _buffer(data)
        ptr = _native.criteria_p()
        with _set_guard(rules, "rules", optional=True) as rh, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_criteria_import_ipa_memory, ptr,
                             (data, size, _name(name), rh, oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def import_oscal(cls, catalog: PathLike,
                     profiles: Sequence[Tuple[int, str, PathLike]] = (),
                     level_prop: Optional[str] = None,
                     imported: Sequence[PathLike] = (),
                     options: Optional[LoadOptions] = None,
                     diagnostics: Optional[List[Diagnostic]] = None) -> "CriteriaSet":
        """Import a NIST OSCAL catalog (JSON or XML) as a criteria set.

        ``profiles`` are ``(rank, label, path)`` triples, each profile
        becoming a level; ``imported`` are profiles that other profiles
        import without making a level; ``level_prop`` takes the levels from
        a control property instead. With neither, the catalog is one level.
        See doc/oscal.md.
        """
        imp = _native.oscal_import_p()
        _lib.scsec_oscal_import_new(byref(imp))
        try:
            for rank, label, path in profiles:
                _lib.scsec_oscal_import_add_profile(imp, int(rank), _b(label, "label"),
                                                    _path(path))
            for path in imported:
                _lib.scsec_oscal_import_add_profile(imp, 0, None, _path(path))
            if level_prop is not None:
                _lib.scsec_oscal_import_set_level_prop(imp, _b(level_prop, "level_prop"))
            ptr = _native.criteria_p()
            with _options_guard(options) as oh:
                _load_with_diags(_lib.scsec_criteria_import_oscal, ptr,
                                 (_path(catalog), imp, oh), diagnostics)
        finally:
            _lib.scsec_oscal_import_free(imp)
        return _new_owned(cls, ptr)

    def to_oscal_catalog(self) -> str:
        """The set as an OSCAL 1.2.1 catalog (JSON text, deterministic; doc/oscal.md)."""
        with self._g as h:
            return _native.take_string(_lib.scsec_criteria_oscal_catalog, h).decode("utf-8")

    def to_oscal_profile(self, rank: int, catalog_href: str) -> str:
        """Level ``rank`` as an OSCAL profile importing the catalog at ``catalog_href``."""
        with self._g as h:
            return _native.take_string(_lib.scsec_criteria_oscal_profile, h, int(rank),
                                       _b(catalog_href, "catalog_href")).decode("utf-8")

    # -- export

    def to_bytes(self) -> bytes:
        """The canonical XML form."""
        with self._g as h:
            return _native.take_string(_lib.scsec_criteria_write_memory, h)

    def export(self, path: PathLike, gzip: bool = False) -> None:
        """Write the canonical XML form to ``path``, atomically (gzip-compressed if asked)."""
        with self._g as h:
            _lib.scsec_criteria_write_file(h, _path(path), _native.WRITE_GZIP if gzip else 0)

    def template_csv(self, level: Union[int, "Level"] = 0, lang: Optional[str] = None) -> bytes:
        """A CSV answer sheet (bytes: UTF-8 with BOM, CRLF) for ``level`` (0: all levels)."""
        rank = _rank(level)
        with self._g as h:
            return _native.take_string(_lib.scsec_criteria_template_csv, h, rank,
                                       _b(lang, "lang"))

    def template_xlsx(self, path: PathLike, level: Union[int, "Level"] = 0,
                      lang: Optional[str] = None) -> None:
        """Write the answer workbook (.xlsx) for ``level`` (0: all levels) to ``path``, atomically."""
        rank = _rank(level)
        with self._g as h:
            _lib.scsec_criteria_template_xlsx(h, _path(path), rank, _b(lang, "lang"))

    # -- identity

    def _str(self, fn: Any, *args: Any) -> Optional[str]:
        with self._g as h:
            return _text(fn(h, *args))

    @property
    def id(self) -> str:
        """The set's id (``"meti-sc-2026-03"``)."""
        return self._str(_lib.scsec_criteria_id) or ""

    @property
    def version(self) -> str:
        """The set's version (``"2026.03"``)."""
        return self._str(_lib.scsec_criteria_version) or ""

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical form (64 lowercase hex digits)."""
        fp = getattr(self, "_fp", None)
        if fp is None:
            fp = self._fp = self._str(_lib.scsec_criteria_fingerprint) or ""
        return fp

    def title(self, lang: Optional[str] = None) -> Optional[str]:
        """The title in ``lang`` (BCP 47; the set's first title when absent or unknown)."""
        return self._str(_lib.scsec_criteria_title, _b(lang, "lang"))

    def description(self, lang: Optional[str] = None) -> Optional[str]:
        """The description in ``lang``, or None."""
        return self._str(_lib.scsec_criteria_description, _b(lang, "lang"))

    @property
    def publisher(self) -> Optional[str]:
        """Who publishes the set, or None."""
        return self._str(_lib.scsec_criteria_publisher)

    @property
    def issued(self) -> Optional[datetime.date]:
        """When the set was issued, or None."""
        with self._g as h:
            return _from_cdate(_lib.scsec_criteria_issued(h))

    @property
    def source(self) -> Optional[str]:
        """Where the criteria's texts come from, or None."""
        return self._str(_lib.scsec_criteria_source)

    @property
    def source_uri(self) -> Optional[str]:
        """The source's URI, or None."""
        return self._str(_lib.scsec_criteria_source_uri)

    @property
    def scoring(self) -> ScoringModel:
        """How the set scores."""
        with self._g as h:
            return ScoringModel(_lib.scsec_criteria_scoring(h))

    @property
    def answer_marks(self) -> Tuple[Tuple[str, "Status"], ...]:
        """The marks an answer sheet's status cell may hold (``○``, ``該当なし``,
        ...) with the status each stands for: data of the set."""
        out = []
        with self._g as h:
            for i in range(_lib.scsec_criteria_answer_mark_count(h)):
                mark, st = c_char_p(), c_int()
                _lib.scsec_criteria_answer_mark_at(h, i, byref(mark), byref(st))
                out.append((_text(mark.value) or "", Status(st.value)))
        return tuple(out)

    @property
    def answer_marks_provisional(self) -> bool:
        """True when the set says its answer marks are provisional."""
        with self._g as h:
            return bool(_lib.scsec_criteria_answer_marks_provisional(h))

    def parse_status(self, text: Union[str, bytes]) -> "Status":
        """Parse a status cell as the answer-sheet readers do: the tokens,
        their Japanese names, then the set's answer marks."""
        out = c_int()
        with self._g as h:
            _lib.scsec_criteria_status_parse(byref(out), h, _b(text, "status"))
        return Status(out.value)

    def framework_title(self, id: str) -> Optional[str]:
        """The title of the framework ``id`` the set declares, or None."""
        return self._str(_lib.scsec_criteria_framework_title, _b(id, "id"))

    # -- children

    def _children(self, cls: "type[_B]", count_fn: Any, at_fn: Any) -> Tuple[_B, ...]:
        with self._g as h:
            return tuple(cls(self, at_fn(h, i)) for i in range(count_fn(h)))

    def _lookup(self, cls: "type[_B]", fn: Any, key: Union[int, str], what: str) -> _B:
        arg = key if isinstance(key, int) else _b(key, "id")
        with self._g as h:
            ptr = fn(h, arg)
        if not ptr:
            raise KeyError("%s has no %s %r" % (self.id, what, key))
        return cls(self, ptr)

    @property
    def levels(self) -> Tuple["Level", ...]:
        """The levels, by increasing rank."""
        return self._children(Level, _lib.scsec_criteria_level_count,
                              _lib.scsec_criteria_level_at)

    def level(self, rank: Union[int, "Level"]) -> "Level":
        """The level of rank ``rank`` (KeyError when none)."""
        return self._lookup(Level, _lib.scsec_criteria_level_by_rank, _rank(rank), "level")

    @property
    def prerequisites(self) -> Tuple["Prerequisite", ...]:
        """The prerequisites of the levels (attestations such as the management pledge)."""
        return self._children(Prerequisite, _lib.scsec_criteria_prerequisite_count,
                              _lib.scsec_criteria_prerequisite_at)

    def prerequisite(self, id: str) -> "Prerequisite":
        """The prerequisite ``id`` (KeyError when none)."""
        return self._lookup(Prerequisite, _lib.scsec_criteria_prerequisite,
                            id, "prerequisite")

    @property
    def categories(self) -> Tuple["Category", ...]:
        """Every category, sub-categories included, parents first."""
        return self._children(Category, _lib.scsec_criteria_category_count,
                              _lib.scsec_criteria_category_at)

    def category(self, id: str) -> "Category":
        """The category ``id`` (KeyError when none)."""
        return self._lookup(Category, _lib.scsec_criteria_category, id, "category")

    @property
    def requirements(self) -> Tuple["Requirement", ...]:
        """Every requirement, in document order."""
        return self._children(Requirement, _lib.scsec_criteria_requirement_count,
                              _lib.scsec_criteria_requirement_at)

    def requirement(self, id: str) -> "Requirement":
        """The requirement ``id`` (KeyError when none)."""
        return self._lookup(Requirement, _lib.scsec_criteria_requirement,
                            id, "requirement")

    @property
    def criteria(self) -> Tuple["Criterion", ...]:
        """Every criterion, in document order (the mapping's values)."""
        return self._children(Criterion, _lib.scsec_criteria_criterion_count,
                              _lib.scsec_criteria_criterion_at)

    def criterion(self, id: str) -> "Criterion":
        """The criterion ``id`` (KeyError when none); also ``meti[id]``."""
        return self._lookup(Criterion, _lib.scsec_criteria_criterion, id, "criterion")

    @property
    def questions(self) -> Tuple["Question", ...]:
        """The questions of the required-level rule."""
        return self._children(Question, _lib.scsec_criteria_question_count,
                              _lib.scsec_criteria_question_at)

    def question(self, id: str) -> "Question":
        """The question ``id`` (KeyError when none)."""
        return self._lookup(Question, _lib.scsec_criteria_question, id, "question")

    @property
    def required_default(self) -> int:
        """The level required when every question is answered no (0: no rule)."""
        with self._g as h:
            return int(_lib.scsec_criteria_required_default(h))

    def required_level(self, answers: Any = None,
                       required: Union[int, "Level", None] = None) -> Optional[int]:
        """See :func:`scsec.required_level`."""
        return required_level(self, answers, required)

    # -- the mapping

    def _id_tuple(self) -> Tuple[str, ...]:
        ids = getattr(self, "_ids", None)
        if ids is None:
            with self._g as h:
                ids = tuple(_text(_lib.scsec_criterion_id(_lib.scsec_criteria_criterion_at(h, i)))
                            or "" for i in range(_lib.scsec_criteria_criterion_count(h)))
            self._ids = ids
        return ids

    def __getitem__(self, id: str) -> "Criterion":
        if not isinstance(id, str):
            raise KeyError(id)
        with self._g as h:
            ptr = _lib.scsec_criteria_criterion(h, _b(id, "id"))
        if not ptr:
            raise KeyError(id)
        return Criterion(self, ptr)

    def __contains__(self, id: object) -> bool:
        if not isinstance(id, str) or "\0" in id:
            return False
        with self._g as h:
            return bool(_lib.scsec_criteria_criterion(h, _b(id, "id")))

    def __iter__(self) -> Iterator[str]:
        return iter(self._id_tuple())

    def __len__(self) -> int:
        with self._g as h:
            return int(_lib.scsec_criteria_criterion_count(h))

    def values(self) -> "_CriteriaValues":  # type: ignore[override]
        """The criteria, in document order (a view)."""
        return _CriteriaValues(self)

    def items(self) -> "_CriteriaItems":  # type: ignore[override]
        """``(id, criterion)`` pairs, in document order (a view)."""
        return _CriteriaItems(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CriteriaSet):
            return NotImplemented
        return other is self or other.fingerprint == self.fingerprint

    def __hash__(self) -> int:
        return hash(("scsec.CriteriaSet", self.fingerprint))

    # -- copying and pickling

    def __copy__(self) -> "CriteriaSet":
        with self._g:
            return self  # immutable

    def __reduce__(self) -> Any:
        return (_criteria_from_xml, (self.to_bytes(),))

    def __repr__(self) -> str:
        if self.closed:
            return "<CriteriaSet closed>"
        return "<CriteriaSet %s %s>" % (self.id, self.version)


def _criteria_from_xml(data: bytes) -> CriteriaSet:
    """Unpickle a :class:`CriteriaSet` from its canonical XML."""
    return CriteriaSet.from_bytes(data, name="<pickled criteria set>")


class _CriteriaValues(collections.abc.ValuesView):  # type: ignore[type-arg]
    """A set's criteria, in document order."""

    __slots__ = ()
    _mapping: CriteriaSet

    def __iter__(self) -> Iterator["Criterion"]:
        return iter(self._mapping.criteria)

    def __contains__(self, value: object) -> bool:
        return isinstance(value, Criterion) and value._owner is self._mapping

    def __repr__(self) -> str:
        return "%s(%r)" % (type(self).__name__, list(self))


class _CriteriaItems(collections.abc.ItemsView):  # type: ignore[type-arg]
    """A set's ``(id, criterion)`` pairs, in document order."""

    __slots__ = ()
    _mapping: CriteriaSet

    def __iter__(self) -> Iterator[Tuple[str, "Criterion"]]:
        return iter(zip(self._mapping._id_tuple(), self._mapping.criteria))

    def __repr__(self) -> str:
        return "%s(%r)" % (type(self).__name__, list(self))


class _Borrowed:
    """An object borrowed from a criteria set; keeps the set alive.

    Every call on it holds the set's handle (a set closed meanwhile is
    freed only when the call is done).
    """

    __slots__ = ("_owner", "_ptr")

    def __init__(self, owner: CriteriaSet, ptr: Any) -> None:
        self._owner = owner
        self._ptr = ptr

    def _get(self, fn: Any, *args: Any) -> Any:
        with self._owner._g:
            return fn(self._ptr, *args)

    def _str(self, fn: Any, *args: Any) -> Optional[str]:
        with self._owner._g:
            return _text(fn(self._ptr, *args))

    @property
    def _as_parameter_(self) -> Any:
        """The handle, for passing the object straight to a ``lib`` function
        (low level and unguarded)."""
        if self._owner.closed:
            raise ValueError("%s is closed" % self._owner._kind)
        return self._ptr

    @property
    def criteria_set(self) -> CriteriaSet:
        """The set this object belongs to."""
        return self._owner

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Borrowed)
        return self._owner is other._owner and self._ptr.value == other._ptr.value

    def __hash__(self) -> int:
        return hash((type(self), id(self._owner), self._ptr.value))

    def _wrap(self, cls: "type[_B]", ptr: Any) -> Optional[_B]:
        return cls(self._owner, ptr) if ptr else None

    def _key(self) -> str:
        raise NotImplementedError

    def __repr__(self) -> str:
        try:
            return "<%s %s>" % (type(self).__name__, self._key())
        except ValueError:
            return "<%s of a closed set>" % type(self).__name__


class Level(_Borrowed):
    """A level of a set (★3, ★4, ...)."""

    __slots__ = ()

    def _key(self) -> str:
        return self.label

    @property
    def rank(self) -> int:
        """The level's rank (3 for ★3)."""
        return int(self._get(_lib.scsec_level_rank))

    @property
    def label(self) -> str:
        """The level's label (``"★3"``)."""
        return self._str(_lib.scsec_level_label) or ""

    def title(self, lang: Optional[str] = None) -> Optional[str]:
        """The level's title in ``lang``."""
        return self._str(_lib.scsec_level_title, _b(lang, "lang"))

    @property
    def method(self) -> Method:
        """The least assessment method an answer needs at this level."""
        return Method(self._get(_lib.scsec_level_method))

    @property
    def validity(self) -> Optional[str]:
        """How long an answer stays valid, as an ISO 8601 duration (``"P1Y"``), or None."""
        return self._str(_lib.scsec_level_validity)

    @property
    def validity_provisional(self) -> bool:
        """True when the scheme has not fixed the validity yet (the set's value is provisional)."""
        return bool(self._get(_lib.scsec_level_validity_provisional))

    @property
    def requires_lower(self) -> bool:
        """True when reaching this level also needs every lower level met."""
        return bool(self._get(_lib.scsec_level_requires_lower))

    @property
    def prerequisites(self) -> Tuple["Prerequisite", ...]:
        """The prerequisites of this level."""
        with self._owner._g:
            return tuple(Prerequisite(self._owner,
                                      _lib.scsec_level_prerequisite_at(self._ptr, i))
                         for i in range(_lib.scsec_level_prerequisite_count(self._ptr)))

    @property
    def criterion_count(self) -> int:
        """Number of criteria that apply at the level."""
        return int(self._get(_lib.scsec_level_criterion_count))

    @property
    def requirement_count(self) -> int:
        """Number of requirements with a criterion applying at the level."""
        return int(self._get(_lib.scsec_level_requirement_count))

    @property
    def criteria(self) -> Tuple["Criterion", ...]:
        """The criteria that apply at the level, in document order."""
        rank = self.rank
        return tuple(c for c in self._owner.criteria if c.applies_at(rank))


class Prerequisite(_Borrowed):
    """A prerequisite of levels that is not a criterion (an attestation)."""

    __slots__ = ()

    def _key(self) -> str:
        return self.id

    @property
    def id(self) -> str:
        """The prerequisite's id (``"management-pledge"``)."""
        return self._str(_lib.scsec_prerequisite_id) or ""

    def title(self, lang: Optional[str] = None) -> Optional[str]:
        """The prerequisite's title in ``lang``."""
        return self._str(_lib.scsec_prerequisite_title, _b(lang, "lang"))

    @property
    def assessor_role(self) -> Optional[str]:
        """The role its answer's assessor must state, or None (any will do)."""
        return self._str(_lib.scsec_prerequisite_assessor_role)

    @property
    def role_provisional(self) -> bool:
        """True when :attr:`assessor_role` is provisional data."""
        return bool(self._get(_lib.scsec_prerequisite_role_provisional))


class Category(_Borrowed):
    """A category or sub-category."""

    __slots__ = ()

    def _key(self) -> str:
        return self.id

    @property
    def id(self) -> str:
        """The category's id (``"4-4"``)."""
        return self._str(_lib.scsec_category_id) or ""

    def title(self, lang: Optional[str] = None) -> Optional[str]:
        """The category's title in ``lang``."""
        return self._str(_lib.scsec_category_title, _b(lang, "lang"))

    @property
    def parent(self) -> Optional["Category"]:
        """The enclosing category, or None."""
        return self._wrap(Category, self._get(_lib.scsec_category_parent))

    @property
    def depth(self) -> int:
        """0 for a top-level category, 1 for its sub-categories, ..."""
        return int(self._get(_lib.scsec_category_depth))

    @property
    def function(self) -> Function:
        """The CSF function (the category's own or its nearest ancestor's)."""
        return Function(self._get(_lib.scsec_category_function))


class Requirement(_Borrowed):
    """A requirement: a group of criteria."""

    __slots__ = ()

    def _key(self) -> str:
        return self.id

    @property
    def id(self) -> str:
        """The requirement's id (``"4-4-4"``)."""
        return self._str(_lib.scsec_requirement_id) or ""

    def name(self, lang: Optional[str] = None) -> Optional[str]:
        """The requirement's name in ``lang``."""
        return self._str(_lib.scsec_requirement_name, _b(lang, "lang"))

    def text(self, lang: Optional[str] = None) -> Optional[str]:
        """The requirement's text in ``lang``."""
        return self._str(_lib.scsec_requirement_text, _b(lang, "lang"))

    @property
    def category(self) -> Optional[Category]:
        """The category the requirement is in."""
        return self._wrap(Category, self._get(_lib.scsec_requirement_category))

    @property
    def criteria(self) -> Tuple["Criterion", ...]:
        """The requirement's criteria, in document order."""
        with self._owner._g:
            return tuple(Criterion(self._owner,
                                   _lib.scsec_requirement_criterion_at(self._ptr, i))
                         for i in range(_lib.scsec_requirement_criterion_count(self._ptr)))


Reference = collections.namedtuple("Reference", "framework clauses")
Reference.__doc__ = "A criterion's reference to another framework (framework id, clauses)."


class Criterion(_Borrowed):
    """A criterion: the unit answered by evidence."""

    __slots__ = ()

    def _key(self) -> str:
        return self.id

    @property
    def id(self) -> str:
        """The criterion's id (``"4-4-4-2"``)."""
        return self._str(_lib.scsec_criterion_id) or ""

    def text(self, lang: Optional[str] = None) -> Optional[str]:
        """The criterion's text in ``lang``."""
        return self._str(_lib.scsec_criterion_text, _b(lang, "lang"))

    @property
    def requirement(self) -> Optional[Requirement]:
        """The requirement the criterion belongs to."""
        return self._wrap(Requirement, self._get(_lib.scsec_criterion_requirement))

    @property
    def function(self) -> Function:
        """The criterion's CSF function."""
        return Function(self._get(_lib.scsec_criterion_function))

    @property
    def min_level(self) -> int:
        """The lowest level the criterion applies at."""
        return int(self._get(_lib.scsec_criterion_min_level))

    def applies_at(self, level: Union[int, Level]) -> bool:
        """True when the criterion applies at ``level`` (a rank or a :class:`Level`)."""
        return bool(self._get(_lib.scsec_criterion_applies_at, _rank(level)))

    @property
    def na_allowed(self) -> bool:
        """True when the criterion may be answered not-applicable (with a justification)."""
        return bool(self._get(_lib.scsec_criterion_na_allowed))

    @property
    def weight(self) -> int:
        """The criterion's weight under a points or deductions model."""
        return int(self._get(_lib.scsec_criterion_weight))

    @property
    def poam_eligible(self) -> bool:
        """True when a plan of action may stand in for the criterion (deductions model)."""
        return bool(self._get(_lib.scsec_criterion_poam_eligible))

    @property
    def references(self) -> Tuple[Reference, ...]:
        """The criterion's references to other frameworks."""
        out = []
        with self._owner._g:
            for i in range(_lib.scsec_criterion_reference_count(self._ptr)):
                fw, clauses = c_char_p(), c_char_p()
                _lib.scsec_criterion_reference_at(self._ptr, i, byref(fw), byref(clauses))
                out.append(Reference(_text(fw.value), _text(clauses.value)))
        return tuple(out)


class Question(_Borrowed):
    """A question of the rule for the level a contract requires."""

    __slots__ = ()

    def _key(self) -> str:
        return self.id

    @property
    def id(self) -> str:
        """The question's id (``"confidential-data"``)."""
        return self._str(_lib.scsec_question_id) or ""

    def text(self, lang: Optional[str] = None) -> Optional[str]:
        """The question's text in ``lang``."""
        return self._str(_lib.scsec_question_text, _b(lang, "lang"))

    @property
    def level_if_yes(self) -> int:
        """The level a yes to this question requires."""
        return int(self._get(_lib.scsec_question_level_if_yes))


# ---------------------------------------------------------------- entries


class Artifact(collections.namedtuple("Artifact", "uri sha256")):
    """An entry's artifact: where it is (``uri``), and its SHA-256 (``sha256``, or None)."""

    __slots__ = ()

    def __new__(cls, uri: str, sha256: Optional[str] = None) -> "Artifact":
        return super().__new__(cls, uri, sha256)


ArtifactLike = Union[Artifact, str, Tuple[str, Optional[str]]]


@dataclasses.dataclass(init=False)
class Entry:
    """One answer, as a plain Python value.

    ``status`` and ``method`` accept the enums or the library's tokens
    (``"met"``, ``"third-party"``, 実施, 専門家確認, ...); dates accept
    :class:`datetime.date` or ``'YYYY-MM-DD'``; ``artifacts`` is a list of
    :class:`Artifact` (or ``(uri, sha256)`` pairs, or URIs). Build one and
    hand it to :meth:`Evidence.add` or :meth:`Evidence.replace` (or assign
    ``record[entry.id] = entry``); what an evidence record gives back is a
    copy: change it and ``replace`` it.

    :ivar id: the criterion or prerequisite answered.
    :ivar status: a :class:`Status`.
    :ivar method: a :class:`Method`.
    :ivar assessed_on: when the answer was assessed, or None.
    :ivar expires_on: the answer's own expiry, or None.
    :ivar planned_on: for an item not yet met, the day it is planned to be
        met, or None; only the projection uses it (doc/evaluation.md, rule 12).
    :ivar assessor: who assessed it, or None.
    :ivar assessor_id: the assessor's registration id, or None.
    :ivar assessor_role: the role the assessor states (``"management"``), or
        None; a prerequisite naming another role is not satisfied by it.
    :ivar justification: why a not-applicable answer does not apply, or None.
    :ivar note: free text, or None.
    :ivar artifacts: the :class:`Artifact` list.
    :ivar derived_from: where a derived entry came from (a :class:`DerivedFrom`),
        or None (doc/mapping.md).
    :ivar review: True when a person must review the answer again (a migrated
        answer whose criterion was reworded).
    """

    id: str
    status: Status
    method: Method
    assessed_on: Optional[datetime.date]
    expires_on: Optional[datetime.date]
    planned_on: Optional[datetime.date]
    assessor: Optional[str]
    assessor_id: Optional[str]
    assessor_role: Optional[str]
    justification: Optional[str]
    note: Optional[str]
    artifacts: List[Artifact]
    derived_from: Optional["DerivedFrom"]
    review: bool

    def __init__(self, id: str, status: Union[Status, str, None] = Status.NONE,
                 method: Union[Method, str, None] = Method.NONE,
                 assessed_on: DateLike = None, expires_on: DateLike = None,
                 assessor: Optional[str] = None, assessor_id: Optional[str] = None,
                 justification: Optional[str] = None, note: Optional[str] = None,
                 artifacts: Optional[Iterable[ArtifactLike]] = None,
                 derived_from: Optional["DerivedFrom"] = None, review: bool = False,
                 assessor_role: Optional[str] = None, planned_on: DateLike = None) -> None:
        self.id = id
        self.planned_on = planned_on  # type: ignore[assignment]
        self.derived_from = derived_from
        self.review = bool(review)
        self.status = status  # type: ignore[assignment]
        self.method = method  # type: ignore[assignment]
        self.assessed_on = assessed_on  # type: ignore[assignment]
        self.expires_on = expires_on  # type: ignore[assignment]
        self.assessor = assessor
        self.assessor_id = assessor_id
        self.assessor_role = assessor_role
        self.justification = justification
        self.note = note
        self.artifacts = artifacts  # type: ignore[assignment]
        self._normalise()

    def _normalise(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ValueError("an entry needs a non-empty id (str)")
        self.status = Status._coerce(self.status)
        self.method = Method._coerce(self.method)
        self.assessed_on = _as_date(self.assessed_on)
        self.expires_on = _as_date(self.expires_on)
        self.planned_on = _as_date(getattr(self, "planned_on", None))
        arts = []
        for a in self.artifacts or ():
            if isinstance(a, str):
                a = Artifact(a)
            elif not isinstance(a, Artifact):
                a = Artifact(*a)
            if isinstance(a.sha256, str):
                a = a._replace(sha256=a.sha256.lower())  # the library stores it lowercase
            arts.append(a)
        self.artifacts = arts

    @classmethod
    def _from_c(cls, ptr: Any) -> "Entry":
        """A copy of the C entry ``ptr`` (the caller holds its record)."""
        arts = []
        for i in range(_lib.scsec_entry_artifact_count(ptr)):
            uri, sha = c_char_p(), c_char_p()
            _lib.scsec_entry_artifact_at(ptr, i, byref(uri), byref(sha))
            arts.append(Artifact(_text(uri.value) or "", _text(sha.value)))
        obj = cls.__new__(cls)
        obj.id = _text(_lib.scsec_entry_id(ptr)) or ""
        obj.status = Status(_lib.scsec_entry_status(ptr))
        obj.method = Method(_lib.scsec_entry_method(ptr))
        obj.assessed_on = _from_cdate(_lib.scsec_entry_assessed_on(ptr))
        obj.expires_on = _from_cdate(_lib.scsec_entry_expires_on(ptr))
        obj.planned_on = _from_cdate(_lib.scsec_entry_planned_on(ptr))
        obj.assessor = _text(_lib.scsec_entry_assessor(ptr))
        obj.assessor_id = _text(_lib.scsec_entry_assessor_id(ptr))
        obj.assessor_role = _text(_lib.scsec_entry_assessor_role(ptr))
        obj.justification = _text(_lib.scsec_entry_justification(ptr))
        obj.note = _text(_lib.scsec_entry_note(ptr))
        obj.artifacts = arts
        obj.review = bool(_lib.scsec_entry_review(ptr))
        obj.derived_from = None
        dset = _text(_lib.scsec_entry_derived_set(ptr))
        if dset is not None:
            sources = []
            for i in range(_lib.scsec_entry_derived_source_count(ptr)):
                sid, rel, st, me = c_char_p(), c_int(), c_int(), c_int()
                _lib.scsec_entry_derived_source_get(byref(sid), byref(rel), byref(st), byref(me),
                                                    ptr, i)
                sources.append(DerivedSource(_text(sid.value) or "", Relationship(rel.value),
                                             Status(st.value), Method(me.value)))
            obj.derived_from = DerivedFrom(dset, _text(_lib.scsec_entry_derived_set_version(ptr))
                                           or "", tuple(sources))
        return obj

    def _to_c(self) -> Any:
        """A new C entry (caller owns it) holding this entry's values."""
        self._normalise()
        ptr = _native.entry_p()
        _lib.scsec_entry_new(byref(ptr), _b(self.id, "id"))
        try:
            _lib.scsec_entry_set_status(ptr, self.status.value)
            _lib.scsec_entry_set_method(ptr, self.method.value)
            if self.assessor is not None or self.assessor_id is not None:
                _lib.scsec_entry_set_assessor(ptr, _b(self.assessor, "assessor"),
                                              _b(self.assessor_id, "assessor_id"))
            if self.assessor_role is not None:
                _lib.scsec_entry_set_assessor_role(ptr, _b(self.assessor_role, "assessor_role"))
            _lib.scsec_entry_set_assessed_on(ptr, _to_cdate(self.assessed_on))
            _lib.scsec_entry_set_expires_on(ptr, _to_cdate(self.expires_on))
            _lib.scsec_entry_set_planned_on(ptr, _to_cdate(self.planned_on))
            if self.justification is not None:
                _lib.scsec_entry_set_justification(ptr, _b(self.justification,
                                                           "justification"))
            if self.note is not None:
                _lib.scsec_entry_set_note(ptr, _b(self.note, "note"))
            for art in self.artifacts:
                _lib.scsec_entry_add_artifact(ptr, _b(art.uri, "artifact uri"),
                                              _b(art.sha256, "artifact sha256"))
            if self.review:
                _lib.scsec_entry_set_review(ptr, 1)
            if self.derived_from is not None:
                d = self.derived_from
                _lib.scsec_entry_set_derived_set(ptr, _b(d.set, "derived set"),
                                                 _b(d.version, "derived version"))
                for src in d.sources:
                    _lib.scsec_entry_add_derived_source(
                        ptr, _b(src.id, "source id"), Relationship._coerce(src.relationship).value,
                        Status._coerce(src.status).value, Method._coerce(src.method).value)
        except BaseException:
            _lib.scsec_entry_free(ptr)
            raise
        return ptr


# ---------------------------------------------------------------- evidence

CriteriaRef = collections.namedtuple("CriteriaRef", "id version fingerprint")
CriteriaRef.__doc__ = ("The criteria set an evidence record answers: id, version and "
                       "fingerprint (or None).")


# scsec_evidence_check's verdicts on the record (read from the diagnostics),
# as opposed to failures of the call itself.
_CHECK_VERDICTS = (_native.InvalidContentError.errcode, _native.MismatchError.errcode)


class Evidence(Owned, MutableMapping[str, Entry]):
    """An evidence record (``scsec_evidence``): one supplier's answers.

    A record is a mutable mapping of answered ids to :class:`Entry` copies,
    in id order (digit runs by value: 1-2-9 before 1-2-10):
    ``"1-1-1-1" in record``, ``record["1-1-1-1"]``, ``len(record)``,
    ``keys()``, ``values()``, ``items()``, ``get()``; iterating gives the ids,
    as for a dict (``values()`` gives the entries). ``record[id] = entry``
    replaces, ``del record[id]`` removes. Adding or removing an entry while
    iterating raises :class:`RuntimeError`, as a dict does (replacing one
    does not).

    Threads may share a record: calls that change it (:meth:`add`,
    :meth:`replace`, setting :attr:`subject_name`, ...) wait until the calls
    reading or evaluating it are done, and hold it alone meanwhile.

    Two records are equal when their canonical forms are (same
    :attr:`fingerprint`); being mutable, a record is not hashable. A record
    pickles as its canonical XML.
    """

    __slots__ = ("_keys_version",)
    _free_name = "scsec_evidence_free"
    _kind = "Evidence"
    _exclusive = True

    def __init__(self, criteria: Optional[CriteriaSet] = None) -> None:
        """An empty record answering ``criteria`` (a :class:`CriteriaSet`) or none yet."""
        ptr = _native.evidence_p()
        with _set_guard(criteria, optional=True) as ch:
            _lib.scsec_evidence_new(byref(ptr), ch)
        self._adopt(ptr)

    def _adopt(self, ptr: Any) -> None:
        self._keys_version = 0
        super()._adopt(ptr)

    # -- constructors

    @classmethod
    def new(cls, criteria: Optional[CriteriaSet] = None) -> "Evidence":
        """An empty record answering ``criteria``."""
        return cls(criteria)

    @classmethod
    def load(cls, path: PathLike, options: Optional[LoadOptions] = None,
             diagnostics: Optional[List[Diagnostic]] = None) -> "Evidence":
        """Load a record from a file, XML or JSON (told by the content: JSON
        starts with ``{``), plain or gzip."""
        ptr = _native.evidence_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_evidence_load_file, ptr, (_path(path), oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_bytes(cls, data: Buffer, name: Optional[str] = None,
                   options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "Evidence":
        """Load a record from an XML or JSON document in memory."""
        data, size = _buffer(data)
        ptr = _native.evidence_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_evidence_load_memory, ptr,
                             (data, size, _name(name), oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_oscal_results(cls, path: PathLike, criteria: CriteriaSet,
                           options: Optional[LoadOptions] = None,
                           diagnostics: Optional[List[Diagnostic]] = None) -> "Evidence":
        """Import OSCAL assessment-results (a GRC tool's findings and
        observations) as a record for ``criteria``; what has no place in a
        record is reported in ``diagnostics`` (doc/oscal.md)."""
        ptr = _native.evidence_p()
        with _set_guard(criteria) as ch, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_evidence_import_oscal_results, ptr,
                             (_path(path), ch, oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_csv(cls, path: PathLike, criteria: Optional[CriteriaSet] = None,
                 options: Optional[LoadOptions] = None,
                 diagnostics: Optional[List[Diagnostic]] = None) -> "Evidence":
        """Import a filled CSV answer sheet; ids are checked against ``criteria``
        (by default the built-in METI set), which the record then names."""
        ptr = _native.evidence_p()
        with _set_guard(criteria, optional=True) as ch, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_evidence_import_csv, ptr, (_path(path), ch, oh),
                             diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_csv_bytes(cls, data: Buffer, criteria: Optional[CriteriaSet] = None,
                       name: Optional[str] = None, options: Optional[LoadOptions] = None,
                       diagnostics: Optional[List[Diagnostic]] = None) -> "Evidence":
        """Import a filled CSV answer sheet held in memory."""
        data, size = _buffer(data)
        ptr = _native.evidence_p()
        with _set_guard(criteria, optional=True) as ch, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_evidence_import_csv_memory, ptr,
                             (data, size, _name(name), ch, oh), diagnostics)
        return _new_owned(cls, ptr)

    def copy(self) -> "Evidence":
        """An independent copy of the record."""
        ptr = _native.evidence_p()
        with self._g as h:
            _lib.scsec_evidence_dup(byref(ptr), h)
        return _new_owned(type(self), ptr)

    __copy__ = copy

    def __reduce__(self) -> Any:
        return (_evidence_from_xml, (self.to_xml(),))

    # -- signatures (doc/signatures.md)

    def sign(self, key: "SigningKey",
             time: Optional[Union[datetime.datetime, int]] = None) -> bytes:
        """Sign this record's canonical XML (:meth:`to_xml`) with ``key``
        (a :class:`SigningKey`); the signed document (bytes). To add a
        signature to a record received as a file, sign its bytes with
        :func:`sign` or :func:`sign_file` instead: earlier signatures live
        in those bytes, not in the canonical form."""
        return sign(self.to_xml(), key, time)

    @property
    def signatures(self) -> Tuple["Signature", ...]:
        """The signatures the record carried when it was loaded, in document
        order, verified then (:class:`Signature`); a change to the record
        makes each invalid, since it is no longer what was signed. Whom to
        trust is a trust list's business."""
        out = []
        with self._g as h:
            for i in range(_lib.scsec_evidence_signature_count(h)):
                t = _lib.scsec_evidence_signature_time(h, i)
                out.append(Signature(
                    _lib.scsec_evidence_signature_valid(h, i) == 1,
                    _text(_lib.scsec_evidence_signature_problem(h, i)),
                    _text(_lib.scsec_evidence_signature_signer(h, i)),
                    _text(_lib.scsec_evidence_signature_fingerprint(h, i)),
                    datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
                    if t >= 0 else None))
        return tuple(out)

    def judge_signatures(self, trust: "TrustList",
                         as_of: DateLike = None) -> Tuple[Tuple[str, Optional[str], Optional[str]], ...]:
        """Each signature of :attr:`signatures` judged under ``trust`` as an
        evaluation with that list judges it (doc/trust.md): a tuple
        ``(verdict, party, role)`` per signature, ``verdict`` being
        ``"counted"`` or why not (``"invalid"``, ``"stale"``,
        ``"unknown-party"``, ``"revoked"``, ...), revocations looked at as of
        ``as_of`` (default: today)."""
        guard = _guard(trust, TrustList, "trust")
        verdict, party, role = c_int(), c_char_p(), c_char_p()
        out = []
        with self._g as h, guard as th:
            for i in range(_lib.scsec_evidence_signature_count(h)):
                _lib.scsec_evidence_signature_judge(byref(verdict), byref(party), byref(role), h,
                                                    i, th, _to_cdate(as_of))
                out.append((_text(_lib.scsec_verdict_name(verdict.value)) or "",
                            _text(party.value), _text(role.value)))
        return tuple(out)

    # -- writing

    def to_xml(self) -> bytes:
        """The canonical XML form (bytes)."""
        with self._g as h:
            return _native.take_string(_lib.scsec_evidence_write_memory, h)

    def to_json(self) -> str:
        """The JSON form (doc/evidence-format.md, "The JSON form"): the same
        content as :meth:`to_xml`, so loading it gives a record with the same
        fingerprint."""
        with self._g as h:
            return _native.take_string(_lib.scsec_evidence_write_memory_as, h,
                                       _native.FORMAT_JSON).decode("utf-8")

    @classmethod
    def from_json(cls, text: Union[str, Buffer], name: Optional[str] = None,
                  options: Optional[LoadOptions] = None,
                  diagnostics: Optional[List[Diagnostic]] = None) -> "Evidence":
        """Load a record from its JSON form (a str, or UTF-8 bytes); a document
        that is not JSON is refused."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            raise ValueError("not a JSON object: the JSON form starts with '{'")
        return cls.from_bytes(data, name, options, diagnostics)

    def save(self, path: PathLike, gzip: bool = False, format: str = "xml") -> None:
        """Save the canonical XML form (or, with ``format="json"``, the JSON
        form) to ``path``, atomically (gzip-compressed if asked)."""
        if format not in ("xml", "json"):
            raise ValueError("format %r: give 'xml' or 'json'" % (format,))
        flags = _native.WRITE_GZIP if gzip else 0
        with self._g as h:
            if format == "json":
                _lib.scsec_evidence_write_file_as(h, _path(path), flags, _native.FORMAT_JSON)
            else:
                _lib.scsec_evidence_save(h, _path(path), flags)

    def to_csv(self, criteria: Optional[CriteriaSet] = None, level: Union[int, Level] = 0,
               lang: Optional[str] = None) -> bytes:
        """The record as a filled CSV answer sheet (bytes, UTF-8 with BOM)."""
        rank = _rank(level)
        with self._g as h, _set_guard(criteria, optional=True) as ch:
            return _native.take_string(_lib.scsec_evidence_export_csv, h, ch, rank,
                                       _b(lang, "lang"))

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical form (64 lowercase hex digits)."""
        buf = ctypes.create_string_buffer(_native.FINGERPRINT_BUFSIZE)
        with self._g as h:
            _lib.scsec_evidence_fingerprint(buf, h)
        return buf.value.decode("ascii")

    # -- checking

    def check(self, criteria: CriteriaSet) -> Diagnostics:
        """Check the record against ``criteria``: every problem, as :class:`Diagnostics`.

        An empty ``errors`` list means the record is usable (warnings
        allowed); no exception is raised for problems in the record.
        """
        with _set_guard(criteria) as ch, self._g as h, _DiagList() as diags:
            rc = _lib.scsec_evidence_check(h, ch, diags.ptr)
            if rc < 0 and rc not in _CHECK_VERDICTS:
                raise _native.error_from_last(rc)
            return diags.read()

    # -- subject and metadata

    def _str(self, fn: Any, *args: Any) -> Optional[str]:
        with self._g as h:
            return _text(fn(h, *args))

    @property
    def derived(self) -> bool:
        """True when the record was derived through a mapping set (doc/mapping.md)."""
        with self._g as h:
            return bool(_lib.scsec_evidence_derived(h))

    @property
    def derivation(self) -> Optional["Derivation"]:
        """Where a derived record came from (a :class:`Derivation`), or None."""
        with self._g as h:
            if not _lib.scsec_evidence_derived(h):
                return None
            out = [c_char_p() for _ in range(4)]
            _lib.scsec_evidence_derivation_get(*(byref(x) for x in out), h)
            return Derivation(*(_text(x.value) or "" for x in out))

    def set_derivation(self, derivation: Optional["Derivation"]) -> None:
        """Mark the record as derived (a :class:`Derivation` or a 4-tuple), or not (None)."""
        if derivation is None:
            self._change(_lib.scsec_evidence_set_derivation, None, None, None, None)
        else:
            d = Derivation(*derivation)
            self._change(_lib.scsec_evidence_set_derivation, _b(d.mapping, "mapping"),
                         _b(d.mapping_version, "mapping_version"), _b(d.source, "source"),
                         _b(d.source_version, "source_version"))

    def _change(self, fn: Any, *args: Any) -> None:
        with self._g.writing as h:
            fn(h, *args)

    @property
    def subject_name(self) -> Optional[str]:
        """The supplier's name, or None (settable)."""
        return self._str(_lib.scsec_evidence_subject_name)

    @subject_name.setter
    def subject_name(self, name: Optional[str]) -> None:
        self._change(_lib.scsec_evidence_set_subject_name, _b(name, "subject name"))

    @property
    def subject_ids(self) -> Dict[str, str]:
        """The subject's identifiers, ``{scheme: value}``, ordered by scheme (a copy)."""
        out = {}
        with self._g as h:
            for i in range(_lib.scsec_evidence_subject_id_count(h)):
                scheme, value = c_char_p(), c_char_p()
                _lib.scsec_evidence_subject_id_at(h, i, byref(scheme), byref(value))
                out[_text(scheme.value) or ""] = _text(value.value) or ""
        return out

    def add_subject_id(self, scheme: str, value: str) -> None:
        """Add an identifier, e.g. ``("jp-corporate-number", "1234567890123")``."""
        self._change(_lib.scsec_evidence_add_subject_id, _b(scheme, "scheme"),
                     _b(value, "value"))

    def remove_subject_id(self, scheme: str) -> None:
        """Remove the identifier of ``scheme`` (:class:`NotFoundError` when there is none)."""
        self._change(_lib.scsec_evidence_remove_subject_id, _b(scheme, "scheme"))

    @property
    def criteria(self) -> Optional[CriteriaRef]:
        """The criteria set the record answers (:class:`CriteriaRef`), or None."""
        with self._g as h:
            cid = _text(_lib.scsec_evidence_criteria_id(h))
            if cid is None:
                return None
            return CriteriaRef(cid, _text(_lib.scsec_evidence_criteria_version(h)),
                               _text(_lib.scsec_evidence_criteria_fingerprint(h)))

    def set_criteria(self, criteria: Union[CriteriaSet, str], version: Optional[str] = None,
                     fingerprint: Optional[str] = None) -> None:
        """Name the set answered: a :class:`CriteriaSet`, or its id, version
        and (optionally) fingerprint."""
        if isinstance(criteria, CriteriaSet):
            if version is not None or fingerprint is not None:
                raise TypeError("give a CriteriaSet alone, or id and version")
            criteria, version, fingerprint = criteria.id, criteria.version, criteria.fingerprint
        self._change(_lib.scsec_evidence_set_criteria, _b(criteria, "id"),
                     _b(version, "version"), _b(fingerprint, "fingerprint"))

    @property
    def created(self) -> Optional[str]:
        """When the record was created (RFC 3339 UTC text), or None (settable,
        also to a :class:`datetime.datetime`)."""
        return self._str(_lib.scsec_evidence_created)

    @created.setter
    def created(self, timestamp: Union[str, datetime.datetime, None]) -> None:
        if isinstance(timestamp, datetime.datetime):
            if timestamp.tzinfo is not None:
                timestamp = timestamp.astimezone(datetime.timezone.utc)
            timestamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        self._change(_lib.scsec_evidence_set_created, _b(timestamp, "created"))

    @property
    def tool(self) -> Optional[str]:
        """The tool that wrote the record, or None (settable)."""
        return self._str(_lib.scsec_evidence_tool)

    @tool.setter
    def tool(self, tool: Optional[str]) -> None:
        self._change(_lib.scsec_evidence_set_tool, _b(tool, "tool"))

    # -- entries

    def _put(self, entry: Entry, func: Any) -> None:
        if not isinstance(entry, Entry):
            raise TypeError("an Entry is expected, not %s" % type(entry).__name__)
        ptr = entry._to_c()
        key = _b(entry.id, "id")
        try:
            with self._g.writing as h:
                known = bool(_lib.scsec_evidence_entry(h, key))
                func(h, ptr)      # the record owns ptr from here on
                ptr = None
                if not known:
                    self._keys_version += 1
        finally:
            if ptr is not None:
                _lib.scsec_entry_free(ptr)

    def add(self, entry: Entry) -> None:
        """Add ``entry`` (:class:`ExistsError` when its id is already answered)."""
        self._put(entry, _lib.scsec_evidence_add)

    def replace(self, entry: Entry) -> None:
        """Add ``entry``, replacing any entry with the same id."""
        self._put(entry, _lib.scsec_evidence_replace)

    def remove(self, id: str) -> None:
        """Remove the entry for ``id`` (:class:`NotFoundError` when there is none)."""
        key = _b(id, "id")
        with self._g.writing as h:
            _lib.scsec_evidence_remove(h, key)
            self._keys_version += 1

    @overload
    def get(self, id: str) -> Optional[Entry]: ...

    @overload
    def get(self, id: str, default: Union[Entry, Any]) -> Union[Entry, Any]: ...

    def get(self, id: str, default: Any = None) -> Any:
        """A copy of the entry for ``id``, or ``default``."""
        if not isinstance(id, str):
            return default
        key = _b(id, "id")
        with self._g as h:
            ptr = _lib.scsec_evidence_entry(h, key)
            return Entry._from_c(ptr) if ptr else default

    def __getitem__(self, id: str) -> Entry:
        entry = self.get(id, _MISSING)
        if entry is _MISSING:
            raise KeyError(id)
        return entry

    def __setitem__(self, id: str, entry: Entry) -> None:
        if isinstance(entry, Entry) and entry.id != id:
            raise ValueError("record[%r] = an entry for %r: the key must be the entry's id"
                             % (id, entry.id))
        self.replace(entry)

    def __delitem__(self, id: str) -> None:
        if not isinstance(id, str):
            raise KeyError(id)
        try:
            self.remove(id)
        except _native.NotFoundError:
            raise KeyError(id) from None

    def __contains__(self, id: object) -> bool:
        if not isinstance(id, str) or "\0" in id:
            return False
        with self._g as h:
            return bool(_lib.scsec_evidence_entry(h, _b(id, "id")))

    def __len__(self) -> int:
        with self._g as h:
            return int(_lib.scsec_evidence_entry_count(h))

    def _walk(self, read: Any) -> Iterator[Any]:
        """``read(entry pointer)`` for each entry in id order; RuntimeError when
        an entry is added or removed meanwhile."""
        version = self._keys_version
        i = 0
        while True:
            with self._g as h:
                if self._keys_version != version:
                    raise RuntimeError("Evidence changed size during iteration")
                ptr = _lib.scsec_evidence_entry_at(h, i)
                if not ptr:
                    return
                value = read(ptr)
            yield value
            i += 1

    def __iter__(self) -> Iterator[str]:
        return self._walk(lambda ptr: _text(_lib.scsec_entry_id(ptr)))

    def keys(self) -> "collections.abc.KeysView[str]":
        """The answered ids, in id order (a view)."""
        return collections.abc.KeysView(self)

    def values(self) -> "_EvidenceValues":  # type: ignore[override]
        """Copies of the entries, in id order (a view)."""
        return _EvidenceValues(self)

    def items(self) -> "_EvidenceItems":  # type: ignore[override]
        """``(id, entry copy)`` pairs, in id order (a view)."""
        return _EvidenceItems(self)

    def ids(self) -> List[str]:
        """The answered ids, in id order (a list; also ``list(record)``)."""
        with self._g as h:
            return [_text(_lib.scsec_entry_id(_lib.scsec_evidence_entry_at(h, i))) or ""
                    for i in range(_lib.scsec_evidence_entry_count(h))]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Evidence):
            return NotImplemented
        return other is self or other.fingerprint == self.fingerprint

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self.closed:
            return "<Evidence closed>"
        return "<Evidence %r, %d entries>" % (self.subject_name, len(self))


_MISSING: Any = object()


def sign_result(document: Buffer, key: "SigningKey",
                time: Optional[Union[datetime.datetime, int]] = None,
                name: Optional[str] = None) -> bytes:
    """Add an XML Signature by ``key`` to a result document (XML bytes, signed
    or not): the same bytes with one more enveloped signature, so the
    signatures already there stay valid (co-signing)."""
    raw, size = _buffer(document)
    seconds = _signing_seconds(time)
    with _guard(key, SigningKey, "key") as kh:
        return _native.take_string(_lib.scsec_result_sign_memory, raw, size,  # type: ignore
                                   _name(name), kh, seconds)


def _result_unpickle(xml: bytes, criteria_id: str, set_xml: Optional[bytes]) -> "Result":
    """Unpickle a :class:`Result` from its XML and its criteria set."""
    criteria = (CriteriaSet.builtin(criteria_id) if set_xml is None
                else CriteriaSet.from_bytes(set_xml, name="<pickled criteria set>"))
    return Result.from_xml(xml, criteria, name="<pickled result>")


def _evidence_from_xml(data: bytes) -> Evidence:
    """Unpickle an :class:`Evidence` record from its canonical XML."""
    return Evidence.from_bytes(data, name="<pickled evidence record>")


class _EvidenceValues(collections.abc.ValuesView):  # type: ignore[type-arg]
    """A record's entries (copies), in id order."""

    __slots__ = ()
    _mapping: Evidence

    def __iter__(self) -> Iterator[Entry]:
        return self._mapping._walk(Entry._from_c)

    def __repr__(self) -> str:
        return "%s(%r)" % (type(self).__name__, list(self))


class _EvidenceItems(collections.abc.ItemsView):  # type: ignore[type-arg]
    """A record's ``(id, entry copy)`` pairs, in id order."""

    __slots__ = ()
    _mapping: Evidence

    def __iter__(self) -> Iterator[Tuple[str, Entry]]:
        for entry in self._mapping._walk(Entry._from_c):
            yield entry.id, entry

    def __repr__(self) -> str:
        return "%s(%r)" % (type(self).__name__, list(self))


# ---------------------------------------------------------------- results


class Result(Owned):
    """The outcome of :func:`evaluate` (``scsec_result``): immutable, shareable.

    The properties follow the JSON document of doc/evaluation.md. The
    lists (:attr:`levels`, :attr:`gaps`, :attr:`categories`) are tuples and
    :attr:`functions` a read-only dict, read from the library once and
    cached. Two results are equal when their XML documents are (same
    inputs, same date, same engine), and hash alike then.
    """

    __slots__ = ("_cache",)
    _free_name = "scsec_result_free"
    _kind = "Result"

    def __init__(self) -> None:
        raise TypeError("results come from scsec.evaluate() or Result.load()")

    def _adopt(self, ptr: Any) -> None:
        self._cache: Dict[str, Any] = {}
        super()._adopt(ptr)

    def _cached(self, key: str, build: Any) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            pass
        with self._g as h:
            value = build(h)
        self._cache[key] = value
        return value

    def _get(self, fn: Any) -> Any:
        with self._g as h:
            return fn(h)

    def __copy__(self) -> "Result":
        with self._g:
            return self  # immutable

    def __reduce__(self) -> Any:
        if not hasattr(_lib, "scsec_result_load_memory"):
            raise TypeError(
                "Result objects cannot be pickled with %s: it does not export "
                "scsec_result_load_memory(), which reads a result back from its XML "
                "(pickle result.to_xml() or result.to_dict() instead)" % _native.library_path)
        # The result as its XML, with its criteria set: by id when it is the
        # built-in set of that id, else as the set's canonical XML.
        with self._g as h:
            cid = _text(_lib.scsec_result_criteria_id(h)) or ""
            fingerprint = _text(_lib.scsec_result_criteria_fingerprint(h))
            set_xml: Optional[bytes] = None
            if cid not in builtin_ids() or CriteriaSet.builtin(cid).fingerprint != fingerprint:
                set_xml = _native.take_string(_lib.scsec_criteria_write_memory,
                                              _lib.scsec_result_criteria(h))
        return (_result_unpickle, (self.to_xml(), cid, set_xml))

    # -- reading back

    @classmethod
    def load(cls, path: PathLike, criteria: CriteriaSet, options: Optional[LoadOptions] = None,
             diagnostics: Optional[List[Diagnostic]] = None) -> "Result":
        """Read a result back from its XML or JSON document (told by the
        content), plain or gzip. ``criteria`` must be the set it was computed
        with (same fingerprint, else :class:`MismatchError`); the result read
        back equals the one written (``==``)."""
        ptr = _native.result_p()
        with _set_guard(criteria) as ch, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_result_load_file, ptr, (_path(path), ch, oh),
                             diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_bytes(cls, data: Union[Buffer, str], criteria: CriteriaSet,
                   name: Optional[str] = None, options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "Result":
        """Read a result back from an XML or JSON document in memory (bytes, or a
        str of JSON text). See :meth:`load`."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        buf, size = _buffer(data)
        ptr = _native.result_p()
        with _set_guard(criteria) as ch, _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_result_load_memory, ptr,
                             (buf, size, _name(name), ch, oh), diagnostics)
        return _new_owned(cls, ptr)

    # -- signed results (issue 12)

    def sign(self, key: "SigningKey",
             time: Optional[Union[datetime.datetime, int]] = None) -> bytes:
        """The XML document with an XML Signature by ``key`` (a
        :class:`SigningKey`): a signed result, as ``scsec evaluate --sign``
        writes it. ``time``: the signing time (None for now)."""
        return sign_result(self.to_xml(), key, time)

    @property
    def signatures(self) -> Tuple[ResultSignature, ...]:
        """The signatures of the signed document the result was read from
        (:class:`ResultSignature`; empty for an evaluated result)."""
        def build(h: Any) -> Tuple[ResultSignature, ...]:
            out = []
            for i in range(_lib.scsec_result_signature_count(h)):
                t = int(_lib.scsec_result_signature_time(h, i))
                out.append(ResultSignature(
                    _lib.scsec_result_signature_valid(h, i) == 1,
                    _text(_lib.scsec_result_signature_problem(h, i)),
                    _text(_lib.scsec_result_signature_signer(h, i)),
                    _text(_lib.scsec_result_signature_fingerprint(h, i)),
                    None if t < 0 else datetime.datetime.fromtimestamp(t, datetime.timezone.utc)))
            return tuple(out)
        return self._cached("signatures", build)  # type: ignore[no-any-return]

    def matches(self, evidence: "Evidence") -> bool:
        """Whether this result is exactly what the library computes from
        ``evidence`` with the result's own options (date, target, required
        level): the check ``scsec verify --evidence`` makes. A result made
        under a trust policy cannot be checked here (:class:`ValueError`)."""
        if not isinstance(evidence, Evidence):
            raise TypeError("evidence must be an Evidence, not %s" % type(evidence).__name__)
        if self._get(_lib.scsec_result_trust_applied):
            raise ValueError("the result was computed under a trust list: use scsec verify "
                             "--evidence RECORD --trust LIST")
        opts = _native.eval_options_p()
        ptr = _native.result_p()
        with self._g as h:
            _lib.scsec_result_options_get(byref(opts), h)
            try:
                with evidence._g as eh:
                    _lib.scsec_evaluate(byref(ptr), _lib.scsec_result_criteria(h), eh, opts)
            finally:
                _lib.scsec_eval_options_free(opts)
        again = _new_owned(Result, ptr)
        return again.to_xml() == self.to_xml()

    @classmethod
    def from_xml(cls, data: Buffer, criteria: CriteriaSet, name: Optional[str] = None,
                 options: Optional[LoadOptions] = None,
                 diagnostics: Optional[List[Diagnostic]] = None) -> "Result":
        """Read a result back from :meth:`to_xml`'s document."""
        return cls.from_bytes(data, criteria, name, options, diagnostics)

    @classmethod
    def from_json(cls, text: Union[str, Buffer], criteria: CriteriaSet,
                  name: Optional[str] = None, options: Optional[LoadOptions] = None,
                  diagnostics: Optional[List[Diagnostic]] = None) -> "Result":
        """Read a result back from :meth:`to_json`'s document."""
        return cls.from_bytes(text, criteria, name, options, diagnostics)

    @property
    def level(self) -> int:
        """The highest level met, 0 when none."""
        return int(self._get(_lib.scsec_result_level))

    @property
    def trust_applied(self) -> bool:
        """Whether a trust list was applied (``evaluate(..., trust=)``)."""
        return bool(self._get(_lib.scsec_result_trust_applied))

    @property
    def trust_verified(self) -> bool:
        """Whether that list's operator signature was checked."""
        return bool(self._get(_lib.scsec_result_trust_verified))

    @property
    def trusted_method(self) -> "Method":
        """The strongest method the record's counting signatures support
        (NONE without a trust list)."""
        return Method(self._get(_lib.scsec_result_trusted_method))

    @property
    def trust_list(self) -> Optional[Tuple[str, str]]:
        """The trust list's (operator, version), or None without one."""
        if not self.trust_applied:
            return None
        return (_text(self._get(_lib.scsec_result_trust_operator)) or "",
                _text(self._get(_lib.scsec_result_trust_version)) or "")

    @property
    def signers(self) -> Tuple["Signer", ...]:
        """Every signature of the record, judged under the trust list, in
        document order (empty without a trust list)."""
        def build(h: Any) -> Tuple["Signer", ...]:
            out = []
            for i in range(_lib.scsec_result_signer_count(h)):
                g = _lib.scsec_result_signer_at(h, i)
                t = _lib.scsec_signer_signing_time(g)
                out.append(Signer(
                    _text(_lib.scsec_verdict_name(_lib.scsec_signer_verdict(g))) or "",
                    _text(_lib.scsec_signer_party(g)), _text(_lib.scsec_signer_role(g)),
                    _text(_lib.scsec_signer_subject(g)), _text(_lib.scsec_signer_fingerprint(g)),
                    None if t < 0 else datetime.datetime.fromtimestamp(t, datetime.timezone.utc),
                    _text(_lib.scsec_signer_problem(g))))
            return tuple(out)
        return self._cached("signers", build)  # type: ignore[no-any-return]

    @property
    def level_label(self) -> Optional[str]:
        """The label of :attr:`level` (``"★3"``), or None when no level is met."""
        return _text(self._get(_lib.scsec_result_level_label))

    @property
    def valid_until(self) -> Optional[datetime.date]:
        """The last day the achieved level stays valid, or None."""
        return _from_cdate(self._get(_lib.scsec_result_valid_until))

    @property
    def as_of(self) -> Optional[datetime.date]:
        """The date of the evaluation."""
        return _from_cdate(self._get(_lib.scsec_result_as_of))

    @property
    def levels(self) -> Sequence[LevelResult]:
        """Every level's outcome (:class:`LevelResult`), by increasing rank (a tuple)."""
        def build(h: Any) -> _Items:
            out = []
            for i in range(_lib.scsec_result_level_count(h)):
                applicable, satisfied, reasons = _figures(_lib.scsec_result_level_figures_at(h, i))
                out.append(LevelResult(int(_lib.scsec_result_level_rank_at(h, i)),
                                       _text(_lib.scsec_result_level_label_at(h, i)),
                                       bool(_lib.scsec_result_level_met_at(h, i)),
                                       applicable, satisfied, reasons))
            return _Items(out)
        return self._cached("levels", build)  # type: ignore[no-any-return]

    def _level_index(self, h: Any, level: Union[int, "Level"]) -> int:
        rank = _rank(level)
        for i in range(_lib.scsec_result_level_count(h)):
            if _lib.scsec_result_level_rank_at(h, i) == rank:
                return i
        raise _native.NotFoundError(_native.NotFoundError.errcode,
                                    "the set has no level %d" % rank)

    def reason_at(self, level: Union[int, "Level"], id: str) -> Reason:
        """Why criterion or prerequisite ``id`` fails at ``level`` (rank or
        :class:`Level`), whichever the gap level; ``Reason.NONE`` when
        satisfied there. :class:`NotFoundError` when it does not apply there."""
        out = c_int()
        with self._g as h:
            _lib.scsec_result_reason_get(byref(out), h, self._level_index(h, level),
                                         _b(id, "id"))
        return Reason(out.value)

    def last_valid_day(self, level: Union[int, "Level"], id: str) -> Optional[datetime.date]:
        """The last valid day of ``id``'s answer at ``level``, or None without one."""
        out = _native.date_t()
        with self._g as h:
            _lib.scsec_result_last_valid_day_get(byref(out), h, self._level_index(h, level),
                                                 _b(id, "id"))
        return _from_cdate(out.value)

    @property
    def rests_on(self) -> Tuple[str, ...]:
        """The ids whose last valid day is :attr:`valid_until` (a tuple, by id)."""
        def build(h: Any) -> Tuple[str, ...]:
            return tuple(_text(_lib.scsec_result_rests_on_at(h, i)) or ""
                         for i in range(_lib.scsec_result_rests_on_count(h)))
        return self._cached("rests_on", build)  # type: ignore[no-any-return]

    @property
    def projection(self) -> Optional[Tuple["Projection", ...]]:
        """The projection (doc/evaluation.md, rule 12) when evaluated with
        ``project=True``, else None: one :class:`Projection` per level not
        met, by increasing rank. A plan, never the achieved level."""
        def build(h: Any) -> Optional[Tuple["Projection", ...]]:
            if not _lib.scsec_result_has_projection(h):
                return None
            out = []
            for i in range(_lib.scsec_result_level_count(h)):
                if _lib.scsec_result_level_met_at(h, i):
                    continue
                blockers = []
                for k in range(_lib.scsec_result_projection_blocker_count(h, i)):
                    bid, kind = c_char_p(), c_int()
                    _lib.scsec_result_projection_blocker_get(byref(bid), byref(kind), h, i, k)
                    blockers.append((_text(bid.value) or "",
                                     _text(_lib.scsec_blocker_name(kind.value)) or ""))
                out.append(Projection(int(_lib.scsec_result_level_rank_at(h, i)),
                                      _text(_lib.scsec_result_level_label_at(h, i)),
                                      _from_cdate(_lib.scsec_result_projected_on_at(h, i)),
                                      tuple(blockers)))
            return tuple(out)
        return self._cached("projection", build)  # type: ignore[no-any-return]

    @property
    def unstated_roles(self) -> Tuple[str, ...]:
        """Ids of the prerequisites that name an assessor role whose answer
        states none: they count, but nothing says who answered them."""
        def build(h: Any) -> Tuple[str, ...]:
            return tuple(_text(_lib.scsec_prerequisite_id(_lib.scsec_result_unstated_role_at(h, i)))
                         or "" for i in range(_lib.scsec_result_unstated_role_count(h)))
        return self._cached("unstated_roles", build)  # type: ignore[no-any-return]

    @property
    def gap_level(self) -> int:
        """The level whose gaps are reported (the target, or the next level up)."""
        return int(self._get(_lib.scsec_result_gap_level))

    @property
    def gaps(self) -> Sequence[Gap]:
        """The unsatisfied items of the gap level (:class:`Gap`), ordered by id (a tuple)."""
        def build(h: Any) -> _Items:
            out = []
            for i in range(_lib.scsec_result_gap_count(h)):
                g = _lib.scsec_result_gap_at(h, i)
                out.append(Gap(_text(_lib.scsec_gap_id(g)), Reason(_lib.scsec_gap_reason(g)),
                               bool(_lib.scsec_gap_is_prerequisite(g))))
            return _Items(out)
        return self._cached("gaps", build)  # type: ignore[no-any-return]

    @property
    def functions(self) -> Mapping[str, Figures]:
        """``{CSF code: Figures}`` for the functions with applicable criteria at
        the gap level (a read-only dict)."""
        def build(h: Any) -> _FrozenDict:
            out = {}
            for fn in Function:
                if fn is Function.NONE:
                    continue
                ptr = _lib.scsec_result_function_figures(h, fn.value)
                if ptr:
                    fig = Figures(*_figures(ptr))
                    if fig.applicable:
                        out[fn.token] = fig
            return _FrozenDict(out)
        return self._cached("functions", build)  # type: ignore[no-any-return]

    @property
    def categories(self) -> Sequence[CategoryFigures]:
        """Figures per top-level category at the gap level, in the set's order (a tuple)."""
        def build(h: Any) -> _Items:
            return _Items(CategoryFigures(_text(_lib.scsec_result_category_id_at(h, i)),
                                          *_figures(_lib.scsec_result_category_figures_at(h, i)))
                          for i in range(_lib.scsec_result_category_count(h)))
        return self._cached("categories", build)  # type: ignore[no-any-return]

    @property
    def score(self) -> Optional[Score]:
        """A :class:`Score` for points and deductions sets, else None."""
        def build(h: Any) -> Optional[Score]:
            if not _lib.scsec_result_has_score(h):
                return None
            cond = Conditional(_lib.scsec_result_conditional(h))
            model = ScoringModel(_lib.scsec_criteria_scoring(_lib.scsec_result_criteria(h)))
            return Score(model.token, int(_lib.scsec_result_score(h)),
                         int(_lib.scsec_result_score_max(h)), _text(_lib.scsec_result_band(h)),
                         None if cond is Conditional.NONE else cond)
        return self._cached("score", build)  # type: ignore[no-any-return]

    @property
    def required_level(self) -> Optional[int]:
        """The level the contract requires, or None when not determined."""
        return int(self._get(_lib.scsec_result_required_level)) or None

    @property
    def meets_required(self) -> Optional[bool]:
        """True/False, or None when no required level was determined."""
        meets = self._get(_lib.scsec_result_meets_required)
        return None if meets < 0 else bool(meets)

    @property
    def engine(self) -> str:
        """The engine that evaluated (``"libscsec 1.0.0"``)."""
        return _text(self._get(_lib.scsec_result_engine)) or ""

    @property
    def criteria_id(self) -> Optional[str]:
        """The id of the criteria set evaluated against."""
        return _text(self._get(_lib.scsec_result_criteria_id))

    @property
    def criteria_version(self) -> Optional[str]:
        """The version of the criteria set evaluated against."""
        return _text(self._get(_lib.scsec_result_criteria_version))

    @property
    def criteria_fingerprint(self) -> Optional[str]:
        """The fingerprint of the criteria set evaluated against."""
        return _text(self._get(_lib.scsec_result_criteria_fingerprint))

    @property
    def evidence_derived(self) -> bool:
        """True when the record evaluated was derived through a mapping set."""
        return bool(self._get(_lib.scsec_result_evidence_derived))

    @property
    def evidence_fingerprint(self) -> Optional[str]:
        """The fingerprint of the evidence record evaluated."""
        return _text(self._get(_lib.scsec_result_evidence_fingerprint))

    @property
    def subject_name(self) -> Optional[str]:
        """The supplier's name, as the record gave it."""
        return _text(self._get(_lib.scsec_result_subject_name))

    def to_json(self) -> str:
        """The JSON document (str; keys in doc/evaluation.md), deterministic."""
        return self._cached("json", lambda h: _native.take_string(
            _lib.scsec_result_to_json, h).decode("utf-8"))  # type: ignore[no-any-return]

    def to_dict(self) -> Dict[str, Any]:
        """The JSON document, parsed (a new dict at each call)."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    def to_xml(self) -> bytes:
        """The XML document (bytes, namespace ``urn:scsec:result:1``), deterministic."""
        return self._cached("xml", lambda h: _native.take_string(
            _lib.scsec_result_to_xml, h))  # type: ignore[no-any-return]

    def to_oscal_assessment_results(self, evidence: Optional["Evidence"] = None) -> str:
        """The result as OSCAL assessment-results (JSON text, deterministic), with
        an observation per entry of ``evidence``, the record evaluated."""
        with self._g as h, _guard(evidence, Evidence, "evidence", optional=True) as eh:
            return _native.take_string(_lib.scsec_result_oscal_assessment_results, h,
                                       eh).decode("utf-8")

    def to_oscal_poam(self, evidence: Optional["Evidence"] = None) -> str:
        """The gaps as an OSCAL plan of action and milestones (JSON text); raises
        :class:`Error` (ENOTFOUND) when there are no gaps."""
        with self._g as h, _guard(evidence, Evidence, "evidence", optional=True) as eh:
            return _native.take_string(_lib.scsec_result_oscal_poam, h, eh).decode("utf-8")

    def save_json(self, path: PathLike) -> None:
        """Write the JSON document to ``path`` atomically."""
        write_file(path, self.to_json().encode("utf-8"))

    def save_xml(self, path: PathLike) -> None:
        """Write the XML document to ``path`` atomically."""
        write_file(path, self.to_xml())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return other is self or other.to_xml() == self.to_xml()

    def __hash__(self) -> int:
        return hash(("scsec.Result", self.to_xml()))

    def __repr__(self) -> str:
        if self.closed:
            return "<Result closed>"
        return "<Result level=%d valid_until=%s as_of=%s>" % (
            self.level, self.valid_until, self.as_of)


# ---------------------------------------------------------------- evaluation

#: The answers the CLI accepts for --answer QUESTION=yes|no (ASCII, any case).
_ANSWER_TOKENS = {"yes": 1, "no": 0}


def _answer(question: str, value: Any) -> Optional[int]:
    """1 for yes, 0 for no, None for unanswered; TypeError for anything else.

    Only ``True``, ``False``, ``None`` and the CLI's tokens ``"yes"`` and
    ``"no"`` (in any case) are answers: a truthy value is not a yes.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value.isascii() and value.lower() in _ANSWER_TOKENS:
        return _ANSWER_TOKENS[value.lower()]
    raise TypeError("the answer to %r must be True, False, 'yes', 'no' or None (unanswered), "
                    "not %r" % (question, value))


AnswersLike = Union[Mapping[Any, Any], Iterable[Tuple[Any, Any]], None]


class _EvalOptions:
    """``scsec_eval_options`` for the duration of one call."""

    def __init__(self, as_of: DateLike = None, target: Union[int, Level, None] = None,
                 answers: AnswersLike = None, required: Union[int, Level, None] = None,
                 project: bool = False) -> None:
        settings = []
        if answers is not None:
            items = answers.items() if isinstance(answers, Mapping) else answers
            seen = set()
            for question, value in items:
                if isinstance(question, Question):
                    question = question.id
                if not isinstance(question, str):
                    raise TypeError("a question is a str or a Question, not %s"
                                    % type(question).__name__)
                if question in seen:
                    raise ValueError("question %r is answered twice" % question)
                seen.add(question)
                yes = _answer(question, value)
                if yes is not None:
                    settings.append((_b(question, "question"), yes))
        self.ptr = _native.eval_options_p()
        _lib.scsec_eval_options_new(byref(self.ptr))
        try:
            if as_of is not None:
                _lib.scsec_eval_options_set_as_of(self.ptr, _to_cdate(as_of, allow_none=False))
            if target is not None:
                _lib.scsec_eval_options_set_target(self.ptr, _rank(target))
            for question_b, yes in settings:
                _lib.scsec_eval_options_set_answer(self.ptr, question_b, yes)
            if required is not None:
                _lib.scsec_eval_options_set_required(self.ptr, _rank(required))
            if project:
                _lib.scsec_eval_options_set_project(self.ptr, 1)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        _lib.scsec_eval_options_free(self.ptr)
        self.ptr = None

    def __enter__(self) -> "_EvalOptions":
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False


def evaluate(criteria: CriteriaSet, evidence: Evidence, as_of: DateLike = None,
             target: Union[int, Level, None] = None, answers: AnswersLike = None,
             required: Union[int, Level, None] = None,
             trust: Optional["TrustList"] = None, project: bool = False) -> Result:
    """Evaluate ``evidence`` against ``criteria`` and return a :class:`Result`.

    ``as_of`` is the evaluation date (:class:`datetime.date` or
    ``'YYYY-MM-DD'``; today in UTC when None: name one for reproducible
    results). ``target`` is the level whose gaps to report (rank or
    :class:`Level`). ``answers`` maps the set's required-level questions
    (ids or :class:`Question`) to ``True``/``False`` (or the CLI's ``"yes"``
    and ``"no"``); ``None`` leaves a question unanswered, any other value is a
    :class:`TypeError`. ``required`` names the required level outright.
    ``trust`` is a :class:`TrustList`: methods then count only as far as the
    record's signatures by trusted parties support them (doc/trust.md), and
    the result names the signers (:attr:`Result.signers`).
    ``project=True`` adds :attr:`Result.projection` (rule 12).
    The GIL is released during the evaluation; a change to ``evidence`` from
    another thread waits for it.
    """
    set_guard = _set_guard(criteria)
    trust_guard = _guard(trust, TrustList, "trust", optional=True)
    if not isinstance(evidence, Evidence):
        raise TypeError("evidence must be an Evidence, not %s" % type(evidence).__name__)
    ptr = _native.result_p()
    with _EvalOptions(as_of, target, answers, required, project) as opts:
        with set_guard as ch, evidence._g as eh, trust_guard as th:
            if trust is not None:
                _lib.scsec_eval_options_set_trust(opts.ptr, th)
            _lib.scsec_evaluate(byref(ptr), ch, eh, opts.ptr)
    # the C result keeps its own reference to the set, so it stays complete
    # after the set is closed; from here on the finalizer owns ptr
    return _new_owned(Result, ptr)


class Evaluator(Owned):
    """One evidence record bound to one criteria set (``scsec_evaluator``).

    ``Evaluator(criteria, evidence)`` looks every answer up once;
    :meth:`run` then evaluates as of any date, with any target or answers,
    faster than :func:`evaluate` does each time. The evaluator keeps the
    record as it was when made: later changes to ``evidence`` (or closing
    it, or the set) do not affect it. It is immutable and may be shared by
    threads; runs release the GIL.
    """

    __slots__ = ()
    _free_name = "scsec_evaluator_free"
    _kind = "Evaluator"

    def __init__(self, criteria: CriteriaSet, evidence: "Evidence") -> None:
        set_guard = _set_guard(criteria)
        if not isinstance(evidence, Evidence):
            raise TypeError("evidence must be an Evidence, not %s" % type(evidence).__name__)
        ptr = _native.evaluator_p()
        with set_guard as ch, evidence._g as eh:
            _lib.scsec_evaluator_new(byref(ptr), ch, eh)
        self._adopt(ptr)

    def run(self, as_of: DateLike = None, target: Union[int, Level, None] = None,
            answers: AnswersLike = None, required: Union[int, Level, None] = None,
            project: bool = False) -> Result:
        """Evaluate as of ``as_of`` and return a :class:`Result`.

        The arguments are those of :func:`evaluate`.
        """
        ptr = _native.result_p()
        with _EvalOptions(as_of, target, answers, required, project) as opts, self._g as h:
            _lib.scsec_evaluator_run(byref(ptr), h, opts.ptr)
        return _new_owned(Result, ptr)


def required_level(criteria: CriteriaSet, answers: AnswersLike = None,
                   required: Union[int, Level, None] = None) -> Optional[int]:
    """The level a contract requires under ``criteria``'s rule.

    ``answers`` maps question ids (or :class:`Question`) to ``True`` or
    ``False`` (or ``"yes"``/``"no"``, as the CLI takes them); ``None`` is
    unanswered, and every question must be answered. Any other value is a
    :class:`TypeError`: ``"no"`` is no, but ``0``, ``""`` or ``"false"`` are
    refused rather than guessed. ``required`` names a level outright. None
    when no level is determined.
    """
    set_guard = _set_guard(criteria)
    out = c_int()
    with _EvalOptions(None, None, answers, required) as opts, set_guard as ch:
        _lib.scsec_criteria_required_level(byref(out), ch, opts.ptr)
    return out.value or None


def validate(source: Union[PathLike, Buffer], name: Optional[str] = None,
             options: Optional[LoadOptions] = None) -> Tuple[DocumentKind, Diagnostics]:
    """Validate a criteria set, evidence record, result or mapping set document.

    ``source`` is a path, or the document's bytes. Returns ``(kind,
    diagnostics)``: a :class:`DocumentKind` and every problem found
    (``diagnostics.ok`` tells whether there is no error).
    """
    kind = c_int()
    with _DiagList() as diags, _options_guard(options) as oh:
        if isinstance(source, (bytes, bytearray, memoryview)):
            data, size = _buffer(source)
            rc = _lib.scsec_document_validate_memory(byref(kind), data, size, _name(name),
                                                     oh, diags.ptr)
        else:
            rc = _lib.scsec_document_validate_file(byref(kind), _path(source), oh, diags.ptr)
        found = diags.read()
    if rc < 0 and not found.errors:
        # Not a verdict on the document (unreadable file, out of memory).
        exc = _native.error_from_last(rc)
        exc.diagnostics = found
        raise exc
    try:
        verdict = DocumentKind(kind.value)
    except ValueError:
        verdict = DocumentKind.UNKNOWN
    return verdict, found


def write_file(path: PathLike, data: Union[Buffer, str], gzip: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (``scsec_file_write``),
    gzip-compressed if asked; text is written as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    raw, size = _buffer(data)
    _lib.scsec_file_write(_path(path), raw, size, _native.WRITE_GZIP if gzip else 0)


def corporate_number_valid(number: str) -> bool:
    """True when ``number`` is a valid Japanese corporate number (法人番号)."""
    return bool(_lib.scsec_corporate_number_valid(_b(number, "number")))


def version() -> str:
    """The loaded library's version string (``"1.0.0"``)."""
    return _text(_lib.scsec_version_string()) or ""


def version_number() -> int:
    """The loaded library's version number (MAJOR * 10000 + MINOR * 100 + PATCH)."""
    return int(_lib.scsec_version_number())


# ---------------------------------------------------------------- mapping sets


class Relationship(_TokenEnum):
    """How a source criterion relates to a target one (``scsec_relationship``,
    NIST IR 8477), read "source RELATIONSHIP target"."""
    NONE = 0
    EQUAL_TO = 1
    EQUIVALENT_TO = 2
    SUBSET_OF = 3
    SUPERSET_OF = 4
    INTERSECTS_WITH = 5
    NO_RELATIONSHIP = 6

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_relationship_name


class Rationale(_TokenEnum):
    """Why a mapping was made (``scsec_rationale``)."""
    NONE = 0
    SYNTACTIC = 1
    SEMANTIC = 2
    FUNCTIONAL = 3

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_rationale_name


class Coverage(_TokenEnum):
    """How far a mapping set covers a target criterion (``scsec_coverage``)."""
    NONE = 0
    PARTIAL = 1
    FULL = 2

    @staticmethod
    def _token_fn() -> Any:
        return _lib.scsec_coverage_name


DerivedSource = collections.namedtuple("DerivedSource", "id relationship status method")
DerivedSource.__doc__ = ("One source of a derived entry: its id, the mapping's "
                         ":class:`Relationship`, its own :class:`Status` and :class:`Method`.")
DerivedFrom = collections.namedtuple("DerivedFrom", "set version sources")
DerivedFrom.__doc__ = ("Where a derived entry came from: the source set's id and version, "
                       "and a tuple of :class:`DerivedSource`.")
Derivation = collections.namedtuple("Derivation",
                                    "mapping mapping_version source source_version")
Derivation.__doc__ = ("Where a derived record came from: the mapping set's id and version, "
                      "the source criteria set's id and version.")


class MappingItem(collections.namedtuple(
        "MappingItem", "source target relationship strength coverage rationale note")):
    """One mapping of a set, as a plain value: ``source`` and ``target`` ids
    (``target`` None for a no-relationship mapping to nothing), a
    :class:`Relationship`, ``strength`` and ``coverage`` (0 to 1, or None), a
    :class:`Rationale` and a ``note``."""
    __slots__ = ()


def mapping_builtin_ids() -> List[str]:
    """The ids of the mapping sets built into the library."""
    return [_text(_lib.scsec_mapping_set_builtin_id(i)) or ""
            for i in range(_lib.scsec_mapping_set_builtin_count())]


class MappingSet(Owned):
    """A mapping set (``scsec_mapping_set``): how the criteria of one set
    relate to another's (doc/mapping.md).

    Build one with ``MappingSet(id, version, source, target)`` (``source``
    and ``target`` are :class:`CriteriaSet` or ``(id, version)`` pairs) and
    :meth:`add`, or :meth:`load`, :meth:`from_bytes`, :meth:`builtin`. The
    set is a sequence of :class:`MappingItem` values (``len()``, iteration,
    ``[i]``). A set pickles as its XML document.
    """

    __slots__ = ()
    _free_name = "scsec_mapping_set_free"
    _kind = "MappingSet"
    _exclusive = True

    def __init__(self, id: str, version: str, source: Any, target: Any) -> None:
        def ref(x: Any) -> Tuple[str, str]:
            if isinstance(x, CriteriaSet):
                return x.id, x.version
            sid, sver = x
            return sid, sver
        sid, sver = ref(source)
        tid, tver = ref(target)
        ptr = _native.mapping_set_p()
        _lib.scsec_mapping_set_new(byref(ptr), _b(id, "id"), _b(version, "version"),
                                   _b(sid, "source id"), _b(sver, "source version"),
                                   _b(tid, "target id"), _b(tver, "target version"))
        self._adopt(ptr)

    @classmethod
    def builtin(cls, id: str) -> "MappingSet":
        """A built-in mapping set (:func:`mapping_builtin_ids`)."""
        ptr = _native.mapping_set_p()
        _lib.scsec_mapping_set_builtin(byref(ptr), _b(id, "id"))
        return _new_owned(cls, ptr)

    @classmethod
    def load(cls, path: PathLike, options: Optional[LoadOptions] = None,
             diagnostics: Optional[List[Diagnostic]] = None) -> "MappingSet":
        """Load a mapping set from an XML file (plain or gzip)."""
        ptr = _native.mapping_set_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_mapping_set_load_file, ptr, (_path(path), oh),
                             diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_bytes(cls, data: Buffer, name: Optional[str] = None,
                   options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "MappingSet":
        """Load a mapping set from an XML document in memory."""
        data, size = _buffer(data)
        ptr = _native.mapping_set_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_mapping_set_load_memory, ptr,
                             (data, size, _name(name), oh), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_oscal(cls, data: Union[Buffer, PathLike], name: Optional[str] = None,
                   options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "MappingSet":
        """Read a mapping set from an OSCAL 1.2 ``mapping-collection`` JSON
        document, the reverse of :meth:`to_oscal`: bytes or str hold the
        document, an ``os.PathLike`` names a file
        (``scsec_mapping_set_load_oscal_memory``
        and ``_file``; doc/mapping.md, "OSCAL")."""
        ptr = _native.mapping_set_p()
        with _options_guard(options) as oh:
            if isinstance(data, os.PathLike):
                _load_with_diags(_lib.scsec_mapping_set_load_oscal_file, ptr,
                                 (_path(data), oh), diagnostics)
            else:
                if isinstance(data, str):
                    data = data.encode("utf-8")
                buf, size = _buffer(data)
                _load_with_diags(_lib.scsec_mapping_set_load_oscal_memory, ptr,
                                 (buf, size, _name(name), oh), diagnostics)
        return _new_owned(cls, ptr)

    def copy(self) -> "MappingSet":
        """An independent copy."""
        ptr = _native.mapping_set_p()
        with self._g as h:
            _lib.scsec_mapping_set_dup(byref(ptr), h)
        return _new_owned(type(self), ptr)

    __copy__ = copy

    def inverse(self) -> "MappingSet":
        """The set read the other way (target to source; subset-of and superset-of
        exchanged; no method accepted beyond self)."""
        ptr = _native.mapping_set_p()
        with self._g as h:
            _lib.scsec_mapping_set_invert(byref(ptr), h)
        return _new_owned(type(self), ptr)

    def __reduce__(self) -> Any:
        return (_mapping_from_xml, (self.to_bytes(),))

    def to_bytes(self) -> bytes:
        """The XML form."""
        with self._g as h:
            return _native.take_string(_lib.scsec_mapping_set_write_memory, h)

    def to_oscal(self) -> bytes:
        """The set as an OSCAL 1.2 ``mapping-collection`` JSON document
        (``scsec_mapping_set_oscal``; doc/mapping.md, "OSCAL")."""
        with self._g as h:
            return _native.take_string(_lib.scsec_mapping_set_oscal, h)

    def save(self, path: PathLike, gzip: bool = False) -> None:
        """Save the XML form to ``path``, atomically."""
        with self._g as h:
            _lib.scsec_mapping_set_save(h, _path(path), _native.WRITE_GZIP if gzip else 0)

    def _str(self, fn: Any) -> Optional[str]:
        with self._g as h:
            return _text(fn(h))

    @property
    def id(self) -> str:
        """The set's id."""
        return self._str(_lib.scsec_mapping_set_id) or ""

    @property
    def version(self) -> str:
        """The set's version."""
        return self._str(_lib.scsec_mapping_set_version) or ""

    @property
    def source(self) -> Tuple[str, str]:
        """The source criteria set: (id, version)."""
        return (self._str(_lib.scsec_mapping_set_source_id) or "",
                self._str(_lib.scsec_mapping_set_source_version) or "")

    @property
    def target(self) -> Tuple[str, str]:
        """The target criteria set: (id, version)."""
        return (self._str(_lib.scsec_mapping_set_target_id) or "",
                self._str(_lib.scsec_mapping_set_target_version) or "")

    @property
    def title(self) -> Optional[str]:
        """The title, or None."""
        return self._str(_lib.scsec_mapping_set_title)

    @title.setter
    def title(self, title: Optional[str]) -> None:
        with self._g.writing as h:
            _lib.scsec_mapping_set_set_title(h, _b(title, "title"))

    @property
    def provisional(self) -> bool:
        """True when the set is marked provisional (not reviewed by a person)."""
        with self._g as h:
            return bool(_lib.scsec_mapping_set_provisional(h))

    @provisional.setter
    def provisional(self, value: bool) -> None:
        with self._g.writing as h:
            _lib.scsec_mapping_set_set_provisional(h, 1 if value else 0)

    def accepts(self, method: Union[Method, str]) -> bool:
        """True when source answers assessed by ``method`` count at that method."""
        with self._g as h:
            return bool(_lib.scsec_mapping_set_accepts(h, Method._coerce(method).value))

    def accept(self, method: Union[Method, str], accepted: bool = True) -> None:
        """Accept (or stop accepting) expert-reviewed or third-party source answers."""
        with self._g.writing as h:
            _lib.scsec_mapping_set_set_accepted(h, Method._coerce(method).value,
                                                1 if accepted else 0)

    @staticmethod
    def _value(ptr: Any) -> MappingItem:
        def frac(v: float) -> Optional[float]:
            return None if v < 0 else v
        return MappingItem(_text(_lib.scsec_mapping_source(ptr)) or "",
                       _text(_lib.scsec_mapping_target(ptr)),
                       Relationship(_lib.scsec_mapping_relationship(ptr)),
                       frac(_lib.scsec_mapping_strength(ptr)),
                       frac(_lib.scsec_mapping_coverage(ptr)),
                       Rationale(_lib.scsec_mapping_rationale(ptr)),
                       _text(_lib.scsec_mapping_note(ptr)))

    def __len__(self) -> int:
        with self._g as h:
            return int(_lib.scsec_mapping_set_count(h))

    def __getitem__(self, index: int) -> MappingItem:
        with self._g as h:
            n = _lib.scsec_mapping_set_count(h)
            if index < 0:
                index += n
            if not 0 <= index < n:
                raise IndexError("mapping index out of range")
            return self._value(_lib.scsec_mapping_set_at(h, index))

    def __iter__(self) -> Iterator[MappingItem]:
        with self._g as h:
            items = [self._value(_lib.scsec_mapping_set_at(h, i))
                     for i in range(_lib.scsec_mapping_set_count(h))]
        return iter(items)

    def find(self, source: str, target: Optional[str]) -> Optional[MappingItem]:
        """The mapping from ``source`` to ``target`` (None: to nothing), or None."""
        with self._g as h:
            ptr = _lib.scsec_mapping_set_find(h, _b(source, "source"), _b(target, "target"))
            return self._value(ptr) if ptr else None

    def add(self, source: str, target: Optional[str],
            relationship: Union[Relationship, str], strength: Optional[float] = None,
            coverage: Optional[float] = None,
            rationale: Union[Rationale, str, None] = None, note: Optional[str] = None) -> None:
        """Add a mapping (``target`` None only for no-relationship)."""
        rel = Relationship._coerce(relationship)
        with self._g.writing as h:
            m = _native.mapping_p()
            _lib.scsec_mapping_set_add(byref(m), h, _b(source, "source"), _b(target, "target"),
                                       rel.value)
            try:
                if strength is not None:
                    _lib.scsec_mapping_set_strength(m, float(strength))
                if coverage is not None:
                    _lib.scsec_mapping_set_coverage_value(m, float(coverage))
                if rationale is not None:
                    _lib.scsec_mapping_set_rationale(m, Rationale._coerce(rationale).value)
                if note is not None:
                    _lib.scsec_mapping_set_note(m, _b(note, "note"))
            except BaseException:
                _lib.scsec_mapping_set_remove(h, _b(source, "source"), _b(target, "target"))
                raise

    def remove(self, source: str, target: Optional[str]) -> None:
        """Remove the mapping from ``source`` to ``target``."""
        with self._g.writing as h:
            _lib.scsec_mapping_set_remove(h, _b(source, "source"), _b(target, "target"))

    def coverage(self, target_id: str) -> Coverage:
        """How far the set covers target criterion ``target_id``."""
        with self._g as h:
            return Coverage(_lib.scsec_mapping_set_coverage(h, _b(target_id, "target id")))

    def check(self, source: Optional[CriteriaSet] = None,
              target: Optional[CriteriaSet] = None) -> Diagnostics:
        """Check the ids against the criteria sets: every problem, as :class:`Diagnostics`."""
        with _set_guard(source, "source", optional=True) as sh, \
                _set_guard(target, "target", optional=True) as th, \
                self._g as h, _DiagList() as diags:
            try:
                _lib.scsec_mapping_set_check(h, sh, th, diags.ptr)
            except Error as exc:
                if exc.code not in _CHECK_VERDICTS:
                    raise
            return diags.read()

    def __repr__(self) -> str:
        if self.closed:
            return "<scsec.MappingSet (closed)>"
        return "<scsec.MappingSet %s %s: %s %s -> %s %s, %d mappings>" % (
            self.id, self.version, self.source[0], self.source[1], self.target[0],
            self.target[1], len(self))


def _mapping_from_xml(data: bytes) -> MappingSet:
    return MappingSet.from_bytes(data)


def derive(evidence: Evidence, mapping: MappingSet, target: Optional[CriteriaSet] = None,
           diagnostics: Optional[List[Diagnostic]] = None) -> Evidence:
    """Carry ``evidence`` through ``mapping``: the derived :class:`Evidence`
    against the mapping's target set, by the rule of doc/mapping.md.

    With ``target`` (the target :class:`CriteriaSet`), ids outside it are
    left out and the record names its fingerprint. Warnings go to
    ``diagnostics`` when it is a list.
    """
    ptr = _native.evidence_p()
    with _guard(evidence, Evidence, "evidence") as eh, \
            _guard(mapping, MappingSet, "mapping") as mh, \
            _set_guard(target, "target", optional=True) as th:
        _load_with_diags(_lib.scsec_mapping_derive, ptr, (eh, mh, th), diagnostics)
    return _new_owned(Evidence, ptr)


# ---------------------------------------------------------------- trust lists


class Signer(collections.namedtuple(
        "Signer", "verdict party role subject fingerprint signing_time problem")):
    """A signature of the evaluated record, judged under a trust list:
    ``verdict`` is ``"counted"`` or why it did not count (``"invalid"``,
    ``"stale"``, ``"unknown-party"``, ``"revoked"``, ``"no-signing-time"``,
    ``"not-trusted-then"``, ``"certificate-not-valid"``); ``party`` and
    ``role`` the trusted party it stands for (or None); ``subject`` and
    ``fingerprint`` the signer certificate's; ``signing_time`` an aware
    UTC :class:`datetime.datetime` or None; ``problem`` why an invalid
    signature is invalid."""
    __slots__ = ()


class TrustParty(collections.namedtuple(
        "TrustParty", "name role fingerprint is_ca subject trusted_from trusted_until "
                      "certificate")):
    """A party of a :class:`TrustList` (dates are :class:`datetime.date` or None)."""
    __slots__ = ()


class TrustRevocation(collections.namedtuple(
        "TrustRevocation", "fingerprint issuer serial date")):
    """A revocation of a :class:`TrustList`: a fingerprint, or an issuer and
    a serial number, from ``date`` on."""
    __slots__ = ()


def _pem(cert: Union[Buffer, str, "os.PathLike[str]"]) -> bytes:
    """PEM bytes from bytes, a PEM str, or a path."""
    if isinstance(cert, str) and "-----BEGIN" in cert:
        return cert.encode("ascii")
    if isinstance(cert, (str, os.PathLike)):
        with open(cert, "rb") as f:
            return f.read()
    return bytes(cert)


class TrustList(Owned):
    """A trust list (``scsec_trust``, doc/trust.md): the parties a scheme
    operator trusts to vouch for assessments, and revocations.

    Build one with ``TrustList(operator, version, issued)`` and
    :meth:`add_party` / :meth:`revoke`, or read one with :meth:`load` /
    :meth:`from_bytes`, giving the operator's certificate (PEM bytes, text
    or a path) to have its signature checked: a list the operator did not
    sign is then refused (:class:`InvalidContentError`). Without one the list
    is read unverified (:attr:`verified` is False, and so is every result's
    :attr:`Result.trust_verified`). Pass it to :func:`evaluate` as
    ``trust=``.
    """

    __slots__ = ()
    _free_name = "scsec_trust_free"
    _kind = "TrustList"
    _exclusive = True

    def __init__(self, operator: str, version: str, issued: DateLike = None) -> None:
        ptr = ctypes.c_void_p()
        day = _to_cdate(issued) if issued is not None else _lib.scsec_date_today()
        _lib.scsec_trust_new(byref(ptr), _b(operator, "operator"), _b(version, "version"), day)
        self._adopt(ptr)

    @classmethod
    def load(cls, path: PathLike, operator_cert: Any = None,
             options: Optional[LoadOptions] = None,
             diagnostics: Optional[List[Diagnostic]] = None) -> "TrustList":
        """Read a trust list file; with ``operator_cert`` its signature is checked."""
        with open(path, "rb") as f:
            data = f.read()
        return cls.from_bytes(data, os.fspath(path), operator_cert, options, diagnostics)

    @classmethod
    def from_bytes(cls, data: Buffer, name: Optional[str] = None, operator_cert: Any = None,
                   options: Optional[LoadOptions] = None,
                   diagnostics: Optional[List[Diagnostic]] = None) -> "TrustList":
        """Read a trust list from memory; see :meth:`load`."""
        data, size = _buffer(data)
        cert = _pem(operator_cert) if operator_cert is not None else None
        ptr = ctypes.c_void_p()
        with _options_guard(options) as oh:
            _load_with_diags(_lib.scsec_trust_load_memory, ptr,
                             (data, size, _name(name), cert, len(cert) if cert else 0, oh),
                             diagnostics)
        return _new_owned(cls, ptr)

    def add_party(self, name: str, role: str, certificate: Any = None,
                  fingerprint: Optional[str] = None, ca: bool = False,
                  subject: Optional[str] = None, trusted_from: DateLike = None,
                  trusted_until: DateLike = None) -> None:
        """Add a party by its (or its issuing CA's, ``ca=True``) PEM
        ``certificate`` or SHA-256 ``fingerprint`` (exactly one of them)."""
        if (certificate is None) == (fingerprint is None):
            raise TypeError("give a certificate or a fingerprint")
        args = (_b(name, "name"), _b(role, "role"))
        tail = (1 if ca else 0, _b(subject, "subject") if subject is not None else None,
                _to_cdate(trusted_from), _to_cdate(trusted_until))
        with self._g as h:
            if certificate is not None:
                pem = _pem(certificate)
                _lib.scsec_trust_add_party_certificate(h, *args, pem, len(pem), *tail)
            else:
                _lib.scsec_trust_add_party_fingerprint(h, *args, _b(fingerprint, "fingerprint"),
                                                       *tail)

    def revoke(self, date: DateLike, certificate: Any = None, fingerprint: Optional[str] = None,
               issuer: Optional[str] = None, serial: Optional[str] = None) -> None:
        """Revoke a certificate from ``date`` on: by PEM ``certificate``, by
        ``fingerprint``, or by ``issuer`` and ``serial``."""
        day = _to_cdate(date, allow_none=False)
        with self._g as h:
            if certificate is not None:
                pem = _pem(certificate)
                _lib.scsec_trust_revoke_certificate(h, pem, len(pem), day)
            elif fingerprint is not None:
                _lib.scsec_trust_revoke_fingerprint(h, _b(fingerprint, "fingerprint"), day)
            elif issuer is not None and serial is not None:
                _lib.scsec_trust_revoke_serial(h, _b(issuer, "issuer"), _b(serial, "serial"), day)
            else:
                raise TypeError("give a certificate, a fingerprint, or an issuer and a serial")

    def to_bytes(self) -> bytes:
        """The list's XML, unsigned."""
        with self._g as h:
            return _native.take_string(_lib.scsec_trust_write_memory, h)

    def save(self, path: PathLike, gzip: bool = False) -> None:
        """Write the list's XML (unsigned) to ``path``, atomically."""
        with self._g as h:
            _lib.scsec_trust_write_file(h, _path(path), _native.WRITE_GZIP if gzip else 0)

    def sign(self, key: "SigningKey") -> bytes:
        """The list's XML signed by the operator's ``key`` (signed now):
        loaded with that key's certificate as ``operator_cert``, it is
        verified."""
        with self._g as h, _guard(key, SigningKey, "key") as kh:
            return _native.take_string(_lib.scsec_trust_sign_memory, h, kh, 0)

    def _get(self, fn: Any) -> Any:
        with self._g as h:
            return fn(h)

    @property
    def operator(self) -> str:
        """Who publishes the list."""
        return _text(self._get(_lib.scsec_trust_operator)) or ""

    @property
    def version(self) -> str:
        """The list's version."""
        return _text(self._get(_lib.scsec_trust_version)) or ""

    @property
    def issued(self) -> Optional[datetime.date]:
        """Its issue day."""
        return _from_cdate(self._get(_lib.scsec_trust_issued))

    @property
    def verified(self) -> bool:
        """True when it was loaded with its operator's signature checked."""
        return bool(self._get(_lib.scsec_trust_verified))

    @property
    def signer_fingerprint(self) -> Optional[str]:
        """The fingerprint of the certificate that signed it (when verified)."""
        return _text(self._get(_lib.scsec_trust_signer_fingerprint))

    @property
    def parties(self) -> Tuple[TrustParty, ...]:
        """The parties, in the list's order."""
        with self._g as h:
            out = []
            for i in range(_lib.scsec_trust_party_count(h)):
                p = _lib.scsec_trust_party_at(h, i)
                out.append(TrustParty(
                    _text(_lib.scsec_trust_party_name(p)), _text(_lib.scsec_trust_party_role(p)),
                    _text(_lib.scsec_trust_party_fingerprint(p)),
                    bool(_lib.scsec_trust_party_is_ca(p)), _text(_lib.scsec_trust_party_subject(p)),
                    _from_cdate(_lib.scsec_trust_party_from(p)),
                    _from_cdate(_lib.scsec_trust_party_until(p)),
                    _text(_lib.scsec_trust_party_certificate(p))))
            return tuple(out)

    @property
    def revocations(self) -> Tuple[TrustRevocation, ...]:
        """The revocations, in the list's order."""
        with self._g as h:
            out = []
            for i in range(_lib.scsec_trust_revocation_count(h)):
                r = _lib.scsec_trust_revocation_at(h, i)
                out.append(TrustRevocation(
                    _text(_lib.scsec_trust_revocation_fingerprint(r)),
                    _text(_lib.scsec_trust_revocation_issuer(r)),
                    _text(_lib.scsec_trust_revocation_serial(r)),
                    _from_cdate(_lib.scsec_trust_revocation_date(r))))
            return tuple(out)


def certificate_fingerprint(cert: Any) -> str:
    """The SHA-256 fingerprint (64 lowercase hex digits) of a PEM certificate
    (bytes, text or a path), as trust lists name parties."""
    pem = _pem(cert)
    out = ctypes.create_string_buffer(65)
    _lib.scsec_certificate_fingerprint(out, pem, len(pem))
    return out.value.decode("ascii")


# ---------------------------------------------------------------- signatures

class SigningKey(Owned):
    """A private key with its certificate and chain (``scsec_signing_key``),
    for signing evidence records (doc/signatures.md).

    ``SigningKey(key, cert, chain=None)`` reads PEM files: an RSA key of
    2048 bits or more or an EC P-256 key (not encrypted), the signer's
    certificate, and optionally the certificates of its chain. A key that
    is not the certificate's raises :class:`InvalidArgumentError`. Threads
    may sign with one key at once.
    """

    __slots__ = ()
    _free_name = "scsec_signing_key_free"
    _kind = "SigningKey"

    def __init__(self, key: PathLike, cert: PathLike, chain: Optional[PathLike] = None) -> None:
        ptr = ctypes.c_void_p()
        _lib.scsec_signing_key_load_file(byref(ptr), _path(key), _path(cert),
                                         _path(chain) if chain is not None else None)
        self._adopt(ptr)

    @classmethod
    def from_pem(cls, key: Buffer, cert: Buffer, chain: Optional[Buffer] = None) -> "SigningKey":
        """The same from PEM text in memory (bytes)."""
        kd, kn = _buffer(key)
        cd, cn = _buffer(cert)
        chd, chn = _buffer(chain) if chain is not None else (None, 0)
        ptr = ctypes.c_void_p()
        _lib.scsec_signing_key_load_memory(byref(ptr), kd, kn, cd, cn, chd, chn)
        return _new_owned(cls, ptr)

    @property
    def fingerprint(self) -> str:
        """The SHA-256 fingerprint of the certificate (64 lowercase hex digits)."""
        with self._g as h:
            return _text(_lib.scsec_signing_key_fingerprint(h))

    def __repr__(self) -> str:
        if self.closed:
            return "<scsec.SigningKey (closed)>"
        return "<scsec.SigningKey %s>" % self.fingerprint


class Signature(collections.namedtuple(
        "Signature", "valid problem signer fingerprint signing_time")):
    """One signature of a loaded record: ``valid`` (bool), ``problem`` (why
    not, or None), ``signer`` (the certificate's RFC 2253 subject or None),
    ``fingerprint`` (SHA-256 of the certificate or None) and
    ``signing_time`` (an aware UTC :class:`datetime.datetime`, or None)."""

    __slots__ = ()


def _signing_seconds(time: Optional[Union[datetime.datetime, int, float]]) -> int:
    if time is None:
        return 0
    if isinstance(time, datetime.datetime):
        if time.tzinfo is None:
            raise ValueError("the signing time must be timezone-aware (UTC)")
        seconds = int(time.timestamp())
    else:
        seconds = int(time)
    if seconds <= 0:
        raise ValueError("the signing time must be after 1970-01-01T00:00:00Z")
    return seconds


def sign(data: Buffer, key: SigningKey, time: Optional[Union[datetime.datetime, int]] = None,
         name: Optional[str] = None) -> bytes:
    """Sign the XML evidence record ``data`` (bytes) with ``key``: the same
    bytes with one enveloped signature added before the root's end tag, so
    signatures already there stay valid. ``time`` is the signing time (an
    aware datetime or seconds since the epoch; None for now)."""
    raw, size = _buffer(data)
    seconds = _signing_seconds(time)
    with _guard(key, SigningKey, "key") as kh:
        return _native.take_string(_lib.scsec_evidence_sign_memory, raw, size, _name(name), kh,
                                   seconds)


def sign_file(source: PathLike, target: PathLike, key: SigningKey,
              time: Optional[Union[datetime.datetime, int]] = None) -> None:
    """Sign the record in file ``source`` into ``target`` (written aside,
    then renamed; may be the same file), as :func:`sign`."""
    seconds = _signing_seconds(time)
    with _guard(key, SigningKey, "key") as kh:
        _lib.scsec_evidence_sign_file(_path(source), _path(target), kh, seconds)
# ---------------------------------------------------------------- portfolio


class Portfolio(Owned):
    """Many suppliers' results as of one date (``scsec_portfolio``,
    doc/portfolio.md): suppliers per level, contracts, expiring levels, the
    gap to each requirement split into "needs a stronger assessment" and
    "needs fixes", the criteria most suppliers miss.

    Built from :class:`Result` objects evaluated against ``criteria`` as of
    ``as_of`` (what the figures need is copied: the results may be closed
    afterwards), contracts (:meth:`add_contract`, :meth:`load_contracts`)
    and unreadable sources, in any order. :meth:`to_records` gives one dict
    per supplier, ready for ``pandas.DataFrame(portfolio.to_records())``.
    """

    __slots__ = ("_criteria",)
    _free_name = "scsec_portfolio_free"
    _kind = "Portfolio"
    _exclusive = True

    def __init__(self, criteria: CriteriaSet, as_of: DateLike, within_days: int = 90) -> None:
        if not isinstance(within_days, int) or isinstance(within_days, bool):
            raise TypeError("within_days must be an int")
        ptr = _native.portfolio_p()
        with _set_guard(criteria) as ch:
            _lib.scsec_portfolio_new(byref(ptr), ch, _to_cdate(as_of, allow_none=False),
                                     within_days)
        self._criteria = criteria
        self._adopt(ptr)

    def add(self, supplier_id: str, result: "Result", name: Optional[str] = None,
            source: Optional[str] = None) -> None:
        """Add a supplier with its result (evaluated as of the portfolio's
        date against its set: :class:`MismatchError` otherwise;
        :class:`ExistsError` for an id already present)."""
        with self._g as h, _guard(result, Result, "result") as rh:
            _lib.scsec_portfolio_add(h, _b(supplier_id, "supplier_id"),
                                     None if name is None else _b(name, "name"), rh,
                                     None if source is None else _b(source, "source"))

    def add_contract(self, supplier_id: str, contract_id: str,
                     required: Union[int, "Level", None] = None,
                     answers: AnswersLike = None) -> None:
        """Add a contract: a level ``required`` outright, or the ``answers``
        to the set's required-level questions (as :func:`required_level`)."""
        with _EvalOptions(None, None, answers, required) as opts, self._g as h:
            _lib.scsec_portfolio_add_contract(h, _b(supplier_id, "supplier_id"),
                                              _b(contract_id, "contract_id"), opts.ptr)

    def load_contracts(self, path: PathLike, options: Optional[LoadOptions] = None) -> Diagnostics:
        """Add the contracts of a contracts sheet (CSV or xlsx; all or none)
        and return the diagnostics (the error raised carries them too)."""
        with _DiagList() as diags, self._g as h, _options_guard(options) as oh:
            try:
                _lib.scsec_portfolio_load_contracts(h, _path(path), oh, diags.ptr)
            except Error as exc:
                exc.diagnostics = diags.read()
                raise
            return diags.read()

    def add_unreadable(self, source: str, problem: Optional[str] = None) -> None:
        """List a source that could not be read (never counted as a supplier)."""
        with self._g as h:
            _lib.scsec_portfolio_add_unreadable(h, _b(source, "source"),
                                                None if problem is None else _b(problem, "problem"))

    @property
    def criteria(self) -> CriteriaSet:
        """The criteria set every result was evaluated against."""
        return self._criteria

    @property
    def as_of(self) -> datetime.date:
        """The date of the figures."""
        with self._g as h:
            return _from_cdate(_lib.scsec_portfolio_as_of(h))  # type: ignore[return-value]

    @property
    def within_days(self) -> int:
        """A level ending within this many days counts as expiring."""
        with self._g as h:
            return int(_lib.scsec_portfolio_within_days(h))

    def __len__(self) -> int:
        with self._g as h:
            return int(_lib.scsec_portfolio_supplier_count(h))

    def level_counts(self) -> Dict[int, int]:
        """Suppliers per achieved level rank (0: no level), every level of the set."""
        ranks = [0] + [lv.rank for lv in self._criteria.levels]
        with self._g as h:
            return {r: int(_lib.scsec_portfolio_level_suppliers(h, r)) for r in ranks}

    def _ids(self, count: Any, at: Any) -> List[str]:
        with self._g as h:
            return [_text(_lib.scsec_supplier_id(at(h, i))) for i in range(count(h))]

    @property
    def expiring(self) -> List[str]:
        """Ids of the suppliers whose level expires within the days, soonest first."""
        return self._ids(_lib.scsec_portfolio_expiring_count, _lib.scsec_portfolio_expiring_at)

    @property
    def below(self) -> List[str]:
        """Ids of the suppliers below their requirement."""
        return self._ids(_lib.scsec_portfolio_below_count, _lib.scsec_portfolio_below_at)

    @property
    def untrusted(self) -> List[str]:
        """Ids of the suppliers with unsigned or unverified evidence (under a trust list)."""
        return self._ids(_lib.scsec_portfolio_untrusted_count, _lib.scsec_portfolio_untrusted_at)

    @property
    def missed(self) -> List[Tuple[str, int, int]]:
        """(id, suppliers missing it, of which only for the method), most missed first."""
        with self._g as h:
            return [(_text(_lib.scsec_portfolio_missed_id_at(h, i)),
                     int(_lib.scsec_portfolio_missed_suppliers_at(h, i)),
                     int(_lib.scsec_portfolio_missed_method_at(h, i)))
                    for i in range(_lib.scsec_portfolio_missed_count(h))]

    @property
    def unreadable(self) -> List[Tuple[str, str]]:
        """(source, problem) of the sources that could not be read, by source."""
        with self._g as h:
            return [(_text(_lib.scsec_portfolio_unreadable_at(h, i)),
                     _text(_lib.scsec_portfolio_unreadable_problem_at(h, i)))
                    for i in range(_lib.scsec_portfolio_unreadable_count(h))]

    @property
    def contracts(self) -> List[Dict[str, Any]]:
        """Per contract: supplier, contract, required, achieved (None: no evidence), meets."""
        out = []
        with self._g as h:
            for i in range(_lib.scsec_portfolio_contract_count(h)):
                k = _lib.scsec_portfolio_contract_at(h, i)
                s = _lib.scsec_contract_supplier(k)
                meets = _lib.scsec_contract_meets(k)
                out.append({"supplier": _text(_lib.scsec_contract_supplier_id(k)),
                            "contract": _text(_lib.scsec_contract_id(k)),
                            "required": int(_lib.scsec_contract_required(k)),
                            "achieved": int(_lib.scsec_supplier_level(s)) if s else None,
                            "meets": None if meets < 0 else bool(meets)})
        return out

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per supplier (by id), flat, ready for a pandas DataFrame:
        supplier_id, name, source, level, valid_until (date or None),
        days_left, expiring, expiry_items (list), required, contracts,
        meets_required (None without a contract), target, gap_method,
        gap_fixes, trust (None without a trust list), projected_on (the day
        the target level would be reached if the plan holds, rule 12; None
        when blocked or without a projection), projection_blocked (the items
        that block it; None when the result was evaluated without
        ``project=True``), and per top-level category ``satisfied:ID`` and
        ``applicable:ID``."""
        as_of = self.as_of
        rows = []
        with self._g as h:
            cats = [_text(_lib.scsec_category_id(_lib.scsec_portfolio_category_at(h, i)))
                    for i in range(_lib.scsec_portfolio_category_count(h))]
            app = c_size_t()
            for i in range(_lib.scsec_portfolio_supplier_count(h)):
                s = _lib.scsec_portfolio_supplier_at(h, i)
                level = int(_lib.scsec_supplier_level(s))
                until = _from_cdate(_lib.scsec_supplier_valid_until(s)) if level else None
                meets = _lib.scsec_supplier_meets_required(s)
                trust = _text(_lib.scsec_supplier_trust(s))
                row: Dict[str, Any] = {
                    "supplier_id": _text(_lib.scsec_supplier_id(s)),
                    "name": _text(_lib.scsec_supplier_name(s)),
                    "source": _text(_lib.scsec_supplier_source(s)),
                    "level": level,
                    "valid_until": until,
                    "days_left": (until - as_of).days if until else None,
                    "expiring": bool(_lib.scsec_supplier_expiring(s)),
                    "expiry_items": [_text(_lib.scsec_supplier_expiry_item_at(s, k))
                                     for k in range(_lib.scsec_supplier_expiry_item_count(s))],
                    "required": int(_lib.scsec_supplier_required(s)) or None,
                    "contracts": int(_lib.scsec_supplier_contract_count(s)),
                    "meets_required": None if meets < 0 else bool(meets),
                    "target": int(_lib.scsec_supplier_target_level(s)) or None,
                    "gap_method": int(_lib.scsec_supplier_gap_method(s)),
                    "gap_fixes": int(_lib.scsec_supplier_gap_fixes(s)),
                    "trust": trust or None,
                    "projected_on": _from_cdate(_lib.scsec_supplier_projected_on(s)),
                    "projection_blocked": (int(_lib.scsec_supplier_projection_blocked(s))
                                           if _lib.scsec_supplier_has_projection(s) else None),
                }
                for k, cid in enumerate(cats):
                    row["satisfied:" + cid] = int(_lib.scsec_supplier_category_satisfied(
                        s, k, byref(app)))
                    row["applicable:" + cid] = int(app.value)
                rows.append(row)
        return rows

    def to_json(self) -> str:
        """The JSON document (data/schema/scsec-portfolio-1.schema.json), deterministic."""
        with self._g as h:
            return _native.take_string(_lib.scsec_portfolio_to_json, h).decode("utf-8")

    def to_dict(self) -> Dict[str, Any]:
        """The JSON document as a dict."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    def to_csv(self) -> str:
        """The CSV form (one row per supplier, then per unreadable source)."""
        with self._g as h:
            return _native.take_string(_lib.scsec_portfolio_to_csv, h).decode("utf-8")

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<scsec.Portfolio closed>"
        return "<scsec.Portfolio as of %s: %d suppliers>" % (self.as_of, len(self))
# --------------------------------------------------------------------------
# Revisions: criteria diff and evidence migration (doc/mapping.md)

DiffItem = collections.namedtuple("DiffItem", "old_id new_id diff_class changes similarity")
DiffItem.__doc__ = ("One item of a :class:`CriteriaDiff`: the old and new ids (None for an "
                    "added or a removed criterion), its class (``\"kept\"``, ``\"removed\"``, "
                    "``\"added\"``, ``\"renumbered\"``, ``\"reworded\"``), its changes (a "
                    "frozenset of ``\"text\"``, ``\"level\"``, ``\"references\"``) and the "
                    "texts' similarity (0 to 1, None for removed and added).")

MigrationItem = collections.namedtuple("MigrationItem", "old_id new_id action")
MigrationItem.__doc__ = ("One decision of :func:`migrate`: the old entry's id (None for a "
                         "missing criterion), the new id (None when dropped) and the action "
                         "(``\"kept\"``, ``\"renumbered\"``, ``\"review\"``, ``\"removed\"``, "
                         "``\"unmapped\"``, ``\"missing\"``, ``\"left-out\"``).")

_DIFF_CHANGES = ((1, "text"), (2, "level"), (4, "references"))


class CriteriaDiff(collections.abc.Sequence):  # type: ignore[type-arg]
    """The comparison of two revisions of a criteria set
    (``scsec_criteria_diff_new``): a sequence of :class:`DiffItem`, ordered
    by old id, the added ones after by new id. Deterministic: it depends on
    the two sets only. Make one with :func:`criteria_diff`."""

    def __init__(self, old: CriteriaSet, new: CriteriaSet) -> None:
        self.old, self.new = old, new
        items = []
        with self._handle() as d:
            for i in range(_lib.scsec_criteria_diff_count(d)):
                o, n, cls, ch, sim = c_char_p(), c_char_p(), c_int(), ctypes.c_uint(), \
                    ctypes.c_double()
                _lib.scsec_criteria_diff_get(byref(o), byref(n), byref(cls), byref(ch),
                                             byref(sim), d, i)
                items.append(DiffItem(
                    _text(o.value), _text(n.value),
                    _text(_lib.scsec_diff_class_name(cls.value)) or "",
                    frozenset(name for bit, name in _DIFF_CHANGES if ch.value & bit),
                    None if sim.value < 0 else sim.value))
        self._items: Tuple[DiffItem, ...] = tuple(items)

    class _Diff:
        def __init__(self, outer: "CriteriaDiff") -> None:
            self.outer, self.ptr, self.stack = outer, ctypes.c_void_p(), None

        def __enter__(self) -> Any:
            import contextlib
            self.stack = contextlib.ExitStack()
            oh = self.stack.enter_context(_set_guard(self.outer.old, "old"))
            nh = self.stack.enter_context(_set_guard(self.outer.new, "new"))
            try:
                _lib.scsec_criteria_diff_new(byref(self.ptr), oh, nh)
            except BaseException:
                self.stack.close()
                raise
            return self.ptr

        def __exit__(self, *exc: Any) -> bool:
            _lib.scsec_criteria_diff_free(self.ptr)
            if self.stack is not None:
                self.stack.close()
            return False

    def _handle(self) -> "CriteriaDiff._Diff":
        return CriteriaDiff._Diff(self)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: Any) -> Any:
        return self._items[i]

    def count(self, diff_class: Any = None) -> int:  # type: ignore[override]
        """Items of class ``diff_class`` (a token such as ``"renumbered"``),
        or all without it."""
        if diff_class is None:
            return len(self._items)
        return sum(1 for it in self._items if it.diff_class == diff_class)

    def mapping(self, id: str, version: str, old_version: Optional[str] = None,
                new_version: Optional[str] = None) -> "MappingSet":
        """The revision :class:`MappingSet` of the comparison, for a person to
        review (``scsec_criteria_diff_mapping``): kept and same-text
        renumbered criteria equal-to, reworded ones equivalent-to, removed
        ones no-relationship. ``old_version`` and ``new_version`` name the
        revisions when both were imported under one version."""
        ptr = _native.mapping_set_p()
        with self._handle() as d:
            _lib.scsec_criteria_diff_mapping(byref(ptr), d, _b(id, "id"),
                                             _b(version, "version"),
                                             _b(old_version, "old_version"),
                                             _b(new_version, "new_version"))
        return _new_owned(MappingSet, ptr)

    def __repr__(self) -> str:
        counts = collections.Counter(it.diff_class for it in self._items)
        return "<scsec.CriteriaDiff %s -> %s: %s>" % (
            self.old.version, self.new.version,
            ", ".join("%d %s" % (counts[k], k) for k in sorted(counts)))


def criteria_diff(old: CriteriaSet, new: CriteriaSet) -> CriteriaDiff:
    """Compare two revisions of a criteria set (``scsec criteria diff``):
    kept, removed, added, renumbered and reworded criteria."""
    return CriteriaDiff(old, new)


def migrate(evidence: Evidence, revision: MappingSet, new: CriteriaSet,
            diagnostics: Optional[List[Diagnostic]] = None
            ) -> Tuple[Evidence, Tuple[MigrationItem, ...]]:
    """Migrate ``evidence`` written against an old revision to ``new``
    through the revision mapping set ``revision`` (``scsec_evidence_migrate``,
    ``scsec migrate``): the migrated :class:`Evidence` and every decision,
    as :class:`MigrationItem` values. Entries not carried equal-to are
    flagged for review; warnings go to ``diagnostics`` when it is a list."""
    ptr = _native.evidence_p()
    report = ctypes.c_void_p()
    with _guard(evidence, Evidence, "evidence") as eh, \
            _guard(revision, MappingSet, "revision") as mh, \
            _set_guard(new, "new") as nh:
        try:
            _load_with_diags(_lib.scsec_evidence_migrate, ptr, (byref(report), eh, mh, nh),
                             diagnostics)
            items = []
            for i in range(_lib.scsec_migration_count(report)):
                o, n, act = c_char_p(), c_char_p(), c_int()
                _lib.scsec_migration_get(byref(o), byref(n), byref(act), report, i)
                items.append(MigrationItem(_text(o.value), _text(n.value),
                                           _text(_lib.scsec_migration_action_name(act.value))
                                           or ""))
        finally:
            _lib.scsec_migration_free(report)
    return _new_owned(Evidence, ptr), tuple(items)
