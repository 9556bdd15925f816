#!/usr/bin/env python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Tests of the scsec command line, driving the INSTALLED binary.

`make check` stages an installation with DESTDIR and sets STAGE, bindir,
libdir and top_srcdir; the binary is $STAGE$bindir/scsec, run with
LD_LIBRARY_PATH=$STAGE$libdir. Without STAGE the test is skipped (77).

Standard library only; runs under any Python 3.7+.
"""
import csv
import datetime
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import unittest
import xml.etree.ElementTree as ET

from xlsx_minimal import minimal_xlsx, sheet_xml  # tests/xlsx_minimal.py, beside this file

STAGE = os.environ.get("STAGE")
SRCDIR = os.environ.get("top_srcdir") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(SRCDIR, "data", "examples")
AS_OF = "2026-12-01"

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
EVIDENCE_NS = "{urn:scsec:evidence:1}"
RESULT_NS = "{urn:scsec:result:1}"
REASONS = ["missing", "not-met", "partial", "na-rejected", "method", "not-yet-valid", "expired"]
FUNCTIONS = ["GV", "ID", "PR", "DE", "RS", "RC"]
COMMANDS = ["version", "validate", "criteria", "template", "import-csv", "evaluate",
            "required-level", "batch", "report"]
SUBCOMMANDS = ["list", "show", "export", "import-ipa"]
ALL_NO = ["--answer", "confidential-data=no", "--answer", "outage-impact=no",
          "--answer", "system-access=no"]
ONE_YES = ["--answer", "confidential-data=yes", "--answer", "outage-impact=no",
           "--answer", "system-access=no"]
BATCH_COLUMNS = ["file", "subject", "level", "label", "valid_until", "gaps", "required",
                 "meets", "error"]

# The examples as data/examples/README documents them, as of 2026-12-01.
EXPECTED = {
    "kitakaze-precision": {"level": 4, "valid_until": "2029-02-15", "gaps": []},
    "minato-logistics": {"level": 3, "valid_until": "2027-05-17", "ngaps": 153},
    "hoshizora-foods": {"level": 0, "valid_until": None,
                        "gaps": [("4-4-1-2", "na-rejected"), ("4-4-4-2", "expired")]},
}


def binary():
    return STAGE + os.environ.get("bindir", "/usr/local/bin") + "/scsec"


def environment(extra=None):
    env = dict(os.environ)
    lib = STAGE + os.environ.get("libdir", "/usr/local/lib")
    env["LD_LIBRARY_PATH"] = lib + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    env.pop("SOURCE_DATE_EPOCH", None)
    if extra:
        env.update(extra)
    return env


class Result(object):
    def __init__(self, p):
        self.rc = p.returncode
        self.raw = p.stdout
        self.out = p.stdout.decode("utf-8", "replace")
        self.err = p.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return "rc=%r\n--- stdout\n%s\n--- stderr\n%s" % (self.rc, self.out[:2000], self.err[:2000])


def scsec(*args, **kw):
    """Run the installed scsec; never lets a signal pass unnoticed."""
    p = subprocess.run([binary()] + [str(a) for a in args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=environment(kw.get("env")),
                       cwd=kw.get("cwd"), input=kw.get("input"), timeout=kw.get("timeout", 60))
    r = Result(p)
    if r.rc < 0:
        raise AssertionError("scsec %s ended by signal %d\n%r" % (" ".join(map(str, args)), -r.rc, r))
    return r


def example(name):
    return os.path.join(EXAMPLES, name)


def slurp(path):
    with open(path, "rb") as f:
        return f.read()


# The result's keys, in order, as doc/evaluation.md lists them (used when the
# document is not at hand, as in a distribution tarball).
RESULT_KEYS = ["format", "level", "level_label", "valid_until", "rests_on", "as_of",
               "required_level", "meets_required", "levels", "gap_level", "gaps",
               "unstated_roles", "functions", "categories", "score", "level_items", "subject",
               "criteria", "evidence", "trust", "engine"]


def json_keys_from_doc():
    """The top-level keys of the result JSON as doc/evaluation.md shows them."""
    path = os.path.join(SRCDIR, "doc", "evaluation.md")
    if not os.path.exists(path):
        return RESULT_KEYS
    with open(path, encoding="utf-8") as f:
        text = f.read()
    block = text.split("```json", 1)[1].split("```", 1)[0]
    return re.findall(r'^  "([a-z_]+)":', block, re.M)


class CliTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="scsec-test-")
        self.dir = self.tmp.name

    def tearDown(self):
        os.chmod(self.dir, 0o700)
        self.tmp.cleanup()

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def write(self, name, data):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    def assertStatus(self, r, rc):
        self.assertEqual(r.rc, rc, repr(r))

    def assertNoTempFiles(self, directory=None):
        left = [n for n in os.listdir(directory or self.dir) if ".tmp-" in n]
        self.assertEqual(left, [], "temporary files left behind")

    def evaluate_json(self, *args):
        r = scsec("evaluate", "--format", "json", "--as-of", AS_OF, *args)
        self.assertIn(r.rc, (0, 1), repr(r))
        return json.loads(r.out)


# ---------------------------------------------------------------- basics

class TestBasics(CliTestCase):
    def test_version(self):
        r = scsec("version")
        self.assertStatus(r, 0)
        self.assertRegex(r.out, r"^scsec \d+\.\d+\.\d+ \(libscsec \d+\.\d+\.\d+\)\n$")
        self.assertEqual(scsec("--version").out, r.out)

    def test_version_takes_no_argument(self):
        for argv in (["version", "junk"], ["--version", "junk"]):
            r = scsec(*argv)
            self.assertStatus(r, 2)
            self.assertIn("unexpected argument 'junk'", r.err)
            self.assertIn("usage: scsec version", r.err)
            self.assertEqual(r.out, "")

    def test_no_command_is_usage_error(self):
        r = scsec()
        self.assertStatus(r, 2)
        self.assertIn("usage: scsec COMMAND", r.err)
        self.assertEqual(r.out, "")

    def test_unknown_command(self):
        r = scsec("frobnicate")
        self.assertStatus(r, 2)
        self.assertIn("unknown command 'frobnicate'", r.err)

    def test_main_help_lists_every_command(self):
        for flag in ("--help", "-h", "help"):
            r = scsec(flag)
            self.assertStatus(r, 0)
            for cmd in COMMANDS:
                self.assertIn("  " + cmd + " ", r.out)

    def test_help_on_every_command_and_subcommand(self):
        for cmd in COMMANDS:
            for flag in ("--help", "-h"):
                r = scsec(cmd, flag)
                self.assertStatus(r, 0)
                self.assertTrue(r.out.startswith("usage: scsec " + cmd), repr(r))
                self.assertEqual(r.err, "")
            self.assertEqual(scsec("help", cmd).out, scsec(cmd, "--help").out)
        for sub in SUBCOMMANDS:
            r = scsec("criteria", sub, "--help")
            self.assertStatus(r, 0)
            self.assertTrue(r.out.startswith("usage: scsec criteria " + sub), repr(r))
            self.assertEqual(scsec("help", "criteria", sub).out, r.out)

    def test_unknown_option_on_every_command(self):
        for argv in [[c] for c in COMMANDS] + [["criteria", s] for s in SUBCOMMANDS]:
            r = scsec(*(argv + ["--no-such-option"]))
            self.assertStatus(r, 2)
            self.assertIn("--no-such-option", r.err)
            self.assertIn("usage: scsec", r.err)
            self.assertEqual(r.out, "")

    def test_missing_option_value(self):
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of")
        self.assertStatus(r, 2)
        self.assertIn("needs a value", r.err)


# ---------------------------------------------------------------- criteria

class TestCriteria(CliTestCase):
    def test_list(self):
        r = scsec("criteria", "list")
        self.assertStatus(r, 0)
        self.assertIn("meti-sc-2026-03", r.out)
        sets = json.loads(scsec("criteria", "list", "--format", "json").out)
        self.assertIn({"id", "version", "title", "default"}, [set(s) for s in sets])
        self.assertEqual([s["id"] for s in sets if s["default"]], ["meti-sc-2026-03"])

    def test_show_text(self):
        r = scsec("criteria", "show")
        self.assertStatus(r, 0)
        self.assertIn("meti-sc-2026-03", r.out)
        self.assertIn("81 criteria", r.out)
        self.assertIn("management-pledge", r.out)

    def test_show_json_levels(self):
        r = scsec("criteria", "show", "meti-sc-2026-03", "--format", "json")
        self.assertStatus(r, 0)
        d = json.loads(r.out)
        self.assertEqual(d["id"], "meti-sc-2026-03")
        self.assertEqual(d["version"], "2026.03")
        self.assertRegex(d["fingerprint"], r"^[0-9a-f]{64}$")
        for level in d["levels"]:
            self.assertLessEqual({"rank", "label", "requirements", "criteria"}, set(level))
        levels = {l["rank"]: l for l in d["levels"]}
        self.assertEqual((levels[3]["label"], levels[3]["requirements"], levels[3]["criteria"]),
                         ("★3", 26, 81))
        self.assertEqual((levels[4]["label"], levels[4]["requirements"], levels[4]["criteria"]),
                         ("★4", 43, 153))
        self.assertEqual(levels[3]["prerequisites"], ["management-pledge"])
        self.assertEqual([q["id"] for q in d["required_level"]["questions"]],
                         ["confidential-data", "outage-impact", "system-access"])
        self.assertEqual([c["function"] for c in d["categories"]],
                         ["GV", "GV", "ID", "PR", "DE", "RS", "RC"])

    def test_export_is_canonical_and_fingerprinted(self):
        r = scsec("criteria", "export")
        self.assertStatus(r, 0)
        shown = json.loads(scsec("criteria", "show", "--format", "json").out)
        self.assertEqual(hashlib.sha256(r.raw).hexdigest(), shown["fingerprint"])
        out = self.path("set.xml.gz")
        self.assertStatus(scsec("criteria", "export", "meti-sc-2026-03", "-o", out), 0)
        with gzip.open(out) as f:
            self.assertEqual(f.read(), r.raw)
        self.assertNoTempFiles()
        # A set from a file is usable wherever -c is.
        r2 = scsec("criteria", "show", "-c", out, "--format", "json")
        self.assertStatus(r2, 0)
        self.assertEqual(json.loads(r2.out)["fingerprint"], shown["fingerprint"])
        self.assertStatus(scsec("validate", out), 0)

    def test_unknown_set_names_both_possibilities(self):
        r = scsec("criteria", "show", "no-such-set")
        self.assertStatus(r, 4)
        self.assertIn("no-such-set", r.err)
        self.assertIn("built-in", r.err)
        self.assertIn("file", r.err)
        r = scsec("evaluate", "-c", "no-such-set", example("minato-logistics.xml"))
        self.assertStatus(r, 4)

    def test_show_usage_names_output(self):
        line = "scsec criteria show [SET] [--format text|json] [--lang LANG] [-o OUT]\n"
        self.assertTrue(scsec("criteria", "show", "--help").out.startswith("usage: " + line))
        self.assertIn("       " + line, scsec("criteria", "--help").out)
        out = self.path("show.txt")
        self.assertStatus(scsec("criteria", "show", "-o", out), 0)
        self.assertEqual(slurp(out), scsec("criteria", "show").raw)

    def test_set_given_twice(self):
        self.assertStatus(scsec("criteria", "show", "meti-sc-2026-03", "-c", "meti-sc-2026-03"), 2)

    def test_import_ipa(self):
        sheet = os.path.join(SRCDIR, "tests", "data", "ipa", "single.csv")
        out = self.path("ipa.xml")
        r = scsec("criteria", "import-ipa", sheet, "-o", out)
        self.assertStatus(r, 0)
        self.assertNoTempFiles()
        self.assertIn("criteria: ok", scsec("validate", out).out)
        d = json.loads(scsec("criteria", "show", out, "--format", "json").out)
        self.assertEqual(d["id"], "meti-sc-2026-03")
        self.assertGreater(d["counts"]["criteria"], 0)
        self.assertStatus(scsec("criteria", "import-ipa", sheet), 2)
        self.assertStatus(scsec("criteria", "import-ipa", self.path("missing.csv"), "-o", out), 4)
        bad = self.write("bad.csv", "not,an,ipa,sheet\n1,2,3,4\n")
        self.assertStatus(scsec("criteria", "import-ipa", bad, "-o", self.path("x.xml")), 3)
        self.assertFalse(os.path.exists(self.path("x.xml")))

    def test_subcommand_required(self):
        self.assertStatus(scsec("criteria"), 2)
        self.assertStatus(scsec("criteria", "frob"), 2)


# ---------------------------------------------------------------- template, import-csv

def read_sheet(data):
    text = data.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def write_sheet(path, rows):
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


class TestTemplate(CliTestCase):
    def test_csv(self):
        r = scsec("template")
        self.assertStatus(r, 0)
        self.assertTrue(r.raw.startswith(b"\xef\xbb\xbfid,"))
        rows = read_sheet(r.raw)
        self.assertEqual(len(rows), 154)
        self.assertEqual(rows[0]["id"], "management-pledge")
        for col in ("status", "method", "assessor", "assessed_on", "expires_on", "justification"):
            self.assertIn(col, rows[0])
        self.assertEqual(len(read_sheet(scsec("template", "--level", "3").raw)), 82)
        self.assertEqual(len(read_sheet(scsec("template", "--level", "4").raw)), 153)

    def test_bad_level(self):
        for level in ("5", "0", "x", "-3"):
            r = scsec("template", "--level", level)
            self.assertStatus(r, 2)
            self.assertEqual(r.out, "")

    def test_xml(self):
        r = scsec("template", "--format", "xml")
        self.assertStatus(r, 0)
        root = ET.fromstring(r.raw)
        self.assertEqual(root.tag, EVIDENCE_NS + "evidence")
        self.assertEqual(root.find(EVIDENCE_NS + "criteria").get("id"), "meti-sc-2026-03")
        self.assertEqual(root.findall(EVIDENCE_NS + "entry"), [])
        out = self.path("empty.xml")
        self.assertStatus(scsec("template", "-o", out), 0)  # format from the name
        self.assertStatus(scsec("validate", out), 0)
        self.assertStatus(scsec("template", "--format", "pdf"), 2)


# ---------------------------------------------------------------- Excel workbooks

OPENPYXL_PYTHON = "/usr/bin/python3"  # Debian's python3-openpyxl, an independent reader
XLSX_DUMP = os.path.join(SRCDIR, "tests", "xlsx_dump.py")


def csv_rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8").lstrip("\ufeff"), newline="")))


def col_letter(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


class XlsxTestCase(CliTestCase):
    def dump(self, path):
        """The workbook as openpyxl reads it, or a skip when it cannot."""
        if not os.path.exists(OPENPYXL_PYTHON):
            self.skipTest("no /usr/bin/python3")
        p = subprocess.run([OPENPYXL_PYTHON, XLSX_DUMP, path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
        if p.returncode == 77:
            self.skipTest("python3-openpyxl is not installed")
        self.assertEqual(p.returncode, 0, p.stderr.decode("utf-8", "replace"))
        return json.loads(p.stdout.decode("utf-8"))

    @staticmethod
    def sheet(d, title):
        return [s for s in d["sheets"] if s["title"] == title][0]

    def py(self, script, *args):
        """Run script under /usr/bin/python3 with openpyxl (skip without)."""
        if not os.path.exists("/usr/bin/python3"):
            self.skipTest("no /usr/bin/python3")
        p = subprocess.run(["/usr/bin/python3", "-c",
                            "import sys\ntry:\n    import openpyxl\nexcept ImportError:\n"
                            "    sys.exit(77)\n" + script] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode == 77:
            self.skipTest("python3-openpyxl is not installed")
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        return p.stdout.decode()


class TestTemplateXlsx(XlsxTestCase):
    def check_answers(self, ws, csv_data, statuses, methods, resaved=False):
        """The answer sheet holds the CSV template's rows, its dropdowns,
        date cells, protection and layout. resaved: as LibreOffice saves
        it again, which keeps all that but the frozen pane (its headless
        conversion drops it) and writes '-' in a number format as '\\-'."""
        rows = csv_rows(csv_data)
        header = rows[0]
        n = len(rows) - 1
        self.assertEqual(ws["rows"][1:], [[c.lstrip("'") for c in r] for r in rows[1:]])
        col = {name: i for i, name in enumerate(header)}
        v = {val["sqref"]: val for val in ws["validations"]}
        for name, values in (("status", statuses), ("method", methods)):
            ref = "%s2:%s%d" % (col_letter(col[name]), col_letter(col[name]), n + 1)
            self.assertEqual(v[ref]["type"], "list")
            self.assertEqual(v[ref]["formula1"], '"%s"' % ",".join(values))
        for name in ("assessed_on", "expires_on", "planned_on"):
            ref = "%s2:%s%d" % (col_letter(col[name]), col_letter(col[name]), n + 1)
            self.assertEqual(v[ref]["type"], "date")
            self.assertEqual((v[ref]["formula1"], v[ref]["formula2"]), ("36526", "73050"))
            for r in range(1, n + 1):
                fmt = ws["cells"][r][col[name]]["format"]
                self.assertEqual(fmt.replace("\\", "") if resaved else fmt, "yyyy-mm-dd")
        self.assertEqual(len(ws["validations"]), 5)
        if not resaved:
            self.assertEqual(ws["freeze"], "B2")
        self.assertTrue(ws["protected"])
        self.assertIsNone(ws["password"])
        self.assertFalse(ws["format_columns_locked"])  # widths may change
        for r in range(1, n + 1):
            for i, name in enumerate(header):
                self.assertEqual(ws["cells"][r][i]["locked"], i < col["status"], (r, name))
        self.assertTrue(ws["cells"][1][col["text"]]["wrap"])
        self.assertGreaterEqual(ws["widths"]["F"], 40)
        return header

    def test_english(self):
        out = self.path("sheet.xlsx")
        self.assertStatus(scsec("template", "--level", "3", "-o", out), 0)  # format from the name
        self.assertNoTempFiles()
        self.assertEqual(slurp(out)[:2], b"PK")
        d = self.dump(out)
        self.assertEqual([s["title"] for s in d["sheets"]], ["Instructions", "Answers"])
        csv_data = scsec("template", "--level", "3").raw
        ws = self.sheet(d, "Answers")
        self.assertEqual(ws["rows"][0], csv_rows(csv_data)[0])
        self.check_answers(ws, csv_data, ["met", "partial", "not-met", "not-applicable"],
                           ["self", "expert-reviewed", "third-party"])
        help_ = self.sheet(d, "Instructions")
        text = "\n".join(str(c) for r in help_["rows"] for c in r)
        self.assertIn("scsec import-csv", text)
        self.assertIn("meti-sc-2026-03", text)
        self.assertIn("82", [str(c) for r in help_["rows"] for c in r][:8])
        self.assertTrue(help_["protected"])

    def test_japanese(self):
        out = self.path("sheet.xlsx")
        self.assertStatus(scsec("template", "--format", "xlsx", "--lang", "ja", "-o", out), 0)
        d = self.dump(out)
        self.assertEqual([s["title"] for s in d["sheets"]], ["記入方法", "回答"])
        csv_data = scsec("template", "--lang", "ja").raw
        ws = self.sheet(d, "回答")
        self.assertEqual(ws["rows"][0][:8], ["ID", "種別", "レベル", "分類", "要求事項", "評価基準",
                                             "実施状況", "評価方法"])
        self.check_answers(ws, csv_data, ["実施", "一部実施", "未実施", "該当なし"],
                           ["自己評価", "専門家確認", "第三者評価"])
        text = "\n".join(str(c) for r in self.sheet(d, "記入方法")["rows"] for c in r)
        self.assertIn("回答シート", text)
        self.assertIn("実施状況", text)

    def test_japanese_headers_and_values_import(self):
        """The sheet as a Japanese user fills it, saved as CSV: the Japanese
        headers and the dropdowns' values are read."""
        out = self.path("sheet.xlsx")
        self.assertStatus(scsec("template", "--level", "3", "--lang", "ja", "-o", out), 0)
        ws = self.sheet(self.dump(out), "回答")
        header = ws["rows"][0]
        rows = [list(r) + [""] * (len(header) - len(r)) for r in ws["rows"][1:]]
        for r in rows:
            r[header.index("実施状況")] = "実施"
            r[header.index("評価方法")] = "専門家確認"
            r[header.index("評価日")] = "2026/4/1"
            r[header.index("評価者")] = "山田"
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
        sheet = self.write("filled.csv", "\ufeff" + buf.getvalue())
        r = scsec("import-csv", sheet, "-o", "-")
        self.assertStatus(r, 0)
        entries = ET.fromstring(r.raw).findall(EVIDENCE_NS + "entry")
        self.assertEqual(len(entries), 82)
        d = self.evaluate_json(sheet, "--as-of", "2026-06-01")
        self.assertEqual(d["level"], 3)
        # A second column for the same field, in the other language, is refused.
        dup = self.write("dup.csv", "\ufeffid,status,実施状況\r\nx,met,met\r\n")
        r = scsec("import-csv", dup, "-o", "-")
        self.assertStatus(r, 3)
        self.assertIn("a second 'status' column", r.err)

    def test_refused(self):
        self.assertStatus(scsec("template", "--format", "xlsx", "--level", "9",
                                "-o", self.path("x.xlsx")), 2)
        r = scsec("template", "--format", "xlsx", "-o", self.path("no", "such", "x.xlsx"))
        self.assertNotEqual(r.rc, 0)
        self.assertIn("x.xlsx", r.err)
        self.assertEqual(os.listdir(self.dir), [])

    def test_to_stdout(self):
        r = scsec("template", "--format", "xlsx")
        self.assertStatus(r, 0)
        self.assertEqual(r.raw[:2], b"PK")

    def soffice(self, path, target):
        """path converted by LibreOffice (target: its filter string); the
        file it wrote."""
        soffice = shutil.which("soffice")
        if not soffice:
            if os.environ.get("CI") == "true":  # .ci/install-deps installs it
                self.fail("CI=true but LibreOffice (soffice) is not on PATH")
            self.skipTest("LibreOffice (soffice) is not installed")
        outdir = tempfile.mkdtemp(dir=self.dir)
        p = subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + self.path("lo"),
                            "--convert-to", target, "--outdir", outdir, path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        got = os.listdir(outdir)
        self.assertEqual(len(got), 1, (got, p.stdout, p.stderr))
        return os.path.join(outdir, got[0])

    def test_soffice_round_trip(self):
        # LibreOffice, a third program, reads the template: as CSV it gives
        # the CSV template's rows; saved again as xlsx (its own writer) it
        # keeps the dropdowns, date cells and protection; filled by
        # openpyxl and saved again by LibreOffice, it gives the record the
        # openpyxl workbook gives.
        for lang, answers, statuses, methods, filled in (
                (None, "Answers", ["met", "partial", "not-met", "not-applicable"],
                 ["self", "expert-reviewed", "third-party"], ("met", "partial", "expert-reviewed")),
                ("ja", "回答", ["実施", "一部実施", "未実施", "該当なし"],
                 ["自己評価", "専門家確認", "第三者評価"], ("○", "一部実施", "専門家確認"))):
            lopt = ["--lang", lang] if lang else []
            out = self.path("sheet.xlsx")
            self.assertStatus(scsec("template", "--level", "3", "-o", out, *lopt), 0)
            csv_data = scsec("template", "--level", "3", *lopt).raw
            as_csv = self.soffice(out, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
                                       "false,false,false,2")  # the second sheet, UTF-8
            rows = csv_rows(slurp(as_csv))
            self.assertEqual(rows[1:], csv_rows(csv_data)[1:])
            d = self.dump(self.soffice(out, "xlsx:Calc MS Excel 2007 XML"))
            self.assertEqual([s["title"] for s in d["sheets"]],
                             ["Instructions", "Answers"] if not lang else ["記入方法", "回答"])
            self.check_answers(self.sheet(d, answers), csv_data, statuses, methods, resaved=True)
            # Filled (a status every row, the second one partial), saved again.
            self.py("import datetime\n"
                    "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb[sys.argv[2]]\n"
                    "for i, row in enumerate(ws.iter_rows(min_row=2)):\n"
                    "    row[6].value = sys.argv[4] if i == 1 else sys.argv[3]\n"
                    "    row[7].value = sys.argv[5]\n"
                    "    row[8].value = 'Aoi Mori'\n"
                    "    row[11].value = datetime.date(2026, 3, 2)\n"
                    "    row[14].value = 'rule %d' % i\n"
                    "wb.save(sys.argv[1])\n", out, answers, *filled)
            resaved = self.soffice(out, "xlsx:Calc MS Excel 2007 XML")
            a, b = (self.evaluate_json(p) for p in (out, resaved))
            self.assertEqual(a["evidence"]["fingerprint"], b["evidence"]["fingerprint"])
            self.assertEqual((a["level"], a["gap_level"], a["gaps"]),
                             (b["level"], b["gap_level"], b["gaps"]))
            self.assertIn((rows[2][0], "partial"), [(g["id"], g["reason"]) for g in b["gaps"]])


