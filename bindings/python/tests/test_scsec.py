#!/usr/bin/env python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Tests of the Python bindings (standard library unittest only).

Run by `make check` with SCSEC_LIBRARY, PYTHONPATH, top_srcdir,
top_builddir and SHARED_DATA set; also runs by hand:

    SCSEC_LIBRARY=$(sh tests/built-library.sh build) PYTHONPATH=bindings/python \\
        python3 bindings/python/tests/test_scsec.py -v

Exits 77 (automake's "skipped") when the library cannot be found.
"""

import collections
import concurrent.futures
import ctypes
import datetime
import gc
import gzip
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import unittest
import weakref
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
BINDINGS = os.path.dirname(HERE)
TOP_SRCDIR = os.environ.get("top_srcdir") or os.path.normpath(os.path.join(BINDINGS, "..", ".."))
SHARED_DATA = os.environ.get("SHARED_DATA") or os.path.join(TOP_SRCDIR, "..", "shared", "data")
IPA_SHEET = os.path.join(SHARED_DATA, "ipa-sc-criteria-draft-2025-12.csv")
SKIP = 77


def _find_library():
    """Point SCSEC_LIBRARY at the build tree when it is not set; None if absent."""
    path = os.environ.get("SCSEC_LIBRARY")
    if path:
        return path if os.path.exists(path) else None
    # Where libtool put it (tests/built-library.sh), not a path of our own.
    for top in filter(None, (os.environ.get("top_builddir"), TOP_SRCDIR)):
        script = os.path.join(TOP_SRCDIR, "tests", "built-library.sh")
        if not os.path.exists(os.path.join(top, "lib", "libscsec.la")):
            continue
        p = subprocess.run(["sh", script, top], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, universal_newlines=True)
        cand = p.stdout.strip()
        if p.returncode == 0 and os.path.exists(cand):
            os.environ["SCSEC_LIBRARY"] = cand
            return cand
    return None


if BINDINGS not in sys.path:
    sys.path.insert(0, BINDINGS)

def _preload_asan(library):
    """Re-run under the ASan runtime when the library was built with ASan.

    (./configure --enable-sanitizers: ASan refuses to be loaded by dlopen
    into a process it does not run from the start.) Python's own
    allocations at exit are not leaks of ours: leak detection is turned off.
    """
    try:
        with open(os.path.realpath(library), "rb") as f:
            if b"libasan.so" not in f.read():
                return
    except OSError:
        return
    if "libasan" in os.environ.get("LD_PRELOAD", ""):
        return
    cc = (os.environ.get("CC") or "cc").split()
    try:
        runtime = subprocess.run(cc + ["-print-file-name=libasan.so"], stdout=subprocess.PIPE,
                                 universal_newlines=True).stdout.strip()
    except OSError:
        runtime = ""
    if not os.path.isabs(runtime) or not os.path.exists(runtime):
        print("skipped: %s is built with ASan and its runtime was not found" % library)
        sys.exit(SKIP)
    env = dict(os.environ)
    env["LD_PRELOAD"] = " ".join(filter(None, (runtime, env.get("LD_PRELOAD"))))
    env["ASAN_OPTIONS"] = ":".join(filter(None, (env.get("ASAN_OPTIONS"), "detect_leaks=0")))
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


LIBRARY = _find_library()
if LIBRARY is None and "SCSEC_LIBRARY" in os.environ:
    print("skipped: SCSEC_LIBRARY=%s does not exist" % os.environ["SCSEC_LIBRARY"])
    sys.exit(SKIP)
if LIBRARY is not None:
    _preload_asan(LIBRARY)
try:
    import scsec
    from scsec import _native
except ImportError as exc:
    if LIBRARY is None and "cannot load libscsec" in str(exc):
        print("skipped: libscsec not found (%s)" % exc)
        sys.exit(SKIP)
    raise

LIBRARY = scsec.library_path
D = datetime.date
ASSESSED = D(2026, 4, 1)


def add_years(day, years):
    """day + PnY, clamped to the end of the month (2024-02-29 + P1Y = 2025-02-28)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def star3_evidence(criteria, assessed=ASSESSED, method=scsec.Method.EXPERT_REVIEWED,
                   skip=()):
    """A supplier answering every ★3 criterion and the pledge as met."""
    ev = scsec.Evidence.new(criteria)
    ev.subject_name = "Example Parts Co., Ltd."
    for c in criteria.level(3).criteria:
        if c.id not in skip:
            ev.add(scsec.Entry(c.id, scsec.Status.MET, method, assessed_on=assessed,
                               assessor="A. Expert"))
    ev.add(scsec.Entry("management-pledge", "met", "self", assessed_on=assessed))
    return ev


def result_from_properties(r):
    """The JSON document of doc/evaluation.md, rebuilt from Result properties."""
    def fig(f):
        return {"applicable": f.applicable, "satisfied": f.satisfied, "reasons": f.reasons}

    def day(d):
        return None if d is None else d.isoformat()

    score = r.score
    if score is not None:
        score = {"model": score.model, "value": score.value, "max": score.max,
                 "band": score.band,
                 "conditional": None if score.conditional is None else score.conditional.token}
    return {
        "format": "scsec-result-1",
        "level": r.level,
        "level_label": r.level_label,
        "valid_until": day(r.valid_until),
        "as_of": day(r.as_of),
        "required_level": r.required_level,
        "meets_required": r.meets_required,
        "levels": [dict(l._asdict()) for l in r.levels],
        "gap_level": r.gap_level,
        "gaps": [{"id": g.id, "reason": g.reason.token, "type": g.type} for g in r.gaps],
        "functions": {code: fig(f) for code, f in r.functions.items()},
        "categories": [dict(id=c.id, **fig(c)) for c in r.categories],
        "score": score,
        "subject": {"name": r.subject_name},
        "criteria": {"id": r.criteria_id, "version": r.criteria_version,
                     "fingerprint": r.criteria_fingerprint},
        "evidence": {"fingerprint": r.evidence_fingerprint},
        "engine": dict(zip(("name", "version"), r.engine.split(" ", 1))),
    }


def run_python(code, env=None, cwd=None, python=None):
    """Run a Python snippet in a child process; return the CompletedProcess."""
    full = dict(os.environ)
    full.update(env or {})
    for key, value in list(full.items()):
        if value is None:
            del full[key]
    return subprocess.run([python or sys.executable, "-c", textwrap.dedent(code)], env=full,
                          cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=300)


class TempDirCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="scsec-py-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)


# ---------------------------------------------------------------- loading


class LibraryTest(TempDirCase):
    def test_version(self):
        self.assertIn(scsec.version_number(), _native.SUPPORTED_VERSIONS)
        self.assertRegex(scsec.version(), r"^1\.\d+\.\d+$")
        n = scsec.version_number()
        self.assertEqual(scsec.version(), "%d.%d.%d" % (n // 10000, n // 100 % 100, n % 100))
        self.assertTrue(os.path.exists(scsec.library_path), scsec.library_path)

    def test_gil_released(self):
        # CDLL (not PyDLL) functions release the GIL around the call.
        self.assertIsInstance(_native.lib, ctypes.CDLL)
        self.assertNotIsInstance(_native.lib, ctypes.PyDLL)
        self.assertFalse(_native.lib.scsec_evaluate._flags_ & ctypes._FUNCFLAG_PYTHONAPI)

    def test_signatures_cover_the_export_list(self):
        mapfile = os.path.join(TOP_SRCDIR, "lib", "libscsec.map")
        if not os.path.exists(mapfile):
            self.skipTest("no source tree at %s" % TOP_SRCDIR)
        with open(mapfile, encoding="utf-8") as f:
            exported = set(re.findall(r"^\s+(scsec_\w+);", f.read(), re.M))
        declared = {name for name, _, _ in _native.SIGNATURES}
        self.assertEqual(declared - exported, set())
        self.assertEqual(exported - declared, {"scsec_set_allocator"})
        for name in declared:
            func = getattr(_native.lib, name)
            self.assertIsNotNone(func.argtypes, name)

    def test_every_function_called_is_declared(self):
        declared = {name for name, _, _ in _native.SIGNATURES}
        for module in ("_native.py", "_api.py"):
            with open(os.path.join(BINDINGS, "scsec", module), encoding="utf-8") as f:
                called = set(re.findall(r"\b_?lib\.(scsec_\w+)", f.read()))
            self.assertTrue(called)
            self.assertEqual(called - declared, set(), module)

    def test_signatures_match_the_headers(self):
        incdir = os.path.join(TOP_SRCDIR, "include", "scsec")
        if not os.path.isdir(incdir):
            self.skipTest("no headers at %s" % incdir)
        protos = {}
        for name in os.listdir(incdir):
            if not name.endswith((".h", ".h.in")):
                continue
            with open(os.path.join(incdir, name), encoding="utf-8") as f:
                src = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
            for m in re.finditer(r"SCSEC_API\s+([^;(]*?)\b(scsec_\w+)\s*\(([^;]*?)\)\s*;", src):
                protos[m.group(2)] = (m.group(1), m.group(3))
        pointer_types = (ctypes.c_char_p, ctypes.c_void_p)
        for name, restype, argtypes in _native.SIGNATURES:
            self.assertIn(name, protos)
            ret, params = protos[name]
            params = params.strip()
            nparams = 0 if params in ("", "void") else params.count(",") + 1
            self.assertEqual(len(argtypes), nparams, name)
            if "*" in ret:
                self.assertTrue(isinstance(restype, type) and issubclass(restype, pointer_types),
                                "%s returns a pointer" % name)
            elif ret.strip() == "void":
                self.assertIsNone(restype, name)
            else:
                self.assertIsNot(restype, None, name)
                if restype is not _native.CHECK:
                    self.assertFalse(issubclass(restype, pointer_types), name)
            for ctype, param in zip(argtypes, params.split(",")):
                if "*" in param:
                    self.assertTrue(issubclass(ctype, (ctypes.c_char_p, ctypes.c_void_p,
                                                       ctypes._Pointer)),
                                    "%s: %s" % (name, param))

    def test_handle_types_are_distinct(self):
        meti = scsec.CriteriaSet.builtin()
        ev = scsec.Evidence.new(meti)
        with self.assertRaises(ctypes.ArgumentError):
            _native.lib.scsec_criteria_id(ev)
        with self.assertRaises(TypeError):
            scsec.evaluate(ev, meti)

    def test_loading_rules(self):
        pkg = os.path.join(BINDINGS, "scsec")
        libdir = os.path.dirname(os.path.realpath(LIBRARY))
        probe = "import scsec; print(scsec.library_path)"
        # 1. the environment override, strictly
        p = run_python(probe, {"PYTHONPATH": BINDINGS, "SCSEC_LIBRARY": LIBRARY})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), LIBRARY)
        p = run_python(probe, {"PYTHONPATH": BINDINGS,
                               "SCSEC_LIBRARY": self.path("no-such-libscsec.so.1")})
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError", p.stderr)
        self.assertIn("SCSEC_LIBRARY", p.stderr)
        # 2. the build tree relative to the package: <pkg>/../../../lib/.libs
        tree = self.path("tree")
        shutil.copytree(pkg, os.path.join(tree, "bindings", "python", "scsec"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        os.makedirs(os.path.join(tree, "lib", ".libs"))
        built = os.path.join(tree, "lib", ".libs", "libscsec.so.1")
        shutil.copy(os.path.realpath(LIBRARY), built)
        p = run_python(probe, {"PYTHONPATH": os.path.join(tree, "bindings", "python"),
                               "SCSEC_LIBRARY": None, "LD_LIBRARY_PATH": None})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), built)
        # 3. the soname, through the dynamic loader's search
        os.remove(built)
        p = run_python(probe, {"PYTHONPATH": os.path.join(tree, "bindings", "python"),
                               "SCSEC_LIBRARY": None, "LD_LIBRARY_PATH": libdir})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), "libscsec.so.1")

    def test_staged_make_install(self):
        # make check stages `make install` under $STAGE: the package must be in
        # $pythondir and load the staged libscsec.so.1 by its soname.
        stage, pythondir, libdir = (os.environ.get(k) for k in ("STAGE", "pythondir", "libdir"))
        if not (stage and pythondir and libdir):
            self.skipTest("STAGE, pythondir and libdir are set by make check")
        site = stage + pythondir
        if not os.path.isfile(os.path.join(site, "scsec", "_api.py")):
            self.skipTest("no staged installation of the package in %s" % site)
        p = run_python("""
            import datetime, os, scsec
            print(os.path.dirname(scsec.__file__))
            print(scsec.library_path)
            meti = scsec.CriteriaSet.builtin()
            print(scsec.evaluate(meti, scsec.Evidence.new(meti), as_of="2026-06-01").gap_level)
        """, {"PYTHONPATH": site, "SCSEC_LIBRARY": None, "LD_LIBRARY_PATH": stage + libdir},
            cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.split(), [os.path.join(site, "scsec"), "libscsec.so.1", "3"])

    def test_refuses_other_libraries(self):
        env = {"PYTHONPATH": BINDINGS}
        libc = "libc.so.6"
        p = run_python("import scsec", dict(env, SCSEC_LIBRARY=libc))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("is not libscsec", p.stderr)
        cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
        if not cc:
            self.skipTest("no C compiler to build a fake libscsec 2.0")
        src = self.path("fake.c")
        with open(src, "w") as f:
            f.write("int scsec_version_number(void) { return 20000; }\n")
        fake = self.path("libscsec.so.2")
        built = subprocess.run(cc.split() + ["-shared", "-fPIC", "-o", fake, src],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if built.returncode:
            self.skipTest("cannot build a shared library: %s" % built.stdout[-300:])
        p = run_python("import scsec", dict(env, SCSEC_LIBRARY=fake))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError", p.stderr)
        self.assertIn("libscsec 2.0.0", p.stderr)
        self.assertIn("support libscsec 1.x", p.stderr)


# ---------------------------------------------------------------- criteria


class CriteriaTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.meti = scsec.CriteriaSet.builtin()

    def test_builtin_identity(self):
        self.assertIn("meti-sc-2026-03", scsec.builtin_ids())
        m = self.meti
        self.assertEqual(m.id, "meti-sc-2026-03")
        self.assertEqual(m.id, scsec.CriteriaSet.builtin("meti-sc-2026-03").id)
        self.assertEqual(m.version, "2026.03")
        self.assertRegex(m.fingerprint, r"^[0-9a-f]{64}$")
        self.assertEqual(m.issued, D(2026, 3, 27))
        self.assertEqual(m.scoring, scsec.ScoringModel.ALL_REQUIRED)
        self.assertIn("METI", m.title())
        self.assertIn("★3", m.title("ja"))
        self.assertTrue(m.publisher)
        self.assertEqual(m.framework_title("iso27001"), "ISO/IEC 27001:2022")
        self.assertIsNone(m.framework_title("nope"))

    def test_builtin_levels(self):
        levels = self.meti.levels
        self.assertEqual([(l.rank, l.label) for l in levels], [(3, "★3"), (4, "★4")])
        self.assertEqual([(l.requirement_count, l.criterion_count) for l in levels],
                         [(26, 81), (43, 153)])
        l3, l4 = levels
        self.assertEqual(len(l3.criteria), 81)
        self.assertEqual(len(l4.criteria), 153)
        self.assertEqual((l3.method, l4.method),
                         (scsec.Method.EXPERT_REVIEWED, scsec.Method.THIRD_PARTY))
        self.assertEqual((l3.validity, l4.validity), ("P1Y", "P3Y"))
        self.assertTrue(l3.validity_provisional)
        self.assertFalse(l4.requires_lower)
        self.assertEqual([p.id for p in l3.prerequisites], ["management-pledge"])
        self.assertEqual(l4.prerequisites, ())
        self.assertEqual(self.meti.level(4), l4)
        with self.assertRaises(KeyError):
            self.meti.level(5)

    def test_lookups_and_iteration(self):
        m = self.meti
        self.assertEqual(len(m), 153)
        ids = [c.id for c in m]
        self.assertEqual(len(ids), 153)
        self.assertEqual(len(set(ids)), 153)
        c = m.criterion("4-4-4-2")
        self.assertEqual(c.id, "4-4-4-2")
        self.assertTrue(c.text())
        self.assertEqual(c.function, scsec.Function.PR)
        self.assertEqual(c.function.token, "PR")
        self.assertIn(c.min_level, (3, 4))
        self.assertTrue(c.applies_at(4))
        self.assertTrue(c.applies_at(m.level(4)))
        self.assertIsInstance(c.weight, int)
        self.assertIn(("iso27001", "A.8.8"), c.references)
        req = c.requirement
        self.assertEqual(req.id, "4-4-4")
        self.assertEqual(req, m.requirement("4-4-4"))
        self.assertIn(c, req.criteria)
        self.assertTrue(req.name())
        cat = req.category
        self.assertEqual((cat.id, cat.depth), ("4-4", 1))
        self.assertEqual(cat.parent, m.category("4"))
        self.assertIsNone(cat.parent.parent)
        self.assertEqual(cat.function, scsec.Function.PR)
        self.assertEqual(len(m.requirements), 43)
        self.assertEqual(len([k for k in m.categories if k.depth == 0]), 7)
        self.assertEqual(m.prerequisite("management-pledge").title(), m.prerequisites[0].title())
        self.assertEqual([q.id for q in m.questions],
                         ["confidential-data", "outage-impact", "system-access"])
        self.assertEqual(m.question("outage-impact").level_if_yes, 4)
        self.assertEqual(m.required_default, 3)
        for lookup in (m.criterion, m.requirement, m.category, m.prerequisite, m.question):
            with self.assertRaises(KeyError):
                lookup("no-such-id")
        self.assertEqual(len({c: 1 for c in m.criteria + m.criteria}), 153)  # hashable

    def test_unknown_builtin(self):
        with self.assertRaises(scsec.NotFoundError) as cm:
            scsec.CriteriaSet.builtin("no-such-set")
        self.assertEqual(cm.exception.code, -8)
        self.assertIn("no-such-set", cm.exception.message)
        self.assertIsInstance(cm.exception, scsec.Error)
        self.assertIsInstance(cm.exception, LookupError)

    def test_export_load_from_bytes(self):
        plain, packed = self.path("meti.xml"), self.path("meti.xml.gz")
        self.meti.export(plain)
        self.meti.export(packed, gzip=True)
        with open(plain, "rb") as f:
            data = f.read()
        self.assertEqual(data, self.meti.to_bytes())
        with open(packed, "rb") as f:
            self.assertEqual(gzip.decompress(f.read()), data)
        for loaded in (scsec.CriteriaSet.load(plain), scsec.CriteriaSet.load(packed),
                       scsec.CriteriaSet.from_bytes(data),
                       scsec.CriteriaSet.from_bytes(bytearray(data), name="meti.xml")):
            with loaded:
                self.assertEqual(loaded.fingerprint, self.meti.fingerprint)
                self.assertEqual(loaded.to_bytes(), data)
                self.assertEqual([(l.requirement_count, l.criterion_count)
                                  for l in loaded.levels], [(26, 81), (43, 153)])
        with self.assertRaises(TypeError):
            scsec.CriteriaSet.from_bytes(data.decode("utf-8"))

    def test_template_csv(self):
        sheet = self.meti.template_csv(3)
        self.assertTrue(sheet.startswith(b"\xef\xbb\xbfid,"))
        rows = sheet.decode("utf-8-sig").split("\r\n")
        self.assertEqual(len([r for r in rows if r]), 1 + 81 + 1)
        with self.assertRaises(scsec.InvalidArgumentError):
            self.meti.template_csv(9)

    def test_load_options(self):
        opts = scsec.LoadOptions(max_depth=2, schema_validation=False)
        self.assertEqual(opts.get("max_depth"), 2)
        self.assertEqual(opts.get("schema_validation"), 0)
        self.assertEqual(scsec.LoadOptions().get("max_depth"), 32)
        with self.assertRaises(scsec.LimitError):
            scsec.CriteriaSet.from_bytes(self.meti.to_bytes(), options=opts)
        with self.assertRaises(TypeError):
            scsec.LoadOptions(no_such_option=1)
        with self.assertRaises(scsec.InvalidArgumentError):
            scsec.LoadOptions(max_depth=0)

    def test_ipa_import(self):
        if not os.path.exists(IPA_SHEET):
            self.skipTest("IPA's sheet is not at %s" % IPA_SHEET)
        diags = []
        ipa = scsec.CriteriaSet.import_ipa(IPA_SHEET, diagnostics=diags)
        self.assertEqual([(l.requirement_count, l.criterion_count) for l in ipa.levels],
                         [(26, 83), (44, 157)])
        self.assertEqual(ipa.id, self.meti.id)
        self.assertNotEqual(ipa.fingerprint, self.meti.fingerprint)
        self.assertTrue(ipa.criterion("1-1-1-1").text("ja"))
        self.assertEqual([p.id for p in ipa.level(3).prerequisites], ["management-pledge"])
        with open(IPA_SHEET, "rb") as f:
            again = scsec.CriteriaSet.import_ipa_bytes(f.read(), name=IPA_SHEET,
                                                       rules=self.meti)
        self.assertEqual(again.fingerprint, ipa.fingerprint)

    def test_parse_error_has_location(self):
        bad = self.path("broken.xml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<criteria-set xmlns="urn:scsec:criteria:1" id="x" version="1">\n'
                    '  <title xml:lang="en">Broken</titel>\n'
                    '</criteria-set>\n')
        with self.assertRaises(scsec.ParseError) as cm:
            scsec.CriteriaSet.load(bad)
        e = cm.exception
        self.assertIsInstance(e, scsec.Error)
        self.assertEqual(e.code, -5)
        self.assertEqual(e.file, bad)
        self.assertEqual(e.line, 3)
        self.assertGreater(e.column, 0)
        self.assertTrue(e.message)
        self.assertEqual(str(e), "%s:%d:%d: %s" % (bad, e.line, e.column, e.message))
        self.assertTrue(e.diagnostics)
        self.assertEqual(e.diagnostics[0].line, 3)
        self.assertEqual(e.diagnostics[0].severity, scsec.Severity.ERROR)
        again = pickle.loads(pickle.dumps(e))
        self.assertEqual((type(again), str(again)), (type(e), str(e)))

    def test_semantic_errors(self):
        data = os.path.join(TOP_SRCDIR, "tests", "data", "criteria")
        if not os.path.isdir(data):
            self.skipTest("no test data at %s" % data)
        with self.assertRaises(scsec.InvalidContentError) as cm:
            scsec.CriteriaSet.load(os.path.join(data, "bad-many-problems.xml"))
        self.assertGreater(len(cm.exception.diagnostics), 1)
        self.assertEqual(cm.exception.line, cm.exception.diagnostics[0].line)
        with self.assertRaises(scsec.SchemaError):
            scsec.CriteriaSet.load(os.path.join(data, "bad-missing-lang.xml"))
        with self.assertRaises(scsec.DateError):
            scsec.CriteriaSet.load(os.path.join(data, "bad-zero-validity.xml"))
        with self.assertRaises(scsec.FileError):
            scsec.CriteriaSet.load(self.path("missing.xml"))
        with self.assertRaises(scsec.UnsafeError):
            scsec.CriteriaSet.from_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>'
                                         b'\n<criteria-set/>\n')
        kind, diags = scsec.validate(os.path.join(data, "bad-many-problems.xml"))
        self.assertEqual(kind, scsec.DocumentKind.CRITERIA)
        self.assertFalse(diags.ok)
        kind, diags = scsec.validate(self.meti.to_bytes(), name="meti.xml")
        self.assertEqual((kind, diags.errors), (scsec.DocumentKind.CRITERIA, []))

    def test_exception_hierarchy(self):
        codes = {scsec.NoMemoryError: -2, scsec.InvalidArgumentError: -3, scsec.FileError: -4,
                 scsec.ParseError: -5, scsec.SchemaError: -6, scsec.InvalidContentError: -7,
                 scsec.NotFoundError: -8, scsec.ExistsError: -9, scsec.LimitError: -10,
                 scsec.UnsafeError: -11, scsec.EncodingError: -12, scsec.BusyError: -13,
                 scsec.VersionError: -14, scsec.MismatchError: -15, scsec.DateError: -16,
                 scsec.CryptoError: -17}
        for cls, code in codes.items():
            self.assertTrue(issubclass(cls, scsec.Error))
            self.assertIs(_native.error_class(code), cls)
        self.assertIs(_native.error_class(-1), scsec.Error)
        self.assertIs(_native.error_class(-99), scsec.Error)
        e = scsec.Error(-7, "msg", None, 0, 0)
        self.assertEqual(str(e), "msg")
        self.assertEqual(str(scsec.Error(-7, "msg", "f.xml", 0, 0)), "f.xml: msg")
        self.assertEqual(str(scsec.Error(-7, "msg", "f.xml", 4, 0)), "f.xml:4: msg")


