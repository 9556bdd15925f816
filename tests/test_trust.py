#!/usr/bin/env python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Trust lists through the command line (doc/trust.md, issue 12): scsec trust
new/add/revoke/list/sign, and --trust on evaluate, batch and report."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import AS_OF, SRCDIR, CliTestCase, example, scsec  # noqa: E402

BODY_PEM = os.path.join(SRCDIR, "tests", "data", "trust", "body.pem")
BODY_FP = "7a567b214106a2ba9bd1dd9710bffaba426f2eab242f03a00b7f27222c75b8e8"
CA_FP = "c" * 64
RECORD = example("kitakaze-precision.xml")


class TrustCase(CliTestCase):
    def new_list(self, name="list.xml"):
        path = self.path(name)
        r = scsec("trust", "new", "--operator", "IPA", "--version", "2026-04",
                  "--issued", "2026-04-01", "-o", path)
        self.assertStatus(r, 0)
        return path

    def listed(self, path, *extra):
        r = scsec("trust", "list", path, "--format", "json", *extra)
        self.assertStatus(r, 0)
        return json.loads(r.out)


class TestTrustCommands(TrustCase):
    def test_build_and_list(self):
        lst = self.new_list()
        self.assertStatus(scsec("trust", "add", lst, "--name", "Body One", "--role",
                                "evaluation-body", "--cert", BODY_PEM, "--from", "2026-01-01",
                                "--until", "2027-12-31"), 0)
        self.assertStatus(scsec("trust", "add", lst, "--name", "Expert CA", "--role", "expert",
                                "--fingerprint", CA_FP.upper(), "--ca", "--subject",
                                "CN=Jane Expert,O=Experts"), 0)
        self.assertStatus(scsec("trust", "revoke", lst, "--issuer", "CN=Operator CA",
                                "--serial", "0A1B", "--date", "2026-05-01"), 0)
        self.assertStatus(scsec("trust", "revoke", lst, "--cert", BODY_PEM,
                                "--date", "2026-06-01"), 0)
        self.assertNoTempFiles()
        j = self.listed(lst)
        self.assertEqual((j["operator"], j["version"], j["issued"], j["verified"]),
                         ("IPA", "2026-04", "2026-04-01", False))
        self.assertEqual([(p["name"], p["role"], p["sha256"], p["ca"], p["certificate"])
                          for p in j["parties"]],
                         [("Body One", "evaluation-body", BODY_FP, False, True),
                          ("Expert CA", "expert", CA_FP, True, False)])
        self.assertEqual(j["parties"][0]["until"], "2027-12-31")
        self.assertEqual(j["parties"][1]["subject"], "CN=Jane Expert,O=Experts")
        self.assertEqual([(v["sha256"], v["serial"], v["date"]) for v in j["revocations"]],
                         [(None, "a1b", "2026-05-01"), (BODY_FP, None, "2026-06-01")])
        text = scsec("trust", "list", lst)
        self.assertStatus(text, 0)
        self.assertIn("Body One", text.out)
        self.assertIn("not checked", text.out)
        # The file is what the schema describes.
        self.assertStatus(scsec("validate", lst), 0)

    def test_refusals(self):
        lst = self.new_list()
        before = open(lst, "rb").read()
        # Same party twice, bad fingerprint, bad role: the list is unchanged.
        self.assertStatus(scsec("trust", "add", lst, "--name", "A", "--role", "expert",
                                "--fingerprint", CA_FP), 0)
        after = open(lst, "rb").read()
        for args in (["--name", "A", "--role", "expert", "--fingerprint", CA_FP],
                     ["--name", "B", "--role", "expert", "--fingerprint", "abc"],
                     ["--name", "B", "--role", "Not A Token", "--fingerprint", CA_FP],
                     ["--name", "B", "--role", "expert", "--cert", self.write("x.pem", "junk")]):
            r = scsec("trust", "add", lst, *args)
            self.assertStatus(r, 2)
            self.assertEqual(open(lst, "rb").read(), after)
        self.assertNotEqual(before, after)
        # Usage errors.
        self.assertStatus(scsec("trust", "add", lst, "--name", "B", "--role", "expert"), 2)
        self.assertStatus(scsec("trust", "add", lst, "--name", "B", "--role", "expert",
                                "--fingerprint", CA_FP, "--cert", BODY_PEM), 2)
        self.assertStatus(scsec("trust", "revoke", lst, "--fingerprint", CA_FP), 2)
        self.assertStatus(scsec("trust", "revoke", lst, "--issuer", "CN=x", "--date",
                                "2026-01-01"), 2)
        r = scsec("trust", "list", lst, "--date", "2026-01-01")
        self.assertStatus(r, 2)
        self.assertIn("'--date' is not an option of 'scsec trust list'", r.err)
        self.assertStatus(scsec("trust", "frobnicate"), 2)
        self.assertStatus(scsec("trust", "new", "--operator", "IPA", "-o", self.path("n.xml")), 2)
        self.assertStatus(scsec("trust", "list", self.path("missing.xml")), 4)
        # A list that is not one, with its place.
        bad = self.write("bad.xml", '<trust-list xmlns="urn:scsec:trust:1" version="1" '
                                    'issued="2026-01-01"><operator>X</operator><bogus/>'
                                    '</trust-list>')
        r = scsec("trust", "list", bad)
        self.assertStatus(r, 3)
        self.assertIn("bad.xml:1:", r.err)
        dtd = self.write("dtd.xml", '<!DOCTYPE x [<!ENTITY a "b">]><trust-list/>')
        self.assertStatus(scsec("trust", "list", dtd), 3)