class TestEvaluateXlsx(XlsxTestCase):
    def test_gaps_workbook(self):
        ev = example("minato-logistics.xml")
        want = self.evaluate_json(ev)
        for lang, titles, reason_missing in ((None, ["Summary", "Gaps"], "not answered"),
                                             ("ja", ["概要", "不足項目"], "回答がありません")):
            out = self.path("gaps.xlsx")
            args = ["evaluate", ev, "--as-of", AS_OF, "--format", "xlsx", "-o", out]
            r = scsec(*(args + (["--lang", lang] if lang else [])))
            self.assertIn(r.rc, (0, 1), repr(r))
            self.assertNoTempFiles()
            d = self.dump(out)
            self.assertEqual([s["title"] for s in d["sheets"]], titles)
            summary = {row[0]: row[1] for row in d["sheets"][0]["rows"]}
            self.assertIn("meti-sc-2026-03", summary.values())
            self.assertIn(want["valid_until"], summary.values())
            self.assertIn(len(want["gaps"]), summary.values())
            gaps = d["sheets"][1]
            self.assertEqual([(row[0], row[2]) for row in gaps["rows"][1:]],
                             [(g["id"], g["reason"]) for g in want["gaps"]])
            self.assertEqual(gaps["freeze"], "B2")
            for row in gaps["rows"][1:]:
                self.assertNotRegex(row[3], r"^reason\.")  # every reason is in the catalogue
                if row[2] == "missing":
                    self.assertEqual(row[3], reason_missing)
        self.assertStatus(scsec("evaluate", ev, "--format", "xlsx", "-o",
                                self.path("no", "such", "g.xlsx")), 4)


class TestBatchXlsx(XlsxTestCase):
    def test_rows_as_the_csv(self):
        out = self.path("batch.xlsx")
        r = scsec("batch", "--as-of", AS_OF, "--format", "xlsx", "-o", out, EXAMPLES)
        self.assertIn(r.rc, (0, 1), repr(r))
        self.assertNoTempFiles()
        want = csv_rows(scsec("batch", "--as-of", AS_OF, EXAMPLES).raw)
        ws = self.dump(out)["sheets"][0]
        self.assertEqual(ws["freeze"], "A2")
        got = [[str(c) for c in row] + [""] * (len(want[0]) - len(row)) for row in ws["rows"]]
        self.assertEqual(got, want)
        self.assertIsInstance(ws["rows"][1][2], int)  # the level is a number


class TestJapaneseSummary(CliTestCase):
    def test_headings_follow_lang(self):
        ev = example("minato-logistics.xml")
        en = scsec("evaluate", ev, "--as-of", AS_OF).out.splitlines()
        ja = scsec("evaluate", ev, "--as-of", AS_OF, "--lang", "ja").out.splitlines()
        self.assertTrue(en[0].startswith("Subject:      "))
        heads = [line.split(":", 1)[0] for line in ja[:6]]
        self.assertEqual(heads, ["評価対象", "回答記録", "評価基準", "レベル", "有効期限", "評価基準日"])
        # The values are the same in both languages, aligned at column 14.
        self.assertEqual([line[14:] for line in en[:6]],
                         [line[14 - sum(1 for ch in line.split(":")[0]):] for line in ja[:6]])
        # The gap heading too, with the same figures.
        m = re.search(r"^Gaps to (\S+): (\d+) \((\d+) of (\d+) items satisfied\)$",
                      "\n".join(en), re.M)
        self.assertIn("%s までの未達: %s 件（%s 項目中 %s 項目を満たす）"
                      % (m.group(1), m.group(2), m.group(4), m.group(3)), ja)


class TestJapaneseFirst(CliTestCase):
    """Issue 14: with --lang ja, what a person reads is Japanese. Whatever
    English is left must be data (the criteria set's and the record's own
    texts, ids, dates, fingerprints), never a sentence of the tool."""

    # Words that are names, not English sentences.
    NAMES = {"NIST", "CSF", "libscsec", "scsec", "sha", "json", "format", "CSV", "JSON"}

    @staticmethod
    def xml_strings(path):
        strings = set()
        if path.endswith(".csv"):
            for row in read_sheet(slurp(path)):
                strings |= {v.strip() for v in row.values() if v and v.strip()}
            return strings
        for el in ET.parse(path).iter():
            for value in [el.text, el.tail] + list(el.attrib.values()):
                if value and value.strip():
                    strings.add(value.strip())
        return strings

    def english_left(self, text, data):
        for d in sorted(data, key=len, reverse=True):
            if len(d) > 3:  # not "3" out of a digest
                text = text.replace(d, " ")
        # ids, dates, versions, digests: anything with a digit; options.
        text = re.sub(r"\S*\d\S*", " ", text)
        text = re.sub(r"--?[a-z]+", " ", text)
        return sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in self.NAMES})

    def data(self, *paths):
        strings = self.xml_strings(os.path.join(SRCDIR, "data", "criteria", "meti-sc-2026-03.xml"))
        for p in paths:
            strings |= self.xml_strings(p)
            strings.add(p)
        return strings

    def variants(self):
        """Records that bring out every part of the summary and the report:
        gaps and projection, an unstated role, a not-applicable answer, a
        level held below another (nesting), a renewal within 90 days."""
        with open(example("minato-logistics.xml"), encoding="utf-8") as f:
            text = f.read()
        na = re.sub(r'(<entry id="1-2-1-2") status="met"(.*?</assessor>)',
                    r'\1 status="not-applicable"\2\n    <justification>No such function '
                    r'here.</justification>', text, count=1, flags=re.S)
        four = TestReportForReader.four_without_pledge(self)
        return [
            (example("minato-logistics.xml"), ["--project"]),
            (self.write("unstated.xml", text.replace(' role="management"', "", 1)), []),
            (self.write("na.xml", na), ["--as-of", "2027-03-01"]),
            (four, ["--target", "4"]),
        ]

    def test_summary(self):
        for ev, extra in self.variants():
            for verbose in ([], ["-v"]):
                r = scsec("evaluate", ev, "--as-of", AS_OF, "--lang", "ja", *(extra + verbose))
                self.assertIn(r.rc, (0, 1), repr(r))
                out = r.out
                if verbose:
                    # the criterion texts are the set's own (English in the
                    # built-in set), cut to the terminal: drop them
                    out = re.sub(r"^(  \S+  \S+\s+).*$", r"\1", out, flags=re.M)
                self.assertEqual(self.english_left(out, self.data(ev)), [], (ev, extra, verbose, r.out))
                self.assertNotIn("%?", out)

    def test_summary_reasons_are_labels(self):
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF, "--lang", "ja", "-v")
        reasons = set(re.findall(r"^  \S+  (\S+)  ", r.out, re.M))
        self.assertEqual(reasons - {"未回答", "未実施", "一部実施", "評価方法不足"}, set())
        self.assertIn("評価方法不足", reasons)

    def report_text(self, ev, *extra):
        out = self.path("report.html")
        r = scsec("report", ev, "--as-of", AS_OF, "--lang", "ja", "-o", out, *extra)
        self.assertIn(r.rc, (0, 1), repr(r))
        root = ET.parse(out).getroot()
        for style in list(root.iter(XHTML + "style")):
            style.text = ""
        texts = ["".join(root.itertext())]
        for el in root.iter():
            texts += [v for k, v in el.attrib.items() if k in ("title", "aria-label")]
        return "\n".join(texts)

    def test_report(self):
        for ev, extra in self.variants():
            text = self.report_text(ev, *extra)
            self.assertEqual(self.english_left(text, self.data(ev)), [], (ev, extra))
            self.assertNotIn("%?", text)
        # the sentences really are there, in Japanese
        text = self.report_text(self.variants()[3][0], "--target", "4")
        self.assertIn("レベルは入れ子ではありません", text)
        self.assertIn("は達成していますが", text)

    def test_dashboard(self):
        # scsec portfolio --lang ja: every section (contracts below and met,
        # levels expiring, a supplier without evidence, the projection, a
        # table long enough to page) says nothing in English but data.
        ev = os.path.join(self.dir, "ev")
        os.makedirs(ev)
        for name in ("minato-logistics.xml", "kitakaze-precision.xml", "hoshizora-foods.xml"):
            shutil.copy(example(name), ev)
        with open(example("kitakaze-precision.xml"), encoding="utf-8") as f:
            kitakaze = f.read()
        for i in range(60):
            self.write("ev/s%02d.xml" % i, kitakaze.replace(
                '<identifier scheme="jp-corporate-number">1180301012345</identifier>',
                '<identifier scheme="x-test">S%02d</identifier>' % i))
        contracts = self.write("contracts.csv", "supplier,contract,required\n"
                                                "8010401098765,c-1,4\n1180301012345,c-2,3\n"
                                                "9999999999999,c-3,3\n")
        out = self.path("dash.html")
        r = scsec("portfolio", "--as-of", AS_OF, "--lang", "ja", "--within", "400", "--project",
                  "--contracts", contracts, ev, "-o", out)
        self.assertStatus(r, 0)
        root = ET.parse(out).getroot()
        self.assertEqual(root.get("lang"), "ja")
        for el in list(root.iter(XHTML + "style")) + list(root.iter(XHTML + "script")):
            el.text = ""
        text = "\n".join(["".join(root.itertext())] +
                         [v for el in root.iter() for k, v in el.attrib.items()
                          if k in ("title", "aria-label")])
        data = self.data(*[os.path.join(ev, n) for n in os.listdir(ev)]) | {ev}
        self.assertEqual(self.english_left(text, data), [], text[:3000])
        self.assertNotIn("%?", text)
        for want in ("取引先ポートフォリオ", "要求レベルに未達の取引先", "400 日以内に期限切れ",
                     "回答記録なし", "目標の達成見込み", "63 行中 1\u201350 行", "前へ", "次へ"):
            self.assertIn(want, text)
        pos = root.find(".//%sp[@id='t-suppliers-pager']/%sspan" % (XHTML, XHTML))
        self.assertEqual(pos.get("data-fmt"), "{n} 行中 {first}\u2013{last} 行")

    def test_english_unchanged_by_the_catalogue(self):
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF)
        self.assertIn("Gaps to ★4: 153 (0 of 153 items satisfied)", r.out)
        self.assertRegex(r.out, r"\n153 gaps: -v lists each one, --format json gives them all "
                                r"with their reasons.\n$")
        self.assertRegex(r.out, r"\n  \d+ missing, \d+ not-met, \d+ partial, \d+ method\n")