# ---------------------------------------------------------------- evidence


class EvidenceTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.meti = scsec.CriteriaSet.builtin()

    def full_entry(self, id="1-2-1-1"):
        return scsec.Entry(id, status="met", method="third-party",
                           assessed_on=D(2026, 4, 1), expires_on="2027-03-31",
                           assessor="Example Audit KK", assessor_id="EB-0042",
                           justification="All PCs patched", note="メモ",
                           artifacts=[("https://example.test/report.pdf", "AB" * 32),
                                      "https://example.test/photo.png"])

    def test_build_and_edit(self):
        ev = scsec.Evidence.new(self.meti)
        self.assertEqual(len(ev), 0)
        self.assertEqual(ev.criteria, (self.meti.id, self.meti.version, self.meti.fingerprint))
        ev.add(scsec.Entry("1-2-10", "met"))
        ev.add(scsec.Entry("1-2-9", "partial"))
        ev.add(scsec.Entry("1-10-1", "not-met"))
        with self.assertRaises(scsec.ExistsError):
            ev.add(scsec.Entry("1-2-9", "met"))
        self.assertEqual(len(ev), 3)
        self.assertEqual(ev.ids(), ["1-2-9", "1-2-10", "1-10-1"])  # digit runs by value
        self.assertEqual([e.id for e in ev], ev.ids())
        self.assertEqual(ev["1-2-9"].status, scsec.Status.PARTIAL)
        entry = ev["1-2-9"]
        entry.status = scsec.Status.MET
        self.assertEqual(ev["1-2-9"].status, scsec.Status.PARTIAL)  # a copy
        ev.replace(entry)
        self.assertEqual(ev["1-2-9"].status, scsec.Status.MET)
        ev.replace(scsec.Entry("1-3", "met"))
        self.assertEqual(len(ev), 4)
        ev.remove("1-3")
        with self.assertRaises(scsec.NotFoundError):
            ev.remove("1-3")
        del ev["1-10-1"]
        with self.assertRaises(KeyError):
            ev["1-10-1"]
        with self.assertRaises(KeyError):
            del ev["1-10-1"]
        self.assertIsNone(ev.get("nope"))
        self.assertEqual(ev.get("nope", 5), 5)
        self.assertIn("1-2-10", ev)
        self.assertNotIn("1-10-1", ev)
        self.assertEqual(len(ev), 2)
        with self.assertRaises(TypeError):
            ev.add({"id": "x"})

    def test_entry_values_round_trip(self):
        ev = scsec.Evidence.new(self.meti)
        entry = self.full_entry()
        ev.add(entry)
        got = ev["1-2-1-1"]
        self.assertEqual(got, entry)
        self.assertEqual(got.method, scsec.Method.THIRD_PARTY)
        self.assertEqual(got.expires_on, D(2027, 3, 31))
        self.assertEqual(got.artifacts[0].sha256, "ab" * 32)  # stored lowercase
        self.assertIsNone(got.artifacts[1].sha256)
        self.assertEqual(got.note, "メモ")
        ja = scsec.Entry("1-2-1-2", "該当なし", "専門家確認", justification="no servers")
        self.assertEqual((ja.status, ja.method),
                         (scsec.Status.NOT_APPLICABLE, scsec.Method.EXPERT_REVIEWED))
        # a rejected entry leaves the record as it was
        with self.assertRaises(scsec.InvalidArgumentError):
            ev.add(scsec.Entry("1-2-1-3", "met", artifacts=[("x", "not-a-digest")]))
        self.assertEqual(len(ev), 1)
        with self.assertRaises(ValueError):
            scsec.Entry("1-2-1-3", "maybe")
        with self.assertRaises(scsec.DateError):
            scsec.Entry("1-2-1-3", "met", assessed_on="2026-02-29")
        with self.assertRaises(ValueError):
            scsec.Entry("", "met")

    def test_enums(self):
        self.assertEqual([s.value for s in scsec.Status], [0, 1, 2, 3, 4])
        self.assertEqual(scsec.Status.NOT_APPLICABLE.token, "not-applicable")
        self.assertEqual(scsec.Status.parse("実施"), scsec.Status.MET)
        self.assertEqual(scsec.Status.parse(""), scsec.Status.NONE)
        self.assertEqual(scsec.Method.parse("第三者評価"), scsec.Method.THIRD_PARTY)
        self.assertEqual(scsec.Method.EXPERT_REVIEWED.token, "expert-reviewed")
        self.assertTrue(scsec.Method.SELF < scsec.Method.EXPERT_REVIEWED
                        < scsec.Method.THIRD_PARTY)
        self.assertEqual(max(scsec.Method), scsec.Method.THIRD_PARTY)
        self.assertEqual(scsec.Reason.NA_REJECTED.token, "na-rejected")
        self.assertEqual(scsec.Function.parse("RC"), scsec.Function.RC)
        with self.assertRaises(scsec.InvalidArgumentError):
            scsec.Status.parse("maybe")

    def test_subject_and_metadata(self):
        ev = scsec.Evidence.new()
        self.assertIsNone(ev.criteria)
        self.assertIsNone(ev.subject_name)
        ev.subject_name = "株式会社サンプル部品"
        self.assertEqual(ev.subject_name, "株式会社サンプル部品")
        ev.add_subject_id(scsec.ID_SCHEME_JP_CORPORATE, "1234567890123")
        ev.add_subject_id("duns", "123456789")
        self.assertEqual(ev.subject_ids, {"duns": "123456789",
                                          "jp-corporate-number": "1234567890123"})
        with self.assertRaises(scsec.ExistsError):
            ev.add_subject_id("duns", "1")
        ev.remove_subject_id("duns")
        with self.assertRaises(scsec.NotFoundError):
            ev.remove_subject_id("duns")
        ev.set_criteria(self.meti)
        self.assertEqual(ev.criteria.fingerprint, self.meti.fingerprint)
        ev.set_criteria("other-set", "1")
        self.assertEqual(ev.criteria, ("other-set", "1", None))
        with self.assertRaises(scsec.InvalidArgumentError):
            ev.set_criteria("x", "1", "not-hex")
        ev.created = datetime.datetime(2026, 4, 1, 9, 30, tzinfo=datetime.timezone.utc)
        self.assertEqual(ev.created, "2026-04-01T09:30:00Z")
        with self.assertRaises(scsec.InvalidArgumentError):
            ev.created = "yesterday"
        ev.tool = "pytest-free"
        self.assertEqual(ev.tool, "pytest-free")
        ev.subject_name = None
        self.assertIsNone(ev.subject_name)
        self.assertFalse(scsec.corporate_number_valid("1234567890123"))
        with self.assertRaises(ValueError):
            ev.subject_name = "nul\0inside"

    def test_save_load_round_trip(self):
        ev = star3_evidence(self.meti)
        ev.replace(self.full_entry())
        ev.add_subject_id(scsec.ID_SCHEME_JP_CORPORATE, "1234567890123")
        xml = ev.to_xml()
        self.assertTrue(xml.startswith(b"<?xml"))
        plain, packed = self.path("ev.xml"), self.path("ev.xml.gz")
        ev.save(plain)
        ev.save(packed, gzip=True)
        for loaded in (scsec.Evidence.load(plain), scsec.Evidence.load(packed),
                       scsec.Evidence.from_bytes(xml)):
            self.assertEqual(loaded.to_xml(), xml)
            self.assertEqual(loaded.fingerprint, ev.fingerprint)
            self.assertEqual(list(loaded), list(ev))
            self.assertEqual(loaded.subject_name, ev.subject_name)
            self.assertEqual(loaded.subject_ids, ev.subject_ids)
        copy = ev.copy()
        copy.remove("1-2-1-1")
        self.assertIn("1-2-1-1", ev)
        self.assertNotEqual(copy.fingerprint, ev.fingerprint)

    def test_csv_round_trip(self):
        ev = star3_evidence(self.meti)
        ev.replace(self.full_entry())
        sheet = ev.to_csv(self.meti)
        self.assertTrue(sheet.startswith(b"\xef\xbb\xbf"))
        path = self.path("answers.csv")
        with open(path, "wb") as f:
            f.write(sheet)
        back = scsec.Evidence.from_csv(path, self.meti)
        self.assertEqual(list(back), list(ev))
        self.assertEqual(list(scsec.Evidence.from_csv(path)), list(ev))  # default set
        self.assertEqual(list(scsec.Evidence.from_csv_bytes(sheet, self.meti)), list(ev))
        self.assertEqual(back.criteria.id, self.meti.id)

    def test_csv_japanese_sheet(self):
        sheet = ("\ufeffid,status,method,assessed_on,justification\r\n"
                 "1-2-1-1,実施,専門家確認,2026-04-01,\r\n"
                 "1-2-1-2,該当なし,専門家確認,2026-04-01,\"no such\nassets\"\r\n"
                 "1-2-1-3,,,,\r\n").encode("utf-8")
        ev = scsec.Evidence.from_csv_bytes(sheet, self.meti, name="sheet.csv")
        self.assertEqual(ev.ids(), ["1-2-1-1", "1-2-1-2"])  # an empty status gives no entry
        self.assertEqual(ev["1-2-1-2"].status, scsec.Status.NOT_APPLICABLE)
        self.assertEqual(ev["1-2-1-2"].justification, "no such\nassets")

    def test_csv_error_has_row_and_column(self):
        sheet = ("id,status,method,assessed_on\r\n"
                 "1-2-1-1,met,self,2026-04-01\r\n"
                 "1-2-1-2,maybe,self,2026-04-01\r\n"
                 "no-such-criterion,met,self,2026-04-01\r\n").encode("utf-8")
        path = self.path("bad.csv")
        with open(path, "wb") as f:
            f.write(sheet)
        collected = []
        with self.assertRaises(scsec.Error) as cm:
            scsec.Evidence.from_csv(path, self.meti, diagnostics=collected)
        e = cm.exception
        self.assertEqual((e.file, e.line, e.column), (path, 3, 2))
        self.assertIn("maybe", e.message)
        self.assertEqual(len(e.diagnostics), 2)
        self.assertEqual(collected, e.diagnostics)
        self.assertEqual(e.diagnostics[1].line, 4)
        self.assertEqual(e.diagnostics[1].id, "no-such-criterion")
        self.assertTrue(str(e.diagnostics[0]).startswith("%s:3:2: error: " % path))

    def test_check_diagnostics(self):
        ev = star3_evidence(self.meti)
        self.assertEqual(ev.check(self.meti).errors, [])
        ev.add(scsec.Entry("9-9-9-9", "met", "self", assessed_on=ASSESSED))
        ev.replace(scsec.Entry("1-2-1-1", "not-applicable", "expert-reviewed",
                               assessed_on=ASSESSED))
        ev.replace(scsec.Entry("1-2-1-2", "met", "expert-reviewed", assessed_on=ASSESSED,
                               expires_on=D(2026, 1, 1)))
        diags = ev.check(self.meti)
        self.assertIsInstance(diags, scsec.Diagnostics)
        self.assertFalse(diags.ok)
        by_id = {d.id: d for d in diags.errors}
        self.assertEqual(set(by_id), {"9-9-9-9", "1-2-1-1", "1-2-1-2"})
        d = by_id["1-2-1-1"]
        self.assertEqual(d.severity, scsec.Severity.ERROR)
        self.assertLess(d.code, 0)
        self.assertIn("justification", d.message)
        self.assertIn("[1-2-1-1]", str(d))
        other = scsec.Evidence.new()
        other.set_criteria("meti-sc-2026-03", "1999.01")
        diags = other.check(self.meti)
        self.assertFalse(diags.ok)
        self.assertEqual(diags.errors[0].code, -15)


