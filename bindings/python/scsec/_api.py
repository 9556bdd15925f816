# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""The object layer: criteria sets, evidence records, evaluation, results.

Every class here mirrors a C handle of libscsec. Owning objects
(:class:`CriteriaSet`, :class:`Evidence`, :class:`Result`,
:class:`LoadOptions`) free their handle exactly once, through
:func:`weakref.finalize`: when they are garbage-collected, when
:meth:`close` is called, or at the end of a ``with`` block, whichever comes
first. Using an object after it was closed raises :class:`ValueError`.

Objects borrowed from a criteria set (:class:`Level`, :class:`Category`,
:class:`Requirement`, :class:`Criterion`, :class:`Prerequisite`,
:class:`Question`) hold a reference to the set, which stays alive as long
as any of them does. Entries, diagnostics and the parts of a result are
plain Python values, copied out of the library.
"""

import collections
import ctypes
import dataclasses
import datetime
import enum
import functools
import json
import weakref
from ctypes import byref, c_char_p, c_int

from . import _native
from ._native import Error, text as _text, to_bytes as _b, to_path as _path

_lib = _native.lib

__all__ = [
    "Status", "Method", "Function", "Reason", "Severity", "Conditional", "ScoringModel",
    "DocumentKind", "LoadOptions", "Diagnostic", "Diagnostics", "CriteriaSet", "Level",
    "Category", "Requirement", "Criterion", "Prerequisite", "Question", "Reference",
    "Artifact", "Entry", "Evidence", "CriteriaRef", "Result", "LevelResult", "Figures",
    "CategoryFigures", "Gap", "Score", "evaluate", "required_level", "validate",
    "builtin_ids", "write_file", "parse_date", "format_date", "today",
    "corporate_number_valid", "version", "version_number",
]

# ---------------------------------------------------------------- dates

_EPOCH = 719163  # datetime.date(1970, 1, 1).toordinal()


def _from_cdate(days):
    """A C date as a datetime.date (None for SCSEC_DATE_NONE)."""
    if days == _native.DATE_NONE:
        return None
    return datetime.date.fromordinal(days + _EPOCH)


def _to_cdate(value, allow_none=True):
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


def _as_date(value):
    """Coerce to datetime.date (or None), validating text with the library."""
    if value is None or (isinstance(value, datetime.date)
                         and not isinstance(value, datetime.datetime)):
        return value
    return _from_cdate(_to_cdate(value))


def parse_date(text):
    """Parse 'YYYY-MM-DD' exactly as the library does (DateError otherwise)."""
    return _from_cdate(_to_cdate(text, allow_none=False))


def format_date(date):
    """A date as 'YYYY-MM-DD', formatted by the library."""
    buf = ctypes.create_string_buffer(_native.DATE_BUFSIZE)
    _lib.scsec_date_format(buf, _to_cdate(date, allow_none=False))
    return buf.value.decode("ascii")


def today():
    """Today's date in UTC, as the library sees it (the default 'as of')."""
    return _from_cdate(_lib.scsec_date_today())


# ---------------------------------------------------------------- enums


class _TokenEnum(enum.Enum):
    """An enum whose values are the C enum's, with the library's token."""

    @property
    def token(self):
        """The library's token for the value ("met", "third-party", ...)."""
        return _text(self._token_fn()(self.value)) or ""

    @classmethod
    def _token_fn(cls):
        raise NotImplementedError

    @classmethod
    def _coerce(cls, value):
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
    def parse(cls, text):
        """The member for a token (as the library parses it)."""
        for member in cls:
            if member.token == text:
                return member
        raise ValueError("unknown %s %r" % (cls.__name__, text))

    def __str__(self):
        return self.token


class Status(_TokenEnum):
    """An answer's status (scsec_status)."""
    NONE = 0
    MET = 1
    PARTIAL = 2
    NOT_MET = 3
    NOT_APPLICABLE = 4

    @staticmethod
    def _token_fn():
        return _lib.scsec_status_name

    @classmethod
    def parse(cls, text):
        """Parse "met", "not-applicable", 実施, 該当なし, ... ("" is NONE)."""
        out = c_int()
        _lib.scsec_status_parse(byref(out), _b(text, "status"))
        return cls(out.value)


@functools.total_ordering
class Method(_TokenEnum):
    """How an answer was assessed (scsec_method); ordered: SELF < EXPERT_REVIEWED < THIRD_PARTY."""
    NONE = 0
    SELF = 1
    EXPERT_REVIEWED = 2
    THIRD_PARTY = 3

    @staticmethod
    def _token_fn():
        return _lib.scsec_method_name

    @classmethod
    def parse(cls, text):
        """Parse "self", "expert-reviewed", "third-party" (or 自己評価, 専門家確認,
        第三者評価); "" is NONE."""
        if text in ("", b""):
            return cls.NONE
        out = c_int()
        _lib.scsec_method_parse(byref(out), _b(text, "method"))
        return cls(out.value)

    def __lt__(self, other):
        if not isinstance(other, Method):
            return NotImplemented
        return self.value < other.value


class Function(_TokenEnum):
    """NIST CSF 2.0 functions (scsec_function); the token is the code ("GV")."""
    NONE = 0
    GV = 1
    ID = 2
    PR = 3
    DE = 4
    RS = 5
    RC = 6

    @staticmethod
    def _token_fn():
        return _lib.scsec_function_code

    @classmethod
    def parse(cls, text):
        out = c_int()
        _lib.scsec_function_parse(byref(out), _b(text, "function"))
        return cls(out.value)


class Reason(_TokenEnum):
    """Why an item is not satisfied (scsec_reason), in the order they are tried."""
    NONE = 0
    MISSING = 1
    NOT_MET = 2
    PARTIAL = 3
    NA_REJECTED = 4
    METHOD = 5
    NOT_YET_VALID = 6
    EXPIRED = 7

    @staticmethod
    def _token_fn():
        return _lib.scsec_reason_name


class Conditional(_TokenEnum):
    """Conditional status under the deductions model (scsec_conditional)."""
    NONE = 0
    FINAL = 1
    CONDITIONAL = 2
    NOT_MET = 3

    @staticmethod
    def _token_fn():
        return _lib.scsec_conditional_name


class DocumentKind(_TokenEnum):
    """The kinds of document libscsec reads (scsec_document_kind)."""
    UNKNOWN = 0
    CRITERIA = 1
    EVIDENCE = 2
    RESULT = 3

    @staticmethod
    def _token_fn():
        return _lib.scsec_document_kind_name