class TestImportCsv(CliTestCase):
    def sheet(self, edit):
        rows = read_sheet(scsec("template", "--level", "3").raw)
        for row in rows:
            edit(row)
        path = self.path("answers.csv")
        write_sheet(path, rows)
        return path

    @staticmethod
    def all_met(row):
        row.update(status="met", method="expert-reviewed", assessed_on="2026-04-01",
                   assessor="Expert")

    def test_subject_ids(self):
        sheet = self.sheet(self.all_met)
        r = scsec("import-csv", sheet, "-o", "-", "--subject-id", "duns:1:2",
                  "--subject-id", "lei:X")
        self.assertStatus(r, 0)
        ids = {i.get("scheme"): i.text for i in ET.fromstring(r.raw).iter(EVIDENCE_NS + "identifier")}
        self.assertEqual(ids, {"duns": "1:2", "lei": "X"})
        r = scsec("import-csv", sheet, "-o", "-", "--subject-id", "duns:1",
                  "--subject-id", "duns:2")
        self.assertStatus(r, 2)
        self.assertIn("a second identifier of scheme 'duns'", r.err)
        self.assertEqual(r.out, "")
        for bad in ("", ":1", "duns:"):
            self.assertStatus(scsec("import-csv", sheet, "-o", "-", "--subject-id", bad), 2)

    def test_import_and_evaluate(self):
        sheet = self.sheet(self.all_met)
        out = self.path("supplier.xml")
        r = scsec("import-csv", sheet, "-o", out, "--subject-name", "Example Parts Co., Ltd.",
                  "--subject-id", "1180301012345", "--subject-id", "duns:123456789")
        self.assertStatus(r, 0)
        self.assertNoTempFiles()
        root = ET.parse(out).getroot()
        self.assertEqual(root.find(EVIDENCE_NS + "subject/" + EVIDENCE_NS + "name").text,
                         "Example Parts Co., Ltd.")
        ids = {i.get("scheme"): i.text for i in root.iter(EVIDENCE_NS + "identifier")}
        self.assertEqual(ids, {"jp-corporate-number": "1180301012345", "duns": "123456789"})
        self.assertRegex(root.find(EVIDENCE_NS + "created").text, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertRegex(root.find(EVIDENCE_NS + "tool").text, r"^scsec \d+\.\d+\.\d+$")
        self.assertEqual(len(root.findall(EVIDENCE_NS + "entry")), 82)
        for path in (out, sheet):
            d = self.evaluate_json(path, "--as-of", "2026-06-01")
            self.assertEqual(d["level"], 3)
            self.assertEqual(d["valid_until"], "2027-03-31")

    def test_source_date_epoch(self):
        sheet = self.sheet(self.all_met)
        out = self.path("a.xml")
        r = scsec("import-csv", sheet, "-o", out, env={"SOURCE_DATE_EPOCH": "1775030400"})
        self.assertStatus(r, 0)
        self.assertEqual(ET.parse(out).getroot().find(EVIDENCE_NS + "created").text,
                         "2026-04-01T08:00:00Z")
        first = slurp(out)
        scsec("import-csv", sheet, "-o", out, env={"SOURCE_DATE_EPOCH": "1775030400"})
        self.assertEqual(slurp(out), first)

    def test_check_errors_stop_it_unless_forced(self):
        def edit(row):
            self.all_met(row)
            if row["id"] == "4-4-1-2":
                row["status"] = "not-applicable"
        sheet = self.sheet(edit)
        out = self.path("x.xml")
        r = scsec("import-csv", sheet, "-o", out)
        self.assertStatus(r, 3)
        self.assertRegex(r.err, r"answers\.csv:\d+:\d+: error: .*4-4-1-2")
        self.assertFalse(os.path.exists(out))
        r = scsec("import-csv", sheet, "-o", out, "--force")
        self.assertStatus(r, 0)
        self.assertIn("error:", r.err)
        self.assertTrue(os.path.exists(out))

    def test_invalid_corporate_number(self):
        sheet = self.sheet(self.all_met)
        out = self.path("x.xml")
        r = scsec("import-csv", sheet, "-o", out, "--subject-id", "1234567890123")
        self.assertStatus(r, 3)
        self.assertIn("corporate number", r.err)
        self.assertFalse(os.path.exists(out))

    def test_bad_sheet_contents(self):
        def edit(row):
            self.all_met(row)
            if row["id"] == "1-2-1-1":
                row["status"] = "maybe"
            if row["id"] == "1-2-1-2":
                row["assessed_on"] = "2026-02-30"
        sheet = self.sheet(edit)
        r = scsec("import-csv", sheet, "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertRegex(r.err, r"answers\.csv:\d+:\d+: error: status 'maybe'")
        self.assertRegex(r.err, r"answers\.csv:\d+:\d+: error: .*2026-02-30")
        self.assertNoTempFiles()

    def test_usage(self):
        sheet = self.sheet(self.all_met)
        self.assertStatus(scsec("import-csv", sheet), 2)
        self.assertStatus(scsec("import-csv", "-o", self.path("x.xml")), 2)
        self.assertStatus(scsec("import-csv", sheet, "-o", self.path("x.xml"), "--subject-name", ""), 2)
        self.assertStatus(scsec("import-csv", sheet, "-o", self.path("x.xml"), "--subject-id", "x:"), 2)
        self.assertStatus(scsec("import-csv", self.path("missing.csv"), "-o", self.path("x.xml")), 4)


# ---------------------------------------------------------------- evaluate

class TestEvaluate(CliTestCase):
    def test_examples_reach_the_documented_levels(self):
        for name, want in EXPECTED.items():
            for ext in (".csv", ".xml"):
                d = self.evaluate_json(example(name + ext))
                self.assertEqual(d["level"], want["level"], name + ext)
                self.assertEqual(d["valid_until"], want["valid_until"], name + ext)
                if "gaps" in want:
                    self.assertEqual([(g["id"], g["reason"]) for g in d["gaps"]], want["gaps"])
                else:
                    self.assertEqual(len(d["gaps"]), want["ngaps"])
        d = self.evaluate_json(example("kitakaze-precision.xml"))
        self.assertEqual([(l["rank"], l["met"]) for l in d["levels"]], [(3, False), (4, True)])
        self.assertTrue(d["subject"]["name"].startswith("北風精密工業"))

    def test_json_keys(self):
        d = self.evaluate_json(example("minato-logistics.xml"), *ALL_NO)
        keys = json_keys_from_doc()
        self.assertIn("level", keys)
        self.assertEqual(list(d.keys()), keys)
        self.assertEqual(d["format"], "scsec-result-1")
        self.assertEqual((d["level"], d["level_label"], d["as_of"]), (3, "★3", AS_OF))
        self.assertEqual((d["required_level"], d["meets_required"]), (3, True))
        self.assertEqual(d["gap_level"], 4)
        self.assertEqual(d["criteria"]["id"], "meti-sc-2026-03")
        self.assertRegex(d["criteria"]["fingerprint"], r"^[0-9a-f]{64}$")
        self.assertRegex(d["evidence"]["fingerprint"], r"^[0-9a-f]{64}$")
        self.assertEqual(d["engine"]["name"], "libscsec")
        self.assertIsNone(d["score"])
        self.assertEqual(set(d["functions"]), set(FUNCTIONS))
        for g in d["gaps"]:
            self.assertEqual(set(g), {"id", "reason", "type"})
        figures = [l for l in d["levels"]] + list(d["functions"].values()) + d["categories"]
        for f in figures:
            self.assertEqual(list(f["reasons"]), REASONS)
            self.assertEqual(f["satisfied"] + sum(f["reasons"].values()), f["applicable"])

    def test_text_summary_counts_not_applicable(self):
        # Issue 13.6: the not-applicable answers a level rests on are shown,
        # per level and, at the gap level, per top-level category.
        doc = os.path.join(SRCDIR, "tests", "data", "evidence", "doc-example.xml")
        r = scsec("evaluate", doc, "--as-of", "2026-06-01")
        self.assertStatus(r, 0)
        self.assertIn("\nNot applicable: ★3: 1 of 4 satisfied, ★4: 0 of 0 satisfied\n"
                      "  at ★3 by category: 4: 1\n", r.out)
        r = scsec("report", doc, "--as-of", "2026-06-01", "-o", "-")
        self.assertIn("(1 not applicable)", r.out)

    def test_deterministic(self):
        a = scsec("evaluate", example("hoshizora-foods.xml"), "--as-of", AS_OF, "--format", "json")
        b = scsec("evaluate", example("hoshizora-foods.xml"), "--as-of", AS_OF, "--format", "json")
        self.assertEqual(a.raw, b.raw)

    def test_text_summary(self):
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF)
        self.assertStatus(r, 0)
        self.assertIn("Level:        ★3 (3)\n", r.out)
        self.assertIn("Valid until:  2027-05-17\n", r.out)
        self.assertIn("As of:        2026-12-01\n", r.out)
        self.assertIn("\n1 Governance\n", r.out)
        # 153 gaps: counts per category and reason, not one line each ...
        self.assertIn("\n1 Governance\n  2 not-met, 1 partial, 16 method\n", r.out)
        self.assertIn("\n153 gaps: -v lists each one", r.out)
        self.assertNotIn("1-1-1-1", r.out)
        # ... unless -v asks for every one.
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF, "-v")
        self.assertStatus(r, 0)
        self.assertRegex(r.out, r"\n  1-1-1-1  method +Internal security rules")
        self.assertEqual(len([l for l in r.out.splitlines() if l.startswith("  ") and "-" in l[:12]]),
                         153)
        r = scsec("evaluate", example("hoshizora-foods.csv"), "--as-of", AS_OF)
        self.assertStatus(r, 0)
        self.assertIn("Level:        no level\n", r.out)
        self.assertIn("Valid until:  -\n", r.out)
        self.assertIn("Gaps to ★3: 2", r.out)
        self.assertIn("\n4 Protection against attacks\n", r.out)
        lines = [l for l in r.out.splitlines() if l.startswith("  4-4-")]
        self.assertEqual(len(lines), 2)
        self.assertRegex(lines[0], r"^  4-4-1-2  na-rejected  Auto-run")
        self.assertRegex(lines[1], r"^  4-4-4-2  expired +Updates fixing")
        for line in lines:
            self.assertLessEqual(len(line), 24 + 71)
            self.assertTrue(line.endswith("…"))
        # The check's error is reported, and the record evaluated anyway.
        self.assertRegex(r.err, r"hoshizora-foods\.csv:\d+:\d+: error: .*4-4-1-2")

    def test_required_level(self):
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF, "--require", "4")
        self.assertStatus(r, 1)
        self.assertIn("Required:     ★4 (4): NOT met", r.out)
        self.assertIn("not reached", r.err)
        self.assertStatus(scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF,
                                "--require", "3"), 0)
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF,
                  "--format", "json", *ONE_YES)
        self.assertStatus(r, 1)
        d = json.loads(r.out)
        self.assertEqual((d["required_level"], d["meets_required"]), (4, False))
        self.assertStatus(scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                                *ONE_YES), 0)
        d = self.evaluate_json(example("minato-logistics.xml"))
        self.assertIsNone(d["required_level"])
        self.assertIsNone(d["meets_required"])

    def test_target(self):
        d = self.evaluate_json(example("hoshizora-foods.xml"), "--target", "4")
        self.assertEqual(d["gap_level"], 4)
        self.assertGreater(len(d["gaps"]), 100)

    def test_xml_format(self):
        r = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF, "--format", "xml")
        self.assertStatus(r, 0)
        root = ET.fromstring(r.raw)
        self.assertEqual(root.tag, RESULT_NS + "result")
        self.assertEqual(root.get("level"), "4")
        out = self.write("result.xml", r.raw)
        v = scsec("validate", out)
        self.assertStatus(v, 0)
        self.assertIn("result: ok", v.out)

    def test_usage_errors(self):
        ev = example("minato-logistics.xml")
        cases = [
            (["--as-of", "2026-02-30"], "2026-02-30"),
            (["--as-of", "tomorrow"], "tomorrow"),
            (["--require", "5"], "no level of that rank"),
            (["--target", "0"], "--target"),
            (["--require", "x"], "--require"),
            (["--answer", "confidential-data=yes"], "outage-impact"),
            (["--answer", "no-such-question=yes"] + ALL_NO, "no-such-question"),
            (["--answer", "confidential-data=maybe"], "yes or no"),
            (["--answer", "confidential-data"], "QUESTION=yes"),
            (["--require", "4"] + ALL_NO, "exclude"),
            (["--format", "yaml"], "yaml"),
            ([ev], "one EVIDENCE"),
        ]
        for extra, message in cases:
            r = scsec("evaluate", ev, *extra)
            self.assertStatus(r, 2)
            self.assertIn(message, r.err)
            self.assertEqual(r.out, "")
        self.assertStatus(scsec("evaluate"), 2)

    def test_input_errors(self):
        bad = self.write("bad.xml", '<?xml version="1.0"?>\n<evidence xmlns="urn:scsec:evidence:1">\n'
                                    '  <entry id="1-2-1-1"\n')
        r = scsec("evaluate", bad)
        self.assertStatus(r, 3)
        self.assertRegex(r.err, re.escape(bad) + r":\d+:\d+: error: ")
        r = scsec("evaluate", self.path("missing.xml"))
        self.assertStatus(r, 4)
        self.assertIn("missing.xml", r.err)
        self.assertStatus(scsec("evaluate", self.dir), 4)
        self.assertStatus(scsec("evaluate", self.write("notdir", "x") + "/x.xml"), 4)
        if os.geteuid() != 0:
            locked = self.write("locked.xml", "<x/>")
            os.chmod(locked, 0)
            self.assertStatus(scsec("evaluate", locked), 4)
        # A sheet with an unknown status: the row and column are named.
        rows = read_sheet(scsec("template", "--level", "3").raw)
        rows[3]["status"] = "done"
        sheet = self.path("sheet.csv")
        write_sheet(sheet, rows)
        r = scsec("evaluate", sheet)
        self.assertStatus(r, 3)
        self.assertRegex(r.err, r"sheet\.csv:5:\d+: error: status 'done'")

    def test_record_for_another_set_is_refused(self):
        with open(example("minato-logistics.xml"), encoding="utf-8") as f:
            text = f.read().replace('version="2026.03"', 'version="2025.01"', 1)
        other = self.write("other.xml", text)
        r = scsec("evaluate", other, "--as-of", AS_OF)
        self.assertStatus(r, 3)
        self.assertIn("2025.01", r.err)

    def test_strict(self):
        r = scsec("evaluate", example("hoshizora-foods.xml"), "--as-of", AS_OF, "--strict")
        self.assertStatus(r, 3)
        self.assertEqual(r.out, "")
        self.assertStatus(scsec("evaluate", example("kitakaze-precision.xml"), "--strict"), 0)

    def test_output_file_is_atomic(self):
        out = self.path("result.json")
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF,
                  "--format", "json", "-o", out)
        self.assertStatus(r, 0)
        self.assertEqual(r.out, "")
        with open(out, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["level"], 3)
        self.assertEqual(sorted(os.listdir(self.dir)), ["result.json"])
        before = slurp(out)
        # A failing run leaves the previous output alone.
        r = scsec("evaluate", self.write("bad.xml", "<evidence"), "--format", "json", "-o", out)
        self.assertStatus(r, 3)
        self.assertEqual(slurp(out), before)
        self.assertNoTempFiles()
        # Nowhere to write: I/O error, nothing created.
        r = scsec("evaluate", example("minato-logistics.xml"), "-o", self.path("no", "dir.json"))
        self.assertStatus(r, 4)
        self.assertFalse(os.path.exists(self.path("no")))

    def test_documents_end_with_one_line_break(self):
        for fmt in ("json", "xml"):
            r = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                      "--format", fmt)
            self.assertStatus(r, 0)
            self.assertTrue(r.raw.endswith(b"\n") and not r.raw.endswith(b"\n\n"), fmt)
            out = self.path("result." + fmt)
            self.assertStatus(scsec("evaluate", example("kitakaze-precision.xml"), "--as-of",
                                    AS_OF, "--format", fmt, "-o", out), 0)
            self.assertEqual(slurp(out), r.raw)

    def test_output_through_a_symbolic_link(self):
        os.mkdir(self.path("sub"))
        real = self.write(os.path.join("sub", "real.json"), "old")
        os.chmod(real, 0o640)
        os.symlink(os.path.join("sub", "real.json"), self.path("link.json"))
        os.symlink("link.json", self.path("chain.json"))
        os.symlink("made.json", self.path("dangling.json"))
        want = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                     "--format", "json").raw
        for name in ("link.json", "chain.json", "dangling.json"):
            r = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                      "--format", "json", "-o", self.path(name))
            self.assertStatus(r, 0)
            self.assertTrue(os.path.islink(self.path(name)), name + ": the link was replaced")
            self.assertEqual(slurp(self.path(name)), want)
        self.assertEqual(stat.S_IMODE(os.stat(real).st_mode), 0o640)
        self.assertTrue(os.path.isfile(self.path("made.json")))
        # A link to a directory is a directory.
        os.symlink("sub", self.path("linkdir"))
        r = scsec("evaluate", example("kitakaze-precision.xml"), "-o", self.path("linkdir"))
        self.assertStatus(r, 4)
        self.assertIn("it is a directory", r.err)
        self.assertNoTempFiles()
        self.assertNoTempFiles(self.path("sub"))

    def test_output_to_a_fifo(self):
        fifo = self.path("fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(slurp(fifo)))
        reader.start()
        r = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                  "--format", "json", "-o", fifo)
        reader.join(30)
        self.assertStatus(r, 0)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced")
        self.assertEqual(json.loads(got[0].decode("utf-8"))["level"], 4)

    def test_stdout_write_errors(self):
        if os.path.exists("/dev/full"):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([binary(), "criteria", "export"], stdout=full,
                                   stderr=subprocess.PIPE, env=environment())
            self.assertEqual(p.returncode, 4, p.stderr)
        # A closed pipe: exit 4, not SIGPIPE (the export is larger than a pipe buffer).
        p = subprocess.Popen([binary(), "criteria", "export"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=environment())
        p.stdout.close()
        err = p.stderr.read()
        p.stderr.close()
        self.assertEqual(p.wait(), 4, err)


# ---------------------------------------------------------------- validate, required-level

class TestValidate(CliTestCase):
    def test_valid_documents(self):
        r = scsec("validate", example("kitakaze-precision.xml"), example("minato-logistics.xml"),
                  os.path.join(SRCDIR, "data", "criteria", "meti-sc-2026-03.xml"),
                  example("kitakaze-precision.csv"))
        self.assertStatus(r, 0)
        self.assertEqual(r.out.count(": ok"), 4)
        self.assertIn("evidence: ok", r.out)
        self.assertIn("criteria: ok", r.out)
        self.assertIn("answer sheet: ok", r.out)

    def test_errors_found(self):
        bad = self.write("bad.xml", '<?xml version="1.0"?>\n<criteria-set xmlns="urn:scsec:criteria:1"'
                                    ' id="x" version="1">\n<oops/>\n</criteria-set>\n')
        r = scsec("validate", bad, example("minato-logistics.xml"))
        self.assertStatus(r, 1)
        self.assertRegex(r.err, re.escape(bad) + r":\d+:\d+: error: ")
        self.assertIn("minato-logistics.xml: evidence: ok", r.out)
        r = scsec("validate", example("hoshizora-foods.xml"))
        self.assertStatus(r, 1)
        self.assertRegex(r.err, r"hoshizora-foods\.xml:\d+:\d+: error: .*not-applicable without a "
                                r"justification \[4-4-1-2\]")
        self.assertStatus(scsec("validate", example("hoshizora-foods.csv")), 1)
        self.assertStatus(scsec("validate", self.write("junk.xml", b"\x00\xff garbage")), 1)
        self.assertStatus(scsec("validate", self.write("other.xml", "<html/>")), 1)

    def test_validate_agrees_with_evaluate(self):
        """A record naming its set in the wrong case: evaluate refuses it, and
        validate, which reads and checks records as evaluate does, finds the
        error too; the same for a record of another set, as XML or a sheet."""
        text = slurp(example("minato-logistics.xml")).decode("utf-8")
        wrong = self.write("wrong-case.xml", text.replace('id="meti-sc-2026-03"',
                                                          'id="METI-SC-2026-03"'))
        other = self.write("other.xml", text.replace('id="meti-sc-2026-03"', 'id="acme-1"'))
        for path in (wrong, other):
            e = scsec("evaluate", "--as-of", AS_OF, path)
            self.assertStatus(e, 3)
            v = scsec("validate", path)
            self.assertStatus(v, 1)
            self.assertIn("error", v.err)
        self.assertStatus(scsec("validate", example("minato-logistics.xml")), 0)

    def test_invalid_set_for_a_sheet(self):
        self.assertIn("3 SET is not a valid criteria set", scsec("validate", "--help").out)
        bad = self.write("badset.xml", "<criteria-set")
        r = scsec("validate", "-c", bad, example("hoshizora-foods.csv"), example("minato-logistics.xml"))
        self.assertStatus(r, 3)
        self.assertIn("badset.xml:", r.err)
        self.assertEqual(r.out, "")
        r = scsec("validate", "-c", self.path("missing.xml"), example("hoshizora-foods.csv"))
        self.assertStatus(r, 4)

    def test_unreadable(self):
        r = scsec("validate", self.path("missing.xml"), example("minato-logistics.xml"))
        self.assertStatus(r, 4)
        self.assertIn("minato-logistics.xml: evidence: ok", r.out)

    def test_usage(self):
        self.assertStatus(scsec("validate"), 2)


class TestContentNotName(CliTestCase):
    """A file's kind is found from its content; sheets in any encoding Excel
    writes are read, --encoding forces one."""

    def test_kind_by_content(self):
        sheet = slurp(example("kitakaze-precision.csv"))
        record = slurp(example("minato-logistics.xml"))
        txt = self.write("answers.txt", sheet)
        csv = self.write("record.csv", record)
        r = scsec("validate", txt, csv)
        self.assertStatus(r, 0)
        self.assertIn("answers.txt: answer sheet: ok", r.out)
        self.assertIn("record.csv: evidence: ok", r.out)
        a = self.evaluate_json(txt)
        b = self.evaluate_json(example("kitakaze-precision.csv"))
        self.assertEqual(a["level"], b["level"])
        self.assertEqual(self.evaluate_json(csv)["level"],
                         self.evaluate_json(example("minato-logistics.xml"))["level"])
        r = scsec("evaluate", self.write("book.csv", b"PK\x03\x04\x14\x00\x00\x00"))
        self.assertStatus(r, 3)
        self.assertIn("zip archive", r.err)

    def test_excel_encodings(self):
        text = slurp(example("kitakaze-precision.csv")).decode("utf-8-sig")
        sjis = self.write("sjis.csv", text.encode("cp932", "replace"))
        utf16 = self.write("unicode.txt", "\ufeff".encode("utf-16-le") +
                           text.replace(",", "\t").encode("utf-16-le"))
        want = self.evaluate_json(example("kitakaze-precision.csv"))["level"]
        self.assertEqual(self.evaluate_json(sjis)["level"], want)
        self.assertEqual(self.evaluate_json("--encoding", "cp932", sjis)["level"], want)
        r = scsec("validate", "--encoding", "utf-8", sjis)
        self.assertStatus(r, 1)
        self.assertIn("not valid UTF-8", r.err)
        r = scsec("import-csv", "--encoding", "shift_jis", sjis, "-o", self.path("out.xml"))
        self.assertStatus(r, 0)
        r = scsec("validate", "--encoding", "latin1", sjis)
        self.assertStatus(r, 2)
        self.assertIn("unknown encoding 'latin1'", r.err)
        if "\t" not in text:
            self.assertEqual(self.evaluate_json(utf16)["level"], want)

    def test_pipes_and_fifos(self):
        """A record or sheet read once from a pipe (scsec evaluate <(cat x))
        is told apart and read like the file; a FIFO with no writer ends at
        once instead of hanging."""
        for name in ("minato-logistics.csv", "minato-logistics.xml"):
            p = subprocess.Popen(["cat", example(name)], stdout=subprocess.PIPE)
            fd = p.stdout.fileno()
            try:
                r = Result(subprocess.run(
                    [binary(), "evaluate", "--format", "json", "--as-of", AS_OF, "/dev/fd/%d" % fd],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(),
                    pass_fds=(fd,), timeout=30))
            finally:
                p.stdout.close()
                p.wait()
            self.assertIn(r.rc, (0, 1), repr(r))
            self.assertEqual(json.loads(r.out)["level"],
                             self.evaluate_json(example(name))["level"])
        fifo = self.path("fifo.csv")
        os.mkfifo(fifo)
        r = scsec("evaluate", fifo, timeout=30)
        self.assertStatus(r, 3)
        self.assertIn("empty", r.err)

    def test_error_totals_count_what_was_not_shown(self):
        rows = "".join("x%d,bogus\n" % i for i in range(200))
        r = scsec("validate", self.write("bad.csv", "id,status\n" + rows))
        self.assertStatus(r, 1)
        self.assertIn("more like the one above", r.err)
        self.assertIn("answer sheet: 200 errors", r.out + r.err)


class TestRequiredLevel(CliTestCase):
    def test_levels(self):
        r = scsec("required-level", *ALL_NO)
        self.assertStatus(r, 0)
        self.assertEqual(r.out, "★3 (3)\n")
        r = scsec("required-level", *ONE_YES)
        self.assertEqual(r.out, "★4 (4)\n")
        d = json.loads(scsec("required-level", "--format", "json", *ONE_YES).out)
        self.assertEqual((d["required_level"], d["label"]), (4, "★4"))
        self.assertEqual(d["answers"], {"confidential-data": True, "outage-impact": False,
                                        "system-access": False})

    def test_usage(self):
        self.assertStatus(scsec("required-level"), 2)
        self.assertStatus(scsec("required-level", "--answer", "outage-impact=yes"), 2)
        self.assertStatus(scsec("required-level", "--answer", "x=yes", *ALL_NO), 2)
        self.assertStatus(scsec("required-level", "--answer", "outage-impact=perhaps"), 2)
        self.assertStatus(scsec("required-level", "--as-of", "2026-01-01", *ALL_NO), 2)


# ---------------------------------------------------------------- batch

class TestBatch(CliTestCase):
    def tree(self):
        os.makedirs(self.path("in", "sub"))
        for name in ("kitakaze-precision.xml", "minato-logistics.xml", "hoshizora-foods.csv"):
            with open(example(name), "rb") as src:
                data = src.read()
            target = self.path("in", "sub" if name.endswith(".csv") else "", name)
            with open(target, "wb") as dst:
                dst.write(data)
        with open(self.path("in", "minato-logistics.xml"), "rb") as f:
            with gzip.open(self.path("in", "sub", "minato-copy.xml.gz"), "wb") as g:
                g.write(f.read())
        self.write(os.path.join("in", "broken.xml"), "<evidence xmlns='urn:scsec:evidence:1'>")
        self.write(os.path.join("in", "notes.txt"), "not evidence")
        return self.path("in")

    def rows(self, r):
        return list(csv.DictReader(io.StringIO(r.out, newline="")))

    def test_rows(self):
        tree = self.tree()
        missing = self.path("missing.xml")
        r = scsec("batch", "--as-of", AS_OF, tree, missing)
        self.assertStatus(r, 1)
        self.assertTrue(r.out.startswith(",".join(BATCH_COLUMNS) + "\n"))
        rows = self.rows(r)
        files = [os.path.relpath(x["file"], tree) for x in rows[:-1]]
        self.assertEqual(files, sorted(files))
        self.assertEqual(files, ["broken.xml", "kitakaze-precision.xml", "minato-logistics.xml",
                                 "sub/hoshizora-foods.csv", "sub/minato-copy.xml.gz"])
        by = {os.path.basename(x["file"]): x for x in rows}
        self.assertEqual(by["kitakaze-precision.xml"]["level"], "4")
        self.assertEqual(by["kitakaze-precision.xml"]["label"], "★4")
        self.assertEqual(by["kitakaze-precision.xml"]["valid_until"], "2029-02-15")
        self.assertEqual(by["kitakaze-precision.xml"]["gaps"], "0")
        self.assertTrue(by["kitakaze-precision.xml"]["subject"].startswith("北風精密工業"))
        self.assertEqual(by["minato-logistics.xml"]["subject"], "Minato Logistics Co., Ltd.")
        self.assertEqual(by["minato-copy.xml.gz"]["level"], "3")
        self.assertEqual((by["hoshizora-foods.csv"]["level"], by["hoshizora-foods.csv"]["gaps"]),
                         ("0", "2"))
        self.assertRegex(by["broken.xml"]["error"], r"broken\.xml:\d+:\d+: error: ")
        self.assertEqual(by["broken.xml"]["level"], "")
        self.assertIn("cannot open", by["missing.xml"]["error"])
        for x in rows:
            self.assertEqual(bool(x["error"]), x["file"].endswith(("broken.xml", "missing.xml")))
        self.assertNotIn("\r", r.err)  # no progress line: stderr is not a terminal

    def test_directory_errors_come_first(self):
        tree = self.tree()
        deep = os.path.join(tree, *(["d"] * 66))
        os.makedirs(deep)
        with open(example("kitakaze-precision.xml"), "rb") as src:
            self.write(os.path.join(deep, "lost.xml"), src.read())
        one = scsec("batch", "--as-of", AS_OF, tree)
        self.assertStatus(one, 1)
        rows = self.rows(one)
        self.assertIn("nested too deeply", rows[0]["error"])
        self.assertEqual(rows[0]["file"], os.path.join(tree, *(["d"] * 65)))
        files = [x["file"] for x in rows[1:]]
        self.assertEqual(files, sorted(files))
        self.assertEqual(len(files), 5)
        self.assertEqual(scsec("batch", "--as-of", AS_OF, "-j", "2", tree).raw, one.raw)

    def test_parallel_gives_the_same_rows(self):
        tree = self.tree()
        one = scsec("batch", "--as-of", AS_OF, "-j", "1", tree)
        two = scsec("batch", "--as-of", AS_OF, "-j", "2", tree)
        many = scsec("batch", "--as-of", AS_OF, "--jobs", "8", tree, tree)
        self.assertEqual(one.rc, 1)
        self.assertEqual(two.rc, 1)
        self.assertEqual(one.raw, two.raw)
        self.assertEqual(len(self.rows(many)), 2 * len(self.rows(one)))

    def test_json_and_answers(self):
        tree = self.tree()
        out = self.path("rows.json")
        r = scsec("batch", "--as-of", AS_OF, "--format", "json", "-o", out, "-j", "2", tree,
                  *ONE_YES)
        self.assertStatus(r, 1)
        self.assertEqual(r.out, "")
        with open(out, encoding="utf-8") as f:
            rows = json.load(f)
        self.assertEqual(len(rows), 5)
        for row in rows:
            self.assertEqual(list(row), BATCH_COLUMNS)
        by = {os.path.basename(x["file"]): x for x in rows}
        self.assertEqual((by["kitakaze-precision.xml"]["required"],
                          by["kitakaze-precision.xml"]["meets"]), (4, True))
        self.assertEqual(by["minato-logistics.xml"]["meets"], False)
        self.assertIsNone(by["broken.xml"]["level"])
        self.assertIsNotNone(by["broken.xml"]["error"])
        self.assertNoTempFiles()
        r = scsec("batch", "--as-of", AS_OF, "--require", "3", example("minato-logistics.xml"))
        self.assertStatus(r, 0)
        self.assertEqual(self.rows(r)[0]["required"], "3")
        self.assertEqual(self.rows(r)[0]["meets"], "yes")

    def test_examples_directory(self):
        r = scsec("batch", "--as-of", AS_OF, EXAMPLES)
        self.assertStatus(r, 0)
        levels = {os.path.basename(x["file"]): int(x["level"]) for x in self.rows(r)}
        for name, want in EXPECTED.items():
            self.assertEqual(levels[name + ".csv"], want["level"])
            self.assertEqual(levels[name + ".xml"], want["level"])

    def test_strict_makes_error_rows(self):
        r = scsec("batch", "--as-of", AS_OF, "--strict", example("hoshizora-foods.xml"),
                  example("kitakaze-precision.xml"))
        self.assertStatus(r, 1)
        rows = self.rows(r)
        self.assertIn("4-4-1-2", rows[0]["error"])
        self.assertEqual(rows[1]["level"], "4")

    def test_csv_quoting(self):
        sheet = self.write("odd.csv", scsec("template", "--level", "3").raw)
        out = self.path("odd, \"quoted\".xml")
        self.assertStatus(scsec("import-csv", sheet, "-o", out, "--subject-name",
                                '=HYPERLINK("x"), "Co" Ltd'), 0)
        r = scsec("batch", out)
        self.assertStatus(r, 0)
        row = self.rows(r)[0]
        self.assertEqual(row["file"], out)
        self.assertEqual(row["subject"], '\'=HYPERLINK("x"), "Co" Ltd')

    def test_usage(self):
        self.assertStatus(scsec("batch"), 2)
        for jobs in ("0", "x", "-1", "100000"):
            self.assertStatus(scsec("batch", "-j", jobs, EXAMPLES), 2)
        self.assertStatus(scsec("batch", "--format", "xml", EXAMPLES), 2)
        self.assertStatus(scsec("batch", "--as-of", "2026-13-01", EXAMPLES), 2)


# ---------------------------------------------------------------- report

class TestReport(CliTestCase):
    def report(self, evidence, *extra):
        out = self.path("report.html")
        r = scsec("report", evidence, "--as-of", AS_OF, "-o", out, *extra)
        self.assertIn(r.rc, (0, 1), repr(r))
        self.assertEqual(r.out, "")
        self.assertNoTempFiles()
        with open(out, "rb") as f:
            data = f.read()
        return ET.fromstring(data), data.decode("utf-8")

    def test_japanese_font_stack(self):
        root, text = self.report(example("minato-logistics.xml"), "--lang", "ja")
        self.assertEqual(root.get("lang"), "ja")
        css = "".join(el.text or "" for el in root.iter(XHTML + "style"))
        body = re.search(r"body\{font-family:([^;]*);", css).group(1)
        fonts = [f.strip().strip('"') for f in body.split(",")]
        for font in ("Yu Gothic", "Meiryo", "Hiragino Sans", "Noto Sans CJK JP", "IPAexGothic"):
            self.assertIn(font, fonts)
        self.assertEqual(fonts[-1], "sans-serif")

    def assertSelfContained(self, root, text):
        for el in root.iter():
            self.assertNotEqual(el.tag.split("}")[-1], "script")
            for name, value in el.attrib.items():
                local = name.split("}")[-1].lower()
                if local in ("src", "href", "action", "data", "poster", "srcset", "background"):
                    self.assertFalse(re.match(r"\s*(https?:)?//", value), "%s=%s" % (name, value))
        self.assertNotIn("url(", text)
        self.assertNotIn("@import", text)
        self.assertNotRegex(text, r"<(script|link|img|iframe|object|embed)\b")

    def test_report(self):
        root, text = self.report(example("minato-logistics.xml"))
        self.assertEqual(root.tag, XHTML + "html")
        self.assertTrue(text.startswith("<!DOCTYPE html>"))
        self.assertSelfContained(root, text)
        svgs = list(root.iter(SVG + "svg"))
        self.assertEqual(len(svgs), 1)
        bars = [g for g in svgs[0].iter(SVG + "g") if g.get("class") == "bar"]
        self.assertEqual([g.get("data-function") for g in bars], FUNCTIONS)
        result = self.evaluate_json(example("minato-logistics.xml"))
        for g in bars:
            rects = [r.get("class") for r in g.iter(SVG + "rect")]
            self.assertIn("applicable", rects)
            fn = result["functions"][g.get("data-function")]
            self.assertEqual(int(g.get("data-applicable")), fn["applicable"])
            self.assertEqual(int(g.get("data-satisfied")), fn["satisfied"])
        self.assertIn("★3", root.find(".//" + XHTML + "div[@id='level']").text)
        self.assertIn("2027-05-17", text)
        self.assertIn("Minato Logistics Co., Ltd.", text)
        self.assertIn(result["criteria"]["fingerprint"], text)
        self.assertIn(result["evidence"]["fingerprint"], text)
        self.assertIn(result["engine"]["version"], text)
        self.assertIsNotNone(root.find(".//" + XHTML + "section[@id='provenance']"))

    def test_report_of_a_result(self):
        """A result document (XML or JSON, any name) is reported as it stands."""
        direct = slurp(self.report_path(example("minato-logistics.xml"), "--require", "4"))
        for fmt in ("xml", "json"):
            res = self.path("result." + fmt + ".txt")
            r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF,
                      "--require", "4", "--format", fmt, "-o", res)
            self.assertEqual(r.rc, 1, repr(r))
            out = self.path("from-result.html")
            r = scsec("report", res, "-o", out)
            self.assertEqual(r.rc, 1, repr(r))  # the required level is not reached
            self.assertIn("not reached", r.err)
            # The same figures, gaps and provenance; only the record's own
            # details (answers, identifiers) are not in a result.
            html = slurp(out).decode("utf-8")
            for part in re.findall(r'data-(?:applicable|satisfied|function)="[^"]*"|'
                                   r'<td class="id">[^<]*</td>|[0-9a-f]{64}|★\d|\d{4}-\d{2}-\d{2}',
                                   direct.decode("utf-8")):
                if part.startswith("20") and part not in html:
                    continue  # an answer's date
                self.assertIn(part, html)
        r = scsec("report", res, "--as-of", AS_OF, "-o", self.path("x.html"))
        self.assertEqual(r.rc, 2, repr(r))
        # computed with another set
        r = scsec("report", "-c", os.path.join(SRCDIR, "tests", "data", "eval", "tiny.xml"), res,
                  "-o", self.path("x.html"))
        self.assertEqual(r.rc, 3, repr(r))
        self.assertIn("another criteria set", r.err)

    def report_path(self, evidence, *extra):
        out = self.path("report.html")
        r = scsec("report", evidence, "--as-of", AS_OF, "-o", out, *extra)
        self.assertIn(r.rc, (0, 1), repr(r))
        return out

    def test_gaps_with_reasons(self):
        root, text = self.report(example("hoshizora-foods.csv"))
        self.assertSelfContained(root, text)
        gaps = root.find(".//" + XHTML + "section[@id='gaps']")
        cells = ["".join(td.itertext()) for td in gaps.iter(XHTML + "td")]
        self.assertIn("4-4-4-2", cells)
        self.assertIn("4-4-1-2", cells)
        self.assertTrue(any("validity ran out" in c for c in cells))
        self.assertTrue(any("not justified" in c for c in cells))
        self.assertTrue(any("assessed 2025-11-14" in c for c in cells))
        self.assertIn("no level", root.find(".//" + XHTML + "div[@id='level']").text)

    def test_every_string_is_escaped(self):
        sheet = self.write("s.csv", scsec("template", "--level", "3").raw)
        ev = self.path("evil.xml")
        name = '<script>alert("x")</script> & <img src="https://evil.example/x.png"> Co.'
        self.assertStatus(scsec("import-csv", sheet, "-o", ev, "--subject-name", name), 0)
        root, text = self.report(ev)
        self.assertSelfContained(root, text)
        self.assertIn(name, "".join(root.itertext()))

    def test_required_level_and_usage(self):
        out = self.path("r.html")
        r = scsec("report", example("minato-logistics.xml"), "--as-of", AS_OF, "-o", out,
                  "--require", "4")
        self.assertStatus(r, 1)
        self.assertIn("not met", slurp(out).decode("utf-8"))
        self.assertStatus(scsec("report", example("minato-logistics.xml")), 2)
        self.assertStatus(scsec("report", "-o", out), 2)
        self.assertStatus(scsec("report", self.path("missing.xml"), "-o", out), 4)


