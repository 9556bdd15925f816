# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""scsec.Portfolio: the figures through the bindings, to_records() rows
ready for a DataFrame (no pandas needed), contracts from a sheet, errors."""

import datetime
import os
import sys
import tempfile
import unittest

# Beside tests/test_portfolio.py rather than in bindings/python/tests: the
# binding tests check that nothing is written into their directory.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "bindings", "python", "tests"))
import test_scsec as base  # noqa: E402  (finds the library, imports scsec)

scsec = base.scsec
D = datetime.date
SET = os.path.join(base.TOP_SRCDIR, "tests", "data", "portfolio", "set.xml")
AS_OF = D(2026, 6, 1)


class TestPortfolio(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = scsec.CriteriaSet.load(SET)

    def record(self, answers):
        ev = scsec.Evidence(self.c)
        for id, status, method, day in answers:
            ev.add(scsec.Entry(id, status=status, method=method, assessed_on=day))
        return scsec.evaluate(self.c, ev, as_of=AS_OF)

    def build(self):
        p = scsec.Portfolio(self.c, AS_OF, within_days=90)
        a = self.record([("pledge", "met", "self", D(2025, 8, 1)),
                         ("g-1", "met", "expert-reviewed", D(2025, 8, 1)),
                         ("p-1", "met", "expert-reviewed", D(2026, 1, 10))])
        b = self.record([(i, "met", "third-party", D(2026, 3, 1))
                         for i in ("g-1", "g-2", "p-1", "p-2")])
        p.add("1001", a, name="Alpha KK", source="a.xml")
        p.add("1002", b, name="Beta KK")
        a.close()  # the portfolio keeps what it needs
        p.add_contract("1001", "c-1", required=3)
        p.add_contract("1001", "c-2", answers={"data": True})
        p.add_contract("1002", "c-3", answers={"data": "no"})
        p.add_unreadable("broken.xml", "not well-formed")
        return p

    def test_figures(self):
        p = self.build()
        self.assertEqual(len(p), 2)
        self.assertEqual(p.as_of, AS_OF)
        self.assertEqual(p.within_days, 90)
        self.assertEqual(p.level_counts(), {0: 0, 3: 1, 4: 1})
        self.assertEqual(p.expiring, ["1001"])
        self.assertEqual(p.below, ["1001"])
        self.assertEqual(p.untrusted, [])
        self.assertEqual(p.missed, [("g-1", 1, 1), ("g-2", 1, 0), ("p-1", 1, 1), ("p-2", 1, 0)])
        self.assertEqual(p.unreadable, [("broken.xml", "not well-formed")])
        self.assertEqual([(k["contract"], k["required"], k["achieved"], k["meets"])
                          for k in p.contracts],
                         [("c-1", 3, 3, True), ("c-2", 4, 3, False), ("c-3", 3, 4, True)])
        self.assertIn("2 suppliers", repr(p))

    def test_to_records(self):
        rows = self.build().to_records()
        self.assertEqual([r["supplier_id"] for r in rows], ["1001", "1002"])
        a = rows[0]
        self.assertEqual(a["name"], "Alpha KK")
        self.assertEqual(a["source"], "a.xml")
        self.assertEqual((a["level"], a["valid_until"], a["days_left"], a["expiring"]),
                         (3, D(2026, 7, 31), 60, True))
        self.assertEqual(a["expiry_items"], ["g-1", "pledge"])
        self.assertEqual((a["required"], a["contracts"], a["meets_required"], a["target"]),
                         (4, 2, False, 4))
        self.assertEqual((a["gap_method"], a["gap_fixes"]), (2, 2))
        self.assertIsNone(a["trust"])
        # evaluated without the projection
        self.assertIsNone(a["projected_on"])
        self.assertIsNone(a["projection_blocked"])
        self.assertEqual((a["satisfied:gov"], a["applicable:gov"]), (0, 2))
        self.assertIsNone(rows[1]["source"])
        self.assertEqual(rows[1]["meets_required"], True)
        # flat rows of the same columns: a DataFrame takes them as they are
        self.assertEqual(set(rows[0]), set(rows[1]))
        for r in rows:
            for v in r.values():
                self.assertIsInstance(v, (str, int, bool, list, D, type(None)))

    def test_to_records_projection(self):
        ev = scsec.Evidence(self.c)
        ev.add(scsec.Entry("pledge", status="met", method="self", assessed_on=D(2026, 5, 1)))
        ev.add(scsec.Entry("g-1", status="not-met", method="self", assessed_on=D(2026, 5, 1),
                           planned_on=D(2026, 9, 1)))
        ev.add(scsec.Entry("p-1", status="partial", method="self", assessed_on=D(2026, 5, 1),
                           planned_on=D(2026, 10, 15)))
        r = scsec.evaluate(self.c, ev, as_of=AS_OF, project=True)
        p = scsec.Portfolio(self.c, AS_OF)
        p.add("1020", r)
        p.add("1010", scsec.evaluate(self.c, scsec.Evidence(self.c), as_of=AS_OF, project=True))
        rows = {x["supplier_id"]: x for x in p.to_records()}
        self.assertEqual((rows["1020"]["target"], rows["1020"]["projected_on"],
                          rows["1020"]["projection_blocked"]), (3, D(2026, 10, 15), 0))
        # nothing planned: every L3 item blocks it
        self.assertIsNone(rows["1010"]["projected_on"])
        self.assertEqual(rows["1010"]["projection_blocked"], 3)
        # L4 required: g-2 and p-2 have no plan
        p.add_contract("1020", "c-9", required=4)
        row = p.to_records()[1]
        self.assertEqual((row["target"], row["projected_on"]), (4, None))
        self.assertGreater(row["projection_blocked"], 0)

    def test_json_and_csv(self):
        p = self.build()
        doc = p.to_dict()
        self.assertEqual(doc["format"], "scsec-portfolio-1")
        self.assertEqual(doc["below"], p.below)
        self.assertEqual(p.to_json(), p.to_json())
        lines = p.to_csv().splitlines()
        self.assertTrue(lines[0].startswith("supplier_id,"))
        self.assertEqual(len(lines), 1 + 2 + 1)

    def test_load_contracts(self):
        p = scsec.Portfolio(self.c, AS_OF)
        with tempfile.TemporaryDirectory() as d:
            good = os.path.join(d, "k.csv")
            with open(good, "w", encoding="utf-8") as f:
                f.write("supplier,contract,data\n1001,c-1,yes\n1002,c-2,no\n")
            diags = p.load_contracts(good)
            self.assertTrue(diags.ok)
            self.assertEqual([(k["supplier"], k["required"], k["achieved"]) for k in p.contracts],
                             [("1001", 4, None), ("1002", 3, None)])
            bad = os.path.join(d, "bad.csv")
            with open(bad, "w", encoding="utf-8") as f:
                f.write("supplier,contract,data\n1003,c-1,yes\n1001,c-1,no\n")
            with self.assertRaises(scsec.InvalidContentError) as cm:
                p.load_contracts(bad)
            self.assertEqual(cm.exception.diagnostics[0].line, 3)
            self.assertEqual(len(p.contracts), 2)  # nothing of the bad sheet added

    def test_errors(self):
        p = scsec.Portfolio(self.c, AS_OF)
        r = self.record([])
        p.add("1", r)
        with self.assertRaises(scsec.ExistsError):
            p.add("1", r)
        other = scsec.evaluate(self.c, scsec.Evidence(self.c), as_of=D(2026, 6, 2))
        with self.assertRaises(scsec.MismatchError):
            p.add("2", other)
        with self.assertRaises(TypeError):
            p.add("2", "not a result")
        with self.assertRaises(scsec.InvalidArgumentError):
            p.add_contract("1", "k")
        with self.assertRaises(scsec.NotFoundError):
            p.add_contract("1", "k", answers={"nonsense": True})
        with self.assertRaises(scsec.InvalidArgumentError):
            scsec.Portfolio(self.c, AS_OF, within_days=-1)
        with self.assertRaises(TypeError):
            scsec.Portfolio(self.c, AS_OF, within_days="90")
        p.close()
        with self.assertRaises(ValueError):
            len(p)


if __name__ == "__main__":
    unittest.main()
