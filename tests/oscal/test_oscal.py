"""OSCAL out, through the command line: every exported document validates
against NIST's OSCAL 1.2.1 JSON schemas, round trips give the same set,
and the same inputs give the same bytes.

NIST's schemas are read from $SHARED_DATA/oscal (../shared/data/oscal);
validation uses Debian's python3-jsonschema: when the Python running this
lacks it, the test runs itself again under /usr/bin/python3, and skips (77)
when neither has it or the schemas are absent. The binary is the build
tree's tools/scsec (top_builddir).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

try:
    import jsonschema
except ImportError:  # pragma: no cover - depends on the machine
    jsonschema = None
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)

SRCDIR = os.environ.get("top_srcdir") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SRCDIR, "tests"))
import asan_preload  # noqa: E402  (the bindings test loads the library)
if os.environ.get("SCSEC_LIBRARY"):
    asan_preload.reexec(os.environ["SCSEC_LIBRARY"])
BUILDDIR = os.environ.get("top_builddir") or SRCDIR
SCSEC = os.path.join(BUILDDIR, "tools", "scsec")
SHARED = os.environ.get("SHARED_DATA") or os.path.join(SRCDIR, "..", "shared", "data")
SCHEMAS = os.path.join(SHARED, "oscal")
EXAMPLES = os.path.join(SRCDIR, "data", "examples")
FIXTURES = os.path.join(SRCDIR, "tests", "data", "oscal")
AS_OF = "2026-12-01"
C = "{urn:scsec:criteria:1}"


def _python_patterns(node):
    """NIST's patterns use \\p{L} and \\p{N}, which Python's re lacks: the
    same classes written for re (letters; digits), in a copy."""
    if isinstance(node, dict):
        return {k: (v.replace("\\p{L}", "[^\\W\\d_]").replace("\\p{N}", "\\d")
                    if k == "pattern" and isinstance(v, str) else _python_patterns(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_python_patterns(v) for v in node]
    return node


_VALIDATORS = {}


def validator(model):
    if model not in _VALIDATORS:
        with open(os.path.join(SCHEMAS, "oscal_%s_schema.json" % model), encoding="utf-8") as f:
            schema = _python_patterns(json.load(f))
        _VALIDATORS[model] = jsonschema.Draft7Validator(
            schema, format_checker=jsonschema.FormatChecker())
    return _VALIDATORS[model]


def run(*args, check=True):
    p = subprocess.run([SCSEC] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and p.returncode != 0:
        raise AssertionError("scsec %s: exit %d\n%s" % (" ".join(args), p.returncode,
                                                       p.stderr.decode(errors="replace")))
    return p


def read(path):
    with open(path, "rb") as f:
        return f.read()


def set_summary(path):
    """What a set round trip keeps: identity, frameworks, prerequisites,
    levels, categories, requirements, criteria (texts, levels, references),
    English texts only."""
    root = ET.parse(path).getroot()
    out = {"id": root.get("id"), "version": root.get("version")}
    out["frameworks"] = [(f.get("id"), f.get("title")) for f in root.iter(C + "framework")]
    out["prereqs"] = [p.get("id") for p in root.iter(C + "prerequisite")]
    out["levels"] = [(lv.get("rank"), lv.get("label"), lv.get("method"), lv.get("validity"),
                      lv.get("requires-lower"), [r.get("ref") for r in lv.iter(C + "requires")])
                     for lv in root.iter(C + "level")]

    def en(el, tag):
        for t in el.findall(C + tag):
            if t.get("{http://www.w3.org/XML/1998/namespace}lang") == "en":
                return t.text
        return None

    cats = []

    def walk(el, parent):
        for cat in el.findall(C + "category"):
            cats.append((cat.get("id"), parent, cat.get("function"), en(cat, "title")))
            walk(cat, cat.get("id"))
    walk(root, None)
    out["categories"] = cats
    out["requirements"] = [(r.get("id"), en(r, "name"), en(r, "text"))
                           for r in root.iter(C + "requirement")]
    out["criteria"] = [(c.get("id"), c.get("level"), c.get("levels"), c.get("na-allowed"),
                        c.get("weight"), c.get("poam-eligible"), en(c, "text"),
                        [(r.get("framework"), r.text) for r in c.findall(C + "ref")])
                       for c in root.iter(C + "criterion")]
    return out


@unittest.skipIf(jsonschema is None, "python3-jsonschema is not installed")
@unittest.skipUnless(os.path.isfile(os.path.join(SCHEMAS, "oscal_catalog_schema.json")),
                     "NIST's OSCAL schemas are not in ../shared/data/oscal")
class OscalOut(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_mapping_collection_valid(self):
        # Every built-in mapping set, and one with every attribute, as OSCAL
        # 1.2 mapping-collection JSON (scsec mapping export --format oscal).
        full = self.path("full.xml")
        with open(full, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<mapping-set xmlns="urn:scsec:mapping:1" id="m" version="1" '
                    'provisional="true"><title>All of it</title>'
                    '<source id="meti-sc-2026-03" version="2026.03"/>'
                    '<target id="iso27001" version="2022"/><accept method="third-party"/>'
                    '<mapping source="1-1-1-1" target="A.5.31" relationship="subset-of" '
                    'strength="0.125" coverage="1" rationale="semantic"><note>n</note>'
                    '</mapping><mapping source="1-1-1-2" relationship="no-relationship"/>'
                    '</mapping-set>\n')
        names = [full] + [l.split()[0] for l in run("map", "--list").stdout.decode().splitlines()]
        self.assertGreaterEqual(len(names), 7)
        for i, name in enumerate(names):
            out = self.path("m%d.json" % i)
            run("mapping", "export", name, "--format", "oscal", "-o", out)
            doc = self.assert_valid("mapping", out)
            self.assertIn("maps", doc["mapping-collection"]["mappings"][0])

    def assert_valid(self, model, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator(model).iter_errors(doc), key=lambda e: list(e.path))
        self.assertEqual([], ["%s: %s" % ("/".join(map(str, e.path)), e.message[:300])
                              for e in errors[:10]], path)
        return doc

    def export(self, set_arg, name):
        run("criteria", "export-oscal", set_arg, "-o", self.path(name + ".json"))
        catalog = self.assert_valid("catalog", self.path(name + ".json"))
        profiles = sorted(f for f in os.listdir(self.dir)
                          if f.startswith(name + "_profile-") and f.endswith(".json"))
        for p in profiles:
            self.assert_valid("profile", self.path(p))
        return catalog, profiles

    def test_meti_set_round_trip(self):
        run("criteria", "export", "-o", self.path("orig.xml"))
        catalog, profiles = self.export("meti-sc-2026-03", "meti")
        self.assertEqual(["meti_profile-3.json", "meti_profile-4.json"], profiles)
        self.assertEqual("2026-03-27T00:00:00Z", catalog["catalog"]["metadata"]["last-modified"])
        run("criteria", "import-oscal", self.path("meti.json"),
            "--profile", "3=\u26053:" + self.path("meti_profile-3.json"),
            "--profile", "4=\u26054:" + self.path("meti_profile-4.json"),
            "-o", self.path("back.xml"))
        a, b = set_summary(self.path("orig.xml")), set_summary(self.path("back.xml"))
        for key in a:
            self.assertEqual(a[key], b[key], key)
        self.assertEqual(153, len(b["criteria"]))
        # the set exported again from its re-import: the same profiles but for
        # the UUID, which follows the set's fingerprint (the Japanese texts
        # are not carried, so the fingerprint differs)
        run("criteria", "export-oscal", self.path("back.xml"), "-o", self.path("again.json"))

        def strip(name, href):
            return re.sub(rb'"uuid": "[^"]*"', b"", read(self.path(name)).replace(href, b""))
        self.assertEqual(strip("meti_profile-4.json", b"meti.json"),
                         strip("again_profile-4.json", b"again.json"))
        self.assertNotEqual(read(self.path("meti_profile-4.json")),
                            read(self.path("again_profile-4.json")))

    def test_every_example_set_exports_valid(self):
        for f in sorted(os.listdir(os.path.join(SRCDIR, "data", "criteria", "examples"))):
            with self.subTest(f):
                self.export(os.path.join(SRCDIR, "data", "criteria", "examples", f),
                            os.path.splitext(f)[0])

    def test_imported_oscal_exports_again(self):
        run("criteria", "import-oscal", os.path.join(FIXTURES, "catalog.json"),
            "--profile", "1=LOW:" + os.path.join(FIXTURES, "low.json"),
            "--profile", "2=MODERATE:" + os.path.join(FIXTURES, "moderate.json"),
            "--profile", "3=HIGH:" + os.path.join(FIXTURES, "high.json"),
            "-o", self.path("ex.xml"))
        self.export(self.path("ex.xml"), "ex")
        run("criteria", "import-oscal", self.path("ex.json"),
            "--profile", "1=LOW:" + self.path("ex_profile-1.json"),
            "--profile", "2=MODERATE:" + self.path("ex_profile-2.json"),
            "--profile", "3=HIGH:" + self.path("ex_profile-3.json"),
            "-o", self.path("ex-back.xml"))
        a, b = set_summary(self.path("ex.xml")), set_summary(self.path("ex-back.xml"))
        for key in ("frameworks", "levels", "categories", "requirements", "criteria"):
            self.assertEqual(a[key], b[key], key)

    def test_deterministic(self):
        run("criteria", "export-oscal", "-o", self.path("a.json"))
        run("criteria", "export-oscal", "-o", self.path("b.json"))
        self.assertEqual(read(self.path("a.json")), read(self.path("b.json")))
        ev = os.path.join(EXAMPLES, "minato-logistics.xml")
        for fmt in ("oscal-ar", "oscal-poam"):
            run("evaluate", ev, "--as-of", AS_OF, "--format", fmt, "-o", self.path("1.json"))
            run("evaluate", ev, "--as-of", AS_OF, "--format", fmt, "-o", self.path("2.json"))
            self.assertEqual(read(self.path("1.json")), read(self.path("2.json")), fmt)
        run("evaluate", ev, "--as-of", "2026-12-02", "--format", "oscal-ar",
            "-o", self.path("3.json"))
        self.assertNotEqual(read(self.path("1.json")), read(self.path("3.json")))

    def evaluate(self, name, fmt, check=True):
        out = self.path("%s-%s.json" % (name, fmt))
        p = run("evaluate", os.path.join(EXAMPLES, name + ".xml"), "--as-of", AS_OF,
                "--format", fmt, "-o", out, check=check)
        return p, out

    def test_assessment_results(self):
        for name in ("kitakaze-precision", "minato-logistics", "hoshizora-foods"):
            with self.subTest(name):
                _, out = self.evaluate(name, "oscal-ar")
                doc = self.assert_valid("assessment-results", out)["assessment-results"]
                run("evaluate", os.path.join(EXAMPLES, name + ".xml"), "--as-of", AS_OF,
                    "--format", "json", "-o", self.path("r.json"))
                with open(self.path("r.json"), encoding="utf-8") as f:
                    result = json.load(f)
                self.assertEqual(AS_OF + "T00:00:00Z", doc["metadata"]["last-modified"])
                self.assertEqual(1, len(doc["results"]))
                res = doc["results"][0]
                props = {p["name"]: p["value"] for p in res["props"]}
                self.assertEqual(str(result["level"]), props["achieved-level"])
                self.assertEqual(result.get("valid_until"), props.get("valid-until"))
                for p in res["props"]:
                    self.assertEqual("urn:scsec:oscal:1", p["ns"])
                # a finding per item of the gap level; not-satisfied exactly for the gaps
                gaps = {g["id"]: g["reason"] for g in result["gaps"]}
                failed = {}
                for f in res["findings"]:
                    fp = {p["name"]: p["value"] for p in f["props"]}
                    if f["target"]["status"]["state"] == "not-satisfied":
                        failed[fp["id"]] = fp["reason"]
                    else:
                        self.assertEqual("satisfied", f["target"]["status"]["state"])
                        self.assertNotIn("reason", fp)
                self.assertEqual(gaps, failed)
                # an observation per evidence entry, methods as documented
                record = ET.parse(os.path.join(EXAMPLES, name + ".xml")).getroot()
                entries = list(record.iter("{urn:scsec:evidence:1}entry"))
                self.assertEqual(len(entries), len(res["observations"]))
                methods = {"self": "INTERVIEW", "expert-reviewed": "EXAMINE",
                           "third-party": "TEST"}
                for ob in res["observations"]:
                    op = {p["name"]: p["value"] for p in ob["props"]}
                    if "method" in op:
                        self.assertEqual([methods[op["method"]]], ob["methods"])
                    if "assessed-on" in op:
                        self.assertEqual(op["assessed-on"] + "T00:00:00Z", ob["collected"])
                    if "last-valid-day" in op:
                        self.assertEqual(op["last-valid-day"] + "T23:59:59Z", ob["expires"])

    def test_poam(self):
        p, out = self.evaluate("hoshizora-foods", "oscal-poam")
        doc = self.assert_valid("poam", out)["plan-of-action-and-milestones"]
        self.assertEqual(2, len(doc["poam-items"]))
        _, ar = self.evaluate("hoshizora-foods", "oscal-ar")
        with open(ar, encoding="utf-8") as f:
            findings = {f["uuid"] for f in json.load(f)["assessment-results"]["results"][0]
                        ["findings"]}
        for item in doc["poam-items"]:
            self.assertIn(item["related-findings"][0]["finding-uuid"], findings)
        # no gaps: no POA&M (NIST's schema needs an item), said so, exit 1,
        # nothing written
        p, out = self.evaluate("kitakaze-precision", "oscal-poam", check=False)
        self.assertEqual(1, p.returncode)
        self.assertIn(b"nothing to plan: the result has no gaps", p.stderr)
        self.assertFalse(os.path.exists(out))
        with open(os.path.join(SCHEMAS, "oscal_poam_schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        self.assertEqual(1, schema["definitions"]["oscal-poam-oscal-poam:plan-of-action-and-"
                                                 "milestones"]["properties"]["poam-items"]
                         ["minItems"])


class OscalPython(unittest.TestCase):
    """The bindings' OSCAL calls (PYTHONPATH and SCSEC_LIBRARY as make check sets)."""

    def test_bindings(self):
        try:
            import scsec
        except (ImportError, OSError) as exc:
            self.skipTest("the bindings do not load: %s" % exc)
        s = scsec.CriteriaSet.import_oscal(
            os.path.join(FIXTURES, "catalog.xml"),
            profiles=[(1, "LOW", os.path.join(FIXTURES, "low.json")),
                      (2, "MODERATE", os.path.join(FIXTURES, "moderate.xml"))])
        self.assertEqual(6, len(s))  # ac-2.2.1 and ir-9: HIGH only
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "c.json"), "w", encoding="utf-8") as f:
                f.write(s.to_oscal_catalog())
            for rank in (1, 2):
                with open(os.path.join(d, "p%d.json" % rank), "w", encoding="utf-8") as f:
                    f.write(s.to_oscal_profile(rank, "c.json"))
            back = scsec.CriteriaSet.import_oscal(
                os.path.join(d, "c.json"),
                profiles=[(1, "LOW", os.path.join(d, "p1.json")),
                          (2, "MODERATE", os.path.join(d, "p2.json"))])
        self.assertEqual(s.fingerprint, back.fingerprint)
        c = scsec.CriteriaSet.builtin()
        ev = scsec.Evidence.load(os.path.join(EXAMPLES, "hoshizora-foods.xml"))
        r = scsec.evaluate(c, ev, as_of=AS_OF)
        ar = json.loads(r.to_oscal_assessment_results(ev))["assessment-results"]
        self.assertEqual(len(ev), len(ar["results"][0]["observations"]))
        self.assertNotIn("observations", json.loads(r.to_oscal_assessment_results())
                         ["assessment-results"]["results"][0])
        self.assertEqual(2, len(json.loads(r.to_oscal_poam(ev))
                                ["plan-of-action-and-milestones"]["poam-items"]))