class ScoringModel(enum.Enum):
    """How a criteria set scores (scsec_scoring_model)."""
    ALL_REQUIRED = 0
    POINTS = 1
    DEDUCTIONS = 2

    @property
    def token(self):
        return ("all-required", "points", "deductions")[self.value]

    def __str__(self):
        return self.token


class Severity(enum.Enum):
    """How bad a diagnostic is (scsec_severity)."""
    ERROR = 0
    WARNING = 1
    NOTE = 2

    @property
    def token(self):
        return self.name.lower()

    def __str__(self):
        return self.token


_REASONS = tuple(r for r in Reason if r is not Reason.NONE)

# ---------------------------------------------------------------- handles


class _Owned:
    """Base of the objects that own a C handle."""

    __slots__ = ("_ptr", "_finalizer", "__weakref__")
    _free_name = None      # name of the C function that frees the handle
    _kind = "object"

    def _adopt(self, ptr):
        self._ptr = ptr
        # Look the free function up now, so a test may count calls by
        # replacing it on the library object before creating handles.
        free = getattr(_lib, self._free_name)
        self._finalizer = weakref.finalize(self, free, ptr)

    @property
    def _h(self):
        """The handle, for a library call; ValueError once closed.

        (Checked before the call: raised inside ctypes' conversion it would
        turn into a ctypes.ArgumentError.)
        """
        ptr = getattr(self, "_ptr", None)
        if ptr is None:
            raise ValueError("%s is closed" % self._kind)
        return ptr

    _as_parameter_ = _h

    def close(self):
        """Free the handle now (idempotent). The object is unusable after."""
        finalizer = getattr(self, "_finalizer", None)
        self._ptr = None
        if finalizer is not None:
            finalizer()

    @property
    def closed(self):
        """True once :meth:`close` was called."""
        return getattr(self, "_ptr", None) is None

    def __enter__(self):
        self._h  # refuse a closed object
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # A shallow copy would share the handle and free it twice: immutable
    # objects copy as themselves, others say how to copy them.
    def __copy__(self):
        raise TypeError("%s objects cannot be copied" % self._kind)

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce_ex__(self, protocol):
        raise TypeError("%s objects cannot be pickled (serialise the document instead)"
                        % self._kind)


def _set_h(obj, what="criteria", optional=False, say_type=False):
    """The handle of the :class:`CriteriaSet` @p obj (None for None when
    @p optional); TypeError naming @p what for anything else."""
    if obj is None and optional:
        return None
    if not isinstance(obj, CriteriaSet):
        raise TypeError("%s must be a CriteriaSet" % what
                        + (", not %s" % type(obj).__name__ if say_type else ""))
    return obj._h


def _new_owned(cls, ptr):
    obj = cls.__new__(cls)
    obj._adopt(ptr)
    return obj


# ---------------------------------------------------------------- options


class LoadOptions(_Owned):
    """Limits and checks for the readers (scsec_load_options).

    ``LoadOptions(max_file_size=..., max_document_size=..., max_depth=...,
    schema_validation=..., max_items=...)``; unnamed settings keep the
    library's defaults. Pass it as ``options=`` to any loader. Read-only once
    built, it may be shared by threads.
    """

    __slots__ = ()
    _free_name = "scsec_load_options_free"
    _kind = "LoadOptions"
    _KEYS = {"max_file_size": 1, "max_document_size": 2, "max_depth": 3,
             "schema_validation": 4, "max_items": 5}

    def __init__(self, **settings):
        ptr = _native.load_options_p()
        _lib.scsec_load_options_new(byref(ptr))
        self._adopt(ptr)
        for name, value in settings.items():
            self.set(name, value)

    def set(self, name, value):
        """Change one setting (a name among the constructor's keywords)."""
        try:
            key = self._KEYS[name]
        except KeyError:
            raise TypeError("unknown load option %r" % name) from None
        if isinstance(value, bool):
            value = int(value)
        if not isinstance(value, int) or value < 0:
            raise ValueError("%s must be a non-negative integer" % name)
        _lib.scsec_load_options_set(self._h, key, value)

    def __copy__(self):
        return LoadOptions(**{k: self.get(k) for k in self._KEYS})

    def get(self, name):
        """Read one setting."""
        try:
            key = self._KEYS[name]
        except KeyError:
            raise TypeError("unknown load option %r" % name) from None
        return int(_lib.scsec_load_options_get(self._h, key))

    def __repr__(self):
        if self.closed:
            return "<LoadOptions closed>"
        return "LoadOptions(%s)" % ", ".join("%s=%d" % (k, self.get(k)) for k in self._KEYS)


# ---------------------------------------------------------------- diagnostics


class Diagnostic(collections.namedtuple(
        "Diagnostic", "severity code id file line column message text")):
    """One problem found by a loader or a check.

    ``severity`` is a :class:`Severity`, ``code`` a negative ``SCSEC_E*``
    code, ``id`` the criterion or entry it is about (or None), ``file``,
    ``line`` and ``column`` its location (None/0 when unknown), ``message``
    the message alone and ``text`` the compiler-style line the library
    formats (also ``str(diagnostic)``).
    """

    __slots__ = ()

    def __str__(self):
        return self.text


class Diagnostics(list):
    """A list of :class:`Diagnostic`, with the errors and warnings apart."""

    @property
    def errors(self):
        return [d for d in self if d.severity is Severity.ERROR]

    @property
    def warnings(self):
        return [d for d in self if d.severity is Severity.WARNING]

    @property
    def notes(self):
        return [d for d in self if d.severity is Severity.NOTE]

    @property
    def ok(self):
        """True when there is no error (warnings allowed)."""
        return not self.errors


class _DiagList:
    """A C diagnostics list for the duration of one call."""

    def __enter__(self):
        self.ptr = _native.diagnostics_p()
        _lib.scsec_diagnostics_new(byref(self.ptr))
        return self

    def __exit__(self, *exc):
        _lib.scsec_diagnostics_free(self.ptr)
        self.ptr = None
        return False

    def read(self):
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
        return out


def _load_with_diags(func, out, args, diagnostics):
    """Call a loader ``func(out, *args, diags)``; attach diagnostics to errors.

    When @p diagnostics is a list, every problem found (also on success:
    warnings) is appended to it.
    """
    with _DiagList() as diags:
        try:
            func(byref(out), *args, diags.ptr)
        except Error as exc:
            exc.diagnostics = diags.read()
            if not exc.recorded:
                # The thread's record was overwritten by a later problem:
                # take the details from the first error of the same code.
                for d in exc.diagnostics:
                    if d.severity is Severity.ERROR and d.code == exc.code:
                        exc.message, exc.file, exc.line, exc.column = (
                            d.message, d.file, d.line, d.column)
                        exc.args = (exc.code, d.message, d.file, d.line, d.column)
                        break
            if diagnostics is not None:
                diagnostics.extend(exc.diagnostics)
            raise
        if diagnostics is not None:
            try:
                diagnostics.extend(diags.read())
            except BaseException:
                # the caller never sees the new handle: free it here
                getattr(_lib, _FREE_BY_TYPE[type(out)])(out)
                raise