# ---------------------------------------------------------------- evaluation


class EvaluateTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.meti = scsec.CriteriaSet.builtin()

    def test_star3_supplier(self):
        ev = star3_evidence(self.meti)
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1))
        self.assertEqual(r.level, 3)
        self.assertEqual(r.level_label, "★3")
        self.assertEqual(r.valid_until, add_years(ASSESSED, 1) - datetime.timedelta(days=1))
        self.assertEqual(r.valid_until, D(2027, 3, 31))
        self.assertEqual(r.as_of, D(2026, 6, 1))
        l3, l4 = r.levels
        self.assertEqual((l3.rank, l3.label, l3.met, l3.applicable, l3.satisfied),
                         (3, "★3", True, 82, 82))
        self.assertEqual((l4.met, l4.applicable, l4.reasons["missing"], l4.reasons["method"]),
                         (False, 153, 72, 81))
        self.assertEqual(sum(l4.reasons.values()) + l4.satisfied, l4.applicable)
        self.assertEqual(r.gap_level, 4)
        self.assertEqual(len(r.gaps), 153)
        self.assertEqual(r.gaps[0], ("1-1-1-1", scsec.Reason.MISSING, False))
        self.assertEqual(set(r.functions), {"GV", "ID", "PR", "DE", "RS", "RC"})
        self.assertEqual(sum(f.applicable for f in r.functions.values()), 153)
        self.assertEqual([c.id for c in r.categories], list("1234567"))
        self.assertIsNone(r.score)
        self.assertIsNone(r.required_level)
        self.assertIsNone(r.meets_required)
        self.assertEqual(r.subject_name, "Example Parts Co., Ltd.")
        self.assertEqual(r.evidence_fingerprint, ev.fingerprint)
        self.assertEqual(r.criteria_fingerprint, self.meti.fingerprint)
        self.assertEqual(r.engine, "libscsec " + scsec.version())
        # validity: the day after valid_until the level is gone
        self.assertEqual(scsec.evaluate(self.meti, ev, as_of=r.valid_until).level, 3)
        later = scsec.evaluate(self.meti, ev, as_of=r.valid_until + datetime.timedelta(days=1))
        self.assertEqual(later.level, 0)
        self.assertIsNone(later.valid_until)
        self.assertIsNone(later.level_label)
        self.assertEqual({g.reason for g in later.gaps}, {scsec.Reason.EXPIRED})
        # not yet valid before the assessment
        early = scsec.evaluate(self.meti, ev, as_of="2026-03-31")
        self.assertEqual(early.level, 0)

    def test_leap_day_validity(self):
        ev = star3_evidence(self.meti, assessed=D(2024, 2, 29))
        r = scsec.evaluate(self.meti, ev, as_of=D(2024, 6, 1))
        self.assertEqual(r.valid_until, D(2025, 2, 27))  # 2024-02-29 + P1Y = 2025-02-28, - 1 day

    def test_method_and_gaps(self):
        ev = star3_evidence(self.meti, method=scsec.Method.SELF)
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1))
        self.assertEqual(r.level, 0)
        self.assertEqual(r.gap_level, 3)
        self.assertEqual({g.reason for g in r.gaps}, {scsec.Reason.METHOD})
        ev = star3_evidence(self.meti, skip={"4-4-4-2"})
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1), target=3)
        self.assertEqual(r.gaps, [scsec.Gap("4-4-4-2", scsec.Reason.MISSING, False)])
        ev.remove("management-pledge")
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1), target=self.meti.level(3))
        self.assertIn(("management-pledge", scsec.Reason.MISSING, True), r.gaps)
        self.assertEqual(r.gaps[-1].type, "prerequisite")

    def test_star4_by_third_party(self):
        ev = scsec.Evidence.new(self.meti)
        for c in self.meti.level(4).criteria:
            ev.add(scsec.Entry(c.id, "met", "third-party", assessed_on=ASSESSED))
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1),
                           answers={"confidential-data": True, "outage-impact": False,
                                    "system-access": False})
        self.assertEqual(r.level, 4)  # ★3's pledge is not needed for ★4 (rule 4)
        self.assertEqual(r.valid_until, D(2029, 3, 31))
        self.assertEqual(r.gaps, [])
        self.assertEqual((r.required_level, r.meets_required), (4, True))

    def test_required_level(self):
        ev = star3_evidence(self.meti)
        no = {"confidential-data": False, "outage-impact": False, "system-access": False}
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1), answers=no)
        self.assertEqual((r.required_level, r.meets_required), (3, True))
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1),
                           answers=dict(no, **{"system-access": True}))
        self.assertEqual((r.required_level, r.meets_required), (4, False))
        r = scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1), required=4)
        self.assertEqual((r.required_level, r.meets_required), (4, False))
        self.assertEqual(scsec.required_level(self.meti, no), 3)
        self.assertEqual(self.meti.required_level(dict(no, **{"outage-impact": True})), 4)
        self.assertIsNone(scsec.required_level(self.meti))
        with self.assertRaises(scsec.NotFoundError):
            scsec.required_level(self.meti, dict(no, **{"no-such-question": True}))
        with self.assertRaises(scsec.InvalidArgumentError):
            scsec.required_level(self.meti, {"outage-impact": False})
        with self.assertRaises(scsec.NotFoundError):
            scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1), target=7)

    def test_mismatch_and_dates(self):
        ev = scsec.Evidence.new()
        ev.set_criteria("meti-sc-2026-03", "1999.01")
        with self.assertRaises(scsec.MismatchError) as cm:
            scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1))
        self.assertEqual(cm.exception.code, -15)
        with self.assertRaises(scsec.DateError):
            scsec.evaluate(self.meti, scsec.Evidence.new(), as_of="2026-02-30")
        with self.assertRaises(TypeError):
            scsec.evaluate(self.meti, scsec.Evidence.new(), as_of=20260601)
        before = scsec.today()
        r = scsec.evaluate(self.meti, scsec.Evidence.new())
        self.assertIn(r.as_of, (before, scsec.today()))
        self.assertEqual(scsec.parse_date("2024-02-29"), D(2024, 2, 29))
        self.assertEqual(scsec.format_date(D(1, 1, 1)), "0001-01-01")
        self.assertEqual(scsec.format_date(D(9999, 12, 31)), "9999-12-31")

    def assert_json_matches(self, r):
        doc = json.loads(r.to_json())
        self.assertEqual(doc, result_from_properties(r))
        self.assertEqual(r.to_dict(), doc)
        root = ET.fromstring(r.to_xml())
        self.assertEqual(root.tag, "{urn:scsec:result:1}result")
        self.assertEqual(int(root.get("level")), r.level)
        self.assertEqual(root.get("as-of"), r.as_of.isoformat())

    def test_json_equals_properties(self):
        ev = star3_evidence(self.meti, skip={"1-2-1-1"})
        ev.replace(scsec.Entry("2-1-1-1", "partial", "expert-reviewed", assessed_on=ASSESSED))
        ev.replace(scsec.Entry("3-1-1-1", "not-applicable", "expert-reviewed",
                               assessed_on=ASSESSED))
        for kwargs in ({}, {"target": 3},
                       {"answers": {"confidential-data": True, "outage-impact": False,
                                    "system-access": False}}):
            self.assert_json_matches(scsec.evaluate(self.meti, ev, as_of=D(2026, 6, 1),
                                                    **kwargs))
        self.assert_json_matches(scsec.evaluate(self.meti, star3_evidence(self.meti),
                                                as_of=D(2026, 6, 1)))
        self.assert_json_matches(scsec.evaluate(self.meti, scsec.Evidence.new(self.meti),
                                                as_of=D(2026, 6, 1)))

    def test_scored_sets(self):
        data = os.path.join(TOP_SRCDIR, "tests", "data", "criteria")
        if not os.path.isdir(data):
            self.skipTest("no test data at %s" % data)
        for name, model in (("points.xml", "points"), ("deductions.xml", "deductions")):
            cs = scsec.CriteriaSet.load(os.path.join(data, name))
            ev = scsec.Evidence.new(cs)
            first = cs.criteria[0]
            ev.add(scsec.Entry(first.id, "met", "third-party", assessed_on=ASSESSED))
            r = scsec.evaluate(cs, ev, as_of=D(2026, 6, 1))
            self.assertEqual(r.score.model, model)
            self.assert_json_matches(r)

    def test_write_json(self):
        r = scsec.evaluate(self.meti, star3_evidence(self.meti), as_of=D(2026, 6, 1))
        path = self.path("result.json")
        r.save_json(path)
        with open(path, encoding="utf-8") as f:
            self.assertEqual(f.read(), r.to_json())
        r.save_xml(self.path("result.xml"))
        kind, diags = scsec.validate(self.path("result.xml"))
        self.assertEqual((kind, diags.errors), (scsec.DocumentKind.RESULT, []))
        scsec.write_file(self.path("x.gz"), "héllo", gzip=True)
        with gzip.open(self.path("x.gz"), "rt", encoding="utf-8") as f:
            self.assertEqual(f.read(), "héllo")
        with self.assertRaises(scsec.FileError):
            scsec.write_file(self.path("no/such/dir/x"), b"x")


