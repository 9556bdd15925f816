# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""scsec portfolio: the figures through the command line on portfolios of
our own (several contracts per supplier, an expiring level, unreadable
files, a contract without evidence), the JSON against its schema, the CSV,
the contracts sheet and its errors, and the HTML dashboard rendered in
headless chromium (tests/browser.py): the charts have a size, no text
overflows its box, nothing is fetched from outside the file; 300 suppliers
stay paged and summarised."""

import csv
import io
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import browser  # noqa: E402
import test_cli as cli  # noqa: E402  (a module, so its test cases are not run twice)
import test_trust as trust  # noqa: E402  (its signed list and PKI, tests/pki.sh)

SET = os.path.join(cli.SRCDIR, "tests", "data", "portfolio", "set.xml")
SCHEMA = os.path.join(cli.SRCDIR, "data", "schema", "scsec-portfolio-1.schema.json")
AS_OF = "2026-06-01"


def record(corp, name, entries):
    """entries: (id, status, method, assessed-on[, planned-on])."""
    rows = "".join('  <entry id="%s" status="%s" method="%s" assessed-on="%s"%s/>\n'
                   % (e[:4] + ((' planned-on="%s"' % e[4]) if len(e) > 4 else "",))
                   for e in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<evidence xmlns="urn:scsec:evidence:1">\n'
            '  <subject>\n    <name>%s</name>\n    <identifier scheme="x-test">%s</identifier>\n'
            '  </subject>\n  <criteria id="t-portfolio" version="1.0"/>\n%s</evidence>\n'
            % (name, corp, rows))


# 1001: L3 by an expert, ends 2026-07-31 (g-1 and the pledge of 2025-08-01).
ALPHA = record("1001", "Alpha KK", [("pledge", "met", "self", "2025-08-01"),
                                    ("g-1", "met", "expert-reviewed", "2025-08-01"),
                                    ("p-1", "met", "expert-reviewed", "2026-01-10")])
# 1002: L4 by a third party, no pledge (no L3: the levels do not nest).
BETA = record("1002", "Beta KK", [(i, "met", "third-party", "2026-03-01")
                                  for i in ("g-1", "g-2", "p-1", "p-2")])
# 1010: nothing achieved.
GAMMA = record("1010", "Gamma KK", [("g-1", "not-met", "self", "2026-05-01")])
CONTRACTS = ("supplier,contract,required,data\n"
             "1001,c-1,3,\n"
             "1001,c-2,,yes\n"          # confidential data: L4
             "1002,c-3,,no\n"           # the default: L3
             "# a comment row\n"
             "2000,c-5,L4,\n")          # no evidence for 2000


class PortfolioTestCase(cli.CliTestCase):
    def make(self):
        os.makedirs(self.path("ev", "sub"))
        self.write("ev/a.xml", ALPHA)
        self.write("ev/b.xml", BETA)
        self.write("ev/sub/c.xml", GAMMA)
        self.write("ev/broken.xml", "<evidence")
        self.write("ev/notes.txt", "not an evidence file: not looked at")
        return self.write("contracts.csv", CONTRACTS)

    def run_portfolio(self, *args, rc=1):
        r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, *args, cwd=self.dir)
        self.assertStatus(r, rc)
        return r


# 1020: nothing achieved yet, L3 planned: g-1 by 2026-09-01, p-1 by 2026-10-15.
DELTA = record("1020", "Delta KK", [("pledge", "met", "self", "2026-05-01"),
                                    ("g-1", "not-met", "expert-reviewed", "2026-05-01",
                                     "2026-09-01"),
                                    ("p-1", "partial", "expert-reviewed", "2026-05-01",
                                     "2026-10-15")])


class TestPortfolioCli(PortfolioTestCase):
    def test_json_figures(self):
        self.make()
        r = self.run_portfolio("--contracts", "contracts.csv", "ev", "--format", "json")
        self.assertIn("1 file(s) could not be read", r.err)
        doc = json.loads(r.out)
        self.assertEqual(doc["format"], "scsec-portfolio-1")
        self.assertEqual(doc["as_of"], AS_OF)
        self.assertEqual(doc["supplier_count"], 3)
        self.assertEqual([(lv["rank"], lv["suppliers"]) for lv in doc["levels"]],
                         [(0, 1), (3, 1), (4, 1)])
        s = {x["id"]: x for x in doc["suppliers"]}
        self.assertEqual([x["id"] for x in doc["suppliers"]], ["1001", "1002", "1010"])
        a = s["1001"]
        # several contracts: the highest (L4) counts
        self.assertEqual((a["level"], a["required"], a["contracts"], a["meets_required"]),
                         (3, 4, 2, False))
        self.assertEqual((a["valid_until"], a["days_left"], a["expiring"]),
                         ("2026-07-31", 60, True))
        self.assertEqual(a["expiry_items"], ["g-1", "pledge"])
        self.assertEqual(a["gap"], {"method": 2, "fixes": 2})
        self.assertEqual(a["source"], "ev/a.xml")
        self.assertEqual(s["1002"]["meets_required"], True)
        self.assertIsNone(s["1002"]["target"])
        self.assertEqual((s["1010"]["target"], s["1010"]["gap"]), (3, {"method": 0, "fixes": 3}))
        self.assertEqual(doc["expiring"], ["1001"])
        self.assertEqual(doc["below"], ["1001"])
        self.assertEqual([(k["supplier"], k["contract"], k["required"], k["achieved"], k["meets"])
                          for k in doc["contracts"]],
                         [("1001", "c-1", 3, 3, True), ("1001", "c-2", 4, 3, False),
                          ("1002", "c-3", 3, 4, True), ("2000", "c-5", 4, None, None)])
        self.assertEqual([(m["id"], m["suppliers"], m["method"]) for m in doc["missed"]],
                         [("g-1", 2, 1), ("p-1", 2, 1), ("g-2", 1, 0), ("p-2", 1, 0),
                          ("pledge", 1, 0)])
        self.assertEqual([u["source"] for u in doc["unreadable"]], ["ev/broken.xml"])
        self.assertIn("namespace", doc["unreadable"][0]["problem"])

    def test_deterministic_and_files_in_any_order(self):
        self.make()
        one = self.run_portfolio("--contracts", "contracts.csv", "ev", "--format", "json").raw
        two = self.run_portfolio("--contracts", "contracts.csv", "ev/sub/c.xml", "ev/broken.xml",
                                 "ev/b.xml", "ev/a.xml", "--format", "json").raw
        self.assertEqual(one, two)

    def test_csv(self):
        self.make()
        out = self.path("p.csv")
        self.run_portfolio("--contracts", "contracts.csv", "ev", "-o", out)
        rows = list(csv.DictReader(io.StringIO(cli.slurp(out).decode("utf-8"))))
        self.assertEqual([r["supplier_id"] for r in rows], ["1001", "1002", "1010", ""])
        self.assertEqual(rows[0]["expiry_items"], "g-1 pledge")
        self.assertEqual((rows[0]["required"], rows[0]["meets_required"], rows[0]["gap_method"],
                          rows[0]["gap_fixes"]), ("4", "no", "2", "2"))
        self.assertEqual(rows[3]["source"], "ev/broken.xml")
        self.assertTrue(rows[3]["problem"])
        self.assertNoTempFiles()

    def test_projection(self):
        """--project: the projected day of each supplier's target level, or
        how many items block it, as evaluate --project gives it."""
        self.make()
        os.remove(self.path("ev", "broken.xml"))
        self.write("ev/d.xml", DELTA)
        doc = json.loads(self.run_portfolio("ev", "--format", "json", rc=0).out)
        self.assertFalse(doc["projection_applied"])
        self.assertEqual({x["projection_blocked"] for x in doc["suppliers"]}, {None})
        doc = json.loads(self.run_portfolio("ev", "--project", "--format", "json", rc=0).out)
        self.assertTrue(doc["projection_applied"])
        s = {x["id"]: x for x in doc["suppliers"]}
        self.assertEqual((s["1020"]["target"], s["1020"]["projected_on"],
                          s["1020"]["projection_blocked"]), (3, "2026-10-15", 0))
        # 1010 planned nothing: blocked, by as many items as evaluate lists
        one = cli.scsec("evaluate", "-c", SET, "--as-of", AS_OF, "--project", "--format", "json",
                        "ev/sub/c.xml", cwd=self.dir)
        self.assertIn(one.rc, (0, 1), repr(one))
        l3 = [x for x in json.loads(one.out)["projection"] if x["rank"] == 3][0]
        self.assertIsNone(s["1010"]["projected_on"])
        self.assertGreater(s["1010"]["projection_blocked"], 0)
        self.assertEqual(s["1010"]["projection_blocked"], len(l3["blockers"]))
        # 1002 holds L4, the highest: no target, nothing projected
        self.assertEqual((s["1002"]["target"], s["1002"]["projected_on"],
                          s["1002"]["projection_blocked"]), (None, None, 0))
        # a contract for L4 moves 1020's target: g-2 and p-2 have no plan
        self.write("k.csv", "supplier,contract,required\n1020,c-9,4\n")
        doc = json.loads(self.run_portfolio("ev", "--project", "--contracts", "k.csv",
                                            "--format", "json", rc=0).out)
        d = [x for x in doc["suppliers"] if x["id"] == "1020"][0]
        self.assertEqual((d["target"], d["projected_on"]), (4, None))
        self.assertGreater(d["projection_blocked"], 0)
        # the CSV and the dashboard's supplier table
        out = self.path("p.csv")
        self.run_portfolio("ev", "--project", "-o", out, rc=0)
        rows = {r["supplier_id"]: r for r in
                csv.DictReader(io.StringIO(cli.slurp(out).decode("utf-8")))}
        self.assertEqual((rows["1020"]["projected_on"], rows["1020"]["projection_blocked"]),
                         ("2026-10-15", "0"))
        self.assertEqual(rows["1010"]["projected_on"], "")
        self.assertEqual(rows["1010"]["projection_blocked"],
                         str(s["1010"]["projection_blocked"]))
        html = self.path("p.html")
        self.run_portfolio("ev", "--project", "-o", html, rc=0)
        page = cli.slurp(html).decode("utf-8")
        self.assertIn("<th>Target projected</th>", page)
        self.assertIn(">2026-10-15</td>", page)
        self.assertIn(">blocked (%d)</td>" % s["1010"]["projection_blocked"], page)
        self.run_portfolio("ev", "-o", html, rc=0)
        self.assertNotIn("Target projected", cli.slurp(html).decode("utf-8"))

    def test_all_readable_is_status_0(self):
        self.make()
        os.remove(self.path("ev", "broken.xml"))
        r = self.run_portfolio("ev", "--format", "json", rc=0)
        self.assertEqual(json.loads(r.out)["unreadable"], [])

    def test_within(self):
        self.make()
        doc = json.loads(self.run_portfolio("ev", "--within", "59", "--format", "json").out)
        self.assertEqual(doc["expiring"], [])
        doc = json.loads(self.run_portfolio("ev", "--within", "60", "--format", "json").out)
        self.assertEqual(doc["expiring"], ["1001"])

    def test_the_same_supplier_twice_is_listed(self):
        self.make()
        self.write("ev/sub/a-again.xml", ALPHA)
        doc = json.loads(self.run_portfolio("ev", "--format", "json").out)
        self.assertEqual(doc["supplier_count"], 3)
        self.assertIn("ev/sub/a-again.xml", [u["source"] for u in doc["unreadable"]])

    def test_usage(self):
        self.make()
        r = cli.scsec("portfolio", "-c", SET, "ev", cwd=self.dir)
        self.assertStatus(r, 2)
        self.assertIn("--as-of", r.err)
        r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, cwd=self.dir)
        self.assertStatus(r, 2)
        r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, "--within", "-1", "ev",
                      cwd=self.dir)
        self.assertStatus(r, 2)
        r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, "--format", "pdf", "ev",
                      cwd=self.dir)
        self.assertStatus(r, 2)
        r = cli.scsec("portfolio", "--help")
        self.assertStatus(r, 0)
        self.assertIn("--contracts", r.out)
        # the output may not be an input
        r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, "--contracts", "contracts.csv",
                      "ev", "-o", "contracts.csv", cwd=self.dir)
        self.assertStatus(r, 2)

    def test_bad_contracts_add_nothing(self):
        self.make()
        cases = {
            "no-columns.csv": ("a,b\n1,2\n", "supplier"),
            "no-level.csv": ("supplier,contract,required\n1001,c-1,7\n", "no level"),
            "unanswered.csv": ("supplier,contract,required,data\n1001,c-1,,maybe\n", "yes or no"),
            "twice.csv": ("supplier,contract,required\n1001,c-1,3\n1001,c-1,4\n", "twice"),
            "empty.csv": ("", "empty"),
        }
        for name, (text, word) in cases.items():
            self.write(name, text)
            r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, "--contracts", name, "ev",
                          "--format", "json", cwd=self.dir)
            self.assertStatus(r, 3)
            self.assertIn(word, r.err, name)
            self.assertEqual(r.out, "", name)
        # a row and column are named
        r = cli.scsec("portfolio", "-c", SET, "--as-of", AS_OF, "--contracts", "twice.csv", "ev",
                      cwd=self.dir)
        self.assertIn("twice.csv:3:", r.err)

    def test_contracts_workbook(self):
        self.make()
        maker = os.path.join(cli.SRCDIR, "tests", "xlsx", "make_workbook.py")
        if not os.path.exists("/usr/bin/python3") or not os.path.exists(maker):
            self.skipTest("no /usr/bin/python3 or workbook maker")
        script = ("import sys\ntry:\n import openpyxl\nexcept ImportError:\n sys.exit(77)\n"
                  "wb = openpyxl.Workbook(); ws = wb.active\n"
                  "for row in [['supplier','contract','required','data'],['1001','c-1',3,None],"
                  "['1001','c-2',None,'yes']]: ws.append(row)\nwb.save(sys.argv[1])\n")
        out = self.path("contracts.xlsx")
        p = subprocess.run(["/usr/bin/python3", "-c", script, out], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
        if p.returncode == 77:
            self.skipTest("python3-openpyxl is not installed")
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(self.run_portfolio("--contracts", out, "ev", "--format", "json").out)
        self.assertEqual([(k["contract"], k["required"]) for k in doc["contracts"]],
                         [("c-1", 3), ("c-2", 4)])

    def test_schema(self):
        self.make()
        out = self.path("p.json")
        self.run_portfolio("--contracts", "contracts.csv", "ev", "-o", out)
        empty = self.path("empty.json")
        os.makedirs(self.path("none"))
        self.run_portfolio("none", "-o", empty, rc=0)
        self.write("ev/d.xml", DELTA)
        projected = self.path("projected.json")
        self.run_portfolio("--contracts", "contracts.csv", "--project", "ev", "-o", projected)
        self.assertTrue(json.loads(cli.slurp(projected))["projection_applied"])
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
        p = subprocess.run([python, "-c", cli.SCHEMA_CHECK, SCHEMA, out, empty, projected],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, timeout=120)
        if p.returncode == 77:
            self.skipTest("python3-jsonschema is not installed")
        self.assertEqual(p.returncode, 0, p.stderr)
        for line in p.stdout.splitlines():
            path, errors, message = line.split(" ", 2)
            self.assertEqual(errors, "0", "%s: %s" % (path, message))
        # the schema can fail: a supplier without its id does not validate
        doc = json.loads(cli.slurp(out))
        del doc["suppliers"][0]["id"]
        bad = self.write("bad.json", json.dumps(doc))
        p = subprocess.run([python, "-c", cli.SCHEMA_CHECK, SCHEMA, bad],
                           stdout=subprocess.PIPE, universal_newlines=True, timeout=120)
        self.assertNotEqual(p.stdout.split(" ")[1], "0")


class TestPortfolioTrust(PortfolioTestCase):
    """--trust: the suppliers whose evidence is unsigned or unverified, with
    records signed by tests/pki.sh's parties and the list test_trust.py
    builds and the operator signs."""

    @classmethod
    def setUpClass(cls):
        trust.TestSignedCli.setUpClass()

    signed_list = trust.TestSignedCli.signed_list
    new_list = trust.TrustCase.new_list

    def signed(self, corp, party, name):
        """The pledged record of tests/data/trust as supplier corp in ev/,
        signed by party (unsigned without one)."""
        with open(trust.PLEDGED, encoding="utf-8") as f:
            text = f.read().replace("1180301012345", corp)
        if not party:
            return self.write(os.path.join("ev", name), text)
        src = self.write("src-" + name, text)
        out = self.path("ev", name)
        chain = trust.pki(party, "chain.pem")
        self.assertStatus(cli.scsec("sign", "--key", trust.pki(party, "key.pem"), "--cert",
                                    trust.pki(party, "cert.pem"),
                                    *(["--chain", chain] if os.path.exists(chain) else []),
                                    "--time", "2026-04-01T00:00:00Z", src, "-o", out), 0)
        return out

    def test_unsigned_or_unverified(self):
        lst = self.signed_list()
        os.makedirs(self.path("ev"))
        self.signed("9001", "body1", "a.xml")      # a trusted body: counts
        self.signed("9002", "stranger", "b.xml")   # valid, but not on the list
        self.signed("9003", None, "c.xml")
        op = trust.pki("operator", "cert.pem")
        r = cli.scsec("portfolio", "--as-of", trust.AS_OF, "ev", "--trust", lst,
                      "--operator-cert", op, "--format", "json", cwd=self.dir)
        self.assertStatus(r, 0)
        doc = json.loads(r.out)
        self.assertTrue(doc["trust_applied"])
        self.assertEqual({x["id"]: x["trust"] for x in doc["suppliers"]},
                         {"9001": "verified", "9002": "unverified", "9003": "unsigned"})
        self.assertEqual(doc["untrusted"], ["9002", "9003"])
        html = self.path("p.html")
        self.assertStatus(cli.scsec("portfolio", "--as-of", trust.AS_OF, "ev", "--trust", lst,
                                    "--operator-cert", op, "-o", html, cwd=self.dir), 0)
        page = cli.slurp(html).decode("utf-8")
        self.assertIn('<span class="n">2</span><span class="t">unsigned or unverified', page)
        self.assertIn("<h2>Unsigned or unverified evidence</h2>", page)
        self.assertIn("<td>unverified</td>", page)
        self.assertStatus(cli.scsec("portfolio", "--as-of", trust.AS_OF, "ev", "--trust", lst,
                                    "--operator-cert", op, "--lang", "ja", "-o", html,
                                    cwd=self.dir), 0)
        page = cli.slurp(html).decode("utf-8")
        self.assertIn('<span class="n">2</span><span class="t">署名なし・未検証', page)
        self.assertIn("<h2>署名なし・未検証の回答記録</h2>", page)
        self.assertIn("<td>有効な署名なし</td>", page)
        self.assertIn("<td>署名なし</td>", page)
        # without the list: no trust figure at all
        r = cli.scsec("portfolio", "--as-of", trust.AS_OF, "ev", "--format", "json",
                      cwd=self.dir)
        self.assertStatus(r, 0)
        doc = json.loads(r.out)
        self.assertFalse(doc["trust_applied"])
        self.assertEqual(doc["untrusted"], [])
        # a list needs its operator, and one another party signed is refused
        r = cli.scsec("portfolio", "--as-of", trust.AS_OF, "ev", "--trust", lst, cwd=self.dir)
        self.assertStatus(r, 2)
        self.assertIn("--operator-cert", r.err)
        r = cli.scsec("portfolio", "--as-of", trust.AS_OF, "ev", "--trust", lst,
                      "--operator-cert", trust.pki("stranger", "cert.pem"), cwd=self.dir)
        self.assertIn(r.rc, (3, 4), repr(r))
        self.assertIn("refused", r.err)


class TestDashboardSource(PortfolioTestCase):
    """The page as written: well-formed XHTML, text from inputs escaped."""

    def test_well_formed_and_escaped(self):
        self.make()
        evil = GAMMA.replace("Gamma KK", "&lt;b&gt;Evil &amp; Co&lt;/b&gt;").replace(
            '    <identifier scheme="x-test">1010</identifier>\n', "")
        self.write("ev/x&<y>.xml", evil)
        html = self.path("dash.html")
        self.run_portfolio("--contracts", "contracts.csv", "ev", "-o", html)
        root = cli.ET.parse(html).getroot()   # XHTML: well-formed XML
        texts = "".join(root.itertext())
        self.assertIn("<b>Evil & Co</b>", texts)
        self.assertIn("ev/x&<y>.xml", texts)
        scripts = root.findall(".//" + cli.XHTML + "script")
        self.assertEqual(len(scripts), 1)
        for el in root.iter():
            for attr in ("src", "href"):
                self.assertNotIn(attr, el.attrib)


class TestDashboard(PortfolioTestCase):
    """The dashboard as a browser renders it (checked from the page, not the source)."""

    def render(self, html):
        if browser.find_chromium() is None:
            self.skipTest("chromium is not installed")
        return browser.Page(html, width=1280, height=900, timeout=60)

    def check_page(self, page):
        for chart in ("chart-levels", "chart-expiry", "chart-heat"):
            boxes = page.boxes("#" + chart)
            self.assertEqual(len(boxes), 1, chart)
            self.assertGreater(boxes[0]["width"], 50, chart)
            self.assertGreater(boxes[0]["height"], 50, chart)
            # the chart draws something: bars or cells with an area
            drawn = page.evaluate("Array.from(document.querySelectorAll('#%s rect'))"
                                  ".filter(r => r.getBoundingClientRect().width > 0 &&"
                                  " r.getBoundingClientRect().height > 0).length" % chart)
            self.assertGreater(drawn, 0, chart)
        self.assertEqual(page.overflowing(), [])
        self.assertEqual(page.outside_requests(), [])
        # every label of a chart stays inside its chart
        outside = page.evaluate(
            "Array.from(document.querySelectorAll('svg')).flatMap(s => {"
            " const b = s.getBoundingClientRect();"
            " return Array.from(s.querySelectorAll('text')).filter(t => {"
            "  const r = t.getBoundingClientRect();"
            "  return r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 ||"
            "   r.bottom > b.bottom + 1; }).map(t => t.textContent); })")
        self.assertEqual(outside, [])

    def test_small_portfolio(self):
        self.make()
        html = self.path("dash.html")
        self.run_portfolio("--contracts", "contracts.csv", "ev", "-o", html)
        with self.render(html) as page:
            self.check_page(page)
            self.assertEqual(page.evaluate("document.querySelectorAll('#t-suppliers tbody tr')"
                                           ".length"), 3)
            self.assertIn("Alpha KK", page.evaluate("document.querySelector('#below').innerText"))
            # one heat-map cell per supplier and category
            self.assertEqual(page.evaluate("document.querySelectorAll('#chart-heat rect').length"),
                             3 * 2)
            # sorting by a column, from the page's own script
            page.evaluate("document.querySelectorAll('#t-suppliers th button')[2].click()")
            page.evaluate("document.querySelectorAll('#t-suppliers th button')[2].click()")
            first = page.evaluate("document.querySelector('#t-suppliers tbody tr td').textContent")
            self.assertEqual(first, "1002")  # L4 first, descending
            pdf = page.pdf(self.path("dash.pdf"))
            self.assertTrue(pdf.startswith(b"%PDF-"))

    def many(self, n, *args):
        """The dashboard of n suppliers (S000, S001, ...), written with args."""
        os.makedirs(self.path("many"))
        for i in range(n):
            self.write("many/s%03d.xml" % i,
                       [ALPHA, BETA, GAMMA][i % 3].replace(
                           ">%s<" % ["1001", "1002", "1010"][i % 3], ">S%03d<" % i))
        html = self.path("many.html")
        self.run_portfolio("many", "-o", html, *args, rc=0)
        return html

    def test_many_suppliers_are_paged_and_summarised(self):
        html = self.many(300)
        with self.render(html) as page:
            self.check_page(page)
            shown = page.evaluate("Array.from(document.querySelectorAll('#t-suppliers tbody tr'))"
                                  ".filter(r => r.getBoundingClientRect().height > 0).length")
            self.assertEqual(shown, 50)
            page.evaluate("document.querySelector('#t-suppliers-pager .next').click()")
            first = page.evaluate("Array.from(document.querySelectorAll('#t-suppliers tbody tr'))"
                                  ".find(r => r.getBoundingClientRect().height > 0)"
                                  ".cells[0].textContent")
            self.assertEqual(first, "S050")
            # the heat map counts suppliers per band instead of a column each
            self.assertEqual(page.evaluate("document.querySelectorAll('#chart-heat rect').length"),
                             5 * 2)

    def test_japanese(self):
        # --lang ja: the charts' Japanese labels (category titles, months)
        # stay inside them, and the pager's script writes its position in
        # Japanese.
        html = self.many(120, "--lang", "ja")
        with self.render(html) as page:
            self.check_page(page)
            pos = "document.querySelector('#t-suppliers-pager .pos').textContent"
            self.assertEqual(page.evaluate(pos), "120 行中 1\u201350 行")
            page.evaluate("document.querySelector('#t-suppliers-pager .next').click()")
            self.assertEqual(page.evaluate(pos), "120 行中 51\u2013100 行")
            self.assertEqual(page.evaluate("document.querySelector('h1').textContent"),
                             "取引先ポートフォリオ")


if __name__ == "__main__":
    unittest.main()