class TestTrustPolicyCli(TrustCase):
    def test_without_a_list_no_policy(self):
        r = scsec("evaluate", RECORD, "--as-of", AS_OF, "--format", "json")
        self.assertStatus(r, 0)
        j = json.loads(r.out)
        self.assertEqual(j["trust"], {"applied": False})
        self.assertEqual(j["level"], 4)
        self.assertNotIn("Trust:", scsec("evaluate", RECORD, "--as-of", AS_OF).out)

    def test_list_needs_its_operator(self):
        lst = self.new_list()
        for cmd in (["evaluate", RECORD], ["batch", RECORD],
                    ["report", RECORD, "-o", self.path("r.html")]):
            r = scsec(*cmd, "--trust", lst)
            self.assertStatus(r, 2)
            self.assertIn("--operator-cert", r.err)
        self.assertStatus(scsec("evaluate", RECORD, "--operator-cert", BODY_PEM), 2)
        self.assertStatus(scsec("evaluate", RECORD, "--trust", lst, "--operator-cert", BODY_PEM,
                                "--unverified-trust"), 2)
        # An unsigned list is refused when checked against an operator.
        r = scsec("evaluate", RECORD, "--trust", lst, "--operator-cert", BODY_PEM)
        self.assertIn(r.rc, (3, 4), repr(r))
        self.assertIn("refused", r.err)

    def test_unverified_list_is_flagged(self):
        lst = self.new_list()
        scsec("trust", "add", lst, "--name", "Body One", "--role", "evaluation-body",
              "--cert", BODY_PEM)
        r = scsec("evaluate", RECORD, "--as-of", AS_OF, "--format", "json", "--trust", lst,
                  "--unverified-trust")
        self.assertIn(r.rc, (0, 1), repr(r))
        self.assertIn("without checking", r.err)
        j = json.loads(r.out)
        self.assertEqual((j["trust"]["operator"], j["trust"]["verified"]), ("IPA", False))
        self.assertEqual(j["trust"]["signers"], [])
        # The record carries no signature: its third-party claims count as self.
        self.assertLess(j["level"], 4)
        t = scsec("evaluate", RECORD, "--as-of", AS_OF, "--trust", lst, "--unverified-trust")
        self.assertIn("NOT verified", t.out)
        self.assertIn("the record carries no signature", t.out)
        html = self.path("r.html")
        self.assertStatus(scsec("report", RECORD, "--as-of", AS_OF, "--trust", lst,
                                "--unverified-trust", "-o", html), 0)
        self.assertIn("<dt>Trust</dt>", open(html, encoding="utf-8").read())
        b = scsec("batch", RECORD, "--as-of", AS_OF, "--trust", lst, "--unverified-trust",
                  "--format", "json")
        self.assertStatus(b, 0)
        self.assertLess(json.loads(b.out)[0]["level"], 4)


if __name__ == "__main__":
    unittest.main()