class OscalIn(unittest.TestCase):
    def test_results_round_trip(self):
        """result -> assessment-results -> evidence -> the same level, validity, gaps."""
        with tempfile.TemporaryDirectory() as d:
            for name in ("kitakaze-precision", "minato-logistics", "hoshizora-foods"):
                with self.subTest(name):
                    ev = os.path.join(EXAMPLES, name + ".xml")
                    ar, back = os.path.join(d, name + "-ar.json"), os.path.join(d, name + ".xml")
                    run("evaluate", ev, "--as-of", AS_OF, "--format", "oscal-ar", "-o", ar)
                    p = run("import-oscal-results", ar, "-o", back)
                    self.assertEqual(b"", p.stderr)
                    results = []
                    for record in (ev, back):
                        run("evaluate", record, "--as-of", AS_OF, "--format", "json",
                            "-o", os.path.join(d, "r.json"))
                        with open(os.path.join(d, "r.json"), encoding="utf-8") as f:
                            r = json.load(f)
                        results.append((r["level"], r.get("valid_until"), r["gaps"]))
                    self.assertEqual(results[0], results[1])

    def test_results_from_a_grc_tool(self):
        with tempfile.TemporaryDirectory() as d:
            run("criteria", "import-oscal", os.path.join(FIXTURES, "catalog.json"),
                "--profile", "1=LOW:" + os.path.join(FIXTURES, "low.json"),
                "-o", os.path.join(d, "set.xml"))
            p = run("import-oscal-results", os.path.join(FIXTURES, "ar-foreign.json"),
                    "-c", os.path.join(d, "set.xml"), "-o", os.path.join(d, "rec.xml"))
            self.assertIn(b"finding for 'zz-9'", p.stderr)
            self.assertIn(b"'risks' has no place", p.stderr)
            rec = ET.parse(os.path.join(d, "rec.xml")).getroot()
            entries = {e.get("id"): e for e in rec.iter("{urn:scsec:evidence:1}entry")}
            self.assertEqual(["ac-1", "ac-2"], sorted(entries))
            self.assertEqual(("met", "third-party", "2026-04-10"),
                             (entries["ac-1"].get("status"), entries["ac-1"].get("method"),
                              entries["ac-1"].get("assessed-on")))
            # not assessment-results: exit 3, no output
            p = run("import-oscal-results", os.path.join(FIXTURES, "low.json"),
                    "-c", os.path.join(d, "set.xml"), "-o", os.path.join(d, "x.xml"), check=False)
            self.assertEqual(3, p.returncode)
            self.assertFalse(os.path.exists(os.path.join(d, "x.xml")))

    def test_remote_import_refused(self):
        with tempfile.TemporaryDirectory() as d:
            prof = os.path.join(d, "p.json")
            with open(prof, "w", encoding="utf-8") as f:
                json.dump({"profile": {"uuid": "a", "metadata": {
                    "title": "P", "last-modified": "2026-01-01T00:00:00Z", "version": "1",
                    "oscal-version": "1.1.2"}, "imports": [
                        {"href": "https://example.org/catalog.json", "include-all": {}}]}}, f)
            p = run("criteria", "import-oscal", os.path.join(FIXTURES, "catalog.json"),
                    "--profile", "1=L:" + prof, "-o", os.path.join(d, "s.xml"), check=False)
            self.assertEqual(3, p.returncode)
            self.assertIn(b"never fetches", p.stderr)
            self.assertFalse(os.path.exists(os.path.join(d, "s.xml")))