class TestReportForReader(CliTestCase):
    """Issue 17: the single-supplier report as a procurement manager reads it."""

    def report(self, evidence, *extra, as_of=AS_OF):
        out = self.path("report.html")
        r = scsec("report", evidence, "--as-of", as_of, "-o", out, *extra)
        self.assertIn(r.rc, (0, 1), repr(r))
        data = slurp(out)
        return out, ET.fromstring(data), data.decode("utf-8")

    def result(self, evidence, *extra, as_of=AS_OF):
        r = scsec("evaluate", "--format", "json", "--as-of", as_of, evidence, *extra)
        self.assertIn(r.rc, (0, 1), repr(r))
        return json.loads(r.out)

    def by_id(self, root, ident):
        return root.find(".//*[@id='%s']" % ident)

    def four_without_pledge(self):
        rows = read_sheet(scsec("template").raw)
        for row in rows:
            if row["type"] == "criterion":
                row.update(status="met", method="third-party", assessed_on="2026-04-01")
        path = self.path("four.csv")
        write_sheet(path, rows)
        return path

    def test_three_measured_against_four(self):
        ev = example("minato-logistics.xml")
        res = self.result(ev, "--target", "4")
        _, root, text = self.report(ev, "--target", "4")
        self.assertEqual(res["level"], 3)
        bars = [g for g in root.iter(SVG + "g") if g.get("class") == "bar"]
        self.assertEqual([g.get("data-function") for g in bars], FUNCTIONS)
        for g in bars:
            fn = res["functions"][g.get("data-function")]
            meth = fn["reasons"]["method"] + fn["reasons"].get("unverified", 0)
            self.assertEqual(int(g.get("data-satisfied")), fn["satisfied"])
            self.assertEqual(int(g.get("data-method")), meth)
            self.assertEqual(int(g.get("data-open")), fn["applicable"] - fn["satisfied"] - meth)
        # A ★3 holder sees what it has done: most ★4 criteria are met, needing a third party.
        self.assertGreater(sum(int(g.get("data-method")) for g in bars), 0)
        achieved = [g for g in root.iter(SVG + "g") if g.get("class") == "achieved-bar"]
        self.assertEqual(len(achieved), 6)
        three = [lv for lv in res["levels"] if lv["rank"] == 3][0]
        self.assertEqual(sum(int(g.get("data-satisfied")) for g in achieved),
                         three["satisfied"] - 1)  # the criteria: all but the pledge
        summary = self.by_id(root, "gap-summary")
        assess = sum(1 for g in res["gaps"] if g["reason"] in ("method", "unverified")
                     and g["type"] == "criterion")
        self.assertEqual(int(summary.get("data-assess")), assess)
        self.assertEqual(int(summary.get("data-fixes")), len(res["gaps"]) - assess)
        sentence = "".join(summary.itertext())
        self.assertIn("★4 needs a third-party evaluation of %d criteria already met" % assess,
                      sentence)
        table = self.by_id(root, "assess-gaps")
        self.assertEqual(len(list(table.iter(XHTML + "tr"))) - 1, assess)
        self.assertIsNone(self.by_id(root, "nesting"))
        self.assertIsNone(self.by_id(root, "renewal"))
        self.assertEqual(int(self.by_id(root, "not-applicable").get("data-count")),
                         three.get("not_applicable", 0))

    def test_not_applicable_count(self):
        with open(example("minato-logistics.xml"), encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r'(<entry id="1-2-1-2") status="met"(.*?</assessor>)',
                      r'\1 status="not-applicable"\2\n    <justification>No such function '
                      r'here.</justification>', text, count=1, flags=re.S)
        ev = self.write("na.xml", text)
        summary = scsec("evaluate", ev, "--as-of", AS_OF).out
        want = int(re.search(r"Not applicable: ★3: (\d+) of", summary).group(1))
        self.assertEqual(want, 1)
        _, root, _ = self.report(ev)
        cell = self.by_id(root, "not-applicable")
        self.assertEqual(int(cell.get("data-count")), want)
        self.assertIn("1 of the 82 satisfied items of ★3", "".join(cell.itertext()))

    def test_four_without_pledge(self):
        ev = self.four_without_pledge()
        res = self.result(ev)
        self.assertEqual(res["level"], 4)
        _, root, text = self.report(ev)
        note = self.by_id(root, "nesting")
        self.assertIsNotNone(note)
        words = " ".join("".join(note.itertext()).split())
        self.assertIn("Levels do not nest", words)
        self.assertIn("★4 is held, but ★3 is not", words)
        self.assertIn("management-pledge", words)

    def test_expiring(self):
        ev = example("minato-logistics.xml")
        res = self.result(ev, as_of="2027-03-01")
        self.assertEqual(res["level"], 3)
        _, root, text = self.report(ev, as_of="2027-03-01")
        until = datetime.date.fromisoformat(res["valid_until"])
        days = (until - datetime.date(2027, 3, 1)).days
        self.assertLessEqual(days, 90)
        self.assertEqual(int(self.by_id(root, "valid-until").get("data-days")), days)
        renewal = "".join(self.by_id(root, "renewal").itertext())
        self.assertIn("expires in %d days" % days, renewal)
        _, root, _ = self.report(ev)
        self.assertIsNone(self.by_id(root, "renewal"))

    def test_japanese_headings_and_projection(self):
        _, root, text = self.report(example("minato-logistics.xml"), "--lang", "ja", "--project")
        self.assertIn("評価結果", text)
        self.assertIn("来歴", text)
        proj = self.by_id(root, "projected")
        self.assertIsNotNone(proj)
        res = self.result(example("minato-logistics.xml"), "--project")
        self.assertEqual([int(tr.get("data-rank")) for tr in proj.iter(XHTML + "tr")
                          if tr.get("data-rank")], [p["rank"] for p in res["projection"]])

    def test_in_a_browser(self):
        sys.path.insert(0, os.path.join(SRCDIR, "tests"))
        import browser
        for name, args, as_of in (("three", ("--target", "4"), AS_OF),
                                  ("expiring", (), "2027-03-01")):
            out, root, _ = self.report(example("minato-logistics.xml"), *args, as_of=as_of)
            with browser.Page(out) as page:
                self.assertEqual(page.outside_requests(), [], name)
                self.assertEqual(page.overflowing(), [], name)
                rects = page.boxes("#csf-chart rect")
                self.assertGreater(len(rects), 6)
                for box in rects:
                    self.assertGreater(box["width"], 0)
                    self.assertGreater(box["height"], 0)
                svg = page.boxes("#csf-chart")[0]
                for box in page.boxes("#csf-chart text"):
                    self.assertLessEqual(box["x"] + box["width"], svg["x"] + svg["width"] + 1,
                                         box)
                sat = page.evaluate("[...document.querySelectorAll('g.bar')].map(g => "
                                    "g.querySelector('rect.satisfied') ? "
                                    "g.querySelector('rect.satisfied').getBoundingClientRect()"
                                    ".width : 0)")
                meth = [int(g.get("data-method")) for g in root.iter(SVG + "g")
                        if g.get("class") == "bar"]
                self.assertTrue(any(w > 0 for w in sat) or any(meth), name)

    def test_pdf(self):
        sys.path.insert(0, os.path.join(SRCDIR, "tests"))
        import browser
        chromium = browser.find_chromium()
        out = self.path("report.pdf")
        if chromium is None:
            r = scsec("report", example("minato-logistics.xml"), "--as-of", AS_OF, "-o", out)
            self.assertStatus(r, 4)
            self.assertIn("needs chromium", r.err)
            self.skipTest("chromium is not installed")
        r = scsec("report", example("minato-logistics.xml"), "--as-of", AS_OF, "-o", out,
                  env={"SCSEC_CHROMIUM": chromium}, timeout=180)
        self.assertStatus(r, 0)
        self.assertNoTempFiles()
        data = slurp(out)
        self.assertTrue(data.startswith(b"%PDF-"), data[:16])
        self.assertGreater(len(data), 20000)
        self.assertGreaterEqual(len(re.findall(rb"/Type\s*/Page[^s]", data)), 2)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", out, "-"], stdout=subprocess.PIPE).stdout
            self.assertIn("Minato Logistics", text.decode("utf-8", "replace"))
        r = scsec("report", example("minato-logistics.xml"), "--as-of", AS_OF, "-o", out,
                  env={"SCSEC_CHROMIUM": self.path("no-chromium")})
        self.assertStatus(r, 4)
        self.assertIn("needs chromium", r.err)


# ---------------------------------------------------------------- robustness