# ---------------------------------------------------------------- memory


class MemoryTest(TempDirCase):
    def test_use_after_close_raises(self):
        meti = scsec.CriteriaSet.builtin()
        level = meti.levels[0]
        ev = star3_evidence(meti)
        r = scsec.evaluate(meti, ev, as_of=D(2026, 6, 1))
        opts = scsec.LoadOptions()
        for obj in (meti, ev, r, opts):
            self.assertFalse(obj.closed)
            obj.close()
            obj.close()  # idempotent
            self.assertTrue(obj.closed)
            self.assertIn("closed", repr(obj))
        for call in (lambda: meti.id, lambda: meti.levels, lambda: len(meti),
                     lambda: level.label, lambda: ev.fingerprint, lambda: len(ev),
                     lambda: ev.add(scsec.Entry("1-2-1-1", "met")), lambda: list(ev),
                     lambda: r.level, lambda: r.to_json(), lambda: opts.get("max_depth"),
                     lambda: scsec.evaluate(meti, scsec.Evidence.new()),
                     lambda: scsec.Evidence.new(meti)):
            with self.assertRaisesRegex(ValueError, "closed"):
                call()
        with self.assertRaisesRegex(ValueError, "closed"):
            with meti:
                pass

    def test_with_statement(self):
        with scsec.CriteriaSet.builtin() as meti, scsec.Evidence.new(meti) as ev:
            with scsec.evaluate(meti, ev, as_of=D(2026, 6, 1)) as r:
                self.assertEqual(r.level, 0)
            self.assertTrue(r.closed)
        self.assertTrue(meti.closed and ev.closed)
        try:
            with scsec.Evidence.new() as ev2:
                raise KeyError("boom")
        except KeyError:
            pass
        self.assertTrue(ev2.closed)

    def test_finalizers_free_exactly_once(self):
        names = ("scsec_criteria_free", "scsec_evidence_free", "scsec_result_free",
                 "scsec_load_options_free")
        lib = _native.lib
        real = {n: getattr(lib, n) for n in names}
        freed = collections.Counter()
        lock = threading.Lock()

        def counting(name):
            def free(ptr):
                with lock:
                    freed[(name, ptr.value)] += 1
                real[name](ptr)
            return free

        created = collections.Counter()
        try:
            for n in names:
                setattr(lib, n, counting(n))

            def note(obj, name):
                created[(name, obj._ptr.value)] += 1
                return obj

            refs = []
            for i in range(20):
                meti = note(scsec.CriteriaSet.builtin(), "scsec_criteria_free")
                ev = note(star3_evidence(meti) if i % 5 == 0 else scsec.Evidence.new(meti),
                          "scsec_evidence_free")
                r = note(scsec.evaluate(meti, ev, as_of=D(2026, 6, 1)), "scsec_result_free")
                opts = note(scsec.LoadOptions(max_depth=8), "scsec_load_options_free")
                refs += [weakref.ref(o) for o in (meti, ev, r, opts)]
                if i % 3 == 0:
                    meti.close()       # explicit close, then garbage collection
                    r.close()
                    r.close()
                if i % 4 == 0:
                    with ev:
                        pass
                if i % 2 == 0:
                    cycle = [ev]       # a reference cycle: only gc frees it
                    cycle.append(cycle)
                del meti, ev, r, opts
            cycle = None
            gc.collect()
            self.assertTrue(all(ref() is None for ref in refs))
            self.assertEqual(len(refs), 80)
        finally:
            for n in names:
                setattr(lib, n, real[n])
        self.assertEqual(sum(created.values()), 80)
        self.assertEqual(freed, created)  # every handle freed, and only once

    def test_copy_and_pickle_never_share_a_handle(self):
        import copy
        meti = scsec.CriteriaSet.builtin()
        ev = star3_evidence(meti)
        r = scsec.evaluate(meti, ev, as_of=D(2026, 6, 1))
        opts = scsec.LoadOptions(max_depth=9)
        self.assertIs(copy.copy(meti), meti)
        self.assertIs(copy.deepcopy(r), r)
        dup = copy.copy(ev)
        self.assertIsNot(dup._ptr.value, ev._ptr.value)
        self.assertEqual(dup.fingerprint, ev.fingerprint)
        dup.close()
        self.assertEqual(len(ev), 82)
        self.assertEqual(copy.deepcopy(opts).get("max_depth"), 9)
        for obj in (meti, ev, r, opts):
            with self.assertRaises(TypeError):
                pickle.dumps(obj)

    def test_borrowed_child_keeps_parent_alive(self):
        meti = scsec.CriteriaSet.builtin()
        ref = weakref.ref(meti)
        level = meti.level(3)
        criterion = meti.criterion("4-4-4-2")
        del meti
        gc.collect()
        self.assertIsNotNone(ref())
        self.assertEqual(level.label, "★3")
        self.assertEqual(criterion.requirement.category.parent.id, "4")
        self.assertIs(level.criteria_set, ref())
        del level
        gc.collect()
        self.assertIsNotNone(ref())
        self.assertEqual(criterion.id, "4-4-4-2")
        del criterion
        gc.collect()
        self.assertIsNone(ref())

    def test_result_outlives_criteria(self):
        meti = scsec.CriteriaSet.builtin()
        ev = star3_evidence(meti)
        r = scsec.evaluate(meti, ev, as_of=D(2026, 6, 1))
        expected = r.to_json()
        meti.close()
        ev.close()
        gc.collect()
        self.assertEqual(r.to_json(), expected)
        self.assertEqual(r.levels[0].label, "★3")

    def test_no_crash_at_interpreter_exit(self):
        code = """
            import datetime, scsec
            meti = scsec.CriteriaSet.builtin()
            level = meti.levels[0]
            ev = scsec.Evidence.new(meti)
            ev.add(scsec.Entry("1-2-1-1", "met", "self", assessed_on=datetime.date(2026, 4, 1)))
            result = scsec.evaluate(meti, ev, as_of=datetime.date(2026, 6, 1))
            cycle = [scsec.Evidence.new(meti), scsec.LoadOptions()]
            cycle.append(cycle)
            closed = scsec.CriteriaSet.builtin()
            closed.close()
            child = scsec.CriteriaSet.builtin().criterion("4-4-4-2")
            print(result.level, level.label, child.id)
        """
        p = run_python(code, {"PYTHONPATH": BINDINGS})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")
        self.assertEqual(p.stdout.split(), ["0", "★3", "4-4-4-2"])