CONTENT = os.environ.get("SCSEC_OSCAL_CONTENT")


def find_content(*patterns):
    """The first file under $SCSEC_OSCAL_CONTENT (a checkout of NIST's
    usnistgov/oscal-content) whose path matches every regular expression,
    JSON before XML; None when there is none."""
    found = []
    for top, _, names in os.walk(CONTENT):
        for name in names:
            path = os.path.join(top, name)
            rel = os.path.relpath(path, CONTENT)
            if all(re.search(p, rel, re.I) for p in patterns):
                found.append(rel)
    found.sort(key=lambda r: (not r.endswith(".json"), len(r), r))
    return os.path.join(CONTENT, found[0]) if found else None


@unittest.skipUnless(CONTENT and os.path.isdir(CONTENT),
                     "SCSEC_OSCAL_CONTENT does not name a checkout of NIST's oscal-content")
class OscalContent(unittest.TestCase):
    """NIST's own catalogs and baselines (usnistgov/oscal-content), read from
    the directory $SCSEC_OSCAL_CONTENT names; skipped without it. Nothing is
    fetched: the files are the caller's."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="scsec-oscal-content-")

    def tearDown(self):
        self.tmp.cleanup()

    def import_set(self, catalog, profiles=()):
        out = os.path.join(self.tmp.name, "set.xml")
        args = ["criteria", "import-oscal", catalog]
        for rank, (label, path) in enumerate(profiles, 1):
            args += ["--profile", "%d=%s:%s" % (rank, label, path)]
        run(*(args + ["-o", out]))
        root = ET.parse(out).getroot()
        return out, root

    def test_sp800_53_with_its_baselines(self):
        catalog = find_content(r"800-53", r"rev5", r"catalog\.(json|xml)$")
        if not catalog:
            self.skipTest("no SP 800-53 rev5 catalog under SCSEC_OSCAL_CONTENT")
        profiles = []
        for label in ("LOW", "MODERATE", "HIGH"):
            p = find_content(r"800-53", r"rev5", label + r"-baseline_profile\.(json|xml)$")
            if not p:
                self.skipTest("no SP 800-53 rev5 %s baseline profile" % label)
            profiles.append((label, p))
        out, root = self.import_set(catalog, profiles)
        levels = root.findall(C + "level")
        self.assertEqual(["LOW", "MODERATE", "HIGH"], [l.get("label") for l in levels])
        # controls and enhancements that a baseline selects (the others are
        # left out, with a note): rev5 LOW about 150, HIGH about 370
        criteria = list(root.iter(C + "criterion"))
        self.assertGreaterEqual(len(criteria), 300)
        # the baselines nest: every control applies from one level on
        self.assertEqual([], [c.get("id") for c in criteria if c.get("levels")])
        per_level = [sum(1 for c in criteria if int(c.get("level")) <= r) for r in (1, 2, 3)]
        self.assertTrue(100 <= per_level[0] < per_level[1] < per_level[2], per_level)
        ids = {c.get("id") for c in criteria}
        for known in ("ac-1", "ac-2", "ac-2.1", "au-2", "sc-7"):
            self.assertIn(known, ids)
        # and the set goes out as OSCAL again
        cat = os.path.join(self.tmp.name, "again.json")
        run("criteria", "export-oscal", out, "-o", cat)
        if jsonschema is not None and os.path.isdir(SCHEMAS):
            with open(cat, encoding="utf-8") as f:
                doc = json.load(f)
            errors = list(validator("catalog").iter_errors(doc))
            self.assertEqual([], [e.message for e in errors[:3]])

    def test_other_catalogs(self):
        found = 0
        for name, patterns in (("SP 800-171", (r"800-171", r"catalog\.(json|xml)$")),
                               ("CSF 2.0", (r"csf", r"2\.0", r"catalog\.(json|xml)$"))):
            catalog = find_content(*patterns)
            if not catalog:
                continue
            found += 1
            with self.subTest(name):
                _, root = self.import_set(catalog)
                self.assertGreater(len(list(root.iter(C + "criterion"))), 50)
                self.assertGreater(len(root.findall(".//" + C + "category")), 3)
        if not found:
            self.skipTest("neither SP 800-171 nor CSF 2.0 catalogs under SCSEC_OSCAL_CONTENT")


if __name__ == "__main__":
    if not os.access(SCSEC, os.X_OK):
        print("test_oscal: %s not built" % SCSEC)
        sys.exit(77)
    unittest.main()