_FREE_BY_TYPE = {_native.criteria_p: "scsec_criteria_free",
                 _native.evidence_p: "scsec_evidence_free"}


def _options(options):
    if options is None:
        return None
    if not isinstance(options, LoadOptions):
        raise TypeError("options must be a LoadOptions, not %s" % type(options).__name__)
    return options._h


def _buffer(data):
    if isinstance(data, str):
        raise TypeError("data must be bytes, not str (encode it first)")
    data = bytes(data)
    return data, len(data)


def _name(name):
    return _b(name, "name") if name is not None else None


# ---------------------------------------------------------------- criteria


def builtin_ids():
    """The ids of the criteria sets built into the library."""
    return [_text(_lib.scsec_criteria_builtin_id(i))
            for i in range(_lib.scsec_criteria_builtin_count())]


class CriteriaSet(_Owned):
    """A loaded criteria set (scsec_criteria): immutable, shareable by threads.

    Create one with :meth:`builtin`, :meth:`load`, :meth:`from_bytes` or
    :meth:`import_ipa`. Iterating gives the criteria in document order;
    ``len()`` is their number.
    """

    __slots__ = ()
    _free_name = "scsec_criteria_free"
    _kind = "CriteriaSet"

    def __init__(self):
        raise TypeError("use CriteriaSet.builtin(), .load(), .from_bytes() or .import_ipa()")

    # -- constructors

    @classmethod
    def builtin(cls, id=None):
        """A built-in set; the default METI set ("meti-sc-2026-03") without @p id."""
        ptr = _native.criteria_p()
        _lib.scsec_criteria_builtin(byref(ptr), _b(id, "id"))
        return _new_owned(cls, ptr)

    @classmethod
    def load(cls, path, options=None, diagnostics=None):
        """Load a set from an XML file (plain or gzip).

        On failure the exception's ``diagnostics`` list every problem; a
        list passed as @p diagnostics receives them too (warnings as well).
        """
        ptr = _native.criteria_p()
        _load_with_diags(_lib.scsec_criteria_load_file, ptr,
                         (_path(path), _options(options)), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_bytes(cls, data, name=None, options=None, diagnostics=None):
        """Load a set from an XML document in memory (plain or gzip)."""
        data, size = _buffer(data)
        ptr = _native.criteria_p()
        _load_with_diags(_lib.scsec_criteria_load_memory, ptr,
                         (data, size, _name(name), _options(options)), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def import_ipa(cls, path, rules=None, options=None, diagnostics=None):
        """Import IPA's criteria sheet (CSV exported from Excel).

        The scheme's rules (levels' methods, validity, prerequisites,
        questions) come from @p rules, by default the built-in METI set.
        """
        rules_h = _set_h(rules, "rules", optional=True)
        ptr = _native.criteria_p()
        _load_with_diags(_lib.scsec_criteria_import_ipa, ptr,
                         (_path(path), rules_h, _options(options)), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def import_ipa_bytes(cls, data, name=None, rules=None, options=None, diagnostics=None):
        """Import IPA's criteria sheet held in memory."""
        rules_h = _set_h(rules, "rules", optional=True)
        data, size = _buffer(data)
        ptr = _native.criteria_p()
        _load_with_diags(_lib.scsec_criteria_import_ipa_memory, ptr,
                         (data, size, _name(name), rules_h, _options(options)),
                         diagnostics)
        return _new_owned(cls, ptr)

    # -- export

    def to_bytes(self):
        """The canonical XML form."""
        return _native.take_string(_lib.scsec_criteria_write_memory, self._h)

    def export(self, path, gzip=False):
        """Write the canonical XML form to @p path, atomically."""
        _lib.scsec_criteria_write_file(self._h, _path(path), _native.WRITE_GZIP if gzip else 0)

    def template_csv(self, level=0, lang=None):
        """A CSV answer sheet (bytes: UTF-8 with BOM, CRLF) for @p level (0: all)."""
        return _native.take_string(_lib.scsec_criteria_template_csv, self._h,
                                   _rank(level), _b(lang, "lang"))

    # -- identity

    @property
    def id(self):
        return _text(_lib.scsec_criteria_id(self._h))

    @property
    def version(self):
        return _text(_lib.scsec_criteria_version(self._h))

    @property
    def fingerprint(self):
        """SHA-256 of the canonical form (64 lowercase hex digits)."""
        return _text(_lib.scsec_criteria_fingerprint(self._h))

    def title(self, lang=None):
        return _text(_lib.scsec_criteria_title(self._h, _b(lang, "lang")))

    def description(self, lang=None):
        return _text(_lib.scsec_criteria_description(self._h, _b(lang, "lang")))

    @property
    def publisher(self):
        return _text(_lib.scsec_criteria_publisher(self._h))

    @property
    def issued(self):
        return _from_cdate(_lib.scsec_criteria_issued(self._h))

    @property
    def source(self):
        return _text(_lib.scsec_criteria_source(self._h))

    @property
    def source_uri(self):
        return _text(_lib.scsec_criteria_source_uri(self._h))

    @property
    def scoring(self):
        return ScoringModel(_lib.scsec_criteria_scoring(self._h))

    def framework_title(self, id):
        """The title of the framework @p id the set declares, or None."""
        return _text(_lib.scsec_criteria_framework_title(self._h, _b(id, "id")))

    # -- children

    def _children(self, cls, count_fn, at_fn):
        handle = self._h
        return tuple(cls(self, at_fn(handle, i)) for i in range(count_fn(handle)))

    def _lookup(self, cls, fn, key, what):
        ptr = fn(self._h, key if isinstance(key, int) else _b(key, "id"))
        if not ptr:
            raise KeyError("%s has no %s %r" % (self.id, what, key))
        return cls(self, ptr)

    @property
    def levels(self):
        """The levels, by increasing rank."""
        return self._children(Level, _lib.scsec_criteria_level_count,
                              _lib.scsec_criteria_level_at)

    def level(self, rank):
        """The level of rank @p rank (KeyError when none)."""
        return self._lookup(Level, _lib.scsec_criteria_level_by_rank, _rank(rank), "level")

    @property
    def prerequisites(self):
        return self._children(Prerequisite, _lib.scsec_criteria_prerequisite_count,
                              _lib.scsec_criteria_prerequisite_at)

    def prerequisite(self, id):
        return self._lookup(Prerequisite, _lib.scsec_criteria_prerequisite,
                            id, "prerequisite")

    @property
    def categories(self):
        """Every category, sub-categories included, parents first."""
        return self._children(Category, _lib.scsec_criteria_category_count,
                              _lib.scsec_criteria_category_at)

    def category(self, id):
        return self._lookup(Category, _lib.scsec_criteria_category, id, "category")

    @property
    def requirements(self):
        return self._children(Requirement, _lib.scsec_criteria_requirement_count,
                              _lib.scsec_criteria_requirement_at)

    def requirement(self, id):
        return self._lookup(Requirement, _lib.scsec_criteria_requirement,
                            id, "requirement")

    @property
    def criteria(self):
        """Every criterion, in document order."""
        return self._children(Criterion, _lib.scsec_criteria_criterion_count,
                              _lib.scsec_criteria_criterion_at)

    def criterion(self, id):
        return self._lookup(Criterion, _lib.scsec_criteria_criterion, id, "criterion")

    @property
    def questions(self):
        """The questions of the required-level rule."""
        return self._children(Question, _lib.scsec_criteria_question_count,
                              _lib.scsec_criteria_question_at)

    def question(self, id):
        return self._lookup(Question, _lib.scsec_criteria_question, id, "question")

    @property
    def required_default(self):
        """The level required when every question is answered no (0: no rule)."""
        return _lib.scsec_criteria_required_default(self._h)

    def required_level(self, answers=None, required=None):
        """See :func:`scsec.required_level`."""
        return required_level(self, answers, required)

    def __copy__(self):
        self._h
        return self  # immutable

    def __iter__(self):
        return iter(self.criteria)

    def __len__(self):
        return _lib.scsec_criteria_criterion_count(self._h)

    def __repr__(self):
        if self.closed:
            return "<CriteriaSet closed>"
        return "<CriteriaSet %s %s>" % (self.id, self.version)


def _rank(level):
    """A level rank from an int or a Level."""
    if isinstance(level, Level):
        return level.rank
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError("a level rank (int) or a Level is expected, not %s"
                        % type(level).__name__)
    return level


class _Borrowed:
    """An object borrowed from a criteria set; keeps the set alive."""

    __slots__ = ("_owner", "_ptr")

    def __init__(self, owner, ptr):
        self._owner = owner
        self._ptr = ptr

    @property
    def _h(self):
        self._owner._h  # raises ValueError once the set is closed
        return self._ptr

    _as_parameter_ = _h

    @property
    def criteria_set(self):
        """The set this object belongs to."""
        return self._owner

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._owner is other._owner and self._ptr.value == other._ptr.value

    def __hash__(self):
        return hash((type(self), id(self._owner), self._ptr.value))

    def _wrap(self, cls, ptr):
        return cls(self._owner, ptr) if ptr else None

    def __repr__(self):
        try:
            return "<%s %s>" % (type(self).__name__, self._key())
        except ValueError:
            return "<%s of a closed set>" % type(self).__name__


class Level(_Borrowed):
    """A level of a set (★3, ★4, ...)."""

    __slots__ = ()

    def _key(self):
        return self.label

    @property
    def rank(self):
        return _lib.scsec_level_rank(self._h)

    @property
    def label(self):
        return _text(_lib.scsec_level_label(self._h))

    def title(self, lang=None):
        return _text(_lib.scsec_level_title(self._h, _b(lang, "lang")))

    @property
    def method(self):
        """The least assessment method an answer needs at this level."""
        return Method(_lib.scsec_level_method(self._h))

    @property
    def validity(self):
        """How long an answer stays valid, as an ISO 8601 duration ("P1Y")."""
        return _text(_lib.scsec_level_validity(self._h))

    @property
    def validity_provisional(self):
        return bool(_lib.scsec_level_validity_provisional(self._h))

    @property
    def requires_lower(self):
        return bool(_lib.scsec_level_requires_lower(self._h))

    @property
    def prerequisites(self):
        return tuple(Prerequisite(self._owner, _lib.scsec_level_prerequisite_at(self._h, i))
                     for i in range(_lib.scsec_level_prerequisite_count(self._h)))

    @property
    def criterion_count(self):
        """Number of criteria that apply at the level."""
        return _lib.scsec_level_criterion_count(self._h)

    @property
    def requirement_count(self):
        """Number of requirements with a criterion applying at the level."""
        return _lib.scsec_level_requirement_count(self._h)

    @property
    def criteria(self):
        """The criteria that apply at the level, in document order."""
        rank = self.rank
        return tuple(c for c in self._owner.criteria if c.applies_at(rank))


class Prerequisite(_Borrowed):
    """A prerequisite of levels that is not a criterion (an attestation)."""

    __slots__ = ()

    def _key(self):
        return self.id

    @property
    def id(self):
        return _text(_lib.scsec_prerequisite_id(self._h))

    def title(self, lang=None):
        return _text(_lib.scsec_prerequisite_title(self._h, _b(lang, "lang")))


class Category(_Borrowed):
    """A category or sub-category."""

    __slots__ = ()

    def _key(self):
        return self.id

    @property
    def id(self):
        return _text(_lib.scsec_category_id(self._h))

    def title(self, lang=None):
        return _text(_lib.scsec_category_title(self._h, _b(lang, "lang")))

    @property
    def parent(self):
        """The enclosing category, or None."""
        return self._wrap(Category, _lib.scsec_category_parent(self._h))

    @property
    def depth(self):
        return _lib.scsec_category_depth(self._h)

    @property
    def function(self):
        """The CSF function (the category's own or its nearest ancestor's)."""
        return Function(_lib.scsec_category_function(self._h))


class Requirement(_Borrowed):
    """A requirement: a group of criteria."""

    __slots__ = ()

    def _key(self):
        return self.id

    @property
    def id(self):
        return _text(_lib.scsec_requirement_id(self._h))

    def name(self, lang=None):
        return _text(_lib.scsec_requirement_name(self._h, _b(lang, "lang")))

    def text(self, lang=None):
        return _text(_lib.scsec_requirement_text(self._h, _b(lang, "lang")))

    @property
    def category(self):
        return self._wrap(Category, _lib.scsec_requirement_category(self._h))

    @property
    def criteria(self):
        return tuple(Criterion(self._owner, _lib.scsec_requirement_criterion_at(self._h, i))
                     for i in range(_lib.scsec_requirement_criterion_count(self._h)))


Reference = collections.namedtuple("Reference", "framework clauses")
Reference.__doc__ = "A criterion's reference to another framework (id, clauses)."


class Criterion(_Borrowed):
    """A criterion: the unit answered by evidence."""

    __slots__ = ()

    def _key(self):
        return self.id

    @property
    def id(self):
        return _text(_lib.scsec_criterion_id(self._h))

    def text(self, lang=None):
        return _text(_lib.scsec_criterion_text(self._h, _b(lang, "lang")))

    @property
    def requirement(self):
        return self._wrap(Requirement, _lib.scsec_criterion_requirement(self._h))

    @property
    def function(self):
        return Function(_lib.scsec_criterion_function(self._h))

    @property
    def min_level(self):
        return _lib.scsec_criterion_min_level(self._h)

    def applies_at(self, level):
        return bool(_lib.scsec_criterion_applies_at(self._h, _rank(level)))

    @property
    def na_allowed(self):
        return bool(_lib.scsec_criterion_na_allowed(self._h))

    @property
    def weight(self):
        return _lib.scsec_criterion_weight(self._h)

    @property
    def poam_eligible(self):
        return bool(_lib.scsec_criterion_poam_eligible(self._h))

    @property
    def references(self):
        out = []
        for i in range(_lib.scsec_criterion_reference_count(self._h)):
            fw, clauses = c_char_p(), c_char_p()
            _lib.scsec_criterion_reference_at(self._h, i, byref(fw), byref(clauses))
            out.append(Reference(_text(fw.value), _text(clauses.value)))
        return tuple(out)


class Question(_Borrowed):
    """A question of the rule for the level a contract requires."""

    __slots__ = ()

    def _key(self):
        return self.id

    @property
    def id(self):
        return _text(_lib.scsec_question_id(self._h))

    def text(self, lang=None):
        return _text(_lib.scsec_question_text(self._h, _b(lang, "lang")))

    @property
    def level_if_yes(self):
        return _lib.scsec_question_level_if_yes(self._h)


# ---------------------------------------------------------------- entries


class Artifact(collections.namedtuple("Artifact", "uri sha256")):
    """An entry's artifact: where it is, and its SHA-256 (or None)."""

    __slots__ = ()

    def __new__(cls, uri, sha256=None):
        return super().__new__(cls, uri, sha256)


@dataclasses.dataclass
class Entry:
    """One answer, as a plain Python value.

    ``status`` and ``method`` accept the enums or the library's tokens
    ("met", "third-party", 実施, 専門家確認, ...); dates accept
    :class:`datetime.date` or 'YYYY-MM-DD'; ``artifacts`` is a list of
    :class:`Artifact` (or ``(uri, sha256)`` pairs, or URIs). Build one and
    hand it to :meth:`Evidence.add` or :meth:`Evidence.replace`; what an
    evidence record gives back is a copy: change it and ``replace`` it.
    """

    id: str
    status: Status = Status.NONE
    method: Method = Method.NONE
    assessed_on: datetime.date = None
    expires_on: datetime.date = None
    assessor: str = None
    assessor_id: str = None
    justification: str = None
    note: str = None
    artifacts: list = dataclasses.field(default_factory=list)

    def __post_init__(self):
        self._normalise()

    def _normalise(self):
        if not isinstance(self.id, str) or not self.id:
            raise ValueError("an entry needs a non-empty id (str)")
        self.status = Status._coerce(self.status)
        self.method = Method._coerce(self.method)
        self.assessed_on = _as_date(self.assessed_on)
        self.expires_on = _as_date(self.expires_on)
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
    def _from_c(cls, ptr):
        arts = []
        for i in range(_lib.scsec_entry_artifact_count(ptr)):
            uri, sha = c_char_p(), c_char_p()
            _lib.scsec_entry_artifact_at(ptr, i, byref(uri), byref(sha))
            arts.append(Artifact(_text(uri.value), _text(sha.value)))
        obj = cls.__new__(cls)
        obj.id = _text(_lib.scsec_entry_id(ptr))
        obj.status = Status(_lib.scsec_entry_status(ptr))
        obj.method = Method(_lib.scsec_entry_method(ptr))
        obj.assessed_on = _from_cdate(_lib.scsec_entry_assessed_on(ptr))
        obj.expires_on = _from_cdate(_lib.scsec_entry_expires_on(ptr))
        obj.assessor = _text(_lib.scsec_entry_assessor(ptr))
        obj.assessor_id = _text(_lib.scsec_entry_assessor_id(ptr))
        obj.justification = _text(_lib.scsec_entry_justification(ptr))
        obj.note = _text(_lib.scsec_entry_note(ptr))
        obj.artifacts = arts
        return obj

    def _to_c(self):
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
            _lib.scsec_entry_set_assessed_on(ptr, _to_cdate(self.assessed_on))
            _lib.scsec_entry_set_expires_on(ptr, _to_cdate(self.expires_on))
            if self.justification is not None:
                _lib.scsec_entry_set_justification(ptr, _b(self.justification,
                                                           "justification"))
            if self.note is not None:
                _lib.scsec_entry_set_note(ptr, _b(self.note, "note"))
            for art in self.artifacts:
                _lib.scsec_entry_add_artifact(ptr, _b(art.uri, "artifact uri"),
                                              _b(art.sha256, "artifact sha256"))
        except BaseException:
            _lib.scsec_entry_free(ptr)
            raise
        return ptr


# ---------------------------------------------------------------- evidence

CriteriaRef = collections.namedtuple("CriteriaRef", "id version fingerprint")
CriteriaRef.__doc__ = "The criteria set an evidence record answers."


# scsec_evidence_check's verdicts on the record (read from the diagnostics),
# as opposed to failures of the call itself.
_CHECK_VERDICTS = (_native.InvalidContentError.errcode, _native.MismatchError.errcode)


class Evidence(_Owned):
    """An evidence record (scsec_evidence): one supplier's answers.

    Mutable: build or edit it from one thread at a time; once built, any
    number of threads may evaluate it. ``len()``, iteration (entries in id
    order, digit runs by value), ``evidence[id]``, ``get(id)`` and ``in``
    work as for a mapping of ids to :class:`Entry` copies.
    """

    __slots__ = ()
    _free_name = "scsec_evidence_free"
    _kind = "Evidence"

    def __init__(self, criteria=None):
        """An empty record answering @p criteria (a :class:`CriteriaSet`) or none yet."""
        criteria_h = _set_h(criteria, optional=True)
        ptr = _native.evidence_p()
        _lib.scsec_evidence_new(byref(ptr), criteria_h)
        self._adopt(ptr)

    # -- constructors

    @classmethod
    def new(cls, criteria=None):
        """An empty record answering @p criteria."""
        return cls(criteria)

    @classmethod
    def load(cls, path, options=None, diagnostics=None):
        """Load a record from an XML file (plain or gzip)."""
        ptr = _native.evidence_p()
        _load_with_diags(_lib.scsec_evidence_load_file, ptr,
                         (_path(path), _options(options)), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_bytes(cls, data, name=None, options=None, diagnostics=None):
        """Load a record from an XML document in memory."""
        data, size = _buffer(data)
        ptr = _native.evidence_p()
        _load_with_diags(_lib.scsec_evidence_load_memory, ptr,
                         (data, size, _name(name), _options(options)), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_csv(cls, path, criteria=None, options=None, diagnostics=None):
        """Import a filled CSV answer sheet; ids are checked against @p criteria
        (by default the built-in METI set), which the record then names."""
        criteria_h = _set_h(criteria, optional=True)
        ptr = _native.evidence_p()
        _load_with_diags(_lib.scsec_evidence_import_csv, ptr,
                         (_path(path), criteria_h, _options(options)), diagnostics)
        return _new_owned(cls, ptr)

    @classmethod
    def from_csv_bytes(cls, data, criteria=None, name=None, options=None, diagnostics=None):
        """Import a filled CSV answer sheet held in memory."""
        criteria_h = _set_h(criteria, optional=True)
        data, size = _buffer(data)
        ptr = _native.evidence_p()
        _load_with_diags(_lib.scsec_evidence_import_csv_memory, ptr,
                         (data, size, _name(name), criteria_h, _options(options)),
                         diagnostics)
        return _new_owned(cls, ptr)

    def copy(self):
        """An independent copy of the record."""
        ptr = _native.evidence_p()
        _lib.scsec_evidence_dup(byref(ptr), self._h)
        return _new_owned(type(self), ptr)

    __copy__ = copy

    # -- writing

    def to_xml(self):
        """The canonical XML form (bytes)."""
        return _native.take_string(_lib.scsec_evidence_write_memory, self._h)

    def save(self, path, gzip=False):
        """Save the canonical XML form to @p path, atomically."""
        _lib.scsec_evidence_save(self._h, _path(path), _native.WRITE_GZIP if gzip else 0)

    def to_csv(self, criteria=None, level=0, lang=None):
        """The record as a filled CSV answer sheet (bytes, UTF-8 with BOM)."""
        criteria_h = _set_h(criteria, optional=True)
        return _native.take_string(_lib.scsec_evidence_export_csv, self._h, criteria_h,
                                   _rank(level), _b(lang, "lang"))

    @property
    def fingerprint(self):
        """SHA-256 of the canonical form (64 lowercase hex digits)."""
        buf = ctypes.create_string_buffer(_native.FINGERPRINT_BUFSIZE)
        _lib.scsec_evidence_fingerprint(buf, self._h)
        return buf.value.decode("ascii")

    # -- checking

    def check(self, criteria):
        """Check the record against @p criteria: every problem, as :class:`Diagnostics`.

        An empty ``errors`` list means the record is usable (warnings
        allowed); no exception is raised for problems in the record.
        """
        criteria_h = _set_h(criteria)
        with _DiagList() as diags:
            rc = _lib.scsec_evidence_check(self._h, criteria_h, diags.ptr)
            if rc < 0 and rc not in _CHECK_VERDICTS:
                raise _native.error_from_last(rc)
            return diags.read()

    # -- subject and metadata

    @property
    def subject_name(self):
        return _text(_lib.scsec_evidence_subject_name(self._h))

    @subject_name.setter
    def subject_name(self, name):
        _lib.scsec_evidence_set_subject_name(self._h, _b(name, "subject name"))

    @property
    def subject_ids(self):
        """The subject's identifiers, {scheme: value}, ordered by scheme."""
        out = {}
        for i in range(_lib.scsec_evidence_subject_id_count(self._h)):
            scheme, value = c_char_p(), c_char_p()
            _lib.scsec_evidence_subject_id_at(self._h, i, byref(scheme), byref(value))
            out[_text(scheme.value)] = _text(value.value)
        return out

    def add_subject_id(self, scheme, value):
        """Add an identifier, e.g. ("jp-corporate-number", "1234567890123")."""
        _lib.scsec_evidence_add_subject_id(self._h, _b(scheme, "scheme"), _b(value, "value"))

    def remove_subject_id(self, scheme):
        _lib.scsec_evidence_remove_subject_id(self._h, _b(scheme, "scheme"))

    @property
    def criteria(self):
        """The criteria set the record answers (:class:`CriteriaRef`), or None."""
        cid = _text(_lib.scsec_evidence_criteria_id(self._h))
        if cid is None:
            return None
        return CriteriaRef(cid, _text(_lib.scsec_evidence_criteria_version(self._h)),
                           _text(_lib.scsec_evidence_criteria_fingerprint(self._h)))

    def set_criteria(self, criteria, version=None, fingerprint=None):
        """Name the set answered: a :class:`CriteriaSet`, or its id, version
        and (optionally) fingerprint."""
        if isinstance(criteria, CriteriaSet):
            if version is not None or fingerprint is not None:
                raise TypeError("give a CriteriaSet alone, or id and version")
            criteria, version, fingerprint = criteria.id, criteria.version, criteria.fingerprint
        _lib.scsec_evidence_set_criteria(self._h, _b(criteria, "id"), _b(version, "version"),
                                         _b(fingerprint, "fingerprint"))

    @property
    def created(self):
        """When the record was created (RFC 3339 UTC text), or None."""
        return _text(_lib.scsec_evidence_created(self._h))

    @created.setter
    def created(self, timestamp):
        if isinstance(timestamp, datetime.datetime):
            if timestamp.tzinfo is not None:
                timestamp = timestamp.astimezone(datetime.timezone.utc)
            timestamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        _lib.scsec_evidence_set_created(self._h, _b(timestamp, "created"))

    @property
    def tool(self):
        return _text(_lib.scsec_evidence_tool(self._h))

    @tool.setter
    def tool(self, tool):
        _lib.scsec_evidence_set_tool(self._h, _b(tool, "tool"))

    # -- entries

    def _put(self, entry, func):
        if not isinstance(entry, Entry):
            raise TypeError("an Entry is expected, not %s" % type(entry).__name__)
        handle = self._h
        ptr = entry._to_c()
        try:
            func(handle, ptr)      # the record owns ptr from here on
        except BaseException:
            _lib.scsec_entry_free(ptr)
            raise

    def add(self, entry):
        """Add @p entry (ExistsError when its id is already answered)."""
        self._put(entry, _lib.scsec_evidence_add)

    def replace(self, entry):
        """Add @p entry, replacing any entry with the same id."""
        self._put(entry, _lib.scsec_evidence_replace)

    def remove(self, id):
        """Remove the entry for @p id (NotFoundError when there is none)."""
        _lib.scsec_evidence_remove(self._h, _b(id, "id"))

    def get(self, id, default=None):
        ptr = _lib.scsec_evidence_entry(self._h, _b(id, "id"))
        return Entry._from_c(ptr) if ptr else default

    def __getitem__(self, id):
        ptr = _lib.scsec_evidence_entry(self._h, _b(id, "id"))
        if not ptr:
            raise KeyError(id)
        return Entry._from_c(ptr)

    def __delitem__(self, id):
        if not isinstance(id, str):
            raise KeyError(id)
        try:
            self.remove(id)
        except _native.NotFoundError:
            raise KeyError(id) from None

    def __contains__(self, id):
        if not isinstance(id, str):
            return False
        return bool(_lib.scsec_evidence_entry(self._h, _b(id, "id")))

    def __len__(self):
        return _lib.scsec_evidence_entry_count(self._h)

    def __iter__(self):
        i = 0
        while True:
            ptr = _lib.scsec_evidence_entry_at(self._h, i)
            if not ptr:
                return
            yield Entry._from_c(ptr)
            i += 1

    def ids(self):
        """The answered ids, in entry order."""
        h, out = self._h, []
        for i in range(_lib.scsec_evidence_entry_count(h)):
            out.append(_text(_lib.scsec_entry_id(_lib.scsec_evidence_entry_at(h, i))))
        return out

    def __repr__(self):
        if self.closed:
            return "<Evidence closed>"
        return "<Evidence %r, %d entries>" % (self.subject_name, len(self))


# ---------------------------------------------------------------- results

Figures = collections.namedtuple("Figures", "applicable satisfied reasons")
Figures.__doc__ = ("Counts: items that apply, items satisfied, and {reason token: count} "
                   "for the others (they add up).")
LevelResult = collections.namedtuple("LevelResult",
                                     "rank label met applicable satisfied reasons")
LevelResult.__doc__ = "A level's outcome in a result, with its figures."
CategoryFigures = collections.namedtuple("CategoryFigures", "id applicable satisfied reasons")
CategoryFigures.__doc__ = "The figures of a top-level category at the gap level."
Score = collections.namedtuple("Score", "model value max band conditional")
Score.__doc__ = ("The score of a points or deductions set: model token, value, max, band "
                 "label or None, Conditional or None.")


class Gap(collections.namedtuple("Gap", "id reason prerequisite")):
    """An unsatisfied criterion or prerequisite: id, :class:`Reason`, is-prerequisite."""

    __slots__ = ()

    @property
    def type(self):
        return "prerequisite" if self.prerequisite else "criterion"


def _figures(ptr):
    reasons = {r.token: int(_lib.scsec_figures_reason_count(ptr, r.value)) for r in _REASONS}
    return (int(_lib.scsec_figures_applicable(ptr)), int(_lib.scsec_figures_satisfied(ptr)),
            reasons)


class Result(_Owned):
    """The outcome of :func:`evaluate` (scsec_result): immutable, shareable.

    The properties follow the JSON document of doc/evaluation.md:
    ``level`` (0 when nothing is achieved), ``level_label``, ``valid_until``
    and ``as_of`` (:class:`datetime.date`), ``levels``, ``gap_level``,
    ``gaps``, ``functions``, ``categories``, ``score``, ``required_level``
    and ``meets_required`` (None when not determined), and the provenance.
    """

    __slots__ = ()
    _free_name = "scsec_result_free"
    _kind = "Result"

    def __init__(self):
        raise TypeError("results come from scsec.evaluate()")

    def __copy__(self):
        self._h
        return self  # immutable

    @property
    def level(self):
        """The highest level met, 0 when none."""
        return _lib.scsec_result_level(self._h)

    @property
    def level_label(self):
        return _text(_lib.scsec_result_level_label(self._h))

    @property
    def valid_until(self):
        """The last day the achieved level stays valid, or None."""
        return _from_cdate(_lib.scsec_result_valid_until(self._h))

    @property
    def as_of(self):
        return _from_cdate(_lib.scsec_result_as_of(self._h))

    @property
    def levels(self):
        """Every level's outcome (:class:`LevelResult`), by increasing rank."""
        h, out = self._h, []
        for i in range(_lib.scsec_result_level_count(h)):
            rank = _lib.scsec_result_level_rank_at(h, i)
            applicable, satisfied, reasons = _figures(_lib.scsec_result_level_figures_at(h, i))
            out.append(LevelResult(rank, _text(_lib.scsec_result_level_label_at(h, i)),
                                   bool(_lib.scsec_result_level_met_at(h, i)),
                                   applicable, satisfied, reasons))
        return out

    @property
    def gap_level(self):
        return _lib.scsec_result_gap_level(self._h)

    @property
    def gaps(self):
        """The unsatisfied items of the gap level (:class:`Gap`), ordered by id."""
        out = []
        for i in range(_lib.scsec_result_gap_count(self._h)):
            g = _lib.scsec_result_gap_at(self._h, i)
            out.append(Gap(_text(_lib.scsec_gap_id(g)), Reason(_lib.scsec_gap_reason(g)),
                           bool(_lib.scsec_gap_is_prerequisite(g))))
        return out

    @property
    def functions(self):
        """{CSF code: :class:`Figures`} for the functions with applicable
        criteria at the gap level."""
        out = {}
        for fn in Function:
            if fn is Function.NONE:
                continue
            ptr = _lib.scsec_result_function_figures(self._h, fn.value)
            if ptr:
                fig = Figures(*_figures(ptr))
                if fig.applicable:
                    out[fn.token] = fig
        return out

    @property
    def categories(self):
        """Figures per top-level category at the gap level, in the set's order."""
        h, out = self._h, []
        for i in range(_lib.scsec_result_category_count(h)):
            out.append(CategoryFigures(_text(_lib.scsec_result_category_id_at(h, i)),
                                       *_figures(_lib.scsec_result_category_figures_at(h, i))))
        return out

    @property
    def score(self):
        """A :class:`Score` for points and deductions sets, else None."""
        if not _lib.scsec_result_has_score(self._h):
            return None
        cond = Conditional(_lib.scsec_result_conditional(self._h))
        model = ScoringModel(_lib.scsec_criteria_scoring(_lib.scsec_result_criteria(self._h)))
        return Score(model.token, int(_lib.scsec_result_score(self._h)),
                     int(_lib.scsec_result_score_max(self._h)),
                     _text(_lib.scsec_result_band(self._h)),
                     None if cond is Conditional.NONE else cond)

    @property
    def required_level(self):
        """The level the contract requires, or None when not determined."""
        return _lib.scsec_result_required_level(self._h) or None

    @property
    def meets_required(self):
        """True/False, or None when no required level was determined."""
        meets = _lib.scsec_result_meets_required(self._h)
        return None if meets < 0 else bool(meets)

    @property
    def engine(self):
        return _text(_lib.scsec_result_engine(self._h))

    @property
    def criteria_id(self):
        return _text(_lib.scsec_result_criteria_id(self._h))

    @property
    def criteria_version(self):
        return _text(_lib.scsec_result_criteria_version(self._h))

    @property
    def criteria_fingerprint(self):
        return _text(_lib.scsec_result_criteria_fingerprint(self._h))

    @property
    def evidence_fingerprint(self):
        return _text(_lib.scsec_result_evidence_fingerprint(self._h))

    @property
    def subject_name(self):
        return _text(_lib.scsec_result_subject_name(self._h))

    def to_json(self):
        """The JSON document (str; keys in doc/evaluation.md), deterministic."""
        return _native.take_string(_lib.scsec_result_to_json, self._h).decode("utf-8")

    def to_dict(self):
        """The JSON document, parsed."""
        return json.loads(self.to_json())

    def to_xml(self):
        """The XML document (bytes, namespace urn:scsec:result:1), deterministic."""
        return _native.take_string(_lib.scsec_result_to_xml, self._h)

    def save_json(self, path):
        """Write the JSON document to @p path atomically."""
        write_file(path, self.to_json().encode("utf-8"))

    def save_xml(self, path):
        """Write the XML document to @p path atomically."""
        write_file(path, self.to_xml())

    def __repr__(self):
        if self.closed:
            return "<Result closed>"
        return "<Result level=%d valid_until=%s as_of=%s>" % (
            self.level, self.valid_until, self.as_of)


# ---------------------------------------------------------------- evaluation


class _EvalOptions:
    """scsec_eval_options for the duration of one call."""

    def __init__(self, as_of=None, target=None, answers=None, required=None):
        self.ptr = _native.eval_options_p()
        _lib.scsec_eval_options_new(byref(self.ptr))
        try:
            if as_of is not None:
                _lib.scsec_eval_options_set_as_of(self.ptr, _to_cdate(as_of, allow_none=False))
            if target is not None:
                _lib.scsec_eval_options_set_target(self.ptr, _rank(target))
            if answers is not None:
                items = answers.items() if hasattr(answers, "items") else answers
                for question, yes in items:
                    if isinstance(question, Question):
                        question = question.id
                    _lib.scsec_eval_options_set_answer(self.ptr, _b(question, "question"),
                                                       1 if yes else 0)
            if required is not None:
                _lib.scsec_eval_options_set_required(self.ptr, _rank(required))
        except BaseException:
            self.close()
            raise

    def close(self):
        _lib.scsec_eval_options_free(self.ptr)
        self.ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def evaluate(criteria, evidence, as_of=None, target=None, answers=None, required=None):
    """Evaluate @p evidence against @p criteria and return a :class:`Result`.

    @p as_of is the evaluation date (:class:`datetime.date` or 'YYYY-MM-DD';
    today in UTC when None: name one for reproducible results). @p target is
    the level whose gaps to report (rank or :class:`Level`). @p answers
    maps the set's required-level questions to booleans; @p required names
    the required level outright. The GIL is released during the evaluation.
    """
    criteria_h = _set_h(criteria, say_type=True)
    if not isinstance(evidence, Evidence):
        raise TypeError("evidence must be an Evidence, not %s" % type(evidence).__name__)
    with _EvalOptions(as_of, target, answers, required) as opts:
        ptr = _native.result_p()
        _lib.scsec_evaluate(byref(ptr), criteria_h, evidence._h, opts.ptr)
    # the C result keeps its own reference to the set, so it stays complete
    # after the set is closed; from here on the finalizer owns ptr
    return _new_owned(Result, ptr)


def required_level(criteria, answers=None, required=None):
    """The level a contract requires under @p criteria's rule.

    @p answers maps question ids to booleans (every question must be
    answered); @p required names a level outright. None when no level is
    determined.
    """
    criteria_h = _set_h(criteria)
    with _EvalOptions(None, None, answers, required) as opts:
        out = c_int()
        _lib.scsec_criteria_required_level(byref(out), criteria_h, opts.ptr)
    return out.value or None


def validate(source, name=None, options=None):
    """Validate a criteria set, evidence record or result document.

    @p source is a path, or the document's bytes. Returns ``(kind,
    diagnostics)``: a :class:`DocumentKind` and every problem found
    (``diagnostics.ok`` tells whether there is no error).
    """
    kind = c_int()
    with _DiagList() as diags:
        if isinstance(source, (bytes, bytearray, memoryview)):
            data, size = _buffer(source)
            rc = _lib.scsec_document_validate_memory(byref(kind), data, size, _name(name),
                                                     _options(options), diags.ptr)
        else:
            rc = _lib.scsec_document_validate_file(byref(kind), _path(source),
                                                   _options(options), diags.ptr)
        found = diags.read()
    if rc < 0 and not found.errors:
        # Not a verdict on the document (unreadable file, out of memory).
        exc = _native.error_from_last(rc)
        exc.diagnostics = found
        raise exc
    try:
        kind = DocumentKind(kind.value)
    except ValueError:
        kind = DocumentKind.UNKNOWN
    return kind, found


def write_file(path, data, gzip=False):
    """Write @p data to @p path atomically (scsec_file_write), gzip-compressed if asked."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    data, size = _buffer(data)
    _lib.scsec_file_write(_path(path), data, size, _native.WRITE_GZIP if gzip else 0)


def corporate_number_valid(number):
    """True when @p number is a valid Japanese corporate number (法人番号)."""
    return bool(_lib.scsec_corporate_number_valid(_b(number, "number")))


def version():
    """The loaded library's version string ("1.0.0")."""
    return _text(_lib.scsec_version_string())


def version_number():
    """The loaded library's version number (MAJOR * 10000 + MINOR * 100 + PATCH)."""
    return _lib.scsec_version_number()