class TestOddInputs(CliTestCase):
    """No input ends scsec by a signal; every status is a documented one."""

    def inputs(self):
        valid = slurp(example("minato-logistics.xml"))
        files = {
            "empty.xml": b"",
            "empty.csv": b"",
            "bom.csv": b"\xef\xbb\xbf",
            "garbage.xml": bytes(range(256)) * 8,
            "garbage.csv": b"\x00\x01\xfe\xff," * 500,
            "zero.xml.gz": b"",
            "garbage.xml.gz": b"\x1f\x8b" + bytes(range(200)),
            "truncated.xml.gz": gzip.compress(valid)[:200],
            "doctype.xml": b'<?xml version="1.0"?><!DOCTYPE evidence [<!ENTITY a "aaaa">'
                           b'<!ENTITY b "&a;&a;&a;&a;">]><evidence xmlns="urn:scsec:evidence:1">'
                           b"&b;</evidence>",
            "deep.xml": b"<evidence xmlns='urn:scsec:evidence:1'>" + b"<a>" * 5000,
            "latin1.xml": "<?xml version='1.0' encoding='UTF-8'?><evidence xmlns="
                          "'urn:scsec:evidence:1'><subject><name>\xe9</name></subject>"
                          "</evidence>".encode("latin-1"),
            "quotes.csv": b'id,status\n"unterminated,met\n',
            "header-only.csv": b"id,status\r\n",
            "wrong-root.xml": b"<criteria-set xmlns='urn:scsec:criteria:1'/>",
            "half-evidence.xml": valid[:len(valid) // 2],
        }
        paths = [self.write(n, d) for n, d in sorted(files.items())]
        os.mkdir(self.path("a-directory.xml"))
        return paths + [self.path("a-directory.xml"), "/dev/null", self.path("missing.xml")]

    def test_no_signal_and_documented_statuses(self):
        out = self.path("out")
        for p in self.inputs():
            commands = [
                ["evaluate", p, "--as-of", AS_OF],
                ["evaluate", p, "--format", "json"],
                ["validate", p],
                ["report", p, "-o", out],
                ["batch", "-j", "2", p],
                ["import-csv", p, "-o", out + ".xml"],
                ["criteria", "show", p],
                ["criteria", "import-ipa", p, "-o", out + "-set.xml"],
                ["template", "-c", p],
            ]
            for argv in commands:
                r = scsec(*argv)
                # 0 is possible: an empty directory to batch, a header-only sheet.
                self.assertIn(r.rc, (0, 1, 3, 4), "%s: %r" % (argv, r))
                self.assertNotIn("Sanitizer", r.err)
        self.assertNoTempFiles()

    def test_specific_statuses(self):
        self.assertStatus(scsec("evaluate", "/dev/null"), 3)
        self.assertStatus(scsec("evaluate", self.dir), 4)
        self.assertStatus(scsec("evaluate", self.write("z.xml.gz", b"")), 3)
        r = scsec("evaluate", self.write("d.xml", b'<?xml version="1.0"?><!DOCTYPE x><x/>'))
        self.assertStatus(r, 3)
        self.assertIn("d.xml", r.err)

    def test_odd_arguments(self):
        for argv in (["evaluate", ""], ["batch", ""], ["validate", ""], ["evaluate", "-"],
                     ["criteria", "show", ""]):
            r = scsec(*argv)
            self.assertIn(r.rc, (1, 3, 4), "%s: %r" % (argv, r))
        for argv in (["template", "-o", ""], ["evaluate", example("minato-logistics.xml"), "-o", ""]):
            self.assertStatus(scsec(*argv), 2)


# ---------------------------------------------------------------- hostile use (issue 13)

# What no output may hold raw (scsec(1), TEXT FROM INPUTS): besides line
# breaks, which only a document's own structure may contain.
RAW_UNSAFE = ["\r", "\t", "\x1b", "\x7f", "\u0085", "\u009b", "\u2028", "\u2029", "\u202e",
              "\u2066"]
# A subject name that prints a fake result above the real one. (DEL and the
# C1 controls, which XML allows, are refused when a record is read:
# test_hidden_controls_refused.)
SPOOF = ("Evil Co.\nLevel:        ★4 (4)\rValid until:  2099-12-31\t\u202eX"
         "\u2028Y\u2066")
SPOOF_SHOWN = ("Evil Co.\\nLevel:        ★4 (4)\\rValid until:  2099-12-31\\t\\u202eX"
               "\\u2028Y\\u2066")


def xml_text(text):
    """text as XML character data that keeps every character (CR included)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace("\r", "&#13;")
            .replace("\t", "&#9;"))


def without_structure(text):
    """An output's text with its own line breaks taken out."""
    return text.replace("\n", "")


class TestProjection(CliTestCase):
    """Issue 17: planned dates in the answer sheet, evaluate --project."""

    def sheet(self, skip_plan=None):
        rows = read_sheet(scsec("template").raw)  # every row, the pledge too
        self.assertIn("planned_on", rows[0])
        for i, row in enumerate(rows):
            row.update(status="met", method="expert-reviewed", assessed_on="2026-04-01")
            if row["type"] == "criterion" and row["id"] != skip_plan:
                row["planned_on"] = "2027-01-31" if i == 9 else "2026-11-30"
        path = self.path("plan.csv")
        write_sheet(path, rows)
        return path, rows[9]["id"]

    def test_project(self):
        path, latest = self.sheet()
        r = scsec("evaluate", path, "--as-of", "2026-06-01", "--project")
        self.assertStatus(r, 0)
        self.assertIn("Level:        ★3 (3)", r.out)
        self.assertIn("Projection:   if every plan holds", r.out)
        self.assertIn("  ★4: reached on 2027-01-31\n", r.out)
        doc = json.loads(scsec("evaluate", path, "--as-of", "2026-06-01", "--project",
                               "--format", "json").out)
        self.assertEqual(doc["level"], 3)
        self.assertEqual(doc["projection"], [{"rank": 4, "label": "★4", "on": "2027-01-31",
                                              "blockers": []}])
        plain = json.loads(scsec("evaluate", path, "--as-of", "2026-06-01", "--format", "json").out)
        self.assertNotIn("projection", plain)
        self.assertEqual(plain["gaps"], doc["gaps"])
        xml = scsec("evaluate", path, "--as-of", "2026-06-01", "--project", "--format", "xml").out
        self.assertIn('<level rank="4" label="★4" on="2027-01-31"/>', xml)
        # One criterion without a plan blocks ★4; the latest plan is then another's.
        path, _ = self.sheet(skip_plan=latest)
        r = scsec("evaluate", path, "--as-of", "2026-06-01", "--project")
        self.assertIn("  ★4: blocked by 1 item: %s (unplanned)\n" % latest, r.out)
        # Past the plans: overdue.
        r = scsec("evaluate", path, "--as-of", "2027-02-01", "--project", "--format", "json")
        kinds = {b["kind"] for p in json.loads(r.out)["projection"] for b in p["blockers"]}
        self.assertIn("overdue", kinds)


class TestAssessorRole(CliTestCase):
    """Issue 13 item 5: the pledge by management; a record that says nothing is flagged."""

    def test_role_in_summary_and_report(self):
        with open(example("minato-logistics.xml"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn('<assessor role="management">', text)
        r = scsec("evaluate", example("minato-logistics.xml"), "--as-of", AS_OF)
        self.assertStatus(r, 0)
        self.assertNotIn("Unstated role", r.out)
        unstated = self.write("unstated.xml", text.replace(' role="management"', "", 1))
        r = scsec("evaluate", unstated, "--as-of", AS_OF)
        self.assertStatus(r, 0)
        self.assertIn("Level:        ★3 (3)", r.out)
        self.assertIn("Unstated role: management-pledge needs an answer by 'management'", r.out)
        out = os.path.join(self.dir, "report.html")
        self.assertStatus(scsec("report", unstated, "--as-of", AS_OF, "-o", out), 0)
        with open(out, encoding="utf-8") as f:
            self.assertIn("Unstated role:", f.read())
        intern = self.write("intern.xml", text.replace('role="management"', 'role="intern"', 1))
        r = scsec("evaluate", intern, "--as-of", AS_OF, "--target", "3", "-v")
        self.assertIn("Level:        no level", r.out)
        self.assertRegex(r.out, r"management-pledge +method")


class TestTextFromInputs(CliTestCase):
    """Issue 13 item 2: document text cannot spoof the result."""

    def spoof_record(self, name="evil.xml"):
        with open(example("minato-logistics.xml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("Minato Logistics Co., Ltd.", xml_text(SPOOF), 1)
        # An assessor of a gap entry (shown in the report) and a note.
        text = text.replace("佐藤 恵子 (Keiko Sato), Registered Information Security Specialist",
                            xml_text("Mallory\nLevel: ★4\u202e"), 1)
        return self.write(name, text)

    def assertNoRawUnsafe(self, text, what):
        for ch in RAW_UNSAFE:
            self.assertNotIn(ch, text, "%s holds U+%04X raw" % (what, ord(ch)))

    def test_summary_shows_one_result(self):
        ev = self.spoof_record()
        r = scsec("evaluate", ev, "--as-of", AS_OF)
        self.assertStatus(r, 0)
        self.assertNoRawUnsafe(r.out, "the summary")
        lines = r.out.split("\n")
        self.assertEqual([l for l in lines if l.startswith("Level:")], ["Level:        ★3 (3)"])
        self.assertEqual([l for l in lines if l.startswith("Valid until:")],
                         ["Valid until:  2027-05-17"])
        self.assertIn("Subject:      " + SPOOF_SHOWN + "\n", r.out)
        # -v lists every gap; nothing from the record breaks a line there.
        r = scsec("evaluate", ev, "--as-of", AS_OF, "-v")
        self.assertNoRawUnsafe(r.out, "the verbose summary")

    def test_report(self):
        ev = self.spoof_record()
        out = self.path("r.html")
        self.assertStatus(scsec("report", ev, "--as-of", AS_OF, "-o", out), 0)
        html = slurp(out).decode("utf-8")
        self.assertNoRawUnsafe(html, "the report")
        root = ET.fromstring(html)
        text = "".join(root.itertext())
        self.assertIn(SPOOF_SHOWN, text)
        self.assertIn("Mallory\\nLevel: ★4\\u202e", text)
        self.assertNotIn("Evil Co.\n", text)
        self.assertNotIn("Mallory\n", text)

    def test_batch_csv_and_json(self):
        ev = self.spoof_record()
        r = scsec("batch", "--as-of", AS_OF, ev)
        self.assertStatus(r, 0)
        self.assertNoRawUnsafe(r.out, "the batch CSV")
        self.assertEqual(r.out.count("\n"), 2)  # the header and one row
        row = list(csv.DictReader(io.StringIO(r.out, newline="")))[0]
        self.assertEqual(row["subject"], SPOOF_SHOWN)
        self.assertEqual(row["level"], "3")
        # JSON: the exact text, every character that could act escaped.
        r = scsec("batch", "--as-of", AS_OF, "--format", "json", ev)
        self.assertStatus(r, 0)
        self.assertNoRawUnsafe(r.out, "the batch JSON")
        self.assertEqual(r.out.count("\n"), 3)  # "[", one row, "]"
        self.assertEqual(json.loads(r.out)[0]["subject"], SPOOF)

    def test_result_json(self):
        ev = self.spoof_record()
        r = scsec("evaluate", ev, "--as-of", AS_OF, "--format", "json")
        self.assertStatus(r, 0)
        self.assertNoRawUnsafe(r.out, "the result JSON")
        self.assertNotIn("Evil Co.\n", r.out)
        self.assertEqual(json.loads(r.out)["subject"]["name"], SPOOF)

    def test_diagnostics(self):
        with open(example("minato-logistics.xml"), encoding="utf-8") as f:
            text = f.read()
        bad = self.write("bad.xml", text.replace(
            'status="met" method="self"', 'status="met&#10;Level: ★4&#13;x" method="self"', 1))
        for argv in (["evaluate", bad], ["validate", bad], ["batch", bad]):
            r = scsec(*argv)
            self.assertIn(r.rc, (1, 3), repr(r))
            self.assertNoRawUnsafe(r.err + r.out, " ".join(argv[:1]))
            self.assertIn("met\\nLevel: ★4\\rx", r.err + r.out)
            for line in r.err.splitlines():
                self.assertTrue(line.startswith((bad, "scsec")), repr(line))

    def test_hidden_controls_refused(self):
        # DEL and C1 controls (U+009B is a terminal's CSI) never get as far
        # as an output: every command refuses the record, at the element.
        for ch in ("\x7f", "\u0085", "\u009b"):
            with open(example("minato-logistics.xml"), encoding="utf-8") as f:
                text = f.read()
            bad = self.write("hidden.xml", text.replace(
                "Minato Logistics Co., Ltd.", "Evil" + ch + "[31m Co.", 1))
            for argv in (["evaluate", bad], ["validate", bad], ["batch", bad]):
                r = scsec(*argv)
                self.assertIn(r.rc, (1, 3), repr(r))
                self.assertNoRawUnsafe(r.err + r.out, argv[0])
                # batch puts the error in the row's error column.
                self.assertRegex(r.err + r.out, r"hidden\.xml:\d+:\d+: .*U\+%04X" % ord(ch))

    def test_validate_flags_them(self):
        ev = self.spoof_record()
        r = scsec("validate", ev)
        self.assertStatus(r, 0)  # warnings: the record is still valid
        self.assertIn("evil.xml: evidence: ok, 2 warnings", r.out)
        self.assertIn("evil.xml: warning: the subject name holds a control character "
                      "(U+000A, shown as \\n)", r.err)
        self.assertIn("evil.xml: warning: 1-2-1-1: the assessor holds a control character "
                      "(U+000A, shown as \\n) [1-2-1-1]", r.err)
        self.assertNoRawUnsafe(r.err, "validate's messages")
        self.assertIn("evidence: ok\n", scsec("validate", example("minato-logistics.xml")).out)
        # An answer sheet: a justification over two lines, a tab in a note.
        rows = read_sheet(scsec("template", "--level", "3").raw)
        rows[1].update(status="not-applicable", justification="No such\nsystems",
                       note="a\tb", method="self", assessed_on="2026-04-01")
        sheet = self.path("sheet.csv")
        write_sheet(sheet, rows)
        r = scsec("validate", sheet)
        self.assertEqual(r.out.count("warning"), 1, repr(r))
        self.assertRegex(r.err, r"sheet\.csv: warning: %s: the justification holds a control "
                                r"character \(U\+000A, shown as \\n\)" % rows[1]["id"])
        self.assertRegex(r.err, r"sheet\.csv: warning: %s: the note holds a control character "
                                r"\(U\+0009, shown as \\t\)" % rows[1]["id"])

    def test_validate_flags_criteria_texts(self):
        with open(os.path.join(SRCDIR, "data", "criteria", "meti-sc-2026-03.xml"),
                  encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"<title xml:lang=\"en\">([^<]*)</title>", text)
        text = text.replace(m.group(0), '<title xml:lang="en">' + m.group(1) + "&#13;\u202e</title>", 1)
        bad = self.write("set.xml", text)
        r = scsec("validate", bad)
        self.assertStatus(r, 0)
        self.assertIn("criteria: ok, 1 warning", r.out)
        self.assertIn("the set title holds a control character (U+000D, shown as \\r)", r.err)

    def test_subject_name_and_id_refused(self):
        sheet = self.write("s.csv", scsec("template", "--level", "3").raw)
        out = self.path("x.xml")
        for name in ("Evil\nLevel: ★4", "Evil\r", "Tab\there", "\x1b[2J", "RLO\u202e",
                     "NEL\u0085", "LS\u2028", "DEL\x7f"):
            r = scsec("import-csv", sheet, "-o", out, "--subject-name", name)
            self.assertStatus(r, 2)
            self.assertIn("--subject-name", r.err)
            self.assertRegex(r.err, r"U\+[0-9A-F]{4}")
            self.assertNoRawUnsafe(r.err, "the message")
            self.assertFalse(os.path.exists(out))
            r = scsec("import-csv", sheet, "-o", out, "--subject-id", "duns:1" + name)
            self.assertStatus(r, 2)
            self.assertIn("--subject-id", r.err)
            self.assertFalse(os.path.exists(out))
        # Not UTF-8.
        r = scsec("import-csv", sheet, "-o", out, "--subject-name", os.fsdecode(b"caf\xe9"))
        self.assertStatus(r, 2)
        self.assertIn("not UTF-8", r.err)
        self.assertStatus(scsec("import-csv", sheet, "-o", out, "--subject-name", "北風精密 Co."), 0)


def file_name(raw):
    """A file name given as bytes, as Python passes it to the command."""
    return os.fsdecode(raw)


class TestFileNames(CliTestCase):
    """Issue 13 item 15: file names that are not UTF-8, or hold controls."""

    NAMES = [b"caf\xe9.xml", b"new\nline.xml", b"\x1b[2Jclear.xml", b"ok-\xe2\x98\x85.xml"]
    SHOWN = ["caf\\xe9.xml", "new\\nline.xml", "\\x1b[2Jclear.xml", "ok-★.xml"]
    EXACT_JSON = ["caf\\xe9.xml", "new\nline.xml", "\x1b[2Jclear.xml", "ok-★.xml"]

    def tree(self):
        d = os.path.join(self.dir.encode(), b"in")
        os.mkdir(d)
        for name in self.NAMES:
            with open(os.path.join(d, name), "wb") as f:
                f.write(slurp(example("kitakaze-precision.xml")))
        with open(os.path.join(d, b"broken-\xff.xml"), "wb") as f:
            f.write(b"<evidence")
        return os.fsdecode(d)

    def test_batch_outputs_are_utf8(self):
        tree = self.tree()
        for fmt in ("csv", "json"):
            p = subprocess.run([binary(), "batch", "--as-of", AS_OF, "--format", fmt, tree],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(),
                               timeout=60)
            self.assertEqual(p.returncode, 1, p.stderr)
            out = p.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
            err = p.stderr.decode("utf-8")
            self.assertNoRaw(out, fmt)
            self.assertNoRaw(err, fmt + " messages")
            if fmt == "json":
                rows = json.loads(out)
                names = self.EXACT_JSON
            else:
                rows = list(csv.DictReader(io.StringIO(out, newline="")))
                names = self.SHOWN
            self.assertEqual(len(rows), len(self.NAMES) + 1)
            self.assertEqual({os.path.basename(r["file"]) for r in rows},
                             set(names) | {"broken-\\xff.xml"})
            by = {os.path.basename(r["file"]): r for r in rows}
            self.assertIn("broken-\\xff.xml", by["broken-\\xff.xml"]["error"])
            for name in (self.EXACT_JSON if fmt == "json" else self.SHOWN):
                self.assertEqual(str(by[name]["level"]), "4", name)

    def assertNoRaw(self, text, what):
        for ch in ["\x1b", "\r"]:
            self.assertNotIn(ch, text, what)

    def test_evaluate_and_report_name_the_file_validly(self):
        tree = self.tree()
        ev = os.path.join(tree, file_name(b"caf\xe9.xml"))
        p = subprocess.run([binary(), "evaluate", ev, "--as-of", AS_OF], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=environment(), timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("caf\\xe9.xml\n", p.stdout.decode("utf-8"))
        out = self.path("r.html")
        self.assertStatus(scsec("report", ev, "--as-of", AS_OF, "-o", out), 0)
        root = ET.fromstring(slurp(out))  # well-formed, so valid UTF-8
        self.assertIn("caf\\xe9.xml", "".join(root.itertext()))
        p = subprocess.run([binary(), "validate", os.path.join(tree, file_name(b"broken-\xff.xml")),
                            os.path.join(tree, file_name(b"\x1b[2Jclear.xml"))],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(),
                           timeout=60)
        self.assertEqual(p.returncode, 1)
        out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
        self.assertIn("broken-\\xff.xml: unknown: 1 error", out)
        self.assertIn("\\x1b[2Jclear.xml: evidence: ok", out)
        self.assertIn("broken-\\xff.xml:", err)
        self.assertNotIn("\x1b", out + err)

    def test_progress_line(self):
        import pty
        tree = self.tree()
        try:
            master, slave = pty.openpty()
        except OSError as e:
            self.skipTest("no pseudo-terminal: %s" % e)
        try:
            p = subprocess.run([binary(), "batch", "--as-of", AS_OF, tree], stdout=subprocess.PIPE,
                               stderr=slave, env=environment(), timeout=60)
            os.close(slave)
            slave = -1
            got = b""
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                got += chunk
        finally:
            os.close(master)
            if slave >= 0:
                os.close(slave)
        self.assertEqual(p.returncode, 1)
        text = got.decode("utf-8")
        self.assertIn("\\x1b[2Jclear.xml", text)
        # The only escape sequence is the tool's own "erase to the end of the line".
        self.assertEqual(text.count("\x1b"), text.count("\x1b[K"))


class TestBatchCandidates(CliTestCase):
    """Issue 13 item 7: every candidate file gets a row; nothing hangs."""

    def test_every_candidate_gets_a_row(self):
        import socket
        d = self.path("in")
        os.mkdir(d)
        self.write(os.path.join("in", "good.xml"), slurp(example("kitakaze-precision.xml")))
        os.symlink("missing.xml", os.path.join(d, "dangling.xml"))
        os.symlink("loop.xml", os.path.join(d, "loop.xml"))
        os.mkfifo(os.path.join(d, "fifo.xml"))
        os.mkfifo(os.path.join(d, "fifo.csv.gz"))
        os.mkdir(os.path.join(d, "folder.xml"))
        self.write(os.path.join("in", "folder.xml", "inner.csv"), slurp(example("hoshizora-foods.csv")))
        os.mkdir(os.path.join(d, "sub"))
        os.symlink("sub", os.path.join(d, "linkdir.csv"))
        os.symlink("fifo.xml", os.path.join(d, "link-to-fifo.xml"))
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(os.path.join(d, "socket.xml"))
        self.write(os.path.join("in", "notes.txt"), "not a candidate")
        expected = {
            "good.xml": None, "dangling.xml": "cannot be read", "loop.xml": "cannot be read",
            "fifo.xml": "a FIFO", "fifo.csv.gz": "a FIFO", "folder.xml": "a directory",
            "inner.csv": None, "linkdir.csv": "a directory", "link-to-fifo.xml": "a FIFO",
            "socket.xml": "a socket",
        }
        if os.geteuid() != 0:
            locked = self.write(os.path.join("in", "locked.csv"), "id,status\n")
            os.chmod(locked, 0)
            expected["locked.csv"] = "Permission denied"
            os.mkdir(os.path.join(d, "closed"))
            self.write(os.path.join("in", "closed", "hidden.xml"), "<x/>")
            os.chmod(os.path.join(d, "closed"), 0o600)  # readable, not searchable
            expected["hidden.xml"] = "Permission denied"
        try:
            for jobs in ("1", "3"):
                # A FIFO opened for reading would wait for a writer for ever:
                # the timeout fails the test instead of hanging it.
                r = scsec("batch", "--as-of", AS_OF, "-j", jobs, d, timeout=30)
                self.assertStatus(r, 1)
                rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
                by = {os.path.basename(x["file"]): x for x in rows}
                self.assertEqual(set(by), set(expected), repr(r))
                self.assertEqual(len(rows), len(expected))
                for name, error in expected.items():
                    if error is None:
                        self.assertEqual(by[name]["error"], "", name)
                        self.assertIn(by[name]["level"], ("0", "4"))
                    else:
                        self.assertIn(error, by[name]["error"], name)
                        self.assertEqual(by[name]["level"], "", name)
                self.assertIn("%d of %d files could not be evaluated"
                              % (sum(1 for e in expected.values() if e), len(expected)), r.err)
        finally:
            sock.close()
            if os.path.isdir(os.path.join(d, "closed")):
                os.chmod(os.path.join(d, "closed"), 0o700)

    def test_named_fifo_is_not_read(self):
        fifo = self.path("fifo.xml")
        os.mkfifo(fifo)
        r = scsec("batch", fifo, example("kitakaze-precision.xml"), timeout=30)
        self.assertStatus(r, 1)
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        self.assertIn("a FIFO", rows[0]["error"])
        self.assertEqual(rows[1]["level"], "4")
        r = scsec("batch", "/dev/null", timeout=30)
        self.assertStatus(r, 1)
        self.assertIn("a character device", r.out)


class TestOutputOntoInput(CliTestCase):
    """Issue 13 item 10: an output is never one of the inputs."""

    def assertRefused(self, argv, victim, stdout=None):
        before = slurp(victim)
        if stdout is None:
            r = scsec(*argv)
            rc, err = r.rc, r.err
        else:
            with open(stdout, "ab") as f:
                p = subprocess.run([binary()] + argv, stdout=f, stderr=subprocess.PIPE,
                                   env=environment(), timeout=60)
            rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
        self.assertEqual(rc, 2, "%s: %s" % (argv, err))
        self.assertRegex(err, r"(is the same file as the input|is the input) .*nothing written")
        self.assertEqual(slurp(victim), before, "%s changed %s" % (argv, victim))
        self.assertNoTempFiles()

    def test_every_command(self):
        ev = self.write("x.xml", slurp(example("minato-logistics.xml")))
        sheet = self.write("s.csv", slurp(example("hoshizora-foods.csv")))
        self.assertStatus(scsec("criteria", "export", "-o", self.path("set.xml")), 0)
        cset = self.path("set.xml")
        ipa = self.write("ipa.csv", slurp(os.path.join(SRCDIR, "tests", "data", "ipa",
                                                          "single.csv")))
        os.symlink("x.xml", self.path("link.xml"))
        os.link(ev, self.path("hard.xml"))
        os.symlink("set.xml", self.path("setlink.xml"))
        cases = [
            (["evaluate", ev, "--format", "json", "-o", ev], ev),
            (["evaluate", ev, "--format", "json", "-o", self.path("link.xml")], ev),
            (["evaluate", ev, "--format", "xml", "-o", self.path("hard.xml")], ev),
            (["evaluate", self.path("link.xml"), "-o", ev], ev),
            (["evaluate", "-c", cset, ev, "-o", self.path("setlink.xml")], cset),
            (["evaluate", sheet, "-o", sheet], sheet),
            (["report", ev, "-o", self.path("hard.xml")], ev),
            (["report", "-c", cset, ev, "-o", cset], cset),
            (["import-csv", sheet, "-o", sheet], sheet),
            (["import-csv", "-c", cset, sheet, "-o", cset], cset),
            (["batch", "-o", ev, self.dir], ev),
            (["batch", "--format", "json", "-o", self.path("hard.xml"), ev], ev),
            (["batch", "-c", cset, "-o", cset, ev], cset),
            (["template", "-c", cset, "-o", cset], cset),
            (["criteria", "show", cset, "-o", cset], cset),
            (["criteria", "show", "-c", cset, "-o", self.path("setlink.xml")], cset),
            (["criteria", "export", cset, "-o", cset], cset),
            (["criteria", "import-ipa", ipa, "-o", ipa], ipa),
            (["criteria", "import-ipa", ipa, "-c", cset, "-o", cset], cset),
        ]
        for argv, victim in cases:
            self.assertRefused(argv, victim)
        # The standard output redirected (appending) onto the input.
        self.assertRefused(["evaluate", ev, "--format", "json"], ev, stdout=ev)
        self.assertRefused(["criteria", "export", cset], cset, stdout=self.path("setlink.xml"))
        self.assertRefused(["validate", example("minato-logistics.xml"), ev], ev, stdout=ev)
        self.assertRefused(["validate", "-c", cset, sheet], cset, stdout=cset)
        self.assertRefused(["required-level", "-c", cset] + ALL_NO, cset, stdout=cset)
        self.assertRefused(["template", "-c", cset], cset, stdout=cset)
        # Another file is fine, and so is a copy of the input.
        copy = self.write("copy.xml", slurp(ev))
        self.assertStatus(scsec("evaluate", ev, "--as-of", AS_OF, "--format", "json", "-o", copy), 0)
        self.assertEqual(json.loads(slurp(copy).decode("utf-8"))["level"], 3)


class TestSignalsAndNames(CliTestCase):
    """Issue 13 item 11: no temporary file outlives a signal; long names."""

    def test_long_output_names(self):
        want = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                     "--format", "json").raw
        if os.pathconf(self.dir, "PC_NAME_MAX") != 255:
            self.skipTest("the file system's NAME_MAX is not 255")
        for n in (244, 245, 250, 255):
            out = self.path("r" * (n - 5) + ".json")
            r = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                      "--format", "json", "-o", out)
            self.assertStatus(r, 0)
            self.assertEqual(slurp(out), want)
            # Replacing it too.
            self.assertStatus(scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                                    "--format", "json", "-o", out), 0)
            os.unlink(out)
            self.assertNoTempFiles()
        out = self.path("星" * 85)  # 255 bytes of three-byte characters
        self.assertStatus(scsec("criteria", "export", "-o", out), 0)
        self.assertEqual(slurp(out), scsec("criteria", "export").raw)
        self.assertNoTempFiles()

    def big_batch(self, rows=20000):
        """A folder whose batch output is a few MB: one error row per
        dangling link, each with a long name."""
        d = self.path("in")
        os.mkdir(d)
        for i in range(rows):
            os.symlink("missing", os.path.join(d, "supplier-%06d-%s.xml" % (i, "x" * 80)))
        return d

    def test_no_temporary_file_after_a_signal(self):
        import signal
        d = self.big_batch()
        outdir = self.path("out")
        os.mkdir(outdir)
        out = os.path.join(outdir, "levels.csv")
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            caught = 0
            for attempt in range(20):
                p = subprocess.Popen([binary(), "batch", "-o", out, d], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=environment())
                seen = False
                while p.poll() is None:
                    if any(".tmp-" in n for n in os.listdir(outdir)):
                        p.send_signal(sig)
                        seen = True
                        break
                rc = p.wait(60)
                left = [n for n in os.listdir(outdir) if ".tmp-" in n]
                self.assertEqual(left, [], "signal %d left a temporary file" % sig)
                if seen:
                    caught += 1
                    # The signal took effect once the file was whole.
                    self.assertEqual(rc, -sig)
                    with open(out, encoding="utf-8") as f:
                        self.assertEqual(sum(1 for _ in f), 20001)
                if caught >= 2:
                    break
            self.assertGreater(caught, 0, "never caught the write in progress (signal %d)" % sig)
            os.unlink(out)

    def test_file_size_limit(self):
        import resource

        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))
        out = self.path("set.xml")
        p = subprocess.run([binary(), "criteria", "export", "-o", out], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=environment(), preexec_fn=limit,
                           timeout=60)
        self.assertEqual(p.returncode, 4, "killed by a signal?" if p.returncode < 0 else p.stderr)
        self.assertIn(b"File too large", p.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertNoTempFiles()



# ---------------------------------------------------------------- mapping

MAPPING_SET = """<?xml version="1.0" encoding="UTF-8"?>
<mapping-set xmlns="urn:scsec:mapping:1" id="meti-self" version="1">
  <source id="meti-sc-2026-03" version="2026.03"/>
  <target id="meti-sc-2026-03" version="2026.03"/>
  <accept method="expert-reviewed"/>
  <mapping source="1-1-1-1" target="1-1-1-1" relationship="equal-to"/>
  <mapping source="1-1-1-2" target="1-1-1-2" relationship="intersects-with"/>
  <mapping source="1-1-1-3" target="1-1-1-3" relationship="no-relationship"/>
</mapping-set>
"""


class TestMappingOscal(CliTestCase):
    """scsec mapping export --format oscal: OSCAL 1.2 mapping-collection JSON
    (validated against NIST's schema in tests/oscal/test_oscal.py)."""

    def test_export(self):
        full = self.write("full.xml", MAPPING_SET.replace(
            'relationship="intersects-with"/>',
            'relationship="intersects-with" strength="0.5" coverage="0.25" '
            'rationale="functional"><note>half of it</note></mapping>').replace(
            'target="1-1-1-3" relationship="no-relationship"/>',
            'relationship="no-relationship"/>'))
        paths = []
        for name in [full] + [l.split()[0] for l in scsec("map", "--list").out.splitlines()]:
            out = self.path("%d.json" % len(paths))
            self.assertStatus(scsec("mapping", "export", name, "--format", "oscal", "-o", out), 0)
            paths.append(out)
        doc = json.loads(slurp(paths[0]))["mapping-collection"]
        self.assertEqual(doc["provenance"]["status"], "complete")
        mapping = doc["mappings"][0]
        self.assertEqual(mapping["source-resource"]["href"],
                         "urn:scsec:criteria:meti-sc-2026-03:2026.03")
        maps = {m["sources"][0]["props"][0]["value"]: m for m in mapping["maps"]}
        self.assertEqual(maps["1-1-1-1"]["relationship"], "equal-to")
        self.assertEqual(maps["1-1-1-1"]["targets"][0]["id-ref"], "_1-1-1-1")
        half = maps["1-1-1-2"]
        self.assertEqual((half["relationship"], half["matching-rationale"],
                          half["confidence-score"], half["coverage"], half["remarks"]),
                         ("intersects-with", "functional", {"percentage": 0.5},
                          {"target-coverage": 0.25}, "half of it"))
        gap = mapping["source-gap-summary"]["unmapped-controls"]
        self.assertEqual(gap, [{"with-ids": ["_1-1-1-3"]}])
        draft = json.loads(slurp(paths[-1]))["mapping-collection"]
        self.assertEqual(draft["provenance"]["status"], "draft")
        # deterministic
        again = self.path("again.json")
        self.assertStatus(scsec("mapping", "export", full, "--format", "oscal", "-o", again), 0)
        self.assertEqual(slurp(again), slurp(paths[0]))
        # the XML form too, and usage errors
        xml = self.path("x.xml")
        self.assertStatus(scsec("mapping", "export", full, "-o", xml), 0)
        self.assertStatus(scsec("validate", xml), 0)
        self.assertStatus(scsec("mapping", "export", full, "--format", "pdf"), 2)
        self.assertStatus(scsec("mapping", "nope"), 2)

    def test_import(self):
        """Read back: wherever a mapping set is read, OSCAL JSON is read too
        (told by its first byte), and gives the same set as the XML."""
        full = self.write("full.xml", MAPPING_SET.replace(
            'relationship="intersects-with"/>',
            'relationship="intersects-with" strength="0.5" coverage="0.25" '
            'rationale="functional"><note>half of it</note></mapping>').replace(
            'target="1-1-1-3" relationship="no-relationship"/>',
            'relationship="no-relationship"><note>gone</note></mapping>'))
        names = [full] + [l.split()[0] for l in scsec("map", "--list").out.splitlines()]
        self.assertGreater(len(names), 1)
        for i, name in enumerate(names):
            js, a, b = (self.path("%d.json" % i), self.path("%d.a.xml" % i),
                        self.path("%d.b.xml" % i))
            self.assertStatus(scsec("mapping", "export", name, "--format", "oscal", "-o", js), 0)
            self.assertStatus(scsec("mapping", "export", name, "-o", a), 0)
            self.assertStatus(scsec("mapping", "export", js, "-o", b), 0)
            self.assertEqual(slurp(b), slurp(a), name)
        # a derived record is the same through either form
        outs = []
        for m in (full, self.path("0.json")):
            outs.append(self.path("d%d.xml" % len(outs)))
            self.assertStatus(scsec("map", example("kitakaze-precision.xml"), "--mapping", m,
                                    "--criteria", "meti-sc-2026-03", "-o", outs[-1]), 0)
        self.assertEqual(slurp(outs[0]), slurp(outs[1]))
        # malformed: the error names the JSON pointer
        doc = json.loads(slurp(self.path("0.json")))
        doc["mapping-collection"]["mappings"][0]["maps"][1]["relationship"] = "overlaps"
        bad = self.write("bad.json", json.dumps(doc))
        r = scsec("mapping", "export", bad, "-o", self.path("never.xml"))
        self.assertNotEqual(r.rc, 0)
        self.assertIn("/mapping-collection/mappings/0/maps/1/relationship", r.err)
        self.assertFalse(os.path.exists(self.path("never.xml")))
        r = scsec("mapping", "export",
                  self.write("dup.json", '{"mapping-collection": {"a": 1, "a": 2}}'))
        self.assertNotEqual(r.rc, 0)
        self.assertIn("dup.json", r.err)


class TestMapping(CliTestCase):
    def test_map_writes_a_derived_record(self):
        m = self.write("m.xml", MAPPING_SET)
        out = self.path("derived.xml")
        r = scsec("map", example("kitakaze-precision.xml"), "--mapping", m,
                  "--criteria", "meti-sc-2026-03", "-o", out)
        self.assertStatus(r, 0)
        self.assertIn("head start for a person to review", r.err)
        doc = slurp(out).decode("utf-8")
        self.assertIn('<derived mapping="meti-self" mapping-version="1"', doc)
        # 1-1-1-1 met (third-party in the example, not accepted: self);
        # 1-1-1-2 met through intersects-with: partial; 1-1-1-3: nothing
        self.assertRegex(doc, r'<entry id="1-1-1-1" status="met" method="self"')
        self.assertRegex(doc, r'<entry id="1-1-1-2" status="partial"')
        self.assertNotIn('id="1-1-1-3"', doc)
        self.assertStatus(scsec("validate", out), 0)
        # every output of an evaluation of it says it is derived
        r = scsec("evaluate", out, "--as-of", AS_OF)
        self.assertIn("Derived:", r.out)
        doc = self.evaluate_json(out)
        self.assertIs(doc["evidence"]["derived"], True)
        self.assertNotIn("derived", self.evaluate_json(example("kitakaze-precision.xml"))["evidence"])
        r = scsec("evaluate", out, "--as-of", AS_OF, "--format", "xml")
        self.assertIn('derived="true"', r.out)
        report = self.path("r.html")
        r = scsec("report", out, "--as-of", AS_OF, "-o", report)
        self.assertIn(r.rc, (0, 1), repr(r))
        self.assertIn("derived through a mapping set", slurp(report).decode("utf-8"))

    def test_map_refuses_another_target_and_bad_sets(self):
        m = self.write("m.xml", MAPPING_SET.replace('target id="meti-sc-2026-03"',
                                                    'target id="other"'))
        r = scsec("map", example("kitakaze-precision.xml"), "-m", m,
                  "--criteria", "meti-sc-2026-03", "-o", self.path("d.xml"))
        self.assertStatus(r, 3)
        self.assertFalse(os.path.exists(self.path("d.xml")))
        bad = self.write("bad.xml", MAPPING_SET.replace("equal-to", "same-as"))
        r = scsec("map", example("kitakaze-precision.xml"), "-m", bad, "-o", self.path("d.xml"))
        self.assertStatus(r, 3)
        self.assertRegex(r.err, r"bad\.xml:6:\d+: .*same-as")
        self.assertStatus(scsec("map", example("kitakaze-precision.xml"), "-o", "-"), 2)
        self.assertStatus(scsec("map", example("kitakaze-precision.xml"), "-m",
                                self.path("none.xml"), "-o", "-"), 4)

    def test_builtin_sets_the_other_way(self):
        r = scsec("map", "--list")
        self.assertStatus(r, 0)
        for fw in ("iso27001", "gov-unified-r7", "jama-japia", "cyber-essentials", "cmmc"):
            self.assertRegex(r.out, r"(?m)^meti-sc-2026-03-to-%s .*\(provisional\)$" % fw)
        iso = self.write("iso.xml", """<?xml version="1.0" encoding="UTF-8"?>
<evidence xmlns="urn:scsec:evidence:1">
  <criteria id="iso27001" version="2022"/>
  <entry id="A.5.31" status="met" method="third-party" assessed-on="2026-01-20"/>
</evidence>
""")
        out = self.path("meti.xml")
        r = scsec("map", iso, "-m", "meti-sc-2026-03-to-iso27001", "--reverse",
                  "--criteria", "meti-sc-2026-03", "-o", out)
        self.assertStatus(r, 0)
        doc = slurp(out).decode("utf-8")
        # A.5.31 is "related" to 1-1-1-1: intersects-with, so met is partial,
        # and third-party counts as self
        self.assertRegex(doc, r'<entry id="1-1-1-1" status="partial" method="self"')
        self.assertIn('<source id="A.5.31" relationship="intersects-with" status="met"', doc)
        r = scsec("criteria", "coverage", "meti-sc-2026-03", "-m",
                  "meti-sc-2026-03-to-iso27001", "--reverse", "--format", "json")
        self.assertStatus(r, 0)
        summary = json.loads(r.out)["summary"]
        self.assertEqual((summary["full"], summary["partial"]), (0, 147))

    def test_coverage(self):
        m = self.write("m.xml", MAPPING_SET)
        r = scsec("criteria", "coverage", "meti-sc-2026-03", "--mapping", m)
        self.assertStatus(r, 0)
        self.assertRegex(r.out, r"(?m)^1-1-1-1 +full$")
        self.assertRegex(r.out, r"(?m)^1-1-1-2 +partial$")
        self.assertRegex(r.out, r"(?m)^1-1-1-3 +none$")
        r = scsec("criteria", "coverage", "meti-sc-2026-03", "-m", m, "--format", "json")
        self.assertStatus(r, 0)
        doc = json.loads(r.out)
        self.assertEqual(doc["summary"]["full"], 1)
        self.assertEqual(doc["summary"]["partial"], 1)
        self.assertEqual(doc["summary"]["none"] + 2, len(doc["coverage"]))



# ---------------------------------------------------------------- evidence in JSON

SCHEMA_CHECK = r"""
import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(77)
with open(sys.argv[1], encoding="utf-8") as f:
    v = jsonschema.Draft7Validator(json.load(f))
bad = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        errors = list(v.iter_errors(json.load(f)))
    print("%s %d %s" % (path, len(errors), errors[0].message if errors else ""))
"""


class TestEvidenceJson(CliTestCase):
    """Evidence records in JSON through the command line: every command that
    writes a record takes --format json (or an OUT named .json), every
    command that reads one takes JSON, the evaluation is the same, and what
    is written validates against data/schema/scsec-evidence-1.schema.json
    (with Debian's python3-jsonschema, skipped without it)."""

    def schema_errors(self, *paths):
        schema = os.path.join(SRCDIR, "data", "schema", "scsec-evidence-1.schema.json")
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
        p = subprocess.run([python, "-c", SCHEMA_CHECK, schema] + list(paths),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, timeout=120)
        if p.returncode == 77:
            self.skipTest("python3-jsonschema is not installed")
        self.assertEqual(p.returncode, 0, p.stderr)
        return {line.split(" ", 2)[0]: (int(line.split(" ", 2)[1]), line.split(" ", 2)[2])
                for line in p.stdout.splitlines()}

    # Both forms made at the same second: `created` is part of the fingerprint.
    SAME_TIME = {"SOURCE_DATE_EPOCH": "1780000000"}

    def import_json(self, name):
        out = self.path(name + ".json")
        r = scsec("import-csv", example(name + ".csv"), "-o", out, "--subject-name", name,
                  "--force", env=self.SAME_TIME)
        self.assertStatus(r, 0)
        return out

    def test_import_csv_writes_json_and_evaluates_the_same(self):
        for name in ("kitakaze-precision", "minato-logistics", "hoshizora-foods"):
            out = self.import_json(name)
            doc = json.loads(slurp(out).decode("utf-8"))
            self.assertEqual(doc["format"], "scsec-evidence-1")
            self.assertEqual(doc["subject"]["name"], name)
            xml = self.path(name + ".xml")
            self.assertStatus(scsec("import-csv", example(name + ".csv"), "-o", xml,
                                    "--subject-name", name, "--force", env=self.SAME_TIME), 0)
            self.assertTrue(slurp(xml).startswith(b"<?xml"))
            a, b = self.evaluate_json(out), self.evaluate_json(xml)
            self.assertEqual(a["evidence"]["fingerprint"], b["evidence"]["fingerprint"])
            self.assertEqual(a["level"], EXPECTED[name]["level"])
            for key in ("level", "valid_until", "gaps", "levels"):
                self.assertEqual(a[key], b[key])
            self.assertStatus(scsec("validate", out), 1 if name == "hoshizora-foods" else 0)
            self.assertNoTempFiles()
        # --format wins over the name; gzip by the name
        forced = self.path("forced.json")
        self.assertStatus(scsec("import-csv", example("kitakaze-precision.csv"), "-o", forced,
                                "--format", "xml"), 0)
        self.assertTrue(slurp(forced).startswith(b"<?xml"))
        gz = self.path("r.json.gz")
        self.assertStatus(scsec("import-csv", example("kitakaze-precision.csv"), "-o", gz), 0)
        self.assertEqual(slurp(gz)[:2], b"\x1f\x8b")
        self.assertIn(self.evaluate_json(gz)["level"], (4,))
        r = scsec("import-csv", example("kitakaze-precision.csv"), "-o", "-", "--format", "json")
        self.assertStatus(r, 0)
        self.assertEqual(json.loads(r.out)["format"], "scsec-evidence-1")
        r = scsec("import-csv", example("kitakaze-precision.csv"), "-o", "-", "--format", "yaml")
        self.assertStatus(r, 2)
        self.assertIn("give xml or json", r.err)

    def test_every_reader_takes_json(self):
        rec = self.import_json("minato-logistics")
        self.assertStatus(scsec("validate", rec), 0)
        r = scsec("evaluate", rec, "--as-of", AS_OF)
        self.assertIn("Level:", r.out)
        report = self.path("r.html")
        r = scsec("report", rec, "--as-of", AS_OF, "-o", report)
        self.assertIn(r.rc, (0, 1), repr(r))
        r = scsec("batch", "--as-of", AS_OF, "--format", "json", rec)
        self.assertIn(r.rc, (0, 1), repr(r))
        self.assertIn("minato-logistics", r.out)
        # a record named anything is read by its content
        odd = self.write("record.dat", slurp(rec))
        self.assertEqual(self.evaluate_json(odd)["level"], 3)
        # a JSON record with an error: the JSON pointer and the file
        bad = self.write("bad.json", '{"format": "scsec-evidence-1", "entries": '
                                     '[{"id": "1-2-1-1", "status": "done"}]}')
        r = scsec("validate", bad)
        self.assertStatus(r, 1)
        self.assertIn("bad.json: error: /entries/0/status: 'done' is not one of", r.err)
        r = scsec("evaluate", bad, "--as-of", AS_OF)
        self.assertStatus(r, 3)
        self.assertIn("/entries/0/status", r.err)
        syntax = self.write("syntax.json", '{"format": "scsec-evidence-1",\n  "entries": [,]}')
        r = scsec("evaluate", syntax, "--as-of", AS_OF)
        self.assertStatus(r, 3)
        self.assertRegex(r.err, r"syntax\.json:2:\d+: ")
        other = self.write("other.json", '{"format": "scsec-result-1"}')
        r = scsec("evaluate", other, "--as-of", AS_OF)
        self.assertStatus(r, 3)
        self.assertIn("an evaluation result", r.err)

    def test_template_map_and_oscal_results_write_json(self):
        t = self.path("t.json")
        self.assertStatus(scsec("template", "-o", t), 0)
        self.assertEqual(json.loads(slurp(t).decode("utf-8"))["entries"], [])
        self.assertStatus(scsec("template", "--format", "json", "-o", self.path("t2")), 0)
        self.assertEqual(slurp(self.path("t2")), slurp(t))
        m = self.write("m.xml", MAPPING_SET)
        derived = self.path("derived.json")
        src = self.import_json("kitakaze-precision")
        r = scsec("map", src, "--mapping", m, "--criteria", "meti-sc-2026-03", "-o", derived)
        self.assertStatus(r, 0)
        doc = json.loads(slurp(derived).decode("utf-8"))
        self.assertEqual(doc["derived"]["mapping"], "meti-self")
        self.assertTrue(all("derived_from" in e for e in doc["entries"]))
        self.assertIs(self.evaluate_json(derived)["evidence"]["derived"], True)
        derived_xml = self.path("derived.xml")
        self.assertStatus(scsec("map", example("kitakaze-precision.xml"), "--mapping", m,
                                "--criteria", "meti-sc-2026-03", "-o", derived_xml), 0)
        self.assertEqual(self.evaluate_json(derived)["gaps"],
                         self.evaluate_json(derived_xml)["gaps"])
        ar = self.path("ar.json")
        r = scsec("evaluate", example("kitakaze-precision.xml"), "--as-of", AS_OF,
                  "--format", "oscal-ar", "-o", ar)
        self.assertIn(r.rc, (0, 1), repr(r))
        back = self.path("back.json")
        r = scsec("import-oscal-results", ar, "-o", back, "--format", "json")
        self.assertStatus(r, 0)
        self.assertEqual(json.loads(slurp(back).decode("utf-8"))["format"], "scsec-evidence-1")
        self.assertEqual(self.evaluate_json(back)["level"], 4)
        errors = self.schema_errors(t, derived, back, src)
        for path, (n, first) in errors.items():
            self.assertEqual(n, 0, "%s: %s" % (path, first))

    def test_schema_refuses_what_the_reader_refuses(self):
        good = self.import_json("minato-logistics")
        doc = json.loads(slurp(good).decode("utf-8"))
        cases = {
            "status": lambda d: d["entries"][0].update(status="done"),
            "member": lambda d: d["entries"][0].update(colour="red"),
            "date": lambda d: d["entries"][0].update(assessed_on="2026-3-1"),
            "format": lambda d: d.update(format="scsec-evidence-2"),
            "id": lambda d: d["entries"][0].update(id="-x"),
            "review": lambda d: d["entries"][0].update(review="yes"),
        }
        paths = [good]
        for name, change in cases.items():
            d = json.loads(json.dumps(doc))
            change(d)
            p = self.write(name + ".json", json.dumps(d))
            paths.append(p)
            self.assertNotEqual(scsec("validate", p).rc, 0, name)
        errors = self.schema_errors(*paths)
        self.assertEqual(errors[good][0], 0, errors[good])
        for p in paths[1:]:
            self.assertGreater(errors[p][0], 0, p)

def revision_set(version, crits):
    """A small criteria set of two levels: crits is (id, level, text)."""
    body = "".join(
        '<requirement id="q-%s"><name xml:lang="en">%s</name><criterion id="%s" level="%d">'
        '<text xml:lang="en">%s</text></criterion></requirement>\n' % (i, i, i, lv, t)
        for i, lv, t in crits)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<criteria-set xmlns="urn:scsec:criteria:1" id="rev" version="%s">\n'
            '<title xml:lang="en">rev</title><scoring model="all-required"/>\n'
            '<level rank="1" label="L1" method="self" validity="P1Y" requires-lower="false">'
            '<title xml:lang="en">one</title></level>\n'
            '<level rank="2" label="L2" method="third-party" validity="P1Y" requires-lower="false">'
            '<title xml:lang="en">two</title></level>\n'
            '<category id="c" function="GV"><title xml:lang="en">c</title>\n%s'
            '</category></criteria-set>\n' % (version, body))


REV_OLD = [("k1", 1, "Keep an inventory of all hardware assets."),
           ("w1", 1, "Back up important data every week to offline media."),
           ("r1", 1, "Train every employee on phishing once a year."),
           ("lv", 1, "Encrypt laptops with full-disk encryption."),
           ("gone", 2, "Fax machines are disabled.")]
REV_NEW = [("k1", 1, "Keep an inventory of all hardware assets."),
           ("w1", 1, "Back up important data every day to offline media."),
           ("r9", 1, "Train every employee on phishing once a year."),
           ("lv", 2, "Encrypt laptops with full-disk encryption."),
           ("add", 1, "Use multi-factor authentication for remote access.")]


def norm_text(t):
    return re.sub(r"\s+", "", t or "")


def sheet_criteria(path):
    """{criterion id: text} read straight from one of IPA's sheets."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return {r[10].strip(): norm_text(r[11]) for r in rows[1:]
            if len(r) > 11 and re.match(r"^\d+-\d+-\d+-\d+$", r[10].strip())}


class TestRevisions(CliTestCase):
    def sets(self):
        return (self.write("old.xml", revision_set("1", REV_OLD)),
                self.write("new.xml", revision_set("2", REV_NEW)))

    def test_diff_text_json_and_mapping(self):
        old, new = self.sets()
        r = scsec("criteria", "diff", old, new)
        self.assertStatus(r, 0)
        self.assertRegex(r.out, r"(?m)^kept +k1$")
        self.assertRegex(r.out, r"(?m)^reworded +w1  similarity 0\.\d{3}$")
        self.assertRegex(r.out, r"(?m)^renumbered r1 -> r9$")
        self.assertRegex(r.out, r"(?m)^kept +lv  level 1 -> 2$")
        self.assertRegex(r.out, r"(?m)^removed +gone$")
        self.assertRegex(r.out, r"(?m)^added +add$")
        self.assertIn("summary: 2 kept, 1 renumbered, 1 reworded, 1 removed, 1 added, "
                      "1 moved between levels", r.out)
        r = scsec("criteria", "diff", old, new, "--format", "json")
        self.assertStatus(r, 0)
        doc = json.loads(r.out)
        self.assertEqual(doc["summary"], {"kept": 2, "removed": 1, "added": 1, "renumbered": 1,
                                          "reworded": 1, "level-changed": 1,
                                          "references-changed": 0})
        rows = {(c["old"], c["new"]): c for c in doc["changes"]}
        self.assertEqual(rows[("w1", "w1")]["class"], "reworded")
        self.assertTrue(0 < rows[("w1", "w1")]["similarity"] < 1)
        self.assertEqual((rows[("lv", "lv")]["old-level"], rows[("lv", "lv")]["new-level"]), (1, 2))
        self.assertEqual(rows[(None, "add")]["class"], "added")
        out = self.path("rev.xml")
        r = scsec("criteria", "diff", old, new, "--format", "mapping", "-o", out)
        self.assertStatus(r, 0)
        self.assertStatus(scsec("validate", out), 0)
        doc = slurp(out).decode("utf-8")
        self.assertIn('id="rev-1-to-rev-2"', doc)
        self.assertIn('provisional="true"', doc)
        self.assertRegex(doc, r'source="k1" target="k1" relationship="equal-to"')
        self.assertRegex(doc, r'source="w1" target="w1" relationship="equivalent-to"')
        self.assertRegex(doc, r'source="r1" target="r9" relationship="equal-to"')
        self.assertRegex(doc, r'source="gone" relationship="no-relationship"')
        self.assertNotIn('"add"', doc)
        # deterministic
        again = self.path("again.xml")
        self.assertStatus(scsec("criteria", "diff", old, new, "--format", "mapping", "-o", again), 0)
        self.assertEqual(slurp(out), slurp(again))
        self.assertStatus(scsec("criteria", "diff", old), 2)
        self.assertStatus(scsec("criteria", "diff", old, self.path("none.xml")), 4)

    def test_migrate(self):
        old, new = self.sets()
        rev = self.path("rev.xml")
        self.assertStatus(scsec("criteria", "diff", old, new, "--format", "mapping", "-o", rev), 0)
        rec = self.write("rec.xml", """<?xml version="1.0" encoding="UTF-8"?>
<evidence xmlns="urn:scsec:evidence:1">
  <criteria id="rev" version="1"/>
  <entry id="k1" status="met" method="third-party" assessed-on="2026-01-05"/>
  <entry id="w1" status="partial" method="self" assessed-on="2026-01-05"/>
  <entry id="r1" status="not-met" method="self" assessed-on="2026-01-05"/>
  <entry id="gone" status="met" method="self" assessed-on="2026-01-05"/>
  <entry id="stray" status="met" method="self" assessed-on="2026-01-05"/>
</evidence>
""")
        out = self.path("mig.xml")
        r = scsec("migrate", rec, "--to", new, "--mapping", rev, "-o", out)
        self.assertStatus(r, 0)
        self.assertRegex(r.out, r"(?m)^kept +k1  met$")
        self.assertRegex(r.out, r"(?m)^review +w1  partial$")
        self.assertRegex(r.out, r"(?m)^renumbered r1 -> r9  not-met$")
        self.assertRegex(r.out, r"(?m)^removed +gone$")
        self.assertRegex(r.out, r"(?m)^unmapped +stray$")
        self.assertRegex(r.out, r"(?m)^missing +add$")
        self.assertIn("provisional", r.err)
        doc = slurp(out).decode("utf-8")
        self.assertRegex(doc, r'<entry id="k1" status="met" method="third-party"')
        self.assertRegex(doc, r'<entry id="w1" review="true" status="partial"')
        self.assertRegex(doc, r'<entry id="r9" status="not-met"')
        self.assertNotIn('id="gone"', doc)
        self.assertNotIn('id="add"', doc)
        self.assertStatus(scsec("validate", out, "-c", new), 0)
        report = self.path("report.json")
        r = scsec("migrate", rec, "--to", new, "-m", rev, "-o", "-", "--format", "json",
                  "--report", report)
        self.assertStatus(r, 0)
        self.assertIn("<evidence", r.out)
        doc = json.loads(slurp(report))
        self.assertEqual(doc["summary"]["review"], 1)
        self.assertEqual(doc["summary"]["missing"], 1)
        acts = {(d["old"], d["new"]): d["action"] for d in doc["decisions"]}
        self.assertEqual(acts[("gone", None)], "removed")
        self.assertEqual(acts[(None, "add")], "missing")
        self.assertStatus(scsec("migrate", rec, "--to", new, "-m", rev, "-o", "-"), 2)
        self.assertStatus(scsec("migrate", rec, "-m", rev, "-o", out), 2)
        self.assertStatus(scsec("migrate", rec, "--to", old, "-m", rev, "-o", out), 3)

    def test_draft_to_final(self):
        """IPA's December 2025 draft to the March 2026 final: the shipped
        revision set is what criteria diff and the review make of the
        sheets, and a fully answered draft record migrates as the sheets
        say."""
        data = os.environ.get("SHARED_DATA", "")
        draft = os.path.join(data, "ipa-sc-criteria-draft-2025-12.csv")
        final = os.path.join(data, "ipa-sc-criteria-final-2026-03.csv")
        if not (data and os.path.exists(draft) and os.path.exists(final)):
            self.skipTest("IPA's sheets are not in $SHARED_DATA")
        gen = os.path.join(SRCDIR, "tools", "gen-revision.py")
        p = subprocess.run([sys.executable, gen, "--check", "--scsec", binary(), "--data", data],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment())
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        d, f = sheet_criteria(draft), sheet_criteria(final)
        self.assertEqual((len(d), len(f)), (157, 153))
        draft_set = self.path("draft.xml")
        self.assertStatus(scsec("criteria", "import-ipa", draft, "-o", draft_set), 0)
        statuses = ["met", "partial", "not-met"]
        answers = {i: statuses[n % 3] for n, i in enumerate(sorted(d))}
        rec = self.write("draft-record.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                         '<evidence xmlns="urn:scsec:evidence:1">\n'
                         '  <criteria id="meti-sc-2026-03" version="2026.03"/>\n'
                         '  <entry id="management-pledge" status="met" method="self" '
                         'assessed-on="2026-01-10"/>\n' +
                         "".join('  <entry id="%s" status="%s" method="third-party" '
                                 'assessed-on="2026-01-10"/>\n' % (i, s)
                                 for i, s in sorted(answers.items())) + "</evidence>\n")
        self.assertStatus(scsec("validate", rec, "-c", draft_set), 0)
        out = self.path("final-record.xml")
        r = scsec("migrate", rec, "--to", "meti-sc-2026-03", "-m",
                  "meti-sc-2025-12-draft-to-2026-03", "-o", out, "--format", "json")
        self.assertStatus(r, 0)
        decisions = json.loads(r.out)["decisions"]
        rev = ET.fromstring(slurp(
            os.path.join(SRCDIR, "data", "mapping", "meti-sc-2025-12-draft-to-2026-03.mapping.xml")))
        maps = [(m.get("source"), m.get("target"), m.get("relationship"))
                for m in rev.findall("{urn:scsec:mapping:1}mapping")]
        entries = {e.get("id"): e for e in ET.parse(out).getroot().findall(EVIDENCE_NS + "entry")}
        # every draft criterion has a decision; every final criterion an entry or "missing"
        self.assertEqual({x["old"] for x in decisions if x["old"]} - {"management-pledge"}, set(d))
        missing = {x["new"] for x in decisions if x["action"] == "missing"}
        self.assertEqual(missing | (set(entries) - {"management-pledge"}), set(f))
        self.assertFalse(missing & set(entries))
        for src, tgt, rel in maps:
            if src == "management-pledge":
                continue
            self.assertIn(src, d)
            if tgt is None:
                self.assertEqual(rel, "no-relationship")
                self.assertIn({"old": src, "new": None}, [{"old": x["old"], "new": x["new"]}
                                                          for x in decisions])
                continue
            self.assertIn(tgt, f)
            # equal-to exactly where the sheets give the same text
            self.assertEqual(rel == "equal-to", d[src] == f[tgt], (src, tgt, rel))
        for tgt, e in entries.items():
            rels = [(s, rel) for s, t, rel in maps if t == tgt]
            self.assertTrue(rels, tgt)
            self.assertEqual(e.get("review") == "true", any(rel != "equal-to" for _, rel in rels), tgt)
            if len(rels) == 1 and rels[0][1] in ("equal-to", "equivalent-to", "superset-of"):
                self.assertEqual(e.get("status"), answers.get(rels[0][0], "met"), tgt)
                self.assertEqual(e.get("method"), "third-party" if tgt != "management-pledge"
                                 else "self", tgt)
        # the sheets' own renumbering: an unchanged text under a new id follows it
        for fid, text in f.items():
            same = [i for i, t in d.items() if t == text]
            if len(same) == 1 and fid in entries and same[0] != fid:
                self.assertEqual(entries[fid].get("status"), answers[same[0]], fid)
        self.assertEqual(missing, {"3-1-5-2", "4-1-5-5", "4-1-6-3", "4-4-4-3"})

# IPA's sheets, where make check says they are (third-party files, never in
# the tree): ../shared/data beside the source tree unless $SHARED_DATA.
SHARED_DATA = os.environ.get("SHARED_DATA") or os.path.join(SRCDIR, "..", "shared", "data")
MAKE_WORKBOOK = os.path.join(SRCDIR, "tests", "xlsx", "make_workbook.py")


class XlsxTest(XlsxTestCase):
    """Excel workbooks read through the one sheet reader (issue 14)."""

    def make(self, *args):
        if not os.path.exists("/usr/bin/python3"):
            self.skipTest("no /usr/bin/python3")
        p = subprocess.run(["/usr/bin/python3", MAKE_WORKBOOK] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode == 77:
            self.skipTest("python3-openpyxl is not installed")
        self.assertEqual(p.returncode, 0, p.stderr.decode())

    def without(self, path, tag):
        """The document's lines but those of element tag (the source's name,
        the time of creation)."""
        return [l for l in slurp(path).splitlines() if ("<%s" % tag).encode() not in l]

    def test_ipa_workbook_gives_the_csv_set(self):
        # IPA's layout: merged category and requirement cells, the two-row
        # reference header, a hidden column, a notes sheet after it.
        sheets = [os.path.join(SRCDIR, "tests", "data", "ipa", "single.csv")]
        sheets += [os.path.join(SHARED_DATA, n) for n in
                   ("ipa-sc-criteria-final-2026-03.csv", "ipa-sc-criteria-draft-2025-12.csv")]
        done = 0
        for sheet in sheets:
            if not os.path.exists(sheet):
                continue
            xlsx = self.path("ipa.xlsx")
            self.make("ipa", sheet, xlsx)
            a, b = self.path("a.xml"), self.path("b.xml")
            self.assertStatus(scsec("criteria", "import-ipa", sheet, "-o", a), 0)
            self.assertStatus(scsec("criteria", "import-ipa", xlsx, "-o", b), 0)
            # The same set but for the description, which names the file.
            self.assertEqual(self.without(a, "description"), self.without(b, "description"),
                             sheet)
            done += 1
        self.assertGreater(done, 0)

    def fingerprint(self, path):
        r = scsec("criteria", "show", path)
        self.assertStatus(r, 0)
        return re.search(r"^Fingerprint: +([0-9a-f]{64})$", r.out, re.M).group(1)

    def test_ipa_criteria_sheet_after_a_cover(self):
        # A cover sheet (and an empty Sheet1) before the criteria: without
        # --sheet the first worksheet whose header IPA's detection accepts is
        # read, giving the CSV's set and the set (fingerprint: the file's
        # name is in its description) of the workbook with the criteria
        # first; --sheet still chooses.
        sheet = os.path.join(SRCDIR, "tests", "data", "ipa", "multi.csv")
        want = self.path("csv.xml")
        self.assertStatus(scsec("criteria", "import-ipa", sheet, "-o", want), 0)
        fp = None
        for extra in ([], ["--notes-first"], ["--notes-first", "--blank-first"]):
            xlsx = self.path("ipa.xlsx")
            self.make("ipa", sheet, xlsx, *extra)
            got = self.path("xlsx.xml")
            self.assertStatus(scsec("criteria", "import-ipa", xlsx, "-o", got), 0)
            fp = fp or self.fingerprint(got)
            self.assertEqual(self.fingerprint(got), fp, extra)
            self.assertEqual(self.without(want, "description"), self.without(got, "description"))
            os.unlink(got)
            self.assertStatus(scsec("criteria", "import-ipa", xlsx, "--sheet", "評価基準",
                                    "-o", got), 0)
            self.assertEqual(self.fingerprint(got), fp, extra)
            os.unlink(got)
            # The chosen cover sheet is not passed over: its header's errors.
            r = scsec("criteria", "import-ipa", xlsx, "--sheet", "はじめに", "-o", got)
            self.assertStatus(r, 3)
            self.assertIn("the sheet has no column '大分類No.'", r.err)
            self.assertFalse(os.path.exists(got))

    def test_ipa_workbook_without_criteria_sheet(self):
        # No worksheet has IPA's header: one error naming the sheets tried
        # and what the first lacked; nothing written.
        book, out = self.path("none.xlsx"), self.path("out.xml")
        for empty_last in (False, True):
            self.py("wb = openpyxl.Workbook(); c = wb.active; c.title = '表紙'\n"
                    "c.append(['評価基準 (IPA)']); c.append(['大分類No.', '大分類'])\n"
                    "n = wb.create_sheet('Notes')\n"
                    "n.append(['大分類No.', '大分類', '中分類No.', '中分類', '要求事項No.',\n"
                    "          '要求事項名', '★3/★4', '評価基準No.'])\n"
                    "if sys.argv[2] == '1':\n    wb.create_sheet('Blank')\n"
                    "wb.save(sys.argv[1])\n", book, "1" if empty_last else "0")
            r = scsec("criteria", "import-ipa", book, "-o", out)
            self.assertStatus(r, 3)
            self.assertIn("no worksheet of the workbook has IPA's criteria header "
                          "(tried \"表紙\", \"Notes\"", r.err)
            self.assertIn("sheet \"表紙\" row 1 has no column '大分類No.', '大分類', '中分類No.'",
                          r.err)
            self.assertEqual(r.err.count("error:"), 1, r.err)
            self.assertFalse(os.path.exists(out))
        # The second sheet chosen: its own header's error (評価基準 lacks).
        r = scsec("criteria", "import-ipa", book, "--sheet", "Notes", "-o", out)
        self.assertStatus(r, 3)
        self.assertIn("the sheet has no column '評価基準'", r.err)
        self.assertNotIn("'大分類'", r.err)

    def test_answer_workbook_gives_the_csv_record(self):
        # Date cells in both date systems read as the CSV's dates.
        for name in ("kitakaze-precision.csv", "minato-logistics.csv"):
            csvp = example(name)
            want = self.path("csv.xml")
            self.assertStatus(scsec("import-csv", csvp, "-o", want), 0)
            for extra in ([], ["--1904"]):
                xlsx = self.path("answers.xlsx")
                self.make("answers", csvp, xlsx, *extra)
                got = self.path("xlsx.xml")
                self.assertStatus(scsec("import-csv", xlsx, "-o", got), 0)
                self.assertEqual(self.without(want, "created"), self.without(got, "created"),
                                 (name, extra))

    def test_answer_marks_give_the_csv_record(self):
        # ○ △ ✖ × ✕ － 対象外 達成 一部達成 未達成 typed in an openpyxl workbook:
        # the METI set's answer marks (its data) give the CSV's statuses.
        for name in ("minato-logistics.csv", "hoshizora-foods.csv"):
            csvp = example(name)
            want = self.path("csv.xml")
            self.assertStatus(scsec("import-csv", csvp, "-o", want, "--force"), 0)
            xlsx = self.path("marks.xlsx")
            self.make("answers", csvp, xlsx, "--marks")
            dump = subprocess.run(["/usr/bin/python3", "-c",
                                   "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active;"
                                   "h=[c.value for c in ws[1]]; i=h.index('status');"
                                   "print(' '.join(sorted({str(r[i]) for r in ws.iter_rows(min_row=2,"
                                   " values_only=True) if r[i]})))", xlsx],
                                  stdout=subprocess.PIPE, check=True).stdout.decode()
            self.assertIn("○", dump)
            self.assertNotIn("met", dump)
            got = self.path("xlsx.xml")
            self.assertStatus(scsec("import-csv", xlsx, "-o", got, "--force"), 0)
            self.assertEqual(self.without(want, "created"), self.without(got, "created"), name)
        # A set without marks refuses them, naming the set.
        plain = self.write("plain.xml", slurp(os.path.join(SRCDIR, "data", "criteria",
                                                           "meti-sc-2026-03.xml")).replace(
            b"<answer-marks", b"<!--answer-marks").replace(b"</answer-marks>",
                                                          b"</answer-marks-->"))
        r = scsec("import-csv", "-c", plain, xlsx, "-o", self.path("out.xml"))
        self.assertStatus(r, 3)
        self.assertIn("answer marks of 'meti-sc-2026-03'", r.err)

    def test_ipa_workbook_answers_give_the_csv_record(self):
        # IPA's own workbook, its answer column filled in: the criterion
        # number (評価基準No.) is the id, the answer column goes by one of
        # its names (回答, 自己評価, ...), the marks are the set's; the
        # second header row, the merged category cells and the unanswered
        # rows give nothing. Read as CSV and as a workbook, it gives the
        # record a sheet of our own columns gives with the same answers.
        marks = {"met": "○", "partial": "△", "not-met": "✖", "not-applicable": "－"}
        tokens = ["met", "partial", "not-met", ""]
        template = csv_rows(scsec("template", "--lang", "ja").raw)
        col = {name: i for i, name in enumerate(template[0])}
        layouts = [("generated", None)]
        final = os.path.join(SHARED_DATA, "ipa-sc-criteria-final-2026-03.csv")
        if os.path.exists(final):
            layouts.append(("IPA's final sheet", final))
        for what, source in layouts:
            if source:
                with open(source, encoding="utf-8-sig", newline="") as f:
                    rows = list(csv.reader(f))
            else:  # IPA's columns, from the built-in set's template
                rows = [["大分類No.", "大分類", "中分類No.", "中分類", "要求事項No.", "要求事項名",
                         "★3/★4", "評価基準No.", "評価基準", "参照文献", "", ""],
                        [""] * 10 + ["ISO/IEC 27001:2022", "自工会/部工会ガイドライン"]]
                for t in template[1:]:
                    if t[col["type"]] != "criterion":
                        continue
                    cat, _, cat_title = t[col["category"]].partition(" ")
                    req, _, req_title = t[col["requirement"]].partition(" ")
                    rows.append([cat, cat_title, req.rsplit("-", 1)[0], "", req, req_title,
                                 t[col["level"]].split(" ")[0], t[col["id"]], t[col["text"]],
                                 "", "A.5.1", "No.1"])
            id_col, width = rows[0].index("評価基準No."), len(rows[0])
            for header, method in (("回答", None), ("自己評価", "専門家確認")):
                # The answer columns after IPA's, under the two header rows.
                extra = [header] + (["評価方法"] if method else [])
                blank = [""] * len(extra)
                ipa_rows = [rows[0] + extra, rows[1] + [""] * (width - len(rows[1])) + blank]
                ours = [["id", "status", "method"]]
                for n, r in enumerate(rows[2:]):
                    r = r + [""] * (width - len(r))
                    st = tokens[n % 4] if r[id_col] else ""
                    answer = [marks[st]] + ([method] if method else []) if st else blank
                    ipa_rows.append(r + answer)
                    if st:
                        ours.append([r[id_col], st, "expert-reviewed" if method else ""])
                sheet, xlsx = self.path("ipa.csv"), self.path("ipa.xlsx")
                with open(sheet, "w", encoding="utf-8-sig", newline="") as f:
                    csv.writer(f).writerows(ipa_rows)
                self.make("ipa", sheet, xlsx)
                plain = self.path("ours.csv")
                with open(plain, "w", encoding="utf-8-sig", newline="") as f:
                    csv.writer(f).writerows(ours)
                want = self.path("ours.xml")
                self.assertStatus(scsec("import-csv", plain, "-o", want), 0)
                self.assertGreater(len(ours), 50)
                for p in (sheet, xlsx):
                    got = self.path("got.xml")
                    r = scsec("import-csv", p, "-o", got)
                    self.assertStatus(r, 0)
                    self.assertEqual(self.without(want, "created"), self.without(got, "created"),
                                     (what, header, p))
        # Two answer columns are one too many, whatever their names.
        two = self.write("two.csv", "\ufeff評価基準No.,回答,自己評価\r\n1-1-1-1,○,○\r\n")
        r = scsec("import-csv", two, "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn("a second 'status' column (the first is column 2)", r.err)
        # A sheet without an answer column says every name it looks for.
        none = self.write("none.csv", "\ufeff評価基準No.,評価基準\r\n1-1-1-1,x\r\n")
        r = scsec("import-csv", none, "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn("no 'status' column (or 実施状況, 回答, 自己評価, 自己評価結果, 評価結果, "
                      "対応状況, 達成状況)", r.err)

    def test_sheet_chosen_by_name(self):
        # Notes first, the answers second: without --sheet the reader passes
        # over a sheet that is not an answer sheet; --sheet picks one by name
        # (ASCII case aside); an absent name lists the sheets.
        book = self.path("two.xlsx")
        self.py("wb = openpyxl.Workbook(); n = wb.active; n.title = 'Notes'\n"
                "n.append(['Fill in the second sheet'])\n"
                "a = wb.create_sheet('回答'); a.append(['id', 'status'])\n"
                "a.append(['1-2-1-1', '○']); a.append(['1-2-1-2', 'partial'])\n"
                "o = wb.create_sheet('Other'); o.append(['id', 'status'])\n"
                "o.append(['1-2-1-1', 'not-met'])\n"
                "wb.save(sys.argv[1])\n", book)
        out = self.path("out.xml")
        for args, want in (([], b'status="met"'), (["--sheet", "回答"], b'status="met"'),
                           (["--sheet", "other"], b'status="not-met"')):
            self.assertStatus(scsec("import-csv", book, "-o", out, "--force", *args), 0)
            self.assertIn(want, slurp(out), args)
        r = scsec("import-csv", book, "--sheet", "Answers", "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn('the workbook has no sheet "Answers" (its sheets: "Notes", "回答", "Other")',
                      r.err)
        r = scsec("import-csv", book, "--sheet", "Notes", "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn('sheet "Notes"', r.err)
        self.assertFalse(os.path.exists(self.path("x.xml")))
        # evaluate and validate take it too
        r = scsec("evaluate", book, "--sheet", "Other", "--format", "json")
        self.assertEqual(json.loads(r.out)["evidence"]["fingerprint"] != "", True)
        self.assertStatus(scsec("evaluate", book, "--sheet", "Nope"), 3)
        # import-ipa: IPA's layout has the criteria sheet first, notes after
        sheet = os.path.join(SRCDIR, "tests", "data", "ipa", "single.csv")
        xlsx = self.path("ipa.xlsx")
        self.make("ipa", sheet, xlsx)
        a, b = self.path("a.xml"), self.path("b.xml")
        self.assertStatus(scsec("criteria", "import-ipa", xlsx, "-o", a), 0)
        self.assertStatus(scsec("criteria", "import-ipa", xlsx, "--sheet", "評価基準", "-o", b), 0)
        self.assertEqual(self.without(a, "description"), self.without(b, "description"))
        r = scsec("criteria", "import-ipa", xlsx, "--sheet", "Criteria", "-o", self.path("c.xml"))
        self.assertStatus(r, 3)
        self.assertIn('(its sheets: "評価基準", "はじめに")', r.err)
        self.assertNotEqual(scsec("criteria", "import-ipa", xlsx, "--sheet", "はじめに",
                                  "-o", self.path("c.xml")).rc, 0)
        self.assertFalse(os.path.exists(self.path("c.xml")))
        r = scsec("import-csv", book, "--sheet", "x" * 300, "-o", self.path("x.xml"))
        self.assertStatus(r, 2)
        self.assertIn("--sheet", r.err)

    def test_template_round_trip(self):
        # scsec template --format xlsx, filled by openpyxl (date cells,
        # dropdown values, answer marks), evaluated: the record and the
        # level are those of the same answers in the CSV template.
        xlsx, csvp = self.path("t.xlsx"), self.path("t.csv")
        self.assertStatus(scsec("template", "--level", "3", "--format", "xlsx", "-o", xlsx), 0)
        self.assertStatus(scsec("template", "--level", "3", "-o", csvp), 0)
        fill = ("import datetime\n"
                "ANS = {'status': 'met', 'method': 'expert-reviewed', 'assessor': 'Aoi Mori',\n"
                "       'assessor_role': 'assessor', 'assessed_on': datetime.date(2026, 3, 2)}\n"
                "def answer(i, rid):\n"
                "    a = dict(ANS)\n"
                "    if rid == 'management-pledge':\n"
                "        a.update(method='self', assessor_role='management')\n"
                "    elif i % 7 == 3:\n"
                "        a['status'] = 'partial' if i % 2 else 'not-met'\n"
                "    return a\n")
        self.py(fill + "wb = openpyxl.load_workbook(sys.argv[1])\n"
                "ws = wb['Answers']\n"
                "h = [c.value for c in ws[1]]\n"
                "MARK = {'met': '○', 'partial': '△', 'not-met': '✖'}\n"
                "for i, row in enumerate(ws.iter_rows(min_row=2), 1):\n"
                "    for k, v in answer(i, row[h.index('id')].value).items():\n"
                "        if k == 'status' and i % 2:\n"
                "            v = MARK[v]\n"
                "        row[h.index(k)].value = v\n"
                "wb.save(sys.argv[1])\n", xlsx)
        self.py(fill + "import csv\n"
                "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                "    rows = list(csv.reader(f))\n"
                "h = rows[0]\n"
                "for i, r in enumerate(rows[1:], 1):\n"
                "    for k, v in answer(i, r[h.index('id')]).items():\n"
                "        r[h.index(k)] = str(v)\n"
                "with open(sys.argv[1], 'w', encoding='utf-8-sig', newline='') as f:\n"
                "    csv.writer(f).writerows(rows)\n", csvp)
        results = []
        for p in (xlsx, csvp):
            r = scsec("evaluate", p, "--as-of", "2026-04-01", "--format", "json")
            self.assertIn(r.rc, (0, 1), repr(r))
            results.append(json.loads(r.out))
        x, c = results
        self.assertEqual(x["evidence"]["fingerprint"], c["evidence"]["fingerprint"])
        self.assertEqual((x["level"], x["gap_level"], len(x["gaps"])),
                         (c["level"], c["gap_level"], len(c["gaps"])))
        self.assertTrue(c["gaps"])  # the partial and not-met answers are gaps
        # and the other way, everything met reaches ★3
        self.py(fill.replace("i % 7 == 3", "False") + "wb = openpyxl.load_workbook(sys.argv[1])\n"
                "ws = wb['Answers']\n"
                "h = [c.value for c in ws[1]]\n"
                "for i, row in enumerate(ws.iter_rows(min_row=2), 1):\n"
                "    for k, v in answer(i, row[h.index('id')].value).items():\n"
                "        row[h.index(k)].value = v\n"
                "wb.save(sys.argv[1])\n", xlsx)
        r = scsec("evaluate", xlsx, "--as-of", "2026-04-01", "--format", "json")
        self.assertStatus(r, 0)
        self.assertEqual(json.loads(r.out)["level"], 3)

    def import_bad(self, data, message, status=3):
        p = self.write("bad.xlsx", data)
        r = scsec("import-csv", p, "-o", self.path("out.xml"))
        self.assertStatus(r, status)
        self.assertIn(message, r.err)
        self.assertFalse(os.path.exists(self.path("out.xml")))
        return r

    def test_zip_bomb_refused(self):
        # 64 MiB of blanks deflate to about 64 KiB: refused while inflating.
        bomb = sheet_xml([["id"]]).replace("<sheetData>", "<sheetData>" + " " * (64 << 20))
        self.import_bad(minimal_xlsx(bomb), "zip bomb")

    def test_too_many_entries_refused(self):
        extra = [("xl/media/x%d.bin" % i, b"") for i in range(4100)]
        self.import_bad(minimal_xlsx(sheet_xml([["id"]]), extra), "more than 4096 entries")

    def test_encrypted_refused(self):
        ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
        self.import_bad(ole2, "encrypted or legacy .xls workbook")

    def test_dtd_and_entities_refused(self):
        lol = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
               + sheet_xml([["&b;"]]).split("?>", 1)[1])
        r = self.import_bad(minimal_xlsx(lol), "DTD")
        self.assertIn("xl/worksheets/sheet1.xml", r.err)

    def test_sheet_outside_worksheets_refused(self):
        for target in ("../../etc/passwd", "/xl/styles.xml", "worksheets/../x.xml"):
            self.import_bad(minimal_xlsx(sheet_xml([["id"]]), target=target),
                            "outside xl/worksheets/")

    def test_external_link_refused(self):
        # A worksheet that is an external link (TargetMode="External": a
        # file elsewhere, a URL) is never fetched.
        book = minimal_xlsx(sheet_xml([["id", "status"]]), target="http://203.0.113.9/x.xml",
                            mode="External")
        self.import_bad(book, 'sheet "S" is an external link: refused')

    def test_date_cells_and_text_dates(self):
        # Serial 59 is 1900-02-28, 61 is 1900-03-01 (Lotus's 1900-02-29 is 60,
        # no day, refused); 46113 is 2026-04-01; text dates as Japanese Excel
        # shows them; the ambiguous 4/1/2026 stays refused.
        styles = ('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
                  'spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" '
                  'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
                  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
                  '</cellXfs></styleSheet>')

        def book(assessed, style=1, text=False):
            cell = ('<c r="C2" t="inlineStr"><is><t>%s</t></is></c>' % assessed if text
                    else '<c r="C2" s="%d"><v>%s</v></c>' % (style, assessed))
            xml = sheet_xml([["id", "status", "assessed_on", "assessor"]]).replace(
                "</sheetData>", '<row r="2"><c r="A2" t="inlineStr"><is><t>1-2-1-1</t></is></c>'
                '<c r="B2" t="inlineStr"><is><t>met</t></is></c>%s<c r="D2" t="inlineStr">'
                '<is><t>A</t></is></c></row></sheetData>' % cell)
            return minimal_xlsx(xml, [("xl/styles.xml", styles)])

        for value, style, text, want in (("46113", 1, False, "2026-04-01"),
                                         ("46113.75", 2, False, "2026-04-01"),
                                         ("59", 1, False, "1900-02-28"),
                                         ("61", 1, False, "1900-03-01"),
                                         ("2026/4/1", 0, True, "2026-04-01"),
                                         ("2026/04/01", 0, True, "2026-04-01")):
            p = self.write("d.xlsx", book(value, style, text))
            out = self.path("d.xml")
            r = scsec("import-csv", p, "-o", out, "--force")
            self.assertStatus(r, 0)
            self.assertIn(("assessed-on=\"%s\"" % want).encode(), slurp(out),
                          (value, r))
        self.import_bad(book("60"), "cell C2: date serial 60 is no calendar day")
        self.import_bad(book("4/1/2026", 0, True), "ambiguous")

    def test_macros_never_read_and_cells_named(self):
        # A macro part is not opened; a bad shared-string index names the cell.
        bad = sheet_xml([["id"]]).replace("</sheetData>",
                                          '<row r="2"><c r="C2" t="s"><v>7</v></c></row>'
                                          "</sheetData>")
        r = self.import_bad(minimal_xlsx(bad, [("xl/vbaProject.bin", b"\xff" * 64)]),
                            'sheet "S", cell C2')
        self.assertIn("bad.xlsx:2:3:", r.err)


# ---------------------------------------------------------------- signatures

BUILDDIR = os.environ.get("top_builddir") or os.path.dirname(os.path.abspath(__file__)) + "/.."
PKI = os.path.join(BUILDDIR, "tests", "pki")
DSIG = "{http://www.w3.org/2000/09/xmldsig#}"


def make_pki():
    if shutil.which("openssl") is None:
        raise unittest.SkipTest("no openssl command")
    subprocess.run(["sh", os.path.join(SRCDIR, "tests", "pki.sh"), PKI], check=True)


def pki(party, name):
    return os.path.join(PKI, party, name)


def pki_text(party, name):
    with open(pki(party, name), encoding="utf-8") as f:
        return f.read().strip()


def doc_template():
    """The signature template of doc/signatures.md (the first XML block)."""
    with open(os.path.join(SRCDIR, "doc", "signatures.md"), encoding="utf-8") as f:
        return f.read().split("```xml\n", 1)[1].split("```", 1)[0].strip()


class TestSign(CliTestCase):
    @classmethod
    def setUpClass(cls):
        make_pki()

    def sign(self, record, party, out, *extra):
        args = ["sign", "--key", pki(party, "key.pem"), "--cert", pki(party, "cert.pem")]
        if os.path.exists(pki(party, "chain.pem")):
            args += ["--chain", pki(party, "chain.pem")]
        r = scsec(*(args + list(extra) + [record, "-o", out]))
        self.assertStatus(r, 0)
        return out

    def verify(self, record, rc):
        r = scsec("verify", record)
        self.assertStatus(r, rc)
        return r

    def sig_ids(self, path):
        return [s.get("Id") for s in ET.parse(path).getroot().findall(DSIG + "Signature")]

    def test_sign_and_verify(self):
        one = self.sign(example("hoshizora-foods.xml"), "body1", self.path("one.xml"),
                        "--time", "2026-04-01T09:30:00Z")
        two = self.sign(one, "body2", self.path("two.xml"), "--time", "2026-04-02")
        three = self.sign(two, "expert", self.path("three.xml"))
        r = self.verify(three, 0)
        self.assertIn("3 signatures", r.out)
        self.assertEqual(r.out.count(": valid\n"), 3)
        for party in ("body1", "body2", "expert"):
            self.assertIn(pki_text(party, "subject"), r.out)
            self.assertIn(pki_text(party, "fingerprint"), r.out)
        self.assertIn("signed at:   2026-04-01T09:30:00Z", r.out)
        self.assertIn("signed at:   2026-04-02T00:00:00Z", r.out)
        # The record's bytes are kept; each signature only adds itself.
        original = slurp(example("hoshizora-foods.xml"))
        end = original.rindex(b"</evidence>")
        self.assertTrue(slurp(three).startswith(original[:end]))
        self.assertTrue(slurp(three).startswith(slurp(two)[:slurp(two).rindex(b"</evidence>")]))
        self.assertNoTempFiles()
        # The signed record evaluates as the plain one.
        a = self.evaluate_json(example("hoshizora-foods.xml"))
        b = self.evaluate_json(three)
        self.assertEqual(a["level"], b["level"])
        self.assertEqual(a["gaps"], b["gaps"])

    def test_tampering(self):
        signed = self.sign(example("kitakaze-precision.xml"), "body1", self.path("s.xml"))
        data = slurp(signed)
        cut = data.index(b"<Signature")
        for at in (data.index(b"<subject") + 3, data.index(b"status=") + 8, cut - 2,
                   data.index(b"<DigestValue>") + 20, data.index(b"</signing-time>") - 3,
                   data.index(b"rsa-sha256") + 2):
            bad = bytearray(data)
            bad[at] = bad[at] ^ 1 if bad[at] not in b"\n<>\"" else ord(" ")
            p = self.write("bad.xml", bytes(bad))
            r = scsec("verify", p)
            self.assertEqual(r.rc, 3, (at, data[at - 20:at + 20], r))

    def test_refusals(self):
        r = self.verify(example("hoshizora-foods.xml"), 3)
        self.assertIn("carries no signature", r.err)
        self.assertStatus(scsec("verify", self.path("missing.xml")), 4)
        r = scsec("sign", "--key", pki("expert", "key.pem"), "--cert", pki("body1", "cert.pem"),
                  example("hoshizora-foods.xml"), "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn("not the key of the certificate", r.err)
        self.assertFalse(os.path.exists(self.path("x.xml")))
        r = scsec("sign", "--key", pki("rsa1024", "key.pem"), "--cert", pki("rsa1024", "cert.pem"),
                  example("hoshizora-foods.xml"), "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn("2048", r.err)
        for bad in ("2026-13-01", "2026-04-01 10:00", "yesterday"):
            r = scsec("sign", "--key", pki("body1", "key.pem"), "--cert", pki("body1", "cert.pem"),
                      "--time", bad, example("hoshizora-foods.xml"), "-o", self.path("x.xml"))
            self.assertStatus(r, 2)
        r = scsec("sign", "--cert", pki("body1", "cert.pem"), example("hoshizora-foods.xml"),
                  "-o", self.path("x.xml"))
        self.assertStatus(r, 2)
        copy = self.write("in.xml", slurp(example("hoshizora-foods.xml")))
        r = scsec("sign", "--key", pki("body1", "key.pem"), "--cert", pki("body1", "cert.pem"),
                  copy, "-o", copy)
        self.assertStatus(r, 2)
        # A JSON record is not signed.
        js = self.write("r.json", '{"format": "scsec-evidence-1", "entries": []}')
        r = scsec("sign", "--key", pki("body1", "key.pem"), "--cert", pki("body1", "cert.pem"),
                  js, "-o", self.path("x.xml"))
        self.assertStatus(r, 3)
        self.assertIn("JSON", r.err)
        # Nested signature: the record is refused.
        signed = self.sign(example("hoshizora-foods.xml"), "body1", self.path("s.xml"))
        text = slurp(signed).decode("utf-8")
        sig = text[text.index("<Signature"):text.index("</evidence>")]
        nested = text.replace(sig, "").replace("</entry>", sig + "</entry>", 1)
        r = self.verify(self.write("nested.xml", nested), 3)
        self.assertIn("Signature", r.err)

    def xmlsec1(self, *args):
        if shutil.which("xmlsec1") is None:
            self.skipTest("no xmlsec1 command")
        return subprocess.run(["xmlsec1"] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)

    def test_xmlsec1_verifies_what_scsec_signs(self):
        one = self.sign(example("hoshizora-foods.xml"), "body1", self.path("one.xml"))
        two = self.sign(one, "body2", self.path("two.xml"))
        common = ["--verify", "--trusted-pem", os.path.join(PKI, "ca.pem"),
                  "--enabled-reference-uris", "empty,same-doc"]
        p = self.xmlsec1(*(common + [two]))
        self.assertEqual(p.returncode, 0, p.stderr)
        for sid in self.sig_ids(two):
            p = self.xmlsec1(*(common + ["--id-attr:Id", "Signature", "--node-id", sid, two]))
            self.assertEqual(p.returncode, 0, p.stderr)
        # xmlsec1 checks the chain too: a stranger's certificate is not trusted.
        s = self.sign(example("hoshizora-foods.xml"), "stranger", self.path("s.xml"))
        self.verify(s, 0)
        self.assertNotEqual(self.xmlsec1(*(common + [s])).returncode, 0)
        # And a changed record does not verify there either.
        bad = self.write("bad.xml", slurp(one).replace(b"2026-03-10", b"2026-03-11", 1))
        self.assertNotEqual(self.xmlsec1(*(common + [bad])).returncode, 0)

    def test_scsec_verifies_what_xmlsec1_signs(self):
        for party, alg in (("body1", "rsa-sha256"), ("body2", "ecdsa-sha256")):
            tmpl = doc_template().replace("SIG-ID", "sig-x-" + party)
            tmpl = tmpl.replace("rsa-sha256", alg)
            base = slurp(self.sign(example("minato-logistics.xml"), "expert", self.path("e.xml")))
            base = base.decode("utf-8")
            end = base.rindex("</evidence>")
            t = self.write("t.xml", base[:end] + tmpl + base[end:])
            keys = ",".join(pki(party, n) for n in ("key.pem", "cert.pem", "chain.pem")
                            if os.path.exists(pki(party, n)))
            out = self.path("signed.xml")
            node = ["--id-attr:Id", "Signature", "--node-id", "sig-x-" + party]
            p = self.xmlsec1(*(["--sign", "--privkey-pem", keys, "--output", out] + node + [t]))
            self.assertEqual(p.returncode, 0, p.stderr)
            r = self.verify(out, 0)
            self.assertEqual(r.out.count(": valid\n"), 2, r)
            self.assertIn(pki_text(party, "fingerprint"), r.out)
            self.assertIn("2026-04-01T00:00:00Z", r.out)
            # The same template with SHA-1 is refused.
            p = self.xmlsec1("--sign", "--privkey-pem", keys, "--output", out, *node,
                             self.write("t1.xml", base[:end] + tmpl.replace(
                                 "http://www.w3.org/2001/04/xmlenc#sha256",
                                 "http://www.w3.org/2000/09/xmldsig#sha1") + base[end:]))
            self.assertEqual(p.returncode, 0, p.stderr)
            r = self.verify(out, 3)
            self.assertIn("SHA-1", r.out)


if __name__ == "__main__":
    if not STAGE:
        print("test_cli: STAGE is not set (run through make check); skipped")
        sys.exit(77)
    if not os.access(binary(), os.X_OK):
        print("test_cli: %s is not installed" % binary())
        sys.exit(99)
    unittest.main(verbosity=2)