# ---------------------------------------------------------------- threads


class ThreadTest(unittest.TestCase):
    def test_thread_pool_gives_the_sequential_results(self):
        meti = scsec.CriteriaSet.builtin()
        star3 = meti.level(3).criteria
        star4 = meti.level(4).criteria
        methods = list(scsec.Method)[1:]
        records = []
        for i in range(200):
            ev = scsec.Evidence.new(meti)
            ev.subject_name = "Supplier %03d" % i
            assessed = D(2025, 1, 1) + datetime.timedelta(days=(i * 7) % 600)
            for j, c in enumerate(star4 if i % 4 == 0 else star3):
                if (i + j) % 37 == 0 and i % 3:
                    continue
                status = scsec.Status.PARTIAL if (i * j) % 101 == 1 else scsec.Status.MET
                ev.add(scsec.Entry(c.id, status, methods[(i // 4) % 3], assessed_on=assessed))
            if i % 5:
                ev.add(scsec.Entry("management-pledge", "met", "self", assessed_on=assessed))
            records.append(ev)

        def run(ev):
            r = scsec.evaluate(meti, ev, as_of=D(2026, 6, 1),
                               answers={"confidential-data": False, "outage-impact": False,
                                        "system-access": ev.subject_name.endswith("7")})
            return r.level, r.valid_until, r.to_json()

        sequential = [run(ev) for ev in records]
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            parallel = list(pool.map(run, records))
        self.assertEqual(len(parallel), 200)
        self.assertEqual(parallel, sequential)
        self.assertGreater(len({level for level, _, _ in sequential}), 1)
        self.assertEqual(len({doc for _, _, doc in sequential}), 200)

    def test_errors_stay_in_their_thread(self):
        meti = scsec.CriteriaSet.builtin()
        barrier = threading.Barrier(8)

        def fail(i):
            barrier.wait()
            try:
                scsec.CriteriaSet.builtin("missing-%d" % i)
            except scsec.NotFoundError as e:
                return "missing-%d" % i in e.message
            return False

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            self.assertTrue(all(pool.map(fail, range(8))))
        self.assertEqual(meti.id, "meti-sc-2026-03")


# ---------------------------------------------------------------- README


class ReadmeTest(TempDirCase):
    def test_worked_example_runs_and_prints_what_it_says(self):
        readme = os.path.join(BINDINGS, "README")
        with open(readme, encoding="utf-8") as f:
            text = f.read()
        code = re.search(r"^---- example\.py ----\n(.*?)^---- end of example ----$", text,
                         re.S | re.M).group(1)
        printed = re.search(r"^which prints\n\n((?:    .*\n)+)", text, re.M).group(1)
        expected = textwrap.dedent(printed)
        p = run_python(code, {"PYTHONPATH": BINDINGS}, cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, expected)
        with open(self.path("result.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["valid_until"], "2027-03-31")
        self.assertEqual(scsec.validate(self.path("evidence.xml"))[0],
                         scsec.DocumentKind.EVIDENCE)


# ---------------------------------------------------------------- pip


class PipTest(unittest.TestCase):
    def test_pip_install_without_network(self):
        with tempfile.TemporaryDirectory(prefix="scsec-pip-") as tmp:
            src = os.path.join(tmp, "src")
            shutil.copytree(BINDINGS, src, ignore=shutil.ignore_patterns(
                "__pycache__", "build", "*.egg-info", "dist"))
            venv = os.path.join(tmp, "venv")
            made = subprocess.run([sys.executable, "-m", "venv", "--without-pip",
                                   "--system-site-packages", venv],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  universal_newlines=True)
            if made.returncode:
                self.skipTest("python3 -m venv does not work here: %s" % made.stdout[-300:])
            py = os.path.join(venv, "bin", "python")
            env = {"PYTHONPATH": None, "SCSEC_LIBRARY": LIBRARY, "PIP_NO_INPUT": "1",
                   "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
            probe = run_python("""
                import sys
                try:
                    import setuptools  # before pip, which imports the old distutils
                    import pip
                except ImportError as e:
                    sys.exit("missing: %s" % e.name)
                v = tuple(int(x) for x in setuptools.__version__.split(".")[:2])
                if v < (61, 0):
                    sys.exit("setuptools %s is older than 61" % setuptools.__version__)
                if v < (70, 1):
                    try:
                        import wheel
                    except ImportError:
                        sys.exit("setuptools %s needs the 'wheel' package to build a wheel, "
                                 "and it is not installed" % setuptools.__version__)
            """, env, cwd=tmp, python=py)
            if probe.returncode:
                why = (probe.stderr or probe.stdout).strip().splitlines() or ["?"]
                self.skipTest("cannot build a wheel offline with %s: %s"
                              % (sys.executable, why[-1]))
            inst = subprocess.run([py, "-m", "pip", "install", "--no-build-isolation",
                                   "--no-index", "--no-deps", "--no-cache-dir", src],
                                  env=dict((k, v) for k, v in dict(os.environ, **env).items()
                                           if v is not None),
                                  cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  universal_newlines=True, timeout=600)
            self.assertEqual(inst.returncode, 0, inst.stdout)
            check = """
                import datetime, os, sys, scsec
                here = os.path.realpath(scsec.__file__)
                assert here.startswith(os.path.realpath(sys.prefix)), here
                pkg = os.path.dirname(here)
                assert not [f for f in os.listdir(pkg) if ".so" in f], os.listdir(pkg)
                meti = scsec.CriteriaSet.builtin()
                r = scsec.evaluate(meti, scsec.Evidence.new(meti), as_of=datetime.date(2026, 6, 1))
                print(scsec.library_path, r.level, r.gap_level)
            """
            p = run_python(check, env, cwd=tmp, python=py)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout.split()[1:], ["0", "3"])
            # without the override: the soname, found by the dynamic loader
            libdir = os.path.dirname(os.path.realpath(LIBRARY))
            p = run_python(check, dict(env, SCSEC_LIBRARY=None, LD_LIBRARY_PATH=libdir),
                           cwd=tmp, python=py)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout.split(), ["libscsec.so.1", "0", "3"])


# ---------------------------------------------------------------- main


def main():
    # verbose when asked, and in make check's log (not a terminal)
    verbose = "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:] or not sys.stdout.isatty()
    verbosity = 2 if verbose else 1
    argv = [a for a in sys.argv if a not in ("-v", "--verbose")]
    loader = unittest.TestLoader()
    names = argv[1:]
    suite = (loader.loadTestsFromNames(names, sys.modules[__name__]) if names
             else loader.loadTestsFromModule(sys.modules[__name__]))
    print("libscsec %s from %s, Python %s (%s)" % (scsec.version(), scsec.library_path,
                                                  sys.version.split()[0], sys.executable))
    result = unittest.TextTestRunner(verbosity=verbosity, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
